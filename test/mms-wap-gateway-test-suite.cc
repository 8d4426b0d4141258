/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The WAP gateway (MmsWapGateway) and the handsets' WSP client (MmsWspClient) over ns-3 UDP:
// bad input gets the specification's Abort or error Reply and is counted, the capacity limits
// refuse what exceeds them, a class 2 transaction over a lossy uplink completes in the mean
// time the retransmission timer and the loss probability give, and segmented Invokes and
// Results recover a dropped packet by Negative Ack.

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mms-helper.h"
#include "ns3/mms-network-helper.h"
#include "ns3/mms-sqlite-recorder.h"
#include "ns3/mms-sqlite.h"
#include "ns3/mms-wap-gateway.h"
#include "ns3/mms-wsp-client.h"
#include "ns3/mms-wsp-session-pdu.h"
#include "ns3/mms-wtp-pdu.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <cmath>
#include <map>

using namespace ns3;

namespace
{

/// A core (Relay, Server, PPG, SMSC), a WAP gateway and handsets on point-to-point links.
struct World
{
    MmsNetworkHelper network;   //!< the links
    MmsHelper mms;              //!< the elements
    NodeContainer handsets;     //!< the handsets' nodes
    Ptr<Node> gatewayNode;      //!< the gateway's node
    Ptr<MmsWapGateway> gateway; //!< the gateway
    Ipv4Address gatewayAddress; //!< its address

    /**
     * Build it.
     * \param n handsets
     */
    explicit World(uint32_t n)
    {
        network.CreateCore(true);
        handsets = network.CreateHandsets(n);
        mms.InstallCore(network.GetRelayNode(),
                        network.GetServerNode(),
                        network.GetPpgNode(),
                        network.GetSmscNode());
        gatewayNode = network.CreateCoreNode();
        gateway = mms.InstallWapGateway(gatewayNode);
        gatewayAddress = MmsNetworkHelper::GetAddress(gatewayNode);
        mms.AssignStreams(1);
    }

    /**
     * A WSP client on a handset, with a transport of its own.
     * \param i the handset
     * \return the client
     */
    Ptr<MmsWspClient> Client(uint32_t i)
    {
        Ptr<MmsWspClient> c = CreateObject<MmsWspClient>();
        c->Attach(MmsHelper::CreateTransport(handsets.Get(i)),
                  InetSocketAddress(gatewayAddress, MmsWapGateway::PORT_CO));
        return c;
    }
};

/// A GET of a location the Relay does not know (it answers 200 with an M-Retrieve.conf whose
/// X-Mms-Retrieve-Status is an error).
MmsHttpMessage
Get()
{
    MmsHttpMessage m = MmsHttpMessage::Request("GET", "/mms/r/none");
    m.AddHeader("Host", "mmsc.mms.example.net");
    return m;
}

/// On a point-to-point device's receive side: drops the first copy of one chosen WTP packet
/// (a Segmented Invoke or Segmented Result with a given PSN) and notes every WTP PDU that
/// passes.
class MmsWtpDropper : public ErrorModel
{
  public:
    /**
     * Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid =
            TypeId("ns3::MmsWtpDropper").SetParent<ErrorModel>().SetGroupName("Mms");
        return tid;
    }

    uint8_t dropType{0};         //!< the PDU type to drop (0: none)
    int dropPsn{-1};             //!< its PSN
    bool dropped{false};         //!< it was dropped
    std::vector<MmsWtpPdu> seen; //!< the WTP PDUs that passed

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        Ptr<Packet> c = p->Copy();
        PppHeader ppp;
        c->RemoveHeader(ppp);
        Ipv4Header ip;
        if (ppp.GetProtocol() != 0x0021 || !c->RemoveHeader(ip) || ip.GetProtocol() != 17
            || ip.GetFragmentOffset() != 0 || !ip.IsLastFragment())
        {
            return false;
        }
        UdpHeader udp;
        c->RemoveHeader(udp);
        if (udp.GetDestinationPort() != MmsWapGateway::PORT_CO
            && udp.GetSourcePort() != MmsWapGateway::PORT_CO)
        {
            return false;
        }
        std::vector<uint8_t> b(c->GetSize());
        c->CopyData(b.data(), b.size());
        std::vector<MmsWtpPdu> pdus;
        MmsDecodeError e;
        MmsWtpPdu::DecodeDatagram(b.data(), b.size(), pdus, e);
        for (const auto& pdu : pdus)
        {
            if (!dropped && pdu.GetType() == dropType && pdu.GetPsn() == dropPsn && !pdu.GetRid())
            {
                dropped = true;
                return true;
            }
            seen.push_back(pdu);
        }
        return false;
    }

    void DoReset() override
    {
    }
};

/**
 * The receive side of a handset's link at the router (what the handset sends).
 * \param handset the handset's node
 * \return the router's device
 */
Ptr<NetDevice>
Uplink(Ptr<Node> handset)
{
    Ptr<NetDevice> up = handset->GetDevice(1);
    Ptr<PointToPointChannel> ch = DynamicCast<PointToPointChannel>(up->GetChannel());
    return ch->GetDevice(0) == up ? ch->GetDevice(1) : ch->GetDevice(0);
}

} // namespace

/// Garbage to ports 9201 and 9200: Aborts and error Replies, counted; the gateway still serves.
class MmsWapGatewayGarbageTestCase : public TestCase
{
  public:
    MmsWapGatewayGarbageTestCase()
        : TestCase("bad WTP and WSP input gets an Abort or an error Reply and is counted")
    {
    }

  private:
    void Receive(Ptr<Socket> s)
    {
        Ptr<Packet> p;
        Address from;
        while ((p = s->RecvFrom(from)))
        {
            std::vector<uint8_t> d(p->GetSize());
            p->CopyData(d.data(), d.size());
            m_replies.push_back({InetSocketAddress::ConvertFrom(from).GetPort(), d});
        }
    }

    void Send(Ptr<Socket> s, Address to, std::vector<uint8_t> d)
    {
        s->SendTo(Create<Packet>(d.data(), d.size()), 0, to);
    }

    void Outcome(uint64_t, bool ok, const MmsHttpMessage& r, const std::string& why)
    {
        m_status = ok ? r.status : -1;
        m_why = why;
    }

    void DoRun() override
    {
        World w(1);
        Ptr<Socket> s = Socket::CreateSocket(w.handsets.Get(0), UdpSocketFactory::GetTypeId());
        s->Bind(InetSocketAddress(Ipv4Address::GetAny(), 40000));
        s->SetRecvCallback(MakeCallback(&MmsWapGatewayGarbageTestCase::Receive, this));
        Address co = InetSocketAddress(w.gatewayAddress, MmsWapGateway::PORT_CO);
        Address cl = InetSocketAddress(w.gatewayAddress, MmsWapGateway::PORT_CL);
        // A Get in a class 2 Invoke, from a handset without a session.
        std::vector<uint8_t> get =
            MmsWtpPdu::MakeInvoke(
                0x22, MmsWtpPdu::CLASS_2, MmsWspSessionPdu::MakeGet("http://mmsc/x").Encode())
                .Encode();
        // A class 2 Invoke whose WSP PDU is truncated (a Post without its URI length).
        std::vector<uint8_t> badWsp =
            MmsWtpPdu::MakeInvoke(0x23, MmsWtpPdu::CLASS_2, {0x60}).Encode();
        const std::vector<std::vector<uint8_t>> toCo = {
            {0xFF},                   // one octet: no TID, no answer
            {0x78, 0x12, 0x34, 0x00}, // PDU type 15: Abort PROTOERR with TID 0x1234
            get,                      // no session: user Abort DISCONNECT
            badWsp};                  // Reply 400 in the Result
        double t = 1;
        for (const auto& d : toCo)
        {
            Simulator::Schedule(Seconds(t), &MmsWapGatewayGarbageTestCase::Send, this, s, co, d);
            t += 1;
        }
        // Connectionless: too short (no answer), then a Disconnect (not a method) with TID 5.
        Simulator::Schedule(Seconds(t++),
                            &MmsWapGatewayGarbageTestCase::Send,
                            this,
                            s,
                            cl,
                            std::vector<uint8_t>{0x01});
        Simulator::Schedule(Seconds(t++),
                            &MmsWapGatewayGarbageTestCase::Send,
                            this,
                            s,
                            cl,
                            std::vector<uint8_t>{0x05, 0x05, 0x01});
        // Then a well-behaved handset: a session and a Get, answered 404 by the Relay.
        Ptr<MmsWspClient> client = w.Client(0);
        Simulator::Schedule(Seconds(t + 1),
                            [this, client]()
                            {
                                client->Request(
                                    Get(),
                                    {"GET", ""},
                                    MakeCallback(&MmsWapGatewayGarbageTestCase::Outcome, this),
                                    1);
                            });
        Simulator::Stop(Seconds(120));
        Simulator::Run();
        const MmsWapGateway::Counters c = w.gateway->GetCounters();
        client->Dispose();
        Simulator::Destroy();

        NS_TEST_EXPECT_MSG_EQ(
            c.malformed, 5, "1 octet, type 15, bad WSP, and both connectionless datagrams");
        NS_TEST_EXPECT_MSG_EQ(c.noSession, 1, "the Get without a session");
        NS_TEST_EXPECT_MSG_EQ(m_status, 200, "the gateway still serves (" << m_why << ")");
        NS_TEST_EXPECT_MSG_EQ(c.sessions, 1, "the well-behaved handset's session");
        // What came back to the raw socket, in order.
        bool protoErr = false;
        bool disconnect = false;
        bool reply400 = false;
        bool clReply = false;
        for (const auto& [port, d] : m_replies)
        {
            MmsWtpPdu p;
            MmsDecodeError e;
            if (port == MmsWapGateway::PORT_CL)
            {
                MmsWspSessionPdu r;
                clReply = MmsWspSessionPdu::Decode(d.data(), d.size(), true, r, e)
                          && r.GetTid() == 5 && r.GetType() == MmsWspSessionPdu::REPLY
                          && MmsWspSessionPdu::HttpFromStatus(r.GetStatus()) == 501;
                continue;
            }
            NS_TEST_ASSERT_MSG_EQ(MmsWtpPdu::Decode(d.data(), d.size(), p, e), true, e.ToString());
            if (p.GetType() == MmsWtpPdu::ABORT && p.GetTidValue() == 0x1234)
            {
                protoErr = p.GetAbortType() == MmsWtpPdu::ABORT_PROVIDER
                           && p.GetAbortReason() == MmsWtpPdu::REASON_PROTOERR && p.IsResponse();
            }
            if (p.GetType() == MmsWtpPdu::ABORT && p.GetTidValue() == 0x22)
            {
                disconnect = p.GetAbortType() == MmsWtpPdu::ABORT_USER
                             && p.GetAbortReason() == MmsWapGateway::WSP_ABORT_DISCONNECT;
            }
            if (p.GetType() == MmsWtpPdu::RESULT && p.GetTidValue() == 0x23)
            {
                MmsWspSessionPdu r;
                const auto& data = p.GetData();
                reply400 = MmsWspSessionPdu::Decode(data.data(), data.size(), false, r, e)
                           && r.GetStatus() == 0x40;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(protoErr, true, "provider Abort PROTOERR naming TID 0x1234");
        NS_TEST_EXPECT_MSG_EQ(disconnect, true, "user Abort DISCONNECT for the sessionless Get");
        NS_TEST_EXPECT_MSG_EQ(reply400, true, "Reply 400 (0x40) for the truncated Post");
        NS_TEST_EXPECT_MSG_EQ(clReply, true, "connectionless Reply 501 with TID 5");
    }

    std::vector<std::pair<uint16_t, std::vector<uint8_t>>> m_replies;
    int m_status{0};
    std::string m_why;
};

/// MaxSessions and MaxTransactions refuse what exceeds them.
class MmsWapGatewayCapacityTestCase : public TestCase
{
  public:
    MmsWapGatewayCapacityTestCase()
        : TestCase("MaxSessions refuses a Connect with Reply 503, MaxTransactions a method with "
                   "Abort CAPTEMPEXCEEDED")
    {
    }

  private:
    void Outcome(uint64_t cookie, bool ok, const MmsHttpMessage& r, const std::string& why)
    {
        m_outcomes[cookie] = ok ? std::to_string(r.status) : why;
    }

    void DoRun() override
    {
        World w(3);
        w.gateway->SetAttribute("MaxSessions", UintegerValue(2));
        w.gateway->SetAttribute("MaxTransactions", UintegerValue(1));
        // Long enough that the first method still holds the only slot when the second comes.
        w.gateway->SetAttribute("ServiceTime", TimeValue(Seconds(2)));
        std::vector<Ptr<MmsWspClient>> clients = {w.Client(0), w.Client(1), w.Client(2)};
        for (uint32_t i = 0; i < 3; ++i)
        {
            Simulator::Schedule(Seconds(1 + 0.1 * i),
                                [this, i, &clients]()
                                {
                                    clients[i]->Request(
                                        Get(),
                                        {"GET", ""},
                                        MakeCallback(&MmsWapGatewayCapacityTestCase::Outcome, this),
                                        i);
                                });
        }
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        const MmsWapGateway::Counters c = w.gateway->GetCounters();
        for (auto& cl : clients)
        {
            cl->Dispose();
        }
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(c.sessions, 2, "two sessions");
        NS_TEST_EXPECT_MSG_EQ(c.sessionsRefused, 1, "the third Connect");
        NS_TEST_EXPECT_MSG_EQ(m_outcomes[2], "WSP session refused (Reply 503)", "third handset");
        NS_TEST_EXPECT_MSG_EQ(c.refused, 1, "the second Get, while the first is served");
        NS_TEST_EXPECT_MSG_EQ(m_outcomes[0], "200", "the first Get reached the Relay");
        NS_TEST_EXPECT_MSG_EQ(m_outcomes[1],
                              "WTP abort " + std::to_string(MmsWtpPdu::REASON_CAPTEMPEXCEEDED),
                              "the second Get");
    }

    std::map<uint64_t, std::string> m_outcomes;
};

/// Class 2 over a lossy uplink: the Invoke is sent again every R seconds until one arrives.
class MmsWapGatewayLossTestCase : public TestCase
{
  public:
    MmsWapGatewayLossTestCase()
        : TestCase("a class 2 transaction over a lossy uplink completes in the mean time that "
                   "timer R and the loss probability give (within 5%)")
    {
    }

  private:
    /// One Get after another.
    void Next()
    {
        if (m_done >= N)
        {
            return;
        }
        m_client->Request(
            Get(), {"GET", ""}, MakeCallback(&MmsWapGatewayLossTestCase::Outcome, this), m_done);
    }

    void Outcome(uint64_t, bool ok, const MmsHttpMessage&, const std::string&)
    {
        m_done++;
        m_ok += ok ? 1 : 0;
        Simulator::Schedule(Seconds(1), &MmsWapGatewayLossTestCase::Next, this);
    }

    void Method(const std::string& method, Time elapsed, bool ok, uint32_t)
    {
        if (method == "Get" && ok)
        {
            m_sum[m_phase] += elapsed.GetSeconds();
            m_count[m_phase]++;
        }
    }

    /// Mean completion time of N Gets with uplink loss probability p.
    void RunWith(double p)
    {
        World w(1);
        m_done = 0;
        m_ok = 0;
        if (p > 0)
        {
            // The uplink: packets the handset sends are lost at the gateway router's side.
            Ptr<NetDevice> up = w.handsets.Get(0)->GetDevice(1);
            Ptr<PointToPointChannel> ch = DynamicCast<PointToPointChannel>(up->GetChannel());
            Ptr<NetDevice> far = ch->GetDevice(0) == up ? ch->GetDevice(1) : ch->GetDevice(0);
            Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
            em->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
            em->SetAttribute("ErrorRate", DoubleValue(p));
            em->AssignStreams(77);
            far->SetAttribute("ReceiveErrorModel", PointerValue(em));
        }
        m_client = w.Client(0);
        m_client->TraceConnectWithoutContext(
            "Method", MakeCallback(&MmsWapGatewayLossTestCase::Method, this));
        Simulator::Schedule(Seconds(1), &MmsWapGatewayLossTestCase::Next, this);
        Simulator::Stop(Seconds(N * 40.0));
        Simulator::Run();
        m_client->Dispose();
        m_client = nullptr;
        Simulator::Destroy();
    }

    void DoRun() override
    {
        m_phase = 0;
        RunWith(0); // the loss-free completion time: the path's own delays
        m_phase = 1;
        RunWith(P);
        NS_TEST_ASSERT_MSG_EQ(m_count[0], N, "every loss-free Get completes");
        NS_TEST_ASSERT_MSG_GT(m_count[1], N * 9 / 10, "most lossy Gets complete");
        const double base = m_sum[0] / m_count[0];
        // K, the Invoke's retransmissions, is geometric, truncated at RCR_MAX = 8: the
        // transaction completes when an Invoke arrives (probability 1 - P each), K * R later.
        const double r = MmsWtpTimers().retryInterval;
        const unsigned maxK = MmsWtpTimers().maxRetransmissions;
        double num = 0;
        double den = 0;
        for (unsigned k = 0; k <= maxK; ++k)
        {
            double pk = std::pow(P, k) * (1 - P);
            num += k * pk;
            den += pk;
        }
        const double expected = base + r * num / den;
        const double measured = m_sum[1] / m_count[1];
        std::cout << "WTP class 2 over " << P * 100 << "% uplink loss: mean completion " << measured
                  << " s over " << m_count[1] << " Gets, computed " << expected << " s (loss-free "
                  << base << " s)" << std::endl;
        NS_TEST_EXPECT_MSG_LT(std::abs(measured - expected) / expected,
                              0.05,
                              "measured " << measured << " s, computed " << expected << " s");
    }

    static constexpr uint32_t N = 3000; //!< Gets per run
    static constexpr double P = 0.5;    //!< uplink loss probability
    Ptr<MmsWspClient> m_client;
    uint32_t m_done{0};
    uint32_t m_ok{0};
    int m_phase{0};
    double m_sum[2]{0, 0};
    uint32_t m_count[2]{0, 0};
};

/// The results' transaction table names both legs of a WAP 1.x exchange.
class MmsWapGatewayRecordTestCase : public TestCase
{
  public:
    MmsWapGatewayRecordTestCase()
        : TestCase("the transaction table has the handsets' WSP leg and the gateway's HTTP leg")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = CreateTempDirFilename("mms-wapgw.sqlite");
        std::remove(path.c_str());
        World w(2);
        ApplicationContainer uas = w.mms.InstallUserAgents(w.handsets);
        w.mms.AssignStreams(1);
        Ptr<MmsSqliteRecorder> rec = CreateObject<MmsSqliteRecorder>();
        rec->SetAttribute("Path", StringValue(path));
        rec->SetAttribute("RecordTransactions", BooleanValue(true));
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(rec->Open(error), true, error);
        rec->ConnectAll();
        Ptr<MmsUserAgent> a = DynamicCast<MmsUserAgent>(uas.Get(0));
        Ptr<MmsUserAgent> b = DynamicCast<MmsUserAgent>(uas.Get(1));
        MmsUserAgent::Message m;
        m.to = {b->GetMsisdn()};
        m.contentSize = 3000;
        Simulator::Schedule(Seconds(1),
                            [a, m]()
                            {
                                a->Send(m);
                            });
        Simulator::Stop(Seconds(200));
        Simulator::Run();
        rec->Close();
        Simulator::Destroy();

        MmsSqliteDatabase db;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        MmsSqliteStatement st;
        NS_TEST_ASSERT_MSG_EQ(db.Prepare("SELECT element, type, status FROM \"transaction\" "
                                         "WHERE element != 'relay' AND element != 'ppg' "
                                         "ORDER BY start, element",
                                         st,
                                         error),
                              true,
                              error);
        std::vector<std::string> rows;
        while (st.Step())
        {
            rows.push_back(st.ColumnText(0) + "|" + st.ColumnText(1) + "|" + st.ColumnText(2));
        }
        const std::vector<std::string> expected = {
            "ua:+447700900001|WSP m-send-req|200",
            "wapgw|m-send-req|200",
            "ua:+447700900002|WSP GET Content-Location|200",
            "wapgw|GET Content-Location|200",
            "ua:+447700900002|WSP m-notifyresp-ind Retrieved|204",
            "wapgw|m-notifyresp-ind Retrieved|204"};
        std::string all;
        for (const auto& r : rows)
        {
            all += r + "\n";
        }
        NS_TEST_ASSERT_MSG_EQ(rows.size(), expected.size(), all);
        for (std::size_t i = 0; i < rows.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(rows[i], expected[i], "row " << i + 1 << ":\n" << all);
        }
    }
};

/// A message of 30,000 octets between two WAP 1.x handsets: the M-Send.req goes as a
/// segmented Invoke and the M-Retrieve.conf as a segmented Result; one Invoke packet dropped on
/// the uplink and one Result packet dropped on the downlink are each asked for by a Negative
/// Ack naming their PSN, and the message is delivered.
class MmsWapGatewaySarTestCase : public TestCase
{
  public:
    MmsWapGatewaySarTestCase()
        : TestCase("segmented Invoke and Result through the gateway: a dropped packet each way "
                   "recovered by Negative Ack, the message delivered")
    {
    }

  private:
    /**
     * Reassemble the first copies of the packets of one transaction's Invoke seen on a link.
     * \param seen the PDUs
     * \param tid the transaction
     * \return the user data in PSN order
     */
    static std::vector<uint8_t> Invoke(const std::vector<MmsWtpPdu>& seen, uint16_t tid)
    {
        std::map<int, std::vector<uint8_t>> packets;
        for (const auto& p : seen)
        {
            if (p.GetTidValue() == tid && !p.IsResponse()
                && (p.GetType() == MmsWtpPdu::INVOKE || p.GetType() == MmsWtpPdu::SEGMENTED_INVOKE))
            {
                packets.emplace(p.GetType() == MmsWtpPdu::INVOKE ? 0 : p.GetPsn(), p.GetData());
            }
        }
        std::vector<uint8_t> all;
        for (const auto& kv : packets)
        {
            all.insert(all.end(), kv.second.begin(), kv.second.end());
        }
        return all;
    }

    void DoRun() override
    {
        World w(2);
        ApplicationContainer uas = w.mms.InstallUserAgents(w.handsets);
        w.mms.AssignStreams(1);
        Ptr<MmsUserAgent> a = DynamicCast<MmsUserAgent>(uas.Get(0));
        Ptr<MmsUserAgent> b = DynamicCast<MmsUserAgent>(uas.Get(1));
        // Handset a's uplink drops Segmented Invoke PSN 4 (inside its group: the group trailer,
        // when it comes, shows it missing); its downlink sees the gateway's Negative Ack. Handset
        // b's downlink drops Segmented Result PSN 7; its uplink sees b's Negative Ack.
        Ptr<MmsWtpDropper> aUp = CreateObject<MmsWtpDropper>();
        aUp->dropType = MmsWtpPdu::SEGMENTED_INVOKE;
        aUp->dropPsn = 4;
        Uplink(w.handsets.Get(0))->SetAttribute("ReceiveErrorModel", PointerValue(aUp));
        // (The handsets' own receive error models are set once the User Agents have started
        // and put theirs, for switched-off periods, in place.)
        Ptr<MmsWtpDropper> aDown = CreateObject<MmsWtpDropper>();
        Ptr<MmsWtpDropper> bDown = CreateObject<MmsWtpDropper>();
        bDown->dropType = MmsWtpPdu::SEGMENTED_RESULT;
        bDown->dropPsn = 7;
        Ptr<NetDevice> aDevice = w.handsets.Get(0)->GetDevice(1);
        Ptr<NetDevice> bDevice = w.handsets.Get(1)->GetDevice(1);
        Simulator::Schedule(Seconds(0.5),
                            [aDevice, aDown, bDevice, bDown]()
                            {
                                aDevice->SetAttribute("ReceiveErrorModel", PointerValue(aDown));
                                bDevice->SetAttribute("ReceiveErrorModel", PointerValue(bDown));
                            });
        Ptr<MmsWtpDropper> bUp = CreateObject<MmsWtpDropper>();
        Uplink(w.handsets.Get(1))->SetAttribute("ReceiveErrorModel", PointerValue(bUp));

        MmsUserAgent::Message m;
        m.to = {b->GetMsisdn()};
        m.contentSize = 30000;
        Simulator::Schedule(Seconds(1),
                            [a, m]()
                            {
                                a->Send(m);
                            });
        Simulator::Stop(Seconds(300));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(aUp->dropped, true, "Segmented Invoke PSN 4 dropped");
        NS_TEST_EXPECT_MSG_EQ(bDown->dropped, true, "Segmented Result PSN 7 dropped");
        NS_TEST_EXPECT_MSG_EQ(a->GetCounters().submitConfirmed, 1u, "M-Send.conf Ok");
        NS_TEST_EXPECT_MSG_EQ(b->GetCounters().retrieved, 1u, "the message retrieved");
        NS_TEST_EXPECT_MSG_EQ(a->GetCounters().failedTransactions, 0u, "no failure at a");
        NS_TEST_EXPECT_MSG_EQ(b->GetCounters().failedTransactions, 0u, "no failure at b");

        // The Negative Acks on the wire name the dropped PSNs, and only them.
        auto nacks = [](const std::vector<MmsWtpPdu>& seen)
        {
            std::string s;
            for (const auto& p : seen)
            {
                if (p.GetType() == MmsWtpPdu::NACK)
                {
                    for (uint8_t psn : p.GetMissing())
                    {
                        s += std::to_string(psn) + " ";
                    }
                    s += "| ";
                }
            }
            return s;
        };
        NS_TEST_EXPECT_MSG_EQ(nacks(aDown->seen), "4 | ", "the gateway's Negative Ack to a");
        NS_TEST_EXPECT_MSG_EQ(nacks(bUp->seen), "7 | ", "b's Negative Ack to the gateway");

        // The M-Send.req's Invoke, reassembled from the uplink (the retransmitted PSN 4
        // included), is one WSP Post carrying the whole message, as the gateway saw it.
        uint16_t tid = 0;
        std::size_t segments = 0;
        for (const auto& p : aUp->seen)
        {
            if (p.GetType() == MmsWtpPdu::SEGMENTED_INVOKE)
            {
                tid = p.GetTidValue();
                segments = std::max<std::size_t>(segments, p.GetPsn() + 1);
            }
        }
        std::vector<uint8_t> post = Invoke(aUp->seen, tid);
        MmsWspSessionPdu pdu;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWspSessionPdu::Decode(post.data(), post.size(), false, pdu, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(unsigned(pdu.GetType()), unsigned(MmsWspSessionPdu::POST), "a Post");
        NS_TEST_EXPECT_MSG_GT(pdu.GetData().size(), 30000u, "the whole M-Send.req");
        NS_TEST_EXPECT_MSG_EQ(segments,
                              (post.size() + MmsWap::SAR_SEGMENT_SIZE - 1)
                                  / MmsWap::SAR_SEGMENT_SIZE,
                              "packets of SegmentSize");
        const MmsWapGateway::Counters& g = w.gateway->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(g.segmentedInvokes, 1u, "one segmented Invoke (the M-Send.req)");
        NS_TEST_EXPECT_MSG_EQ(g.invokeNacks, 1u, "one Negative Ack from the gateway");
        NS_TEST_EXPECT_MSG_EQ(a->GetWspClient()->GetCounters().invokePacketsResent,
                              1u,
                              "a sent one Invoke packet again");
        NS_TEST_EXPECT_MSG_EQ(
            b->GetWspClient()->GetCounters().resultNacks, 1u, "b sent one Negative Ack");
        Simulator::Destroy();
    }
};

/// The suite.
class MmsWapGatewayTestSuite : public TestSuite
{
  public:
    MmsWapGatewayTestSuite()
        : TestSuite("mms-wap-gateway", Type::UNIT)
    {
        AddTestCase(new MmsWapGatewayGarbageTestCase);
        AddTestCase(new MmsWapGatewayCapacityTestCase);
        AddTestCase(new MmsWapGatewayRecordTestCase);
        AddTestCase(new MmsWapGatewaySarTestCase);
        AddTestCase(new MmsWapGatewayLossTestCase);
    }
};

static MmsWapGatewayTestSuite g_mmsWapGatewayTestSuite; //!< Static variable for test initialization
