/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-kpi-summary.h"

#include "mms-sqlite.h"

#include <cstdio>
#include <iomanip>
#include <map>
#include <sstream>
#include <vector>

namespace ns3
{

void
MmsKpiSummary::Print(const std::string& path, int64_t runId, std::ostream& os)
{
    MmsSqliteDatabase db;
    std::string error;
    if (!db.OpenReadOnly(path, error))
    {
        os << "no summary: " << error << "\n";
        return;
    }
    int64_t version = db.QueryInt("PRAGMA user_version", 0);
    if (version != MmsResultsSchema::VERSION)
    {
        os << "no summary: results file '" << path << "': MMS results schema version " << version
           << ", the summary reads version " << MmsResultsSchema::VERSION << "\n";
        return;
    }
    std::string run = std::to_string(runId);
    MmsSqliteStatement s;
    // The run row, and its figures.
    double simulated = 0;
    double interval = 0;
    std::string status;
    if (db.Prepare("SELECT status, simulated_seconds, sample_interval FROM run WHERE id = " + run,
                   s,
                   error)
        && s.Step())
    {
        status = s.ColumnText(0);
        simulated = s.ColumnDouble(1);
        interval = s.ColumnDouble(2);
    }
    int64_t messages = 0;
    int64_t confirmed = 0;
    int64_t retrievals = 0;
    double retrievedBits = 0;
    if (db.Prepare("SELECT messages, messages_confirmed, retrievals, retrieved_bytes * 8.0 "
                   "FROM run_summary WHERE run = "
                       + run,
                   s,
                   error)
        && s.Step())
    {
        messages = s.ColumnInt(0);
        confirmed = s.ColumnInt(1);
        retrievals = s.ColumnInt(2);
        retrievedBits = s.ColumnDouble(3);
    }
    // The throughput view's busiest interval (NULL without retrievals or sampling).
    double peak = 0;
    if (db.Prepare("SELECT max(retrieved_bit_rate) FROM throughput WHERE run = " + run, s, error)
        && s.Step())
    {
        peak = s.ColumnDouble(0);
    }
    os << "MMS results: run " << run << " in " << path << " (" << status << ", " << std::fixed
       << std::setprecision(1) << simulated << " s simulated)\n";
    os << "  messages: " << messages << " submitted, " << confirmed << " confirmed\n";
    os << "  deliveries:";
    bool any = false;
    if (db.Prepare("SELECT final_state, count(*) FROM delivery WHERE run = " + run
                       + " GROUP BY final_state ORDER BY final_state",
                   s,
                   error))
    {
        while (s.Step())
        {
            os << (any ? ", " : " ") << s.ColumnInt(1) << " " << s.ColumnText(0);
            any = true;
        }
    }
    os << (any ? "" : " none") << "\n";

    // Latency KPIs: count, mean and nearest-rank percentiles, as the kpi_summary view has them.
    os << "  KPI (s)                  n       mean        p50        p90        p95        p99\n";
    const std::pair<const char*, const char*> kpis[] = {{"send_time", "send time"},
                                                        {"notification_time", "notification time"},
                                                        {"retrieval_time", "retrieval time"},
                                                        {"end_to_end_time", "end-to-end time"}};
    std::map<std::string, std::vector<double>> rows; // kpi -> n, mean, p50, p90, p95, p99
    if (db.Prepare("SELECT kpi, n, mean, p50, p90, p95, p99 FROM kpi_summary WHERE run = " + run,
                   s,
                   error))
    {
        while (s.Step())
        {
            std::vector<double>& row = rows[s.ColumnText(0)];
            for (int c = 1; c < 7; ++c)
            {
                row.push_back(s.ColumnDouble(c));
            }
        }
    }
    for (const auto& [kpi, label] : kpis)
    {
        const std::vector<double>& row = rows[kpi];
        int64_t n = row.empty() ? 0 : static_cast<int64_t>(row[0]);
        os << "  " << std::left << std::setw(18) << label << std::right << std::setw(8) << n;
        if (n == 0)
        {
            os << "          -\n";
            continue;
        }
        os << std::setprecision(3);
        for (std::size_t c = 1; c < row.size(); ++c)
        {
            os << std::setw(11) << row[c];
        }
        os << "\n";
    }

    if (db.Prepare("SELECT send_failure_ratio, notification_failure_ratio, "
                   "retrieval_failure_ratio, end_to_end_failure_ratio FROM kpi_failure_ratio "
                   "WHERE run = "
                       + run,
                   s,
                   error)
        && s.Step())
    {
        const char* names[] = {"send", "notification", "retrieval", "end-to-end"};
        os << "  failure ratios:";
        for (int i = 0; i < 4; ++i)
        {
            os << (i ? ", " : " ") << names[i] << " ";
            if (s.ColumnIsNull(i))
            {
                os << "-";
            }
            else
            {
                os << std::setprecision(2) << 100 * s.ColumnDouble(i) << "%";
            }
        }
        os << "\n";
    }

    os << "  throughput: " << retrievals << " retrievals";
    if (simulated > 0)
    {
        os << std::setprecision(1) << " (" << retrievals * 3600.0 / simulated << " per hour), "
           << retrievedBits / simulated / 1000 << " kbit/s mean";
    }
    if (peak > 0)
    {
        os << ", " << peak / 1000 << " kbit/s peak per " << interval << " s";
    }
    os << "\n";

    if (db.Prepare("SELECT element, queue_peak, stored_messages_peak, stored_bytes_peak "
                   "FROM element_peak WHERE run = "
                       + run + " ORDER BY element",
                   s,
                   error))
    {
        std::string queues;
        std::string stores;
        while (s.Step())
        {
            std::string name = s.ColumnText(0);
            if (!s.ColumnIsNull(1))
            {
                queues +=
                    (queues.empty() ? " " : ", ") + name + " " + std::to_string(s.ColumnInt(1));
            }
            if (!s.ColumnIsNull(2))
            {
                std::ostringstream store;
                store << name << " " << s.ColumnInt(2);
                if (!s.ColumnIsNull(3))
                {
                    double b = s.ColumnDouble(3);
                    store << " (" << std::setprecision(1) << std::fixed
                          << (b >= 1e6 ? b / 1e6 : b / 1e3) << (b >= 1e6 ? " MB)" : " kB)");
                }
                stores += (stores.empty() ? " " : ", ") + store.str();
            }
        }
        if (!queues.empty())
        {
            os << "  peak queue:" << queues << "\n";
        }
        if (!stores.empty())
        {
            os << "  peak store:" << stores << "\n";
        }
    }

    if (db.Prepare("SELECT count(*), max(downlink_peak) FROM cell_utilisation WHERE run = " + run,
                   s,
                   error)
        && s.Step() && s.ColumnInt(0) > 0)
    {
        os << "  radio cells: " << s.ColumnInt(0) << ", peak downlink utilisation "
           << std::setprecision(1) << 100 * s.ColumnDouble(1) << "%\n";
    }
}

void
MmsKpiSummary::PrintRanks(const std::vector<std::string>& paths,
                          const std::vector<int64_t>& runs,
                          std::ostream& os)
{
    if (paths.empty() || paths.size() != runs.size())
    {
        os << "no summary: no results files, or not one run id per file\n";
        return;
    }
    const std::string scratch = paths.front() + ".summary";
    auto removeScratch = [&scratch]()
    {
        for (const char* suffix : {"", "-wal", "-shm"})
        {
            std::remove((scratch + suffix).c_str());
        }
    };
    removeScratch();
    std::string error;
    {
        MmsSqliteDatabase db;
        if (!db.Open(scratch, error) || !MmsResultsSchema::Ensure(db, error))
        {
            os << "no summary: " << error << "\n";
            removeScratch();
            return;
        }
        const std::string run0 = std::to_string(runs.front());
        for (std::size_t r = 0; r < paths.size() && error.empty(); ++r)
        {
            std::string quoted;
            for (char c : paths[r])
            {
                quoted += c == '\'' ? std::string("''") : std::string(1, c);
            }
            if (!db.Exec("ATTACH DATABASE '" + quoted + "' AS rank", error))
            {
                break;
            }
            const std::string run = std::to_string(runs[r]);
            const std::string offset = std::to_string(int64_t{1000000000} * int64_t(r));
            // Each rank numbers its own cells from 0: they follow those of the ranks before.
            const std::string cells = std::to_string(
                db.QueryInt("SELECT coalesce(max(cell) + 1, 0) FROM main.bearer_sample", 0));
            for (const auto& [table, columns] : MmsResultsSchema::GetTables())
            {
                if (table == "run" && r > 0)
                {
                    continue;
                }
                std::string names;
                std::string values;
                for (const auto& c : columns)
                {
                    names += (names.empty() ? "\"" : ", \"") + c + "\"";
                    std::string v = "\"" + c + "\"";
                    if (c == "run" && table != "run")
                    {
                        v = run0;
                    }
                    else if ((table == "message" && c == "id")
                             || (table == "delivery" && c == "message"))
                    {
                        v = "\"" + c + "\" + " + offset;
                    }
                    else if (table == "bearer_sample" && c == "cell")
                    {
                        v = "\"cell\" + " + cells;
                    }
                    values += (values.empty() ? "" : ", ") + v;
                }
                const std::string where = table == "run" ? "id" : "run";
                if (!db.Exec("INSERT INTO main.\"" + table + "\" (" + names + ") SELECT " + values
                                 + " FROM rank.\"" + table + "\" WHERE " + where + " = " + run,
                             error))
                {
                    break;
                }
            }
            std::string ignored;
            db.Exec("DETACH DATABASE rank", ignored);
        }
    }
    if (!error.empty())
    {
        os << "no summary: " << error << "\n";
        removeScratch();
        return;
    }
    std::ostringstream merged;
    Print(scratch, runs.front(), merged);
    removeScratch();
    // Name the files read, not the scratch file.
    std::string text = merged.str();
    std::string files = std::to_string(paths.size()) + " rank files (";
    for (std::size_t r = 0; r < paths.size(); ++r)
    {
        files += (r ? ", " : "") + paths[r];
    }
    files += ")";
    std::string::size_type at = text.find(scratch);
    if (at != std::string::npos)
    {
        text.replace(at, scratch.size(), files);
    }
    os << text;
}

} // namespace ns3
