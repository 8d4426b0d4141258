/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wsp-push.h"

#include <sstream>

namespace ns3
{

MmsWspPushPdu
MmsWspPushPdu::MakeMmsPush(uint8_t tid, const std::vector<uint8_t>& mmsPdu)
{
    MmsWspPushPdu p;
    p.m_tid = tid;
    p.m_type = PUSH;
    p.m_contentType = MmsWspContentType("application/vnd.wap.mms-message");
    p.SetApplicationId(APP_ID_MMS_UA);
    p.m_data = mmsPdu;
    return p;
}

uint8_t
MmsWspPushPdu::GetTid() const
{
    return m_tid;
}

void
MmsWspPushPdu::SetTid(uint8_t tid)
{
    m_tid = tid;
}

uint8_t
MmsWspPushPdu::GetPduType() const
{
    return m_type;
}

void
MmsWspPushPdu::SetPduType(uint8_t type)
{
    m_type = type;
}

const MmsWspContentType&
MmsWspPushPdu::GetContentType() const
{
    return m_contentType;
}

void
MmsWspPushPdu::SetContentType(const MmsWspContentType& ct)
{
    m_contentType = ct;
}

const std::vector<MmsWspPartHeader>&
MmsWspPushPdu::GetHeaders() const
{
    return m_headers;
}

void
MmsWspPushPdu::AddHeader(const MmsWspPartHeader& h)
{
    m_headers.push_back(h);
}

void
MmsWspPushPdu::SetApplicationId(uint32_t id)
{
    MmsWspPartHeader h;
    h.code = HEADER_APPLICATION_ID;
    MmsWspWriter w;
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
MmsWspPushPdu::GetApplicationId() const
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
MmsWspPushPdu::GetData() const
{
    return m_data;
}

void
MmsWspPushPdu::SetData(const std::vector<uint8_t>& data)
{
    m_data = data;
}

std::size_t
MmsWspPushPdu::GetHeadersSize() const
{
    std::size_t n = m_contentType.GetEncodedSize();
    for (const auto& h : m_headers)
    {
        n += h.GetEncodedSize();
    }
    return n;
}

std::size_t
MmsWspPushPdu::GetEncodedSize() const
{
    std::size_t hl = GetHeadersSize();
    return 2 + MmsWspWriter::UintvarSize(static_cast<uint32_t>(hl)) + hl + m_data.size();
}

std::vector<uint8_t>
MmsWspPushPdu::Encode() const
{
    MmsWspWriter w;
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
MmsWspPushPdu::Decode(const uint8_t* data,
                      std::size_t size,
                      MmsWspPushPdu& out,
                      MmsDecodeError& error)
{
    out = MmsWspPushPdu();
    MmsWspReader r(data, size);
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
    MmsWspReader hr = r.ReadSub(headersLen, "HeadersLen");
    out.m_contentType = MmsWspContentType::Decode(hr, "Content-Type");
    while (hr.Ok() && !hr.IsAtEnd())
    {
        out.m_headers.push_back(MmsWspPartHeader::Decode(hr));
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

const std::vector<MmsDecodeWarning>&
MmsWspPushPdu::GetWarnings() const
{
    return m_warnings;
}

std::string
MmsWspPushPdu::HeaderName(const MmsWspPartHeader& h)
{
    return h.GetName();
}

std::string
MmsWspPushPdu::HeaderValue(const MmsWspPartHeader& h)
{
    if (h.raw.empty())
    {
        return h.value;
    }
    MmsWspReader r(h.raw.data(), h.raw.size());
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
                out = "hex:" + MmsWspToHex(h.raw);
            }
            break;
        default:
            return h.FormatValue();
    }
    return r.Ok() && r.IsAtEnd() ? out : h.FormatValue();
}

bool
MmsWspPushPdu::operator==(const MmsWspPushPdu& o) const
{
    return m_tid == o.m_tid && m_type == o.m_type && m_contentType == o.m_contentType
           && m_headers == o.m_headers && m_data == o.m_data;
}

} // namespace ns3
