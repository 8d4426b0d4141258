/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-pdu.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

namespace
{

// Field names as OMA MMS ENC 1.3 section 7.4 writes them, by assigned number (0x01..0x3F).
const char* const g_fieldNames[] = {
    nullptr,
    "Bcc",                                   // 0x01
    "Cc",                                    // 0x02
    "X-Mms-Content-Location",                // 0x03
    "Content-Type",                          // 0x04
    "Date",                                  // 0x05
    "X-Mms-Delivery-Report",                 // 0x06
    "X-Mms-Delivery-Time",                   // 0x07
    "X-Mms-Expiry",                          // 0x08
    "From",                                  // 0x09
    "X-Mms-Message-Class",                   // 0x0A
    "Message-ID",                            // 0x0B
    "X-Mms-Message-Type",                    // 0x0C
    "X-Mms-MMS-Version",                     // 0x0D
    "X-Mms-Message-Size",                    // 0x0E
    "X-Mms-Priority",                        // 0x0F
    "X-Mms-Read-Report",                     // 0x10
    "X-Mms-Report-Allowed",                  // 0x11
    "X-Mms-Response-Status",                 // 0x12
    "X-Mms-Response-Text",                   // 0x13
    "X-Mms-Sender-Visibility",               // 0x14
    "X-Mms-Status",                          // 0x15
    "Subject",                               // 0x16
    "To",                                    // 0x17
    "X-Mms-Transaction-Id",                  // 0x18
    "X-Mms-Retrieve-Status",                 // 0x19
    "X-Mms-Retrieve-Text",                   // 0x1A
    "X-Mms-Read-Status",                     // 0x1B
    "X-Mms-Reply-Charging",                  // 0x1C
    "X-Mms-Reply-Charging-Deadline",         // 0x1D
    "X-Mms-Reply-Charging-ID",               // 0x1E
    "X-Mms-Reply-Charging-Size",             // 0x1F
    "X-Mms-Previously-Sent-By",              // 0x20
    "X-Mms-Previously-Sent-Date",            // 0x21
    "X-Mms-Store",                           // 0x22
    "X-Mms-MM-State",                        // 0x23
    "X-Mms-MM-Flags",                        // 0x24
    "X-Mms-Store-Status",                    // 0x25
    "X-Mms-Store-Status-Text",               // 0x26
    "X-Mms-Stored",                          // 0x27
    "X-Mms-Attributes",                      // 0x28
    "X-Mms-Totals",                          // 0x29
    "X-Mms-Mbox-Totals",                     // 0x2A
    "X-Mms-Quotas",                          // 0x2B
    "X-Mms-Mbox-Quotas",                     // 0x2C
    "X-Mms-Message-Count",                   // 0x2D
    "Content",                               // 0x2E
    "X-Mms-Start",                           // 0x2F
    "X-Mms-Additional-Headers",              // 0x30
    "X-Mms-Distribution-Indicator",          // 0x31
    "X-Mms-Element-Descriptor",              // 0x32
    "X-Mms-Limit",                           // 0x33
    "X-Mms-Recommended-Retrieval-Mode",      // 0x34
    "X-Mms-Recommended-Retrieval-Mode-Text", // 0x35
    "X-Mms-Status-Text",                     // 0x36
    "X-Mms-Applic-ID",                       // 0x37
    "X-Mms-Reply-Applic-ID",                 // 0x38
    "X-Mms-Aux-Applic-Info",                 // 0x39
    "X-Mms-Content-Class",                   // 0x3A
    "X-Mms-DRM-Content",                     // 0x3B
    "X-Mms-Adaptation-Allowed",              // 0x3C
    "X-Mms-Replace-ID",                      // 0x3D
    "X-Mms-Cancel-ID",                       // 0x3E
    "X-Mms-Cancel-Status",                   // 0x3F
};

const char* const g_typeNames[] = {
    "m-send-req",         "m-send-conf",       "m-notification-ind", "m-notifyresp-ind",
    "m-retrieve-conf",    "m-acknowledge-ind", "m-delivery-ind",     "m-read-rec-ind",
    "m-read-orig-ind",    "m-forward-req",     "m-forward-conf",     "m-mbox-store-req",
    "m-mbox-store-conf",  "m-mbox-view-req",   "m-mbox-view-conf",   "m-mbox-upload-req",
    "m-mbox-upload-conf", "m-mbox-delete-req", "m-mbox-delete-conf", "m-mbox-descr",
    "m-delete-req",       "m-delete-conf",     "m-cancel-req",       "m-cancel-conf",
};

/// The value encoding of each assigned field.
MmsHeaderField::Kind
KindOf(uint8_t code)
{
    switch (code)
    {
        case 0x06: // Delivery-Report
        case 0x0C: // Message-Type
        case 0x0D: // MMS-Version
        case 0x0F: // Priority
        case 0x10: // Read-Report
        case 0x11: // Report-Allowed
        case 0x12: // Response-Status
        case 0x14: // Sender-Visibility
        case 0x15: // Status
        case 0x19: // Retrieve-Status
        case 0x1B: // Read-Status
        case 0x1C: // Reply-Charging
        case 0x22: // Store
        case 0x23: // MM-State
        case 0x25: // Store-Status
        case 0x27: // Stored
        case 0x31: // Distribution-Indicator
        case 0x34: // Recommended-Retrieval-Mode
        case 0x3A: // Content-Class
        case 0x3B: // DRM-Content
        case 0x3C: // Adaptation-Allowed
        case 0x3F: // Cancel-Status
            return MmsHeaderField::OCTET;
        case 0x03: // Content-Location
        case 0x0B: // Message-ID
        case 0x18: // Transaction-Id
        case 0x1E: // Reply-Charging-ID
        case 0x37: // Applic-ID
        case 0x38: // Reply-Applic-ID
        case 0x39: // Aux-Applic-Info
        case 0x3D: // Replace-ID
        case 0x3E: // Cancel-ID
            return MmsHeaderField::TEXT;
        case 0x01: // Bcc
        case 0x02: // Cc
        case 0x13: // Response-Text
        case 0x16: // Subject
        case 0x17: // To
        case 0x1A: // Retrieve-Text
        case 0x26: // Store-Status-Text
        case 0x35: // Recommended-Retrieval-Mode-Text
        case 0x36: // Status-Text
            return MmsHeaderField::ENCODED_STRING;
        case 0x05: // Date
        case 0x0E: // Message-Size
        case 0x1F: // Reply-Charging-Size
            return MmsHeaderField::LONG_INTEGER;
        case 0x07: // Delivery-Time
        case 0x08: // Expiry
        case 0x1D: // Reply-Charging-Deadline
            return MmsHeaderField::TIME;
        case 0x09:
            return MmsHeaderField::FROM;
        case 0x04:
            return MmsHeaderField::CONTENT_TYPE;
        case 0x20:
            return MmsHeaderField::SENT_BY;
        case 0x21:
            return MmsHeaderField::SENT_DATE;
        case 0x0A: // Message-Class: a token octet or a text; decided by the first octet
            return MmsHeaderField::OCTET;
        default:
            return MmsHeaderField::RAW;
    }
}

/// Encode a field's value (no code octet) in its canonical form.
void
EncodeValue(MmsWspWriter& w, const MmsHeaderField& f)
{
    switch (f.kind)
    {
        case MmsHeaderField::OCTET:
            w.WriteOctet(f.octet);
            break;
        case MmsHeaderField::TEXT:
            w.WriteTextString(f.text);
            break;
        case MmsHeaderField::ENCODED_STRING:
            w.WriteEncodedString(f.str);
            break;
        case MmsHeaderField::LONG_INTEGER:
            w.WriteLongInteger(f.number);
            break;
        case MmsHeaderField::FROM:
            if (f.flag)
            {
                w.WriteValueLength(1);
                w.WriteOctet(0x81);
            }
            else
            {
                w.WriteValueLength(
                    static_cast<uint32_t>(1 + MmsWspWriter::EncodedStringSize(f.str)));
                w.WriteOctet(0x80);
                w.WriteEncodedString(f.str);
            }
            break;
        case MmsHeaderField::TIME:
            w.WriteValueLength(static_cast<uint32_t>(1 + MmsWspWriter::LongIntegerSize(f.number)));
            w.WriteOctet(f.flag ? 0x80 : 0x81);
            w.WriteLongInteger(f.number);
            break;
        case MmsHeaderField::CONTENT_TYPE:
            f.contentType.Encode(w);
            break;
        case MmsHeaderField::SENT_BY:
        {
            std::size_t len =
                MmsWspWriter::IntegerValueSize(f.number) + MmsWspWriter::EncodedStringSize(f.str);
            w.WriteValueLength(static_cast<uint32_t>(len));
            w.WriteIntegerValue(f.number);
            w.WriteEncodedString(f.str);
            break;
        }
        case MmsHeaderField::SENT_DATE:
        {
            std::size_t len =
                MmsWspWriter::IntegerValueSize(f.number) + MmsWspWriter::LongIntegerSize(f.date);
            w.WriteValueLength(static_cast<uint32_t>(len));
            w.WriteIntegerValue(f.number);
            w.WriteLongInteger(f.date);
            break;
        }
        case MmsHeaderField::RAW:
            w.WriteBytes(f.raw);
            break;
        case MmsHeaderField::APPLICATION:
            w.WriteTextString(f.text);
            break;
    }
}

/// Decode a field value of the given kind; false if the octets do not have that shape (the
/// caller then keeps the value raw). Hard errors go to the reader.
bool
DecodeValue(MmsWspReader& r, MmsHeaderField& f, const char* name)
{
    uint8_t o = r.PeekOctet();
    switch (f.kind)
    {
        case MmsHeaderField::OCTET:
            if (f.code == MmsField::MESSAGE_CLASS && r.PeekIsText())
            {
                f.kind = MmsHeaderField::TEXT; // Token-text class
                f.text = r.ReadTextString(name);
                return true;
            }
            if (o < 0x80)
            {
                return false;
            }
            f.octet = r.ReadOctet(name);
            return true;
        case MmsHeaderField::TEXT:
            if (!r.PeekIsText())
            {
                return false;
            }
            f.text = r.ReadTextString(name);
            return true;
        case MmsHeaderField::ENCODED_STRING:
            if (o >= 0x80)
            {
                return false;
            }
            f.str = r.ReadEncodedString(name);
            return true;
        case MmsHeaderField::LONG_INTEGER:
            if (o >= 0x80 || (o >= 1 && o <= 30))
            {
                f.number = r.ReadIntegerValue(name); // Short-integer tolerated
                return true;
            }
            return false;
        case MmsHeaderField::FROM:
        {
            if (!r.PeekIsValueLength() && o != 31)
            {
                return false;
            }
            uint32_t len = r.ReadValueLength(name);
            MmsWspReader sub = r.ReadSub(len, name);
            uint8_t token = sub.ReadOctet(name);
            if (token == 0x80)
            {
                f.str = sub.IsAtEnd() ? MmsWspEncodedString() : sub.ReadEncodedString(name);
            }
            else if (token == 0x81)
            {
                f.flag = true;
            }
            else if (sub.Ok())
            {
                std::ostringstream os;
                os << "expected Address-present (0x80) or Insert-address (0x81), found 0x"
                   << std::hex << unsigned(token);
                sub.FailAt(sub.GetOffset() - 1, name, os.str());
            }
            if (sub.Ok() && !sub.IsAtEnd())
            {
                sub.Warn(std::string(name) + ": octets left inside the value length");
            }
            r.Absorb(sub);
            return true;
        }
        case MmsHeaderField::TIME:
        case MmsHeaderField::SENT_BY:
        case MmsHeaderField::SENT_DATE:
        {
            if (!(o >= 1 && o <= 31))
            {
                return false;
            }
            uint32_t len = r.ReadValueLength(name);
            MmsWspReader sub = r.ReadSub(len, name);
            if (f.kind == MmsHeaderField::TIME)
            {
                uint8_t token = sub.ReadOctet(name);
                if (sub.Ok() && token != 0x80 && token != 0x81)
                {
                    std::ostringstream os;
                    os << "expected Absolute (0x80) or Relative (0x81) token, found 0x" << std::hex
                       << unsigned(token);
                    sub.FailAt(sub.GetOffset() - 1, name, os.str());
                }
                f.flag = token == 0x80;
                f.number = sub.ReadIntegerValue(name); // Long-integer; Short-integer tolerated
            }
            else
            {
                f.number = sub.ReadIntegerValue(name);
                if (f.kind == MmsHeaderField::SENT_BY)
                {
                    f.str = sub.ReadEncodedString(name);
                }
                else
                {
                    f.date = sub.ReadLongInteger(name);
                }
            }
            if (sub.Ok() && !sub.IsAtEnd())
            {
                sub.Warn(std::string(name) + ": octets left inside the value length");
            }
            r.Absorb(sub);
            return true;
        }
        case MmsHeaderField::CONTENT_TYPE:
            f.contentType = MmsWspContentType::Decode(r, name);
            return true;
        default:
            return false;
    }
}

std::string
Hex2(uint8_t v)
{
    static const char* d = "0123456789abcdef";
    return std::string("0x") + d[v >> 4] + d[v & 0xF];
}

const char*
TokenName(uint8_t code, uint8_t v)
{
    switch (code)
    {
        case MmsField::DELIVERY_REPORT:
        case MmsField::READ_REPORT:
        case MmsField::REPORT_ALLOWED:
        case 0x22: // Store
        case 0x27: // Stored
        case 0x31: // Distribution-Indicator
        case 0x3B: // DRM-Content
        case 0x3C: // Adaptation-Allowed
            return v == 0x80 ? "Yes" : v == 0x81 ? "No" : nullptr;
        case MmsField::MESSAGE_CLASS:
        {
            static const char* n[] = {"Personal", "Advertisement", "Informational", "Auto"};
            return v >= 0x80 && v <= 0x83 ? n[v - 0x80] : nullptr;
        }
        case MmsField::PRIORITY:
        {
            static const char* n[] = {"Low", "Normal", "High"};
            return v >= 0x80 && v <= 0x82 ? n[v - 0x80] : nullptr;
        }
        case MmsField::SENDER_VISIBILITY:
            return v == 0x80 ? "Hide" : v == 0x81 ? "Show" : nullptr;
        case MmsField::STATUS:
        {
            static const char* n[] = {"Expired",
                                      "Retrieved",
                                      "Rejected",
                                      "Deferred",
                                      "Unrecognised",
                                      "Indeterminate",
                                      "Forwarded",
                                      "Unreachable"};
            return v >= 0x80 && v <= 0x87 ? n[v - 0x80] : nullptr;
        }
        case MmsField::RESPONSE_STATUS:
        {
            static const char* ok[] = {"Ok",
                                       "Error-unspecified",
                                       "Error-service-denied",
                                       "Error-message-format-corrupt",
                                       "Error-sending-address-unresolved",
                                       "Error-message-not-found",
                                       "Error-network-problem",
                                       "Error-content-not-accepted",
                                       "Error-unsupported-message"};
            static const char* tr[] = {"Error-transient-failure",
                                       "Error-transient-sending-address-unresolved",
                                       "Error-transient-message-not-found",
                                       "Error-transient-network-problem",
                                       "Error-transient-partial-success"};
            static const char* pe[] = {"Error-permanent-failure",
                                       "Error-permanent-service-denied",
                                       "Error-permanent-message-format-corrupt",
                                       "Error-permanent-sending-address-unresolved",
                                       "Error-permanent-message-not-found",
                                       "Error-permanent-content-not-accepted",
                                       "Error-permanent-reply-charging-limitations-not-met",
                                       "Error-permanent-reply-charging-request-not-accepted",
                                       "Error-permanent-reply-charging-forwarding-denied",
                                       "Error-permanent-reply-charging-not-supported",
                                       "Error-permanent-address-hiding-not-supported",
                                       "Error-permanent-lack-of-prepaid"};
            if (v >= 0x80 && v <= 0x88)
            {
                return ok[v - 0x80];
            }
            if (v >= 0xC0 && v <= 0xC4)
            {
                return tr[v - 0xC0];
            }
            if (v >= 0xE0 && v <= 0xEB)
            {
                return pe[v - 0xE0];
            }
            return nullptr;
        }
        case MmsField::RETRIEVE_STATUS:
        {
            static const char* tr[] = {"Error-transient-failure",
                                       "Error-transient-message-not-found",
                                       "Error-transient-network-problem"};
            static const char* pe[] = {"Error-permanent-failure",
                                       "Error-permanent-service-denied",
                                       "Error-permanent-message-not-found",
                                       "Error-permanent-content-unsupported"};
            if (v == 0x80)
            {
                return "Ok";
            }
            if (v >= 0xC0 && v <= 0xC2)
            {
                return tr[v - 0xC0];
            }
            if (v >= 0xE0 && v <= 0xE3)
            {
                return pe[v - 0xE0];
            }
            return nullptr;
        }
        case MmsField::READ_STATUS:
            return v == 0x80 ? "Read" : v == 0x81 ? "Deleted-without-being-read" : nullptr;
        case MmsField::REPLY_CHARGING:
        {
            static const char* n[] = {
                "Requested", "Requested-text-only", "Accepted", "Accepted-text-only"};
            return v >= 0x80 && v <= 0x83 ? n[v - 0x80] : nullptr;
        }
        case 0x23:
        { // MM-State
            static const char* n[] = {"Draft", "Sent", "New", "Retrieved", "Forwarded"};
            return v >= 0x80 && v <= 0x84 ? n[v - 0x80] : nullptr;
        }
        case 0x34: // Recommended-Retrieval-Mode
            return v == 0x80 ? "Manual" : nullptr;
        case MmsField::CONTENT_CLASS:
        {
            static const char* n[] = {"text",
                                      "image-basic",
                                      "image-rich",
                                      "video-basic",
                                      "video-rich",
                                      "megapixel",
                                      "content-basic",
                                      "content-rich"};
            return v >= 0x80 && v <= 0x87 ? n[v - 0x80] : nullptr;
        }
        case MmsField::CANCEL_STATUS:
            return v == 0x80   ? "Cancel-request-successfully-received"
                   : v == 0x81 ? "Cancel-request-corrupted"
                               : nullptr;
        default:
            return nullptr;
    }
}

} // namespace

// ---------------------------------------------------------------------------- MmsHeaderField

bool
MmsHeaderField::operator==(const MmsHeaderField& o) const
{
    if (code != o.code || kind != o.kind)
    {
        return false;
    }
    switch (kind)
    {
        case OCTET:
            return octet == o.octet;
        case TEXT:
            return text == o.text;
        case ENCODED_STRING:
            return str == o.str;
        case LONG_INTEGER:
            return number == o.number;
        case FROM:
            return flag == o.flag && (flag || str == o.str);
        case TIME:
            return flag == o.flag && number == o.number;
        case CONTENT_TYPE:
            return contentType == o.contentType;
        case SENT_BY:
            return number == o.number && str == o.str;
        case SENT_DATE:
            return number == o.number && date == o.date;
        case RAW:
            return raw == o.raw;
        case APPLICATION:
            return name == o.name && text == o.text;
    }
    return false;
}

MmsHeaderField
MmsHeaderField::Octet(uint8_t code, uint8_t value)
{
    MmsHeaderField f;
    f.code = code;
    f.kind = OCTET;
    f.octet = value;
    return f;
}

MmsHeaderField
MmsHeaderField::Text(uint8_t code, const std::string& value)
{
    MmsHeaderField f;
    f.code = code;
    f.kind = TEXT;
    f.text = value;
    return f;
}

MmsHeaderField
MmsHeaderField::String(uint8_t code, const MmsWspEncodedString& value)
{
    MmsHeaderField f;
    f.code = code;
    f.kind = ENCODED_STRING;
    f.str = value;
    return f;
}

MmsHeaderField
MmsHeaderField::LongInteger(uint8_t code, uint64_t value)
{
    MmsHeaderField f;
    f.code = code;
    f.kind = LONG_INTEGER;
    f.number = value;
    return f;
}

MmsHeaderField
MmsHeaderField::From(const std::string& address, uint32_t charset)
{
    MmsHeaderField f;
    f.code = MmsField::FROM;
    f.kind = FROM;
    f.str.text = address;
    f.str.charset = charset;
    return f;
}

MmsHeaderField
MmsHeaderField::FromInsertAddress()
{
    MmsHeaderField f;
    f.code = MmsField::FROM;
    f.kind = FROM;
    f.flag = true;
    return f;
}

MmsHeaderField
MmsHeaderField::Time(uint8_t code, bool absolute, uint64_t value)
{
    MmsHeaderField f;
    f.code = code;
    f.kind = TIME;
    f.flag = absolute;
    f.number = value;
    return f;
}

MmsHeaderField
MmsHeaderField::ContentType(const MmsWspContentType& value)
{
    MmsHeaderField f;
    f.code = MmsField::CONTENT_TYPE;
    f.kind = CONTENT_TYPE;
    f.contentType = value;
    return f;
}

MmsHeaderField
MmsHeaderField::Raw(uint8_t code, const std::vector<uint8_t>& value)
{
    MmsHeaderField f;
    f.code = code;
    f.kind = RAW;
    f.raw = value;
    return f;
}

MmsHeaderField
MmsHeaderField::Application(const std::string& name, const std::string& value)
{
    MmsHeaderField f;
    f.code = 0;
    f.kind = APPLICATION;
    f.name = name;
    f.text = value;
    return f;
}

void
MmsHeaderField::Encode(MmsWspWriter& w) const
{
    if (kind == APPLICATION)
    {
        w.WriteTextString(name);
    }
    else
    {
        w.WriteOctet(static_cast<uint8_t>(0x80 | code));
    }
    if (!raw.empty())
    {
        w.WriteBytes(raw);
    }
    else
    {
        EncodeValue(w, *this);
    }
}

std::size_t
MmsHeaderField::GetEncodedSize() const
{
    // Computed, not encoded: sizes are asked for far more often than octets.
    std::size_t head = kind == APPLICATION ? MmsWspWriter::TextStringSize(name) : 1;
    if (!raw.empty())
    {
        return head + raw.size();
    }
    auto withLength = [](std::size_t len)
    {
        return MmsWspWriter::ValueLengthSize(static_cast<uint32_t>(len)) + len;
    };
    switch (kind)
    {
        case OCTET:
            return head + 1;
        case TEXT:
        case APPLICATION:
            return head + MmsWspWriter::TextStringSize(text);
        case ENCODED_STRING:
            return head + MmsWspWriter::EncodedStringSize(str);
        case LONG_INTEGER:
            return head + MmsWspWriter::LongIntegerSize(number);
        case FROM:
            return head
                   + (flag ? withLength(1) : withLength(1 + MmsWspWriter::EncodedStringSize(str)));
        case TIME:
            return head + withLength(1 + MmsWspWriter::LongIntegerSize(number));
        case CONTENT_TYPE:
            return head + contentType.GetEncodedSize();
        case SENT_BY:
            return head
                   + withLength(MmsWspWriter::IntegerValueSize(number)
                                + MmsWspWriter::EncodedStringSize(str));
        case SENT_DATE:
            return head
                   + withLength(MmsWspWriter::IntegerValueSize(number)
                                + MmsWspWriter::LongIntegerSize(date));
        case RAW:
            return head;
    }
    return head;
}

// ------------------------------------------------------------------------------------ MmsBody

bool
MmsBody::operator==(const MmsBody& o) const
{
    return isMultipart == o.isMultipart
           && (isMultipart ? multipart == o.multipart : single == o.single);
}

std::size_t
MmsBody::GetEncodedSize() const
{
    return isMultipart ? multipart.GetEncodedSize() : single.GetSize();
}

// ------------------------------------------------------------------------------------- MmsPdu

const std::vector<MmsHeaderField>&
MmsPdu::GetFields() const
{
    return m_fields;
}

std::vector<MmsHeaderField>&
MmsPdu::GetFields()
{
    return m_fields;
}

void
MmsPdu::AddField(const MmsHeaderField& f)
{
    m_fields.push_back(f);
}

void
MmsPdu::SetField(const MmsHeaderField& f)
{
    for (auto& g : m_fields)
    {
        if (g.code == f.code && g.kind != MmsHeaderField::APPLICATION)
        {
            g = f;
            return;
        }
    }
    m_fields.push_back(f);
}

void
MmsPdu::RemoveField(uint8_t code)
{
    m_fields.erase(std::remove_if(m_fields.begin(),
                                  m_fields.end(),
                                  [code](const MmsHeaderField& f)
                                  {
                                      return f.code == code
                                             && f.kind != MmsHeaderField::APPLICATION;
                                  }),
                   m_fields.end());
}

const MmsHeaderField*
MmsPdu::FindField(uint8_t code) const
{
    for (const auto& f : m_fields)
    {
        if (f.code == code && f.kind != MmsHeaderField::APPLICATION)
        {
            return &f;
        }
    }
    return nullptr;
}

bool
MmsPdu::HasField(uint8_t code) const
{
    return FindField(code) != nullptr;
}

uint8_t
MmsPdu::GetMessageType() const
{
    return GetOctet(MmsField::MESSAGE_TYPE);
}

std::string
MmsPdu::GetTransactionId() const
{
    return GetText(MmsField::TRANSACTION_ID);
}

void
MmsPdu::SetTransactionId(const std::string& tid)
{
    SetField(MmsHeaderField::Text(MmsField::TRANSACTION_ID, tid));
}

uint8_t
MmsPdu::GetMmsVersion() const
{
    return GetOctet(MmsField::MMS_VERSION);
}

std::string
MmsPdu::GetText(uint8_t code) const
{
    const MmsHeaderField* f = FindField(code);
    if (!f)
    {
        return "";
    }
    if (f->kind == MmsHeaderField::TEXT)
    {
        return f->text;
    }
    if (f->kind == MmsHeaderField::ENCODED_STRING)
    {
        return f->str.ToUtf8();
    }
    return "";
}

uint8_t
MmsPdu::GetOctet(uint8_t code) const
{
    const MmsHeaderField* f = FindField(code);
    return f && f->kind == MmsHeaderField::OCTET ? f->octet : 0;
}

uint64_t
MmsPdu::GetNumber(uint8_t code) const
{
    const MmsHeaderField* f = FindField(code);
    if (f && (f->kind == MmsHeaderField::LONG_INTEGER || f->kind == MmsHeaderField::TIME))
    {
        return f->number;
    }
    return 0;
}

std::vector<std::string>
MmsPdu::GetAddresses(uint8_t code) const
{
    std::vector<std::string> out;
    for (const auto& f : m_fields)
    {
        if (f.code == code && f.kind == MmsHeaderField::ENCODED_STRING)
        {
            out.push_back(f.str.ToUtf8());
        }
    }
    return out;
}

std::string
MmsPdu::GetFrom() const
{
    const MmsHeaderField* f = FindField(MmsField::FROM);
    if (!f || f->kind != MmsHeaderField::FROM)
    {
        return "";
    }
    return f->flag ? "insert-address" : f->str.ToUtf8();
}

bool
MmsPdu::HasBody() const
{
    return HasField(MmsField::CONTENT_TYPE);
}

const MmsBody&
MmsPdu::GetBody() const
{
    return m_body;
}

MmsBody&
MmsPdu::GetBody()
{
    return m_body;
}

void
MmsPdu::SetBody(const MmsWspContentType& type, const MmsMultipartBody& body)
{
    SetField(MmsHeaderField::ContentType(type));
    m_body = MmsBody();
    m_body.isMultipart = true;
    m_body.multipart = body;
}

void
MmsPdu::SetBody(const MmsWspContentType& type, const MmsContent& content)
{
    SetField(MmsHeaderField::ContentType(type));
    m_body = MmsBody();
    m_body.single = content;
}

uint64_t
MmsPdu::GetContentSize() const
{
    if (!HasBody())
    {
        return 0;
    }
    if (!m_body.isMultipart)
    {
        return m_body.single.GetSize();
    }
    uint64_t n = 0;
    for (const auto& p : m_body.multipart.parts)
    {
        n += p.data.GetSize();
    }
    return n;
}

std::vector<const MmsHeaderField*>
MmsPdu::GetFieldsInWireOrder() const
{
    // X-Mms-Message-Type, X-Mms-Transaction-Id and X-Mms-MMS-Version first (their first
    // occurrences), the other fields in list order, the first Content-Type last.
    std::vector<const MmsHeaderField*> out;
    out.reserve(m_fields.size());
    static const uint8_t first[] = {
        MmsField::MESSAGE_TYPE, MmsField::TRANSACTION_ID, MmsField::MMS_VERSION};
    for (uint8_t code : first)
    {
        if (const MmsHeaderField* f = FindField(code))
        {
            out.push_back(f);
        }
    }
    const MmsHeaderField* contentType = FindField(MmsField::CONTENT_TYPE);
    for (const auto& f : m_fields)
    {
        if (std::find(out.begin(), out.end(), &f) == out.end() && &f != contentType)
        {
            out.push_back(&f);
        }
    }
    if (contentType)
    {
        out.push_back(contentType);
    }
    return out;
}

void
MmsPdu::EncodeTo(MmsSegmentWriter& sw) const
{
    for (const MmsHeaderField* f : GetFieldsInWireOrder())
    {
        f->Encode(sw.Head());
    }
    if (HasBody())
    {
        if (m_body.isMultipart)
        {
            m_body.multipart.Encode(sw);
        }
        else
        {
            sw.AddContent(m_body.single);
        }
    }
}

std::size_t
MmsPdu::GetEncodedSize() const
{
    std::size_t n = 0;
    for (const auto& f : m_fields)
    {
        n += f.GetEncodedSize();
    }
    if (HasBody())
    {
        n += m_body.GetEncodedSize();
    }
    return n;
}

std::vector<uint8_t>
MmsPdu::Encode() const
{
    MmsSegmentWriter sw;
    EncodeTo(sw);
    std::vector<uint8_t> out;
    out.reserve(GetEncodedSize());
    for (const auto& s : sw.Finish())
    {
        out.insert(out.end(), s.bytes.begin(), s.bytes.end());
        out.insert(out.end(), s.virtualZeros, uint8_t{0});
    }
    return out;
}

void
MmsPdu::EncodeSegments(std::vector<MmsWireSegment>& segments) const
{
    MmsSegmentWriter sw;
    EncodeTo(sw);
    segments = sw.Finish();
}

bool
MmsPdu::Decode(const uint8_t* data,
               std::size_t size,
               MmsPdu& out,
               MmsDecodeError& error,
               const MmsDecodeOptions& options)
{
    out = MmsPdu();
    MmsWspReader r(data, size);
    if (size == 0)
    {
        r.Fail("X-Mms-Message-Type", "empty input");
    }
    else if (data[0] != (0x80 | MmsField::MESSAGE_TYPE))
    {
        std::ostringstream os;
        os << "the first header must be X-Mms-Message-Type (0x8c), found " << Hex2(data[0]);
        r.Fail("X-Mms-Message-Type", os.str());
    }
    bool sawContentType = false;
    while (r.Ok() && !r.IsAtEnd() && !sawContentType)
    {
        std::size_t fieldStart = r.GetOffset();
        const uint8_t* valueStart = nullptr;
        MmsHeaderField f;
        uint8_t o = r.PeekOctet();
        if (o >= 0x80)
        {
            r.ReadOctet("header");
            f.code = o & 0x7F;
            f.kind = KindOf(f.code);
            std::string name = FieldName(f.code);
            valueStart = r.Current();
            std::size_t valueOffset = r.GetOffset();
            if (r.IsAtEnd())
            {
                r.Fail(name, "header has no value");
                break;
            }
            bool typed = f.kind != MmsHeaderField::RAW && DecodeValue(r, f, name.c_str());
            if (!typed && r.Ok())
            {
                if (f.kind != MmsHeaderField::RAW)
                {
                    r.Warn(name + ": value not in the expected form; kept as raw octets");
                }
                f.kind = MmsHeaderField::RAW;
                f.raw = MmsWspReadRawValue(r, name.c_str());
            }
            else if (r.Ok())
            {
                // Keep the original octets when they differ from the canonical encoding.
                // A text that ran to the end of the input without its NUL is not kept raw:
                // re-encoded elsewhere it would swallow what follows; it gets its NUL back.
                std::size_t used = r.GetOffset() - valueOffset;
                bool unterminated = used > 0 && valueStart[used - 1] != 0 && valueStart[0] >= 0x20
                                    && valueStart[0] < 0x80;
                MmsWspWriter canonical;
                EncodeValue(canonical, f);
                if (!unterminated
                    && (canonical.GetSize() != used
                        || !std::equal(canonical.GetBuffer().begin(),
                                       canonical.GetBuffer().end(),
                                       valueStart)))
                {
                    f.raw.assign(valueStart, valueStart + used);
                }
            }
            if (f.code == MmsField::CONTENT_TYPE)
            {
                sawContentType = true;
            }
        }
        else if (o >= 0x20 && o != 0x7F)
        {
            f.kind = MmsHeaderField::APPLICATION;
            f.name = r.ReadTextString("application header name");
            valueStart = r.Current();
            std::size_t valueOffset = r.GetOffset();
            f.text = r.ReadTextString(f.name.c_str());
            std::size_t used = r.GetOffset() - valueOffset;
            if (r.Ok() && used != MmsWspWriter::TextStringSize(f.text) && valueStart[used - 1] == 0)
            {
                f.raw.assign(valueStart, valueStart + used);
            }
            if (r.Ok() && MmsWspWriter::TextStringSize(f.name) != valueOffset - fieldStart)
            {
                r.Warn("application header name is not a plain Text-string");
            }
        }
        else
        {
            std::ostringstream os;
            os << "octet " << Hex2(o) << " does not start a header field";
            r.Fail("header", os.str());
            break;
        }
        if (r.Ok())
        {
            out.m_fields.push_back(std::move(f));
        }
    }
    if (r.Ok() && sawContentType)
    {
        const MmsHeaderField* ct = out.FindField(MmsField::CONTENT_TYPE);
        bool multipart = ct->kind == MmsHeaderField::CONTENT_TYPE && ct->contentType.IsMultipart();
        if (multipart && !r.IsAtEnd())
        {
            MmsWspReader br = r.ReadSub(r.GetRemaining(), "body");
            out.m_body.isMultipart = true;
            out.m_body.multipart = MmsMultipartBody::Decode(br, options);
            r.Absorb(br);
        }
        else
        {
            std::size_t n = r.GetRemaining();
            if (options.keepContent)
            {
                out.m_body.single = MmsContent(r.ReadBytes(n, "body"));
            }
            else
            {
                r.Skip(n, "body");
                out.m_body.single = MmsContent::Virtual(static_cast<uint32_t>(n));
            }
        }
    }
    out.m_warnings = r.GetWarnings();
    if (!r.Ok())
    {
        error = r.GetError();
        return false;
    }
    return true;
}

const std::vector<MmsDecodeWarning>&
MmsPdu::GetWarnings() const
{
    return m_warnings;
}

std::vector<std::string>
MmsPdu::Validate() const
{
    using namespace MmsField;
    std::vector<uint8_t> need;
    bool needRecipient = false;
    switch (static_cast<MmsMessageType>(GetMessageType()))
    {
        case MmsMessageType::SEND_REQ:
            need = {TRANSACTION_ID, MMS_VERSION, FROM, CONTENT_TYPE};
            needRecipient = true;
            break;
        case MmsMessageType::SEND_CONF:
        case MmsMessageType::FORWARD_CONF:
            need = {TRANSACTION_ID, MMS_VERSION, RESPONSE_STATUS};
            break;
        case MmsMessageType::NOTIFICATION_IND:
            need = {
                TRANSACTION_ID, MMS_VERSION, MESSAGE_CLASS, MESSAGE_SIZE, EXPIRY, CONTENT_LOCATION};
            break;
        case MmsMessageType::NOTIFYRESP_IND:
            need = {TRANSACTION_ID, MMS_VERSION, STATUS};
            break;
        case MmsMessageType::RETRIEVE_CONF:
            need = {MMS_VERSION, DATE, CONTENT_TYPE};
            break;
        case MmsMessageType::ACKNOWLEDGE_IND:
            need = {TRANSACTION_ID, MMS_VERSION};
            break;
        case MmsMessageType::DELIVERY_IND:
            need = {MMS_VERSION, MESSAGE_ID, TO, DATE, STATUS};
            break;
        case MmsMessageType::READ_REC_IND:
            need = {MMS_VERSION, MESSAGE_ID, TO, FROM, READ_STATUS};
            break;
        case MmsMessageType::READ_ORIG_IND:
            need = {MMS_VERSION, MESSAGE_ID, TO, FROM, DATE, READ_STATUS};
            break;
        case MmsMessageType::FORWARD_REQ:
            need = {TRANSACTION_ID, MMS_VERSION, FROM, CONTENT_LOCATION};
            needRecipient = true;
            break;
        case MmsMessageType::CANCEL_REQ:
            need = {TRANSACTION_ID, MMS_VERSION, CANCEL_ID};
            break;
        case MmsMessageType::CANCEL_CONF:
            need = {TRANSACTION_ID, MMS_VERSION};
            break;
        default:
            return {};
    }
    std::vector<std::string> missing;
    for (uint8_t code : need)
    {
        if (!HasField(code))
        {
            missing.push_back(FieldName(code));
        }
    }
    if (needRecipient && !HasField(TO) && !HasField(CC) && !HasField(BCC))
    {
        missing.push_back("To, Cc or Bcc");
    }
    return missing;
}

bool
MmsPdu::operator==(const MmsPdu& o) const
{
    std::vector<const MmsHeaderField*> a = GetFieldsInWireOrder();
    std::vector<const MmsHeaderField*> b = o.GetFieldsInWireOrder();
    if (a.size() != b.size())
    {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        if (*a[i] != *b[i])
        {
            return false;
        }
    }
    return !HasBody() || m_body == o.m_body;
}

std::string
MmsPdu::FieldName(uint8_t code)
{
    if (code >= 1 && code < sizeof(g_fieldNames) / sizeof(g_fieldNames[0]))
    {
        return g_fieldNames[code];
    }
    return "X-Mms-Field-" + Hex2(static_cast<uint8_t>(code | 0x80));
}

std::string
MmsPdu::MessageTypeName(uint8_t type)
{
    if (type >= 0x80 && type <= 0x97)
    {
        return g_typeNames[type - 0x80];
    }
    return "unknown-" + Hex2(type);
}

std::string
MmsPdu::FormatValue(const MmsHeaderField& f)
{
    switch (f.kind)
    {
        case MmsHeaderField::OCTET:
        {
            if (f.code == MmsField::MESSAGE_TYPE)
            {
                return MessageTypeName(f.octet);
            }
            if (f.code == MmsField::MMS_VERSION)
            {
                uint8_t v = f.octet & 0x7F;
                std::string s = std::to_string((v >> 4) & 0x7);
                if ((v & 0x0F) != 0x0F)
                {
                    s += "." + std::to_string(v & 0x0F);
                }
                return s;
            }
            const char* name = TokenName(f.code, f.octet);
            return name ? name : std::to_string(f.octet);
        }
        case MmsHeaderField::TEXT:
        case MmsHeaderField::APPLICATION:
            return f.text;
        case MmsHeaderField::ENCODED_STRING:
            return f.str.ToUtf8();
        case MmsHeaderField::LONG_INTEGER:
            return std::to_string(f.number);
        case MmsHeaderField::FROM:
            return f.flag ? "insert-address" : f.str.ToUtf8();
        case MmsHeaderField::TIME:
            return std::string(f.flag ? "absolute " : "relative ") + std::to_string(f.number);
        case MmsHeaderField::CONTENT_TYPE:
            return f.contentType.ToString();
        case MmsHeaderField::SENT_BY:
            return std::to_string(f.number) + " " + f.str.ToUtf8();
        case MmsHeaderField::SENT_DATE:
            return std::to_string(f.number) + " " + std::to_string(f.date);
        case MmsHeaderField::RAW:
            return "hex:" + MmsWspToHex(f.raw);
    }
    return "";
}

// ---------------------------------------------------------------------------------- factories

MmsPdu
MmsPdu::Begin(MmsMessageType type, const std::string& tid, uint8_t version)
{
    MmsPdu p;
    p.AddField(MmsHeaderField::Octet(MmsField::MESSAGE_TYPE, static_cast<uint8_t>(type)));
    if (!tid.empty())
    {
        p.AddField(MmsHeaderField::Text(MmsField::TRANSACTION_ID, tid));
    }
    p.AddField(MmsHeaderField::Octet(MmsField::MMS_VERSION, version));
    return p;
}

MmsPdu
MmsPdu::MakeSendReq(const std::string& tid,
                    const std::string& from,
                    const std::vector<std::string>& to,
                    const MmsWspContentType& type,
                    const MmsMultipartBody& body,
                    uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::SEND_REQ, tid, version);
    p.AddField(from.empty() ? MmsHeaderField::FromInsertAddress() : MmsHeaderField::From(from));
    for (const auto& a : to)
    {
        p.AddField(MmsHeaderField::String(MmsField::TO, MmsWspEncodedString{0, a}));
    }
    p.SetBody(type, body);
    return p;
}

MmsPdu
MmsPdu::MakeSendConf(const std::string& tid,
                     uint8_t responseStatus,
                     const std::string& messageId,
                     uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::SEND_CONF, tid, version);
    p.AddField(MmsHeaderField::Octet(MmsField::RESPONSE_STATUS, responseStatus));
    if (!messageId.empty())
    {
        p.AddField(MmsHeaderField::Text(MmsField::MESSAGE_ID, messageId));
    }
    return p;
}

MmsPdu
MmsPdu::MakeNotificationInd(const std::string& tid,
                            const std::string& from,
                            uint64_t messageSize,
                            uint64_t expirySeconds,
                            const std::string& contentLocation,
                            uint8_t messageClass,
                            uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::NOTIFICATION_IND, tid, version);
    if (!from.empty())
    {
        p.AddField(MmsHeaderField::From(from));
    }
    p.AddField(MmsHeaderField::Octet(MmsField::MESSAGE_CLASS, messageClass));
    p.AddField(MmsHeaderField::LongInteger(MmsField::MESSAGE_SIZE, messageSize));
    p.AddField(MmsHeaderField::Time(MmsField::EXPIRY, false, expirySeconds));
    p.AddField(MmsHeaderField::Text(MmsField::CONTENT_LOCATION, contentLocation));
    return p;
}

MmsPdu
MmsPdu::MakeNotifyRespInd(const std::string& tid,
                          uint8_t status,
                          bool reportAllowed,
                          uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::NOTIFYRESP_IND, tid, version);
    p.AddField(MmsHeaderField::Octet(MmsField::STATUS, status));
    p.AddField(MmsHeaderField::Octet(MmsField::REPORT_ALLOWED,
                                     reportAllowed ? MmsValue::YES : MmsValue::NO));
    return p;
}

MmsPdu
MmsPdu::MakeRetrieveConf(const std::string& tid,
                         const std::string& messageId,
                         const std::string& from,
                         const std::vector<std::string>& to,
                         uint64_t date,
                         const MmsWspContentType& type,
                         const MmsMultipartBody& body,
                         uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::RETRIEVE_CONF, tid, version);
    if (!messageId.empty())
    {
        p.AddField(MmsHeaderField::Text(MmsField::MESSAGE_ID, messageId));
    }
    p.AddField(MmsHeaderField::LongInteger(MmsField::DATE, date));
    if (!from.empty())
    {
        p.AddField(MmsHeaderField::From(from));
    }
    for (const auto& a : to)
    {
        p.AddField(MmsHeaderField::String(MmsField::TO, MmsWspEncodedString{0, a}));
    }
    p.SetBody(type, body);
    return p;
}

MmsPdu
MmsPdu::MakeAcknowledgeInd(const std::string& tid, bool reportAllowed, uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::ACKNOWLEDGE_IND, tid, version);
    p.AddField(MmsHeaderField::Octet(MmsField::REPORT_ALLOWED,
                                     reportAllowed ? MmsValue::YES : MmsValue::NO));
    return p;
}

MmsPdu
MmsPdu::MakeDeliveryInd(const std::string& messageId,
                        const std::string& to,
                        uint64_t date,
                        uint8_t status,
                        uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::DELIVERY_IND, "", version);
    p.AddField(MmsHeaderField::Text(MmsField::MESSAGE_ID, messageId));
    p.AddField(MmsHeaderField::String(MmsField::TO, MmsWspEncodedString{0, to}));
    p.AddField(MmsHeaderField::LongInteger(MmsField::DATE, date));
    p.AddField(MmsHeaderField::Octet(MmsField::STATUS, status));
    return p;
}

MmsPdu
MmsPdu::MakeReadRecInd(const std::string& messageId,
                       const std::string& to,
                       const std::string& from,
                       uint64_t date,
                       uint8_t readStatus,
                       uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::READ_REC_IND, "", version);
    p.AddField(MmsHeaderField::Text(MmsField::MESSAGE_ID, messageId));
    p.AddField(MmsHeaderField::String(MmsField::TO, MmsWspEncodedString{0, to}));
    p.AddField(from.empty() ? MmsHeaderField::FromInsertAddress() : MmsHeaderField::From(from));
    if (date != 0)
    {
        p.AddField(MmsHeaderField::LongInteger(MmsField::DATE, date));
    }
    p.AddField(MmsHeaderField::Octet(MmsField::READ_STATUS, readStatus));
    return p;
}

MmsPdu
MmsPdu::MakeReadOrigInd(const std::string& messageId,
                        const std::string& to,
                        const std::string& from,
                        uint64_t date,
                        uint8_t readStatus,
                        uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::READ_ORIG_IND, "", version);
    p.AddField(MmsHeaderField::Text(MmsField::MESSAGE_ID, messageId));
    p.AddField(MmsHeaderField::String(MmsField::TO, MmsWspEncodedString{0, to}));
    p.AddField(MmsHeaderField::From(from));
    p.AddField(MmsHeaderField::LongInteger(MmsField::DATE, date));
    p.AddField(MmsHeaderField::Octet(MmsField::READ_STATUS, readStatus));
    return p;
}

MmsPdu
MmsPdu::MakeForwardReq(const std::string& tid,
                       const std::string& from,
                       const std::vector<std::string>& to,
                       const std::string& contentLocation,
                       uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::FORWARD_REQ, tid, version);
    p.AddField(from.empty() ? MmsHeaderField::FromInsertAddress() : MmsHeaderField::From(from));
    for (const auto& a : to)
    {
        p.AddField(MmsHeaderField::String(MmsField::TO, MmsWspEncodedString{0, a}));
    }
    p.AddField(MmsHeaderField::Text(MmsField::CONTENT_LOCATION, contentLocation));
    return p;
}

MmsPdu
MmsPdu::MakeForwardConf(const std::string& tid,
                        uint8_t responseStatus,
                        const std::string& messageId,
                        uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::FORWARD_CONF, tid, version);
    p.AddField(MmsHeaderField::Octet(MmsField::RESPONSE_STATUS, responseStatus));
    if (!messageId.empty())
    {
        p.AddField(MmsHeaderField::Text(MmsField::MESSAGE_ID, messageId));
    }
    return p;
}

MmsPdu
MmsPdu::MakeCancelReq(const std::string& tid, const std::string& cancelId, uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::CANCEL_REQ, tid, version);
    p.AddField(MmsHeaderField::Text(MmsField::CANCEL_ID, cancelId));
    return p;
}

MmsPdu
MmsPdu::MakeCancelConf(const std::string& tid, uint8_t cancelStatus, uint8_t version)
{
    MmsPdu p = Begin(MmsMessageType::CANCEL_CONF, tid, version);
    p.AddField(MmsHeaderField::Octet(MmsField::CANCEL_STATUS, cancelStatus));
    return p;
}

} // namespace ns3
