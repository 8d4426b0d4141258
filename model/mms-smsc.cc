/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-smsc.h"

#include "mms-wdp-sms.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsSmsc");
NS_OBJECT_ENSURE_REGISTERED(MmsSmsc);

TypeId
MmsSmsc::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsSmsc")
            .SetParent<MmsApplication>()
            .SetGroupName("Mms")
            .AddConstructor<MmsSmsc>()
            .AddAttribute("Port",
                          "TCP port of the HTTP submission interface. Default 13013: "
                          "Kannel's sendsms-port.",
                          UintegerValue(13013),
                          MakeUintegerAccessor(&MmsSmsc::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("BearerPort",
                          "UDP port of the SMS bearer stand-in on handsets and on the SMSC.",
                          UintegerValue(9292),
                          MakeUintegerAccessor(&MmsSmsc::m_bearerPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("ServiceRate",
                          "SMS the SMSC forwards per second (a single FIFO server). Default "
                          "100/s (a modelling choice; real SMSCs are licensed per SMS/s).",
                          DoubleValue(100.0),
                          MakeDoubleAccessor(&MmsSmsc::m_serviceRate),
                          MakeDoubleChecker<double>(1e-9))
            .AddAttribute("QueueLimit",
                          "Most SMS held at once; a submission beyond it gets 503.",
                          UintegerValue(100000),
                          MakeUintegerAccessor(&MmsSmsc::m_queueLimit),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DeliveryDelay",
                          "Paging and transfer time of one delivery attempt (s). Default "
                          "log-normal, median 4 s, mean 4.8 s, with a long tail: single SMS "
                          "arrive in seconds, a few take minutes (Mspect 2002; "
                          "doc/mms.rst).",
                          StringValue("ns3::LogNormalRandomVariable[Mu=1.386|Sigma=0.6]"),
                          MakePointerAccessor(&MmsSmsc::m_deliveryDelay),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("LossProbability",
                          "Probability that a delivery attempt is lost (no RP-ACK comes). "
                          "Default 0.01 (failure ratios up to 5.1% measured by Meng et al., "
                          "INFOCOM 2007).",
                          DoubleValue(0.01),
                          MakeDoubleAccessor(&MmsSmsc::m_lossProbability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("AckTimeout",
                          "Time to wait for the RP-ACK of an attempt. Default 40 s "
                          "(the TR1M timer of TS 24.011, 35-45 s).",
                          TimeValue(Seconds(40)),
                          MakeTimeAccessor(&MmsSmsc::m_ackTimeout),
                          MakeTimeChecker())
            .AddAttribute("RetryInterval",
                          "Time between failed attempts. Default 60 s: Kannel's "
                          "sms-resend-freq.",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&MmsSmsc::m_retryInterval),
                          MakeTimeChecker())
            .AddAttribute("ValidityPeriod",
                          "How long an SMS is kept when the submission sets no TP-VP. "
                          "Default 24 h (a common SMSC default; operators differ).",
                          TimeValue(Hours(24)),
                          MakeTimeAccessor(&MmsSmsc::m_validity),
                          MakeTimeChecker())
            .AddTraceSource("QueueLength",
                            "SMS waiting for the service queue.",
                            MakeTraceSourceAccessor(&MmsSmsc::m_queueLength),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("Accepted",
                            "A submitted SMS was accepted (transaction id: the X-Sms-Tag; detail: "
                            "the SMSC reference, \"NAME-N\" (NAME: the element name, \"smsc\" "
                            "if none was set), which opens the detail of the events below).",
                            MakeTraceSourceAccessor(&MmsSmsc::m_acceptedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Refused",
                            "A submission was refused (detail: why).",
                            MakeTraceSourceAccessor(&MmsSmsc::m_refusedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SmsSent",
                            "A delivery attempt transmitted an SMS segment (detail: reference, "
                            "attempt).",
                            MakeTraceSourceAccessor(&MmsSmsc::m_sentTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("AttemptFailed",
                            "A delivery attempt failed (detail: reference, why).",
                            MakeTraceSourceAccessor(&MmsSmsc::m_attemptFailedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SmsDelivered",
                            "The handset acknowledged an SMS segment (detail: reference).",
                            MakeTraceSourceAccessor(&MmsSmsc::m_deliveredTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SmsExpired",
                            "An SMS was dropped at the end of its validity period (detail: "
                            "reference, why).",
                            MakeTraceSourceAccessor(&MmsSmsc::m_expiredTrace),
                            "ns3::MmsEventTracedCallback");
    return tid;
}

MmsSmsc::MmsSmsc()
    : m_lossDraw(CreateObject<UniformRandomVariable>())
{
}

MmsSmsc::~MmsSmsc() = default;

int64_t
MmsSmsc::AssignStreams(int64_t stream)
{
    m_deliveryDelay->SetStream(stream);
    m_lossDraw->SetStream(stream + 1);
    return 2;
}

uint64_t
MmsSmsc::GetStoredCount() const
{
    return m_sms.size();
}

uint32_t
MmsSmsc::GetQueueLength() const
{
    return static_cast<uint32_t>(m_serviceQueue.size());
}

void
MmsSmsc::DoDispose()
{
    for (auto& [d, dest] : m_destinations)
    {
        Simulator::Remove(dest.timer);
    }
    m_destinations.clear();
    m_sms.clear();
    MmsApplication::DoDispose();
}

void
MmsSmsc::StartApplication()
{
    GetTransport()->Listen(m_port, MakeCallback(&MmsSmsc::HandleSubmit, this));
    GetTransport()->BindDatagram(m_bearerPort, MakeCallback(&MmsSmsc::HandleReport, this));
}

void
MmsSmsc::StopApplication()
{
}

void
MmsSmsc::HandleSubmit(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address&)
{
    auto answer = [&](int status, const std::string& reason, const std::string& text)
    {
        MmsHttpMessage r = MmsHttpMessage::Response(status, reason);
        r.AddHeader("Content-Type", "text/plain");
        r.body.assign(text.begin(), text.end());
        GetTransport()->Respond(ex, r);
    };
    if (m.method != "POST" || m.target != "/sms")
    {
        answer(404, "Not Found", "submit SMS by POST /sms");
        return;
    }
    std::vector<uint8_t> body = m.SerializeBody();
    MmsSmsSubmit submit;
    MmsDecodeError e;
    if (!MmsSmsSubmit::Decode(body.data(), body.size(), submit, e))
    {
        m_refusedTrace(MakeEvent("", "", "", body.size(), "malformed: " + e.ToString()));
        answer(400, "Bad Request", "SMS-SUBMIT: " + e.ToString());
        return;
    }
    // A subscriber? (Where it is, is looked up at each delivery attempt.)
    if (!m_directory || !m_directory->IsSubscriber(submit.destination))
    {
        m_refusedTrace(MakeEvent("", submit.destination, "", body.size(), "unknown subscriber"));
        answer(404, "Not Found", "TP-DA " + submit.destination + ": unknown subscriber");
        return;
    }
    if (m_sms.size() >= m_queueLimit)
    {
        m_refusedTrace(MakeEvent("", submit.destination, "", body.size(), "queue full"));
        answer(503, "Service Unavailable", "SMSC queue full");
        return;
    }
    uint64_t id = m_nextId++;
    Sms& s = m_sms[id];
    s.destination = submit.destination;
    // References are unique per SMSC; named SMSCs (scenario vertices) prefix their own name,
    // so that the references of several SMSCs in one run never collide.
    const std::string name = GetElementName();
    s.reference = (name.find('@') == std::string::npos ? name : std::string("smsc")) + "-"
                  + std::to_string(id);
    s.deliver.originator = m.GetHeader("X-Sms-From");
    s.tag = m.GetHeader("X-Sms-Tag");
    s.messageId = s.tag.substr(0, s.tag.find('/'));
    s.deliver.protocolId = submit.protocolId;
    s.deliver.dataCoding = submit.dataCoding;
    s.deliver.userDataHeaderIndicator = submit.userDataHeaderIndicator;
    s.deliver.userData = submit.userData;
    s.deliver.serviceCentreTime = static_cast<int64_t>(MmsClock::NowUnix());
    Time validity = submit.hasValidityPeriod ? Seconds(submit.validityPeriodSeconds) : m_validity;
    s.expiresAt = Simulator::Now() + validity;
    m_acceptedTrace(MakeEvent(s.messageId, s.destination, s.tag, body.size(), s.reference));
    answer(202, "Accepted", s.reference);
    m_serviceQueue.push_back(id);
    m_queueLength = static_cast<uint32_t>(m_serviceQueue.size());
    if (!m_serving)
    {
        m_serving = true;
        Simulator::Schedule(Seconds(1.0 / m_serviceRate), &MmsSmsc::Serve, this);
    }
}

void
MmsSmsc::Serve()
{
    if (m_serviceQueue.empty())
    {
        m_serving = false;
        return;
    }
    uint64_t id = m_serviceQueue.front();
    m_serviceQueue.pop_front();
    m_queueLength = static_cast<uint32_t>(m_serviceQueue.size());
    auto it = m_sms.find(id);
    if (it != m_sms.end())
    {
        Destination& d = m_destinations[it->second.destination];
        d.queue.push_back(id);
        if (!d.busy)
        {
            d.busy = true;
            StartAttempt(it->second.destination);
        }
    }
    if (m_serviceQueue.empty())
    {
        m_serving = false;
    }
    else
    {
        Simulator::Schedule(Seconds(1.0 / m_serviceRate), &MmsSmsc::Serve, this);
    }
}

void
MmsSmsc::StartAttempt(std::string destination)
{
    Destination& d = m_destinations[destination];
    if (d.queue.empty())
    {
        m_destinations.erase(destination); // idle destinations cost nothing
        return;
    }
    Sms& s = m_sms[d.queue.front()];
    if (Simulator::Now() >= s.expiresAt)
    {
        Finish(destination, false, "validity period ended");
        return;
    }
    s.attempts++;
    double delay = std::max(0.0, m_deliveryDelay->GetValue());
    d.timer = Simulator::Schedule(Seconds(delay), &MmsSmsc::Transmit, this, destination);
}

void
MmsSmsc::Transmit(std::string destination)
{
    Destination& d = m_destinations[destination];
    if (d.queue.empty())
    {
        return;
    }
    Sms& s = m_sms[d.queue.front()];
    bool viaCell = false;
    if (!m_directory || !m_directory->ResolveForSms(destination, d.address, viaCell))
    {
        Finish(destination, false, "unknown subscriber");
        return;
    }
    std::vector<uint8_t> tpdu = s.deliver.Encode();
    s.rpReference = m_nextRp++;
    std::vector<uint8_t> datagram(tpdu.size() + 2);
    datagram[0] = RP_DATA_TO_MS;
    datagram[1] = s.rpReference;
    std::copy(tpdu.begin(), tpdu.end(), datagram.begin() + 2);
    if (viaCell)
    {
        datagram = WrapForCell(FORWARD_TO_CELL, destination, datagram);
    }
    std::string attempt = s.reference + " attempt " + std::to_string(s.attempts);
    d.awaitingAck = true;
    if (m_lossDraw->GetValue() < m_lossProbability)
    {
        NS_LOG_LOGIC("SMS " << s.reference << " lost on " << attempt);
    }
    else
    {
        GetTransport()->SendDatagram(
            m_bearerPort, InetSocketAddress(d.address, m_bearerPort), datagram);
    }
    m_sentTrace(MakeEvent(s.messageId, destination, s.tag, tpdu.size(), attempt));
    d.timer = Simulator::Schedule(m_ackTimeout, &MmsSmsc::HandleAckTimeout, this, destination);
}

void
MmsSmsc::HandleAckTimeout(std::string destination)
{
    Destination& d = m_destinations[destination];
    if (d.queue.empty() || !d.awaitingAck)
    {
        return;
    }
    d.awaitingAck = false;
    Sms& s = m_sms[d.queue.front()];
    m_attemptFailedTrace(MakeEvent(s.messageId, destination, s.tag, 0, s.reference + " no RP-ACK"));
    if (Simulator::Now() + m_retryInterval >= s.expiresAt)
    {
        Finish(destination, false, "validity period ended");
        return;
    }
    d.timer = Simulator::Schedule(m_retryInterval, &MmsSmsc::StartAttempt, this, destination);
}

std::vector<uint8_t>
MmsSmsc::WrapForCell(uint8_t kind, const std::string& msisdn, const std::vector<uint8_t>& datagram)
{
    NS_ABORT_MSG_IF(msisdn.size() > 255, "MmsSmsc::WrapForCell: a number of 255 octets at most");
    std::vector<uint8_t> out(2 + msisdn.size() + datagram.size());
    out[0] = kind;
    out[1] = static_cast<uint8_t>(msisdn.size());
    std::copy(msisdn.begin(), msisdn.end(), out.begin() + 2);
    std::copy(datagram.begin(),
              datagram.end(),
              out.begin() + 2 + static_cast<std::ptrdiff_t>(msisdn.size()));
    return out;
}

bool
MmsSmsc::UnwrapFromCell(const std::vector<uint8_t>& data,
                        uint8_t kind,
                        std::string& msisdn,
                        std::vector<uint8_t>& datagram)
{
    if (data.size() < 2 || data[0] != kind)
    {
        return false;
    }
    const std::size_t n = data[1];
    if (n == 0 || data.size() < 2 + n + 2)
    {
        return false; // no number, or no RP-MTI and RP-MR after it
    }
    msisdn.assign(data.begin() + 2, data.begin() + 2 + static_cast<std::ptrdiff_t>(n));
    datagram.assign(data.begin() + 2 + static_cast<std::ptrdiff_t>(n), data.end());
    return true;
}

void
MmsSmsc::HandleReport(const std::vector<uint8_t>& wire, const Address& from)
{
    if (!InetSocketAddress::IsMatchingType(from) || wire.size() < 2 || !m_directory)
    {
        return;
    }
    // An answer from a cell names its subscriber; one from a handset, its address.
    std::string destination;
    std::vector<uint8_t> data;
    if (wire[0] == FORWARD_REPORT)
    {
        if (!UnwrapFromCell(wire, FORWARD_REPORT, destination, data))
        {
            return;
        }
    }
    else
    {
        destination = m_directory->FindByAddress(InetSocketAddress::ConvertFrom(from).GetIpv4());
        data = wire;
    }
    auto it = m_destinations.find(destination);
    if (it == m_destinations.end() || it->second.queue.empty() || !it->second.awaitingAck)
    {
        return; // late or unexpected report
    }
    Destination& d = it->second;
    Sms& s = m_sms[d.queue.front()];
    if (data[1] != s.rpReference)
    {
        return; // the report of an earlier attempt
    }
    if (data[0] == RP_ACK_FROM_MS)
    {
        // Removed, not cancelled: a cancelled timer stays queued until its time and then runs
        // as an event that does nothing; nearly every attempt is acknowledged.
        Simulator::Remove(d.timer);
        d.awaitingAck = false;
        Finish(destination, true, "");
    }
    else if (data[0] == RP_ERROR_FROM_MS)
    {
        Simulator::Remove(d.timer);
        d.awaitingAck = false;
        m_attemptFailedTrace(
            MakeEvent(s.messageId, destination, s.tag, 0, s.reference + " RP-ERROR"));
        if (Simulator::Now() + m_retryInterval >= s.expiresAt)
        {
            Finish(destination, false, "validity period ended");
            return;
        }
        d.timer = Simulator::Schedule(m_retryInterval, &MmsSmsc::StartAttempt, this, destination);
    }
}

void
MmsSmsc::Finish(const std::string& destination, bool delivered, const std::string& detail)
{
    Destination& d = m_destinations[destination];
    uint64_t id = d.queue.front();
    d.queue.pop_front();
    Sms& s = m_sms[id];
    if (delivered)
    {
        m_deliveredTrace(
            MakeEvent(s.messageId, destination, s.tag, s.deliver.Encode().size(), s.reference));
    }
    else
    {
        m_expiredTrace(MakeEvent(s.messageId, destination, s.tag, 0, s.reference + " " + detail));
    }
    m_sms.erase(id);
    StartAttempt(destination);
}

} // namespace ns3
