/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RELAY_H
#define MMS_RELAY_H

// The MMS Relay of TS 23.140: the MM1 HTTP server (POST of M-Send.req, M-NotifyResp.ind,
// M-Acknowledge.ind, M-Read-Rec.ind; GET of Content-Locations), the Push Initiator towards the
// PPG (PAP), and the client of the MMS Server's store protocol. It assigns Message-IDs, checks
// submissions, stores them, notifies each recipient, re-notifies on a policy, expires, and sends
// delivery and read reports. Its MM1 work passes through a pool of workers with a bounded queue
// (a c-server queue whose service time depends on the transaction type).

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

/**
 * \ingroup mms
 * MMS Relay: MM1 server, Push Initiator and per-recipient delivery state machine.
 */
class MmsRelay : public MmsApplication
{
  public:
    /// Where a (message, recipient) pair is. The last four are terminal.
    enum RecipientState
    {
        NOTIFYING,  //!< notification pushes under way, no answer yet
        DEFERRED,   //!< the recipient answered Deferred
        RETRIEVING, //!< M-Retrieve.conf served, acknowledgement awaited
        RETRIEVED,  //!< acknowledged (terminal)
        REJECTED,   //!< the recipient refused it (terminal)
        EXPIRED,    //!< not retrieved before expiry (terminal)
        FAILED,     //!< cannot be delivered: not a subscriber of this MMSE (terminal)
    };

    /// Kinds of MM1 transactions, each with its own service time.
    enum TransactionType
    {
        SUBMIT,   //!< POST of M-Send.req
        RETRIEVE, //!< GET of a Content-Location
        REPORT,   //!< POST of M-NotifyResp.ind, M-Acknowledge.ind or M-Read-Rec.ind
    };

    static std::string StateName(RecipientState s);
    static bool IsTerminal(RecipientState s);
    static std::string TransactionName(TransactionType t);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsRelay();
    ~MmsRelay() override;

    int64_t AssignStreams(int64_t stream) override;

    /// Trace signature of per-recipient state changes.
    typedef void (*StateTransitionTracedCallback)(const std::string& messageId,
                                                  const std::string& recipient,
                                                  RecipientState from,
                                                  RecipientState to);
    /// Trace signature of a transaction entering service: its type, queueing wait and service.
    typedef void (*TransactionTracedCallback)(TransactionType type, Time wait, Time service);

    /// Counts for summaries and the conservation check.
    struct Counters
    {
        uint64_t submissions{0}; //!< M-Send.req received
        uint64_t accepted{0};    //!< answered Ok
        uint64_t refused{0};     //!< answered with an error status
        uint64_t overflow{0};    //!< refused because the queue was full
        uint64_t recipients{0};  //!< (message, recipient) pairs accepted
        uint64_t retrieved{0};
        uint64_t rejected{0};
        uint64_t expired{0};
        uint64_t failed{0};
        uint64_t notifications{0}; //!< notification pushes submitted (re-notifications too)
        uint64_t deliveryReports{0};
        uint64_t readReports{0};
        uint64_t malformed{0}; //!< requests that were not valid MMS PDUs
    };

    const Counters& GetCounters() const;
    /// Pairs not yet in a terminal state.
    uint64_t GetPendingRecipients() const;
    uint32_t GetQueueLength() const;
    /// Workers serving a transaction now.
    uint32_t GetBusyWorkers() const;
    /// Messages the Relay still tracks (stored, or kept for read reports until their expiry).
    uint64_t GetTrackedMessages() const;

  protected:
    void DoDispose() override;

  private:
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
    void FinishJob(uint64_t jobId);
    void Process(const Job& job);

    // MM1
    void HandleSend(const Job& job, const MmsPdu& pdu);
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
    void ForgetReportInfo(std::string messageId);
    uint64_t Track(const Outstanding& o);

    std::string ContentLocation(const std::string& messageId, uint32_t index) const;
    std::string NotificationTid(const std::string& messageId, uint32_t index) const;
    std::string RetrieveTid(const std::string& messageId, uint32_t index) const;
    bool ParseKey(const std::string& key, std::string& messageId, uint32_t& index) const;

    // attributes
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
    Ptr<MmsRetryPolicy> m_notifyPolicy;
    uint32_t m_workers;
    uint32_t m_queueLimit;
    Ptr<RandomVariableStream> m_submitTime;
    Ptr<RandomVariableStream> m_retrieveTime;
    Ptr<RandomVariableStream> m_reportTime;

    // state
    std::deque<Job> m_queue;
    std::map<uint64_t, Job> m_inService;
    uint32_t m_busy{0};
    uint64_t m_nextJob{1};
    std::map<std::string, Message> m_messages;

    struct ReportInfo
    {
        std::string originator;
        bool readReport{false};
        Time until;
    };

    std::map<std::string, ReportInfo> m_reportInfo; //!< kept until expiry, for read reports
    std::map<uint64_t, Outstanding> m_outstanding;
    uint64_t m_nextCookie{1};
    uint64_t m_nextMessage{1};
    Counters m_counters;
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
    TracedCallback<const MmsEvent&> m_deliveryReportTrace;
    TracedCallback<const MmsEvent&> m_readReportTrace;
    TracedCallback<const MmsEvent&> m_malformedTrace;
    TracedCallback<const std::string&, const std::string&, RecipientState, RecipientState>
        m_stateTrace;
    TracedCallback<TransactionType, Time, Time> m_transactionTrace;
};

} // namespace ns3

#endif /* MMS_RELAY_H */
