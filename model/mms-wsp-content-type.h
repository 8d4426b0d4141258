/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_CONTENT_TYPE_H
#define MMS_WSP_CONTENT_TYPE_H

// WSP Content-type-value (WAP-230 section 8.4.2.24) and the well-known part headers of WSP
// multipart entries. Plain C++, no ns-3.

#include "mms-wsp-codec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * One parameter of a content type: well-known (code) or textual (name), with an integer or a
 * text value.
 */
struct MmsWspParameter
{
    int code{-1};          //!< well-known parameter code (0x00..0x7F), or -1 for a textual name
    std::string name;      //!< the textual name when code is -1
    bool isInteger{false}; //!< the value is an integer (else text)
    uint64_t integer{0};   //!< integer value
    std::string text;      //!< text value

    bool operator==(const MmsWspParameter& o) const;

    bool operator!=(const MmsWspParameter& o) const
    {
        return !(*this == o);
    }
};

/// Well-known parameter codes of WSP (WAP-230 Table 38).
namespace MmsWspParam
{
constexpr int Q = 0x00;
constexpr int CHARSET = 0x01;
constexpr int LEVEL = 0x02;
constexpr int TYPE_INTEGER = 0x03;
constexpr int NAME = 0x05;
constexpr int FILENAME = 0x06;
constexpr int TYPE = 0x09; //!< "type" of multipart/related (Constrained-encoding)
constexpr int START = 0x0A;
constexpr int START_INFO = 0x0B;
constexpr int NAME_14 = 0x17;     //!< Name, WSP 1.4 encoding (Text-value)
constexpr int FILENAME_14 = 0x18; //!< Filename, WSP 1.4 encoding
constexpr int START_14 = 0x19;    //!< Start, WSP 1.4 encoding
const char* Name(int code);       //!< "charset", "type", ...; nullptr if unknown
} // namespace MmsWspParam

/**
 * \ingroup mms
 * A WSP Content-type-value: a media type with optional parameters.
 *
 * Encoding picks the shortest form: a well-known media type without parameters as one octet, an
 * unknown one as a Text-string, and the general form (Value-length, media, parameters)
 * otherwise. A decoded value that was written in another (legal) form keeps its original octets
 * and re-encodes them unchanged, so decode followed by encode is byte-exact.
 */
class MmsWspContentType
{
  public:
    MmsWspContentType() = default;
    explicit MmsWspContentType(const std::string& mediaType);

    const std::string& GetMediaType() const;
    void SetMediaType(const std::string& mediaType);
    const std::vector<MmsWspParameter>& GetParameters() const;
    void AddParameter(const MmsWspParameter& p);
    /// Set (replace or add) a text parameter by well-known code.
    void SetTextParameter(int code, const std::string& value);
    /// Set (replace or add) an integer parameter by well-known code.
    void SetIntegerParameter(int code, uint64_t value);

    uint32_t GetCharset() const; //!< 0 if none
    void SetCharset(uint32_t mibEnum);
    std::string GetType() const;  //!< multipart/related "type" parameter, or ""
    std::string GetStart() const; //!< multipart/related "start" parameter, or ""
    std::string GetName() const;  //!< "name" parameter, or ""
    bool IsMultipart() const;     //!< application/vnd.wap.multipart.* or multipart/*

    void Encode(MmsWspWriter& w) const;
    std::size_t GetEncodedSize() const;
    /// Decode a Content-type-value; errors go to the reader.
    static MmsWspContentType Decode(MmsWspReader& r, const char* field);

    /// "application/vnd.wap.multipart.related; type=application/smil; start=<smil>"
    std::string ToString() const;

    /// Equal media type and parameters (the original octets are not compared).
    bool operator==(const MmsWspContentType& o) const;

    bool operator!=(const MmsWspContentType& o) const
    {
        return !(*this == o);
    }

    /// Well-known media code of a type (WSP Table 40 / OMNA), or -1.
    static int WellKnownCode(const std::string& mediaType);
    /// Media type of a well-known code, or "" if the code is unassigned.
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
 * \ingroup mms
 * A header of a WSP multipart entry: well-known (Content-ID 0x40, Content-Location 0x0E, ...) or
 * textual. Values the codec does not model are kept as their raw octets.
 */
struct MmsWspPartHeader
{
    int code{-1};             //!< well-known header code (0x00..0x7F) or -1 for textual
    std::string name;         //!< textual header name
    std::string value;        //!< text value (Content-ID without quotes, Content-Location, ...)
    std::vector<uint8_t> raw; //!< raw value octets of a header kept undecoded (else empty)
    bool quoted{true};        //!< Content-ID written as Quoted-string (else Text-string)

    bool operator==(const MmsWspPartHeader& o) const;

    bool operator!=(const MmsWspPartHeader& o) const
    {
        return !(*this == o);
    }

    static constexpr int CONTENT_LOCATION = 0x0E;
    static constexpr int CONTENT_ID = 0x40;

    static MmsWspPartHeader ContentId(const std::string& id);        //!< e.g. "<smil>"
    static MmsWspPartHeader ContentLocation(const std::string& uri); //!< e.g. "image.jpg"

    /// Header name: "Content-ID", "Content-Location", the textual name, or "header-0xNN".
    std::string GetName() const;
    /// Value for display: text, or "hex:..." for raw values.
    std::string FormatValue() const;

    void Encode(MmsWspWriter& w) const;
    std::size_t GetEncodedSize() const;
    /// Decode one header; errors go to the reader.
    static MmsWspPartHeader Decode(MmsWspReader& r);
};

/**
 * Read one generic WSP header value (Short-integer octet, Value-length + data, or Text-string)
 * and return its raw octets. Used to keep fields and headers the codec does not model.
 */
std::vector<uint8_t> MmsWspReadRawValue(MmsWspReader& r, const char* field);

} // namespace ns3

#endif /* MMS_WSP_CONTENT_TYPE_H */
