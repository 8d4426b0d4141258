/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WAP_PUSH_PROXY_GATEWAY_H
#define MMS_WAP_PUSH_PROXY_GATEWAY_H

// The WAP Push Proxy Gateway: PAP (WAP-247) in, WSP Push (WAP-230 8.2.4) out. Push Initiators
// POST multipart/related bodies (PAP push-message + content) and get a push-response; accepted
// pushes wait in a bounded queue, at most MaxConcurrent are delivered at once, over the SMS
// bearer (WDP datagrams to port 2948 split into SMS, submitted to the SMSC) or over UDP to the
// handset's port 2948 (IP push). A push whose deliver-before-timestamp has passed is dropped.

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
 * \ingroup mms
 * WAP Push Proxy Gateway with a PAP interface and SMS or UDP delivery.
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
    MmsWapPushProxyGateway();
    ~MmsWapPushProxyGateway() override;

    int64_t AssignStreams(int64_t stream) override;

    /// Pushes waiting for a delivery slot.
    uint32_t GetQueueLength() const;
    /// Pushes held: waiting, or awaiting the SMSC's answers.
    uint64_t GetPendingPushes() const;

  protected:
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
