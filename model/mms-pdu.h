/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_PDU_H
#define MMS_PDU_H

// MMS PDUs of WAP-209 / OMA MMS ENC 1.0-1.3: header fields in wire order and an optional body.
// Plain C++, no ns-3. Field and value assignments: OMA-MMS-ENC tables, cross-checked with
// Wireshark's packet-mmse.c and Android's PduHeaders.java (see doc/mms.rst).

#include "mms-multipart.h"
#include "mms-wsp-codec.h"
#include "mms-wsp-content-type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// X-Mms-Message-Type values (OMA MMS ENC 1.0-1.3).
enum class MmsMessageType : uint8_t
{
    SEND_REQ = 0x80,
    SEND_CONF = 0x81,
    NOTIFICATION_IND = 0x82,
    NOTIFYRESP_IND = 0x83,
    RETRIEVE_CONF = 0x84,
    ACKNOWLEDGE_IND = 0x85,
    DELIVERY_IND = 0x86,
    READ_REC_IND = 0x87,
    READ_ORIG_IND = 0x88,
    FORWARD_REQ = 0x89,
    FORWARD_CONF = 0x8A,
    MBOX_STORE_REQ = 0x8B,
    MBOX_STORE_CONF = 0x8C,
    MBOX_VIEW_REQ = 0x8D,
    MBOX_VIEW_CONF = 0x8E,
    MBOX_UPLOAD_REQ = 0x8F,
    MBOX_UPLOAD_CONF = 0x90,
    MBOX_DELETE_REQ = 0x91,
    MBOX_DELETE_CONF = 0x92,
    MBOX_DESCR = 0x93,
    DELETE_REQ = 0x94,
    DELETE_CONF = 0x95,
    CANCEL_REQ = 0x96,
    CANCEL_CONF = 0x97,
};

/// Header field numbers (the wire octet is the number | 0x80).
namespace MmsField
{
constexpr uint8_t BCC = 0x01;
constexpr uint8_t CC = 0x02;
constexpr uint8_t CONTENT_LOCATION = 0x03;
constexpr uint8_t CONTENT_TYPE = 0x04;
constexpr uint8_t DATE = 0x05;
constexpr uint8_t DELIVERY_REPORT = 0x06;
constexpr uint8_t DELIVERY_TIME = 0x07;
constexpr uint8_t EXPIRY = 0x08;
constexpr uint8_t FROM = 0x09;
constexpr uint8_t MESSAGE_CLASS = 0x0A;
constexpr uint8_t MESSAGE_ID = 0x0B;
constexpr uint8_t MESSAGE_TYPE = 0x0C;
constexpr uint8_t MMS_VERSION = 0x0D;
constexpr uint8_t MESSAGE_SIZE = 0x0E;
constexpr uint8_t PRIORITY = 0x0F;
constexpr uint8_t READ_REPORT = 0x10;
constexpr uint8_t REPORT_ALLOWED = 0x11;
constexpr uint8_t RESPONSE_STATUS = 0x12;
constexpr uint8_t RESPONSE_TEXT = 0x13;
constexpr uint8_t SENDER_VISIBILITY = 0x14;
constexpr uint8_t STATUS = 0x15;
constexpr uint8_t SUBJECT = 0x16;
constexpr uint8_t TO = 0x17;
constexpr uint8_t TRANSACTION_ID = 0x18;
constexpr uint8_t RETRIEVE_STATUS = 0x19;
constexpr uint8_t RETRIEVE_TEXT = 0x1A;
constexpr uint8_t READ_STATUS = 0x1B;
constexpr uint8_t REPLY_CHARGING = 0x1C;
constexpr uint8_t REPLY_CHARGING_DEADLINE = 0x1D;
constexpr uint8_t REPLY_CHARGING_ID = 0x1E;
constexpr uint8_t REPLY_CHARGING_SIZE = 0x1F;
constexpr uint8_t PREVIOUSLY_SENT_BY = 0x20;
constexpr uint8_t PREVIOUSLY_SENT_DATE = 0x21;
constexpr uint8_t CONTENT_CLASS = 0x3A;
constexpr uint8_t REPLACE_ID = 0x3D;
constexpr uint8_t CANCEL_ID = 0x3E;
constexpr uint8_t CANCEL_STATUS = 0x3F;
} // namespace MmsField

/// Value codes (OMA MMS ENC section 7.3).
namespace MmsValue
{
constexpr uint8_t YES = 0x80;
constexpr uint8_t NO = 0x81;
constexpr uint8_t CLASS_PERSONAL = 0x80;
constexpr uint8_t CLASS_ADVERTISEMENT = 0x81;
constexpr uint8_t CLASS_INFORMATIONAL = 0x82;
constexpr uint8_t CLASS_AUTO = 0x83;
constexpr uint8_t PRIORITY_LOW = 0x80;
constexpr uint8_t PRIORITY_NORMAL = 0x81;
constexpr uint8_t PRIORITY_HIGH = 0x82;
constexpr uint8_t STATUS_EXPIRED = 0x80;
constexpr uint8_t STATUS_RETRIEVED = 0x81;
constexpr uint8_t STATUS_REJECTED = 0x82;
constexpr uint8_t STATUS_DEFERRED = 0x83;
constexpr uint8_t STATUS_UNRECOGNISED = 0x84;
constexpr uint8_t STATUS_INDETERMINATE = 0x85;
constexpr uint8_t STATUS_FORWARDED = 0x86;
constexpr uint8_t STATUS_UNREACHABLE = 0x87;
constexpr uint8_t RESPONSE_OK = 0x80;
constexpr uint8_t RESPONSE_TRANSIENT_FAILURE = 0xC0;
constexpr uint8_t RESPONSE_TRANSIENT_SENDING_ADDRESS_UNRESOLVED = 0xC1;
constexpr uint8_t RESPONSE_TRANSIENT_MESSAGE_NOT_FOUND = 0xC2;
constexpr uint8_t RESPONSE_TRANSIENT_NETWORK_PROBLEM = 0xC3;
constexpr uint8_t RESPONSE_PERMANENT_FAILURE = 0xE0;
constexpr uint8_t RESPONSE_PERMANENT_SERVICE_DENIED = 0xE1;
constexpr uint8_t RESPONSE_PERMANENT_MESSAGE_FORMAT_CORRUPT = 0xE2;
constexpr uint8_t RESPONSE_PERMANENT_SENDING_ADDRESS_UNRESOLVED = 0xE3;
constexpr uint8_t RESPONSE_PERMANENT_MESSAGE_NOT_FOUND = 0xE4;
constexpr uint8_t RESPONSE_PERMANENT_CONTENT_NOT_ACCEPTED = 0xE5;
constexpr uint8_t READ_STATUS_READ = 0x80;
constexpr uint8_t READ_STATUS_DELETED = 0x81;
constexpr uint8_t RETRIEVE_OK = 0x80;
constexpr uint8_t CANCEL_RECEIVED = 0x80;
constexpr uint8_t CANCEL_CORRUPTED = 0x81;
constexpr uint8_t VERSION_1_0 = 0x90; //!< MMS-version-value octets
constexpr uint8_t VERSION_1_1 = 0x91;
constexpr uint8_t VERSION_1_2 = 0x92;
constexpr uint8_t VERSION_1_3 = 0x93;
} // namespace MmsValue

/**
 * \ingroup mms
 * One header field with its typed value.
 */
struct MmsHeaderField
{
    /// How the value is encoded.
    enum Kind : uint8_t
    {
        OCTET,          //!< one octet (tokens, Yes/No, statuses, version, message type)
        TEXT,           //!< Text-string (transaction id, message id, URIs, token class)
        ENCODED_STRING, //!< Encoded-string-value (To, Cc, Bcc, Subject, texts)
        LONG_INTEGER,   //!< Long-integer (Date, sizes)
        FROM,           //!< From-value: address present, or insert-address
        TIME,           //!< absolute Date-value or relative Delta-seconds (Expiry, ...)
        CONTENT_TYPE,   //!< Content-type-value
        SENT_BY,        //!< Previously-Sent-By: forward count + address
        SENT_DATE,      //!< Previously-Sent-Date: forward count + date
        RAW,            //!< a value the codec does not model: its raw octets
        APPLICATION,    //!< application header: textual name and Text-string value
    };

    uint8_t code{0}; //!< field number (0x01..0x7F); 0 for an application header
    Kind kind{RAW};
    uint8_t octet{0};           //!< OCTET
    std::string text;           //!< TEXT, APPLICATION value
    std::string name;           //!< APPLICATION name
    MmsWspEncodedString str;       //!< ENCODED_STRING; FROM and SENT_BY address
    uint64_t number{0};         //!< LONG_INTEGER; TIME value; SENT_* count
    uint64_t date{0};           //!< SENT_DATE date
    bool flag{false};           //!< FROM: insert-address; TIME: absolute
    MmsWspContentType contentType; //!< CONTENT_TYPE
    /// RAW: the value octets. Other kinds: the original octets of a decoded value whose
    /// canonical encoding differs (so re-encoding is byte-exact); empty otherwise.
    std::vector<uint8_t> raw;

    /// Equal code, kind and value (original octets of typed values are not compared).
    bool operator==(const MmsHeaderField& o) const;

    bool operator!=(const MmsHeaderField& o) const
    {
        return !(*this == o);
    }

    static MmsHeaderField Octet(uint8_t code, uint8_t value);
    static MmsHeaderField Text(uint8_t code, const std::string& value);
    static MmsHeaderField String(uint8_t code, const MmsWspEncodedString& value);
    static MmsHeaderField LongInteger(uint8_t code, uint64_t value);
    static MmsHeaderField From(const std::string& address, uint32_t charset = 0);
    static MmsHeaderField FromInsertAddress();
    static MmsHeaderField Time(uint8_t code, bool absolute, uint64_t value);
    static MmsHeaderField ContentType(const MmsWspContentType& value);
    static MmsHeaderField Raw(uint8_t code, const std::vector<uint8_t>& value);
    static MmsHeaderField Application(const std::string& name, const std::string& value);

    void Encode(MmsWspWriter& w) const;
    std::size_t GetEncodedSize() const;
};

/**
 * \ingroup mms
 * The body of an MMS PDU: a multipart body, or a single content with the PDU's content type.
 */
struct MmsBody
{
    bool isMultipart{false};
    MmsMultipartBody multipart; //!< when isMultipart
    MmsContent single;          //!< otherwise

    bool operator==(const MmsBody& o) const;

    bool operator!=(const MmsBody& o) const
    {
        return !(*this == o);
    }

    std::size_t GetEncodedSize() const;
};

/**
 * \ingroup mms
 * An MMS PDU: header fields in wire order and, when it has a Content-Type, a body.
 */
class MmsPdu
{
  public:
    MmsPdu() = default;

    // ---- fields
    const std::vector<MmsHeaderField>& GetFields() const;
    std::vector<MmsHeaderField>& GetFields();
    void AddField(const MmsHeaderField& f);
    /// Replace the first field with this code, or add it.
    void SetField(const MmsHeaderField& f);
    void RemoveField(uint8_t code);
    const MmsHeaderField* FindField(uint8_t code) const;
    bool HasField(uint8_t code) const;

    uint8_t GetMessageType() const; //!< 0 if absent
    std::string GetTransactionId() const;
    void SetTransactionId(const std::string& tid);
    uint8_t GetMmsVersion() const;           //!< the version octet, e.g. 0x92 = 1.2; 0 if absent
    std::string GetText(uint8_t code) const; //!< TEXT or ENCODED_STRING (as UTF-8), "" if absent
    uint8_t GetOctet(uint8_t code) const;    //!< OCTET value, 0 if absent
    uint64_t GetNumber(uint8_t code) const;  //!< LONG_INTEGER or TIME value, 0 if absent
    /// All values of a repeatable address field (To, Cc, Bcc), in order.
    std::vector<std::string> GetAddresses(uint8_t code) const;
    std::string GetFrom() const; //!< address, "insert-address", or "" if absent

    // ---- body
    bool HasBody() const; //!< true iff a Content-Type field is present
    const MmsBody& GetBody() const;
    MmsBody& GetBody();
    /// Set a multipart body and the Content-Type field.
    void SetBody(const MmsWspContentType& type, const MmsMultipartBody& body);
    /// Set a single-part body and the Content-Type field.
    void SetBody(const MmsWspContentType& type, const MmsContent& content);
    /// Octets of the body's content (sum of part data sizes), virtual ones included.
    uint64_t GetContentSize() const;

    // ---- encoding
    /// Exact encoded size, without materialising virtual content.
    std::size_t GetEncodedSize() const;
    /// Encode (virtual content as zero octets). Message type, transaction id and version go
    /// first; Content-Type goes last, followed by the body.
    std::vector<uint8_t> Encode() const;
    /// Encode with virtual content kept as virtual runs.
    void EncodeSegments(std::vector<MmsWireSegment>& segments) const;
    /**
     * Decode a PDU.
     * \param data the octets
     * \param size their number
     * \param out receives the PDU
     * \param error receives what is wrong and where, on failure
     * \param options body decoding options
     * \return true on success (warnings may still have been noted)
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsPdu& out,
                       MmsDecodeError& error,
                       const MmsDecodeOptions& options = MmsDecodeOptions());
    /// Deviations tolerated by the last Decode() that produced this PDU.
    const std::vector<MmsDecodeWarning>& GetWarnings() const;

    /// Missing mandatory fields for the fully supported types (empty if none or not checked).
    std::vector<std::string> Validate() const;

    /// The fields in the order Encode() writes them.
    std::vector<const MmsHeaderField*> GetFieldsInWireOrder() const;

    /// Equal fields in wire order and equal bodies.
    bool operator==(const MmsPdu& o) const;

    bool operator!=(const MmsPdu& o) const
    {
        return !(*this == o);
    }

    // ---- names
    /// OMA MMS ENC name of a field number ("X-Mms-Transaction-Id", ...); "X-Mms-Field-0xNN"
    /// for unassigned numbers.
    static std::string FieldName(uint8_t code);
    /// "m-send-req", ...; "unknown-0xNN" for others.
    static std::string MessageTypeName(uint8_t type);
    /// The field's value for display (see doc/mms.rst: values by their spec names).
    static std::string FormatValue(const MmsHeaderField& f);

    // ---- factories for the PDUs the module sends (with their mandatory fields)
    static MmsPdu MakeSendReq(const std::string& tid,
                              const std::string& from,
                              const std::vector<std::string>& to,
                              const MmsWspContentType& type,
                              const MmsMultipartBody& body,
                              uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeSendConf(const std::string& tid,
                               uint8_t responseStatus,
                               const std::string& messageId,
                               uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeNotificationInd(const std::string& tid,
                                      const std::string& from,
                                      uint64_t messageSize,
                                      uint64_t expirySeconds,
                                      const std::string& contentLocation,
                                      uint8_t messageClass = MmsValue::CLASS_PERSONAL,
                                      uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeNotifyRespInd(const std::string& tid,
                                    uint8_t status,
                                    bool reportAllowed,
                                    uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeRetrieveConf(const std::string& tid,
                                   const std::string& messageId,
                                   const std::string& from,
                                   const std::vector<std::string>& to,
                                   uint64_t date,
                                   const MmsWspContentType& type,
                                   const MmsMultipartBody& body,
                                   uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeAcknowledgeInd(const std::string& tid,
                                     bool reportAllowed,
                                     uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeDeliveryInd(const std::string& messageId,
                                  const std::string& to,
                                  uint64_t date,
                                  uint8_t status,
                                  uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeReadRecInd(const std::string& messageId,
                                 const std::string& to,
                                 const std::string& from,
                                 uint64_t date,
                                 uint8_t readStatus,
                                 uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeReadOrigInd(const std::string& messageId,
                                  const std::string& to,
                                  const std::string& from,
                                  uint64_t date,
                                  uint8_t readStatus,
                                  uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeForwardReq(const std::string& tid,
                                 const std::string& from,
                                 const std::vector<std::string>& to,
                                 const std::string& contentLocation,
                                 uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeForwardConf(const std::string& tid,
                                  uint8_t responseStatus,
                                  const std::string& messageId,
                                  uint8_t version = MmsValue::VERSION_1_2);
    static MmsPdu MakeCancelReq(const std::string& tid,
                                const std::string& cancelId,
                                uint8_t version = MmsValue::VERSION_1_3);
    static MmsPdu MakeCancelConf(const std::string& tid,
                                 uint8_t cancelStatus,
                                 uint8_t version = MmsValue::VERSION_1_3);

  private:
    static MmsPdu Begin(MmsMessageType type, const std::string& tid, uint8_t version);
    void EncodeTo(MmsSegmentWriter& w) const;

    std::vector<MmsHeaderField> m_fields;
    MmsBody m_body;
    std::vector<MmsDecodeWarning> m_warnings;
};

} // namespace ns3

#endif /* MMS_PDU_H */
