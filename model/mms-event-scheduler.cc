/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mms-event-scheduler.h"

#include "ns3/assert.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsEventScheduler");
NS_OBJECT_ENSURE_REGISTERED(MmsEventScheduler);

namespace
{
/// Children per entry of the heap.
constexpr std::size_t ARITY = 4;

/// Whether a comes before b: time stamp, then unique id.
inline bool
Earlier(const Scheduler::EventKey& a, const Scheduler::EventKey& b)
{
    return a.m_ts < b.m_ts || (a.m_ts == b.m_ts && a.m_uid < b.m_uid);
}

inline bool
Before(const Scheduler::Event& a, const Scheduler::Event& b)
{
    return Earlier(a.key, b.key);
}

/// std::push_heap's order for a heap with the earliest key on top.
inline bool
Later(const Scheduler::EventKey& a, const Scheduler::EventKey& b)
{
    return Earlier(b, a);
}
} // namespace

TypeId
MmsEventScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsEventScheduler")
                            .SetParent<Scheduler>()
                            .SetGroupName("Mms")
                            .AddConstructor<MmsEventScheduler>();
    return tid;
}

MmsEventScheduler::MmsEventScheduler()
{
    NS_LOG_FUNCTION(this);
}

MmsEventScheduler::~MmsEventScheduler()
{
    NS_LOG_FUNCTION(this);
}

std::size_t
MmsEventScheduler::GetEntries() const
{
    return m_heap.size();
}

void
MmsEventScheduler::SiftUp(std::size_t i) const
{
    const Event e = m_heap[i];
    while (i > 0)
    {
        const std::size_t parent = (i - 1) / ARITY;
        if (!Before(e, m_heap[parent]))
        {
            break;
        }
        m_heap[i] = m_heap[parent];
        i = parent;
    }
    m_heap[i] = e;
}

void
MmsEventScheduler::SiftDown(std::size_t i) const
{
    const std::size_t n = m_heap.size();
    const Event e = m_heap[i];
    while (true)
    {
        const std::size_t first = i * ARITY + 1;
        if (first >= n)
        {
            break;
        }
        const std::size_t last = std::min(first + ARITY, n);
        std::size_t best = first;
        for (std::size_t c = first + 1; c < last; ++c)
        {
            if (Before(m_heap[c], m_heap[best]))
            {
                best = c;
            }
        }
        if (!Before(m_heap[best], e))
        {
            break;
        }
        m_heap[i] = m_heap[best];
        i = best;
    }
    m_heap[i] = e;
}

void
MmsEventScheduler::PopTop() const
{
    m_heap.front() = m_heap.back();
    m_heap.pop_back();
    if (!m_heap.empty())
    {
        SiftDown(0);
    }
}

void
MmsEventScheduler::DropMarkedTop() const
{
    // Every removed key is in m_heap, so the earliest removed key is m_heap's top or later.
    while (!m_removed.empty() && m_heap.front().key.m_uid == m_removed.front().m_uid)
    {
        std::pop_heap(m_removed.begin(), m_removed.end(), Later);
        m_removed.pop_back();
        PopTop(); // its EventImpl is gone: never touched
    }
}

void
MmsEventScheduler::Insert(const Event& ev)
{
    NS_LOG_FUNCTION(this << ev.impl << ev.key.m_ts << ev.key.m_uid);
    m_heap.push_back(ev);
    SiftUp(m_heap.size() - 1);
}

bool
MmsEventScheduler::IsEmpty() const
{
    DropMarkedTop();
    return m_heap.empty();
}

Scheduler::Event
MmsEventScheduler::PeekNext() const
{
    DropMarkedTop();
    NS_ASSERT(!m_heap.empty());
    return m_heap.front();
}

Scheduler::Event
MmsEventScheduler::RemoveNext()
{
    DropMarkedTop();
    NS_ASSERT(!m_heap.empty());
    const Event next = m_heap.front();
    PopTop();
    return next;
}

void
MmsEventScheduler::Remove(const Event& ev)
{
    NS_LOG_FUNCTION(this << ev.impl << ev.key.m_ts << ev.key.m_uid);
    if (!m_heap.empty() && m_heap.front().key.m_uid == ev.key.m_uid)
    {
        PopTop();
        return;
    }
    m_removed.push_back(ev.key);
    std::push_heap(m_removed.begin(), m_removed.end(), Later);
    if (m_removed.size() * 2 > m_heap.size())
    {
        // Half the entries are removed: rebuild the heap without them.
        std::vector<uint32_t> gone;
        gone.reserve(m_removed.size());
        for (const EventKey& k : m_removed)
        {
            gone.push_back(k.m_uid);
        }
        std::sort(gone.begin(), gone.end());
        std::size_t kept = 0;
        for (const Event& e : m_heap)
        {
            if (!std::binary_search(gone.begin(), gone.end(), e.key.m_uid))
            {
                m_heap[kept++] = e;
            }
        }
        m_heap.resize(kept);
        m_removed.clear();
        for (std::size_t i = m_heap.size(); i-- > 0;)
        {
            SiftDown(i);
        }
    }
}

} // namespace ns3
