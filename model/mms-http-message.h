/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HTTP_MESSAGE_H
#define MMS_HTTP_MESSAGE_H

// HTTP/1.1 messages (RFC 9112 framing) as MM1 and PAP use them over TCP: requests and responses
// with Content-Length bodies, and an incremental parser for a TCP byte stream. Bodies may be
// virtual (a length without octets). Plain C++, no ns-3.

#include "mms-multipart.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * An HTTP/1.1 request or response.
 */
struct MmsHttpMessage
{
    bool isRequest{true};
    std::string method;       //!< request: "GET", "POST"
    std::string target;       //!< request: "/mms", "/mms?id=..."
    int status{200};          //!< response status code
    std::string reason{"OK"}; //!< response reason phrase
    std::string version{"HTTP/1.1"};
    std::vector<std::pair<std::string, std::string>> headers; //!< in order, without Content-Length
    std::vector<uint8_t> body;                                //!< real body octets
    uint64_t virtualBodySize{0}; //!< when the body is virtual: its length (body is then empty)
    bool bodyIsVirtual{false};
    /// When not empty, the body is these runs (real octets, each followed by virtual zero
    /// octets: an MMS PDU whose media are virtual) and body / virtualBodySize are not used.
    std::vector<MmsWireSegment> bodyRuns;

    static MmsHttpMessage Request(const std::string& method, const std::string& target);
    static MmsHttpMessage Response(int status, const std::string& reason);

    /// Value of the first header with this name (case-insensitive), or "".
    std::string GetHeader(const std::string& name) const;
    void AddHeader(const std::string& name, const std::string& value);
    uint64_t GetBodySize() const;

    /// Start line, headers and a Content-Length header, then the empty line.
    std::string SerializeHead() const;
    /// Head and body (a virtual body as zero octets).
    std::vector<uint8_t> Serialize() const;
    /// The body octets, whatever its form (virtual runs as zero octets).
    std::vector<uint8_t> SerializeBody() const;
    /// Exact serialized size without materialising a virtual body.
    uint64_t GetSerializedSize() const;
};

/**
 * \ingroup mms
 * Incremental HTTP/1.1 parser for one direction of a TCP connection: feed octets as they
 * arrive, in chunks of any size; complete messages come out in order.
 */
class MmsHttpParser
{
  public:
    /// \param expectRequests true on the server side, false on the client side
    explicit MmsHttpParser(bool expectRequests);

    void SetMaxHeaderSize(std::size_t octets); //!< default 16 KiB
    void SetMaxBodySize(uint64_t octets);      //!< default 4 MiB
    /// Do not keep body octets: messages come out with virtual bodies of the right length.
    void SetKeepBody(bool keep);

    /// Consume octets. Returns false once the stream is in error (then Error() says why and
    /// where); nothing more is parsed.
    bool Feed(const uint8_t* data, std::size_t size);
    /// Consume octets that are known to be part of a body without looking at them (virtual
    /// payload); false if the parser is not inside a body of at least that many octets.
    bool FeedVirtual(uint64_t size);

    bool HasMessage() const;
    MmsHttpMessage PopMessage();
    bool HasError() const;
    const std::string& Error() const; //!< "offset 57: ..."
    uint64_t GetOffset() const;       //!< octets consumed so far

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
