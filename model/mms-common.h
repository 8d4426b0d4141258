/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_COMMON_H
#define MMS_COMMON_H

// What the MMS engines share: the record every lifecycle trace carries, the mapping from
// simulation time to the wall-clock dates written into PDUs, and HTTP message helpers.

#include "mms-http-message.h"
#include "mms-pdu.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <string>

// ns-3.41 made EnumValue a template: its accessor names the enum type. Trees that do not
// generate version-defines.h (waf builds without version information) are older than that.
#if __has_include("ns3/version-defines.h")
#    include "ns3/version-defines.h"
#endif
#if defined(NS3_VERSION_MINOR) && NS3_VERSION_MAJOR == 3 && NS3_VERSION_MINOR >= 41
#    define MMS_ENUM_ACCESSOR(T, member) MakeEnumAccessor<T>(member)
#else
#    define MMS_ENUM_ACCESSOR(T, member) MakeEnumAccessor(member)
#endif

namespace ns3
{

/**
 * \ingroup mms
 * One lifecycle step of a message, as every engine trace source reports it.
 */
struct MmsEvent
{
    std::string messageId;     //!< Message-ID assigned by the Relay ("" before it is known)
    std::string recipient;     //!< recipient address ("" for steps about the whole message)
    std::string transactionId; //!< X-Mms-Transaction-Id of the PDU concerned, or a push id
    uint64_t bytes{0};         //!< octets of the PDU, push or SMS concerned
    std::string element;       //!< the element reporting it ("relay", "ua:+447700900001", ...)
    std::string detail;        //!< status or reason ("Retrieved", "content not accepted", ...)
};

/// Signature of every lifecycle trace source.
typedef void (*MmsEventTracedCallback)(const MmsEvent& event);

/// Wall-clock dates in PDUs: Unix time of simulation time 0 (GlobalValue "MmsEpoch", seconds).
namespace MmsClock
{
uint64_t GetEpoch();
uint64_t NowUnix();              //!< the current simulation time as Unix seconds
uint64_t ToUnix(Time t);         //!< a simulation time as Unix seconds
Time FromUnix(uint64_t seconds); //!< a Unix time as simulation time (may be negative)
} // namespace MmsClock

namespace MmsHttp
{
constexpr const char* MMS_CONTENT_TYPE = "application/vnd.wap.mms-message";
/// A request carrying an MMS PDU; virtual media stay virtual.
MmsHttpMessage MakeMmsRequest(const std::string& method,
                           const std::string& target,
                           const std::string& host,
                           const MmsPdu& pdu);
/// A 200 response carrying an MMS PDU.
MmsHttpMessage MakeMmsResponse(const MmsPdu& pdu);
/// Put an MMS PDU in a message's body (as runs: real octets, virtual media).
void SetMmsBody(MmsHttpMessage& m, const MmsPdu& pdu);
/// Decode the MMS PDU in a message body (media kept as virtual sizes); false with a reason.
bool DecodeMmsBody(const MmsHttpMessage& m, MmsPdu& out, std::string& error);
/// "+447700900001/TYPE=PLMN" -> "+447700900001"; other forms unchanged.
std::string StripAddressType(const std::string& address);
/// "+447700900001" -> "+447700900001/TYPE=PLMN" (unchanged if it has a /TYPE already).
std::string PlmnAddress(const std::string& number);
} // namespace MmsHttp

} // namespace ns3

#endif /* MMS_COMMON_H */
