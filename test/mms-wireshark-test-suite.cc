/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Interoperability with Wireshark: MMS PDUs travel in HTTP over ns-3 TCP (M-Send.req,
// M-Send.conf, M-Retrieve.conf, M-NotifyResp.ind) and in WSP Push over UDP port 2948
// (M-Notification.ind, M-Delivery.ind) between two nodes; ns-3 writes a pcap; tshark decodes it
// and must report the fields we encoded. And the WAP 1.x stack: WTP PDUs carrying WSP session
// PDUs (and the MMS PDUs inside) over UDP port 9201, and connectionless WSP on port 9200. And
// MM4: an MM4_forward.REQ goes Relay to Relay in an SMTP dialogue over ns-3 TCP; tshark
// decodes the commands, the replies and the Internet message.

#include "mms-test-data.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mms-header.h"
#include "ns3/mms-helper.h"
#include "ns3/mms-http-message.h"
#include "ns3/mms-mail-server.h"
#include "ns3/mms-mm4-message.h"
#include "ns3/mms-network-helper.h"
#include "ns3/mms-pdu.h"
#include "ns3/mms-relay-mm4.h"
#include "ns3/mms-scenario-helper.h"
#include "ns3/mms-smtp-connection.h"
#include "ns3/mms-wsp-push.h"
#include "ns3/mms-wsp-session-pdu.h"
#include "ns3/mms-wtp-pdu.h"
#include "ns3/mms-wtp-transaction.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <cstdlib>
#include <sstream>

using namespace ns3;

namespace
{

/// tshark's path; "" when it is not installed (a failure unless MMS_SKIP_TSHARK is set: see
/// TsharkMissingIsAllowed()).
std::string
Tshark()
{
    return mmstest::FindProgram("tshark");
}

/// Whether a missing tshark may skip the test (MMS_SKIP_TSHARK set).
bool
TsharkMissingIsAllowed()
{
    return std::getenv("MMS_SKIP_TSHARK") != nullptr;
}

/// Capture what a device sees into a pcap file (as PointToPointHelper::EnablePcap() would),
/// a file the caller closes before tshark reads it.
Ptr<PcapFileWrapper>
Capture(const std::string& pcap, Ptr<NetDevice> device)
{
    PcapHelper pcapHelper;
    Ptr<PcapFileWrapper> file = pcapHelper.CreateFile(pcap, std::ios::out, PcapHelper::DLT_PPP);
    pcapHelper.HookDefaultSink<NetDevice>(device, "PromiscSniffer", file);
    return file;
}

/// Run tshark on a pcap with arguments; its standard output in out, its standard error
/// appended to out when it fails. Returns its exit status.
int
RunTshark(const std::string& tshark,
          const std::string& pcap,
          const std::string& args,
          std::string& out)
{
    int rc = mmstest::RunCommand(
        tshark + " -n -r '" + pcap + "' " + args + " 2>'" + pcap + ".stderr'", out);
    if (rc != 0)
    {
        std::string err;
        mmstest::ReadFile(pcap + ".stderr", err);
        out += err;
    }
    return rc;
}

} // namespace

/// A test that reads its pcap with tshark.
class MmsTsharkTestCase : public TestCase
{
  protected:
    /**
     * \brief A test case.
     * \param name its name
     */
    explicit MmsTsharkTestCase(const std::string& name)
        : TestCase(name)
    {
    }

    /**
     * \brief Find tshark; a missing tshark fails the test unless MMS_SKIP_TSHARK is set.
     * \param path its path
     * \return false if the test is to stop (tshark missing)
     */
    bool FindTshark(std::string& path)
    {
        path = Tshark();
        if (path.empty())
        {
            NS_TEST_EXPECT_MSG_EQ(TsharkMissingIsAllowed(),
                                  true,
                                  "tshark is not installed (setup.sh installs it; set "
                                  "MMS_SKIP_TSHARK=1 to skip this test)");
            return false;
        }
        return true;
    }
};

/// One MMS exchanged between a handset and an MMSC over real ns-3 TCP and UDP, decoded by
/// tshark.
class MmsWiresharkTestCase : public MmsTsharkTestCase
{
  public:
    MmsWiresharkTestCase()
        : MmsTsharkTestCase("tshark decodes the MMS PDUs of an ns-3 pcap to the fields we sent")
    {
    }

  private:
    static constexpr uint16_t HTTP_PORT = 80;
    static constexpr uint16_t PUSH_PORT = 2948; // WAP Push connectionless (WAP-259)
    static constexpr uint16_t WSP_PORT = 9200;  // WSP connectionless, the push source

    const std::string FROM = "+358401234567/TYPE=PLMN";
    const std::string TO = "+358409876543/TYPE=PLMN";
    const std::string LOCATION = "http://10.1.1.2/mms/m0001";
    const uint32_t PHOTO = 20000; // octets of virtual JPEG

    // ---- handset side
    void Connected(Ptr<Socket> s)
    {
        MmsMultipartBody body;
        MmsPart text;
        text.contentType = MmsWspContentType("text/plain");
        text.contentType.SetCharset(MmsWspCharset::UTF_8);
        text.headers.push_back(MmsWspPartHeader::ContentId("<text>"));
        text.data = MmsContent(std::string("hello from ns-3"));
        MmsPart photo;
        photo.contentType = MmsWspContentType("image/jpeg");
        photo.headers.push_back(MmsWspPartHeader::ContentLocation("photo.jpg"));
        photo.data = MmsContent::Virtual(PHOTO);
        body.parts = {text, photo};
        MmsPdu req = MmsPdu::MakeSendReq("send-0001",
                                         FROM,
                                         {TO},
                                         MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                         body,
                                         MmsValue::VERSION_1_2);
        req.AddField(
            MmsHeaderField::String(MmsField::SUBJECT, MmsWspEncodedString{0, "ns-3 test"}));
        m_sendReqSize = req.GetEncodedSize();
        MmsHttpMessage post = MmsHttpMessage::Request("POST", "/mms");
        post.AddHeader("Host", "10.1.1.2");
        post.AddHeader("Content-Type", "application/vnd.wap.mms-message");
        post.bodyIsVirtual = true; // the octets follow as packets, the photo stays virtual
        post.virtualBodySize = m_sendReqSize;
        std::string head = post.SerializeHead();
        s->Send(Create<Packet>(reinterpret_cast<const uint8_t*>(head.data()), head.size()));
        for (const auto& p : MmsPduHeader::CreatePackets(req))
        {
            s->Send(p);
        }
    }

    void HandsetRecv(Ptr<Socket> s)
    {
        Ptr<Packet> p;
        while ((p = s->Recv()) && p->GetSize() > 0)
        {
            std::vector<uint8_t> b(p->GetSize());
            p->CopyData(b.data(), b.size());
            m_clientParser.Feed(b.data(), b.size());
        }
        while (m_clientParser.HasMessage())
        {
            MmsHttpMessage r = m_clientParser.PopMessage();
            if (r.body.empty())
            {
                continue;
            }
            MmsPdu pdu;
            MmsDecodeError e;
            if (!MmsPdu::Decode(r.body.data(), r.body.size(), pdu, e))
            {
                m_errors.push_back("handset: " + e.ToString());
                continue;
            }
            m_handsetGot.push_back(pdu.GetMessageType());
            if (pdu.GetMessageType() == static_cast<uint8_t>(MmsMessageType::RETRIEVE_CONF))
            {
                // Immediate retrieval: one M-NotifyResp.ind acknowledges it all.
                MmsPdu ack =
                    MmsPdu::MakeNotifyRespInd(m_notificationTid, MmsValue::STATUS_RETRIEVED, true);
                SendPost(s, ack);
            }
        }
    }

    void SendPost(Ptr<Socket> s, const MmsPdu& pdu)
    {
        MmsHttpMessage post = MmsHttpMessage::Request("POST", "/mms");
        post.AddHeader("Host", "10.1.1.2");
        post.AddHeader("Content-Type", "application/vnd.wap.mms-message");
        post.body = pdu.Encode();
        std::vector<uint8_t> b = post.Serialize();
        s->Send(Create<Packet>(b.data(), b.size()));
    }

    void HandsetPush(Ptr<Socket> s)
    {
        Ptr<Packet> p;
        while ((p = s->Recv()))
        {
            MmsWspPushHeader h;
            p->RemoveHeader(h);
            MmsPdu pdu;
            MmsDecodeError e;
            const std::vector<uint8_t>& d = h.GetPush().GetData();
            if (!h.IsValid() || !MmsPdu::Decode(d.data(), d.size(), pdu, e))
            {
                m_errors.push_back("push: " + h.GetDecodeError().ToString() + e.ToString());
                continue;
            }
            m_handsetGot.push_back(pdu.GetMessageType());
            if (pdu.GetMessageType() == static_cast<uint8_t>(MmsMessageType::NOTIFICATION_IND))
            {
                m_notificationTid = pdu.GetTransactionId();
                MmsHttpMessage get = MmsHttpMessage::Request(
                    "GET", pdu.GetText(MmsField::CONTENT_LOCATION).substr(15));
                get.AddHeader("Host", "10.1.1.2");
                std::vector<uint8_t> b = get.Serialize();
                m_client->Send(Create<Packet>(b.data(), b.size()));
            }
        }
    }

    void StartClient(Ipv4Address mmsc)
    {
        m_client->Connect(InetSocketAddress(mmsc, HTTP_PORT));
    }

    // ---- MMSC side
    void Accept(Ptr<Socket> s, const Address&)
    {
        s->SetRecvCallback(MakeCallback(&MmsWiresharkTestCase::MmscRecv, this));
    }

    void MmscRecv(Ptr<Socket> s)
    {
        Ptr<Packet> p;
        while ((p = s->Recv()) && p->GetSize() > 0)
        {
            std::vector<uint8_t> b(p->GetSize());
            p->CopyData(b.data(), b.size());
            if (!m_serverParser.Feed(b.data(), b.size()))
            {
                m_errors.push_back("mmsc: " + m_serverParser.Error());
            }
        }
        while (m_serverParser.HasMessage())
        {
            MmsHttpMessage req = m_serverParser.PopMessage();
            MmsHttpMessage resp = MmsHttpMessage::Response(200, "OK");
            resp.AddHeader("Content-Type", "application/vnd.wap.mms-message");
            if (req.method == "GET")
            {
                MmsMultipartBody body;
                MmsPart text;
                text.contentType = MmsWspContentType("text/plain");
                text.data = MmsContent(std::string("hello from ns-3"));
                body.parts = {text};
                MmsPdu conf = MmsPdu::MakeRetrieveConf(
                    "",
                    "m0001@mmsc",
                    FROM,
                    {TO},
                    1795600800,
                    MmsWspContentType("application/vnd.wap.multipart.mixed"),
                    body);
                resp.body = conf.Encode();
                m_mmscGot.push_back(0); // a GET
            }
            else
            {
                MmsPdu pdu;
                MmsDecodeError e;
                if (!MmsPdu::Decode(req.body.data(), req.body.size(), pdu, e))
                {
                    m_errors.push_back("mmsc: " + e.ToString());
                    continue;
                }
                m_mmscGot.push_back(pdu.GetMessageType());
                if (pdu.GetMessageType() == static_cast<uint8_t>(MmsMessageType::SEND_REQ))
                {
                    m_receivedSendReqSize = req.body.size();
                    resp.body = MmsPdu::MakeSendConf(
                                    pdu.GetTransactionId(), MmsValue::RESPONSE_OK, "m0001@mmsc")
                                    .Encode();
                    MmsPdu n = MmsPdu::MakeNotificationInd(
                        "notify-0001", FROM, pdu.GetContentSize(), 72 * 3600, LOCATION);
                    Simulator::Schedule(MilliSeconds(200), &MmsWiresharkTestCase::Push, this, n);
                }
                else if (pdu.GetMessageType()
                         == static_cast<uint8_t>(MmsMessageType::NOTIFYRESP_IND))
                {
                    MmsPdu d = MmsPdu::MakeDeliveryInd(
                        "m0001@mmsc", TO, 1795600801, MmsValue::STATUS_RETRIEVED);
                    Simulator::Schedule(MilliSeconds(200), &MmsWiresharkTestCase::Push, this, d);
                }
            }
            std::vector<uint8_t> b = resp.Serialize();
            s->Send(Create<Packet>(b.data(), b.size()));
        }
    }

    void Push(MmsPdu pdu)
    {
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(MmsWspPushHeader(MmsWspPushPdu::MakeMmsPush(++m_pushTid, pdu.Encode())));
        m_pushSocket->SendTo(p, 0, InetSocketAddress(m_handsetAddress, PUSH_PORT));
    }

    void DoRun() override
    {
        std::string tshark;
        if (!FindTshark(tshark))
        {
            return;
        }

        mmstest::TwoNodes net = mmstest::BuildTwoNodes("2Mbps", "20ms", "10.1.1.0");
        NodeContainer& nodes = net.nodes;
        NetDeviceContainer& devices = net.devices;
        Ipv4InterfaceContainer& ifs = net.addresses;
        m_handsetAddress = ifs.GetAddress(0);
        std::string pcap = CreateTempDirFilename("mms-wireshark.pcap");
        // The handset's link, as PointToPointHelper::EnablePcap() would capture it, with a file
        // we can close before tshark reads it.
        Ptr<PcapFileWrapper> pcapFile = Capture(pcap, devices.Get(0));

        Ptr<Socket> listener = Socket::CreateSocket(nodes.Get(1), TcpSocketFactory::GetTypeId());
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), HTTP_PORT));
        listener->Listen();
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&MmsWiresharkTestCase::Accept, this));
        m_pushSocket = Socket::CreateSocket(nodes.Get(1), UdpSocketFactory::GetTypeId());
        m_pushSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), WSP_PORT));
        Ptr<Socket> pushSink = Socket::CreateSocket(nodes.Get(0), UdpSocketFactory::GetTypeId());
        pushSink->Bind(InetSocketAddress(Ipv4Address::GetAny(), PUSH_PORT));
        pushSink->SetRecvCallback(MakeCallback(&MmsWiresharkTestCase::HandsetPush, this));
        m_client = Socket::CreateSocket(nodes.Get(0), TcpSocketFactory::GetTypeId());
        m_client->Bind();
        m_client->SetConnectCallback(MakeCallback(&MmsWiresharkTestCase::Connected, this),
                                     MakeNullCallback<void, Ptr<Socket>>());
        m_client->SetRecvCallback(MakeCallback(&MmsWiresharkTestCase::HandsetRecv, this));
        // A member function, not a lambda: ns-3 schedules lambdas only from 3.36 on.
        Simulator::Schedule(
            Seconds(1), &MmsWiresharkTestCase::StartClient, this, ifs.GetAddress(1));
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        Simulator::Destroy();
        pcapFile->Close();

        for (const auto& e : m_errors)
        {
            NS_TEST_EXPECT_MSG_EQ(e, "", "no decoding error in the exchange");
        }
        // The exchange itself: send-conf, notification, retrieve-conf, delivery report at the
        // handset; send-req, GET, notifyresp at the MMSC.
        std::ostringstream h;
        for (uint8_t t : m_handsetGot)
        {
            h << MmsPdu::MessageTypeName(t) << " ";
        }
        NS_TEST_EXPECT_MSG_EQ(h.str(),
                              "m-send-conf m-notification-ind m-retrieve-conf m-delivery-ind ",
                              "PDUs at the handset");
        NS_TEST_EXPECT_MSG_EQ(m_mmscGot.size(), 3u, "PDUs at the MMSC");
        NS_TEST_EXPECT_MSG_EQ(m_receivedSendReqSize, m_sendReqSize, "M-Send.req arrived whole");

        // What Wireshark sees.
        std::string out;
        int rc = RunTshark(tshark,
                           pcap,
                           "-Y mmse -T fields -E separator='|' -e mmse.message_type"
                           " -e mmse.transaction_id -e mmse.mms_version -e mmse.from -e mmse.to"
                           " -e mmse.message_size -e mmse.content_location"
                           " -e mmse.response_status -e mmse.status -e mmse.message_id"
                           " -e wsp.header.x_wap_application_id -e mmse.subject",
                           out);
        NS_TEST_ASSERT_MSG_EQ(rc, 0, "tshark failed: " << out);
        std::istringstream lines(out);
        std::string line;
        std::vector<std::string> rows;
        while (std::getline(lines, line))
        {
            rows.push_back(line);
        }
        std::string all = out;
        NS_TEST_ASSERT_MSG_EQ(rows.size(), 6u, "six MMS PDUs dissected:\n" << all);
        // message type|tid|version|from|to|size|location|response status|status|message id|
        // app id|subject
        NS_TEST_EXPECT_MSG_EQ(rows[0],
                              "0x80|send-0001|1.2|" + FROM + "|" + TO + "||||||" + "|ns-3 test",
                              "M-Send.req in HTTP POST:\n"
                                  << all);
        NS_TEST_EXPECT_MSG_EQ(rows[1],
                              "0x81|send-0001|1.2|||||0x80||m0001@mmsc||",
                              "M-Send.conf in HTTP 200:\n"
                                  << all);
        NS_TEST_EXPECT_MSG_EQ(rows[2],
                              "0x82|notify-0001|1.2|" + FROM + "||" + std::to_string(20000 + 15)
                                  + "|" + LOCATION + "||||x-wap-application:mms.ua|",
                              "M-Notification.ind in WSP Push:\n"
                                  << all);
        NS_TEST_EXPECT_MSG_EQ(rows[3],
                              "0x84||1.2|" + FROM + "|" + TO + "|||||m0001@mmsc||",
                              "M-Retrieve.conf in HTTP 200:\n"
                                  << all);
        NS_TEST_EXPECT_MSG_EQ(rows[4],
                              "0x83|notify-0001|1.2||||||0x81|||",
                              "M-NotifyResp.ind in HTTP POST:\n"
                                  << all);
        NS_TEST_EXPECT_MSG_EQ(rows[5],
                              "0x86||1.2||" + TO + "||||0x81|m0001@mmsc|x-wap-application:mms.ua|",
                              "M-Delivery.ind in WSP Push:\n"
                                  << all);
    }

    MmsHttpParser m_clientParser{false};
    MmsHttpParser m_serverParser{true};
    Ptr<Socket> m_client;
    Ptr<Socket> m_pushSocket;
    Ipv4Address m_handsetAddress;
    std::string m_notificationTid;
    uint8_t m_pushTid{0};
    std::size_t m_sendReqSize{0};
    std::size_t m_receivedSendReqSize{0};
    std::vector<uint8_t> m_handsetGot;
    std::vector<uint8_t> m_mmscGot;
    std::vector<std::string> m_errors;
};

/// WTP and WSP PDUs from the codec sent over ns-3 UDP between a handset and a WAP gateway,
/// decoded by tshark.
class MmsWiresharkWtpTestCase : public MmsTsharkTestCase
{
  public:
    MmsWiresharkWtpTestCase()
        : MmsTsharkTestCase(
            "tshark decodes our WTP and WSP PDUs on ports 9201 and 9200 to the fields we "
            "sent")
    {
    }

  private:
    static constexpr uint16_t WTP_PORT = 9201;    // WSP over WTP (connection-mode)
    static constexpr uint16_t WSP_CL_PORT = 9200; // connectionless WSP
    static constexpr uint16_t HANDSET_PORT = 49152;

    /// One datagram: from the handset (else from the gateway), to which gateway port.
    struct Datagram
    {
        bool fromHandset;
        uint16_t gatewayPort;
        std::vector<uint8_t> octets;
    };

    void Send(Ptr<Socket> s, Address to, std::vector<uint8_t> b)
    {
        s->SendTo(Create<Packet>(b.data(), b.size()), 0, to);
    }

    std::vector<Datagram> Exchange() const
    {
        MmsWspContentType mms("application/vnd.wap.mms-message");
        std::vector<MmsWspCapability> caps = {
            MmsWspCapability::Size(MmsWspCapability::CLIENT_SDU_SIZE, 3000),
            MmsWspCapability::Size(MmsWspCapability::SERVER_SDU_SIZE, 3000),
            MmsWspCapability::ProtocolOptions(MmsWspCapability::OPTION_PUSH
                                              | MmsWspCapability::OPTION_SESSION_RESUME),
            MmsWspCapability::Mor(MmsWspCapability::METHOD_MOR, 1)};
        MmsMultipartBody body;
        MmsPart text;
        text.contentType = MmsWspContentType("text/plain");
        text.data = MmsContent(std::string("hello over WTP"));
        body.parts = {text};
        MmsPdu req = MmsPdu::MakeSendReq("wtp-0001",
                                         "",
                                         {"+358409876543/TYPE=PLMN"},
                                         MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                         body);
        MmsPdu conf = MmsPdu::MakeSendConf("wtp-0001", MmsValue::RESPONSE_OK, "m7@mmsc");
        MmsPdu retrieved =
            MmsPdu::MakeRetrieveConf("",
                                     "m7@mmsc",
                                     "+358401234567/TYPE=PLMN",
                                     {"+358409876543/TYPE=PLMN"},
                                     1795600800,
                                     MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                     body);
        MmsWtpPdu post = MmsWtpPdu::MakeInvoke(
            2,
            MmsWtpPdu::CLASS_2,
            MmsWspSessionPdu::MakePost("http://mmsc/", mms, req.Encode()).Encode());
        post.AddTpi(MmsWtpTpi::Option(MmsWtpTpi::OPT_MAX_GROUP, 9600));
        MmsWtpPdu ackPsn = MmsWtpPdu::MakeAck(0x8005);
        ackPsn.AddTpi(MmsWtpTpi::Psn(3));
        MmsWspSessionPdu clGet = MmsWspSessionPdu::MakeGet("http://mmsc/m8");
        clGet.SetConnectionless(true, 0x2a);
        std::vector<Datagram> sar =
            SegmentedPost(MmsWspSessionPdu::MakePost("http://mmsc/", mms, req.Encode()).Encode());
        std::vector<Datagram> all = {
            {true,
             WTP_PORT,
             MmsWtpPdu::MakeInvoke(
                 1, MmsWtpPdu::CLASS_2, MmsWspSessionPdu::MakeConnect(caps).Encode())
                 .Encode()},
            {false,
             WTP_PORT,
             MmsWtpPdu::MakeResult(1,
                                   MmsWspSessionPdu::MakeConnectReply(0x1234, {caps[0]}).Encode())
                 .Encode()},
            {true, WTP_PORT, MmsWtpPdu::MakeAck(1).Encode()},
            {true, WTP_PORT, post.Encode()},
            {false,
             WTP_PORT,
             MmsWtpPdu::MakeResult(2, MmsWspSessionPdu::MakeReply(200, mms, conf.Encode()).Encode())
                 .Encode()},
            {true,
             WTP_PORT,
             MmsWtpPdu::MakeInvoke(
                 3, MmsWtpPdu::CLASS_2, MmsWspSessionPdu::MakeGet("http://mmsc/m7").Encode())
                 .Encode()},
            {false,
             WTP_PORT,
             MmsWtpPdu::MakeResult(
                 3, MmsWspSessionPdu::MakeReply(200, mms, retrieved.Encode()).Encode())
                 .Encode()},
            {true, WTP_PORT, MmsWtpPdu::MakeNack(4, {1, 2}).Encode()},
            {false,
             WTP_PORT,
             MmsWtpPdu::MakeAbort(0x8004, MmsWtpPdu::ABORT_PROVIDER, MmsWtpPdu::REASON_NORESPONSE)
                 .Encode()},
            {false, WTP_PORT, ackPsn.Encode()},
            {true,
             WTP_PORT,
             MmsWtpPdu::MakeInvoke(
                 6,
                 MmsWtpPdu::CLASS_0,
                 MmsWspSessionPdu::MakeSessionEnd(MmsWspSessionPdu::DISCONNECT, 0x1234).Encode(),
                 false)
                 .Encode()},
            {true, WSP_CL_PORT, clGet.Encode()}};
        all.insert(all.end(), sar.begin(), sar.end());
        return all;
    }

    /**
     * A Post as a segmented Invoke (TID 7, packets of 12 octets in groups of 3), as the
     * handset's MmsWtpSarSender cuts it: the first group and its Ack; of the second group the
     * middle packet is lost, the gateway's Negative Ack names it and it comes again (RID set);
     * then the rest, each group acknowledged.
     * \param wsp the WSP Post
     * \return the datagrams
     */
    static std::vector<Datagram> SegmentedPost(const std::vector<uint8_t>& wsp)
    {
        std::vector<Datagram> d;
        MmsWtpSarSender sender(
            MmsWtpPdu::MakeInvoke(7, MmsWtpPdu::CLASS_2, {}), MmsWtpPdu::SEGMENTED_INVOKE, 12, 3);
        sender.Split(wsp);
        auto out = [&d](bool fromHandset, const std::vector<MmsWtpAction>& a)
        {
            for (const auto& x : a)
            {
                d.push_back({fromHandset, WTP_PORT, x.pdu});
            }
        };
        for (int group = 0;; ++group)
        {
            std::vector<MmsWtpAction> a;
            sender.SendGroup(a);
            if (group == 1 && a.size() == 3)
            {
                // The middle packet lost: the gateway asks for it.
                uint8_t lost = static_cast<uint8_t>(sender.GroupEnd() - 1);
                a.erase(a.begin() + 1);
                out(true, a);
                d.push_back({false, WTP_PORT, MmsWtpPdu::MakeNack(0x8007, {lost}).Encode()});
                a.clear();
                sender.Resend({lost}, a);
            }
            out(true, a);
            if (sender.LastGroup())
            {
                break;
            }
            MmsWtpPdu ack = MmsWtpPdu::MakeAck(0x8007);
            ack.AddTpi(MmsWtpTpi::Psn(static_cast<uint8_t>(sender.GroupEnd())));
            d.push_back({false, WTP_PORT, ack.Encode()});
            sender.Acked(sender.GroupEnd());
        }
        return d;
    }

    void DoRun() override
    {
        std::string tshark;
        if (!FindTshark(tshark))
        {
            return;
        }
        mmstest::TwoNodes net = mmstest::BuildTwoNodes("2Mbps", "20ms", "10.1.2.0");
        std::string pcap = CreateTempDirFilename("mms-wireshark-wtp.pcap");
        Ptr<PcapFileWrapper> pcapFile = Capture(pcap, net.devices.Get(0));
        Ptr<Socket> handset = Socket::CreateSocket(net.nodes.Get(0), UdpSocketFactory::GetTypeId());
        handset->Bind(InetSocketAddress(Ipv4Address::GetAny(), HANDSET_PORT));
        Ptr<Socket> gateway = Socket::CreateSocket(net.nodes.Get(1), UdpSocketFactory::GetTypeId());
        gateway->Bind(InetSocketAddress(Ipv4Address::GetAny(), WTP_PORT));
        Ptr<Socket> gatewayCl =
            Socket::CreateSocket(net.nodes.Get(1), UdpSocketFactory::GetTypeId());
        gatewayCl->Bind(InetSocketAddress(Ipv4Address::GetAny(), WSP_CL_PORT));
        std::vector<Datagram> dgrams = Exchange();
        for (std::size_t i = 0; i < dgrams.size(); ++i)
        {
            const Datagram& d = dgrams[i];
            Ptr<Socket> from =
                d.fromHandset ? handset : (d.gatewayPort == WTP_PORT ? gateway : gatewayCl);
            Address to =
                d.fromHandset
                    ? Address(InetSocketAddress(net.addresses.GetAddress(1), d.gatewayPort))
                    : Address(InetSocketAddress(net.addresses.GetAddress(0), HANDSET_PORT));
            Simulator::Schedule(MilliSeconds(100 * (i + 1)),
                                &MmsWiresharkWtpTestCase::Send,
                                this,
                                from,
                                to,
                                d.octets);
        }
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        Simulator::Destroy();
        pcapFile->Close();

        std::string out;
        int rc = RunTshark(
            tshark,
            pcap,
            "-Y '(wtp or wsp) and !(wtp.TID == 7)' -T fields -E separator='|' -e wtp.pdu_type -e "
            "wtp.TID"
            " -e wtp.TID.response -e wtp.inv.transaction_class -e wtp.header.UP -e wtp.tpi.psn"
            " -e wtp.tpi.opt -e wtp.abort.reason.provider -e wtp.header.missing_packets"
            " -e wsp.TID -e wsp.pdu_type -e wsp.server.session_id"
            " -e wsp.capability.client_sdu_size -e wsp.uri -e wsp.reply.status"
            " -e mmse.message_type -e mmse.transaction_id",
            out);
        NS_TEST_ASSERT_MSG_EQ(rc, 0, "tshark failed: " << out);
        // WTP type|TID|response bit|class|U/P|PSN TPI|option TPI|abort reason|missing packets|
        // WSP TID|WSP type|session id|client SDU size|URI|status|MMS type|MMS transaction id
        const char* expected[] = {
            "0x01|0x0001|0|0x02|1||||||0x01||3000||||", // Invoke: Connect
            "0x02|0x0001|1||||||||0x02|4660|3000||||",  // Result: ConnectReply
            "0x03|0x0001|0||||||||||||||",              // Ack
            "0x01|0x0002|0|0x02|1||0x04||||0x60|||http://mmsc/||0x80|wtp-0001", // Post
            "0x02|0x0002|1||||||||0x04||||0x20|0x81|wtp-0001",    // Reply: M-Send.conf
            "0x01|0x0003|0|0x02|1||||||0x40|||http://mmsc/m7|||", // Get
            "0x02|0x0003|1||||||||0x04||||0x20|0x84|",            // Reply: M-Retrieve.conf
            "0x07|0x0004|0||||||2||||||||",                       // Negative Ack
            "0x04|0x0004|1|||||0x08|||||||||",                    // Abort NORESPONSE
            "0x03|0x0005|1|||3|||||||||||",                       // Ack with a PSN TPI
            "0x01|0x0006|0|0x00|0||||||0x05|4660|||||",           // class 0: Disconnect
            "|||||||||0x2a|0x40|||http://mmsc/m8|||"};            // connectionless Get
        std::istringstream lines(out);
        std::string line;
        std::size_t i = 0;
        while (std::getline(lines, line))
        {
            NS_TEST_ASSERT_MSG_LT(i, sizeof(expected) / sizeof(expected[0]), "extra row:\n" << out);
            NS_TEST_EXPECT_MSG_EQ(line, expected[i], "datagram " << i + 1 << ":\n" << out);
            ++i;
        }
        NS_TEST_EXPECT_MSG_EQ(i, sizeof(expected) / sizeof(expected[0]), "rows:\n" << out);

        // The segmented Post (TID 7): packet types, trailer flags, RID, PSN, the PSN TPI of
        // the group Acks, the Negative Ack's missing PSN; the reassembled message is the Post.
        rc = RunTshark(tshark,
                       pcap,
                       "-Y 'wtp.TID == 7' -T fields -E separator='|' -e wtp.pdu_type"
                       " -e wtp.trailer_flags -e wtp.RID -e wtp.header.sequence -e wtp.tpi.psn"
                       " -e wtp.header.missing_packets -e wtp.reassembled.length -e wsp.pdu_type",
                       out);
        NS_TEST_ASSERT_MSG_EQ(rc, 0, "tshark failed: " << out);
        // WTP type|GTR/TTR|RID|PSN (of a Negative Ack: the missing one)|PSN TPI|missing
        // count|reassembled length|WSP type
        NS_TEST_EXPECT_MSG_EQ(out,
                              "0x01|0x00|0|||||\n"         // Invoke, not the last packet
                              "0x05|0x00|0|1||||\n"        // Segmented Invoke 1
                              "0x05|0x02|0|2||||\n"        // 2, GTR: the group ends
                              "0x03||0||2|||\n"            // Ack, PSN TPI 2
                              "0x05|0x00|0|3||||\n"        // 3 (4 is lost)
                              "0x05|0x02|0|5||||\n"        // 5, GTR
                              "0x07||0|4||1||\n"           // Negative Ack: one missing, PSN 4
                              "0x05|0x00|1|4||||\n"        // 4 again, RID set
                              "0x03||0||5|||\n"            // Ack, PSN TPI 5
                              "0x05|0x01|0|6|||78|0x60\n", // 6, TTR: 78 octets, a WSP Post
                              "the segmented Post:\n"
                                  << out);
    }
};

/// mms-first --stack=wsp's network: one MMS from a WAP 1.x handset to another through the WAP
/// gateway (MmsWapGateway), over point-to-point links; tshark decodes the handsets' pcaps as
/// WTP, WSP and MMS, and the gateway's as HTTP towards the Relay.
class MmsWiresharkWapGatewayTestCase : public MmsTsharkTestCase
{
  public:
    MmsWiresharkWapGatewayTestCase()
        : MmsTsharkTestCase(
            "tshark decodes an MMS through the WAP gateway: M-Send.req in a WSP "
            "Post over WTP, M-Send.conf in the Reply, the retrieval as Get and Reply")
    {
    }

  private:
    /// Rows of tshark's fields, one per line.
    std::vector<std::string> Rows(const std::string& tshark,
                                  const std::string& pcap,
                                  const std::string& args)
    {
        std::string out;
        int rc = RunTshark(tshark, pcap, args, out);
        NS_TEST_EXPECT_MSG_EQ(rc, 0, "tshark failed: " << out);
        std::vector<std::string> rows;
        std::istringstream lines(out);
        std::string line;
        while (std::getline(lines, line))
        {
            rows.push_back(line);
        }
        return rows;
    }

    /// Compare rows with the expected ones.
    void Expect(const std::vector<std::string>& rows,
                const std::vector<std::string>& expected,
                const std::string& what)
    {
        std::string all;
        for (const auto& r : rows)
        {
            all += r + "\n";
        }
        NS_TEST_ASSERT_MSG_EQ(rows.size(), expected.size(), what << ":\n" << all);
        for (std::size_t i = 0; i < rows.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(rows[i], expected[i], what << " row " << i + 1 << ":\n" << all);
        }
    }

    void DoRun() override
    {
        std::string tshark;
        if (!FindTshark(tshark))
        {
            return;
        }
        MmsNetworkHelper network;
        network.CreateCore(true);
        NodeContainer handsets = network.CreateHandsets(2);
        MmsHelper mms;
        mms.SetSmscAttribute("DeliveryDelay",
                             StringValue("ns3::ConstantRandomVariable[Constant=3]"));
        mms.SetSmscAttribute("LossProbability", DoubleValue(0));
        mms.InstallCore(network.GetRelayNode(),
                        network.GetServerNode(),
                        network.GetPpgNode(),
                        network.GetSmscNode());
        Ptr<Node> gatewayNode = network.CreateCoreNode();
        Ptr<MmsWapGateway> gateway = mms.InstallWapGateway(gatewayNode);
        ApplicationContainer uas = mms.InstallUserAgents(handsets);
        mms.AssignStreams(1);
        network.AssignStreams(1000);
        std::string pcapA = CreateTempDirFilename("mms-wapgw-originator.pcap");
        std::string pcapB = CreateTempDirFilename("mms-wapgw-recipient.pcap");
        std::string pcapG = CreateTempDirFilename("mms-wapgw-gateway.pcap");
        Ptr<PcapFileWrapper> fileA = Capture(pcapA, handsets.Get(0)->GetDevice(1));
        Ptr<PcapFileWrapper> fileB = Capture(pcapB, handsets.Get(1)->GetDevice(1));
        Ptr<PcapFileWrapper> fileG = Capture(pcapG, gatewayNode->GetDevice(1));
        Ptr<MmsUserAgent> originator = DynamicCast<MmsUserAgent>(uas.Get(0));
        Ptr<MmsUserAgent> recipient = DynamicCast<MmsUserAgent>(uas.Get(1));
        MmsUserAgent::Message m;
        m.to = {recipient->GetMsisdn()};
        m.contentSize = 20000;
        m.subject = "Hello";
        Simulator::Schedule(Seconds(1),
                            [originator, m]()
                            {
                                originator->Send(m);
                            });
        Simulator::Stop(Seconds(300));
        Simulator::Run();
        const MmsWapGateway::Counters c = gateway->GetCounters();
        const MmsRelay::Counters r = mms.GetRelay()->GetCounters();
        Simulator::Destroy();
        fileA->Close();
        fileB->Close();
        fileG->Close();

        NS_TEST_EXPECT_MSG_EQ(r.retrieved, 1, "the Relay saw the retrieval");
        NS_TEST_EXPECT_MSG_EQ(c.sessions, 2, "one WSP session per handset");
        NS_TEST_EXPECT_MSG_EQ(c.accepted, 3, "Post M-Send.req, Get, Post M-NotifyResp.ind");
        NS_TEST_EXPECT_MSG_EQ(c.replies, 5, "two ConnectReplies and three Replies");
        NS_TEST_EXPECT_MSG_EQ(c.aborted + c.malformed + c.refused, 0, "nothing went wrong");
        NS_TEST_EXPECT_MSG_EQ(c.segmentedInvokes, 1, "the M-Send.req in a segmented Invoke");

        const std::string fields =
            "-Y wsp.pdu_type -T fields -E separator='|' -e wtp.pdu_type"
            " -e wtp.inv.transaction_class -e wsp.pdu_type -e wsp.server.session_id -e wsp.uri"
            " -e wsp.reply.status -e mmse.message_type -e mmse.transaction_id -e mmse.from"
            " -e mmse.subject";
        // WTP type|class|WSP type|session|URI|status|MMS type|MMS transaction id|From|Subject
        Expect(Rows(tshark, pcapA, fields),
               {"0x01|0x02|0x01|||||||", // Invoke class 2: Connect
                "0x02||0x02|1||||||",    // Result: ConnectReply, session 1
                // The Post in a segmented Invoke, reassembled: M-Send.req.
                "0x05||0x60||http://mmsc.mms.example.net/mms||0x80|447700900001-1|"
                "<insert address>|Hello",
                "0x02||0x04|||0x20|0x81|447700900001-1||"}, // Reply 200: M-Send.conf
               "originator");
        Expect(Rows(tshark, pcapB, fields),
               {"0x01|0x02|0x01|||||||",
                "0x02||0x02|2||||||",
                "0x01|0x02|0x40||http://mmsc.mms.example.net/mms/r/M00000001/0|||||", // Get
                // The Reply in a segmented Result, reassembled: M-Retrieve.conf.
                "0x06||0x04|||0x20|0x84|RM00000001/0|+447700900001/TYPE=PLMN|Hello",
                "0x01|0x02|0x60||http://mmsc.mms.example.net/mms||0x83|NM00000001/0||",
                "0x02||0x04|||0x24||||"}, // Reply 204 (0x24)
               "recipient");
        // Towards the Relay: HTTP/1.1 with the handset's number.
        Expect(Rows(tshark,
                    pcapG,
                    "-Y http.request -T fields -E separator='|' -e http.request.method"
                    " -e http.request.uri -e mmse.message_type"),
               {"POST|/mms|0x80", "GET|/mms/r/M00000001/0|", "POST|/mms|0x83"},
               "gateway to Relay");
    }
};

/// One MM4_forward.REQ from one Relay to another in an SMTP dialogue over ns-3 TCP, decoded
/// by tshark's SMTP and IMF dissectors.
class MmsWiresharkSmtpTestCase : public MmsTsharkTestCase
{
  public:
    MmsWiresharkSmtpTestCase()
        : MmsTsharkTestCase(
            "tshark decodes the MM4 SMTP dialogue and the IMF message of an ns-3 pcap")
    {
    }

  private:
    static constexpr uint16_t SMTP_PORT = 25; // RFC 5321 section 4.5.4.2 / IANA
    const std::string A = MmsMm4Message::MmseDomain(234, 10);
    const std::string B = MmsMm4Message::MmseDomain(234, 20);

    void Accept(Ptr<Socket> s, const Address&)
    {
        Ptr<MmsSmtpConnection> c = CreateObject<MmsSmtpConnection>();
        c->AttachServer(s, B);
        c->SetMailCallback(MakeCallback(&MmsWiresharkSmtpTestCase::Mail, this));
        m_server = c;
    }

    void Mail(Ptr<MmsSmtpConnection>, const MmsSmtpMail& mail)
    {
        m_received.push_back(mail);
    }

    void Done(Ptr<MmsSmtpConnection> c)
    {
        m_outcomes = c->GetClient()->GetOutcomes();
    }

    void Start(Ipv4Address server)
    {
        m_clientSocket->Connect(InetSocketAddress(server, SMTP_PORT));
    }

    static std::string Domain(const std::string& address)
    {
        return address.rfind("+4479", 0) == 0 ? MmsMm4Message::MmseDomain(234, 20)
                                              : MmsMm4Message::MmseDomain(234, 10);
    }

    void DoRun() override
    {
        std::string tshark;
        if (!FindTshark(tshark))
        {
            return;
        }
        MmsMultipartBody body;
        MmsPart text;
        text.contentType = MmsWspContentType("text/plain");
        text.contentType.SetCharset(MmsWspCharset::UTF_8);
        text.data = MmsContent(std::string("hello across operators"));
        MmsPart photo;
        photo.contentType = MmsWspContentType("image/jpeg");
        photo.data = MmsContent::Virtual(3000);
        body.parts = {text, photo};
        MmsPdu req = MmsPdu::MakeSendReq("send-0001",
                                         "",
                                         {"+4479876543/TYPE=PLMN"},
                                         MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                         body);
        MmsMm4Message fwd = MmsMm4Message::FromSendReq(req,
                                                       "+4412345678/TYPE=PLMN",
                                                       "m0001@" + A,
                                                       "mm4-0001",
                                                       1000000000,
                                                       &MmsWiresharkSmtpTestCase::Domain,
                                                       "system-user@" + A);
        MmsSmtpMail mail;
        mail.from = fwd.from;
        mail.recipients = fwd.to;
        mail.content = fwd.Serialize();

        mmstest::TwoNodes net = mmstest::BuildTwoNodes("2Mbps", "20ms", "10.1.2.0");
        std::string pcap = CreateTempDirFilename("mms-smtp.pcap");
        Ptr<PcapFileWrapper> pcapFile = Capture(pcap, net.devices.Get(0));
        Ptr<Socket> listener =
            Socket::CreateSocket(net.nodes.Get(1), TcpSocketFactory::GetTypeId());
        listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), SMTP_PORT));
        listener->Listen();
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&MmsWiresharkSmtpTestCase::Accept, this));
        m_clientSocket = Socket::CreateSocket(net.nodes.Get(0), TcpSocketFactory::GetTypeId());
        m_clientSocket->Bind();
        Ptr<MmsSmtpConnection> client = CreateObject<MmsSmtpConnection>();
        client->AttachClient(m_clientSocket, A);
        client->SetDoneCallback(MakeCallback(&MmsWiresharkSmtpTestCase::Done, this));
        client->Send(mail);
        client->Quit();
        Simulator::Schedule(
            Seconds(1), &MmsWiresharkSmtpTestCase::Start, this, net.addresses.GetAddress(1));
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        Simulator::Destroy();
        pcapFile->Close();

        NS_TEST_ASSERT_MSG_EQ(m_outcomes.size(), 1U, "the dialogue ended");
        NS_TEST_EXPECT_MSG_EQ(m_outcomes[0].delivered, true, "delivered");
        NS_TEST_ASSERT_MSG_EQ(m_received.size(), 1U, "the server got the mail");
        NS_TEST_EXPECT_MSG_EQ(m_received[0].content, mail.content, "octet for octet");
        MmsMm4Message got;
        std::string error;
        NS_TEST_EXPECT_MSG_EQ(
            MmsMm4Message::Parse(
                m_received[0].content.data(), m_received[0].content.size(), got, error),
            true,
            error);

        // The SMTP commands as Wireshark sees them.
        std::string out;
        std::string cmd = tshark + " -n -r '" + pcap
                          + "' -Y smtp.req -T fields -E separator='|' -e smtp.req.command"
                            " -e smtp.req.parameter 2>/dev/null";
        NS_TEST_ASSERT_MSG_EQ(mmstest::RunCommand(cmd, out), 0, "tshark failed: " << out);
        // MAIL, RCPT and DATA are pipelined (RFC 2920) in one segment: one frame with three
        // commands (tshark lists a frame's values comma-separated, empty ones left out).
        NS_TEST_EXPECT_MSG_EQ(out,
                              "EHLO|" + A + "\nMAIL,RCPT,DATA|FROM:<" + fwd.from
                                  + "> SIZE=" + std::to_string(mail.content.size()) + ",TO:<"
                                  + fwd.to[0] + ">\nQUIT|\n",
                              "SMTP commands");
        cmd = tshark + " -n -r '" + pcap
              + "' -Y smtp.response -T fields -e smtp.response.code 2>/dev/null";
        NS_TEST_ASSERT_MSG_EQ(mmstest::RunCommand(cmd, out), 0, "tshark failed: " << out);
        NS_TEST_EXPECT_MSG_EQ(out, "220\n250\n250,250,354\n250\n221\n", "SMTP replies");
        // The mail, reassembled and dissected as an Internet message.
        cmd = tshark + " -n -r '" + pcap
              + "' -Y imf -T fields -E separator='|' -e imf.from -e imf.to"
                " -e imf.extension.type -e imf.extension.value 2>/dev/null";
        NS_TEST_ASSERT_MSG_EQ(mmstest::RunCommand(cmd, out), 0, "tshark failed: " << out);
        NS_TEST_EXPECT_MSG_EQ((out.find(fwd.from + "|" + fwd.to[0] + "|") == 0), true, out);
        NS_TEST_EXPECT_MSG_EQ((out.find("X-Mms-Message-Type") != std::string::npos), true, out);
        NS_TEST_EXPECT_MSG_EQ((out.find("MM4_forward.REQ") != std::string::npos), true, out);
        NS_TEST_EXPECT_MSG_EQ((out.find("m0001@" + A) != std::string::npos), true, out);
    }

    Ptr<Socket> m_clientSocket;
    Ptr<MmsSmtpConnection> m_server;
    std::vector<MmsSmtpMail> m_received;
    std::vector<MmsSmtpOutcome> m_outcomes;
};

/// The MM4 dialogues of the shipped two-operator scenario, captured on red's Relay link and
/// decoded by tshark's SMTP and IMF dissectors.
class MmsWiresharkTwoOperatorsTestCase : public MmsTsharkTestCase
{
  public:
    MmsWiresharkTwoOperatorsTestCase()
        : MmsTsharkTestCase("tshark decodes the MM4 dialogues of a two-operator scenario run")
    {
    }

  private:
    void DoRun() override
    {
        std::string tshark;
        if (!FindTshark(tshark))
        {
            return;
        }
        MmsScenarioHelper builder;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(mmstest::InstallTwoOperators(builder, 300, error), true, error);
        std::string pcap = CreateTempDirFilename("mms-two-operators.pcap");
        // The Relay's only link (device 0 is the loopback).
        Ptr<PcapFileWrapper> file = Capture(pcap, builder.GetNode("mmsc_red")->GetDevice(1));
        Simulator::Stop(Seconds(1200));
        Simulator::Run();
        const uint64_t forwarded = builder.GetRelays()[0]->GetCounters().forwarded;
        Simulator::Destroy();
        file->Close();
        NS_TEST_ASSERT_MSG_GT(forwarded, 0u, "red forwarded messages over MM4");

        // Every EHLO names an operator's MMSE domain; red's forwards are MM4_forward.REQ.
        std::string out;
        NS_TEST_ASSERT_MSG_EQ(
            RunTshark(tshark,
                      pcap,
                      "-Y 'smtp.req.command == \"EHLO\"' -T fields -e smtp.req.parameter",
                      out),
            0,
            "tshark failed: " << out);
        NS_TEST_EXPECT_MSG_EQ((out.find("mms.red.example.net") != std::string::npos), true, out);
        NS_TEST_EXPECT_MSG_EQ((out.find("mms.blue.example.net") != std::string::npos), true, out);
        NS_TEST_ASSERT_MSG_EQ(RunTshark(tshark,
                                        pcap,
                                        "-Y imf -T fields -E separator='|' -e imf.from"
                                        " -e imf.extension.type -e imf.extension.value",
                                        out),
                              0,
                              "tshark failed: " << out);
        uint64_t forwards = 0;
        std::istringstream lines(out);
        std::string line;
        while (std::getline(lines, line))
        {
            if (line.find("X-Mms-Message-Type") != std::string::npos
                && line.find("MM4_forward.REQ") != std::string::npos
                && line.find("@mms.red.example.net|") != std::string::npos)
            {
                ++forwards;
            }
        }
        // One mail per forwarded (message, recipient), each reassembled and dissected once.
        NS_TEST_EXPECT_MSG_EQ(forwards, forwarded, "MM4_forward.REQ from red:\n" << out);
    }
};

/// The MM3 dialogues of one MMSE and a mail server (an MMS to an e-mail address, an e-mail
/// to a subscriber), captured on the mail server's link and decoded by tshark's SMTP and IMF
/// dissectors.
class MmsWiresharkMm3TestCase : public MmsTsharkTestCase
{
  public:
    MmsWiresharkMm3TestCase()
        : MmsTsharkTestCase("tshark decodes the MM3 SMTP dialogues and their IMF messages")
    {
    }

  private:
    void DoRun() override
    {
        std::string tshark;
        if (!FindTshark(tshark))
        {
            return;
        }
        MmsNetworkHelper net;
        net.CreateCore(true);
        NodeContainer handsets = net.CreateHandsets(1);
        Ptr<Node> mailNode = net.CreateCoreNode();
        MmsHelper mms;
        mms.InstallCore(
            net.GetRelayNode(), net.GetServerNode(), net.GetPpgNode(), net.GetSmscNode());
        ApplicationContainer uas = mms.InstallUserAgents(handsets);
        mms.AssignStreams(1);
        Ptr<MmsRelay> relay = mms.GetRelay();
        Ptr<MmsMailServer> mail = CreateObject<MmsMailServer>();
        mailNode->AddApplication(mail);
        mail->SetDirectory(relay->GetDirectory());
        mail->SetRelayAddress(
            InetSocketAddress(MmsNetworkHelper::GetAddress(net.GetRelayNode()), 2525));
        mail->SetAttribute("Mails", UintegerValue(1));
        mail->SetAttribute("Interval", StringValue("ns3::ConstantRandomVariable[Constant=5]"));
        mail->SetAttribute("ContentSize", UintegerValue(2000));
        mail->AssignStreams(1000);
        relay->GetMm4()->SetMailServer(
            InetSocketAddress(MmsNetworkHelper::GetAddress(mailNode), 0));
        MmsUserAgent::Message m;
        m.to = {"user1@mail.example.net"};
        m.contentSize = 3000;
        Simulator::Schedule(
            Seconds(1), &MmsUserAgent::Send, DynamicCast<MmsUserAgent>(uas.Get(0)), m);
        std::string pcap = CreateTempDirFilename("mms-mm3.pcap");
        // The mail server's only link (device 0 is the loopback).
        Ptr<PcapFileWrapper> file = Capture(pcap, mailNode->GetDevice(1));
        Simulator::Stop(Seconds(300));
        Simulator::Run();
        const uint64_t forwarded = relay->GetCounters().forwarded;
        const uint64_t received = relay->GetCounters().mm3Received;
        Simulator::Destroy();
        file->Close();
        NS_TEST_ASSERT_MSG_EQ(forwarded, 1u, "the MMS went to the mail server");
        NS_TEST_ASSERT_MSG_EQ(received, 1u, "the e-mail reached the Relay");
        const std::string number = mms.GetMsisdn(0);

        // The Relay's MM3 port is not SMTP's: tshark is told to read it as SMTP.
        const std::string decode = "-d tcp.port==2525,smtp ";
        std::string out;
        NS_TEST_ASSERT_MSG_EQ(
            RunTshark(tshark,
                      pcap,
                      decode + "-Y smtp.req -T fields -E separator='|' -e smtp.req.command",
                      out),
            0,
            "tshark failed: " << out);
        // Each dialogue: EHLO, then MAIL, RCPT and DATA pipelined in one segment, QUIT.
        NS_TEST_EXPECT_MSG_EQ(
            out, "EHLO\nMAIL,RCPT,DATA\nQUIT\nEHLO\nMAIL,RCPT,DATA\nQUIT\n", "two SMTP dialogues");
        NS_TEST_ASSERT_MSG_EQ(
            RunTshark(
                tshark, pcap, decode + "-Y smtp.response -T fields -e smtp.response.code", out),
            0,
            "tshark failed: " << out);
        NS_TEST_EXPECT_MSG_EQ(out,
                              "220\n250\n250,250,354\n250\n221\n220\n250\n250,250,354\n250\n221\n",
                              "SMTP replies");
        NS_TEST_ASSERT_MSG_EQ(RunTshark(tshark,
                                        pcap,
                                        decode
                                            + "-Y imf -T fields -E separator='|' -e imf.from"
                                              " -e imf.to -e imf.content.type"
                                              " -e imf.extension.type",
                                        out),
                              0,
                              "tshark failed: " << out);
        // The MMS as mail: from the subscriber at the MMSE's domain, multipart, no X-Mms
        // field; the e-mail: from the mail server's user to the subscriber's address.
        const std::string plmn = number + "/TYPE=PLMN@mms.example.net";
        NS_TEST_EXPECT_MSG_EQ(out,
                              plmn
                                  + "|user1@mail.example.net|multipart/mixed; "
                                    "boundary=\"=_mm4_M00000001\"|\n"
                                  + "user1@mail.example.net|" + plmn
                                  + "|multipart/mixed; boundary=\"=_mail1_mail.example.net\"|\n",
                              "the two mails");
        NS_TEST_EXPECT_MSG_EQ(out.find("X-Mms"), std::string::npos, "no X-Mms field");
    }
};

/// The suite.
class MmsWiresharkTestSuite : public TestSuite
{
  public:
    MmsWiresharkTestSuite()
        : TestSuite("mms-wireshark", Type::SYSTEM)
    {
        AddTestCase(new MmsWiresharkTestCase);
        AddTestCase(new MmsWiresharkWtpTestCase);
        AddTestCase(new MmsWiresharkWapGatewayTestCase);
        AddTestCase(new MmsWiresharkSmtpTestCase);
        AddTestCase(new MmsWiresharkTwoOperatorsTestCase);
        AddTestCase(new MmsWiresharkMm3TestCase);
    }
};

static MmsWiresharkTestSuite g_mmsWiresharkTestSuite; //!< Static variable for test initialization
