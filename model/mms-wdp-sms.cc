/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wdp-sms.h"

#include <sstream>

namespace ns3
{

namespace
{
constexpr uint8_t IEI_CONCAT_8 = 0x00;  // concatenated SMS, 8-bit reference
constexpr uint8_t IEI_PORTS_8 = 0x04;   // application port addressing, 8-bit
constexpr uint8_t IEI_PORTS_16 = 0x05;  // application port addressing, 16-bit
constexpr uint8_t IEI_CONCAT_16 = 0x08; // concatenated SMS, 16-bit reference
} // namespace

std::vector<uint8_t>
MmsWdpSmsSegment::Encode() const
{
    std::vector<uint8_t> udh;
    auto addPorts = [&]()
    {
        if (hasPorts && ports8Bit)
        {
            udh.insert(udh.end(),
                       {IEI_PORTS_8,
                        2,
                        static_cast<uint8_t>(destinationPort),
                        static_cast<uint8_t>(sourcePort)});
        }
        else if (hasPorts)
        {
            udh.insert(udh.end(),
                       {IEI_PORTS_16,
                        4,
                        static_cast<uint8_t>(destinationPort >> 8),
                        static_cast<uint8_t>(destinationPort),
                        static_cast<uint8_t>(sourcePort >> 8),
                        static_cast<uint8_t>(sourcePort)});
        }
    };
    auto addConcatenation = [&]()
    {
        if (concatenated)
        {
            if (reference16Bit)
            {
                udh.insert(udh.end(),
                           {IEI_CONCAT_16,
                            4,
                            static_cast<uint8_t>(reference >> 8),
                            static_cast<uint8_t>(reference),
                            total,
                            sequence});
            }
            else
            {
                udh.insert(udh.end(),
                           {IEI_CONCAT_8, 3, static_cast<uint8_t>(reference), total, sequence});
            }
        }
    };
    if (concatenationFirst)
    {
        addConcatenation();
        addPorts();
    }
    else
    {
        addPorts();
        addConcatenation();
    }
    for (const auto& ie : otherElements)
    {
        udh.push_back(ie.first);
        udh.push_back(static_cast<uint8_t>(ie.second.size()));
        udh.insert(udh.end(), ie.second.begin(), ie.second.end());
    }
    std::vector<uint8_t> out;
    out.push_back(static_cast<uint8_t>(udh.size()));
    out.insert(out.end(), udh.begin(), udh.end());
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

bool
MmsWdpSmsSegment::Decode(const uint8_t* data,
                         std::size_t size,
                         MmsWdpSmsSegment& out,
                         MmsDecodeError& error)
{
    out = MmsWdpSmsSegment();
    MmsWspReader r(data, size);
    if (size > MmsWdpSms::USER_DATA_OCTETS)
    {
        r.Warn("user data longer than 140 octets");
    }
    uint8_t udhl = r.ReadOctet("UDHL");
    MmsWspReader h = r.ReadSub(udhl, "UDHL");
    while (h.Ok() && !h.IsAtEnd())
    {
        std::size_t ieStart = h.GetOffset();
        uint8_t iei = h.ReadOctet("IEI");
        uint8_t iel = h.ReadOctet("IEDL");
        std::vector<uint8_t> v = h.ReadBytes(iel, "IE data");
        if (!h.Ok())
        {
            break;
        }
        auto expect = [&](std::size_t n, const char* name)
        {
            if (v.size() != n)
            {
                std::ostringstream os;
                os << name << " element has length " << v.size() << ", expected " << n;
                h.FailAt(ieStart, name, os.str());
                return false;
            }
            return true;
        };
        switch (iei)
        {
            case IEI_PORTS_16:
                if (expect(4, "application port (16-bit)"))
                {
                    out.hasPorts = true;
                    out.destinationPort = static_cast<uint16_t>(v[0] << 8 | v[1]);
                    out.sourcePort = static_cast<uint16_t>(v[2] << 8 | v[3]);
                }
                break;
            case IEI_PORTS_8:
                if (expect(2, "application port (8-bit)"))
                {
                    out.hasPorts = true;
                    out.destinationPort = v[0];
                    out.sourcePort = v[1];
                    out.ports8Bit = true;
                }
                break;
            case IEI_CONCAT_8:
            case IEI_CONCAT_16:
            {
                bool r16 = iei == IEI_CONCAT_16;
                if (!expect(r16 ? 4 : 3, "concatenation"))
                {
                    break;
                }
                out.concatenated = true;
                out.concatenationFirst = !out.hasPorts;
                out.reference16Bit = r16;
                out.reference = r16 ? static_cast<uint16_t>(v[0] << 8 | v[1]) : v[0];
                out.total = v[r16 ? 2 : 1];
                out.sequence = v[r16 ? 3 : 2];
                if (out.total == 0 || out.sequence == 0 || out.sequence > out.total)
                {
                    std::ostringstream os;
                    os << "segment " << unsigned(out.sequence) << " of " << unsigned(out.total)
                       << " is out of range";
                    h.FailAt(ieStart, "concatenation", os.str());
                }
                break;
            }
            default:
                out.otherElements.emplace_back(iei, v);
                break;
        }
    }
    r.Absorb(h);
    out.payload = r.ReadBytes(r.GetRemaining(), "payload");
    if (!r.Ok())
    {
        error = r.GetError();
        return false;
    }
    return true;
}

std::size_t
MmsWdpSms::PayloadPerSegment(bool concatenated, bool reference16Bit)
{
    // 140 octets less UDHL (1) and the port element (6): 133; less the concatenation element
    // (5 with an 8-bit reference, 6 with a 16-bit one): 128 or 127.
    if (!concatenated)
    {
        return USER_DATA_OCTETS - 7;
    }
    return USER_DATA_OCTETS - 7 - (reference16Bit ? 6 : 5);
}

uint32_t
MmsWdpSms::GetSegmentCount(std::size_t datagramSize, bool reference16Bit)
{
    if (datagramSize <= PayloadPerSegment(false, false))
    {
        return 1;
    }
    std::size_t per = PayloadPerSegment(true, reference16Bit);
    std::size_t n = (datagramSize + per - 1) / per;
    return n > MAX_SEGMENTS ? 0 : static_cast<uint32_t>(n);
}

std::vector<MmsWdpSmsSegment>
MmsWdpSms::Split(const std::vector<uint8_t>& datagram, const MmsWdpSmsOptions& options)
{
    uint32_t n = GetSegmentCount(datagram.size(), options.reference16Bit);
    std::vector<MmsWdpSmsSegment> out;
    if (n == 0)
    {
        return out;
    }
    std::size_t per = n == 1 ? datagram.size() : PayloadPerSegment(true, options.reference16Bit);
    for (uint32_t i = 0; i < n; ++i)
    {
        MmsWdpSmsSegment s;
        s.hasPorts = true;
        s.destinationPort = options.destinationPort;
        s.sourcePort = options.sourcePort;
        if (n > 1)
        {
            s.concatenated = true;
            s.reference16Bit = options.reference16Bit;
            s.reference = options.reference16Bit ? options.reference : options.reference & 0xFF;
            s.total = static_cast<uint8_t>(n);
            s.sequence = static_cast<uint8_t>(i + 1);
        }
        std::size_t begin = i * per;
        std::size_t end = std::min(datagram.size(), begin + per);
        s.payload.assign(datagram.begin() + begin, datagram.begin() + end);
        out.push_back(std::move(s));
    }
    return out;
}

MmsWdpSmsReassembler::MmsWdpSmsReassembler(std::size_t maxPending, std::size_t recentWindow)
    : m_maxPending(maxPending)
    , m_recentWindow(recentWindow)
{
}

bool
MmsWdpSmsReassembler::Add(const std::string& originator,
                          const MmsWdpSmsSegment& segment,
                          std::string* error)
{
    auto fail = [error](const std::string& m)
    {
        if (error)
        {
            *error = m;
        }
        return false;
    };
    if (!segment.concatenated)
    {
        Datagram d;
        d.originator = originator;
        d.destinationPort = segment.destinationPort;
        d.sourcePort = segment.sourcePort;
        d.segments = 1;
        d.data = segment.payload;
        m_ready.push_back(std::move(d));
        return true;
    }
    if (segment.total == 0 || segment.sequence == 0 || segment.sequence > segment.total)
    {
        return fail("segment " + std::to_string(segment.sequence) + " of "
                    + std::to_string(segment.total) + " is out of range");
    }
    uint32_t key = (segment.reference16Bit ? 0x10000u : 0u) | segment.reference;
    auto k = std::make_pair(originator, key);
    auto it = m_partial.find(k);
    if (it == m_partial.end())
    {
        for (const auto& r : m_recent)
        {
            if (r.first == k && r.second == segment.total)
            {
                ++m_duplicates; // a late copy of a segment of a completed datagram
                return true;
            }
        }
        if (m_partial.size() >= m_maxPending)
        {
            return fail("too many partial datagrams pending (" + std::to_string(m_maxPending)
                        + ")");
        }
        Partial p;
        p.total = segment.total;
        p.destinationPort = segment.destinationPort;
        p.sourcePort = segment.sourcePort;
        it = m_partial.emplace(k, std::move(p)).first;
    }
    Partial& p = it->second;
    if (p.total != segment.total)
    {
        return fail("reference " + std::to_string(segment.reference) + " announced "
                    + std::to_string(p.total) + " segments, this one says "
                    + std::to_string(segment.total));
    }
    if (!p.parts.emplace(segment.sequence, segment.payload).second)
    {
        ++m_duplicates;
        return true;
    }
    if (p.parts.size() == p.total)
    {
        Datagram d;
        d.originator = originator;
        d.destinationPort = p.destinationPort;
        d.sourcePort = p.sourcePort;
        d.segments = p.total;
        for (const auto& part : p.parts)
        {
            d.data.insert(d.data.end(), part.second.begin(), part.second.end());
        }
        m_ready.push_back(std::move(d));
        m_recent.emplace_back(k, p.total);
        if (m_recent.size() > m_recentWindow)
        {
            m_recent.erase(m_recent.begin());
        }
        m_partial.erase(it);
    }
    return true;
}

bool
MmsWdpSmsReassembler::HasDatagram() const
{
    return !m_ready.empty();
}

MmsWdpSmsReassembler::Datagram
MmsWdpSmsReassembler::PopDatagram()
{
    Datagram d = std::move(m_ready.front());
    m_ready.erase(m_ready.begin());
    return d;
}

std::size_t
MmsWdpSmsReassembler::GetPendingCount() const
{
    return m_partial.size();
}

uint64_t
MmsWdpSmsReassembler::GetDuplicateCount() const
{
    return m_duplicates;
}

} // namespace ns3
