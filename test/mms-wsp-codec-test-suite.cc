/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// WSP primitives and content types: byte-exact vectors, boundaries, errors with offsets.

#include "mms-test-data.h"

#include "ns3/mms-wsp-codec.h"
#include "ns3/mms-wsp-content-type.h"
#include "ns3/test.h"

using namespace ns3;

using mmstest::Hex;

/// Encoding of each primitive against hand-checked octets (WAP-230 section 8.4).
class WspPrimitiveVectorsTestCase : public TestCase
{
  public:
    WspPrimitiveVectorsTestCase()
        : TestCase("WSP primitives encode to the specified octets and decode back")
    {
    }

  private:
    void DoRun() override
    {
        struct UintvarVector
        {
            uint32_t value;
            const char* hex;
        };

        // 305 = 0b10_0110001 -> 82 31 (the digest's example); 2^32-1 takes five octets.
        const UintvarVector uintvars[] = {{0, "00"},
                                          {127, "7f"},
                                          {128, "8100"},
                                          {305, "8231"},
                                          {16383, "ff7f"},
                                          {16384, "818000"},
                                          {0xFFFFFFFF, "8fffffff7f"}};
        for (const auto& v : uintvars)
        {
            MmsWspWriter w;
            w.WriteUintvar(v.value);
            NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(w.GetBuffer()), v.hex, "Uintvar " << v.value);
            NS_TEST_EXPECT_MSG_EQ(
                MmsWspWriter::UintvarSize(v.value), w.GetSize(), "UintvarSize " << v.value);
            std::vector<uint8_t> b = Hex(v.hex);
            MmsWspReader r(b.data(), b.size());
            NS_TEST_EXPECT_MSG_EQ(r.ReadUintvar("x"), v.value, "decode " << v.hex);
            NS_TEST_EXPECT_MSG_EQ(r.Ok() && r.IsAtEnd(), true, "consumed " << v.hex);
        }

        MmsWspWriter w;
        w.WriteShortInteger(0);
        w.WriteShortInteger(127);
        w.WriteLongInteger(0);
        w.WriteLongInteger(16384);
        w.WriteLongInteger(1733000000);
        w.WriteIntegerValue(5);
        w.WriteIntegerValue(200);
        w.WriteValueLength(30);
        w.WriteValueLength(31);
        w.WriteValueLength(300);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(w.GetBuffer()),
                              "80ff"
                              "0100"
                              "024000"
                              "04674b7b40"
                              "85"
                              "01c8"
                              "1e"
                              "1f1f"
                              "1f822c",
                              "integers and value lengths");
        std::vector<uint8_t> b = w.GetBuffer();
        MmsWspReader r(b.data(), b.size());
        NS_TEST_EXPECT_MSG_EQ(unsigned(r.ReadShortInteger("a")), 0u, "short 0");
        NS_TEST_EXPECT_MSG_EQ(unsigned(r.ReadShortInteger("a")), 127u, "short 127");
        NS_TEST_EXPECT_MSG_EQ(r.ReadLongInteger("a"), 0u, "long 0");
        NS_TEST_EXPECT_MSG_EQ(r.ReadLongInteger("a"), 16384u, "long 16384");
        NS_TEST_EXPECT_MSG_EQ(r.ReadLongInteger("a"), 1733000000u, "date");
        NS_TEST_EXPECT_MSG_EQ(r.ReadIntegerValue("a"), 5u, "integer-value short");
        NS_TEST_EXPECT_MSG_EQ(r.ReadIntegerValue("a"), 200u, "integer-value long");
        NS_TEST_EXPECT_MSG_EQ(r.Ok(), true, "no error");

        // Strings: Quote before an octet >= 0x80; Quoted-string; Encoded-string with charsets,
        // including UTF-16 whose MIBenum 1015 needs the long form 02 03 f7 (and whose BOM, an octet
        // >= 0x80, needs the Quote).
        MmsWspWriter s;
        s.WriteTextString("ab");
        s.WriteTextString("\xC3\xA4");
        s.WriteQuotedString("<smil>");
        s.WriteEncodedString(MmsWspEncodedString{0, "x"});
        s.WriteEncodedString(MmsWspEncodedString{MmsWspCharset::UTF_8, "x"});
        s.WriteEncodedString(MmsWspEncodedString{MmsWspCharset::UTF_16, "\xFE\xFF\x4E\x2D"});
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(s.GetBuffer()),
                              "616200"
                              "7fc3a400"
                              "223c736d696c3e00"
                              "7800"
                              "03ea7800"
                              "090203f77ffeff4e2d00",
                              "strings");
        b = s.GetBuffer();
        MmsWspReader sr(b.data(), b.size());
        NS_TEST_EXPECT_MSG_EQ(sr.ReadTextString("t"), "ab", "text");
        NS_TEST_EXPECT_MSG_EQ(sr.ReadTextString("t"), "\xC3\xA4", "quoted text");
        NS_TEST_EXPECT_MSG_EQ(sr.ReadQuotedString("t"), "<smil>", "quoted-string");
        NS_TEST_EXPECT_MSG_EQ(sr.ReadEncodedString("t").text, "x", "plain encoded string");
        MmsWspEncodedString u8 = sr.ReadEncodedString("t");
        NS_TEST_EXPECT_MSG_EQ(u8.charset, MmsWspCharset::UTF_8, "utf-8 charset");
        MmsWspEncodedString u16 = sr.ReadEncodedString("t");
        NS_TEST_EXPECT_MSG_EQ(u16.charset, MmsWspCharset::UTF_16, "utf-16 charset (long form)");
        NS_TEST_EXPECT_MSG_EQ(u16.ToUtf8(), "\xE4\xB8\xAD", "utf-16 with BOM converted");
        NS_TEST_EXPECT_MSG_EQ(sr.Ok() && sr.IsAtEnd(), true, "all consumed");

        MmsWspEncodedString latin{MmsWspCharset::ISO_8859_1, "\xE4"};
        NS_TEST_EXPECT_MSG_EQ(latin.ToUtf8(), "\xC3\xA4", "iso-8859-1 to UTF-8");
    }
};

/// Malformed primitives fail with the right offset and never read past the end.
class WspPrimitiveErrorsTestCase : public TestCase
{
  public:
    WspPrimitiveErrorsTestCase()
        : TestCase("malformed WSP primitives give located errors")
    {
    }

  private:
    void Check(const std::string& hex,
               void (*read)(MmsWspReader&),
               std::size_t offset,
               const std::string& fragment)
    {
        std::vector<uint8_t> b = Hex(hex);
        MmsWspReader r(b.data(), b.size(), 10);
        read(r);
        NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, hex << " must fail");
        NS_TEST_EXPECT_MSG_EQ(r.GetError().offset, offset, hex << ": " << r.GetError().ToString());
        NS_TEST_EXPECT_MSG_NE(r.GetError().message.find(fragment),
                              std::string::npos,
                              hex << ": " << r.GetError().ToString());
    }

    void DoRun() override
    {
        // Offsets are reported from the reader's base offset (10 here).
        Check(
            "808080808000",
            [](MmsWspReader& r)
            {
                r.ReadUintvar("u");
            },
            10,
            "longer than 5");
        Check(
            "9fffffff7f",
            [](MmsWspReader& r)
            {
                r.ReadUintvar("u");
            },
            10,
            "exceeds 32 bits");
        Check(
            "8181",
            [](MmsWspReader& r)
            {
                r.ReadUintvar("u");
            },
            10,
            "past the end");
        Check(
            "00",
            [](MmsWspReader& r)
            {
                r.ReadLongInteger("l");
            },
            10,
            "not in 1..30");
        Check(
            "0501",
            [](MmsWspReader& r)
            {
                r.ReadLongInteger("l");
            },
            10,
            "only 1 are left");
        Check(
            "090102030405060708090a",
            [](MmsWspReader& r)
            {
                r.ReadLongInteger("l");
            },
            10,
            "does not fit");
        Check(
            "0541",
            [](MmsWspReader& r)
            {
                r.ReadValueLength("v");
            },
            10,
            "exceeds the 1");
        Check(
            "1f8f7f",
            [](MmsWspReader& r)
            {
                r.ReadValueLength("v");
            },
            10,
            "exceeds the 0");
        Check(
            "41",
            [](MmsWspReader& r)
            {
                r.ReadShortInteger("s");
            },
            10,
            "Short-integer");
        Check(
            "",
            [](MmsWspReader& r)
            {
                r.ReadOctet("o");
            },
            10,
            "end of data");
        Check(
            "0403",
            [](MmsWspReader& r)
            {
                r.ReadEncodedString("e");
            },
            10,
            "exceeds");

        // A Text-string that runs to the end without its NUL is tolerated with a warning.
        std::vector<uint8_t> b = Hex("4142");
        MmsWspReader r(b.data(), b.size());
        NS_TEST_EXPECT_MSG_EQ(r.ReadTextString("t"), "AB", "unterminated text");
        NS_TEST_EXPECT_MSG_EQ(r.Ok(), true, "tolerated");
        NS_TEST_EXPECT_MSG_EQ(r.GetWarnings().size(), 1u, "with a warning");

        // After an error every read is neutral and nothing advances.
        b = Hex("81");
        MmsWspReader e(b.data(), b.size());
        e.ReadUintvar("u");
        NS_TEST_EXPECT_MSG_EQ(e.ReadOctet("o"), 0, "neutral after error");
        NS_TEST_EXPECT_MSG_EQ(e.GetError().field, "u", "first error kept");

        std::vector<uint8_t> out;
        std::string err;
        NS_TEST_EXPECT_MSG_EQ(MmsWspFromHex("8c 8\n2", out, &err), true, "white space ignored");
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(out), "8c82", "hex parse");
        NS_TEST_EXPECT_MSG_EQ(MmsWspFromHex("8c\n8g", out, &err), false, "bad digit");
        NS_TEST_EXPECT_MSG_EQ(err, "line 2, column 2: 'g' is not a hex digit", "located");
    }
};

/// Content types in all three forms, parameters, byte-exact re-encoding.
class WspContentTypeTestCase : public TestCase
{
  public:
    WspContentTypeTestCase()
        : TestCase("WSP content types decode in every form and re-encode exactly")
    {
    }

  private:
    void DoRun() override
    {
        struct Vector
        {
            const char* hex;
            const char* text;
        };

        const Vector vectors[] = {
            // well-known short forms
            {"be", "application/vnd.wap.mms-message"},
            {"a3", "application/vnd.wap.multipart.mixed"},
            {"9e", "image/jpeg"},
            // extension media as text
            {"6170706c69636174696f6e2f736d696c00", "application/smil"},
            // text/plain; charset=utf-8 (a real part header from the digest)
            {"0383"
             "81ea",
             "text/plain; charset=utf-8"},
            // related with Type and Start (digest section 3.6)
            {"1bb3896170706c69636174696f6e2f736d696c008a3c534d494c3e00",
             "application/vnd.wap.multipart.related; type=application/smil; start=<SMIL>"},
            // general form of the MMS type with charset iso-8859-1, as a real push carries it
            {"1f22"
             "6170706c69636174696f6e2f766e642e7761702e6d6d732d6d65737361676500"
             "8184",
             "application/vnd.wap.mms-message; charset=iso-8859-1"},
            // Name parameter and an untyped parameter
            {"0b9e"
             "8570686f746f00"
             "7800"
             "8a",
             "image/jpeg; name=photo; x=10"},
        };
        for (const auto& v : vectors)
        {
            std::vector<uint8_t> b = Hex(v.hex);
            MmsWspReader r(b.data(), b.size());
            MmsWspContentType ct = MmsWspContentType::Decode(r, "Content-Type");
            NS_TEST_ASSERT_MSG_EQ(r.Ok(), true, v.hex << ": " << r.GetError().ToString());
            NS_TEST_EXPECT_MSG_EQ(r.IsAtEnd(), true, v.hex << " fully consumed");
            NS_TEST_EXPECT_MSG_EQ(ct.ToString(), v.text, v.hex);
            MmsWspWriter w;
            ct.Encode(w);
            NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(w.GetBuffer()), v.hex, "re-encodes exactly");
            NS_TEST_EXPECT_MSG_EQ(ct.GetEncodedSize(), b.size(), "size " << v.hex);
        }

        // The general form of a well-known type re-encodes as it came, although the canonical
        // form of the same value is the short one.
        std::vector<uint8_t> general = Hex("01be");
        MmsWspReader gr(general.data(), general.size());
        MmsWspContentType g = MmsWspContentType::Decode(gr, "Content-Type");
        MmsWspWriter gw;
        g.Encode(gw);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(gw.GetBuffer()), "01be", "original form kept");
        NS_TEST_EXPECT_MSG_EQ((g == MmsWspContentType("application/vnd.wap.mms-message")),
                              true,
                              "equal to the canonical value");
        MmsWspWriter cw;
        MmsWspContentType("application/vnd.wap.mms-message").Encode(cw);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(cw.GetBuffer()), "be", "canonical is short");

        // Built in code: multipart/related with type and start.
        MmsWspContentType rel("application/vnd.wap.multipart.related");
        rel.SetTextParameter(MmsWspParam::TYPE, "application/smil");
        rel.SetTextParameter(MmsWspParam::START, "<SMIL>");
        MmsWspWriter rw;
        rel.Encode(rw);
        NS_TEST_EXPECT_MSG_EQ(MmsWspToHex(rw.GetBuffer()),
                              "1bb3896170706c69636174696f6e2f736d696c008a3c534d494c3e00",
                              "related encodes as a real M-Send.req has it");
        NS_TEST_EXPECT_MSG_EQ(rel.IsMultipart(), true, "multipart");
        NS_TEST_EXPECT_MSG_EQ(rel.GetStart(), "<SMIL>", "start");
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspContentType::WellKnownCode("IMAGE/PNG"), 0x20, "case-insensitive");

        // Errors
        std::vector<uint8_t> bad = Hex("05b3896100");
        MmsWspReader br(bad.data(), bad.size());
        MmsWspContentType::Decode(br, "Content-Type");
        NS_TEST_EXPECT_MSG_EQ(br.Ok(), false, "value length past the end");
        NS_TEST_EXPECT_MSG_EQ(br.GetError().offset, 0u, br.GetError().ToString());

        // Part headers: Content-ID (quoted), Content-Location, an unknown one kept raw, and
        // a textual one.
        std::vector<uint8_t> hb = Hex("c0223c696d673e00"
                                      "8e612e6a706700"
                                      "ae0281ea"
                                      "582d4100763100");
        MmsWspReader hr(hb.data(), hb.size());
        std::vector<MmsWspPartHeader> hs;
        while (hr.Ok() && !hr.IsAtEnd())
        {
            hs.push_back(MmsWspPartHeader::Decode(hr));
        }
        NS_TEST_ASSERT_MSG_EQ(hs.size(), 4u, hr.GetError().ToString());
        NS_TEST_EXPECT_MSG_EQ(hs[0].GetName() + "=" + hs[0].value, "Content-ID=<img>", "cid");
        NS_TEST_EXPECT_MSG_EQ(hs[1].GetName() + "=" + hs[1].value, "Content-Location=a.jpg", "");
        NS_TEST_EXPECT_MSG_EQ(hs[2].FormatValue(), "hex:0281ea", "raw kept");
        NS_TEST_EXPECT_MSG_EQ(hs[3].GetName() + "=" + hs[3].value, "X-A=v1", "textual");
        MmsWspWriter hw;
        for (const auto& h : hs)
        {
            h.Encode(hw);
        }
        NS_TEST_EXPECT_MSG_EQ(
            MmsWspToHex(hw.GetBuffer()), MmsWspToHex(hb), "headers re-encode exactly");
    }
};

/// The suite.
class MmsWspCodecTestSuite : public TestSuite
{
  public:
    MmsWspCodecTestSuite()
        : TestSuite("mms-wsp-codec", Type::UNIT)
    {
        AddTestCase(new WspPrimitiveVectorsTestCase);
        AddTestCase(new WspPrimitiveErrorsTestCase);
        AddTestCase(new WspContentTypeTestCase);
    }
};

static MmsWspCodecTestSuite g_mmsWspCodecTestSuite; //!< Static variable for test initialization
