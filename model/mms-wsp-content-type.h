/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_CONTENT_TYPE_H
#define MMS_WSP_CONTENT_TYPE_H

/**
 * \file
 * \ingroup mms-codec
 * WSP Content-type-value (WAP-230-WSP section 8.4.2.24), its parameters, and the headers of WSP
 * multipart entries and WSP Push PDUs. Plain C++, no ns-3.
 */

#include "mms-wsp-codec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief One parameter of a content type (WAP-230-WSP section 8.4.2): well-known (code) or
 * textual (name), with an integer or a text value.
 *
 * The well-known codes are in MmsWspParam. How a value is encoded follows from the code: the
 * charset as an Integer-value, Q as a Uintvar, "type" and "level" as a Short-integer or text,
 * the text parameters as Text-strings (a text that starts with a double quote as a
 * Quoted-string).
 */
struct MmsWspParameter
{
    int code{-1};          //!< well-known parameter code (0x00..0x7F), or -1 for a textual name
    std::string name;      //!< the textual name when code is -1
    bool isInteger{false}; //!< the value is an integer (else text)
    uint64_t integer{0};   //!< integer value
    std::string text;      //!< text value

    /**
     * \brief Equal code, name, kind and value (the unused value is not compared).
     * \param o the other parameter
     * \return true if both are equal
     */
    bool operator==(const MmsWspParameter& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other parameter
     * \return true if they differ
     */
    bool operator!=(const MmsWspParameter& o) const
    {
        return !(*this == o);
    }
};

/**
 * \ingroup mms-codec
 * \brief Well-known parameter codes of WSP content types (WAP-230-WSP Table 38).
 */
namespace MmsWspParam
{
constexpr int Q = 0x00;            //!< q (Q-value)
constexpr int CHARSET = 0x01;      //!< charset (Well-known-charset)
constexpr int LEVEL = 0x02;        //!< level (Version-value)
constexpr int TYPE_INTEGER = 0x03; //!< type (Integer-value), WSP 1.1
constexpr int NAME = 0x05;         //!< name (Text-string), WSP 1.1
constexpr int FILENAME = 0x06;     //!< filename (Text-string), WSP 1.1
constexpr int TYPE = 0x09;         //!< "type" of multipart/related (Constrained-encoding)
constexpr int START = 0x0A;        //!< "start" of multipart/related (Text-string)
constexpr int START_INFO = 0x0B;   //!< "start-info" of multipart/related (Text-string)
constexpr int NAME_14 = 0x17;      //!< Name, WSP 1.4 encoding (Text-value)
constexpr int FILENAME_14 = 0x18;  //!< Filename, WSP 1.4 encoding
constexpr int START_14 = 0x19;     //!< Start, WSP 1.4 encoding
/**
 * \brief The name of a well-known parameter.
 * \param code the code, 0x00..0x1D
 * \return "charset", "type", ...; nullptr if unassigned or out of range
 */
const char* Name(int code);
} // namespace MmsWspParam

/**
 * \ingroup mms-codec
 * \brief A WSP Content-type-value (WAP-230-WSP section 8.4.2.24): a media type with optional
 * parameters.
 *
 * Encoding picks the shortest form: a well-known media type (WAP-230-WSP Table 40 and the OMNA
 * registry) without parameters as one octet, an unknown one as a Text-string, and the general
 * form (Value-length, media, parameters) otherwise. A decoded value that was written in another
 * (legal) form keeps its original octets and re-encodes them unchanged, so decode followed by
 * encode is byte-exact; any setter drops those octets, and the value is then encoded in the
 * canonical form.
 *
 * Decode() reports errors through the MmsWspReader (MmsDecodeError with offset and field). A
 * well-known code without an assigned name decodes as "x-wsp-content-type-0xNN" (short form)
 * or "x-wsp-content-type-N" (general form).
 *
 * \code
 * MmsWspContentType ct("application/vnd.wap.multipart.related");
 * ct.SetTextParameter(MmsWspParam::TYPE, "application/smil");
 * ct.SetTextParameter(MmsWspParam::START, "<smil>");
 * MmsWspWriter w;
 * ct.Encode(w); // w.GetSize() == ct.GetEncodedSize()
 * \endcode
 */
class MmsWspContentType
{
  public:
    /// An empty media type without parameters.
    MmsWspContentType() = default;
    /**
     * \brief A media type without parameters.
     * \param mediaType e.g. "application/vnd.wap.multipart.mixed"
     */
    explicit MmsWspContentType(const std::string& mediaType);

    /**
     * \brief The media type.
     * \return e.g. "image/jpeg"
     */
    const std::string& GetMediaType() const;
    /**
     * \brief Set the media type.
     * \param mediaType e.g. "image/jpeg"
     */
    void SetMediaType(const std::string& mediaType);
    /**
     * \brief The parameters.
     * \return the parameters in wire order
     */
    const std::vector<MmsWspParameter>& GetParameters() const;
    /**
     * \brief Append a parameter (even if one with the same code exists).
     * \param p the parameter
     */
    void AddParameter(const MmsWspParameter& p);
    /**
     * \brief Set (replace or add) a text parameter by well-known code.
     * \param code the code (MmsWspParam)
     * \param value the text
     */
    void SetTextParameter(int code, const std::string& value);
    /**
     * \brief Set (replace or add) an integer parameter by well-known code.
     * \param code the code (MmsWspParam)
     * \param value the integer
     */
    void SetIntegerParameter(int code, uint64_t value);

    /**
     * \brief The charset parameter.
     * \return its IANA MIBenum; 0 if none
     */
    uint32_t GetCharset() const;
    /**
     * \brief Set (replace or add) the charset parameter.
     * \param mibEnum the IANA MIBenum (MmsWspCharset)
     */
    void SetCharset(uint32_t mibEnum);
    /**
     * \brief The multipart/related "type" parameter.
     * \return the media type it names, or ""
     */
    std::string GetType() const;
    /**
     * \brief The multipart/related "start" parameter (WSP 1.1 or 1.4 encoding).
     * \return the Content-ID of the root part, or ""
     */
    std::string GetStart() const;
    /**
     * \brief The "name" parameter (WSP 1.1 or 1.4 encoding).
     * \return the name, or ""
     */
    std::string GetName() const;
    /**
     * \brief Whether the body is multipart.
     * \return true for multipart/... and application/vnd.wap.multipart... (any case)
     */
    bool IsMultipart() const;

    /**
     * \brief Encode: the original octets of a decoded value, else the shortest form.
     * \param w the writer to append to
     */
    void Encode(MmsWspWriter& w) const;
    /**
     * \brief The size Encode() writes, computed without encoding.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Decode a Content-type-value in any of its three forms.
     * \param r the reader; errors and warnings go to it
     * \param field the field name for an error (e.g. "Content-Type")
     * \return the content type (incomplete if r has failed)
     */
    static MmsWspContentType Decode(MmsWspReader& r, const char* field);

    /**
     * \brief The value for display.
     * \return e.g. "application/vnd.wap.multipart.related; type=application/smil; start=<smil>"
     */
    std::string ToString() const;

    /**
     * \brief Equal media type and parameters (the original octets are not compared).
     * \param o the other content type
     * \return true if both are equal
     */
    bool operator==(const MmsWspContentType& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other content type
     * \return true if they differ
     */
    bool operator!=(const MmsWspContentType& o) const
    {
        return !(*this == o);
    }

    /**
     * \brief The well-known code of a media type (WAP-230-WSP Table 40, OMNA registry).
     * \param mediaType the media type (compared without regard to case)
     * \return the code, or -1 if it has none
     */
    static int WellKnownCode(const std::string& mediaType);
    /**
     * \brief The media type of a well-known code.
     * \param code the code
     * \return the media type, or "" if the code is unassigned
     */
    static std::string WellKnownName(uint32_t code);

  private:
    void EncodeCanonical(MmsWspWriter& w) const;
    int GetWellKnownCode() const; //!< WellKnownCode(m_mediaType), looked up once

    std::string m_mediaType;
    std::vector<MmsWspParameter> m_params;
    std::vector<uint8_t> m_original; //!< octets as decoded, when they differ from canonical
    mutable int m_wellKnown{-2};     //!< cached well-known code; -2 = not looked up yet
};

/**
 * \ingroup mms-codec
 * \brief A header of a WSP multipart entry (WAP-230-WSP section 8.5) or a WSP Push PDU:
 * well-known (Content-ID 0x40, Content-Location 0x0E, ...) or textual.
 *
 * Content-ID and Content-Location are decoded into value; the values of other well-known
 * headers, which the codec does not model, are kept as their raw octets and re-encoded
 * unchanged. Decode() fails (through the reader) on an octet that starts no header, such as a
 * code page shift, which is not supported.
 */
struct MmsWspPartHeader
{
    int code{-1};             //!< well-known header code (0x00..0x7F) or -1 for textual
    std::string name;         //!< textual header name
    std::string value;        //!< text value (Content-ID without quotes, Content-Location, ...)
    std::vector<uint8_t> raw; //!< raw value octets of a header kept undecoded (else empty)
    bool quoted{true};        //!< Content-ID written as Quoted-string (else Text-string)

    /**
     * \brief Equal code, name, value, raw octets and (for Content-ID) quoting.
     * \param o the other header
     * \return true if both are equal
     */
    bool operator==(const MmsWspPartHeader& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other header
     * \return true if they differ
     */
    bool operator!=(const MmsWspPartHeader& o) const
    {
        return !(*this == o);
    }

    static constexpr int CONTENT_LOCATION = 0x0E; //!< well-known code of Content-Location
    static constexpr int CONTENT_ID = 0x40;       //!< well-known code of Content-ID

    /**
     * \brief A Content-ID header, written as a Quoted-string.
     * \param id e.g. "<smil>"
     * \return the header
     */
    static MmsWspPartHeader ContentId(const std::string& id);
    /**
     * \brief A Content-Location header.
     * \param uri e.g. "image.jpg"
     * \return the header
     */
    static MmsWspPartHeader ContentLocation(const std::string& uri);

    /**
     * \brief The header's name.
     * \return "Content-ID", "Content-Location", another well-known name, the textual name, or
     * "header-0xNN"
     */
    std::string GetName() const;
    /**
     * \brief The value for display.
     * \return the text, or "hex:..." for a raw value
     */
    std::string FormatValue() const;

    /**
     * \brief Encode: code or name, then the value (raw octets as kept).
     * \param w the writer to append to
     */
    void Encode(MmsWspWriter& w) const;
    /**
     * \brief The size Encode() writes.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Decode one header.
     * \param r the reader; errors go to it
     * \return the header (incomplete if r has failed)
     */
    static MmsWspPartHeader Decode(MmsWspReader& r);
};

/**
 * \ingroup mms-codec
 * \brief Read one generic WSP header value and return its raw octets.
 *
 * The value is a Short-integer octet, a Value-length and its data, or a Text-string. Used to
 * keep fields and headers the codec does not model; a Text-string cut off by the end of the
 * input gets its NUL back, so the octets re-encode as a complete value.
 * \param r the reader; errors go to it
 * \param field the field name for an error
 * \return the value's octets; empty after an error
 */
std::vector<uint8_t> MmsWspReadRawValue(MmsWspReader& r, const char* field);

} // namespace ns3

#endif /* MMS_WSP_CONTENT_TYPE_H */
