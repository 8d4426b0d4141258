/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wtp-transaction.h"

#include <algorithm>

namespace ns3
{

namespace
{

void
Send(std::vector<MmsWtpAction>& a, const MmsWtpPdu& p)
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::SEND;
    x.pdu = p.Encode();
    a.push_back(std::move(x));
}

void
StartTimer(std::vector<MmsWtpAction>& a, MmsWtpAction::Timer t, double delay)
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::START_TIMER;
    x.timer = t;
    x.delay = delay;
    a.push_back(x);
}

void
StopTimer(std::vector<MmsWtpAction>& a, MmsWtpAction::Timer t)
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::STOP_TIMER;
    x.timer = t;
    a.push_back(x);
}

void
Indicate(std::vector<MmsWtpAction>& a, MmsWtpAction::Kind kind)
{
    MmsWtpAction x;
    x.kind = kind;
    a.push_back(x);
}

void
AbortAction(std::vector<MmsWtpAction>& a, uint8_t reason, bool byPeer)
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::ABORT_INDICATION;
    x.reason = reason;
    x.byPeer = byPeer;
    a.push_back(x);
}

} // namespace

// ---------------------------------------------------------------------------------------
// Segmentation and reassembly (WAP-224-WTP section 7.14)

MmsWtpSarSender::MmsWtpSarSender(const MmsWtpPdu& first,
                                 uint8_t segmentType,
                                 std::size_t segmentSize,
                                 unsigned groupSize)
    : m_first(first)
    , m_segmentType(segmentType)
    , m_segmentSize(segmentSize)
    , m_groupSize(groupSize < 1 ? 1 : (groupSize > 255 ? 255 : groupSize))
{
}

bool
MmsWtpSarSender::Split(const std::vector<uint8_t>& data)
{
    m_packets.clear();
    m_groupStart = 0;
    m_allAcked = false;
    const std::size_t size =
        m_segmentSize > 0 ? m_segmentSize : std::max<std::size_t>(1, data.size());
    const std::size_t n = data.empty() ? 1 : (data.size() + size - 1) / size;
    if (n > 256)
    {
        return false;
    }
    for (std::size_t i = 0; i < n; ++i)
    {
        const std::size_t from = i * size;
        const std::size_t to = std::min(data.size(), from + size);
        m_packets.emplace_back(data.begin() + from, data.begin() + to);
    }
    return true;
}

std::size_t
MmsWtpSarSender::GetPacketCount() const
{
    return m_packets.size();
}

std::size_t
MmsWtpSarSender::GroupEnd() const
{
    return std::min(m_groupStart + m_groupSize, m_packets.size()) - 1;
}

bool
MmsWtpSarSender::LastGroup() const
{
    return GroupEnd() + 1 == m_packets.size();
}

bool
MmsWtpSarSender::AllAcked() const
{
    return m_allAcked;
}

void
MmsWtpSarSender::SendPacket(std::vector<MmsWtpAction>& a, std::size_t psn, bool rid) const
{
    const bool last = psn + 1 == m_packets.size();
    MmsWtpPdu p = m_first;
    if (psn > 0)
    {
        p = MmsWtpPdu::MakeSegment(m_segmentType,
                                   m_first.GetTid(),
                                   static_cast<uint8_t>(psn),
                                   false,
                                   false,
                                   m_packets[psn]);
    }
    else
    {
        p.SetData(m_packets[0]);
    }
    p.SetTrailer(psn == GroupEnd() && !last, last);
    p.SetRid(rid);
    Send(a, p);
}

void
MmsWtpSarSender::SendGroup(std::vector<MmsWtpAction>& a) const
{
    for (std::size_t psn = m_groupStart; psn <= GroupEnd(); ++psn)
    {
        SendPacket(a, psn, false);
    }
}

unsigned
MmsWtpSarSender::Resend(const std::vector<uint8_t>& missing, std::vector<MmsWtpAction>& a) const
{
    unsigned n = 0;
    for (uint8_t psn : missing)
    {
        if (psn >= m_groupStart && psn <= GroupEnd())
        {
            ++n;
            SendPacket(a, psn, true);
        }
    }
    return n;
}

bool
MmsWtpSarSender::Acked(std::size_t psn)
{
    if (m_allAcked || psn != GroupEnd())
    {
        return false; // an old group's Ack
    }
    if (LastGroup())
    {
        m_allAcked = true;
    }
    else
    {
        m_groupStart = psn + 1;
    }
    return true;
}

MmsWtpSarReceiver::MmsWtpSarReceiver(uint16_t tid)
    : m_tid(tid)
{
}

const std::vector<uint8_t>&
MmsWtpSarReceiver::GetMessage() const
{
    return m_message;
}

int
MmsWtpSarReceiver::GetLastPsn() const
{
    return m_lastPsn;
}

unsigned
MmsWtpSarReceiver::GetNacks() const
{
    return m_nacks;
}

MmsWtpSarReceiver::Outcome
MmsWtpSarReceiver::Add(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a)
{
    // The Invoke or Result is packet 0, Segmented Invokes and Results carry their PSN; GTR ends
    // a packet group, TTR the message (TTR alone on packet 0: no segmentation).
    const uint8_t type = p.GetType();
    const bool first = type == MmsWtpPdu::INVOKE || type == MmsWtpPdu::RESULT;
    const int psn = first ? 0 : p.GetPsn();
    m_packets[static_cast<uint8_t>(psn)] = p.GetData();
    const bool trailer = p.GetGtr() || p.GetTtr();
    if (trailer && psn < m_groupStart)
    {
        // The trailer of a group already acknowledged: that Ack was lost; send it again.
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(m_tid);
        ack.SetRid(true);
        ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(psn)));
        Send(a, ack);
        return INCOMPLETE;
    }
    if (p.GetTtr())
    {
        m_lastPsn = psn;
    }
    if (trailer)
    {
        m_groupEnd = std::max(m_groupEnd, psn);
    }
    if (m_groupEnd < m_groupStart)
    {
        return INCOMPLETE; // the group goes on
    }
    std::vector<uint8_t> missing;
    for (int i = m_groupStart; i <= m_groupEnd; ++i)
    {
        if (m_packets.find(static_cast<uint8_t>(i)) == m_packets.end())
        {
            missing.push_back(static_cast<uint8_t>(i));
        }
    }
    if (!missing.empty())
    {
        if (trailer)
        {
            ++m_nacks;
            Send(a, MmsWtpPdu::MakeNack(m_tid, missing)); // ask for the missing packets
        }
        return INCOMPLETE;
    }
    if (m_groupEnd != m_lastPsn)
    {
        // A whole group: acknowledge its last packet.
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(m_tid);
        ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(m_groupEnd)));
        Send(a, ack);
        m_groupStart = m_groupEnd + 1;
        m_groupEnd = -1;
        return INCOMPLETE;
    }
    m_message.clear();
    for (const auto& kv : m_packets)
    {
        if (kv.first <= m_lastPsn)
        {
            m_message.insert(m_message.end(), kv.second.begin(), kv.second.end());
        }
    }
    return MESSAGE;
}

// ---------------------------------------------------------------------------------------
// MmsWtpInitiator

MmsWtpInitiator::MmsWtpInitiator(uint16_t tid,
                                 const MmsWtpTimers& timers,
                                 std::size_t segmentSize,
                                 unsigned groupSize)
    : m_tid(tid & 0x7FFF)
    , m_timers(timers)
    , m_segmentSize(segmentSize)
    , m_groupSize(groupSize)
    , m_sender(MmsWtpPdu(), MmsWtpPdu::SEGMENTED_INVOKE, segmentSize, groupSize)
    , m_receiver(tid & 0x7FFF)
{
}

MmsWtpInitiator::State
MmsWtpInitiator::GetState() const
{
    return m_state;
}

std::string
MmsWtpInitiator::StateName(State s)
{
    switch (s)
    {
        case NULL_STATE:
            return "NULL";
        case RESULT_WAIT:
            return "RESULT_WAIT";
        case RESULT_RESP_WAIT:
            return "RESULT_RESP_WAIT";
        default:
            return "WAIT_TIMEOUT";
    }
}

unsigned
MmsWtpInitiator::GetRetransmissions() const
{
    return m_rcr;
}

unsigned
MmsWtpInitiator::GetResentPackets() const
{
    return m_resent;
}

std::size_t
MmsWtpInitiator::GetInvokePackets() const
{
    return m_sender.GetPacketCount();
}

unsigned
MmsWtpInitiator::GetNacks() const
{
    return m_receiver.GetNacks();
}

void
MmsWtpInitiator::Finish(std::vector<MmsWtpAction>& a)
{
    Indicate(a, MmsWtpAction::FINISHED);
    m_state = NULL_STATE;
}

void
MmsWtpInitiator::AbortIndication(std::vector<MmsWtpAction>& a, uint8_t reason, bool byPeer)
{
    AbortAction(a, reason, byPeer);
    Finish(a);
}

std::vector<MmsWtpAction>
MmsWtpInitiator::Invoke(const std::vector<uint8_t>& userData, bool userAck)
{
    std::vector<MmsWtpAction> a;
    if (m_state != NULL_STATE)
    {
        return a;
    }
    m_userAck = userAck;
    m_confirmed = false;
    m_rcr = 0;
    m_aec = 0;
    m_resent = 0;
    m_receiver = MmsWtpSarReceiver(m_tid);
    m_segmented = m_segmentSize > 0 && userData.size() > m_segmentSize;
    m_sender = MmsWtpSarSender(MmsWtpPdu::MakeInvoke(m_tid, MmsWtpPdu::CLASS_2, {}, userAck),
                               MmsWtpPdu::SEGMENTED_INVOKE,
                               m_segmented ? m_segmentSize : 0,
                               m_groupSize);
    if (!m_sender.Split(userData))
    {
        AbortIndication(a, MmsWtpPdu::REASON_MESSAGETOOLARGE, false);
        return a;
    }
    m_sender.SendGroup(a);
    StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
    m_state = RESULT_WAIT;
    return a;
}

std::vector<MmsWtpAction>
MmsWtpInitiator::Expire(MmsWtpAction::Timer timer)
{
    std::vector<MmsWtpAction> a;
    if (m_state == RESULT_WAIT && timer == MmsWtpAction::TIMER_R && !m_confirmed)
    {
        if (m_rcr < m_timers.maxRetransmissions)
        {
            // Retransmit the Invoke (of a segmented one, the group's last packet) with RID set.
            ++m_rcr;
            m_sender.SendPacket(a, m_sender.GroupEnd(), true);
            StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
        }
        else
        {
            AbortIndication(a, MmsWtpPdu::REASON_NORESPONSE, false);
        }
    }
    else if (m_state == RESULT_RESP_WAIT && timer == MmsWtpAction::TIMER_A)
    {
        if (m_aec < m_timers.maxAckExpirations)
        {
            ++m_aec;
            StartTimer(a, MmsWtpAction::TIMER_A, m_timers.ackInterval);
        }
        else
        {
            // The user never acknowledged: the provider acknowledges for it.
            Acknowledge(a, false);
        }
    }
    else if (m_state == WAIT_TIMEOUT && timer == MmsWtpAction::TIMER_W)
    {
        Finish(a);
    }
    return a;
}

std::vector<MmsWtpAction>
MmsWtpInitiator::UserAck()
{
    std::vector<MmsWtpAction> a;
    if (m_state == RESULT_RESP_WAIT)
    {
        StopTimer(a, MmsWtpAction::TIMER_A);
        Acknowledge(a, false);
    }
    return a;
}

std::vector<MmsWtpAction>
MmsWtpInitiator::Abort(uint8_t reason)
{
    std::vector<MmsWtpAction> a;
    if (m_state == NULL_STATE)
    {
        return a;
    }
    StopTimer(a, MmsWtpAction::TIMER_R);
    StopTimer(a, MmsWtpAction::TIMER_A);
    StopTimer(a, MmsWtpAction::TIMER_W);
    Send(a, MmsWtpPdu::MakeAbort(m_tid, MmsWtpPdu::ABORT_USER, reason));
    Finish(a);
    return a;
}

MmsWtpPdu
MmsWtpInitiator::AckPdu(bool rid) const
{
    // The Ack of the Result (of its last packet group when it came in segments).
    MmsWtpPdu ack = MmsWtpPdu::MakeAck(m_tid);
    ack.SetRid(rid);
    if (m_receiver.GetLastPsn() > 0)
    {
        ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(m_receiver.GetLastPsn())));
    }
    return ack;
}

void
MmsWtpInitiator::Acknowledge(std::vector<MmsWtpAction>& a, bool rid)
{
    Send(a, AckPdu(rid));
    StartTimer(a, MmsWtpAction::TIMER_W, m_timers.waitTimeout);
    m_state = WAIT_TIMEOUT;
}

bool
MmsWtpInitiator::Receive(const uint8_t* data, std::size_t size, std::vector<MmsWtpAction>& actions)
{
    actions.clear();
    std::vector<MmsWtpPdu> pdus;
    MmsDecodeError e;
    MmsWtpPdu::DecodeDatagram(data, size, pdus, e); // the PDUs before an error still count
    bool mine = false;
    for (const auto& p : pdus)
    {
        // A PDU of this transaction comes from the responder: its TID has the bit set.
        if (p.GetTidValue() == m_tid && p.IsResponse() && !p.GetFields().empty()
            && p.GetType() >= MmsWtpPdu::INVOKE && p.GetType() <= MmsWtpPdu::NACK)
        {
            mine = true;
            OnPacket(p, actions);
        }
    }
    return mine;
}

void
MmsWtpInitiator::OnSegmentAck(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a)
{
    // An Ack with a PSN TPI acknowledges a group of the segmented Invoke; without one (a
    // hold-on Ack) the whole Invoke.
    int psn = -1;
    for (const auto& t : p.GetTpis())
    {
        if (t.identity == MmsWtpTpi::PSN && t.data.size() == 1)
        {
            psn = t.data[0];
        }
    }
    if (psn >= 0 && !m_sender.LastGroup())
    {
        if (m_sender.Acked(static_cast<std::size_t>(psn)))
        {
            m_rcr = 0;
            m_sender.SendGroup(a);
            StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
        }
        return;
    }
    if (psn >= 0 && !m_sender.Acked(static_cast<std::size_t>(psn)))
    {
        return; // an old group's Ack
    }
    m_confirmed = true;
    StopTimer(a, MmsWtpAction::TIMER_R);
    Indicate(a, MmsWtpAction::INVOKE_CONFIRMED);
}

void
MmsWtpInitiator::OnPacket(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a)
{
    uint8_t type = p.GetType();
    if (type == MmsWtpPdu::ABORT)
    {
        if (m_state == RESULT_WAIT || m_state == RESULT_RESP_WAIT)
        {
            StopTimer(a, m_state == RESULT_WAIT ? MmsWtpAction::TIMER_R : MmsWtpAction::TIMER_A);
            AbortIndication(a, p.GetAbortReason(), true);
        }
        return;
    }
    bool result = type == MmsWtpPdu::RESULT || type == MmsWtpPdu::SEGMENTED_RESULT;
    if (m_state == WAIT_TIMEOUT && result)
    {
        // Our Ack was lost: the responder sends the Result again; acknowledge it again.
        Send(a, AckPdu(true));
        return;
    }
    if (m_state != RESULT_WAIT)
    {
        return; // RESULT_RESP_WAIT: a retransmitted Result waits for the user's answer
    }
    if (type == MmsWtpPdu::ACK)
    {
        if (p.GetTveTok())
        {
            // TID verification: yes, this TID is outstanding (Ack with Tok).
            Send(a, MmsWtpPdu::MakeAck(m_tid, true));
        }
        else if (!m_confirmed)
        {
            // Hold-on (the responder has the Invoke: no more retransmissions), or the Ack of a
            // group of a segmented Invoke.
            OnSegmentAck(p, a);
        }
        return;
    }
    if (type == MmsWtpPdu::NACK)
    {
        if (m_segmented && !m_confirmed)
        {
            // Packets of the group in flight are missing: send them again.
            m_resent += m_sender.Resend(p.GetMissing(), a);
            StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
        }
        return;
    }
    if (!result)
    {
        return; // an Invoke is not for an initiator
    }
    if (!m_confirmed)
    {
        m_confirmed = true; // the Result confirms the Invoke
        StopTimer(a, MmsWtpAction::TIMER_R);
        Indicate(a, MmsWtpAction::INVOKE_CONFIRMED);
    }
    if (m_receiver.Add(p, a) != MmsWtpSarReceiver::MESSAGE)
    {
        return;
    }
    // The whole message.
    MmsWtpAction x;
    x.kind = MmsWtpAction::RESULT_INDICATION;
    x.message = m_receiver.GetMessage();
    a.push_back(x);
    if (m_userAck)
    {
        m_state = RESULT_RESP_WAIT;
        m_aec = 0;
        StartTimer(a, MmsWtpAction::TIMER_A, m_timers.ackInterval);
    }
    else
    {
        Acknowledge(a, false);
    }
}

// ---------------------------------------------------------------------------------------
// MmsWtpResponder

MmsWtpResponder::MmsWtpResponder(const MmsWtpTimers& timers,
                                 std::size_t segmentSize,
                                 unsigned groupSize)
    : m_timers(timers)
    , m_segmentSize(segmentSize > 0 ? segmentSize : 1)
    , m_groupSize(groupSize < 1 ? 1 : (groupSize > 255 ? 255 : groupSize))
    , m_sender(MmsWtpPdu(), MmsWtpPdu::SEGMENTED_RESULT, m_segmentSize, m_groupSize)
{
}

MmsWtpResponder::State
MmsWtpResponder::GetState() const
{
    return m_state;
}

uint16_t
MmsWtpResponder::GetTid() const
{
    return m_tid;
}

std::size_t
MmsWtpResponder::GetPacketCount() const
{
    return m_sender.GetPacketCount();
}

unsigned
MmsWtpResponder::GetRetransmittedPackets() const
{
    return m_retransmitted;
}

unsigned
MmsWtpResponder::GetNacks() const
{
    return m_nacks;
}

std::size_t
MmsWtpResponder::GetInvokePackets() const
{
    return m_invokePackets;
}

void
MmsWtpResponder::SendGroup(std::vector<MmsWtpAction>& a)
{
    m_sender.SendGroup(a);
    m_rcr = 0;
    StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
}

void
MmsWtpResponder::End(std::vector<MmsWtpAction>& a, uint8_t reason, bool sendAbort)
{
    if (sendAbort)
    {
        Send(a,
             MmsWtpPdu::MakeAbort(
                 m_tid | MmsWtpPdu::TID_RESPONSE_BIT, MmsWtpPdu::ABORT_PROVIDER, reason));
    }
    AbortAction(a, reason, false);
    Indicate(a, MmsWtpAction::FINISHED);
    m_state = LISTEN;
}

std::vector<MmsWtpAction>
MmsWtpResponder::Result(const std::vector<uint8_t>& userData)
{
    std::vector<MmsWtpAction> a;
    if (m_state != INVOKE_RESP_WAIT)
    {
        return a;
    }
    StopTimer(a, MmsWtpAction::TIMER_A);
    // Packets of segmentSize octets; the PSN is one octet, so at most 256 of them.
    m_sender = MmsWtpSarSender(
        MmsWtpPdu::MakeResult(m_tid, {}), MmsWtpPdu::SEGMENTED_RESULT, m_segmentSize, m_groupSize);
    if (!m_sender.Split(userData))
    {
        End(a, MmsWtpPdu::REASON_MESSAGETOOLARGE, true);
        return a;
    }
    m_state = RESULT_WAIT;
    SendGroup(a);
    return a;
}

std::vector<MmsWtpAction>
MmsWtpResponder::Expire(MmsWtpAction::Timer timer)
{
    std::vector<MmsWtpAction> a;
    if (m_state == INVOKE_RESP_WAIT && timer == MmsWtpAction::TIMER_A && !m_holdOnSent)
    {
        // The Result is late: a hold-on Ack stops the initiator's retransmissions.
        m_holdOnSent = true;
        Send(a, MmsWtpPdu::MakeAck(m_tid | MmsWtpPdu::TID_RESPONSE_BIT));
    }
    else if (m_state == INVOKE_SEGMENTS_WAIT && timer == MmsWtpAction::TIMER_W)
    {
        // The initiator went silent in the middle of its Invoke.
        End(a, MmsWtpPdu::REASON_NORESPONSE, true);
    }
    else if (m_state == RESULT_WAIT && timer == MmsWtpAction::TIMER_R)
    {
        if (m_rcr < m_timers.maxRetransmissions)
        {
            ++m_rcr;
            ++m_retransmitted;
            m_sender.SendPacket(a, m_sender.GroupEnd(), true);
            StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
        }
        else
        {
            End(a, MmsWtpPdu::REASON_NORESPONSE, true);
        }
    }
    return a;
}

void
MmsWtpResponder::Deliver(std::vector<MmsWtpAction>& a, const std::vector<uint8_t>& message)
{
    m_state = INVOKE_RESP_WAIT;
    MmsWtpAction x;
    x.kind = MmsWtpAction::INVOKE_INDICATION;
    x.message = message;
    a.push_back(std::move(x));
    StartTimer(a, MmsWtpAction::TIMER_A, m_timers.ackInterval);
}

void
MmsWtpResponder::Segment(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a)
{
    // A packet of a segmented Invoke; timer W gives up on an initiator gone silent.
    StartTimer(a, MmsWtpAction::TIMER_W, m_timers.waitTimeout);
    if (m_receiver.Add(p, a) == MmsWtpSarReceiver::MESSAGE)
    {
        StopTimer(a, MmsWtpAction::TIMER_W);
        m_invokePackets = static_cast<std::size_t>(m_receiver.GetLastPsn()) + 1;
        m_nacks = m_receiver.GetNacks();
        Deliver(a, m_receiver.GetMessage());
        return;
    }
    m_nacks = m_receiver.GetNacks();
}

bool
MmsWtpResponder::Receive(const uint8_t* data, std::size_t size, std::vector<MmsWtpAction>& actions)
{
    actions.clear();
    std::vector<MmsWtpPdu> pdus;
    MmsDecodeError e;
    MmsWtpPdu::DecodeDatagram(data, size, pdus, e);
    bool mine = false;
    for (const auto& p : pdus)
    {
        if (p.IsResponse() || p.GetFields().size() < 2 || p.GetType() < MmsWtpPdu::INVOKE
            || p.GetType() > MmsWtpPdu::NACK)
        {
            continue; // from a responder, or undecodable
        }
        uint8_t type = p.GetType();
        const bool invokePacket = type == MmsWtpPdu::INVOKE || type == MmsWtpPdu::SEGMENTED_INVOKE;
        if (m_state == LISTEN)
        {
            if (!invokePacket || (type == MmsWtpPdu::INVOKE && p.GetClass() != MmsWtpPdu::CLASS_2))
            {
                continue;
            }
            mine = true;
            m_tid = p.GetTidValue();
            m_holdOnSent = false;
            m_retransmitted = 0;
            m_nacks = 0;
            if (type == MmsWtpPdu::INVOKE && p.GetTtr())
            {
                m_invokePackets = 1;
                Deliver(actions, p.GetData());
                continue;
            }
            // The first packet to arrive of a segmented Invoke (the Invoke itself may be lost).
            m_invokePackets = 0;
            m_receiver = MmsWtpSarReceiver(m_tid | MmsWtpPdu::TID_RESPONSE_BIT);
            m_state = INVOKE_SEGMENTS_WAIT;
            Segment(p, actions);
            continue;
        }
        if (p.GetTidValue() != m_tid)
        {
            continue;
        }
        mine = true;
        if (type == MmsWtpPdu::ABORT)
        {
            StopTimer(actions,
                      m_state == RESULT_WAIT
                          ? MmsWtpAction::TIMER_R
                          : (m_state == INVOKE_SEGMENTS_WAIT ? MmsWtpAction::TIMER_W
                                                             : MmsWtpAction::TIMER_A));
            AbortAction(actions, p.GetAbortReason(), true);
            Indicate(actions, MmsWtpAction::FINISHED);
            m_state = LISTEN;
            continue;
        }
        if (m_state == INVOKE_SEGMENTS_WAIT)
        {
            if (invokePacket)
            {
                Segment(p, actions);
            }
            continue;
        }
        if (m_state == INVOKE_RESP_WAIT)
        {
            if (invokePacket && p.GetRid())
            {
                // The initiator retransmits: it has not heard of us; hold it on.
                m_holdOnSent = true;
                Send(actions, MmsWtpPdu::MakeAck(m_tid | MmsWtpPdu::TID_RESPONSE_BIT));
            }
            continue;
        }
        // RESULT_WAIT.
        if (type == MmsWtpPdu::NACK)
        {
            unsigned n = m_sender.Resend(p.GetMissing(), actions);
            m_retransmitted += n;
            StartTimer(actions, MmsWtpAction::TIMER_R, m_timers.retryInterval);
            continue;
        }
        if (type != MmsWtpPdu::ACK || p.GetTveTok())
        {
            continue;
        }
        // The Ack names the group's last PSN (no PSN TPI: the whole Result, unsegmented).
        std::size_t acked = m_sender.GroupEnd();
        for (const auto& t : p.GetTpis())
        {
            if (t.identity == MmsWtpTpi::PSN && t.data.size() == 1)
            {
                acked = t.data[0];
            }
        }
        if (!m_sender.Acked(acked))
        {
            continue; // an old group's Ack
        }
        StopTimer(actions, MmsWtpAction::TIMER_R);
        if (!m_sender.AllAcked())
        {
            SendGroup(actions);
        }
        else
        {
            Indicate(actions, MmsWtpAction::INVOKE_CONFIRMED); // TR-Result.cnf
            Indicate(actions, MmsWtpAction::FINISHED);
            m_state = LISTEN;
        }
    }
    return mine;
}

} // namespace ns3
