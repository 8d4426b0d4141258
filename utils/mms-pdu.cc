/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// mms-pdu: decode an MMS PDU, a WSP Push PDU (--push), SMS TP-User-Data segments (--sms), a
// WTP datagram with the WSP PDU it carries (--wtp), a WSP PDU (--wsp, --wsp-connectionless) or
// an MM7 message (--mm7: an HTTP request or response carrying it, or the bare SOAP envelope),
// and print every field by its name, one per line, or as one JSON object (--json). An MMS PDU
// carried by a WSP Post, Reply or Push is decoded too.
//
//   mms-pdu [--hex] [--push | --sms | --wtp | --wsp | --wsp-connectionless | --mm7] [--json]
//           [FILE]
//
// Exit status: 0 decoded; 1 malformed input (the message names the offset and field; with
// --json the fields decoded before the error are printed with the error); 2 usage or I/O
// error.

#include "mms-pdu.h"

#include "mms-mm7-message.h"
#include "mms-wdp-sms.h"
#include "mms-wsp-push.h"
#include "mms-wsp-session-pdu.h"
#include "mms-wtp-pdu.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

std::string
JsonString(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s)
    {
        switch (c)
        {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20)
                {
                    char buf[8];
                    std::snprintf(buf, sizeof(buf), "\\u%04x", c);
                    out += buf;
                }
                else
                {
                    out += static_cast<char>(c); // UTF-8 passes through
                }
        }
    }
    return out + "\"";
}

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string
JsonFields(const Fields& fields)
{
    std::string out = "[";
    for (std::size_t i = 0; i < fields.size(); ++i)
    {
        out += (i ? ", " : "") + std::string("{\"name\": ") + JsonString(fields[i].first)
               + ", \"value\": " + JsonString(fields[i].second) + "}";
    }
    return out + "]";
}

Fields
PartHeaders(const MmsPart& part)
{
    Fields f;
    for (const auto& h : part.headers)
    {
        f.emplace_back(h.GetName(), h.FormatValue());
    }
    return f;
}

void
PrintPduText(const MmsPdu& pdu, std::ostream& os)
{
    for (const auto& f : pdu.GetFields())
    {
        std::string name =
            f.kind == MmsHeaderField::APPLICATION ? f.name : MmsPdu::FieldName(f.code);
        os << name << ": " << MmsPdu::FormatValue(f) << "\n";
    }
    if (!pdu.HasBody())
    {
        return;
    }
    const MmsBody& body = pdu.GetBody();
    if (!body.isMultipart)
    {
        os << "Body: " << body.single.GetSize() << " octets\n";
        return;
    }
    os << "Body: " << body.multipart.parts.size() << " parts\n";
    std::size_t i = 1;
    for (const auto& p : body.multipart.parts)
    {
        os << "Part " << i++ << ": " << p.contentType.ToString() << ", " << p.data.GetSize()
           << " octets\n";
        for (const auto& h : PartHeaders(p))
        {
            os << "  " << h.first << ": " << h.second << "\n";
        }
    }
}

std::string
PduJson(const MmsPdu& pdu)
{
    Fields fields;
    for (const auto& f : pdu.GetFields())
    {
        std::string name =
            f.kind == MmsHeaderField::APPLICATION ? f.name : MmsPdu::FieldName(f.code);
        fields.emplace_back(name, MmsPdu::FormatValue(f));
    }
    std::string out =
        "{\"message_type\": " + JsonString(MmsPdu::MessageTypeName(pdu.GetMessageType()))
        + ", \"headers\": " + JsonFields(fields);
    if (pdu.HasBody())
    {
        const MmsHeaderField* ct = pdu.FindField(MmsField::CONTENT_TYPE);
        std::string type =
            ct && ct->kind == MmsHeaderField::CONTENT_TYPE ? ct->contentType.GetMediaType() : "";
        const MmsBody& body = pdu.GetBody();
        out += ", \"body\": {\"content_type\": " + JsonString(type);
        if (body.isMultipart)
        {
            out += ", \"parts\": [";
            for (std::size_t i = 0; i < body.multipart.parts.size(); ++i)
            {
                const MmsPart& p = body.multipart.parts[i];
                out += (i ? ", " : "") + std::string("{\"content_type\": ")
                       + JsonString(p.contentType.GetMediaType())
                       + ", \"size\": " + std::to_string(p.data.GetSize())
                       + ", \"headers\": " + JsonFields(PartHeaders(p)) + "}";
            }
            out += "]";
        }
        else
        {
            out += ", \"size\": " + std::to_string(body.single.GetSize());
        }
        out += "}";
    }
    return out + "}";
}

int
Malformed(const std::string& what, const MmsDecodeError& e)
{
    std::cout.flush(); // what was decoded before the error comes first
    std::cerr << "mms-pdu: malformed " << what << " at " << e.ToString() << "\n";
    return 1;
}

void
PrintWarnings(const std::vector<MmsDecodeWarning>& warnings, std::size_t base = 0)
{
    for (const auto& w : warnings)
    {
        std::cerr << "mms-pdu: warning: offset " << (base + w.offset) << ": " << w.message << "\n";
    }
}

/// The error as a JSON object: where, which field, what, and in which layer.
std::string
ErrorJson(const std::string& layer, const MmsDecodeError& e)
{
    return "\"error\": {\"layer\": " + JsonString(layer)
           + ", \"offset\": " + std::to_string(e.offset) + ", \"field\": " + JsonString(e.field)
           + ", \"message\": " + JsonString(e.message) + "}";
}

/// Decoded fields (WTP, WSP) as a JSON array, with their offsets in the whole input.
std::string
DecodedJson(const std::vector<MmsDecodedField>& fields)
{
    std::string out = "[";
    for (std::size_t i = 0; i < fields.size(); ++i)
    {
        out += (i ? ", " : "") + std::string("{\"name\": ") + JsonString(fields[i].name)
               + ", \"value\": " + JsonString(fields[i].value)
               + ", \"offset\": " + std::to_string(fields[i].offset) + "}";
    }
    return out + "]";
}

/// What a WTP/WSP/MMS decoding produced: text lines, JSON members, the first error.
struct Decoded
{
    std::ostringstream text; //!< "Name: value" lines
    std::string json;        //!< the members of the top-level JSON object, comma-separated
    bool failed{false};      //!< an error was met
    std::string layer;       //!< the layer of the error (wtp, wsp, mms)
    MmsDecodeError error;    //!< the error, offsets in the whole input

    void Add(const std::string& member)
    {
        json += (json.empty() ? "" : ", ") + member;
    }
};

/// Whether a WSP PDU carries an MMS PDU: a Post, Reply or Push of
/// application/vnd.wap.mms-message with data.
bool
CarriesMms(const MmsWspSessionPdu& w)
{
    uint8_t t = w.GetType();
    bool carrier = t == MmsWspSessionPdu::REPLY || t == MmsWspSessionPdu::PUSH
                   || t == MmsWspSessionPdu::CONFIRMED_PUSH || (t >= 0x60 && t <= 0x7F);
    return carrier && w.HasContentType() && !w.GetData().empty()
           && w.GetContentType().GetMediaType() == "application/vnd.wap.mms-message";
}

/// Decode an MMS PDU at base, noting its JSON (partial on error) in out.
void
DecodeMms(const std::vector<uint8_t>& bytes, std::size_t base, const char* member, Decoded& out)
{
    MmsPdu pdu;
    MmsDecodeError e;
    bool ok = MmsPdu::Decode(bytes.data(), bytes.size(), pdu, e);
    PrintWarnings(pdu.GetWarnings(), base);
    PrintPduText(pdu, out.text);
    out.Add("\"" + std::string(member) + "\": " + PduJson(pdu));
    if (!ok)
    {
        out.failed = true;
        out.layer = "mms";
        out.error = e;
        out.error.offset += base;
    }
}

/// Decode a WSP PDU at base (and the MMS PDU it carries), into a JSON object string.
std::string
DecodeWsp(const std::vector<uint8_t>& bytes,
          std::size_t base,
          bool connectionless,
          const std::string& prefix,
          Decoded& out)
{
    MmsWspSessionPdu w;
    MmsDecodeError e;
    bool ok = MmsWspSessionPdu::Decode(bytes.data(), bytes.size(), connectionless, w, e, base);
    PrintWarnings(w.GetWarnings());
    for (const auto& f : w.GetFields())
    {
        out.text << prefix << f.name << ": " << f.value << "\n";
    }
    std::string json = "{\"fields\": " + DecodedJson(w.GetFields());
    if (!ok)
    {
        out.failed = true;
        out.layer = "wsp";
        out.error = e;
    }
    else if (CarriesMms(w))
    {
        Decoded mms;
        DecodeMms(w.GetData(), base + bytes.size() - w.GetData().size(), "pdu", mms);
        out.text << mms.text.str();
        json += ", " + mms.json;
        if (mms.failed)
        {
            out.failed = true;
            out.layer = mms.layer;
            out.error = mms.error;
        }
    }
    return json + "}";
}

/// Decode a WTP datagram: each PDU, and the WSP PDU of an Invoke or Result that holds a whole
/// message (TTR set); segments are listed, not reassembled.
void
DecodeWtp(const std::vector<uint8_t>& bytes, Decoded& out)
{
    std::vector<MmsWtpPdu> pdus;
    MmsDecodeError e;
    bool ok = MmsWtpPdu::DecodeDatagram(bytes.data(), bytes.size(), pdus, e);
    std::string json = "\"wtp\": [";
    for (std::size_t i = 0; i < pdus.size(); ++i)
    {
        const MmsWtpPdu& p = pdus[i];
        std::vector<MmsDecodedField> fields = p.GetFields();
        std::size_t start = fields.empty() ? 0 : fields.front().offset; // offsets are absolute
        std::string prefix = pdus.size() > 1 ? "WTP[" + std::to_string(i + 1) + "]-" : "WTP-";
        for (const auto& f : fields)
        {
            out.text << prefix << f.name << ": " << f.value << "\n";
        }
        json += (i ? ", " : "") + std::string("{\"fields\": ") + DecodedJson(fields);
        bool whole = (p.GetType() == MmsWtpPdu::INVOKE || p.GetType() == MmsWtpPdu::RESULT)
                     && p.GetTtr() && !p.GetData().empty();
        bool last = i + 1 == pdus.size();
        if (whole && (ok || !last))
        {
            std::size_t dataAt = start + p.GetEncodedSize() - p.GetData().size();
            json += ", \"wsp\": " + DecodeWsp(p.GetData(), dataAt, false, "WSP-", out);
        }
        json += "}";
        if (out.failed)
        {
            break;
        }
    }
    out.Add(json + "]");
    if (!ok && !out.failed)
    {
        out.failed = true;
        out.layer = "wtp";
        out.error = e;
    }
}

/// The fields of an MM7 message, in the order of its SOAP body.
Fields
Mm7Fields(const MmsMm7Message& m)
{
    Fields f;
    f.emplace_back("MM7-Type", MmsMm7Message::TypeName(m.type));
    f.emplace_back("TransactionID", m.transactionId);
    f.emplace_back("MM7Version", m.version);
    auto add = [&f](const std::string& name, const std::string& value)
    {
        if (!value.empty())
        {
            f.emplace_back(name, value);
        }
    };
    auto address = [](const MmsMm7Address& a)
    {
        return MmsMm7Address::KindName(a.kind) + " " + a.value;
    };
    switch (m.type)
    {
        case MmsMm7Type::SUBMIT_REQ:
            add("VASPID", m.vaspId);
            add("VASID", m.vasId);
            add("SenderAddress", m.hasSenderAddress ? address(m.senderAddress) : "");
            for (const auto& l : {std::make_pair("To", &m.to),
                                  std::make_pair("Cc", &m.cc),
                                  std::make_pair("Bcc", &m.bcc)})
            {
                for (const auto& a : *l.second)
                {
                    f.emplace_back(l.first, address(a));
                }
            }
            add("ServiceCode", m.serviceCode);
            add("LinkedID", m.linkedId);
            add("MessageClass", m.messageClass);
            add("TimeStamp", m.timeStamp ? MmsMm7Message::FormatDateTime(m.timeStamp) : "");
            add("ExpiryDate", m.expiryDate ? MmsMm7Message::FormatDateTime(m.expiryDate) : "");
            add("DeliveryReport", m.deliveryReport ? "true" : "");
            add("ReadReply", m.readReply ? "true" : "");
            add("Priority", m.priority);
            add("Subject", m.subject);
            add("Content", m.contentHref);
            if (!m.contentHref.empty())
            {
                f.emplace_back("Content-Type", m.content.GetHeader("Content-Type"));
                f.emplace_back("Content-Size", std::to_string(m.content.GetSerializedSize()));
            }
            break;
        case MmsMm7Type::DELIVERY_REPORT_REQ:
            f.emplace_back("MessageID", m.messageId);
            f.emplace_back("Recipient", address(m.recipient));
            f.emplace_back("Sender", address(m.sender));
            f.emplace_back("Date", MmsMm7Message::FormatDateTime(m.date));
            f.emplace_back("MMStatus", m.mmStatus);
            add("StatusText", m.statusText);
            break;
        default:
            f.emplace_back("StatusCode", std::to_string(m.statusCode));
            add("StatusText", m.statusText);
            add("MessageID", m.messageId);
            break;
    }
    return f;
}

/// --mm7: an HTTP message carrying MM7, or a bare SOAP envelope (input starting with '<').
int
DecodeMm7(const std::string& input, bool json)
{
    MmsMm7Message m;
    std::string error;
    std::size_t first = input.find_first_not_of(" \t\r\n");
    bool ok = false;
    if (first != std::string::npos && input[first] == '<')
    {
        ok = MmsMm7Message::ParseSoap(input.data(), input.size(), m, error);
    }
    else
    {
        bool request = input.compare(0, 5, "HTTP/") != 0;
        MmsHttpParser parser(request);
        parser.SetMaxBodySize(input.size());
        parser.Feed(reinterpret_cast<const uint8_t*>(input.data()), input.size());
        if (parser.HasError() || !parser.HasMessage())
        {
            error = parser.HasError() ? "HTTP: " + parser.Error() : "HTTP: incomplete message";
        }
        else
        {
            ok = MmsMm7Message::FromHttp(parser.PopMessage(), m, error);
        }
    }
    if (!ok)
    {
        if (json)
        {
            std::cout << "{\"error\": {\"layer\": \"mm7\", \"message\": " << JsonString(error)
                      << "}}\n";
        }
        std::cerr << "mms-pdu: malformed MM7 message: " << error << "\n";
        return 1;
    }
    Fields f = Mm7Fields(m);
    if (json)
    {
        std::cout << "{\"mm7\": " << JsonFields(f) << "}\n";
        return 0;
    }
    for (const auto& field : f)
    {
        std::cout << field.first << ": " << field.second << "\n";
    }
    return 0;
}

int
Usage()
{
    std::cerr << "usage: mms-pdu [--hex] [--push | --sms | --wtp | --wsp | --wsp-connectionless\n"
                 "               | --mm7] [--json] [FILE]\n"
                 "  decodes an MMS PDU (default), a WSP Push PDU (--push), SMS TP-User-Data\n"
                 "  segments with their user data header (--sms, one hex segment per line), a\n"
                 "  WTP datagram and the WSP PDU it carries (--wtp, UDP port 9201), or a WSP PDU\n"
                 "  (--wsp; --wsp-connectionless with its TID octet, UDP port 9200); an MMS PDU\n"
                 "  in a WSP Post, Reply or Push is decoded too; input is binary, or hex text\n"
                 "  with --hex (white space ignored); FILE absent or '-' reads standard input;\n"
                 "  with --json, malformed input prints the fields decoded before the error\n"
                 "  and the error; --mm7 decodes an MM7 message (TS 23.140 Rel-5 SOAP): an\n"
                 "  HTTP request or response carrying it, or the bare SOAP envelope\n";
    return 2;
}

} // namespace

int
main(int argc, char** argv)
{
    bool hex = false;
    bool push = false;
    bool sms = false;
    bool wtp = false;
    bool wsp = false;
    bool wspConnectionless = false;
    bool json = false;
    bool mm7 = false;
    std::string file = "-";
    int files = 0;
    // A bad argument: one line naming it, exit status 2.
    auto refuse = [argv](int i, const std::string& what)
    {
        std::cerr << "mms-pdu: argument " << i << " '" << argv[i] << "': " << what << "\n";
        return 2;
    };
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a == "--hex")
        {
            hex = true;
        }
        else if (a == "--push")
        {
            push = true;
        }
        else if (a == "--sms")
        {
            sms = true;
        }
        else if (a == "--wtp")
        {
            wtp = true;
        }
        else if (a == "--wsp")
        {
            wsp = true;
        }
        else if (a == "--wsp-connectionless")
        {
            wspConnectionless = true;
        }
        else if (a == "--json")
        {
            json = true;
        }
        else if (a == "--mm7")
        {
            mm7 = true;
        }
        else if (a == "--help" || a == "-h")
        {
            Usage();
            return 0;
        }
        else if (a.size() > 1 && a[0] == '-' && a != "-")
        {
            return refuse(i,
                          "unknown option: expected --hex, --push, --sms, --wtp, --wsp, "
                          "--wsp-connectionless, --mm7, --json, --help or a FILE");
        }
        else if (files > 0)
        {
            return refuse(i, "a second FILE: mms-pdu reads one (or standard input)");
        }
        else
        {
            file = a;
            ++files;
        }
        if (int(push) + int(sms) + int(wtp) + int(wsp) + int(wspConnectionless) + int(mm7) > 1)
        {
            return refuse(
                i,
                "--push, --sms, --wtp, --wsp, --wsp-connectionless and --mm7 exclude each other");
        }
    }
    std::string input;
    if (file == "-")
    {
        input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    else
    {
        std::ifstream in(file, std::ios::binary);
        if (!in)
        {
            std::cerr << "mms-pdu: cannot read '" << file << "'\n";
            return 2;
        }
        input.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    if (mm7)
    {
        return DecodeMm7(input, json);
    }

    std::vector<uint8_t> bytes;
    std::string smsJson;
    std::ostringstream text;
    if (sms)
    {
        // One segment per line, hex (the --hex flag is implied for segment lists).
        MmsWdpSmsReassembler reassembler;
        std::istringstream lines(input);
        std::string line;
        std::size_t lineNo = 0;
        uint32_t segments = 0;
        while (std::getline(lines, line))
        {
            ++lineNo;
            if (line.find_first_not_of(" \t\r") == std::string::npos)
            {
                continue;
            }
            std::vector<uint8_t> seg;
            std::string err;
            if (!MmsWspFromHex(line, seg, &err))
            {
                std::cerr << "mms-pdu: " << file << ": segment on line " << lineNo << ": " << err
                          << "\n";
                return 1;
            }
            MmsWdpSmsSegment s;
            MmsDecodeError e;
            if (!MmsWdpSmsSegment::Decode(seg.data(), seg.size(), s, e))
            {
                std::cerr << "mms-pdu: malformed SMS segment on line " << lineNo << " at "
                          << e.ToString() << "\n";
                return 1;
            }
            if (!reassembler.Add("input", s, &err))
            {
                std::cerr << "mms-pdu: SMS segment on line " << lineNo << ": " << err << "\n";
                return 1;
            }
            ++segments;
        }
        if (!reassembler.HasDatagram())
        {
            std::cerr << "mms-pdu: the " << segments
                      << " SMS segments do not make a whole datagram (missing segments)\n";
            return 1;
        }
        MmsWdpSmsReassembler::Datagram d = reassembler.PopDatagram();
        bytes = d.data;
        push = true;
        text << "SMS-Segments: " << d.segments << "\n"
             << "WDP-Destination-Port: " << d.destinationPort << "\n"
             << "WDP-Source-Port: " << d.sourcePort << "\n";
        smsJson = "\"sms\": {\"segments\": " + std::to_string(d.segments)
                  + ", \"destination_port\": " + std::to_string(d.destinationPort)
                  + ", \"source_port\": " + std::to_string(d.sourcePort) + "}, ";
    }
    else if (hex)
    {
        std::string err;
        if (!MmsWspFromHex(input, bytes, &err))
        {
            std::cerr << "mms-pdu: " << (file == "-" ? "standard input" : file) << ": " << err
                      << "\n";
            return 1;
        }
    }
    else
    {
        bytes.assign(input.begin(), input.end());
    }

    if (wtp || wsp || wspConnectionless)
    {
        Decoded d;
        if (wtp)
        {
            DecodeWtp(bytes, d);
        }
        else
        {
            d.Add("\"wsp\": " + DecodeWsp(bytes, 0, wspConnectionless, "WSP-", d));
        }
        if (json)
        {
            std::cout << "{" << d.json << (d.failed ? ", " + ErrorJson(d.layer, d.error) : "")
                      << "}\n";
        }
        else
        {
            std::cout << d.text.str();
        }
        if (d.failed)
        {
            const std::string what = d.layer == "wtp"   ? "WTP PDU"
                                     : d.layer == "wsp" ? "WSP PDU"
                                                        : "MMS PDU";
            return Malformed(what, d.error);
        }
        return 0;
    }

    std::size_t pduBase = 0;
    std::string pushJson;
    if (push)
    {
        MmsWspPushPdu p;
        MmsDecodeError e;
        bool ok = MmsWspPushPdu::Decode(bytes.data(), bytes.size(), p, e);
        PrintWarnings(p.GetWarnings());
        pduBase = bytes.size() - p.GetData().size();
        std::string app = p.GetApplicationId();
        text << "Push-TID: " << unsigned(p.GetTid()) << "\n"
             << "Push-PDU-Type: "
             << (p.GetPduType() == MmsWspPushPdu::PUSH ? "Push" : "ConfirmedPush") << "\n"
             << "Push-Content-Type: " << p.GetContentType().ToString() << "\n";
        for (const auto& h : p.GetHeaders())
        {
            text << MmsWspPushPdu::HeaderName(h) << ": " << MmsWspPushPdu::HeaderValue(h) << "\n";
        }
        pushJson = "\"push\": {\"tid\": " + std::to_string(p.GetTid())
                   + ", \"content_type\": " + JsonString(p.GetContentType().GetMediaType())
                   + ", \"application_id\": " + JsonString(app) + "}, ";
        if (!ok)
        {
            // What was read before the error (a partial push), then the error.
            if (json)
            {
                std::cout << "{" << smsJson << pushJson << ErrorJson("push", e) << "}\n";
            }
            else
            {
                std::cout << text.str();
            }
            return Malformed("WSP Push PDU", e);
        }
        bytes = p.GetData();
    }

    MmsPdu pdu;
    MmsDecodeError e;
    bool ok = MmsPdu::Decode(bytes.data(), bytes.size(), pdu, e);
    e.offset += pduBase;
    PrintWarnings(pdu.GetWarnings(), pduBase);
    if (json)
    {
        // On an error, the fields decoded before it and the error.
        std::string pduJson = PduJson(pdu);
        if (!ok)
        {
            pduJson = pduJson.substr(0, pduJson.size() - 1) + ", " + ErrorJson("mms", e) + "}";
        }
        if (push)
        {
            std::cout << "{" << smsJson << pushJson << "\"pdu\": " << pduJson << "}\n";
        }
        else
        {
            std::cout << pduJson << "\n";
        }
    }
    else
    {
        std::cout << text.str();
        PrintPduText(pdu, std::cout); // on an error, the fields decoded before it
    }
    if (!ok)
    {
        return Malformed("MMS PDU", e);
    }
    return 0;
}
