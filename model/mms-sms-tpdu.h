/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SMS_TPDU_H
#define MMS_SMS_TPDU_H

/**
 * \file
 * \ingroup mms-codec
 * SMS transfer-layer PDUs (TPDUs) of 3GPP TS 23.040: SMS-DELIVER (9.2.2.1), SMS-DELIVER-REPORT
 * (9.2.2.1a) and SMS-SUBMIT (9.2.2.2), with the address fields of 9.1.2.5, the time stamp of
 * 9.2.3.11 (swapped BCD semi-octets) and the relative validity period of 9.2.3.12.1. TP-DCS is
 * read (TS 23.038 clause 4) only as far as the length of the user data depends on it: TP-UDL
 * counts septets for uncompressed GSM 7-bit text and octets otherwise (TS 23.040 9.2.3.16). The
 * user data is kept as the octets carried, never unpacked into septets or converted.
 *
 * Plain C++ (no ns-3, no globals, no exceptions). Decoding never reads outside its buffer and
 * reports the first problem with its offset and the name of the field (MmsDecodeError), e.g.
 * "offset 2 (TP-OA): ..."; a TPDU followed by more octets is an error too.
 */

#include "mms-wsp-codec.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * TP-UD of an SMS-DELIVER or SMS-SUBMIT: at most 140 octets (TS 23.040 9.2.2.1, 9.2.2.2).
 */
constexpr std::size_t SMS_MAX_USER_DATA_OCTETS = 140;
/**
 * \ingroup mms-codec
 * TP-UD of an SMS-DELIVER-REPORT: at most 159 octets for RP-ACK, 158 for RP-ERROR (9.2.2.1a).
 */
constexpr std::size_t SMS_MAX_REPORT_USER_DATA_OCTETS = 159;
/**
 * \ingroup mms-codec
 * An address field holds at most 10 octets of digits: 20 semi-octets (TS 23.040 9.1.2.5).
 */
constexpr std::size_t SMS_MAX_ADDRESS_DIGITS = 20;
/**
 * \ingroup mms-codec
 * An address field holds at most 11 characters of an alphanumeric (GSM 7-bit) address: 77 bits
 * in 10 octets (TS 23.040 9.1.2.5).
 */
constexpr std::size_t SMS_MAX_ADDRESS_SEPTETS = 11;

/**
 * \ingroup mms-codec
 * \brief The alphabet of TP-User-Data as TP-DCS announces it (TS 23.038 clause 4).
 */
enum class MmsSmsAlphabet
{
    GSM_7BIT,  //!< GSM 7-bit default alphabet (also every reserved coding, as 23.038 requires)
    EIGHT_BIT, //!< 8-bit data
    UCS2,      //!< UCS2 (16-bit)
};

/**
 * \ingroup mms-codec
 * \brief The alphabet a TP-DCS value announces.
 * \param dataCoding TP-DCS
 * \return the alphabet (GSM 7-bit for reserved codings)
 */
MmsSmsAlphabet MmsSmsGetAlphabet(uint8_t dataCoding);
/**
 * \ingroup mms-codec
 * \brief Whether TP-DCS says the user data is compressed (general data coding groups, bit 5).
 * \param dataCoding TP-DCS
 * \return true if compressed
 */
bool MmsSmsIsCompressed(uint8_t dataCoding);
/**
 * \ingroup mms-codec
 * \brief Whether TP-DCS says the GSM 7-bit default alphabet (compressed or not).
 * \param dataCoding TP-DCS
 * \return true for GSM 7-bit
 */
bool MmsSmsIsSevenBit(uint8_t dataCoding);
/**
 * \ingroup mms-codec
 * \brief Whether TP-UDL counts septets: uncompressed GSM 7-bit (TS 23.040 9.2.3.16).
 * \param dataCoding TP-DCS
 * \return true if TP-UDL counts septets, false if it counts octets
 */
bool MmsSmsUdlCountsSeptets(uint8_t dataCoding);
/**
 * \ingroup mms-codec
 * \brief The octets of TP-UD that a TP-UDL announces.
 * \param dataCoding TP-DCS
 * \param userDataLength TP-UDL
 * \return ceil(udl * 7 / 8) when TP-UDL counts septets, else udl
 */
std::size_t MmsSmsUserDataOctets(uint8_t dataCoding, uint8_t userDataLength);
/**
 * \ingroup mms-codec
 * \brief The TP-UDL an encoder writes for some user data.
 * \param dataCoding TP-DCS
 * \param octets the number of TP-UD octets
 * \param septets the number of septets they hold when TP-UDL counts septets; used if it is
 * consistent with octets (ceil(septets * 7 / 8) == octets), otherwise the most septets the
 * octets can hold (octets * 8 / 7) is taken
 * \return TP-UDL: septets for uncompressed GSM 7-bit, else octets
 */
uint8_t MmsSmsUserDataLength(uint8_t dataCoding, std::size_t octets, uint8_t septets);

/**
 * \ingroup mms-codec
 * \brief SMS-DELIVER (SC to MS), TP-MTI 00 (TS 23.040 9.2.2.1).
 *
 * The SMSC delivers the user data of each SMS-SUBMIT it accepted (for a WAP Push, one WDP
 * segment: MmsWdpSmsSegment::Encode() with userDataHeaderIndicator set) to the handset in one
 * of these.
 *
 * The address is text: "+447700900123" is an international number (type of address 0x91),
 * "12345" a number of unknown type (0x81); the digits are 0-9, and * # a b c for the semi-octets
 * 0xA to 0xE. Any other text is an alphanumeric address (type 0xD0), GSM 7-bit packed, written
 * here in UTF-8 (the extension table's characters, such as the euro sign, included). A received
 * alphanumeric address is decoded into that text; one that cannot be (an escape to an unknown
 * extension character) is rejected.
 */
struct MmsSmsDeliver
{
    std::string originator; //!< TP-OA
    /// Type-of-address octet of TP-OA. 0: chosen from the text as above. Otherwise its
    /// numbering plan is kept, and its type of number too unless the text decides it (a '+' is
    /// international; a type of 5 keeps the text alphanumeric even if it looks like a number).
    /// Decoding sets the octet received, so that a decoded TPDU re-encodes exactly.
    uint8_t originatorType{0};
    bool moreMessagesToSend{false};      //!< TP-MMS (on the wire, bit 2 is 1 for "no more")
    bool statusReportIndication{false};  //!< TP-SRI
    bool replyPath{false};               //!< TP-RP
    uint8_t protocolId{0};               //!< TP-PID
    uint8_t dataCoding{0x04};            //!< TP-DCS: 8-bit data
    int64_t serviceCentreTime{0};        //!< TP-SCTS as Unix seconds (UTC)
    int timeZoneQuarters{0};             //!< TP-SCTS time zone, quarters of an hour (signed)
    bool userDataHeaderIndicator{false}; //!< TP-UDHI
    std::vector<uint8_t> userData;       //!< TP-UD as carried (UDH included)
    /// TP-UDL when it counts septets (7-bit text): the septets in userData, UDH and fill bits
    /// included. 0 (or a count inconsistent with userData's size): userData.size() * 8 / 7.
    uint8_t userDataSeptets{0};

    /**
     * Encode. Values the format cannot carry are clamped: user data beyond 140 octets is cut,
     * an address to 20 digits or 11 characters (characters outside the GSM alphabet become
     * '?'), the time zone to +-79 quarters, and the local time to 1969-2068 (the two-digit
     * year is read as POSIX strptime reads %y: 69-99 are 1969-1999, 00-68 are 2000-2068).
     * \return the TPDU's octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Decode an SMS-DELIVER.
     * \param data the octets
     * \param size their number
     * \param out receives the TPDU (reset first)
     * \param error receives what is wrong and where, on failure
     * \return false if malformed, truncated or followed by more octets
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsSmsDeliver& out,
                       MmsDecodeError& error);
    /**
     * \brief TP-UDL as Encode() writes it.
     * \return septets or octets, as TP-DCS says
     */
    uint8_t GetUserDataLength() const;
    /**
     * \brief Same values, as far as they reach the wire (the effective type of address and
     * TP-UDL).
     * \param o the other TPDU
     * \return true if both encode alike
     */
    bool operator==(const MmsSmsDeliver& o) const;
    /**
     * \brief Negation of operator==.
     * \param o the other TPDU
     * \return true if they differ
     */
    bool operator!=(const MmsSmsDeliver& o) const;
};

/**
 * \ingroup mms-codec
 * \brief SMS-SUBMIT (MS or ESME to SC), TP-MTI 01 (TS 23.040 9.2.2.2).
 *
 * The Push Proxy Gateway submits each WDP segment of a push to the SMSC in one of these, with
 * 8-bit data coding and, when the PAP message has a deliver-before time, a validity period.
 *
 * The validity period is written in the relative format only (TP-VPF 10, 9.2.3.12.1). When
 * decoding, the absolute (TP-VPF 11) and enhanced (TP-VPF 01) formats are accepted: their seven
 * octets are skipped and hasValidityPeriod is left false, so that the SC applies its default.
 */
struct MmsSmsSubmit
{
    bool rejectDuplicates{false};    //!< TP-RD
    bool statusReportRequest{false}; //!< TP-SRR
    bool replyPath{false};           //!< TP-RP
    uint8_t messageReference{0};     //!< TP-MR
    std::string destination;         //!< TP-DA, as MmsSmsDeliver::originator
    uint8_t destinationType{0};      //!< type-of-address octet, as MmsSmsDeliver::originatorType
    uint8_t protocolId{0};           //!< TP-PID
    uint8_t dataCoding{0x04};        //!< TP-DCS: 8-bit data
    bool hasValidityPeriod{false};   //!< TP-VPF 10 (relative) and a TP-VP
    /// Rounded up to the next value the relative format can say (clamped at 63 weeks).
    uint32_t validityPeriodSeconds{0};
    bool userDataHeaderIndicator{false}; //!< TP-UDHI
    std::vector<uint8_t> userData;       //!< TP-UD as carried (UDH included)
    uint8_t userDataSeptets{0};          //!< as MmsSmsDeliver::userDataSeptets

    /**
     * \brief Encode (clamping as MmsSmsDeliver::Encode() does).
     * \return the TPDU's octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Decode an SMS-SUBMIT.
     * \param data the octets
     * \param size their number
     * \param out receives the TPDU (reset first)
     * \param error receives what is wrong and where, on failure
     * \return false if malformed, truncated or followed by more octets
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsSmsSubmit& out,
                       MmsDecodeError& error);
    /**
     * \brief TP-UDL as Encode() writes it.
     * \return septets or octets, as TP-DCS says
     */
    uint8_t GetUserDataLength() const;
    /**
     * \brief Seconds of a relative TP-VP (TS 23.040 9.2.3.12.1).
     * \param vp the TP-VP octet
     * \return 0-143: (n+1) x 5 min; 144-167: 12 h + (n-143) x 30 min; 168-196: (n-166) days;
     * 197-255: (n-192) weeks
     */
    static uint32_t RelativeValidityToSeconds(uint8_t vp);
    /**
     * \brief The smallest relative TP-VP of at least this many seconds.
     * \param seconds the validity period
     * \return the TP-VP octet; 255 beyond 63 weeks
     */
    static uint8_t SecondsToRelativeValidity(uint32_t seconds);
    /**
     * \brief Same values (validityPeriodSeconds only compared when hasValidityPeriod).
     * \param o the other TPDU
     * \return true if both are equal
     */
    bool operator==(const MmsSmsSubmit& o) const;
    /**
     * \brief Negation of operator==.
     * \param o the other TPDU
     * \return true if they differ
     */
    bool operator!=(const MmsSmsSubmit& o) const;
};

/**
 * \ingroup mms-codec
 * \brief SMS-DELIVER-REPORT (MS to SC), TP-MTI 00 (TS 23.040 9.2.2.1a): in an RP-ACK, or in an
 * RP-ERROR with TP-FCS. Which of the two cannot be seen in the TPDU: the relay layer says.
 *
 * TP-PI announces the optional TP-PID (bit 0), TP-DCS (bit 1) and TP-UDL with TP-UD (bit 2);
 * keep it 0 for a plain report. Further TP-PI octets (extension bit 7) are skipped when
 * decoding and never written; without TP-DCS, TP-UDL counts septets (TP-DCS 0x00, 9.2.3.27).
 */
struct MmsSmsDeliverReport
{
    bool isError{false};           //!< RP-ERROR form: carries TP-FCS
    uint8_t failureCause{0};       //!< TP-FCS, e.g. 0xD2 "Error in MS", 0xD3 "Memory exceeded"
    uint8_t parameterIndicator{0}; //!< TP-PI; the extension bit 7 is not kept
    bool userDataHeaderIndicator{false}; //!< TP-UDHI
    uint8_t protocolId{0};               //!< TP-PID, when TP-PI bit 0
    uint8_t dataCoding{0};               //!< TP-DCS, when TP-PI bit 1
    std::vector<uint8_t> userData;       //!< TP-UD, when TP-PI bit 2
    uint8_t userDataSeptets{0};          //!< as MmsSmsDeliver::userDataSeptets

    /**
     * \brief Encode; user data beyond 159 octets (158 in the RP-ERROR form) is cut.
     * \return the TPDU's octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Decode an SMS-DELIVER-REPORT.
     * \param data the octets
     * \param size their number
     * \param isError true for the RP-ERROR form (TP-FCS before TP-PI)
     * \param out receives the TPDU (reset first)
     * \param error receives what is wrong and where, on failure
     * \return false (and error set) if malformed, truncated or followed by more octets
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       bool isError,
                       MmsSmsDeliverReport& out,
                       MmsDecodeError& error);
    /**
     * \brief Same values, as far as TP-PI says they are present.
     * \param o the other TPDU
     * \return true if both are equal
     */
    bool operator==(const MmsSmsDeliverReport& o) const;
    /**
     * \brief Negation of operator==.
     * \param o the other TPDU
     * \return true if they differ
     */
    bool operator!=(const MmsSmsDeliverReport& o) const;
};

} // namespace ns3

#endif /* MMS_SMS_TPDU_H */
