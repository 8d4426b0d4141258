/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-common.h"

#include "ns3/global-value.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

namespace
{
// 2026-01-01T00:00:00Z: an arbitrary but fixed date, so that the same run writes the same PDUs.
GlobalValue g_mmsEpoch("MmsEpoch",
                       "Unix time (s) of simulation time 0, used for Date, Expiry and PAP "
                       "timestamps in the PDUs the engines write.",
                       UintegerValue(1767225600),
                       MakeUintegerChecker<uint64_t>());
} // namespace

namespace MmsClock
{
uint64_t
GetEpoch()
{
    UintegerValue v;
    g_mmsEpoch.GetValue(v);
    return v.Get();
}

uint64_t
NowUnix()
{
    return ToUnix(Simulator::Now());
}

uint64_t
ToUnix(Time t)
{
    int64_t s = static_cast<int64_t>(GetEpoch()) + t.GetSeconds();
    return s < 0 ? 0 : static_cast<uint64_t>(s);
}

Time
FromUnix(uint64_t seconds)
{
    return Seconds(
        static_cast<double>(static_cast<int64_t>(seconds) - static_cast<int64_t>(GetEpoch())));
}
} // namespace MmsClock

namespace MmsHttp
{
void
SetMmsBody(MmsHttpMessage& m, const MmsPdu& pdu)
{
    m.body.clear();
    m.bodyIsVirtual = false;
    m.virtualBodySize = 0;
    m.bodyRuns.clear();
    pdu.EncodeSegments(m.bodyRuns);
    bool content = false;
    for (auto& h : m.headers)
    {
        if (h.first == "Content-Type")
        {
            h.second = MMS_CONTENT_TYPE;
            content = true;
        }
    }
    if (!content)
    {
        m.AddHeader("Content-Type", MMS_CONTENT_TYPE);
    }
}

MmsHttpMessage
MakeMmsRequest(const std::string& method,
               const std::string& target,
               const std::string& host,
               const MmsPdu& pdu)
{
    MmsHttpMessage m = MmsHttpMessage::Request(method, target);
    m.AddHeader("Host", host);
    SetMmsBody(m, pdu);
    return m;
}

MmsHttpMessage
MakeMmsResponse(const MmsPdu& pdu)
{
    MmsHttpMessage m = MmsHttpMessage::Response(200, "OK");
    SetMmsBody(m, pdu);
    return m;
}

bool
DecodeMmsBody(const MmsHttpMessage& m, MmsPdu& out, std::string& error)
{
    std::vector<uint8_t> octets;
    const std::vector<uint8_t>* body = &m.body; // the usual case: received octets, no copy
    if (!m.bodyRuns.empty() || m.bodyIsVirtual)
    {
        octets = m.SerializeBody();
        body = &octets;
    }
    if (body->empty())
    {
        error = "empty body";
        return false;
    }
    MmsDecodeOptions options;
    options.keepContent = false;
    MmsDecodeError e;
    if (!MmsPdu::Decode(body->data(), body->size(), out, e, options))
    {
        error = e.ToString();
        return false;
    }
    return true;
}

std::string
StripAddressType(const std::string& address)
{
    auto slash = address.find("/TYPE=");
    return slash == std::string::npos ? address : address.substr(0, slash);
}

std::string
PlmnAddress(const std::string& number)
{
    // An e-mail address (RFC 5322 addr-spec) has no type suffix (OMA-MMS-ENC section 8).
    return number.find("/TYPE=") == std::string::npos && number.find('@') == std::string::npos
               ? number + "/TYPE=PLMN"
               : number;
}
} // namespace MmsHttp

void
MmsForEachAttributeValue(
    const ObjectBase& object,
    uint32_t flags,
    const std::function<void(const TypeId::AttributeInformation&, const AttributeValue&)>& visit)
{
    flags |= TypeId::ATTR_GET;
    for (TypeId t = object.GetInstanceTypeId(); t != ObjectBase::GetTypeId(); t = t.GetParent())
    {
        for (uint32_t i = 0; i < t.GetAttributeN(); ++i)
        {
            const TypeId::AttributeInformation info = t.GetAttribute(i);
            if ((info.flags & flags) != flags || !info.accessor->HasGetter())
            {
                continue;
            }
            Ptr<AttributeValue> v = info.checker->Create();
            if (info.accessor->Get(&object, *v))
            {
                visit(info, *v);
            }
        }
    }
}

} // namespace ns3
