/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WAP_GATEWAY_H
#define MMS_WAP_GATEWAY_H

/**
 * \file
 * \ingroup mms-engines
 * The WAP 1.x gateway: WSP over WTP (UDP 9201) and connectionless WSP (UDP 9200) towards
 * handsets, HTTP/1.1 towards the MMS Relay.
 */

#include "mms-application.h"
#include "mms-wsp-client.h"
#include "mms-wtp-transaction.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <memory>

namespace ns3
{

class MmsWspSessionPdu;

/**
 * \ingroup mms-engines
 * \brief The WAP gateway of a WAP 1.x MMSE (TS 23.140 clause 6 realises MM1 over WAP; WAP
 * 1.2.1 handsets reach the MMSC through the operator's WAP gateway).
 *
 * Towards handsets it speaks connection-mode WSP over WTP on UDP port 9201 and connectionless
 * WSP on UDP port 9200 (WAP-259-WDP Appendix B); towards the MMS Relay it speaks HTTP/1.1
 * through its MmsTransport (MmsTransport::Request(), the same HTTP connection code the
 * handsets of the HTTP stack use):
 * - a WTP class 2 Invoke opens a transaction (MmsWtpResponder per handset address and TID:
 *   hold-on Ack when the answer takes longer than timer A, the Result retransmitted on timer
 *   R, segmented in packets of SegmentSize octets in groups of GroupSize, Negative Acks
 *   answered; a segmented Invoke, an Invoke and Segmented Invokes in packet groups, is
 *   reassembled, each group acknowledged and missing packets asked for by a Negative Ack).
 *   The Invoke's WSP PDU is:
 *   - Connect: a session for the handset's address (ConnectReply with a session id, the
 *     server's capabilities Server-SDU-Size and Method-MOR); beyond MaxSessions a Reply with
 *     status 503 (0x63) refuses it;
 *   - Get or Post: an HTTP request to the Relay (GET/POST of the URI's path with its Host,
 *     the Post's Content-Type and data), after the service time; the HTTP response comes
 *     back as a WSP Reply in the WTP Result, its status mapped by
 *     MmsWspSessionPdu::StatusFromHttp (WAP-230-WSP Table 36: 200 -> 0x20, 404 -> 0x44,
 *     503 -> 0x63), its Content-Type WSP-encoded; an HTTP failure (no answer, connection
 *     reset) becomes 502 (0x62). A method from a handset without a session is answered by a
 *     WTP user Abort with the WSP reason DISCONNECT (0xE1);
 * - a class 0 Invoke carrying Disconnect ends the handset's session;
 * - a connectionless Get or Post (port 9200) is served the same way, its Reply carrying the
 *   request's TID octet;
 * - input that is not a WTP PDU (on 9201) is answered by a provider Abort PROTOERR with the
 *   TID it carried, if it had one, and counted as malformed; undecodable connectionless input
 *   gets a Reply 400 (0x40) when it has a TID octet.
 *
 * A retransmitted Invoke (RID set) that arrives after its transaction ended (a slow uplink
 * still carrying the copies the handset sent on timer R) is dropped as a duplicate for
 * (MaxRetransmissions + 1) x RetryInterval, as WAP-224's TID cache would, instead of opening
 * a second transaction (and a second HTTP request).
 *
 * Capacity model (as the Relay's): at most MaxSessions sessions (idle ones expire after
 * SessionIdleTimeout) and MaxTransactions methods in progress (from the Invoke until the
 * Result is acknowledged); a method beyond it is refused with a provider Abort
 * CAPTEMPEXCEEDED (WAP-224-WTP section 8.3.4.1) and counted. Each method then takes
 * ServiceTime of one FIFO server (the translation work) before its HTTP request goes out.
 * Trace sources Accepted, Refused and Aborted report these steps; counters sum them.
 *
 * Limits: one MMSC behind the gateway (every URI goes to RelayAddress, whatever its host);
 * no WTLS, no Push over the session (the PPG pushes over SMS or connectionless UDP), no
 * Suspend/Resume; HTTP response bodies are carried as real octets (virtual media become zero
 * octets).
 */
class MmsWapGateway : public MmsApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsWapGateway();
    ~MmsWapGateway() override;

    /// What the gateway did.
    struct Counters
    {
        uint64_t sessions{0};        //!< sessions opened (ConnectReply)
        uint64_t sessionsRefused{0}; //!< Connects refused (MaxSessions)
        uint64_t disconnects{0};     //!< sessions ended by Disconnect
        uint64_t sessionsExpired{0}; //!< sessions ended by SessionIdleTimeout
        uint64_t accepted{0};        //!< Get/Post accepted (WTP or connectionless)
        uint64_t refused{0};         //!< Get/Post refused (MaxTransactions)
        uint64_t replies{0};         //!< Replies sent
        uint64_t httpFailures{0};    //!< HTTP requests to the Relay that failed
        uint64_t aborted{0};         //!< WTP transactions aborted (by either side, or timeout)
        uint64_t malformed{0};       //!< undecodable datagrams
        uint64_t noSession{0};       //!< methods from handsets without a session
        uint64_t connectionless{0};  //!< connectionless methods among accepted
        uint64_t resultRetransmissions{0}; //!< Result packets sent again
        uint64_t duplicates{0};            //!< retransmitted Invokes of ended transactions
        uint64_t segmentedInvokes{0};      //!< transactions whose Invoke came in segments
        uint64_t invokeNacks{0};           //!< Negative Acks sent for missing Invoke packets
    };

    int64_t AssignStreams(int64_t stream) override;
    /**
     * \brief The counters.
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * \brief The open sessions.
     * \return their number
     */
    uint32_t GetSessionCount() const;
    /**
     * \brief The methods in progress.
     * \return their number
     */
    uint32_t GetActiveTransactions() const;

    /// The UDP port of connection-mode WSP over WTP (WAP-259-WDP Appendix B).
    static constexpr uint16_t PORT_CO = 9201;
    /// The UDP port of connectionless WSP (WAP-259-WDP Appendix B).
    static constexpr uint16_t PORT_CL = 9200;
    /// WSP abort reason DISCONNECT (WAP-230-WSP, abort reason codes).
    static constexpr uint8_t WSP_ABORT_DISCONNECT = 0xE1;

  protected:
    /// Cancel the timers, forget the transactions and sessions.
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// A responder transaction, keyed by handset address and TID.
    typedef std::pair<Address, uint16_t> Key;

    /// One WTP transaction towards a handset.
    struct Wtp
    {
        std::unique_ptr<MmsWtpResponder> responder; //!< its state machine
        std::array<EventId, 3> timers;              //!< R, A, W
        bool method{false};                         //!< counts as a method in progress
        bool finished{false};                       //!< FINISHED seen
    };

    /// One WSP session.
    struct Session
    {
        uint32_t id{0}; //!< the session id
        EventId idle;   //!< its idle timer
    };

    /// A method on its way: to the Relay and back.
    struct Method
    {
        Address peer;               //!< the handset
        uint16_t tid{0};            //!< WTP TID, or the connectionless TID octet
        bool connectionless{false}; //!< port 9200
        MmsHttpMessage request;     //!< the HTTP request for the Relay
    };

    void HandleCo(const std::vector<uint8_t>& data, const Address& from);
    void HandleCl(const std::vector<uint8_t>& data, const Address& from);
    void Run(const Key& key, const std::vector<MmsWtpAction>& actions);
    void Expire(Key key, MmsWtpAction::Timer timer);
    void OnInvoke(const Key& key, const std::vector<uint8_t>& wsp);
    void Disconnect(const Address& peer, uint32_t sessionId);
    void TouchSession(const Address& peer);
    void ExpireSession(Address peer);
    bool Admit(const Address& peer, const std::string& what);
    void Accept(Method m, const MmsWspSessionPdu& pdu);
    void Forward(uint64_t id);
    void HandleResponse(uint64_t id, bool ok, const MmsHttpMessage& r, const std::string& why);
    void Answer(const Method& m, const std::vector<uint8_t>& wsp);
    void SendAbort(const Address& peer, uint16_t tid, uint8_t type, uint8_t reason);
    void EndWtp(const Key& key);

    Address m_relayAddress;
    uint32_t m_maxSessions;
    uint32_t m_maxTransactions;
    Time m_serviceTime;
    Time m_sessionIdle;
    uint32_t m_segmentSize;
    uint32_t m_groupSize;
    Time m_retryInterval;
    Time m_ackInterval;
    Time m_waitTimeout;
    uint32_t m_maxRetransmissions;

    std::map<Key, Wtp> m_wtp;
    /// Transactions that ended, with when: a retransmitted Invoke (RID set) of one of them
    /// that arrives within (MaxRetransmissions + 1) x RetryInterval is a duplicate, not a new
    /// transaction (the role of WAP-224's TID cache).
    std::map<Key, Time> m_ended;
    std::map<Address, Session> m_sessions;
    std::map<uint64_t, Method> m_methods;
    uint64_t m_nextMethod{1};
    uint32_t m_nextSessionId{1};
    uint32_t m_active{0}; //!< methods in progress
    Time m_serverFreeAt;  //!< when the FIFO server is free
    bool m_running{false};
    Counters m_counters;
    TracedCallback<const MmsEvent&> m_acceptedTrace;
    TracedCallback<const MmsEvent&> m_refusedTrace;
    TracedCallback<const MmsEvent&> m_abortedTrace;
};

} // namespace ns3

#endif /* MMS_WAP_GATEWAY_H */
