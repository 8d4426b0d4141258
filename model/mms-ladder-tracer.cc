/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-ladder-tracer.h"

#include "mms-ladder.h"
#include "mms-pap-message.h"
#include "mms-sms-tpdu.h"
#include "mms-smsc.h"
#include "mms-wsp-push.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsLadderTracer");
NS_OBJECT_ENSURE_REGISTERED(MmsLadderTracer);

namespace
{
std::string
FixedName(std::string name)
{
    return name;
}

/// The user data of the SMS an RP-DATA (SMSC to handset) carries, or "" if it is not one.
std::string
DeliveredUserData(const std::vector<uint8_t>& data)
{
    MmsSmsDeliver d;
    MmsDecodeError e;
    if (data.size() >= 2 && data[0] == MmsSmsc::RP_DATA_TO_MS
        && MmsSmsDeliver::Decode(data.data() + 2, data.size() - 2, d, e))
    {
        return std::string(d.userData.begin(), d.userData.end());
    }
    return "";
}

/// The data of a WSP Push, or "" if the datagram is not one.
std::string
PushedData(const std::vector<uint8_t>& data)
{
    MmsWspPushPdu push;
    MmsDecodeError e;
    if (MmsWspPushPdu::Decode(data.data(), data.size(), push, e))
    {
        return std::string(push.GetData().begin(), push.GetData().end());
    }
    return "";
}

/// The value of a key, or "".
std::string
Lookup(const std::unordered_map<std::string, std::string>& map, const std::string& key)
{
    auto it = map.find(key);
    return it == map.end() ? std::string() : it->second;
}

std::string
AddressText(const Address& a)
{
    std::ostringstream os;
    if (InetSocketAddress::IsMatchingType(a))
    {
        InetSocketAddress i = InetSocketAddress::ConvertFrom(a);
        os << i.GetIpv4() << ":" << i.GetPort();
    }
    return os.str();
}
} // namespace

const char* const MmsLadderTracer::LADDER_LEGEND =
    "Each arrow is one message, from the element that sent it to the one it reached.\n"
    "sent: handed to TCP or UDP; arrived: received whole (-: never arrived). A request\n"
    "issued earlier waited for its connection (radio and PDP set-up, TCP handshake).";

TypeId
MmsLadderTracer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsLadderTracer")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsLadderTracer>()
            .AddTraceSource("Pdu",
                            "A message between two traced elements arrived, or (Flush) was "
                            "sent and never arrived: elements, description, transaction, "
                            "octets, issued, sent and arrival times.",
                            MakeTraceSourceAccessor(&MmsLadderTracer::m_pduTrace),
                            "ns3::MmsLadderTracer::PduTracedCallback");
    return tid;
}

MmsLadderTracer::MmsLadderTracer() = default;
MmsLadderTracer::~MmsLadderTracer() = default;

void
MmsLadderTracer::DoDispose()
{
    m_names.clear();
    m_at.clear();
    m_inFlight.clear();
    m_answering.clear();
    m_smsTags.clear();
    m_pushIds.clear();
    m_lastSms.clear();
    m_count = 0;
    Object::DoDispose();
}

void
MmsLadderTracer::Add(Ptr<MmsSocketTransport> transport, const std::string& name)
{
    Add(transport, MakeBoundCallback(&FixedName, name));
}

void
MmsLadderTracer::Add(Ptr<MmsSocketTransport> transport, NameCallback name)
{
    NS_ASSERT_MSG(transport && transport->GetNode(), "MmsLadderTracer::Add: no transport/node");
    auto endpoint = static_cast<uint32_t>(m_names.size());
    m_names.push_back(name);
    Ptr<Ipv4> ip = transport->GetNode()->GetObject<Ipv4>();
    if (ip)
    {
        for (uint32_t i = 0; i < ip->GetNInterfaces(); ++i)
        {
            for (uint32_t k = 0; k < ip->GetNAddresses(i); ++k)
            {
                Ipv4Address a = ip->GetAddress(i, k).GetLocal();
                if (!a.IsLocalhost())
                {
                    m_at[a.Get()] = endpoint;
                }
            }
        }
    }
    transport->TraceConnectWithoutContext("RequestTx",
                                          MakeBoundCallback(&RequestTxSink, this, endpoint));
    transport->TraceConnectWithoutContext("RequestRx",
                                          MakeBoundCallback(&RequestRxSink, this, endpoint));
    transport->TraceConnectWithoutContext("HttpTx", MakeBoundCallback(&HttpTxSink, this, endpoint));
    transport->TraceConnectWithoutContext("ResponseRx",
                                          MakeBoundCallback(&ResponseRxSink, this, endpoint));
    transport->TraceConnectWithoutContext("DatagramTx",
                                          MakeBoundCallback(&DatagramTxSink, this, endpoint));
    transport->TraceConnectWithoutContext("DatagramRx",
                                          MakeBoundCallback(&DatagramRxSink, this, endpoint));
}

std::string
MmsLadderTracer::NameOf(uint32_t endpoint) const
{
    return m_names[endpoint]();
}

int
MmsLadderTracer::EndpointOf(const Address& a) const
{
    if (!InetSocketAddress::IsMatchingType(a))
    {
        return -1;
    }
    auto it = m_at.find(InetSocketAddress::ConvertFrom(a).GetIpv4().Get());
    return it == m_at.end() ? -1 : static_cast<int>(it->second);
}

void
MmsLadderTracer::Sent(const std::string& key, Pdu pdu)
{
    m_inFlight[key].push_back(std::move(pdu));
    ++m_count;
}

void
MmsLadderTracer::Arrived(const std::string& key, const std::string& transactionId)
{
    auto it = m_inFlight.find(key);
    if (it == m_inFlight.end())
    {
        NS_LOG_LOGIC("an arrival without a matching send: " << key);
        return;
    }
    // The latest sent of identical messages: the earlier ones were lost (repeated SMS).
    Pdu pdu = std::move(it->second.back());
    it->second.pop_back();
    if (it->second.empty())
    {
        m_inFlight.erase(it);
    }
    --m_count;
    if (!transactionId.empty())
    {
        pdu.transactionId = transactionId;
    }
    pdu.arrived = Simulator::Now();
    m_pduTrace(pdu);
}

void
MmsLadderTracer::Flush()
{
    std::vector<Pdu> lost;
    for (auto& [key, pdus] : m_inFlight)
    {
        for (Pdu& p : pdus)
        {
            p.arrived = Seconds(-1);
            lost.push_back(std::move(p));
        }
    }
    m_inFlight.clear();
    m_count = 0;
    std::stable_sort(lost.begin(),
                     lost.end(),
                     [](const Pdu& a, const Pdu& b)
                     {
                         return a.sent < b.sent;
                     });
    for (const Pdu& p : lost)
    {
        m_pduTrace(p);
    }
}

std::size_t
MmsLadderTracer::GetInFlight() const
{
    return m_count;
}

// Keys: kind, sender, receiver and content (the full description and size for HTTP, the
// octets for datagrams), so that a message is only matched with its own arrival.

std::string
MmsLadderTracer::Key(char kind, uint32_t from, uint32_t to, const std::string& content)
{
    std::ostringstream key;
    key << kind << "|" << from << "|" << to << "|" << content;
    return key.str();
}

std::string
MmsLadderTracer::HttpContent(const MmsHttpMessage& m)
{
    return MmsLadder::Describe(m, true) + "|" + std::to_string(m.GetSerializedSize());
}

MmsLadderTracer::Pdu
MmsLadderTracer::Start(uint32_t from, uint32_t to, const std::string& kind, uint64_t octets) const
{
    Pdu p;
    p.sender = NameOf(from);
    p.receiver = NameOf(to);
    p.kind = kind;
    p.octets = octets;
    p.sent = Simulator::Now();
    p.issued = p.sent;
    return p;
}

void
MmsLadderTracer::RequestTxSink(MmsLadderTracer* t,
                               uint32_t endpoint,
                               const MmsHttpMessage& m,
                               const Address& server,
                               const MmsTransport::RequestLabel& label,
                               Time issued)
{
    int to = t->EndpointOf(server);
    if (to < 0)
    {
        return;
    }
    Pdu p = t->Start(endpoint, to, "request", m.GetSerializedSize());
    p.description = MmsLadder::Describe(m);
    p.transactionId = label.transactionId;
    p.issued = issued;
    t->Sent(Key('q', endpoint, to, HttpContent(m)), std::move(p));
}

void
MmsLadderTracer::RequestRxSink(MmsLadderTracer* t,
                               uint32_t endpoint,
                               const MmsHttpMessage& m,
                               const Address& client)
{
    int from = t->EndpointOf(client);
    if (from < 0)
    {
        return;
    }
    MmsTransport::RequestLabel label = MmsLadder::Label(m);
    // Its response will carry its transaction; an SMS the tag of the POST /sms that carried
    // it; a push over UDP the push-id of the PAP push.
    t->m_answering[std::to_string(endpoint) + "|" + AddressText(client)].push_back(
        label.transactionId);
    if (m.target.find("/sms") != std::string::npos)
    {
        MmsSmsSubmit s;
        MmsDecodeError e;
        if (MmsSmsSubmit::Decode(m.body.data(), m.body.size(), s, e))
        {
            t->m_smsTags[std::string(s.userData.begin(), s.userData.end())] = label.transactionId;
        }
    }
    MmsPapRequest pap;
    std::string error;
    const std::string& type = m.GetHeader("Content-Type");
    if (type.rfind("multipart/related", 0) == 0 && MmsPapRequest::Decode(type, m.body, pap, error))
    {
        t->m_pushIds[std::string(pap.content.begin(), pap.content.end())] = pap.control.pushId;
    }
    t->Arrived(Key('q', from, endpoint, HttpContent(m)), "");
}

void
MmsLadderTracer::HttpTxSink(MmsLadderTracer* t,
                            uint32_t endpoint,
                            const MmsHttpMessage& m,
                            const Address& client)
{
    if (m.isRequest)
    {
        return; // RequestTxSink has it, with its label
    }
    int to = t->EndpointOf(client);
    std::string transactionId;
    auto a = t->m_answering.find(std::to_string(endpoint) + "|" + AddressText(client));
    if (a != t->m_answering.end())
    {
        transactionId = a->second.front();
        a->second.pop_front();
        if (a->second.empty())
        {
            t->m_answering.erase(a);
        }
    }
    if (to < 0)
    {
        return;
    }
    Pdu p = t->Start(endpoint, to, "response", m.GetSerializedSize());
    p.description = MmsLadder::Describe(m);
    p.transactionId = transactionId;
    t->Sent(Key('s', endpoint, to, HttpContent(m)), std::move(p));
}

void
MmsLadderTracer::ResponseRxSink(MmsLadderTracer* t,
                                uint32_t endpoint,
                                const MmsHttpMessage& m,
                                const Address& server,
                                const MmsTransport::RequestLabel& label)
{
    int from = t->EndpointOf(server);
    if (from < 0)
    {
        return;
    }
    t->Arrived(Key('s', from, endpoint, HttpContent(m)), label.transactionId);
}

void
MmsLadderTracer::DatagramTxSink(MmsLadderTracer* t,
                                uint32_t endpoint,
                                const std::vector<uint8_t>& data,
                                const Address& to)
{
    int receiver = t->EndpointOf(to);
    if (receiver < 0)
    {
        return;
    }
    Pdu p = t->Start(endpoint, receiver, "datagram", data.size());
    p.description = MmsLadder::DescribeDatagram(data);
    std::string sms = DeliveredUserData(data);
    if (!sms.empty())
    {
        p.transactionId = Lookup(t->m_smsTags, sms);
        t->m_lastSms[p.receiver] = p.transactionId;
    }
    else if (data.size() >= 2
             && (data[0] == MmsSmsc::RP_ACK_FROM_MS || data[0] == MmsSmsc::RP_ERROR_FROM_MS))
    {
        p.transactionId = Lookup(t->m_lastSms, p.sender);
    }
    else
    {
        p.transactionId = Lookup(t->m_pushIds, PushedData(data));
    }
    t->Sent(Key('d', endpoint, receiver, std::string(data.begin(), data.end())), std::move(p));
}

void
MmsLadderTracer::DatagramRxSink(MmsLadderTracer* t,
                                uint32_t endpoint,
                                const std::vector<uint8_t>& data,
                                const Address& from)
{
    int sender = t->EndpointOf(from);
    if (sender < 0)
    {
        return;
    }
    t->Arrived(Key('d', sender, endpoint, std::string(data.begin(), data.end())), "");
}

} // namespace ns3
