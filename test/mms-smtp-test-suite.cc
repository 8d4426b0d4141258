/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// SMTP codec and dialogues: a whole dialogue (greeting, EHLO, pipelined MAIL/RCPT/DATA, the
// dot-stuffed data, QUIT) compared octet for octet with RFC 5321/2920/1870, the same without
// PIPELINING, every split of either side's input giving the same result, dot-stuffing round
// trips, the reply for each malformed or out-of-sequence command, refused recipients, size
// limits, and the client's handling of 4xx, 5xx, 421, EHLO refusal and malformed replies.

#include "ns3/mms-smtp.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

const std::string A = "mms.mnc010.mcc234.gprs"; //!< the sending Relay's MMSE domain
const std::string B = "mms.mnc020.mcc234.gprs"; //!< the receiving one's

/// A mail of the dialogue test: its content has a line starting with a dot and no final CRLF.
MmsSmtpMail
TestMail()
{
    MmsSmtpMail m;
    m.from = "+4412345678/TYPE=PLMN@" + A;
    m.recipients = {"+4479876543/TYPE=PLMN@" + B};
    m.content = "X-Mms-Message-Type: MM4_forward.REQ\r\n\r\n.hidden\r\nlast";
    return m;
}

/// Runs client and server against each other until neither has anything to say; returns the
/// transcript ("S: ..." and "C: ..." chunks, one per TakeOutput()).
std::vector<std::string>
Converse(MmsSmtpClient& client, MmsSmtpServer& server)
{
    std::vector<std::string> transcript;
    std::string toClient = server.Greeting();
    while (true)
    {
        if (toClient.empty())
        {
            break;
        }
        transcript.push_back("S: " + toClient);
        client.Feed(toClient.data(), toClient.size());
        std::string toServer = client.TakeOutput();
        if (toServer.empty())
        {
            break;
        }
        transcript.push_back("C: " + toServer);
        server.Feed(toServer.data(), toServer.size());
        toClient = server.TakeOutput();
    }
    return transcript;
}

/// What a server (with that SIZE limit, 0 for none) answers to some input fed at once.
std::string
Answer(const std::string& input, uint64_t maxSize = 0)
{
    MmsSmtpServer server(B);
    server.SetMaxMessageSize(maxSize);
    server.Feed(input.data(), input.size());
    return server.TakeOutput();
}

} // namespace

/// The whole dialogue octet for octet, with and without PIPELINING.
class SmtpDialogueTestCase : public TestCase
{
  public:
    SmtpDialogueTestCase()
        : TestCase("SMTP dialogue octet for octet: EHLO, pipelined MAIL, RCPT and DATA, data, QUIT")
    {
    }

  private:
    void DoRun() override
    {
        MmsSmtpServer server(B);
        server.SetMaxMessageSize(1000000);
        MmsSmtpClient client(A);
        client.Send(TestMail());
        client.Quit();
        std::vector<std::string> t = Converse(client, server);
        const std::vector<std::string> expected = {
            // RFC 5321 4.2 / 3.1: the greeting, 220 and the server's domain.
            "S: 220 " + B + " ESMTP ready\r\n",
            // 4.1.1.1: EHLO with the client's domain.
            "C: EHLO " + A + "\r\n",
            // 4.1.1.1 / 4.2.1: a multi-line 250, the keywords one per line ("250-" on all but
            // the last): PIPELINING (RFC 2920), SIZE with the limit (RFC 1870), 8BITMIME
            // (RFC 6152).
            "S: 250-" + B + " greets " + A + "\r\n250-PIPELINING\r\n250-SIZE 1000000\r\n"
                + "250 8BITMIME\r\n",
            // RFC 2920 3.1: MAIL, RCPT and DATA in one group; SIZE= the content with its
            // final CRLF added, 37 + 2 + 9 + 4 + 2 = 54 octets (RFC 1870 3).
            "C: MAIL FROM:<+4412345678/TYPE=PLMN@" + A + "> SIZE=54\r\nRCPT TO:<"
                + "+4479876543/TYPE=PLMN@" + B + ">\r\nDATA\r\n",
            // The three replies in order; 354 invites the data (RFC 5321 4.1.1.4).
            "S: 250 OK\r\n250 OK\r\n354 start mail input; end with <CRLF>.<CRLF>\r\n",
            // 4.5.2: the leading dot doubled; a CRLF ends the last line; then ".\r\n".
            "C: X-Mms-Message-Type: MM4_forward.REQ\r\n\r\n..hidden\r\nlast\r\n.\r\n",
            "S: 250 OK\r\n",
            "C: QUIT\r\n",
            "S: 221 " + B + " closing connection\r\n",
        };
        NS_TEST_ASSERT_MSG_EQ(t.size(), expected.size(), "chunks");
        for (std::size_t i = 0; i < std::min(t.size(), expected.size()); i++)
        {
            NS_TEST_ASSERT_MSG_EQ(t[i], expected[i], "chunk " << i);
        }
        NS_TEST_ASSERT_MSG_EQ(client.IsClosed(), true, "closed after 221");
        NS_TEST_ASSERT_MSG_EQ(server.IsClosed(), true, "closed after QUIT");
        NS_TEST_ASSERT_MSG_EQ(client.GetOutcomes().size(), 1U, "one outcome");
        NS_TEST_ASSERT_MSG_EQ(client.GetOutcomes()[0].delivered, true, "delivered");
        NS_TEST_ASSERT_MSG_EQ(client.GetOutcomes()[0].code, 250, "250");
        NS_TEST_ASSERT_MSG_EQ(server.HasMail(), true, "the mail");
        MmsSmtpMail got = server.PopMail();
        NS_TEST_ASSERT_MSG_EQ(got.from, TestMail().from, "reverse-path");
        NS_TEST_ASSERT_MSG_EQ((got.recipients == TestMail().recipients), true, "forward-paths");
        NS_TEST_ASSERT_MSG_EQ(got.content, TestMail().content + "\r\n", "content unstuffed");
        NS_TEST_ASSERT_MSG_EQ(server.GetErrorCounts().empty(), true, "no errors");

        // Without PIPELINING: one command per round trip, no SIZE parameter without SIZE...
        MmsSmtpServer plain(B);
        plain.SetPipelining(false);
        MmsSmtpClient client2(A);
        client2.Send(TestMail());
        client2.Quit();
        std::vector<std::string> t2 = Converse(client2, plain);
        NS_TEST_ASSERT_MSG_EQ(t2.size(), 13U, "three more round trips");
        NS_TEST_ASSERT_MSG_EQ(t2[2],
                              "S: 250-" + B + " greets " + A + "\r\n250-SIZE\r\n"
                                  + "250 8BITMIME\r\n",
                              "SIZE without a limit");
        // ... SIZE offered without a value still takes the parameter (RFC 1870 section 4).
        NS_TEST_ASSERT_MSG_EQ(
            t2[3], "C: MAIL FROM:<+4412345678/TYPE=PLMN@" + A + "> SIZE=54\r\n", "MAIL alone");
        NS_TEST_ASSERT_MSG_EQ(t2[4], "S: 250 OK\r\n", "");
        NS_TEST_ASSERT_MSG_EQ(t2[5], "C: RCPT TO:<+4479876543/TYPE=PLMN@" + B + ">\r\n", "");
        NS_TEST_ASSERT_MSG_EQ(t2[7], "C: DATA\r\n", "");
        NS_TEST_ASSERT_MSG_EQ(client2.GetOutcomes().at(0).delivered, true, "delivered");
        NS_TEST_ASSERT_MSG_EQ(client2.ServerPipelines(), false, "not offered");

        // Two mails, the second refused by the server at the end of its data.
        MmsSmtpServer picky(B);
        picky.SetMailCheck(
            [](const MmsSmtpMail& m)
            {
                return m.content.find("spam") != std::string::npos
                           ? MmsSmtpReply{554, {"transaction failed"}}
                           : MmsSmtpReply{250, {"OK"}};
            });
        MmsSmtpClient client3(A);
        client3.Send(TestMail());
        MmsSmtpMail spam = TestMail();
        spam.content = "spam\r\n";
        client3.Send(spam);
        client3.Quit();
        Converse(client3, picky);
        NS_TEST_ASSERT_MSG_EQ(client3.GetOutcomes().size(), 2U, "two outcomes");
        NS_TEST_ASSERT_MSG_EQ(client3.GetOutcomes()[1].code, 554, "refused");
        NS_TEST_ASSERT_MSG_EQ(client3.GetOutcomes()[1].delivered, false, "not delivered");
        NS_TEST_ASSERT_MSG_EQ(picky.HasMail(), true, "the first");
        picky.PopMail();
        NS_TEST_ASSERT_MSG_EQ(picky.HasMail(), false, "not the second");
        NS_TEST_ASSERT_MSG_EQ(picky.GetErrorCounts().at(554), 1U, "counted");
    }
};

/// Every split of each side's input gives the same replies, commands and mail.
class SmtpSplitTestCase : public TestCase
{
  public:
    SmtpSplitTestCase()
        : TestCase("SMTP: every split of the client's and the server's octets, and one by one")
    {
    }

  private:
    void DoRun() override
    {
        MmsSmtpServer server(B);
        MmsSmtpClient client(A);
        client.Send(TestMail());
        client.Quit();
        std::vector<std::string> t = Converse(client, server);
        std::string fromClient;
        std::string fromServer;
        for (const auto& chunk : t)
        {
            (chunk[0] == 'C' ? fromClient : fromServer) += chunk.substr(3);
        }
        std::string greeting = server.Greeting();
        std::string replies = fromServer.substr(greeting.size());
        for (std::size_t cut = 0; cut <= fromClient.size(); cut++)
        {
            MmsSmtpServer s(B);
            s.Feed(fromClient.data(), cut);
            s.Feed(fromClient.data() + cut, fromClient.size() - cut);
            NS_TEST_ASSERT_MSG_EQ(s.TakeOutput(), replies, "server, cut at " << cut);
            NS_TEST_ASSERT_MSG_EQ(s.HasMail(), true, "mail, cut at " << cut);
            NS_TEST_ASSERT_MSG_EQ(s.PopMail().content, TestMail().content + "\r\n", cut);
        }
        for (std::size_t cut = 0; cut <= fromServer.size(); cut++)
        {
            MmsSmtpClient c(A);
            c.Send(TestMail());
            c.Quit();
            c.Feed(fromServer.data(), cut);
            std::string out = c.TakeOutput();
            c.Feed(fromServer.data() + cut, fromServer.size() - cut);
            out += c.TakeOutput();
            NS_TEST_ASSERT_MSG_EQ(out, fromClient, "client, cut at " << cut);
            NS_TEST_ASSERT_MSG_EQ(c.IsClosed(), true, cut);
        }
        MmsSmtpServer one(B);
        std::string out;
        for (char ch : fromClient)
        {
            one.Feed(&ch, 1);
            out += one.TakeOutput();
        }
        NS_TEST_ASSERT_MSG_EQ(out, replies, "octet by octet");

        MmsSmtpReplyParser parser;
        const std::string multi = "250-a\r\n250-b\r\n250 c\r\n354 go\r\n";
        for (char ch : multi)
        {
            parser.Feed(&ch, 1);
        }
        NS_TEST_ASSERT_MSG_EQ(parser.HasReply(), true, "");
        MmsSmtpReply r = parser.PopReply();
        NS_TEST_ASSERT_MSG_EQ(r.lines.size(), 3U, "continuation lines");
        NS_TEST_ASSERT_MSG_EQ(r.Serialize(), "250-a\r\n250-b\r\n250 c\r\n", "written back");
        NS_TEST_ASSERT_MSG_EQ(parser.PopReply().code, 354, "then 354");
    }
};

/// Dot-stuffing round trips.
class SmtpDotStuffingTestCase : public TestCase
{
  public:
    SmtpDotStuffingTestCase()
        : TestCase("SMTP dot-stuffing: stuff, unstuff and through the server, exact sizes")
    {
    }

  private:
    void DoRun() override
    {
        const std::string contents[] = {"",
                                        ".",
                                        ".\r\n",
                                        "..\r\n.\r\n...",
                                        "a\r\n.\r\nb\r\n",
                                        "no final line end",
                                        "bare\nLF .\n.x\r\n",
                                        "\r\n\r\n.\r\n\r\n"};
        for (const auto& c : contents)
        {
            std::string stuffed = MmsSmtpData::Stuff(c);
            NS_TEST_ASSERT_MSG_EQ(stuffed.size(), MmsSmtpData::StuffedSize(c), "size");
            std::string expected = c;
            if (!c.empty() && (c.size() < 2 || c.compare(c.size() - 2, 2, "\r\n") != 0))
            {
                expected += "\r\n";
            }
            std::string back;
            NS_TEST_ASSERT_MSG_EQ(MmsSmtpData::Unstuff(stuffed, back), true, "end line");
            NS_TEST_ASSERT_MSG_EQ(back, expected, "round trip");
            // The end marker appears only at the end.
            NS_TEST_ASSERT_MSG_EQ(
                ("\r\n" + stuffed).find("\r\n.\r\n"), stuffed.size() - 3, "one end marker");

            MmsSmtpServer server(B);
            std::string in = "EHLO a\r\nMAIL FROM:<>\r\nRCPT TO:<x@y>\r\nDATA\r\n" + stuffed;
            server.Feed(in.data(), in.size());
            NS_TEST_ASSERT_MSG_EQ(server.HasMail(), true, "received");
            NS_TEST_ASSERT_MSG_EQ(server.PopMail().content, expected, "through the server");
        }
        NS_TEST_ASSERT_MSG_EQ(MmsSmtpData::Stuff(".a\r\n..b\r\n"), "..a\r\n...b\r\n.\r\n", "");
        std::string back;
        NS_TEST_ASSERT_MSG_EQ(MmsSmtpData::Unstuff("abc\r\n", back), false, "no end line");
    }
};

/// The server's reply to each malformed or misplaced command.
class SmtpServerErrorsTestCase : public TestCase
{
  public:
    SmtpServerErrorsTestCase()
        : TestCase("SMTP server: 500, 501, 502, 503, 552, 554, 555 for bad commands, counted")
    {
    }

  private:
    void DoRun() override
    {
        const std::string ehlo = "EHLO a.b\r\n";
        const std::string ehloReply =
            "250-" + B + " greets a.b\r\n250-PIPELINING\r\n250-SIZE\r\n" + "250 8BITMIME\r\n";
        NS_TEST_ASSERT_MSG_EQ(Answer(ehlo), ehloReply, "EHLO");
        const std::pair<std::string, std::string> cases[] = {
            {"FOO bar", "500 syntax error, command unrecognized"},
            {"NOOP\nX", "500 syntax error: control character or line not ended by CRLF"},
            {std::string(600, 'N'), "500 line too long"},
            {"VRFY someone", "502 command not implemented"},
            {"EHLO", "501 syntax: EHLO <domain>"},
            {"HELO a b", "501 syntax: HELO <domain>"},
            {"MAIL FROM:a@b", "501 syntax: MAIL FROM:<address>"},
            {"MAIL TO:<a@b>", "501 syntax: MAIL FROM:<address>"},
            {"MAIL FROM:<a b@c>", "501 malformed path <a b@c>"},
            {"MAIL FROM:<a@b> SIZE=12x", "501 malformed SIZE parameter"},
            {"MAIL FROM:<a@b> BODY=9BIT", "501 malformed BODY parameter"},
            {"MAIL FROM:<a@b> AUTH=<>", "555 MAIL FROM parameter AUTH not recognized"},
            {"MAIL FROM:<a@b> SIZE=2001", "552 message size exceeds fixed maximum message size"},
            {"RCPT TO:<a@b>", "503 bad sequence of commands: need MAIL before RCPT"},
            {"DATA", "503 bad sequence of commands: need MAIL and RCPT before DATA"},
            {"RSET now", "501 RSET takes no arguments"},
            {"QUIT now", "501 QUIT takes no arguments"},
        };
        for (const auto& c : cases)
        {
            NS_TEST_ASSERT_MSG_EQ(Answer(ehlo + c.first + "\r\n", 2000),
                                  ehloReply.substr(0, ehloReply.find("250-SIZE"))
                                      + "250-SIZE 2000\r\n250 8BITMIME\r\n" + c.second + "\r\n",
                                  c.first);
        }
        NS_TEST_ASSERT_MSG_EQ(Answer("MAIL FROM:<a@b>\r\n"),
                              "503 bad sequence of commands: send EHLO or HELO first\r\n",
                              "before EHLO");
        NS_TEST_ASSERT_MSG_EQ(Answer("HELO a\r\nMAIL FROM:<>\r\nMAIL FROM:<>\r\nRCPT TO:<x>\r\n"
                                     "DATA\r\nRCPT TO:<postmaster>\r\nDATA x\r\nNOOP\r\n"),
                              "250 " + B + "\r\n250 OK\r\n"
                                  + "503 bad sequence of commands: nested MAIL command\r\n"
                                  + "501 malformed forward-path <x>\r\n"
                                  + "503 bad sequence of commands: need RCPT before DATA\r\n"
                                  + "250 OK\r\n501 DATA takes no arguments\r\n250 OK\r\n",
                              "sequence");

        // Refused recipients: 550 for one; DATA after every RCPT failed gets 554.
        MmsSmtpServer server(B);
        server.SetRecipientCheck(
            [](const std::string& r)
            {
                return r.rfind("unknown", 0) == 0 ? MmsSmtpReply{550, {"no such user"}}
                                                  : MmsSmtpReply{250, {"OK"}};
            });
        std::string in = "EHLO a\r\nMAIL FROM:<>\r\nRCPT TO:<unknown@b>\r\nDATA\r\nRSET\r\n"
                         "MAIL FROM:<>\r\nRCPT TO:<unknown@b>\r\nRCPT TO:<k@b>\r\nDATA\r\n"
                         "x\r\n.\r\nQUIT\r\nNOOP\r\n";
        server.Feed(in.data(), in.size());
        std::string out = server.TakeOutput();
        NS_TEST_ASSERT_MSG_EQ(out.substr(out.find("8BITMIME\r\n") + 10),
                              "250 OK\r\n550 no such user\r\n554 no valid recipients\r\n250 OK\r\n"
                              "250 OK\r\n550 no such user\r\n250 OK\r\n"
                              "354 start mail input; end with <CRLF>.<CRLF>\r\n250 OK\r\n"
                              "221 "
                                  + B + " closing connection\r\n",
                              "nothing after QUIT");
        NS_TEST_ASSERT_MSG_EQ(server.PopMail().recipients.size(), 1U, "one recipient");
        NS_TEST_ASSERT_MSG_EQ(server.GetErrorCounts().at(550), 2U, "550 twice");
        NS_TEST_ASSERT_MSG_EQ(server.GetErrorCounts().at(554), 1U, "554 once");

        // Data above the SIZE limit, and a data line above 1000 octets.
        std::string big = "EHLO a\r\nMAIL FROM:<>\r\nRCPT TO:<k@b>\r\nDATA\r\n"
                          + std::string(60, 'x') + "\r\n.\r\nNOOP\r\n";
        std::string bigOut = Answer(big, 50);
        NS_TEST_ASSERT_MSG_EQ(bigOut.substr(bigOut.find("<CRLF>.<CRLF>\r\n") + 15),
                              "552 message size exceeds fixed maximum message size\r\n250 OK\r\n",
                              "552");
        std::string longLine = "EHLO a\r\nMAIL FROM:<>\r\nRCPT TO:<k@b>\r\nDATA\r\n"
                               + std::string(1200, 'x') + "\r\n.\r\nNOOP\r\n";
        std::string longOut = Answer(longLine);
        NS_TEST_ASSERT_MSG_EQ(longOut.substr(longOut.find("<CRLF>.<CRLF>\r\n") + 15),
                              "500 line too long\r\n250 OK\r\n",
                              "500 at the end of the data");
    }
};

/// The client's handling of refusals and broken servers.
class SmtpClientErrorsTestCase : public TestCase
{
  public:
    SmtpClientErrorsTestCase()
        : TestCase("SMTP client: HELO fallback, 4xx and 5xx outcomes, RSET, 421, bad replies")
    {
    }

  private:
    /// Feeds the client a scripted reply and returns what it sends.
    static std::string Say(MmsSmtpClient& c, const std::string& reply)
    {
        c.Feed(reply.data(), reply.size());
        return c.TakeOutput();
    }

    void DoRun() override
    {
        MmsSmtpClient c(A);
        MmsSmtpMail two = TestMail();
        two.recipients.push_back("unknown@" + B);
        c.Send(two);
        c.Send(TestMail());
        c.Quit();
        NS_TEST_ASSERT_MSG_EQ(Say(c, "220 b\r\n"), "EHLO " + A + "\r\n", "EHLO first");
        NS_TEST_ASSERT_MSG_EQ(Say(c, "500 what\r\n"), "HELO " + A + "\r\n", "HELO fallback");
        std::string mail = Say(c, "250 b\r\n");
        NS_TEST_ASSERT_MSG_EQ(mail, "MAIL FROM:<" + two.from + ">\r\n", "no pipelining");
        NS_TEST_ASSERT_MSG_EQ(Say(c, "250 OK\r\n"), "RCPT TO:<" + two.recipients[0] + ">\r\n", "");
        NS_TEST_ASSERT_MSG_EQ(Say(c, "250 OK\r\n"), "RCPT TO:<" + two.recipients[1] + ">\r\n", "");
        NS_TEST_ASSERT_MSG_EQ(Say(c, "550 no such user\r\n"), "DATA\r\n", "one accepted");
        NS_TEST_ASSERT_MSG_EQ(Say(c, "354 go\r\n"), MmsSmtpData::Stuff(two.content), "data");
        // The second mail: MAIL refused transiently, then RSET.
        NS_TEST_ASSERT_MSG_EQ(Say(c, "250 OK\r\n"), "MAIL FROM:<" + two.from + ">\r\n", "next");
        NS_TEST_ASSERT_MSG_EQ(Say(c, "451 try later\r\n"), "QUIT\r\n", "nothing left: QUIT");
        Say(c, "221 bye\r\n");
        NS_TEST_ASSERT_MSG_EQ(c.IsClosed(), true, "closed");
        const auto& o = c.GetOutcomes();
        NS_TEST_ASSERT_MSG_EQ(o.size(), 2U, "two outcomes");
        NS_TEST_ASSERT_MSG_EQ(o[0].delivered, true, "first delivered");
        NS_TEST_ASSERT_MSG_EQ(o[0].accepted.size(), 1U, "to one");
        NS_TEST_ASSERT_MSG_EQ(o[0].rejected.at(0).second, 550, "the other refused");
        NS_TEST_ASSERT_MSG_EQ(o[1].code, 451, "second: 451");
        NS_TEST_ASSERT_MSG_EQ(o[1].delivered, false, "not delivered");

        // Pipelined: a refused MAIL makes RCPT and DATA 503; the outcome keeps the MAIL's code.
        MmsSmtpClient p(A);
        p.Send(TestMail());
        Say(p, "220 b\r\n");
        std::string group = Say(p, "250-b\r\n250 PIPELINING\r\n");
        NS_TEST_ASSERT_MSG_EQ(group.find("DATA\r\n"), group.size() - 6, "one group");
        NS_TEST_ASSERT_MSG_EQ(Say(p, "552 too big\r\n503 no\r\n503 no\r\n"), "RSET\r\n", "RSET");
        NS_TEST_ASSERT_MSG_EQ(p.GetOutcomes().at(0).code, 552, "MAIL's code");

        // 421 at any point: the remaining mails fail with 421.
        MmsSmtpClient q(A);
        q.Send(TestMail());
        q.Send(TestMail());
        Say(q, "220 b\r\n");
        Say(q, "421 shutting down\r\n");
        NS_TEST_ASSERT_MSG_EQ(q.IsFailed(), true, "failed");
        NS_TEST_ASSERT_MSG_EQ(q.GetOutcomes().size(), 2U, "both");
        NS_TEST_ASSERT_MSG_EQ(q.GetOutcomes()[1].code, 421, "421");

        // A malformed reply and a refused greeting.
        MmsSmtpClient r(A);
        r.Send(TestMail());
        Say(r, "220 b\r\n2x0 what\r\n");
        NS_TEST_ASSERT_MSG_EQ(r.Error(), "offset 7: malformed reply line '2x0 what'", "");
        MmsSmtpClient s(A);
        s.Send(TestMail());
        NS_TEST_ASSERT_MSG_EQ(Say(s, "554 go away\r\n"), "QUIT\r\n", "QUIT after 554");
        NS_TEST_ASSERT_MSG_EQ(s.GetOutcomes().at(0).code, 554, "");
        MmsSmtpReplyParser bad;
        const std::string mixed = "250-a\r\n251 b\r\n";
        bad.Feed(mixed.data(), mixed.size());
        NS_TEST_ASSERT_MSG_EQ(
            bad.Error(), "offset 7: continuation line with code 251 in a 250 reply", "");
        // The connection lost in the middle: both mails fail with 421; once closed, no effect.
        MmsSmtpClient lost(A);
        lost.Send(TestMail());
        lost.Send(TestMail());
        Say(lost, "220 b\r\n");
        lost.ConnectionLost("reset");
        NS_TEST_ASSERT_MSG_EQ(lost.IsFailed(), true, "failed");
        NS_TEST_ASSERT_MSG_EQ(lost.GetOutcomes().size(), 2U, "both mails");
        NS_TEST_ASSERT_MSG_EQ(lost.GetOutcomes()[0].code, 421, "421");
        NS_TEST_ASSERT_MSG_EQ(lost.Error(), "reset", "why");
        MmsSmtpClient over(A);
        over.Quit();
        Say(over, "220 b\r\n");
        Say(over, "250 b\r\n");
        Say(over, "221 bye\r\n");
        over.ConnectionLost("closed");
        NS_TEST_ASSERT_MSG_EQ(over.IsClosed(), true, "closed stays closed");
        NS_TEST_ASSERT_MSG_EQ(over.Error(), "", "no error");
        // The SIZE limit the server announced is applied before sending.
        MmsSmtpClient t(A);
        MmsSmtpMail huge = TestMail();
        huge.content = std::string(100, 'x');
        t.Send(huge);
        Say(t, "220 b\r\n");
        Say(t, "250-b\r\n250 SIZE 50\r\n");
        NS_TEST_ASSERT_MSG_EQ(t.GetOutcomes().at(0).code, 552, "not sent");
        NS_TEST_ASSERT_MSG_EQ(t.ServerMaxSize(), 50U, "SIZE 50");
    }
};

/// The suite.
class MmsSmtpTestSuite : public TestSuite
{
  public:
    MmsSmtpTestSuite()
        : TestSuite("mms-smtp", Type::UNIT)
    {
        AddTestCase(new SmtpDialogueTestCase);
        AddTestCase(new SmtpSplitTestCase);
        AddTestCase(new SmtpDotStuffingTestCase);
        AddTestCase(new SmtpServerErrorsTestCase);
        AddTestCase(new SmtpClientErrorsTestCase);
    }
};

static MmsSmtpTestSuite g_mmsSmtpTestSuite; //!< Static variable for test
