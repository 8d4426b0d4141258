/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The mms-pdu command: text and JSON output, --push, --sms, --wtp, --wsp, and malformed input
// (the fields decoded before the error, with the error and its offset).

#include "mms-test-data.h"

#include "ns3/mms-mm7-message.h"
#include "ns3/mms-pdu.h"
#include "ns3/mms-wdp-sms.h"
#include "ns3/mms-wsp-push.h"
#include "ns3/mms-wsp-session-pdu.h"
#include "ns3/mms-wtp-pdu.h"
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
    /// WTP datagrams and WSP PDUs, with the MMS PDU they carry.
    void WtpAndWsp();

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
                              "X-Mms-Message-Type: m-notification-ind\n"
                              "X-Mms-Transaction-Id: AB\n"
                              "X-Mms-MMS-Version: 1.0\n"
                              "mms-pdu: malformed MMS PDU at offset 9 (X-Mms-Expiry): value "
                              "length 5 exceeds the 2 octets left\n",
                              "the fields before the error, then the located error");
        NS_TEST_EXPECT_MSG_EQ(Run("--hex --json '" + bad + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_EQ(
            out,
            "{\"message_type\": \"m-notification-ind\", \"headers\": ["
            "{\"name\": \"X-Mms-Message-Type\", \"value\": \"m-notification-ind\"}, "
            "{\"name\": \"X-Mms-Transaction-Id\", \"value\": \"AB\"}, "
            "{\"name\": \"X-Mms-MMS-Version\", \"value\": \"1.0\"}], "
            "\"error\": {\"layer\": \"mms\", \"offset\": 9, \"field\": \"X-Mms-Expiry\", "
            "\"message\": \"value length 5 exceeds the 2 octets left\"}}\n"
            "mms-pdu: malformed MMS PDU at offset 9 (X-Mms-Expiry): value length 5 exceeds the 2 "
            "octets left\n",
            "JSON of a truncated PDU: the fields decoded before the error, and the error");
        std::string odd = Write("odd.hex", "8c8\n");
        NS_TEST_EXPECT_MSG_EQ(Run("--hex '" + odd + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_EQ(out, "mms-pdu: " + odd + ": odd number of hex digits\n", "hex error");
        NS_TEST_EXPECT_MSG_EQ(Run("--bogus", out), 2, out);
        NS_TEST_EXPECT_MSG_EQ(Run("'" + CreateTempDirFilename("missing") + "'", out), 2, out);
        NS_TEST_EXPECT_MSG_EQ(Run("--push --hex '" + bad + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_NE(
            out.find("malformed WSP Push PDU at offset 1 (PDU-Type)"), std::string::npos, out);
        NS_TEST_EXPECT_MSG_EQ(Run("--push --hex --json '" + bad + "'", out), 1, out);
        NS_TEST_EXPECT_MSG_EQ(out,
                              "{\"push\": {\"tid\": 140, \"content_type\": \"\", "
                              "\"application_id\": \"\"}, \"error\": {\"layer\": \"push\", "
                              "\"offset\": 1, \"field\": \"PDU-Type\", \"message\": \"PDU type "
                              "0x82 is not Push (0x06) or ConfirmedPush (0x07)\"}}\n"
                              "mms-pdu: malformed WSP Push PDU at offset 1 (PDU-Type): PDU type "
                              "0x82 is not Push (0x06) or ConfirmedPush (0x07)\n",
                              "a push that fails: its TID, and the error");
        NS_TEST_EXPECT_MSG_EQ(Run("--wtp --wsp", out), 2, out);
        NS_TEST_EXPECT_MSG_EQ(out,
                              "mms-pdu: argument 2 '--wsp': --push, --sms, --wtp, --wsp, "
                              "--wsp-connectionless and --mm7 exclude each other\n",
                              "one kind of input");
        WtpAndWsp();
        Mm7();
    }

    /// MM7 messages: an HTTP POST with multipart/related, a bare envelope, JSON, bad SOAP.
    void Mm7();
};

void
MmsPduToolTestCase::Mm7()
{
    std::string out;
    MmsMm7Message m;
    m.type = MmsMm7Type::SUBMIT_REQ;
    m.transactionId = "v1";
    m.vaspId = "news";
    m.to = {{MmsMm7Address::NUMBER, "+4412345678"}};
    m.deliveryReport = true;
    m.subject = "Midnight";
    m.contentHref = "cid:c";
    m.content.AddHeader("Content-Type", "image/jpeg");
    m.content.content = MmsContent::Virtual(1000);
    MmsHttpMessage post = m.ToHttp("/mm7", "mmsc");
    std::vector<uint8_t> wire = post.Serialize();
    std::string file = Write("mm7-post", std::string(wire.begin(), wire.end()));
    NS_TEST_EXPECT_MSG_EQ(Run("--mm7 '" + file + "'", out), 0, out);
    NS_TEST_EXPECT_MSG_EQ(out,
                          "MM7-Type: MM7_submit.REQ\n"
                          "TransactionID: v1\n"
                          "MM7Version: 5.3.0\n"
                          "VASPID: news\n"
                          "To: Number +4412345678\n"
                          "DeliveryReport: true\n"
                          "Subject: Midnight\n"
                          "Content: cid:c\n"
                          "Content-Type: image/jpeg\n"
                          "Content-Size: 1045\n",
                          "the submission, its content found by its Content-ID");
    MmsMm7Message rsp;
    rsp.type = MmsMm7Type::SUBMIT_RES;
    rsp.transactionId = "v1";
    rsp.statusText = "Success";
    rsp.messageId = "M1";
    std::string soap = Write("mm7-rsp", rsp.SerializeSoap());
    NS_TEST_EXPECT_MSG_EQ(Run("--mm7 --json '" + soap + "'", out), 0, out);
    NS_TEST_EXPECT_MSG_EQ(out,
                          "{\"mm7\": [{\"name\": \"MM7-Type\", \"value\": \"MM7_submit.RES\"}, "
                          "{\"name\": \"TransactionID\", \"value\": \"v1\"}, {\"name\": "
                          "\"MM7Version\", \"value\": \"5.3.0\"}, {\"name\": \"StatusCode\", "
                          "\"value\": \"1000\"}, {\"name\": \"StatusText\", \"value\": "
                          "\"Success\"}, {\"name\": \"MessageID\", \"value\": \"M1\"}]}\n",
                          "a bare envelope as JSON");
    std::string bad = Write("mm7-bad", "<env:Envelope xmlns:env='x'><a></env:Envelope>");
    NS_TEST_EXPECT_MSG_EQ(Run("--mm7 '" + bad + "'", out), 1, out);
    NS_TEST_EXPECT_MSG_EQ(out,
                          "mms-pdu: malformed MM7 message: offset 31: </env:Envelope> closes <a>\n",
                          "bad XML: the offset");
    NS_TEST_EXPECT_MSG_EQ(Run("--mm7 --push", out), 2, out);
}

void
MmsPduToolTestCase::WtpAndWsp()
{
    std::string out;
    // A real WTP Invoke carrying a WSP Get (Kannel's wapbox driver), as text.
    std::string get =
        mmstest::MmsSourcePath("test/data/real-wap-pdus/kannel-drive-wapbox-get-invoke.hex");
    NS_TEST_EXPECT_MSG_EQ(Run("--wtp --hex '" + get + "'", out), 0, out);
    NS_TEST_EXPECT_MSG_EQ(out,
                          "WTP-PDU-Type: Invoke\nWTP-CON: 0\nWTP-GTR: 1\nWTP-TTR: 1\nWTP-RID: 0\n"
                          "WTP-TID: 1\nWTP-TID-Response: 0\nWTP-Version: 0\nWTP-TIDnew: 0\n"
                          "WTP-U/P: 0\nWTP-TCL: 2\nWTP-Data: 34 octets\n"
                          "WSP-PDU-Type: Get\nWSP-URILen: 32\n"
                          "WSP-URI: http://localhost:40000/hello.wml\n",
                          "text of a WTP Invoke and its WSP Get");

    // An M-Send.req in a WSP Post in a class 2 Invoke with an Option TPI, binary: the three
    // layers in JSON, with offsets in the whole datagram.
    MmsMultipartBody body;
    MmsPart text;
    text.contentType = MmsWspContentType("text/plain");
    text.data = MmsContent(std::string("hi"));
    body.parts = {text};
    MmsPdu req = MmsPdu::MakeSendReq(
        "T9", "", {"+1/TYPE=PLMN"}, MmsWspContentType("application/vnd.wap.multipart.mixed"), body);
    MmsWspSessionPdu post = MmsWspSessionPdu::MakePost(
        "http://mmsc/", MmsWspContentType("application/vnd.wap.mms-message"), req.Encode());
    MmsWtpPdu inv = MmsWtpPdu::MakeInvoke(0x22, MmsWtpPdu::CLASS_2, post.Encode());
    inv.AddTpi(MmsWtpTpi::Option(MmsWtpTpi::OPT_MAX_GROUP, 9600));
    std::vector<uint8_t> o = inv.Encode();
    std::string bin = Write("post.wtp", std::string(o.begin(), o.end()));
    NS_TEST_EXPECT_MSG_EQ(Run("--wtp --json '" + bin + "'", out), 0, out);
    const std::string start =
        "{\"wtp\": [{\"fields\": [{\"name\": \"PDU-Type\", \"value\": \"Invoke\", "
        "\"offset\": 0}, {\"name\": \"CON\", \"value\": \"1\", \"offset\": 0}";
    NS_TEST_EXPECT_MSG_EQ(out.compare(0, start.size(), start), 0, out);
    const char* parts[] = {
        "{\"name\": \"TPI\", \"value\": \"Option Maximum-Group 9600\", \"offset\": 4}",
        "\"wsp\": {\"fields\": [{\"name\": \"PDU-Type\", \"value\": \"Post\", \"offset\": 8}",
        "{\"name\": \"URI\", \"value\": \"http://mmsc/\", \"offset\": 11}",
        "{\"name\": \"Content-Type\", \"value\": \"application/vnd.wap.mms-message\", "
        "\"offset\": 23}",
        "\"pdu\": {\"message_type\": \"m-send-req\"",
        "{\"name\": \"X-Mms-Transaction-Id\", \"value\": \"T9\"}"};
    for (const char* p : parts)
    {
        NS_TEST_EXPECT_MSG_NE(out.find(p), std::string::npos, p << " in " << out);
    }
    NS_TEST_EXPECT_MSG_EQ(out.find("\"error\""), std::string::npos, "no error");

    // The same datagram cut inside the M-Send.req: WTP and WSP fields, the MMS fields before
    // the error, the error located in the datagram (exit status 1).
    std::size_t cut = o.size() - 3;
    bin = Write("post-cut.wtp", std::string(o.begin(), o.begin() + cut));
    NS_TEST_EXPECT_MSG_EQ(Run("--wtp --json '" + bin + "'", out), 1, out);
    NS_TEST_EXPECT_MSG_NE(out.find("\"message_type\": \"m-send-req\""), std::string::npos, out);
    NS_TEST_EXPECT_MSG_NE(
        out.find("\"error\": {\"layer\": \"mms\", \"offset\": "), std::string::npos, out);

    // A truncated real Connect (the MXP600's, first 38 octets): its capabilities, then the
    // error at HeadersLen.
    std::string mxp =
        mmstest::MmsSourcePath("test/data/real-wap-pdus/flowstation-mxp600-connect-prefix.hex");
    NS_TEST_EXPECT_MSG_EQ(Run("--wtp --hex --json '" + mxp + "'", out), 1, out);
    NS_TEST_EXPECT_MSG_NE(out.find("{\"name\": \"Capability Header-Code-Pages\", \"value\": "
                                   "\"0x10 x-up-1\", \"offset\": 28}]}}], \"error\": {\"layer\": "
                                   "\"wsp\", \"offset\": 7, \"field\": \"HeadersLen\", "
                                   "\"message\": \"length 356 exceeds the 0 octets left after the "
                                   "capabilities\"}}\n"),
                          std::string::npos,
                          out);
    NS_TEST_EXPECT_MSG_NE(
        out.find("mms-pdu: malformed WSP PDU at offset 7 (HeadersLen)"), std::string::npos, out);

    // Concatenated WTP PDUs, the second cut: both listed, the error in the datagram.
    std::string cat = Write("cat.hex", "00 03 188001 02 0a00");
    NS_TEST_EXPECT_MSG_EQ(Run("--wtp --hex '" + cat + "'", out), 1, out);
    NS_TEST_EXPECT_MSG_EQ(out,
                          "WTP[1]-PDU-Type: Ack\nWTP[1]-CON: 0\nWTP[1]-Tve/Tok: 0\nWTP[1]-RID: 0\n"
                          "WTP[1]-TID: 1\nWTP[1]-TID-Response: 1\n"
                          "WTP[2]-PDU-Type: Invoke\nWTP[2]-CON: 0\nWTP[2]-GTR: 0\n"
                          "WTP[2]-TTR: 1\nWTP[2]-RID: 0\n"
                          "mms-pdu: malformed WTP PDU at offset 8 (TID): unexpected end of data\n",
                          "concatenation");

    // Connectionless WSP (TID first) carrying an M-Send.conf.
    std::string cl = Write("cl.hex", "2a 04 20 01 be 8c81 98 5400 8d92 9280");
    NS_TEST_EXPECT_MSG_EQ(Run("--wsp-connectionless --hex '" + cl + "'", out), 0, out);
    NS_TEST_EXPECT_MSG_EQ(out,
                          "WSP-TID: 42\nWSP-PDU-Type: Reply\nWSP-Status: 0x20 (200)\n"
                          "WSP-HeadersLen: 1\n"
                          "WSP-Content-Type: application/vnd.wap.mms-message\n"
                          "WSP-Data: 9 octets\n"
                          "X-Mms-Message-Type: m-send-conf\nX-Mms-Transaction-Id: T\n"
                          "X-Mms-MMS-Version: 1.2\nX-Mms-Response-Status: Ok\n",
                          "a connectionless Reply and the M-Send.conf in it");
    NS_TEST_EXPECT_MSG_EQ(Run("--wsp --hex '" + cl + "'", out), 1, out);
    NS_TEST_EXPECT_MSG_EQ(out,
                          "WSP-PDU-Type: Type-0x2a\n"
                          "mms-pdu: malformed WSP PDU at offset 0 (PDU-Type): PDU type 0x2a is "
                          "not assigned\n",
                          "the same octets read as connection-mode WSP");
}

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
