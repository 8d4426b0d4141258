/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Real PDUs from public sources (test/data/real-pdus, each with its source in MANIFEST.tsv):
// they decode, show the facts checked by hand from their octets, and re-encode byte for byte.

#include "mms-test-data.h"

#include "ns3/fatal-error.h"
#include "ns3/mms-pdu.h"
#include "ns3/mms-wdp-sms.h"
#include "ns3/mms-wsp-push.h"
#include "ns3/test.h"

#include <map>
#include <sstream>

using namespace ns3;

namespace
{

/// One row of MANIFEST.tsv.
struct RealPdu
{
    std::string file;
    std::string kind; // mms, push or sms
    std::string messageType;
    std::string source; // repo:path@commit
    std::string description;
    std::vector<std::pair<std::string, std::string>> expected;
};

std::vector<std::string>
Split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
    {
        out.push_back(cur);
    }
    if (!s.empty() && s.back() == sep)
    {
        out.emplace_back();
    }
    return out;
}

/// ns-3 test names may not contain '"/\\|?'.
std::string
Sanitize(std::string s)
{
    for (char& c : s)
    {
        if (c == '/' || c == '\\' || c == '|' || c == '?' || c == '"')
        {
            c = ':';
        }
    }
    return s;
}

} // namespace

/// Every vector of the manifest.
class MmsRealPduTestCase : public TestCase
{
  public:
    MmsRealPduTestCase(const RealPdu& v)
        : TestCase(Sanitize(v.file + " from " + v.source))
        , m_v(v)
    {
    }

  private:
    void DoRun() override
    {
        std::string text;
        std::vector<uint8_t> octets;
        std::string err;
        std::string path = mmstest::MmsSourcePath("test/data/real-pdus/" + m_v.file);
        NS_TEST_ASSERT_MSG_EQ(mmstest::ReadFile(path, text), true, "cannot read " << path);
        std::map<std::string, std::vector<std::string>> seen; // field name -> values in order
        std::vector<uint8_t> pduOctets;
        if (m_v.kind == "sms")
        {
            MmsWdpSmsReassembler r;
            for (const auto& line : Split(text, '\n'))
            {
                if (line.find_first_not_of(" \r\t") == std::string::npos)
                {
                    continue;
                }
                std::vector<uint8_t> seg;
                NS_TEST_ASSERT_MSG_EQ(MmsWspFromHex(line, seg, &err), true, err);
                MmsWdpSmsSegment s;
                MmsDecodeError e;
                NS_TEST_ASSERT_MSG_EQ(
                    MmsWdpSmsSegment::Decode(seg.data(), seg.size(), s, e), true, e.ToString());
                NS_TEST_EXPECT_MSG_EQ(
                    MmsWspToHex(s.Encode()), MmsWspToHex(seg), "segment re-encodes");
                NS_TEST_ASSERT_MSG_EQ(r.Add("x", s, &err), true, err);
            }
            NS_TEST_ASSERT_MSG_EQ(r.HasDatagram(), true, "segments complete a datagram");
            MmsWdpSmsReassembler::Datagram d = r.PopDatagram();
            seen["sms.segments"].push_back(std::to_string(d.segments));
            seen["sms.destination_port"].push_back(std::to_string(d.destinationPort));
            octets = d.data;
        }
        else
        {
            NS_TEST_ASSERT_MSG_EQ(MmsWspFromHex(text, octets, &err), true, err);
        }
        if (m_v.kind == "push" || m_v.kind == "sms")
        {
            MmsWspPushPdu push;
            MmsDecodeError e;
            NS_TEST_ASSERT_MSG_EQ(
                MmsWspPushPdu::Decode(octets.data(), octets.size(), push, e), true, e.ToString());
            NS_TEST_EXPECT_MSG_EQ(
                MmsWspToHex(push.Encode()), MmsWspToHex(octets), "push re-encodes");
            seen["push.tid"].push_back(std::to_string(push.GetTid()));
            seen["push.application_id"].push_back(push.GetApplicationId());
            seen["push.content_type"].push_back(push.GetContentType().GetMediaType());
            pduOctets = push.GetData();
        }
        else
        {
            pduOctets = octets;
        }
        MmsPdu pdu;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsPdu::Decode(pduOctets.data(), pduOctets.size(), pdu, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(
            MmsPdu::MessageTypeName(pdu.GetMessageType()), m_v.messageType, "message type");
        for (const auto& f : pdu.GetFields())
        {
            std::string name =
                f.kind == MmsHeaderField::APPLICATION ? f.name : MmsPdu::FieldName(f.code);
            seen[name].push_back(MmsPdu::FormatValue(f));
        }
        if (pdu.HasBody() && pdu.GetBody().isMultipart)
        {
            seen["body.parts"].push_back(std::to_string(pdu.GetBody().multipart.parts.size()));
        }
        for (const auto& kv : m_v.expected)
        {
            auto it = seen.find(kv.first);
            NS_TEST_EXPECT_MSG_EQ((it != seen.end()), true, kv.first << " decoded");
            if (it != seen.end())
            {
                bool found = false;
                for (const auto& v : it->second)
                {
                    found = found || v == kv.second;
                }
                NS_TEST_EXPECT_MSG_EQ(found,
                                      true,
                                      kv.first << ": expected '" << kv.second << "', decoded '"
                                               << it->second.front() << "'");
            }
        }
        // Byte-exact re-encoding: PDUs that follow the ordering rule (type, transaction id,
        // version first) come back octet for octet.
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(pdu.Encode()), MmsWspToHex(pduOctets), "PDU re-encodes");
        NS_TEST_EXPECT_MSG_EQ(pdu.GetEncodedSize(), pduOctets.size(), "encoded size");
    }

    RealPdu m_v;
};

/// The suite: one case per vector in the manifest.
class MmsRealPduTestSuite : public TestSuite
{
  public:
    MmsRealPduTestSuite()
        : TestSuite("mms-real-pdu", Type::UNIT)
    {
        std::string manifest;
        std::string path = mmstest::MmsSourcePath("test/data/real-pdus/MANIFEST.tsv");
        if (!mmstest::ReadFile(path, manifest))
        {
            NS_FATAL_ERROR("mms-real-pdu: cannot read " << path);
        }
        std::size_t lineNo = 0;
        for (const auto& line : Split(manifest, '\n'))
        {
            ++lineNo;
            if (lineNo == 1 || line.empty())
            {
                continue; // header
            }
            std::vector<std::string> c = Split(line, '\t');
            if (c.size() != 8)
            {
                NS_FATAL_ERROR(path << ":" << lineNo << ": expected 8 tab-separated columns, found "
                                    << c.size());
            }
            RealPdu v;
            v.file = c[0];
            v.kind = c[1];
            v.messageType = c[2];
            v.source = c[3] + ":" + c[4] + (c[5].empty() ? "" : "@" + c[5].substr(0, 10));
            v.description = c[6];
            for (const auto& kv : Split(c[7], ';'))
            {
                std::size_t eq = kv.find('=');
                if (eq == std::string::npos)
                {
                    NS_FATAL_ERROR(path << ":" << lineNo << ": expected fact '" << kv
                                        << "' has no '='");
                }
                v.expected.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
            }
            AddTestCase(new MmsRealPduTestCase(v));
        }
    }
};

static MmsRealPduTestSuite g_mmsRealPduTestSuite; //!< Static variable for test initialization
