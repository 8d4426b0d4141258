/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_APPLICATION_H
#define MMS_APPLICATION_H

#include "mms-common.h"
#include "mms-subscriber-directory.h"
#include "mms-transport.h"

#include "ns3/application.h"

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief Base of the MMS network elements (User Agent, Relay, Server, PPG, SMSC) as ns-3
 * Applications.
 *
 * The elements of an MMS Environment (MMSE, 3GPP TS 23.140 clause 4) talk to each other only
 * by sending PDUs through an MmsTransport: HTTP exchanges for MM1, PAP and the store protocol,
 * datagrams for WSP Push and the SMS bearer. This base class holds what they have in common:
 * - the transport. A helper (or a test) may set one with SetTransport() before the
 *   application starts; if none is set, the first GetTransport() creates an
 *   MmsSocketTransport on the application's node, so that an element installed on a node
 *   with an IPv4 stack works at packet level without further wiring;
 * - the subscriber directory (MmsSubscriberDirectory) of the MMSE, which stands in for the
 *   HLR/HSS and the operator's address data: the Relay, PPG and SMSC resolve numbers with it,
 *   User Agents draw the recipients of generated messages from it;
 * - the element's name, written in the `element` field of every MmsEvent it traces: the
 *   attribute "Name", or else its type and node ("MmsServer@3"). MmsRelay renames itself
 *   "relay" and MmsUserAgent "ua:\<number\>" when they start with the default name; MmsHelper
 *   gives every element it installs a name ("relay", "server", "ppg", "smsc", "ua:+44...").
 *
 * Users do not create an MmsApplication directly: MmsHelper (or MmsScenarioHelper for a
 * scenario file) installs the concrete elements, sets their transport, directory and names,
 * and assigns their random streams.
 *
 * Limits: the base class creates a packet-level transport when none was set, so an element
 * without a node must be given a transport before it starts (GetTransport() asserts
 * otherwise).
 */
class MmsApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// Create an element with no transport, no directory and the default name.
    MmsApplication();
    ~MmsApplication() override;

    /**
     * Use this transport instead of a packet-level one on the node. Call it before the
     * application starts; the element binds its ports on the transport when it starts.
     * \param transport the transport (the element disposes of it when it is disposed)
     */
    void SetTransport(Ptr<MmsTransport> transport);
    /**
     * The transport, created on first use: a new MmsSocketTransport on the node if none was
     * set (asserts that the application has a node).
     * \return the transport
     */
    Ptr<MmsTransport> GetTransport();
    /**
     * \return whether a transport is set (GetTransport() would not have to create one)
     */
    bool HasTransport() const;
    /**
     * Set the subscriber directory of the element's MMSE.
     * \param directory the directory (shared with the other elements of the MMSE)
     */
    void SetDirectory(Ptr<MmsSubscriberDirectory> directory);
    /**
     * The subscriber directory.
     * \return the directory, or a null pointer if none was set
     */
    Ptr<MmsSubscriberDirectory> GetDirectory() const;
    /**
     * The name written in trace records.
     * \return the attribute "Name" if set, else the type name without "ns3::" followed by
     * "@<node id>" ("MmsServer@3")
     */
    std::string GetElementName() const;
    /**
     * Set the name written in trace records (the attribute "Name").
     * \param name the name ("relay", "ua:+447700900001", ...)
     */
    void SetElementName(const std::string& name);
    /**
     * Assign fixed random variable stream numbers.
     * \param stream first stream index
     * \return the number of streams used
     */
    virtual int64_t AssignStreams(int64_t stream) = 0;

  protected:
    /// Dispose of the transport and forget the directory.
    void DoDispose() override;
    /**
     * Build the trace record of one lifecycle step, with this element's name.
     * \param messageId the Message-ID ("" before the Relay assigned one)
     * \param recipient the recipient concerned ("" for a step about the whole message)
     * \param transactionId the X-Mms-Transaction-Id of the PDU concerned, or a push id or tag
     * \param bytes octets of the PDU, push or SMS concerned
     * \param detail status or reason, if any
     * \return the record
     */
    MmsEvent MakeEvent(const std::string& messageId,
                       const std::string& recipient,
                       const std::string& transactionId,
                       uint64_t bytes,
                       const std::string& detail = "") const;

    Ptr<MmsSubscriberDirectory> m_directory; //!< the MMSE's subscribers (may be null)

  private:
    Ptr<MmsTransport> m_transport;
    std::string m_name;
};

} // namespace ns3

#endif /* MMS_APPLICATION_H */
