/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// MM3 (e-mail) over ns-3 TCP: one MMSE and an external mail server on a core node. An MMS to
// an e-mail address arrives at the mail server as a MIME mail; e-mails to subscribers become
// MMS notifications and are retrieved; 5xx fails, 4xx retries; an unknown local address gets
// 550; garbage SMTP and MIME sent to the Relay's MM3 and MM4 listeners and to the mail server's
// get their error replies, counted.

#include "mms-test-data.h"
#include "mms-test-world.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cstdio>
#include <map>
#include <sstream>

using namespace ns3;

namespace
{
const std::string USER1 = "user1@mail.example.net";

/// One MMSE of `handsets` handsets and a mail server on a core node of its own; MM3 on.
class Mm3World
{
  public:
    explicit Mm3World(uint32_t handsets)
        : w(handsets)
    {
        mailNode = w.net.CreateCoreNode();
        w.mms.SetSmscAttribute("DeliveryDelay",
                               StringValue("ns3::ConstantRandomVariable[Constant=3]"));
        w.mms.SetSmscAttribute("LossProbability", DoubleValue(0));
        w.mms.SetUserAgentAttribute("DeferredDelay",
                                    StringValue("ns3::ConstantRandomVariable[Constant=60]"));
        mail = CreateObject<MmsMailServer>();
    }

    /// Install the MMSE and the mail server; turn MM3 on at the Relay.
    void Install()
    {
        w.Install(1);
        mailNode->AddApplication(mail);
        mail->SetDirectory(Relay()->GetDirectory());
        mail->SetRelayAddress(
            InetSocketAddress(MmsNetworkHelper::GetAddress(w.net.GetRelayNode()), 2525));
        mail->AssignStreams(9001);
        Relay()->GetMm4()->SetMailServer(
            InetSocketAddress(MmsNetworkHelper::GetAddress(mailNode), 0));
        Relay()->GetMm4()->TraceConnectWithoutContext("MailDone", MakeBoundCallback(&OnMail, this));
    }

    Ptr<MmsRelay> Relay() const
    {
        return w.mms.GetRelay();
    }

    Ptr<MmsRelayMm4Agent> Agent() const
    {
        return Relay()->GetMm4();
    }

    std::string Dump() const
    {
        std::ostringstream os;
        for (const auto& m : mails)
        {
            os << "\n  " << m;
        }
        return os.str() + w.Dump();
    }

    ::mmstest::MmsWorld w;
    Ptr<Node> mailNode;
    Ptr<MmsMailServer> mail;
    std::vector<std::string> mails; //!< "t peer type code" of each mail attempt
    std::vector<double> times;      //!< and its time

  private:
    static void OnMail(Mm3World* self,
                       const std::string& peer,
                       const std::string& type,
                       int code,
                       const std::string&)
    {
        self->mails.push_back(peer + " " + type + " " + std::to_string(code));
        self->times.push_back(Simulator::Now().GetSeconds());
    }
};

void
SendAt(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}

MmsUserAgent::Message
To(const std::vector<std::string>& to, uint32_t size = 20000)
{
    MmsUserAgent::Message m;
    m.to = to;
    m.contentSize = size;
    m.subject = "Holiday";
    return m;
}

/// A raw TCP client: sends its text once connected and keeps every octet it receives.
class RawClient : public SimpleRefCount<RawClient>
{
  public:
    RawClient(Ptr<Node> node, const Address& to, const std::string& text)
        : m_text(text)
    {
        m_socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
        m_socket->Bind();
        m_socket->SetConnectCallback(MakeCallback(&RawClient::Connected, this),
                                     MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetRecvCallback(MakeCallback(&RawClient::Recv, this));
        m_socket->Connect(to);
    }

    /// The reply codes of the complete replies received ("250-" lines are not counted).
    std::vector<std::string> Codes() const
    {
        std::vector<std::string> out;
        std::istringstream in(received);
        std::string line;
        while (std::getline(in, line))
        {
            if (line.size() >= 4 && line[3] == ' ')
            {
                out.push_back(line.substr(0, 3));
            }
        }
        return out;
    }

    void Close()
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
    }

    std::string received;

  private:
    void Connected(Ptr<Socket> s)
    {
        s->Send(reinterpret_cast<const uint8_t*>(m_text.data()), m_text.size(), 0);
    }

    void Recv(Ptr<Socket> s)
    {
        Ptr<Packet> p;
        while ((p = s->Recv()))
        {
            std::string chunk(p->GetSize(), '\0');
            p->CopyData(reinterpret_cast<uint8_t*>(chunk.data()), chunk.size());
            received += chunk;
        }
    }

    std::string m_text;
    Ptr<Socket> m_socket;
};

/// Open a raw client (once the simulation runs).
void
Connect(Ptr<RawClient>* out, Ptr<Node> node, InetSocketAddress to, std::string text)
{
    *out = Create<RawClient>(node, to, text);
}
} // namespace

/// An MMS to an e-mail address and a subscriber: the mail at the mail server has the MM's
/// parts with their sizes, no X-Mms field; the route rows say MM3 and MM1.
class MmsMm3ToEmailTestCase : public TestCase
{
  public:
    MmsMm3ToEmailTestCase()
        : TestCase("MMS to an e-mail address: a MIME mail at the mail server")
    {
    }

  private:
    void DoRun() override
    {
        const std::string path = CreateTempDirFilename("mms-mm3.sqlite");
        for (const char* suffix : {"", "-wal", "-shm"})
        {
            std::remove((path + suffix).c_str());
        }
        std::string error;
        {
            Mm3World m(2);
            m.Install();
            Ptr<MmsSqliteRecorder> recorder = CreateObject<MmsSqliteRecorder>();
            recorder->SetAttribute("Path", StringValue(path));
            NS_TEST_ASSERT_MSG_EQ(recorder->Open(error), true, error);
            recorder->ConnectAll();
            Simulator::Schedule(
                Seconds(1), &SendAt, m.w.Ua(0), To({USER1, m.w.mms.GetMsisdn(1)}, 30000));
            Simulator::Stop(Seconds(600));
            Simulator::Run();

            const MmsRelay::Counters& r = m.Relay()->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(r.recipients, 2u, "two pairs");
            NS_TEST_EXPECT_MSG_EQ(r.forwarded, 1u, "the e-mail recipient: Forwarded" << m.Dump());
            NS_TEST_EXPECT_MSG_EQ(r.retrieved, 1u, "the subscriber retrieved it");
            NS_TEST_EXPECT_MSG_EQ(r.failed, 0u, "nothing failed");
            NS_TEST_EXPECT_MSG_EQ(m.Relay()->GetPendingRecipients(), 0u, "nothing pending");
            NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(m.mails),
                                  ::mmstest::Join({"mail MM3 250"}),
                                  "one MM3 mail, accepted");
            const MmsRelayMm4Agent::Counters& a = m.Agent()->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(a.mm3Routed, 1u, "routed");
            NS_TEST_EXPECT_MSG_EQ(a.mm3Sent, 1u, "sent");
            NS_TEST_EXPECT_MSG_EQ(a.connections, 1u, "one SMTP connection");
            NS_TEST_EXPECT_MSG_EQ(m.mail->GetCounters().accepted, 1u, "the server accepted it");
            NS_TEST_ASSERT_MSG_EQ(m.mail->GetMails().size(), 1u, "one mail kept");
            const MmsMailServer::Mail& mail = m.mail->GetMails()[0];
            NS_TEST_EXPECT_MSG_EQ(
                ::mmstest::Join(mail.recipients), ::mmstest::Join({USER1}), "RCPT");
            NS_TEST_EXPECT_MSG_EQ(mail.from,
                                  m.w.mms.GetMsisdn(0) + "/TYPE=PLMN@mms.example.net",
                                  "MAIL FROM: the originator at the MMSE's domain");
            NS_TEST_EXPECT_MSG_EQ(mail.subject, "Holiday", "Subject");
            NS_TEST_EXPECT_MSG_EQ(mail.contentType, "multipart/mixed", "the MM's multipart");
            NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(mail.partTypes),
                                  ::mmstest::Join({"text/plain", "image/jpeg"}),
                                  "the MM's parts");
            NS_TEST_ASSERT_MSG_EQ(mail.partSizes.size(), 2u, "two parts");
            NS_TEST_EXPECT_MSG_EQ(mail.partSizes[1], 30000u, "the image's exact size");
            // The text part: "MMS " and the transaction id the handset gave the M-Send.req.
            NS_TEST_EXPECT_MSG_GT(mail.partSizes[0], 4u, "the text part");
            // 30,000 octets in base64: 40,000 characters and 526 line breaks, plus the rest.
            NS_TEST_EXPECT_MSG_GT(mail.size, 41052u, "the data holds the whole base64");
            NS_TEST_EXPECT_MSG_LT(mail.size, 42500u, "and not much more");
            recorder->Close();
        }
        MmsSqliteDatabase db;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM delivery_route WHERE interface = 'MM3'"
                        " AND recipient = '"
                        + USER1
                        + "' AND origin_operator IS NULL AND destination_operator = 'e-mail'"),
            1,
            "an MM3 route row for the e-mail recipient");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT forwarded FROM interface_summary WHERE interface = 'MM3'"),
            1,
            "interface_summary: one MM3 pair forwarded");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM delivery_route WHERE interface = 'MM1'"),
            0,
            "no MM1 row in a run without operators");
    }
};

/// The MM3 mail of an M-Send.req: RFC 5322 fields, the MIME body, no X-Mms field.
class MmsMm3MailFormatTestCase : public TestCase
{
  public:
    MmsMm3MailFormatTestCase()
        : TestCase("MM3 mail format: no X-Mms fields, base64 parts of exact size")
    {
    }

  private:
    void DoRun() override
    {
        MmsMultipartBody body;
        MmsPart text;
        text.contentType = MmsWspContentType("text/plain");
        text.data = MmsContent(std::string("Hello"));
        MmsPart image;
        image.contentType = MmsWspContentType("image/jpeg");
        image.data = MmsContent::Virtual(1000);
        body.parts = {text, image};
        MmsPdu req = MmsPdu::MakeSendReq("T1",
                                         "insert-address",
                                         {"bob@mail.example.net"},
                                         MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                         body);
        req.AddField(MmsHeaderField::Octet(MmsField::DELIVERY_REPORT, MmsValue::YES));
        Ptr<MmsRelayMm4Agent> a = CreateObject<MmsRelayMm4Agent>();
        MmsMimeEntity e = a->MakeMm3Mail("M7", "+447700900001/TYPE=PLMN", req);
        std::string s = e.Serialize();
        NS_TEST_EXPECT_MSG_EQ(s.find("X-Mms-"), std::string::npos, "no X-Mms field:\n" << s);
        NS_TEST_EXPECT_MSG_EQ(
            e.GetHeader("From"), "+447700900001/TYPE=PLMN@mms.example.net", "From");
        NS_TEST_EXPECT_MSG_EQ(e.GetHeader("To"), "bob@mail.example.net", "To as it is");
        NS_TEST_EXPECT_MSG_EQ(e.GetHeader("Message-ID"), "<M7@mms.example.net>", "Message-ID");
        NS_TEST_EXPECT_MSG_EQ(e.GetHeader("MIME-Version"), "1.0", "MIME-Version");
        NS_TEST_EXPECT_MSG_EQ(e.HasHeader("Sender"), false, "no system-user Sender");
        NS_TEST_ASSERT_MSG_EQ(e.parts.size(), 2u, "two parts");
        NS_TEST_EXPECT_MSG_EQ(
            e.parts[1].GetHeader("Content-Transfer-Encoding"), "base64", "binary part in base64");
        NS_TEST_EXPECT_MSG_EQ(e.GetSerializedSize(), s.size(), "exact size without the media");
        MmsMimeEntity back;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMimeEntity::Parse(s.data(), s.size(), back, error, false), true, error);
        NS_TEST_EXPECT_MSG_EQ(back.parts[1].content.GetSize(), 1000u, "decoded size");
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::IsEmailAddress("bob@mail.example.net"), true, "an addr-spec");
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::IsEmailAddress("+447700900001/TYPE=PLMN"), false, "a number");
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::IsEmailAddress("+447700900001/TYPE=PLMN@mms.example.net"),
            false,
            "an MMSE's number address is no e-mail recipient");
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::NumberOfMailbox("<+447700900001/TYPE=PLMN@mms.example.net>"),
            "+447700900001",
            "PLMN form");
        NS_TEST_EXPECT_MSG_EQ(MmsRelayMm4Agent::NumberOfMailbox("447700900001@mms.example.net"),
                              "+447700900001",
                              "number form");
        NS_TEST_EXPECT_MSG_EQ(
            MmsRelayMm4Agent::NumberOfMailbox("postmaster@mms.example.net"), "", "not a number");
        Ptr<MmsMailServer> mail = CreateObject<MmsMailServer>();
        NS_TEST_EXPECT_MSG_EQ(mail->SubscriberAddress("+447700900001"),
                              "+447700900001/TYPE=PLMN@mms.example.net",
                              "plmn form");
        mail->SetAttribute("AddressForm", StringValue("number"));
        NS_TEST_EXPECT_MSG_EQ(mail->SubscriberAddress("+447700900001/TYPE=PLMN"),
                              "447700900001@mms.example.net",
                              "number form");
        NS_TEST_EXPECT_MSG_EQ(mail->GetUserAddress(0), USER1, "the first user");
    }
};

/// E-mails to subscribers: each one notified and retrieved (conservation of the pairs).
class MmsMm3FromEmailTestCase : public TestCase
{
  public:
    MmsMm3FromEmailTestCase()
        : TestCase("e-mail to subscribers: notified and retrieved")
    {
    }

  private:
    void DoRun() override
    {
        Mm3World m(3);
        m.mail->SetAttribute("Mails", UintegerValue(6));
        m.mail->SetAttribute("Interval", StringValue("ns3::ConstantRandomVariable[Constant=20]"));
        m.mail->SetAttribute("ContentSize", UintegerValue(12000));
        m.Install();
        Simulator::Stop(Seconds(900));
        Simulator::Run();

        const MmsMailServer::Counters& s = m.mail->GetCounters();
        const MmsRelay::Counters& r = m.Relay()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(s.sent, 6u, "six e-mails sent");
        NS_TEST_EXPECT_MSG_EQ(s.delivered, 6u, "all accepted by the Relay" << m.Dump());
        NS_TEST_EXPECT_MSG_EQ(r.mm3Received, 6u, "six pairs over MM3");
        NS_TEST_EXPECT_MSG_EQ(r.recipients, 6u, "the Relay's pairs");
        NS_TEST_EXPECT_MSG_EQ(r.retrieved, 6u, "all retrieved");
        NS_TEST_EXPECT_MSG_EQ(r.recipients,
                              r.retrieved + r.rejected + r.expired + r.failed + r.forwarded
                                  + m.Relay()->GetPendingRecipients(),
                              "conservation");
        uint64_t retrieved = 0;
        for (uint32_t i = 0; i < 3; ++i)
        {
            retrieved += m.w.Ua(i)->GetCounters().retrieved;
        }
        NS_TEST_EXPECT_MSG_EQ(retrieved, 6u, "the handsets retrieved six messages");
        NS_TEST_EXPECT_MSG_EQ(m.Agent()->GetCounters().mm3Received, 6u, "agent: six in");
        NS_TEST_EXPECT_MSG_EQ(m.Agent()->GetCounters().smtpErrors, 0u, "no SMTP error");
        // The retrievals are on the ladder as for any MM.
        NS_TEST_EXPECT_MSG_GT(m.w.Filter({"m-retrieve-conf"}).size(), 0u, "retrievals");
    }
};

/// The mail server refuses (5xx: Failed at once) or defers (4xx twice, then accepted).
class MmsMm3RefusedTestCase : public TestCase
{
  public:
    MmsMm3RefusedTestCase(uint32_t code, uint32_t count, const std::string& name)
        : TestCase(name)
        , m_code(code)
        , m_count(count)
    {
    }

  private:
    void DoRun() override
    {
        Mm3World m(1);
        m.mail->SetAttribute("RefuseCode", UintegerValue(m_code == 550 ? 0 : m_code));
        m.mail->SetAttribute("RefuseCount", UintegerValue(m_count));
        m.Install();
        std::string why;
        m.Relay()->TraceConnectWithoutContext("Failed",
                                              MakeBoundCallback(
                                                  +[](std::string* s, const MmsEvent& e)
                                                  {
                                                      *s = e.detail;
                                                  },
                                                  &why));
        const std::string to = m_code == 550 ? "user101@mail.example.net" : USER1;
        Simulator::Schedule(Seconds(1), &SendAt, m.w.Ua(0), To({to}));
        Simulator::Stop(Seconds(2000));
        Simulator::Run();

        const MmsRelay::Counters& r = m.Relay()->GetCounters();
        const MmsRelayMm4Agent::Counters& a = m.Agent()->GetCounters();
        if (m_code == 550)
        {
            // user101 is beyond the server's 100 users: refused at RCPT TO.
            NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(m.mails),
                                  ::mmstest::Join({"mail MM3 550"}),
                                  "refused at RCPT TO, no retry");
            NS_TEST_EXPECT_MSG_EQ(r.failed, 1u, "Failed");
            NS_TEST_EXPECT_MSG_EQ(m.mail->GetCounters().unknownRecipients, 1u, "counted");
            NS_TEST_EXPECT_MSG_EQ(m.mail->GetSmtpErrors()[550], 1u, "one 550");
        }
        else if (m_code >= 500)
        {
            NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(m.mails),
                                  ::mmstest::Join({"mail MM3 554"}),
                                  "refused once, no retry");
            NS_TEST_EXPECT_MSG_EQ(r.failed, 1u, "Failed");
            NS_TEST_EXPECT_MSG_EQ(r.forwarded, 0u, "not forwarded");
            NS_TEST_EXPECT_MSG_EQ(a.mm3Failed, 1u, "agent: failed");
            NS_TEST_EXPECT_MSG_EQ(a.retries, 0u, "no retry");
            NS_TEST_EXPECT_MSG_EQ(why.find("MM3 to the mail server: 554"), 0u, why);
            NS_TEST_EXPECT_MSG_EQ(m.mail->GetCounters().refused, 1u, "server: refused");
            NS_TEST_EXPECT_MSG_EQ(m.mail->GetMails().size(), 0u, "server: nothing kept");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(m.mails),
                                  ::mmstest::Join({"mail MM3 451", "mail MM3 451", "mail MM3 250"}),
                                  "deferred twice, then accepted");
            NS_TEST_ASSERT_MSG_EQ(m.times.size(), 3u, "three attempts");
            // The default schedule: at once, then 300 s and 600 s after each deferral.
            NS_TEST_EXPECT_MSG_EQ_TOL(m.times[1] - m.times[0], 300.0, 1.0, "second at +300 s");
            NS_TEST_EXPECT_MSG_EQ_TOL(m.times[2] - m.times[1], 600.0, 1.0, "third at +600 s");
            NS_TEST_EXPECT_MSG_EQ(r.forwarded, 1u, "Forwarded");
            NS_TEST_EXPECT_MSG_EQ(r.failed, 0u, "not failed");
            NS_TEST_EXPECT_MSG_EQ(a.retries, 2u, "two retries");
            NS_TEST_EXPECT_MSG_EQ(m.mail->GetCounters().accepted, 1u, "server: accepted once");
        }
        NS_TEST_EXPECT_MSG_EQ(m.Agent()->GetQueuedMails(), 0u, "queue empty");
    }

    uint32_t m_code;
    uint32_t m_count;
};

/// Without a mail server an e-mail recipient fails at once; an unknown local address in an
/// e-mail to the Relay gets 550.
class MmsMm3UnknownTestCase : public TestCase
{
  public:
    MmsMm3UnknownTestCase()
        : TestCase("no mail server: the e-mail recipient fails, no SMTP")
    {
    }

  private:
    void DoRun() override
    {
        Mm3World m(1);
        m.Install();
        m.Relay()->GetMm4()->SetAttribute("MailServerAddress", StringValue("")); // MM3 off
        Simulator::Schedule(Seconds(1), &SendAt, m.w.Ua(0), To({USER1}));
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m.Relay()->GetCounters().failed, 1u, "Failed without MM3");
        NS_TEST_EXPECT_MSG_EQ(m.Agent()->GetCounters().mm3Unroutable, 1u, "unroutable");
        NS_TEST_EXPECT_MSG_EQ(m.mails.size(), 0u, "no SMTP");
    }
};

/// Mail to addresses of the Relay's domain that are no subscriber: 550 at RCPT, counted.
class MmsMm3UnknownLocalTestCase : public TestCase
{
  public:
    MmsMm3UnknownLocalTestCase()
        : TestCase("e-mail to an unknown local address: 550 at RCPT TO")
    {
    }

  private:
    void DoRun() override
    {
        Mm3World m(1);
        m.Install();
        InetSocketAddress relay(MmsNetworkHelper::GetAddress(m.w.net.GetRelayNode()), 2525);
        std::string dialogue = "EHLO mail.example.net\r\n"
                               "MAIL FROM:<user1@mail.example.net>\r\n"
                               "RCPT TO:<+447799999999/TYPE=PLMN@mms.example.net>\r\n"
                               "RCPT TO:<postmaster@mms.example.net>\r\n"
                               "RCPT TO:<"
                               + m.w.mms.GetMsisdn(0).substr(1)
                               + "@mms.example.net>\r\n"
                                 "DATA\r\n";
        std::string data = "From: user1@mail.example.net\r\n"
                           "Date: Sun, 06 Dec 2026 10:00:00 +0000\r\n"
                           "Subject: Hi\r\n"
                           "\r\n"
                           "Hello\r\n"
                           ".\r\n"
                           "QUIT\r\n";
        Ptr<RawClient> c;
        Simulator::Schedule(Seconds(1), &Connect, &c, m.mailNode, relay, dialogue + data);
        Simulator::Stop(Seconds(200));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_NE(c, nullptr, "connected");
        NS_TEST_EXPECT_MSG_EQ(
            ::mmstest::Join(c->Codes()),
            ::mmstest::Join({"220", "250", "250", "550", "550", "250", "354", "250", "221"}),
            "two unknown addresses refused, the subscriber accepted:\n"
                << c->received);
        NS_TEST_EXPECT_MSG_EQ(m.Agent()->GetCounters().mm3UnknownRecipients, 2u, "counted");
        NS_TEST_EXPECT_MSG_EQ(m.Agent()->GetSmtpErrors()[550], 2u, "550 twice");
        NS_TEST_EXPECT_MSG_EQ(m.Relay()->GetCounters().mm3Received, 1u, "one pair in");
        NS_TEST_EXPECT_MSG_EQ(m.Relay()->GetCounters().retrieved, 1u, "and retrieved");
        c->Close();
    }
};

/// Garbage SMTP commands and malformed MIME to the Relay's MM3 and MM4 listeners.
class MmsMm3GarbageTestCase : public TestCase
{
  public:
    explicit MmsMm3GarbageTestCase(bool mm4)
        : TestCase(mm4 ? "garbage SMTP and MIME to the MM4 listener: error replies counted"
                       : "garbage SMTP and MIME to the MM3 listener: error replies counted")
        , m_mm4(mm4)
    {
    }

  private:
    void DoRun() override
    {
        Mm3World m(1);
        m.Install();
        m.Agent()->SetAttribute("Operator", StringValue("red"));
        m.Agent()->SetAttribute("NumberRanges", StringValue("red=+447700900001-+447700900999"));
        InetSocketAddress relay(MmsNetworkHelper::GetAddress(m.w.net.GetRelayNode()),
                                m_mm4 ? 25 : 2525);
        std::string rcpt = m.w.mms.GetMsisdn(0) + "/TYPE=PLMN@mms.red.example.net";
        std::string text = "EHLO mail.example.net\r\n"
                           "FROB the server\r\n"
                           "MAIL FROM:no-brackets\r\n"
                           "RCPT TO:<"
                           + rcpt
                           + ">\r\n"
                             "MAIL FROM:<user1@mail.example.net>\r\n"
                             "RCPT TO:<"
                           + rcpt
                           + ">\r\n"
                             "DATA\r\n"
                             "From: user1@mail.example.net\r\n"
                             "Date: Sun, 06 Dec 2026 10:00:00 +0000\r\n"
                             "Content-Type: image/jpeg\r\n"
                             "Content-Transfer-Encoding: base64\r\n"
                             "\r\n"
                             "!!!!\r\n"
                             ".\r\n"
                             "QUIT\r\n";
        Ptr<RawClient> c;
        Simulator::Schedule(Seconds(1), &Connect, &c, m.mailNode, relay, text);
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_NE(c, nullptr, "connected");
        NS_TEST_EXPECT_MSG_EQ(
            ::mmstest::Join(c->Codes()),
            ::mmstest::Join({"220", "250", "500", "501", "503", "250", "250", "354", "554", "221"}),
            "each bad command and the bad mail refused:\n"
                << c->received);
        std::map<int, uint64_t> errors = m.Agent()->GetSmtpErrors();
        NS_TEST_EXPECT_MSG_EQ(errors[500], 1u, "500 unknown command");
        NS_TEST_EXPECT_MSG_EQ(errors[501], 1u, "501 bad argument");
        NS_TEST_EXPECT_MSG_EQ(errors[503], 1u, "503 bad sequence");
        NS_TEST_EXPECT_MSG_EQ(errors[554], 1u, "554 bad mail");
        const MmsRelayMm4Agent::Counters& a = m.Agent()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(a.smtpErrors, 4u, "four negative replies");
        NS_TEST_EXPECT_MSG_EQ(m_mm4 ? a.malformed : a.mm3Malformed, 1u, "malformed mail");
        NS_TEST_EXPECT_MSG_EQ(m.Relay()->GetCounters().recipients, 0u, "nothing delivered");
        c->Close();
    }

    bool m_mm4;
};

/// Garbage SMTP commands and malformed mails to the external mail server's listener (port 25):
/// the replies of RFC 5321 in order, the server's counters and its negative replies by code.
class MmsMm3MailServerGarbageTestCase : public TestCase
{
  public:
    MmsMm3MailServerGarbageTestCase()
        : TestCase("garbage SMTP and MIME to the mail server: error replies counted")
    {
    }

  private:
    void DoRun() override
    {
        Mm3World m(1);
        m.Install();
        InetSocketAddress server(MmsNetworkHelper::GetAddress(m.mailNode), 25);
        const std::string from = "MAIL FROM:<+447700900001/TYPE=PLMN@mms.example.net>\r\n";
        const std::string header = "From: +447700900001/TYPE=PLMN@mms.example.net\r\n"
                                   "Date: Sun, 06 Dec 2026 10:00:00 +0000\r\n";
        std::string text = "EHLO mms.example.net\r\n"
                           "FROB the server\r\n"       // 500 unknown command
                           "MAIL FROM:no-brackets\r\n" // 501 bad argument
                           "RCPT TO:<"
                           + USER1 + ">\r\n"                          // 503 RCPT before MAIL
                           + from                                     // 250
                           + "RCPT TO:<user101@mail.example.net>\r\n" // 550 (Users 100)
                             "RCPT TO:<user2@mail.example.net>\r\n"   // 250
                             "DATA\r\n"                               // 354
                           + header
                           + "Content-Type: image/jpeg\r\n"
                             "Content-Transfer-Encoding: base64\r\n"
                             "\r\n"
                             "!!!!\r\n"
                             ".\r\n"                       // 554 bad base64
                           + from                          // 250
                           + "RCPT TO:<" + USER1 + ">\r\n" // 250
                           + "DATA\r\n"                    // 354
                             "No header field here\r\n"
                             "\r\n"
                             "Hello\r\n"
                             ".\r\n"                       // 554 not RFC 5322
                           + from                          // 250
                           + "RCPT TO:<" + USER1 + ">\r\n" // 250
                           + "DATA\r\n"                    // 354
                           + header
                           + "Subject: Hi\r\n"
                             "\r\n"
                             "Hello\r\n"
                             ".\r\n"     // 250
                             "QUIT\r\n"; // 221
        Ptr<RawClient> c;
        Simulator::Schedule(Seconds(1), &Connect, &c, m.w.net.GetRelayNode(), server, text);
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_NE(c, nullptr, "connected");
        std::string codes;
        for (const std::string& code : c->Codes())
        {
            codes += (codes.empty() ? "" : " ") + code;
        }
        NS_TEST_EXPECT_MSG_EQ(codes,
                              "220 250 500 501 503 250 550 250 354 554 250 250 354 554 250 250 "
                              "354 250 221",
                              "each bad command and each bad mail refused:\n"
                                  << c->received);
        NS_TEST_EXPECT_MSG_EQ(
            (c->received.find("554 not an RFC 5322 message: offset") != std::string::npos),
            true,
            "554 says why: " << c->received);
        std::ostringstream errors;
        for (const auto& [code, n] : m.mail->GetSmtpErrors())
        {
            errors << code << ":" << n << " ";
        }
        NS_TEST_EXPECT_MSG_EQ(errors.str(),
                              "500:1 501:1 503:1 550:1 554:2 ",
                              "the server's negative replies by code, nothing else");
        const MmsMailServer::Counters& s = m.mail->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(s.malformed, 2u, "two malformed mails");
        NS_TEST_EXPECT_MSG_EQ(s.unknownRecipients, 1u, "one unknown user");
        NS_TEST_EXPECT_MSG_EQ(s.accepted, 1u, "the good mail accepted");
        NS_TEST_EXPECT_MSG_EQ(s.refused, 0u, "nothing refused by policy");
        NS_TEST_ASSERT_MSG_EQ(m.mail->GetMails().size(), 1u, "only the good mail kept");
        NS_TEST_EXPECT_MSG_EQ(m.mail->GetMails()[0].subject, "Hi", "the good mail");
        NS_TEST_EXPECT_MSG_EQ(::mmstest::Join(m.mail->GetMails()[0].recipients),
                              ::mmstest::Join({USER1}),
                              "its recipient");
        c->Close();
    }
};

/// The traffic model's e-mail recipients: the share, the addresses, no draw at share 0.
class MmsMm3TrafficTestCase : public TestCase
{
  public:
    MmsMm3TrafficTestCase()
        : TestCase("traffic model: EmailShare of recipients are the mail server's users")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<MmsTrafficModel> a = CreateObject<MmsTrafficModel>();
        Ptr<MmsTrafficModel> b = CreateObject<MmsTrafficModel>();
        a->AssignStreams(7);
        b->AssignStreams(7);
        // Share 0: DrawEmail() draws nothing, so the recipients drawn stay those of before.
        bool any = false;
        for (int i = 0; i < 100; ++i)
        {
            any = any || a->DrawEmail();
            NS_TEST_ASSERT_MSG_EQ(
                a->DrawRecipientIndex(1000), b->DrawRecipientIndex(1000), "same draws at share 0");
        }
        NS_TEST_EXPECT_MSG_EQ(any, false, "no e-mail recipient at share 0");
        a->SetAttribute("EmailShare", DoubleValue(0.25));
        a->SetAttribute("EmailUsers", UintegerValue(3));
        a->SetAttribute("EmailDomain", StringValue("mail.example.org"));
        uint32_t emails = 0;
        std::map<std::string, uint32_t> users;
        const uint32_t n = 20000;
        for (uint32_t i = 0; i < n; ++i)
        {
            if (a->DrawEmail())
            {
                emails++;
                users[a->DrawEmailAddress()]++;
            }
        }
        // Binomial(20000, 0.25): standard deviation 61; 5 of them either side.
        NS_TEST_EXPECT_MSG_EQ_TOL(emails, 5000u, 306u, "a quarter are e-mail recipients");
        NS_TEST_EXPECT_MSG_EQ(users.size(), 3u, "three users");
        NS_TEST_EXPECT_MSG_EQ(users.count("user3@mail.example.org"), 1u, "user3 drawn");
        NS_TEST_EXPECT_MSG_EQ(users.count("user4@mail.example.org"), 0u, "never user4");
        a->SetAttribute("EmailShare", DoubleValue(1.5));
        std::string error;
        NS_TEST_EXPECT_MSG_EQ(a->Validate(error), false, "a share above 1 is refused");
        NS_TEST_EXPECT_MSG_EQ((error.find("EmailShare") != std::string::npos), true, error);
    }
};

/// A scenario with a mailserver vertex: the Relay's e-mail recipients reach it, its e-mails
/// reach the subscribers; bad mailserver vertices are refused with their reason.
class MmsMm3ScenarioTestCase : public TestCase
{
  public:
    MmsMm3ScenarioTestCase()
        : TestCase("scenario kind mailserver: built, linked, MM3 both ways")
    {
    }

  private:
    static std::string Dot(const std::string& mailAttributes)
    {
        return "graph g {\n"
               "  mmsc [kind=relay]\n  store [kind=server]\n  ppg [kind=ppg]\n"
               "  smsc [kind=smsc]\n  r [kind=router]\n"
               "  mail [kind=mailserver"
               + mailAttributes
               + "]\n"
                 "  town [kind=cell, subscribers=20, bearer=\"UMTS-384\", MessagesPerHour=30,"
                 " EmailShare=0.3]\n"
                 "  mmsc -- r [rate=\"1Gbps\", delay=\"1ms\"]\n"
                 "  store -- r [rate=\"1Gbps\", delay=\"1ms\"]\n"
                 "  ppg -- r [rate=\"1Gbps\", delay=\"1ms\"]\n"
                 "  smsc -- r [rate=\"1Gbps\", delay=\"1ms\"]\n"
                 "  mail -- r [rate=\"100Mbps\", delay=\"20ms\"]\n"
                 "  town -- r [rate=\"34Mbps\", delay=\"5ms\"]\n"
                 "}\n";
    }

    void DoRun() override
    {
        std::vector<std::string> errors;
        MmsScenario bad;
        NS_TEST_EXPECT_MSG_EQ(bad.Parse(Dot(", RelayAddress=\"1.2.3.4\""), "bad.dot", errors),
                              false,
                              "RelayAddress comes from the graph");
        NS_TEST_EXPECT_MSG_EQ(bad.Parse(Dot(", operator=red"), "bad.dot", errors),
                              false,
                              "no operator on a mail server");
        NS_TEST_EXPECT_MSG_EQ(
            (::mmstest::Join(errors).find("operator is not for mail servers") != std::string::npos),
            true,
            ::mmstest::Join(errors));
        NS_TEST_EXPECT_MSG_EQ(
            bad.Parse(Dot(", Mails=lots"), "bad.dot", errors), false, "attribute values checked");

        MmsScenario scenario;
        NS_TEST_ASSERT_MSG_EQ(
            scenario.Parse(Dot(", Mails=10, Interval=\"ns3::ConstantRandomVariable[Constant=30]\""),
                           "mm3.dot",
                           errors),
            true,
            ::mmstest::Join(errors));
        NS_TEST_EXPECT_MSG_EQ(
            scenario.GetVerticesOfKind(MmsScenario::MAILSERVER).size(), 1u, "one mail server");
        MmsScenarioHelper builder;
        Ptr<MmsTrafficModel> defaults = CreateObject<MmsTrafficModel>();
        builder.SetTrafficModelAttribute("TimeOfDayAtStart",
                                         TimeValue(Seconds(defaults->GetBusyHour() * 3600)));
        builder.Install(scenario);
        builder.AssignStreams(1);
        builder.StopTraffic(Seconds(600));
        Ptr<MmsMailServer> mail;
        Ptr<Node> node = builder.GetNode("mail");
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            mail = mail ? mail : DynamicCast<MmsMailServer>(node->GetApplication(a));
        }
        NS_TEST_ASSERT_MSG_NE(mail, nullptr, "the mail server is installed");
        Ptr<MmsRelay> relay = builder.GetRelays()[0];
        Simulator::Stop(Seconds(1500));
        Simulator::Run();
        const MmsRelay::Counters& r = relay->GetCounters();
        const MmsRelayMm4Agent::Counters& a = relay->GetMm4()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(mail->GetCounters().delivered, 10u, "ten e-mails in");
        NS_TEST_EXPECT_MSG_EQ(r.mm3Received, 10u, "ten pairs over MM3");
        NS_TEST_EXPECT_MSG_GT(a.mm3Sent, 5u, "e-mail recipients of the cell's traffic");
        NS_TEST_EXPECT_MSG_EQ(mail->GetCounters().accepted, a.mm3Sent, "each mail arrived");
        NS_TEST_EXPECT_MSG_EQ(a.mm3Failed + a.mm3Unroutable, 0u, "none failed");
        NS_TEST_EXPECT_MSG_EQ(relay->GetPendingRecipients(), 0u, "all ended");
        NS_TEST_EXPECT_MSG_EQ(r.recipients,
                              r.retrieved + r.rejected + r.expired + r.failed + r.forwarded,
                              "conservation");
        Simulator::Destroy();
    }
};

/// The suite.
class MmsMm3TestSuite : public TestSuite
{
  public:
    MmsMm3TestSuite()
        : TestSuite("mms-mm3", Type::SYSTEM)
    {
        AddTestCase(new MmsMm3MailFormatTestCase);
        AddTestCase(new MmsMm3TrafficTestCase);
        AddTestCase(new MmsMm3ToEmailTestCase);
        AddTestCase(new MmsMm3FromEmailTestCase);
        AddTestCase(new MmsMm3RefusedTestCase(554, 0, "mail server 5xx: Failed, no retry"));
        AddTestCase(new MmsMm3RefusedTestCase(451, 2, "mail server 4xx twice, then accepted"));
        AddTestCase(new MmsMm3RefusedTestCase(550, 0, "unknown e-mail user: 550, Failed"));
        AddTestCase(new MmsMm3UnknownTestCase);
        AddTestCase(new MmsMm3UnknownLocalTestCase);
        AddTestCase(new MmsMm3GarbageTestCase(false));
        AddTestCase(new MmsMm3GarbageTestCase(true));
        AddTestCase(new MmsMm3MailServerGarbageTestCase);
        AddTestCase(new MmsMm3ScenarioTestCase);
    }
};

static MmsMm3TestSuite g_mmsMm3TestSuite; //!< Static variable for test initialization
