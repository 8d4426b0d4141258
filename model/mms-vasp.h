/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_VASP_H
#define MMS_VASP_H

#include "mms-application.h"
#include "mms-mm7-message.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief A value-added service provider (news, alerts, greetings) that submits messages to the
 * Relay over MM7 (3GPP TS 23.140 section 8.7): MM7_submit.REQ as SOAP over HTTP with the
 * content attached, in bulk and on a schedule, and receives MM7_delivery_report.REQ.
 *
 * The schedule: Requests submissions, the first FirstSubmission after the application starts,
 * then one every Spacing; each names RecipientsPerRequest recipients, taken in turn from the
 * subscribers of the directory (MmsApplication::SetDirectory()): request k gets subscribers
 * k * RecipientsPerRequest onwards, wrapping around (recipient j of the whole schedule is
 * subscriber j mod N). A burst at midnight is FirstSubmission = 0 with the application
 * started at midnight and a small Spacing. Each request is POSTed to RelayAddress with target
 * Mm7Path: SenderIdentification (VaspId, VasId, SenderAddress as a short code), the
 * recipients as Numbers in Bcc (UseBcc, the default: every recipient's copy shows none of the
 * others) or in To, ServiceCode, MessageClass Informational, DeliveryReport, Subject and a
 * content of a SMIL part and a virtual image of ContentSize octets (multipart/related,
 * content href "cid:vasp-content"). TransactionIDs are "\<VasId\>-\<n\>".
 *
 * It listens on Port for MM7_delivery_report.REQ and answers each with
 * MM7_delivery_report.RES 1000; a POST that is not one gets an VASPErrorRsp fault (2007, or
 * 4003 for another operation).
 *
 * Trace sources: SubmitSent, SubmitAnswered (detail: StatusCode and text, or why there was no
 * answer), DeliveryReport (recipient and MMStatus). GetCounters() keeps the totals, and
 * GetReports() the count of reports per MMStatus.
 *
 * Limits: a fixed schedule (no random arrivals), no retry of a failed submission, no
 * MM7_deliver (messages from subscribers to the VASP), cancel, replace or read-reply.
 */
class MmsVasp : public MmsApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// A VASP with the default schedule (one request to one recipient).
    MmsVasp();
    ~MmsVasp() override;

    /**
     * \brief No random variables: the schedule is fixed.
     * \param stream first stream index
     * \return 0
     */
    int64_t AssignStreams(int64_t stream) override;

    /// Counts of the VASP.
    struct Counters
    {
        uint64_t submitted{0};   //!< MM7_submit.REQ sent
        uint64_t recipients{0};  //!< recipients named in them
        uint64_t accepted{0};    //!< answered MM7_submit.RES 1000
        uint64_t refused{0};     //!< answered with another status or a fault
        uint64_t failed{0};      //!< no MM7 answer (connection failed, bad answer)
        uint64_t reports{0};     //!< MM7_delivery_report.REQ received and answered 1000
        uint64_t badRequests{0}; //!< POSTs that were not delivery reports
    };

    /**
     * \brief The totals so far.
     * \return the counters
     */
    const Counters& GetCounters() const;
    /**
     * \brief Delivery reports received, by MMStatus.
     * \return "Retrieved" -> count, ...
     */
    const std::map<std::string, uint64_t>& GetReports() const;
    /**
     * \brief Message-IDs the Relay gave accepted submissions, in order.
     * \return the ids
     */
    const std::vector<std::string>& GetMessageIds() const;
    /**
     * \brief The MM7_submit.REQ of request k (as the schedule sends it).
     * \param k the request's index, from 0
     * \return the message
     */
    MmsMm7Message MakeSubmit(uint32_t k) const;

  protected:
    /// Cancel the schedule.
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    void Submit(uint32_t k);
    void HandleResponse(uint64_t cookie, bool ok, const MmsHttpMessage& r, const std::string& why);
    void HandleRequest(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address& from);

    Address m_relayAddress;
    std::string m_path;
    std::string m_relayHost;
    uint16_t m_port;
    std::string m_vaspId;
    std::string m_vasId;
    std::string m_senderAddress;
    std::string m_serviceCode;
    std::string m_subject;
    Time m_first;
    uint32_t m_requests;
    uint32_t m_recipientsPerRequest;
    Time m_spacing;
    uint32_t m_contentSize;
    bool m_deliveryReport;
    bool m_useBcc;

    std::vector<EventId> m_events;
    std::map<uint64_t, std::string> m_outstanding; //!< cookie -> TransactionID
    std::vector<std::string> m_messageIds;
    std::map<std::string, uint64_t> m_reports;
    Counters m_counters;
    TracedCallback<const MmsEvent&> m_submitSentTrace;
    TracedCallback<const MmsEvent&> m_submitAnsweredTrace;
    TracedCallback<const MmsEvent&> m_reportTrace;
};

} // namespace ns3

#endif /* MMS_VASP_H */
