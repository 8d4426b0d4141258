/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_PUSH_H
#define MMS_WSP_PUSH_H

/**
 * \file
 * \ingroup mms-codec
 * The connectionless WSP Push PDU (WAP-230-WSP section 8.2.4.1). Plain C++, no ns-3.
 */

#include "mms-wsp-codec.h"
#include "mms-wsp-content-type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief A connectionless WSP Push PDU (WAP-230-WSP section 8.2.4.1): TID, PDU type (Push 0x06
 * or ConfirmedPush 0x07), HeadersLen, content type, headers, data.
 *
 * The Push Proxy Gateway wraps each MMS PDU it pushes (M-Notification.ind, M-Delivery.ind,
 * M-Read-Orig.ind) in one of these and sends it to WDP port 2948 of the handset, over UDP or
 * as the datagram that WDP over SMS splits into segments (MmsWdpSms). MakeMmsPush() builds
 * the usual form.
 *
 * Decode() fails, with an MmsDecodeError naming the field (TID, PDU-Type, HeadersLen,
 * Content-Type, ...) and its offset, when the input is truncated, the PDU type is neither Push
 * nor ConfirmedPush, or a header is malformed; headers it does not model are kept as raw
 * octets and re-encoded unchanged.
 *
 * \code
 * MmsWspPushPdu push = MmsWspPushPdu::MakeMmsPush(1, notification.Encode());
 * std::vector<uint8_t> datagram = push.Encode(); // 01 06 03 be af 84 8c 82 ...
 * \endcode
 */
class MmsWspPushPdu
{
  public:
    static constexpr uint8_t PUSH = 0x06;           //!< PDU type Push
    static constexpr uint8_t CONFIRMED_PUSH = 0x07; //!< PDU type ConfirmedPush
    /// Well-known header code of Content-Length (WAP-230-WSP Table 39).
    static constexpr int HEADER_CONTENT_LENGTH = 0x0D;
    /// Well-known header code of X-Wap-Application-Id (WAP-230-WSP Table 39).
    static constexpr int HEADER_APPLICATION_ID = 0x2F;
    /// Well-known header code of Push-Flag (WAP-230-WSP Table 39).
    static constexpr int HEADER_PUSH_FLAG = 0x34;
    /// Well-known header code of Encoding-Version (WAP-230-WSP Table 39).
    static constexpr int HEADER_ENCODING_VERSION = 0x43;
    /// x-wap-application:mms.ua (OMNA push application id 4).
    static constexpr uint32_t APP_ID_MMS_UA = 4;

    /// A Push with TID 0, an empty content type, no headers and no data.
    MmsWspPushPdu() = default;

    /**
     * \brief A push of an MMS PDU: type Push, content type application/vnd.wap.mms-message
     * (0xBE), X-Wap-Application-Id 4 (`af 84`).
     * \param tid the transaction id
     * \param mmsPdu the encoded MMS PDU, the push's data
     * \return the push
     */
    static MmsWspPushPdu MakeMmsPush(uint8_t tid, const std::vector<uint8_t>& mmsPdu);

    /**
     * \brief The transaction id.
     * \return the TID octet
     */
    uint8_t GetTid() const;
    /**
     * \brief Set the transaction id.
     * \param tid the TID octet
     */
    void SetTid(uint8_t tid);
    /**
     * \brief The PDU type.
     * \return PUSH or CONFIRMED_PUSH
     */
    uint8_t GetPduType() const;
    /**
     * \brief Set the PDU type.
     * \param type PUSH or CONFIRMED_PUSH (other values encode, but do not decode)
     */
    void SetPduType(uint8_t type);
    /**
     * \brief The content type of the data.
     * \return the content type
     */
    const MmsWspContentType& GetContentType() const;
    /**
     * \brief Set the content type of the data.
     * \param ct the content type
     */
    void SetContentType(const MmsWspContentType& ct);
    /**
     * \brief The headers after the content type.
     * \return the headers in wire order (raw values for those not modelled)
     */
    const std::vector<MmsWspPartHeader>& GetHeaders() const;
    /**
     * \brief Append a header.
     * \param h the header
     */
    void AddHeader(const MmsWspPartHeader& h);
    /**
     * \brief Set (replace or add) the X-Wap-Application-Id header as a numeric (well-known)
     * application id.
     * \param id the id, e.g. APP_ID_MMS_UA
     */
    void SetApplicationId(uint32_t id);
    /**
     * \brief The X-Wap-Application-Id.
     * \return "4" for a numeric id, the URI for the text form, "" if absent
     */
    std::string GetApplicationId() const;
    /**
     * \brief The data (for MMS, the encoded MMS PDU).
     * \return the octets
     */
    const std::vector<uint8_t>& GetData() const;
    /**
     * \brief Set the data.
     * \param data the octets
     */
    void SetData(const std::vector<uint8_t>& data);

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
     * \brief Decode a Push or ConfirmedPush PDU; everything after the headers is data.
     * \param data the octets
     * \param size their number
     * \param out receives the push (reset first; partial on failure)
     * \param error receives what is wrong and where, on failure
     * \return false when malformed
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsWspPushPdu& out,
                       MmsDecodeError& error);
    /**
     * \brief Deviations tolerated by the Decode() that produced this push.
     * \return the warnings; empty for a push that was built, not decoded
     */
    const std::vector<MmsDecodeWarning>& GetWarnings() const;

    /**
     * \brief The display name of a push header.
     * \param h the header
     * \return "X-Wap-Application-Id", "Push-Flag", ...
     */
    static std::string HeaderName(const MmsWspPartHeader& h);
    /**
     * \brief The display value of a push header.
     * \param h the header
     * \return the application id or Content-Length as a number (or the URI), the Push-Flag as
     * a number, the Encoding-Version as "1.2"; otherwise MmsWspPartHeader::FormatValue()
     */
    static std::string HeaderValue(const MmsWspPartHeader& h);

    /**
     * \brief Equal TID, type, content type, headers and data.
     * \param o the other push
     * \return true if both are equal
     */
    bool operator==(const MmsWspPushPdu& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other push
     * \return true if they differ
     */
    bool operator!=(const MmsWspPushPdu& o) const
    {
        return !(*this == o);
    }

  private:
    std::size_t GetHeadersSize() const;

    uint8_t m_tid{0};
    uint8_t m_type{PUSH};
    MmsWspContentType m_contentType;
    std::vector<MmsWspPartHeader> m_headers;
    std::vector<uint8_t> m_data;
    std::vector<MmsDecodeWarning> m_warnings;
};

} // namespace ns3

#endif /* MMS_WSP_PUSH_H */
