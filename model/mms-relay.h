/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RELAY_H
#define MMS_RELAY_H

#include "mms-application.h"
#include "mms-retry-policy.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <deque>
#include <map>

namespace ns3
{

class MmsRelayMm7;
class MmsRelayMm4Agent;
struct MmsMm4Message;

/**
 * \ingroup mms-engines
 * \brief The MMS Relay of 3GPP TS 23.140: MM1 server, Push Initiator and per-recipient
 * delivery state machine.
 *
 * The Relay is the MMSC's front: the MM1 HTTP server of the User Agents (OMA MMS CTR over
 * WAP 2.0), the Push Initiator towards the PPG (PAP, WAP-247), and the client of the MMS
 * Server's store protocol (see MmsServer). One message takes this path through it:
 * 1. Submission: a User Agent POSTs an M-Send.req to Path. The Relay checks it (a valid
 *    PDU; an originator that is a subscriber, "insert-address" being resolved from the
 *    source IP address; at least one and at most MaxRecipients recipients in To, Cc and Bcc;
 *    at most MaxMessageSize octets), assigns a Message-ID (MessageIdPrefix and eight digits),
 *    stores the MM in the MMS Server (PUT, with its expiry) and answers M-Send.conf: Ok once
 *    the store answered 201, an error status otherwise: Error-permanent-* for a bad
 *    submission (Error-permanent-message-format-corrupt for an undecodable one),
 *    Error-transient-failure when the store is full (507), Error-transient-network-problem
 *    when it cannot be reached, Error-permanent-failure for another answer of the store.
 * 2. Notification: for each recipient, an M-Notification.ind (Content-Location
 *    http://\<HostName\>\<Path\>/r/\<message-id\>/\<n\>, transaction id "N\<message-id\>/\<n\>") is
 *    submitted to the PPG as a PAP push for WAPPUSH=\<number\>/TYPE=PLMN, with the message's
 *    expiry as deliver-before-timestamp. It is submitted again on NotificationPolicy
 *    (default Linear 300 s x n, 5 attempts) until the recipient answers.
 * 3. Retrieval: the User Agent GETs the Content-Location; the Relay fetches the MM from the
 *    Server and answers M-Retrieve.conf (transaction id "R\<message-id\>/\<n\>"), or an
 *    M-Retrieve.conf with only an X-Mms-Retrieve-Status for a message that is gone.
 * 4. Acknowledgement: M-NotifyResp.ind with status Retrieved (immediate retrieval) or
 *    M-Acknowledge.ind (deferred retrieval) ends the recipient in Retrieved;
 *    M-NotifyResp.ind Deferred moves it to Deferred, Rejected or Unrecognised ends it in
 *    Rejected. These are answered 204; a POST of another PDU type is answered
 *    M-Send.conf Error-unsupported-message.
 * 5. Reports: if the originator asked for a delivery report and the recipient allows it
 *    (X-Mms-Report-Allowed), each state change to Deferred or to a terminal state pushes an
 *    M-Delivery.ind to the originator; an M-Read-Rec.ind from a recipient is pushed to the
 *    originator as M-Read-Orig.ind while the message has not expired and a read report was
 *    asked for.
 * 6. End: at the message's expiry (X-Mms-Expiry, else DefaultExpiry, at most MaxExpiry) every
 *    recipient not yet terminal becomes Expired and the Server drops the MM on its own; when
 *    all recipients are terminal before that, the Relay DELETEs the MM from the Server.
 * A recipient that is not a subscriber of this MMSE ends Failed at once, unless MM4 is on
 * (GetMm4(), MmsRelayMm4Agent): then a number of another operator is forwarded to that
 * operator's Relay over SMTP and ends Forwarded here once accepted; a message forwarded to
 * this Relay is stored and delivered as a local one, its reports going back over MM4. Notification
 * attempts that run out leave the recipient Notifying until expiry.
 *
 * Capacity: MM1 requests go through a pool of Workers with a FIFO queue of at most
 * QueueLimit waiting (a c-server queue); the service time depends on the transaction type
 * (SubmitTime, RetrieveTime, ReportTime). A request that finds the queue full is answered at
 * once: M-Send.conf Error-transient-failure for a submission, 503 with Retry-After otherwise.
 * A queued request whose client has gone (it timed out and closed its connection) is dropped
 * unserved when its turn comes (MmsTransport::IsAwaitingResponse()). Store, fetch and PAP
 * exchanges are not counted in the pool.
 *
 * Retried submissions: an M-Send.req with the originator and X-Mms-Transaction-Id of one
 * accepted within DuplicateWindow (a User Agent that timed out before the M-Send.conf came and
 * sent it again) is answered Ok with the first Message-ID and not stored again, so a message
 * is delivered once however often it was sent; while the first is still being stored the
 * repeat gets Error-transient-failure.
 *
 * Trace sources: QueueLength (a traced value), Transaction (type, wait, service time of each
 * MM1 transaction entering service), StateTransition (every (message, recipient) state change;
 * once with from = to = Notifying when the pair is created), and MmsEvent sources for each
 * lifecycle step: SubmitReceived, Accepted, Refused, Stored, NotificationQueued,
 * NotificationFailed, RetrieveServed, Retrieved, Rejected, Expired, Failed, Forwarded,
 * DeliveryReportSent, ReadReportSent and Malformed. GetCounters() keeps the totals for the
 * conservation check: every accepted (message, recipient) pair ends in exactly one of
 * retrieved, rejected, expired, failed or forwarded.
 *
 * Usage: MmsHelper::InstallCore() installs a Relay with its Server, PPG and SMSC and points
 * the User Agents at it; MmsHelper::InstallRelay() adds a Relay that shares them. The Relay
 * needs the MMSE's subscriber directory (MmsApplication::SetDirectory()).
 *
 * MM7: POSTs to the path of the Mm7 endpoint (MmsRelayMm7, attribute Mm7) are MM7 requests
 * of value-added service providers; a submission is checked, stored and delivered as an MM1
 * one from the VASP's address, and its delivery reports go back over MM7. MM4: recipients of
 * other operators' number ranges are forwarded to their Relays over SMTP (MmsRelayMm4Agent).
 *
 * Limits: no MM3 to e-mail; no message
 * forwarding, MMBox, cancellation or replacement; every recipient is notified through the
 * one PPG, by its number.
 */
class MmsRelay : public MmsApplication
{
    friend class MmsRelayMm7; // MM7 submissions enter HandleSend(), answers leave AnswerSend()

  public:
    /// Where a (message, recipient) pair is. The last five are terminal.
    enum RecipientState
    {
        NOTIFYING,  //!< notification pushes under way, no answer yet
        DEFERRED,   //!< the recipient answered Deferred
        RETRIEVING, //!< M-Retrieve.conf served, acknowledgement awaited
        RETRIEVED,  //!< acknowledged (terminal)
        REJECTED,   //!< the recipient refused it (terminal)
        EXPIRED,    //!< not retrieved before expiry (terminal)
        FAILED,     //!< cannot be delivered: not a subscriber of this MMSE (terminal)
        FORWARDED,  //!< accepted by another operator's Relay over MM4 (terminal)
    };

    /// Kinds of MM1 transactions, each with its own service time.
    enum TransactionType
    {
        SUBMIT,   //!< POST of M-Send.req
        RETRIEVE, //!< GET of a Content-Location
        REPORT,   //!< POST of M-NotifyResp.ind, M-Acknowledge.ind or M-Read-Rec.ind
    };

    /// What a submission beyond the licensed rate (LicensedRate) gets.
    enum LicensePolicy
    {
        LICENSE_QUEUE,  //!< it waits until the licence admits it
        LICENSE_REJECT, //!< it is refused at once (Error-transient-failure)
    };

    /**
     * The name of a recipient state, as results files write it.
     * \param s the state
     * \return "Notifying", "Deferred", "Retrieving", "Retrieved", "Rejected", "Expired",
     * "Failed" or "Forwarded"
     */
    static std::string StateName(RecipientState s);
    /**
     * Whether a recipient state is final.
     * \param s the state
     * \return true for Retrieved, Rejected, Expired, Failed and Forwarded
     */
    static bool IsTerminal(RecipientState s);
    /**
     * The name of a transaction type.
     * \param t the type
     * \return "submit", "retrieve" or "report"
     */
    static std::string TransactionName(TransactionType t);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a Relay; it listens on Port when the application starts.
    MmsRelay();
    ~MmsRelay() override;

    /**
     * Assign fixed random variable stream numbers to SubmitTime, RetrieveTime and ReportTime.
     * \param stream first stream index
     * \return the number of streams used (3)
     */
    int64_t AssignStreams(int64_t stream) override;

    /**
     * Trace signature of StateTransition: a (message, recipient) pair changed state.
     * \param messageId the Message-ID
     * \param recipient the recipient's address as in the M-Send.req
     * \param from the old state (equal to `to` when the pair is created)
     * \param to the new state
     */
    typedef void (*StateTransitionTracedCallback)(const std::string& messageId,
                                                  const std::string& recipient,
                                                  RecipientState from,
                                                  RecipientState to);
    /**
     * Trace signature of Transaction: an MM1 transaction entered service.
     * \param type its type
     * \param wait the time it waited for a worker
     * \param service its service time
     */
    typedef void (*TransactionTracedCallback)(TransactionType type, Time wait, Time service);

    /// Counts for summaries and the conservation check.
    struct Counters
    {
        uint64_t submissions{0};    //!< M-Send.req received
        uint64_t accepted{0};       //!< answered Ok
        uint64_t refused{0};        //!< answered with an error status
        uint64_t overflow{0};       //!< refused because the queue was full
        uint64_t overLicence{0};    //!< refused beyond the licensed rate (policy Reject)
        uint64_t licenceDelayed{0}; //!< held back to the licensed rate (policy Queue)
        uint64_t abandoned{0};      //!< queued requests dropped unserved: their client had gone
        uint64_t duplicates{0};    //!< M-Send.req answered Ok with the Message-ID of an earlier one
        uint64_t recipients{0};    //!< (message, recipient) pairs accepted
        uint64_t retrieved{0};     //!< pairs ended Retrieved
        uint64_t rejected{0};      //!< pairs ended Rejected
        uint64_t expired{0};       //!< pairs ended Expired
        uint64_t failed{0};        //!< pairs ended Failed
        uint64_t forwarded{0};     //!< pairs ended Forwarded (handed to another MMSE over MM4)
        uint64_t mm4Received{0};   //!< pairs received over MM4 (counted in recipients too)
        uint64_t mm3Received{0};   //!< pairs received as e-mail over MM3 (in recipients too)
        uint64_t notifications{0}; //!< notification pushes submitted (re-notifications too)
        uint64_t deliveryReports{0}; //!< M-Delivery.ind pushes submitted
        uint64_t readReports{0};     //!< M-Read-Orig.ind pushes submitted
        uint64_t malformed{0};       //!< requests that were not valid MMS PDUs
    };

    /**
     * The totals so far.
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * Pairs not yet in a terminal state.
     * \return recipients - retrieved - rejected - expired - failed - forwarded
     */
    uint64_t GetPendingRecipients() const;
    /**
     * MM1 transactions waiting for a worker (the QueueLength trace source).
     * \return the queue length
     */
    uint32_t GetQueueLength() const;
    /**
     * Workers serving a transaction now.
     * \return between 0 and Workers
     */
    uint32_t GetBusyWorkers() const;
    /**
     * Messages the Relay still tracks, each counted once: those being stored or in delivery
     * (dropped when the last recipient reaches a terminal state, or at the expiry), and those
     * whose deliveries all ended but which asked for a read report, kept until their expiry
     * (a recipient may read the message any time before; only the originator is kept).
     * \return the number of messages tracked; 0 once every message is forgotten
     */
    uint64_t GetTrackedMessages() const;
    /**
     * The MM4 interface (off until its Operator attribute is set).
     * \return the agent, owned by the Relay
     */
    Ptr<MmsRelayMm4Agent> GetMm4() const;
    /**
     * The operator a message came from over MM4, while the Relay tracks it.
     * \param messageId the Message-ID this Relay gave it
     * \return the originating operator; "" for a message submitted here, or one not tracked
     */
    std::string GetOriginOperator(const std::string& messageId) const;
    /**
     * Whether a message came from outside over MM3 (e-mail), while the Relay tracks it.
     * \param messageId the Message-ID this Relay gave it
     * \return true for a mail received from the mail server
     */
    bool IsFromMm3(const std::string& messageId) const;
    /**
     * The originating Relay's Message-ID of a message received over MM4 (MM4_forward.REQ's
     * X-Mms-Message-ID), while the Relay tracks it: what joins the deliveries of an off-net
     * message to its submission in a results file.
     * \param messageId the Message-ID this Relay gave it
     * \return the originating Relay's Message-ID; "" for a message submitted here, or one not
     *         tracked
     */
    std::string GetOriginMessageId(const std::string& messageId) const;

  protected:
    /// Cancel the expiry and re-notification events and drop every message and queued request.
    void DoDispose() override;

  private:
    friend class MmsRelayMm4Agent;

    struct Recipient
    {
        std::string address; //!< as in the M-Send.req ("+44.../TYPE=PLMN")
        RecipientState state{NOTIFYING};
        uint32_t notifications{0};
        bool reportAllowed{true};
        EventId renotify;
    };

    struct Message
    {
        std::string id;
        std::string originator; //!< "+44.../TYPE=PLMN"
        std::string submitTid;
        MmsPdu pdu;       //!< the M-Send.req, media virtual
        uint64_t size{0}; //!< octets of the M-Send.req
        Time expiry;
        bool deliveryReport{false};
        bool readReport{false};
        bool stored{false};
        std::vector<Recipient> recipients;
        uint32_t open{0}; //!< recipients not terminal
        EventId expiryEvent;
        std::string originMessageId; //!< received over MM4: the originating Relay's Message-ID
        std::string failReason;      //!< received over MM4 and not stored: why
        std::string originOperator;  //!< received over MM4: the originating operator
        bool viaMm3{false};          //!< received as e-mail over MM3
    };

    struct Job
    {
        MmsTransport::ExchangeId exchange{0};
        MmsHttpMessage request;
        Address from;
        Time arrival;
        TransactionType type{SUBMIT};
    };

    enum Pending
    {
        STORE,
        FETCH,
        DELETE_STORED,
        PUSH,
        STORE_MM4, //!< a message received over MM4
    };

    struct Outstanding
    {
        Pending kind{STORE};
        MmsTransport::ExchangeId exchange{0};
        std::string messageId;
        uint32_t recipient{0};
        std::string pushId;
    };

    void StartApplication() override;
    void StopApplication() override;

    // the worker pool
    void HandleRequest(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address& from);
    void StartJob(Job job);
    void Admit(Job job);
    void ReleaseLicensed();
    void RefuseSubmission(const Job& job, const std::string& why);
    void FinishJob(uint64_t jobId);
    void Process(const Job& job);

    // MM1
    void HandleSend(const Job& job, const MmsPdu& pdu, const std::string& interfaceOriginator = "");
    bool AnswerDuplicate(const Job& job, const std::string& key, const std::string& tid);
    void AnswerSend(MmsTransport::ExchangeId ex,
                    const std::string& tid,
                    uint8_t status,
                    const std::string& messageId,
                    const std::string& text);
    void HandleNotifyResp(const Job& job, const MmsPdu& pdu);
    void HandleAcknowledge(const Job& job, const MmsPdu& pdu);
    void HandleReadRec(const Job& job, const MmsPdu& pdu);
    void HandleRetrieve(const Job& job);
    void AnswerNotFound(MmsTransport::ExchangeId ex,
                        uint8_t retrieveStatus,
                        const std::string& why);

    // delivery
    void HandleResponse(uint64_t cookie, bool ok, const MmsHttpMessage& r, const std::string& why);
    void StartDelivery(std::string messageId);
    void Notify(std::string messageId, uint32_t index);
    void Push(const std::string& pushId,
              const std::string& number,
              const MmsPdu& pdu,
              int64_t deliverBefore);
    void SetState(Message& m, uint32_t index, RecipientState to, const std::string& detail);
    void Report(Message& m, uint32_t index, uint8_t status);
    void Expire(std::string messageId);
    void Remove(const std::string& messageId, bool deleteStored);
    /// Remove the message if every recipient is settled and StartDelivery is not looping over it.
    void RemoveIfDone(std::string messageId);
    void ForgetReportInfo(std::string messageId);
    uint64_t Track(const Outstanding& o);
    std::string NextMessageId();
    void Store(Message msg, const MmsPdu& pdu, Pending kind, MmsTransport::ExchangeId ex);

    // MM4 (MmsRelayMm4Agent)
    void Mm4Forwarded(const std::string& messageId, uint32_t index, const std::string& peer);
    void Mm4Failed(const std::string& messageId, uint32_t index, const std::string& why);
    void Mm4Accept(const MmsMm4Message& forward, const std::vector<std::string>& recipients);
    void Mm3Accept(const MmsMm4Message& mail, const std::vector<std::string>& recipients);
    void AcceptExternal(const MmsMm4Message& forward,
                        const std::vector<std::string>& recipients,
                        bool mm3);
    void Mm4Report(const MmsMm4Message& report);

    std::string ContentLocation(const std::string& messageId, uint32_t index) const;
    std::string NotificationTid(const std::string& messageId, uint32_t index) const;
    std::string RetrieveTid(const std::string& messageId, uint32_t index) const;
    bool ParseKey(const std::string& key, std::string& messageId, uint32_t& index) const;

    // attributes
    Ptr<MmsRelayMm7> m_mm7; //!< the MM7 endpoint
    uint16_t m_port;
    std::string m_path;
    std::string m_hostName;
    Address m_serverAddress;
    Address m_ppgAddress;
    std::string m_ppgPath;
    std::string m_ppgHost;
    uint64_t m_maxMessageSize;
    std::string m_messageIdPrefix;
    uint32_t m_maxRecipients;
    Time m_defaultExpiry;
    Time m_maxExpiry;
    Time m_duplicateWindow;
    Ptr<MmsRetryPolicy> m_notifyPolicy;
    uint32_t m_workers;
    uint32_t m_queueLimit;
    double m_licensedRate;
    Time m_licenseTolerance;
    LicensePolicy m_licensePolicy;
    Ptr<RandomVariableStream> m_submitTime;
    Ptr<RandomVariableStream> m_retrieveTime;
    Ptr<RandomVariableStream> m_reportTime;

    // state
    std::deque<Job> m_queue;
    std::map<uint64_t, Job> m_inService;
    uint32_t m_busy{0};
    Time m_licenseNext{0};          //!< the licence's theoretical time of the next submission
    std::deque<Job> m_licenseQueue; //!< submissions held back by the licence (policy Queue)
    EventId m_licenseRelease;       //!< the next release of a held-back submission
    uint64_t m_nextJob{1};
    std::map<std::string, Message> m_messages;

    struct ReportInfo
    {
        std::string originator;
        Time until;
        std::string originMessageId; //!< received over MM4: the originating Relay's id
    };

    /// Messages no longer in m_messages that asked for a read report, until their expiry.
    std::map<std::string, ReportInfo> m_reportInfo;
    std::map<uint64_t, Outstanding> m_outstanding;

    struct SubmitKey
    {
        std::string messageId;
        Time at;
    };

    /// Accepted submissions by originator and transaction id, for DuplicateWindow.
    std::map<std::string, SubmitKey> m_submitKeys;
    std::deque<std::pair<Time, std::string>> m_submitKeyOrder; //!< oldest first
    uint64_t m_nextCookie{1};
    uint64_t m_nextMessage{1};
    Counters m_counters;
    std::string m_delivering; //!< the message StartDelivery is looping over; "" none
    Ptr<MmsRelayMm4Agent> m_mm4;
    TracedValue<uint32_t> m_queueLength{0};

    TracedCallback<const MmsEvent&> m_submitReceivedTrace;
    TracedCallback<const MmsEvent&> m_acceptedTrace;
    TracedCallback<const MmsEvent&> m_refusedTrace;
    TracedCallback<const MmsEvent&> m_storedTrace;
    TracedCallback<const MmsEvent&> m_notificationQueuedTrace;
    TracedCallback<const MmsEvent&> m_notificationFailedTrace;
    TracedCallback<const MmsEvent&> m_retrieveServedTrace;
    TracedCallback<const MmsEvent&> m_retrievedTrace;
    TracedCallback<const MmsEvent&> m_rejectedTrace;
    TracedCallback<const MmsEvent&> m_expiredTrace;
    TracedCallback<const MmsEvent&> m_failedTrace;
    TracedCallback<const MmsEvent&> m_forwardedTrace;
    TracedCallback<const MmsEvent&> m_deliveryReportTrace;
    TracedCallback<const MmsEvent&> m_readReportTrace;
    TracedCallback<const MmsEvent&> m_malformedTrace;
    TracedCallback<const std::string&, const std::string&, RecipientState, RecipientState>
        m_stateTrace;
    TracedCallback<TransactionType, Time, Time> m_transactionTrace;
};

} // namespace ns3

#endif /* MMS_RELAY_H */
