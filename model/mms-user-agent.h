/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_USER_AGENT_H
#define MMS_USER_AGENT_H

#include "mms-application.h"
#include "mms-radio-bearer-net-device.h"
#include "mms-retry-policy.h"
#include "mms-traffic-model.h"
#include "mms-wdp-sms.h"
#include "mms-wsp-client.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace ns3
{

class ErrorModel;

/**
 * \ingroup mms-engines
 * \brief MMS User Agent of a handset, as originator and as recipient.
 *
 * The MMS User Agent of 3GPP TS 23.140 on the MM1 interface, as OMA MMS CTR realises it on
 * WAP 2.0: HTTP to the MMS Relay for everything the handset sends, WSP Push for everything the
 * Relay sends unasked.
 *
 * Submission: Send() (or the traffic source below) builds an M-Send.req with From
 * insert-address, the recipients in To, Cc and Bcc, a short text part and an image/jpeg part
 * of Message::contentSize octets as virtual payload, and POSTs it to RelayPath at
 * RelayAddress. M-Send.conf Ok gives the message its Message-ID (trace SubmitConfirmed); a
 * transient error status (Error-transient-*) sends the same M-Send.req again on the retry
 * schedule; any other status, or a response that is not an M-Send.conf, is final (Rejected).
 *
 * Notification: pushes arrive over the SMS bearer on SmsPort (an RP-DATA carrying an
 * SMS-DELIVER, answered at once with RP-ACK, or RP-ERROR if the TPDU cannot be decoded; WDP
 * segments are reassembled into the WSP Push datagram for PushPort) or over UDP on PushPort
 * (IP push, port 2948). The UA decodes the WSP Push and the MMS PDU in it and handles
 * M-Notification.ind, M-Delivery.ind (DeliveryReportReceived) and M-Read-Orig.ind
 * (ReadReportReceived). It remembers its last 256 notifications by Content-Location, so that a
 * re-notification (the Relay missed the answer) is answered again rather than retrieved twice.
 *
 * Retrieval (attribute RetrievalMode, OMA MMS CTR): a notification is first refused with
 * probability RejectProbability (M-NotifyResp.ind Rejected). Otherwise
 * - Immediate: the UA GETs the Content-Location at once and, with the M-Retrieve.conf,
 *   answers one M-NotifyResp.ind with status Retrieved;
 * - Deferred: it answers M-NotifyResp.ind Deferred, GETs the message after DeferredDelay
 *   (or never, with probability NeverRetrieveProbability) and acknowledges the retrieval with
 *   M-Acknowledge.ind;
 * - SizeThreshold: immediate up to SizeThreshold octets (X-Mms-Message-Size), deferred above.
 * A TrafficModel, if set, defers a further share of notifications (its DeferredShare).
 * X-Mms-Report-Allowed in the answers is the attribute ReportAllowed. If the retrieved
 * message asks for a read report, the UA sends M-Read-Rec.ind (Read) with probability
 * ReadReportProbability, ReadingDelay after the retrieval.
 *
 * Retries: every HTTP transaction (submission, retrieval, M-NotifyResp.ind,
 * M-Acknowledge.ind, M-Read-Rec.ind) that fails in the transport or gets HTTP 500, 502, 503
 * or 504 is attempted again on RetryPolicy (default Table 0, 1, 5, 10, 30 min, 5 attempts:
 * Android's legacy MMS client); after the last attempt the UA gives up (Failed). A retrieval
 * answered with another HTTP status or an M-Retrieve.conf with an error status fails at once.
 *
 * Reachability: SwitchOff() models a handset switched off or out of coverage: its pending
 * HTTP exchanges are aborted (and retried once it is back), new attempts and retrievals
 * wait for SwitchOn(), and pushes that still reach it are ignored. With Blackout (default) the
 * network cannot reach it either: its MmsRadioBearerNetDevice is powered off (paging and SMS
 * fail), and every other device that has a ReceiveErrorModel attribute drops every packet.
 * OnOff alternates on and off periods drawn from OnTime and OffTime; ScheduleOffPeriod()
 * scripts one. Each change fires the Switch trace.
 *
 * Traffic: with Traffic = true the UA generates messages itself: InterArrival between them,
 * MessageSize media octets, RecipientCount recipients drawn among the other numbers of the
 * subscriber directory, DeliveryReport and ReadReport flags; or, if TrafficModel is set, all
 * of these from that shared MmsTrafficModel. With SetExternalArrivals(true) the UA does not
 * schedule its sends: an outside source calls GenerateMessage() at each (MmsScenarioHelper's
 * MmsCellTraffic, one pending event per cell instead of one per subscriber).
 *
 * Trace sources (MmsEvent, element "ua:\<number\>"): Submitted, SubmitConfirmed, Rejected,
 * SmsReceived, PushReceived, RetrievalStarted, RetrievalCompleted, NotifyRespSent,
 * Acknowledged, DeliveryReportReceived, ReadReportSent, ReadReportReceived, Failed; and
 * Switch (SwitchTracedCallback).
 *
 * Usage: MmsHelper::InstallUserAgents() installs one on each handset, gives it its number,
 * registers it in the subscriber directory and points it at the Relay and the SMS bearer
 * port; set its attributes with MmsHelper::SetUserAgentAttribute(). Scripted messages are
 * sent with Send().
 *
 * Limits: one message shape (a text part and one virtual JPEG); no MMBox, forwarding,
 * cancellation or M-Read-Rec.ind other than Read; the remembered notifications are bounded
 * (256), so a very late re-notification is taken for a new message.
 */
class MmsUserAgent : public MmsApplication
{
  public:
    /// When a notified message is fetched.
    enum RetrievalMode
    {
        IMMEDIATE,      //!< at once; one M-NotifyResp.ind (Retrieved) acknowledges both
        DEFERRED,       //!< M-NotifyResp.ind (Deferred), fetch after DeferredDelay (or never)
        SIZE_THRESHOLD, //!< immediate up to SizeThreshold octets, deferred above
    };

    /// How the handset reaches the MMSC (attribute Stack).
    enum Stack
    {
        HTTP_STACK, //!< HTTP/1.1 over TCP to the Relay (WAP 2.0 and later)
        WSP_STACK   //!< WSP over WTP over UDP to a WAP gateway (WAP 1.x; MmsWspClient)
    };

    /// A message to send (Send()).
    struct Message
    {
        std::vector<std::string> to;  //!< numbers ("+447700900002") or full addresses
        std::vector<std::string> cc;  //!< idem
        std::vector<std::string> bcc; //!< idem
        uint32_t contentSize{30000};  //!< octets of media (a virtual image part)
        bool deliveryReport{false};   //!< X-Mms-Delivery-Report
        bool readReport{false};       //!< X-Mms-Read-Report
        Time expiry{0};               //!< X-Mms-Expiry (relative); 0 = the Relay's default
        std::string subject;          //!< Subject, or "" for none
        std::string contentClass;     //!< content class for the results ("image-basic", ...), or ""
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a User Agent, switched on, that generates no traffic.
    MmsUserAgent();
    ~MmsUserAgent() override;

    /**
     * Assign fixed random variable stream numbers to DeferredDelay, ReadingDelay,
     * InterArrival, MessageSize, RecipientCount, OnTime, OffTime and the UA's uniform draws
     * (a TrafficModel is not covered: it has its own).
     * \param stream first stream index
     * \return the number of streams used (8)
     */
    int64_t AssignStreams(int64_t stream) override;

    /**
     * The handset's number (attribute "Msisdn").
     * \return the MSISDN ("+447700900001")
     */
    std::string GetMsisdn() const;
    /**
     * Set the handset's number (attribute "Msisdn"), before the application starts.
     * \param msisdn the MSISDN ("+447700900001")
     */
    void SetMsisdn(const std::string& msisdn);
    /**
     * The callbacks a User Agent without a handset of its own gives its pool
     * (MmsSubscriberPool): `bind` when it needs the data bearer and has no handset (the pool
     * attaches one with AttachHandset(), or none if it refuses), `settled` when nothing is
     * under way any more (IsSettled()).
     */
    typedef Callback<void, Ptr<MmsUserAgent>> PoolCallback;
    /**
     * \brief Make this a pooled User Agent: it runs without a node and asks its pool for a
     * handset when a transaction is to be attempted.
     * \param bind called when an attempt needs a handset and none is attached
     * \param settled called when the UA has nothing under way
     */
    void SetPool(PoolCallback bind, PoolCallback settled);
    /**
     * \brief Start a pooled User Agent (one that is no node's application): it runs from now,
     * with no handset attached.
     */
    void Activate();
    /**
     * \brief Attach a handset: its transport carries the UA's exchanges and datagrams, and
     * its radio bearer is powered as the UA is switched on or off.
     * \param node the handset
     * \param transport its transport
     */
    void AttachHandset(Ptr<Node> node, Ptr<MmsTransport> transport);
    /**
     * \brief Detach the handset attached by AttachHandset(): its exchanges are aborted and its
     * datagrams no longer reach this UA.
     */
    void DetachHandset();
    /**
     * \return whether a handset is attached (always, for a UA installed on a node)
     */
    bool HasHandset() const;
    /**
     * \return whether nothing is under way: no transaction, no timer (deferred retrieval,
     * reading), no retrieval waiting for the handset to be switched on, no push waiting for
     * its other SMS segments
     */
    bool IsSettled() const;
    /**
     * \return whether an attempt is waiting for its response
     */
    bool HasExchangeInFlight() const;
    /**
     * \brief Draw from another User Agent's random variables from now on (DeferredDelay,
     * ReadingDelay, InterArrival, MessageSize, RecipientCount, OnTime, OffTime and the
     * uniform draws): the User Agents a pool makes one after another for the subscribers of a
     * cell share one set, whose streams the helper assigned.
     * \param from the User Agent whose variables to use
     */
    void ShareRandomVariables(Ptr<const MmsUserAgent> from);
    /**
     * \brief A new User Agent configured as \p prototype: a copy of its attribute values, the
     * same random variables (as ShareRandomVariables()) and none of its state, for it has none.
     *
     * It is the User Agent an ObjectFactory holding every attribute of the prototype makes,
     * for a fraction of the cost: ns-3 constructs an object by setting each attribute in turn
     * through its checker (ns-3.37 also prints every value), which was 12% of a flow-level
     * New Year's Eve run when a pool made its User Agents that way.
     * \param prototype a User Agent never started, never given a transport or a handset, with
     *        no exchange, no message and no trace sink
     * \return the new User Agent, on no node and not started
     */
    static Ptr<MmsUserAgent> CreateLike(Ptr<const MmsUserAgent> prototype);
    /**
     * \brief The retry policy a User Agent takes when its "RetryPolicy" is null: Android's
     * legacy MMS client (Table 0 s, 1, 5, 10, 30 min; MaxAttempts 5).
     * \return a new policy (policies hold no per-attempt state: one may be shared)
     */
    static Ptr<MmsRetryPolicy> CreateDefaultRetryPolicy();
    /**
     * \brief The subscribers of other operators, among whom a generated message draws a
     * recipient with the traffic model's OffNetShare (MM4 scenarios).
     * \param directory their directory; null (the default) for none
     */
    void SetOffNetDirectory(Ptr<MmsSubscriberDirectory> directory);
    /**
     * \return the number of the last transaction id this UA made (see SetTidCounter)
     */
    uint32_t GetTidCounter() const;
    /**
     * \param n the number of the last transaction id made (a pooled subscriber's UAs carry
     * it on, so that transaction ids stay unique per subscriber)
     */
    void SetTidCounter(uint32_t n);
    /// Where the answer to an SMS goes (the RP-ACK or RP-ERROR datagram).
    using SmsReply = std::function<void(const std::vector<uint8_t>&)>;
    /**
     * \brief An SMS delivered to a subscriber without a handset, by number (MmsSubscriberPool
     * through its cell): handled by the same code as one reaching the handset's SMS port (its
     * SMS-DELIVER decoded, its WAP Push passed on, which may start a retrieval and so bind a
     * handset), the answer going to `reply`.
     * \param datagram the RP-DATA datagram (RP-MTI, RP-MR, SMS-DELIVER TPDU)
     * \param reply takes the RP-ACK or RP-ERROR datagram
     */
    void ReceiveSmsByNumber(const std::vector<uint8_t>& datagram, const SmsReply& reply);
    /**
     * \brief The state of the OnOff process, so that it can continue while the subscriber has
     * no User Agent (MmsSubscriberPool keeps it in the subscriber's record).
     * \param[out] next when the current period ends (negative when no OnOff process runs)
     * \return whether switched on
     */
    bool GetSwitchState(Time& next) const;
    /**
     * \brief Continue an OnOff process kept outside this User Agent: switched on or off as
     * given (without the Switch trace; call before AttachHandset()), the current period ending
     * at `next`, when this UA toggles and draws the next period from OnTime or OffTime. Only
     * for a UA whose OnOff attribute is true.
     * \param on whether switched on
     * \param next when the current period ends (not before now)
     */
    void SetSwitchState(bool on, Time next);
    /**
     * \return whether the OnOff attribute is true
     */
    bool HasOnOff() const;
    /**
     * \brief Draw whether a switching process starts off (attribute InitialOffProbability;
     * no draw when it is 0).
     * \return true: the first period is an off period
     */
    bool DrawInitialOff() const;

    /**
     * \brief Let an outside source decide when this subscriber sends.
     *
     * With external arrivals the UA schedules no send of its own when it starts (the Traffic
     * attribute still says whether a send generates a message); the source calls
     * GenerateMessage() at each send. Call before the application starts.
     * \param external true for an outside source (default false: the UA's own process)
     */
    void SetExternalArrivals(bool external);
    /**
     * \brief A send of the subscriber's traffic process: if the UA runs, Traffic is true and
     * the handset is on, build a message (from the TrafficModel if set, else from the UA's own
     * variables) to recipients drawn from the subscriber directory and Send() it.
     */
    void GenerateMessage();
    /**
     * Submit a message now: its M-Send.req is built at once and its first attempt scheduled
     * on the retry policy (it waits while the handset is off).
     * \param message the recipients, size, reports, expiry and subject
     * \return the X-Mms-Transaction-Id of its M-Send.req ("\<digits of the number\>-\<n\>")
     */
    std::string Send(const Message& message);
    /// Switch the handset off (or out of coverage): nothing reaches it, nothing leaves it.
    void SwitchOff();
    /// Switch the handset on again: waiting transactions and retrievals resume at once.
    void SwitchOn();
    /**
     * Whether the handset is on.
     * \return true if on
     */
    bool IsOn() const;
    /**
     * Switch off at `start` (from now) for `duration`.
     * \param start delay from now to the switch-off
     * \param duration length of the off period
     */
    void ScheduleOffPeriod(Time start, Time duration);

    /**
     * Trace signature of Switch: the handset was switched on or off.
     * \param element the element's name ("ua:+447700900001")
     * \param on true when switched on, false when switched off
     */
    typedef void (*SwitchTracedCallback)(const std::string& element, bool on);

    /// Counters for tests and summaries.
    struct Counters
    {
        uint64_t submitted{0};              //!< messages submitted (Send())
        uint64_t submitConfirmed{0};        //!< M-Send.conf Ok received
        uint64_t submitRejected{0};         //!< submissions refused for good
        uint64_t notifications{0};          //!< M-Notification.ind received, repeats included
        uint64_t duplicateNotifications{0}; //!< re-notifications of a known Content-Location
        uint64_t retrieved{0};              //!< M-Retrieve.conf with the message received
        uint64_t deliveryReports{0};        //!< M-Delivery.ind received
        uint64_t readReportsSent{0};        //!< M-Read-Rec.ind accepted by the Relay
        uint64_t readReportsReceived{0};    //!< M-Read-Orig.ind received
        uint64_t failedTransactions{0};     //!< HTTP transactions given up or failed retrievals
        uint64_t smsReceived{0};            //!< SMS segments received and decoded
    };

    /**
     * The totals so far.
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * The WAP 1.x client, with Stack Wsp.
     * \return the client while a handset is attached with Stack Wsp, else a null pointer
     */
    Ptr<MmsWspClient> GetWspClient() const;
    /**
     * \brief The handset's next WTP transaction id, kept by the handset's WTP layer across the
     * subscribers bound to it (MmsSubscriberPool): the WSP client made at the next
     * AttachHandset() starts from it, so that datagrams of the previous subscriber's
     * transactions (a late Result, a retransmission) find no transaction of the new one.
     * \param tid the next TID (0 to 32767)
     */
    void SetWtpTid(uint16_t tid);
    /**
     * \return the next WTP transaction id of the handset: the WSP client's while one is
     * attached, else the one its last client left at DetachHandset() (or SetWtpTid())
     */
    uint16_t GetWtpTid() const;

  protected:
    /// Cancel the pending events and forget transactions, radios and policies.
    void DoDispose() override;

  private:
    /**
     * The uniform variable of the User Agent's own draws (read reports, rejections, recipients,
     * the initial switch state), made on first use.
     * \return the variable
     */
    UniformRandomVariable& Draw() const;

    enum Kind
    {
        SEND,
        NOTIFY_RESP,
        RETRIEVE,
        ACKNOWLEDGE,
        READ_REC,
    };

    struct Transaction
    {
        Kind kind{SEND};
        MmsHttpMessage request;
        MmsTransport::RequestLabel label; //!< what the request is, for the transport's traces
        uint32_t attempt{0};
        std::string tid;       //!< of the PDU sent (or of the notification for RETRIEVE)
        std::string location;  //!< the notification's Content-Location
        std::string messageId; //!< when known
        uint64_t bytes{0};
        bool waitingForOn{false};
    };

    enum InboundState
    {
        NOTIFIED,
        DEFERRED_STATE,
        RETRIEVING,
        RETRIEVED,
        REJECTED_STATE,
        FAILED_STATE,
    };

    struct Inbound
    {
        std::string notificationTid;
        std::string from;
        std::string messageId;
        uint64_t size{0};
        InboundState state{NOTIFIED};
        bool deferred{false};
    };

    void StartApplication() override;
    void StopApplication() override;

    void ScheduleNextMessage();
    void OwnSend(); //!< a send of the UA's own process: schedule the next, then send
    /// A deferred retrieval is due. \param location the notification's Content-Location
    void TimedRetrieve(std::string location);
    /// A reading delay ended. \param messageId the message \param originator its sender
    void TimedReadReport(std::string messageId, std::string originator);
    void CheckSettled(); //!< tell the pool if nothing is under way any more
    void ToggleOnOff();
    /**
     * Schedule the OnOff process's next toggle.
     * \param delay from now
     */
    void ScheduleToggle(Time delay);

    uint64_t Start(const Transaction& t);
    void Attempt(uint64_t id);
    void HandleResponse(uint64_t id, bool ok, const MmsHttpMessage& r, const std::string& why);
    void Retry(uint64_t id, const std::string& why);
    void Complete(uint64_t id, const MmsHttpMessage& r);

    void HandlePushDatagram(const std::vector<uint8_t>& data, const Address& from);
    /// Decode an SMS and answer it. \param data the RP message \param from the SMSC
    /**
     * An SMS-bearer datagram (RP-DATA): decode it, answer (RP-ACK or RP-ERROR) through
     * `reply`, and pass a WAP Push it carries on.
     * \param data the datagram
     * \param reply where the answer goes
     */
    void ReceiveSms(const std::vector<uint8_t>& data, const SmsReply& reply);
    void HandleSmsDatagram(const std::vector<uint8_t>& data, const Address& from);
    void HandleWdpDatagram(const std::vector<uint8_t>& data, uint64_t carriedBytes);
    void HandleNotification(const MmsPdu& pdu, uint64_t bytes);
    void Retrieve(std::string location);
    void SendNotifyResp(const std::string& location, uint8_t status);
    void SendReadReport(std::string messageId, std::string originator);
    std::string NextTid();
    std::string Location(const std::string& location) const; //!< the path part of a URI
    std::string MessageIdOf(const std::string& location) const;

    // attributes
    std::string m_msisdn;
    Address m_relayAddress;
    Stack m_stack{HTTP_STACK}; //!< attribute Stack
    Address m_gatewayAddress;  //!< attribute GatewayAddress
    Ptr<MmsWspClient> m_wsp;   //!< the WAP 1.x client (Stack Wsp, a handset attached)
    uint16_t m_wtpTid{0};      //!< SetWtpTid: the next TID of the handset's WTP layer
    std::string m_relayHost;
    std::string m_relayPath;
    uint16_t m_pushPort;
    uint16_t m_smsPort;
    RetrievalMode m_retrievalMode;
    uint64_t m_sizeThreshold;
    Ptr<RandomVariableStream> m_deferredDelay;
    double m_neverRetrieveProbability;
    double m_rejectProbability;
    bool m_reportAllowed;
    double m_readReportProbability;
    Ptr<RandomVariableStream> m_readingDelay;
    Ptr<MmsRetryPolicy> m_retryPolicy;
    bool m_traffic;
    Ptr<MmsTrafficModel> m_trafficModel;
    Ptr<MmsSubscriberDirectory> m_offNet; //!< other operators' subscribers (null: none)
    bool m_sentFromModel{false};          //!< the model's first send time was drawn
    bool m_externalArrivals{false};       //!< SetExternalArrivals
    PoolCallback m_bind;                  //!< SetPool: a handset, please
    PoolCallback m_settled;               //!< SetPool: nothing under way
    bool m_pooled{false};                 //!< SetPool was called
    bool m_handset{false};                //!< a handset is attached
    uint32_t m_timers{0};                 //!< deferred retrievals and readings scheduled
    uint32_t m_inFlight{0};               //!< attempts waiting for their response
    Ptr<RandomVariableStream> m_interArrival;
    Ptr<RandomVariableStream> m_messageSize;
    Ptr<RandomVariableStream> m_recipientCount;
    bool m_requestDeliveryReport;
    bool m_requestReadReport;
    bool m_onOff;
    double m_initialOff; //!< InitialOffProbability
    Ptr<RandomVariableStream> m_onTime;
    Ptr<RandomVariableStream> m_offTime;
    bool m_blackout;
    mutable Ptr<UniformRandomVariable> m_draw; //!< the uniform draws; made by Draw() on first use

    // state
    bool m_on{true};
    Time m_nextSwitch{-1}; //!< when m_onOffEvent fires (negative: not scheduled)
    bool m_running{false};
    std::map<uint64_t, Transaction> m_transactions;
    std::map<std::string, Inbound> m_inbound; //!< by Content-Location
    std::deque<std::string> m_inboundOrder;   //!< oldest first, to bound m_inbound
    std::vector<std::string> m_waitingRetrievals;
    MmsWdpSmsReassembler m_reassembler{64, 16};
    std::vector<Ptr<ErrorModel>> m_blackoutModels;
    std::vector<Ptr<MmsRadioBearerNetDevice>> m_radios; //!< switched off with the phone
    EventId m_nextMessage;
    EventId m_onOffEvent;
    uint64_t m_nextTransaction{1};
    uint32_t m_tidCounter{0};
    Counters m_counters;

    TracedCallback<const MmsEvent&> m_submittedTrace;
    TracedCallback<const MmsEvent&> m_submitConfirmedTrace;
    TracedCallback<const MmsEvent&> m_rejectedTrace;
    TracedCallback<const MmsEvent&> m_smsReceivedTrace;
    TracedCallback<const MmsEvent&> m_pushReceivedTrace;
    TracedCallback<const MmsEvent&> m_retrievalStartedTrace;
    TracedCallback<const MmsEvent&> m_retrievalCompletedTrace;
    TracedCallback<const MmsEvent&> m_notifyRespSentTrace;
    TracedCallback<const MmsEvent&> m_acknowledgedTrace;
    TracedCallback<const MmsEvent&> m_deliveryReportTrace;
    TracedCallback<const MmsEvent&> m_readReportSentTrace;
    TracedCallback<const MmsEvent&> m_readReportTrace;
    TracedCallback<const MmsEvent&> m_failedTrace;
    TracedCallback<const std::string&, bool> m_switchTrace;
    TracedCallback<const MmsSocketTransport::Exchange&> m_wspExchangeTrace; //!< WspExchange
};

} // namespace ns3

#endif /* MMS_USER_AGENT_H */
