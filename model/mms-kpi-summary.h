/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_KPI_SUMMARY_H
#define MMS_KPI_SUMMARY_H

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-recording
 * \brief The end-of-run summary of one run of an MMS results file: counts, latency KPIs,
 * failure ratios, throughput, element peaks and radio-cell utilisation, as a few lines of
 * text.
 *
 * Every figure is read from the file with plain SELECTs over the summary views of the results
 * schema (MmsResultsSchema, version 2): kpi_summary for the count, mean and nearest-rank
 * percentiles of the latency KPIs after ETSI TS 102 250-2 (send, notification, retrieval and
 * end-to-end time), run_summary for the message and retrieval counts and octets, throughput
 * for the peak interval bit rate, kpi_failure_ratio for the failure ratios, element_peak and
 * cell_utilisation for the peaks. utils/mms-report.py reads the same views, so the summary
 * and the report cannot disagree on a figure they both print. Nothing is computed here but
 * the arithmetic of the presentation (per hour, kbit/s, percent).
 *
 * The file is opened read-only, so a summary can be printed for any run of any results file,
 * while another process writes to it. MmsSqliteRecorder::PrintSummary() prints the run it
 * recorded.
 */
class MmsKpiSummary
{
  public:
    /**
     * \brief Print the summary of one run.
     * \param path the results file
     * \param run the run's id in the file
     * \param os where to print; a file that cannot be opened gives one line "no summary: "
     *        and the reason
     */
    static void Print(const std::string& path, int64_t run, std::ostream& os);

    /**
     * \brief Print the summary of one run recorded by several processes (the ranks of a
     * distributed run, each with its own results file), as one run.
     *
     * The rows of each rank's run are merged into a scratch results file beside the first
     * (its name with ".summary" added, removed afterwards): the run row of the first, every
     * other table's rows of every rank, message ids made distinct by adding 1e9 times the
     * rank, and each rank's radio cells numbered after those of the ranks before. The summary is then that of the merged run, read from the same views as Print.
     * \param paths the results files, rank 0 first
     * \param runs the run's id in each file, in the same order
     * \param os where to print; a file that cannot be read gives one line "no summary: " and
     *        the reason
     */
    static void PrintRanks(const std::vector<std::string>& paths,
                           const std::vector<int64_t>& runs,
                           std::ostream& os);
};

} // namespace ns3

#endif /* MMS_KPI_SUMMARY_H */
