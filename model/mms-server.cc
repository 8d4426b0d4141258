/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-server.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsServer");
NS_OBJECT_ENSURE_REGISTERED(MmsServer);

TypeId
MmsServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsServer")
            .SetParent<MmsApplication>()
            .SetGroupName("Mms")
            .AddConstructor<MmsServer>()
            .AddAttribute("Port",
                          "TCP port of the store protocol.",
                          UintegerValue(8002),
                          MakeUintegerAccessor(&MmsServer::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Capacity",
                          "Storage capacity (octets); a store that would exceed it is refused "
                          "with 507. Default 1 GiB (a modelling choice, not a measured figure).",
                          UintegerValue(uint64_t(1) << 30),
                          MakeUintegerAccessor(&MmsServer::m_capacity),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("StoreTime",
                          "Time to store one MM (s). Default 5 ms (assumed disk write).",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.005]"),
                          MakePointerAccessor(&MmsServer::m_storeTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("FetchTime",
                          "Time to fetch one MM (s). Default 5 ms (assumed disk read).",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.005]"),
                          MakePointerAccessor(&MmsServer::m_fetchTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("DeleteTime",
                          "Time to delete one MM (s). Default 1 ms (assumed).",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.001]"),
                          MakePointerAccessor(&MmsServer::m_deleteTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddTraceSource("StoredBytes",
                            "Octets held in the store.",
                            MakeTraceSourceAccessor(&MmsServer::m_storedBytes),
                            "ns3::TracedValueCallback::Uint64")
            .AddTraceSource("Stored",
                            "An MM was stored.",
                            MakeTraceSourceAccessor(&MmsServer::m_storedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Fetched",
                            "An MM was read for retrieval.",
                            MakeTraceSourceAccessor(&MmsServer::m_fetchedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Deleted",
                            "An MM was deleted (detail: \"deleted\" or \"expired\").",
                            MakeTraceSourceAccessor(&MmsServer::m_deletedTrace),
                            "ns3::MmsEventTracedCallback")
            .AddTraceSource("Rejected",
                            "A store was refused (detail: the reason).",
                            MakeTraceSourceAccessor(&MmsServer::m_rejectedTrace),
                            "ns3::MmsEventTracedCallback");
    return tid;
}

MmsServer::MmsServer() = default;
MmsServer::~MmsServer() = default;

int64_t
MmsServer::AssignStreams(int64_t stream)
{
    m_storeTime->SetStream(stream);
    m_fetchTime->SetStream(stream + 1);
    m_deleteTime->SetStream(stream + 2);
    return 3;
}

uint64_t
MmsServer::GetStoredBytes() const
{
    return m_storedBytes;
}

uint64_t
MmsServer::GetStoredMessages() const
{
    return m_store.size();
}

void
MmsServer::DoDispose()
{
    for (auto& [id, s] : m_store)
    {
        Simulator::Remove(s.expiry);
    }
    m_store.clear();
    MmsApplication::DoDispose();
}

void
MmsServer::StartApplication()
{
    GetTransport()->Listen(m_port, MakeCallback(&MmsServer::HandleRequest, this));
}

void
MmsServer::StopApplication()
{
}

void
MmsServer::HandleRequest(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address&)
{
    double t = 0;
    if (m.method == "PUT")
    {
        t = m_storeTime->GetValue();
    }
    else if (m.method == "GET")
    {
        t = m_fetchTime->GetValue();
    }
    else if (m.method == "DELETE")
    {
        t = m_deleteTime->GetValue();
    }
    Simulator::Schedule(Seconds(std::max(0.0, t)), &MmsServer::Serve, this, ex, m);
}

void
MmsServer::Serve(MmsTransport::ExchangeId ex, MmsHttpMessage m)
{
    const std::string prefix = "/store/";
    if (m.target.compare(0, prefix.size(), prefix) != 0 || m.target.size() == prefix.size())
    {
        MmsHttpMessage r = MmsHttpMessage::Response(404, "Not Found");
        GetTransport()->Respond(ex, r);
        return;
    }
    std::string id = m.target.substr(prefix.size());
    if (m.method == "PUT")
    {
        uint64_t size = m.GetBodySize();
        MmsPdu pdu;
        std::string error;
        if (!MmsHttp::DecodeMmsBody(m, pdu, error))
        {
            MmsHttpMessage r = MmsHttpMessage::Response(400, "Bad Request");
            r.AddHeader("Content-Type", "text/plain");
            std::string text = "body is not an MMS PDU: " + error;
            r.body.assign(text.begin(), text.end());
            m_rejectedTrace(MakeEvent(id, "", "", size, "malformed"));
            GetTransport()->Respond(ex, r);
            return;
        }
        if (m_store.count(id))
        {
            m_rejectedTrace(MakeEvent(id, "", "", size, "duplicate"));
            GetTransport()->Respond(ex, MmsHttpMessage::Response(409, "Conflict"));
            return;
        }
        if (m_storedBytes + size > m_capacity)
        {
            m_rejectedTrace(MakeEvent(id, "", "", size, "storage full"));
            GetTransport()->Respond(ex, MmsHttpMessage::Response(507, "Insufficient Storage"));
            return;
        }
        Stored& s = m_store[id];
        s.pdu = pdu;
        s.size = size;
        std::string expiry = m.GetHeader("X-Mms-Store-Expiry");
        if (!expiry.empty())
        {
            uint64_t unixSeconds = std::strtoull(expiry.c_str(), nullptr, 10);
            Time at = MmsClock::FromUnix(unixSeconds);
            Time delay = at > Simulator::Now() ? at - Simulator::Now() : Time(0);
            s.expiry = Simulator::Schedule(delay, &MmsServer::Remove, this, id, "expired");
        }
        m_storedBytes = m_storedBytes + size;
        m_storedTrace(MakeEvent(id, "", pdu.GetTransactionId(), size));
        GetTransport()->Respond(ex, MmsHttpMessage::Response(201, "Created"));
        return;
    }
    auto it = m_store.find(id);
    if (it == m_store.end())
    {
        GetTransport()->Respond(ex, MmsHttpMessage::Response(404, "Not Found"));
        return;
    }
    if (m.method == "GET")
    {
        m_fetchedTrace(MakeEvent(id, "", it->second.pdu.GetTransactionId(), it->second.size));
        GetTransport()->Respond(ex, MmsHttp::MakeMmsResponse(it->second.pdu));
    }
    else if (m.method == "DELETE")
    {
        Remove(id, "deleted");
        GetTransport()->Respond(ex, MmsHttpMessage::Response(204, "No Content"));
    }
    else
    {
        MmsHttpMessage r = MmsHttpMessage::Response(405, "Method Not Allowed");
        r.AddHeader("Allow", "PUT, GET, DELETE");
        GetTransport()->Respond(ex, r);
    }
}

void
MmsServer::Remove(const std::string& id, const std::string& why)
{
    auto it = m_store.find(id);
    if (it == m_store.end())
    {
        return;
    }
    // Removed, not cancelled: a cancelled timer stays queued until its time.
    Simulator::Remove(it->second.expiry);
    m_storedBytes = m_storedBytes - it->second.size;
    m_deletedTrace(MakeEvent(id, "", "", it->second.size, why));
    m_store.erase(it);
}

} // namespace ns3
