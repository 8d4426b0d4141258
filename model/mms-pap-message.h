/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_PAP_MESSAGE_H
#define MMS_PAP_MESSAGE_H

// Push Access Protocol 2.0 (WAP-247-PAP): the push-message and push-response control documents
// and the multipart/related request that carries a push-message and its content from a Push
// Initiator (the MMS Relay) to a Push Proxy Gateway. Plain C++, no ns-3.

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// PAP result codes (WAP-247 section 9.13, as listed in doc/mms.rst).
namespace MmsPapCode
{
constexpr int OK = 1000;
constexpr int ACCEPTED_FOR_PROCESSING = 1001;
constexpr int BAD_REQUEST = 2000;
constexpr int FORBIDDEN = 2001;
constexpr int ADDRESS_ERROR = 2002;
constexpr int ADDRESS_NOT_FOUND = 2003;
constexpr int PUSH_ID_NOT_FOUND = 2004;
constexpr int CAPABILITIES_MISMATCH = 2005;
constexpr int REQUIRED_CAPABILITIES_NOT_SUPPORTED = 2006;
constexpr int DUPLICATE_PUSH_ID = 2007;
constexpr int INTERNAL_SERVER_ERROR = 3000;
constexpr int NOT_IMPLEMENTED = 3001;
constexpr int VERSION_NOT_SUPPORTED = 3002;
constexpr int NOT_POSSIBLE = 3003;
constexpr int CAPABILITY_MATCHING_NOT_SUPPORTED = 3004;
constexpr int MULTIPLE_ADDRESSES_NOT_SUPPORTED = 3005;
constexpr int TRANSFORMATION_FAILURE = 3006;
constexpr int SPECIFIED_DELIVERY_METHOD_NOT_POSSIBLE = 3007;
constexpr int REQUIRED_BEARER_NOT_AVAILABLE = 3010;
constexpr int SERVICE_FAILURE = 4000;
constexpr int CLIENT_ABORTED = 5000;
const char* Description(int code); //!< "OK", "Accepted for Processing", ...; nullptr if unknown
} // namespace MmsPapCode

/// Unix seconds as an ISO 8601 UTC timestamp "2026-11-25T10:00:00Z".
std::string MmsPapFormatTime(int64_t unixSeconds);
/// Parse "YYYY-MM-DDThh:mm:ssZ"; false if malformed.
bool MmsPapParseTime(const std::string& text, int64_t& unixSeconds);

/**
 * \ingroup mms
 * A PAP push-message control document.
 */
struct MmsPapPushMessage
{
    std::string pushId;
    std::vector<std::string> addresses; //!< "WAPPUSH=+15551234567/TYPE=PLMN@ppg.example.com"
    int64_t deliverBefore{-1};          //!< deliver-before-timestamp, Unix s; -1 if absent
    int64_t deliverAfter{-1};           //!< deliver-after-timestamp, Unix s; -1 if absent
    std::string sourceReference;
    std::string notifyRequestedTo; //!< ppg-notify-requested-to
    std::string priority;          //!< quality-of-service priority: high, medium, low
    std::string deliveryMethod;    //!< confirmed, preferconfirmed, unconfirmed, notspecified
    std::string network;           //!< e.g. "GSM"
    std::string bearer;            //!< e.g. "SMS"

    std::string ToXml() const;
    /// Parse a push-message document; false with "line L, column C: ..." on error.
    static bool FromXml(const std::string& xml, MmsPapPushMessage& out, std::string& error);

    bool operator==(const MmsPapPushMessage& o) const;
};

/**
 * \ingroup mms
 * A PAP push-response control document.
 */
struct MmsPapPushResponse
{
    std::string pushId;
    std::string senderAddress;
    std::string senderName;
    int64_t replyTime{-1}; //!< Unix s; -1 if absent
    int code{MmsPapCode::ACCEPTED_FOR_PROCESSING};
    std::string description;

    std::string ToXml() const;
    static bool FromXml(const std::string& xml, MmsPapPushResponse& out, std::string& error);

    bool operator==(const MmsPapPushResponse& o) const;
};

/**
 * \ingroup mms
 * The body of a PAP push submission: multipart/related (RFC 2387) with the control document and
 * the content entity.
 */
struct MmsPapRequest
{
    MmsPapPushMessage control;
    std::string contentType{"application/vnd.wap.mms-message"};
    std::vector<uint8_t> content; //!< binary (e.g. an M-Notification.ind)

    /// The HTTP Content-Type of the request, with the boundary and the type parameter.
    std::string GetHttpContentType(const std::string& boundary) const;
    /// The body; the boundary is chosen so that it does not occur in the content.
    std::vector<uint8_t> Encode(std::string& boundary) const;
    /// Parse a body given the HTTP Content-Type header; false with a message on error.
    static bool Decode(const std::string& httpContentType,
                       const std::vector<uint8_t>& body,
                       MmsPapRequest& out,
                       std::string& error);
};

} // namespace ns3

#endif /* MMS_PAP_MESSAGE_H */
