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
 * \brief Where the subscribers of a range of numbers are: what a directory asks of the owner
 * of subscribers that have no handset of their own for the whole run (MmsSubscriberPool).
 */
class MmsSubscriberLocator : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    ~MmsSubscriberLocator() override;
    /**
     * The address at which a subscriber can be reached now, giving it a handset (and so an
     * address) if it has none: what the network does to reach a subscriber.
     * \param index the subscriber's index in the range
     * \param out its address
     * \return false if it cannot be reached (no handset could be given)
     */
    virtual bool Locate(uint32_t index, Ipv4Address& out) = 0;
    /**
     * Where an SMS for a subscriber goes now: its handset's address, or (byNumber) the address
     * of the point that delivers SMS to subscribers without a handset by number (the serving
     * cell, MmsSmsc::FORWARD_TO_CELL). The default: Locate(), never by number.
     * \param index the subscriber's index in the range
     * \param out the address
     * \param byNumber whether the SMS must carry the subscriber's number to `out`
     * \return false if it cannot be reached
     */
    virtual bool LocateForSms(uint32_t index, Ipv4Address& out, bool& byNumber);
    /**
     * The subscriber a handset address belongs to now.
     * \param address an address
     * \param index the subscriber's index in the range, if found
     * \return whether a subscriber of the range holds the address
     */
    virtual bool FindByAddress(Ipv4Address address, uint32_t& index) const = 0;
};

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
 * Ranges: AddRange() adds a block of consecutive numbers whose subscribers have no fixed
 * address (handsets on demand): the table stores nothing per subscriber (a number is found by
 * arithmetic) and asks the range's locator for the address, which may give the subscriber a
 * handset. Numbers given one by one come first in GetMsisdn()'s order, then the ranges in the
 * order they were added.
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
     * Add a range of consecutive numbers whose addresses the locator gives.
     * \param firstMsisdn the first number (its trailing digits are counted up, keeping their
     * width, as MmsHelper::GetMsisdn numbers subscribers)
     * \param count how many numbers
     * \param locator where they are
     * \param firstIndex the locator's index of the first number
     */
    void AddRange(const std::string& firstMsisdn,
                  uint32_t count,
                  Ptr<MmsSubscriberLocator> locator,
                  uint32_t firstIndex);
    /**
     * The handset address of a number or address.
     * \param address a number, or an address with a type ("+447700900001/TYPE=PLMN")
     * \param out the handset's IPv4 address, when found
     * \return true if the number is a subscriber
     */
    bool Resolve(const std::string& address, Ipv4Address& out) const;
    /**
     * Where an SMS for a number goes (MmsSubscriberLocator::LocateForSms for a range; a
     * number added one by one: its handset's address).
     * \param address a number, or an address with a type
     * \param out the address to send the SMS to, when found
     * \param byNumber whether the SMS must carry the number to `out` (MmsSmsc::WrapForCell)
     * \return true if the number is a subscriber that can be reached
     */
    bool ResolveForSms(const std::string& address, Ipv4Address& out, bool& byNumber) const;
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
    /// A block of consecutive numbers with a locator.
    struct Range
    {
        std::string prefix;                //!< what precedes the counted digits ("+")
        std::size_t width{0};              //!< digits of the first number
        uint64_t first{0};                 //!< the first number's digits as a number
        uint32_t count{0};                 //!< numbers in the range
        uint32_t firstIndex{0};            //!< the locator's index of the first number
        Ptr<MmsSubscriberLocator> locator; //!< where they are
    };

    /**
     * The range and offset of a number.
     * \param number a number without its address type
     * \param offset its offset in the range, if found
     * \return the range, or null
     */
    const Range* FindRange(const std::string& number, uint32_t& offset) const;
    /**
     * Find a number or address: in the table (its address in `out`) or in a range.
     * \param address a number, or an address with a type
     * \param out the address of a number in the table
     * \param range the range holding it, or null (in the table, or not found)
     * \param index its locator's index, in a range
     * \return whether it is a subscriber
     */
    bool Find(const std::string& address,
              Ipv4Address& out,
              const Range*& range,
              uint32_t& index) const;
    /**
     * A number of a range.
     * \param r the range
     * \param offset the number's offset in it
     * \return the number
     */
    static std::string Format(const Range& r, uint64_t offset);

    std::vector<Range> m_ranges; //!< AddRange, in order
    uint64_t m_rangeTotal{0};    //!< numbers in all ranges
    std::map<std::string, Ipv4Address> m_byNumber;
    std::map<uint32_t, std::string> m_byAddress;
    std::vector<std::string> m_numbers;
};

} // namespace ns3

#endif /* MMS_SUBSCRIBER_DIRECTORY_H */
