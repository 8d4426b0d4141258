/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_CELL_CHANNEL_H
#define MMS_RADIO_CELL_CHANNEL_H

// A radio cell: the shared downlink and uplink capacity of its handsets' bearers, their
// connection states, link-layer retransmissions, delays, reachability, and the signalling
// channel that carries SMS independently of packet load.

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
 * \ingroup mms
 * One cell. Each handset has a downlink and an uplink queue (its RLC buffer). The head packet
 * of every backlogged handset is served by the cell's shared capacity in that direction
 * (processor sharing, each handset capped by its profile's peak rate; or round robin), or by
 * the small common channel (FACH/RACH) while the handset is in Cell_FACH. A packet's airtime
 * is its size plus the link overhead, plus the blocks retransmitted by RLC (block error rate);
 * it then arrives after the profile's radio and core delays plus one retransmission delay per
 * round, in order. A packet whose block fails more than MaxRetransmissions times is lost.
 *
 * Packets whose IPv4 TOS equals SignallingTos ride the signalling channel instead (SMS:
 * paging if the handset is idle, then a transfer time per message), independent of load.
 * Nothing reaches an unreachable handset and nothing leaves it.
 */
class MmsRadioCellChannel : public Channel
{
  public:
    /// Direction index.
    enum Direction
    {
        DOWNLINK = 0,
        UPLINK = 1,
    };

    /// Cumulative figures of one direction.
    struct DirectionStatistics
    {
        double servedBits{0};      //!< airtime bits served on the shared capacity (incl. RLC)
        Time busyTime;             //!< time with at least one transfer on the shared capacity
        uint64_t packets{0};       //!< packets delivered (data, not SMS)
        uint64_t bytes{0};         //!< IP octets delivered
        uint64_t drops{0};         //!< packets dropped
        uint32_t backlogged{0};    //!< handsets with packets queued now
        double capacity{0};        //!< shared capacity, bit/s
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsRadioCellChannel();
    ~MmsRadioCellChannel() override;

    /// The profile that sets the cell's capacities (unless the attributes are set).
    void SetCellProfile(const MmsBearerProfile& profile);
    /// Name of the cell's profile ("UMTS-384"; else the first handset's; "" if neither).
    std::string GetCellProfileName() const;
    /// The network end of the cell.
    void AttachBaseStation(Ptr<MmsRadioBearerNetDevice> device);
    /**
     * Attach a handset's device with its bearer profile.
     * \param device the handset device
     * \param profile its bearer
     * \param rrc its connection state (configured for the profile's technology here)
     * \return the handset's index in the cell
     */
    uint32_t AttachHandset(Ptr<MmsRadioBearerNetDevice> device,
                           const MmsBearerProfile& profile,
                           Ptr<MmsRrcStateMachine> rrc);
    /// Packets to `address` go to handset `index`.
    void AddAddress(Ipv4Address address, uint32_t index);

    /// From the base station device: an IPv4 packet towards a handset.
    void SendDownlink(Ptr<Packet> packet);
    /// From handset `index`: an IPv4 packet towards the network.
    void SendUplink(uint32_t index, Ptr<Packet> packet);
    /// Handset `index` became reachable or unreachable.
    void SetReachable(uint32_t index, bool reachable);

    uint32_t GetNHandsets() const;
    const MmsBearerProfile& GetProfile(uint32_t index) const;
    DirectionStatistics GetStatistics(Direction d);
    /// Capacity of the shared downlink or uplink, bit/s.
    double GetCapacity(Direction d) const;
    /// Rate handset `index` receives now in direction `d` (0 if idle), bit/s.
    double GetCurrentRate(uint32_t index, Direction d) const;

    /**
     * Assign fixed random variable stream numbers (the cell's and its handsets' RRC).
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    // Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

    /// TracedCallback signature of a dropped packet: packet, handset index, reason.
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       uint32_t handset,
                                       const std::string& reason);

    /// TracedCallback signature of an SMS entering the signalling channel: packet, handset
    /// index, its delay.
    typedef void (*SmsTracedCallback)(Ptr<const Packet> packet, uint32_t handset, Time delay);

  protected:
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
