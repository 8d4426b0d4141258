/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// MM4 between two operators over ns-3 TCP: two MMSEs ("red" and "blue", each with its Relay,
// Server, PPG and SMSC) behind one gateway. Off-net messages go Relay to Relay over SMTP with
// their delivery and read reports back; unknown numbers, 5xx, 4xx then success, a receiving
// Relay down then up, expiry while queued; conservation of (message, recipient) pairs across
// the two Relays under random traffic.

#include "mms-test-data.h"
#include "mms-test-world.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/mms-relay-mm7.h"
#include "ns3/mms-smtp-connection.h"
#include "ns3/mms-sqlite-recorder.h"
#include "ns3/mms-sqlite.h"
#include "ns3/mms-vasp.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <sstream>
#include <sys/resource.h>
#include <vector>

using namespace ns3;

namespace
{
const std::string RANGES = "red=+447700900001-+447700909999;blue=+447800900001-+447800909999";

/// Deterministic timing for one MMSE: constant SMS delay, no loss, fixed user delays.
void
Deterministic(MmsHelper& h)
{
    h.SetSmscAttribute("DeliveryDelay", StringValue("ns3::ConstantRandomVariable[Constant=3]"));
    h.SetSmscAttribute("LossProbability", DoubleValue(0));
    h.SetUserAgentAttribute("DeferredDelay",
                            StringValue("ns3::ConstantRandomVariable[Constant=60]"));
    h.SetUserAgentAttribute("ReadingDelay",
                            StringValue("ns3::ConstantRandomVariable[Constant=30]"));
}

/// Two operators behind one gateway: red (the network helper's core) and blue (four more
/// nodes linked to the gateway). Red numbers +4477009000xx, blue +4478009000xx.
class TwoOperators
{
  public:
    TwoOperators(uint32_t nRed, uint32_t nBlue)
    {
        net.CreateCore(true);
        redHandsets = net.CreateHandsets(nRed);
        blueHandsets = net.CreateHandsets(nBlue);
        blueCore.Create(4);
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(blueCore);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        p2p.SetChannelAttribute("Delay", StringValue("5ms")); // the inter-operator link
        Ipv4AddressHelper addresses("10.128.0.0", "255.255.255.252");
        Ptr<Node> gw = net.GetGateway();
        for (uint32_t i = 0; i < blueCore.GetN(); ++i)
        {
            NetDeviceContainer d = p2p.Install(blueCore.Get(i), gw);
            Ipv4InterfaceContainer ifs = addresses.Assign(d);
            addresses.NewNetwork();
            Ipv4StaticRoutingHelper routing;
            Ptr<Ipv4> ipv4 = blueCore.Get(i)->GetObject<Ipv4>();
            routing.GetStaticRouting(ipv4)->SetDefaultRoute(ifs.GetAddress(1),
                                                            ipv4->GetInterfaceForDevice(d.Get(0)));
        }
        red.SetRelayAttribute("MessageIdPrefix", StringValue("R"));
        blue.SetRelayAttribute("MessageIdPrefix", StringValue("B"));
        blue.SetFirstMsisdn("+447800900001");
        Deterministic(red);
        Deterministic(blue);
    }

    ~TwoOperators()
    {
        Simulator::Destroy();
    }

    /// Install both MMSEs and turn MM4 on in both Relays.
    void Install()
    {
        red.InstallCore(
            net.GetRelayNode(), net.GetServerNode(), net.GetPpgNode(), net.GetSmscNode());
        redUas = red.InstallUserAgents(redHandsets);
        blue.InstallCore(blueCore.Get(0), blueCore.Get(1), blueCore.Get(2), blueCore.Get(3));
        blueUas = blue.InstallUserAgents(blueHandsets);
        red.AssignStreams(1);
        blue.AssignStreams(5001);
        Configure(Red(), "red", "blue", blueCore.Get(0));
        Configure(Blue(), "blue", "red", net.GetRelayNode());
    }

    Ptr<MmsRelay> Red() const
    {
        return red.GetRelay();
    }

    Ptr<MmsRelay> Blue() const
    {
        return blue.GetRelay();
    }

    Ptr<MmsUserAgent> RedUa(uint32_t i) const
    {
        return DynamicCast<MmsUserAgent>(redUas.Get(i));
    }

    Ptr<MmsUserAgent> BlueUa(uint32_t i) const
    {
        return DynamicCast<MmsUserAgent>(blueUas.Get(i));
    }

    std::string Dump() const
    {
        std::ostringstream os;
        for (const auto& m : mails)
        {
            os << "\n  " << m.time << " " << m.route << " " << m.type << " " << m.code;
        }
        return os.str();
    }

    /// One MM4 mail attempt, as the sending agent's MailDone trace reported it.
    struct Mail
    {
        double time;       //!< when it ended (s)
        std::string route; //!< "red>blue"
        std::string type;  //!< X-Mms-Message-Type
        std::string code;  //!< the SMTP reply code
    };

    /// The mails of one X-Mms-Message-Type (all if "").
    std::vector<Mail> Mails(const std::string& type = "") const
    {
        std::vector<Mail> out;
        for (const auto& m : mails)
        {
            if (type.empty() || m.type == type)
            {
                out.push_back(m);
            }
        }
        return out;
    }

    MmsNetworkHelper net;
    MmsHelper red;
    MmsHelper blue;
    NodeContainer redHandsets;
    NodeContainer blueHandsets;
    NodeContainer blueCore;
    ApplicationContainer redUas;
    ApplicationContainer blueUas;
    std::vector<Mail> mails; //!< every MM4 mail attempt, in order

  private:
    static void OnMail(TwoOperators* w,
                       std::string self,
                       const std::string& peer,
                       const std::string& type,
                       int code,
                       const std::string&)
    {
        w->mails.push_back(
            {Simulator::Now().GetSeconds(), self + ">" + peer, type, std::to_string(code)});
    }

    void Configure(Ptr<MmsRelay> relay,
                   const std::string& self,
                   const std::string& peer,
                   Ptr<Node> at)
    {
        Ptr<MmsRelayMm4Agent> a = relay->GetMm4();
        a->SetAttribute("Operator", StringValue(self));
        a->SetAttribute("NumberRanges", StringValue(RANGES));
        a->AddPeer(peer, InetSocketAddress(MmsNetworkHelper::GetAddress(at), 0));
        a->TraceConnectWithoutContext("MailDone", MakeBoundCallback(&OnMail, this, self));
    }
};

void
SendAt(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}

MmsUserAgent::Message
To(const std::string& number)
{
    MmsUserAgent::Message m;
    m.to = {number};
    m.contentSize = 20000;
    return m;
}

void
Count(uint32_t* n, const MmsEvent&)
{
    ++*n;
}
} // namespace

/// An off-net message delivered across MM4, its delivery and read reports back.
class MmsMm4DeliveredTestCase : public TestCase
{
  public:
    MmsMm4DeliveredTestCase()
        : TestCase("off-net MMS delivered over MM4, delivery and read reports back")
    {
    }

  private:
    void DoRun() override
    {
        TwoOperators w(1, 1);
        w.Install();
        uint32_t deliveryReports = 0;
        uint32_t readReports = 0;
        w.RedUa(0)->TraceConnectWithoutContext("DeliveryReportReceived",
                                               MakeBoundCallback(&Count, &deliveryReports));
        w.RedUa(0)->TraceConnectWithoutContext("ReadReportReceived",
                                               MakeBoundCallback(&Count, &readReports));
        MmsUserAgent::Message m = To(w.blue.GetMsisdn(0));
        m.deliveryReport = true;
        m.readReport = true;
        Simulator::Schedule(Seconds(1), &SendAt, w.RedUa(0), m);
        Simulator::Stop(Seconds(600));
        Simulator::Run();

        const MmsRelay::Counters& r = w.Red()->GetCounters();
        const MmsRelay::Counters& b = w.Blue()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(r.recipients, 1u, "red accepted one pair");
        NS_TEST_EXPECT_MSG_EQ(r.forwarded, 1u, "red: the pair ends Forwarded" << w.Dump());
        NS_TEST_EXPECT_MSG_EQ(r.failed, 0u, "red: nothing failed");
        NS_TEST_EXPECT_MSG_EQ(b.mm4Received, 1u, "blue received it over MM4");
        NS_TEST_EXPECT_MSG_EQ(b.retrieved, 1u, "blue's subscriber retrieved it");
        NS_TEST_EXPECT_MSG_EQ(w.Red()->GetPendingRecipients(), 0u, "red: nothing pending");
        NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetPendingRecipients(), 0u, "blue: nothing pending");
        NS_TEST_EXPECT_MSG_EQ(deliveryReports, 1u, "the originator got the delivery report");
        NS_TEST_EXPECT_MSG_EQ(readReports, 1u, "the originator got the read report");
        // The mails: the forward, its .RES; the delivery report, its .RES; the read report,
        // its .RES; all accepted.
        std::vector<std::string> kinds;
        for (const auto& mail : w.Mails())
        {
            kinds.push_back(mail.route + " " + mail.type + " " + mail.code);
        }
        NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(kinds),
                              ::mmstest::Join({"red>blue MM4_forward.REQ 250",
                                               "blue>red MM4_forward.RES 250",
                                               "blue>red MM4_delivery_report.REQ 250",
                                               "red>blue MM4_delivery_report.RES 250",
                                               "blue>red MM4_read_reply_report.REQ 250",
                                               "red>blue MM4_read_reply_report.RES 250"}),
                              "MM4 mails" << w.Dump());
        const MmsRelayMm4Agent::Counters& ra = w.Red()->GetMm4()->GetCounters();
        const MmsRelayMm4Agent::Counters& ba = w.Blue()->GetMm4()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(ra.forwarded, 1u, "red agent: forwarded");
        NS_TEST_EXPECT_MSG_EQ(ra.reportsReceived, 2u, "red agent: two reports in");
        NS_TEST_EXPECT_MSG_EQ(ba.reportsSent, 2u, "blue agent: two reports out");
        NS_TEST_EXPECT_MSG_EQ(ba.forwardsReceived, 1u, "blue agent: one forward in");
        NS_TEST_EXPECT_MSG_EQ(w.Red()->GetMm4()->GetQueuedMails(), 0u, "red queue empty");
        NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetMm4()->GetQueuedMails(), 0u, "blue queue empty");
    }
};

/// Recipients MM4 cannot deliver: a number of no operator, and 5xx from the peer.
class MmsMm4FailedTestCase : public TestCase
{
  public:
    enum Kind
    {
        UNKNOWN_RANGE,
        PERMANENT_REFUSAL,
    };

    MmsMm4FailedTestCase(Kind kind, const std::string& name)
        : TestCase(name)
        , m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        TwoOperators w(1, 1);
        w.Install();
        std::string why;
        w.Red()->TraceConnectWithoutContext("Failed",
                                            MakeBoundCallback(
                                                +[](std::string* s, const MmsEvent& e)
                                                {
                                                    *s = e.detail;
                                                },
                                                &why));
        // Unknown: +4499... is in no range. Refused: in blue's range, not a blue subscriber.
        std::string number = m_kind == UNKNOWN_RANGE ? "+449900900001" : "+447800900500";
        Simulator::Schedule(Seconds(1), &SendAt, w.RedUa(0), To(number));
        Simulator::Stop(Seconds(300));
        Simulator::Run();

        const MmsRelay::Counters& r = w.Red()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(r.recipients, 1u, "one pair");
        NS_TEST_EXPECT_MSG_EQ(r.failed, 1u, "it ends Failed" << w.Dump());
        NS_TEST_EXPECT_MSG_EQ(r.forwarded, 0u, "not forwarded");
        NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetCounters().recipients, 0u, "blue has nothing");
        const MmsRelayMm4Agent::Counters& a = w.Red()->GetMm4()->GetCounters();
        if (m_kind == UNKNOWN_RANGE)
        {
            NS_TEST_EXPECT_MSG_EQ(w.mails.size(), 0u, "no SMTP" << w.Dump());
            NS_TEST_EXPECT_MSG_EQ(a.unroutable, 1u, "unroutable");
            NS_TEST_EXPECT_MSG_EQ(why, "number in no operator's range", "why");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ((w.mails.size() == 1 && w.mails[0].code == "550"),
                                  true,
                                  "550 to RCPT TO" << w.Dump());
            NS_TEST_EXPECT_MSG_EQ(w.mails.size(), 1u, "no retry after 5xx" << w.Dump());
            NS_TEST_EXPECT_MSG_EQ(a.forwardFailed, 1u, "failed");
            NS_TEST_EXPECT_MSG_EQ(a.retries, 0u, "no retry");
            NS_TEST_EXPECT_MSG_EQ((why.find("550") != std::string::npos), true, why);
        }
    }

    Kind m_kind;
};

/// Transient trouble: 4xx then success, and a receiving Relay down then up; the retry
/// schedule; a message that expires while queued.
class MmsMm4RetryTestCase : public TestCase
{
  public:
    enum Kind
    {
        TRANSIENT_THEN_OK,
        DOWN_THEN_UP,
        EXPIRED_IN_QUEUE,
    };

    MmsMm4RetryTestCase(Kind kind, const std::string& name)
        : TestCase(name)
        , m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        TwoOperators w(1, 1);
        w.Install();
        uint32_t refusals = 0;
        Ptr<MmsRelayMm4Agent> blue = w.Blue()->GetMm4();
        if (m_kind == TRANSIENT_THEN_OK)
        {
            // The first two RCPT TO get 451 (local error in processing), then accepted.
            blue->SetRecipientPolicy(
                [&refusals](const std::string&)
                {
                    MmsSmtpReply r;
                    r.code = refusals < 2 ? 451 : 0;
                    r.lines = {"try again later"};
                    refusals++;
                    return r;
                });
        }
        else
        {
            // Blue's SMTP server is down from the start; it comes back at 1000 s (or never).
            Simulator::Schedule(Seconds(0.5), &MmsRelayMm4Agent::Stop, blue);
            if (m_kind == DOWN_THEN_UP)
            {
                Simulator::Schedule(Seconds(1000), &MmsRelayMm4Agent::Start, blue);
            }
        }
        MmsUserAgent::Message m = To(w.blue.GetMsisdn(0));
        if (m_kind == EXPIRED_IN_QUEUE)
        {
            m.expiry = Seconds(700);
        }
        Simulator::Schedule(Seconds(1), &SendAt, w.RedUa(0), m);
        Simulator::Stop(Seconds(2500));
        Simulator::Run();

        const MmsRelay::Counters& r = w.Red()->GetCounters();
        const MmsRelayMm4Agent::Counters& a = w.Red()->GetMm4()->GetCounters();
        // The default schedule: attempts at once, then 300 s, 600 s, ... after each failure.
        std::vector<std::string> codes;
        std::vector<double> times;
        for (const auto& mail : w.Mails("MM4_forward.REQ"))
        {
            codes.push_back(mail.code);
            times.push_back(mail.time);
        }
        switch (m_kind)
        {
            case TRANSIENT_THEN_OK:
                NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(codes),
                                      ::mmstest::Join({"451", "451", "250"}),
                                      "4xx, 4xx, then accepted" << w.Dump());
                NS_TEST_EXPECT_MSG_EQ(r.forwarded, 1u, "forwarded");
                NS_TEST_EXPECT_MSG_EQ(a.retries, 2u, "two retries");
                NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetCounters().retrieved, 1u, "retrieved at blue");
                break;
            case DOWN_THEN_UP:
                // A Relay that does not answer: TCP gives up after its SYN retries (ns-3's
                // defaults, 6 SYNs 3 s apart doubling: ~189 s), the mail goes back to the queue
                // (421). Attempt 1 ends at ~191 s, attempt 2 starts 300 s later and ends ~189 s
                // after, attempt 3 starts 600 s later, when blue is up again.
                NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(codes),
                                      ::mmstest::Join({"421", "421", "250"}),
                                      "down, down, up" << w.Dump());
                if (times.size() == 3)
                {
                    NS_TEST_EXPECT_MSG_EQ_TOL(times[0], 1 + 189, 3, "first attempt gives up");
                    NS_TEST_EXPECT_MSG_EQ_TOL(times[1] - times[0], 300 + 189, 3, "second");
                    NS_TEST_EXPECT_MSG_EQ_TOL(times[2] - times[1], 600, 1, "third attempt");
                }
                NS_TEST_EXPECT_MSG_EQ(r.forwarded, 1u, "forwarded");
                NS_TEST_EXPECT_MSG_EQ(a.connections, 3u, "three connections");
                NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetCounters().retrieved, 1u, "retrieved at blue");
                break;
            case EXPIRED_IN_QUEUE:
                // Attempts from ~1 s and ~491 s, each given up after ~189 s; the message
                // expires at ~701 s; the attempt due at ~1280 s finds it gone.
                NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(codes),
                                      ::mmstest::Join({"421", "421"}),
                                      "two attempts" << w.Dump());
                NS_TEST_EXPECT_MSG_EQ(r.expired, 1u, "Expired at red");
                NS_TEST_EXPECT_MSG_EQ(r.forwarded, 0u, "not forwarded");
                NS_TEST_EXPECT_MSG_EQ(a.expiredQueued, 1u, "dropped from the queue");
                NS_TEST_EXPECT_MSG_EQ(w.Red()->GetMm4()->GetQueuedMails(), 0u, "queue empty");
                break;
        }
        NS_TEST_EXPECT_MSG_EQ(w.Red()->GetPendingRecipients(), 0u, "nothing pending");
    }

    Kind m_kind;
};

/// Random traffic among the subscribers of both operators: every pair ends once, forwarded
/// pairs arrive once at the other operator.
class MmsMm4ConservationTestCase : public TestCase
{
  public:
    explicit MmsMm4ConservationTestCase(uint32_t run)
        : TestCase("conservation of (message, recipient) across two operators, RngRun "
                   + std::to_string(run))
        , m_run(run)
    {
    }

  private:
    static void OnTransition(std::map<std::string, uint32_t>* terminal,
                             std::string relay,
                             const std::string& id,
                             const std::string& rcpt,
                             MmsRelay::RecipientState,
                             MmsRelay::RecipientState to)
    {
        if (MmsRelay::IsTerminal(to))
        {
            (*terminal)[relay + " " + id + " " + rcpt]++;
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(7);
        RngSeedManager::SetRun(m_run);
        const uint32_t n = 6;
        TwoOperators w(n, n);
        for (MmsHelper* h : {&w.red, &w.blue})
        {
            h->SetUserAgentAttribute("RejectProbability", DoubleValue(0.1));
        }
        w.Install();
        std::map<std::string, uint32_t> terminal;
        w.Red()->TraceConnectWithoutContext(
            "StateTransition", MakeBoundCallback(&OnTransition, &terminal, std::string("red")));
        w.Blue()->TraceConnectWithoutContext(
            "StateTransition", MakeBoundCallback(&OnTransition, &terminal, std::string("blue")));
        // Blue's MM4 server is down for a while: some forwards are retried.
        Simulator::Schedule(Seconds(200), &MmsRelayMm4Agent::Stop, w.Blue()->GetMm4());
        Simulator::Schedule(Seconds(500), &MmsRelayMm4Agent::Start, w.Blue()->GetMm4());
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        u->SetStream(99);
        uint32_t sent = 0;
        for (uint32_t k = 0; k < 60; ++k)
        {
            bool fromRed = u->GetValue() < 0.5;
            bool offNet = u->GetValue() < 0.5;
            uint32_t from = static_cast<uint32_t>(u->GetInteger(0, n - 1));
            uint32_t to = static_cast<uint32_t>(u->GetInteger(0, n - 1));
            MmsHelper& dest = (fromRed != offNet) ? w.red : w.blue;
            MmsUserAgent::Message m = To(dest.GetMsisdn(to));
            if (u->GetValue() < 0.2)
            {
                m.to.push_back("+449900900001"); // no operator's number
            }
            m.deliveryReport = u->GetValue() < 0.5;
            m.readReport = u->GetValue() < 0.5;
            m.expiry = Seconds(u->GetValue() < 0.2 ? 400 : 3600);
            Simulator::Schedule(
                Seconds(1 + 10 * k), &SendAt, fromRed ? w.RedUa(from) : w.BlueUa(from), m);
            sent += static_cast<uint32_t>(m.to.size());
        }
        Simulator::Stop(Seconds(8000));
        Simulator::Run();

        const MmsRelay::Counters& r = w.Red()->GetCounters();
        const MmsRelay::Counters& b = w.Blue()->GetCounters();
        uint64_t submitted = (r.recipients - r.mm4Received) + (b.recipients - b.mm4Received);
        NS_TEST_EXPECT_MSG_EQ(submitted, sent, "every pair sent was accepted once");
        for (const MmsRelay::Counters* c : {&r, &b})
        {
            NS_TEST_EXPECT_MSG_EQ(c->recipients,
                                  c->retrieved + c->rejected + c->expired + c->failed
                                      + c->forwarded,
                                  "each pair ends in one terminal state");
        }
        NS_TEST_EXPECT_MSG_EQ(r.forwarded, b.mm4Received, "red's forwards arrive once at blue");
        NS_TEST_EXPECT_MSG_EQ(b.forwarded, r.mm4Received, "blue's forwards arrive once at red");
        NS_TEST_EXPECT_MSG_GT(r.forwarded + b.forwarded, 10u, "off-net traffic happened");
        NS_TEST_EXPECT_MSG_GT(w.Red()->GetMm4()->GetCounters().retries
                                  + w.Blue()->GetMm4()->GetCounters().retries,
                              0u,
                              "some forwards were retried");
        uint64_t entries = 0;
        for (const auto& [key, count] : terminal)
        {
            NS_TEST_EXPECT_MSG_EQ(count, 1u, key << " ended more than once");
            entries += count;
        }
        NS_TEST_EXPECT_MSG_EQ(entries, r.recipients + b.recipients, "one terminal entry a pair");
        NS_TEST_EXPECT_MSG_EQ(w.Red()->GetMm4()->GetQueuedMails()
                                  + w.Blue()->GetMm4()->GetQueuedMails(),
                              0u,
                              "queues empty");
        NS_TEST_EXPECT_MSG_EQ(w.red.GetServer()->GetStoredMessages()
                                  + w.blue.GetServer()->GetStoredMessages(),
                              0u,
                              "stores empty");
    }

    uint32_t m_run;
};

/// The shipped two-operator scenario: its Relays' pairs end once each, and the forwards of one
/// operator are the MM4 arrivals of the other.
class MmsMm4ScenarioTestCase : public TestCase
{
  public:
    MmsMm4ScenarioTestCase()
        : TestCase("two-operators.dot: conservation of (message, recipient) across operators")
    {
    }

  private:
    static void OnTransition(std::map<std::string, uint32_t>* terminal,
                             const std::string& id,
                             const std::string& rcpt,
                             MmsRelay::RecipientState,
                             MmsRelay::RecipientState to)
    {
        if (MmsRelay::IsTerminal(to))
        {
            (*terminal)[id + " " + rcpt]++;
        }
    }

    void DoRun() override
    {
        MmsScenarioHelper builder;
        std::string error;
        const std::string path = CreateTempDirFilename("mms-two-operators.sqlite");
        for (const char* suffix : {"", "-wal", "-shm"})
        {
            std::remove((path + suffix).c_str()); // one run in the file, whatever ran before
        }
        Ptr<MmsSqliteRecorder> recorder = CreateObject<MmsSqliteRecorder>();
        recorder->SetAttribute("Path", StringValue(path));
        NS_TEST_ASSERT_MSG_EQ(recorder->Open(error), true, error);
        builder.SetRecorder(recorder);
        NS_TEST_ASSERT_MSG_EQ(ns3::mmstest::InstallTwoOperators(builder, 600, error), true, error);
        std::vector<Ptr<MmsRelay>> relays = builder.GetRelays();
        NS_TEST_ASSERT_MSG_EQ(relays.size(), 2u, "two Relays");
        std::map<std::string, uint32_t> terminal;
        for (const auto& r : relays)
        {
            r->TraceConnectWithoutContext("StateTransition",
                                          MakeBoundCallback(&OnTransition, &terminal));
        }
        Simulator::Stop(Seconds(600 + 1800));
        Simulator::Run();

        const MmsRelay::Counters& red = relays[0]->GetCounters();
        const MmsRelay::Counters& blue = relays[1]->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(relays[0]->GetMm4()->GetOperator(), "red", "first Relay: red");
        NS_TEST_EXPECT_MSG_GT(red.recipients - red.mm4Received, 20u, "red's traffic");
        NS_TEST_EXPECT_MSG_GT(red.forwarded, 5u, "red's off-net recipients went over MM4");
        NS_TEST_EXPECT_MSG_GT(blue.forwarded, 5u, "blue's too");
        NS_TEST_EXPECT_MSG_EQ(red.forwarded, blue.mm4Received, "red to blue, each once");
        NS_TEST_EXPECT_MSG_EQ(blue.forwarded, red.mm4Received, "blue to red, each once");
        NS_TEST_EXPECT_MSG_EQ(red.failed + blue.failed, 0u, "every number has an operator");
        for (const auto& r : relays)
        {
            NS_TEST_EXPECT_MSG_EQ(r->GetPendingRecipients(), 0u, "all ended");
            NS_TEST_EXPECT_MSG_EQ(r->GetMm4()->GetQueuedMails(), 0u, "MM4 queues empty");
        }
        uint64_t entries = 0;
        for (const auto& [key, count] : terminal)
        {
            NS_TEST_EXPECT_MSG_EQ(count, 1u, key << " ended more than once");
            entries += count;
        }
        NS_TEST_EXPECT_MSG_EQ(
            entries, red.recipients + blue.recipients, "one terminal entry per pair at each Relay");
        recorder->Close();
        Simulator::Destroy();

        // The results: every delivery row has its route; each off-net pair two MM4 rows (the
        // forwarding Relay's and the receiving one's), each on-net pair one MM1 row.
        MmsSqliteDatabase db;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM delivery"),
                              static_cast<int64_t>(red.recipients + blue.recipients),
                              "a delivery row per pair");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM delivery_route"),
                              db.QueryInt("SELECT count(*) FROM delivery"),
                              "a route per delivery row");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM delivery_route WHERE interface = 'MM4'"),
            static_cast<int64_t>(2 * (red.forwarded + blue.forwarded)),
            "two MM4 rows per forwarded pair");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM delivery_route WHERE interface = 'MM4'"
                        " AND origin_operator = 'red' AND destination_operator = 'blue'"),
            static_cast<int64_t>(2 * red.forwarded),
            "red to blue");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM delivery_route WHERE interface = 'MM1'"
                        " AND origin_operator <> destination_operator"),
            0,
            "MM1 stays within an operator");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT sum(forwarded) FROM interface_summary WHERE interface = 'MM4'"),
            static_cast<int64_t>(red.forwarded + blue.forwarded),
            "the view counts the forwards");
        // End to end: the receiving Relay's row of an off-net pair is recorded against the
        // originating message (the sender's submission), whose forwarded row names the same
        // recipient; its end-to-end time is its retrieval less that submission.
        const std::string received =
            " FROM delivery d JOIN delivery_route r ON r.run = d.run AND r.message_id ="
            " d.message_id AND r.recipient = d.recipient WHERE r.interface = 'MM4' AND"
            " d.final_state = 'retrieved'";
        const int64_t offNet = db.QueryInt("SELECT count(*)" + received);
        NS_TEST_EXPECT_MSG_EQ(offNet,
                              static_cast<int64_t>(red.forwarded + blue.forwarded),
                              "every forwarded pair retrieved at the other operator");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*)" + received
                        + " AND EXISTS (SELECT 1 FROM message m JOIN delivery f ON f.run = m.run"
                          " AND f.message_id = m.message_id WHERE m.run = d.run AND m.id ="
                          " d.message AND f.recipient = d.recipient AND f.final_state ="
                          " 'forwarded' AND m.message_id <> d.message_id)"),
            offNet,
            "each joined to the sender's message, which forwarded that recipient");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM kpi_end_to_end e JOIN delivery_route r ON r.run ="
                        " e.run AND r.message_id = e.message_id AND r.recipient = e.recipient"
                        " JOIN message m ON m.run = e.run AND m.id = e.message WHERE r.interface"
                        " = 'MM4' AND e.delivery_time > 0 AND abs(e.delivery_time -"
                        " (e.retrieval_completed - m.submitted)) < 1e-9"),
            offNet,
            "a finite end-to-end time per off-net pair: retrieval less submission");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM interface_summary WHERE interface = 'MM4' AND"
                        " retrieved > 0 AND mean_end_to_end > mean_notified_to_retrieved"),
            2,
            "the view's end-to-end mean of each direction covers the off-net pairs");
        db.Close();
    }
};

/// Mail that is not MM4 at the receiving agent: each gets 554 with the reader's reason and is
/// counted malformed, and nothing is delivered.
class MmsMm4MalformedMailTestCase : public TestCase
{
  public:
    MmsMm4MalformedMailTestCase()
        : TestCase("malformed mail at the MM4 agent: 554, counted, nothing delivered")
    {
    }

  private:
    /// Connect `c` from `node` to `to` and send the mails (once the network runs).
    static void Send(Ptr<Node> node,
                     Address to,
                     Ptr<MmsSmtpConnection> c,
                     std::vector<MmsSmtpMail> mails)
    {
        Ptr<Socket> socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
        socket->Bind();
        socket->Connect(to);
        c->AttachClient(socket, "mms.red.example.net");
        for (const auto& m : mails)
        {
            c->Send(m);
        }
        c->Quit();
    }

    void DoRun() override
    {
        TwoOperators w(1, 1);
        w.Install();
        // A sender on red's Server node, speaking SMTP to blue's Relay directly.
        Ptr<MmsSmtpConnection> c = CreateObject<MmsSmtpConnection>();
        const std::string from = "+447700900001/TYPE=PLMN@mms.red.example.net";
        const std::vector<std::string> to = {"+447800900001/TYPE=PLMN@mms.blue.example.net"};
        const std::string headers = "X-Mms-3GPP-MMS-Version: 6.3.0\r\nX-Mms-Transaction-ID: t1"
                                    "\r\nFrom: "
                                    + from + "\r\nTo: " + to[0]
                                    + "\r\nDate: Thu, 01 Jan 2026 00:00:00 +0000\r\n";
        const std::vector<std::pair<std::string, std::string>> mails = {
            {"not MIME: a header line without a colon", "this is not a header\r\n\r\nhello\r\n"},
            {"no X-Mms-Message-Type", headers + "Content-Type: text/plain\r\n\r\nhello\r\n"},
            {"an unknown X-Mms-Message-Type",
             "X-Mms-Message-Type: MM4_shout.REQ\r\n" + headers
                 + "Content-Type: text/plain\r\n\r\nhello\r\n"},
        };
        std::vector<MmsSmtpMail> sent;
        for (const auto& m : mails)
        {
            sent.push_back({from, to, m.second});
        }
        Simulator::Schedule(
            Seconds(1),
            &Send,
            w.net.GetServerNode(),
            Address(InetSocketAddress(MmsNetworkHelper::GetAddress(w.blueCore.Get(0)), 25)),
            c,
            sent);
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        const auto& outcomes = c->GetClient()->GetOutcomes();
        NS_TEST_ASSERT_MSG_EQ(outcomes.size(), mails.size(), "an answer per mail");
        for (std::size_t i = 0; i < mails.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(outcomes[i].code, 554, mails[i].first);
            NS_TEST_EXPECT_MSG_EQ(outcomes[i].delivered, false, mails[i].first);
            NS_TEST_EXPECT_MSG_EQ(outcomes[i].text.rfind("not an MM4 message: ", 0),
                                  0u,
                                  mails[i].first << ": " << outcomes[i].text);
        }
        NS_TEST_EXPECT_MSG_EQ(outcomes[1].text,
                              "not an MM4 message: missing X-Mms-Message-Type",
                              "the reason names the header");
        NS_TEST_EXPECT_MSG_EQ(outcomes[2].text,
                              "not an MM4 message: X-Mms-Message-Type 'MM4_shout.REQ' is not an "
                              "MM4 message",
                              "and the value");
        NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetMm4()->GetCounters().malformed, mails.size(), "counted");
        NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetCounters().mm4Received, 0u, "nothing delivered");
        NS_TEST_EXPECT_MSG_EQ(w.Blue()->GetCounters().recipients, 0u, "nothing stored");
    }
};

/// A VASP's bulk submission to subscribers of two operators (the New Year's greeting): red's
/// Relay takes it over MM7, delivers red's half over MM1 and forwards blue's over MM4. Every
/// (message, recipient) pair is retrieved exactly once across the operators, counted by the
/// Relays and from the records. MMS_VASP_BULK_RECIPIENTS sets the recipients (default 10,000,
/// half at each operator), and the case prints its CPU time and peak memory.
class MmsMm4VaspBulkTestCase : public TestCase
{
  public:
    MmsMm4VaspBulkTestCase()
        : TestCase("a bulk VASP submission to many recipients: conservation of (message, "
                   "recipient) across operators")
    {
    }

  private:
    void DoRun() override
    {
        // A burst of pushes: at most 32 connections from the Relay to one server (the others
        // wait), or their TIME_WAIT entries make the run quadratic.
        const ns3::mmstest::ScopedDefault limit("ns3::MmsSocketTransport::MaxConnectionsPerServer",
                                                UintegerValue(32));
        uint32_t n = 10000;
        if (const char* env = std::getenv("MMS_VASP_BULK_RECIPIENTS"))
        {
            n = static_cast<uint32_t>(std::strtoul(env, nullptr, 10));
        }
        const std::clock_t cpu = std::clock();
        const auto wall = std::chrono::steady_clock::now();
        const uint32_t nRed = n / 2;
        const uint32_t nBlue = n - nRed;
        std::string error;
        const std::string path = CreateTempDirFilename("mms-vasp-bulk.sqlite");
        for (const char* suffix : {"", "-wal", "-shm"})
        {
            std::remove((path + suffix).c_str());
        }
        TwoOperators w(nRed, nBlue);
        w.red.SetRelayAttribute("MaxRecipients", UintegerValue(n));
        w.Install();
        // The VASP next to red's Server; its recipients alternate between the operators.
        Ptr<MmsVasp> v = CreateObject<MmsVasp>();
        w.net.GetServerNode()->AddApplication(v);
        MmsHelper::InstallTransport(v);
        Ptr<MmsSubscriberDirectory> everyone = CreateObject<MmsSubscriberDirectory>();
        for (uint32_t i = 0; i < std::max(nRed, nBlue); ++i)
        {
            for (MmsHelper* h : {&w.red, &w.blue})
            {
                if (i < h->GetDirectory()->GetN())
                {
                    everyone->Add(h->GetMsisdn(i), Ipv4Address::GetAny());
                }
            }
        }
        v->SetDirectory(everyone);
        v->SetElementName("greetings");
        v->SetAttribute("RelayAddress",
                        AddressValue(InetSocketAddress(
                            MmsNetworkHelper::GetAddress(w.net.GetRelayNode()), 80)));
        v->SetAttribute("RecipientsPerRequest", UintegerValue(n));
        v->SetAttribute("ContentSize", UintegerValue(20000));
        v->SetStartTime(Seconds(1));
        Ptr<MmsSqliteRecorder> recorder = CreateObject<MmsSqliteRecorder>();
        recorder->SetAttribute("Path", StringValue(path));
        NS_TEST_ASSERT_MSG_EQ(recorder->Open(error), true, error);
        recorder->ConnectAll();
        Simulator::Stop(Seconds(n > 1000 ? 7200 : 1800));
        Simulator::Run();

        const MmsRelay::Counters& red = w.Red()->GetCounters();
        const MmsRelay::Counters& blue = w.Blue()->GetCounters();
        PointerValue p;
        w.Red()->GetAttribute("Mm7", p);
        const MmsRelayMm7::Counters& mm7 = p.Get<MmsRelayMm7>()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(v->GetCounters().accepted, 1u, "the request accepted");
        NS_TEST_EXPECT_MSG_EQ(mm7.recipients, n, "its pairs over MM7");
        NS_TEST_EXPECT_MSG_EQ(red.recipients, n, "red took every pair");
        NS_TEST_EXPECT_MSG_EQ(red.retrieved, nRed, "red's own retrieved (MM1)");
        NS_TEST_EXPECT_MSG_EQ(red.forwarded, nBlue, "blue's forwarded (MM4)");
        NS_TEST_EXPECT_MSG_EQ(blue.mm4Received, red.forwarded, "each forward arrived once");
        NS_TEST_EXPECT_MSG_EQ(blue.recipients, blue.mm4Received, "blue's pairs are the forwards");
        NS_TEST_EXPECT_MSG_EQ(blue.retrieved, nBlue, "and all retrieved there");
        for (const MmsRelay::Counters* c : {&red, &blue})
        {
            NS_TEST_EXPECT_MSG_EQ(c->recipients,
                                  c->retrieved + c->rejected + c->expired + c->failed
                                      + c->forwarded,
                                  "each pair ends in one terminal state");
        }
        NS_TEST_EXPECT_MSG_EQ(
            w.Red()->GetPendingRecipients() + w.Blue()->GetPendingRecipients(), 0u, "none pending");
        recorder->Close();

        // From the records: one message row, each recipient's pair retrieved exactly once
        // across the operators and recorded against it; red's forwarded rows are blue's
        // retrieved ones.
        MmsSqliteDatabase db;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM message WHERE originator ="
                                          " 'greetings' AND status = 'Ok'"),
                              1,
                              "the submission's row");
        const std::string ofIt =
            " FROM delivery WHERE message = (SELECT id FROM message WHERE originator ="
            " 'greetings')";
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*)" + ofIt
                                          + " AND final_state ="
                                            " 'retrieved'"),
                              n,
                              "a retrieved row per pair");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(DISTINCT recipient)" + ofIt
                                          + " AND final_state = 'retrieved'"),
                              n,
                              "each recipient once");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*)" + ofIt
                        + " AND final_state = 'forwarded' AND recipient IN (SELECT recipient" + ofIt
                        + " AND final_state = 'retrieved' AND message_id LIKE 'B%')"),
            nBlue,
            "every forward retrieved at blue");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM delivery WHERE final_state NOT IN"
                                          " ('retrieved', 'forwarded')"),
                              0,
                              "nothing else");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT sum(retrieved) FROM interface_summary WHERE submission = 'MM7'"),
            n,
            "the view: every pair retrieved, by MM1 or MM4");
        db.Close();
        struct rusage usage;
        getrusage(RUSAGE_SELF, &usage);
        std::cout << "VASP bulk across operators: " << n << " recipients (" << nRed << " red, "
                  << nBlue << " blue): " << red.forwarded << " forwarded over MM4, "
                  << red.retrieved + blue.retrieved << " retrieved; "
                  << static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC << " s CPU, "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count()
                  << " s wall, peak RSS " << usage.ru_maxrss / 1024 << " MB\n";
    }
};

/// The number-range table: which operator owns a number; and what a malformed NumberRanges or
/// Peers gets: an error naming the attribute, the entry and the fault (CheckTable, which the
/// programs' flags use; the setters print it and exit with status 2, as mms-bad-flags checks).
class MmsMm4TableTestCase : public TestCase
{
  public:
    MmsMm4TableTestCase()
        : TestCase("number-range table: operators, widths, bounds")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<MmsRelayMm4Agent> a = CreateObject<MmsRelayMm4Agent>();
        a->SetAttribute("NumberRanges",
                        StringValue("red=+447700900001-+447700900999, +447700950000-+447700950000;"
                                    " blue = +447800900001-+447800900999"));
        NS_TEST_EXPECT_MSG_EQ(a->FindOperator("+447700900001"), "red", "first");
        NS_TEST_EXPECT_MSG_EQ(a->FindOperator("+447700900999/TYPE=PLMN"), "red", "last, typed");
        NS_TEST_EXPECT_MSG_EQ(a->FindOperator("+447700901000"), "", "past the last");
        NS_TEST_EXPECT_MSG_EQ(a->FindOperator("+447700950000"), "red", "one-number range");
        NS_TEST_EXPECT_MSG_EQ(a->FindOperator("+447800900500"), "blue", "blue");
        NS_TEST_EXPECT_MSG_EQ(a->FindOperator("+4477009005"), "", "shorter number");
        NS_TEST_EXPECT_MSG_EQ(a->FindOperator("user@example.com"), "", "not a number");
        NS_TEST_EXPECT_MSG_EQ(MmsRelayMm4Agent::DomainOf("red"), "mms.red.example.net", "domain");
        NS_TEST_EXPECT_MSG_EQ(MmsRelayMm4Agent::DomainOf("mms.mnc010.mcc234.gprs"),
                              "mms.mnc010.mcc234.gprs",
                              "a domain as it is");

        const std::string ranges = "ns3::MmsRelayMm4Agent::NumberRanges: entry '";
        const std::string peers = "ns3::MmsRelayMm4Agent::Peers: entry '";
        const std::vector<std::pair<std::pair<std::string, std::string>, std::string>> bad = {
            {{"NumberRanges", "red"}, ranges + "red': expected op=first-last"},
            {{"NumberRanges", "red=+447700900001"},
             ranges + "red=+447700900001': range '+447700900001' is not first-last"},
            {{"NumberRanges", "=+447700900001-+447700900009"},
             ranges + "=+447700900001-+447700900009': no operator name"},
            {{"NumberRanges", "red=+4477009x0001-+447700900009"},
             ranges
                 + "red=+4477009x0001-+447700900009': a bound is not a number of at most 18 "
                   "digits"},
            {{"NumberRanges", "red=+447700900001-+44770090009"},
             ranges
                 + "red=+447700900001-+44770090009': the bounds have different numbers of "
                   "digits"},
            {{"NumberRanges", "red=+447700900009-+447700900001"},
             ranges + "red=+447700900009-+447700900001': the last number is below the first"},
            {{"NumberRanges", "red=+447700900001-+447700900999; blue=+447700900500-+447700901500"},
             ranges + "blue=+447700900500-+447700901500': overlaps a range of red"},
            {{"Peers", "blue"}, peers + "blue': expected op=a.b.c.d[:port]"},
            {{"Peers", "=10.0.0.5"}, peers + "=10.0.0.5': expected op=a.b.c.d[:port]"},
            {{"Peers", "blue=10.0.0.5:99999"}, peers + "blue=10.0.0.5:99999': bad port '99999'"},
            {{"Peers", "blue=mmsc.blue"},
             peers
                 + "blue=mmsc.blue': 'mmsc.blue' is not an IPv4 "
                   "address"},
        };
        for (const auto& [value, expected] : bad)
        {
            std::string error;
            NS_TEST_EXPECT_MSG_EQ(
                MmsRelayMm4Agent::CheckTable(value.first, value.second, error), false, expected);
            NS_TEST_EXPECT_MSG_EQ(error, expected, value.second);
        }
        std::string error;
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::CheckTable("NumberRanges", RANGES, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::CheckTable("Peers", "blue=10.0.0.5; green=10.0.0.9:2525", error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::CheckTable("NumberRanges",
                                         "red=+447700900001-+447700900999; red=+447700900500-"
                                         "+447700901500",
                                         error),
            true,
            "an operator's own ranges may overlap");
    }
};

/// The suite.
class MmsMm4TestSuite : public TestSuite
{
  public:
    MmsMm4TestSuite()
        : TestSuite("mms-mm4", Type::SYSTEM)
    {
        AddTestCase(new MmsMm4TableTestCase);
        AddTestCase(new MmsMm4DeliveredTestCase);
        AddTestCase(new MmsMm4FailedTestCase(MmsMm4FailedTestCase::UNKNOWN_RANGE,
                                             "unknown number range: Failed, no SMTP"));
        AddTestCase(new MmsMm4FailedTestCase(MmsMm4FailedTestCase::PERMANENT_REFUSAL,
                                             "SMTP 5xx: Failed, no retry"));
        AddTestCase(new MmsMm4RetryTestCase(MmsMm4RetryTestCase::TRANSIENT_THEN_OK,
                                            "SMTP 4xx twice, then accepted"));
        AddTestCase(new MmsMm4RetryTestCase(MmsMm4RetryTestCase::DOWN_THEN_UP,
                                            "receiving Relay down then up: retried"));
        AddTestCase(new MmsMm4RetryTestCase(MmsMm4RetryTestCase::EXPIRED_IN_QUEUE,
                                            "expiry while queued: Expired, dropped"));
        AddTestCase(new MmsMm4ConservationTestCase(1));
        AddTestCase(new MmsMm4ConservationTestCase(2));
        AddTestCase(new MmsMm4ScenarioTestCase);
        AddTestCase(new MmsMm4MalformedMailTestCase);
        AddTestCase(new MmsMm4VaspBulkTestCase, ns3::mmstest::TestDuration::EXTENSIVE);
    }
};

static MmsMm4TestSuite g_mmsMm4TestSuite; //!< Static variable for test initialization
