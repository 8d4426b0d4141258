/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-http-message.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <sstream>

namespace ns3
{

namespace
{

bool
IEquals(const std::string& a, const std::string& b)
{
    return a.size() == b.size()
           && std::equal(a.begin(),
                         a.end(),
                         b.begin(),
                         [](char x, char y)
                         {
                             return std::tolower(static_cast<unsigned char>(x))
                                    == std::tolower(static_cast<unsigned char>(y));
                         });
}

std::string
Trim(const std::string& s)
{
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
    {
        return "";
    }
    std::size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

bool
IsToken(const std::string& s)
{
    if (s.empty())
    {
        return false;
    }
    for (unsigned char c : s)
    {
        if (c <= 32 || c >= 127 || std::strchr("()<>@,;:\\\"/[]?={}", c))
        {
            return false;
        }
    }
    return true;
}

} // namespace

MmsHttpMessage
MmsHttpMessage::Request(const std::string& method, const std::string& target)
{
    MmsHttpMessage m;
    m.isRequest = true;
    m.method = method;
    m.target = target;
    return m;
}

MmsHttpMessage
MmsHttpMessage::Response(int status, const std::string& reason)
{
    MmsHttpMessage m;
    m.isRequest = false;
    m.status = status;
    m.reason = reason;
    return m;
}

std::string
MmsHttpMessage::GetHeader(const std::string& name) const
{
    for (const auto& h : headers)
    {
        if (IEquals(h.first, name))
        {
            return h.second;
        }
    }
    return "";
}

void
MmsHttpMessage::AddHeader(const std::string& name, const std::string& value)
{
    headers.emplace_back(name, value);
}

uint64_t
MmsHttpMessage::GetBodySize() const
{
    if (!bodyRuns.empty())
    {
        uint64_t n = 0;
        for (const auto& run : bodyRuns)
        {
            n += run.bytes.size() + run.virtualZeros;
        }
        return n;
    }
    return bodyIsVirtual ? virtualBodySize : body.size();
}

std::string
MmsHttpMessage::SerializeHead() const
{
    std::ostringstream os;
    if (isRequest)
    {
        os << method << ' ' << target << ' ' << version << "\r\n";
    }
    else
    {
        os << version << ' ' << status << ' ' << reason << "\r\n";
    }
    for (const auto& h : headers)
    {
        if (!IEquals(h.first, "Content-Length"))
        {
            os << h.first << ": " << h.second << "\r\n";
        }
    }
    // Requests without a body (GET) carry no Content-Length; everything else always does.
    if (!isRequest || GetBodySize() > 0 || method == "POST" || method == "PUT")
    {
        os << "Content-Length: " << GetBodySize() << "\r\n";
    }
    os << "\r\n";
    return os.str();
}

std::vector<uint8_t>
MmsHttpMessage::Serialize() const
{
    std::string head = SerializeHead();
    std::vector<uint8_t> out(head.begin(), head.end());
    std::vector<uint8_t> body = SerializeBody();
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

std::vector<uint8_t>
MmsHttpMessage::SerializeBody() const
{
    if (bodyRuns.empty())
    {
        return bodyIsVirtual ? std::vector<uint8_t>(virtualBodySize, 0) : body;
    }
    std::vector<uint8_t> out;
    out.reserve(GetBodySize());
    for (const auto& run : bodyRuns)
    {
        out.insert(out.end(), run.bytes.begin(), run.bytes.end());
        out.insert(out.end(), run.virtualZeros, uint8_t{0});
    }
    return out;
}

uint64_t
MmsHttpMessage::GetSerializedSize() const
{
    // SerializeHead()'s length, counted without building it (the flow transport asks for the
    // size of every message it carries).
    const uint64_t body = GetBodySize();
    uint64_t n = isRequest
                     ? method.size() + 1 + target.size() + 1 + version.size() + 2
                     : version.size() + 1 + std::to_string(status).size() + 1 + reason.size() + 2;
    for (const auto& h : headers)
    {
        if (!IEquals(h.first, "Content-Length"))
        {
            n += h.first.size() + 2 + h.second.size() + 2;
        }
    }
    if (!isRequest || body > 0 || method == "POST" || method == "PUT")
    {
        n += std::string("Content-Length: ").size() + std::to_string(body).size() + 2;
    }
    return n + 2 + body;
}

MmsHttpParser::MmsHttpParser(bool expectRequests)
    : m_requests(expectRequests)
{
}

void
MmsHttpParser::SetMaxHeaderSize(std::size_t octets)
{
    m_maxHeader = octets;
}

void
MmsHttpParser::SetMaxBodySize(uint64_t octets)
{
    m_maxBody = octets;
}

void
MmsHttpParser::SetKeepBody(bool keep)
{
    m_keepBody = keep;
}

void
MmsHttpParser::Fail(uint64_t offset, const std::string& message)
{
    if (m_error)
    {
        return;
    }
    m_error = true;
    std::ostringstream os;
    os << "offset " << offset << ": " << message;
    m_errorText = os.str();
}

void
MmsHttpParser::FinishBody()
{
    m_inBody = false;
    m_ready.push_back(std::move(m_current));
    m_current = MmsHttpMessage();
}

bool
MmsHttpParser::Feed(const uint8_t* data, std::size_t size)
{
    std::size_t i = 0;
    while (!m_error && i < size)
    {
        if (m_inBody)
        {
            std::size_t n = static_cast<std::size_t>(std::min<uint64_t>(m_bodyLeft, size - i));
            if (m_keepBody)
            {
                m_current.body.insert(m_current.body.end(), data + i, data + i + n);
            }
            m_bodyLeft -= n;
            m_offset += n;
            i += n;
            if (m_bodyLeft == 0)
            {
                FinishBody();
            }
            continue;
        }
        if (m_head.empty())
        {
            m_headStart = m_offset;
        }
        m_head.push_back(static_cast<char>(data[i]));
        ++m_offset;
        ++i;
        if (m_head.size() > m_maxHeader)
        {
            Fail(m_headStart, "message head exceeds " + std::to_string(m_maxHeader) + " octets");
            break;
        }
        std::size_t n = m_head.size();
        if (n >= 4 && m_head.compare(n - 4, 4, "\r\n\r\n") == 0)
        {
            if (!ParseHead())
            {
                break;
            }
        }
        else if (n == 2 && m_head == "\r\n")
        {
            m_head.clear(); // tolerate an empty line between messages
        }
    }
    return !m_error;
}

bool
MmsHttpParser::FeedVirtual(uint64_t size)
{
    if (m_error || !m_inBody || size > m_bodyLeft)
    {
        Fail(m_offset, "virtual octets outside a message body");
        return false;
    }
    m_bodyLeft -= size;
    m_offset += size;
    if (m_keepBody)
    {
        m_current.body.insert(m_current.body.end(), size, uint8_t{0});
    }
    if (m_bodyLeft == 0)
    {
        FinishBody();
    }
    return true;
}

bool
MmsHttpParser::ParseHead()
{
    std::string head;
    head.swap(m_head);
    MmsHttpMessage m;
    std::istringstream in(head);
    std::string line;
    uint64_t lineOffset = m_headStart;
    bool first = true;
    uint64_t contentLength = 0;
    bool haveLength = false;
    while (std::getline(in, line))
    {
        uint64_t thisOffset = lineOffset;
        lineOffset += line.size() + 1;
        if (line.empty() || line.back() != '\r')
        {
            Fail(thisOffset, "line does not end with CRLF");
            return false;
        }
        line.pop_back();
        if (line.empty())
        {
            break;
        }
        if (first)
        {
            first = false;
            std::istringstream sl(line);
            std::string a, b;
            sl >> a >> b;
            std::string rest;
            std::getline(sl, rest);
            rest = Trim(rest);
            if (m_requests)
            {
                if (!IsToken(a) || b.empty() || rest.compare(0, 5, "HTTP/") != 0)
                {
                    Fail(thisOffset, "malformed request line '" + line + "'");
                    return false;
                }
                m.isRequest = true;
                m.method = a;
                m.target = b;
                m.version = rest;
            }
            else
            {
                if (a.compare(0, 5, "HTTP/") != 0 || b.size() != 3
                    || !std::all_of(b.begin(),
                                    b.end(),
                                    [](char c)
                                    {
                                        return std::isdigit(c);
                                    }))
                {
                    Fail(thisOffset, "malformed status line '" + line + "'");
                    return false;
                }
                m.isRequest = false;
                m.version = a;
                m.status = std::stoi(b);
                m.reason = rest;
            }
            continue;
        }
        std::size_t colon = line.find(':');
        if (colon == std::string::npos || !IsToken(line.substr(0, colon)))
        {
            Fail(thisOffset, "malformed header line '" + line + "'");
            return false;
        }
        std::string name = line.substr(0, colon);
        std::string value = Trim(line.substr(colon + 1));
        if (IEquals(name, "Content-Length"))
        {
            if (value.empty() || value.size() > 15
                || !std::all_of(value.begin(),
                                value.end(),
                                [](char c)
                                {
                                    return std::isdigit(c);
                                }))
            {
                Fail(thisOffset, "bad Content-Length '" + value + "'");
                return false;
            }
            uint64_t v = std::stoull(value);
            if (haveLength && v != contentLength)
            {
                Fail(thisOffset, "conflicting Content-Length headers");
                return false;
            }
            contentLength = v;
            haveLength = true;
            continue;
        }
        if (IEquals(name, "Transfer-Encoding"))
        {
            Fail(thisOffset,
                 "Transfer-Encoding '" + value
                     + "' is not supported (send "
                       "Content-Length)");
            return false;
        }
        m.headers.emplace_back(name, value);
    }
    if (first)
    {
        Fail(m_headStart, "empty message head");
        return false;
    }
    if (!haveLength && !m.isRequest)
    {
        Fail(m_headStart,
             "response without Content-Length (close-delimited bodies are "
             "not supported)");
        return false;
    }
    if (contentLength > m_maxBody)
    {
        Fail(m_headStart,
             "body of " + std::to_string(contentLength) + " octets exceeds the limit of "
                 + std::to_string(m_maxBody));
        return false;
    }
    m_current = std::move(m);
    if (!m_keepBody)
    {
        m_current.bodyIsVirtual = true;
        m_current.virtualBodySize = contentLength;
    }
    if (contentLength == 0)
    {
        FinishBody();
    }
    else
    {
        m_inBody = true;
        m_bodyLeft = contentLength;
    }
    return true;
}

bool
MmsHttpParser::HasMessage() const
{
    return !m_ready.empty();
}

MmsHttpMessage
MmsHttpParser::PopMessage()
{
    MmsHttpMessage m = std::move(m_ready.front());
    m_ready.erase(m_ready.begin());
    return m;
}

bool
MmsHttpParser::HasError() const
{
    return m_error;
}

const std::string&
MmsHttpParser::Error() const
{
    return m_errorText;
}

uint64_t
MmsHttpParser::GetOffset() const
{
    return m_offset;
}

} // namespace ns3
