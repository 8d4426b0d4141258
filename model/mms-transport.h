/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_TRANSPORT_H
#define MMS_TRANSPORT_H

#include "mms-http-message.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/object.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-transport
 * \brief What a network element sees of the network: request/response exchanges and datagrams.
 *
 * This is the only way the MMS elements (User Agent, Relay, Server, PPG, SMSC) reach each
 * other. Two kinds of traffic cross it:
 * - HTTP exchanges: MM1 between User Agent and Relay (HTTP POST of M-Send.req,
 *   M-NotifyResp.ind, M-Acknowledge.ind and M-Read-Rec.ind; GET of a Content-Location, as
 *   OMA MMS CTR maps MM1 onto WAP 2.0), PAP submissions from the Relay to the PPG (WAP-247),
 *   the Relay-Server store protocol, and SMS submission from the PPG to the SMSC. A server
 *   element Listen()s on a port and Respond()s to each request; a client element sends a
 *   Request() and gets its outcome through a callback;
 * - datagrams: WSP Push over UDP port 2948 (IP push, WAP-259) and the SMS bearer between the
 *   SMSC and handsets.
 *
 * An element never calls another element's methods, so the same element runs over packets
 * (MmsSocketTransport: HTTP/1.1 over ns-3 TCP, UDP) or over another realisation of this
 * interface (a flow-level model, a test double) unchanged, and elements may sit on different
 * ranks of a distributed simulation. Whoever installs an element gives it its transport with
 * MmsApplication::SetTransport() (MmsHelper::InstallTransport() an MmsSocketTransport on the
 * element's node; a test its double); the element uses it through
 * MmsApplication::GetTransport().
 *
 * A transport carries octets and never decodes them to learn what they mean: the element
 * that sends a request names it (RequestLabel), and a realisation that traces its exchanges
 * records that name as given.
 *
 * Addresses are ns-3 addresses (InetSocketAddress at packet level). Callbacks are invoked from
 * the simulator, never re-entrantly from within the call that caused them (exception:
 * MmsSocketTransport::AbortAll() reports the requests it fails before it returns).
 *
 * The elements rely on a realisation to send at most one response per request, in the order
 * HTTP/1.1 requires on a connection whatever order Respond() is called in, and to report
 * every Request() exactly once, with a response or a failure reason.
 */
class MmsTransport : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    ~MmsTransport() override;

    typedef uint64_t ExchangeId; //!< one incoming request awaiting its response

    /**
     * An incoming request: answer it with Respond(id, ...), once, in any order.
     * Arguments: the exchange id, the request, the client's address.
     */
    typedef Callback<void, ExchangeId, const MmsHttpMessage&, const Address&> RequestCallback;
    /**
     * The outcome of a request: (cookie, true, response, "") or (cookie, false, {}, reason).
     * A response with any HTTP status counts as success; failure means no response came
     * (refused, reset, timed out, malformed, aborted).
     */
    typedef Callback<void, uint64_t, bool, const MmsHttpMessage&, const std::string&>
        ResponseCallback;
    /// A datagram arrived: its octets and the sender.
    typedef Callback<void, const std::vector<uint8_t>&, const Address&> DatagramCallback;

    /// What a request is, as the element that sends it names it (MmsLadder::Label()): traces
    /// and results carry these strings; a transport does not read them.
    struct RequestLabel
    {
        std::string type;          //!< short description ("m-send-req", "PUT /store", ...)
        std::string transactionId; //!< X-Mms-Transaction-Id of the PDU carried, a tag or ""
    };

    /**
     * Accept requests on a port.
     * \param port the TCP port (at packet level) to listen on; one listener per port
     * \param cb called with each complete request
     */
    virtual void Listen(uint16_t port, RequestCallback cb) = 0;
    /**
     * Answer a request; ignored if its connection has gone or it was answered already.
     * \param exchange the id given to the RequestCallback
     * \param response the response
     */
    virtual void Respond(ExchangeId exchange, const MmsHttpMessage& response) = 0;
    /**
     * Whether a request still waits for its answer: its client has not gone (connection
     * closed or reset) and it was not answered. A server that queues requests asks before it
     * spends work on one. A realisation that cannot tell answers true (this default).
     * \param exchange the id given to the RequestCallback
     * \return false once the request can no longer be answered
     */
    virtual bool IsAwaitingResponse(ExchangeId exchange) const;
    /**
     * Send a request to a server; the callback reports the response or the failure.
     * \param server the server's address
     * \param request the request
     * \param label what the request is, for traces (recorded as given)
     * \param cb called once with the outcome
     * \param cookie passed back to the callback (the caller's key for this exchange)
     */
    virtual void Request(const Address& server,
                         const MmsHttpMessage& request,
                         const RequestLabel& label,
                         ResponseCallback cb,
                         uint64_t cookie) = 0;
    /**
     * Receive datagrams on a port; binding a port again replaces its callback.
     * \param port the local UDP port (at packet level)
     * \param cb called with each datagram
     */
    virtual void BindDatagram(uint16_t port, DatagramCallback cb) = 0;
    /**
     * Send a datagram from a local port (bound first, without a receive callback, if it was
     * not).
     * \param fromPort the local port, which the receiver sees as the source port
     * \param to the destination address and port
     * \param data the octets
     */
    virtual void SendDatagram(uint16_t fromPort,
                              const Address& to,
                              const std::vector<uint8_t>& data) = 0;
    /// Fail every pending request ("aborted") and drop every open connection.
    virtual void AbortAll() = 0;
};

} // namespace ns3

#endif /* MMS_TRANSPORT_H */
