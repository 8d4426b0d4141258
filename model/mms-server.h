/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SERVER_H
#define MMS_SERVER_H

// The MMS Server of TS 23.140: the message store behind the Relay. TS 23.140 leaves the
// Relay-Server interface open; this module defines it as a small HTTP/1.1 resource protocol
// (doc/mms.rst, "Relay-Server protocol"):
//   PUT    /store/<message-id>   body: the MM (an M-Send.req), X-Mms-Store-Expiry: <Unix s>
//          -> 201 Created | 409 Conflict | 507 Insufficient Storage | 400 Bad Request
//   GET    /store/<message-id>   -> 200 OK with the MM | 404 Not Found
//   DELETE /store/<message-id>   -> 204 No Content | 404 Not Found
// A stored MM is deleted by DELETE or when its expiry passes.

#include "mms-application.h"

#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <map>

namespace ns3
{

/**
 * \ingroup mms
 * The MMS Server: a message store with a capacity and service times.
 */
class MmsServer : public MmsApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsServer();
    ~MmsServer() override;

    int64_t AssignStreams(int64_t stream) override;

    uint64_t GetStoredBytes() const;
    uint64_t GetStoredMessages() const;

  protected:
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
