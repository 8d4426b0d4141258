/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-scenario-routing.h"

#include "ns3/ipv4-route.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsScenarioRouting");
NS_OBJECT_ENSURE_REGISTERED(MmsScenarioRouting);

TypeId
MmsScenarioRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsScenarioRouting")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("Mms")
                            .AddConstructor<MmsScenarioRouting>();
    return tid;
}

MmsScenarioRouting::MmsScenarioRouting()
{
    NS_LOG_FUNCTION(this);
}

MmsScenarioRouting::~MmsScenarioRouting()
{
    NS_LOG_FUNCTION(this);
}

void
MmsScenarioRouting::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_levels.clear();
    m_count = 0;
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

void
MmsScenarioRouting::AddNetworkRoute(Ipv4Address network,
                                    Ipv4Mask mask,
                                    Ipv4Address gateway,
                                    uint32_t interface)
{
    NS_LOG_FUNCTION(this << network << mask << gateway << interface);
    Add(network, mask, gateway, interface);
}

void
MmsScenarioRouting::Add(Ipv4Address network, Ipv4Mask mask, Ipv4Address gateway, uint32_t interface)
{
    const uint16_t length = mask.GetPrefixLength();
    NS_ASSERT_MSG(length == 32 || (mask.Get() << length) == 0,
                  "MmsScenarioRouting: mask " << mask << " is not a prefix");
    auto level = std::find_if(m_levels.begin(),
                              m_levels.end(),
                              [length](const Level& l)
                              {
                                  return l.length <= length;
                              });
    if (level == m_levels.end() || level->length != length)
    {
        Level l;
        l.length = length;
        l.mask = mask.Get();
        level = m_levels.insert(level, std::move(l));
    }
    auto& routes = level->routes[network.Get() & level->mask];
    for (const auto& r : routes)
    {
        if (r.network == network && r.gateway == gateway && r.interface == interface)
        {
            return; // (it would change no answer; Ipv4StaticRouting of ns-3.48 skips it too)
        }
    }
    routes.push_back(Route{network, gateway, interface});
    ++m_count;
}

void
MmsScenarioRouting::Remove(uint32_t interface, uint32_t onlyMask, uint32_t onlyNetwork, bool some)
{
    for (auto& level : m_levels)
    {
        if (some && (level.mask != onlyMask || level.length == 32))
        {
            continue; // (as Ipv4StaticRouting, which keeps host routes here)
        }
        for (auto it = level.routes.begin(); it != level.routes.end();)
        {
            auto& routes = it->second;
            const std::size_t before = routes.size();
            routes.erase(
                std::remove_if(
                    routes.begin(),
                    routes.end(),
                    [&](const Route& r)
                    {
                        return r.interface == interface && (!some || r.network.Get() == onlyNetwork);
                    }),
                routes.end());
            m_count -= static_cast<uint32_t>(before - routes.size());
            it = routes.empty() ? level.routes.erase(it) : std::next(it);
        }
    }
    m_levels.erase(std::remove_if(m_levels.begin(),
                                  m_levels.end(),
                                  [](const Level& l)
                                  {
                                      return l.routes.empty();
                                  }),
                   m_levels.end());
}

uint32_t
MmsScenarioRouting::GetNRoutes() const
{
    return m_count;
}

Ptr<Ipv4Route>
MmsScenarioRouting::Lookup(Ipv4Address destination, Ptr<NetDevice> oif) const
{
    const uint32_t d = destination.Get();
    for (const auto& level : m_levels)
    {
        auto it = level.routes.find(d & level.mask);
        if (it == level.routes.end())
        {
            continue;
        }
        // Of routes to one prefix the last added wins, but of /32 routes the first.
        const Route* found = nullptr;
        for (const auto& r : it->second)
        {
            if (oif && oif != m_ipv4->GetNetDevice(r.interface))
            {
                continue;
            }
            found = &r;
            if (level.length == 32)
            {
                break;
            }
        }
        if (found)
        {
            Ptr<Ipv4Route> route = Create<Ipv4Route>();
            route->SetDestination(found->network);
            route->SetSource(m_ipv4->SourceAddressSelection(found->interface, found->network));
            route->SetGateway(found->gateway);
            route->SetOutputDevice(m_ipv4->GetNetDevice(found->interface));
            return route;
        }
    }
    return nullptr;
}

Ptr<Ipv4Route>
MmsScenarioRouting::RouteOutput(Ptr<Packet> p,
                                const Ipv4Header& header,
                                Ptr<NetDevice> oif,
                                Socket::SocketErrno& sockerr)
{
    // Link-local multicast needs no route: Ipv4StaticRouting, after this protocol, sends it
    // out of the given device.
    Ptr<Ipv4Route> route =
        header.GetDestination().IsLocalMulticast() ? nullptr : Lookup(header.GetDestination(), oif);
    sockerr = route ? Socket::ERROR_NOTERROR : Socket::ERROR_NOROUTETOHOST;
    return route;
}

bool
MmsScenarioRouting::RouteInput(Ptr<const Packet> p,
                               const Ipv4Header& header,
                               Ptr<const NetDevice> idev,
                               MMS_ROUTE_INPUT_CALLBACK(UnicastForwardCallback) ucb,
                               MMS_ROUTE_INPUT_CALLBACK(MulticastForwardCallback) mcb,
                               MMS_ROUTE_INPUT_CALLBACK(LocalDeliverCallback) lcb,
                               MMS_ROUTE_INPUT_CALLBACK(ErrorCallback) ecb)
{
    NS_ASSERT(m_ipv4);
    NS_ASSERT(m_ipv4->GetInterfaceForDevice(idev) >= 0);
    const uint32_t iif = static_cast<uint32_t>(m_ipv4->GetInterfaceForDevice(idev));
    if (header.GetDestination().IsMulticast())
    {
        return false; // no multicast routes
    }
    // Packets for the node itself never get here: Ipv4ListRouting delivers them before asking
    // any protocol (asking again would scan every address of the node once more per packet).
    if (!m_ipv4->IsForwarding(iif))
    {
        ecb(p, header, Socket::ERROR_NOROUTETOHOST);
        return true;
    }
    Ptr<Ipv4Route> route = Lookup(header.GetDestination());
    if (!route)
    {
        return false;
    }
    ucb(route, p, header);
    return true;
}

void
MmsScenarioRouting::NotifyInterfaceUp(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    for (uint32_t j = 0; j < m_ipv4->GetNAddresses(interface); ++j)
    {
        const Ipv4InterfaceAddress a = m_ipv4->GetAddress(interface, j);
        if (a.GetLocal() != Ipv4Address() && a.GetMask() != Ipv4Mask()
            && a.GetMask() != Ipv4Mask::GetOnes())
        {
            Add(a.GetLocal().CombineMask(a.GetMask()),
                a.GetMask(),
                Ipv4Address::GetZero(),
                interface);
        }
    }
}

void
MmsScenarioRouting::NotifyInterfaceDown(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    Remove(interface, 0, 0, false);
}

void
MmsScenarioRouting::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address.GetLocal());
    if (m_ipv4->IsUp(interface) && address.GetLocal() != Ipv4Address()
        && address.GetMask() != Ipv4Mask())
    {
        Add(address.GetLocal().CombineMask(address.GetMask()),
            address.GetMask(),
            Ipv4Address::GetZero(),
            interface);
    }
}

void
MmsScenarioRouting::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address.GetLocal());
    if (m_ipv4->IsUp(interface))
    {
        Remove(interface,
               address.GetMask().Get(),
               address.GetLocal().CombineMask(address.GetMask()).Get(),
               true);
    }
}

void
MmsScenarioRouting::SetIpv4(Ptr<Ipv4> ipv4)
{
    NS_LOG_FUNCTION(this << ipv4);
    NS_ASSERT(!m_ipv4 && ipv4);
    m_ipv4 = ipv4;
    for (uint32_t i = 0; i < m_ipv4->GetNInterfaces(); ++i)
    {
        if (m_ipv4->IsUp(i))
        {
            NotifyInterfaceUp(i);
        }
        else
        {
            NotifyInterfaceDown(i);
        }
    }
}

void
MmsScenarioRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream& os = *stream->GetStream();
    std::ios state(nullptr);
    state.copyfmt(os);
    Ptr<Node> node = m_ipv4 ? m_ipv4->GetObject<Node>() : nullptr;
    os << "Node: " << (node ? std::to_string(node->GetId()) : std::string("none"))
       << ", Time: " << Now().As(unit);
    if (node)
    {
        os << ", Local time: " << node->GetLocalTime().As(unit);
    }
    os << ", MmsScenarioRouting table (" << m_count << " routes)\n";
    if (m_count > 0)
    {
        os << std::left << std::setw(16) << "Destination" << std::setw(16) << "Gateway"
           << std::setw(16) << "Genmask" << std::setw(6) << "Flags"
           << "Iface\n";
    }
    for (const auto& level : m_levels)
    {
        // By network address (the hash table has no order).
        std::vector<std::pair<uint32_t, const std::vector<Route>*>> networks;
        for (const auto& [network, routes] : level.routes)
        {
            networks.emplace_back(network, &routes);
        }
        std::sort(networks.begin(), networks.end());
        for (const auto& [network, routes] : networks)
        {
            for (const auto& r : *routes)
            {
                std::ostringstream dest;
                std::ostringstream gateway;
                std::ostringstream mask;
                dest << r.network;
                gateway << r.gateway;
                mask << Ipv4Mask(level.mask);
                std::string flags = "U";
                flags += level.length == 32 ? "H" : "";
                flags += r.gateway != Ipv4Address::GetZero() ? "G" : "";
                os << std::left << std::setw(16) << dest.str() << std::setw(16) << gateway.str()
                   << std::setw(16) << mask.str() << std::setw(6) << flags;
                const std::string name =
                    m_ipv4 ? Names::FindName(m_ipv4->GetNetDevice(r.interface)) : "";
                if (name.empty())
                {
                    os << r.interface;
                }
                else
                {
                    os << name;
                }
                os << "\n";
            }
        }
    }
    os << "\n";
    os.copyfmt(state);
}

} // namespace ns3
