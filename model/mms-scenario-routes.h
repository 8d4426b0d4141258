/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_ROUTES_H
#define MMS_SCENARIO_ROUTES_H

#include <cstdint>
#include <vector>

namespace ns3
{

class MmsScenario;

/**
 * \ingroup mms-scenario
 * The routes of a checked scenario graph and the service areas they give: shortest paths by
 * link delay, the Relay serving each cell, and the MMS Environments (MMSE, 3GPP TS 23.140
 * clause 5) each Relay forms with its Server, PPG and SMSC.
 *
 * Links are undirected and cost their delay (in whole nanoseconds, as ns-3's Time holds it);
 * a path costs its summed delay. Among paths of equal delay the one with fewer hops is
 * shortest; among those, the first hop goes to the neighbour of lowest vertex index. Every
 * vertex is served by its nearest Relay (ties to the lower index); each Relay uses its nearest
 * Server and PPG, and each PPG its nearest SMSC.
 *
 * MmsScenario computes its routes once its checks pass, and answers the questions below
 * through them; the scenario helper installs routes (MmsScenarioRouting) along the first hops.
 *
 * Only the vertices that are not leaves get a table. A leaf is a vertex with exactly one link
 * whose other end is not a leaf itself (in an operator scenario: the cells, and the elements
 * hung off a router). Every path from a leaf starts over its link, and every path to it ends
 * there, so its answers are its neighbour's plus that link (exactly: the delays are summed in
 * nanoseconds, as a path's are). Boost.Graph's dijkstra_shortest_paths runs from each other
 * vertex over the pair (delay, hops), through the other vertices only (no shortest path
 * between them crosses a leaf). Memory and time grow with the square of the vertices that are
 * not leaves (a first hop and a delay per pair, 12 bytes) and linearly with the leaves: an
 * operator scenario of ten thousand cells on a hundred routers keeps about a hundred rows.
 */
class MmsScenarioRoutes
{
  public:
    /// One MMSE: a Relay with the Server, PPG and SMSC it uses and the cells it serves.
    struct Mmse
    {
        uint32_t relay;              //!< the Relay's vertex
        uint32_t server;             //!< the nearest Server to the Relay
        uint32_t ppg;                //!< the nearest PPG to the Relay
        uint32_t smsc;               //!< the SMSC the PPG submits to (the nearest to the PPG)
        std::vector<uint32_t> cells; //!< cells this Relay serves, in file order
        uint32_t wapgw{UINT32_MAX};  //!< the WAP gateway serving it (nearest), or UINT32_MAX
    };

    /**
     * Compute the routes of a scenario whose vertices and edges passed the checks (every link
     * delay a valid, non-negative time; every cell reaching a Relay, a PPG and an SMSC, every
     * Relay a Server).
     * \param scenario the scenario
     */
    void Compute(const MmsScenario& scenario);

    /// Forget every route.
    void Clear();

    /**
     * The first hop on a shortest path.
     * \param from the vertex where the path starts
     * \param to the vertex where it ends
     * \return the index of the edge to take, or -1 if from == to, `to` is unreachable or either
     *         index is out of range
     */
    int32_t GetFirstEdge(uint32_t from, uint32_t to) const;

    /**
     * The delay of a shortest path.
     * \param from the vertex where the path starts
     * \param to the vertex where it ends
     * \return the summed link delay in seconds (0 if from == to; infinity if `to` is
     *         unreachable or either index is out of range)
     */
    double GetPathDelay(uint32_t from, uint32_t to) const;

    /**
     * The nearest of some vertices.
     * \param from the vertex to measure from
     * \param candidates the vertices to choose among, in increasing index order
     * \return the reachable candidate of least path delay from `from` (ties to the one listed
     *         first), or -1 if none is reachable
     */
    int32_t GetNearest(uint32_t from, const std::vector<uint32_t>& candidates) const;

    /**
     * The Relay serving a vertex.
     * \param vertex a vertex (a cell, in practice)
     * \return its nearest Relay, or UINT32_MAX if it reaches none or is out of range
     */
    uint32_t GetServingRelay(uint32_t vertex) const;

    /**
     * The MMSEs, one per Relay.
     * \return the MMSEs in the order of their Relays' vertices
     */
    const std::vector<Mmse>& GetMmses() const;

  private:
    /**
     * The delay of a shortest path in nanoseconds.
     * \param from the vertex where the path starts (in range)
     * \param to the vertex where it ends (in range)
     * \return the summed link delay, or -1 if `to` is unreachable
     */
    int64_t GetPathNs(uint32_t from, uint32_t to) const;

    uint32_t m_n{0};                      //!< vertices
    uint32_t m_k{0};                      //!< vertices that are not leaves (rows of the tables)
    std::vector<uint32_t> m_row;          //!< per vertex: its row, or UINT32_MAX for a leaf
    std::vector<uint32_t> m_leafNext;     //!< per leaf: the other end of its link
    std::vector<int32_t> m_leafEdge;      //!< per leaf: its link
    std::vector<int64_t> m_leafNs;        //!< per leaf: its link's delay, nanoseconds
    std::vector<int64_t> m_ns;            //!< [row][row] path delay in ns, -1 if unreachable
    std::vector<int32_t> m_firstEdge;     //!< [row][row] first hop, -1 if none
    std::vector<Mmse> m_mmses;            //!< one per Relay
    std::vector<uint32_t> m_servingRelay; //!< per vertex
};

} // namespace ns3

#endif /* MMS_SCENARIO_ROUTES_H */
