/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RRC_STATE_MACHINE_H
#define MMS_RRC_STATE_MACHINE_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup mms-radio
 * \brief The radio connection state of one handset: UMTS RRC states or a GPRS/EDGE TBF, and
 * the PDP context the handset needs before it can send IP packets.
 *
 * UMTS and HSDPA (SetTbfMode(false)) use three RRC states of 3GPP TS 25.331, Idle, Cell_FACH
 * and Cell_DCH, with the promotion delays, inactivity timers and FACH thresholds measured by
 * Qian et al. ("Characterizing radio resource allocation for 3G networks", IMC 2010, as
 * encoded in AT&T's ARO 3G profile):
 * - Idle: any packet promotes the handset to Cell_DCH, after a delay in [IdleToDchMin,
 *   IdleToDchMax] with mean IdleToDchMean (1.5, 4 and 2 s).
 * - Cell_FACH: a transfer whose backlog in its direction stays within the FACH threshold
 *   (FachUplinkThreshold 543 octets, FachDownlinkThreshold 475) uses the cell's common
 *   channel (FACH/RACH); a larger one promotes the handset to Cell_DCH after a delay in
 *   [FachToDchMin, FachToDchMax] with mean FachToDchMean (0.8, 3 and 1.5 s). The test is
 *   made each time a packet starts service.
 * - Cell_DCH falls to Cell_FACH after DchInactivity (5 s, Qian's T1) without traffic, and
 *   Cell_FACH to Idle after FachInactivity (12 s, T2). Each timer counts from the later of
 *   the last traffic and the entry into the state.
 * - While a promotion is under way (PROMOTING) nothing is sent in either direction.
 *
 * GPRS and EDGE (SetTbfMode(true)) have no FACH: from Idle (no TBF) the first packet waits for
 * TBF establishment (TbfSetupMin, TbfSetupMean, TbfSetupMax: 0.1, 0.3 and 0.8 s), and the TBF
 * is released after TbfRelease (1 s) without traffic, within the delayed release of 3GPP
 * TS 44.060 (MS timer T3192 up to 1.5 s). The established TBF is reported as DCH. One TBF
 * serves both directions.
 *
 * Delays are drawn inside [Min, Max] with the given Mean by DrawBounded(): uniform when the
 * mean is the midpoint, otherwise a truncated exponential. The PDP context of the MMS APN:
 * with PdpMode OnDemand (the default, as MMS-era phones activated the MMS APN per transaction)
 * it is activated after the radio connection, before the first uplink packet
 * (PdpActivationMin, PdpActivationMean, PdpActivationMax: 1, 2 and 3 s; nothing is sent
 * meanwhile), and released after PdpIdleTimeout (15 s) without traffic; with AlwaysOn it
 * exists from the start and costs nothing. The network never initiates a context:
 * MmsRadioCellChannel drops downlink packets for a handset without one, so IP push needs
 * AlwaysOn.
 *
 * Trace sources: State (old and new State), Promotion (target state and delay drawn, when a
 * promotion or TBF establishment starts) and PdpContext (up or down). Each handset device
 * holds its state machine in its Rrc attribute, so the traces are reachable by
 * Config::Connect at "/NodeList/N/DeviceList/D/$ns3::MmsRadioBearerNetDevice/Rrc/State".
 * The cell asks the state machine which channel a transfer may use (Request()) and is called
 * back when a promotion or PDP activation completes (SetReadyCallback()).
 *
 * Users do not create it: MmsRadioBearerHelper::Attach() creates one per handset from the
 * attributes given to MmsRadioBearerHelper::SetRrcAttribute(), and the cell sets its mode from
 * the handset's bearer profile:
 * \code
 *   MmsRadioBearerHelper radio;
 *   radio.SetRrcAttribute("PdpMode", StringValue("AlwaysOn"));
 *   radio.SetRrcAttribute("DchInactivity", TimeValue(Seconds(3)));
 * \endcode
 *
 * Limits: no Cell_PCH or URA_PCH state; any packet restarts the timers (ARO's rule that a DCH
 * timer is reset only by 320 octets within 0.3 s is not modelled); an SMS on the signalling
 * channel does not change the state; one TBF for both directions.
 */
class MmsRrcStateMachine : public Object
{
  public:
    /// Radio connection state (the State trace's values).
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
    /// Create a state machine in Idle, in RRC mode (UMTS/HSDPA), without a PDP context.
    MmsRrcStateMachine();
    /// Destroy the state machine (its events are cancelled by DoDispose()).
    ~MmsRrcStateMachine() override;

    /**
     * \brief Choose the technology's states; MmsRadioCellChannel::AttachHandset() calls this
     * with MmsBearerProfile::UsesTbf().
     * \param tbf true: GPRS/EDGE TBF states; false: UMTS/HSDPA RRC states
     */
    void SetTbfMode(bool tbf);
    /**
     * \brief Which states are in use.
     * \return true for GPRS/EDGE TBF states, false for UMTS/HSDPA RRC states
     */
    bool IsTbfMode() const;

    /**
     * \brief A transfer wants to start: start a promotion or PDP activation if it needs one.
     *
     * From Idle this starts a promotion (or TBF establishment); in Cell_FACH a backlog above
     * the direction's threshold starts a promotion to Cell_DCH; an uplink transfer without a
     * PDP context starts its activation. When the transfer may go, it counts as traffic
     * (NotifyActivity()).
     * \param uplink true for the uplink, false for the downlink
     * \param backlog octets waiting in that direction, the packet to send included
     * \return the channel to use now, or NONE (the ready callback fires when that changes)
     */
    Resource Request(bool uplink, uint32_t backlog);
    /// A transfer started or ended: restart the inactivity timers and the PDP idle timer.
    void NotifyActivity();
    /**
     * \brief How the inactivity and PDP idle timers follow traffic.
     *
     * Lazy (the default, for the packet level, which reports activity at every packet): one
     * pending check per timer that re-arms itself when traffic moved its deadline. Eager (the
     * flow level, which reports activity a few times per transfer): each report moves the
     * pending timer to its new deadline, so that a timer runs only when it expires. The state
     * changes happen at the same instants either way.
     * \param eager true for eager timers
     */
    void SetEagerTimers(bool eager);
    /**
     * \brief Traffic that is known to go on until a later instant (a transfer the flow level
     * serves without an event at its end): as NotifyActivity() at that instant.
     * \param end when the traffic ends (not before now)
     */
    void NotifyActivityUntil(Time end);
    /**
     * \brief Whether downlink IP packets can reach the handset.
     * \return true if a PDP context is up (always with PdpMode AlwaysOn)
     */
    bool HasPdpContext() const;
    /// The handset lost coverage or was switched off: Idle, no promotion or PDP activation
    /// under way, no on-demand context (the traces report the changes).
    void Reset();

    /**
     * \brief The current state.
     * \return the state
     */
    State GetState() const;
    /**
     * \brief Name of a state as the technology calls it.
     * \param s the state
     * \return "Idle", "Cell_FACH", "Cell_DCH" ("TBF" in TBF mode) or "Promoting"
     */
    std::string GetStateName(State s) const;

    /**
     * \brief Set the function called whenever a promotion or PDP activation completes, so
     * that waiting transfers can ask again.
     * \param cb called with cookie
     * \param cookie passed back unchanged (the cell passes the handset's index)
     */
    void SetReadyCallback(Callback<void, uint32_t> cb, uint32_t cookie);

    /**
     * \brief A delay in [min, max] with mean `mean`.
     *
     * Uniform if the mean is the midpoint; if it is below, min plus an exponential of scale s
     * truncated to [0, max - min], s found by bisection so that the mean is exact; if it is
     * above, the mirror image (max minus such an exponential). A mean outside [min, max] is
     * clamped to it; max <= min gives min.
     * \param min lower bound
     * \param mean mean, min <= mean <= max
     * \param max upper bound
     * \param u a uniform draw in [0, 1)
     * \return the delay
     */
    static Time DrawBounded(Time min, Time mean, Time max, double u);

    /**
     * \brief Assign a fixed random variable stream number to the delays drawn.
     * \param stream first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);
    /**
     * \brief A new state machine configured as \p prototype (a copy of its attribute values)
     * in the state a new one starts in, with a uniform variable of its own.
     *
     * It is what an ObjectFactory holding the prototype's attributes makes, for less: ns-3
     * sets each of the twenty attributes in turn through its checker when it constructs one.
     * \param prototype a state machine that has never carried traffic, with no trace sink
     * \return the new state machine
     */
    static Ptr<MmsRrcStateMachine> CreateLike(Ptr<const MmsRrcStateMachine> prototype);

    /**
     * \brief TracedCallback signature of a state change (the State trace).
     * \param oldState the state left
     * \param newState the state entered
     */
    typedef void (*StateTracedCallback)(State oldState, State newState);
    /**
     * \brief TracedCallback signature of a promotion or TBF establishment that starts (the
     * Promotion trace).
     * \param target the state it leads to (DCH)
     * \param delay the delay drawn
     */
    typedef void (*DelayTracedCallback)(State target, Time delay);
    /**
     * \brief TracedCallback signature of a PDP context change (the PdpContext trace).
     * \param active true when the context went up, false when it went down
     */
    typedef void (*PdpTracedCallback)(bool active);

  protected:
    /// Cancel the pending promotion, PDP and timer events and drop the ready callback.
    void DoDispose() override;

  private:
    void SetState(State s);
    void StartPromotion(State from);
    void PromotionDone();
    void StartPdpActivation();
    void PdpActivated();
    void ArmInactivity();
    void ArmPdpIdle();
    void InactivityCheck();
    void PdpCheck();
    Time Draw(Time min, Time mean, Time max);
    void Ready();

    bool m_tbf;
    State m_state;
    State m_promotingFrom;
    bool m_pdpUp;
    bool m_pdpActivating;
    bool m_eager{false}; //!< SetEagerTimers
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
