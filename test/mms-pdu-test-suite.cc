/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// MMS PDUs: hand-checked encodings of the PDUs the module sends, the round-trip property over
// thousands of random PDUs, truncation and malformed input, virtual content.

#include "mms-test-data.h"

#include "ns3/mms-header.h"
#include "ns3/mms-pdu.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

std::string
Hex(const MmsPdu& p)
{
    return MmsWspToHex(p.Encode());
}

std::string
AsciiHex(const std::string& s)
{
    return MmsWspToHex(std::vector<uint8_t>(s.begin(), s.end())) + "00";
}

} // namespace

/// Each factory's PDU against octets written out by hand from OMA MMS ENC's tables.
class MmsPduVectorsTestCase : public TestCase
{
  public:
    MmsPduVectorsTestCase()
        : TestCase("factory PDUs encode to hand-checked octets")
    {
    }

  private:
    void DoRun() override
    {
        const std::string t1 = "98" + AsciiHex("T1");
        NS_TEST_EXPECT_MSG_EQ(Hex(MmsPdu::MakeSendConf("T1", MmsValue::RESPONSE_OK, "m1", 0x90)),
                              "8c81" + t1
                                  + "8d90"
                                    "9280"
                                    "8b"
                                  + AsciiHex("m1"),
                              "M-Send.conf");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(MmsPdu::MakeSendConf("T1", MmsValue::RESPONSE_PERMANENT_CONTENT_NOT_ACCEPTED, "")),
            "8c81" + t1
                + "8d92"
                  "92e5",
            "M-Send.conf rejecting an oversized message");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(MmsPdu::MakeNotifyRespInd("T1", MmsValue::STATUS_RETRIEVED, true, 0x90)),
            "8c83" + t1
                + "8d90"
                  "9581"
                  "9180",
            "M-NotifyResp.ind");
        NS_TEST_EXPECT_MSG_EQ(Hex(MmsPdu::MakeAcknowledgeInd("T1", false)),
                              "8c85" + t1
                                  + "8d92"
                                    "9181",
                              "M-Acknowledge.ind");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(MmsPdu::MakeDeliveryInd("m1", "+1/TYPE=PLMN", 1000, MmsValue::STATUS_RETRIEVED)),
            "8c86"
            "8d92"
            "8b" + AsciiHex("m1")
                + "97" + AsciiHex("+1/TYPE=PLMN") + "850203e8" + "9581",
            "M-Delivery.ind (no transaction id)");
        NS_TEST_EXPECT_MSG_EQ(Hex(MmsPdu::MakeReadOrigInd("m1", "+1", "+2", 1000, 0x80)),
                              "8c88"
                              "8d92"
                              "8b" + AsciiHex("m1")
                                  + "97" + AsciiHex("+1") + "890480" + AsciiHex("+2")
                                  + "850203e8"
                                    "9b80",
                              "M-Read-Orig.ind");
        NS_TEST_EXPECT_MSG_EQ(Hex(MmsPdu::MakeCancelReq("T1", "m1")),
                              "8c96" + t1
                                  + "8d93"
                                    "be"
                                  + AsciiHex("m1"),
                              "M-Cancel.req");
        NS_TEST_EXPECT_MSG_EQ(Hex(MmsPdu::MakeCancelConf("T1", MmsValue::CANCEL_RECEIVED)),
                              "8c97" + t1
                                  + "8d93"
                                    "bf80",
                              "M-Cancel.conf");
        NS_TEST_EXPECT_MSG_EQ(Hex(MmsPdu::MakeForwardConf("T1", MmsValue::RESPONSE_OK, "")),
                              "8c8a" + t1
                                  + "8d92"
                                    "9280",
                              "M-Forward.conf");

        // The 68-octet notification of a real operator (digest section 3.1) has this layout:
        // type, TID "OgQKKB", version 1.0, From (value length 8, address-present), Subject,
        // class Personal, size 16384, expiry relative 259200 s, Content-Location. We rebuild it
        // from the factory plus From and Subject, and compare octet for octet.
        MmsPdu n = MmsPdu::MakeNotificationInd("OgQKKB",
                                               "Erotik",
                                               16384,
                                               259200,
                                               "http://x/y",
                                               MmsValue::CLASS_PERSONAL,
                                               MmsValue::VERSION_1_0);
        n.AddField(MmsHeaderField::String(MmsField::SUBJECT, MmsWspEncodedString{0, "Test"}));
        NS_TEST_EXPECT_MSG_EQ(Hex(n),
                              "8c82"
                              "98" + AsciiHex("OgQKKB")
                                  + "8d90"
                                    "8908"
                                    "80"
                                  + AsciiHex("Erotik")
                                  + "8a80"
                                    "8e024000"
                                    "88058103"
                                    "03f480"
                                  + "83" + AsciiHex("http://x/y") + "96" + AsciiHex("Test"),
                              "M-Notification.ind");
        NS_TEST_EXPECT_MSG_EQ(n.Validate().empty(), true, "notification has its mandatory fields");
        MmsPdu incomplete = MmsPdu::MakeSendConf("T1", 0x80, "");
        incomplete.RemoveField(MmsField::RESPONSE_STATUS);
        NS_TEST_EXPECT_MSG_EQ(incomplete.Validate().size(), 1u, "missing Response-Status found");
        NS_TEST_EXPECT_MSG_EQ(incomplete.Validate().at(0), "X-Mms-Response-Status", "named");

        // From with insert-address (the Relay fills the sender in).
        MmsPdu f = MmsPdu::MakeForwardReq("T1", "", {"+1"}, "http://x");
        NS_TEST_EXPECT_MSG_EQ(Hex(f),
                              "8c89" + t1
                                  + "8d92"
                                    "890181"
                                    "97"
                                  + AsciiHex("+1") + "83" + AsciiHex("http://x"),
                              "M-Forward.req with insert-address");
        NS_TEST_EXPECT_MSG_EQ(f.GetFrom(), "insert-address", "insert-address token");

        // Names and formatted values.
        NS_TEST_EXPECT_MSG_EQ(MmsPdu::MessageTypeName(0x97), "m-cancel-conf", "type name");
        NS_TEST_EXPECT_MSG_EQ(MmsPdu::FieldName(0x3F), "X-Mms-Cancel-Status", "field name");
        NS_TEST_EXPECT_MSG_EQ(
            MmsPdu::FormatValue(MmsHeaderField::Octet(MmsField::RESPONSE_STATUS, 0xE5)),
            "Error-permanent-content-not-accepted",
            "response status name");
        NS_TEST_EXPECT_MSG_EQ(MmsPdu::FormatValue(MmsHeaderField::Time(MmsField::EXPIRY, true, 5)),
                              "absolute 5",
                              "absolute time");
    }
};

/// Random PDUs of every encodable type: encode, decode, compare; re-encode gives the same
/// octets; the computed size equals the encoded size.
class MmsPduRoundTripTestCase : public TestCase
{
  public:
    MmsPduRoundTripTestCase(uint32_t count)
        : TestCase("round trip of " + std::to_string(count) + " random PDUs")
        , m_count(count)
    {
    }

  private:
    uint32_t Int(uint32_t lo, uint32_t hi)
    {
        return m_rng->GetInteger(lo, hi);
    }

    std::string Text(uint32_t maxLen, bool token = false)
    {
        std::string s;
        uint32_t n = Int(0, maxLen);
        for (uint32_t i = 0; i < n; ++i)
        {
            uint8_t c = token ? static_cast<uint8_t>(Int(0, 1) ? Int('a', 'z') : '-')
                              : static_cast<uint8_t>(Int(0x20, 0xFF));
            if (token && i == 0)
            {
                c = static_cast<uint8_t>(Int('A', 'Z'));
            }
            s.push_back(static_cast<char>(c));
        }
        return s;
    }

    MmsWspEncodedString Str()
    {
        static const uint32_t charsets[] = {0, 0, 3, 4, 17, 106, 1000, 1015};
        return MmsWspEncodedString{charsets[Int(0, 7)], Text(40)};
    }

    std::vector<uint8_t> RawValue()
    {
        MmsWspWriter w;
        switch (Int(0, 3))
        {
            case 0:
                w.WriteOctet(static_cast<uint8_t>(Int(0x80, 0xFF)));
                break;
            case 1:
            case 2:
            {
                // Value-length in one octet (1..30) or with the Length-quote (31 and more).
                uint32_t n = Int(0, 1) ? Int(1, 30) : Int(31, 200);
                w.WriteValueLength(n);
                for (uint32_t i = 0; i < n; ++i)
                {
                    w.WriteOctet(static_cast<uint8_t>(Int(0, 255)));
                }
                break;
            }
            default:
                w.WriteTextString(std::string(1, static_cast<char>(Int('a', 'z')))
                                  + Text(20, true));
        }
        return w.GetBuffer();
    }

    MmsWspContentType PartType()
    {
        static const char* types[] = {"text/plain",
                                      "image/jpeg",
                                      "image/gif",
                                      "application/smil",
                                      "audio/amr",
                                      "video/3gpp",
                                      "image/png"};
        MmsWspContentType ct(types[Int(0, 6)]);
        if (Int(0, 2) == 0)
        {
            ct.SetCharset(Int(0, 1) ? MmsWspCharset::UTF_8 : MmsWspCharset::US_ASCII);
        }
        if (Int(0, 3) == 0)
        {
            ct.SetTextParameter(MmsWspParam::NAME, "n" + Text(10, true));
        }
        return ct;
    }

    MmsMultipartBody Body()
    {
        MmsMultipartBody b;
        uint32_t n = Int(0, 4);
        for (uint32_t i = 0; i < n; ++i)
        {
            MmsPart p;
            p.contentType = PartType();
            if (Int(0, 1))
            {
                MmsWspPartHeader h = MmsWspPartHeader::ContentId("<id" + std::to_string(i) + ">");
                h.quoted = Int(0, 3) != 0;
                p.headers.push_back(h);
            }
            if (Int(0, 1))
            {
                p.headers.push_back(MmsWspPartHeader::ContentLocation("f" + Text(12, true)));
            }
            if (Int(0, 4) == 0)
            {
                MmsWspPartHeader raw;
                raw.code = static_cast<int>(Int(0x01, 0x3F));
                if (raw.code == MmsWspPartHeader::CONTENT_LOCATION)
                {
                    raw.code = 0x2F;
                }
                raw.raw = RawValue();
                p.headers.push_back(raw);
            }
            if (Int(0, 4) == 0)
            {
                MmsWspPartHeader textual;
                textual.code = -1;
                textual.name = "X" + Text(8, true);
                textual.value = Text(10, true);
                p.headers.push_back(textual);
            }
            if (Int(0, 2) == 0)
            {
                p.data = MmsContent::Virtual(Int(0, 400000));
            }
            else
            {
                std::vector<uint8_t> d(Int(0, 300));
                for (auto& o : d)
                {
                    o = static_cast<uint8_t>(Int(0, 255));
                }
                p.data = MmsContent(d);
            }
            b.parts.push_back(p);
        }
        return b;
    }

    void AddRandomField(MmsPdu& p)
    {
        // Fields by kind (never Type, TID, Version, Content-Type: those are set apart).
        static const uint8_t octetFields[] = {0x06, 0x0F, 0x10, 0x11, 0x12, 0x14, 0x15,
                                              0x19, 0x1B, 0x1C, 0x22, 0x23, 0x25, 0x27,
                                              0x31, 0x34, 0x3A, 0x3B, 0x3C, 0x3F};
        static const uint8_t textFields[] = {0x03, 0x0B, 0x1E, 0x37, 0x38, 0x39, 0x3D, 0x3E};
        static const uint8_t stringFields[] = {
            0x01, 0x02, 0x13, 0x16, 0x17, 0x1A, 0x26, 0x35, 0x36};
        static const uint8_t rawFields[] = {0x24,
                                            0x28,
                                            0x29,
                                            0x2A,
                                            0x2B,
                                            0x2C,
                                            0x2D,
                                            0x2E,
                                            0x2F,
                                            0x30,
                                            0x32,
                                            0x33,
                                            0x40,
                                            0x55,
                                            0x7F};
        switch (Int(0, 10))
        {
            case 0:
                p.AddField(MmsHeaderField::Octet(octetFields[Int(0, 19)],
                                                 static_cast<uint8_t>(Int(0x80, 0xFF))));
                break;
            case 1:
            {
                std::string t = Text(30);
                if (!t.empty() && static_cast<uint8_t>(t[0]) < 0x20)
                {
                    t[0] = 'a';
                }
                p.AddField(MmsHeaderField::Text(textFields[Int(0, 7)], t));
                break;
            }
            case 2:
            case 3:
                p.AddField(MmsHeaderField::String(stringFields[Int(0, 8)], Str()));
                break;
            case 4:
                p.AddField(
                    MmsHeaderField::LongInteger(Int(0, 1) ? MmsField::DATE : MmsField::MESSAGE_SIZE,
                                                uint64_t(Int(0, 0xFFFFFFFF)) * Int(1, 1000)));
                break;
            case 5:
                p.AddField(
                    MmsHeaderField::Time(Int(0, 1) ? MmsField::EXPIRY : MmsField::DELIVERY_TIME,
                                         Int(0, 1),
                                         Int(0, 0xFFFFFFFF)));
                break;
            case 6:
                p.AddField(Int(0, 3) ? MmsHeaderField::From(Text(30), Int(0, 1) ? 0 : 106)
                                     : MmsHeaderField::FromInsertAddress());
                break;
            case 7:
                p.AddField(MmsHeaderField::Raw(rawFields[Int(0, 14)], RawValue()));
                break;
            case 8:
                p.AddField(MmsHeaderField::Application("X" + Text(10, true), Text(20, true)));
                break;
            case 9:
            {
                MmsHeaderField f;
                f.code = Int(0, 1) ? MmsField::PREVIOUSLY_SENT_BY : MmsField::PREVIOUSLY_SENT_DATE;
                f.kind = f.code == MmsField::PREVIOUSLY_SENT_BY ? MmsHeaderField::SENT_BY
                                                                : MmsHeaderField::SENT_DATE;
                f.number = Int(0, 1000);
                f.str = f.kind == MmsHeaderField::SENT_BY ? Str() : MmsWspEncodedString();
                f.date = f.kind == MmsHeaderField::SENT_DATE ? Int(0, 0xFFFFFFFF) : 0;
                p.AddField(f);
                break;
            }
            default:
            {
                // Message-Class as a token octet or as a textual class.
                if (Int(0, 1))
                {
                    p.AddField(MmsHeaderField::Octet(MmsField::MESSAGE_CLASS,
                                                     static_cast<uint8_t>(Int(0x80, 0x83))));
                }
                else
                {
                    p.AddField(MmsHeaderField::Text(MmsField::MESSAGE_CLASS, "c" + Text(8, true)));
                }
            }
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(7);
        RngSeedManager::SetRun(1);
        m_rng = CreateObject<UniformRandomVariable>();
        m_rng->SetStream(1);
        uint32_t byType[24] = {};
        uint64_t virtualOctets = 0;
        for (uint32_t i = 0; i < m_count; ++i)
        {
            uint8_t type = static_cast<uint8_t>(Int(0x80, 0x97));
            ++byType[type - 0x80];
            MmsPdu p;
            p.AddField(MmsHeaderField::Octet(MmsField::MESSAGE_TYPE, type));
            if (Int(0, 5) != 0)
            {
                p.AddField(MmsHeaderField::Text(MmsField::TRANSACTION_ID, "t" + Text(20, true)));
            }
            p.AddField(MmsHeaderField::Octet(MmsField::MMS_VERSION,
                                             static_cast<uint8_t>(Int(0x90, 0x93))));
            uint32_t n = Int(0, 12);
            for (uint32_t k = 0; k < n; ++k)
            {
                AddRandomField(p);
            }
            bool bodied = type == 0x80 || type == 0x84 || type == 0x8F || Int(0, 9) == 0;
            if (bodied)
            {
                if (Int(0, 4) == 0)
                {
                    std::vector<uint8_t> d(Int(1, 100), 0x41);
                    p.SetBody(MmsWspContentType("text/plain"), MmsContent(d));
                }
                else
                {
                    MmsWspContentType ct(Int(0, 1) ? "application/vnd.wap.multipart.related"
                                                   : "application/vnd.wap.multipart.mixed");
                    if (Int(0, 1))
                    {
                        ct.SetTextParameter(MmsWspParam::TYPE, "application/smil");
                        ct.SetTextParameter(MmsWspParam::START, "<id0>");
                    }
                    MmsMultipartBody body = Body();
                    if (body.parts.empty())
                    {
                        body = Body();
                    }
                    p.SetBody(ct, body);
                }
                virtualOctets += p.GetContentSize();
            }
            std::vector<uint8_t> octets = p.Encode();
            NS_TEST_ASSERT_MSG_EQ(octets.size(), p.GetEncodedSize(), "size of PDU " << i);
            MmsPdu q;
            MmsDecodeError err;
            bool ok = MmsPdu::Decode(octets.data(), octets.size(), q, err);
            NS_TEST_ASSERT_MSG_EQ(ok, true, "PDU " << i << ": " << err.ToString());
            if (p.HasBody() && p.GetBody().isMultipart && p.GetBody().multipart.parts.empty())
            {
                continue; // an empty multipart is one octet (count 0); nothing else to compare
            }
            NS_TEST_ASSERT_MSG_EQ((q == p), true, "PDU " << i << " differs after decoding");
            NS_TEST_ASSERT_MSG_EQ(MmsWspToHex(q.Encode()),
                                  MmsWspToHex(octets),
                                  "PDU " << i << " re-encodes differently");
        }
        for (uint32_t t = 0; t < 24; ++t)
        {
            NS_TEST_EXPECT_MSG_GT(byType[t], 0u, "type " << MmsPdu::MessageTypeName(0x80 + t));
        }
        NS_TEST_EXPECT_MSG_GT(virtualOctets, 1000000u, "bodies were exercised");
    }

    uint32_t m_count;
    Ptr<UniformRandomVariable> m_rng;
};

/// Every prefix of a valid PDU and every single-octet corruption decodes to an error or a
/// consistent PDU, never a crash (run it under AddressSanitizer to check bounds).
class MmsPduMalformedTestCase : public TestCase
{
  public:
    MmsPduMalformedTestCase()
        : TestCase("truncated and corrupted PDUs give located errors")
    {
    }

  private:
    void DoRun() override
    {
        MmsMultipartBody body;
        MmsPart part;
        part.contentType = MmsWspContentType("text/plain");
        part.contentType.SetCharset(MmsWspCharset::UTF_8);
        part.headers.push_back(MmsWspPartHeader::ContentId("<t>"));
        part.data = MmsContent(std::string("hello"));
        body.parts.push_back(part);
        MmsWspContentType ct("application/vnd.wap.multipart.mixed");
        MmsPdu p = MmsPdu::MakeSendReq("T1", "+1/TYPE=PLMN", {"+2/TYPE=PLMN"}, ct, body);
        p.AddField(MmsHeaderField::Time(MmsField::EXPIRY, false, 3600));
        std::vector<uint8_t> o = p.Encode();
        uint32_t errors = 0;
        for (std::size_t n = 0; n < o.size(); ++n)
        {
            MmsPdu q;
            MmsDecodeError e;
            if (!MmsPdu::Decode(o.data(), n, q, e))
            {
                ++errors;
                NS_TEST_EXPECT_MSG_LT_OR_EQ(e.offset, n, "error offset within the input");
                NS_TEST_EXPECT_MSG_EQ(e.message.empty(), false, "error says why");
            }
        }
        NS_TEST_EXPECT_MSG_GT(errors, o.size() / 3, "most truncations are detected");
        for (std::size_t i = 0; i < o.size(); ++i)
        {
            for (uint8_t v : {uint8_t{0x00}, uint8_t{0x1F}, uint8_t{0x7F}, uint8_t{0xFF}})
            {
                std::vector<uint8_t> c = o;
                c[i] = v;
                MmsPdu q;
                MmsDecodeError e;
                if (MmsPdu::Decode(c.data(), c.size(), q, e))
                {
                    std::vector<uint8_t> again = q.Encode();
                    NS_TEST_EXPECT_MSG_EQ(again.size(), q.GetEncodedSize(), "consistent size");
                }
            }
        }
        // Specific errors name the field and the offset.
        std::vector<uint8_t> b;
        MmsWspFromHex("8d90", b);
        MmsPdu q;
        MmsDecodeError e;
        NS_TEST_EXPECT_MSG_EQ(MmsPdu::Decode(b.data(), b.size(), q, e), false, "no type first");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(),
                              "offset 0 (X-Mms-Message-Type): the first header must be "
                              "X-Mms-Message-Type (0x8c), found 0x8d",
                              "message");
        MmsWspFromHex("8c82 8805810303f4", b);
        NS_TEST_EXPECT_MSG_EQ(MmsPdu::Decode(b.data(), b.size(), q, e), false, "short expiry");
        NS_TEST_EXPECT_MSG_EQ(e.ToString(),
                              "offset 3 (X-Mms-Expiry): value length 5 exceeds the 4 octets left",
                              "message");
        // A multipart entry count that cannot fit is refused before any allocation.
        MmsWspFromHex("8c84 8d90 84a3 8fffffff7f", b);
        NS_TEST_EXPECT_MSG_EQ(MmsPdu::Decode(b.data(), b.size(), q, e), false, "huge count");
        NS_TEST_EXPECT_MSG_EQ(e.field, "multipart entry count", e.ToString());
        // Tolerated: empty Subject, missing NUL at the end.
        MmsWspFromHex("8c83 98 543100 8d90 9600 9581 8b 6d31", b);
        NS_TEST_EXPECT_MSG_EQ(MmsPdu::Decode(b.data(), b.size(), q, e), true, e.ToString());
        NS_TEST_EXPECT_MSG_EQ(q.GetText(MmsField::MESSAGE_ID), "m1", "unterminated text");
        NS_TEST_EXPECT_MSG_EQ(q.GetWarnings().size(), 1u, "one warning");
        NS_TEST_EXPECT_MSG_EQ(q.GetText(MmsField::SUBJECT), "", "empty subject");
    }
};

/// Virtual content: a 300 KB message costs no memory for its media and its size is exact.
class MmsPduVirtualContentTestCase : public TestCase
{
  public:
    MmsPduVirtualContentTestCase()
        : TestCase("virtual media have exact sizes and stay virtual in packets")
    {
    }

  private:
    void DoRun() override
    {
        MmsMultipartBody body;
        MmsPart photo;
        photo.contentType = MmsWspContentType("image/jpeg");
        photo.data = MmsContent::Virtual(300 * 1024);
        body.parts.push_back(photo);
        MmsPdu p = MmsPdu::MakeSendReq("T1",
                                       "+1/TYPE=PLMN",
                                       {"+2/TYPE=PLMN"},
                                       MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                       body);
        // Headers: 8c80 98 'T1'00 8d92 89 0e 80 '+1/TYPE=PLMN'00 97 '+2/TYPE=PLMN'00 84 a3 = 40;
        // body: count 01, headers length 01, data length 93 e0 00, content type 9e, data.
        NS_TEST_EXPECT_MSG_EQ(p.GetEncodedSize(), 40u + 1 + 1 + 3 + 1 + 300 * 1024, "exact size");
        std::vector<MmsWireSegment> segments;
        p.EncodeSegments(segments);
        NS_TEST_ASSERT_MSG_EQ(segments.size(), 1u, "one run of octets then the virtual photo");
        NS_TEST_EXPECT_MSG_EQ(segments[0].bytes.size(), 46u, "real octets");
        NS_TEST_EXPECT_MSG_EQ(segments[0].virtualZeros, 300u * 1024, "virtual octets");
        std::vector<Ptr<Packet>> packets = MmsPduHeader::CreatePackets(p);
        uint32_t total = 0;
        for (const auto& pk : packets)
        {
            total += pk->GetSize();
        }
        NS_TEST_EXPECT_MSG_EQ(total, p.GetEncodedSize(), "packets carry the exact size");
        MmsPdu q;
        MmsDecodeError e;
        MmsDecodeOptions light;
        light.keepContent = false;
        std::vector<uint8_t> o = p.Encode();
        NS_TEST_ASSERT_MSG_EQ(MmsPdu::Decode(o.data(), o.size(), q, e, light), true, "decode");
        NS_TEST_EXPECT_MSG_EQ(q.GetBody().multipart.parts.at(0).data.IsVirtual(),
                              true,
                              "decoded without keeping the media");
        NS_TEST_EXPECT_MSG_EQ(q.GetContentSize(), 300u * 1024, "size kept");

        // The PDU as an ns-3 header in a packet.
        MmsPdu conf = MmsPdu::MakeSendConf("T1", MmsValue::RESPONSE_OK, "m1");
        Ptr<Packet> pkt = Create<Packet>();
        pkt->AddHeader(MmsPduHeader(conf));
        NS_TEST_EXPECT_MSG_EQ(pkt->GetSize(), conf.GetEncodedSize(), "header size");
        MmsPduHeader h;
        pkt->RemoveHeader(h);
        NS_TEST_EXPECT_MSG_EQ(h.IsValid(), true, h.GetDecodeError().ToString());
        NS_TEST_EXPECT_MSG_EQ((h.GetPdu() == conf), true, "same PDU out of the packet");
        Ptr<Packet> junk = Create<Packet>(reinterpret_cast<const uint8_t*>("\x8d\x90"), 2);
        MmsPduHeader bad;
        junk->RemoveHeader(bad);
        NS_TEST_EXPECT_MSG_EQ(bad.IsValid(), false, "undecodable PDU flagged, not fatal");
    }
};

/// The suite.
class MmsPduTestSuite : public TestSuite
{
  public:
    MmsPduTestSuite()
        : TestSuite("mms-pdu", Type::UNIT)
    {
        AddTestCase(new MmsPduVectorsTestCase);
        AddTestCase(new MmsPduRoundTripTestCase(3000));
        AddTestCase(new MmsPduRoundTripTestCase(100000), mmstest::TestDuration::EXTENSIVE);
        AddTestCase(new MmsPduMalformedTestCase);
        AddTestCase(new MmsPduVirtualContentTestCase);
    }
};

static MmsPduTestSuite g_mmsPduTestSuite; //!< Static variable for test initialization
