/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-flow-transport.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsFlowTransport");
NS_OBJECT_ENSURE_REGISTERED(MmsFlowTransport);

namespace
{
/// Octets of the IPv4 and TCP headers with the timestamp option ns-3 sends by default.
constexpr uint32_t kTcpHeaders = 40 + 12;
/// Octets of the IPv4 and UDP headers.
constexpr uint32_t kUdpHeaders = 28;
/// Octets of the timestamp option, which ns-3's segments carry out of the MSS.
constexpr uint32_t kTimestamps = 12;
} // namespace

TypeId
MmsFlowTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsFlowTransport")
            .SetParent<MmsTransport>()
            .SetGroupName("Mms")
            .AddConstructor<MmsFlowTransport>()
            .AddAttribute("RequestTimeout",
                          "How long a request may wait for the server element's answer once it "
                          "has arrived, s (default 60 s, as MmsSocketTransport's).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&MmsFlowTransport::m_requestTimeout),
                          MakeTimeChecker())
            .AddAttribute("KeepAlive",
                          "How long a connection to a server is kept after an exchange, s; 0: "
                          "a connection per request (default 4 s, as MmsSocketTransport's; "
                          "handsets 0).",
                          TimeValue(Seconds(4)),
                          MakeTimeAccessor(&MmsFlowTransport::m_keepAlive),
                          MakeTimeChecker())
            .AddAttribute("TcpMss",
                          "TCP maximum segment size, octets (default 1460; a handset's from its "
                          "bearer profile); segments carry this less 12 octets of timestamps.",
                          UintegerValue(1460),
                          MakeUintegerAccessor(&MmsFlowTransport::m_tcpMss),
                          MakeUintegerChecker<uint16_t>(64))
            .AddAttribute("SynBytes",
                          "Octets of a SYN or SYN-ACK on the wire (default 60: IPv4, TCP and "
                          "ns-3's options).",
                          UintegerValue(60),
                          MakeUintegerAccessor(&MmsFlowTransport::m_synBytes),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("SignallingPort",
                          "Datagrams from this port take the cell's signalling channel (default "
                          "9292, as MmsSocketTransport's).",
                          UintegerValue(9292),
                          MakeUintegerAccessor(&MmsFlowTransport::m_signallingPort),
                          MakeUintegerChecker<uint16_t>())
            .AddTraceSource("RequestRx",
                            "A request arrived.",
                            MakeTraceSourceAccessor(&MmsFlowTransport::m_requestRxTrace),
                            "ns3::MmsSocketTransport::HttpTracedCallback")
            .AddTraceSource("DatagramRx",
                            "A datagram arrived.",
                            MakeTraceSourceAccessor(&MmsFlowTransport::m_datagramRxTrace),
                            "ns3::MmsSocketTransport::DatagramTracedCallback")
            .AddTraceSource("Exchange",
                            "A request this element sent was answered or failed.",
                            MakeTraceSourceAccessor(&MmsFlowTransport::m_exchangeTrace),
                            "ns3::MmsSocketTransport::ExchangeTracedCallback");
    return tid;
}

MmsFlowTransport::MmsFlowTransport() = default;

MmsFlowTransport::~MmsFlowTransport() = default;

void
MmsFlowTransport::DoDispose()
{
    for (auto& [id, c] : m_clients)
    {
        if (c.transfer && m_network)
        {
            m_network->CancelTransfer(c.transfer);
        }
    }
    m_clients.clear();
    for (auto& [id, s] : m_served)
    {
        s.timeout.Cancel();
    }
    m_served.clear();
    m_servedByClient.clear();
    if (m_network)
    {
        m_network->Unregister(m_address, this);
    }
    if (m_rrc)
    {
        m_rrc->SetReadyCallback(Callback<void, uint32_t>(), 0);
    }
    m_network = nullptr;
    m_packets = nullptr;
    m_rrc = nullptr;
    m_listeners.clear();
    m_datagram.clear();
    MmsTransport::DoDispose();
}

void
MmsFlowTransport::Attach(Ptr<MmsFlowNetwork> network, Ipv4Address address, uint32_t site)
{
    m_network = network;
    m_address = address;
    m_site = site;
    network->Register(address, this);
}

void
MmsFlowTransport::SetHandset(uint32_t cell, Ptr<MmsRrcStateMachine> rrc)
{
    m_cell = static_cast<int32_t>(cell);
    m_rrc = rrc;
    m_tcpMss = m_network->GetProfile(cell).tcpMss;
    m_keepAlive = Seconds(0);
    if (rrc)
    {
        // A few activity reports per transfer: timers that run only when they expire.
        rrc->SetEagerTimers(true);
        rrc->SetReadyCallback(MakeCallback(&MmsFlowTransport::RadioReady, this), 0);
    }
}

void
MmsFlowTransport::RadioReady(uint32_t)
{
    if (m_network)
    {
        m_network->RadioReady(this);
    }
}

void
MmsFlowTransport::SetPacketTransport(Ptr<MmsTransport> packets)
{
    m_packets = packets;
}

Ptr<MmsTransport>
MmsFlowTransport::GetPacketTransport() const
{
    return m_packets;
}

Ipv4Address
MmsFlowTransport::GetAddress() const
{
    return m_address;
}

uint32_t
MmsFlowTransport::GetSite() const
{
    return m_site;
}

int32_t
MmsFlowTransport::GetCell() const
{
    return m_cell;
}

Ptr<MmsRrcStateMachine>
MmsFlowTransport::GetRrc() const
{
    return m_rrc;
}

uint32_t
MmsFlowTransport::GetSegmentSize() const
{
    return m_tcpMss - kTimestamps;
}

const MmsSocketTransport::Counters&
MmsFlowTransport::GetCounters() const
{
    return m_counters;
}

MmsFlowNetwork::TransferSpec
MmsFlowTransport::HttpSpec(uint64_t bytes, bool slowStart) const
{
    MmsFlowNetwork::TransferSpec s;
    s.bytes = bytes;
    s.segment = GetSegmentSize();
    s.header = kTcpHeaders;
    s.slowStart = slowStart;
    return s;
}

// ---------------------------------------------------------------------------------------------
// Server side

void
MmsFlowTransport::Listen(uint16_t port, RequestCallback cb)
{
    m_listeners[port] = cb;
    if (m_packets)
    {
        m_packets->Listen(port, MakeCallback(&MmsFlowTransport::PacketRequest, this).Bind(cb));
    }
}

void
MmsFlowTransport::PacketRequest(RequestCallback cb,
                                ExchangeId theirs,
                                const MmsHttpMessage& m,
                                const Address& from)
{
    const ExchangeId id = m_nextId++;
    ServerExchange& s = m_served[id];
    s.packetId = theirs;
    cb(id, m, from);
}

void
MmsFlowTransport::DeliverRequest(Ptr<MmsFlowTransport> client,
                                 uint64_t clientId,
                                 uint16_t port,
                                 const MmsHttpMessage& request)
{
    auto l = m_listeners.find(port);
    if (l == m_listeners.end() || l->second.IsNull())
    {
        // Nobody listens: the client's connection is refused (found at its SYN at packet
        // level; here when the request arrives).
        Simulator::ScheduleNow(&MmsFlowTransport::Finish,
                               client,
                               clientId,
                               false,
                               MmsHttpMessage(),
                               std::string("cannot connect"));
        return;
    }
    const ExchangeId id = m_nextId++;
    ServerExchange& s = m_served[id];
    s.client = client;
    s.clientId = clientId;
    s.timeout =
        Simulator::Schedule(client->m_requestTimeout, &MmsFlowTransport::ServerTimeout, this, id);
    m_servedByClient[{PeekPointer(client), clientId}] = id;
    m_counters.messagesIn++;
    m_counters.bytesIn += request.GetSerializedSize();
    const Address from = InetSocketAddress(client->m_address, 49152);
    m_requestRxTrace(request, from);
    l->second(id, request, from);
}

void
MmsFlowTransport::ServerTimeout(ExchangeId id)
{
    auto it = m_served.find(id);
    if (it == m_served.end())
    {
        return;
    }
    Ptr<MmsFlowTransport> client = it->second.client;
    const uint64_t clientId = it->second.clientId;
    m_servedByClient.erase({PeekPointer(client), clientId});
    m_served.erase(it);
    client->Finish(clientId, false, MmsHttpMessage(), "timed out");
}

bool
MmsFlowTransport::IsAwaitingResponse(ExchangeId exchange) const
{
    auto it = m_served.find(exchange);
    if (it == m_served.end())
    {
        return false;
    }
    if (!it->second.client)
    {
        return m_packets && m_packets->IsAwaitingResponse(it->second.packetId);
    }
    return it->second.client->m_clients.count(it->second.clientId) > 0;
}

void
MmsFlowTransport::Respond(ExchangeId exchange, const MmsHttpMessage& response)
{
    auto it = m_served.find(exchange);
    if (it == m_served.end())
    {
        return;
    }
    ServerExchange s = it->second;
    m_served.erase(it);
    if (!s.client)
    {
        if (m_packets)
        {
            m_packets->Respond(s.packetId, response);
        }
        return;
    }
    // Removed rather than cancelled: nearly every request is answered, and a cancelled timer
    // would still run as an empty event when its time comes.
    Simulator::Remove(s.timeout);
    m_servedByClient.erase({PeekPointer(s.client), s.clientId});
    auto c = s.client->m_clients.find(s.clientId);
    if (c == s.client->m_clients.end())
    {
        return; // the client has gone
    }
    m_counters.messagesOut++;
    m_counters.bytesOut += response.GetSerializedSize();
    MmsFlowNetwork::TransferSpec spec = HttpSpec(response.GetSerializedSize(), !c->second.reused);
    c->second.response = response;
    c->second.transfer = m_network->StartTransfer(
        this,
        s.client,
        spec,
        MakeCallback(&MmsFlowTransport::ResponseArrived, PeekPointer(s.client)).Bind(s.clientId));
}

// ---------------------------------------------------------------------------------------------
// Client side

void
MmsFlowTransport::Request(const Address& server,
                          const MmsHttpMessage& request,
                          const RequestLabel& label,
                          ResponseCallback cb,
                          uint64_t cookie)
{
    NS_ASSERT_MSG(m_network, "MmsFlowTransport::Request before Attach");
    const InetSocketAddress to = InetSocketAddress::ConvertFrom(server);
    MmsFlowTransport* peer = m_network->Find(to.GetIpv4());
    if (!peer && m_packets)
    {
        m_packets->Request(server, request, label, cb, cookie);
        return;
    }
    const uint64_t id = m_nextId++;
    ClientExchange& c = m_clients[id];
    c.port = to.GetPort();
    c.request = request;
    c.cb = cb;
    c.cookie = cookie;
    if (!m_exchangeTrace.IsEmpty())
    {
        c.traced = true;
        c.record.type = label.type;
        c.record.transactionId = label.transactionId;
        c.record.peer = server;
        c.record.start = Simulator::Now();
        c.record.requestBytes = request.GetSerializedSize();
    }
    if (!peer)
    {
        Simulator::ScheduleNow(&MmsFlowTransport::Finish,
                               Ptr<MmsFlowTransport>(this),
                               id,
                               false,
                               MmsHttpMessage(),
                               std::string("cannot connect"));
        return;
    }
    c.server = peer;
    auto last = m_lastUse.find(peer);
    if (m_keepAlive.IsStrictlyPositive() && last != m_lastUse.end()
        && Simulator::Now() - last->second <= m_keepAlive)
    {
        c.reused = true;
        m_counters.connectionsReused++;
        SendRequest(id);
        return;
    }
    m_counters.connectionsOpened++;
    SendRequest(id);
}

void
MmsFlowTransport::SendRequest(uint64_t id)
{
    auto it = m_clients.find(id);
    if (it == m_clients.end())
    {
        return;
    }
    ClientExchange& c = it->second;
    m_counters.messagesOut++;
    const uint64_t bytes = c.request.GetSerializedSize();
    m_counters.bytesOut += bytes;
    MmsFlowNetwork::TransferSpec spec = HttpSpec(bytes, !c.reused);
    if (!c.reused)
    {
        // A new connection: its SYN and SYN-ACK go first, in the same transfer.
        spec.handshake = m_synBytes;
    }
    c.transfer = m_network->StartTransfer(
        this, c.server, spec, MakeCallback(&MmsFlowTransport::RequestArrived, this).Bind(id));
}

void
MmsFlowTransport::RequestArrived(uint64_t id)
{
    auto it = m_clients.find(id);
    if (it == m_clients.end())
    {
        return;
    }
    it->second.transfer = 0;
    it->second.server->DeliverRequest(this, id, it->second.port, it->second.request);
}

void
MmsFlowTransport::ResponseArrived(uint64_t id)
{
    auto it = m_clients.find(id);
    if (it == m_clients.end())
    {
        return;
    }
    const MmsHttpMessage response = std::move(it->second.response);
    it->second.transfer = 0;
    m_counters.messagesIn++;
    m_counters.bytesIn += response.GetSerializedSize();
    if (m_keepAlive.IsStrictlyPositive())
    {
        m_lastUse[PeekPointer(it->second.server)] = Simulator::Now();
    }
    Finish(id, true, response, "");
}

void
MmsFlowTransport::Finish(uint64_t id,
                         bool ok,
                         const MmsHttpMessage& response,
                         const std::string& why)
{
    auto it = m_clients.find(id);
    if (it == m_clients.end())
    {
        return;
    }
    ClientExchange c = std::move(it->second);
    m_clients.erase(it);
    if (c.transfer && m_network)
    {
        m_network->CancelTransfer(c.transfer);
    }
    if (c.server && !ok)
    {
        // forget it at the server (its element may still answer: ignored)
        auto s = c.server->m_servedByClient.find({this, id});
        if (s != c.server->m_servedByClient.end())
        {
            auto e = c.server->m_served.find(s->second);
            if (e != c.server->m_served.end())
            {
                Simulator::Remove(e->second.timeout);
                c.server->m_served.erase(e);
            }
            c.server->m_servedByClient.erase(s);
        }
    }
    if (c.traced)
    {
        c.record.finish = Simulator::Now();
        c.record.responseBytes = ok ? response.GetSerializedSize() : 0;
        c.record.status = ok ? std::to_string(response.status) : why;
        m_exchangeTrace(c.record);
    }
    c.cb(c.cookie, ok, response, why);
}

void
MmsFlowTransport::AbortAll()
{
    std::vector<uint64_t> ids;
    for (const auto& [id, c] : m_clients)
    {
        ids.push_back(id);
    }
    for (uint64_t id : ids)
    {
        Finish(id, false, MmsHttpMessage(), "aborted");
    }
    for (auto& [id, s] : m_served)
    {
        s.timeout.Cancel();
    }
    m_served.clear();
    m_servedByClient.clear();
    m_lastUse.clear();
    if (m_packets)
    {
        m_packets->AbortAll();
    }
}

// ---------------------------------------------------------------------------------------------
// Datagrams

void
MmsFlowTransport::BindDatagram(uint16_t port, DatagramCallback cb)
{
    m_datagram[port] = cb;
    if (m_packets)
    {
        m_packets->BindDatagram(port, cb);
    }
}

void
MmsFlowTransport::SendDatagram(uint16_t fromPort,
                               const Address& to,
                               const std::vector<uint8_t>& data)
{
    NS_ASSERT_MSG(m_network, "MmsFlowTransport::SendDatagram before Attach");
    const InetSocketAddress dest = InetSocketAddress::ConvertFrom(to);
    MmsFlowTransport* peer = m_network->Find(dest.GetIpv4());
    if (!peer)
    {
        if (m_packets)
        {
            m_packets->SendDatagram(fromPort, to, data);
        }
        return; // nobody there: lost, as a UDP datagram to no host
    }
    m_counters.messagesOut++;
    m_counters.bytesOut += data.size();
    MmsFlowNetwork::TransferSpec spec;
    spec.bytes = data.size();
    spec.header = kUdpHeaders;
    spec.signalling = fromPort == m_signallingPort;
    m_network->StartTransfer(
        this,
        peer,
        spec,
        MakeCallback(&MmsFlowTransport::DeliverDatagram, peer)
            .Bind(dest.GetPort(), data, Address(InetSocketAddress(m_address, fromPort))));
}

void
MmsFlowTransport::DeliverDatagram(uint16_t port, std::vector<uint8_t> data, Address from)
{
    auto it = m_datagram.find(port);
    if (it == m_datagram.end() || it->second.IsNull())
    {
        return;
    }
    m_counters.messagesIn++;
    m_counters.bytesIn += data.size();
    m_datagramRxTrace(data, from);
    it->second(data, from);
}

} // namespace ns3
