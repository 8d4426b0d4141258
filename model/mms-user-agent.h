/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_USER_AGENT_H
#define MMS_USER_AGENT_H

// The MMS User Agent of a handset (TS 23.140 MM1, OMA MMS CTR): submits M-Send.req by HTTP
// POST, receives WSP Push (over SMS, reassembled, or over UDP port 2948), retrieves by HTTP GET
// immediately, deferred or by size, acknowledges, sends read reports, retries failed HTTP
// transactions on a schedule, and can be switched off (then nothing reaches it).

#include "mms-application.h"
#include "mms-retry-policy.h"
#include "mms-traffic-model.h"
#include "mms-radio-bearer-net-device.h"
#include "mms-wdp-sms.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <memory>

namespace ns3
{

class ErrorModel;

/**
 * \ingroup mms
 * MMS User Agent (originator and recipient) on a handset.
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
        std::string subject;
        std::string contentClass; //!< content class for the results ("image-basic", ...), or ""
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsUserAgent();
    ~MmsUserAgent() override;

    int64_t AssignStreams(int64_t stream) override;

    std::string GetMsisdn() const;
    void SetMsisdn(const std::string& msisdn);
    /// Submit a message now; returns the X-Mms-Transaction-Id of its M-Send.req.
    std::string Send(const Message& message);
    /// Switch the handset off (or out of coverage): nothing reaches it, nothing leaves it.
    void SwitchOff();
    void SwitchOn();
    bool IsOn() const;
    /// Switch off at `start` (from now) for `duration`.
    void ScheduleOffPeriod(Time start, Time duration);

    /// Trace signature of on/off changes.
    typedef void (*SwitchTracedCallback)(const std::string& element, bool on);

    /// Counters for tests and summaries.
    struct Counters
    {
        uint64_t submitted{0};
        uint64_t submitConfirmed{0};
        uint64_t submitRejected{0};
        uint64_t notifications{0};
        uint64_t duplicateNotifications{0};
        uint64_t retrieved{0};
        uint64_t deliveryReports{0};
        uint64_t readReportsSent{0};
        uint64_t readReportsReceived{0};
        uint64_t failedTransactions{0};
        uint64_t smsReceived{0};
    };

    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
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
    void GenerateMessage();
    void ToggleOnOff();

    uint64_t Start(const Transaction& t);
    void Attempt(uint64_t id);
    void HandleResponse(uint64_t id, bool ok, const MmsHttpMessage& r, const std::string& why);
    void Retry(uint64_t id, const std::string& why);
    void Complete(uint64_t id, const MmsHttpMessage& r);

    void HandlePushDatagram(const std::vector<uint8_t>& data, const Address& from);
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
    bool m_sentFromModel{false}; //!< the model's first send time was drawn
    Ptr<RandomVariableStream> m_interArrival;
    Ptr<RandomVariableStream> m_messageSize;
    Ptr<RandomVariableStream> m_recipientCount;
    bool m_requestDeliveryReport;
    bool m_requestReadReport;
    bool m_onOff;
    Ptr<RandomVariableStream> m_onTime;
    Ptr<RandomVariableStream> m_offTime;
    bool m_blackout;
    Ptr<UniformRandomVariable> m_draw;

    // state
    bool m_on{true};
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
};

} // namespace ns3

#endif /* MMS_USER_AGENT_H */
