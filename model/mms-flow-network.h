/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_FLOW_NETWORK_H
#define MMS_FLOW_NETWORK_H

#include "mms-bearer-profile.h"
#include "mms-radio-scheduler.h"
#include "mms-rrc-state-machine.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

class MmsFlowTransport;
class MmsRadioCellChannel;

/**
 * \ingroup mms-transport
 * \brief The fluid network of the flow level: radio cells as processor-sharing servers, paths
 * between sites as delays and rates, and the transfers that cross them.
 *
 * Endpoints are MmsFlowTransport objects, registered by their IPv4 address. Each sits at a
 * site (the ns-3 node id of its element, or of its cell for a handset); a handset's transport
 * is also in a cell (AddCell) with an RRC state machine of its own. A transfer carries octets
 * from one endpoint to another:
 * - if one end is a handset, the transfer crosses its cell: the handset's MmsRrcStateMachine
 *   is asked for a resource as MmsRadioCellChannel asks it for each packet (so promotions,
 *   TBF set-up and PDP activation delay the transfer as they delay the first packet), then the
 *   airtime bits (link overhead per packet and the mean RLC retransmissions of
 *   MmsBearerProfile) are served by the cell's MmsRadioScheduler of that direction and
 *   resource: max-min water-filling among the cell's active transfers with the handset's peak
 *   rate (FACH/RACH rates on the common channel), recomputed at each arrival and departure;
 * - a TCP transfer also waits the slow-start rounds in which its window (InitialCwnd segments,
 *   doubling each round trip) is sent faster than a round trip: the idle part of each such
 *   round is added before its bits are served;
 * - its last bit then takes the one-way delay of the path: the sites' path (SetPath), the
 *   bearer's core and radio delays and the mean RLC retransmission rounds of its last packet.
 * A transfer without a radio leg is served at the path's rate, unshared.
 *
 * Limits: core links are not shared among transfers (each gets the path's bottleneck rate);
 * several transfers of one handset share the cell as separate flows, each capped by the
 * handset's peak; a transfer stays on the resource it started on (no promotion from FACH in
 * the middle of it); the residual loss of the radio (MaxRetransmissions exceeded) and link
 * loss are not modelled; the cell's Scheduler attribute is read (processor sharing or round
 * robin) but round robin serves transfers, not packets, in turn.
 */
class MmsFlowNetwork : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// An empty network.
    MmsFlowNetwork();
    ~MmsFlowNetwork() override;

    /**
     * Add a flow-level cell: its capacities, common channel rates and scheduler are those of
     * the channel's attributes, its handsets' profile the given one.
     * \param channel the cell's channel (which carries no handset of its own at flow level)
     * \param profile the bearer profile of its handsets
     * \param site the site of the cell (its network node's id)
     * \return the cell's index
     */
    uint32_t AddCell(Ptr<MmsRadioCellChannel> channel,
                     const MmsBearerProfile& profile,
                     uint32_t site);
    /**
     * \param cell a cell index
     * \return its handsets' bearer profile
     */
    const MmsBearerProfile& GetProfile(uint32_t cell) const;
    /**
     * \param cell a cell index
     * \return its site
     */
    uint32_t GetCellSite(uint32_t cell) const;
    /**
     * Set the path between two sites, both ways.
     * \param a a site
     * \param b another site
     * \param delay one-way propagation delay of the path
     * \param rate the path's bottleneck rate, bit/s
     */
    void SetPath(uint32_t a, uint32_t b, Time delay, double rate);

    /**
     * Register an endpoint at its address (done by MmsFlowTransport::Attach).
     * \param address the address
     * \param transport the endpoint
     */
    void Register(Ipv4Address address, MmsFlowTransport* transport);
    /**
     * Forget an endpoint's address (if it is still registered by that transport).
     * \param address the address
     * \param transport the endpoint
     */
    void Unregister(Ipv4Address address, const MmsFlowTransport* transport);
    /**
     * The endpoint at an address.
     * \param address an address
     * \return the transport registered there, or null
     */
    MmsFlowTransport* Find(Ipv4Address address) const;

    /// What a transfer carries and how.
    struct TransferSpec
    {
        uint64_t bytes{0};      //!< payload octets (TCP payload, UDP payload)
        uint32_t segment{0};    //!< TCP payload per segment; 0: one datagram
        uint32_t header{0};     //!< header octets per packet (IP and TCP or UDP)
        bool slowStart{true};   //!< TCP: a new connection's window (InitialCwnd)
        bool signalling{false}; //!< datagram on the cell's signalling channel (no data bearer)
        /// a packet without payload (bytes 0, segment 0: a SYN) that comes back at once (its
        /// SYN-ACK): the transfer ends when the answer is back at the sender
        bool roundTrip{false};
        /// TCP: octets of the SYN (and of its SYN-ACK) that open the connection before the
        /// payload goes, all in the one transfer; 0: the connection is open
        uint32_t handshake{0};
    };

    /**
     * Start a transfer between two registered endpoints.
     * \param from the sender
     * \param to the receiver
     * \param spec what it carries
     * \param done called when its last octet has arrived
     * \return its id (for CancelTransfer)
     */
    uint64_t StartTransfer(Ptr<MmsFlowTransport> from,
                           Ptr<MmsFlowTransport> to,
                           const TransferSpec& spec,
                           Callback<void> done);
    /**
     * Cancel a transfer (its callback is never called); ignored if it has ended.
     * \param id the transfer
     */
    void CancelTransfer(uint64_t id);
    /**
     * A handset's RRC state machine is ready: its transfers waiting for a resource go on
     * (MmsFlowTransport sets this as the machine's ready callback).
     * \param transport the handset's transport
     */
    void RadioReady(MmsFlowTransport* transport);
    /**
     * The base round trip between two endpoints: the path's delays both ways and the
     * bearer's, without queueing or transmission.
     * \param a an endpoint
     * \param b another
     * \return the round-trip time
     */
    Time GetRoundTrip(const MmsFlowTransport* a, const MmsFlowTransport* b) const;

    /// Figures of the network.
    struct Statistics
    {
        uint64_t transfers{0};      //!< transfers started
        uint64_t radioTransfers{0}; //!< of them, across a cell
        uint64_t radioWaits{0};     //!< of them, that waited for a promotion or a PDP context
        uint64_t bytes{0};          //!< payload octets delivered
        double airtimeBits{0};      //!< bits served on the cells' schedulers
    };

    /**
     * \return the network's figures
     */
    Statistics GetStatistics() const;
    /**
     * The cell's active transfers in one direction on its shared (dedicated-channel) capacity.
     * \param cell a cell index
     * \param downlink the direction
     * \return the number of transfers being served
     */
    uint32_t GetActiveCount(uint32_t cell, bool downlink) const;

  protected:
    /// Cancel every transfer and forget the endpoints.
    void DoDispose() override;

  private:
    /// The capacity of one scheduler and what served transfers' ACKs hold of it.
    struct Reserve
    {
        double capacity{0};  //!< the scheduler's own capacity, bit/s
        double held{0};      //!< held by ACKs, bit/s
        uint32_t holders{0}; //!< transfers holding some
    };

    /// A flow-level cell.
    struct Cell
    {
        MmsBearerProfile profile;   //!< of its handsets
        uint32_t site{0};           //!< its network node
        double commonRate[2]{0, 0}; //!< FACH (downlink), RACH (uplink) rates, bit/s
        std::unique_ptr<MmsRadioScheduler> shared[2]; //!< dedicated channels, by direction
        std::unique_ptr<MmsRadioScheduler> common[2]; //!< FACH / RACH, by direction
        Reserve reserve[2][2];                        //!< by direction, shared (0) or common (1)
        /// the transfer served alone on a scheduler without a job or an event of its own (by
        /// direction, shared (0) or common (1)); 0: none
        uint64_t solo[2][2]{{0, 0}, {0, 0}};
    };

    /// A path between two sites.
    struct Path
    {
        Time delay;     //!< one way
        double rate{0}; //!< bit/s; 0: unlimited
    };

    /// A transfer under way.
    struct Transfer
    {
        Ptr<MmsFlowTransport> from;         //!< sender
        Ptr<MmsFlowTransport> to;           //!< receiver
        TransferSpec spec;                  //!< what it carries
        Callback<void> done;                //!< at arrival
        int32_t cell{-1};                   //!< the cell it crosses, or -1
        uint32_t direction{0};              //!< 0 downlink, 1 uplink (with a cell)
        MmsFlowTransport* handset{nullptr}; //!< the handset end (with a cell)
        uint32_t resource{0};               //!< MmsRrcStateMachine::Resource it is served on
        bool waiting{false};                //!< for the handset's RRC state machine
        bool serving{false};                //!< on a scheduler
        uint32_t job{0};                    //!< its scheduler job, while serving
        double ackRate{0};                  //!< rate its ACKs hold on the other direction
        bool solo{false};                   //!< served alone, without a scheduler job
        Time soloStart;                     //!< solo: when its service starts
        Time soloEnd;                       //!< solo: when its service ends
        double soloRate{0};                 //!< solo: its rate, bit/s
        double bits{0};                     //!< solo: airtime bits of its service
        bool resumed{false};                //!< a solo service goes on as a job (bits left)
        EventId event;                      //!< its pending event (start of service, arrival)
    };

    /// The path between two sites (same site: none).
    Path GetPath(uint32_t a, uint32_t b) const;
    /// One-way delay of a transfer's last octet after its service ends.
    Time GetOneWay(const Transfer& t) const;
    /// Try to give a transfer across a cell its radio resource; serve it once it has one.
    void Admit(uint64_t id);
    /// Hold (sign +1) or give back (-1) the ACK rate of a transfer on the other direction.
    void HoldAckRate(Transfer& t, int sign);
    /// The slow-start idle time of a TCP transfer served at `rate`.
    Time SlowStartIdle(const Transfer& t, double rate, double airPerPacket) const;
    /// Serve a transfer on its cell from now.
    void Serve(uint64_t id);
    /// Serve a transfer on its cell from `start` (not before now): alone (solo) if nothing
    /// else is on its scheduler, else on the scheduler at that instant.
    void PlanServe(uint64_t id, Time start);
    /// Put a transfer on its cell's scheduler now.
    void StartJob(uint64_t id);
    /// The scheduler of a cell, direction and resource changes: its solo transfer (if any)
    /// becomes a job of the scheduler for what it has left, or waits for its start.
    void Unsolo(uint32_t cell, uint32_t direction, uint32_t resource);
    /// The SYN and SYN-ACK of a transfer's handshake are done: the payload goes.
    void Handshaken(uint64_t id);
    /// The airtime bits of a transfer across its cell and its peak rate.
    std::pair<double, double> BitsAndPeak(const Transfer& t) const;
    /// A scheduler finished a job (tag: cell * 4 + direction * 2 + common).
    void Served(uint32_t tag, uint32_t job);
    /// The transfer's service ended: its last octet arrives after the one-way delay.
    void Propagate(uint64_t id);
    /// The transfer arrived.
    void Arrive(uint64_t id);
    /// Airtime bits of `bytes` of IP packets on a cell (mean RLC retransmissions).
    static double AirtimeBits(const MmsBearerProfile& p, double packetBytes);
    /// The scheduler of a cell, direction and resource.
    MmsRadioScheduler& Scheduler(uint32_t cell, uint32_t direction, uint32_t resource);

    uint32_t m_initialCwnd; //!< InitialCwnd, segments
    double m_coreRate;      //!< CoreRate, bit/s (paths not set)
    Time m_coreDelay;       //!< CoreDelay (paths not set)
    bool m_ackLoad{true};   //!< AckLoad
    bool m_solo{true};      //!< Solo
    std::vector<Cell> m_cells;
    std::map<std::pair<uint32_t, uint32_t>, Path> m_paths;
    std::unordered_map<uint32_t, MmsFlowTransport*> m_endpoints;
    std::unordered_map<uint64_t, Transfer> m_transfers;
    std::unordered_map<uint32_t, uint64_t> m_jobs; //!< scheduler job id -> transfer
    /// transfers waiting for a handset's RRC state machine, by handset
    std::unordered_map<const MmsFlowTransport*, std::vector<uint64_t>> m_waiting;
    uint32_t m_nextJob{1};
    uint64_t m_nextTransfer{1};
    Statistics m_stats;
};

} // namespace ns3

#endif /* MMS_FLOW_NETWORK_H */
