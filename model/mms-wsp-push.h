/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_PUSH_H
#define MMS_WSP_PUSH_H

// The connectionless WSP Push PDU (WAP-230 section 8.2.4.1) that carries MMS notifications,
// delivery reports and read reports to port 2948 of the handset. Plain C++, no ns-3.

#include "mms-wsp-codec.h"
#include "mms-wsp-content-type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * A WSP Push PDU: TID, PDU type (Push 0x06 or ConfirmedPush 0x07), headers length, content type,
 * headers, data.
 */
class MmsWspPushPdu
{
  public:
    static constexpr uint8_t PUSH = 0x06;
    static constexpr uint8_t CONFIRMED_PUSH = 0x07;
    /// Well-known header codes (WAP-230 Table 39).
    static constexpr int HEADER_CONTENT_LENGTH = 0x0D;
    static constexpr int HEADER_APPLICATION_ID = 0x2F;
    static constexpr int HEADER_PUSH_FLAG = 0x34;
    static constexpr int HEADER_ENCODING_VERSION = 0x43;
    /// x-wap-application:mms.ua (OMNA push application id 4).
    static constexpr uint32_t APP_ID_MMS_UA = 4;

    MmsWspPushPdu() = default;

    /// A push of an MMS PDU: type Push, content type application/vnd.wap.mms-message (0xBE),
    /// X-Wap-Application-Id 4 (`af 84`).
    static MmsWspPushPdu MakeMmsPush(uint8_t tid, const std::vector<uint8_t>& mmsPdu);

    uint8_t GetTid() const;
    void SetTid(uint8_t tid);
    uint8_t GetPduType() const;
    void SetPduType(uint8_t type);
    const MmsWspContentType& GetContentType() const;
    void SetContentType(const MmsWspContentType& ct);
    /// Headers after the content type, in wire order (raw values for those not modelled).
    const std::vector<MmsWspPartHeader>& GetHeaders() const;
    void AddHeader(const MmsWspPartHeader& h);
    /// Set the X-Wap-Application-Id header as a numeric (well-known) application id.
    void SetApplicationId(uint32_t id);
    /// The application id: "4" for a numeric id, the URI for the text form, "" if absent.
    std::string GetApplicationId() const;
    const std::vector<uint8_t>& GetData() const;
    void SetData(const std::vector<uint8_t>& data);

    std::size_t GetEncodedSize() const;
    std::vector<uint8_t> Encode() const;
    /// Decode; false with a located error when malformed.
    static bool Decode(const uint8_t* data, std::size_t size, MmsWspPushPdu& out, MmsDecodeError& error);
    const std::vector<MmsDecodeWarning>& GetWarnings() const;

    /// Display name of a push header ("X-Wap-Application-Id", "Push-Flag", ...).
    static std::string HeaderName(const MmsWspPartHeader& h);
    /// Display value of a push header (application id as a number or URI, flags, ...).
    static std::string HeaderValue(const MmsWspPartHeader& h);

    bool operator==(const MmsWspPushPdu& o) const;

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
