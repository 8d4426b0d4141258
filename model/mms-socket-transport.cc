/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-socket-transport.h"

#include "mms-common.h" // NS3_VERSION_MINOR

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/loopback-net-device.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsSocketTransport");
NS_OBJECT_ENSURE_REGISTERED(MmsSocketTransport);

TypeId
MmsSocketTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsSocketTransport")
            .SetParent<MmsTransport>()
            .SetGroupName("Mms")
            .AddConstructor<MmsSocketTransport>()
            .AddAttribute("RequestTimeout",
                          "Time an exchange may go without progress before the client gives "
                          "up (s): to connect, then between acknowledgements of the request's "
                          "octets and arrivals of the response's. A slow upload that keeps "
                          "moving does not time out. Default 60 s: Android's MMS client HTTP "
                          "socket timeout (MmsConfig httpSocketTimeout), which it applies as "
                          "the connect and read (SO_TIMEOUT) timeouts.",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&MmsSocketTransport::m_requestTimeout),
                          MakeTimeChecker())
            .AddAttribute("TimeWait",
                          "How long a TCP connection this element closed first stays in "
                          "TIME_WAIT (s), holding its port and its place in the node's "
                          "connection table; set on every TCP socket it opens or accepts as "
                          "ns-3's TcpSocketBase::MaxSegLifetime = TimeWait / 2. Default 60 s: "
                          "Linux's TCP_TIMEWAIT_LEN (include/net/tcp.h); ns-3's own default "
                          "(2 x 120 s) keeps four times as many closed connections, which "
                          "slows busy nodes.",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&MmsSocketTransport::m_timeWait),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("KeepAlive",
                          "How long a connection to a server stays open after its exchange "
                          "ended well, for this element's next request to that server "
                          "(HTTP/1.1 persistent connections, RFC 9112 section 9.3): the next "
                          "request skips the TCP handshake and the server's node keeps no "
                          "TIME_WAIT entry per request. 0 s: a connection per exchange, "
                          "closed by this end once the response is in. Default 4 s, below "
                          "Apache httpd's KeepAliveTimeout of 5 s so that the client, not "
                          "the server, ends an idle connection. MmsHelper sets 0 on handsets "
                          "(a connection per exchange, as their User Agents are modelled).",
                          TimeValue(Seconds(4)),
                          MakeTimeAccessor(&MmsSocketTransport::m_keepAlive),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxConnectionsPerServer",
                          "Most connections this element has open to one server at a time "
                          "(in use, connecting or kept alive); a request beyond them waits, in "
                          "order, for one to become free (its RequestTimeout runs meanwhile), "
                          "as HTTP clients' connection pools do. It keeps a burst of requests "
                          "(a Relay notifying thousands of recipients at once) from opening a "
                          "connection each, every one of which would then wait in TIME_WAIT "
                          "in the node's connection table, which ns-3 searches for every "
                          "segment the node receives. 0: no limit. Default 0, with which the "
                          "documented figures were measured (the main job gives the same "
                          "results with 32; the bulk VASP runs set 32). "
                          "A limit once made same-seed runs inside ns-3.48 depend on the "
                          "memory layout: that was ns-3.48's TcpCubic copy leaving "
                          "TcpFriendliness unset on accepted sockets, which this transport now "
                          "sets again (see doc/mms.rst).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsSocketTransport::m_maxPerServer),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("TcpMss",
                          "TCP maximum segment size of the sockets this element opens or "
                          "accepts (octets): 0 = the smallest IP MTU of the node's interfaces "
                          "less 40 octets of IPv4 and TCP headers (1460 on 1500-octet links), "
                          "as Linux derives it from the route's MTU (RFC 9293 section 3.7.1; "
                          "ns-3's own default is 536). Data segments carry it less the TCP "
                          "options of each segment (12 octets of timestamps: 1448), set as "
                          "ns-3's TcpSocket::SegmentSize. MmsHelper sets a handset's on a radio "
                          "cell from its bearer profile (MmsRadioBearerProfile::TcpMss).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsSocketTransport::m_tcpMss),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("MaxBodySize",
                          "Largest HTTP body accepted (octets); a larger one is a framing error.",
                          UintegerValue(8 * 1024 * 1024),
                          MakeUintegerAccessor(&MmsSocketTransport::m_maxBody),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("SignallingPort",
                          "Datagrams sent from this local UDP port (the SMS bearer stand-in, "
                          "9292) are marked with SignallingTos so that a radio cell carries "
                          "them on its signalling channel; 0 marks none.",
                          UintegerValue(9292),
                          MakeUintegerAccessor(&MmsSocketTransport::m_signallingPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("SignallingTos",
                          "IPv4 TOS octet of signalling datagrams; must equal the cell's "
                          "MmsRadioCellChannel::SignallingTos (0xB8, DSCP 46).",
                          UintegerValue(0xB8),
                          MakeUintegerAccessor(&MmsSocketTransport::m_signallingTos),
                          MakeUintegerChecker<uint8_t>())
            .AddTraceSource("RequestRx",
                            "A request arrived on a listening port.",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_requestRxTrace),
                            "ns3::MmsSocketTransport::HttpTracedCallback")
            .AddTraceSource("HttpTx",
                            "An HTTP request or response was handed to TCP (with the peer).",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_httpTxTrace),
                            "ns3::MmsSocketTransport::HttpTracedCallback")
            .AddTraceSource("RequestTx",
                            "A request this element sent was handed to TCP once its "
                            "connection was up (with the server, its label and when it was "
                            "issued).",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_requestTxTrace),
                            "ns3::MmsSocketTransport::RequestTxTracedCallback")
            .AddTraceSource("ResponseRx",
                            "The whole response to a request this element sent arrived (with "
                            "the server and the request's label).",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_responseRxTrace),
                            "ns3::MmsSocketTransport::ResponseRxTracedCallback")
            .AddTraceSource("DatagramTx",
                            "A datagram was sent (with its destination).",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_datagramTxTrace),
                            "ns3::MmsSocketTransport::DatagramTracedCallback")
            .AddTraceSource("DatagramRx",
                            "A datagram arrived (with its sender).",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_datagramRxTrace),
                            "ns3::MmsSocketTransport::DatagramTracedCallback")
            .AddTraceSource("Failure",
                            "An exchange failed (refused, reset, timed out, malformed).",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_failureTrace),
                            "ns3::MmsSocketTransport::FailureTracedCallback")
            .AddTraceSource("Exchange",
                            "A request this element sent was answered or failed: type, "
                            "transaction id, start and finish, octets, status.",
                            MakeTraceSourceAccessor(&MmsSocketTransport::m_exchangeTrace),
                            "ns3::MmsSocketTransport::ExchangeTracedCallback");
    return tid;
}

MmsSocketTransport::MmsSocketTransport() = default;
MmsSocketTransport::~MmsSocketTransport() = default;

void
MmsSocketTransport::SetNode(Ptr<Node> node)
{
    m_node = node;
}

Ptr<Node>
MmsSocketTransport::GetNode() const
{
    return m_node;
}

void
MmsSocketTransport::DoDispose()
{
    for (auto& [port, l] : m_listeners)
    {
        l.first->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                   MakeNullCallback<void, Ptr<Socket>, const Address&>());
        l.first->Close();
    }
    m_listeners.clear();
    for (auto& [id, sc] : m_serverConnections)
    {
        sc.connection->Dispose();
    }
    m_serverConnections.clear();
    for (auto& [id, c] : m_clients)
    {
        Simulator::Remove(c.timeout);
        if (c.connection)
        {
            c.connection->Dispose();
        }
    }
    m_clients.clear();
    for (auto& [c, idle] : m_idle)
    {
        Simulator::Remove(idle.expiry);
        idle.connection->Dispose();
    }
    m_idle.clear();
    m_idleByServer.clear();
    m_waiting.clear();
    m_connectionsTo.clear();
    for (auto& [port, d] : m_datagramSockets)
    {
        d.first->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        d.first->Close();
    }
    m_datagramSockets.clear();
    m_outstanding.clear();
    m_node = nullptr;
    MmsTransport::DoDispose();
}

void
MmsSocketTransport::CopyCongestionAttributes(Ptr<Socket> listener, Ptr<Socket> accepted)
{
    // An accepted socket's congestion control is a copy (Fork) of its listener's. ns-3.48's
    // TcpCubic copy constructor leaves TcpFriendliness uninitialised, so an accepted
    // connection's congestion avoidance followed whatever its heap block held (the same seed
    // gave other runs when the heap was laid out otherwise). The listener's values are set
    // again on the copy; with every attribute copied correctly this changes nothing.
    PointerValue from;
    PointerValue to;
    if (!listener->GetAttributeFailSafe("CongestionOps", from)
        || !accepted->GetAttributeFailSafe("CongestionOps", to))
    {
        return;
    }
    Ptr<Object> a = from.Get<Object>();
    Ptr<Object> b = to.Get<Object>();
    if (!a || !b || a == b || a->GetInstanceTypeId() != b->GetInstanceTypeId())
    {
        return;
    }
    MmsForEachAttributeValue(*a,
                             TypeId::ATTR_SET,
                             [&b](const TypeId::AttributeInformation& info, const AttributeValue& v)
                             {
                                 if (info.accessor->HasSetter())
                                 {
                                     info.accessor->Set(PeekPointer(b), v);
                                 }
                             });
}

Ptr<Socket>
MmsSocketTransport::CreateTcpSocket() const
{
    Ptr<Socket> s = Socket::CreateSocket(m_node, TcpSocketFactory::GetTypeId());
    // Sockets accepted by a listener are copies of it and keep these values.
    s->SetAttribute("MaxSegLifetime", DoubleValue(m_timeWait.GetSeconds() / 2));
    // ns-3's SegmentSize is the payload of a segment; the options come on top of it, as they
    // come out of the MSS in Linux (RFC 9293 section 3.7.1: 1460 - 12 = 1448 with timestamps).
    BooleanValue timestamps(false);
    s->GetAttributeFailSafe("Timestamp", timestamps);
    const uint32_t mss = GetMss();
    const uint32_t options = timestamps.Get() ? 12 : 0; // TcpOptionTS, padded to 32 bits
    NS_ABORT_MSG_IF(mss <= options,
                    "MmsSocketTransport on node " << m_node->GetId() << ": TcpMss " << mss
                                                  << " leaves no room for data");
    s->SetAttribute("SegmentSize", UintegerValue(mss - options));
    return s;
}

uint32_t
MmsSocketTransport::GetMss() const
{
    if (m_tcpMss > 0)
    {
        return m_tcpMss;
    }
    uint32_t mtu = 0;
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    for (uint32_t i = 0; ipv4 && i < ipv4->GetNInterfaces(); ++i)
    {
        if (!DynamicCast<LoopbackNetDevice>(ipv4->GetNetDevice(i)))
        {
            mtu = mtu == 0 ? ipv4->GetMtu(i) : std::min(mtu, uint32_t(ipv4->GetMtu(i)));
        }
    }
    // No interface yet: RFC 9293's default MSS (576 - 40).
    return mtu > 40 ? mtu - 40 : 536;
}

// ------------------------------------------------------------------------ server side

void
MmsSocketTransport::Listen(uint16_t port, RequestCallback cb)
{
    NS_ASSERT_MSG(m_node, "MmsSocketTransport::Listen before SetNode");
    NS_ASSERT_MSG(m_listeners.find(port) == m_listeners.end(), "port " << port << " twice");
    Ptr<Socket> s = CreateTcpSocket();
    if (s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) != 0)
    {
        NS_FATAL_ERROR("MmsSocketTransport: cannot bind TCP port " << port << " on node "
                                                                   << m_node->GetId());
    }
    s->Listen();
    s->SetAcceptCallback(MakeCallback(&MmsSocketTransport::HandleConnectionRequest, this),
                         MakeCallback(&MmsSocketTransport::HandleAccept, this));
    m_listeners[port] = {s, cb};
    m_listenerPort[PeekPointer(s)] = port;
}

bool
MmsSocketTransport::HandleConnectionRequest(Ptr<Socket>, const Address&)
{
    return true;
}

void
MmsSocketTransport::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    // A forked socket: find the listener by the local port.
    Address local;
    socket->GetSockName(local);
    uint16_t port = InetSocketAddress::ConvertFrom(local).GetPort();
    auto listener = m_listeners.find(port);
    if (listener == m_listeners.end())
    {
        socket->Close();
        return;
    }
    CopyCongestionAttributes(listener->second.first, socket);
    uint64_t id = m_nextId++;
    Ptr<MmsHttpConnection> c = CreateObject<MmsHttpConnection>();
    c->SetAttribute("MaxBodySize", UintegerValue(m_maxBody));
    c->Attach(socket, true);
    c->SetMessageCallback(MakeCallback(&MmsSocketTransport::HandleServerMessage, this));
    c->SetErrorCallback(MakeCallback(&MmsSocketTransport::HandleServerError, this));
    c->SetCloseCallback(MakeCallback(&MmsSocketTransport::HandleServerClose, this));
    ServerConnection sc;
    sc.connection = c;
    sc.peer = from;
    m_serverConnections[id] = sc;
    m_connectionToServer[PeekPointer(c)] = id;
}

void
MmsSocketTransport::HandleServerMessage(Ptr<MmsHttpConnection> c, const MmsHttpMessage& m)
{
    auto it = m_connectionToServer.find(PeekPointer(c));
    if (it == m_connectionToServer.end())
    {
        return;
    }
    uint64_t connectionId = it->second;
    ServerConnection& sc = m_serverConnections[connectionId];
    Address local;
    c->GetSocket()->GetSockName(local);
    uint16_t port = InetSocketAddress::ConvertFrom(local).GetPort();
    ExchangeId ex = m_nextId++;
    sc.order.push_back(ex);
    Outstanding o;
    o.connectionId = connectionId;
    m_outstanding[ex] = o;
    m_counters.messagesIn++;
    m_counters.bytesIn += m.GetSerializedSize();
    m_requestRxTrace(m, sc.peer);
    RequestCallback cb = m_listeners[port].second;
    if (!cb.IsNull())
    {
        cb(ex, m, sc.peer);
    }
}

void
MmsSocketTransport::HandleServerError(Ptr<MmsHttpConnection> c, const std::string& e)
{
    // Malformed framing: answer 400 with the parser's reason; the connection then closes.
    NS_LOG_WARN("malformed request: " << e);
    m_failureTrace("malformed request: " + e);
    MmsHttpMessage r = MmsHttpMessage::Response(400, "Bad Request");
    r.AddHeader("Content-Type", "text/plain");
    r.body.assign(e.begin(), e.end());
    auto it = m_connectionToServer.find(PeekPointer(c));
    if (it != m_connectionToServer.end())
    {
        // Earlier requests on this connection are still answered first.
        ExchangeId ex = m_nextId++;
        Outstanding o;
        o.connectionId = it->second;
        o.answered = true;
        o.response = r;
        m_outstanding[ex] = o;
        m_serverConnections[it->second].order.push_back(ex);
        FlushResponses(it->second);
    }
}

void
MmsSocketTransport::HandleServerClose(Ptr<MmsHttpConnection> c)
{
    auto it = m_connectionToServer.find(PeekPointer(c));
    if (it == m_connectionToServer.end())
    {
        return;
    }
    uint64_t connectionId = it->second;
    m_connectionToServer.erase(it);
    auto sc = m_serverConnections.find(connectionId);
    if (sc != m_serverConnections.end())
    {
        for (ExchangeId ex : sc->second.order)
        {
            m_outstanding.erase(ex); // late answers are dropped
        }
        Ptr<MmsHttpConnection> conn = sc->second.connection;
        m_serverConnections.erase(sc);
        conn->Close();
        // Dispose later: we are inside one of its callbacks.
        Simulator::ScheduleNow(&MmsHttpConnection::Dispose, conn);
    }
}

void
MmsSocketTransport::Respond(ExchangeId exchange, const MmsHttpMessage& response)
{
    auto it = m_outstanding.find(exchange);
    if (it == m_outstanding.end() || it->second.answered)
    {
        NS_LOG_LOGIC("response to exchange " << exchange << " dropped: connection gone");
        return;
    }
    it->second.answered = true;
    it->second.response = response;
    FlushResponses(it->second.connectionId);
}

bool
MmsSocketTransport::IsAwaitingResponse(ExchangeId exchange) const
{
    auto it = m_outstanding.find(exchange);
    return it != m_outstanding.end() && !it->second.answered;
}

void
MmsSocketTransport::FlushResponses(uint64_t connectionId)
{
    auto sc = m_serverConnections.find(connectionId);
    if (sc == m_serverConnections.end())
    {
        return;
    }
    auto& order = sc->second.order;
    while (!order.empty())
    {
        auto o = m_outstanding.find(order.front());
        if (o == m_outstanding.end())
        {
            order.pop_front();
            continue;
        }
        if (!o->second.answered)
        {
            break;
        }
        MmsHttpMessage r = std::move(o->second.response);
        m_outstanding.erase(o);
        order.pop_front();
        bool closeAfter = r.status == 400;
        m_counters.messagesOut++;
        m_counters.bytesOut += r.GetSerializedSize();
        m_httpTxTrace(r, sc->second.peer);
        sc->second.connection->Send(r);
        if (closeAfter)
        {
            sc->second.connection->Close();
        }
    }
}

// ------------------------------------------------------------------------ client side

void
MmsSocketTransport::Request(const Address& server,
                            const MmsHttpMessage& request,
                            const RequestLabel& label,
                            ResponseCallback cb,
                            uint64_t cookie)
{
    NS_ASSERT_MSG(m_node, "MmsSocketTransport::Request before SetNode");
    uint64_t id = m_nextId++;
    Ptr<MmsHttpConnection> kept = TakeIdle(server);
    ClientExchange ce;
    ce.request = request;
    ce.cb = cb;
    ce.cookie = cookie;
    ce.server = server;
    ce.label = label;
    ce.issued = Simulator::Now();
    ce.timeout =
        Simulator::Schedule(m_requestTimeout, &MmsSocketTransport::HandleTimeout, this, id);
    if (!m_exchangeTrace.IsEmpty())
    {
        ce.record.type = label.type;
        ce.record.transactionId = label.transactionId;
        ce.record.peer = server;
        ce.record.start = Simulator::Now();
        ce.record.requestBytes = request.GetSerializedSize();
    }
    m_clients[id] = ce;
    if (kept)
    {
        m_clients[id].socket = kept->GetSocket();
        m_socketToClient[PeekPointer(kept->GetSocket())] = id;
        m_counters.connectionsReused++;
        SendOnConnection(id, kept);
        return;
    }
    if (m_maxPerServer > 0 && m_connectionsTo[server] >= m_maxPerServer)
    {
        m_clients[id].waiting = true;
        m_waiting[server].push_back(id);
        return;
    }
    Open(id);
}

void
MmsSocketTransport::Open(uint64_t id)
{
    ClientExchange& ce = m_clients[id];
    Ptr<Socket> s = CreateTcpSocket();
    ce.socket = s;
    ce.waiting = false;
    m_socketToClient[PeekPointer(s)] = id;
    m_connectionsTo[ce.server]++;
    m_counters.connectionsOpened++;
    s->SetConnectCallback(MakeCallback(&MmsSocketTransport::HandleConnected, this),
                          MakeCallback(&MmsSocketTransport::HandleConnectFailed, this));
    if (s->Bind() != 0 || s->Connect(ce.server) != 0)
    {
        Simulator::ScheduleNow(&MmsSocketTransport::FinishClient,
                               this,
                               id,
                               false,
                               MmsHttpMessage(),
                               std::string("cannot connect"));
    }
}

void
MmsSocketTransport::ConnectionEnded(const Address& server)
{
    auto count = m_connectionsTo.find(server);
    if (count != m_connectionsTo.end() && count->second > 0 && --count->second == 0)
    {
        m_connectionsTo.erase(count);
    }
    auto w = m_waiting.find(server);
    while (w != m_waiting.end() && !w->second.empty()
           && (m_maxPerServer == 0 || m_connectionsTo[server] < m_maxPerServer))
    {
        uint64_t next = w->second.front();
        w->second.pop_front();
        Open(next);
    }
    if (w != m_waiting.end() && w->second.empty())
    {
        m_waiting.erase(w);
    }
}

void
MmsSocketTransport::HandleConnected(Ptr<Socket> socket)
{
    auto it = m_socketToClient.find(PeekPointer(socket));
    if (it == m_socketToClient.end())
    {
        return;
    }
    Ptr<MmsHttpConnection> c = CreateObject<MmsHttpConnection>();
    c->SetAttribute("MaxBodySize", UintegerValue(m_maxBody));
    c->Attach(socket, false);
    c->SetMessageCallback(MakeCallback(&MmsSocketTransport::HandleClientMessage, this));
    c->SetErrorCallback(MakeCallback(&MmsSocketTransport::HandleClientError, this));
    c->SetCloseCallback(MakeCallback(&MmsSocketTransport::HandleClientClose, this));
    SendOnConnection(it->second, c);
}

void
MmsSocketTransport::SendOnConnection(uint64_t id, Ptr<MmsHttpConnection> c)
{
    ClientExchange& ce = m_clients[id];
    ce.connection = c;
    m_connectionToClient[PeekPointer(c)] = id;
    m_counters.messagesOut++;
    m_counters.bytesOut += ce.request.GetSerializedSize();
    m_httpTxTrace(ce.request, ce.server);
    m_requestTxTrace(ce.request, ce.server, ce.label, ce.issued);
    c->Send(ce.request);
    ce.request = MmsHttpMessage(); // sent: do not keep the body
}

void
MmsSocketTransport::HandleConnectFailed(Ptr<Socket> socket)
{
    auto it = m_socketToClient.find(PeekPointer(socket));
    if (it != m_socketToClient.end())
    {
        FinishClient(it->second, false, MmsHttpMessage(), "connection failed");
    }
}

void
MmsSocketTransport::HandleClientMessage(Ptr<MmsHttpConnection> c, const MmsHttpMessage& m)
{
    auto it = m_connectionToClient.find(PeekPointer(c));
    if (it != m_connectionToClient.end())
    {
        auto ce = m_clients.find(it->second);
        if (ce != m_clients.end())
        {
            m_responseRxTrace(m, ce->second.server, ce->second.label);
        }
        FinishClient(it->second, true, m, "");
    }
}

void
MmsSocketTransport::HandleClientClose(Ptr<MmsHttpConnection> c)
{
    if (m_idle.count(PeekPointer(c)))
    {
        DropIdle(PeekPointer(c), false); // the server ended it
        return;
    }
    auto it = m_connectionToClient.find(PeekPointer(c));
    if (it != m_connectionToClient.end())
    {
        FinishClient(it->second, false, MmsHttpMessage(), "connection closed before the response");
    }
}

void
MmsSocketTransport::HandleClientError(Ptr<MmsHttpConnection> c, const std::string& e)
{
    if (m_idle.count(PeekPointer(c)))
    {
        DropIdle(PeekPointer(c), true); // octets nobody asked for
        return;
    }
    auto it = m_connectionToClient.find(PeekPointer(c));
    if (it != m_connectionToClient.end())
    {
        FinishClient(it->second, false, MmsHttpMessage(), "malformed response: " + e);
    }
}

void
MmsSocketTransport::HandleTimeout(uint64_t id)
{
    auto it = m_clients.find(id);
    if (it == m_clients.end())
    {
        return;
    }
    ClientExchange& ce = it->second;
    if (ce.connection)
    {
        // Idle timer: it fires when the exchange has made no progress for the whole timeout.
        Time idle = Simulator::Now() - Max(ce.connection->GetLastProgress(), ce.issued);
        if (idle < m_requestTimeout)
        {
            ce.timeout = Simulator::Schedule(
                m_requestTimeout - idle, &MmsSocketTransport::HandleTimeout, this, id);
            return;
        }
    }
    FinishClient(id, false, MmsHttpMessage(), "timed out");
}

void
MmsSocketTransport::FinishClient(uint64_t id,
                                 bool ok,
                                 const MmsHttpMessage& response,
                                 const std::string& why)
{
    auto it = m_clients.find(id);
    if (it == m_clients.end())
    {
        return;
    }
    ClientExchange ce = it->second;
    m_clients.erase(it);
    // Removed, not cancelled: a cancelled timeout stays queued for RequestTimeout.
    Simulator::Remove(ce.timeout);
    if (ce.waiting)
    {
        // It never had a connection (it timed out waiting for one).
        auto w = m_waiting.find(ce.server);
        if (w != m_waiting.end())
        {
            w->second.erase(std::remove(w->second.begin(), w->second.end(), id), w->second.end());
        }
    }
    else
    {
        m_socketToClient.erase(PeekPointer(ce.socket));
    }
    if (ce.connection)
    {
        m_connectionToClient.erase(PeekPointer(ce.connection));
        if (ok && m_keepAlive.IsStrictlyPositive() && !ce.connection->IsClosed())
        {
            KeepIdle(ce.connection, ce.server);
        }
        else
        {
            if (ok)
            {
                ce.connection->Close();
            }
            else
            {
                ce.connection->Abort();
            }
            Simulator::ScheduleNow(&MmsHttpConnection::Dispose, ce.connection);
            ConnectionEnded(ce.server);
        }
    }
    else if (!ce.waiting)
    {
        ce.socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                      MakeNullCallback<void, Ptr<Socket>>());
        ce.socket->Close();
        ConnectionEnded(ce.server);
    }
    if (!ok)
    {
        m_failureTrace(why);
    }
    else
    {
        m_counters.messagesIn++;
        m_counters.bytesIn += response.GetSerializedSize();
    }
    if (!m_exchangeTrace.IsEmpty() && !ce.record.type.empty())
    {
        ce.record.finish = Simulator::Now();
        ce.record.responseBytes = ok ? response.GetSerializedSize() : 0;
        ce.record.status = ok ? std::to_string(response.status) : why;
        m_exchangeTrace(ce.record);
    }
    if (!ce.cb.IsNull())
    {
        ce.cb(ce.cookie, ok, response, why);
    }
}

void
MmsSocketTransport::KeepIdle(Ptr<MmsHttpConnection> c, const Address& server)
{
    auto w = m_waiting.find(server);
    if (w != m_waiting.end() && !w->second.empty())
    {
        // A request waits for a connection to this server: it takes this one.
        uint64_t next = w->second.front();
        w->second.pop_front();
        if (w->second.empty())
        {
            m_waiting.erase(w);
        }
        ClientExchange& ce = m_clients[next];
        ce.waiting = false;
        ce.socket = c->GetSocket();
        m_socketToClient[PeekPointer(ce.socket)] = next;
        m_counters.connectionsReused++;
        SendOnConnection(next, c);
        return;
    }
    IdleConnection& idle = m_idle[PeekPointer(c)];
    idle.connection = c;
    idle.server = server;
    idle.expiry =
        Simulator::Schedule(m_keepAlive, &MmsSocketTransport::DropIdle, this, PeekPointer(c), true);
    m_idleByServer.emplace(server, PeekPointer(c));
}

Ptr<MmsHttpConnection>
MmsSocketTransport::TakeIdle(const Address& server)
{
    auto range = m_idleByServer.equal_range(server);
    if (range.first == range.second)
    {
        return nullptr;
    }
    // The one used last: the others may expire and close.
    auto last = std::prev(range.second);
    auto idle = m_idle.find(last->second);
    m_idleByServer.erase(last);
    Ptr<MmsHttpConnection> c = idle->second.connection;
    Simulator::Remove(idle->second.expiry);
    m_idle.erase(idle);
    return c;
}

void
MmsSocketTransport::DropIdle(const MmsHttpConnection* c, bool closeIt)
{
    auto idle = m_idle.find(c);
    if (idle == m_idle.end())
    {
        return;
    }
    auto range = m_idleByServer.equal_range(idle->second.server);
    for (auto i = range.first; i != range.second; ++i)
    {
        if (i->second == c)
        {
            m_idleByServer.erase(i);
            break;
        }
    }
    Ptr<MmsHttpConnection> connection = idle->second.connection;
    const Address server = idle->second.server;
    Simulator::Remove(idle->second.expiry);
    m_idle.erase(idle);
    if (closeIt)
    {
        connection->Close();
    }
    // Dispose later: this may run inside one of its callbacks.
    Simulator::ScheduleNow(&MmsHttpConnection::Dispose, connection);
    ConnectionEnded(server);
}

const MmsSocketTransport::Counters&
MmsSocketTransport::GetCounters() const
{
    return m_counters;
}

// ------------------------------------------------------------------------ datagrams

void
MmsSocketTransport::BindDatagram(uint16_t port, DatagramCallback cb)
{
    NS_ASSERT_MSG(m_node, "MmsSocketTransport::BindDatagram before SetNode");
    auto it = m_datagramSockets.find(port);
    if (it != m_datagramSockets.end())
    {
        it->second.second = cb;
        return;
    }
    Ptr<Socket> s = Socket::CreateSocket(m_node, UdpSocketFactory::GetTypeId());
    if (s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) != 0)
    {
        NS_FATAL_ERROR("MmsSocketTransport: cannot bind UDP port " << port << " on node "
                                                                   << m_node->GetId());
    }
    if (port != 0 && port == m_signallingPort)
    {
        s->SetIpTos(m_signallingTos);
    }
    s->SetRecvCallback(MakeCallback(&MmsSocketTransport::HandleDatagram, this));
    m_datagramSockets[port] = {s, cb};
}

void
MmsSocketTransport::SendDatagram(uint16_t fromPort,
                                 const Address& to,
                                 const std::vector<uint8_t>& data)
{
    auto it = m_datagramSockets.find(fromPort);
    if (it == m_datagramSockets.end())
    {
        BindDatagram(fromPort, DatagramCallback());
        it = m_datagramSockets.find(fromPort);
    }
    Ptr<Packet> p = Create<Packet>(data.data(), static_cast<uint32_t>(data.size()));
    m_counters.messagesOut++;
    m_counters.bytesOut += data.size();
    m_datagramTxTrace(data, to);
#if !defined(NS3_VERSION_MINOR) || NS3_VERSION_MAJOR < 3 || NS3_VERSION_MINOR < 41
    // Before ns-3.41 a UDP SendTo takes its TOS from the address, not from the socket.
    if (fromPort != 0 && fromPort == m_signallingPort && InetSocketAddress::IsMatchingType(to))
    {
        InetSocketAddress marked = InetSocketAddress::ConvertFrom(to);
        marked.SetTos(m_signallingTos);
        it->second.first->SendTo(p, 0, marked);
        return;
    }
#endif
    it->second.first->SendTo(p, 0, to);
}

void
MmsSocketTransport::HandleDatagram(Ptr<Socket> socket)
{
    Address local;
    socket->GetSockName(local);
    uint16_t port = InetSocketAddress::ConvertFrom(local).GetPort();
    Address from;
    Ptr<Packet> p;
    while ((p = socket->RecvFrom(from)))
    {
        std::vector<uint8_t> data(p->GetSize());
        p->CopyData(data.data(), data.size());
        m_counters.messagesIn++;
        m_counters.bytesIn += data.size();
        m_datagramRxTrace(data, from);
        auto it = m_datagramSockets.find(port);
        if (it != m_datagramSockets.end() && !it->second.second.IsNull())
        {
            it->second.second(data, from);
        }
    }
}

// ------------------------------------------------------------------------ both

void
MmsSocketTransport::AbortAll()
{
    std::vector<uint64_t> clients;
    for (const auto& [id, c] : m_clients)
    {
        clients.push_back(id);
    }
    for (uint64_t id : clients)
    {
        FinishClient(id, false, MmsHttpMessage(), "aborted");
    }
    std::vector<Ptr<MmsHttpConnection>> servers;
    for (const auto& [id, sc] : m_serverConnections)
    {
        servers.push_back(sc.connection);
    }
    for (const auto& c : servers)
    {
        c->Abort(); // its close callback forgets the connection
    }
}

uint64_t
MmsSocketTransport::GetOpenConnections() const
{
    return m_clients.size() + m_serverConnections.size();
}

} // namespace ns3
