/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WTP_TRANSACTION_H
#define MMS_WTP_TRANSACTION_H

/**
 * \file
 * \ingroup mms-transport
 * The initiator and the responder of a WTP class 2 transaction (WAP-224-WTP sections 5 and 7):
 * the Invoke and its retransmissions, the hold-on Ack, the Result sent and received whole or in
 * segments (packet groups, group acknowledgements, Negative Acks), the user acknowledgement and
 * the wait timeout. Plain C++: no ns-3, no clock; the caller feeds events and carries out the
 * actions.
 */

#include "mms-wtp-pdu.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-transport
 * \brief The timers and counters of a WTP transaction.
 *
 * Defaults: the values the Kannel WAP gateway uses (`wap/wtp.h`, which names WAP-224 Appendix
 * A as their origin): retry interval R 3 s (its G_R_WITH_USER_ACK and G_R_WITHOUT_USER_ACK),
 * acknowledgement interval A 4 s (L_A_WITH_USER_ACK), wait timeout W 30 s
 * (W_WITH_USER_ACK), at most 8 retransmissions (MAX_RCR) and 6 acknowledgement interval
 * expirations (AEC_MAX). Which bearers Kannel's L, S and G letters stand for is not stated
 * there.
 */
struct MmsWtpTimers
{
    double retryInterval{3.0};      //!< timer R, in seconds
    double ackInterval{4.0};        //!< timer A, in seconds
    double waitTimeout{30.0};       //!< timer W, in seconds
    unsigned maxRetransmissions{8}; //!< RCR_MAX
    unsigned maxAckExpirations{6};  //!< AEC_MAX
};

/**
 * \ingroup mms-transport
 * \brief What the transaction asks its caller to do.
 */
struct MmsWtpAction
{
    /// The kinds of action.
    enum Kind
    {
        SEND,              //!< send pdu to the peer
        START_TIMER,       //!< (re)start timer `timer` for `delay` seconds
        STOP_TIMER,        //!< stop timer `timer`
        INVOKE_CONFIRMED,  //!< TR-Invoke.cnf (initiator): the responder has the Invoke;
                           //!< TR-Result.cnf (responder): the Result is acknowledged
        INVOKE_INDICATION, //!< TR-Invoke.ind (responder): a new Invoke, its data in `message`
        RESULT_INDICATION, //!< TR-Result.ind: the whole Result, in `message`
        ABORT_INDICATION,  //!< TR-Abort.ind, with `reason` (and `byPeer`)
        FINISHED           //!< the transaction is over; the TID may be reused
    };

    /// The timers (WAP-224-WTP section 7.4: retry, acknowledgement, wait).
    enum Timer
    {
        TIMER_R,
        TIMER_A,
        TIMER_W
    };

    Kind kind{SEND};              //!< what to do
    std::vector<uint8_t> pdu;     //!< SEND: the encoded WTP PDU
    Timer timer{TIMER_R};         //!< START_TIMER, STOP_TIMER: which timer
    double delay{0};              //!< START_TIMER: seconds until it expires
    std::vector<uint8_t> message; //!< RESULT_INDICATION, INVOKE_INDICATION: the user data
    uint8_t reason{0};            //!< ABORT_INDICATION: the abort reason
    bool byPeer{false};           //!< ABORT_INDICATION: the responder aborted (else this side)
};

/**
 * \ingroup mms-transport
 * \brief The initiator of one WTP class 2 transaction: a handset's WSP Get or Post.
 *
 * States (after WAP-224-WTP's initiator state table, simplified to class 2 without segmented
 * Invokes): NULL, RESULT_WAIT (the Invoke is out, retransmitted on timer R up to
 * maxRetransmissions times, RID set, until an Ack or the Result arrives), RESULT_RESP_WAIT (the
 * Result is delivered and the user acknowledgement awaited, on timer A), WAIT_TIMEOUT (the Ack
 * is out; a retransmitted Result is acknowledged again until timer W ends the transaction).
 *
 * A hold-on Ack stops the Invoke's retransmission (TR-Invoke.cnf); an Ack with Tve (TID
 * verification) is answered with an Ack with Tok. A segmented Result (Result then Segmented
 * Results, packet groups ended by GTR, the message by TTR) is reassembled: each complete group
 * is acknowledged by an Ack with a PSN TPI naming its last packet; a group with packets missing
 * is answered by a Negative Ack listing them. An Abort from the responder, or no answer after
 * maxRetransmissions retransmissions (NORESPONSE), ends the transaction with an abort
 * indication; PDUs of another TID are not for this transaction (Receive() returns false).
 *
 * \code
 * MmsWtpInitiator t(7, MmsWtpTimers());
 * auto actions = t.Invoke(wspGet.Encode(), true); // SEND the Invoke, START_TIMER R 3 s
 * actions = t.Receive(resultOctets);              // RESULT_INDICATION, START_TIMER A
 * actions = t.UserAck();                          // SEND the Ack, START_TIMER W 30 s
 * \endcode
 */
class MmsWtpInitiator
{
  public:
    /// The states.
    enum State
    {
        NULL_STATE,       //!< no transaction, or it is over
        RESULT_WAIT,      //!< the Invoke is out
        RESULT_RESP_WAIT, //!< the Result is delivered, the user acknowledgement awaited
        WAIT_TIMEOUT      //!< the Ack is out, waiting for retransmitted Results
    };

    /**
     * \brief A transaction with a TID.
     * \param tid the TID, 0..32767 (the direction bit is cleared)
     * \param timers the timers and counters
     */
    MmsWtpInitiator(uint16_t tid, const MmsWtpTimers& timers);

    /**
     * \brief TR-Invoke.req: send the Invoke (class 2).
     * \param userData the WSP PDU
     * \param userAck the U/P flag: the Result is acknowledged by the user (UserAck())
     * \return the actions: SEND, START_TIMER R (nothing if the transaction is not in NULL)
     */
    std::vector<MmsWtpAction> Invoke(const std::vector<uint8_t>& userData, bool userAck);
    /**
     * \brief A datagram from the responder.
     * \param data the octets
     * \param size their number
     * \param actions receives the actions
     * \return false when the datagram is not a WTP PDU of this transaction (another TID, or
     * undecodable)
     */
    bool Receive(const uint8_t* data, std::size_t size, std::vector<MmsWtpAction>& actions);
    /**
     * \brief A timer expired.
     * \param timer which
     * \return the actions
     */
    std::vector<MmsWtpAction> Expire(MmsWtpAction::Timer timer);
    /**
     * \brief TR-Result.res: the user acknowledges the Result (U/P set).
     * \return the actions: SEND the Ack, START_TIMER W (nothing outside RESULT_RESP_WAIT)
     */
    std::vector<MmsWtpAction> UserAck();
    /**
     * \brief TR-Abort.req: the user aborts.
     * \param reason the user's abort reason
     * \return the actions: SEND a user Abort, FINISHED
     */
    std::vector<MmsWtpAction> Abort(uint8_t reason);

    /**
     * \brief The state.
     * \return the state
     */
    State GetState() const;
    /**
     * \brief The name of a state.
     * \param s the state
     * \return "NULL", "RESULT_WAIT", "RESULT_RESP_WAIT" or "WAIT_TIMEOUT"
     */
    static std::string StateName(State s);
    /**
     * \brief How many times the Invoke was retransmitted.
     * \return RCR
     */
    unsigned GetRetransmissions() const;

  private:
    void Finish(std::vector<MmsWtpAction>& a);
    void AbortIndication(std::vector<MmsWtpAction>& a, uint8_t reason, bool byPeer);
    void OnPacket(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a);
    void Acknowledge(std::vector<MmsWtpAction>& a, bool rid);
    MmsWtpPdu AckPdu(bool rid) const;

    uint16_t m_tid;
    MmsWtpTimers m_timers;
    State m_state{NULL_STATE};
    MmsWtpPdu m_invoke;
    bool m_userAck{false};
    bool m_confirmed{false};
    unsigned m_rcr{0};
    unsigned m_aec{0};
    std::map<uint8_t, std::vector<uint8_t>> m_packets; //!< received Result packets by PSN
    int m_groupStart{0};                               //!< first PSN of the current group
    int m_groupEnd{-1};                                //!< its trailer's PSN, once seen
    int m_lastPsn{-1};                                 //!< the PSN with TTR, once seen
    std::vector<uint8_t> m_message;                    //!< the reassembled Result
};

/**
 * \ingroup mms-transport
 * \brief The responder of one WTP class 2 transaction: a WAP gateway answering a handset's
 * Invoke with the Result, segmented when it is larger than a packet.
 *
 * States: LISTEN, INVOKE_RESP_WAIT (the Invoke is delivered to the WTP user, TR-Invoke.ind; if
 * the Result is not ready when timer A expires, a hold-on Ack stops the initiator's
 * retransmissions; a retransmitted Invoke is answered with a hold-on Ack too), RESULT_WAIT (the
 * Result is out and retransmitted on timer R until acknowledged). A Result larger than
 * segmentSize octets goes in packets of segmentSize octets (the Result, PSN 0, then Segmented
 * Results), in groups of groupSize packets: the last packet of a group carries GTR, the last of
 * the message TTR. After each group the responder waits for the Ack naming the group's last
 * PSN before sending the next; a Negative Ack gets the packets it lists again (RID set); on
 * timer R the group's last packet is sent again (RID set), so that the initiator answers with
 * an Ack or a Negative Ack, up to maxRetransmissions times, then the transaction aborts
 * (NORESPONSE, an Abort to the initiator too). The Ack of the last group confirms the Result
 * (TR-Result.cnf, shown as INVOKE_CONFIRMED) and ends the transaction. The initiator's
 * segmented Invokes are not supported (an Abort NOTIMPLEMENTEDSAR answers them).
 */
class MmsWtpResponder
{
  public:
    /// The states.
    enum State
    {
        LISTEN,           //!< waiting for an Invoke, or the transaction is over
        INVOKE_RESP_WAIT, //!< the Invoke is delivered; the Result is awaited from the user
        RESULT_WAIT       //!< the Result is out
    };

    /**
     * \brief A responder.
     * \param timers the timers and counters
     * \param segmentSize the largest user data of one packet, in octets (at least 1)
     * \param groupSize packets per group (1..255)
     */
    MmsWtpResponder(const MmsWtpTimers& timers, std::size_t segmentSize, unsigned groupSize);

    /**
     * \brief A datagram from the initiator.
     * \param data the octets
     * \param size their number
     * \param actions receives the actions (INVOKE_INDICATION for a new Invoke)
     * \return false when the datagram holds no PDU of this transaction (undecodable, a
     * response TID, or another TID once a transaction is open)
     */
    bool Receive(const uint8_t* data, std::size_t size, std::vector<MmsWtpAction>& actions);
    /**
     * \brief TR-Result.req: the WTP user's answer.
     * \param userData the WSP PDU (a Reply)
     * \return the actions: the first group's packets, START_TIMER R (nothing outside
     * INVOKE_RESP_WAIT)
     */
    std::vector<MmsWtpAction> Result(const std::vector<uint8_t>& userData);
    /**
     * \brief A timer expired.
     * \param timer which
     * \return the actions
     */
    std::vector<MmsWtpAction> Expire(MmsWtpAction::Timer timer);

    /**
     * \brief The state.
     * \return the state
     */
    State GetState() const;
    /**
     * \brief The TID of the transaction, as the initiator sent it.
     * \return 0..32767
     */
    uint16_t GetTid() const;
    /**
     * \brief The number of packets of the Result.
     * \return the count (0 before Result())
     */
    std::size_t GetPacketCount() const;
    /**
     * \brief How many packets were sent again (Negative Acks and timer R).
     * \return the count
     */
    unsigned GetRetransmittedPackets() const;

  private:
    void SendPacket(std::vector<MmsWtpAction>& a, std::size_t psn, bool rid);
    void SendGroup(std::vector<MmsWtpAction>& a);
    std::size_t GroupEnd() const;

    MmsWtpTimers m_timers;
    std::size_t m_segmentSize;
    unsigned m_groupSize;
    State m_state{LISTEN};
    uint16_t m_tid{0};
    bool m_holdOnSent{false};
    std::vector<std::vector<uint8_t>> m_packets; //!< the Result's packets' user data, by PSN
    std::size_t m_groupStart{0};                 //!< first PSN of the group in flight
    unsigned m_rcr{0};
    unsigned m_retransmitted{0};
};

} // namespace ns3

#endif /* MMS_WTP_TRANSACTION_H */
