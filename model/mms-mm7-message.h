/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_MM7_MESSAGE_H
#define MMS_MM7_MESSAGE_H

/**
 * \file
 * \ingroup mms-codec
 * MM7 (3GPP TS 23.140 Rel-5 section 8.7, between the MMS Relay/Server and value-added service
 * providers): SOAP 1.1 envelopes over HTTP, the submitted content attached as MIME
 * (multipart/related), and the small strict XML reader and writer they need. Plain C++, no
 * ns-3.
 */

#include "mms-http-message.h"
#include "mms-internet-message.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief An XML element (XML 1.0 with namespaces) as the SOAP envelopes of MM7 use it:
 * name, attributes, character data and child elements.
 *
 * Parse() is a strict, bounded reader of one document: an optional XML declaration and
 * comments, one root element, then only white space and comments. It accepts start, end and
 * empty-element tags, attributes in single or double quotes, the five predefined entities and
 * character references (written out as UTF-8), comments and CDATA sections; it refuses a
 * DOCTYPE (so no entity can be declared), processing instructions other than the
 * declaration, mismatched or unclosed tags, duplicate attributes, a prefix without a
 * namespace declaration, non-white-space text beside child elements (mixed content), more
 * than MAX_DEPTH nested elements and more than MAX_ELEMENTS elements. It never reads past
 * the size given. Errors read "offset 57: ...".
 *
 * Serialize() writes an element and its subtree: children indented by two spaces per level,
 * one per line, text and attribute values escaped; Parse(Serialize(e)) gives e back (text of
 * an element with children is not kept: only white space is allowed there).
 */
struct MmsXmlElement
{
    static constexpr int MAX_DEPTH = 32;            //!< nesting the reader accepts
    static constexpr uint32_t MAX_ELEMENTS = 65536; //!< elements the reader accepts

    std::string name; //!< the qualified name as written, "env:Envelope" or "SubmitReq"
    std::string ns;   //!< the namespace name its prefix (or the default) is bound to; "" none
    std::vector<std::pair<std::string, std::string>> attributes; //!< in order, values decoded
    std::string text;                                            //!< character data, decoded
    std::vector<MmsXmlElement> children;                         //!< child elements in order

    /**
     * \brief The name without its prefix.
     * \return "Envelope" for "env:Envelope"
     */
    std::string LocalName() const;
    /**
     * \brief The first child with this local name.
     * \param localName the name without prefix
     * \return the child, or null
     */
    const MmsXmlElement* Child(const std::string& localName) const;
    /**
     * \brief The text of the first child with this local name, without white space around it.
     * \param localName the name without prefix
     * \return the text, "" if there is no such child
     */
    std::string ChildText(const std::string& localName) const;
    /**
     * \brief An attribute's value.
     * \param qualifiedName the attribute's name as written ("env:mustUnderstand")
     * \return the value, "" if absent
     */
    std::string GetAttribute(const std::string& qualifiedName) const;
    /**
     * \brief Append a child with text and return it.
     * \param childName its qualified name
     * \param childText its text
     * \return the new child (valid until the next change of children)
     */
    MmsXmlElement& Add(const std::string& childName, const std::string& childText = "");
    /**
     * \brief The element as XML text (no declaration), indented.
     * \param indent the number of spaces before its start tag
     * \return the text, lines ending LF
     */
    std::string Serialize(int indent = 0) const;
    /**
     * \brief Read one XML document.
     * \param text the octets
     * \param size their number
     * \param root the document element
     * \param error "offset 57: ..." on failure
     * \return true on success
     */
    static bool Parse(const char* text, std::size_t size, MmsXmlElement& root, std::string& error);
    /**
     * \brief Escape text for character data or an attribute value: &amp; &lt; &gt; &quot;.
     * \param s the text
     * \return the escaped text
     */
    static std::string Escape(const std::string& s);
    /**
     * \brief Equal name, namespace, attributes, text and children.
     * \param o the other element
     * \return true if equal
     */
    bool operator==(const MmsXmlElement& o) const;
};

/**
 * \ingroup mms-codec
 * \brief The MM7 messages the module exchanges (TS 23.140 section 8.7) and their SOAP body
 * elements.
 */
enum class MmsMm7Type : uint8_t
{
    SUBMIT_REQ,          //!< MM7_submit.REQ, body element SubmitReq (VASP to Relay)
    SUBMIT_RES,          //!< MM7_submit.RES, SubmitRsp
    DELIVERY_REPORT_REQ, //!< MM7_delivery_report.REQ, DeliveryReportReq (Relay to VASP)
    DELIVERY_REPORT_RES, //!< MM7_delivery_report.RES, DeliveryReportRsp
    RS_ERROR_RES,        //!< RSErrorRsp in a SOAP Fault: the Relay could not process a request
    VASP_ERROR_RES,      //!< VASPErrorRsp in a SOAP Fault: the VASP could not process one
};

/**
 * \ingroup mms-codec
 * \brief An MM7 address: a number (E.164 MSISDN), a short code or an RFC 2822 address.
 */
struct MmsMm7Address
{
    /// Which element carries the address.
    enum Kind : uint8_t
    {
        NUMBER,     //!< \<Number\>
        SHORT_CODE, //!< \<ShortCode\>
        RFC2822,    //!< \<RFC2822Address\>
    };

    Kind kind{NUMBER}; //!< the element
    std::string value; //!< "+4412345678", "84444", "news\@vasp.example"

    /**
     * \brief The element name of a kind.
     * \param kind the kind
     * \return "Number", "ShortCode" or "RFC2822Address"
     */
    static std::string KindName(Kind kind);
    /**
     * \brief The MM1 form of the address.
     * \return "+4412345678/TYPE=PLMN" for a number or short code, the e-mail address as it is
     */
    std::string ToMmsAddress() const;
    /**
     * \brief An address from its MM1 form.
     * \param address "+4412345678/TYPE=PLMN" (a number) or an e-mail address
     * \return the address
     */
    static MmsMm7Address FromMmsAddress(const std::string& address);
    /**
     * \brief Equal kind and value.
     * \param o the other address
     * \return true if equal
     */
    bool operator==(const MmsMm7Address& o) const;
};

/**
 * \ingroup mms-codec
 * \brief One MM7 message: the SOAP envelope's TransactionID header and the body element of
 * its type, and for MM7_submit.REQ the content attached by MIME.
 *
 * The namespace is that of the Rel-5 MM7 schema REL-5-MM7-1-2
 * (http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-2; TS 23.140 Rel-5
 * names the schema versions REL-5-MM7-1-0 to 1-3, see the project's digest of the
 * specification, section 1) and the MM7Version written is 5.3.0, the pair public MM7 client
 * code uses for that namespace. Elements are written in the schema's order:
 * - SubmitReq: MM7Version, SenderIdentification (VASPID, VASID, SenderAddress), Recipients
 *   (To, Cc, Bcc, each a list of addresses), ServiceCode, LinkedID, MessageClass, TimeStamp,
 *   ExpiryDate, DeliveryReport, ReadReply, Priority, Subject, Content (href="cid:...");
 *   the optional ones only when set;
 * - SubmitRsp: MM7Version, Status (StatusCode, StatusText), MessageID;
 * - DeliveryReportReq: MM7Version, MessageID, Recipient, Sender, Date, MMStatus, StatusText;
 * - DeliveryReportRsp: MM7Version, Status;
 * - RSErrorRsp / VASPErrorRsp: a SOAP Fault (faultcode env:Client for a 2xxx status,
 *   env:Server otherwise; faultstring the status text) whose detail holds the element with
 *   MM7Version and Status.
 * The header is \<mm7:TransactionID env:mustUnderstand="1"\>.
 *
 * Over HTTP (ToHttp()): a request is a POST with SOAPAction: "" (SOAP 1.1 section 6.1); a
 * SubmitReq with content is multipart/related (type="text/xml", start the SOAP part's
 * Content-ID) with the SOAP part first and the content second (Content-ID from the href);
 * other messages are text/xml. A fault is answered 500 (SOAP 1.1 section 6.2), other
 * responses 200. Media of the content stay virtual on the way (written as octets, unless the
 * content asks for base64).
 *
 * \code
 * MmsMm7Message req;
 * req.type = MmsMm7Type::SUBMIT_REQ;
 * req.transactionId = "vasp-1";
 * req.vaspId = "news";
 * req.to.push_back({MmsMm7Address::NUMBER, "+4412345678"});
 * req.content.AddHeader("Content-Type", "image/jpeg");
 * req.content.content = MmsContent::Virtual(30000);
 * MmsHttpMessage post = req.ToHttp("/mm7", "mmsc.example");
 * \endcode
 */
struct MmsMm7Message
{
    /// The schema namespace (REL-5-MM7-1-2).
    static const char* const NAMESPACE;
    /// The SOAP 1.1 envelope namespace.
    static const char* const SOAP_ENV;

    MmsMm7Type type{MmsMm7Type::SUBMIT_REQ}; //!< which message
    std::string transactionId;               //!< the TransactionID header
    std::string version{"5.3.0"};            //!< MM7Version

    // SubmitReq
    std::string vaspId;             //!< SenderIdentification/VASPID; "" none
    std::string vasId;              //!< SenderIdentification/VASID; "" none
    bool hasSenderAddress{false};   //!< SenderIdentification/SenderAddress present
    MmsMm7Address senderAddress;    //!< SenderAddress when present
    std::vector<MmsMm7Address> to;  //!< Recipients/To
    std::vector<MmsMm7Address> cc;  //!< Recipients/Cc
    std::vector<MmsMm7Address> bcc; //!< Recipients/Bcc
    std::string serviceCode;        //!< ServiceCode (for charging); "" none
    std::string linkedId;           //!< LinkedID; "" none
    std::string messageClass;       //!< MessageClass: Informational, Advertisement, ...
    uint64_t timeStamp{0};          //!< TimeStamp, Unix seconds; 0 none
    uint64_t expiryDate{0};         //!< ExpiryDate, Unix seconds; 0 none
    bool deliveryReport{false};     //!< DeliveryReport
    bool readReply{false};          //!< ReadReply
    std::string priority;           //!< Priority: Low, Normal, High; "" none
    std::string subject;            //!< Subject; "" none
    std::string contentHref;        //!< Content href: "cid:..."; "" no content
    MmsMimeEntity content;          //!< the attached content (its Content-Type and body)

    // responses and reports
    uint16_t statusCode{1000}; //!< Status/StatusCode (1000 Success)
    std::string statusText;    //!< Status/StatusText; "" none
    std::string messageId;     //!< SubmitRsp and DeliveryReportReq: MessageID
    MmsMm7Address recipient;   //!< DeliveryReportReq: Recipient
    MmsMm7Address sender;      //!< DeliveryReportReq: Sender
    uint64_t date{0};          //!< DeliveryReportReq: Date, Unix seconds
    std::string mmStatus;      //!< DeliveryReportReq: MMStatus (Retrieved, ...)

    /**
     * \brief The body element's name.
     * \param type the message
     * \return "SubmitReq", "SubmitRsp", "DeliveryReportReq", "DeliveryReportRsp",
     * "RSErrorRsp" or "VASPErrorRsp"
     */
    static std::string ElementName(MmsMm7Type type);
    /**
     * \brief The TS 23.140 name of the message.
     * \param type the message
     * \return "MM7_submit.REQ", ...
     */
    static std::string TypeName(MmsMm7Type type);
    /**
     * \brief The text TS 23.140 (Rel-5 MM7 status code table) gives a status code: 1000
     * Success, 1100 Partial success, 2000 Client error, 2001 Operation restricted, 2002
     * Address Error, 2003 Address Not Found, 2004 Multimedia content refused, 2005 Message ID
     * Not found, 2006 LinkedID not found, 2007 Message format corrupt, 3000 Server Error, 3001
     * Not Possible, 3002 Message rejected, 3003 Multiple addresses not supported, 4000 General
     * service error, 4001 Improper identification, 4002 Unsupported version, 4003 Unsupported
     * operation, 4004 Validation error, 4005 Service error, 4006 Service unavailable, 4007
     * Service denied (the same values as public MM7 implementations list them).
     * \param code the StatusCode
     * \return the text, "" for a code outside the table
     */
    static std::string StatusName(uint16_t code);
    /**
     * \brief Whether a status reports success (1xxx).
     * \param code the StatusCode
     * \return true for 1000 to 1999
     */
    static bool IsSuccess(uint16_t code);
    /**
     * \brief The MMStatus of a delivery report for an M-Delivery.ind X-Mms-Status octet
     * (OMA MMS ENC): Expired, Retrieved, Rejected, Deferred, Indeterminate, Forwarded,
     * Unrecognised (MMS 1.2's Unreachable becomes Indeterminate).
     * \param status the X-Mms-Status octet
     * \return the MMStatus value
     */
    static std::string MmStatusName(uint8_t status);

    /**
     * \brief The SOAP envelope.
     * \return the Envelope element
     */
    MmsXmlElement ToEnvelope() const;
    /**
     * \brief The SOAP envelope as an XML document (declaration, then the envelope).
     * \return the text
     */
    std::string SerializeSoap() const;
    /**
     * \brief Read a message from a SOAP envelope: checks the envelope namespace, the
     * TransactionID header, the body element and the elements its type needs.
     * \param envelope the parsed document element
     * \param message the result (content not set)
     * \param error what is missing or wrong, on failure
     * \return true on success
     */
    static bool FromEnvelope(const MmsXmlElement& envelope,
                             MmsMm7Message& message,
                             std::string& error);
    /**
     * \brief Parse an XML document holding a SOAP envelope.
     * \param text the octets
     * \param size their number
     * \param message the result
     * \param error "offset 57: ..." for XML syntax, the element for MM7
     * \return true on success
     */
    static bool ParseSoap(const char* text,
                          std::size_t size,
                          MmsMm7Message& message,
                          std::string& error);

    /**
     * \brief The HTTP body as a MIME entity: multipart/related with the SOAP part and the
     * content for a SubmitReq with content, a text/xml leaf otherwise.
     * \return the entity (its Content-Type is the HTTP Content-Type)
     */
    MmsMimeEntity ToEntity() const;
    /**
     * \brief The HTTP message: a POST to target for the .REQ, a response (200, or 500 for a
     * fault) for the others; its body as runs, virtual media as virtual zeros.
     * \param target the request target ("/mm7"); unused for responses
     * \param host the Host header of a request; unused for responses
     * \return the message
     */
    MmsHttpMessage ToHttp(const std::string& target, const std::string& host) const;
    /**
     * \brief Read a message from an HTTP request or response carrying it.
     * \param http the message (Content-Type text/xml or multipart/related)
     * \param message the result; media become virtual content of their size
     * \param error what is wrong, on failure
     * \return true on success
     */
    static bool FromHttp(const MmsHttpMessage& http, MmsMm7Message& message, std::string& error);
    /**
     * \brief Read a message from an HTTP body and its Content-Type.
     * \param contentType the HTTP Content-Type value
     * \param body the body octets
     * \param size their number
     * \param message the result; media become virtual content of their size
     * \param error what is wrong, on failure
     * \return true on success
     */
    static bool FromBody(const std::string& contentType,
                         const char* body,
                         std::size_t size,
                         MmsMm7Message& message,
                         std::string& error);

    /**
     * \brief xs:dateTime of Unix seconds, UTC: "2026-12-06T00:00:00Z".
     * \param unixSeconds seconds since 1970
     * \return the text
     */
    static std::string FormatDateTime(uint64_t unixSeconds);
    /**
     * \brief Parse an xs:dateTime with "Z" or a numeric offset (fractions of a second are
     * dropped).
     * \param text the text
     * \param unixSeconds the result
     * \return false if malformed or before 1970
     */
    static bool ParseDateTime(const std::string& text, uint64_t& unixSeconds);

    /**
     * \brief Equal fields (content compared as entities).
     * \param o the other message
     * \return true if equal
     */
    bool operator==(const MmsMm7Message& o) const;
};

} // namespace ns3

#endif /* MMS_MM7_MESSAGE_H */
