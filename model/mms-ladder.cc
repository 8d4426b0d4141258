/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-ladder.h"

#include "mms-common.h"
#include "mms-pap-message.h"
#include "mms-sms-tpdu.h"
#include "mms-smsc.h"
#include "mms-wdp-sms.h"
#include "mms-wsp-push.h"
#include "mms-wsp-session-pdu.h"
#include "mms-wtp-pdu.h"

namespace ns3
{

namespace MmsLadder
{

std::string
DescribePdu(const MmsPdu& pdu, bool full)
{
    std::string s = MmsPdu::MessageTypeName(pdu.GetMessageType());
    for (uint8_t f : {MmsField::RESPONSE_STATUS, MmsField::STATUS, MmsField::RETRIEVE_STATUS})
    {
        if (pdu.HasField(f))
        {
            s += " " + MmsPdu::FormatValue(*pdu.FindField(f));
        }
    }
    if (full && !pdu.GetTransactionId().empty())
    {
        s += " tid=" + pdu.GetTransactionId();
    }
    return s;
}

std::string
TargetId(const std::string& target)
{
    const std::string store = "/store/";
    if (target.rfind(store, 0) == 0)
    {
        return target.substr(store.size());
    }
    std::string::size_type r = target.find("/r/");
    return r == std::string::npos ? std::string() : target.substr(r + 3);
}

std::string
PduTransaction(const MmsPdu& pdu)
{
    std::string tid = pdu.GetTransactionId();
    if (tid.empty() && pdu.HasField(MmsField::MESSAGE_ID))
    {
        tid = pdu.GetText(MmsField::MESSAGE_ID);
    }
    return tid;
}

MmsTransport::RequestLabel
Label(const MmsPdu& pdu)
{
    return {DescribePdu(pdu), PduTransaction(pdu)};
}

MmsTransport::RequestLabel
Label(const MmsHttpMessage& request)
{
    MmsTransport::RequestLabel label;
    label.type = Describe(request);
    MmsPdu pdu;
    MmsPapRequest pap;
    std::string error;
    const std::string& type = request.GetHeader("Content-Type");
    if (type.find(MmsHttp::MMS_CONTENT_TYPE) == 0 && MmsHttp::DecodeMmsBody(request, pdu, error))
    {
        label.transactionId = PduTransaction(pdu);
    }
    else if (type.rfind("multipart/related", 0) == 0
             && MmsPapRequest::Decode(type, request.body, pap, error))
    {
        label.transactionId = pap.control.pushId;
    }
    else if (!request.GetHeader("X-Sms-Tag").empty())
    {
        label.transactionId = request.GetHeader("X-Sms-Tag");
    }
    else
    {
        label.transactionId = TargetId(request.target);
    }
    return label;
}

std::string
Describe(const MmsHttpMessage& m, bool full)
{
    MmsPdu pdu;
    std::string error;
    bool mms = m.GetHeader("Content-Type") == MmsHttp::MMS_CONTENT_TYPE
               && MmsHttp::DecodeMmsBody(m, pdu, error);
    if (mms && !(m.isRequest && m.method == "PUT"))
    {
        return DescribePdu(pdu, full);
    }
    if (m.isRequest)
    {
        std::string target = m.target;
        if (!full && target.rfind("/store/", 0) == 0)
        {
            target = "/store";
        }
        if (!full && target.find("/r/") != std::string::npos)
        {
            target = "Content-Location";
        }
        MmsPapRequest req;
        MmsDecodeError e;
        if (m.GetHeader("Content-Type").rfind("multipart/related", 0) == 0
            && MmsPapRequest::Decode(m.GetHeader("Content-Type"), m.body, req, error)
            && MmsPdu::Decode(req.content.data(), req.content.size(), pdu, e))
        {
            return "PAP " + DescribePdu(pdu, full);
        }
        std::string s = m.method + " " + target;
        if (full && m.GetHeader("Content-Type") == "application/vnd.3gpp.sms")
        {
            s += " SMS-SUBMIT";
        }
        return s;
    }
    MmsPapPushResponse pr;
    std::string xml(m.body.begin(), m.body.end());
    if (m.GetHeader("Content-Type") == "application/xml"
        && MmsPapPushResponse::FromXml(xml, pr, error))
    {
        return (full ? std::to_string(m.status) + " " + m.reason + " " : std::string()) + "PAP "
               + std::to_string(pr.code);
    }
    return full ? std::to_string(m.status) + " " + m.reason : std::to_string(m.status);
}

std::string
DescribeDatagram(const std::vector<uint8_t>& data, bool full)
{
    MmsDecodeError e;
    if (data.size() >= 2 && data[0] == MmsSmsc::RP_DATA_TO_MS)
    {
        MmsSmsDeliver d;
        MmsWdpSmsSegment s;
        std::string text = full ? "RP-DATA SMS-DELIVER" : "SMS-DELIVER";
        if (MmsSmsDeliver::Decode(data.data() + 2, data.size() - 2, d, e)
            && MmsWdpSmsSegment::Decode(d.userData.data(), d.userData.size(), s, e))
        {
            text += " " + std::to_string(s.sequence) + "/" + std::to_string(s.total);
            if (full)
            {
                text += " (WDP port " + std::to_string(s.destinationPort) + ")";
            }
            return text;
        }
        return text + " ?";
    }
    if (data.size() >= 2 && data[0] == MmsSmsc::RP_ACK_FROM_MS)
    {
        return full ? "RP-ACK SMS-DELIVER-REPORT" : "RP-ACK";
    }
    if (data.size() >= 2 && data[0] == MmsSmsc::RP_ERROR_FROM_MS)
    {
        return full ? "RP-ERROR SMS-DELIVER-REPORT" : "RP-ERROR";
    }
    MmsWspPushPdu push;
    MmsPdu pdu;
    if (MmsWspPushPdu::Decode(data.data(), data.size(), push, e)
        && MmsPdu::Decode(push.GetData().data(), push.GetData().size(), pdu, e))
    {
        return (full ? "WSP Push (UDP 2948) " : "Push ")
               + MmsPdu::MessageTypeName(pdu.GetMessageType());
    }
    // WAP 1.x: a WTP PDU, the WSP PDU of an Invoke or Result, the MMS PDU it carries.
    std::vector<MmsWtpPdu> wtp;
    if (MmsWtpPdu::DecodeDatagram(data.data(), data.size(), wtp, e) && wtp.size() == 1)
    {
        const MmsWtpPdu& p = wtp.front();
        std::string text = "WTP " + MmsWtpPdu::TypeName(p.GetType());
        MmsWspSessionPdu wsp;
        const auto& d = p.GetData();
        if ((p.GetType() == MmsWtpPdu::INVOKE || p.GetType() == MmsWtpPdu::RESULT) && !d.empty()
            && MmsWspSessionPdu::Decode(d.data(), d.size(), false, wsp, e))
        {
            text += " WSP " + MmsWspSessionPdu::TypeName(wsp.GetType());
            const auto& body = wsp.GetData();
            if (!body.empty() && MmsPdu::Decode(body.data(), body.size(), pdu, e))
            {
                text += " " + MmsPdu::MessageTypeName(pdu.GetMessageType());
            }
        }
        return text;
    }
    return "datagram";
}

} // namespace MmsLadder

} // namespace ns3
