/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wap-gateway.h"

#include "mms-ladder.h"
#include "mms-wsp-session-pdu.h"

#include "ns3/address.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsWapGateway");
NS_OBJECT_ENSURE_REGISTERED(MmsWapGateway);

namespace
{
/// A handset's address for traces ("10.1.2.3:49200").
std::string
PeerName(const Address& a)
{
    if (InetSocketAddress::IsMatchingType(a))
    {
        InetSocketAddress i = InetSocketAddress::ConvertFrom(a);
        std::ostringstream os;
        os << i.GetIpv4() << ":" << i.GetPort();
        return os.str();
    }
    std::ostringstream os;
    os << a;
    return os.str();
}
} // namespace

TypeId
MmsWapGateway::GetTypeId()
{
    static TypeId tid = MmsWap::AddWtpSarAttributes(
        MmsWap::AddWtpTimerAttributes(
            TypeId("ns3::MmsWapGateway")
                .SetParent<MmsApplication>()
                .SetGroupName("Mms")
                .AddConstructor<MmsWapGateway>()
                .AddAttribute("RelayAddress",
                              "Address (IP and TCP port) of the MMS Relay's MM1 HTTP server, where "
                              "every WSP Get and Post goes. Default: none (set by the helper).",
                              AddressValue(),
                              MakeAddressAccessor(&MmsWapGateway::m_relayAddress),
                              MakeAddressChecker())
                .AddAttribute("MaxSessions",
                              "Most WSP sessions open at once (count); further Connects get a "
                              "Reply 503. 0: no limit. Default 0 (a modelling choice).",
                              UintegerValue(0),
                              MakeUintegerAccessor(&MmsWapGateway::m_maxSessions),
                              MakeUintegerChecker<uint32_t>())
                .AddAttribute(
                    "MaxTransactions",
                    "Most WSP methods in progress at once (count); further ones get a WTP "
                    "Abort CAPTEMPEXCEEDED. 0: no limit. Default 0 (a modelling choice).",
                    UintegerValue(0),
                    MakeUintegerAccessor(&MmsWapGateway::m_maxTransactions),
                    MakeUintegerChecker<uint32_t>())
                .AddAttribute("ServiceTime",
                              "Time the gateway's one FIFO server spends on each method before its "
                              "HTTP request leaves (s). Default 5 ms (a modelling choice; set it "
                              "from the gateway's measured capacity).",
                              TimeValue(MilliSeconds(5)),
                              MakeTimeAccessor(&MmsWapGateway::m_serviceTime),
                              MakeTimeChecker(Seconds(0)))
                .AddAttribute("SessionIdleTimeout",
                              "A session with no method for this long is forgotten (s). Default "
                              "600 s (a modelling choice).",
                              TimeValue(Seconds(600)),
                              MakeTimeAccessor(&MmsWapGateway::m_sessionIdle),
                              MakeTimeChecker(Seconds(1)))
                .AddTraceSource("Accepted",
                                "A WSP method was accepted (detail: method and URI).",
                                MakeTraceSourceAccessor(&MmsWapGateway::m_acceptedTrace),
                                "ns3::MmsEventTracedCallback")
                .AddTraceSource(
                    "Refused",
                    "A Connect or method was refused for capacity (detail: which limit).",
                    MakeTraceSourceAccessor(&MmsWapGateway::m_refusedTrace),
                    "ns3::MmsEventTracedCallback")
                .AddTraceSource("Aborted",
                                "A WTP transaction was aborted, or input was malformed (detail: "
                                "the reason).",
                                MakeTraceSourceAccessor(&MmsWapGateway::m_abortedTrace),
                                "ns3::MmsEventTracedCallback"),
            &MmsWapGateway::m_retryInterval,
            &MmsWapGateway::m_ackInterval,
            &MmsWapGateway::m_waitTimeout,
            &MmsWapGateway::m_maxRetransmissions),
        &MmsWapGateway::m_segmentSize,
        &MmsWapGateway::m_groupSize,
        "Result");
    return tid;
}

MmsWapGateway::MmsWapGateway()
{
    NS_LOG_FUNCTION(this);
}

MmsWapGateway::~MmsWapGateway()
{
    NS_LOG_FUNCTION(this);
}

int64_t
MmsWapGateway::AssignStreams(int64_t /* stream */)
{
    return 0; // no random draws
}

const MmsWapGateway::Counters&
MmsWapGateway::GetCounters() const
{
    return m_counters;
}

uint32_t
MmsWapGateway::GetSessionCount() const
{
    return static_cast<uint32_t>(m_sessions.size());
}

uint32_t
MmsWapGateway::GetActiveTransactions() const
{
    return m_active;
}

void
MmsWapGateway::EndWtp(const Key& key)
{
    auto it = m_wtp.find(key);
    if (it != m_wtp.end())
    {
        for (auto& e : it->second.timers)
        {
            e.Cancel();
        }
        it->second.finished = true; // Run() forgets it
    }
}

void
MmsWapGateway::StartApplication()
{
    if (GetElementName().find("MmsWapGateway@") == 0)
    {
        SetElementName("wapgw");
    }
    m_running = true;
    GetTransport()->BindDatagram(PORT_CO, MakeCallback(&MmsWapGateway::HandleCo, this));
    GetTransport()->BindDatagram(PORT_CL, MakeCallback(&MmsWapGateway::HandleCl, this));
}

void
MmsWapGateway::StopApplication()
{
    m_running = false;
    if (HasTransport())
    {
        GetTransport()->BindDatagram(PORT_CO, MmsTransport::DatagramCallback());
        GetTransport()->BindDatagram(PORT_CL, MmsTransport::DatagramCallback());
    }
}

void
MmsWapGateway::DoDispose()
{
    for (auto& [key, w] : m_wtp)
    {
        for (auto& e : w.timers)
        {
            e.Cancel();
        }
    }
    m_wtp.clear();
    m_ended.clear();
    for (auto& [peer, s] : m_sessions)
    {
        s.idle.Cancel();
    }
    m_sessions.clear();
    m_methods.clear();
    MmsApplication::DoDispose();
}

// ------------------------------------------------------------------------ WTP (port 9201)

void
MmsWapGateway::SendAbort(const Address& peer, uint16_t tid, uint8_t type, uint8_t reason)
{
    MmsWtpPdu abort =
        MmsWtpPdu::MakeAbort((tid & 0x7FFF) | MmsWtpPdu::TID_RESPONSE_BIT, type, reason);
    GetTransport()->SendDatagram(PORT_CO, peer, abort.Encode());
}

void
MmsWapGateway::HandleCo(const std::vector<uint8_t>& data, const Address& from)
{
    std::vector<MmsWtpPdu> pdus;
    MmsDecodeError e;
    if (!MmsWtpPdu::DecodeDatagram(data.data(), data.size(), pdus, e) || pdus.empty())
    {
        m_counters.malformed++;
        m_abortedTrace(
            MakeEvent("", PeerName(from), "", data.size(), "malformed WTP: " + e.ToString()));
        // An Abort PROTOERR names the TID when the header got that far (WAP-224-WTP 8.3.4).
        std::size_t at = (!data.empty() && data[0] == 0x00) ? 2 : 0;
        if (data.size() >= at + 3)
        {
            uint16_t tid = static_cast<uint16_t>((data[at + 1] << 8) | data[at + 2]);
            SendAbort(from, tid, MmsWtpPdu::ABORT_PROVIDER, MmsWtpPdu::REASON_PROTOERR);
        }
        return;
    }
    const MmsWtpPdu& first = pdus.front();
    if (first.IsResponse())
    {
        m_counters.malformed++; // a responder's PDU sent to the responder
        return;
    }
    Key key{from, first.GetTidValue()};
    auto it = m_wtp.find(key);
    if (it == m_wtp.end())
    {
        if (first.GetType() == MmsWtpPdu::INVOKE && first.GetClass() == MmsWtpPdu::CLASS_0)
        {
            // Class 0: no transaction; a Disconnect ends the session.
            MmsWspSessionPdu pdu;
            MmsDecodeError we;
            const auto& d = first.GetData();
            if (MmsWspSessionPdu::Decode(d.data(), d.size(), false, pdu, we)
                && pdu.GetType() == MmsWspSessionPdu::DISCONNECT)
            {
                Disconnect(from, pdu.GetSessionId());
            }
            else
            {
                m_counters.malformed++;
            }
            return;
        }
        if (first.GetType() != MmsWtpPdu::INVOKE && first.GetType() != MmsWtpPdu::SEGMENTED_INVOKE)
        {
            return; // an Ack or Abort of a transaction that is over
        }
        auto ended = m_ended.find(key);
        if (ended != m_ended.end())
        {
            if (first.GetRid()
                && Simulator::Now() - ended->second < m_retryInterval * (m_maxRetransmissions + 1))
            {
                m_counters.duplicates++;
                return; // a late copy of an Invoke already answered
            }
            m_ended.erase(ended);
        }
        if (first.GetType() == MmsWtpPdu::INVOKE && first.GetClass() != MmsWtpPdu::CLASS_2)
        {
            // Class 1 carries no Result: nothing of MMS uses it.
            SendAbort(from,
                      first.GetTidValue(),
                      MmsWtpPdu::ABORT_PROVIDER,
                      MmsWtpPdu::REASON_NOTIMPLEMENTEDCL2);
            m_counters.aborted++;
            return;
        }
        Wtp w;
        w.responder = std::make_unique<MmsWtpResponder>(
            MmsWap::Timers(m_retryInterval, m_ackInterval, m_waitTimeout, m_maxRetransmissions),
            m_segmentSize,
            m_groupSize);
        it = m_wtp.emplace(key, std::move(w)).first;
    }
    std::vector<MmsWtpAction> actions;
    unsigned before = it->second.responder->GetRetransmittedPackets();
    bool mine = it->second.responder->Receive(data.data(), data.size(), actions);
    m_counters.resultRetransmissions += it->second.responder->GetRetransmittedPackets() - before;
    if (!mine && it->second.responder->GetState() == MmsWtpResponder::LISTEN)
    {
        m_wtp.erase(it);
        return;
    }
    Run(key, actions);
}

void
MmsWapGateway::Run(const Key& key, const std::vector<MmsWtpAction>& actions)
{
    for (const auto& a : actions)
    {
        auto it = m_wtp.find(key);
        if (it == m_wtp.end())
        {
            return;
        }
        Wtp& w = it->second;
        switch (a.kind)
        {
            case MmsWtpAction::SEND:
                GetTransport()->SendDatagram(PORT_CO, key.first, a.pdu);
                break;
            case MmsWtpAction::START_TIMER:
                w.timers[a.timer].Cancel();
                w.timers[a.timer] = Simulator::Schedule(
                    Seconds(a.delay), &MmsWapGateway::Expire, this, key, a.timer);
                break;
            case MmsWtpAction::STOP_TIMER:
                w.timers[a.timer].Cancel();
                break;
            case MmsWtpAction::INVOKE_INDICATION:
                OnInvoke(key, a.message);
                break;
            case MmsWtpAction::ABORT_INDICATION:
                m_counters.aborted++;
                m_abortedTrace(MakeEvent(
                    "",
                    PeerName(key.first),
                    std::to_string(key.second),
                    0,
                    std::string(a.byPeer ? "aborted by the handset, reason " : "aborted, reason ")
                        + std::to_string(a.reason)));
                break;
            case MmsWtpAction::FINISHED:
                w.finished = true;
                break;
            default:
                break;
        }
    }
    auto it = m_wtp.find(key);
    if (it != m_wtp.end() && it->second.finished)
    {
        for (auto& e : it->second.timers)
        {
            e.Cancel();
        }
        if (it->second.method && m_active > 0)
        {
            m_active--;
        }
        m_counters.invokeNacks += it->second.responder->GetNacks();
        m_counters.segmentedInvokes += it->second.responder->GetInvokePackets() > 1 ? 1 : 0;
        m_wtp.erase(it);
        const Time now = Simulator::Now();
        if (m_ended.size() >= 4096)
        {
            // Forget what can no longer be duplicated.
            for (auto e = m_ended.begin(); e != m_ended.end();)
            {
                e = now - e->second >= m_retryInterval * (m_maxRetransmissions + 1)
                        ? m_ended.erase(e)
                        : std::next(e);
            }
        }
        m_ended[key] = now;
    }
}

void
MmsWapGateway::Expire(Key key, MmsWtpAction::Timer timer)
{
    auto it = m_wtp.find(key);
    if (it == m_wtp.end())
    {
        return;
    }
    unsigned before = it->second.responder->GetRetransmittedPackets();
    std::vector<MmsWtpAction> actions = it->second.responder->Expire(timer);
    m_counters.resultRetransmissions += it->second.responder->GetRetransmittedPackets() - before;
    Run(key, actions);
}

void
MmsWapGateway::OnInvoke(const Key& key, const std::vector<uint8_t>& wsp)
{
    const Address& peer = key.first;
    MmsWspSessionPdu pdu;
    MmsDecodeError e;
    Method m;
    m.peer = peer;
    m.tid = key.second;
    if (!MmsWspSessionPdu::Decode(wsp.data(), wsp.size(), false, pdu, e))
    {
        m_counters.malformed++;
        m_abortedTrace(
            MakeEvent("", PeerName(peer), "", wsp.size(), "malformed WSP: " + e.ToString()));
        Answer(m, MmsWap::ErrorReply(400));
        return;
    }
    if (pdu.GetType() == MmsWspSessionPdu::CONNECT)
    {
        auto s = m_sessions.find(peer);
        if (s == m_sessions.end() && m_maxSessions > 0 && m_sessions.size() >= m_maxSessions)
        {
            m_counters.sessionsRefused++;
            m_refusedTrace(MakeEvent("", PeerName(peer), "", wsp.size(), "MaxSessions"));
            Answer(m, MmsWap::ErrorReply(503));
            return;
        }
        if (s != m_sessions.end())
        {
            s->second.idle.Cancel(); // a new Connect from the same handset replaces it
        }
        Session& session = m_sessions[peer];
        session.id = m_nextSessionId++;
        m_counters.sessions++;
        TouchSession(peer);
        std::vector<MmsWspCapability> caps = {
            MmsWspCapability::Size(MmsWspCapability::SERVER_SDU_SIZE, 65000)};
        const MmsWspCapability* mor = pdu.FindCapability(MmsWspCapability::METHOD_MOR);
        if (mor)
        {
            caps.push_back(*mor); // accepted as proposed
        }
        Answer(m, MmsWspSessionPdu::MakeConnectReply(session.id, caps).Encode());
        return;
    }
    if (!MmsWap::IsMethod(pdu.GetType()))
    {
        m_counters.malformed++;
        Answer(m, MmsWap::ErrorReply(501));
        return;
    }
    if (m_sessions.find(peer) == m_sessions.end())
    {
        m_counters.noSession++;
        m_counters.aborted++;
        m_abortedTrace(MakeEvent("", PeerName(peer), std::to_string(key.second), 0, "no session"));
        SendAbort(peer, key.second, MmsWtpPdu::ABORT_USER, WSP_ABORT_DISCONNECT);
        EndWtp(key);
        return;
    }
    TouchSession(peer);
    if (!Admit(peer, "MaxTransactions"))
    {
        SendAbort(peer, key.second, MmsWtpPdu::ABORT_PROVIDER, MmsWtpPdu::REASON_CAPTEMPEXCEEDED);
        EndWtp(key);
        return;
    }
    m_wtp[key].method = true;
    Accept(m, pdu);
}

// ------------------------------------------------------------------------ sessions

void
MmsWapGateway::Disconnect(const Address& peer, uint32_t sessionId)
{
    auto s = m_sessions.find(peer);
    if (s == m_sessions.end() || s->second.id != sessionId)
    {
        return;
    }
    s->second.idle.Cancel();
    m_sessions.erase(s);
    m_counters.disconnects++;
}

void
MmsWapGateway::TouchSession(const Address& peer)
{
    auto s = m_sessions.find(peer);
    if (s == m_sessions.end())
    {
        return;
    }
    s->second.idle.Cancel();
    s->second.idle = Simulator::Schedule(m_sessionIdle, &MmsWapGateway::ExpireSession, this, peer);
}

void
MmsWapGateway::ExpireSession(Address peer)
{
    if (m_sessions.erase(peer) > 0)
    {
        m_counters.sessionsExpired++;
    }
}

// ------------------------------------------------------------------------ methods

bool
MmsWapGateway::Admit(const Address& peer, const std::string& what)
{
    if (m_maxTransactions > 0 && m_active >= m_maxTransactions)
    {
        m_counters.refused++;
        m_refusedTrace(MakeEvent("", PeerName(peer), "", 0, what));
        return false;
    }
    m_active++;
    return true;
}

void
MmsWapGateway::Accept(Method m, const MmsWspSessionPdu& pdu)
{
    // http://host/path -> Host, /path
    std::string uri = pdu.GetUri();
    std::string host;
    std::string target = uri;
    auto scheme = uri.find("://");
    if (scheme != std::string::npos)
    {
        auto slash = uri.find('/', scheme + 3);
        host = uri.substr(scheme + 3,
                          slash == std::string::npos ? std::string::npos : slash - scheme - 3);
        target = slash == std::string::npos ? "/" : uri.substr(slash);
    }
    uint8_t type = pdu.GetType();
    bool isPost = type == MmsWspSessionPdu::POST || type == MmsWspSessionPdu::PUT;
    std::string method = isPost ? (type == MmsWspSessionPdu::PUT ? "PUT" : "POST")
                                : MmsWspSessionPdu::TypeName(type);
    for (auto& c : method)
    {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    m.request = MmsHttpMessage::Request(method, target);
    if (!host.empty())
    {
        m.request.AddHeader("Host", host);
    }
    // The handset's number, which the gateway knows from the bearer (RADIUS accounting in a
    // real network; the subscriber directory here), for the Relay's insert-address.
    if (m_directory && InetSocketAddress::IsMatchingType(m.peer))
    {
        std::string msisdn =
            m_directory->FindByAddress(InetSocketAddress::ConvertFrom(m.peer).GetIpv4());
        if (!msisdn.empty())
        {
            m.request.AddHeader("X-WAP-Network-Client-MSISDN", msisdn);
        }
    }
    if (isPost)
    {
        m.request.AddHeader("Content-Type", pdu.GetContentType().ToString());
        m.request.body = pdu.GetData();
    }
    m_counters.accepted++;
    if (m.connectionless)
    {
        m_counters.connectionless++;
    }
    m_acceptedTrace(MakeEvent(
        "", PeerName(m.peer), std::to_string(m.tid), pdu.GetData().size(), method + " " + uri));
    uint64_t id = m_nextMethod++;
    m_methods[id] = std::move(m);
    Time now = Simulator::Now();
    m_serverFreeAt = std::max(m_serverFreeAt, now) + m_serviceTime;
    Simulator::Schedule(m_serverFreeAt - now, &MmsWapGateway::Forward, this, id);
}

void
MmsWapGateway::Forward(uint64_t id)
{
    auto it = m_methods.find(id);
    if (it == m_methods.end())
    {
        return;
    }
    GetTransport()->Request(m_relayAddress,
                            it->second.request,
                            MmsLadder::Label(it->second.request),
                            MakeCallback(&MmsWapGateway::HandleResponse, this),
                            id);
}

void
MmsWapGateway::HandleResponse(uint64_t id, bool ok, const MmsHttpMessage& r, const std::string& why)
{
    auto it = m_methods.find(id);
    if (it == m_methods.end())
    {
        return;
    }
    Method m = std::move(it->second);
    m_methods.erase(it);
    MmsWspSessionPdu reply;
    if (!ok)
    {
        m_counters.httpFailures++;
        NS_LOG_INFO(GetElementName() << ": HTTP to the Relay failed (" << why << "): 502");
        reply = MmsWspSessionPdu::MakeReply(502, MmsWspContentType("text/plain"), {});
    }
    else
    {
        reply = MmsWspSessionPdu::MakeReply(
            r.status,
            MmsWspContentType(MmsWap::MediaType(r.GetHeader("Content-Type"))),
            r.SerializeBody());
    }
    if (m.connectionless && m_active > 0)
    {
        m_active--; // no acknowledgement to wait for
    }
    Answer(m, reply.Encode());
}

void
MmsWapGateway::Answer(const Method& m, const std::vector<uint8_t>& wsp)
{
    if (m.connectionless)
    {
        std::vector<uint8_t> out;
        out.reserve(wsp.size() + 1);
        out.push_back(static_cast<uint8_t>(m.tid));
        out.insert(out.end(), wsp.begin(), wsp.end());
        m_counters.replies++;
        GetTransport()->SendDatagram(PORT_CL, m.peer, out);
        return;
    }
    // From the simulator: OnInvoke() answers while the Invoke's actions are being run.
    Key key{m.peer, m.tid};
    Simulator::ScheduleNow(
        [this, key, wsp]()
        {
            auto it = m_wtp.find(key);
            if (it == m_wtp.end())
            {
                return; // the transaction was aborted meanwhile
            }
            m_counters.replies++;
            Run(key, it->second.responder->Result(wsp));
        });
}

// ------------------------------------------------------------------------ connectionless

void
MmsWapGateway::HandleCl(const std::vector<uint8_t>& data, const Address& from)
{
    MmsWspSessionPdu pdu;
    MmsDecodeError e;
    Method m;
    m.peer = from;
    m.connectionless = true;
    m.tid = data.empty() ? 0 : data[0];
    if (!MmsWspSessionPdu::Decode(data.data(), data.size(), true, pdu, e))
    {
        m_counters.malformed++;
        m_abortedTrace(
            MakeEvent("", PeerName(from), "", data.size(), "malformed WSP: " + e.ToString()));
        if (data.size() >= 2)
        {
            Answer(m, MmsWap::ErrorReply(400));
        }
        return;
    }
    if (!MmsWap::IsMethod(pdu.GetType()))
    {
        m_counters.malformed++;
        Answer(m, MmsWap::ErrorReply(501));
        return;
    }
    if (!Admit(from, "MaxTransactions"))
    {
        Answer(m, MmsWap::ErrorReply(503));
        return;
    }
    Accept(m, pdu);
}

} // namespace ns3
