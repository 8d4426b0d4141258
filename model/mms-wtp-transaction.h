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
 * \brief The sending side of WTP segmentation and reassembly (WAP-224-WTP section 7.14): a
 * message cut into packets of at most segmentSize octets, sent in packet groups of groupSize
 * packets.
 *
 * Packet 0 is the first PDU (an Invoke or a Result), the others Segmented Invokes or Segmented
 * Results carrying their PSN; the last packet of a group has GTR set, the last of the message
 * TTR. The owner sends a group, waits for the Ack naming its last PSN (Acked()), sends the
 * packets a Negative Ack lists again (Resend()) and, on its timer R, the group's last packet.
 */
class MmsWtpSarSender
{
  public:
    /**
     * \brief A sender.
     * \param first the first packet without data (MakeInvoke() or MakeResult(): its TID, class
     * and U/P are kept)
     * \param segmentType SEGMENTED_INVOKE or SEGMENTED_RESULT
     * \param segmentSize the largest user data of one packet, in octets (0: never segment)
     * \param groupSize packets per group (1..255)
     */
    MmsWtpSarSender(const MmsWtpPdu& first,
                    uint8_t segmentType,
                    std::size_t segmentSize,
                    unsigned groupSize);

    /**
     * \brief Cut a message into packets; the first group becomes the group in flight.
     * \param data the message
     * \return false when it needs more than 256 packets (the PSN is one octet)
     */
    bool Split(const std::vector<uint8_t>& data);
    /**
     * \brief Send every packet of the group in flight (RID clear).
     * \param a receives the SEND actions
     */
    void SendGroup(std::vector<MmsWtpAction>& a) const;
    /**
     * \brief Send one packet.
     * \param a receives the SEND action
     * \param psn its PSN
     * \param rid the Re-transmission Indicator
     */
    void SendPacket(std::vector<MmsWtpAction>& a, std::size_t psn, bool rid) const;
    /**
     * \brief A Negative Ack: send again (RID set) the packets it lists that belong to the
     * group in flight.
     * \param missing the PSNs listed
     * \param a receives the SEND actions
     * \return how many packets were sent again
     */
    unsigned Resend(const std::vector<uint8_t>& missing, std::vector<MmsWtpAction>& a) const;
    /**
     * \brief An Ack of the peer: when it names the last PSN of the group in flight, the next
     * group (if any) becomes the group in flight.
     * \param psn the PSN the Ack names
     * \return true when the Ack was for the group in flight
     */
    bool Acked(std::size_t psn);
    /**
     * \brief The PSN of the last packet of the group in flight.
     * \return the PSN
     */
    std::size_t GroupEnd() const;
    /**
     * \brief Whether every packet of the message is acknowledged.
     * \return true after the Ack of the last group
     */
    bool AllAcked() const;
    /**
     * \brief Whether the group in flight is the last one.
     * \return true when it holds the TTR packet
     */
    bool LastGroup() const;
    /**
     * \brief The number of packets.
     * \return the count (0 before Split())
     */
    std::size_t GetPacketCount() const;

  private:
    MmsWtpPdu m_first;
    uint8_t m_segmentType;
    std::size_t m_segmentSize;
    unsigned m_groupSize;
    std::vector<std::vector<uint8_t>> m_packets; //!< the packets' user data, by PSN
    std::size_t m_groupStart{0};                 //!< first PSN of the group in flight
    bool m_allAcked{false};
};

/**
 * \ingroup mms-transport
 * \brief The receiving side of WTP segmentation and reassembly (WAP-224-WTP section 7.14).
 *
 * Packets arrive with their PSN (0 for the Invoke or Result) and trailer flags. A complete
 * group that is not the last is acknowledged by an Ack with a PSN TPI naming its last packet; a
 * group whose trailer came with packets missing is answered by a Negative Ack listing them; the
 * trailer of a group already acknowledged (its Ack was lost) gets that Ack again (RID set). The
 * last group completes the message; acknowledging it is the owner's business (the initiator's
 * Ack of the Result, the responder's Result).
 */
class MmsWtpSarReceiver
{
  public:
    /// What a packet did.
    enum Outcome
    {
        INCOMPLETE, //!< the message goes on (an Ack or a Negative Ack may have been sent)
        MESSAGE     //!< the message is complete: GetMessage()
    };

    /**
     * \brief A receiver.
     * \param tid the TID of the Acks and Negative Acks it sends, as on the wire
     */
    explicit MmsWtpSarReceiver(uint16_t tid = 0);

    /**
     * \brief A packet.
     * \param p the Invoke, Result, Segmented Invoke or Segmented Result
     * \param a receives the Ack or Negative Ack to send, if any
     * \return MESSAGE when the message is complete
     */
    Outcome Add(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a);
    /**
     * \brief The reassembled message.
     * \return the octets (empty before MESSAGE)
     */
    const std::vector<uint8_t>& GetMessage() const;
    /**
     * \brief The PSN of the last packet of the message.
     * \return the PSN, -1 while its TTR packet has not come
     */
    int GetLastPsn() const;
    /**
     * \brief How many Negative Acks were sent.
     * \return the count
     */
    unsigned GetNacks() const;

  private:
    uint16_t m_tid;
    std::map<uint8_t, std::vector<uint8_t>> m_packets; //!< received packets by PSN
    int m_groupStart{0};                               //!< first PSN of the current group
    int m_groupEnd{-1};                                //!< its trailer's PSN, once seen
    int m_lastPsn{-1};                                 //!< the PSN with TTR, once seen
    std::vector<uint8_t> m_message;                    //!< the reassembled message
    unsigned m_nacks{0};
};

/**
 * \ingroup mms-transport
 * \brief The initiator of one WTP class 2 transaction: a handset's WSP Get or Post.
 *
 * States (after WAP-224-WTP's initiator state table, simplified to class 2): NULL,
 * RESULT_WAIT (the Invoke is out, retransmitted on timer R up to maxRetransmissions times, RID
 * set, until an Ack or the Result arrives), RESULT_RESP_WAIT (the Result is delivered and the
 * user acknowledgement awaited, on timer A), WAIT_TIMEOUT (the Ack is out; a retransmitted
 * Result is acknowledged again until timer W ends the transaction).
 *
 * An Invoke whose user data exceed segmentSize octets is segmented (MmsWtpSarSender): the
 * Invoke (PSN 0) and Segmented Invokes in groups of groupSize packets; each group waits for the
 * responder's Ack naming its last PSN before the next goes; a Negative Ack gets the packets it
 * lists again (RID set); on timer R the group's last packet goes again (RID set), so that the
 * responder answers with an Ack or a Negative Ack. The last group is acknowledged by the Result
 * or a hold-on Ack, as an unsegmented Invoke. A message needing more than 256 packets aborts at
 * once (MESSAGETOOLARGE, nothing sent).
 *
 * A hold-on Ack stops the Invoke's retransmission (TR-Invoke.cnf); an Ack with Tve (TID
 * verification) is answered with an Ack with Tok. A segmented Result (Result then Segmented
 * Results, packet groups ended by GTR, the message by TTR) is reassembled (MmsWtpSarReceiver):
 * each complete group is acknowledged by an Ack with a PSN TPI naming its last packet; a group
 * with packets missing is answered by a Negative Ack listing them. An Abort from the responder,
 * or no answer after maxRetransmissions retransmissions (NORESPONSE), ends the transaction with
 * an abort indication; PDUs of another TID are not for this transaction (Receive() returns
 * false).
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
     * \param segmentSize the largest user data of one Invoke packet, in octets (0: Invokes are
     * never segmented)
     * \param groupSize Invoke packets per group (1..255)
     */
    MmsWtpInitiator(uint16_t tid,
                    const MmsWtpTimers& timers,
                    std::size_t segmentSize = 0,
                    unsigned groupSize = 3);

    /**
     * \brief TR-Invoke.req: send the Invoke (class 2).
     * \param userData the WSP PDU
     * \param userAck the U/P flag: the Result is acknowledged by the user (UserAck())
     * \return the actions: SEND (the Invoke, or the first group of its packets), START_TIMER R
     * (nothing if the transaction is not in NULL)
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
    /**
     * \brief How many Invoke packets a Negative Ack had sent again.
     * \return the count
     */
    unsigned GetResentPackets() const;
    /**
     * \brief The number of packets of the Invoke.
     * \return 1 unsegmented, more when segmented, 0 before Invoke()
     */
    std::size_t GetInvokePackets() const;
    /**
     * \brief How many Negative Acks this side sent for the Result's missing packets.
     * \return the count
     */
    unsigned GetNacks() const;

  private:
    void Finish(std::vector<MmsWtpAction>& a);
    void OnSegmentAck(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a);
    void AbortIndication(std::vector<MmsWtpAction>& a, uint8_t reason, bool byPeer);
    void OnPacket(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a);
    void Acknowledge(std::vector<MmsWtpAction>& a, bool rid);
    MmsWtpPdu AckPdu(bool rid) const;

    uint16_t m_tid;
    MmsWtpTimers m_timers;
    State m_state{NULL_STATE};
    std::size_t m_segmentSize;
    unsigned m_groupSize;
    MmsWtpSarSender m_sender;     //!< the Invoke's packets
    bool m_segmented{false};      //!< the Invoke goes in segments
    MmsWtpSarReceiver m_receiver; //!< the Result's packets
    bool m_userAck{false};
    bool m_confirmed{false};
    unsigned m_rcr{0};
    unsigned m_aec{0};
    unsigned m_resent{0};
};

/**
 * \ingroup mms-transport
 * \brief The responder of one WTP class 2 transaction: a WAP gateway answering a handset's
 * Invoke with the Result, segmented when it is larger than a packet.
 *
 * States: LISTEN, INVOKE_SEGMENTS_WAIT (the packets of a segmented Invoke arrive and are
 * reassembled by MmsWtpSarReceiver: each complete group but the last is acknowledged by an Ack
 * naming its last PSN, missing packets are asked for by a Negative Ack; timer W, restarted by
 * each packet, gives up on an initiator that went silent), INVOKE_RESP_WAIT (the Invoke is
 * delivered to the WTP user, TR-Invoke.ind; if the Result is not ready when timer A expires, a
 * hold-on Ack stops the initiator's retransmissions; a retransmitted Invoke or Invoke segment is
 * answered with a hold-on Ack too), RESULT_WAIT (the Result is out and retransmitted on timer R
 * until acknowledged). A Result larger than segmentSize octets goes in packets of segmentSize
 * octets (MmsWtpSarSender: the Result, PSN 0, then Segmented Results), in groups of groupSize
 * packets: the last packet of a group carries GTR, the last of the message TTR. After each
 * group the responder waits for the Ack naming the group's last PSN before sending the next; a
 * Negative Ack gets the packets it lists again (RID set); on timer R the group's last packet is
 * sent again (RID set), so that the initiator answers with an Ack or a Negative Ack, up to
 * maxRetransmissions times, then the transaction aborts (NORESPONSE, an Abort to the initiator
 * too). The Ack of the last group confirms the Result (TR-Result.cnf, shown as
 * INVOKE_CONFIRMED) and ends the transaction.
 */
class MmsWtpResponder
{
  public:
    /// The states.
    enum State
    {
        LISTEN,               //!< waiting for an Invoke, or the transaction is over
        INVOKE_SEGMENTS_WAIT, //!< a segmented Invoke is being reassembled
        INVOKE_RESP_WAIT,     //!< the Invoke is delivered; the Result is awaited from the user
        RESULT_WAIT           //!< the Result is out
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
    /**
     * \brief How many Negative Acks this side sent for the Invoke's missing packets.
     * \return the count
     */
    unsigned GetNacks() const;
    /**
     * \brief The number of packets the Invoke came in.
     * \return 1 unsegmented, more when segmented (0 before an Invoke)
     */
    std::size_t GetInvokePackets() const;

  private:
    void SendGroup(std::vector<MmsWtpAction>& a);
    void Deliver(std::vector<MmsWtpAction>& a, const std::vector<uint8_t>& message);
    void Segment(const MmsWtpPdu& p, std::vector<MmsWtpAction>& a);
    void End(std::vector<MmsWtpAction>& a, uint8_t reason, bool sendAbort);

    MmsWtpTimers m_timers;
    std::size_t m_segmentSize;
    unsigned m_groupSize;
    State m_state{LISTEN};
    uint16_t m_tid{0};
    bool m_holdOnSent{false};
    MmsWtpSarSender m_sender;     //!< the Result's packets
    MmsWtpSarReceiver m_receiver; //!< the Invoke's packets
    std::size_t m_invokePackets{0};
    unsigned m_nacks{0};
    unsigned m_rcr{0};
    unsigned m_retransmitted{0};
};

} // namespace ns3

#endif /* MMS_WTP_TRANSACTION_H */
