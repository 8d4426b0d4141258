/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The flow level (MmsFlowTransport on an MmsFlowNetwork): in a scenario of two cells at flow
// level, and with one cell at each fidelity (mixed), every (message, recipient) pair the Relay
// accepts ends in exactly one terminal state, messages are delivered across both fidelities,
// the radio's promotions are charged, and the same RngRun gives the same transitions at the
// same times.

#include "mms-test-data.h"

#include "ns3/double.h"
#include "ns3/mms-flow-network.h"
#include "ns3/mms-relay.h"
#include "ns3/mms-scenario-helper.h"
#include "ns3/mms-scenario.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <map>
#include <sstream>

using namespace ns3;

namespace
{

/// What a run's Relay did to its (message, recipient) pairs.
struct Ledger
{
    std::map<std::pair<std::string, std::string>, uint32_t> terminal; //!< pair -> terminal entries
    std::map<std::pair<std::string, std::string>, uint32_t> seen;     //!< pair -> transitions
    std::map<std::string, uint32_t> retrievedIn; //!< recipient's cell prefix -> retrieved pairs
    std::ostringstream log;                      //!< every transition with its time
};

void
OnTransition(Ledger* l,
             const std::string& id,
             const std::string& rcpt,
             MmsRelay::RecipientState from,
             MmsRelay::RecipientState to)
{
    l->seen[{id, rcpt}]++;
    l->log << Simulator::Now().GetNanoSeconds() << " " << id << " " << rcpt << " " << from << ">"
           << to << "\n";
    if (MmsRelay::IsTerminal(to))
    {
        l->terminal[{id, rcpt}]++;
    }
    if (to == MmsRelay::RETRIEVED)
    {
        // Subscribers 1-30 are in cell u, 31-60 in cell g (numbering from +447700900001).
        const std::string number = rcpt.substr(0, rcpt.find('/'));
        const uint32_t n = std::stoul(number.substr(number.size() - 3));
        l->retrievedIn[n <= 30 ? "u" : "g"]++;
    }
}

/// The scenario: one MMSC, a UMTS-384 cell and a GPRS-CS2 cell of 30 subscribers each.
std::string
Scenario(const std::string& fidelityU, const std::string& fidelityG)
{
    return "graph t {\n"
           "  relay [kind=relay]\n  store [kind=server]\n  ppg [kind=ppg]\n"
           "  smsc [kind=smsc]\n  r [kind=router]\n"
           "  node [MessagesPerHour=40]\n"
           "  u [kind=cell, subscribers=30, bearer=\"UMTS-384\", fidelity="
           + fidelityU
           + "]\n"
             "  g [kind=cell, subscribers=30, bearer=\"GPRS-CS2\", fidelity="
           + fidelityG
           + "]\n"
             "  relay -- r [rate=\"1Gbps\", delay=\"1ms\"]\n"
             "  store -- r [rate=\"1Gbps\", delay=\"1ms\"]\n"
             "  ppg -- r [rate=\"1Gbps\", delay=\"1ms\"]\n"
             "  smsc -- r [rate=\"10Mbps\", delay=\"2ms\"]\n"
             "  r -- u [rate=\"100Mbps\", delay=\"5ms\"]\n"
             "  r -- g [rate=\"100Mbps\", delay=\"5ms\"]\n"
             "}\n";
}

/// Figures of one run.
struct Outcome
{
    uint64_t accepted{0};       //!< pairs the Relay accepted
    uint64_t flowTransfers{0};  //!< transfers of the flow network
    uint64_t radioWaits{0};     //!< of them, that waited for a promotion or PDP context
    std::string flowFidelities; //!< the cells' fidelities as GetCellFidelities gives them
};

/// Run the scenario for 200 s of traffic and 900 s to finish.
Outcome
RunScenario(const std::string& fu, const std::string& fg, uint32_t run, Ledger& ledger)
{
    RngSeedManager::SetSeed(7);
    RngSeedManager::SetRun(run);
    MmsScenario scenario;
    std::vector<std::string> errors;
    NS_ABORT_MSG_IF(!scenario.Parse(Scenario(fu, fg), "flow-test.dot", errors),
                    "the test scenario does not read: " << errors.front());
    MmsScenarioHelper builder;
    builder.SetFidelity("packet");
    NS_ABORT_MSG_IF(!builder.Check(scenario, errors), "the test scenario: " << errors.front());
    builder.Install(scenario);
    builder.AssignStreams(1);
    for (const auto& relay : builder.GetRelays())
    {
        relay->TraceConnectWithoutContext("StateTransition",
                                          MakeBoundCallback(&OnTransition, &ledger));
    }
    builder.StopTraffic(Seconds(200));
    Simulator::Stop(Seconds(1100));
    Simulator::Run();
    Outcome o;
    for (const auto& relay : builder.GetRelays())
    {
        o.accepted += relay->GetCounters().recipients;
    }
    if (Ptr<MmsFlowNetwork> n = builder.GetFlowNetwork())
    {
        o.flowTransfers = n->GetStatistics().transfers;
        o.radioWaits = n->GetStatistics().radioWaits;
    }
    for (const auto& [cell, f] : builder.GetCellFidelities())
    {
        o.flowFidelities += cell + "=" + f + " ";
    }
    Simulator::Destroy();
    return o;
}

} // namespace

/// Conservation of pairs and delivery in flow mode or mixed mode.
class MmsFlowConservationTestCase : public TestCase
{
  public:
    /**
     * \param fu fidelity of the UMTS cell
     * \param fg fidelity of the GPRS cell
     */
    MmsFlowConservationTestCase(const std::string& fu, const std::string& fg)
        : TestCase("every pair ends in one terminal state, cells at " + fu + " and " + fg)
        , m_fu(fu)
        , m_fg(fg)
    {
    }

  private:
    void DoRun() override
    {
        Ledger l;
        const Outcome o = RunScenario(m_fu, m_fg, 1, l);
        NS_TEST_ASSERT_MSG_EQ(
            o.flowFidelities, "u=" + m_fu + " g=" + m_fg + " ", "each cell at its fidelity");
        NS_TEST_ASSERT_MSG_GT(o.accepted, 20u, "enough messages to tell");
        NS_TEST_EXPECT_MSG_EQ(l.terminal.size(), o.accepted, "every accepted pair ended");
        for (const auto& [pair, n] : l.terminal)
        {
            NS_TEST_EXPECT_MSG_EQ(n, 1u, pair.first << " to " << pair.second << " ended once");
        }
        for (const auto& [pair, n] : l.seen)
        {
            NS_TEST_EXPECT_MSG_EQ(l.terminal.count(pair), 1u, pair.first << " ended");
        }
        // Both cells receive (a flow cell's subscribers are reached through the same Relay).
        NS_TEST_EXPECT_MSG_GT(l.retrievedIn["u"], 5u, "the UMTS cell retrieves");
        NS_TEST_EXPECT_MSG_GT(l.retrievedIn["g"], 5u, "the GPRS cell retrieves");
        // Flow cells' transfers waited for their promotions and PDP contexts.
        NS_TEST_EXPECT_MSG_GT(o.flowTransfers, 100u, "flows carried the traffic");
        NS_TEST_EXPECT_MSG_GT(o.radioWaits, 10u, "promotions and PDP activations charged");
    }

    std::string m_fu; //!< fidelity of the UMTS cell
    std::string m_fg; //!< fidelity of the GPRS cell
};

/// The same RngRun gives the same transitions at the same times, in flow and mixed mode.
class MmsFlowDeterminismTestCase : public TestCase
{
  public:
    /**
     * \param fu fidelity of the UMTS cell
     * \param fg fidelity of the GPRS cell
     */
    MmsFlowDeterminismTestCase(const std::string& fu, const std::string& fg)
        : TestCase("same RngRun, same transitions, cells at " + fu + " and " + fg)
        , m_fu(fu)
        , m_fg(fg)
    {
    }

  private:
    void DoRun() override
    {
        Ledger a;
        Ledger b;
        Ledger c;
        RunScenario(m_fu, m_fg, 3, a);
        RunScenario(m_fu, m_fg, 3, b);
        RunScenario(m_fu, m_fg, 4, c);
        NS_TEST_ASSERT_MSG_GT(a.log.str().size(), 1000u, "transitions happened");
        NS_TEST_EXPECT_MSG_EQ(a.log.str(), b.log.str(), "the same run twice");
        NS_TEST_EXPECT_MSG_NE(a.log.str(), c.log.str(), "another run differs");
    }

    std::string m_fu; //!< fidelity of the UMTS cell
    std::string m_fg; //!< fidelity of the GPRS cell
};

/// The flow level's suite.
class MmsFlowTestSuite : public TestSuite
{
  public:
    MmsFlowTestSuite()
        : TestSuite("mms-flow", Type::SYSTEM)
    {
        AddTestCase(new MmsFlowConservationTestCase("flow", "flow"),
                    ns3::mmstest::TestDuration::QUICK);
        AddTestCase(new MmsFlowConservationTestCase("packet", "flow"),
                    ns3::mmstest::TestDuration::QUICK);
        AddTestCase(new MmsFlowConservationTestCase("flow", "packet"),
                    ns3::mmstest::TestDuration::QUICK);
        AddTestCase(new MmsFlowDeterminismTestCase("flow", "flow"),
                    ns3::mmstest::TestDuration::QUICK);
        AddTestCase(new MmsFlowDeterminismTestCase("flow", "packet"),
                    ns3::mmstest::TestDuration::QUICK);
    }
};

/// The suite's instance.
static MmsFlowTestSuite g_mmsFlowTestSuite;
