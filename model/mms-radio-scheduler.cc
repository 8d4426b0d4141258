/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-radio-scheduler.h"

#include "ns3/assert.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ns3
{

namespace
{
// Work below this many bits counts as done (rounding of event times to the nanosecond).
constexpr double kDoneBits = 1e-6;
} // namespace

MmsRadioScheduler::MmsRadioScheduler()
    : m_discipline(PROCESSOR_SHARING)
    , m_capacity(1)
    , m_served(0)
    , m_tag(0)
{
}

MmsRadioScheduler::~MmsRadioScheduler()
{
    m_event.Cancel();
}

void
MmsRadioScheduler::SetCapacity(double bitsPerSecond)
{
    NS_ASSERT_MSG(bitsPerSecond > 0, "radio scheduler capacity must be positive");
    Advance();
    m_capacity = bitsPerSecond;
    Allocate();
    Reschedule();
}

double
MmsRadioScheduler::GetCapacity() const
{
    return m_capacity;
}

void
MmsRadioScheduler::SetDiscipline(Discipline d)
{
    Advance();
    m_discipline = d;
    Allocate();
    Reschedule();
}

void
MmsRadioScheduler::SetCompletionCallback(Callback<void, uint32_t, uint32_t> cb, uint32_t tag)
{
    m_done = cb;
    m_tag = tag;
}

void
MmsRadioScheduler::Advance()
{
    const Time now = Simulator::Now();
    const double dt = (now - m_last).GetSeconds();
    m_last = now;
    if (dt <= 0 || m_jobs.empty())
    {
        return;
    }
    m_busy += Seconds(dt);
    for (auto& j : m_jobs)
    {
        const double w = std::min(j.remaining, j.rate * dt);
        j.remaining -= w;
        m_served += w;
    }
}

std::vector<double>
MmsRadioScheduler::WaterFill(double capacity, const std::vector<double>& caps)
{
    std::vector<double> rates(caps.size(), 0);
    std::vector<size_t> order(caps.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(),
                     order.end(),
                     [&caps](size_t a, size_t b)
                     {
                         return caps[a] < caps[b];
                     });
    double left = capacity;
    size_t n = caps.size();
    for (size_t k = 0; k < order.size(); ++k, --n)
    {
        const double share = left / n;
        const size_t i = order[k];
        if (caps[i] <= share)
        {
            rates[i] = caps[i];
            left -= caps[i];
        }
        else
        {
            for (size_t r = k; r < order.size(); ++r)
            {
                rates[order[r]] = share;
            }
            break;
        }
    }
    return rates;
}

void
MmsRadioScheduler::Allocate()
{
    if (m_jobs.empty())
    {
        return;
    }
    if (m_discipline == ROUND_ROBIN)
    {
        for (auto& j : m_jobs)
        {
            j.rate = 0;
        }
        m_jobs.front().rate = std::min(m_capacity, m_jobs.front().peak);
        return;
    }
    // The common case: every flow can take an equal share.
    const double share = m_capacity / m_jobs.size();
    bool capped = false;
    for (const auto& j : m_jobs)
    {
        capped = capped || j.peak < share;
    }
    if (!capped)
    {
        for (auto& j : m_jobs)
        {
            j.rate = share;
        }
        return;
    }
    std::vector<double> caps;
    caps.reserve(m_jobs.size());
    for (const auto& j : m_jobs)
    {
        caps.push_back(j.peak);
    }
    const std::vector<double> rates = WaterFill(m_capacity, caps);
    for (size_t i = 0; i < m_jobs.size(); ++i)
    {
        m_jobs[i].rate = rates[i];
    }
}

void
MmsRadioScheduler::Reschedule()
{
    // Removed rather than cancelled: a cancelled event stays queued until its time and then
    // runs as an empty event, one per arrival while the cell is busy.
    Simulator::Remove(m_event);
    double first = -1;
    for (const auto& j : m_jobs)
    {
        if (j.rate > 0)
        {
            const double t = std::max(j.remaining, 0.0) / j.rate;
            first = first < 0 ? t : std::min(first, t);
        }
    }
    if (first < 0)
    {
        return;
    }
    // Round up so the job is complete when the event runs.
    const int64_t ns = static_cast<int64_t>(std::ceil(first * 1e9));
    m_event = Simulator::Schedule(NanoSeconds(ns), &MmsRadioScheduler::Complete, this);
}

void
MmsRadioScheduler::Complete()
{
    Advance();
    std::vector<uint32_t> done;
    auto end = std::stable_partition(m_jobs.begin(),
                                     m_jobs.end(),
                                     [](const Job& j)
                                     {
                                         return j.remaining > kDoneBits;
                                     });
    for (auto it = end; it != m_jobs.end(); ++it)
    {
        done.push_back(it->flow);
    }
    m_jobs.erase(end, m_jobs.end());
    Allocate();
    Reschedule();
    for (uint32_t flow : done)
    {
        if (!m_done.IsNull())
        {
            m_done(m_tag, flow);
        }
    }
}

void
MmsRadioScheduler::Start(uint32_t flow, double bits, double peakRate)
{
    NS_ASSERT_MSG(!IsActive(flow), "flow " << flow << " already has a job");
    NS_ASSERT_MSG(peakRate > 0, "peak rate must be positive");
    Advance();
    m_jobs.push_back(Job{flow, std::max(bits, kDoneBits * 2), peakRate, 0});
    Allocate();
    Reschedule();
}

void
MmsRadioScheduler::Abort(uint32_t flow)
{
    Advance();
    auto it = std::find_if(m_jobs.begin(),
                           m_jobs.end(),
                           [flow](const Job& j)
                           {
                               return j.flow == flow;
                           });
    if (it != m_jobs.end())
    {
        m_jobs.erase(it);
        Allocate();
        Reschedule();
    }
}

bool
MmsRadioScheduler::IsActive(uint32_t flow) const
{
    return std::any_of(m_jobs.begin(),
                       m_jobs.end(),
                       [flow](const Job& j)
                       {
                           return j.flow == flow;
                       });
}

uint32_t
MmsRadioScheduler::GetActiveCount() const
{
    return static_cast<uint32_t>(m_jobs.size());
}

double
MmsRadioScheduler::GetRate(uint32_t flow) const
{
    for (const auto& j : m_jobs)
    {
        if (j.flow == flow)
        {
            return j.rate;
        }
    }
    return 0;
}

double
MmsRadioScheduler::GetServedBits() const
{
    // Read without Advance(): advancing the jobs at an instant where no rate changes would
    // round their remaining work in two steps instead of one, so that sampling a cell's
    // statistics (the results recorder does, every sampling interval) moved later completions
    // by rounding errors and changed the run.
    const double dt = (Simulator::Now() - m_last).GetSeconds();
    double served = m_served;
    if (dt > 0)
    {
        for (const auto& j : m_jobs)
        {
            served += std::min(j.remaining, j.rate * dt);
        }
    }
    return served;
}

Time
MmsRadioScheduler::GetBusyTime() const
{
    const Time now = Simulator::Now();
    return m_jobs.empty() || now <= m_last ? m_busy : m_busy + (now - m_last);
}

void
MmsRadioScheduler::Clear()
{
    m_event.Cancel();
    m_jobs.clear();
}

} // namespace ns3
