/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RETRY_POLICY_H
#define MMS_RETRY_POLICY_H

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * When to try again: the schedule an MMS element follows for repeated attempts (a Relay
 * re-sending a notification, a User Agent retrying an HTTP transaction, an SMSC re-delivering).
 *
 * Three forms:
 * - Linear: the n-th retry waits n x Interval (Mbuni's notification back-off: 300 s x n);
 * - Fixed: every retry waits Interval (Kannel's SMSC retry: 60 s);
 * - Table: the n-th attempt waits the n-th entry of Table, the last entry repeating (Android's
 *   legacy MMS client: 0, 1, 5, 10, 30 min).
 * MaxAttempts bounds the number of attempts, the first included.
 */
class MmsRetryPolicy : public Object
{
  public:
    /// The form of the schedule.
    enum Kind
    {
        LINEAR, //!< n x Interval before retry n
        FIXED,  //!< Interval before every retry
        TABLE,  //!< Table[n-1] before attempt n (entry 0 before the first attempt)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsRetryPolicy();

    /**
     * Delay before an attempt.
     * \param attempt the attempt number, 1 for the first
     * \return the delay counted from the end of the previous attempt (for Linear and Fixed the
     * first attempt has no delay)
     */
    Time GetDelay(uint32_t attempt) const;
    /// True if attempt number `attempt` (1-based) is allowed.
    bool IsAllowed(uint32_t attempt) const;
    /// Delays of all allowed attempts, in order (empty if MaxAttempts is 0).
    std::vector<Time> GetSchedule() const;

    Kind GetKind() const;
    void SetKind(Kind kind);
    void SetTable(const std::string& table); //!< "0s,1min,5min"; aborts naming a bad element
    std::string GetTable() const;

    /**
     * Parse a list of times ("0s, 1min 5min,30min": comma or space separated; units ns, us,
     * ms, s, min, h, d).
     * \param text the list
     * \param out the times
     * \param error what is wrong, naming the element, when false is returned
     * \return true if every element is a time
     */
    static bool ParseTimes(const std::string& text, std::vector<Time>& out, std::string& error);

  private:
    Kind m_kind;
    Time m_interval;
    uint32_t m_maxAttempts;
    std::vector<Time> m_table;
};

} // namespace ns3

#endif /* MMS_RETRY_POLICY_H */
