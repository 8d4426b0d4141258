/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_CODEC_H
#define MMS_WSP_CODEC_H

/**
 * \file
 * \ingroup mms-codec
 * WSP primitive data types (WAP-230-WSP section 8.4) as MMS uses them (OMA-TS-MMS-ENC 1.0 to
 * 1.3): the bounds-checked MmsWspReader, the MmsWspWriter, decode errors and warnings, dates,
 * Encoded-string-values and character sets. Plain C++: no ns-3, no globals, no exceptions.
 */

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief What went wrong while decoding, and where.
 *
 * The binary decoders of the codec report failure through one of these: MmsWspReader (and the
 * SMS TPDU decoders' own reader) keeps the first error it meets, later ones are ignored, and
 * the entry points (MmsPdu::Decode(), MmsWspPushPdu::Decode(), MmsWdpSmsSegment::Decode(),
 * MmsSmsDeliver::Decode(), ...) copy it out when they return false. The PAP and HTTP parsers,
 * which read text, report their first error as a string with its line or offset instead.
 */
struct MmsDecodeError
{
    std::size_t offset{0}; //!< offset of the offending octet from the start of the input
    std::string field;     //!< the field being decoded, by its spec name
    std::string message;   //!< what is wrong

    /**
     * \brief The error as one line of text.
     * \return "offset 12 (X-Mms-Expiry): value length 40 exceeds the 3 octets left"; the
     * parenthesised field is left out when field is empty
     */
    std::string ToString() const;
};

/**
 * \ingroup mms-codec
 * \brief A tolerated deviation from the specification, noted while decoding.
 *
 * Decoding goes on after a warning (a Text-string without its terminating NUL at the end of the
 * data, an Encoded-string-value with a charset but no text, ...); MmsWspReader::GetWarnings()
 * and MmsPdu::GetWarnings() list them in the order they were found.
 */
struct MmsDecodeWarning
{
    std::size_t offset{0}; //!< where the deviation was found
    std::string message;   //!< what was tolerated
};

/**
 * \ingroup mms-codec
 * \brief A date and time in UTC on the proleptic Gregorian calendar, for the dates PDUs carry.
 *
 * Converts between Unix seconds (what Date-value, X-Mms-Expiry and TP-SCTS hold) and the civil
 * date with H. Hinnant's days-from-civil algorithms; no leap seconds, no time zone.
 */
struct MmsUtcDate
{
    int64_t year{1970}; //!< the year (negative before 1 BC)
    unsigned month{1};  //!< 1..12
    unsigned day{1};    //!< 1..31
    unsigned hour{0};   //!< 0..23
    unsigned minute{0}; //!< 0..59
    unsigned second{0}; //!< 0..59

    /**
     * \brief Days since 1970-01-01 of a date.
     * \param year the year
     * \param month the month, 1..12
     * \param day the day of the month, 1..31
     * \return the number of days, negative before 1970
     */
    static int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
    /**
     * \brief The date and time of a Unix time.
     * \param seconds seconds since 1970-01-01T00:00:00Z (negative before)
     * \return the UTC date and time
     */
    static MmsUtcDate FromUnix(int64_t seconds);
    /**
     * \brief Unix seconds of this date and time.
     * \return seconds since 1970-01-01T00:00:00Z
     */
    int64_t ToUnix() const;
};

/**
 * \ingroup mms-codec
 * \brief An Encoded-string-value (OMA-TS-MMS-ENC; WAP-230-WSP section 8.4): a text with an
 * optional character set (IANA MIBenum).
 *
 * The octets are kept as they are on the wire (no conversion); ToUtf8() converts for display.
 * MmsWspReader::ReadEncodedString() and MmsWspWriter::WriteEncodedString() decode and encode it:
 * charset 0 is the plain Text-string form, any other value the Value-length Char-set
 * Text-string form.
 */
struct MmsWspEncodedString
{
    uint32_t charset{0}; //!< IANA MIBenum; 0 = none given (plain Text-string form)
    std::string text;    //!< the octets, without the terminating NUL

    /**
     * \brief Equal charset and octets.
     * \param o the other string
     * \return true if both are equal
     */
    bool operator==(const MmsWspEncodedString& o) const
    {
        return charset == o.charset && text == o.text;
    }

    /**
     * \brief Different charset or octets.
     * \param o the other string
     * \return true if they differ
     */
    bool operator!=(const MmsWspEncodedString& o) const
    {
        return !(*this == o);
    }

    /**
     * \brief The text converted to UTF-8.
     *
     * iso-8859-1, utf-16 (with a byte order mark, else big-endian) and ucs-2 are converted;
     * us-ascii, utf-8, no charset and every other charset are returned unchanged.
     * \return the text in UTF-8
     */
    std::string ToUtf8() const;
};

/**
 * \ingroup mms-codec
 * \brief IANA MIBenum values of the character sets MMS uses, and their names.
 *
 * The names known to Name() and FromName() are the IANA names of us-ascii, iso-8859-1 to -9,
 * shift_jis, utf-8, iso-10646-ucs-2, utf-16, big5 and gb2312.
 */
namespace MmsWspCharset
{
constexpr uint32_t US_ASCII = 3;   //!< us-ascii
constexpr uint32_t ISO_8859_1 = 4; //!< iso-8859-1 (Latin-1)
constexpr uint32_t UTF_8 = 106;    //!< utf-8
constexpr uint32_t UCS_2 = 1000;   //!< iso-10646-ucs-2
constexpr uint32_t UTF_16 = 1015;  //!< utf-16
/**
 * \brief The IANA name of a character set.
 * \param mibEnum its MIBenum
 * \return "utf-8", "iso-8859-1", ...; nullptr if unknown
 */
const char* Name(uint32_t mibEnum);
/**
 * \brief The MIBenum of a character set name.
 * \param name the IANA name, in any case ("UTF-8", "utf-8")
 * \return the MIBenum; 0 if unknown
 */
uint32_t FromName(const std::string& name);
} // namespace MmsWspCharset

/**
 * \ingroup mms-codec
 * \brief A bounds-checked reader of WSP primitives (WAP-230-WSP section 8.4) with sticky errors.
 *
 * The decoders of MMS PDUs, content types, multipart bodies, WSP Push PDUs and WDP segments
 * read through one of these. No read goes outside the buffer: a read that would go past the
 * end fails and records an MmsDecodeError with the absolute offset, the field name the caller
 * passed, and what is wrong. Only the first error is kept; after it every read
 * returns a neutral value (0, an empty string or vector) and GetRemaining() is 0, so a decoder
 * is written as straight-line code and checks Ok() once at the end. Deviations that decoding
 * tolerates are noted as MmsDecodeWarning (see GetWarnings()).
 *
 * A length-prefixed value is read with ReadSub(), which gives a reader limited to the value's
 * octets; its error and warnings are taken over with Absorb().
 *
 * \code
 * MmsWspReader r(data, size);
 * uint32_t count = r.ReadUintvar("Entries");
 * std::string text = r.ReadTextString("Subject");
 * if (!r.Ok())
 * {
 *     std::cerr << r.GetError().ToString() << std::endl; // "offset 3 (Subject): ..."
 * }
 * \endcode
 */
class MmsWspReader
{
  public:
    /**
     * \brief Read a buffer.
     * \param data the buffer (not copied; must outlive the reader); nullptr reads as empty
     * \param size its length
     * \param baseOffset offset of data[0] in the whole input, for error messages
     */
    MmsWspReader(const uint8_t* data, std::size_t size, std::size_t baseOffset = 0);

    /**
     * \brief Whether no error has been recorded.
     * \return true if no error so far
     */
    bool Ok() const;
    /**
     * \brief The first error.
     * \return the error recorded first; meaningless while Ok()
     */
    const MmsDecodeError& GetError() const;
    /**
     * \brief Record an error at the current offset, unless one is already recorded.
     * \param field the field being decoded, by its spec name
     * \param message what is wrong
     */
    void Fail(const std::string& field, const std::string& message);
    /**
     * \brief Record an error at a given absolute offset, unless one is already recorded.
     * \param offset the absolute offset (typically where the field started)
     * \param field the field being decoded, by its spec name
     * \param message what is wrong
     */
    void FailAt(std::size_t offset, const std::string& field, const std::string& message);
    /**
     * \brief Note a tolerated deviation at the current offset.
     * \param message what was tolerated
     */
    void Warn(const std::string& message);
    /**
     * \brief The deviations noted so far, those taken over from sub-readers included.
     * \return the warnings in the order they were noted
     */
    const std::vector<MmsDecodeWarning>& GetWarnings() const;

    /**
     * \brief Where the reader stands.
     * \return the absolute offset of the next octet (baseOffset included)
     */
    std::size_t GetOffset() const;
    /**
     * \brief How much is left.
     * \return the number of octets left; 0 after an error
     */
    std::size_t GetRemaining() const;
    /**
     * \brief Whether reading is over.
     * \return true if nothing is left, or after an error
     */
    bool IsAtEnd() const;

    /**
     * \brief The next octet, without consuming it.
     * \return the octet; 0 at the end or after an error (no error is recorded)
     */
    uint8_t PeekOctet() const;
    /**
     * \brief Read one octet.
     * \param field the field name for an error
     * \return the octet; 0 (and an error) at the end of the data
     */
    uint8_t ReadOctet(const char* field);
    /**
     * \brief Copy n octets.
     * \param n the number of octets
     * \param field the field name for an error
     * \return the octets; empty (and an error) if fewer than n are left
     */
    std::vector<uint8_t> ReadBytes(std::size_t n, const char* field);
    /**
     * \brief Move past n octets; an error if fewer are left.
     * \param n the number of octets
     * \param field the field name for an error
     */
    void Skip(std::size_t n, const char* field);
    /**
     * \brief A reader over the next n octets; this reader moves past them.
     *
     * The sub-reader's offsets continue those of this reader. Its errors and warnings are not
     * merged automatically: call Absorb(sub) when done with it.
     * \param n the number of octets
     * \param field the field name for an error
     * \return the sub-reader; if fewer than n octets are left (or this reader already failed),
     * a failed, empty reader carrying this reader's error
     */
    MmsWspReader ReadSub(std::size_t n, const char* field);
    /**
     * \brief Take over the warnings of a sub-reader, and its error unless this reader already
     * has one.
     * \param sub a reader returned by ReadSub()
     */
    void Absorb(const MmsWspReader& sub);
    /**
     * \brief Pointer to the next octet.
     * \return the pointer, valid for GetRemaining() octets; nullptr for a reader over nullptr
     */
    const uint8_t* Current() const;

    /**
     * \brief Read a Uintvar: up to 5 octets of 7 bits, the last without the top bit.
     * \param field the field name for an error
     * \return the value; 0 (and an error) if it runs past the end, is longer than 5 octets or
     * exceeds 32 bits
     */
    uint32_t ReadUintvar(const char* field);
    /**
     * \brief Read a Short-integer: one octet with the top bit set.
     * \param field the field name for an error
     * \return the value 0..127; 0 (and an error) if the top bit is clear
     */
    uint8_t ReadShortInteger(const char* field);
    /**
     * \brief Read a Long-integer: a Short-length (1..30), then that many octets, big-endian.
     * \param field the field name for an error
     * \return the value; 0 (and an error) for a length of 0 or above 30, for more than 8
     * octets (they do not fit the result) or for fewer octets left than the length says
     */
    uint64_t ReadLongInteger(const char* field);
    /**
     * \brief Read an Integer-value: a Short-integer if the top bit of the next octet is set,
     * else a Long-integer.
     * \param field the field name for an error
     * \return the value; 0 after an error
     */
    uint64_t ReadIntegerValue(const char* field);
    /**
     * \brief Read a Value-length: 0..30 in one octet, or 31 followed by a Uintvar.
     * \param field the field name for an error
     * \return the length; 0 (and an error) if the octet is above 31 or the length exceeds the
     * octets left
     */
    uint32_t ReadValueLength(const char* field);
    /**
     * \brief Read a Text-string: an optional Quote (0x7F), the octets, a NUL.
     *
     * A missing NUL at the end of the data is tolerated with a warning; the text then runs to
     * the end.
     * \param field the field name for an error or warning
     * \return the text without Quote and NUL; empty (and an error) at the end of the data
     */
    std::string ReadTextString(const char* field);
    /**
     * \brief Read a Quoted-string: 0x22, the octets, a NUL (a missing NUL at the end of the
     * data is tolerated with a warning).
     * \param field the field name for an error or warning
     * \return the text without the quote and the NUL; empty (and an error) if the next octet
     * is not 0x22
     */
    std::string ReadQuotedString(const char* field);
    /**
     * \brief Read an Encoded-string-value: a Text-string, or Value-length Char-set Text-string.
     *
     * A charset without text, and octets after the text inside the value length, are tolerated
     * with a warning.
     * \param field the field name for an error or warning
     * \return the string (charset 0 for the plain Text-string form)
     */
    MmsWspEncodedString ReadEncodedString(const char* field);
    /**
     * \brief Whether the next octet starts a Text-string.
     * \return true for 0x20..0x7F or NUL; false at the end or after an error
     */
    bool PeekIsText() const;
    /**
     * \brief Whether the next octet is a Value-length.
     * \return true for 1..31 (a NUL is an empty Text-string); false at the end or after an
     * error
     */
    bool PeekIsValueLength() const;

  private:
    const uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos{0};
    std::size_t m_base;
    bool m_ok{true};
    MmsDecodeError m_error;
    std::vector<MmsDecodeWarning> m_warnings;
};

/**
 * \ingroup mms-codec
 * \brief Encodes WSP primitives (WAP-230-WSP section 8.4) into a growing buffer.
 *
 * The counterpart of MmsWspReader: every Write method appends the shortest legal encoding of
 * its value, and the static Size methods say how many octets that encoding takes without
 * writing it, so that encoders compute exact sizes (Value-lengths, MmsPdu::GetEncodedSize())
 * before writing. Writing cannot fail.
 *
 * \code
 * MmsWspWriter w;
 * w.WriteUintvar(1);
 * w.WriteTextString("hello");
 * std::string hex = MmsWspToHex(w.GetBuffer()); // "0168656c6c6f00"
 * \endcode
 */
class MmsWspWriter
{
  public:
    /**
     * \brief Append one octet.
     * \param v the octet
     */
    void WriteOctet(uint8_t v);
    /**
     * \brief Append octets.
     * \param data the octets
     * \param n their number
     */
    void WriteBytes(const uint8_t* data, std::size_t n);
    /**
     * \brief Append octets.
     * \param data the octets
     */
    void WriteBytes(const std::vector<uint8_t>& data);
    /**
     * \brief Append a Uintvar (7 bits per octet, most significant first).
     * \param v the value
     */
    void WriteUintvar(uint32_t v);
    /**
     * \brief Append a Short-integer: the value with the top bit set.
     * \param v the value, 0..127 (higher bits are dropped)
     */
    void WriteShortInteger(uint8_t v);
    /**
     * \brief Append a Long-integer in the fewest octets (at least 1) after its Short-length.
     * \param v the value
     */
    void WriteLongInteger(uint64_t v);
    /**
     * \brief Append an Integer-value: a Short-integer when v <= 127, else a Long-integer.
     * \param v the value
     */
    void WriteIntegerValue(uint64_t v);
    /**
     * \brief Append a Value-length: one octet up to 30, else 31 and a Uintvar.
     * \param len the length
     */
    void WriteValueLength(uint32_t len);
    /**
     * \brief Append a Text-string: a Quote (0x7F) when NeedsQuote(), the octets, a NUL.
     * \param s the text
     */
    void WriteTextString(const std::string& s);
    /**
     * \brief Append a Quoted-string: 0x22, the octets, a NUL.
     * \param s the text, without quotes
     */
    void WriteQuotedString(const std::string& s);
    /**
     * \brief Append an Encoded-string-value: a plain Text-string when the charset is 0, else
     * Value-length Char-set Text-string.
     * \param s the string
     */
    void WriteEncodedString(const MmsWspEncodedString& s);

    /**
     * \brief The octets written so far.
     * \return the buffer
     */
    const std::vector<uint8_t>& GetBuffer() const;
    /**
     * \brief The octets written so far, to patch or move out.
     * \return the buffer
     */
    std::vector<uint8_t>& GetBuffer();
    /**
     * \brief The number of octets written so far.
     * \return the buffer's size
     */
    std::size_t GetSize() const;

    /**
     * \brief Whether a Text-string needs the Quote so that it reads back as the same text.
     * \param s the text
     * \return true when the first octet is >= 0x7F or < 0x20; false for an empty text
     */
    static bool NeedsQuote(const std::string& s);
    /**
     * \brief Encoded size of a Uintvar.
     * \param v the value
     * \return 1 to 5 octets
     */
    static std::size_t UintvarSize(uint32_t v);
    /**
     * \brief Encoded size of a Long-integer.
     * \param v the value
     * \return the octets, the Short-length octet included (2 to 9)
     */
    static std::size_t LongIntegerSize(uint64_t v);
    /**
     * \brief Encoded size of an Integer-value.
     * \param v the value
     * \return 1 for v <= 127, else LongIntegerSize(v)
     */
    static std::size_t IntegerValueSize(uint64_t v);
    /**
     * \brief Encoded size of a Value-length.
     * \param len the length
     * \return 1 up to 30, else 1 plus the Uintvar's size
     */
    static std::size_t ValueLengthSize(uint32_t len);
    /**
     * \brief Encoded size of a Text-string.
     * \param s the text
     * \return the octets, the NUL and the Quote (when needed) included
     */
    static std::size_t TextStringSize(const std::string& s);
    /**
     * \brief Encoded size of an Encoded-string-value.
     * \param s the string
     * \return the octets as WriteEncodedString() writes them
     */
    static std::size_t EncodedStringSize(const MmsWspEncodedString& s);

  private:
    std::vector<uint8_t> m_buf;
};

/**
 * \ingroup mms-codec
 * \brief Lower-case hex of a byte string, no separators.
 * \param bytes the octets
 * \return two hex digits per octet
 */
std::string MmsWspToHex(const std::vector<uint8_t>& bytes);
/**
 * \ingroup mms-codec
 * \brief Parse hex text (test vectors, corpus files), ignoring white space.
 * \param text hex digits in either case, white space and line breaks anywhere
 * \param out receives the octets (cleared first)
 * \param error if not nullptr, receives "line L, column C: 'x' is not a hex digit" or "odd
 * number of hex digits" on failure
 * \return false on a bad digit or an odd number of digits
 */
bool MmsWspFromHex(const std::string& text,
                   std::vector<uint8_t>& out,
                   std::string* error = nullptr);

} // namespace ns3

#endif /* MMS_WSP_CODEC_H */
