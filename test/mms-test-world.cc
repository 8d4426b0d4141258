/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-test-world.h"

#include "ns3/inet-socket-address.h"
#include "ns3/simulator.h"

#include <sstream>

using namespace ns3;

namespace mmstest
{

namespace
{
void
OnHttp(MmsWorld* w, std::string self, const HttpMessage& m, const Address& peer)
{
    w->ladder.push_back(self + ">" + w->NameOf(peer) + " " + MmsWorld::Describe(m));
    w->times.push_back(Simulator::Now().GetSeconds());
}

void
OnDatagram(MmsWorld* w, std::string self, const std::vector<uint8_t>& d, const Address& peer)
{
    w->ladder.push_back(self + ">" + w->NameOf(peer) + " " + MmsWorld::DescribeDatagram(d));
    w->times.push_back(Simulator::Now().GetSeconds());
}
} // namespace

MmsWorld::MmsWorld(uint32_t n)
{
    net.CreateCore(true);
    handsets = net.CreateHandsets(n);
}

MmsWorld::~MmsWorld()
{
    Simulator::Destroy();
}

void
MmsWorld::Install(int64_t stream)
{
    mms.InstallCore(net.GetRelayNode(), net.GetServerNode(), net.GetPpgNode(), net.GetSmscNode());
    uas = mms.InstallUserAgents(handsets);
    mms.AssignStreams(stream);
    std::vector<std::pair<Ptr<MmsApplication>, std::string>> apps = {{mms.GetRelay(), "Relay"},
                                                                     {mms.GetServer(), "Server"},
                                                                     {mms.GetPpg(), "PPG"},
                                                                     {mms.GetSmsc(), "SMSC"}};
    std::vector<Ptr<Node>> nodes = {
        net.GetRelayNode(), net.GetServerNode(), net.GetPpgNode(), net.GetSmscNode()};
    for (uint32_t i = 0; i < uas.GetN(); ++i)
    {
        apps.emplace_back(DynamicCast<MmsApplication>(uas.Get(i)), "UA" + std::to_string(i));
        nodes.push_back(handsets.Get(i));
    }
    for (std::size_t i = 0; i < apps.size(); ++i)
    {
        names.emplace_back(MmsNetworkHelper::GetAddress(nodes[i]).Get(), apps[i].second);
        Ptr<MmsSocketTransport> t = DynamicCast<MmsSocketTransport>(apps[i].first->GetTransport());
        t->TraceConnectWithoutContext("HttpTx", MakeBoundCallback(&OnHttp, this, apps[i].second));
        t->TraceConnectWithoutContext("DatagramTx",
                                      MakeBoundCallback(&OnDatagram, this, apps[i].second));
    }
}

Ptr<MmsUserAgent>
MmsWorld::Ua(uint32_t i) const
{
    return DynamicCast<MmsUserAgent>(uas.Get(i));
}

std::string
MmsWorld::NameOf(const Address& a) const
{
    if (InetSocketAddress::IsMatchingType(a))
    {
        uint32_t ip = InetSocketAddress::ConvertFrom(a).GetIpv4().Get();
        for (const auto& [addr, name] : names)
        {
            if (addr == ip)
            {
                return name;
            }
        }
    }
    return "?";
}

std::vector<std::string>
MmsWorld::Filter(const std::vector<std::string>& words) const
{
    std::vector<std::string> out;
    for (const auto& l : ladder)
    {
        for (const auto& w : words)
        {
            if (l.find(w) != std::string::npos)
            {
                out.push_back(l);
                break;
            }
        }
    }
    return out;
}

std::string
MmsWorld::Dump() const
{
    std::ostringstream os;
    for (std::size_t i = 0; i < ladder.size(); ++i)
    {
        os << "\n  " << times[i] << " " << ladder[i];
    }
    return os.str();
}

std::string
MmsWorld::Describe(const HttpMessage& m)
{
    MmsPdu pdu;
    std::string error;
    if (m.GetHeader("Content-Type") == MmsHttp::MMS_CONTENT_TYPE
        && MmsHttp::DecodeMmsBody(m, pdu, error))
    {
        std::string s = MmsPdu::MessageTypeName(pdu.GetMessageType());
        for (uint8_t f : {MmsField::RESPONSE_STATUS, MmsField::STATUS, MmsField::RETRIEVE_STATUS})
        {
            if (pdu.HasField(f))
            {
                s += " " + MmsPdu::FormatValue(*pdu.FindField(f));
            }
        }
        if (!m.isRequest || m.method != "PUT")
        {
            return s;
        }
    }
    if (m.isRequest)
    {
        std::string target = m.target;
        if (target.rfind("/store/", 0) == 0)
        {
            target = "/store";
        }
        if (target.find("/r/") != std::string::npos)
        {
            target = "Content-Location";
        }
        if (m.target == "/wappush")
        {
            PapRequest req;
            DecodeError e;
            if (PapRequest::Decode(m.GetHeader("Content-Type"), m.body, req, error)
                && MmsPdu::Decode(req.content.data(), req.content.size(), pdu, e))
            {
                std::string s = "PAP " + MmsPdu::MessageTypeName(pdu.GetMessageType());
                if (pdu.HasField(MmsField::STATUS))
                {
                    s += " " + MmsPdu::FormatValue(*pdu.FindField(MmsField::STATUS));
                }
                return s;
            }
        }
        return m.method + " " + target;
    }
    PapPushResponse pr;
    std::string xml(m.body.begin(), m.body.end());
    if (m.GetHeader("Content-Type") == "application/xml"
        && PapPushResponse::FromXml(xml, pr, error))
    {
        return "PAP " + std::to_string(pr.code);
    }
    return std::to_string(m.status);
}

std::string
MmsWorld::DescribeDatagram(const std::vector<uint8_t>& data)
{
    DecodeError e;
    if (data.size() >= 2 && data[0] == Smsc::RP_DATA_TO_MS)
    {
        SmsDeliver d;
        WdpSmsSegment s;
        if (SmsDeliver::Decode(data.data() + 2, data.size() - 2, d, e)
            && WdpSmsSegment::Decode(d.userData.data(), d.userData.size(), s, e))
        {
            return "SMS-DELIVER " + std::to_string(s.sequence) + "/" + std::to_string(s.total);
        }
        return "SMS-DELIVER ?";
    }
    if (data.size() >= 2 && data[0] == Smsc::RP_ACK_FROM_MS)
    {
        return "RP-ACK";
    }
    if (data.size() >= 2 && data[0] == Smsc::RP_ERROR_FROM_MS)
    {
        return "RP-ERROR";
    }
    WspPushPdu push;
    MmsPdu pdu;
    if (WspPushPdu::Decode(data.data(), data.size(), push, e)
        && MmsPdu::Decode(push.GetData().data(), push.GetData().size(), pdu, e))
    {
        return "Push " + MmsPdu::MessageTypeName(pdu.GetMessageType());
    }
    return "datagram";
}

} // namespace mmstest
