/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Retry schedules: the three forms give the delays their definitions say, attempts are bounded,
// attributes work through the ns-3 attribute system, and bad tables are named.

#include "ns3/enum.h"
#include "ns3/mms-retry-policy.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;

/// The three forms and their bounds.
class MmsRetryPolicyTestCase : public TestCase
{
  public:
    MmsRetryPolicyTestCase()
        : TestCase("retry schedules follow their definitions exactly")
    {
    }

  private:
    void DoRun() override
    {
        // Defaults: Mbuni-like linear back-off, 300 s x n, five attempts.
        Ptr<MmsRetryPolicy> p = CreateObject<MmsRetryPolicy>();
        std::vector<Time> s = p->GetSchedule();
        NS_TEST_ASSERT_MSG_EQ(s.size(), 5u, "five attempts by default");
        for (uint32_t n = 1; n <= 5; ++n)
        {
            NS_TEST_EXPECT_MSG_EQ(s[n - 1], Seconds(300.0 * (n - 1)), "linear attempt " << n);
        }
        NS_TEST_EXPECT_MSG_EQ(p->IsAllowed(6), false, "no sixth attempt");
        NS_TEST_EXPECT_MSG_EQ(p->IsAllowed(0), false, "attempts count from 1");

        p->SetAttribute("Kind", EnumValue(MmsRetryPolicy::FIXED));
        p->SetAttribute("Interval", TimeValue(Seconds(60)));
        p->SetAttribute("MaxAttempts", UintegerValue(3));
        s = p->GetSchedule();
        NS_TEST_ASSERT_MSG_EQ(s.size(), 3u, "three attempts");
        NS_TEST_EXPECT_MSG_EQ(s[0], Seconds(0), "first attempt at once");
        NS_TEST_EXPECT_MSG_EQ(s[1], Seconds(60), "Kannel-like fixed 60 s");
        NS_TEST_EXPECT_MSG_EQ(s[2], Seconds(60), "again 60 s");

        // Android's legacy client: 0, 1, 5, 10, 30 min, the last repeating.
        p->SetAttribute("Kind", StringValue("Table"));
        p->SetAttribute("MaxAttempts", UintegerValue(7));
        s = p->GetSchedule();
        const double minutes[] = {0, 1, 5, 10, 30, 30, 30};
        for (std::size_t i = 0; i < 7; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(s.at(i), Minutes(minutes[i]), "table attempt " << i + 1);
        }
        p->SetAttribute("Table", StringValue("2s 0.5min,1h"));
        StringValue t;
        p->GetAttribute("Table", t);
        NS_TEST_EXPECT_MSG_EQ(t.Get(), "2s,30s,3600s", "table read back");
        NS_TEST_EXPECT_MSG_EQ(p->GetDelay(3), Hours(1), "third entry");
        NS_TEST_EXPECT_MSG_EQ(p->GetDelay(9), Hours(1), "last entry repeats");

        p->SetAttribute("MaxAttempts", UintegerValue(0));
        NS_TEST_EXPECT_MSG_EQ(p->GetSchedule().empty(), true, "no attempts allowed");

        std::vector<Time> out;
        std::string err;
        NS_TEST_EXPECT_MSG_EQ(MmsRetryPolicy::ParseTimes("1s,5x,3s", out, err), false, "bad unit");
        NS_TEST_EXPECT_MSG_EQ(err,
                              "element 2 '5x' is not a time such as 30s or 5min (units ns, us, "
                              "ms, s, min, h, d)",
                              "the element is named");
        NS_TEST_EXPECT_MSG_EQ(MmsRetryPolicy::ParseTimes(" , ", out, err), false, "empty");
        NS_TEST_EXPECT_MSG_EQ(err, "the list is empty", "message");
        NS_TEST_EXPECT_MSG_EQ(MmsRetryPolicy::ParseTimes("min", out, err), false, "no number");
    }
};

/// The suite.
class MmsRetryPolicyTestSuite : public TestSuite
{
  public:
    MmsRetryPolicyTestSuite()
        : TestSuite("mms-retry-policy", Type::UNIT)
    {
        AddTestCase(new MmsRetryPolicyTestCase);
    }
};

static MmsRetryPolicyTestSuite
    g_mmsRetryPolicyTestSuite; //!< Static variable for test initialization
