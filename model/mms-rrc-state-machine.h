/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RRC_STATE_MACHINE_H
#define MMS_RRC_STATE_MACHINE_H

// The connection state of one handset: UMTS RRC Idle / Cell_FACH / Cell_DCH with promotion
// delays and inactivity timers, or GPRS/EDGE TBF establishment and release, and the PDP
// context the handset needs before it can send IP packets.

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup mms
 * Radio connection state of one handset.
 *
 * UMTS and HSDPA (Qian et al., IMC 2010, the AT&T ARO 3G profile): from Idle any packet
 * promotes to Cell_DCH (IdleToDch delay); in Cell_FACH a transfer whose backlog stays within
 * the FACH threshold (543 octets uplink, 475 downlink) uses the common channel, a larger one
 * promotes to Cell_DCH (FachToDch delay); Cell_DCH falls to Cell_FACH after DchInactivity (5 s)
 * without traffic, Cell_FACH to Idle after FachInactivity (12 s).
 *
 * GPRS and EDGE: Idle (no TBF); the first packet waits for TBF establishment; the TBF is
 * released after TbfRelease without traffic. The transfer state is reported as DCH.
 *
 * Delays are drawn uniformly-or-exponentially inside [Min, Max] with the given Mean (see
 * DrawBounded). The PDP context (PdpMode OnDemand: the MMS APN per transaction, as MMS-era
 * phones did) is activated after the radio connection, before the first uplink packet, and
 * released after PdpIdleTimeout without traffic; downlink packets for a handset without a
 * context are dropped by the cell.
 */
class MmsRrcStateMachine : public Object
{
  public:
    /// Radio connection state.
    enum State
    {
        IDLE,      //!< no radio connection (UMTS Idle; GPRS no TBF)
        FACH,      //!< UMTS Cell_FACH: the small common channel
        DCH,       //!< UMTS Cell_DCH (or HS-DSCH); GPRS/EDGE TBF established
        PROMOTING, //!< waiting for a promotion to DCH or a TBF
    };

    /// Channel a transfer may use now.
    enum Resource
    {
        NONE,      //!< wait: a promotion or a PDP activation is under way
        COMMON,    //!< the cell's FACH / RACH
        DEDICATED, //!< the handset's DCH or TBF share of the cell
    };

    /// When the PDP context is up.
    enum PdpMode
    {
        PDP_ALWAYS_ON, //!< activated at attach, never released
        PDP_ON_DEMAND, //!< activated by the first uplink packet, released after inactivity
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsRrcStateMachine();
    ~MmsRrcStateMachine() override;

    /// GPRS/EDGE (true): TBF states; UMTS/HSDPA (false): RRC states.
    void SetTbfMode(bool tbf);
    bool IsTbfMode() const;

    /**
     * A transfer wants to start.
     * \param uplink direction
     * \param backlog octets waiting in that direction
     * \return the channel to use now, or NONE (the ready callback fires when that changes)
     */
    Resource Request(bool uplink, uint32_t backlog);
    /// A transfer started or ended: restart the inactivity timers.
    void NotifyActivity();
    /// True if downlink IP packets can reach the handset (a PDP context is up).
    bool HasPdpContext() const;
    /// The handset lost coverage or was switched off: Idle, no promotion, no on-demand context.
    void Reset();

    State GetState() const;
    /// Name of a state as the technology calls it ("Idle", "Cell_FACH", "Cell_DCH", "TBF").
    std::string GetStateName(State s) const;

    /// Called with `cookie` whenever a promotion or PDP activation completes.
    void SetReadyCallback(Callback<void, uint32_t> cb, uint32_t cookie);

    /**
     * A delay in [min, max] with mean `mean`: uniform if the mean is the midpoint, otherwise
     * an exponential truncated to the interval (mirrored if the mean lies above the
     * midpoint) whose scale gives exactly that mean.
     * \param min lower bound
     * \param mean mean, min <= mean <= max
     * \param max upper bound
     * \param u a uniform draw in [0, 1)
     * \return the delay
     */
    static Time DrawBounded(Time min, Time mean, Time max, double u);

    /**
     * Assign a fixed random variable stream number.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// TracedCallback signature of a state change.
    typedef void (*StateTracedCallback)(State oldState, State newState);
    /// TracedCallback signature of a promotion (or TBF set-up): target state, delay drawn.
    typedef void (*DelayTracedCallback)(State target, Time delay);
    /// TracedCallback signature of a PDP context change.
    typedef void (*PdpTracedCallback)(bool active);

  protected:
    void DoDispose() override;

  private:
    void SetState(State s);
    void StartPromotion(State from);
    void PromotionDone();
    void StartPdpActivation();
    void PdpActivated();
    void ArmInactivity();
    void InactivityCheck();
    void PdpCheck();
    Time Draw(Time min, Time mean, Time max);
    void Ready();

    bool m_tbf;
    State m_state;
    State m_promotingFrom;
    bool m_pdpUp;
    bool m_pdpActivating;
    Time m_lastActivity; //!< last traffic (or PDP signalling)
    Time m_stateEntered; //!< when the current state began
    EventId m_promotionEvent;
    EventId m_pdpEvent;
    EventId m_inactivityEvent;
    EventId m_pdpIdleEvent;
    Callback<void, uint32_t> m_ready;
    uint32_t m_cookie;

    Time m_idleToDchMin;
    Time m_idleToDchMean;
    Time m_idleToDchMax;
    Time m_fachToDchMin;
    Time m_fachToDchMean;
    Time m_fachToDchMax;
    Time m_tbfSetupMin;
    Time m_tbfSetupMean;
    Time m_tbfSetupMax;
    Time m_pdpActivationMin;
    Time m_pdpActivationMean;
    Time m_pdpActivationMax;
    Time m_dchInactivity;
    Time m_fachInactivity;
    Time m_tbfRelease;
    Time m_pdpIdleTimeout;
    uint32_t m_fachUplinkThreshold;
    uint32_t m_fachDownlinkThreshold;
    PdpMode m_pdpMode;
    Ptr<UniformRandomVariable> m_uniform;

    TracedCallback<State, State> m_stateTrace;
    TracedCallback<State, Time> m_promotionTrace;
    TracedCallback<bool> m_pdpTrace;
};

} // namespace ns3

#endif /* MMS_RRC_STATE_MACHINE_H */
