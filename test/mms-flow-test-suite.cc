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

#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/mms-flow-network.h"
#include "ns3/mms-flow-transport.h"
#include "ns3/mms-radio-cell-channel.h"
#include "ns3/mms-relay.h"
#include "ns3/mms-scenario-helper.h"
#include "ns3/mms-scenario.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <map>
#include <memory>
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
    builder.SetPopulation("Ideal"); // every handset on: each pair must end
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

/**
 * The same RngRun gives the same transitions at the same times, in flow and mixed mode, also
 * when the later runs' objects land elsewhere in memory: between runs the heap is perturbed
 * (blocks of many sizes kept, some freed again), so that anything ordered by where objects were
 * allocated (a container keyed by pointers, iterated) or reading freed memory would differ.
 */
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
        Ledger c;
        RunScenario(m_fu, m_fg, 3, a);
        NS_TEST_ASSERT_MSG_GT(a.log.str().size(), 1000u, "transitions happened");
        std::vector<std::unique_ptr<char[]>> ballast;
        for (uint32_t pattern = 1; pattern <= 3; ++pattern)
        {
            // Blocks of many sizes, some of them freed again: holes and shifts in the heap.
            for (uint32_t i = 0; i < 2000 * pattern; ++i)
            {
                ballast.emplace_back(new char[16 + (i * 7919 * pattern) % (1000 * pattern)]);
            }
            for (std::size_t i = pattern - 1; i < ballast.size(); i += pattern + 1)
            {
                ballast[i].reset();
            }
            Ledger b;
            RunScenario(m_fu, m_fg, 3, b);
            NS_TEST_EXPECT_MSG_EQ(
                a.log.str(), b.log.str(), "the same run again, heap pattern " << pattern);
        }
        RunScenario(m_fu, m_fg, 4, c);
        NS_TEST_EXPECT_MSG_NE(a.log.str(), c.log.str(), "another run differs");
    }

    std::string m_fu; //!< fidelity of the UMTS cell
    std::string m_fg; //!< fidelity of the GPRS cell
};

namespace
{
/// The processor-sharing check's arrivals and what it measures.
struct PsCheck
{
    Ptr<MmsFlowNetwork> net;               //!< the network
    Ptr<MmsFlowTransport> from;            //!< the sender on the core side
    std::vector<Ptr<MmsFlowTransport>> to; //!< the cell's handsets
    Ptr<ExponentialRandomVariable> gap;    //!< between arrivals, s
    Ptr<ExponentialRandomVariable> size;   //!< of a transfer, octets
    double sum{0};                         //!< of transfer times, s
    uint64_t n{0};                         //!< transfers arrived
};

/// One transfer arrived.
void
PsArrived(PsCheck* c, Time start)
{
    c->sum += (Simulator::Now() - start).GetSeconds();
    c->n++;
}

/// Poisson downlink transfers of exponential size to the cell's handsets, in turn.
void
PsArrive(PsCheck* c, uint64_t left)
{
    MmsFlowNetwork::TransferSpec spec;
    spec.bytes = static_cast<uint64_t>(std::max(1.0, c->size->GetValue()));
    spec.header = 0;
    c->net->StartTransfer(c->from,
                          c->to[left % c->to.size()],
                          spec,
                          MakeBoundCallback(&PsArrived, c, Simulator::Now()));
    if (left > 1)
    {
        Simulator::Schedule(Seconds(c->gap->GetValue()), &PsArrive, c, left - 1);
    }
}

/// The M/M/1-PS cell of MmsFlowProcessorSharingTestCase at load rho (MmsFlowNetwork's Solo
/// on or off): the transfers that arrived, their mean time and the events run. False if the
/// bearer preset is missing.
bool
RunPsCell(double rho, bool solo, uint64_t& n, double& mean, uint64_t& events)
{
    RngSeedManager::SetSeed(11);
    RngSeedManager::SetRun(1);
    const double capacity = 384000; // bit/s
    const double meanBytes = 20000;
    PsCheck check;
    Ptr<MmsFlowNetwork> net = CreateObject<MmsFlowNetwork>();
    net->SetAttribute("Solo", BooleanValue(solo));
    check.net = net;
    Ptr<MmsRadioCellChannel> channel = CreateObject<MmsRadioCellChannel>();
    channel->SetAttribute("DownlinkCapacity", DataRateValue(DataRate(uint64_t(capacity))));
    MmsBearerProfile p;
    std::string error;
    if (!MmsBearerProfile::FromPreset("UMTS-384", 10, p, error))
    {
        return false;
    }
    p.downlinkRate = static_cast<uint64_t>(capacity); // a handset alone gets the whole cell
    p.linkOverhead = 0;
    p.blockErrorRate = 0;
    p.coreDelay = Seconds(0);
    p.radioDelayDownlink = Seconds(0);
    p.radioDelayUplink = Seconds(0);
    channel->SetCellProfile(p);
    const uint32_t cell = net->AddCell(channel, p, 1);
    Ptr<MmsFlowTransport> server = CreateObject<MmsFlowTransport>();
    server->Attach(net, Ipv4Address("10.0.0.1"), 1);
    check.from = server;
    for (uint32_t i = 0; i < 50; ++i)
    {
        Ptr<MmsFlowTransport> h = CreateObject<MmsFlowTransport>();
        h->Attach(net, Ipv4Address(0x0a800002 + i), 1);
        h->SetHandset(cell, nullptr);
        check.to.push_back(h);
    }
    const double meanService = meanBytes * 8 / capacity;
    Ptr<ExponentialRandomVariable> gap = CreateObject<ExponentialRandomVariable>();
    gap->SetAttribute("Mean", DoubleValue(meanService / rho));
    gap->SetStream(1);
    Ptr<ExponentialRandomVariable> size = CreateObject<ExponentialRandomVariable>();
    size->SetAttribute("Mean", DoubleValue(meanBytes));
    size->SetStream(2);
    check.gap = gap;
    check.size = size;
    const uint64_t transfers = 200000;
    Simulator::ScheduleNow(&PsArrive, &check, transfers);
    Simulator::Run();
    n = check.n;
    mean = check.sum / n;
    events = Simulator::GetEventCount();
    Simulator::Destroy();
    return true;
}
} // namespace

/// A flow cell is a processor-sharing server: with Poisson arrivals, exponential sizes and
/// handsets whose peak is the cell's capacity (M/M/1-PS), the mean transfer time is
/// E[S] / (1 - rho).
class MmsFlowProcessorSharingTestCase : public TestCase
{
  public:
    /// \param rho the cell's load
    explicit MmsFlowProcessorSharingTestCase(double rho)
        : TestCase("a flow cell's mean transfer time at load " + std::to_string(rho).substr(0, 3)
                   + " equals M-M-1-PS theory")
        , m_rho(rho)
    {
    }

  private:
    void DoRun() override
    {
        uint64_t n = 0;
        double mean = 0;
        uint64_t events = 0;
        NS_TEST_ASSERT_MSG_EQ(RunPsCell(m_rho, true, n, mean, events), true, "UMTS-384 preset");
        const double capacity = 384000; // bit/s, as RunPsCell's cell
        const double meanService = 20000 * 8 / capacity;
        const uint64_t transfers = 200000;
        const double theory = meanService / (1 - m_rho);
        std::cout << "    load " << m_rho << ": mean transfer " << mean << " s, M/M/1-PS " << theory
                  << " s, error " << 100 * (mean - theory) / theory << "%\n";
        NS_TEST_EXPECT_MSG_EQ(n, transfers, "every transfer arrived");
        NS_TEST_EXPECT_MSG_EQ_TOL(mean, theory, 0.05 * theory, "M/M/1-PS within 5%");
    }

    double m_rho; //!< the load
};

/// A transfer alone on its scheduler is served without a job (MmsFlowNetwork's Solo): the
/// same transfer times as with a job for every transfer, with fewer events.
class MmsFlowSoloTestCase : public TestCase
{
  public:
    MmsFlowSoloTestCase()
        : TestCase("a flow cell serves a transfer alone with the same times and fewer events")
    {
    }

  private:
    void DoRun() override
    {
        uint64_t n[2] = {0, 0};
        double mean[2] = {0, 0};
        uint64_t events[2] = {0, 0};
        for (int solo = 0; solo < 2; ++solo)
        {
            NS_TEST_ASSERT_MSG_EQ(RunPsCell(0.5, solo == 1, n[solo], mean[solo], events[solo]),
                                  true,
                                  "UMTS-384 preset");
        }
        std::cout << "    load 0.5: mean transfer " << mean[0] << " s with jobs, " << mean[1]
                  << " s alone when alone; events " << events[0] << " and " << events[1] << "\n";
        NS_TEST_EXPECT_MSG_EQ(n[1], n[0], "as many transfers arrived");
        NS_TEST_EXPECT_MSG_EQ_TOL(mean[1], mean[0], 1e-6 * mean[0], "the same mean time");
        NS_TEST_EXPECT_MSG_LT(events[1], events[0], "fewer events when transfers are alone");
    }
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
        AddTestCase(new MmsFlowProcessorSharingTestCase(0.3), ns3::mmstest::TestDuration::QUICK);
        AddTestCase(new MmsFlowProcessorSharingTestCase(0.7), ns3::mmstest::TestDuration::QUICK);
        AddTestCase(new MmsFlowSoloTestCase(), ns3::mmstest::TestDuration::QUICK);
        AddTestCase(new MmsFlowDeterminismTestCase("flow", "packet"),
                    ns3::mmstest::TestDuration::QUICK);
    }
};

/// The suite's instance.
static MmsFlowTestSuite g_mmsFlowTestSuite;
