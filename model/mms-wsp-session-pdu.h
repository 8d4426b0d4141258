/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_SESSION_PDU_H
#define MMS_WSP_SESSION_PDU_H

/**
 * \file
 * \ingroup mms-codec
 * WSP PDUs of the connection-mode session and of connectionless WSP (WAP-230-WSP section 8.2):
 * Connect, ConnectReply, Redirect, Disconnect, Suspend, Resume, Get, Post, Reply and Push,
 * with capabilities (section 8.3), redirect addresses, and headers with code page shifts
 * (section 8.4). Plain C++: no ns-3.
 */

#include "mms-wsp-codec.h"
#include "mms-wsp-content-type.h"
#include "mms-wtp-pdu.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief A WSP address (WAP-230-WSP section 8.2.2.3, the Redirect PDU's and the Aliases
 * capability's form): an optional bearer type, an optional port, the address octets.
 *
 * On the wire: one octet with Bearer-type-included (0x80), Port-number-included (0x40) and
 * the address length (6 bits, 0..63), then the bearer type (one octet), the port (two octets,
 * big-endian), the address.
 */
struct MmsWspAddress
{
    static constexpr uint8_t BEARER_IPV4 = 0x00; //!< WDP bearer type IPv4 (WAP-259-WDP App. C)
    static constexpr uint8_t BEARER_IPV6 = 0x01; //!< WDP bearer type IPv6

    bool hasBearer{false};        //!< whether the bearer type is present
    uint8_t bearer{BEARER_IPV4};  //!< the bearer type
    bool hasPort{false};          //!< whether the port is present
    uint16_t port{0};             //!< the port
    std::vector<uint8_t> address; //!< the address octets (at most 63)

    /**
     * \brief An IPv4 address with bearer type and port.
     * \param ipv4 the address, most significant octet first (0x0a000001 = 10.0.0.1)
     * \param port the UDP port
     * \return the address
     */
    static MmsWspAddress Ipv4(uint32_t ipv4, uint16_t port);
    /**
     * \brief The address for display.
     * \return "10.0.0.1:9201 (bearer 0)" or "hex:... " for other bearers
     */
    std::string ToString() const;
    /**
     * \brief The encoded size.
     * \return 1 + bearer + port + address octets
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Append the encoding.
     * \param w the writer
     */
    void Encode(MmsWspWriter& w) const;
    /**
     * \brief Read one address.
     * \param r the reader; errors go to it
     * \return the address
     */
    static MmsWspAddress Decode(MmsWspReader& r);

    /**
     * \brief Equal fields.
     * \param o the other address
     * \return true if equal
     */
    bool operator==(const MmsWspAddress& o) const;
};

/**
 * \ingroup mms-codec
 * \brief One capability of Connect, ConnectReply and Resume (WAP-230-WSP section 8.3): an
 * identifier, well-known (a Short-integer code) or textual, and its parameter octets.
 *
 * The parameters are kept as octets so that any capability re-encodes unchanged; the static
 * constructors build the well-known ones (section 8.3.2) and FormatValue() decodes them.
 */
struct MmsWspCapability
{
    static constexpr int CLIENT_SDU_SIZE = 0x00;     //!< Client-SDU-Size (Uintvar)
    static constexpr int SERVER_SDU_SIZE = 0x01;     //!< Server-SDU-Size (Uintvar)
    static constexpr int PROTOCOL_OPTIONS = 0x02;    //!< Protocol Options (flag octets)
    static constexpr int METHOD_MOR = 0x03;          //!< Method-MOR (uint8)
    static constexpr int PUSH_MOR = 0x04;            //!< Push-MOR (uint8)
    static constexpr int EXTENDED_METHODS = 0x05;    //!< Extended Methods (type, name)...
    static constexpr int HEADER_CODE_PAGES = 0x06;   //!< Header Code Pages (code, name)...
    static constexpr int ALIASES = 0x07;             //!< Aliases (addresses)
    static constexpr int CLIENT_MESSAGE_SIZE = 0x08; //!< Client-Message-Size (Uintvar)
    static constexpr int SERVER_MESSAGE_SIZE = 0x09; //!< Server-Message-Size (Uintvar)

    /// Protocol Options flags (section 8.3.2.3).
    static constexpr uint8_t OPTION_CONFIRMED_PUSH = 0x80; //!< confirmed push facility
    static constexpr uint8_t OPTION_PUSH = 0x40;           //!< push facility
    static constexpr uint8_t OPTION_SESSION_RESUME = 0x20; //!< session resume facility
    static constexpr uint8_t OPTION_ACK_HEADERS = 0x10;    //!< acknowledgement headers
    static constexpr uint8_t OPTION_LARGE_DATA = 0x08;     //!< large data transfer

    int code{-1};               //!< well-known identifier, or -1 for a textual one
    std::string name;           //!< textual identifier (code -1)
    std::vector<uint8_t> value; //!< the parameter octets

    /**
     * \brief A capability whose value is one Uintvar (SDU and message sizes).
     * \param code CLIENT_SDU_SIZE, SERVER_SDU_SIZE, CLIENT_MESSAGE_SIZE or SERVER_MESSAGE_SIZE
     * \param v the size in octets
     * \return the capability
     */
    static MmsWspCapability Size(int code, uint32_t v);
    /**
     * \brief Method-MOR or Push-MOR: the maximum outstanding requests.
     * \param code METHOD_MOR or PUSH_MOR
     * \param mor the number, 1..255
     * \return the capability
     */
    static MmsWspCapability Mor(int code, uint8_t mor);
    /**
     * \brief Protocol Options.
     * \param flags OPTION_... flags
     * \return the capability
     */
    static MmsWspCapability ProtocolOptions(uint8_t flags);
    /**
     * \brief Extended Methods or Header Code Pages: pairs of a code and a name.
     * \param code EXTENDED_METHODS or HEADER_CODE_PAGES
     * \param entries (PDU type or page code, method or page name)
     * \return the capability
     */
    static MmsWspCapability NamedCodes(int code,
                                       const std::vector<std::pair<uint8_t, std::string>>& entries);
    /**
     * \brief Aliases: alternate addresses of the peer.
     * \param addresses the addresses
     * \return the capability
     */
    static MmsWspCapability Aliases(const std::vector<MmsWspAddress>& addresses);

    /**
     * \brief The capability's name.
     * \return "Client-SDU-Size", "Method-MOR", ..., the textual identifier, or "Capability-0xN"
     */
    std::string GetName() const;
    /**
     * \brief The value for display, decoded for the well-known capabilities.
     * \return "1400", "Push Session-Resume", "0x10 Get2", "10.0.0.1:9201 (bearer 0)", or
     * "hex:..." when the octets are not in the expected form
     */
    std::string FormatValue() const;
    /**
     * \brief The value as a number, for the Uintvar and uint8 capabilities.
     * \param v receives the number
     * \return false when the capability carries no such number
     */
    bool GetNumber(uint32_t& v) const;
    /**
     * \brief The encoded size, the length prefix included.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Append the encoding: Uintvar length, identifier, value.
     * \param w the writer
     */
    void Encode(MmsWspWriter& w) const;

    /**
     * \brief Equal identifier and value.
     * \param o the other capability
     * \return true if equal
     */
    bool operator==(const MmsWspCapability& o) const
    {
        return code == o.code && name == o.name && value == o.value;
    }

  private:
    std::size_t GetIdentifierSize() const;
};

/**
 * \ingroup mms-codec
 * \brief One item of a WSP header list (WAP-230-WSP section 8.4.1): a header, or a shift to
 * another header code page.
 *
 * A shift is either the Shift-delimiter 0x7F followed by the page (1..255), or one of the
 * short-cut shift octets 0x01 to 0x1F (section 8.4.2.1). Headers after a shift to a page other
 * than 1 are kept as code and raw value.
 */
struct MmsWspHeaderItem
{
    bool isShift{false};     //!< whether this item is a code page shift
    uint8_t page{1};         //!< the page shifted to (isShift)
    bool shortCut{true};     //!< the shift is one short-cut octet (else 0x7F and the page)
    MmsWspPartHeader header; //!< the header (not isShift)

    /**
     * \brief A header item.
     * \param h the header
     * \return the item
     */
    static MmsWspHeaderItem Header(const MmsWspPartHeader& h);
    /**
     * \brief A shift item, short-cut for pages 1..31.
     * \param page the page, 1..255
     * \return the item
     */
    static MmsWspHeaderItem Shift(uint8_t page);
    /**
     * \brief Equal kind and contents.
     * \param o the other item
     * \return true if equal
     */
    bool operator==(const MmsWspHeaderItem& o) const;
};

/**
 * \ingroup mms-codec
 * \brief A WSP PDU (WAP-230-WSP section 8.2), connection-mode (inside WTP) or connectionless
 * (preceded by a TID octet, on WDP port 9200).
 *
 * PDU types (section 8.2.1, Table 34): Connect 0x01, ConnectReply 0x02, Redirect 0x03, Reply
 * 0x04, Disconnect 0x05, Push 0x06, ConfirmedPush 0x07, Suspend 0x08, Resume 0x09; the Get
 * family 0x40..0x5F (Get 0x40, Options, Head, Delete, Trace 0x44, extended methods 0x50..) and
 * the Post family 0x60..0x7F (Post 0x60, Put 0x61, extended methods 0x70..). Their layouts:
 *
 * | PDU | fields after the type |
 * |---|---|
 * | Connect (8.2.2.1) | Version, CapabilitiesLen, HeadersLen, Capabilities, Headers |
 * | ConnectReply (8.2.2.2) | ServerSessionId, CapabilitiesLen, HeadersLen, Capabilities, Headers |
 * | Redirect (8.2.2.3) | Flags, Addresses |
 * | Disconnect (8.2.2.4), Suspend (8.2.2.5) | (Server)SessionId |
 * | Resume (8.2.2.6) | SessionId, CapabilitiesLen, Capabilities, Headers |
 * | Get (8.2.3.1) | URILen, URI, Headers |
 * | Post (8.2.3.2) | UriLen, HeadersLen, Uri, ContentType, Headers, Data |
 * | Reply (8.2.3.3), Push (8.2.4.1) | [Status,] HeadersLen, ContentType, Headers, Data |
 *
 * Decode() fails, with the field and its offset, on a truncated PDU, a length that runs past
 * the end, an unassigned PDU type, or a malformed capability, address or header. Every PDU it
 * accepts re-encodes octet for octet. GetFields() lists what was read, in wire order (after a
 * failed Decode(), what was read before the error).
 *
 * \code
 * MmsWspSessionPdu post = MmsWspSessionPdu::MakePost("http://mmsc/", ct, mSendReq);
 * MmsWtpPdu invoke = MmsWtpPdu::MakeInvoke(tid, MmsWtpPdu::CLASS_2, post.Encode());
 * \endcode
 */
class MmsWspSessionPdu
{
  public:
    static constexpr uint8_t CONNECT = 0x01;        //!< Connect
    static constexpr uint8_t CONNECT_REPLY = 0x02;  //!< ConnectReply
    static constexpr uint8_t REDIRECT = 0x03;       //!< Redirect
    static constexpr uint8_t REPLY = 0x04;          //!< Reply
    static constexpr uint8_t DISCONNECT = 0x05;     //!< Disconnect
    static constexpr uint8_t PUSH = 0x06;           //!< Push
    static constexpr uint8_t CONFIRMED_PUSH = 0x07; //!< ConfirmedPush
    static constexpr uint8_t SUSPEND = 0x08;        //!< Suspend
    static constexpr uint8_t RESUME = 0x09;         //!< Resume
    static constexpr uint8_t GET = 0x40;            //!< Get
    static constexpr uint8_t OPTIONS = 0x41;        //!< Options (a Get-family method)
    static constexpr uint8_t HEAD = 0x42;           //!< Head
    static constexpr uint8_t DELETE = 0x43;         //!< Delete
    static constexpr uint8_t TRACE = 0x44;          //!< Trace
    static constexpr uint8_t POST = 0x60;           //!< Post
    static constexpr uint8_t PUT = 0x61;            //!< Put (a Post-family method)

    static constexpr uint8_t VERSION_1_0 = 0x10; //!< Connect's Version: major 1, minor 0

    /// Redirect flags (section 8.2.2.3).
    static constexpr uint8_t REDIRECT_PERMANENT = 0x80;  //!< permanent redirect
    static constexpr uint8_t REDIRECT_REUSE_WTLS = 0x40; //!< reuse the security session

    /// A connection-mode Get of an empty URI.
    MmsWspSessionPdu() = default;

    /**
     * \brief A Connect, version 1.0.
     * \param caps the client's proposed capabilities
     * \param headers the session headers
     * \return the PDU
     */
    static MmsWspSessionPdu MakeConnect(const std::vector<MmsWspCapability>& caps,
                                        const std::vector<MmsWspHeaderItem>& headers = {});
    /**
     * \brief A ConnectReply.
     * \param sessionId the server session id
     * \param caps the negotiated capabilities
     * \return the PDU
     */
    static MmsWspSessionPdu MakeConnectReply(uint32_t sessionId,
                                             const std::vector<MmsWspCapability>& caps);
    /**
     * \brief A Redirect.
     * \param flags REDIRECT_PERMANENT, REDIRECT_REUSE_WTLS
     * \param addresses where to go
     * \return the PDU
     */
    static MmsWspSessionPdu MakeRedirect(uint8_t flags,
                                         const std::vector<MmsWspAddress>& addresses);
    /**
     * \brief A Disconnect or Suspend.
     * \param type DISCONNECT or SUSPEND
     * \param sessionId the session id
     * \return the PDU
     */
    static MmsWspSessionPdu MakeSessionEnd(uint8_t type, uint32_t sessionId);
    /**
     * \brief A Resume.
     * \param sessionId the session id
     * \param caps capabilities
     * \return the PDU
     */
    static MmsWspSessionPdu MakeResume(uint32_t sessionId,
                                       const std::vector<MmsWspCapability>& caps);
    /**
     * \brief A Get-family request.
     * \param uri the URI
     * \param type GET, OPTIONS, HEAD, DELETE, TRACE or an extended method 0x50..0x5F
     * \return the PDU
     */
    static MmsWspSessionPdu MakeGet(const std::string& uri, uint8_t type = GET);
    /**
     * \brief A Post-family request.
     * \param uri the URI
     * \param ct the content type of the data
     * \param data the data (for MMS, an encoded M-Send.req)
     * \param type POST, PUT or an extended method 0x70..0x7F
     * \return the PDU
     */
    static MmsWspSessionPdu MakePost(const std::string& uri,
                                     const MmsWspContentType& ct,
                                     const std::vector<uint8_t>& data,
                                     uint8_t type = POST);
    /**
     * \brief A Reply.
     * \param httpStatus the HTTP status code (200, 404, ...), mapped by StatusFromHttp()
     * \param ct the content type of the data
     * \param data the data
     * \return the PDU
     */
    static MmsWspSessionPdu MakeReply(int httpStatus,
                                      const MmsWspContentType& ct,
                                      const std::vector<uint8_t>& data);

    /**
     * \brief Whether this is the connectionless form (a TID octet before the type).
     * \return true if connectionless
     */
    bool IsConnectionless() const;
    /**
     * \brief Make it connectionless with a TID, or connection-mode.
     * \param connectionless true for the connectionless form
     * \param tid the TID octet (connectionless only)
     */
    void SetConnectionless(bool connectionless, uint8_t tid = 0);
    /**
     * \brief The connectionless TID.
     * \return the TID octet
     */
    uint8_t GetTid() const;
    /**
     * \brief The PDU type.
     * \return CONNECT, ..., GET, POST, ...
     */
    uint8_t GetType() const;
    /**
     * \brief The Connect's version.
     * \return major in the high nibble, minor in the low one
     */
    uint8_t GetVersion() const;
    /**
     * \brief The (server) session id of ConnectReply, Disconnect, Suspend and Resume.
     * \return the id
     */
    uint32_t GetSessionId() const;
    /**
     * \brief The Redirect's flags.
     * \return REDIRECT_... flags
     */
    uint8_t GetRedirectFlags() const;
    /**
     * \brief The Redirect's addresses.
     * \return the addresses
     */
    const std::vector<MmsWspAddress>& GetAddresses() const;
    /**
     * \brief The request URI (Get and Post families).
     * \return the URI
     */
    const std::string& GetUri() const;
    /**
     * \brief The Reply's status octet (section 8.2.3.3, Table 36).
     * \return the WSP status code
     */
    uint8_t GetStatus() const;
    /**
     * \brief The content type of Post, Reply and Push.
     * \return the content type
     */
    const MmsWspContentType& GetContentType() const;
    /**
     * \brief Whether the PDU carries a Content-Type: false only for a decoded Post, Reply or
     * Push whose HeadersLen was 0 (tolerated with a warning, re-encoded the same way).
     * \return true if a Content-Type is encoded
     */
    bool HasContentType() const;
    /**
     * \brief The capabilities of Connect, ConnectReply and Resume.
     * \return the capabilities in wire order
     */
    const std::vector<MmsWspCapability>& GetCapabilities() const;
    /**
     * \brief Find a well-known capability.
     * \param code its code
     * \return the first capability with the code, or nullptr
     */
    const MmsWspCapability* FindCapability(int code) const;
    /**
     * \brief The headers (and code page shifts) in wire order.
     * \return the items
     */
    const std::vector<MmsWspHeaderItem>& GetHeaders() const;
    /**
     * \brief Append a header item.
     * \param item the header or shift
     */
    void AddHeader(const MmsWspHeaderItem& item);
    /**
     * \brief The data of Post, Reply and Push.
     * \return the octets
     */
    const std::vector<uint8_t>& GetData() const;

    /**
     * \brief The encoded size, computed without encoding.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Encode.
     * \return the octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Decode a PDU.
     * \param data the octets
     * \param size their number
     * \param connectionless whether a TID octet comes first (connectionless WSP, port 9200)
     * \param out receives the PDU (reset first; partial on failure, GetFields() included)
     * \param error receives what is wrong and where, on failure
     * \param baseOffset offset of data[0] in a larger input (the WTP PDU), for errors
     * \return false when malformed
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       bool connectionless,
                       MmsWspSessionPdu& out,
                       MmsDecodeError& error,
                       std::size_t baseOffset = 0);
    /**
     * \brief The fields in wire order: as decoded (offsets in the input Decode() read), or as
     * Encode() writes them for a PDU that was built or changed since.
     * \return name, display value and offset of each field
     */
    std::vector<MmsDecodedField> GetFields() const;
    /**
     * \brief Deviations tolerated by the Decode() that produced this PDU.
     * \return the warnings
     */
    const std::vector<MmsDecodeWarning>& GetWarnings() const;

    /**
     * \brief The name of a PDU type.
     * \param type the type octet
     * \return "Connect", "Get", "Post", ..., "Get-0x55" for an extended method, "Type-0xNN"
     */
    static std::string TypeName(uint8_t type);
    /**
     * \brief Whether a PDU type is assigned (section 8.2.1, Table 34).
     * \param type the type octet
     * \return true for 0x01..0x09, 0x40..0x7F
     */
    static bool IsKnownType(uint8_t type);
    /**
     * \brief The WSP status code of an HTTP status (WAP-230-WSP Table 36): an HTTP status
     * c.xx of class c = 1..4 maps to c * 0x10 + xx (416 is 0x50, 417 is 0x51), class 5 to
     * 0x60 + xx.
     * \param http the HTTP status (100..599)
     * \return the WSP status octet; 0x60 (500) for codes outside the table
     */
    static uint8_t StatusFromHttp(int http);
    /**
     * \brief The HTTP status of a WSP status code (inverse of StatusFromHttp()).
     * \param status the WSP status octet
     * \return the HTTP status; 0 for octets that map to none
     */
    static int HttpFromStatus(uint8_t status);

    /**
     * \brief Whether both encode to the same octets.
     * \param o the other PDU
     * \return true if equal
     */
    bool operator==(const MmsWspSessionPdu& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other PDU
     * \return true if they differ
     */
    bool operator!=(const MmsWspSessionPdu& o) const
    {
        return !(*this == o);
    }

  private:
    std::size_t GetCapabilitiesSize() const;
    std::size_t GetContentTypeSize() const;
    std::size_t GetHeadersSize() const;
    void EncodeHeaders(MmsWspWriter& w) const;
    static void DecodeHeaders(MmsWspReader& r, MmsWspSessionPdu& out);
    static void DecodeCapabilities(MmsWspReader& r, MmsWspSessionPdu& out);

    bool m_connectionless{false};
    uint8_t m_tid{0};
    uint8_t m_type{GET};
    uint8_t m_version{VERSION_1_0};
    uint32_t m_sessionId{0};
    uint8_t m_redirectFlags{0};
    std::vector<MmsWspAddress> m_addresses;
    std::string m_uri;
    uint8_t m_status{0x20};
    MmsWspContentType m_contentType;
    bool m_hasContentType{true};
    std::vector<MmsWspCapability> m_caps;
    std::vector<MmsWspHeaderItem> m_headers;
    std::vector<uint8_t> m_data;
    std::vector<MmsDecodedField> m_decoded;
    std::vector<MmsDecodeWarning> m_warnings;
    bool m_wasDecoded{false};
};

} // namespace ns3

#endif /* MMS_WSP_SESSION_PDU_H */
