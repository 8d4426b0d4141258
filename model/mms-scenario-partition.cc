/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-scenario-partition.h"

#include "mms-scenario.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>

namespace ns3
{

namespace
{
const uint32_t kNone = std::numeric_limits<uint32_t>::max();

/// A group of service areas: its vertices and subscribers.
struct Group
{
    std::vector<uint32_t> vertices; //!< in index order
    uint64_t subscribers{0};
};
} // namespace

bool
MmsScenarioPartition::Compute(const MmsScenario& scenario,
                              uint32_t ranks,
                              std::vector<std::string>& errors)
{
    *this = MmsScenarioPartition();
    const auto& vertices = scenario.GetVertices();
    const auto& edges = scenario.GetEdges();
    const auto nv = static_cast<uint32_t>(vertices.size());
    const std::string& origin = scenario.GetOrigin();
    if (ranks == 0)
    {
        errors.push_back(origin + ": the number of ranks must be 1 or more");
        return false;
    }

    // Groups: the connected components of the "uses" relations of the MMSEs.
    using UsesGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    UsesGraph uses(nv);
    std::vector<bool> inArea(nv, false);
    for (const auto& m : scenario.GetMmses())
    {
        for (uint32_t u : {m.server, m.ppg, m.smsc})
        {
            boost::add_edge(m.relay, u, uses);
            inArea[u] = true;
        }
        for (uint32_t c : m.cells)
        {
            boost::add_edge(m.relay, c, uses);
            inArea[c] = true;
        }
        inArea[m.relay] = true;
    }
    std::vector<int> component(nv);
    boost::connected_components(uses, component.data());
    std::map<int, uint32_t> groupOf; // component -> group, groups in order of first vertex
    std::vector<Group> groups;
    for (uint32_t v = 0; v < nv; ++v)
    {
        if (!inArea[v])
        {
            continue;
        }
        auto [it, added] = groupOf.emplace(component[v], static_cast<uint32_t>(groups.size()));
        if (added)
        {
            groups.emplace_back();
        }
        Group& g = groups[it->second];
        g.vertices.push_back(v);
        if (vertices[v].kind == MmsScenario::CELL)
        {
            g.subscribers += vertices[v].subscribers;
        }
    }
    if (ranks > groups.size())
    {
        errors.push_back(origin + ": cannot split over " + std::to_string(ranks)
                         + " ranks: the scenario has " + std::to_string(groups.size())
                         + " group(s) of service areas (Relays sharing a Server, PPG or SMSC "
                           "count as one), so at most "
                         + std::to_string(groups.size()) + " rank(s) would own a Relay");
        return false;
    }

    // Heaviest group first, to the rank with the fewest subscribers so far.
    std::vector<uint32_t> order(groups.size());
    for (uint32_t g = 0; g < order.size(); ++g)
    {
        order[g] = g;
    }
    std::stable_sort(order.begin(),
                     order.end(),
                     [&](uint32_t x, uint32_t y)
                     {
                         return groups[x].subscribers > groups[y].subscribers;
                     });
    m_ranks = ranks;
    m_groups = static_cast<uint32_t>(groups.size());
    m_subscribers.assign(ranks, 0);
    m_rank.assign(nv, kNone);
    std::vector<uint32_t> groupsOn(ranks, 0);
    for (uint32_t g : order)
    {
        uint32_t best = 0;
        for (uint32_t r = 1; r < ranks; ++r)
        {
            if (m_subscribers[r] < m_subscribers[best]
                || (m_subscribers[r] == m_subscribers[best] && groupsOn[r] < groupsOn[best]))
            {
                best = r;
            }
        }
        m_subscribers[best] += groups[g].subscribers;
        ++groupsOn[best];
        for (uint32_t v : groups[g].vertices)
        {
            m_rank[v] = best;
        }
    }

    // Everything else: the rank of the nearest placed vertex (by delay, then hops, then index).
    auto hops = [&scenario](uint32_t from, uint32_t to)
    {
        uint32_t n = 0;
        for (uint32_t at = from; at != to && n <= to + from + 1000000; ++n)
        {
            int32_t e = scenario.GetFirstEdge(at, to);
            if (e < 0)
            {
                return std::numeric_limits<uint32_t>::max();
            }
            at = scenario.GetOtherEnd(static_cast<uint32_t>(e), at);
        }
        return n;
    };
    for (uint32_t v = 0; v < nv; ++v)
    {
        if (inArea[v])
        {
            continue;
        }
        std::pair<double, uint32_t> nearest{std::numeric_limits<double>::infinity(), 0};
        uint32_t rank = 0;
        for (uint32_t u = 0; u < nv; ++u)
        {
            if (!inArea[u])
            {
                continue;
            }
            std::pair<double, uint32_t> d{scenario.GetPathDelay(v, u), hops(v, u)};
            if (d < nearest)
            {
                nearest = d;
                rank = m_rank[u];
            }
        }
        m_rank[v] = rank;
    }

    // Links between ranks carry the lookahead: each needs a delay.
    bool ok = true;
    m_lookahead = 0;
    for (uint32_t e = 0; e < edges.size(); ++e)
    {
        const auto& edge = edges[e];
        const uint32_t ra = m_rank[edge.a];
        const uint32_t rb = m_rank[edge.b];
        if (ra == rb)
        {
            continue;
        }
        m_crossEdges.push_back(e);
        const std::string& a = vertices[edge.a].name;
        const std::string& b = vertices[edge.b].name;
        if (std::llround(edge.delaySeconds * 1e9) < 1)
        {
            errors.push_back(origin + (edge.line ? ":" + std::to_string(edge.line) : "") + ": link "
                             + a + " -- " + b + " (delay " + edge.delay + ") joins rank "
                             + std::to_string(ra) + " (" + a + ") and rank " + std::to_string(rb)
                             + " (" + b
                             + "): a link between ranks needs a delay of at least 1ns, the "
                               "lookahead of ns-3's distributed simulator; give it a delay or "
                               "run on fewer ranks");
            ok = false;
            continue;
        }
        if (m_lookahead == 0 || edge.delaySeconds < m_lookahead)
        {
            m_lookahead = edge.delaySeconds;
        }
        m_links.push_back("  " + a + " (rank " + std::to_string(ra) + ") -- " + b + " (rank "
                          + std::to_string(rb) + "), " + edge.delay);
    }
    if (!ok)
    {
        *this = MmsScenarioPartition();
        return false;
    }
    for (uint32_t r = 0; r < ranks; ++r)
    {
        uint32_t relays = 0;
        uint32_t cells = 0;
        uint32_t others = 0;
        std::string names;
        for (uint32_t v = 0; v < nv; ++v)
        {
            if (m_rank[v] != r)
            {
                continue;
            }
            if (vertices[v].kind == MmsScenario::RELAY)
            {
                ++relays;
                names += (names.empty() ? "" : ", ") + vertices[v].name;
            }
            else if (vertices[v].kind == MmsScenario::CELL)
            {
                ++cells;
            }
            else
            {
                ++others;
            }
        }
        std::ostringstream line;
        line << "rank " << r << ": " << relays << " relay(s) (" << names << "), " << cells
             << " cell(s), " << m_subscribers[r] << " subscribers, " << others << " other vertices";
        m_lines.push_back(line.str());
    }
    return true;
}

uint32_t
MmsScenarioPartition::GetRanks() const
{
    return m_ranks;
}

uint32_t
MmsScenarioPartition::GetRank(uint32_t vertex) const
{
    return vertex < m_rank.size() ? m_rank[vertex] : 0;
}

const std::vector<uint32_t>&
MmsScenarioPartition::GetRanksOfVertices() const
{
    return m_rank;
}

uint32_t
MmsScenarioPartition::GetGroupCount() const
{
    return m_groups;
}

const std::vector<uint32_t>&
MmsScenarioPartition::GetCrossEdges() const
{
    return m_crossEdges;
}

double
MmsScenarioPartition::GetLookahead() const
{
    return m_lookahead;
}

uint64_t
MmsScenarioPartition::GetSubscribers(uint32_t rank) const
{
    return rank < m_subscribers.size() ? m_subscribers[rank] : 0;
}

void
MmsScenarioPartition::Print(std::ostream& os) const
{
    os << m_ranks << " rank(s), " << m_groups << " group(s) of service areas, "
       << m_crossEdges.size() << " link(s) between ranks";
    if (!m_crossEdges.empty())
    {
        os << " (lookahead " << m_lookahead * 1e3 << " ms)";
    }
    os << "\n";
    for (const auto& l : m_lines)
    {
        os << "  " << l << "\n";
    }
    for (const auto& l : m_links)
    {
        os << l << "\n";
    }
}

} // namespace ns3
