/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SMSC_H
#define MMS_SMSC_H

#include "mms-application.h"
#include "mms-sms-tpdu.h"

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief SMS Centre that carries WAP Push notifications: a service-rate queue and
 * per-destination store and forward with retries.
 *
 * MMS notifications usually reach handsets as WAP Push over SMS (3GPP TS 23.140 clause 8,
 * WAP-259): the PPG splits each push into SMS segments and hands them to an SMS Centre, which
 * stores and forwards them (3GPP TS 23.040). This element is that SMSC.
 *
 * Submission (from the PPG): HTTP/1.1 POST /sms, Content-Type application/vnd.3gpp.sms, body
 * an SMS-SUBMIT TPDU (TS 23.040), header X-Sms-From with the originator number. Answers 202
 * with the SMSC's message reference ("smsc-\<n\>"; an optional X-Sms-Tag header, e.g. the PAP
 * push id, is echoed in the trace records), 400 for a malformed TPDU (the reason names field
 * and offset), 404 for a destination that is not a subscriber or another target, 503 when
 * QueueLimit SMS are held already.
 *
 * Service: accepted SMS pass a single FIFO server that forwards ServiceRate SMS per second
 * (each takes 1/ServiceRate s), then join their destination's queue.
 *
 * Delivery (to the handset): the SMS bearer. The SMSC sends UDP datagrams on BearerPort: one
 * octet RP-MTI (TS 24.011 8.2.2: 1 = RP-DATA network to MS, 2 = RP-ACK MS to network,
 * 4 = RP-ERROR MS to network), one octet RP-MR, then the TPDU (SMS-DELIVER, or
 * SMS-DELIVER-REPORT in the answer). Sent from MmsSocketTransport's SignallingPort, these
 * datagrams ride a radio cell's signalling channel (MmsRadioCellChannel) where the handset
 * is on one, or plain IP otherwise. Messages to one destination are delivered one at a time,
 * in order, as SMSCs do. A subscriber without a handset (MmsSubscriberPool's records; the
 * directory's MmsSubscriberDirectory::ResolveForSms says so) is reached by number through its
 * cell instead, as an SMSC hands an SMS to the serving MSC (MAP MT-ForwardSM): the datagram goes
 * to the cell's address wrapped with the number (FORWARD_TO_CELL, WrapForCell()), and the
 * cell's answer comes back wrapped the same way (FORWARD_REPORT). A delivery attempt waits a random
 * paging and transfer delay (DeliveryDelay), may be lost (LossProbability), and fails if no RP-ACK
 * comes within AckTimeout (the handset is off, out of coverage, or the SMS was lost) or an RP-ERROR
 * comes; it is retried every RetryInterval until the validity period ends (the submission's TP-VP,
 * else ValidityPeriod), when the SMS is dropped.
 *
 * Attributes: Port (default 13013, Kannel's sendsms-port), BearerPort (9292), ServiceRate
 * (100 SMS/s), QueueLimit, DeliveryDelay (log-normal, median 4 s), LossProbability (0.01),
 * AckTimeout (40 s, TS 24.011 TR1M), RetryInterval (60 s, Kannel's sms-resend-freq),
 * ValidityPeriod (24 h). Trace sources: QueueLength (a traced value), Accepted, Refused,
 * SmsSent (one per attempt, lost ones included), AttemptFailed, SmsDelivered and SmsExpired;
 * their MmsEvent carries the push's Message-ID, the destination number, the X-Sms-Tag as
 * transaction id, and the SMSC reference at the start of the detail (Refused: the reason).
 *
 * Usage: MmsHelper::InstallCore() installs one, points the PPG at it and sets the User
 * Agents' SmsPort to BearerPort. On radio cells, which add their own paging and SMS transfer
 * time, set DeliveryDelay to CORE_DELIVERY_DELAY (MmsScenarioHelper does).
 *
 * Limits: the SMS bearer is a stand-in (no MAP/SS7, HLR query or MSC); status reports
 * (TP-SRR), replace-type messages and concatenation by the SMSC itself are not modelled.
 */
class MmsSmsc : public MmsApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create an SMSC; it listens on Port and BearerPort when the application starts.
    MmsSmsc();
    ~MmsSmsc() override;

    /**
     * Assign fixed random variable stream numbers to DeliveryDelay and the loss draw.
     * \param stream first stream index
     * \return the number of streams used (2)
     */
    int64_t AssignStreams(int64_t stream) override;

    /**
     * SMS held: queued, waiting or in delivery.
     * \return the number of accepted SMS not yet delivered or dropped
     */
    uint64_t GetStoredCount() const;
    /**
     * SMS waiting for the service queue (the QueueLength trace source).
     * \return the queue length
     */
    uint32_t GetQueueLength() const;

    /**
     * DeliveryDelay for handsets on radio cells, which add their own paging and SMS transfer
     * time (MmsRadioCellChannel PagingDelay, mean 1.06 s, and SmsTransferTime, mean 2 s): the
     * core part only, log-normal with median 1 s and the default's spread (the default's
     * 4 s median from end-to-end measurements less the cell's 3 s). A modelling choice.
     */
    static constexpr const char* CORE_DELIVERY_DELAY =
        "ns3::LogNormalRandomVariable[Mu=0|Sigma=0.6]";
    static constexpr uint8_t RP_DATA_TO_MS = 1;    //!< RP-MTI of RP-DATA, network to MS
    static constexpr uint8_t RP_ACK_FROM_MS = 2;   //!< RP-MTI of RP-ACK, MS to network
    static constexpr uint8_t RP_ERROR_FROM_MS = 4; //!< RP-MTI of RP-ERROR, MS to network
    /// First octet of an SMS forwarded by number to a cell (the project's stand-in for MAP
    /// MT-ForwardSM, 3GPP TS 29.002): outside the RP-MTI range (TS 24.011 8.2.2: 0 to 7).
    static constexpr uint8_t FORWARD_TO_CELL = 0x40;
    /// First octet of the answer to FORWARD_TO_CELL from the cell (the subscriber's RP-ACK or
    /// RP-ERROR with its number).
    static constexpr uint8_t FORWARD_REPORT = 0x41;

    /**
     * Wrap an SMS-bearer datagram with a subscriber number: `kind` (FORWARD_TO_CELL or
     * FORWARD_REPORT), one octet N, the number in N ASCII octets, then the datagram.
     * \param kind the first octet
     * \param msisdn the subscriber's number (at most 255 octets)
     * \param datagram the RP datagram (RP-MTI, RP-MR, TPDU)
     * \return the wrapped datagram
     */
    static std::vector<uint8_t> WrapForCell(uint8_t kind,
                                            const std::string& msisdn,
                                            const std::vector<uint8_t>& datagram);
    /**
     * Read a datagram of WrapForCell().
     * \param data the datagram
     * \param kind the first octet expected
     * \param msisdn the number, when it is one
     * \param datagram the RP datagram inside, when it is one
     * \return false if `data` is not a whole wrapped datagram of that kind with an RP
     *         datagram of at least two octets inside
     */
    static bool UnwrapFromCell(const std::vector<uint8_t>& data,
                               uint8_t kind,
                               std::string& msisdn,
                               std::vector<uint8_t>& datagram);

  protected:
    /// Cancel the delivery timers and drop every held SMS.
    void DoDispose() override;

  private:
    struct Sms
    {
        std::string destination; //!< MSISDN
        MmsSmsDeliver deliver;
        Time expiresAt;
        uint32_t attempts{0};
        std::string reference; //!< "smsc-\<n\>", returned to the submitter
        std::string tag;       //!< X-Sms-Tag of the submission (the push id), for traces
        std::string messageId; //!< the MMS Message-ID the tag names, for traces
        uint8_t rpReference{0};
    };

    struct Destination
    {
        std::deque<uint64_t> queue; //!< SMS for this destination, front = current
        bool busy{false};           //!< an attempt is under way or a retry is scheduled
        bool awaitingAck{false};
        Ipv4Address address;
        EventId timer;
    };

    void StartApplication() override;
    void StopApplication() override;
    void HandleSubmit(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address& from);
    void Serve();
    void StartAttempt(std::string destination);
    void Transmit(std::string destination);
    void HandleAckTimeout(std::string destination);
    void HandleReport(const std::vector<uint8_t>& wire, const Address& from);
    void Finish(const std::string& destination, bool delivered, const std::string& detail);

    uint16_t m_port;
    uint16_t m_bearerPort;
    double m_serviceRate;
    uint32_t m_queueLimit;
    Ptr<RandomVariableStream> m_deliveryDelay;
    Ptr<UniformRandomVariable> m_lossDraw;
    double m_lossProbability;
    Time m_ackTimeout;
    Time m_retryInterval;
    Time m_validity;

    std::map<uint64_t, Sms> m_sms;
    std::deque<uint64_t> m_serviceQueue;
    bool m_serving{false};
    std::map<std::string, Destination> m_destinations;
    uint64_t m_nextId{1};
    uint8_t m_nextRp{0};
    TracedValue<uint32_t> m_queueLength{0};
    TracedCallback<const MmsEvent&> m_acceptedTrace;
    TracedCallback<const MmsEvent&> m_refusedTrace;
    TracedCallback<const MmsEvent&> m_sentTrace;
    TracedCallback<const MmsEvent&> m_attemptFailedTrace;
    TracedCallback<const MmsEvent&> m_deliveredTrace;
    TracedCallback<const MmsEvent&> m_expiredTrace;
};

} // namespace ns3

#endif /* MMS_SMSC_H */
