/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mms-subscriber-pool.h"

#include "mms-common.h"
#include "mms-radio-bearer-net-device.h"
#include "mms-smsc.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsSubscriberPool");
NS_OBJECT_ENSURE_REGISTERED(MmsSubscriberPool);

namespace
{
/// Add a User Agent's counters to a sum. \param sum the sum \param k the counters
void
AddCounters(MmsUserAgent::Counters& sum, const MmsUserAgent::Counters& k)
{
    sum.submitted += k.submitted;
    sum.submitConfirmed += k.submitConfirmed;
    sum.submitRejected += k.submitRejected;
    sum.notifications += k.notifications;
    sum.duplicateNotifications += k.duplicateNotifications;
    sum.retrieved += k.retrieved;
    sum.deliveryReports += k.deliveryReports;
    sum.readReportsSent += k.readReportsSent;
    sum.readReportsReceived += k.readReportsReceived;
    sum.failedTransactions += k.failedTransactions;
    sum.smsReceived += k.smsReceived;
}
} // namespace

TypeId
MmsSubscriberPool::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsSubscriberPool")
            .SetParent<MmsSubscriberLocator>()
            .SetGroupName("Mms")
            .AddConstructor<MmsSubscriberPool>()
            .AddAttribute("ReuseHoldTime",
                          "Time a released handset (and its address) rests before another "
                          "subscriber may take it (s). Default 120 s: twice the socket "
                          "transport's default TIME_WAIT of 60 s, so that no late segment of "
                          "the previous binding reaches the next subscriber.",
                          TimeValue(Seconds(120)),
                          MakeTimeAccessor(&MmsSubscriberPool::m_reuseHoldTime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SmsHoldTime",
                          "How long a handset bound to deliver an SMS stays bound if nothing "
                          "else needs it (s). Default 30 s: longer than the longest paging, "
                          "SMS transfer and report of the radio cells (2.12 + 3 + 0.3 s) and "
                          "the SMSC's default acknowledgement timeout.",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&MmsSubscriberPool::m_smsHoldTime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxBoundHandsets",
                          "Bound handsets of one cell beyond which a binding for data is refused "
                          "(an SGSN's limit of PDP contexts); bindings for an SMS are never "
                          "refused but count; 0: no limit.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsSubscriberPool::m_maxBound),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("UserAgentCreated",
                            "A subscriber got a User Agent.",
                            MakeTraceSourceAccessor(&MmsSubscriberPool::m_userAgentCreatedTrace),
                            "ns3::MmsSubscriberPool::UserAgentTracedCallback")
            .AddTraceSource("HandsetCreated",
                            "A cell's pool of handsets grew by one.",
                            MakeTraceSourceAccessor(&MmsSubscriberPool::m_handsetCreatedTrace),
                            "ns3::MmsSubscriberPool::HandsetTracedCallback")
            .AddTraceSource("Bound",
                            "A handset was bound to a subscriber (PDP context activation).",
                            MakeTraceSourceAccessor(&MmsSubscriberPool::m_boundTrace),
                            "ns3::MmsSubscriberPool::BindingTracedCallback")
            .AddTraceSource("Released",
                            "A binding ended; the handset rests ReuseHoldTime.",
                            MakeTraceSourceAccessor(&MmsSubscriberPool::m_releasedTrace),
                            "ns3::MmsSubscriberPool::BindingTracedCallback")
            .AddTraceSource("Refused",
                            "A binding was refused: the cell had MaxBoundHandsets bound "
                            "(address: 0.0.0.0).",
                            MakeTraceSourceAccessor(&MmsSubscriberPool::m_refusedTrace),
                            "ns3::MmsSubscriberPool::BindingTracedCallback");
    return tid;
}

MmsSubscriberPool::MmsSubscriberPool()
{
    // What doc/mms.rst and the class description say a record costs.
    static_assert(sizeof(Record) == 40, "a subscriber record is 40 octets");
}

MmsSubscriberPool::~MmsSubscriberPool() = default;

void
MmsSubscriberPool::DoDispose()
{
    for (auto& r : m_records)
    {
        if (r.ua)
        {
            r.ua->DetachHandset();
            r.ua->Dispose();
            r.ua = nullptr;
        }
    }
    m_records.clear();
    m_records.shrink_to_fit();
    m_cells.clear();
    m_active.clear();
    m_byAddress.clear();
    for (auto& [index, ev] : m_coverageEvents)
    {
        ev.Cancel();
    }
    m_coverageEvents.clear();
    MmsSubscriberLocator::DoDispose();
}

void
MmsSubscriberPool::SetFirstMsisdn(const std::string& msisdn)
{
    std::size_t start = msisdn.find_last_not_of("0123456789") + 1;
    std::string digits = msisdn.substr(start);
    NS_ABORT_MSG_IF(digits.empty() || digits.size() > 18,
                    "MmsSubscriberPool: '" << msisdn << "' does not end in 1 to 18 digits");
    m_prefix = msisdn.substr(0, start);
    m_width = digits.size();
    m_firstNumber = std::stoull(digits);
}

uint32_t
MmsSubscriberPool::AddCell(uint32_t subscribers,
                           HandsetFactory handsets,
                           UserAgentFactory userAgents,
                           uint32_t context)
{
    Cell c;
    c.first = static_cast<uint32_t>(m_records.size());
    c.count = subscribers;
    c.context = context;
    c.makeHandset = handsets;
    c.makeUserAgent = userAgents;
    m_cellStart.push_back(c.first);
    m_cells.push_back(std::move(c));
    m_records.resize(m_records.size() + subscribers);
    return static_cast<uint32_t>(m_cells.size() - 1);
}

uint32_t
MmsSubscriberPool::GetFirstSubscriber(uint32_t cell) const
{
    return m_cells.at(cell).first;
}

MmsSubscriberPool::Alternating
MmsSubscriberPool::Periods(Ptr<const Object> from, const std::string& up, const std::string& down)
{
    PointerValue u;
    PointerValue d;
    from->GetAttribute(up, u);
    from->GetAttribute(down, d);
    return {
        u.Get<RandomVariableStream>(), d.Get<RandomVariableStream>(), Simulator::Now(), nullptr};
}

void
MmsSubscriberPool::SetSwitching(uint32_t cell, Ptr<const MmsUserAgent> prototype)
{
    NS_ABORT_MSG_IF(!prototype || !prototype->HasOnOff(),
                    "MmsSubscriberPool::SetSwitching: a User Agent whose OnOff is true");
    m_cells.at(cell).switching = Periods(prototype, "OnTime", "OffTime");
    m_cells.at(cell).switching.initial = prototype;
}

void
MmsSubscriberPool::SetCoverage(uint32_t cell, Ptr<const MmsRadioBearerNetDevice> prototype)
{
    NS_ABORT_MSG_IF(!prototype, "MmsSubscriberPool::SetCoverage: no device");
    m_cells.at(cell).coverage = Periods(prototype, "InCoverageTime", "OutOfCoverageTime");
}

void
MmsSubscriberPool::Advance(const Alternating& a, bool& down, Time& next)
{
    // The periods the process would have drawn since it was last looked at, drawn now.
    const Time now = Simulator::Now();
    if (next.IsNegative())
    {
        down = a.initial && a.initial->DrawInitialOff();
        next = a.start + Seconds(std::max(0.0, (down ? a.down : a.up)->GetValue()));
    }
    while (next <= now)
    {
        down = !down;
        next += Seconds(std::max(0.0, (down ? a.down : a.up)->GetValue()));
    }
}

bool
MmsSubscriberPool::IsOn(uint32_t index)
{
    Record& r = m_records.at(index);
    const Cell& c = m_cells[CellOf(index)];
    if (r.ua)
    {
        return r.ua->IsOn();
    }
    if (c.switching.up)
    {
        Advance(c.switching, r.off, r.nextSwitch);
    }
    return !r.off;
}

bool
MmsSubscriberPool::IsReachable(uint32_t index)
{
    // Both processes are brought up to now.
    const bool on = IsOn(index);
    return IsInCoverage(index) && on;
}

bool
MmsSubscriberPool::IsInCoverage(uint32_t index)
{
    Record& r = m_records.at(index);
    const Cell& c = m_cells[CellOf(index)];
    if (c.coverage.up)
    {
        Advance(c.coverage, r.outOfCoverage, r.nextCoverage);
    }
    return !r.outOfCoverage;
}

void
MmsSubscriberPool::CoverageChange(uint32_t index)
{
    Record& r = m_records.at(index);
    m_coverageEvents.erase(index);
    if (r.handset < 0)
    {
        return;
    }
    const Cell& c = m_cells[CellOf(index)];
    const bool in = IsInCoverage(index);
    if (Ptr<MmsRadioBearerNetDevice> d = c.handsets[static_cast<uint32_t>(r.handset)].device)
    {
        d->SetReachable(in); // a flow-level handset has none: coverage gaps not applied
    }
    m_coverageEvents[index] = Simulator::Schedule(
        r.nextCoverage - Simulator::Now(), &MmsSubscriberPool::CoverageChange, this, index);
}

uint32_t
MmsSubscriberPool::GetN() const
{
    return static_cast<uint32_t>(m_records.size());
}

std::string
MmsSubscriberPool::GetMsisdn(uint32_t index) const
{
    std::string s = std::to_string(m_firstNumber + index);
    if (s.size() < m_width)
    {
        s = std::string(m_width - s.size(), '0') + s;
    }
    return m_prefix + s;
}

uint32_t
MmsSubscriberPool::CellOf(uint32_t index) const
{
    auto it = std::upper_bound(m_cellStart.begin(), m_cellStart.end(), index);
    return static_cast<uint32_t>(it - m_cellStart.begin()) - 1;
}

uint32_t
MmsSubscriberPool::IndexOf(Ptr<MmsUserAgent> ua) const
{
    auto it = m_active.find(PeekPointer(ua));
    NS_ASSERT_MSG(it != m_active.end(), "a User Agent the pool did not make");
    return it->second;
}

Ptr<MmsUserAgent>
MmsSubscriberPool::Activate(uint32_t index)
{
    Record& r = m_records.at(index);
    if (r.ua)
    {
        return r.ua;
    }
    const uint32_t cell = CellOf(index);
    const bool on = IsOn(index);
    Ptr<MmsUserAgent> ua = m_cells[cell].makeUserAgent(cell, GetMsisdn(index));
    ua->SetTidCounter(r.tids);
    if (m_cells[cell].switching.up && ua->HasOnOff())
    {
        ua->SetSwitchState(on, r.nextSwitch);
    }
    ua->SetPool(MakeCallback(&MmsSubscriberPool::HandleBind, this),
                MakeCallback(&MmsSubscriberPool::HandleSettled, this));
    if (!m_traffic)
    {
        ua->SetAttribute("Traffic", BooleanValue(false));
    }
    ua->Activate();
    r.ua = ua;
    m_active[PeekPointer(ua)] = index;
    m_stats.activations++;
    m_stats.activeNow++;
    m_userAgentCreatedTrace(ua);
    return ua;
}

void
MmsSubscriberPool::Send(uint32_t index)
{
    if (!IsOn(index))
    {
        m_stats.sendsWhileOff++;
        return; // a switched-off handset sends nothing
    }
    Ptr<MmsUserAgent> ua = Activate(index);
    ua->GenerateMessage();
    Tidy(index); // nothing sent (switched off, or no traffic): the User Agent goes again
}

void
MmsSubscriberPool::StopTraffic()
{
    m_traffic = false;
    // In subscriber order, not the map's: the map is keyed by address, and what stopping a User
    // Agent schedules must not take its order among equal times from where objects were
    // allocated (a run's transitions after the stop differed with the process's environment).
    std::vector<uint32_t> indices;
    indices.reserve(m_active.size());
    for (const auto& [ua, index] : m_active)
    {
        indices.push_back(index);
    }
    std::sort(indices.begin(), indices.end());
    for (uint32_t index : indices)
    {
        m_records[index].ua->SetAttribute("Traffic", BooleanValue(false));
    }
}

bool
MmsSubscriberPool::Bind(uint32_t index, bool limited)
{
    Record& r = m_records.at(index);
    if (r.handset >= 0)
    {
        return true;
    }
    const uint32_t ci = CellOf(index);
    Cell& c = m_cells[ci];
    if (limited && m_maxBound > 0 && c.bound >= m_maxBound)
    {
        m_stats.refusals++;
        m_refusedTrace(GetMsisdn(index), ci, UINT32_MAX, Ipv4Address::GetZero());
        return false;
    }
    const Time now = Simulator::Now();
    while (!c.resting.empty() && c.resting.front().first <= now)
    {
        c.free.push_back(c.resting.front().second);
        c.resting.pop_front();
    }
    if (c.free.empty())
    {
        // The cell's pool grows by one handset.
        Handset h = c.makeHandset(ci);
        if (!h.transport || !(h.device || h.rrc))
        {
            // The cell can address no more handsets (its subnet is full): refused, as beyond
            // MaxBoundHandsets.
            m_stats.refusals++;
            m_refusedTrace(GetMsisdn(index), ci, UINT32_MAX, Ipv4Address::GetZero());
            return false;
        }
        const auto hi = static_cast<uint32_t>(c.handsets.size());
        if (!h.rrc)
        {
            h.rrc = h.device->GetRrc();
        }
        Ptr<MmsRrcStateMachine> rrc = h.rrc;
        StringValue mode;
        rrc->GetAttribute("PdpMode", mode);
        c.alwaysOn.push_back(mode.Get() == "AlwaysOn");
        c.wtpTid.push_back(0);
        rrc->TraceConnectWithoutContext(
            "PdpContext", MakeBoundCallback(&MmsSubscriberPool::PdpSink, this, ci, hi));
        rrc->TraceConnectWithoutContext(
            "State", MakeBoundCallback(&MmsSubscriberPool::StateSink, this, ci, hi));
        m_byAddress[h.address.Get()] = {ci, hi};
        c.handsets.push_back(h);
        c.boundTo.push_back(-1);
        c.lastBound.push_back(-1);
        c.free.push_back(hi);
        m_stats.handsetsCreated++;
        m_handsetCreatedTrace(ci, hi, h.transport);
    }
    const uint32_t hi = c.free.back();
    c.free.pop_back();
    c.boundTo[hi] = index;
    c.lastBound[hi] = index;
    r.handset = static_cast<int32_t>(hi);
    c.bound++;
    m_stats.bindings++;
    m_stats.boundNow++;
    m_stats.peakBound = std::max(m_stats.peakBound, m_stats.boundNow);
    Ptr<MmsUserAgent> ua = Activate(index);
    const Handset& h = c.handsets[hi];
    NS_LOG_INFO(GetMsisdn(index) << " bound to " << h.address << " (cell " << ci << ")");
    m_boundTrace(GetMsisdn(index), ci, hi, h.address);
    // The handset's WTP layer numbers its transactions on, whoever is bound: a late datagram
    // of the previous subscriber's transactions matches none of this one's.
    ua->SetWtpTid(c.wtpTid[hi]);
    ua->AttachHandset(h.node, h.transport);
    if (c.coverage.up)
    {
        CoverageChange(index); // the handset is where its subscriber is
    }
    return true;
}

void
MmsSubscriberPool::MaybeRelease(uint32_t index)
{
    Record& r = m_records.at(index);
    if (r.handset < 0 || (r.ua && r.ua->HasExchangeInFlight()))
    {
        return;
    }
    const uint32_t ci = CellOf(index);
    Cell& c = m_cells[ci];
    const auto hi = static_cast<uint32_t>(r.handset);
    const Handset& h = c.handsets[hi];
    if (!IsQuiet(ci, hi))
    {
        return; // the PDP context is up: the next PdpContext or State change tells
    }
    if (r.ua)
    {
        r.ua->DetachHandset(); // a WAP 1.x client sends its Disconnect and is closed
        c.wtpTid[hi] = r.ua->GetWtpTid();
    }
    auto ev = m_coverageEvents.find(index);
    if (ev != m_coverageEvents.end())
    {
        ev->second.Cancel();
        m_coverageEvents.erase(ev);
        if (h.device)
        {
            h.device->SetReachable(true);
        }
    }
    c.boundTo[hi] = -1;
    r.handset = -1;
    c.bound--;
    c.resting.emplace_back(Simulator::Now() + m_reuseHoldTime, hi);
    m_stats.releases++;
    m_stats.boundNow--;
    NS_LOG_INFO(GetMsisdn(index) << " released " << h.address);
    m_releasedTrace(GetMsisdn(index), ci, hi, h.address);
}

void
MmsSubscriberPool::MaybeRetire(uint32_t index)
{
    Record& r = m_records.at(index);
    if (!r.ua || r.handset >= 0 || !r.ua->IsSettled())
    {
        return;
    }
    Ptr<MmsUserAgent> ua = r.ua;
    r.tids = ua->GetTidCounter();
    if (m_cells[CellOf(index)].switching.up)
    {
        r.off = !ua->GetSwitchState(r.nextSwitch);
    }
    AddCounters(m_retired, ua->GetCounters());
    m_active.erase(PeekPointer(ua));
    r.ua = nullptr;
    m_stats.activeNow--;
    ua->Dispose();
}

void
MmsSubscriberPool::Tidy(uint32_t index)
{
    MaybeRelease(index);
    MaybeRetire(index);
}

void
MmsSubscriberPool::HandleBind(Ptr<MmsUserAgent> ua)
{
    Bind(IndexOf(ua), true);
}

void
MmsSubscriberPool::HandleSettled(Ptr<MmsUserAgent> ua)
{
    const uint32_t index = IndexOf(ua);
    const Record& r = m_records[index];
    if (r.handset >= 0 && !IsQuiet(CellOf(index), static_cast<uint32_t>(r.handset)))
    {
        // Bound, with its PDP context (or RRC connection) up: Tidy would neither release nor
        // retire, and the radio's change to quiet calls HandleRadioChange, which tidies.
        return;
    }
    Simulator::ScheduleNow(&MmsSubscriberPool::Tidy, this, index);
}

bool
MmsSubscriberPool::IsQuiet(uint32_t cell, uint32_t handset) const
{
    const Cell& c = m_cells[cell];
    const Ptr<MmsRrcStateMachine> rrc = c.handsets[handset].rrc;
    return c.alwaysOn[handset] ? rrc->GetState() == MmsRrcStateMachine::IDLE
                               : !rrc->HasPdpContext();
}

void
MmsSubscriberPool::HandleRadioChange(uint32_t cell, uint32_t handset)
{
    int64_t index = m_cells[cell].boundTo[handset];
    if (index >= 0)
    {
        Simulator::ScheduleNow(&MmsSubscriberPool::Tidy, this, static_cast<uint32_t>(index));
    }
}

void
MmsSubscriberPool::PdpSink(MmsSubscriberPool* pool, uint32_t cell, uint32_t handset, bool active)
{
    if (!active)
    {
        pool->HandleRadioChange(cell, handset);
    }
}

void
MmsSubscriberPool::StateSink(MmsSubscriberPool* pool,
                             uint32_t cell,
                             uint32_t handset,
                             MmsRrcStateMachine::State,
                             MmsRrcStateMachine::State to)
{
    if (to == MmsRrcStateMachine::IDLE && pool->m_cells[cell].alwaysOn[handset])
    {
        pool->HandleRadioChange(cell, handset);
    }
}

bool
MmsSubscriberPool::Locate(uint32_t index, Ipv4Address& out)
{
    if (index >= m_records.size())
    {
        return false;
    }
    Record& r = m_records[index];
    if (r.handset < 0)
    {
        // The network pages the subscriber: a handset for the SMS, kept SmsHoldTime unless a
        // transfer of its own keeps it longer.
        if (!Bind(index, false))
        {
            return false;
        }
        Simulator::ScheduleWithContext(
            m_cells[CellOf(index)].context, m_smsHoldTime, &MmsSubscriberPool::Tidy, this, index);
    }
    const Cell& c = m_cells[CellOf(index)];
    out = c.handsets[static_cast<uint32_t>(r.handset)].address;
    return true;
}

bool
MmsSubscriberPool::LocateForSms(uint32_t index, Ipv4Address& out, bool& byNumber)
{
    byNumber = false;
    if (index >= m_records.size())
    {
        return false;
    }
    const Record& r = m_records[index];
    const Cell& c = m_cells[CellOf(index)];
    if (r.handset >= 0 || !c.smsTransport)
    {
        return Locate(index, out); // its handset, or one bound for the SMS
    }
    out = c.smsAddress;
    byNumber = true;
    return true;
}

void
MmsSubscriberPool::SetSmsPoint(uint32_t cell,
                               Ptr<MmsTransport> transport,
                               Ptr<MmsRadioCellChannel> channel,
                               Ipv4Address address,
                               uint16_t port)
{
    Cell& c = m_cells.at(cell);
    NS_ABORT_MSG_IF(!transport || !channel, "MmsSubscriberPool::SetSmsPoint: no transport or cell");
    c.smsTransport = transport;
    c.channel = channel;
    c.smsAddress = address;
    c.smsPort = port;
    transport->BindDatagram(port, MakeBoundCallback(&MmsSubscriberPool::SmsPointSink, this, cell));
}

bool
MmsSubscriberPool::FindByMsisdn(const std::string& msisdn, uint32_t& index) const
{
    const std::string n = MmsHttp::StripAddressType(msisdn);
    if (n.size() <= m_prefix.size() || n.compare(0, m_prefix.size(), m_prefix) != 0)
    {
        return false;
    }
    const std::string digits = n.substr(m_prefix.size());
    if (digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
    {
        return false;
    }
    const uint64_t value = std::stoull(digits);
    if (value < m_firstNumber || value - m_firstNumber >= m_records.size())
    {
        return false;
    }
    index = static_cast<uint32_t>(value - m_firstNumber);
    return GetMsisdn(index) == n; // the same width of digits
}

void
MmsSubscriberPool::SmsPointSink(MmsSubscriberPool* pool,
                                uint32_t cell,
                                const std::vector<uint8_t>& data,
                                const Address& from)
{
    std::string msisdn;
    std::vector<uint8_t> datagram;
    uint32_t index = 0;
    if (!MmsSmsc::UnwrapFromCell(data, MmsSmsc::FORWARD_TO_CELL, msisdn, datagram)
        || !pool->FindByMsisdn(msisdn, index) || pool->CellOf(index) != cell)
    {
        NS_LOG_WARN("cell " << cell << ": a datagram for no subscriber of the cell dropped");
        return;
    }
    const Cell& c = pool->m_cells[cell];
    Ptr<Packet> sms = Create<Packet>(datagram.data(), static_cast<uint32_t>(datagram.size()));
    const Time delay =
        c.channel->SignalSubscriber(sms, MmsRadioCellChannel::DOWNLINK, pool->IsReachable(index));
    if (delay.IsNegative())
    {
        return; // paging failed: the SMSC's acknowledgement timer runs out
    }
    Simulator::Schedule(delay, &MmsSubscriberPool::DeliverByNumber, pool, index, datagram, from);
}

void
MmsSubscriberPool::DeliverByNumber(uint32_t index, std::vector<uint8_t> datagram, Address smsc)
{
    if (!IsReachable(index))
    {
        const Cell& c = m_cells[CellOf(index)];
        c.channel->DropSubscriberSms(
            Create<Packet>(datagram.data(), static_cast<uint32_t>(datagram.size())),
            MmsRadioCellChannel::DOWNLINK);
        return;
    }
    m_stats.smsByNumber++;
    Ptr<MmsUserAgent> ua = Activate(index);
    ua->ReceiveSmsByNumber(datagram,
                           [this, index, smsc](const std::vector<uint8_t>& answer)
                           {
                               AnswerByNumber(index, smsc, answer);
                           });
    Tidy(index); // nothing else to do: the User Agent goes again
}

void
MmsSubscriberPool::AnswerByNumber(uint32_t index,
                                  const Address& smsc,
                                  const std::vector<uint8_t>& answer)
{
    const uint32_t ci = CellOf(index);
    const Cell& c = m_cells[ci];
    Ptr<Packet> report = Create<Packet>(answer.data(), static_cast<uint32_t>(answer.size()));
    const Time delay =
        c.channel->SignalSubscriber(report, MmsRadioCellChannel::UPLINK, IsReachable(index));
    if (delay.IsNegative())
    {
        return;
    }
    Simulator::Schedule(delay,
                        &MmsSubscriberPool::SendAnswer,
                        this,
                        ci,
                        smsc,
                        MmsSmsc::WrapForCell(MmsSmsc::FORWARD_REPORT, GetMsisdn(index), answer));
}

void
MmsSubscriberPool::SendAnswer(uint32_t cell, Address smsc, std::vector<uint8_t> wrapped)
{
    const Cell& c = m_cells[cell];
    c.smsTransport->SendDatagram(c.smsPort, smsc, wrapped);
}

bool
MmsSubscriberPool::FindByAddress(Ipv4Address address, uint32_t& index) const
{
    auto it = m_byAddress.find(address.Get());
    if (it == m_byAddress.end())
    {
        return false;
    }
    // A resting handset's address still names its last subscriber: it is not reused before
    // ReuseHoldTime, so what it sent just before its release (an RP-ACK) is that subscriber's.
    int64_t bound = m_cells[it->second.first].lastBound[it->second.second];
    if (bound < 0)
    {
        return false;
    }
    index = static_cast<uint32_t>(bound);
    return true;
}

MmsSubscriberPool::Statistics
MmsSubscriberPool::GetStatistics() const
{
    return m_stats;
}

MmsUserAgent::Counters
MmsSubscriberPool::GetCounters() const
{
    MmsUserAgent::Counters sum = m_retired;
    for (const auto& [ua, index] : m_active)
    {
        AddCounters(sum, ua->GetCounters());
    }
    return sum;
}

Ptr<MmsUserAgent>
MmsSubscriberPool::GetUserAgent(uint32_t index) const
{
    return index < m_records.size() ? m_records[index].ua : nullptr;
}

uint32_t
MmsSubscriberPool::GetHandsetCount(uint32_t cell) const
{
    return static_cast<uint32_t>(m_cells.at(cell).handsets.size());
}

std::string
MmsSubscriberPool::GetBoundMsisdn(uint32_t cell, uint32_t handset) const
{
    int64_t index = m_cells.at(cell).boundTo.at(handset);
    return index < 0 ? std::string() : GetMsisdn(static_cast<uint32_t>(index));
}

} // namespace ns3
