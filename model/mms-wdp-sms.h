/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WDP_SMS_H
#define MMS_WDP_SMS_H

// WDP over GSM SMS (WAP-259 WDP, adaptation for GSM SMS; 3GPP TS 23.040 section 9.2.3.24 user
// data header): a WDP datagram (e.g. a WSP Push) split into 8-bit SMS user data segments with
// application port addressing and concatenation, and reassembled. Plain C++, no ns-3.

#include "mms-wsp-codec.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/// Options for splitting a datagram into SMS segments.
struct MmsWdpSmsOptions
{
    uint16_t destinationPort{2948}; //!< WAP Push connectionless (WAP-259 / IANA)
    uint16_t sourcePort{9200};      //!< WSP connectionless
    bool reference16Bit{false};     //!< concatenation IE 0x08 (16-bit) instead of 0x00 (8-bit)
    uint16_t reference{0};          //!< concatenated message reference
};

/**
 * \ingroup mms
 * One SMS TP-User-Data field carrying (part of) a WDP datagram.
 */
struct MmsWdpSmsSegment
{
    bool hasPorts{false};
    bool ports8Bit{false}; //!< ports in the 8-bit element (0x04) instead of 0x05
    uint16_t destinationPort{0};
    uint16_t sourcePort{0};
    bool concatenated{false};
    bool reference16Bit{false};
    uint16_t reference{0};
    uint8_t total{1};    //!< number of segments of the datagram
    uint8_t sequence{1}; //!< this segment's number, 1-based
    /// The concatenation element comes before the port element (both orders are seen in real
    /// SMS; kept so that a decoded segment re-encodes exactly)
    bool concatenationFirst{false};
    /// Information elements other than ports and concatenation: (IEI, data), in order.
    std::vector<std::pair<uint8_t, std::vector<uint8_t>>> otherElements;
    std::vector<uint8_t> payload;

    /// Encode as TP-User-Data (UDHL, IEs, payload).
    std::vector<uint8_t> Encode() const;
    /// Decode a TP-User-Data field with a user data header.
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsWdpSmsSegment& out,
                       MmsDecodeError& error);
};

/**
 * \ingroup mms
 * Splitting WDP datagrams into SMS segments.
 */
class MmsWdpSms
{
  public:
    static constexpr std::size_t USER_DATA_OCTETS = 140; //!< 8-bit TP-UD capacity
    static constexpr std::size_t MAX_SEGMENTS = 255;

    /// Payload octets per segment: 133 single, 128 (8-bit reference) or 127 (16-bit).
    static std::size_t PayloadPerSegment(bool concatenated, bool reference16Bit);
    /// Number of SMS needed for a datagram of this size (0 if it needs more than 255).
    static uint32_t GetSegmentCount(std::size_t datagramSize, bool reference16Bit = false);
    /// Split a datagram; empty if it needs more than 255 segments.
    static std::vector<MmsWdpSmsSegment> Split(const std::vector<uint8_t>& datagram,
                                            const MmsWdpSmsOptions& options = MmsWdpSmsOptions());
};

/**
 * \ingroup mms
 * Collects SMS segments (in any order, duplicates tolerated) and yields whole datagrams.
 */
class MmsWdpSmsReassembler
{
  public:
    /// A reassembled datagram with its addressing.
    struct Datagram
    {
        std::string originator;
        uint16_t destinationPort{0};
        uint16_t sourcePort{0};
        uint32_t segments{0};
        std::vector<uint8_t> data;
    };

    /**
     * \param maxPending the most partial datagrams kept at once (memory bound)
     * \param recentWindow how many recently completed concatenated datagrams are remembered, so
     * that a segment delivered again after its datagram completed is recognised as a duplicate
     * (an originator reusing a reference within this window is taken for a duplicate too)
     */
    explicit MmsWdpSmsReassembler(std::size_t maxPending = 1024, std::size_t recentWindow = 16);

    /**
     * Add a segment from an originator.
     * \return false (with a message) if it is inconsistent with segments already held (a
     * different total for the same reference, a sequence number out of range) or too many
     * datagrams are pending; the segment is then dropped.
     */
    bool Add(const std::string& originator, const MmsWdpSmsSegment& segment, std::string* error);
    bool HasDatagram() const;
    Datagram PopDatagram();
    std::size_t GetPendingCount() const;
    uint64_t GetDuplicateCount() const;

  private:
    struct Partial
    {
        uint8_t total{0};
        uint16_t destinationPort{0};
        uint16_t sourcePort{0};
        std::map<uint8_t, std::vector<uint8_t>> parts;
    };

    std::size_t m_maxPending;
    std::size_t m_recentWindow;
    std::vector<std::pair<std::pair<std::string, uint32_t>, uint8_t>> m_recent; //!< key, total
    std::map<std::pair<std::string, uint32_t>, Partial> m_partial;
    std::vector<Datagram> m_ready;
    uint64_t m_duplicates{0};
};

} // namespace ns3

#endif /* MMS_WDP_SMS_H */
