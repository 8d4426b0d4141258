/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_NETWORK_HELPER_H
#define MMS_NETWORK_HELPER_H

// Builds the IP network an MMS scenario runs on: a gateway router, the MMSC nodes (Relay,
// Server, PPG, SMSC) on point-to-point links to it, and handsets attached by AttachHandsets().
// Until the radio bearer model exists, a handset hangs off its own point-to-point link whose
// rate and delay are attributes; replacing that one call is the whole swap.

#include "ns3/ipv4-address-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/point-to-point-helper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup mms
 * Creates and addresses the nodes of an MMS scenario. Routing is static: every node has a
 * default route to the gateway, which has a connected route to every link.
 */
class MmsNetworkHelper
{
  public:
    MmsNetworkHelper();

    /// Handset access link (until the radio bearer model): rate and one-way delay.
    void SetHandsetLink(const std::string& dataRate, const std::string& delay);
    /// MMSC links: rate and one-way delay.
    void SetCoreLink(const std::string& dataRate, const std::string& delay);

    /**
     * Create the gateway and the MMSC nodes.
     * \param separateNodes true: Relay, Server, PPG and SMSC on four nodes; false: all on one
     */
    void CreateCore(bool separateNodes = true);
    /// Create `n` handset nodes and attach them.
    NodeContainer CreateHandsets(uint32_t n);
    /// Attach existing handset nodes (with no Internet stack yet) to the gateway.
    void AttachHandsets(NodeContainer handsets);

    Ptr<Node> GetGateway() const;
    Ptr<Node> GetRelayNode() const;
    Ptr<Node> GetServerNode() const;
    Ptr<Node> GetPpgNode() const;
    Ptr<Node> GetSmscNode() const;
    NodeContainer GetHandsets() const;
    /// The address of a node's first non-loopback interface.
    static Ipv4Address GetAddress(Ptr<Node> node);

    /// Write pcap files (PPP link type) of the handset links and MMSC links:
    /// <prefix>-<node>-<dev>.pcap
    void EnablePcap(const std::string& prefix, bool handsets = true, bool core = true);

  private:
    void Link(Ptr<Node> a, Ptr<Node> b, PointToPointHelper& p2p, NetDeviceContainer& devices);

    PointToPointHelper m_handsetLink;
    PointToPointHelper m_coreLink;
    Ipv4AddressHelper m_coreAddresses;
    Ipv4AddressHelper m_handsetAddresses;
    Ptr<Node> m_gateway;
    NodeContainer m_core; //!< relay, server, ppg, smsc (possibly the same node four times)
    NodeContainer m_handsets;
    NetDeviceContainer m_coreDevices;
    NetDeviceContainer m_handsetDevices;
};

} // namespace ns3

#endif /* MMS_NETWORK_HELPER_H */
