/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WDP_SMS_H
#define MMS_WDP_SMS_H

/**
 * \file
 * \ingroup mms-codec
 * WDP over GSM SMS (WAP-259-WDP, adaptation for GSM SMS; 3GPP TS 23.040 section 9.2.3.24 user
 * data header): a WDP datagram (e.g. a WSP Push) split into 8-bit SMS user data segments with
 * application port addressing and concatenation, and reassembled. Plain C++, no ns-3.
 */

#include "mms-wsp-codec.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief Options for splitting a datagram into SMS segments (MmsWdpSms::Split()).
 */
struct MmsWdpSmsOptions
{
    uint16_t destinationPort{2948}; //!< WAP Push connectionless (WAP-259 / IANA)
    uint16_t sourcePort{9200};      //!< WSP connectionless
    bool reference16Bit{false};     //!< concatenation IE 0x08 (16-bit) instead of 0x00 (8-bit)
    uint16_t reference{0};          //!< concatenated message reference
};

/**
 * \ingroup mms-codec
 * \brief One SMS TP-User-Data field carrying (part of) a WDP datagram: the user data header
 * (3GPP TS 23.040 section 9.2.3.24) and the payload.
 *
 * The header holds the application port addressing element (0x05, 16-bit ports, or 0x04,
 * 8-bit), the concatenation element (0x00, 8-bit reference, or 0x08, 16-bit) when the datagram
 * takes more than one SMS, and any other element as it was received. Decode() fails, with an
 * MmsDecodeError naming the element and its offset, on a truncated header, an element of the
 * wrong length or a sequence number out of range; user data beyond 140 octets is accepted with
 * a warning.
 *
 * \code
 * std::vector<uint8_t> ud = segment.Encode(); // TP-UD of an SMS-DELIVER with TP-UDHI set
 * MmsWdpSmsSegment back;
 * MmsDecodeError error;
 * bool ok = MmsWdpSmsSegment::Decode(ud.data(), ud.size(), back, error);
 * \endcode
 */
struct MmsWdpSmsSegment
{
    bool hasPorts{false};        //!< an application port addressing element is present
    bool ports8Bit{false};       //!< ports in the 8-bit element (0x04) instead of 0x05
    uint16_t destinationPort{0}; //!< destination port (e.g. 2948, WAP Push)
    uint16_t sourcePort{0};      //!< originator port
    bool concatenated{false};    //!< a concatenation element is present
    bool reference16Bit{false};  //!< concatenation element 0x08 (16-bit reference), else 0x00
    uint16_t reference{0};       //!< concatenated message reference
    uint8_t total{1};            //!< number of segments of the datagram
    uint8_t sequence{1};         //!< this segment's number, 1-based
    /// The concatenation element comes before the port element (both orders are seen in real
    /// SMS; kept so that a decoded segment re-encodes exactly)
    bool concatenationFirst{false};
    /// Information elements other than ports and concatenation: (IEI, data), in order.
    std::vector<std::pair<uint8_t, std::vector<uint8_t>>> otherElements;
    std::vector<uint8_t> payload; //!< this segment's part of the datagram

    /**
     * \brief Encode as TP-User-Data: UDHL, the information elements, the payload.
     * \return the octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Decode a TP-User-Data field that starts with a user data header.
     * \param data the octets
     * \param size their number
     * \param out receives the segment (reset first)
     * \param error receives what is wrong and where, on failure
     * \return false when malformed
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsWdpSmsSegment& out,
                       MmsDecodeError& error);
};

/**
 * \ingroup mms-codec
 * \brief Splitting WDP datagrams into SMS segments (WAP-259-WDP, GSM SMS adaptation).
 *
 * Every segment carries the 16-bit application ports; a datagram that does not fit one SMS
 * (133 octets of payload) is cut into concatenated segments of 128 octets (127 with a 16-bit
 * reference), at most 255. MmsWdpSmsReassembler puts them back together.
 *
 * \code
 * std::vector<uint8_t> datagram = push.Encode(); // a WSP Push PDU
 * for (const MmsWdpSmsSegment& s : MmsWdpSms::Split(datagram))
 * {
 *     std::vector<uint8_t> userData = s.Encode(); // one SMS-DELIVER each
 * }
 * \endcode
 */
class MmsWdpSms
{
  public:
    static constexpr std::size_t USER_DATA_OCTETS = 140; //!< 8-bit TP-UD capacity
    static constexpr std::size_t MAX_SEGMENTS = 255;     //!< most segments of one datagram

    /**
     * \brief Payload octets per segment, after the user data header.
     * \param concatenated whether the segment carries a concatenation element
     * \param reference16Bit whether that element has a 16-bit reference
     * \return 133 single, 128 (8-bit reference) or 127 (16-bit)
     */
    static std::size_t PayloadPerSegment(bool concatenated, bool reference16Bit);
    /**
     * \brief The number of SMS needed for a datagram.
     * \param datagramSize the datagram's octets
     * \param reference16Bit whether concatenation uses a 16-bit reference
     * \return the number of segments; 0 if it needs more than 255
     */
    static uint32_t GetSegmentCount(std::size_t datagramSize, bool reference16Bit = false);
    /**
     * \brief Split a datagram.
     * \param datagram the octets
     * \param options ports and concatenation reference
     * \return the segments in order; empty if it needs more than 255
     */
    static std::vector<MmsWdpSmsSegment> Split(
        const std::vector<uint8_t>& datagram, const MmsWdpSmsOptions& options = MmsWdpSmsOptions());
};

/**
 * \ingroup mms-codec
 * \brief Collects SMS segments (in any order, duplicates tolerated) and yields whole datagrams.
 *
 * Segments are grouped by originator and concatenation reference; a segment without
 * concatenation is a datagram by itself. A datagram comes out once all its segments are in.
 * A segment that repeats one already held, or belongs to a datagram completed recently, is
 * counted as a duplicate and dropped.
 *
 * \code
 * MmsWdpSmsReassembler reassembler;
 * reassembler.Add("+358401234567", segment, nullptr);
 * while (reassembler.HasDatagram())
 * {
 *     MmsWdpSmsReassembler::Datagram d = reassembler.PopDatagram();
 * }
 * \endcode
 */
class MmsWdpSmsReassembler
{
  public:
    /// A reassembled datagram with its addressing.
    struct Datagram
    {
        std::string originator;      //!< who sent the segments (TP-OA)
        uint16_t destinationPort{0}; //!< destination port of the (first) segment
        uint16_t sourcePort{0};      //!< originator port of the (first) segment
        uint32_t segments{0};        //!< how many SMS carried it
        std::vector<uint8_t> data;   //!< the datagram
    };

    /**
     * \brief A reassembler with bounded memory.
     * \param maxPending the most partial datagrams kept at once (memory bound)
     * \param recentWindow how many recently completed concatenated datagrams are remembered, so
     * that a segment delivered again after its datagram completed is recognised as a duplicate
     * (an originator reusing a reference within this window is taken for a duplicate too)
     */
    explicit MmsWdpSmsReassembler(std::size_t maxPending = 1024, std::size_t recentWindow = 16);

    /**
     * \brief Add a segment from an originator.
     * \param originator the sender's address; segments of different senders never mix
     * \param segment the decoded segment
     * \param error if not nullptr, receives the reason when the segment is dropped
     * \return false (with a message) if it is inconsistent with segments already held (a
     * different total for the same reference, a sequence number out of range) or too many
     * datagrams are pending; the segment is then dropped.
     */
    bool Add(const std::string& originator, const MmsWdpSmsSegment& segment, std::string* error);
    /**
     * \brief Whether a complete datagram is waiting.
     * \return true if PopDatagram() may be called
     */
    bool HasDatagram() const;
    /**
     * \brief Take the oldest complete datagram; call only when HasDatagram().
     * \return the datagram
     */
    Datagram PopDatagram();
    /**
     * \brief The number of datagrams still missing segments.
     * \return the partial datagrams held
     */
    std::size_t GetPendingCount() const;
    /**
     * \brief The number of duplicate segments dropped so far.
     * \return the count
     */
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
