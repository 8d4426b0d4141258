/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wsp-session-pdu.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

namespace
{

std::string
Hex2(unsigned v)
{
    std::ostringstream os;
    os << "0x" << std::hex << (v < 0x10 ? "0" : "") << v;
    return os.str();
}

// A length that must fit in what is left: otherwise an error at the length's offset.
bool
CheckLength(
    MmsWspReader& r, std::size_t at, uint32_t len, const char* field, const char* where = "")
{
    if (r.Ok() && len > r.GetRemaining())
    {
        r.FailAt(at,
                 field,
                 "length " + std::to_string(len) + " exceeds the "
                     + std::to_string(r.GetRemaining()) + " octets left" + where);
    }
    return r.Ok();
}

bool
IsGetFamily(uint8_t type)
{
    return type >= 0x40 && type <= 0x5F; // WAP-230-WSP Table 34
}

bool
IsPostFamily(uint8_t type)
{
    return type >= 0x60 && type <= 0x7F;
}

} // namespace

// ---------------------------------------------------------------------------------------
// MmsWspAddress

MmsWspAddress
MmsWspAddress::Ipv4(uint32_t ipv4, uint16_t port)
{
    MmsWspAddress a;
    a.hasBearer = true;
    a.bearer = BEARER_IPV4;
    a.hasPort = true;
    a.port = port;
    a.address = {static_cast<uint8_t>(ipv4 >> 24),
                 static_cast<uint8_t>(ipv4 >> 16),
                 static_cast<uint8_t>(ipv4 >> 8),
                 static_cast<uint8_t>(ipv4)};
    return a;
}

std::string
MmsWspAddress::ToString() const
{
    std::string out;
    if (address.size() == 4 && (!hasBearer || bearer == BEARER_IPV4))
    {
        for (std::size_t i = 0; i < 4; ++i)
        {
            out += (i ? "." : "") + std::to_string(address[i]);
        }
    }
    else
    {
        out = "hex:" + MmsWspToHex(address);
    }
    if (hasPort)
    {
        out += ":" + std::to_string(port);
    }
    if (hasBearer)
    {
        out += " (bearer " + std::to_string(bearer) + ")";
    }
    return out;
}

std::size_t
MmsWspAddress::GetEncodedSize() const
{
    return 1 + (hasBearer ? 1 : 0) + (hasPort ? 2 : 0) + std::min<std::size_t>(address.size(), 63);
}

void
MmsWspAddress::Encode(MmsWspWriter& w) const
{
    std::size_t n = std::min<std::size_t>(address.size(), 63);
    w.WriteOctet(static_cast<uint8_t>((hasBearer ? 0x80 : 0) | (hasPort ? 0x40 : 0) | n));
    if (hasBearer)
    {
        w.WriteOctet(bearer);
    }
    if (hasPort)
    {
        w.WriteOctet(static_cast<uint8_t>(port >> 8));
        w.WriteOctet(static_cast<uint8_t>(port & 0xFF));
    }
    w.WriteBytes(address.data(), n);
}

MmsWspAddress
MmsWspAddress::Decode(MmsWspReader& r)
{
    MmsWspAddress a;
    uint8_t b = r.ReadOctet("Address");
    a.hasBearer = (b & 0x80) != 0;
    a.hasPort = (b & 0x40) != 0;
    if (a.hasBearer)
    {
        a.bearer = r.ReadOctet("Bearer-Type");
    }
    if (a.hasPort)
    {
        uint8_t hi = r.ReadOctet("Port-Number");
        uint8_t lo = r.ReadOctet("Port-Number");
        a.port = static_cast<uint16_t>((hi << 8) | lo);
    }
    a.address = r.ReadBytes(b & 0x3F, "Address");
    return a;
}

bool
MmsWspAddress::operator==(const MmsWspAddress& o) const
{
    return hasBearer == o.hasBearer && (!hasBearer || bearer == o.bearer) && hasPort == o.hasPort
           && (!hasPort || port == o.port) && address == o.address;
}

// ---------------------------------------------------------------------------------------
// MmsWspCapability (WAP-230-WSP section 8.3)

MmsWspCapability
MmsWspCapability::Size(int code, uint32_t v)
{
    MmsWspCapability c;
    c.code = code;
    MmsWspWriter w;
    w.WriteUintvar(v);
    c.value = w.GetBuffer();
    return c;
}

MmsWspCapability
MmsWspCapability::Mor(int code, uint8_t mor)
{
    MmsWspCapability c;
    c.code = code;
    c.value = {mor};
    return c;
}

MmsWspCapability
MmsWspCapability::ProtocolOptions(uint8_t flags)
{
    MmsWspCapability c;
    c.code = PROTOCOL_OPTIONS;
    c.value = {flags};
    return c;
}

MmsWspCapability
MmsWspCapability::NamedCodes(int code, const std::vector<std::pair<uint8_t, std::string>>& entries)
{
    MmsWspCapability c;
    c.code = code;
    MmsWspWriter w;
    for (const auto& e : entries)
    {
        w.WriteOctet(e.first);
        w.WriteTextString(e.second);
    }
    c.value = w.GetBuffer();
    return c;
}

MmsWspCapability
MmsWspCapability::Aliases(const std::vector<MmsWspAddress>& addresses)
{
    MmsWspCapability c;
    c.code = ALIASES;
    MmsWspWriter w;
    for (const auto& a : addresses)
    {
        a.Encode(w);
    }
    c.value = w.GetBuffer();
    return c;
}

std::string
MmsWspCapability::GetName() const
{
    static const char* names[] = {"Client-SDU-Size",
                                  "Server-SDU-Size",
                                  "Protocol-Options",
                                  "Method-MOR",
                                  "Push-MOR",
                                  "Extended-Methods",
                                  "Header-Code-Pages",
                                  "Aliases",
                                  "Client-Message-Size",
                                  "Server-Message-Size"};
    if (code < 0)
    {
        return name;
    }
    return code <= SERVER_MESSAGE_SIZE ? names[code] : "Capability-" + Hex2(code);
}

bool
MmsWspCapability::GetNumber(uint32_t& v) const
{
    MmsWspReader r(value.data(), value.size());
    switch (code)
    {
        case CLIENT_SDU_SIZE:
        case SERVER_SDU_SIZE:
        case CLIENT_MESSAGE_SIZE:
        case SERVER_MESSAGE_SIZE:
            v = r.ReadUintvar("value");
            break;
        case METHOD_MOR:
        case PUSH_MOR:
            v = r.ReadOctet("value");
            break;
        default:
            return false;
    }
    return r.Ok() && r.IsAtEnd();
}

std::string
MmsWspCapability::FormatValue() const
{
    std::string fallback = "hex:" + MmsWspToHex(value);
    uint32_t n = 0;
    if (GetNumber(n))
    {
        return std::to_string(n);
    }
    MmsWspReader r(value.data(), value.size());
    std::string out;
    switch (code)
    {
        case PROTOCOL_OPTIONS:
        {
            if (value.empty())
            {
                return "none";
            }
            static const std::pair<uint8_t, const char*> flags[] = {
                {OPTION_CONFIRMED_PUSH, "Confirmed-Push"},
                {OPTION_PUSH, "Push"},
                {OPTION_SESSION_RESUME, "Session-Resume"},
                {OPTION_ACK_HEADERS, "Acknowledgement-Headers"},
                {OPTION_LARGE_DATA, "Large-Data-Transfer"}};
            for (const auto& f : flags)
            {
                if (value[0] & f.first)
                {
                    out += (out.empty() ? "" : " ") + std::string(f.second);
                }
            }
            return value.size() == 1 ? (out.empty() ? "none" : out) : fallback;
        }
        case EXTENDED_METHODS:
        case HEADER_CODE_PAGES:
            while (r.Ok() && !r.IsAtEnd())
            {
                uint8_t c = r.ReadOctet("code");
                std::string nm = r.IsAtEnd() ? "" : r.ReadTextString("name");
                out += (out.empty() ? "" : ", ") + Hex2(c) + (nm.empty() ? "" : " " + nm);
            }
            return r.Ok() ? out : fallback;
        case ALIASES:
            while (r.Ok() && !r.IsAtEnd())
            {
                MmsWspAddress a = MmsWspAddress::Decode(r);
                out += (out.empty() ? "" : ", ") + a.ToString();
            }
            return r.Ok() ? out : fallback;
        default:
            return fallback;
    }
}

std::size_t
MmsWspCapability::GetIdentifierSize() const
{
    return code >= 0 ? 1 : MmsWspWriter::TextStringSize(name);
}

std::size_t
MmsWspCapability::GetEncodedSize() const
{
    std::size_t n = GetIdentifierSize() + value.size();
    return MmsWspWriter::UintvarSize(static_cast<uint32_t>(n)) + n;
}

void
MmsWspCapability::Encode(MmsWspWriter& w) const
{
    w.WriteUintvar(static_cast<uint32_t>(GetIdentifierSize() + value.size()));
    if (code >= 0)
    {
        w.WriteShortInteger(static_cast<uint8_t>(code));
    }
    else
    {
        w.WriteTextString(name);
    }
    w.WriteBytes(value);
}

// ---------------------------------------------------------------------------------------
// MmsWspHeaderItem

MmsWspHeaderItem
MmsWspHeaderItem::Header(const MmsWspPartHeader& h)
{
    MmsWspHeaderItem i;
    i.header = h;
    return i;
}

MmsWspHeaderItem
MmsWspHeaderItem::Shift(uint8_t page)
{
    MmsWspHeaderItem i;
    i.isShift = true;
    i.page = page;
    i.shortCut = page >= 1 && page <= 31;
    return i;
}

bool
MmsWspHeaderItem::operator==(const MmsWspHeaderItem& o) const
{
    if (isShift != o.isShift)
    {
        return false;
    }
    return isShift ? page == o.page && shortCut == o.shortCut : header == o.header;
}

// ---------------------------------------------------------------------------------------
// MmsWspSessionPdu: construction and accessors

MmsWspSessionPdu
MmsWspSessionPdu::MakeConnect(const std::vector<MmsWspCapability>& caps,
                              const std::vector<MmsWspHeaderItem>& headers)
{
    MmsWspSessionPdu p;
    p.m_type = CONNECT;
    p.m_caps = caps;
    p.m_headers = headers;
    return p;
}

MmsWspSessionPdu
MmsWspSessionPdu::MakeConnectReply(uint32_t sessionId, const std::vector<MmsWspCapability>& caps)
{
    MmsWspSessionPdu p;
    p.m_type = CONNECT_REPLY;
    p.m_sessionId = sessionId;
    p.m_caps = caps;
    return p;
}

MmsWspSessionPdu
MmsWspSessionPdu::MakeRedirect(uint8_t flags, const std::vector<MmsWspAddress>& addresses)
{
    MmsWspSessionPdu p;
    p.m_type = REDIRECT;
    p.m_redirectFlags = flags;
    p.m_addresses = addresses;
    return p;
}

MmsWspSessionPdu
MmsWspSessionPdu::MakeSessionEnd(uint8_t type, uint32_t sessionId)
{
    MmsWspSessionPdu p;
    p.m_type = type;
    p.m_sessionId = sessionId;
    return p;
}

MmsWspSessionPdu
MmsWspSessionPdu::MakeResume(uint32_t sessionId, const std::vector<MmsWspCapability>& caps)
{
    MmsWspSessionPdu p;
    p.m_type = RESUME;
    p.m_sessionId = sessionId;
    p.m_caps = caps;
    return p;
}

MmsWspSessionPdu
MmsWspSessionPdu::MakeGet(const std::string& uri, uint8_t type)
{
    MmsWspSessionPdu p;
    p.m_type = type;
    p.m_uri = uri;
    return p;
}

MmsWspSessionPdu
MmsWspSessionPdu::MakePost(const std::string& uri,
                           const MmsWspContentType& ct,
                           const std::vector<uint8_t>& data,
                           uint8_t type)
{
    MmsWspSessionPdu p;
    p.m_type = type;
    p.m_uri = uri;
    p.m_contentType = ct;
    p.m_data = data;
    return p;
}

MmsWspSessionPdu
MmsWspSessionPdu::MakeReply(int httpStatus,
                            const MmsWspContentType& ct,
                            const std::vector<uint8_t>& data)
{
    MmsWspSessionPdu p;
    p.m_type = REPLY;
    p.m_status = StatusFromHttp(httpStatus);
    p.m_contentType = ct;
    p.m_data = data;
    return p;
}

bool
MmsWspSessionPdu::IsConnectionless() const
{
    return m_connectionless;
}

void
MmsWspSessionPdu::SetConnectionless(bool connectionless, uint8_t tid)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_connectionless = connectionless;
    m_tid = tid;
}

uint8_t
MmsWspSessionPdu::GetTid() const
{
    return m_tid;
}

uint8_t
MmsWspSessionPdu::GetType() const
{
    return m_type;
}

uint8_t
MmsWspSessionPdu::GetVersion() const
{
    return m_version;
}

uint32_t
MmsWspSessionPdu::GetSessionId() const
{
    return m_sessionId;
}

uint8_t
MmsWspSessionPdu::GetRedirectFlags() const
{
    return m_redirectFlags;
}

const std::vector<MmsWspAddress>&
MmsWspSessionPdu::GetAddresses() const
{
    return m_addresses;
}

const std::string&
MmsWspSessionPdu::GetUri() const
{
    return m_uri;
}

uint8_t
MmsWspSessionPdu::GetStatus() const
{
    return m_status;
}

const MmsWspContentType&
MmsWspSessionPdu::GetContentType() const
{
    return m_contentType;
}

const std::vector<MmsWspCapability>&
MmsWspSessionPdu::GetCapabilities() const
{
    return m_caps;
}

const MmsWspCapability*
MmsWspSessionPdu::FindCapability(int code) const
{
    for (const auto& c : m_caps)
    {
        if (c.code == code)
        {
            return &c;
        }
    }
    return nullptr;
}

const std::vector<MmsWspHeaderItem>&
MmsWspSessionPdu::GetHeaders() const
{
    return m_headers;
}

void
MmsWspSessionPdu::AddHeader(const MmsWspHeaderItem& item)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_headers.push_back(item);
}

const std::vector<uint8_t>&
MmsWspSessionPdu::GetData() const
{
    return m_data;
}

const std::vector<MmsDecodeWarning>&
MmsWspSessionPdu::GetWarnings() const
{
    return m_warnings;
}

// ---------------------------------------------------------------------------------------
// Encoding

std::size_t
MmsWspSessionPdu::GetCapabilitiesSize() const
{
    std::size_t n = 0;
    for (const auto& c : m_caps)
    {
        n += c.GetEncodedSize();
    }
    return n;
}

std::size_t
MmsWspSessionPdu::GetHeadersSize() const
{
    std::size_t n = 0;
    for (const auto& h : m_headers)
    {
        n += h.isShift ? (h.shortCut ? 1 : 2) : h.header.GetEncodedSize();
    }
    return n;
}

void
MmsWspSessionPdu::EncodeHeaders(MmsWspWriter& w) const
{
    for (const auto& h : m_headers)
    {
        if (!h.isShift)
        {
            h.header.Encode(w);
        }
        else if (h.shortCut)
        {
            w.WriteOctet(h.page); // Short-cut-shift-delimiter (section 8.4.2.1)
        }
        else
        {
            w.WriteOctet(0x7F); // Shift-delimiter, then the Page-identity
            w.WriteOctet(h.page);
        }
    }
}

std::size_t
MmsWspSessionPdu::GetEncodedSize() const
{
    std::size_t n = (m_connectionless ? 1 : 0) + 1;
    auto uv = [](std::size_t v)
    {
        return MmsWspWriter::UintvarSize(static_cast<uint32_t>(v));
    };
    std::size_t caps = GetCapabilitiesSize();
    std::size_t hdrs = GetHeadersSize();
    switch (m_type)
    {
        case CONNECT:
            return n + 1 + uv(caps) + uv(hdrs) + caps + hdrs;
        case CONNECT_REPLY:
            return n + uv(m_sessionId) + uv(caps) + uv(hdrs) + caps + hdrs;
        case REDIRECT:
        {
            std::size_t a = 0;
            for (const auto& x : m_addresses)
            {
                a += x.GetEncodedSize();
            }
            return n + 1 + a;
        }
        case DISCONNECT:
        case SUSPEND:
            return n + uv(m_sessionId);
        case RESUME:
            return n + uv(m_sessionId) + uv(caps) + caps + hdrs;
        case REPLY:
        case PUSH:
        case CONFIRMED_PUSH:
        {
            std::size_t h = GetContentTypeSize() + hdrs;
            return n + (m_type == REPLY ? 1 : 0) + uv(h) + h + m_data.size();
        }
        default:
            if (IsPostFamily(m_type))
            {
                std::size_t h = GetContentTypeSize() + hdrs;
                return n + uv(m_uri.size()) + uv(h) + m_uri.size() + h + m_data.size();
            }
            return n + uv(m_uri.size()) + m_uri.size() + hdrs;
    }
}

std::vector<uint8_t>
MmsWspSessionPdu::Encode() const
{
    MmsWspWriter w;
    auto u32 = [](std::size_t v)
    {
        return static_cast<uint32_t>(v);
    };
    if (m_connectionless)
    {
        w.WriteOctet(m_tid);
    }
    w.WriteOctet(m_type);
    std::size_t hdrs = GetHeadersSize();
    switch (m_type)
    {
        case CONNECT:
        case CONNECT_REPLY:
            if (m_type == CONNECT)
            {
                w.WriteOctet(m_version);
            }
            else
            {
                w.WriteUintvar(m_sessionId);
            }
            w.WriteUintvar(u32(GetCapabilitiesSize()));
            w.WriteUintvar(u32(hdrs));
            for (const auto& c : m_caps)
            {
                c.Encode(w);
            }
            EncodeHeaders(w);
            break;
        case REDIRECT:
            w.WriteOctet(m_redirectFlags);
            for (const auto& a : m_addresses)
            {
                a.Encode(w);
            }
            break;
        case DISCONNECT:
        case SUSPEND:
            w.WriteUintvar(m_sessionId);
            break;
        case RESUME:
            w.WriteUintvar(m_sessionId);
            w.WriteUintvar(u32(GetCapabilitiesSize()));
            for (const auto& c : m_caps)
            {
                c.Encode(w);
            }
            EncodeHeaders(w);
            break;
        case REPLY:
        case PUSH:
        case CONFIRMED_PUSH:
            if (m_type == REPLY)
            {
                w.WriteOctet(m_status);
            }
            w.WriteUintvar(u32(GetContentTypeSize() + hdrs));
            if (m_hasContentType)
            {
                m_contentType.Encode(w);
            }
            EncodeHeaders(w);
            w.WriteBytes(m_data);
            break;
        default:
            w.WriteUintvar(u32(m_uri.size()));
            if (IsPostFamily(m_type))
            {
                w.WriteUintvar(u32(GetContentTypeSize() + hdrs));
                w.WriteBytes(reinterpret_cast<const uint8_t*>(m_uri.data()), m_uri.size());
                if (m_hasContentType)
                {
                    m_contentType.Encode(w);
                }
                EncodeHeaders(w);
                w.WriteBytes(m_data);
            }
            else
            {
                w.WriteBytes(reinterpret_cast<const uint8_t*>(m_uri.data()), m_uri.size());
                EncodeHeaders(w);
            }
            break;
    }
    return w.GetBuffer();
}

// ---------------------------------------------------------------------------------------
// Decoding

void
MmsWspSessionPdu::DecodeCapabilities(MmsWspReader& r, MmsWspSessionPdu& out)
{
    while (r.Ok() && !r.IsAtEnd())
    {
        std::size_t at = r.GetOffset();
        uint32_t len = r.ReadUintvar("Capability-Length");
        if (r.Ok() && len == 0)
        {
            r.FailAt(at, "Capability-Length", "a capability of length 0 has no identifier");
        }
        if (!CheckLength(r, at, len, "Capability-Length"))
        {
            break;
        }
        MmsWspReader cr = r.ReadSub(len, "Capability");
        MmsWspCapability c;
        if (cr.PeekOctet() >= 0x80)
        {
            c.code = cr.ReadShortInteger("Capability-Identifier");
        }
        else
        {
            c.name = cr.ReadTextString("Capability-Identifier");
        }
        c.value = cr.ReadBytes(cr.GetRemaining(), "Capability");
        r.Absorb(cr);
        if (r.Ok())
        {
            out.m_decoded.push_back({"Capability " + c.GetName(), c.FormatValue(), at});
            out.m_caps.push_back(std::move(c));
        }
    }
}

void
MmsWspSessionPdu::DecodeHeaders(MmsWspReader& r, MmsWspSessionPdu& out)
{
    uint8_t page = 1;
    while (r.Ok() && !r.IsAtEnd())
    {
        std::size_t at = r.GetOffset();
        uint8_t o = r.PeekOctet();
        MmsWspHeaderItem item;
        if (o == 0x7F || (o >= 0x01 && o <= 0x1F))
        {
            // A code page shift (WAP-230-WSP section 8.4.2.1).
            item.isShift = true;
            r.ReadOctet("Shift-Delimiter");
            item.shortCut = o != 0x7F;
            item.page = item.shortCut ? o : r.ReadOctet("Page-Identity");
            if (r.Ok() && item.page == 0)
            {
                r.FailAt(at, "Page-Identity", "code page 0 does not exist");
            }
            page = item.page;
            if (r.Ok())
            {
                out.m_decoded.push_back({"Shift", "code page " + std::to_string(page), at});
            }
        }
        else if (o == 0x00)
        {
            r.Fail("header", "octet 0x00 starts no header");
        }
        else if (page != 1 && o >= 0x80)
        {
            // A header of another code page: its code and value, undecoded.
            item.header.code = r.ReadOctet("header") & 0x7F;
            item.header.raw = MmsWspReadRawValue(r, "header");
            if (r.Ok())
            {
                out.m_decoded.push_back(
                    {"Page-" + std::to_string(page) + "-Header-" + Hex2(item.header.code),
                     item.header.FormatValue(),
                     at});
            }
        }
        else
        {
            item.header = MmsWspPartHeader::Decode(r);
            if (r.Ok())
            {
                out.m_decoded.push_back({item.header.GetName(), item.header.FormatValue(), at});
            }
        }
        if (r.Ok())
        {
            out.m_headers.push_back(std::move(item));
        }
    }
}

bool
MmsWspSessionPdu::Decode(const uint8_t* data,
                         std::size_t size,
                         bool connectionless,
                         MmsWspSessionPdu& out,
                         MmsDecodeError& error,
                         std::size_t baseOffset)
{
    out = MmsWspSessionPdu();
    out.m_wasDecoded = true;
    out.m_connectionless = connectionless;
    auto& f = out.m_decoded;
    MmsWspReader r(data, size, baseOffset);
    std::size_t at = r.GetOffset();
    if (connectionless)
    {
        out.m_tid = r.ReadOctet("TID");
        if (r.Ok())
        {
            f.push_back({"TID", std::to_string(out.m_tid), at});
        }
        at = r.GetOffset();
    }
    out.m_type = r.ReadOctet("PDU-Type");
    if (r.Ok())
    {
        f.push_back({"PDU-Type", TypeName(out.m_type), at});
        if (!IsKnownType(out.m_type))
        {
            r.FailAt(at, "PDU-Type", "PDU type " + Hex2(out.m_type) + " is not assigned");
        }
    }
    // Helpers that read a field and note it.
    auto uintvar = [&](const char* name) -> uint32_t
    {
        std::size_t a = r.GetOffset();
        uint32_t v = r.ReadUintvar(name);
        if (r.Ok())
        {
            f.push_back({name, std::to_string(v), a});
        }
        return v;
    };
    // HeadersLen 0 leaves no room for the mandatory Content-Type; some servers send it so
    // (an empty Reply), so it is tolerated with a warning.
    auto noContentType = [&](uint32_t hdrsLen)
    {
        if (r.Ok() && hdrsLen == 0)
        {
            r.Warn("HeadersLen 0: no Content-Type");
            out.m_hasContentType = false;
        }
    };
    auto contentType = [&](MmsWspReader& hr)
    {
        if (!out.m_hasContentType)
        {
            return;
        }
        std::size_t a = hr.GetOffset();
        out.m_contentType = MmsWspContentType::Decode(hr, "Content-Type");
        if (hr.Ok())
        {
            f.push_back({"Content-Type", out.m_contentType.ToString(), a});
        }
    };
    auto rest = [&]()
    {
        std::size_t a = r.GetOffset();
        out.m_data = r.ReadBytes(r.GetRemaining(), "Data");
        if (r.Ok() && !out.m_data.empty())
        {
            f.push_back({"Data", std::to_string(out.m_data.size()) + " octets", a});
        }
    };
    if (!r.Ok())
    {
        // Nothing more to read.
    }
    else if (out.m_type == CONNECT || out.m_type == CONNECT_REPLY || out.m_type == RESUME)
    {
        at = r.GetOffset();
        if (out.m_type == CONNECT)
        {
            out.m_version = r.ReadOctet("Version");
            if (r.Ok())
            {
                f.push_back({"Version",
                             std::to_string(out.m_version >> 4) + "."
                                 + std::to_string(out.m_version & 0x0F),
                             at});
            }
        }
        else
        {
            out.m_sessionId = uintvar(out.m_type == RESUME ? "SessionId" : "ServerSessionId");
        }
        at = r.GetOffset();
        uint32_t capsLen = uintvar("CapabilitiesLen");
        std::size_t hdrAt = r.GetOffset();
        uint32_t hdrsLen = 0;
        if (out.m_type != RESUME)
        {
            hdrsLen = uintvar("HeadersLen");
        }
        if (CheckLength(r, at, capsLen, "CapabilitiesLen"))
        {
            MmsWspReader cr = r.ReadSub(capsLen, "Capabilities");
            DecodeCapabilities(cr, out);
            r.Absorb(cr);
        }
        if (out.m_type == RESUME)
        {
            hdrsLen = static_cast<uint32_t>(r.GetRemaining());
        }
        if (CheckLength(r, hdrAt, hdrsLen, "HeadersLen", " after the capabilities"))
        {
            MmsWspReader hr = r.ReadSub(hdrsLen, "Headers");
            DecodeHeaders(hr, out);
            r.Absorb(hr);
        }
        if (r.Ok() && !r.IsAtEnd())
        {
            r.Fail("Headers", std::to_string(r.GetRemaining()) + " octets after the headers");
        }
    }
    else if (out.m_type == REDIRECT)
    {
        at = r.GetOffset();
        out.m_redirectFlags = r.ReadOctet("Flags");
        if (r.Ok())
        {
            f.push_back({"Flags", Hex2(out.m_redirectFlags), at});
        }
        while (r.Ok() && !r.IsAtEnd())
        {
            at = r.GetOffset();
            MmsWspAddress a = MmsWspAddress::Decode(r);
            if (r.Ok())
            {
                f.push_back({"Redirect-Address", a.ToString(), at});
                out.m_addresses.push_back(a);
            }
        }
    }
    else if (out.m_type == DISCONNECT || out.m_type == SUSPEND)
    {
        out.m_sessionId = uintvar(out.m_type == DISCONNECT ? "ServerSessionId" : "SessionId");
        if (r.Ok() && !r.IsAtEnd())
        {
            r.Fail("SessionId", std::to_string(r.GetRemaining()) + " octets after the session id");
        }
    }
    else if (out.m_type == REPLY || out.m_type == PUSH || out.m_type == CONFIRMED_PUSH)
    {
        at = r.GetOffset();
        if (out.m_type == REPLY)
        {
            out.m_status = r.ReadOctet("Status");
            if (r.Ok())
            {
                int http = HttpFromStatus(out.m_status);
                f.push_back({"Status",
                             Hex2(out.m_status) + (http ? " (" + std::to_string(http) + ")" : ""),
                             at});
            }
            at = r.GetOffset();
        }
        uint32_t hdrsLen = uintvar("HeadersLen");
        noContentType(hdrsLen);
        if (CheckLength(r, at, hdrsLen, "HeadersLen"))
        {
            MmsWspReader hr = r.ReadSub(hdrsLen, "Headers");
            contentType(hr);
            DecodeHeaders(hr, out);
            r.Absorb(hr);
        }
        rest();
    }
    else
    {
        bool post = IsPostFamily(out.m_type);
        at = r.GetOffset();
        uint32_t uriLen = uintvar("URILen");
        std::size_t hdrAt = r.GetOffset();
        uint32_t hdrsLen = post ? uintvar("HeadersLen") : 0;
        if (CheckLength(r, at, uriLen, "URILen"))
        {
            std::size_t a = r.GetOffset();
            std::vector<uint8_t> u = r.ReadBytes(uriLen, "URI");
            out.m_uri.assign(u.begin(), u.end());
            f.push_back({"URI", out.m_uri, a});
        }
        if (!post)
        {
            hdrsLen = static_cast<uint32_t>(r.GetRemaining());
        }
        else
        {
            noContentType(hdrsLen);
        }
        if (CheckLength(r, hdrAt, hdrsLen, "HeadersLen"))
        {
            MmsWspReader hr = r.ReadSub(hdrsLen, "Headers");
            if (post)
            {
                contentType(hr);
            }
            DecodeHeaders(hr, out);
            r.Absorb(hr);
        }
        rest();
    }
    out.m_warnings = r.GetWarnings();
    if (!r.Ok())
    {
        error = r.GetError();
        return false;
    }
    return true;
}

std::size_t
MmsWspSessionPdu::GetContentTypeSize() const
{
    return m_hasContentType ? m_contentType.GetEncodedSize() : 0;
}

bool
MmsWspSessionPdu::HasContentType() const
{
    return m_hasContentType;
}

std::vector<MmsDecodedField>
MmsWspSessionPdu::GetFields() const
{
    if (m_wasDecoded)
    {
        return m_decoded;
    }
    std::vector<uint8_t> b = Encode();
    MmsWspSessionPdu again;
    MmsDecodeError e;
    Decode(b.data(), b.size(), m_connectionless, again, e);
    return again.m_decoded;
}

std::string
MmsWspSessionPdu::TypeName(uint8_t type)
{
    switch (type)
    {
        case CONNECT:
            return "Connect";
        case CONNECT_REPLY:
            return "ConnectReply";
        case REDIRECT:
            return "Redirect";
        case REPLY:
            return "Reply";
        case DISCONNECT:
            return "Disconnect";
        case PUSH:
            return "Push";
        case CONFIRMED_PUSH:
            return "ConfirmedPush";
        case SUSPEND:
            return "Suspend";
        case RESUME:
            return "Resume";
        case GET:
            return "Get";
        case OPTIONS:
            return "Options";
        case HEAD:
            return "Head";
        case DELETE:
            return "Delete";
        case TRACE:
            return "Trace";
        case POST:
            return "Post";
        case PUT:
            return "Put";
        default:
            if (IsGetFamily(type))
            {
                return "Get-" + Hex2(type);
            }
            if (IsPostFamily(type))
            {
                return "Post-" + Hex2(type);
            }
            return "Type-" + Hex2(type);
    }
}

bool
MmsWspSessionPdu::IsKnownType(uint8_t type)
{
    return (type >= CONNECT && type <= RESUME) || IsGetFamily(type) || IsPostFamily(type);
}

uint8_t
MmsWspSessionPdu::StatusFromHttp(int http)
{
    int cls = http / 100;
    int xx = http % 100;
    if (cls >= 1 && cls <= 4 && cls * 0x10 + xx < 0x60 && (cls == 4 || xx < 0x10))
    {
        return static_cast<uint8_t>(cls * 0x10 + xx);
    }
    if (cls == 5 && xx < 0x10)
    {
        return static_cast<uint8_t>(0x60 + xx);
    }
    return 0x60;
}

int
MmsWspSessionPdu::HttpFromStatus(uint8_t status)
{
    if (status >= 0x10 && status < 0x40)
    {
        return (status >> 4) * 100 + (status & 0x0F);
    }
    if (status >= 0x40 && status < 0x60)
    {
        return 400 + (status - 0x40);
    }
    if (status >= 0x60 && status < 0x70)
    {
        return 500 + (status - 0x60);
    }
    return 0;
}

bool
MmsWspSessionPdu::operator==(const MmsWspSessionPdu& o) const
{
    return Encode() == o.Encode();
}

} // namespace ns3
