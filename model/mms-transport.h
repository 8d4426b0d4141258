/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_TRANSPORT_H
#define MMS_TRANSPORT_H

// The only way MMS engines (User Agent, Relay, Server, PPG, SMSC) reach each other: HTTP
// exchanges (MM1, PAP, the Relay-Server store protocol, SMS submission) and datagrams (WSP Push
// over UDP, SMS TPDUs on the bearer). An engine never calls another engine's methods, so the
// same engine runs over packets (MmsSocketTransport) or over another realisation of this
// interface (a flow-level model, a test double) unchanged.

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
 * \ingroup mms
 * What an engine sees of the network: request/response exchanges and datagrams.
 *
 * Addresses are ns-3 addresses (InetSocketAddress at packet level). Callbacks are invoked from
 * the simulator, never re-entrantly from within the call that caused them.
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

    /// An incoming request: answer it with Respond(id, ...), once, in any order.
    typedef Callback<void, ExchangeId, const MmsHttpMessage&, const Address&> RequestCallback;
    /// The outcome of a request: (cookie, true, response, "") or (cookie, false, {}, reason).
    typedef Callback<void, uint64_t, bool, const MmsHttpMessage&, const std::string&> ResponseCallback;
    /// A datagram arrived: its octets and the sender.
    typedef Callback<void, const std::vector<uint8_t>&, const Address&> DatagramCallback;

    /// Accept requests on a port.
    virtual void Listen(uint16_t port, RequestCallback cb) = 0;
    /// Answer a request; ignored if its connection has gone.
    virtual void Respond(ExchangeId exchange, const MmsHttpMessage& response) = 0;
    /**
     * Send a request to a server; the callback reports the response or the failure.
     * \param server the server's address
     * \param request the request
     * \param cb called once with the outcome
     * \param cookie passed back to the callback (the caller's key for this exchange)
     */
    virtual void Request(const Address& server,
                         const MmsHttpMessage& request,
                         ResponseCallback cb,
                         uint64_t cookie) = 0;
    /// Receive datagrams on a port.
    virtual void BindDatagram(uint16_t port, DatagramCallback cb) = 0;
    /// Send a datagram from a local port.
    virtual void SendDatagram(uint16_t fromPort,
                              const Address& to,
                              const std::vector<uint8_t>& data) = 0;
    /// Fail every pending request ("aborted") and drop every open connection.
    virtual void AbortAll() = 0;
};

} // namespace ns3

#endif /* MMS_TRANSPORT_H */
