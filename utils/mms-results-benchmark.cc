/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// What recording results costs: the same busy scenario (handsets on UMTS-384 cells sending
// photos to each other, Poisson, SMS notifications, immediate retrieval, delivery reports) run
// without a recorder, with the default recorder (message, delivery and SMS rows, samples every
// 10 s) and with full recording (plus one row per request/response exchange and samples every
// second). Runs are interleaved and repeated; the median wall-clock time of each mode and its
// ratio to the run without recording are printed, with the rows written and the file size.
//
//   mms-results-benchmark [--handsets=1000] [--rate=4] [--traffic=1800] [--repeat=3]
//                         [--bearer=UMTS-384] [--dir=/tmp]

#include "ns3/core-module.h"
#include "ns3/mms-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{
enum Mode
{
    NONE,
    DEFAULT,
    FULL,
};

const char* const MODE_NAMES[] = {"no recording", "default recording", "full recording"};

struct Outcome
{
    double wall{0};
    uint64_t events{0};
    uint64_t rows{0};
    uint64_t retrieved{0};
    double fileMiB{0};
};

uint64_t g_retrieved = 0;

void
OnRetrieved(const MmsEvent&)
{
    g_retrieved++;
}

Outcome
RunOnce(Mode mode,
        uint32_t handsets,
        double rate,
        double traffic,
        const std::string& bearer,
        const std::string& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        std::remove((path + suffix).c_str());
    }
    Outcome o;
    g_retrieved = 0;
    auto t0 = std::chrono::steady_clock::now();
    {
        Ptr<MmsSqliteRecorder> recorder;
        if (mode != NONE)
        {
            recorder = CreateObject<MmsSqliteRecorder>();
            recorder->SetAttribute("Path", StringValue(path));
            recorder->SetAttribute("Scenario", StringValue("mms-results-benchmark"));
            if (mode == FULL)
            {
                recorder->SetAttribute("RecordTransactions", BooleanValue(true));
                recorder->SetAttribute("SampleInterval", TimeValue(Seconds(1)));
            }
            std::string error;
            if (!recorder->Open(error))
            {
                std::cerr << "mms-results-benchmark: " << error << "\n";
                std::exit(2);
            }
        }
        RngSeedManager::SetRun(1);
        MmsNetworkHelper network;
        network.SetRadioAccess(bearer);
        network.CreateCore(true);
        NodeContainer nodes = network.CreateHandsets(handsets);
        MmsHelper mms;
        mms.SetUserAgentAttribute("Traffic", BooleanValue(true));
        mms.SetUserAgentAttribute("InterArrival",
                                  StringValue("ns3::ExponentialRandomVariable[Mean="
                                              + std::to_string(3600.0 / rate) + "]"));
        mms.SetUserAgentAttribute("MessageSize",
                                  StringValue("ns3::UniformRandomVariable[Min=5000|Max=40000]"));
        mms.SetUserAgentAttribute("DeliveryReport", BooleanValue(true));
        mms.InstallCore(network.GetRelayNode(),
                        network.GetServerNode(),
                        network.GetPpgNode(),
                        network.GetSmscNode());
        ApplicationContainer uas = mms.InstallUserAgents(nodes);
        uas.Stop(Seconds(traffic));
        mms.AssignStreams(1);
        network.AssignStreams(100000);
        mms.GetRelay()->TraceConnectWithoutContext("Retrieved", MakeCallback(&OnRetrieved));
        if (recorder)
        {
            recorder->ConnectAll();
        }
        Simulator::Stop(Seconds(traffic + 600));
        Simulator::Run();
        o.events = Simulator::GetEventCount();
        if (recorder)
        {
            recorder->Close();
            o.rows = recorder->GetRowsWritten();
        }
        Simulator::Destroy();
    }
    o.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    o.retrieved = g_retrieved;
    struct stat st;
    if (mode != NONE && stat(path.c_str(), &st) == 0)
    {
        o.fileMiB = st.st_size / 1048576.0;
    }
    return o;
}
} // namespace

int
main(int argc, char* argv[])
{
    uint32_t handsets = 1000;
    double rate = 4;
    double traffic = 1800;
    uint32_t repeat = 3;
    std::string bearer = "UMTS-384";
    std::string dir = "/tmp";
    MmsCommandLine cmd(__FILE__); // exits with status 2 on a bad argument
    cmd.AddValue(
        "handsets", "Handsets (500 per cell)", handsets, MmsCommandLine::Positive<uint32_t>());
    cmd.AddValue("rate",
                 "Messages per handset per hour",
                 rate,
                 [](const double& r)
                 {
                     // The mean gap, 3600 / rate seconds, must be a number too.
                     return r > 0 && std::isfinite(3600 / r) ? std::string()
                                                             : "expected a positive number";
                 });
    cmd.AddValue("traffic",
                 "Seconds of traffic (then 600 s to drain)",
                 traffic,
                 MmsCommandLine::Positive<double>());
    cmd.AddValue("repeat",
                 "Runs of each mode (interleaved); the median is reported",
                 repeat,
                 MmsCommandLine::Positive<uint32_t>());
    cmd.AddValue("bearer", "Bearer profile of the cells", bearer, MmsCommandLine::BearerPreset());
    cmd.AddValue("dir",
                 "Folder for the results files (deleted after each run)",
                 dir,
                 MmsCommandLine::Folder());
    cmd.Parse(argc, argv);

    std::string path = dir + "/mms-results-benchmark-" + std::to_string(getpid()) + ".sqlite";
    std::vector<Outcome> outcomes[3];
    for (uint32_t r = 0; r < repeat; ++r)
    {
        for (Mode m : {NONE, DEFAULT, FULL})
        {
            outcomes[m].push_back(RunOnce(m, handsets, rate, traffic, bearer, path));
        }
    }
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        std::remove((path + suffix).c_str());
    }
    auto median = [](std::vector<Outcome> v)
    {
        std::sort(v.begin(),
                  v.end(),
                  [](const Outcome& a, const Outcome& b)
                  {
                      return a.wall < b.wall;
                  });
        return v[v.size() / 2];
    };
    Outcome base = median(outcomes[NONE]);
    std::cout << handsets << " handsets on " << bearer << " cells, " << rate
              << " messages per handset per hour for " << traffic << " s (+600 s), "
              << base.retrieved << " retrievals, " << base.events << " events; median of " << repeat
              << " interleaved runs\n\n";
    std::cout << std::left << std::setw(20) << "mode" << std::right << std::setw(10) << "wall s"
              << std::setw(10) << "ratio" << std::setw(12) << "rows" << std::setw(12) << "file MiB"
              << std::setw(12) << "us/row"
              << "  all runs (s)\n";
    for (Mode m : {NONE, DEFAULT, FULL})
    {
        Outcome o = median(outcomes[m]);
        std::cout << std::left << std::setw(20) << MODE_NAMES[m] << std::right << std::fixed
                  << std::setprecision(2) << std::setw(10) << o.wall << std::setprecision(3)
                  << std::setw(10) << o.wall / base.wall << std::setw(12) << o.rows
                  << std::setprecision(1) << std::setw(12) << o.fileMiB << std::setw(12)
                  << (o.rows ? (o.wall - base.wall) * 1e6 / o.rows : 0.0) << " ";
        for (const Outcome& x : outcomes[m])
        {
            std::cout << " " << std::setprecision(2) << x.wall;
        }
        std::cout << "\n";
    }
    std::cout << "\nratio: wall time against the run without recording, measured in this process;"
                 " us/row: extra wall microseconds per row written.\n";
    return 0;
}
