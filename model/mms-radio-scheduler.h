/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_SCHEDULER_H
#define MMS_RADIO_SCHEDULER_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-radio
 * \brief One shared radio resource (a cell's downlink, its uplink, its FACH or RACH) serving
 * the head packet of each backlogged handset.
 *
 * The scheduler is a fluid server of packet-sized jobs, with at most one job per flow (a flow
 * is a handset, the job its head packet) at a time. Two disciplines divide the capacity C:
 * - PROCESSOR_SHARING: the n active flows share C max-min fairly, none above its own peak
 *   rate (water-filling, WaterFill()): flows whose peak is below the equal share get their
 *   peak, the others share the rest equally. With every peak at least C this is the
 *   egalitarian processor sharing of queueing theory, and a cell loaded by Poisson arrivals
 *   of transfers behaves as an M/G/1-PS queue, whose mean transfer time is E[S] / (1 - rho)
 *   whatever the size distribution (the mms-radio-bearer test checks this within 5%).
 * - ROUND_ROBIN: one job at a time, the oldest first, at min(C, its peak rate); a flow's next
 *   packet joins the back of the line, so backlogged handsets take turns packet by packet.
 *   This is time division: a resource whose flows' peaks are below C is not fully used.
 *
 * Rates change only when a job starts or ends (or the capacity or discipline changes), so the
 * remaining work of every job is exact between events: the scheduler keeps one simulator event,
 * the next completion, whose time is rounded up to the nanosecond; work below 1e-6 bit counts
 * as done. At each completion the callback set by SetCompletionCallback() is called with
 * (tag, flow) for every finished job, after the rates of the others were recomputed.
 *
 * This is a plain C++ class, not an ns-3 Object: it has no attributes and no trace sources.
 * MmsRadioCellChannel owns four of them (shared downlink and uplink, FACH and RACH) and sets
 * their capacity and discipline from its attributes (DownlinkCapacity, UplinkCapacity,
 * Scheduler, FachRate, RachRate). The model has no notion of TTIs, timeslots or channel
 * quality: the rates are fluid shares.
 */
class MmsRadioScheduler
{
  public:
    /// How the capacity is divided among backlogged flows (the cell's Scheduler attribute).
    enum Discipline
    {
        PROCESSOR_SHARING, //!< max-min fair share, each flow capped by its peak rate
        ROUND_ROBIN,       //!< one flow at a time, in turn, at min(capacity, its peak rate)
    };

    /// Create an idle scheduler: processor sharing, capacity 1 bit/s, no callback.
    MmsRadioScheduler();
    /// Cancel the pending completion event.
    ~MmsRadioScheduler();
    MmsRadioScheduler(const MmsRadioScheduler&) = delete;
    MmsRadioScheduler& operator=(const MmsRadioScheduler&) = delete;

    /**
     * \brief Set the capacity; it takes effect for the work still to be done.
     * \param bitsPerSecond the capacity, bit/s (positive)
     */
    void SetCapacity(double bitsPerSecond);
    /**
     * \brief Get the capacity.
     * \return the capacity, bit/s
     */
    double GetCapacity() const;
    /**
     * \brief Set how the capacity is divided; it takes effect for the work still to be done.
     * \param d the discipline
     */
    void SetDiscipline(Discipline d);
    /**
     * \brief Set the function called when a flow's job completes.
     * \param cb called with (tag, flow)
     * \param tag passed back unchanged, so one function can serve several schedulers
     */
    void SetCompletionCallback(Callback<void, uint32_t, uint32_t> cb, uint32_t tag);

    /**
     * \brief Start a job; the rates of all jobs are recomputed.
     * \param flow the flow (must not have a job in service)
     * \param bits the work, bits
     * \param peakRate the flow's own rate limit, bit/s (positive)
     */
    void Start(uint32_t flow, double bits, double peakRate);
    /**
     * \brief Drop a flow's job, if it has one, without calling the completion callback.
     * \param flow the flow
     */
    void Abort(uint32_t flow);
    /**
     * \brief Whether a flow has a job in service.
     * \param flow the flow
     * \return true if the flow has a job
     */
    bool IsActive(uint32_t flow) const;
    /**
     * \brief The number of jobs in service.
     * \return the number of active flows
     */
    uint32_t GetActiveCount() const;
    /**
     * \brief The rate a flow receives now.
     * \param flow the flow
     * \return the rate, bit/s (0 if the flow is not active, or waits its turn in round robin)
     */
    double GetRate(uint32_t flow) const;
    /**
     * \brief The work done since the scheduler was created, up to now (Clear() keeps it).
     *
     * Reading it changes nothing: the jobs' remaining work is advanced only when the rates
     * change, so sampling does not alter the run.
     * \return the bits served
     */
    double GetServedBits() const;
    /**
     * \brief The time with at least one job in service, up to now (Clear() keeps it); reading
     * it changes nothing.
     * \return the busy time
     */
    Time GetBusyTime() const;
    /// Cancel the pending event and forget all jobs, without calling the completion callback.
    void Clear();

    /**
     * \brief Max-min fair rates (water-filling): flows are served in increasing order of peak;
     * each gets its peak if that is below an equal share of what is left, and the rest share
     * it equally otherwise.
     * \param capacity the capacity to divide, bit/s
     * \param caps each flow's peak rate, bit/s
     * \return each flow's rate, in the order of caps; their sum is at most capacity
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
