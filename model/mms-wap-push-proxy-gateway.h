/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WAP_PUSH_PROXY_GATEWAY_H
#define MMS_WAP_PUSH_PROXY_GATEWAY_H

#include "mms-application.h"

#include "ns3/address.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <deque>
#include <map>
#include <set>

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief WAP Push Proxy Gateway (PPG) with a PAP interface and SMS or UDP delivery.
 *
 * In 3GPP TS 23.140 on WAP, the MMS Relay does not reach handsets itself: it submits
 * M-Notification.ind, M-Delivery.ind and M-Read-Orig.ind to a WAP Push Proxy Gateway as a Push
 * Initiator, and the PPG delivers them as WSP Push (WAP-230 clause 8.2.4) to the handset's
 * WAP Push connectionless port 2948 (WAP-235, WAP-259). This element is that PPG: PAP
 * (WAP-247) in, WSP Push out.
 *
 * Push Initiators POST multipart/related bodies (PAP push-message control entity + content)
 * to Path and get a push-response. A push is accepted (HTTP 202, PAP 1001) when it names
 * exactly one address "WAPPUSH=\<address\>/TYPE=PLMN|IPv4@\<ppg\>" that the subscriber directory
 * knows, its push id is not pending, its deliver-before-timestamp has not passed and the queue
 * has room; otherwise it is refused with the PAP code of the reason (2000 bad request, 2002
 * address error, 2003 address not found, 2007 duplicate push id, 3003 deliver-before passed,
 * 3005 more than one address, 3010 no number for an SMS push, 4000 queue full), in HTTP 400,
 * or 503 for codes of 3000 and above. A request to another target or with another method
 * gets 404 with PAP code 2000.
 *
 * Accepted pushes wait in a bounded queue (QueueLimit) and at most MaxConcurrent are
 * delivered at once. Delivery wraps the content in a WSP Push PDU (Content-Type
 * application/vnd.wap.mms-message, X-Wap-Application-Id x-wap-application:mms.ua) and sends it
 * - over the SMS bearer (Bearer = Sms, the usual MMS notification bearer): as a WDP datagram
 *   from port 9200 to port 2948, split into SMS segments (WAP-259 WDP over GSM SMS, with a
 *   concatenation and port user-data header), each POSTed as an SMS-SUBMIT to the SMSC with
 *   X-Sms-From SmsOriginator, X-Sms-Tag the push id, and TP-VP up to the deliver-before
 *   timestamp. The push holds its delivery slot until the SMSC has answered every segment;
 * - or over UDP (Bearer = Udp, IP push): one datagram to the handset's address, port 2948.
 * A push whose deliver-before-timestamp has passed when its turn comes is dropped.
 * Delivery is unconfirmed: the PPG does not learn whether the handset received the push
 * (the SMSC retries on its own; the Relay re-notifies on its NotificationPolicy).
 *
 * Attributes: Port (default 8080) and Path (/wappush) of the PAP interface, after Kannel's
 * ppg-port and ppg-url; Bearer; SmscAddress; SmsOriginator; MaxConcurrent (default 100,
 * Kannel's concurrent-pushes); QueueLimit; PushPort (2948); PushSourcePort (9200); HostName.
 * Trace sources: QueueLength (a traced value), PushAccepted, PushRejected (detail: PAP code
 * and reason), SmsSubmitted (one per segment), PushSent (all segments accepted by the SMSC,
 * or the datagram sent), PushExpired and PushFailed (the SMSC refused a segment or could not
 * be reached: once per such segment). Their MmsEvent's transactionId is the PAP push id,
 * whose part before the first '/' the Relay makes the Message-ID.
 *
 * Usage: MmsHelper::InstallCore() installs one and points it at the SMSC and the Relay at it.
 *
 * Limits: one address per push, no PAP status query, cancel or result notification, no
 * confirmed push (WSP connection-oriented); every push goes out as an MMS push, whatever
 * its content; a failed SMS submission is not retried by the PPG.
 */
class MmsWapPushProxyGateway : public MmsApplication
{
  public:
    /// How pushes reach handsets.
    enum Bearer
    {
        SMS, //!< WDP over SMS through the SMSC (the usual MMS notification bearer)
        UDP, //!< WDP over UDP/IP to port 2948 (IP push)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a PPG; it listens on Port when the application starts.
    MmsWapPushProxyGateway();
    ~MmsWapPushProxyGateway() override;

    /**
     * The PPG draws no random numbers.
     * \param stream first stream index (unused)
     * \return 0
     */
    int64_t AssignStreams(int64_t stream) override;

    /**
     * Pushes waiting for a delivery slot (the QueueLength trace source).
     * \return the queue length
     */
    uint32_t GetQueueLength() const;
    /**
     * Pushes held: waiting, or awaiting the SMSC's answers.
     * \return the number of accepted pushes not yet done
     */
    uint64_t GetPendingPushes() const;

  protected:
    /// Drop every held push.
    void DoDispose() override;

  private:
    struct Push
    {
        std::string pushId;
        std::string messageId; //!< the part of the push id before the first '/'
        std::string number;    //!< PLMN number, or "" for an IPv4 address
        Ipv4Address ip;
        bool hasIp{false};
        int64_t deliverBefore{-1};
        std::vector<uint8_t> content;
        uint32_t outstanding{0}; //!< SMS submissions awaiting the SMSC's answer
        bool failed{false};
    };

    void StartApplication() override;
    void StopApplication() override;
    void HandleRequest(MmsTransport::ExchangeId ex, const MmsHttpMessage& m, const Address& from);
    void Answer(MmsTransport::ExchangeId ex,
                int httpStatus,
                const std::string& reason,
                const std::string& pushId,
                int code,
                const std::string& description);
    void Dispatch();
    void Deliver(uint64_t id);
    void HandleSmscResponse(uint64_t id, bool ok, const MmsHttpMessage& r, const std::string& why);
    void Done(uint64_t id);

    uint16_t m_port;
    std::string m_path;
    Bearer m_bearer;
    Address m_smscAddress;
    std::string m_smsOriginator;
    uint32_t m_maxConcurrent;
    uint32_t m_queueLimit;
    uint16_t m_pushPort;
    uint16_t m_pushSourcePort;
    std::string m_hostName;

    std::map<uint64_t, Push> m_pushes;
    std::deque<uint64_t> m_queue;
    std::set<std::string> m_pushIds; //!< ids of queued or active pushes (duplicates refused)
    uint32_t m_active{0};
    uint64_t m_nextId{1};
    uint8_t m_nextWspTid{0};
    uint16_t m_nextSmsReference{0};
    TracedValue<uint32_t> m_queueLength{0};
    TracedCallback<const MmsEvent&> m_acceptedTrace;
    TracedCallback<const MmsEvent&> m_rejectedTrace;
    TracedCallback<const MmsEvent&> m_smsSubmittedTrace;
    TracedCallback<const MmsEvent&> m_pushSentTrace;
    TracedCallback<const MmsEvent&> m_expiredTrace;
    TracedCallback<const MmsEvent&> m_failedTrace;
};

} // namespace ns3

#endif /* MMS_WAP_PUSH_PROXY_GATEWAY_H */
