/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_FLOW_TRANSPORT_H
#define MMS_FLOW_TRANSPORT_H

#include "mms-flow-network.h"
#include "mms-socket-transport.h"
#include "mms-transport.h"

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <map>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup mms-transport
 * \brief MmsTransport as flows on an MmsFlowNetwork: the flow-level realisation.
 *
 * No packet, socket or node: an HTTP exchange is a sequence of transfers on the network. A
 * new connection costs its handshake (a SYN of SynBytes from the client, a SYN-ACK back),
 * then the request (its exact serialised size: start line, headers, body, cut in segments of
 * the client's TcpMss less 12 octets of timestamps, each with 52 octets of IPv4 and TCP
 * headers) goes with the handshake's last ACK, in slow start from the initial window; the
 * server's element gets it, and its response goes back the same way with the server's
 * segment size. A client with KeepAlive greater than 0 reuses its connection to a server
 * within KeepAlive of its last exchange there (no handshake, the window as grown). A datagram
 * is one transfer of its octets plus 28 octets of IPv4 and UDP; from SignallingPort it takes
 * the cell's signalling channel (delays only), else the data bearer.
 *
 * A handset's transport is in a cell of the network (SetHandset): its own MmsRrcStateMachine
 * charges promotions, TBF set-up and PDP activation as at packet level. An element's transport
 * may have a packet-level transport beside it (SetPacketTransport): then it listens on both,
 * and requests and datagrams to an address that no flow endpoint has go over the packets, so a
 * Relay serves cells of both fidelities.
 *
 * Failures: "cannot connect" (no endpoint at the address and no packet transport), "timed out"
 * (the server's element did not answer within RequestTimeout of the request's arrival),
 * "aborted" (AbortAll, reported before it returns).
 *
 * Trace sources: Exchange (the record of each request this element sent, as
 * MmsSocketTransport's, built only while it has sinks), RequestRx, DatagramRx.
 */
class MmsFlowTransport : public MmsTransport
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// A transport on no network; Attach() before use.
    MmsFlowTransport();
    ~MmsFlowTransport() override;

    /**
     * Put the transport on a network at an address and site.
     * \param network the network
     * \param address its address, which the others send to
     * \param site its site (the element's node id, a handset's cell's site)
     */
    void Attach(Ptr<MmsFlowNetwork> network, Ipv4Address address, uint32_t site);
    /**
     * Make it a handset in a cell of the network, with its connection state machine (whose
     * ready callback it takes).
     * \param cell the network's cell index
     * \param rrc the handset's state machine; null: always on the dedicated channel, with no
     *        promotion or PDP activation
     */
    void SetHandset(uint32_t cell, Ptr<MmsRrcStateMachine> rrc);
    /**
     * Give it a packet-level transport for what no flow endpoint answers.
     * \param packets the transport (on the element's node)
     */
    void SetPacketTransport(Ptr<MmsTransport> packets);
    /**
     * \return the packet-level transport beside it, or null
     */
    Ptr<MmsTransport> GetPacketTransport() const;
    /**
     * \return its address
     */
    Ipv4Address GetAddress() const;
    /**
     * \return its site
     */
    uint32_t GetSite() const;
    /**
     * \return its cell, or -1 if it is not a handset
     */
    int32_t GetCell() const;
    /**
     * \return its state machine (handsets), or null
     */
    Ptr<MmsRrcStateMachine> GetRrc() const;
    /**
     * \return TCP payload octets of its segments (TcpMss less the timestamp option)
     */
    uint32_t GetSegmentSize() const;

    /**
     * Accept requests on a port (and on the packet transport's, if any).
     * \param port the port
     * \param cb called with each request
     */
    void Listen(uint16_t port, RequestCallback cb) override;
    /**
     * Answer a request: the response is sent as a transfer to the client.
     * \param exchange the id given to the RequestCallback
     * \param response the response
     */
    void Respond(ExchangeId exchange, const MmsHttpMessage& response) override;
    /**
     * \param exchange the id given to the RequestCallback
     * \return false once it was answered or its client aborted
     */
    bool IsAwaitingResponse(ExchangeId exchange) const override;
    /**
     * Send a request to a server.
     * \param server the server's address (InetSocketAddress)
     * \param request the request
     * \param label what it is, for the Exchange trace
     * \param cb called once with the outcome
     * \param cookie passed back
     */
    void Request(const Address& server,
                 const MmsHttpMessage& request,
                 const RequestLabel& label,
                 ResponseCallback cb,
                 uint64_t cookie) override;
    /**
     * Receive datagrams on a port (and on the packet transport's, if any).
     * \param port the port
     * \param cb called with each datagram; a null callback unbinds
     */
    void BindDatagram(uint16_t port, DatagramCallback cb) override;
    /**
     * Send a datagram.
     * \param fromPort the local port
     * \param to the destination (InetSocketAddress)
     * \param data the octets
     */
    void SendDatagram(uint16_t fromPort,
                      const Address& to,
                      const std::vector<uint8_t>& data) override;
    /// Fail every pending request ("aborted"), forget the requests it serves, cancel its
    /// transfers (and abort the packet transport's).
    void AbortAll() override;

    /**
     * What went through this transport so far (the packet transport's not included).
     * \return the counters
     */
    const MmsSocketTransport::Counters& GetCounters() const;

    /**
     * A request sent by another flow endpoint arrives (called by the network's transfer).
     * \param client the client's transport
     * \param clientId the client's id of the exchange
     * \param port the port it was sent to
     * \param request the request
     */
    void DeliverRequest(Ptr<MmsFlowTransport> client,
                        uint64_t clientId,
                        uint16_t port,
                        const MmsHttpMessage& request);
    /**
     * A datagram arrives from another flow endpoint. The parameters are taken by value, as
     * Callback::Bind binds them: ns-3.37's Bind casts the callback to the types of the values
     * bound, and a callback taking references is then another type (undefined behaviour that
     * UBSan reports).
     * \param port the port it was sent to
     * \param data the octets
     * \param from the sender's address and port
     */
    void DeliverDatagram(uint16_t port, std::vector<uint8_t> data, Address from);

  protected:
    /// Cancel everything and leave the network.
    void DoDispose() override;

  private:
    /// A request this element sent.
    struct ClientExchange
    {
        Ptr<MmsFlowTransport> server;        //!< the server's transport
        uint16_t port{0};                    //!< the server's port
        MmsHttpMessage request;              //!< the request
        MmsHttpMessage response;             //!< the response, while it travels
        ResponseCallback cb;                 //!< the element's callback
        uint64_t cookie{0};                  //!< its cookie
        uint64_t transfer{0};                //!< the transfer under way, or 0
        bool reused{false};                  //!< on a kept-alive connection
        bool traced{false};                  //!< record filled (the Exchange trace had sinks)
        MmsSocketTransport::Exchange record; //!< while the Exchange trace has sinks
    };

    /// A request this element serves.
    struct ServerExchange
    {
        Ptr<MmsFlowTransport> client; //!< the client's transport
        uint64_t clientId{0};         //!< the client's id
        EventId timeout;              //!< RequestTimeout of the client
        uint64_t packetId{0};         //!< the packet transport's id (then client is null)
    };

    void RadioReady(uint32_t cookie);
    void SendRequest(uint64_t id);
    void RequestArrived(uint64_t id);
    void ResponseArrived(uint64_t id);
    void Finish(uint64_t id, bool ok, const MmsHttpMessage& response, const std::string& why);
    void ServerTimeout(ExchangeId id);
    void PacketRequest(RequestCallback cb,
                       ExchangeId theirs,
                       const MmsHttpMessage& m,
                       const Address& from);
    /// The transfer spec of an HTTP message or a connection's handshake packet.
    MmsFlowNetwork::TransferSpec HttpSpec(uint64_t bytes, bool slowStart) const;

    Ptr<MmsFlowNetwork> m_network;
    Ptr<MmsTransport> m_packets;
    Ptr<MmsRrcStateMachine> m_rrc;
    Ipv4Address m_address;
    uint32_t m_site{0};
    int32_t m_cell{-1};
    Time m_requestTimeout;
    Time m_keepAlive;
    uint16_t m_tcpMss{1460};
    uint32_t m_synBytes{60};
    uint16_t m_signallingPort{9292};
    uint16_t m_nextPort{49153};
    std::map<uint16_t, RequestCallback> m_listeners;
    std::map<uint16_t, DatagramCallback> m_datagram;
    std::map<uint64_t, ClientExchange> m_clients;
    std::map<ExchangeId, ServerExchange> m_served;
    /// exchanges served for a client (client transport, its id) -> ours
    std::map<std::pair<const MmsFlowTransport*, uint64_t>, ExchangeId> m_servedByClient;
    std::unordered_map<const MmsFlowTransport*, Time> m_lastUse; //!< kept-alive connections
    uint64_t m_nextId{1};
    MmsSocketTransport::Counters m_counters;
    TracedCallback<const MmsHttpMessage&, const Address&> m_requestRxTrace;
    TracedCallback<const std::vector<uint8_t>&, const Address&> m_datagramRxTrace;
    TracedCallback<const MmsSocketTransport::Exchange&> m_exchangeTrace;
};

} // namespace ns3

#endif /* MMS_FLOW_TRANSPORT_H */
