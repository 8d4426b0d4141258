/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Internet messages with MIME and the MM4 messages: base64 against the RFC 4648 vectors and
// its exact encoded size with line breaks, header folding and unfolding, multipart bodies
// with real and virtual parts serialized to exactly the computed size and parsed back, parser
// errors with their offsets, RFC 5322 dates, an MM4_forward.REQ built from an M-Send.req
// compared octet for octet with a vector checked by hand against TS 23.140 section 8.4 and
// RFC 5322/2045/2046, round trips MM1 -> MM4 -> MM1 for the forward, the delivery report and
// the read-reply report, and the MM4 field checks.

#include "ns3/mms-internet-message.h"
#include "ns3/mms-mm4-message.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

std::string
Text(const MmsContent& c)
{
    return std::string(c.GetBytes().begin(), c.GetBytes().end());
}

/// The parse error of a text ("" when it parses).
std::string
ParseError(const std::string& text)
{
    MmsMimeEntity e;
    std::string error;
    return MmsMimeEntity::Parse(text.data(), text.size(), e, error) ? "" : error;
}

/// The M-Send.req of the hand-checked vector: a text and a 4-octet JPEG start.
MmsPdu
VectorSendReq()
{
    MmsMultipartBody body;
    MmsPart text;
    text.contentType = MmsWspContentType("text/plain");
    text.contentType.SetCharset(MmsWspCharset::UTF_8);
    MmsWspPartHeader id;
    id.code = MmsWspPartHeader::CONTENT_ID;
    id.value = "<t1>";
    text.headers.push_back(id);
    text.data = MmsContent(std::string("Hello"));
    MmsPart image;
    image.contentType = MmsWspContentType("image/jpeg");
    image.contentType.SetTextParameter(MmsWspParam::NAME, "a.jpg");
    MmsWspPartHeader location;
    location.code = MmsWspPartHeader::CONTENT_LOCATION;
    location.value = "a.jpg";
    image.headers.push_back(location);
    image.data = MmsContent(std::vector<uint8_t>{0xFF, 0xD8, 0xFF, 0xE0});
    body.parts = {text, image};
    MmsPdu req = MmsPdu::MakeSendReq("T1",
                                     "",
                                     {"+4479876543/TYPE=PLMN"},
                                     MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                     body);
    req.AddField(MmsHeaderField::String(MmsField::SUBJECT, {0, "Hi"}));
    req.AddField(MmsHeaderField::Octet(MmsField::DELIVERY_REPORT, MmsValue::YES));
    return req;
}

/// Operator A (MCC 234, MNC 10) owns +4412..., operator B (MNC 20) +4479...
std::string
DomainOf(const std::string& address)
{
    return address.rfind("+4479", 0) == 0 ? MmsMm4Message::MmseDomain(234, 20)
                                          : MmsMm4Message::MmseDomain(234, 10);
}

const std::string SYSTEM = "system-user@mms.mnc010.mcc234.gprs";

} // namespace

/// Base64: RFC 4648 section 10 vectors, sizes with line breaks, decoding errors.
class MimeBase64TestCase : public TestCase
{
  public:
    MimeBase64TestCase()
        : TestCase("base64: RFC 4648 vectors, exact sizes with CRLF every 76 characters, errors")
    {
    }

  private:
    void DoRun() override
    {
        const std::pair<std::string, std::string> vectors[] = {{"", ""},
                                                               {"f", "Zg=="},
                                                               {"fo", "Zm8="},
                                                               {"foo", "Zm9v"},
                                                               {"foob", "Zm9vYg=="},
                                                               {"fooba", "Zm9vYmE="},
                                                               {"foobar", "Zm9vYmFy"}};
        for (const auto& v : vectors)
        {
            auto data = reinterpret_cast<const uint8_t*>(v.first.data());
            NS_TEST_ASSERT_MSG_EQ(MmsBase64::Encode(data, v.first.size()), v.second, v.first);
            std::vector<uint8_t> out;
            uint64_t n = 0;
            std::string error;
            NS_TEST_ASSERT_MSG_EQ(
                MmsBase64::Decode(v.second.data(), v.second.size(), &out, n, error), true, error);
            NS_TEST_ASSERT_MSG_EQ(std::string(out.begin(), out.end()), v.first, v.second);
        }
        // 57 octets are exactly one line of 76 characters; 58 need a second line.
        NS_TEST_ASSERT_MSG_EQ(MmsBase64::EncodedSize(57), 76U, "one full line");
        NS_TEST_ASSERT_MSG_EQ(MmsBase64::EncodedSize(58), 76U + 2 + 4, "a CRLF, 4 more");
        NS_TEST_ASSERT_MSG_EQ(MmsBase64::EncodedSize(30000), 40000U + 2 * 526, "30000 octets");
        for (std::size_t n = 0; n < 400; n++)
        {
            std::vector<uint8_t> data(n);
            for (std::size_t i = 0; i < n; i++)
            {
                data[i] = static_cast<uint8_t>(i * 37 + 11);
            }
            std::string text = MmsBase64::Encode(data.data(), n);
            NS_TEST_ASSERT_MSG_EQ(text.size(), MmsBase64::EncodedSize(n), "size of " << n);
            std::vector<uint8_t> back;
            uint64_t count = 0;
            std::string error;
            NS_TEST_ASSERT_MSG_EQ(
                MmsBase64::Decode(text.data(), text.size(), &back, count, error), true, error);
            NS_TEST_ASSERT_MSG_EQ((back == data), true, "round trip of " << n);
            NS_TEST_ASSERT_MSG_EQ(count, n, "count");
        }
        auto error = [](const std::string& text)
        {
            std::vector<uint8_t> out;
            uint64_t n = 0;
            std::string e;
            MmsBase64::Decode(text.data(), text.size(), &out, n, e);
            return e;
        };
        NS_TEST_ASSERT_MSG_EQ(error("Zm9v\r\nYm*y"), "offset 8: invalid base64 character '*'", "");
        NS_TEST_ASSERT_MSG_EQ(error("Zm9vY"),
                              "offset 5: base64 data not a multiple of four "
                              "characters",
                              "");
        NS_TEST_ASSERT_MSG_EQ(error("Z==="), "offset 1: misplaced base64 padding '='", "");
        NS_TEST_ASSERT_MSG_EQ(
            error("Zg==Zm9v"), "offset 4: base64 data after the final padded quantum", "");
    }
};

/// Header folding and unfolding, parameters, parser errors.
class MimeHeaderTestCase : public TestCase
{
  public:
    MimeHeaderTestCase()
        : TestCase("RFC 5322 fields: folding within 78 characters, unfolding, parameters, errors")
    {
    }

  private:
    void DoRun() override
    {
        std::string to;
        for (int i = 0; i < 6; i++)
        {
            to += (i ? ", " : "") + std::string("+44790000000") + std::to_string(i)
                  + "/TYPE=PLMN@mms.mnc020.mcc234.gprs";
        }
        std::string folded = MmsMimeEntity::FoldHeader("To", to);
        std::size_t start = 0;
        int lines = 0;
        while (start < folded.size())
        {
            std::size_t crlf = folded.find("\r\n", start);
            NS_TEST_ASSERT_MSG_LT_OR_EQ(crlf - start, 78U, "line " << lines << ": " << folded);
            if (lines > 0)
            {
                NS_TEST_ASSERT_MSG_EQ(folded[start], ' ', "a continuation starts with WSP");
            }
            start = crlf + 2;
            lines++;
        }
        NS_TEST_ASSERT_MSG_EQ(lines, 6, folded);
        MmsMimeEntity e;
        std::string error;
        std::string text = folded + "Subject:  \t spaced  \r\n\r\nbody";
        NS_TEST_ASSERT_MSG_EQ(
            MmsMimeEntity::Parse(text.data(), text.size(), e, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(e.GetHeader("to"), to, "unfolded exactly");
        NS_TEST_ASSERT_MSG_EQ(e.GetHeader("SUBJECT"), "spaced", "white space around dropped");
        NS_TEST_ASSERT_MSG_EQ(Text(e.content), "body", "body");
        NS_TEST_ASSERT_MSG_EQ(e.GetMediaType(), "text/plain", "RFC 2045 5.2 default");
        // A value without white space cannot be folded and stays on one line.
        std::string longWord(120, 'x');
        NS_TEST_ASSERT_MSG_EQ(MmsMimeEntity::FoldHeader("X-Long", longWord),
                              "X-Long: " + longWord + "\r\n",
                              "unfoldable");

        MmsMimeEntity ct;
        ct.AddHeader("Content-Type",
                     "Multipart/Related; type=\"application/smil\";start=\"<a;b>\"; boundary=b1");
        NS_TEST_ASSERT_MSG_EQ(ct.GetMediaType(), "multipart/related", "lower case");
        NS_TEST_ASSERT_MSG_EQ(ct.GetParameter("content-type", "START"), "<a;b>", "quoted ;");
        NS_TEST_ASSERT_MSG_EQ(ct.GetParameter("Content-Type", "boundary"), "b1", "token");
        NS_TEST_ASSERT_MSG_EQ(ct.GetParameter("Content-Type", "type"), "application/smil", "");

        NS_TEST_ASSERT_MSG_EQ(ParseError("From: a\r\nTo: b\r\n"),
                              "offset 16: header section not ended by an empty line",
                              "");
        NS_TEST_ASSERT_MSG_EQ(
            ParseError("From: a\nTo: b\r\n\r\n"), "offset 0: header line not ended by CRLF", "");
        NS_TEST_ASSERT_MSG_EQ(ParseError("From: a\r\nBad Name: b\r\n\r\n"),
                              "offset 9: malformed header field 'Bad Name: b'",
                              "");
        NS_TEST_ASSERT_MSG_EQ(ParseError(" folded\r\n\r\n"),
                              "offset 0: continuation line before the first header field",
                              "");
        NS_TEST_ASSERT_MSG_EQ(ParseError("X: " + std::string(996, 'y') + "\r\n\r\n"),
                              "offset 0: header line longer than 998 characters",
                              "");
        NS_TEST_ASSERT_MSG_EQ(ParseError("X: " + std::string(995, 'y') + "\r\n\r\n"), "", "998");
        NS_TEST_ASSERT_MSG_EQ(ParseError("Content-Transfer-Encoding: quoted-printable\r\n\r\na=3D"),
                              "offset 0: unsupported Content-Transfer-Encoding 'quoted-printable'",
                              "");
    }
};

/// Multipart bodies: exact sizes with virtual media, parse back, errors.
class MimeMultipartTestCase : public TestCase
{
  public:
    MimeMultipartTestCase()
        : TestCase("MIME multipart: nested parts, virtual media, exact sizes, parse back, errors")
    {
    }

  private:
    void DoRun() override
    {
        MmsMimeEntity m;
        m.AddHeader("From", "a@b");
        m.AddHeader("Content-Type", "multipart/mixed; boundary=\"outer\"");
        MmsMimeEntity related;
        related.AddHeader("Content-Type", "multipart/related; boundary=inner; type=\"text/plain\"");
        MmsMimeEntity text;
        text.AddHeader("Content-Type", "text/plain; charset=us-ascii");
        text.content = MmsContent(std::string("line one\r\n.line two"));
        related.parts.push_back(text);
        MmsMimeEntity image;
        image.AddHeader("Content-Type", "image/jpeg");
        image.AddHeader("Content-Transfer-Encoding", "base64");
        image.content = MmsContent::Virtual(30000);
        related.parts.push_back(image);
        m.parts.push_back(related);
        MmsMimeEntity binary;
        binary.AddHeader("Content-Type", "application/octet-stream");
        binary.AddHeader("Content-Transfer-Encoding", "BASE64");
        std::vector<uint8_t> octets(1000);
        for (std::size_t i = 0; i < octets.size(); i++)
        {
            octets[i] = static_cast<uint8_t>(i * 7);
        }
        binary.content = MmsContent(octets);
        m.parts.push_back(binary);

        std::string text1 = m.Serialize();
        NS_TEST_ASSERT_MSG_EQ(text1.size(), m.GetSerializedSize(), "exact size");
        NS_TEST_ASSERT_MSG_EQ(image.GetEncodedContentSize(), 40000U + 2 * 526, "base64 size");

        MmsMimeEntity virt;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMimeEntity::Parse(text1.data(), text1.size(), virt, error, false), true, error);
        NS_TEST_ASSERT_MSG_EQ(virt.parts.size(), 2U, "two parts");
        NS_TEST_ASSERT_MSG_EQ(virt.parts[0].parts.size(), 2U, "nested two");
        NS_TEST_ASSERT_MSG_EQ(virt.parts[0].parts[1].content.IsVirtual(), true, "virtual");
        NS_TEST_ASSERT_MSG_EQ(virt.parts[0].parts[1].content.GetSize(), 30000U, "decoded size");
        NS_TEST_ASSERT_MSG_EQ(virt.parts[1].content.GetSize(), 1000U, "decoded size");
        NS_TEST_ASSERT_MSG_EQ(virt.GetSerializedSize(), text1.size(), "same size, virtual");

        MmsMimeEntity real;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMimeEntity::Parse(text1.data(), text1.size(), real, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(
            Text(real.parts[0].parts[0].content), "line one\r\n.line two", "text exact");
        NS_TEST_ASSERT_MSG_EQ((real.parts[1].content.GetBytes() == octets), true, "binary");
        NS_TEST_ASSERT_MSG_EQ(
            (real.parts[0].parts[1].content.GetBytes() == std::vector<uint8_t>(30000, 0)),
            true,
            "the virtual part went as zero octets");
        NS_TEST_ASSERT_MSG_EQ(real.Serialize(), text1, "serialized again, the same octets");
        NS_TEST_ASSERT_MSG_EQ((real.headers == m.headers), true, "headers");

        // A preamble and an epilogue are skipped; transport padding after a boundary too.
        std::string withPreamble =
            "Content-Type: multipart/mixed; boundary=b\r\n\r\nThis is a preamble.\r\n--b  \r\n"
            "\r\nfirst\r\n--b\r\nContent-Type: text/plain\r\n\r\nsecond\r\n--b--\r\nepilogue";
        NS_TEST_ASSERT_MSG_EQ(
            MmsMimeEntity::Parse(withPreamble.data(), withPreamble.size(), real, error),
            true,
            error);
        NS_TEST_ASSERT_MSG_EQ(real.parts.size(), 2U, "two parts");
        NS_TEST_ASSERT_MSG_EQ(Text(real.parts[0].content), "first", "no headers");
        NS_TEST_ASSERT_MSG_EQ(Text(real.parts[1].content), "second", "second");

        NS_TEST_ASSERT_MSG_EQ(ParseError("Content-Type: multipart/mixed\r\n\r\n--x\r\n"),
                              "offset 0: multipart Content-Type without a boundary parameter",
                              "");
        NS_TEST_ASSERT_MSG_EQ(ParseError("Content-Type: multipart/mixed; boundary=b\r\n\r\nx"),
                              "offset 45: multipart body without a first boundary '--b'",
                              "");
        NS_TEST_ASSERT_MSG_EQ(
            ParseError("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n"),
            "offset 50: multipart body not closed by '--b--'",
            "");
        // An error inside a part is located in the whole message.
        NS_TEST_ASSERT_MSG_EQ(
            ParseError("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                       "Content-Transfer-Encoding: base64\r\n\r\nZm9v!\r\n--b--\r\n"),
            "offset 91: invalid base64 character '!'",
            "");
    }
};

/// RFC 5322 dates.
class MimeDateTestCase : public TestCase
{
  public:
    MimeDateTestCase()
        : TestCase("RFC 5322 date-time: format in UTC, parse with zones, leap years")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Format(0), "Thu, 01 Jan 1970 00:00:00 +0000", "epoch");
        NS_TEST_ASSERT_MSG_EQ(
            MmsImfDate::Format(1000000000), "Sun, 09 Sep 2001 01:46:40 +0000", "10^9 s");
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Format(951782400),
                              "Tue, 29 Feb 2000 00:00:00 +0000",
                              "2000 is a leap year");
        NS_TEST_ASSERT_MSG_EQ(
            MmsImfDate::Format(4107542400), "Mon, 01 Mar 2100 00:00:00 +0000", "2100 is not");
        // 400 Gregorian years later: the same day and weekday (146,097 days, 20,871 weeks).
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Format(1000000000ULL + 146097ULL * 86400),
                              "Sun, 09 Sep 2401 01:46:40 +0000",
                              "a 400-year cycle");
        NS_TEST_ASSERT_MSG_EQ((MmsImfDate::Format(UINT64_MAX).size() > 0), true, "no endless loop");
        uint64_t t = 0;
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Parse("Sun, 09 Sep 2001 03:46:40 +0200", t), true, "");
        NS_TEST_ASSERT_MSG_EQ(t, 1000000000U, "zone applied");
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Parse("9 Sep 2001 01:46 GMT", t), true, "obsolete");
        NS_TEST_ASSERT_MSG_EQ(t, 1000000000U - 40, "no seconds");
        for (uint64_t s : {0ULL, 68169600ULL, 1234567890ULL, 1798761599ULL})
        {
            NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Parse(MmsImfDate::Format(s), t), true, s);
            NS_TEST_ASSERT_MSG_EQ(t, s, "round trip");
        }
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Parse("30 Feb 2001 00:00 +0000", t), false, "no day");
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Parse("09 Sep 2001 01:46:40", t), false, "no zone");
        NS_TEST_ASSERT_MSG_EQ(MmsImfDate::Parse("09 Sep 2001 01:46:40 CEST", t), false, "zone");
    }
};

/// MM4_forward.REQ against the hand-checked vector, and back to M-Retrieve.conf.
class Mm4ForwardTestCase : public TestCase
{
  public:
    Mm4ForwardTestCase()
        : TestCase("MM4_forward.REQ of an M-Send.req: octet for octet, parsed back, to MM1")
    {
    }

  private:
    void DoRun() override
    {
        MmsMm4Message m = MmsMm4Message::FromSendReq(
            VectorSendReq(), "+4412345678/TYPE=PLMN", "M1", "X1", 1000000000, DomainOf, SYSTEM);
        // Checked by hand, line by line:
        const std::string expected =
            // RFC 5322 3.6.2 originator: the M-Send.req's sender (insert-address, resolved by
            // the Relay) in MM4 form: the PLMN address of TS 23.140 section 8.4 plus the
            // originator MMSE's domain, "mms.mnc" + 3-digit MNC + ".mcc" + MCC + ".gprs".
            "From: +4412345678/TYPE=PLMN@mms.mnc010.mcc234.gprs\r\n"
            // 3.6.3 destination: the To of the M-Send.req, recipient MMSE's domain (MNC 20).
            "To: +4479876543/TYPE=PLMN@mms.mnc020.mcc234.gprs\r\n"
            // 3.6.1 Date: 10^9 s after the epoch is Sunday 9 September 2001, 01:46:40 UTC.
            "Date: Sun, 09 Sep 2001 01:46:40 +0000\r\n"
            // 3.6.5 Subject: the M-Send.req's Subject.
            "Subject: Hi\r\n"
            // 3.6.2 Sender: the forwarding system (as X-Mms-Originator-System).
            "Sender: system-user@mms.mnc010.mcc234.gprs\r\n"
            // RFC 2045 section 4.
            "MIME-Version: 1.0\r\n"
            // TS 23.140 8.4.1: the MMS version of the MM4 interface, and the message type.
            "X-Mms-3GPP-MMS-Version: 6.3.0\r\n"
            "X-Mms-Message-Type: MM4_forward.REQ\r\n"
            "X-Mms-Transaction-ID: X1\r\n"
            "X-Mms-Message-ID: M1\r\n"
            // X-Mms-Delivery-Report: Yes from the M-Send.req's Delivery-Report (0x80, Yes);
            // Read-Reply: No (no Read-Report field). Ack-Request: Yes, a .RES is wanted.
            "X-Mms-Delivery-Report: Yes\r\n"
            "X-Mms-Read-Reply: No\r\n"
            "X-Mms-Ack-Request: Yes\r\n"
            "X-Mms-Originator-System: system-user@mms.mnc010.mcc234.gprs\r\n"
            // application/vnd.wap.multipart.mixed is multipart/mixed (RFC 2046 5.1.3); the
            // boundary "=_mm4_" + Message-ID, quoted (RFC 2045 5.1: "=" is a tspecial).
            "Content-Type: multipart/mixed; boundary=\"=_mm4_M1\"\r\n"
            "\r\n"
            // RFC 2046 5.1.1: dash-boundary CRLF, then the body part.
            "--=_mm4_M1\r\n"
            // charset MIBenum 106 is utf-8; the WSP Content-ID value as it is; "Hello" is
            // 7-bit text without long lines (RFC 2045 2.7), so 7bit.
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-ID: <t1>\r\n"
            "Content-Transfer-Encoding: 7bit\r\n"
            "\r\n"
            "Hello"
            // The CRLF before the next dash-boundary belongs to the delimiter.
            "\r\n--=_mm4_M1\r\n"
            "Content-Type: image/jpeg; name=\"a.jpg\"\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "Content-Location: a.jpg\r\n"
            "\r\n"
            // FF D8 FF -> 111111 111101 100011 111111 -> "/9j/"; E0 -> 111000 00(0000) ->
            // "4A" and two pads (RFC 4648 section 4).
            "/9j/4A=="
            // The close delimiter, with no epilogue.
            "\r\n--=_mm4_M1--\r\n";
        NS_TEST_ASSERT_MSG_EQ(m.Serialize(), expected, "the hand-checked vector");
        NS_TEST_ASSERT_MSG_EQ(m.GetSerializedSize(), expected.size(), "its size");
        NS_TEST_ASSERT_MSG_EQ(expected.size(), 773U, "773 octets counted by hand");

        MmsMm4Message back;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::Parse(expected.data(), expected.size(), back, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(back.Serialize(), expected, "parsed and written again");
        NS_TEST_ASSERT_MSG_EQ(back.deliveryReport, true, "delivery report");
        NS_TEST_ASSERT_MSG_EQ(back.ackRequest, true, "ack request");

        MmsPdu conf = back.ToRetrieveConf("R1");
        NS_TEST_ASSERT_MSG_EQ(conf.GetMessageType(),
                              static_cast<uint8_t>(MmsMessageType::RETRIEVE_CONF),
                              "M-Retrieve.conf");
        NS_TEST_ASSERT_MSG_EQ(conf.GetText(MmsField::MESSAGE_ID), "M1", "Message-ID");
        NS_TEST_ASSERT_MSG_EQ(conf.GetFrom(), "+4412345678/TYPE=PLMN", "MM1 sender");
        NS_TEST_ASSERT_MSG_EQ(
            conf.GetAddresses(MmsField::TO).at(0), "+4479876543/TYPE=PLMN", "MM1 recipient");
        NS_TEST_ASSERT_MSG_EQ(conf.GetText(MmsField::SUBJECT), "Hi", "Subject");
        NS_TEST_ASSERT_MSG_EQ(conf.GetNumber(MmsField::DATE), 1000000000U, "Date");
        NS_TEST_ASSERT_MSG_EQ(conf.GetOctet(MmsField::DELIVERY_REPORT), MmsValue::YES, "DR");
        const MmsBody& body = conf.GetBody();
        NS_TEST_ASSERT_MSG_EQ(body.isMultipart, true, "multipart");
        NS_TEST_ASSERT_MSG_EQ(conf.FindField(MmsField::CONTENT_TYPE)->contentType.GetMediaType(),
                              "application/vnd.wap.multipart.mixed",
                              "WSP media type");
        MmsMultipartBody original = VectorSendReq().GetBody().multipart;
        NS_TEST_ASSERT_MSG_EQ(body.multipart.parts.size(), 2U, "two parts");
        for (std::size_t i = 0; i < 2; i++)
        {
            const MmsPart& a = original.parts[i];
            const MmsPart& b = body.multipart.parts[i];
            NS_TEST_ASSERT_MSG_EQ(b.contentType.GetMediaType(), a.contentType.GetMediaType(), i);
            NS_TEST_ASSERT_MSG_EQ(b.contentType.GetCharset(), a.contentType.GetCharset(), i);
            NS_TEST_ASSERT_MSG_EQ(b.contentType.GetName(), a.contentType.GetName(), i);
            NS_TEST_ASSERT_MSG_EQ(b.GetContentId(), a.GetContentId(), i);
            NS_TEST_ASSERT_MSG_EQ(b.GetContentLocation(), a.GetContentLocation(), i);
            NS_TEST_ASSERT_MSG_EQ((b.data == a.data), true, "content of part " << i);
        }
        // The M-Retrieve.conf encodes and decodes as an MM1 PDU.
        std::vector<uint8_t> wire = conf.Encode();
        MmsPdu decoded;
        MmsDecodeError decodeError;
        NS_TEST_ASSERT_MSG_EQ(MmsPdu::Decode(wire.data(), wire.size(), decoded, decodeError),
                              true,
                              decodeError.ToString());

        // Virtual media: the size is exact without the octets, and the receiver can parse
        // the message keeping only sizes.
        MmsPdu big = VectorSendReq();
        big.GetBody().multipart.parts[1].data = MmsContent::Virtual(300000);
        MmsMm4Message bigMm4 = MmsMm4Message::FromSendReq(
            big, "+4412345678/TYPE=PLMN", "M2", "X2", 1000000000, DomainOf, SYSTEM);
        std::string bigText = bigMm4.Serialize();
        NS_TEST_ASSERT_MSG_EQ(bigMm4.GetSerializedSize(), bigText.size(), "exact");
        NS_TEST_ASSERT_MSG_EQ(bigText.size(),
                              expected.size() - 8 + MmsBase64::EncodedSize(300000),
                              "the base64 of 300000 octets replaces the 8 characters");
        MmsMm4Message parsed;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::Parse(bigText.data(), bigText.size(), parsed, error, false),
            true,
            error);
        NS_TEST_ASSERT_MSG_EQ(parsed.content.parts.at(1).content.GetSize(), 300000U, "size");
        NS_TEST_ASSERT_MSG_EQ(parsed.content.parts.at(1).content.IsVirtual(), true, "virtual");

        // The optional fields: class, priority, visibility, read report, a relative expiry.
        MmsPdu full = VectorSendReq();
        full.AddField(
            MmsHeaderField::Octet(MmsField::MESSAGE_CLASS, MmsValue::CLASS_ADVERTISEMENT));
        full.AddField(MmsHeaderField::Octet(MmsField::PRIORITY, MmsValue::PRIORITY_HIGH));
        full.AddField(MmsHeaderField::Octet(MmsField::SENDER_VISIBILITY, 0x80)); // Hide
        full.AddField(MmsHeaderField::Octet(MmsField::READ_REPORT, MmsValue::YES));
        full.AddField(MmsHeaderField::Time(MmsField::EXPIRY, false, 3600));
        std::string fullText =
            MmsMm4Message::FromSendReq(
                full, "+4412345678/TYPE=PLMN", "M3", "X3", 1000000000, DomainOf, SYSTEM)
                .Serialize();
        for (const char* line : {"X-Mms-Message-Class: Advertisement\r\n",
                                 "X-Mms-Priority: High\r\n",
                                 "X-Mms-Expiry: Sun, 09 Sep 2001 02:46:40 +0000\r\n",
                                 "X-Mms-Read-Reply: Yes\r\n",
                                 "X-Mms-Sender-Visibility: Hide\r\n"})
        {
            NS_TEST_ASSERT_MSG_EQ((fullText.find(line) != std::string::npos), true, line);
        }
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::Parse(fullText.data(), fullText.size(), parsed, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(parsed.expiry, 1000003600U, "absolute expiry");
        MmsPdu fullConf = parsed.ToRetrieveConf("R3");
        NS_TEST_ASSERT_MSG_EQ(
            fullConf.GetOctet(MmsField::MESSAGE_CLASS), MmsValue::CLASS_ADVERTISEMENT, "class");
        NS_TEST_ASSERT_MSG_EQ(fullConf.GetOctet(MmsField::PRIORITY), MmsValue::PRIORITY_HIGH, "");
        NS_TEST_ASSERT_MSG_EQ(fullConf.GetOctet(MmsField::SENDER_VISIBILITY), 0x80, "Hide");
        NS_TEST_ASSERT_MSG_EQ(fullConf.GetOctet(MmsField::READ_REPORT), MmsValue::YES, "");

        // Forms seen in operators' MM4 traffic: a folded Content-Type continued with a tab,
        // parameter names in other cases, quoted ids, a relative X-Mms-Expiry, version 5.5.0,
        // an unknown X-Mms field, a two-digit day with a space, a zone other than UTC.
        const std::string operatorForm =
            "Message-ID: <1.2.JavaMail.mms@mmsc.example>\r\n"
            "Date: Wed,  2 Dec 2009 15:53:40 +0100\r\n"
            "From: +48601000001/TYPE=PLMN\r\n"
            "To: +48601000002/TYPE=PLMN\r\n"
            "Subject:  test\r\n"
            "Mime-Version: 1.0\r\n"
            "Content-Type: multipart/related;Type=\"application/smil\";Start=\"<s>\"; \r\n"
            "\tboundary=\"----=_Part_1_2.3\"\r\n"
            "Sender: +48601000001/TYPE=PLMN@mms.mnc006.mcc260.gprs\r\n"
            "X-Mms-Message-Type: MM4_forward.REQ\r\n"
            "X-Mms-3GPP-MMS-Version: 5.5.0\r\n"
            "X-Mms-Transaction-ID: \"4800001@mmsc.example\"\r\n"
            "X-Mms-Message-ID: \"g2q00001@mmsc.example\"\r\n"
            "X-Mms-Expiry: 600 \r\n"
            "X-Mms-Message-Class: Personal\r\n"
            "X-Mms-Delivery-Report: No\r\n"
            "X-Mms-Priority: Normal\r\n"
            "X-Mms-Sender-Visibility: Show\r\n"
            "X-Mms-Read-Reply: No\r\n"
            "X-Mms-Ack-Request: Yes\r\n"
            "X-Mms-Originator-System: PostMaster@mms.mnc006.mcc260.gprs\r\n"
            "X-Mms-Originator-R/S-Delivery-Report: No\r\n"
            "\r\n"
            "------=_Part_1_2.3\r\n"
            "Content-Type: application/smil\r\n"
            "Content-ID: <s>\r\n"
            "\r\n"
            "<smil/>\r\n"
            "------=_Part_1_2.3--\r\n";
        MmsMm4Message op;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::Parse(operatorForm.data(), operatorForm.size(), op, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(op.date, 1259765620U, "Wed, 2 Dec 2009 14:53:40 UTC");
        NS_TEST_ASSERT_MSG_EQ(op.expiry, 1259765620U + 600, "relative expiry");
        NS_TEST_ASSERT_MSG_EQ(op.transactionId, "\"4800001@mmsc.example\"", "kept as sent");
        NS_TEST_ASSERT_MSG_EQ(op.content.parts.size(), 1U, "one part");
        NS_TEST_ASSERT_MSG_EQ(Text(op.content.parts[0].content), "<smil/>", "the SMIL");
        MmsPdu opConf = op.ToRetrieveConf("R4");
        NS_TEST_ASSERT_MSG_EQ(opConf.FindField(MmsField::CONTENT_TYPE)->contentType.GetStart(),
                              "<s>",
                              "Start, whatever its case");
    }
};

/// Reports and responses, MM1 <-> MM4, and the field checks.
class Mm4ReportsTestCase : public TestCase
{
  public:
    Mm4ReportsTestCase()
        : TestCase("MM4 delivery and read-reply reports, .RES, status codes, field errors")
    {
    }

  private:
    void DoRun() override
    {
        MmsPdu ind = MmsPdu::MakeDeliveryInd(
            "M1", "+4479876543/TYPE=PLMN", 1000000000, MmsValue::STATUS_RETRIEVED);
        MmsMm4Message report =
            MmsMm4Message::FromDeliveryInd(ind, "+4412345678/TYPE=PLMN", "X7", DomainOf, SYSTEM);
        const std::string expected =
            // The report comes from the recipient (whose status it is) to the originator.
            "From: +4479876543/TYPE=PLMN@mms.mnc020.mcc234.gprs\r\n"
            "To: +4412345678/TYPE=PLMN@mms.mnc010.mcc234.gprs\r\n"
            "Date: Sun, 09 Sep 2001 01:46:40 +0000\r\n"
            "X-Mms-3GPP-MMS-Version: 6.3.0\r\n"
            "X-Mms-Message-Type: MM4_delivery_report.REQ\r\n"
            "X-Mms-Transaction-ID: X7\r\n"
            "X-Mms-Message-ID: M1\r\n"
            // X-Mms-Status 0x81 (Retrieved) becomes X-Mms-MM-Status-Code: Retrieved.
            "X-Mms-MM-Status-Code: Retrieved\r\n"
            "X-Mms-Ack-Request: Yes\r\n"
            "X-Mms-Originator-System: system-user@mms.mnc010.mcc234.gprs\r\n"
            // No body: the empty line ends the message.
            "\r\n";
        NS_TEST_ASSERT_MSG_EQ(report.Serialize(), expected, "MM4_delivery_report.REQ");
        MmsMm4Message back;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::Parse(expected.data(), expected.size(), back, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(
            (back.ToDeliveryInd().Encode() == ind.Encode()), true, "M-Delivery.ind again");

        for (uint8_t s = MmsValue::STATUS_EXPIRED; s <= MmsValue::STATUS_FORWARDED; s++)
        {
            NS_TEST_ASSERT_MSG_EQ(MmsMm4Message::MmStatusValue(MmsMm4Message::MmStatusName(s)),
                                  s,
                                  "status " << int{s});
        }
        NS_TEST_ASSERT_MSG_EQ(MmsMm4Message::MmStatusName(MmsValue::STATUS_UNREACHABLE),
                              "Indeterminate",
                              "MMS 1.2 Unreachable has no MM4 code");

        MmsMm4Message res = MmsMm4Message::ResponseTo(back, "Ok", "system-user@b", 1000000001);
        const std::string expectedRes = "From: system-user@b\r\n"
                                        "To: system-user@mms.mnc010.mcc234.gprs\r\n"
                                        "Date: Sun, 09 Sep 2001 01:46:41 +0000\r\n"
                                        "X-Mms-3GPP-MMS-Version: 6.3.0\r\n"
                                        "X-Mms-Message-Type: MM4_delivery_report.RES\r\n"
                                        "X-Mms-Transaction-ID: X7\r\n"
                                        "X-Mms-Message-ID: M1\r\n"
                                        "X-Mms-Request-Status-Code: Ok\r\n"
                                        "\r\n";
        NS_TEST_ASSERT_MSG_EQ(res.Serialize(), expectedRes, "MM4_delivery_report.RES");

        MmsPdu readRec = MmsPdu::MakeReadRecInd(
            "M1", "+4412345678/TYPE=PLMN", "", 0, MmsValue::READ_STATUS_DELETED);
        MmsMm4Message read = MmsMm4Message::FromReadRecInd(
            readRec, "+4479876543/TYPE=PLMN", "X8", 1000000000, DomainOf, SYSTEM);
        std::string readText = read.Serialize();
        NS_TEST_ASSERT_MSG_EQ(
            (readText.find("X-Mms-Read-Status: Deleted\r\n") != std::string::npos), true, readText);
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::Parse(readText.data(), readText.size(), back, error), true, error);
        MmsPdu orig = back.ToReadOrigInd();
        NS_TEST_ASSERT_MSG_EQ(orig.GetFrom(), "+4479876543/TYPE=PLMN", "reader");
        NS_TEST_ASSERT_MSG_EQ(orig.GetAddresses(MmsField::TO).at(0), "+4412345678/TYPE=PLMN", "");
        NS_TEST_ASSERT_MSG_EQ(
            orig.GetOctet(MmsField::READ_STATUS), MmsValue::READ_STATUS_DELETED, "read status");

        auto errorOf = [&expected](const std::string& what, const std::string& with)
        {
            std::string text = expected;
            std::size_t at = text.find(what);
            std::size_t end = text.find("\r\n", at);
            text.replace(at, end + 2 - at, with);
            MmsMm4Message m;
            std::string e;
            MmsMm4Message::Parse(text.data(), text.size(), m, e);
            return e;
        };
        // Each row: the field line replaced, by what, the error.
        const std::string errors[][3] = {
            {"X-Mms-Message-Type", "", "missing X-Mms-Message-Type"},
            {"X-Mms-Message-Type",
             "X-Mms-Message-Type: m-send-req\r\n",
             "X-Mms-Message-Type 'm-send-req' is not an MM4 message"},
            {"X-Mms-MM-Status-Code",
             "X-Mms-MM-Status-Code: Read\r\n",
             "X-Mms-MM-Status-Code 'Read' is not a TS 23.140 value"},
            {"X-Mms-Ack-Request",
             "X-Mms-Ack-Request: Maybe\r\n",
             "X-Mms-Ack-Request 'Maybe' is neither Yes nor No"},
            {"Date", "Date: yesterday\r\n", "Date 'yesterday' is not an RFC 5322 date-time"},
            {"X-Mms-Transaction-ID", "", "missing X-Mms-Transaction-ID"},
        };
        for (const auto& row : errors)
        {
            NS_TEST_ASSERT_MSG_EQ(errorOf(row[0], row[1]), row[2], row[0]);
        }

        NS_TEST_ASSERT_MSG_EQ(MmsMm4Message::MmseDomain(310, 4), "mms.mnc004.mcc310.gprs", "");
        NS_TEST_ASSERT_MSG_EQ(MmsMm4Message::Mm4Address("user@example.com", "mms.x.gprs"),
                              "user@example.com",
                              "e-mail kept");
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::MmsAddress("user@example.com"), "user@example.com", "e-mail kept");
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm4Message::IsRequestStatusCode("Error-network-problem"), true, "");
        NS_TEST_ASSERT_MSG_EQ(MmsMm4Message::IsRequestStatusCode("Error-permanent-failure"),
                              false,
                              "an MM1 name, not MM4");
    }
};

/// The suite.
class MmsInternetMessageTestSuite : public TestSuite
{
  public:
    MmsInternetMessageTestSuite()
        : TestSuite("mms-internet-message", Type::UNIT)
    {
        AddTestCase(new MimeBase64TestCase);
        AddTestCase(new MimeHeaderTestCase);
        AddTestCase(new MimeMultipartTestCase);
        AddTestCase(new MimeDateTestCase);
        AddTestCase(new Mm4ForwardTestCase);
        AddTestCase(new Mm4ReportsTestCase);
    }
};

static MmsInternetMessageTestSuite g_mmsInternetMessageTestSuite; //!< Static variable for test
