/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// MmsScenarioRouting answers as ns-3's Ipv4StaticRouting answers from the same routes: a node
// with three links gets the same routes in both (overlapping prefixes, a prefix added twice
// with two gateways, two host routes to one address, a network given with host bits, a route
// to one of its own networks over another link, the default route added last); every lookup
// (many destinations, with and without an output device) gives the same destination, gateway,
// device and source, also after an interface goes down and up and an address comes and goes;
// forwarding, local delivery (by the node's Ipv4ListRouting) and a non-forwarding interface are
// handled alike.

#include "mms-test-data.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/mms-scenario-routing.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// What a RouteInput did: which callback it called, with which route.
struct InputOutcome
{
    std::string called;   //!< "unicast", "local", "error" or ""
    Ptr<Ipv4Route> route; //!< the route given to the unicast callback
    uint32_t iif{0};      //!< the interface given to the local callback
    Socket::SocketErrno error{Socket::ERROR_NOTERROR}; //!< the error given to the error callback
};

void
OnUnicast(InputOutcome* o, Ptr<Ipv4Route> route, Ptr<const Packet>, const Ipv4Header&)
{
    o->called = "unicast";
    o->route = route;
}

void
OnMulticast(InputOutcome* o, Ptr<Ipv4MulticastRoute>, Ptr<const Packet>, const Ipv4Header&)
{
    o->called = "multicast";
}

void
OnLocal(InputOutcome* o, Ptr<const Packet>, const Ipv4Header&, uint32_t iif)
{
    o->called = "local";
    o->iif = iif;
}

void
OnError(InputOutcome* o, Ptr<const Packet>, const Ipv4Header&, Socket::SocketErrno error)
{
    o->called = "error";
    o->error = error;
}

/// A route as text, for comparing (and showing) two answers.
std::string
Describe(Ptr<Ipv4Route> route)
{
    if (!route)
    {
        return "none";
    }
    std::ostringstream os;
    os << "to " << route->GetDestination() << " via " << route->GetGateway() << " from "
       << route->GetSource() << " on device " << route->GetOutputDevice()->GetIfIndex();
    return os.str();
}

} // namespace

/// Lookups, RouteOutput and RouteInput against Ipv4StaticRouting with the same routes.
class MmsScenarioRoutingStaticTestCase : public TestCase
{
  public:
    MmsScenarioRoutingStaticTestCase()
        : TestCase("answers as ns-3's static routing answers from the same routes")
    {
    }

  private:
    /// Add one route to both protocols.
    void Add(const char* network, const char* mask, const char* gateway, uint32_t interface)
    {
        m_mine->AddNetworkRoute(
            Ipv4Address(network), Ipv4Mask(mask), Ipv4Address(gateway), interface);
        m_static->AddNetworkRouteTo(
            Ipv4Address(network), Ipv4Mask(mask), Ipv4Address(gateway), interface);
    }

    /**
     * Every destination with every output device (and none), through MmsScenarioRouting
     * alone, through the node's routing (MmsScenarioRouting before its static routing) and
     * through the reference.
     * \param when what messages call this moment
     * \return how many lookups found a route
     */
    uint32_t CompareOutputs(const std::string& when)
    {
        const char* destinations[] = {
            "192.168.0.1", "192.168.5.0",   "192.168.5.1", "192.168.5.7",    "192.168.5.8",
            "192.168.6.1", "192.168.255.9", "172.16.0.1",  "172.20.9.9",     "172.31.255.255",
            "172.32.0.1",  "10.1.1.1",      "10.1.1.2",    "10.1.1.77",      "10.1.2.2",
            "10.1.2.200",  "10.1.3.2",      "10.9.9.9",    "10.200.0.1",     "8.8.8.8",
            "127.0.0.1",   "127.5.5.5",     "224.1.2.3",   "255.255.255.255"};
        Ptr<Ipv4> ip = m_node->GetObject<Ipv4>();
        std::vector<Ptr<NetDevice>> oifs = {nullptr};
        for (uint32_t i = 0; i < ip->GetNInterfaces(); ++i)
        {
            oifs.push_back(ip->GetNetDevice(i));
        }
        uint32_t found = 0;
        for (const char* d : destinations)
        {
            Ipv4Header h;
            h.SetDestination(Ipv4Address(d));
            for (const auto& oif : oifs)
            {
                Socket::SocketErrno mineErr = Socket::ERROR_NOTERROR;
                Socket::SocketErrno refErr = Socket::ERROR_NOTERROR;
                Socket::SocketErrno nodeErr = Socket::ERROR_NOTERROR;
                const std::string ref =
                    Describe(m_static->RouteOutput(Create<Packet>(), h, oif, refErr));
                const std::string mine =
                    Describe(m_mine->RouteOutput(Create<Packet>(), h, oif, mineErr));
                const std::string node = Describe(
                    ip->GetRoutingProtocol()->RouteOutput(Create<Packet>(), h, oif, nodeErr));
                const std::string what = when + ": " + d + " on device "
                                         + (oif ? std::to_string(oif->GetIfIndex()) : "any");
                NS_TEST_EXPECT_MSG_EQ(mine, ref, what);
                NS_TEST_EXPECT_MSG_EQ(mineErr, refErr, what << ": socket error");
                NS_TEST_EXPECT_MSG_EQ(node, ref, what << ", through the node's routing");
                found += ref != "none" ? 1 : 0;
            }
        }
        return found;
    }

    /**
     * RouteInput for a packet to `destination` that came in on `iif`: of the node's routing
     * (MmsScenarioRouting before its static routing), of MmsScenarioRouting alone (unless the
     * packet is for the node: the node's Ipv4ListRouting delivers those before asking it) and
     * of the reference.
     * \param destination where the packet goes
     * \param iif the interface it came in on
     * \param expected the callback all must call
     */
    void CompareInput(const char* destination, uint32_t iif, const std::string& expected)
    {
        Ptr<Ipv4> ip = m_node->GetObject<Ipv4>();
        Ipv4Header h;
        h.SetDestination(Ipv4Address(destination));
        h.SetSource(Ipv4Address("192.0.2.1"));
        std::vector<std::pair<std::string, Ptr<Ipv4RoutingProtocol>>> protocols = {
            {"the reference", m_static}, {"the node's routing", ip->GetRoutingProtocol()}};
        if (expected != "local")
        {
            protocols.emplace_back("MmsScenarioRouting", m_mine);
        }
        std::vector<InputOutcome> outcomes(protocols.size());
        for (std::size_t i = 0; i < protocols.size(); ++i)
        {
            InputOutcome* o = &outcomes[i];
            Ipv4RoutingProtocol::UnicastForwardCallback ucb = MakeBoundCallback(&OnUnicast, o);
            Ipv4RoutingProtocol::MulticastForwardCallback mcb = MakeBoundCallback(&OnMulticast, o);
            Ipv4RoutingProtocol::LocalDeliverCallback lcb = MakeBoundCallback(&OnLocal, o);
            Ipv4RoutingProtocol::ErrorCallback ecb = MakeBoundCallback(&OnError, o);
            const bool handled = protocols[i].second->RouteInput(
                Create<Packet>(), h, ip->GetNetDevice(iif), ucb, mcb, lcb, ecb);
            const std::string what = std::string(destination) + " from interface "
                                     + std::to_string(iif) + ", " + protocols[i].first;
            NS_TEST_EXPECT_MSG_EQ(handled, !o->called.empty(), what << ": handled");
            NS_TEST_EXPECT_MSG_EQ(o->called, expected, what);
            NS_TEST_EXPECT_MSG_EQ(Describe(o->route), Describe(outcomes[0].route), what);
            NS_TEST_EXPECT_MSG_EQ(o->iif, outcomes[0].iif, what << ": local interface");
            NS_TEST_EXPECT_MSG_EQ(o->error, outcomes[0].error, what << ": error");
        }
    }

    void DoRun() override
    {
        // The node under test on three links (10.1.1.0/24, 10.1.2.0/24, 10.1.3.0/24, it is .1
        // on each); its interfaces are 1, 2 and 3 (0 is the loopback).
        NodeContainer nodes;
        nodes.Create(4);
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(nodes);
        PointToPointHelper p2p;
        Ipv4AddressHelper addresses;
        for (uint32_t i = 1; i <= 3; ++i)
        {
            NetDeviceContainer d = p2p.Install(nodes.Get(0), nodes.Get(i));
            addresses.SetBase(("10.1." + std::to_string(i) + ".0").c_str(), "255.255.255.0");
            addresses.Assign(d);
        }
        m_node = nodes.Get(0);
        Ptr<Ipv4> ip = m_node->GetObject<Ipv4>();
        m_static = CreateObject<Ipv4StaticRouting>();
        m_static->SetIpv4(ip); // the reference, outside the node's routing
        m_mine = CreateObject<MmsScenarioRouting>();
        DynamicCast<Ipv4ListRouting>(ip->GetRoutingProtocol())->AddRoutingProtocol(m_mine, 10);
        NS_TEST_EXPECT_MSG_EQ(m_mine->GetNRoutes(), 4u, "the loopback's and three links' networks");

        Add("192.168.0.0", "255.255.0.0", "10.1.2.2", 2);
        Add("192.168.5.0", "255.255.255.0", "10.1.3.2", 3);
        Add("192.168.5.0", "255.255.255.0", "10.1.2.2", 2); // the same prefix again: it wins
        Add("192.168.5.7", "255.255.255.255", "10.1.1.2", 1);
        Add("192.168.5.7", "255.255.255.255", "10.1.3.2", 3); // a second host route: the first wins
        Add("172.20.9.9", "255.240.0.0", "10.1.3.2", 3);      // host bits in the network
        Add("10.1.2.0", "255.255.255.0", "10.1.3.2", 3);      // one of its own networks
        Add("192.168.0.0", "255.255.0.0", "10.1.2.2", 2);     // the same route twice: kept once
        NS_TEST_EXPECT_MSG_EQ(m_mine->GetNRoutes(), 11u, "4 + 7 different routes");
        const uint32_t withoutDefault = CompareOutputs("without a default route");
        Add("0.0.0.0", "0.0.0.0", "10.1.1.2", 1);
        const uint32_t withDefault = CompareOutputs("with a default route");
        NS_TEST_EXPECT_MSG_GT(withDefault, withoutDefault, "the default route answers more");

        std::ostringstream printed;
        m_mine->PrintRoutingTable(Create<OutputStreamWrapper>(&printed));
        NS_TEST_EXPECT_MSG_NE(printed.str().find("(12 routes)"), std::string::npos, printed.str());
        NS_TEST_EXPECT_MSG_NE(printed.str().find("192.168.5.7     10.1.1.2        "
                                                 "255.255.255.255 UHG"),
                              std::string::npos,
                              printed.str());

        CompareInput("192.168.5.9", 1, "unicast");
        CompareInput("192.168.5.7", 2, "unicast");
        CompareInput("10.1.3.1", 1, "local");
        CompareInput("8.8.8.8", 3, "unicast");
        ip->SetForwarding(2, false);
        CompareInput("192.168.5.9", 2, "error");
        CompareInput("10.1.1.1", 2, "local");
        ip->SetForwarding(2, true);

        // Interface 3 down: every route through it goes, in both; up: its network comes back.
        ip->SetDown(3);
        m_static->NotifyInterfaceDown(3);
        CompareOutputs("interface 3 down");
        NS_TEST_EXPECT_MSG_EQ(m_mine->GetNRoutes(), 7u, "its network and four routes gone");
        ip->SetUp(3);
        m_static->NotifyInterfaceUp(3);
        CompareOutputs("interface 3 up again");
        NS_TEST_EXPECT_MSG_EQ(m_mine->GetNRoutes(), 8u, "its network back");

        // An address added to interface 1 and removed again.
        const Ipv4InterfaceAddress extra(Ipv4Address("10.200.0.1"), Ipv4Mask("255.255.0.0"));
        ip->AddAddress(1, extra);
        m_static->NotifyAddAddress(1, extra);
        CompareOutputs("a second address on interface 1");
        NS_TEST_EXPECT_MSG_EQ(m_mine->GetNRoutes(), 9u, "its network added");
        ip->RemoveAddress(1, Ipv4Address("10.200.0.1"));
        m_static->NotifyRemoveAddress(1, extra);
        CompareOutputs("that address removed");
        NS_TEST_EXPECT_MSG_EQ(m_mine->GetNRoutes(), 8u, "its network removed");
        Simulator::Destroy();
    }

    Ptr<Node> m_node;                //!< the node under test
    Ptr<Ipv4StaticRouting> m_static; //!< the reference
    Ptr<MmsScenarioRouting> m_mine;  //!< the protocol under test
};

/// The suite.
class MmsScenarioRoutingTestSuite : public TestSuite
{
  public:
    MmsScenarioRoutingTestSuite()
        : TestSuite("mms-scenario-routing", Type::UNIT)
    {
        AddTestCase(new MmsScenarioRoutingStaticTestCase);
    }
};

static MmsScenarioRoutingTestSuite
    g_mmsScenarioRoutingTestSuite; //!< Static variable for test initialization
