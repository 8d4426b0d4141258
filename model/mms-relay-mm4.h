/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RELAY_MM4_H
#define MMS_RELAY_MM4_H

/**
 * \file
 * \ingroup mms-engines
 * The MM4 side of an MMS Relay (3GPP TS 23.140 section 6.8): routing by number to other
 * operators' Relays, per-peer SMTP queues with retries, and the SMTP server that receives
 * MM4_forward.REQ and the reports.
 */

#include "mms-mm4-message.h"
#include "mms-pdu.h"
#include "mms-retry-policy.h"
#include "mms-smtp-connection.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class MmsRelay;

/**
 * \ingroup mms-engines
 * \brief The MM4 interface of one MmsRelay: which operator owns a number, and the SMTP
 * dialogues with the other operators' Relays.
 *
 * Routing: a recipient that is not a subscriber of the Relay's MMSE is looked up in the
 * number-range table (NumberRanges, standing in for the ENUM/DNS and number portability
 * look-ups of TS 23.140 section 8.4.1) after LookupDelay. A number of another operator with a
 * peer (Peers) is queued for that peer as an MM4_forward.REQ, one mail per (message,
 * recipient); a number of no operator, of this operator (not a subscriber), or of an operator
 * without peer ends Failed, as without MM4.
 *
 * Sending: each peer has a FIFO queue and at most one SMTP connection at a time (to the
 * peer's Relay, port SmtpPort); the connection carries every queued mail whose time has come
 * (pipelined when the peer offers it) and QUIT. A mail answered 250 is done (the recipient
 * ends Forwarded at this Relay); 5xx (to RCPT TO or to the data) ends it Failed; 4xx, a lost
 * or refused connection (421) put it back in the queue for the next attempt of RetryPolicy;
 * attempts that run out end it Failed. A mail whose message expires while queued is dropped
 * (the Relay ends the recipient Expired).
 *
 * Receiving: it listens on SmtpPort; RCPT TO of a number that is not a subscriber gets 550;
 * a mail that is not a valid MM4 message gets 554 and is counted malformed. An
 * MM4_forward.REQ is handed to the Relay, which stores and delivers it as a local message
 * (its delivery and read reports come back here, as MM4_delivery_report.REQ and
 * MM4_read_reply_report.REQ to the originator's operator); a .REQ that asks for it
 * (X-Mms-Ack-Request: Yes) is answered with the .RES (Ok) in a mail of its own. Reports
 * received are handed to the Relay, which pushes them to its subscriber.
 *
 * MM4 is off while Operator is empty (the default): every recipient that is not a
 * subscriber ends Failed. The agent needs the Relay's node with a TCP/IP stack (the
 * packet-level transport); the flow-level transport has no MM4.
 *
 * MM3 (TS 23.140 section 6.3 and 8.3, e-mail): with MailServerAddress set, a recipient that is
 * an e-mail address (an RFC 5322 addr-spec, not a number) goes to that mail server as a plain
 * MIME mail, one per (message, recipient), through the same kind of queue, connection and
 * RetryPolicy as a peer's (the mail server is one more destination of the queues): 250 ends
 * it Forwarded, 5xx Failed, 4xx and lost connections retry. The agent then also listens on
 * Mm3Port for mail from outside: RCPT TO of an address whose local part is a subscriber's
 * number (+447700900001/TYPE=PLMN@..., +447700900001@... or 447700900001@...) gets 250, any
 * other 550; a mail that is not RFC 5322/MIME or has no From gets 554; an accepted mail is
 * handed to the Relay, which stores and notifies it as a local submission. MM3 works with or
 * without MM4.
 */
class MmsRelayMm4Agent : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// An agent with MM4 off (no operator).
    MmsRelayMm4Agent();
    ~MmsRelayMm4Agent() override;

    /**
     * Trace signature of MailDone: an attempt at one MM4 mail ended.
     * \param peer the peer operator
     * \param type the X-Mms-Message-Type ("MM4_forward.REQ", ...)
     * \param code the SMTP reply code (250: accepted; 421: connection lost or refused)
     * \param text the reply's text
     */
    typedef void (*MailTracedCallback)(const std::string& peer,
                                       const std::string& type,
                                       int code,
                                       const std::string& text);

    /// Totals of the MM4 interface.
    struct Counters
    {
        uint64_t routed{0};               //!< recipients queued for a peer
        uint64_t unroutable{0};           //!< recipients of no operator or without a peer: Failed
        uint64_t forwarded{0};            //!< MM4_forward.REQ answered 250
        uint64_t forwardFailed{0};        //!< MM4_forward.REQ ended by 5xx or out of attempts
        uint64_t expiredQueued{0};        //!< mails dropped from a queue at their expiry
        uint64_t retries{0};              //!< mails put back after 4xx or a lost connection
        uint64_t connections{0};          //!< SMTP connections opened
        uint64_t reportsSent{0};          //!< delivery and read reports answered 250
        uint64_t reportsFailed{0};        //!< reports and .RES that could not be sent
        uint64_t forwardsReceived{0};     //!< MM4_forward.REQ accepted (one per recipient)
        uint64_t reportsReceived{0};      //!< MM4 delivery and read reports accepted
        uint64_t responsesSent{0};        //!< .RES queued
        uint64_t responsesReceived{0};    //!< .RES received
        uint64_t malformed{0};            //!< mails refused 554: not a valid MM4 message
        uint64_t mm3Routed{0};            //!< e-mail recipients queued for the mail server
        uint64_t mm3Unroutable{0};        //!< e-mail recipients without a mail server: Failed
        uint64_t mm3Sent{0};              //!< MM3 mails answered 250 by the mail server
        uint64_t mm3Failed{0};            //!< MM3 mails ended by 5xx or out of attempts
        uint64_t mm3Received{0};          //!< MM3 mails accepted (one count per recipient)
        uint64_t mm3UnknownRecipients{0}; //!< MM3 RCPT TO refused 550: not a subscriber
        uint64_t mm3Malformed{0};         //!< MM3 mails refused 554: not RFC 5322/MIME, no From
        uint64_t smtpErrors{0}; //!< negative replies of both SMTP listeners (see GetSmtpErrors)
    };

    /**
     * \brief Attach to the Relay that owns the agent (called by MmsRelay).
     * \param relay the Relay (not owned)
     */
    void SetRelay(MmsRelay* relay);
    /**
     * \brief Whether MM4 is on (Operator is set).
     * \return true if so
     */
    bool IsEnabled() const;
    /**
     * \brief This MMSE's operator.
     * \return the attribute Operator
     */
    std::string GetOperator() const;
    /**
     * \brief Add numbers to an operator (as NumberRanges does).
     * \param op the operator's name
     * \param first the first number, "+447700900001"
     * \param last the last number, same form (inclusive)
     */
    void AddRange(const std::string& op, const std::string& first, const std::string& last);
    /**
     * \brief Set the Relay of another operator (as Peers does).
     * \param op the operator's name
     * \param address the IPv4 address and port of its SMTP server (port 0: SmtpPort)
     */
    void AddPeer(const std::string& op, const Address& address);
    /**
     * \brief The operator whose range holds a number.
     * \param address "+447700900001" or "+447700900001/TYPE=PLMN"
     * \return the operator's name; "" if no range holds it
     */
    std::string FindOperator(const std::string& address) const;
    /**
     * \brief Whether a NumberRanges entry names an operator.
     * \param op the operator's name
     * \return true if some range is the operator's
     */
    bool HasRange(const std::string& op) const;
    /**
     * \brief Check a value of NumberRanges or Peers as the attribute would read it, without
     * stopping the program (the attribute's setter exits with status 2 on a bad value).
     * \param attribute "NumberRanges" or "Peers"
     * \param text the value
     * \param error what is wrong, worded as the setter words it
     *        ("ns3::MmsRelayMm4Agent::NumberRanges: entry '...': overlaps a range of red")
     * \return true if the value is good (any other attribute: true)
     */
    static bool CheckTable(const std::string& attribute,
                           const std::string& text,
                           std::string& error);
    /**
     * \brief The MMSE domain of an operator in MM4 addresses: the name itself when it has a
     * dot, otherwise "mms.<name>.example.net".
     * \param op the operator's name
     * \return the domain
     */
    static std::string DomainOf(const std::string& op);
    /**
     * \brief Decide RCPT TO before the agent does (a local policy, or a test's refusals).
     * \param check returns the reply for a recipient's MM4 address; a reply with code 0
     * leaves the decision to the agent (250 for a subscriber, 550 otherwise)
     */
    void SetRecipientPolicy(std::function<MmsSmtpReply(const std::string&)> check);
    /**
     * \brief The totals so far (smtpErrors summed over the listeners' dialogues).
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * \brief The negative replies the SMTP listeners (MM4 and MM3) sent, by reply code: 500
     * unknown command or bad line, 501 bad arguments, 503 bad sequence, 550 unknown recipient,
     * 554 refused mail, ... (MmsSmtpServer::GetErrorCounts of every dialogue so far).
     * \return code to count
     */
    std::map<int, uint64_t> GetSmtpErrors() const;
    /**
     * \brief Whether MM3 is on (MailServerAddress is set).
     * \return true if so
     */
    bool IsMm3Enabled() const;
    /**
     * \brief Set the mail server of MM3 (as MailServerAddress does).
     * \param address its IPv4 address and port (port 0: 25)
     */
    void SetMailServer(const Address& address);
    /**
     * \brief The domain of this MMSE's e-mail addresses: DomainOf(Operator), or
     * "mms.example.net" without an operator.
     * \return the domain
     */
    std::string GetDomain() const;
    /**
     * \brief Whether an address is an e-mail address (an addr-spec with "@", not a
     * "/TYPE=PLMN" number).
     * \param address the address
     * \return true if so
     */
    static bool IsEmailAddress(const std::string& address);
    /**
     * \brief The subscriber number an MM3 recipient names: the local part of
     * "+447700900001/TYPE=PLMN@domain", "+447700900001@domain" or "447700900001@domain" with
     * its "+" (the domain is not checked: mail reaches this Relay by its MX).
     * \param address the RCPT TO address
     * \return "+447700900001"; "" if the local part is not a number
     */
    static std::string NumberOfMailbox(const std::string& address);
    /**
     * \brief Mails waiting in the queues or on a connection.
     * \return their number
     */
    uint64_t GetQueuedMails() const;

    /**
     * \brief With MM4 on, stop the program with status 2 and a line naming the entry if a
     * Peers entry names an operator that no NumberRanges entry names (a misspelt name). The
     * two attributes can be set in either order, so each can only be checked alone when set;
     * Start() and the scenario helper (once it has added its ranges) call this.
     */
    void CheckPeers() const;
    /**
     * \brief Start listening for SMTP (the Relay starts; nothing if MM4 is off), after
     * CheckPeers().
     */
    void Start();
    /**
     * \brief Stop listening (the receiving side is down: connections are refused until
     * Start() again); queues and connections under way are kept.
     */
    void Stop();

    /**
     * \brief Route a recipient that is not a subscriber (after LookupDelay): a number over
     * MM4, an e-mail address over MM3 (Failed without a mail server).
     * \param messageId the Message-ID the Relay gave the MM
     * \param index the recipient's index in the message
     * \param recipient the recipient's address
     * \param originator the originator's address (MM1 form)
     * \param sendReq the M-Send.req (media virtual)
     * \param expiry the message's expiry (simulation time)
     */
    void Route(const std::string& messageId,
               uint32_t index,
               const std::string& recipient,
               const std::string& originator,
               const MmsPdu& sendReq,
               Time expiry);
    /**
     * \brief Send an MM4_delivery_report.REQ to the originator's operator.
     * \param deliveryInd the M-Delivery.ind (Message-ID of the originating Relay)
     * \param originator the message's originator (MM1 form)
     */
    void SendDeliveryReport(const MmsPdu& deliveryInd, const std::string& originator);
    /**
     * \brief Send an MM4_delivery_report.REQ to a given operator: for an originator outside
     * every number range (a VASP's short code), the operator its forward came from; the mail
     * goes to that operator's system user, since the originator has no mailbox there.
     * \param deliveryInd the M-Delivery.ind (Message-ID of the originating Relay)
     * \param originator the message's originator (MM1 form)
     * \param op the originator's operator
     */
    void SendDeliveryReport(const MmsPdu& deliveryInd,
                            const std::string& originator,
                            const std::string& op);
    /**
     * \brief The operator of an MM4 address: by the number range of its number, else by its
     * domain (DomainOf of an operator of the ranges or the peers: a short code of a VASP at
     * that operator).
     * \param address "+447700900001/TYPE=PLMN@mms.red.example.net" or "84444/TYPE=PLMN@..."
     * \return the operator's name; "" if neither tells
     */
    std::string FindOperatorOf(const std::string& address) const;
    /**
     * \brief Send an MM4_read_reply_report.REQ to the originator's operator.
     * \param readRec the M-Read-Rec.ind, its Message-ID the originating Relay's
     * \param reader the reader's address (MM1 form)
     * \param originator the message's originator (MM1 form)
     */
    void SendReadReport(const MmsPdu& readRec,
                        const std::string& reader,
                        const std::string& originator);
    /**
     * \brief The MM3 mail of a message to an e-mail recipient, as Route() sends it: RFC
     * 5322 fields (From the originator at GetDomain(), To, Date, Subject, Message-ID,
     * MIME-Version) and the MIME body of the MM, without X-Mms fields.
     * \param messageId the Message-ID the Relay gave the MM
     * \param originator the originator's address (MM1 form)
     * \param sendReq the M-Send.req
     * \return the mail's entity
     */
    MmsMimeEntity MakeMm3Mail(const std::string& messageId,
                              const std::string& originator,
                              const MmsPdu& sendReq) const;

  protected:
    /// Close the sockets, cancel the timers, drop the queues.
    void DoDispose() override;

  private:
    /// One mail in a peer's queue.
    struct Mail
    {
        MmsMm4Type type{MmsMm4Type::FORWARD_REQ};
        std::string messageId; //!< forward: the MM; "" for reports and responses
        uint32_t index{0};     //!< forward: the recipient's index
        Time expiry;           //!< forward: the message's expiry; 0 none
        MmsSmtpMail mail;
        uint32_t attempts{0}; //!< attempts made
        Time nextTry;         //!< not before
        bool mm3{false};      //!< an MM3 mail to the mail server
    };

    /// One other operator's Relay.
    struct Peer
    {
        Address address;
        std::deque<Mail> queue;
        std::vector<Mail> inFlight; //!< the mails of the open connection, in Send() order
        Ptr<MmsSmtpConnection> connection;
        Ptr<Socket> socket;
        EventId wake;
    };

    struct Range
    {
        std::string op;
        std::size_t width{0};
        uint64_t first{0};
        uint64_t last{0};
    };

    void Lookup(std::string messageId,
                uint32_t index,
                std::string recipient,
                std::string originator,
                MmsPdu sendReq,
                Time expiry);
    bool Enqueue(const std::string& op, Mail mail);
    void Kick(std::string op);
    void Connected(std::string op, Ptr<MmsSmtpConnection> c);
    void Done(std::string op, Ptr<MmsSmtpConnection> c);
    void Outcome(const std::string& op, Mail& mail, const MmsSmtpOutcome& outcome);
    void Release(std::string op);

    void Accept(Ptr<Socket> s, const Address& from);
    void AcceptMm3(Ptr<Socket> s, const Address& from);
    Ptr<MmsSmtpConnection> NewServerConnection(Ptr<Socket> s);
    Ptr<Socket> Listen(uint16_t port, bool mm3);
    void Received(Ptr<MmsSmtpConnection> c, const MmsSmtpMail& mail);
    void ReceivedMm3(Ptr<MmsSmtpConnection> c, const MmsSmtpMail& mail);
    void Mm3Lookup(std::string messageId,
                   uint32_t index,
                   std::string recipient,
                   std::string originator,
                   MmsPdu sendReq,
                   Time expiry);
    void ParseMailServer(const std::string& text);
    std::string GetMailServerText() const;
    void Respond(const MmsMm4Message& request);
    bool SendReport(const std::string& op,
                    const MmsMm4Message& report,
                    const std::vector<std::string>& recipients);
    std::function<std::string(const std::string&)> DomainFunction() const;
    std::string SystemAddress() const;
    std::string Mm4AddressOf(const std::string& address) const;
    std::string NextTransaction();
    void ParseRanges(const std::string& table);
    void ParsePeers(const std::string& table);
    void ReadRanges(const std::string& table); // throws on a bad entry (ParseRanges exits)
    void ReadPeers(const std::string& table);  // throws on a bad entry (ParsePeers exits)
    void InsertRange(const std::string& op, const std::string& first, const std::string& last);
    std::string GetRangesText() const;
    std::string GetPeersText() const;

    MmsRelay* m_relay{nullptr};
    std::string m_operator;
    std::string m_rangesText;
    std::string m_peersText;
    uint16_t m_port{25};
    Time m_lookupDelay;
    Ptr<MmsRetryPolicy> m_retry;
    std::vector<Range> m_ranges;
    std::map<std::string, Peer> m_peers;
    Ptr<Socket> m_listener;
    Ptr<Socket> m_mm3Listener;
    uint16_t m_mm3Port{2525};
    std::string m_mailServerText;
    std::vector<Ptr<MmsSmtpConnection>> m_accepted;
    std::map<int, uint64_t> m_closedErrors; //!< error counts of dialogues already let go
    std::function<MmsSmtpReply(const std::string&)> m_policy;
    uint64_t m_nextTransaction{1};
    mutable Counters m_counters;

    TracedCallback<const std::string&, const std::string&, int, const std::string&> m_mailTrace;
};

} // namespace ns3

#endif /* MMS_RELAY_MM4_H */
