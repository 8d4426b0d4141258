/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Conservation of messages: in random scenarios (handsets switched off at random, deferred,
// never-fetched and rejected messages, a small message store, short expiry, lossy SMS, a
// recipient outside the MMSE) every (message, recipient) pair accepted by the Relay ends in
// exactly one terminal state, the counts add up, and nothing is left in the store, the SMSC or
// the Relay at the end.

#include "mms-test-data.h"
#include "mms-test-world.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <map>

using namespace ns3;
using ::mmstest::MmsWorld;

namespace
{
struct Ledger
{
    std::map<std::pair<std::string, std::string>, uint32_t> terminal; //!< pair -> terminal entries
    std::map<std::pair<std::string, std::string>, uint32_t> seen;
};

void
OnTransition(Ledger* l,
             const std::string& id,
             const std::string& rcpt,
             MmsRelay::RecipientState,
             MmsRelay::RecipientState to)
{
    l->seen[{id, rcpt}]++;
    if (MmsRelay::IsTerminal(to))
    {
        l->terminal[{id, rcpt}]++;
    }
}

void
SendAt(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}
} // namespace

/// One random scenario.
class MmsConservationTestCase : public TestCase
{
  public:
    /**
     * \param run the RngRun
     * \param wap WAP 1.x handsets through a WAP gateway (else HTTP ones)
     */
    explicit MmsConservationTestCase(uint32_t run, bool wap = false)
        : TestCase("every pair ends in one terminal state, RngRun " + std::to_string(run)
                   + (wap ? ", WAP 1.x handsets" : ""))
        , m_run(run)
        , m_wap(wap)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(m_run);
        const uint32_t n = 10;
        MmsWorld w(n);
        w.wap = m_wap;
        w.mms.SetUserAgentAttribute("Traffic", BooleanValue(true));
        w.mms.SetUserAgentAttribute("InterArrival",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=150]"));
        w.mms.SetUserAgentAttribute("MessageSize",
                                    StringValue("ns3::UniformRandomVariable[Min=500|Max=60000]"));
        w.mms.SetUserAgentAttribute("RecipientCount",
                                    StringValue("ns3::UniformRandomVariable[Min=1|Max=3.49]"));
        w.mms.SetUserAgentAttribute("DeliveryReport", BooleanValue(true));
        w.mms.SetUserAgentAttribute("ReadReport", BooleanValue(true));
        w.mms.SetUserAgentAttribute("ReadReportProbability", DoubleValue(0.5));
        w.mms.SetUserAgentAttribute("OnOff", BooleanValue(true));
        w.mms.SetUserAgentAttribute("OnTime",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=900]"));
        w.mms.SetUserAgentAttribute("OffTime",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=400]"));
        w.mms.SetUserAgentAttribute("DeferredDelay",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=300]"));
        w.mms.SetRelayAttribute("DefaultExpiry", TimeValue(Seconds(1800)));
        w.mms.SetRelayAttribute("MaxExpiry", TimeValue(Seconds(1800)));
        w.mms.SetServerAttribute("Capacity", UintegerValue(1500000));
        w.mms.SetSmscAttribute("LossProbability", DoubleValue(0.2));
        w.mms.SetSmscAttribute("ValidityPeriod", TimeValue(Seconds(1200)));
        w.Install(100);
        for (uint32_t i = 0; i < n; ++i)
        {
            Ptr<MmsUserAgent> ua = w.Ua(i);
            ua->SetStopTime(Seconds(3600)); // traffic and on/off end; reception goes on
            if (i % 3 == 1)
            {
                ua->SetAttribute("RetrievalMode", StringValue("Deferred"));
                ua->SetAttribute("NeverRetrieveProbability", DoubleValue(0.3));
            }
            if (i % 3 == 2)
            {
                ua->SetAttribute("RetrievalMode", StringValue("SizeThreshold"));
                ua->SetAttribute("SizeThreshold", UintegerValue(30000));
                ua->SetAttribute("RejectProbability", DoubleValue(0.1));
            }
        }
        Ledger ledger;
        w.mms.GetRelay()->TraceConnectWithoutContext("StateTransition",
                                                     MakeBoundCallback(&OnTransition, &ledger));
        MmsUserAgent::Message outside;
        outside.to = {"+449999999999", w.mms.GetMsisdn(1)};
        Simulator::Schedule(Seconds(10), &SendAt, w.Ua(0), outside);
        // Traffic until 3600 s, expiry 1800 s, HTTP retries up to 46 min: all settled by 9000 s.
        Simulator::Stop(Seconds(9000));
        Simulator::Run();

        const MmsRelay::Counters& c = w.mms.GetRelay()->GetCounters();
        std::ostringstream summary;
        summary << c.submissions << " submissions, " << c.accepted << " accepted, " << c.refused
                << " refused, " << c.recipients << " pairs: " << c.retrieved << " retrieved, "
                << c.rejected << " rejected, " << c.expired << " expired, " << c.failed
                << " failed";
        std::cout << "    RngRun " << m_run << ": " << summary.str() << "\n";
        NS_TEST_EXPECT_MSG_EQ(c.recipients,
                              c.retrieved + c.rejected + c.expired + c.failed,
                              "terminal counts add up: " << summary.str());
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetPendingRecipients(), 0u, "none pending");
        NS_TEST_EXPECT_MSG_EQ(ledger.seen.size(), c.recipients, "every pair traced");
        uint64_t once = 0;
        for (const auto& [pair, count] : ledger.terminal)
        {
            once += count == 1;
        }
        NS_TEST_EXPECT_MSG_EQ(once, c.recipients, "each pair entered one terminal state once");
        NS_TEST_EXPECT_MSG_GT(c.retrieved, 0u, "some retrieved");
        NS_TEST_EXPECT_MSG_GT(c.failed, 0u, "the outside recipient failed");
        NS_TEST_EXPECT_MSG_GT(c.expired + c.rejected, 0u, "some never retrieved");
        NS_TEST_EXPECT_MSG_EQ(c.submissions, c.accepted + c.refused, "every M-Send.req answered");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetServer()->GetStoredMessages(), 0u, "store empty");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetServer()->GetStoredBytes(), 0u, "no bytes held");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetSmsc()->GetStoredCount(), 0u, "SMSC empty");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetQueueLength(), 0u, "Relay queue empty");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetTrackedMessages(), 0u, "Relay forgot them all");
        if (m_wap)
        {
            const MmsWapGateway::Counters& g = w.mms.GetWapGateway()->GetCounters();
            std::cout << "    WAP gateway: " << g.sessions << " sessions, " << g.accepted
                      << " methods, " << g.aborted << " aborted, " << g.httpFailures
                      << " HTTP failures\n";
            NS_TEST_EXPECT_MSG_GT(g.accepted, c.submissions, "submissions came through it");
            NS_TEST_EXPECT_MSG_EQ(
                w.mms.GetWapGateway()->GetActiveTransactions(), 0u, "no method left in progress");
        }
    }

    uint32_t m_run;
    bool m_wap;
};

/// The conservation suite.
class MmsConservationTestSuite : public TestSuite
{
  public:
    MmsConservationTestSuite()
        : TestSuite("mms-conservation", Type::SYSTEM)
    {
        for (uint32_t run = 1; run <= 20; ++run)
        {
            AddTestCase(new MmsConservationTestCase(run),
                        run <= 4 ? ns3::mmstest::TestDuration::QUICK
                                 : ns3::mmstest::TestDuration::EXTENSIVE);
        }
        for (uint32_t run = 1; run <= 2; ++run)
        {
            AddTestCase(new MmsConservationTestCase(run, true), ns3::mmstest::TestDuration::QUICK);
        }
    }
};

static MmsConservationTestSuite g_mmsConservationTestSuite;
