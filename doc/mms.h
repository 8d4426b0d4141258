/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Doxygen groups of the mms module: read by Doxygen only, never compiled.

/**
 * \defgroup mms Multimedia Messaging Service (MMS)
 *
 * The Multimedia Messaging Service of 3GPP TS 23.140 as it was realised on WAP: MMS User
 * Agents on handsets, the MMS Relay and MMS Server (together the MMSC), the WAP Push Proxy
 * Gateway with the SMSC and SMS bearer that carry notifications, and the radio bearers in
 * between. Every message's lifecycle can be written to SQLite.
 *
 * The module is built in layers, bottom-up; each subgroup below is one layer, and a layer
 * uses only the layers below it (doc/mms.rst, "Design", says what may include what):
 * - \ref mms-codec : the wire format, plain C++ without ns-3;
 * - \ref mms-packets : PDUs as ns-3 headers, for pcaps, tests and demonstrations (the
 *   elements themselves exchange PDUs as octets);
 * - \ref mms-engines : the network elements (User Agent, Relay, Server, PPG, SMSC);
 * - \ref mms-transport : what the elements see of the network, and its realisation on
 *   ns-3 sockets (HTTP/1.1 over TCP, UDP);
 * - \ref mms-radio : radio cells, bearer profiles, RRC/TBF states and the SMS bearer;
 * - \ref mms-scenario : scenario files (reading, checking, routing) and the traffic model;
 * - \ref mms-recording : results in SQLite, run metadata and KPI summaries;
 * - \ref mms-helpers : helpers that install and wire all of the above.
 */

/**
 * \defgroup mms-codec Wire format (codec)
 * \ingroup mms
 *
 * Encoders and decoders of everything the module puts on the wire: WSP primitives and content
 * types (WAP-230-WSP), MMS PDUs (OMA-TS-MMS-ENC 1.0 to 1.3), WSP multipart bodies, WSP Push,
 * the WAP 1.x stack's WTP PDUs (WAP-224-WTP) and WSP session PDUs, WDP over SMS
 * (WAP-259-WDP), SMS TPDUs (3GPP TS 23.040), PAP documents (WAP-247-PAP) and HTTP/1.1 framing
 * (RFC 9112). The network elements build PDUs with these classes and hand
 * the octets to their transport.
 *
 * No ns-3 dependency and no globals: the codec is the static library `mms-codec`, which the
 * command-line decoder `mms-pdu` and the fuzzers use without ns-3. The binary decoders run
 * over a bounds-checked reader (MmsWspReader; the SMS TPDUs over one of their own) that
 * records the first error with its offset and field (MmsDecodeError: "offset 12
 * (X-Mms-Expiry): value length 40 exceeds the 3 octets left"); the PAP and HTTP parsers report
 * their first error with its line or offset. Bad input gives an error value, never a crash;
 * tolerated deviations are kept as warnings.
 * Decoding well-formed input and encoding it again gives the same octets, fields the codec
 * does not model included. Media content may be virtual (MmsContent): a size without octets, counted exactly
 * in every encoded size. Every decoder entry point has a libFuzzer target (test/fuzz) whose
 * corpus replays in CTest.
 */

/**
 * \defgroup mms-packets PDUs as ns-3 headers
 * \ingroup mms
 *
 * ns-3 Header adapters for MMS PDUs and WSP Push PDUs (MmsPduHeader, MmsWspPushHeader), and
 * MmsPduHeader::CreatePackets(), which turns a PDU into packets that keep its media virtual.
 *
 * The network elements do not use them: they exchange PDUs as octets through their transport
 * (in HTTP bodies, UDP datagrams or SMS user data) and decode them with the codec. These
 * adapters serve programs that want a PDU inside an ns-3 Packet: the wire demonstration
 * example (examples/mms-wire-demo.cc) and tests, among them the one that writes a pcap for
 * tshark to dissect.
 */

/**
 * \defgroup mms-engines Network elements (protocol engines)
 * \ingroup mms
 *
 * The MMS User Agent, MMS Relay, MMS Server, WAP Push Proxy Gateway and SMSC as ns-3
 * Applications. Each is a state machine whose policies are attributes and whose lifecycle
 * steps are trace sources carrying an MmsEvent; the elements talk only by sending PDUs
 * through an MmsTransport.
 */

/**
 * \defgroup mms-transport Transports
 * \ingroup mms
 *
 * What the network elements see of the network (MmsTransport: HTTP requests and responses,
 * datagrams) and its realisation on ns-3 sockets: HTTP/1.1 over TCP with virtual bodies, UDP
 * for IP push and SMS.
 */

/**
 * \defgroup mms-radio Radio bearers
 * \ingroup mms
 *
 * Radio cells whose handsets share capacity, bearer profiles (GPRS, EDGE, UMTS R99, HSDPA),
 * RRC and TBF states with promotion delays, PDP contexts, RLC retransmissions, coverage and
 * the SMS bearer on the signalling channel, as an ns-3 Channel and NetDevice.
 */

/**
 * \defgroup mms-scenario Scenarios and traffic
 * \ingroup mms
 *
 * Scenario files (GraphViz DOT): one reader with line numbers, the checks that run before
 * anything is built, shortest-delay routes and service areas computed with Boost.Graph; and
 * the traffic model of MMS subscribers.
 */

/**
 * \defgroup mms-recording Results in SQLite
 * \ingroup mms
 *
 * The results file: its schema with the KPI views, the recorder that writes rows from trace
 * sources, the run metadata, and the KPI summary computed in SQL over the views.
 */

/**
 * \defgroup mms-helpers Helpers
 * \ingroup mms
 *
 * Helpers that build the IP network (fixed links or radio cells), install and wire the
 * network elements, build a whole network from a scenario file, and read the programs'
 * command lines with every argument checked before anything is built.
 */
