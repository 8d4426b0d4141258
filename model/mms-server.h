/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SERVER_H
#define MMS_SERVER_H

#include "mms-application.h"

#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <map>

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief The MMS Server of 3GPP TS 23.140: the message store behind the MMS Relay.
 *
 * TS 23.140 (clause 4) splits the MMSC into the MMS Relay, which handles the interfaces, and
 * the MMS Server, which stores messages until they are retrieved or expire, and leaves the
 * Relay-Server interface open. This module defines it as a small HTTP/1.1 resource protocol
 * (doc/mms.rst, "Relay-Server protocol"):
 * \verbatim
   PUT    /store/<message-id>   body: the MM (an M-Send.req), X-Mms-Store-Expiry: <Unix s>
          -> 201 Created | 409 Conflict | 507 Insufficient Storage | 400 Bad Request
   GET    /store/<message-id>   -> 200 OK with the MM | 404 Not Found
   DELETE /store/<message-id>   -> 204 No Content | 404 Not Found
   \endverbatim
 * Other targets get 404; another method gets 405 for a stored key (404 otherwise). A stored MM is
 deleted by DELETE (the Relay sends
 * one when every recipient has reached a terminal state) or when its X-Mms-Store-Expiry
 * passes.
 *
 * In the MMS flow the Relay PUTs each accepted M-Send.req before it answers M-Send.conf (a
 * refusal here turns into an error status in the M-Send.conf), GETs it for each retrieval
 * and builds the M-Retrieve.conf from it, and DELETEs it at the end. Media stay virtual: the
 * store holds the PDU's headers and the sizes of its media, and counts the octets of the
 * whole MM against its capacity.
 *
 * Attributes: Port (TCP port of the store protocol, default 8002), Capacity (octets, default
 * 1 GiB; a PUT that would exceed it is refused with 507), StoreTime, FetchTime and DeleteTime
 * (random service times, defaults 5, 5 and 1 ms). Trace sources: StoredBytes (a traced value),
 * Stored, Fetched, Deleted (detail "deleted" or "expired") and Rejected (detail "malformed",
 * "duplicate" or "storage full"), each carrying an MmsEvent whose messageId is the store key.
 *
 * Usage: MmsHelper::InstallCore() installs one with the Relay, the PPG and the SMSC and
 * points the Relay's ServerAddress at it; several Relays may share one Server
 * (MmsHelper::InstallRelay()), each with its own MessageIdPrefix.
 *
 * Limits: the service times are independent delays with no queue and no limit on concurrent
 * requests (an infinite-server model of the store); storage is one pool of octets, with no
 * per-subscriber quota.
 */
class MmsServer : public MmsApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create an empty store; it listens on Port when the application starts.
    MmsServer();
    ~MmsServer() override;

    /**
     * Assign fixed random variable stream numbers to StoreTime, FetchTime and DeleteTime.
     * \param stream first stream index
     * \return the number of streams used (3)
     */
    int64_t AssignStreams(int64_t stream) override;

    /**
     * The octets held (the StoredBytes trace source).
     * \return octets of the stored MMs, as their PUT bodies counted them
     */
    uint64_t GetStoredBytes() const;
    /**
     * The MMs held.
     * \return the number of stored MMs
     */
    uint64_t GetStoredMessages() const;

  protected:
    /// Cancel the expiry events and empty the store.
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    void HandleRequest(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address& from);
    void Serve(MmsTransport::ExchangeId ex, MmsHttpMessage m);
    void Remove(const std::string& id, const std::string& why);

    struct Stored
    {
        MmsPdu pdu;       //!< the MM, media as virtual sizes
        uint64_t size{0}; //!< octets as stored
        EventId expiry;
    };

    uint16_t m_port;
    uint64_t m_capacity;
    Ptr<RandomVariableStream> m_storeTime;
    Ptr<RandomVariableStream> m_fetchTime;
    Ptr<RandomVariableStream> m_deleteTime;
    std::map<std::string, Stored> m_store;
    TracedValue<uint64_t> m_storedBytes{0};
    TracedCallback<const MmsEvent&> m_storedTrace;
    TracedCallback<const MmsEvent&> m_fetchedTrace;
    TracedCallback<const MmsEvent&> m_deletedTrace;
    TracedCallback<const MmsEvent&> m_rejectedTrace;
};

} // namespace ns3

#endif /* MMS_SERVER_H */
