/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_MAIL_SERVER_H
#define MMS_MAIL_SERVER_H

/**
 * \file
 * \ingroup mms-engines
 * An external Internet mail server at the far end of MM3 (3GPP TS 23.140 section 6.3): it
 * takes the Relay's mails to e-mail users over SMTP and sends e-mails to subscribers.
 */

#include "mms-internet-message.h"
#include "mms-smtp-connection.h"
#include "mms-subscriber-directory.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief An Internet mail server for MM3: the mailboxes of e-mail users, reached over SMTP.
 *
 * Receiving: it listens on Port. RCPT TO of one of its users (user1\@Domain, user2\@Domain,
 * ..., Users of them) gets 250, any other address 550; a mail that is not RFC 5322/MIME gets
 * 554. RefuseCode makes it answer the end of the data with that code instead of 250 (a 5xx
 * refuses, a 4xx defers) for the first RefuseCount mails (0: all). Each mail accepted is kept
 * (GetMails(): envelope, subject, the decoded size of each body part).
 *
 * Sending: Mails e-mails to the subscribers of the directory, the first one Interval after
 * the start and one every Interval after it (exponential by default: a Poisson stream), each
 * to a subscriber drawn uniformly, from a user of its own, with a text part and a virtual
 * image/jpeg part of ContentSize octets in base64, one SMTP connection each to RelayAddress
 * (the Relay's MM3 port). The recipient's address is its number at RecipientDomain, in the
 * form of AddressForm: "+447700900001/TYPE=PLMN@mms.example.net" (the MM4 form of TS 23.140
 * section 8.4.4, which the Relay also writes in From of its MM3 mails) or
 * "447700900001@mms.example.net" (the number-at-domain gateways of operators). No retry: a
 * mail not answered 250 is counted deferred (4xx, lost connection) or failed (5xx).
 */
class MmsMailServer : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// A server with no directory and nothing to send.
    MmsMailServer();
    ~MmsMailServer() override;

    /// Counts of the mail server.
    struct Counters
    {
        uint64_t accepted{0};          //!< mails received and answered 250
        uint64_t refused{0};           //!< mails answered RefuseCode (4xx or 5xx)
        uint64_t unknownRecipients{0}; //!< RCPT TO answered 550
        uint64_t malformed{0};         //!< mails answered 554: not RFC 5322/MIME
        uint64_t sent{0};              //!< e-mails to subscribers attempted
        uint64_t delivered{0};         //!< of those, answered 250 by the Relay
        uint64_t deferred{0};          //!< answered 4xx or connection lost (421)
        uint64_t failed{0};            //!< answered 5xx
    };

    /// A mail the server accepted.
    struct Mail
    {
        std::string from;                    //!< MAIL FROM
        std::vector<std::string> recipients; //!< RCPT TO accepted
        std::string subject;                 //!< Subject
        std::string contentType;             //!< media type of the message
        uint64_t size{0};                    //!< octets of the data (after un-stuffing)
        std::vector<std::string> partTypes;  //!< media type of each body part
        std::vector<uint64_t> partSizes;     //!< decoded octets of each body part
    };

    /**
     * Trace signature of MailReceived and MailSent.
     * \param address the recipient (MailSent) or sender (MailReceived)
     * \param code the SMTP reply code given (MailReceived) or received (MailSent)
     * \param octets the mail's size
     */
    typedef void (*MailTracedCallback)(const std::string& address, int code, uint64_t octets);

    /**
     * \brief Set the subscribers e-mails are sent to.
     * \param directory the MMSE's directory
     */
    void SetDirectory(Ptr<MmsSubscriberDirectory> directory);
    /**
     * \brief Set where e-mails to subscribers go (as RelayAddress does).
     * \param address the Relay's IPv4 address and MM3 port
     */
    void SetRelayAddress(const Address& address);
    /**
     * \brief The address of one of its users.
     * \param i the user's index, from 0
     * \return "user<i+1>@Domain"
     */
    std::string GetUserAddress(uint32_t i) const;
    /**
     * \brief The address an e-mail to a subscriber carries (AddressForm, RecipientDomain).
     * \param number "+447700900001"
     * \return e.g. "+447700900001/TYPE=PLMN@mms.example.net"
     */
    std::string SubscriberAddress(const std::string& number) const;
    /**
     * \brief The e-mail k as it is sent (k from 0).
     * \param k its index
     * \param from the sender's address
     * \param to the recipient's address
     * \return the mail's entity
     */
    MmsMimeEntity MakeMail(uint32_t k, const std::string& from, const std::string& to) const;
    /**
     * \brief Assign fixed random streams.
     * \param stream first stream index
     * \return the number of streams used (2)
     */
    int64_t AssignStreams(int64_t stream);
    /**
     * \brief The totals so far.
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * \brief The mails accepted, in order.
     * \return the mails
     */
    const std::vector<Mail>& GetMails() const;
    /**
     * \brief The negative replies of its SMTP server, by code (500, 501, 550, 554, ...).
     * \return code to count
     */
    std::map<int, uint64_t> GetSmtpErrors() const;

  protected:
    /// Close the sockets and cancel the schedule.
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    void Accept(Ptr<Socket> s, const Address& from);
    void Received(Ptr<MmsSmtpConnection> c, const MmsSmtpMail& mail);
    void SendNext();
    void Done(uint32_t k, uint64_t octets, std::string to, Ptr<MmsSmtpConnection> c);
    void Release(Ptr<MmsSmtpConnection> c);

    std::string m_domain;
    std::string m_recipientDomain;
    std::string m_addressForm;
    uint16_t m_port{25};
    uint32_t m_users{100};
    Address m_relayAddress;
    uint32_t m_mails{0};
    uint32_t m_contentSize{20000};
    uint32_t m_refuseCode{0};
    uint32_t m_refuseCount{0};
    Ptr<RandomVariableStream> m_interval;
    Ptr<UniformRandomVariable> m_pick;
    Ptr<MmsSubscriberDirectory> m_directory;
    Ptr<Socket> m_listener;
    std::vector<Ptr<MmsSmtpConnection>> m_servers;
    std::vector<Ptr<MmsSmtpConnection>> m_clients;
    std::map<int, uint64_t> m_closedErrors;
    EventId m_next;
    uint32_t m_sentSoFar{0};
    uint32_t m_refusedSoFar{0};
    Counters m_counters;
    std::vector<Mail> m_received;

    TracedCallback<const std::string&, int, uint64_t> m_receivedTrace;
    TracedCallback<const std::string&, int, uint64_t> m_sentTrace;
};

} // namespace ns3

#endif /* MMS_MAIL_SERVER_H */
