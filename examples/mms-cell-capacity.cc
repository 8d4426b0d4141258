/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Research: how MMS latency grows with the load of one radio cell. One cell of N subscribers
// (UMTS 384 kbit/s by default) behind one MMSC; the traffic model at a flat rate chosen so that
// the busier direction of the cell is offered each load of the sweep (a utilisation: offered
// bits over the cell's capacity). One simulation per load, each recorded as a run of one SQLite
// file; the send, retrieval and end-to-end delivery times (ETSI TS 102 250-2 names) are read
// back from it and printed as percentiles against load, and written to a CSV for
// utils/mms-cell-capacity-plot.py.
//
//   mms-cell-capacity                                   # 200 subscribers, loads 0.1 .. 0.85
//   mms-cell-capacity --bearer=GPRS-CS2 --subscribers=50 --loads=0.2,0.5,0.8
//   utils/mms-cell-capacity-plot.py mms-cell-capacity.csv --out mms-cell-capacity.png
#include "mms-command-line.h"
#include "mms-scenario-helper.h"
#include "mms-scenario.h"
#include "mms-sqlite-recorder.h"
#include "mms-sqlite.h"

#include "ns3/core-module.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{
/// One figure of one run from a summary view of the results file (NaN if the view has no row
/// for it, e.g. a KPI without values): the percentiles and ratios come from the schema's
/// kpi_summary and kpi_failure_ratio views, as in the end-of-run summary and the report.
double
Figure(MmsSqliteDatabase& db, const std::string& sql, int64_t run)
{
    MmsSqliteStatement st;
    std::string error;
    if (!db.Prepare(sql, st, error))
    {
        std::cerr << "mms-cell-capacity: " << error << "\n";
        return std::nan("");
    }
    st.BindInt(1, run);
    if (st.Step() && !st.ColumnIsNull(0))
    {
        return st.ColumnDouble(0);
    }
    return std::nan("");
}

/// Column `column` (n, mean, p50, p90, p95, p99) of a latency KPI in kpi_summary.
double
Percentile(MmsSqliteDatabase& db, const std::string& kpi, const std::string& column, int64_t run)
{
    return Figure(
        db, "SELECT " + column + " FROM kpi_summary WHERE run = ?1 AND kpi = '" + kpi + "'", run);
}

std::string
Num(double v, int precision = 3)
{
    if (std::isnan(v))
    {
        return "";
    }
    std::ostringstream os;
    os << std::fixed << std::setprecision(precision) << v;
    return os.str();
}
} // namespace

int
main(int argc, char* argv[])
{
    uint32_t subscribers = 200;
    std::string bearer = "UMTS-384";
    std::string loads = "0.1,0.3,0.5,0.7,0.85";
    double duration = 1800;
    double drain = 900;
    std::string results = "mms-cell-capacity.sqlite";
    std::string csv = "mms-cell-capacity.csv";
    double progress = 10;
    // Every argument is checked before anything is built (exit status 2, one line each).
    MmsCommandLine cmd(__FILE__);
    cmd.AddValue("subscribers",
                 "Subscribers in the cell",
                 subscribers,
                 [](const uint32_t& n)
                 {
                     // A handset per subscriber, all in the cell's subnet of 10.128.0.0/9
                     // (MmsScenarioHelper): at most 2^23 - 3 of them.
                     return n >= 2 && n <= 8388605 ? std::string()
                                                   : "expected a whole number from 2 to 8388605 "
                                                     "(the handsets one cell's subnet addresses)";
                 });
    cmd.AddValue("bearer",
                 "Bearer profile preset of the cell (UMTS-384, GPRS-CS2, ...)",
                 bearer,
                 MmsCommandLine::BearerPreset());
    cmd.AddValue("loads",
                 "Comma-separated offered loads of the busier direction of the cell "
                 "(utilisations, e.g. 0.1,0.5,0.9)",
                 loads,
                 MmsCommandLine::PositiveNumbers());
    cmd.AddValue(
        "duration", "Seconds of traffic per load", duration, MmsCommandLine::Positive<double>());
    cmd.AddValue("drain",
                 "Seconds after the traffic for messages under way to finish",
                 drain,
                 MmsCommandLine::AtLeast(0.0));
    cmd.AddValue("results", "SQLite results file (one run per load, appended to)", results);
    cmd.AddValue("csv", "CSV file of percentiles against load", csv);
    cmd.AddValue("progress",
                 "Wall-clock seconds between progress lines on standard error (0: none)",
                 progress,
                 MmsCommandLine::AtLeast(0.0));
    cmd.Parse(argc, argv);

    std::vector<double> levels; // checked with the command line
    {
        std::istringstream is(loads);
        for (std::string item; std::getline(is, item, ',');)
        {
            levels.push_back(std::strtod(item.c_str(), nullptr));
        }
    }

    // The network as a scenario text: one cell behind a router next to the MMSC.
    std::ostringstream dot;
    dot << "graph cell {\n"
        << "  mmsc [kind=relay]; store [kind=server]; ppg [kind=ppg]; smsc [kind=smsc];\n"
        << "  gw [kind=router];\n"
        << "  cell [kind=cell, bearer=\"" << bearer << "\", subscribers=" << subscribers << "];\n"
        << "  mmsc -- gw [rate=\"1Gbps\", delay=\"0.5ms\"];\n"
        << "  store -- gw [rate=\"1Gbps\", delay=\"0.5ms\"];\n"
        << "  ppg -- gw [rate=\"1Gbps\", delay=\"0.5ms\"];\n"
        << "  smsc -- gw [rate=\"100Mbps\", delay=\"1ms\"];\n"
        << "  cell -- gw [rate=\"100Mbps\", delay=\"5ms\"];\n"
        << "}\n";
    MmsScenario scenario;
    std::vector<std::string> errors;
    if (!scenario.Parse(dot.str(), "mms-cell-capacity", errors))
    {
        for (const auto& e : errors)
        {
            std::cerr << e << "\n";
        }
        return 2;
    }

    // Mean octets of a message and mean recipients, from the model's own distributions (a
    // separate stream, so the runs' draws are untouched).
    Ptr<MmsTrafficModel> probe = CreateObject<MmsTrafficModel>();
    std::string error;
    if (!probe->Validate(error))
    {
        std::cerr << "mms-cell-capacity: traffic model: " << error << "\n";
        return 2;
    }
    probe->AssignStreams(1000000);
    double meanSize = 0;
    double meanRecipients = 0;
    const int draws = 200000;
    for (int i = 0; i < draws; ++i)
    {
        meanSize += probe->DrawContent().size;
        meanRecipients += probe->DrawRecipientCount();
    }
    meanSize /= draws;
    meanRecipients /= draws;
    MmsBearerProfile profile;
    MmsBearerProfile::FromPreset(bearer, 10, profile, error); // checked with the command line
    const double down = profile.cellDownlinkCapacity;
    const double up = profile.cellUplinkCapacity;
    // Offered bits per message per direction: the media once up, once per recipient down.
    const double bitsUp = meanSize * 8;
    const double bitsDown = meanSize * 8 * std::min<double>(meanRecipients, subscribers - 1);
    std::cout << "cell: " << bearer << ", " << subscribers << " subscribers, capacity "
              << down / 1e3 << " kbit/s down, " << up / 1e3 << " kbit/s up; mean message "
              << std::fixed << std::setprecision(0) << meanSize << " octets, "
              << std::setprecision(2) << meanRecipients << " recipients\n\n";

    std::ofstream out(csv);
    if (!out)
    {
        cmd.Refuse("csv", "cannot write " + csv);
    }
    out << "load,messages_per_subscriber_hour,offered_down_bps,offered_up_bps,util_down,util_up,"
           "messages,deliveries,send_p50,send_p95,retrieval_p50,retrieval_p95,e2e_p50,e2e_p90,"
           "e2e_p95,e2e_failure_ratio,run\n";
    std::cout << std::setw(6) << "load" << std::setw(9) << "msg/h" << std::setw(8) << "util dn"
              << std::setw(8) << "util up" << std::setw(7) << "msgs" << std::setw(10) << "send p50"
              << std::setw(9) << "p95" << std::setw(10) << "retr p50" << std::setw(9) << "p95"
              << std::setw(9) << "e2e p50" << std::setw(9) << "p90" << std::setw(9) << "p95"
              << std::setw(8) << "fail"
              << "   (seconds)\n";

    for (double load : levels)
    {
        // Total messages per second so that the busier direction gets `load`.
        double perSecond = load / std::max(bitsDown / down, bitsUp / up);
        double perSubscriberHour = perSecond * 3600 / subscribers;
        Ptr<MmsSqliteRecorder> recorder = CreateObject<MmsSqliteRecorder>();
        recorder->SetAttribute("Path", StringValue(results));
        recorder->SetAttribute("Scenario", StringValue("mms-cell-capacity load=" + Num(load, 2)));
        recorder->SetAttribute("ProgressInterval", TimeValue(Seconds(std::max(0.0, progress))));
        recorder->SetCommandLine(argc, argv);
        if (!recorder->Open(error))
        {
            cmd.Refuse("results", error);
        }
        if (progress > 0)
        {
            std::clog << "[mms-cell-capacity] load " << Num(load, 2) << ": "
                      << Num(perSubscriberHour, 3) << " messages per subscriber-hour, "
                      << Num(duration + drain, 0) << " s to simulate" << std::endl;
        }
        MmsScenarioHelper builder;
        // A handset per subscriber for the whole run: the cell's sharing is what is measured.
        builder.SetHandsetsOnDemand(false);
        builder.SetTrafficModelAttribute("MessagesPerHour", DoubleValue(perSubscriberHour));
        builder.SetTrafficModelAttribute(
            "HourlyProfile", StringValue("1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"));
        builder.SetRecorder(recorder);
        std::vector<std::string> errors;
        if (!builder.Check(scenario, errors))
        {
            // A population that does not exist, or traffic-model flags that do not fit.
            const std::string& e = errors.front();
            cmd.Refuse(e.rfind("MmsPopulation", 0) == 0 ? "MmsPopulation" : "ns3::MmsTrafficModel",
                       e);
        }
        builder.Install(scenario);
        builder.AssignStreams(1);
        Ptr<MmsRadioCellChannel> cell = builder.GetCell("cell");
        builder.StopTraffic(Seconds(duration));
        Simulator::Stop(Seconds(duration + drain));
        Simulator::Run();
        auto dn = cell->GetStatistics(MmsRadioCellChannel::DOWNLINK);
        auto upl = cell->GetStatistics(MmsRadioCellChannel::UPLINK);
        const double elapsed = duration + drain;
        double utilDown = dn.servedBits / (dn.capacity * elapsed);
        double utilUp = upl.servedBits / (upl.capacity * elapsed);
        int64_t run = recorder->GetRunId();
        recorder->Close();
        Simulator::Destroy();
        if (recorder->HasFailed())
        {
            return 2; // the recorder printed why (a full disk, an I/O error)
        }

        MmsSqliteDatabase db;
        if (!db.OpenReadOnly(results, error))
        {
            std::cerr << "mms-cell-capacity: " << error << "\n";
            return 1;
        }
        const double send50 = Percentile(db, "send_time", "p50", run);
        const double send95 = Percentile(db, "send_time", "p95", run);
        const double retrieval50 = Percentile(db, "retrieval_time", "p50", run);
        const double retrieval95 = Percentile(db, "retrieval_time", "p95", run);
        const double e2e50 = Percentile(db, "end_to_end_time", "p50", run);
        const double e2e90 = Percentile(db, "end_to_end_time", "p90", run);
        const double e2e95 = Percentile(db, "end_to_end_time", "p95", run);
        const double e2eCount = Percentile(db, "end_to_end_time", "n", run);
        const int64_t deliveries = std::isnan(e2eCount) ? 0 : static_cast<int64_t>(e2eCount);
        const double failure = Figure(
            db, "SELECT end_to_end_failure_ratio FROM kpi_failure_ratio WHERE run = ?1", run);
        const auto messages = static_cast<int64_t>(
            Figure(db, "SELECT messages FROM run_summary WHERE run = ?1", run));
        std::cout << std::setw(6) << Num(load, 2) << std::setw(9) << Num(perSubscriberHour, 3)
                  << std::setw(8) << Num(utilDown, 2) << std::setw(8) << Num(utilUp, 2)
                  << std::setw(7) << messages << std::setw(10) << Num(send50, 2) << std::setw(9)
                  << Num(send95, 2) << std::setw(10) << Num(retrieval50, 2) << std::setw(9)
                  << Num(retrieval95, 2) << std::setw(9) << Num(e2e50, 2) << std::setw(9)
                  << Num(e2e90, 2) << std::setw(9) << Num(e2e95, 2) << std::setw(8)
                  << Num(failure, 3) << std::endl;
        out << Num(load, 4) << "," << Num(perSubscriberHour, 6) << ","
            << Num(perSecond * bitsDown, 0) << "," << Num(perSecond * bitsUp, 0) << ","
            << Num(utilDown, 4) << "," << Num(utilUp, 4) << "," << messages << "," << deliveries
            << "," << Num(send50, 4) << "," << Num(send95, 4) << "," << Num(retrieval50, 4) << ","
            << Num(retrieval95, 4) << "," << Num(e2e50, 4) << "," << Num(e2e90, 4) << ","
            << Num(e2e95, 4) << "," << Num(failure, 4) << "," << run << "\n";
    }
    std::cout << "\n"
              << csv << " (one row per load), " << results
              << " (one run per load); plot: utils/mms-cell-capacity-plot.py " << csv << "\n";
    return 0;
}
