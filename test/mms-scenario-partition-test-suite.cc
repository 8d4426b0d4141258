/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The partition of a scenario over the ranks of a distributed run (no MPI needed): two Relays
// on two ranks with the link between them carrying the lookahead; a shared SMSC joining two
// service areas into one group; a zero-delay link between ranks refused with its file, line
// and both ends; more ranks than groups refused; cells always on their Relay's rank, and the
// scenario helper creating every vertex node and handset with the rank as its system id.

#include "ns3/mms-scenario-helper.h"
#include "ns3/mms-scenario-partition.h"
#include "ns3/mms-scenario.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Two MMSEs, each behind its own router; the routers joined by `backbone` (line 9).
std::string
TwoAreas(const std::string& backbone = "delay=\"5ms\"")
{
    return "graph t {\n"
           "  r1 [kind=relay]; s1 [kind=server]; p1 [kind=ppg]; m1 [kind=smsc];\n"
           "  r2 [kind=relay]; s2 [kind=server]; p2 [kind=ppg]; m2 [kind=smsc];\n"
           "  g1 [kind=router]; g2 [kind=router];\n"
           "  c1 [kind=cell, bearer=\"UMTS-384\", subscribers=10];\n"
           "  c2 [kind=cell, bearer=\"GPRS-CS2\", subscribers=20];\n"
           "  c3 [kind=cell, bearer=\"UMTS-384\", subscribers=5];\n"
           "  edge [rate=\"100Mbps\", delay=\"1ms\"];\n"
           "  g1 -- g2 ["
           + backbone
           + "];\n"
             "  r1 -- g1; s1 -- g1; p1 -- g1; m1 -- g1; c1 -- g1; c3 -- g1;\n"
             "  r2 -- g2; s2 -- g2; p2 -- g2; m2 -- g2; c2 -- g2;\n}\n";
}

/// Errors joined for a message.
std::string
Joined(const std::vector<std::string>& errors)
{
    std::string out;
    for (const auto& e : errors)
    {
        out += (out.empty() ? "" : " | ") + e;
    }
    return out;
}

/// The rank of a vertex by name.
uint32_t
RankOf(const MmsScenario& sc, const MmsScenarioPartition& p, const std::string& name)
{
    return p.GetRank(static_cast<uint32_t>(sc.FindVertex(name)));
}

} // namespace

/// Two Relays, two ranks: each service area whole on its rank, the backbone between them.
class MmsScenarioPartitionTwoRelaysTestCase : public TestCase
{
  public:
    MmsScenarioPartitionTwoRelaysTestCase()
        : TestCase("Two Relays on two ranks: areas whole, the backbone the only link between")
    {
    }

  private:
    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(sc.Parse(TwoAreas(), "t.dot", errors), true, Joined(errors));
        MmsScenarioPartition p;
        NS_TEST_ASSERT_MSG_EQ(p.Compute(sc, 2, errors), true, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(p.GetGroupCount(), 2u, "two groups");
        // r2's area (20 subscribers) is the heavier: it goes first, to rank 0.
        for (const char* v : {"r2", "s2", "p2", "m2", "c2", "g2"})
        {
            NS_TEST_EXPECT_MSG_EQ(RankOf(sc, p, v), 0u, v << " with r2's area");
        }
        for (const char* v : {"r1", "s1", "p1", "m1", "c1", "c3", "g1"})
        {
            NS_TEST_EXPECT_MSG_EQ(RankOf(sc, p, v), 1u, v << " with r1's area");
        }
        NS_TEST_ASSERT_MSG_EQ(p.GetCrossEdges().size(), 1u, "one link between ranks");
        const auto& e = sc.GetEdges()[p.GetCrossEdges()[0]];
        NS_TEST_EXPECT_MSG_EQ(
            sc.GetVertices()[e.a].name + "-" + sc.GetVertices()[e.b].name, "g1-g2", "the backbone");
        NS_TEST_EXPECT_MSG_EQ_TOL(p.GetLookahead(), 0.005, 1e-12, "its 5 ms delay");
        NS_TEST_EXPECT_MSG_EQ(p.GetSubscribers(0), 20u, "rank 0's subscribers");
        NS_TEST_EXPECT_MSG_EQ(p.GetSubscribers(1), 15u, "rank 1's subscribers");

        // One rank owns everything, and a zero-delay link is then no problem.
        MmsScenarioPartition one;
        NS_TEST_ASSERT_MSG_EQ(
            sc.Parse(TwoAreas("delay=\"0ms\""), "t.dot", errors), true, Joined(errors));
        NS_TEST_ASSERT_MSG_EQ(one.Compute(sc, 1, errors), true, Joined(errors));
        for (uint32_t v = 0; v < sc.GetVertices().size(); ++v)
        {
            NS_TEST_EXPECT_MSG_EQ(one.GetRank(v), 0u, "one rank: vertex " << v << " on it");
        }
        NS_TEST_EXPECT_MSG_EQ(one.GetCrossEdges().size(), 0u, "no link between ranks");
    }
};

/// Service areas sharing an SMSC are one group, kept on one rank.
class MmsScenarioPartitionSharedSmscTestCase : public TestCase
{
  public:
    MmsScenarioPartitionSharedSmscTestCase()
        : TestCase("A shared SMSC joins the areas that use it on one rank")
    {
    }

  private:
    void DoRun() override
    {
        // Without m2, both PPGs submit to m1: one group.
        MmsScenario sc;
        std::vector<std::string> errors;
        std::string text = TwoAreas();
        for (const std::string cut : {" m2 [kind=smsc];", " m2 -- g2;"})
        {
            text.erase(text.find(cut), cut.size());
        }
        NS_TEST_ASSERT_MSG_EQ(sc.Parse(text, "t.dot", errors), true, Joined(errors));
        NS_TEST_ASSERT_MSG_EQ(sc.GetMmses().size(), 2u, "two MMSEs");
        NS_TEST_EXPECT_MSG_EQ(
            sc.GetMmses()[1].smsc, static_cast<uint32_t>(sc.FindVertex("m1")), "r2's PPG uses m1");
        MmsScenarioPartition p;
        NS_TEST_EXPECT_MSG_EQ(p.Compute(sc, 2, errors), false, "one group cannot use two ranks");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, "one error");
        NS_TEST_EXPECT_MSG_EQ(errors[0],
                              "t.dot: cannot split over 2 ranks: the scenario has 1 group(s) of "
                              "service areas (Relays sharing a Server, PPG or SMSC count as "
                              "one), so at most 1 rank(s) would own a Relay",
                              "the error");

        // A third area of its own beside them: two groups, the shared pair on one rank.
        errors.clear();
        text.replace(text.find("\n}"),
                     2,
                     "\n  r3 [kind=relay]; s3 [kind=server]; p3 [kind=ppg]; m3 [kind=smsc];\n"
                     "  g3 [kind=router]; c4 [kind=cell, bearer=\"UMTS-384\", subscribers=40];\n"
                     "  g2 -- g3 [delay=\"30ms\"]; r3 -- g3; s3 -- g3; p3 -- g3; m3 -- g3; "
                     "c4 -- g3;\n}");
        NS_TEST_ASSERT_MSG_EQ(sc.Parse(text, "t.dot", errors), true, Joined(errors));
        NS_TEST_ASSERT_MSG_EQ(p.Compute(sc, 2, errors), true, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(p.GetGroupCount(), 2u, "two groups");
        NS_TEST_EXPECT_MSG_EQ(RankOf(sc, p, "r3"), 0u, "the heavier area (40) first");
        for (const char* v : {"r1", "r2", "m1", "c1", "c2", "c3", "g1", "g2"})
        {
            NS_TEST_EXPECT_MSG_EQ(RankOf(sc, p, v), 1u, v << " with the shared SMSC's group");
        }
        NS_TEST_EXPECT_MSG_EQ(p.GetSubscribers(1), 35u, "10 + 20 + 5 on rank 1");
    }
};

/// A zero-delay link between ranks is refused, naming the link.
class MmsScenarioPartitionZeroDelayTestCase : public TestCase
{
  public:
    MmsScenarioPartitionZeroDelayTestCase()
        : TestCase("A zero-delay link between ranks: error with file, line and both ends")
    {
    }

  private:
    void DoRun() override
    {
        // A router between two areas is always nearer one side, so a zero-delay link between
        // ranks joins two areas' own elements: here s1 and m2 (line 14), which neither area
        // uses to reach the other's (s1 is 2 ms from g1, m2 2 ms from g2).
        std::string text = TwoAreas();
        for (const std::string& cut : {" s1 -- g1;", " m2 -- g2;"})
        {
            text.erase(text.find(cut), cut.size());
        }
        text.replace(text.find("\n}"),
                     2,
                     "\n  s1 -- g1 [delay=\"2ms\"]; m2 -- g2 [delay=\"2ms\"];\n"
                     "  s2 -- g2 [delay=\"0.5ms\"];\n"
                     "  s1 -- m2 [delay=\"0ms\"];\n}");
        text.replace(text.find(" s2 -- g2;"), 10, "");
        MmsScenario sc;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(sc.Parse(text, "t.dot", errors), true, Joined(errors));
        NS_TEST_ASSERT_MSG_EQ(sc.GetMmses().size(), 2u, "two MMSEs");
        NS_TEST_EXPECT_MSG_EQ(
            sc.GetMmses()[0].smsc, static_cast<uint32_t>(sc.FindVertex("m1")), "r1's PPG keeps m1");
        NS_TEST_EXPECT_MSG_EQ(
            sc.GetMmses()[1].server, static_cast<uint32_t>(sc.FindVertex("s2")), "r2 keeps s2");
        MmsScenarioPartition p;
        NS_TEST_EXPECT_MSG_EQ(p.Compute(sc, 2, errors), false, "refused");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, "one error");
        NS_TEST_EXPECT_MSG_EQ(errors[0],
                              "t.dot:14: link s1 -- m2 (delay 0ms) joins rank 1 (s1) and rank 0 "
                              "(m2): a link between ranks needs a delay of at least 1ns, the "
                              "lookahead of ns-3's distributed simulator; give it a delay or "
                              "run on fewer ranks",
                              "the error names the link");
        NS_TEST_EXPECT_MSG_EQ(p.GetRanks(), 0u, "nothing usable is left");
    }
};

/// More ranks than groups of service areas are refused.
class MmsScenarioPartitionTooManyRanksTestCase : public TestCase
{
  public:
    MmsScenarioPartitionTooManyRanksTestCase()
        : TestCase("More ranks than service areas, and no rank, are refused")
    {
    }

  private:
    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(sc.Parse(TwoAreas(), "t.dot", errors), true, Joined(errors));
        MmsScenarioPartition p;
        NS_TEST_EXPECT_MSG_EQ(p.Compute(sc, 3, errors), false, "three ranks, two areas");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, "one error");
        NS_TEST_EXPECT_MSG_EQ((errors[0].find("cannot split over 3 ranks: the scenario has 2 "
                                              "group(s)")
                               != std::string::npos),
                              true,
                              errors[0]);
        errors.clear();
        NS_TEST_EXPECT_MSG_EQ(p.Compute(sc, 0, errors), false, "zero ranks");
        NS_TEST_EXPECT_MSG_EQ(Joined(errors), "t.dot: the number of ranks must be 1 or more", "");
    }
};

/// Cells never span ranks: each cell with its Relay, its handsets created on its rank.
class MmsScenarioPartitionCellsTestCase : public TestCase
{
  public:
    MmsScenarioPartitionCellsTestCase()
        : TestCase("Cells and their handsets on their Relay's rank; nodes get the rank as "
                   "system id")
    {
    }

  private:
    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(sc.Parse(TwoAreas(), "t.dot", errors), true, Joined(errors));
        MmsScenarioPartition p;
        NS_TEST_ASSERT_MSG_EQ(p.Compute(sc, 2, errors), true, Joined(errors));
        for (const auto& m : sc.GetMmses())
        {
            for (uint32_t c : m.cells)
            {
                NS_TEST_EXPECT_MSG_EQ(p.GetRank(c),
                                      p.GetRank(m.relay),
                                      "cell " << sc.GetVertices()[c].name << " with its Relay");
            }
        }

        // The helper, told it is rank 1, builds every node with its owner's system id.
        MmsScenarioHelper builder;
        builder.SetTraffic(false);
        builder.SetHandsetsOnDemand(false);
        builder.SetPartition(p, 1);
        builder.Install(sc);
        for (const auto& v : sc.GetVertices())
        {
            const uint32_t rank = RankOf(sc, p, v.name);
            NS_TEST_EXPECT_MSG_EQ(builder.GetNode(v.name)->GetSystemId(), rank, v.name);
            NS_TEST_EXPECT_MSG_EQ(builder.IsLocal(v.name), (rank == 1), v.name << " local");
            if (v.kind != MmsScenario::CELL)
            {
                continue;
            }
            NodeContainer handsets = builder.GetHandsets(v.name);
            NS_TEST_EXPECT_MSG_EQ(handsets.GetN(), v.subscribers, "every handset built");
            for (uint32_t h = 0; h < handsets.GetN(); ++h)
            {
                NS_TEST_EXPECT_MSG_EQ(handsets.Get(h)->GetSystemId(),
                                      rank,
                                      "handset " << h << " of " << v.name << " on its cell's rank");
            }
        }
        Simulator::Destroy();
    }
};

/// The suite.
class MmsScenarioPartitionTestSuite : public TestSuite
{
  public:
    MmsScenarioPartitionTestSuite()
        : TestSuite("mms-scenario-partition", Type::UNIT)
    {
        AddTestCase(new MmsScenarioPartitionTwoRelaysTestCase);
        AddTestCase(new MmsScenarioPartitionSharedSmscTestCase);
        AddTestCase(new MmsScenarioPartitionZeroDelayTestCase);
        AddTestCase(new MmsScenarioPartitionTooManyRanksTestCase);
        AddTestCase(new MmsScenarioPartitionCellsTestCase);
    }
};

static MmsScenarioPartitionTestSuite
    g_mmsScenarioPartitionTestSuite; //!< Static test initialization
