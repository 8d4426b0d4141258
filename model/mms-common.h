/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_COMMON_H
#define MMS_COMMON_H

/**
 * \file
 * \ingroup mms-engines
 * What the MMS network elements share: the record every lifecycle trace source carries
 * (MmsEvent), the mapping from simulation time to the wall-clock dates written into PDUs
 * (MmsClock), and the helpers that put MMS PDUs into HTTP messages and take them out again
 * (MmsHttp).
 */

#include "mms-http-message.h"
#include "mms-pdu.h"

#include "ns3/nstime.h"
#include "ns3/object-base.h"
#include "ns3/type-id.h"

#include <cstdint>
#include <functional>
#include <string>

/**
 * \def MMS_ENUM_ACCESSOR(T, member)
 * The enum accessor of an attribute, for every ns-3 version the module builds against:
 * ns-3.41 made EnumValue a template whose accessor names the enum type
 * (`MakeEnumAccessor<T>(member)`); older trees take `MakeEnumAccessor(member)`. Trees that do not
 * generate version-defines.h (waf builds without version information) are older than 3.41.
 * Inside an ns-3 source tree the module's CMakeLists.txt defines NS3_VERSION_MAJOR/MINOR from the
 * tree's VERSION file unless ns-3 generates version-defines.h (--enable-build-version); the header
 * is then not searched for, since the search could find another installed ns-3's (Debian's
 * /usr/include/ns3/version-defines.h says 3.37).
 * \param T the enum type
 * \param member pointer to the enum data member (or its setter and getter)
 */
#ifndef NS3_VERSION_MINOR
#    if __has_include("ns3/version-defines.h")
#        include "ns3/version-defines.h"
#    endif
#endif
#if defined(NS3_VERSION_MINOR) && NS3_VERSION_MAJOR == 3 && NS3_VERSION_MINOR >= 41
#    define MMS_ENUM_ACCESSOR(T, member) MakeEnumAccessor<T>(member)
#else
#    define MMS_ENUM_ACCESSOR(T, member) MakeEnumAccessor(member)
#endif

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief One lifecycle step of a message, as every engine trace source reports it.
 *
 * Every lifecycle trace source of the network elements (MmsUserAgent, MmsRelay, MmsServer,
 * MmsWapPushProxyGateway, MmsSmsc) carries this one record, built by
 * MmsApplication::MakeEvent(), so that one sink (the SQLite recorder, a test, a ladder
 * printer) can follow a message from its M-Send.req to its last report whatever element
 * reports the step. Fields that do not apply to a step are empty or zero.
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

/**
 * \ingroup mms-engines
 * Signature of every lifecycle trace source of the network elements
 * ("ns3::MmsEventTracedCallback").
 * \param event the step: message, recipient, transaction, octets, element and detail
 */
typedef void (*MmsEventTracedCallback)(const MmsEvent& event);

/**
 * \ingroup mms-engines
 * Wall-clock dates in PDUs (Date, X-Mms-Expiry, PAP deliver-before-timestamp, the SMSC's
 * service-centre time stamp). Simulation time 0 is the Unix time given by the GlobalValue
 * "MmsEpoch" (seconds; default 1767225600, 2026-01-01T00:00:00Z), a fixed date so that the
 * same run writes the same PDUs. Conversions work in whole seconds.
 */
namespace MmsClock
{
/**
 * The epoch.
 * \return the Unix time (s) of simulation time 0, from the GlobalValue "MmsEpoch"
 */
uint64_t GetEpoch();
/**
 * The current simulation time as a wall-clock date.
 * \return Unix seconds
 */
uint64_t NowUnix();
/**
 * A simulation time as a wall-clock date.
 * \param t the simulation time
 * \return Unix seconds (fractions dropped; 0 if the result would be before 1970)
 */
uint64_t ToUnix(Time t);
/**
 * A wall-clock date as simulation time.
 * \param seconds Unix seconds
 * \return the simulation time (negative for a date before the epoch)
 */
Time FromUnix(uint64_t seconds);
} // namespace MmsClock

/**
 * \ingroup mms-engines
 * MMS PDUs in HTTP messages (MM1 over HTTP as in OMA MMS CTR; the Relay-Server store protocol),
 * and the address forms the elements compare.
 */
namespace MmsHttp
{
/// Content-Type of an HTTP body that is one encoded MMS PDU (OMA MMS ENC).
constexpr const char* MMS_CONTENT_TYPE = "application/vnd.wap.mms-message";
/**
 * A request carrying an MMS PDU; virtual media stay virtual (the body is kept as runs of real
 * octets and virtual zeros, see SetMmsBody()).
 * \param method the HTTP method ("POST", "PUT")
 * \param target the request target ("/mms")
 * \param host the Host header
 * \param pdu the PDU to carry
 * \return the request, with Host and Content-Type set
 */
MmsHttpMessage MakeMmsRequest(const std::string& method,
                              const std::string& target,
                              const std::string& host,
                              const MmsPdu& pdu);
/**
 * A 200 OK response carrying an MMS PDU.
 * \param pdu the PDU to carry
 * \return the response, with Content-Type set
 */
MmsHttpMessage MakeMmsResponse(const MmsPdu& pdu);
/**
 * Put an MMS PDU in a message's body, replacing any body it had: the encoding is kept as runs
 * (real octets for headers and text, virtual zeros for virtual media), so a 300 KB image costs
 * no memory; the Content-Type header is set (or replaced) to MMS_CONTENT_TYPE.
 * \param m the message to fill
 * \param pdu the PDU
 */
void SetMmsBody(MmsHttpMessage& m, const MmsPdu& pdu);
/**
 * Decode the MMS PDU in a message body; media content is kept as virtual sizes, not octets.
 * \param m the message (received octets, runs or a virtual body)
 * \param out the decoded PDU
 * \param error why decoding failed ("empty body", or the decoder's field and offset)
 * \return true if the body is one valid MMS PDU
 */
bool DecodeMmsBody(const MmsHttpMessage& m, MmsPdu& out, std::string& error);
/**
 * Drop the address type: "+447700900001/TYPE=PLMN" becomes "+447700900001"; other forms are
 * returned unchanged.
 * \param address an MMS address
 * \return the address without its "/TYPE=" suffix
 */
std::string StripAddressType(const std::string& address);
/**
 * Add the PLMN address type: "+447700900001" becomes "+447700900001/TYPE=PLMN"; an address
 * that has a "/TYPE=" already, or an e-mail address (with "@"), is returned unchanged.
 * \param number a number or an MMS address
 * \return the address with a type
 */
std::string PlmnAddress(const std::string& number);
} // namespace MmsHttp

/**
 * \ingroup mms
 * Visit the attributes of an object that have the given flags and a getter (those of its type
 * and of its parents), each with its current value: what copies an object's configuration to
 * another object (MmsSocketTransport's accepted sockets).
 * \param object the object
 * \param flags the TypeId::AttributeFlag bits an attribute must all have (ATTR_GET is implied)
 * \param visit called with the attribute's information and its value
 */
void MmsForEachAttributeValue(
    const ObjectBase& object,
    uint32_t flags,
    const std::function<void(const TypeId::AttributeInformation&, const AttributeValue&)>& visit);

} // namespace ns3

#endif /* MMS_COMMON_H */
