/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-scenario-routes.h"

#include "mms-scenario.h"

#include "ns3/nstime.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <cmath>
#include <limits>

namespace ns3
{

namespace
{

const uint32_t kNoVertex = std::numeric_limits<uint32_t>::max();

/// Cost of a path: summed delay, then hops.
struct Cost
{
    int64_t ns{0};
    uint32_t hops{0};

    bool operator==(const Cost& o) const
    {
        return ns == o.ns && hops == o.hops;
    }
};

struct CostLess
{
    bool operator()(const Cost& a, const Cost& b) const
    {
        return a.ns != b.ns ? a.ns < b.ns : a.hops < b.hops;
    }
};

struct CostPlus
{
    Cost operator()(const Cost& a, const Cost& b) const
    {
        return Cost{a.ns + b.ns, a.hops + b.hops};
    }
};

const Cost kUnreachable{std::numeric_limits<int64_t>::max(), std::numeric_limits<uint32_t>::max()};

} // namespace

void
MmsScenarioRoutes::Clear()
{
    m_firstEdge.clear();
    m_distance.clear();
    m_mmses.clear();
    m_servingRelay.clear();
}

void
MmsScenarioRoutes::Compute(const MmsScenario& scenario)
{
    Clear();
    const auto& edges = scenario.GetEdges();
    const uint32_t n = static_cast<uint32_t>(scenario.GetVertices().size());
    using RouteGraph = boost::adjacency_list<boost::vecS,
                                             boost::vecS,
                                             boost::undirectedS,
                                             boost::no_property,
                                             boost::property<boost::edge_weight_t, Cost>>;
    RouteGraph g(n);
    std::vector<Cost> weight(edges.size());
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> incident(n); // (neighbour, edge)
    for (uint32_t e = 0; e < edges.size(); ++e)
    {
        weight[e] = Cost{Time(edges[e].delay).GetNanoSeconds(), 1};
        boost::add_edge(edges[e].a, edges[e].b, weight[e], g);
        incident[edges[e].a].emplace_back(edges[e].b, e);
        incident[edges[e].b].emplace_back(edges[e].a, e);
    }
    std::vector<std::vector<Cost>> cost(n, std::vector<Cost>(n, kUnreachable));
    for (uint32_t s = 0; s < n; ++s)
    {
        boost::dijkstra_shortest_paths(
            g,
            s,
            boost::distance_map(boost::make_iterator_property_map(
                                    cost[s].begin(), boost::get(boost::vertex_index, g)))
                .distance_compare(CostLess())
                .distance_combine(CostPlus())
                .distance_inf(kUnreachable)
                .distance_zero(Cost{0, 0}));
    }
    // First hops: to the lowest-index neighbour on a shortest path (by delay, then hops).
    m_firstEdge.assign(n, std::vector<int32_t>(n, -1));
    m_distance.assign(n, std::vector<double>(n, std::numeric_limits<double>::infinity()));
    for (uint32_t s = 0; s < n; ++s)
    {
        for (uint32_t t = 0; t < n; ++t)
        {
            if (cost[s][t] == kUnreachable)
            {
                continue;
            }
            m_distance[s][t] = static_cast<double>(cost[s][t].ns) / 1e9;
            if (s == t)
            {
                continue;
            }
            uint32_t bestNeighbour = kNoVertex;
            for (const auto& x : incident[s])
            {
                if (cost[x.first][t] == kUnreachable)
                {
                    continue;
                }
                if (CostPlus()(weight[x.second], cost[x.first][t]) == cost[s][t]
                    && x.first < bestNeighbour)
                {
                    bestNeighbour = x.first;
                    m_firstEdge[s][t] = static_cast<int32_t>(x.second);
                }
            }
        }
    }
    const std::vector<uint32_t> relays = scenario.GetVerticesOfKind(MmsScenario::RELAY);
    const std::vector<uint32_t> servers = scenario.GetVerticesOfKind(MmsScenario::SERVER);
    const std::vector<uint32_t> ppgs = scenario.GetVerticesOfKind(MmsScenario::PPG);
    const std::vector<uint32_t> smscs = scenario.GetVerticesOfKind(MmsScenario::SMSC);
    const std::vector<uint32_t> cells = scenario.GetVerticesOfKind(MmsScenario::CELL);
    m_servingRelay.assign(n, kNoVertex);
    for (uint32_t v = 0; v < n; ++v)
    {
        int32_t relay = GetNearest(v, relays);
        if (relay >= 0)
        {
            m_servingRelay[v] = static_cast<uint32_t>(relay);
        }
    }
    for (uint32_t r : relays)
    {
        Mmse m;
        m.relay = r;
        m.server = static_cast<uint32_t>(GetNearest(r, servers));
        m.ppg = static_cast<uint32_t>(GetNearest(r, ppgs));
        m.smsc = static_cast<uint32_t>(GetNearest(m.ppg, smscs));
        for (uint32_t c : cells)
        {
            if (m_servingRelay[c] == r)
            {
                m.cells.push_back(c);
            }
        }
        m_mmses.push_back(m);
    }
}

int32_t
MmsScenarioRoutes::GetFirstEdge(uint32_t from, uint32_t to) const
{
    if (from >= m_firstEdge.size() || to >= m_firstEdge.size())
    {
        return -1;
    }
    return m_firstEdge[from][to];
}

double
MmsScenarioRoutes::GetPathDelay(uint32_t from, uint32_t to) const
{
    if (from >= m_distance.size() || to >= m_distance.size())
    {
        return std::numeric_limits<double>::infinity();
    }
    return m_distance[from][to];
}

int32_t
MmsScenarioRoutes::GetNearest(uint32_t from, const std::vector<uint32_t>& candidates) const
{
    int32_t best = -1;
    if (from >= m_distance.size())
    {
        return best;
    }
    for (uint32_t i : candidates)
    {
        if (i >= m_distance.size() || std::isinf(m_distance[from][i]))
        {
            continue;
        }
        if (best < 0 || m_distance[from][i] < m_distance[from][best])
        {
            best = static_cast<int32_t>(i);
        }
    }
    return best;
}

uint32_t
MmsScenarioRoutes::GetServingRelay(uint32_t vertex) const
{
    return vertex < m_servingRelay.size() ? m_servingRelay[vertex] : kNoVertex;
}

const std::vector<MmsScenarioRoutes::Mmse>&
MmsScenarioRoutes::GetMmses() const
{
    return m_mmses;
}

} // namespace ns3
