/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "wap-push-proxy-gateway.h"

#include "pap-message.h"
#include "sms-tpdu.h"
#include "wdp-sms.h"
#include "wsp-push.h"

#include "ns3/address.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WapPushProxyGateway");
NS_OBJECT_ENSURE_REGISTERED(WapPushProxyGateway);

TypeId
WapPushProxyGateway::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::WapPushProxyGateway")
            .SetParent<MmsApplication>()
            .SetGroupName("Mms")
            .AddConstructor<WapPushProxyGateway>()
            .AddAttribute("Port",
                          "TCP port of the PAP interface. Default 8080: Kannel's ppg-port.",
                          UintegerValue(8080),
                          MakeUintegerAccessor(&WapPushProxyGateway::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Path",
                          "Request target of PAP submissions. Default /wappush: Kannel's "
                          "ppg-url.",
                          StringValue("/wappush"),
                          MakeStringAccessor(&WapPushProxyGateway::m_path),
                          MakeStringChecker())
            .AddAttribute(
                "Bearer",
                "How pushes reach handsets: Sms (through the SMSC) or Udp (IP push "
                "to port 2948).",
                EnumValue(WapPushProxyGateway::SMS),
                MMS_ENUM_ACCESSOR(WapPushProxyGateway::Bearer, &WapPushProxyGateway::m_bearer),
                MakeEnumChecker(WapPushProxyGateway::SMS, "Sms", WapPushProxyGateway::UDP, "Udp"))
            .AddAttribute("SmscAddress",
                          "Address (IP and port) of the SMSC's submission interface.",
                          AddressValue(),
                          MakeAddressAccessor(&WapPushProxyGateway::m_smscAddress),
                          MakeAddressChecker())
            .AddAttribute("SmsOriginator",
                          "Originator number (TP-OA) of the SMS carrying pushes.",
                          StringValue("+447700900999"),
                          MakeStringAccessor(&WapPushProxyGateway::m_smsOriginator),
                          MakeStringChecker())
            .AddAttribute("MaxConcurrent",
                          "Pushes delivered at once; the others wait in the queue. Default "
                          "100: Kannel's concurrent-pushes.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&WapPushProxyGateway::m_maxConcurrent),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("QueueLimit",
                          "Most pushes waiting; a submission beyond it is answered 4000 "
                          "(service failure).",
                          UintegerValue(100000),
                          MakeUintegerAccessor(&WapPushProxyGateway::m_queueLimit),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PushPort",
                          "Destination WDP port of pushes: 2948, WAP Push connectionless "
                          "(WAP-259, IANA).",
                          UintegerValue(2948),
                          MakeUintegerAccessor(&WapPushProxyGateway::m_pushPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("PushSourcePort",
                          "Source WDP port of pushes: 9200, WSP connectionless (Kannel).",
                          UintegerValue(9200),
                          MakeUintegerAccessor(&WapPushProxyGateway::m_pushSourcePort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("HostName",
                          "Name the PPG gives in push-response sender-address.",
                          StringValue("ppg.mms.example.net"),
                          MakeStringAccessor(&WapPushProxyGateway::m_hostName),
                          MakeStringChecker())
            .AddTraceSource("QueueLength",
                            "Pushes waiting for a delivery slot.",
                            MakeTraceSourceAccessor(&WapPushProxyGateway::m_queueLength),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("PushAccepted",
                            "A PAP submission was accepted (code 1001).",
                            MakeTraceSourceAccessor(&WapPushProxyGateway::m_acceptedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushRejected",
                            "A PAP submission was refused (detail: PAP code and reason).",
                            MakeTraceSourceAccessor(&WapPushProxyGateway::m_rejectedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SmsSubmitted",
                            "One SMS segment of a push was submitted to the SMSC.",
                            MakeTraceSourceAccessor(&WapPushProxyGateway::m_smsSubmittedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushSent",
                            "A push left the PPG (all its SMS accepted by the SMSC, or the UDP "
                            "datagram sent).",
                            MakeTraceSourceAccessor(&WapPushProxyGateway::m_pushSentTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushExpired",
                            "A push was dropped: its deliver-before-timestamp passed.",
                            MakeTraceSourceAccessor(&WapPushProxyGateway::m_expiredTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("PushFailed",
                            "The SMSC refused a push's SMS or could not be reached.",
                            MakeTraceSourceAccessor(&WapPushProxyGateway::m_failedTrace),
                            "ns3::MmsEventTracedCallback");
    return tid;
}

WapPushProxyGateway::WapPushProxyGateway() = default;

uint32_t
WapPushProxyGateway::GetQueueLength() const
{
    return static_cast<uint32_t>(m_queue.size());
}

uint64_t
WapPushProxyGateway::GetPendingPushes() const
{
    return m_pushes.size();
}
WapPushProxyGateway::~WapPushProxyGateway() = default;

int64_t
WapPushProxyGateway::AssignStreams(int64_t)
{
    return 0;
}

void
WapPushProxyGateway::DoDispose()
{
    m_pushes.clear();
    m_queue.clear();
    MmsApplication::DoDispose();
}

void
WapPushProxyGateway::StartApplication()
{
    GetTransport()->Listen(m_port, MakeCallback(&WapPushProxyGateway::HandleRequest, this));
}

void
WapPushProxyGateway::StopApplication()
{
}

void
WapPushProxyGateway::Answer(MmsTransport::ExchangeId ex,
                            int httpStatus,
                            const std::string& reason,
                            const std::string& pushId,
                            int code,
                            const std::string& description)
{
    PapPushResponse pr;
    pr.pushId = pushId;
    pr.senderAddress = "http://" + m_hostName + m_path;
    pr.replyTime = static_cast<int64_t>(MmsClock::NowUnix());
    pr.code = code;
    pr.description = description;
    std::string xml = pr.ToXml();
    HttpMessage r = HttpMessage::Response(httpStatus, reason);
    r.AddHeader("Content-Type", "application/xml");
    r.body.assign(xml.begin(), xml.end());
    GetTransport()->Respond(ex, r);
}

void
WapPushProxyGateway::HandleRequest(MmsTransport::ExchangeId ex,
                                   const HttpMessage& m,
                                   const Address&)
{
    if (m.method != "POST" || m.target != m_path)
    {
        Answer(ex, 404, "Not Found", "", PapCode::BAD_REQUEST, "PAP submissions go to " + m_path);
        return;
    }
    PapRequest req;
    std::string error;
    if (!PapRequest::Decode(m.GetHeader("Content-Type"), m.body, req, error))
    {
        m_rejectedTrace(MakeEvent("", "", "", m.GetBodySize(), "2000 " + error));
        Answer(ex, 400, "Bad Request", "", PapCode::BAD_REQUEST, error);
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
        reject(PapCode::MULTIPLE_ADDRESSES_NOT_SUPPORTED, "exactly one address per push");
        return;
    }
    // WAPPUSH=<address>/TYPE=<type>@<ppg>
    std::string a = req.control.addresses[0];
    if (a.rfind("WAPPUSH=", 0) != 0 || a.find("/TYPE=") == std::string::npos)
    {
        reject(PapCode::ADDRESS_ERROR, "address '" + a + "' is not WAPPUSH=<address>/TYPE=...");
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
            reject(PapCode::ADDRESS_NOT_FOUND, "no subscriber " + value);
            return;
        }
        m_directory->Resolve(value, p.ip);
        p.hasIp = true;
    }
    else
    {
        reject(PapCode::ADDRESS_ERROR, "address type " + type + " not supported");
        return;
    }
    if (m_bearer == SMS && p.number.empty())
    {
        reject(PapCode::REQUIRED_BEARER_NOT_AVAILABLE, "no MSISDN for an SMS push to " + value);
        return;
    }
    if (m_pushIds.count(pushId))
    {
        reject(PapCode::DUPLICATE_PUSH_ID, "push id " + pushId + " is pending");
        return;
    }
    if (req.control.deliverBefore >= 0
        && static_cast<uint64_t>(req.control.deliverBefore) <= MmsClock::NowUnix())
    {
        reject(PapCode::NOT_POSSIBLE, "deliver-before-timestamp has passed");
        return;
    }
    if (m_queue.size() >= m_queueLimit)
    {
        reject(PapCode::SERVICE_FAILURE, "push queue full");
        return;
    }
    p.deliverBefore = req.control.deliverBefore;
    p.content = req.content;
    uint64_t id = m_nextId++;
    m_pushIds.insert(pushId);
    m_acceptedTrace(MakeEvent(p.messageId, p.number, pushId, p.content.size()));
    m_pushes[id] = std::move(p);
    Answer(
        ex, 202, "Accepted", pushId, PapCode::ACCEPTED_FOR_PROCESSING, "Accepted for Processing");
    m_queue.push_back(id);
    m_queueLength = static_cast<uint32_t>(m_queue.size());
    Dispatch();
}

void
WapPushProxyGateway::Dispatch()
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
WapPushProxyGateway::Deliver(uint64_t id)
{
    Push& p = m_pushes[id];
    if (p.deliverBefore >= 0 && static_cast<uint64_t>(p.deliverBefore) <= MmsClock::NowUnix())
    {
        m_expiredTrace(MakeEvent(p.messageId, p.number, p.pushId, p.content.size()));
        Done(id);
        return;
    }
    std::vector<uint8_t> push = WspPushPdu::MakeMmsPush(m_nextWspTid++, p.content).Encode();
    if (m_bearer == UDP)
    {
        GetTransport()->SendDatagram(m_pushSourcePort, InetSocketAddress(p.ip, m_pushPort), push);
        m_pushSentTrace(MakeEvent(p.messageId, p.number, p.pushId, push.size(), "udp"));
        Done(id);
        return;
    }
    WdpSmsOptions options;
    options.destinationPort = m_pushPort;
    options.sourcePort = m_pushSourcePort;
    options.reference = m_nextSmsReference++ & 0xFF;
    std::vector<WdpSmsSegment> segments = WdpSms::Split(push, options);
    p.outstanding = static_cast<uint32_t>(segments.size());
    for (const auto& seg : segments)
    {
        SmsSubmit s;
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
        HttpMessage r = HttpMessage::Request("POST", "/sms");
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
        GetTransport()->Request(
            m_smscAddress, r, MakeCallback(&WapPushProxyGateway::HandleSmscResponse, this), id);
    }
}

void
WapPushProxyGateway::HandleSmscResponse(uint64_t id,
                                        bool ok,
                                        const HttpMessage& r,
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
WapPushProxyGateway::Done(uint64_t id)
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
