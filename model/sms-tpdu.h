/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SMS_TPDU_H
#define SMS_TPDU_H

// SMS transfer-layer PDUs of 3GPP TS 23.040: SMS-DELIVER (9.2.2.1), SMS-SUBMIT (9.2.2.2) and
// SMS-DELIVER-REPORT (9.2.2.1a). Plain C++, no ns-3.

#include "wsp-codec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// True if TP-DCS says the GSM 7-bit default alphabet (TP-UDL then counts septets).
bool SmsIsSevenBit(uint8_t dataCoding);

/// SMS-DELIVER (SC to MS), TP-MTI 00.
struct SmsDeliver
{
    std::string originator; //!< TP-OA: "+447700900123" (international) or "12345"
    bool moreMessagesToSend{false};
    bool statusReportIndication{false};
    bool replyPath{false};
    uint8_t protocolId{0};               //!< TP-PID
    uint8_t dataCoding{0x04};            //!< TP-DCS: 8-bit data
    int64_t serviceCentreTime{0};        //!< TP-SCTS as Unix seconds (UTC)
    int timeZoneQuarters{0};             //!< TP-SCTS time zone, quarters of an hour
    bool userDataHeaderIndicator{false}; //!< TP-UDHI
    std::vector<uint8_t> userData;       //!< TP-UD as carried (UDH included)
    /// TP-UDL in septets when TP-DCS is the 7-bit alphabet (0: userData.size() * 8 / 7)
    uint8_t septets{0};

    std::vector<uint8_t> Encode() const;
    static bool Decode(const uint8_t* data, std::size_t size, SmsDeliver& out, DecodeError& error);
    bool operator==(const SmsDeliver& o) const;
};

/// SMS-SUBMIT (MS or ESME to SC), TP-MTI 01.
struct SmsSubmit
{
    bool rejectDuplicates{false};
    bool statusReportRequest{false};
    bool replyPath{false};
    uint8_t messageReference{0}; //!< TP-MR
    std::string destination;     //!< TP-DA
    uint8_t protocolId{0};
    uint8_t dataCoding{0x04};
    bool hasValidityPeriod{false};     //!< relative format (TP-VPF 10)
    uint32_t validityPeriodSeconds{0}; //!< encoded rounded up to the next representable value
    bool userDataHeaderIndicator{false};
    std::vector<uint8_t> userData;
    uint8_t septets{0}; //!< as SmsDeliver::septets

    std::vector<uint8_t> Encode() const;
    static bool Decode(const uint8_t* data, std::size_t size, SmsSubmit& out, DecodeError& error);
    static uint32_t RelativeValidityToSeconds(uint8_t vp);
    static uint8_t SecondsToRelativeValidity(uint32_t seconds);
    bool operator==(const SmsSubmit& o) const;
};

/// SMS-DELIVER-REPORT (MS to SC), TP-MTI 00, for RP-ACK or RP-ERROR.
struct SmsDeliverReport
{
    bool isError{false};           //!< RP-ERROR form: carries TP-FCS
    uint8_t failureCause{0};       //!< TP-FCS, e.g. 0xD2 "Error in MS"
    uint8_t parameterIndicator{0}; //!< TP-PI

    std::vector<uint8_t> Encode() const;
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       bool isError,
                       SmsDeliverReport& out,
                       DecodeError& error);
};

} // namespace ns3

#endif /* SMS_TPDU_H */
