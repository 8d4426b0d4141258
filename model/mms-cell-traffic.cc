/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mms-cell-traffic.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <functional>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsCellTraffic");
NS_OBJECT_ENSURE_REGISTERED(MmsCellTraffic);

namespace
{
/// Order of the Weibull heap: the earliest send on top (ties: the lower index).
using Entry = std::pair<double, uint32_t>;
const std::greater<Entry> LATER;
} // namespace

TypeId
MmsCellTraffic::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsCellTraffic")
                            .SetParent<Object>()
                            .SetGroupName("Mms")
                            .AddConstructor<MmsCellTraffic>();
    return tid;
}

MmsCellTraffic::MmsCellTraffic()
    : m_sender(CreateObject<UniformRandomVariable>())
{
}

MmsCellTraffic::~MmsCellTraffic() = default;

void
MmsCellTraffic::DoDispose()
{
    m_event.Cancel();
    m_model = nullptr;
    m_send = SendCallback();
    m_heap.clear();
    m_heap.shrink_to_fit();
    Object::DoDispose();
}

void
MmsCellTraffic::SetModel(Ptr<MmsTrafficModel> model)
{
    m_model = model;
}

void
MmsCellTraffic::SetSubscribers(uint32_t n)
{
    NS_ABORT_MSG_IF(m_running, "MmsCellTraffic::SetSubscribers after Start");
    m_subscribers = n;
}

uint32_t
MmsCellTraffic::GetSubscribers() const
{
    return m_subscribers;
}

void
MmsCellTraffic::SetSendCallback(SendCallback cb)
{
    m_send = cb;
}

void
MmsCellTraffic::SetContext(uint32_t context)
{
    m_context = context;
    m_contextSet = true;
}

int64_t
MmsCellTraffic::AssignStreams(int64_t stream)
{
    m_sender->SetStream(stream);
    return 1;
}

uint64_t
MmsCellTraffic::GetSends() const
{
    return m_sends;
}

Time
MmsCellTraffic::GetNextSendTime() const
{
    return m_event.IsExpired() ? Time::Max() : Simulator::Now() + Simulator::GetDelayLeft(m_event);
}

void
MmsCellTraffic::Start(Time at)
{
    NS_ABORT_MSG_UNLESS(m_model, "MmsCellTraffic::Start without a traffic model");
    if (!m_contextSet)
    {
        m_context = Simulator::GetContext();
    }
    Simulator::ScheduleWithContext(m_context, at, &MmsCellTraffic::DoStart, this);
}

void
MmsCellTraffic::Stop(Time at)
{
    Simulator::ScheduleWithContext(m_context, at, &MmsCellTraffic::DoStop, this);
}

void
MmsCellTraffic::DoStart()
{
    if (m_running || m_subscribers == 0)
    {
        return;
    }
    m_running = true;
    double now = m_model->GetCumulative(Simulator::Now());
    if (m_model->GetProcess() == MmsTrafficModel::POISSON)
    {
        // The first of N stationary Poisson processes: an exponential gap over N.
        m_nextOperational = now + m_model->DrawOperationalResidual() / m_subscribers;
    }
    else
    {
        m_heap.clear();
        m_heap.reserve(m_subscribers);
        for (uint32_t i = 0; i < m_subscribers; ++i)
        {
            m_heap.emplace_back(now + m_model->DrawOperationalResidual(), i);
        }
        std::make_heap(m_heap.begin(), m_heap.end(), LATER);
    }
    ScheduleNext();
}

void
MmsCellTraffic::DoStop()
{
    m_running = false;
    Simulator::Remove(m_event); // not left to run as an empty event
}

void
MmsCellTraffic::ScheduleNext()
{
    double next = m_model->GetProcess() == MmsTrafficModel::POISSON || m_heap.empty()
                      ? m_nextOperational
                      : m_heap.front().first;
    Time t = m_model->GetTimeAt(next);
    if (t == Time::Max())
    {
        return; // the rate is zero from here on
    }
    Time now = Simulator::Now();
    m_event = Simulator::Schedule(std::max(t, now) - now, &MmsCellTraffic::Fire, this);
}

void
MmsCellTraffic::Fire()
{
    if (!m_running)
    {
        return;
    }
    uint32_t sender;
    if (m_model->GetProcess() == MmsTrafficModel::POISSON)
    {
        m_nextOperational += m_model->DrawOperationalGap() / m_subscribers;
        sender = m_sender->GetInteger(0, m_subscribers - 1);
    }
    else
    {
        std::pop_heap(m_heap.begin(), m_heap.end(), LATER);
        Entry& e = m_heap.back();
        sender = e.second;
        e.first += m_model->DrawOperationalGap();
        std::push_heap(m_heap.begin(), m_heap.end(), LATER);
    }
    ++m_sends;
    ScheduleNext();
    if (!m_send.IsNull())
    {
        m_send(sender);
    }
}

} // namespace ns3
