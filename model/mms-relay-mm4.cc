/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-relay-mm4.h"

#include "mms-common.h"
#include "mms-relay.h"

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
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsRelayMm4Agent");
NS_OBJECT_ENSURE_REGISTERED(MmsRelayMm4Agent);

namespace
{
/// A bad entry of NumberRanges or Peers, with what to say about it.
struct TableError
{
    std::string text; //!< "ns3::MmsRelayMm4Agent::<attribute>: entry '<entry>': <why>"
};

/// Bad attribute text: name it (CheckTable reports it; the setters stop with status 2, the
/// module's rule for bad input).
[[noreturn]] void
Refuse(const std::string& attribute, const std::string& entry, const std::string& why)
{
    throw TableError{"ns3::MmsRelayMm4Agent::" + attribute + ": entry '" + entry + "': " + why};
}

/// Run a reading of a table; a bad entry stops the program with status 2.
template<class F>
void
OrExit(F read)
{
    try
    {
        read();
    }
    catch (const TableError& e)
    {
        std::cerr << e.text << std::endl;
        std::exit(2);
    }
}

std::string
Trim(const std::string& s)
{
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string>
Split(const std::string& s, char c)
{
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, c))
    {
        if (!Trim(item).empty())
        {
            out.push_back(Trim(item));
        }
    }
    return out;
}

/// The digits of a number ("+447700900001" -> "447700900001"); "" if it is not one.
std::string
Digits(const std::string& address)
{
    std::string n = MmsHttp::StripAddressType(address);
    if (!n.empty() && n[0] == '+')
    {
        n = n.substr(1);
    }
    if (n.empty() || n.size() > 18 || n.find_first_not_of("0123456789") != std::string::npos)
    {
        return "";
    }
    return n;
}

/// "a.b.c.d[:port]" of an attribute entry (port 0 when not given).
InetSocketAddress
HostPort(const std::string& attribute, const std::string& entry, std::string host)
{
    uint16_t port = 0;
    auto colon = host.find(':');
    if (colon != std::string::npos)
    {
        std::string p = host.substr(colon + 1);
        if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos
            || std::stoul(p) > 65535)
        {
            Refuse(attribute, entry, "bad port '" + p + "'");
        }
        port = static_cast<uint16_t>(std::stoul(p));
        host = host.substr(0, colon);
    }
    int dots = static_cast<int>(std::count(host.begin(), host.end(), '.'));
    if (dots != 3 || host.find_first_not_of("0123456789.") != std::string::npos)
    {
        Refuse(attribute, entry, "'" + host + "' is not an IPv4 address");
    }
    return InetSocketAddress(Ipv4Address(host.c_str()), port);
}

/// The queue of the mail server among the peers' ('=' cannot start an operator of Peers).
const std::string MAIL_QUEUE = "=mail";

/// Postfix's defaults: 300 s minimal and 4000 s maximal back-off (postconf(5)
/// minimal_backoff_time, maximal_backoff_time), doubling in between.
Ptr<MmsRetryPolicy>
PostfixRetryPolicy()
{
    Ptr<MmsRetryPolicy> p = CreateObject<MmsRetryPolicy>();
    p->SetAttribute("Kind", StringValue("Table"));
    p->SetAttribute("Table", StringValue("0s,300s,600s,1200s,2400s,4000s"));
    p->SetAttribute("MaxAttempts", UintegerValue(100));
    return p;
}
} // namespace

TypeId
MmsRelayMm4Agent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRelayMm4Agent")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRelayMm4Agent>()
            .AddAttribute("Operator",
                          "This MMSE's operator, as named in NumberRanges; \"\" (the default) "
                          "turns MM4 off: recipients that are not subscribers end Failed.",
                          StringValue(""),
                          MakeStringAccessor(&MmsRelayMm4Agent::m_operator),
                          MakeStringChecker())
            .AddAttribute("NumberRanges",
                          "Which operator owns which numbers (stands in for ENUM/DNS and number "
                          "portability look-ups): 'op=first-last[,first-last...];op2=...', "
                          "numbers inclusive, e.g. 'red=+447700900001-+447700900500;"
                          "blue=+447800900001-+447800900500'. Default \"\" (none).",
                          StringValue(""),
                          MakeStringAccessor(&MmsRelayMm4Agent::ParseRanges,
                                             &MmsRelayMm4Agent::GetRangesText),
                          MakeStringChecker())
            .AddAttribute(
                "Peers",
                "The Relays of other operators: 'op=a.b.c.d[:port];op2=...' (port "
                "default SmtpPort). Default \"\" (none).",
                StringValue(""),
                MakeStringAccessor(&MmsRelayMm4Agent::ParsePeers, &MmsRelayMm4Agent::GetPeersText),
                MakeStringChecker())
            .AddAttribute("SmtpPort",
                          "TCP port of the MM4 SMTP server, and of peers given without one. "
                          "Default 25 (RFC 5321 section 4.5.4.2).",
                          UintegerValue(25),
                          MakeUintegerAccessor(&MmsRelayMm4Agent::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("LookupDelay",
                          "Time to find the operator of a number that is not a subscriber "
                          "(the ENUM/DNS or number portability query). Default 10 ms (a "
                          "modelling choice).",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&MmsRelayMm4Agent::m_lookupDelay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("RetryPolicy",
                          "Schedule of SMTP attempts of one mail after 4xx or a lost "
                          "connection. Default Table 0, 300, 600, 1200, 2400, 4000 s (the last "
                          "repeating), 100 attempts: Postfix's minimal and maximal back-off; "
                          "the message's expiry ends the attempts first.",
                          PointerValue(),
                          MakePointerAccessor(&MmsRelayMm4Agent::m_retry),
                          MakePointerChecker<MmsRetryPolicy>())
            .AddAttribute("MailServerAddress",
                          "MM3: the external mail server that takes the messages to e-mail "
                          "recipients, 'a.b.c.d[:port]' (port default 25). Default \"\" (none: "
                          "e-mail recipients end Failed and no MM3 listener runs).",
                          StringValue(""),
                          MakeStringAccessor(&MmsRelayMm4Agent::ParseMailServer,
                                             &MmsRelayMm4Agent::GetMailServerText),
                          MakeStringChecker())
            .AddAttribute("Mm3Port",
                          "TCP port of the MM3 SMTP server that takes e-mail for subscribers "
                          "(runs when MailServerAddress is set). Default 2525 (a modelling "
                          "choice: the Relay node has one address and port 25 is MM4's; a real "
                          "MMSE receives MM3 mail at its own mail exchanger).",
                          UintegerValue(2525),
                          MakeUintegerAccessor(&MmsRelayMm4Agent::m_mm3Port),
                          MakeUintegerChecker<uint16_t>())
            .AddTraceSource("MailDone",
                            "An MM4 or MM3 mail's attempt ended: peer operator (\"mail\" for "
                            "the MM3 mail server), X-Mms-Message-Type (\"MM3\" for an e-mail), "
                            "the SMTP code (250: delivered), its text.",
                            MakeTraceSourceAccessor(&MmsRelayMm4Agent::m_mailTrace),
                            "ns3::MmsRelayMm4Agent::MailTracedCallback");
    return tid;
}

MmsRelayMm4Agent::MmsRelayMm4Agent() = default;
MmsRelayMm4Agent::~MmsRelayMm4Agent() = default;

void
MmsRelayMm4Agent::SetRelay(MmsRelay* relay)
{
    m_relay = relay;
}

bool
MmsRelayMm4Agent::IsEnabled() const
{
    return !m_operator.empty();
}

std::string
MmsRelayMm4Agent::GetOperator() const
{
    return m_operator;
}

void
MmsRelayMm4Agent::SetRecipientPolicy(std::function<MmsSmtpReply(const std::string&)> check)
{
    m_policy = std::move(check);
}

const MmsRelayMm4Agent::Counters&
MmsRelayMm4Agent::GetCounters() const
{
    m_counters.smtpErrors = 0;
    for (const auto& [code, n] : GetSmtpErrors())
    {
        m_counters.smtpErrors += n;
    }
    return m_counters;
}

std::map<int, uint64_t>
MmsRelayMm4Agent::GetSmtpErrors() const
{
    return MmsSmtpConnection::ErrorCounts(m_accepted, m_closedErrors);
}

bool
MmsRelayMm4Agent::IsMm3Enabled() const
{
    auto it = m_peers.find(MAIL_QUEUE);
    return it != m_peers.end() && !it->second.address.IsInvalid();
}

void
MmsRelayMm4Agent::SetMailServer(const Address& address)
{
    InetSocketAddress a = InetSocketAddress::ConvertFrom(address);
    if (a.GetPort() == 0)
    {
        a.SetPort(25); // RFC 5321 section 4.5.4.2
    }
    m_peers[MAIL_QUEUE].address = a;
}

void
MmsRelayMm4Agent::ParseMailServer(const std::string& text)
{
    m_mailServerText = Trim(text);
    if (m_mailServerText.empty())
    {
        m_peers.erase(MAIL_QUEUE);
        return;
    }
    SetMailServer(HostPort("MailServerAddress", m_mailServerText, m_mailServerText));
}

std::string
MmsRelayMm4Agent::GetMailServerText() const
{
    return m_mailServerText;
}

std::string
MmsRelayMm4Agent::GetDomain() const
{
    return m_operator.empty() ? "mms.example.net" : DomainOf(m_operator);
}

bool
MmsRelayMm4Agent::IsEmailAddress(const std::string& address)
{
    std::size_t at = address.rfind('@');
    return at != std::string::npos && at > 0 && at + 1 < address.size()
           && address.find("/TYPE=") == std::string::npos
           && address.find_first_of(" <>\r\n") == std::string::npos;
}

std::string
MmsRelayMm4Agent::NumberOfMailbox(const std::string& address)
{
    std::string a = address;
    if (!a.empty() && a.front() == '<' && a.back() == '>')
    {
        a = a.substr(1, a.size() - 2);
    }
    std::size_t at = a.rfind('@');
    std::string local = MmsHttp::StripAddressType(at == std::string::npos ? a : a.substr(0, at));
    std::string d = Digits(local);
    return d.empty() ? "" : "+" + d;
}

uint64_t
MmsRelayMm4Agent::GetQueuedMails() const
{
    uint64_t n = 0;
    for (const auto& [op, p] : m_peers)
    {
        n += p.queue.size() + p.inFlight.size();
    }
    return n;
}

std::string
MmsRelayMm4Agent::DomainOf(const std::string& op)
{
    return op.find('.') != std::string::npos ? op : "mms." + op + ".example.net";
}

// ------------------------------------------------------------------------ tables

void
MmsRelayMm4Agent::AddRange(const std::string& op, const std::string& first, const std::string& last)
{
    OrExit(
        [&]()
        {
            InsertRange(op, first, last);
        });
}

bool
MmsRelayMm4Agent::CheckTable(const std::string& attribute,
                             const std::string& text,
                             std::string& error)
{
    Ptr<MmsRelayMm4Agent> probe = CreateObject<MmsRelayMm4Agent>();
    try
    {
        if (attribute == "NumberRanges")
        {
            probe->ReadRanges(text);
        }
        else if (attribute == "Peers")
        {
            probe->ReadPeers(text);
        }
    }
    catch (const TableError& e)
    {
        error = e.text;
        return false;
    }
    return true;
}

void
MmsRelayMm4Agent::InsertRange(const std::string& op,
                              const std::string& first,
                              const std::string& last)
{
    std::string a = Digits(first);
    std::string b = Digits(last);
    std::string entry = op + "=" + first + "-" + last;
    if (op.empty())
    {
        Refuse("NumberRanges", entry, "no operator name");
    }
    if (a.empty() || b.empty())
    {
        Refuse("NumberRanges", entry, "a bound is not a number of at most 18 digits");
    }
    if (a.size() != b.size())
    {
        Refuse("NumberRanges", entry, "the bounds have different numbers of digits");
    }
    Range r;
    r.op = op;
    r.width = a.size();
    r.first = std::stoull(a);
    r.last = std::stoull(b);
    if (r.last < r.first)
    {
        Refuse("NumberRanges", entry, "the last number is below the first");
    }
    for (const auto& o : m_ranges)
    {
        if (o.width == r.width && o.first <= r.last && r.first <= o.last && o.op != r.op)
        {
            Refuse("NumberRanges", entry, "overlaps a range of " + o.op);
        }
    }
    m_ranges.push_back(r);
}

void
MmsRelayMm4Agent::ParseRanges(const std::string& table)
{
    OrExit(
        [&]()
        {
            ReadRanges(table);
        });
}

void
MmsRelayMm4Agent::ReadRanges(const std::string& table)
{
    m_rangesText = table;
    m_ranges.clear();
    for (const auto& entry : Split(table, ';'))
    {
        auto eq = entry.find('=');
        if (eq == std::string::npos)
        {
            Refuse("NumberRanges", entry, "expected op=first-last");
        }
        std::string op = Trim(entry.substr(0, eq));
        for (const auto& range : Split(entry.substr(eq + 1), ','))
        {
            auto dash = range.find('-');
            if (dash == std::string::npos)
            {
                Refuse("NumberRanges", entry, "range '" + range + "' is not first-last");
            }
            InsertRange(op, Trim(range.substr(0, dash)), Trim(range.substr(dash + 1)));
        }
    }
}

void
MmsRelayMm4Agent::AddPeer(const std::string& op, const Address& address)
{
    m_peers[op].address = address;
}

void
MmsRelayMm4Agent::ParsePeers(const std::string& table)
{
    OrExit(
        [&]()
        {
            ReadPeers(table);
        });
}

void
MmsRelayMm4Agent::ReadPeers(const std::string& table)
{
    m_peersText = table;
    for (const auto& entry : Split(table, ';'))
    {
        auto eq = entry.find('=');
        if (eq == std::string::npos || Trim(entry.substr(0, eq)).empty())
        {
            Refuse("Peers", entry, "expected op=a.b.c.d[:port]");
        }
        // port 0: SmtpPort, when the connection is made
        AddPeer(Trim(entry.substr(0, eq)), HostPort("Peers", entry, Trim(entry.substr(eq + 1))));
    }
}

std::string
MmsRelayMm4Agent::GetRangesText() const
{
    return m_rangesText;
}

std::string
MmsRelayMm4Agent::GetPeersText() const
{
    return m_peersText;
}

std::string
MmsRelayMm4Agent::FindOperator(const std::string& address) const
{
    std::string d = Digits(address);
    if (d.empty())
    {
        return "";
    }
    uint64_t n = std::stoull(d);
    for (const auto& r : m_ranges)
    {
        if (r.width == d.size() && r.first <= n && n <= r.last)
        {
            return r.op;
        }
    }
    return "";
}

bool
MmsRelayMm4Agent::HasRange(const std::string& op) const
{
    return std::any_of(m_ranges.begin(),
                       m_ranges.end(),
                       [&op](const Range& r)
                       {
                           return r.op == op;
                       });
}

// ------------------------------------------------------------------------ names

std::string
MmsRelayMm4Agent::SystemAddress() const
{
    return "system-user@" + DomainOf(m_operator);
}

std::string
MmsRelayMm4Agent::Mm4AddressOf(const std::string& address) const
{
    std::string op = FindOperator(address);
    return MmsMm4Message::Mm4Address(MmsHttp::PlmnAddress(MmsHttp::StripAddressType(address)),
                                     op.empty() ? "" : DomainOf(op));
}

std::string
MmsRelayMm4Agent::NextTransaction()
{
    return m_operator + "-mm4-" + std::to_string(m_nextTransaction++);
}

// ------------------------------------------------------------------------ start and stop

void
MmsRelayMm4Agent::CheckPeers() const
{
    if (!IsEnabled())
    {
        return;
    }
    // The two tables may be set in either order; by now both are. A peer no range names is a
    // misspelt operator: the numbers meant for it would all fail as unknown.
    OrExit(
        [this]()
        {
            for (const auto& [op, peer] : m_peers)
            {
                if (op != MAIL_QUEUE && !HasRange(op))
                {
                    const InetSocketAddress a = InetSocketAddress::ConvertFrom(peer.address);
                    std::ostringstream entry;
                    entry << op << "=" << a.GetIpv4();
                    if (a.GetPort() != 0)
                    {
                        entry << ":" << a.GetPort();
                    }
                    Refuse(
                        "Peers", entry.str(), "no NumberRanges entry names operator '" + op + "'");
                }
            }
        });
}

void
MmsRelayMm4Agent::Start()
{
    if ((!IsEnabled() && !IsMm3Enabled()) || !m_relay || !m_relay->GetNode())
    {
        return;
    }
    if (!m_retry)
    {
        m_retry = PostfixRetryPolicy();
    }
    CheckPeers();
    if (IsEnabled() && !m_listener)
    {
        m_listener = Listen(m_port, false);
    }
    if (IsMm3Enabled() && !m_mm3Listener)
    {
        m_mm3Listener = Listen(m_mm3Port, true);
    }
}

Ptr<Socket>
MmsRelayMm4Agent::Listen(uint16_t port, bool mm3)
{
    Ptr<Socket> s = Socket::CreateSocket(m_relay->GetNode(), TcpSocketFactory::GetTypeId());
    s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
    s->Listen();
    s->SetAcceptCallback(
        MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
        MakeCallback(mm3 ? &MmsRelayMm4Agent::AcceptMm3 : &MmsRelayMm4Agent::Accept, this));
    return s;
}

void
MmsRelayMm4Agent::Stop()
{
    for (Ptr<Socket>* l : {&m_listener, &m_mm3Listener})
    {
        if (*l)
        {
            (*l)->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeNullCallback<void, Ptr<Socket>, const Address&>());
            (*l)->Close();
            *l = nullptr;
        }
    }
}

void
MmsRelayMm4Agent::DoDispose()
{
    Stop();
    for (auto& [op, p] : m_peers)
    {
        p.wake.Cancel();
        if (p.connection)
        {
            p.connection->Dispose();
        }
        p.connection = nullptr;
        p.socket = nullptr;
        p.queue.clear();
        p.inFlight.clear();
    }
    for (auto& c : m_accepted)
    {
        c->Dispose();
    }
    m_accepted.clear();
    m_retry = nullptr;
    m_relay = nullptr;
    Object::DoDispose();
}

// ------------------------------------------------------------------------ sending

void
MmsRelayMm4Agent::Route(const std::string& messageId,
                        uint32_t index,
                        const std::string& recipient,
                        const std::string& originator,
                        const MmsPdu& sendReq,
                        Time expiry)
{
    Simulator::Schedule(m_lookupDelay,
                        &MmsRelayMm4Agent::Lookup,
                        this,
                        messageId,
                        index,
                        recipient,
                        originator,
                        sendReq,
                        expiry);
}

void
MmsRelayMm4Agent::Lookup(std::string messageId,
                         uint32_t index,
                         std::string recipient,
                         std::string originator,
                         MmsPdu sendReq,
                         Time expiry)
{
    if (!m_relay)
    {
        return;
    }
    if (IsEmailAddress(recipient))
    {
        Mm3Lookup(messageId, index, recipient, originator, sendReq, expiry);
        return;
    }
    std::string op = FindOperator(recipient);
    std::string why;
    if (op.empty())
    {
        why = "number in no operator's range";
    }
    else if (op == m_operator)
    {
        why = "not a subscriber of this MMSE";
    }
    else if (!m_peers.count(op) || m_peers[op].address.IsInvalid())
    {
        why = "no MM4 route to " + op;
    }
    if (!why.empty())
    {
        m_counters.unroutable++;
        m_relay->Mm4Failed(messageId, index, why);
        return;
    }
    MmsMm4Message fwd = MmsMm4Message::FromSendReq(sendReq,
                                                   MmsHttp::PlmnAddress(originator),
                                                   messageId,
                                                   NextTransaction(),
                                                   MmsClock::NowUnix(),
                                                   DomainFunction(),
                                                   SystemAddress());
    if (fwd.expiry == 0)
    {
        fwd.expiry = MmsClock::ToUnix(expiry);
    }
    if (fwd.from.find('@') == std::string::npos)
    {
        // An originator in no number range (a VASP's short code) is this operator's.
        fwd.from = MmsMm4Message::Mm4Address(fwd.from, DomainOf(m_operator));
    }
    Mail mail;
    mail.type = MmsMm4Type::FORWARD_REQ;
    mail.messageId = messageId;
    mail.index = index;
    mail.expiry = expiry;
    mail.mail.from = fwd.from;
    mail.mail.recipients = {Mm4AddressOf(recipient)};
    mail.mail.content = fwd.Serialize();
    m_counters.routed++;
    Enqueue(op, mail);
}

bool
MmsRelayMm4Agent::Enqueue(const std::string& op, Mail mail)
{
    auto it = m_peers.find(op);
    if (op.empty() || op == m_operator || it == m_peers.end() || it->second.address.IsInvalid())
    {
        return false;
    }
    mail.nextTry = Simulator::Now();
    it->second.queue.push_back(std::move(mail));
    Simulator::ScheduleNow(&MmsRelayMm4Agent::Kick, this, op);
    return true;
}

void
MmsRelayMm4Agent::Kick(std::string op)
{
    Peer& p = m_peers[op];
    if (p.connection || !m_relay)
    {
        return;
    }
    p.wake.Cancel();
    const Time now = Simulator::Now();
    std::deque<Mail> later;
    Time next = Time::Max();
    for (auto& m : p.queue)
    {
        if (m.type == MmsMm4Type::FORWARD_REQ && m.expiry.IsStrictlyPositive() && m.expiry <= now)
        {
            m_counters.expiredQueued++; // the Relay ends the recipient Expired at this time
            continue;
        }
        if (m.nextTry <= now)
        {
            p.inFlight.push_back(std::move(m));
        }
        else
        {
            next = std::min(next, m.nextTry);
            later.push_back(std::move(m));
        }
    }
    p.queue = std::move(later);
    if (p.inFlight.empty())
    {
        if (next != Time::Max())
        {
            p.wake = Simulator::Schedule(next - now, &MmsRelayMm4Agent::Kick, this, op);
        }
        return;
    }
    m_counters.connections++;
    p.socket = Socket::CreateSocket(m_relay->GetNode(), TcpSocketFactory::GetTypeId());
    p.socket->Bind();
    p.connection = CreateObject<MmsSmtpConnection>();
    p.connection->AttachClient(p.socket, GetDomain());
    p.connection->SetDoneCallback(MakeCallback(&MmsRelayMm4Agent::Done, this).Bind(op));
    for (const auto& m : p.inFlight)
    {
        p.connection->Send(m.mail);
    }
    p.connection->Quit();
    InetSocketAddress to = InetSocketAddress::ConvertFrom(p.address);
    if (to.GetPort() == 0)
    {
        to.SetPort(m_port);
    }
    p.socket->Connect(to);
}

void
MmsRelayMm4Agent::Done(std::string op, Ptr<MmsSmtpConnection> c)
{
    Peer& p = m_peers[op];
    if (c != p.connection)
    {
        return;
    }
    const std::vector<MmsSmtpOutcome>& outcomes = c->GetClient()->GetOutcomes();
    std::vector<Mail> mails = std::move(p.inFlight);
    p.inFlight.clear();
    for (std::size_t i = 0; i < mails.size(); ++i)
    {
        MmsSmtpOutcome o;
        if (i < outcomes.size())
        {
            o = outcomes[i];
        }
        else
        {
            o.code = 421;
            o.text = c->GetClient()->Error();
        }
        Outcome(op, mails[i], o);
    }
    // The connection finishes its own call before it is let go.
    Simulator::ScheduleNow(&MmsRelayMm4Agent::Release, this, op);
}

void
MmsRelayMm4Agent::Release(std::string op)
{
    Peer& p = m_peers[op];
    if (p.connection)
    {
        p.connection->Dispose();
    }
    p.connection = nullptr;
    p.socket = nullptr;
    Kick(op);
}

void
MmsRelayMm4Agent::Outcome(const std::string& op, Mail& mail, const MmsSmtpOutcome& outcome)
{
    int code = outcome.code;
    std::string text = outcome.text;
    if (!outcome.delivered && !outcome.rejected.empty())
    {
        code = outcome.rejected.front().second; // the recipient's refusal, not DATA's 554
        text = "RCPT TO refused";
    }
    m_mailTrace(
        mail.mm3 ? "mail" : op, mail.mm3 ? "MM3" : MmsMm4Message::TypeName(mail.type), code, text);
    bool forward = mail.type == MmsMm4Type::FORWARD_REQ;
    if (outcome.delivered)
    {
        if (mail.mm3)
        {
            m_counters.mm3Sent++;
            m_relay->Mm4Forwarded(mail.messageId, mail.index, "MM3");
        }
        else if (forward)
        {
            m_counters.forwarded++;
            m_relay->Mm4Forwarded(mail.messageId, mail.index, op);
        }
        else if (mail.type == MmsMm4Type::DELIVERY_REPORT_REQ
                 || mail.type == MmsMm4Type::READ_REPLY_REPORT_REQ)
        {
            m_counters.reportsSent++;
        }
        return;
    }
    std::string why = (mail.mm3 ? "MM3 to the mail server: " : "MM4 to " + op + ": ")
                      + std::to_string(code) + " " + text;
    bool transient = code < 500;
    if (transient)
    {
        mail.attempts++;
        if (m_retry->IsAllowed(mail.attempts + 1))
        {
            m_counters.retries++;
            mail.nextTry = Simulator::Now() + m_retry->GetDelay(mail.attempts + 1);
            m_peers[op].queue.push_back(mail);
            return;
        }
        why += " (after " + std::to_string(mail.attempts) + " attempts)";
    }
    if (forward)
    {
        (mail.mm3 ? m_counters.mm3Failed : m_counters.forwardFailed)++;
        m_relay->Mm4Failed(mail.messageId, mail.index, why);
    }
    else
    {
        m_counters.reportsFailed++;
    }
}

void
MmsRelayMm4Agent::SendDeliveryReport(const MmsPdu& deliveryInd, const std::string& originator)
{
    SendDeliveryReport(deliveryInd, originator, FindOperator(originator));
}

void
MmsRelayMm4Agent::SendDeliveryReport(const MmsPdu& deliveryInd,
                                     const std::string& originator,
                                     const std::string& op)
{
    MmsMm4Message r = MmsMm4Message::FromDeliveryInd(deliveryInd,
                                                     MmsHttp::PlmnAddress(originator),
                                                     NextTransaction(),
                                                     DomainFunction(),
                                                     SystemAddress());
    if (FindOperator(originator).empty() && !op.empty())
    {
        // A short code (a VASP's): no mailbox at its operator; its Relay takes the report.
        SendReport(op, r, {"system-user@" + DomainOf(op)});
        return;
    }
    SendReport(op, r, r.to);
}

std::string
MmsRelayMm4Agent::FindOperatorOf(const std::string& address) const
{
    std::string op = FindOperator(MmsMm4Message::MmsAddress(address));
    std::size_t at = address.rfind('@');
    if (!op.empty() || at == std::string::npos)
    {
        return op;
    }
    const std::string domain = address.substr(at + 1);
    for (const auto& r : m_ranges)
    {
        if (DomainOf(r.op) == domain)
        {
            return r.op;
        }
    }
    for (const auto& [name, peer] : m_peers)
    {
        if (DomainOf(name) == domain)
        {
            return name;
        }
    }
    return "";
}

bool
MmsRelayMm4Agent::SendReport(const std::string& op,
                             const MmsMm4Message& report,
                             const std::vector<std::string>& recipients)
{
    Mail mail;
    mail.type = report.type;
    mail.mail.from = SystemAddress();
    mail.mail.recipients = recipients;
    mail.mail.content = report.Serialize();
    if (!Enqueue(op, mail))
    {
        m_counters.reportsFailed++;
        return false;
    }
    return true;
}

std::function<std::string(const std::string&)>
MmsRelayMm4Agent::DomainFunction() const
{
    return [this](const std::string& a)
    {
        std::string o = FindOperator(a);
        return o.empty() ? std::string() : DomainOf(o);
    };
}

void
MmsRelayMm4Agent::SendReadReport(const MmsPdu& readRec,
                                 const std::string& reader,
                                 const std::string& originator)
{
    std::string op = FindOperator(originator);
    MmsMm4Message r = MmsMm4Message::FromReadRecInd(readRec,
                                                    MmsHttp::PlmnAddress(reader),
                                                    NextTransaction(),
                                                    MmsClock::NowUnix(),
                                                    DomainFunction(),
                                                    SystemAddress());
    SendReport(op, r, r.to);
}

// ------------------------------------------------------------------------ receiving

Ptr<MmsSmtpConnection>
MmsRelayMm4Agent::NewServerConnection(Ptr<Socket> s)
{
    // Forget connections whose dialogue is over (their sockets closed after QUIT).
    MmsSmtpConnection::Prune(m_accepted, m_closedErrors);
    Ptr<MmsSmtpConnection> c = CreateObject<MmsSmtpConnection>();
    c->AttachServer(s, GetDomain());
    m_accepted.push_back(c);
    return c;
}

void
MmsRelayMm4Agent::Accept(Ptr<Socket> s, const Address&)
{
    Ptr<MmsSmtpConnection> c = NewServerConnection(s);
    Ptr<MmsSubscriberDirectory> dir = m_relay ? m_relay->GetDirectory() : nullptr;
    c->GetServer()->SetRecipientCheck(
        [dir, this](const std::string& rcpt)
        {
            MmsSmtpReply r;
            if (m_policy)
            {
                r = m_policy(rcpt);
                if (r.code != 0)
                {
                    return r;
                }
            }
            std::string a = MmsMm4Message::MmsAddress(rcpt);
            if (rcpt.rfind("system-user@", 0) == 0 || (dir && dir->IsSubscriber(a)))
            {
                r.code = 250;
                r.lines = {"OK"};
            }
            else
            {
                r.code = 550; // RFC 5321 section 4.2.2: mailbox unavailable
                r.lines = {"no such subscriber"};
            }
            return r;
        });
    c->GetServer()->SetMailCheck(
        [this](const MmsSmtpMail& mail)
        {
            MmsMm4Message m;
            std::string error;
            if (!MmsMm4Message::Parse(mail.content.data(), mail.content.size(), m, error, false))
            {
                m_counters.malformed++;
                // RFC 5321: transaction failed
                return MmsSmtpReply::Make(554, "not an MM4 message: " + error);
            }
            return MmsSmtpReply::Make(250, "OK");
        });
    c->SetMailCallback(MakeCallback(&MmsRelayMm4Agent::Received, this));
}

void
MmsRelayMm4Agent::Received(Ptr<MmsSmtpConnection>, const MmsSmtpMail& mail)
{
    MmsMm4Message m;
    std::string error;
    if (!m_relay
        || !MmsMm4Message::Parse(mail.content.data(), mail.content.size(), m, error, false))
    {
        return; // refused by the mail check already
    }
    switch (m.type)
    {
        case MmsMm4Type::FORWARD_REQ:
        {
            std::vector<std::string> recipients;
            for (const auto& r : mail.recipients)
            {
                recipients.push_back(MmsMm4Message::MmsAddress(r));
            }
            m_counters.forwardsReceived += recipients.size();
            m_relay->Mm4Accept(m, recipients);
            break;
        }
        case MmsMm4Type::DELIVERY_REPORT_REQ:
        case MmsMm4Type::READ_REPLY_REPORT_REQ:
            m_counters.reportsReceived++;
            m_relay->Mm4Report(m);
            break;
        default:
            m_counters.responsesReceived++;
            return;
    }
    if (m.ackRequest)
    {
        Respond(m);
    }
}

void
MmsRelayMm4Agent::Respond(const MmsMm4Message& request)
{
    // The .RES goes to the requesting MMSE's system address (X-Mms-Originator-System).
    std::string system = request.originatorSystem;
    std::string domain = system.substr(system.find('@') + 1);
    std::string op;
    for (const auto& [name, p] : m_peers)
    {
        if (DomainOf(name) == domain)
        {
            op = name;
        }
    }
    MmsMm4Message res =
        MmsMm4Message::ResponseTo(request, "Ok", SystemAddress(), MmsClock::NowUnix());
    if (SendReport(op, res, {system}))
    {
        m_counters.responsesSent++;
    }
}

// ------------------------------------------------------------------------ MM3 (e-mail)

MmsMimeEntity
MmsRelayMm4Agent::MakeMm3Mail(const std::string& messageId,
                              const std::string& originator,
                              const MmsPdu& sendReq) const
{
    // The MM4 conversion of the MM (RFC 5322 fields, the MIME body with its parts as base64),
    // then only what an Internet mail carries: TS 23.140 section 8.3 leaves the MM3 format to
    // the external server's protocol, so no X-Mms fields and no system-user Sender.
    const std::string domain = GetDomain();
    auto domainOf = [this, domain](const std::string& a)
    {
        std::string op = FindOperator(a);
        return op.empty() ? domain : DomainOf(op);
    };
    MmsMm4Message m = MmsMm4Message::FromSendReq(sendReq,
                                                 MmsHttp::PlmnAddress(originator),
                                                 messageId,
                                                 messageId,
                                                 MmsClock::NowUnix(),
                                                 domainOf,
                                                 "");
    m.rfc822MessageId = "<" + messageId + "@" + domain + ">";
    m.expiry = 0;
    MmsMimeEntity e = m.ToEntity();
    e.headers.erase(std::remove_if(e.headers.begin(),
                                   e.headers.end(),
                                   [](const std::pair<std::string, std::string>& h)
                                   {
                                       return MmsMimeEntity::Lower(h.first).rfind("x-mms-", 0) == 0;
                                   }),
                    e.headers.end());
    return e;
}

void
MmsRelayMm4Agent::Mm3Lookup(std::string messageId,
                            uint32_t index,
                            std::string recipient,
                            std::string originator,
                            MmsPdu sendReq,
                            Time expiry)
{
    if (!m_relay)
    {
        return;
    }
    if (!IsMm3Enabled())
    {
        m_counters.mm3Unroutable++;
        m_relay->Mm4Failed(messageId, index, "no MM3 mail server for " + recipient);
        return;
    }
    MmsMimeEntity e = MakeMm3Mail(messageId, originator, sendReq);
    Mail mail;
    mail.type = MmsMm4Type::FORWARD_REQ;
    mail.mm3 = true;
    mail.messageId = messageId;
    mail.index = index;
    mail.expiry = expiry;
    mail.mail.from = e.GetHeader("From");
    mail.mail.recipients = {recipient};
    mail.mail.content = e.Serialize();
    m_counters.mm3Routed++;
    Enqueue(MAIL_QUEUE, mail);
}

void
MmsRelayMm4Agent::AcceptMm3(Ptr<Socket> s, const Address&)
{
    Ptr<MmsSmtpConnection> c = NewServerConnection(s);
    Ptr<MmsSubscriberDirectory> dir = m_relay ? m_relay->GetDirectory() : nullptr;
    c->GetServer()->SetRecipientCheck(
        [dir, this](const std::string& rcpt)
        {
            std::string number = NumberOfMailbox(rcpt);
            if (!number.empty() && dir && dir->IsSubscriber(number))
            {
                return MmsSmtpReply::Make(250, "OK");
            }
            m_counters.mm3UnknownRecipients++;
            // RFC 5321 section 4.2.2: mailbox unavailable
            return MmsSmtpReply::Make(550, "no such subscriber");
        });
    c->GetServer()->SetMailCheck(
        [this](const MmsSmtpMail& mail)
        {
            MmsMimeEntity e;
            std::string error;
            if (!MmsMimeEntity::Parse(mail.content.data(), mail.content.size(), e, error, false))
            {
                error = "not an RFC 5322 message: " + error;
            }
            else if (e.GetHeader("From").empty())
            {
                error = "no From field (RFC 5322 section 3.6)";
            }
            if (!error.empty())
            {
                m_counters.mm3Malformed++;
                return MmsSmtpReply::Make(554, error); // RFC 5321: transaction failed
            }
            return MmsSmtpReply::Make(250, "OK");
        });
    c->SetMailCallback(MakeCallback(&MmsRelayMm4Agent::ReceivedMm3, this));
}

void
MmsRelayMm4Agent::ReceivedMm3(Ptr<MmsSmtpConnection>, const MmsSmtpMail& mail)
{
    MmsMimeEntity e;
    std::string error;
    if (!m_relay
        || !MmsMimeEntity::Parse(mail.content.data(), mail.content.size(), e, error, false))
    {
        return; // refused by the mail check already
    }
    // The mail as the MM the Relay stores: its originator, subject and date, the MIME body.
    MmsMm4Message m;
    m.type = MmsMm4Type::FORWARD_REQ;
    m.from = e.GetHeader("From");
    auto lt = m.from.find('<');
    auto gt = m.from.find('>', lt == std::string::npos ? 0 : lt);
    if (lt != std::string::npos && gt != std::string::npos)
    {
        m.from = m.from.substr(lt + 1, gt - lt - 1); // "Alice <alice@example.com>"
    }
    m.subject = e.GetHeader("Subject");
    m.rfc822MessageId = e.GetHeader("Message-ID");
    m.transactionId = m.rfc822MessageId;
    if (!MmsImfDate::Parse(e.GetHeader("Date"), m.date))
    {
        m.date = MmsClock::NowUnix();
    }
    for (const auto& h : e.headers)
    {
        if (MmsMimeEntity::Lower(h.first).rfind("content-", 0) == 0)
        {
            m.content.headers.push_back(h);
        }
    }
    m.content.content = e.content;
    m.content.parts = e.parts;
    std::vector<std::string> recipients;
    for (const auto& r : mail.recipients)
    {
        recipients.push_back(NumberOfMailbox(r));
        m.to.push_back(MmsHttp::PlmnAddress(recipients.back()));
    }
    m_counters.mm3Received += recipients.size();
    m_relay->Mm3Accept(m, recipients);
}

} // namespace ns3
