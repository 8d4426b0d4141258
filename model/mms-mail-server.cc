/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-mail-server.h"

#include "mms-common.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsMailServer");
NS_OBJECT_ENSURE_REGISTERED(MmsMailServer);

TypeId
MmsMailServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsMailServer")
            .SetParent<Application>()
            .SetGroupName("Mms")
            .AddConstructor<MmsMailServer>()
            .AddAttribute("Domain",
                          "The domain of its users' addresses (user1@Domain, ...). Default "
                          "mail.example.net (RFC 2606 reserves example.net).",
                          StringValue("mail.example.net"),
                          MakeStringAccessor(&MmsMailServer::m_domain),
                          MakeStringChecker())
            .AddAttribute("Users",
                          "Number of its users (user1 to user<Users>); RCPT TO of another "
                          "address gets 550. Default 100.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&MmsMailServer::m_users),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Port",
                          "TCP port of its SMTP server. Default 25 (RFC 5321 section 4.5.4.2).",
                          UintegerValue(25),
                          MakeUintegerAccessor(&MmsMailServer::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("RefuseCode",
                          "Answer the end of each mail's data with this code instead of 250 "
                          "(e.g. 554 refuses, 451 defers; RFC 5321 section 4.2.3); 0 (the "
                          "default) accepts.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsMailServer::m_refuseCode),
                          MakeUintegerChecker<uint32_t>(0, 599))
            .AddAttribute("RefuseCount",
                          "How many mails get RefuseCode before the server accepts again; 0 "
                          "(the default): all of them.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsMailServer::m_refuseCount),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RelayAddress",
                          "Where e-mails to subscribers go: the Relay's IPv4 address and MM3 "
                          "port (MmsRelayMm4Agent::Mm3Port). Default none (nothing is sent).",
                          AddressValue(),
                          MakeAddressAccessor(&MmsMailServer::m_relayAddress),
                          MakeAddressChecker())
            .AddAttribute("RecipientDomain",
                          "The domain of subscribers' e-mail addresses. Default "
                          "mms.example.net (the Relay's domain without an operator).",
                          StringValue("mms.example.net"),
                          MakeStringAccessor(&MmsMailServer::m_recipientDomain),
                          MakeStringChecker())
            .AddAttribute("AddressForm",
                          "Form of a subscriber's address: 'plmn' "
                          "(+447700900001/TYPE=PLMN@domain, the MM4 form of TS 23.140) or "
                          "'number' (447700900001@domain). Default plmn.",
                          StringValue("plmn"),
                          MakeStringAccessor(&MmsMailServer::m_addressForm),
                          MakeStringChecker())
            .AddAttribute("Mails",
                          "Number of e-mails it sends to subscribers. Default 0.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsMailServer::m_mails),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Interval",
                          "Time between e-mails to subscribers, in seconds (also before the "
                          "first). Default exponential, mean 60 s (a Poisson stream; a "
                          "modelling choice).",
                          StringValue("ns3::ExponentialRandomVariable[Mean=60]"),
                          MakePointerAccessor(&MmsMailServer::m_interval),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("ContentSize",
                          "Octets of the image attached to each e-mail (sent as base64). "
                          "Default 20000.",
                          UintegerValue(20000),
                          MakeUintegerAccessor(&MmsMailServer::m_contentSize),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("MailReceived",
                            "A mail's data was answered: sender, the reply code, octets.",
                            MakeTraceSourceAccessor(&MmsMailServer::m_receivedTrace),
                            "ns3::MmsMailServer::MailTracedCallback")
            .AddTraceSource("MailSent",
                            "An e-mail to a subscriber ended: recipient, the Relay's final "
                            "reply code (421: connection lost), octets.",
                            MakeTraceSourceAccessor(&MmsMailServer::m_sentTrace),
                            "ns3::MmsMailServer::MailTracedCallback");
    return tid;
}

MmsMailServer::MmsMailServer()
    : m_pick(CreateObject<UniformRandomVariable>())
{
}

MmsMailServer::~MmsMailServer() = default;

void
MmsMailServer::SetDirectory(Ptr<MmsSubscriberDirectory> directory)
{
    m_directory = directory;
}

void
MmsMailServer::SetRelayAddress(const Address& address)
{
    m_relayAddress = address;
}

int64_t
MmsMailServer::AssignStreams(int64_t stream)
{
    m_interval->SetStream(stream);
    m_pick->SetStream(stream + 1);
    return 2;
}

const MmsMailServer::Counters&
MmsMailServer::GetCounters() const
{
    return m_counters;
}

const std::vector<MmsMailServer::Mail>&
MmsMailServer::GetMails() const
{
    return m_received;
}

std::map<int, uint64_t>
MmsMailServer::GetSmtpErrors() const
{
    return MmsSmtpConnection::ErrorCounts(m_servers, m_closedErrors);
}

std::string
MmsMailServer::GetUserAddress(uint32_t i) const
{
    return "user" + std::to_string(i + 1) + "@" + m_domain;
}

std::string
MmsMailServer::SubscriberAddress(const std::string& number) const
{
    std::string n = MmsHttp::StripAddressType(number);
    if (m_addressForm == "number")
    {
        return (!n.empty() && n[0] == '+' ? n.substr(1) : n) + "@" + m_recipientDomain;
    }
    return MmsHttp::PlmnAddress(n) + "@" + m_recipientDomain;
}

MmsMimeEntity
MmsMailServer::MakeMail(uint32_t k, const std::string& from, const std::string& to) const
{
    std::string id = "mail" + std::to_string(k + 1);
    std::string boundary = "=_" + id + "_" + m_domain;
    MmsMimeEntity e;
    e.AddHeader("From", from);
    e.AddHeader("To", to);
    e.AddHeader("Date", MmsImfDate::Format(MmsClock::NowUnix()));
    e.AddHeader("Subject", "E-mail " + std::to_string(k + 1));
    e.AddHeader("Message-ID", "<" + id + "@" + m_domain + ">");
    e.AddHeader("MIME-Version", "1.0");
    e.AddHeader("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
    MmsMimeEntity text;
    text.AddHeader("Content-Type", "text/plain; charset=us-ascii");
    text.AddHeader("Content-Transfer-Encoding", "7bit");
    text.content = MmsContent("Hello from " + from);
    MmsMimeEntity image;
    image.AddHeader("Content-Type", "image/jpeg; name=\"photo.jpg\"");
    image.AddHeader("Content-Transfer-Encoding", "base64");
    image.AddHeader("Content-Disposition", "attachment; filename=\"photo.jpg\"");
    image.content = MmsContent::Virtual(m_contentSize);
    e.parts = {text, image};
    return e;
}

void
MmsMailServer::StartApplication()
{
    m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port));
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&MmsMailServer::Accept, this));
    if (m_mails > 0 && m_directory && m_directory->GetN() > 0 && !m_relayAddress.IsInvalid())
    {
        m_next =
            Simulator::Schedule(Seconds(m_interval->GetValue()), &MmsMailServer::SendNext, this);
    }
}

void
MmsMailServer::StopApplication()
{
    m_next.Cancel();
    if (m_listener)
    {
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_listener->Close();
        m_listener = nullptr;
    }
}

void
MmsMailServer::DoDispose()
{
    StopApplication();
    for (auto* list : {&m_servers, &m_clients})
    {
        for (auto& c : *list)
        {
            c->Dispose();
        }
        list->clear();
    }
    m_directory = nullptr;
    m_interval = nullptr;
    m_pick = nullptr;
    Application::DoDispose();
}

// ------------------------------------------------------------------------ receiving

void
MmsMailServer::Accept(Ptr<Socket> s, const Address&)
{
    MmsSmtpConnection::Prune(m_servers, m_closedErrors);
    Ptr<MmsSmtpConnection> c = CreateObject<MmsSmtpConnection>();
    c->AttachServer(s, m_domain);
    c->GetServer()->SetRecipientCheck(
        [this](const std::string& rcpt)
        {
            // user<n>@Domain with n in 1..Users
            std::string a = MmsMimeEntity::Lower(rcpt);
            std::string tail = "@" + MmsMimeEntity::Lower(m_domain);
            std::size_t at = a.size() > tail.size() ? a.size() - tail.size() : 0;
            std::string n = a.rfind("user", 0) == 0 && at > 4 ? a.substr(4, at - 4) : "";
            if (a.substr(at) == tail && !n.empty() && n.size() < 10 && n[0] != '0'
                && n.find_first_not_of("0123456789") == std::string::npos
                && std::stoul(n) <= m_users)
            {
                return MmsSmtpReply::Make(250, "OK");
            }
            m_counters.unknownRecipients++;
            // RFC 5321 section 4.2.2: mailbox unavailable
            return MmsSmtpReply::Make(550, "no such user");
        });
    c->GetServer()->SetMailCheck(
        [this](const MmsSmtpMail& mail)
        {
            MmsSmtpReply r;
            MmsMimeEntity e;
            std::string error;
            if (!MmsMimeEntity::Parse(mail.content.data(), mail.content.size(), e, error, false))
            {
                m_counters.malformed++;
                r = MmsSmtpReply::Make(554, "not an RFC 5322 message: " + error);
            }
            else if (m_refuseCode != 0 && (m_refuseCount == 0 || m_refusedSoFar < m_refuseCount))
            {
                m_refusedSoFar++;
                m_counters.refused++;
                r = MmsSmtpReply::Make(static_cast<int>(m_refuseCode),
                                       m_refuseCode < 500 ? "try again later"
                                                          : "refused by policy");
            }
            else
            {
                r = MmsSmtpReply::Make(250, "OK");
            }
            m_receivedTrace(mail.from, r.code, mail.content.size());
            return r;
        });
    c->SetMailCallback(MakeCallback(&MmsMailServer::Received, this));
    m_servers.push_back(c);
}

void
MmsMailServer::Received(Ptr<MmsSmtpConnection>, const MmsSmtpMail& mail)
{
    MmsMimeEntity e;
    std::string error;
    if (!MmsMimeEntity::Parse(mail.content.data(), mail.content.size(), e, error, false))
    {
        return;
    }
    m_counters.accepted++;
    Mail m;
    m.from = mail.from;
    m.recipients = mail.recipients;
    m.subject = e.GetHeader("Subject");
    m.contentType = e.GetMediaType();
    m.size = mail.content.size();
    for (const auto& p : e.parts)
    {
        m.partTypes.push_back(p.GetMediaType());
        m.partSizes.push_back(p.content.GetSize());
    }
    if (e.parts.empty())
    {
        m.partTypes.push_back(e.GetMediaType());
        m.partSizes.push_back(e.content.GetSize());
    }
    m_received.push_back(m);
}

// ------------------------------------------------------------------------ sending

void
MmsMailServer::SendNext()
{
    uint32_t k = m_sentSoFar++;
    uint32_t n = m_directory->GetN();
    uint32_t who = std::min(n - 1, static_cast<uint32_t>(m_pick->GetValue(0, n)));
    std::string to = SubscriberAddress(m_directory->GetMsisdn(who));
    std::string from = GetUserAddress(k % m_users);
    MmsSmtpMail mail;
    mail.from = from;
    mail.recipients = {to};
    mail.content = MakeMail(k, from, to).Serialize();
    m_counters.sent++;
    Ptr<Socket> s = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    s->Bind();
    Ptr<MmsSmtpConnection> c = CreateObject<MmsSmtpConnection>();
    c->AttachClient(s, m_domain);
    c->SetDoneCallback(MakeCallback(&MmsMailServer::Done, this)
                           .Bind(k, static_cast<uint64_t>(mail.content.size()), to));
    c->Send(mail);
    c->Quit();
    m_clients.push_back(c);
    s->Connect(m_relayAddress);
    if (m_sentSoFar < m_mails)
    {
        m_next =
            Simulator::Schedule(Seconds(m_interval->GetValue()), &MmsMailServer::SendNext, this);
    }
}

void
MmsMailServer::Done(uint32_t, uint64_t octets, std::string to, Ptr<MmsSmtpConnection> c)
{
    const auto& outcomes = c->GetClient()->GetOutcomes();
    int code = 421;
    if (!outcomes.empty())
    {
        code = outcomes[0].code;
        if (!outcomes[0].delivered && !outcomes[0].rejected.empty())
        {
            code = outcomes[0].rejected.front().second;
        }
    }
    if (!outcomes.empty() && outcomes[0].delivered)
    {
        m_counters.delivered++;
    }
    else if (code >= 500)
    {
        m_counters.failed++;
    }
    else
    {
        m_counters.deferred++;
    }
    m_sentTrace(to, code, octets);
    Simulator::ScheduleNow(&MmsMailServer::Release, this, c);
}

void
MmsMailServer::Release(Ptr<MmsSmtpConnection> c)
{
    auto it = std::find(m_clients.begin(), m_clients.end(), c);
    if (it != m_clients.end())
    {
        m_clients.erase(it);
    }
    c->Dispose();
}

} // namespace ns3
