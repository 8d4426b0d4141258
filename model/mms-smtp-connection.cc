/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-smtp-connection.h"

#include "ns3/log.h"
#include "ns3/packet.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsSmtpConnection");

NS_OBJECT_ENSURE_REGISTERED(MmsSmtpConnection);

TypeId
MmsSmtpConnection::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsSmtpConnection")
                            .SetParent<Object>()
                            .SetGroupName("Mms")
                            .AddConstructor<MmsSmtpConnection>();
    return tid;
}

MmsSmtpConnection::MmsSmtpConnection() = default;

MmsSmtpConnection::~MmsSmtpConnection() = default;

void
MmsSmtpConnection::DoDispose()
{
    Release();
    m_onMail = MailCallback();
    m_onDone = DoneCallback();
    Object::DoDispose();
}

Ptr<Socket>
MmsSmtpConnection::Release()
{
    Ptr<Socket> s = m_socket;
    m_socket = nullptr;
    if (s)
    {
        s->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        s->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        s->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                             MakeNullCallback<void, Ptr<Socket>>());
    }
    return s;
}

void
MmsSmtpConnection::Take(Ptr<Socket> socket)
{
    m_socket = socket;
    m_socket->SetRecvCallback(MakeCallback(&MmsSmtpConnection::Recv, this));
    m_socket->SetSendCallback(MakeCallback(&MmsSmtpConnection::SendMore, this));
}

void
MmsSmtpConnection::AttachServer(Ptr<Socket> socket, const std::string& domain)
{
    m_server = std::make_unique<MmsSmtpServer>(domain);
    Take(socket);
    m_pending += m_server->Greeting();
    Flush();
}

void
MmsSmtpConnection::AttachClient(Ptr<Socket> socket, const std::string& domain)
{
    m_client = std::make_unique<MmsSmtpClient>(domain);
    Take(socket);
    m_socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                 MakeCallback(&MmsSmtpConnection::Lost, this));
    m_socket->SetCloseCallbacks(MakeCallback(&MmsSmtpConnection::Lost, this),
                                MakeCallback(&MmsSmtpConnection::Lost, this));
}

void
MmsSmtpConnection::Lost(Ptr<Socket> socket)
{
    if (m_client)
    {
        m_client->ConnectionLost("connection closed before the dialogue ended");
        m_pending.clear();
        Release(); // the socket is gone; nothing more is sent on it
        Flush();
    }
}

void
MmsSmtpConnection::Send(const MmsSmtpMail& mail)
{
    NS_ASSERT_MSG(m_client, "Send() on the server side of an SMTP connection");
    m_client->Send(mail);
    Flush();
}

void
MmsSmtpConnection::Quit()
{
    NS_ASSERT_MSG(m_client, "Quit() on the server side of an SMTP connection");
    m_client->Quit();
    Flush();
}

MmsSmtpServer*
MmsSmtpConnection::GetServer()
{
    return m_server.get();
}

MmsSmtpClient*
MmsSmtpConnection::GetClient()
{
    return m_client.get();
}

void
MmsSmtpConnection::SetMailCallback(MailCallback cb)
{
    m_onMail = cb;
}

void
MmsSmtpConnection::SetDoneCallback(DoneCallback cb)
{
    m_onDone = cb;
}

void
MmsSmtpConnection::Recv(Ptr<Socket> socket)
{
    Ptr<Packet> p;
    while ((p = socket->Recv()) && p->GetSize() > 0)
    {
        std::string data(p->GetSize(), '\0');
        p->CopyData(reinterpret_cast<uint8_t*>(&data[0]), data.size());
        if (m_server)
        {
            m_server->Feed(data.data(), data.size());
        }
        else if (m_client)
        {
            m_client->Feed(data.data(), data.size());
        }
    }
    Flush();
    Ptr<MmsSmtpConnection> self(this);
    while (m_server && m_server->HasMail())
    {
        MmsSmtpMail mail = m_server->PopMail();
        if (!m_onMail.IsNull())
        {
            m_onMail(self, mail);
        }
    }
}

void
MmsSmtpConnection::Flush()
{
    if (m_server)
    {
        m_pending += m_server->TakeOutput();
        m_closing = m_closing || m_server->IsClosed();
    }
    if (m_client)
    {
        m_pending += m_client->TakeOutput();
        bool over = m_client->IsClosed() || m_client->IsFailed();
        m_closing = m_closing || over;
        if (over && !m_done)
        {
            m_done = true;
            if (!m_onDone.IsNull())
            {
                m_onDone(Ptr<MmsSmtpConnection>(this));
            }
        }
    }
    if (m_socket)
    {
        SendMore(m_socket, m_socket->GetTxAvailable());
    }
}

void
MmsSmtpConnection::SendMore(Ptr<Socket> socket, uint32_t /* available: asked again */)
{
    while (!m_pending.empty() && socket->GetTxAvailable() > 0)
    {
        uint32_t n = std::min<uint32_t>(socket->GetTxAvailable(), m_pending.size());
        int sent = socket->Send(reinterpret_cast<const uint8_t*>(m_pending.data()), n, 0);
        if (sent <= 0)
        {
            break;
        }
        m_pending.erase(0, sent);
    }
    if (m_pending.empty() && m_closing && m_socket)
    {
        Release()->Close();
    }
}

void
MmsSmtpConnection::Prune(std::vector<Ptr<MmsSmtpConnection>>& servers,
                         std::map<int, uint64_t>& closedErrors)
{
    auto over = [&closedErrors](const Ptr<MmsSmtpConnection>& c)
    {
        if (!c->GetServer() || !c->GetServer()->IsClosed())
        {
            return false;
        }
        for (const auto& [code, n] : c->GetServer()->GetErrorCounts())
        {
            closedErrors[code] += n;
        }
        c->Dispose();
        return true;
    };
    servers.erase(std::remove_if(servers.begin(), servers.end(), over), servers.end());
}

std::map<int, uint64_t>
MmsSmtpConnection::ErrorCounts(const std::vector<Ptr<MmsSmtpConnection>>& servers,
                               const std::map<int, uint64_t>& closedErrors)
{
    std::map<int, uint64_t> out = closedErrors;
    for (const auto& c : servers)
    {
        if (c->GetServer())
        {
            for (const auto& [code, n] : c->GetServer()->GetErrorCounts())
            {
                out[code] += n;
            }
        }
    }
    return out;
}

} // namespace ns3
