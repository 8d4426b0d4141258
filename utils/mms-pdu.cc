/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// mms-pdu: decode an MMS PDU, a WSP Push PDU (--push) or SMS TP-User-Data segments (--sms) and
// print every field by its OMA name, one per line, or as one JSON object (--json).
//
//   mms-pdu [--hex] [--push | --sms] [--json] [FILE]      (FILE absent or "-": standard input)
//
// Exit status: 0 decoded; 1 malformed input (the message names the offset and field);
// 2 usage or I/O error.

#include "mms-pdu.h"

#include "mms-wdp-sms.h"
#include "mms-wsp-push.h"

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

int
Usage()
{
    std::cerr << "usage: mms-pdu [--hex] [--push | --sms] [--json] [FILE]\n"
                 "  decodes an MMS PDU (default), a WSP Push PDU (--push) or SMS TP-User-Data\n"
                 "  segments with their user data header (--sms, one hex segment per line);\n"
                 "  input is binary, or hex text with --hex (white space ignored); FILE absent\n"
                 "  or '-' reads standard input\n";
    return 2;
}

} // namespace

int
main(int argc, char** argv)
{
    bool hex = false;
    bool push = false;
    bool sms = false;
    bool json = false;
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
        else if (a == "--json")
        {
            json = true;
        }
        else if (a == "--help" || a == "-h")
        {
            Usage();
            return 0;
        }
        else if (a.size() > 1 && a[0] == '-' && a != "-")
        {
            return refuse(i,
                          "unknown option: expected --hex, --push, --sms, --json, --help or a "
                          "FILE");
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
        if (push && sms)
        {
            return refuse(i, "--push and --sms exclude each other");
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

    std::size_t pduBase = 0;
    std::string pushJson;
    if (push)
    {
        MmsWspPushPdu p;
        MmsDecodeError e;
        if (!MmsWspPushPdu::Decode(bytes.data(), bytes.size(), p, e))
        {
            return Malformed("WSP Push PDU", e);
        }
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
        bytes = p.GetData();
    }

    MmsPdu pdu;
    MmsDecodeError e;
    if (!MmsPdu::Decode(bytes.data(), bytes.size(), pdu, e))
    {
        e.offset += pduBase;
        return Malformed("MMS PDU", e);
    }
    PrintWarnings(pdu.GetWarnings(), pduBase);
    if (json)
    {
        if (push)
        {
            std::cout << "{" << smsJson << pushJson << "\"pdu\": " << PduJson(pdu) << "}\n";
        }
        else
        {
            std::cout << PduJson(pdu) << "\n";
        }
    }
    else
    {
        std::cout << text.str();
        PrintPduText(pdu, std::cout);
    }
    return 0;
}
