/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-internet-message.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

namespace ns3
{

namespace
{

const char BASE64_ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// RFC 5322 section 2.1.1: a line is at most 998 characters without its CRLF.
constexpr std::size_t MAX_LINE = 998;
/// RFC 5322 section 2.1.1: lines should stay within 78 characters; folding aims at that.
constexpr std::size_t FOLD_AT = 78;
/// Nesting of multipart entities accepted by the parser.
constexpr int MAX_DEPTH = 8;

bool
IsWsp(char c)
{
    return c == ' ' || c == '\t';
}

std::string
Trim(const std::string& s)
{
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && IsWsp(s[b]))
    {
        b++;
    }
    while (e > b && IsWsp(s[e - 1]))
    {
        e--;
    }
    return s.substr(b, e - b);
}

std::string
At(std::size_t offset, const std::string& what)
{
    return "offset " + std::to_string(offset) + ": " + what;
}

int
Base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
    {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z')
    {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9')
    {
        return c - '0' + 52;
    }
    if (c == '+')
    {
        return 62;
    }
    if (c == '/')
    {
        return 63;
    }
    return -1;
}

/// Appends the encoded characters of n octets (from data, or zero octets when data is null),
/// with a CRLF between lines.
void
AppendBase64(std::string& out, const uint8_t* data, uint64_t n)
{
    std::size_t column = 0;
    auto put = [&out, &column](char c)
    {
        if (column == MmsBase64::LINE)
        {
            out += "\r\n";
            column = 0;
        }
        out += c;
        column++;
    };
    for (uint64_t i = 0; i < n; i += 3)
    {
        uint32_t v = 0;
        uint64_t left = std::min<uint64_t>(3, n - i);
        for (uint64_t k = 0; k < 3; k++)
        {
            v <<= 8;
            if (k < left && data != nullptr)
            {
                v |= data[i + k];
            }
        }
        put(BASE64_ALPHABET[(v >> 18) & 0x3F]);
        put(BASE64_ALPHABET[(v >> 12) & 0x3F]);
        put(left > 1 ? BASE64_ALPHABET[(v >> 6) & 0x3F] : '=');
        put(left > 2 ? BASE64_ALPHABET[v & 0x3F] : '=');
    }
}

/// Finds a boundary delimiter line at or after from: "--boundary" at the start of the body
/// or after CRLF, then "--" (close) or optional white space and CRLF. Returns its position
/// (of the dashes), or npos.
std::size_t
FindDelimiter(const char* text,
              std::size_t bodyStart,
              std::size_t from,
              std::size_t end,
              const std::string& dashBoundary,
              bool& close,
              std::size_t& next)
{
    std::size_t pos = from;
    while (pos + dashBoundary.size() <= end)
    {
        const char* hit =
            std::search(text + pos, text + end, dashBoundary.begin(), dashBoundary.end());
        if (hit == text + end)
        {
            return std::string::npos;
        }
        std::size_t at = hit - text;
        pos = at + 1;
        if (at != bodyStart && (at < bodyStart + 2 || text[at - 2] != '\r' || text[at - 1] != '\n'))
        {
            continue;
        }
        std::size_t after = at + dashBoundary.size();
        if (after + 2 <= end && text[after] == '-' && text[after + 1] == '-')
        {
            close = true;
            next = after + 2;
            return at;
        }
        while (after < end && IsWsp(text[after]))
        {
            after++;
        }
        if (after + 2 <= end && text[after] == '\r' && text[after + 1] == '\n')
        {
            close = false;
            next = after + 2;
            return at;
        }
    }
    return std::string::npos;
}

} // namespace

// ---------------------------------------------------------------------------------- base64

std::string
MmsBase64::Encode(const uint8_t* data, std::size_t size)
{
    std::string out;
    out.reserve(EncodedSize(size));
    static const uint8_t none = 0;
    AppendBase64(out, size > 0 ? data : &none, size);
    return out;
}

uint64_t
MmsBase64::EncodedSize(uint64_t octets)
{
    uint64_t chars = 4 * ((octets + 2) / 3);
    if (chars == 0)
    {
        return 0;
    }
    uint64_t lines = (chars + LINE - 1) / LINE;
    return chars + 2 * (lines - 1);
}

namespace
{

/// Base64 decoding; on failure errorAt is the offset in text and error what went wrong.
bool
DecodeBase64(const char* text,
             std::size_t size,
             std::vector<uint8_t>* out,
             uint64_t& octets,
             std::size_t& errorAt,
             std::string& error)
{
    auto At = [&errorAt](std::size_t offset, const std::string& what)
    {
        errorAt = offset;
        return what;
    };
    octets = 0;
    uint32_t v = 0;
    int count = 0;   // characters of the current quantum
    int padding = 0; // '=' seen in it
    bool ended = false;
    for (std::size_t i = 0; i < size; i++)
    {
        char c = text[i];
        if (c == '\r' || c == '\n' || IsWsp(c))
        {
            continue;
        }
        if (ended)
        {
            error = At(i, "base64 data after the final padded quantum");
            return false;
        }
        int d = Base64Value(c);
        if (c == '=')
        {
            if (count < 2)
            {
                error = At(i, "misplaced base64 padding '='");
                return false;
            }
            padding++;
            d = 0;
        }
        else if (d < 0)
        {
            error = At(i,
                       std::string("invalid base64 character '")
                           + (std::isprint(static_cast<unsigned char>(c)) ? std::string(1, c)
                                                                          : std::string("?"))
                           + "'");
            return false;
        }
        else if (padding > 0)
        {
            error = At(i, "base64 character after padding '='");
            return false;
        }
        v = (v << 6) | static_cast<uint32_t>(d);
        if (++count == 4)
        {
            int n = 3 - padding;
            if (out != nullptr)
            {
                for (int k = 0; k < n; k++)
                {
                    out->push_back(static_cast<uint8_t>(v >> (16 - 8 * k)));
                }
            }
            octets += n;
            ended = padding > 0;
            count = 0;
            padding = 0;
            v = 0;
        }
    }
    if (count != 0)
    {
        error = At(size, "base64 data not a multiple of four characters");
        return false;
    }
    return true;
}

} // namespace

bool
MmsBase64::Decode(const char* text,
                  std::size_t size,
                  std::vector<uint8_t>* out,
                  uint64_t& octets,
                  std::string& error)
{
    std::size_t at = 0;
    std::string what;
    if (!DecodeBase64(text, size, out, octets, at, what))
    {
        error = At(at, what);
        return false;
    }
    return true;
}

// ----------------------------------------------------------------------------- MIME entity

std::string
MmsMimeEntity::Lower(std::string s)
{
    for (auto& c : s)
    {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

std::string
MmsMimeEntity::GetHeader(const std::string& name) const
{
    std::string key = Lower(name);
    for (const auto& h : headers)
    {
        if (Lower(h.first) == key)
        {
            return h.second;
        }
    }
    return "";
}

bool
MmsMimeEntity::HasHeader(const std::string& name) const
{
    std::string key = Lower(name);
    return std::any_of(headers.begin(),
                       headers.end(),
                       [&key](const auto& h)
                       {
                           return Lower(h.first) == key;
                       });
}

void
MmsMimeEntity::AddHeader(const std::string& name, const std::string& value)
{
    headers.emplace_back(name, value);
}

void
MmsMimeEntity::SetHeader(const std::string& name, const std::string& value)
{
    std::string key = Lower(name);
    for (auto& h : headers)
    {
        if (Lower(h.first) == key)
        {
            h.second = value;
            return;
        }
    }
    AddHeader(name, value);
}

std::string
MmsMimeEntity::GetMediaType() const
{
    if (!HasHeader("Content-Type"))
    {
        return "text/plain";
    }
    std::string v = GetHeader("Content-Type");
    return Lower(Trim(v.substr(0, v.find(';'))));
}

std::string
MmsMimeEntity::GetParameter(const std::string& header, const std::string& parameter) const
{
    std::string v = GetHeader(header);
    std::string want = Lower(parameter);
    std::size_t i = v.find(';');
    while (i != std::string::npos && i < v.size())
    {
        i++; // past ';'
        while (i < v.size() && IsWsp(v[i]))
        {
            i++;
        }
        std::size_t eq = v.find('=', i);
        if (eq == std::string::npos)
        {
            return "";
        }
        std::string name = Lower(Trim(v.substr(i, eq - i)));
        i = eq + 1;
        while (i < v.size() && IsWsp(v[i]))
        {
            i++;
        }
        std::string value;
        if (i < v.size() && v[i] == '"')
        {
            for (i++; i < v.size() && v[i] != '"'; i++)
            {
                if (v[i] == '\\' && i + 1 < v.size())
                {
                    i++;
                }
                value += v[i];
            }
            i = v.find(';', i);
        }
        else
        {
            std::size_t semi = v.find(';', i);
            value = Trim(v.substr(i, semi == std::string::npos ? std::string::npos : semi - i));
            i = semi;
        }
        if (name == want)
        {
            return value;
        }
    }
    return "";
}

bool
MmsMimeEntity::IsMultipart() const
{
    return GetMediaType().rfind("multipart/", 0) == 0;
}

std::string
MmsMimeEntity::FoldHeader(const std::string& name, const std::string& value)
{
    std::string line = name + ": " + value;
    std::string out;
    std::size_t start = 0;
    std::size_t firstBreak = name.size() + 2; // never fold inside "Name: "
    while (line.size() - start > FOLD_AT)
    {
        // The last white space within FOLD_AT characters that leaves a line with some
        // non-white character; else the first one after.
        std::size_t cut = std::string::npos;
        std::size_t from = std::max(start + 1, firstBreak);
        bool text = false;
        for (std::size_t i = start; i < line.size(); i++)
        {
            if (i >= from && IsWsp(line[i]) && text)
            {
                if (i - start <= FOLD_AT || cut == std::string::npos)
                {
                    cut = i;
                }
                if (i - start > FOLD_AT)
                {
                    break;
                }
            }
            if (!IsWsp(line[i]))
            {
                text = true;
            }
        }
        if (cut == std::string::npos)
        {
            break;
        }
        out.append(line, start, cut - start);
        out += "\r\n";
        start = cut;
    }
    out.append(line, start, std::string::npos);
    out += "\r\n";
    return out;
}

uint64_t
MmsMimeEntity::GetEncodedContentSize() const
{
    if (Lower(Trim(GetHeader("Content-Transfer-Encoding"))) == "base64")
    {
        return MmsBase64::EncodedSize(content.GetSize());
    }
    return content.GetSize();
}

void
MmsMimeEntity::SerializeTo(std::string& out) const
{
    for (const auto& h : headers)
    {
        out += FoldHeader(h.first, h.second);
    }
    out += "\r\n";
    if (IsMultipart())
    {
        std::string boundary = GetParameter("Content-Type", "boundary");
        for (const auto& p : parts)
        {
            out += "--" + boundary + "\r\n";
            p.SerializeTo(out);
            out += "\r\n";
        }
        out += "--" + boundary + "--\r\n";
        return;
    }
    if (Lower(Trim(GetHeader("Content-Transfer-Encoding"))) == "base64")
    {
        AppendBase64(
            out, content.IsVirtual() ? nullptr : content.GetBytes().data(), content.GetSize());
    }
    else if (content.IsVirtual())
    {
        out.append(content.GetSize(), '\0');
    }
    else
    {
        out.append(content.GetBytes().begin(), content.GetBytes().end());
    }
}

std::string
MmsMimeEntity::Serialize() const
{
    std::string out;
    SerializeTo(out);
    return out;
}

uint64_t
MmsMimeEntity::GetSerializedSize() const
{
    uint64_t size = 2;
    for (const auto& h : headers)
    {
        size += FoldHeader(h.first, h.second).size();
    }
    if (!IsMultipart())
    {
        return size + GetEncodedContentSize();
    }
    uint64_t boundary = GetParameter("Content-Type", "boundary").size();
    for (const auto& p : parts)
    {
        size += 2 + boundary + 2 + p.GetSerializedSize() + 2;
    }
    return size + 2 + boundary + 4;
}

bool
MmsMimeEntity::operator==(const MmsMimeEntity& o) const
{
    return headers == o.headers && content == o.content && parts == o.parts;
}

bool
MmsMimeEntity::Parse(
    const char* text, std::size_t size, MmsMimeEntity& entity, std::string& error, bool keepContent)
{
    entity = MmsMimeEntity();
    return ParseAt(text, 0, size, entity, error, keepContent, 0);
}

bool
MmsMimeEntity::ParseAt(const char* text,
                       std::size_t begin,
                       std::size_t end,
                       MmsMimeEntity& entity,
                       std::string& error,
                       bool keepContent,
                       int depth)
{
    if (depth > MAX_DEPTH)
    {
        error = At(begin, "multipart nested deeper than " + std::to_string(MAX_DEPTH));
        return false;
    }
    // Header section: lines up to the first empty one.
    std::size_t pos = begin;
    std::size_t bodyStart = std::string::npos;
    while (pos < end)
    {
        const char* lf = static_cast<const char*>(std::memchr(text + pos, '\n', end - pos));
        std::size_t eol = lf == nullptr ? end : static_cast<std::size_t>(lf - text);
        if (lf == nullptr || eol == pos || text[eol - 1] != '\r')
        {
            error = At(pos,
                       lf == nullptr ? "header section not ended by an empty line"
                                     : "header line not ended by CRLF");
            return false;
        }
        std::size_t length = eol - 1 - pos;
        if (length == 0)
        {
            bodyStart = eol + 1;
            break;
        }
        if (length > MAX_LINE)
        {
            error = At(pos, "header line longer than 998 characters");
            return false;
        }
        std::string line(text + pos, length);
        if (IsWsp(line[0]))
        {
            if (entity.headers.empty())
            {
                error = At(pos, "continuation line before the first header field");
                return false;
            }
            entity.headers.back().second += line; // unfolding removes the CRLF only
        }
        else
        {
            std::size_t colon = line.find(':');
            bool good = colon != std::string::npos && colon > 0;
            for (std::size_t i = 0; good && i < colon; i++)
            {
                unsigned char c = line[i];
                good = c >= 33 && c <= 126;
            }
            if (!good)
            {
                std::string shown = line.substr(0, 40);
                for (auto& c : shown)
                {
                    if (!std::isprint(static_cast<unsigned char>(c)))
                    {
                        c = '?';
                    }
                }
                error = At(pos, "malformed header field '" + shown + "'");
                return false;
            }
            entity.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
        }
        pos = eol + 1;
    }
    if (bodyStart == std::string::npos)
    {
        error = At(pos, "header section not ended by an empty line");
        return false;
    }
    for (auto& h : entity.headers)
    {
        h.second = Trim(h.second);
    }

    if (entity.IsMultipart())
    {
        std::string boundary = entity.GetParameter("Content-Type", "boundary");
        if (boundary.empty() || boundary.size() > 70)
        {
            error = At(begin,
                       boundary.empty() ? "multipart Content-Type without a boundary parameter"
                                        : "multipart boundary longer than 70 characters");
            return false;
        }
        std::string dash = "--" + boundary;
        bool close = false;
        std::size_t next = 0;
        std::size_t at = FindDelimiter(text, bodyStart, bodyStart, end, dash, close, next);
        if (at == std::string::npos || close)
        {
            error = At(bodyStart, "multipart body without a first boundary '" + dash + "'");
            return false;
        }
        while (!close)
        {
            std::size_t partStart = next;
            at = FindDelimiter(text, bodyStart, partStart, end, dash, close, next);
            if (at == std::string::npos)
            {
                error = At(partStart, "multipart body not closed by '" + dash + "--'");
                return false;
            }
            // The CRLF before the delimiter belongs to it (RFC 2046 section 5.1.1).
            std::size_t partEnd = at >= partStart + 2 ? at - 2 : partStart;
            MmsMimeEntity part;
            if (!ParseAt(text, partStart, partEnd, part, error, keepContent, depth + 1))
            {
                return false;
            }
            entity.parts.push_back(std::move(part));
        }
        return true;
    }

    std::string encoding = Lower(entity.GetHeader("Content-Transfer-Encoding"));
    if (encoding == "base64")
    {
        std::vector<uint8_t> octets;
        uint64_t n = 0;
        std::size_t rel = 0;
        std::string what;
        if (!DecodeBase64(
                text + bodyStart, end - bodyStart, keepContent ? &octets : nullptr, n, rel, what))
        {
            error = At(bodyStart + rel, what); // offsets of the body made absolute
            return false;
        }
        entity.content = keepContent ? MmsContent(std::move(octets))
                                     : MmsContent::Virtual(static_cast<uint32_t>(n));
        return true;
    }
    if (!encoding.empty() && encoding != "7bit" && encoding != "8bit" && encoding != "binary")
    {
        error = At(begin, "unsupported Content-Transfer-Encoding '" + encoding + "'");
        return false;
    }
    std::size_t n = end - bodyStart;
    entity.content = keepContent ? MmsContent(std::vector<uint8_t>(text + bodyStart, text + end))
                                 : MmsContent::Virtual(static_cast<uint32_t>(n));
    return true;
}

// ------------------------------------------------------------------------------ date-time

namespace
{

const char* const DAY_NAMES[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"}; // 1970-01-01
const char* const MONTH_NAMES[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool
IsLeap(uint64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

uint32_t
DaysIn(uint64_t year, int month)
{
    static const uint32_t days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month] + (month == 1 && IsLeap(year) ? 1 : 0);
}

} // namespace

std::string
MmsImfDate::Format(uint64_t unixSeconds)
{
    uint64_t days = unixSeconds / 86400;
    uint64_t rest = unixSeconds % 86400;
    const char* dayName = DAY_NAMES[days % 7];
    // Every 400 Gregorian years have 146,097 days; then at most 400 years one by one.
    uint64_t year = 1970 + 400 * (days / 146097);
    days %= 146097;
    while (days >= (IsLeap(year) ? 366U : 365U))
    {
        days -= IsLeap(year) ? 366 : 365;
        year++;
    }
    int month = 0;
    while (days >= DaysIn(year, month))
    {
        days -= DaysIn(year, month);
        month++;
    }
    char buf[64];
    std::snprintf(buf,
                  sizeof(buf),
                  "%s, %02u %s %04llu %02u:%02u:%02u +0000",
                  dayName,
                  static_cast<unsigned>(days + 1),
                  MONTH_NAMES[month],
                  static_cast<unsigned long long>(year),
                  static_cast<unsigned>(rest / 3600),
                  static_cast<unsigned>(rest / 60 % 60),
                  static_cast<unsigned>(rest % 60));
    return buf;
}

bool
MmsImfDate::Parse(const std::string& text, uint64_t& unixSeconds)
{
    std::string s = text;
    std::size_t comma = s.find(',');
    if (comma != std::string::npos)
    {
        s = s.substr(comma + 1);
    }
    unsigned day = 0;
    char month[4] = {0};
    unsigned year = 0;
    unsigned hh = 0;
    unsigned mm = 0;
    unsigned ss = 0;
    char zone[8] = {0};
    int used = 0;
    if (std::sscanf(s.c_str(), " %2u %3s %4u %2u:%2u%n", &day, month, &year, &hh, &mm, &used) != 5)
    {
        return false;
    }
    std::string tail = s.substr(used);
    if (!tail.empty() && tail[0] == ':')
    {
        int more = 0;
        if (std::sscanf(tail.c_str(), ":%2u%n", &ss, &more) != 1)
        {
            return false;
        }
        tail = tail.substr(more);
    }
    if (std::sscanf(tail.c_str(), " %7s", zone) != 1)
    {
        return false;
    }
    int m = -1;
    for (int i = 0; i < 12; i++)
    {
        if (std::strcmp(month, MONTH_NAMES[i]) == 0)
        {
            m = i;
        }
    }
    std::string z = zone;
    int64_t offset = 0;
    if ((z[0] == '+' || z[0] == '-') && z.size() == 5
        && std::all_of(z.begin() + 1,
                       z.end(),
                       [](char c)
                       {
                           return std::isdigit(c);
                       }))
    {
        offset =
            ((z[1] - '0') * 10 + (z[2] - '0')) * 3600 + ((z[3] - '0') * 10 + (z[4] - '0')) * 60;
        offset = z[0] == '-' ? -offset : offset;
    }
    else if (z != "GMT" && z != "UT")
    {
        return false;
    }
    if (m < 0 || year < 1970 || day < 1 || day > DaysIn(year, m) || hh > 23 || mm > 59 || ss > 60)
    {
        return false;
    }
    int64_t days = 0;
    for (uint64_t y = 1970; y < year; y++)
    {
        days += IsLeap(y) ? 366 : 365;
    }
    for (int i = 0; i < m; i++)
    {
        days += DaysIn(year, i);
    }
    days += day - 1;
    int64_t t = days * 86400 + hh * 3600 + mm * 60 + ss - offset;
    if (t < 0)
    {
        return false;
    }
    unixSeconds = static_cast<uint64_t>(t);
    return true;
}

} // namespace ns3
