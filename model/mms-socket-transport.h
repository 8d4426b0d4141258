/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SOCKET_TRANSPORT_H
#define MMS_SOCKET_TRANSPORT_H

// Packet-level realisation of MmsTransport on one node: HTTP/1.1 over ns-3 TCP sockets (one
// connection per outgoing request, as WAP 2.0 handsets do; incoming connections may pipeline)
// and datagrams over ns-3 UDP sockets.

#include "mms-http-connection.h"
#include "mms-transport.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>

namespace ns3
{

class Node;
class Socket;

/**
 * \ingroup mms
 * MmsTransport over the node's TCP and UDP sockets.
 */
class MmsSocketTransport : public MmsTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsSocketTransport();
    ~MmsSocketTransport() override;

    void SetNode(Ptr<Node> node);
    Ptr<Node> GetNode() const;

    void Listen(uint16_t port, RequestCallback cb) override;
    void Respond(ExchangeId exchange, const MmsHttpMessage& response) override;
    void Request(const Address& server,
                 const MmsHttpMessage& request,
                 ResponseCallback cb,
                 uint64_t cookie) override;
    void BindDatagram(uint16_t port, DatagramCallback cb) override;
    void SendDatagram(uint16_t fromPort,
                      const Address& to,
                      const std::vector<uint8_t>& data) override;
    void AbortAll() override;

    uint64_t GetOpenConnections() const; //!< client and server connections now open

    /// What went through this transport so far: HTTP messages (requests and responses) and
    /// datagrams, with their octets (HTTP: start line, headers and body; datagrams: payload).
    struct Counters
    {
        uint64_t messagesIn{0};
        uint64_t bytesIn{0};
        uint64_t messagesOut{0};
        uint64_t bytesOut{0};
    };

    const Counters& GetCounters() const;

    /// One request this element sent and its outcome (the "Exchange" trace source).
    struct Exchange
    {
        std::string type;          //!< short description of the request ("m-send-req", ...)
        std::string transactionId; //!< of the MMS PDU carried, or the X-Sms-Tag, or ""
        Address peer;              //!< the server
        Time start;                //!< when the request was issued
        Time finish;               //!< when the response arrived or the exchange failed
        uint64_t requestBytes{0};  //!< octets of the request
        uint64_t responseBytes{0}; //!< octets of the response (0 if none)
        std::string status;        //!< HTTP status code, or why it failed
    };

    /// Trace signature: an HTTP request or response sent to (or received from) a peer.
    typedef void (*HttpTracedCallback)(const MmsHttpMessage& message, const Address& peer);
    /// Trace signature: a datagram sent to a peer.
    typedef void (*DatagramTracedCallback)(const std::vector<uint8_t>& data, const Address& peer);
    /// Trace signature: an exchange failed.
    typedef void (*FailureTracedCallback)(const std::string& reason);
    /// Trace signature: a request this element sent was answered or failed.
    typedef void (*ExchangeTracedCallback)(const Exchange& exchange);

  protected:
    void DoDispose() override;

  private:
    struct ServerConnection
    {
        Ptr<MmsHttpConnection> connection;
        Address peer;
        std::deque<ExchangeId> order; //!< requests in arrival order, answered in this order
    };

    struct Outstanding
    {
        uint64_t connectionId{0};
        bool answered{false};
        MmsHttpMessage response;
    };

    struct ClientExchange
    {
        Ptr<Socket> socket;
        Ptr<MmsHttpConnection> connection;
        Address server;
        MmsHttpMessage request;
        ResponseCallback cb;
        uint64_t cookie{0};
        EventId timeout;
        Exchange record; //!< filled only while the Exchange trace has sinks
    };

    void HandleAccept(Ptr<Socket> socket, const Address& from);
    bool HandleConnectionRequest(Ptr<Socket> socket, const Address& from);
    void HandleServerMessage(Ptr<MmsHttpConnection> c, const MmsHttpMessage& m);
    void HandleServerError(Ptr<MmsHttpConnection> c, const std::string& e);
    void HandleServerClose(Ptr<MmsHttpConnection> c);
    void FlushResponses(uint64_t connectionId);

    void HandleConnected(Ptr<Socket> socket);
    void HandleConnectFailed(Ptr<Socket> socket);
    void HandleClientMessage(Ptr<MmsHttpConnection> c, const MmsHttpMessage& m);
    void HandleClientClose(Ptr<MmsHttpConnection> c);
    void HandleClientError(Ptr<MmsHttpConnection> c, const std::string& e);
    void HandleTimeout(uint64_t id);
    void FinishClient(uint64_t id, bool ok, const MmsHttpMessage& response, const std::string& why);

    void HandleDatagram(Ptr<Socket> socket);
    /// A TCP socket on the node with this element's TIME_WAIT (TimeWait attribute).
    Ptr<Socket> CreateTcpSocket() const;

    Ptr<Node> m_node;
    Time m_requestTimeout;
    Time m_timeWait; //!< TIME_WAIT of the TCP sockets this element opens or accepts
    uint64_t m_maxBody;
    std::map<uint16_t, std::pair<Ptr<Socket>, RequestCallback>> m_listeners;
    std::map<uint64_t, ServerConnection> m_serverConnections;
    std::map<ExchangeId, Outstanding> m_outstanding;
    std::map<uint64_t, ClientExchange> m_clients;
    std::map<const Socket*, uint64_t> m_socketToClient;
    std::map<const MmsHttpConnection*, uint64_t> m_connectionToClient;
    std::map<const MmsHttpConnection*, uint64_t> m_connectionToServer;
    std::map<const Socket*, uint16_t> m_listenerPort;
    std::map<uint16_t, std::pair<Ptr<Socket>, DatagramCallback>> m_datagramSockets;
    uint16_t m_signallingPort{9292};
    uint8_t m_signallingTos{0xB8};
    uint64_t m_nextId{1};
    TracedCallback<const MmsHttpMessage&, const Address&> m_requestRxTrace;
    TracedCallback<const MmsHttpMessage&, const Address&> m_httpTxTrace;
    TracedCallback<const std::vector<uint8_t>&, const Address&> m_datagramTxTrace;
    TracedCallback<const std::string&> m_failureTrace;
    TracedCallback<const Exchange&> m_exchangeTrace;
    Counters m_counters;
};

} // namespace ns3

#endif /* MMS_SOCKET_TRANSPORT_H */
