/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WSP_CODEC_H
#define MMS_WSP_CODEC_H

// WSP primitive data types (WAP-230 section 8.4) as used by MMS (OMA MMS ENC 1.0-1.3).
// Plain C++: no ns-3, no globals, no exceptions. Decoding never reads outside its buffer; the
// first error is kept with the offset where it happened and every later read returns a neutral
// value, so a decoder can be written as straight-line code and checked once at the end.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * What went wrong while decoding, and where.
 */
struct MmsDecodeError
{
    std::size_t offset{0}; //!< offset of the offending octet from the start of the input
    std::string field;     //!< the field being decoded, by its spec name
    std::string message;   //!< what is wrong

    /// "offset 12 (X-Mms-Expiry): value length 40 exceeds the 3 octets left"
    std::string ToString() const;
};

/**
 * \ingroup mms
 * A tolerated deviation from the specification, noted while decoding.
 */
struct MmsDecodeWarning
{
    std::size_t offset{0}; //!< where the deviation was found
    std::string message;   //!< what was tolerated
};

/// Proleptic Gregorian calendar (H. Hinnant's algorithms), for the dates PDUs carry.
struct MmsUtcDate
{
    int64_t year{1970};
    unsigned month{1};  //!< 1..12
    unsigned day{1};    //!< 1..31
    unsigned hour{0};   //!< 0..23
    unsigned minute{0}; //!< 0..59
    unsigned second{0}; //!< 0..59

    /// Days since 1970-01-01 of a date.
    static int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
    /// The date and time of a Unix time (seconds).
    static MmsUtcDate FromUnix(int64_t seconds);
    /// Unix seconds of this date and time.
    int64_t ToUnix() const;
};

/**
 * \ingroup mms
 * An Encoded-string-value: a text with an optional character set (IANA MIBenum).
 * The octets are kept as they are on the wire (no conversion).
 */
struct MmsWspEncodedString
{
    uint32_t charset{0}; //!< IANA MIBenum; 0 = none given (plain Text-string form)
    std::string text;    //!< the octets, without the terminating NUL

    bool operator==(const MmsWspEncodedString& o) const
    {
        return charset == o.charset && text == o.text;
    }

    bool operator!=(const MmsWspEncodedString& o) const
    {
        return !(*this == o);
    }

    /// The text converted to UTF-8 (us-ascii, iso-8859-1, utf-8, utf-16 with BOM or big-endian,
    /// ucs-2); other charsets are returned unchanged.
    std::string ToUtf8() const;
};

/// IANA MIBenum values of the character sets MMS uses.
namespace MmsWspCharset
{
constexpr uint32_t US_ASCII = 3;
constexpr uint32_t ISO_8859_1 = 4;
constexpr uint32_t UTF_8 = 106;
constexpr uint32_t UCS_2 = 1000;
constexpr uint32_t UTF_16 = 1015;
const char* Name(uint32_t mibEnum);         //!< "utf-8", ...; nullptr if unknown
uint32_t FromName(const std::string& name); //!< 0 if unknown (case-insensitive)
} // namespace MmsWspCharset

/**
 * \ingroup mms
 * A bounds-checked reader over a byte buffer with sticky errors.
 */
class MmsWspReader
{
  public:
    /**
     * \param data the buffer (not copied; must outlive the reader)
     * \param size its length
     * \param baseOffset offset of data[0] in the whole input, for error messages
     */
    MmsWspReader(const uint8_t* data, std::size_t size, std::size_t baseOffset = 0);

    bool Ok() const;                     //!< no error so far
    const MmsDecodeError& GetError() const; //!< the first error
    /// Record an error at the current offset, unless one is already recorded.
    void Fail(const std::string& field, const std::string& message);
    /// Record an error at a given absolute offset, unless one is already recorded.
    void FailAt(std::size_t offset, const std::string& field, const std::string& message);
    /// Note a tolerated deviation at the current offset.
    void Warn(const std::string& message);
    const std::vector<MmsDecodeWarning>& GetWarnings() const;

    std::size_t GetOffset() const;    //!< absolute offset of the next octet
    std::size_t GetRemaining() const; //!< octets left (0 after an error)
    bool IsAtEnd() const;             //!< nothing left, or an error

    /// Next octet without consuming it; 0 at the end (and no error).
    uint8_t PeekOctet() const;
    uint8_t ReadOctet(const char* field);
    /// Copy n octets; fails (and returns empty) if fewer are left.
    std::vector<uint8_t> ReadBytes(std::size_t n, const char* field);
    void Skip(std::size_t n, const char* field);
    /// A reader over the next n octets (this reader moves past them). Errors and warnings of
    /// the sub-reader are not merged automatically: call Absorb(sub) when done with it.
    MmsWspReader ReadSub(std::size_t n, const char* field);
    /// Take over the error (if any) and warnings of a sub-reader.
    void Absorb(const MmsWspReader& sub);
    /// Pointer to the next octet (valid for GetRemaining() octets).
    const uint8_t* Current() const;

    /// Uintvar: up to 5 octets, value must fit 32 bits.
    uint32_t ReadUintvar(const char* field);
    /// Short-integer: one octet with the top bit set; returns 0..127.
    uint8_t ReadShortInteger(const char* field);
    /// Long-integer: Short-length (1..30) then that many octets, big-endian; up to 8 octets
    /// fit the result, longer ones fail.
    uint64_t ReadLongInteger(const char* field);
    /// Integer-value: Short-integer or Long-integer.
    uint64_t ReadIntegerValue(const char* field);
    /// Value-length: 0..30 in one octet, or 31 followed by a Uintvar. Fails if the length
    /// exceeds what is left.
    uint32_t ReadValueLength(const char* field);
    /// Text-string: optional Quote (0x7F), octets, NUL. A missing NUL at the end of the buffer
    /// is tolerated with a warning.
    std::string ReadTextString(const char* field);
    /// Quoted-string: 0x22, octets, NUL; returns the text without the quote.
    std::string ReadQuotedString(const char* field);
    /// Encoded-string-value: Text-string, or Value-length Char-set Text-string.
    MmsWspEncodedString ReadEncodedString(const char* field);
    /// Is the next octet the start of a Text-string (0x20..0x7F or NUL)?
    bool PeekIsText() const;
    /// Is the next octet a Value-length (0..31)?
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
 * \ingroup mms
 * Encodes WSP primitives into a growing buffer.
 */
class MmsWspWriter
{
  public:
    void WriteOctet(uint8_t v);
    void WriteBytes(const uint8_t* data, std::size_t n);
    void WriteBytes(const std::vector<uint8_t>& data);
    void WriteUintvar(uint32_t v);
    void WriteShortInteger(uint8_t v);  //!< v <= 127
    void WriteLongInteger(uint64_t v);  //!< minimal number of octets (at least 1)
    void WriteIntegerValue(uint64_t v); //!< short form when v <= 127
    void WriteValueLength(uint32_t len);
    /// Text-string: a Quote is added when NeedsQuote(); then the octets and the NUL.
    void WriteTextString(const std::string& s);
    void WriteQuotedString(const std::string& s);
    /// Plain Text-string when charset is 0, else the Value-length + Char-set form.
    void WriteEncodedString(const MmsWspEncodedString& s);

    const std::vector<uint8_t>& GetBuffer() const;
    std::vector<uint8_t>& GetBuffer();
    std::size_t GetSize() const;

    /// True when a Text-string must start with the Quote: first octet >= 0x7F or < 0x20.
    static bool NeedsQuote(const std::string& s);
    static std::size_t UintvarSize(uint32_t v);
    static std::size_t LongIntegerSize(uint64_t v); //!< including the Short-length octet
    static std::size_t IntegerValueSize(uint64_t v);
    static std::size_t ValueLengthSize(uint32_t len);
    static std::size_t TextStringSize(const std::string& s);
    static std::size_t EncodedStringSize(const MmsWspEncodedString& s);

  private:
    std::vector<uint8_t> m_buf;
};

/// Lower-case hex of a byte string, no separators.
std::string MmsWspToHex(const std::vector<uint8_t>& bytes);
/// Parse hex text, ignoring white space; false (and a message) on a bad digit or odd count.
bool MmsWspFromHex(const std::string& text, std::vector<uint8_t>& out, std::string* error = nullptr);

} // namespace ns3

#endif /* MMS_WSP_CODEC_H */
