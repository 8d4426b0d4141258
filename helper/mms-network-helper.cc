/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-network-helper.h"

#include "mms-common.h" // NS3_VERSION_MINOR

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mms-scenario-routing.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsNetworkHelper");

MmsNetworkHelper::MmsNetworkHelper()
{
    // Point-to-point access: UMTS R99 DCH 384 kbit/s with a 200 ms RTT (doc/mms.rst, bearer
    // figures), without shared capacity or connection states.
    SetHandsetLink("384kbps", "100ms");
    SetCoreLink("1Gbps", "1ms");
    m_coreAddresses.SetBase("10.0.0.0", "255.255.255.252");
    m_handsetAddresses.SetBase("10.64.0.0", "255.255.255.252");
}

void
MmsNetworkHelper::SetHandsetLink(const std::string& dataRate, const std::string& delay)
{
    m_handsetLink.SetDeviceAttribute("DataRate", StringValue(dataRate));
    m_handsetLink.SetChannelAttribute("Delay", StringValue(delay));
}

void
MmsNetworkHelper::SetCoreLink(const std::string& dataRate, const std::string& delay)
{
    m_coreLink.SetDeviceAttribute("DataRate", StringValue(dataRate));
    m_coreLink.SetChannelAttribute("Delay", StringValue(delay));
}

void
MmsNetworkHelper::Link(Ptr<Node> a, Ptr<Node> b, PointToPointHelper& p2p, NetDeviceContainer& all)
{
    NetDeviceContainer d = p2p.Install(a, b);
    Ipv4AddressHelper& addresses = &p2p == &m_coreLink ? m_coreAddresses : m_handsetAddresses;
    addresses.Assign(d);
    addresses.NewNetwork();
    all.Add(d);
    // Default route of `a` towards the gateway `b`.
    Ptr<Ipv4> ipv4 = a->GetObject<Ipv4>();
    Ptr<Ipv4> gw = b->GetObject<Ipv4>();
    int32_t gwIf = gw->GetInterfaceForDevice(d.Get(1));
    Ipv4StaticRoutingHelper routing;
    Ptr<Ipv4StaticRouting> r = routing.GetStaticRouting(ipv4);
    int32_t aIf = ipv4->GetInterfaceForDevice(d.Get(0));
    r->SetDefaultRoute(gw->GetAddress(gwIf, 0).GetLocal(), aIf);
}

void
MmsNetworkHelper::CreateCore(bool separateNodes)
{
    NS_ASSERT_MSG(!m_gateway, "CreateCore twice");
    m_gateway = CreateObject<Node>();
    NodeContainer distinct;
    distinct.Create(separateNodes ? 4 : 1);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(m_gateway);
    stack.Install(distinct);
    // The strong end-system model: the gateway does not scan all its interfaces for every
    // packet (with point-to-point access it has one interface per handset; radio cells add
    // one per cell).
    SetStrongEndSystem(m_gateway);
    // Its routes are the networks of its interfaces, one per handset link: MmsScenarioRouting
    // finds the one of a packet by a hash probe, where Ipv4StaticRouting would scan them all
    // (with thousands of handsets, most of the run's time went there).
    Ptr<Ipv4ListRouting> list =
        DynamicCast<Ipv4ListRouting>(m_gateway->GetObject<Ipv4>()->GetRoutingProtocol());
    NS_ASSERT_MSG(list, "MmsNetworkHelper: the gateway's IPv4 routing is not a list");
    list->AddRoutingProtocol(CreateObject<MmsScenarioRouting>(), 10);
    for (uint32_t i = 0; i < distinct.GetN(); ++i)
    {
        Link(distinct.Get(i), m_gateway, m_coreLink, m_coreDevices);
    }
    for (uint32_t i = 0; i < 4; ++i)
    {
        m_core.Add(distinct.Get(separateNodes ? i : 0));
    }
}

Ptr<Node>
MmsNetworkHelper::CreateCoreNode()
{
    NS_ASSERT_MSG(m_gateway, "CreateCore before CreateCoreNode");
    Ptr<Node> node = CreateObject<Node>();
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(node);
    Link(node, m_gateway, m_coreLink, m_coreDevices);
    return node;
}

NodeContainer
MmsNetworkHelper::CreateHandsets(uint32_t n)
{
    NodeContainer h;
    h.Create(n);
    AttachHandsets(h);
    return h;
}

void
MmsNetworkHelper::SetRadioAccess(const std::string& profile, uint32_t handsetsPerCell)
{
    NS_ABORT_MSG_IF(handsetsPerCell == 0,
                    "MmsNetworkHelper::SetRadioAccess: zero handsets per cell");
    m_radioAccess = true;
    m_handsetsPerCell = handsetsPerCell;
    m_radio.SetProfile(profile);
}

bool
MmsNetworkHelper::IsRadioAccess() const
{
    return m_radioAccess;
}

MmsRadioBearerHelper&
MmsNetworkHelper::GetRadioHelper()
{
    return m_radio;
}

std::vector<Ptr<MmsRadioCellChannel>>
MmsNetworkHelper::GetCells() const
{
    return m_radio.GetCells();
}

int64_t
MmsNetworkHelper::AssignStreams(int64_t stream)
{
    return m_radio.AssignStreams(stream);
}

void
MmsNetworkHelper::AttachHandsets(NodeContainer handsets)
{
    NS_ASSERT_MSG(m_gateway, "CreateCore before AttachHandsets");
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(handsets);
    if (m_radioAccess)
    {
        for (uint32_t i = 0; i < handsets.GetN(); ++i)
        {
            if (!m_currentCell || m_currentCell->GetNHandsets() >= m_handsetsPerCell)
            {
                m_currentCell = m_radio.CreateCell(m_gateway);
            }
            m_radioDevices.Add(m_radio.Attach(m_currentCell, NodeContainer(handsets.Get(i))));
        }
        m_handsets.Add(handsets);
        return;
    }
    for (uint32_t i = 0; i < handsets.GetN(); ++i)
    {
        Link(handsets.Get(i), m_gateway, m_handsetLink, m_handsetDevices);
    }
    m_handsets.Add(handsets);
}

Ptr<Node>
MmsNetworkHelper::GetGateway() const
{
    return m_gateway;
}

Ptr<Node>
MmsNetworkHelper::GetRelayNode() const
{
    return m_core.Get(0);
}

Ptr<Node>
MmsNetworkHelper::GetServerNode() const
{
    return m_core.Get(1);
}

Ptr<Node>
MmsNetworkHelper::GetPpgNode() const
{
    return m_core.Get(2);
}

Ptr<Node>
MmsNetworkHelper::GetSmscNode() const
{
    return m_core.Get(3);
}

NodeContainer
MmsNetworkHelper::GetHandsets() const
{
    return m_handsets;
}

void
MmsNetworkHelper::SetStrongEndSystem(Ptr<Node> node)
{
    // ns-3.41 replaced the attribute WeakEsModel with StrongEndSystemModel (gone by 3.48).
#if defined(NS3_VERSION_MINOR) && NS3_VERSION_MAJOR == 3 && NS3_VERSION_MINOR >= 41
    node->GetObject<Ipv4>()->SetAttribute("StrongEndSystemModel", BooleanValue(true));
#else
    node->GetObject<Ipv4>()->SetAttribute("WeakEsModel", BooleanValue(false));
#endif
}

Ipv4Address
MmsNetworkHelper::GetAddress(Ptr<Node> node)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ASSERT_MSG(ipv4 && ipv4->GetNInterfaces() > 1,
                  "node " << node->GetId() << " has no address");
    return ipv4->GetAddress(1, 0).GetLocal();
}

void
MmsNetworkHelper::EnablePcap(const std::string& prefix, bool handsets, bool core)
{
    // Pcap of the end-node side of each link (the gateway sees the same packets).
    if (handsets)
    {
        for (uint32_t i = 0; i < m_radioDevices.GetN(); ++i)
        {
            m_radio.EnablePcap(prefix, m_radioDevices.Get(i), false);
        }
        for (uint32_t i = 0; i < m_handsetDevices.GetN(); i += 2)
        {
            m_handsetLink.EnablePcap(prefix, m_handsetDevices.Get(i), true);
        }
    }
    if (core)
    {
        for (uint32_t i = 0; i < m_coreDevices.GetN(); i += 2)
        {
            m_coreLink.EnablePcap(prefix, m_coreDevices.Get(i), true);
        }
    }
}

} // namespace ns3
