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
 * the labels the elements give their requests (MmsTransport::RequestLabel, which the Exchange
 * trace of MmsSocketTransport records) and tests: "m-send-conf Ok", "PAP m-notification-ind",
 * "SMS-DELIVER 1/2", "RP-ACK".
 */

#include "mms-http-message.h"
#include "mms-pdu.h"
#include "mms-transport.h"

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
 * Describe an MMS PDU: its type and statuses ("m-notifyresp-ind Retrieved").
 * \param pdu the PDU
 * \param full true: with its transaction id as well
 * \return the description; Describe() gives the same for an HTTP message carrying the PDU
 */
std::string DescribePdu(const MmsPdu& pdu, bool full = false);
/**
 * The transaction of an MMS PDU, for labels and ladders: its X-Mms-Transaction-Id, else its
 * Message-ID (M-Read-Rec.ind has only that), else "".
 * \param pdu the PDU
 * \return the id
 */
std::string PduTransaction(const MmsPdu& pdu);
/**
 * The label of a request that carries an MMS PDU as its body (a POST of MM1), without
 * decoding it: what an element that holds the PDU gives MmsTransport::Request().
 * \param pdu the PDU the request carries
 * \return DescribePdu(pdu) and PduTransaction(pdu)
 */
MmsTransport::RequestLabel Label(const MmsPdu& pdu);
/**
 * The label of any request, decoding its body (for tests and tools; an element names what it
 * sends without decoding it, and gives the same label).
 * \param request the request
 * \return Describe(request) and the transaction of the MMS PDU it carries (PduTransaction()),
 * else the push-id of the PAP push it carries, else its X-Sms-Tag header, else
 * TargetId(request.target)
 */
MmsTransport::RequestLabel Label(const MmsHttpMessage& request);
/**
 * The message a request target names, for the labels of requests without an MMS PDU:
 * "/store/M00000001" gives "M00000001" (the Message-ID), a Content-Location path
 * ".../r/M00000001/0" gives "M00000001/0" (the Message-ID and the recipient's index).
 * \param target the request target
 * \return the id, or "" for other targets
 */
std::string TargetId(const std::string& target);
/**
 * Describe a datagram: an SMS on the bearer ("SMS-DELIVER 1/2"), its report ("RP-ACK",
 * "RP-ERROR"), a WSP Push ("Push m-notification-ind"), a WTP PDU with the WSP and MMS PDUs it
 * carries ("WTP Invoke WSP Post m-send-req", "WTP Ack"), else "datagram".
 * \param data the octets
 * \param full true: name the RP message and the WDP port as well
 * \return the description
 */
std::string DescribeDatagram(const std::vector<uint8_t>& data, bool full = false);
} // namespace MmsLadder

} // namespace ns3

#endif /* MMS_LADDER_H */
