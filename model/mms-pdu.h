/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_PDU_H
#define MMS_PDU_H

/**
 * \file
 * \ingroup mms-codec
 * MMS PDUs of WAP-209-MMSEncapsulation and OMA-TS-MMS-ENC 1.0 to 1.3: message types, field
 * numbers and value codes, typed header fields, and the PDU with its optional body. Plain C++,
 * no ns-3.
 */

#include "mms-multipart.h"
#include "mms-wsp-codec.h"
#include "mms-wsp-content-type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief X-Mms-Message-Type values (OMA-TS-MMS-ENC field value assignments), with the names
 * MmsPdu::MessageTypeName() gives them.
 */
enum class MmsMessageType : uint8_t
{
    SEND_REQ = 0x80,         //!< m-send-req
    SEND_CONF = 0x81,        //!< m-send-conf
    NOTIFICATION_IND = 0x82, //!< m-notification-ind
    NOTIFYRESP_IND = 0x83,   //!< m-notifyresp-ind
    RETRIEVE_CONF = 0x84,    //!< m-retrieve-conf
    ACKNOWLEDGE_IND = 0x85,  //!< m-acknowledge-ind
    DELIVERY_IND = 0x86,     //!< m-delivery-ind
    READ_REC_IND = 0x87,     //!< m-read-rec-ind
    READ_ORIG_IND = 0x88,    //!< m-read-orig-ind
    FORWARD_REQ = 0x89,      //!< m-forward-req
    FORWARD_CONF = 0x8A,     //!< m-forward-conf
    MBOX_STORE_REQ = 0x8B,   //!< m-mbox-store-req
    MBOX_STORE_CONF = 0x8C,  //!< m-mbox-store-conf
    MBOX_VIEW_REQ = 0x8D,    //!< m-mbox-view-req
    MBOX_VIEW_CONF = 0x8E,   //!< m-mbox-view-conf
    MBOX_UPLOAD_REQ = 0x8F,  //!< m-mbox-upload-req
    MBOX_UPLOAD_CONF = 0x90, //!< m-mbox-upload-conf
    MBOX_DELETE_REQ = 0x91,  //!< m-mbox-delete-req
    MBOX_DELETE_CONF = 0x92, //!< m-mbox-delete-conf
    MBOX_DESCR = 0x93,       //!< m-mbox-descr
    DELETE_REQ = 0x94,       //!< m-delete-req
    DELETE_CONF = 0x95,      //!< m-delete-conf
    CANCEL_REQ = 0x96,       //!< m-cancel-req
    CANCEL_CONF = 0x97,      //!< m-cancel-conf
};

/**
 * \ingroup mms-codec
 * \brief Header field numbers (OMA-TS-MMS-ENC field name assignments); the wire octet is the number
 * | 0x80.
 *
 * The comment of each gives the field's name as MmsPdu::FieldName() returns it. Fields not
 * listed here are still decoded (by their number) and re-encoded unchanged.
 */
namespace MmsField
{
constexpr uint8_t BCC = 0x01;                     //!< Bcc
constexpr uint8_t CC = 0x02;                      //!< Cc
constexpr uint8_t CONTENT_LOCATION = 0x03;        //!< X-Mms-Content-Location
constexpr uint8_t CONTENT_TYPE = 0x04;            //!< Content-Type
constexpr uint8_t DATE = 0x05;                    //!< Date
constexpr uint8_t DELIVERY_REPORT = 0x06;         //!< X-Mms-Delivery-Report
constexpr uint8_t DELIVERY_TIME = 0x07;           //!< X-Mms-Delivery-Time
constexpr uint8_t EXPIRY = 0x08;                  //!< X-Mms-Expiry
constexpr uint8_t FROM = 0x09;                    //!< From
constexpr uint8_t MESSAGE_CLASS = 0x0A;           //!< X-Mms-Message-Class
constexpr uint8_t MESSAGE_ID = 0x0B;              //!< Message-ID
constexpr uint8_t MESSAGE_TYPE = 0x0C;            //!< X-Mms-Message-Type
constexpr uint8_t MMS_VERSION = 0x0D;             //!< X-Mms-MMS-Version
constexpr uint8_t MESSAGE_SIZE = 0x0E;            //!< X-Mms-Message-Size
constexpr uint8_t PRIORITY = 0x0F;                //!< X-Mms-Priority
constexpr uint8_t READ_REPORT = 0x10;             //!< X-Mms-Read-Report
constexpr uint8_t REPORT_ALLOWED = 0x11;          //!< X-Mms-Report-Allowed
constexpr uint8_t RESPONSE_STATUS = 0x12;         //!< X-Mms-Response-Status
constexpr uint8_t RESPONSE_TEXT = 0x13;           //!< X-Mms-Response-Text
constexpr uint8_t SENDER_VISIBILITY = 0x14;       //!< X-Mms-Sender-Visibility
constexpr uint8_t STATUS = 0x15;                  //!< X-Mms-Status
constexpr uint8_t SUBJECT = 0x16;                 //!< Subject
constexpr uint8_t TO = 0x17;                      //!< To
constexpr uint8_t TRANSACTION_ID = 0x18;          //!< X-Mms-Transaction-Id
constexpr uint8_t RETRIEVE_STATUS = 0x19;         //!< X-Mms-Retrieve-Status
constexpr uint8_t RETRIEVE_TEXT = 0x1A;           //!< X-Mms-Retrieve-Text
constexpr uint8_t READ_STATUS = 0x1B;             //!< X-Mms-Read-Status
constexpr uint8_t REPLY_CHARGING = 0x1C;          //!< X-Mms-Reply-Charging
constexpr uint8_t REPLY_CHARGING_DEADLINE = 0x1D; //!< X-Mms-Reply-Charging-Deadline
constexpr uint8_t REPLY_CHARGING_ID = 0x1E;       //!< X-Mms-Reply-Charging-ID
constexpr uint8_t REPLY_CHARGING_SIZE = 0x1F;     //!< X-Mms-Reply-Charging-Size
constexpr uint8_t PREVIOUSLY_SENT_BY = 0x20;      //!< X-Mms-Previously-Sent-By
constexpr uint8_t PREVIOUSLY_SENT_DATE = 0x21;    //!< X-Mms-Previously-Sent-Date
constexpr uint8_t CONTENT_CLASS = 0x3A;           //!< X-Mms-Content-Class
constexpr uint8_t REPLACE_ID = 0x3D;              //!< X-Mms-Replace-ID
constexpr uint8_t CANCEL_ID = 0x3E;               //!< X-Mms-Cancel-ID
constexpr uint8_t CANCEL_STATUS = 0x3F;           //!< X-Mms-Cancel-Status
} // namespace MmsField

/**
 * \ingroup mms-codec
 * \brief Value codes of the one-octet fields (OMA-TS-MMS-ENC section 7.3), used with
 * MmsHeaderField::Octet() and MmsPdu::GetOctet().
 */
namespace MmsValue
{
constexpr uint8_t YES = 0x80; //!< Yes (Delivery-Report, Read-Report, Report-Allowed, ...)
constexpr uint8_t NO = 0x81;  //!< No
constexpr uint8_t CLASS_PERSONAL = 0x80;             //!< X-Mms-Message-Class: Personal
constexpr uint8_t CLASS_ADVERTISEMENT = 0x81;        //!< X-Mms-Message-Class: Advertisement
constexpr uint8_t CLASS_INFORMATIONAL = 0x82;        //!< X-Mms-Message-Class: Informational
constexpr uint8_t CLASS_AUTO = 0x83;                 //!< X-Mms-Message-Class: Auto
constexpr uint8_t PRIORITY_LOW = 0x80;               //!< X-Mms-Priority: Low
constexpr uint8_t PRIORITY_NORMAL = 0x81;            //!< X-Mms-Priority: Normal
constexpr uint8_t PRIORITY_HIGH = 0x82;              //!< X-Mms-Priority: High
constexpr uint8_t STATUS_EXPIRED = 0x80;             //!< X-Mms-Status: Expired
constexpr uint8_t STATUS_RETRIEVED = 0x81;           //!< X-Mms-Status: Retrieved
constexpr uint8_t STATUS_REJECTED = 0x82;            //!< X-Mms-Status: Rejected
constexpr uint8_t STATUS_DEFERRED = 0x83;            //!< X-Mms-Status: Deferred
constexpr uint8_t STATUS_UNRECOGNISED = 0x84;        //!< X-Mms-Status: Unrecognised
constexpr uint8_t STATUS_INDETERMINATE = 0x85;       //!< X-Mms-Status: Indeterminate
constexpr uint8_t STATUS_FORWARDED = 0x86;           //!< X-Mms-Status: Forwarded
constexpr uint8_t STATUS_UNREACHABLE = 0x87;         //!< X-Mms-Status: Unreachable (MMS 1.2)
constexpr uint8_t RESPONSE_OK = 0x80;                //!< X-Mms-Response-Status: Ok
constexpr uint8_t RESPONSE_TRANSIENT_FAILURE = 0xC0; //!< Error-transient-failure
/// Error-transient-sending-address-unresolved
constexpr uint8_t RESPONSE_TRANSIENT_SENDING_ADDRESS_UNRESOLVED = 0xC1;
/// Error-transient-message-not-found
constexpr uint8_t RESPONSE_TRANSIENT_MESSAGE_NOT_FOUND = 0xC2;
constexpr uint8_t RESPONSE_TRANSIENT_NETWORK_PROBLEM = 0xC3; //!< Error-transient-network-problem
constexpr uint8_t RESPONSE_PERMANENT_FAILURE = 0xE0;         //!< Error-permanent-failure
constexpr uint8_t RESPONSE_PERMANENT_SERVICE_DENIED = 0xE1;  //!< Error-permanent-service-denied
/// Error-permanent-message-format-corrupt
constexpr uint8_t RESPONSE_PERMANENT_MESSAGE_FORMAT_CORRUPT = 0xE2;
/// Error-permanent-sending-address-unresolved
constexpr uint8_t RESPONSE_PERMANENT_SENDING_ADDRESS_UNRESOLVED = 0xE3;
/// Error-permanent-message-not-found
constexpr uint8_t RESPONSE_PERMANENT_MESSAGE_NOT_FOUND = 0xE4;
/// Error-permanent-content-not-accepted
constexpr uint8_t RESPONSE_PERMANENT_CONTENT_NOT_ACCEPTED = 0xE5;
constexpr uint8_t READ_STATUS_READ = 0x80;    //!< X-Mms-Read-Status: Read
constexpr uint8_t READ_STATUS_DELETED = 0x81; //!< X-Mms-Read-Status: Deleted without being read
constexpr uint8_t RETRIEVE_OK = 0x80;         //!< X-Mms-Retrieve-Status: Ok
/// X-Mms-Cancel-Status: Cancel request successfully received
constexpr uint8_t CANCEL_RECEIVED = 0x80;
constexpr uint8_t CANCEL_CORRUPTED = 0x81; //!< X-Mms-Cancel-Status: Cancel request corrupted
constexpr uint8_t VERSION_1_0 = 0x90;      //!< X-Mms-MMS-Version octet of MMS 1.0
constexpr uint8_t VERSION_1_1 = 0x91;      //!< MMS 1.1
constexpr uint8_t VERSION_1_2 = 0x92;      //!< MMS 1.2
constexpr uint8_t VERSION_1_3 = 0x93;      //!< MMS 1.3
} // namespace MmsValue

/**
 * \ingroup mms-codec
 * \brief One header field of an MMS PDU with its typed value (OMA-TS-MMS-ENC section 7).
 *
 * kind says which member holds the value; the factories (Octet(), Text(), From(), Time(), ...)
 * fill the right one. When decoding, the kind follows from the field number; a value that
 * does not have the expected shape, or a field number the codec does not model, is kept as raw
 * octets (kind RAW) and re-encoded unchanged, with a warning for the first case. A typed value
 * written in a non-canonical (legal) form keeps its original octets in raw, so re-encoding is
 * byte-exact.
 *
 * \code
 * pdu.AddField(MmsHeaderField::String(MmsField::SUBJECT, MmsWspEncodedString{0, "Hello"}));
 * pdu.AddField(MmsHeaderField::Time(MmsField::EXPIRY, false, 3 * 24 * 3600)); // relative
 * \endcode
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

    uint8_t code{0};               //!< field number (0x01..0x7F); 0 for an application header
    Kind kind{RAW};                //!< how the value is encoded, and which member below holds it
    uint8_t octet{0};              //!< OCTET
    std::string text;              //!< TEXT, APPLICATION value
    std::string name;              //!< APPLICATION name
    MmsWspEncodedString str;       //!< ENCODED_STRING; FROM and SENT_BY address
    uint64_t number{0};            //!< LONG_INTEGER; TIME value; SENT_* count
    uint64_t date{0};              //!< SENT_DATE date
    bool flag{false};              //!< FROM: insert-address; TIME: absolute
    MmsWspContentType contentType; //!< CONTENT_TYPE
    /// RAW: the value octets. Other kinds: the original octets of a decoded value whose
    /// canonical encoding differs (so re-encoding is byte-exact); empty otherwise.
    std::vector<uint8_t> raw;

    /**
     * \brief Equal code, kind and value (original octets of typed values are not compared).
     * \param o the other field
     * \return true if both are equal
     */
    bool operator==(const MmsHeaderField& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other field
     * \return true if they differ
     */
    bool operator!=(const MmsHeaderField& o) const
    {
        return !(*this == o);
    }

    /**
     * \brief A one-octet field (a token, Yes/No, a status, the version, the message type).
     * \param code the field number (MmsField)
     * \param value the octet (MmsValue, MmsMessageType)
     * \return the field
     */
    static MmsHeaderField Octet(uint8_t code, uint8_t value);
    /**
     * \brief A Text-string field (transaction id, message id, URI).
     * \param code the field number (MmsField)
     * \param value the text
     * \return the field
     */
    static MmsHeaderField Text(uint8_t code, const std::string& value);
    /**
     * \brief An Encoded-string-value field (To, Cc, Bcc, Subject, response texts).
     * \param code the field number (MmsField)
     * \param value the string
     * \return the field
     */
    static MmsHeaderField String(uint8_t code, const MmsWspEncodedString& value);
    /**
     * \brief A Long-integer field (Date, Message-Size).
     * \param code the field number (MmsField)
     * \param value the number (Unix seconds for a date, octets for a size)
     * \return the field
     */
    static MmsHeaderField LongInteger(uint8_t code, uint64_t value);
    /**
     * \brief The From field with an address present.
     * \param address e.g. "+358401234567/TYPE=PLMN"
     * \param charset its IANA MIBenum; 0 for none
     * \return the field
     */
    static MmsHeaderField From(const std::string& address, uint32_t charset = 0);
    /**
     * \brief The From field with the insert-address token: the MMS Relay fills in the sender.
     * \return the field
     */
    static MmsHeaderField FromInsertAddress();
    /**
     * \brief A time field (Expiry, Delivery-Time, Reply-Charging-Deadline).
     * \param code the field number (MmsField)
     * \param absolute true for an absolute date, false for relative seconds
     * \param value Unix seconds when absolute, else seconds from now
     * \return the field
     */
    static MmsHeaderField Time(uint8_t code, bool absolute, uint64_t value);
    /**
     * \brief The Content-Type field.
     * \param value the content type of the body
     * \return the field
     */
    static MmsHeaderField ContentType(const MmsWspContentType& value);
    /**
     * \brief A field whose value is given as its encoded octets.
     * \param code the field number
     * \param value the value's octets, written as they are
     * \return the field
     */
    static MmsHeaderField Raw(uint8_t code, const std::vector<uint8_t>& value);
    /**
     * \brief An application header: a textual name and a Text-string value.
     * \param name the header name
     * \param value the value
     * \return the field
     */
    static MmsHeaderField Application(const std::string& name, const std::string& value);

    /**
     * \brief Encode the field: code octet (or name), then the value (the original octets
     * when kept).
     * \param w the writer to append to
     */
    void Encode(MmsWspWriter& w) const;
    /**
     * \brief The size Encode() writes, computed without encoding.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
};

/**
 * \ingroup mms-codec
 * \brief The body of an MMS PDU: a multipart body, or a single content with the PDU's content
 * type.
 *
 * MmsPdu::Decode() decodes the body as multipart when the Content-Type is multipart (see
 * MmsWspContentType::IsMultipart()) and not empty; otherwise it keeps the octets as one content.
 */
struct MmsBody
{
    bool isMultipart{false};    //!< the body is a WSP multipart body
    MmsMultipartBody multipart; //!< when isMultipart
    MmsContent single;          //!< otherwise

    /**
     * \brief Equal form and equal content.
     * \param o the other body
     * \return true if both are equal
     */
    bool operator==(const MmsBody& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other body
     * \return true if they differ
     */
    bool operator!=(const MmsBody& o) const
    {
        return !(*this == o);
    }

    /**
     * \brief The encoded size, virtual content included.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
};

/**
 * \ingroup mms-codec
 * \brief An MMS PDU (OMA-TS-MMS-ENC section 6): header fields and, when it has a Content-Type,
 * a body.
 *
 * The network elements build the PDUs they send with the factories (MakeSendReq(),
 * MakeNotificationInd(), ...), which add the mandatory fields of each type, and exchange them
 * as octets: Encode() for the octets, EncodeSegments() to keep virtual media (a size without
 * octets, see MmsContent) virtual, GetEncodedSize() for the exact size without encoding.
 *
 * Fields are kept in the order they were added or decoded. Encoding writes
 * X-Mms-Message-Type, X-Mms-Transaction-Id and X-Mms-MMS-Version first, in that order, and
 * Content-Type last, followed by the body, as OMA-TS-MMS-ENC requires (GetFieldsInWireOrder()).
 *
 * Decode() accepts every PDU type: fields it does not model are kept raw, typed values in a
 * non-canonical form keep their octets, so that decode followed by encode gives the same
 * octets. It reports failure as an MmsDecodeError with the offset and the field's name
 * ("offset 12 (X-Mms-Expiry): value length 40 exceeds the 3 octets left"); tolerated
 * deviations are listed by GetWarnings(). Validate() checks the mandatory fields separately.
 *
 * \code
 * MmsPdu conf = MmsPdu::MakeSendConf("tid-1", MmsValue::RESPONSE_OK, "msg-1");
 * std::vector<uint8_t> octets = conf.Encode();
 * MmsPdu back;
 * MmsDecodeError error;
 * if (!MmsPdu::Decode(octets.data(), octets.size(), back, error))
 * {
 *     std::cerr << error.ToString() << std::endl;
 * }
 * \endcode
 */
class MmsPdu
{
  public:
    /// A PDU without fields and without body.
    MmsPdu() = default;

    // ---- fields
    /**
     * \brief The header fields, in the order they were added or decoded.
     * \return the fields
     */
    const std::vector<MmsHeaderField>& GetFields() const;
    /**
     * \brief The header fields, to change in place.
     * \return the fields
     */
    std::vector<MmsHeaderField>& GetFields();
    /**
     * \brief Append a field (repeatable fields such as To are added this way).
     * \param f the field
     */
    void AddField(const MmsHeaderField& f);
    /**
     * \brief Replace the first field with this code, or add it.
     * \param f the field (application headers are always added)
     */
    void SetField(const MmsHeaderField& f);
    /**
     * \brief Remove every field with this code (application headers are kept).
     * \param code the field number (MmsField)
     */
    void RemoveField(uint8_t code);
    /**
     * \brief The first field with this code.
     * \param code the field number (MmsField)
     * \return the field, or nullptr if absent (application headers are not found)
     */
    const MmsHeaderField* FindField(uint8_t code) const;
    /**
     * \brief Whether a field with this code is present.
     * \param code the field number (MmsField)
     * \return true if present
     */
    bool HasField(uint8_t code) const;

    /**
     * \brief The X-Mms-Message-Type.
     * \return the type octet (MmsMessageType); 0 if absent
     */
    uint8_t GetMessageType() const;
    /**
     * \brief The X-Mms-Transaction-Id.
     * \return the id; "" if absent
     */
    std::string GetTransactionId() const;
    /**
     * \brief Set (replace or add) the X-Mms-Transaction-Id.
     * \param tid the id
     */
    void SetTransactionId(const std::string& tid);
    /**
     * \brief The X-Mms-MMS-Version.
     * \return the version octet, e.g. 0x92 = 1.2 (MmsValue::VERSION_1_2); 0 if absent
     */
    uint8_t GetMmsVersion() const;
    /**
     * \brief The value of a text field.
     * \param code the field number (MmsField)
     * \return a TEXT value, or an ENCODED_STRING value as UTF-8; "" if absent or of another
     * kind
     */
    std::string GetText(uint8_t code) const;
    /**
     * \brief The value of a one-octet field.
     * \param code the field number (MmsField)
     * \return the octet (MmsValue); 0 if absent or of another kind
     */
    uint8_t GetOctet(uint8_t code) const;
    /**
     * \brief The value of a number or time field.
     * \param code the field number (MmsField)
     * \return a LONG_INTEGER or TIME value; 0 if absent or of another kind
     */
    uint64_t GetNumber(uint8_t code) const;
    /**
     * \brief All values of a repeatable address field, in order.
     * \param code MmsField::TO, MmsField::CC or MmsField::BCC
     * \return the addresses as UTF-8; empty if none
     */
    std::vector<std::string> GetAddresses(uint8_t code) const;
    /**
     * \brief The From field.
     * \return the address, "insert-address", or "" if absent
     */
    std::string GetFrom() const;

    // ---- body
    /**
     * \brief Whether the PDU has a body.
     * \return true iff a Content-Type field is present
     */
    bool HasBody() const;
    /**
     * \brief The body (meaningful only when HasBody()).
     * \return the body
     */
    const MmsBody& GetBody() const;
    /**
     * \brief The body, to change in place.
     * \return the body
     */
    MmsBody& GetBody();
    /**
     * \brief Set a multipart body and the Content-Type field.
     * \param type the content type, e.g. application/vnd.wap.multipart.related
     * \param body the parts
     */
    void SetBody(const MmsWspContentType& type, const MmsMultipartBody& body);
    /**
     * \brief Set a single-part body and the Content-Type field.
     * \param type the content type of the content
     * \param content the content
     */
    void SetBody(const MmsWspContentType& type, const MmsContent& content);
    /**
     * \brief The size of the media the PDU carries.
     * \return the octets of the body's content (sum of part data sizes), virtual ones
     * included; 0 without body
     */
    uint64_t GetContentSize() const;

    // ---- encoding
    /**
     * \brief The exact encoded size, without materialising virtual content.
     * \return the number of octets Encode() writes
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Encode, virtual content as zero octets. Message type, transaction id and version
     * go first; Content-Type goes last, followed by the body.
     * \return the octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Encode with virtual content kept as virtual runs.
     * \param segments receives the segments; their concatenation is what Encode() returns
     */
    void EncodeSegments(std::vector<MmsWireSegment>& segments) const;
    /**
     * \brief Decode a PDU.
     *
     * The first octet must be X-Mms-Message-Type. Fields are read up to the first
     * Content-Type; whatever follows it is the body.
     * \param data the octets
     * \param size their number
     * \param out receives the PDU (reset first; partial on failure)
     * \param error receives what is wrong and where, on failure
     * \param options body decoding options
     * \return true on success (warnings may still have been noted)
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsPdu& out,
                       MmsDecodeError& error,
                       const MmsDecodeOptions& options = MmsDecodeOptions());
    /**
     * \brief Deviations tolerated by the Decode() that produced this PDU.
     * \return the warnings; empty for a PDU that was built, not decoded
     */
    const std::vector<MmsDecodeWarning>& GetWarnings() const;

    /**
     * \brief Check the mandatory fields (OMA-TS-MMS-ENC section 6) of the types the module
     * uses: send, notification, retrieve, acknowledge, delivery and read reports, forward and
     * cancel.
     * \return the names of the missing fields ("To, Cc or Bcc" for a missing recipient); empty
     * if none is missing or the type is not checked
     */
    std::vector<std::string> Validate() const;

    /**
     * \brief The fields in the order Encode() writes them: the first X-Mms-Message-Type,
     * X-Mms-Transaction-Id and X-Mms-MMS-Version, the other fields in list order, the first
     * Content-Type last.
     * \return pointers into GetFields()
     */
    std::vector<const MmsHeaderField*> GetFieldsInWireOrder() const;

    /**
     * \brief Equal fields in wire order and equal bodies.
     * \param o the other PDU
     * \return true if both are equal
     */
    bool operator==(const MmsPdu& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other PDU
     * \return true if they differ
     */
    bool operator!=(const MmsPdu& o) const
    {
        return !(*this == o);
    }

    // ---- names
    /**
     * \brief The OMA-TS-MMS-ENC name of a field number.
     * \param code the field number (MmsField)
     * \return "X-Mms-Transaction-Id", ...; "X-Mms-Field-0xNN" (the wire octet) for unassigned
     * numbers
     */
    static std::string FieldName(uint8_t code);
    /**
     * \brief The name of a message type.
     * \param type the type octet (MmsMessageType)
     * \return "m-send-req", ...; "unknown-0xNN" for others
     */
    static std::string MessageTypeName(uint8_t type);
    /**
     * \brief A field's value for display (see doc/mms.rst: values by their spec names).
     * \param f the field
     * \return e.g. "m-send-req", "1.2", "relative 259200", "hex:..." for a raw value
     */
    static std::string FormatValue(const MmsHeaderField& f);

    // ---- factories for the PDUs the module sends (with their mandatory fields)
    // Each begins with X-Mms-Message-Type, X-Mms-Transaction-Id (when tid is not empty) and
    // X-Mms-MMS-Version.
    /**
     * \brief An M-Send.req (OMA-TS-MMS-ENC section 6.1.1).
     * \param tid X-Mms-Transaction-Id
     * \param from the sender; "" for insert-address
     * \param to the recipients, one To field each
     * \param type the Content-Type
     * \param body the parts
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeSendReq(const std::string& tid,
                              const std::string& from,
                              const std::vector<std::string>& to,
                              const MmsWspContentType& type,
                              const MmsMultipartBody& body,
                              uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Send.conf (section 6.1.2).
     * \param tid X-Mms-Transaction-Id of the request
     * \param responseStatus X-Mms-Response-Status (MmsValue::RESPONSE_OK, ...)
     * \param messageId Message-ID; "" for none
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeSendConf(const std::string& tid,
                               uint8_t responseStatus,
                               const std::string& messageId,
                               uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Notification.ind (section 6.2).
     * \param tid X-Mms-Transaction-Id
     * \param from the sender; "" for none
     * \param messageSize X-Mms-Message-Size, octets
     * \param expirySeconds X-Mms-Expiry, relative seconds
     * \param contentLocation X-Mms-Content-Location, the URI to retrieve the message from
     * \param messageClass X-Mms-Message-Class
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeNotificationInd(const std::string& tid,
                                      const std::string& from,
                                      uint64_t messageSize,
                                      uint64_t expirySeconds,
                                      const std::string& contentLocation,
                                      uint8_t messageClass = MmsValue::CLASS_PERSONAL,
                                      uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-NotifyResp.ind (section 6.2).
     * \param tid X-Mms-Transaction-Id of the notification
     * \param status X-Mms-Status (MmsValue::STATUS_RETRIEVED, STATUS_DEFERRED, ...)
     * \param reportAllowed X-Mms-Report-Allowed
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeNotifyRespInd(const std::string& tid,
                                    uint8_t status,
                                    bool reportAllowed,
                                    uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Retrieve.conf (section 6.3).
     * \param tid X-Mms-Transaction-Id; "" for none
     * \param messageId Message-ID; "" for none
     * \param from the sender; "" for none
     * \param to the recipients, one To field each
     * \param date Date, Unix seconds
     * \param type the Content-Type
     * \param body the parts
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeRetrieveConf(const std::string& tid,
                                   const std::string& messageId,
                                   const std::string& from,
                                   const std::vector<std::string>& to,
                                   uint64_t date,
                                   const MmsWspContentType& type,
                                   const MmsMultipartBody& body,
                                   uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Acknowledge.ind (section 6.4).
     * \param tid X-Mms-Transaction-Id of the M-Retrieve.conf
     * \param reportAllowed X-Mms-Report-Allowed
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeAcknowledgeInd(const std::string& tid,
                                     bool reportAllowed,
                                     uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Delivery.ind (section 6.6), without transaction id.
     * \param messageId Message-ID of the message reported on
     * \param to the recipient reported on
     * \param date Date, Unix seconds
     * \param status X-Mms-Status
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeDeliveryInd(const std::string& messageId,
                                  const std::string& to,
                                  uint64_t date,
                                  uint8_t status,
                                  uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Read-Rec.ind (section 6.7), without transaction id.
     * \param messageId Message-ID of the message that was read
     * \param to the original sender
     * \param from the reader; "" for insert-address
     * \param date Date, Unix seconds; 0 for none
     * \param readStatus X-Mms-Read-Status
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeReadRecInd(const std::string& messageId,
                                 const std::string& to,
                                 const std::string& from,
                                 uint64_t date,
                                 uint8_t readStatus,
                                 uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Read-Orig.ind (section 6.7), without transaction id.
     * \param messageId Message-ID of the message that was read
     * \param to the original sender
     * \param from the reader
     * \param date Date, Unix seconds
     * \param readStatus X-Mms-Read-Status
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeReadOrigInd(const std::string& messageId,
                                  const std::string& to,
                                  const std::string& from,
                                  uint64_t date,
                                  uint8_t readStatus,
                                  uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Forward.req (section 6.5.1).
     * \param tid X-Mms-Transaction-Id
     * \param from the forwarding user; "" for insert-address
     * \param to the recipients, one To field each
     * \param contentLocation X-Mms-Content-Location of the message to forward
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeForwardReq(const std::string& tid,
                                 const std::string& from,
                                 const std::vector<std::string>& to,
                                 const std::string& contentLocation,
                                 uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Forward.conf (section 6.5.2).
     * \param tid X-Mms-Transaction-Id of the request
     * \param responseStatus X-Mms-Response-Status
     * \param messageId Message-ID; "" for none
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeForwardConf(const std::string& tid,
                                  uint8_t responseStatus,
                                  const std::string& messageId,
                                  uint8_t version = MmsValue::VERSION_1_2);
    /**
     * \brief An M-Cancel.req (MMS 1.3).
     * \param tid X-Mms-Transaction-Id
     * \param cancelId X-Mms-Cancel-ID, the Message-ID to cancel
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
    static MmsPdu MakeCancelReq(const std::string& tid,
                                const std::string& cancelId,
                                uint8_t version = MmsValue::VERSION_1_3);
    /**
     * \brief An M-Cancel.conf (MMS 1.3).
     * \param tid X-Mms-Transaction-Id of the request
     * \param cancelStatus X-Mms-Cancel-Status
     * \param version X-Mms-MMS-Version
     * \return the PDU
     */
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
