/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-relay.h"

#include "mms-ladder.h"
#include "mms-mm4-message.h"
#include "mms-pap-message.h"
#include "mms-relay-mm4.h"
#include "mms-relay-mm7.h"

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cstdio>
#include <optional>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsRelay");
NS_OBJECT_ENSURE_REGISTERED(MmsRelay);

namespace
{
Ptr<MmsRetryPolicy>
MbuniNotificationPolicy()
{
    Ptr<MmsRetryPolicy> p = CreateObject<MmsRetryPolicy>();
    p->SetKind(MmsRetryPolicy::LINEAR);
    p->SetAttribute("Interval", TimeValue(Seconds(300)));
    p->SetAttribute("MaxAttempts", UintegerValue(5));
    return p;
}
} // namespace

std::string
MmsRelay::StateName(RecipientState s)
{
    switch (s)
    {
        case NOTIFYING:
            return "Notifying";
        case DEFERRED:
            return "Deferred";
        case RETRIEVING:
            return "Retrieving";
        case RETRIEVED:
            return "Retrieved";
        case REJECTED:
            return "Rejected";
        case EXPIRED:
            return "Expired";
        case FAILED:
            return "Failed";
        case FORWARDED:
            return "Forwarded";
    }
    return "?";
}

bool
MmsRelay::IsTerminal(RecipientState s)
{
    return s == RETRIEVED || s == REJECTED || s == EXPIRED || s == FAILED || s == FORWARDED;
}

std::string
MmsRelay::TransactionName(TransactionType t)
{
    switch (t)
    {
        case SUBMIT:
            return "submit";
        case RETRIEVE:
            return "retrieve";
        case REPORT:
            return "report";
    }
    return "?";
}

TypeId
MmsRelay::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRelay")
            .SetParent<MmsApplication>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRelay>()
            .AddAttribute("Mm7",
                          "The MM7 endpoint (MmsRelayMm7) serving value-added service "
                          "providers on Port; created with the Relay.",
                          PointerValue(),
                          MakePointerAccessor(&MmsRelay::m_mm7),
                          MakePointerChecker<MmsRelayMm7>())
            .AddAttribute("Port",
                          "TCP port of the MM1 interface (the MMSC URI's port).",
                          UintegerValue(80),
                          MakeUintegerAccessor(&MmsRelay::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Path",
                          "Path of the MMSC URI; Content-Locations are <Path>/r/<id>/<n>.",
                          StringValue("/mms"),
                          MakeStringAccessor(&MmsRelay::m_path),
                          MakeStringChecker())
            .AddAttribute("HostName",
                          "Host of the MMSC URI, written in Content-Locations.",
                          StringValue("mmsc.mms.example.net"),
                          MakeStringAccessor(&MmsRelay::m_hostName),
                          MakeStringChecker())
            .AddAttribute("MessageIdPrefix",
                          "Text before the eight-digit number of each Message-ID this Relay "
                          "assigns (\"M\" gives M00000001). Relays that share a Server or "
                          "write to one results file need different prefixes.",
                          StringValue("M"),
                          MakeStringAccessor(&MmsRelay::m_messageIdPrefix),
                          MakeStringChecker())
            .AddAttribute("ServerAddress",
                          "Address (IP and port) of the MMS Server's store protocol.",
                          AddressValue(),
                          MakeAddressAccessor(&MmsRelay::m_serverAddress),
                          MakeAddressChecker())
            .AddAttribute("PpgAddress",
                          "Address (IP and port) of the PPG's PAP interface.",
                          AddressValue(),
                          MakeAddressAccessor(&MmsRelay::m_ppgAddress),
                          MakeAddressChecker())
            .AddAttribute("PpgPath",
                          "Request target of PAP submissions (ns3::MmsWapPushProxyGateway::Path).",
                          StringValue("/wappush"),
                          MakeStringAccessor(&MmsRelay::m_ppgPath),
                          MakeStringChecker())
            .AddAttribute("PpgHost",
                          "PPG name in PAP addresses (WAPPUSH=<number>/TYPE=PLMN@<PpgHost>).",
                          StringValue("ppg.mms.example.net"),
                          MakeStringAccessor(&MmsRelay::m_ppgHost),
                          MakeStringChecker())
            .AddAttribute("MaxMessageSize",
                          "Largest M-Send.req accepted (octets); larger ones get "
                          "Error-permanent-content-not-accepted. Default 300 KiB (Android's "
                          "maxMessageSize; OMA Content Rich class).",
                          UintegerValue(300 * 1024),
                          MakeUintegerAccessor(&MmsRelay::m_maxMessageSize),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("MaxRecipients",
                          "Most recipients (To, Cc and Bcc) of one message; more get "
                          "Error-permanent-content-not-accepted. Default 20 (a modelling "
                          "choice; operators set their own).",
                          UintegerValue(20),
                          MakeUintegerAccessor(&MmsRelay::m_maxRecipients),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("DefaultExpiry",
                          "Expiry of a message that sets no X-Mms-Expiry. Default 72 h, the "
                          "most common expiry in real notifications (doc/mms.rst).",
                          TimeValue(Hours(72)),
                          MakeTimeAccessor(&MmsRelay::m_defaultExpiry),
                          MakeTimeChecker())
            .AddAttribute("MaxExpiry",
                          "Longest expiry granted, whatever the message asks. Default 7 days "
                          "(the longest seen in real notifications).",
                          TimeValue(Days(7)),
                          MakeTimeAccessor(&MmsRelay::m_maxExpiry),
                          MakeTimeChecker())
            .AddAttribute("DuplicateWindow",
                          "How long an accepted M-Send.req's originator and transaction id are "
                          "remembered: the same pair again within it is answered Ok with the "
                          "first Message-ID and not stored again (a retry whose first "
                          "M-Send.conf was lost). Default 1 h (longer than the User Agent's "
                          "default retries, 46 min; a modelling choice); 0 remembers none.",
                          TimeValue(Hours(1)),
                          MakeTimeAccessor(&MmsRelay::m_duplicateWindow),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("NotificationPolicy",
                          "Schedule of notification pushes until the recipient answers. "
                          "Default Linear, 300 s x n, 5 attempts (Mbuni's queue back-off).",
                          PointerValue(),
                          MakePointerAccessor(&MmsRelay::m_notifyPolicy),
                          MakePointerChecker<MmsRetryPolicy>())
            .AddAttribute("Workers",
                          "MM1 transactions served at once.",
                          UintegerValue(8),
                          MakeUintegerAccessor(&MmsRelay::m_workers),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("QueueLimit",
                          "MM1 transactions waiting for a worker at most; beyond it a "
                          "submission gets Error-transient-failure and other requests 503.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&MmsRelay::m_queueLimit),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("LicensedRate",
                          "Licensed rate of submissions (M-Send.req per second), as MMSC "
                          "vendors license capacity; 0: no licence limit. Submissions beyond "
                          "it get LicensePolicy. Default 0.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&MmsRelay::m_licensedRate),
                          MakeDoubleChecker<double>(0))
            .AddAttribute(
                "LicenseTolerance",
                "Burst the licence lets through above LicensedRate (s): a submission "
                "is within the licence when it comes at most this long before its "
                "turn at the licensed spacing (a virtual-scheduling rate check). "
                "Default 1 s: a burst of about LicensedRate x 1 s submissions passes at once.",
                TimeValue(Seconds(1)),
                MakeTimeAccessor(&MmsRelay::m_licenseTolerance),
                MakeTimeChecker(Seconds(0)))
            .AddAttribute("LicensePolicy",
                          "What a submission beyond LicensedRate gets: Queue (it waits for its "
                          "turn at the licensed spacing before it queues for a worker) or "
                          "Reject (Error-transient-failure at once, no service). Default Queue.",
                          EnumValue(MmsRelay::LICENSE_QUEUE),
                          MMS_ENUM_ACCESSOR(MmsRelay::LicensePolicy, &MmsRelay::m_licensePolicy),
                          MakeEnumChecker(
                              MmsRelay::LICENSE_QUEUE, "Queue", MmsRelay::LICENSE_REJECT, "Reject"))
            .AddAttribute("SubmitTime",
                          "Service time of an M-Send.req (s). Default 20 ms (a modelling "
                          "choice; set it from the MMSC's measured capacity).",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.02]"),
                          MakePointerAccessor(&MmsRelay::m_submitTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("RetrieveTime",
                          "Service time of a retrieval GET (s). Default 10 ms.",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.01]"),
                          MakePointerAccessor(&MmsRelay::m_retrieveTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("ReportTime",
                          "Service time of M-NotifyResp.ind, M-Acknowledge.ind and "
                          "M-Read-Rec.ind (s). Default 2 ms.",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.002]"),
                          MakePointerAccessor(&MmsRelay::m_reportTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddTraceSource("QueueLength",
                            "MM1 transactions waiting for a worker.",
                            MakeTraceSourceAccessor(&MmsRelay::m_queueLength),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("Transaction",
                            "An MM1 transaction entered service: type, wait, service time.",
                            MakeTraceSourceAccessor(&MmsRelay::m_transactionTrace),
                            "ns3::MmsRelay::TransactionTracedCallback")
            .AddTraceSource("StateTransition",
                            "A (message, recipient) pair changed state.",
                            MakeTraceSourceAccessor(&MmsRelay::m_stateTrace),
                            "ns3::MmsRelay::StateTransitionTracedCallback")
            .AddTraceSource("SubmitReceived",
                            "An M-Send.req arrived.",
                            MakeTraceSourceAccessor(&MmsRelay::m_submitReceivedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Accepted",
                            "M-Send.conf Ok was sent: the message is stored.",
                            MakeTraceSourceAccessor(&MmsRelay::m_acceptedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Refused",
                            "M-Send.conf with an error status was sent (detail: status).",
                            MakeTraceSourceAccessor(&MmsRelay::m_refusedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Stored",
                            "The MMS Server stored the message.",
                            MakeTraceSourceAccessor(&MmsRelay::m_storedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("NotificationQueued",
                            "An M-Notification.ind was submitted to the PPG (detail: attempt).",
                            MakeTraceSourceAccessor(&MmsRelay::m_notificationQueuedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("NotificationFailed",
                            "The PPG refused a push or could not be reached.",
                            MakeTraceSourceAccessor(&MmsRelay::m_notificationFailedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("RetrieveServed",
                            "An M-Retrieve.conf with the message was sent.",
                            MakeTraceSourceAccessor(&MmsRelay::m_retrieveServedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Retrieved",
                            "A recipient acknowledged its retrieval (terminal).",
                            MakeTraceSourceAccessor(&MmsRelay::m_retrievedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Rejected",
                            "A recipient rejected the message (terminal).",
                            MakeTraceSourceAccessor(&MmsRelay::m_rejectedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Expired",
                            "A recipient had not retrieved the message at expiry (terminal).",
                            MakeTraceSourceAccessor(&MmsRelay::m_expiredTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Failed",
                            "A recipient cannot be delivered to (terminal; detail: why).",
                            MakeTraceSourceAccessor(&MmsRelay::m_failedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Forwarded",
                            "Another operator's Relay accepted the recipient's MM4_forward.REQ "
                            "(terminal here; detail: the operator).",
                            MakeTraceSourceAccessor(&MmsRelay::m_forwardedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("DeliveryReportSent",
                            "An M-Delivery.ind was pushed to the originator (detail: status).",
                            MakeTraceSourceAccessor(&MmsRelay::m_deliveryReportTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("ReadReportSent",
                            "An M-Read-Orig.ind was pushed to the originator.",
                            MakeTraceSourceAccessor(&MmsRelay::m_readReportTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Malformed",
                            "A request was not a valid MMS PDU (detail: decoder message).",
                            MakeTraceSourceAccessor(&MmsRelay::m_malformedTrace),
                            "ns3::MmsEventTracedCallback");
    return tid;
}

MmsRelay::MmsRelay()
    : m_mm7(CreateObject<MmsRelayMm7>())
    , m_mm4(CreateObject<MmsRelayMm4Agent>())
{
    m_mm7->SetRelay(this);
    m_mm4->SetRelay(this);
}

MmsRelay::~MmsRelay() = default;

int64_t
MmsRelay::AssignStreams(int64_t stream)
{
    m_submitTime->SetStream(stream);
    m_retrieveTime->SetStream(stream + 1);
    m_reportTime->SetStream(stream + 2);
    return 3;
}

const MmsRelay::Counters&
MmsRelay::GetCounters() const
{
    return m_counters;
}

uint64_t
MmsRelay::GetPendingRecipients() const
{
    return m_counters.recipients - m_counters.retrieved - m_counters.rejected - m_counters.expired
           - m_counters.failed - m_counters.forwarded;
}

uint64_t
MmsRelay::GetTrackedMessages() const
{
    return m_messages.size() + m_reportInfo.size(); // disjoint: each message counted once
}

Ptr<MmsRelayMm4Agent>
MmsRelay::GetMm4() const
{
    return m_mm4;
}

std::string
MmsRelay::GetOriginOperator(const std::string& messageId) const
{
    auto it = m_messages.find(messageId);
    return it == m_messages.end() ? "" : it->second.originOperator;
}

bool
MmsRelay::IsFromMm3(const std::string& messageId) const
{
    auto it = m_messages.find(messageId);
    return it != m_messages.end() && it->second.viaMm3;
}

std::string
MmsRelay::GetOriginMessageId(const std::string& messageId) const
{
    auto it = m_messages.find(messageId);
    return it == m_messages.end() || it->second.originOperator.empty() ? ""
                                                                       : it->second.originMessageId;
}

uint32_t
MmsRelay::GetQueueLength() const
{
    return static_cast<uint32_t>(m_queue.size());
}

uint32_t
MmsRelay::GetBusyWorkers() const
{
    return m_busy;
}

void
MmsRelay::DoDispose()
{
    for (auto& [id, m] : m_messages)
    {
        Simulator::Remove(m.expiryEvent);
        for (auto& r : m.recipients)
        {
            Simulator::Remove(r.renotify);
        }
    }
    m_messages.clear();
    m_reportInfo.clear();
    m_queue.clear();
    m_licenseQueue.clear();
    Simulator::Remove(m_licenseRelease);
    m_inService.clear();
    m_submitKeys.clear();
    m_submitKeyOrder.clear();
    m_notifyPolicy = nullptr;
    m_mm7->Dispose();
    if (m_mm4)
    {
        m_mm4->Dispose();
        m_mm4 = nullptr;
    }
    MmsApplication::DoDispose();
}

void
MmsRelay::StartApplication()
{
    if (!m_notifyPolicy)
    {
        m_notifyPolicy = MbuniNotificationPolicy();
    }
    if (GetElementName().rfind("MmsRelay", 0) == 0)
    {
        SetElementName("relay");
    }
    GetTransport()->Listen(m_port, MakeCallback(&MmsRelay::HandleRequest, this));
    m_mm4->Start();
}

void
MmsRelay::StopApplication()
{
    m_mm4->Stop();
}

// ------------------------------------------------------------------------ names and keys

std::string
MmsRelay::ContentLocation(const std::string& messageId, uint32_t index) const
{
    return "http://" + m_hostName + m_path + "/r/" + messageId + "/" + std::to_string(index);
}

std::string
MmsRelay::NotificationTid(const std::string& messageId, uint32_t index) const
{
    return "N" + messageId + "/" + std::to_string(index);
}

std::string
MmsRelay::RetrieveTid(const std::string& messageId, uint32_t index) const
{
    return "R" + messageId + "/" + std::to_string(index);
}

bool
MmsRelay::ParseKey(const std::string& key, std::string& messageId, uint32_t& index) const
{
    auto slash = key.rfind('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= key.size())
    {
        return false;
    }
    messageId = key.substr(0, slash);
    std::string n = key.substr(slash + 1);
    if (n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos)
    {
        return false;
    }
    index = static_cast<uint32_t>(std::stoul(n));
    auto it = m_messages.find(messageId);
    return it != m_messages.end() && index < it->second.recipients.size();
}

uint64_t
MmsRelay::Track(const Outstanding& o)
{
    uint64_t c = m_nextCookie++;
    m_outstanding[c] = o;
    return c;
}

// ------------------------------------------------------------------------ worker pool

void
MmsRelay::HandleRequest(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address& from)
{
    Job job;
    job.exchange = ex;
    job.request = m;
    job.from = from;
    // Through a WAP gateway the source is the gateway: it names the handset's number in
    // X-WAP-Network-Client-MSISDN (MmsWapGateway), which then stands for the source address.
    std::string viaGateway = m.GetHeader("X-WAP-Network-Client-MSISDN");
    Ipv4Address handset;
    if (!viaGateway.empty() && m_directory && m_directory->Resolve(viaGateway, handset))
    {
        job.from = InetSocketAddress(handset, 0);
    }
    job.arrival = Simulator::Now();
    job.type = m.method == "GET" ? RETRIEVE : REPORT;
    if (m.method == "POST" && m.body.size() >= 2 && m.body[0] == 0x8C
        && m.body[1] == static_cast<uint8_t>(MmsMessageType::SEND_REQ))
    {
        job.type = SUBMIT;
    }
    if (job.type == SUBMIT && m_licensedRate > 0)
    {
        // Virtual scheduling: submissions spaced 1 / LicensedRate, LicenseTolerance early at
        // most; those held back wait in arrival order (a slot goes to a live request only).
        const Time now = Simulator::Now();
        if (!m_licenseQueue.empty() || std::max(now, m_licenseNext) - now > m_licenseTolerance)
        {
            if (m_licensePolicy == LICENSE_REJECT)
            {
                m_counters.overLicence++;
                RefuseSubmission(job, "licensed rate exceeded");
                return;
            }
            m_counters.licenceDelayed++;
            m_licenseQueue.push_back(std::move(job));
            if (m_licenseRelease.IsExpired())
            {
                m_licenseRelease = Simulator::Schedule(
                    m_licenseNext - m_licenseTolerance - now, &MmsRelay::ReleaseLicensed, this);
            }
            return;
        }
        m_licenseNext = std::max(now, m_licenseNext) + Seconds(1.0 / m_licensedRate);
    }
    Admit(job);
}

void
MmsRelay::ReleaseLicensed()
{
    // The first held-back submission whose client still waits takes this slot.
    while (!m_licenseQueue.empty())
    {
        Job job = std::move(m_licenseQueue.front());
        m_licenseQueue.pop_front();
        if (!GetTransport()->IsAwaitingResponse(job.exchange))
        {
            m_counters.abandoned++; // its client gave up while the licence held it back
            continue;
        }
        m_licenseNext = std::max(Simulator::Now(), m_licenseNext) + Seconds(1.0 / m_licensedRate);
        Admit(std::move(job));
        break;
    }
    if (!m_licenseQueue.empty())
    {
        m_licenseRelease =
            Simulator::Schedule(m_licenseNext - m_licenseTolerance - Simulator::Now(),
                                &MmsRelay::ReleaseLicensed,
                                this);
    }
}

void
MmsRelay::Admit(Job job)
{
    if (m_busy < m_workers)
    {
        StartJob(job);
        return;
    }
    if (m_queue.size() < m_queueLimit)
    {
        m_queue.push_back(job);
        m_queueLength = static_cast<uint32_t>(m_queue.size());
        return;
    }
    // Overflow: answer at once, without service.
    m_counters.overflow++;
    if (job.type == SUBMIT)
    {
        RefuseSubmission(job, "MMSC busy");
        return;
    }
    MmsHttpMessage r = MmsHttpMessage::Response(503, "Service Unavailable");
    r.AddHeader("Retry-After", "60");
    GetTransport()->Respond(job.exchange, r);
}

void
MmsRelay::RefuseSubmission(const Job& job, const std::string& why)
{
    MmsPdu pdu;
    std::string error;
    MmsHttp::DecodeMmsBody(job.request, pdu, error);
    m_counters.submissions++;
    AnswerSend(job.exchange, pdu.GetTransactionId(), MmsValue::RESPONSE_TRANSIENT_FAILURE, "", why);
}

void
MmsRelay::StartJob(Job job)
{
    m_busy++;
    Ptr<RandomVariableStream> rv = job.type == SUBMIT     ? m_submitTime
                                   : job.type == RETRIEVE ? m_retrieveTime
                                                          : m_reportTime;
    Time service = Seconds(std::max(0.0, rv->GetValue()));
    m_transactionTrace(job.type, Simulator::Now() - job.arrival, service);
    uint64_t id = m_nextJob++;
    m_inService[id] = std::move(job);
    Simulator::Schedule(service, &MmsRelay::FinishJob, this, id);
}

void
MmsRelay::FinishJob(uint64_t jobId)
{
    Job job = std::move(m_inService[jobId]);
    m_inService.erase(jobId);
    m_busy--;
    while (!m_queue.empty())
    {
        Job next = std::move(m_queue.front());
        m_queue.pop_front();
        m_queueLength = static_cast<uint32_t>(m_queue.size());
        if (!GetTransport()->IsAwaitingResponse(next.exchange))
        {
            // Its client gave up (timed out, connection closed): no work is spent on it.
            m_counters.abandoned++;
            continue;
        }
        StartJob(std::move(next));
        break;
    }
    Process(job);
}

void
MmsRelay::Process(const Job& job)
{
    const MmsHttpMessage& m = job.request;
    if (m.method == "GET")
    {
        HandleRetrieve(job);
        return;
    }
    if (m.method == "POST" && m.target == m_mm7->GetPath())
    {
        m_mm7->HandleRequest(job.exchange, m, job.from);
        return;
    }
    if (m.method != "POST" || m.target != m_path)
    {
        MmsHttpMessage r =
            MmsHttpMessage::Response(m.method == "POST" ? 404 : 405,
                                     m.method == "POST" ? "Not Found" : "Method Not Allowed");
        if (m.method != "POST")
        {
            r.AddHeader("Allow", "GET, POST");
        }
        GetTransport()->Respond(job.exchange, r);
        return;
    }
    MmsPdu pdu;
    std::string error;
    if (!MmsHttp::DecodeMmsBody(m, pdu, error))
    {
        // TS 23.140 / OMA MMS ENC: a corrupt submission is answered with M-Send.conf,
        // Error-permanent-message-format-corrupt.
        m_counters.malformed++;
        m_malformedTrace(MakeEvent("", "", pdu.GetTransactionId(), m.GetBodySize(), error));
        if (job.type == SUBMIT)
        {
            m_counters.submissions++;
        }
        AnswerSend(job.exchange,
                   pdu.GetTransactionId(),
                   MmsValue::RESPONSE_PERMANENT_MESSAGE_FORMAT_CORRUPT,
                   "",
                   error);
        return;
    }
    switch (static_cast<MmsMessageType>(pdu.GetMessageType()))
    {
        case MmsMessageType::SEND_REQ:
            HandleSend(job, pdu);
            return;
        case MmsMessageType::NOTIFYRESP_IND:
            HandleNotifyResp(job, pdu);
            return;
        case MmsMessageType::ACKNOWLEDGE_IND:
            HandleAcknowledge(job, pdu);
            return;
        case MmsMessageType::READ_REC_IND:
            HandleReadRec(job, pdu);
            return;
        default:
            m_counters.malformed++;
            m_malformedTrace(
                MakeEvent("",
                          "",
                          pdu.GetTransactionId(),
                          m.GetBodySize(),
                          "unsupported " + MmsPdu::MessageTypeName(pdu.GetMessageType())));
            AnswerSend(job.exchange,
                       pdu.GetTransactionId(),
                       0x88 /* Error-unsupported-message */,
                       "",
                       "unsupported message type");
            return;
    }
}

// ------------------------------------------------------------------------ submission

void
MmsRelay::AnswerSend(MmsTransport::ExchangeId ex,
                     const std::string& tid,
                     uint8_t status,
                     const std::string& messageId,
                     const std::string& text)
{
    MmsPdu conf = MmsPdu::MakeSendConf(tid, status, messageId);
    if (!text.empty() && status != MmsValue::RESPONSE_OK)
    {
        conf.AddField(
            MmsHeaderField::String(MmsField::RESPONSE_TEXT, MmsWspEncodedString{0, text}));
    }
    MmsHttpMessage r = MmsHttp::MakeMmsResponse(conf);
    if (status != MmsValue::RESPONSE_OK)
    {
        m_counters.refused++;
        m_refusedTrace(MakeEvent(messageId,
                                 "",
                                 tid,
                                 r.GetBodySize(),
                                 MmsPdu::FormatValue(*conf.FindField(MmsField::RESPONSE_STATUS))
                                     + (text.empty() ? "" : ": " + text)));
    }
    if (!m_mm7->Answer(ex, status, messageId, text))
    {
        GetTransport()->Respond(ex, r);
    }
}

void
MmsRelay::HandleSend(const Job& job, const MmsPdu& pdu, const std::string& interfaceOriginator)
{
    m_counters.submissions++;
    std::string tid = pdu.GetTransactionId();
    uint64_t size = job.request.GetBodySize();
    m_submitReceivedTrace(MakeEvent("", "", tid, size));
    std::vector<std::string> problems = pdu.Validate();
    if (!problems.empty())
    {
        AnswerSend(job.exchange,
                   tid,
                   MmsValue::RESPONSE_PERMANENT_MESSAGE_FORMAT_CORRUPT,
                   "",
                   problems[0]);
        return;
    }
    // The originator: the subscriber behind the source address (insert-address), or the given
    // address, which must be a subscriber of this MMSE.
    std::string from = pdu.GetFrom();
    std::string originator = interfaceOriginator; // given by MM7
    if (!originator.empty())
    {
        // the VASP's address, not a subscriber
    }
    else if (from == "insert-address")
    {
        if (m_directory && InetSocketAddress::IsMatchingType(job.from))
        {
            originator =
                m_directory->FindByAddress(InetSocketAddress::ConvertFrom(job.from).GetIpv4());
        }
    }
    else if (m_directory && m_directory->IsSubscriber(from))
    {
        originator = MmsHttp::StripAddressType(from);
    }
    if (originator.empty())
    {
        AnswerSend(job.exchange,
                   tid,
                   MmsValue::RESPONSE_PERMANENT_SENDING_ADDRESS_UNRESOLVED,
                   "",
                   "originator " + from + " is not a subscriber");
        return;
    }
    std::vector<std::string> recipients;
    for (uint8_t field : {MmsField::TO, MmsField::CC, MmsField::BCC})
    {
        for (const auto& a : pdu.GetAddresses(field))
        {
            recipients.push_back(a);
        }
    }
    if (recipients.empty())
    {
        AnswerSend(job.exchange,
                   tid,
                   MmsValue::RESPONSE_PERMANENT_MESSAGE_FORMAT_CORRUPT,
                   "",
                   "no recipient");
        return;
    }
    if (recipients.size() > m_maxRecipients)
    {
        AnswerSend(job.exchange,
                   tid,
                   MmsValue::RESPONSE_PERMANENT_CONTENT_NOT_ACCEPTED,
                   "",
                   std::to_string(recipients.size()) + " recipients, at most "
                       + std::to_string(m_maxRecipients));
        return;
    }
    if (size > m_maxMessageSize)
    {
        AnswerSend(job.exchange,
                   tid,
                   MmsValue::RESPONSE_PERMANENT_CONTENT_NOT_ACCEPTED,
                   "",
                   std::to_string(size) + " octets, at most " + std::to_string(m_maxMessageSize));
        return;
    }
    // A submission sent again (its M-Send.conf was lost): answered as the first, not stored.
    std::string key = MmsHttp::PlmnAddress(originator) + " " + tid;
    if (!tid.empty() && AnswerDuplicate(job, key, tid))
    {
        return;
    }
    Message msg;
    msg.id = NextMessageId();
    if (!tid.empty() && m_duplicateWindow > Time(0))
    {
        m_submitKeys[key] = SubmitKey{msg.id, Simulator::Now()};
        m_submitKeyOrder.emplace_back(Simulator::Now(), key);
    }
    msg.originator = MmsHttp::PlmnAddress(originator);
    msg.submitTid = tid;
    msg.pdu = pdu;
    msg.size = size;
    Time expiry = m_defaultExpiry;
    if (const MmsHeaderField* e = pdu.FindField(MmsField::EXPIRY))
    {
        expiry = e->flag ? MmsClock::FromUnix(e->number) - Simulator::Now() : Seconds(e->number);
    }
    expiry = std::min(std::max(expiry, Time(0)), m_maxExpiry);
    msg.expiry = Simulator::Now() + expiry;
    msg.deliveryReport = pdu.GetOctet(MmsField::DELIVERY_REPORT) == MmsValue::YES;
    msg.readReport = pdu.GetOctet(MmsField::READ_REPORT) == MmsValue::YES;
    for (const auto& a : recipients)
    {
        Recipient r;
        r.address = a;
        msg.recipients.push_back(r);
    }
    // Store it in the MMS Server first; M-Send.conf follows the store's answer.
    Store(std::move(msg), pdu, STORE, job.exchange);
}

std::string
MmsRelay::NextMessageId()
{
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%08llu", static_cast<unsigned long long>(m_nextMessage++));
    return m_messageIdPrefix + buf;
}

void
MmsRelay::Store(Message msg, const MmsPdu& pdu, Pending kind, MmsTransport::ExchangeId ex)
{
    MmsHttpMessage put = MmsHttpMessage::Request("PUT", "/store/" + msg.id);
    put.AddHeader("Host", "mms-server");
    put.AddHeader("X-Mms-Store-Expiry", std::to_string(MmsClock::ToUnix(msg.expiry)));
    // Bcc is never shown to a recipient (the Relay keeps the list): the store does not get it,
    // so a bulk submission's retrievals do not fetch its whole recipient list each.
    MmsPdu stored = pdu;
    stored.RemoveField(MmsField::BCC);
    MmsHttp::SetMmsBody(put, stored);
    Outstanding o;
    o.kind = kind;
    o.exchange = ex;
    o.messageId = msg.id;
    m_messages[msg.id] = std::move(msg);
    GetTransport()->Request(m_serverAddress,
                            put,
                            {"PUT /store", pdu.GetTransactionId()},
                            MakeCallback(&MmsRelay::HandleResponse, this),
                            Track(o));
}

bool
MmsRelay::AnswerDuplicate(const Job& job, const std::string& key, const std::string& tid)
{
    // Forget what is older than the window.
    while (!m_submitKeyOrder.empty()
           && m_submitKeyOrder.front().first + m_duplicateWindow <= Simulator::Now())
    {
        auto old = m_submitKeys.find(m_submitKeyOrder.front().second);
        if (old != m_submitKeys.end() && old->second.at == m_submitKeyOrder.front().first)
        {
            m_submitKeys.erase(old);
        }
        m_submitKeyOrder.pop_front();
    }
    auto it = m_submitKeys.find(key);
    if (it == m_submitKeys.end())
    {
        return false;
    }
    auto m = m_messages.find(it->second.messageId);
    if (m != m_messages.end() && !m->second.stored)
    {
        AnswerSend(job.exchange,
                   tid,
                   MmsValue::RESPONSE_TRANSIENT_FAILURE,
                   "",
                   "the same submission is being stored");
        return true;
    }
    m_counters.accepted++;
    m_counters.duplicates++;
    NS_LOG_LOGIC("M-Send.req " << key << " again: answered with " << it->second.messageId);
    AnswerSend(job.exchange, tid, MmsValue::RESPONSE_OK, it->second.messageId, "");
    return true;
}

void
MmsRelay::HandleResponse(uint64_t cookie, bool ok, const MmsHttpMessage& r, const std::string& why)
{
    auto oit = m_outstanding.find(cookie);
    if (oit == m_outstanding.end())
    {
        return;
    }
    Outstanding o = oit->second;
    m_outstanding.erase(oit);
    auto mit = m_messages.find(o.messageId);
    switch (o.kind)
    {
        case STORE:
        {
            if (mit == m_messages.end())
            {
                return;
            }
            Message& m = mit->second;
            if (!ok || r.status != 201)
            {
                uint8_t status = MmsValue::RESPONSE_TRANSIENT_FAILURE;
                std::string text =
                    ok ? "store: " + std::to_string(r.status) + " " + r.reason : "store: " + why;
                if (ok && r.status == 507)
                {
                    text = "message store full";
                }
                else if (!ok)
                {
                    status = MmsValue::RESPONSE_TRANSIENT_NETWORK_PROBLEM;
                }
                else if (r.status != 507)
                {
                    status = MmsValue::RESPONSE_PERMANENT_FAILURE;
                }
                std::string tid = m.submitTid;
                m_submitKeys.erase(m.originator + " " + tid); // a retry may store it
                m_messages.erase(mit);
                AnswerSend(o.exchange, tid, status, "", text);
                return;
            }
            m.stored = true;
            m_storedTrace(MakeEvent(m.id, "", m.submitTid, m.size));
            m_counters.accepted++;
            MmsPdu conf = MmsPdu::MakeSendConf(m.submitTid, MmsValue::RESPONSE_OK, m.id);
            MmsHttpMessage resp = MmsHttp::MakeMmsResponse(conf);
            m_acceptedTrace(MakeEvent(m.id, "", m.submitTid, m.size));
            if (!m_mm7->Answer(o.exchange, MmsValue::RESPONSE_OK, m.id, ""))
            {
                GetTransport()->Respond(o.exchange, resp);
            }
            m.expiryEvent =
                Simulator::Schedule(m.expiry - Simulator::Now(), &MmsRelay::Expire, this, m.id);
            StartDelivery(m.id);
            return;
        }
        case FETCH:
        {
            if (mit == m_messages.end() || !ok || r.status != 200)
            {
                AnswerNotFound(o.exchange,
                               ok ? 0xE2 /* Error-permanent-message-not-found */
                                  : 0xC2 /* Error-transient-network-problem */,
                               ok ? "message not found" : "store unreachable: " + why);
                return;
            }
            Message& m = mit->second;
            Recipient& rc = m.recipients[o.recipient];
            if (IsTerminal(rc.state))
            {
                AnswerNotFound(o.exchange, 0xE2, "message no longer available");
                return;
            }
            MmsPdu stored;
            std::string error;
            if (!MmsHttp::DecodeMmsBody(r, stored, error))
            {
                AnswerNotFound(o.exchange, 0xE0, "stored message unreadable: " + error);
                return;
            }
            const MmsHeaderField* ct = stored.FindField(MmsField::CONTENT_TYPE);
            std::string tid = RetrieveTid(m.id, o.recipient);
            std::vector<std::string> to = stored.GetAddresses(MmsField::TO);
            MmsPdu conf =
                MmsPdu::MakeRetrieveConf(tid,
                                         m.id,
                                         m.originator,
                                         to,
                                         MmsClock::NowUnix(),
                                         ct ? ct->contentType : MmsWspContentType("text/plain"),
                                         stored.GetBody().multipart);
            if (!stored.GetBody().isMultipart)
            {
                conf.SetBody(ct ? ct->contentType : MmsWspContentType("text/plain"),
                             stored.GetBody().single);
            }
            for (uint8_t code : {MmsField::CC,
                                 MmsField::SUBJECT,
                                 MmsField::MESSAGE_CLASS,
                                 MmsField::PRIORITY,
                                 MmsField::DELIVERY_REPORT,
                                 MmsField::READ_REPORT})
            {
                for (const auto& f : stored.GetFields())
                {
                    if (f.code == code)
                    {
                        conf.AddField(f);
                    }
                }
            }
            MmsHttpMessage resp = MmsHttp::MakeMmsResponse(conf);
            m_retrieveServedTrace(MakeEvent(m.id, rc.address, tid, resp.GetBodySize()));
            if (rc.state != RETRIEVING)
            {
                SetState(m, o.recipient, RETRIEVING, "");
            }
            GetTransport()->Respond(o.exchange, resp);
            return;
        }
        case STORE_MM4:
        {
            if (mit == m_messages.end())
            {
                return;
            }
            Message& m = mit->second;
            if (ok && r.status == 201)
            {
                m.stored = true;
                m_storedTrace(MakeEvent(m.id, "", m.submitTid, m.size));
                m.expiryEvent =
                    Simulator::Schedule(m.expiry - Simulator::Now(), &MmsRelay::Expire, this, m.id);
            }
            else
            {
                m.failReason = "store: " + (ok ? std::to_string(r.status) + " " + r.reason : why);
            }
            StartDelivery(m.id);
            return;
        }
        case DELETE_STORED:
            return;
        case PUSH:
        {
            bool accepted = false;
            std::string detail = why;
            if (ok)
            {
                MmsPapPushResponse pr;
                std::string e;
                std::string xml(r.body.begin(), r.body.end());
                if (MmsPapPushResponse::FromXml(xml, pr, e))
                {
                    accepted =
                        pr.code == MmsPapCode::ACCEPTED_FOR_PROCESSING || pr.code == MmsPapCode::OK;
                    detail = std::to_string(pr.code) + " " + pr.description;
                }
                else
                {
                    detail = "HTTP " + std::to_string(r.status) + ", push-response: " + e;
                }
            }
            if (!accepted)
            {
                std::string recipient;
                if (mit != m_messages.end() && o.recipient < mit->second.recipients.size())
                {
                    recipient = mit->second.recipients[o.recipient].address;
                }
                m_notificationFailedTrace(MakeEvent(o.messageId, recipient, o.pushId, 0, detail));
            }
            return;
        }
    }
}

// ------------------------------------------------------------------------ delivery

void
MmsRelay::StartDelivery(std::string messageId)
{
    Message& m = m_messages[messageId];
    m.open = static_cast<uint32_t>(m.recipients.size());
    // MM4 and MM3 may settle a recipient from within the loop (Mm4Failed): the message stays
    // until the loop is done.
    m_delivering = messageId;
    m_counters.recipients += m.recipients.size();
    // What MM4 forwards: the M-Send.req without Bcc, which is not conveyed (TS 23.140 section
    // 8.4.1), made once for the message: each forward copies it, and a bulk submission names
    // thousands of recipients in Bcc (copying them all for each made a VASP's burst quadratic).
    std::optional<MmsPdu> forMm4;
    for (uint32_t i = 0; i < m.recipients.size(); ++i)
    {
        Recipient& r = m.recipients[i];
        m_stateTrace(m.id, r.address, NOTIFYING, NOTIFYING);
        if (!m.failReason.empty())
        {
            SetState(m, i, FAILED, m.failReason);
            continue;
        }
        if (MmsRelayMm4Agent::IsEmailAddress(r.address))
        {
            // An e-mail recipient: MM3 to the mail server (Failed there without one).
            m_mm4->Route(m.id, i, r.address, m.originator, m.pdu, m.expiry);
            continue;
        }
        if (!m_directory || !m_directory->IsSubscriber(r.address))
        {
            if (m_mm4->IsEnabled())
            {
                // Another operator's number, perhaps: MM4 decides after its look-up.
                if (!forMm4)
                {
                    forMm4 = m.pdu;
                    forMm4->RemoveField(MmsField::BCC);
                }
                m_mm4->Route(m.id, i, r.address, m.originator, *forMm4, m.expiry);
                continue;
            }
            SetState(m, i, FAILED, "not a subscriber of this MMSE");
            continue;
        }
        Notify(m.id, i);
    }
    m_delivering.clear();
    RemoveIfDone(messageId);
}

void
MmsRelay::Notify(std::string messageId, uint32_t index)
{
    auto it = m_messages.find(messageId);
    if (it == m_messages.end())
    {
        return;
    }
    Message& m = it->second;
    Recipient& r = m.recipients[index];
    if (r.state != NOTIFYING)
    {
        return;
    }
    r.notifications++;
    m_counters.notifications++;
    Time left = m.expiry - Simulator::Now();
    MmsPdu n = MmsPdu::MakeNotificationInd(
        NotificationTid(m.id, index),
        m.pdu.GetFrom() == "insert-address" ? m.originator : MmsHttp::PlmnAddress(m.pdu.GetFrom()),
        m.size,
        static_cast<uint64_t>(std::max(0.0, left.GetSeconds())),
        ContentLocation(m.id, index),
        m.pdu.HasField(MmsField::MESSAGE_CLASS) ? m.pdu.GetOctet(MmsField::MESSAGE_CLASS)
                                                : MmsValue::CLASS_PERSONAL);
    if (m.pdu.HasField(MmsField::SUBJECT))
    {
        n.AddField(*m.pdu.FindField(MmsField::SUBJECT));
    }
    std::string pushId =
        m.id + "/" + std::to_string(index) + "/n" + std::to_string(r.notifications);
    Push(pushId,
         MmsHttp::StripAddressType(r.address),
         n,
         static_cast<int64_t>(MmsClock::ToUnix(m.expiry)));
    m_notificationQueuedTrace(MakeEvent(m.id,
                                        r.address,
                                        n.GetTransactionId(),
                                        n.GetEncodedSize(),
                                        "attempt " + std::to_string(r.notifications)));
    uint32_t next = r.notifications + 1;
    if (m_notifyPolicy->IsAllowed(next))
    {
        r.renotify = Simulator::Schedule(
            m_notifyPolicy->GetDelay(next), &MmsRelay::Notify, this, messageId, index);
    }
}

void
MmsRelay::Push(const std::string& pushId,
               const std::string& number,
               const MmsPdu& pdu,
               int64_t deliverBefore)
{
    MmsPapRequest req;
    req.control.pushId = pushId;
    req.control.addresses.push_back("WAPPUSH=" + number + "/TYPE=PLMN@" + m_ppgHost);
    req.control.deliverBefore = deliverBefore;
    req.control.deliveryMethod = "unconfirmed";
    req.control.network = "GSM";
    req.control.bearer = "SMS";
    req.content = pdu.Encode();
    std::string boundary;
    MmsHttpMessage post = MmsHttpMessage::Request("POST", m_ppgPath);
    post.AddHeader("Host", m_ppgHost);
    post.body = req.Encode(boundary);
    post.AddHeader("Content-Type", req.GetHttpContentType(boundary));
    Outstanding o;
    o.kind = PUSH;
    o.pushId = pushId;
    o.messageId = pushId.substr(0, pushId.find('/'));
    std::string rest = pushId.substr(pushId.find('/') + 1);
    o.recipient = static_cast<uint32_t>(std::strtoul(rest.c_str(), nullptr, 10));
    GetTransport()->Request(m_ppgAddress,
                            post,
                            {"PAP " + MmsLadder::DescribePdu(pdu), pushId},
                            MakeCallback(&MmsRelay::HandleResponse, this),
                            Track(o));
}

void
MmsRelay::SetState(Message& m, uint32_t index, RecipientState to, const std::string& detail)
{
    Recipient& r = m.recipients[index];
    RecipientState from = r.state;
    if (from == to || IsTerminal(from))
    {
        return;
    }
    r.state = to;
    m_stateTrace(m.id, r.address, from, to);
    if (to != NOTIFYING)
    {
        // Timers are removed, not cancelled, here and below: a cancelled one stays queued until
        // its time and then runs as an event that does nothing.
        Simulator::Remove(r.renotify);
    }
    if (!IsTerminal(to))
    {
        if (to == DEFERRED)
        {
            Report(m, index, MmsValue::STATUS_DEFERRED);
        }
        return;
    }
    MmsEvent e = MakeEvent(m.id, r.address, NotificationTid(m.id, index), m.size, detail);
    switch (to)
    {
        case RETRIEVED:
            m_counters.retrieved++;
            m_retrievedTrace(e);
            Report(m, index, MmsValue::STATUS_RETRIEVED);
            break;
        case REJECTED:
            m_counters.rejected++;
            m_rejectedTrace(e);
            Report(m, index, MmsValue::STATUS_REJECTED);
            break;
        case EXPIRED:
            m_counters.expired++;
            m_expiredTrace(e);
            Report(m, index, MmsValue::STATUS_EXPIRED);
            break;
        case FAILED:
            m_counters.failed++;
            m_failedTrace(e);
            Report(m, index, MmsValue::STATUS_UNREACHABLE);
            break;
        case FORWARDED:
            m_counters.forwarded++;
            m_forwardedTrace(e); // its delivery report comes over MM4 from the other MMSE
            break;
        default:
            break;
    }
    // Every recipient done: the caller, once it no longer holds the message, removes it
    // (RemoveIfDone).
    --m.open;
}

void
MmsRelay::RemoveIfDone(std::string messageId)
{
    auto it = m_messages.find(messageId);
    if (it != m_messages.end() && it->second.open == 0 && !it->second.recipients.empty()
        && messageId != m_delivering)
    {
        // Delete the stored message now (expiry deletes it otherwise). This was an event of its
        // own at the same instant; done here, in the event that settled the last recipient,
        // it costs none.
        Remove(messageId, true);
    }
}

void
MmsRelay::Report(Message& m, uint32_t index, uint8_t status)
{
    Recipient& r = m.recipients[index];
    if (!m.deliveryReport || !r.reportAllowed)
    {
        return;
    }
    if (!m.originMessageId.empty())
    {
        // Received over MM4: the report goes back to the originator's MMSE.
        m_mm4->SendDeliveryReport(
            MmsPdu::MakeDeliveryInd(m.originMessageId, r.address, MmsClock::NowUnix(), status),
            m.originator,
            m.originOperator);
        m_counters.deliveryReports++;
        m_deliveryReportTrace(MakeEvent(m.id, r.address, "mm4", 0, "MM4"));
        return;
    }
    if (m_mm7->ReportToVasp(m.id, r.address, status))
    {
        m_counters.deliveryReports++;
        return;
    }
    if (!m_directory || !m_directory->IsSubscriber(m.originator))
    {
        return;
    }
    MmsPdu d = MmsPdu::MakeDeliveryInd(m.id, r.address, MmsClock::NowUnix(), status);
    std::string pushId = m.id + "/" + std::to_string(index) + "/d" + std::to_string(status);
    Push(pushId, MmsHttp::StripAddressType(m.originator), d, -1);
    m_counters.deliveryReports++;
    m_deliveryReportTrace(MakeEvent(m.id,
                                    r.address,
                                    pushId,
                                    d.GetEncodedSize(),
                                    MmsPdu::FormatValue(*d.FindField(MmsField::STATUS))));
}

void
MmsRelay::Expire(std::string messageId)
{
    auto it = m_messages.find(messageId);
    if (it == m_messages.end())
    {
        return;
    }
    Message& m = it->second;
    for (uint32_t i = 0; i < m.recipients.size(); ++i)
    {
        if (!IsTerminal(m.recipients[i].state))
        {
            SetState(m, i, EXPIRED, "");
        }
    }
    m_reportInfo.erase(messageId);
    Remove(messageId, false); // the MMS Server drops it at the same expiry
}

void
MmsRelay::Remove(const std::string& messageId, bool deleteStored)
{
    auto it = m_messages.find(messageId);
    if (it == m_messages.end())
    {
        return;
    }
    Simulator::Remove(it->second.expiryEvent);
    for (auto& r : it->second.recipients)
    {
        Simulator::Remove(r.renotify);
    }
    if (deleteStored && it->second.stored)
    {
        MmsHttpMessage del = MmsHttpMessage::Request("DELETE", "/store/" + messageId);
        del.AddHeader("Host", "mms-server");
        Outstanding o;
        o.kind = DELETE_STORED;
        o.messageId = messageId;
        GetTransport()->Request(m_serverAddress,
                                del,
                                {"DELETE /store", messageId},
                                MakeCallback(&MmsRelay::HandleResponse, this),
                                Track(o));
        // Read reports may still come until the expiry: keep the originator until then.
        Time left = it->second.expiry - Simulator::Now();
        if (it->second.readReport && left.IsStrictlyPositive())
        {
            ReportInfo info;
            info.originator = it->second.originator;
            info.until = it->second.expiry;
            info.originMessageId = it->second.originMessageId;
            m_reportInfo[messageId] = info;
            Simulator::Schedule(left, &MmsRelay::ForgetReportInfo, this, messageId);
        }
    }
    m_messages.erase(it);
}

void
MmsRelay::ForgetReportInfo(std::string messageId)
{
    m_reportInfo.erase(messageId);
}

// ------------------------------------------------------------------------ MM1 answers

void
MmsRelay::HandleNotifyResp(const Job& job, const MmsPdu& pdu)
{
    std::string tid = pdu.GetTransactionId();
    std::string messageId;
    uint32_t index = 0;
    GetTransport()->Respond(job.exchange, MmsHttpMessage::Response(204, "No Content"));
    if (tid.empty() || tid[0] != 'N' || !ParseKey(tid.substr(1), messageId, index))
    {
        NS_LOG_LOGIC("M-NotifyResp.ind for unknown transaction " << tid);
        return;
    }
    Message& m = m_messages[messageId];
    Recipient& r = m.recipients[index];
    if (pdu.GetOctet(MmsField::REPORT_ALLOWED) == MmsValue::NO)
    {
        r.reportAllowed = false;
    }
    switch (pdu.GetOctet(MmsField::STATUS))
    {
        case MmsValue::STATUS_RETRIEVED:
            SetState(m, index, RETRIEVED, "M-NotifyResp.ind");
            break;
        case MmsValue::STATUS_DEFERRED:
            if (r.state == NOTIFYING)
            {
                SetState(m, index, DEFERRED, "");
            }
            break;
        case MmsValue::STATUS_REJECTED:
        case MmsValue::STATUS_UNRECOGNISED:
            SetState(m, index, REJECTED, MmsPdu::FormatValue(*pdu.FindField(MmsField::STATUS)));
            break;
        default:
            break;
    }
    RemoveIfDone(messageId);
}

void
MmsRelay::HandleAcknowledge(const Job& job, const MmsPdu& pdu)
{
    std::string tid = pdu.GetTransactionId();
    std::string messageId;
    uint32_t index = 0;
    GetTransport()->Respond(job.exchange, MmsHttpMessage::Response(204, "No Content"));
    if (tid.empty() || tid[0] != 'R' || !ParseKey(tid.substr(1), messageId, index))
    {
        NS_LOG_LOGIC("M-Acknowledge.ind for unknown transaction " << tid);
        return;
    }
    Message& m = m_messages[messageId];
    if (pdu.GetOctet(MmsField::REPORT_ALLOWED) == MmsValue::NO)
    {
        m.recipients[index].reportAllowed = false;
    }
    SetState(m, index, RETRIEVED, "M-Acknowledge.ind");
    RemoveIfDone(messageId);
}

void
MmsRelay::HandleReadRec(const Job& job, const MmsPdu& pdu)
{
    GetTransport()->Respond(job.exchange, MmsHttpMessage::Response(204, "No Content"));
    std::string messageId = pdu.GetText(MmsField::MESSAGE_ID);
    // The originator of a message still in delivery, or of one kept for its read reports.
    std::string originator;
    std::string originMessageId; // received over MM4: the originating Relay's id
    auto m = m_messages.find(messageId);
    if (m != m_messages.end() && m->second.stored)
    {
        if (m->second.readReport)
        {
            originator = m->second.originator;
            originMessageId = m->second.originMessageId;
        }
    }
    else if (auto it = m_reportInfo.find(messageId); it != m_reportInfo.end())
    {
        originator = it->second.originator;
        originMessageId = it->second.originMessageId;
    }
    if (originator.empty())
    {
        return; // unknown, expired, or no read report was asked for
    }
    std::string reader = pdu.GetFrom();
    if (reader == "insert-address" && m_directory && InetSocketAddress::IsMatchingType(job.from))
    {
        reader = MmsHttp::PlmnAddress(
            m_directory->FindByAddress(InetSocketAddress::ConvertFrom(job.from).GetIpv4()));
    }
    uint8_t status = pdu.HasField(MmsField::READ_STATUS) ? pdu.GetOctet(MmsField::READ_STATUS)
                                                         : MmsValue::READ_STATUS_READ;
    if (!originMessageId.empty())
    {
        m_mm4->SendReadReport(MmsPdu::MakeReadRecInd(originMessageId,
                                                     originator,
                                                     MmsHttp::PlmnAddress(reader),
                                                     MmsClock::NowUnix(),
                                                     status),
                              reader,
                              originator);
        m_counters.readReports++;
        m_readReportTrace(MakeEvent(messageId, reader, "mm4", 0, "MM4"));
        return;
    }
    MmsPdu orig =
        MmsPdu::MakeReadOrigInd(messageId, originator, reader, MmsClock::NowUnix(), status);
    std::string pushId = messageId + "/0/r" + std::to_string(m_counters.readReports);
    Push(pushId, MmsHttp::StripAddressType(originator), orig, -1);
    m_counters.readReports++;
    m_readReportTrace(MakeEvent(messageId, reader, pushId, orig.GetEncodedSize()));
}

void
MmsRelay::AnswerNotFound(MmsTransport::ExchangeId ex,
                         uint8_t retrieveStatus,
                         const std::string& why)
{
    // M-Retrieve.conf carrying only an X-Mms-Retrieve-Status (OMA MMS ENC 1.2) and a short text.
    MmsPdu conf;
    conf.AddField(MmsHeaderField::Octet(MmsField::MESSAGE_TYPE,
                                        static_cast<uint8_t>(MmsMessageType::RETRIEVE_CONF)));
    conf.AddField(MmsHeaderField::Text(MmsField::TRANSACTION_ID, "error"));
    conf.AddField(MmsHeaderField::Octet(MmsField::MMS_VERSION, MmsValue::VERSION_1_2));
    conf.AddField(MmsHeaderField::LongInteger(MmsField::DATE, MmsClock::NowUnix()));
    conf.AddField(MmsHeaderField::Octet(MmsField::RETRIEVE_STATUS, retrieveStatus));
    conf.AddField(MmsHeaderField::String(MmsField::RETRIEVE_TEXT, MmsWspEncodedString{0, why}));
    conf.SetBody(MmsWspContentType("text/plain"), MmsContent(why));
    GetTransport()->Respond(ex, MmsHttp::MakeMmsResponse(conf));
}

void
MmsRelay::HandleRetrieve(const Job& job)
{
    const std::string prefix = m_path + "/r/";
    std::string target = job.request.target;
    std::string messageId;
    uint32_t index = 0;
    if (target.compare(0, prefix.size(), prefix) != 0
        || !ParseKey(target.substr(prefix.size()), messageId, index))
    {
        AnswerNotFound(job.exchange, 0xE2, "no message at " + target);
        return;
    }
    Message& m = m_messages[messageId];
    if (IsTerminal(m.recipients[index].state))
    {
        AnswerNotFound(job.exchange, 0xE2, "message no longer available");
        return;
    }
    MmsHttpMessage get = MmsHttpMessage::Request("GET", "/store/" + messageId);
    get.AddHeader("Host", "mms-server");
    Outstanding o;
    o.kind = FETCH;
    o.exchange = job.exchange;
    o.messageId = messageId;
    o.recipient = index;
    GetTransport()->Request(m_serverAddress,
                            get,
                            {"GET /store", messageId},
                            MakeCallback(&MmsRelay::HandleResponse, this),
                            Track(o));
}

} // namespace ns3

// ------------------------------------------------------------------------ MM4 (the agent's calls)

namespace ns3
{

void
MmsRelay::Mm4Forwarded(const std::string& messageId, uint32_t index, const std::string& peer)
{
    auto it = m_messages.find(messageId);
    if (it != m_messages.end() && index < it->second.recipients.size())
    {
        SetState(it->second, index, FORWARDED, peer);
        RemoveIfDone(messageId);
    }
}

void
MmsRelay::Mm4Failed(const std::string& messageId, uint32_t index, const std::string& why)
{
    auto it = m_messages.find(messageId);
    if (it != m_messages.end() && index < it->second.recipients.size())
    {
        SetState(it->second, index, FAILED, why);
        RemoveIfDone(messageId);
    }
}

void
MmsRelay::Mm4Accept(const MmsMm4Message& forward, const std::vector<std::string>& recipients)
{
    AcceptExternal(forward, recipients, false);
}

void
MmsRelay::Mm3Accept(const MmsMm4Message& mail, const std::vector<std::string>& recipients)
{
    AcceptExternal(mail, recipients, true);
}

void
MmsRelay::AcceptExternal(const MmsMm4Message& forward,
                         const std::vector<std::string>& recipients,
                         bool mm3)
{
    // A message of another MMSE (MM4) or an e-mail (MM3) for subscribers of this one: stored
    // and delivered as a local one (TS 23.140 sections 8.4.1 and 8.3); the reports of an MM4
    // message go back over MM4, an e-mail gets none.
    MmsPdu pdu = forward.ToRetrieveConf("");
    Message msg;
    msg.id = NextMessageId();
    msg.originator = MmsHttp::PlmnAddress(MmsMm4Message::MmsAddress(forward.from));
    if (!mm3)
    {
        msg.originMessageId = forward.messageId.empty() ? msg.id : forward.messageId;
        msg.originOperator = m_mm4->FindOperatorOf(forward.from);
    }
    msg.viaMm3 = mm3;
    msg.submitTid = forward.transactionId;
    msg.pdu = pdu;
    msg.size = pdu.GetEncodedSize();
    Time expiry = m_defaultExpiry;
    if (forward.expiry != 0)
    {
        expiry = MmsClock::FromUnix(forward.expiry) - Simulator::Now();
    }
    expiry = std::min(std::max(expiry, Time(0)), m_maxExpiry);
    msg.expiry = Simulator::Now() + expiry;
    msg.deliveryReport = forward.deliveryReport;
    msg.readReport = forward.readReply;
    for (const auto& a : recipients)
    {
        Recipient r;
        r.address = MmsHttp::PlmnAddress(a);
        msg.recipients.push_back(r);
    }
    (mm3 ? m_counters.mm3Received : m_counters.mm4Received) += recipients.size();
    Store(std::move(msg), pdu, STORE_MM4, 0);
}

void
MmsRelay::Mm4Report(const MmsMm4Message& report)
{
    // A report of another MMSE about a message of this one's subscriber: pushed to it as a
    // local report would be.
    bool delivery = report.type == MmsMm4Type::DELIVERY_REPORT_REQ;
    MmsPdu pdu = delivery ? report.ToDeliveryInd() : report.ToReadOrigInd();
    std::string originator = report.to.empty() ? "" : MmsMm4Message::MmsAddress(report.to[0]);
    std::string recipient = MmsMm4Message::MmsAddress(report.from);
    if (delivery
        && m_mm7->ReportToVasp(report.messageId, recipient, pdu.GetOctet(MmsField::STATUS)))
    {
        // A message a VASP submitted here: the report goes on over MM7 (as a local one).
        m_counters.deliveryReports++;
        return;
    }
    if (!m_directory || !m_directory->IsSubscriber(originator))
    {
        return;
    }
    std::string pushId = report.messageId + "/0/"
                         + (delivery ? "d" + std::to_string(pdu.GetOctet(MmsField::STATUS))
                                     : "r" + std::to_string(m_counters.readReports));
    Push(pushId, MmsHttp::StripAddressType(originator), pdu, -1);
    if (delivery)
    {
        m_counters.deliveryReports++;
        m_deliveryReportTrace(MakeEvent(report.messageId,
                                        recipient,
                                        pushId,
                                        pdu.GetEncodedSize(),
                                        MmsPdu::FormatValue(*pdu.FindField(MmsField::STATUS))));
    }
    else
    {
        m_counters.readReports++;
        m_readReportTrace(MakeEvent(report.messageId, recipient, pushId, pdu.GetEncodedSize()));
    }
}

} // namespace ns3
