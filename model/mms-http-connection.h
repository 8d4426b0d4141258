/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HTTP_CONNECTION_H
#define MMS_HTTP_CONNECTION_H

// HTTP/1.1 over one ns-3 TCP socket: messages out (with bodies that may be virtual payload, sent
// as the socket's buffer frees), messages in (parsed from the byte stream as it arrives). The
// packet-level transport of MM1 and PAP is built on it.

#include "mms-http-message.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <deque>

namespace ns3
{

/**
 * \ingroup mms
 * One HTTP/1.1 connection over a connected TCP socket, either side.
 *
 * Outgoing messages are queued and written as the socket's transmit buffer allows (so a
 * 300 KB body never fails for lack of buffer space); a virtual body goes out as zero-filled
 * virtual packets and costs no memory. Incoming octets go through an MmsHttpParser; each complete
 * message is handed to the message callback. Malformed input closes the connection after the
 * error callback. Pipelining works both ways: messages come out in the order they went in.
 */
class MmsHttpConnection : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsHttpConnection();
    ~MmsHttpConnection() override;

    /// Called with each complete incoming message.
    typedef Callback<void, Ptr<MmsHttpConnection>, const MmsHttpMessage&> MessageCallback;
    /// Called once when the input is malformed, with the parser's message.
    typedef Callback<void, Ptr<MmsHttpConnection>, const std::string&> ErrorCallback;

    /**
     * Take over a connected socket (its receive, send and close callbacks are replaced).
     * \param socket the socket
     * \param expectRequests true on the server side
     */
    void Attach(Ptr<Socket> socket, bool expectRequests);
    void SetMessageCallback(MessageCallback cb);
    void SetErrorCallback(ErrorCallback cb);
    /// Called once when the connection ends: the peer closed it, it failed, or Abort().
    typedef Callback<void, Ptr<MmsHttpConnection>> CloseCallback;
    void SetCloseCallback(CloseCallback cb);

    /**
     * Queue a message. Its body is sent as given: real octets, or, for a virtual body
     * (MmsHttpMessage::bodyIsVirtual), as virtual payload of that length.
     */
    void Send(const MmsHttpMessage& message);
    /**
     * Queue a message whose body is a sequence of packets (for example the result of
     * MmsPduHeader::CreatePackets); the head's Content-Length is their total size.
     */
    void Send(MmsHttpMessage head, const std::vector<Ptr<Packet>>& body);
    /// Close after everything queued has been written.
    void Close();
    /// Drop whatever is queued and close the socket now (a handset switched off, a request
    /// given up); data that arrives afterwards is answered with a reset, as a real stack does.
    void Abort();
    bool IsClosed() const; //!< the connection has ended

    Ptr<Socket> GetSocket() const;
    uint64_t GetQueuedBytes() const; //!< octets queued but not yet accepted by the socket
    uint64_t GetBytesSent() const;
    uint64_t GetBytesReceived() const;
    /**
     * When the connection last made progress: attached, the peer acknowledged octets it sent
     * (the socket freed send-buffer space), or octets arrived. An idle timer reads this.
     */
    Time GetLastProgress() const;

    /// Trace signature: a message of `octets` octets (head and body) sent or received.
    typedef void (*MessageTracedCallback)(const MmsHttpMessage& message, uint64_t octets);

  protected:
    void DoDispose() override;

  private:
    void Flush();
    void HandleRead(Ptr<Socket> socket);
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    void HandleClose(Ptr<Socket> socket);

    Ptr<Socket> m_socket;
    MmsHttpParser m_parser{true};
    std::deque<Ptr<Packet>> m_queue; //!< packets not yet accepted by the socket
    uint64_t m_queued{0};
    uint64_t m_sent{0};
    uint64_t m_received{0};
    Time m_lastProgress;
    bool m_closeWhenDone{false};
    bool m_failed{false};
    uint64_t m_maxBody;
    bool m_keepBody{true};
    MessageCallback m_onMessage;
    ErrorCallback m_onError;
    CloseCallback m_onClose;
    bool m_closed{false};
    TracedCallback<const MmsHttpMessage&, uint64_t> m_txTrace;
    TracedCallback<const MmsHttpMessage&, uint64_t> m_rxTrace;
};

} // namespace ns3

#endif /* MMS_HTTP_CONNECTION_H */
