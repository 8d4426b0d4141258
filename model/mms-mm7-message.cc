/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-mm7-message.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>

namespace ns3
{

// ---------------------------------------------------------------------------------------------
// XML

namespace
{

bool
IsSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool
IsNameStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

bool
IsNameChar(unsigned char c)
{
    return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

std::string
Trim(const std::string& s)
{
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && IsSpace(s[b]))
    {
        b++;
    }
    while (e > b && IsSpace(s[e - 1]))
    {
        e--;
    }
    return s.substr(b, e - b);
}

void
AppendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80)
    {
        out += static_cast<char>(cp);
    }
    else if (cp < 0x800)
    {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else if (cp < 0x10000)
    {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else
    {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The reader: a cursor over [0, size) that never reads at or past size.
class XmlReader
{
  public:
    XmlReader(const char* text, std::size_t size)
        : m_text(text)
        , m_size(size)
    {
    }

    bool Document(MmsXmlElement& root, std::string& error)
    {
        if (StartsWith("<?xml"))
        {
            std::size_t end = Find("?>");
            if (end == std::string::npos)
            {
                return Fail("unterminated XML declaration", error);
            }
            m_pos = end + 2;
        }
        if (!Misc(error))
        {
            return false;
        }
        if (m_pos >= m_size || m_text[m_pos] != '<')
        {
            return Fail("expected the document element", error);
        }
        std::vector<std::pair<std::string, std::string>> scope;
        scope.emplace_back("xml", "http://www.w3.org/XML/1998/namespace");
        if (!Element(root, scope, 1, error))
        {
            return false;
        }
        if (!Misc(error))
        {
            return false;
        }
        if (m_pos != m_size)
        {
            return Fail("content after the document element", error);
        }
        return true;
    }

  private:
    bool Fail(const std::string& what, std::string& error) const
    {
        error = "offset " + std::to_string(m_pos) + ": " + what;
        return false;
    }

    bool StartsWith(const char* s) const
    {
        std::size_t n = std::strlen(s);
        return m_size - m_pos >= n && std::memcmp(m_text + m_pos, s, n) == 0;
    }

    std::size_t Find(const char* s) const
    {
        std::size_t n = std::strlen(s);
        for (std::size_t i = m_pos; i + n <= m_size; i++)
        {
            if (std::memcmp(m_text + i, s, n) == 0)
            {
                return i;
            }
        }
        return std::string::npos;
    }

    void SkipSpace()
    {
        while (m_pos < m_size && IsSpace(m_text[m_pos]))
        {
            m_pos++;
        }
    }

    /// White space, comments; refuses DOCTYPE and processing instructions.
    bool Misc(std::string& error)
    {
        for (;;)
        {
            SkipSpace();
            if (StartsWith("<!--"))
            {
                if (!Comment(error))
                {
                    return false;
                }
                continue;
            }
            if (StartsWith("<!"))
            {
                return Fail("DOCTYPE and other declarations are not accepted", error);
            }
            if (StartsWith("<?"))
            {
                return Fail("processing instructions are not accepted", error);
            }
            return true;
        }
    }

    bool Comment(std::string& error)
    {
        m_pos += 4;
        std::size_t end = Find("--");
        if (end == std::string::npos)
        {
            return Fail("unterminated comment", error);
        }
        if (end + 2 >= m_size || m_text[end + 2] != '>')
        {
            m_pos = end;
            return Fail("\"--\" inside a comment", error);
        }
        m_pos = end + 3;
        return true;
    }

    bool Name(std::string& name, std::string& error)
    {
        if (m_pos >= m_size || !IsNameStart(static_cast<unsigned char>(m_text[m_pos])))
        {
            return Fail("expected a name", error);
        }
        std::size_t b = m_pos;
        while (m_pos < m_size && IsNameChar(static_cast<unsigned char>(m_text[m_pos])))
        {
            m_pos++;
        }
        name.assign(m_text + b, m_pos - b);
        return true;
    }

    /// A reference after '&': the five entities and character references.
    bool Reference(std::string& out, std::string& error)
    {
        std::size_t semi = m_pos;
        while (semi < m_size && semi - m_pos < 12 && m_text[semi] != ';')
        {
            semi++;
        }
        if (semi >= m_size || m_text[semi] != ';')
        {
            return Fail("'&' without a reference", error);
        }
        std::string ref(m_text + m_pos + 1, semi - m_pos - 1);
        static const std::pair<const char*, char> PREDEFINED[] = {
            {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
        const auto* named = std::find_if(std::begin(PREDEFINED),
                                         std::end(PREDEFINED),
                                         [&ref](const auto& p)
                                         {
                                             return ref == p.first;
                                         });
        if (named != std::end(PREDEFINED))
        {
            out += named->second;
        }
        else if (ref.size() >= 2 && ref[0] == '#')
        {
            bool hex = ref[1] == 'x';
            std::size_t i = hex ? 2 : 1;
            if (i >= ref.size())
            {
                return Fail("empty character reference", error);
            }
            uint32_t cp = 0;
            for (; i < ref.size(); i++)
            {
                char c = ref[i];
                int d = -1;
                if (c >= '0' && c <= '9')
                {
                    d = c - '0';
                }
                else if (hex && c >= 'a' && c <= 'f')
                {
                    d = c - 'a' + 10;
                }
                else if (hex && c >= 'A' && c <= 'F')
                {
                    d = c - 'A' + 10;
                }
                if (d < 0)
                {
                    return Fail("bad character reference &" + ref + ";", error);
                }
                cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
                if (cp > 0x10FFFF)
                {
                    return Fail("character reference beyond U+10FFFF", error);
                }
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                return Fail("character reference to a character XML does not allow", error);
            }
            AppendUtf8(out, cp);
        }
        else
        {
            return Fail("unknown entity &" + ref + ";", error);
        }
        m_pos = semi + 1;
        return true;
    }

    static bool Bind(const std::vector<std::pair<std::string, std::string>>& scope,
                     const std::string& prefix,
                     std::string& uri)
    {
        for (auto it = scope.rbegin(); it != scope.rend(); ++it)
        {
            if (it->first == prefix)
            {
                uri = it->second;
                return true;
            }
        }
        return false;
    }

    bool Element(MmsXmlElement& e,
                 std::vector<std::pair<std::string, std::string>>& scope,
                 int depth,
                 std::string& error)
    {
        if (depth > MmsXmlElement::MAX_DEPTH)
        {
            return Fail("elements nested deeper than " + std::to_string(MmsXmlElement::MAX_DEPTH),
                        error);
        }
        if (++m_elements > MmsXmlElement::MAX_ELEMENTS)
        {
            return Fail("more than " + std::to_string(MmsXmlElement::MAX_ELEMENTS) + " elements",
                        error);
        }
        const std::size_t start = m_pos;
        m_pos++; // '<'
        if (!Name(e.name, error))
        {
            return false;
        }
        const std::size_t scopeSize = scope.size();
        bool empty = false;
        for (;;)
        {
            std::size_t before = m_pos;
            SkipSpace();
            if (m_pos >= m_size)
            {
                return Fail("unterminated start tag <" + e.name, error);
            }
            if (m_text[m_pos] == '>')
            {
                m_pos++;
                break;
            }
            if (StartsWith("/>"))
            {
                m_pos += 2;
                empty = true;
                break;
            }
            if (before == m_pos)
            {
                return Fail("expected white space, '>' or \"/>\" in <" + e.name, error);
            }
            std::string an;
            if (!Name(an, error))
            {
                return false;
            }
            SkipSpace();
            if (m_pos >= m_size || m_text[m_pos] != '=')
            {
                return Fail("expected '=' after attribute " + an, error);
            }
            m_pos++;
            SkipSpace();
            if (m_pos >= m_size || (m_text[m_pos] != '"' && m_text[m_pos] != '\''))
            {
                return Fail("expected a quoted value for attribute " + an, error);
            }
            char q = m_text[m_pos++];
            std::string value;
            for (;;)
            {
                if (m_pos >= m_size)
                {
                    return Fail("unterminated value of attribute " + an, error);
                }
                char c = m_text[m_pos];
                if (c == q)
                {
                    m_pos++;
                    break;
                }
                if (c == '<')
                {
                    return Fail("'<' in the value of attribute " + an, error);
                }
                if (c == '&')
                {
                    if (!Reference(value, error))
                    {
                        return false;
                    }
                    continue;
                }
                value += c;
                m_pos++;
            }
            for (const auto& a : e.attributes)
            {
                if (a.first == an)
                {
                    return Fail("duplicate attribute " + an, error);
                }
            }
            if (an == "xmlns")
            {
                scope.emplace_back("", value);
            }
            else if (an.compare(0, 6, "xmlns:") == 0)
            {
                if (value.empty())
                {
                    return Fail("empty namespace name for " + an, error);
                }
                scope.emplace_back(an.substr(6), value);
            }
            e.attributes.emplace_back(an, value);
        }
        auto colon = e.name.find(':');
        std::string prefix = colon == std::string::npos ? "" : e.name.substr(0, colon);
        if (!Bind(scope, prefix, e.ns) && !prefix.empty())
        {
            m_pos = start;
            return Fail("prefix " + prefix + " is not declared", error);
        }
        for (const auto& a : e.attributes)
        {
            auto c = a.first.find(':');
            std::string uri;
            if (c != std::string::npos && a.first.compare(0, 6, "xmlns:") != 0
                && !Bind(scope, a.first.substr(0, c), uri))
            {
                m_pos = start;
                return Fail("prefix of attribute " + a.first + " is not declared", error);
            }
        }
        if (!empty && !Content(e, scope, depth, error))
        {
            return false;
        }
        scope.resize(scopeSize);
        return true;
    }

    bool Content(MmsXmlElement& e,
                 std::vector<std::pair<std::string, std::string>>& scope,
                 int depth,
                 std::string& error)
    {
        std::string text;
        bool nonSpace = false;
        std::size_t nonSpaceAt = 0;
        for (;;)
        {
            if (m_pos >= m_size)
            {
                return Fail("unclosed element <" + e.name + ">", error);
            }
            char c = m_text[m_pos];
            if (c == '&')
            {
                if (!nonSpace)
                {
                    nonSpaceAt = m_pos;
                }
                nonSpace = true;
                if (!Reference(text, error))
                {
                    return false;
                }
                continue;
            }
            if (c != '<')
            {
                if (!IsSpace(c) && !nonSpace)
                {
                    nonSpace = true;
                    nonSpaceAt = m_pos;
                }
                if (c == '>' && m_pos >= 2 && m_text[m_pos - 1] == ']' && m_text[m_pos - 2] == ']')
                {
                    return Fail("\"]]>\" in character data", error);
                }
                text += c;
                m_pos++;
                continue;
            }
            if (StartsWith("<!--"))
            {
                if (!Comment(error))
                {
                    return false;
                }
                continue;
            }
            if (StartsWith("<![CDATA["))
            {
                m_pos += 9;
                std::size_t end = Find("]]>");
                if (end == std::string::npos)
                {
                    return Fail("unterminated CDATA section", error);
                }
                if (end > m_pos && !nonSpace)
                {
                    nonSpace = true;
                    nonSpaceAt = m_pos;
                }
                text.append(m_text + m_pos, end - m_pos);
                m_pos = end + 3;
                continue;
            }
            if (StartsWith("<!") || StartsWith("<?"))
            {
                return Fail("declarations and processing instructions are not accepted", error);
            }
            if (StartsWith("</"))
            {
                const std::size_t endTag = m_pos;
                m_pos += 2;
                std::string endName;
                if (!Name(endName, error))
                {
                    return false;
                }
                if (endName != e.name)
                {
                    m_pos = endTag;
                    return Fail("</" + endName + "> closes <" + e.name + ">", error);
                }
                SkipSpace();
                if (m_pos >= m_size || m_text[m_pos] != '>')
                {
                    return Fail("expected '>' to end </" + endName, error);
                }
                m_pos++;
                break;
            }
            e.children.emplace_back();
            if (!Element(e.children.back(), scope, depth + 1, error))
            {
                return false;
            }
        }
        if (!e.children.empty())
        {
            if (nonSpace)
            {
                m_pos = nonSpaceAt;
                return Fail("text beside child elements in <" + e.name + ">", error);
            }
        }
        else
        {
            e.text = std::move(text);
        }
        return true;
    }

    const char* m_text;
    std::size_t m_size;
    std::size_t m_pos{0};
    uint32_t m_elements{0};
};

} // namespace

std::string
MmsXmlElement::LocalName() const
{
    auto c = name.find(':');
    return c == std::string::npos ? name : name.substr(c + 1);
}

const MmsXmlElement*
MmsXmlElement::Child(const std::string& localName) const
{
    for (const auto& c : children)
    {
        if (c.LocalName() == localName)
        {
            return &c;
        }
    }
    return nullptr;
}

std::string
MmsXmlElement::ChildText(const std::string& localName) const
{
    const MmsXmlElement* c = Child(localName);
    return c ? Trim(c->text) : "";
}

std::string
MmsXmlElement::GetAttribute(const std::string& qualifiedName) const
{
    for (const auto& a : attributes)
    {
        if (a.first == qualifiedName)
        {
            return a.second;
        }
    }
    return "";
}

MmsXmlElement&
MmsXmlElement::Add(const std::string& childName, const std::string& childText)
{
    children.emplace_back();
    MmsXmlElement& c = children.back();
    c.name = childName;
    c.text = childText;
    c.ns = ns;
    return c;
}

std::string
MmsXmlElement::Escape(const std::string& s)
{
    static const std::pair<char, const char*> ESCAPES[] = {
        {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\r', "&#13;"}};
    std::string out;
    out.reserve(s.size());
    for (char c : s)
    {
        const auto* e = std::find_if(std::begin(ESCAPES),
                                     std::end(ESCAPES),
                                     [c](const auto& p)
                                     {
                                         return p.first == c;
                                     });
        if (e != std::end(ESCAPES))
        {
            out += e->second;
        }
        else
        {
            out += c;
        }
    }
    return out;
}

std::string
MmsXmlElement::Serialize(int indent) const
{
    std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out = pad + "<" + name;
    for (const auto& a : attributes)
    {
        out += " " + a.first + "=\"" + Escape(a.second) + "\"";
    }
    if (children.empty())
    {
        if (text.empty())
        {
            return out + "/>\n";
        }
        return out + ">" + Escape(text) + "</" + name + ">\n";
    }
    out += ">\n";
    for (const auto& c : children)
    {
        out += c.Serialize(indent + 2);
    }
    return out + pad + "</" + name + ">\n";
}

bool
MmsXmlElement::Parse(const char* text, std::size_t size, MmsXmlElement& root, std::string& error)
{
    root = MmsXmlElement();
    XmlReader reader(text, size);
    return reader.Document(root, error);
}

bool
MmsXmlElement::operator==(const MmsXmlElement& o) const
{
    return name == o.name && ns == o.ns && attributes == o.attributes && text == o.text
           && children == o.children;
}

// ---------------------------------------------------------------------------------------------
// Addresses

std::string
MmsMm7Address::KindName(Kind kind)
{
    switch (kind)
    {
        case NUMBER:
            return "Number";
        case SHORT_CODE:
            return "ShortCode";
        case RFC2822:
            return "RFC2822Address";
    }
    return "Number";
}

std::string
MmsMm7Address::ToMmsAddress() const
{
    return kind == RFC2822 ? value : value + "/TYPE=PLMN";
}

MmsMm7Address
MmsMm7Address::FromMmsAddress(const std::string& address)
{
    auto slash = address.find("/TYPE=");
    if (slash != std::string::npos)
    {
        return {NUMBER, address.substr(0, slash)};
    }
    if (address.find('@') != std::string::npos)
    {
        return {RFC2822, address};
    }
    return {NUMBER, address};
}

bool
MmsMm7Address::operator==(const MmsMm7Address& o) const
{
    return kind == o.kind && value == o.value;
}

// ---------------------------------------------------------------------------------------------
// Messages

// Rel-5 MM7 schema namespace, see the class description.
const char* const MmsMm7Message::NAMESPACE =
    "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-2";
// SOAP 1.1 (W3C Note, 8 May 2000), section 4.1.
const char* const MmsMm7Message::SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

namespace
{
const char* const SOAP_PART_ID = "<mm7-soap>";
const char* const BOUNDARY = "mms-mm7-boundary";

bool
IsFault(MmsMm7Type t)
{
    return t == MmsMm7Type::RS_ERROR_RES || t == MmsMm7Type::VASP_ERROR_RES;
}

bool
IsRequest(MmsMm7Type t)
{
    return t == MmsMm7Type::SUBMIT_REQ || t == MmsMm7Type::DELIVERY_REPORT_REQ;
}

void
AddAddress(MmsXmlElement& parent, const MmsMm7Address& a)
{
    parent.Add(MmsMm7Address::KindName(a.kind), a.value);
}

bool
ReadAddress(const MmsXmlElement& e, MmsMm7Address& a, std::string& error)
{
    for (auto k : {MmsMm7Address::NUMBER, MmsMm7Address::SHORT_CODE, MmsMm7Address::RFC2822})
    {
        if (e.LocalName() == MmsMm7Address::KindName(k))
        {
            a.kind = k;
            a.value = Trim(e.text);
            if (a.value.empty())
            {
                error = "empty " + e.LocalName();
                return false;
            }
            return true;
        }
    }
    error = "unknown address element " + e.LocalName();
    return false;
}

/// The one address inside an element such as Recipient, Sender or SenderAddress.
bool
ReadSingleAddress(const MmsXmlElement& parent,
                  const std::string& name,
                  MmsMm7Address& a,
                  std::string& error)
{
    const MmsXmlElement* e = parent.Child(name);
    if (!e || e->children.size() != 1)
    {
        error = name + ": expected one address";
        return false;
    }
    if (!ReadAddress(e->children[0], a, error))
    {
        error = name + ": " + error;
        return false;
    }
    return true;
}

bool
ReadBool(const MmsXmlElement& body, const std::string& name, bool& v, std::string& error)
{
    if (!body.Child(name))
    {
        v = false;
        return true;
    }
    std::string t = body.ChildText(name);
    if (t == "true" || t == "1")
    {
        v = true;
    }
    else if (t == "false" || t == "0")
    {
        v = false;
    }
    else
    {
        error = name + ": not a boolean: " + t;
        return false;
    }
    return true;
}

bool
ReadStatus(const MmsXmlElement& body, MmsMm7Message& m, std::string& error)
{
    const MmsXmlElement* s = body.Child("Status");
    if (!s)
    {
        error = "missing Status";
        return false;
    }
    std::string code = s->ChildText("StatusCode");
    if (code.size() != 4 || code.find_first_not_of("0123456789") != std::string::npos)
    {
        error = "StatusCode: expected four digits, got \"" + code + "\"";
        return false;
    }
    m.statusCode = static_cast<uint16_t>(std::stoi(code));
    if (m.statusCode < 1000)
    {
        error = "StatusCode: " + code + " is not a status code (1000 to 9999)";
        return false;
    }
    m.statusText = s->ChildText("StatusText");
    return true;
}

void
AddStatus(MmsXmlElement& body, const MmsMm7Message& m)
{
    MmsXmlElement& s = body.Add("Status");
    s.Add("StatusCode", std::to_string(m.statusCode));
    if (!m.statusText.empty())
    {
        s.Add("StatusText", m.statusText);
    }
}

// Days since 1970-01-01 of a civil date and back (proleptic Gregorian calendar).
int64_t
DaysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void
CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    y += m <= 2;
}

} // namespace

std::string
MmsMm7Message::FormatDateTime(uint64_t unixSeconds)
{
    int64_t y;
    unsigned mo;
    unsigned d;
    CivilFromDays(static_cast<int64_t>(unixSeconds / 86400), y, mo, d);
    uint64_t s = unixSeconds % 86400;
    char buf[40];
    std::snprintf(buf,
                  sizeof(buf),
                  "%04lld-%02u-%02uT%02u:%02u:%02uZ",
                  static_cast<long long>(y),
                  mo,
                  d,
                  static_cast<unsigned>(s / 3600),
                  static_cast<unsigned>(s / 60 % 60),
                  static_cast<unsigned>(s % 60));
    return buf;
}

bool
MmsMm7Message::ParseDateTime(const std::string& text, uint64_t& unixSeconds)
{
    // YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)
    auto num = [&text](std::size_t at, std::size_t n, int& v)
    {
        if (at + n > text.size())
        {
            return false;
        }
        v = 0;
        for (std::size_t i = at; i < at + n; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
            v = v * 10 + (text[i] - '0');
        }
        return true;
    };
    int y;
    int mo;
    int d;
    int h;
    int mi;
    int s;
    if (text.size() < 20 || !num(0, 4, y) || text[4] != '-' || !num(5, 2, mo) || text[7] != '-'
        || !num(8, 2, d) || text[10] != 'T' || !num(11, 2, h) || text[13] != ':' || !num(14, 2, mi)
        || text[16] != ':' || !num(17, 2, s))
    {
        return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    {
        return false;
    }
    std::size_t i = 19;
    if (text[i] == '.')
    {
        i++;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        {
            i++;
        }
    }
    int64_t offset = 0;
    if (i < text.size() && text[i] == 'Z' && i + 1 == text.size())
    {
        offset = 0;
    }
    else if (i + 6 == text.size() && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':')
    {
        int oh;
        int om;
        if (!num(i + 1, 2, oh) || !num(i + 4, 2, om) || oh > 14 || om > 59)
        {
            return false;
        }
        offset = (text[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    }
    else
    {
        return false;
    }
    int64_t t = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400
                + h * 3600 + mi * 60 + s - offset;
    if (t < 0)
    {
        return false;
    }
    unixSeconds = static_cast<uint64_t>(t);
    return true;
}

namespace
{
/// Each message: its body element and its TS 23.140 name.
struct Mm7TypeNames
{
    MmsMm7Type type;
    const char* element;
    const char* name;
};

const Mm7TypeNames TYPE_NAMES[] = {
    {MmsMm7Type::SUBMIT_REQ, "SubmitReq", "MM7_submit.REQ"},
    {MmsMm7Type::SUBMIT_RES, "SubmitRsp", "MM7_submit.RES"},
    {MmsMm7Type::DELIVERY_REPORT_REQ, "DeliveryReportReq", "MM7_delivery_report.REQ"},
    {MmsMm7Type::DELIVERY_REPORT_RES, "DeliveryReportRsp", "MM7_delivery_report.RES"},
    {MmsMm7Type::RS_ERROR_RES, "RSErrorRsp", "RSErrorRsp"},
    {MmsMm7Type::VASP_ERROR_RES, "VASPErrorRsp", "VASPErrorRsp"},
};

const Mm7TypeNames&
NamesOf(MmsMm7Type type)
{
    for (const auto& n : TYPE_NAMES)
    {
        if (n.type == type)
        {
            return n;
        }
    }
    return TYPE_NAMES[0];
}
} // namespace

std::string
MmsMm7Message::ElementName(MmsMm7Type type)
{
    return NamesOf(type).element;
}

std::string
MmsMm7Message::TypeName(MmsMm7Type type)
{
    return NamesOf(type).name;
}

std::string
MmsMm7Message::StatusName(uint16_t code)
{
    // TS 23.140 Rel-5, MM7 status codes (see the header).
    switch (code)
    {
        case 1000:
            return "Success";
        case 1100:
            return "Partial success";
        case 2000:
            return "Client error";
        case 2001:
            return "Operation restricted";
        case 2002:
            return "Address Error";
        case 2003:
            return "Address Not Found";
        case 2004:
            return "Multimedia content refused";
        case 2005:
            return "Message ID Not found";
        case 2006:
            return "LinkedID not found";
        case 2007:
            return "Message format corrupt";
        case 3000:
            return "Server Error";
        case 3001:
            return "Not Possible";
        case 3002:
            return "Message rejected";
        case 3003:
            return "Multiple addresses not supported";
        case 4000:
            return "General service error";
        case 4001:
            return "Improper identification";
        case 4002:
            return "Unsupported version";
        case 4003:
            return "Unsupported operation";
        case 4004:
            return "Validation error";
        case 4005:
            return "Service error";
        case 4006:
            return "Service unavailable";
        case 4007:
            return "Service denied";
        default:
            return "";
    }
}

bool
MmsMm7Message::IsSuccess(uint16_t code)
{
    return code >= 1000 && code < 2000;
}

std::string
MmsMm7Message::MmStatusName(uint8_t status)
{
    // X-Mms-Status values of OMA MMS ENC (0x80 Expired ... 0x86 Unrecognised).
    switch (status)
    {
        case 0x80:
            return "Expired";
        case 0x81:
            return "Retrieved";
        case 0x82:
            return "Rejected";
        case 0x83:
            return "Deferred";
        case 0x85:
            return "Forwarded";
        case 0x86:
            return "Unrecognised";
        default:
            return "Indeterminate";
    }
}

MmsXmlElement
MmsMm7Message::ToEnvelope() const
{
    MmsXmlElement env;
    env.name = "env:Envelope";
    env.ns = SOAP_ENV;
    env.attributes.emplace_back("xmlns:env", SOAP_ENV);
    MmsXmlElement& header = env.Add("env:Header");
    MmsXmlElement& tid = header.Add("mm7:TransactionID", transactionId);
    tid.ns = NAMESPACE;
    tid.attributes.emplace_back("xmlns:mm7", NAMESPACE);
    tid.attributes.emplace_back("env:mustUnderstand", "1");
    MmsXmlElement& soapBody = env.Add("env:Body");
    MmsXmlElement* holder = &soapBody;
    if (IsFault(type))
    {
        MmsXmlElement& fault = soapBody.Add("env:Fault");
        // Child elements of Fault are unqualified (SOAP 1.1 section 4.4).
        MmsXmlElement& code = fault.Add(
            "faultcode", statusCode >= 2000 && statusCode < 3000 ? "env:Client" : "env:Server");
        code.ns = "";
        std::string text = statusText.empty() ? StatusName(statusCode) : statusText;
        MmsXmlElement& fs = fault.Add("faultstring", text.empty() ? "MM7 error" : text);
        fs.ns = "";
        holder = &fault.Add("detail");
        holder->ns = "";
    }
    MmsXmlElement& body = holder->Add(ElementName(type));
    body.ns = NAMESPACE;
    body.attributes.emplace_back("xmlns", NAMESPACE);
    body.Add("MM7Version", version);
    switch (type)
    {
        case MmsMm7Type::SUBMIT_REQ:
        {
            if (!vaspId.empty() || !vasId.empty() || hasSenderAddress)
            {
                MmsXmlElement& si = body.Add("SenderIdentification");
                if (!vaspId.empty())
                {
                    si.Add("VASPID", vaspId);
                }
                if (!vasId.empty())
                {
                    si.Add("VASID", vasId);
                }
                if (hasSenderAddress)
                {
                    AddAddress(si.Add("SenderAddress"), senderAddress);
                }
            }
            MmsXmlElement& rcpts = body.Add("Recipients");
            const std::pair<const char*, const std::vector<MmsMm7Address>*> lists[] = {
                {"To", &to}, {"Cc", &cc}, {"Bcc", &bcc}};
            for (const auto& l : lists)
            {
                if (!l.second->empty())
                {
                    MmsXmlElement& list = rcpts.Add(l.first);
                    for (const auto& a : *l.second)
                    {
                        AddAddress(list, a);
                    }
                }
            }
            if (!serviceCode.empty())
            {
                body.Add("ServiceCode", serviceCode);
            }
            if (!linkedId.empty())
            {
                body.Add("LinkedID", linkedId);
            }
            if (!messageClass.empty())
            {
                body.Add("MessageClass", messageClass);
            }
            if (timeStamp != 0)
            {
                body.Add("TimeStamp", FormatDateTime(timeStamp));
            }
            if (expiryDate != 0)
            {
                body.Add("ExpiryDate", FormatDateTime(expiryDate));
            }
            if (deliveryReport)
            {
                body.Add("DeliveryReport", "true");
            }
            if (readReply)
            {
                body.Add("ReadReply", "true");
            }
            if (!priority.empty())
            {
                body.Add("Priority", priority);
            }
            if (!subject.empty())
            {
                body.Add("Subject", subject);
            }
            if (!contentHref.empty())
            {
                body.Add("Content").attributes.emplace_back("href", contentHref);
            }
            break;
        }
        case MmsMm7Type::SUBMIT_RES:
            AddStatus(body, *this);
            if (!messageId.empty())
            {
                body.Add("MessageID", messageId);
            }
            break;
        case MmsMm7Type::DELIVERY_REPORT_REQ:
            body.Add("MessageID", messageId);
            AddAddress(body.Add("Recipient"), recipient);
            AddAddress(body.Add("Sender"), sender);
            body.Add("Date", FormatDateTime(date));
            body.Add("MMStatus", mmStatus);
            if (!statusText.empty())
            {
                body.Add("StatusText", statusText);
            }
            break;
        case MmsMm7Type::DELIVERY_REPORT_RES:
        case MmsMm7Type::RS_ERROR_RES:
        case MmsMm7Type::VASP_ERROR_RES:
            AddStatus(body, *this);
            break;
    }
    return env;
}

std::string
MmsMm7Message::SerializeSoap() const
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ToEnvelope().Serialize();
}

bool
MmsMm7Message::FromEnvelope(const MmsXmlElement& env, MmsMm7Message& m, std::string& error)
{
    m = MmsMm7Message();
    if (env.LocalName() != "Envelope" || env.ns != SOAP_ENV)
    {
        error = "not a SOAP 1.1 Envelope: <" + env.name + "> in namespace \"" + env.ns + "\"";
        return false;
    }
    const MmsXmlElement* header = env.Child("Header");
    const MmsXmlElement* tid = header ? header->Child("TransactionID") : nullptr;
    if (!tid)
    {
        error = "missing TransactionID in the SOAP Header";
        return false;
    }
    m.transactionId = Trim(tid->text);
    const MmsXmlElement* soapBody = env.Child("Body");
    if (!soapBody || soapBody->ns != SOAP_ENV || soapBody->children.size() != 1)
    {
        error = "expected a SOAP Body with one element";
        return false;
    }
    const MmsXmlElement* body = &soapBody->children[0];
    if (body->LocalName() == "Fault" && body->ns == SOAP_ENV)
    {
        const MmsXmlElement* detail = body->Child("detail");
        if (!detail || detail->children.size() != 1)
        {
            error = "SOAP Fault without an MM7 detail element";
            return false;
        }
        body = &detail->children[0];
        if (body->LocalName() != "RSErrorRsp" && body->LocalName() != "VASPErrorRsp")
        {
            error = "SOAP Fault detail is <" + body->name + ">, not RSErrorRsp or VASPErrorRsp";
            return false;
        }
    }
    bool found = false;
    for (const auto& n : TYPE_NAMES)
    {
        if (body->LocalName() == n.element)
        {
            m.type = n.type;
            found = true;
        }
    }
    if (!found)
    {
        error = "unsupported MM7 operation <" + body->name + ">";
        return false;
    }
    if (body->ns != NAMESPACE)
    {
        error = ElementName(m.type) + " in namespace \"" + body->ns + "\", expected "
                + std::string(NAMESPACE);
        return false;
    }
    if (m.transactionId.empty())
    {
        error = "empty TransactionID";
        return false;
    }
    m.version = body->ChildText("MM7Version");
    if (m.version.empty())
    {
        error = "missing MM7Version";
        return false;
    }
    switch (m.type)
    {
        case MmsMm7Type::SUBMIT_REQ:
        {
            if (const MmsXmlElement* si = body->Child("SenderIdentification"))
            {
                m.vaspId = si->ChildText("VASPID");
                m.vasId = si->ChildText("VASID");
                if (si->Child("SenderAddress"))
                {
                    m.hasSenderAddress = true;
                    if (!ReadSingleAddress(*si, "SenderAddress", m.senderAddress, error))
                    {
                        return false;
                    }
                }
            }
            const MmsXmlElement* rcpts = body->Child("Recipients");
            if (!rcpts)
            {
                error = "missing Recipients";
                return false;
            }
            for (const auto& list : rcpts->children)
            {
                std::vector<MmsMm7Address>* into = nullptr;
                std::string n = list.LocalName();
                into = n == "To" ? &m.to : n == "Cc" ? &m.cc : n == "Bcc" ? &m.bcc : nullptr;
                if (!into)
                {
                    error = "Recipients: unexpected <" + list.name + ">";
                    return false;
                }
                for (const auto& a : list.children)
                {
                    MmsMm7Address addr;
                    if (!ReadAddress(a, addr, error))
                    {
                        error = "Recipients/" + n + ": " + error;
                        return false;
                    }
                    into->push_back(addr);
                }
            }
            if (m.to.empty() && m.cc.empty() && m.bcc.empty())
            {
                error = "Recipients: no address";
                return false;
            }
            m.serviceCode = body->ChildText("ServiceCode");
            m.linkedId = body->ChildText("LinkedID");
            m.messageClass = body->ChildText("MessageClass");
            if (body->Child("TimeStamp")
                && !ParseDateTime(body->ChildText("TimeStamp"), m.timeStamp))
            {
                error = "TimeStamp: not a date-time";
                return false;
            }
            if (body->Child("ExpiryDate")
                && !ParseDateTime(body->ChildText("ExpiryDate"), m.expiryDate))
            {
                error = "ExpiryDate: not a date-time (relative durations are not supported)";
                return false;
            }
            if (!ReadBool(*body, "DeliveryReport", m.deliveryReport, error)
                || !ReadBool(*body, "ReadReply", m.readReply, error))
            {
                return false;
            }
            m.priority = body->ChildText("Priority");
            m.subject = body->ChildText("Subject");
            if (const MmsXmlElement* c = body->Child("Content"))
            {
                m.contentHref = c->GetAttribute("href");
                if (m.contentHref.empty())
                {
                    error = "Content without href";
                    return false;
                }
            }
            break;
        }
        case MmsMm7Type::SUBMIT_RES:
            if (!ReadStatus(*body, m, error))
            {
                return false;
            }
            m.messageId = body->ChildText("MessageID");
            if (IsSuccess(m.statusCode) && m.messageId.empty())
            {
                error = "SubmitRsp: success without MessageID";
                return false;
            }
            break;
        case MmsMm7Type::DELIVERY_REPORT_REQ:
            m.messageId = body->ChildText("MessageID");
            if (m.messageId.empty())
            {
                error = "DeliveryReportReq: missing MessageID";
                return false;
            }
            if (!ReadSingleAddress(*body, "Recipient", m.recipient, error)
                || !ReadSingleAddress(*body, "Sender", m.sender, error))
            {
                return false;
            }
            if (!ParseDateTime(body->ChildText("Date"), m.date))
            {
                error = "DeliveryReportReq: Date missing or not a date-time";
                return false;
            }
            m.mmStatus = body->ChildText("MMStatus");
            if (m.mmStatus.empty())
            {
                error = "DeliveryReportReq: missing MMStatus";
                return false;
            }
            m.statusText = body->ChildText("StatusText");
            break;
        case MmsMm7Type::DELIVERY_REPORT_RES:
        case MmsMm7Type::RS_ERROR_RES:
        case MmsMm7Type::VASP_ERROR_RES:
            if (!ReadStatus(*body, m, error))
            {
                return false;
            }
            break;
    }
    return true;
}

bool
MmsMm7Message::ParseSoap(const char* text,
                         std::size_t size,
                         MmsMm7Message& message,
                         std::string& error)
{
    MmsXmlElement env;
    if (!MmsXmlElement::Parse(text, size, env, error))
    {
        return false;
    }
    return FromEnvelope(env, message, error);
}

MmsMimeEntity
MmsMm7Message::ToEntity() const
{
    MmsMimeEntity soap;
    soap.AddHeader("Content-Type", "text/xml; charset=\"utf-8\"");
    soap.content = MmsContent(SerializeSoap());
    if (type != MmsMm7Type::SUBMIT_REQ || contentHref.empty())
    {
        return soap;
    }
    soap.AddHeader("Content-ID", SOAP_PART_ID);
    MmsMimeEntity related;
    related.AddHeader("Content-Type",
                      std::string("multipart/related; boundary=\"") + BOUNDARY
                          + "\"; type=\"text/xml\"; start=\"" + SOAP_PART_ID + "\"");
    related.parts.push_back(soap);
    MmsMimeEntity c = content;
    std::string cid = contentHref.compare(0, 4, "cid:") == 0 ? contentHref.substr(4) : contentHref;
    c.SetHeader("Content-ID", "<" + cid + ">");
    related.parts.push_back(c);
    return related;
}

namespace
{

/// Virtual leaves written as octets (not base64) become markers, so that the body can be cut
/// into runs of real octets and virtual zeros.
void
MarkVirtual(MmsMimeEntity& e, std::vector<uint32_t>& sizes)
{
    if (!e.parts.empty())
    {
        for (auto& p : e.parts)
        {
            MarkVirtual(p, sizes);
        }
        return;
    }
    if (e.content.IsVirtual() && e.content.GetSize() > 0
        && MmsMimeEntity::Lower(e.GetHeader("Content-Transfer-Encoding")) != "base64")
    {
        std::string marker = "\x01mm7-virtual-" + std::to_string(sizes.size()) + "\x01";
        sizes.push_back(e.content.GetSize());
        e.content = MmsContent(marker);
    }
}

/// Leaves other than text and SMIL become virtual content of their size.
void
MakeMediaVirtual(MmsMimeEntity& e)
{
    for (auto& p : e.parts)
    {
        MakeMediaVirtual(p);
    }
    std::string media = e.GetMediaType();
    if (e.parts.empty() && media.compare(0, 5, "text/") != 0 && media != "application/smil")
    {
        e.content = MmsContent::Virtual(e.content.GetSize());
    }
}

} // namespace

MmsHttpMessage
MmsMm7Message::ToHttp(const std::string& target, const std::string& host) const
{
    MmsHttpMessage m;
    if (IsRequest(type))
    {
        m = MmsHttpMessage::Request("POST", target);
        m.AddHeader("Host", host);
    }
    else if (IsFault(type))
    {
        m = MmsHttpMessage::Response(500, "Internal Server Error");
    }
    else
    {
        m = MmsHttpMessage::Response(200, "OK");
    }
    MmsMimeEntity entity = ToEntity();
    m.AddHeader("Content-Type", entity.GetHeader("Content-Type"));
    if (IsRequest(type))
    {
        m.AddHeader("SOAPAction", "\"\"");
    }
    // The body: the entity without its own header fields (they are the HTTP ones).
    std::vector<uint32_t> sizes;
    MmsMimeEntity marked = entity;
    MarkVirtual(marked, sizes);
    std::string text = marked.Serialize();
    std::size_t bodyStart = text.find("\r\n\r\n");
    text = bodyStart == std::string::npos ? std::string() : text.substr(bodyStart + 4);
    MmsWireSegment seg;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < sizes.size(); i++)
    {
        std::string marker = "\x01mm7-virtual-" + std::to_string(i) + "\x01";
        std::size_t at = text.find(marker, pos);
        seg.bytes.insert(seg.bytes.end(), text.begin() + pos, text.begin() + at);
        seg.virtualZeros = sizes[i];
        m.bodyRuns.push_back(seg);
        seg = MmsWireSegment();
        pos = at + marker.size();
    }
    seg.bytes.insert(seg.bytes.end(), text.begin() + pos, text.end());
    m.bodyRuns.push_back(seg);
    return m;
}

bool
MmsMm7Message::FromHttp(const MmsHttpMessage& http, MmsMm7Message& message, std::string& error)
{
    std::vector<uint8_t> body = http.SerializeBody();
    return FromBody(http.GetHeader("Content-Type"),
                    reinterpret_cast<const char*>(body.data()),
                    body.size(),
                    message,
                    error);
}

bool
MmsMm7Message::FromBody(const std::string& contentType,
                        const char* body,
                        std::size_t size,
                        MmsMm7Message& message,
                        std::string& error)
{
    MmsMimeEntity holder;
    holder.AddHeader("Content-Type", contentType.empty() ? "text/xml" : contentType);
    std::string media = holder.GetMediaType();
    if (media == "text/xml")
    {
        return ParseSoap(body, size, message, error);
    }
    if (media != "multipart/related")
    {
        error = "Content-Type " + media + ": expected text/xml or multipart/related";
        return false;
    }
    std::string text = "Content-Type: " + contentType + "\r\n\r\n";
    text.append(body, size);
    MmsMimeEntity entity;
    if (!MmsMimeEntity::Parse(text.data(), text.size(), entity, error, true))
    {
        error = "MIME: " + error;
        return false;
    }
    std::string start = entity.GetParameter("Content-Type", "start");
    const MmsMimeEntity* soap = nullptr;
    for (const auto& p : entity.parts)
    {
        if (start.empty() ? p.GetMediaType() == "text/xml" : p.GetHeader("Content-ID") == start)
        {
            soap = &p;
            break;
        }
    }
    if (!soap || !soap->parts.empty())
    {
        error = "multipart/related without its SOAP part" + (start.empty() ? "" : " " + start);
        return false;
    }
    if (soap->content.IsVirtual())
    {
        error = "SOAP part has no real content";
        return false;
    }
    const auto& xml = soap->content.GetBytes();
    if (!ParseSoap(reinterpret_cast<const char*>(xml.data()), xml.size(), message, error))
    {
        return false;
    }
    if (!message.contentHref.empty())
    {
        std::string cid = message.contentHref.compare(0, 4, "cid:") == 0
                              ? "<" + message.contentHref.substr(4) + ">"
                              : message.contentHref;
        bool found = false;
        for (const auto& p : entity.parts)
        {
            if (&p != soap && p.GetHeader("Content-ID") == cid)
            {
                message.content = p;
                MakeMediaVirtual(message.content);
                found = true;
                break;
            }
        }
        if (!found)
        {
            error = "Content href " + message.contentHref + " names no MIME part";
            return false;
        }
    }
    return true;
}

bool
MmsMm7Message::operator==(const MmsMm7Message& o) const
{
    return type == o.type && transactionId == o.transactionId && version == o.version
           && vaspId == o.vaspId && vasId == o.vasId && hasSenderAddress == o.hasSenderAddress
           && (!hasSenderAddress || senderAddress == o.senderAddress) && to == o.to && cc == o.cc
           && bcc == o.bcc && serviceCode == o.serviceCode && linkedId == o.linkedId
           && messageClass == o.messageClass && timeStamp == o.timeStamp
           && expiryDate == o.expiryDate && deliveryReport == o.deliveryReport
           && readReply == o.readReply && priority == o.priority && subject == o.subject
           && contentHref == o.contentHref && content == o.content && statusCode == o.statusCode
           && statusText == o.statusText && messageId == o.messageId && recipient == o.recipient
           && sender == o.sender && date == o.date && mmStatus == o.mmStatus;
}

} // namespace ns3
