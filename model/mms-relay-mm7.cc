/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-relay-mm7.h"

#include "mms-relay.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsRelayMm7");
NS_OBJECT_ENSURE_REGISTERED(MmsRelayMm7);

TypeId
MmsRelayMm7::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRelayMm7")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRelayMm7>()
            .AddAttribute("Path",
                          "Request path of the MM7 interface on the Relay's port (the VASPs' "
                          "MM7 URI). Default /mm7.",
                          StringValue("/mm7"),
                          MakeStringAccessor(&MmsRelayMm7::m_path),
                          MakeStringChecker())
            .AddAttribute("ReportPort",
                          "TCP port of the VASPs' MM7 interface, where delivery reports are "
                          "POSTed (at the address a submission came from). Default 8090.",
                          UintegerValue(8090),
                          MakeUintegerAccessor(&MmsRelayMm7::m_reportPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("ReportPath",
                          "Request path of the VASPs' MM7 interface. Default /mm7.",
                          StringValue("/mm7"),
                          MakeStringAccessor(&MmsRelayMm7::m_reportPath),
                          MakeStringChecker())
            .AddTraceSource("SubmitReceived",
                            "An MM7_submit.REQ was read (detail: VASPID).",
                            MakeTraceSourceAccessor(&MmsRelayMm7::m_submitReceivedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Accepted",
                            "An MM7_submit.RES 1000 was sent (recipient: their number).",
                            MakeTraceSourceAccessor(&MmsRelayMm7::m_acceptedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Refused",
                            "An RSErrorRsp fault was sent (detail: StatusCode and text).",
                            MakeTraceSourceAccessor(&MmsRelayMm7::m_refusedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Malformed",
                            "A POST to Path was not an MM7 message (detail: why).",
                            MakeTraceSourceAccessor(&MmsRelayMm7::m_malformedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("DeliveryReportSent",
                            "An MM7_delivery_report.REQ was sent (detail: MMStatus).",
                            MakeTraceSourceAccessor(&MmsRelayMm7::m_reportSentTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("DeliveryReportAnswered",
                            "A delivery report was answered or failed (detail: StatusCode or "
                            "why).",
                            MakeTraceSourceAccessor(&MmsRelayMm7::m_reportAnsweredTrace),
                            "ns3::MmsEventTracedCallback");
    return tid;
}

MmsRelayMm7::MmsRelayMm7() = default;
MmsRelayMm7::~MmsRelayMm7() = default;

void
MmsRelayMm7::DoDispose()
{
    m_relay = nullptr;
    m_pending.clear();
    m_messages.clear();
    m_reports.clear();
    m_acceptedIds.clear();
    Object::DoDispose();
}

const MmsRelayMm7::Counters&
MmsRelayMm7::GetCounters() const
{
    return m_counters;
}

const std::string&
MmsRelayMm7::GetPath() const
{
    return m_path;
}

void
MmsRelayMm7::SetRelay(MmsRelay* relay)
{
    m_relay = relay;
}

uint16_t
MmsRelayMm7::StatusOf(uint8_t responseStatus)
{
    switch (responseStatus)
    {
        case MmsValue::RESPONSE_OK:
            return 1000;
        case MmsValue::RESPONSE_PERMANENT_CONTENT_NOT_ACCEPTED:
            return 2004;
        case MmsValue::RESPONSE_PERMANENT_SENDING_ADDRESS_UNRESOLVED:
            return 2002;
        case MmsValue::RESPONSE_PERMANENT_MESSAGE_FORMAT_CORRUPT:
            return 2007;
        default:
            return responseStatus >= 0xE0 ? 3001 : 3000;
    }
}

void
MmsRelayMm7::Fault(MmsTransport::ExchangeId ex,
                   const std::string& tid,
                   uint16_t code,
                   const std::string& text,
                   uint64_t bytes)
{
    MmsMm7Message f;
    f.type = MmsMm7Type::RS_ERROR_RES;
    f.transactionId = tid.empty() ? "unknown" : tid;
    f.statusCode = code;
    f.statusText = text.empty() ? MmsMm7Message::StatusName(code) : text;
    m_counters.refused++;
    m_refusedTrace(
        m_relay->MakeEvent("", "", tid, bytes, std::to_string(code) + " " + f.statusText));
    m_relay->GetTransport()->Respond(ex, f.ToHttp("", ""));
}

void
MmsRelayMm7::HandleRequest(MmsTransport::ExchangeId ex,
                           const MmsHttpMessage& request,
                           const Address& from)
{
    m_counters.requests++;
    const uint64_t bytes = request.GetBodySize();
    MmsMm7Message req;
    std::string error;
    if (!MmsMm7Message::FromHttp(request, req, error))
    {
        m_counters.malformed++;
        m_malformedTrace(m_relay->MakeEvent("", "", "", bytes, error));
        Fault(ex, "", 2007, "Message format corrupt: " + error, bytes);
        return;
    }
    if (req.type != MmsMm7Type::SUBMIT_REQ)
    {
        Fault(
            ex, req.transactionId, 4003, MmsMm7Message::TypeName(req.type) + " not served", bytes);
        return;
    }
    if (req.version.empty() || (req.version[0] != '5' && req.version[0] != '6'))
    {
        Fault(ex, req.transactionId, 4002, "MM7Version " + req.version, bytes);
        return;
    }
    m_counters.submissions++;
    m_submitReceivedTrace(m_relay->MakeEvent("", "", req.transactionId, bytes, req.vaspId));
    // The M-Send.req of an MM1 submission from the VASP.
    MmsMm7Address sender = req.senderAddress;
    if (!req.hasSenderAddress)
    {
        sender = {MmsMm7Address::RFC2822, req.vasId + "@" + req.vaspId};
    }
    std::vector<std::string> to;
    for (const auto& a : req.to)
    {
        to.push_back(a.ToMmsAddress());
    }
    MmsMultipartBody body;
    std::vector<const MmsMimeEntity*> leaves;
    if (!req.contentHref.empty())
    {
        if (req.content.IsMultipart())
        {
            for (const auto& p : req.content.parts)
            {
                leaves.push_back(&p);
            }
        }
        else
        {
            leaves.push_back(&req.content);
        }
    }
    for (const MmsMimeEntity* leaf : leaves)
    {
        MmsPart part;
        part.contentType = MmsWspContentType(leaf->GetMediaType());
        part.data = leaf->parts.empty()
                        ? leaf->content
                        : MmsContent::Virtual(static_cast<uint32_t>(leaf->GetSerializedSize()));
        body.parts.push_back(part);
    }
    MmsPdu pdu = MmsPdu::MakeSendReq(req.transactionId,
                                     sender.ToMmsAddress(),
                                     to,
                                     MmsWspContentType("application/vnd.wap.multipart.related"),
                                     body);
    for (const auto& [field, list] :
         {std::make_pair(MmsField::CC, &req.cc), std::make_pair(MmsField::BCC, &req.bcc)})
    {
        for (const auto& a : *list)
        {
            pdu.AddField(MmsHeaderField::String(field, MmsWspEncodedString{0, a.ToMmsAddress()}));
        }
    }
    if (!req.subject.empty())
    {
        pdu.AddField(
            MmsHeaderField::String(MmsField::SUBJECT, MmsWspEncodedString{0, req.subject}));
    }
    if (req.messageClass == "Advertisement" || req.messageClass == "Informational"
        || req.messageClass == "Personal")
    {
        uint8_t c = req.messageClass == "Advertisement"   ? MmsValue::CLASS_ADVERTISEMENT
                    : req.messageClass == "Informational" ? MmsValue::CLASS_INFORMATIONAL
                                                          : MmsValue::CLASS_PERSONAL;
        pdu.AddField(MmsHeaderField::Octet(MmsField::MESSAGE_CLASS, c));
    }
    if (req.priority == "Low" || req.priority == "Normal" || req.priority == "High")
    {
        uint8_t p = req.priority == "Low"      ? MmsValue::PRIORITY_LOW
                    : req.priority == "Normal" ? MmsValue::PRIORITY_NORMAL
                                               : MmsValue::PRIORITY_HIGH;
        pdu.AddField(MmsHeaderField::Octet(MmsField::PRIORITY, p));
    }
    if (req.expiryDate != 0)
    {
        pdu.AddField(MmsHeaderField::Time(MmsField::EXPIRY, true, req.expiryDate));
    }
    if (req.deliveryReport)
    {
        pdu.AddField(MmsHeaderField::Octet(MmsField::DELIVERY_REPORT, MmsValue::YES));
    }
    if (req.readReply)
    {
        pdu.AddField(MmsHeaderField::Octet(MmsField::READ_REPORT, MmsValue::YES));
    }
    Pending p;
    p.tid = req.transactionId;
    p.vasp = from;
    p.sender = sender.value;
    p.reports = req.deliveryReport;
    p.recipients = static_cast<uint32_t>(req.to.size() + req.cc.size() + req.bcc.size());
    p.bytes = bytes;
    m_pending[ex] = p;
    MmsRelay::Job job;
    job.exchange = ex;
    // The size the Relay checks against MaxMessageSize: the content's, not the SOAP part's
    // (which grows with the recipients).
    job.request = MmsHttpMessage::Request(request.method, request.target);
    job.request.bodyIsVirtual = true;
    job.request.virtualBodySize = req.contentHref.empty() ? 0 : req.content.GetSerializedSize();
    job.from = from;
    job.arrival = Simulator::Now();
    job.type = MmsRelay::SUBMIT;
    m_relay->HandleSend(job, pdu, sender.value);
}

bool
MmsRelayMm7::Answer(MmsTransport::ExchangeId ex,
                    uint8_t status,
                    const std::string& messageId,
                    const std::string& text)
{
    auto it = m_pending.find(ex);
    if (it == m_pending.end())
    {
        return false;
    }
    Pending p = it->second;
    m_pending.erase(it);
    uint16_t code = StatusOf(status);
    if (code != 1000)
    {
        Fault(ex, p.tid, code, text, p.bytes);
        return true;
    }
    MmsMm7Message rsp;
    rsp.type = MmsMm7Type::SUBMIT_RES;
    rsp.transactionId = p.tid;
    rsp.statusCode = 1000;
    rsp.statusText = MmsMm7Message::StatusName(1000);
    rsp.messageId = messageId;
    m_counters.accepted++;
    if (m_acceptedIds.insert(messageId).second) // not a repeated submission (DuplicateWindow)
    {
        m_counters.recipients += p.recipients;
    }
    m_acceptedTrace(m_relay->MakeEvent(
        messageId, std::to_string(p.recipients), p.tid, p.bytes, rsp.statusText));
    if (p.reports && InetSocketAddress::IsMatchingType(p.vasp))
    {
        VaspMessage v;
        v.vasp = InetSocketAddress(InetSocketAddress::ConvertFrom(p.vasp).GetIpv4(), m_reportPort);
        v.sender = MmsMm7Address::FromMmsAddress(p.sender);
        v.open = p.recipients;
        m_messages[messageId] = v;
    }
    m_relay->GetTransport()->Respond(ex, rsp.ToHttp("", ""));
    return true;
}

bool
MmsRelayMm7::ReportToVasp(const std::string& messageId,
                          const std::string& recipient,
                          uint8_t status)
{
    auto it = m_messages.find(messageId);
    if (it == m_messages.end())
    {
        return false;
    }
    MmsMm7Message r;
    r.type = MmsMm7Type::DELIVERY_REPORT_REQ;
    r.transactionId = "dr" + std::to_string(m_nextReport++);
    r.messageId = messageId;
    r.recipient = MmsMm7Address::FromMmsAddress(recipient);
    r.sender = it->second.sender;
    r.date = MmsClock::NowUnix();
    r.mmStatus = MmsMm7Message::MmStatusName(status);
    MmsHttpMessage post = r.ToHttp(m_reportPath, "vasp");
    uint64_t cookie = m_nextCookie++;
    m_reports[cookie] = messageId;
    m_counters.reportsSent++;
    m_reportSentTrace(
        m_relay->MakeEvent(messageId, recipient, r.transactionId, post.GetBodySize(), r.mmStatus));
    Address vasp = it->second.vasp;
    if (status != 0x83 /* Deferred: more reports follow */ && --it->second.open == 0)
    {
        m_messages.erase(it);
    }
    m_relay->GetTransport()->Request(vasp,
                                     post,
                                     {"MM7_delivery_report.REQ", r.transactionId},
                                     MakeCallback(&MmsRelayMm7::HandleReportResponse, this),
                                     cookie);
    return true;
}

void
MmsRelayMm7::HandleReportResponse(uint64_t cookie,
                                  bool ok,
                                  const MmsHttpMessage& r,
                                  const std::string& why)
{
    auto it = m_reports.find(cookie);
    if (it == m_reports.end())
    {
        return;
    }
    std::string messageId = it->second;
    m_reports.erase(it);
    MmsMm7Message rsp;
    std::string error = why;
    if (ok && MmsMm7Message::FromHttp(r, rsp, error) && rsp.type == MmsMm7Type::DELIVERY_REPORT_RES
        && MmsMm7Message::IsSuccess(rsp.statusCode))
    {
        m_counters.reportsAnswered++;
        m_reportAnsweredTrace(m_relay->MakeEvent(
            messageId, "", rsp.transactionId, r.GetBodySize(), std::to_string(rsp.statusCode)));
        return;
    }
    m_counters.reportsFailed++;
    m_reportAnsweredTrace(
        m_relay->MakeEvent(messageId,
                           "",
                           rsp.transactionId,
                           r.GetBodySize(),
                           ok && error.empty() ? std::to_string(rsp.statusCode) : error));
}

} // namespace ns3
