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
OnHttp(MmsWorld* w, std::string self, const MmsHttpMessage& m, const Address& peer)
{
    w->ladder.push_back(self + ">" + w->NameOf(peer) + " " + MmsLadder::Describe(m));
    w->times.push_back(Simulator::Now().GetSeconds());
    if (m.isRequest)
    {
        MmsTransport::RequestLabel l = MmsLadder::Label(m);
        w->decodedLabels.push_back(self + " " + l.type + " [" + l.transactionId + "]");
    }
}

void
OnExchange(MmsWorld* w, std::string self, const MmsSocketTransport::Exchange& x)
{
    w->givenLabels.push_back(self + " " + x.type + " [" + x.transactionId + "]");
}

void
OnDatagram(MmsWorld* w, std::string self, const std::vector<uint8_t>& d, const Address& peer)
{
    w->ladder.push_back(self + ">" + w->NameOf(peer) + " " + MmsLadder::DescribeDatagram(d));
    w->times.push_back(Simulator::Now().GetSeconds());
}
} // namespace

std::string
Join(const std::vector<std::string>& v)
{
    std::ostringstream os;
    for (const auto& s : v)
    {
        os << "\n  " << s;
    }
    return os.str();
}

MmsWorld::MmsWorld(uint32_t n, const std::string& bearer, void (*radio)(MmsRadioBearerHelper&))
{
    if (!bearer.empty())
    {
        net.SetRadioAccess(bearer);
        if (radio)
        {
            radio(net.GetRadioHelper());
        }
    }
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
    Ptr<Node> gatewayNode = wap ? net.CreateCoreNode() : nullptr;
    if (wap)
    {
        mms.InstallWapGateway(gatewayNode);
    }
    uas = mms.InstallUserAgents(handsets);
    mms.AssignStreams(stream);
    net.AssignStreams(stream + 100000);
    std::vector<std::pair<Ptr<MmsApplication>, std::string>> apps = {{mms.GetRelay(), "Relay"},
                                                                     {mms.GetServer(), "Server"},
                                                                     {mms.GetPpg(), "PPG"},
                                                                     {mms.GetSmsc(), "SMSC"}};
    std::vector<Ptr<Node>> nodes = {
        net.GetRelayNode(), net.GetServerNode(), net.GetPpgNode(), net.GetSmscNode()};
    if (wap)
    {
        apps.emplace_back(mms.GetWapGateway(), "WAPGW");
        nodes.push_back(gatewayNode);
    }
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
        t->TraceConnectWithoutContext("Exchange",
                                      MakeBoundCallback(&OnExchange, this, apps[i].second));
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

} // namespace mmstest
