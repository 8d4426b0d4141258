/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_INTERNET_MESSAGE_H
#define MMS_INTERNET_MESSAGE_H

/**
 * \file
 * \ingroup mms-codec
 * Internet messages (RFC 5322) with MIME entities (RFC 2045, RFC 2046): header fields with
 * folding, multipart bodies with boundaries, base64 transfer encoding with exact sizes for
 * virtual media. MM4 and MM3 carry MMS as such messages over SMTP. Plain C++, no ns-3.
 */

#include "mms-multipart.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief Base64 (RFC 2045 section 6.8) with lines of at most 76 characters separated by CRLF.
 */
class MmsBase64
{
  public:
    static constexpr std::size_t LINE = 76; //!< characters per encoded line (RFC 2045 6.8)

    /**
     * \brief The encoded text of some octets: lines of LINE characters joined by CRLF, no
     * CRLF after the last line.
     * \param data the octets
     * \param size their number
     * \return the text
     */
    static std::string Encode(const uint8_t* data, std::size_t size);
    /**
     * \brief The size Encode() returns for that many octets, computed without the octets:
     * 4 * ceil(n / 3) characters plus a CRLF between each two lines.
     * \param octets the number of octets
     * \return the characters
     */
    static uint64_t EncodedSize(uint64_t octets);
    /**
     * \brief Decode; CR, LF, space and tab are skipped, anything else outside the alphabet,
     * misplaced padding or a length not a multiple of four is an error.
     * \param text the encoded text
     * \param size its length
     * \param out the octets (appended to); may be null to count only
     * \param octets the decoded octets' number
     * \param error why it failed, with the offset in text
     * \return true on success
     */
    static bool Decode(const char* text,
                       std::size_t size,
                       std::vector<uint8_t>* out,
                       uint64_t& octets,
                       std::string& error);
};

/**
 * \ingroup mms-codec
 * \brief A MIME entity (RFC 2045): header fields and either content or, for a multipart
 * Content-Type, body parts separated by its boundary (RFC 2046 section 5.1). A whole RFC 5322
 * message is an entity whose fields include From, To, Date, ...
 *
 * Header values are kept unfolded (RFC 5322 section 2.2.3) without the white space around
 * them; Serialize() folds a line longer than 78 characters at white space. A leaf's content
 * is kept decoded (MmsContent, real or virtual) and encoded as its Content-Transfer-Encoding
 * says: "base64" (lines of 76 characters), or "7bit", "8bit", "binary" or none (the octets as
 * they are; virtual content as zero octets). Virtual content encoded as base64 is written as
 * the base64 of zero octets, so the serialized size is exact without ever holding the media.
 * A multipart entity's body is, for each part, "--boundary" CRLF, the part, CRLF, and at the
 * end "--boundary--" CRLF; there is no preamble or epilogue when writing, and both are
 * skipped when parsing.
 *
 * \code
 * MmsMimeEntity m;
 * m.AddHeader("From", "+4412345678/TYPE=PLMN@mms.mnc010.mcc234.gprs");
 * m.AddHeader("Content-Type", "multipart/related; boundary=\"b1\"");
 * MmsMimeEntity image;
 * image.AddHeader("Content-Type", "image/jpeg");
 * image.AddHeader("Content-Transfer-Encoding", "base64");
 * image.content = MmsContent::Virtual(30000);
 * m.parts.push_back(image);
 * uint64_t size = m.GetSerializedSize(); // exact, the 30000 octets never allocated
 * \endcode
 */
class MmsMimeEntity
{
  public:
    std::vector<std::pair<std::string, std::string>> headers; //!< name and unfolded value
    MmsContent content;                                       //!< a leaf's decoded content
    std::vector<MmsMimeEntity> parts; //!< a multipart entity's body parts, in order

    /**
     * \brief The value of the first field with this name.
     * \param name compared without regard to case
     * \return the value, "" if absent
     */
    std::string GetHeader(const std::string& name) const;
    /**
     * \brief Whether a field with this name is present.
     * \param name compared without regard to case
     * \return true if present
     */
    bool HasHeader(const std::string& name) const;
    /**
     * \brief Append a field.
     * \param name the field name
     * \param value its value, unfolded
     */
    void AddHeader(const std::string& name, const std::string& value);
    /**
     * \brief Replace the first field with this name, or append it.
     * \param name the field name
     * \param value its value, unfolded
     */
    void SetHeader(const std::string& name, const std::string& value);
    /**
     * \brief The media type of Content-Type, lower case; "text/plain" without it (RFC 2045
     * section 5.2).
     * \return e.g. "multipart/related"
     */
    std::string GetMediaType() const;
    /**
     * \brief A parameter of a structured field such as Content-Type, unquoted.
     * \param header the field name
     * \param parameter the parameter name (without regard to case)
     * \return the value, "" if absent
     */
    std::string GetParameter(const std::string& header, const std::string& parameter) const;
    /**
     * \brief Whether the entity is multipart (its media type starts with "multipart/").
     * \return true if so
     */
    bool IsMultipart() const;

    /**
     * \brief The entity: header fields (folded), an empty line, the body.
     * \return the text; virtual content as described in the class
     */
    std::string Serialize() const;
    /**
     * \brief The size Serialize() returns, without materialising virtual content.
     * \return the octets
     */
    uint64_t GetSerializedSize() const;
    /**
     * \brief The size of the content of a leaf as its transfer encoding writes it.
     * \return the octets of the encoded body
     */
    uint64_t GetEncodedContentSize() const;

    /**
     * \brief Parse an entity (a whole message or a body part).
     * \param text the octets
     * \param size their number
     * \param entity the result
     * \param error "offset 57: ..." on failure
     * \param keepContent false: leaf contents become virtual content of their decoded size
     * \return true on success
     */
    static bool Parse(const char* text,
                      std::size_t size,
                      MmsMimeEntity& entity,
                      std::string& error,
                      bool keepContent = true);

    /**
     * \brief Fold one field as Serialize() does: "Name: value", broken before white space so
     * that lines stay within 78 characters where the value allows it, each line ending CRLF.
     * \param name the field name
     * \param value the unfolded value
     * \return the folded lines
     */
    static std::string FoldHeader(const std::string& name, const std::string& value);

    /**
     * \brief ASCII lower case, as field names, media types and tokens compare (RFC 5322
     * section 1.2.2, RFC 2045 section 5.1).
     * \param s the text
     * \return s in lower case
     */
    static std::string Lower(std::string s);

    /**
     * \brief Equal headers, content and parts.
     * \param o the other entity
     * \return true if equal
     */
    bool operator==(const MmsMimeEntity& o) const;

  private:
    void SerializeTo(std::string& out) const;
    static bool ParseAt(const char* text,
                        std::size_t begin,
                        std::size_t end,
                        MmsMimeEntity& entity,
                        std::string& error,
                        bool keepContent,
                        int depth);
};

/**
 * \ingroup mms-codec
 * \brief RFC 5322 date-time (section 3.3) of Unix seconds, always in UTC: "Sun, 06 Dec 2026
 * 15:51:10 +0000"; and back.
 */
class MmsImfDate
{
  public:
    /**
     * \brief Format.
     * \param unixSeconds seconds since 1970-01-01 00:00:00 UTC
     * \return the date-time
     */
    static std::string Format(uint64_t unixSeconds);
    /**
     * \brief Parse a date-time with an optional day name, numeric zone (+hhmm/-hhmm) or "GMT"
     * / "UT", seconds optional.
     * \param text the date-time
     * \param unixSeconds the result
     * \return false if malformed or before 1970
     */
    static bool Parse(const std::string& text, uint64_t& unixSeconds);
};

} // namespace ns3

#endif /* MMS_INTERNET_MESSAGE_H */
