/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_BEARER_NET_DEVICE_H
#define MMS_RADIO_BEARER_NET_DEVICE_H

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
 * \ingroup mms-radio
 * \brief The NetDevice of a radio cell: a handset's packet data bearer, or the network end
 * of the cell (the base station / RNC / SGSN end).
 *
 * A cell (MmsRadioCellChannel) has one such device on a network node and one per handset.
 * The device carries raw IPv4 packets: no link-layer header, no ARP, no broadcast; Send()
 * refuses any other protocol. The channel does the queueing, the sharing of capacity, the
 * link layer and the delays; the device only hands packets to it and up to the node. Pcap
 * files use the raw-IP link type (101), which Wireshark reads directly.
 *
 * A handset device can be made unreachable: switched off (SetPowered(), which a User Agent's
 * SwitchOff and SwitchOn call) or out of coverage (SetReachable(), ScheduleOutage(), or the
 * random on/off process of the CoverageProcess attribute: in coverage for InCoverageTime,
 * exponential with mean 3,600 s, then out for OutOfCoverageTime, mean 300 s, alternately,
 * from the start). It is reachable when it is both switched on and in coverage; the cell then
 * drops every packet to or from it. The link itself never goes down (IsLinkUp() is always
 * true), as a radio keeps its configuration while out of reach.
 *
 * Attributes: Mtu (a handset takes its bearer profile's when attached), CoverageProcess,
 * InCoverageTime, OutOfCoverageTime and Rrc, the handset's MmsRrcStateMachine, through which
 * its traces are reachable by Config paths. Trace sources: MacTx (each IP packet handed to
 * the device), MacRx (each one passed up), Sniffer (both, for pcap; a packet the cell then
 * drops is in it) and Reachability.
 *
 * The devices are created by MmsRadioBearerHelper, which also writes their pcap files:
 * \code
 *   MmsRadioBearerHelper radio;
 *   radio.SetDeviceAttribute("CoverageProcess", BooleanValue(true));
 *   NetDeviceContainer devices = radio.Attach(radio.CreateCell(gateway), handsets);
 *   radio.EnablePcap("cell", devices);
 *   MmsRadioBearerHelper::GetHandsetDevice(handsets.Get(0))
 *       ->ScheduleOutage(Seconds(60), Seconds(300));
 * \endcode
 */
class MmsRadioBearerNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a device not yet attached: reachable, MTU 1500, a new MAC-48 address.
    MmsRadioBearerNetDevice();
    /// Destroy the device (its coverage process is cancelled by DoDispose()).
    ~MmsRadioBearerNetDevice() override;

    /**
     * \brief Attach as the network end of a cell (registers with the channel).
     * \param channel the cell
     */
    void AttachAsBaseStation(Ptr<MmsRadioCellChannel> channel);
    /**
     * \brief Attach as a handset of a cell, after MmsRadioCellChannel::AttachHandset() gave
     * its index (MmsRadioBearerHelper::Attach() calls both); the MTU becomes the handset's
     * profile's.
     * \param channel the cell
     * \param index the handset's index in the cell
     * \param rrc the handset's connection state
     */
    void AttachAsHandset(Ptr<MmsRadioCellChannel> channel,
                         uint32_t index,
                         Ptr<MmsRrcStateMachine> rrc);
    /**
     * \brief Which end of the cell this device is.
     * \return true for the network end, false for a handset
     */
    bool IsBaseStation() const;
    /**
     * \brief Handset number in its cell.
     * \return the index (0 on the network end)
     */
    uint32_t GetHandsetIndex() const;
    /**
     * \brief The handset's connection state.
     * \return the state machine (null on the network end)
     */
    Ptr<MmsRrcStateMachine> GetRrc() const;

    /**
     * \brief Handset only: put it in or out of coverage (the coverage process and
     * ScheduleOutage() use this).
     * \param inCoverage true if in coverage
     */
    void SetReachable(bool inCoverage);
    /**
     * \brief Handset only: switch it on or off (a User Agent's SwitchOff and SwitchOn use
     * this).
     * \param on true if switched on
     */
    void SetPowered(bool on);
    /**
     * \brief Whether the handset can send and receive.
     * \return true if switched on and in coverage
     */
    bool IsReachable() const;
    /**
     * \brief Handset only: schedule a period out of coverage.
     * \param start when it begins, from now
     * \param duration how long it lasts
     */
    void ScheduleOutage(Time start, Time duration);

    /**
     * \brief Deliver a packet to this device (called by the channel): traced, then passed up
     * to the node as IPv4.
     * \param packet the IPv4 packet
     * \param from the sending device's address
     */
    void Receive(Ptr<Packet> packet, const Address& from);

    /**
     * \brief Assign fixed random variable stream numbers to the coverage process.
     * \param stream first stream index
     * \return the number of streams used (2)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Set the interface index the node gave the device.
     * \param index the interface index
     */
    void SetIfIndex(const uint32_t index) override;
    /**
     * \brief Get the interface index.
     * \return the interface index
     */
    uint32_t GetIfIndex() const override;
    /**
     * \brief Get the cell.
     * \return the MmsRadioCellChannel (null before attachment)
     */
    Ptr<Channel> GetChannel() const override;
    /**
     * \brief Set the device's address (used only as the source address passed up).
     * \param address a MAC-48 address
     */
    void SetAddress(Address address) override;
    /**
     * \brief Get the device's address.
     * \return its MAC-48 address
     */
    Address GetAddress() const override;
    /**
     * \brief Set the IP MTU.
     * \param mtu the MTU, octets
     * \return true (always accepted)
     */
    bool SetMtu(const uint16_t mtu) override;
    /**
     * \brief Get the IP MTU.
     * \return the MTU, octets
     */
    uint16_t GetMtu() const override;
    /**
     * \brief Whether the link is up.
     * \return true: reachability drops packets instead, as a radio does
     */
    bool IsLinkUp() const override;
    /**
     * \brief Ignored: the link never changes state.
     * \param callback not used
     */
    void AddLinkChangeCallback(Callback<void> callback) override;
    /**
     * \brief Whether the device supports broadcast.
     * \return false
     */
    bool IsBroadcast() const override;
    /**
     * \brief The broadcast address (not used: the device has no broadcast).
     * \return the MAC-48 broadcast address
     */
    Address GetBroadcast() const override;
    /**
     * \brief Whether the device supports multicast.
     * \return false
     */
    bool IsMulticast() const override;
    /**
     * \brief A multicast address (not used: the device has no multicast).
     * \param multicastGroup the IPv4 group
     * \return the MAC-48 broadcast address
     */
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    /**
     * \brief A multicast address (not used: the device has no multicast).
     * \param addr the IPv6 group
     * \return the MAC-48 broadcast address
     */
    Address GetMulticast(Ipv6Address addr) const override;
    /**
     * \brief Whether the device is a bridge.
     * \return false
     */
    bool IsBridge() const override;
    /**
     * \brief Whether the device is point-to-point.
     * \return true for a handset (one peer: the network end), false for the network end
     */
    bool IsPointToPoint() const override;
    /**
     * \brief Send an IPv4 packet into the cell: downlink from the network end, uplink from a
     * handset.
     * \param packet the packet, starting with its IPv4 header
     * \param dest not used (the cell routes by the IPv4 destination)
     * \param protocolNumber must be IPv4's (0x0800)
     * \return false if the protocol is not IPv4 or the device not attached; true otherwise,
     *         even if the cell then drops the packet
     */
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    /**
     * \brief As Send(); the source address is ignored.
     * \param packet the packet, starting with its IPv4 header
     * \param source not used
     * \param dest not used
     * \param protocolNumber must be IPv4's (0x0800)
     * \return as Send()
     */
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    /**
     * \brief Get the node.
     * \return the node the device is on
     */
    Ptr<Node> GetNode() const override;
    /**
     * \brief Set the node.
     * \param node the node the device is on
     */
    void SetNode(Ptr<Node> node) override;
    /**
     * \brief Whether the device needs ARP.
     * \return false: raw IP
     */
    bool NeedsArp() const override;
    /**
     * \brief Set the function that receives packets passed up.
     * \param cb the node's receive callback
     */
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    /**
     * \brief Set the promiscuous receive function (called for every packet received, before
     * the ordinary one).
     * \param cb the callback
     */
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    /**
     * \brief Whether SendFrom() uses its source address.
     * \return false
     */
    bool SupportsSendFrom() const override;

    /**
     * \brief TracedCallback signature of a reachability change (the Reachability trace).
     * \param reachable true if now switched on and in coverage
     */
    typedef void (*ReachabilityTracedCallback)(bool reachable);

  protected:
    /// Cancel the coverage process and drop the channel, node, state machine and callbacks.
    void DoDispose() override;
    /// Start the coverage process on a handset if CoverageProcess is set.
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
