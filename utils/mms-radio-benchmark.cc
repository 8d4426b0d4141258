/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Cost of simulating the radio bearer model: events, wall-clock time and memory for a
// population of handsets in radio cells, each downloading files by TCP from one server behind
// the cells' gateway (Poisson arrivals per handset; by default one 30,000-octet MMS photo every
// ten minutes on UMTS R99 384 kbit/s bearers, block errors and RRC promotions on). The
// scheduler's raw rate for empty events, measured at the start of the same run, is the
// baseline the wall time per megabyte is expressed in.
//
//   mms-radio-benchmark [--handsets=100,1000,10000] [--perCell=500] [--profile=UMTS-384]
//                       [--gap=600] [--size=30000] [--duration=600] [--closer=handset]
//
// --closer: which end closes a connection first, the handset once it has the whole file
// (default) or the server once it has handed the file to TCP. That end keeps the connection in
// TIME_WAIT for 240 s (twice ns-3's MaxSegLifetime). On the server those endpoints add up (0.4
// per handset with the defaults) and ns-3's Ipv4EndPointDemux searches them linearly for every
// segment the server receives: a cost of the TCP stack that grows with the population and, with
// 10,000 handsets, more than doubles the run time; it is not the radio model's.

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mms-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <malloc.h>
#include <map>
#include <sstream>
#include <unordered_map>
#include <vector>

using namespace ns3;

namespace
{
using Clock = std::chrono::steady_clock;

double
SecondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// Resident memory of this process in KiB, from /proc/self/status: the peak so far (VmHWM)
/// and the current size (VmRSS).
struct Rss
{
    uint64_t peak{0};
    uint64_t now{0};
};

Rss
ReadRss()
{
    Rss r;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
    {
        const bool hwm = line.compare(0, 6, "VmHWM:") == 0;
        const bool rss = line.compare(0, 6, "VmRSS:") == 0;
        if (hwm || rss)
        {
            (hwm ? r.peak : r.now) = std::stoull(line.substr(6));
        }
    }
    return r;
}

void
DoNothing()
{
}

/// Empty events per wall-clock second: `total` events run in rounds of 1,000 pending ones.
double
BaselineEventRate(uint64_t total)
{
    const auto t0 = Clock::now();
    uint64_t run = 0;
    while (run < total)
    {
        for (uint32_t k = 1; k <= 1000; ++k)
        {
            Simulator::Schedule(NanoSeconds(k), &DoNothing);
        }
        Simulator::Run();
        run += 1000;
    }
    const double wall = SecondsSince(t0);
    Simulator::Destroy();
    return run / wall;
}

/// What one population's run observed.
struct Observed
{
    uint64_t started{0};       //!< downloads whose arrival came inside the simulated time
    uint64_t completed{0};     //!< downloads whose last octet reached the handset's sink
    uint64_t connectFailed{0}; //!< server: connection attempts that gave up
    uint64_t serverErrors{0};  //!< server: connections closed by an error
    uint64_t handsetErrors{0}; //!< handset: connections closed by an error
    uint64_t promotions{0};    //!< RRC promotions to Cell_DCH
    double downloadSeconds{0}; //!< sum of arrival-to-last-octet times of completed downloads
    std::map<std::string, uint64_t> drops; //!< radio drops by reason
};

/// The world the event handlers use (one population at a time).
struct Traffic
{
    Ptr<Node> server;
    std::vector<Ipv4Address> address;  //!< of each handset
    std::vector<Ptr<PacketSink>> sink; //!< of each handset
    std::vector<bool> sinkHooked;      //!< its close callbacks replaced
    Ptr<ExponentialRandomVariable> gap;
    Time end;
    uint32_t size{0};
    bool handsetCloses{false};

    /// A download in progress.
    struct Download
    {
        Time start;
        uint32_t received{0};
    };

    std::unordered_map<uint64_t, Download> downloads; //!< by (handset index, server port)
};

Observed g_seen;
Traffic g_traffic;

uint64_t
DownloadKey(uint32_t handset, uint16_t serverPort)
{
    return (uint64_t(handset) << 16) | serverPort;
}

void
OnDrop(Ptr<const Packet>, uint32_t, const std::string& reason)
{
    g_seen.drops[reason]++;
}

void
OnPromotion(MmsRrcStateMachine::State, Time)
{
    g_seen.promotions++;
}

/// The peer closed the connection (its FIN arrived): close ours at once. The sink's sockets
/// need this when the server closes: a PacketSink never closes them (they would stay in
/// CLOSE_WAIT, the server's in FIN_WAIT_2, with their endpoints, for ever); the server's when
/// the handset closes.
void
CloseOnPeerClose(Ptr<Socket> socket)
{
    socket->ShutdownSend();
}

/// Handset `i`'s sink read `packet` from the connection of `from`.
void
OnSinkRx(uint32_t i, Ptr<const Packet> packet, const Address& from)
{
    Traffic& t = g_traffic;
    const uint16_t port = InetSocketAddress::ConvertFrom(from).GetPort();
    auto it = t.downloads.find(DownloadKey(i, port));
    if (it == t.downloads.end())
    {
        return;
    }
    it->second.received += packet->GetSize();
    if (it->second.received < t.size)
    {
        return;
    }
    g_seen.completed++;
    g_seen.downloadSeconds += (Simulator::Now() - it->second.start).GetSeconds();
    t.downloads.erase(it);
    if (!t.handsetCloses)
    {
        return;
    }
    // The whole file is in: close the sink's socket of this connection (the sink reads on
    // after this trace, and finds nothing more).
    for (const Ptr<Socket>& s : t.sink[i]->GetAcceptedSockets())
    {
        Address peer;
        if (s->GetPeerName(peer) == 0 && InetSocketAddress::ConvertFrom(peer).GetPort() == port)
        {
            s->Close();
            break;
        }
    }
}

void
OnHandsetError(Ptr<Socket>)
{
    g_seen.handsetErrors++;
}

void
OnServerConnected(Ptr<Socket> socket)
{
    socket->Send(Create<Packet>(g_traffic.size));
    if (!g_traffic.handsetCloses)
    {
        socket->Close(); // the FIN follows the data
    }
}

void
OnServerConnectFailed(Ptr<Socket>)
{
    g_seen.connectFailed++;
}

void
OnServerError(Ptr<Socket>)
{
    g_seen.serverErrors++;
}

void
Ignore(Ptr<Socket>)
{
}

/// A download arrives for handset `i`: the server opens a connection to its sink and sends
/// the file; the next arrival of that handset is drawn.
void
Arrival(uint32_t i)
{
    Traffic& t = g_traffic;
    if (!t.sinkHooked[i])
    {
        // Accepted sockets inherit the listening socket's close callbacks; the sink set its
        // own when it started (at time 0, before any arrival).
        t.sink[i]->GetListeningSocket()->SetCloseCallbacks(
            t.handsetCloses ? MakeCallback(&Ignore) : MakeCallback(&CloseOnPeerClose),
            MakeCallback(&OnHandsetError));
        t.sinkHooked[i] = true;
    }
    Ptr<Socket> s = Socket::CreateSocket(t.server, TcpSocketFactory::GetTypeId());
    s->Bind();
    Address local;
    s->GetSockName(local);
    const uint16_t port = InetSocketAddress::ConvertFrom(local).GetPort();
    t.downloads[DownloadKey(i, port)] = Traffic::Download{Simulator::Now(), 0};
    s->SetConnectCallback(MakeCallback(&OnServerConnected), MakeCallback(&OnServerConnectFailed));
    s->SetCloseCallbacks(t.handsetCloses ? MakeCallback(&CloseOnPeerClose) : MakeCallback(&Ignore),
                         MakeCallback(&OnServerError));
    s->Connect(InetSocketAddress(t.address[i], 9));
    g_seen.started++;

    const Time next = Seconds(t.gap->GetValue());
    if (Simulator::Now() + next < t.end)
    {
        Simulator::Schedule(next, &Arrival, i);
    }
}

/// Everything measured for one population.
struct Result
{
    uint32_t handsets{0};
    uint32_t cells{0};
    double simulated{0};
    uint64_t rxBytes{0};
    uint64_t events{0};
    double setupWall{0};
    double runWall{0};
    Rss beforeSetup;
    Rss afterSetup;
    Rss afterRun;
};

Result
RunPopulation(uint32_t n,
              uint32_t perCell,
              const std::string& profile,
              double gapSeconds,
              uint32_t size,
              double duration,
              bool handsetCloses)
{
    Result r;
    r.handsets = n;
    r.simulated = duration;
    g_seen = Observed();
    g_traffic = Traffic();
    malloc_trim(0); // give the previous population's memory back, so RSS growth is this one's
    r.beforeSetup = ReadRss();
    const auto setupStart = Clock::now();

    Ptr<Node> server = CreateObject<Node>();
    Ptr<Node> gateway = CreateObject<Node>();
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(server);
    stack.Install(gateway);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", TimeValue(MilliSeconds(1)));
    NetDeviceContainer link = p2p.Install(server, gateway);
    Ipv4AddressHelper linkAddresses;
    linkAddresses.SetBase("10.0.0.0", "255.255.255.252");
    Ipv4InterfaceContainer linkIfs = linkAddresses.Assign(link);
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(server->GetObject<Ipv4>())->SetDefaultRoute(linkIfs.GetAddress(1), 1);

    MmsRadioBearerHelper radio;
    radio.SetProfile(profile);
    radio.SetRrcAttribute("PdpMode", EnumValue(MmsRrcStateMachine::PDP_ALWAYS_ON));
    NodeContainer handsets;
    handsets.Create(n);
    for (uint32_t first = 0; first < n; first += perCell)
    {
        Ptr<MmsRadioCellChannel> cell = radio.CreateCell(gateway);
        NodeContainer members;
        for (uint32_t i = first; i < std::min(n, first + perCell); ++i)
        {
            members.Add(handsets.Get(i));
        }
        radio.Attach(cell, members);
        cell->TraceConnectWithoutContext("Drop", MakeCallback(&OnDrop));
    }
    r.cells = static_cast<uint32_t>(radio.GetCells().size());
    radio.AssignStreams(100);

    Traffic& t = g_traffic;
    t.server = server;
    t.size = size;
    t.handsetCloses = handsetCloses;
    t.end = Seconds(duration);
    t.gap = CreateObject<ExponentialRandomVariable>();
    t.gap->SetAttribute("Mean", DoubleValue(gapSeconds));
    t.gap->SetStream(1);
    PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sinks = sinkHelper.Install(handsets);
    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<Node> h = handsets.Get(i);
        t.address.push_back(MmsNetworkHelper::GetAddress(h));
        t.sink.push_back(DynamicCast<PacketSink>(sinks.Get(i)));
        t.sink.back()->TraceConnectWithoutContext("Rx", MakeBoundCallback(&OnSinkRx, i));
        MmsRadioBearerHelper::GetHandsetDevice(h)->GetRrc()->TraceConnectWithoutContext(
            "Promotion", MakeCallback(&OnPromotion));
        const Time first = Seconds(t.gap->GetValue());
        if (first < t.end)
        {
            Simulator::Schedule(first, &Arrival, i);
        }
    }
    t.sinkHooked.assign(n, false);
    Simulator::Stop(t.end);
    r.setupWall = SecondsSince(setupStart);
    r.afterSetup = ReadRss();

    const auto runStart = Clock::now();
    Simulator::Run();
    r.runWall = SecondsSince(runStart);
    r.events = Simulator::GetEventCount();
    r.afterRun = ReadRss();
    for (const auto& s : t.sink)
    {
        r.rxBytes += s->GetTotalRx();
    }
    g_traffic = Traffic(); // drop our references before the simulator disposes the nodes
    Simulator::Destroy();
    return r;
}

std::string
DropSummary(const std::map<std::string, uint64_t>& drops)
{
    if (drops.empty())
    {
        return "none";
    }
    std::ostringstream os;
    for (const auto& d : drops)
    {
        os << (os.tellp() > 0 ? ", " : "") << d.first << " " << d.second;
    }
    return os.str();
}
} // namespace

int
main(int argc, char* argv[])
{
    std::string handsetList = "100,1000,10000";
    uint32_t perCell = 500;
    std::string profile = "UMTS-384";
    double gap = 600;
    uint32_t size = 30000;
    double duration = 600;
    std::string closer = "handset";
    MmsCommandLine cmd(__FILE__); // exits with status 2 on a bad argument
    cmd.AddValue("handsets",
                 "Comma-separated population sizes",
                 handsetList,
                 MmsCommandLine::WholeNumbers(1, 4294967295ULL));
    cmd.AddValue(
        "perCell", "Most handsets in one cell", perCell, MmsCommandLine::Positive<uint32_t>());
    cmd.AddValue("profile",
                 "Bearer profile preset of every cell and handset",
                 profile,
                 MmsCommandLine::BearerPreset());
    cmd.AddValue("gap",
                 "Mean time between a handset's downloads (s, exponential)",
                 gap,
                 MmsCommandLine::Positive<double>());
    cmd.AddValue("size", "Octets per download", size, MmsCommandLine::Positive<uint32_t>());
    cmd.AddValue("duration", "Simulated time (s)", duration, MmsCommandLine::Positive<double>());
    cmd.AddValue("closer",
                 "Which end closes first: server (after sending) or handset (after receiving)",
                 closer,
                 MmsCommandLine::OneOf({"server", "handset"}));
    cmd.Parse(argc, argv);

    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));

    const double rate = BaselineEventRate(5000000);
    std::cout << std::fixed << "baseline: scheduler runs " << std::setprecision(2) << rate / 1e6
              << " M empty events/s (1,000 pending)\n"
              << "traffic: " << profile << ", " << perCell << " handsets per cell, one " << size
              << "-octet TCP download per handset every " << std::setprecision(0) << gap
              << " s (Poisson), " << duration << " s simulated, the " << closer
              << " closes first\n\n";

    std::cout << std::setw(8) << "handsets" << std::setw(6) << "cells" << std::setw(7) << "sim s"
              << std::setw(9) << "MB rx" << std::setw(10) << "completed" << std::setw(12)
              << "events" << std::setw(9) << "wall s" << std::setw(10) << "events/MB"
              << std::setw(11) << "wall ms/MB" << std::setw(14) << "x empty event" << std::setw(14)
              << "ms/handset" << std::setw(13) << "s/handset-h" << std::setw(9) << "setup s"
              << std::setw(10) << "RSS0 MiB" << std::setw(10) << "RSS1 MiB" << std::setw(10)
              << "peak MiB" << std::setw(13) << "KiB/handset"
              << "\n";

    std::stringstream list(handsetList);
    for (std::string item; std::getline(list, item, ',');)
    {
        const auto n = static_cast<uint32_t>(std::stoul(item)); // checked with the command line
        const Result r =
            RunPopulation(n, perCell, profile, gap, size, duration, closer == "handset");
        const double mb = r.rxBytes / 1e6;
        const double msPerMb = mb > 0 ? r.runWall * 1e3 / mb : 0;
        const double handsetHours = n * r.simulated / 3600;
        const double kibPerHandset =
            double(r.afterSetup.now - std::min(r.afterSetup.now, r.beforeSetup.now)) / n;
        std::cout << std::setw(8) << n << std::setw(6) << r.cells << std::setw(7)
                  << std::setprecision(0) << r.simulated << std::setw(9) << std::setprecision(2)
                  << mb << std::setw(10) << g_seen.completed << std::setw(12) << r.events
                  << std::setw(9) << std::setprecision(2) << r.runWall << std::setw(10)
                  << std::setprecision(0) << (mb > 0 ? r.events / mb : 0) << std::setw(11)
                  << std::setprecision(1) << msPerMb << std::setw(14) << std::setprecision(0)
                  << msPerMb / 1e3 * rate << std::setw(14) << std::setprecision(3)
                  << r.runWall * 1e3 / n << std::setw(13) << std::setprecision(4)
                  << r.runWall / handsetHours << std::setw(9) << std::setprecision(2) << r.setupWall
                  << std::setw(10) << std::setprecision(1) << r.beforeSetup.now / 1024.0
                  << std::setw(10) << r.afterSetup.now / 1024.0 << std::setw(10)
                  << r.afterRun.peak / 1024.0 << std::setw(13) << kibPerHandset << "\n";
        std::cout << "        started " << g_seen.started << ", completed " << g_seen.completed
                  << " (mean " << std::setprecision(2)
                  << (g_seen.completed ? g_seen.downloadSeconds / g_seen.completed : 0)
                  << " s), connect failures " << g_seen.connectFailed << ", TCP errors "
                  << g_seen.serverErrors << " server / " << g_seen.handsetErrors
                  << " handset; RRC promotions " << g_seen.promotions << "; RSS after run "
                  << std::setprecision(1) << r.afterRun.now / 1024.0
                  << " MiB; radio drops: " << DropSummary(g_seen.drops) << "\n"
                  << std::flush;
    }
    std::cout << "\nMB: 10^6 octets received by the handsets' sinks. wall s: Simulator::Run "
                 "only (which includes the nodes' and sinks' start at time 0); setup s: building "
                 "the world. x empty event: wall time per MB in "
                 "empty-event times of this run's baseline. s/handset-h: wall seconds per "
                 "handset per simulated hour. RSS0/RSS1: resident memory before and after "
                 "setup; KiB/handset: their difference per handset. peak: over the process "
                 "so far.\n";
    return 0;
}
