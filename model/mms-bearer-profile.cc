/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-bearer-profile.h"

#include "ns3/double.h"
#include "ns3/integer.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsBearerProfile");
NS_OBJECT_ENSURE_REGISTERED(MmsRadioBearerProfile);

namespace
{

std::string
Upper(const std::string& s)
{
    std::string u = s;
    std::transform(u.begin(),
                   u.end(),
                   u.begin(),
                   [](unsigned char c)
                   {
                       return static_cast<char>(std::toupper(c));
                   });
    return u;
}

// GPRS/EGPRS multislot classes 1..12: maximum receive (downlink) and transmit (uplink)
// timeslots, 3GPP TS 45.002 annex B.
const uint32_t kMultislot[13][2] = {
    {0, 0},
    {1, 1},
    {2, 1},
    {2, 2},
    {3, 1},
    {2, 2},
    {3, 2},
    {3, 3},
    {4, 1},
    {3, 2},
    {4, 2},
    {4, 3},
    {4, 4},
};

// RLC data octets per radio block (one block per timeslot every 20 ms), so the net rate per
// timeslot is octets x 8 / 20 ms: CS-1..CS-4 and MCS-1..MCS-9 (MCS-7..9 carry two RLC data
// blocks). Source: osmo-pcu src/coding_scheme.c (see doc/mms.rst, bearer figures).
const uint32_t kCsOctets[5] = {0, 20, 30, 36, 50};
const uint32_t kMcsOctets[10] = {0, 22, 28, 37, 44, 56, 74, 112, 136, 148};

MmsBearerProfile
Geran(MmsBearerProfile::Technology tech, uint32_t scheme, uint32_t octets, uint32_t msClass)
{
    MmsBearerProfile p;
    p.technology = tech;
    p.name = (tech == MmsBearerProfile::GPRS ? "GPRS-CS" : "EDGE-MCS") + std::to_string(scheme);
    p.downlinkTimeslots = kMultislot[msClass][0];
    p.uplinkTimeslots = kMultislot[msClass][1];
    const uint64_t perTimeslot = octets * 8 * 50; // one block per 20 ms
    p.downlinkRate = perTimeslot * p.downlinkTimeslots;
    p.uplinkRate = perTimeslot * p.uplinkTimeslots;
    // A modelling choice: the eight timeslots of one carrier available to packet data.
    p.cellDownlinkCapacity = perTimeslot * 8;
    p.cellUplinkCapacity = perTimeslot * 8;
    // Chosen so a small packet's round trip is several hundred ms (GPRS) and 150-500 ms
    // (EDGE), the ranges quoted for those networks (doc/mms.rst, bearer figures).
    p.radioDelayDownlink = MilliSeconds(tech == MmsBearerProfile::GPRS ? 150 : 80);
    p.radioDelayUplink = MilliSeconds(tech == MmsBearerProfile::GPRS ? 200 : 100);
    p.coreDelay = MilliSeconds(20);
    // MCS-7..9 carry two RLC blocks per radio block; the retransmission unit is one of them.
    p.blockBytes = scheme >= 7 && tech == MmsBearerProfile::EDGE ? octets / 2 : octets;
    p.blockErrorRate = 0.05;
    p.maxRetransmissions = 8;
    p.retransmissionDelay = MilliSeconds(tech == MmsBearerProfile::GPRS ? 160 : 120);
    // SNDCP unacknowledged data header (4 octets) and LLC UI frame address, control and FCS
    // (6 octets): 3GPP TS 44.065 and TS 44.064.
    p.linkOverhead = 10;
    p.mtu = 1500;
    p.tcpMss = p.mtu - MmsBearerProfile::IPV4_TCP_HEADERS; // see the class comment
    return p;
}

MmsBearerProfile
Utran(const std::string& name, MmsBearerProfile::Technology tech, uint64_t down, uint64_t up)
{
    MmsBearerProfile p;
    p.name = name;
    p.technology = tech;
    p.downlinkRate = down;
    p.uplinkRate = up;
    if (tech == MmsBearerProfile::HSDPA)
    {
        // HS-DSCH with 15 codes and 16QAM (the category 10 peak): the shared downlink.
        p.cellDownlinkCapacity = 14400000;
        // HSDPA round trip 70-100 ms: 2 ms TTI downlink, R99 10 ms TTI uplink.
        p.radioDelayDownlink = MilliSeconds(20);
        p.radioDelayUplink = MilliSeconds(40);
        p.blockErrorRate = 0.1;                   // HARQ first-transmission target
        p.retransmissionDelay = MilliSeconds(12); // HARQ round trip: 6 TTIs of 2 ms
        p.maxRetransmissions = 4;
    }
    else
    {
        // A modelling choice: a R99 cell carries of the order of 2 Mbit/s of DCH traffic.
        p.cellDownlinkCapacity = 2000000;
        // R99 DCH round trip about 200 ms (doc/mms.rst, bearer figures).
        p.radioDelayDownlink = MilliSeconds(80);
        p.radioDelayUplink = MilliSeconds(80);
        p.blockErrorRate = 0.05;
        p.retransmissionDelay = MilliSeconds(80);
        p.maxRetransmissions = 8;
    }
    p.cellUplinkCapacity = 1000000; // a modelling choice
    p.coreDelay = MilliSeconds(10);
    // RLC AM PDU of 336 bits with a 16-bit header: 40 payload octets (3GPP TS 25.322).
    p.blockBytes = 40;
    // PDCP data PDU header, one octet (3GPP TS 25.323).
    p.linkOverhead = 1;
    p.mtu = 1500;
    p.tcpMss = p.mtu - MmsBearerProfile::IPV4_TCP_HEADERS; // see the class comment
    return p;
}

} // namespace

std::vector<std::string>
MmsBearerProfile::PresetNames()
{
    std::vector<std::string> names;
    for (uint32_t cs = 1; cs <= 4; ++cs)
    {
        names.push_back("GPRS-CS" + std::to_string(cs));
    }
    for (uint32_t mcs = 1; mcs <= 9; ++mcs)
    {
        names.push_back("EDGE-MCS" + std::to_string(mcs));
    }
    for (const char* n : {"UMTS-64",
                          "UMTS-128",
                          "UMTS-384",
                          "HSDPA-CAT12",
                          "HSDPA-CAT6",
                          "HSDPA-CAT8",
                          "HSDPA-CAT10"})
    {
        names.emplace_back(n);
    }
    return names;
}

bool
MmsBearerProfile::FromPreset(const std::string& name,
                             uint32_t multislotClass,
                             MmsBearerProfile& out,
                             std::string& error)
{
    const std::string u = Upper(name);
    auto known = []
    {
        std::ostringstream os;
        for (const auto& n : PresetNames())
        {
            os << (os.tellp() > 0 ? ", " : "") << n;
        }
        return os.str();
    };
    if (u.rfind("GPRS-CS", 0) == 0 || u.rfind("EDGE-MCS", 0) == 0)
    {
        const bool gprs = u[0] == 'G';
        const std::string digits = u.substr(gprs ? 7 : 8);
        const uint32_t max = gprs ? 4 : 9;
        if (digits.size() != 1 || digits[0] < '1' || digits[0] > char('0' + max))
        {
            error = "unknown bearer profile '" + name + "'; known: " + known();
            return false;
        }
        if (multislotClass < 1 || multislotClass > 12)
        {
            error = "bearer profile '" + name + "': multislot class "
                    + std::to_string(multislotClass) + " is not 1..12 (3GPP TS 45.002 annex B)";
            return false;
        }
        const uint32_t scheme = digits[0] - '0';
        out = Geran(gprs ? GPRS : EDGE,
                    scheme,
                    gprs ? kCsOctets[scheme] : kMcsOctets[scheme],
                    multislotClass);
        return true;
    }
    // R99 DCH bearers 64/128/384 kbit/s downlink with a 64 kbit/s uplink; HSDPA UE categories
    // 12, 6, 8, 10: 1.8, 3.6, 7.2, 14.0 Mbit/s peak (3GPP TS 25.306) with an R99 uplink.
    if (u == "UMTS-64" || u == "UMTS-128" || u == "UMTS-384")
    {
        out = Utran(u, UMTS, std::stoull(u.substr(5)) * 1000, 64000);
        return true;
    }

    const struct
    {
        const char* name;
        uint64_t rate;
    } hsdpa[] = {{"HSDPA-CAT12", 1800000},
                 {"HSDPA-CAT6", 3600000},
                 {"HSDPA-CAT8", 7200000},
                 {"HSDPA-CAT10", 14000000}};

    for (const auto& h : hsdpa)
    {
        if (u == h.name)
        {
            out = Utran(u, HSDPA, h.rate, 64000);
            return true;
        }
    }
    error = "unknown bearer profile '" + name + "'; known: " + known();
    return false;
}

std::string
MmsBearerProfile::TechnologyName(Technology t)
{
    switch (t)
    {
        case GPRS:
            return "GPRS";
        case EDGE:
            return "EDGE";
        case UMTS:
            return "UMTS";
        case HSDPA:
            return "HSDPA";
    }
    return "?";
}

bool
MmsBearerProfile::UsesTbf() const
{
    return technology == GPRS || technology == EDGE;
}

bool
MmsBearerProfile::Validate(std::string& error) const
{
    const std::string where = "bearer profile '" + name + "': ";
    if (downlinkRate == 0 || uplinkRate == 0)
    {
        error = where + (downlinkRate == 0 ? "DownlinkRate" : "UplinkRate") + " is zero";
        return false;
    }
    if (cellDownlinkCapacity == 0 || cellUplinkCapacity == 0)
    {
        error = where + (cellDownlinkCapacity == 0 ? "CellDownlinkCapacity" : "CellUplinkCapacity")
                + " is zero";
        return false;
    }
    if (radioDelayDownlink.IsStrictlyNegative() || radioDelayUplink.IsStrictlyNegative()
        || coreDelay.IsStrictlyNegative() || retransmissionDelay.IsStrictlyNegative())
    {
        error = where + "a delay is negative";
        return false;
    }
    if (!(blockErrorRate >= 0 && blockErrorRate < 1))
    {
        error = where + "BlockErrorRate " + std::to_string(blockErrorRate) + " is not in [0, 1)";
        return false;
    }
    if (blockBytes == 0)
    {
        error = where + "BlockBytes is zero";
        return false;
    }
    if (mtu < 68)
    {
        error = where + "Mtu " + std::to_string(mtu) + " is below the IPv4 minimum of 68";
        return false;
    }
    if (tcpMss <= 12 || tcpMss + IPV4_TCP_HEADERS > mtu)
    {
        error = where + "TcpMss " + std::to_string(tcpMss) + " is not in 13.."
                + std::to_string(mtu - IPV4_TCP_HEADERS) + " (at most Mtu " + std::to_string(mtu)
                + " less 40 octets of IPv4 and TCP headers)";
        return false;
    }
    return true;
}

Time
MmsBearerProfile::MeanAirtime(bool downlink, uint32_t packetBytes) const
{
    const double octets = packetBytes + linkOverhead;
    const double blocks = std::ceil(octets / blockBytes);
    const double extra = blocks * blockBytes * blockErrorRate / (1 - blockErrorRate);
    return Seconds((octets + extra) * 8 / double(downlink ? downlinkRate : uplinkRate));
}

double
MmsBearerProfile::NetGoodput(bool downlink, uint32_t packetBytes, uint32_t headerBytes) const
{
    return (packetBytes - headerBytes) * 8 / MeanAirtime(downlink, packetBytes).GetSeconds();
}

// ---------------------------------------------------------------------------------------------

TypeId
MmsRadioBearerProfile::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRadioBearerProfile")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRadioBearerProfile>()
            .AddAttribute("Preset",
                          "Named bearer: GPRS-CS1..4, EDGE-MCS1..9, UMTS-64/128/384, "
                          "HSDPA-CAT12/6/8/10 (case-insensitive). The other attributes override "
                          "single values of the preset.",
                          StringValue("UMTS-384"),
                          MakeStringAccessor(&MmsRadioBearerProfile::m_preset),
                          MakeStringChecker())
            .AddAttribute("MultislotClass",
                          "GPRS/EDGE multislot class 1..12, which sets the timeslots used in "
                          "each direction (3GPP TS 45.002 annex B; class 10 = 4 down, 2 up, "
                          "typical of MMS-era phones).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&MmsRadioBearerProfile::m_multislotClass),
                          MakeUintegerChecker<uint32_t>(1, 12))
            .AddAttribute("DownlinkRate",
                          "Handset peak downlink net rate (bit/s); 0 = the preset's.",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&MmsRadioBearerProfile::m_downlinkRate),
                          MakeDataRateChecker())
            .AddAttribute("UplinkRate",
                          "Handset peak uplink net rate (bit/s); 0 = the preset's.",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&MmsRadioBearerProfile::m_uplinkRate),
                          MakeDataRateChecker())
            .AddAttribute("CellDownlinkCapacity",
                          "Downlink capacity of a cell created with this profile (bit/s); "
                          "0 = the preset's.",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&MmsRadioBearerProfile::m_cellDownlinkCapacity),
                          MakeDataRateChecker())
            .AddAttribute("CellUplinkCapacity",
                          "Uplink capacity of a cell created with this profile (bit/s); "
                          "0 = the preset's.",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&MmsRadioBearerProfile::m_cellUplinkCapacity),
                          MakeDataRateChecker())
            .AddAttribute("RadioDelayDownlink",
                          "One-way radio access delay, downlink (s); negative = the preset's.",
                          TimeValue(Seconds(-1)),
                          MakeTimeAccessor(&MmsRadioBearerProfile::m_radioDelayDownlink),
                          MakeTimeChecker())
            .AddAttribute("RadioDelayUplink",
                          "One-way radio access delay, uplink (s); negative = the preset's.",
                          TimeValue(Seconds(-1)),
                          MakeTimeAccessor(&MmsRadioBearerProfile::m_radioDelayUplink),
                          MakeTimeChecker())
            .AddAttribute("CoreDelay",
                          "One-way packet core delay, SGSN and GGSN (s); negative = the "
                          "preset's.",
                          TimeValue(Seconds(-1)),
                          MakeTimeAccessor(&MmsRadioBearerProfile::m_coreDelay),
                          MakeTimeChecker())
            .AddAttribute("BlockBytes",
                          "RLC payload octets per radio block, the retransmission unit; "
                          "0 = the preset's.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsRadioBearerProfile::m_blockBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("BlockErrorRate",
                          "Probability that one block transmission fails (0..1); negative = "
                          "the preset's.",
                          DoubleValue(-1),
                          MakeDoubleAccessor(&MmsRadioBearerProfile::m_blockErrorRate),
                          MakeDoubleChecker<double>(-1, 1))
            .AddAttribute("MaxRetransmissions",
                          "Retransmissions of one block before its packet is lost (residual "
                          "loss); -1 = the preset's.",
                          IntegerValue(-1),
                          MakeIntegerAccessor(&MmsRadioBearerProfile::m_maxRetransmissions),
                          MakeIntegerChecker<int32_t>(-1))
            .AddAttribute("RetransmissionDelay",
                          "Delay each retransmission round adds to a packet (s); negative = "
                          "the preset's.",
                          TimeValue(Seconds(-1)),
                          MakeTimeAccessor(&MmsRadioBearerProfile::m_retransmissionDelay),
                          MakeTimeChecker())
            .AddAttribute("LinkOverhead",
                          "Octets the bearer adds to each IP packet (SNDCP+LLC, PDCP); -1 = "
                          "the preset's.",
                          IntegerValue(-1),
                          MakeIntegerAccessor(&MmsRadioBearerProfile::m_linkOverhead),
                          MakeIntegerChecker<int32_t>(-1))
            .AddAttribute("Mtu",
                          "IP MTU of the bearer (octets); 0 = the preset's (1500).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsRadioBearerProfile::m_mtu),
                          MakeUintegerChecker<uint32_t>(0, 65535))
            .AddAttribute("TcpMss",
                          "TCP maximum segment size of the handsets' sockets (octets), at most "
                          "Mtu - 40; 0 = the MTU less 40 octets of IPv4 and TCP headers "
                          "(1460 with the presets' 1500), as Linux and Android derive it "
                          "(RFC 9293 section 3.7.1). Data segments carry it less their TCP "
                          "options (12 octets of timestamps).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&MmsRadioBearerProfile::m_tcpMss),
                          MakeUintegerChecker<uint32_t>(0, 65535));
    return tid;
}

MmsRadioBearerProfile::MmsRadioBearerProfile() = default;

bool
MmsRadioBearerProfile::TryGet(MmsBearerProfile& p, std::string& error) const
{
    if (!MmsBearerProfile::FromPreset(m_preset, m_multislotClass, p, error))
    {
        return false;
    }
    auto rate = [](const DataRate& r, uint64_t& field)
    {
        if (r.GetBitRate() > 0)
        {
            field = r.GetBitRate();
        }
    };
    auto time = [](const Time& t, Time& field)
    {
        if (!t.IsStrictlyNegative())
        {
            field = t;
        }
    };
    rate(m_downlinkRate, p.downlinkRate);
    rate(m_uplinkRate, p.uplinkRate);
    rate(m_cellDownlinkCapacity, p.cellDownlinkCapacity);
    rate(m_cellUplinkCapacity, p.cellUplinkCapacity);
    time(m_radioDelayDownlink, p.radioDelayDownlink);
    time(m_radioDelayUplink, p.radioDelayUplink);
    time(m_coreDelay, p.coreDelay);
    time(m_retransmissionDelay, p.retransmissionDelay);
    if (m_blockBytes > 0)
    {
        p.blockBytes = m_blockBytes;
    }
    if (m_blockErrorRate >= 0)
    {
        p.blockErrorRate = m_blockErrorRate;
    }
    if (m_maxRetransmissions >= 0)
    {
        p.maxRetransmissions = m_maxRetransmissions;
    }
    if (m_linkOverhead >= 0)
    {
        p.linkOverhead = m_linkOverhead;
    }
    if (m_mtu > 0)
    {
        p.mtu = static_cast<uint16_t>(m_mtu);
        p.tcpMss = p.mtu > MmsBearerProfile::IPV4_TCP_HEADERS
                       ? p.mtu - MmsBearerProfile::IPV4_TCP_HEADERS
                       : 0;
    }
    if (m_tcpMss > 0)
    {
        p.tcpMss = static_cast<uint16_t>(m_tcpMss);
    }
    return p.Validate(error);
}

MmsBearerProfile
MmsRadioBearerProfile::Get() const
{
    MmsBearerProfile p;
    std::string error;
    if (!TryGet(p, error))
    {
        NS_FATAL_ERROR(error);
    }
    return p;
}

} // namespace ns3
