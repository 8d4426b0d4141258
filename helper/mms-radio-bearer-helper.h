/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_BEARER_HELPER_H
#define MMS_RADIO_BEARER_HELPER_H

// Creates radio cells on network nodes, attaches handsets to them with a bearer profile,
// assigns their addresses and routes, and writes raw-IP pcap files of the bearers.

#include "ns3/mms-bearer-profile.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/mms-radio-cell-channel.h"
#include "ns3/trace-helper.h"

#include <map>
#include <string>

namespace ns3
{

class MmsRadioBearerNetDevice;

/**
 * \ingroup mms
 * Builds cells. A cell is a MmsRadioCellChannel with one MmsRadioBearerNetDevice on a network node
 * (the node that plays RNC/BSC, SGSN and GGSN: one interface per cell, never one per
 * handset) and one per handset. Each cell is an IPv4 subnet; the network-side device takes its
 * first address, handsets the next ones, with a default route through the cell.
 *
 * \code
 *   MmsRadioBearerHelper radio;
 *   radio.SetProfile("GPRS-CS2");
 *   radio.SetProfileAttribute("MultislotClass", UintegerValue(8));
 *   Ptr<MmsRadioCellChannel> cell = radio.CreateCell(gateway);
 *   NetDeviceContainer devices = radio.Attach(cell, handsets);
 * \endcode
 */
class MmsRadioBearerHelper : public PcapHelperForDevice
{
  public:
    MmsRadioBearerHelper();

    /// The bearer profile preset of cells and handsets created from now on (clears overrides).
    void SetProfile(const std::string& preset);
    /// Override one value of the profile (an attribute of ns3::MmsRadioBearerProfile).
    void SetProfileAttribute(const std::string& name, const AttributeValue& value);
    /// The current profile, resolved; aborts naming the problem if it is invalid.
    MmsBearerProfile GetProfile() const;
    /// Attributes of cells created from now on (ns3::MmsRadioCellChannel).
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);
    /// Attributes of cells created from now on back to their defaults.
    void ResetChannelAttributes();
    /// Attributes of handset devices (ns3::MmsRadioBearerNetDevice).
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);
    /// Attributes of handsets' connection state (ns3::MmsRrcStateMachine).
    void SetRrcAttribute(const std::string& name, const AttributeValue& value);
    /// Addresses: cell k gets subnet k counted from `base` with `mask` (default 10.128.0.0/16).
    void SetAddressBase(const std::string& base, const std::string& mask);

    /**
     * Create a cell whose network end is on `networkNode` (which gets an Internet stack if it
     * has none); its capacities come from the current profile.
     * \param networkNode the node that routes between the cell and the core
     * \return the cell
     */
    Ptr<MmsRadioCellChannel> CreateCell(Ptr<Node> networkNode);
    /**
     * Attach handsets to a cell with the current profile: device, connection state, Internet
     * stack (if missing), address and default route.
     * \param cell the cell
     * \param handsets the handset nodes
     * \return their radio devices
     */
    NetDeviceContainer Attach(Ptr<MmsRadioCellChannel> cell, NodeContainer handsets);

    /// The radio device of a handset node (null if it has none).
    static Ptr<MmsRadioBearerNetDevice> GetHandsetDevice(Ptr<Node> handset);
    /// Every cell created by this helper, in order.
    std::vector<Ptr<MmsRadioCellChannel>> GetCells() const;

    /**
     * Assign fixed random variable streams to every cell and handset created by this helper.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    ObjectFactory m_profile;
    ObjectFactory m_channel;
    ObjectFactory m_device;
    ObjectFactory m_rrc;
    Ipv4AddressHelper m_cellNetworks;
    std::map<uint32_t, Ipv4AddressHelper> m_cellAddresses; //!< by channel id
    std::vector<Ptr<MmsRadioCellChannel>> m_cells;
};

} // namespace ns3

#endif /* MMS_RADIO_BEARER_HELPER_H */
