/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Cost of operator-sized networks: for each population size, an operator scenario written by
// utils/mms-scenario-generate.py (--perCell subscribers per cell on average, one MMSC area per
// --subscribersPerMmsc subscribers (a million by default: a network of ten million has ten MMSC
// sites, as operators of that size ran several), about sqrt(cells per area) regions per area,
// the shipped traffic model at its busy hour) is built with
// MmsScenarioHelper and run for --duration seconds of traffic and --drain seconds to finish,
// with results recorded to an SQLite file in a temporary folder (deleted afterwards). Each
// size runs in a child process of its own (this program with --one=N), so that the peak
// resident memory is that size's. One line per size: load and build time, simulated seconds
// per wall-clock second, peak memory, bytes per subscriber, events and wall time per delivered
// MMS, and the wall time per delivered MMS against the smallest size; the scheduler's rate for
// empty events, measured in the same run, is the baseline. The runs use the module's event
// scheduler (MmsEventScheduler) unless --scheduler=map asks for ns-3's default, MapScheduler:
// results are the same, the cost of tens of thousands of pending events is not.
//
//   mms-operator-benchmark [--subscribers=100000,1000000] [--perCell=1000] [--duration=300]
//                          [--drain=600] [--mode=onDemand|materialised|both]
//                          [--materialisedUpTo=100000] [--regions=0]
//                          [--subscribersPerMmsc=1000000] [--record=1] [--dir=/tmp]
//                          [--scheduler=mms|map] [--rateFactor=1]
//   mms-operator-benchmark --subscribers=10000000              # ten million, 300 s
//   mms-operator-benchmark --subscribers=1000000 --duration=3600   # the whole busy hour
//   mms-operator-benchmark --subscribers=10000000 --rateFactor=0.1  # a million's traffic
//   mms-operator-benchmark --fidelity=flow --subscribers=1000000,10000000   # flow level
//   mms-operator-benchmark --fidelity=flow --newYear --duration=1800 --drain=600
//                          --subscribers=1000000,10000000      # New Year's Eve half hour

#include "mms-benchmark-measures.h"

#include "ns3/core-module.h"
#include "ns3/mms-module.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ns3;

#ifndef MMS_SOURCE_DIR
#    define MMS_SOURCE_DIR "."
#endif

namespace
{
double
Since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

uint64_t g_retrieved = 0;
std::string g_fidelity = "packet"; //!< --fidelity: the cells' fidelity
std::string g_scheduler = "mms";   //!< --scheduler: mms or map
bool g_newYear = false;            //!< --newYear: New Year's Eve instead of the busy hour
double g_spikeFactor = 6;          //!< --spikeFactor
double g_rateFactor = 1;           //!< --rateFactor

void
OnRetrieved(const MmsEvent&)
{
    g_retrieved++;
}

/// What one size measured (a child's result line, read back by the parent).
struct Outcome
{
    std::map<std::string, double> v; //!< by name
};

const char RESULT[] = "mms-operator-benchmark-result";

/// The operator scenario's DOT text, as utils/mms-scenario-generate.py writes it.
bool
Generate(uint64_t subscribers, uint32_t cells, uint32_t regions, uint32_t mmscs, std::string& text)
{
    std::ostringstream cmd;
    cmd << "python3 '" << MMS_SOURCE_DIR << "/utils/mms-scenario-generate.py' --name operator-"
        << subscribers << " --cells " << cells << " --subscribers " << subscribers << " --regions "
        << regions << " --mmscs " << mmscs;
    FILE* p = popen(cmd.str().c_str(), "r");
    if (!p)
    {
        return false;
    }
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, p)) > 0)
    {
        text.append(buffer, n);
    }
    return pclose(p) == 0 && !text.empty();
}

/// One size in this process: generate, load, build, run; print the result line.
int
RunOne(uint64_t subscribers,
       uint32_t perCell,
       uint32_t regions,
       uint64_t perMmsc,
       double duration,
       double drain,
       bool onDemand,
       bool record,
       const std::string& dir)
{
    // Fix the time resolution now: until the resolution is set or the simulation first runs,
    // ns-3 records every Time object in a set, so that it could convert them, and a build of
    // millions of subscribers would spend most of its time (and much memory) there.
    Time::SetResolution(Time::GetResolution());
    ObjectFactory scheduler(g_scheduler == "map" ? "ns3::MapScheduler" : "ns3::MmsEventScheduler");
    Simulator::SetScheduler(scheduler);
    const uint32_t cells = static_cast<uint32_t>(std::max<uint64_t>(1, subscribers / perCell));
    // Operator areas, each with an MMSC site of its own (a Relay, Server, PPG and SMSC) and its
    // regions, as utils/mms-scenario-generate.py --mmscs writes them.
    const uint32_t mmscs =
        perMmsc == 0 ? 1
                     : static_cast<uint32_t>(std::min<uint64_t>(
                         cells, std::max<uint64_t>(1, (subscribers + perMmsc - 1) / perMmsc)));
    if (regions == 0)
    {
        regions = static_cast<uint32_t>(
            std::max(1.0, std::round(std::sqrt(static_cast<double>(cells) / mmscs))));
    }
    auto t0 = std::chrono::steady_clock::now();
    std::string text;
    if (!Generate(subscribers, cells, regions, mmscs, text))
    {
        std::cerr << "mms-operator-benchmark: utils/mms-scenario-generate.py failed for "
                  << subscribers << " subscribers in " << cells << " cells\n";
        return 2;
    }
    const double generate = Since(t0);

    uint64_t peak;
    uint64_t rss0;
    MmsBenchmarkMemory(peak, rss0);
    t0 = std::chrono::steady_clock::now();
    MmsScenario scenario;
    std::vector<std::string> errors;
    if (!scenario.Parse(text, "operator-" + std::to_string(subscribers), errors))
    {
        for (const auto& e : errors)
        {
            std::cerr << e << "\n";
        }
        return 2;
    }
    text.clear();
    text.shrink_to_fit();
    const double load = Since(t0);

    MmsScenarioHelper builder;
    builder.SetHandsetsOnDemand(onDemand);
    builder.SetFidelity(g_fidelity);
    if (g_rateFactor != 1)
    {
        DoubleValue perHour;
        builder.GetTrafficModel()->GetAttribute("MessagesPerHour", perHour);
        builder.SetTrafficModelAttribute("MessagesPerHour",
                                         DoubleValue(perHour.Get() * g_rateFactor));
    }
    if (g_newYear)
    {
        // As mms-busy-hour --newYear: from 23:45, the spike centred on midnight.
        builder.SetTrafficModelAttribute("TimeOfDayAtStart", TimeValue(Hours(23) + Minutes(45)));
        builder.SetTrafficModelAttribute("SpikeFactor", DoubleValue(g_spikeFactor));
        builder.SetTrafficModelAttribute("SpikeCentre", TimeValue(Seconds(0)));
        builder.SetTrafficModelAttribute("SpikeHalfWidth", TimeValue(Minutes(15)));
    }
    else
    {
        builder.SetTrafficModelAttribute(
            "TimeOfDayAtStart",
            TimeValue(Seconds(builder.GetTrafficModel()->GetBusyHour() * 3600)));
    }
    if (!builder.Check(scenario, errors))
    {
        for (const auto& e : errors)
        {
            std::cerr << e << "\n";
        }
        return 2;
    }
    Ptr<MmsSqliteRecorder> recorder;
    std::string folder;
    std::string path;
    if (record)
    {
        std::string pattern = dir + "/mms-operator-benchmark-XXXXXX";
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (!mkdtemp(buf.data()))
        {
            std::cerr << "mms-operator-benchmark: --dir: cannot make a folder in " << dir << "\n";
            return 2;
        }
        folder = buf.data();
        path = folder + "/results.sqlite";
        recorder = CreateObject<MmsSqliteRecorder>();
        recorder->SetAttribute("Path", StringValue(path));
        recorder->SetAttribute("Scenario", StringValue(scenario.GetOrigin()));
        std::string error;
        if (!recorder->Open(error))
        {
            std::cerr << "mms-operator-benchmark: results file: " << error << "\n";
            return 2;
        }
        builder.SetRecorder(recorder);
    }

    t0 = std::chrono::steady_clock::now();
    builder.Install(scenario);
    builder.AssignStreams(1);
    const double build = Since(t0);
    uint64_t rssBuilt;
    MmsBenchmarkMemory(peak, rssBuilt);
    g_retrieved = 0;
    for (const auto& relay : builder.GetRelays())
    {
        relay->TraceConnectWithoutContext("Retrieved", MakeCallback(&OnRetrieved));
    }

    // The traffic period and the drain timed apart: the first gives the simulation's speed.
    builder.StopTraffic(Seconds(duration));
    t0 = std::chrono::steady_clock::now();
    const double cpu0 = MmsBenchmarkCpuSeconds();
    Simulator::Stop(Seconds(duration));
    Simulator::Run();
    const double traffic = Since(t0);
    // A signal (SIGINT, SIGTERM) or a failed write stops the run through the recorder: then no
    // drain, and no figures for a run that did not finish.
    auto stopped = [&recorder]()
    {
        return recorder && (recorder->WasInterrupted() || recorder->HasFailed());
    };
    if (!stopped())
    {
        Simulator::Stop(Seconds(drain));
        Simulator::Run();
    }
    const double run = Since(t0);
    const double cpu = MmsBenchmarkCpuSeconds() - cpu0;
    const uint64_t events = Simulator::GetEventCount();
    uint64_t rows = 0;
    double fileMiB = 0;
    if (recorder)
    {
        recorder->Close();
        rows = recorder->GetRowsWritten();
        std::ifstream f(path, std::ios::binary | std::ios::ate);
        fileMiB = f ? static_cast<double>(f.tellg()) / (1 << 20) : 0;
    }
    const bool finished = !stopped();
    const int status = finished ? 0 : recorder->HasFailed() ? 2 : 1;
    uint64_t rssEnd;
    MmsBenchmarkMemory(peak, rssEnd);
    Simulator::Destroy();
    if (!folder.empty())
    {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        {
            std::remove((path + suffix).c_str());
        }
        rmdir(folder.c_str());
    }
    if (!finished)
    {
        // The recorder said why on standard error; the parent reports the size as failed.
        return status;
    }

    std::cout << RESULT << " subscribers " << subscribers << " cells " << cells << " mmscs "
              << mmscs << " regions " << regions << " routes " << builder.GetRouteCount()
              << " generate " << generate << " load " << load << " build " << build << " traffic "
              << traffic << " run " << run << " cpu " << cpu << " simulated " << duration + drain
              << " duration " << duration << " rss0 " << rss0 << " rssBuilt " << rssBuilt
              << " rssEnd " << rssEnd << " peak " << peak << " events " << events << " delivered "
              << g_retrieved << " rows " << rows << " fileMiB " << fileMiB << std::endl;
    return 0;
}

/// Run this program with --one=N (and the same options) in a child; read its result line.
bool
RunChild(const std::vector<std::string>& args, Outcome& out)
{
    int pipeFd[2];
    if (pipe(pipeFd) != 0)
    {
        return false;
    }
    pid_t pid = fork();
    if (pid < 0)
    {
        return false;
    }
    if (pid == 0)
    {
        dup2(pipeFd[1], STDOUT_FILENO);
        close(pipeFd[0]);
        close(pipeFd[1]);
        std::vector<char*> argv;
        for (const auto& a : args)
        {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv("/proc/self/exe", argv.data());
        _exit(127);
    }
    close(pipeFd[1]);
    FILE* in = fdopen(pipeFd[0], "r");
    char line[4096];
    bool found = false;
    while (fgets(line, sizeof line, in))
    {
        std::string s(line);
        if (s.rfind(RESULT, 0) != 0)
        {
            std::cout << s; // whatever else the child printed
            continue;
        }
        std::istringstream is(s.substr(sizeof RESULT - 1));
        std::string name;
        double value;
        while (is >> name >> value)
        {
            out.v[name] = value;
        }
        found = true;
    }
    fclose(in);
    int status = 0;
    waitpid(pid, &status, 0);
    return found && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
} // namespace

int
main(int argc, char* argv[])
{
    std::string sizeList = "100000,1000000";
    uint32_t perCell = 1000;
    double duration = 300;
    double drain = 600;
    std::string mode = "onDemand";
    uint64_t materialisedUpTo = 100000;
    uint32_t regions = 0;
    uint64_t perMmsc = 1000000;
    bool record = true;
    std::string dir = "/tmp";
    uint64_t one = 0;
    bool materialised = false;
    MmsCommandLine cmd(__FILE__); // exits with status 2 on a bad argument
    cmd.AddValue("subscribers",
                 "Comma-separated population sizes",
                 sizeList,
                 MmsCommandLine::WholeNumbers(1, 4000000000ULL));
    cmd.AddValue("perCell",
                 "Subscribers per cell on average",
                 perCell,
                 MmsCommandLine::Positive<uint32_t>());
    cmd.AddValue("duration",
                 "Seconds of traffic (3600: the whole busy hour)",
                 duration,
                 MmsCommandLine::Positive<double>());
    cmd.AddValue("drain",
                 "Seconds after the traffic stops for deliveries to finish",
                 drain,
                 MmsCommandLine::AtLeast(0.0));
    cmd.AddValue("mode",
                 "onDemand (subscribers as records), materialised (a handset per subscriber, "
                 "sizes up to --materialisedUpTo) or both",
                 mode,
                 MmsCommandLine::OneOf({"onDemand", "materialised", "both"}));
    cmd.AddValue("materialisedUpTo", "Largest size run materialised", materialisedUpTo);
    cmd.AddValue("regions",
                 "Regional routers per MMSC area (0: the square root of the area's cells)",
                 regions);
    cmd.AddValue("subscribersPerMmsc",
                 "Subscribers per MMSC area: a network of N subscribers gets ceil(N / this) "
                 "areas, each with its own MMSC site, SMSC and regions (0: one MMSC whatever "
                 "the size)",
                 perMmsc);
    cmd.AddValue("record", "Record results to an SQLite file in a temporary folder", record);
    cmd.AddValue("dir", "Where the temporary results folders go", dir, MmsCommandLine::Folder());
    cmd.AddValue("one", "Run this size only, in this process (what each child does)", one);
    cmd.AddValue("materialised", "With --one: a handset per subscriber", materialised);
    cmd.AddValue("fidelity",
                 "packet or flow: the fidelity of every cell (flow: MmsFlowTransport, on demand "
                 "only)",
                 g_fidelity);
    cmd.AddValue("scheduler",
                 "Event scheduler of the runs: mms (MmsEventScheduler) or map (ns-3's default, "
                 "MapScheduler)",
                 g_scheduler,
                 MmsCommandLine::OneOf({"mms", "map"}));
    cmd.AddValue("newYear",
                 "New Year's Eve instead of the busy hour: the traffic starts at 23:45 with "
                 "--spikeFactor times the rate from 23:45 to 00:15 (--duration=1800: that half "
                 "hour)",
                 g_newYear);
    cmd.AddValue("spikeFactor",
                 "The New Year's Eve rate factor (with --newYear)",
                 g_spikeFactor,
                 MmsCommandLine::Positive<double>());
    cmd.AddValue("rateFactor",
                 "Every subscriber's MessagesPerHour times this (0.1 with ten times the "
                 "subscribers: the same traffic spread over more subscribers, to see what the "
                 "subscriber count itself costs)",
                 g_rateFactor,
                 MmsCommandLine::Positive<double>());
    cmd.Parse(argc, argv);
    if (g_fidelity != "packet" && g_fidelity != "flow")
    {
        cmd.Refuse("fidelity", "\"" + g_fidelity + "\" is not packet or flow");
    }
    if (g_fidelity == "flow" && mode != "onDemand")
    {
        cmd.Refuse("mode", "with --fidelity=flow: handsets are on demand (--mode=onDemand)");
    }
    if (one > 0)
    {
        return RunOne(one, perCell, regions, perMmsc, duration, drain, !materialised, record, dir);
    }

    std::vector<uint64_t> sizes;
    std::stringstream list(sizeList);
    std::string item;
    while (std::getline(list, item, ','))
    {
        const unsigned long long n = std::strtoull(item.c_str(), nullptr, 10); // checked
        if (n < perCell)
        {
            cmd.Refuse("subscribers",
                       item + " is fewer than --perCell (" + std::to_string(perCell) + ")");
        }
        sizes.push_back(n);
    }

    const double rate = MmsBenchmarkEmptyEventRate(5000000);
    std::cout << "baseline: scheduler runs " << std::fixed << std::setprecision(2) << rate / 1e6
              << " M empty events/s (1,000 pending)\n";
    std::cout << "each size: " << perCell << " subscribers per cell, " << duration << " s of "
              << (g_newYear ? "New Year's Eve (from 23:45)" : "busy-hour") << " traffic"
              << (g_rateFactor != 1 ? " at " + std::to_string(g_rateFactor) + " times the rate"
                                    : "")
              << " and " << drain << " s to finish, results "
              << (record ? "recorded" : "not recorded") << ", cells at " << g_fidelity << " level, "
              << (g_scheduler == "map" ? "MapScheduler" : "MmsEventScheduler") << "\n\n";
    std::cout << std::left << std::setw(13) << "mode" << std::right << std::setw(11) << "subscr"
              << std::setw(7) << "cells" << std::setw(8) << "load s" << std::setw(9) << "build s"
              << std::setw(9) << "sim/wall" << std::setw(10) << "peak MiB" << std::setw(8)
              << "B/sub" << std::setw(9) << "peak B/s" << std::setw(12) << "events" << std::setw(10)
              << "delivered" << std::setw(8) << "ev/MMS" << std::setw(8) << "ms/MMS" << std::setw(8)
              << "x empty" << std::setw(7) << "ratio" << std::setw(8) << "cpu ms" << std::setw(7)
              << "ratio" << std::setw(9) << "ev/s k" << std::setw(8) << "% empty"
              << "\n";

    std::vector<std::string> base;
    for (int i = 0; i < argc; ++i)
    {
        base.emplace_back(argv[i]);
    }
    double reference = 0;    // wall ms per delivered MMS of the first size (on demand)
    double cpuReference = 0; // CPU ms per delivered MMS of the first size
    bool failed = false;
    for (int m = 0; m < 2; ++m)
    {
        const bool mat = m == 1;
        if ((mat && mode == "onDemand") || (!mat && mode == "materialised"))
        {
            continue;
        }
        for (uint64_t n : sizes)
        {
            if (mat && n > materialisedUpTo)
            {
                continue;
            }
            std::vector<std::string> args = base;
            args.push_back("--one=" + std::to_string(n));
            args.push_back(std::string("--materialised=") + (mat ? "1" : "0"));
            Outcome o;
            if (!RunChild(args, o))
            {
                std::cerr << "mms-operator-benchmark: the run of " << n << " subscribers failed\n";
                failed = true;
                continue;
            }
            auto& v = o.v;
            const double delivered = v["delivered"];
            const double msPerMms = delivered > 0 ? v["run"] * 1e3 / delivered : 0;
            const double cpuPerMms = delivered > 0 ? v["cpu"] * 1e3 / delivered : 0;
            if (reference == 0)
            {
                reference = msPerMms;
                cpuReference = cpuPerMms;
            }
            const double built = (v["rssBuilt"] - v["rss0"]) * 1024 / n;
            const double peakPer = v["peak"] * 1024 / n;
            std::cout << std::left << std::setw(13) << (mat ? "materialised" : "on demand")
                      << std::right << std::setprecision(0) << std::setw(11) << n << std::setw(7)
                      << v["cells"] << std::setprecision(2) << std::setw(8) << v["load"]
                      << std::setw(9) << v["build"] << std::setprecision(1) << std::setw(9)
                      << v["duration"] / v["traffic"] << std::setw(10) << v["peak"] / 1024
                      << std::setprecision(0) << std::setw(8) << built << std::setw(9) << peakPer
                      << std::setw(12) << v["events"] << std::setw(10) << delivered << std::setw(8)
                      << (delivered > 0 ? v["events"] / delivered : 0) << std::setprecision(1)
                      << std::setw(8) << msPerMms << std::setprecision(1) << std::setw(8)
                      << v["run"] / v["events"] * rate << std::setprecision(2) << std::setw(7)
                      << (reference > 0 ? msPerMms / reference : 0) << std::setprecision(1)
                      << std::setw(8) << cpuPerMms << std::setprecision(2) << std::setw(7)
                      << (cpuReference > 0 ? cpuPerMms / cpuReference : 0) << std::setprecision(1)
                      << std::setw(9) << v["events"] / v["run"] / 1e3 << std::setw(8)
                      << v["events"] / v["run"] / rate * 100 << "\n";
            std::cout << "    (" << std::setprecision(0) << v["mmscs"]
                      << (v["mmscs"] == 1 ? " MMSC, " : " MMSCs, ") << v["regions"]
                      << (v["mmscs"] == 1 ? " regions, " : " regions each, ") << v["routes"]
                      << " static routes; scenario written in " << std::setprecision(2)
                      << v["generate"] << " s; run " << v["run"] << " s wall, of which traffic "
                      << v["traffic"] << " s; " << std::setprecision(0) << v["rows"] << " rows, "
                      << std::setprecision(1) << v["fileMiB"] << " MiB of results)\n";
            std::cout.flush();
        }
    }
    const double after = MmsBenchmarkEmptyEventRate(5000000);
    std::cout << "\nbaseline after the runs: " << std::setprecision(2) << after / 1e6
              << " M empty events/s\n"
              << "load s: reading the scenario and computing its paths; build s: "
                 "MmsScenarioHelper::Install and AssignStreams; sim/wall: simulated seconds of "
                 "traffic per wall-clock second; B/sub: resident memory added by load and build, "
                 "per subscriber; peak B/s: the child's peak resident memory per subscriber; "
                 "delivered: retrievals the Relays completed; ms/MMS: wall-clock milliseconds of "
                 "the run (traffic and drain) per delivered MMS; x empty: wall time per event in "
                 "empty-event times of the baseline; ratio: ms/MMS against the first line; cpu ms: "
                 "CPU milliseconds of the run per delivered MMS (the cost without the machine's "
                 "other work), and its ratio against the first line; ev/s k: the model's events "
                 "per wall-clock second of the run, thousands; % empty: that rate against the "
                 "baseline's empty-event rate.\n";
    return failed ? 1 : 0;
}
