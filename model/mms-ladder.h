/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_LADDER_H
#define MMS_LADDER_H

/**
 * \file
 * \ingroup mms-engines
 * One-line descriptions of what the MMS elements put on the wire, for ladder diagrams, logs,
 * the Exchange trace of MmsSocketTransport and tests: "m-send-conf Ok",
 * "PAP m-notification-ind", "SMS-DELIVER 1/2", "RP-ACK".
 */

#include "mms-http-message.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-engines
 * One-line descriptions of HTTP messages and datagrams exchanged by the MMS elements.
 */
namespace MmsLadder
{
/**
 * Describe an HTTP message an element sent: the MMS PDU it carries (type and statuses), the PAP
 * push it submits (and the PDU inside), the push-response code, or else method and target, or
 * the status code.
 * \param m the message
 * \param full false: short and stable ("m-send-conf Ok", "PUT /store", "GET Content-Location",
 * "204"); true: with transaction ids, whole targets and reason phrases
 * \return the description
 */
std::string Describe(const MmsHttpMessage& m, bool full = false);
/**
 * Describe a datagram: an SMS on the bearer ("SMS-DELIVER 1/2"), its report ("RP-ACK",
 * "RP-ERROR"), a WSP Push ("Push m-notification-ind"), else "datagram".
 * \param data the octets
 * \param full true: name the RP message and the WDP port as well
 * \return the description
 */
std::string DescribeDatagram(const std::vector<uint8_t>& data, bool full = false);
} // namespace MmsLadder

} // namespace ns3

#endif /* MMS_LADDER_H */
