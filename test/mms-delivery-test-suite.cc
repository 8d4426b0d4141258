/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// System tests of the MMS elements over ns-3 TCP/IP: the exact PDU sequence of each flow
// (immediate, deferred, rejected, expired, unreachable then back, oversized, storage full),
// re-notification times under each policy, To/Cc/Bcc delivery, and malformed input to every
// element (the specified error answer, and the element keeps serving).

#include "mms-test-world.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

using namespace ns3;
using mmstest::MmsWorld;

namespace
{
/// Deterministic timing: constant SMS delay, no SMS loss, short user delays.
void
Deterministic(MmsWorld& w)
{
    w.mms.SetSmscAttribute("DeliveryDelay", StringValue("ns3::ConstantRandomVariable[Constant=3]"));
    w.mms.SetSmscAttribute("LossProbability", DoubleValue(0));
    w.mms.SetUserAgentAttribute("DeferredDelay",
                                StringValue("ns3::ConstantRandomVariable[Constant=60]"));
    w.mms.SetUserAgentAttribute("ReadingDelay",
                                StringValue("ns3::ConstantRandomVariable[Constant=30]"));
}

void
SendAt(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}

MmsUserAgent::Message
To(const std::string& number, uint32_t size = 20000)
{
    MmsUserAgent::Message m;
    m.to = {number};
    m.contentSize = size;
    return m;
}

using mmstest::Join;

std::string
Status(uint8_t field, uint8_t value)
{
    return MmsPdu::FormatValue(MmsHeaderField::Octet(field, value));
}

/// Lines to or from handsets: the MM1 side of the ladder.
std::vector<std::string>
Mm1(const MmsWorld& w)
{
    return w.Filter({"UA"});
}
} // namespace

/// The HTTP lines a WAP 1.x handset's request makes: the gateway's, to and from the Relay.
std::vector<std::string>
ThroughGateway(const std::vector<std::string>& lines)
{
    std::vector<std::string> out;
    for (std::string l : lines)
    {
        for (const char* ua : {"UA0", "UA1"})
        {
            const std::string from = std::string(ua) + ">Relay";
            const std::string to = std::string("Relay>") + ua;
            if (l.compare(0, from.size(), from) == 0)
            {
                l = "WAPGW>Relay" + l.substr(from.size());
            }
            else if (l.compare(0, to.size(), to) == 0)
            {
                l = "Relay>WAPGW" + l.substr(to.size());
            }
        }
        out.push_back(l);
    }
    return out;
}

/// One flow, checked against its exact PDU sequence on the handsets' side; with WAP 1.x
/// handsets, against the same sequence with the requests the gateway makes for them.
class MmsFlowTestCase : public TestCase
{
  public:
    enum Flow
    {
        IMMEDIATE,
        DEFERRED,
        REJECTED,
        EXPIRED,
        UNREACHABLE_THEN_BACK,
        OVERSIZED,
        STORAGE_FULL,
        IP_PUSH,
    };

    MmsFlowTestCase(Flow flow, const std::string& name, bool wap = false)
        : TestCase((wap ? "flow, WAP 1.x handsets: " : "flow: ") + name)
        , m_flow(flow)
        , m_wap(wap)
    {
    }

  private:
    void DoRun() override
    {
        MmsWorld w(2);
        Deterministic(w);
        w.wap = m_wap;
        MmsUserAgent::Message m = To(w.mms.GetMsisdn(1));
        if (m_flow == DEFERRED)
        {
            w.mms.SetUserAgentAttribute("RetrievalMode", StringValue("Deferred"));
        }
        if (m_flow == REJECTED)
        {
            w.mms.SetUserAgentAttribute("RejectProbability", DoubleValue(1.0));
            m.deliveryReport = true;
        }
        if (m_flow == EXPIRED)
        {
            m.expiry = Seconds(600);
            m.deliveryReport = true;
        }
        if (m_flow == UNREACHABLE_THEN_BACK)
        {
            m.deliveryReport = true;
        }
        if (m_flow == OVERSIZED)
        {
            // Above the Relay's 300 KiB; a WAP 1.x handset's Post of it is 236 WTP packets
            // (SegmentSize 1400), within the 256 a segmented Invoke can carry.
            m.contentSize = m_wap ? 330000 : 400000;
        }
        if (m_flow == STORAGE_FULL)
        {
            w.mms.SetServerAttribute("Capacity", UintegerValue(10000));
            Ptr<MmsRetryPolicy> p = CreateObject<MmsRetryPolicy>();
            p->SetAttribute("Kind", StringValue("Table"));
            p->SetAttribute("Table", StringValue("0s,1min"));
            p->SetAttribute("MaxAttempts", UintegerValue(2));
            w.mms.SetUserAgentAttribute("RetryPolicy", PointerValue(p));
        }
        if (m_flow == IP_PUSH)
        {
            w.mms.SetPpgAttribute("Bearer", StringValue("Udp"));
        }
        w.Install();
        if (m_flow == EXPIRED)
        {
            w.Ua(1)->ScheduleOffPeriod(Seconds(0.5), Seconds(5000));
        }
        if (m_flow == UNREACHABLE_THEN_BACK)
        {
            w.Ua(1)->ScheduleOffPeriod(Seconds(0.5), Seconds(900));
        }
        Simulator::Schedule(Seconds(1), &SendAt, w.Ua(0), m);
        Simulator::Stop(Seconds(m_flow == EXPIRED ? 2000 : 1500));
        Simulator::Run();

        const MmsRelay::Counters& c = w.mms.GetRelay()->GetCounters();
        std::vector<std::string> mm1 = Mm1(w);
        if (m_wap)
        {
            // The handsets' MM1 requests go as WSP over WTP to the gateway, which makes them
            // HTTP requests to the Relay; SMS and pushes reach the handsets as before.
            std::vector<std::string> wtp = w.Filter({"UA0>WAPGW", "UA1>WAPGW"});
            NS_TEST_EXPECT_MSG_GT(wtp.size(), 0u, "WTP from the handsets" << w.Dump());
            NS_TEST_EXPECT_MSG_EQ(w.Filter({"UA0>Relay", "UA1>Relay"}).size(),
                                  0u,
                                  "no handset speaks HTTP to the Relay" << w.Dump());
            mm1.clear();
            for (const auto& l : w.ladder)
            {
                if (l.find("WAPGW>Relay") == 0 || l.find("Relay>WAPGW") == 0
                    || (l.find("UA") == 0 && l.find(">SMSC") != std::string::npos)
                    || l.find("SMSC>UA") == 0 || l.find("PPG>UA") == 0)
                {
                    mm1.push_back(l);
                }
            }
        }
        std::string ok = Status(MmsField::RESPONSE_STATUS, MmsValue::RESPONSE_OK);
        std::vector<std::string> expected;
        switch (m_flow)
        {
            case IMMEDIATE:
                expected = {"UA0>Relay m-send-req",
                            "Relay>UA0 m-send-conf " + ok,
                            "SMSC>UA1 SMS-DELIVER 1/1",
                            "UA1>SMSC RP-ACK",
                            "UA1>Relay GET Content-Location",
                            "Relay>UA1 m-retrieve-conf",
                            "UA1>Relay m-notifyresp-ind Retrieved",
                            "Relay>UA1 204"};
                NS_TEST_EXPECT_MSG_EQ(c.retrieved, 1u, "retrieved");
                // Behind the Relay: store, PAP, SMS submission, fetch, delete.
                NS_TEST_EXPECT_MSG_EQ(Join(w.Filter({"Server", "PPG"})),
                                      Join({"Relay>Server PUT /store",
                                            "Server>Relay 201",
                                            "Relay>PPG PAP m-notification-ind",
                                            "PPG>Relay PAP 1001",
                                            "PPG>SMSC POST /sms",
                                            "SMSC>PPG 202",
                                            "Relay>Server GET /store",
                                            "Server>Relay m-send-req",
                                            "Relay>Server DELETE /store",
                                            "Server>Relay 204"}),
                                      "Relay, Server, PPG and SMSC exchanges" << w.Dump());
                NS_TEST_EXPECT_MSG_EQ(w.mms.GetServer()->GetStoredMessages(), 0u, "deleted");
                break;
            case IP_PUSH:
                expected = {"UA0>Relay m-send-req",
                            "Relay>UA0 m-send-conf " + ok,
                            "PPG>UA1 Push m-notification-ind",
                            "UA1>Relay GET Content-Location",
                            "Relay>UA1 m-retrieve-conf",
                            "UA1>Relay m-notifyresp-ind Retrieved",
                            "Relay>UA1 204"};
                NS_TEST_EXPECT_MSG_EQ(c.retrieved, 1u, "retrieved");
                break;
            case DEFERRED:
                expected = {"UA0>Relay m-send-req",
                            "Relay>UA0 m-send-conf " + ok,
                            "SMSC>UA1 SMS-DELIVER 1/1",
                            "UA1>SMSC RP-ACK",
                            "UA1>Relay m-notifyresp-ind Deferred",
                            "Relay>UA1 204",
                            "UA1>Relay GET Content-Location",
                            "Relay>UA1 m-retrieve-conf",
                            "UA1>Relay m-acknowledge-ind",
                            "Relay>UA1 204"};
                NS_TEST_EXPECT_MSG_EQ(c.retrieved, 1u, "retrieved");
                break;
            case REJECTED:
                expected = {"UA0>Relay m-send-req",
                            "Relay>UA0 m-send-conf " + ok,
                            "SMSC>UA1 SMS-DELIVER 1/1",
                            "UA1>SMSC RP-ACK",
                            "UA1>Relay m-notifyresp-ind Rejected",
                            "Relay>UA1 204",
                            "SMSC>UA0 SMS-DELIVER 1/1",
                            "UA0>SMSC RP-ACK"};
                NS_TEST_EXPECT_MSG_EQ(c.rejected, 1u, "rejected");
                NS_TEST_EXPECT_MSG_EQ(
                    w.Ua(0)->GetCounters().deliveryReports, 1u, "report Rejected");
                NS_TEST_EXPECT_MSG_EQ(w.Filter({"PAP m-delivery-ind Rejected"}).size(),
                                      1u,
                                      "M-Delivery.ind Rejected" << w.Dump());
                break;
            case EXPIRED:
            {
                // Notified at 2 s and 302 s (the third, at 902 s, would come after the 600 s
                // expiry); no SMS acknowledged; the Relay expires it at 602 s, reports Expired.
                NS_TEST_EXPECT_MSG_EQ(c.expired, 1u, "expired");
                NS_TEST_EXPECT_MSG_EQ(c.notifications, 2u, "notifications before the expiry");
                auto reports = w.Filter({"PAP m-delivery-ind"});
                NS_TEST_EXPECT_MSG_EQ(Join(reports),
                                      Join({"Relay>PPG PAP m-delivery-ind Expired"}),
                                      "one report, Expired");
                NS_TEST_EXPECT_MSG_EQ(w.Ua(0)->GetCounters().deliveryReports, 1u, "received");
                NS_TEST_EXPECT_MSG_EQ(
                    w.Ua(1)->GetCounters().smsReceived, 0u, "nothing reached UA1");
                NS_TEST_EXPECT_MSG_EQ(
                    w.mms.GetServer()->GetStoredMessages(), 0u, "dropped at expiry");
                expected = mm1; // the sequence is checked by the lines above
                break;
            }
            case UNREACHABLE_THEN_BACK:
            {
                NS_TEST_EXPECT_MSG_EQ(c.retrieved, 1u, "retrieved once back");
                NS_TEST_EXPECT_MSG_EQ(w.Ua(1)->GetCounters().retrieved, 1u, "UA1 has it");
                // Nothing reached UA1 while it was off.
                for (std::size_t i = 0; i < w.ladder.size(); ++i)
                {
                    if (w.ladder[i].find("UA1>") == 0)
                    {
                        NS_TEST_EXPECT_MSG_GT(
                            w.times[i], 900.5, "UA1 silent while off: " << w.ladder[i]);
                    }
                }
                expected = mm1;
                NS_TEST_EXPECT_MSG_EQ(w.Filter({"PAP m-delivery-ind Retrieved"}).size(),
                                      1u,
                                      "report Retrieved" << w.Dump());
                break;
            }
            case OVERSIZED:
                expected = {"UA0>Relay m-send-req",
                            "Relay>UA0 m-send-conf "
                                + Status(MmsField::RESPONSE_STATUS,
                                         MmsValue::RESPONSE_PERMANENT_CONTENT_NOT_ACCEPTED)};
                NS_TEST_EXPECT_MSG_EQ(c.recipients, 0u, "nobody notified");
                NS_TEST_EXPECT_MSG_EQ(w.Ua(0)->GetCounters().submitRejected, 1u, "UA0 told");
                break;
            case STORAGE_FULL:
            {
                std::string full =
                    "Relay>UA0 m-send-conf "
                    + Status(MmsField::RESPONSE_STATUS, MmsValue::RESPONSE_TRANSIENT_FAILURE);
                expected = {"UA0>Relay m-send-req", full, "UA0>Relay m-send-req", full};
                NS_TEST_EXPECT_MSG_EQ(w.Ua(0)->GetCounters().failedTransactions,
                                      1u,
                                      "given up after the second attempt");
                NS_TEST_EXPECT_MSG_EQ(c.recipients, 0u, "nobody notified");
                break;
            }
        }
        if (m_wap && m_flow != EXPIRED && m_flow != UNREACHABLE_THEN_BACK)
        {
            expected = ThroughGateway(expected);
        }
        NS_TEST_EXPECT_MSG_EQ(Join(mm1), Join(expected), "handset-side sequence" << w.Dump());
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetPendingRecipients(), 0u, "nothing pending");
    }

    Flow m_flow;
    bool m_wap; //!< WAP 1.x handsets behind a WAP gateway
};

/// Re-notification times follow the configured policy exactly.
/// The engines name what they send without the transport decoding it: every request's label,
/// as its element gave it, is what decoding the request yields.
class MmsRequestLabelTestCase : public TestCase
{
  public:
    MmsRequestLabelTestCase(bool deferred)
        : TestCase(std::string("labels: the elements name their requests as decoding them does (")
                   + (deferred ? "deferred" : "immediate") + " retrieval, reports)")
        , m_deferred(deferred)
    {
    }

  private:
    void DoRun() override
    {
        MmsWorld w(2);
        Deterministic(w);
        w.mms.SetUserAgentAttribute("ReadReportProbability", DoubleValue(1.0));
        if (m_deferred)
        {
            w.mms.SetUserAgentAttribute("RetrievalMode", StringValue("Deferred"));
        }
        w.Install();
        MmsUserAgent::Message m = To(w.mms.GetMsisdn(1));
        m.deliveryReport = true;
        m.readReport = true;
        Simulator::Schedule(Seconds(1), &SendAt, w.Ua(0), m);
        Simulator::Stop(Seconds(1500));
        Simulator::Run();

        std::vector<std::string> decoded = w.decodedLabels;
        std::vector<std::string> given = w.givenLabels;
        std::sort(decoded.begin(), decoded.end());
        std::sort(given.begin(), given.end());
        NS_TEST_EXPECT_MSG_EQ(Join(given), Join(decoded), "labels given vs decoded");
        std::string all = Join(given);
        // Requests without an MMS PDU name their message: a PAP push by its push-id, a
        // store request by the Message-ID, a retrieval by the Content-Location's id.
        for (const char* type : {"UA0 m-send-req [",
                                 "Relay PUT /store [",
                                 "Relay PAP m-notification-ind [M00000001/0/n1]",
                                 "Relay PAP m-delivery-ind Retrieved [M00000001/0/d129]",
                                 "Relay PAP m-read-orig-ind [M00000001/0/r0]",
                                 "Relay DELETE /store [M00000001]",
                                 "PPG POST /sms [M00000001/0/",
                                 "UA1 GET Content-Location [M00000001/0]",
                                 "Relay GET /store [M00000001]",
                                 "UA1 m-read-rec-ind [M00000001]"})
        {
            NS_TEST_EXPECT_MSG_NE(all.find(type), std::string::npos, type << " in" << all);
        }
        const char* ack =
            m_deferred ? "UA1 m-acknowledge-ind [" : "UA1 m-notifyresp-ind Retrieved [";
        NS_TEST_EXPECT_MSG_NE(all.find(ack), std::string::npos, ack << " in" << all);
    }

    bool m_deferred;
};

class MmsRenotifyTestCase : public TestCase
{
  public:
    MmsRenotifyTestCase(const std::string& kind,
                        const std::string& table,
                        double interval,
                        uint32_t attempts,
                        std::vector<double> expected)
        : TestCase("re-notification follows the " + kind + " policy")
        , m_kind(kind)
        , m_table(table)
        , m_interval(interval)
        , m_attempts(attempts)
        , m_expected(std::move(expected))
    {
    }

  private:
    static void Record(std::vector<double>* out, const MmsEvent&)
    {
        out->push_back(Simulator::Now().GetSeconds());
    }

    void DoRun() override
    {
        MmsWorld w(2);
        Deterministic(w);
        Ptr<MmsRetryPolicy> p = CreateObject<MmsRetryPolicy>();
        p->SetAttribute("Kind", StringValue(m_kind));
        p->SetAttribute("Interval", TimeValue(Seconds(m_interval)));
        if (!m_table.empty())
        {
            p->SetAttribute("Table", StringValue(m_table));
        }
        p->SetAttribute("MaxAttempts", UintegerValue(m_attempts));
        w.mms.SetRelayAttribute("NotificationPolicy", PointerValue(p));
        w.Install();
        w.Ua(1)->ScheduleOffPeriod(Seconds(0.5), Seconds(100000)); // never answers
        std::vector<double> times;
        w.mms.GetRelay()->TraceConnectWithoutContext("NotificationQueued",
                                                     MakeBoundCallback(&Record, &times));
        Simulator::Schedule(Seconds(1), &SendAt, w.Ua(0), To(w.mms.GetMsisdn(1)));
        Simulator::Stop(Seconds(20000));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(times.size(), m_expected.size(), "number of notifications");
        for (std::size_t i = 1; i < times.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(times[i] - times[0],
                                      m_expected[i],
                                      1e-9,
                                      "notification " << i + 1 << " after the first");
        }
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetCounters().expired, 0u, "72 h not reached");
    }

    std::string m_kind;
    std::string m_table;
    double m_interval;
    uint32_t m_attempts;
    std::vector<double> m_expected;
};

/// A message with To, Cc and Bcc recipients reaches all of them; Bcc stays hidden.
class MmsRecipientsTestCase : public TestCase
{
  public:
    MmsRecipientsTestCase()
        : TestCase("To, Cc and Bcc recipients all retrieve; Bcc is not shown to them")
    {
    }

  private:
    static void OnRelayTx(std::vector<MmsPdu>* out, const MmsHttpMessage& m, const Address&)
    {
        MmsPdu pdu;
        std::string e;
        if (!m.isRequest && MmsHttp::DecodeMmsBody(m, pdu, e)
            && pdu.GetMessageType() == static_cast<uint8_t>(MmsMessageType::RETRIEVE_CONF))
        {
            out->push_back(pdu);
        }
    }

    void DoRun() override
    {
        MmsWorld w(4);
        Deterministic(w);
        w.Install();
        std::vector<MmsPdu> confs;
        DynamicCast<MmsSocketTransport>(w.mms.GetRelay()->GetTransport())
            ->TraceConnectWithoutContext("HttpTx", MakeBoundCallback(&OnRelayTx, &confs));
        MmsUserAgent::Message m = To(w.mms.GetMsisdn(1));
        m.cc = {w.mms.GetMsisdn(2)};
        m.bcc = {w.mms.GetMsisdn(3)};
        Simulator::Schedule(Seconds(1), &SendAt, w.Ua(0), m);
        Simulator::Stop(Seconds(600));
        Simulator::Run();
        for (uint32_t i = 1; i <= 3; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(w.Ua(i)->GetCounters().retrieved, 1u, "UA" << i << w.Dump());
        }
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetCounters().retrieved, 3u, "three pairs");
        NS_TEST_ASSERT_MSG_EQ(confs.size(), 3u, "three M-Retrieve.conf");
        for (const auto& c : confs)
        {
            NS_TEST_EXPECT_MSG_EQ(c.HasField(MmsField::BCC), false, "no Bcc in M-Retrieve.conf");
            NS_TEST_EXPECT_MSG_EQ(c.GetAddresses(MmsField::CC).size(), 1u, "Cc shown");
            NS_TEST_EXPECT_MSG_EQ(c.GetAddresses(MmsField::TO).size(), 1u, "To shown");
        }
    }
};

/// Malformed input to every element gets the specified answer and the element keeps serving.
class MmsMalformedTestCase : public TestCase
{
  public:
    MmsMalformedTestCase()
        : TestCase("malformed input to every element: error answers, service goes on")
    {
    }

  private:
    struct Answer
    {
        std::string what;
        bool ok{false};
        MmsHttpMessage response;
    };

    static void OnResponse(std::vector<Answer>* out,
                           uint64_t cookie,
                           bool ok,
                           const MmsHttpMessage& r,
                           const std::string&)
    {
        (*out)[cookie].ok = ok;
        (*out)[cookie].response = r;
    }

    static void Post(Ptr<MmsSocketTransport> t,
                     std::vector<Answer>* answers,
                     Address to,
                     MmsHttpMessage m,
                     std::string what)
    {
        answers->push_back(Answer{what, false, MmsHttpMessage()});
        t->Request(to, m, {what, ""}, MakeBoundCallback(&OnResponse, answers), answers->size() - 1);
    }

    static void Datagram(Ptr<MmsSocketTransport> t, Address to, std::vector<uint8_t> d)
    {
        t->SendDatagram(7777, to, d);
    }

    void DoRun() override
    {
        MmsWorld w(3); // UA2's node hosts the attacker
        Deterministic(w);
        w.Install();
        Ptr<MmsSocketTransport> bad = CreateObject<MmsSocketTransport>();
        bad->SetNode(w.handsets.Get(2));
        std::vector<Answer> answers;
        answers.reserve(16);
        auto at = [&](Ptr<Node> n, uint16_t port)
        {
            return InetSocketAddress(MmsNetworkHelper::GetAddress(n), port);
        };
        Address relay = at(w.net.GetRelayNode(), 80);
        Address ppg = at(w.net.GetPpgNode(), 8080);
        Address smsc = at(w.net.GetSmscNode(), 13013);
        Address server = at(w.net.GetServerNode(), 8002);

        MmsHttpMessage corrupt = MmsHttpMessage::Request("POST", "/mms");
        corrupt.AddHeader("Content-Type", MmsHttp::MMS_CONTENT_TYPE);
        corrupt.body = {0x8C, 0x80, 0x98, 'a', 'b'}; // M-Send.req, unterminated transaction id
        Simulator::Schedule(Seconds(1), &Post, bad, &answers, relay, corrupt, "relay: corrupt PDU");
        MmsHttpMessage framing = MmsHttpMessage::Request("P O S T", "/mms");
        Simulator::Schedule(Seconds(1), &Post, bad, &answers, relay, framing, "relay: bad HTTP");
        MmsHttpMessage pap = MmsHttpMessage::Request("POST", "/wappush");
        pap.AddHeader("Content-Type", "multipart/related; boundary=xyz; type=application/xml");
        std::string junk = "--xyz\r\nContent-Type: application/xml\r\n\r\n<pap><push-message";
        pap.body.assign(junk.begin(), junk.end());
        Simulator::Schedule(Seconds(1), &Post, bad, &answers, ppg, pap, "ppg: bad PAP");
        MmsHttpMessage sms = MmsHttpMessage::Request("POST", "/sms");
        sms.body = {0x41, 0x00, 0x0B, 0x91};
        Simulator::Schedule(Seconds(1), &Post, bad, &answers, smsc, sms, "smsc: bad TPDU");
        MmsHttpMessage put = MmsHttpMessage::Request("PUT", "/store/X1");
        put.body = {0x01, 0x02, 0x03};
        Simulator::Schedule(Seconds(1), &Post, bad, &answers, server, put, "server: bad MM");
        Address uaPush = at(w.handsets.Get(1), 2948);
        Address uaSms = at(w.handsets.Get(1), 9292);
        Simulator::Schedule(Seconds(1), &Datagram, bad, uaPush, std::vector<uint8_t>{1, 6, 9, 9});
        Simulator::Schedule(Seconds(1),
                            &Datagram,
                            bad,
                            uaSms,
                            std::vector<uint8_t>{MmsSmsc::RP_DATA_TO_MS, 7, 0x04, 0x30});
        // Then a normal message goes through.
        Simulator::Schedule(Seconds(5), &SendAt, w.Ua(0), To(w.mms.GetMsisdn(1)));
        Simulator::Stop(Seconds(600));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(answers.size(), 5u, "five requests");
        for (const auto& a : answers)
        {
            NS_TEST_EXPECT_MSG_EQ(a.ok, true, a.what << ": answered");
        }
        MmsPdu conf;
        std::string e;
        NS_TEST_EXPECT_MSG_EQ(
            MmsHttp::DecodeMmsBody(answers[0].response, conf, e), true, "M-Send.conf: " << e);
        NS_TEST_EXPECT_MSG_EQ(unsigned(conf.GetOctet(MmsField::RESPONSE_STATUS)),
                              unsigned(MmsValue::RESPONSE_PERMANENT_MESSAGE_FORMAT_CORRUPT),
                              "Error-permanent-message-format-corrupt");
        NS_TEST_EXPECT_MSG_EQ(answers[1].response.status, 400, "bad framing: 400");
        MmsPapPushResponse pr;
        std::string xml(answers[2].response.body.begin(), answers[2].response.body.end());
        NS_TEST_EXPECT_MSG_EQ(MmsPapPushResponse::FromXml(xml, pr, e), true, "push-response " << e);
        NS_TEST_EXPECT_MSG_EQ(pr.code, MmsPapCode::BAD_REQUEST, "PAP 2000");
        NS_TEST_EXPECT_MSG_EQ(answers[2].response.status, 400, "PAP: HTTP 400");
        NS_TEST_EXPECT_MSG_EQ(answers[3].response.status, 400, "SMSC: 400");
        std::string why(answers[3].response.body.begin(), answers[3].response.body.end());
        NS_TEST_EXPECT_MSG_NE(why.find("TP-DA"), std::string::npos, "names the field: " << why);
        NS_TEST_EXPECT_MSG_EQ(answers[4].response.status, 400, "Server: 400");
        NS_TEST_EXPECT_MSG_EQ(w.Filter({"UA1>UA2 RP-ERROR"}).size(),
                              1u,
                              "the handset answers an unreadable SMS with RP-ERROR" << w.Dump());
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetCounters().refused, 1u, "counted");
        NS_TEST_EXPECT_MSG_EQ(w.Ua(1)->GetCounters().retrieved, 1u, "service goes on");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetCounters().retrieved, 1u, "and completes");
        bad->Dispose();
    }
};

/// The system suite.
class MmsDeliveryTestSuite : public TestSuite
{
  public:
    MmsDeliveryTestSuite()
        : TestSuite("mms-delivery", Type::SYSTEM)
    {
        AddTestCase(new MmsFlowTestCase(MmsFlowTestCase::IMMEDIATE, "immediate"));
        AddTestCase(new MmsFlowTestCase(MmsFlowTestCase::DEFERRED, "deferred"));
        AddTestCase(new MmsFlowTestCase(MmsFlowTestCase::REJECTED, "rejected"));
        AddTestCase(new MmsFlowTestCase(MmsFlowTestCase::EXPIRED, "expired"));
        AddTestCase(
            new MmsFlowTestCase(MmsFlowTestCase::UNREACHABLE_THEN_BACK, "unreachable then back"));
        AddTestCase(new MmsFlowTestCase(MmsFlowTestCase::OVERSIZED, "oversized"));
        AddTestCase(new MmsFlowTestCase(MmsFlowTestCase::STORAGE_FULL, "storage full"));
        AddTestCase(new MmsFlowTestCase(MmsFlowTestCase::IP_PUSH, "IP push"));
        // The same flows with WAP 1.x handsets.
        for (auto [flow, name] : std::vector<std::pair<MmsFlowTestCase::Flow, const char*>>{
                 {MmsFlowTestCase::IMMEDIATE, "immediate"},
                 {MmsFlowTestCase::DEFERRED, "deferred"},
                 {MmsFlowTestCase::REJECTED, "rejected"},
                 {MmsFlowTestCase::EXPIRED, "expired"},
                 {MmsFlowTestCase::UNREACHABLE_THEN_BACK, "unreachable then back"},
                 {MmsFlowTestCase::OVERSIZED, "oversized"},
                 {MmsFlowTestCase::STORAGE_FULL, "storage full"},
                 {MmsFlowTestCase::IP_PUSH, "IP push"}})
        {
            AddTestCase(new MmsFlowTestCase(flow, name, true));
        }
        // Linear 300 s x n (Mbuni): attempts at +300, +900, +1800, +3000 s.
        AddTestCase(new MmsRenotifyTestCase("Linear", "", 300, 5, {0, 300, 900, 1800, 3000}));
        AddTestCase(new MmsRenotifyTestCase("Fixed", "", 120, 4, {0, 120, 240, 360}));
        AddTestCase(new MmsRenotifyTestCase("Table", "0s,30s,2min", 0, 4, {0, 30, 150, 270}));
        AddTestCase(new MmsRequestLabelTestCase(false));
        AddTestCase(new MmsRequestLabelTestCase(true));
        AddTestCase(new MmsRecipientsTestCase);
        AddTestCase(new MmsMalformedTestCase);
    }
};

static MmsDeliveryTestSuite g_mmsDeliveryTestSuite;
