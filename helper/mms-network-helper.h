/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_NETWORK_HELPER_H
#define MMS_NETWORK_HELPER_H

#include "ns3/ipv4-address-helper.h"
#include "ns3/mms-radio-bearer-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/point-to-point-helper.h"

#include <string>

namespace ns3
{

/**
 * \ingroup mms-helpers
 * \brief Builds the IP network an MMS scenario runs on: a gateway router, the MMSC nodes on
 * point-to-point links to it, and handsets on point-to-point links or radio cells.
 *
 * CreateCore() creates the gateway and the nodes of the Relay, Server, Push Proxy Gateway
 * and SMSC (four nodes, or one for all), each on its own point-to-point link to the gateway
 * (SetCoreLink(), 1 Gbit/s and 1 ms by default; /30 subnets from 10.0.0.0). Handsets are
 * attached by CreateHandsets() or AttachHandsets():
 * - by default each on its own point-to-point link to the gateway, whose rate and delay are
 *   parameters (SetHandsetLink(), 384 kbit/s and 100 ms by default: a UMTS R99 DCH with a
 *   200 ms round trip, but without shared capacity or connection states; /30 subnets from
 *   10.64.0.0), for tests that want fixed timing;
 * - after SetRadioAccess(), on radio cells (MmsRadioCellChannel) hosted by the gateway, a
 *   new cell whenever the current one holds handsetsPerCell handsets; GetRadioHelper() gives
 *   the MmsRadioBearerHelper that builds them, to set their profile, cell, device and
 *   connection-state attributes.
 *
 * Every node gets an IPv4-only Internet stack. Routing is static: every node has a default
 * route to the gateway, which has a connected route to every link and cell. The gateway uses
 * the strong end-system model, so that it does not scan all its interfaces for each packet,
 * and looks those routes up in an MmsScenarioRouting (a hash probe per prefix length, where
 * ns-3's static routing scans one route per handset link).
 * The node of each element and its address (GetAddress()) are what MmsHelper needs:
 * \code
 *   MmsNetworkHelper network;
 *   network.SetRadioAccess("UMTS-384", 200);   // before CreateHandsets
 *   network.GetRadioHelper().SetRrcAttribute("PdpMode", StringValue("AlwaysOn"));
 *   network.CreateCore();
 *   NodeContainer handsets = network.CreateHandsets(1000); // five cells of 200
 *   network.AssignStreams(1000);                          // the cells' random draws
 *   network.EnablePcap("mms");
 * \endcode
 */
class MmsNetworkHelper
{
  public:
    /// Create a helper with the default links and address bases (see the class description).
    MmsNetworkHelper();

    /**
     * \brief Set the handset access link used when not on radio cells, for handsets attached
     * from now on.
     * \param dataRate the link's rate, e.g. "384kbps"
     * \param delay the link's one-way delay, e.g. "100ms"
     */
    void SetHandsetLink(const std::string& dataRate, const std::string& delay);
    /**
     * \brief Attach handsets to radio cells on the gateway (one interface per cell) instead of
     * point-to-point links.
     *
     * Call before AttachHandsets() or CreateHandsets(); configure cells, devices and
     * connection states through GetRadioHelper(), profile overrides after this call (it sets
     * the profile, which clears them).
     * \param profile bearer preset of the cells and handsets ("UMTS-384", "GPRS-CS2", ...);
     *        an unknown name aborts with the list of known ones
     * \param handsetsPerCell handsets per cell (at least 1); a new cell is created when one
     *        is full
     */
    void SetRadioAccess(const std::string& profile, uint32_t handsetsPerCell = 500);
    /**
     * \brief Whether handsets go on radio cells.
     * \return true after SetRadioAccess()
     */
    bool IsRadioAccess() const;
    /**
     * \brief The helper that builds the cells.
     * \return the helper, to set its profile, channel, device and connection-state attributes
     */
    MmsRadioBearerHelper& GetRadioHelper();
    /**
     * \brief The cells created so far.
     * \return the cells, in creation order
     */
    std::vector<Ptr<MmsRadioCellChannel>> GetCells() const;
    /**
     * \brief Assign fixed random variable streams to the radio cells and their handsets
     * (point-to-point links draw nothing); call after the last handset is attached.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);
    /**
     * \brief Set the links of the MMSC nodes, for CreateCore().
     * \param dataRate the links' rate, e.g. "1Gbps"
     * \param delay the links' one-way delay, e.g. "1ms"
     */
    void SetCoreLink(const std::string& dataRate, const std::string& delay);

    /**
     * \brief Create the gateway and the MMSC nodes, once.
     * \param separateNodes true: Relay, Server, PPG and SMSC on four nodes; false: all on one
     */
    void CreateCore(bool separateNodes = true);
    /**
     * \brief One more node on the core side, linked to the gateway like the MMSC nodes (for
     * another element, e.g. a WAP gateway, MmsWapGateway); after CreateCore().
     * \return the node, with its Internet stack and address
     */
    Ptr<Node> CreateCoreNode();
    /**
     * \brief Create handset nodes and attach them (after CreateCore()).
     * \param n the number of handsets
     * \return the new nodes
     */
    NodeContainer CreateHandsets(uint32_t n);
    /**
     * \brief Attach existing handset nodes to the gateway (after CreateCore()): Internet
     * stack, link or cell, address and default route.
     * \param handsets the nodes, with no Internet stack yet
     */
    void AttachHandsets(NodeContainer handsets);

    /**
     * \brief The gateway router.
     * \return the gateway (null before CreateCore())
     */
    Ptr<Node> GetGateway() const;
    /**
     * \brief The node for the MMS Relay (after CreateCore()).
     * \return the node
     */
    Ptr<Node> GetRelayNode() const;
    /**
     * \brief The node for the MMS Server (after CreateCore()).
     * \return the node (the Relay's if CreateCore(false))
     */
    Ptr<Node> GetServerNode() const;
    /**
     * \brief The node for the Push Proxy Gateway (after CreateCore()).
     * \return the node (the Relay's if CreateCore(false))
     */
    Ptr<Node> GetPpgNode() const;
    /**
     * \brief The node for the SMSC (after CreateCore()).
     * \return the node (the Relay's if CreateCore(false))
     */
    Ptr<Node> GetSmscNode() const;
    /**
     * \brief The handsets attached so far.
     * \return the handset nodes, in attachment order
     */
    NodeContainer GetHandsets() const;
    /**
     * \brief The address of a node (aborts in debug builds if it has none).
     * \param node a node with an IPv4 stack
     * \return the address of its first non-loopback interface
     */
    static Ipv4Address GetAddress(Ptr<Node> node);
    /**
     * \brief Put a node's IPv4 on the strong end-system model (RFC 1122 section 3.3.4.2): a
     * packet is delivered locally only if it is addressed to the interface it came in on, so
     * that a router with many interfaces does not compare every packet it forwards with the
     * addresses of all of them (what ns-3's weak model, its default, does). For routers and
     * gateways, which host no application.
     * \param node a node with an IPv4 stack
     */
    static void SetStrongEndSystem(Ptr<Node> node);

    /**
     * \brief Write pcap files of the end-node side of the handset links and the MMSC links,
     * named prefix-node-device.pcap.
     *
     * Handsets on radio cells use the raw-IP link type, handsets on point-to-point links and
     * the MMSC links PPP.
     * \param prefix the file name prefix
     * \param handsets true to trace the handsets' links or radio devices
     * \param core true to trace the MMSC links
     */
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
