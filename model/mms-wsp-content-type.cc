/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wsp-content-type.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_map>

namespace ns3
{

namespace
{

// Well-known content types: WAP-230 (WSP) Table 40 and its continuation in the OMNA "WSP Content
// Type Codes" registry; the same assignments appear in Wireshark's packet-wsp.c.
const char* const g_wellKnownMedia[] = {
    "*/*",                                       // 0x00
    "text/*",                                    // 0x01
    "text/html",                                 // 0x02
    "text/plain",                                // 0x03
    "text/x-hdml",                               // 0x04
    "text/x-ttml",                               // 0x05
    "text/x-vCalendar",                          // 0x06
    "text/x-vCard",                              // 0x07
    "text/vnd.wap.wml",                          // 0x08
    "text/vnd.wap.wmlscript",                    // 0x09
    "text/vnd.wap.wta-event",                    // 0x0A
    "multipart/*",                               // 0x0B
    "multipart/mixed",                           // 0x0C
    "multipart/form-data",                       // 0x0D
    "multipart/byterantes",                      // 0x0E (sic, as assigned)
    "multipart/alternative",                     // 0x0F
    "application/*",                             // 0x10
    "application/java-vm",                       // 0x11
    "application/x-www-form-urlencoded",         // 0x12
    "application/x-hdmlc",                       // 0x13
    "application/vnd.wap.wmlc",                  // 0x14
    "application/vnd.wap.wmlscriptc",            // 0x15
    "application/vnd.wap.wta-eventc",            // 0x16
    "application/vnd.wap.uaprof",                // 0x17
    "application/vnd.wap.wtls-ca-certificate",   // 0x18
    "application/vnd.wap.wtls-user-certificate", // 0x19
    "application/x-x509-ca-cert",                // 0x1A
    "application/x-x509-user-cert",              // 0x1B
    "image/*",                                   // 0x1C
    "image/gif",                                 // 0x1D
    "image/jpeg",                                // 0x1E
    "image/tiff",                                // 0x1F
    "image/png",                                 // 0x20
    "image/vnd.wap.wbmp",                        // 0x21
    "application/vnd.wap.multipart.*",           // 0x22
    "application/vnd.wap.multipart.mixed",       // 0x23
    "application/vnd.wap.multipart.form-data",   // 0x24
    "application/vnd.wap.multipart.byteranges",  // 0x25
    "application/vnd.wap.multipart.alternative", // 0x26
    "application/xml",                           // 0x27
    "text/xml",                                  // 0x28
    "application/vnd.wap.wbxml",                 // 0x29
    "application/x-x968-cross-cert",             // 0x2A
    "application/x-x968-ca-cert",                // 0x2B
    "application/x-x968-user-cert",              // 0x2C
    "text/vnd.wap.si",                           // 0x2D
    "application/vnd.wap.sic",                   // 0x2E
    "text/vnd.wap.sl",                           // 0x2F
    "application/vnd.wap.slc",                   // 0x30
    "text/vnd.wap.co",                           // 0x31
    "application/vnd.wap.coc",                   // 0x32
    "application/vnd.wap.multipart.related",     // 0x33
    "application/vnd.wap.sia",                   // 0x34
    "text/vnd.wap.connectivity-xml",             // 0x35
    "application/vnd.wap.connectivity-wbxml",    // 0x36
    "application/pkcs7-mime",                    // 0x37
    "application/vnd.wap.hashed-certificate",    // 0x38
    "application/vnd.wap.signed-certificate",    // 0x39
    "application/vnd.wap.cert-response",         // 0x3A
    "application/xhtml+xml",                     // 0x3B
    "application/wml+xml",                       // 0x3C
    "text/css",                                  // 0x3D
    "application/vnd.wap.mms-message",           // 0x3E
    "application/vnd.wap.rollover-certificate",  // 0x3F
    "application/vnd.wap.locc+wbxml",            // 0x40
    "application/vnd.wap.loc+xml",               // 0x41
    "application/vnd.syncml.dm+wbxml",           // 0x42
    "application/vnd.syncml.dm+xml",             // 0x43
    "application/vnd.syncml.notification",       // 0x44
    "application/vnd.wap.xhtml+xml",             // 0x45
    "application/vnd.wv.csp.cir",                // 0x46
    "application/vnd.oma.dd+xml",                // 0x47
    "application/vnd.oma.drm.message",           // 0x48
    "application/vnd.oma.drm.content",           // 0x49
    "application/vnd.oma.drm.rights+xml",        // 0x4A
    "application/vnd.oma.drm.rights+wbxml",      // 0x4B
    "application/vnd.wv.csp+xml",                // 0x4C
    "application/vnd.wv.csp+wbxml",              // 0x4D
    "application/vnd.syncml.ds.notification",    // 0x4E
    "audio/*",                                   // 0x4F
    "video/*",                                   // 0x50
    "application/vnd.oma.dd2+xml",               // 0x51
    "application/mikey",                         // 0x52
};

constexpr std::size_t g_wellKnownMediaCount =
    sizeof(g_wellKnownMedia) / sizeof(g_wellKnownMedia[0]);

/// The text with A-Z as a-z (media types and parameter names are ASCII, RFC 2045 section 5.1).
std::string
AsciiLower(std::string text)
{
    for (char& ch : text)
    {
        if (ch >= 'A' && ch <= 'Z')
        {
            ch = static_cast<char>(ch - 'A' + 'a');
        }
    }
    return text;
}

/// Value encodings of the typed parameters we model.
enum class ParamValue
{
    Integer,     // Integer-value
    Uintvar,     // Q-value
    ShortOrText, // Version-value, Constrained-encoding: Short-integer or Text-string
    Charset,     // Well-known-charset (Integer-value) or a textual charset
    Text,        // Text-value
    Untyped,     // Integer-value or Text-value
};

ParamValue
ParamValueOf(int code)
{
    switch (code)
    {
        case 0x00:
            return ParamValue::Uintvar;
        case 0x01:
            return ParamValue::Charset;
        case 0x02:
        case 0x09:
            return ParamValue::ShortOrText;
        case 0x03:
        case 0x0E:
        case 0x11:
        case 0x13:
        case 0x14:
        case 0x15:
        case 0x16:
            return ParamValue::Integer;
        case 0x05:
        case 0x06:
        case 0x0A:
        case 0x0B:
        case 0x0C:
        case 0x0D:
        case 0x0F:
        case 0x10:
        case 0x12:
        case 0x17:
        case 0x18:
        case 0x19:
        case 0x1A:
        case 0x1B:
        case 0x1C:
        case 0x1D:
            return ParamValue::Text;
        default:
            return ParamValue::Untyped;
    }
}

bool
IsTextOctet(uint8_t o)
{
    return o == 0 || (o >= 0x20 && o <= 0x7F);
}

/// Text-value: No-value (0x00), Token-text, or Quoted-string.
std::string
ReadTextValue(MmsWspReader& r, const char* field)
{
    if (r.PeekOctet() == 0x22)
    {
        return "\"" + r.ReadQuotedString(field);
    }
    return r.ReadTextString(field);
}

void
WriteTextValue(MmsWspWriter& w, const std::string& s)
{
    if (!s.empty() && s[0] == '"')
    {
        w.WriteQuotedString(s.substr(1));
    }
    else
    {
        w.WriteTextString(s);
    }
}

MmsWspParameter
ReadParameter(MmsWspReader& r, const char* field)
{
    MmsWspParameter p;
    ParamValue kind;
    if (r.PeekOctet() >= 0x80 || (r.PeekOctet() >= 1 && r.PeekOctet() <= 30))
    {
        uint64_t code = r.ReadIntegerValue(field);
        if (code > 0x7F)
        {
            r.Fail(field, "parameter code " + std::to_string(code) + " is not assigned");
            return p;
        }
        p.code = static_cast<int>(code);
        kind = ParamValueOf(p.code);
    }
    else
    {
        p.name = r.ReadTextString(field);
        kind = ParamValue::Untyped;
    }
    if (!r.Ok())
    {
        return p;
    }
    if (r.IsAtEnd())
    {
        r.Fail(field, "parameter has no value");
        return p;
    }
    uint8_t o = r.PeekOctet();
    switch (kind)
    {
        case ParamValue::Uintvar:
            p.isInteger = true;
            p.integer = r.ReadUintvar(field);
            break;
        case ParamValue::Integer:
            p.isInteger = true;
            p.integer = r.ReadIntegerValue(field);
            break;
        case ParamValue::ShortOrText:
            if (o >= 0x80)
            {
                p.isInteger = true;
                p.integer = r.ReadShortInteger(field);
            }
            else
            {
                p.text = r.ReadTextString(field);
            }
            break;
        case ParamValue::Charset:
        case ParamValue::Untyped:
            if (o >= 0x80 || (o >= 1 && o <= 30))
            {
                p.isInteger = true;
                p.integer = r.ReadIntegerValue(field);
            }
            else
            {
                p.text = ReadTextValue(r, field);
            }
            break;
        case ParamValue::Text:
            p.text = ReadTextValue(r, field);
            break;
    }
    return p;
}

void
WriteParameter(MmsWspWriter& w, const MmsWspParameter& p)
{
    ParamValue kind = ParamValue::Untyped;
    if (p.code >= 0)
    {
        w.WriteShortInteger(static_cast<uint8_t>(p.code));
        kind = ParamValueOf(p.code);
    }
    else
    {
        w.WriteTextString(p.name);
    }
    if (!p.isInteger)
    {
        if (kind == ParamValue::ShortOrText)
        {
            w.WriteTextString(p.text);
        }
        else
        {
            WriteTextValue(w, p.text);
        }
        return;
    }
    switch (kind)
    {
        case ParamValue::Uintvar:
            w.WriteUintvar(static_cast<uint32_t>(p.integer));
            break;
        case ParamValue::ShortOrText:
            w.WriteShortInteger(static_cast<uint8_t>(p.integer & 0x7F));
            break;
        default:
            w.WriteIntegerValue(p.integer);
            break;
    }
}

const MmsWspParameter*
FindParam(const std::vector<MmsWspParameter>& params, int code1, int code2)
{
    for (const auto& p : params)
    {
        if (p.code >= 0 && (p.code == code1 || p.code == code2))
        {
            return &p;
        }
    }
    return nullptr;
}

std::string
ParamText(const MmsWspParameter* p)
{
    if (!p)
    {
        return "";
    }
    if (p->isInteger)
    {
        return std::to_string(p->integer);
    }
    return (!p->text.empty() && p->text[0] == '"') ? p->text.substr(1) : p->text;
}

} // namespace

// ------------------------------------------------------------------------------ MmsWspParameter

bool
MmsWspParameter::operator==(const MmsWspParameter& o) const
{
    return code == o.code && name == o.name && isInteger == o.isInteger
           && (isInteger ? integer == o.integer : text == o.text);
}

const char*
MmsWspParam::Name(int code)
{
    // WAP-230 Table 38 (well-known parameter assignments).
    static const char* const names[] = {
        "q",         "charset",       "level",
        "type",      nullptr,         "name",
        "filename",  "differences",   "padding",
        "type",      "start",         "start-info",
        "comment",   "domain",        "max-age",
        "path",      "secure",        "sec",
        "mac",       "creation-date", "modification-date",
        "read-date", "size",          "name",
        "filename",  "start",         "start-info",
        "comment",   "domain",        "path",
    };
    if (code < 0 || code >= static_cast<int>(sizeof(names) / sizeof(names[0])))
    {
        return nullptr;
    }
    return names[code];
}

// ---------------------------------------------------------------------------- MmsWspContentType

MmsWspContentType::MmsWspContentType(const std::string& mediaType)
    : m_mediaType(mediaType)
{
}

const std::string&
MmsWspContentType::GetMediaType() const
{
    return m_mediaType;
}

void
MmsWspContentType::SetMediaType(const std::string& mediaType)
{
    m_mediaType = mediaType;
    m_wellKnown = -2;
    m_original.clear();
}

const std::vector<MmsWspParameter>&
MmsWspContentType::GetParameters() const
{
    return m_params;
}

void
MmsWspContentType::AddParameter(const MmsWspParameter& p)
{
    m_params.push_back(p);
    m_original.clear();
}

void
MmsWspContentType::SetTextParameter(int code, const std::string& value)
{
    m_original.clear();
    for (auto& p : m_params)
    {
        if (p.code == code)
        {
            p.isInteger = false;
            p.text = value;
            return;
        }
    }
    MmsWspParameter p;
    p.code = code;
    p.text = value;
    m_params.push_back(p);
}

void
MmsWspContentType::SetIntegerParameter(int code, uint64_t value)
{
    m_original.clear();
    for (auto& p : m_params)
    {
        if (p.code == code)
        {
            p.isInteger = true;
            p.integer = value;
            return;
        }
    }
    MmsWspParameter p;
    p.code = code;
    p.isInteger = true;
    p.integer = value;
    m_params.push_back(p);
}

uint32_t
MmsWspContentType::GetCharset() const
{
    const MmsWspParameter* p = FindParam(m_params, MmsWspParam::CHARSET, MmsWspParam::CHARSET);
    if (!p)
    {
        return 0;
    }
    return p->isInteger ? static_cast<uint32_t>(p->integer) : MmsWspCharset::FromName(p->text);
}

void
MmsWspContentType::SetCharset(uint32_t mibEnum)
{
    SetIntegerParameter(MmsWspParam::CHARSET, mibEnum);
}

std::string
MmsWspContentType::GetType() const
{
    const MmsWspParameter* p = FindParam(m_params, MmsWspParam::TYPE, MmsWspParam::TYPE);
    if (p && p->isInteger)
    {
        return WellKnownName(static_cast<uint32_t>(p->integer));
    }
    return ParamText(p);
}

std::string
MmsWspContentType::GetStart() const
{
    return ParamText(FindParam(m_params, MmsWspParam::START, MmsWspParam::START_14));
}

std::string
MmsWspContentType::GetName() const
{
    return ParamText(FindParam(m_params, MmsWspParam::NAME, MmsWspParam::NAME_14));
}

bool
MmsWspContentType::IsMultipart() const
{
    auto startsWith = [this](const std::string& prefix)
    {
        return m_mediaType.size() >= prefix.size()
               && std::equal(prefix.begin(),
                             prefix.end(),
                             m_mediaType.begin(),
                             [](char a, char b)
                             {
                                 return std::tolower(static_cast<unsigned char>(a)) == b;
                             });
    };
    return startsWith("multipart/") || startsWith("application/vnd.wap.multipart.");
}

int
MmsWspContentType::WellKnownCode(const std::string& mediaType)
{
    // The table by lower-case name, the first code of a name kept (every PDU encoded or sized
    // looks its content type up here).
    static const std::unordered_map<std::string, int> byName = []()
    {
        std::unordered_map<std::string, int> m;
        for (std::size_t i = 0; i < g_wellKnownMediaCount; ++i)
        {
            m.emplace(AsciiLower(g_wellKnownMedia[i]), static_cast<int>(i));
        }
        return m;
    }();
    auto it = byName.find(AsciiLower(mediaType));
    return it != byName.end() ? it->second : -1;
}

std::string
MmsWspContentType::WellKnownName(uint32_t code)
{
    return code < g_wellKnownMediaCount ? g_wellKnownMedia[code] : "";
}

void
MmsWspContentType::EncodeCanonical(MmsWspWriter& w) const
{
    int code = GetWellKnownCode();
    if (m_params.empty())
    {
        if (code >= 0)
        {
            w.WriteShortInteger(static_cast<uint8_t>(code));
        }
        else
        {
            w.WriteTextString(m_mediaType);
        }
        return;
    }
    MmsWspWriter body;
    if (code >= 0)
    {
        body.WriteShortInteger(static_cast<uint8_t>(code));
    }
    else
    {
        body.WriteTextString(m_mediaType);
    }
    for (const auto& p : m_params)
    {
        WriteParameter(body, p);
    }
    w.WriteValueLength(static_cast<uint32_t>(body.GetSize()));
    w.WriteBytes(body.GetBuffer());
}

void
MmsWspContentType::Encode(MmsWspWriter& w) const
{
    if (!m_original.empty())
    {
        w.WriteBytes(m_original);
        return;
    }
    EncodeCanonical(w);
}

std::size_t
MmsWspContentType::GetEncodedSize() const
{
    if (!m_original.empty())
    {
        return m_original.size();
    }
    // Computed, not encoded: the same rules as EncodeCanonical() and WriteParameter().
    int code = GetWellKnownCode();
    std::size_t media = code >= 0 ? 1 : MmsWspWriter::TextStringSize(m_mediaType);
    if (m_params.empty())
    {
        return media;
    }
    std::size_t body = media;
    for (const auto& p : m_params)
    {
        ParamValue kind = p.code >= 0 ? ParamValueOf(p.code) : ParamValue::Untyped;
        body += p.code >= 0 ? 1 : MmsWspWriter::TextStringSize(p.name);
        if (!p.isInteger)
        {
            bool quoted = kind != ParamValue::ShortOrText && !p.text.empty() && p.text[0] == '"';
            body += quoted ? p.text.size() + 1 : MmsWspWriter::TextStringSize(p.text);
        }
        else if (kind == ParamValue::Uintvar)
        {
            body += MmsWspWriter::UintvarSize(static_cast<uint32_t>(p.integer));
        }
        else if (kind == ParamValue::ShortOrText)
        {
            body += 1;
        }
        else
        {
            body += MmsWspWriter::IntegerValueSize(p.integer);
        }
    }
    return MmsWspWriter::ValueLengthSize(static_cast<uint32_t>(body)) + body;
}

int
MmsWspContentType::GetWellKnownCode() const
{
    if (m_wellKnown == -2)
    {
        m_wellKnown = WellKnownCode(m_mediaType);
    }
    return m_wellKnown;
}

MmsWspContentType
MmsWspContentType::Decode(MmsWspReader& r, const char* field)
{
    MmsWspContentType ct;
    const uint8_t* start = r.Current();
    std::size_t startOffset = r.GetOffset();
    if (r.IsAtEnd())
    {
        r.Fail(field, "expected a Content-type-value, found the end of data");
        return ct;
    }
    uint8_t o = r.PeekOctet();
    if (o >= 0x80)
    {
        uint8_t code = r.ReadShortInteger(field);
        ct.m_mediaType = WellKnownName(code);
        if (ct.m_mediaType.empty())
        {
            std::ostringstream os;
            os << "x-wsp-content-type-0x" << std::hex << unsigned(code);
            ct.m_mediaType = os.str();
        }
    }
    else if (IsTextOctet(o))
    {
        ct.m_mediaType = r.ReadTextString(field);
    }
    else
    {
        uint32_t len = r.ReadValueLength(field);
        MmsWspReader sub = r.ReadSub(len, field);
        if (sub.IsAtEnd())
        {
            sub.Fail(field, "general-form content type has no media type");
        }
        uint8_t m = sub.PeekOctet();
        if (m >= 0x80 || (m >= 1 && m <= 30))
        {
            uint64_t code = sub.ReadIntegerValue(field);
            ct.m_mediaType = WellKnownName(static_cast<uint32_t>(code));
            if (ct.m_mediaType.empty())
            {
                ct.m_mediaType = "x-wsp-content-type-" + std::to_string(code);
            }
        }
        else
        {
            ct.m_mediaType = sub.ReadTextString(field);
        }
        while (sub.Ok() && !sub.IsAtEnd())
        {
            ct.m_params.push_back(ReadParameter(sub, field));
        }
        r.Absorb(sub);
    }
    if (r.Ok())
    {
        std::size_t used = r.GetOffset() - startOffset;
        MmsWspWriter canonical;
        ct.EncodeCanonical(canonical);
        if (canonical.GetSize() != used
            || !std::equal(canonical.GetBuffer().begin(), canonical.GetBuffer().end(), start))
        {
            ct.m_original.assign(start, start + used);
        }
    }
    return ct;
}

std::string
MmsWspContentType::ToString() const
{
    std::ostringstream os;
    os << m_mediaType;
    for (const auto& p : m_params)
    {
        const char* n = p.code >= 0 ? MmsWspParam::Name(p.code) : nullptr;
        std::string name = p.code >= 0 ? (n ? n : "param-" + std::to_string(p.code)) : p.name;
        os << "; " << name << "=";
        if (p.code == MmsWspParam::CHARSET && p.isInteger)
        {
            const char* cs = MmsWspCharset::Name(static_cast<uint32_t>(p.integer));
            os << (cs ? cs : std::to_string(p.integer));
        }
        else if (p.code == MmsWspParam::TYPE && p.isInteger)
        {
            os << WellKnownName(static_cast<uint32_t>(p.integer));
        }
        else
        {
            os << ParamText(&p);
        }
    }
    return os.str();
}

bool
MmsWspContentType::operator==(const MmsWspContentType& o) const
{
    return m_mediaType == o.m_mediaType && m_params == o.m_params;
}

// ----------------------------------------------------------------------------- MmsWspPartHeader

std::vector<uint8_t>
MmsWspReadRawValue(MmsWspReader& r, const char* field)
{
    const uint8_t* start = r.Current();
    std::size_t startOffset = r.GetOffset();
    if (r.IsAtEnd())
    {
        r.Fail(field, "expected a value, found the end of data");
        return {};
    }
    uint8_t o = r.PeekOctet();
    if (o >= 0x80)
    {
        r.ReadOctet(field);
    }
    else if (o >= 1 && o <= 31)
    {
        uint32_t len = r.ReadValueLength(field);
        r.Skip(len, field);
    }
    else
    {
        r.ReadTextString(field);
    }
    if (!r.Ok())
    {
        return {};
    }
    std::vector<uint8_t> raw(start, start + (r.GetOffset() - startOffset));
    if (o < 0x80 && o >= 0x20 && raw.back() != 0)
    {
        raw.push_back(0); // a Text-string cut off by the end of the input gets its NUL back
    }
    return raw;
}

bool
MmsWspPartHeader::operator==(const MmsWspPartHeader& o) const
{
    return code == o.code && name == o.name && value == o.value && raw == o.raw
           && (code != CONTENT_ID || quoted == o.quoted);
}

MmsWspPartHeader
MmsWspPartHeader::ContentId(const std::string& id)
{
    MmsWspPartHeader h;
    h.code = CONTENT_ID;
    h.value = id;
    return h;
}

MmsWspPartHeader
MmsWspPartHeader::ContentLocation(const std::string& uri)
{
    MmsWspPartHeader h;
    h.code = CONTENT_LOCATION;
    h.value = uri;
    return h;
}

std::string
MmsWspPartHeader::GetName() const
{
    // Well-known header field names, WAP-230 Table 39 (WSP 1.1 to 1.4 assignments).
    static const char* const names[] = {
        "Accept",
        "Accept-Charset",
        "Accept-Encoding",
        "Accept-Language",
        "Accept-Ranges",
        "Age",
        "Allow",
        "Authorization",
        "Cache-Control",
        "Connection",
        "Content-Base",
        "Content-Encoding",
        "Content-Language",
        "Content-Length",
        "Content-Location",
        "Content-MD5",
        "Content-Range",
        "Content-Type",
        "Date",
        "Etag",
        "Expires",
        "From",
        "Host",
        "If-Modified-Since",
        "If-Match",
        "If-None-Match",
        "If-Range",
        "If-Unmodified-Since",
        "Location",
        "Last-Modified",
        "Max-Forwards",
        "Pragma",
        "Proxy-Authenticate",
        "Proxy-Authorization",
        "Public",
        "Range",
        "Referer",
        "Retry-After",
        "Server",
        "Transfer-Encoding",
        "Upgrade",
        "User-Agent",
        "Vary",
        "Via",
        "Warning",
        "WWW-Authenticate",
        "Content-Disposition",
        "X-Wap-Application-Id",
        "X-Wap-Content-URI",
        "X-Wap-Initiator-URI",
        "Accept-Application",
        "Bearer-Indication",
        "Push-Flag",
        "Profile",
        "Profile-Diff",
        "Profile-Warning",
        "Expect",
        "TE",
        "Trailer",
        "Accept-Charset",
        "Accept-Encoding",
        "Cache-Control",
        "Content-Range",
        "X-Wap-Tod",
        "Content-ID",
        "Set-Cookie",
        "Cookie",
        "Encoding-Version",
        "Profile-Warning",
        "Content-Disposition",
        "X-WAP-Security",
        "Cache-Control",
    };
    if (code < 0)
    {
        return name;
    }
    if (code < static_cast<int>(sizeof(names) / sizeof(names[0])))
    {
        return names[code];
    }
    std::ostringstream os;
    os << "header-0x" << std::hex << code;
    return os.str();
}

std::string
MmsWspPartHeader::FormatValue() const
{
    if (!raw.empty())
    {
        return "hex:" + MmsWspToHex(raw);
    }
    return value;
}

void
MmsWspPartHeader::Encode(MmsWspWriter& w) const
{
    if (code < 0)
    {
        w.WriteTextString(name);
        w.WriteTextString(value);
        return;
    }
    w.WriteShortInteger(static_cast<uint8_t>(code));
    if (!raw.empty())
    {
        w.WriteBytes(raw);
    }
    else if (code == CONTENT_ID)
    {
        if (quoted)
        {
            w.WriteQuotedString(value);
        }
        else
        {
            w.WriteTextString(value);
        }
    }
    else
    {
        w.WriteTextString(value);
    }
}

std::size_t
MmsWspPartHeader::GetEncodedSize() const
{
    if (code < 0)
    {
        return MmsWspWriter::TextStringSize(name) + MmsWspWriter::TextStringSize(value);
    }
    if (!raw.empty())
    {
        return 1 + raw.size();
    }
    if (code == CONTENT_ID && quoted)
    {
        return 1 + value.size() + 2; // 0x22, the text, NUL
    }
    return 1 + MmsWspWriter::TextStringSize(value);
}

MmsWspPartHeader
MmsWspPartHeader::Decode(MmsWspReader& r)
{
    MmsWspPartHeader h;
    uint8_t o = r.PeekOctet();
    if (o >= 0x80)
    {
        h.code = r.ReadOctet("part header") & 0x7F;
        if (h.code == CONTENT_ID)
        {
            h.quoted = r.PeekOctet() == 0x22;
            h.value = h.quoted ? r.ReadQuotedString("Content-ID") : r.ReadTextString("Content-ID");
        }
        else if (h.code == CONTENT_LOCATION && r.PeekIsText())
        {
            h.value = r.ReadTextString("Content-Location");
        }
        else
        {
            h.raw = MmsWspReadRawValue(r, "part header");
        }
    }
    else if (o >= 0x20 && o != 0x7F)
    {
        h.name = r.ReadTextString("part header name");
        h.value = r.ReadTextString(h.name.c_str());
    }
    else
    {
        std::ostringstream os;
        os << "octet 0x" << std::hex << unsigned(o)
           << " does not start a header (code page shifts are not supported)";
        r.Fail("part header", os.str());
    }
    return h;
}

} // namespace ns3
