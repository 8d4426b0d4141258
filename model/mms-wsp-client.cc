/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wsp-client.h"

#include "mms-wsp-session-pdu.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsWspClient");
NS_OBJECT_ENSURE_REGISTERED(MmsWspClient);

namespace MmsWap
{
MmsWtpTimers
Timers(Time r, Time a, Time w, uint32_t n)
{
    MmsWtpTimers t;
    t.retryInterval = r.GetSeconds();
    t.ackInterval = a.GetSeconds();
    t.waitTimeout = w.GetSeconds();
    t.maxRetransmissions = n;
    return t;
}

std::string
MediaType(const std::string& value)
{
    std::string t = value.substr(0, value.find(';'));
    while (!t.empty() && t.back() == ' ')
    {
        t.pop_back();
    }
    return t.empty() ? "application/octet-stream" : t;
}

MmsHttpMessage
ToHttp(const MmsWspSessionPdu& reply)
{
    int status = MmsWspSessionPdu::HttpFromStatus(reply.GetStatus());
    MmsHttpMessage r = MmsHttpMessage::Response(status, status == 200 ? "OK" : "WSP");
    if (reply.HasContentType())
    {
        r.AddHeader("Content-Type", reply.GetContentType().ToString());
    }
    r.body = reply.GetData();
    return r;
}

std::vector<uint8_t>
ErrorReply(int httpStatus)
{
    return MmsWspSessionPdu::MakeReply(httpStatus, MmsWspContentType("text/plain"), {}).Encode();
}

bool
IsMethod(uint8_t type)
{
    return (type >= MmsWspSessionPdu::GET && type <= MmsWspSessionPdu::TRACE)
           || type == MmsWspSessionPdu::POST || type == MmsWspSessionPdu::PUT;
}
} // namespace MmsWap

TypeId
MmsWspClient::GetTypeId()
{
    static TypeId tid = MmsWap::AddWtpSarAttributes(
        MmsWap::AddWtpTimerAttributes(
            TypeId("ns3::MmsWspClient")
                .SetParent<Object>()
                .SetGroupName("Mms")
                .AddConstructor<MmsWspClient>()
                .AddAttribute("Connectionless",
                              "Use connectionless WSP (UDP port 9200, no WTP) instead of "
                              "connection-mode WSP over WTP class 2 (port 9201). Default false.",
                              BooleanValue(false),
                              MakeBooleanAccessor(&MmsWspClient::m_connectionless),
                              MakeBooleanChecker())
                .AddAttribute("LocalPort",
                              "The handset's UDP port for WSP (a modelling choice; any free port "
                              "works). Default 49200.",
                              UintegerValue(49200),
                              MakeUintegerAccessor(&MmsWspClient::m_localPort),
                              MakeUintegerChecker<uint16_t>(1))
                .AddAttribute("MethodMor",
                              "Method-MOR proposed in the Connect: methods open at once in the "
                              "session, more wait their turn (count). Default 1 (WAP-230-WSP "
                              "section 8.3.2.3's default).",
                              UintegerValue(1),
                              MakeUintegerAccessor(&MmsWspClient::m_mor),
                              MakeUintegerChecker<uint32_t>(1, 255))
                .AddAttribute("ConnectionlessTimeout",
                              "How long a connectionless request waits for its Reply (s). Default "
                              "30 s (a modelling choice, the WTP wait timeout's value).",
                              TimeValue(Seconds(30)),
                              MakeTimeAccessor(&MmsWspClient::m_clTimeout),
                              MakeTimeChecker(MilliSeconds(1)))
                .AddAttribute(
                    "MaxInvokeSize",
                    "Largest WSP PDU sent in one connectionless datagram, and the "
                    "Client-SDU-Size the Connect proposes (octets); larger connectionless "
                    "requests fail at once. Connection-mode methods are segmented instead "
                    "(at most 256 packets of SegmentSize). Default 65000 (a UDP "
                    "datagram's limit less headers).",
                    UintegerValue(65000),
                    MakeUintegerAccessor(&MmsWspClient::m_maxInvoke),
                    MakeUintegerChecker<uint32_t>(16, 65000))
                .AddTraceSource("Method",
                                "A WSP method (or the Connect) completed or failed: method, "
                                "elapsed time, whether a Reply came, Invoke retransmissions.",
                                MakeTraceSourceAccessor(&MmsWspClient::m_methodTrace),
                                "ns3::MmsWspClient::MethodTracedCallback")
                .AddTraceSource(
                    "Exchange",
                    "A request completed or failed, as a row of the results' transaction "
                    "table: type \"WSP \" + the request's label, the gateway as peer, "
                    "status the Reply's HTTP status or why it failed.",
                    MakeTraceSourceAccessor(&MmsWspClient::m_exchangeTrace),
                    "ns3::MmsSocketTransport::ExchangeTracedCallback"),
            &MmsWspClient::m_retryInterval,
            &MmsWspClient::m_ackInterval,
            &MmsWspClient::m_waitTimeout,
            &MmsWspClient::m_maxRetransmissions),
        &MmsWspClient::m_segmentSize,
        &MmsWspClient::m_groupSize,
        "Invoke");
    return tid;
}

MmsWspClient::MmsWspClient()
{
    NS_LOG_FUNCTION(this);
}

MmsWspClient::~MmsWspClient()
{
    NS_LOG_FUNCTION(this);
}

void
MmsWspClient::DoDispose()
{
    for (auto& [tid, t] : m_transactions)
    {
        for (auto& e : t.timers)
        {
            e.Cancel();
        }
    }
    m_transactions.clear();
    for (auto& [tid, p] : m_clPending)
    {
        p.second.Cancel();
    }
    m_clPending.clear();
    m_queue.clear();
    m_transport = nullptr;
    Object::DoDispose();
}

MmsWtpTimers
MmsWspClient::GetTimers() const
{
    return MmsWap::Timers(m_retryInterval, m_ackInterval, m_waitTimeout, m_maxRetransmissions);
}

void
MmsWspClient::Attach(Ptr<MmsTransport> transport, const Address& gateway)
{
    m_transport = transport;
    m_gateway = gateway;
    m_transport->BindDatagram(m_localPort, MakeCallback(&MmsWspClient::HandleDatagram, this));
}

void
MmsWspClient::Detach()
{
    if (!m_transport)
    {
        return;
    }
    if (m_session == CONNECTED && !m_connectionless)
    {
        // S-Disconnect: a Disconnect in a class 0 Invoke (WAP-230-WSP section 7.1.2).
        MmsWspSessionPdu d =
            MmsWspSessionPdu::MakeSessionEnd(MmsWspSessionPdu::DISCONNECT, m_sessionId);
        MmsWtpPdu inv = MmsWtpPdu::MakeInvoke(NextTid(), MmsWtpPdu::CLASS_0, d.Encode(), false);
        m_transport->SendDatagram(m_localPort, GatewayPort(PORT_CO), inv.Encode());
    }
    AbortAll();
    m_transport->BindDatagram(m_localPort, MmsTransport::DatagramCallback());
    m_transport = nullptr;
}

Address
MmsWspClient::GatewayPort(uint16_t port) const
{
    if (InetSocketAddress::IsMatchingType(m_gateway))
    {
        return InetSocketAddress(InetSocketAddress::ConvertFrom(m_gateway).GetIpv4(), port);
    }
    return m_gateway;
}

const MmsWspClient::Counters&
MmsWspClient::GetCounters() const
{
    return m_counters;
}

bool
MmsWspClient::IsConnected() const
{
    return m_session == CONNECTED;
}

uint32_t
MmsWspClient::GetSessionId() const
{
    return m_session == CONNECTED ? m_sessionId : 0;
}

void
MmsWspClient::SetNextTid(uint16_t tid)
{
    m_nextTid = tid & 0x7FFF;
}

uint16_t
MmsWspClient::GetNextTid() const
{
    return m_nextTid;
}

uint16_t
MmsWspClient::NextTid()
{
    uint16_t tid = m_nextTid;
    m_nextTid = (m_nextTid + 1) & 0x7FFF;
    return tid;
}

std::vector<uint8_t>
MmsWspClient::MethodPdu(const MmsHttpMessage& request, bool& isGet) const
{
    std::string uri = "http://" + request.GetHeader("Host") + request.target;
    isGet = request.method == "GET";
    MmsWspSessionPdu pdu;
    if (isGet)
    {
        pdu = MmsWspSessionPdu::MakeGet(uri);
    }
    else
    {
        pdu = MmsWspSessionPdu::MakePost(
            uri,
            MmsWspContentType(MmsWap::MediaType(request.GetHeader("Content-Type"))),
            request.SerializeBody(),
            request.method == "PUT" ? MmsWspSessionPdu::PUT : MmsWspSessionPdu::POST);
    }
    if (m_connectionless)
    {
        pdu.SetConnectionless(true, m_nextClTid);
    }
    return pdu.Encode();
}

void
MmsWspClient::Request(const MmsHttpMessage& request,
                      const MmsTransport::RequestLabel& label,
                      MmsTransport::ResponseCallback cb,
                      uint64_t cookie)
{
    NS_ASSERT_MSG(m_transport, "MmsWspClient::Request before Attach()");
    m_counters.requests++;
    Pending p{request, cb, cookie, label, Simulator::Now()};
    if (m_connectionless)
    {
        bool isGet = false;
        std::vector<uint8_t> wsp = MethodPdu(request, isGet);
        uint8_t tid = m_nextClTid++;
        if (wsp.size() > m_maxInvoke)
        {
            Simulator::ScheduleNow(&MmsWspClient::Fail,
                                   this,
                                   p,
                                   std::string("message too large for one WSP datagram"));
            return;
        }
        auto old = m_clPending.find(tid);
        if (old != m_clPending.end())
        {
            old->second.second.Cancel();
            Simulator::ScheduleNow(&MmsWspClient::Fail,
                                   this,
                                   old->second.first,
                                   std::string("connectionless TID reused"));
        }
        EventId e =
            Simulator::Schedule(m_clTimeout, &MmsWspClient::ConnectionlessTimeout, this, tid);
        m_clPending[tid] = {p, e};
        m_clStarted[tid] = {isGet ? "Get" : "Post", Simulator::Now()};
        m_transport->SendDatagram(m_localPort, GatewayPort(PORT_CL), wsp);
        return;
    }
    m_queue.push_back(p);
    if (m_session == NO_SESSION)
    {
        Connect();
    }
    else if (m_session == CONNECTED)
    {
        StartNext();
    }
}

void
MmsWspClient::Connect()
{
    m_session = CONNECTING;
    m_counters.connects++;
    std::vector<MmsWspCapability> caps = {
        MmsWspCapability::Size(MmsWspCapability::CLIENT_SDU_SIZE, m_maxInvoke),
        MmsWspCapability::Mor(MmsWspCapability::METHOD_MOR, static_cast<uint8_t>(m_mor))};
    Transaction t;
    t.isConnect = true;
    t.method = "Connect";
    Invoke(NextTid(), std::move(t), MmsWspSessionPdu::MakeConnect(caps).Encode());
}

void
MmsWspClient::StartNext()
{
    while (m_session == CONNECTED && m_busy < m_mor && !m_queue.empty())
    {
        Pending p = m_queue.front();
        m_queue.pop_front();
        StartMethod(p);
    }
}

void
MmsWspClient::StartMethod(Pending p)
{
    bool isGet = false;
    std::vector<uint8_t> wsp = MethodPdu(p.request, isGet);
    m_busy++;
    Transaction t;
    t.pending = p;
    t.method = isGet ? "Get" : "Post";
    Invoke(NextTid(), std::move(t), wsp);
}

void
MmsWspClient::Invoke(uint16_t tid, Transaction t, const std::vector<uint8_t>& wsp)
{
    t.initiator = MmsWtpInitiator(tid, GetTimers(), m_segmentSize, m_groupSize);
    t.started = Simulator::Now();
    auto old = m_transactions.find(tid);
    if (old != m_transactions.end())
    {
        for (auto& e : old->second.timers)
        {
            e.Cancel(); // a TID that wrapped round: its old transaction is long over
        }
    }
    m_transactions[tid] = std::move(t);
    Run(tid, m_transactions[tid].initiator.Invoke(wsp, true));
}

void
MmsWspClient::Run(uint16_t tid, const std::vector<MmsWtpAction>& actions)
{
    for (const auto& a : actions)
    {
        auto it = m_transactions.find(tid);
        if (it == m_transactions.end())
        {
            return;
        }
        Transaction& t = it->second;
        switch (a.kind)
        {
            case MmsWtpAction::SEND:
                if (m_transport)
                {
                    m_transport->SendDatagram(m_localPort, GatewayPort(PORT_CO), a.pdu);
                }
                break;
            case MmsWtpAction::START_TIMER:
                t.timers[a.timer].Cancel();
                t.timers[a.timer] = Simulator::Schedule(
                    Seconds(a.delay), &MmsWspClient::Expire, this, tid, a.timer);
                break;
            case MmsWtpAction::STOP_TIMER:
                t.timers[a.timer].Cancel();
                break;
            case MmsWtpAction::RESULT_INDICATION:
                OnResult(tid, a.message);
                break;
            case MmsWtpAction::ABORT_INDICATION:
                OnAbort(tid, a.reason);
                break;
            case MmsWtpAction::FINISHED:
                t.finished = true;
                break;
            default:
                break;
        }
    }
    auto it = m_transactions.find(tid);
    if (it != m_transactions.end() && it->second.finished)
    {
        for (auto& e : it->second.timers)
        {
            e.Cancel();
        }
        const MmsWtpInitiator& ini = it->second.initiator;
        m_counters.segmentedInvokes += ini.GetInvokePackets() > 1 ? 1 : 0;
        m_counters.invokePacketsResent += ini.GetResentPackets();
        m_counters.resultNacks += ini.GetNacks();
        m_transactions.erase(it);
    }
}

void
MmsWspClient::Expire(uint16_t tid, MmsWtpAction::Timer timer)
{
    auto it = m_transactions.find(tid);
    if (it == m_transactions.end())
    {
        return;
    }
    unsigned before = it->second.initiator.GetRetransmissions();
    std::vector<MmsWtpAction> actions = it->second.initiator.Expire(timer);
    m_counters.invokeRetransmissions += it->second.initiator.GetRetransmissions() - before;
    Run(tid, actions);
}

void
MmsWspClient::HandleDatagram(const std::vector<uint8_t>& data, const Address& from)
{
    if (m_connectionless)
    {
        HandleConnectionless(data);
        return;
    }
    // The TID of the datagram (its first PDU's; a concatenation starts with 0x00).
    std::size_t at = 0;
    if (!data.empty() && data[0] == 0x00 && data.size() > 2)
    {
        at = (data[1] & 0x80) ? 3 : 2;
    }
    if (data.size() < at + 3)
    {
        m_counters.aborts++;
        NS_LOG_WARN("WSP client: undecodable datagram of " << data.size() << " octets");
        return;
    }
    uint16_t tid = ((data[at + 1] << 8) | data[at + 2]) & 0x7FFF;
    auto it = m_transactions.find(tid);
    if (it == m_transactions.end())
    {
        NS_LOG_LOGIC("WSP client: datagram for no transaction (TID " << tid << ")");
        return;
    }
    std::vector<MmsWtpAction> actions;
    if (!it->second.initiator.Receive(data.data(), data.size(), actions))
    {
        m_counters.aborts++;
        return;
    }
    Run(tid, actions);
}

void
MmsWspClient::OnResult(uint16_t tid, const std::vector<uint8_t>& message)
{
    Transaction& t = m_transactions[tid];
    MmsWspSessionPdu pdu;
    MmsDecodeError e;
    bool ok = MmsWspSessionPdu::Decode(message.data(), message.size(), false, pdu, e);
    uint32_t rcr = t.initiator.GetRetransmissions();
    Time elapsed = Simulator::Now() - t.started;
    if (t.isConnect)
    {
        t.reported = true;
        bool connected = ok && pdu.GetType() == MmsWspSessionPdu::CONNECT_REPLY;
        m_methodTrace(t.method, elapsed, connected, rcr);
        // Acknowledge whatever came: the Result reached us.
        std::vector<MmsWtpAction> ack = t.initiator.UserAck();
        if (connected)
        {
            m_session = CONNECTED;
            m_sessionId = pdu.GetSessionId();
        }
        else
        {
            m_session = NO_SESSION;
            std::string why =
                ok ? "WSP session refused (" + MmsWspSessionPdu::TypeName(pdu.GetType())
                         + (pdu.GetType() == MmsWspSessionPdu::REPLY
                                ? " "
                                      + std::to_string(
                                          MmsWspSessionPdu::HttpFromStatus(pdu.GetStatus()))
                                : std::string())
                         + ")"
                   : "undecodable ConnectReply: " + e.ToString();
            FailQueued(why);
        }
        Simulator::ScheduleNow(&MmsWspClient::Run, this, tid, ack);
        if (connected)
        {
            StartNext();
        }
        return;
    }
    t.reported = true;
    Pending p = t.pending;
    std::vector<MmsWtpAction> ack = t.initiator.UserAck();
    m_busy = m_busy > 0 ? m_busy - 1 : 0;
    if (!ok || pdu.GetType() != MmsWspSessionPdu::REPLY)
    {
        m_methodTrace(t.method, elapsed, false, rcr);
        Fail(p,
             ok ? "WSP " + MmsWspSessionPdu::TypeName(pdu.GetType()) + " instead of a Reply"
                : "undecodable WSP Reply: " + e.ToString());
    }
    else
    {
        m_methodTrace(t.method, elapsed, true, rcr);
        Deliver(p, MmsWap::ToHttp(pdu));
    }
    Simulator::ScheduleNow(&MmsWspClient::Run, this, tid, ack);
    StartNext();
}

void
MmsWspClient::OnAbort(uint16_t tid, uint8_t reason)
{
    Transaction& t = m_transactions[tid];
    m_counters.aborts++;
    if (t.reported)
    {
        return;
    }
    t.reported = true;
    m_methodTrace(t.method, Simulator::Now() - t.started, false, t.initiator.GetRetransmissions());
    std::string why = "WTP abort " + std::to_string(reason);
    if (reason == MmsWtpPdu::REASON_NORESPONSE)
    {
        why = "WTP no response";
    }
    if (t.isConnect)
    {
        m_session = NO_SESSION;
        FailQueued(why);
        return;
    }
    m_busy = m_busy > 0 ? m_busy - 1 : 0;
    Pending p = t.pending;
    Fail(p, why);
    StartNext();
}

void
MmsWspClient::HandleConnectionless(const std::vector<uint8_t>& data)
{
    MmsWspSessionPdu pdu;
    MmsDecodeError e;
    if (!MmsWspSessionPdu::Decode(data.data(), data.size(), true, pdu, e)
        || pdu.GetType() != MmsWspSessionPdu::REPLY)
    {
        m_counters.aborts++;
        NS_LOG_WARN("WSP client: not a connectionless Reply: " << e.ToString());
        return;
    }
    auto it = m_clPending.find(pdu.GetTid());
    if (it == m_clPending.end())
    {
        return; // late, after its timeout
    }
    it->second.second.Cancel();
    Pending p = it->second.first;
    m_clPending.erase(it);
    auto started = m_clStarted[pdu.GetTid()];
    m_methodTrace(started.first, Simulator::Now() - started.second, true, 0);
    Deliver(p, MmsWap::ToHttp(pdu));
}

void
MmsWspClient::ConnectionlessTimeout(uint8_t tid)
{
    auto it = m_clPending.find(tid);
    if (it == m_clPending.end())
    {
        return;
    }
    Pending p = it->second.first;
    m_clPending.erase(it);
    auto started = m_clStarted[tid];
    m_methodTrace(started.first, Simulator::Now() - started.second, false, 0);
    Fail(p, "no connectionless WSP Reply");
}

void
MmsWspClient::Fail(Pending p, const std::string& why)
{
    m_counters.failures++;
    Record(p, nullptr, why);
    if (!p.cb.IsNull())
    {
        p.cb(p.cookie, false, MmsHttpMessage::Response(0, ""), why);
    }
}

void
MmsWspClient::Deliver(Pending& p, const MmsHttpMessage& response)
{
    m_counters.replies++;
    Record(p, &response, std::to_string(response.status));
    if (!p.cb.IsNull())
    {
        p.cb(p.cookie, true, response, "");
    }
}

void
MmsWspClient::Record(const Pending& p, const MmsHttpMessage* response, const std::string& status)
{
    MmsSocketTransport::Exchange x;
    x.type = "WSP " + p.label.type;
    x.transactionId = p.label.transactionId;
    x.peer = GatewayPort(m_connectionless ? PORT_CL : PORT_CO);
    x.start = p.issued;
    x.finish = Simulator::Now();
    x.requestBytes = p.request.GetBodySize();
    x.responseBytes = response ? response->GetBodySize() : 0;
    x.status = status;
    m_exchangeTrace(x);
}

void
MmsWspClient::FailQueued(const std::string& why)
{
    std::deque<Pending> queue;
    queue.swap(m_queue);
    for (auto& p : queue)
    {
        Fail(p, why);
    }
}

void
MmsWspClient::AbortAll()
{
    std::vector<Pending> failed;
    for (auto& [tid, t] : m_transactions)
    {
        for (auto& e : t.timers)
        {
            e.Cancel();
        }
        if (!t.isConnect && !t.reported)
        {
            failed.push_back(t.pending);
        }
    }
    m_transactions.clear();
    for (auto& [tid, p] : m_clPending)
    {
        p.second.Cancel();
        failed.push_back(p.first);
    }
    m_clPending.clear();
    for (auto& p : m_queue)
    {
        failed.push_back(p);
    }
    m_queue.clear();
    m_session = NO_SESSION;
    m_sessionId = 0;
    m_busy = 0;
    for (auto& p : failed)
    {
        Fail(p, "aborted");
    }
}

} // namespace ns3
