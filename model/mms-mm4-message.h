/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_MM4_MESSAGE_H
#define MMS_MM4_MESSAGE_H

/**
 * \file
 * \ingroup mms-codec
 * The MM4 messages of 3GPP TS 23.140 section 8.4 (Relay to Relay between MMSEs) as Internet
 * messages (RFC 5322 / MIME) carried over SMTP, and their conversion from and to the MM1 PDUs
 * of the module (M-Send.req, M-Retrieve.conf, M-Delivery.ind, M-Read-Rec.ind,
 * M-Read-Orig.ind). Plain C++, no ns-3.
 */

#include "mms-internet-message.h"
#include "mms-pdu.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief The six MM4 abstract messages (TS 23.140 section 8.4) and their
 * X-Mms-Message-Type values.
 */
enum class MmsMm4Type : uint8_t
{
    FORWARD_REQ,           //!< MM4_forward.REQ
    FORWARD_RES,           //!< MM4_forward.RES
    DELIVERY_REPORT_REQ,   //!< MM4_delivery_report.REQ
    DELIVERY_REPORT_RES,   //!< MM4_delivery_report.RES
    READ_REPLY_REPORT_REQ, //!< MM4_read_reply_report.REQ
    READ_REPLY_REPORT_RES, //!< MM4_read_reply_report.RES
};

/**
 * \ingroup mms-codec
 * \brief One MM4 message: the RFC 5322 fields and X-Mms-* fields TS 23.140 section 8.4 gives
 * it, and for MM4_forward.REQ the multimedia message as a MIME entity.
 *
 * Which fields each type writes (others are left out even when set):
 * - all: From, To, Date, Message-ID (when set), X-Mms-3GPP-MMS-Version,
 *   X-Mms-Message-Type, X-Mms-Transaction-ID, X-Mms-Message-ID (when set);
 * - MM4_forward.REQ: Cc, Subject, Sender, MIME-Version, X-Mms-Message-Class, X-Mms-Priority,
 *   X-Mms-Expiry, X-Mms-Delivery-Report, X-Mms-Read-Reply, X-Mms-Sender-Visibility,
 *   X-Mms-Ack-Request, Content-Type and the body (content);
 * - the three .RES: X-Mms-Request-Status-Code, X-Mms-Status-Text;
 * - MM4_delivery_report.REQ: X-Mms-MM-Status-Code, X-Mms-Status-Text, X-Mms-Ack-Request;
 * - MM4_read_reply_report.REQ: X-Mms-Read-Status, X-Mms-Status-Text, X-Mms-Ack-Request;
 * - the three .REQ: X-Mms-Originator-System (when set), where the .RES goes.
 *
 * Field names and value names follow TS 23.140 section 8.4 as collected in the project's
 * digest of the specification (section 6.1; Mbuni's MM4 mapping for the names seen on the
 * wire). Addresses are RFC 5322 addresses: a PLMN address gets the recipient MMSE's domain,
 * "+4412345678/TYPE=PLMN@mms.mnc010.mcc234.gprs" (Mm4Address(), MmseDomain()).
 *
 * \code
 * MmsMm4Message fwd = MmsMm4Message::FromSendReq(sendReq, "+4412345678/TYPE=PLMN", "m1",
 *     "t1", 1000000000, domainOf, "system-user@mms.mnc010.mcc234.gprs");
 * std::string text = fwd.Serialize(); // the DATA of the SMTP dialogue
 * \endcode
 */
struct MmsMm4Message
{
    MmsMm4Type type{MmsMm4Type::FORWARD_REQ}; //!< X-Mms-Message-Type
    std::string version{"6.3.0"};             //!< X-Mms-3GPP-MMS-Version
    std::string transactionId;                //!< X-Mms-Transaction-ID
    std::string messageId;                    //!< X-Mms-Message-ID (the MM's id); "" none
    std::string rfc822MessageId;              //!< Message-ID of the mail, "<...>"; "" none
    std::string from;                         //!< From
    std::vector<std::string> to;              //!< To, one address each
    std::vector<std::string> cc;              //!< Cc (forward.REQ)
    std::string sender;                       //!< Sender (forward.REQ); "" none
    uint64_t date{0};                         //!< Date, Unix seconds
    std::string subject;                      //!< Subject (forward.REQ); "" none
    std::string messageClass; //!< X-Mms-Message-Class: Personal, Advertisement, ...; "" none
    std::string priority;     //!< X-Mms-Priority: Low, Normal, High; "" none
    /// X-Mms-Expiry, absolute, Unix seconds; 0 none (written as a date-time; read from a
    /// date-time or from seconds relative to Date)
    uint64_t expiry{0};
    bool deliveryReport{false};    //!< X-Mms-Delivery-Report: Yes
    bool readReply{false};         //!< X-Mms-Read-Reply: Yes
    std::string senderVisibility;  //!< X-Mms-Sender-Visibility: Hide, Show; "" none
    bool ackRequest{false};        //!< X-Mms-Ack-Request: Yes (a .RES is wanted)
    std::string originatorSystem;  //!< X-Mms-Originator-System, where a .RES goes; "" none
    std::string requestStatusCode; //!< .RES: X-Mms-Request-Status-Code (Ok, Error-...)
    std::string statusText;        //!< X-Mms-Status-Text; "" none
    std::string mmStatusCode;      //!< delivery report: X-Mms-MM-Status-Code (Retrieved, ...)
    std::string readStatus;        //!< read-reply report: X-Mms-Read-Status (Read, Deleted)
    /// forward.REQ: the multimedia message, a MIME entity whose headers are Content-Type (and
    /// Content-Transfer-Encoding for a single part); its fields are written after the others.
    MmsMimeEntity content;

    /**
     * \brief The X-Mms-Message-Type value.
     * \param type the message
     * \return e.g. "MM4_forward.REQ"
     */
    static std::string TypeName(MmsMm4Type type);
    /**
     * \brief The Internet message.
     * \return the entity: fields in the order of the class description, then the body
     */
    MmsMimeEntity ToEntity() const;
    /**
     * \brief The Internet message as text (the mail data of the SMTP DATA command).
     * \return ToEntity().Serialize()
     */
    std::string Serialize() const;
    /**
     * \brief The size of Serialize() without materialising virtual media.
     * \return the octets
     */
    uint64_t GetSerializedSize() const;
    /**
     * \brief Read an MM4 message from an Internet message: checks X-Mms-Message-Type, the
     * fields each type needs and their values.
     * \param entity the parsed message
     * \param message the result
     * \param error the missing or bad field, on failure
     * \return true on success
     */
    static bool FromEntity(const MmsMimeEntity& entity, MmsMm4Message& message, std::string& error);
    /**
     * \brief Parse the text of an Internet message into an MM4 message.
     * \param text the octets
     * \param size their number
     * \param message the result
     * \param error "offset 57: ..." for the MIME syntax, the field for MM4
     * \param keepContent false: media become virtual content of their decoded size
     * \return true on success
     */
    static bool Parse(const char* text,
                      std::size_t size,
                      MmsMm4Message& message,
                      std::string& error,
                      bool keepContent = true);

    // ---- addresses
    /**
     * \brief The MMSE domain of an operator: "mms.mnc" + three-digit MNC + ".mcc" + MCC +
     * ".gprs" (the GSMA IR.52 convention; the zero-padded three-digit MNC as in the ".gprs"
     * names of 3GPP TS 23.003 section 9.1).
     * \param mcc mobile country code, e.g. 234
     * \param mnc mobile network code, e.g. 10
     * \return e.g. "mms.mnc010.mcc234.gprs"
     */
    static std::string MmseDomain(uint16_t mcc, uint16_t mnc);
    /**
     * \brief An MM1 address as an MM4 address.
     * \param address "+4412345678/TYPE=PLMN", or an e-mail address (kept as it is)
     * \param domain the MMSE domain; "" keeps the address as it is
     * \return "+4412345678/TYPE=PLMN@mms.mnc010.mcc234.gprs"
     */
    static std::string Mm4Address(const std::string& address, const std::string& domain);
    /**
     * \brief An MM4 address as an MM1 address: a "/TYPE=" address loses its "@domain".
     * \param address "+4412345678/TYPE=PLMN@mms.mnc010.mcc234.gprs"
     * \return "+4412345678/TYPE=PLMN"; other addresses as they are
     */
    static std::string MmsAddress(const std::string& address);

    // ---- status values
    /**
     * \brief X-Mms-MM-Status-Code of an M-Delivery.ind X-Mms-Status (MmsValue::STATUS_*).
     * Unreachable (MMS 1.2), which MM4 lacks, becomes Indeterminate.
     * \param status the X-Mms-Status octet
     * \return "Retrieved", ...; "Indeterminate" for an unknown octet
     */
    static std::string MmStatusName(uint8_t status);
    /**
     * \brief X-Mms-Status octet of an X-Mms-MM-Status-Code.
     * \param name "Retrieved", ... (without regard to case)
     * \return the octet; 0 if the name is not a TS 23.140 value
     */
    static uint8_t MmStatusValue(const std::string& name);
    /**
     * \brief Whether a name is an X-Mms-Request-Status-Code value of TS 23.140.
     * \param name "Ok", "Error-network-problem", ...
     * \return true if so (compared without regard to case)
     */
    static bool IsRequestStatusCode(const std::string& name);

    // ---- conversions from and to MM1
    /**
     * \brief The MM4_forward.REQ of an M-Send.req, as the originator's Relay sends it.
     * \param sendReq the M-Send.req (its From may be insert-address)
     * \param from the originator's MM1 address the Relay resolved
     * \param messageId the Message-ID the Relay gave the MM
     * \param transactionId X-Mms-Transaction-ID of the MM4 transaction
     * \param date Date when the Date field is absent from the request, Unix seconds
     * \param domainOf the MMSE domain of an MM1 address ("" leaves it as it is)
     * \param originatorSystem X-Mms-Originator-System (and the mail's Sender)
     * \return the message, with X-Mms-Ack-Request: Yes
     */
    static MmsMm4Message FromSendReq(const MmsPdu& sendReq,
                                     const std::string& from,
                                     const std::string& messageId,
                                     const std::string& transactionId,
                                     uint64_t date,
                                     const std::function<std::string(const std::string&)>& domainOf,
                                     const std::string& originatorSystem);
    /**
     * \brief The M-Retrieve.conf the recipient's Relay serves for an MM4_forward.REQ.
     * \param tid X-Mms-Transaction-Id of the retrieval; "" none
     * \return the PDU, addresses in MM1 form
     */
    MmsPdu ToRetrieveConf(const std::string& tid) const;
    /**
     * \brief The MM4_delivery_report.REQ of an M-Delivery.ind's report, as the recipient's
     * Relay sends it back.
     * \param deliveryInd the M-Delivery.ind (Message-ID, To: the recipient, Date, Status)
     * \param originator the MM's originator (To of the report), MM1 form
     * \param transactionId X-Mms-Transaction-ID
     * \param domainOf the MMSE domain of an MM1 address
     * \param originatorSystem X-Mms-Originator-System
     * \return the message, with X-Mms-Ack-Request: Yes
     */
    static MmsMm4Message FromDeliveryInd(
        const MmsPdu& deliveryInd,
        const std::string& originator,
        const std::string& transactionId,
        const std::function<std::string(const std::string&)>& domainOf,
        const std::string& originatorSystem);
    /**
     * \brief The M-Delivery.ind the originator's Relay sends its subscriber for an
     * MM4_delivery_report.REQ.
     * \return the PDU
     */
    MmsPdu ToDeliveryInd() const;
    /**
     * \brief The MM4_read_reply_report.REQ of an M-Read-Rec.ind (the reader's report).
     * \param readRecInd the M-Read-Rec.ind (Message-ID, To: originator, From: reader, ...)
     * \param reader the reader's address when the PDU's From is insert-address, MM1 form
     * \param transactionId X-Mms-Transaction-ID
     * \param date Date when the PDU has none, Unix seconds
     * \param domainOf the MMSE domain of an MM1 address
     * \param originatorSystem X-Mms-Originator-System
     * \return the message, with X-Mms-Ack-Request: Yes
     */
    static MmsMm4Message FromReadRecInd(
        const MmsPdu& readRecInd,
        const std::string& reader,
        const std::string& transactionId,
        uint64_t date,
        const std::function<std::string(const std::string&)>& domainOf,
        const std::string& originatorSystem);
    /**
     * \brief The M-Read-Orig.ind the originator's Relay sends for an
     * MM4_read_reply_report.REQ.
     * \return the PDU
     */
    MmsPdu ToReadOrigInd() const;
    /**
     * \brief The .RES answering a .REQ: same transaction and message ids, sent to the
     * request's X-Mms-Originator-System.
     * \param request the .REQ
     * \param statusCode X-Mms-Request-Status-Code, e.g. "Ok"
     * \param from the answering system's address
     * \param date Date, Unix seconds
     * \return the response
     */
    static MmsMm4Message ResponseTo(const MmsMm4Message& request,
                                    const std::string& statusCode,
                                    const std::string& from,
                                    uint64_t date);
};

} // namespace ns3

#endif /* MMS_MM4_MESSAGE_H */
