/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RADIO_BEARER_HELPER_H
#define MMS_RADIO_BEARER_HELPER_H

#include "ns3/ipv4-address-helper.h"
#include "ns3/mms-bearer-profile.h"
#include "ns3/mms-radio-cell-channel.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/trace-helper.h"

#include <map>
#include <optional>
#include <string>

namespace ns3
{

class MmsRadioBearerNetDevice;

/**
 * \ingroup mms-helpers
 * \brief Creates radio cells on network nodes, attaches handsets to them with a bearer
 * profile, assigns their addresses and routes, and writes raw-IP pcap files of the bearers.
 *
 * A cell is an MmsRadioCellChannel with one MmsRadioBearerNetDevice on a network node (the
 * node that plays RNC or BSC, SGSN and GGSN: one interface per cell, never one per handset)
 * and one per handset, each handset with its MmsRrcStateMachine. Each cell is an IPv4
 * subnet, by default the /16 networks counted from 10.128.0.0 (SetAddressBase()); the
 * network-side device takes its first address, handsets the next ones, each with a default
 * route through the cell. No queue disc is installed on the devices: the cell has its own
 * per-handset buffers.
 *
 * The helper holds a bearer profile (an MmsRadioBearerProfile: a preset set by SetProfile(),
 * UMTS-384 by default, with overrides by SetProfileAttribute()) and factories of the cell,
 * handset device and connection state, whose attributes are set by SetChannelAttribute(),
 * SetDeviceAttribute() and SetRrcAttribute(). A cell's capacities come from the profile the
 * helper has when it creates the cell, a handset's bearer from the profile it has when it
 * attaches the handset, so one cell may carry handsets of several profiles.
 *
 * \code
 *   MmsRadioBearerHelper radio;
 *   radio.SetProfile("GPRS-CS2");
 *   radio.SetProfileAttribute("MultislotClass", UintegerValue(8));
 *   radio.SetRrcAttribute("PdpMode", StringValue("AlwaysOn"));
 *   Ptr<MmsRadioCellChannel> cell = radio.CreateCell(gateway);
 *   NetDeviceContainer devices = radio.Attach(cell, handsets);
 *   radio.AssignStreams(100);        // after the last cell and handset
 *   radio.EnablePcap("cell", devices); // raw IP, link type 101
 * \endcode
 *
 * MmsNetworkHelper::SetRadioAccess() uses this helper to put the handsets it creates on
 * cells; MmsNetworkHelper::GetRadioHelper() gives access to it.
 */
class MmsRadioBearerHelper : public PcapHelperForDevice
{
  public:
    /// Create a helper: profile UMTS-384, default attributes, addresses from 10.128.0.0/16.
    MmsRadioBearerHelper();

    /**
     * \brief Set the bearer profile preset of cells and handsets created from now on; clears
     * the overrides. An unknown preset aborts here, with the list of known ones.
     * \param preset one of MmsBearerProfile::PresetNames(), case-insensitive
     */
    void SetProfile(const std::string& preset);
    /**
     * \brief Override one value of the profile (MultislotClass included).
     * \param name the name of an ns3::MmsRadioBearerProfile attribute
     * \param value its value
     */
    void SetProfileAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief The current profile, resolved; aborts naming the problem if it is invalid.
     * \return the preset with the overrides applied
     */
    MmsBearerProfile GetProfile() const;
    /**
     * \brief Set an attribute of the cells created from now on.
     * \param name the name of an ns3::MmsRadioCellChannel attribute
     * \param value its value
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);
    /// Set the attributes of cells created from now on back to their defaults.
    void ResetChannelAttributes();
    /**
     * \brief Set an attribute of the handset devices attached from now on (not the network
     * end's).
     * \param name the name of an ns3::MmsRadioBearerNetDevice attribute (Mtu is replaced by
     *        the profile's)
     * \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set an attribute of the connection state of handsets attached from now on.
     * \param name the name of an ns3::MmsRrcStateMachine attribute
     * \param value its value
     */
    void SetRrcAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Set the addresses of cells created from now on: the next cell gets the subnet
     * base/mask, each further cell the next subnet.
     * \param base the first subnet, e.g. "10.128.0.0"
     * \param mask its mask, e.g. "255.255.0.0"
     */
    void SetAddressBase(const std::string& base, const std::string& mask);

    /**
     * \brief Create a cell whose network end is on `networkNode` (which gets an Internet stack
     * if it has none): its device, the cell's subnet and the device's address; its capacities
     * come from the current profile.
     * \param networkNode the node that routes between the cell and the core
     * \return the cell
     */
    Ptr<MmsRadioCellChannel> CreateCell(Ptr<Node> networkNode);
    /**
     * \brief Attach handsets to a cell with the current profile: device, connection state,
     * Internet stack (if missing), address and default route.
     * \param cell the cell (created by this helper, else the call aborts)
     * \param handsets the handset nodes
     * \return their radio devices
     */
    NetDeviceContainer Attach(Ptr<MmsRadioCellChannel> cell, NodeContainer handsets);
    /**
     * \brief Attach one handset to a cell with the profile the cell was created with (not the
     * current one): what a pool of handsets made during the run needs (MmsSubscriberPool).
     * \param cell the cell (created by this helper, else the call aborts)
     * \param handset the handset node
     * \return its radio device (its streams are not assigned: the caller assigns them)
     */
    Ptr<MmsRadioBearerNetDevice> AttachOne(Ptr<MmsRadioCellChannel> cell, Ptr<Node> handset);

    /**
     * \brief Take the next handset address of a cell's subnet without making a handset (a
     * flow-level handset: MmsFlowTransport).
     * \param cell a cell made by CreateCell
     * \return the address, or 0.0.0.0 if the subnet has none left
     */
    Ipv4Address AllocateAddress(Ptr<MmsRadioCellChannel> cell);
    /**
     * \brief A connection state machine with this helper's RRC attributes, in the TBF mode of
     * a profile (what Attach gives a handset's device).
     * \param profile the handset's bearer profile
     * \return the state machine
     */
    Ptr<MmsRrcStateMachine> CreateRrc(const MmsBearerProfile& profile) const;
    /**
     * \brief The handset profile of a cell made by CreateCell.
     * \param cell the cell
     * \return its profile
     */
    MmsBearerProfile GetCellProfile(Ptr<MmsRadioCellChannel> cell) const;
    /**
     * \brief The radio device of a handset node.
     * \param handset the node
     * \return its first handset MmsRadioBearerNetDevice (null if it has none)
     */
    static Ptr<MmsRadioBearerNetDevice> GetHandsetDevice(Ptr<Node> handset);
    /**
     * \brief Every cell created by this helper.
     * \return the cells, in creation order
     */
    std::vector<Ptr<MmsRadioCellChannel>> GetCells() const;

    /**
     * \brief Assign fixed random variable streams to every cell and handset created by this
     * helper (see MmsRadioCellChannel::AssignStreams()); call after the last of them.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    /**
     * Attach a handset.
     * \param cell the cell
     * \param node the handset
     * \param profile its profile
     * \param registerAddress whether to record its address in ns-3's Ipv4AddressGenerator, as
     *        Ipv4AddressHelper does (which aborts on an address given twice); handsets made
     *        during the run are not recorded (the generator scans every range it holds, one per
     *        cell, for each address), their cell's subnet being theirs alone
     * \return its device
     */
    Ptr<MmsRadioBearerNetDevice> AttachWith(Ptr<MmsRadioCellChannel> cell,
                                            Ptr<Node> node,
                                            const MmsBearerProfile& profile,
                                            bool registerAddress);
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    /**
     * \return a new state machine with the RRC attributes (a copy of m_rrcPrototype)
     */
    Ptr<MmsRrcStateMachine> NewRrc() const;

    ObjectFactory m_profile;
    ObjectFactory m_channel;
    ObjectFactory m_device;
    ObjectFactory m_rrc;
    /// What m_profile makes, once asked (GetProfile): made again after a change of m_profile.
    mutable std::optional<MmsBearerProfile> m_profileMade;
    /// What m_rrc makes, copied for each handset (NewRrc): made again after a change of m_rrc.
    mutable Ptr<MmsRrcStateMachine> m_rrcPrototype;

    /// The next handset address of a cell.
    struct CellAddresses
    {
        uint32_t next{0}; //!< the next handset's address
        uint32_t last{0}; //!< the subnet's last address before its broadcast address
        Ipv4Mask mask;    //!< the subnet's mask
    };

    Ipv4AddressHelper m_cellNetworks;
    std::map<uint32_t, CellAddresses> m_cellAddresses;   //!< by channel id
    std::map<uint32_t, MmsBearerProfile> m_cellProfiles; //!< by channel id: CreateCell's
    std::vector<Ptr<MmsRadioCellChannel>> m_cells;
};

} // namespace ns3

#endif /* MMS_RADIO_BEARER_HELPER_H */
