/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Where the facts come from (3GPP TS 23.040 unless said otherwise):
//  9.1.2.3   semi-octet representation (digits low nibble first, 0xF filler)
//  9.1.2.5   address fields: length in useful semi-octets, type-of-address octet
//            (1 TON(3) NPI(4)), TON 5 = alphanumeric in GSM 7-bit packing
//  9.2.2.1   SMS-DELIVER: MTI MMS LP - - SRI UDHI RP, OA, PID, DCS, SCTS, UDL, UD
//  9.2.2.1a  SMS-DELIVER-REPORT: MTI UDHI, [FCS], PI, [PID], [DCS], [UDL, UD];
//            TP-UD 0..159 octets (RP-ACK), 0..158 (RP-ERROR)
//  9.2.2.2   SMS-SUBMIT: MTI RD VPF SRR UDHI RP, MR, DA, PID, DCS, [VP], UDL, UD
//  9.2.3.11  TP-SCTS: seven octets of swapped BCD semi-octets (tens digit in the low nibble);
//            bit 3 of the time-zone octet is the sign, the zone in quarters of an hour
//  9.2.3.12.1 relative TP-VP; 9.2.3.12.2/.3 absolute and enhanced (7 octets, skipped here)
//  9.2.3.16  TP-UDL: septets for uncompressed GSM 7-bit data, octets otherwise
//  9.2.3.24  TP-UD with a user data header: first octet UDHL
//  9.2.3.27  TP-PI: bit 0 PID, bit 1 DCS, bit 2 UDL present; bit 7 another TP-PI follows;
//            TP-UDL without TP-DCS means TP-DCS 0x00
//  TS 23.038 4 (data coding scheme groups), 6.2.1 and 6.2.1.1 (GSM 7-bit default alphabet and
//            its extension table)

#include "mms-sms-tpdu.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace ns3
{

namespace
{

/// A bounds-checked position in a TPDU; failures go to the caller's MmsDecodeError.
class Cursor
{
  public:
    Cursor(const uint8_t* data, std::size_t size, MmsDecodeError& error)
        : m_data(data)
        , m_size(size)
        , m_error(error)
    {
    }

    /// Record an error; always returns false.
    bool Fail(std::size_t offset, const std::string& field, const std::string& message)
    {
        m_error.offset = offset;
        m_error.field = field;
        m_error.message = message;
        return false;
    }

    /// True if n more octets are there; otherwise fails, naming the field.
    bool Need(std::size_t n, const char* field)
    {
        if (Remaining() >= n)
        {
            return true;
        }
        if (Remaining() == 0)
        {
            return Fail(m_pos, field, "missing: the TPDU ends here");
        }
        std::ostringstream os;
        os << n << " octets needed, " << Remaining() << " present";
        return Fail(m_pos, field, os.str());
    }

    /// Read one octet into `out`; false (failing, naming the field) if the TPDU has ended.
    bool ReadOctet(const char* field, uint8_t& out)
    {
        if (!Need(1, field))
        {
            return false;
        }
        out = m_data[m_pos++];
        return true;
    }

    /// The next octet (call Need first).
    uint8_t Octet()
    {
        return m_data[m_pos++];
    }

    /// Pointer to the next octet (valid for Remaining() octets).
    const uint8_t* Here() const
    {
        return m_pos == 0 ? m_data : m_data + m_pos;
    }

    void Skip(std::size_t n)
    {
        m_pos += n;
    }

    std::size_t Offset() const
    {
        return m_pos;
    }

    std::size_t Remaining() const
    {
        return m_size - m_pos;
    }

    /// Fails if anything follows the last field.
    bool End()
    {
        if (Remaining() == 0)
        {
            return true;
        }
        std::ostringstream os;
        os << Remaining() << " octet" << (Remaining() == 1 ? "" : "s")
           << " after the end of the TPDU";
        return Fail(m_pos, "TP-UD", os.str());
    }

  private:
    const uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos{0};
    MmsDecodeError& m_error;
};

std::string
HexOctet(uint8_t v)
{
    static const char* hex = "0123456789abcdef";
    return std::string("0x") + hex[v >> 4] + hex[v & 0x0F];
}

// ------------------------------------------------------------------ GSM 7-bit default alphabet

/// TS 23.038 6.2.1: the characters of the septets 0x00-0x7F (0x1B, the escape, is 0).
const uint16_t GSM_BASIC[128] = {
    0x0040, 0x00A3, 0x0024, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, // @ £ $ ¥ è é ù ì
    0x00F2, 0x00C7, 0x000A, 0x00D8, 0x00F8, 0x000D, 0x00C5, 0x00E5, // ò Ç LF Ø ø CR Å å
    0x0394, 0x005F, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8, // Δ _ Φ Γ Λ Ω Π Ψ
    0x03A3, 0x0398, 0x039E, 0x0000, 0x00C6, 0x00E6, 0x00DF, 0x00C9, // Σ Θ Ξ ESC Æ æ ß É
    0x0020, 0x0021, 0x0022, 0x0023, 0x00A4, 0x0025, 0x0026, 0x0027, // space ! " # ¤ % & '
    0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F, // ( ) * + , - . /
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, // 0-7
    0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F, // 8 9 : ; < = > ?
    0x00A1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047, // ¡ A-G
    0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F, // H-O
    0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057, // P-W
    0x0058, 0x0059, 0x005A, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7, // X Y Z Ä Ö Ñ Ü §
    0x00BF, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, // ¿ a-g
    0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F, // h-o
    0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077, // p-w
    0x0078, 0x0079, 0x007A, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0, // x y z ä ö ñ ü à
};

constexpr uint8_t GSM_ESCAPE = 0x1B;

/// TS 23.038 6.2.1.1: the extension table (after the escape): septet, character.
const std::pair<uint8_t, uint16_t> GSM_EXTENSION[] = {
    {0x0A, 0x000C}, // form feed
    {0x14, 0x005E}, // ^
    {0x28, 0x007B}, // {
    {0x29, 0x007D}, // }
    {0x2F, 0x005C}, // backslash
    {0x3C, 0x005B}, // [
    {0x3D, 0x007E}, // ~
    {0x3E, 0x005D}, // ]
    {0x40, 0x007C}, // |
    {0x65, 0x20AC}, // euro sign
};

void
AppendUtf8(std::string& s, uint32_t cp)
{
    if (cp < 0x80)
    {
        s += static_cast<char>(cp);
    }
    else if (cp < 0x800)
    {
        s += static_cast<char>(0xC0 | cp >> 6);
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else
    {
        s += static_cast<char>(0xE0 | cp >> 12);
        s += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The next code point of UTF-8 text; 0xFFFD (one octet consumed) where it is malformed.
uint32_t
NextUtf8(const std::string& s, std::size_t& i)
{
    auto b = static_cast<uint8_t>(s[i]);
    std::size_t n;
    uint32_t cp;
    if (b < 0x80)
    {
        ++i;
        return b;
    }
    if ((b & 0xE0) == 0xC0)
    {
        n = 1;
        cp = b & 0x1F;
    }
    else if ((b & 0xF0) == 0xE0)
    {
        n = 2;
        cp = b & 0x0F;
    }
    else if ((b & 0xF8) == 0xF0)
    {
        n = 3;
        cp = b & 0x07;
    }
    else
    {
        ++i;
        return 0xFFFD;
    }
    if (i + n >= s.size())
    {
        ++i;
        return 0xFFFD;
    }
    for (std::size_t k = 1; k <= n; ++k)
    {
        auto x = static_cast<uint8_t>(s[i + k]);
        if ((x & 0xC0) != 0x80)
        {
            ++i;
            return 0xFFFD;
        }
        cp = cp << 6 | (x & 0x3F);
    }
    i += n + 1;
    return cp;
}

/// UTF-8 text to GSM septets (escapes included); characters outside the alphabet become '?'.
/// Stops before a character that would make it longer than maxSeptets.
std::vector<uint8_t>
ToGsm(const std::string& text, std::size_t maxSeptets)
{
    std::vector<uint8_t> out;
    std::size_t i = 0;
    while (i < text.size())
    {
        uint32_t cp = NextUtf8(text, i);
        std::vector<uint8_t> c;
        for (uint8_t v = 0; v < 128 && c.empty(); ++v)
        {
            if (v != GSM_ESCAPE && GSM_BASIC[v] == cp)
            {
                c.push_back(v);
            }
        }
        for (const auto& e : GSM_EXTENSION)
        {
            if (c.empty() && e.second == cp)
            {
                c = {GSM_ESCAPE, e.first};
            }
        }
        if (c.empty())
        {
            c.push_back(0x3F); // '?'
        }
        if (out.size() + c.size() > maxSeptets)
        {
            break;
        }
        out.insert(out.end(), c.begin(), c.end());
    }
    return out;
}

/// GSM 7-bit packing (TS 23.038 6.1.2.1.1): septet i starts at bit 7 * i, least significant
/// bit first.
std::vector<uint8_t>
PackSeptets(const std::vector<uint8_t>& septets)
{
    std::vector<uint8_t> out((septets.size() * 7 + 7) / 8, 0);
    for (std::size_t i = 0; i < septets.size(); ++i)
    {
        std::size_t bit = i * 7;
        unsigned shift = bit % 8;
        unsigned v = septets[i] & 0x7F;
        out[bit / 8] |= static_cast<uint8_t>(v << shift);
        if (shift > 1)
        {
            out[bit / 8 + 1] |= static_cast<uint8_t>(v >> (8 - shift));
        }
    }
    return out;
}

/// Septet i of packed data (the caller makes sure that 7 * (i + 1) bits are there).
uint8_t
UnpackSeptet(const uint8_t* d, std::size_t i)
{
    std::size_t bit = i * 7;
    unsigned shift = bit % 8;
    unsigned v = d[bit / 8] >> shift;
    if (shift > 1)
    {
        v |= static_cast<unsigned>(d[bit / 8 + 1]) << (8 - shift);
    }
    return static_cast<uint8_t>(v & 0x7F);
}

// ---------------------------------------------------------------------------- address fields

const std::string DIAL_DIGITS = "0123456789*#abc"; // semi-octets 0x0-0xE (9.1.2.3)

/// "+" then digits, or digits: what a numeric address looks like as text.
bool
IsNumberText(const std::string& text)
{
    std::size_t i = !text.empty() && text[0] == '+' ? 1 : 0;
    for (; i < text.size(); ++i)
    {
        if (DIAL_DIGITS.find(text[i]) == std::string::npos)
        {
            return false;
        }
    }
    return true;
}

/// The type-of-address octet Encode writes for this text and hint (see MmsSmsDeliver).
uint8_t
AddressType(const std::string& text, uint8_t hint)
{
    unsigned hintTon = (hint >> 4) & 0x07;
    unsigned ton;
    if ((hint != 0 && hintTon == 5) || !IsNumberText(text))
    {
        ton = 5; // alphanumeric
    }
    else if (!text.empty() && text[0] == '+')
    {
        ton = 1; // international
    }
    else if (hint != 0 && hintTon != 1)
    {
        ton = hintTon;
    }
    else
    {
        ton = 0; // unknown
    }
    unsigned npi = hint != 0 ? hint & 0x0F : ton == 5 ? 0 : 1; // ISDN/E.164 plan by default
    return static_cast<uint8_t>(0x80 | ton << 4 | npi);
}

void
EncodeAddress(const std::string& text, uint8_t hint, std::vector<uint8_t>& out)
{
    uint8_t type = AddressType(text, hint);
    if (((type >> 4) & 0x07) == 5)
    {
        std::vector<uint8_t> septets = ToGsm(text, SMS_MAX_ADDRESS_SEPTETS);
        // Length: the useful semi-octets, ceil(7 * n / 4).
        out.push_back(static_cast<uint8_t>((septets.size() * 7 + 3) / 4));
        out.push_back(type);
        std::vector<uint8_t> packed = PackSeptets(septets);
        out.insert(out.end(), packed.begin(), packed.end());
        return;
    }
    std::string digits = !text.empty() && text[0] == '+' ? text.substr(1) : text;
    digits.resize(std::min(digits.size(), SMS_MAX_ADDRESS_DIGITS));
    out.push_back(static_cast<uint8_t>(digits.size()));
    out.push_back(type);
    for (std::size_t i = 0; i < digits.size(); i += 2)
    {
        auto lo = static_cast<uint8_t>(DIAL_DIGITS.find(digits[i]));
        auto hi = static_cast<uint8_t>(i + 1 < digits.size() ? DIAL_DIGITS.find(digits[i + 1])
                                                             : 0x0F); // filler
        out.push_back(static_cast<uint8_t>(hi << 4 | lo));
    }
}

bool
DecodeAddress(Cursor& c, const char* field, std::string& text, uint8_t& type)
{
    std::size_t start = c.Offset();
    if (!c.Need(2, field))
    {
        return false;
    }
    uint8_t length = c.Octet();
    type = c.Octet();
    if (length > SMS_MAX_ADDRESS_DIGITS)
    {
        return c.Fail(start,
                      field,
                      "address length " + std::to_string(length) + " exceeds the "
                          + std::to_string(SMS_MAX_ADDRESS_DIGITS) + " semi-octets of 10 octets");
    }
    std::size_t octets = (length + 1u) / 2;
    if (c.Remaining() < octets)
    {
        return c.Fail(start,
                      field,
                      "address of " + std::to_string(length) + " semi-octets needs "
                          + std::to_string(octets) + " octets, " + std::to_string(c.Remaining())
                          + " present");
    }
    const uint8_t* v = c.Here();
    text.clear();
    if (((type >> 4) & 0x07) == 5)
    {
        // Alphanumeric: as many septets as the useful semi-octets hold.
        std::size_t septets = length * 4u / 7;
        for (std::size_t i = 0; i < septets; ++i)
        {
            uint8_t s = UnpackSeptet(v, i);
            if (s != GSM_ESCAPE)
            {
                AppendUtf8(text, GSM_BASIC[s]);
                continue;
            }
            std::size_t at = start + 2 + i * 7 / 8;
            if (++i == septets)
            {
                return c.Fail(at, field, "alphanumeric address ends with an escape (0x1b)");
            }
            uint8_t x = UnpackSeptet(v, i);
            uint16_t cp = 0;
            for (const auto& e : GSM_EXTENSION)
            {
                cp = e.first == x ? e.second : cp;
            }
            if (cp == 0)
            {
                return c.Fail(at,
                              field,
                              "alphanumeric address: escape to " + HexOctet(x)
                                  + ", not in the GSM 7-bit extension table");
            }
            AppendUtf8(text, cp);
        }
    }
    else
    {
        if (((type >> 4) & 0x07) == 1)
        {
            text = "+";
        }
        for (std::size_t i = 0; i < length; ++i)
        {
            uint8_t nibble = i % 2 == 0 ? v[i / 2] & 0x0F : v[i / 2] >> 4;
            if (nibble == 0x0F)
            {
                return c.Fail(start + 2 + i / 2,
                              field,
                              "filler semi-octet 0xf in place of digit " + std::to_string(i + 1)
                                  + " of " + std::to_string(length));
            }
            text += DIAL_DIGITS[nibble];
        }
    }
    c.Skip(octets);
    return true;
}

// --------------------------------------------------------------------------------- TP-SCTS

/// First and last local time TP-SCTS can say (two-digit years read as POSIX strptime's %y).
int64_t
FirstStampTime()
{
    return MmsUtcDate::DaysFromCivil(1969, 1, 1) * 86400;
}

int64_t
LastStampTime()
{
    return MmsUtcDate::DaysFromCivil(2069, 1, 1) * 86400 - 1;
}

/// Two decimal digits, swapped: the tens digit in the low semi-octet.
uint8_t
SwappedBcd(unsigned v)
{
    return static_cast<uint8_t>((v % 10) << 4 | (v / 10 % 10));
}

void
EncodeTimeStamp(int64_t utc, int quarters, std::vector<uint8_t>& out)
{
    int q = std::clamp(quarters, -79, 79);
    int64_t local = std::clamp(utc, FirstStampTime() - 86400, LastStampTime() + 86400);
    local = std::clamp(local + static_cast<int64_t>(q) * 900, FirstStampTime(), LastStampTime());
    MmsUtcDate d = MmsUtcDate::FromUnix(local);
    out.push_back(SwappedBcd(static_cast<unsigned>(d.year % 100)));
    out.push_back(SwappedBcd(d.month));
    out.push_back(SwappedBcd(d.day));
    out.push_back(SwappedBcd(d.hour));
    out.push_back(SwappedBcd(d.minute));
    out.push_back(SwappedBcd(d.second));
    out.push_back(static_cast<uint8_t>(SwappedBcd(static_cast<unsigned>(std::abs(q)))
                                       | (q < 0 ? 0x08 : 0x00)));
}

bool
DecodeTimeStamp(Cursor& c, int64_t& utc, int& quarters)
{
    const char* field = "TP-SCTS";
    std::size_t start = c.Offset();
    if (!c.Need(7, field))
    {
        return false;
    }
    const uint8_t* p = c.Here();
    static const char* names[] = {"year", "month", "day", "hour", "minute", "second"};
    unsigned v[6];
    for (std::size_t i = 0; i < 6; ++i)
    {
        unsigned tens = p[i] & 0x0F;
        unsigned units = p[i] >> 4;
        if (tens > 9 || units > 9)
        {
            return c.Fail(start + i,
                          field,
                          std::string(names[i]) + " " + HexOctet(p[i])
                              + " is not two decimal semi-octets");
        }
        v[i] = tens * 10 + units;
    }
    int64_t year = v[0] >= 69 ? 1900 + v[0] : 2000 + v[0];
    unsigned daysInMonth = 0;
    if (v[1] >= 1 && v[1] <= 12)
    {
        daysInMonth =
            static_cast<unsigned>((v[1] == 12 ? MmsUtcDate::DaysFromCivil(year + 1, 1, 1)
                                              : MmsUtcDate::DaysFromCivil(year, v[1] + 1, 1))
                                  - MmsUtcDate::DaysFromCivil(year, v[1], 1));
    }
    const unsigned limits[6] = {99, 12, daysInMonth, 23, 59, 59};
    for (std::size_t i = 1; i < 6; ++i)
    {
        bool low = (i == 1 || i == 2) && v[i] == 0;
        if (low || v[i] > limits[i])
        {
            std::ostringstream os;
            os << names[i] << " " << v[i] << " is out of range";
            if (i == 2 && daysInMonth != 0)
            {
                os << " (month " << v[1] << " of " << year << " has " << daysInMonth << " days)";
            }
            return c.Fail(start + i, field, os.str());
        }
    }
    uint8_t z = p[6];
    if ((z >> 4) > 9)
    {
        return c.Fail(
            start + 6, field, "time zone " + HexOctet(z) + " is not two decimal semi-octets");
    }
    quarters = static_cast<int>((z & 0x07) * 10 + (z >> 4));
    if (z & 0x08)
    {
        quarters = -quarters;
    }
    int64_t local =
        MmsUtcDate::DaysFromCivil(year, v[1], v[2]) * 86400 + v[3] * 3600 + v[4] * 60 + v[5];
    utc = local - static_cast<int64_t>(quarters) * 900;
    c.Skip(7);
    return true;
}

// ------------------------------------------------------------------------ TP-UDL and TP-UD

void
EncodeUserData(uint8_t dataCoding,
               const std::vector<uint8_t>& userData,
               uint8_t septets,
               std::size_t maxOctets,
               std::vector<uint8_t>& out)
{
    std::size_t n = std::min(userData.size(), maxOctets);
    out.push_back(MmsSmsUserDataLength(dataCoding, n, septets));
    out.insert(out.end(), userData.begin(), userData.begin() + static_cast<std::ptrdiff_t>(n));
}

bool
DecodeUserData(Cursor& c,
               uint8_t dataCoding,
               bool headerIndicator,
               std::size_t maxOctets,
               std::vector<uint8_t>& userData,
               uint8_t& septets)
{
    std::size_t start = c.Offset();
    uint8_t udl = 0;
    if (!c.ReadOctet("TP-UDL", udl))
    {
        return false;
    }
    bool countsSeptets = MmsSmsUdlCountsSeptets(dataCoding);
    std::size_t octets = MmsSmsUserDataOctets(dataCoding, udl);
    std::string what =
        countsSeptets ? std::to_string(udl) + " septets (" + std::to_string(octets) + " octets)"
                      : std::to_string(octets) + " octets";
    if (octets > maxOctets)
    {
        return c.Fail(start,
                      "TP-UDL",
                      what + " exceed the " + std::to_string(maxOctets) + " octets of TP-UD");
    }
    if (c.Remaining() < octets)
    {
        return c.Fail(
            start, "TP-UDL", what + " announced, " + std::to_string(c.Remaining()) + " present");
    }
    const uint8_t* ud = c.Here();
    if (headerIndicator)
    {
        // TP-UDHI: TP-UD starts with UDHL and a header of that many octets (9.2.3.24).
        if (octets == 0)
        {
            return c.Fail(start, "TP-UDHI", "a user data header is announced but TP-UD is empty");
        }
        std::size_t header = ud[0] + 1u;
        bool fits = countsSeptets ? header * 8 <= udl * 7u : header <= octets;
        if (!fits)
        {
            return c.Fail(start + 1,
                          "TP-UDHL",
                          "user data header of " + std::to_string(header)
                              + " octets (UDHL included) exceeds the " + what + " of TP-UD");
        }
    }
    userData.assign(ud, ud + octets);
    septets = countsSeptets ? udl : 0;
    c.Skip(octets);
    return true;
}

/// Names of the message types, by TP-MTI, in the direction SC to MS and MS to SC (9.2.3.1).
std::string
MessageTypeName(uint8_t mti, bool toMs)
{
    static const char* sc2ms[] = {"SMS-DELIVER", "SMS-SUBMIT-REPORT", "SMS-STATUS-REPORT"};
    static const char* ms2sc[] = {"SMS-DELIVER-REPORT", "SMS-SUBMIT", "SMS-COMMAND"};
    std::string name = mti == 3 ? "reserved" : toMs ? sc2ms[mti] : ms2sc[mti];
    return "message type " + std::to_string(mti) + " (" + name + ")";
}

/**
 * Read the first octet and check its TP-MTI.
 * \param c the cursor at the start of the TPDU
 * \param mti the expected TP-MTI
 * \param toMs the direction (SC to MS or MS to SC), which names the type found
 * \param expected the name of the expected type
 * \param first the octet read
 * \return false (with the error set) if the TPDU is empty or of another type
 */
bool
ReadFirstOctet(Cursor& c, uint8_t mti, bool toMs, const char* expected, uint8_t& first)
{
    if (!c.ReadOctet("TP-MTI", first))
    {
        return false;
    }
    if ((first & 0x03) != mti)
    {
        return c.Fail(0,
                      "TP-MTI",
                      MessageTypeName(first & 0x03, toMs) + " is not " + expected + " ("
                          + std::to_string(mti) + ")");
    }
    return true;
}

} // namespace

// ------------------------------------------------------------------------ data coding scheme

MmsSmsAlphabet
MmsSmsGetAlphabet(uint8_t dataCoding)
{
    // TS 23.038 4. "Any reserved codings shall be assumed to be the GSM 7 bit default alphabet".
    unsigned group = dataCoding >> 4;
    if (group <= 0x7)
    {
        // 00xx general data coding, 01xx marked for automatic deletion (coded as 00xx):
        // bits 3-2 are 00 GSM 7-bit, 01 8-bit, 10 UCS2, 11 reserved.
        unsigned alphabet = (dataCoding >> 2) & 0x03;
        return alphabet == 1   ? MmsSmsAlphabet::EIGHT_BIT
               : alphabet == 2 ? MmsSmsAlphabet::UCS2
                               : MmsSmsAlphabet::GSM_7BIT;
    }
    if (group == 0xE)
    {
        return MmsSmsAlphabet::UCS2; // message waiting indication, store message, UCS2
    }
    if (group == 0xF)
    {
        // Data coding / message class: bit 2 is 0 for GSM 7-bit, 1 for 8-bit data.
        return (dataCoding & 0x04) != 0 ? MmsSmsAlphabet::EIGHT_BIT : MmsSmsAlphabet::GSM_7BIT;
    }
    return MmsSmsAlphabet::GSM_7BIT; // 1000-1011 reserved; 1100 and 1101 message waiting, 7-bit
}

bool
MmsSmsIsCompressed(uint8_t dataCoding)
{
    return (dataCoding & 0x80) == 0 && (dataCoding & 0x20) != 0;
}

bool
MmsSmsIsSevenBit(uint8_t dataCoding)
{
    return MmsSmsGetAlphabet(dataCoding) == MmsSmsAlphabet::GSM_7BIT;
}

bool
MmsSmsUdlCountsSeptets(uint8_t dataCoding)
{
    return MmsSmsIsSevenBit(dataCoding) && !MmsSmsIsCompressed(dataCoding);
}

std::size_t
MmsSmsUserDataOctets(uint8_t dataCoding, uint8_t userDataLength)
{
    return MmsSmsUdlCountsSeptets(dataCoding) ? (userDataLength * 7u + 7) / 8 : userDataLength;
}

uint8_t
MmsSmsUserDataLength(uint8_t dataCoding, std::size_t octets, uint8_t septets)
{
    if (!MmsSmsUdlCountsSeptets(dataCoding))
    {
        return static_cast<uint8_t>(std::min<std::size_t>(octets, 255));
    }
    if (septets != 0 && MmsSmsUserDataOctets(dataCoding, septets) == octets)
    {
        return septets;
    }
    return static_cast<uint8_t>(std::min<std::size_t>(octets * 8 / 7, 255));
}

// ------------------------------------------------------------------------------ SMS-DELIVER

std::vector<uint8_t>
MmsSmsDeliver::Encode() const
{
    std::vector<uint8_t> out;
    uint8_t first = 0x00; // TP-MTI 00
    if (!moreMessagesToSend)
    {
        first |= 0x04; // TP-MMS: 1 = no more messages are waiting
    }
    if (statusReportIndication)
    {
        first |= 0x20;
    }
    if (userDataHeaderIndicator)
    {
        first |= 0x40;
    }
    if (replyPath)
    {
        first |= 0x80;
    }
    out.push_back(first);
    EncodeAddress(originator, originatorType, out);
    out.push_back(protocolId);
    out.push_back(dataCoding);
    EncodeTimeStamp(serviceCentreTime, timeZoneQuarters, out);
    EncodeUserData(dataCoding, userData, userDataSeptets, SMS_MAX_USER_DATA_OCTETS, out);
    return out;
}

bool
MmsSmsDeliver::Decode(const uint8_t* data,
                      std::size_t size,
                      MmsSmsDeliver& out,
                      MmsDecodeError& error)
{
    out = MmsSmsDeliver();
    Cursor c(data, size, error);
    uint8_t first = 0;
    if (!ReadFirstOctet(c, 0, true, "SMS-DELIVER", first))
    {
        return false;
    }
    // Bit 3 (TP-LP) and bit 4 are not kept.
    out.moreMessagesToSend = (first & 0x04) == 0;
    out.statusReportIndication = (first & 0x20) != 0;
    out.userDataHeaderIndicator = (first & 0x40) != 0;
    out.replyPath = (first & 0x80) != 0;
    if (!DecodeAddress(c, "TP-OA", out.originator, out.originatorType))
    {
        return false;
    }
    if (!c.ReadOctet("TP-PID", out.protocolId))
    {
        return false;
    }
    if (!c.ReadOctet("TP-DCS", out.dataCoding))
    {
        return false;
    }
    return DecodeTimeStamp(c, out.serviceCentreTime, out.timeZoneQuarters)
           && DecodeUserData(c,
                             out.dataCoding,
                             out.userDataHeaderIndicator,
                             SMS_MAX_USER_DATA_OCTETS,
                             out.userData,
                             out.userDataSeptets)
           && c.End();
}

uint8_t
MmsSmsDeliver::GetUserDataLength() const
{
    return MmsSmsUserDataLength(
        dataCoding, std::min(userData.size(), SMS_MAX_USER_DATA_OCTETS), userDataSeptets);
}

bool
MmsSmsDeliver::operator==(const MmsSmsDeliver& o) const
{
    return originator == o.originator
           && AddressType(originator, originatorType) == AddressType(o.originator, o.originatorType)
           && moreMessagesToSend == o.moreMessagesToSend
           && statusReportIndication == o.statusReportIndication && replyPath == o.replyPath
           && protocolId == o.protocolId && dataCoding == o.dataCoding
           && serviceCentreTime == o.serviceCentreTime && timeZoneQuarters == o.timeZoneQuarters
           && userDataHeaderIndicator == o.userDataHeaderIndicator && userData == o.userData
           && GetUserDataLength() == o.GetUserDataLength();
}

bool
MmsSmsDeliver::operator!=(const MmsSmsDeliver& o) const
{
    return !(*this == o);
}

// ------------------------------------------------------------------------------- SMS-SUBMIT

uint32_t
MmsSmsSubmit::RelativeValidityToSeconds(uint8_t vp)
{
    if (vp <= 143)
    {
        return (vp + 1u) * 300u; // 5 minute steps up to 12 hours
    }
    if (vp <= 167)
    {
        return 43200u + (vp - 143u) * 1800u; // 12 hours + 30 minute steps up to 24 hours
    }
    if (vp <= 196)
    {
        return (vp - 166u) * 86400u; // 2 to 30 days
    }
    return (vp - 192u) * 604800u; // 5 to 63 weeks
}

uint8_t
MmsSmsSubmit::SecondsToRelativeValidity(uint32_t seconds)
{
    // The smallest TP-VP that is at least this long: each range rounds up.
    if (seconds <= 43200u)
    {
        return static_cast<uint8_t>(seconds <= 300u ? 0 : (seconds + 299u) / 300u - 1);
    }
    if (seconds <= 86400u)
    {
        return static_cast<uint8_t>(143u + (seconds - 43200u + 1799u) / 1800u);
    }
    if (seconds <= 30u * 86400u)
    {
        return static_cast<uint8_t>(166u + (seconds + 86399u) / 86400u);
    }
    if (seconds <= 63u * 604800u)
    {
        return static_cast<uint8_t>(192u + (seconds + 604799u) / 604800u);
    }
    return 255; // clamped at 63 weeks
}

std::vector<uint8_t>
MmsSmsSubmit::Encode() const
{
    std::vector<uint8_t> out;
    uint8_t first = 0x01; // TP-MTI 01
    if (rejectDuplicates)
    {
        first |= 0x04;
    }
    if (hasValidityPeriod)
    {
        first |= 0x10; // TP-VPF 10: relative
    }
    if (statusReportRequest)
    {
        first |= 0x20;
    }
    if (userDataHeaderIndicator)
    {
        first |= 0x40;
    }
    if (replyPath)
    {
        first |= 0x80;
    }
    out.push_back(first);
    out.push_back(messageReference);
    EncodeAddress(destination, destinationType, out);
    out.push_back(protocolId);
    out.push_back(dataCoding);
    if (hasValidityPeriod)
    {
        out.push_back(SecondsToRelativeValidity(validityPeriodSeconds));
    }
    EncodeUserData(dataCoding, userData, userDataSeptets, SMS_MAX_USER_DATA_OCTETS, out);
    return out;
}

bool
MmsSmsSubmit::Decode(const uint8_t* data,
                     std::size_t size,
                     MmsSmsSubmit& out,
                     MmsDecodeError& error)
{
    out = MmsSmsSubmit();
    Cursor c(data, size, error);
    uint8_t first = 0;
    if (!ReadFirstOctet(c, 1, false, "SMS-SUBMIT", first))
    {
        return false;
    }
    out.rejectDuplicates = (first & 0x04) != 0;
    uint8_t vpf = (first >> 3) & 0x03;
    out.statusReportRequest = (first & 0x20) != 0;
    out.userDataHeaderIndicator = (first & 0x40) != 0;
    out.replyPath = (first & 0x80) != 0;
    if (!c.ReadOctet("TP-MR", out.messageReference))
    {
        return false;
    }
    if (!DecodeAddress(c, "TP-DA", out.destination, out.destinationType))
    {
        return false;
    }
    if (!c.ReadOctet("TP-PID", out.protocolId))
    {
        return false;
    }
    if (!c.ReadOctet("TP-DCS", out.dataCoding))
    {
        return false;
    }
    if (vpf == 2)
    {
        if (!c.Need(1, "TP-VP"))
        {
            return false;
        }
        out.hasValidityPeriod = true;
        out.validityPeriodSeconds = RelativeValidityToSeconds(c.Octet());
    }
    else if (vpf != 0)
    {
        // TP-VPF 11 (absolute, 9.2.3.12.2) or 01 (enhanced, 9.2.3.12.3): seven octets that this
        // model does not use. They are skipped and the TPDU is accepted without a validity
        // period, which leaves the SC's default in force.
        if (!c.Need(7, "TP-VP"))
        {
            return false;
        }
        c.Skip(7);
    }
    return DecodeUserData(c,
                          out.dataCoding,
                          out.userDataHeaderIndicator,
                          SMS_MAX_USER_DATA_OCTETS,
                          out.userData,
                          out.userDataSeptets)
           && c.End();
}

uint8_t
MmsSmsSubmit::GetUserDataLength() const
{
    return MmsSmsUserDataLength(
        dataCoding, std::min(userData.size(), SMS_MAX_USER_DATA_OCTETS), userDataSeptets);
}

bool
MmsSmsSubmit::operator==(const MmsSmsSubmit& o) const
{
    return rejectDuplicates == o.rejectDuplicates && statusReportRequest == o.statusReportRequest
           && replyPath == o.replyPath && messageReference == o.messageReference
           && destination == o.destination
           && AddressType(destination, destinationType)
                  == AddressType(o.destination, o.destinationType)
           && protocolId == o.protocolId && dataCoding == o.dataCoding
           && hasValidityPeriod == o.hasValidityPeriod
           && (!hasValidityPeriod || validityPeriodSeconds == o.validityPeriodSeconds)
           && userDataHeaderIndicator == o.userDataHeaderIndicator && userData == o.userData
           && GetUserDataLength() == o.GetUserDataLength();
}

bool
MmsSmsSubmit::operator!=(const MmsSmsSubmit& o) const
{
    return !(*this == o);
}

// ----------------------------------------------------------------------- SMS-DELIVER-REPORT

namespace
{
constexpr uint8_t PI_PID = 0x01;
constexpr uint8_t PI_DCS = 0x02;
constexpr uint8_t PI_UDL = 0x04;
constexpr uint8_t PI_EXTENSION = 0x80;

std::size_t
ReportUserDataLimit(bool isError)
{
    return isError ? SMS_MAX_REPORT_USER_DATA_OCTETS - 1 : SMS_MAX_REPORT_USER_DATA_OCTETS;
}
} // namespace

std::vector<uint8_t>
MmsSmsDeliverReport::Encode() const
{
    std::vector<uint8_t> out;
    out.push_back(userDataHeaderIndicator ? 0x40 : 0x00); // TP-MTI 00
    if (isError)
    {
        out.push_back(failureCause);
    }
    uint8_t pi = parameterIndicator & static_cast<uint8_t>(~PI_EXTENSION);
    out.push_back(pi);
    if (pi & PI_PID)
    {
        out.push_back(protocolId);
    }
    if (pi & PI_DCS)
    {
        out.push_back(dataCoding);
    }
    if (pi & PI_UDL)
    {
        EncodeUserData((pi & PI_DCS) ? dataCoding : 0x00,
                       userData,
                       userDataSeptets,
                       ReportUserDataLimit(isError),
                       out);
    }
    return out;
}

bool
MmsSmsDeliverReport::Decode(const uint8_t* data,
                            std::size_t size,
                            bool isError,
                            MmsSmsDeliverReport& out,
                            MmsDecodeError& error)
{
    out = MmsSmsDeliverReport();
    out.isError = isError;
    Cursor c(data, size, error);
    uint8_t first = 0;
    if (!ReadFirstOctet(c, 0, false, "SMS-DELIVER-REPORT", first))
    {
        return false;
    }
    out.userDataHeaderIndicator = (first & 0x40) != 0;
    if (isError)
    {
        if (!c.ReadOctet("TP-FCS", out.failureCause))
        {
            return false;
        }
    }
    uint8_t pi = 0;
    if (!c.ReadOctet("TP-PI", pi))
    {
        return false;
    }
    for (uint8_t more = pi; more & PI_EXTENSION;)
    {
        if (!c.ReadOctet("TP-PI", more)) // an extension octet, skipped
        {
            return false;
        }
    }
    out.parameterIndicator = pi & static_cast<uint8_t>(~PI_EXTENSION);
    if (pi & PI_PID)
    {
        if (!c.ReadOctet("TP-PID", out.protocolId))
        {
            return false;
        }
    }
    if (pi & PI_DCS)
    {
        if (!c.ReadOctet("TP-DCS", out.dataCoding))
        {
            return false;
        }
    }
    if ((pi & PI_UDL)
        && !DecodeUserData(c,
                           out.dataCoding, // 0x00 when TP-DCS is absent (9.2.3.27)
                           out.userDataHeaderIndicator,
                           ReportUserDataLimit(isError),
                           out.userData,
                           out.userDataSeptets))
    {
        return false;
    }
    return c.End();
}

bool
MmsSmsDeliverReport::operator==(const MmsSmsDeliverReport& o) const
{
    uint8_t pi = parameterIndicator & static_cast<uint8_t>(~PI_EXTENSION);
    uint8_t dcs = (pi & PI_DCS) ? dataCoding : 0x00;
    uint8_t odcs = (pi & PI_DCS) ? o.dataCoding : 0x00;
    std::size_t limit = ReportUserDataLimit(isError);
    return isError == o.isError && (!isError || failureCause == o.failureCause)
           && pi == (o.parameterIndicator & static_cast<uint8_t>(~PI_EXTENSION))
           && userDataHeaderIndicator == o.userDataHeaderIndicator
           && (!(pi & PI_PID) || protocolId == o.protocolId)
           && (!(pi & PI_DCS) || dataCoding == o.dataCoding)
           && (!(pi & PI_UDL)
               || (userData == o.userData
                   && MmsSmsUserDataLength(dcs, std::min(userData.size(), limit), userDataSeptets)
                          == MmsSmsUserDataLength(
                              odcs, std::min(o.userData.size(), limit), o.userDataSeptets)));
}

bool
MmsSmsDeliverReport::operator!=(const MmsSmsDeliverReport& o) const
{
    return !(*this == o);
}

} // namespace ns3
