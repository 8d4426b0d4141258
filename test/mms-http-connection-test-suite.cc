/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// HTTP/1.1 over ns-3 TCP: pipelined requests with large virtual bodies through a small send
// buffer arrive whole and in order, responses come back in order, octet counts add up, and a
// peer sending garbage gets the connection closed with a located error.

#include "mms-test-data.h"

#include "ns3/core-module.h"
#include "ns3/http-connection.h"
#include "ns3/internet-module.h"
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
        Ptr<HttpConnection> c = CreateObject<HttpConnection>();
        c->SetAttribute("KeepBody", BooleanValue(false));
        c->Attach(s, true);
        c->SetMessageCallback(MakeCallback(&HttpConnectionTestCase::ServerMessage, this));
        c->SetErrorCallback(MakeCallback(&HttpConnectionTestCase::ServerError, this));
        m_server.push_back(c);
    }

    void ServerMessage(Ptr<HttpConnection> c, const HttpMessage& m)
    {
        m_serverSeen.push_back(m.method + " " + m.target + " " + std::to_string(m.GetBodySize()));
        HttpMessage r = HttpMessage::Response(200, "OK");
        r.AddHeader("X-Seq", m.GetHeader("X-Seq"));
        r.body.assign(m.GetBodySize() / 1000, 0x5A);
        c->Send(r);
    }

    void ServerError(Ptr<HttpConnection>, const std::string& e)
    {
        m_serverErrors.push_back(e);
    }

    void Connected(Ptr<Socket> s)
    {
        m_client = CreateObject<HttpConnection>();
        m_client->Attach(s, false);
        m_client->SetMessageCallback(MakeCallback(&HttpConnectionTestCase::ClientMessage, this));
        for (uint32_t i = 0; i < REQUESTS; ++i)
        {
            HttpMessage post = HttpMessage::Request("POST", "/mms");
            post.AddHeader("X-Seq", std::to_string(i));
            post.bodyIsVirtual = true;
            post.virtualBodySize = BODY + i;
            m_expectedSent += post.GetSerializedSize();
            m_client->Send(post);
        }
        HttpMessage get = HttpMessage::Request("GET", "/mms/last");
        get.AddHeader("X-Seq", std::to_string(REQUESTS));
        m_expectedSent += get.GetSerializedSize();
        m_client->Send(get);
        m_queuedAtStart = m_client->GetQueuedBytes();
    }

    void ClientMessage(Ptr<HttpConnection>, const HttpMessage& m)
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
    Ptr<HttpConnection> m_client;
    std::vector<Ptr<HttpConnection>> m_server;
    std::vector<std::string> m_serverSeen;
    std::vector<std::string> m_clientSeen;
    std::vector<std::string> m_serverErrors;
    uint64_t m_expectedSent{0};
    uint64_t m_queuedAtStart{0};
};

/// The suite.
class MmsHttpConnectionTestSuite : public TestSuite
{
  public:
    MmsHttpConnectionTestSuite()
        : TestSuite("mms-http-connection", SYSTEM)
    {
        AddTestCase(new HttpConnectionTestCase, TestCase::QUICK);
    }
};

static MmsHttpConnectionTestSuite g_mmsHttpConnectionTestSuite; //!< Static variable for test
