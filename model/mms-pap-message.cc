/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-pap-message.h"

#include "mms-wsp-codec.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>

namespace ns3
{

namespace
{

const char* const PAP_DOCTYPE = "<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\" "
                                "\"http://www.wapforum.org/DTDs/pap_2.0.dtd\">";

std::string
Escape(const std::string& s)
{
    std::string out;
    for (char c : s)
    {
        switch (c)
        {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// One XML element: name, attributes, children. Text content is ignored (PAP has none that
/// matters here).
struct XmlElement
{
    std::string name;
    std::map<std::string, std::string> attributes;
    std::vector<XmlElement> children;
    std::size_t line{0};
};

/// A small XML reader for PAP control documents: prolog, DOCTYPE, comments, elements with
/// attributes, character entities. No namespaces, no CDATA.
class XmlReader
{
  public:
    explicit XmlReader(const std::string& text)
        : m_s(text)
    {
    }

    bool Parse(XmlElement& root, std::string& error)
    {
        SkipMisc();
        if (!Element(root))
        {
            error = m_error;
            return false;
        }
        SkipMisc();
        if (m_ok && m_i < m_s.size())
        {
            Fail("content after the root element");
        }
        error = m_error;
        return m_ok;
    }

  private:
    void Fail(const std::string& what)
    {
        if (!m_ok)
        {
            return;
        }
        m_ok = false;
        std::size_t line = 1;
        std::size_t col = 1;
        for (std::size_t k = 0; k < m_i && k < m_s.size(); ++k)
        {
            if (m_s[k] == '\n')
            {
                ++line;
                col = 1;
            }
            else
            {
                ++col;
            }
        }
        std::ostringstream os;
        os << "line " << line << ", column " << col << ": " << what;
        m_error = os.str();
    }

    std::size_t Line() const
    {
        return 1 + std::count(m_s.begin(), m_s.begin() + std::min(m_i, m_s.size()), '\n');
    }

    bool StartsWith(const char* p) const
    {
        return m_s.compare(m_i, std::strlen(p), p) == 0;
    }

    void SkipSpace()
    {
        while (m_i < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_i])))
        {
            ++m_i;
        }
    }

    void SkipMisc()
    {
        for (;;)
        {
            SkipSpace();
            if (StartsWith("<?"))
            {
                SkipPast("?>");
            }
            else if (StartsWith("<!--"))
            {
                SkipPast("-->");
            }
            else if (StartsWith("<!DOCTYPE"))
            {
                SkipPast(">");
            }
            else
            {
                return;
            }
            if (!m_ok)
            {
                return;
            }
        }
    }

    void SkipPast(const char* end)
    {
        std::size_t k = m_s.find(end, m_i);
        if (k == std::string::npos)
        {
            Fail(std::string("missing '") + end + "'");
            m_i = m_s.size();
            return;
        }
        m_i = k + std::strlen(end);
    }

    std::string Name()
    {
        std::size_t b = m_i;
        while (m_i < m_s.size()
               && (std::isalnum(static_cast<unsigned char>(m_s[m_i]))
                   || std::strchr("-_.:", m_s[m_i])))
        {
            ++m_i;
        }
        if (b == m_i)
        {
            Fail("expected a name");
        }
        return m_s.substr(b, m_i - b);
    }

    std::string Unescape(const std::string& v)
    {
        std::string out;
        for (std::size_t k = 0; k < v.size(); ++k)
        {
            if (v[k] != '&')
            {
                out += v[k];
                continue;
            }
            std::size_t semi = v.find(';', k);
            std::string ent = semi == std::string::npos ? "" : v.substr(k + 1, semi - k - 1);
            if (ent == "amp")
            {
                out += '&';
            }
            else if (ent == "lt")
            {
                out += '<';
            }
            else if (ent == "gt")
            {
                out += '>';
            }
            else if (ent == "quot")
            {
                out += '"';
            }
            else if (ent == "apos")
            {
                out += '\'';
            }
            else
            {
                Fail("unknown entity '&" + ent + ";'");
                return out;
            }
            k = semi;
        }
        return out;
    }

    bool Element(XmlElement& e)
    {
        if (m_i >= m_s.size() || m_s[m_i] != '<')
        {
            Fail("expected an element");
            return false;
        }
        e.line = Line();
        ++m_i;
        e.name = Name();
        for (;;)
        {
            if (!m_ok)
            {
                return false;
            }
            SkipSpace();
            if (StartsWith("/>"))
            {
                m_i += 2;
                return true;
            }
            if (StartsWith(">"))
            {
                ++m_i;
                break;
            }
            std::string an = Name();
            SkipSpace();
            if (!StartsWith("="))
            {
                Fail("expected '=' after attribute '" + an + "'");
                return false;
            }
            ++m_i;
            SkipSpace();
            if (m_i >= m_s.size() || (m_s[m_i] != '"' && m_s[m_i] != '\''))
            {
                Fail("attribute '" + an + "' value must be quoted");
                return false;
            }
            char q = m_s[m_i++];
            std::size_t end = m_s.find(q, m_i);
            if (end == std::string::npos)
            {
                Fail("unterminated value of attribute '" + an + "'");
                return false;
            }
            std::string value = Unescape(m_s.substr(m_i, end - m_i));
            m_i = end + 1;
            if (!e.attributes.emplace(an, value).second)
            {
                Fail("duplicate attribute '" + an + "'");
                return false;
            }
        }
        for (;;)
        {
            // Skip character data and comments between children.
            while (m_i < m_s.size() && m_s[m_i] != '<')
            {
                ++m_i;
            }
            if (StartsWith("<!--"))
            {
                SkipPast("-->");
                continue;
            }
            if (m_i >= m_s.size())
            {
                Fail("element '" + e.name + "' is not closed");
                return false;
            }
            if (StartsWith("</"))
            {
                std::size_t tagStart = m_i;
                m_i += 2;
                std::string n = Name();
                SkipSpace();
                if (n != e.name || !StartsWith(">"))
                {
                    m_i = tagStart; // report the position of the closing tag
                    Fail("expected '</" + e.name + ">'");
                    return false;
                }
                ++m_i;
                return true;
            }
            XmlElement child;
            if (!Element(child))
            {
                return false;
            }
            e.children.push_back(std::move(child));
        }
    }

    const std::string& m_s;
    std::size_t m_i{0};
    bool m_ok{true};
    std::string m_error;
};

std::string
Attr(const XmlElement& e, const char* name)
{
    auto it = e.attributes.find(name);
    return it == e.attributes.end() ? "" : it->second;
}

bool
TimeAttr(const XmlElement& e, const char* name, int64_t& out, std::string& error)
{
    auto it = e.attributes.find(name);
    if (it == e.attributes.end())
    {
        out = -1;
        return true;
    }
    if (!MmsPapParseTime(it->second, out))
    {
        error = "line " + std::to_string(e.line) + ": " + name + " '" + it->second
                + "' is not an ISO 8601 UTC time (YYYY-MM-DDThh:mm:ssZ)";
        return false;
    }
    return true;
}

bool
ParseRoot(const std::string& xml, const char* child, XmlElement& out, std::string& error)
{
    XmlElement root;
    XmlReader reader(xml);
    if (!reader.Parse(root, error))
    {
        return false;
    }
    if (root.name != "pap")
    {
        error = "line " + std::to_string(root.line) + ": root element is '" + root.name
                + "', expected 'pap'";
        return false;
    }
    for (const auto& c : root.children)
    {
        if (c.name == child)
        {
            out = c;
            return true;
        }
    }
    error = std::string("no '") + child + "' element inside 'pap'";
    return false;
}

} // namespace

const char*
MmsPapCode::Description(int code)
{
    switch (code)
    {
        case 1000:
            return "OK";
        case 1001:
            return "Accepted for Processing";
        case 2000:
            return "Bad Request";
        case 2001:
            return "Forbidden";
        case 2002:
            return "Address Error";
        case 2003:
            return "Address Not Found";
        case 2004:
            return "Push ID Not Found";
        case 2005:
            return "Capabilities Mismatch";
        case 2006:
            return "Required Capabilities Not Supported";
        case 2007:
            return "Duplicate Push ID";
        case 3000:
            return "Internal Server Error";
        case 3001:
            return "Not Implemented";
        case 3002:
            return "Version Not Supported";
        case 3003:
            return "Not Possible";
        case 3004:
            return "Capability Matching Not Supported";
        case 3005:
            return "Multiple Addresses Not Supported";
        case 3006:
            return "Transformation Failure";
        case 3007:
            return "Specified Delivery Method Not Possible";
        case 3010:
            return "Required Bearer Not Available";
        case 4000:
            return "Service Failure";
        case 5000:
            return "Client Aborted";
        default:
            return nullptr;
    }
}

std::string
MmsPapFormatTime(int64_t t)
{
    MmsUtcDate u = MmsUtcDate::FromUnix(t);
    char buf[64];
    std::snprintf(buf,
                  sizeof(buf),
                  "%04lld-%02u-%02uT%02u:%02u:%02uZ",
                  static_cast<long long>(u.year),
                  u.month,
                  u.day,
                  u.hour,
                  u.minute,
                  u.second);
    return buf;
}

bool
MmsPapParseTime(const std::string& s, int64_t& out)
{
    if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
        || s[19] != 'Z')
    {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    {
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
        {
            return false;
        }
    }
    int y = std::stoi(s.substr(0, 4));
    unsigned mo = std::stoi(s.substr(5, 2));
    unsigned d = std::stoi(s.substr(8, 2));
    int h = std::stoi(s.substr(11, 2));
    int mi = std::stoi(s.substr(14, 2));
    int se = std::stoi(s.substr(17, 2));
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
    {
        return false;
    }
    out = MmsUtcDate::DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
    return true;
}

std::string
MmsPapPushMessage::ToXml() const
{
    std::ostringstream os;
    os << "<?xml version=\"1.0\"?>\n"
       << PAP_DOCTYPE << "\n<pap>\n<push-message push-id=\"" << Escape(pushId) << "\"";
    if (deliverBefore >= 0)
    {
        os << " deliver-before-timestamp=\"" << MmsPapFormatTime(deliverBefore) << "\"";
    }
    if (deliverAfter >= 0)
    {
        os << " deliver-after-timestamp=\"" << MmsPapFormatTime(deliverAfter) << "\"";
    }
    if (!sourceReference.empty())
    {
        os << " source-reference=\"" << Escape(sourceReference) << "\"";
    }
    if (!notifyRequestedTo.empty())
    {
        os << " ppg-notify-requested-to=\"" << Escape(notifyRequestedTo) << "\"";
    }
    os << ">\n";
    for (const auto& a : addresses)
    {
        os << "<address address-value=\"" << Escape(a) << "\"/>\n";
    }
    if (!priority.empty() || !deliveryMethod.empty() || !network.empty() || !bearer.empty())
    {
        os << "<quality-of-service";
        if (!priority.empty())
        {
            os << " priority=\"" << Escape(priority) << "\"";
        }
        if (!deliveryMethod.empty())
        {
            os << " delivery-method=\"" << Escape(deliveryMethod) << "\"";
        }
        if (!network.empty())
        {
            os << " network=\"" << Escape(network) << "\"";
        }
        if (!bearer.empty())
        {
            os << " bearer=\"" << Escape(bearer) << "\"";
        }
        os << "/>\n";
    }
    os << "</push-message>\n</pap>\n";
    return os.str();
}

bool
MmsPapPushMessage::FromXml(const std::string& xml, MmsPapPushMessage& out, std::string& error)
{
    out = MmsPapPushMessage();
    XmlElement pm;
    if (!ParseRoot(xml, "push-message", pm, error))
    {
        return false;
    }
    out.pushId = Attr(pm, "push-id");
    if (out.pushId.empty())
    {
        error = "line " + std::to_string(pm.line) + ": push-message has no push-id";
        return false;
    }
    if (!TimeAttr(pm, "deliver-before-timestamp", out.deliverBefore, error)
        || !TimeAttr(pm, "deliver-after-timestamp", out.deliverAfter, error))
    {
        return false;
    }
    out.sourceReference = Attr(pm, "source-reference");
    out.notifyRequestedTo = Attr(pm, "ppg-notify-requested-to");
    for (const auto& c : pm.children)
    {
        if (c.name == "address")
        {
            std::string v = Attr(c, "address-value");
            if (v.empty())
            {
                error = "line " + std::to_string(c.line) + ": address has no address-value";
                return false;
            }
            out.addresses.push_back(v);
        }
        else if (c.name == "quality-of-service")
        {
            out.priority = Attr(c, "priority");
            out.deliveryMethod = Attr(c, "delivery-method");
            out.network = Attr(c, "network");
            out.bearer = Attr(c, "bearer");
        }
    }
    if (out.addresses.empty())
    {
        error = "line " + std::to_string(pm.line) + ": push-message has no address";
        return false;
    }
    return true;
}

bool
MmsPapPushMessage::operator==(const MmsPapPushMessage& o) const
{
    return pushId == o.pushId && addresses == o.addresses && deliverBefore == o.deliverBefore
           && deliverAfter == o.deliverAfter && sourceReference == o.sourceReference
           && notifyRequestedTo == o.notifyRequestedTo && priority == o.priority
           && deliveryMethod == o.deliveryMethod && network == o.network && bearer == o.bearer;
}

std::string
MmsPapPushResponse::ToXml() const
{
    std::ostringstream os;
    os << "<?xml version=\"1.0\"?>\n"
       << PAP_DOCTYPE << "\n<pap>\n<push-response push-id=\"" << Escape(pushId) << "\"";
    if (!senderAddress.empty())
    {
        os << " sender-address=\"" << Escape(senderAddress) << "\"";
    }
    if (!senderName.empty())
    {
        os << " sender-name=\"" << Escape(senderName) << "\"";
    }
    if (replyTime >= 0)
    {
        os << " reply-time=\"" << MmsPapFormatTime(replyTime) << "\"";
    }
    const char* d = MmsPapCode::Description(code);
    os << ">\n<response-result code=\"" << code << "\" desc=\""
       << Escape(description.empty() && d ? d : description) << "\"/>\n</push-response>\n</pap>\n";
    return os.str();
}

bool
MmsPapPushResponse::FromXml(const std::string& xml, MmsPapPushResponse& out, std::string& error)
{
    out = MmsPapPushResponse();
    XmlElement pr;
    if (!ParseRoot(xml, "push-response", pr, error))
    {
        return false;
    }
    out.pushId = Attr(pr, "push-id");
    out.senderAddress = Attr(pr, "sender-address");
    out.senderName = Attr(pr, "sender-name");
    if (!TimeAttr(pr, "reply-time", out.replyTime, error))
    {
        return false;
    }
    for (const auto& c : pr.children)
    {
        if (c.name == "response-result")
        {
            std::string code = Attr(c, "code");
            if (code.size() != 4
                || !std::all_of(code.begin(),
                                code.end(),
                                [](char ch)
                                {
                                    return std::isdigit(static_cast<unsigned char>(ch));
                                }))
            {
                error = "line " + std::to_string(c.line) + ": response-result code '" + code
                        + "' is not a four-digit PAP code";
                return false;
            }
            out.code = std::stoi(code);
            out.description = Attr(c, "desc");
            return true;
        }
    }
    error = "line " + std::to_string(pr.line) + ": push-response has no response-result";
    return false;
}

bool
MmsPapPushResponse::operator==(const MmsPapPushResponse& o) const
{
    return pushId == o.pushId && senderAddress == o.senderAddress && senderName == o.senderName
           && replyTime == o.replyTime && code == o.code && description == o.description;
}

std::string
MmsPapRequest::GetHttpContentType(const std::string& boundary) const
{
    return "multipart/related; boundary=" + boundary + "; type=\"application/xml\"";
}

std::vector<uint8_t>
MmsPapRequest::Encode(std::string& boundary) const
{
    // A boundary that occurs nowhere in the content (RFC 2046 section 5.1.1).
    std::string contentText(content.begin(), content.end());
    unsigned n = 0;
    do
    {
        boundary = "mms-pap-boundary-" + std::to_string(n++);
    } while (contentText.find(boundary) != std::string::npos);
    std::string head = "--" + boundary + "\r\nContent-Type: application/xml\r\n\r\n"
                       + control.ToXml() + "\r\n--" + boundary + "\r\nContent-Type: " + contentType
                       + "\r\n\r\n";
    std::string tail = "\r\n--" + boundary + "--\r\n";
    std::vector<uint8_t> out(head.begin(), head.end());
    out.insert(out.end(), content.begin(), content.end());
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
}

bool
MmsPapRequest::Decode(const std::string& httpContentType,
                      const std::vector<uint8_t>& body,
                      MmsPapRequest& out,
                      std::string& error)
{
    out = MmsPapRequest();
    std::size_t b = httpContentType.find("boundary=");
    if (httpContentType.compare(0, 17, "multipart/related") != 0 || b == std::string::npos)
    {
        error = "Content-Type '" + httpContentType + "' is not multipart/related with a boundary";
        return false;
    }
    std::string boundary = httpContentType.substr(b + 9);
    boundary = boundary.substr(0, boundary.find(';'));
    if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
    {
        boundary = boundary.substr(1, boundary.size() - 2);
    }
    if (boundary.empty())
    {
        error = "empty multipart boundary";
        return false;
    }
    std::string text(body.begin(), body.end());
    std::string delim = "--" + boundary;
    std::vector<std::string> parts;
    std::size_t pos = text.find(delim);
    if (pos == std::string::npos)
    {
        error = "boundary '" + boundary + "' not found in the body";
        return false;
    }
    for (;;)
    {
        pos += delim.size();
        if (text.compare(pos, 2, "--") == 0)
        {
            break; // closing delimiter
        }
        if (text.compare(pos, 2, "\r\n") != 0)
        {
            error = "offset " + std::to_string(pos) + ": boundary line not followed by CRLF";
            return false;
        }
        pos += 2;
        std::size_t next = text.find("\r\n" + delim, pos);
        if (next == std::string::npos)
        {
            error = "offset " + std::to_string(pos) + ": body part is not terminated";
            return false;
        }
        parts.push_back(text.substr(pos, next - pos));
        pos = next + 2;
    }
    if (parts.size() != 2)
    {
        error = "expected 2 body parts (control, content), found " + std::to_string(parts.size());
        return false;
    }
    auto split = [&error](const std::string& part, std::string& type, std::string& data)
    {
        std::size_t e = part.find("\r\n\r\n");
        std::size_t headerStart = 0;
        if (part.compare(0, 2, "\r\n") == 0)
        {
            e = 0; // no headers
            data = part.substr(2);
            type = "text/plain";
            return true;
        }
        if (e == std::string::npos)
        {
            error = "body part headers are not terminated";
            return false;
        }
        std::istringstream hs(part.substr(headerStart, e));
        std::string line;
        while (std::getline(hs, line))
        {
            if (!line.empty() && line.back() == '\r')
            {
                line.pop_back();
            }
            std::size_t c = line.find(':');
            if (c != std::string::npos)
            {
                std::string n = line.substr(0, c);
                std::transform(n.begin(),
                               n.end(),
                               n.begin(),
                               [](unsigned char ch)
                               {
                                   return static_cast<char>(std::tolower(ch));
                               });
                if (n == "content-type")
                {
                    type = line.substr(c + 1);
                    type.erase(0, type.find_first_not_of(" \t"));
                }
            }
        }
        data = part.substr(e + 4);
        return true;
    };
    std::string t1, d1, t2, d2;
    if (!split(parts[0], t1, d1) || !split(parts[1], t2, d2))
    {
        return false;
    }
    if (t1.compare(0, 15, "application/xml") != 0)
    {
        error = "first body part is '" + t1 + "', expected the application/xml control entity";
        return false;
    }
    if (!MmsPapPushMessage::FromXml(d1, out.control, error))
    {
        error = "PAP control document: " + error;
        return false;
    }
    out.contentType = t2;
    out.content.assign(d2.begin(), d2.end());
    return true;
}

} // namespace ns3
