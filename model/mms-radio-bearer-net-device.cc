/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-radio-bearer-net-device.h"

#include "mms-radio-cell-channel.h"
#include "mms-rrc-state-machine.h"

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

NS_LOG_COMPONENT_DEFINE("MmsRadioBearerNetDevice");
NS_OBJECT_ENSURE_REGISTERED(MmsRadioBearerNetDevice);

TypeId
MmsRadioBearerNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRadioBearerNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRadioBearerNetDevice>()
            .AddAttribute("Mtu",
                          "IP MTU (octets). A handset takes its bearer profile's.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&MmsRadioBearerNetDevice::SetMtu,
                                               &MmsRadioBearerNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68))
            .AddAttribute("CoverageProcess",
                          "Handset: alternate between in coverage (InCoverageTime) and out of "
                          "coverage (OutOfCoverageTime) from the start.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MmsRadioBearerNetDevice::m_coverageProcess),
                          MakeBooleanChecker())
            .AddAttribute("InCoverageTime",
                          "Length of a period in coverage (s). A modelling choice.",
                          StringValue("ns3::ExponentialRandomVariable[Mean=3600]"),
                          MakePointerAccessor(&MmsRadioBearerNetDevice::m_inCoverageTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("OutOfCoverageTime",
                          "Length of a period out of coverage (s). A modelling choice.",
                          StringValue("ns3::ExponentialRandomVariable[Mean=300]"),
                          MakePointerAccessor(&MmsRadioBearerNetDevice::m_outOfCoverageTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Rrc",
                          "The handset's connection state machine (null on the base station).",
                          PointerValue(),
                          MakePointerAccessor(&MmsRadioBearerNetDevice::m_rrc),
                          MakePointerChecker<MmsRrcStateMachine>())
            .AddTraceSource("MacTx",
                            "An IP packet handed to the device for transmission.",
                            MakeTraceSourceAccessor(&MmsRadioBearerNetDevice::m_macTx),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "An IP packet received and passed up.",
                            MakeTraceSourceAccessor(&MmsRadioBearerNetDevice::m_macRx),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Sniffer",
                            "Every IP packet sent or received (raw IP, for pcap).",
                            MakeTraceSourceAccessor(&MmsRadioBearerNetDevice::m_sniffer),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Reachability",
                            "The handset became reachable (true) or unreachable (false).",
                            MakeTraceSourceAccessor(&MmsRadioBearerNetDevice::m_reachability),
                            "ns3::MmsRadioBearerNetDevice::ReachabilityTracedCallback");
    return tid;
}

MmsRadioBearerNetDevice::MmsRadioBearerNetDevice()
    : m_ifIndex(0)
    , m_index(0)
    , m_baseStation(false)
    , m_reachable(true)
    , m_inCoverage(true)
    , m_powered(true)
    , m_address(Mac48Address::Allocate())
    , m_mtu(1500)
    , m_coverageProcess(false)
{
}

MmsRadioBearerNetDevice::~MmsRadioBearerNetDevice() = default;

void
MmsRadioBearerNetDevice::DoDispose()
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
MmsRadioBearerNetDevice::DoInitialize()
{
    if (m_coverageProcess && !m_baseStation)
    {
        m_coverageEvent = Simulator::Schedule(
            Seconds(m_inCoverageTime->GetValue()), &MmsRadioBearerNetDevice::CoverageToggle, this);
    }
    NetDevice::DoInitialize();
}

void
MmsRadioBearerNetDevice::CoverageToggle()
{
    SetReachable(!m_inCoverage);
    const double next =
        m_inCoverage ? m_inCoverageTime->GetValue() : m_outOfCoverageTime->GetValue();
    m_coverageEvent =
        Simulator::Schedule(Seconds(next), &MmsRadioBearerNetDevice::CoverageToggle, this);
}

int64_t
MmsRadioBearerNetDevice::AssignStreams(int64_t stream)
{
    m_inCoverageTime->SetStream(stream);
    m_outOfCoverageTime->SetStream(stream + 1);
    return 2;
}

void
MmsRadioBearerNetDevice::AttachAsBaseStation(Ptr<MmsRadioCellChannel> channel)
{
    m_channel = channel;
    m_baseStation = true;
    channel->AttachBaseStation(this);
}

void
MmsRadioBearerNetDevice::AttachAsHandset(Ptr<MmsRadioCellChannel> channel,
                                         uint32_t index,
                                         Ptr<MmsRrcStateMachine> rrc)
{
    m_channel = channel;
    m_baseStation = false;
    m_index = index;
    m_rrc = rrc;
    m_mtu = channel->GetProfile(index).mtu;
}

bool
MmsRadioBearerNetDevice::IsBaseStation() const
{
    return m_baseStation;
}

uint32_t
MmsRadioBearerNetDevice::GetHandsetIndex() const
{
    return m_index;
}

Ptr<MmsRrcStateMachine>
MmsRadioBearerNetDevice::GetRrc() const
{
    return m_rrc;
}

void
MmsRadioBearerNetDevice::SetReachable(bool inCoverage)
{
    NS_ASSERT_MSG(!m_baseStation, "reachability is a handset's");
    m_inCoverage = inCoverage;
    UpdateReachability();
}

void
MmsRadioBearerNetDevice::SetPowered(bool on)
{
    NS_ASSERT_MSG(!m_baseStation, "reachability is a handset's");
    m_powered = on;
    UpdateReachability();
}

void
MmsRadioBearerNetDevice::UpdateReachability()
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
MmsRadioBearerNetDevice::IsReachable() const
{
    return m_reachable;
}

void
MmsRadioBearerNetDevice::ScheduleOutage(Time start, Time duration)
{
    Simulator::Schedule(start, &MmsRadioBearerNetDevice::SetReachable, this, false);
    Simulator::Schedule(start + duration, &MmsRadioBearerNetDevice::SetReachable, this, true);
}

void
MmsRadioBearerNetDevice::Receive(Ptr<Packet> packet, const Address& from)
{
    m_sniffer(packet);
    m_macRx(packet);
    if (!m_promisc.IsNull())
    {
        m_promisc(
            this, packet, Ipv4L3Protocol::PROT_NUMBER, from, m_address, NetDevice::PACKET_HOST);
    }
    if (!m_rx.IsNull())
    {
        m_rx(this, packet, Ipv4L3Protocol::PROT_NUMBER, from);
    }
}

bool
MmsRadioBearerNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    if (protocolNumber != Ipv4L3Protocol::PROT_NUMBER || !m_channel)
    {
        NS_LOG_WARN("radio bearer carries IPv4 only; protocol " << protocolNumber << " dropped");
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
MmsRadioBearerNetDevice::SendFrom(Ptr<Packet> packet,
                                  const Address& /* source */,
                                  const Address& dest,
                                  uint16_t protocolNumber)
{
    return Send(packet, dest, protocolNumber);
}

void
MmsRadioBearerNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
MmsRadioBearerNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
MmsRadioBearerNetDevice::GetChannel() const
{
    return m_channel;
}

void
MmsRadioBearerNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
MmsRadioBearerNetDevice::GetAddress() const
{
    return m_address;
}

bool
MmsRadioBearerNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
MmsRadioBearerNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
MmsRadioBearerNetDevice::IsLinkUp() const
{
    return true;
}

void
MmsRadioBearerNetDevice::AddLinkChangeCallback(Callback<void> /* callback */)
{
    // The link never changes state: reachability drops packets instead, as a radio does.
}

bool
MmsRadioBearerNetDevice::IsBroadcast() const
{
    return false;
}

Address
MmsRadioBearerNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
MmsRadioBearerNetDevice::IsMulticast() const
{
    return false;
}

Address
MmsRadioBearerNetDevice::GetMulticast(Ipv4Address /* multicastGroup */) const
{
    return Mac48Address::GetBroadcast();
}

Address
MmsRadioBearerNetDevice::GetMulticast(Ipv6Address /* addr */) const
{
    return Mac48Address::GetBroadcast();
}

bool
MmsRadioBearerNetDevice::IsBridge() const
{
    return false;
}

bool
MmsRadioBearerNetDevice::IsPointToPoint() const
{
    return !m_baseStation;
}

Ptr<Node>
MmsRadioBearerNetDevice::GetNode() const
{
    return m_node;
}

void
MmsRadioBearerNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
MmsRadioBearerNetDevice::NeedsArp() const
{
    return false;
}

void
MmsRadioBearerNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rx = cb;
}

void
MmsRadioBearerNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promisc = cb;
}

bool
MmsRadioBearerNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
