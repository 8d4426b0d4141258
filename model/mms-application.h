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
 * - the transport, an MmsTransport that whoever installs the element sets with
 *   SetTransport() before the simulation starts (MmsHelper installs an MmsSocketTransport on
 *   the element's node, a test may give a double). The engines know only the abstract
 *   interface, so the same element runs over any realisation of it;
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
 * Limits: an element without a transport when the simulation initialises it is a programming
 * error: it stops the simulation with a message naming the element.
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
     * Set the transport through which the element reaches the others. Call it before the
     * simulation starts; the element binds its ports on the transport when it starts.
     * \param transport the transport (the element disposes of it when it is disposed)
     */
    void SetTransport(Ptr<MmsTransport> transport);
    /**
     * The transport.
     * \return the transport set with SetTransport(), or a null pointer if none was set
     */
    Ptr<MmsTransport> GetTransport() const;
    /**
     * \return whether a transport is set
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
    /// Stop the simulation (NS_FATAL_ERROR naming the element) if no transport was set.
    void DoInitialize() override;
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
