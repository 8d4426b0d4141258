/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-rrc-state-machine.h"

#include "mms-common.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsRrcStateMachine");
NS_OBJECT_ENSURE_REGISTERED(MmsRrcStateMachine);

TypeId
MmsRrcStateMachine::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRrcStateMachine")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRrcStateMachine>()
            .AddAttribute("IdleToDchMin",
                          "Shortest Idle to Cell_DCH promotion (s). Qian et al. IMC 2010 "
                          "(AT&T ARO 3G profile): 1.5 s.",
                          TimeValue(Seconds(1.5)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_idleToDchMin),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("IdleToDchMean",
                          "Mean Idle to Cell_DCH promotion (s). Qian et al.: 2.0 s.",
                          TimeValue(Seconds(2.0)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_idleToDchMean),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("IdleToDchMax",
                          "Longest Idle to Cell_DCH promotion (s). Qian et al.: 4.0 s.",
                          TimeValue(Seconds(4.0)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_idleToDchMax),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("FachToDchMin",
                          "Shortest Cell_FACH to Cell_DCH promotion (s). Qian et al.: 0.8 s.",
                          TimeValue(Seconds(0.8)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_fachToDchMin),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("FachToDchMean",
                          "Mean Cell_FACH to Cell_DCH promotion (s). Qian et al.: 1.5 s.",
                          TimeValue(Seconds(1.5)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_fachToDchMean),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("FachToDchMax",
                          "Longest Cell_FACH to Cell_DCH promotion (s). Qian et al.: 3.0 s.",
                          TimeValue(Seconds(3.0)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_fachToDchMax),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("DchInactivity",
                          "Cell_DCH to Cell_FACH after this long without traffic (s). Qian et "
                          "al. (timer T1): 5 s.",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_dchInactivity),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("FachInactivity",
                          "Cell_FACH to Idle after this long without traffic (s). Qian et al. "
                          "(timer T2): 12 s.",
                          TimeValue(Seconds(12)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_fachInactivity),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("FachUplinkThreshold",
                          "Uplink backlog (octets) above which Cell_FACH promotes to Cell_DCH. "
                          "Qian et al.: 543.",
                          UintegerValue(543),
                          MakeUintegerAccessor(&MmsRrcStateMachine::m_fachUplinkThreshold),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("FachDownlinkThreshold",
                          "Downlink backlog (octets) above which Cell_FACH promotes to "
                          "Cell_DCH. Qian et al.: 475.",
                          UintegerValue(475),
                          MakeUintegerAccessor(&MmsRrcStateMachine::m_fachDownlinkThreshold),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("TbfSetupMin",
                          "Shortest GPRS/EDGE TBF establishment (s). A modelling choice: a "
                          "PCCCH/AGCH access and assignment, a few 51-multiframes.",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_tbfSetupMin),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TbfSetupMean",
                          "Mean GPRS/EDGE TBF establishment (s). A modelling choice.",
                          TimeValue(MilliSeconds(300)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_tbfSetupMean),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TbfSetupMax",
                          "Longest GPRS/EDGE TBF establishment (s). A modelling choice.",
                          TimeValue(MilliSeconds(800)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_tbfSetupMax),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("TbfRelease",
                          "GPRS/EDGE TBF released after this long without traffic (s). A "
                          "modelling choice within the delayed-release range of 3GPP TS "
                          "44.060 (MS timer T3192 up to 1.5 s).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_tbfRelease),
                          MakeTimeChecker(Time(0)))
            .AddAttribute(
                "PdpMode",
                "PDP context for the MMS APN: AlwaysOn (no cost) or OnDemand (per "
                "transaction, as MMS-era phones used the MMS APN).",
                EnumValue(PDP_ON_DEMAND),
                MMS_ENUM_ACCESSOR(MmsRrcStateMachine::PdpMode, &MmsRrcStateMachine::m_pdpMode),
                MakeEnumChecker(PDP_ALWAYS_ON, "AlwaysOn", PDP_ON_DEMAND, "OnDemand"))
            .AddAttribute("PdpActivationMin",
                          "Shortest PDP context activation (s). About 1-3 s is typical "
                          "(unconfirmed range; doc/mms.rst).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_pdpActivationMin),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PdpActivationMean",
                          "Mean PDP context activation (s).",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_pdpActivationMean),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PdpActivationMax",
                          "Longest PDP context activation (s).",
                          TimeValue(Seconds(3)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_pdpActivationMax),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("PdpIdleTimeout",
                          "OnDemand: the context is deactivated after this long without "
                          "traffic (s). A modelling choice: the transaction is over.",
                          TimeValue(Seconds(15)),
                          MakeTimeAccessor(&MmsRrcStateMachine::m_pdpIdleTimeout),
                          MakeTimeChecker(Time(0)))
            .AddTraceSource("State",
                            "The connection state changed: old, new.",
                            MakeTraceSourceAccessor(&MmsRrcStateMachine::m_stateTrace),
                            "ns3::MmsRrcStateMachine::StateTracedCallback")
            .AddTraceSource("Promotion",
                            "A promotion (or TBF establishment) started: target state, the "
                            "delay drawn.",
                            MakeTraceSourceAccessor(&MmsRrcStateMachine::m_promotionTrace),
                            "ns3::MmsRrcStateMachine::DelayTracedCallback")
            .AddTraceSource("PdpContext",
                            "The PDP context went up (true) or down (false).",
                            MakeTraceSourceAccessor(&MmsRrcStateMachine::m_pdpTrace),
                            "ns3::MmsRrcStateMachine::PdpTracedCallback");
    return tid;
}

MmsRrcStateMachine::MmsRrcStateMachine()
    : m_tbf(false)
    , m_state(IDLE)
    , m_promotingFrom(IDLE)
    , m_pdpUp(false)
    , m_pdpActivating(false)
    , m_cookie(0)
    , m_fachUplinkThreshold(543)
    , m_fachDownlinkThreshold(475)
    , m_pdpMode(PDP_ON_DEMAND)
{
    m_uniform = CreateObject<UniformRandomVariable>();
}

MmsRrcStateMachine::~MmsRrcStateMachine() = default;

Ptr<MmsRrcStateMachine>
MmsRrcStateMachine::CreateLike(Ptr<const MmsRrcStateMachine> prototype)
{
    NS_ABORT_MSG_IF(prototype->m_state != IDLE || prototype->m_pdpUp || prototype->m_pdpActivating
                        || !prototype->m_ready.IsNull() || !prototype->m_promotionEvent.IsExpired()
                        || !prototype->m_pdpEvent.IsExpired()
                        || !prototype->m_inactivityEvent.IsExpired()
                        || !prototype->m_pdpIdleEvent.IsExpired(),
                    "MmsRrcStateMachine::CreateLike: the prototype has carried traffic");
    Ptr<MmsRrcStateMachine> rrc = CopyObject<MmsRrcStateMachine>(prototype);
    rrc->m_uniform = CreateObject<UniformRandomVariable>(); // the copy's own stream
    return rrc;
}

void
MmsRrcStateMachine::DoDispose()
{
    m_promotionEvent.Cancel();
    m_pdpEvent.Cancel();
    m_inactivityEvent.Cancel();
    m_pdpIdleEvent.Cancel();
    m_ready = Callback<void, uint32_t>();
    Object::DoDispose();
}

void
MmsRrcStateMachine::SetTbfMode(bool tbf)
{
    m_tbf = tbf;
}

bool
MmsRrcStateMachine::IsTbfMode() const
{
    return m_tbf;
}

void
MmsRrcStateMachine::SetReadyCallback(Callback<void, uint32_t> cb, uint32_t cookie)
{
    m_ready = cb;
    m_cookie = cookie;
}

int64_t
MmsRrcStateMachine::AssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

MmsRrcStateMachine::State
MmsRrcStateMachine::GetState() const
{
    return m_state;
}

std::string
MmsRrcStateMachine::GetStateName(State s) const
{
    switch (s)
    {
        case IDLE:
            return "Idle";
        case FACH:
            return "Cell_FACH";
        case DCH:
            return m_tbf ? "TBF" : "Cell_DCH";
        case PROMOTING:
            return "Promoting";
    }
    return "?";
}

bool
MmsRrcStateMachine::HasPdpContext() const
{
    return m_pdpMode == PDP_ALWAYS_ON || m_pdpUp;
}

Time
MmsRrcStateMachine::DrawBounded(Time min, Time mean, Time max, double u)
{
    const double lo = min.GetSeconds();
    const double w = max.GetSeconds() - lo;
    double m = mean.GetSeconds() - lo;
    if (w <= 0)
    {
        return min;
    }
    m = std::min(std::max(m, 0.0), w);
    bool mirrored = false;
    if (m > w / 2)
    {
        mirrored = true;
        m = w - m;
    }
    double x;
    if (std::fabs(m - w / 2) < 1e-12 * w)
    {
        x = u * w; // the midpoint: uniform
    }
    else if (m <= 0)
    {
        x = 0;
    }
    else
    {
        // Exponential of scale s truncated to [0, w] has mean s - w / (exp(w/s) - 1), which
        // grows from 0 to w/2 with s: find the s that gives m by bisection.
        auto meanOf = [w](double s)
        {
            return s - w / std::expm1(w / s);
        };
        double a = 1e-9 * w;
        double b = 1e6 * w;
        for (int i = 0; i < 200 && b - a > 1e-12 * b; ++i)
        {
            const double s = std::sqrt(a * b);
            (meanOf(s) < m ? a : b) = s;
        }
        const double s = std::sqrt(a * b);
        x = -s * std::log1p(-u * -std::expm1(-w / s));
        x = std::min(std::max(x, 0.0), w);
    }
    return Seconds(lo + (mirrored ? w - x : x));
}

Time
MmsRrcStateMachine::Draw(Time min, Time mean, Time max)
{
    return DrawBounded(min, mean, max, m_uniform->GetValue());
}

void
MmsRrcStateMachine::SetState(State s)
{
    if (s == m_state)
    {
        return;
    }
    NS_LOG_DEBUG(GetStateName(m_state) << " -> " << GetStateName(s));
    const State old = m_state;
    m_state = s;
    m_stateEntered = Simulator::Now();
    m_stateTrace(old, s);
}

void
MmsRrcStateMachine::Ready()
{
    if (!m_ready.IsNull())
    {
        m_ready(m_cookie);
    }
}

MmsRrcStateMachine::Resource
MmsRrcStateMachine::Request(bool uplink, uint32_t backlog)
{
    switch (m_state)
    {
        case PROMOTING:
            return NONE;
        case IDLE:
            StartPromotion(IDLE);
            return NONE;
        case FACH:
            if (backlog > (uplink ? m_fachUplinkThreshold : m_fachDownlinkThreshold))
            {
                StartPromotion(FACH);
                return NONE;
            }
            break;
        case DCH:
            break;
    }
    if (uplink && !HasPdpContext())
    {
        StartPdpActivation();
        return NONE;
    }
    if (m_pdpActivating)
    {
        return NONE;
    }
    NotifyActivity();
    return m_state == DCH ? DEDICATED : COMMON;
}

void
MmsRrcStateMachine::StartPromotion(State from)
{
    Time delay;
    if (m_tbf)
    {
        delay = Draw(m_tbfSetupMin, m_tbfSetupMean, m_tbfSetupMax);
    }
    else if (from == IDLE)
    {
        delay = Draw(m_idleToDchMin, m_idleToDchMean, m_idleToDchMax);
    }
    else
    {
        delay = Draw(m_fachToDchMin, m_fachToDchMean, m_fachToDchMax);
    }
    if (m_eager)
    {
        Simulator::Remove(m_inactivityEvent);
    }
    else
    {
        m_inactivityEvent.Cancel();
    }
    m_promotingFrom = from;
    SetState(PROMOTING);
    m_promotionTrace(DCH, delay);
    m_promotionEvent = Simulator::Schedule(delay, &MmsRrcStateMachine::PromotionDone, this);
}

void
MmsRrcStateMachine::PromotionDone()
{
    SetState(DCH);
    NotifyActivity();
    Ready();
}

void
MmsRrcStateMachine::StartPdpActivation()
{
    if (m_pdpActivating)
    {
        return;
    }
    m_pdpActivating = true;
    const Time delay = Draw(m_pdpActivationMin, m_pdpActivationMean, m_pdpActivationMax);
    NotifyActivity();
    m_pdpEvent = Simulator::Schedule(delay, &MmsRrcStateMachine::PdpActivated, this);
}

void
MmsRrcStateMachine::PdpActivated()
{
    m_pdpActivating = false;
    m_pdpUp = true;
    m_pdpTrace(true);
    NotifyActivity();
    Ready();
}

void
MmsRrcStateMachine::NotifyActivity()
{
    NotifyActivityUntil(Simulator::Now());
}

void
MmsRrcStateMachine::NotifyActivityUntil(Time end)
{
    // The later of the two: traffic announced until a later instant (flow level) still counts.
    m_lastActivity = std::max(m_lastActivity, end);
    if (m_state == DCH || m_state == FACH)
    {
        ArmInactivity();
    }
    if (m_pdpMode == PDP_ON_DEMAND && m_pdpUp)
    {
        ArmPdpIdle();
    }
}

void
MmsRrcStateMachine::SetEagerTimers(bool eager)
{
    m_eager = eager;
}

void
MmsRrcStateMachine::ArmPdpIdle()
{
    if (m_eager)
    {
        // Moved to the new deadline: removed, not cancelled (a cancelled event still runs).
        Simulator::Remove(m_pdpIdleEvent);
        m_pdpIdleEvent = Simulator::Schedule(m_lastActivity + m_pdpIdleTimeout - Simulator::Now(),
                                             &MmsRrcStateMachine::PdpCheck,
                                             this);
    }
    else if (m_pdpIdleEvent.IsExpired())
    {
        m_pdpIdleEvent = Simulator::Schedule(m_pdpIdleTimeout, &MmsRrcStateMachine::PdpCheck, this);
    }
}

void
MmsRrcStateMachine::ArmInactivity()
{
    // Lazy timer: one pending check; it re-arms itself if traffic moved the deadline. Eager:
    // the pending check moves to the new deadline.
    if (m_eager)
    {
        Simulator::Remove(m_inactivityEvent);
    }
    if (m_inactivityEvent.IsExpired())
    {
        const Time timeout =
            m_tbf ? m_tbfRelease : (m_state == DCH ? m_dchInactivity : m_fachInactivity);
        m_inactivityEvent = Simulator::Schedule(std::max(m_lastActivity, m_stateEntered) + timeout
                                                    - Simulator::Now(),
                                                &MmsRrcStateMachine::InactivityCheck,
                                                this);
    }
}

void
MmsRrcStateMachine::InactivityCheck()
{
    if (m_state != DCH && m_state != FACH)
    {
        return;
    }
    const Time timeout =
        m_tbf ? m_tbfRelease : (m_state == DCH ? m_dchInactivity : m_fachInactivity);
    // Traffic restarts the timer, and so does entering the state (FACH after DCH's timer).
    const Time deadline = std::max(m_lastActivity, m_stateEntered) + timeout;
    if (m_pdpActivating)
    {
        // PDP signalling keeps the connection up; it calls NotifyActivity when it ends.
        m_inactivityEvent =
            Simulator::Schedule(timeout, &MmsRrcStateMachine::InactivityCheck, this);
        return;
    }
    if (Simulator::Now() < deadline)
    {
        m_inactivityEvent = Simulator::Schedule(
            deadline - Simulator::Now(), &MmsRrcStateMachine::InactivityCheck, this);
        return;
    }
    // Demote one step; the next timer counts from now.
    SetState(m_tbf || m_state == FACH ? IDLE : FACH);
    if (m_state == FACH)
    {
        ArmInactivity();
    }
}

void
MmsRrcStateMachine::PdpCheck()
{
    if (!m_pdpUp)
    {
        return;
    }
    const Time deadline = m_lastActivity + m_pdpIdleTimeout;
    if (Simulator::Now() < deadline)
    {
        m_pdpIdleEvent =
            Simulator::Schedule(deadline - Simulator::Now(), &MmsRrcStateMachine::PdpCheck, this);
        return;
    }
    m_pdpUp = false;
    m_pdpTrace(false);
}

void
MmsRrcStateMachine::Reset()
{
    m_promotionEvent.Cancel();
    m_inactivityEvent.Cancel();
    m_pdpEvent.Cancel();
    m_pdpIdleEvent.Cancel();
    m_pdpActivating = false;
    if (m_pdpUp)
    {
        m_pdpUp = false;
        m_pdpTrace(false);
    }
    SetState(IDLE);
}

} // namespace ns3
