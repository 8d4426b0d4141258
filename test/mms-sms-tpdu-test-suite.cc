/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// SMS TPDUs of 3GPP TS 23.040 (MmsSmsDeliver, MmsSmsSubmit, MmsSmsDeliverReport): published TPDUs
// decode to the values their publishers state and re-encode octet for octet; hand-checked
// addresses, time stamps (9.2.3.11), user data lengths in septets and octets (9.2.3.16), relative
// validity periods (9.2.3.12.1) and reports (9.2.2.1a); every truncation is a located error; random
// TPDUs round-trip.

#include "mms-test-data.h"

#include "ns3/mms-sms-tpdu.h"
#include "ns3/mms-smsc.h"
#include "ns3/mms-wdp-sms.h"
#include "ns3/mms-wsp-push.h"
#include "ns3/test.h"

#include <random>

using namespace ns3;

using mmstest::Hex;

namespace
{

// Published TPDUs, quoted as their sources give them: with the SMSC address that precedes the
// TPDU in a modem's PDU-mode output (its first octet is the length of the rest of it).
//
// From python-messaging by Pablo Marti and others, https://github.com/pmarti/python-messaging,
// messaging/test/test_wap.py at commit f1c92c18b298400009120124e5632f2270ced740
// (test_decoding_m_notification_ind and test_decoding_generic_wap_push): two-segment WAP pushes
// as UK and German operators delivered them.
const char* const WAP_MMS_1 =
    "0791447758100650400e80885810000000810004016082415464408c0c08049f8e020105040b8423"
    "f00106226170706c69636174696f6e2f766e642e7761702e6d6d732d6d65737361676500af848c82"
    "984e4f4b3543694b636f544d595347344d4253774141734b7631344655484141414141414141008d"
    "908919802b3434373738353334323734392f545950453d504c4d4e008a808e027400880581030119"
    "4083687474703a2f";
const char* const WAP_MMS_2 =
    "0791447758100650440e8088581000000081000401608241547440440c08049f8e020205040b8423"
    "f02f70726f6d6d732f736572766c6574732f4e4f4b3543694b636f544d595347344d425377414173"
    "4b763134465548414141414141414100";
const char* const WAP_SI_1 =
    "0791947122725014440c8500947122921105f5112042519582408c0b05040b8423f0000396020101"
    "060b03ae81eac3958d01a2b48403056a0a20566f6461666f6e650045c60c037761702e6d65696e63"
    "616c6c79612e64652f000801035a756d206b6f7374656e6c6f73656e20506f7274616c20224d6569"
    "6e0083000322202d2065696e66616368206175662064656e20666f6c67656e64656e204c696e6b20"
    "6b6c69636b656e";
const char* const WAP_SI_2 =
    "0791947122725014440c8500947122921105f5112042519592403c0b05040b8423f0000396020220"
    "6f6465722064696520536569746520646972656b7420617566727566656e2e204968720083000320"
    "5465616d000101";
// From the same project, messaging/test/test_sms.py at commit
// 13ed78439dc84f0eba85eb90035dcf79888796a3 (class TestSmsDeliver): 7-bit text (the
// dreamfabric.com example), UCS2, time zones GMT+1 and GMT-3, alphanumeric originators of odd
// and even length, a concatenated 7-bit message with PID 0x39 and DCS 0xF1, and an
// SMS-STATUS-REPORT.
const char* const DELIVER_7BIT =
    "07911326040000f0040b911346610089f60000208062917314080cc8f71d14969741f977fd07";
const char* const DELIVER_UCS2 =
    "07914306073011f0040b914316709807f2000880604290224080084e2d5174901a8baf";
const char* const DELIVER_GMT_PLUS_1 =
    "0791447758100650040c914497716247010000909010711423400a2050ec468b81c4733a";
const char* const DELIVER_GMT_MINUS_3 =
    "0791553001000001040491578800000190115101112979cf340b342f9febe536e83d0791c3e4f71c"
    "440e83e6f53068fe66a7c7697a781c7ebb4050f99bfe1ebfd96f1d48068bc16030182e66abd560b4"
    "1988fc06d1d3f03768fa66a7c7697a781c7e83ccef34282c2ecbe96f50b90d8ac55eb0dc4b068bc1"
    "40b1994e16d3d1622e";
const char* const DELIVER_ALPHA_ODD =
    "07919471060040340409d0c6a733390400009060920173018093cc74595c96838c4f6772085ad6dd"
    "e4320b444e9741d4b03c6d7ec3e9e9b71b9474d3cb727799dea286cfe5b9991da6cbc3f432e85e97"
    "93cba0f09a9eb6a7cb72ba0b9474d3cb727799de72d6e9fabafb0cbaa7e56490ba4cd7d34170f91b"
    "e4acd3f575f7794e0f9f4161f1b92c2f8fd1ee32dd054aa2e520e3d3991c82a8e5701b";
const char* const DELIVER_ALPHA_EVEN =
    "07919333852804000412d0f7fbdd454fb75d693a0000903002801153402bcd301e9f0605d9e97119"
    "1483c140412a35690d52832063d2f9040599a058ee05a3bd6430580e";
const char* const DELIVER_GERMAN_1 =
    "07919471227210244405852122f039f101506271217180a005000319020198e9b2b82c0759dfe4b0"
    "f9ed2eb7967537b9cc02b5d37450122d2fcb41ee303dfd7687d96537881a96a7cd6f383dfd7683f4"
    "6134bbec064dd36550da0d22a7cbf3721be42cd3f5a0198b56036dca20b8fc0d6a0a4170767d0eaa"
    "e540433a082e7f83a6e5f93cfd76bb40d7b2db0d9aa6cb2072ba3c2f83926ef31be44e8fd17450bb"
    "8c9683ca";
const char* const DELIVER_GERMAN_2 =
    "07919471227210244405852122f039f1015062712181804f050003190202e4e8309b5e7683dafc31"
    "9a5e76b340f73d9a5d7683a6e93268fd9ed3cb6ef67b0e5ad172b19b2c2693c9602e90355d6683a6"
    "f0b007946e8382f5393bec26bb00";
const char* const STATUS_REPORT =
    "07914306073011f006270b913426565711f7012081111345400120811174054043";
// Same file, class TestSmsSubmit: SMS-SUBMITs python-messaging's encoder produces (several
// "tested with pduspy.exe"), and (test_decode_sms_confirmation's second PDU) a stored
// SMS-SUBMIT whose TP-UDL of 7 septets fills 7 octets.
const char* const SUBMIT_NO_VP = "0001000b914316565811f9000004e8373b0c";
const char* const SUBMIT_ABSOLUTE_VP = "0019000b914316565811f900000170520251930004e8373b0c";
const char* const SUBMIT_RELATIVE_VP = "0011000b914316565811f90000aa04e8373b0c";
const char* const SUBMIT_CLASS_0 = "0001000b914356143254f6001006e8721e947f03";
const char* const SUBMIT_STATUS_REQUEST = "0021000b914356143254f6000006e8721e947f03";
const char* const SUBMIT_LATIN = "0001000b914356143254f6000009c2ad341104edfb00";
const char* const SUBMIT_8BIT = "07914400000000f001000b811000000000f000040b48692074686572652e2e2e";
const char* const SUBMIT_UCS2 = "001100098156355476f80008aa0e0420044304410441043a04380439";
const char* const SUBMIT_MULTIPART_1 =
    "005100098156355476f80000aaa00500038803019e72d03dcc5e83ee693a1ab44cbbcf73500be47e"
    "cb41ecf7bc0ca2a3cba0f1bbdd7ebb41f4777d8c6681d26690bb9ca6a3cb7290f95d9e83dc6f3988"
    "fdb6a7dd6790599e2ebbc973d038ec06a1eb723a28ffaeb340493328cc6683da653768fcaebbe9a0"
    "7b9a8e06e5df7516485ca783dc6f7719447fbf41edfa18bd0325cda0fcbb0e1a87dd";
const char* const SUBMIT_MULTIPART_3 =
    "005100098156355476f80000aa14050003880303c2a066d8cd02b5f3a0f9db0d";
const char* const SUBMIT_SEVEN_SEPTETS = "07914306073011f001000b914306565711f9000007f0b2fc0dcabf01";

const char* const PUBLISHED_DELIVERS[] = {WAP_MMS_1,
                                          WAP_MMS_2,
                                          WAP_SI_1,
                                          WAP_SI_2,
                                          DELIVER_7BIT,
                                          DELIVER_UCS2,
                                          DELIVER_GMT_PLUS_1,
                                          DELIVER_GMT_MINUS_3,
                                          DELIVER_ALPHA_ODD,
                                          DELIVER_ALPHA_EVEN,
                                          DELIVER_GERMAN_1,
                                          DELIVER_GERMAN_2};

const char* const PUBLISHED_SUBMITS[] = {SUBMIT_NO_VP,
                                         SUBMIT_ABSOLUTE_VP,
                                         SUBMIT_RELATIVE_VP,
                                         SUBMIT_CLASS_0,
                                         SUBMIT_STATUS_REQUEST,
                                         SUBMIT_LATIN,
                                         SUBMIT_8BIT,
                                         SUBMIT_UCS2,
                                         SUBMIT_MULTIPART_1,
                                         SUBMIT_MULTIPART_3,
                                         SUBMIT_SEVEN_SEPTETS};

/// The TPDU of a published PDU: the SMSC address (length octet and that many octets) dropped.
std::vector<uint8_t>
Tpdu(const char* withSmsc)
{
    std::vector<uint8_t> v = Hex(withSmsc);
    if (v.empty() || v[0] + 1u > v.size())
    {
        return {};
    }
    v.erase(v.begin(), v.begin() + v[0] + 1);
    return v;
}

/// Where TP-SCTS starts in an SMS-DELIVER whose TP-OA has this many semi-octets.
std::size_t
StampOffset(std::size_t addressSemiOctets)
{
    return 1 + 2 + (addressSemiOctets + 1) / 2 + 2;
}

/// Unix seconds of a UTC date and time.
int64_t
Utc(int64_t year, unsigned month, unsigned day, unsigned hour, unsigned minute, unsigned second)
{
    MmsUtcDate d;
    d.year = year;
    d.month = month;
    d.day = day;
    d.hour = hour;
    d.minute = minute;
    d.second = second;
    return d.ToUnix();
}

/// Deterministic random values for the round-trip and robustness tests.
class Random
{
  public:
    explicit Random(uint32_t seed)
        : m_rng(seed)
    {
    }

    /// 0 .. n-1
    uint64_t Below(uint64_t n)
    {
        uint64_t v = static_cast<uint64_t>(m_rng()) << 32 | m_rng();
        return n == 0 ? 0 : v % n;
    }

    bool Coin()
    {
        return Below(2) == 1;
    }

    uint8_t Octet()
    {
        return static_cast<uint8_t>(Below(256));
    }

    /// A text address that the codec carries unchanged, and a type-of-address hint for it.
    std::string Address(uint8_t& type)
    {
        static const char* digits = "0123456789*#abc";
        static const uint8_t numericTypes[] = {0x00, 0x81, 0x80, 0xA1, 0x85, 0xC9, 0x91};
        // GSM 7-bit characters in UTF-8 (the euro sign and braces through the extension table).
        static const char* gsm[] = {"A",
                                    "z",
                                    "0",
                                    "7",
                                    "@",
                                    " ",
                                    "+",
                                    "-",
                                    ".",
                                    "\xc2\xa3",
                                    "\xce\x94",
                                    "\xc3\x9f",
                                    "\xc3\xa9",
                                    "\xe2\x82\xac",
                                    "{",
                                    "~"};
        std::string text;
        if (Coin())
        {
            type = numericTypes[Below(sizeof(numericTypes))];
            if (Coin())
            {
                text = "+";
            }
            for (uint64_t n = Below(SMS_MAX_ADDRESS_DIGITS + 1); n > 0; --n)
            {
                text += digits[Below(Coin() ? 10 : 15)];
            }
            return text;
        }
        type = Coin() ? 0xD0 : Coin() ? 0x00 : 0x5F;
        std::size_t septets = 0;
        for (uint64_t n = Below(SMS_MAX_ADDRESS_SEPTETS + 1); n > 0; --n)
        {
            std::string c = gsm[Below(sizeof(gsm) / sizeof(gsm[0]))];
            std::size_t cost = (c == "\xe2\x82\xac" || c == "{" || c == "~") ? 2 : 1;
            if (septets + cost <= SMS_MAX_ADDRESS_SEPTETS)
            {
                text += c;
                septets += cost;
            }
        }
        return text;
    }

    /// User data that fits maxOctets for TP-DCS dcs, with a user data header when udhi.
    void UserData(
        uint8_t dcs, bool& udhi, std::size_t maxOctets, std::vector<uint8_t>& ud, uint8_t& septets)
    {
        bool sept = MmsSmsUdlCountsSeptets(dcs);
        std::size_t maxSeptets = maxOctets * 8 / 7;
        std::size_t s = Below((sept ? maxSeptets : maxOctets) + 1);
        std::size_t octets = sept ? (s * 7 + 7) / 8 : s;
        ud.resize(octets);
        for (auto& b : ud)
        {
            b = Octet();
        }
        septets = sept && Coin() ? static_cast<uint8_t>(s) : 0;
        // A header must fit the septets that TP-UDL will announce.
        std::size_t udl = sept ? MmsSmsUserDataLength(dcs, octets, septets) : octets;
        std::size_t maxHeader = sept ? udl * 7 / 8 : udl; // UDHL included
        if (udhi && maxHeader >= 1)
        {
            ud[0] = static_cast<uint8_t>(Below(maxHeader));
        }
        else
        {
            udhi = false;
        }
    }

    /// Local time that TP-SCTS can carry with any time zone (1969-2068, with a day's margin).
    int64_t StampTime()
    {
        int64_t first = Utc(1969, 1, 2, 0, 0, 0);
        int64_t last = Utc(2068, 12, 30, 0, 0, 0);
        return first + static_cast<int64_t>(Below(static_cast<uint64_t>(last - first)));
    }

  private:
    std::mt19937 m_rng;
};

} // namespace

/// Published SMS-DELIVERs: values as their publishers state them, and octet-exact re-encoding.
class SmsTpduPublishedDeliverTestCase : public TestCase
{
  public:
    SmsTpduPublishedDeliverTestCase()
        : TestCase("published SMS-DELIVER TPDUs decode as published and re-encode exactly")
    {
    }

  private:
    void DoRun() override
    {
        // Every published SMS-DELIVER decodes and re-encodes to the same octets, except the
        // 7-bit example whose time zone octet 0x08 says "minus zero" and becomes 0x00.
        for (const char* hex : PUBLISHED_DELIVERS)
        {
            std::vector<uint8_t> t = Tpdu(hex);
            NS_TEST_ASSERT_MSG_GT(t.size(), 0u, "vector parses");
            MmsSmsDeliver d;
            MmsDecodeError e;
            NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e),
                                  true,
                                  e.ToString() << " in " << hex);
            std::vector<uint8_t> again = d.Encode();
            if (hex == DELIVER_7BIT)
            {
                std::size_t zone = StampOffset(11) + 6;
                NS_TEST_EXPECT_MSG_EQ(unsigned(t[zone]), 0x08u, "published minus zero");
                NS_TEST_EXPECT_MSG_EQ(unsigned(again[zone]), 0x00u, "written as plus zero");
                t[zone] = 0x00;
            }
            NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(again), MmsWspToHex(t), "re-encoded octet for octet");
        }

        // WAP Push of an MMS notification in two 8-bit segments (UK operator): TP-OA of 14
        // digits with type 0x80, TP-MMS clear on the first ("more messages"), TP-UDHI, 16-bit
        // concatenation reference 40846 and ports 2948 <- 9200.
        MmsWdpSmsReassembler reassembler;
        const char* mms[] = {WAP_MMS_1, WAP_MMS_2};
        for (uint8_t i = 0; i < 2; ++i)
        {
            std::vector<uint8_t> t = Tpdu(mms[i]);
            MmsSmsDeliver d;
            MmsDecodeError e;
            NS_TEST_ASSERT_MSG_EQ(
                MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
            NS_TEST_EXPECT_MSG_EQ(d.originator, "88850100000018", "TP-OA as published");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.originatorType), 0x80u, "type of address kept");
            NS_TEST_EXPECT_MSG_EQ(d.moreMessagesToSend, (i == 0), "TP-MMS");
            NS_TEST_EXPECT_MSG_EQ(d.userDataHeaderIndicator, true, "TP-UDHI");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.dataCoding), 0x04u, "8-bit data");
            NS_TEST_EXPECT_MSG_EQ(d.userData.size(), (i == 0 ? 140u : 68u), "TP-UDL in octets");
            // 2010-06-28 14:45:46(+47) local at +1 h (zone octet 0x40: 4 quarters).
            NS_TEST_EXPECT_MSG_EQ(d.timeZoneQuarters, 4, "TP-SCTS zone");
            NS_TEST_EXPECT_MSG_EQ(d.serviceCentreTime, Utc(2010, 6, 28, 13, 45, 46 + i), "UTC");
            MmsWdpSmsSegment s;
            NS_TEST_ASSERT_MSG_EQ(
                MmsWdpSmsSegment::Decode(d.userData.data(), d.userData.size(), s, e),
                true,
                e.ToString());
            NS_TEST_EXPECT_MSG_EQ(s.destinationPort, 2948, "WAP Push port");
            NS_TEST_EXPECT_MSG_EQ(s.sourcePort, 9200, "WSP port");
            NS_TEST_EXPECT_MSG_EQ(s.reference16Bit, true, "16-bit reference");
            NS_TEST_EXPECT_MSG_EQ(s.reference, 40846, "reference as published");
            NS_TEST_EXPECT_MSG_EQ(unsigned(s.total) * 10 + s.sequence, 21u + i, "segment i of 2");
            std::string err;
            NS_TEST_EXPECT_MSG_EQ(reassembler.Add(d.originator, s, &err), true, err);
        }
        NS_TEST_ASSERT_MSG_EQ(reassembler.HasDatagram(), true, "both segments make a datagram");
        MmsWdpSmsReassembler::Datagram dg = reassembler.PopDatagram();
        MmsWspPushPdu push;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWspPushPdu::Decode(dg.data.data(), dg.data.size(), push, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(
            push.GetContentType().ToString(), "application/vnd.wap.mms-message", "an MMS push");
        NS_TEST_ASSERT_MSG_GT(push.GetData().size(), 2u, "MMS PDU");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex({push.GetData()[0], push.GetData()[1]}),
                              "8c82",
                              "X-Mms-Message-Type: m-notification-ind");

        // A Service Indication push (German operator): TP-OA "004917222911" with type 0x85
        // (unknown type, numbering plan 5), TP-PID 0x05, TP-DCS 0xF5 (8-bit, class 1), 8-bit
        // concatenation reference 150 after the port element.
        std::vector<uint8_t> si;
        const char* sis[] = {WAP_SI_1, WAP_SI_2};
        for (uint8_t i = 0; i < 2; ++i)
        {
            std::vector<uint8_t> t = Tpdu(sis[i]);
            MmsSmsDeliver d;
            NS_TEST_ASSERT_MSG_EQ(
                MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
            NS_TEST_EXPECT_MSG_EQ(d.originator, "004917222911", "TP-OA");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.originatorType), 0x85u, "type of address");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.protocolId), 0x05u, "TP-PID");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.dataCoding), 0xF5u, "TP-DCS");
            NS_TEST_EXPECT_MSG_EQ(MmsSmsUdlCountsSeptets(d.dataCoding), false, "0xF5 is 8-bit");
            NS_TEST_EXPECT_MSG_EQ(d.userData.size(), (i == 0 ? 140u : 60u), "TP-UDL");
            MmsWdpSmsSegment s;
            NS_TEST_ASSERT_MSG_EQ(
                MmsWdpSmsSegment::Decode(d.userData.data(), d.userData.size(), s, e),
                true,
                e.ToString());
            NS_TEST_EXPECT_MSG_EQ(s.destinationPort, 2948, "WAP Push port");
            NS_TEST_EXPECT_MSG_EQ(s.sourcePort, 9200, "WSP port");
            NS_TEST_EXPECT_MSG_EQ(s.reference16Bit, false, "8-bit reference");
            NS_TEST_EXPECT_MSG_EQ(s.reference, 150, "reference as published");
            NS_TEST_EXPECT_MSG_EQ(unsigned(s.sequence), i + 1u, "sequence");
            si.insert(si.end(), s.payload.begin(), s.payload.end());
        }
        // python-messaging's expected datagram: 01 06 0b 03 ae 81 ea ... "Team" 00 01 01.
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(std::vector<uint8_t>(si.begin(), si.begin() + 7)),
                              "01060b03ae81ea",
                              "WSP Push, application/vnd.wap.sic");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(std::vector<uint8_t>(si.end() - 7, si.end())),
                              "5465616d000101",
                              "datagram end");

        // The dreamfabric.com example: +31641600986, "How are you?" in 12 septets packed into
        // 11 octets, 2002-08-26 19:37:41 with the zone octet 0x08 (sign set, zero quarters).
        std::vector<uint8_t> t = Tpdu(DELIVER_7BIT);
        MmsSmsDeliver d;
        NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(d.originator, "+31641600986", "international TP-OA");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), 12u, "TP-UDL in septets");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.userDataSeptets), 12u, "septets kept");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(d.userData), "c8f71d14969741f977fd07", "11 octets");
        NS_TEST_EXPECT_MSG_EQ(d.moreMessagesToSend, false, "TP-MMS set: no more messages");
        NS_TEST_EXPECT_MSG_EQ(d.serviceCentreTime, Utc(2002, 8, 26, 19, 37, 41), "TP-SCTS");
        NS_TEST_EXPECT_MSG_EQ(d.timeZoneQuarters, 0, "minus zero is zero");

        // UCS2 "中兴通讯" from +34610789702, 2008-06-24 09:22:04 at +2 h (zone octet 0x80).
        t = Tpdu(DELIVER_UCS2);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(d.originator, "+34610789702", "TP-OA");
        NS_TEST_EXPECT_MSG_EQ(
            (MmsSmsGetAlphabet(d.dataCoding) == MmsSmsAlphabet::UCS2), true, "UCS2");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(d.userData), "4e2d5174901a8baf", "TP-UDL 8 octets");
        NS_TEST_EXPECT_MSG_EQ(d.timeZoneQuarters, 8, "+2 h");
        NS_TEST_EXPECT_MSG_EQ(d.serviceCentreTime, Utc(2008, 6, 24, 7, 22, 4), "UTC");

        // Time zones: python-messaging states the UTC time of these two.
        t = Tpdu(DELIVER_GMT_PLUS_1); // 2009-09-01 17:41:32 at +1 h
        NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(d.originator, "+447917267410", "TP-OA");
        NS_TEST_EXPECT_MSG_EQ(d.timeZoneQuarters, 4, "+1 h: zone octet 0x40");
        NS_TEST_EXPECT_MSG_EQ(d.serviceCentreTime, Utc(2009, 9, 1, 16, 41, 32), "16:41:32 UTC");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), 10u, "10 septets");
        NS_TEST_EXPECT_MSG_EQ(d.userData.size(), 9u, "in 9 octets");
        t = Tpdu(DELIVER_GMT_MINUS_3); // 2010-09-11 15:10:11 at -3 h
        NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(d.originator, "+7588", "short international TP-OA");
        NS_TEST_EXPECT_MSG_EQ(unsigned(t[StampOffset(4) + 6]), 0x29u, "zone octet");
        NS_TEST_EXPECT_MSG_EQ(d.timeZoneQuarters, -12, "-3 h: sign bit and 12 quarters");
        NS_TEST_EXPECT_MSG_EQ(d.serviceCentreTime, Utc(2010, 9, 11, 18, 10, 11), "18:10:11 UTC");
        NS_TEST_EXPECT_MSG_EQ(d.userData.size(), 106u, "121 septets in 106 octets");

        // Alphanumeric originators (type 0xD0), odd and even numbers of semi-octets.
        t = Tpdu(DELIVER_ALPHA_ODD);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(d.originator, "FONIC", "9 semi-octets, 5 characters");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.originatorType), 0xD0u, "alphanumeric");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), 147u, "147 septets");
        NS_TEST_EXPECT_MSG_EQ(d.userData.size(), 129u, "in 129 octets");
        t = Tpdu(DELIVER_ALPHA_EVEN);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(d.originator, "www.tim.it", "18 semi-octets, 10 characters");

        // A concatenated 7-bit message: TP-OA "12220" type 0x85, TP-PID 0x39, TP-DCS 0xF1
        // (7-bit, class 1); the user data header is counted in the 160 and 79 septets.
        const char* german[] = {DELIVER_GERMAN_1, DELIVER_GERMAN_2};
        for (uint8_t i = 0; i < 2; ++i)
        {
            t = Tpdu(german[i]);
            NS_TEST_ASSERT_MSG_EQ(
                MmsSmsDeliver::Decode(t.data(), t.size(), d, e), true, e.ToString());
            NS_TEST_EXPECT_MSG_EQ(d.originator, "12220", "odd digit count, filler");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.originatorType), 0x85u, "type of address");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.protocolId), 0x39u, "TP-PID");
            NS_TEST_EXPECT_MSG_EQ(MmsSmsUdlCountsSeptets(d.dataCoding), true, "0xF1 is 7-bit");
            NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), (i == 0 ? 160u : 79u), "UDL");
            NS_TEST_EXPECT_MSG_EQ(d.userData.size(), (i == 0 ? 140u : 70u), "octets");
            MmsWdpSmsSegment s;
            NS_TEST_ASSERT_MSG_EQ(
                MmsWdpSmsSegment::Decode(d.userData.data(), d.userData.size(), s, e),
                true,
                e.ToString());
            NS_TEST_EXPECT_MSG_EQ(s.hasPorts, false, "no ports");
            NS_TEST_EXPECT_MSG_EQ(s.reference, 25, "reference 25");
            NS_TEST_EXPECT_MSG_EQ(unsigned(s.total) * 10 + s.sequence, 21u + i, "i of 2");
        }

        // An SMS-STATUS-REPORT is not an SMS-DELIVER.
        t = Tpdu(STATUS_REPORT);
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(t.data(), t.size(), d, e), false, "MTI 10");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(),
                              "offset 0 (TP-MTI): message type 2 (SMS-STATUS-REPORT) is not "
                              "SMS-DELIVER (0)",
                              "located error");
    }
};

/// Published SMS-SUBMITs, decoded and encoded.
class SmsTpduPublishedSubmitTestCase : public TestCase
{
  public:
    SmsTpduPublishedSubmitTestCase()
        : TestCase("published SMS-SUBMIT TPDUs decode, re-encode exactly and are encoded alike")
    {
    }

  private:
    void DoRun() override
    {
        for (const char* hex : PUBLISHED_SUBMITS)
        {
            std::vector<uint8_t> t = Tpdu(hex);
            NS_TEST_ASSERT_MSG_GT(t.size(), 0u, "vector parses");
            MmsSmsSubmit s;
            MmsDecodeError e;
            NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), s, e),
                                  true,
                                  e.ToString() << " in " << hex);
            if (hex != SUBMIT_ABSOLUTE_VP)
            {
                NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s.Encode()), MmsWspToHex(t), "octet for octet");
            }
        }

        // "hola" to +34616585119 with a relative validity of 4 days (TP-VP 0xAA), built from
        // values: the encoder writes python-messaging's octets.
        MmsSmsSubmit s;
        s.destination = "+34616585119";
        s.dataCoding = 0x00;
        s.hasValidityPeriod = true;
        s.validityPeriodSeconds = 4 * 86400;
        s.userData = Hex("e8373b0c");
        s.userDataSeptets = 4;
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s.Encode()),
                              MmsWspToHex(Tpdu(SUBMIT_RELATIVE_VP)),
                              "SMS-SUBMIT with TP-VPF 10");
        s.hasValidityPeriod = false;
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s.Encode()), MmsWspToHex(Tpdu(SUBMIT_NO_VP)), "no TP-VP");

        // The absolute validity period (TP-VPF 11, seven octets) is skipped: the rest decodes,
        // and the TPDU re-encodes without a validity period.
        std::vector<uint8_t> t = Tpdu(SUBMIT_ABSOLUTE_VP);
        MmsSmsSubmit b;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(b.hasValidityPeriod, false, "absolute TP-VP not kept");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(b.userData), "e8373b0c", "TP-UD after the TP-VP");
        NS_TEST_EXPECT_MSG_EQ((b == s), true, "same values as without TP-VP");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(b.Encode()), MmsWspToHex(Tpdu(SUBMIT_NO_VP)), "re-encoded");

        t = Tpdu(SUBMIT_RELATIVE_VP);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(b.hasValidityPeriod, true, "TP-VPF 10");
        NS_TEST_EXPECT_MSG_EQ(b.validityPeriodSeconds, 345600u, "TP-VP 0xAA: 4 days");
        NS_TEST_EXPECT_MSG_EQ(b.destination, "+34616585119", "TP-DA");
        NS_TEST_EXPECT_MSG_EQ(unsigned(b.messageReference), 0u, "TP-MR");

        t = Tpdu(SUBMIT_CLASS_0);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(unsigned(b.dataCoding), 0x10u, "class 0");
        NS_TEST_EXPECT_MSG_EQ(b.userData.size(), 6u, "6 septets in 6 octets");
        t = Tpdu(SUBMIT_STATUS_REQUEST);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(b.statusReportRequest, true, "TP-SRR");
        NS_TEST_EXPECT_MSG_EQ(b.rejectDuplicates, false, "TP-RD");
        t = Tpdu(SUBMIT_LATIN);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(unsigned(b.GetUserDataLength()), 9u, "9 septets");
        NS_TEST_EXPECT_MSG_EQ(b.userData.size(), 8u, "in 8 octets");

        // 8-bit data to a national number (type 0x81, odd digit count).
        t = Tpdu(SUBMIT_8BIT);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(b.destination, "01000000000", "national TP-DA");
        NS_TEST_EXPECT_MSG_EQ(unsigned(b.destinationType), 0x81u, "type 0x81");
        NS_TEST_EXPECT_MSG_EQ(
            std::string(b.userData.begin(), b.userData.end()), "Hi there...", "8-bit TP-UD");
        s = MmsSmsSubmit();
        s.destination = "01000000000";
        s.userData = b.userData;
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s.Encode()), MmsWspToHex(t), "encoded from values");

        t = Tpdu(SUBMIT_UCS2);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(b.destination, "655345678", "TP-DA");
        NS_TEST_EXPECT_MSG_EQ(b.userData.size(), 14u, "UCS2: TP-UDL in octets");

        // A concatenated 7-bit SMS-SUBMIT: 160 septets (140 octets) with the header, 8-bit
        // reference 136, 3 parts; the last part has 20 septets in 18 octets.
        const char* parts[] = {SUBMIT_MULTIPART_1, SUBMIT_MULTIPART_3};
        for (uint8_t i = 0; i < 2; ++i)
        {
            t = Tpdu(parts[i]);
            NS_TEST_ASSERT_MSG_EQ(
                MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
            NS_TEST_EXPECT_MSG_EQ(b.userDataHeaderIndicator, true, "TP-UDHI");
            NS_TEST_EXPECT_MSG_EQ(unsigned(b.GetUserDataLength()), (i == 0 ? 160u : 20u), "UDL");
            NS_TEST_EXPECT_MSG_EQ(b.userData.size(), (i == 0 ? 140u : 18u), "octets");
            MmsWdpSmsSegment seg;
            NS_TEST_ASSERT_MSG_EQ(
                MmsWdpSmsSegment::Decode(b.userData.data(), b.userData.size(), seg, e),
                true,
                e.ToString());
            NS_TEST_EXPECT_MSG_EQ(seg.reference, 136, "reference");
            NS_TEST_EXPECT_MSG_EQ(unsigned(seg.sequence), (i == 0 ? 1u : 3u), "sequence");
        }

        // TP-UDL 7 septets in 7 octets: the septet count is kept, since 7 octets could also
        // hold 8 septets; without it the encoder would write the larger count.
        t = Tpdu(SUBMIT_SEVEN_SEPTETS);
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(b.destination, "+34606575119", "TP-DA");
        NS_TEST_EXPECT_MSG_EQ(unsigned(b.userDataSeptets), 7u, "7 septets");
        b.userDataSeptets = 0;
        NS_TEST_EXPECT_MSG_EQ(unsigned(b.GetUserDataLength()), 8u, "7 octets hold 8 septets");
        MmsSmsSubmit c;
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(t.data(), t.size(), c, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ((b == c), false, "a different TP-UDL is a different value");
    }
};

/// Octets worked out by hand from TS 23.040.
class SmsTpduHandCheckedTestCase : public TestCase
{
  public:
    SmsTpduHandCheckedTestCase()
        : TestCase("hand-checked addresses, time stamps, flags and reports")
    {
    }

  private:
    void DoRun() override
    {
        // SMS-DELIVER with a WDP port header: first octet 44 = TP-MTI 00, TP-MMS 1 (no more),
        // TP-UDHI; TP-OA 12 digits, international (91), semi-octets swapped; PID 00;
        // DCS 04; TP-SCTS 2026-01-01 00:00:00 +00 = 62 10 10 00 00 00 00; UDL 9; UDHL 6, IE 05
        // (16-bit ports) 4: 0b84 (2948) 23f0 (9200), "ab".
        MmsSmsDeliver d;
        d.originator = "+447700900123";
        d.serviceCentreTime = Utc(2026, 1, 1, 0, 0, 0);
        d.userDataHeaderIndicator = true;
        d.userData = Hex("06 0504 0b84 23f0 6162");
        std::vector<uint8_t> expected =
            Hex("44 0c91 447700091032 00 04 62101000000000 09 0605040b8423f06162");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(d.Encode()), MmsWspToHex(expected), "SMS-DELIVER");
        MmsSmsDeliver back;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsSmsDeliver::Decode(expected.data(), expected.size(), back, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ((back == d), true, "decodes to the same values");
        MmsWdpSmsSegment seg;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWdpSmsSegment::Decode(back.userData.data(), back.userData.size(), seg, e),
            true,
            e.ToString());
        NS_TEST_EXPECT_MSG_EQ(seg.destinationPort, 2948, "WAP Push port");
        NS_TEST_EXPECT_MSG_EQ(seg.sourcePort, 9200, "WSP port");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(seg.payload), "6162", "payload");

        // TP-MMS is inverted on the wire: bit 2 set means no more messages.
        d.moreMessagesToSend = true;
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.Encode()[0]), 0x40u, "more messages: bit 2 clear");
        d.moreMessagesToSend = false;
        d.statusReportIndication = true;
        d.replyPath = true;
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.Encode()[0]), 0xE4u, "TP-RP, TP-UDHI, TP-SRI, TP-MMS");

        // Addresses (9.1.2.5): "12345" unknown type 0x81 with a filler; an even count; the
        // semi-octets 0xA-0xE for * # a b c; a national number (type 0xA1) by the type hint.
        struct Address
        {
            std::string text;
            uint8_t type;
            std::string octets;
        };

        const Address addresses[] = {
            {"12345", 0, "0581 2143f5"},
            {"+447700900123", 0, "0c91 447700091032"},
            {"+44770090012", 0, "0b91 4477000910f2"}, // odd: filler f
            {"*#abc0", 0, "0681 badc0e"},
            {"0612345678", 0xA1, "0aa1 6021436587"},
            {"", 0, "0081"},
            {"+", 0, "0091"},
            {"FONIC", 0, "09d0 c6a7333904"},              // as DELIVER_ALPHA_ODD
            {"www.tim.it", 0, "12d0 f7fbdd454fb75d693a"}, // as DELIVER_ALPHA_EVEN
            {"\xe2\x82\xac"
             "5",
             0,
             "06d0 9b720d"},                 // euro sign: escape 1b, 65; then 35
            {"1234", 0xD0, "07d0 31d98c06"}, // alphanumeric by the type hint
        };
        for (const auto& a : addresses)
        {
            MmsSmsDeliver x;
            x.originator = a.text;
            x.originatorType = a.type;
            std::vector<uint8_t> w = x.Encode();
            std::vector<uint8_t> want = Hex(a.octets);
            NS_TEST_EXPECT_MSG_EQ(
                MmsWspToHex(std::vector<uint8_t>(w.begin() + 1, w.begin() + 1 + want.size())),
                MmsWspToHex(want),
                "TP-OA of \"" << a.text << "\"");
            MmsSmsDeliver y;
            NS_TEST_ASSERT_MSG_EQ(
                MmsSmsDeliver::Decode(w.data(), w.size(), y, e), true, e.ToString());
            NS_TEST_EXPECT_MSG_EQ(y.originator, a.text, "decoded back");
            NS_TEST_EXPECT_MSG_EQ(unsigned(y.originatorType), unsigned(want[1]), "type");
        }
        // What the format cannot carry is clamped: 20 digits, 11 characters, '?' for a
        // character outside the GSM alphabet (here U+0150).
        d = MmsSmsDeliver();
        d.originator = "+1234567890123456789012345";
        std::vector<uint8_t> w = d.Encode();
        NS_TEST_ASSERT_MSG_EQ(
            MmsSmsDeliver::Decode(w.data(), w.size(), back, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(back.originator, "+12345678901234567890", "cut at 20 digits");
        d.originator = "Twelve chars";
        w = d.Encode();
        NS_TEST_ASSERT_MSG_EQ(
            MmsSmsDeliver::Decode(w.data(), w.size(), back, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(back.originator, "Twelve char", "cut at 11 characters");
        d.originator = "\xc5\x90x";
        w = d.Encode();
        NS_TEST_ASSERT_MSG_EQ(
            MmsSmsDeliver::Decode(w.data(), w.size(), back, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(back.originator, "?x", "replaced");

        // Malformed addresses are located errors.
        struct Bad
        {
            std::string tpdu;
            std::string error;
        };

        const Bad bad[] = {
            {"04 1e91 0000",
             "offset 1 (TP-OA): address length 30 exceeds the 20 semi-octets of "
             "10 octets"},
            {"04 0b91 134661",
             "offset 1 (TP-OA): address of 11 semi-octets needs 6 octets, 3 "
             "present"},
            {"04 0491 f132 00 04 62101000000000 00",
             "offset 3 (TP-OA): filler semi-octet 0xf in place of digit 2 of 4"},
            {"04 02d0 1b 00 04 62101000000000 00",
             "offset 3 (TP-OA): alphanumeric address ends with an escape (0x1b)"},
            {"04 04d0 9b01 00 04 62101000000000 00",
             "offset 3 (TP-OA): alphanumeric address: escape to 0x03, not in the GSM 7-bit "
             "extension table"},
            {"04", "offset 1 (TP-OA): missing: the TPDU ends here"},
            {"", "offset 0 (TP-MTI): missing: the TPDU ends here"},
        };
        for (const auto& b : bad)
        {
            std::vector<uint8_t> v = Hex(b.tpdu);
            NS_TEST_EXPECT_MSG_EQ(
                MmsSmsDeliver::Decode(v.data(), v.size(), back, e), false, b.tpdu);
            NS_TEST_EXPECT_MSG_EQ(e.ToString(), b.error, b.tpdu);
        }

        // TP-SCTS (9.2.3.11), the example of dreamfabric.com quoted by python-messaging's
        // test_converting_datetime_to_validity: 1999-02-12 05:57:30 at GMT+3 is
        // 99 20 21 50 75 03 21, at GMT-3 ... 29, at GMT ... 00.
        struct Stamp
        {
            int64_t utc;
            int quarters;
            std::string octets;
        };

        const Stamp stamps[] = {
            {Utc(1999, 2, 12, 2, 57, 30), 12, "99202150750321"},
            {Utc(1999, 2, 12, 8, 57, 30), -12, "99202150750329"},
            {Utc(1999, 2, 12, 5, 57, 30), 0, "99202150750300"},
            // Across midnight and the year: 2026-01-01 00:30 UTC at -2 h is 2025-12-31 22:30.
            {Utc(2026, 1, 1, 0, 30, 0), -8, "52211322030088"},
            // +5:45 (Nepal) is 23 quarters: swapped 32; 2024-02-29 exists.
            {Utc(2024, 2, 29, 12, 0, 0), 23, "42209271540032"},
            // The ends of the two-digit years (POSIX %y): 69 is 1969, 68 is 2068.
            {Utc(1969, 1, 1, 0, 0, 0), 0, "96101000000000"},
            {Utc(2068, 12, 31, 23, 59, 59), 0, "86211332959500"},
        };
        for (const auto& s : stamps)
        {
            d = MmsSmsDeliver();
            d.originator = "1";
            d.serviceCentreTime = s.utc;
            d.timeZoneQuarters = s.quarters;
            w = d.Encode();
            NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(std::vector<uint8_t>(w.begin() + StampOffset(1),
                                                                   w.begin() + StampOffset(1) + 7)),
                                  s.octets,
                                  "TP-SCTS of " << s.utc << " at " << s.quarters);
            NS_TEST_ASSERT_MSG_EQ(
                MmsSmsDeliver::Decode(w.data(), w.size(), back, e), true, e.ToString());
            NS_TEST_EXPECT_MSG_EQ(back.serviceCentreTime, s.utc, "same instant");
            NS_TEST_EXPECT_MSG_EQ(back.timeZoneQuarters, s.quarters, "same zone");
        }
        // Outside 1969-2068 the local time is clamped.
        d.serviceCentreTime = Utc(2100, 6, 1, 0, 0, 0);
        d.timeZoneQuarters = 200;
        w = d.Encode();
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(std::vector<uint8_t>(w.begin() + StampOffset(1),
                                                               w.begin() + StampOffset(1) + 7)),
                              "86211332959597",
                              "clamped at 2068 and +79 quarters");

        const Bad stampErrors[] = {
            {"99312150750321", "offset 7 (TP-SCTS): month 13 is out of range"},
            {"42200300000000",
             "offset 8 (TP-SCTS): day 30 is out of range (month 2 of 2024 has "
             "29 days)"},
            {"32209200000000",
             "offset 8 (TP-SCTS): day 29 is out of range (month 2 of 2023 has "
             "28 days)"},
            {"99202142750321", "offset 9 (TP-SCTS): hour 24 is out of range"},
            {"9920215a750321", "offset 9 (TP-SCTS): hour 0x5a is not two decimal semi-octets"},
            {"992021507503a1",
             "offset 12 (TP-SCTS): time zone 0xa1 is not two decimal "
             "semi-octets"},
            {"99200050750321",
             "offset 8 (TP-SCTS): day 0 is out of range (month 2 of 1999 has "
             "28 days)"},
        };
        for (const auto& b : stampErrors)
        {
            std::vector<uint8_t> v = Hex("04 0181 f1 00 04" + b.tpdu + "00");
            NS_TEST_EXPECT_MSG_EQ(
                MmsSmsDeliver::Decode(v.data(), v.size(), back, e), false, b.tpdu);
            NS_TEST_EXPECT_MSG_EQ(e.ToString(), b.error, b.tpdu);
        }
        std::vector<uint8_t> leap = Hex("04 0181 f1 00 04 42209200000000 00");
        NS_TEST_EXPECT_MSG_EQ(
            MmsSmsDeliver::Decode(leap.data(), leap.size(), back, e), true, "2024-02-29 exists");

        // SMS-DELIVER-REPORT (9.2.2.1a): RP-ACK form 00 00; RP-ERROR form with TP-FCS D2
        // ("error in MS") or D3 ("memory capacity exceeded").
        MmsSmsDeliverReport r;
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(r.Encode()), "0000", "RP-ACK form");
        r.isError = true;
        r.failureCause = 0xD2;
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(r.Encode()), "00d200", "RP-ERROR form");
        std::vector<uint8_t> v = Hex("00d300");
        MmsSmsDeliverReport rb;
        NS_TEST_ASSERT_MSG_EQ(
            MmsSmsDeliverReport::Decode(v.data(), v.size(), true, rb, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(unsigned(rb.failureCause), 0xD3u, "TP-FCS");
        NS_TEST_EXPECT_MSG_EQ(unsigned(rb.parameterIndicator), 0u, "TP-PI");
        v = Hex("0000");
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliverReport::Decode(v.data(), v.size(), true, rb, e),
                              false,
                              "RP-ERROR form needs TP-FCS and TP-PI");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(), "offset 2 (TP-PI): missing: the TPDU ends here", "");
        v = Hex("01 00");
        NS_TEST_EXPECT_MSG_EQ(
            MmsSmsDeliverReport::Decode(v.data(), v.size(), false, rb, e), false, "TP-MTI 01");
        NS_TEST_EXPECT_MSG_EQ(e.field, "TP-MTI", e.ToString());
        // Optional parameters: TP-PI 07 with TP-PID 7F (SIM data download), TP-DCS F6 (8-bit,
        // class 2) and three octets of user data; an extension TP-PI octet is skipped.
        v = Hex("00 87 00 7f f6 03 010203");
        NS_TEST_ASSERT_MSG_EQ(
            MmsSmsDeliverReport::Decode(v.data(), v.size(), false, rb, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(unsigned(rb.parameterIndicator), 0x07u, "extension bit dropped");
        NS_TEST_EXPECT_MSG_EQ(unsigned(rb.protocolId), 0x7Fu, "TP-PID");
        NS_TEST_EXPECT_MSG_EQ(unsigned(rb.dataCoding), 0xF6u, "TP-DCS");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(rb.userData), "010203", "TP-UD");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(rb.Encode()), "00077ff603010203", "re-encoded");
        // TP-UDL without TP-DCS counts septets (TP-DCS 0x00 assumed, 9.2.3.27): 8 in 7 octets.
        v = Hex("00 04 08 c8f71d14969741");
        NS_TEST_ASSERT_MSG_EQ(
            MmsSmsDeliverReport::Decode(v.data(), v.size(), false, rb, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(rb.userData.size(), 7u, "8 septets in 7 octets");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(rb.Encode()), MmsWspToHex(v), "re-encoded");
        // TP-UD of a report: up to 159 octets with RP-ACK, 158 with RP-ERROR.
        r = MmsSmsDeliverReport();
        r.parameterIndicator = 0x06;
        r.dataCoding = 0x04;
        r.userData.assign(159, 0x55);
        v = r.Encode();
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliverReport::Decode(v.data(), v.size(), false, rb, e),
                              true,
                              "159 octets in RP-ACK");
        NS_TEST_EXPECT_MSG_EQ((rb == r), true, "same report");
        r.isError = true;
        v = r.Encode();
        NS_TEST_EXPECT_MSG_EQ(v.size(), 1u + 1 + 1 + 1 + 1 + 158, "cut to 158 octets");
        v[4] = 159; // TP-UDL 159, and one more octet
        v.push_back(0x55);
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliverReport::Decode(v.data(), v.size(), true, rb, e),
                              false,
                              "159 octets in RP-ERROR");
        NS_TEST_EXPECT_MSG_EQ(
            e.ToString(), "offset 4 (TP-UDL): 159 octets exceed the 158 octets of TP-UD", "");
    }
};

/// TP-DCS and TP-UDL: septets or octets.
class SmsTpduUserDataLengthTestCase : public TestCase
{
  public:
    SmsTpduUserDataLengthTestCase()
        : TestCase("TP-UDL counts septets for 7-bit text and octets otherwise")
    {
    }

  private:
    void DoRun() override
    {
        // TS 23.038 4: which TP-DCS values make TP-UDL count septets.
        const std::pair<uint8_t, bool> septets[] = {
            {0x00, true},  // general, GSM 7-bit
            {0x04, false}, // general, 8-bit
            {0x08, false}, // general, UCS2
            {0x0C, true},  // general, reserved alphabet: taken as GSM 7-bit
            {0x10, true},  // general with class 0, 7-bit
            {0x16, false}, // class 2, 8-bit
            {0x20, false}, // compressed 7-bit: TP-UDL counts octets
            {0x44, false}, // automatic deletion group, 8-bit
            {0x40, true},  // automatic deletion group, 7-bit
            {0x80, true},  // reserved group: GSM 7-bit
            {0xC0, true},  // message waiting, discard
            {0xD8, true},  // message waiting, store, 7-bit
            {0xE8, false}, // message waiting, store, UCS2
            {0xF0, true},  // data coding / class, 7-bit
            {0xF5, false}, // data coding / class, 8-bit
        };
        for (const auto& [dcs, sept] : septets)
        {
            NS_TEST_EXPECT_MSG_EQ(MmsSmsUdlCountsSeptets(dcs), sept, "TP-DCS " << unsigned(dcs));
        }
        NS_TEST_EXPECT_MSG_EQ(
            (MmsSmsGetAlphabet(0x20) == MmsSmsAlphabet::GSM_7BIT), true, "compressed");
        NS_TEST_EXPECT_MSG_EQ(MmsSmsIsCompressed(0x20), true, "bit 5");
        NS_TEST_EXPECT_MSG_EQ(MmsSmsIsCompressed(0xF0), false, "not in group 1111");
        NS_TEST_EXPECT_MSG_EQ(
            (MmsSmsGetAlphabet(0xE0) == MmsSmsAlphabet::UCS2), true, "group 1110");

        // Octets of TP-UD: ceil(udl * 7 / 8) septets.
        const std::pair<uint8_t, std::size_t> octets[] = {
            {0, 0}, {1, 1}, {7, 7}, {8, 7}, {9, 8}, {16, 14}, {153, 134}, {160, 140}};
        for (const auto& [udl, n] : octets)
        {
            NS_TEST_EXPECT_MSG_EQ(MmsSmsUserDataOctets(0x00, udl), n, udl << " septets");
            NS_TEST_EXPECT_MSG_EQ(MmsSmsUserDataOctets(0x04, udl), udl, udl << " octets");
        }

        // The error the codec gives for short user data, in octets and in septets.
        std::vector<uint8_t> v = Hex("04 0181 f1 00 04 62101000000000 8c 000102030405060708090a0b");
        MmsSmsDeliver d;
        MmsDecodeError e;
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "short");
        NS_TEST_EXPECT_MSG_EQ(
            e.ToString(), "offset 13 (TP-UDL): 140 octets announced, 12 present", "octets");
        v[5] = 0x00;  // TP-DCS 7-bit
        v[13] = 0xA0; // 160 septets
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "short");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(),
                              "offset 13 (TP-UDL): 160 septets (140 octets) announced, 12 present",
                              "septets");
        v[13] = 0x0E; // 14 septets: 13 octets
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "13 octets");
        v[13] = 0x0D; // 13 septets: 12 octets, exactly what is there
        NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(d.userData.size(), 12u, "kept as carried, not unpacked");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(d.Encode()), MmsWspToHex(v), "TP-UDL 13 written back");
        v.push_back(0x00);
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "trailing");
        NS_TEST_EXPECT_MSG_EQ(
            e.ToString(), "offset 26 (TP-UD): 1 octet after the end of the TPDU", "located");

        // More than 140 octets: refused when decoding, cut when encoding.
        v = Hex("04 0181 f1 00 04 62101000000000 8d");
        v.resize(v.size() + 141, 0x20);
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "141 octets");
        NS_TEST_EXPECT_MSG_EQ(e.message, "141 octets exceed the 140 octets of TP-UD", "");
        v[5] = 0x00;
        v[13] = 0xA1;
        NS_TEST_EXPECT_MSG_EQ(
            MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "161 septets");
        NS_TEST_EXPECT_MSG_EQ(
            e.message, "161 septets (141 octets) exceed the 140 octets of TP-UD", "");
        d = MmsSmsDeliver();
        d.userData.assign(150, 0x41);
        v = d.Encode();
        NS_TEST_EXPECT_MSG_EQ(unsigned(v[StampOffset(0) + 7]), 140u, "TP-UDL cut to 140");
        NS_TEST_EXPECT_MSG_EQ(v.size(), StampOffset(0) + 8 + 140, "TP-UD cut to 140");
        d.dataCoding = 0x00;
        v = d.Encode();
        NS_TEST_EXPECT_MSG_EQ(unsigned(v[StampOffset(0) + 7]), 160u, "160 septets at most");
        MmsSmsSubmit s;
        s.userData.assign(141, 0x41);
        NS_TEST_EXPECT_MSG_EQ(s.Encode().size(), 7u + 140, "SMS-SUBMIT cut too");

        // The septet count: 7 octets hold 7 or 8 septets; both are carried.
        d = MmsSmsDeliver();
        d.dataCoding = 0x00;
        d.userData = Hex("f0b2fc0dcabf01");
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), 8u, "by default the most septets");
        d.userDataSeptets = 7;
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), 7u, "as set");
        d.userDataSeptets = 9; // inconsistent with 7 octets: ignored
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), 8u, "inconsistent count");
        d.dataCoding = 0x04;
        d.userDataSeptets = 7;
        NS_TEST_EXPECT_MSG_EQ(unsigned(d.GetUserDataLength()), 7u, "octets for 8-bit data");

        // TP-UDHI: the header (UDHL and its octets) must fit TP-UD, in septets for 7-bit text.
        v = Hex("44 0181 f1 00 04 62101000000000 07 06050400000000");
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), true, "7 of 7");
        v[14] = 0x07;
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "8 of 7");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(),
                              "offset 14 (TP-UDHL): user data header of 8 octets (UDHL "
                              "included) exceeds the 7 octets of TP-UD",
                              "");
        v[5] = 0x00; // 7 septets = 49 bits: a 6-octet header (48 bits) fits, 7 octets not
        v[14] = 0x05;
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), true, "6 octets");
        v[14] = 0x06;
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "7 octets");
        NS_TEST_EXPECT_MSG_EQ(e.field, "TP-UDHL", e.ToString());
        v = Hex("44 0181 f1 00 04 62101000000000 00");
        NS_TEST_EXPECT_MSG_EQ(MmsSmsDeliver::Decode(v.data(), v.size(), d, e), false, "no TP-UD");
        NS_TEST_EXPECT_MSG_EQ(e.field, "TP-UDHI", e.ToString());
    }
};

/// TP-VP, relative format (9.2.3.12.1).
class SmsTpduValidityTestCase : public TestCase
{
  public:
    SmsTpduValidityTestCase()
        : TestCase("relative validity period: table, rounding up, clamping")
    {
    }

  private:
    void DoRun() override
    {
        // The boundaries of the four ranges.
        const std::pair<uint8_t, uint32_t> table[] = {{0, 5 * 60},
                                                      {1, 10 * 60},
                                                      {143, 12 * 3600},
                                                      {144, 12 * 3600 + 1800},
                                                      {145, 13 * 3600},
                                                      {167, 24 * 3600},
                                                      {168, 2 * 86400},
                                                      {196, 30 * 86400},
                                                      {197, 5 * 7 * 86400},
                                                      {255, 63 * 7 * 86400}};
        for (const auto& [vp, seconds] : table)
        {
            NS_TEST_EXPECT_MSG_EQ(
                MmsSmsSubmit::RelativeValidityToSeconds(vp), seconds, "TP-VP " << unsigned(vp));
            NS_TEST_EXPECT_MSG_EQ(unsigned(MmsSmsSubmit::SecondsToRelativeValidity(seconds)),
                                  unsigned(vp),
                                  "exactly " << seconds << " s");
        }
        // Every TP-VP against the formulas of the specification.
        for (unsigned n = 0; n <= 255; ++n)
        {
            uint32_t want = n <= 143   ? (n + 1) * 300
                            : n <= 167 ? 43200 + (n - 143) * 1800
                            : n <= 196 ? (n - 166) * 86400
                                       : (n - 192) * 604800;
            NS_TEST_EXPECT_MSG_EQ(MmsSmsSubmit::RelativeValidityToSeconds(uint8_t(n)), want, n);
            NS_TEST_EXPECT_MSG_EQ(unsigned(MmsSmsSubmit::SecondsToRelativeValidity(want)), n, n);
            // One second more needs the next value (rounded up, never down).
            if (n < 255)
            {
                NS_TEST_EXPECT_MSG_EQ(unsigned(MmsSmsSubmit::SecondsToRelativeValidity(want + 1)),
                                      n + 1,
                                      "just above TP-VP " << n);
            }
        }
        // Between the table's values: the smallest TP-VP that is at least as long.
        const std::pair<uint32_t, uint8_t> rounding[] = {{0, 0},
                                                         {1, 0},
                                                         {301, 1},
                                                         {6 * 60, 1},
                                                         {43201, 144},
                                                         {86399, 167},
                                                         {86401, 168},
                                                         {100000, 168},
                                                         {2592001, 197},
                                                         {3000000, 197},
                                                         {38102401, 255},
                                                         {0xFFFFFFFFu, 255}};
        for (const auto& [seconds, vp] : rounding)
        {
            NS_TEST_EXPECT_MSG_EQ(unsigned(MmsSmsSubmit::SecondsToRelativeValidity(seconds)),
                                  unsigned(vp),
                                  seconds << " s");
        }

        // In a TPDU: TP-VPF 10 and one octet; 24 h is A7; 301 s is written as 10 minutes.
        MmsSmsSubmit s;
        s.destination = "+447700900002";
        s.hasValidityPeriod = true;
        s.validityPeriodSeconds = 86400;
        s.userDataHeaderIndicator = true;
        s.userData = Hex("00");
        std::vector<uint8_t> expected = Hex("51 00 0c91 447700090020 00 04 a7 01 00");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s.Encode()), MmsWspToHex(expected), "SMS-SUBMIT");
        s.validityPeriodSeconds = 301;
        std::vector<uint8_t> w = s.Encode();
        MmsSmsSubmit b;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(w.data(), w.size(), b, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(b.validityPeriodSeconds, 600u, "rounded up to 10 minutes");
        NS_TEST_EXPECT_MSG_EQ((b == s), false, "301 s is not 600 s");
        s.validityPeriodSeconds = 600;
        NS_TEST_EXPECT_MSG_EQ((b == s), true, "600 s");
        // TP-VPF 01 (enhanced) needs its seven octets.
        std::vector<uint8_t> enhanced = Hex("09 00 0181 f1 00 04 01 02 03");
        NS_TEST_EXPECT_MSG_EQ(MmsSmsSubmit::Decode(enhanced.data(), enhanced.size(), b, e),
                              false,
                              "enhanced format cut short");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(), "offset 7 (TP-VP): 7 octets needed, 3 present", "");
    }
};

/// Truncations, trailing octets and corrupted octets.
class SmsTpduRobustnessTestCase : public TestCase
{
  public:
    SmsTpduRobustnessTestCase()
        : TestCase("every truncation is a located error; corrupted TPDUs never crash")
    {
    }

  private:
    /// Decode one kind of TPDU; on success check that it re-encodes to octets that decode to
    /// the same values (the fuzz target's oracle). Returns whether the input decoded.
    template<typename T>
    bool Check(const std::vector<uint8_t>& v, MmsDecodeError& e)
    {
        T t;
        if (!T::Decode(v.data(), v.size(), t, e))
        {
            NS_TEST_EXPECT_MSG_EQ(e.message.empty(), false, "an explained error");
            NS_TEST_EXPECT_MSG_EQ(e.field.empty(), false, "a named field");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(e.offset, v.size(), "an offset within the input");
            return false;
        }
        std::vector<uint8_t> w = t.Encode();
        T u;
        MmsDecodeError e2;
        NS_TEST_EXPECT_MSG_EQ(T::Decode(w.data(), w.size(), u, e2), true, e2.ToString());
        NS_TEST_EXPECT_MSG_EQ((u == t), true, "re-encoded TPDU decodes to the same values");
        return true;
    }

    bool CheckReport(const std::vector<uint8_t>& v, bool isError, MmsDecodeError& e)
    {
        MmsSmsDeliverReport r;
        if (!MmsSmsDeliverReport::Decode(v.data(), v.size(), isError, r, e))
        {
            NS_TEST_EXPECT_MSG_EQ(e.message.empty(), false, "an explained error");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(e.offset, v.size(), "an offset within the input");
            return false;
        }
        std::vector<uint8_t> w = r.Encode();
        MmsSmsDeliverReport u;
        MmsDecodeError e2;
        NS_TEST_EXPECT_MSG_EQ(
            MmsSmsDeliverReport::Decode(w.data(), w.size(), isError, u, e2), true, e2.ToString());
        NS_TEST_EXPECT_MSG_EQ((u == r), true, "report decodes to the same values");
        return true;
    }

    void DoRun() override
    {
        std::vector<std::vector<uint8_t>> delivers;
        std::vector<std::vector<uint8_t>> submits;
        for (const char* hex : PUBLISHED_DELIVERS)
        {
            delivers.push_back(Tpdu(hex));
        }
        for (const char* hex : PUBLISHED_SUBMITS)
        {
            submits.push_back(Tpdu(hex));
        }
        std::vector<std::vector<uint8_t>> acks = {Hex("0000"),
                                                  Hex("00077ff603010203"),
                                                  Hex("00 04 08 c8f71d14969741"),
                                                  Hex("40 04 04 02000000")};
        std::vector<std::vector<uint8_t>> errors = {Hex("00d200"), Hex("00d30102")};

        // Every proper prefix fails with a located error, never reading past its end (the
        // prefix is copied so that AddressSanitizer would see an overread); so does one more
        // octet at the end.
        MmsDecodeError e;
        uint64_t prefixes = 0;
        auto truncations = [&](const std::vector<uint8_t>& full, auto decodes)
        {
            NS_TEST_EXPECT_MSG_EQ(decodes(full), true, "the whole TPDU decodes");
            for (std::size_t n = 0; n < full.size(); ++n)
            {
                std::vector<uint8_t> prefix(full.begin(), full.begin() + n);
                NS_TEST_EXPECT_MSG_EQ(decodes(prefix), false, "prefix of " << n << " octets");
                ++prefixes;
            }
            std::vector<uint8_t> longer = full;
            longer.push_back(0x00);
            NS_TEST_EXPECT_MSG_EQ(decodes(longer), false, "an octet too many");
        };
        for (const auto& t : delivers)
        {
            truncations(t,
                        [&](const std::vector<uint8_t>& v)
                        {
                            return Check<MmsSmsDeliver>(v, e);
                        });
        }
        for (const auto& t : submits)
        {
            truncations(t,
                        [&](const std::vector<uint8_t>& v)
                        {
                            return Check<MmsSmsSubmit>(v, e);
                        });
        }
        for (const auto& t : acks)
        {
            truncations(t,
                        [&](const std::vector<uint8_t>& v)
                        {
                            return CheckReport(v, false, e);
                        });
        }
        for (const auto& t : errors)
        {
            truncations(t,
                        [&](const std::vector<uint8_t>& v)
                        {
                            return CheckReport(v, true, e);
                        });
        }
        NS_TEST_EXPECT_MSG_GT(prefixes, 1500u, "many prefixes tried");

        // Corrupted octets: decoding either fails with a located error or yields values that
        // survive re-encoding. Both outcomes must occur.
        Random rng(9200);
        uint64_t accepted = 0;
        uint64_t refused = 0;
        for (int i = 0; i < 20000; ++i)
        {
            int kind = static_cast<int>(rng.Below(3));
            const auto& pool = kind == 0 ? delivers : kind == 1 ? submits : acks;
            std::vector<uint8_t> v = pool[rng.Below(pool.size())];
            for (uint64_t k = 1 + rng.Below(3); k > 0; --k)
            {
                std::size_t at = rng.Below(std::min<std::size_t>(v.size(), 32));
                v[at] = rng.Coin() ? rng.Octet() : static_cast<uint8_t>(v[at] ^ 1u << rng.Below(8));
            }
            bool ok = kind == 0   ? Check<MmsSmsDeliver>(v, e)
                      : kind == 1 ? Check<MmsSmsSubmit>(v, e)
                                  : CheckReport(v, rng.Coin(), e);
            ++(ok ? accepted : refused);
        }
        NS_TEST_EXPECT_MSG_GT(accepted, 1000u, "corrupted TPDUs that still decode");
        NS_TEST_EXPECT_MSG_GT(refused, 1000u, "corrupted TPDUs refused");
    }
};

/// Random TPDUs: encode, decode, compare.
class SmsTpduRoundTripTestCase : public TestCase
{
  public:
    SmsTpduRoundTripTestCase()
        : TestCase("random SMS-DELIVER, SMS-SUBMIT and SMS-DELIVER-REPORT round trips")
    {
    }

  private:
    void DoRun() override
    {
        Random rng(23040);
        uint64_t alphanumeric = 0;
        uint64_t septetData = 0;
        uint64_t headers = 0;
        for (int i = 0; i < 3000; ++i)
        {
            MmsSmsDeliver d;
            d.originator = rng.Address(d.originatorType);
            d.moreMessagesToSend = rng.Coin();
            d.statusReportIndication = rng.Coin();
            d.replyPath = rng.Coin();
            d.protocolId = rng.Octet();
            d.dataCoding = rng.Octet();
            d.serviceCentreTime = rng.StampTime();
            d.timeZoneQuarters = static_cast<int>(rng.Below(159)) - 79;
            d.userDataHeaderIndicator = rng.Coin();
            rng.UserData(d.dataCoding,
                         d.userDataHeaderIndicator,
                         SMS_MAX_USER_DATA_OCTETS,
                         d.userData,
                         d.userDataSeptets);
            std::vector<uint8_t> w = d.Encode();
            MmsSmsDeliver b;
            MmsDecodeError e;
            NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliver::Decode(w.data(), w.size(), b, e),
                                  true,
                                  "SMS-DELIVER " << i << ": " << e.ToString() << " in "
                                                 << MmsWspToHex(w));
            NS_TEST_ASSERT_MSG_EQ((b == d), true, "SMS-DELIVER " << i << ": " << MmsWspToHex(w));
            NS_TEST_ASSERT_MSG_EQ(MmsWspToHex(b.Encode()), MmsWspToHex(w), "same octets " << i);
            alphanumeric += ((w[2] >> 4) & 0x07) == 5;
            septetData += MmsSmsUdlCountsSeptets(d.dataCoding);
            headers += d.userDataHeaderIndicator;

            MmsSmsSubmit s;
            s.rejectDuplicates = rng.Coin();
            s.statusReportRequest = rng.Coin();
            s.replyPath = rng.Coin();
            s.messageReference = rng.Octet();
            s.destination = rng.Address(s.destinationType);
            s.protocolId = rng.Octet();
            s.dataCoding = rng.Octet();
            s.hasValidityPeriod = rng.Coin();
            s.validityPeriodSeconds = MmsSmsSubmit::RelativeValidityToSeconds(rng.Octet());
            s.userDataHeaderIndicator = rng.Coin();
            rng.UserData(s.dataCoding,
                         s.userDataHeaderIndicator,
                         SMS_MAX_USER_DATA_OCTETS,
                         s.userData,
                         s.userDataSeptets);
            w = s.Encode();
            MmsSmsSubmit sb;
            NS_TEST_ASSERT_MSG_EQ(MmsSmsSubmit::Decode(w.data(), w.size(), sb, e),
                                  true,
                                  "SMS-SUBMIT " << i << ": " << e.ToString() << " in "
                                                << MmsWspToHex(w));
            NS_TEST_ASSERT_MSG_EQ((sb == s), true, "SMS-SUBMIT " << i << ": " << MmsWspToHex(w));
            NS_TEST_ASSERT_MSG_EQ(MmsWspToHex(sb.Encode()), MmsWspToHex(w), "same octets " << i);

            MmsSmsDeliverReport r;
            r.isError = rng.Coin();
            r.failureCause = rng.Octet();
            r.parameterIndicator = static_cast<uint8_t>(rng.Below(128));
            r.protocolId = rng.Octet();
            r.dataCoding = rng.Octet();
            r.userDataHeaderIndicator = rng.Coin();
            bool udhi = r.userDataHeaderIndicator;
            rng.UserData((r.parameterIndicator & 0x02) ? r.dataCoding : 0x00,
                         udhi,
                         r.isError ? 158 : 159,
                         r.userData,
                         r.userDataSeptets);
            if (r.parameterIndicator & 0x04)
            {
                r.userDataHeaderIndicator = udhi;
            }
            w = r.Encode();
            MmsSmsDeliverReport rb;
            NS_TEST_ASSERT_MSG_EQ(MmsSmsDeliverReport::Decode(w.data(), w.size(), r.isError, rb, e),
                                  true,
                                  "report " << i << ": " << e.ToString() << " in "
                                            << MmsWspToHex(w));
            NS_TEST_ASSERT_MSG_EQ((rb == r), true, "report " << i << ": " << MmsWspToHex(w));
            NS_TEST_ASSERT_MSG_EQ(MmsWspToHex(rb.Encode()), MmsWspToHex(w), "same octets " << i);
        }
        NS_TEST_EXPECT_MSG_GT(alphanumeric, 500u, "alphanumeric addresses exercised");
        NS_TEST_EXPECT_MSG_GT(septetData, 500u, "7-bit user data exercised");
        NS_TEST_EXPECT_MSG_GT(headers, 500u, "user data headers exercised");
    }
};

/// The SMSC's wrapping of an SMS datagram with a number (SMS to subscribers by number).
class SmsForwardWrapTestCase : public TestCase
{
  public:
    SmsForwardWrapTestCase()
        : TestCase("SMS forwarded by number: byte-exact wrapping, round trip, every truncation "
                   "and random data refused or read without a read past the end")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<uint8_t> rp = {MmsSmsc::RP_DATA_TO_MS, 0x07, 0x04, 0x0B};
        const std::vector<uint8_t> wrapped =
            MmsSmsc::WrapForCell(MmsSmsc::FORWARD_TO_CELL, "+4477", rp);
        const std::vector<uint8_t> expected = {
            0x40, 5, '+', '4', '4', '7', '7', 0x01, 0x07, 0x04, 0x0B};
        NS_TEST_EXPECT_MSG_EQ((wrapped == expected), true, "kind, length, number, datagram");
        std::string n;
        std::vector<uint8_t> d;
        NS_TEST_EXPECT_MSG_EQ(
            MmsSmsc::UnwrapFromCell(wrapped, MmsSmsc::FORWARD_TO_CELL, n, d), true, "reads back");
        NS_TEST_EXPECT_MSG_EQ(n, "+4477", "the number");
        NS_TEST_EXPECT_MSG_EQ((d == rp), true, "the datagram");
        NS_TEST_EXPECT_MSG_EQ(MmsSmsc::UnwrapFromCell(wrapped, MmsSmsc::FORWARD_REPORT, n, d),
                              false,
                              "another kind is refused");
        // Every truncation that cuts the number or leaves less than RP-MTI and RP-MR.
        for (std::size_t k = 0; k < 9; ++k)
        {
            std::vector<uint8_t> t(wrapped.begin(), wrapped.begin() + k);
            NS_TEST_EXPECT_MSG_EQ(MmsSmsc::UnwrapFromCell(t, MmsSmsc::FORWARD_TO_CELL, n, d),
                                  false,
                                  "truncated to " << k);
        }
        NS_TEST_EXPECT_MSG_EQ(
            MmsSmsc::UnwrapFromCell({0x40, 0, 1, 2}, 0x40, n, d), false, "no number");
        // Random data: every accepted one is consistent with its length octet.
        std::mt19937 rng(7);
        for (int i = 0; i < 20000; ++i)
        {
            std::vector<uint8_t> r(rng() % 40);
            for (auto& b : r)
            {
                b = static_cast<uint8_t>(rng());
            }
            if (!r.empty() && (i % 2 == 0))
            {
                r[0] = MmsSmsc::FORWARD_REPORT;
            }
            if (MmsSmsc::UnwrapFromCell(r, MmsSmsc::FORWARD_REPORT, n, d))
            {
                NS_TEST_ASSERT_MSG_EQ(n.size(), r[1], "number length");
                NS_TEST_ASSERT_MSG_EQ(2 + n.size() + d.size(), r.size(), "all octets");
                NS_TEST_ASSERT_MSG_GT_OR_EQ(d.size(), 2u, "RP-MTI and RP-MR");
            }
        }
    }
};

/// The SMS TPDU suite.
class MmsSmsTpduTestSuite : public TestSuite
{
  public:
    MmsSmsTpduTestSuite()
        : TestSuite("mms-sms-tpdu", Type::UNIT)
    {
        AddTestCase(new SmsTpduPublishedDeliverTestCase);
        AddTestCase(new SmsTpduPublishedSubmitTestCase);
        AddTestCase(new SmsTpduHandCheckedTestCase);
        AddTestCase(new SmsTpduUserDataLengthTestCase);
        AddTestCase(new SmsTpduValidityTestCase);
        AddTestCase(new SmsTpduRobustnessTestCase);
        AddTestCase(new SmsTpduRoundTripTestCase);
        AddTestCase(new SmsForwardWrapTestCase);
    }
};

static MmsSmsTpduTestSuite g_mmsSmsTpduTestSuite; //!< Static variable for test initialization
