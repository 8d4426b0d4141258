/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// SMS TPDUs (TS 23.040): SMS-DELIVER, SMS-SUBMIT and SMS-DELIVER-REPORT against octets written
// out by hand from the specification, a published SMS-DELIVER with 7-bit text, the relative
// validity table, truncations at every length, and random round trips.

#include "mms-test-data.h"

#include "ns3/sms-tpdu.h"
#include "ns3/test.h"
#include "ns3/wdp-sms.h"

#include <random>

using namespace ns3;
using mmstest::Hex;

/// Hand-checked encodings and a published vector.
class MmsSmsTpduVectorsTestCase : public TestCase
{
  public:
    MmsSmsTpduVectorsTestCase()
        : TestCase("SMS-DELIVER, SMS-SUBMIT and SMS-DELIVER-REPORT octet for octet")
    {
    }

  private:
    void DoRun() override
    {
        // SMS-DELIVER with a WDP port header: TP-MTI 00 + TP-MMS (no more) + TP-UDHI = 44;
        // TP-OA 12 digits, international (91), semi-octets swapped; PID 00; DCS 04 (8-bit);
        // TP-SCTS 2026-01-01 00:00:00 +00 = 62 10 10 00 00 00 00; UDL 9.
        SmsDeliver d;
        d.originator = "+447700900999";
        d.serviceCentreTime = 1767225600;
        d.userDataHeaderIndicator = true;
        d.userData = Hex("06 0504 0b84 23f0 6162"); // UDHL 6, ports 2948 <- 9200, "ab"
        std::vector<uint8_t> expected =
            Hex("44 0c91 447700099099 00 04 62101000000000 09 0605040b8423f06162");
        NS_TEST_EXPECT_MSG_EQ(WspToHex(d.Encode()), WspToHex(expected), "SMS-DELIVER");
        SmsDeliver back;
        DecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            SmsDeliver::Decode(expected.data(), expected.size(), back, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ((back == d), true, "decodes to the same values");
        WdpSmsSegment seg;
        NS_TEST_ASSERT_MSG_EQ(
            WdpSmsSegment::Decode(back.userData.data(), back.userData.size(), seg, e),
            true,
            e.ToString());
        NS_TEST_EXPECT_MSG_EQ(seg.destinationPort, 2948, "WAP Push port");
        NS_TEST_EXPECT_MSG_EQ(seg.sourcePort, 9200, "WSP port");

        // Time zone: +1 h = 4 quarters = 40 swapped; -3 h = 12 quarters, sign bit: 21 | 08 = 29.
        d.timeZoneQuarters = 4;
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.Encode()[17]), 0x40u, "+1 h");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.Encode()[14]), 0x10u, "local hour 01");
        d.timeZoneQuarters = -12;
        std::vector<uint8_t> west = d.Encode();
        NS_TEST_EXPECT_MSG_EQ(unsigned(west[17]), 0x29u, "-3 h");
        NS_TEST_ASSERT_MSG_EQ(SmsDeliver::Decode(west.data(), west.size(), back, e), true, "tz");
        NS_TEST_EXPECT_MSG_EQ(back.serviceCentreTime, d.serviceCentreTime, "same instant");
        NS_TEST_EXPECT_MSG_EQ(back.timeZoneQuarters, -12, "zone kept");

        // A published SMS-DELIVER (dreamfabric.com "SMS and the PDU format", deliver example,
        // without its SMSC address): from +31641600986, 7-bit text of 12 septets in 11 octets,
        // sent 2002-08-26 19:37:41 (its time-zone octet 08 has the sign bit set and zero quarters).
        std::vector<uint8_t> pub =
            Hex("04 0b91 1346610089f6 00 00 20806291731408 0c c8f71d14969741f977fd07");
        NS_TEST_ASSERT_MSG_EQ(
            SmsDeliver::Decode(pub.data(), pub.size(), back, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(back.originator, "+31641600986", "TP-OA");
        NS_TEST_EXPECT_MSG_EQ(back.userData.size(), 11u, "12 septets are 11 octets");
        NS_TEST_EXPECT_MSG_EQ(unsigned(back.dataCoding), 0u, "GSM 7-bit");
        NS_TEST_EXPECT_MSG_EQ(back.moreMessagesToSend, false, "TP-MMS set: no more");
        UtcDate date =
            UtcDate::FromUnix(back.serviceCentreTime + int64_t(back.timeZoneQuarters) * 900);
        NS_TEST_EXPECT_MSG_EQ(date.year * 10000 + date.month * 100 + date.day, 20020826, "date");
        NS_TEST_EXPECT_MSG_EQ(date.hour * 10000 + date.minute * 100 + date.second, 193741, "time");

        // SMS-SUBMIT: 01 | VPF relative 10 | UDHI = 51; MR 05; TP-DA; PID; DCS; VP A7 (24 h).
        SmsSubmit s;
        s.messageReference = 5;
        s.destination = "+447700900002";
        s.hasValidityPeriod = true;
        s.validityPeriodSeconds = 86400;
        s.userDataHeaderIndicator = true;
        s.userData = Hex("010203");
        expected = Hex("51 05 0c91 447700090020 00 04 a7 03 010203");
        NS_TEST_EXPECT_MSG_EQ(WspToHex(s.Encode()), WspToHex(expected), "SMS-SUBMIT");
        SmsSubmit sb;
        NS_TEST_ASSERT_MSG_EQ(
            SmsSubmit::Decode(expected.data(), expected.size(), sb, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ((sb == s), true, "same values");
        // A national destination (TON unknown, 81) with an odd digit count (filler F).
        s.destination = "12345";
        s.hasValidityPeriod = false;
        NS_TEST_EXPECT_MSG_EQ(WspToHex(s.Encode()),
                              WspToHex(Hex("41 05 0581 2143f5 00 04 03 010203")),
                              "national address");

        // SMS-DELIVER-REPORT for RP-ACK and for RP-ERROR with TP-FCS D2 (error in MS).
        SmsDeliverReport r;
        NS_TEST_EXPECT_MSG_EQ(WspToHex(r.Encode()), WspToHex(Hex("0000")), "RP-ACK form");
        r.isError = true;
        r.failureCause = 0xD2;
        NS_TEST_EXPECT_MSG_EQ(WspToHex(r.Encode()), WspToHex(Hex("00d200")), "RP-ERROR form");
        std::vector<uint8_t> re = r.Encode();
        SmsDeliverReport rb;
        NS_TEST_ASSERT_MSG_EQ(
            SmsDeliverReport::Decode(re.data(), re.size(), true, rb, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(unsigned(rb.failureCause), 0xD2u, "TP-FCS");
    }
};

/// The relative validity period of TS 23.040 9.2.3.12.1.
class MmsSmsValidityTestCase : public TestCase
{
  public:
    MmsSmsValidityTestCase()
        : TestCase("relative validity period table and rounding")
    {
    }

  private:
    void DoRun() override
    {
        const std::pair<uint8_t, uint32_t> table[] = {{0, 300},
                                                      {143, 43200},
                                                      {144, 45000},
                                                      {167, 86400},
                                                      {168, 2 * 86400},
                                                      {196, 30 * 86400},
                                                      {197, 5 * 7 * 86400},
                                                      {255, 63 * 7 * 86400}};
        for (const auto& [vp, seconds] : table)
        {
            NS_TEST_EXPECT_MSG_EQ(
                SmsSubmit::RelativeValidityToSeconds(vp), seconds, "TP-VP " << unsigned(vp));
            NS_TEST_EXPECT_MSG_EQ(unsigned(SmsSubmit::SecondsToRelativeValidity(seconds)),
                                  unsigned(vp),
                                  "exact " << seconds << " s");
        }
        NS_TEST_EXPECT_MSG_EQ(unsigned(SmsSubmit::SecondsToRelativeValidity(301)),
                              1u,
                              "rounded up to the next 5 min");
        NS_TEST_EXPECT_MSG_EQ(
            unsigned(SmsSubmit::SecondsToRelativeValidity(86401)), 168u, "rounded up to 2 days");
        NS_TEST_EXPECT_MSG_EQ(unsigned(SmsSubmit::SecondsToRelativeValidity(4000000000u)),
                              255u,
                              "clamped at 63 weeks");
    }
};

/// Truncations and random round trips.
class MmsSmsRobustTestCase : public TestCase
{
  public:
    MmsSmsRobustTestCase()
        : TestCase("every truncation is a located error; random TPDUs round-trip")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 rng(2948);
        auto byte = [&]()
        {
            return static_cast<uint8_t>(rng() & 0xFF);
        };
        auto number = [&]()
        {
            std::string n = (rng() % 2) ? "+" : "";
            uint32_t digits = 1 + rng() % 15;
            for (uint32_t i = 0; i < digits; ++i)
            {
                n += static_cast<char>('0' + rng() % 10);
            }
            return n;
        };
        for (int i = 0; i < 2000; ++i)
        {
            SmsDeliver d;
            d.originator = number();
            d.moreMessagesToSend = rng() % 2;
            d.statusReportIndication = rng() % 2;
            d.replyPath = rng() % 2;
            d.userDataHeaderIndicator = rng() % 2;
            d.protocolId = byte();
            d.dataCoding = (rng() % 2) ? 0x04 : 0x08;
            d.serviceCentreTime = 946684800 + static_cast<int64_t>(rng() % 3000000000u);
            d.timeZoneQuarters = static_cast<int>(rng() % 97) - 48;
            d.userData.resize(rng() % 141);
            for (auto& b : d.userData)
            {
                b = byte();
            }
            std::vector<uint8_t> octets = d.Encode();
            SmsDeliver back;
            DecodeError e;
            NS_TEST_ASSERT_MSG_EQ(SmsDeliver::Decode(octets.data(), octets.size(), back, e),
                                  true,
                                  "random SMS-DELIVER " << i << ": " << e.ToString());
            NS_TEST_ASSERT_MSG_EQ((back == d), true, "SMS-DELIVER round trip " << i);
            for (std::size_t n = 0; n < octets.size(); ++n)
            {
                SmsDeliver t;
                if (SmsDeliver::Decode(octets.data(), n, t, e))
                {
                    NS_TEST_ASSERT_MSG_EQ(true, false, "prefix of " << n << " octets accepted");
                }
                NS_TEST_ASSERT_MSG_EQ(e.message.empty(), false, "error explained");
            }

            SmsSubmit s;
            s.destination = number();
            s.messageReference = byte();
            s.rejectDuplicates = rng() % 2;
            s.statusReportRequest = rng() % 2;
            s.userDataHeaderIndicator = rng() % 2;
            s.hasValidityPeriod = rng() % 2;
            s.validityPeriodSeconds =
                s.hasValidityPeriod ? SmsSubmit::RelativeValidityToSeconds(byte()) : 0;
            s.userData.resize(rng() % 141);
            for (auto& b : s.userData)
            {
                b = byte();
            }
            octets = s.Encode();
            SmsSubmit sb;
            NS_TEST_ASSERT_MSG_EQ(SmsSubmit::Decode(octets.data(), octets.size(), sb, e),
                                  true,
                                  "random SMS-SUBMIT " << i << ": " << e.ToString());
            NS_TEST_ASSERT_MSG_EQ((sb == s), true, "SMS-SUBMIT round trip " << i);
            for (std::size_t n = 0; n < octets.size(); ++n)
            {
                SmsSubmit t;
                NS_TEST_ASSERT_MSG_EQ(SmsSubmit::Decode(octets.data(), n, t, e),
                                      false,
                                      "SMS-SUBMIT prefix of " << n << " octets accepted");
            }
        }
        // Wrong message types and an oversized user data length are refused by name.
        std::vector<uint8_t> submitAsDeliver = Hex("51 05 0c91 447700090020 00 04 a7 00");
        SmsDeliver d;
        DecodeError e;
        NS_TEST_EXPECT_MSG_EQ(
            SmsDeliver::Decode(submitAsDeliver.data(), submitAsDeliver.size(), d, e),
            false,
            "an SMS-SUBMIT is not an SMS-DELIVER");
        NS_TEST_EXPECT_MSG_EQ(e.field, "TP-MTI", "field named");
        std::vector<uint8_t> longUd = Hex("04 0381 21f3 00 04 62101000000000 8d");
        longUd.resize(longUd.size() + 141, 0);
        NS_TEST_EXPECT_MSG_EQ(SmsDeliver::Decode(longUd.data(), longUd.size(), d, e),
                              false,
                              "141 octets of user data");
        NS_TEST_EXPECT_MSG_EQ(e.field, "TP-UDL", "field named: " << e.ToString());
    }
};

/// The SMS TPDU suite.
class MmsSmsTpduTestSuite : public TestSuite
{
  public:
    MmsSmsTpduTestSuite()
        : TestSuite("mms-sms-tpdu", UNIT)
    {
        AddTestCase(new MmsSmsTpduVectorsTestCase, QUICK);
        AddTestCase(new MmsSmsValidityTestCase, QUICK);
        AddTestCase(new MmsSmsRobustTestCase, QUICK);
    }
};

static MmsSmsTpduTestSuite g_mmsSmsTpduTestSuite;
