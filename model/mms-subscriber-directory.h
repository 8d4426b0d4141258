/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SUBSCRIBER_DIRECTORY_H
#define MMS_SUBSCRIBER_DIRECTORY_H

#include "ns3/ipv4-address.h"
#include "ns3/object.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-engines
 * \brief MSISDN <-> IPv4 address table shared by the MMS elements of one MMSE.
 *
 * The MMSE's subscriber data: which MSISDNs are local subscribers and at which IP address each
 * handset is reachable. It stands in for the HLR/HSS and the operator's DNS/RADIUS data that a
 * Relay, a PPG and an SMSC consult (3GPP TS 23.140 leaves this data to the MMSE):
 * - the MMS Relay resolves an "insert-address" originator from the source address of the
 *   M-Send.req, checks that the originator and each recipient are subscribers (a recipient
 *   that is not ends Failed) and names the reader of an M-Read-Rec.ind;
 * - the WAP Push Proxy Gateway checks the PLMN address of a PAP push and finds the handset's
 *   IP address (IP push) or its number (SMS push);
 * - the SMSC finds the handset of a destination number, and the number behind an RP-ACK;
 * - MmsUserAgent draws the recipients of generated messages among the numbers.
 * Engines read it; they never reach each other through it.
 *
 * Numbers are kept without their address type: "+447700900001/TYPE=PLMN" and "+447700900001"
 * name the same subscriber. MmsHelper::InstallUserAgents() adds each handset it installs;
 * MmsHelper::GetDirectory() returns the table.
 *
 * Limits: one address per number and IPv4 only. Re-adding a number with a new address
 * replaces its entry, but the old address still maps back to the number.
 */
class MmsSubscriberDirectory : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * Add a subscriber; replaces an earlier entry for the number.
     * \param msisdn the number ("+447700900001"; an address type is dropped)
     * \param address the handset's IPv4 address
     */
    void Add(const std::string& msisdn, Ipv4Address address);
    /**
     * The handset address of a number or address.
     * \param address a number, or an address with a type ("+447700900001/TYPE=PLMN")
     * \param out the handset's IPv4 address, when found
     * \return true if the number is a subscriber
     */
    bool Resolve(const std::string& address, Ipv4Address& out) const;
    /**
     * Whether a number or address is a subscriber of this MMSE.
     * \param address a number, or an address with a type
     * \return true if it is in the table
     */
    bool IsSubscriber(const std::string& address) const;
    /**
     * The number of a handset address.
     * \param address an IPv4 address
     * \return the MSISDN (without address type), "" if none
     */
    std::string FindByAddress(Ipv4Address address) const;
    /**
     * The number of subscribers.
     * \return how many distinct numbers were added
     */
    uint32_t GetN() const;
    /**
     * A subscriber by position.
     * \param i the index, in the order the numbers were first added
     * \return the MSISDN, "" if i >= GetN()
     */
    std::string GetMsisdn(uint32_t i) const;

  private:
    std::map<std::string, Ipv4Address> m_byNumber;
    std::map<uint32_t, std::string> m_byAddress;
    std::vector<std::string> m_numbers;
};

} // namespace ns3

#endif /* MMS_SUBSCRIBER_DIRECTORY_H */
