/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-user-agent.h"

#include "mms-ladder.h"
#include "mms-sms-tpdu.h"
#include "mms-smsc.h"
#include "mms-wsp-push.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsUserAgent");
NS_OBJECT_ENSURE_REGISTERED(MmsUserAgent);

namespace
{
/// Notifications remembered per handset (to recognise re-notifications).
constexpr std::size_t MAX_INBOUND = 256;
} // namespace

Ptr<MmsRetryPolicy>
MmsUserAgent::CreateDefaultRetryPolicy()
{
    Ptr<MmsRetryPolicy> p = CreateObject<MmsRetryPolicy>();
    p->SetKind(MmsRetryPolicy::TABLE);
    p->SetTable("0s,1min,5min,10min,30min");
    p->SetAttribute("MaxAttempts", UintegerValue(5));
    return p;
}

TypeId
MmsUserAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsUserAgent")
            .SetParent<MmsApplication>()
            .SetGroupName("Mms")
            .AddConstructor<MmsUserAgent>()
            .AddAttribute("Msisdn",
                          "The handset's number, e.g. +447700900001.",
                          StringValue(""),
                          MakeStringAccessor(&MmsUserAgent::m_msisdn),
                          MakeStringChecker())
            .AddAttribute("RelayAddress",
                          "Address (IP and port) of the MMS Relay's MM1 interface.",
                          AddressValue(),
                          MakeAddressAccessor(&MmsUserAgent::m_relayAddress),
                          MakeAddressChecker())
            .AddAttribute(
                "Stack",
                "How the handset reaches the MMSC: Http (HTTP/1.1 to RelayAddress) or "
                "Wsp (WAP 1.x: WSP over WTP to the WAP gateway at GatewayAddress, "
                "ns3::MmsWspClient). Default Http.",
                EnumValue(MmsUserAgent::HTTP_STACK),
                MMS_ENUM_ACCESSOR(MmsUserAgent::Stack, &MmsUserAgent::m_stack),
                MakeEnumChecker(MmsUserAgent::HTTP_STACK, "Http", MmsUserAgent::WSP_STACK, "Wsp"))
            .AddAttribute("GatewayAddress",
                          "Address of the WAP gateway (its IP; ports 9201/9200 are used), "
                          "with Stack Wsp. Default: none.",
                          AddressValue(),
                          MakeAddressAccessor(&MmsUserAgent::m_gatewayAddress),
                          MakeAddressChecker())
            .AddAttribute("RelayHost",
                          "Host of the MMSC URI (Host header of submissions).",
                          StringValue("mmsc.mms.example.net"),
                          MakeStringAccessor(&MmsUserAgent::m_relayHost),
                          MakeStringChecker())
            .AddAttribute("RelayPath",
                          "Path of the MMSC URI to which M-Send.req and the other MM1 PDUs "
                          "are POSTed.",
                          StringValue("/mms"),
                          MakeStringAccessor(&MmsUserAgent::m_relayPath),
                          MakeStringChecker())
            .AddAttribute("PushPort",
                          "UDP port of WAP Push over IP: 2948 (WAP-259).",
                          UintegerValue(2948),
                          MakeUintegerAccessor(&MmsUserAgent::m_pushPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("SmsPort",
                          "UDP port of the SMS bearer stand-in (as ns3::MmsSmsc::BearerPort).",
                          UintegerValue(9292),
                          MakeUintegerAccessor(&MmsUserAgent::m_smsPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute(
                "RetrievalMode",
                "Immediate, Deferred or SizeThreshold retrieval (OMA MMS CTR).",
                EnumValue(MmsUserAgent::IMMEDIATE),
                MMS_ENUM_ACCESSOR(MmsUserAgent::RetrievalMode, &MmsUserAgent::m_retrievalMode),
                MakeEnumChecker(MmsUserAgent::IMMEDIATE,
                                "Immediate",
                                MmsUserAgent::DEFERRED,
                                "Deferred",
                                MmsUserAgent::SIZE_THRESHOLD,
                                "SizeThreshold"))
            .AddAttribute("SizeThreshold",
                          "SizeThreshold mode: largest X-Mms-Message-Size fetched at once "
                          "(octets). Default 300 KiB: Android's maxMessageSize.",
                          UintegerValue(300 * 1024),
                          MakeUintegerAccessor(&MmsUserAgent::m_sizeThreshold),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("DeferredDelay",
                          "Time from a deferred notification to its retrieval (s). Default "
                          "exponential, mean 30 min (a modelling choice).",
                          StringValue("ns3::ExponentialRandomVariable[Mean=1800]"),
                          MakePointerAccessor(&MmsUserAgent::m_deferredDelay),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("NeverRetrieveProbability",
                          "Probability that a deferred message is never fetched.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MmsUserAgent::m_neverRetrieveProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("RejectProbability",
                          "Probability that a notification is answered Rejected.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MmsUserAgent::m_rejectProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("ReportAllowed",
                          "X-Mms-Report-Allowed in M-NotifyResp.ind and M-Acknowledge.ind.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsUserAgent::m_reportAllowed),
                          MakeBooleanChecker())
            .AddAttribute("ReadReportProbability",
                          "Probability of answering a read-report request with "
                          "M-Read-Rec.ind.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&MmsUserAgent::m_readReportProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("ReadingDelay",
                          "Time from retrieval to reading (s). Default exponential, mean "
                          "5 min (a modelling choice).",
                          StringValue("ns3::ExponentialRandomVariable[Mean=300]"),
                          MakePointerAccessor(&MmsUserAgent::m_readingDelay),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("RetryPolicy",
                          "Schedule of HTTP transaction attempts. Default: Table 0, 1, 5, 10, "
                          "30 min, 5 attempts (Android's legacy MMS client).",
                          PointerValue(),
                          MakePointerAccessor(&MmsUserAgent::m_retryPolicy),
                          MakePointerChecker<MmsRetryPolicy>())
            .AddAttribute("Traffic",
                          "Generate messages from the traffic source below.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MmsUserAgent::m_traffic),
                          MakeBooleanChecker())
            .AddAttribute("TrafficModel",
                          "If set, generated messages follow this shared traffic model (send "
                          "times, content class and size, recipients, reports) and it decides "
                          "which notifications are deferred (its DeferredShare, on top of "
                          "RetrievalMode); InterArrival, MessageSize, RecipientCount, "
                          "DeliveryReport and ReadReport are then not used.",
                          PointerValue(),
                          MakePointerAccessor(&MmsUserAgent::m_trafficModel),
                          MakePointerChecker<MmsTrafficModel>())
            .AddAttribute("InterArrival",
                          "Time between generated messages (s). Default exponential, mean "
                          "1 h.",
                          StringValue("ns3::ExponentialRandomVariable[Mean=3600]"),
                          MakePointerAccessor(&MmsUserAgent::m_interArrival),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("MessageSize",
                          "Media octets of a generated message. Default 29,696: the size most "
                          "often announced in real notifications (doc/mms.rst).",
                          StringValue("ns3::ConstantRandomVariable[Constant=29696]"),
                          MakePointerAccessor(&MmsUserAgent::m_messageSize),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("RecipientCount",
                          "Recipients (To) of a generated message, drawn among the other "
                          "subscribers.",
                          StringValue("ns3::ConstantRandomVariable[Constant=1]"),
                          MakePointerAccessor(&MmsUserAgent::m_recipientCount),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("DeliveryReport",
                          "Generated messages ask for a delivery report.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MmsUserAgent::m_requestDeliveryReport),
                          MakeBooleanChecker())
            .AddAttribute("ReadReport",
                          "Generated messages ask for a read report.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MmsUserAgent::m_requestReadReport),
                          MakeBooleanChecker())
            .AddAttribute("OnOff",
                          "Alternate on and off periods drawn from OnTime and OffTime.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MmsUserAgent::m_onOff),
                          MakeBooleanChecker())
            .AddAttribute("InitialOffProbability",
                          "With OnOff: probability that the handset is off when it starts "
                          "(its first period is then an off period). With exponential OnTime "
                          "and OffTime, OffTime's mean / (OnTime's + OffTime's) starts the "
                          "process in its stationary state. Default 0 (starts on).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MmsUserAgent::m_initialOff),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("OnTime",
                          "Length of an on period (s).",
                          StringValue("ns3::ExponentialRandomVariable[Mean=7200]"),
                          MakePointerAccessor(&MmsUserAgent::m_onTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("OffTime",
                          "Length of an off period (s).",
                          StringValue("ns3::ExponentialRandomVariable[Mean=1800]"),
                          MakePointerAccessor(&MmsUserAgent::m_offTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("Blackout",
                          "While off, the handset is unreachable: a radio bearer device is "
                          "powered off (paging, SMS and packets fail); other devices drop "
                          "every packet they receive (a receive error model on each device "
                          "that has one).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsUserAgent::m_blackout),
                          MakeBooleanChecker())
            .AddTraceSource("Submitted",
                            "A message was submitted (Send(): its M-Send.req is built and its "
                            "first attempt scheduled; recipient: every recipient, "
                            "comma-separated; detail: the content class).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_submittedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SubmitConfirmed",
                            "M-Send.conf with Ok: the message has its Message-ID.",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_submitConfirmedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Rejected",
                            "The Relay refused a submission (detail: the response status).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_rejectedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SmsReceived",
                            "An SMS segment arrived over the SMS bearer.",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_smsReceivedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushReceived",
                            "A whole WSP Push arrived (detail: the MMS message type).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_pushReceivedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("RetrievalStarted",
                            "The GET of a message was sent.",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_retrievalStartedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("RetrievalCompleted",
                            "M-Retrieve.conf arrived with the message.",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_retrievalCompletedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("NotifyRespSent",
                            "M-NotifyResp.ind was accepted by the Relay (detail: status).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_notifyRespSentTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Acknowledged",
                            "The Relay accepted the acknowledgement of a retrieval "
                            "(M-NotifyResp.ind Retrieved or M-Acknowledge.ind).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_acknowledgedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("DeliveryReportReceived",
                            "M-Delivery.ind arrived (detail: status).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_deliveryReportTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("ReadReportSent",
                            "M-Read-Rec.ind was accepted by the Relay.",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_readReportSentTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("ReadReportReceived",
                            "M-Read-Orig.ind arrived.",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_readReportTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Failed",
                            "A transaction gave up after its last attempt (detail: why).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_failedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Switch",
                            "The handset was switched on (true) or off (false).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_switchTrace),
                            "ns3::MmsUserAgent::SwitchTracedCallback")
            .AddTraceSource("WspExchange",
                            "With Stack Wsp: a WSP request completed or failed (the "
                            "ns3::MmsWspClient's Exchange trace).",
                            MakeTraceSourceAccessor(&MmsUserAgent::m_wspExchangeTrace),
                            "ns3::MmsSocketTransport::ExchangeTracedCallback");
    return tid;
}

MmsUserAgent::MmsUserAgent() = default;

UniformRandomVariable&
MmsUserAgent::Draw() const
{
    // Made on first use: a pool's User Agents share their cell's (ShareRandomVariables), and a
    // variable made here for each of them would be thrown away.
    if (!m_draw)
    {
        m_draw = CreateObject<UniformRandomVariable>();
    }
    return *m_draw;
}

MmsUserAgent::~MmsUserAgent() = default;

int64_t
MmsUserAgent::AssignStreams(int64_t stream)
{
    int64_t s = stream;
    for (const auto& rv : {m_deferredDelay,
                           m_readingDelay,
                           m_interArrival,
                           m_messageSize,
                           m_recipientCount,
                           m_onTime,
                           m_offTime,
                           Ptr<RandomVariableStream>(&Draw())})
    {
        rv->SetStream(s++);
    }
    return s - stream;
}

std::string
MmsUserAgent::GetMsisdn() const
{
    return m_msisdn;
}

void
MmsUserAgent::SetMsisdn(const std::string& msisdn)
{
    m_msisdn = msisdn;
}

const MmsUserAgent::Counters&
MmsUserAgent::GetCounters() const
{
    return m_counters;
}

bool
MmsUserAgent::IsOn() const
{
    return m_on;
}

void
MmsUserAgent::DoDispose()
{
    // Removed, not cancelled: a cancelled event stays queued until its time (a retired User
    // Agent's next switch may be hours away) and then runs as an event that does nothing.
    Simulator::Remove(m_nextMessage);
    Simulator::Remove(m_onOffEvent);
    m_transactions.clear();
    m_blackoutModels.clear();
    m_radios.clear();
    m_retryPolicy = nullptr;
    m_trafficModel = nullptr;
    if (m_wsp)
    {
        m_wsp->Dispose();
        m_wsp = nullptr;
    }
    m_offNet = nullptr;
    MmsApplication::DoDispose();
}

void
MmsUserAgent::Activate()
{
    if (GetElementName().rfind("MmsUserAgent", 0) == 0 && !m_msisdn.empty())
    {
        SetElementName("ua:" + m_msisdn);
    }
    if (!m_retryPolicy)
    {
        m_retryPolicy = CreateDefaultRetryPolicy();
    }
    m_running = true;
}

void
MmsUserAgent::SetPool(PoolCallback bind, PoolCallback settled)
{
    m_bind = bind;
    m_settled = settled;
    m_pooled = true;
}

void
MmsUserAgent::AttachHandset(Ptr<Node> node, Ptr<MmsTransport> transport)
{
    NS_ASSERT_MSG(!m_handset, GetElementName() << ": a handset is attached already");
    SetTransport(transport);
    m_handset = true;
    transport->BindDatagram(m_pushPort, MakeCallback(&MmsUserAgent::HandlePushDatagram, this));
    transport->BindDatagram(m_smsPort, MakeCallback(&MmsUserAgent::HandleSmsDatagram, this));
    if (m_stack == WSP_STACK)
    {
        NS_ABORT_MSG_IF(m_gatewayAddress.IsInvalid(),
                        GetElementName() << ": Stack Wsp needs a GatewayAddress");
        m_wsp = CreateObject<MmsWspClient>();
        m_wsp->SetNextTid(m_wtpTid);
        m_wsp->Attach(transport, m_gatewayAddress);
        m_wsp->TraceConnectWithoutContext(
            "Exchange",
            MakeCallback(&TracedCallback<const MmsSocketTransport::Exchange&>::operator(),
                         &m_wspExchangeTrace));
    }
    if (!m_blackout || !node)
    {
        return;
    }
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        Ptr<NetDevice> d = node->GetDevice(i);
        if (Ptr<MmsRadioBearerNetDevice> radio = DynamicCast<MmsRadioBearerNetDevice>(d))
        {
            // A radio bearer: the network can no longer reach the handset (paging and
            // SMS fail, queued packets are lost) and it sends nothing.
            if (!radio->IsBaseStation())
            {
                m_radios.push_back(radio);
                radio->SetPowered(m_on);
            }
            continue;
        }
        TypeId tid = d->GetInstanceTypeId();
        TypeId::AttributeInformation info;
        if (tid.LookupAttributeByName("ReceiveErrorModel", &info))
        {
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            em->SetRate(1.0);
            if (m_on)
            {
                em->Disable();
            }
            d->SetAttribute("ReceiveErrorModel", PointerValue(em));
            m_blackoutModels.push_back(em);
        }
    }
}

void
MmsUserAgent::DetachHandset()
{
    if (!m_handset)
    {
        return;
    }
    Ptr<MmsTransport> t = GetTransport();
    m_handset = false;
    if (m_wsp)
    {
        m_wsp->Detach(); // its pending requests fail as the transport's do
        m_wtpTid = m_wsp->GetNextTid();
        m_wsp->Dispose();
        m_wsp = nullptr;
    }
    t->BindDatagram(m_pushPort, MmsTransport::DatagramCallback());
    t->BindDatagram(m_smsPort, MmsTransport::DatagramCallback());
    t->AbortAll();
    m_radios.clear();
    m_blackoutModels.clear();
    SetTransport(nullptr);
}

Ptr<MmsWspClient>
MmsUserAgent::GetWspClient() const
{
    return m_wsp;
}

void
MmsUserAgent::SetWtpTid(uint16_t tid)
{
    m_wtpTid = tid & 0x7FFF;
}

uint16_t
MmsUserAgent::GetWtpTid() const
{
    return m_wsp ? m_wsp->GetNextTid() : m_wtpTid;
}

bool
MmsUserAgent::HasHandset() const
{
    return m_handset;
}

bool
MmsUserAgent::IsSettled() const
{
    // A partly reassembled push waits for its other SMS segments.
    return m_transactions.empty() && m_timers == 0 && m_waitingRetrievals.empty()
           && m_reassembler.GetPendingCount() == 0;
}

bool
MmsUserAgent::HasExchangeInFlight() const
{
    return m_inFlight > 0;
}

void
MmsUserAgent::ShareRandomVariables(Ptr<const MmsUserAgent> from)
{
    m_deferredDelay = from->m_deferredDelay;
    m_readingDelay = from->m_readingDelay;
    m_interArrival = from->m_interArrival;
    m_messageSize = from->m_messageSize;
    m_recipientCount = from->m_recipientCount;
    m_onTime = from->m_onTime;
    m_offTime = from->m_offTime;
    m_draw = &from->Draw();
}

Ptr<MmsUserAgent>
MmsUserAgent::CreateLike(Ptr<const MmsUserAgent> prototype)
{
    // A copy shares what the prototype points to (its traffic model, retry policy, directory),
    // as an ObjectFactory's attribute values would; what a copy must not share is state.
    NS_ABORT_MSG_IF(prototype->m_running || prototype->m_handset || prototype->HasTransport()
                        || prototype->GetNode() || prototype->m_wsp
                        || !prototype->m_transactions.empty() || !prototype->m_inbound.empty()
                        || !prototype->m_waitingRetrievals.empty() || prototype->m_pooled
                        || !prototype->m_nextMessage.IsExpired()
                        || !prototype->m_onOffEvent.IsExpired(),
                    prototype->GetElementName() << ": a prototype User Agent must have no state");
    Ptr<MmsUserAgent> ua = CopyObject<MmsUserAgent>(prototype);
    // The copy has the prototype's variables only if the prototype had made them: its uniform
    // variable is made on first use (Draw), so an unused prototype has none yet and each copy
    // would make one of its own, on no stream the helper assigned. Sharing makes them first.
    ua->ShareRandomVariables(prototype);
    return ua;
}

uint32_t
MmsUserAgent::GetTidCounter() const
{
    return m_tidCounter;
}

void
MmsUserAgent::SetTidCounter(uint32_t n)
{
    m_tidCounter = n;
}

void
MmsUserAgent::CheckSettled()
{
    if (m_pooled && !m_settled.IsNull() && IsSettled())
    {
        m_settled(this);
    }
}

void
MmsUserAgent::StartApplication()
{
    Activate();
    AttachHandset(GetNode(), GetTransport());
    if (m_traffic && !m_externalArrivals)
    {
        ScheduleNextMessage();
    }
    if (m_onOff)
    {
        if (DrawInitialOff())
        {
            SwitchOff();
            ScheduleToggle(Seconds(std::max(0.0, m_offTime->GetValue())));
        }
        else
        {
            ScheduleToggle(Seconds(std::max(0.0, m_onTime->GetValue())));
        }
    }
}

void
MmsUserAgent::StopApplication()
{
    m_running = false;
    Simulator::Remove(m_nextMessage);
    Simulator::Remove(m_onOffEvent);
}

// ------------------------------------------------------------------------ on and off

void
MmsUserAgent::SwitchOff()
{
    if (!m_on)
    {
        return;
    }
    NS_LOG_INFO(GetElementName() << " off at " << Simulator::Now().As(Time::S));
    m_on = false;
    for (auto& em : m_blackoutModels)
    {
        em->Enable();
    }
    for (auto& radio : m_radios)
    {
        radio->SetPowered(false);
    }
    if (m_handset)
    {
        GetTransport()->AbortAll(); // pending transactions fail and are retried when back
        if (m_wsp)
        {
            m_wsp->AbortAll(); // and the WSP session is lost
        }
    }
    m_switchTrace(GetElementName(), false);
}

void
MmsUserAgent::SwitchOn()
{
    if (m_on)
    {
        return;
    }
    NS_LOG_INFO(GetElementName() << " on at " << Simulator::Now().As(Time::S));
    m_on = true;
    for (auto& em : m_blackoutModels)
    {
        em->Disable();
    }
    for (auto& radio : m_radios)
    {
        radio->SetPowered(true);
    }
    m_switchTrace(GetElementName(), true);
    std::vector<uint64_t> waiting;
    for (auto& [id, t] : m_transactions)
    {
        if (t.waitingForOn)
        {
            t.waitingForOn = false;
            waiting.push_back(id);
        }
    }
    for (uint64_t id : waiting)
    {
        Simulator::ScheduleNow(&MmsUserAgent::Attempt, this, id);
    }
    std::vector<std::string> retrievals;
    retrievals.swap(m_waitingRetrievals);
    for (const auto& l : retrievals)
    {
        Simulator::ScheduleNow(&MmsUserAgent::Retrieve, this, l);
    }
}

void
MmsUserAgent::ScheduleOffPeriod(Time start, Time duration)
{
    Simulator::Schedule(start, &MmsUserAgent::SwitchOff, this);
    Simulator::Schedule(start + duration, &MmsUserAgent::SwitchOn, this);
}

void
MmsUserAgent::ToggleOnOff()
{
    if (!m_running)
    {
        return;
    }
    double next;
    if (m_on)
    {
        SwitchOff();
        next = m_offTime->GetValue();
    }
    else
    {
        SwitchOn();
        next = m_onTime->GetValue();
    }
    ScheduleToggle(Seconds(std::max(0.0, next)));
}

void
MmsUserAgent::ScheduleToggle(Time delay)
{
    m_nextSwitch = Simulator::Now() + delay;
    m_onOffEvent = Simulator::Schedule(delay, &MmsUserAgent::ToggleOnOff, this);
}

bool
MmsUserAgent::HasOnOff() const
{
    return m_onOff;
}

bool
MmsUserAgent::DrawInitialOff() const
{
    return m_initialOff > 0 && Draw().GetValue() < m_initialOff;
}

bool
MmsUserAgent::GetSwitchState(Time& next) const
{
    next = m_onOff && m_running ? m_nextSwitch : Time(-1);
    return m_on;
}

void
MmsUserAgent::SetSwitchState(bool on, Time next)
{
    NS_ASSERT_MSG(!m_handset, GetElementName() << ": SetSwitchState before AttachHandset");
    m_on = on;
    Simulator::Remove(m_onOffEvent);
    if (m_onOff)
    {
        ScheduleToggle(std::max(Time(0), next - Simulator::Now()));
    }
}

// ------------------------------------------------------------------------ traffic

void
MmsUserAgent::ScheduleNextMessage()
{
    if (m_trafficModel)
    {
        // The model's process runs on from the last send (or, first, from a stationary start).
        Time now = Simulator::Now();
        Time next = m_sentFromModel ? m_trafficModel->NextSendTime(now)
                                    : m_trafficModel->FirstSendTime(now);
        m_sentFromModel = true;
        if (next != Time::Max())
        {
            m_nextMessage = Simulator::Schedule(next - now, &MmsUserAgent::OwnSend, this);
        }
        return;
    }
    double gap = std::max(0.0, m_interArrival->GetValue());
    m_nextMessage = Simulator::Schedule(Seconds(gap), &MmsUserAgent::OwnSend, this);
}

void
MmsUserAgent::SetExternalArrivals(bool external)
{
    m_externalArrivals = external;
}

void
MmsUserAgent::OwnSend()
{
    if (!m_running || !m_traffic)
    {
        return; // stopped, or generation switched off (Traffic set to false while running)
    }
    ScheduleNextMessage();
    GenerateMessage();
}

void
MmsUserAgent::GenerateMessage()
{
    // Off-net recipients (other operators' subscribers) only with a share of them.
    const uint32_t offNet =
        m_offNet && m_trafficModel && m_trafficModel->GetOffNetShare() > 0 ? m_offNet->GetN() : 0;
    if (!m_running || !m_traffic || !m_on || !m_directory || m_directory->GetN() + offNet < 2)
    {
        return; // a switched-off handset sends nothing
    }
    uint32_t others = m_directory->GetN() - 1 + offNet;
    double c = m_trafficModel ? m_trafficModel->DrawRecipientCount()
                              : std::round(m_recipientCount->GetValue());
    uint32_t count = static_cast<uint32_t>(std::min<double>(std::max(1.0, c), others));
    Message m;
    while (m.to.size() < count)
    {
        if (m_trafficModel && m_trafficModel->DrawEmail())
        {
            // An e-mail user of the mail server (MM3).
            std::string a = m_trafficModel->DrawEmailAddress();
            if (std::find(m.to.begin(), m.to.end(), a) == m.to.end())
            {
                m.to.push_back(a);
            }
            continue;
        }
        Ptr<MmsSubscriberDirectory> among =
            offNet > 0 && m_trafficModel->DrawOffNet() ? m_offNet : m_directory;
        uint32_t i = m_trafficModel ? m_trafficModel->DrawRecipientIndex(among->GetN())
                                    : Draw().GetInteger(0, among->GetN() - 1);
        std::string n = among->GetMsisdn(i);
        if (n != m_msisdn && std::find(m.to.begin(), m.to.end(), n) == m.to.end())
        {
            m.to.push_back(n);
        }
    }
    if (m_trafficModel)
    {
        MmsTrafficModel::Content content = m_trafficModel->DrawContent();
        m.contentSize = content.size;
        m.contentClass = content.contentClass;
        m.deliveryReport = m_trafficModel->DrawDeliveryReport();
        m.readReport = m_trafficModel->DrawReadReport();
    }
    else
    {
        m.contentSize = static_cast<uint32_t>(std::max(1.0, std::round(m_messageSize->GetValue())));
        m.deliveryReport = m_requestDeliveryReport;
        m.readReport = m_requestReadReport;
    }
    Send(m);
}

void
MmsUserAgent::SetOffNetDirectory(Ptr<MmsSubscriberDirectory> directory)
{
    m_offNet = directory;
}

std::string
MmsUserAgent::NextTid()
{
    // Unique per handset and readable in a ladder: "<msisdn digits>-<n>".
    std::string digits;
    for (char ch : m_msisdn)
    {
        if (ch >= '0' && ch <= '9')
        {
            digits += ch;
        }
    }
    return (digits.empty() ? std::to_string(GetNode() ? GetNode()->GetId() : 0) : digits) + "-"
           + std::to_string(++m_tidCounter);
}

std::string
MmsUserAgent::Send(const Message& message)
{
    std::string tid = NextTid();
    auto addresses = [](const std::vector<std::string>& in)
    {
        std::vector<std::string> out;
        for (const auto& a : in)
        {
            out.push_back(MmsHttp::PlmnAddress(a));
        }
        return out;
    };
    MmsMultipartBody body;
    MmsPart text;
    text.contentType = MmsWspContentType("text/plain");
    text.contentType.SetCharset(MmsWspCharset::UTF_8);
    text.headers.push_back(MmsWspPartHeader::ContentLocation("text.txt"));
    text.data = MmsContent(std::string("MMS ") + tid);
    MmsPart image;
    image.contentType = MmsWspContentType("image/jpeg");
    image.headers.push_back(MmsWspPartHeader::ContentLocation("image.jpg"));
    image.data = MmsContent::Virtual(message.contentSize);
    body.parts = {text, image};
    MmsPdu req = MmsPdu::MakeSendReq(tid,
                                     "insert-address",
                                     addresses(message.to),
                                     MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                     body);
    req.SetField(MmsHeaderField::FromInsertAddress());
    for (const auto& a : addresses(message.cc))
    {
        req.AddField(MmsHeaderField::String(MmsField::CC, MmsWspEncodedString{0, a}));
    }
    for (const auto& a : addresses(message.bcc))
    {
        req.AddField(MmsHeaderField::String(MmsField::BCC, MmsWspEncodedString{0, a}));
    }
    if (!message.subject.empty())
    {
        req.AddField(
            MmsHeaderField::String(MmsField::SUBJECT, MmsWspEncodedString{0, message.subject}));
    }
    if (message.expiry > Time(0))
    {
        req.AddField(MmsHeaderField::Time(
            MmsField::EXPIRY, false, static_cast<uint64_t>(message.expiry.GetSeconds())));
    }
    req.AddField(MmsHeaderField::Octet(MmsField::DELIVERY_REPORT,
                                       message.deliveryReport ? MmsValue::YES : MmsValue::NO));
    req.AddField(MmsHeaderField::Octet(MmsField::READ_REPORT,
                                       message.readReport ? MmsValue::YES : MmsValue::NO));
    Transaction t;
    t.kind = SEND;
    t.tid = tid;
    t.request = MmsHttp::MakeMmsRequest("POST", m_relayPath, m_relayHost, req);
    t.label = MmsLadder::Label(req);
    t.bytes = t.request.GetBodySize();
    m_counters.submitted++;
    // The recipients of a submission, comma-separated, and its content class (results rows).
    std::string all;
    for (const auto* list : {&message.to, &message.cc, &message.bcc})
    {
        for (const auto& a : *list)
        {
            all += (all.empty() ? "" : ",") + MmsHttp::PlmnAddress(a);
        }
    }
    m_submittedTrace(MakeEvent("", all, tid, t.bytes, message.contentClass));
    Start(t);
    return tid;
}

// ------------------------------------------------------------------------ transactions

uint64_t
MmsUserAgent::Start(const Transaction& t)
{
    uint64_t id = m_nextTransaction++;
    m_transactions[id] = t;
    Time d = m_retryPolicy->GetDelay(1);
    Simulator::Schedule(d, &MmsUserAgent::Attempt, this, id);
    return id;
}

void
MmsUserAgent::Attempt(uint64_t id)
{
    auto it = m_transactions.find(id);
    if (it == m_transactions.end())
    {
        return;
    }
    if (!m_on)
    {
        it->second.waitingForOn = true; // resumes when the handset is back
        return;
    }
    if (!m_handset && !m_bind.IsNull())
    {
        m_bind(this); // a pooled subscriber: a handset from its cell's pool
    }
    if (!m_handset)
    {
        // The pool refused (its cell's limit of bound handsets): the attempt fails as one
        // that found no PDP context, and is retried on the policy.
        it->second.attempt++;
        Retry(id, "no PDP context");
        CheckSettled();
        return;
    }
    it->second.attempt++;
    if (it->second.kind == RETRIEVE && it->second.attempt == 1)
    {
        m_retrievalStartedTrace(
            MakeEvent(it->second.messageId, MmsHttp::PlmnAddress(m_msisdn), it->second.tid, 0));
    }
    m_inFlight++;
    if (m_wsp)
    {
        // WAP 1.x: the same request as a WSP Get/Post through the gateway.
        m_wsp->Request(it->second.request,
                       it->second.label,
                       MakeCallback(&MmsUserAgent::HandleResponse, this),
                       id);
        return;
    }
    GetTransport()->Request(m_relayAddress,
                            it->second.request,
                            it->second.label,
                            MakeCallback(&MmsUserAgent::HandleResponse, this),
                            id);
}

void
MmsUserAgent::HandleResponse(uint64_t id, bool ok, const MmsHttpMessage& r, const std::string& why)
{
    if (m_inFlight > 0)
    {
        m_inFlight--;
    }
    auto it = m_transactions.find(id);
    if (it == m_transactions.end())
    {
        return;
    }
    if (!ok)
    {
        Retry(id, why);
    }
    else if (r.status == 503 || r.status == 500 || r.status == 502 || r.status == 504)
    {
        Retry(id, "HTTP " + std::to_string(r.status));
    }
    else
    {
        Complete(id, r);
    }
    CheckSettled();
}

void
MmsUserAgent::Retry(uint64_t id, const std::string& why)
{
    Transaction& t = m_transactions[id];
    uint32_t next = t.attempt + 1;
    if (!m_retryPolicy->IsAllowed(next))
    {
        m_counters.failedTransactions++;
        m_failedTrace(MakeEvent(t.messageId,
                                t.kind == SEND ? std::string() : MmsHttp::PlmnAddress(m_msisdn),
                                t.tid,
                                t.bytes,
                                why));
        if (t.kind == RETRIEVE)
        {
            auto in = m_inbound.find(t.location);
            if (in != m_inbound.end())
            {
                in->second.state = FAILED_STATE;
            }
        }
        m_transactions.erase(id);
        return;
    }
    NS_LOG_LOGIC(GetElementName() << " attempt " << t.attempt << " of " << t.tid << " failed ("
                                  << why << "), retry");
    Simulator::Schedule(m_retryPolicy->GetDelay(next), &MmsUserAgent::Attempt, this, id);
}

void
MmsUserAgent::Complete(uint64_t id, const MmsHttpMessage& r)
{
    Transaction t = m_transactions[id];
    m_transactions.erase(id);
    std::string self = MmsHttp::PlmnAddress(m_msisdn);
    switch (t.kind)
    {
        case SEND:
        {
            MmsPdu conf;
            std::string error;
            if (r.status != 200 || !MmsHttp::DecodeMmsBody(r, conf, error)
                || conf.GetMessageType() != static_cast<uint8_t>(MmsMessageType::SEND_CONF))
            {
                m_counters.submitRejected++;
                m_rejectedTrace(MakeEvent(
                    "", "", t.tid, t.bytes, "no M-Send.conf: HTTP " + std::to_string(r.status)));
                return;
            }
            uint8_t status = conf.GetOctet(MmsField::RESPONSE_STATUS);
            std::string messageId = conf.GetText(MmsField::MESSAGE_ID);
            if (status == MmsValue::RESPONSE_OK)
            {
                m_counters.submitConfirmed++;
                m_submitConfirmedTrace(MakeEvent(messageId, "", t.tid, t.bytes));
            }
            else if (status >= 0xC0 && status < 0xE0)
            {
                // Transient: the same M-Send.req again on the retry schedule.
                m_transactions[id] = t;
                Retry(id, MmsPdu::FormatValue(*conf.FindField(MmsField::RESPONSE_STATUS)));
            }
            else
            {
                m_counters.submitRejected++;
                m_rejectedTrace(
                    MakeEvent("",
                              "",
                              t.tid,
                              t.bytes,
                              MmsPdu::FormatValue(*conf.FindField(MmsField::RESPONSE_STATUS))));
            }
            return;
        }
        case RETRIEVE:
        {
            auto in = m_inbound.find(t.location);
            MmsPdu conf;
            std::string error;
            if (r.status != 200 || !MmsHttp::DecodeMmsBody(r, conf, error)
                || conf.GetMessageType() != static_cast<uint8_t>(MmsMessageType::RETRIEVE_CONF)
                || (conf.HasField(MmsField::RETRIEVE_STATUS)
                    && conf.GetOctet(MmsField::RETRIEVE_STATUS) != MmsValue::RETRIEVE_OK))
            {
                std::string why = r.status != 200  ? "HTTP " + std::to_string(r.status)
                                  : !error.empty() ? error
                                                   : "M-Retrieve.conf with an error status";
                m_counters.failedTransactions++;
                m_failedTrace(MakeEvent(t.messageId, self, t.tid, 0, "retrieval: " + why));
                if (in != m_inbound.end())
                {
                    in->second.state = FAILED_STATE;
                }
                return;
            }
            std::string messageId = conf.GetText(MmsField::MESSAGE_ID);
            m_counters.retrieved++;
            m_retrievalCompletedTrace(
                MakeEvent(messageId, self, conf.GetTransactionId(), r.GetBodySize()));
            bool deferred = in != m_inbound.end() && in->second.deferred;
            if (in != m_inbound.end())
            {
                in->second.state = RETRIEVED;
                in->second.messageId = messageId;
            }
            // Acknowledge: M-NotifyResp.ind (Retrieved) after an immediate retrieval,
            // M-Acknowledge.ind with the M-Retrieve.conf's transaction id after a deferred one (OMA
            // MMS CTR).
            Transaction ack;
            ack.location = t.location;
            ack.messageId = messageId;
            if (deferred)
            {
                ack.kind = ACKNOWLEDGE;
                ack.tid = conf.GetTransactionId();
                MmsPdu pdu = MmsPdu::MakeAcknowledgeInd(ack.tid, m_reportAllowed);
                ack.request = MmsHttp::MakeMmsRequest("POST", m_relayPath, m_relayHost, pdu);
                ack.label = MmsLadder::Label(pdu);
            }
            else
            {
                ack.kind = NOTIFY_RESP;
                ack.tid = in != m_inbound.end() ? in->second.notificationTid : t.tid;
                MmsPdu pdu =
                    MmsPdu::MakeNotifyRespInd(ack.tid, MmsValue::STATUS_RETRIEVED, m_reportAllowed);
                ack.request = MmsHttp::MakeMmsRequest("POST", m_relayPath, m_relayHost, pdu);
                ack.label = MmsLadder::Label(pdu);
            }
            ack.bytes = ack.request.GetBodySize();
            Start(ack);
            if (conf.GetOctet(MmsField::READ_REPORT) == MmsValue::YES
                && Draw().GetValue() < m_readReportProbability)
            {
                m_timers++;
                Simulator::Schedule(Seconds(std::max(0.0, m_readingDelay->GetValue())),
                                    &MmsUserAgent::TimedReadReport,
                                    this,
                                    messageId,
                                    conf.GetFrom());
            }
            return;
        }
        case NOTIFY_RESP:
        case ACKNOWLEDGE:
        {
            auto in = m_inbound.find(t.location);
            bool acknowledgesRetrieval =
                t.kind == ACKNOWLEDGE || (in != m_inbound.end() && in->second.state == RETRIEVED);
            if (acknowledgesRetrieval)
            {
                m_acknowledgedTrace(MakeEvent(t.messageId, self, t.tid, t.bytes));
            }
            else
            {
                std::string status = in == m_inbound.end()                ? "?"
                                     : in->second.state == REJECTED_STATE ? "Rejected"
                                                                          : "Deferred";
                m_notifyRespSentTrace(MakeEvent(t.messageId, self, t.tid, t.bytes, status));
            }
            return;
        }
        case READ_REC:
            m_counters.readReportsSent++;
            m_readReportSentTrace(MakeEvent(t.messageId, self, t.tid, t.bytes));
            return;
    }
}

// ------------------------------------------------------------------------ push reception

void
MmsUserAgent::HandleSmsDatagram(const std::vector<uint8_t>& data, const Address& from)
{
    Ptr<MmsTransport> transport = GetTransport();
    const uint16_t port = m_smsPort;
    ReceiveSms(data,
               [transport, port, from](const std::vector<uint8_t>& answer)
               {
                   transport->SendDatagram(port, from, answer);
               });
    CheckSettled();
}

void
MmsUserAgent::ReceiveSmsByNumber(const std::vector<uint8_t>& datagram, const SmsReply& reply)
{
    ReceiveSms(datagram, reply);
    CheckSettled();
}

void
MmsUserAgent::ReceiveSms(const std::vector<uint8_t>& data, const SmsReply& reply)
{
    if (!m_on || data.size() < 2 || data[0] != MmsSmsc::RP_DATA_TO_MS)
    {
        return;
    }
    MmsSmsDeliver deliver;
    MmsDecodeError e;
    bool ok = MmsSmsDeliver::Decode(data.data() + 2, data.size() - 2, deliver, e);
    // RP-ACK (with an SMS-DELIVER-REPORT) or RP-ERROR for a TPDU we cannot read.
    MmsSmsDeliverReport report;
    report.isError = !ok;
    report.failureCause = ok ? 0 : 0xD2; // "Error in MS" (TS 23.040 9.2.3.22)
    std::vector<uint8_t> tpdu = report.Encode();
    std::vector<uint8_t> answer(tpdu.size() + 2);
    answer[0] = ok ? MmsSmsc::RP_ACK_FROM_MS : MmsSmsc::RP_ERROR_FROM_MS;
    answer[1] = data[1];
    std::copy(tpdu.begin(), tpdu.end(), answer.begin() + 2);
    reply(answer);
    if (!ok)
    {
        NS_LOG_WARN(GetElementName() << ": undecodable SMS-DELIVER: " << e.ToString());
        return;
    }
    m_counters.smsReceived++;
    m_smsReceivedTrace(
        MakeEvent("", MmsHttp::PlmnAddress(m_msisdn), "", data.size() - 2, deliver.originator));
    if (!deliver.userDataHeaderIndicator)
    {
        return; // a text SMS: not for the MMS UA
    }
    MmsWdpSmsSegment seg;
    if (!MmsWdpSmsSegment::Decode(deliver.userData.data(), deliver.userData.size(), seg, e))
    {
        NS_LOG_WARN(GetElementName() << ": SMS user data header: " << e.ToString());
        return;
    }
    std::string error;
    if (!m_reassembler.Add(deliver.originator, seg, &error))
    {
        NS_LOG_WARN(GetElementName() << ": SMS segment dropped: " << error);
        return;
    }
    while (m_reassembler.HasDatagram())
    {
        MmsWdpSmsReassembler::Datagram d = m_reassembler.PopDatagram();
        if (d.destinationPort == m_pushPort || !seg.hasPorts)
        {
            HandleWdpDatagram(d.data, d.data.size());
        }
    }
}

void
MmsUserAgent::HandlePushDatagram(const std::vector<uint8_t>& data, const Address&)
{
    if (m_on)
    {
        HandleWdpDatagram(data, data.size());
    }
    CheckSettled();
}

void
MmsUserAgent::HandleWdpDatagram(const std::vector<uint8_t>& data, uint64_t carriedBytes)
{
    MmsWspPushPdu push;
    MmsDecodeError e;
    if (!MmsWspPushPdu::Decode(data.data(), data.size(), push, e))
    {
        NS_LOG_WARN(GetElementName() << ": undecodable WSP Push: " << e.ToString());
        return;
    }
    MmsPdu pdu;
    const std::vector<uint8_t>& body = push.GetData();
    if (!MmsPdu::Decode(body.data(), body.size(), pdu, e))
    {
        NS_LOG_WARN(GetElementName() << ": pushed content is not an MMS PDU: " << e.ToString());
        return;
    }
    uint8_t type = pdu.GetMessageType();
    std::string self = MmsHttp::PlmnAddress(m_msisdn);
    if (type == static_cast<uint8_t>(MmsMessageType::NOTIFICATION_IND))
    {
        m_pushReceivedTrace(MakeEvent(MessageIdOf(pdu.GetText(MmsField::CONTENT_LOCATION)),
                                      self,
                                      pdu.GetTransactionId(),
                                      carriedBytes,
                                      "M-Notification.ind"));
        HandleNotification(pdu, carriedBytes);
    }
    else if (type == static_cast<uint8_t>(MmsMessageType::DELIVERY_IND))
    {
        m_counters.deliveryReports++;
        std::vector<std::string> to = pdu.GetAddresses(MmsField::TO);
        const MmsHeaderField* status = pdu.FindField(MmsField::STATUS);
        m_pushReceivedTrace(
            MakeEvent(pdu.GetText(MmsField::MESSAGE_ID), self, "", carriedBytes, "M-Delivery.ind"));
        m_deliveryReportTrace(MakeEvent(pdu.GetText(MmsField::MESSAGE_ID),
                                        to.empty() ? std::string() : to[0],
                                        "",
                                        carriedBytes,
                                        status ? MmsPdu::FormatValue(*status) : "?"));
    }
    else if (type == static_cast<uint8_t>(MmsMessageType::READ_ORIG_IND))
    {
        m_counters.readReportsReceived++;
        m_pushReceivedTrace(MakeEvent(
            pdu.GetText(MmsField::MESSAGE_ID), self, "", carriedBytes, "M-Read-Orig.ind"));
        m_readReportTrace(
            MakeEvent(pdu.GetText(MmsField::MESSAGE_ID), pdu.GetFrom(), "", carriedBytes, "Read"));
    }
    else
    {
        NS_LOG_WARN(GetElementName() << ": unexpected pushed " << MmsPdu::MessageTypeName(type));
    }
}

std::string
MmsUserAgent::Location(const std::string& location) const
{
    // http://host/path -> /path
    auto scheme = location.find("://");
    if (scheme == std::string::npos)
    {
        return location;
    }
    auto slash = location.find('/', scheme + 3);
    return slash == std::string::npos ? "/" : location.substr(slash);
}

std::string
MmsUserAgent::MessageIdOf(const std::string& location) const
{
    // The Relay's locations end in /<message-id>/<recipient index> (doc/mms.rst); only used to
    // label trace records.
    std::string path = Location(location);
    auto last = path.rfind('/');
    if (last == std::string::npos || last == 0)
    {
        return "";
    }
    auto before = path.rfind('/', last - 1);
    return before == std::string::npos ? "" : path.substr(before + 1, last - before - 1);
}

void
MmsUserAgent::HandleNotification(const MmsPdu& pdu, uint64_t bytes)
{
    m_counters.notifications++;
    std::string location = pdu.GetText(MmsField::CONTENT_LOCATION);
    auto it = m_inbound.find(location);
    if (it != m_inbound.end())
    {
        m_counters.duplicateNotifications++;
        // A re-notification: the Relay missed our answer. Answer again if we are done.
        if (it->second.state == RETRIEVED && !it->second.deferred)
        {
            it->second.notificationTid = pdu.GetTransactionId();
            SendNotifyResp(location, MmsValue::STATUS_RETRIEVED);
        }
        else if (it->second.state == DEFERRED_STATE)
        {
            it->second.notificationTid = pdu.GetTransactionId();
            SendNotifyResp(location, MmsValue::STATUS_DEFERRED);
        }
        else if (it->second.state == REJECTED_STATE)
        {
            SendNotifyResp(location, MmsValue::STATUS_REJECTED);
        }
        return;
    }
    Inbound in;
    in.notificationTid = pdu.GetTransactionId();
    in.from = pdu.GetFrom();
    in.size = pdu.GetNumber(MmsField::MESSAGE_SIZE);
    in.messageId = MessageIdOf(location);
    m_inbound[location] = in;
    m_inboundOrder.push_back(location);
    while (m_inboundOrder.size() > MAX_INBOUND)
    {
        m_inbound.erase(m_inboundOrder.front());
        m_inboundOrder.pop_front();
    }
    Inbound& rec = m_inbound[location];
    if (m_rejectProbability > 0 && Draw().GetValue() < m_rejectProbability)
    {
        rec.state = REJECTED_STATE;
        SendNotifyResp(location, MmsValue::STATUS_REJECTED);
        return;
    }
    bool deferred = m_retrievalMode == DEFERRED
                    || (m_retrievalMode == SIZE_THRESHOLD && rec.size > m_sizeThreshold)
                    || (m_trafficModel && m_trafficModel->DrawDeferred());
    if (!deferred)
    {
        Retrieve(location);
        return;
    }
    rec.deferred = true;
    rec.state = DEFERRED_STATE;
    SendNotifyResp(location, MmsValue::STATUS_DEFERRED);
    if (m_neverRetrieveProbability > 0 && Draw().GetValue() < m_neverRetrieveProbability)
    {
        return;
    }
    m_timers++;
    Simulator::Schedule(Seconds(std::max(0.0, m_deferredDelay->GetValue())),
                        &MmsUserAgent::TimedRetrieve,
                        this,
                        location);
}

void
MmsUserAgent::TimedRetrieve(std::string location)
{
    m_timers--;
    Retrieve(location);
    CheckSettled();
}

void
MmsUserAgent::TimedReadReport(std::string messageId, std::string originator)
{
    m_timers--;
    SendReadReport(messageId, originator);
}

void
MmsUserAgent::Retrieve(std::string location)
{
    auto in = m_inbound.find(location);
    if (in == m_inbound.end() || in->second.state == RETRIEVING || in->second.state == RETRIEVED)
    {
        return;
    }
    if (!m_on)
    {
        m_waitingRetrievals.push_back(location);
        return;
    }
    in->second.state = RETRIEVING;
    Transaction t;
    t.kind = RETRIEVE;
    t.location = location;
    t.tid = in->second.notificationTid;
    t.messageId = in->second.messageId;
    t.request = MmsHttpMessage::Request("GET", Location(location));
    t.request.AddHeader("Host", m_relayHost);
    t.request.AddHeader("Accept", MmsHttp::MMS_CONTENT_TYPE);
    t.label = {"GET Content-Location", MmsLadder::TargetId(t.request.target)};
    Start(t);
}

void
MmsUserAgent::SendNotifyResp(const std::string& location, uint8_t status)
{
    auto in = m_inbound.find(location);
    if (in == m_inbound.end())
    {
        return;
    }
    Transaction t;
    t.kind = NOTIFY_RESP;
    t.location = location;
    t.messageId = in->second.messageId;
    t.tid = in->second.notificationTid;
    MmsPdu pdu = MmsPdu::MakeNotifyRespInd(t.tid, status, m_reportAllowed);
    t.request = MmsHttp::MakeMmsRequest("POST", m_relayPath, m_relayHost, pdu);
    t.label = MmsLadder::Label(pdu);
    t.bytes = t.request.GetBodySize();
    Start(t);
}

void
MmsUserAgent::SendReadReport(std::string messageId, std::string originator)
{
    Transaction t;
    t.kind = READ_REC;
    t.messageId = messageId;
    t.tid = messageId;
    MmsPdu pdu = MmsPdu::MakeReadRecInd(messageId,
                                        originator,
                                        MmsHttp::PlmnAddress(m_msisdn),
                                        MmsClock::NowUnix(),
                                        MmsValue::READ_STATUS_READ);
    t.request = MmsHttp::MakeMmsRequest("POST", m_relayPath, m_relayHost, pdu);
    t.label = MmsLadder::Label(pdu);
    t.bytes = t.request.GetBodySize();
    Start(t);
}

} // namespace ns3
