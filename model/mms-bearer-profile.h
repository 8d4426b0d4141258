/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_BEARER_PROFILE_H
#define MMS_BEARER_PROFILE_H

/**
 * \file
 * \ingroup mms-radio
 * What a radio bearer is: MmsBearerProfile, the plain value the cell model works with, and
 * MmsRadioBearerProfile, the ns-3 Object that names a preset and overrides its values through
 * attributes.
 */

#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-radio
 * \brief The rates, delays and link-layer parameters of one handset's packet data bearer
 * (GPRS, EDGE, UMTS R99 DCH or HSDPA), and the default capacity of a cell of that kind.
 *
 * A bearer profile is what the radio cell (MmsRadioCellChannel) needs to know of a handset's
 * bearer: its technology, which selects the connection-state machine (TBF for GPRS/EDGE, RRC
 * for UMTS/HSDPA, see MmsRrcStateMachine); its peak net rate in each direction; the one-way
 * radio and core delays; and the RLC parameters that turn a constant block error rate into
 * retransmitted airtime, extra delay and residual loss. Rates are net rates: RLC payload bits
 * per second, after channel coding and RLC/MAC headers, before link-layer retransmissions. The
 * profile also carries the default capacity of a cell of that kind, which a cell created from
 * it shares among its handsets.
 *
 * The presets (FromPreset(), PresetNames()) are:
 * - GPRS-CS1..CS4 and EDGE-MCS1..MCS9: the RLC data octets of one radio block per 20 ms and
 *   timeslot for each coding scheme (from osmo-pcu's coding scheme table; MCS-7..9 carry two
 *   RLC blocks per radio block, and the retransmission unit is one of them), times the
 *   downlink and uplink timeslots of the handset's multislot class 1..12 (3GPP TS 45.002
 *   annex B); a cell has the eight timeslots of one carrier. Link overhead 10 octets (SNDCP
 *   4, LLC UI 6: TS 44.065, TS 44.064), block error rate 0.05, up to 8 retransmissions.
 * - UMTS-64, UMTS-128, UMTS-384: R99 DCH bearers of 64, 128 and 384 kbit/s downlink with a
 *   64 kbit/s uplink; a cell carries 2 Mbit/s downlink and 1 Mbit/s uplink.
 * - HSDPA-CAT12, -CAT6, -CAT8, -CAT10: the peak rates of those UE categories (1.8, 3.6, 7.2
 *   and 14.0 Mbit/s, 3GPP TS 25.306) with an R99 uplink of 64 kbit/s; the cell's HS-DSCH
 *   carries 14.4 Mbit/s; block error rate 0.1 (the HARQ first-transmission target), a
 *   retransmission round of 12 ms (six 2 ms TTIs).
 *
 * UMTS and HSDPA use 40-octet RLC AM payloads (TS 25.322) and a one-octet PDCP header
 * (TS 25.323). Every preset has an IP MTU of 1500 octets and a TCP maximum segment size of
 * MTU - 40 = 1460 octets: the MTU less the IPv4 and TCP headers without options (RFC 9293
 * section 3.7.1), which is what Linux, and so an Android handset, derives from its interface's
 * MTU (ipv4_default_advmss in net/ipv4/route.c); its data segments carry 1460 less the TCP
 * options they carry (1448 with timestamps). The radio and core delays are chosen so that a small
 * packet's round trip falls in the ranges reported for these networks; they, the cell capacities,
 * block error rates and retransmission limits are modelling choices (doc/mms.rst, "Bearer
 * figures"). Every value can be overridden through MmsRadioBearerProfile.
 */
struct MmsBearerProfile
{
    /// Radio access technology, which also selects the connection-state machine.
    enum Technology
    {
        GPRS,  //!< GSM packet data, CS-1..CS-4; TBF state
        EDGE,  //!< EGPRS, MCS-1..MCS-9; TBF state
        UMTS,  //!< UMTS R99 DCH; RRC Idle / Cell_FACH / Cell_DCH
        HSDPA, //!< HSDPA (HS-DSCH) downlink with an R99 uplink; RRC states as UMTS
    };

    std::string name;                 //!< preset name, e.g. "GPRS-CS2"
    Technology technology{UMTS};      //!< technology
    uint32_t downlinkTimeslots{0};    //!< GPRS/EDGE: downlink timeslots (multislot class)
    uint32_t uplinkTimeslots{0};      //!< GPRS/EDGE: uplink timeslots (multislot class)
    uint64_t downlinkRate{0};         //!< handset peak downlink net rate, bit/s
    uint64_t uplinkRate{0};           //!< handset peak uplink net rate, bit/s
    uint64_t cellDownlinkCapacity{0}; //!< default downlink capacity of a cell, bit/s
    uint64_t cellUplinkCapacity{0};   //!< default uplink capacity of a cell, bit/s
    Time radioDelayDownlink;          //!< one-way radio access delay, downlink
    Time radioDelayUplink;            //!< one-way radio access delay, uplink
    Time coreDelay;                   //!< one-way packet core delay (SGSN/GGSN)
    uint32_t blockBytes{0};           //!< RLC payload octets per radio block
    double blockErrorRate{0};         //!< probability that one block transmission fails
    uint32_t maxRetransmissions{0};   //!< block retransmissions before the packet is lost
    Time retransmissionDelay;         //!< delay one retransmission round adds
    uint32_t linkOverhead{0};         //!< octets added per IP packet (SNDCP+LLC, PDCP)
    uint16_t mtu{1500};               //!< IP MTU of the bearer, octets
    uint16_t tcpMss{1460};            //!< TCP MSS of the handset's sockets, octets (mtu - 40)

    /// Octets of the IPv4 and TCP headers without options, which the MSS leaves out of the MTU
    /// (RFC 9293 section 3.7.1).
    static constexpr uint16_t IPV4_TCP_HEADERS = 40;

    /**
     * \brief Build a named preset.
     * \param name one of PresetNames(), case-insensitive
     * \param multislotClass GPRS/EDGE multislot class 1..12 (3GPP TS 45.002 annex B);
     *        ignored by UMTS and HSDPA presets
     * \param out the profile (set only when true is returned)
     * \param error what is wrong when false is returned (an unknown name: with the list of
     *        known names)
     * \return true if the name and class are known
     */
    static bool FromPreset(const std::string& name,
                           uint32_t multislotClass,
                           MmsBearerProfile& out,
                           std::string& error);
    /**
     * \brief The preset names, in a stable order.
     * \return GPRS-CS1..4, EDGE-MCS1..9, UMTS-64/128/384, HSDPA-CAT12/6/8/10
     */
    static std::vector<std::string> PresetNames();
    /**
     * \brief Name of a technology.
     * \param t the technology
     * \return "GPRS", "EDGE", "UMTS" or "HSDPA"
     */
    static std::string TechnologyName(Technology t);
    /**
     * \brief Which connection-state machine the technology uses.
     * \return true for the TBF state (GPRS, EDGE), false for RRC states (UMTS, HSDPA)
     */
    bool UsesTbf() const;

    /**
     * \brief Check the values.
     *
     * Rates and capacities positive, delays non-negative, block error rate in [0, 1), block
     * size positive, MTU at least 68 octets (the IPv4 minimum), TCP MSS above 12 octets (the
     * timestamp option of every segment) and at most MTU - 40.
     * \param error names the first bad field when false is returned
     * \return true if valid
     */
    bool Validate(std::string& error) const;

    /**
     * \brief Expected goodput of a saturated transfer alone on its bearer.
     *
     * The net rate less the link overhead and the IP/transport headers of each packet, less
     * the mean airtime of block retransmissions (each block is sent 1/(1-BLER) times on
     * average): the payload bits of one packet divided by its MeanAirtime().
     * \param downlink true for the downlink, false for the uplink
     * \param packetBytes IP packet size, octets
     * \param headerBytes IP and transport header octets in each packet (at most packetBytes)
     * \return application payload bit/s
     */
    double NetGoodput(bool downlink, uint32_t packetBytes, uint32_t headerBytes) const;
    /**
     * \brief Mean airtime of one IP packet, block retransmissions included.
     *
     * The packet and the link overhead, plus the retransmitted blocks: each of the
     * ceil((packetBytes + linkOverhead) / blockBytes) blocks is sent again
     * blockErrorRate / (1 - blockErrorRate) times on average (no retransmission limit), all
     * at the handset's peak rate of that direction.
     * \param downlink true for the downlink, false for the uplink
     * \param packetBytes IP packet size, octets
     * \return the mean airtime
     */
    Time MeanAirtime(bool downlink, uint32_t packetBytes) const;
};

/**
 * \ingroup mms-radio
 * \brief A bearer profile as an ns-3 Object: a named preset plus attributes that override
 * single values of it.
 *
 * This is how users choose and tune a bearer. The attribute Preset names one of
 * MmsBearerProfile::PresetNames() (default UMTS-384) and MultislotClass the GPRS/EDGE
 * multislot class (default 10: 4 downlink and 2 uplink timeslots, typical of MMS-era phones).
 * The other attributes override one value each: DownlinkRate, UplinkRate,
 * CellDownlinkCapacity, CellUplinkCapacity, RadioDelayDownlink, RadioDelayUplink, CoreDelay,
 * BlockBytes, BlockErrorRate, MaxRetransmissions, RetransmissionDelay, LinkOverhead, Mtu and
 * TcpMss (an Mtu override alone sets the MSS to the new MTU - 40).
 * An override left at its "unset" value (a rate or size of 0, a negative time or error rate,
 * -1 for the counts) keeps the preset's value. Get() and TryGet() resolve the preset and the
 * overrides into an MmsBearerProfile and validate it.
 *
 * Users rarely create this object themselves: MmsRadioBearerHelper holds a factory of it,
 * set through MmsRadioBearerHelper::SetProfile() and
 * MmsRadioBearerHelper::SetProfileAttribute(), and resolves it for every cell and handset it
 * creates:
 * \code
 *   MmsRadioBearerHelper radio;
 *   radio.SetProfile("EDGE-MCS9");
 *   radio.SetProfileAttribute("MultislotClass", UintegerValue(12));
 *   radio.SetProfileAttribute("BlockErrorRate", DoubleValue(0.1));
 * \endcode
 * The object has no trace sources; the values are read once, when a cell or handset is made.
 */
class MmsRadioBearerProfile : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create a profile with the attributes' defaults (UMTS-384, no override).
    MmsRadioBearerProfile();

    /**
     * \brief The resolved profile; aborts with a message naming the preset or field if the
     * preset is unknown or a value invalid.
     * \return the preset with the overrides applied
     */
    MmsBearerProfile Get() const;
    /**
     * \brief The resolved profile, without aborting.
     * \param out the profile (the preset with the overrides applied)
     * \param error what is wrong when false is returned
     * \return true if the preset is known and the values valid
     */
    bool TryGet(MmsBearerProfile& out, std::string& error) const;

  private:
    std::string m_preset;
    uint32_t m_multislotClass;
    DataRate m_downlinkRate;
    DataRate m_uplinkRate;
    DataRate m_cellDownlinkCapacity;
    DataRate m_cellUplinkCapacity;
    Time m_radioDelayDownlink;
    Time m_radioDelayUplink;
    Time m_coreDelay;
    uint32_t m_blockBytes;
    double m_blockErrorRate;
    int32_t m_maxRetransmissions;
    Time m_retransmissionDelay;
    int32_t m_linkOverhead;
    uint32_t m_mtu;
    uint32_t m_tcpMss;
};

} // namespace ns3

#endif /* MMS_BEARER_PROFILE_H */
