/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_BENCHMARK_MEASURES_H
#define MMS_BENCHMARK_MEASURES_H

// What the benchmarks of utils/ measure alike: the process's resident memory and the
// scheduler's rate for empty events, their baseline.

#include "ns3/nstime.h"
#include "ns3/simulator.h"

#include <chrono>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <string>

namespace ns3
{

/**
 * Peak and current resident memory of this process, from /proc/self/status.
 * \param peakKiB VmHWM (KiB)
 * \param nowKiB VmRSS (KiB)
 */
inline void
MmsBenchmarkMemory(uint64_t& peakKiB, uint64_t& nowKiB)
{
    std::ifstream f("/proc/self/status");
    std::string line;
    peakKiB = nowKiB = 0;
    while (std::getline(f, line))
    {
        if (line.rfind("VmHWM:", 0) == 0)
        {
            peakKiB = std::stoull(line.substr(6));
        }
        if (line.rfind("VmRSS:", 0) == 0)
        {
            nowKiB = std::stoull(line.substr(6));
        }
    }
}

/**
 * CPU time this process has used so far (user and system, all its threads): on a machine
 * shared with other work it measures a run's cost where wall-clock time measures the sharing.
 * \return seconds
 */
inline double
MmsBenchmarkCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// An event that does nothing.
inline void
MmsBenchmarkEmpty()
{
}

/**
 * The scheduler's rate for empty events, scheduled in batches of 1,000 pending (MMS runs keep
 * few pending). Destroys the simulator afterwards.
 * \param events how many to run
 * \return events per wall-clock second
 */
inline double
MmsBenchmarkEmptyEventRate(uint64_t events)
{
    auto t0 = std::chrono::steady_clock::now();
    for (uint64_t done = 0; done < events; done += 1000)
    {
        for (int i = 0; i < 1000; ++i)
        {
            Simulator::Schedule(MicroSeconds(i), &MmsBenchmarkEmpty);
        }
        Simulator::Run();
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    Simulator::Destroy();
    return events / s;
}

} // namespace ns3

#endif /* MMS_BENCHMARK_MEASURES_H */
