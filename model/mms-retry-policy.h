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
 * \ingroup mms-engines
 * \brief When to try again: the schedule an MMS element follows for repeated attempts.
 *
 * Three elements repeat what may fail: the MMS Relay re-sends an M-Notification.ind until the
 * recipient answers (its attribute "NotificationPolicy"), the MMS User Agent retries an MM1
 * HTTP transaction that failed or got a transient error (its attribute "RetryPolicy"), and an
 * SMSC re-delivers an SMS (MmsSmsc has its own fixed RetryInterval). TS 23.140 and OMA MMS CTR
 * leave these schedules to the implementation; this object models the ones real
 * implementations use, in three forms (attribute "Kind"):
 * - Linear: the n-th retry waits n x Interval (Mbuni's notification back-off: 300 s x n; the
 *   default of this object and of the Relay's NotificationPolicy);
 * - Fixed: every retry waits Interval (Kannel's SMSC retry: 60 s);
 * - Table: the n-th attempt waits the n-th entry of Table, the last entry repeating (Android's
 *   legacy MMS client: 0, 1, 5, 10, 30 min; the User Agent's default RetryPolicy).
 *
 * "MaxAttempts" bounds the number of attempts, the first included (default 5; 0 allows
 * none). Delays count from the end of the previous attempt (the failure or the answer that
 * asked for a retry), not from the first one.
 *
 * Usage: create one with `CreateObject<MmsRetryPolicy>()`, set its attributes and hand it to an
 * element as a PointerValue (for example MmsHelper::SetRelayAttribute("NotificationPolicy",
 * PointerValue(policy))). One policy object may be shared: it holds no per-attempt state.
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
    /// A Linear policy: 300 s x n, at most 5 attempts.
    MmsRetryPolicy();

    /**
     * Delay before an attempt.
     * \param attempt the attempt number, 1 for the first
     * \return the delay counted from the end of the previous attempt (for Linear and Fixed the
     * first attempt has no delay)
     */
    Time GetDelay(uint32_t attempt) const;
    /**
     * Whether an attempt may be made.
     * \param attempt the attempt number, 1 for the first
     * \return true if 1 <= attempt <= MaxAttempts
     */
    bool IsAllowed(uint32_t attempt) const;
    /**
     * Delays of all allowed attempts, in order.
     * \return GetDelay(1) ... GetDelay(MaxAttempts) (empty if MaxAttempts is 0)
     */
    std::vector<Time> GetSchedule() const;

    /**
     * The form of the schedule (attribute "Kind").
     * \return Linear, Fixed or Table
     */
    Kind GetKind() const;
    /**
     * Set the form of the schedule (attribute "Kind").
     * \param kind Linear, Fixed or Table
     */
    void SetKind(Kind kind);
    /**
     * Set the delays of the Table form (attribute "Table"); aborts the simulation with a
     * message naming the bad element if one is not a time.
     * \param table a list as ParseTimes() reads it ("0s,1min,5min")
     */
    void SetTable(const std::string& table);
    /**
     * The delays of the Table form (attribute "Table").
     * \return the list in seconds, comma-separated ("0s,60s,300s")
     */
    std::string GetTable() const;

    /**
     * Parse a list of times ("0s, 1min 5min,30min": comma or space separated; units ns, us,
     * ms, s, min, h, d).
     * \param text the list
     * \param out the times
     * \param error what is wrong, naming the element, when false is returned
     * \return true if every element is a time and the list is not empty
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
