/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_EVENT_SCHEDULER_H
#define MMS_EVENT_SCHEDULER_H

#include "ns3/scheduler.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-scenario
 * \brief An ns-3 event scheduler for operator-sized runs: a 4-ary heap in one array, removal
 * by marking.
 *
 * ns-3's default MapScheduler keeps the pending events in a std::map: a node allocated per
 * event and a walk down a red-black tree at each insertion, each step a likely cache miss once
 * tens of thousands of events are pending, as in an operator of millions of subscribers (one
 * pending event per cell for its traffic, plus every running transfer's timers, and cancelled
 * timers stay queued until their time). Here the events are 24-octet entries of one contiguous
 * array ordered as a 4-ary heap: no allocation per event, a new event (usually later than most)
 * settles after a few comparisons near the end of the array, and taking the next event walks
 * down log4(n) levels of adjacent entries.
 *
 * Simulator::Remove of an event (the radio scheduler removes its completion event at each
 * arrival in a busy cell) marks it: its key goes into a second heap, of removed keys. As both
 * heaps order the same unique keys, an entry at the top of the first is removed exactly when it
 * is the top of the second, so checking the next event is one comparison, not a search (a hash
 * set of removed ids, probed before every event, was a cache miss each at ten million
 * subscribers); the entry is dropped without touching its (by then freed) EventImpl, and the
 * array is rebuilt without the removed entries once they are half of it. ns-3's HeapScheduler and
 * PriorityQueueScheduler search the whole array at each Remove instead.
 *
 * The order is that of every ns-3 scheduler: time stamp, then unique id (the order of
 * scheduling). Results do not depend on the scheduler; only the speed does. Select it before the
 * first event is scheduled or at any time (ns-3 moves the pending events):
 * \code
 *   ObjectFactory f("ns3::MmsEventScheduler");
 *   Simulator::SetScheduler(f);
 * \endcode
 * or with ns-3's global value: --SchedulerType=ns3::MmsEventScheduler.
 */
class MmsEventScheduler : public Scheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsEventScheduler();
    ~MmsEventScheduler() override;

    /**
     * Insert an event.
     * \param ev the event (its key's time stamp and unique id order it)
     */
    void Insert(const Event& ev) override;
    /**
     * \return whether no event is pending (removed ones do not count)
     */
    bool IsEmpty() const override;
    /**
     * \return the earliest pending event (the scheduler must not be empty)
     */
    Event PeekNext() const override;
    /**
     * Take the earliest pending event (the scheduler must not be empty).
     * \return that event
     */
    Event RemoveNext() override;
    /**
     * Remove a pending event: it is marked and dropped when it comes to the top.
     * \param ev the event, as inserted
     */
    void Remove(const Event& ev) override;

    /**
     * \return the entries in the array, marked ones included (for tests and benchmarks)
     */
    std::size_t GetEntries() const;

  private:
    /**
     * Drop marked entries from the top of the heap.
     */
    void DropMarkedTop() const;
    /**
     * Remove the top entry of the heap.
     */
    void PopTop() const;
    /**
     * Move an entry up to its place.
     * \param i its index
     */
    void SiftUp(std::size_t i) const;
    /**
     * Move an entry down to its place.
     * \param i its index
     */
    void SiftDown(std::size_t i) const;

    mutable std::vector<Event> m_heap;       //!< the 4-ary heap, earliest on top
    mutable std::vector<EventKey> m_removed; //!< removed entries' keys, a heap, earliest on top
};

} // namespace ns3

#endif /* MMS_EVENT_SCHEDULER_H */
