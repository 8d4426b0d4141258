/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-multipart.h"

#include <sstream>

namespace ns3
{

// ------------------------------------------------------------------------------- MmsContent

MmsContent::MmsContent(std::vector<uint8_t> bytes)
    : m_bytes(std::move(bytes))
{
}

MmsContent::MmsContent(const std::string& text)
    : m_bytes(text.begin(), text.end())
{
}

MmsContent
MmsContent::Virtual(uint32_t size)
{
    MmsContent c;
    c.m_virtual = true;
    c.m_virtualSize = size;
    return c;
}

uint32_t
MmsContent::GetSize() const
{
    return m_virtual ? m_virtualSize : static_cast<uint32_t>(m_bytes.size());
}

bool
MmsContent::IsVirtual() const
{
    return m_virtual;
}

const std::vector<uint8_t>&
MmsContent::GetBytes() const
{
    return m_bytes;
}

bool
MmsContent::operator==(const MmsContent& o) const
{
    // Virtual content stands for zero octets: compare what would go on the wire.
    if (m_virtual || o.m_virtual)
    {
        if (GetSize() != o.GetSize())
        {
            return false;
        }
        const std::vector<uint8_t>& real = m_virtual ? o.m_bytes : m_bytes;
        for (uint8_t b : real)
        {
            if (b != 0)
            {
                return false;
            }
        }
        return true;
    }
    return m_bytes == o.m_bytes;
}

// -------------------------------------------------------------------------- MmsSegmentWriter

MmsWspWriter&
MmsSegmentWriter::Head()
{
    return m_head;
}

void
MmsSegmentWriter::AddVirtual(uint32_t zeros)
{
    if (zeros == 0)
    {
        return;
    }
    MmsWireSegment s;
    s.bytes.swap(m_head.GetBuffer());
    s.virtualZeros = zeros;
    m_done.push_back(std::move(s));
}

void
MmsSegmentWriter::AddContent(const MmsContent& c)
{
    if (c.IsVirtual())
    {
        AddVirtual(c.GetSize());
    }
    else
    {
        m_head.WriteBytes(c.GetBytes());
    }
}

std::vector<MmsWireSegment>
MmsSegmentWriter::Finish()
{
    if (m_head.GetSize() > 0 || m_done.empty())
    {
        MmsWireSegment s;
        s.bytes.swap(m_head.GetBuffer());
        m_done.push_back(std::move(s));
    }
    std::vector<MmsWireSegment> out;
    out.swap(m_done);
    return out;
}

// ----------------------------------------------------------------------------------- MmsPart

bool
MmsPart::operator==(const MmsPart& o) const
{
    return contentType == o.contentType && headers == o.headers && data == o.data;
}

std::string
MmsPart::GetContentId() const
{
    for (const auto& h : headers)
    {
        if (h.code == MmsWspPartHeader::CONTENT_ID && h.raw.empty())
        {
            return h.value;
        }
    }
    return "";
}

std::string
MmsPart::GetContentLocation() const
{
    for (const auto& h : headers)
    {
        if (h.code == MmsWspPartHeader::CONTENT_LOCATION && h.raw.empty())
        {
            return h.value;
        }
    }
    return "";
}

std::size_t
MmsPart::GetHeadersSize() const
{
    std::size_t n = contentType.GetEncodedSize();
    for (const auto& h : headers)
    {
        n += h.GetEncodedSize();
    }
    return n;
}

// -------------------------------------------------------------------------- MmsMultipartBody

std::size_t
MmsMultipartBody::GetEncodedSize() const
{
    std::size_t n = MmsWspWriter::UintvarSize(static_cast<uint32_t>(parts.size()));
    for (const auto& p : parts)
    {
        std::size_t hl = p.GetHeadersSize();
        n += MmsWspWriter::UintvarSize(static_cast<uint32_t>(hl))
             + MmsWspWriter::UintvarSize(p.data.GetSize()) + hl + p.data.GetSize();
    }
    return n;
}

void
MmsMultipartBody::Encode(MmsSegmentWriter& sw) const
{
    MmsWspWriter& w = sw.Head();
    w.WriteUintvar(static_cast<uint32_t>(parts.size()));
    for (const auto& p : parts)
    {
        MmsWspWriter& h = sw.Head();
        h.WriteUintvar(static_cast<uint32_t>(p.GetHeadersSize()));
        h.WriteUintvar(p.data.GetSize());
        p.contentType.Encode(h);
        for (const auto& ph : p.headers)
        {
            ph.Encode(h);
        }
        sw.AddContent(p.data);
    }
}

void
MmsMultipartBody::Encode(MmsWspWriter& w) const
{
    MmsSegmentWriter sw;
    Encode(sw);
    for (const auto& s : sw.Finish())
    {
        w.WriteBytes(s.bytes);
        w.GetBuffer().insert(w.GetBuffer().end(), s.virtualZeros, uint8_t{0});
    }
}

MmsMultipartBody
MmsMultipartBody::Decode(MmsWspReader& r, const MmsDecodeOptions& options)
{
    MmsMultipartBody body;
    uint32_t count = r.ReadUintvar("multipart entry count");
    // Every entry takes at least three octets: never reserve more than the input could hold.
    if (r.Ok() && count > r.GetRemaining() / 3 + 1)
    {
        std::ostringstream os;
        os << count << " entries cannot fit in the " << r.GetRemaining() << " octets left";
        r.Fail("multipart entry count", os.str());
        return body;
    }
    for (uint32_t i = 0; i < count && r.Ok(); ++i)
    {
        std::string field = "multipart entry " + std::to_string(i + 1);
        uint32_t headersLen = r.ReadUintvar(field.c_str());
        uint32_t dataLen = r.ReadUintvar(field.c_str());
        if (!r.Ok())
        {
            break;
        }
        MmsPart part;
        MmsWspReader hr = r.ReadSub(headersLen, (field + " headers").c_str());
        part.contentType = MmsWspContentType::Decode(hr, (field + " Content-Type").c_str());
        while (hr.Ok() && !hr.IsAtEnd())
        {
            part.headers.push_back(MmsWspPartHeader::Decode(hr));
        }
        r.Absorb(hr);
        if (!r.Ok())
        {
            break;
        }
        if (dataLen > r.GetRemaining())
        {
            std::ostringstream os;
            os << "data length " << dataLen << " exceeds the " << r.GetRemaining()
               << " octets left";
            r.Fail((field + " data").c_str(), os.str());
            break;
        }
        if (options.keepContent)
        {
            part.data = MmsContent(r.ReadBytes(dataLen, field.c_str()));
        }
        else
        {
            r.Skip(dataLen, field.c_str());
            part.data = MmsContent::Virtual(dataLen);
        }
        body.parts.push_back(std::move(part));
    }
    if (r.Ok() && !r.IsAtEnd())
    {
        std::ostringstream os;
        os << r.GetRemaining() << " octets after the last multipart entry";
        r.Warn(os.str());
        r.Skip(r.GetRemaining(), "multipart trailer");
    }
    return body;
}

} // namespace ns3
