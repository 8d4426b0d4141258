/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_NETWORK_HELPER_H
#define MMS_NETWORK_HELPER_H

// Builds the IP network an MMS scenario runs on: a gateway router, the MMSC nodes (Relay,
// Server, PPG, SMSC) on point-to-point links to it, and handsets attached by AttachHandsets():
// on radio cells hosted by the gateway (SetRadioAccess), or each on its own point-to-point
// link whose rate and delay are parameters (the default, for tests that want fixed timing).

#include "ns3/ipv4-address-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/mms-radio-bearer-helper.h"

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

    /// Handset access link when not on radio cells: rate and one-way delay.
    void SetHandsetLink(const std::string& dataRate, const std::string& delay);
    /**
     * Attach handsets to radio cells on the gateway (one interface per cell) instead of
     * point-to-point links. Call before AttachHandsets/CreateHandsets; configure cells,
     * devices and connection states through GetRadioHelper().
     * \param profile bearer preset of the cells and handsets ("UMTS-384", "GPRS-CS2", ...)
     * \param handsetsPerCell handsets per cell; a new cell is created when one is full
     */
    void SetRadioAccess(const std::string& profile, uint32_t handsetsPerCell = 500);
    bool IsRadioAccess() const;
    /// The helper that builds the cells (its profile, channel, device and RRC attributes).
    MmsRadioBearerHelper& GetRadioHelper();
    /// The cells created so far.
    std::vector<Ptr<MmsRadioCellChannel>> GetCells() const;
    /**
     * Assign fixed random variable streams to the radio cells and handsets.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);
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

    /// Write pcap files of the handset links (radio: raw-IP link type; point-to-point: PPP)
    /// and the MMSC links (PPP): <prefix>-<node>-<dev>.pcap
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
    bool m_radioAccess{false};
    uint32_t m_handsetsPerCell{500};
    MmsRadioBearerHelper m_radio;
    Ptr<MmsRadioCellChannel> m_currentCell;
    NetDeviceContainer m_radioDevices;
};

} // namespace ns3

#endif /* MMS_NETWORK_HELPER_H */
