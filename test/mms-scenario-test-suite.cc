/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Scenario files: the learner's file loads as written; routes on a hand-made graph are the ones
// worked out by hand (least delay, then fewer hops, then the lower index); every kind of
// mistake gets one error line, with its line number and the node or edge named; values ns-3
// would abort on are refused without aborting.

#include "mms-test-data.h"

#include "ns3/mms-scenario.h"
#include "ns3/nstime.h"
#include "ns3/test.h"
#include "ns3/type-id.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>

using namespace ns3;

namespace
{

std::string
ScenarioPath(const std::string& file)
{
    return mmstest::MmsSourcePath("test/data/scenarios/" + file);
}

/// All problems as one text, for messages.
std::string
Joined(const std::vector<std::string>& errors)
{
    std::string out;
    for (const auto& e : errors)
    {
        out += "\n  " + e;
    }
    return out;
}

const char* const kKinds = "relay, server, ppg, smsc, router, cell, wapgw, mailserver, vasp";
const char* const kPresets =
    "GPRS-CS1, GPRS-CS2, GPRS-CS3, GPRS-CS4, EDGE-MCS1, EDGE-MCS2, EDGE-MCS3, EDGE-MCS4, "
    "EDGE-MCS5, EDGE-MCS6, EDGE-MCS7, EDGE-MCS8, EDGE-MCS9, UMTS-64, UMTS-128, UMTS-384, "
    "HSDPA-CAT12, HSDPA-CAT6, HSDPA-CAT8, HSDPA-CAT10";
const char* const kRateForm = "expected a data rate such as \"2Mbps\": a number and a unit among "
                              "bps, kbps, Mbps, Gbps (bits) or Bps, kBps, MBps, GBps (bytes)";
const char* const kTimeForm = "expected a time such as \"20ms\": a number and a unit among s, ms, "
                              "us, ns, ps, fs, min, h, d, y (none: seconds)";

/// A good network to which the text tests add one mistake at a time.
std::string
Network(const std::string& nodes = "", const std::string& edges = "")
{
    return "graph t {\n"                                           // 1
           "  r [kind=relay]\n"                                    // 2
           "  s [kind=server]\n"                                   // 3
           "  p [kind=ppg]\n"                                      // 4
           "  m [kind=smsc]\n"                                     // 5
           "  g [kind=router]\n"                                   // 6
           "  c [kind=cell, subscribers=5, bearer=\"UMTS-384\"]\n" // 7
           "  r -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"          // 8
           "  s -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"          // 9
           "  p -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"          // 10
           "  m -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"          // 11
           "  c -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"
           + // 12
           nodes + edges + "}\n";
}

/// Ties, zero delays, a cell on two routers, a leaf behind a router of two links, and parts
/// that reach nothing of the rest: two routers linked only to each other, a chain, a triangle.
const char* const kTiesAndIslands = R"(graph ties {
    node [kind=router]
    g1; g2; g3; h; q; z
    r1 [kind=relay]; r2 [kind=relay]; s [kind=server]; p [kind=ppg]; m [kind=smsc]
    x; y; u; v; w; o1; o2; o3
    node [kind=cell, bearer="UMTS-384", subscribers=3]
    c1; c2; c3; c4
    edge [rate="100Mbps"]
    g1 -- g2 [delay="1ms"]
    g2 -- g3 [delay="1ms"]
    g1 -- h [delay="1ms"]
    h -- g3 [delay="1ms"]
    g1 -- g3 [delay="3ms"]
    r1 -- g1 [delay="1ms"]
    r2 -- g3 [delay="1ms"]
    s -- g2 [delay="0ms"]
    p -- h [delay="1ms"]
    m -- h [delay="0ms"]
    c1 -- g1 [delay="2ms"]
    c2 -- q [delay="2ms"]
    q -- g3 [delay="1ms"]
    c3 -- g2 [delay="1ms"]
    c4 -- g1 [delay="1ms"]
    c4 -- g3 [delay="1ms"]
    z -- g2 [delay="0ms"]
    x -- y [delay="1ms"]
    u -- v [delay="1ms"]
    v -- w [delay="2ms"]
    o1 -- o2 [delay="1ms"]
    o2 -- o3 [delay="1ms"]
    o3 -- o1 [delay="2ms"]
}
)";

/**
 * An operator network shaped as utils/mms-scenario-generate.py writes them: per area an MMSC
 * site (Relay, Server, PPG on a site router), a core router with the SMSC, regional routers
 * 2, 4, 6 or 8 ms from the core, cells 2 ms from their region; the areas' cores chained.
 * \param cells the cells, dealt to the areas in turn and to their regions in turn
 * \param regions regions per area
 * \param areas operator areas
 * \param ring also link each area's regions in a ring, 2 ms apart (many equal delays)
 * \return the DOT text
 */
std::string
OperatorText(uint32_t cells, uint32_t regions, uint32_t areas, bool ring)
{
    std::ostringstream os;
    os << "graph operator {\n";
    for (uint32_t a = 0; a < areas; ++a)
    {
        const std::string x = "_" + std::to_string(a);
        os << "  mmsc" << x << " [kind=relay]; store" << x << " [kind=server]; ppg" << x
           << " [kind=ppg]; smsc" << x << " [kind=smsc]; site" << x << " [kind=router]; core" << x
           << " [kind=router]\n";
        for (const char* e : {"mmsc", "store", "ppg"})
        {
            os << "  " << e << x << " -- site" << x << " [rate=\"1Gbps\", delay=\"0.1ms\"]\n";
        }
        os << "  site" << x << " -- core" << x << " [rate=\"1Gbps\", delay=\"1ms\"]\n";
        os << "  smsc" << x << " -- core" << x << " [rate=\"1Gbps\", delay=\"1ms\"]\n";
        if (a > 0)
        {
            os << "  core_" << a - 1 << " -- core" << x << " [rate=\"1Gbps\", delay=\"5ms\"]\n";
        }
        for (uint32_t r = 0; r < regions; ++r)
        {
            os << "  region" << r << x << " [kind=router]\n";
            os << "  core" << x << " -- region" << r << x << " [rate=\"155Mbps\", delay=\""
               << 2 + 2 * (r % 4) << "ms\"]\n";
            if (ring && regions > 2)
            {
                os << "  region" << r << x << " -- region" << (r + 1) % regions << x
                   << " [rate=\"155Mbps\", delay=\"2ms\"]\n";
            }
        }
    }
    for (uint32_t c = 0; c < cells; ++c)
    {
        os << "  c" << c << " [kind=cell, bearer=\"GPRS-CS2\", subscribers=" << 1 + c % 7 << "]\n";
        os << "  region" << c / areas % regions << "_" << c % areas << " -- c" << c
           << " [rate=\"2Mbps\", delay=\"2ms\"]\n";
    }
    os << "}\n";
    return os.str();
}

} // namespace

/// The shipped learner scenario.
class MmsScenarioLearnerTestCase : public TestCase
{
  public:
    MmsScenarioLearnerTestCase()
        : TestCase("the learner scenario examples-scenarios-first-network.dot loads")
    {
    }

  private:
    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        const std::string path = mmstest::MmsSourcePath("examples/scenarios/first-network.dot");
        NS_TEST_ASSERT_MSG_EQ(sc.Load(path, errors), true, "loads" << Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(errors.size(), 0u, "no problems");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices().size(), 8u, "eight nodes");
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges().size(), 7u, "seven links");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVerticesOfKind(MmsScenario::RELAY).size(), 1u, "one relay");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVerticesOfKind(MmsScenario::SERVER).size(), 1u, "server");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVerticesOfKind(MmsScenario::PPG).size(), 1u, "PPG");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVerticesOfKind(MmsScenario::SMSC).size(), 1u, "SMSC");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVerticesOfKind(MmsScenario::ROUTER).size(), 2u, "routers");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVerticesOfKind(MmsScenario::CELL).size(), 2u, "cells");
        NS_TEST_EXPECT_MSG_EQ(sc.GetSubscriberCount(), 30u, "20 + 10 subscribers");

        const int32_t umts = sc.FindVertex("town_umts");
        const int32_t gprs = sc.FindVertex("village_gprs");
        const int32_t relay = sc.FindVertex("mmsc");
        NS_TEST_ASSERT_MSG_EQ((umts >= 0 && gprs >= 0 && relay >= 0), true, "names found");
        NS_TEST_EXPECT_MSG_EQ(sc.FindVertex("nobody"), -1, "unknown name");
        const auto& v = sc.GetVertices();
        NS_TEST_EXPECT_MSG_EQ(v[umts].bearer, "UMTS-384", "town bearer");
        NS_TEST_EXPECT_MSG_EQ(v[umts].subscribers, 20u, "town subscribers");
        NS_TEST_EXPECT_MSG_EQ(v[gprs].bearer, "GPRS-CS2", "village bearer");
        NS_TEST_EXPECT_MSG_EQ(v[gprs].subscribers, 10u, "village subscribers");
        NS_TEST_EXPECT_MSG_EQ(v[relay].kind, MmsScenario::RELAY, "kind");
        NS_TEST_EXPECT_MSG_EQ(
            (v[relay].line > 0 && v[relay].line < v[umts].line), true, "lines recorded");

        // The element attribute and the User Agent attribute, with their targets.
        NS_TEST_ASSERT_MSG_EQ(v[relay].settings.size(), 1u, "one relay setting");
        NS_TEST_EXPECT_MSG_EQ(v[relay].settings[0].target, MmsScenario::ELEMENT, "target");
        NS_TEST_EXPECT_MSG_EQ(v[relay].settings[0].name, "Workers", "name");
        NS_TEST_EXPECT_MSG_EQ(v[relay].settings[0].value, "16", "value");
        // The village cell: the traffic model's rate from "node [...]" and its own handset
        // attribute; the town cell: the default rate only (its shape is for drawing).
        NS_TEST_ASSERT_MSG_EQ(v[gprs].settings.size(), 2u, "two village settings");
        NS_TEST_ASSERT_MSG_EQ(v[umts].settings.size(), 1u, "presentation attributes ignored");
        for (const MmsScenario::Setting* s :
             {&v[gprs].settings[0], &v[gprs].settings[1], &v[umts].settings[0]})
        {
            if (s->name == "RetrievalMode")
            {
                NS_TEST_EXPECT_MSG_EQ(s->target, MmsScenario::USER_AGENT, "UA target");
                NS_TEST_EXPECT_MSG_EQ(s->value, "Deferred", "UA value");
                NS_TEST_EXPECT_MSG_EQ((s != &v[umts].settings[0]), true, "village only");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(s->name, "MessagesPerHour", "the node default");
                NS_TEST_EXPECT_MSG_EQ(s->target, MmsScenario::TRAFFIC_MODEL, "traffic target");
                NS_TEST_EXPECT_MSG_EQ(s->value, "4", "traffic value");
            }
        }

        // One MMSE serving both cells.
        NS_TEST_ASSERT_MSG_EQ(sc.GetMmses().size(), 1u, "one MMSE");
        const auto& mmse = sc.GetMmses()[0];
        NS_TEST_EXPECT_MSG_EQ(mmse.relay, static_cast<uint32_t>(relay), "its relay");
        NS_TEST_EXPECT_MSG_EQ(mmse.server, static_cast<uint32_t>(sc.FindVertex("store")), "store");
        NS_TEST_EXPECT_MSG_EQ(mmse.ppg, static_cast<uint32_t>(sc.FindVertex("ppg")), "PPG");
        NS_TEST_EXPECT_MSG_EQ(mmse.smsc, static_cast<uint32_t>(sc.FindVertex("smsc")), "SMSC");
        NS_TEST_ASSERT_MSG_EQ(mmse.cells.size(), 2u, "both cells");
        NS_TEST_EXPECT_MSG_EQ(mmse.cells[0], static_cast<uint32_t>(umts), "file order");
        NS_TEST_EXPECT_MSG_EQ(mmse.cells[1], static_cast<uint32_t>(gprs), "file order");

        // A link as written, with its delay in seconds.
        bool found = false;
        for (const auto& e : sc.GetEdges())
        {
            if (e.a == static_cast<uint32_t>(sc.FindVertex("gateway_router"))
                && e.b == static_cast<uint32_t>(gprs))
            {
                found = true;
                NS_TEST_EXPECT_MSG_EQ(e.rate, "2Mbps", "rate as written");
                NS_TEST_EXPECT_MSG_EQ(e.delay, "8ms", "delay as written");
                NS_TEST_EXPECT_MSG_EQ(e.delaySeconds, 0.008, "delay in seconds");
                NS_TEST_EXPECT_MSG_EQ(e.loss, 0.0001, "loss");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(found, true, "the village link");
        // mmsc -> site router -> gateway router -> village: 0.2 + 10 + 8 ms.
        NS_TEST_EXPECT_MSG_EQ_TOL(sc.GetPathDelay(relay, gprs), 0.0182, 1e-12, "path delay");
    }
};

/// Routes on test/data/scenarios/routing.dot, worked out by hand.
class MmsScenarioRoutingTestCase : public TestCase
{
  public:
    MmsScenarioRoutingTestCase()
        : TestCase("routes take the least delay, then fewer hops, then the lower index")
    {
    }

  private:
    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(
            sc.Load(ScenarioPath("routing.dot"), errors), true, "loads" << Joined(errors));
        // Indices follow the file's first mention of each node.
        const char* names[] = {
            "r1", "r2", "s", "p1", "p2", "m", "a", "b", "c", "d", "x", "c1", "c2", "c3"};
        NS_TEST_ASSERT_MSG_EQ(sc.GetVertices().size(), 14u, "vertices");
        for (uint32_t i = 0; i < 14; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[i].name, names[i], "vertex " << i);
            NS_TEST_EXPECT_MSG_EQ(sc.FindVertex(names[i]), static_cast<int32_t>(i), names[i]);
        }

        enum
        {
            R1,
            R2,
            S,
            P1,
            P2,
            M,
            A,
            B,
            C,
            D,
            X,
            C1,
            C2,
            C3
        };

        NS_TEST_ASSERT_MSG_EQ(sc.GetEdges().size(), 16u, "edges");
        // node [...] and edge [...] defaults apply; the bearer is stored canonically.
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[D].kind, MmsScenario::ROUTER, "default kind");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[C1].bearer, "UMTS-384", "canonical bearer");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[C2].bearer, "GPRS-CS2", "overridden default");
        NS_TEST_EXPECT_MSG_EQ(sc.GetSubscriberCount(), 20u, "10 + 7 + 3");
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges()[0].rate, "100Mbps", "default rate");
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges()[15].loss, 0.01, "loss");
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges()[5].a, static_cast<uint32_t>(D), "d -- a as written");
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges()[5].b, static_cast<uint32_t>(A), "d -- a as written");
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges()[5].line, 23u, "edge line");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[X].line, 10u, "node line");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[C3].line, 14u, "node line");

        // a -> d: direct 10 ms loses to a-b-d, 6 ms in two hops (a-b-c-d and a-x-c-d are also
        // 6 ms, in three).
        NS_TEST_EXPECT_MSG_EQ(sc.GetFirstEdge(A, D), 2, "a -> d leaves on a -- b");
        NS_TEST_EXPECT_MSG_EQ(sc.GetPathDelay(A, D), 0.006, "6 ms");
        NS_TEST_EXPECT_MSG_EQ(sc.GetFirstEdge(B, D), 6, "b -> d: the diagonal, 1 hop, 4 ms");
        NS_TEST_EXPECT_MSG_EQ(sc.GetFirstEdge(D, A), 6, "d -> a: back over b");
        // a -> c: a-x-c and a-b-c are both 4 ms in two hops: b has the lower index.
        NS_TEST_EXPECT_MSG_EQ(sc.GetFirstEdge(A, C), 2, "a -> c over b, not x");
        NS_TEST_EXPECT_MSG_EQ(sc.GetPathDelay(A, C), 0.004, "4 ms");
        NS_TEST_EXPECT_MSG_EQ(sc.GetFirstEdge(X, A), 0, "x -> a direct");
        NS_TEST_EXPECT_MSG_EQ(sc.GetFirstEdge(A, A), -1, "no hop to itself");
        NS_TEST_EXPECT_MSG_EQ(sc.GetPathDelay(A, A), 0.0, "zero to itself");
        NS_TEST_EXPECT_MSG_EQ(sc.GetPathDelay(R1, R2), 0.006, "r1-a-b-c-r2");
        NS_TEST_EXPECT_MSG_EQ(sc.GetPathDelay(R2, R1), 0.006, "symmetric");

        // Hop by hop from cell c1 to the SMSC: c1, a, b, d, m; 1 + 2 + 4 + 1 ms.
        const uint32_t expected[] = {C1, A, B, D, M};
        uint32_t at = C1;
        for (uint32_t hop = 1; hop < 5; ++hop)
        {
            int32_t e = sc.GetFirstEdge(at, M);
            NS_TEST_ASSERT_MSG_EQ((e >= 0), true, "a route at hop " << hop);
            at = sc.GetOtherEnd(e, at);
            NS_TEST_EXPECT_MSG_EQ(at, expected[hop], "hop " << hop);
        }
        NS_TEST_EXPECT_MSG_EQ(sc.GetPathDelay(C1, M), 0.008, "8 ms");

        // Nearest elements; c3 is 3 ms from both relays: the lower index wins.
        NS_TEST_EXPECT_MSG_EQ(sc.GetNearest(C1, MmsScenario::RELAY), R1, "c1 near r1");
        NS_TEST_EXPECT_MSG_EQ(sc.GetNearest(C2, MmsScenario::RELAY), R2, "c2 near r2");
        NS_TEST_EXPECT_MSG_EQ(sc.GetNearest(C3, MmsScenario::RELAY), R1, "tie: r1");
        NS_TEST_EXPECT_MSG_EQ(sc.GetPathDelay(C3, R1), sc.GetPathDelay(C3, R2), "a real tie");
        NS_TEST_EXPECT_MSG_EQ(sc.GetNearest(R1, MmsScenario::RELAY), R1, "itself");
        NS_TEST_EXPECT_MSG_EQ(sc.GetServingRelay(C1), static_cast<uint32_t>(R1), "serving c1");
        NS_TEST_EXPECT_MSG_EQ(sc.GetServingRelay(C2), static_cast<uint32_t>(R2), "serving c2");
        NS_TEST_EXPECT_MSG_EQ(sc.GetServingRelay(C3), static_cast<uint32_t>(R1), "serving c3");

        // The MMSEs: r1 with p1 (4 ms, p2 is 6 ms away), r2 with p2; one server, one SMSC.
        const auto& mmses = sc.GetMmses();
        NS_TEST_ASSERT_MSG_EQ(mmses.size(), 2u, "one MMSE per relay");
        NS_TEST_EXPECT_MSG_EQ(mmses[0].relay, static_cast<uint32_t>(R1), "first relay");
        NS_TEST_EXPECT_MSG_EQ(mmses[0].server, static_cast<uint32_t>(S), "server");
        NS_TEST_EXPECT_MSG_EQ(mmses[0].ppg, static_cast<uint32_t>(P1), "r1's PPG");
        NS_TEST_EXPECT_MSG_EQ(mmses[0].smsc, static_cast<uint32_t>(M), "SMSC");
        NS_TEST_ASSERT_MSG_EQ(mmses[0].cells.size(), 2u, "r1 serves c1 and c3");
        NS_TEST_EXPECT_MSG_EQ(mmses[0].cells[0], static_cast<uint32_t>(C1), "c1");
        NS_TEST_EXPECT_MSG_EQ(mmses[0].cells[1], static_cast<uint32_t>(C3), "c3");
        NS_TEST_EXPECT_MSG_EQ(mmses[1].relay, static_cast<uint32_t>(R2), "second relay");
        NS_TEST_EXPECT_MSG_EQ(mmses[1].server, static_cast<uint32_t>(S), "server");
        NS_TEST_EXPECT_MSG_EQ(mmses[1].ppg, static_cast<uint32_t>(P2), "r2's PPG");
        NS_TEST_EXPECT_MSG_EQ(mmses[1].smsc, static_cast<uint32_t>(M), "SMSC");
        NS_TEST_ASSERT_MSG_EQ(mmses[1].cells.size(), 1u, "r2 serves c2");
        NS_TEST_EXPECT_MSG_EQ(mmses[1].cells[0], static_cast<uint32_t>(C2), "c2");
    }
};

/// Every answer of the routes against a plain reference computed here: Floyd-Warshall over
/// (delay in ns, hops), first hops to the lowest-index neighbour on a shortest path, nearest
/// vertices by delay (ties to the lower index).
class MmsScenarioRoutesReferenceTestCase : public TestCase
{
  public:
    /**
     * Check one scenario.
     * \param name what messages call it
     * \param text the DOT text, or "" to load `path`
     * \param path a scenario file (when `text` is empty)
     * \param minTies the least number of (from, to) pairs with two or more first hops on a
     *        shortest path that the scenario must have (0: no requirement)
     * \param minUnreachable the least number of unreachable pairs it must have
     */
    MmsScenarioRoutesReferenceTestCase(const std::string& name,
                                       const std::string& text,
                                       const std::string& path,
                                       uint32_t minTies,
                                       uint32_t minUnreachable)
        : TestCase("routes of " + name + " match a reference for every pair")
        , m_name(name)
        , m_text(text)
        , m_path(path)
        , m_minTies(minTies)
        , m_minUnreachable(minUnreachable)
    {
    }

  private:
    struct Cost
    {
        int64_t ns;
        uint32_t hops;
    };

    static bool Less(const Cost& a, const Cost& b)
    {
        return a.ns != b.ns ? a.ns < b.ns : a.hops < b.hops;
    }

    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        const bool ok = m_text.empty() ? sc.Load(m_path, errors) : sc.Parse(m_text, m_name, errors);
        NS_TEST_ASSERT_MSG_EQ(ok, true, m_name << " loads" << Joined(errors));
        const auto& edges = sc.GetEdges();
        const uint32_t n = static_cast<uint32_t>(sc.GetVertices().size());
        const int64_t inf = std::numeric_limits<int64_t>::max();
        std::vector<std::vector<Cost>> d(n, std::vector<Cost>(n, Cost{inf, 0}));
        std::vector<int64_t> w(edges.size());
        for (uint32_t v = 0; v < n; ++v)
        {
            d[v][v] = Cost{0, 0};
        }
        for (uint32_t e = 0; e < edges.size(); ++e)
        {
            w[e] = Time(edges[e].delay).GetNanoSeconds();
            const Cost c{w[e], 1};
            if (Less(c, d[edges[e].a][edges[e].b]))
            {
                d[edges[e].a][edges[e].b] = c;
                d[edges[e].b][edges[e].a] = c;
            }
        }
        for (uint32_t k = 0; k < n; ++k)
        {
            for (uint32_t i = 0; i < n; ++i)
            {
                if (d[i][k].ns == inf)
                {
                    continue;
                }
                for (uint32_t j = 0; j < n; ++j)
                {
                    if (d[k][j].ns == inf)
                    {
                        continue;
                    }
                    const Cost via{d[i][k].ns + d[k][j].ns, d[i][k].hops + d[k][j].hops};
                    if (Less(via, d[i][j]))
                    {
                        d[i][j] = via;
                    }
                }
            }
        }
        auto delay = [&](uint32_t a, uint32_t b)
        {
            return d[a][b].ns == inf ? std::numeric_limits<double>::infinity()
                                     : static_cast<double>(d[a][b].ns) / 1e9;
        };
        uint32_t ties = 0;
        uint32_t unreachable = 0;
        uint32_t wrong = 0; // reported one by one up to a few, then counted
        for (uint32_t s = 0; s < n; ++s)
        {
            for (uint32_t t = 0; t < n; ++t)
            {
                int32_t first = -1;
                uint32_t firstNeighbour = n;
                uint32_t onShortest = 0;
                if (s != t && d[s][t].ns != inf)
                {
                    for (uint32_t e = 0; e < edges.size(); ++e)
                    {
                        if (edges[e].a != s && edges[e].b != s)
                        {
                            continue;
                        }
                        const uint32_t x = edges[e].a == s ? edges[e].b : edges[e].a;
                        if (d[x][t].ns != inf && w[e] + d[x][t].ns == d[s][t].ns
                            && 1 + d[x][t].hops == d[s][t].hops)
                        {
                            ++onShortest;
                            if (x < firstNeighbour)
                            {
                                firstNeighbour = x;
                                first = static_cast<int32_t>(e);
                            }
                        }
                    }
                }
                ties += onShortest > 1 ? 1 : 0;
                unreachable += d[s][t].ns == inf ? 1 : 0;
                const bool same =
                    sc.GetFirstEdge(s, t) == first && sc.GetPathDelay(s, t) == delay(s, t);
                if (!same && ++wrong <= 5)
                {
                    NS_TEST_EXPECT_MSG_EQ(
                        sc.GetFirstEdge(s, t), first, m_name << " " << s << " -> " << t);
                    NS_TEST_EXPECT_MSG_EQ(
                        sc.GetPathDelay(s, t), delay(s, t), m_name << " " << s << " -> " << t);
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(wrong, 0u, m_name << ": pairs with another first hop or delay");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(ties, m_minTies, m_name << ": pairs with tied first hops");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(unreachable, m_minUnreachable, m_name << ": unreachable pairs");

        // Nearest vertices of each kind, serving Relays and MMSEs.
        auto nearest = [&](uint32_t from, const std::vector<uint32_t>& of)
        {
            int32_t best = -1;
            for (uint32_t v : of)
            {
                if (d[from][v].ns != inf && (best < 0 || delay(from, v) < delay(from, best)))
                {
                    best = static_cast<int32_t>(v);
                }
            }
            return best;
        };
        const MmsScenario::Kind kinds[] = {MmsScenario::RELAY,
                                           MmsScenario::SERVER,
                                           MmsScenario::PPG,
                                           MmsScenario::SMSC,
                                           MmsScenario::ROUTER,
                                           MmsScenario::CELL};
        for (uint32_t v = 0; v < n; ++v)
        {
            for (auto kind : kinds)
            {
                NS_TEST_EXPECT_MSG_EQ(sc.GetNearest(v, kind),
                                      nearest(v, sc.GetVerticesOfKind(kind)),
                                      m_name << ": nearest " << MmsScenario::KindName(kind)
                                             << " to " << v);
            }
            const int32_t relay = nearest(v, sc.GetVerticesOfKind(MmsScenario::RELAY));
            NS_TEST_EXPECT_MSG_EQ(
                sc.GetServingRelay(v),
                (relay < 0 ? std::numeric_limits<uint32_t>::max() : static_cast<uint32_t>(relay)),
                m_name << ": serving Relay of " << v);
        }
        const auto relays = sc.GetVerticesOfKind(MmsScenario::RELAY);
        NS_TEST_ASSERT_MSG_EQ(
            sc.GetMmses().size(), relays.size(), m_name << ": one MMSE per Relay");
        for (std::size_t i = 0; i < relays.size(); ++i)
        {
            const auto& m = sc.GetMmses()[i];
            const uint32_t r = relays[i];
            NS_TEST_EXPECT_MSG_EQ(m.relay, r, m_name << ": MMSE " << i);
            NS_TEST_EXPECT_MSG_EQ(static_cast<int32_t>(m.server),
                                  nearest(r, sc.GetVerticesOfKind(MmsScenario::SERVER)),
                                  m_name << ": server of MMSE " << i);
            const int32_t ppg = nearest(r, sc.GetVerticesOfKind(MmsScenario::PPG));
            NS_TEST_EXPECT_MSG_EQ(
                static_cast<int32_t>(m.ppg), ppg, m_name << ": PPG of MMSE " << i);
            NS_TEST_EXPECT_MSG_EQ(
                static_cast<int32_t>(m.smsc),
                nearest(static_cast<uint32_t>(ppg), sc.GetVerticesOfKind(MmsScenario::SMSC)),
                m_name << ": SMSC of MMSE " << i);
            std::vector<uint32_t> cells;
            for (uint32_t c : sc.GetVerticesOfKind(MmsScenario::CELL))
            {
                if (nearest(c, relays) == static_cast<int32_t>(r))
                {
                    cells.push_back(c);
                }
            }
            NS_TEST_EXPECT_MSG_EQ((m.cells == cells), true, m_name << ": cells of MMSE " << i);
        }
    }

    std::string m_name;        //!< what messages call the scenario
    std::string m_text;        //!< its DOT text ("" to load m_path)
    std::string m_path;        //!< its file
    uint32_t m_minTies;        //!< least pairs with tied first hops it must have
    uint32_t m_minUnreachable; //!< least unreachable pairs it must have
};

/// One wrong file: exactly these error lines (after the file's path).
class MmsScenarioBadFileTestCase : public TestCase
{
  public:
    MmsScenarioBadFileTestCase(const std::string& file, const std::vector<std::string>& expected)
        : TestCase("wrong file " + file + " is reported")
        , m_file(file)
        , m_expected(expected)
    {
    }

  private:
    void DoRun() override
    {
        const std::string path = ScenarioPath(m_file);
        MmsScenario sc;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(sc.Load(path, errors), false, m_file << " is refused");
        NS_TEST_ASSERT_MSG_EQ(
            errors.size(), m_expected.size(), "one line per problem:" << Joined(errors));
        for (std::size_t i = 0; i < errors.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(errors[i], path + m_expected[i], "line " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices().size(), 0u, "nothing usable");
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges().size(), 0u, "nothing usable");
        NS_TEST_EXPECT_MSG_EQ(sc.GetMmses().size(), 0u, "nothing usable");
    }

    std::string m_file;
    std::vector<std::string> m_expected;
};

/// A file that is not there.
class MmsScenarioMissingFileTestCase : public TestCase
{
  public:
    MmsScenarioMissingFileTestCase()
        : TestCase("a missing file is named")
    {
    }

  private:
    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        const std::string path = ScenarioPath("no-such-scenario.dot");
        NS_TEST_ASSERT_MSG_EQ(sc.Load(path, errors), false, "refused");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, "one line");
        NS_TEST_EXPECT_MSG_EQ(errors[0],
                              path + ": cannot read the file (No such file or directory)",
                              "the file is named");
        errors.clear();
        NS_TEST_EXPECT_MSG_EQ(sc.Load(ScenarioPath(""), errors), false, "a directory");
        NS_TEST_EXPECT_MSG_EQ(errors.size(), 1u, "one line");
    }
};

/// Mistakes given as text: syntax lines, and checks the files above do not cover.
class MmsScenarioTextTestCase : public TestCase
{
  public:
    MmsScenarioTextTestCase()
        : TestCase("each mistake in a text is found once, at its line")
    {
    }

  protected:
    /// A case of another name that checks texts likewise.
    /// \param name the case's name
    explicit MmsScenarioTextTestCase(const std::string& name)
        : TestCase(name)
    {
    }

    /// Parse `text`; expect exactly `expected` (after "t.dot").
    void Expect(const std::string& text,
                const std::vector<std::string>& expected,
                const std::string& what)
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        bool ok = sc.Parse(text, "t.dot", errors);
        NS_TEST_EXPECT_MSG_EQ(ok, expected.empty(), what << Joined(errors));
        NS_TEST_ASSERT_MSG_EQ(errors.size(), expected.size(), what << Joined(errors));
        for (std::size_t i = 0; i < errors.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(errors[i], "t.dot" + expected[i], what);
        }
    }

  private:
    void DoRun() override
    {
        Expect(Network(), {}, "the base network is good");

        // Syntax: the line counts past comments of every kind and a quoted newline.
        Expect("/* a\n comment */ graph t {\n# hash\n  a [label=\"two\nlines\"] // x\n"
               "  b [kind=relay];;\n}\n",
               {":6: syntax error: Invalid start token for statement (token is \"<semicolon> "
                "';'\")"},
               "a stray semicolon");
        Expect("graph t {\n  a [kind=relay]\n", // no closing brace
               {":2: syntax error: Invalid start token for statement (token is \"<eof> ''\") (the "
                "file "
                "ends here: is a closing } missing?)"},
               "no closing brace");
        Expect("graph t {\n  a [kind=relay]\n  b & c\n}\n",
               {":3: syntax error: Invalid character (char is '&')"},
               "a bad character");
        Expect(Network("  x [kind=router, label=\"unclosed]\n"),
               {":13: syntax error: Invalid character (char is '\"')"},
               "an unclosed string");
        Expect(Network("", "  r -- c [rate=2Mbps, delay=\"1ms\"]\n"),
               {":13: syntax error: 2Mbps must be written in double quotes (\"2Mbps\"): without "
                "them DOT reads 2 and what follows as two words"},
               "an unquoted rate");

        // WAP gateways and the cells' shares of WAP 1.x handsets.
        const std::string wapgw = "  w [kind=wapgw, MaxSessions=100, ServiceTime=\"2ms\"]\n";
        const std::string wapLink = "  w -- g [rate=\"100Mbps\", delay=\"1ms\"]\n";
        {
            MmsScenario sc;
            std::vector<std::string> errors;
            const bool ok =
                sc.Parse(Network(wapgw
                                     + "  c2 [kind=cell, subscribers=10, bearer=\"GPRS-CS2\", "
                                       "wapShare=0.4]\n",
                                 wapLink + "  c2 -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"),
                         "t.dot",
                         errors);
            NS_TEST_ASSERT_MSG_EQ(ok, true, "a wapgw and a cell's wapShare" << Joined(errors));
            const int32_t w = sc.FindVertex("w");
            const int32_t c2 = sc.FindVertex("c2");
            NS_TEST_ASSERT_MSG_EQ((w >= 0 && c2 >= 0), true, "vertices");
            NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[w].kind, MmsScenario::WAPGW, "kind wapgw");
            NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[w].settings.size(), 2u, "its attributes");
            NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[c2].wapShare, 0.4, "wapShare");
            NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[c2].wapShareLine, 14u, "wapShare's line");
            NS_TEST_EXPECT_MSG_EQ(sc.GetVertices()[sc.FindVertex("c")].wapShare, 0, "default 0");
            NS_TEST_ASSERT_MSG_EQ(sc.GetMmses().size(), 1u, "one MMSE");
            NS_TEST_EXPECT_MSG_EQ(sc.GetMmses()[0].wapgw, static_cast<uint32_t>(w), "its wapgw");
            // The split by index: floor(N s) of N, spread evenly.
            uint32_t wap = 0;
            for (uint32_t k = 0; k < 10; ++k)
            {
                wap += MmsScenario::IsWapHandset(0.4, k) ? 1 : 0;
            }
            NS_TEST_EXPECT_MSG_EQ(wap, 4u, "4 of 10 at 0.4");
            NS_TEST_EXPECT_MSG_EQ(MmsScenario::IsWapHandset(0.4, 0), false, "0 at 0.4");
            NS_TEST_EXPECT_MSG_EQ(MmsScenario::IsWapHandset(0.4, 2), true, "2 at 0.4");
            NS_TEST_EXPECT_MSG_EQ(MmsScenario::IsWapHandset(0, 7), false, "none at 0");
            NS_TEST_EXPECT_MSG_EQ(MmsScenario::IsWapHandset(1, 0), true, "all at 1");
        }
        Expect(Network("  w [kind=wapgw, MaxSesions=5]\n", wapLink),
               {":13: wapgw w: unknown attribute \"MaxSesions\" (neither a GraphViz presentation "
                "attribute nor an attribute of ns3::MmsWapGateway)"},
               "a misspelt attribute of a wapgw");
        Expect(Network("  w [kind=wapgw, RelayAddress=\"10.0.0.1\"]\n", wapLink),
               {":13: wapgw w: RelayAddress is set from the graph"},
               "the gateway's Relay is the graph's");
        Expect(Network(wapgw
                           + "  c2 [kind=cell, subscribers=5, bearer=\"UMTS-384\", "
                             "wapShare=1.5]\n",
                       wapLink + "  c2 -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"),
               {":14: cell c2: wapShare \"1.5\" is not valid: expected a fraction from 0 to 1 (the "
                "share of the cell's subscribers with WAP 1.x handsets)"},
               "wapShare above 1");
        Expect(Network(wapgw
                           + "  c2 [kind=cell, subscribers=5, bearer=\"UMTS-384\", "
                             "wapShare=\"-0.1\"]\n",
                       wapLink + "  c2 -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"),
               {":14: cell c2: wapShare \"-0.1\" is not valid: expected a fraction from 0 to 1 "
                "(the share of the cell's subscribers with WAP 1.x handsets)"},
               "wapShare below 0");
        Expect(Network("  c2 [kind=cell, subscribers=5, bearer=\"UMTS-384\",\n"
                       "      wapShare=0.3]\n",
                       "  c2 -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"),
               {":14: cell c2: wapShare > 0 needs a WAP gateway: the scenario has no wapgw (add a "
                "vertex of kind wapgw linked near the cell's relay)"},
               "wapShare without a wapgw (the line of wapShare)");
        Expect(Network("  w [kind=wapgw, wapShare=0.3]\n", wapLink),
               {":13: wapgw w: wapShare is only for cells"},
               "wapShare on a wapgw");
        Expect(Network("  w [kind=wapgw]\n"),
               {":13: wapgw w: is not linked to anything"},
               "a wapgw linked to nothing");
        Expect(Network("  r2 [kind=relay]\n  w [kind=wapgw]\n",
                       "  r2 -- g [rate=\"100Mbps\", delay=\"1ms\"]\n" + wapLink),
               {":14: wapgw w: is as near to relay r2 as to relay r: a WAP gateway serves its "
                "nearest relay; link it nearer to the one it serves"},
               "a wapgw as near to two relays");
        Expect(Network(wapgw + "  w2 [kind=wapgw]\n",
                       wapLink + "  w2 -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"),
               {":14: wapgw w2: serves relay r as wapgw w (line 13) does: a relay has at most one "
                "WAP gateway, its nearest"},
               "two wapgws for one relay");
        Expect(Network("  r2 [kind=relay]\n  w [kind=wapgw]\n"
                       "  c2 [kind=cell, subscribers=5, bearer=\"UMTS-384\", wapShare=0.5]\n",
                       "  r2 -- c2 [rate=\"100Mbps\", delay=\"1ms\"]\n"
                       "  w -- r [rate=\"100Mbps\", delay=\"1ms\"]\n"
                       "  c2 -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"),
               {":15: cell c2: wapShare > 0 needs a WAP gateway for its relay r2, but no wapgw is "
                "nearest to it (a WAP gateway serves its nearest relay)"},
               "a cell whose relay has no wapgw");

        {
            // Operators: a WAP gateway belongs to one and serves its nearest relay of that
            // operator, wherever it is linked.
            std::ifstream in(mmstest::MmsSourcePath("examples/scenarios/two-operators.dot"));
            std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
            // (Before the file's "node [...]" defaults, which are the cells'.)
            const std::size_t end = text.find("node [");
            NS_TEST_ASSERT_MSG_EQ((end != std::string::npos), true, "two-operators.dot read");
            const std::string added =
                "    wap_blue [kind=wapgw, operator=blue]\n"
                "    wap_blue -- site_red [rate=\"1Gbps\", delay=\"0.2ms\"]\n"
                "    blue_wap_town [kind=cell, operator=blue, subscribers=5, bearer=\"UMTS-384\",\n"
                "                   wapShare=0.6]\n"
                "    site_blue -- blue_wap_town [rate=\"34Mbps\", delay=\"5ms\"]\n";
            MmsScenario sc;
            std::vector<std::string> errors;
            const bool ok =
                sc.Parse(text.substr(0, end) + added + text.substr(end), "two.dot", errors);
            NS_TEST_ASSERT_MSG_EQ(ok, true, "a wapgw of operator blue" << Joined(errors));
            for (const auto& m : sc.GetMmses())
            {
                const std::string relay = sc.GetVertices()[m.relay].name;
                const uint32_t expected = relay == "mmsc_blue"
                                              ? static_cast<uint32_t>(sc.FindVertex("wap_blue"))
                                              : UINT32_MAX;
                NS_TEST_EXPECT_MSG_EQ(m.wapgw, expected, relay << "'s WAP gateway");
            }
            const std::string noOperator =
                "    wap [kind=wapgw]\n"
                "    wap -- site_red [rate=\"1Gbps\", delay=\"0.2ms\"]\n";
            errors.clear();
            NS_TEST_EXPECT_MSG_EQ(
                sc.Parse(text.substr(0, end) + noOperator + text.substr(end), "two.dot", errors),
                false,
                "a wapgw without an operator");
            NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, Joined(errors));
            const bool named = errors[0].find(": wapgw wap: no operator (other elements name "
                                              "theirs: add operator=<name>)")
                               != std::string::npos;
            NS_TEST_EXPECT_MSG_EQ(named, true, errors[0]);
        }

        // Kinds and cells.
        Expect(Network("  x [label=\"x\"]\n", "  x -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: node x: no kind (add kind=relay, server, ppg, smsc, router, cell or wapgw)"},
               "no kind");
        Expect(Network("  x [kind=Router, subscribers=3]\n",
                       "  x -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: router x: subscribers is only for cells"},
               "subscribers on a router (kinds are case-insensitive)");
        Expect(Network("  c2 [kind=cell, subscribers=0, bearer=\"gprs-cs1\"]\n",
                       "  c2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: cell c2: subscribers \"0\" is not valid: expected a whole number from 1 to "
                "10000000"},
               "no subscribers");
        Expect(Network("  c2 [kind=cell, subscribers=5, bearer=\"gprs-cs1\"]\n",
                       "  c2 -- c [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":14: edge c2 -- c: links two cells (a cell links to routers and network "
                "elements)"},
               "two cells linked");

        // Links.
        Expect(Network("", "  r -- s [delay=\"1ms\", bandwidth=\"1Mbps\"]\n"),
               {":13: edge r -- s: no rate (add rate=\"2Mbps\" or another data rate)",
                ":13: edge r -- s: unknown attribute \"bandwidth\" (a link takes rate, delay, "
                "loss and GraphViz presentation attributes)"},
               "no rate, an unknown link attribute");
        Expect(Network("", "  r -- s [rate=\"0bps\", delay=\"-1ms\", weight=3]\n"),
               {":13: edge r -- s: rate \"0bps\" is not valid: a link rate must be positive",
                ":13: edge r -- s: delay \"-1ms\" is not valid: a link delay cannot be "
                "negative"},
               "zero rate, negative delay");
        Expect(Network("", "  r -- s [rate=\"99999999999999Gbps\", delay=\"5 ms\"]\n"),
               {std::string(":13: edge r -- s: rate \"99999999999999Gbps\" is not valid: ")
                    + kRateForm,
                std::string(":13: edge r -- s: delay \"5 ms\" is not valid: ") + kTimeForm},
               "an overflowing rate, a space in a delay");
        // DataRate reads "2 Mbps" as 2 bit/s and aborts on the rest: refused, on a link and in
        // an attribute (a trailing space alike).
        Expect(Network("  c2 [kind=cell, subscribers=1, bearer=\"UMTS-64\", "
                       "DownlinkCapacity=\"1Mbps \"]\n",
                       "  r -- s [rate=\"2 Mbps\", delay=\"1ms\"]\n"
                       "  c2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {std::string(":13: cell c2: DownlinkCapacity \"1Mbps \" is not valid: ") + kRateForm,
                std::string(":14: edge r -- s: rate \"2 Mbps\" is not valid: ") + kRateForm},
               "a space in a rate");

        // ns-3 attribute values, none of which may abort.
        Expect(Network("  m2 [kind=smsc, RetryInterval=\"5 parsecs\", ServiceRate=\"fast\"]\n",
                       "  m2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {std::string(":13: smsc m2: RetryInterval \"5 parsecs\" is not valid: ") + kTimeForm,
                ":13: smsc m2: ServiceRate \"fast\" is not valid: expected a number of at least "
                "1e-09"},
               "a bad time and a bad number");
        Expect(Network("  c2 [kind=cell, subscribers=1, bearer=\"UMTS-64\", Scheduler=\"Fair\", "
                       "MultislotClass=13, Id=4]\n",
                       "  c2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: cell c2: Id of ns3::MmsRadioCellChannel cannot be set (read-only)",
                ":13: cell c2: MultislotClass \"13\" is not valid: expected a whole number from "
                "1 to 12",
                ":13: cell c2: Scheduler \"Fair\" is not valid: expected one of "
                "ProcessorSharing, RoundRobin"},
               "bad enum, out of range, read-only");
        Expect(Network("  c2 [kind=cell, subscribers=1, bearer=\"UMTS-64\", "
                       "ReadingDelay=\"ns3::MmsRelay\", OnTime=\"ns3::ConstantRandomVariable["
                       "Constant=x]\", OffTime=\"ns3::UniformRandomVariable[Min=1\", "
                       "InterArrival=\"ns3::RandomVariableStream\"]\n",
                       "  c2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: cell c2: InterArrival \"ns3::RandomVariableStream\" is not valid: "
                "ns3::RandomVariableStream cannot be created (it has no constructor)",
                ":13: cell c2: OffTime \"ns3::UniformRandomVariable[Min=1\" is not valid: "
                "expected a type name such as ns3::ExponentialRandomVariable, optionally "
                "followed by [Name=value|Name=value]",
                ":13: cell c2: OnTime \"ns3::ConstantRandomVariable[Constant=x]\" is not valid: "
                "Constant \"x\" of ns3::ConstantRandomVariable: expected a number",
                ":13: cell c2: ReadingDelay \"ns3::MmsRelay\" is not valid: ns3::MmsRelay is "
                "not a kind of ns3::RandomVariableStream"},
               "bad random variables");
        Expect(Network("  c2 [kind=cell, subscribers=1, bearer=\"UMTS-64\", "
                       "ReadingDelay=\"ns3::Smsc\"]\n",
                       "  c2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: cell c2: ReadingDelay \"ns3::Smsc\" is not valid: no ns-3 type is named "
                "ns3::Smsc (it is now called ns3::MmsSmsc)"},
               "a type under the name it had before the module's prefix");
        Expect(Network("  c2 [kind=cell, subscribers=1, bearer=\"HSDPA-CAT6\", Preset=\"UMTS-64\", "
                       "RelayAddress=\"1.2.3.4\"]\n  r2 [kind=relay, PpgPath=\"/x\"]\n"
                       "  p2 [kind=ppg, SmscAddress=\"x\"]\n",
                       "  c2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n  r2 -- g [rate=\"1Mbps\", "
                       "delay=\"1ms\"]\n  p2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: cell c2: Preset is set from the graph",
                ":13: cell c2: RelayAddress is set from the graph",
                ":14: relay r2: PpgPath is set from the graph",
                ":15: ppg p2: SmscAddress is set from the graph"},
               "reserved attributes");

        // The graph as a whole.
        Expect("graph t {\n  r [kind=relay]\n  c [kind=cell, subscribers=1, bearer=\"UMTS-64\"]\n"
               "  r -- c [rate=\"1Mbps\", delay=\"1ms\"]\n}\n",
               {": scenario: no server (a scenario needs at least one relay, server, ppg, smsc "
                "and cell)",
                ": scenario: no ppg (a scenario needs at least one relay, server, ppg, smsc and "
                "cell)",
                ": scenario: no smsc (a scenario needs at least one relay, server, ppg, smsc "
                "and cell)"},
               "missing elements");
        Expect(Network("  r2 [kind=relay]\n  s2 [kind=server]\n",
                       "  r2 -- s2 [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: relay r2: reaches no ppg", ":13: relay r2: reaches no smsc"},
               "a relay without PPG");
        Expect(Network("  r2 [kind=relay]\n  x [kind=router]\n",
                       "  r2 -- x [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: relay r2: reaches no server",
                ":13: relay r2: reaches no ppg",
                ":13: relay r2: reaches no smsc"},
               "a relay alone");

        // Attribute lines: where the attribute is set, also from a default.
        Expect(Network("  node [Workers=0]\n  r2 [kind=relay]\n  r2 [Wokers=1]\n",
                       "  r2 -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: relay r2: Workers \"0\" is not valid: expected a whole number from 1 to "
                "4294967295",
                ":15: relay r2: unknown attribute \"Wokers\" (neither a GraphViz presentation "
                "attribute nor an attribute of ns3::MmsRelay)"},
               "attribute lines");

        // Good values of every kind, as the learner file's comments show them.
        MmsScenario sc;
        std::vector<std::string> errors;
        NS_TEST_EXPECT_MSG_EQ(
            sc.Parse(Network("  r2 [kind=relay, Workers=16, MaxMessageSize=307200, "
                             "StartTime=\"1s\"]\n"
                             "  s2 [kind=server, Capacity=1073741824, "
                             "StoreTime=\"ns3::ConstantRandomVariable[Constant=0.005]\"]\n"
                             "  p2 [kind=ppg, Bearer=\"Udp\", MaxConcurrent=50]\n"
                             "  m2 [kind=smsc, ServiceRate=50, RetryInterval=\"2min\"]\n"
                             "  c2 [kind=cell, subscribers=1, bearer=\"GPRS-CS4\", "
                             "DownlinkCapacity=\"1Mbps\", Scheduler=\"RoundRobin\", "
                             "BlockErrorRate=0.05, MultislotClass=12, RetrievalMode=\"Deferred\", "
                             "DeferredDelay=\"ns3::ExponentialRandomVariable[Mean=600]\", "
                             "OnTime=\"ns3::UniformRandomVariable[Min=1|Max=3]\", "
                             "ReportAllowed=false, RelayAddress2=1]\n",
                             "  r2 -- g [rate=\"1Gbps\", delay=\"0\"]\n"
                             "  s2 -- g [rate=\"1Gbps\", delay=\"0.2ms\", loss=0]\n"
                             "  p2 -- g [rate=\"1000\", delay=\"1e-3s\"]\n"
                             "  m2 -- g [rate=\"64kbps\", delay=\"1ms\"]\n"
                             "  c2 -- g [rate=\"2Mbps\", delay=\"1ms\"]\n"),
                     "t.dot",
                     errors),
            false,
            "only RelayAddress2 is wrong");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(
            errors[0].find("t.dot:17: cell c2: unknown attribute "
                           "\"RelayAddress2\" (neither a GraphViz presentation "
                           "attribute nor an attribute of "
                           "ns3::MmsRadioCellChannel, ns3::MmsRadioBearerProfile"),
            0u,
            errors[0]);

        // A failed parse leaves nothing of an earlier good one.
        errors.clear();
        NS_TEST_ASSERT_MSG_EQ(sc.Parse(Network(), "t.dot", errors), true, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices().size(), 6u, "loaded");
        NS_TEST_EXPECT_MSG_EQ(sc.Parse("graph t { x }", "t.dot", errors), false, "refused");
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices().size(), 0u, "cleared");
        NS_TEST_EXPECT_MSG_EQ(sc.GetFirstEdge(0, 1), -1, "no routes");
        NS_TEST_EXPECT_MSG_EQ(sc.GetNearest(0, MmsScenario::RELAY), -1, "no routes");
    }
};

/// Sizes the routes cannot be computed for, and delays they cannot add, are refused with one
/// error before anything is routed; what the reader refuses as too large is reported as such.
class MmsScenarioSizeTestCase : public TestCase
{
  public:
    MmsScenarioSizeTestCase()
        : TestCase("too many vertices or links, and delays adding up beyond Time, are refused")
    {
    }

  private:
    /// "<prefix>0 <prefix>1 ... <prefix><count-1>"
    static std::string Names(const std::string& prefix, uint32_t count)
    {
        std::string out;
        for (uint32_t i = 0; i < count; ++i)
        {
            out += (i == 0 ? "" : " ") + prefix + std::to_string(i);
        }
        return out;
    }

    /// The good network with two groups of `n` routers, every router of one linked to every
    /// router of the other, and the first to the network's router: 2n + 6 vertices and
    /// n * n + 6 links.
    static std::string Mesh(uint32_t n)
    {
        return Network("  subgraph {\n"
                       "    node [kind=router] edge [rate=\"1Mbps\", delay=\"1ms\"]\n"
                       "    {"
                       + Names("a", n) + "} -- {" + Names("b", n) + "}\n    g -- a0\n  }\n");
    }

    void DoRun() override
    {
        MmsScenario sc;
        std::vector<std::string> errors;
        // 20,000 vertices that are not leaves at most (unlinked ones are not): beyond, one
        // error and nothing else looked at.
        NS_TEST_EXPECT_MSG_EQ(
            sc.Parse("graph {\n" + Names("v", 20001) + "\n}\n", "t.dot", errors), false, "");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(errors[0],
                              "t.dot: too large: 20001 vertices (20001 not leaves) and 0 links: a "
                              "scenario has at most 200000 vertices, 20000 of them not leaves (a "
                              "leaf has one link, to a vertex that is not a leaf), and 4 links "
                              "per vertex plus 1000 (routes are searched from every vertex that "
                              "is not a leaf over every link)",
                              "");
        // Leaves are cheap: 30,000 cells on two routers pass the size check (and fail others).
        errors.clear();
        std::string star = "graph {\n  a -- b\n";
        for (int i = 0; i < 30000; ++i)
        {
            star += "  c" + std::to_string(i) + (i % 2 ? " -- a\n" : " -- b\n");
        }
        NS_TEST_EXPECT_MSG_EQ(sc.Parse(star + "}\n", "t.dot", errors), false, "");
        NS_TEST_EXPECT_MSG_EQ((errors.empty() || errors[0].find("too large") == std::string::npos),
                              true,
                              "30,002 vertices, 2 of them not leaves: not too large");
        // 200,000 vertices at most, leaves or not.
        errors.clear();
        star = "graph {\n  a -- b\n";
        for (int i = 0; i < 200000; ++i)
        {
            star += "  c" + std::to_string(i) + " -- a\n";
        }
        NS_TEST_EXPECT_MSG_EQ(sc.Parse(star + "}\n", "t.dot", errors), false, "");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, "one error");
        NS_TEST_EXPECT_MSG_EQ(
            errors[0].rfind("t.dot: too large: 200002 vertices and 200001 links", 0),
            0u,
            errors[0]);
        errors.clear();
        NS_TEST_EXPECT_MSG_EQ(
            sc.Parse("graph {\n" + Names("v", 20000) + "\n}\n", "t.dot", errors), false, "");
        NS_TEST_EXPECT_MSG_EQ(errors.size(), 40000u, "each vertex has no kind and no link");
        NS_TEST_EXPECT_MSG_EQ(
            errors[0],
            "t.dot:2: node v0: no kind (add kind=relay, server, ppg, smsc, router, cell or wapgw)",
            "");

        // Links: 4 per vertex plus 1,000. 76 vertices and 1,231 links are routed; 80 vertices
        // and 1,375 links (more than 1,320) are not.
        errors.clear();
        NS_TEST_EXPECT_MSG_EQ(sc.Parse(Mesh(35), "t.dot", errors), true, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(sc.GetEdges().size(), 1231u, "the mesh's links");
        NS_TEST_EXPECT_MSG_EQ_TOL(sc.GetPathDelay(sc.FindVertex("c"), sc.FindVertex("b34")),
                                  0.007,
                                  1e-12,
                                  "c -- g -- a0 -- b34");
        NS_TEST_EXPECT_MSG_EQ(sc.Parse(Mesh(37), "t.dot", errors), false, "");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(
            errors[0].find("t.dot: too large: 80 vertices and 1375 links: "), 0u, errors[0]);
        NS_TEST_EXPECT_MSG_EQ(sc.GetVertices().size(), 0u, "nothing kept");

        // Delays: routes add them in 64-bit nanoseconds, so all links' together stay within 2^62
        // ns (146 years). A 100-year link is routed; two are refused, not added up to a wrong
        // route.
        errors.clear();
        NS_TEST_EXPECT_MSG_EQ(
            sc.Parse(Network("", "  c -- r [rate=\"1Mbps\", delay=\"100y\"]\n"), "t.dot", errors),
            true,
            Joined(errors));
        NS_TEST_EXPECT_MSG_EQ_TOL(sc.GetPathDelay(sc.FindVertex("c"), sc.FindVertex("r")),
                                  0.006,
                                  1e-12,
                                  "around the 100-year link");
        NS_TEST_EXPECT_MSG_EQ(sc.Parse(Network("",
                                               "  c -- r [rate=\"1Mbps\", delay=\"100y\"]\n"
                                               "  c -- s [rate=\"1Mbps\", delay=\"100y\"]\n"),
                                       "t.dot",
                                       errors),
                              false,
                              "");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(errors[0],
                              "t.dot: scenario: the link delays add up to more than 4611686018 s "
                              "(146 years), more than routes can add up in ns-3's Time",
                              "");

        // The reader's own bound, reported as too large at its line.
        errors.clear();
        NS_TEST_EXPECT_MSG_EQ(sc.Parse("graph {\n  subgraph s { " + Names("v", 1000)
                                           + " }\n  subgraph s -- subgraph s\n}\n",
                                       "t.dot",
                                       errors),
                              false,
                              "");
        NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, Joined(errors));
        NS_TEST_EXPECT_MSG_EQ(errors[0].find("t.dot:3: too large: the graph asks for more than "
                                             "1000000 attributes copied from defaults, edges and "
                                             "subgraph members in all"),
                              0u,
                              errors[0]);
    }
};

/// The cell's four attribute types share no name, as the header says.
class MmsScenarioCellAttributesTestCase : public TestCase
{
  public:
    MmsScenarioCellAttributesTestCase()
        : TestCase("no attribute name is shared among a cell's four target types")
    {
    }

  private:
    void DoRun() override
    {
        const char* types[] = {"ns3::MmsRadioCellChannel",
                               "ns3::MmsRadioBearerProfile",
                               "ns3::MmsUserAgent",
                               "ns3::MmsTrafficModel"};
        std::map<std::string, std::string> owner;
        uint32_t found = 0;
        for (const char* name : types)
        {
            TypeId tid;
            if (!TypeId::LookupByNameFailSafe(name, &tid))
            {
                continue; // the traffic model may not be built yet
            }
            ++found;
            std::set<std::string> names; // with the parents' (searched as well)
            for (TypeId t = tid;; t = t.GetParent())
            {
                for (std::size_t i = 0; i < t.GetAttributeN(); ++i)
                {
                    names.insert(t.GetAttribute(i).name);
                }
                if (t.GetParent() == t)
                {
                    break;
                }
            }
            for (const auto& n : names)
            {
                auto it = owner.find(n);
                NS_TEST_EXPECT_MSG_EQ((it == owner.end()),
                                      true,
                                      n << " is in " << name << " and in "
                                        << (it == owner.end() ? "" : it->second));
                owner[n] = name;
            }
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(found, 3u, "channel, profile and User Agent exist");
    }
};

/// The suite.
/// Operators and VASPs: the checks of operator names, of who needs one, of what each operator
/// has, and of a VASP's operator, recipients and attributes, each at its line.
class MmsScenarioOperatorsTestCase : public MmsScenarioTextTestCase
{
  public:
    MmsScenarioOperatorsTestCase()
        : MmsScenarioTextTestCase("operators and VASPs: each mistake at its line")
    {
    }

  private:
    /// Two operators, red and blue, with `nodes` from line 13 and `edges` after the links.
    static std::string Operators(const std::string& nodes, const std::string& edges = "")
    {
        std::ostringstream os;
        os << "graph t {\n"; // 1
        for (const char* op : {"red", "blue"})
        {
            const std::string o(op);
            os << "  r" << o << " [kind=relay, operator=" << o << "]\n"  // 2, 7
               << "  s" << o << " [kind=server, operator=" << o << "]\n" // 3, 8
               << "  p" << o << " [kind=ppg, operator=" << o << "]\n"    // 4, 9
               << "  m" << o << " [kind=smsc, operator=" << o << "]\n"   // 5, 10
               << "  c" << o << " [kind=cell, operator=" << o            // 6, 11
               << ", subscribers=5, bearer=\"UMTS-384\"]\n";
        }
        os << "  g [kind=router]\n" << nodes << "  edge [rate=\"1Gbps\", delay=\"1ms\"]\n";
        for (const char* v :
             {"rred", "sred", "pred", "mred", "cred", "rblue", "sblue", "pblue", "mblue", "cblue"})
        {
            os << "  " << v << " -- g\n";
        }
        os << edges << "}\n";
        return os.str();
    }

    void DoRun() override
    {
        const std::string link = "  v -- g\n";
        // A good VASP: served by its operator's Relay, its recipients and settings kept.
        {
            MmsScenario sc;
            std::vector<std::string> errors;
            NS_TEST_ASSERT_MSG_EQ(
                sc.Parse(Operators("  v [kind=vasp, operator=blue, recipients=red, "
                                   "Requests=2, StartTime=\"900s\"]\n",
                                   link),
                         "t.dot",
                         errors),
                true,
                Joined(errors));
            const int32_t v = sc.FindVertex("v");
            NS_TEST_ASSERT_MSG_GT(v, -1, "the VASP");
            const MmsScenario::Vertex& vasp = sc.GetVertices()[v];
            NS_TEST_EXPECT_MSG_EQ(vasp.kind, MmsScenario::VASP, "kind vasp");
            NS_TEST_EXPECT_MSG_EQ(vasp.op, "blue", "its operator");
            NS_TEST_EXPECT_MSG_EQ(vasp.recipients, "red", "its recipients");
            NS_TEST_EXPECT_MSG_EQ(vasp.settings.size(), 2u, "Requests and StartTime");
            NS_TEST_EXPECT_MSG_EQ(static_cast<int32_t>(sc.GetServingRelay(v)),
                                  sc.FindVertex("rblue"),
                                  "it submits to its own operator's Relay, not the other's");
            NS_TEST_EXPECT_MSG_EQ(sc.GetMmses().size(), 2u, "a VASP makes no MMSE");
        }
        Expect(Operators("  v [kind=vasp, operator=red]\n", link), {}, "recipients all");

        // Operators of elements and cells.
        Expect(Operators("  x [kind=smsc, operator=\"re d\"]\n", "  x -- g\n"),
               {":13: smsc x: operator \"re d\" is not valid: expected a name of letters, "
                "digits, _ and -",
                ":13: smsc x: no operator (other elements name theirs: add operator=<name>)"},
               "an operator name with a space");
        Expect(Operators("  x [kind=router, operator=red]\n", "  x -- g\n"),
               {":13: router x: operator is not for routers"},
               "an operator on a router");
        Expect(Operators("  x [kind=ppg]\n", "  x -- g\n"),
               {":13: ppg x: no operator (other elements name theirs: add operator=<name>)"},
               "an element without operator");
        Expect(Operators("  x [kind=relay, operator=green]\n", "  x -- g\n"),
               {": operator green: has no server (each operator needs a relay, server, ppg and "
                "smsc)",
                ": operator green: has no ppg (each operator needs a relay, server, ppg and smsc)",
                ": operator green: has no smsc (each operator needs a relay, server, ppg and "
                "smsc)"},
               "an operator with a relay only");

        // VASPs: (the VASP's statement, what is expected, what is tried).
        const std::vector<std::tuple<std::string, std::string, std::string>> vasps = {
            {"v [kind=vasp, operator=green]",
             ":13: vasp v: operator green has no relay to submit to (operators: blue, red)",
             "a VASP of an unknown operator"},
            {"v [kind=vasp]",
             ":13: vasp v: no operator (other elements name theirs: add operator=<name>)",
             "a VASP without operator"},
            {"v [kind=vasp, operator=red,\n     recipients=green]",
             ":14: vasp v: recipients green is not an operator with cells (expected all or one "
             "of: blue, red)",
             "recipients of an unknown operator, at the attribute's line"},
            {"v [kind=vasp, operator=red, recipients=\"red blue\"]",
             ":13: vasp v: recipients \"red blue\" is not valid: expected all or an operator's "
             "name",
             "recipients that are not a name"},
            {"v [kind=server, operator=red, recipients=all]",
             ":13: server v: recipients is only for VASPs",
             "recipients on a server"},
            {"v [kind=vasp, operator=red, RelayAddress=\"10.0.0.1:80\"]",
             ":13: vasp v: RelayAddress is set from the graph",
             "the VASP's Relay comes from the graph"},
            {"v [kind=vasp, operator=red, Requests=many]",
             ":13: vasp v: Requests \"many\" is not valid: expected a whole number from 0 to "
             "4294967295",
             "a bad MmsVasp value"},
        };
        for (const auto& [statement, expected, what] : vasps)
        {
            Expect(Operators("  " + statement + "\n", link), {expected}, what);
        }
        Expect(Operators("  v [kind=vasp, operator=red]\n"),
               {":13: vasp v: is not linked to anything"},
               "a VASP not linked");
        Expect(Network("  v [kind=vasp, recipients=red]\n",
                       "  v -- g [rate=\"1Mbps\", delay=\"1ms\"]\n"),
               {":13: vasp v: recipients red names an operator, but no element names one "
                "(expected all)"},
               "recipients by operator without operators");
    }
};

class MmsScenarioTestSuite : public TestSuite
{
  public:
    MmsScenarioTestSuite()
        : TestSuite("mms-scenario", Type::UNIT)
    {
        AddTestCase(new MmsScenarioLearnerTestCase);
        AddTestCase(new MmsScenarioRoutingTestCase);
        AddTestCase(new MmsScenarioMissingFileTestCase);
        AddTestCase(new MmsScenarioTextTestCase);
        AddTestCase(new MmsScenarioCellAttributesTestCase);
        AddTestCase(new MmsScenarioOperatorsTestCase);
        for (const char* file : {"examples/scenarios/first-network.dot",
                                 "examples/scenarios/mid-size-operator.dot",
                                 "test/data/scenarios/routing.dot",
                                 "test/data/scenarios/mpi-two-areas.dot"})
        {
            std::string name = file; // (test names take no '/')
            std::replace(name.begin(), name.end(), '/', '-');
            AddTestCase(new MmsScenarioRoutesReferenceTestCase(
                name, "", mmstest::MmsSourcePath(file), 0, 0));
        }
        AddTestCase(new MmsScenarioRoutesReferenceTestCase(
            "ties and islands", kTiesAndIslands, "", 20, 100));
        AddTestCase(new MmsScenarioRoutesReferenceTestCase(
            "an operator of two areas", OperatorText(120, 5, 2, false), "", 0, 0));
        AddTestCase(new MmsScenarioRoutesReferenceTestCase(
            "an operator with a regional ring", OperatorText(60, 7, 1, true), "", 10, 0));
        AddTestCase(new MmsScenarioSizeTestCase);

        const std::string kindList = kKinds;
        const std::string presets = kPresets;
        const std::string rateForm = kRateForm;
        const std::string timeForm = kTimeForm;
        const std::vector<std::pair<std::string, std::vector<std::string>>> bad = {
            {"bad-missing-subscribers.dot",
             {":8: cell c1: no subscribers (add subscribers=<count>)"}},
            {"bad-unknown-kind.dot",
             {":7: node g: kind \"routr\" is not valid: expected one of " + kindList}},
            {"bad-disconnected-cell.dot", {":8: cell c1: reaches no smsc"}},
            {"bad-isolated.dot", {":10: router lonely: is not linked to anything"}},
            {"bad-syntax.dot",
             {":9: syntax error: Wanted identifier as name of attribute (token is "
              "\"<right_brace> '}'\")"}},
            {"bad-unknown-attribute.dot",
             {":3: relay r: unknown attribute \"Wokers\" (neither a GraphViz presentation "
              "attribute nor an attribute of ns3::MmsRelay)"}},
            {"bad-rate.dot", {":9: edge r -- g: rate \"100Mbs\" is not valid: " + rateForm}},
            {"bad-delay-unit.dot", {":10: edge s -- g: delay \"1sec\" is not valid: " + timeForm}},
            {"bad-loss.dot",
             {":13: edge g -- c1: loss \"1.5\" is not valid: expected a probability from 0 up "
              "to, not including, 1"}},
            {"bad-bearer.dot",
             {":8: cell c1: bearer \"UMTS-999\" is not valid: expected one of " + presets}},
            {"bad-attribute-value.dot",
             {":3: relay r: Workers \"many\" is not valid: expected a whole number from 1 to "
              "4294967295"}},
            {"bad-random-variable.dot",
             {":4: server s: StoreTime \"ns3::ExponentialRandomVariable[Maen=3]\" is not valid: "
              "ns3::ExponentialRandomVariable has no attribute Maen",
              ":8: cell c1: DeferredDelay \"ns3::NoSuchVariable\" is not valid: no ns-3 type is "
              "named ns3::NoSuchVariable"}},
            {"bad-reserved.dot", {":8: cell c1: Msisdn is set from the graph"}},
            {"bad-digraph.dot",
             {":2: graph: links are undirected: write \"graph\" instead of \"digraph\"",
              ":9: edge r -> g: links are undirected: write \"--\" instead of \"->\""}},
            {"bad-self-loop.dot", {":14: edge g -- g: links g to itself"}},
            {"bad-duplicate-edge.dot",
             {":14: edge g -- r: a second link between g and r (the first is on line 9)"}},
            {"bad-vasp-operator.dot",
             {":16: vasp greetings: operator green has no relay to submit to (operators: blue, "
              "red)"}},
            {"bad-three-problems.dot",
             {":4: server s: unknown attribute \"Capacty\" (neither a GraphViz presentation "
              "attribute nor an attribute of ns3::MmsServer)",
              ":8: cell c1: no bearer (add bearer=\"<profile>\" with a profile among " + presets
                  + ")",
              ":12: edge m -- g: rate \"ten\" is not valid: " + rateForm}},
        };
        for (const auto& b : bad)
        {
            AddTestCase(new MmsScenarioBadFileTestCase(b.first, b.second));
        }
    }
};

static MmsScenarioTestSuite g_mmsScenarioTestSuite; //!< Static variable for test initialization
