/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_CELL_TRAFFIC_H
#define MMS_CELL_TRAFFIC_H

#include "mms-traffic-model.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-scenario
 * \brief The send times of every subscriber of one cell, with one pending event for the whole
 * cell.
 *
 * Each subscriber of a traffic model sends as a renewal process with unit mean gaps in the
 * model's operational time Lambda(t) (MmsTrafficModel). A cell of N subscribers that share one
 * model needs the superposition of N such processes, and this object generates it without an
 * event (nor any state) per subscriber:
 * - Poisson: the superposition of N unit-rate Poisson processes is a Poisson process of rate N
 *   in operational time, and each of its points belongs to a subscriber drawn uniformly. So the
 *   next send of the cell is at Lambda^-1(Lambda(now) + E / N), E an exponential gap of the
 *   model, and the sender a uniform index. This is exact (the same law as N separate
 *   processes), costs nothing per subscriber and keeps the 24-hour profile and the spike.
 * - Weibull: a renewal process is not memoryless, so each subscriber's next send (in
 *   operational time) is kept in a binary heap of the cell, 16 octets per subscriber; the heap's
 *   earliest entry is the cell's one pending event.
 * The first sends are stationary (MmsTrafficModel::DrawOperationalResidual), as for a User Agent
 * that schedules its own sends.
 *
 * At each send the callback given to SetSendCallback gets the sender's index in the cell
 * (0 to N-1); what the subscriber then does (switched off: nothing; otherwise build and submit a
 * message) is up to the caller, so the process runs on whatever the subscriber's state, as a User
 * Agent's own does. MmsScenarioHelper creates one per cell and calls MmsUserAgent's
 * GenerateMessage for the chosen handset.
 *
 * \code
 *   Ptr<MmsCellTraffic> cell = CreateObject<MmsCellTraffic>();
 *   cell->SetModel(model);
 *   cell->SetSubscribers(1000);
 *   cell->SetSendCallback(MakeCallback(&MySend));
 *   cell->Start(Seconds(0));
 *   cell->AssignStreams(100);
 * \endcode
 *
 * Random draws: the gaps from the model's streams (MmsTrafficModel::AssignStreams), the
 * sender of a Poisson cell from this object's own stream (AssignStreams). The events run in the
 * context given to SetContext (the cell's node), so that a distributed run keeps them on the
 * cell's rank.
 */
class MmsCellTraffic : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// A cell with no model, no subscriber and no callback.
    MmsCellTraffic();
    ~MmsCellTraffic() override;

    /**
     * The callback of a send: the index of the sender in the cell.
     */
    typedef Callback<void, uint32_t> SendCallback;

    /**
     * \param model the traffic model of the cell's subscribers (shared, stateless per
     * subscriber)
     */
    void SetModel(Ptr<MmsTrafficModel> model);
    /**
     * \param n the number of subscribers of the cell (before Start)
     */
    void SetSubscribers(uint32_t n);
    /**
     * \return the number of subscribers
     */
    uint32_t GetSubscribers() const;
    /**
     * \param cb called at each send with the sender's index
     */
    void SetSendCallback(SendCallback cb);
    /**
     * \param context the node id the events run in (default: that of the caller of Start)
     */
    void SetContext(uint32_t context);
    /**
     * Start the process: the first sends are drawn from the stationary process at that time.
     * \param at when, from now
     */
    void Start(Time at);
    /**
     * Stop the process: no send after this.
     * \param at when, from now
     */
    void Stop(Time at);
    /**
     * Assign a fixed random variable stream to the sender draw.
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);
    /**
     * \return the sends generated so far
     */
    uint64_t GetSends() const;
    /**
     * \return the time of the cell's next send, or Time::Max() if none is pending
     */
    Time GetNextSendTime() const;

  protected:
    /// Cancel the pending event and forget the model and the callback.
    void DoDispose() override;

  private:
    /// Draw the first sends and schedule the earliest.
    void DoStart();
    /// Stop generating.
    void DoStop();
    /// Schedule the event of the earliest pending send (if it is not at infinity).
    void ScheduleNext();
    /// The earliest send is due: call back, draw the next.
    void Fire();

    Ptr<MmsTrafficModel> m_model;        //!< the subscribers' model
    Ptr<UniformRandomVariable> m_sender; //!< Poisson: who sends
    SendCallback m_send;                 //!< what a send does
    uint32_t m_subscribers{0};           //!< N
    uint32_t m_context{0};               //!< the node the events run on
    bool m_contextSet{false};            //!< SetContext was called
    bool m_running{false};               //!< between Start and Stop
    EventId m_event;                     //!< the one pending event
    uint64_t m_sends{0};                 //!< sends so far
    /// Poisson: operational time of the cell's next send.
    double m_nextOperational{0};
    /// Weibull: (operational time of the next send, subscriber), a min-heap on the time.
    std::vector<std::pair<double, uint32_t>> m_heap;
};

} // namespace ns3

#endif /* MMS_CELL_TRAFFIC_H */
