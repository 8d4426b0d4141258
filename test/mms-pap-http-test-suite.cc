/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PAP documents and the multipart/related submission; HTTP/1.1 framing and the incremental
// parser fed in arbitrary chunks.

#include "ns3/mms-http-message.h"
#include "ns3/mms-pap-message.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

using namespace ns3;

/// PAP push-message and push-response documents.
class PapDocumentTestCase : public TestCase
{
  public:
    PapDocumentTestCase()
        : TestCase("PAP documents are written and parsed back; errors have line numbers")
    {
    }

  private:
    void DoRun() override
    {
        int64_t t;
        NS_TEST_EXPECT_MSG_EQ(MmsPapFormatTime(0), "1970-01-01T00:00:00Z", "epoch");
        NS_TEST_EXPECT_MSG_EQ(MmsPapFormatTime(1795600800), "2026-11-25T10:00:00Z", "a date");
        NS_TEST_EXPECT_MSG_EQ(MmsPapParseTime("2026-11-25T10:00:00Z", t), true, "parse");
        NS_TEST_EXPECT_MSG_EQ(t, 1795600800, "parsed value");
        NS_TEST_EXPECT_MSG_EQ(MmsPapParseTime("2000-02-29T23:59:59Z", t)
                                  && MmsPapFormatTime(t) == "2000-02-29T23:59:59Z",
                              true,
                              "leap day round trip");
        NS_TEST_EXPECT_MSG_EQ(MmsPapParseTime("2026-13-01T00:00:00Z", t), false, "bad month");

        MmsPapPushMessage m;
        m.pushId = "mms-42@relay";
        m.addresses = {"WAPPUSH=+358401234567/TYPE=PLMN@ppg.example.net"};
        m.deliverBefore = 1795600800;
        m.sourceReference = "mms & more";
        m.priority = "high";
        m.deliveryMethod = "unconfirmed";
        m.network = "GSM";
        m.bearer = "SMS";
        std::string xml = m.ToXml();
        NS_TEST_EXPECT_MSG_NE(xml.find("<!DOCTYPE pap PUBLIC \"-//WAPFORUM//DTD PAP 2.0//EN\""),
                              std::string::npos,
                              "PAP 2.0 DOCTYPE");
        NS_TEST_EXPECT_MSG_NE(xml.find("deliver-before-timestamp=\"2026-11-25T10:00:00Z\""),
                              std::string::npos,
                              "timestamp attribute");
        NS_TEST_EXPECT_MSG_NE(
            xml.find("source-reference=\"mms &amp; more\""), std::string::npos, "escaped");
        MmsPapPushMessage back;
        std::string err;
        NS_TEST_ASSERT_MSG_EQ(MmsPapPushMessage::FromXml(xml, back, err), true, err);
        NS_TEST_EXPECT_MSG_EQ((back == m), true, "round trip");

        // A document written by hand, in another style (single quotes, comments, nesting).
        const std::string hand =
            "<?xml version='1.0'?>\n"
            "<!DOCTYPE pap PUBLIC '-//WAPFORUM//DTD PAP 1.0//EN' "
            "'http://www.wapforum.org/DTD/pap_1.0.dtd'>\n"
            "<pap>\n"
            "  <!-- a notification -->\n"
            "  <push-message push-id='p1' deliver-after-timestamp="
            "'2026-01-01T00:00:00Z'>\n"
            "    <address address-value='WAPPUSH=+1/TYPE=PLMN@ppg'></address>\n"
            "    <quality-of-service delivery-method='confirmed'/>\n"
            "  </push-message>\n"
            "</pap>\n";
        NS_TEST_ASSERT_MSG_EQ(MmsPapPushMessage::FromXml(hand, back, err), true, err);
        NS_TEST_EXPECT_MSG_EQ(back.pushId, "p1", "push-id");
        NS_TEST_EXPECT_MSG_EQ(back.deliverAfter, 1767225600, "deliver-after");
        NS_TEST_EXPECT_MSG_EQ(back.deliveryMethod, "confirmed", "qos");

        struct Bad
        {
            const char* xml;
            const char* error;
        };

        const Bad bad[] = {
            {"<pap>\n<push-message push-id='1'>\n<address address-value='a'/>\n</pap>",
             "line 4, column 1: expected '</push-message>'"},
            {"<pap>\n<push-message push-id=1/>\n</pap>",
             "line 2, column 23: attribute 'push-id' value must be quoted"},
            {"<pap><push-message push-id='1'><address address-value='a&b;'/></push-message></pap>",
             "line 1, column 56: unknown entity '&b;'"},
            {"<pap><push-message><address address-value='a'/></push-message></pap>",
             "line 1: push-message has no push-id"},
            {"<pap><push-message push-id='1'/></pap>", "line 1: push-message has no address"},
            {"<pap>\n<push-message push-id='1' deliver-before-timestamp='tomorrow'>"
             "<address address-value='a'/></push-message></pap>",
             "line 2: deliver-before-timestamp 'tomorrow' is not an ISO 8601 UTC time "
             "(YYYY-MM-DDThh:mm:ssZ)"},
            {"<ppa/>", "line 1: root element is 'ppa', expected 'pap'"},
        };
        for (const auto& b : bad)
        {
            NS_TEST_EXPECT_MSG_EQ(MmsPapPushMessage::FromXml(b.xml, back, err), false, b.xml);
            NS_TEST_EXPECT_MSG_EQ(err, b.error, b.xml);
        }

        MmsPapPushResponse r;
        r.pushId = "p1";
        r.senderAddress = "http://ppg.example.net/pap";
        r.replyTime = 1795600800;
        r.code = MmsPapCode::ACCEPTED_FOR_PROCESSING;
        MmsPapPushResponse rb;
        NS_TEST_ASSERT_MSG_EQ(MmsPapPushResponse::FromXml(r.ToXml(), rb, err), true, err);
        NS_TEST_EXPECT_MSG_EQ(rb.code, 1001, "code");
        NS_TEST_EXPECT_MSG_EQ(rb.description, "Accepted for Processing", "description");
        NS_TEST_EXPECT_MSG_EQ(rb.replyTime, r.replyTime, "reply time");
        NS_TEST_EXPECT_MSG_EQ(MmsPapPushResponse::FromXml(
                                  "<pap><push-response push-id='1'><response-result code='10x1'"
                                  "/></push-response></pap>",
                                  rb,
                                  err),
                              false,
                              "bad code");
        NS_TEST_EXPECT_MSG_EQ(
            err, "line 1: response-result code '10x1' is not a four-digit PAP code", "message");
    }
};

/// The multipart/related submission with binary content.
class PapRequestTestCase : public TestCase
{
  public:
    PapRequestTestCase()
        : TestCase("PAP multipart-related requests carry binary content intact")
    {
    }

  private:
    void DoRun() override
    {
        MmsPapRequest req;
        req.control.pushId = "p7";
        req.control.addresses = {"WAPPUSH=+1/TYPE=PLMN@ppg"};
        // Binary content including CR LF, NUL and the text of the first candidate boundary.
        std::string tricky = "\x8c\x82\r\n--mms-pap-boundary-0\r\n";
        req.content.assign(tricky.begin(), tricky.end());
        req.content.push_back(0);
        std::string boundary;
        std::vector<uint8_t> body = req.Encode(boundary);
        NS_TEST_EXPECT_MSG_EQ(boundary, "mms-pap-boundary-1", "boundary avoids the content");
        MmsPapRequest back;
        std::string err;
        NS_TEST_ASSERT_MSG_EQ(
            MmsPapRequest::Decode(req.GetHttpContentType(boundary), body, back, err), true, err);
        NS_TEST_EXPECT_MSG_EQ((back.content == req.content), true, "content intact");
        NS_TEST_EXPECT_MSG_EQ(back.contentType, "application/vnd.wap.mms-message", "type");
        NS_TEST_EXPECT_MSG_EQ((back.control == req.control), true, "control intact");
        NS_TEST_EXPECT_MSG_EQ(MmsPapRequest::Decode("text/plain", body, back, err), false, "type");
        body.resize(body.size() - 10);
        NS_TEST_EXPECT_MSG_EQ(
            MmsPapRequest::Decode(req.GetHttpContentType(boundary), body, back, err),
            false,
            "truncated");
        NS_TEST_EXPECT_MSG_NE(err.find("not terminated"), std::string::npos, err);
    }
};

/// HTTP/1.1 serialization and the incremental parser.
class HttpTestCase : public TestCase
{
  public:
    HttpTestCase()
        : TestCase("HTTP 1.1 messages serialize exactly and parse from any chunking")
    {
    }

  private:
    void DoRun() override
    {
        MmsHttpMessage post = MmsHttpMessage::Request("POST", "/mms");
        post.AddHeader("Host", "mmsc.example.net");
        post.AddHeader("Content-Type", "application/vnd.wap.mms-message");
        post.body = {0x8c, 0x80, 0x00, 0x0d, 0x0a};
        std::vector<uint8_t> bytes = post.Serialize();
        std::string expect = "POST /mms HTTP/1.1\r\nHost: mmsc.example.net\r\n"
                             "Content-Type: application/vnd.wap.mms-message\r\n"
                             "Content-Length: 5\r\n\r\n";
        NS_TEST_EXPECT_MSG_EQ(
            std::string(bytes.begin(), bytes.begin() + expect.size()), expect, "request head");
        NS_TEST_EXPECT_MSG_EQ(bytes.size(), expect.size() + 5, "with the body");
        NS_TEST_EXPECT_MSG_EQ(post.GetSerializedSize(), bytes.size(), "size");
        MmsHttpMessage get = MmsHttpMessage::Request("GET", "/mms/m1");
        NS_TEST_EXPECT_MSG_EQ(get.SerializeHead(), "GET /mms/m1 HTTP/1.1\r\n\r\n", "GET");
        MmsHttpMessage ok = MmsHttpMessage::Response(200, "OK");
        ok.bodyIsVirtual = true;
        ok.virtualBodySize = 300 * 1024;
        NS_TEST_EXPECT_MSG_EQ(
            ok.GetSerializedSize(),
            std::string("HTTP/1.1 200 OK\r\nContent-Length: 307200\r\n\r\n").size() + 307200,
            "virtual body size");
        // The size is counted, not serialized: it must agree with the head for every shape
        // (a GET without Content-Length, an explicit Content-Length that the head replaces, a
        // status of other width, an empty POST, headers with empty values, body runs).
        MmsHttpMessage withLength = post;
        withLength.AddHeader("content-length", "99");
        MmsHttpMessage busy = MmsHttpMessage::Response(503, "Service Unavailable");
        busy.AddHeader("Retry-After", "");
        MmsHttpMessage empty = MmsHttpMessage::Request("POST", "/");
        MmsHttpMessage runs = MmsHttpMessage::Response(1000, "X");
        runs.bodyRuns.push_back({{1, 2, 3}, 7});
        for (const MmsHttpMessage* m : {&post, &get, &ok, &withLength, &busy, &empty, &runs})
        {
            NS_TEST_EXPECT_MSG_EQ(m->GetSerializedSize(),
                                  m->SerializeHead().size() + m->GetBodySize(),
                                  "counted size of " << m->SerializeHead());
        }

        // Three pipelined requests, parsed from every chunking of random sizes.
        std::vector<uint8_t> stream = bytes;
        std::vector<uint8_t> g = get.Serialize();
        stream.insert(stream.end(), g.begin(), g.end());
        stream.insert(stream.end(), bytes.begin(), bytes.end());
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(1);
        Ptr<UniformRandomVariable> rng = CreateObject<UniformRandomVariable>();
        rng->SetStream(9);
        for (uint32_t trial = 0; trial < 500; ++trial)
        {
            MmsHttpParser p(true);
            std::size_t i = 0;
            while (i < stream.size())
            {
                std::size_t n = trial == 0 ? 1 : rng->GetInteger(1, 40);
                n = std::min(n, stream.size() - i);
                NS_TEST_ASSERT_MSG_EQ(p.Feed(stream.data() + i, n), true, p.Error());
                i += n;
            }
            std::vector<MmsHttpMessage> got;
            while (p.HasMessage())
            {
                got.push_back(p.PopMessage());
            }
            NS_TEST_ASSERT_MSG_EQ(got.size(), 3u, "three messages, trial " << trial);
            NS_TEST_EXPECT_MSG_EQ(
                got[0].method + got[1].method + got[2].method, "POSTGETPOST", "in order");
            NS_TEST_EXPECT_MSG_EQ((got[2].body == post.body), true, "body intact");
            NS_TEST_EXPECT_MSG_EQ(got[0].GetHeader("content-type"),
                                  "application/vnd.wap.mms-message",
                                  "case-insensitive header");
            NS_TEST_EXPECT_MSG_EQ(got[1].target, "/mms/m1", "target");
        }

        // A response whose body is virtual payload (a packet of zeros that is never read).
        MmsHttpParser client(false);
        client.SetKeepBody(false);
        std::string head = ok.SerializeHead();
        client.Feed(reinterpret_cast<const uint8_t*>(head.data()), head.size());
        NS_TEST_EXPECT_MSG_EQ(client.FeedVirtual(300 * 1024), true, client.Error());
        NS_TEST_ASSERT_MSG_EQ(client.HasMessage(), true, "response complete");
        NS_TEST_EXPECT_MSG_EQ(client.PopMessage().GetBodySize(), 300u * 1024, "virtual body");

        struct Bad
        {
            bool requests;
            const char* text;
            const char* error;
        };

        const Bad bad[] = {
            {true, "POST /mms\r\n\r\n", "offset 0: malformed request line 'POST /mms'"},
            {true,
             "GET / HTTP/1.1\r\nbad header\r\n\r\n",
             "offset 16: malformed header line 'bad header'"},
            {true,
             "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
             "offset 17: Transfer-Encoding 'chunked' is not supported (send Content-Length)"},
            {true,
             "POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n",
             "offset 0: body of 99999999 octets exceeds the limit of 4194304"},
            {true,
             "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
             "offset 17: bad Content-Length '-1'"},
            {false, "HTTP/1.1 2OO OK\r\n\r\n", "offset 0: malformed status line 'HTTP/1.1 2OO OK'"},
            {false,
             "HTTP/1.1 200 OK\r\n\r\n",
             "offset 0: response without Content-Length (close-delimited bodies are not "
             "supported)"},
            {true, "GET / HTTP/1.1\nHost: x\r\n\r\n", "offset 0: line does not end with CRLF"},
        };
        for (const auto& b : bad)
        {
            MmsHttpParser p(b.requests);
            std::string t = b.text;
            NS_TEST_EXPECT_MSG_EQ(
                p.Feed(reinterpret_cast<const uint8_t*>(t.data()), t.size()), false, t);
            NS_TEST_EXPECT_MSG_EQ(p.Error(), b.error, t);
        }
        MmsHttpParser small(true);
        small.SetMaxHeaderSize(64);
        std::string big = "GET / HTTP/1.1\r\nX: " + std::string(100, 'a') + "\r\n\r\n";
        NS_TEST_EXPECT_MSG_EQ(small.Feed(reinterpret_cast<const uint8_t*>(big.data()), big.size()),
                              false,
                              "head too large");
        NS_TEST_EXPECT_MSG_EQ(small.Error(), "offset 0: message head exceeds 64 octets", "limit");
    }
};

/// The suite.
class MmsPapHttpTestSuite : public TestSuite
{
  public:
    MmsPapHttpTestSuite()
        : TestSuite("mms-pap-http", Type::UNIT)
    {
        AddTestCase(new PapDocumentTestCase);
        AddTestCase(new PapRequestTestCase);
        AddTestCase(new HttpTestCase);
    }
};

static MmsPapHttpTestSuite g_mmsPapHttpTestSuite; //!< Static variable for test initialization
