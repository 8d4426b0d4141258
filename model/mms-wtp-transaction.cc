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

MmsWtpInitiator::MmsWtpInitiator(uint16_t tid, const MmsWtpTimers& timers)
    : m_tid(tid & 0x7FFF)
    , m_timers(timers)
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
    m_invoke = MmsWtpPdu::MakeInvoke(m_tid, MmsWtpPdu::CLASS_2, userData, userAck);
    m_userAck = userAck;
    m_confirmed = false;
    m_rcr = 0;
    m_aec = 0;
    m_packets.clear();
    m_groupStart = 0;
    m_groupEnd = -1;
    m_lastPsn = -1;
    m_message.clear();
    Send(a, m_invoke);
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
            // Retransmit the Invoke with RID set.
            ++m_rcr;
            MmsWtpPdu again = m_invoke;
            again.SetRid(true);
            Send(a, again);
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
    if (m_lastPsn > 0)
    {
        ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(m_lastPsn)));
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
            // Hold-on: the responder has the Invoke; no more retransmissions.
            m_confirmed = true;
            StopTimer(a, MmsWtpAction::TIMER_R);
            Indicate(a, MmsWtpAction::INVOKE_CONFIRMED);
        }
        return;
    }
    if (!result)
    {
        return; // an Invoke or Negative Ack is not for an initiator
    }
    if (!m_confirmed)
    {
        m_confirmed = true; // the Result confirms the Invoke
        StopTimer(a, MmsWtpAction::TIMER_R);
        Indicate(a, MmsWtpAction::INVOKE_CONFIRMED);
    }
    // Reassembly (segmentation and reassembly, WAP-224-WTP section 7.14): the Result is packet
    // 0, Segmented Results carry their PSN; GTR ends a packet group, TTR the message (both set:
    // no segmentation).
    int psn = type == MmsWtpPdu::RESULT ? 0 : p.GetPsn();
    m_packets[static_cast<uint8_t>(psn)] = p.GetData();
    bool trailer = p.GetGtr() || p.GetTtr();
    if (trailer && psn < m_groupStart)
    {
        // The trailer of a group already acknowledged: that Ack was lost; send it again.
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(m_tid);
        ack.SetRid(true);
        ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(psn)));
        Send(a, ack);
        return;
    }
    if (p.GetTtr())
    {
        m_lastPsn = psn;
    }
    if (trailer && psn >= m_groupStart)
    {
        m_groupEnd = std::max(m_groupEnd, psn);
    }
    if (m_groupEnd < m_groupStart)
    {
        return; // the group goes on
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
            Send(a, MmsWtpPdu::MakeNack(m_tid, missing)); // ask for the missing packets
        }
        return;
    }
    if (m_groupEnd != m_lastPsn)
    {
        // A whole group: acknowledge its last packet.
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(m_tid);
        ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(m_groupEnd)));
        Send(a, ack);
        m_groupStart = m_groupEnd + 1;
        m_groupEnd = -1;
        return;
    }
    // The whole message.
    m_message.clear();
    for (const auto& kv : m_packets)
    {
        if (kv.first <= m_lastPsn)
        {
            m_message.insert(m_message.end(), kv.second.begin(), kv.second.end());
        }
    }
    MmsWtpAction x;
    x.kind = MmsWtpAction::RESULT_INDICATION;
    x.message = m_message;
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
    return m_packets.size();
}

unsigned
MmsWtpResponder::GetRetransmittedPackets() const
{
    return m_retransmitted;
}

std::size_t
MmsWtpResponder::GroupEnd() const
{
    return std::min(m_groupStart + m_groupSize, m_packets.size()) - 1;
}

void
MmsWtpResponder::SendPacket(std::vector<MmsWtpAction>& a, std::size_t psn, bool rid)
{
    bool last = psn + 1 == m_packets.size();
    bool groupEnd = psn == GroupEnd();
    // The responder's PDUs carry the TID with its direction bit set.
    uint16_t tid = m_tid | MmsWtpPdu::TID_RESPONSE_BIT;
    MmsWtpPdu p = psn == 0 ? MmsWtpPdu::MakeResult(m_tid, m_packets[0])
                           : MmsWtpPdu::MakeSegment(MmsWtpPdu::SEGMENTED_RESULT,
                                                    tid,
                                                    static_cast<uint8_t>(psn),
                                                    false,
                                                    false,
                                                    m_packets[psn]);
    p.SetTrailer(groupEnd && !last, last);
    p.SetRid(rid);
    Send(a, p);
}

void
MmsWtpResponder::SendGroup(std::vector<MmsWtpAction>& a)
{
    for (std::size_t psn = m_groupStart; psn <= GroupEnd(); ++psn)
    {
        SendPacket(a, psn, false);
    }
    m_rcr = 0;
    StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
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
    m_packets.clear();
    std::size_t n = userData.empty() ? 1 : (userData.size() + m_segmentSize - 1) / m_segmentSize;
    for (std::size_t i = 0; i < n && i < 256; ++i)
    {
        std::size_t from = i * m_segmentSize;
        std::size_t to = std::min(userData.size(), from + m_segmentSize);
        m_packets.emplace_back(userData.begin() + from, userData.begin() + to);
    }
    if (n > 256)
    {
        Send(a,
             MmsWtpPdu::MakeAbort(m_tid | MmsWtpPdu::TID_RESPONSE_BIT,
                                  MmsWtpPdu::ABORT_PROVIDER,
                                  MmsWtpPdu::REASON_MESSAGETOOLARGE));
        AbortAction(a, MmsWtpPdu::REASON_MESSAGETOOLARGE, false);
        Indicate(a, MmsWtpAction::FINISHED);
        m_state = LISTEN;
        return a;
    }
    m_groupStart = 0;
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
    else if (m_state == RESULT_WAIT && timer == MmsWtpAction::TIMER_R)
    {
        if (m_rcr < m_timers.maxRetransmissions)
        {
            ++m_rcr;
            ++m_retransmitted;
            SendPacket(a, GroupEnd(), true);
            StartTimer(a, MmsWtpAction::TIMER_R, m_timers.retryInterval);
        }
        else
        {
            Send(a,
                 MmsWtpPdu::MakeAbort(m_tid | MmsWtpPdu::TID_RESPONSE_BIT,
                                      MmsWtpPdu::ABORT_PROVIDER,
                                      MmsWtpPdu::REASON_NORESPONSE));
            AbortAction(a, MmsWtpPdu::REASON_NORESPONSE, false);
            Indicate(a, MmsWtpAction::FINISHED);
            m_state = LISTEN;
        }
    }
    return a;
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
        if (m_state == LISTEN)
        {
            if (type == MmsWtpPdu::SEGMENTED_INVOKE || (type == MmsWtpPdu::INVOKE && !p.GetTtr()))
            {
                // The first packet of a segmented Invoke: not supported.
                Send(actions,
                     MmsWtpPdu::MakeAbort(p.GetTid() | MmsWtpPdu::TID_RESPONSE_BIT,
                                          MmsWtpPdu::ABORT_PROVIDER,
                                          MmsWtpPdu::REASON_NOTIMPLEMENTEDSAR));
                mine = true;
                continue;
            }
            if (type != MmsWtpPdu::INVOKE || p.GetClass() != MmsWtpPdu::CLASS_2)
            {
                continue;
            }
            mine = true;
            m_tid = p.GetTidValue();
            m_state = INVOKE_RESP_WAIT;
            m_holdOnSent = false;
            m_retransmitted = 0;
            MmsWtpAction x;
            x.kind = MmsWtpAction::INVOKE_INDICATION;
            x.message = p.GetData();
            actions.push_back(std::move(x));
            StartTimer(actions, MmsWtpAction::TIMER_A, m_timers.ackInterval);
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
                      m_state == RESULT_WAIT ? MmsWtpAction::TIMER_R : MmsWtpAction::TIMER_A);
            AbortAction(actions, p.GetAbortReason(), true);
            Indicate(actions, MmsWtpAction::FINISHED);
            m_state = LISTEN;
            continue;
        }
        if (m_state == INVOKE_RESP_WAIT)
        {
            if (type == MmsWtpPdu::INVOKE && p.GetRid())
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
            for (uint8_t psn : p.GetMissing())
            {
                if (psn >= m_groupStart && psn <= GroupEnd())
                {
                    ++m_retransmitted;
                    SendPacket(actions, psn, true);
                }
            }
            StartTimer(actions, MmsWtpAction::TIMER_R, m_timers.retryInterval);
            continue;
        }
        if (type != MmsWtpPdu::ACK || p.GetTveTok())
        {
            continue;
        }
        // The Ack names the group's last PSN (no PSN TPI: the whole Result, unsegmented).
        std::size_t acked = GroupEnd();
        for (const auto& t : p.GetTpis())
        {
            if (t.identity == MmsWtpTpi::PSN && t.data.size() == 1)
            {
                acked = t.data[0];
            }
        }
        if (acked != GroupEnd())
        {
            continue; // an old group's Ack
        }
        StopTimer(actions, MmsWtpAction::TIMER_R);
        if (acked + 1 < m_packets.size())
        {
            m_groupStart = acked + 1;
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
