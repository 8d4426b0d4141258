/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// WSP Push PDUs and WDP over SMS: real header octets, segment counts at the boundaries, the
// user data header byte for byte, split-shuffle-duplicate-reassemble, malformed input.

#include "mms-test-data.h"

#include "ns3/mms-header.h"
#include "ns3/mms-wdp-sms.h"
#include "ns3/mms-wsp-push.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

#include <algorithm>

using namespace ns3;

using mmstest::Hex;

/// WSP Push PDU encoding and decoding.
class WspPushTestCase : public TestCase
{
  public:
    WspPushTestCase()
        : TestCase("WSP Push PDUs encode as real pushes do and decode back")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<uint8_t> mms = Hex("8c82984100"
                                       "8d90");
        MmsWspPushPdu p = MmsWspPushPdu::MakeMmsPush(0x01, mms);
        // TID 01, Push 06, headers length 03, content type be, X-Wap-Application-Id af 84.
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(p.Encode()),
                              "010603beaf84"
                              "8c829841008d90",
                              "push");
        NS_TEST_EXPECT_MSG_EQ(p.GetEncodedSize(), p.Encode().size(), "size");

        // A push as an operator sent it: content type in the general form with charset
        // iso-8859-1, application id, Encoding-Version 1.5 and Push-Flag (digest section 4.1).
        std::vector<uint8_t> real =
            Hex("c2 06 2a 1f22 6170706c69636174696f6e2f766e642e7761702e6d6d732d6d65737361676500"
                "8184 af84 c395 b481 8c82984100 8d90");
        MmsWspPushPdu r;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWspPushPdu::Decode(real.data(), real.size(), r, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(unsigned(r.GetTid()), 0xc2u, "tid");
        NS_TEST_EXPECT_MSG_EQ(r.GetContentType().ToString(),
                              "application/vnd.wap.mms-message; charset=iso-8859-1",
                              "general form content type");
        NS_TEST_EXPECT_MSG_EQ(r.GetApplicationId(), "4", "application id");
        NS_TEST_ASSERT_MSG_EQ(r.GetHeaders().size(), 3u, "three headers");
        NS_TEST_EXPECT_MSG_EQ(MmsWspPushPdu::HeaderName(r.GetHeaders()[1]), "Encoding-Version", "");
        NS_TEST_EXPECT_MSG_EQ(MmsWspPushPdu::HeaderValue(r.GetHeaders()[1]), "1.5", "");
        NS_TEST_EXPECT_MSG_EQ(MmsWspPushPdu::HeaderName(r.GetHeaders()[2]), "Push-Flag", "");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(r.GetData()), "8c829841008d90", "data");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(r.Encode()), MmsWspToHex(real), "re-encodes exactly");

        // The application id as a URI (text form, allowed by OMA MMS CTR).
        std::vector<uint8_t> uri =
            Hex("0006 1b be af"
                + MmsWspToHex(std::vector<uint8_t>{'x', '-', 'w', 'a', 'p', '-', 'a', 'p',
                                                   'p', 'l', 'i', 'c', 'a', 't', 'i', 'o',
                                                   'n', ':', 'm', 'm', 's', '.', 'u', 'a'})
                + "00");
        NS_TEST_ASSERT_MSG_EQ(
            MmsWspPushPdu::Decode(uri.data(), uri.size(), r, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(r.GetApplicationId(), "x-wap-application:mms.ua", "URI form");

        // Errors.
        std::vector<uint8_t> bad = Hex("0140 03 beaf84");
        NS_TEST_EXPECT_MSG_EQ(MmsWspPushPdu::Decode(bad.data(), bad.size(), r, e), false, "type");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(),
                              "offset 1 (PDU-Type): PDU type 0x40 is not Push (0x06) or "
                              "ConfirmedPush (0x07)",
                              "message");
        bad = Hex("0106 09 beaf84");
        NS_TEST_EXPECT_MSG_EQ(MmsWspPushPdu::Decode(bad.data(), bad.size(), r, e), false, "length");
        NS_TEST_EXPECT_MSG_EQ(e.field, "HeadersLen", e.ToString());

        // As an ns-3 header.
        Ptr<Packet> pkt = Create<Packet>();
        pkt->AddHeader(MmsWspPushHeader(p));
        NS_TEST_EXPECT_MSG_EQ(pkt->GetSize(), p.GetEncodedSize(), "header size");
        MmsWspPushHeader h;
        pkt->RemoveHeader(h);
        NS_TEST_EXPECT_MSG_EQ((h.GetPush() == p), true, "same push out of the packet");
    }
};

/// Segment counts and the user data header, octet for octet.
class WdpSmsSegmentsTestCase : public TestCase
{
  public:
    WdpSmsSegmentsTestCase()
        : TestCase("WDP over SMS: segment counts and user data headers")
    {
    }

  private:
    void DoRun() override
    {
        struct Count
        {
            std::size_t size;
            uint32_t segments8;
            uint32_t segments16;
        };

        // 133 octets fit one SMS; beyond, 128 (8-bit reference) or 127 (16-bit) per SMS.
        const Count counts[] = {{0, 1, 1},
                                {1, 1, 1},
                                {133, 1, 1},
                                {134, 2, 2},
                                {254, 2, 2},
                                {255, 2, 3},
                                {256, 2, 3},
                                {257, 3, 3},
                                {128 * 255, 255, 0},
                                {128 * 255 + 1, 0, 0}};
        for (const auto& c : counts)
        {
            NS_TEST_EXPECT_MSG_EQ(
                MmsWdpSms::GetSegmentCount(c.size), c.segments8, c.size << " 8-bit");
            NS_TEST_EXPECT_MSG_EQ(
                MmsWdpSms::GetSegmentCount(c.size, true), c.segments16, c.size << " 16-bit");
            std::vector<uint8_t> d(c.size, 0x55);
            NS_TEST_EXPECT_MSG_EQ(MmsWdpSms::Split(d).size(), c.segments8, c.size << " split");
        }

        std::vector<uint8_t> one(10, 0xAA);
        std::vector<MmsWdpSmsSegment> s = MmsWdpSms::Split(one);
        NS_TEST_ASSERT_MSG_EQ(s.size(), 1u, "one segment");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(s[0].Encode()).substr(0, 14), "0605040b8423f0", "ports 2948 and 9200");
        MmsWdpSmsOptions o;
        o.reference = 0x1A2;
        std::vector<uint8_t> two(200, 0xBB);
        s = MmsWdpSms::Split(two, o);
        NS_TEST_ASSERT_MSG_EQ(s.size(), 2u, "two segments");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s[0].Encode()).substr(0, 24),
                              "0b05040b8423f00003a20201",
                              "8-bit concatenation, segment 1 of 2");
        NS_TEST_EXPECT_MSG_EQ(s[0].Encode().size(), 140u, "a full SMS");
        NS_TEST_EXPECT_MSG_EQ(s[1].Encode().size(), 12u + 72, "the rest");
        o.reference16Bit = true;
        s = MmsWdpSms::Split(two, o);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s[1].Encode()).substr(0, 26),
                              "0c05040b8423f0080401a20202",
                              "16-bit concatenation, segment 2 of 2");

        // A real two-segment push header (UK operator capture, digest section 4.2): ports
        // then 8-bit concatenation, reference 0x4d, segment 1 of 2.
        std::vector<uint8_t> real = Hex("0b05040b8423f000034d0201"
                                        "01060603");
        MmsWdpSmsSegment seg;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWdpSmsSegment::Decode(real.data(), real.size(), seg, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(seg.destinationPort, 2948, "destination port");
        NS_TEST_EXPECT_MSG_EQ(seg.sourcePort, 9200, "source port");
        NS_TEST_EXPECT_MSG_EQ(seg.reference, 0x4d, "reference");
        NS_TEST_EXPECT_MSG_EQ(unsigned(seg.total) * 10 + seg.sequence, 21u, "1 of 2");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(seg.Encode()), MmsWspToHex(real), "re-encodes exactly");

        // Malformed headers.
        const char* bad[] = {"0c05040b8423f0",   // UDHL beyond the data
                             "0605050b8423f0",   // port element too long for the header
                             "0500030102030405", // sequence 3 of 2
                             "050003010200"};    // sequence 0
        for (const char* b : bad)
        {
            std::vector<uint8_t> v = Hex(b);
            NS_TEST_EXPECT_MSG_EQ(MmsWdpSmsSegment::Decode(v.data(), v.size(), seg, e), false, b);
        }
    }
};

/// Split, shuffle, duplicate, reassemble: the datagram comes back whole, for many sizes.
class WdpSmsReassemblyTestCase : public TestCase
{
  public:
    WdpSmsReassemblyTestCase()
        : TestCase("WDP over SMS: random datagrams survive reordering and duplicates")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(11);
        RngSeedManager::SetRun(1);
        Ptr<UniformRandomVariable> rng = CreateObject<UniformRandomVariable>();
        rng->SetStream(3);
        MmsWdpSmsReassembler r(64);
        uint64_t segments = 0;
        for (uint32_t i = 0; i < 2000; ++i)
        {
            std::vector<uint8_t> d(rng->GetInteger(0, 2000));
            for (auto& b : d)
            {
                b = static_cast<uint8_t>(rng->GetInteger(0, 255));
            }
            MmsWdpSmsOptions o;
            o.reference16Bit = rng->GetInteger(0, 1);
            o.reference = static_cast<uint16_t>(i);
            std::vector<MmsWdpSmsSegment> s = MmsWdpSms::Split(d, o);
            NS_TEST_ASSERT_MSG_EQ(
                s.size(), MmsWdpSms::GetSegmentCount(d.size(), o.reference16Bit), "count");
            std::vector<std::vector<uint8_t>> wire;
            for (const auto& x : s)
            {
                wire.push_back(x.Encode());
                NS_TEST_ASSERT_MSG_LT_OR_EQ(wire.back().size(), 140u, "fits an SMS");
                if (x.concatenated && rng->GetInteger(0, 3) == 0)
                {
                    wire.push_back(x.Encode()); // duplicate delivery
                }
            }
            for (std::size_t k = wire.size(); k > 1; --k)
            {
                std::swap(wire[k - 1], wire[rng->GetInteger(0, k - 1)]);
            }
            for (const auto& w : wire)
            {
                MmsWdpSmsSegment x;
                MmsDecodeError e;
                NS_TEST_ASSERT_MSG_EQ(
                    MmsWdpSmsSegment::Decode(w.data(), w.size(), x, e), true, e.ToString());
                std::string err;
                NS_TEST_ASSERT_MSG_EQ(r.Add("+358401234567", x, &err), true, err);
                ++segments;
            }
            NS_TEST_ASSERT_MSG_EQ(r.HasDatagram(), true, "datagram " << i << " complete");
            if (!r.HasDatagram())
            {
                return;
            }
            MmsWdpSmsReassembler::Datagram out = r.PopDatagram();
            NS_TEST_ASSERT_MSG_EQ((out.data == d), true, "datagram " << i << " intact");
            NS_TEST_EXPECT_MSG_EQ(out.destinationPort, 2948, "port");
            NS_TEST_EXPECT_MSG_EQ(r.HasDatagram(), false, "exactly one datagram");
        }
        NS_TEST_EXPECT_MSG_EQ(r.GetPendingCount(), 0u, "nothing left pending");
        NS_TEST_EXPECT_MSG_GT(r.GetDuplicateCount(), 0u, "duplicates were exercised");
        NS_TEST_EXPECT_MSG_GT(segments, 10000u, "many segments");

        // An inconsistent total for the same reference is refused.
        MmsWdpSmsSegment a;
        a.concatenated = true;
        a.reference = 9;
        a.total = 2;
        a.sequence = 1;
        MmsWdpSmsSegment b = a;
        b.total = 3;
        std::string err;
        NS_TEST_EXPECT_MSG_EQ(r.Add("x", a, &err), true, err);
        NS_TEST_EXPECT_MSG_EQ(r.Add("x", b, &err), false, "inconsistent total");
        NS_TEST_EXPECT_MSG_EQ(err, "reference 9 announced 2 segments, this one says 3", "message");
    }
};

/// The suite.
class MmsPushSmsTestSuite : public TestSuite
{
  public:
    MmsPushSmsTestSuite()
        : TestSuite("mms-push-sms", Type::UNIT)
    {
        AddTestCase(new WspPushTestCase);
        AddTestCase(new WdpSmsSegmentsTestCase);
        AddTestCase(new WdpSmsReassemblyTestCase);
    }
};

static MmsPushSmsTestSuite g_mmsPushSmsTestSuite; //!< Static variable for test initialization
