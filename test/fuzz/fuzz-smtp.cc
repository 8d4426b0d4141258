/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: the SMTP server fed the input as client octets in two chunks split at
// the first octet's value, the client fed it as server replies, the reply parser, and
// dot-stuffing. Oracles: no crash or sanitizer report; the server gives the same replies and
// mails for the input fed whole; a command that parses is written and parsed back to the same
// command; unstuffing stuffed data gives the content back (with its final CRLF).

#include "mms-smtp.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace
{

std::string
Run(const char* text, std::size_t size, std::size_t cut, std::size_t& mails)
{
    ns3::MmsSmtpServer server("mms.example");
    server.SetMaxMessageSize(4096);
    server.SetRecipientCheck(
        [](const std::string& r)
        {
            return r.size() % 3 == 0 ? ns3::MmsSmtpReply{550, {"no"}}
                                     : ns3::MmsSmtpReply{250, {"OK"}};
        });
    server.Feed(text, cut);
    server.Feed(text + cut, size - cut);
    mails = 0;
    while (server.HasMail())
    {
        server.PopMail();
        mails++;
    }
    return server.TakeOutput();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    const char* text = reinterpret_cast<const char*>(data);
    std::size_t cut = data[0] % size;
    std::size_t mailsSplit = 0;
    std::size_t mailsWhole = 0;
    if (Run(text, size, cut, mailsSplit) != Run(text, size, 0, mailsWhole)
        || mailsSplit != mailsWhole)
    {
        std::abort();
    }

    ns3::MmsSmtpClient client("mms.client");
    ns3::MmsSmtpMail mail;
    mail.from = "a@b";
    mail.recipients = {"c@d", "e@f"};
    mail.content = "x\r\n.y\r\n";
    client.Send(mail);
    client.Quit();
    client.Feed(text, cut);
    client.TakeOutput();
    client.Feed(text + cut, size - cut);
    client.TakeOutput();

    std::string all(text, size);
    std::size_t eol = all.find("\r\n");
    std::string line = all.substr(0, eol);
    ns3::MmsSmtpCommand command;
    int code = 0;
    std::string error;
    if (ns3::MmsSmtpCommand::Parse(line, command, code, error))
    {
        std::string written = command.Serialize();
        ns3::MmsSmtpCommand again;
        if (!ns3::MmsSmtpCommand::Parse(written.substr(0, written.size() - 2), again, code, error)
            || again.Serialize() != written)
        {
            std::abort();
        }
    }

    std::string back;
    std::string expected = all;
    if (!all.empty() && (all.size() < 2 || all.compare(all.size() - 2, 2, "\r\n") != 0))
    {
        expected += "\r\n";
    }
    if (!ns3::MmsSmtpData::Unstuff(ns3::MmsSmtpData::Stuff(all), back) || back != expected)
    {
        std::abort();
    }
    return 0;
}
