/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wap-push-proxy-gateway.h"

#include "mms-pap-message.h"
#include "mms-sms-tpdu.h"
#include "mms-wdp-sms.h"
#include "mms-wsp-push.h"

#include "ns3/address.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsWapPushProxyGateway");
NS_OBJECT_ENSURE_REGISTERED(MmsWapPushProxyGateway);

TypeId
MmsWapPushProxyGateway::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsWapPushProxyGateway")
            .SetParent<MmsApplication>()
            .SetGroupName("Mms")
            .AddConstructor<MmsWapPushProxyGateway>()
            .AddAttribute("Port",
                          "TCP port of the PAP interface. Default 8080: Kannel's ppg-port.",
                          UintegerValue(8080),
                          MakeUintegerAccessor(&MmsWapPushProxyGateway::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Path",
                          "Request target of PAP submissions. Default /wappush: Kannel's "
                          "ppg-url.",
                          StringValue("/wappush"),
                          MakeStringAccessor(&MmsWapPushProxyGateway::m_path),
                          MakeStringChecker())
            .AddAttribute(
                "Bearer",
                "How pushes reach handsets: Sms (through the SMSC) or Udp (IP push "
                "to port 2948).",
                EnumValue(MmsWapPushProxyGateway::SMS),
                MMS_ENUM_ACCESSOR(MmsWapPushProxyGateway::Bearer,
                                  &MmsWapPushProxyGateway::m_bearer),
                MakeEnumChecker(
                    MmsWapPushProxyGateway::SMS, "Sms", MmsWapPushProxyGateway::UDP, "Udp"))
            .AddAttribute("SmscAddress",
                          "Address (IP and port) of the SMSC's submission interface.",
                          AddressValue(),
                          MakeAddressAccessor(&MmsWapPushProxyGateway::m_smscAddress),
                          MakeAddressChecker())
            .AddAttribute("SmsOriginator",
                          "Originator number (TP-OA) of the SMS carrying pushes.",
                          StringValue("+447700900999"),
                          MakeStringAccessor(&MmsWapPushProxyGateway::m_smsOriginator),
                          MakeStringChecker())
            .AddAttribute("MaxConcurrent",
                          "Pushes delivered at once; the others wait in the queue. Default "
                          "100: Kannel's concurrent-pushes.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&MmsWapPushProxyGateway::m_maxConcurrent),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("QueueLimit",
                          "Most pushes waiting; a submission beyond it is answered 4000 "
                          "(service failure).",
                          UintegerValue(100000),
                          MakeUintegerAccessor(&MmsWapPushProxyGateway::m_queueLimit),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PushPort",
                          "Destination WDP port of pushes: 2948, WAP Push connectionless "
                          "(WAP-259, IANA).",
                          UintegerValue(2948),
                          MakeUintegerAccessor(&MmsWapPushProxyGateway::m_pushPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("PushSourcePort",
                          "Source WDP port of pushes: 9200, WSP connectionless (Kannel).",
                          UintegerValue(9200),
                          MakeUintegerAccessor(&MmsWapPushProxyGateway::m_pushSourcePort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("HostName",
                          "Name the PPG gives in push-response sender-address.",
                          StringValue("ppg.mms.example.net"),
                          MakeStringAccessor(&MmsWapPushProxyGateway::m_hostName),
                          MakeStringChecker())
            .AddTraceSource("QueueLength",
                            "Pushes waiting for a delivery slot.",
                            MakeTraceSourceAccessor(&MmsWapPushProxyGateway::m_queueLength),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("PushAccepted",
                            "A PAP submission was accepted (code 1001).",
                            MakeTraceSourceAccessor(&MmsWapPushProxyGateway::m_acceptedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushRejected",
                            "A PAP submission was refused (detail: PAP code and reason).",
                            MakeTraceSourceAccessor(&MmsWapPushProxyGateway::m_rejectedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SmsSubmitted",
                            "One SMS segment of a push was submitted to the SMSC.",
                            MakeTraceSourceAccessor(&MmsWapPushProxyGateway::m_smsSubmittedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushSent",
                            "A push left the PPG (all its SMS accepted by the SMSC, or the UDP "
                            "datagram sent).",
                            MakeTraceSourceAccessor(&MmsWapPushProxyGateway::m_pushSentTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushExpired",
                            "A push was dropped: its deliver-before-timestamp passed.",
                            MakeTraceSourceAccessor(&MmsWapPushProxyGateway::m_expiredTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushFailed",
                            "The SMSC refused a push's SMS or could not be reached.",
                            MakeTraceSourceAccessor(&MmsWapPushProxyGateway::m_failedTrace),
                            "ns3::MmsEventTracedCallback");
    return tid;
}

MmsWapPushProxyGateway::MmsWapPushProxyGateway() = default;

uint32_t
MmsWapPushProxyGateway::GetQueueLength() const
{
    return static_cast<uint32_t>(m_queue.size());
}

uint64_t
MmsWapPushProxyGateway::GetPendingPushes() const
{
    return m_pushes.size();
}

MmsWapPushProxyGateway::~MmsWapPushProxyGateway() = default;

int64_t
MmsWapPushProxyGateway::AssignStreams(int64_t)
{
    return 0;
}

void
MmsWapPushProxyGateway::DoDispose()
{
    m_pushes.clear();
    m_queue.clear();
    MmsApplication::DoDispose();
}

void
MmsWapPushProxyGateway::StartApplication()
{
    GetTransport()->Listen(m_port, MakeCallback(&MmsWapPushProxyGateway::HandleRequest, this));
}

void
MmsWapPushProxyGateway::StopApplication()
{
}

void
MmsWapPushProxyGateway::Answer(MmsTransport::ExchangeId ex,
                               int httpStatus,
                               const std::string& reason,
                               const std::string& pushId,
                               int code,
                               const std::string& description)
{
    MmsPapPushResponse pr;
    pr.pushId = pushId;
    pr.senderAddress = "http://" + m_hostName + m_path;
    pr.replyTime = static_cast<int64_t>(MmsClock::NowUnix());
    pr.code = code;
    pr.description = description;
    std::string xml = pr.ToXml();
    MmsHttpMessage r = MmsHttpMessage::Response(httpStatus, reason);
    r.AddHeader("Content-Type", "application/xml");
    r.body.assign(xml.begin(), xml.end());
    GetTransport()->Respond(ex, r);
}

void
MmsWapPushProxyGateway::HandleRequest(MmsTransport::ExchangeId ex,
                                      const MmsHttpMessage& m,
                                      const Address&)
{
    if (m.method != "POST" || m.target != m_path)
    {
        Answer(
            ex, 404, "Not Found", "", MmsPapCode::BAD_REQUEST, "PAP submissions go to " + m_path);
        return;
    }
    MmsPapRequest req;
    std::string error;
    if (!MmsPapRequest::Decode(m.GetHeader("Content-Type"), m.body, req, error))
    {
        m_rejectedTrace(MakeEvent("", "", "", m.GetBodySize(), "2000 " + error));
        Answer(ex, 400, "Bad Request", "", MmsPapCode::BAD_REQUEST, error);
        return;
    }
    const std::string& pushId = req.control.pushId;
    Push p;
    p.pushId = pushId;
    p.messageId = pushId.substr(0, pushId.find('/'));
    auto reject = [&](int code, const std::string& why)
    {
        m_rejectedTrace(MakeEvent(
            p.messageId, "", pushId, req.content.size(), std::to_string(code) + " " + why));
        Answer(ex,
               code >= 3000 ? 503 : 400,
               code >= 3000 ? "Service Unavailable" : "Bad Request",
               pushId,
               code,
               why);
    };
    if (req.control.addresses.size() != 1)
    {
        reject(MmsPapCode::MULTIPLE_ADDRESSES_NOT_SUPPORTED, "exactly one address per push");
        return;
    }
    // WAPPUSH=<address>/TYPE=<type>@<ppg>
    std::string a = req.control.addresses[0];
    if (a.rfind("WAPPUSH=", 0) != 0 || a.find("/TYPE=") == std::string::npos)
    {
        reject(MmsPapCode::ADDRESS_ERROR, "address '" + a + "' is not WAPPUSH=<address>/TYPE=...");
        return;
    }
    std::string value = a.substr(8, a.find("/TYPE=") - 8);
    std::string type = a.substr(a.find("/TYPE=") + 6);
    type = type.substr(0, type.find('@'));
    if (type == "IPv4" || type == "IPV4")
    {
        p.ip = Ipv4Address(value.c_str());
        p.hasIp = true;
        if (m_directory)
        {
            p.number = m_directory->FindByAddress(p.ip);
        }
    }
    else if (type == "PLMN")
    {
        p.number = value;
        if (!m_directory || !m_directory->IsSubscriber(value))
        {
            reject(MmsPapCode::ADDRESS_NOT_FOUND, "no subscriber " + value);
            return;
        }
        if (m_bearer == UDP)
        {
            // An IP push needs the handset's address (a subscriber without a handset gets one);
            // an SMS push goes by number.
            p.hasIp = m_directory->Resolve(value, p.ip);
        }
    }
    else
    {
        reject(MmsPapCode::ADDRESS_ERROR, "address type " + type + " not supported");
        return;
    }
    if (m_bearer == SMS && p.number.empty())
    {
        reject(MmsPapCode::REQUIRED_BEARER_NOT_AVAILABLE, "no MSISDN for an SMS push to " + value);
        return;
    }
    if (m_pushIds.count(pushId))
    {
        reject(MmsPapCode::DUPLICATE_PUSH_ID, "push id " + pushId + " is pending");
        return;
    }
    if (req.control.deliverBefore >= 0
        && static_cast<uint64_t>(req.control.deliverBefore) <= MmsClock::NowUnix())
    {
        reject(MmsPapCode::NOT_POSSIBLE, "deliver-before-timestamp has passed");
        return;
    }
    if (m_queue.size() >= m_queueLimit)
    {
        reject(MmsPapCode::SERVICE_FAILURE, "push queue full");
        return;
    }
    p.deliverBefore = req.control.deliverBefore;
    p.content = req.content;
    uint64_t id = m_nextId++;
    m_pushIds.insert(pushId);
    m_acceptedTrace(MakeEvent(p.messageId, p.number, pushId, p.content.size()));
    m_pushes[id] = std::move(p);
    Answer(ex,
           202,
           "Accepted",
           pushId,
           MmsPapCode::ACCEPTED_FOR_PROCESSING,
           "Accepted for Processing");
    m_queue.push_back(id);
    m_queueLength = static_cast<uint32_t>(m_queue.size());
    Dispatch();
}

void
MmsWapPushProxyGateway::Dispatch()
{
    while (m_active < m_maxConcurrent && !m_queue.empty())
    {
        uint64_t id = m_queue.front();
        m_queue.pop_front();
        m_queueLength = static_cast<uint32_t>(m_queue.size());
        m_active++;
        Deliver(id);
    }
}

void
MmsWapPushProxyGateway::Deliver(uint64_t id)
{
    Push& p = m_pushes[id];
    if (p.deliverBefore >= 0 && static_cast<uint64_t>(p.deliverBefore) <= MmsClock::NowUnix())
    {
        m_expiredTrace(MakeEvent(p.messageId, p.number, p.pushId, p.content.size()));
        Done(id);
        return;
    }
    std::vector<uint8_t> push = MmsWspPushPdu::MakeMmsPush(m_nextWspTid++, p.content).Encode();
    if (m_bearer == UDP)
    {
        GetTransport()->SendDatagram(m_pushSourcePort, InetSocketAddress(p.ip, m_pushPort), push);
        m_pushSentTrace(MakeEvent(p.messageId, p.number, p.pushId, push.size(), "udp"));
        Done(id);
        return;
    }
    MmsWdpSmsOptions options;
    options.destinationPort = m_pushPort;
    options.sourcePort = m_pushSourcePort;
    options.reference = m_nextSmsReference++ & 0xFF;
    std::vector<MmsWdpSmsSegment> segments = MmsWdpSms::Split(push, options);
    p.outstanding = static_cast<uint32_t>(segments.size());
    for (const auto& seg : segments)
    {
        MmsSmsSubmit s;
        s.destination = p.number;
        s.userDataHeaderIndicator = true;
        s.dataCoding = 0x04;
        s.userData = seg.Encode();
        if (p.deliverBefore >= 0)
        {
            s.hasValidityPeriod = true;
            s.validityPeriodSeconds =
                static_cast<uint32_t>(static_cast<uint64_t>(p.deliverBefore) - MmsClock::NowUnix());
        }
        MmsHttpMessage r = MmsHttpMessage::Request("POST", "/sms");
        r.AddHeader("Host", "smsc");
        r.AddHeader("Content-Type", "application/vnd.3gpp.sms");
        r.AddHeader("X-Sms-From", m_smsOriginator);
        r.AddHeader("X-Sms-Tag", p.pushId);
        r.body = s.Encode();
        m_smsSubmittedTrace(
            MakeEvent(p.messageId,
                      p.number,
                      p.pushId,
                      r.body.size(),
                      "segment " + std::to_string(seg.sequence) + "/" + std::to_string(seg.total)));
        GetTransport()->Request(m_smscAddress,
                                r,
                                {"POST /sms", p.pushId},
                                MakeCallback(&MmsWapPushProxyGateway::HandleSmscResponse, this),
                                id);
    }
}

void
MmsWapPushProxyGateway::HandleSmscResponse(uint64_t id,
                                           bool ok,
                                           const MmsHttpMessage& r,
                                           const std::string& why)
{
    auto it = m_pushes.find(id);
    if (it == m_pushes.end())
    {
        return;
    }
    Push& p = it->second;
    if (!ok || r.status != 202)
    {
        p.failed = true;
        std::string detail = ok ? std::to_string(r.status) + " " + r.reason : why;
        m_failedTrace(MakeEvent(p.messageId, p.number, p.pushId, 0, "SMSC: " + detail));
    }
    if (--p.outstanding == 0)
    {
        if (!p.failed)
        {
            m_pushSentTrace(MakeEvent(p.messageId, p.number, p.pushId, p.content.size(), "sms"));
        }
        Done(id);
    }
}

void
MmsWapPushProxyGateway::Done(uint64_t id)
{
    auto it = m_pushes.find(id);
    if (it != m_pushes.end())
    {
        m_pushIds.erase(it->second.pushId);
        m_pushes.erase(it);
    }
    m_active--;
    Dispatch();
}

} // namespace ns3
