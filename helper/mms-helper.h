/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HELPER_H
#define MMS_HELPER_H

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/mms-relay.h"
#include "ns3/mms-server.h"
#include "ns3/mms-smsc.h"
#include "ns3/mms-socket-transport.h"
#include "ns3/mms-subscriber-directory.h"
#include "ns3/mms-user-agent.h"
#include "ns3/mms-wap-gateway.h"
#include "ns3/mms-wap-push-proxy-gateway.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{

/**
 * \ingroup mms-helpers
 * \brief Installs the MMS elements on nodes and wires them together: one MMSE (Relay,
 * Server, WAP Push Proxy Gateway and SMSC) and User Agents with consecutive numbers, sharing
 * one subscriber directory.
 *
 * The MMS Environment of 3GPP TS 23.140 is, in this module, four applications: the MMS Relay
 * (MmsRelay), which the User Agents reach over MM1 (HTTP); the MMS Server (MmsServer), which
 * stores the messages; the Push Proxy Gateway (MmsWapPushProxyGateway), which turns the
 * Relay's PAP push requests into WSP Push; and the SMSC (MmsSmsc), which carries those pushes
 * as WDP over SMS to the handsets. InstallCore() creates the four from their factories (set
 * with SetRelayAttribute(), SetServerAttribute(), SetPpgAttribute() and SetSmscAttribute()),
 * names them "relay", "server", "ppg" and "smsc", and sets the addresses each needs from the
 * others' nodes and ports: the Relay's ServerAddress, PpgAddress and PpgPath, the PPG's
 * SmscAddress, and the User Agents' RelayAddress, RelayPath, RelayHost and SmsPort.
 * InstallUserAgents() then creates one MmsUserAgent per handset (attributes from
 * SetUserAgentAttribute()), numbers it from SetFirstMsisdn() ("+447700900001" by default),
 * names it "ua:" followed by its number and registers the number with the node's address in
 * the shared MmsSubscriberDirectory. Every element it installs gets an MmsSocketTransport on
 * its node (InstallTransport()); an element installed another way needs one too.
 *
 * Each node needs an IPv4 address before installation (the address of its first interface
 * is used); MmsNetworkHelper builds such a network:
 * \code
 *   MmsNetworkHelper network;
 *   network.CreateCore();
 *   NodeContainer handsets = network.CreateHandsets(2);
 *   MmsHelper mms;
 *   mms.SetPpgAttribute("Bearer", StringValue("Sms"));
 *   mms.InstallCore(network.GetRelayNode(), network.GetServerNode(),
 *                   network.GetPpgNode(), network.GetSmscNode());
 *   ApplicationContainer uas = mms.InstallUserAgents(handsets); // +447700900001, ...
 *   mms.AssignStreams(1);
 * \endcode
 *
 * One helper installs one Relay: InstallCore() or InstallRelay() once. Scenarios with several
 * Relays sharing a Server, PPG and SMSC use one helper per Relay with InstallRelay();
 * MmsScenarioHelper does this for scenario files.
 */
class MmsHelper
{
  public:
    /// Create a helper with the elements' default attributes and an empty directory.
    MmsHelper();

    /**
     * \brief Set an attribute of the Relay installed from now on.
     * \param name the name of an ns3::MmsRelay attribute
     * \param value its value
     */
    void SetRelayAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the Server installed from now on.
     * \param name the name of an ns3::MmsServer attribute
     * \param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the Push Proxy Gateway installed from now on.
     * \param name the name of an ns3::MmsWapPushProxyGateway attribute
     * \param value its value
     */
    void SetPpgAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the SMSC installed from now on.
     * \param name the name of an ns3::MmsSmsc attribute
     * \param value its value
     */
    void SetSmscAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the User Agents installed from now on (InstallCore() and
     * InstallRelay() set the Relay's address and the SMS port themselves).
     * \param name the name of an ns3::MmsUserAgent attribute
     * \param value its value
     */
    void SetUserAgentAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set the first handset number; the others follow by adding 1 to its trailing
     * digits, keeping their width ("+447700900001", "+447700900002", ...). Call it before
     * InstallUserAgents().
     * \param msisdn the first number
     */
    void SetFirstMsisdn(const std::string& msisdn);

    /**
     * \brief Install the four MMSC elements (nodes may coincide) and connect them to each
     * other and to the User Agents to come.
     *
     * Each node needs an IPv4 address (its first interface's address is used). The Server,
     * PPG and SMSC share the helper's directory, and AssignStreams() covers them.
     * \param relay the node of the MMS Relay
     * \param server the node of the MMS Server
     * \param ppg the node of the Push Proxy Gateway
     * \param smsc the node of the SMSC
     * \return the Relay, Server, PPG and SMSC applications, in this order
     */
    ApplicationContainer InstallCore(Ptr<Node> relay,
                                     Ptr<Node> server,
                                     Ptr<Node> ppg,
                                     Ptr<Node> smsc);
    /**
     * \brief Install a Relay that uses a Server, PPG and SMSC installed elsewhere (shared by
     * several Relays, as a scenario graph may have them).
     *
     * The Relay is pointed at the Server and PPG, the PPG at the SMSC. The caller names the
     * shared elements, gives them a directory that knows every subscriber and a transport
     * (InstallTransport()), and assigns their streams; AssignStreams() here covers the Relay
     * and the User Agents only.
     * \param relay the node of the new Relay (with an IPv4 address)
     * \param server the shared MMS Server, already on its node
     * \param ppg the shared Push Proxy Gateway, already on its node
     * \param smsc the shared SMSC, already on its node
     * \return the Relay, Server, PPG and SMSC applications, in this order
     */
    ApplicationContainer InstallRelay(Ptr<Node> relay,
                                      Ptr<MmsServer> server,
                                      Ptr<MmsWapPushProxyGateway> ppg,
                                      Ptr<MmsSmsc> smsc);
    /**
     * \brief Install a User Agent on each handset (after InstallCore() or InstallRelay()),
     * giving it the next number and registering the number with the handset's address.
     * \param handsets the handset nodes, each with an IPv4 address
     * \return the User Agents, in the order of the nodes
     */
    ApplicationContainer InstallUserAgents(NodeContainer handsets);
    /**
     * \brief A User Agent configured as InstallUserAgents() configures one (its attributes,
     * the Relay's address, the directory), on no node and not started, with the given number:
     * what a pool of subscribers makes when a subscriber needs one (MmsSubscriberPool).
     * \param msisdn the subscriber's number
     * \return the User Agent
     */
    Ptr<MmsUserAgent> CreateUserAgent(const std::string& msisdn) const;
    /**
     * \brief Like CreateUserAgent(const std::string&), a copy of a prototype User Agent
     * (MmsUserAgent::CreateLike): its attribute values and random variables, for much less
     * than an ObjectFactory costs.
     * \param msisdn the subscriber's number
     * \param prototype a User Agent with no state, for example one CreateUserAgent() made
     * \return the User Agent
     */
    Ptr<MmsUserAgent> CreateUserAgent(const std::string& msisdn,
                                      Ptr<const MmsUserAgent> prototype) const;
    /**
     * \brief Count numbers as used without installing User Agents (subscribers that a pool
     * keeps as records): the next InstallUserAgents() numbers on after them.
     * \param n how many numbers
     */
    void SkipNumbers(uint32_t n);
    /**
     * \brief Give an element a packet-level transport: a new MmsSocketTransport on the
     * element's node (which needs an Internet stack), set with MmsApplication::SetTransport().
     * On a handset of a radio cell its TcpMss is the bearer profile's (MmsBearerProfile::tcpMss);
     * elsewhere it follows the node's MTU. A User Agent's keeps no connection alive after its
     * exchange (KeepAlive 0); the MMSC's elements keep theirs (MmsSocketTransport::KeepAlive).
     * The installers of this helper call it for every element they create; whoever installs an
     * element another way calls it (or sets another MmsTransport) before the simulation starts.
     * \param app the element, already on its node
     * \return the transport
     */
    static Ptr<MmsSocketTransport> InstallTransport(Ptr<MmsApplication> app);
    /**
     * \brief A packet-level transport for a node, as InstallTransport() makes one (the TcpMss of
     * the node's radio bearer profile and no kept-alive connections, if it is a handset on a
     * radio cell), not given to any element: what a
     * pool of handsets gives the User Agents bound to a handset in turn.
     * \param node the node, with its Internet stack and devices
     * \return the transport
     */
    static Ptr<MmsSocketTransport> CreateTransport(Ptr<Node> node);

    /**
     * \brief The Relay installed.
     * \return the Relay (null before InstallCore() or InstallRelay())
     */
    Ptr<MmsRelay> GetRelay() const;
    /**
     * \brief The Server the Relay uses.
     * \return the Server (null before installation)
     */
    Ptr<MmsServer> GetServer() const;
    /**
     * \brief The Push Proxy Gateway the Relay uses.
     * \return the PPG (null before installation)
     */
    Ptr<MmsWapPushProxyGateway> GetPpg() const;
    /**
     * \brief The SMSC the PPG uses.
     * \return the SMSC (null before installation)
     */
    Ptr<MmsSmsc> GetSmsc() const;
    /**
     * \brief Install a WAP gateway (MmsWapGateway, named "wapgw") in front of the Relay, after
     * InstallCore() or InstallRelay(): its RelayAddress, directory and transport are set, and
     * the User Agents installed afterwards speak WAP 1.x to it (their Stack Wsp and
     * GatewayAddress), unless the caller sets their Stack back to Http.
     * \param node the gateway's node (with an address: MmsNetworkHelper::CreateCoreNode())
     * \return the gateway
     */
    Ptr<MmsWapGateway> InstallWapGateway(Ptr<Node> node);
    /**
     * \brief The WAP gateway.
     * \return the gateway InstallWapGateway() installed, or a null pointer
     */
    Ptr<MmsWapGateway> GetWapGateway() const;
    /**
     * \brief The directory shared by the elements this helper installed.
     * \return the directory of the User Agents' numbers and addresses
     */
    Ptr<MmsSubscriberDirectory> GetDirectory() const;
    /**
     * \brief The number of the i-th handset (installed or to be installed).
     * \param i the handset's position in installation order, from 0
     * \return the first number plus i
     */
    std::string GetMsisdn(uint32_t i) const;

    /**
     * \brief Assign fixed random variable streams to every element installed so far: the
     * Relay, the Server, PPG and SMSC if InstallCore() created them, and the User Agents.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    /**
     * \brief Give a new User Agent its number, its element name and the directory.
     * \param ua the User Agent
     * \param msisdn its number
     * \return \p ua
     */
    Ptr<MmsUserAgent> Number(Ptr<MmsUserAgent> ua, const std::string& msisdn) const;

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
    Ptr<MmsWapGateway> m_wapGateway;
    bool m_ownsCore{false}; //!< InstallCore created the Server, PPG and SMSC
    ApplicationContainer m_userAgents;
};

} // namespace ns3

#endif /* MMS_HELPER_H */
