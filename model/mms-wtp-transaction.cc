/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wtp-transaction.h"

#include <algorithm>

namespace ns3
{

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
MmsWtpInitiator::Send(std::vector<MmsWtpAction>& a, const MmsWtpPdu& p) const
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::SEND;
    x.pdu = p.Encode();
    a.push_back(std::move(x));
}

void
MmsWtpInitiator::StartTimer(std::vector<MmsWtpAction>& a, MmsWtpAction::Timer t, double delay) const
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::START_TIMER;
    x.timer = t;
    x.delay = delay;
    a.push_back(x);
}

void
MmsWtpInitiator::StopTimer(std::vector<MmsWtpAction>& a, MmsWtpAction::Timer t) const
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::STOP_TIMER;
    x.timer = t;
    a.push_back(x);
}

void
MmsWtpInitiator::Finish(std::vector<MmsWtpAction>& a)
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::FINISHED;
    a.push_back(x);
    m_state = NULL_STATE;
}

void
MmsWtpInitiator::AbortIndication(std::vector<MmsWtpAction>& a, uint8_t reason, bool byPeer)
{
    MmsWtpAction x;
    x.kind = MmsWtpAction::ABORT_INDICATION;
    x.reason = reason;
    x.byPeer = byPeer;
    a.push_back(x);
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

void
MmsWtpInitiator::Acknowledge(std::vector<MmsWtpAction>& a, bool rid)
{
    // The Ack of the Result (of its last packet group when it came in segments).
    MmsWtpPdu ack = MmsWtpPdu::MakeAck(m_tid);
    ack.SetRid(rid);
    if (m_lastPsn > 0)
    {
        ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(m_lastPsn)));
    }
    Send(a, ack);
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
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(m_tid);
        ack.SetRid(true);
        if (m_lastPsn > 0)
        {
            ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(m_lastPsn)));
        }
        Send(a, ack);
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
            MmsWtpAction x;
            x.kind = MmsWtpAction::INVOKE_CONFIRMED;
            a.push_back(x);
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
        MmsWtpAction x;
        x.kind = MmsWtpAction::INVOKE_CONFIRMED;
        a.push_back(x);
    }
    // Reassembly (segmentation and reassembly, WAP-224-WTP section 7.14): the Result is packet
    // 0, Segmented Results carry their PSN; GTR ends a packet group, TTR the message (both set:
    // no segmentation).
    int psn = type == MmsWtpPdu::RESULT ? 0 : p.GetPsn();
    m_packets[static_cast<uint8_t>(psn)] = p.GetData();
    bool trailer = p.GetGtr() || p.GetTtr();
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

} // namespace ns3
