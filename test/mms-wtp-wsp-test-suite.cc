/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// WTP PDUs (WAP-224) and WSP session PDUs (WAP-230): real PDUs from public sources
// (test/data/real-wap-pdus), octets checked by hand against the specifications, round trips
// over every PDU type and flag, and errors with their offsets on truncated and malformed input.

#include "mms-test-data.h"

#include "ns3/mms-wsp-session-pdu.h"
#include "ns3/mms-wtp-pdu.h"
#include "ns3/test.h"

#include <algorithm>
#include <map>
#include <sstream>

using namespace ns3;

using mmstest::Hex;

namespace
{

/// One row of test/data/real-wap-pdus/MANIFEST.tsv.
struct RealWapPdu
{
    std::string file;
    std::string kind;    // wtp, or wtp-truncated (the WSP PDU inside must fail)
    std::string wspType; // the WSP PDU type name, "-" for none
    std::string source;  // repo:path@commit
    std::vector<std::pair<std::string, std::string>> expected;
};

/// Fields of a list keyed by name (repeated names keep every value).
void
Collect(const std::string& prefix,
        const std::vector<MmsDecodedField>& fields,
        std::map<std::string, std::vector<std::string>>& seen)
{
    for (const auto& f : fields)
    {
        seen[prefix + f.name].push_back(f.value);
    }
}

/// The WSP PDU's offset inside the WTP PDU's octets.
std::size_t
DataOffset(const MmsWtpPdu& p, std::size_t size)
{
    return size - p.GetData().size();
}

} // namespace

/// One real PDU: the fields read by hand, byte-exact re-encoding, or the expected error.
class MmsRealWapPduTestCase : public TestCase
{
  public:
    /**
     * Constructor.
     * \param v the manifest row
     */
    MmsRealWapPduTestCase(const RealWapPdu& v)
        : TestCase(mmstest::TestName(v.file + " from " + v.source))
        , m_v(v)
    {
    }

  private:
    void DoRun() override
    {
        std::vector<uint8_t> octets;
        std::string err;
        std::string path = mmstest::MmsSourcePath("test/data/real-wap-pdus/" + m_v.file);
        NS_TEST_ASSERT_MSG_EQ(mmstest::ReadHexFile(path, octets, &err), true, err);
        std::map<std::string, std::vector<std::string>> seen;
        MmsWtpPdu wtp;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWtpPdu::Decode(octets.data(), octets.size(), wtp, e), true, e.ToString());
        Collect("wtp.", wtp.GetFields(), seen);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(wtp.Encode()), MmsWspToHex(octets), "WTP re-encodes");
        NS_TEST_EXPECT_MSG_EQ(wtp.GetEncodedSize(), octets.size(), "WTP encoded size");
        if (m_v.wspType != "-")
        {
            const std::vector<uint8_t>& d = wtp.GetData();
            MmsWspSessionPdu wsp;
            bool ok = MmsWspSessionPdu::Decode(
                d.data(), d.size(), false, wsp, e, DataOffset(wtp, octets.size()));
            Collect("wsp.", wsp.GetFields(), seen);
            NS_TEST_EXPECT_MSG_EQ(MmsWspSessionPdu::TypeName(wsp.GetType()), m_v.wspType, "type");
            if (m_v.kind == "wtp-truncated")
            {
                NS_TEST_EXPECT_MSG_EQ(ok, false, "the truncated WSP PDU fails");
                seen["error"].push_back(e.ToString());
            }
            else
            {
                NS_TEST_ASSERT_MSG_EQ(ok, true, e.ToString());
                NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(wsp.Encode()), MmsWspToHex(d), "WSP re-encodes");
                NS_TEST_EXPECT_MSG_EQ(wsp.GetEncodedSize(), d.size(), "WSP encoded size");
            }
        }
        std::string wrong = mmstest::CheckFacts(m_v.expected, seen);
        NS_TEST_EXPECT_MSG_EQ(wrong, "", "fields read by hand");
    }

    RealWapPdu m_v;
};

/// Encodings checked octet by octet against the layouts of WAP-224 section 8 and WAP-230
/// section 8 (the same octets Wireshark 4.0 decodes to the same fields).
class MmsWtpWspVectorsTestCase : public TestCase
{
  public:
    MmsWtpWspVectorsTestCase()
        : TestCase("WTP and WSP PDUs encode to the specified octets")
    {
    }

  private:
    void DoRun() override
    {
        // WTP fixed headers (WAP-224 section 8.3): CON | type << 3 | type-specific bits.
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(MmsWtpPdu::MakeInvoke(1, 2, {}).Encode()),
                              "0a000112",
                              "Invoke: TTR, TID 1, U/P, class 2");
        MmsWtpPdu inv = MmsWtpPdu::MakeInvoke(0x1234, 0, {0x05}, false);
        inv.SetTidNew(true);
        inv.SetRid(true);
        inv.SetTrailer(true, false);
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(inv.Encode()), "0d12342005", "Invoke: GTR, RID, TIDnew, class 0");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWtpPdu::MakeResult(1, {0x04}).Encode()), "12800104", "Result");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWtpPdu::MakeAck(0x8001, true).Encode()), "1c8001", "Ack with Tve/Tok");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWtpPdu::MakeAbort(0x8003, MmsWtpPdu::ABORT_PROVIDER, 8).Encode()),
            "20800308",
            "provider Abort NORESPONSE");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWtpPdu::MakeAbort(3, MmsWtpPdu::ABORT_USER, 0xE0).Encode()),
            "210003e0",
            "user Abort");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(
                MmsWtpPdu::MakeSegment(MmsWtpPdu::SEGMENTED_INVOKE, 4, 1, true, false, {1, 2, 3})
                    .Encode()),
            "2c000401010203",
            "Segmented Invoke, PSN 1, last of its group");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(
                MmsWtpPdu::MakeSegment(MmsWtpPdu::SEGMENTED_RESULT, 0x8004, 9, false, true, {7})
                    .Encode()),
            "3280040907",
            "Segmented Result, PSN 9, last of the message");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(MmsWtpPdu::MakeNack(0x8004, {2, 5}).Encode()),
                              "388004020205",
                              "Negative Ack of PSNs 2 and 5");
        // TPIs (section 8.4): short form (length in the first octet), long form (a length
        // octet), CON on every TPI but the last.
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(2);
        ack.AddTpi(MmsWtpTpi::Psn(3));
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(ack.Encode()), "9800021903", "Ack with a PSN TPI");
        MmsWtpPdu opt = MmsWtpPdu::MakeInvoke(2, 2, {0x40});
        opt.AddTpi(MmsWtpTpi::Option(MmsWtpTpi::OPT_MAX_GROUP, 9600));
        opt.AddTpi(MmsWtpTpi::Info({1, 2, 3, 4, 5}));
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(opt.Encode()),
                              "8a000212"
                              "93042580"
                              "0c050102030405"
                              "40",
                              "Option TPI (short, with CON) then a long Info TPI");
        MmsWtpTpi longPsn = MmsWtpTpi::Psn(7);
        longPsn.longForm = true;
        MmsWtpPdu ack2 = MmsWtpPdu::MakeAck(2);
        ack2.AddTpi(longPsn);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(ack2.Encode()),
                              "980002"
                              "1c0107",
                              "a short TPI kept in the long form");
        NS_TEST_EXPECT_MSG_EQ(opt.GetTpis()[0].ToString(), "Option Maximum-Group 9600", "TPI");
        // The field list follows a change made after decoding.
        std::vector<uint8_t> b = Hex("0a000112");
        MmsWtpPdu decoded;
        MmsDecodeError err;
        MmsWtpPdu::Decode(b.data(), b.size(), decoded, err);
        decoded.SetRid(true);
        bool ridListed = false;
        for (const auto& f : decoded.GetFields())
        {
            ridListed = ridListed || (f.name == "RID" && f.value == "1");
        }
        NS_TEST_EXPECT_MSG_EQ(ridListed, true, "RID 1 after SetRid on a decoded PDU");
        // Concatenation (section 8.5): 0x00, then each PDU after its length.
        std::vector<MmsWtpPdu> two = {MmsWtpPdu::MakeAck(0x8001), MmsWtpPdu::MakeAck(0x8002)};
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(MmsWtpPdu::EncodeConcatenated(two)),
                              "0003188001"
                              "03188002",
                              "two Acks in one datagram");

        // WSP (WAP-230 section 8.2).
        std::vector<MmsWspCapability> caps = {
            MmsWspCapability::Size(MmsWspCapability::CLIENT_SDU_SIZE, 3000),
            MmsWspCapability::ProtocolOptions(MmsWspCapability::OPTION_SESSION_RESUME),
            MmsWspCapability::Mor(MmsWspCapability::METHOD_MOR, 1),
            MmsWspCapability::Aliases({MmsWspAddress::Ipv4(0x0a000001, 9201)}),
            MmsWspCapability::NamedCodes(MmsWspCapability::HEADER_CODE_PAGES, {{0x02, "Page2"}}),
            MmsWspCapability::NamedCodes(MmsWspCapability::EXTENDED_METHODS, {{0x50, "MKCOL"}})};
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(MmsWspSessionPdu::MakeConnect(caps).Encode()),
                              "011026"
                              "00"
                              "038097380282200283010987c40023f10a000001"
                              "0886025061676532000885504d4b434f4c00",
                              "Connect 1.0 with six capabilities");
        NS_TEST_EXPECT_MSG_EQ(caps[3].FormatValue(), "10.0.0.1:9201 (bearer 0)", "alias");
        NS_TEST_EXPECT_MSG_EQ(caps[1].FormatValue(), "Session-Resume", "protocol options");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWspSessionPdu::MakeConnectReply(0x1234, {caps[0]}).Encode()),
            "02a434"
            "04"
            "00"
            "03809738",
            "ConnectReply, session 0x1234 (uintvar a4 34)");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWspSessionPdu::MakeRedirect(MmsWspSessionPdu::REDIRECT_PERMANENT,
                                                       {MmsWspAddress::Ipv4(0x0a000002, 9201)})
                            .Encode()),
            "0380c40023f10a000002",
            "Redirect, permanent, one IPv4 address with bearer and port");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(
                MmsWspSessionPdu::MakeSessionEnd(MmsWspSessionPdu::DISCONNECT, 0x1234).Encode()),
            "05a434",
            "Disconnect");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWspSessionPdu::MakeSessionEnd(MmsWspSessionPdu::SUSPEND, 7).Encode()),
            "0807",
            "Suspend");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(MmsWspSessionPdu::MakeResume(7, {caps[2]}).Encode()),
                              "090703028301",
                              "Resume with Method-MOR");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(MmsWspSessionPdu::MakeGet("http://a/m1").Encode()),
                              "400b687474703a2f2f612f6d31",
                              "Get");
        MmsWspContentType mms("application/vnd.wap.mms-message");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(MmsWspSessionPdu::MakePost("http://a/", mms, {0x8c, 0x80}).Encode()),
            "600901"
            "687474703a2f2f612f"
            "be"
            "8c80",
            "Post of an M-Send.req: URILen, HeadersLen, URI, content type 0xbe, data");
        MmsWspSessionPdu reply = MmsWspSessionPdu::MakeReply(200, mms, {0x8c, 0x81});
        reply.SetConnectionless(true, 0x2a);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(reply.Encode()),
                              "2a04"
                              "2001be8c81",
                              "connectionless Reply, TID 0x2a");
        // Headers with a code page shift (section 8.4.2.1): short-cut and long forms.
        MmsWspSessionPdu get = MmsWspSessionPdu::MakeGet("/");
        get.AddHeader(MmsWspHeaderItem::Shift(0x10));
        MmsWspPartHeader h;
        h.code = 0x01;
        h.raw = {0x81};
        get.AddHeader(MmsWspHeaderItem::Header(h));
        get.AddHeader(MmsWspHeaderItem::Shift(0x40));
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(get.Encode()),
                              "40012f"
                              "10"
                              "8181"
                              "7f40",
                              "shifts to pages 16 and 64");

        // Reply status codes (WAP-230 Table 36).
        const std::pair<int, uint8_t> statuses[] = {{100, 0x10},
                                                    {200, 0x20},
                                                    {202, 0x22},
                                                    {307, 0x37},
                                                    {400, 0x40},
                                                    {404, 0x44},
                                                    {415, 0x4f},
                                                    {416, 0x50},
                                                    {417, 0x51},
                                                    {500, 0x60},
                                                    {503, 0x63},
                                                    {505, 0x65}};
        for (const auto& s : statuses)
        {
            NS_TEST_EXPECT_MSG_EQ(
                unsigned(MmsWspSessionPdu::StatusFromHttp(s.first)), unsigned(s.second), s.first);
            NS_TEST_EXPECT_MSG_EQ(MmsWspSessionPdu::HttpFromStatus(s.second), s.first, s.first);
        }
        NS_TEST_EXPECT_MSG_EQ(
            unsigned(MmsWspSessionPdu::StatusFromHttp(999)), 0x60u, "unknown status: 500");
        NS_TEST_EXPECT_MSG_EQ(MmsWspSessionPdu::HttpFromStatus(0x05), 0, "no HTTP status");
    }
};

/// Every PDU type with every flag, TID and TPI combination comes back as it went.
class MmsWtpWspRoundTripTestCase : public TestCase
{
  public:
    MmsWtpWspRoundTripTestCase()
        : TestCase("WTP and WSP PDUs round-trip over every type, flag, TPI and size")
    {
    }

  private:
    void CheckWtp(const MmsWtpPdu& p, const std::string& what)
    {
        std::vector<uint8_t> b = p.Encode();
        NS_TEST_ASSERT_MSG_EQ(b.size(), p.GetEncodedSize(), what << ": size");
        MmsWtpPdu back;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWtpPdu::Decode(b.data(), b.size(), back, e), true, what << ": " << e.ToString());
        NS_TEST_ASSERT_MSG_EQ((back == p), true, what << ": " << MmsWspToHex(b));
        NS_TEST_ASSERT_MSG_EQ(back.GetTid(), p.GetTid(), what << ": TID");
        NS_TEST_ASSERT_MSG_EQ(back.GetTpis().size(), p.GetTpis().size(), what << ": TPIs");
        NS_TEST_ASSERT_MSG_EQ(
            (back.GetData() == p.GetData()), true, what << ": data after the TPIs");
        ++m_checked;
    }

    void CheckWsp(const MmsWspSessionPdu& p, const std::string& what)
    {
        std::vector<uint8_t> b = p.Encode();
        NS_TEST_ASSERT_MSG_EQ(b.size(), p.GetEncodedSize(), what << ": size");
        MmsWspSessionPdu back;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWspSessionPdu::Decode(b.data(), b.size(), p.IsConnectionless(), back, e),
            true,
            what << ": " << e.ToString() << " in " << MmsWspToHex(b));
        NS_TEST_ASSERT_MSG_EQ(MmsWspToHex(back.Encode()), MmsWspToHex(b), what);
        NS_TEST_ASSERT_MSG_EQ(back.GetType(), p.GetType(), what << ": type");
        NS_TEST_ASSERT_MSG_EQ(back.GetUri(), p.GetUri(), what << ": URI");
        NS_TEST_ASSERT_MSG_EQ((back.GetData() == p.GetData()), true, what << ": data");
        NS_TEST_ASSERT_MSG_EQ(
            back.GetCapabilities().size(), p.GetCapabilities().size(), what << ": caps");
        NS_TEST_ASSERT_MSG_EQ(back.GetHeaders().size(), p.GetHeaders().size(), what << ": hdrs");
        ++m_checked;
    }

    void DoRun() override
    {
        // WTP: 7 types x 8 trailer/RID combinations x 5 TIDs x 5 TPI lists x 3 data sizes.
        const uint16_t tids[] = {0, 1, 0x7fff, 0x8000, 0xffff};
        std::vector<std::vector<MmsWtpTpi>> tpiLists = {
            {},
            {MmsWtpTpi::Psn(0)},
            {MmsWtpTpi::Option(MmsWtpTpi::OPT_TOTAL_MESSAGE_SIZE, 0x01020304)},
            {MmsWtpTpi::Info({}), MmsWtpTpi::Info(std::vector<uint8_t>(255, 0xAA))},
            {MmsWtpTpi::Psn(255), MmsWtpTpi::Info({1, 2, 3}), MmsWtpTpi::Option(1, 1400)}};
        const std::size_t sizes[] = {0, 1, 1400};
        for (uint8_t type = MmsWtpPdu::INVOKE; type <= MmsWtpPdu::NACK; ++type)
        {
            for (unsigned bits = 0; bits < 8; ++bits)
            {
                for (uint16_t tid : tids)
                {
                    for (std::size_t t = 0; t < tpiLists.size(); ++t)
                    {
                        for (std::size_t size : sizes)
                        {
                            MmsWtpPdu p;
                            std::vector<uint8_t> data(size);
                            for (std::size_t i = 0; i < size; ++i)
                            {
                                data[i] = static_cast<uint8_t>(i * 7 + bits);
                            }
                            switch (type)
                            {
                                case MmsWtpPdu::ABORT:
                                    p = MmsWtpPdu::MakeAbort(tid, bits, static_cast<uint8_t>(size));
                                    break;
                                case MmsWtpPdu::NACK:
                                    p = MmsWtpPdu::MakeNack(
                                        tid,
                                        std::vector<uint8_t>(
                                            data.begin(),
                                            data.begin() + std::min<std::size_t>(size, 255)));
                                    break;
                                case MmsWtpPdu::ACK:
                                    p = MmsWtpPdu::MakeAck(tid, (bits & 4) != 0);
                                    p.SetRid((bits & 1) != 0);
                                    break;
                                default:
                                    p = MmsWtpPdu::MakeSegment(type,
                                                               tid,
                                                               static_cast<uint8_t>(bits * 31),
                                                               (bits & 4) != 0,
                                                               (bits & 2) != 0,
                                                               data);
                                    p.SetRid((bits & 1) != 0);
                                    if (type == MmsWtpPdu::INVOKE)
                                    {
                                        p.SetClass(bits % 3);
                                        p.SetUserAck((bits & 2) != 0);
                                        p.SetTidNew((bits & 4) != 0);
                                        p.SetVersion(bits & 3);
                                    }
                            }
                            if (type == MmsWtpPdu::ACK || type == MmsWtpPdu::ABORT
                                || type == MmsWtpPdu::NACK)
                            {
                                p.SetData(data); // user data after a control PDU still round-trips
                            }
                            for (const auto& tpi : tpiLists[t])
                            {
                                p.AddTpi(tpi);
                            }
                            std::ostringstream what;
                            what << MmsWtpPdu::TypeName(type) << " bits " << bits << " tid " << tid
                                 << " tpis " << t << " size " << size;
                            CheckWtp(p, what.str());
                        }
                    }
                }
            }
        }
        // Concatenation with one- and two-octet lengths.
        std::vector<MmsWtpPdu> pdus = {MmsWtpPdu::MakeAck(0x8001),
                                       MmsWtpPdu::MakeResult(2, std::vector<uint8_t>(300, 1)),
                                       MmsWtpPdu::MakeNack(0x8003, {1})};
        std::vector<uint8_t> dgram = MmsWtpPdu::EncodeConcatenated(pdus);
        std::vector<MmsWtpPdu> back;
        MmsDecodeError e;
        NS_TEST_ASSERT_MSG_EQ(
            MmsWtpPdu::DecodeDatagram(dgram.data(), dgram.size(), back, e), true, e.ToString());
        NS_TEST_ASSERT_MSG_EQ(back.size(), 3u, "three PDUs");
        for (std::size_t i = 0; i < 3; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ((back[i] == pdus[i]), true, "PDU " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(unsigned(dgram[5]), 0x81u, "a two-octet length: 0x81 0x2f = 303");
        NS_TEST_EXPECT_MSG_EQ(unsigned(dgram[6]), 0x2fu, "low octet of the length");

        // WSP: every PDU type, connection-mode and connectionless, with and without
        // capabilities, headers (shifts included) and data.
        MmsWspContentType ct("application/vnd.wap.mms-message");
        MmsWspContentType textCt("text/plain");
        textCt.SetTextParameter(MmsWspParam::NAME, "a.txt");
        std::vector<std::vector<MmsWspCapability>> capLists = {
            {},
            {MmsWspCapability::Size(MmsWspCapability::SERVER_SDU_SIZE, 0xFFFFFFFF)},
            {MmsWspCapability::Size(MmsWspCapability::CLIENT_MESSAGE_SIZE, 1),
             MmsWspCapability::Mor(MmsWspCapability::PUSH_MOR, 255),
             MmsWspCapability::Aliases({MmsWspAddress::Ipv4(1, 1), MmsWspAddress()}),
             MmsWspCapability::NamedCodes(MmsWspCapability::EXTENDED_METHODS,
                                          {{0x51, "X"}, {0x71, ""}})}};
        MmsWspCapability textual;
        textual.name = "x-vendor";
        textual.value = {1, 2};
        capLists[2].push_back(textual);
        std::vector<std::vector<MmsWspHeaderItem>> hdrLists = {
            {},
            {MmsWspHeaderItem::Header(MmsWspPartHeader::ContentLocation("http://x/"))},
            {MmsWspHeaderItem::Header(MmsWspPartHeader::ContentId("<a>")),
             MmsWspHeaderItem::Shift(2),
             MmsWspHeaderItem::Shift(200),
             MmsWspHeaderItem::Shift(1)}};
        MmsWspPartHeader named;
        named.name = "X-Wap-Profile";
        named.value = "http://p/";
        hdrLists[2].push_back(MmsWspHeaderItem::Header(named));
        const uint8_t types[] = {MmsWspSessionPdu::CONNECT,
                                 MmsWspSessionPdu::CONNECT_REPLY,
                                 MmsWspSessionPdu::REDIRECT,
                                 MmsWspSessionPdu::REPLY,
                                 MmsWspSessionPdu::DISCONNECT,
                                 MmsWspSessionPdu::PUSH,
                                 MmsWspSessionPdu::CONFIRMED_PUSH,
                                 MmsWspSessionPdu::SUSPEND,
                                 MmsWspSessionPdu::RESUME,
                                 MmsWspSessionPdu::GET,
                                 MmsWspSessionPdu::TRACE,
                                 0x5f,
                                 MmsWspSessionPdu::POST,
                                 MmsWspSessionPdu::PUT,
                                 0x7f};
        for (uint8_t type : types)
        {
            for (std::size_t c = 0; c < capLists.size(); ++c)
            {
                for (std::size_t h = 0; h < hdrLists.size(); ++h)
                {
                    for (int cl = 0; cl < 2; ++cl)
                    {
                        MmsWspSessionPdu p;
                        std::vector<uint8_t> body(c * 100, 0x42);
                        if (type == MmsWspSessionPdu::CONNECT)
                        {
                            p = MmsWspSessionPdu::MakeConnect(capLists[c], hdrLists[h]);
                        }
                        else if (type == MmsWspSessionPdu::CONNECT_REPLY
                                 || type == MmsWspSessionPdu::RESUME)
                        {
                            p = type == MmsWspSessionPdu::RESUME
                                    ? MmsWspSessionPdu::MakeResume(uint32_t(c) << 20, capLists[c])
                                    : MmsWspSessionPdu::MakeConnectReply(uint32_t(c) << 20,
                                                                         capLists[c]);
                            for (const auto& i : hdrLists[h])
                            {
                                p.AddHeader(i);
                            }
                        }
                        else if (type == MmsWspSessionPdu::REDIRECT)
                        {
                            std::vector<MmsWspAddress> a(c, MmsWspAddress::Ipv4(0x0a000001, 9201));
                            if (c == 2)
                            {
                                a[1].hasBearer = false;
                                a[1].address = std::vector<uint8_t>(63, 1);
                            }
                            p = MmsWspSessionPdu::MakeRedirect(uint8_t(h << 6), a);
                        }
                        else if (type == MmsWspSessionPdu::DISCONNECT
                                 || type == MmsWspSessionPdu::SUSPEND)
                        {
                            p = MmsWspSessionPdu::MakeSessionEnd(type, uint32_t(c * h) << 14);
                        }
                        else
                        {
                            bool post = type >= 0x60;
                            bool get = type >= 0x40 && !post;
                            p = get    ? MmsWspSessionPdu::MakeGet(std::string(c * 70, 'u'), type)
                                : post ? MmsWspSessionPdu::MakePost(
                                      "http://mmsc/", h ? textCt : ct, body, type)
                                       : MmsWspSessionPdu::MakeReply(404, h ? textCt : ct, body);
                            if (type == MmsWspSessionPdu::PUSH
                                || type == MmsWspSessionPdu::CONFIRMED_PUSH)
                            {
                                p = MmsWspSessionPdu::MakeReply(200, ct, body);
                                MmsWspSessionPdu q;
                                // A push has the Reply's layout without the status.
                                std::vector<uint8_t> b = p.Encode();
                                b.erase(b.begin() + 1);
                                b[0] = type;
                                NS_TEST_ASSERT_MSG_EQ(
                                    MmsWspSessionPdu::Decode(b.data(), b.size(), false, q, e),
                                    true,
                                    e.ToString());
                                p = q;
                            }
                            for (const auto& i : hdrLists[h])
                            {
                                p.AddHeader(i);
                            }
                        }
                        p.SetConnectionless(cl == 1, static_cast<uint8_t>(c * 77));
                        std::ostringstream what;
                        what << MmsWspSessionPdu::TypeName(type) << " caps " << c << " headers "
                             << h << (cl ? " connectionless" : "");
                        CheckWsp(p, what.str());
                    }
                }
            }
        }
        NS_TEST_EXPECT_MSG_GT(m_checked, 4000u, "PDUs checked");
    }

    unsigned m_checked{0};
};

/// Truncated and malformed input: the first error, its field and its offset.
class MmsWtpWspErrorsTestCase : public TestCase
{
  public:
    MmsWtpWspErrorsTestCase()
        : TestCase("WTP and WSP decoders name the field and offset of truncated or bad input")
    {
    }

  private:
    std::string WtpError(const std::string& hex)
    {
        std::vector<uint8_t> b = Hex(hex);
        MmsWtpPdu p;
        MmsDecodeError e;
        return MmsWtpPdu::Decode(b.data(), b.size(), p, e) ? "ok" : e.ToString();
    }

    std::string WspError(const std::string& hex, bool connectionless = false)
    {
        std::vector<uint8_t> b = Hex(hex);
        MmsWspSessionPdu p;
        MmsDecodeError e;
        return MmsWspSessionPdu::Decode(b.data(), b.size(), connectionless, p, e) ? "ok"
                                                                                  : e.ToString();
    }

    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(WtpError(""), "offset 0 (PDU-Type): unexpected end of data", "empty");
        NS_TEST_EXPECT_MSG_EQ(WtpError("0a00"), "offset 2 (TID): unexpected end of data", "TID");
        NS_TEST_EXPECT_MSG_EQ(
            WtpError("0a0001"), "offset 3 (TCL): unexpected end of data", "Invoke's 4th octet");
        NS_TEST_EXPECT_MSG_EQ(WtpError("000001"),
                              "offset 0 (PDU-Type): PDU type 0 is not defined (1 to 7)",
                              "type 0 outside a concatenation");
        NS_TEST_EXPECT_MSG_EQ(WtpError("400001"),
                              "offset 0 (PDU-Type): PDU type 8 is not defined (1 to 7)",
                              "type 8");
        NS_TEST_EXPECT_MSG_EQ(WtpError("38800403 0102"),
                              "offset 3 (Missing-Packets): count 3 exceeds the 2 octets left",
                              "Negative Ack shorter than its count");
        NS_TEST_EXPECT_MSG_EQ(WtpError("98000219"),
                              "offset 3 (TPI): PSN TPI length 1 exceeds the 0 octets left",
                              "short TPI cut off");
        NS_TEST_EXPECT_MSG_EQ(WtpError("9800029c"),
                              "offset 4 (TPI-Length): unexpected end of data",
                              "long TPI without its length");
        NS_TEST_EXPECT_MSG_EQ(WtpError("980002 8901"),
                              "offset 5 (TPI): unexpected end of data",
                              "CON set on the last TPI");
        // Concatenation: errors carry offsets in the whole datagram.
        std::vector<uint8_t> d = Hex("00 03 188001 04 20800308 05 0a0001");
        std::vector<MmsWtpPdu> pdus;
        MmsDecodeError e;
        NS_TEST_EXPECT_MSG_EQ(
            MmsWtpPdu::DecodeDatagram(d.data(), d.size(), pdus, e), false, "third PDU cut");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(),
                              "offset 10 (PDU-Length): length 5 exceeds the 3 octets left",
                              "located in the datagram");
        NS_TEST_EXPECT_MSG_EQ(pdus.size(), 2u, "the PDUs before the error are kept");
        d = Hex("00 03 188001 02 0a00");
        NS_TEST_EXPECT_MSG_EQ(MmsWtpPdu::DecodeDatagram(d.data(), d.size(), pdus, e), false, "");
        NS_TEST_EXPECT_MSG_EQ(
            e.ToString(), "offset 8 (TID): unexpected end of data", "offset of the inner PDU");

        NS_TEST_EXPECT_MSG_EQ(WspError(""), "offset 0 (PDU-Type): unexpected end of data", "");
        NS_TEST_EXPECT_MSG_EQ(
            WspError("0a"), "offset 0 (PDU-Type): PDU type 0x0a is not assigned", "type 0x0a");
        NS_TEST_EXPECT_MSG_EQ(
            WspError("01", true), "offset 1 (PDU-Type): unexpected end of data", "TID, no type");
        NS_TEST_EXPECT_MSG_EQ(WspError("011005 00 02 8001"),
                              "offset 2 (CapabilitiesLen): length 5 exceeds the 3 octets left",
                              "capabilities longer than the PDU");
        NS_TEST_EXPECT_MSG_EQ(WspError("011003 00 00 8001"),
                              "offset 4 (Capability-Length): a capability of length 0 has no "
                              "identifier",
                              "empty capability");
        NS_TEST_EXPECT_MSG_EQ(WspError("4005 6162"),
                              "offset 1 (URILen): length 5 exceeds the 2 octets left",
                              "URI cut off");
        NS_TEST_EXPECT_MSG_EQ(WspError("40012f 00"),
                              "offset 3 (header): octet 0x00 starts no header",
                              "a NUL where a header starts");
        NS_TEST_EXPECT_MSG_EQ(WspError("40012f 7f00"),
                              "offset 3 (Page-Identity): code page 0 does not exist",
                              "shift to page 0");
        NS_TEST_EXPECT_MSG_EQ(WspError("0420 05 be"),
                              "offset 2 (HeadersLen): length 5 exceeds the 1 octets left",
                              "Reply headers cut off");
        NS_TEST_EXPECT_MSG_EQ(WspError("0501 00"),
                              "offset 2 (SessionId): 1 octets after the session id",
                              "trailing octets after a Disconnect");
        NS_TEST_EXPECT_MSG_EQ(WspError("0380 c4 00"),
                              "offset 4 (Port-Number): unexpected end of data",
                              "redirect address cut off");

        // Every truncation of a full Connect fails, at an offset inside the input, and keeps
        // the fields read before the error.
        std::vector<MmsWspCapability> caps = {
            MmsWspCapability::Size(MmsWspCapability::CLIENT_SDU_SIZE, 100000),
            MmsWspCapability::Aliases({MmsWspAddress::Ipv4(0x0a000001, 9201)})};
        MmsWspPartHeader ua;
        ua.name = "User-Agent";
        ua.value = "handset";
        std::vector<uint8_t> full =
            MmsWspSessionPdu::MakeConnect(caps, {MmsWspHeaderItem::Header(ua)}).Encode();
        std::size_t lastFields = 0;
        for (std::size_t n = 0; n < full.size(); ++n)
        {
            MmsWspSessionPdu p;
            bool ok = MmsWspSessionPdu::Decode(full.data(), n, false, p, e);
            NS_TEST_EXPECT_MSG_EQ(ok, false, "prefix of " << n << " octets");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(e.offset, n, "error offset inside the input");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(p.GetFields().size(), lastFields, "fields kept grow");
            lastFields = p.GetFields().size();
        }
        NS_TEST_EXPECT_MSG_EQ(lastFields, 6u, "type, version, both lengths, both capabilities");
        // A WTP header cut anywhere fails; its fields up to the error are kept.
        std::vector<uint8_t> inv = MmsWtpPdu::MakeInvoke(7, 2, {0x40}).Encode();
        for (std::size_t n = 0; n < 4; ++n)
        {
            MmsWtpPdu p;
            NS_TEST_EXPECT_MSG_EQ(MmsWtpPdu::Decode(inv.data(), n, p, e), false, n);
            NS_TEST_EXPECT_MSG_EQ(e.offset, n, "error at the first missing octet");
        }
        MmsWtpPdu p;
        MmsWtpPdu::Decode(inv.data(), 3, p, e);
        NS_TEST_EXPECT_MSG_EQ(p.GetFields().back().name, "TID-Response", "fields before TCL");
    }
};

/// The suite.
class MmsWtpWspTestSuite : public TestSuite
{
  public:
    MmsWtpWspTestSuite()
        : TestSuite("mms-wtp-wsp", Type::UNIT)
    {
        AddTestCase(new MmsWtpWspVectorsTestCase);
        AddTestCase(new MmsWtpWspRoundTripTestCase);
        AddTestCase(new MmsWtpWspErrorsTestCase);
        for (const auto& row : mmstest::ReadManifest("test/data/real-wap-pdus/MANIFEST.tsv", 8))
        {
            const std::vector<std::string>& c = row.columns;
            RealWapPdu v;
            v.file = c[0];
            v.kind = c[1];
            v.wspType = c[2];
            v.source = c[3] + ":" + c[4] + "@" + c[5].substr(0, 10);
            v.expected = row.facts;
            AddTestCase(new MmsRealWapPduTestCase(v));
        }
    }
};

static MmsWtpWspTestSuite g_mmsWtpWspTestSuite; //!< Static variable for test initialization
