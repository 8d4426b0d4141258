/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The mms-pdu command: text and JSON output, --push, --sms, and malformed input.

#include "mms-test-data.h"

#include "ns3/mms-pdu.h"
#include "ns3/mms-wdp-sms.h"
#include "ns3/mms-wsp-push.h"
#include "ns3/test.h"

#include <fstream>

using namespace ns3;

/// Runs the built command on files and checks what it prints and its exit status.
class MmsPduToolTestCase : public TestCase
{
  public:
    MmsPduToolTestCase()
        : TestCase("mms-pdu prints fields by name, JSON, pushes and SMS, and rejects bad input")
    {
    }

  private:
    int Run(const std::string& args, std::string& out)
    {
        return mmstest::RunCommand("'" + mmstest::MmsPduToolPath() + "' " + args + " 2>&1", out);
    }

    std::string Write(const std::string& name, const std::string& content)
    {
        std::string path = CreateTempDirFilename(name);
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    void DoRun() override
    {
        std::string out;
        std::string real = mmstest::MmsSourcePath("test/data/real-pdus/nuntium-sonera-fi-push.hex");
        NS_TEST_EXPECT_MSG_EQ(Run("--push --hex '" + real + "'", out), 0, out);
        NS_TEST_EXPECT_MSG_EQ(
            out,
            "Push-TID: 0\n"
            "Push-PDU-Type: Push\n"
            "Push-Content-Type: application/vnd.wap.mms-message\n"
            "X-Wap-Application-Id: 4\n"
            "Content-Length: 114\n"
            "Push-Flag: 1\n"
            "X-Mms-Message-Type: m-notification-ind\n"
            "X-Mms-Transaction-Id: ABsTLNALAmmN3wr82\n"
            "X-Mms-MMS-Version: 1.2\n"
            "From: +358407694484/TYPE=PLMN\n"
            "X-Mms-Delivery-Report: No\n"
            "X-Mms-Message-Class: Personal\n"
            "X-Mms-Message-Size: 202117\n"
            "X-Mms-Expiry: relative 259199\n"
            "X-Mms-Content-Location: http://mmsc61:10021/mmsc/6_1?ABsTLNALAmmN3wr82\n",
            "text output of a real push");
        NS_TEST_EXPECT_MSG_EQ(Run("--push --hex --json < '" + real + "'", out), 0, out);
        const std::string jsonStart =
            "{\"push\": {\"tid\": 0, \"content_type\": \"application/vnd.wap.mms-message\", "
            "\"application_id\": \"4\"}, \"pdu\": {\"message_type\": \"m-notification-ind\", "
            "\"headers\": [{\"name\": \"X-Mms-Message-Type\", \"value\": \"m-notification-ind\"}";
        NS_TEST_EXPECT_MSG_EQ(out.compare(0, jsonStart.size(), jsonStart), 0, out);

        // A binary M-Send.req with a multipart body, as a file.
        MmsMultipartBody body;
        MmsPart smil;
        smil.contentType = MmsWspContentType("application/smil");
        smil.headers.push_back(MmsWspPartHeader::ContentId("<smil>"));
        smil.data = MmsContent(std::string("<smil/>"));
        MmsPart img;
        img.contentType = MmsWspContentType("image/jpeg");
        img.headers.push_back(MmsWspPartHeader::ContentLocation("a \"b\".jpg"));
        img.data = MmsContent::Virtual(1000);
        body.parts = {smil, img};
        MmsWspContentType rel("application/vnd.wap.multipart.related");
        rel.SetTextParameter(MmsWspParam::TYPE, "application/smil");
        rel.SetTextParameter(MmsWspParam::START, "<smil>");
        MmsPdu req = MmsPdu::MakeSendReq("T1", "", {"+1/TYPE=PLMN", "a@b.c"}, rel, body);
        std::vector<uint8_t> o = req.Encode();
        std::string bin = Write("send-req.mms", std::string(o.begin(), o.end()));
        NS_TEST_EXPECT_MSG_EQ(Run("--json '" + bin + "'", out), 0, out);
        NS_TEST_EXPECT_MSG_EQ(
            out,
            "{\"message_type\": \"m-send-req\", \"headers\": ["
            "{\"name\": \"X-Mms-Message-Type\", \"value\": \"m-send-req\"}, "
            "{\"name\": \"X-Mms-Transaction-Id\", \"value\": \"T1\"}, "
            "{\"name\": \"X-Mms-MMS-Version\", \"value\": \"1.2\"}, "
            "{\"name\": \"From\", \"value\": \"insert-address\"}, "
            "{\"name\": \"To\", \"value\": \"+1/TYPE=PLMN\"}, "
            "{\"name\": \"To\", \"value\": \"a@b.c\"}, "
            "{\"name\": \"Content-Type\", \"value\": \"application/vnd.wap.multipart.related; "
            "type=application/smil; start=<smil>\"}], "
            "\"body\": {\"content_type\": \"application/vnd.wap.multipart.related\", \"parts\": ["
            "{\"content_type\": \"application/smil\", \"size\": 7, \"headers\": "
            "[{\"name\": \"Content-ID\", \"value\": \"<smil>\"}]}, "
            "{\"content_type\": \"image/jpeg\", \"size\": 1000, \"headers\": "
            "[{\"name\": \"Content-Location\", \"value\": \"a \\\"b\\\".jpg\"}]}]}}\n",
            "JSON of a binary M-Send.req, repeated To kept, quotes escaped");

        // SMS segments, one per line, out of order.
        std::vector<uint8_t> notif =
            MmsPdu::MakeNotificationInd(
                "a-long-transaction-id-0001-for-two-sms",
                "+358401234567/TYPE=PLMN",
                30000,
                259200,
                "http://mmsc.example.net/retrieve/0001?id=a-long-transaction-id-0001")
                .Encode();
        std::vector<uint8_t> push = MmsWspPushPdu::MakeMmsPush(7, notif).Encode();
        std::vector<MmsWdpSmsSegment> segs = MmsWdpSms::Split(push);
        NS_TEST_ASSERT_MSG_EQ(segs.size(), 2u, "two SMS");
        // One segment missing: the command says so and fails.
        std::string smsFile = Write("segments.txt", MmsWspToHex(segs[1].Encode()) + "\n");
        NS_TEST_EXPECT_MSG_EQ(Run("--sms '" + smsFile + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_EQ(out,
                              "mms-pdu: the 1 SMS segments do not make a whole datagram "
                              "(missing segments)\n",
                              "missing segment");
        std::string lines;
        MmsWdpSmsOptions two;
        two.reference = 5;
        segs = MmsWdpSms::Split(push, two);
        lines.clear();
        for (auto it = segs.rbegin(); it != segs.rend(); ++it)
        {
            lines += MmsWspToHex(it->Encode()) + "\n";
        }
        smsFile = Write("segments2.txt", lines);
        NS_TEST_EXPECT_MSG_EQ(Run("--sms '" + smsFile + "'", out), 0, out);
        NS_TEST_EXPECT_MSG_GT(segs.size(), 1u, "a concatenated push");
        const std::string smsStart = "SMS-Segments: " + std::to_string(segs.size())
                                     + "\nWDP-Destination-Port: 2948\nWDP-Source-Port: 9200\n"
                                       "Push-TID: 7\n";
        NS_TEST_EXPECT_MSG_EQ(out.compare(0, smsStart.size(), smsStart), 0, out);
        NS_TEST_EXPECT_MSG_NE(
            out.find("X-Mms-Transaction-Id: a-long-transaction-id-0001-for-two-sms\n"),
            std::string::npos,
            out);

        // Malformed input: a message naming the offset, and exit status 1.
        std::string bad = Write("bad.hex", "8c82 98 4142 00 8d90 88 05 81 03");
        NS_TEST_EXPECT_MSG_EQ(Run("--hex '" + bad + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_EQ(out,
                              "mms-pdu: malformed MMS PDU at offset 9 (X-Mms-Expiry): value "
                              "length 5 exceeds the 2 octets left\n",
                              "located error");
        std::string odd = Write("odd.hex", "8c8\n");
        NS_TEST_EXPECT_MSG_EQ(Run("--hex '" + odd + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_EQ(out, "mms-pdu: " + odd + ": odd number of hex digits\n", "hex error");
        NS_TEST_EXPECT_MSG_EQ(Run("--bogus", out), 2, out);
        NS_TEST_EXPECT_MSG_EQ(Run("'" + CreateTempDirFilename("missing") + "'", out), 2, out);
        NS_TEST_EXPECT_MSG_EQ(Run("--push --hex '" + bad + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_NE(
            out.find("malformed WSP Push PDU at offset 1 (PDU-Type)"), std::string::npos, out);
    }
};

/// The suite (standalone builds only: the command is built there).
class MmsPduToolTestSuite : public TestSuite
{
  public:
    MmsPduToolTestSuite()
        : TestSuite("mms-pdu-tool", Type::SYSTEM)
    {
        if (!mmstest::MmsPduToolPath().empty())
        {
            AddTestCase(new MmsPduToolTestCase);
        }
    }
};

static MmsPduToolTestSuite g_mmsPduToolTestSuite; //!< Static variable for test initialization
