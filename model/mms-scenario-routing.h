/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_ROUTING_H
#define MMS_SCENARIO_ROUTING_H

#include "mms-common.h" // NS3_VERSION_MINOR

#include "ns3/ipv4-routing-protocol.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

/**
 * \def MMS_ROUTE_INPUT_CALLBACK(T)
 * How Ipv4RoutingProtocol::RouteInput takes its callbacks: by value up to ns-3.38, by const
 * reference from ns-3.39 on.
 * \param T the callback type
 */
#if defined(NS3_VERSION_MINOR) && NS3_VERSION_MAJOR == 3 && NS3_VERSION_MINOR >= 39
#    define MMS_ROUTE_INPUT_CALLBACK(T) const T&
#else
#    define MMS_ROUTE_INPUT_CALLBACK(T) T
#endif

namespace ns3
{

/**
 * \ingroup mms-scenario
 * The IPv4 routes of a scenario's network node (MmsScenarioHelper installs one on every
 * router, element and cell node; handsets keep ns-3's static routing).
 *
 * It answers as ns-3's Ipv4StaticRouting answers from the same routes: the longest matching
 * prefix wins; of routes to the same prefix, the one added last (of /32 routes, the first,
 * as ns-3 stops at the first /32 it finds); a route must leave by the output device asked for,
 * if any. The route found carries, as Ipv4StaticRouting's does, the matched prefix as its
 * destination, the gateway, the output device, and the source address Ipv4::SourceAddressSelection
 * gives for that interface and prefix. What differs is the cost: one hash table per prefix
 * length, so a lookup costs one probe per distinct length (a handful: the links' /30, the
 * cells' prefix, the loopback /8, the default route) instead of a scan of every route, which on
 * the core router of an operator scenario means one route per link and per cell.
 *
 * The networks of the node's own interfaces (while they are up, as Ipv4StaticRouting keeps
 * them) are routes too, so a protocol put before Ipv4StaticRouting in Ipv4ListRouting gives
 * the same answer for every destination. It belongs in an Ipv4ListRouting, which delivers the
 * packets addressed to the node before asking its protocols: RouteInput does not check that
 * again. Taking an interface down forgets every route through
 * it, as Ipv4StaticRouting does. No metrics and no multicast routes: a destination it has no
 * route to is left to the protocols after it (RouteOutput returns none, with
 * Socket::ERROR_NOROUTETOHOST; RouteInput returns false).
 *
 * \code
 *   Ptr<MmsScenarioRouting> routing = CreateObject<MmsScenarioRouting>();
 *   DynamicCast<Ipv4ListRouting>(ipv4->GetRoutingProtocol())->AddRoutingProtocol(routing, 10);
 *   routing->AddNetworkRoute(Ipv4Address("10.0.0.4"), Ipv4Mask("/30"), gateway, interface);
 *   routing->AddNetworkRoute(Ipv4Address::GetAny(), Ipv4Mask::GetZero(), gateway, interface);
 * \endcode
 */
class MmsScenarioRouting : public Ipv4RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// A protocol without routes, not yet on a node.
    MmsScenarioRouting();
    /// Destroy the protocol.
    ~MmsScenarioRouting() override;

    /**
     * Add a route to a network (a mask of zero: the default route). A route equal in every
     * field to one the protocol has is not added twice.
     * \param network the network address (matched under the mask; the routes found carry it
     *        as given, as Ipv4StaticRouting's do)
     * \param mask the network mask (contiguous ones; asserted)
     * \param gateway the next hop (0.0.0.0: the destination is on the link)
     * \param interface the interface to leave by
     */
    void AddNetworkRoute(Ipv4Address network,
                         Ipv4Mask mask,
                         Ipv4Address gateway,
                         uint32_t interface);

    /**
     * The routes, those of the node's own networks included.
     * \return how many
     */
    uint32_t GetNRoutes() const;

    /**
     * The route to a destination, as RouteOutput looks it up.
     * \param destination the destination address
     * \param oif the device the route must leave by, or null for any
     * \return the route, or null if none matches
     */
    Ptr<Ipv4Route> Lookup(Ipv4Address destination, Ptr<NetDevice> oif = nullptr) const;

    /**
     * Route a packet the node sends.
     * \param p the packet (unused)
     * \param header its IPv4 header (the destination is looked up)
     * \param oif the device the route must leave by, or null for any
     * \param sockerr set to Socket::ERROR_NOTERROR, or Socket::ERROR_NOROUTETOHOST if none
     * \return the route, or null if none
     */
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;

    /**
     * Route a packet the node received and is not the destination of (Ipv4ListRouting, where
     * this protocol belongs, delivers those before asking any protocol): an error if the
     * receiving interface does not forward, else forwarding along the route.
     * \param p the packet
     * \param header its IPv4 header
     * \param idev the device it came in on
     * \param ucb called to forward it along the route found
     * \param mcb multicast forwarding (never called: no multicast routes)
     * \param lcb local delivery (never called: see above)
     * \param ecb called with Socket::ERROR_NOROUTETOHOST if the interface does not forward
     * \return true if the packet was handled, false to leave it to the other protocols
     */
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    MMS_ROUTE_INPUT_CALLBACK(UnicastForwardCallback) ucb,
                    MMS_ROUTE_INPUT_CALLBACK(MulticastForwardCallback) mcb,
                    MMS_ROUTE_INPUT_CALLBACK(LocalDeliverCallback) lcb,
                    MMS_ROUTE_INPUT_CALLBACK(ErrorCallback) ecb) override;

    /**
     * An interface came up: routes to its networks.
     * \param interface the interface index
     */
    void NotifyInterfaceUp(uint32_t interface) override;

    /**
     * An interface went down: every route through it is forgotten.
     * \param interface the interface index
     */
    void NotifyInterfaceDown(uint32_t interface) override;

    /**
     * An address was added: a route to its network, if the interface is up.
     * \param interface the interface index
     * \param address the address
     */
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;

    /**
     * An address was removed: the routes to its network through that interface are forgotten,
     * if the interface is up (host routes are kept, as Ipv4StaticRouting keeps them).
     * \param interface the interface index
     * \param address the address
     */
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;

    /**
     * Attach the protocol to the node's IPv4 (once): routes to the networks of the interfaces
     * that are up.
     * \param ipv4 the node's IPv4
     */
    void SetIpv4(Ptr<Ipv4> ipv4) override;

    /**
     * Print the routes, those of one prefix length after another, longest first, by network
     * address: destination, gateway, mask, flags (U up, H host, G gateway) and interface (its
     * device's name if it has one, else its index).
     * \param stream where to print
     * \param unit the unit of the time printed
     */
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    /// Forget the routes and the node's IPv4.
    void DoDispose() override;

  private:
    /// One route.
    struct Route
    {
        Ipv4Address network; //!< the network as given (the route's destination)
        Ipv4Address gateway; //!< next hop, or 0.0.0.0 on the link
        uint32_t interface;  //!< the interface to leave by
    };

    /// The routes of one prefix length.
    struct Level
    {
        uint16_t length{0}; //!< the prefix length
        uint32_t mask{0};   //!< its mask
        /// network address -> its routes, in the order added
        std::unordered_map<uint32_t, std::vector<Route>> routes;
    };

    /**
     * Add a route to a network (no duplicate).
     * \param network the network (masked here)
     * \param mask the mask
     * \param gateway the next hop
     * \param interface the interface
     */
    void Add(Ipv4Address network, Ipv4Mask mask, Ipv4Address gateway, uint32_t interface);

    /**
     * Forget routes through an interface.
     * \param interface the interface
     * \param onlyMask with onlyNetwork: forget only the routes to that network
     * \param onlyNetwork the network, if onlyMask is set
     * \param some whether only that network's routes go
     */
    void Remove(uint32_t interface, uint32_t onlyMask, uint32_t onlyNetwork, bool some);

    Ptr<Ipv4> m_ipv4;            //!< the node's IPv4
    std::vector<Level> m_levels; //!< by prefix length, longest first
    uint32_t m_count{0};         //!< routes held
};

} // namespace ns3

#endif /* MMS_SCENARIO_ROUTING_H */
