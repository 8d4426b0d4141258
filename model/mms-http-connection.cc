/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-http-connection.h"

#include "mms-header.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsHttpConnection");

NS_OBJECT_ENSURE_REGISTERED(MmsHttpConnection);

namespace
{
void
CloseWithUnreadData(Ptr<Socket> socket)
{
    socket->Close(); // unread octets in its buffer: ns-3 answers with a reset
}

/*
 * Receive callback of a socket nobody reads any more (after Abort, or once its connection is
 * disposed). A real stack answers data that reaches a closed socket with a reset, and the peer
 * stops sending. Left unread, the buffer would fill and the peer would probe a zero window with
 * nothing left to send, which ns-3.37's TcpSocketBase::PersistTimeout does not survive (it
 * dereferences an empty segment). So the data stays unread and the socket is closed again on the
 * next event: ns-3 sends a reset when a socket is closed with unread data.
 */
void
ResetOnData(Ptr<Socket> socket)
{
    Simulator::ScheduleNow(&CloseWithUnreadData, socket);
}
} // namespace

TypeId
MmsHttpConnection::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsHttpConnection")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsHttpConnection>()
            .AddAttribute("MaxBodySize",
                          "Largest incoming body accepted (octets); a larger Content-Length is "
                          "a protocol error. Default 4 MiB, above the 300 KB message limits of "
                          "MMS-era handsets",
                          UintegerValue(4 * 1024 * 1024),
                          MakeUintegerAccessor(&MmsHttpConnection::m_maxBody),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("KeepBody",
                          "Keep the octets of incoming bodies (false: messages come out with "
                          "virtual bodies of the right length, for traffic whose content is "
                          "never read)",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsHttpConnection::m_keepBody),
                          MakeBooleanChecker())
            .AddTraceSource("Tx",
                            "A message was queued for sending (octets: head and body)",
                            MakeTraceSourceAccessor(&MmsHttpConnection::m_txTrace),
                            "ns3::MmsHttpConnection::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A complete message was received (octets: head and body)",
                            MakeTraceSourceAccessor(&MmsHttpConnection::m_rxTrace),
                            "ns3::MmsHttpConnection::MessageTracedCallback");
    return tid;
}

MmsHttpConnection::MmsHttpConnection()
    : m_maxBody(4 * 1024 * 1024)
{
}

MmsHttpConnection::~MmsHttpConnection()
{
}

void
MmsHttpConnection::DoDispose()
{
    if (m_socket)
    {
        // The socket outlives this object (TIME_WAIT): it must not call back into it.
        m_socket->SetRecvCallback(MakeCallback(&ResetOnData));
        m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                    MakeNullCallback<void, Ptr<Socket>>());
        m_socket = nullptr;
    }
    m_queue.clear();
    m_onMessage = MessageCallback();
    m_onError = ErrorCallback();
    m_onClose = CloseCallback();
    Object::DoDispose();
}

void
MmsHttpConnection::Attach(Ptr<Socket> socket, bool expectRequests)
{
    m_socket = socket;
    m_lastProgress = Simulator::Now();
    m_parser = MmsHttpParser(expectRequests);
    m_parser.SetMaxBodySize(m_maxBody);
    m_parser.SetKeepBody(m_keepBody);
    m_socket->SetRecvCallback(MakeCallback(&MmsHttpConnection::HandleRead, this));
    m_socket->SetSendCallback(MakeCallback(&MmsHttpConnection::HandleSend, this));
    m_socket->SetCloseCallbacks(MakeCallback(&MmsHttpConnection::HandleClose, this),
                                MakeCallback(&MmsHttpConnection::HandleClose, this));
}

void
MmsHttpConnection::SetMessageCallback(MessageCallback cb)
{
    m_onMessage = cb;
}

void
MmsHttpConnection::SetErrorCallback(ErrorCallback cb)
{
    m_onError = cb;
}

void
MmsHttpConnection::SetCloseCallback(CloseCallback cb)
{
    m_onClose = cb;
}

void
MmsHttpConnection::Send(const MmsHttpMessage& message)
{
    std::vector<Ptr<Packet>> body;
    if (!message.bodyRuns.empty())
    {
        body = MmsSegmentsToPackets(message.bodyRuns);
    }
    else if (message.bodyIsVirtual && message.virtualBodySize > 0)
    {
        body.push_back(Create<Packet>(static_cast<uint32_t>(message.virtualBodySize)));
    }
    else if (!message.body.empty())
    {
        body.push_back(
            Create<Packet>(message.body.data(), static_cast<uint32_t>(message.body.size())));
    }
    MmsHttpMessage head = message;
    head.body.clear();
    head.bodyRuns.clear();
    Send(head, body);
}

void
MmsHttpConnection::Send(MmsHttpMessage head, const std::vector<Ptr<Packet>>& body)
{
    NS_ASSERT_MSG(m_socket, "MmsHttpConnection::Send before Attach");
    uint64_t bodySize = 0;
    for (const auto& p : body)
    {
        bodySize += p->GetSize();
    }
    head.body.clear();
    head.bodyRuns.clear();
    head.bodyIsVirtual = true; // only its length is used for the head
    head.virtualBodySize = bodySize;
    std::string text = head.SerializeHead();
    Ptr<Packet> h = Create<Packet>(reinterpret_cast<const uint8_t*>(text.data()),
                                   static_cast<uint32_t>(text.size()));
    m_queue.push_back(h);
    m_queued += h->GetSize();
    for (const auto& p : body)
    {
        m_queue.push_back(p->Copy());
        m_queued += p->GetSize();
    }
    m_txTrace(head, text.size() + bodySize);
    Flush();
}

void
MmsHttpConnection::Flush()
{
    while (m_socket && !m_queue.empty())
    {
        uint32_t room = m_socket->GetTxAvailable();
        if (room == 0)
        {
            return; // HandleSend resumes
        }
        Ptr<Packet> p = m_queue.front();
        Ptr<Packet> piece = p;
        if (p->GetSize() > room)
        {
            piece = p->CreateFragment(0, room);
            m_queue.front() = p->CreateFragment(room, p->GetSize() - room);
        }
        else
        {
            m_queue.pop_front();
        }
        int sent = m_socket->Send(piece);
        if (sent < 0)
        {
            NS_LOG_WARN("send failed: " << m_socket->GetErrno());
            m_queue.push_front(piece); // try again when space frees
            return;
        }
        m_queued -= piece->GetSize();
        m_sent += piece->GetSize();
    }
    if (m_socket && m_queue.empty() && m_closeWhenDone)
    {
        m_socket->Close();
        m_closeWhenDone = false;
    }
}

void
MmsHttpConnection::HandleSend(Ptr<Socket>, uint32_t)
{
    m_lastProgress = Simulator::Now();
    Flush();
}

void
MmsHttpConnection::HandleRead(Ptr<Socket> socket)
{
    Ptr<Packet> p;
    std::vector<uint8_t> buf;
    while ((p = socket->Recv()) && p->GetSize() > 0)
    {
        m_lastProgress = Simulator::Now();
        m_received += p->GetSize();
        if (m_failed)
        {
            continue;
        }
        buf.resize(p->GetSize());
        p->CopyData(buf.data(), buf.size());
        if (!m_parser.Feed(buf.data(), buf.size()))
        {
            m_failed = true;
            NS_LOG_WARN("malformed HTTP input: " << m_parser.Error());
            if (!m_onError.IsNull())
            {
                m_onError(this, m_parser.Error());
            }
            Close();
        }
        while (m_parser.HasMessage())
        {
            MmsHttpMessage m = m_parser.PopMessage();
            m_rxTrace(m, m.SerializeHead().size() + m.GetBodySize());
            if (!m_onMessage.IsNull())
            {
                m_onMessage(this, m);
            }
        }
    }
}

void
MmsHttpConnection::HandleClose(Ptr<Socket>)
{
    NS_LOG_FUNCTION(this);
    if (m_closed)
    {
        return;
    }
    m_closed = true;
    if (!m_onClose.IsNull())
    {
        CloseCallback cb = m_onClose;
        cb(this);
    }
}

void
MmsHttpConnection::Abort()
{
    NS_LOG_FUNCTION(this);
    m_queue.clear();
    m_queued = 0;
    m_closeWhenDone = false;
    if (m_socket && !m_closed)
    {
        m_socket->SetRecvCallback(MakeCallback(&ResetOnData));
        m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        m_socket->Close();
    }
    HandleClose(m_socket);
}

bool
MmsHttpConnection::IsClosed() const
{
    return m_closed;
}

void
MmsHttpConnection::Close()
{
    m_closeWhenDone = true;
    Flush();
}

Ptr<Socket>
MmsHttpConnection::GetSocket() const
{
    return m_socket;
}

uint64_t
MmsHttpConnection::GetQueuedBytes() const
{
    return m_queued;
}

Time
MmsHttpConnection::GetLastProgress() const
{
    return m_lastProgress;
}

uint64_t
MmsHttpConnection::GetBytesSent() const
{
    return m_sent;
}

uint64_t
MmsHttpConnection::GetBytesReceived() const
{
    return m_received;
}

} // namespace ns3
