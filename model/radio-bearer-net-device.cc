/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "radio-bearer-net-device.h"

#include "radio-cell-channel.h"
#include "rrc-state-machine.h"

#include "ns3/boolean.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RadioBearerNetDevice");
NS_OBJECT_ENSURE_REGISTERED(RadioBearerNetDevice);

TypeId
RadioBearerNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RadioBearerNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Mms")
            .AddConstructor<RadioBearerNetDevice>()
            .AddAttribute("Mtu",
                          "IP MTU (octets). A handset takes its bearer profile's.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&RadioBearerNetDevice::SetMtu,
                                               &RadioBearerNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68))
            .AddAttribute("CoverageProcess",
                          "Handset: alternate between in coverage (InCoverageTime) and out of "
                          "coverage (OutOfCoverageTime) from the start.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&RadioBearerNetDevice::m_coverageProcess),
                          MakeBooleanChecker())
            .AddAttribute("InCoverageTime",
                          "Length of a period in coverage (s). A modelling choice.",
                          StringValue("ns3::ExponentialRandomVariable[Mean=3600]"),
                          MakePointerAccessor(&RadioBearerNetDevice::m_inCoverageTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("OutOfCoverageTime",
                          "Length of a period out of coverage (s). A modelling choice.",
                          StringValue("ns3::ExponentialRandomVariable[Mean=300]"),
                          MakePointerAccessor(&RadioBearerNetDevice::m_outOfCoverageTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Rrc",
                          "The handset's connection state machine (null on the base station).",
                          PointerValue(),
                          MakePointerAccessor(&RadioBearerNetDevice::m_rrc),
                          MakePointerChecker<RrcStateMachine>())
            .AddTraceSource("MacTx",
                            "An IP packet handed to the device for transmission.",
                            MakeTraceSourceAccessor(&RadioBearerNetDevice::m_macTx),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "An IP packet received and passed up.",
                            MakeTraceSourceAccessor(&RadioBearerNetDevice::m_macRx),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Sniffer",
                            "Every IP packet sent or received (raw IP, for pcap).",
                            MakeTraceSourceAccessor(&RadioBearerNetDevice::m_sniffer),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Reachability",
                            "The handset became reachable (true) or unreachable (false).",
                            MakeTraceSourceAccessor(&RadioBearerNetDevice::m_reachability),
                            "ns3::RadioBearerNetDevice::ReachabilityTracedCallback");
    return tid;
}

RadioBearerNetDevice::RadioBearerNetDevice()
    : m_ifIndex(0),
      m_index(0),
      m_baseStation(false),
      m_reachable(true),
      m_inCoverage(true),
      m_powered(true),
      m_address(Mac48Address::Allocate()),
      m_mtu(1500),
      m_coverageProcess(false)
{
}

RadioBearerNetDevice::~RadioBearerNetDevice() = default;

void
RadioBearerNetDevice::DoDispose()
{
    m_coverageEvent.Cancel();
    m_channel = nullptr;
    m_node = nullptr;
    m_rrc = nullptr;
    m_rx = NetDevice::ReceiveCallback();
    m_promisc = PromiscReceiveCallback();
    NetDevice::DoDispose();
}

void
RadioBearerNetDevice::DoInitialize()
{
    if (m_coverageProcess && !m_baseStation)
    {
        m_coverageEvent = Simulator::Schedule(Seconds(m_inCoverageTime->GetValue()),
                                              &RadioBearerNetDevice::CoverageToggle,
                                              this);
    }
    NetDevice::DoInitialize();
}

void
RadioBearerNetDevice::CoverageToggle()
{
    SetReachable(!m_inCoverage);
    const double next =
        m_inCoverage ? m_inCoverageTime->GetValue() : m_outOfCoverageTime->GetValue();
    m_coverageEvent =
        Simulator::Schedule(Seconds(next), &RadioBearerNetDevice::CoverageToggle, this);
}

int64_t
RadioBearerNetDevice::AssignStreams(int64_t stream)
{
    m_inCoverageTime->SetStream(stream);
    m_outOfCoverageTime->SetStream(stream + 1);
    return 2;
}

void
RadioBearerNetDevice::AttachAsBaseStation(Ptr<RadioCellChannel> channel)
{
    m_channel = channel;
    m_baseStation = true;
    channel->AttachBaseStation(this);
}

void
RadioBearerNetDevice::AttachAsHandset(Ptr<RadioCellChannel> channel,
                                      uint32_t index,
                                      Ptr<RrcStateMachine> rrc)
{
    m_channel = channel;
    m_baseStation = false;
    m_index = index;
    m_rrc = rrc;
    m_mtu = channel->GetProfile(index).mtu;
}

bool
RadioBearerNetDevice::IsBaseStation() const
{
    return m_baseStation;
}

uint32_t
RadioBearerNetDevice::GetHandsetIndex() const
{
    return m_index;
}

Ptr<RrcStateMachine>
RadioBearerNetDevice::GetRrc() const
{
    return m_rrc;
}

void
RadioBearerNetDevice::SetReachable(bool inCoverage)
{
    NS_ASSERT_MSG(!m_baseStation, "reachability is a handset's");
    m_inCoverage = inCoverage;
    UpdateReachability();
}

void
RadioBearerNetDevice::SetPowered(bool on)
{
    NS_ASSERT_MSG(!m_baseStation, "reachability is a handset's");
    m_powered = on;
    UpdateReachability();
}

void
RadioBearerNetDevice::UpdateReachability()
{
    const bool reachable = m_inCoverage && m_powered;
    if (reachable == m_reachable)
    {
        return;
    }
    NS_LOG_DEBUG("handset " << m_index << (reachable ? " reachable" : " unreachable"));
    m_reachable = reachable;
    if (m_channel)
    {
        m_channel->SetReachable(m_index, reachable);
    }
    m_reachability(reachable);
}

bool
RadioBearerNetDevice::IsReachable() const
{
    return m_reachable;
}

void
RadioBearerNetDevice::ScheduleOutage(Time start, Time duration)
{
    Simulator::Schedule(start, &RadioBearerNetDevice::SetReachable, this, false);
    Simulator::Schedule(start + duration, &RadioBearerNetDevice::SetReachable, this, true);
}

void
RadioBearerNetDevice::Receive(Ptr<Packet> packet, const Address& from)
{
    m_sniffer(packet);
    m_macRx(packet);
    if (!m_promisc.IsNull())
    {
        m_promisc(this,
                  packet,
                  Ipv4L3Protocol::PROT_NUMBER,
                  from,
                  m_address,
                  NetDevice::PACKET_HOST);
    }
    if (!m_rx.IsNull())
    {
        m_rx(this, packet, Ipv4L3Protocol::PROT_NUMBER, from);
    }
}

bool
RadioBearerNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    if (protocolNumber != Ipv4L3Protocol::PROT_NUMBER || !m_channel)
    {
        NS_LOG_WARN("radio bearer carries IPv4 only; protocol " << protocolNumber
                                                                 << " dropped");
        return false;
    }
    m_macTx(packet);
    m_sniffer(packet);
    if (m_baseStation)
    {
        m_channel->SendDownlink(packet);
    }
    else
    {
        m_channel->SendUplink(m_index, packet);
    }
    return true;
}

bool
RadioBearerNetDevice::SendFrom(Ptr<Packet> packet,
                               const Address& /* source */,
                               const Address& dest,
                               uint16_t protocolNumber)
{
    return Send(packet, dest, protocolNumber);
}

void
RadioBearerNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
RadioBearerNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
RadioBearerNetDevice::GetChannel() const
{
    return m_channel;
}

void
RadioBearerNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
RadioBearerNetDevice::GetAddress() const
{
    return m_address;
}

bool
RadioBearerNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
RadioBearerNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
RadioBearerNetDevice::IsLinkUp() const
{
    return true;
}

void
RadioBearerNetDevice::AddLinkChangeCallback(Callback<void> /* callback */)
{
    // The link never changes state: reachability drops packets instead, as a radio does.
}

bool
RadioBearerNetDevice::IsBroadcast() const
{
    return false;
}

Address
RadioBearerNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
RadioBearerNetDevice::IsMulticast() const
{
    return false;
}

Address
RadioBearerNetDevice::GetMulticast(Ipv4Address /* multicastGroup */) const
{
    return Mac48Address::GetBroadcast();
}

Address
RadioBearerNetDevice::GetMulticast(Ipv6Address /* addr */) const
{
    return Mac48Address::GetBroadcast();
}

bool
RadioBearerNetDevice::IsBridge() const
{
    return false;
}

bool
RadioBearerNetDevice::IsPointToPoint() const
{
    return !m_baseStation;
}

Ptr<Node>
RadioBearerNetDevice::GetNode() const
{
    return m_node;
}

void
RadioBearerNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
RadioBearerNetDevice::NeedsArp() const
{
    return false;
}

void
RadioBearerNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rx = cb;
}

void
RadioBearerNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promisc = cb;
}

bool
RadioBearerNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
