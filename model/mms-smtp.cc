/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-smtp.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

namespace
{

/// RFC 5321 section 4.5.3.1.4: a command line is at most 512 octets with its CRLF; section
/// 4.5.3.1.5: a reply line too.
constexpr std::size_t MAX_COMMAND_LINE = 512;
/// RFC 5321 section 4.5.3.1.6: a text line of the data is at most 1000 octets with its CRLF.
constexpr std::size_t MAX_TEXT_LINE = 1000;

std::string
Upper(std::string s)
{
    for (auto& c : s)
    {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return s;
}

bool
Printable(const std::string& s)
{
    return std::all_of(s.begin(),
                       s.end(),
                       [](char c)
                       {
                           return static_cast<unsigned char>(c) >= 0x20 && c != 0x7F;
                       });
}

/// Parses "FROM:<path> PARAM=VALUE ..." (or "TO:..."): the path and the parameters.
bool
ParsePathArgument(const std::string& rest,
                  const std::string& keyword,
                  MmsSmtpCommand& c,
                  std::string& error)
{
    if (Upper(rest.substr(0, keyword.size())) != keyword)
    {
        error = "syntax: " + c.verb + " " + keyword + "<address>";
        return false;
    }
    std::size_t i = keyword.size();
    while (i < rest.size() && rest[i] == ' ')
    {
        i++;
    }
    std::size_t close = rest.find('>', i);
    if (i >= rest.size() || rest[i] != '<' || close == std::string::npos)
    {
        error = "syntax: " + c.verb + " " + keyword + "<address>";
        return false;
    }
    c.argument = rest.substr(i + 1, close - i - 1);
    if (c.argument.find_first_of(" <") != std::string::npos)
    {
        error = "malformed path <" + c.argument + ">";
        return false;
    }
    i = close + 1;
    while (i < rest.size())
    {
        if (rest[i] != ' ')
        {
            error = "malformed parameters after the path";
            return false;
        }
        while (i < rest.size() && rest[i] == ' ')
        {
            i++;
        }
        if (i >= rest.size())
        {
            break;
        }
        std::size_t end = rest.find(' ', i);
        std::string p = rest.substr(i, end == std::string::npos ? std::string::npos : end - i);
        i = end == std::string::npos ? rest.size() : end;
        std::size_t eq = p.find('=');
        std::string key = Upper(p.substr(0, eq));
        if (key.empty()
            || !std::all_of(key.begin(),
                            key.end(),
                            [](char ch)
                            {
                                return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-';
                            }))
        {
            error = "malformed parameter '" + p + "'";
            return false;
        }
        c.parameters.emplace_back(key, eq == std::string::npos ? "" : p.substr(eq + 1));
    }
    return true;
}

} // namespace

// --------------------------------------------------------------------------------- command

std::string
MmsSmtpCommand::Serialize() const
{
    std::string line = verb;
    if (verb == "MAIL" || verb == "RCPT")
    {
        line += (verb == "MAIL" ? " FROM:<" : " TO:<") + argument + ">";
        for (const auto& p : parameters)
        {
            line += " " + p.first + (p.second.empty() ? "" : "=" + p.second);
        }
    }
    else if (!argument.empty())
    {
        line += " " + argument;
    }
    return line + "\r\n";
}

bool
MmsSmtpCommand::Parse(const std::string& line, MmsSmtpCommand& c, int& code, std::string& error)
{
    c = MmsSmtpCommand();
    if (line.find_first_of("\r\n") != std::string::npos || !Printable(line))
    {
        code = 500;
        error = "syntax error: control character or line not ended by CRLF";
        return false;
    }
    std::size_t space = line.find(' ');
    c.verb = Upper(line.substr(0, space));
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    static const char* const known[] = {
        "EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT"};
    static const char* const unimplemented[] = {"VRFY", "EXPN", "HELP", "TURN"};
    if (std::find(std::begin(unimplemented), std::end(unimplemented), c.verb)
        != std::end(unimplemented))
    {
        code = 502;
        error = "command not implemented";
        return false;
    }
    if (std::find(std::begin(known), std::end(known), c.verb) == std::end(known))
    {
        code = 500;
        error = "syntax error, command unrecognized";
        return false;
    }
    code = 501;
    if (c.verb == "EHLO" || c.verb == "HELO")
    {
        if (rest.empty() || rest.find(' ') != std::string::npos)
        {
            error = "syntax: " + c.verb + " <domain>";
            return false;
        }
        c.argument = rest;
        return true;
    }
    if (c.verb == "MAIL")
    {
        return ParsePathArgument(rest, "FROM:", c, error);
    }
    if (c.verb == "RCPT")
    {
        if (!ParsePathArgument(rest, "TO:", c, error))
        {
            return false;
        }
        if (c.argument.find('@') == std::string::npos && Upper(c.argument) != "POSTMASTER")
        {
            error = "malformed forward-path <" + c.argument + ">";
            return false;
        }
        return true;
    }
    if (c.verb == "NOOP")
    {
        c.argument = rest;
        return true;
    }
    if (!rest.empty())
    {
        error = c.verb + " takes no arguments";
        return false;
    }
    return true;
}

// ----------------------------------------------------------------------------------- reply

std::string
MmsSmtpReply::Serialize() const
{
    std::string out;
    std::string c = std::to_string(code);
    if (lines.empty())
    {
        return c + "\r\n";
    }
    for (std::size_t i = 0; i < lines.size(); i++)
    {
        out += c + (i + 1 < lines.size() ? "-" : " ") + lines[i] + "\r\n";
    }
    return out;
}

std::string
MmsSmtpReply::Text() const
{
    return lines.empty() ? "" : lines.front();
}

bool
MmsSmtpReply::IsPositive() const
{
    return code >= 200 && code < 300;
}

bool
MmsSmtpReply::IsTransient() const
{
    return code >= 400 && code < 500;
}

MmsSmtpReply
MmsSmtpReply::Make(int code, const std::string& text)
{
    MmsSmtpReply r;
    r.code = code;
    r.lines = {text};
    return r;
}

bool
MmsSmtpReplyParser::Feed(const char* data, std::size_t size)
{
    for (std::size_t i = 0; i < size && m_error.empty(); i++)
    {
        char ch = data[i];
        m_offset++;
        m_line += ch;
        if (ch != '\n')
        {
            if (m_line.size() > MAX_COMMAND_LINE)
            {
                m_error =
                    "offset " + std::to_string(m_lineStart) + ": reply line longer than 512 octets";
            }
            continue;
        }
        std::string line = m_line;
        m_line.clear();
        uint64_t start = m_lineStart;
        m_lineStart = m_offset;
        auto fail = [this, start](const std::string& what)
        {
            m_error = "offset " + std::to_string(start) + ": " + what;
        };
        if (line.size() < 2 || line[line.size() - 2] != '\r')
        {
            fail("reply line not ended by CRLF");
            break;
        }
        line.resize(line.size() - 2);
        bool digits = line.size() >= 3 && std::isdigit(static_cast<unsigned char>(line[0]))
                      && std::isdigit(static_cast<unsigned char>(line[1]))
                      && std::isdigit(static_cast<unsigned char>(line[2])) && line[0] >= '2'
                      && line[0] <= '5' && line[1] <= '5';
        if (!digits || (line.size() > 3 && line[3] != ' ' && line[3] != '-'))
        {
            fail("malformed reply line '" + line.substr(0, 40) + "'");
            break;
        }
        int code = std::stoi(line.substr(0, 3));
        if (m_inReply && code != m_current.code)
        {
            fail("continuation line with code " + std::to_string(code) + " in a "
                 + std::to_string(m_current.code) + " reply");
            break;
        }
        m_current.code = code;
        m_current.lines.push_back(line.size() > 4 ? line.substr(4) : "");
        m_inReply = line.size() > 3 && line[3] == '-';
        if (!m_inReply)
        {
            m_ready.push_back(m_current);
            m_current = MmsSmtpReply();
        }
    }
    return m_error.empty();
}

bool
MmsSmtpReplyParser::HasReply() const
{
    return !m_ready.empty();
}

MmsSmtpReply
MmsSmtpReplyParser::PopReply()
{
    MmsSmtpReply r = m_ready.front();
    m_ready.pop_front();
    return r;
}

const std::string&
MmsSmtpReplyParser::Error() const
{
    return m_error;
}

// ------------------------------------------------------------------------------------ data

std::string
MmsSmtpData::Stuff(const std::string& content)
{
    std::string out;
    out.reserve(content.size() + content.size() / 64 + 5);
    bool lineStart = true;
    for (std::size_t i = 0; i < content.size(); i++)
    {
        if (lineStart && content[i] == '.')
        {
            out += '.';
        }
        out += content[i];
        lineStart = content[i] == '\n' && i > 0 && content[i - 1] == '\r';
    }
    if (!content.empty() && !lineStart)
    {
        out += "\r\n";
    }
    return out + ".\r\n";
}

uint64_t
MmsSmtpData::StuffedSize(const std::string& content)
{
    uint64_t size = content.size() + 3;
    bool lineStart = true;
    for (std::size_t i = 0; i < content.size(); i++)
    {
        size += lineStart && content[i] == '.' ? 1 : 0;
        lineStart = content[i] == '\n' && i > 0 && content[i - 1] == '\r';
    }
    return size + (!content.empty() && !lineStart ? 2 : 0);
}

bool
MmsSmtpData::Unstuff(const std::string& data, std::string& content)
{
    content.clear();
    std::size_t pos = 0;
    while (pos < data.size())
    {
        std::size_t crlf = data.find("\r\n", pos);
        if (crlf == std::string::npos)
        {
            return false;
        }
        if (crlf == pos + 1 && data[pos] == '.')
        {
            return true;
        }
        std::size_t from = data[pos] == '.' ? pos + 1 : pos;
        content.append(data, from, crlf + 2 - from);
        pos = crlf + 2;
    }
    return false;
}

// ---------------------------------------------------------------------------------- server

MmsSmtpServer::MmsSmtpServer(const std::string& domain)
    : m_domain(domain)
{
}

void
MmsSmtpServer::SetMaxMessageSize(uint64_t octets)
{
    m_maxSize = octets;
}

void
MmsSmtpServer::SetPipelining(bool offer)
{
    m_pipelining = offer;
}

void
MmsSmtpServer::SetRecipientCheck(std::function<MmsSmtpReply(const std::string&)> check)
{
    m_recipientCheck = std::move(check);
}

void
MmsSmtpServer::SetMailCheck(std::function<MmsSmtpReply(const MmsSmtpMail&)> check)
{
    m_mailCheck = std::move(check);
}

std::string
MmsSmtpServer::Greeting() const
{
    return MmsSmtpReply{220, {m_domain + " ESMTP ready"}}.Serialize();
}

void
MmsSmtpServer::Reply(const MmsSmtpReply& reply)
{
    m_output += reply.Serialize();
    if (reply.code >= 400)
    {
        m_errors[reply.code]++;
    }
}

void
MmsSmtpServer::Reply(int code, const std::string& text)
{
    Reply(MmsSmtpReply{code, {text}});
}

void
MmsSmtpServer::ResetTransaction()
{
    m_mail = MmsSmtpMail();
    m_rcptTried = 0;
    m_tooBig = false;
    m_lineTooLong = false;
}

void
MmsSmtpServer::Feed(const char* data, std::size_t size)
{
    if (m_state == CLOSED)
    {
        return;
    }
    m_buffer.append(data, size);
    std::size_t pos = 0;
    while (m_state != CLOSED)
    {
        std::size_t crlf = m_buffer.find("\r\n", pos);
        if (crlf == std::string::npos)
        {
            break;
        }
        std::string line = m_buffer.substr(pos, crlf - pos);
        pos = crlf + 2;
        if (m_skipping)
        {
            m_skipping = false; // the rest of an over-long line, already answered
            continue;
        }
        if (m_state == DATA)
        {
            if (line.size() + 2 > MAX_TEXT_LINE)
            {
                m_lineTooLong = true;
                m_mail.content.clear();
            }
            DataLine(line);
        }
        else if (line.size() + 2 > MAX_COMMAND_LINE)
        {
            Reply(500, "line too long");
        }
        else
        {
            Command(line);
        }
    }
    if (m_state == CLOSED)
    {
        m_buffer.clear();
        return;
    }
    m_buffer.erase(0, pos);
    std::size_t limit = m_state == DATA ? MAX_TEXT_LINE : MAX_COMMAND_LINE;
    if (m_buffer.size() > limit)
    {
        // An over-long line: answer it now (commands) or at the end of the data, and skip it
        // up to its CRLF; a CR at the end may begin that CRLF.
        if (m_state == DATA)
        {
            m_lineTooLong = true;
            m_mail.content.clear();
        }
        else if (!m_skipping)
        {
            Reply(500, "line too long");
        }
        m_skipping = true;
        bool cr = m_buffer.back() == '\r';
        m_buffer = cr ? "\r" : "";
    }
}

void
MmsSmtpServer::Command(const std::string& line)
{
    MmsSmtpCommand c;
    int code = 0;
    std::string error;
    if (!MmsSmtpCommand::Parse(line, c, code, error))
    {
        Reply(code, error);
        return;
    }
    if (c.verb == "EHLO" || c.verb == "HELO")
    {
        ResetTransaction();
        m_state = READY;
        if (c.verb == "HELO")
        {
            Reply(250, m_domain);
            return;
        }
        MmsSmtpReply r{250, {m_domain + " greets " + c.argument}};
        if (m_pipelining)
        {
            r.lines.emplace_back("PIPELINING");
        }
        r.lines.push_back(m_maxSize > 0 ? "SIZE " + std::to_string(m_maxSize) : "SIZE");
        r.lines.emplace_back("8BITMIME");
        Reply(r);
        return;
    }
    if (c.verb == "NOOP")
    {
        Reply(250, "OK");
        return;
    }
    if (c.verb == "RSET")
    {
        ResetTransaction();
        m_state = m_state == CONNECTED ? CONNECTED : READY;
        Reply(250, "OK");
        return;
    }
    if (c.verb == "QUIT")
    {
        Reply(221, m_domain + " closing connection");
        m_state = CLOSED;
        return;
    }
    if (c.verb == "MAIL")
    {
        if (m_state != READY)
        {
            Reply(503,
                  m_state == CONNECTED ? "bad sequence of commands: send EHLO or HELO first"
                                       : "bad sequence of commands: nested MAIL command");
            return;
        }
        for (const auto& p : c.parameters)
        {
            if (p.first == "SIZE")
            {
                if (p.second.empty() || p.second.size() > 19
                    || !std::all_of(p.second.begin(),
                                    p.second.end(),
                                    [](char ch)
                                    {
                                        return std::isdigit(static_cast<unsigned char>(ch));
                                    }))
                {
                    Reply(501, "malformed SIZE parameter");
                    return;
                }
                if (m_maxSize > 0 && std::stoull(p.second) > m_maxSize)
                {
                    Reply(552, "message size exceeds fixed maximum message size");
                    return;
                }
            }
            else if (p.first == "BODY")
            {
                if (Upper(p.second) != "7BIT" && Upper(p.second) != "8BITMIME")
                {
                    Reply(501, "malformed BODY parameter");
                    return;
                }
            }
            else
            {
                Reply(555, "MAIL FROM parameter " + p.first + " not recognized");
                return;
            }
        }
        ResetTransaction();
        m_mail.from = c.argument;
        m_state = MAIL;
        Reply(250, "OK");
        return;
    }
    if (c.verb == "RCPT")
    {
        if (m_state != MAIL)
        {
            Reply(503, "bad sequence of commands: need MAIL before RCPT");
            return;
        }
        if (!c.parameters.empty())
        {
            Reply(555, "RCPT TO parameter " + c.parameters.front().first + " not recognized");
            return;
        }
        m_rcptTried++;
        MmsSmtpReply r =
            m_recipientCheck ? m_recipientCheck(c.argument) : MmsSmtpReply{250, {"OK"}};
        if (r.IsPositive())
        {
            m_mail.recipients.push_back(c.argument);
        }
        Reply(r);
        return;
    }
    // DATA
    if (m_state != MAIL)
    {
        Reply(503, "bad sequence of commands: need MAIL and RCPT before DATA");
        return;
    }
    if (m_mail.recipients.empty())
    {
        if (m_rcptTried > 0)
        {
            Reply(554, "no valid recipients");
        }
        else
        {
            Reply(503, "bad sequence of commands: need RCPT before DATA");
        }
        return;
    }
    m_state = DATA;
    Reply(354, "start mail input; end with <CRLF>.<CRLF>");
}

void
MmsSmtpServer::DataLine(const std::string& line)
{
    if (line == ".")
    {
        if (m_lineTooLong)
        {
            Reply(500, "line too long");
        }
        else if (m_tooBig)
        {
            Reply(552, "message size exceeds fixed maximum message size");
        }
        else
        {
            MmsSmtpReply r = m_mailCheck ? m_mailCheck(m_mail) : MmsSmtpReply{250, {"OK"}};
            if (r.IsPositive())
            {
                m_mails.push_back(m_mail);
            }
            Reply(r);
        }
        ResetTransaction();
        m_state = READY;
        return;
    }
    if (m_tooBig || m_lineTooLong)
    {
        return;
    }
    std::size_t from = !line.empty() && line[0] == '.' ? 1 : 0;
    m_mail.content.append(line, from, std::string::npos);
    m_mail.content += "\r\n";
    if (m_maxSize > 0 && m_mail.content.size() > m_maxSize)
    {
        m_tooBig = true;
        m_mail.content.clear();
    }
}

std::string
MmsSmtpServer::TakeOutput()
{
    std::string out;
    out.swap(m_output);
    return out;
}

bool
MmsSmtpServer::HasMail() const
{
    return !m_mails.empty();
}

MmsSmtpMail
MmsSmtpServer::PopMail()
{
    MmsSmtpMail m = m_mails.front();
    m_mails.pop_front();
    return m;
}

bool
MmsSmtpServer::IsClosed() const
{
    return m_state == CLOSED;
}

const std::map<int, uint32_t>&
MmsSmtpServer::GetErrorCounts() const
{
    return m_errors;
}

// ---------------------------------------------------------------------------------- client

MmsSmtpClient::MmsSmtpClient(const std::string& domain)
    : m_domain(domain)
{
}

void
MmsSmtpClient::Send(const MmsSmtpMail& mail)
{
    m_queue.push_back(mail);
    if (m_state == IDLE)
    {
        Next();
    }
    else if (m_state == FAILED || m_state == CLOSED || m_state == QUIT)
    {
        Fail(m_error.empty() ? "dialogue over" : m_error, 421);
    }
}

void
MmsSmtpClient::Quit()
{
    m_quit = true;
    if (m_state == IDLE)
    {
        Next();
    }
}

void
MmsSmtpClient::Next()
{
    m_state = IDLE;
    if (!m_queue.empty())
    {
        StartMail();
    }
    else if (m_quit)
    {
        m_output += MmsSmtpCommand{"QUIT", "", {}}.Serialize();
        m_state = QUIT;
    }
}

void
MmsSmtpClient::StartMail()
{
    const MmsSmtpMail& m = m_queue.front();
    m_current = MmsSmtpOutcome();
    m_mailOk = false;
    if (m.recipients.empty())
    {
        Finish(501, "no recipient", false);
        Next();
        return;
    }
    // The SIZE value: the content with its final CRLF, without stuffing and end line (RFC
    // 1870 section 3).
    uint64_t contentSize = m.content.size();
    if (!m.content.empty()
        && (m.content.size() < 2 || m.content.compare(m.content.size() - 2, 2, "\r\n") != 0))
    {
        contentSize += 2;
    }
    if (m_maxSize > 0 && contentSize > m_maxSize)
    {
        Finish(552, "message larger than the server's SIZE", false);
        Next();
        return;
    }
    MmsSmtpCommand mail{"MAIL", m.from, {}};
    if (m_sizeOffered)
    {
        mail.parameters.emplace_back("SIZE", std::to_string(contentSize));
    }
    m_output += mail.Serialize();
    m_expect = {"MAIL"};
    m_pendingRcpt.clear();
    for (const auto& r : m.recipients)
    {
        m_pendingRcpt.push_back(r);
    }
    if (m_pipelining)
    {
        for (const auto& r : m.recipients)
        {
            m_output += MmsSmtpCommand{"RCPT", r, {}}.Serialize();
            m_expect.emplace_back("RCPT");
        }
        m_output += MmsSmtpCommand{"DATA", "", {}}.Serialize();
        m_expect.emplace_back("DATA");
    }
    m_state = ENVELOPE;
}

void
MmsSmtpClient::Finish(int code, const std::string& text, bool delivered)
{
    m_current.code = code;
    m_current.text = text;
    m_current.delivered = delivered;
    m_outcomes.push_back(m_current);
    m_current = MmsSmtpOutcome();
    m_queue.pop_front();
}

void
MmsSmtpClient::Fail(const std::string& why, int code)
{
    if (m_error.empty())
    {
        m_error = why;
    }
    m_state = FAILED;
    while (!m_queue.empty())
    {
        Finish(code, why, false);
    }
}

void
MmsSmtpClient::Feed(const char* data, std::size_t size)
{
    if (m_state == FAILED || m_state == CLOSED)
    {
        return;
    }
    if (!m_parser.Feed(data, size))
    {
        Fail(m_parser.Error(), 421);
        return;
    }
    while (m_parser.HasReply() && m_state != FAILED && m_state != CLOSED)
    {
        OnReply(m_parser.PopReply());
    }
}

void
MmsSmtpClient::ConnectionLost(const std::string& why)
{
    if (m_state != FAILED && m_state != CLOSED)
    {
        Fail(why, 421);
    }
}

void
MmsSmtpClient::OnReply(const MmsSmtpReply& r)
{
    if (r.code == 421)
    {
        // Service not available: the server closes the connection (RFC 5321 section 3.8).
        Fail("421 " + r.Text(), 421);
        return;
    }
    switch (m_state)
    {
        case GREETING:
            if (r.code != 220)
            {
                m_output += MmsSmtpCommand{"QUIT", "", {}}.Serialize();
                Fail("greeting " + std::to_string(r.code) + " " + r.Text(), r.code);
                return;
            }
            m_output += MmsSmtpCommand{"EHLO", m_domain, {}}.Serialize();
            m_state = EHLO;
            return;
        case EHLO:
            if (r.IsPositive())
            {
                for (std::size_t i = 1; i < r.lines.size(); i++)
                {
                    std::string k = Upper(r.lines[i]);
                    m_pipelining = m_pipelining || k == "PIPELINING";
                    m_sizeOffered = m_sizeOffered || k == "SIZE" || k.rfind("SIZE ", 0) == 0;
                    if (k.rfind("SIZE ", 0) == 0)
                    {
                        std::string v = k.substr(5);
                        bool number =
                            !v.empty() && v.size() < 19
                            && std::all_of(v.begin(),
                                           v.end(),
                                           [](char ch)
                                           {
                                               return std::isdigit(static_cast<unsigned char>(ch));
                                           });
                        m_maxSize = number ? std::stoull(v) : 0;
                    }
                }
                Next();
            }
            else if (r.code >= 500)
            {
                // RFC 5321 section 3.2: a server that does not know EHLO gets HELO.
                m_output += MmsSmtpCommand{"HELO", m_domain, {}}.Serialize();
                m_state = HELO;
            }
            else
            {
                Fail("EHLO refused: " + std::to_string(r.code) + " " + r.Text(), r.code);
            }
            return;
        case HELO:
            if (!r.IsPositive())
            {
                Fail("HELO refused: " + std::to_string(r.code) + " " + r.Text(), r.code);
                return;
            }
            Next();
            return;
        case ENVELOPE:
        {
            if (m_expect.empty())
            {
                Fail("unexpected reply " + std::to_string(r.code), 421);
                return;
            }
            std::string what = m_expect.front();
            m_expect.pop_front();
            if (what == "MAIL")
            {
                m_mailOk = r.IsPositive();
                if (!m_mailOk)
                {
                    m_current.code = r.code;
                    m_current.text = r.Text();
                }
                if (!m_pipelining)
                {
                    if (!m_mailOk)
                    {
                        Finish(r.code, r.Text(), false);
                        Next();
                        return;
                    }
                    m_output += MmsSmtpCommand{"RCPT", m_pendingRcpt.front(), {}}.Serialize();
                    m_expect.emplace_back("RCPT");
                }
                return;
            }
            if (what == "RCPT")
            {
                std::string rcpt = m_pendingRcpt.front();
                m_pendingRcpt.pop_front();
                if (r.IsPositive())
                {
                    m_current.accepted.push_back(rcpt);
                }
                else
                {
                    m_current.rejected.emplace_back(rcpt, r.code);
                    if (m_mailOk && m_current.code == 0)
                    {
                        m_current.code = r.code;
                        m_current.text = r.Text();
                    }
                }
                if (!m_pipelining)
                {
                    if (!m_pendingRcpt.empty())
                    {
                        m_output += MmsSmtpCommand{"RCPT", m_pendingRcpt.front(), {}}.Serialize();
                        m_expect.emplace_back("RCPT");
                    }
                    else if (!m_current.accepted.empty())
                    {
                        m_output += MmsSmtpCommand{"DATA", "", {}}.Serialize();
                        m_expect.emplace_back("DATA");
                    }
                    else
                    {
                        Finish(m_current.code, m_current.text, false);
                        m_output += MmsSmtpCommand{"RSET", "", {}}.Serialize();
                        m_state = RSET;
                    }
                }
                return;
            }
            // DATA
            if (r.code == 354)
            {
                // RFC 2920 section 3.1: with no recipient accepted, send only the end line.
                m_output += m_current.accepted.empty()
                                ? std::string(".\r\n")
                                : MmsSmtpData::Stuff(m_queue.front().content);
                m_state = CONTENT;
                return;
            }
            int code = m_current.code != 0 ? m_current.code : r.code;
            std::string text = m_current.code != 0 ? m_current.text : r.Text();
            Finish(code, text, false);
            m_output += MmsSmtpCommand{"RSET", "", {}}.Serialize();
            m_state = RSET;
            return;
        }
        case CONTENT:
        {
            bool delivered = r.IsPositive() && !m_current.accepted.empty();
            int code = m_current.accepted.empty() && m_current.code != 0 ? m_current.code : r.code;
            Finish(code, r.Text(), delivered);
            Next();
            return;
        }
        case RSET:
            if (!r.IsPositive())
            {
                Fail("RSET refused: " + std::to_string(r.code), r.code);
                return;
            }
            Next();
            return;
        case QUIT:
            m_state = CLOSED;
            if (r.code != 221)
            {
                m_error = "QUIT answered " + std::to_string(r.code);
            }
            return;
        default:
            Fail("unexpected reply " + std::to_string(r.code) + " " + r.Text(), 421);
            return;
    }
}

std::string
MmsSmtpClient::TakeOutput()
{
    std::string out;
    out.swap(m_output);
    return out;
}

const std::vector<MmsSmtpOutcome>&
MmsSmtpClient::GetOutcomes() const
{
    return m_outcomes;
}

bool
MmsSmtpClient::ServerPipelines() const
{
    return m_pipelining;
}

uint64_t
MmsSmtpClient::ServerMaxSize() const
{
    return m_maxSize;
}

bool
MmsSmtpClient::IsClosed() const
{
    return m_state == CLOSED;
}

bool
MmsSmtpClient::IsFailed() const
{
    return m_state == FAILED;
}

const std::string&
MmsSmtpClient::Error() const
{
    return m_error;
}

} // namespace ns3
