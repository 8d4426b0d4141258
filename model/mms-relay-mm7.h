/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RELAY_MM7_H
#define MMS_RELAY_MM7_H

#include "mms-common.h"
#include "mms-mm7-message.h"
#include "mms-transport.h"

#include "ns3/address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>

namespace ns3
{

class MmsRelay;

/**
 * \ingroup mms-engines
 * \brief The MM7 endpoint of an MmsRelay (3GPP TS 23.140 section 8.7): value-added service
 * providers (MmsVasp) submit messages to its subscribers and receive delivery reports.
 *
 * The Relay owns one (its attribute "Mm7"; configure it as "Mm7/Path" and so on) and hands it
 * every POST to Path, after the request has waited for a worker like the MM1 requests (service
 * time ReportTime of the Relay; the Relay's licence applies to MM1 submissions only; a POST
 * that finds the Relay's queue full gets the Relay's 503, which the VASP counts as failed).
 * Then:
 * - a body that is not an MM7 message (HTTP, MIME, XML or SOAP) is answered with an
 *   RSErrorRsp SOAP fault, HTTP 500, StatusCode 2007 (Message format corrupt) and the reader's
 *   message as StatusText, and counted as malformed; another MM7 operation than SubmitReq gets
 *   4003 (Unsupported operation), an MM7Version whose major number is not 5 or 6 gets 4002;
 * - an MM7_submit.REQ becomes the M-Send.req of an MM1 submission from the VASP: From the
 *   SenderAddress (else VASID\@VASPID), the To, Cc and Bcc numbers as PLMN addresses (RFC 2822
 *   addresses are kept as they are and end Failed, being nobody's number here), Subject,
 *   MessageClass, Priority, DeliveryReport, ReadReply, ExpiryDate, and the content as the body
 *   (its parts as entries, media virtual). The Relay checks, stores and delivers it exactly as
 *   an MM1 submission (MaxRecipients, the
 *   DuplicateWindow by sender and TransactionID; MaxMessageSize is checked against the size
 *   of the content, not of the request); recipients get notifications and retrieve
 *   as usual;
 * - the answer: MM7_submit.RES with StatusCode 1000 and the MessageID once the MMS Server
 *   stored the message; otherwise an RSErrorRsp fault whose StatusCode maps the Relay's
 *   M-Send.conf status: Error-permanent-content-not-accepted 2004, Error-permanent-sending-
 *   address-unresolved 2002, Error-permanent-message-format-corrupt 2007, other permanent
 *   errors 3001 (Not Possible), transient ones 3000 (Server Error), the status text kept;
 * - delivery reports: when the VASP asked for them, each recipient's report (deferred and final
 *   states, as for MM1 originators) becomes an MM7_delivery_report.REQ POSTed to ReportPath on
 *   ReportPort at the VASP's IP address (where its submission came from), MMStatus as
 *   MmsMm7Message::MmStatusName(); the .RES is read and counted.
 *
 * Trace sources: SubmitReceived, Accepted, Refused, Malformed, DeliveryReportSent and
 * DeliveryReportAnswered (MmsEvent; detail: the MM7 status or why). GetCounters() keeps their
 * totals.
 *
 * Limits: only MM7_submit and MM7_delivery_report (no MM7_deliver, cancel, replace or
 * read-reply); no VASP authentication or per-VASP limits; relative ExpiryDate durations are
 * refused as malformed.
 */
class MmsRelayMm7 : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// An endpoint not yet attached to a Relay.
    MmsRelayMm7();
    ~MmsRelayMm7() override;

    /// Counts of the MM7 interface.
    struct Counters
    {
        uint64_t requests{0};        //!< POSTs to Path
        uint64_t submissions{0};     //!< MM7_submit.REQ read
        uint64_t accepted{0};        //!< answered MM7_submit.RES 1000 (repeats too)
        uint64_t refused{0};         //!< answered with an RSErrorRsp fault (malformed ones too)
        uint64_t malformed{0};       //!< bodies that were not MM7 messages
        uint64_t recipients{0};      //!< (message, recipient) pairs of accepted messages, once each
        uint64_t reportsSent{0};     //!< MM7_delivery_report.REQ sent
        uint64_t reportsAnswered{0}; //!< MM7_delivery_report.RES with StatusCode 1xxx
        uint64_t reportsFailed{0};   //!< reports without such an answer
    };

    /**
     * \brief The totals so far.
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * \brief The request path the Relay hands over.
     * \return the Path attribute
     */
    const std::string& GetPath() const;

    /**
     * \brief Attach to the Relay that owns this endpoint (called by the Relay).
     * \param relay the Relay
     */
    void SetRelay(MmsRelay* relay);
    /**
     * \brief Serve a POST to Path (called by the Relay when a worker takes it).
     * \param ex the exchange to answer
     * \param request the HTTP request
     * \param from the client's address
     */
    void HandleRequest(MmsTransport::ExchangeId ex,
                       const MmsHttpMessage& request,
                       const Address& from);
    /**
     * \brief Answer an MM7 submission with the Relay's verdict (called by the Relay where it
     * would answer M-Send.conf).
     * \param ex the exchange
     * \param status the M-Send.conf X-Mms-Response-Status
     * \param messageId the Message-ID when accepted
     * \param text the Relay's response text
     * \return true if the exchange was an MM7 submission (answered here), false otherwise
     */
    bool Answer(MmsTransport::ExchangeId ex,
                uint8_t status,
                const std::string& messageId,
                const std::string& text);
    /**
     * \brief Send a recipient's delivery report to the VASP of a message submitted over MM7
     * (called by the Relay where it would push an M-Delivery.ind).
     * \param messageId the Message-ID
     * \param recipient the recipient's MM1 address
     * \param status the X-Mms-Status octet
     * \return true if the message came from a VASP (the report is sent here), false otherwise
     */
    bool ReportToVasp(const std::string& messageId, const std::string& recipient, uint8_t status);
    /**
     * \brief The MM7 StatusCode for an M-Send.conf X-Mms-Response-Status (see the class).
     * \param responseStatus the octet
     * \return the StatusCode
     */
    static uint16_t StatusOf(uint8_t responseStatus);

  protected:
    /// Forget the Relay and every pending exchange and message.
    void DoDispose() override;

  private:
    void Fault(MmsTransport::ExchangeId ex,
               const std::string& tid,
               uint16_t code,
               const std::string& text,
               uint64_t bytes);
    void HandleReportResponse(uint64_t cookie,
                              bool ok,
                              const MmsHttpMessage& r,
                              const std::string& why);

    struct Pending
    {
        std::string tid;        //!< the VASP's TransactionID
        Address vasp;           //!< where its reports go
        std::string sender;     //!< the VASP's address (report Sender)
        bool reports{false};    //!< DeliveryReport asked
        uint32_t recipients{0}; //!< to count final reports
        uint64_t bytes{0};
    };

    struct VaspMessage
    {
        Address vasp;
        MmsMm7Address sender;
        uint32_t open{0}; //!< recipients without a final report yet
    };

    std::string m_path;
    uint16_t m_reportPort;
    std::string m_reportPath;
    MmsRelay* m_relay{nullptr};
    std::map<MmsTransport::ExchangeId, Pending> m_pending;
    std::map<std::string, VaspMessage> m_messages; //!< by Message-ID, while reports may come
    std::map<uint64_t, std::string> m_reports;     //!< report cookie -> Message-ID
    std::set<std::string> m_acceptedIds;           //!< Message-IDs answered 1000
    uint64_t m_nextCookie{1};
    uint64_t m_nextReport{1};
    Counters m_counters;
    TracedCallback<const MmsEvent&> m_submitReceivedTrace;
    TracedCallback<const MmsEvent&> m_acceptedTrace;
    TracedCallback<const MmsEvent&> m_refusedTrace;
    TracedCallback<const MmsEvent&> m_malformedTrace;
    TracedCallback<const MmsEvent&> m_reportSentTrace;
    TracedCallback<const MmsEvent&> m_reportAnsweredTrace;
};

} // namespace ns3

#endif /* MMS_RELAY_MM7_H */
