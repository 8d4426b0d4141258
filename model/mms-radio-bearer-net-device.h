/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_BEARER_NET_DEVICE_H
#define MMS_RADIO_BEARER_NET_DEVICE_H

// The NetDevice of a radio cell: one per handset (its packet data bearer) and one on the
// network side of the cell (the base station / RNC / SGSN end). It carries raw IPv4 packets
// (no link-layer header, no ARP); the MmsRadioCellChannel does the queueing, sharing and delays.

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class MmsRadioCellChannel;
class MmsRrcStateMachine;

/**
 * \ingroup mms
 * A handset's bearer, or the network end of a cell. IPv4 only, raw IP: pcap files use the
 * raw-IP link type (101). A handset device can be made unreachable (switched off or out of
 * coverage), by calls or by a random on/off coverage process.
 */
class MmsRadioBearerNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsRadioBearerNetDevice();
    ~MmsRadioBearerNetDevice() override;

    /// Attach as the network end of the cell.
    void AttachAsBaseStation(Ptr<MmsRadioCellChannel> channel);
    /// Attach as handset number `index` of the cell (the channel calls this).
    void AttachAsHandset(Ptr<MmsRadioCellChannel> channel, uint32_t index, Ptr<MmsRrcStateMachine> rrc);
    bool IsBaseStation() const;
    /// Handset number in its cell.
    uint32_t GetHandsetIndex() const;
    Ptr<MmsRrcStateMachine> GetRrc() const;

    /// Handset: in coverage or not (the coverage process and ScheduleOutage use this).
    void SetReachable(bool inCoverage);
    /// Handset: switched on or off (a User Agent's SwitchOff/SwitchOn use this).
    void SetPowered(bool on);
    /// True if switched on and in coverage.
    bool IsReachable() const;
    /// Handset: out of coverage from `start` for `duration` (from now).
    void ScheduleOutage(Time start, Time duration);

    /// The channel delivers a packet to this device.
    void Receive(Ptr<Packet> packet, const Address& from);

    /**
     * Assign a fixed random variable stream number.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

    /// TracedCallback signature of a reachability change (powered and in coverage).
    typedef void (*ReachabilityTracedCallback)(bool reachable);

  protected:
    void DoDispose() override;
    void DoInitialize() override;

  private:
    void CoverageToggle();
    void UpdateReachability();

    Ptr<MmsRadioCellChannel> m_channel;
    Ptr<Node> m_node;
    Ptr<MmsRrcStateMachine> m_rrc;
    uint32_t m_ifIndex;
    uint32_t m_index;
    bool m_baseStation;
    bool m_reachable; //!< powered and in coverage
    bool m_inCoverage;
    bool m_powered;
    Mac48Address m_address;
    uint16_t m_mtu;
    NetDevice::ReceiveCallback m_rx;
    PromiscReceiveCallback m_promisc;

    bool m_coverageProcess;
    Ptr<RandomVariableStream> m_inCoverageTime;
    Ptr<RandomVariableStream> m_outOfCoverageTime;
    EventId m_coverageEvent;

    TracedCallback<Ptr<const Packet>> m_macTx;
    TracedCallback<Ptr<const Packet>> m_macRx;
    TracedCallback<Ptr<const Packet>> m_sniffer;
    TracedCallback<bool> m_reachability;
};

} // namespace ns3

#endif /* MMS_RADIO_BEARER_NET_DEVICE_H */
