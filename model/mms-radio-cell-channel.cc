/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-radio-cell-channel.h"

#include "mms-common.h"
#include "mms-radio-bearer-net-device.h"

#include "ns3/enum.h"
#include "ns3/ipv4-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsRadioCellChannel");
NS_OBJECT_ENSURE_REGISTERED(MmsRadioCellChannel);

TypeId
MmsRadioCellChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRadioCellChannel")
            .SetParent<Channel>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRadioCellChannel>()
            .AddAttribute("DownlinkCapacity",
                          "Shared downlink capacity of the cell (bit/s); 0 = the cell "
                          "profile's (GPRS/EDGE: 8 timeslots; R99: 2 Mbit/s; HSDPA: 14.4 "
                          "Mbit/s).",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&MmsRadioCellChannel::m_downlinkCapacity),
                          MakeDataRateChecker())
            .AddAttribute("UplinkCapacity",
                          "Shared uplink capacity of the cell (bit/s); 0 = the cell "
                          "profile's (GPRS/EDGE: 8 timeslots; UMTS/HSDPA: 1 Mbit/s).",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&MmsRadioCellChannel::m_uplinkCapacity),
                          MakeDataRateChecker())
            .AddAttribute("Scheduler",
                          "How backlogged handsets share the capacity: ProcessorSharing "
                          "(max-min fair, each capped by its peak rate) or RoundRobin (one "
                          "packet of one handset at a time).",
                          EnumValue(MmsRadioScheduler::PROCESSOR_SHARING),
                          MMS_ENUM_ACCESSOR(MmsRadioScheduler::Discipline,
                                            &MmsRadioCellChannel::m_discipline),
                          MakeEnumChecker(MmsRadioScheduler::PROCESSOR_SHARING,
                                          "ProcessorSharing",
                                          MmsRadioScheduler::ROUND_ROBIN,
                                          "RoundRobin"))
            .AddAttribute("FachRate",
                          "Capacity of the FACH, the downlink common channel Cell_FACH "
                          "handsets share (bit/s). About 32 kbit/s (Sauer, From GSM to LTE).",
                          DataRateValue(DataRate("32kbps")),
                          MakeDataRateAccessor(&MmsRadioCellChannel::m_fachRate),
                          MakeDataRateChecker())
            .AddAttribute("RachRate",
                          "Capacity of the RACH, the uplink common channel (bit/s). A "
                          "modelling choice, as the FACH.",
                          DataRateValue(DataRate("32kbps")),
                          MakeDataRateAccessor(&MmsRadioCellChannel::m_rachRate),
                          MakeDataRateChecker())
            .AddAttribute("BufferPackets",
                          "Packets each handset's queue holds in each direction (the RLC "
                          "buffer); more are dropped. A modelling choice.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&MmsRadioCellChannel::m_bufferPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("SignallingTos",
                          "IPv4 TOS octet that marks a packet for the signalling channel "
                          "(the SMS bearer); the SMSC and handsets mark SMS with it. 0xB8 "
                          "is DSCP 46 (EF).",
                          UintegerValue(0xB8),
                          MakeUintegerAccessor(&MmsRadioCellChannel::m_signallingTos),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("PagingDelay",
                          "Paging an idle handset before a mobile-terminated SMS (s). A "
                          "modelling choice: uniform over one paging cycle of 9 51-multiframes "
                          "(2.12 s, the longest of 3GPP TS 45.002).",
                          StringValue("ns3::UniformRandomVariable[Min=0|Max=2.12]"),
                          MakePointerAccessor(&MmsRadioCellChannel::m_pagingDelay),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("SmsTransferTime",
                          "Transfer of one mobile-terminated SMS over the signalling channel "
                          "after paging: connection set-up, authentication, ciphering, "
                          "CP/RP-DATA (s). A modelling choice: 1 to 3 s.",
                          StringValue("ns3::UniformRandomVariable[Min=1|Max=3]"),
                          MakePointerAccessor(&MmsRadioCellChannel::m_smsTransferTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("SmsReportTime",
                          "Transfer of the handset's RP-ACK or RP-ERROR on the signalling "
                          "connection still open (s). A modelling choice.",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.3]"),
                          MakePointerAccessor(&MmsRadioCellChannel::m_smsReportTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddTraceSource("Drop",
                            "A packet was dropped: packet, handset index, reason "
                            "(Unreachable, PagingFailed, NoPdpContext, BufferFull, "
                            "ResidualLoss, NoRoute, Flushed).",
                            MakeTraceSourceAccessor(&MmsRadioCellChannel::m_dropTrace),
                            "ns3::MmsRadioCellChannel::DropTracedCallback")
            .AddTraceSource("Sms",
                            "A packet entered the signalling channel: packet, handset index, "
                            "its delay.",
                            MakeTraceSourceAccessor(&MmsRadioCellChannel::m_smsTrace),
                            "ns3::MmsRadioCellChannel::SmsTracedCallback");
    return tid;
}

MmsRadioCellChannel::MmsRadioCellChannel()
    : m_haveCellProfile(false)
    , m_configured(false)
    , m_discipline(MmsRadioScheduler::PROCESSOR_SHARING)
    , m_bufferPackets(100)
    , m_signallingTos(0xB8)
{
    m_blockErrors = CreateObject<UniformRandomVariable>();
    for (uint32_t d = 0; d < 2; ++d)
    {
        m_shared[d].SetCompletionCallback(MakeCallback(&MmsRadioCellChannel::Served, this),
                                          d * 4 + MmsRrcStateMachine::DEDICATED);
        m_common[d].SetCompletionCallback(MakeCallback(&MmsRadioCellChannel::Served, this),
                                          d * 4 + MmsRrcStateMachine::COMMON);
    }
}

MmsRadioCellChannel::~MmsRadioCellChannel() = default;

void
MmsRadioCellChannel::DoDispose()
{
    for (uint32_t d = 0; d < 2; ++d)
    {
        m_shared[d].Clear();
        m_common[d].Clear();
    }
    m_handsets.clear();
    m_baseStation = nullptr;
    Channel::DoDispose();
}

void
MmsRadioCellChannel::SetCellProfile(const MmsBearerProfile& profile)
{
    m_cellProfile = profile;
    m_haveCellProfile = true;
    m_configured = false;
}

std::string
MmsRadioCellChannel::GetCellProfileName() const
{
    if (m_haveCellProfile)
    {
        return m_cellProfile.name;
    }
    return m_handsets.empty() ? std::string() : m_handsets.front().profile.name;
}

double
MmsRadioCellChannel::GetCapacity(Direction d) const
{
    const DataRate& set = d == DOWNLINK ? m_downlinkCapacity : m_uplinkCapacity;
    if (set.GetBitRate() > 0)
    {
        return set.GetBitRate();
    }
    if (m_haveCellProfile)
    {
        return d == DOWNLINK ? m_cellProfile.cellDownlinkCapacity
                             : m_cellProfile.cellUplinkCapacity;
    }
    if (!m_handsets.empty())
    {
        const MmsBearerProfile& p = m_handsets.front().profile;
        return d == DOWNLINK ? p.cellDownlinkCapacity : p.cellUplinkCapacity;
    }
    return 1e6;
}

void
MmsRadioCellChannel::Configure()
{
    for (uint32_t d = 0; d < 2; ++d)
    {
        m_shared[d].SetDiscipline(m_discipline);
        m_shared[d].SetCapacity(GetCapacity(Direction(d)));
        m_common[d].SetDiscipline(MmsRadioScheduler::PROCESSOR_SHARING);
    }
    m_common[DOWNLINK].SetCapacity(m_fachRate.GetBitRate());
    m_common[UPLINK].SetCapacity(m_rachRate.GetBitRate());
    m_configured = true;
}

void
MmsRadioCellChannel::AttachBaseStation(Ptr<MmsRadioBearerNetDevice> device)
{
    NS_ASSERT_MSG(!m_baseStation, "a cell has one base station device");
    m_baseStation = device;
}

uint32_t
MmsRadioCellChannel::AttachHandset(Ptr<MmsRadioBearerNetDevice> device,
                                   const MmsBearerProfile& profile,
                                   Ptr<MmsRrcStateMachine> rrc)
{
    const uint32_t index = static_cast<uint32_t>(m_handsets.size());
    Handset h;
    h.device = device;
    h.profile = profile;
    h.rrc = rrc;
    rrc->SetTbfMode(profile.UsesTbf());
    rrc->SetReadyCallback(MakeCallback(&MmsRadioCellChannel::RrcReady, this), index);
    m_handsets.push_back(h);
    return index;
}

void
MmsRadioCellChannel::AddAddress(Ipv4Address address, uint32_t index)
{
    NS_ASSERT(index < m_handsets.size());
    m_byAddress[address.Get()] = index;
}

uint32_t
MmsRadioCellChannel::GetNHandsets() const
{
    return static_cast<uint32_t>(m_handsets.size());
}

const MmsBearerProfile&
MmsRadioCellChannel::GetProfile(uint32_t index) const
{
    return m_handsets.at(index).profile;
}

std::size_t
MmsRadioCellChannel::GetNDevices() const
{
    return m_handsets.size() + (m_baseStation ? 1 : 0);
}

Ptr<NetDevice>
MmsRadioCellChannel::GetDevice(std::size_t i) const
{
    if (m_baseStation)
    {
        if (i == 0)
        {
            return m_baseStation;
        }
        --i;
    }
    return m_handsets.at(i).device;
}

int64_t
MmsRadioCellChannel::AssignStreams(int64_t stream)
{
    int64_t n = 0;
    m_blockErrors->SetStream(stream + n++);
    m_pagingDelay->SetStream(stream + n++);
    m_smsTransferTime->SetStream(stream + n++);
    m_smsReportTime->SetStream(stream + n++);
    for (auto& h : m_handsets)
    {
        n += h.rrc->AssignStreams(stream + n);
        n += h.device->AssignStreams(stream + n);
    }
    return n;
}

MmsRadioScheduler&
MmsRadioCellChannel::Scheduler(Direction d, uint32_t resource)
{
    return resource == MmsRrcStateMachine::COMMON ? m_common[d] : m_shared[d];
}

bool
MmsRadioCellChannel::IsSignalling(Ptr<const Packet> packet) const
{
    Ipv4Header ip;
    return packet->PeekHeader(ip) && ip.GetTos() == m_signallingTos;
}

void
MmsRadioCellChannel::Drop(Ptr<const Packet> packet,
                          uint32_t index,
                          Direction d,
                          const std::string& reason)
{
    NS_LOG_DEBUG("cell " << GetId() << " handset " << index << (d == DOWNLINK ? " DL" : " UL")
                         << " drop: " << reason);
    ++m_stats[d].drops;
    m_dropTrace(packet, index, reason);
}

void
MmsRadioCellChannel::SendDownlink(Ptr<Packet> packet)
{
    Ipv4Header ip;
    packet->PeekHeader(ip);
    auto it = m_byAddress.find(ip.GetDestination().Get());
    if (it == m_byAddress.end())
    {
        Drop(packet, UINT32_MAX, DOWNLINK, "NoRoute");
        return;
    }
    const uint32_t index = it->second;
    Handset& h = m_handsets[index];
    if (ip.GetTos() == m_signallingTos)
    {
        Signalling(index, DOWNLINK, packet);
        return;
    }
    if (!h.reachable)
    {
        Drop(packet, index, DOWNLINK, "Unreachable");
        return;
    }
    if (!h.rrc->HasPdpContext())
    {
        Drop(packet, index, DOWNLINK, "NoPdpContext");
        return;
    }
    Enqueue(index, DOWNLINK, packet);
}

void
MmsRadioCellChannel::SendUplink(uint32_t index, Ptr<Packet> packet)
{
    Handset& h = m_handsets.at(index);
    if (!h.reachable)
    {
        Drop(packet, index, UPLINK, "Unreachable");
        return;
    }
    if (IsSignalling(packet))
    {
        Signalling(index, UPLINK, packet);
        return;
    }
    Enqueue(index, UPLINK, packet);
}

void
MmsRadioCellChannel::Enqueue(uint32_t index, Direction d, Ptr<Packet> packet)
{
    Flow& f = m_handsets[index].flow[d];
    if (f.queue.size() >= m_bufferPackets)
    {
        Drop(packet, index, d, "BufferFull");
        return;
    }
    f.queue.push_back(packet);
    f.bytes += packet->GetSize();
    Serve(index, d);
}

double
MmsRadioCellChannel::DrawAirtimeBits(const MmsBearerProfile& p,
                                     uint32_t bytes,
                                     uint32_t& rounds,
                                     bool& lost)
{
    const uint32_t octets = bytes + p.linkOverhead;
    double bits = octets * 8.0;
    rounds = 0;
    lost = false;
    if (p.blockErrorRate <= 0)
    {
        return bits;
    }
    // Each round retransmits the blocks that failed in the previous one. Failures among n
    // blocks are found by geometric skips, one uniform draw per failure plus one.
    const double logOk = std::log1p(-p.blockErrorRate);
    uint32_t n = (octets + p.blockBytes - 1) / p.blockBytes;
    while (n > 0)
    {
        uint32_t failed = 0;
        double position = -1;
        while (true)
        {
            const double u = 1.0 - m_blockErrors->GetValue(); // (0, 1]
            position += std::floor(std::log(u) / logOk) + 1;
            if (position >= n)
            {
                break;
            }
            ++failed;
        }
        if (failed == 0)
        {
            break;
        }
        if (rounds == p.maxRetransmissions)
        {
            lost = true;
            break;
        }
        ++rounds;
        bits += failed * p.blockBytes * 8.0;
        n = failed;
    }
    return bits;
}

void
MmsRadioCellChannel::Serve(uint32_t index, Direction d)
{
    Handset& h = m_handsets[index];
    Flow& f = h.flow[d];
    if (f.busy || f.queue.empty() || !h.reachable)
    {
        return;
    }
    const MmsRrcStateMachine::Resource r = h.rrc->Request(d == UPLINK, f.bytes);
    if (r == MmsRrcStateMachine::NONE)
    {
        return; // RrcReady will call again
    }
    if (!m_configured)
    {
        Configure();
    }
    const uint32_t size = f.queue.front()->GetSize();
    const double bits = DrawAirtimeBits(h.profile, size, f.rounds, f.lost);
    double peak;
    if (r == MmsRrcStateMachine::COMMON)
    {
        peak = (d == DOWNLINK ? m_fachRate : m_rachRate).GetBitRate();
    }
    else
    {
        peak = d == DOWNLINK ? h.profile.downlinkRate : h.profile.uplinkRate;
    }
    f.busy = true;
    f.resource = r;
    Scheduler(d, r).Start(index, bits, peak);
}

void
MmsRadioCellChannel::Served(uint32_t tag, uint32_t index)
{
    const Direction d = Direction(tag / 4);
    Handset& h = m_handsets[index];
    Flow& f = h.flow[d];
    NS_ASSERT(f.busy && !f.queue.empty());
    f.busy = false;
    Ptr<Packet> p = f.queue.front();
    f.queue.pop_front();
    f.bytes -= p->GetSize();
    h.rrc->NotifyActivity();
    if (f.lost)
    {
        Drop(p, index, d, "ResidualLoss");
    }
    else
    {
        const MmsBearerProfile& pr = h.profile;
        Time at = Simulator::Now() + pr.coreDelay + pr.retransmissionDelay * f.rounds
                  + (d == DOWNLINK ? pr.radioDelayDownlink : pr.radioDelayUplink);
        // RLC acknowledged mode delivers in order.
        at = std::max(at, f.lastDelivery);
        f.lastDelivery = at;
        // The receiving node's context, as every ns-3 channel does between nodes.
        Ptr<NetDevice> to =
            d == DOWNLINK ? Ptr<NetDevice>(h.device) : Ptr<NetDevice>(m_baseStation);
        Simulator::ScheduleWithContext(to->GetNode()->GetId(),
                                       at - Simulator::Now(),
                                       &MmsRadioCellChannel::Deliver,
                                       this,
                                       index,
                                       d,
                                       p);
    }
    Serve(index, d);
}

void
MmsRadioCellChannel::Deliver(uint32_t index, uint32_t direction, Ptr<Packet> packet)
{
    Handset& h = m_handsets[index];
    const Direction d = Direction(direction);
    if (!h.reachable)
    {
        Drop(packet, index, d, "Unreachable");
        return;
    }
    ++m_stats[d].packets;
    m_stats[d].bytes += packet->GetSize();
    HandOver(index, d, packet);
}

void
MmsRadioCellChannel::HandOver(uint32_t index, Direction d, Ptr<Packet> packet)
{
    Handset& h = m_handsets[index];
    if (d == DOWNLINK)
    {
        h.device->Receive(packet, m_baseStation->GetAddress());
    }
    else
    {
        m_baseStation->Receive(packet, h.device->GetAddress());
    }
}

void
MmsRadioCellChannel::RrcReady(uint32_t index)
{
    Serve(index, DOWNLINK);
    Serve(index, UPLINK);
}

void
MmsRadioCellChannel::Signalling(uint32_t index, Direction d, Ptr<Packet> packet)
{
    Handset& h = m_handsets[index];
    if (!h.reachable)
    {
        Drop(packet, index, d, d == DOWNLINK ? "PagingFailed" : "Unreachable");
        return;
    }
    Time delay;
    if (d == DOWNLINK)
    {
        const bool idle = h.rrc->GetState() == MmsRrcStateMachine::IDLE;
        delay = Seconds(m_smsTransferTime->GetValue())
                + (idle ? Seconds(m_pagingDelay->GetValue()) : Time(0));
    }
    else
    {
        delay = Seconds(m_smsReportTime->GetValue());
    }
    m_smsTrace(packet, index, delay);
    Ptr<NetDevice> to = d == DOWNLINK ? Ptr<NetDevice>(h.device) : Ptr<NetDevice>(m_baseStation);
    Simulator::ScheduleWithContext(to->GetNode()->GetId(),
                                   delay,
                                   &MmsRadioCellChannel::DeliverSignalling,
                                   this,
                                   index,
                                   d,
                                   packet);
}

Time
MmsRadioCellChannel::SignalSubscriber(Ptr<const Packet> packet, Direction d, bool reachable)
{
    if (!reachable)
    {
        DropSubscriberSms(packet, d);
        return Time(-1);
    }
    // Without a handset the subscriber is Idle: the network pages it.
    const Time delay =
        d == DOWNLINK ? Seconds(m_smsTransferTime->GetValue()) + Seconds(m_pagingDelay->GetValue())
                      : Seconds(m_smsReportTime->GetValue());
    m_smsTrace(packet, UINT32_MAX, delay);
    return delay;
}

void
MmsRadioCellChannel::DropSubscriberSms(Ptr<const Packet> packet, Direction d)
{
    Drop(packet, UINT32_MAX, d, d == DOWNLINK ? "PagingFailed" : "Unreachable");
}

void
MmsRadioCellChannel::DeliverSignalling(uint32_t index, uint32_t direction, Ptr<Packet> packet)
{
    Handset& h = m_handsets[index];
    const Direction d = Direction(direction);
    if (!h.reachable)
    {
        Drop(packet, index, d, d == DOWNLINK ? "PagingFailed" : "Unreachable");
        return;
    }
    HandOver(index, d, packet);
}

void
MmsRadioCellChannel::SetReachable(uint32_t index, bool reachable)
{
    Handset& h = m_handsets.at(index);
    if (h.reachable == reachable)
    {
        return;
    }
    h.reachable = reachable;
    if (reachable)
    {
        return;
    }
    // Everything queued for or from the handset is lost; the radio connection is gone.
    for (uint32_t d = 0; d < 2; ++d)
    {
        Flow& f = h.flow[d];
        if (f.busy)
        {
            Scheduler(Direction(d), f.resource).Abort(index);
            f.busy = false;
        }
        while (!f.queue.empty())
        {
            Drop(f.queue.front(), index, Direction(d), "Flushed");
            f.queue.pop_front();
        }
        f.bytes = 0;
    }
    h.rrc->Reset();
}

MmsRadioCellChannel::DirectionStatistics
MmsRadioCellChannel::GetStatistics(Direction d)
{
    DirectionStatistics s = m_stats[d];
    s.servedBits = m_shared[d].GetServedBits();
    s.busyTime = m_shared[d].GetBusyTime();
    s.capacity = GetCapacity(d);
    s.backlogged = 0;
    for (const auto& h : m_handsets)
    {
        s.backlogged += h.flow[d].queue.empty() ? 0 : 1;
    }
    return s;
}

double
MmsRadioCellChannel::GetCurrentRate(uint32_t index, Direction d) const
{
    const Flow& f = m_handsets.at(index).flow[d];
    if (!f.busy)
    {
        return 0;
    }
    return (f.resource == MmsRrcStateMachine::COMMON ? m_common[d] : m_shared[d]).GetRate(index);
}

} // namespace ns3
