/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-mm4-message.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace ns3
{

namespace
{

std::string
Lower(const std::string& s)
{
    return MmsMimeEntity::Lower(s);
}

/// X-Mms-Message-Type values (TS 23.140 section 8.4), in MmsMm4Type order.
const char* const TYPE_NAMES[] = {
    "MM4_forward.REQ",
    "MM4_forward.RES",
    "MM4_delivery_report.REQ",
    "MM4_delivery_report.RES",
    "MM4_read_reply_report.REQ",
    "MM4_read_reply_report.RES",
};

// TS 23.140 gives MM4's X-Mms-Request-Status-Code, X-Mms-MM-Status-Code, X-Mms-Message-Class,
// X-Mms-Priority and X-Mms-Sender-Visibility the names OMA-MMS-ENC gives the MM1 values
// (digest section 6.1): Response-Status 0x80..0x88 (Ok .. Error-unsupported-message), Status
// 0x80..0x86 (Expired .. Forwarded; MM4 has no Unreachable), Message-Class 0x80..0x83,
// Priority 0x80..0x82, Sender-Visibility 0x80..0x81. MmsPdu::FormatValue() knows them.
constexpr uint8_t LAST_REQUEST_STATUS = 0x88; //!< Error-unsupported-message
constexpr uint8_t LAST_MM_STATUS = 0x86;      //!< Forwarded
constexpr uint8_t LAST_CLASS = 0x83;          //!< Auto
constexpr uint8_t LAST_PRIORITY = 0x82;       //!< High
constexpr uint8_t LAST_VISIBILITY = 0x81;     //!< Show

/// The name of an octet value of an MM1 field, "" when it has none up to last.
std::string
NameOf(uint8_t code, uint8_t octet, uint8_t last)
{
    if (octet < 0x80 || octet > last)
    {
        return "";
    }
    return MmsPdu::FormatValue(MmsHeaderField::Octet(code, octet));
}

/// The octet 0x80..last of a name (without regard to case), 0 when unknown.
uint8_t
OctetOf(uint8_t code, const std::string& name, uint8_t last)
{
    for (int o = 0x80; o <= last; o++)
    {
        if (Lower(NameOf(code, static_cast<uint8_t>(o), last)) == Lower(name))
        {
            return static_cast<uint8_t>(o);
        }
    }
    return 0;
}

std::string
YesNo(bool b)
{
    return b ? "Yes" : "No";
}

std::string
Join(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& s : v)
    {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out;
}

/// Splits an address list at commas outside quotes and angle brackets.
std::vector<std::string>
SplitAddresses(const std::string& value)
{
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    int angle = 0;
    auto push = [&out, &cur]()
    {
        std::size_t b = cur.find_first_not_of(" \t");
        std::size_t e = cur.find_last_not_of(" \t");
        if (b != std::string::npos)
        {
            out.push_back(cur.substr(b, e - b + 1));
        }
        cur.clear();
    };
    for (char c : value)
    {
        if (c == '"')
        {
            quoted = !quoted;
        }
        else if (c == '<' && !quoted)
        {
            angle++;
        }
        else if (c == '>' && !quoted && angle > 0)
        {
            angle--;
        }
        if (c == ',' && !quoted && angle == 0)
        {
            push();
            continue;
        }
        cur += c;
    }
    push();
    return out;
}

std::string
CharsetName(uint32_t mib)
{
    const char* n = MmsWspCharset::Name(mib);
    return n != nullptr ? n : "";
}

/// Whether content can go as 7bit (RFC 2045 section 2.7): real, octets 1..127, CR and LF
/// only as CRLF, lines of at most 998 octets, and not containing the boundary.
bool
Is7bit(const MmsContent& c, const std::string& boundary)
{
    if (c.IsVirtual())
    {
        return false;
    }
    const auto& b = c.GetBytes();
    std::size_t line = 0;
    for (std::size_t i = 0; i < b.size(); i++)
    {
        uint8_t o = b[i];
        if (o == 0 || o > 127)
        {
            return false;
        }
        if (o == '\r')
        {
            if (i + 1 >= b.size() || b[i + 1] != '\n')
            {
                return false;
            }
            i++;
            line = 0;
            continue;
        }
        if (o == '\n' || ++line > 998)
        {
            return false;
        }
    }
    std::string text(b.begin(), b.end());
    return boundary.empty() || text.find("--" + boundary) == std::string::npos;
}

/// The MIME media type of a WSP multipart type.
std::string
MimeMediaType(const std::string& wsp)
{
    std::string l = Lower(wsp);
    const std::string prefix = "application/vnd.wap.multipart.";
    if (l.rfind(prefix, 0) == 0)
    {
        return "multipart/" + l.substr(prefix.size());
    }
    return wsp;
}

/// The WSP media type of a MIME multipart type.
std::string
WspMediaType(const std::string& mime)
{
    std::string l = Lower(mime);
    if (l.rfind("multipart/", 0) == 0)
    {
        return "application/vnd.wap.multipart." + l.substr(10);
    }
    return mime;
}

std::string
Quote(const std::string& s)
{
    std::string out = "\"";
    for (char c : s)
    {
        if (c == '"' || c == '\\')
        {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

/// A Content-Type value from a WSP content type (media type, charset, name, and for a
/// multipart type start, type and the boundary).
std::string
ContentTypeValue(const MmsWspContentType& t, const std::string& boundary)
{
    std::string v = MimeMediaType(t.GetMediaType());
    if (!boundary.empty())
    {
        v += "; boundary=" + Quote(boundary);
        if (!t.GetType().empty())
        {
            v += "; type=" + Quote(t.GetType());
        }
        if (!t.GetStart().empty())
        {
            v += "; start=" + Quote(t.GetStart());
        }
        return v;
    }
    std::string charset = CharsetName(t.GetCharset());
    if (!charset.empty())
    {
        v += "; charset=" + charset;
    }
    if (!t.GetName().empty())
    {
        v += "; name=" + Quote(t.GetName());
    }
    return v;
}

/// A WSP content type from a MIME entity's Content-Type.
MmsWspContentType
WspContentType(const MmsMimeEntity& e)
{
    MmsWspContentType t(WspMediaType(e.GetMediaType()));
    if (e.IsMultipart())
    {
        if (!e.GetParameter("Content-Type", "type").empty())
        {
            t.SetTextParameter(MmsWspParam::TYPE, e.GetParameter("Content-Type", "type"));
        }
        if (!e.GetParameter("Content-Type", "start").empty())
        {
            t.SetTextParameter(MmsWspParam::START, e.GetParameter("Content-Type", "start"));
        }
        return t;
    }
    uint32_t charset = MmsWspCharset::FromName(e.GetParameter("Content-Type", "charset"));
    if (charset != 0)
    {
        t.SetCharset(charset);
    }
    if (!e.GetParameter("Content-Type", "name").empty())
    {
        t.SetTextParameter(MmsWspParam::NAME, e.GetParameter("Content-Type", "name"));
    }
    return t;
}

/// A leaf MIME entity of a WSP part (or a single-part body).
MmsMimeEntity
MimeLeaf(const MmsWspContentType& type, const MmsContent& data, const std::string& boundary)
{
    MmsMimeEntity e;
    e.AddHeader("Content-Type", ContentTypeValue(type, ""));
    e.AddHeader("Content-Transfer-Encoding", Is7bit(data, boundary) ? "7bit" : "base64");
    e.content = data;
    return e;
}

/// A deterministic boundary for a message: base64 text never holds "=_", and 7bit parts that
/// hold it are base64-encoded instead (Is7bit()).
std::string
BoundaryFor(const std::string& id)
{
    std::string b = "=_mm4_";
    for (char c : id)
    {
        b += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    return b.substr(0, 70);
}

/// The address each MM1 address has on MM4.
std::vector<std::string>
Mm4Addresses(const std::vector<std::string>& in,
             const std::function<std::string(const std::string&)>& domainOf)
{
    std::vector<std::string> out;
    for (const auto& a : in)
    {
        out.push_back(MmsMm4Message::Mm4Address(a, domainOf ? domainOf(a) : ""));
    }
    return out;
}

} // namespace

std::string
MmsMm4Message::TypeName(MmsMm4Type type)
{
    return TYPE_NAMES[static_cast<int>(type)];
}

std::string
MmsMm4Message::MmseDomain(uint16_t mcc, uint16_t mnc)
{
    char buf[48];
    std::snprintf(buf, sizeof(buf), "mms.mnc%03u.mcc%03u.gprs", unsigned{mnc}, unsigned{mcc});
    return buf;
}

std::string
MmsMm4Message::Mm4Address(const std::string& address, const std::string& domain)
{
    if (domain.empty() || address.find('@') != std::string::npos)
    {
        return address;
    }
    return address + "@" + domain;
}

std::string
MmsMm4Message::MmsAddress(const std::string& address)
{
    std::size_t at = address.rfind('@');
    if (at != std::string::npos && Lower(address.substr(0, at)).find("/type=") != std::string::npos)
    {
        return address.substr(0, at);
    }
    return address;
}

std::string
MmsMm4Message::MmStatusName(uint8_t status)
{
    std::string n = NameOf(MmsField::STATUS, status, LAST_MM_STATUS);
    return n.empty() ? "Indeterminate" : n;
}

uint8_t
MmsMm4Message::MmStatusValue(const std::string& name)
{
    return OctetOf(MmsField::STATUS, name, LAST_MM_STATUS);
}

bool
MmsMm4Message::IsRequestStatusCode(const std::string& name)
{
    return OctetOf(MmsField::RESPONSE_STATUS, name, LAST_REQUEST_STATUS) != 0;
}

MmsMimeEntity
MmsMm4Message::ToEntity() const
{
    MmsMimeEntity e;
    bool forward = type == MmsMm4Type::FORWARD_REQ;
    bool response = type == MmsMm4Type::FORWARD_RES || type == MmsMm4Type::DELIVERY_REPORT_RES
                    || type == MmsMm4Type::READ_REPLY_REPORT_RES;
    e.AddHeader("From", from);
    e.AddHeader("To", Join(to));
    if (forward && !cc.empty())
    {
        e.AddHeader("Cc", Join(cc));
    }
    e.AddHeader("Date", MmsImfDate::Format(date));
    if (forward && !subject.empty())
    {
        e.AddHeader("Subject", subject);
    }
    if (!rfc822MessageId.empty())
    {
        e.AddHeader("Message-ID", rfc822MessageId);
    }
    if (forward && !sender.empty())
    {
        e.AddHeader("Sender", sender);
    }
    if (forward)
    {
        e.AddHeader("MIME-Version", "1.0");
    }
    e.AddHeader("X-Mms-3GPP-MMS-Version", version);
    e.AddHeader("X-Mms-Message-Type", TypeName(type));
    e.AddHeader("X-Mms-Transaction-ID", transactionId);
    if (!messageId.empty())
    {
        e.AddHeader("X-Mms-Message-ID", messageId);
    }
    if (forward)
    {
        if (!messageClass.empty())
        {
            e.AddHeader("X-Mms-Message-Class", messageClass);
        }
        if (!priority.empty())
        {
            e.AddHeader("X-Mms-Priority", priority);
        }
        if (expiry != 0)
        {
            e.AddHeader("X-Mms-Expiry", MmsImfDate::Format(expiry));
        }
        e.AddHeader("X-Mms-Delivery-Report", YesNo(deliveryReport));
        e.AddHeader("X-Mms-Read-Reply", YesNo(readReply));
        if (!senderVisibility.empty())
        {
            e.AddHeader("X-Mms-Sender-Visibility", senderVisibility);
        }
    }
    if (response)
    {
        e.AddHeader("X-Mms-Request-Status-Code", requestStatusCode);
    }
    if (type == MmsMm4Type::DELIVERY_REPORT_REQ)
    {
        e.AddHeader("X-Mms-MM-Status-Code", mmStatusCode);
    }
    if (type == MmsMm4Type::READ_REPLY_REPORT_REQ)
    {
        e.AddHeader("X-Mms-Read-Status", readStatus);
    }
    if (!statusText.empty() && !forward)
    {
        e.AddHeader("X-Mms-Status-Text", statusText);
    }
    if (!response)
    {
        e.AddHeader("X-Mms-Ack-Request", YesNo(ackRequest));
    }
    if (!response && !originatorSystem.empty())
    {
        e.AddHeader("X-Mms-Originator-System", originatorSystem);
    }
    if (forward)
    {
        for (const auto& h : content.headers)
        {
            e.AddHeader(h.first, h.second);
        }
        e.content = content.content;
        e.parts = content.parts;
    }
    return e;
}

std::string
MmsMm4Message::Serialize() const
{
    return ToEntity().Serialize();
}

uint64_t
MmsMm4Message::GetSerializedSize() const
{
    return ToEntity().GetSerializedSize();
}

bool
MmsMm4Message::FromEntity(const MmsMimeEntity& e, MmsMm4Message& m, std::string& error)
{
    m = MmsMm4Message();
    auto need = [&e, &error](const char* name)
    {
        if (e.GetHeader(name).empty())
        {
            error = std::string("missing ") + name; // or empty
            return false;
        }
        return true;
    };
    auto yesNo = [&e, &error](const char* name, bool& out)
    {
        std::string v = Lower(e.GetHeader(name));
        if (v.empty() || v == "no")
        {
            out = false;
            return true;
        }
        if (v == "yes")
        {
            out = true;
            return true;
        }
        error = std::string(name) + " '" + e.GetHeader(name) + "' is neither Yes nor No";
        return false;
    };
    if (!need("X-Mms-Message-Type"))
    {
        return false;
    }
    std::string typeName = e.GetHeader("X-Mms-Message-Type");
    bool known = false;
    for (int i = 0; i < 6; i++)
    {
        if (Lower(typeName) == Lower(TYPE_NAMES[i]))
        {
            m.type = static_cast<MmsMm4Type>(i);
            known = true;
        }
    }
    if (!known)
    {
        error = "X-Mms-Message-Type '" + typeName + "' is not an MM4 message";
        return false;
    }
    bool forward = m.type == MmsMm4Type::FORWARD_REQ;
    bool response = !forward && m.type != MmsMm4Type::DELIVERY_REPORT_REQ
                    && m.type != MmsMm4Type::READ_REPLY_REPORT_REQ;
    if (!need("X-Mms-3GPP-MMS-Version") || !need("X-Mms-Transaction-ID") || !need("From")
        || !need("Date"))
    {
        return false;
    }
    m.version = e.GetHeader("X-Mms-3GPP-MMS-Version");
    m.transactionId = e.GetHeader("X-Mms-Transaction-ID");
    m.messageId = e.GetHeader("X-Mms-Message-ID");
    m.rfc822MessageId = e.GetHeader("Message-ID");
    m.from = e.GetHeader("From");
    m.to = SplitAddresses(e.GetHeader("To"));
    if (!MmsImfDate::Parse(e.GetHeader("Date"), m.date))
    {
        error = "Date '" + e.GetHeader("Date") + "' is not an RFC 5322 date-time";
        return false;
    }
    m.statusText = forward ? "" : e.GetHeader("X-Mms-Status-Text");
    m.originatorSystem = response ? "" : e.GetHeader("X-Mms-Originator-System");
    if (!response && !yesNo("X-Mms-Ack-Request", m.ackRequest))
    {
        return false;
    }
    if (response)
    {
        if (!need("X-Mms-Request-Status-Code"))
        {
            return false;
        }
        m.requestStatusCode = e.GetHeader("X-Mms-Request-Status-Code");
        if (!IsRequestStatusCode(m.requestStatusCode))
        {
            error =
                "X-Mms-Request-Status-Code '" + m.requestStatusCode + "' is not a TS 23.140 value";
            return false;
        }
        return true;
    }
    if (m.type == MmsMm4Type::DELIVERY_REPORT_REQ)
    {
        if (!need("X-Mms-Message-ID") || !need("X-Mms-MM-Status-Code"))
        {
            return false;
        }
        m.mmStatusCode = e.GetHeader("X-Mms-MM-Status-Code");
        if (MmStatusValue(m.mmStatusCode) == 0)
        {
            error = "X-Mms-MM-Status-Code '" + m.mmStatusCode + "' is not a TS 23.140 value";
            return false;
        }
        return true;
    }
    if (m.type == MmsMm4Type::READ_REPLY_REPORT_REQ)
    {
        if (!need("X-Mms-Message-ID") || !need("X-Mms-Read-Status"))
        {
            return false;
        }
        m.readStatus = e.GetHeader("X-Mms-Read-Status");
        if (Lower(m.readStatus) != "read" && Lower(m.readStatus) != "deleted")
        {
            error = "X-Mms-Read-Status '" + m.readStatus + "' is neither Read nor Deleted";
            return false;
        }
        return true;
    }
    // MM4_forward.REQ
    if (!need("X-Mms-Message-ID"))
    {
        return false;
    }
    // No To and no Cc is a message whose recipients were all Bcc (a VASP's bulk submission):
    // Bcc is not conveyed (TS 23.140 section 8.4.1), the SMTP envelope names the recipients.
    m.cc = SplitAddresses(e.GetHeader("Cc"));
    m.sender = e.GetHeader("Sender");
    m.subject = e.GetHeader("Subject");
    m.messageClass = e.GetHeader("X-Mms-Message-Class");
    m.priority = e.GetHeader("X-Mms-Priority");
    m.senderVisibility = e.GetHeader("X-Mms-Sender-Visibility");
    if (!m.messageClass.empty()
        && OctetOf(MmsField::MESSAGE_CLASS, m.messageClass, LAST_CLASS) == 0)
    {
        error = "X-Mms-Message-Class '" + m.messageClass + "' is not a TS 23.140 value";
        return false;
    }
    if (!m.senderVisibility.empty()
        && OctetOf(MmsField::SENDER_VISIBILITY, m.senderVisibility, LAST_VISIBILITY) == 0)
    {
        error = "X-Mms-Sender-Visibility '" + m.senderVisibility + "' is neither Hide nor Show";
        return false;
    }
    if (!m.priority.empty() && OctetOf(MmsField::PRIORITY, m.priority, LAST_PRIORITY) == 0)
    {
        error = "X-Mms-Priority '" + m.priority + "' is not Low, Normal or High";
        return false;
    }
    // X-Mms-Expiry is written as a date-time; a number of seconds is read as relative to Date
    // (an operator's MM4 test traffic carries "X-Mms-Expiry: 600").
    std::string expiry = e.GetHeader("X-Mms-Expiry");
    bool seconds = !expiry.empty() && expiry.size() < 12
                   && std::all_of(expiry.begin(),
                                  expiry.end(),
                                  [](char c)
                                  {
                                      return std::isdigit(static_cast<unsigned char>(c));
                                  });
    if (seconds)
    {
        m.expiry = m.date + std::stoull(expiry);
    }
    else if (!expiry.empty() && !MmsImfDate::Parse(expiry, m.expiry))
    {
        error = "X-Mms-Expiry '" + expiry + "' is neither an RFC 5322 date-time nor seconds";
        return false;
    }
    if (!yesNo("X-Mms-Delivery-Report", m.deliveryReport)
        || !yesNo("X-Mms-Read-Reply", m.readReply))
    {
        return false;
    }
    for (const auto& h : e.headers)
    {
        if (Lower(h.first).rfind("content-", 0) == 0)
        {
            m.content.headers.push_back(h);
        }
    }
    m.content.content = e.content;
    m.content.parts = e.parts;
    return true;
}

bool
MmsMm4Message::Parse(const char* text,
                     std::size_t size,
                     MmsMm4Message& message,
                     std::string& error,
                     bool keepContent)
{
    MmsMimeEntity e;
    return MmsMimeEntity::Parse(text, size, e, error, keepContent) && FromEntity(e, message, error);
}

MmsMm4Message
MmsMm4Message::FromSendReq(const MmsPdu& req,
                           const std::string& from,
                           const std::string& messageId,
                           const std::string& transactionId,
                           uint64_t date,
                           const std::function<std::string(const std::string&)>& domainOf,
                           const std::string& originatorSystem)
{
    MmsMm4Message m;
    m.type = MmsMm4Type::FORWARD_REQ;
    m.transactionId = transactionId;
    m.messageId = messageId;
    m.from = Mm4Address(from, domainOf ? domainOf(from) : "");
    m.to = Mm4Addresses(req.GetAddresses(MmsField::TO), domainOf);
    m.cc = Mm4Addresses(req.GetAddresses(MmsField::CC), domainOf);
    m.sender = originatorSystem;
    m.originatorSystem = originatorSystem;
    m.date = req.HasField(MmsField::DATE) ? req.GetNumber(MmsField::DATE) : date;
    m.subject = req.GetText(MmsField::SUBJECT);
    m.messageClass =
        NameOf(MmsField::MESSAGE_CLASS, req.GetOctet(MmsField::MESSAGE_CLASS), LAST_CLASS);
    m.priority = NameOf(MmsField::PRIORITY, req.GetOctet(MmsField::PRIORITY), LAST_PRIORITY);
    if (const MmsHeaderField* f = req.FindField(MmsField::EXPIRY))
    {
        m.expiry = f->flag ? f->number : m.date + f->number;
    }
    m.deliveryReport = req.GetOctet(MmsField::DELIVERY_REPORT) == MmsValue::YES;
    m.readReply = req.GetOctet(MmsField::READ_REPORT) == MmsValue::YES;
    m.senderVisibility = NameOf(
        MmsField::SENDER_VISIBILITY, req.GetOctet(MmsField::SENDER_VISIBILITY), LAST_VISIBILITY);
    m.ackRequest = true;
    if (!req.HasBody())
    {
        return m;
    }
    const MmsWspContentType& type = req.FindField(MmsField::CONTENT_TYPE)->contentType;
    const MmsBody& body = req.GetBody();
    if (!body.isMultipart)
    {
        m.content = MimeLeaf(type, body.single, "");
        return m;
    }
    std::string boundary = BoundaryFor(messageId.empty() ? transactionId : messageId);
    m.content.AddHeader("Content-Type", ContentTypeValue(type, boundary));
    for (const auto& p : body.multipart.parts)
    {
        MmsMimeEntity part = MimeLeaf(p.contentType, p.data, boundary);
        std::string id = p.GetContentId();
        if (!id.empty())
        {
            part.headers.insert(part.headers.begin() + 1,
                                {"Content-ID", id.front() == '<' ? id : "<" + id + ">"});
        }
        if (!p.GetContentLocation().empty())
        {
            part.AddHeader("Content-Location", p.GetContentLocation());
        }
        m.content.parts.push_back(part);
    }
    return m;
}

MmsPdu
MmsMm4Message::ToRetrieveConf(const std::string& tid) const
{
    std::vector<std::string> recipients;
    for (const auto& a : to)
    {
        recipients.push_back(MmsAddress(a));
    }
    MmsWspContentType type = WspContentType(content);
    MmsMultipartBody body;
    for (const auto& p : content.parts)
    {
        MmsPart part;
        part.contentType = WspContentType(p);
        std::string id = p.GetHeader("Content-ID");
        if (!id.empty())
        {
            MmsWspPartHeader h;
            h.code = MmsWspPartHeader::CONTENT_ID;
            h.value = id;
            part.headers.push_back(h);
        }
        if (p.HasHeader("Content-Location"))
        {
            MmsWspPartHeader h;
            h.code = MmsWspPartHeader::CONTENT_LOCATION;
            h.value = p.GetHeader("Content-Location");
            part.headers.push_back(h);
        }
        part.data = p.content;
        body.parts.push_back(part);
    }
    MmsPdu pdu =
        MmsPdu::MakeRetrieveConf(tid, messageId, MmsAddress(from), recipients, date, type, body);
    if (!content.IsMultipart())
    {
        pdu.SetBody(type, content.content);
    }
    for (const auto& a : cc)
    {
        pdu.AddField(MmsHeaderField::String(MmsField::CC, {0, MmsAddress(a)}));
    }
    if (!subject.empty())
    {
        pdu.AddField(MmsHeaderField::String(MmsField::SUBJECT, {0, subject}));
    }
    if (OctetOf(MmsField::MESSAGE_CLASS, messageClass, LAST_CLASS) != 0)
    {
        pdu.AddField(MmsHeaderField::Octet(
            MmsField::MESSAGE_CLASS, OctetOf(MmsField::MESSAGE_CLASS, messageClass, LAST_CLASS)));
    }
    if (OctetOf(MmsField::PRIORITY, priority, LAST_PRIORITY) != 0)
    {
        pdu.AddField(MmsHeaderField::Octet(MmsField::PRIORITY,
                                           OctetOf(MmsField::PRIORITY, priority, LAST_PRIORITY)));
    }
    uint8_t visibility = OctetOf(MmsField::SENDER_VISIBILITY, senderVisibility, LAST_VISIBILITY);
    if (visibility != 0)
    {
        pdu.AddField(MmsHeaderField::Octet(MmsField::SENDER_VISIBILITY, visibility));
    }
    if (deliveryReport)
    {
        pdu.AddField(MmsHeaderField::Octet(MmsField::DELIVERY_REPORT, MmsValue::YES));
    }
    if (readReply)
    {
        pdu.AddField(MmsHeaderField::Octet(MmsField::READ_REPORT, MmsValue::YES));
    }
    return pdu;
}

MmsMm4Message
MmsMm4Message::FromDeliveryInd(const MmsPdu& ind,
                               const std::string& originator,
                               const std::string& transactionId,
                               const std::function<std::string(const std::string&)>& domainOf,
                               const std::string& originatorSystem)
{
    MmsMm4Message m;
    m.type = MmsMm4Type::DELIVERY_REPORT_REQ;
    m.transactionId = transactionId;
    m.messageId = ind.GetText(MmsField::MESSAGE_ID);
    std::vector<std::string> recipient = ind.GetAddresses(MmsField::TO);
    std::string r = recipient.empty() ? "" : recipient.front();
    m.from = Mm4Address(r, domainOf ? domainOf(r) : "");
    m.to = {Mm4Address(originator, domainOf ? domainOf(originator) : "")};
    m.date = ind.GetNumber(MmsField::DATE);
    m.mmStatusCode = MmStatusName(ind.GetOctet(MmsField::STATUS));
    m.ackRequest = true;
    m.originatorSystem = originatorSystem;
    return m;
}

MmsPdu
MmsMm4Message::ToDeliveryInd() const
{
    uint8_t status = MmStatusValue(mmStatusCode);
    return MmsPdu::MakeDeliveryInd(
        messageId, MmsAddress(from), date, status != 0 ? status : MmsValue::STATUS_INDETERMINATE);
}

MmsMm4Message
MmsMm4Message::FromReadRecInd(const MmsPdu& ind,
                              const std::string& reader,
                              const std::string& transactionId,
                              uint64_t date,
                              const std::function<std::string(const std::string&)>& domainOf,
                              const std::string& originatorSystem)
{
    MmsMm4Message m;
    m.type = MmsMm4Type::READ_REPLY_REPORT_REQ;
    m.transactionId = transactionId;
    m.messageId = ind.GetText(MmsField::MESSAGE_ID);
    std::string f = ind.GetFrom();
    f = f.empty() || f == "insert-address" ? reader : f;
    m.from = Mm4Address(f, domainOf ? domainOf(f) : "");
    for (const auto& a : ind.GetAddresses(MmsField::TO))
    {
        m.to.push_back(Mm4Address(a, domainOf ? domainOf(a) : ""));
    }
    m.date = ind.HasField(MmsField::DATE) ? ind.GetNumber(MmsField::DATE) : date;
    m.readStatus =
        ind.GetOctet(MmsField::READ_STATUS) == MmsValue::READ_STATUS_DELETED ? "Deleted" : "Read";
    m.ackRequest = true;
    m.originatorSystem = originatorSystem;
    return m;
}

MmsPdu
MmsMm4Message::ToReadOrigInd() const
{
    return MmsPdu::MakeReadOrigInd(messageId,
                                   to.empty() ? "" : MmsAddress(to.front()),
                                   MmsAddress(from),
                                   date,
                                   Lower(readStatus) == "deleted" ? MmsValue::READ_STATUS_DELETED
                                                                  : MmsValue::READ_STATUS_READ);
}

MmsMm4Message
MmsMm4Message::ResponseTo(const MmsMm4Message& request,
                          const std::string& statusCode,
                          const std::string& from,
                          uint64_t date)
{
    MmsMm4Message m;
    m.type = static_cast<MmsMm4Type>(static_cast<int>(request.type) | 1);
    m.version = request.version;
    m.transactionId = request.transactionId;
    m.messageId = request.messageId;
    m.from = from;
    m.to = {request.originatorSystem.empty() ? request.from : request.originatorSystem};
    m.date = date;
    m.requestStatusCode = statusCode;
    return m;
}

} // namespace ns3
