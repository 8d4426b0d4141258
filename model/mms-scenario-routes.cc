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
    m_n = 0;
    m_k = 0;
    m_row.clear();
    m_leafNext.clear();
    m_leafEdge.clear();
    m_leafNs.clear();
    m_ns.clear();
    m_firstEdge.clear();
    m_mmses.clear();
    m_servingRelay.clear();
}

void
MmsScenarioRoutes::Compute(const MmsScenario& scenario)
{
    Clear();
    const auto& edges = scenario.GetEdges();
    const uint32_t n = static_cast<uint32_t>(scenario.GetVertices().size());
    m_n = n;
    std::vector<Cost> weight(edges.size());
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> incident(n); // (neighbour, edge)
    for (uint32_t e = 0; e < edges.size(); ++e)
    {
        weight[e] = Cost{Time(edges[e].delay).GetNanoSeconds(), 1};
        incident[edges[e].a].emplace_back(edges[e].b, e);
        incident[edges[e].b].emplace_back(edges[e].a, e);
    }

    // Leaves: one link, to a vertex that is not a leaf (of two vertices linked only to each
    // other, neither is). The others get rows, in vertex order.
    auto oneLink = [&incident](uint32_t v)
    {
        return incident[v].size() == 1;
    };
    m_row.assign(n, kNoVertex);
    m_leafNext.assign(n, kNoVertex);
    m_leafEdge.assign(n, -1);
    m_leafNs.assign(n, 0);
    std::vector<uint32_t> vertexOfRow;
    for (uint32_t v = 0; v < n; ++v)
    {
        if (oneLink(v) && incident[v][0].first != v && !oneLink(incident[v][0].first))
        {
            m_leafNext[v] = incident[v][0].first;
            m_leafEdge[v] = static_cast<int32_t>(incident[v][0].second);
            m_leafNs[v] = weight[incident[v][0].second].ns;
        }
        else
        {
            m_row[v] = static_cast<uint32_t>(vertexOfRow.size());
            vertexOfRow.push_back(v);
        }
    }
    const uint32_t k = static_cast<uint32_t>(vertexOfRow.size());
    m_k = k;

    // The graph of the other vertices (no shortest path between two of them enters a leaf,
    // which leads nowhere else).
    using RouteGraph = boost::adjacency_list<boost::vecS,
                                             boost::vecS,
                                             boost::undirectedS,
                                             boost::no_property,
                                             boost::property<boost::edge_weight_t, Cost>>;
    RouteGraph g(k);
    for (uint32_t e = 0; e < edges.size(); ++e)
    {
        const uint32_t ra = m_row[edges[e].a];
        const uint32_t rb = m_row[edges[e].b];
        if (ra != kNoVertex && rb != kNoVertex)
        {
            boost::add_edge(ra, rb, weight[e], g);
        }
    }

    // Links are undirected, so the costs from `t` are the costs to `t`: one run of Dijkstra
    // from each row's vertex gives that column of the tables. The first hop from s to t goes
    // to the lowest-index neighbour on a shortest path (by delay, then hops); a leaf
    // neighbour of s never is on one (it would add its link twice).
    m_ns.assign(static_cast<std::size_t>(k) * k, -1);
    m_firstEdge.assign(static_cast<std::size_t>(k) * k, -1);
    std::vector<Cost> cost(k);
    for (uint32_t t = 0; t < k; ++t)
    {
        std::fill(cost.begin(), cost.end(), kUnreachable);
        boost::dijkstra_shortest_paths(
            g,
            t,
            boost::distance_map(
                boost::make_iterator_property_map(cost.begin(), boost::get(boost::vertex_index, g)))
                .distance_compare(CostLess())
                .distance_combine(CostPlus())
                .distance_inf(kUnreachable)
                .distance_zero(Cost{0, 0}));
        for (uint32_t s = 0; s < k; ++s)
        {
            if (cost[s] == kUnreachable)
            {
                continue;
            }
            const std::size_t at = static_cast<std::size_t>(s) * k + t;
            m_ns[at] = cost[s].ns;
            if (s == t)
            {
                continue;
            }
            uint32_t bestNeighbour = kNoVertex;
            for (const auto& x : incident[vertexOfRow[s]])
            {
                const uint32_t rx = m_row[x.first];
                if (rx == kNoVertex || cost[rx] == kUnreachable)
                {
                    continue;
                }
                if (CostPlus()(weight[x.second], cost[rx]) == cost[s] && x.first < bestNeighbour)
                {
                    bestNeighbour = x.first;
                    m_firstEdge[at] = static_cast<int32_t>(x.second);
                }
            }
        }
    }

    const std::vector<uint32_t> relays = scenario.GetVerticesOfKind(MmsScenario::RELAY);
    const std::vector<uint32_t> servers = scenario.GetVerticesOfKind(MmsScenario::SERVER);
    const std::vector<uint32_t> ppgs = scenario.GetVerticesOfKind(MmsScenario::PPG);
    const std::vector<uint32_t> smscs = scenario.GetVerticesOfKind(MmsScenario::SMSC);
    const std::vector<uint32_t> cells = scenario.GetVerticesOfKind(MmsScenario::CELL);
    // With operators (MM4), each element and cell uses the nearest of its own operator's.
    const auto& vertices = scenario.GetVertices();
    auto own = [&vertices](const std::vector<uint32_t>& candidates, uint32_t v)
    {
        if (vertices[v].op.empty())
        {
            return candidates;
        }
        std::vector<uint32_t> same;
        for (uint32_t c : candidates)
        {
            if (vertices[c].op == vertices[v].op)
            {
                same.push_back(c);
            }
        }
        return same;
    };
    m_servingRelay.assign(n, kNoVertex);
    for (uint32_t v = 0; v < n; ++v)
    {
        int32_t relay = GetNearest(v, own(relays, v));
        if (relay >= 0)
        {
            m_servingRelay[v] = static_cast<uint32_t>(relay);
        }
    }
    for (uint32_t r : relays)
    {
        Mmse m;
        m.relay = r;
        m.server = static_cast<uint32_t>(GetNearest(r, own(servers, r)));
        m.ppg = static_cast<uint32_t>(GetNearest(r, own(ppgs, r)));
        m.smsc = static_cast<uint32_t>(GetNearest(m.ppg, own(smscs, r)));
        for (uint32_t c : cells)
        {
            if (m_servingRelay[c] == r)
            {
                m.cells.push_back(c);
            }
        }
        // A WAP gateway serves its nearest Relay, as a cell is served (MmsScenario refuses a
        // Relay with two).
        for (uint32_t g : scenario.GetVerticesOfKind(MmsScenario::WAPGW))
        {
            if (m_servingRelay[g] == r && m.wapgw == kNoVertex)
            {
                m.wapgw = g;
            }
        }
        m_mmses.push_back(m);
    }
}

int64_t
MmsScenarioRoutes::GetPathNs(uint32_t from, uint32_t to) const
{
    if (from == to)
    {
        return 0;
    }
    // A leaf's paths are its neighbour's, plus its link.
    int64_t extra = 0;
    if (m_row[from] == kNoVertex)
    {
        extra += m_leafNs[from];
        from = m_leafNext[from];
    }
    if (m_row[to] == kNoVertex)
    {
        extra += m_leafNs[to];
        to = m_leafNext[to];
    }
    const int64_t ns =
        from == to ? 0 : m_ns[static_cast<std::size_t>(m_row[from]) * m_k + m_row[to]];
    return ns < 0 ? -1 : ns + extra;
}

int32_t
MmsScenarioRoutes::GetFirstEdge(uint32_t from, uint32_t to) const
{
    if (from >= m_n || to >= m_n || from == to)
    {
        return -1;
    }
    if (m_row[from] == kNoVertex)
    {
        // A leaf leaves over its link, to wherever it can reach.
        return GetPathNs(from, to) < 0 ? -1 : m_leafEdge[from];
    }
    if (m_row[to] == kNoVertex)
    {
        // To a leaf: over its link from its neighbour, else as to that neighbour.
        if (m_leafNext[to] == from)
        {
            return m_leafEdge[to];
        }
        to = m_leafNext[to];
    }
    return m_firstEdge[static_cast<std::size_t>(m_row[from]) * m_k + m_row[to]];
}

double
MmsScenarioRoutes::GetPathDelay(uint32_t from, uint32_t to) const
{
    if (from >= m_n || to >= m_n)
    {
        return std::numeric_limits<double>::infinity();
    }
    const int64_t ns = GetPathNs(from, to);
    return ns < 0 ? std::numeric_limits<double>::infinity() : static_cast<double>(ns) / 1e9;
}

int32_t
MmsScenarioRoutes::GetNearest(uint32_t from, const std::vector<uint32_t>& candidates) const
{
    int32_t best = -1;
    if (from >= m_n)
    {
        return best;
    }
    double bestDelay = std::numeric_limits<double>::infinity();
    for (uint32_t i : candidates)
    {
        if (i >= m_n)
        {
            continue;
        }
        const double delay = GetPathDelay(from, i);
        if (std::isinf(delay))
        {
            continue;
        }
        if (best < 0 || delay < bestDelay)
        {
            best = static_cast<int32_t>(i);
            bestDelay = delay;
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
