/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HELPER_H
#define MMS_HELPER_H

// Installs the MMS elements on nodes and wires them together: one Relay, Server, PPG and SMSC
// (an MMSE) and User Agents with consecutive numbers, sharing one subscriber directory.

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/mms-relay.h"
#include "ns3/mms-server.h"
#include "ns3/mms-subscriber-directory.h"
#include "ns3/mms-user-agent.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/mms-smsc.h"
#include "ns3/mms-wap-push-proxy-gateway.h"

#include <string>

namespace ns3
{

/**
 * \ingroup mms
 * Installs an MMSE (Relay, Server, PPG, SMSC) and User Agents.
 */
class MmsHelper
{
  public:
    MmsHelper();

    void SetRelayAttribute(const std::string& name, const AttributeValue& value);
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    void SetPpgAttribute(const std::string& name, const AttributeValue& value);
    void SetSmscAttribute(const std::string& name, const AttributeValue& value);
    void SetUserAgentAttribute(const std::string& name, const AttributeValue& value);
    /// First handset number; the others follow ("+447700900001", "+447700900002", ...).
    void SetFirstMsisdn(const std::string& msisdn);

    /**
     * Install the four MMSC elements (nodes may coincide) and connect them to each other.
     * Each node needs an IPv4 address (its first interface's address is used).
     * \return the Relay, Server, PPG and SMSC applications, in this order
     */
    ApplicationContainer InstallCore(Ptr<Node> relay,
                                     Ptr<Node> server,
                                     Ptr<Node> ppg,
                                     Ptr<Node> smsc);
    /**
     * Install a Relay on `relay` that uses a Server, PPG and SMSC installed elsewhere (shared
     * by several Relays, as a scenario graph may have them). The PPG is pointed at the SMSC.
     * The caller names the shared elements, gives them a directory that knows every
     * subscriber, and assigns their streams; AssignStreams() here covers the Relay and the
     * User Agents only.
     * \return the Relay, Server, PPG and SMSC applications, in this order
     */
    ApplicationContainer InstallRelay(Ptr<Node> relay,
                                      Ptr<MmsServer> server,
                                      Ptr<MmsWapPushProxyGateway> ppg,
                                      Ptr<MmsSmsc> smsc);
    /// Install a User Agent on each handset (after InstallCore), registering its number.
    ApplicationContainer InstallUserAgents(NodeContainer handsets);

    Ptr<MmsRelay> GetRelay() const;
    Ptr<MmsServer> GetServer() const;
    Ptr<MmsWapPushProxyGateway> GetPpg() const;
    Ptr<MmsSmsc> GetSmsc() const;
    Ptr<MmsSubscriberDirectory> GetDirectory() const;
    /// Number of the i-th handset installed.
    std::string GetMsisdn(uint32_t i) const;

    /**
     * Assign fixed random variable streams to every element installed so far.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    ObjectFactory m_relayFactory;
    ObjectFactory m_serverFactory;
    ObjectFactory m_ppgFactory;
    ObjectFactory m_smscFactory;
    ObjectFactory m_uaFactory;
    std::string m_firstMsisdn{"+447700900001"};
    uint64_t m_nextNumber{0};
    Ptr<MmsSubscriberDirectory> m_directory;
    Ptr<MmsRelay> m_relay;
    Ptr<MmsServer> m_server;
    Ptr<MmsWapPushProxyGateway> m_ppg;
    Ptr<MmsSmsc> m_smsc;
    bool m_ownsCore{false}; //!< InstallCore created the Server, PPG and SMSC
    ApplicationContainer m_userAgents;
};

} // namespace ns3

#endif /* MMS_HELPER_H */
