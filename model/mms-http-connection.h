/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HTTP_CONNECTION_H
#define MMS_HTTP_CONNECTION_H

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
 * \ingroup mms-transport
 * \brief One HTTP/1.1 connection over a connected ns-3 TCP socket, either side.
 *
 * HTTP/1.1 (RFC 9112 framing) over one TCP socket: messages out, with bodies that may be
 * virtual payload, written as the socket's buffer frees; messages in, parsed from the byte
 * stream as it arrives. MmsSocketTransport builds the packet-level transport of MM1, PAP, the
 * store protocol and SMS submission on it; it can also serve programs that want HTTP over
 * ns-3 TCP without an MMS element.
 *
 * Outgoing messages are queued and written as the socket's transmit buffer allows (so a
 * 300 KB body never fails for lack of buffer space); a virtual body goes out as zero-filled
 * virtual packets and costs no memory. Incoming octets go through an MmsHttpParser (bodies
 * delimited by Content-Length, at most MaxBodySize octets); each complete message is handed
 * to the message callback. Malformed input closes the connection after the error callback.
 * Pipelining works both ways: messages come out in the order they went in.
 *
 * Attributes: MaxBodySize (largest incoming body, default 4 MiB; MmsSocketTransport sets its
 * own), KeepBody (false: incoming bodies come out virtual, of the right length). Trace
 * sources: Tx (a message was queued for sending) and Rx (a complete message arrived), both
 * with the message's octets.
 *
 * Usage: create it, Attach() a connected socket (the side that accepted passes
 * expectRequests = true), set the callbacks, Send(); Close() when done, or Abort(). Dispose of
 * it once it is closed: the socket outlives it in TIME_WAIT, and data that reaches it
 * afterwards is answered with a reset.
 *
 * Limits: no chunked transfer coding and no close-delimited bodies; the connection does not
 * time out by itself (GetLastProgress() serves an idle timer kept by its owner).
 */
class MmsHttpConnection : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a connection with no socket; Attach() one before use.
    MmsHttpConnection();
    ~MmsHttpConnection() override;

    /// Called with each complete incoming message: (this connection, the message).
    typedef Callback<void, Ptr<MmsHttpConnection>, const MmsHttpMessage&> MessageCallback;
    /// Called once when the input is malformed: (this connection, the parser's message).
    typedef Callback<void, Ptr<MmsHttpConnection>, const std::string&> ErrorCallback;

    /**
     * Take over a connected socket (its receive, send and close callbacks are replaced).
     * \param socket the socket
     * \param expectRequests true on the server side
     */
    void Attach(Ptr<Socket> socket, bool expectRequests);
    /**
     * Set the callback of complete incoming messages.
     * \param cb called with each message, in arrival order
     */
    void SetMessageCallback(MessageCallback cb);
    /**
     * Set the callback of malformed input.
     * \param cb called once, before the connection closes
     */
    void SetErrorCallback(ErrorCallback cb);
    /// Called once when the connection ends: the peer closed it, it failed, or Abort().
    typedef Callback<void, Ptr<MmsHttpConnection>> CloseCallback;
    /**
     * Set the callback of the connection's end.
     * \param cb called once when the connection ends
     */
    void SetCloseCallback(CloseCallback cb);

    /**
     * Queue a message. Its body is sent as given: real octets, or, for a virtual body
     * (MmsHttpMessage::bodyIsVirtual), as virtual payload of that length.
     * \param message the request or response (a body given as runs is sent run by run)
     */
    void Send(const MmsHttpMessage& message);
    /**
     * Queue a message whose body is a sequence of packets (for example the result of
     * MmsPduHeader::CreatePackets); the head's Content-Length is their total size.
     * \param head the start line and headers (any body it has is ignored)
     * \param body the packets of the body, sent in order (copied)
     */
    void Send(MmsHttpMessage head, const std::vector<Ptr<Packet>>& body);
    /// Close after everything queued has been written.
    void Close();
    /// Drop whatever is queued and close the socket now (a handset switched off, a request
    /// given up); data that arrives afterwards is answered with a reset, as a real stack does.
    /// The close callback runs before this returns.
    void Abort();
    /**
     * Whether the connection has ended.
     * \return true once the peer closed it, it failed, or Abort() was called
     */
    bool IsClosed() const;

    /**
     * The socket.
     * \return the attached socket (null before Attach() and after disposal)
     */
    Ptr<Socket> GetSocket() const;
    /**
     * Octets queued but not yet accepted by the socket.
     * \return octets
     */
    uint64_t GetQueuedBytes() const;
    /**
     * Octets handed to the socket so far (heads and bodies).
     * \return octets
     */
    uint64_t GetBytesSent() const;
    /**
     * Octets received from the socket so far.
     * \return octets
     */
    uint64_t GetBytesReceived() const;
    /**
     * When the connection last made progress: attached, the peer acknowledged octets it sent
     * (the socket freed send-buffer space), or octets arrived. An idle timer reads this.
     * \return the simulation time of the last progress
     */
    Time GetLastProgress() const;

    /**
     * Trace signature of Tx and Rx: a message sent or received. For Tx the message's body is
     * given as virtual, of the body's length.
     * \param message the message
     * \param octets its octets on the wire, head and body
     */
    typedef void (*MessageTracedCallback)(const MmsHttpMessage& message, uint64_t octets);

  protected:
    /// Detach from the socket (which may outlive this object) and drop the queue and callbacks.
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
