/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Cost of the packet-level simulation per delivered MMS: events, wall-clock microseconds and
// memory, for a population of handsets each sending messages to random others (immediate
// retrieval, SMS notifications, 29,696-octet photos over 384 kbit/s links), with the
// scheduler's raw rate for empty events measured in the same run as the baseline.
//
//   mms-delivery-benchmark [--handsets=100,1000] [--messages=2] [--size=29696]

#include "mms-benchmark-measures.h"

#include "ns3/core-module.h"
#include "ns3/mms-module.h"
#include "ns3/network-module.h"

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{
uint64_t g_retrieved = 0;

void
OnRetrieved(const MmsEvent&)
{
    g_retrieved++;
}
} // namespace

int
main(int argc, char* argv[])
{
    std::string handsetList = "100,1000";
    uint32_t messages = 2;
    uint32_t size = 29696;
    MmsCommandLine cmd(__FILE__); // exits with status 2 on a bad argument
    cmd.AddValue("handsets",
                 "Comma-separated population sizes",
                 handsetList,
                 MmsCommandLine::WholeNumbers(1, 4294967295ULL));
    cmd.AddValue("messages",
                 "Messages each handset sends (Poisson within the first hour)",
                 messages,
                 MmsCommandLine::Positive<uint32_t>());
    cmd.AddValue("size", "Media octets per message", size);
    cmd.Parse(argc, argv);

    double rate = MmsBenchmarkEmptyEventRate(5000000);
    std::cout << "baseline: scheduler runs " << std::fixed << std::setprecision(2) << rate / 1e6
              << " M empty events/s (1,000 pending)\n\n";
    std::cout << std::setw(9) << "handsets" << std::setw(11) << "delivered" << std::setw(13)
              << "events/MMS" << std::setw(13) << "us/MMS" << std::setw(14) << "x empty event"
              << std::setw(10) << "wall s" << std::setw(14) << "peak RSS MiB" << std::setw(14)
              << "KiB/handset"
              << "\n";
    std::stringstream list(handsetList);
    std::string item;
    while (std::getline(list, item, ','))
    {
        const auto n = static_cast<uint32_t>(std::stoul(item)); // checked with the command line
        uint64_t peak0;
        uint64_t rss0;
        MmsBenchmarkMemory(peak0, rss0);
        g_retrieved = 0;
        auto t0 = std::chrono::steady_clock::now();
        uint64_t events = 0;
        {
            MmsNetworkHelper network;
            network.CreateCore(true);
            NodeContainer handsets = network.CreateHandsets(n);
            MmsHelper mms;
            mms.SetUserAgentAttribute("Traffic", BooleanValue(true));
            std::ostringstream ia;
            ia << "ns3::ExponentialRandomVariable[Mean=" << 3600.0 / messages << "]";
            mms.SetUserAgentAttribute("InterArrival", StringValue(ia.str()));
            mms.SetUserAgentAttribute(
                "MessageSize",
                StringValue("ns3::ConstantRandomVariable[Constant=" + std::to_string(size) + "]"));
            mms.SetSmscAttribute("LossProbability", DoubleValue(0));
            mms.SetSmscAttribute("ServiceRate", DoubleValue(10000));
            mms.InstallCore(network.GetRelayNode(),
                            network.GetServerNode(),
                            network.GetPpgNode(),
                            network.GetSmscNode());
            ApplicationContainer uas = mms.InstallUserAgents(handsets);
            uas.Stop(Seconds(3600)); // traffic for one hour; deliveries then complete
            mms.AssignStreams(1);
            mms.GetRelay()->TraceConnectWithoutContext("Retrieved", MakeCallback(&OnRetrieved));
            Simulator::Stop(Seconds(3600 + 1800));
            Simulator::Run();
            events = Simulator::GetEventCount();
            Simulator::Destroy();
        }
        double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        uint64_t peak;
        uint64_t rss;
        MmsBenchmarkMemory(peak, rss);
        double perMms = g_retrieved ? wall * 1e6 / g_retrieved : 0;
        std::cout << std::setw(9) << n << std::setw(11) << g_retrieved << std::setw(13)
                  << std::setprecision(0) << (g_retrieved ? double(events) / g_retrieved : 0)
                  << std::setw(13) << std::setprecision(1) << perMms << std::setw(14)
                  << std::setprecision(0) << perMms * rate / 1e6 << std::setw(10)
                  << std::setprecision(2) << wall << std::setw(14) << std::setprecision(1)
                  << peak / 1024.0 << std::setw(14) << std::setprecision(1)
                  << double(peak - std::min(peak, peak0)) / n << "\n";
    }
    std::cout << "\nus/MMS: wall-clock microseconds per retrieved (message, recipient) pair; "
                 "x empty event: that cost in empty-event times of this run's baseline; "
                 "KiB/handset: growth of the peak RSS over the run, per handset.\n";
    return 0;
}
