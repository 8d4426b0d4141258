/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_PAP_MESSAGE_H
#define MMS_PAP_MESSAGE_H

/**
 * \file
 * \ingroup mms-codec
 * Push Access Protocol 2.0 (WAP-247-PAP): the push-message and push-response control documents
 * and the multipart/related request that carries a push-message and its content from a Push
 * Initiator (the MMS Relay) to a Push Proxy Gateway. Plain C++, no ns-3.
 */

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief PAP result codes (WAP-247-PAP section 9.13, as listed in doc/mms.rst), with the
 * descriptions Description() gives them.
 */
namespace MmsPapCode
{
constexpr int OK = 1000;                                  //!< OK
constexpr int ACCEPTED_FOR_PROCESSING = 1001;             //!< Accepted for Processing
constexpr int BAD_REQUEST = 2000;                         //!< Bad Request
constexpr int FORBIDDEN = 2001;                           //!< Forbidden
constexpr int ADDRESS_ERROR = 2002;                       //!< Address Error
constexpr int ADDRESS_NOT_FOUND = 2003;                   //!< Address Not Found
constexpr int PUSH_ID_NOT_FOUND = 2004;                   //!< Push ID Not Found
constexpr int CAPABILITIES_MISMATCH = 2005;               //!< Capabilities Mismatch
constexpr int REQUIRED_CAPABILITIES_NOT_SUPPORTED = 2006; //!< Required Capabilities Not Supported
constexpr int DUPLICATE_PUSH_ID = 2007;                   //!< Duplicate Push ID
constexpr int INTERNAL_SERVER_ERROR = 3000;               //!< Internal Server Error
constexpr int NOT_IMPLEMENTED = 3001;                     //!< Not Implemented
constexpr int VERSION_NOT_SUPPORTED = 3002;               //!< Version Not Supported
constexpr int NOT_POSSIBLE = 3003;                        //!< Not Possible
constexpr int CAPABILITY_MATCHING_NOT_SUPPORTED = 3004;   //!< Capability Matching Not Supported
constexpr int MULTIPLE_ADDRESSES_NOT_SUPPORTED = 3005;    //!< Multiple Addresses Not Supported
constexpr int TRANSFORMATION_FAILURE = 3006;              //!< Transformation Failure
/// Specified Delivery Method Not Possible
constexpr int SPECIFIED_DELIVERY_METHOD_NOT_POSSIBLE = 3007;
constexpr int REQUIRED_BEARER_NOT_AVAILABLE = 3010; //!< Required Bearer Not Available
constexpr int SERVICE_FAILURE = 4000;               //!< Service Failure
constexpr int CLIENT_ABORTED = 5000;                //!< Client Aborted
/**
 * \brief The description of a result code.
 * \param code the code
 * \return "OK", "Accepted for Processing", ...; nullptr if unknown
 */
const char* Description(int code);
} // namespace MmsPapCode

/**
 * \ingroup mms-codec
 * \brief Unix seconds as the ISO 8601 UTC timestamp PAP attributes carry.
 * \param unixSeconds seconds since 1970-01-01T00:00:00Z
 * \return e.g. "2026-11-25T10:00:00Z"
 */
std::string MmsPapFormatTime(int64_t unixSeconds);
/**
 * \ingroup mms-codec
 * \brief Parse a PAP timestamp "YYYY-MM-DDThh:mm:ssZ" (exactly that form, UTC).
 * \param text the timestamp
 * \param unixSeconds receives the Unix seconds
 * \return false if malformed or a field is out of range
 */
bool MmsPapParseTime(const std::string& text, int64_t& unixSeconds);

/**
 * \ingroup mms-codec
 * \brief A PAP push-message control document (WAP-247-PAP): push id, addresses,
 * delivery times and quality of service.
 *
 * The MMS Relay, as Push Initiator, sends one with every notification it pushes
 * (MmsPapRequest); the Push Proxy Gateway reads the handset's address, the deliver-before time
 * and the bearer from it. ToXml() writes the document with the PAP 2.0 DOCTYPE; FromXml() reads
 * one with a small XML reader of its own and reports the first problem with its line (and
 * column, for XML syntax errors).
 *
 * \code
 * MmsPapPushMessage m;
 * m.pushId = "mmsc-42";
 * m.addresses.push_back("WAPPUSH=+15551234567/TYPE=PLMN@ppg.example.com");
 * std::string xml = m.ToXml();
 * \endcode
 */
struct MmsPapPushMessage
{
    std::string pushId;                 //!< push-id, unique per Push Initiator
    std::vector<std::string> addresses; //!< "WAPPUSH=+15551234567/TYPE=PLMN@ppg.example.com"
    int64_t deliverBefore{-1};          //!< deliver-before-timestamp, Unix s; -1 if absent
    int64_t deliverAfter{-1};           //!< deliver-after-timestamp, Unix s; -1 if absent
    std::string sourceReference;        //!< source-reference; "" if absent
    std::string notifyRequestedTo;      //!< ppg-notify-requested-to
    std::string priority;               //!< quality-of-service priority: high, medium, low
    std::string deliveryMethod;         //!< confirmed, preferconfirmed, unconfirmed, notspecified
    std::string network;                //!< e.g. "GSM"
    std::string bearer;                 //!< e.g. "SMS"

    /**
     * \brief The document; absent values (empty, -1) are left out.
     * \return the XML text
     */
    std::string ToXml() const;
    /**
     * \brief Parse a push-message document.
     * \param xml the XML text
     * \param out receives the message (reset first)
     * \param error receives "line L, column C: ..." or "line L: ..." on failure
     * \return false if the XML is malformed, has no pap/push-message, or the push-message has
     * no push-id, a malformed timestamp or no address
     */
    static bool FromXml(const std::string& xml, MmsPapPushMessage& out, std::string& error);

    /**
     * \brief Equal values.
     * \param o the other message
     * \return true if every field is equal
     */
    bool operator==(const MmsPapPushMessage& o) const;
};

/**
 * \ingroup mms-codec
 * \brief A PAP push-response control document (WAP-247-PAP): the Push Proxy
 * Gateway's answer to a push submission.
 *
 * FromXml() reports the first problem with its line, as MmsPapPushMessage::FromXml() does.
 */
struct MmsPapPushResponse
{
    std::string pushId;                            //!< push-id of the push-message answered
    std::string senderAddress;                     //!< sender-address (the PPG); "" if absent
    std::string senderName;                        //!< sender-name; "" if absent
    int64_t replyTime{-1};                         //!< Unix s; -1 if absent
    int code{MmsPapCode::ACCEPTED_FOR_PROCESSING}; //!< response-result code (MmsPapCode)
    std::string description; //!< response-result desc; "" writes MmsPapCode::Description()

    /**
     * \brief The document; absent values (empty, -1) are left out.
     * \return the XML text
     */
    std::string ToXml() const;
    /**
     * \brief Parse a push-response document.
     * \param xml the XML text
     * \param out receives the response (reset first)
     * \param error receives "line L, column C: ..." or "line L: ..." on failure
     * \return false if the XML is malformed, has no pap/push-response, a malformed
     * reply-time, or no response-result with a four-digit code
     */
    static bool FromXml(const std::string& xml, MmsPapPushResponse& out, std::string& error);

    /**
     * \brief Equal values.
     * \param o the other response
     * \return true if every field is equal
     */
    bool operator==(const MmsPapPushResponse& o) const;
};

/**
 * \ingroup mms-codec
 * \brief The body of a PAP push submission (WAP-247-PAP): multipart/related
 * (RFC 2387) with the control document and the content entity.
 *
 * The MMS Relay posts one to the Push Proxy Gateway over HTTP for every PDU it pushes. Decode()
 * expects exactly two body parts, the application/xml control document first; it returns
 * false with a message ("offset 312: body part is not terminated", "PAP control document:
 * line 3: push-message has no address", ...) when the body is not of that shape.
 *
 * \code
 * MmsPapRequest req;
 * req.control = pushMessage;
 * req.content = notification.Encode();
 * std::string boundary;
 * std::vector<uint8_t> body = req.Encode(boundary);
 * std::string contentType = req.GetHttpContentType(boundary); // for the HTTP POST
 * \endcode
 */
struct MmsPapRequest
{
    MmsPapPushMessage control;                                  //!< the control entity
    std::string contentType{"application/vnd.wap.mms-message"}; //!< the content's media type
    std::vector<uint8_t> content; //!< binary (e.g. an M-Notification.ind)

    /**
     * \brief The HTTP Content-Type of the request.
     * \param boundary the boundary Encode() chose
     * \return multipart/related with the boundary and type="application/xml"
     */
    std::string GetHttpContentType(const std::string& boundary) const;
    /**
     * \brief The body.
     * \param boundary receives the boundary, chosen so that it does not occur in the content
     * \return the body's octets
     */
    std::vector<uint8_t> Encode(std::string& boundary) const;
    /**
     * \brief Parse a body given the HTTP Content-Type header.
     * \param httpContentType the request's Content-Type (multipart/related with a boundary)
     * \param body the body's octets
     * \param out receives the request (reset first)
     * \param error receives what is wrong, on failure
     * \return false with a message in error when malformed
     */
    static bool Decode(const std::string& httpContentType,
                       const std::vector<uint8_t>& body,
                       MmsPapRequest& out,
                       std::string& error);
};

} // namespace ns3

#endif /* MMS_PAP_MESSAGE_H */
