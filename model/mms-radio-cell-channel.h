/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_CELL_CHANNEL_H
#define MMS_RADIO_CELL_CHANNEL_H

#include "mms-bearer-profile.h"
#include "mms-radio-scheduler.h"
#include "mms-rrc-state-machine.h"

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class Packet;
class MmsRadioBearerNetDevice;

/**
 * \ingroup mms-radio
 * \brief A radio cell: the shared downlink and uplink capacity of its handsets' bearers, their
 * connection states, link-layer retransmissions, delays, reachability, and the signalling
 * channel that carries SMS independently of packet load.
 *
 * A cell connects one MmsRadioBearerNetDevice on a network node (the node that plays
 * RNC or BSC, SGSN and GGSN) with one MmsRadioBearerNetDevice per handset. It carries raw
 * IPv4 packets and does everything a radio access network adds to them:
 * - Queueing: each handset has a downlink and an uplink queue (its RLC buffer) of
 *   BufferPackets packets (100); a packet beyond it is dropped (BufferFull).
 * - Sharing: the head packet of every backlogged handset is served by the cell's capacity in
 *   that direction (DownlinkCapacity, UplinkCapacity; 0, the default, takes the cell
 *   profile's), divided by an MmsRadioScheduler: with Scheduler ProcessorSharing (the
 *   default) max-min fairly, each handset capped by its profile's peak rate; with RoundRobin
 *   one packet at a time. A handset in Cell_FACH is served instead by the common channels,
 *   FACH downlink (FachRate, 32 kbit/s, after M. Sauer, "From GSM to LTE") and RACH uplink
 *   (RachRate, 32 kbit/s), whose capacity comes on top.
 * - Connection states: before a packet is served the handset's MmsRrcStateMachine decides
 *   the channel (dedicated share, common channel, or wait for a promotion, TBF establishment
 *   or PDP activation); a downlink packet for a handset without a PDP context is dropped
 *   (NoPdpContext).
 * - Link layer: a packet's work on the capacity is its size plus the profile's link
 *   overhead, plus one RLC block for each block transmission that fails (the profile's block
 *   error rate; the failed blocks are sent again in the next round); a packet whose blocks
 *   still fail after MaxRetransmissions rounds is lost when its airtime ends (ResidualLoss). After
 * its airtime a packet arrives after the profile's core and radio delays plus one retransmission
 * delay per round, never before the handset's previous packet in that direction (RLC acknowledged
 * mode delivers in order).
 * - Reachability: nothing reaches an unreachable handset and nothing leaves it
 *   (Unreachable); when a handset becomes unreachable its queues are flushed (Flushed) and
 *   its connection state reset; packets already past the air interface are dropped when
 *   they would arrive.
 * - SMS: packets whose IPv4 TOS equals SignallingTos (0xB8, DSCP 46) ride the signalling
 *   channel instead, independent of load and of the PDP context: downlink, paging if the
 *   handset is Idle (PagingDelay, uniform over one paging cycle of nine 51-multiframes,
 *   2.12 s, the longest of 3GPP TS 45.002) then SmsTransferTime (1 to 3 s); uplink, SmsReportTime
 * (0.3 s, the RP-ACK or RP-ERROR). An SMS for an unreachable handset is dropped (PagingFailed).
 *
 * The cell reads its capacities and scheduler when it serves its first packet: set them
 * before. Trace sources: Drop (packet, handset index, reason: Unreachable, PagingFailed,
 * NoPdpContext, BufferFull, ResidualLoss, NoRoute, Flushed) and Sms (each signalling transfer
 * with its delay). GetStatistics() gives the cumulative figures of each direction, for
 * utilisation samples, and GetCurrentRate() a handset's rate now.
 *
 * Cells are built by MmsRadioBearerHelper (or by MmsNetworkHelper::SetRadioAccess()), which
 * creates the devices, addresses and routes:
 * \code
 *   MmsRadioBearerHelper radio;
 *   radio.SetProfile("UMTS-384");
 *   radio.SetChannelAttribute("Scheduler", StringValue("RoundRobin"));
 *   radio.SetChannelAttribute("DownlinkCapacity", DataRateValue(DataRate("1Mbps")));
 *   Ptr<MmsRadioCellChannel> cell = radio.CreateCell(gateway);
 *   radio.Attach(cell, handsets);
 *   cell->TraceConnectWithoutContext("Drop", MakeCallback(&OnDrop));
 * \endcode
 *
 * Limits: no propagation, interference, link adaptation or mobility (a handset stays in its
 * cell; coverage gaps are unreachability); the sharing is fluid, without TTIs or timeslot
 * packing; the signalling channel has no capacity limit and does not change the connection
 * state.
 */
class MmsRadioCellChannel : public Channel
{
  public:
    /// Direction index.
    enum Direction
    {
        DOWNLINK = 0, //!< from the network end to the handset
        UPLINK = 1,   //!< from the handset to the network end
    };

    /// Cumulative figures of one direction.
    struct DirectionStatistics
    {
        double servedBits{0};   //!< airtime bits served on the shared capacity (incl. RLC)
        Time busyTime;          //!< time with at least one transfer on the shared capacity
        uint64_t packets{0};    //!< packets delivered (data, not SMS)
        uint64_t bytes{0};      //!< IP octets delivered (data, not SMS)
        uint64_t drops{0};      //!< packets dropped, for any reason (SMS included)
        uint32_t backlogged{0}; //!< handsets with packets queued now
        double capacity{0};     //!< shared capacity, bit/s
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a cell without devices or profile.
    MmsRadioCellChannel();
    /// Destroy the cell (its jobs are cancelled by DoDispose()).
    ~MmsRadioCellChannel() override;

    /**
     * \brief Set the profile that gives the cell's capacities (unless the DownlinkCapacity and
     * UplinkCapacity attributes are set); MmsRadioBearerHelper::CreateCell() calls this.
     * \param profile the cell's profile
     */
    void SetCellProfile(const MmsBearerProfile& profile);
    /**
     * \brief Name of the cell's profile.
     * \return the name given by SetCellProfile() ("UMTS-384", ...); without one, the first
     *         handset's profile name; "" if neither
     */
    std::string GetCellProfileName() const;
    /**
     * \brief Set the network end of the cell (once);
     * MmsRadioBearerNetDevice::AttachAsBaseStation() calls this.
     * \param device the network-side device
     */
    void AttachBaseStation(Ptr<MmsRadioBearerNetDevice> device);
    /**
     * \brief Attach a handset's device with its bearer profile.
     *
     * The caller then calls MmsRadioBearerNetDevice::AttachAsHandset() with the index
     * returned, and AddAddress() once the handset has an address (MmsRadioBearerHelper::Attach
     * does all three).
     * \param device the handset device
     * \param profile its bearer
     * \param rrc its connection state (set to the profile's technology here, with the cell's
     *        ready callback)
     * \return the handset's index in the cell
     */
    uint32_t AttachHandset(Ptr<MmsRadioBearerNetDevice> device,
                           const MmsBearerProfile& profile,
                           Ptr<MmsRrcStateMachine> rrc);
    /**
     * \brief Route downlink packets for an address to a handset.
     * \param address the handset's IPv4 address
     * \param index the handset's index in the cell
     */
    void AddAddress(Ipv4Address address, uint32_t index);

    /**
     * \brief Send an IPv4 packet towards a handset (called by the network-side device).
     *
     * The handset is found by the destination address (NoRoute if none); an SMS goes to the
     * signalling channel, anything else to the handset's downlink queue.
     * \param packet the packet, starting with its IPv4 header
     */
    void SendDownlink(Ptr<Packet> packet);
    /**
     * \brief Send an IPv4 packet from a handset towards the network (called by its device).
     * \param index the handset's index in the cell
     * \param packet the packet, starting with its IPv4 header
     */
    void SendUplink(uint32_t index, Ptr<Packet> packet);
    /**
     * \brief Make a handset reachable or unreachable (called by its device).
     *
     * Becoming unreachable aborts the packets in service, flushes the handset's queues (Drop
     * reason Flushed) and resets its connection state.
     * \param index the handset's index in the cell
     * \param reachable true if switched on and in coverage
     */
    void SetReachable(uint32_t index, bool reachable);
    /**
     * \brief Carry an SMS to or from a subscriber that has no handset in the cell (a record of
     * MmsSubscriberPool, paged by number): the signalling channel's delay, as for a handset
     * in Idle (downlink: PagingDelay then SmsTransferTime; uplink: SmsReportTime), with the Sms
     * trace; if the subscriber is unreachable, the SMS is dropped (PagingFailed downlink,
     * Unreachable uplink). The handset index in the traces is UINT32_MAX. The caller delivers
     * the SMS after the delay (and calls DropSubscriberSms() if the subscriber is unreachable
     * by then).
     * \param packet the SMS
     * \param d the direction
     * \param reachable whether the subscriber is switched on and in coverage now
     * \return the delay, or a negative time if the SMS was dropped
     */
    Time SignalSubscriber(Ptr<const Packet> packet, Direction d, bool reachable);
    /**
     * \brief Drop an SMS of SignalSubscriber() whose subscriber became unreachable before it
     * arrived (PagingFailed downlink, Unreachable uplink).
     * \param packet the SMS
     * \param d the direction
     */
    void DropSubscriberSms(Ptr<const Packet> packet, Direction d);

    /**
     * \brief The number of handsets attached.
     * \return the number of handsets
     */
    uint32_t GetNHandsets() const;
    /**
     * \brief A handset's bearer profile.
     * \param index the handset's index in the cell (aborts if out of range)
     * \return its profile
     */
    const MmsBearerProfile& GetProfile(uint32_t index) const;
    /**
     * \brief The cumulative figures of one direction, up to now.
     *
     * servedBits and busyTime count the shared capacity only, not the FACH/RACH; packets and
     * bytes count the data packets delivered; drops count every drop in that direction.
     * \param d the direction
     * \return the figures, with the current backlog and capacity
     */
    DirectionStatistics GetStatistics(Direction d);
    /**
     * \brief Capacity of the shared downlink or uplink.
     * \param d the direction
     * \return the attribute if set, else the cell profile's, else the first handset's
     *         profile's, else 1 Mbit/s; bit/s
     */
    double GetCapacity(Direction d) const;
    /**
     * \brief The rate a handset receives now.
     * \param index the handset's index in the cell
     * \param d the direction
     * \return the rate on the shared capacity or common channel, bit/s (0 if no packet of
     *         that direction is in service)
     */
    double GetCurrentRate(uint32_t index, Direction d) const;

    /**
     * \brief Assign fixed random variable stream numbers: the cell's block errors, paging and
     * SMS delays, then each handset's connection state and device.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief The number of devices: the network end (if attached) and the handsets.
     * \return the number of devices
     */
    std::size_t GetNDevices() const override;
    /**
     * \brief A device of the cell.
     * \param i 0 for the network end (if attached), then the handsets in index order
     * \return the device
     */
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

    /**
     * \brief TracedCallback signature of a dropped packet (the Drop trace).
     * \param packet the packet dropped
     * \param handset the handset's index in the cell (UINT32_MAX for NoRoute, and for an SMS
     *        of a subscriber without a handset: SignalSubscriber())
     * \param reason Unreachable, PagingFailed, NoPdpContext, BufferFull, ResidualLoss,
     *        NoRoute or Flushed
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       uint32_t handset,
                                       const std::string& reason);

    /**
     * \brief TracedCallback signature of a packet entering the signalling channel (the Sms
     * trace).
     * \param packet the SMS packet
     * \param handset the handset's index in the cell (UINT32_MAX: a subscriber without a
     *        handset, SignalSubscriber())
     * \param delay the time it takes to arrive (paging included)
     */
    typedef void (*SmsTracedCallback)(Ptr<const Packet> packet, uint32_t handset, Time delay);

  protected:
    /// Forget the jobs in service, the handsets and the network end.
    void DoDispose() override;

  private:
    struct Flow
    {
        std::deque<Ptr<Packet>> queue;
        uint32_t bytes{0};
        bool busy{false};
        uint32_t resource{0}; //!< MmsRrcStateMachine::Resource of the packet in service
        uint32_t rounds{0};   //!< retransmission rounds of the packet in service
        bool lost{false};     //!< the packet in service exceeds MaxRetransmissions
        Time lastDelivery;
    };

    struct Handset
    {
        Ptr<MmsRadioBearerNetDevice> device;
        MmsBearerProfile profile;
        Ptr<MmsRrcStateMachine> rrc;
        bool reachable{true};
        Flow flow[2];
    };

    void Enqueue(uint32_t index, Direction d, Ptr<Packet> packet);
    /// Give a packet to the receiving device: the handset's (downlink) or the network end's.
    void HandOver(uint32_t index, Direction d, Ptr<Packet> packet);
    void Serve(uint32_t index, Direction d);
    void Served(uint32_t tag, uint32_t index);
    void Deliver(uint32_t index, uint32_t direction, Ptr<Packet> packet);
    void RrcReady(uint32_t index);
    void Drop(Ptr<const Packet> packet, uint32_t index, Direction d, const std::string& reason);
    void Signalling(uint32_t index, Direction d, Ptr<Packet> packet);
    void DeliverSignalling(uint32_t index, uint32_t direction, Ptr<Packet> packet);
    bool IsSignalling(Ptr<const Packet> packet) const;
    /// Airtime bits of `bytes` with RLC retransmissions drawn; sets rounds and lost.
    double DrawAirtimeBits(const MmsBearerProfile& p, uint32_t bytes, uint32_t& rounds, bool& lost);
    MmsRadioScheduler& Scheduler(Direction d, uint32_t resource);
    void Configure();

    Ptr<MmsRadioBearerNetDevice> m_baseStation;
    std::vector<Handset> m_handsets;
    std::unordered_map<uint32_t, uint32_t> m_byAddress;
    MmsBearerProfile m_cellProfile;
    bool m_haveCellProfile;
    bool m_configured;

    MmsRadioScheduler m_shared[2];
    MmsRadioScheduler m_common[2];
    DataRate m_downlinkCapacity;
    DataRate m_uplinkCapacity;
    DataRate m_fachRate;
    DataRate m_rachRate;
    MmsRadioScheduler::Discipline m_discipline;
    uint32_t m_bufferPackets;
    uint8_t m_signallingTos;
    Ptr<RandomVariableStream> m_pagingDelay;
    Ptr<RandomVariableStream> m_smsTransferTime;
    Ptr<RandomVariableStream> m_smsReportTime;
    Ptr<UniformRandomVariable> m_blockErrors;
    DirectionStatistics m_stats[2];

    TracedCallback<Ptr<const Packet>, uint32_t, const std::string&> m_dropTrace;
    TracedCallback<Ptr<const Packet>, uint32_t, Time> m_smsTrace;
};

} // namespace ns3

#endif /* MMS_RADIO_CELL_CHANNEL_H */
