/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Network planning: an operator's network from a scenario file (GraphViz DOT), run through its
// busy hour. By default the shipped national operator (1,000 cells in 32 regions, 1,000,000
// subscribers on GPRS and UMTS cells, one MMSC, PPG and SMSC) for the first 5 minutes of its busy
// hour, with handsets on demand (subscribers as records; --handsetsOnDemand=0 builds a handset
// node per subscriber, as the mid-size operator of 50,000 in the same folder still allows);
// --duration=3600 runs the whole hour, --newYear the minutes around midnight on New Year's Eve.
// Every subscriber runs the traffic model (ns3::MmsTrafficModel; change any of its attributes with
// --ns3::MmsTrafficModel::<Name>=<value>, or per cell in the file). Results go to an SQLite file in
// the current directory; the KPI summary ends the run.
//
//   mms-busy-hour                                  # shipped scenario, 300 s of the busy hour
//   mms-busy-hour --duration=3600                  # the whole busy hour
//   mms-busy-hour --scenario=my-network.dot --results=my-network.sqlite
//   mms-busy-hour --newYear                        # 23:45 to 00:15 with a 6-fold spike
//   mms-busy-hour --ns3::MmsTrafficModel::MessagesPerHour=0.02 --RngRun=2
//   mms-busy-hour --startHour=0 --duration=86400 --memoryAt=1,6,12,24   # a simulated day
//
// --memoryAt prints, at the given hours of simulated time, the process's resident memory (now
// and its peak, Linux's VmRSS and VmHWM), the events run so far, and what the elements and the
// recorder hold for the messages still open (doc/mms.rst, "A simulated day").
//
// One run on several processes (ns-3 built with --enable-mpi; doc/mms.rst, "MPI runs"):
//   mpirun -np 2 mms-busy-hour --mpi --scenario=two-areas.dot --results=two.sqlite
// splits the scenario by service area (MmsScenarioPartition); rank N records its own nodes into
// two.rankN.sqlite, and rank 0 prints the summary of the whole run from all of them.
#include "mms-command-line.h"
#include "mms-kpi-summary.h"
#include "mms-scenario-helper.h"
#include "mms-scenario-partition.h"
#include "mms-scenario.h"
#include "mms-sqlite-recorder.h"

#include "ns3/core-module.h"
#include "ns3/network-module.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#ifdef NS3_MPI
// ns-3's mpi module defines NS3_MPI for what links it (ns-3 configured with --enable-mpi).
#    include "ns3/mpi-interface.h"

#    include <mpi.h>
#endif

using namespace ns3;

namespace
{
/// The results file of one rank: "x.sqlite" -> "x.rank1.sqlite".
std::string
RankPath(const std::string& results, uint32_t rank)
{
    std::string::size_type dot = results.rfind('.');
    std::string::size_type slash = results.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    {
        dot = results.size();
    }
    return results.substr(0, dot) + ".rank" + std::to_string(rank) + results.substr(dot);
}

/// A line of /proc/self/status in MB ("VmRSS", "VmHWM"); -1 where there is none (not Linux).
double
StatusMegabytes(const std::string& key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
    {
        if (line.compare(0, key.size() + 1, key + ":") == 0)
        {
            return std::strtod(line.c_str() + key.size() + 1, nullptr) / 1024; // kB
        }
    }
    return -1;
}

/// The elements whose per-message state --memoryAt reports.
struct Held
{
    std::vector<Ptr<MmsRelay>> relays;
    std::vector<Ptr<MmsServer>> servers;
    std::vector<Ptr<MmsWapPushProxyGateway>> ppgs;
    std::vector<Ptr<MmsSmsc>> smscs;
    Ptr<MmsSubscriberPool> pool;
    Ptr<MmsSqliteRecorder> recorder;
};

/// --memoryAt: one line of memory and of what is held for open messages, at an hour.
void
PrintMemory(double hours, const Held* held, std::ostream* out)
{
    uint64_t relay = 0;
    uint64_t pending = 0;
    uint64_t stored = 0;
    uint64_t pushes = 0;
    uint64_t sms = 0;
    for (const auto& r : held->relays)
    {
        relay += r->GetTrackedMessages();
        pending += r->GetPendingRecipients();
    }
    for (const auto& s : held->servers)
    {
        stored += s->GetStoredMessages();
    }
    for (const auto& p : held->ppgs)
    {
        pushes += p->GetPendingPushes();
    }
    for (const auto& s : held->smscs)
    {
        sms += s->GetStoredCount();
    }
    std::ostringstream os; // its own format flags, not those of *out
    os << "memory at " << hours << " h: " << std::fixed << std::setprecision(1) << "VmRSS "
       << StatusMegabytes("VmRSS") << " MB, VmHWM " << StatusMegabytes("VmHWM") << " MB; "
       << Simulator::GetEventCount() << " events; Relay " << relay << " messages tracked, "
       << pending << " recipients pending; Server " << stored << " stored; PPG " << pushes
       << " pushes; SMSC " << sms << " SMS";
    if (held->pool)
    {
        MmsSubscriberPool::Statistics s = held->pool->GetStatistics();
        os << "; pool " << s.activeNow << " user agents, " << s.boundNow << " handsets bound, "
           << s.handsetsCreated << " made";
    }
    if (held->recorder)
    {
        MmsSqliteRecorder::OpenCounts c = held->recorder->GetOpenCounts();
        os << "; recorder " << c.submissions << " submissions, " << c.deliveries << " deliveries, "
           << c.sms << " SMS, " << c.messageRows << " Message-IDs";
    }
    *out << os.str() << std::endl;
}
} // namespace

#ifndef MMS_SOURCE_DIR
#    define MMS_SOURCE_DIR "."
#endif

int
main(int argc, char* argv[])
{
    std::string scenarioFile =
        std::string(MMS_SOURCE_DIR) + "/examples/scenarios/national-operator.dot";
    std::string results = "busy-hour.sqlite";
    double duration = 300;
    double drain = 600;
    double startHour = -1;
    bool newYear = false;
    double spikeFactor = 6;
    bool plan = true;
    bool onDemand = true;
    bool mpi = false;
    std::string memoryAt;
    std::string fidelity = "packet";
    // Every argument is checked before anything is built (exit status 2, one line each).
    MmsCommandLine cmd(__FILE__);
    cmd.AddValue("scenario", "Scenario file (GraphViz DOT)", scenarioFile);
    cmd.AddValue("results",
                 "SQLite results file (appended to: one run per invocation); none: no results file",
                 results);
    cmd.AddValue("duration",
                 "Seconds of traffic generation from the start (3600: the whole busy hour)",
                 duration,
                 MmsCommandLine::Positive<double>());
    cmd.AddValue("drain",
                 "Seconds after the traffic stops for messages under way to finish",
                 drain,
                 MmsCommandLine::AtLeast(0.0));
    cmd.AddValue("startHour",
                 "Time of day at the start, in hours (default: the traffic model's busy hour)",
                 startHour);
    cmd.AddValue("newYear",
                 "New Year's Eve: start at 23:45 with SpikeFactor messages per subscriber "
                 "from 23:45 to 00:15 (duration 1800 s unless given)",
                 newYear);
    cmd.AddValue("spikeFactor",
                 "The New Year's Eve rate factor (with --newYear)",
                 spikeFactor,
                 MmsCommandLine::AtLeast(0.0));
    cmd.AddValue("plan", "Print which Relay serves which cells before running", plan);
    cmd.AddValue("handsetsOnDemand",
                 "Subscribers as records, with a User Agent and a handset only while they need "
                 "one (0: a handset node per subscriber for the whole run; the default with "
                 "--mpi)",
                 onDemand);
    cmd.AddValue("mpi",
                 "One run on the processes of mpirun (ns-3 built with --enable-mpi): the "
                 "scenario split by service area, one results file per rank (X.rankN.sqlite)",
                 mpi);
    cmd.AddValue("memoryAt",
                 "Hours of simulated time from the start (comma-separated, within the run) at "
                 "which to print the resident memory (now and peak), the events run and what "
                 "the elements and the recorder hold for open messages",
                 memoryAt,
                 MmsCommandLine::PositiveNumbers());
    cmd.AddValue("fidelity",
                 "packet or flow: the fidelity of the cells whose scenario sets none (a cell's "
                 "fidelity=packet|flow); flow needs handsets on demand",
                 fidelity);
    cmd.Parse(argc, argv);
    if (fidelity != "packet" && fidelity != "flow")
    {
        cmd.Refuse("fidelity", "\"" + fidelity + "\" is not packet or flow");
    }
    // Fix the time resolution before building: until then ns-3 records every Time object in a
    // set (to convert them if the resolution changed), which costs a national network most of
    // its build time and much memory.
    Time::SetResolution(Time::GetResolution());
    // A run split over ranks builds a handset per subscriber unless told otherwise.
    if (mpi && !cmd.IsGiven("handsetsOnDemand"))
    {
        onDemand = false;
    }
    if (mpi && onDemand)
    {
        cmd.Refuse("handsetsOnDemand",
                   "with --mpi: handsets on demand are not available in a run split over ranks "
                   "yet; give one or the other");
    }
    uint32_t rank = 0;
    uint32_t ranks = 1;
    if (mpi)
    {
#ifdef NS3_MPI
        GlobalValue::Bind("SimulatorImplementationType",
                          StringValue("ns3::DistributedSimulatorImpl"));
        MpiInterface::Enable(&argc, &argv);
        rank = MpiInterface::GetSystemId();
        ranks = MpiInterface::GetSize();
#else
        std::cerr << "mms-busy-hour: --mpi: this ns-3 has no MPI; build ns-3 from source with "
                     "./ns3 configure --enable-mpi (and the module inside it as contrib/mms)\n";
        return 2;
#endif
    }
    // Leaves MPI (when it was entered) with an exit status.
    auto finish = [mpi](int status)
    {
#ifdef NS3_MPI
        if (mpi)
        {
            MpiInterface::Disable();
        }
#endif
        return status;
    };
    std::ostringstream quiet; // what ranks other than 0 would print
    std::ostream& out = rank == 0 ? std::cout : quiet;
    if (results == "none")
    {
        results.clear(); // ns-3's CommandLine refuses an empty value
    }
    const bool durationGiven = cmd.IsGiven("duration");
    std::vector<double> memoryHours;
    {
        std::istringstream list(memoryAt);
        std::string item;
        while (!memoryAt.empty() && std::getline(list, item, ','))
        {
            memoryHours.push_back(std::strtod(item.c_str(), nullptr));
            const double end = (newYear && !durationGiven ? 1800 : duration) + drain;
            if (memoryHours.back() * 3600 > end)
            {
                std::ostringstream what;
                what << item << " h is after the end of the run (" << end / 3600 << " h)";
                cmd.Refuse("memoryAt", what.str());
            }
        }
    }

    // Read and check the scenario before anything is built.
    MmsScenario scenario;
    std::vector<std::string> errors;
    MmsScenarioPartition partition;
    if (!scenario.Load(scenarioFile, errors)
        || (mpi && !partition.Compute(scenario, ranks, errors)))
    {
        for (const auto& e : errors)
        {
            (rank == 0 ? std::cerr : quiet) << e << "\n";
        }
        (rank == 0 ? std::cerr : quiet)
            << "mms-busy-hour: " << errors.size() << " problem(s) in the scenario"
            << (mpi ? " or its split over " + std::to_string(ranks) + " rank(s)" : "")
            << "; nothing was built\n";
        return finish(2);
    }
    MmsScenarioHelper builder;
    builder.SetHandsetsOnDemand(onDemand);
    builder.SetFidelity(fidelity);
    Ptr<MmsTrafficModel> defaults = builder.GetTrafficModel();
    if (newYear)
    {
        builder.SetTrafficModelAttribute("TimeOfDayAtStart", TimeValue(Hours(23) + Minutes(45)));
        builder.SetTrafficModelAttribute("SpikeFactor", DoubleValue(spikeFactor));
        builder.SetTrafficModelAttribute("SpikeCentre", TimeValue(Seconds(0)));
        builder.SetTrafficModelAttribute("SpikeHalfWidth", TimeValue(Minutes(15)));
        if (!durationGiven)
        {
            duration = 1800;
        }
    }
    else
    {
        double hour = startHour >= 0 ? startHour : defaults->GetBusyHour();
        builder.SetTrafficModelAttribute("TimeOfDayAtStart", TimeValue(Seconds(hour * 3600)));
    }
    if (!builder.Check(scenario, errors))
    {
        for (const auto& e : errors)
        {
            (rank == 0 ? std::cerr : quiet) << e << "\n";
        }
        return finish(2);
    }
    if (mpi)
    {
        builder.SetPartition(partition, rank);
        partition.Print(out);
    }

    Ptr<MmsSqliteRecorder> recorder;
    const std::string path = mpi ? RankPath(results, rank) : results;
    if (!results.empty())
    {
        recorder = CreateObject<MmsSqliteRecorder>();
        recorder->SetAttribute("Path", StringValue(path));
        recorder->SetAttribute("Scenario", StringValue(scenarioFile));
        recorder->SetCommandLine(argc, argv);
        std::string error;
        if (!recorder->Open(error))
        {
            std::cerr << "mms-busy-hour: --results: " << error << std::endl;
            return finish(2);
        }
        builder.SetRecorder(recorder);
    }

    auto t0 = std::chrono::steady_clock::now();
    builder.Install(scenario);
    builder.AssignStreams(1);
    auto t1 = std::chrono::steady_clock::now();
    if (plan)
    {
        builder.PrintPlan(out);
    }
    out << "built in " << std::chrono::duration<double>(t1 - t0).count() << " s; " << duration
        << " s of traffic then " << drain << " s to finish\n";

    // Traffic stops after `duration`; what is under way may finish during `drain`.
    Held held;
    if (!memoryHours.empty())
    {
        for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
        {
            Ptr<Node> node = NodeList::GetNode(n);
            for (uint32_t a = 0; a < node->GetNApplications(); ++a)
            {
                Ptr<Application> app = node->GetApplication(a);
                if (auto r = DynamicCast<MmsRelay>(app))
                {
                    held.relays.push_back(r);
                }
                else if (auto s = DynamicCast<MmsServer>(app))
                {
                    held.servers.push_back(s);
                }
                else if (auto p = DynamicCast<MmsWapPushProxyGateway>(app))
                {
                    held.ppgs.push_back(p);
                }
                else if (auto c = DynamicCast<MmsSmsc>(app))
                {
                    held.smscs.push_back(c);
                }
            }
        }
        held.pool = builder.GetSubscriberPool();
        held.recorder = recorder;
        for (double h : memoryHours)
        {
            Simulator::Schedule(Seconds(h * 3600), &PrintMemory, h, &held, &out);
        }
    }
    builder.StopTraffic(Seconds(duration));
    Simulator::Stop(Seconds(duration + drain));
    Simulator::Run();
    auto t2 = std::chrono::steady_clock::now();
    out << "simulated " << Simulator::Now().GetSeconds() << " s in "
        << std::chrono::duration<double>(t2 - t1).count() << " s\n";
    if (Ptr<MmsFlowNetwork> flow = builder.GetFlowNetwork())
    {
        const MmsFlowNetwork::Statistics f = flow->GetStatistics();
        out << "flow level: " << f.transfers << " transfers (" << f.radioTransfers
            << " across cells, " << f.radioWaits << " waited for a promotion or a PDP context), "
            << Simulator::GetEventCount() << " events in all\n";
    }
    if (recorder && !mpi)
    {
        recorder->Close();
        if (recorder->HasFailed())
        {
            // The recorder stopped the run and printed why (a full disk, an I/O error).
            Simulator::Destroy();
            return finish(2);
        }
        std::cout << "\n";
        recorder->PrintSummary(std::cout);
        std::cout << "Results: " << results << " (run " << recorder->GetRunId()
                  << "); report: utils/mms-report.py summary " << results << "\n";
    }
#ifdef NS3_MPI
    if (recorder && mpi)
    {
        // Every rank's file is closed before rank 0 reads them all as one run.
        recorder->Close();
        int64_t run = recorder->GetRunId();
        std::vector<int64_t> runIds(ranks);
        MPI_Gather(&run,
                   1,
                   MPI_INT64_T,
                   runIds.data(),
                   1,
                   MPI_INT64_T,
                   0,
                   MpiInterface::GetCommunicator());
        if (rank == 0)
        {
            std::vector<std::string> paths;
            std::string files;
            for (uint32_t r = 0; r < ranks; ++r)
            {
                paths.push_back(RankPath(results, r));
                files += " " + paths.back();
            }
            std::cout << "\n";
            MmsKpiSummary::PrintRanks(paths, runIds, std::cout);
            std::cout << "Results: one file per rank," << files
                      << "; report: utils/mms-report.py summary" << files << "\n";
        }
    }
#endif
    const bool interrupted = recorder && recorder->WasInterrupted();
    Simulator::Destroy();
    if (interrupted)
    {
        // The summary above covers the run up to the signal; a script must not take it for
        // a whole run.
        std::cerr << "mms-busy-hour: stopped by a signal; the run is marked aborted\n";
        return finish(1);
    }
    return finish(0);
}
