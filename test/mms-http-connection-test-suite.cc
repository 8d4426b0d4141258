/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// HTTP/1.1 over ns-3 TCP: pipelined requests with large virtual bodies through a small send
// buffer arrive whole and in order, responses come back in order, octet counts add up, and a
// peer sending garbage gets the connection closed with a located error; a client that gives up in
// the middle of a response is reset at the next segment, and the server stops sending; the
// transport's request timeout is an idle timer: a slow upload that keeps moving completes, a
// silent server is given up exactly one timeout after the last progress; the sockets a transport
// opens and accepts keep its TimeWait, and TIME_WAIT lasts exactly that.

#include "mms-test-data.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mms-http-connection.h"
#include "ns3/mms-socket-transport.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

using namespace ns3;

/// Client and server exchanging pipelined messages.
class HttpConnectionTestCase : public TestCase
{
  public:
    HttpConnectionTestCase()
        : TestCase("pipelined HTTP over TCP with virtual bodies and back-pressure")
    {
    }

  private:
    static constexpr uint32_t REQUESTS = 20;
    static constexpr uint32_t BODY = 100 * 1000; // octets of each virtual request body

    void Accept(Ptr<Socket> s, const Address&)
    {
        Ptr<MmsHttpConnection> c = CreateObject<MmsHttpConnection>();
        c->SetAttribute("KeepBody", BooleanValue(false));
        c->Attach(s, true);
        c->SetMessageCallback(MakeCallback(&HttpConnectionTestCase::ServerMessage, this));
        c->SetErrorCallback(MakeCallback(&HttpConnectionTestCase::ServerError, this));
        m_server.push_back(c);
    }

    void ServerMessage(Ptr<MmsHttpConnection> c, const MmsHttpMessage& m)
    {
        m_serverSeen.push_back(m.method + " " + m.target + " " + std::to_string(m.GetBodySize()));
        MmsHttpMessage r = MmsHttpMessage::Response(200, "OK");
        r.AddHeader("X-Seq", m.GetHeader("X-Seq"));
        r.body.assign(m.GetBodySize() / 1000, 0x5A);
        c->Send(r);
    }

    void ServerError(Ptr<MmsHttpConnection>, const std::string& e)
    {
        m_serverErrors.push_back(e);
    }

    void Connected(Ptr<Socket> s)
    {
        m_client = CreateObject<MmsHttpConnection>();
        m_client->Attach(s, false);
        m_client->SetMessageCallback(MakeCallback(&HttpConnectionTestCase::ClientMessage, this));
        for (uint32_t i = 0; i < REQUESTS; ++i)
        {
            MmsHttpMessage post = MmsHttpMessage::Request("POST", "/mms");
            post.AddHeader("X-Seq", std::to_string(i));
            post.bodyIsVirtual = true;
            post.virtualBodySize = BODY + i;
            m_expectedSent += post.GetSerializedSize();
            m_client->Send(post);
        }
        MmsHttpMessage get = MmsHttpMessage::Request("GET", "/mms/last");
        get.AddHeader("X-Seq", std::to_string(REQUESTS));
        m_expectedSent += get.GetSerializedSize();
        m_client->Send(get);
        m_queuedAtStart = m_client->GetQueuedBytes();
    }

    void ClientMessage(Ptr<MmsHttpConnection>, const MmsHttpMessage& m)
    {
        m_clientSeen.push_back(m.GetHeader("X-Seq") + ":" + std::to_string(m.body.size()));
    }

    void Garbage(Ptr<Socket> s)
    {
        std::string junk = "HELLO MMSC\r\n\r\n";
        s->Send(Create<Packet>(reinterpret_cast<const uint8_t*>(junk.data()), junk.size()));
    }

    void StartClient(Ipv4Address server)
    {
        Ptr<Socket> s = Socket::CreateSocket(m_nodes.Get(0), TcpSocketFactory::GetTypeId());
        s->SetAttribute("SndBufSize", UintegerValue(16 * 1024)); // much less than one body
        s->Bind();
        s->SetConnectCallback(MakeCallback(&HttpConnectionTestCase::Connected, this),
                              MakeNullCallback<void, Ptr<Socket>>());
        s->Connect(InetSocketAddress(server, 80));
        Ptr<Socket> g = Socket::CreateSocket(m_nodes.Get(0), TcpSocketFactory::GetTypeId());
        g->Bind();
        g->SetConnectCallback(MakeCallback(&HttpConnectionTestCase::Garbage, this),
                              MakeNullCallback<void, Ptr<Socket>>());
        g->Connect(InetSocketAddress(server, 80));
    }

    void DoRun() override
    {
        mmstest::TwoNodes net = mmstest::BuildTwoNodes("10Mbps", "5ms", "10.2.0.0");
        m_nodes = net.nodes;
        Ipv4InterfaceContainer& ifs = net.addresses;
        Ptr<Socket> listener = Socket::CreateSocket(m_nodes.Get(1), TcpSocketFactory::GetTypeId());
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
        listener->Listen();
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&HttpConnectionTestCase::Accept, this));
        Simulator::Schedule(
            Seconds(1), &HttpConnectionTestCase::StartClient, this, ifs.GetAddress(1));
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_serverSeen.size(), REQUESTS + 1, "every request arrived");
        for (uint32_t i = 0; i < REQUESTS; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(m_serverSeen[i],
                                  "POST /mms " + std::to_string(BODY + i),
                                  "request " << i << " whole and in order");
        }
        NS_TEST_EXPECT_MSG_EQ(m_serverSeen[REQUESTS], "GET /mms/last 0", "the GET last");
        NS_TEST_ASSERT_MSG_EQ(m_clientSeen.size(), REQUESTS + 1, "every response arrived");
        for (uint32_t i = 0; i < REQUESTS; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(m_clientSeen[i],
                                  std::to_string(i) + ":" + std::to_string((BODY + i) / 1000),
                                  "response " << i << " in order with its body");
        }
        NS_TEST_EXPECT_MSG_GT(m_queuedAtStart, 16u * 1024, "the send buffer pushed back");
        NS_TEST_EXPECT_MSG_EQ(m_client->GetQueuedBytes(), 0u, "everything written");
        NS_TEST_EXPECT_MSG_EQ(m_client->GetBytesSent(), m_expectedSent, "octets sent add up");
        NS_TEST_ASSERT_MSG_EQ(m_serverErrors.size(), 1u, "the garbage was refused");
        NS_TEST_EXPECT_MSG_EQ(
            m_serverErrors[0], "offset 0: malformed request line 'HELLO MMSC'", "located error");
        m_client = nullptr;
        m_server.clear();
        Simulator::Destroy();
    }

    NodeContainer m_nodes;
    Ptr<MmsHttpConnection> m_client;
    std::vector<Ptr<MmsHttpConnection>> m_server;
    std::vector<std::string> m_serverSeen;
    std::vector<std::string> m_clientSeen;
    std::vector<std::string> m_serverErrors;
    uint64_t m_expectedSent{0};
    uint64_t m_queuedAtStart{0};
};

/// A client gives up (Abort) while a large response is arriving.
class HttpAbortTestCase : public TestCase
{
  public:
    HttpAbortTestCase()
        : TestCase("a client that gives up mid-response resets the connection")
    {
    }

  private:
    static constexpr uint32_t BODY = 400 * 1000; // octets: about 3.3 s at 1 Mbit/s

    void Accept(Ptr<Socket> s, const Address&)
    {
        m_server = CreateObject<MmsHttpConnection>();
        m_server->Attach(s, true);
        m_server->SetMessageCallback(MakeCallback(&HttpAbortTestCase::ServerMessage, this));
        m_server->SetCloseCallback(MakeCallback(&HttpAbortTestCase::ServerClosed, this));
    }

    void ServerMessage(Ptr<MmsHttpConnection> c, const MmsHttpMessage&)
    {
        MmsHttpMessage r = MmsHttpMessage::Response(200, "OK");
        r.bodyIsVirtual = true;
        r.virtualBodySize = BODY;
        c->Send(r);
    }

    void ServerClosed(Ptr<MmsHttpConnection>)
    {
        m_serverClosedAt = Simulator::Now();
    }

    void Connected(Ptr<Socket> s)
    {
        m_client = CreateObject<MmsHttpConnection>();
        m_client->Attach(s, false);
        m_client->SetMessageCallback(MakeCallback(&HttpAbortTestCase::ClientMessage, this));
        m_client->Send(MmsHttpMessage::Request("GET", "/mms/big"));
    }

    void ClientMessage(Ptr<MmsHttpConnection>, const MmsHttpMessage&)
    {
        m_clientResponses++;
    }

    void ClientRx(Ptr<const Packet> p)
    {
        if (p->GetSize() > 100) // a data segment, not a bare acknowledgement
        {
            m_lastDataAt = Simulator::Now();
            (Simulator::Now() < m_abortAt ? m_octetsBefore : m_octetsAfter) += p->GetSize();
        }
    }

    void StartClient(Ptr<Node> node, Ipv4Address server)
    {
        Ptr<Socket> s = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
        s->Bind();
        s->SetConnectCallback(MakeCallback(&HttpAbortTestCase::Connected, this),
                              MakeNullCallback<void, Ptr<Socket>>());
        s->Connect(InetSocketAddress(server, 80));
    }

    void Abort()
    {
        m_client->Abort();
    }

    void DoRun() override
    {
        mmstest::TwoNodes net = mmstest::BuildTwoNodes("1Mbps", "5ms", "10.2.1.0");
        Ptr<Socket> listener =
            Socket::CreateSocket(net.nodes.Get(1), TcpSocketFactory::GetTypeId());
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
        listener->Listen();
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&HttpAbortTestCase::Accept, this));
        net.devices.Get(0)->TraceConnectWithoutContext(
            "MacRx", MakeCallback(&HttpAbortTestCase::ClientRx, this));
        Simulator::Schedule(Seconds(1),
                            &HttpAbortTestCase::StartClient,
                            this,
                            net.nodes.Get(0),
                            net.addresses.GetAddress(1));
        m_abortAt = Seconds(2);
        Simulator::Schedule(m_abortAt, &HttpAbortTestCase::Abort, this);
        // Long enough for many persist probes if the server were left facing a closed window.
        Simulator::Stop(Seconds(120));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(m_clientResponses, 0u, "the response was not complete at the abort");
        NS_TEST_EXPECT_MSG_GT(m_octetsBefore, 50000u, "the response was flowing at the abort");
        NS_TEST_ASSERT_MSG_EQ(m_serverClosedAt.IsStrictlyPositive(), true, "the server was told");
        // The reset answers the first segment after the abort: one round trip plus what was
        // queued in the link (a few segments at 1 Mbit/s).
        NS_TEST_EXPECT_MSG_LT(m_serverClosedAt, m_abortAt + MilliSeconds(300), "told at once");
        NS_TEST_EXPECT_MSG_LT(m_lastDataAt, m_abortAt + MilliSeconds(300), "sending stopped");
        NS_TEST_EXPECT_MSG_LT(m_octetsAfter, 30000u, "little arrived after the abort");
        m_client = nullptr;
        m_server = nullptr;
        Simulator::Destroy();
    }

    Ptr<MmsHttpConnection> m_client;
    Ptr<MmsHttpConnection> m_server;
    uint32_t m_clientResponses{0};
    uint64_t m_octetsBefore{0};
    uint64_t m_octetsAfter{0};
    Time m_abortAt;
    Time m_lastDataAt;
    Time m_serverClosedAt;
};

/// MmsSocketTransport's RequestTimeout counts time without progress, not time since the request.
class TransportIdleTimeoutTestCase : public TestCase
{
  public:
    TransportIdleTimeoutTestCase()
        : TestCase("the request timeout is an idle timer: slow uploads finish, silence fails")
    {
    }

  private:
    static constexpr uint64_t BODY = 1000 * 1000; // octets: about 130 s at 64 kbit/s

    void ServerRequest(MmsTransport::ExchangeId id, const MmsHttpMessage& m, const Address&)
    {
        m_serverSeen.push_back(m.method + " " + m.target + " " + std::to_string(m.GetBodySize()));
        if (m.target != "/silent")
        {
            m_server->Respond(id, MmsHttpMessage::Response(200, "OK"));
        }
    }

    void Done(uint64_t cookie, bool ok, const MmsHttpMessage& response, const std::string& why)
    {
        Outcome& o = m_outcomes[cookie];
        o.ok = ok;
        o.at = Simulator::Now();
        o.why = ok ? std::to_string(response.status) : why;
    }

    void Post(Address server)
    {
        MmsHttpMessage post = MmsHttpMessage::Request("POST", "/upload");
        post.bodyIsVirtual = true;
        post.virtualBodySize = BODY;
        m_outcomes[1].start = Simulator::Now();
        m_client->Request(server,
                          post,
                          {"POST /upload", ""},
                          MakeCallback(&TransportIdleTimeoutTestCase::Done, this),
                          1);
    }

    void Get(Address server)
    {
        m_outcomes[2].start = Simulator::Now();
        m_client->Request(server,
                          MmsHttpMessage::Request("GET", "/silent"),
                          {"GET /silent", ""},
                          MakeCallback(&TransportIdleTimeoutTestCase::Done, this),
                          2);
    }

    void DoRun() override
    {
        mmstest::TwoNodes net = mmstest::BuildTwoNodes("64kbps", "10ms", "10.2.2.0");
        m_client = CreateObject<MmsSocketTransport>();
        m_client->SetNode(net.nodes.Get(0));
        m_server = CreateObject<MmsSocketTransport>();
        m_server->SetNode(net.nodes.Get(1));
        m_server->Listen(80, MakeCallback(&TransportIdleTimeoutTestCase::ServerRequest, this));
        Address server = InetSocketAddress(net.addresses.GetAddress(1), 80);
        Simulator::Schedule(Seconds(1), &TransportIdleTimeoutTestCase::Post, this, server);
        Simulator::Schedule(Seconds(300), &TransportIdleTimeoutTestCase::Get, this, server);
        Simulator::Stop(Seconds(500));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_outcomes.size(), 2u, "both exchanges ended");
        const Outcome& post = m_outcomes[1];
        NS_TEST_EXPECT_MSG_EQ(post.ok, true, "the slow upload was answered: " << post.why);
        NS_TEST_EXPECT_MSG_EQ(post.why, "200", "with 200");
        NS_TEST_EXPECT_MSG_GT(
            (post.at - post.start).GetSeconds(), 120.0, "the upload took twice the timeout");
        const Outcome& get = m_outcomes[2];
        NS_TEST_EXPECT_MSG_EQ(get.ok, false, "the silent server was given up");
        NS_TEST_EXPECT_MSG_EQ(get.why, "timed out", "by the timer");
        // The last progress is the acknowledgement of the request, a connection set-up and a
        // round trip (tens of milliseconds at 64 kbit/s) after it was issued.
        double waited = (get.at - get.start).GetSeconds();
        NS_TEST_EXPECT_MSG_GT(waited, 60.0, "not before the timeout");
        NS_TEST_EXPECT_MSG_LT(waited, 60.2, "one timeout after the last progress");
        NS_TEST_ASSERT_MSG_EQ(m_serverSeen.size(), 2u, "both requests arrived");
        NS_TEST_EXPECT_MSG_EQ(m_serverSeen[0], "POST /upload " + std::to_string(BODY), "whole");
        m_client = nullptr;
        m_server = nullptr;
        Simulator::Destroy();
    }

    struct Outcome
    {
        bool ok{false};
        Time start;
        Time at;
        std::string why;
    };

    Ptr<MmsSocketTransport> m_client;
    Ptr<MmsSocketTransport> m_server;
    std::map<uint64_t, Outcome> m_outcomes;
    std::vector<std::string> m_serverSeen;
};

/// MmsSocketTransport's TimeWait: every TCP socket it opens or accepts gets MaxSegLifetime =
/// TimeWait / 2, and the side that closes first leaves TIME_WAIT exactly TimeWait later.
/// MmsSocketTransport's KeepAlive: with it, requests 1 s apart share one connection, which the
/// client closes KeepAlive after its last response; a request after that opens a new one.
class TransportTimeWaitTestCase : public TestCase
{
  public:
    /// \param keepAlive the client's KeepAlive (s): 0, a connection per exchange
    TransportTimeWaitTestCase(double keepAlive)
        : TestCase(keepAlive > 0 ? "KeepAlive: requests share a connection, which the client "
                                   "closes KeepAlive after its last exchange"
                                 : "TIME_WAIT lasts the transport's TimeWait on opened and "
                                   "accepted sockets")
        , m_keepAlive(keepAlive)
    {
    }

  private:
    static constexpr double CLIENT_WAIT = 20; // s, on the client's transport
    static constexpr double SERVER_WAIT = 50; // s, on the server's

    void ServerRequest(MmsTransport::ExchangeId id, const MmsHttpMessage&, const Address&)
    {
        m_server->Respond(id, MmsHttpMessage::Response(200, "OK"));
    }

    void Done(uint64_t, bool ok, const MmsHttpMessage&, const std::string&)
    {
        m_answered += ok ? 1 : 0;
        if (m_answered == 3)
        {
            m_thirdAnswer = Simulator::Now();
        }
    }

    void Get(Address server)
    {
        m_client->Request(server,
                          MmsHttpMessage::Request("GET", "/x"),
                          {"GET /x", ""},
                          MakeCallback(&TransportTimeWaitTestCase::Done, this),
                          0);
    }

    /// Every millisecond: hook the State trace of sockets not seen before on both nodes.
    void Scan()
    {
        for (uint32_t n = 0; n < 2; ++n)
        {
            ObjectVectorValue sockets;
            m_nodes.Get(n)->GetObject<TcpL4Protocol>()->GetAttribute("SocketList", sockets);
            for (auto it = sockets.Begin(); it != sockets.End(); ++it)
            {
                Ptr<Object> socket = it->second;
                if (!m_seen.insert(socket).second)
                {
                    continue;
                }
                DoubleValue msl;
                socket->GetAttribute("MaxSegLifetime", msl);
                m_msl[n].push_back(msl.Get());
                const size_t index = m_states.size();
                m_states.push_back({n, Time(), Time()});
                socket->TraceConnectWithoutContext(
                    "State", MakeBoundCallback(&TransportTimeWaitTestCase::StateSink, this, index));
            }
        }
        if (Simulator::Now() < Seconds(30))
        {
            Simulator::Schedule(MilliSeconds(1), &TransportTimeWaitTestCase::Scan, this);
        }
    }

    // A static sink with bound arguments (ns-3.35 has no Callback::Bind).
    static void StateSink(TransportTimeWaitTestCase* self,
                          size_t index,
                          TcpSocket::TcpStates_t before,
                          TcpSocket::TcpStates_t now)
    {
        self->State(index, before, now);
    }

    void State(size_t index, TcpSocket::TcpStates_t, TcpSocket::TcpStates_t now)
    {
        if (now == TcpSocket::TIME_WAIT)
        {
            m_states[index].timeWait = Simulator::Now();
        }
        else if (now == TcpSocket::CLOSED)
        {
            m_states[index].closed = Simulator::Now();
        }
    }

    void DoRun() override
    {
        mmstest::TwoNodes net = mmstest::BuildTwoNodes("1Mbps", "10ms", "10.2.3.0");
        m_nodes = net.nodes;
        m_client = CreateObject<MmsSocketTransport>();
        m_client->SetAttribute("TimeWait", TimeValue(Seconds(CLIENT_WAIT)));
        m_client->SetAttribute("KeepAlive", TimeValue(Seconds(m_keepAlive)));
        m_client->SetNode(net.nodes.Get(0));
        m_server = CreateObject<MmsSocketTransport>();
        m_server->SetAttribute("TimeWait", TimeValue(Seconds(SERVER_WAIT)));
        m_server->SetNode(net.nodes.Get(1));
        m_server->Listen(80, MakeCallback(&TransportTimeWaitTestCase::ServerRequest, this));
        Address server = InetSocketAddress(net.addresses.GetAddress(1), 80);
        Simulator::Schedule(MilliSeconds(500), &TransportTimeWaitTestCase::Scan, this);
        for (int i = 1; i <= 3; ++i)
        {
            Simulator::Schedule(Seconds(i), &TransportTimeWaitTestCase::Get, this, server);
        }
        const bool kept = m_keepAlive > 0;
        if (kept)
        {
            // Long after the kept connection closed.
            Simulator::Schedule(Seconds(20), &TransportTimeWaitTestCase::Get, this, server);
        }
        Simulator::Stop(Seconds(100));
        Simulator::Run();

        const uint32_t requests = kept ? 4 : 3;
        const uint32_t connections = kept ? 2 : 3;
        NS_TEST_EXPECT_MSG_EQ(m_answered, requests, "every exchange answered");
        NS_TEST_EXPECT_MSG_EQ(m_client->GetCounters().connectionsOpened,
                              connections,
                              "connections the client opened");
        NS_TEST_EXPECT_MSG_EQ(m_client->GetCounters().connectionsReused,
                              requests - connections,
                              "requests on a kept connection");
        // The client's sockets; the server's listener and those it accepted.
        NS_TEST_EXPECT_MSG_EQ(m_msl[0].size(), connections, "client sockets seen");
        NS_TEST_EXPECT_MSG_EQ(m_msl[1].size(), connections + 1, "server sockets seen");
        for (uint32_t n = 0; n < 2; ++n)
        {
            for (double msl : m_msl[n])
            {
                NS_TEST_EXPECT_MSG_EQ(msl, (n == 0 ? CLIENT_WAIT : SERVER_WAIT) / 2, "node " << n);
            }
        }
        uint32_t timeWaits = 0;
        for (const Observed& o : m_states)
        {
            if (o.timeWait.IsZero())
            {
                continue;
            }
            ++timeWaits;
            NS_TEST_EXPECT_MSG_EQ(o.closed - o.timeWait,
                                  Seconds(o.node == 0 ? CLIENT_WAIT : SERVER_WAIT),
                                  "TIME_WAIT on node " << o.node);
        }
        // One side of each connection closes first.
        NS_TEST_EXPECT_MSG_EQ(timeWaits, connections, "each connection went through TIME_WAIT");
        if (kept)
        {
            // The client closed the shared connection KeepAlive after the third answer: its
            // TIME_WAIT starts one round trip (FIN, ACK and FIN back: 10 ms each way) later.
            Time first = Seconds(1000);
            for (const Observed& o : m_states)
            {
                if (!o.timeWait.IsZero())
                {
                    NS_TEST_EXPECT_MSG_EQ(o.node, 0u, "the client closed first");
                    first = Min(first, o.timeWait);
                }
            }
            const Time expected = m_thirdAnswer + Seconds(m_keepAlive);
            NS_TEST_EXPECT_MSG_GT_OR_EQ(first, expected, "not before KeepAlive");
            NS_TEST_EXPECT_MSG_LT(first, expected + MilliSeconds(100), "nor long after");
        }
        m_client = nullptr;
        m_server = nullptr;
        Simulator::Destroy();
    }

    struct Observed
    {
        uint32_t node;
        Time timeWait;
        Time closed;
    };

    NodeContainer m_nodes;
    Ptr<MmsSocketTransport> m_client;
    Ptr<MmsSocketTransport> m_server;
    double m_keepAlive; //!< the client's KeepAlive (s)
    Time m_thirdAnswer;
    uint32_t m_answered{0};
    std::set<Ptr<Object>> m_seen; // held, so that no new socket reuses an address
    std::vector<double> m_msl[2];
    std::vector<Observed> m_states;
};

/// The suite.
class MmsHttpConnectionTestSuite : public TestSuite
{
  public:
    MmsHttpConnectionTestSuite()
        : TestSuite("mms-http-connection", Type::SYSTEM)
    {
        AddTestCase(new HttpConnectionTestCase);
        AddTestCase(new HttpAbortTestCase);
        AddTestCase(new TransportIdleTimeoutTestCase);
        AddTestCase(new TransportTimeWaitTestCase(0));
        AddTestCase(new TransportTimeWaitTestCase(4));
    }
};

static MmsHttpConnectionTestSuite g_mmsHttpConnectionTestSuite; //!< Static variable for test
