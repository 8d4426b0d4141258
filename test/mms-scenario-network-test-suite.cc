/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A network built from a scenario graph by MmsScenarioHelper: routes along the shortest
// paths by delay, two Relays each serving the cells nearest to it (their subscribers' Relay
// address, their own Message-ID prefix, recipients drawn among their own subscribers), shared
// PPG and SMSC, settings from the file on the elements, cells and User Agents, the SMSC's core
// delay on radio cells, and the traffic model driving every User Agent: conservation of
// messages per Relay, every message with a content class.

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/integer.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4.h"
#include "ns3/mms-network-helper.h"
#include "ns3/mms-radio-bearer-net-device.h"
#include "ns3/mms-scenario-helper.h"
#include "ns3/mms-scenario-routing.h"
#include "ns3/mms-scenario.h"
#include "ns3/mms-smsc.h"
#include "ns3/mms-socket-transport.h"
#include "ns3/mms-sqlite-recorder.h"
#include "ns3/mms-sqlite.h"
#include "ns3/mms-subscriber-pool.h"
#include "ns3/mms-traffic-model.h"
#include "ns3/mms-wap-gateway.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

using namespace ns3;

namespace
{
// Two MMSC sites (r1 with s1 near cA, r2 with s2 near cB), one PPG and SMSC at the core. The
// path a -- core -- b is 10 ms; the direct link a -- b is 30 ms: routes between the sites go
// through the core.
const char* TWO_RELAYS = R"(graph two {
  r1 [kind=relay, Workers=3];
  s1 [kind=server];
  r2 [kind=relay];
  s2 [kind=server];
  ppg [kind=ppg];
  smsc [kind=smsc];
  core [kind=router];
  a [kind=router];
  b [kind=router];
  cA [kind=cell, bearer="UMTS-384", subscribers=8, ReadReportProbability=0.25];
  cB [kind=cell, bearer="GPRS-CS2", subscribers=6, MultislotClass=8];
  r1 -- a [rate="100Mbps", delay="1ms"];
  s1 -- a [rate="100Mbps", delay="1ms"];
  r2 -- b [rate="100Mbps", delay="1ms"];
  s2 -- b [rate="100Mbps", delay="1ms"];
  a -- core [rate="100Mbps", delay="5ms"];
  b -- core [rate="100Mbps", delay="5ms"];
  a -- b [rate="100Mbps", delay="30ms"];
  ppg -- core [rate="100Mbps", delay="1ms"];
  smsc -- core [rate="100Mbps", delay="1ms"];
  cA -- a [rate="8Mbps", delay="2ms"];
  cB -- b [rate="2Mbps", delay="2ms"];
})";

/// The same rate at every hour of the day. \param builder the helper \param perHour messages
/// per subscriber-hour
void
SteadyTraffic(MmsScenarioHelper& builder, double perHour)
{
    builder.SetTrafficModelAttribute("MessagesPerHour", DoubleValue(perHour));
    builder.SetTrafficModelAttribute(
        "HourlyProfile", StringValue("1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"));
}

/// A scenario of a test, which must parse.
MmsScenario
Parsed(const char* text, const char* origin)
{
    MmsScenario scenario;
    std::vector<std::string> errors;
    NS_ABORT_MSG_UNLESS(scenario.Parse(text, origin, errors), "the test scenario parses");
    return scenario;
}

struct Log
{
    std::vector<std::string> classes;
    uint32_t submitted{0};
    uint32_t switchedOff{0}; //!< Switch traces with on = false
    uint32_t unreachable{0}; //!< radio drops for an unreachable handset or subscriber
};

void
OnDrop(Log* log, Ptr<const Packet>, uint32_t, const std::string& reason)
{
    log->unreachable += reason == "PagingFailed" || reason == "Unreachable" || reason == "Flushed";
}

void
OnSwitch(Log* log, const std::string&, bool on)
{
    log->switchedOff += on ? 0 : 1;
}

void
OnSubmitted(Log* log, const MmsEvent& e)
{
    log->classes.push_back(e.detail);
    log->submitted++;
}

/// A pool made a User Agent: log its submissions.
void
OnPoolUserAgent(Log* log, Ptr<MmsUserAgent> ua)
{
    ua->TraceConnectWithoutContext("Submitted", MakeBoundCallback(&OnSubmitted, log));
}

Ipv4Address
AddressOn(Ptr<Node> node, Ptr<Node> neighbour)
{
    // The address of `node` on its point-to-point link to `neighbour`.
    Ptr<Ipv4> ip = node->GetObject<Ipv4>();
    for (uint32_t d = 0; d < node->GetNDevices(); ++d)
    {
        Ptr<NetDevice> dev = node->GetDevice(d);
        Ptr<Channel> ch = dev->GetChannel();
        if (!ch)
        {
            continue;
        }
        for (std::size_t k = 0; k < ch->GetNDevices(); ++k)
        {
            if (ch->GetDevice(k)->GetNode() == neighbour)
            {
                int32_t i = ip->GetInterfaceForDevice(dev);
                return ip->GetAddress(static_cast<uint32_t>(i), 0).GetLocal();
            }
        }
    }
    return Ipv4Address();
}

/// The device of `node` on its point-to-point link to `neighbour` (null if none).
Ptr<NetDevice>
DeviceTowards(Ptr<Node> node, Ptr<Node> neighbour)
{
    for (uint32_t d = 0; d < node->GetNDevices(); ++d)
    {
        Ptr<Channel> ch = node->GetDevice(d)->GetChannel();
        for (std::size_t k = 0; ch && k < ch->GetNDevices(); ++k)
        {
            if (ch->GetDevice(k)->GetNode() == neighbour)
            {
                return node->GetDevice(d);
            }
        }
    }
    return nullptr;
}
} // namespace

/// Routes, service areas, settings from the file and the SMSC's core delay, before running.
class MmsScenarioNetworkBuildTestCase : public TestCase
{
  public:
    MmsScenarioNetworkBuildTestCase()
        : TestCase("Two Relays: routes by delay, service areas, settings from the file")
    {
    }

  private:
    /**
     * Every network node's route to every link and cell it is not on leaves over the first hop of
     * the scenario's shortest path (to the nearer end of a link, its first end on a tie), to the
     * neighbour's address on that link, and comes from the node's MmsScenarioRouting (which sits
     * before its static routing).
     * \param scenario the scenario
     * \param builder the helper that built it
     * \return how many routes were checked
     */
    uint32_t CheckRoutes(const MmsScenario& scenario, const MmsScenarioHelper& builder)
    {
        const auto& vertices = scenario.GetVertices();
        const auto& edges = scenario.GetEdges();

        // Destinations: (an address in it, the vertex to route to, or two for a link).
        struct Destination
        {
            Ipv4Address address;
            uint32_t a;
            int32_t b;
        };

        std::vector<Destination> destinations;
        for (uint32_t e = 0; e < edges.size(); ++e)
        {
            destinations.push_back({AddressOn(builder.GetNode(vertices[edges[e].a].name),
                                              builder.GetNode(vertices[edges[e].b].name)),
                                    edges[e].a,
                                    static_cast<int32_t>(edges[e].b)});
        }
        for (uint32_t c : scenario.GetVerticesOfKind(MmsScenario::CELL))
        {
            Ptr<NetDevice> d = builder.GetCell(vertices[c].name)->GetDevice(0);
            Ptr<Ipv4> ip = d->GetNode()->GetObject<Ipv4>();
            Ipv4InterfaceAddress cell =
                ip->GetAddress(static_cast<uint32_t>(ip->GetInterfaceForDevice(d)), 0);
            destinations.push_back({Ipv4Address(cell.GetLocal().Get() + 1), c, -1}); // a handset
        }
        uint32_t checked = 0;
        for (uint32_t v = 0; v < vertices.size(); ++v)
        {
            Ptr<Node> node = builder.GetNode(vertices[v].name);
            Ptr<Ipv4ListRouting> list =
                DynamicCast<Ipv4ListRouting>(node->GetObject<Ipv4>()->GetRoutingProtocol());
            int16_t priority = 0;
            Ptr<MmsScenarioRouting> mine =
                list ? DynamicCast<MmsScenarioRouting>(list->GetRoutingProtocol(0, priority))
                     : nullptr;
            NS_TEST_EXPECT_MSG_NE(mine, nullptr, vertices[v].name << ": MmsScenarioRouting first");
            if (!mine)
            {
                continue;
            }
            for (const auto& d : destinations)
            {
                if (d.a == v || d.b == static_cast<int32_t>(v))
                {
                    continue;
                }
                uint32_t target = d.a;
                if (d.b >= 0
                    && scenario.GetPathDelay(v, static_cast<uint32_t>(d.b))
                           < scenario.GetPathDelay(v, d.a))
                {
                    target = static_cast<uint32_t>(d.b);
                }
                const int32_t e = scenario.GetFirstEdge(v, target);
                Ipv4Header h;
                h.SetDestination(d.address);
                Socket::SocketErrno err;
                Ptr<Ipv4Route> route = list->RouteOutput(Create<Packet>(), h, nullptr, err);
                Ptr<Ipv4Route> own = mine->Lookup(d.address);
                const std::string what = vertices[v].name + " to " + vertices[d.a].name
                                         + (d.b >= 0 ? " -- " + vertices[d.b].name : "");
                NS_TEST_EXPECT_MSG_EQ((e >= 0 && route && own), true, what << ": a route");
                if (e < 0 || !route || !own)
                {
                    continue;
                }
                const uint32_t next = scenario.GetOtherEnd(static_cast<uint32_t>(e), v);
                Ptr<Node> nextNode = builder.GetNode(vertices[next].name);
                NS_TEST_EXPECT_MSG_EQ(route->GetGateway(),
                                      AddressOn(nextNode, node),
                                      what << ": over " << vertices[next].name);
                NS_TEST_EXPECT_MSG_EQ(route->GetOutputDevice(),
                                      DeviceTowards(node, nextNode),
                                      what << ": on the link to " << vertices[next].name);
                NS_TEST_EXPECT_MSG_EQ(own->GetGateway(),
                                      route->GetGateway(),
                                      what << ": the node's answer is its MmsScenarioRouting's");
                ++checked;
            }
        }
        return checked;
    }

    void DoRun() override
    {
        MmsScenario scenario;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(scenario.Parse(TWO_RELAYS, "two", errors),
                              true,
                              (errors.empty() ? "" : errors.front()));
        MmsScenarioHelper builder;
        builder.SetTraffic(false);
        builder.SetHandsetsOnDemand(false); // the handsets are inspected below
        builder.Install(scenario);
        builder.AssignStreams(1);

        // Node a reaches cell cB's subnet through core (5 + 5 + 2 ms) and not over the direct
        // 30 ms link.
        Ptr<Node> a = builder.GetNode("a");
        Ptr<Node> core = builder.GetNode("core");
        Ptr<MmsRadioCellChannel> cB = builder.GetCell("cB");
        NS_TEST_ASSERT_MSG_NE(cB, nullptr, "cell cB built");
        Ptr<Ipv4> bIp = cB->GetDevice(0)->GetNode()->GetObject<Ipv4>();
        Ipv4InterfaceAddress cbAddr =
            bIp->GetAddress(static_cast<uint32_t>(bIp->GetInterfaceForDevice(cB->GetDevice(0))), 0);
        Ipv4Address cbNet = cbAddr.GetLocal().CombineMask(cbAddr.GetMask());
        // The route a's routing picks for a handset's address in cB (a default route or one to
        // the subnet: the helper installs whichever needs fewer entries).
        Ptr<Ipv4RoutingProtocol> rt = a->GetObject<Ipv4>()->GetRoutingProtocol();
        Ipv4Header toCb;
        toCb.SetDestination(Ipv4Address(cbNet.Get() + 2));
        Socket::SocketErrno err;
        Ptr<Ipv4Route> route = rt->RouteOutput(Create<Packet>(), toCb, nullptr, err);
        NS_TEST_ASSERT_MSG_NE(route, nullptr, "a has a route to cB's subnet");
        NS_TEST_EXPECT_MSG_EQ(route->GetGateway(),
                              AddressOn(core, a),
                              "a routes to cB through core, the shorter path by delay");
        NS_TEST_EXPECT_MSG_GT(builder.GetRouteCount(), 0u, "routes installed");
        NS_TEST_EXPECT_MSG_EQ(CheckRoutes(scenario, builder),
                              11u * 13u - 2u * 11u - 2u, // 11 nodes, 11 links and 2 cells
                              "every node's route to each link and cell it is not on");

        // Each cell's subscribers use their nearest Relay; numbers follow in cell order.
        auto relays = builder.GetRelays();
        NS_TEST_ASSERT_MSG_EQ(relays.size(), 2u, "one Relay per relay vertex");
        ApplicationContainer uas = builder.GetUserAgents();
        NS_TEST_ASSERT_MSG_EQ(uas.GetN(), 14u, "8 + 6 subscribers");
        std::set<std::string> numbers;
        for (uint32_t i = 0; i < uas.GetN(); ++i)
        {
            Ptr<MmsUserAgent> ua = DynamicCast<MmsUserAgent>(uas.Get(i));
            numbers.insert(ua->GetMsisdn());
            AddressValue relay;
            ua->GetAttribute("RelayAddress", relay);
            Ptr<Node> expected = builder.GetNode(i < 8 ? "r1" : "r2");
            NS_TEST_EXPECT_MSG_EQ(InetSocketAddress::ConvertFrom(relay.Get()).GetIpv4(),
                                  MmsNetworkHelper::GetAddress(expected),
                                  "subscriber " << i << " uses its nearest Relay");
            DoubleValue p;
            ua->GetAttribute("ReadReportProbability", p);
            NS_TEST_EXPECT_MSG_EQ_TOL(p.Get(),
                                      (i < 8 ? 0.25 : 1.0),
                                      1e-12,
                                      "the cell's User Agent attribute applies to its own "
                                      "subscribers only");
        }
        NS_TEST_EXPECT_MSG_EQ(numbers.size(), 14u, "every subscriber has its own number");
        UintegerValue workers;
        relays[0]->GetAttribute("Workers", workers);
        NS_TEST_EXPECT_MSG_EQ(workers.Get(), 3u, "relay r1's Workers from the file");
        relays[1]->GetAttribute("Workers", workers);
        NS_TEST_EXPECT_MSG_NE(workers.Get(), 3u, "relay r2 keeps the default");
        StringValue prefix;
        relays[0]->GetAttribute("MessageIdPrefix", prefix);
        NS_TEST_EXPECT_MSG_EQ(prefix.Get(), "Mr1-", "two Relays: distinct Message-ID prefixes");
        NS_TEST_EXPECT_MSG_EQ(builder.GetCell("cB")->GetProfile(0).downlinkTimeslots,
                              4u,
                              "MultislotClass 8 (4 downlink timeslots) on cell cB");

        // The SMSC's delay is the core part on radio cells.
        Ptr<Node> smscNode = builder.GetNode("smsc");
        Ptr<MmsSmsc> smsc;
        for (uint32_t i = 0; i < smscNode->GetNApplications(); ++i)
        {
            smsc = smsc ? smsc : DynamicCast<MmsSmsc>(smscNode->GetApplication(i));
        }
        NS_TEST_ASSERT_MSG_NE(smsc, nullptr, "an SMSC on the smsc vertex");
        PointerValue delay;
        smsc->GetAttribute("DeliveryDelay", delay);
        Ptr<LogNormalRandomVariable> ln = delay.Get<LogNormalRandomVariable>();
        NS_TEST_ASSERT_MSG_NE(ln, nullptr, "log-normal core delay");
        NS_TEST_EXPECT_MSG_EQ_TOL(ln->GetMu(), 0.0, 1e-12, "median 1 s (Mu = 0)");
        Simulator::Destroy();
    }
};

/// Traffic from the model through the whole graph: conservation per Relay, recipients among
/// the Relay's own subscribers, every generated message with a content class.
class MmsScenarioNetworkTrafficTestCase : public TestCase
{
  public:
    /**
     * \param onDemand handsets on demand (else a handset per subscriber)
     * \param onOff subscribers switch off and on (MmsUserAgent's OnOff)
     */
    MmsScenarioNetworkTrafficTestCase(bool onDemand, bool onOff)
        : TestCase(std::string("Two Relays: the traffic model's messages all end in a terminal "
                               "state (")
                   + (onDemand ? "handsets on demand" : "a handset per subscriber")
                   + (onOff ? ", with switch-offs and coverage gaps" : "") + ")")
        , m_onDemand(onDemand)
        , m_onOff(onOff)
    {
    }

  private:
    bool m_onDemand; //!< handsets on demand
    bool m_onOff;    //!< switch-offs

    void DoRun() override
    {
        MmsScenario scenario;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(scenario.Parse(TWO_RELAYS, "two", errors), true, "parses");
        MmsScenarioHelper builder;
        // Switch-offs only where the case asks for them (m_onOff, below).
        builder.SetPopulation("Ideal");
        // 12 messages per hour per subscriber: about 80 messages in 30 minutes, the GPRS cell below
        // saturation.
        SteadyTraffic(builder, 12);
        builder.SetSmscAttribute("LossProbability", DoubleValue(0));
        builder.SetHandsetsOnDemand(m_onDemand);
        if (m_onOff)
        {
            // Out of coverage a tenth of the time (2 minutes on average): the network cannot
            // page the subscriber and its transfers fail.
            Config::SetDefault("ns3::MmsRadioBearerNetDevice::CoverageProcess", BooleanValue(true));
            Config::SetDefault("ns3::MmsRadioBearerNetDevice::InCoverageTime",
                               StringValue("ns3::ExponentialRandomVariable[Mean=1080]"));
            Config::SetDefault("ns3::MmsRadioBearerNetDevice::OutOfCoverageTime",
                               StringValue("ns3::ExponentialRandomVariable[Mean=120]"));
            // Off a quarter of the time, in periods of 5 minutes on average: messages wait for
            // their recipients, and senders that are off send nothing.
            builder.SetUserAgentAttribute("OnOff", BooleanValue(true));
            builder.SetUserAgentAttribute("OnTime",
                                          StringValue("ns3::ExponentialRandomVariable[Mean=900]"));
            builder.SetUserAgentAttribute("OffTime",
                                          StringValue("ns3::ExponentialRandomVariable[Mean=300]"));
        }
        builder.Install(scenario);
        builder.AssignStreams(7);
        Config::Reset();
        Log log;
        for (const auto& cell : builder.GetCells())
        {
            cell->TraceConnectWithoutContext("Drop", MakeBoundCallback(&OnDrop, &log));
        }
        ApplicationContainer uas = builder.GetUserAgents();
        for (uint32_t i = 0; i < uas.GetN(); ++i)
        {
            uas.Get(i)->TraceConnectWithoutContext("Submitted",
                                                   MakeBoundCallback(&OnSubmitted, &log));
            uas.Get(i)->TraceConnectWithoutContext("Switch", MakeBoundCallback(&OnSwitch, &log));
        }
        Ptr<MmsSubscriberPool> pool = builder.GetSubscriberPool();
        NS_TEST_ASSERT_MSG_EQ((pool != nullptr), m_onDemand, "a pool with handsets on demand");
        NS_TEST_ASSERT_MSG_EQ(uas.GetN(), m_onDemand ? 0u : 14u, "User Agents installed");
        if (pool)
        {
            pool->TraceConnectWithoutContext("UserAgentCreated",
                                             MakeBoundCallback(&OnPoolUserAgent, &log));
        }
        builder.StopTraffic(Seconds(1800));
        Simulator::Stop(Seconds(1800 + 3600));
        Simulator::Run();

        uint64_t accepted = 0;
        for (const auto& relay : builder.GetRelays())
        {
            const MmsRelay::Counters& c = relay->GetCounters();
            accepted += c.accepted;
            NS_TEST_EXPECT_MSG_GT(c.retrieved, 10u, "each Relay delivers messages");
            NS_TEST_EXPECT_MSG_EQ(c.recipients,
                                  c.retrieved + c.rejected + c.expired + c.failed
                                      + relay->GetPendingRecipients(),
                                  "every accepted (message, recipient) pair is accounted for");
            NS_TEST_EXPECT_MSG_EQ(c.failed + c.rejected,
                                  0u,
                                  "recipients are the Relay's own subscribers, all reachable");
            NS_TEST_EXPECT_MSG_EQ(relay->GetPendingRecipients(), 0u, "all delivered in time");
        }
        uint64_t confirmed = 0;
        for (uint32_t i = 0; i < uas.GetN(); ++i)
        {
            confirmed += DynamicCast<MmsUserAgent>(uas.Get(i))->GetCounters().submitConfirmed;
        }
        if (pool)
        {
            confirmed = pool->GetCounters().submitConfirmed;
            MmsSubscriberPool::Statistics st = pool->GetStatistics();
            NS_TEST_EXPECT_MSG_EQ(pool->GetN(), 14u, "every subscriber a record");
            NS_TEST_EXPECT_MSG_EQ(st.boundNow, 0u, "every binding ended once all is done");
            NS_TEST_EXPECT_MSG_EQ(st.activeNow, 0u, "every User Agent retired");
            NS_TEST_EXPECT_MSG_EQ(st.bindings, st.releases, "each binding released once");
            NS_TEST_EXPECT_MSG_GT(st.bindings, st.handsetsCreated, "handsets were reused");
            NS_TEST_EXPECT_MSG_EQ(
                (st.sendsWhileOff > 0), m_onOff, "switched-off subscribers' sends are dropped");
        }
        // A submission whose M-Send.conf comes too late is sent again (the UA's retry policy),
        // and the Relay stores it again: the Relay may accept more than the UAs confirmed.
        NS_TEST_EXPECT_MSG_GT_OR_EQ(accepted, confirmed, "every confirmed message was accepted");
        if (m_onOff)
        {
            // A sender that leaves coverage may exhaust its retries (the UA gives up).
            NS_TEST_EXPECT_MSG_LT_OR_EQ(confirmed, log.submitted, "confirmed at most once");
            NS_TEST_EXPECT_MSG_GT(confirmed * 10, log.submitted * 9, "nearly all confirmed");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(confirmed, log.submitted, "every generated message confirmed");
        }
        const auto& names = MmsTrafficModel::ContentClassNames();
        std::set<std::string> seen;
        for (const auto& c : log.classes)
        {
            NS_TEST_EXPECT_MSG_EQ((std::find(names.begin(), names.end(), c) != names.end()),
                                  true,
                                  "content class '" << c << "' is one of the six");
            seen.insert(c);
        }
        NS_TEST_EXPECT_MSG_GT(seen.size(), 3u, "the mix shows several classes");
        if (!m_onDemand)
        {
            NS_TEST_EXPECT_MSG_EQ((log.switchedOff > 0), m_onOff, "handsets switched off");
        }
        NS_TEST_EXPECT_MSG_EQ((log.unreachable > 0),
                              m_onOff,
                              "switched off or out of coverage: the radio drops what is sent");
        Simulator::Destroy();
    }
};

/// Handsets on demand under load: addresses are reused, never for someone else's traffic.
class MmsScenarioOnDemandTestCase : public TestCase
{
  public:
    MmsScenarioOnDemandTestCase()
        : TestCase("Handsets on demand: reused handsets never carry another subscriber's "
                   "traffic; bindings end; the same run gives the same deliveries")
    {
    }

  private:
    /// What one run saw.
    struct Run
    {
        std::set<std::pair<std::string, std::string>> notified; //!< (message, recipient)
        std::vector<std::string> deliveries; //!< "time element message" of each retrieval
        uint32_t checked{0};                 //!< pushes and retrievals checked
        uint32_t strays{0};                  //!< of them, for a subscriber not notified
        uint32_t openAtRelease{0};           //!< bindings released with a connection open
        std::map<std::pair<uint32_t, uint32_t>, Ptr<MmsTransport>> transports; //!< by handset
        MmsSubscriberPool::Statistics stats;                                   //!< at the end
    };

    static std::string Number(const std::string& a)
    {
        return a.substr(0, a.find('/'));
    }

    static void OnQueued(Run* run, const MmsEvent& e)
    {
        run->notified.insert({e.messageId, Number(e.recipient)});
    }

    /// A push or a retrieval at a User Agent: it must be for that subscriber.
    static void OnReceived(Run* run, bool retrieval, const MmsEvent& e)
    {
        if (!retrieval && e.detail != "M-Notification.ind")
        {
            return;
        }
        const std::string self = e.element.substr(3); // "ua:+44..."
        run->checked++;
        if (Number(e.recipient) != self || !run->notified.count({e.messageId, self}))
        {
            run->strays++;
        }
        if (retrieval)
        {
            std::ostringstream os;
            os << Simulator::Now().GetNanoSeconds() << " " << e.element << " " << e.messageId;
            run->deliveries.push_back(os.str());
        }
    }

    static void OnUserAgent(Run* run, Ptr<MmsUserAgent> ua)
    {
        ua->TraceConnectWithoutContext("PushReceived", MakeBoundCallback(&OnReceived, run, false));
        ua->TraceConnectWithoutContext("RetrievalCompleted",
                                       MakeBoundCallback(&OnReceived, run, true));
    }

    static void OnHandset(Run* run, uint32_t cell, uint32_t handset, Ptr<MmsTransport> t)
    {
        run->transports[{cell, handset}] = t;
    }

    static void OnReleased(
        Run* run, const std::string&, uint32_t cell, uint32_t handset, Ipv4Address)
    {
        auto t = DynamicCast<MmsSocketTransport>(run->transports[{cell, handset}]);
        if (!t || t->GetOpenConnections() > 0)
        {
            run->openAtRelease++;
        }
    }

    static Run Simulate(uint32_t rngRun)
    {
        RngSeedManager::SetRun(rngRun);
        const char* text = R"(graph load {
  r [kind=relay]; s [kind=server]; ppg [kind=ppg]; smsc [kind=smsc]; core [kind=router];
  g [kind=cell, bearer="GPRS-CS2", subscribers=150];
  u [kind=cell, bearer="UMTS-384", subscribers=250];
  r -- core [rate="100Mbps", delay="1ms"]; s -- core [rate="100Mbps", delay="1ms"];
  ppg -- core [rate="100Mbps", delay="1ms"]; smsc -- core [rate="100Mbps", delay="1ms"];
  g -- core [rate="8Mbps", delay="2ms"]; u -- core [rate="8Mbps", delay="2ms"];
})";
        const MmsScenario scenario = Parsed(text, "load");
        MmsScenarioHelper builder;
        builder.SetHandsetsOnDemand(true);
        // About 200 messages in 10 minutes over 400 subscribers: each handset serves many.
        SteadyTraffic(builder, 3);
        builder.SetTrafficModelAttribute("DeferredShare", DoubleValue(0.3));
        builder.SetUserAgentAttribute("DeferredDelay",
                                      StringValue("ns3::ExponentialRandomVariable[Mean=120]"));
        builder.Install(scenario);
        builder.AssignStreams(11);
        Run run;
        Ptr<MmsSubscriberPool> pool = builder.GetSubscriberPool();
        for (const auto& relay : builder.GetRelays())
        {
            relay->TraceConnectWithoutContext("NotificationQueued",
                                              MakeBoundCallback(&OnQueued, &run));
        }
        pool->TraceConnectWithoutContext("UserAgentCreated", MakeBoundCallback(&OnUserAgent, &run));
        pool->TraceConnectWithoutContext("HandsetCreated", MakeBoundCallback(&OnHandset, &run));
        pool->TraceConnectWithoutContext("Released", MakeBoundCallback(&OnReleased, &run));
        builder.StopTraffic(Seconds(600));
        Simulator::Stop(Seconds(600 + 3600)); // HTTP retries run up to 46 min
        Simulator::Run();
        run.stats = pool->GetStatistics();
        Simulator::Destroy();
        RngSeedManager::SetRun(1);
        return run;
    }

    void DoRun() override
    {
        Run a = Simulate(3);
        std::ostringstream os;
        os << a.checked << " pushes and retrievals, " << a.deliveries.size() << " retrievals, "
           << a.stats.bindings << " bindings on " << a.stats.handsetsCreated << " handsets (peak "
           << a.stats.peakBound << " bound), " << a.stats.activations << " User Agents made";
        std::cout << "    " << os.str() << "\n";
        NS_TEST_EXPECT_MSG_GT(a.deliveries.size(), 200u, "a loaded run: " << os.str());
        NS_TEST_EXPECT_MSG_GT(a.stats.bindings,
                              3 * a.stats.handsetsCreated,
                              "handsets were reused many times: " << os.str());
        NS_TEST_EXPECT_MSG_EQ(a.strays,
                              0u,
                              "every push and retrieval reached a recipient of "
                              "its message: "
                                  << os.str());
        NS_TEST_EXPECT_MSG_EQ(a.openAtRelease, 0u, "no connection outlived its binding");
        NS_TEST_EXPECT_MSG_EQ(a.stats.boundNow, 0u, "every binding ended");
        NS_TEST_EXPECT_MSG_EQ(a.stats.activeNow, 0u, "every User Agent retired");
        NS_TEST_EXPECT_MSG_LT(a.stats.handsetsCreated, 400u, "fewer handsets than subscribers");
        Run b = Simulate(3);
        NS_TEST_EXPECT_MSG_EQ((a.deliveries == b.deliveries), true, "same run, same deliveries");
        Run c = Simulate(4);
        NS_TEST_EXPECT_MSG_EQ((a.deliveries == c.deliveries), false, "another run differs");
    }
};

/// WAP 1.x and WAP 2.0 handsets mixed by the cells' wapShare, behind a wapgw: every accepted
/// (message, recipient) pair is retrieved, both stacks' transactions are in the results, a
/// pooled handset's WTP transaction ids are never used again by another subscriber, and the
/// same run gives the same deliveries.
class MmsScenarioMixedStacksTestCase : public TestCase
{
  public:
    /// \param onDemand subscribers as records (handsets on demand), else a handset each
    explicit MmsScenarioMixedStacksTestCase(bool onDemand)
        : TestCase(std::string("WAP 1.x and 2.0 handsets mixed by wapShare (")
                   + (onDemand ? "handsets on demand" : "a handset per subscriber")
                   + "): conservation, both stacks recorded, sessions closed at release, "
                     "TIDs not reused, same run same deliveries")
        , m_onDemand(onDemand)
    {
    }

  private:
    /// What one run saw.
    struct Run
    {
        std::set<std::pair<std::string, std::string>> accepted;  //!< (message, recipient)
        std::set<std::pair<std::string, std::string>> retrieved; //!< (message, recipient)
        std::vector<std::string> deliveries; //!< "time element message" of each retrieval
        /// Per pool handset, the subscriber that sent each WTP Invoke TID first.
        std::map<std::pair<uint32_t, uint32_t>, std::map<uint16_t, std::string>> tids;
        uint32_t tidsReused{0};              //!< Invoke TIDs a second subscriber sent on a handset
        std::set<std::string> wsp;           //!< subscribers whose User Agent had Stack Wsp
        uint32_t agents{0};                  //!< User Agents seen
        uint32_t wrongStack{0};              //!< of them, with the stack the split does not give
        uint32_t wtpInvokes{0};              //!< Invokes sent by pool handsets
        int64_t wspRows{0};                  //!< transaction rows of handsets' WSP requests
        int64_t httpRows{0};                 //!< transaction rows of handsets' HTTP requests
        int64_t gatewayRows{0};              //!< the gateway's HTTP requests to the Relay
        int64_t wapHandsets{-1};             //!< run attribute of cell g
        MmsWapGateway::Counters gateway;     //!< the gateway's, at the end
        uint32_t openSessions{0};            //!< sessions the gateway still holds at the end
        MmsSubscriberPool::Statistics stats; //!< the pool's, at the end (handsets on demand)
        MmsSubscriberPool* pool{nullptr};
    };

    static std::string Number(const std::string& a)
    {
        return a.substr(0, a.find('/'));
    }

    static void OnQueued(Run* run, const MmsEvent& e)
    {
        run->accepted.insert({e.messageId, Number(e.recipient)});
    }

    static void OnRetrieved(Run* run, const MmsEvent& e)
    {
        run->retrieved.insert({e.messageId, e.element.substr(3)});
        std::ostringstream os;
        os << Simulator::Now().GetNanoSeconds() << " " << e.element << " " << e.messageId;
        run->deliveries.push_back(os.str());
    }

    static void OnUserAgent(Run* run, Ptr<MmsUserAgent> ua)
    {
        ua->TraceConnectWithoutContext("RetrievalCompleted", MakeBoundCallback(&OnRetrieved, run));
        // Numbers go cell by cell from +447700900001: g's 80 (wapShare 1), then u's (0.5).
        StringValue stack; // as text: EnumValue is a template since ns-3.41
        ua->GetAttribute("Stack", stack);
        const bool wsp = stack.Get() == "Wsp";
        const auto index =
            static_cast<uint32_t>(std::stoull(ua->GetMsisdn().substr(1)) - 447700900001ULL);
        const bool expected = index < 80 || MmsScenario::IsWapHandset(0.5, index - 80);
        run->agents++;
        run->wrongStack += wsp == expected ? 0 : 1;
        if (wsp)
        {
            run->wsp.insert(ua->GetMsisdn());
        }
    }

    /// A datagram from a pool handset: a WTP Invoke (PDU type 1) to the gateway's port 9201.
    static void OnDatagram(Run* run,
                           uint32_t cell,
                           uint32_t handset,
                           const std::vector<uint8_t>& d,
                           const Address& peer)
    {
        if (!InetSocketAddress::IsMatchingType(peer)
            || InetSocketAddress::ConvertFrom(peer).GetPort() != MmsWapGateway::PORT_CO
            || d.size() < 3 || ((d[0] >> 3) & 0x0F) != 1)
        {
            return;
        }
        run->wtpInvokes++;
        const uint16_t tid = static_cast<uint16_t>(((d[1] << 8) | d[2]) & 0x7FFF);
        const std::string who = run->pool->GetBoundMsisdn(cell, handset);
        auto [it, added] = run->tids[{cell, handset}].emplace(tid, who);
        if (!added && it->second != who)
        {
            run->tidsReused++;
        }
    }

    static void OnHandset(Run* run, uint32_t cell, uint32_t handset, Ptr<MmsTransport> t)
    {
        t->TraceConnectWithoutContext("DatagramTx",
                                      MakeBoundCallback(&OnDatagram, run, cell, handset));
    }

    Run Simulate(uint32_t rngRun, bool record)
    {
        RngSeedManager::SetRun(rngRun);
        const char* text = R"(graph mixed {
  r [kind=relay]; s [kind=server]; ppg [kind=ppg]; smsc [kind=smsc]; core [kind=router];
  w [kind=wapgw, ServiceTime="2ms"];
  g [kind=cell, bearer="GPRS-CS2", subscribers=80, wapShare=1];
  u [kind=cell, bearer="UMTS-384", subscribers=160, wapShare=0.5];
  r -- core [rate="100Mbps", delay="1ms"]; s -- core [rate="100Mbps", delay="1ms"];
  ppg -- core [rate="100Mbps", delay="1ms"]; smsc -- core [rate="100Mbps", delay="1ms"];
  w -- core [rate="100Mbps", delay="1ms"];
  g -- core [rate="8Mbps", delay="2ms"]; u -- core [rate="8Mbps", delay="2ms"];
})";
        const MmsScenario scenario = Parsed(text, "mixed");
        MmsScenarioHelper builder;
        builder.SetHandsetsOnDemand(m_onDemand);
        SteadyTraffic(builder, 3);
        // Messages a WAP 1.x handset can send unsegmented (below MaxInvokeSize).
        builder.SetTrafficModelAttribute("MaxMessageSize", UintegerValue(60000));
        const std::string path = CreateTempDirFilename("mms-mixed-stacks.sqlite");
        Ptr<MmsSqliteRecorder> recorder;
        if (record)
        {
            for (const char* suffix : {"", "-wal", "-shm"})
            {
                std::remove((path + suffix).c_str());
            }
            std::string error;
            recorder = CreateObject<MmsSqliteRecorder>();
            recorder->SetAttribute("Path", StringValue(path));
            recorder->SetAttribute("RecordTransactions", BooleanValue(true));
            NS_ABORT_MSG_UNLESS(recorder->Open(error), error);
            builder.SetRecorder(recorder);
        }
        builder.Install(scenario);
        builder.AssignStreams(11);
        Run run;
        for (const auto& relay : builder.GetRelays())
        {
            relay->TraceConnectWithoutContext("NotificationQueued",
                                              MakeBoundCallback(&OnQueued, &run));
        }
        Ptr<MmsSubscriberPool> pool = builder.GetSubscriberPool();
        if (pool)
        {
            run.pool = PeekPointer(pool);
            pool->TraceConnectWithoutContext("UserAgentCreated",
                                             MakeBoundCallback(&OnUserAgent, &run));
            pool->TraceConnectWithoutContext("HandsetCreated", MakeBoundCallback(&OnHandset, &run));
        }
        else
        {
            ApplicationContainer uas = builder.GetUserAgents();
            for (uint32_t i = 0; i < uas.GetN(); ++i)
            {
                OnUserAgent(&run, DynamicCast<MmsUserAgent>(uas.Get(i)));
            }
        }
        builder.StopTraffic(Seconds(600));
        Simulator::Stop(Seconds(600 + 3600));
        Simulator::Run();
        Ptr<MmsWapGateway> gateway =
            DynamicCast<MmsWapGateway>(builder.GetNode("w")->GetApplication(0));
        run.gateway = gateway->GetCounters();
        run.openSessions = gateway->GetSessionCount();
        if (pool)
        {
            run.stats = pool->GetStatistics();
        }
        if (recorder)
        {
            recorder->Close();
        }
        Simulator::Destroy();
        RngSeedManager::SetRun(1);
        if (record)
        {
            MmsSqliteDatabase db;
            std::string error;
            NS_ABORT_MSG_UNLESS(db.OpenReadOnly(path, error), error);
            run.wspRows = db.QueryInt("SELECT count(*) FROM \"transaction\" WHERE element LIKE "
                                      "'ua:%' AND type LIKE 'WSP %'");
            run.httpRows = db.QueryInt("SELECT count(*) FROM \"transaction\" WHERE element LIKE "
                                       "'ua:%' AND type NOT LIKE 'WSP %'");
            run.gatewayRows =
                db.QueryInt("SELECT count(*) FROM \"transaction\" WHERE element = 'w'");
            const std::string g = db.QueryText("SELECT value FROM run_attribute WHERE name = "
                                               "'g/wapHandsets'");
            run.wapHandsets = g.empty() ? -1 : std::stoll(g);
        }
        return run;
    }

    void DoRun() override
    {
        Run a = Simulate(3, true);
        std::ostringstream os;
        os << a.accepted.size() << " (message, recipient) pairs accepted, " << a.retrieved.size()
           << " retrieved; transaction rows: " << a.wspRows << " WSP, " << a.httpRows
           << " HTTP from handsets, " << a.gatewayRows << " from the gateway; " << a.wtpInvokes
           << " WTP Invokes from pool handsets, " << a.gateway.sessions << " WSP sessions ("
           << a.gateway.disconnects << " disconnected)";
        std::cout << "    " << os.str() << "\n";
        NS_TEST_EXPECT_MSG_GT(a.accepted.size(), 50u, "a loaded run: " << os.str());
        NS_TEST_EXPECT_MSG_EQ(
            (a.accepted == a.retrieved),
            true,
            "every accepted (message, recipient) retrieved, nothing else: " << os.str());
        NS_TEST_EXPECT_MSG_GT(a.wspRows, 0, "WAP 1.x requests recorded: " << os.str());
        NS_TEST_EXPECT_MSG_GT(a.httpRows, 0, "WAP 2.0 requests recorded: " << os.str());
        NS_TEST_EXPECT_MSG_GT(a.gatewayRows, 0, "the gateway's requests recorded: " << os.str());
        NS_TEST_EXPECT_MSG_EQ(a.wapHandsets, 80, "cell g: all 80 WAP 1.x (recorded)");
        NS_TEST_EXPECT_MSG_GT(a.agents, 50u, "User Agents seen");
        NS_TEST_EXPECT_MSG_EQ(a.wrongStack, 0u, "every User Agent has its subscriber's stack");
        if (!m_onDemand)
        {
            NS_TEST_EXPECT_MSG_EQ(a.wsp.size(), 80u + 80u, "80 of g's 80, 80 of u's 160");
        }
        if (m_onDemand)
        {
            NS_TEST_EXPECT_MSG_GT(a.wtpInvokes, 100u, "pool handsets spoke WTP: " << os.str());
            // The WSP session is the binding's: closed (Disconnect) when the handset is released.
            NS_TEST_EXPECT_MSG_GT(a.gateway.sessions, 50u, "sessions opened");
            NS_TEST_EXPECT_MSG_EQ(a.gateway.disconnects,
                                  a.gateway.sessions,
                                  "every binding's session ended by its Disconnect");
            NS_TEST_EXPECT_MSG_EQ(a.openSessions, 0u, "no session left at the gateway");
            NS_TEST_EXPECT_MSG_EQ(a.stats.boundNow, 0u, "every binding ended");
            NS_TEST_EXPECT_MSG_EQ(a.stats.activeNow, 0u, "every User Agent retired");
            NS_TEST_EXPECT_MSG_EQ(a.tidsReused,
                                  0u,
                                  "no WTP TID of one subscriber used again by another on the "
                                  "same handset");
            // The same run without the results recorder: recording changes nothing (it samples
            // the cells' statistics, which once advanced their jobs' remaining work).
            Run b = Simulate(3, false);
            NS_TEST_EXPECT_MSG_EQ(
                (a.deliveries == b.deliveries), true, "same run, same deliveries, recorded or not");
            Run c = Simulate(4, false);
            NS_TEST_EXPECT_MSG_EQ((a.deliveries == c.deliveries), false, "another run differs");
        }
    }

    bool m_onDemand;
};

/// Handsets on demand with a limit of bound handsets per cell: refusals, then retries succeed.
class MmsScenarioOnDemandLimitTestCase : public TestCase
{
  public:
    MmsScenarioOnDemandLimitTestCase()
        : TestCase("Handsets on demand: beyond MaxBoundHandsets an attempt is refused and retried; "
                   "every message still ends in a terminal state")
    {
    }

  private:
    static void OnRefused(
        uint32_t* n, const std::string&, uint32_t, uint32_t handset, Ipv4Address a)
    {
        NS_ASSERT(handset == UINT32_MAX && a == Ipv4Address::GetZero());
        (*n)++;
    }

    void DoRun() override
    {
        MmsScenario scenario;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(scenario.Parse(TWO_RELAYS, "two", errors), true, "parses");
        Config::SetDefault("ns3::MmsSubscriberPool::MaxBoundHandsets", UintegerValue(1));
        MmsScenarioHelper builder;
        SteadyTraffic(builder, 12);
        builder.SetSmscAttribute("LossProbability", DoubleValue(0));
        builder.SetHandsetsOnDemand(true);
        builder.Install(scenario);
        builder.AssignStreams(7);
        Config::SetDefault("ns3::MmsSubscriberPool::MaxBoundHandsets", UintegerValue(0));
        uint32_t refused = 0;
        builder.GetSubscriberPool()->TraceConnectWithoutContext(
            "Refused", MakeBoundCallback(&OnRefused, &refused));
        builder.StopTraffic(Seconds(1800));
        Simulator::Stop(Seconds(1800 + 7200));
        Simulator::Run();
        MmsSubscriberPool::Statistics st = builder.GetSubscriberPool()->GetStatistics();
        NS_TEST_EXPECT_MSG_GT(refused, 0u, "one bound handset per cell is not enough");
        NS_TEST_EXPECT_MSG_EQ(uint64_t{refused}, st.refusals, "each refusal traced");
        // SMS bindings are never refused but count: the peak may pass the limit.
        NS_TEST_EXPECT_MSG_LT(st.peakBound, 14u, "fewer bound than subscribers");
        for (const auto& relay : builder.GetRelays())
        {
            const MmsRelay::Counters& c = relay->GetCounters();
            NS_TEST_EXPECT_MSG_GT(c.retrieved, 10u, "each Relay delivers messages");
            NS_TEST_EXPECT_MSG_EQ(c.recipients,
                                  c.retrieved + c.rejected + c.expired + c.failed
                                      + relay->GetPendingRecipients(),
                                  "every accepted (message, recipient) pair is accounted for");
        }
        NS_TEST_EXPECT_MSG_EQ(st.boundNow, 0u, "every binding ended");
        Simulator::Destroy();
    }
};

/// SMS by number: notifications reach subscribers without a handset through their cell.
class MmsSmsByNumberTestCase : public TestCase
{
  public:
    MmsSmsByNumberTestCase()
        : TestCase("Handsets on demand: a notification SMS reaches its recipient by number "
                   "through the cell, paged, without binding a handset")
    {
    }

  private:
    /// What the run saw.
    struct Seen
    {
        uint32_t smsAtUserAgents{0};           //!< SmsReceived at User Agents
        uint32_t smsWithoutHandset{0};         //!< ... whose User Agent had no handset
        uint32_t delivered{0};                 //!< SMSC SmsDelivered
        Time shortest{Seconds(1e9)};           //!< least SMSC attempt to RP-ACK
        std::map<std::string, Time> attempt;   //!< SMSC reference -> time of the last attempt
        std::vector<Ptr<MmsUserAgent>> agents; //!< every User Agent made
    };

    static void OnSms(Seen* seen, Ptr<MmsUserAgent> ua, const MmsEvent&)
    {
        seen->smsAtUserAgents++;
        seen->smsWithoutHandset += ua->HasHandset() ? 0 : 1;
    }

    static void OnUserAgent(Seen* seen, Ptr<MmsUserAgent> ua)
    {
        ua->TraceConnectWithoutContext("SmsReceived", MakeBoundCallback(&OnSms, seen, ua));
    }

    static std::string Reference(const MmsEvent& e)
    {
        return e.detail.substr(0, e.detail.find(' '));
    }

    static void OnSmsSent(Seen* seen, const MmsEvent& e)
    {
        seen->attempt[Reference(e)] = Simulator::Now();
    }

    static void OnSmsDelivered(Seen* seen, const MmsEvent& e)
    {
        seen->delivered++;
        seen->shortest = std::min(seen->shortest, Simulator::Now() - seen->attempt[Reference(e)]);
    }

    void DoRun() override
    {
        const char* text = R"(graph sms {
  r [kind=relay]; s [kind=server]; ppg [kind=ppg]; smsc [kind=smsc]; core [kind=router];
  u [kind=cell, bearer="UMTS-384", subscribers=40];
  r -- core [rate="100Mbps", delay="1ms"]; s -- core [rate="100Mbps", delay="1ms"];
  ppg -- core [rate="100Mbps", delay="1ms"]; smsc -- core [rate="100Mbps", delay="1ms"];
  u -- core [rate="8Mbps", delay="2ms"];
})";
        MmsScenario scenario;
        std::vector<std::string> errors;
        NS_TEST_ASSERT_MSG_EQ(scenario.Parse(text, "sms", errors), true, "parses");
        MmsScenarioHelper builder;
        builder.SetHandsetsOnDemand(true);
        SteadyTraffic(builder, 3);
        // Every retrieval deferred beyond the end: recipients only get their notification.
        builder.SetTrafficModelAttribute("DeferredShare", DoubleValue(1));
        builder.SetUserAgentAttribute("DeferredDelay",
                                      StringValue("ns3::ConstantRandomVariable[Constant=1e6]"));
        builder.SetSmscAttribute("LossProbability", DoubleValue(0));
        builder.Install(scenario);
        builder.AssignStreams(5);
        Seen seen;
        Ptr<MmsSubscriberPool> pool = builder.GetSubscriberPool();
        pool->TraceConnectWithoutContext("UserAgentCreated",
                                         MakeBoundCallback(&OnUserAgent, &seen));
        Ptr<MmsSmsc> smsc = DynamicCast<MmsSmsc>(builder.GetNode("smsc")->GetApplication(0));
        NS_TEST_ASSERT_MSG_NE(smsc, nullptr, "the SMSC");
        smsc->TraceConnectWithoutContext("SmsSent", MakeBoundCallback(&OnSmsSent, &seen));
        smsc->TraceConnectWithoutContext("SmsDelivered", MakeBoundCallback(&OnSmsDelivered, &seen));
        builder.StopTraffic(Seconds(1200));
        Simulator::Stop(Seconds(1800));
        Simulator::Run();
        const MmsSubscriberPool::Statistics st = pool->GetStatistics();
        NS_TEST_EXPECT_MSG_GT(seen.delivered, 20u, "notifications were delivered");
        NS_TEST_EXPECT_MSG_EQ(seen.smsAtUserAgents, seen.delivered, "each SMS received once");
        // A recipient binds only to answer (its M-NotifyResp.ind, deferred): an SMS reaching it
        // while it is bound goes to its handset; the others go by number, without a handset.
        NS_TEST_EXPECT_MSG_GT(st.smsByNumber * 2, uint64_t{seen.delivered}, "most by number");
        NS_TEST_EXPECT_MSG_GT(seen.smsWithoutHandset * 2, seen.delivered, "most without a handset");
        NS_TEST_EXPECT_MSG_LT(st.smsByNumber, uint64_t{seen.delivered} + 1, "none counted twice");
        // Core delay, then (paged in Idle) at least the cell's shortest SMS transfer (1 s) and
        // report (0.3 s) before the SMSC has the RP-ACK.
        NS_TEST_EXPECT_MSG_GT(seen.shortest, Seconds(1.3), "the cell's signalling delays");
        NS_TEST_EXPECT_MSG_LT(
            seen.shortest, Seconds(60), "well within the acknowledgement timeout");
        Simulator::Destroy();
    }
};

/// The OnOff process kept in subscriber records: the alternating renewal process a User Agent
/// runs, observed lazily.
class MmsSubscriberSwitchingTestCase : public TestCase
{
  public:
    MmsSubscriberSwitchingTestCase()
        : TestCase("Subscriber records switch off and on, and leave coverage, as a User Agent's "
                   "and a handset's processes would: shares at 200 s and 1,800 s against the "
                   "alternating renewal process")
    {
    }

  private:
    /// Share of the records switched off now. \param pool the pool \param share out
    static void Look(Ptr<MmsSubscriberPool> pool, double* share, double* outShare, double* both)
    {
        uint32_t off = 0;
        uint32_t out = 0;
        uint32_t unreachable = 0;
        const uint32_t n = pool->GetN() - 10;
        for (uint32_t i = 0; i < n; ++i)
        {
            off += pool->IsOn(i) ? 0 : 1;
            out += pool->IsInCoverage(i) ? 0 : 1;
            unreachable += pool->IsReachable(i) ? 0 : 1;
        }
        *share = static_cast<double>(off) / n;
        *outShare = static_cast<double>(out) / n;
        *both = static_cast<double>(unreachable) / n;
    }

    void DoRun() override
    {
        const uint32_t n = 20000;
        Ptr<MmsSubscriberPool> pool = CreateObject<MmsSubscriberPool>();
        pool->SetFirstMsisdn("+447700000000");
        const uint32_t cell = pool->AddCell(
            n, MmsSubscriberPool::HandsetFactory(), MmsSubscriberPool::UserAgentFactory(), 0);
        pool->AddCell(
            10, MmsSubscriberPool::HandsetFactory(), MmsSubscriberPool::UserAgentFactory(), 0);
        Ptr<MmsUserAgent> prototype = CreateObject<MmsUserAgent>();
        prototype->SetAttribute("OnOff", BooleanValue(true));
        prototype->SetAttribute("OnTime", StringValue("ns3::ExponentialRandomVariable[Mean=600]"));
        prototype->SetAttribute("OffTime", StringValue("ns3::ExponentialRandomVariable[Mean=300]"));
        prototype->AssignStreams(11);
        pool->SetSwitching(cell, prototype);
        Ptr<MmsRadioBearerNetDevice> device = CreateObject<MmsRadioBearerNetDevice>();
        device->SetAttribute("InCoverageTime",
                             StringValue("ns3::ExponentialRandomVariable[Mean=600]"));
        device->SetAttribute("OutOfCoverageTime",
                             StringValue("ns3::ExponentialRandomVariable[Mean=300]"));
        device->AssignStreams(40);
        pool->SetCoverage(cell, device);
        double early = -1;
        double late = -1;
        double earlyOut = -1;
        double lateOut = -1;
        double earlyBoth = -1;
        double lateBoth = -1;
        Simulator::Schedule(Seconds(200), &Look, pool, &early, &earlyOut, &earlyBoth);
        Simulator::Schedule(Seconds(1800), &Look, pool, &late, &lateOut, &lateBoth);
        Simulator::Run();
        // Everyone starts on; off with probability a/(a+b) (1 - exp(-(a+b) t)), a = 1/600 and
        // b = 1/300 per second (leaving on, leaving off): 0.2107 at 200 s, 1/3 at 1,800 s. The
        // tolerance is six standard deviations of a share of 20,000 (0.0033).
        const double a = 1.0 / 600;
        const double b = 1.0 / 300;
        auto expected = [&](double t)
        {
            return a / (a + b) * (1 - std::exp(-(a + b) * t));
        };
        NS_TEST_EXPECT_MSG_EQ_TOL(early, expected(200), 0.02, "off at 200 s");
        NS_TEST_EXPECT_MSG_EQ_TOL(late, expected(1800), 0.02, "off at 1,800 s");
        // Coverage: the same law, drawn independently (its own streams).
        NS_TEST_EXPECT_MSG_EQ_TOL(earlyOut, expected(200), 0.02, "out of coverage at 200 s");
        NS_TEST_EXPECT_MSG_EQ_TOL(lateOut, expected(1800), 0.02, "out of coverage at 1,800 s");
        auto either = [&](double t)
        {
            return 1 - (1 - expected(t)) * (1 - expected(t));
        };
        NS_TEST_EXPECT_MSG_EQ_TOL(earlyBoth, either(200), 0.02, "unreachable at 200 s");
        NS_TEST_EXPECT_MSG_EQ_TOL(lateBoth, either(1800), 0.02, "unreachable at 1,800 s");
        NS_TEST_EXPECT_MSG_EQ(pool->IsOn(n + 3), true, "a cell without the process: always on");
        pool->Dispose();
        Simulator::Destroy();
    }
};

/// A network of two MMSC sites: the recorder samples each Relay and Server apart, as
/// "relay:<vertex>" and "server:<vertex>"; the one PPG and SMSC keep their kind as name.
class MmsScenarioElementSamplesTestCase : public TestCase
{
  public:
    MmsScenarioElementSamplesTestCase()
        : TestCase("Two MMSC sites: element_sample keeps each Relay's and Server's rows apart")
    {
    }

  private:
    void DoRun() override
    {
        const MmsScenario scenario = Parsed(TWO_RELAYS, "two");
        const std::string path = CreateTempDirFilename("mms-two-sites.sqlite");
        for (const char* suffix : {"", "-wal", "-shm"})
        {
            std::remove((path + suffix).c_str());
        }
        std::string error;
        Ptr<MmsSqliteRecorder> recorder = CreateObject<MmsSqliteRecorder>();
        recorder->SetAttribute("Path", StringValue(path));
        NS_ABORT_MSG_UNLESS(recorder->Open(error), error);
        MmsScenarioHelper builder;
        SteadyTraffic(builder, 60);
        builder.SetRecorder(recorder);
        builder.Install(scenario);
        builder.AssignStreams(5);
        Simulator::Stop(Seconds(95));
        Simulator::Run();
        recorder->Close();
        Simulator::Destroy();

        MmsSqliteDatabase db;
        NS_ABORT_MSG_UNLESS(db.OpenReadOnly(path, error), error);
        std::set<std::string> names;
        MmsSqliteStatement s;
        NS_ABORT_MSG_UNLESS(db.Prepare("SELECT DISTINCT element FROM element_sample", s, error),
                            error);
        while (s.Step())
        {
            names.insert(s.ColumnText(0));
        }
        s.Finalize();
        const std::set<std::string> expected{
            "relay:r1", "relay:r2", "server:s1", "server:s2", "ppg", "smsc"};
        std::ostringstream got;
        for (const auto& n : names)
        {
            got << " " << n;
        }
        NS_TEST_EXPECT_MSG_EQ((names == expected), true, "element names:" << got.str());
        // Each element has one row per sample time: no two series merged.
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM (SELECT time, element FROM "
                                          "element_sample GROUP BY time, element HAVING "
                                          "count(*) > 1)"),
                              0,
                              "one row per element and sample time");
        const int64_t times = db.QueryInt("SELECT count(DISTINCT time) FROM element_sample");
        NS_TEST_EXPECT_MSG_GT(times, 5, "samples every 10 s for 95 s");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM element_sample"),
                              6 * times,
                              "six elements sampled at each time");
        // Each Relay's counters are its own: r1 serves cell cA's 8 subscribers, r2 cell cB's 6,
        // and each received the M-Send.req of its own cell's senders.
        for (const auto& [relay, cell] : {std::make_pair("r1", "cA"), std::make_pair("r2", "cB")})
        {
            const int64_t in =
                db.QueryInt(std::string("SELECT max(messages_in) FROM element_sample WHERE "
                                        "element = 'relay:")
                            + relay + "'");
            NS_TEST_EXPECT_MSG_GT(in, 0, relay << " received requests from cell " << cell);
        }
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM element_sample WHERE element "
                                          "LIKE 'relay:%' AND busy IS NULL"),
                              0,
                              "each Relay's rows carry its busy workers");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM element_sample WHERE element "
                                          "LIKE 'server:%' AND stored_messages IS NULL"),
                              0,
                              "each Server's rows carry its store");
        std::remove(path.c_str());
    }
};

/// The realistic population (the default): about 8% of the subscribers are switched off at
/// the start of the run (1 - the 92% paging success ratio, doc/mms.rst "Population"); the ideal
/// one has every subscriber on.
class MmsScenarioPopulationTestCase : public TestCase
{
  public:
    MmsScenarioPopulationTestCase()
        : TestCase("Population Realistic starts about 8% of the subscribers off, Ideal none")
    {
    }

  private:
    /// The share of the subscribers off after a second, with population p.
    double OffShare(const std::string& p, uint32_t& n)
    {
        MmsScenario scenario;
        std::vector<std::string> errors;
        std::string text = TWO_RELAYS;
        text.replace(text.find("subscribers=8"), 13, "subscribers=4000");
        NS_ABORT_MSG_IF(!scenario.Parse(text, "two", errors), "the scenario");
        MmsScenarioHelper builder;
        builder.SetPopulation(p);
        builder.SetTraffic(false);
        NS_ABORT_MSG_IF(!builder.Check(scenario, errors), "the scenario: " << errors.front());
        builder.Install(scenario);
        builder.AssignStreams(1);
        Ptr<MmsSubscriberPool> pool = builder.GetSubscriberPool();
        n = pool->GetN();
        uint32_t off = 0;
        Simulator::Schedule(Seconds(1),
                            [pool, &off]()
                            {
                                for (uint32_t i = 0; i < pool->GetN(); ++i)
                                {
                                    off += pool->IsOn(i) ? 0 : 1;
                                }
                            });
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Simulator::Destroy();
        return double(off) / n;
    }

    void DoRun() override
    {
        uint32_t n = 0;
        const double realistic = OffShare("Realistic", n);
        // Binomial with n = 4006 and p = 0.08: standard deviation 0.0043; 4 of them.
        NS_TEST_EXPECT_MSG_EQ_TOL(realistic, 0.08, 0.018, "off share of " << n);
        NS_TEST_EXPECT_MSG_EQ(OffShare("Ideal", n), 0.0, "nobody off");
        std::vector<std::string> errors;
        MmsScenario scenario;
        NS_ABORT_MSG_IF(!scenario.Parse(TWO_RELAYS, "two", errors), "the scenario");
        MmsScenarioHelper bad;
        bad.SetPopulation("Perfect");
        NS_TEST_EXPECT_MSG_EQ(bad.Check(scenario, errors), false, "an unknown population");
        NS_TEST_EXPECT_MSG_EQ(errors.empty() ? "" : errors.back(),
                              "MmsPopulation: \"Perfect\" is not a population (Realistic or Ideal)",
                              "named");
    }
};

/// The suite.
class MmsScenarioNetworkTestSuite : public TestSuite
{
  public:
    MmsScenarioNetworkTestSuite()
        : TestSuite("mms-scenario-network", Type::SYSTEM)
    {
        AddTestCase(new MmsScenarioNetworkBuildTestCase);
        AddTestCase(new MmsScenarioNetworkTrafficTestCase(false, false));
        AddTestCase(new MmsScenarioNetworkTrafficTestCase(true, false));
        AddTestCase(new MmsScenarioNetworkTrafficTestCase(false, true));
        AddTestCase(new MmsScenarioNetworkTrafficTestCase(true, true));
        AddTestCase(new MmsSubscriberSwitchingTestCase);
        AddTestCase(new MmsSmsByNumberTestCase);
        AddTestCase(new MmsScenarioOnDemandTestCase);
        AddTestCase(new MmsScenarioOnDemandLimitTestCase);
        AddTestCase(new MmsScenarioMixedStacksTestCase(true));
        AddTestCase(new MmsScenarioMixedStacksTestCase(false));
        AddTestCase(new MmsScenarioPopulationTestCase);
        AddTestCase(new MmsScenarioElementSamplesTestCase);
    }
};

static MmsScenarioNetworkTestSuite g_mmsScenarioNetworkTestSuite;
