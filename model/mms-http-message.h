/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HTTP_MESSAGE_H
#define MMS_HTTP_MESSAGE_H

/**
 * \file
 * \ingroup mms-codec
 * HTTP/1.1 messages (RFC 9112 framing) as MM1 and PAP use them over TCP: requests and responses
 * with Content-Length bodies, and an incremental parser for a TCP byte stream. Bodies may be
 * virtual (a length without octets). Plain C++, no ns-3.
 */

#include "mms-multipart.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief An HTTP/1.1 request or response (RFC 9112): start line, headers and a body framed by
 * Content-Length.
 *
 * MM1 (the handset's WAP gateway to the MMS Relay), PAP (the Relay to the Push Proxy Gateway)
 * and the SMSC's submission interface are HTTP exchanges of these. The body has one of three
 * forms: real octets (body), a virtual length (bodyIsVirtual, virtualBodySize), or runs of
 * real and virtual octets (bodyRuns, an MMS PDU whose media are virtual, see
 * MmsPdu::EncodeSegments()). Content-Length is always written from the body's size, never from
 * headers; chunked transfer coding is not supported.
 *
 * \code
 * MmsHttpMessage post = MmsHttpMessage::Request("POST", "/mms");
 * post.AddHeader("Host", "mmsc");
 * post.AddHeader("Content-Type", "application/vnd.wap.mms-message");
 * post.body = sendReq.Encode();
 * std::vector<uint8_t> octets = post.Serialize();
 * \endcode
 */
struct MmsHttpMessage
{
    bool isRequest{true};                                     //!< a request (else a response)
    std::string method;                                       //!< request: "GET", "POST"
    std::string target;                                       //!< request: "/mms", "/mms?id=..."
    int status{200};                                          //!< response status code
    std::string reason{"OK"};                                 //!< response reason phrase
    std::string version{"HTTP/1.1"};                          //!< HTTP-version of the start line
    std::vector<std::pair<std::string, std::string>> headers; //!< in order, without Content-Length
    std::vector<uint8_t> body;                                //!< real body octets
    uint64_t virtualBodySize{0}; //!< when the body is virtual: its length (body is then empty)
    bool bodyIsVirtual{false};   //!< the body is virtualBodySize zero octets, never allocated
    /// When not empty, the body is these runs (real octets, each followed by virtual zero
    /// octets: an MMS PDU whose media are virtual) and body / virtualBodySize are not used.
    std::vector<MmsWireSegment> bodyRuns;

    /**
     * \brief A request without headers and body.
     * \param method "GET", "POST"
     * \param target "/mms", "/mms?id=..."
     * \return the request
     */
    static MmsHttpMessage Request(const std::string& method, const std::string& target);
    /**
     * \brief A response without headers and body.
     * \param status the status code, e.g. 200
     * \param reason the reason phrase, e.g. "OK"
     * \return the response
     */
    static MmsHttpMessage Response(int status, const std::string& reason);

    /**
     * \brief The value of the first header with this name.
     * \param name the header name (compared without regard to case)
     * \return the value, or "" if absent
     */
    std::string GetHeader(const std::string& name) const;
    /**
     * \brief Append a header (a Content-Length header is ignored when serializing).
     * \param name the header name
     * \param value its value
     */
    void AddHeader(const std::string& name, const std::string& value);
    /**
     * \brief The body's length, whatever its form.
     * \return the octets, virtual ones included
     */
    uint64_t GetBodySize() const;

    /**
     * \brief The message head: start line, headers and a Content-Length header, then the
     * empty line. A GET (or another request with neither body nor the method POST or PUT) gets
     * no Content-Length.
     * \return the head as text
     */
    std::string SerializeHead() const;
    /**
     * \brief Head and body.
     * \return the octets, a virtual body as zero octets
     */
    std::vector<uint8_t> Serialize() const;
    /**
     * \brief The body octets, whatever its form.
     * \return the octets, virtual ones as zero octets
     */
    std::vector<uint8_t> SerializeBody() const;
    /**
     * \brief The exact serialized size, without materialising a virtual body.
     * \return the head's and the body's octets
     */
    uint64_t GetSerializedSize() const;
};

/**
 * \ingroup mms-codec
 * \brief Incremental HTTP/1.1 parser (RFC 9112 framing) for one direction of a TCP connection:
 * feed octets as they arrive, in chunks of any size; complete messages come out in order.
 *
 * Bodies are delimited by Content-Length only: a request without it has no body, a response
 * without it, a Transfer-Encoding header, conflicting Content-Length values, a line not ended
 * by CRLF, a malformed start or header line, a head above the header limit or a body above the
 * body limit put the stream in error. The error is the first one, with the stream offset where
 * the offending line or head starts ("offset 57: malformed header line '...'"); the stream is
 * then not parsed any further, as a real server would close the connection.
 *
 * \code
 * MmsHttpParser parser(true); // server side: parses requests
 * if (!parser.Feed(data, size))
 * {
 *     std::cerr << parser.Error() << std::endl;
 * }
 * while (parser.HasMessage())
 * {
 *     MmsHttpMessage request = parser.PopMessage();
 * }
 * \endcode
 */
class MmsHttpParser
{
  public:
    /**
     * \brief A parser for one direction of a connection.
     * \param expectRequests true on the server side, false on the client side
     */
    explicit MmsHttpParser(bool expectRequests);

    /**
     * \brief Limit the message head (start line and headers).
     * \param octets the most octets; default 16 KiB
     */
    void SetMaxHeaderSize(std::size_t octets);
    /**
     * \brief Limit the body's Content-Length.
     * \param octets the most octets; default 4 MiB
     */
    void SetMaxBodySize(uint64_t octets);
    /**
     * \brief Whether to keep body octets.
     * \param keep false: messages come out with virtual bodies of the right length
     */
    void SetKeepBody(bool keep);

    /**
     * \brief Consume octets.
     * \param data the octets
     * \param size their number
     * \return false once the stream is in error (then Error() says why and where); nothing
     * more is parsed
     */
    bool Feed(const uint8_t* data, std::size_t size);
    /**
     * \brief Consume octets that are known to be part of a body without looking at them
     * (virtual payload); kept as zero octets when bodies are kept.
     * \param size the number of octets
     * \return false (and the stream in error) if the parser is not inside a body of at least
     * that many octets
     */
    bool FeedVirtual(uint64_t size);

    /**
     * \brief Whether a complete message is waiting.
     * \return true if PopMessage() may be called
     */
    bool HasMessage() const;
    /**
     * \brief Take the oldest complete message; call only when HasMessage().
     * \return the message
     */
    MmsHttpMessage PopMessage();
    /**
     * \brief Whether the stream is in error.
     * \return true after the first error
     */
    bool HasError() const;
    /**
     * \brief The first error.
     * \return "offset 57: ..."; "" if none
     */
    const std::string& Error() const;
    /**
     * \brief How far the stream has been read.
     * \return the octets consumed so far, virtual ones included
     */
    uint64_t GetOffset() const;

  private:
    bool ParseHead();
    void Fail(uint64_t offset, const std::string& message);
    void FinishBody();

    bool m_requests;
    std::size_t m_maxHeader{16 * 1024};
    uint64_t m_maxBody{4 * 1024 * 1024};
    bool m_keepBody{true};
    std::string m_head; //!< head octets collected so far
    bool m_inBody{false};
    uint64_t m_bodyLeft{0};
    uint64_t m_headStart{0};
    MmsHttpMessage m_current;
    std::vector<MmsHttpMessage> m_ready;
    uint64_t m_offset{0};
    bool m_error{false};
    std::string m_errorText;
};

} // namespace ns3

#endif /* MMS_HTTP_MESSAGE_H */
