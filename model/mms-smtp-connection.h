/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SMTP_CONNECTION_H
#define MMS_SMTP_CONNECTION_H

/**
 * \file
 * \ingroup mms-transport
 * One SMTP dialogue (RFC 5321) over an ns-3 TCP socket: the client or server state machine of
 * mms-smtp.h fed with what the socket delivers, its output sent as the send buffer allows.
 */

#include "mms-smtp.h"

#include "ns3/callback.h"
#include "ns3/object.h"
#include "ns3/socket.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-transport
 * \brief An SMTP client or server on a connected ns-3 TCP socket, as MM4 (Relay to Relay) and
 * MM3 (to mail servers) use it.
 *
 * The server side greets as soon as it is attached; each mail it accepts is handed to the mail
 * callback. The client side sends the mails queued with Send() once the greeting arrives and
 * QUIT after the last one (Quit()); the done callback reports the end of its dialogue, closed
 * (221) or broken off, with the outcome of each mail in GetClient()->GetOutcomes(). The side
 * that received QUIT, or whose QUIT was answered, closes the socket once its output is sent.
 * A client whose connection fails or is closed before its dialogue is over reports the
 * remaining mails failed with 421 (MmsSmtpClient::ConnectionLost()). The octets are real:
 * media go as base64 text (virtual media as the base64 of zero octets).
 *
 * \code
 * Ptr<MmsSmtpConnection> c = CreateObject<MmsSmtpConnection>();
 * c->AttachClient(socket, "mms.mnc010.mcc234.gprs"); // connecting or connected
 * c->Send(mail);
 * c->Quit();
 * \endcode
 */
class MmsSmtpConnection : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// A connection without socket; attach one before use.
    MmsSmtpConnection();
    ~MmsSmtpConnection() override;

    /// Called with each mail the server side accepted: (this connection, the mail).
    typedef Callback<void, Ptr<MmsSmtpConnection>, const MmsSmtpMail&> MailCallback;
    /// Called once when the client side's dialogue is over (closed or broken off).
    typedef Callback<void, Ptr<MmsSmtpConnection>> DoneCallback;

    /**
     * \brief Be the server on an accepted socket: send the greeting.
     * \param socket the connected socket (its callbacks are replaced)
     * \param domain the server's domain
     */
    void AttachServer(Ptr<Socket> socket, const std::string& domain);
    /**
     * \brief Be the client on a socket that is connecting or connected.
     * \param socket the socket (its callbacks are replaced)
     * \param domain the client's domain (EHLO)
     */
    void AttachClient(Ptr<Socket> socket, const std::string& domain);
    /**
     * \brief Client: queue a mail.
     * \param mail envelope and content
     */
    void Send(const MmsSmtpMail& mail);
    /**
     * \brief Client: send QUIT after the queued mails.
     */
    void Quit();
    /**
     * \brief The server state machine (to set its checks and limits); null on a client.
     * \return the server
     */
    MmsSmtpServer* GetServer();
    /**
     * \brief The client state machine (outcomes); null on a server.
     * \return the client
     */
    MmsSmtpClient* GetClient();
    /**
     * \brief Set the callback of accepted mails (server side).
     * \param cb called with each mail, in order
     */
    void SetMailCallback(MailCallback cb);
    /**
     * \brief Set the callback of the end of the dialogue (client side).
     * \param cb called once
     */
    void SetDoneCallback(DoneCallback cb);
    /**
     * \brief Let go of the server connections whose dialogue is over (QUIT answered), adding
     * their negative replies to a running count.
     * \param servers the connections of a listener
     * \param closedErrors the count of the connections let go so far, by reply code
     */
    static void Prune(std::vector<Ptr<MmsSmtpConnection>>& servers,
                      std::map<int, uint64_t>& closedErrors);
    /**
     * \brief The negative replies of a listener's server connections, by reply code: those
     * let go (Prune()) and those still open.
     * \param servers the open connections
     * \param closedErrors the count of the connections let go
     * \return code to count
     */
    static std::map<int, uint64_t> ErrorCounts(const std::vector<Ptr<MmsSmtpConnection>>& servers,
                                               const std::map<int, uint64_t>& closedErrors);

  protected:
    /// Release the socket's callbacks and the user's callbacks.
    void DoDispose() override;

  private:
    void Take(Ptr<Socket> socket);
    void Recv(Ptr<Socket> socket);
    void SendMore(Ptr<Socket> socket, uint32_t available);
    void Flush();
    void Lost(Ptr<Socket> socket);
    Ptr<Socket> Release();

    Ptr<Socket> m_socket;
    std::unique_ptr<MmsSmtpServer> m_server;
    std::unique_ptr<MmsSmtpClient> m_client;
    std::string m_pending; //!< output the send buffer did not take yet
    bool m_closing{false};
    bool m_done{false};
    MailCallback m_onMail;
    DoneCallback m_onDone;
};

} // namespace ns3

#endif /* MMS_SMTP_CONNECTION_H */
