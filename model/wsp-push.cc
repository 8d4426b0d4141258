/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "wsp-push.h"

#include <sstream>

namespace ns3
{

WspPushPdu
WspPushPdu::MakeMmsPush(uint8_t tid, const std::vector<uint8_t>& mmsPdu)
{
    WspPushPdu p;
    p.m_tid = tid;
    p.m_type = PUSH;
    p.m_contentType = WspContentType("application/vnd.wap.mms-message");
    p.SetApplicationId(APP_ID_MMS_UA);
    p.m_data = mmsPdu;
    return p;
}

uint8_t
WspPushPdu::GetTid() const
{
    return m_tid;
}

void
WspPushPdu::SetTid(uint8_t tid)
{
    m_tid = tid;
}

uint8_t
WspPushPdu::GetPduType() const
{
    return m_type;
}

void
WspPushPdu::SetPduType(uint8_t type)
{
    m_type = type;
}

const WspContentType&
WspPushPdu::GetContentType() const
{
    return m_contentType;
}

void
WspPushPdu::SetContentType(const WspContentType& ct)
{
    m_contentType = ct;
}

const std::vector<WspPartHeader>&
WspPushPdu::GetHeaders() const
{
    return m_headers;
}

void
WspPushPdu::AddHeader(const WspPartHeader& h)
{
    m_headers.push_back(h);
}

void
WspPushPdu::SetApplicationId(uint32_t id)
{
    WspPartHeader h;
    h.code = HEADER_APPLICATION_ID;
    WspWriter w;
    w.WriteIntegerValue(id);
    h.raw = w.GetBuffer();
    for (auto& e : m_headers)
    {
        if (e.code == HEADER_APPLICATION_ID)
        {
            e = h;
            return;
        }
    }
    m_headers.push_back(h);
}

std::string
WspPushPdu::GetApplicationId() const
{
    for (const auto& h : m_headers)
    {
        if (h.code == HEADER_APPLICATION_ID)
        {
            return HeaderValue(h);
        }
    }
    return "";
}

const std::vector<uint8_t>&
WspPushPdu::GetData() const
{
    return m_data;
}

void
WspPushPdu::SetData(const std::vector<uint8_t>& data)
{
    m_data = data;
}

std::size_t
WspPushPdu::GetHeadersSize() const
{
    std::size_t n = m_contentType.GetEncodedSize();
    for (const auto& h : m_headers)
    {
        n += h.GetEncodedSize();
    }
    return n;
}

std::size_t
WspPushPdu::GetEncodedSize() const
{
    std::size_t hl = GetHeadersSize();
    return 2 + WspWriter::UintvarSize(static_cast<uint32_t>(hl)) + hl + m_data.size();
}

std::vector<uint8_t>
WspPushPdu::Encode() const
{
    WspWriter w;
    w.WriteOctet(m_tid);
    w.WriteOctet(m_type);
    w.WriteUintvar(static_cast<uint32_t>(GetHeadersSize()));
    m_contentType.Encode(w);
    for (const auto& h : m_headers)
    {
        h.Encode(w);
    }
    w.WriteBytes(m_data);
    return w.GetBuffer();
}

bool
WspPushPdu::Decode(const uint8_t* data, std::size_t size, WspPushPdu& out, DecodeError& error)
{
    out = WspPushPdu();
    WspReader r(data, size);
    out.m_tid = r.ReadOctet("TID");
    out.m_type = r.ReadOctet("PDU-Type");
    if (r.Ok() && out.m_type != PUSH && out.m_type != CONFIRMED_PUSH)
    {
        std::ostringstream os;
        os << "PDU type 0x" << std::hex << unsigned(out.m_type)
           << " is not Push (0x06) or ConfirmedPush (0x07)";
        r.FailAt(1, "PDU-Type", os.str());
    }
    uint32_t headersLen = r.ReadUintvar("HeadersLen");
    WspReader hr = r.ReadSub(headersLen, "HeadersLen");
    out.m_contentType = WspContentType::Decode(hr, "Content-Type");
    while (hr.Ok() && !hr.IsAtEnd())
    {
        out.m_headers.push_back(WspPartHeader::Decode(hr));
    }
    r.Absorb(hr);
    out.m_data = r.ReadBytes(r.GetRemaining(), "Data");
    out.m_warnings = r.GetWarnings();
    if (!r.Ok())
    {
        error = r.GetError();
        return false;
    }
    return true;
}

const std::vector<DecodeWarning>&
WspPushPdu::GetWarnings() const
{
    return m_warnings;
}

std::string
WspPushPdu::HeaderName(const WspPartHeader& h)
{
    return h.GetName();
}

std::string
WspPushPdu::HeaderValue(const WspPartHeader& h)
{
    if (h.raw.empty())
    {
        return h.value;
    }
    WspReader r(h.raw.data(), h.raw.size());
    std::string out;
    switch (h.code)
    {
        case HEADER_APPLICATION_ID:
        case HEADER_CONTENT_LENGTH:
            // Integer-value, or a Text-string URI for the application id.
            out = r.PeekIsText() ? r.ReadTextString("value")
                                 : std::to_string(r.ReadIntegerValue("value"));
            break;
        case HEADER_PUSH_FLAG:
            out = std::to_string(r.ReadShortInteger("value"));
            break;
        case HEADER_ENCODING_VERSION:
            if (r.PeekOctet() >= 0x80)
            {
                uint8_t v = r.ReadShortInteger("value");
                out = std::to_string(v >> 4) + "." + std::to_string(v & 0x0F);
            }
            else
            {
                out = "hex:" + WspToHex(h.raw);
            }
            break;
        default:
            return h.FormatValue();
    }
    return r.Ok() && r.IsAtEnd() ? out : h.FormatValue();
}

bool
WspPushPdu::operator==(const WspPushPdu& o) const
{
    return m_tid == o.m_tid && m_type == o.m_type && m_contentType == o.m_contentType
           && m_headers == o.m_headers && m_data == o.m_data;
}

} // namespace ns3
