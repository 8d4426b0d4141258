/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_APPLICATION_H
#define MMS_APPLICATION_H

// Base of the MMS elements hosted on ns-3 nodes: each owns a transport (a packet-level one on
// its node unless another is set) and a name that its trace records carry.

#include "mms-common.h"
#include "mms-subscriber-directory.h"
#include "mms-transport.h"

#include "ns3/application.h"

namespace ns3
{

/**
 * \ingroup mms
 * An MMS element (User Agent, Relay, Server, PPG, SMSC) as an ns-3 Application.
 */
class MmsApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsApplication();
    ~MmsApplication() override;

    /// Use this transport instead of a packet-level one on the node.
    void SetTransport(Ptr<MmsTransport> transport);
    /// The transport (a new MmsSocketTransport on the node if none was set).
    Ptr<MmsTransport> GetTransport();
    void SetDirectory(Ptr<MmsSubscriberDirectory> directory);
    Ptr<MmsSubscriberDirectory> GetDirectory() const;
    /// The name written in trace records.
    std::string GetElementName() const;
    void SetElementName(const std::string& name);
    /**
     * Assign fixed random variable stream numbers.
     * \param stream first stream index
     * \return the number of streams used
     */
    virtual int64_t AssignStreams(int64_t stream) = 0;

  protected:
    void DoDispose() override;
    MmsEvent MakeEvent(const std::string& messageId,
                       const std::string& recipient,
                       const std::string& transactionId,
                       uint64_t bytes,
                       const std::string& detail = "") const;

    Ptr<MmsSubscriberDirectory> m_directory;

  private:
    Ptr<MmsTransport> m_transport;
    std::string m_name;
};

} // namespace ns3

#endif /* MMS_APPLICATION_H */
