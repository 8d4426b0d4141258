/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SMTP_H
#define MMS_SMTP_H

/**
 * \file
 * \ingroup mms-codec
 * SMTP (RFC 5321) as MM4 and MM3 use it: commands and replies, dot-stuffing of the mail data,
 * incremental parsing of a byte stream, and the client and server dialogues as state machines
 * that take bytes in and give bytes out (with PIPELINING, RFC 2920, and SIZE, RFC 1870).
 * Plain C++, no ns-3: a connection feeds them what TCP delivers and sends what they return.
 */

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief One SMTP command line (RFC 5321 section 4.1.1).
 */
struct MmsSmtpCommand
{
    std::string verb;     //!< upper case: "EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", ...
    std::string argument; //!< EHLO/HELO: the domain; MAIL/RCPT: the path without "<" ">"
    /// MAIL/RCPT: ESMTP parameters in order, e.g. {"SIZE", "1234"}; a keyword alone has ""
    std::vector<std::pair<std::string, std::string>> parameters;

    /**
     * \brief The command line with its CRLF: "EHLO mms.example", "MAIL FROM:<a@b> SIZE=9",
     * "RCPT TO:<c@d>", "DATA", ...
     * \return the line
     */
    std::string Serialize() const;
    /**
     * \brief Parse one command line (without its CRLF).
     * \param line the line
     * \param command the result
     * \param code the reply code for a bad line: 500 (unrecognised command or malformed
     * line), 501 (syntax error in the arguments), 502 (recognised but not implemented)
     * \param error what is wrong
     * \return true if the line is a well-formed command the codec knows
     */
    static bool Parse(const std::string& line,
                      MmsSmtpCommand& command,
                      int& code,
                      std::string& error);
};

/**
 * \ingroup mms-codec
 * \brief One SMTP reply (RFC 5321 section 4.2): a three-digit code and one or more text lines;
 * all lines but the last are written "code-text", the last "code text".
 */
struct MmsSmtpReply
{
    int code{250};                  //!< reply code (2xx, 3xx, 4xx, 5xx)
    std::vector<std::string> lines; //!< text lines (at least one when serialized)

    /**
     * \brief The reply lines, each with its CRLF.
     * \return e.g. "250-mms.example\r\n250 PIPELINING\r\n"
     */
    std::string Serialize() const;
    /**
     * \brief The reply's first text line.
     * \return the text, "" if none
     */
    std::string Text() const;
    /**
     * \brief Whether the reply is positive completion (2xx).
     * \return true for 2xx
     */
    bool IsPositive() const;
    /**
     * \brief Whether the reply is a transient negative one (4xx: try again later).
     * \return true for 4xx
     */
    bool IsTransient() const;
    /**
     * \brief A reply of one line.
     * \param code the reply code
     * \param text its text
     * \return the reply
     */
    static MmsSmtpReply Make(int code, const std::string& text);
};

/**
 * \ingroup mms-codec
 * \brief Incremental parser of SMTP replies (the client side of a connection): feed octets in
 * any split; complete replies come out in order.
 *
 * Errors (a line above 512 octets, not ended by CRLF, without three digits, a continuation
 * line with another code): the first one, "offset N: ..."; nothing is parsed after it.
 */
class MmsSmtpReplyParser
{
  public:
    /**
     * \brief Consume octets.
     * \param data the octets
     * \param size their number
     * \return false once in error
     */
    bool Feed(const char* data, std::size_t size);
    /**
     * \brief Whether a reply is waiting.
     * \return true if PopReply() may be called
     */
    bool HasReply() const;
    /**
     * \brief Take the oldest reply; call only when HasReply().
     * \return the reply
     */
    MmsSmtpReply PopReply();
    /**
     * \brief The first error.
     * \return "offset N: ..."; "" if none
     */
    const std::string& Error() const;

  private:
    std::string m_line;
    uint64_t m_offset{0};
    uint64_t m_lineStart{0};
    MmsSmtpReply m_current;
    bool m_inReply{false};
    std::deque<MmsSmtpReply> m_ready;
    std::string m_error;
};

/**
 * \ingroup mms-codec
 * \brief Dot-stuffing of SMTP mail data (RFC 5321 section 4.5.2).
 */
class MmsSmtpData
{
  public:
    /**
     * \brief Mail data as sent after the 354 reply: a CRLF added when the content does not
     * end with one, a "." doubled at the start of each line, then ".\r\n".
     * \param content the message (e.g. an MM4 message's text)
     * \return the octets to send
     */
    static std::string Stuff(const std::string& content);
    /**
     * \brief The size Stuff() returns.
     * \param content the message
     * \return the octets
     */
    static uint64_t StuffedSize(const std::string& content);
    /**
     * \brief The content of mail data: the inverse of Stuff().
     * \param data the mail data up to and including the ".\r\n" line
     * \param content the content, CRLF-terminated
     * \return false if the data has no end line
     */
    static bool Unstuff(const std::string& data, std::string& content);
};

/**
 * \ingroup mms-codec
 * \brief One mail: the envelope (MAIL FROM, RCPT TO) and the content (the DATA).
 */
struct MmsSmtpMail
{
    std::string from;                    //!< reverse-path without "<" ">"; "" for the null path
    std::vector<std::string> recipients; //!< forward-paths without "<" ">"
    std::string content;                 //!< the message, CRLF line ends
};

/**
 * \ingroup mms-codec
 * \brief What became of a mail the client sent.
 */
struct MmsSmtpOutcome
{
    int code{0};      //!< the final reply's code (after the data, or the failing one)
    std::string text; //!< its first text line
    std::vector<std::string> accepted;                 //!< recipients the server accepted with RCPT
    std::vector<std::pair<std::string, int>> rejected; //!< other recipients and their code
    bool delivered{false}; //!< 250 after the data: accepted for the accepted ones
};

/**
 * \ingroup mms-codec
 * \brief The server side of an SMTP dialogue (RFC 5321 section 4): greeting, EHLO/HELO, mail
 * transactions (MAIL, RCPT, DATA), RSET, NOOP, QUIT, with PIPELINING, SIZE and 8BITMIME
 * offered in the EHLO reply.
 *
 * Feed() takes the octets the client sent in any split (pipelined commands included) and
 * queues the replies for TakeOutput(); each mail whose data arrives whole comes out of
 * PopMail(). Errors get the reply RFC 5321 gives them and are counted:
 * - 500: unrecognised command, a line above 512 octets, a line with a bare LF;
 * - 501: syntax error in the arguments (EHLO without a domain, MAIL without "FROM:<path>",
 *   RCPT without "TO:<path>", arguments to DATA, RSET or QUIT);
 * - 502: VRFY, EXPN, HELP, TURN (recognised, not implemented);
 * - 503: bad sequence (MAIL before EHLO/HELO or inside a transaction, RCPT before MAIL, DATA
 *   before RCPT);
 * - 552: SIZE above the limit, in MAIL or in the data; 554: DATA after every RCPT failed;
 *   555: an unknown MAIL/RCPT parameter.
 * Recipients and mails are accepted unless the callbacks say otherwise.
 *
 * \code
 * MmsSmtpServer server("mms.mnc020.mcc234.gprs");
 * std::string out = server.Greeting();   // send it
 * server.Feed(bytes, n);                 // what TCP delivered
 * out = server.TakeOutput();             // send the replies
 * while (server.HasMail()) { MmsSmtpMail m = server.PopMail(); }
 * \endcode
 */
class MmsSmtpServer
{
  public:
    /**
     * \brief A server.
     * \param domain its name, in the greeting and the EHLO reply
     */
    explicit MmsSmtpServer(const std::string& domain);
    /**
     * \brief The largest message accepted (SIZE keyword).
     * \param octets the limit; 0 for none (SIZE offered without a value)
     */
    void SetMaxMessageSize(uint64_t octets);
    /**
     * \brief Whether the EHLO reply offers PIPELINING (pipelined input is processed in order
     * either way, as RFC 2920 allows).
     * \param offer true to offer it (default)
     */
    void SetPipelining(bool offer);
    /**
     * \brief Decide on each RCPT TO.
     * \param check returns the reply for a recipient: 250 to accept, 4xx or 5xx to refuse
     */
    void SetRecipientCheck(std::function<MmsSmtpReply(const std::string&)> check);
    /**
     * \brief Decide on each mail received whole (the reply to its final ".").
     * \param check returns the reply: 250 to accept (the mail then comes out of PopMail()),
     * 4xx or 5xx to refuse
     */
    void SetMailCheck(std::function<MmsSmtpReply(const MmsSmtpMail&)> check);

    /**
     * \brief The 220 greeting, to send once the connection is open.
     * \return the reply's octets
     */
    std::string Greeting() const;
    /**
     * \brief Consume octets from the client.
     * \param data the octets
     * \param size their number
     */
    void Feed(const char* data, std::size_t size);
    /**
     * \brief Take the replies queued so far.
     * \return their octets, "" if none
     */
    std::string TakeOutput();
    /**
     * \brief Whether a mail is waiting.
     * \return true if PopMail() may be called
     */
    bool HasMail() const;
    /**
     * \brief Take the oldest accepted mail; call only when HasMail().
     * \return the mail (content unstuffed, CRLF-terminated)
     */
    MmsSmtpMail PopMail();
    /**
     * \brief Whether the dialogue is over (QUIT answered with 221); input after it is ignored.
     * \return true after QUIT
     */
    bool IsClosed() const;
    /**
     * \brief The negative replies sent, by code.
     * \return code to count, e.g. {501: 2, 503: 1}
     */
    const std::map<int, uint32_t>& GetErrorCounts() const;

  private:
    enum State
    {
        CONNECTED, //!< greeting sent, waiting for EHLO/HELO
        READY,     //!< no transaction
        MAIL,      //!< MAIL accepted
        DATA,      //!< receiving the data
        CLOSED,    //!< QUIT answered
    };

    void Command(const std::string& line);
    void DataLine(const std::string& line);
    void Reply(int code, const std::string& text);
    void Reply(const MmsSmtpReply& reply);
    void ResetTransaction();

    std::string m_domain;
    uint64_t m_maxSize{0};
    bool m_pipelining{true};
    std::function<MmsSmtpReply(const std::string&)> m_recipientCheck;
    std::function<MmsSmtpReply(const MmsSmtpMail&)> m_mailCheck;
    State m_state{CONNECTED};
    std::string m_buffer;
    bool m_skipping{false}; //!< discarding an over-long line up to its CRLF
    MmsSmtpMail m_mail;
    uint32_t m_rcptTried{0};
    bool m_tooBig{false};      //!< the data exceeds the SIZE limit
    bool m_lineTooLong{false}; //!< the data has a line above 1000 octets
    std::string m_output;
    std::deque<MmsSmtpMail> m_mails;
    std::map<int, uint32_t> m_errors;
};

/**
 * \ingroup mms-codec
 * \brief The client side of an SMTP dialogue: EHLO (HELO when the server refuses it), then
 * each queued mail as MAIL FROM, RCPT TO, DATA and the dot-stuffed data, pipelined when the
 * server offers PIPELINING (RFC 2920: MAIL, the RCPTs and DATA in one go, then the data after
 * the 354), a SIZE parameter when it offers SIZE (RFC 1870), RSET after a failed transaction,
 * and QUIT once asked to finish.
 *
 * Feed() takes the server's octets in any split; TakeOutput() gives the commands to send;
 * each mail ends in an MmsSmtpOutcome. A malformed reply, a refused greeting, an unexpected
 * reply or a 421 ends the dialogue: the remaining mails fail with that code (421 for a
 * transport failure) and IsFailed() is true.
 */
class MmsSmtpClient
{
  public:
    /**
     * \brief A client.
     * \param domain its name, the EHLO argument
     */
    explicit MmsSmtpClient(const std::string& domain);
    /**
     * \brief Queue a mail.
     * \param mail envelope and content
     */
    void Send(const MmsSmtpMail& mail);
    /**
     * \brief Send QUIT once the queued mails are done.
     */
    void Quit();
    /**
     * \brief Consume octets from the server.
     * \param data the octets
     * \param size their number
     */
    void Feed(const char* data, std::size_t size);
    /**
     * \brief The connection is gone (closed by the server, reset, or never established): the
     * dialogue breaks off unless it was over, and the remaining mails fail with 421.
     * \param why what happened, kept as Error()
     */
    void ConnectionLost(const std::string& why);
    /**
     * \brief Take the commands (and data) queued so far.
     * \return their octets, "" if none
     */
    std::string TakeOutput();
    /**
     * \brief The outcomes so far, one per mail in Send() order.
     * \return the outcomes
     */
    const std::vector<MmsSmtpOutcome>& GetOutcomes() const;
    /**
     * \brief Whether the server offered PIPELINING.
     * \return true if so
     */
    bool ServerPipelines() const;
    /**
     * \brief The server's SIZE limit, if it gave one.
     * \return octets; 0 if none
     */
    uint64_t ServerMaxSize() const;
    /**
     * \brief Whether the dialogue ended with 221 after QUIT.
     * \return true if so
     */
    bool IsClosed() const;
    /**
     * \brief Whether the dialogue broke off (see the class description).
     * \return true if so
     */
    bool IsFailed() const;
    /**
     * \brief Why it broke off.
     * \return the error, "" if none
     */
    const std::string& Error() const;

  private:
    enum State
    {
        GREETING, //!< waiting for 220
        EHLO,     //!< waiting for the EHLO reply
        HELO,     //!< waiting for the HELO reply
        IDLE,     //!< between mails
        ENVELOPE, //!< waiting for the MAIL, RCPT and DATA replies
        CONTENT,  //!< data sent, waiting for its reply
        RSET,     //!< waiting for the RSET reply
        QUIT,     //!< waiting for 221
        CLOSED,   //!< done
        FAILED,   //!< broke off
    };

    void Next();
    void StartMail();
    void OnReply(const MmsSmtpReply& r);
    void Fail(const std::string& why, int code);
    void Finish(int code, const std::string& text, bool delivered);

    std::string m_domain;
    State m_state{GREETING};
    MmsSmtpReplyParser m_parser;
    std::deque<MmsSmtpMail> m_queue;
    bool m_quit{false};
    bool m_pipelining{false};
    uint64_t m_maxSize{0};
    bool m_sizeOffered{false};
    std::string m_output;
    std::vector<MmsSmtpOutcome> m_outcomes;
    MmsSmtpOutcome m_current;
    std::deque<std::string> m_expect; //!< replies still due in ENVELOPE: "MAIL", "RCPT", "DATA"
    std::deque<std::string> m_pendingRcpt; //!< the RCPTs those replies answer
    bool m_mailOk{false};
    std::string m_error;
};

} // namespace ns3

#endif /* MMS_SMTP_H */
