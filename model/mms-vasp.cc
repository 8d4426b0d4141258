/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-vasp.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsVasp");
NS_OBJECT_ENSURE_REGISTERED(MmsVasp);

TypeId
MmsVasp::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsVasp")
            .SetParent<MmsApplication>()
            .SetGroupName("Mms")
            .AddConstructor<MmsVasp>()
            .AddAttribute("RelayAddress",
                          "Address (IP and port) of the Relay's MM7 interface (its MM1 port).",
                          AddressValue(),
                          MakeAddressAccessor(&MmsVasp::m_relayAddress),
                          MakeAddressChecker())
            .AddAttribute("Mm7Path",
                          "Request path of the Relay's MM7 interface (MmsRelayMm7::Path). "
                          "Default /mm7.",
                          StringValue("/mm7"),
                          MakeStringAccessor(&MmsVasp::m_path),
                          MakeStringChecker())
            .AddAttribute("RelayHost",
                          "Host header of the requests. Default mmsc.mms.example.net.",
                          StringValue("mmsc.mms.example.net"),
                          MakeStringAccessor(&MmsVasp::m_relayHost),
                          MakeStringChecker())
            .AddAttribute("Port",
                          "TCP port where delivery reports arrive (MmsRelayMm7::ReportPort). "
                          "Default 8090.",
                          UintegerValue(8090),
                          MakeUintegerAccessor(&MmsVasp::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("VaspId",
                          "SenderIdentification/VASPID. Default \"vasp\".",
                          StringValue("vasp"),
                          MakeStringAccessor(&MmsVasp::m_vaspId),
                          MakeStringChecker())
            .AddAttribute("VasId",
                          "SenderIdentification/VASID, also the TransactionID prefix. Default "
                          "\"news\".",
                          StringValue("news"),
                          MakeStringAccessor(&MmsVasp::m_vasId),
                          MakeStringChecker())
            .AddAttribute("SenderAddress",
                          "SenderAddress, a short code; the messages' From. Default 84444.",
                          StringValue("84444"),
                          MakeStringAccessor(&MmsVasp::m_senderAddress),
                          MakeStringChecker())
            .AddAttribute("ServiceCode",
                          "ServiceCode (what the operator charges the VASP for). Default "
                          "\"bulk\".",
                          StringValue("bulk"),
                          MakeStringAccessor(&MmsVasp::m_serviceCode),
                          MakeStringChecker())
            .AddAttribute("Subject",
                          "Subject of the messages. Default \"Happy New Year\".",
                          StringValue("Happy New Year"),
                          MakeStringAccessor(&MmsVasp::m_subject),
                          MakeStringChecker())
            .AddAttribute("FirstSubmission",
                          "Time from the application's start to the first request (s). "
                          "Default 0 s.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MmsVasp::m_first),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Requests",
                          "Number of MM7_submit.REQ of the schedule. Default 1.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&MmsVasp::m_requests),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RecipientsPerRequest",
                          "Recipients named in each request (a bulk submission). Default 1.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&MmsVasp::m_recipientsPerRequest),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Spacing",
                          "Time between two requests of the schedule (s). Default 1 s.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&MmsVasp::m_spacing),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ContentSize",
                          "Octets of the image each message carries (virtual). Default 30000.",
                          UintegerValue(30000),
                          MakeUintegerAccessor(&MmsVasp::m_contentSize),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DeliveryReport",
                          "Ask for delivery reports (DeliveryReport true). Default true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsVasp::m_deliveryReport),
                          MakeBooleanChecker())
            .AddAttribute("UseBcc",
                          "Name the recipients in Bcc (true) or in To (false). Default true.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsVasp::m_useBcc),
                          MakeBooleanChecker())
            .AddTraceSource("SubmitSent",
                            "An MM7_submit.REQ was sent (detail: its recipients).",
                            MakeTraceSourceAccessor(&MmsVasp::m_submitSentTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("SubmitAnswered",
                            "A submission was answered or failed (detail: StatusCode and text, "
                            "or why).",
                            MakeTraceSourceAccessor(&MmsVasp::m_submitAnsweredTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("DeliveryReport",
                            "An MM7_delivery_report.REQ arrived (detail: MMStatus).",
                            MakeTraceSourceAccessor(&MmsVasp::m_reportTrace),
                            "ns3::MmsEventTracedCallback");
    return tid;
}

MmsVasp::MmsVasp() = default;
MmsVasp::~MmsVasp() = default;

int64_t
MmsVasp::AssignStreams(int64_t /* stream */)
{
    return 0;
}

const MmsVasp::Counters&
MmsVasp::GetCounters() const
{
    return m_counters;
}

const std::map<std::string, uint64_t>&
MmsVasp::GetReports() const
{
    return m_reports;
}

const std::vector<std::string>&
MmsVasp::GetMessageIds() const
{
    return m_messageIds;
}

void
MmsVasp::DoDispose()
{
    for (auto& e : m_events)
    {
        e.Cancel();
    }
    m_events.clear();
    m_outstanding.clear();
    MmsApplication::DoDispose();
}

void
MmsVasp::StartApplication()
{
    if (GetElementName().rfind("MmsVasp", 0) == 0)
    {
        SetElementName("vasp:" + m_vaspId);
    }
    GetTransport()->Listen(m_port, MakeCallback(&MmsVasp::HandleRequest, this));
    for (uint32_t k = 0; k < m_requests; k++)
    {
        m_events.push_back(Simulator::Schedule(
            m_first + m_spacing * static_cast<int64_t>(k), &MmsVasp::Submit, this, k));
    }
}

void
MmsVasp::StopApplication()
{
    for (auto& e : m_events)
    {
        e.Cancel();
    }
}

MmsMm7Message
MmsVasp::MakeSubmit(uint32_t k) const
{
    MmsMm7Message m;
    m.type = MmsMm7Type::SUBMIT_REQ;
    m.transactionId = m_vasId + "-" + std::to_string(k + 1);
    m.vaspId = m_vaspId;
    m.vasId = m_vasId;
    m.hasSenderAddress = true;
    m.senderAddress = {MmsMm7Address::SHORT_CODE, m_senderAddress};
    uint32_t n = m_directory ? m_directory->GetN() : 0;
    std::vector<MmsMm7Address>& list = m_useBcc ? m.bcc : m.to;
    for (uint32_t j = 0; j < m_recipientsPerRequest && n > 0; j++)
    {
        uint64_t index = (static_cast<uint64_t>(k) * m_recipientsPerRequest + j) % n;
        list.push_back(
            {MmsMm7Address::NUMBER, m_directory->GetMsisdn(static_cast<uint32_t>(index))});
    }
    m.serviceCode = m_serviceCode;
    m.messageClass = "Informational";
    m.timeStamp = MmsClock::NowUnix();
    m.deliveryReport = m_deliveryReport;
    m.subject = m_subject;
    m.contentHref = "cid:vasp-content";
    m.content.AddHeader("Content-Type",
                        "multipart/related; boundary=\"vasp-parts\"; type=\"application/smil\"");
    MmsMimeEntity smil;
    smil.AddHeader("Content-Type", "application/smil");
    smil.content = MmsContent(std::string("<smil><body><par><img src=\"cid:img\"/></par></body>"
                                          "</smil>"));
    MmsMimeEntity image;
    image.AddHeader("Content-Type", "image/jpeg");
    image.AddHeader("Content-ID", "<img>");
    image.content = MmsContent::Virtual(m_contentSize);
    m.content.parts = {smil, image};
    return m;
}

void
MmsVasp::Submit(uint32_t k)
{
    MmsMm7Message m = MakeSubmit(k);
    if (m.to.empty() && m.bcc.empty())
    {
        NS_LOG_WARN("VASP " << m_vaspId << ": no subscribers to send to");
        return;
    }
    MmsHttpMessage post = m.ToHttp(m_path, m_relayHost);
    uint32_t recipients = static_cast<uint32_t>(m.to.size() + m.bcc.size());
    m_counters.submitted++;
    m_counters.recipients += recipients;
    uint64_t cookie = k + 1;
    m_outstanding[cookie] = m.transactionId;
    m_submitSentTrace(
        MakeEvent("", "", m.transactionId, post.GetBodySize(), std::to_string(recipients)));
    GetTransport()->Request(m_relayAddress,
                            post,
                            {"MM7_submit.REQ", m.transactionId},
                            MakeCallback(&MmsVasp::HandleResponse, this),
                            cookie);
}

void
MmsVasp::HandleResponse(uint64_t cookie, bool ok, const MmsHttpMessage& r, const std::string& why)
{
    auto it = m_outstanding.find(cookie);
    if (it == m_outstanding.end())
    {
        return;
    }
    std::string tid = it->second;
    m_outstanding.erase(it);
    MmsMm7Message rsp;
    std::string error = why;
    if (!ok || !MmsMm7Message::FromHttp(r, rsp, error))
    {
        m_counters.failed++;
        m_submitAnsweredTrace(MakeEvent("", "", tid, r.GetBodySize(), error));
        return;
    }
    std::string detail = std::to_string(rsp.statusCode) + " " + rsp.statusText;
    if (rsp.type == MmsMm7Type::SUBMIT_RES && MmsMm7Message::IsSuccess(rsp.statusCode))
    {
        m_counters.accepted++;
        m_messageIds.push_back(rsp.messageId);
    }
    else
    {
        m_counters.refused++;
    }
    m_submitAnsweredTrace(MakeEvent(rsp.messageId, "", tid, r.GetBodySize(), detail));
}

void
MmsVasp::HandleRequest(MmsTransport::ExchangeId ex,
                       const MmsHttpMessage& m,
                       const Address& /* from */)
{
    MmsMm7Message req;
    std::string error;
    MmsMm7Message answer;
    answer.type = MmsMm7Type::VASP_ERROR_RES;
    if (!MmsMm7Message::FromHttp(m, req, error))
    {
        answer.transactionId = "unknown";
        answer.statusCode = 2007;
        answer.statusText = "Message format corrupt: " + error;
    }
    else if (req.type != MmsMm7Type::DELIVERY_REPORT_REQ)
    {
        answer.transactionId = req.transactionId;
        answer.statusCode = 4003;
        answer.statusText = MmsMm7Message::TypeName(req.type) + " not served";
    }
    else
    {
        answer.type = MmsMm7Type::DELIVERY_REPORT_RES;
        answer.transactionId = req.transactionId;
        answer.statusText = MmsMm7Message::StatusName(1000);
        m_counters.reports++;
        m_reports[req.mmStatus]++;
        m_reportTrace(MakeEvent(req.messageId,
                                req.recipient.ToMmsAddress(),
                                req.transactionId,
                                m.GetBodySize(),
                                req.mmStatus));
    }
    if (answer.type == MmsMm7Type::VASP_ERROR_RES)
    {
        m_counters.badRequests++;
    }
    GetTransport()->Respond(ex, answer.ToHttp("", ""));
}

} // namespace ns3
