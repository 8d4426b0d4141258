/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SUBSCRIBER_DIRECTORY_H
#define MMS_SUBSCRIBER_DIRECTORY_H

// The MMSE's subscriber data: which MSISDNs are local subscribers and at which IP address each
// handset is reachable. It stands in for the HLR/HSS and the operator's DNS/RADIUS data that a
// Relay, a PPG and an SMSC consult; engines read it, they never reach each other through it.

#include "ns3/ipv4-address.h"
#include "ns3/object.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * MSISDN <-> IPv4 address table shared by the MMS elements of one MMSE.
 */
class MmsSubscriberDirectory : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Add a subscriber ("+447700900001"); replaces an earlier entry for the number.
    void Add(const std::string& msisdn, Ipv4Address address);
    /// The handset address of a number or address ("+44.../TYPE=PLMN" accepted).
    bool Resolve(const std::string& address, Ipv4Address& out) const;
    bool IsSubscriber(const std::string& address) const;
    /// The MSISDN of a handset address, "" if none.
    std::string FindByAddress(Ipv4Address address) const;
    uint32_t GetN() const;
    std::string GetMsisdn(uint32_t i) const;

  private:
    std::map<std::string, Ipv4Address> m_byNumber;
    std::map<uint32_t, std::string> m_byAddress;
    std::vector<std::string> m_numbers;
};

} // namespace ns3

#endif /* MMS_SUBSCRIBER_DIRECTORY_H */
