/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wsp-codec.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace ns3
{

std::string
MmsDecodeError::ToString() const
{
    std::ostringstream os;
    os << "offset " << offset;
    if (!field.empty())
    {
        os << " (" << field << ")";
    }
    os << ": " << message;
    return os.str();
}

namespace
{

void
AppendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80)
    {
        out.push_back(static_cast<char>(cp));
    }
    else if (cp < 0x800)
    {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    else if (cp < 0x10000)
    {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    else
    {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string
Utf16ToUtf8(const std::string& in, bool allowBom)
{
    std::size_t i = 0;
    bool little = false;
    if (allowBom && in.size() >= 2)
    {
        auto b0 = static_cast<uint8_t>(in[0]);
        auto b1 = static_cast<uint8_t>(in[1]);
        if (b0 == 0xFF && b1 == 0xFE)
        {
            little = true;
            i = 2;
        }
        else if (b0 == 0xFE && b1 == 0xFF)
        {
            i = 2;
        }
    }
    std::string out;
    while (i + 1 < in.size())
    {
        auto a = static_cast<uint8_t>(in[i]);
        auto b = static_cast<uint8_t>(in[i + 1]);
        uint32_t unit = little ? (b << 8 | a) : (a << 8 | b);
        i += 2;
        if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < in.size())
        {
            auto c = static_cast<uint8_t>(in[i]);
            auto d = static_cast<uint8_t>(in[i + 1]);
            uint32_t low = little ? (d << 8 | c) : (c << 8 | d);
            if (low >= 0xDC00 && low < 0xE000)
            {
                i += 2;
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            }
        }
        AppendUtf8(out, unit);
    }
    return out;
}

} // namespace

std::string
MmsWspEncodedString::ToUtf8() const
{
    switch (charset)
    {
        case MmsWspCharset::ISO_8859_1:
        {
            std::string out;
            for (char c : text)
            {
                AppendUtf8(out, static_cast<uint8_t>(c));
            }
            return out;
        }
        case MmsWspCharset::UTF_16:
            return Utf16ToUtf8(text, true);
        case MmsWspCharset::UCS_2:
            return Utf16ToUtf8(text, false);
        default:
            return text; // us-ascii, utf-8, none, and charsets we do not convert
    }
}

namespace MmsWspCharset
{

namespace
{
struct CharsetName
{
    uint32_t mib;
    const char* name;
};

// IANA character-set registry MIBenum values (the ones MMS PDUs carry).
const CharsetName g_charsets[] = {
    {3, "us-ascii"},
    {4, "iso-8859-1"},
    {5, "iso-8859-2"},
    {6, "iso-8859-3"},
    {7, "iso-8859-4"},
    {8, "iso-8859-5"},
    {9, "iso-8859-6"},
    {10, "iso-8859-7"},
    {11, "iso-8859-8"},
    {12, "iso-8859-9"},
    {17, "shift_jis"},
    {106, "utf-8"},
    {1000, "iso-10646-ucs-2"},
    {1015, "utf-16"},
    {2026, "big5"},
    {2025, "gb2312"},
};
} // namespace

const char*
Name(uint32_t mibEnum)
{
    for (const auto& c : g_charsets)
    {
        if (c.mib == mibEnum)
        {
            return c.name;
        }
    }
    return nullptr;
}

uint32_t
FromName(const std::string& name)
{
    std::string lower = name;
    std::transform(lower.begin(),
                   lower.end(),
                   lower.begin(),
                   [](unsigned char c)
                   {
                       return static_cast<char>(std::tolower(c));
                   });
    for (const auto& c : g_charsets)
    {
        if (lower == c.name)
        {
            return c.mib;
        }
    }
    return 0;
}

} // namespace MmsWspCharset

// -------------------------------------------------------------------------------- MmsWspReader

MmsWspReader::MmsWspReader(const uint8_t* data, std::size_t size, std::size_t baseOffset)
    : m_data(data)
    , m_size(data ? size : 0)
    , m_base(baseOffset)
{
}

bool
MmsWspReader::Ok() const
{
    return m_ok;
}

const MmsDecodeError&
MmsWspReader::GetError() const
{
    return m_error;
}

void
MmsWspReader::Fail(const std::string& field, const std::string& message)
{
    FailAt(GetOffset(), field, message);
}

void
MmsWspReader::FailAt(std::size_t offset, const std::string& field, const std::string& message)
{
    if (!m_ok)
    {
        return;
    }
    m_ok = false;
    m_error.offset = offset;
    m_error.field = field;
    m_error.message = message;
}

void
MmsWspReader::Warn(const std::string& message)
{
    m_warnings.push_back(MmsDecodeWarning{GetOffset(), message});
}

const std::vector<MmsDecodeWarning>&
MmsWspReader::GetWarnings() const
{
    return m_warnings;
}

std::size_t
MmsWspReader::GetOffset() const
{
    return m_base + m_pos;
}

std::size_t
MmsWspReader::GetRemaining() const
{
    return m_ok ? m_size - m_pos : 0;
}

bool
MmsWspReader::IsAtEnd() const
{
    return GetRemaining() == 0;
}

uint8_t
MmsWspReader::PeekOctet() const
{
    return GetRemaining() > 0 ? m_data[m_pos] : 0;
}

const uint8_t*
MmsWspReader::Current() const
{
    return m_data ? m_data + m_pos : nullptr;
}

uint8_t
MmsWspReader::ReadOctet(const char* field)
{
    if (!m_ok)
    {
        return 0;
    }
    if (m_pos >= m_size)
    {
        Fail(field, "unexpected end of data");
        return 0;
    }
    return m_data[m_pos++];
}

std::vector<uint8_t>
MmsWspReader::ReadBytes(std::size_t n, const char* field)
{
    if (!m_ok)
    {
        return {};
    }
    if (n > m_size - m_pos)
    {
        std::ostringstream os;
        os << "needs " << n << " octets but only " << (m_size - m_pos) << " are left";
        Fail(field, os.str());
        return {};
    }
    std::vector<uint8_t> out(m_data + m_pos, m_data + m_pos + n);
    m_pos += n;
    return out;
}

void
MmsWspReader::Skip(std::size_t n, const char* field)
{
    if (!m_ok)
    {
        return;
    }
    if (n > m_size - m_pos)
    {
        std::ostringstream os;
        os << "needs " << n << " octets but only " << (m_size - m_pos) << " are left";
        Fail(field, os.str());
        return;
    }
    m_pos += n;
}

MmsWspReader
MmsWspReader::ReadSub(std::size_t n, const char* field)
{
    if (!m_ok || n > m_size - m_pos)
    {
        if (m_ok)
        {
            std::ostringstream os;
            os << "needs " << n << " octets but only " << (m_size - m_pos) << " are left";
            Fail(field, os.str());
        }
        MmsWspReader empty(nullptr, 0, GetOffset());
        empty.m_ok = false;
        empty.m_error = m_error;
        return empty;
    }
    MmsWspReader sub(m_data + m_pos, n, GetOffset());
    m_pos += n;
    return sub;
}

void
MmsWspReader::Absorb(const MmsWspReader& sub)
{
    m_warnings.insert(m_warnings.end(), sub.m_warnings.begin(), sub.m_warnings.end());
    if (!sub.m_ok && m_ok)
    {
        m_ok = false;
        m_error = sub.m_error;
    }
}

uint32_t
MmsWspReader::ReadUintvar(const char* field)
{
    std::size_t start = GetOffset();
    uint64_t value = 0;
    for (int i = 0; i < 5; ++i)
    {
        if (!m_ok)
        {
            return 0;
        }
        if (m_pos >= m_size)
        {
            FailAt(start, field, "Uintvar runs past the end of data");
            return 0;
        }
        uint8_t o = m_data[m_pos++];
        value = (value << 7) | (o & 0x7F);
        if ((o & 0x80) == 0)
        {
            if (value > 0xFFFFFFFFull)
            {
                FailAt(start, field, "Uintvar exceeds 32 bits");
                return 0;
            }
            return static_cast<uint32_t>(value);
        }
    }
    FailAt(start, field, "Uintvar longer than 5 octets");
    return 0;
}

uint8_t
MmsWspReader::ReadShortInteger(const char* field)
{
    std::size_t start = GetOffset();
    uint8_t o = ReadOctet(field);
    if (m_ok && (o & 0x80) == 0)
    {
        std::ostringstream os;
        os << "expected a Short-integer (octet >= 0x80), found 0x" << std::hex << unsigned(o);
        FailAt(start, field, os.str());
        return 0;
    }
    return o & 0x7F;
}

uint64_t
MmsWspReader::ReadLongInteger(const char* field)
{
    std::size_t start = GetOffset();
    uint8_t len = ReadOctet(field);
    if (!m_ok)
    {
        return 0;
    }
    if (len == 0 || len > 30)
    {
        std::ostringstream os;
        os << "Long-integer length " << unsigned(len) << " is not in 1..30";
        FailAt(start, field, os.str());
        return 0;
    }
    if (len > 8)
    {
        std::ostringstream os;
        os << "Long-integer of " << unsigned(len) << " octets does not fit 64 bits";
        FailAt(start, field, os.str());
        return 0;
    }
    if (len > m_size - m_pos)
    {
        std::ostringstream os;
        os << "Long-integer of " << unsigned(len) << " octets but only " << (m_size - m_pos)
           << " are left";
        FailAt(start, field, os.str());
        return 0;
    }
    uint64_t v = 0;
    for (uint8_t i = 0; i < len; ++i)
    {
        v = (v << 8) | m_data[m_pos++];
    }
    return v;
}

uint64_t
MmsWspReader::ReadIntegerValue(const char* field)
{
    if (!m_ok)
    {
        return 0;
    }
    if (PeekOctet() & 0x80)
    {
        return ReadShortInteger(field);
    }
    return ReadLongInteger(field);
}

uint32_t
MmsWspReader::ReadValueLength(const char* field)
{
    std::size_t start = GetOffset();
    uint8_t o = ReadOctet(field);
    if (!m_ok)
    {
        return 0;
    }
    uint32_t len = 0;
    if (o <= 30)
    {
        len = o;
    }
    else if (o == 31)
    {
        len = ReadUintvar(field);
        if (!m_ok)
        {
            return 0;
        }
    }
    else
    {
        std::ostringstream os;
        os << "expected a Value-length (octet <= 31), found 0x" << std::hex << unsigned(o);
        FailAt(start, field, os.str());
        return 0;
    }
    if (len > m_size - m_pos)
    {
        std::ostringstream os;
        os << "value length " << len << " exceeds the " << (m_size - m_pos) << " octets left";
        FailAt(start, field, os.str());
        return 0;
    }
    return len;
}

std::string
MmsWspReader::ReadTextString(const char* field)
{
    if (!m_ok)
    {
        return {};
    }
    if (m_pos >= m_size)
    {
        Fail(field, "expected a Text-string, found the end of data");
        return {};
    }
    if (m_data[m_pos] == 0x7F)
    {
        ++m_pos; // Quote
    }
    const uint8_t* begin = m_data + m_pos;
    const uint8_t* end = m_data + m_size;
    const uint8_t* nul = std::find(begin, end, uint8_t{0});
    std::string s(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(nul - begin));
    if (nul == end)
    {
        m_pos = m_size;
        Warn(std::string(field) + ": Text-string has no terminating NUL before the end of data");
    }
    else
    {
        m_pos += s.size() + 1;
    }
    return s;
}

std::string
MmsWspReader::ReadQuotedString(const char* field)
{
    if (!m_ok)
    {
        return {};
    }
    if (PeekOctet() != 0x22)
    {
        Fail(field, "expected a Quoted-string (0x22)");
        return {};
    }
    ++m_pos;
    const uint8_t* begin = m_data + m_pos;
    const uint8_t* end = m_data + m_size;
    const uint8_t* nul = std::find(begin, end, uint8_t{0});
    std::string s(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(nul - begin));
    if (nul == end)
    {
        m_pos = m_size;
        Warn(std::string(field) + ": Quoted-string has no terminating NUL before the end of data");
    }
    else
    {
        m_pos += s.size() + 1;
    }
    return s;
}

MmsWspEncodedString
MmsWspReader::ReadEncodedString(const char* field)
{
    MmsWspEncodedString out;
    if (!m_ok)
    {
        return out;
    }
    if (m_pos >= m_size)
    {
        Fail(field, "expected an Encoded-string-value, found the end of data");
        return out;
    }
    if (!PeekIsValueLength())
    {
        out.text = ReadTextString(field);
        return out;
    }
    uint32_t len = ReadValueLength(field);
    MmsWspReader sub = ReadSub(len, field);
    out.charset = static_cast<uint32_t>(sub.ReadIntegerValue(field));
    if (sub.Ok() && sub.IsAtEnd())
    {
        // Only a charset: an empty string written without its NUL.
        sub.Warn(std::string(field) + ": Encoded-string-value has a charset but no text");
    }
    else
    {
        out.text = sub.ReadTextString(field);
        if (sub.Ok() && !sub.IsAtEnd())
        {
            sub.Warn(std::string(field) + ": octets after the text inside the value length");
        }
    }
    Absorb(sub);
    return out;
}

bool
MmsWspReader::PeekIsText() const
{
    if (GetRemaining() == 0)
    {
        return false;
    }
    uint8_t o = m_data[m_pos];
    return o == 0 || (o >= 0x20 && o <= 0x7F);
}

bool
MmsWspReader::PeekIsValueLength() const
{
    return GetRemaining() > 0 && m_data[m_pos] <= 31 && m_data[m_pos] != 0;
}

// -------------------------------------------------------------------------------- MmsWspWriter

bool
MmsWspWriter::NeedsQuote(const std::string& s)
{
    // The Quote is required before an octet >= 0x80. An initial 0x7F (read back as the Quote
    // itself) and an initial control octet (read back as a Value-length or a short-cut shift)
    // get one too, so that whatever was decoded encodes back to the same value.
    if (s.empty())
    {
        return false;
    }
    auto first = static_cast<uint8_t>(s[0]);
    return first >= 0x7F || first < 0x20;
}

void
MmsWspWriter::WriteOctet(uint8_t v)
{
    m_buf.push_back(v);
}

void
MmsWspWriter::WriteBytes(const uint8_t* data, std::size_t n)
{
    if (n > 0)
    {
        m_buf.insert(m_buf.end(), data, data + n);
    }
}

void
MmsWspWriter::WriteBytes(const std::vector<uint8_t>& data)
{
    m_buf.insert(m_buf.end(), data.begin(), data.end());
}

void
MmsWspWriter::WriteUintvar(uint32_t v)
{
    uint8_t tmp[5];
    int n = 0;
    do
    {
        tmp[n++] = v & 0x7F;
        v >>= 7;
    } while (v != 0);
    for (int i = n - 1; i >= 0; --i)
    {
        m_buf.push_back(static_cast<uint8_t>(tmp[i] | (i > 0 ? 0x80 : 0x00)));
    }
}

void
MmsWspWriter::WriteShortInteger(uint8_t v)
{
    m_buf.push_back(static_cast<uint8_t>(0x80 | (v & 0x7F)));
}

void
MmsWspWriter::WriteLongInteger(uint64_t v)
{
    std::size_t n = LongIntegerSize(v) - 1;
    m_buf.push_back(static_cast<uint8_t>(n));
    for (std::size_t i = n; i > 0; --i)
    {
        m_buf.push_back(static_cast<uint8_t>(v >> (8 * (i - 1))));
    }
}

void
MmsWspWriter::WriteIntegerValue(uint64_t v)
{
    if (v <= 127)
    {
        WriteShortInteger(static_cast<uint8_t>(v));
    }
    else
    {
        WriteLongInteger(v);
    }
}

void
MmsWspWriter::WriteValueLength(uint32_t len)
{
    if (len <= 30)
    {
        m_buf.push_back(static_cast<uint8_t>(len));
    }
    else
    {
        m_buf.push_back(31);
        WriteUintvar(len);
    }
}

void
MmsWspWriter::WriteTextString(const std::string& s)
{
    if (NeedsQuote(s))
    {
        m_buf.push_back(0x7F);
    }
    m_buf.insert(m_buf.end(), s.begin(), s.end());
    m_buf.push_back(0);
}

void
MmsWspWriter::WriteQuotedString(const std::string& s)
{
    m_buf.push_back(0x22);
    m_buf.insert(m_buf.end(), s.begin(), s.end());
    m_buf.push_back(0);
}

void
MmsWspWriter::WriteEncodedString(const MmsWspEncodedString& s)
{
    if (s.charset == 0)
    {
        WriteTextString(s.text);
        return;
    }
    WriteValueLength(static_cast<uint32_t>(IntegerValueSize(s.charset) + TextStringSize(s.text)));
    WriteIntegerValue(s.charset);
    WriteTextString(s.text);
}

const std::vector<uint8_t>&
MmsWspWriter::GetBuffer() const
{
    return m_buf;
}

std::vector<uint8_t>&
MmsWspWriter::GetBuffer()
{
    return m_buf;
}

std::size_t
MmsWspWriter::GetSize() const
{
    return m_buf.size();
}

std::size_t
MmsWspWriter::UintvarSize(uint32_t v)
{
    std::size_t n = 1;
    while (v >= 0x80)
    {
        v >>= 7;
        ++n;
    }
    return n;
}

std::size_t
MmsWspWriter::LongIntegerSize(uint64_t v)
{
    std::size_t n = 1;
    while (n < 8 && (v >> (8 * n)) != 0)
    {
        ++n;
    }
    return n + 1;
}

std::size_t
MmsWspWriter::IntegerValueSize(uint64_t v)
{
    return v <= 127 ? 1 : LongIntegerSize(v);
}

std::size_t
MmsWspWriter::ValueLengthSize(uint32_t len)
{
    return len <= 30 ? 1 : 1 + UintvarSize(len);
}

std::size_t
MmsWspWriter::TextStringSize(const std::string& s)
{
    return s.size() + 1 + (NeedsQuote(s) ? 1 : 0);
}

std::size_t
MmsWspWriter::EncodedStringSize(const MmsWspEncodedString& s)
{
    if (s.charset == 0)
    {
        return TextStringSize(s.text);
    }
    auto len = static_cast<uint32_t>(IntegerValueSize(s.charset) + TextStringSize(s.text));
    return ValueLengthSize(len) + len;
}

std::string
MmsWspToHex(const std::vector<uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (uint8_t b : bytes)
    {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

bool
MmsWspFromHex(const std::string& text, std::vector<uint8_t>& out, std::string* error)
{
    out.clear();
    int high = -1;
    std::size_t line = 1;
    std::size_t column = 0;
    for (char c : text)
    {
        ++column;
        if (c == '\n')
        {
            ++line;
            column = 0;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c)))
        {
            continue;
        }
        int v;
        if (c >= '0' && c <= '9')
        {
            v = c - '0';
        }
        else if (c >= 'a' && c <= 'f')
        {
            v = c - 'a' + 10;
        }
        else if (c >= 'A' && c <= 'F')
        {
            v = c - 'A' + 10;
        }
        else
        {
            if (error)
            {
                std::ostringstream os;
                os << "line " << line << ", column " << column << ": '" << c
                   << "' is not a hex digit";
                *error = os.str();
            }
            return false;
        }
        if (high < 0)
        {
            high = v;
        }
        else
        {
            out.push_back(static_cast<uint8_t>(high << 4 | v));
            high = -1;
        }
    }
    if (high >= 0)
    {
        if (error)
        {
            *error = "odd number of hex digits";
        }
        return false;
    }
    return true;
}

int64_t
MmsUtcDate::DaysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

MmsUtcDate
MmsUtcDate::FromUnix(int64_t t)
{
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int64_t secs = t - days * 86400;
    int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    MmsUtcDate out;
    out.day = doy - (153 * mp + 2) / 5 + 1;
    out.month = mp < 10 ? mp + 3 : mp - 9;
    out.year = static_cast<int64_t>(yoe) + era * 400 + (out.month <= 2);
    out.hour = static_cast<unsigned>(secs / 3600);
    out.minute = static_cast<unsigned>(secs / 60 % 60);
    out.second = static_cast<unsigned>(secs % 60);
    return out;
}

int64_t
MmsUtcDate::ToUnix() const
{
    return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

} // namespace ns3
