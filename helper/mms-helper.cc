/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-helper.h"

#include "mms-network-helper.h"

#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/mms-radio-bearer-net-device.h"
#include "ns3/mms-radio-cell-channel.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

MmsHelper::MmsHelper()
{
    m_relayFactory.SetTypeId(MmsRelay::GetTypeId());
    m_serverFactory.SetTypeId(MmsServer::GetTypeId());
    m_ppgFactory.SetTypeId(MmsWapPushProxyGateway::GetTypeId());
    m_smscFactory.SetTypeId(MmsSmsc::GetTypeId());
    m_uaFactory.SetTypeId(MmsUserAgent::GetTypeId());
    m_directory = CreateObject<MmsSubscriberDirectory>();
}

void
MmsHelper::SetRelayAttribute(const std::string& name, const AttributeValue& value)
{
    m_relayFactory.Set(name, value);
}

void
MmsHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_serverFactory.Set(name, value);
}

void
MmsHelper::SetPpgAttribute(const std::string& name, const AttributeValue& value)
{
    m_ppgFactory.Set(name, value);
}

void
MmsHelper::SetSmscAttribute(const std::string& name, const AttributeValue& value)
{
    m_smscFactory.Set(name, value);
}

void
MmsHelper::SetUserAgentAttribute(const std::string& name, const AttributeValue& value)
{
    m_uaFactory.Set(name, value);
}

void
MmsHelper::SetFirstMsisdn(const std::string& msisdn)
{
    NS_ASSERT_MSG(m_nextNumber == 0, "SetFirstMsisdn after handsets were installed");
    m_firstMsisdn = msisdn;
}

std::string
MmsHelper::GetMsisdn(uint32_t i) const
{
    // Add i to the trailing digits, keeping their width.
    std::size_t start = m_firstMsisdn.find_last_not_of("0123456789") + 1;
    std::string digits = m_firstMsisdn.substr(start);
    uint64_t n = std::stoull(digits.empty() ? "0" : digits) + i;
    std::string s = std::to_string(n);
    if (s.size() < digits.size())
    {
        s = std::string(digits.size() - s.size(), '0') + s;
    }
    return m_firstMsisdn.substr(0, start) + s;
}

ApplicationContainer
MmsHelper::InstallCore(Ptr<Node> relay, Ptr<Node> server, Ptr<Node> ppg, Ptr<Node> smsc)
{
    NS_ASSERT_MSG(!m_relay, "InstallCore twice");
    Ptr<MmsServer> s = m_serverFactory.Create<MmsServer>();
    Ptr<MmsSmsc> sc = m_smscFactory.Create<MmsSmsc>();
    Ptr<MmsWapPushProxyGateway> p = m_ppgFactory.Create<MmsWapPushProxyGateway>();
    server->AddApplication(s);
    smsc->AddApplication(sc);
    ppg->AddApplication(p);
    InstallTransport(s);
    InstallTransport(sc);
    InstallTransport(p);
    s->SetElementName("server");
    p->SetElementName("ppg");
    sc->SetElementName("smsc");
    for (Ptr<MmsApplication> a :
         {Ptr<MmsApplication>(s), Ptr<MmsApplication>(p), Ptr<MmsApplication>(sc)})
    {
        a->SetDirectory(m_directory);
    }
    ApplicationContainer c = InstallRelay(relay, s, p, sc);
    m_ownsCore = true;
    return c;
}

ApplicationContainer
MmsHelper::InstallRelay(Ptr<Node> relay,
                        Ptr<MmsServer> server,
                        Ptr<MmsWapPushProxyGateway> ppg,
                        Ptr<MmsSmsc> smsc)
{
    NS_ASSERT_MSG(!m_relay, "InstallCore twice");
    m_server = server;
    m_smsc = smsc;
    m_ppg = ppg;
    m_ownsCore = false;
    m_relay = m_relayFactory.Create<MmsRelay>();
    relay->AddApplication(m_relay);
    InstallTransport(m_relay);
    UintegerValue port;
    m_smsc->GetAttribute("Port", port);
    m_ppg->SetAttribute(
        "SmscAddress",
        AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(m_smsc->GetNode()),
                                       static_cast<uint16_t>(port.Get()))));
    m_server->GetAttribute("Port", port);
    m_relay->SetAttribute(
        "ServerAddress",
        AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(m_server->GetNode()),
                                       static_cast<uint16_t>(port.Get()))));
    m_ppg->GetAttribute("Port", port);
    m_relay->SetAttribute(
        "PpgAddress",
        AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(m_ppg->GetNode()),
                                       static_cast<uint16_t>(port.Get()))));
    StringValue path;
    m_ppg->GetAttribute("Path", path);
    m_relay->SetAttribute("PpgPath", path);
    UintegerValue bearerPort;
    m_smsc->GetAttribute("BearerPort", bearerPort);
    m_uaFactory.Set("SmsPort", bearerPort);
    m_relay->GetAttribute("Port", port);
    m_uaFactory.Set("RelayAddress",
                    AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(relay),
                                                   static_cast<uint16_t>(port.Get()))));
    m_relay->GetAttribute("Path", path);
    m_uaFactory.Set("RelayPath", path);
    StringValue host;
    m_relay->GetAttribute("HostName", host);
    m_uaFactory.Set("RelayHost", host);
    m_relay->SetElementName("relay");
    m_relay->SetDirectory(m_directory);
    ApplicationContainer c;
    c.Add(m_relay);
    c.Add(m_server);
    c.Add(m_ppg);
    c.Add(m_smsc);
    return c;
}

ApplicationContainer
MmsHelper::InstallUserAgents(NodeContainer handsets)
{
    NS_ASSERT_MSG(m_relay, "InstallCore before InstallUserAgents");
    ApplicationContainer c;
    for (uint32_t i = 0; i < handsets.GetN(); ++i)
    {
        std::string msisdn = GetMsisdn(static_cast<uint32_t>(m_nextNumber++));
        Ptr<MmsUserAgent> ua = m_uaFactory.Create<MmsUserAgent>();
        ua->SetMsisdn(msisdn);
        ua->SetElementName("ua:" + msisdn);
        ua->SetDirectory(m_directory);
        handsets.Get(i)->AddApplication(ua);
        InstallTransport(ua);
        m_directory->Add(msisdn, MmsNetworkHelper::GetAddress(handsets.Get(i)));
        c.Add(ua);
    }
    m_userAgents.Add(c);
    return c;
}

Ptr<MmsUserAgent>
MmsHelper::CreateUserAgent(const std::string& msisdn) const
{
    NS_ASSERT_MSG(m_relay, "InstallCore before CreateUserAgent");
    return Number(m_uaFactory.Create<MmsUserAgent>(), msisdn);
}

Ptr<MmsUserAgent>
MmsHelper::CreateUserAgent(const std::string& msisdn, Ptr<const MmsUserAgent> prototype) const
{
    NS_ASSERT_MSG(m_relay, "InstallCore before CreateUserAgent");
    return Number(MmsUserAgent::CreateLike(prototype), msisdn);
}

Ptr<MmsUserAgent>
MmsHelper::Number(Ptr<MmsUserAgent> ua, const std::string& msisdn) const
{
    ua->SetMsisdn(msisdn);
    ua->SetElementName("ua:" + msisdn);
    ua->SetDirectory(m_directory);
    return ua;
}

void
MmsHelper::SkipNumbers(uint32_t n)
{
    m_nextNumber += n;
}

Ptr<MmsSocketTransport>
MmsHelper::CreateTransport(Ptr<Node> node)
{
    Ptr<MmsSocketTransport> t = CreateObject<MmsSocketTransport>();
    t->SetNode(node);
    // A handset on a radio cell: the TCP MSS of its bearer profile.
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        auto dev = DynamicCast<MmsRadioBearerNetDevice>(node->GetDevice(i));
        auto cell = dev ? DynamicCast<MmsRadioCellChannel>(dev->GetChannel()) : nullptr;
        if (cell && !dev->IsBaseStation())
        {
            const MmsBearerProfile& p = cell->GetProfile(dev->GetHandsetIndex());
            t->SetAttribute("TcpMss", UintegerValue(p.tcpMss));
            // A connection per exchange: a handset's User Agent keeps none open.
            t->SetAttribute("KeepAlive", TimeValue(Seconds(0)));
        }
    }
    return t;
}

Ptr<MmsSocketTransport>
MmsHelper::InstallTransport(Ptr<MmsApplication> app)
{
    NS_ASSERT_MSG(app->GetNode(),
                  "MmsHelper::InstallTransport: " << app->GetElementName() << " is on no node");
    Ptr<MmsSocketTransport> t = CreateTransport(app->GetNode());
    if (DynamicCast<MmsUserAgent>(app))
    {
        t->SetAttribute("KeepAlive", TimeValue(Seconds(0))); // a handset, on any link
    }
    app->SetTransport(t);
    return t;
}

Ptr<MmsRelay>
MmsHelper::GetRelay() const
{
    return m_relay;
}

Ptr<MmsServer>
MmsHelper::GetServer() const
{
    return m_server;
}

Ptr<MmsWapPushProxyGateway>
MmsHelper::GetPpg() const
{
    return m_ppg;
}

Ptr<MmsSmsc>
MmsHelper::GetSmsc() const
{
    return m_smsc;
}

Ptr<MmsWapGateway>
MmsHelper::InstallWapGateway(Ptr<Node> node)
{
    NS_ASSERT_MSG(m_relay, "MmsHelper::InstallWapGateway before InstallCore");
    UintegerValue port;
    m_relay->GetAttribute("Port", port);
    m_wapGateway = CreateObject<MmsWapGateway>();
    m_wapGateway->SetAttribute(
        "RelayAddress",
        AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(m_relay->GetNode()),
                                       static_cast<uint16_t>(port.Get()))));
    m_wapGateway->SetElementName("wapgw");
    m_wapGateway->SetDirectory(m_directory);
    node->AddApplication(m_wapGateway);
    InstallTransport(m_wapGateway);
    m_uaFactory.Set("Stack", EnumValue(MmsUserAgent::WSP_STACK));
    m_uaFactory.Set("GatewayAddress",
                    AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(node),
                                                   MmsWapGateway::PORT_CO)));
    return m_wapGateway;
}

Ptr<MmsWapGateway>
MmsHelper::GetWapGateway() const
{
    return m_wapGateway;
}

Ptr<MmsSubscriberDirectory>
MmsHelper::GetDirectory() const
{
    return m_directory;
}

int64_t
MmsHelper::AssignStreams(int64_t stream)
{
    int64_t s = stream;
    if (m_relay)
    {
        s += m_relay->AssignStreams(s);
    }
    if (m_ownsCore)
    {
        for (Ptr<MmsApplication> a : {Ptr<MmsApplication>(m_server),
                                      Ptr<MmsApplication>(m_ppg),
                                      Ptr<MmsApplication>(m_smsc)})
        {
            s += a->AssignStreams(s);
        }
    }
    for (uint32_t i = 0; i < m_userAgents.GetN(); ++i)
    {
        s += DynamicCast<MmsApplication>(m_userAgents.Get(i))->AssignStreams(s);
    }
    return s - stream;
}

} // namespace ns3
