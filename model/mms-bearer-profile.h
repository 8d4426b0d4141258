/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_BEARER_PROFILE_H
#define MMS_BEARER_PROFILE_H

// What a radio bearer is: the rates, delays and link-layer parameters of one handset's packet
// data bearer (GPRS, EDGE, UMTS R99 DCH, HSDPA) and the default capacity of a cell of that kind.
// MmsBearerProfile is the plain value the cell model works with; MmsRadioBearerProfile is the ns-3
// Object that names a preset and overrides any of its values through attributes.

#include "ns3/data-rate.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * The parameters of one bearer. Rates are net rates: RLC payload bits per second, after
 * channel coding and RLC/MAC headers, before link-layer retransmissions.
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

    std::string name;                  //!< preset name, e.g. "GPRS-CS2"
    Technology technology{UMTS};       //!< technology
    uint32_t downlinkTimeslots{0};     //!< GPRS/EDGE: downlink timeslots (multislot class)
    uint32_t uplinkTimeslots{0};       //!< GPRS/EDGE: uplink timeslots (multislot class)
    uint64_t downlinkRate{0};          //!< handset peak downlink net rate, bit/s
    uint64_t uplinkRate{0};            //!< handset peak uplink net rate, bit/s
    uint64_t cellDownlinkCapacity{0};  //!< default downlink capacity of a cell, bit/s
    uint64_t cellUplinkCapacity{0};    //!< default uplink capacity of a cell, bit/s
    Time radioDelayDownlink;           //!< one-way radio access delay, downlink
    Time radioDelayUplink;             //!< one-way radio access delay, uplink
    Time coreDelay;                    //!< one-way packet core delay (SGSN/GGSN)
    uint32_t blockBytes{0};            //!< RLC payload octets per radio block
    double blockErrorRate{0};          //!< probability that one block transmission fails
    uint32_t maxRetransmissions{0};    //!< block retransmissions before the packet is lost
    Time retransmissionDelay;          //!< delay one retransmission round adds
    uint32_t linkOverhead{0};          //!< octets added per IP packet (SNDCP+LLC, PDCP)
    uint16_t mtu{1500};                //!< IP MTU of the bearer, octets

    /**
     * The named preset.
     * \param name one of PresetNames(), case-insensitive
     * \param multislotClass GPRS/EDGE multislot class 1..12 (3GPP TS 45.002 annex B);
     *        ignored by UMTS and HSDPA presets
     * \param out the profile
     * \param error what is wrong when false is returned
     * \return true if the name and class are known
     */
    static bool FromPreset(const std::string& name,
                           uint32_t multislotClass,
                           MmsBearerProfile& out,
                           std::string& error);
    /// The preset names, in a stable order.
    static std::vector<std::string> PresetNames();
    /// Name of a technology ("GPRS", ...).
    static std::string TechnologyName(Technology t);
    /// True if the technology uses the TBF state (GPRS, EDGE), false for RRC (UMTS, HSDPA).
    bool UsesTbf() const;

    /**
     * Check the values: rates and capacities positive, delays non-negative, block error rate
     * in [0, 1), block size and MTU positive.
     * \param error names the first bad field when false is returned
     * \return true if valid
     */
    bool Validate(std::string& error) const;

    /**
     * Expected goodput of a saturated transfer alone on its bearer: the net rate less the link
     * overhead and the IP/transport headers of each packet, less the mean airtime of block
     * retransmissions (each block is sent 1/(1-BLER) times on average).
     * \param downlink direction
     * \param packetBytes IP packet size, octets
     * \param headerBytes IP and transport header octets in each packet
     * \return application payload bit/s
     */
    double NetGoodput(bool downlink, uint32_t packetBytes, uint32_t headerBytes) const;
    /// Mean airtime of one IP packet of `packetBytes` octets, block retransmissions included.
    Time MeanAirtime(bool downlink, uint32_t packetBytes) const;
};

/**
 * \ingroup mms
 * A bearer profile as an ns-3 Object: a Preset plus attributes that override single values.
 * An override left at its "unset" value (0, a negative time, -1) keeps the preset's value.
 */
class MmsRadioBearerProfile : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsRadioBearerProfile();

    /// The resolved profile; aborts with a message naming the preset or field if invalid.
    MmsBearerProfile Get() const;
    /**
     * The resolved profile.
     * \param out the profile
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
};

} // namespace ns3

#endif /* MMS_BEARER_PROFILE_H */
