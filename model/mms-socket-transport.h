/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SOCKET_TRANSPORT_H
#define MMS_SOCKET_TRANSPORT_H

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
 * \ingroup mms-transport
 * \brief MmsTransport over the node's TCP and UDP sockets: the packet-level realisation.
 *
 * HTTP/1.1 runs over ns-3 TCP sockets with real framing (start line, headers,
 * Content-Length), each side parsed by an MmsHttpConnection; media bodies travel as virtual
 * payload of their real size. Datagrams (WSP Push to port 2948, the SMS bearer stand-in on
 * port 9292) run over ns-3 UDP sockets.
 *
 * Client side: every Request() opens a new TCP connection, sends the request when it is
 * connected, closes the connection when the response has arrived, as WAP 2.0 handsets do
 * for MM1. An exchange fails ("cannot connect", "connection failed", "connection closed before
 * the response", "malformed response: ...", "timed out", "aborted") when no response comes;
 * the timeout ("RequestTimeout", default 60 s, Android's MMS HTTP socket timeout) is an idle
 * timer: it fires only when neither the connection, the upload nor the download has made
 * progress for the whole period, so a slow upload that keeps moving does not time out.
 *
 * Server side: Listen() accepts connections on a port; a connection may carry several
 * requests (pipelining), and their responses go out in request order whatever order
 * Respond() is called in. A request with malformed framing is answered 400 (with the parser's
 * reason) after the earlier requests' responses, and the connection closes. Responses to
 * requests whose connection has gone are dropped.
 *
 * Datagrams sent from the port "SignallingPort" (9292, the SMS bearer stand-in) carry the
 * IPv4 TOS "SignallingTos" (0xB8), by which an MmsRadioCellChannel carries them on its
 * signalling channel instead of the data bearer.
 *
 * Attributes: RequestTimeout, TimeWait (TIME_WAIT of the TCP sockets it opens or accepts,
 * default 60 s as Linux, set as TcpSocketBase::MaxSegLifetime = TimeWait / 2), TcpMss (the
 * maximum segment size of those sockets; by default the smallest MTU of the node's interfaces
 * less 40 octets, 1460 on 1500-octet links, as Linux derives it; MmsHelper sets a handset's
 * on a radio cell from its bearer profile), MaxBodySize (largest HTTP body accepted, default
 * 8 MiB), SignallingPort, SignallingTos.
 * Trace sources: RequestRx (a request arrived), HttpTx (a request or response handed to TCP),
 * RequestTx (a request handed to TCP, with its label and the time it was issued: the time
 * between is the connection's set-up), ResponseRx (a response arrived, with its request's
 * label), DatagramTx, DatagramRx, Failure (an exchange failed, or a malformed request arrived)
 * and Exchange (one record per request this element sent, with the label its element gave the
 * request (description and transaction id), start and finish times, octets and status; built
 * only while the trace has sinks). MmsLadderTracer pairs what one element sends with its
 * arrival at the other.
 *
 * Usage: MmsHelper::InstallTransport() creates one on an element's node and gives it to the
 * element; the node needs an Internet stack. To configure it by hand, create one, call
 * SetNode() and set its attributes, then give it to MmsApplication::SetTransport() before the
 * simulation starts.
 *
 * Limits: no persistent client connections (one TCP connection per request), no HTTP
 * chunked transfer coding, IPv4 only. ns-3's TCP sends no MSS option, so each end sends
 * segments of its own TcpMss whatever the other end's: a handset with a smaller MSS than the
 * network side receives fragmented packets.
 */
class MmsSocketTransport : public MmsTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a transport without a node; SetNode() before use.
    MmsSocketTransport();
    ~MmsSocketTransport() override;

    /**
     * Set the node whose sockets carry the traffic (before any other call).
     * \param node the node, with an Internet stack
     */
    void SetNode(Ptr<Node> node);
    /**
     * The node.
     * \return the node whose sockets carry the traffic
     */
    Ptr<Node> GetNode() const;

    /**
     * Listen for HTTP requests on a TCP port of the node (aborts if the port cannot be bound).
     * \param port the TCP port; one listener per port
     * \param cb called with each complete request
     */
    void Listen(uint16_t port, RequestCallback cb) override;
    /**
     * Answer a request; responses leave in the order of their connection's requests.
     * \param exchange the id given to the RequestCallback
     * \param response the response; a 400 response closes the connection after it
     */
    void Respond(ExchangeId exchange, const MmsHttpMessage& response) override;
    /**
     * Whether a request still waits for its answer.
     * \param exchange the id given to the RequestCallback
     * \return false once it was answered or its connection closed (the client gave up)
     */
    bool IsAwaitingResponse(ExchangeId exchange) const override;
    /**
     * Open a TCP connection to the server and send the request on it.
     * \param server the server's address (InetSocketAddress)
     * \param request the request
     * \param label what the request is: the Exchange trace records it as given
     * \param cb called once with the response or the failure
     * \param cookie passed back to the callback
     */
    void Request(const Address& server,
                 const MmsHttpMessage& request,
                 const RequestLabel& label,
                 ResponseCallback cb,
                 uint64_t cookie) override;
    /**
     * Receive datagrams on a UDP port of the node (aborts if the port cannot be bound);
     * binding a port again replaces its callback.
     * \param port the UDP port; SignallingPort also marks what is sent from it
     * \param cb called with each datagram
     */
    void BindDatagram(uint16_t port, DatagramCallback cb) override;
    /**
     * Send a UDP datagram from a local port (bound first if it was not).
     * \param fromPort the local port; datagrams from SignallingPort carry SignallingTos
     * \param to the destination (InetSocketAddress)
     * \param data the octets
     */
    void SendDatagram(uint16_t fromPort,
                      const Address& to,
                      const std::vector<uint8_t>& data) override;
    /**
     * Fail every pending request with "aborted" (their callbacks run before this returns) and
     * abort every server connection (their unanswered requests are forgotten). A handset
     * switched off calls it.
     */
    void AbortAll() override;

    /**
     * The connections now open.
     * \return client and server connections
     */
    uint64_t GetOpenConnections() const;

    /// What went through this transport so far: HTTP messages (requests and responses) and
    /// datagrams, with their octets (HTTP: start line, headers and body; datagrams: payload).
    struct Counters
    {
        uint64_t messagesIn{0};        //!< requests and responses received, datagrams received
        uint64_t bytesIn{0};           //!< octets of what was received
        uint64_t messagesOut{0};       //!< requests and responses sent, datagrams sent
        uint64_t bytesOut{0};          //!< octets of what was sent
        uint64_t connectionsOpened{0}; //!< TCP connections this element opened to servers
        uint64_t connectionsReused{0}; //!< requests sent on a kept-alive connection
    };

    /**
     * What went through this transport so far.
     * \return the counters
     */
    const Counters& GetCounters() const;

    /// One request this element sent and its outcome (the "Exchange" trace source).
    struct Exchange
    {
        std::string type;          //!< the label's description ("m-send-req", ...)
        std::string transactionId; //!< the label's transaction id (of the PDU carried, a tag)
        Address peer;              //!< the server
        Time start;                //!< when the request was issued
        Time finish;               //!< when the response arrived or the exchange failed
        uint64_t requestBytes{0};  //!< octets of the request
        uint64_t responseBytes{0}; //!< octets of the response (0 if none)
        std::string status;        //!< HTTP status code, or why it failed
    };

    /**
     * Trace signature of RequestRx and HttpTx: an HTTP request or response sent to (or
     * received from) a peer.
     * \param message the message
     * \param peer the other end of the connection
     */
    typedef void (*HttpTracedCallback)(const MmsHttpMessage& message, const Address& peer);
    /**
     * Trace signature of RequestTx: a request this element sent was handed to TCP, its
     * connection being up.
     * \param request the request
     * \param server the server's address
     * \param label what the request is, as its element named it
     * \param issued when the element issued it (Request()): the connection was set up since
     */
    typedef void (*RequestTxTracedCallback)(const MmsHttpMessage& request,
                                            const Address& server,
                                            const RequestLabel& label,
                                            Time issued);
    /**
     * Trace signature of ResponseRx: the whole response to a request this element sent
     * arrived.
     * \param response the response
     * \param server the server's address
     * \param label the label of the request it answers
     */
    typedef void (*ResponseRxTracedCallback)(const MmsHttpMessage& response,
                                             const Address& server,
                                             const RequestLabel& label);
    /**
     * Trace signature of DatagramTx and DatagramRx: a datagram sent to a peer, or received
     * from one.
     * \param data the octets
     * \param peer the destination (DatagramTx) or the sender (DatagramRx)
     */
    typedef void (*DatagramTracedCallback)(const std::vector<uint8_t>& data, const Address& peer);
    /**
     * Trace signature of Failure: an exchange failed.
     * \param reason why ("timed out", "malformed request: ...", ...)
     */
    typedef void (*FailureTracedCallback)(const std::string& reason);
    /**
     * Trace signature of Exchange: a request this element sent was answered or failed.
     * \param exchange the record of the request and its outcome
     */
    typedef void (*ExchangeTracedCallback)(const Exchange& exchange);

  protected:
    /// Close the listening and datagram sockets and dispose of every connection.
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
        RequestLabel label;  //!< as the element named the request
        Time issued;         //!< when Request() was called
        Exchange record;     //!< filled only while the Exchange trace has sinks
        bool waiting{false}; //!< queued for a connection (MaxConnectionsPerServer reached)
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
    /// Hand exchange \p id's request to its (new or kept-alive) connection \p c.
    void SendOnConnection(uint64_t id, Ptr<MmsHttpConnection> c);
    /// Keep \p c, whose exchange with \p server ended well, for the next request (KeepAlive).
    void KeepIdle(Ptr<MmsHttpConnection> c, const Address& server);
    /// An idle connection kept for \p server, taken out of the pool, or null.
    Ptr<MmsHttpConnection> TakeIdle(const Address& server);
    /// Close and forget the idle connection \p c (its KeepAlive expired, or the server closed it).
    void DropIdle(const MmsHttpConnection* c, bool closeIt);

    void HandleDatagram(Ptr<Socket> socket);
    /// Open a new connection for a client exchange (counted in m_connectionsTo).
    void Open(uint64_t id);
    /// A client connection to `server` ended: open one for the next exchange waiting for it.
    void ConnectionEnded(const Address& server);
    /// A TCP socket on the node with this element's TIME_WAIT (TimeWait) and MSS (TcpMss).
    Ptr<Socket> CreateTcpSocket() const;
    /**
     * Set a listener's congestion-control attributes again on a socket it accepted (whose
     * congestion control is a copy of the listener's, which ns-3.48's TcpCubic makes with
     * TcpFriendliness uninitialised).
     * \param listener the listening socket
     * \param accepted the socket it accepted
     */
    static void CopyCongestionAttributes(Ptr<Socket> listener, Ptr<Socket> accepted);
    /// TcpMss, or the smallest MTU of the node's IPv4 interfaces (loopback aside) less 40.
    uint32_t GetMss() const;

    Ptr<Node> m_node;
    Time m_requestTimeout;
    Time m_timeWait;            //!< TIME_WAIT of the TCP sockets this element opens or accepts
    Time m_keepAlive;           //!< how long an idle connection to a server is kept; 0: not kept
    uint32_t m_maxPerServer{0}; //!< client connections to one server at a time; 0: no limit
    std::map<Address, uint32_t> m_connectionsTo;       //!< open client connections, by server
    std::map<Address, std::deque<uint64_t>> m_waiting; //!< exchanges waiting, by server
    uint16_t m_tcpMss{0}; //!< MSS of those sockets; 0: from the node's MTUs
    uint64_t m_maxBody;
    std::map<uint16_t, std::pair<Ptr<Socket>, RequestCallback>> m_listeners;
    std::map<uint64_t, ServerConnection> m_serverConnections;
    std::map<ExchangeId, Outstanding> m_outstanding;
    std::map<uint64_t, ClientExchange> m_clients;
    std::map<const Socket*, uint64_t> m_socketToClient;
    std::map<const MmsHttpConnection*, uint64_t> m_connectionToClient;
    std::map<const MmsHttpConnection*, uint64_t> m_connectionToServer;

    /// A connection to a server with no exchange under way, kept for the next request.
    struct IdleConnection
    {
        Ptr<MmsHttpConnection> connection;
        Address server;
        EventId expiry; //!< KeepAlive after its last exchange ended
    };

    std::map<const MmsHttpConnection*, IdleConnection> m_idle;
    std::multimap<Address, const MmsHttpConnection*> m_idleByServer; //!< most recent last
    std::map<const Socket*, uint16_t> m_listenerPort;
    std::map<uint16_t, std::pair<Ptr<Socket>, DatagramCallback>> m_datagramSockets;
    uint16_t m_signallingPort{9292};
    uint8_t m_signallingTos{0xB8};
    uint64_t m_nextId{1};
    TracedCallback<const MmsHttpMessage&, const Address&> m_requestRxTrace;
    TracedCallback<const MmsHttpMessage&, const Address&> m_httpTxTrace;
    TracedCallback<const MmsHttpMessage&, const Address&, const RequestLabel&, Time>
        m_requestTxTrace;
    TracedCallback<const MmsHttpMessage&, const Address&, const RequestLabel&> m_responseRxTrace;
    TracedCallback<const std::vector<uint8_t>&, const Address&> m_datagramTxTrace;
    TracedCallback<const std::vector<uint8_t>&, const Address&> m_datagramRxTrace;
    TracedCallback<const std::string&> m_failureTrace;
    TracedCallback<const Exchange&> m_exchangeTrace;
    Counters m_counters;
};

} // namespace ns3

#endif /* MMS_SOCKET_TRANSPORT_H */
