/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_CLIENT_H
#define MMS_WSP_CLIENT_H

/**
 * \file
 * \ingroup mms-transport
 * The WAP 1.x stack of a handset: HTTP-like requests carried as WSP Get/Post over WTP class 2
 * (connection-mode WSP, UDP port 9201 of the WAP gateway) or as connectionless WSP (port 9200).
 */

#include "mms-socket-transport.h"
#include "mms-transport.h"
#include "mms-wtp-transaction.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/uinteger.h"

#include <array>
#include <deque>
#include <map>

namespace ns3
{

class MmsWspSessionPdu;

/**
 * \ingroup mms-transport
 * \brief What the WSP client and the WAP gateway share: the WTP timer attributes and the
 * translation between WSP and HTTP.
 */
namespace MmsWap
{
/// WTP segment size, octets: the Kannel WAP gateway's SAR_SEGM_SIZE (wap/wtp_resp.h).
constexpr uint32_t SAR_SEGMENT_SIZE = 1400;
/// WTP packets per group: the Kannel WAP gateway's SAR_GROUP_LEN (wap/wtp_resp.h).
constexpr uint32_t SAR_GROUP_SIZE = 3;

/**
 * \brief Add the WTP timer attributes RetryInterval, AckInterval, WaitTimeout and
 * MaxRetransmissions (defaults: MmsWtpTimers, Kannel wapbox's values) to a TypeId.
 * \tparam T the class holding the members
 * \param tid the TypeId being built
 * \param r timer R's member
 * \param a timer A's member
 * \param w timer W's member
 * \param n RCR_MAX's member
 * \return tid with the attributes
 */
template<class T>
TypeId
AddWtpTimerAttributes(TypeId tid, Time T::*r, Time T::*a, Time T::*w, uint32_t T::*n)
{
    const MmsWtpTimers d;
    return tid
        .AddAttribute("RetryInterval",
                      "WTP retransmission timer R (s). Default 3 s (Kannel wapbox, after "
                      "WAP-224-WTP Appendix A).",
                      TimeValue(Seconds(d.retryInterval)),
                      MakeTimeAccessor(r),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("AckInterval",
                      "WTP acknowledgement timer A (s): a responder sends a hold-on Ack when "
                      "its Result is not ready by then. Default 4 s (Kannel wapbox).",
                      TimeValue(Seconds(d.ackInterval)),
                      MakeTimeAccessor(a),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("WaitTimeout",
                      "WTP wait timeout W (s). Default 30 s (Kannel wapbox).",
                      TimeValue(Seconds(d.waitTimeout)),
                      MakeTimeAccessor(w),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("MaxRetransmissions",
                      "WTP RCR_MAX: retransmissions before the transaction aborts with "
                      "NORESPONSE (count). Default 8 (Kannel wapbox).",
                      UintegerValue(d.maxRetransmissions),
                      MakeUintegerAccessor(n),
                      MakeUintegerChecker<uint32_t>());
}

/**
 * \brief Add the WTP segmentation attributes SegmentSize and GroupSize (defaults: Kannel
 * wapbox's SAR_SEGM_SIZE and SAR_GROUP_LEN) to a TypeId.
 * \tparam T the class holding the members
 * \param tid the TypeId being built
 * \param segment SegmentSize's member
 * \param group GroupSize's member
 * \param pdu the PDU segmented: "Invoke" (a handset) or "Result" (a gateway)
 * \return tid with the attributes
 */
template<class T>
TypeId
AddWtpSarAttributes(TypeId tid, uint32_t T::*segment, uint32_t T::*group, const std::string& pdu)
{
    return tid
        .AddAttribute("SegmentSize",
                      "Largest WSP data in one WTP " + pdu + " packet (octets); larger " + pdu
                          + "s go in segments (SAR, WAP-224-WTP section 7.14). Default 1400 (the "
                            "Kannel WAP gateway's SAR_SEGM_SIZE, wap/wtp_resp.h).",
                      UintegerValue(SAR_SEGMENT_SIZE),
                      MakeUintegerAccessor(segment),
                      MakeUintegerChecker<uint32_t>(1, 65000))
        .AddAttribute("GroupSize",
                      "WTP " + pdu
                          + " packets per group, each group acknowledged before the "
                            "next (count). Default 3 (the Kannel WAP gateway's SAR_GROUP_LEN, "
                            "wap/wtp_resp.h).",
                      UintegerValue(SAR_GROUP_SIZE),
                      MakeUintegerAccessor(group),
                      MakeUintegerChecker<uint32_t>(1, 255));
}

/**
 * \brief The timers from the attribute values.
 * \param r timer R
 * \param a timer A
 * \param w timer W
 * \param n RCR_MAX
 * \return the timers (AEC_MAX as MmsWtpTimers' default)
 */
MmsWtpTimers Timers(Time r, Time a, Time w, uint32_t n);

/**
 * \brief The media type of an HTTP Content-Type value, without its parameters.
 * \param value e.g. "application/vnd.wap.mms-message; charset=x"
 * \return e.g. "application/vnd.wap.mms-message"; "application/octet-stream" for ""
 */
std::string MediaType(const std::string& value);

/**
 * \brief A WSP Reply as an HTTP response (status by MmsWspSessionPdu::HttpFromStatus, the
 * Content-Type header, the data as body).
 * \param reply the Reply
 * \return the response
 */
MmsHttpMessage ToHttp(const MmsWspSessionPdu& reply);

/**
 * \brief An encoded WSP Reply without data, for errors.
 * \param httpStatus the HTTP status, e.g. 400 (0x40), 501 (0x51), 503 (0x63)
 * \return the octets
 */
std::vector<uint8_t> ErrorReply(int httpStatus);

/**
 * \brief Whether a WSP PDU type is a method (the Get family or the Post family).
 * \param type the PDU type
 * \return true for Get, Options, Head, Delete, Trace, Post and Put
 */
bool IsMethod(uint8_t type);
} // namespace MmsWap

/**
 * \ingroup mms-transport
 * \brief A handset's WSP/WTP client: sends an MmsHttpMessage request to a WAP gateway as a WSP
 * Get or Post and reports the gateway's WSP Reply as an HTTP response.
 *
 * The User Agent keeps one logic for both stacks: with its attribute Stack set to Wsp it hands
 * each request to this client instead of MmsTransport::Request(), and gets the outcome through
 * the same callback. The client speaks through the handset's MmsTransport (datagrams only):
 * - connection-mode (default): the first request opens a WSP session (Connect in a WTP class 2
 *   Invoke, the gateway's ConnectReply gives the session id; WAP-230-WSP section 8.2.2), the
 *   requests wait for it and then each goes as a Get (no body) or a Post (Content-Type and
 *   body from the request) in its own WTP class 2 transaction with user acknowledgement
 *   (MmsWtpInitiator: retransmission timer R, hold-on Ack, segmented Results reassembled).
 *   The session ends with a Disconnect in a class 0 Invoke when the client is detached, or is
 *   forgotten when the handset is switched off (AbortAll());
 * - connectionless (attribute Connectionless): each request is one datagram to port 9200,
 *   its TID octet matching the Reply; a Reply that does not come within ConnectionlessTimeout
 *   fails the request (WSP over plain WDP has no retransmission).
 *
 * The URI of a Get/Post is "http://" + the request's Host header + its target; the WSP Reply's
 * status maps back to HTTP with MmsWspSessionPdu::HttpFromStatus (WAP-230-WSP Table 36), its
 * Content-Type becomes the response's Content-Type header.
 *
 * A method whose WSP PDU exceeds SegmentSize goes as a segmented Invoke (MmsWtpInitiator:
 * packet groups of GroupSize, Negative Acks answered); one needing more than 256 packets fails
 * (WTP MESSAGETOOLARGE). Limits: no WTLS; no capability negotiation beyond what the Connect
 * proposes (the Connect carries Client-SDU-Size and the attribute MethodMor as Method-MOR, and
 * the client keeps at most that many methods open in the session, queueing the others); Push over
 * the session is not used (notifications arrive as SMS or connectionless push, as in the HTTP
 * stack).
 */
class MmsWspClient : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// A client attached to nothing; Attach() before use.
    MmsWspClient();
    ~MmsWspClient() override;

    /// What the client has done.
    struct Counters
    {
        uint64_t requests{0};              //!< requests handed to the client
        uint64_t replies{0};               //!< WSP Replies delivered as responses
        uint64_t failures{0};              //!< requests failed (abort, no response, timeout)
        uint64_t connects{0};              //!< WSP Connects sent
        uint64_t aborts{0};                //!< WTP Aborts received or raised
        uint64_t invokeRetransmissions{0}; //!< Invokes sent again on timer R
        uint64_t segmentedInvokes{0};      //!< methods sent as a segmented Invoke
        uint64_t invokePacketsResent{0};   //!< Invoke packets sent again for a Negative Ack
        uint64_t resultNacks{0};           //!< Negative Acks sent for missing Result packets
    };

    /**
     * \brief Speak through a transport to a gateway.
     * \param transport the handset's transport
     * \param gateway the gateway's address; its port is ignored (9201 or 9200 is used)
     */
    void Attach(Ptr<MmsTransport> transport, const Address& gateway);
    /// Send a Disconnect if a session is open, fail what is pending and forget the transport.
    void Detach();
    /**
     * \brief Send a request as a WSP Get (GET) or Post (any other method).
     * \param request the request: method, target, Host and Content-Type headers, body
     * \param label what the request is (its type is recorded as "WSP " + type)
     * \param cb called once with the outcome: the Reply as a response, or a failure reason
     * \param cookie passed back to the callback
     */
    void Request(const MmsHttpMessage& request,
                 const MmsTransport::RequestLabel& label,
                 MmsTransport::ResponseCallback cb,
                 uint64_t cookie);
    /// Fail every pending request ("aborted") and forget the session, as a handset switched
    /// off does; no PDU is sent.
    void AbortAll();
    /**
     * \brief The counters.
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * \brief Whether a WSP session is established (connection-mode).
     * \return true after the ConnectReply and before Detach() or AbortAll()
     */
    bool IsConnected() const;
    /**
     * \brief The session id the gateway gave.
     * \return the id (0 without a session)
     */
    uint32_t GetSessionId() const;
    /**
     * \brief The WTP timers the client uses.
     * \return the timers (attributes RetryInterval, AckInterval, WaitTimeout,
     * MaxRetransmissions)
     */
    MmsWtpTimers GetTimers() const;
    /**
     * \brief Where the client's WTP transaction ids go on (per handset, not per client: a
     * handset's WTP layer numbers its transactions on whoever uses it). Before Attach().
     * \param tid the next TID (0 to 32767)
     */
    void SetNextTid(uint16_t tid);
    /**
     * \return the TID the client's next transaction will use
     */
    uint16_t GetNextTid() const;

    /**
     * Trace signature of Method: a WSP method completed.
     * \param method "Get", "Post" or "Connect"
     * \param elapsed from the first Invoke to the Reply (or failure)
     * \param ok whether a Reply came
     * \param retransmissions how many times the Invoke was sent again
     */
    typedef void (*MethodTracedCallback)(const std::string& method,
                                         Time elapsed,
                                         bool ok,
                                         uint32_t retransmissions);

    /// The UDP port of connection-mode WSP over WTP (WAP-259-WDP Appendix B).
    static constexpr uint16_t PORT_CO = 9201;
    /// The UDP port of connectionless WSP (WAP-259-WDP Appendix B).
    static constexpr uint16_t PORT_CL = 9200;

  protected:
    /// Cancel the timers and forget the transport.
    void DoDispose() override;

  private:
    /// One request waiting for, or in, a WTP transaction.
    struct Pending
    {
        MmsHttpMessage request;            //!< the request
        MmsTransport::ResponseCallback cb; //!< its outcome
        uint64_t cookie{0};                //!< the caller's key
        MmsTransport::RequestLabel label;  //!< what it is
        Time issued;                       //!< when it was handed to the client
    };

    /// One WTP transaction: the Connect, or a method.
    struct Transaction
    {
        MmsWtpInitiator initiator{0, MmsWtpTimers()}; //!< the state machine
        bool isConnect{false};                        //!< the session's Connect
        Pending pending;                              //!< the request (a method)
        std::string method;                           //!< "Connect", "Get", "Post"
        Time started;                                 //!< when the Invoke went out
        std::array<EventId, 3> timers;                //!< R, A, W
        bool finished{false};                         //!< FINISHED seen
        bool reported{false};                         //!< the outcome was reported
    };

    void Connect();
    void StartMethod(Pending p);
    void StartNext();
    uint16_t NextTid();
    void Invoke(uint16_t tid, Transaction t, const std::vector<uint8_t>& wsp);
    void Run(uint16_t tid, const std::vector<MmsWtpAction>& actions);
    void Expire(uint16_t tid, MmsWtpAction::Timer timer);
    void HandleDatagram(const std::vector<uint8_t>& data, const Address& from);
    void HandleConnectionless(const std::vector<uint8_t>& data);
    void ConnectionlessTimeout(uint8_t tid);
    void OnResult(uint16_t tid, const std::vector<uint8_t>& message);
    void OnAbort(uint16_t tid, uint8_t reason);
    void Fail(Pending p, const std::string& why);
    void Record(const Pending& p, const MmsHttpMessage* response, const std::string& status);
    void Deliver(Pending& p, const MmsHttpMessage& response);
    void FailQueued(const std::string& why);
    Address GatewayPort(uint16_t port) const;
    std::vector<uint8_t> MethodPdu(const MmsHttpMessage& request, bool& isGet) const;

    Ptr<MmsTransport> m_transport;
    Address m_gateway;
    uint16_t m_localPort;
    bool m_connectionless;
    Time m_retryInterval;
    Time m_ackInterval;
    Time m_waitTimeout;
    uint32_t m_maxRetransmissions;
    Time m_clTimeout;
    uint32_t m_maxInvoke;
    uint32_t m_segmentSize;
    uint32_t m_groupSize;

    enum SessionState
    {
        NO_SESSION,
        CONNECTING,
        CONNECTED
    };

    SessionState m_session{NO_SESSION};
    uint32_t m_sessionId{0};
    uint32_t m_mor;              //!< Method-MOR: methods open at once in the session
    uint32_t m_busy{0};          //!< method transactions open
    std::deque<Pending> m_queue; //!< requests waiting for the session or their turn
    std::map<uint16_t, Transaction> m_transactions;
    uint16_t m_nextTid{0};
    std::map<uint8_t, std::pair<Pending, EventId>> m_clPending;  //!< connectionless, by TID
    std::map<uint8_t, std::pair<std::string, Time>> m_clStarted; //!< method and start, by TID
    uint8_t m_nextClTid{0};
    Counters m_counters;
    TracedCallback<const std::string&, Time, bool, uint32_t> m_methodTrace;
    TracedCallback<const MmsSocketTransport::Exchange&> m_exchangeTrace;
};

} // namespace ns3

#endif /* MMS_WSP_CLIENT_H */
