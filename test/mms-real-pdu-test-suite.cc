/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Real PDUs from public sources (test/data/real-pdus, each with its source in MANIFEST.tsv):
// they decode, show the facts checked by hand from their octets, and re-encode byte for byte.

#include "mms-test-data.h"

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

} // namespace

/// Every vector of the manifest.
class MmsRealPduTestCase : public TestCase
{
  public:
    MmsRealPduTestCase(const RealPdu& v)
        : TestCase(mmstest::TestName(v.file + " from " + v.source))
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
            for (const auto& line : mmstest::Split(text, '\n'))
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
        std::string wrong = mmstest::CheckFacts(m_v.expected, seen);
        NS_TEST_EXPECT_MSG_EQ(wrong, "", "facts read by hand");
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
        for (const auto& row : mmstest::ReadManifest("test/data/real-pdus/MANIFEST.tsv", 8))
        {
            const std::vector<std::string>& c = row.columns;
            RealPdu v;
            v.file = c[0];
            v.kind = c[1];
            v.messageType = c[2];
            v.source = c[3] + ":" + c[4] + (c[5].empty() ? "" : "@" + c[5].substr(0, 10));
            v.description = c[6];
            v.expected = row.facts;
            AddTestCase(new MmsRealPduTestCase(v));
        }
    }
};

static MmsRealPduTestSuite g_mmsRealPduTestSuite; //!< Static variable for test initialization
