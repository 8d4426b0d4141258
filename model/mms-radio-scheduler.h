/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_SCHEDULER_H
#define MMS_RADIO_SCHEDULER_H

// One shared radio resource (a cell's downlink, its uplink, its FACH) serving the head packet
// of each backlogged handset. Processor sharing divides the capacity among them max-min
// fairly, none above its own peak rate; round robin serves one handset at a time.

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * A fluid server of packet-sized jobs, one job per flow at a time. Each event is a job
 * completion: rates change only when a job starts or ends, so the remaining work of every job
 * is exact between events (times rounded up to the nanosecond).
 */
class MmsRadioScheduler
{
  public:
    /// How the capacity is divided among backlogged flows.
    enum Discipline
    {
        PROCESSOR_SHARING, //!< max-min fair share, each flow capped by its peak rate
        ROUND_ROBIN,       //!< one flow at a time, in turn, at min(capacity, its peak rate)
    };

    MmsRadioScheduler();
    ~MmsRadioScheduler();
    MmsRadioScheduler(const MmsRadioScheduler&) = delete;
    MmsRadioScheduler& operator=(const MmsRadioScheduler&) = delete;

    /// Capacity in bit/s (takes effect for the work still to be done).
    void SetCapacity(double bitsPerSecond);
    double GetCapacity() const;
    void SetDiscipline(Discipline d);
    /// Called with (tag, flow) when a flow's job completes.
    void SetCompletionCallback(Callback<void, uint32_t, uint32_t> cb, uint32_t tag);

    /**
     * Start a job.
     * \param flow the flow (must not have a job in service)
     * \param bits the work
     * \param peakRate the flow's own rate limit, bit/s
     */
    void Start(uint32_t flow, double bits, double peakRate);
    /// Drop a flow's job, if it has one.
    void Abort(uint32_t flow);
    bool IsActive(uint32_t flow) const;
    uint32_t GetActiveCount() const;
    /// Rate the flow receives now, bit/s (0 if not active).
    double GetRate(uint32_t flow) const;
    /// Bits served since the start, up to now.
    double GetServedBits();
    /// Time with at least one job in service, up to now.
    Time GetBusyTime();
    /// Cancel the pending event and forget all jobs.
    void Clear();

    /**
     * Max-min fair rates (water-filling).
     * \param capacity total
     * \param caps each flow's peak
     * \return each flow's rate
     */
    static std::vector<double> WaterFill(double capacity, const std::vector<double>& caps);

  private:
    struct Job
    {
        uint32_t flow;
        double remaining; //!< bits
        double peak;      //!< bit/s
        double rate;      //!< bit/s, current
    };

    void Advance();
    void Allocate();
    void Reschedule();
    void Complete();

    Discipline m_discipline;
    double m_capacity;
    std::vector<Job> m_jobs; //!< in arrival order (the service order for round robin)
    Time m_last;
    double m_served;
    Time m_busy;
    EventId m_event;
    Callback<void, uint32_t, uint32_t> m_done;
    uint32_t m_tag;
};

} // namespace ns3

#endif /* MMS_RADIO_SCHEDULER_H */
