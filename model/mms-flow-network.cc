/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-flow-network.h"

#include "mms-flow-transport.h"
#include "mms-radio-cell-channel.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsFlowNetwork");
NS_OBJECT_ENSURE_REGISTERED(MmsFlowNetwork);

TypeId
MmsFlowNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsFlowNetwork")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsFlowNetwork>()
            .AddAttribute("InitialCwnd",
                          "TCP initial window of every connection, segments (default 10, "
                          "ns-3's TcpSocket InitialCwnd, RFC 6928).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&MmsFlowNetwork::m_initialCwnd),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("CoreDelay",
                          "One-way delay between two sites without a path set (SetPath), s "
                          "(default 0).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MmsFlowNetwork::m_coreDelay),
                          MakeTimeChecker())
            .AddAttribute("CoreRate",
                          "Rate between two sites without a path set, bit/s (default "
                          "100 Mbit/s).",
                          DoubleValue(100e6),
                          MakeDoubleAccessor(&MmsFlowNetwork::m_coreRate),
                          MakeDoubleChecker<double>(1))
            .AddAttribute("AckLoad",
                          "Whether a TCP transfer across a cell also loads the cell's other "
                          "direction with its ACKs (one per two segments) while it is served "
                          "(default true).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsFlowNetwork::m_ackLoad),
                          MakeBooleanChecker())
            .AddAttribute("Solo",
                          "Whether a transfer that starts on a scheduler with nothing else on it "
                          "is served alone, with one event at its arrival, until another "
                          "transfer or a change of capacity comes (then it becomes a scheduler "
                          "job for what it has left); false: every transfer is a job with an "
                          "event at its end of service (default true; the same instants either "
                          "way).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsFlowNetwork::m_solo),
                          MakeBooleanChecker());
    return tid;
}

MmsFlowNetwork::MmsFlowNetwork() = default;

MmsFlowNetwork::~MmsFlowNetwork() = default;

void
MmsFlowNetwork::DoDispose()
{
    for (auto& [id, t] : m_transfers)
    {
        t.event.Cancel();
    }
    m_transfers.clear();
    for (auto& c : m_cells)
    {
        for (uint32_t d = 0; d < 2; ++d)
        {
            c.shared[d]->Clear();
            c.common[d]->Clear();
        }
    }
    m_endpoints.clear();
    m_waiting.clear();
    Object::DoDispose();
}

uint32_t
MmsFlowNetwork::AddCell(Ptr<MmsRadioCellChannel> channel,
                        const MmsBearerProfile& profile,
                        uint32_t site)
{
    const auto index = static_cast<uint32_t>(m_cells.size());
    Cell c;
    c.profile = profile;
    c.site = site;
    DataRateValue fach;
    DataRateValue rach;
    channel->GetAttribute("FachRate", fach);
    channel->GetAttribute("RachRate", rach);
    c.commonRate[0] = static_cast<double>(fach.Get().GetBitRate());
    c.commonRate[1] = static_cast<double>(rach.Get().GetBitRate());
    StringValue discipline;
    channel->GetAttribute("Scheduler", discipline);
    for (uint32_t d = 0; d < 2; ++d)
    {
        c.shared[d] = std::make_unique<MmsRadioScheduler>();
        c.common[d] = std::make_unique<MmsRadioScheduler>();
        c.shared[d]->SetDiscipline(discipline.Get() == "RoundRobin"
                                       ? MmsRadioScheduler::ROUND_ROBIN
                                       : MmsRadioScheduler::PROCESSOR_SHARING);
        c.shared[d]->SetCapacity(channel->GetCapacity(MmsRadioCellChannel::Direction(d)));
        c.common[d]->SetCapacity(c.commonRate[d]);
        c.reserve[d][0].capacity = c.shared[d]->GetCapacity();
        c.reserve[d][1].capacity = c.commonRate[d];
        c.shared[d]->SetCompletionCallback(MakeCallback(&MmsFlowNetwork::Served, this),
                                           index * 4 + d * 2);
        c.common[d]->SetCompletionCallback(MakeCallback(&MmsFlowNetwork::Served, this),
                                           index * 4 + d * 2 + 1);
    }
    m_cells.push_back(std::move(c));
    return index;
}

const MmsBearerProfile&
MmsFlowNetwork::GetProfile(uint32_t cell) const
{
    return m_cells.at(cell).profile;
}

uint32_t
MmsFlowNetwork::GetCellSite(uint32_t cell) const
{
    return m_cells.at(cell).site;
}

void
MmsFlowNetwork::SetPath(uint32_t a, uint32_t b, Time delay, double rate)
{
    m_paths[{a, b}] = Path{delay, rate};
    m_paths[{b, a}] = Path{delay, rate};
}

MmsFlowNetwork::Path
MmsFlowNetwork::GetPath(uint32_t a, uint32_t b) const
{
    if (a == b)
    {
        return Path{Seconds(0), 0};
    }
    auto it = m_paths.find({a, b});
    return it != m_paths.end() ? it->second : Path{m_coreDelay, m_coreRate};
}

void
MmsFlowNetwork::Register(Ipv4Address address, MmsFlowTransport* transport)
{
    m_endpoints[address.Get()] = transport;
}

void
MmsFlowNetwork::Unregister(Ipv4Address address, const MmsFlowTransport* transport)
{
    auto it = m_endpoints.find(address.Get());
    if (it != m_endpoints.end() && it->second == transport)
    {
        m_endpoints.erase(it);
    }
}

MmsFlowTransport*
MmsFlowNetwork::Find(Ipv4Address address) const
{
    auto it = m_endpoints.find(address.Get());
    return it == m_endpoints.end() ? nullptr : it->second;
}

double
MmsFlowNetwork::AirtimeBits(const MmsBearerProfile& p, double packetBytes)
{
    // MmsBearerProfile::MeanAirtime's octets: the link overhead and the mean retransmitted
    // blocks of a packet, at one bit per bit.
    const double octets = packetBytes + p.linkOverhead;
    if (p.blockBytes == 0 || p.blockErrorRate <= 0)
    {
        return octets * 8;
    }
    const double blocks = std::ceil(octets / p.blockBytes);
    const double extra = blocks * p.blockBytes * p.blockErrorRate / (1 - p.blockErrorRate);
    return (octets + extra) * 8;
}

Time
MmsFlowNetwork::GetRoundTrip(const MmsFlowTransport* a, const MmsFlowTransport* b) const
{
    Time rtt = GetPath(a->GetSite(), b->GetSite()).delay * 2;
    for (const MmsFlowTransport* x : {a, b})
    {
        if (x->GetCell() >= 0)
        {
            const MmsBearerProfile& p = m_cells[static_cast<uint32_t>(x->GetCell())].profile;
            rtt += p.coreDelay * 2 + p.radioDelayDownlink + p.radioDelayUplink;
        }
    }
    return rtt;
}

Time
MmsFlowNetwork::GetOneWay(const Transfer& t) const
{
    Time d = GetPath(t.from->GetSite(), t.to->GetSite()).delay;
    if (t.cell >= 0)
    {
        const MmsBearerProfile& p = m_cells[static_cast<uint32_t>(t.cell)].profile;
        d += p.coreDelay + (t.direction == 0 ? p.radioDelayDownlink : p.radioDelayUplink);
        if (p.blockErrorRate > 0 && p.blockBytes > 0 && !t.spec.signalling)
        {
            // The mean retransmission rounds of the last packet, each adding its delay:
            // sum over k of P(rounds >= k) = 1 - (1 - BLER^k)^blocks.
            const double last = t.spec.segment > 0 ? std::min<double>(t.spec.segment, t.spec.bytes)
                                                   : double(t.spec.bytes);
            const double blocks = std::ceil((last + t.spec.header + p.linkOverhead) / p.blockBytes);
            double rounds = 0;
            double q = 1;
            for (uint32_t k = 1; k <= p.maxRetransmissions; ++k)
            {
                q *= p.blockErrorRate;
                const double atLeast = 1 - std::pow(1 - q, blocks);
                rounds += atLeast;
                if (atLeast < 1e-6)
                {
                    break;
                }
            }
            d += p.retransmissionDelay * rounds;
        }
    }
    return d;
}

uint64_t
MmsFlowNetwork::StartTransfer(Ptr<MmsFlowTransport> from,
                              Ptr<MmsFlowTransport> to,
                              const TransferSpec& spec,
                              Callback<void> done)
{
    const uint64_t id = m_nextTransfer++;
    Transfer& t = m_transfers[id];
    t.from = from;
    t.to = to;
    t.spec = spec;
    t.done = done;
    m_stats.transfers++;
    if (from->GetCell() >= 0)
    {
        t.cell = from->GetCell();
        t.direction = 1;
        t.handset = PeekPointer(from);
    }
    else if (to->GetCell() >= 0)
    {
        t.cell = to->GetCell();
        t.direction = 0;
        t.handset = PeekPointer(to);
    }
    if (t.cell < 0 || spec.signalling)
    {
        // No data bearer: the path's rate, unshared, then its delay.
        const Path p = GetPath(from->GetSite(), to->GetSite());
        const uint64_t packets =
            spec.segment > 0 ? std::max<uint64_t>(1, (spec.bytes + spec.segment - 1) / spec.segment)
                             : 1;
        const double bits = 8.0 * double(spec.bytes + packets * spec.header);
        Time serve = p.rate > 0 ? Seconds(bits / p.rate) : Seconds(0);
        if (spec.segment > 0 && p.rate > 0)
        {
            serve += SlowStartIdle(t, p.rate, 8.0 * (spec.segment + spec.header));
        }
        Time arrival = serve + GetOneWay(t);
        if (spec.handshake > 0)
        {
            // The SYN and its SYN-ACK first, each at the path's rate and delay: the same
            // instants as a round trip of their own, without its event.
            const Time syn =
                (p.rate > 0 ? Seconds(8.0 * spec.handshake / p.rate) : Seconds(0)) + p.delay;
            arrival += syn * 2;
        }
        t.event = Simulator::Schedule(
            spec.roundTrip ? arrival * 2 : arrival, &MmsFlowNetwork::Arrive, this, id);
        return id;
    }
    m_stats.radioTransfers++;
    Admit(id);
    return id;
}

Time
MmsFlowNetwork::SlowStartIdle(const Transfer& t, double rate, double airPerPacket) const
{
    if (!t.spec.slowStart || t.spec.segment == 0)
    {
        return Seconds(0);
    }
    const uint64_t segments =
        std::max<uint64_t>(1, (t.spec.bytes + t.spec.segment - 1) / t.spec.segment);
    // A round trip: the base one and the time of one packet on the bottleneck (the ACK clock).
    const double rtt =
        GetRoundTrip(PeekPointer(t.from), PeekPointer(t.to)).GetSeconds() + airPerPacket / rate;
    double idle = 0;
    uint64_t sent = 0;
    uint64_t window = m_initialCwnd;
    while (sent + window < segments)
    {
        const double busy = double(window) * airPerPacket / rate;
        if (busy >= rtt)
        {
            break; // the window now fills the pipe
        }
        idle += rtt - busy;
        sent += window;
        window *= 2;
    }
    return Seconds(idle);
}

void
MmsFlowNetwork::Admit(uint64_t id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    Transfer& t = it->second;
    t.waiting = false;
    Ptr<MmsRrcStateMachine> rrc = t.handset->GetRrc();
    if (t.spec.handshake > 0)
    {
        // The SYN first (its octets as the backlog), as the connection's first packet.
        const MmsRrcStateMachine::Resource r =
            rrc ? rrc->Request(t.direction == 1, t.spec.handshake) : MmsRrcStateMachine::DEDICATED;
        if (r == MmsRrcStateMachine::NONE)
        {
            t.waiting = true;
            m_stats.radioWaits++;
            m_waiting[t.handset].push_back(id);
            return;
        }
        const Cell& c = m_cells[static_cast<uint32_t>(t.cell)];
        const uint32_t back = 1 - t.direction;
        const double peak =
            r == MmsRrcStateMachine::COMMON
                ? c.commonRate[t.direction]
                : double(t.direction == 0 ? c.profile.downlinkRate : c.profile.uplinkRate);
        const double backPeak =
            r == MmsRrcStateMachine::COMMON
                ? c.commonRate[back]
                : double(back == 0 ? c.profile.downlinkRate : c.profile.uplinkRate);
        const double air = AirtimeBits(c.profile, double(t.spec.handshake));
        Transfer syn;
        syn.from = t.from;
        syn.to = t.to;
        syn.spec.header = t.spec.handshake;
        syn.cell = t.cell;
        syn.direction = t.direction;
        Time rtt = Seconds(air / peak) + GetOneWay(syn);
        std::swap(syn.from, syn.to);
        syn.direction = back;
        rtt += Seconds(air / backPeak) + GetOneWay(syn);
        if (rrc)
        {
            rrc->NotifyActivity();
        }
        if (r == MmsRrcStateMachine::DEDICATED && t.direction == 1 && rrc)
        {
            // On its dedicated channel (and so with its PDP context) the handset stays there
            // through the round trip, which is traffic: the payload's resource is known now,
            // and it is served when the SYN-ACK is back (and its slow-start rounds are done).
            rrc->NotifyActivityUntil(Simulator::Now() + rtt);
            t.spec.handshake = 0;
            t.resource = r;
            const MmsRadioScheduler& s = Scheduler(static_cast<uint32_t>(t.cell), t.direction, r);
            const uint32_t common = r == MmsRrcStateMachine::COMMON ? 1 : 0;
            const uint32_t active = s.GetActiveCount() + (c.solo[t.direction][common] != 0 ? 1 : 0);
            const double share = std::min(peak, s.GetCapacity() / (active + 1));
            const double packetAir = AirtimeBits(c.profile, double(t.spec.segment + t.spec.header));
            PlanServe(id, Simulator::Now() + rtt + SlowStartIdle(t, share, packetAir));
            return;
        }
        t.event = Simulator::Schedule(rtt, &MmsFlowNetwork::Handshaken, this, id);
        return;
    }
    // What the handset's queue holds at first: the initial window (or the datagram).
    const uint64_t packets =
        t.spec.segment > 0 ? std::min<uint64_t>(
            m_initialCwnd,
            std::max<uint64_t>(1, (t.spec.bytes + t.spec.segment - 1) / t.spec.segment))
                           : 1;
    const uint64_t backlog =
        std::min<uint64_t>(t.spec.bytes, packets * std::max<uint32_t>(t.spec.segment, 1))
        + packets * t.spec.header;
    const MmsRrcStateMachine::Resource r =
        rrc ? rrc->Request(t.direction == 1, static_cast<uint32_t>(backlog))
            : MmsRrcStateMachine::DEDICATED;
    if (r == MmsRrcStateMachine::NONE)
    {
        t.waiting = true;
        m_stats.radioWaits++;
        m_waiting[t.handset].push_back(id);
        return;
    }
    t.resource = r;
    const Cell& c = m_cells[static_cast<uint32_t>(t.cell)];
    const double peak =
        r == MmsRrcStateMachine::COMMON
            ? c.commonRate[t.direction]
            : double(t.direction == 0 ? c.profile.downlinkRate : c.profile.uplinkRate);
    if (t.spec.bytes == 0 && t.spec.segment == 0)
    {
        // A packet without payload (a SYN, and its SYN-ACK when it comes back at once): its
        // airtime at the handset's peak, not shared, and its delays; one event.
        const uint32_t back = 1 - t.direction;
        const double backPeak =
            r == MmsRrcStateMachine::COMMON
                ? c.commonRate[back]
                : double(back == 0 ? c.profile.downlinkRate : c.profile.uplinkRate);
        const double air = AirtimeBits(c.profile, double(t.spec.header));
        Time d = Seconds(air / peak) + GetOneWay(t);
        if (t.spec.roundTrip)
        {
            Transfer reverse;
            reverse.from = t.to;
            reverse.to = t.from;
            reverse.spec = t.spec;
            reverse.cell = t.cell;
            reverse.direction = back;
            d += Seconds(air / backPeak) + GetOneWay(reverse);
        }
        if (rrc)
        {
            rrc->NotifyActivity();
        }
        t.event = Simulator::Schedule(d, &MmsFlowNetwork::Arrive, this, id);
        return;
    }
    // The rate it would get now: its peak or an equal share among those served.
    const MmsRadioScheduler& s = Scheduler(static_cast<uint32_t>(t.cell), t.direction, r);
    const uint32_t active =
        s.GetActiveCount()
        + (c.solo[t.direction][r == MmsRrcStateMachine::COMMON ? 1 : 0] != 0 ? 1 : 0);
    const double share = std::min(peak, s.GetCapacity() / (active + 1));
    const double air = AirtimeBits(c.profile, double(t.spec.segment + t.spec.header));
    PlanServe(id, Simulator::Now() + SlowStartIdle(t, share, air));
}

void
MmsFlowNetwork::Handshaken(uint64_t id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    it->second.spec.handshake = 0;
    Admit(id);
}

void
MmsFlowNetwork::RadioReady(MmsFlowTransport* transport)
{
    auto it = m_waiting.find(transport);
    if (it == m_waiting.end())
    {
        return;
    }
    std::vector<uint64_t> ids = std::move(it->second);
    m_waiting.erase(it);
    for (uint64_t id : ids)
    {
        Admit(id);
    }
}

MmsRadioScheduler&
MmsFlowNetwork::Scheduler(uint32_t cell, uint32_t direction, uint32_t resource)
{
    Cell& c = m_cells[cell];
    return resource == MmsRrcStateMachine::COMMON ? *c.common[direction] : *c.shared[direction];
}

std::pair<double, double>
MmsFlowNetwork::BitsAndPeak(const Transfer& t) const
{
    const Cell& c = m_cells[static_cast<uint32_t>(t.cell)];
    const uint64_t packets =
        t.spec.segment > 0
            ? std::max<uint64_t>(1, (t.spec.bytes + t.spec.segment - 1) / t.spec.segment)
            : 1;
    // Full segments and the last one, each with its headers and link overhead.
    double bits;
    if (t.spec.segment > 0 && packets > 1)
    {
        const uint64_t lastBytes = t.spec.bytes - (packets - 1) * t.spec.segment;
        bits = double(packets - 1) * AirtimeBits(c.profile, t.spec.segment + t.spec.header)
               + AirtimeBits(c.profile, double(lastBytes + t.spec.header));
    }
    else
    {
        bits = AirtimeBits(c.profile, double(t.spec.bytes + t.spec.header));
    }
    const double peak =
        t.resource == MmsRrcStateMachine::COMMON
            ? c.commonRate[t.direction]
            : double(t.direction == 0 ? c.profile.downlinkRate : c.profile.uplinkRate);
    return {bits, peak};
}

void
MmsFlowNetwork::Serve(uint64_t id)
{
    PlanServe(id, Simulator::Now());
}

void
MmsFlowNetwork::PlanServe(uint64_t id, Time start)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    Transfer& t = it->second;
    const auto cell = static_cast<uint32_t>(t.cell);
    const uint32_t common = t.resource == MmsRrcStateMachine::COMMON ? 1 : 0;
    Unsolo(cell, t.direction, t.resource);
    MmsRadioScheduler& s = Scheduler(cell, t.direction, t.resource);
    Ptr<MmsRrcStateMachine> rrc = t.handset->GetRrc();
    if (m_solo && s.GetActiveCount() == 0)
    {
        // Alone: its service ends at its rate, as the scheduler would end it (rounded up to
        // the nanosecond), and its one event is its arrival; the RRC state machine counts its
        // traffic until then.
        const auto [bits, peak] = BitsAndPeak(t);
        t.solo = true;
        t.bits = bits;
        t.soloRate = std::min(peak, s.GetCapacity());
        t.soloStart = start;
        t.soloEnd = start + NanoSeconds(static_cast<int64_t>(std::ceil(bits / t.soloRate * 1e9)));
        m_cells[cell].solo[t.direction][common] = id;
        m_stats.airtimeBits += bits;
        if (rrc)
        {
            rrc->NotifyActivityUntil(t.soloEnd);
        }
        t.event = Simulator::Schedule(
            t.soloEnd + GetOneWay(t) - Simulator::Now(), &MmsFlowNetwork::Arrive, this, id);
        return;
    }
    if (start > Simulator::Now())
    {
        t.event = Simulator::Schedule(start - Simulator::Now(), &MmsFlowNetwork::Serve, this, id);
        return;
    }
    StartJob(id);
}

void
MmsFlowNetwork::Unsolo(uint32_t cell, uint32_t direction, uint32_t resource)
{
    uint64_t& solo = m_cells[cell].solo[direction][resource == MmsRrcStateMachine::COMMON ? 1 : 0];
    if (solo == 0)
    {
        return;
    }
    const uint64_t id = solo;
    solo = 0;
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    Transfer& t = it->second;
    t.solo = false;
    const Time now = Simulator::Now();
    if (now >= t.soloEnd)
    {
        return; // served already: its arrival stands
    }
    Simulator::Remove(t.event);
    if (now < t.soloStart)
    {
        m_stats.airtimeBits -= t.bits; // counted again when it starts
        t.event = Simulator::Schedule(t.soloStart - now, &MmsFlowNetwork::Serve, this, id);
        return;
    }
    // What is left (at least a bit: it has not ended yet), counted again by StartJob.
    t.bits = std::max(1.0, t.bits - t.soloRate * (now - t.soloStart).GetSeconds());
    m_stats.airtimeBits -= t.bits;
    t.resumed = true;
    StartJob(id);
}

void
MmsFlowNetwork::StartJob(uint64_t id)
{
    Transfer& t = m_transfers.at(id);
    const Cell& c = m_cells[static_cast<uint32_t>(t.cell)];
    const uint64_t packets =
        t.spec.segment > 0
            ? std::max<uint64_t>(1, (t.spec.bytes + t.spec.segment - 1) / t.spec.segment)
            : 1;
    const auto [full, peak] = BitsAndPeak(t);
    const double bits = t.resumed ? t.bits : full; // what a solo service left
    uint32_t job = m_nextJob++;
    if (m_nextJob == 0)
    {
        m_nextJob = 1;
    }
    m_jobs[job] = id;
    t.serving = true;
    t.event = EventId();
    m_stats.airtimeBits += bits;
    if (Ptr<MmsRrcStateMachine> rrc = t.handset->GetRrc())
    {
        rrc->NotifyActivity();
    }
    t.job = job;
    Scheduler(static_cast<uint32_t>(t.cell), t.direction, t.resource).Start(job, bits, peak);
    if (m_ackLoad && t.spec.segment > 0)
    {
        // The receiver's ACKs (one per two segments, as ns-3's delayed ACKs) load the other
        // direction of the cell while the transfer is served: they hold, off that direction's
        // capacity, the rate at which they would go if the transfer ran at its peak (at most
        // the receiver's own peak); nothing waits for them, and they need no event of their own.
        const uint32_t back = 1 - t.direction;
        const double ackBits =
            double((packets + 1) / 2) * AirtimeBits(c.profile, double(t.spec.header));
        const double ackPeak =
            t.resource == MmsRrcStateMachine::COMMON
                ? c.commonRate[back]
                : double(back == 0 ? c.profile.downlinkRate : c.profile.uplinkRate);
        m_stats.airtimeBits += ackBits;
        t.ackRate = std::min(ackPeak, ackBits * peak / full);
        HoldAckRate(t, +1);
    }
}

void
MmsFlowNetwork::HoldAckRate(Transfer& t, int sign)
{
    if (t.ackRate <= 0)
    {
        return;
    }
    const uint32_t back = 1 - t.direction;
    const uint32_t common = t.resource == MmsRrcStateMachine::COMMON ? 1 : 0;
    Reserve& r = m_cells[static_cast<uint32_t>(t.cell)].reserve[back][common];
    if (sign > 0)
    {
        r.held += t.ackRate;
        r.holders++;
    }
    else
    {
        r.holders--;
        r.held = r.holders > 0 ? r.held - t.ackRate : 0; // no rounding drift once all are gone
        t.ackRate = 0;
    }
    // At least a hundredth of the capacity stays for the data (many transfers' ACKs at once).
    Unsolo(static_cast<uint32_t>(t.cell), back, t.resource);
    Scheduler(static_cast<uint32_t>(t.cell), back, t.resource)
        .SetCapacity(std::max(r.capacity - r.held, r.capacity / 100));
}

void
MmsFlowNetwork::Served(uint32_t tag, uint32_t job)
{
    auto j = m_jobs.find(job);
    if (j == m_jobs.end())
    {
        return;
    }
    const uint64_t id = j->second;
    m_jobs.erase(j);
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    it->second.serving = false;
    HoldAckRate(it->second, -1);
    if (Ptr<MmsRrcStateMachine> rrc = it->second.handset->GetRrc())
    {
        rrc->NotifyActivity();
    }
    Propagate(id);
}

void
MmsFlowNetwork::Propagate(uint64_t id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    Transfer& t = it->second;
    t.event = Simulator::Schedule(GetOneWay(t), &MmsFlowNetwork::Arrive, this, id);
}

void
MmsFlowNetwork::Arrive(uint64_t id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    if (it->second.solo)
    {
        uint64_t& solo =
            m_cells[static_cast<uint32_t>(it->second.cell)]
                .solo[it->second.direction][it->second.resource == MmsRrcStateMachine::COMMON];
        if (solo == id)
        {
            solo = 0;
        }
    }
    Callback<void> done = it->second.done;
    m_stats.bytes += it->second.spec.bytes;
    m_transfers.erase(it);
    done();
}

void
MmsFlowNetwork::CancelTransfer(uint64_t id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
    {
        return;
    }
    Transfer& t = it->second;
    Simulator::Remove(t.event);
    if (t.solo)
    {
        uint64_t& solo = m_cells[static_cast<uint32_t>(t.cell)]
                             .solo[t.direction][t.resource == MmsRrcStateMachine::COMMON];
        if (solo == id)
        {
            solo = 0;
        }
    }
    if (t.serving)
    {
        Scheduler(static_cast<uint32_t>(t.cell), t.direction, t.resource).Abort(t.job);
        m_jobs.erase(t.job);
        HoldAckRate(t, -1);
    }
    if (t.waiting)
    {
        auto w = m_waiting.find(t.handset);
        if (w != m_waiting.end())
        {
            auto& v = w->second;
            v.erase(std::remove(v.begin(), v.end(), id), v.end());
            if (v.empty())
            {
                m_waiting.erase(w);
            }
        }
    }
    m_transfers.erase(it);
}

MmsFlowNetwork::Statistics
MmsFlowNetwork::GetStatistics() const
{
    return m_stats;
}

uint32_t
MmsFlowNetwork::GetActiveCount(uint32_t cell, bool downlink) const
{
    return m_cells.at(cell).shared[downlink ? 0 : 1]->GetActiveCount();
}

} // namespace ns3
