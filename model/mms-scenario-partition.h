/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_PARTITION_H
#define MMS_SCENARIO_PARTITION_H

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

class MmsScenario;

/**
 * \ingroup mms-scenario
 * Splits a checked scenario over the ranks (processes) of one distributed run with ns-3's MPI
 * simulator: which rank (ns-3 system id) owns each vertex, and with it the node, cell,
 * handsets and applications built for it.
 *
 * The rule:
 * - a service area is an MMSE (MmsScenarioRoutes::Mmse): a Relay with its Server, PPG and
 *   SMSC and the cells it serves; service areas that share a Server, PPG or SMSC form one
 *   group (Boost.Graph's connected_components over the graph of "uses" relations), since an
 *   element and the Relays it serves must record into the same results file for a message's
 *   rows to be whole. A group never spans ranks: a radio cell and its handsets stay with
 *   their Relay;
 * - groups go to ranks heaviest first (weight: their subscribers), each to the rank with the
 *   fewest subscribers so far (ties to the lower rank; equal groups in file order);
 * - every other vertex (routers, elements no Relay uses) goes to the rank of the nearest
 *   vertex already placed, by path delay (ties to the lower vertex index);
 * - a link whose ends are on different ranks carries packets between processes and must have
 *   a delay of at least 1 ns: ns-3's distributed simulator takes the smallest such delay as
 *   its lookahead. A zero-delay link between ranks is an error naming the link.
 *
 * Asking for more ranks than there are groups is an error (a rank would own no Relay). One
 * rank always succeeds and owns everything. The class needs no MPI: it only computes.
 *
 * \code
 *   MmsScenarioPartition partition;
 *   std::vector<std::string> errors;
 *   if (!partition.Compute(scenario, ranks, errors)) { ... print errors, exit 2 ... }
 *   builder.SetPartition(partition, MpiInterface::GetSystemId());
 * \endcode
 */
class MmsScenarioPartition
{
  public:
    /**
     * Split a scenario that loaded without errors.
     * \param scenario the scenario
     * \param ranks the number of ranks (1 or more)
     * \param errors one line per problem (appended); links name the file, line and both ends
     * \return true if every vertex has a rank and every link between ranks has a delay
     */
    bool Compute(const MmsScenario& scenario, uint32_t ranks, std::vector<std::string>& errors);

    /**
     * The number of ranks.
     * \return the ranks asked of Compute (0 before a successful Compute)
     */
    uint32_t GetRanks() const;
    /**
     * The rank owning a vertex.
     * \param vertex a vertex index of the scenario
     * \return its rank (ns-3 system id)
     */
    uint32_t GetRank(uint32_t vertex) const;
    /**
     * The rank of every vertex.
     * \return one rank per vertex, by index
     */
    const std::vector<uint32_t>& GetRanksOfVertices() const;
    /**
     * The groups of service areas (Relays sharing a Server, PPG or SMSC count as one).
     * \return their number
     */
    uint32_t GetGroupCount() const;
    /**
     * The links between ranks.
     * \return their edge indices, in file order
     */
    const std::vector<uint32_t>& GetCrossEdges() const;
    /**
     * The lookahead ns-3's distributed simulator will use.
     * \return the smallest delay of a link between ranks, in seconds (0 without such links)
     */
    double GetLookahead() const;
    /**
     * The subscribers (handsets) a rank owns.
     * \param rank a rank
     * \return their number
     */
    uint64_t GetSubscribers(uint32_t rank) const;
    /**
     * One line per rank: its Relays, cells, subscribers; then the links between ranks.
     * \param os where to print it
     */
    void Print(std::ostream& os) const;

  private:
    std::vector<uint32_t> m_rank;        //!< per vertex
    std::vector<uint64_t> m_subscribers; //!< per rank
    std::vector<uint32_t> m_crossEdges;  //!< edges between ranks
    std::vector<std::string> m_lines;    //!< of Print, one per rank
    std::vector<std::string> m_links;    //!< of Print, one per link between ranks
    uint32_t m_ranks{0};                 //!< ranks asked
    uint32_t m_groups{0};                //!< groups of service areas
    double m_lookahead{0};               //!< smallest delay between ranks, seconds
};

} // namespace ns3

#endif /* MMS_SCENARIO_PARTITION_H */
