/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// MM7 codec: the XML reader (namespaces, entities, CDATA, comments, and each error with its
// offset and limit), an MM7_submit.REQ SOAP envelope compared octet for octet with a text
// written by hand from the Rel-5 MM7 schema's element order, its HTTP body as
// multipart/related with a virtual image (exact size, parsed back), round trips of every
// message type, faults (HTTP 500, faultcode by status class) and the MM7 checks of
// FromEnvelope.

#include "ns3/mms-mm7-message.h"
#include "ns3/test.h"

#include <cstring>

using namespace ns3;

namespace
{

bool
Has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::string
XmlError(const std::string& text)
{
    MmsXmlElement e;
    std::string error;
    return MmsXmlElement::Parse(text.data(), text.size(), e, error) ? "" : error;
}

std::string
Mm7Error(const std::string& text)
{
    MmsMm7Message m;
    std::string error;
    return MmsMm7Message::ParseSoap(text.data(), text.size(), m, error) ? "" : error;
}

MmsMm7Message
VectorSubmit()
{
    MmsMm7Message m;
    m.type = MmsMm7Type::SUBMIT_REQ;
    m.transactionId = "vasp1-00000001";
    m.vaspId = "news";
    m.vasId = "headlines";
    m.hasSenderAddress = true;
    m.senderAddress = {MmsMm7Address::SHORT_CODE, "84444"};
    m.to = {{MmsMm7Address::NUMBER, "+4412345678"}, {MmsMm7Address::NUMBER, "+4412345679"}};
    m.bcc = {{MmsMm7Address::RFC2822, "desk@news.example"}};
    m.serviceCode = "gold-sp33-im42";
    m.messageClass = "Informational";
    m.timeStamp = 1798761600; // 2027-01-01T00:00:00Z
    m.deliveryReport = true;
    m.priority = "Normal";
    m.subject = "Happy New Year & <all>";
    m.contentHref = "cid:mm7-content";
    return m;
}

// Written by hand: SOAP 1.1 envelope, TransactionID header with mustUnderstand, SubmitReq
// children in the Rel-5 schema order, '&' and '<' escaped.
const char* const VECTOR_SOAP =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">\n"
    "  <env:Header>\n"
    "    <mm7:TransactionID "
    "xmlns:mm7=\"http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-2\" "
    "env:mustUnderstand=\"1\">vasp1-00000001</mm7:TransactionID>\n"
    "  </env:Header>\n"
    "  <env:Body>\n"
    "    <SubmitReq "
    "xmlns=\"http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-2\">\n"
    "      <MM7Version>5.3.0</MM7Version>\n"
    "      <SenderIdentification>\n"
    "        <VASPID>news</VASPID>\n"
    "        <VASID>headlines</VASID>\n"
    "        <SenderAddress>\n"
    "          <ShortCode>84444</ShortCode>\n"
    "        </SenderAddress>\n"
    "      </SenderIdentification>\n"
    "      <Recipients>\n"
    "        <To>\n"
    "          <Number>+4412345678</Number>\n"
    "          <Number>+4412345679</Number>\n"
    "        </To>\n"
    "        <Bcc>\n"
    "          <RFC2822Address>desk@news.example</RFC2822Address>\n"
    "        </Bcc>\n"
    "      </Recipients>\n"
    "      <ServiceCode>gold-sp33-im42</ServiceCode>\n"
    "      <MessageClass>Informational</MessageClass>\n"
    "      <TimeStamp>2027-01-01T00:00:00Z</TimeStamp>\n"
    "      <DeliveryReport>true</DeliveryReport>\n"
    "      <Priority>Normal</Priority>\n"
    "      <Subject>Happy New Year &amp; &lt;all&gt;</Subject>\n"
    "      <Content href=\"cid:mm7-content\"/>\n"
    "    </SubmitReq>\n"
    "  </env:Body>\n"
    "</env:Envelope>\n";

/// The XML reader: what it accepts and how, and each refusal with its offset.
class Mm7XmlTestCase : public TestCase
{
  public:
    Mm7XmlTestCase()
        : TestCase("XML reader: namespaces, entities, errors with offsets, limits")
    {
    }

  private:
    void DoRun() override
    {
        std::string doc = "<?xml version='1.0'?>\n<!-- c --><a:r xmlns:a='urn:a' xmlns='urn:d' "
                          "k=\"1 &amp; 2\"><b>x &lt;&#65;&#x42;&gt; <![CDATA[<y>]]></b>"
                          "<c/><a:d>&#233;</a:d></a:r>\n";
        MmsXmlElement e;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(MmsXmlElement::Parse(doc.data(), doc.size(), e, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(e.LocalName(), "r", "local name");
        NS_TEST_ASSERT_MSG_EQ(e.ns, "urn:a", "prefixed namespace");
        NS_TEST_ASSERT_MSG_EQ(e.GetAttribute("k"), "1 & 2", "attribute decoded");
        NS_TEST_ASSERT_MSG_EQ(e.children.size(), 3, "three children");
        NS_TEST_ASSERT_MSG_EQ(e.children[0].ns, "urn:d", "default namespace");
        NS_TEST_ASSERT_MSG_EQ(e.children[0].text, "x <AB> <y>", "entities, refs and CDATA");
        NS_TEST_ASSERT_MSG_EQ(e.children[2].text, "\xC3\xA9", "character reference as UTF-8");
        NS_TEST_ASSERT_MSG_EQ(e.children[2].ns, "urn:a", "prefix of a child");
        // Serialize and read back: the same tree.
        std::string again = e.Serialize();
        MmsXmlElement back;
        NS_TEST_ASSERT_MSG_EQ(
            MmsXmlElement::Parse(again.data(), again.size(), back, error), true, error);
        NS_TEST_ASSERT_MSG_EQ((back == e), true, "round trip: " + again);

        // Refusals, each at its offset.
        NS_TEST_ASSERT_MSG_EQ(XmlError(""), "offset 0: expected the document element", "empty");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a>"), "offset 3: unclosed element <a>", "unclosed");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a></b>"), "offset 3: </b> closes <a>", "mismatch");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a x='1' x='2'/>"),
                              "offset 14: duplicate attribute x",
                              "duplicate attribute");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<p:a/>"), "offset 0: prefix p is not declared", "prefix");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a>&foo;</a>"), "offset 3: unknown entity &foo;", "entity");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a>&#0;</a>"),
                              "offset 3: character reference to a character XML does not allow",
                              "NUL reference");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<!DOCTYPE a [<!ENTITY x 'y'>]><a/>"),
                              "offset 0: DOCTYPE and other declarations are not accepted",
                              "DOCTYPE");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a>t<b/></a>"),
                              "offset 3: text beside child elements in <a>",
                              "mixed content");
        NS_TEST_ASSERT_MSG_EQ(
            XmlError("<a/><b/>"), "offset 4: content after the document element", "two roots");
        NS_TEST_ASSERT_MSG_EQ(
            XmlError("<a b='<'/>"), "offset 6: '<' in the value of attribute b", "lt");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a><!-- x -- y --></a>"),
                              "offset 10: \"--\" inside a comment",
                              "double hyphen");
        NS_TEST_ASSERT_MSG_EQ(XmlError("<a>]]></a>"), "offset 5: \"]]>\" in character data", "]]>");
        // Truncated anywhere: an error, never a read past the end (checked under ASan).
        std::string full = VECTOR_SOAP;
        for (std::size_t n = 0; n < full.size(); n++)
        {
            std::vector<char> copy(full.begin(), full.begin() + n); // exactly n octets
            MmsXmlElement t;
            bool ok = MmsXmlElement::Parse(copy.data(), copy.size(), t, error);
            if (ok)
            {
                // only the whole document, or all but the final LF, may parse
                NS_TEST_ASSERT_MSG_EQ((n + 1 >= full.size()), true, "prefix of " << n << " parsed");
            }
        }
        // Depth limit.
        std::string deep;
        for (int i = 0; i <= MmsXmlElement::MAX_DEPTH; i++)
        {
            deep += "<a>";
        }
        NS_TEST_ASSERT_MSG_EQ(Has(XmlError(deep), "nested deeper than 32"), true, XmlError(deep));
    }
};

/// MM7_submit.REQ against the hand-written envelope, and its HTTP body.
class Mm7SubmitTestCase : public TestCase
{
  public:
    Mm7SubmitTestCase()
        : TestCase("MM7_submit.REQ: SOAP octet for octet, multipart-related body, round trip")
    {
    }

  private:
    void DoRun() override
    {
        MmsMm7Message m = VectorSubmit();
        NS_TEST_ASSERT_MSG_EQ(m.SerializeSoap(), std::string(VECTOR_SOAP), "the SOAP envelope");
        MmsMm7Message back;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm7Message::ParseSoap(VECTOR_SOAP, std::strlen(VECTOR_SOAP), back, error),
            true,
            error);
        NS_TEST_ASSERT_MSG_EQ((back == m), true, "parsed back equal");

        // With content: a SMIL presentation and a virtual 30000-octet JPEG, multipart/related.
        MmsMimeEntity content;
        content.AddHeader("Content-Type", "multipart/related; boundary=\"inner\"");
        MmsMimeEntity smil;
        smil.AddHeader("Content-Type", "application/smil");
        smil.content = MmsContent(std::string("<smil/>"));
        MmsMimeEntity jpeg;
        jpeg.AddHeader("Content-Type", "image/jpeg");
        jpeg.AddHeader("Content-Transfer-Encoding", "binary");
        jpeg.content = MmsContent::Virtual(30000);
        content.parts = {smil, jpeg};
        m.content = content;
        MmsHttpMessage post = m.ToHttp("/mm7", "mmsc.example");
        NS_TEST_ASSERT_MSG_EQ(post.method, "POST", "a POST");
        NS_TEST_ASSERT_MSG_EQ(post.GetHeader("SOAPAction"), "\"\"", "SOAPAction");
        NS_TEST_ASSERT_MSG_EQ(post.GetHeader("Content-Type"),
                              "multipart/related; boundary=\"mms-mm7-boundary\"; "
                              "type=\"text/xml\"; start=\"<mm7-soap>\"",
                              "Content-Type");
        uint64_t runsVirtual = 0;
        for (const auto& r : post.bodyRuns)
        {
            runsVirtual += r.virtualZeros;
        }
        NS_TEST_ASSERT_MSG_EQ(runsVirtual, 30000, "the image stays virtual");
        // Exact size: the entity's computed size less its header block.
        MmsMimeEntity entity = m.ToEntity();
        std::string head =
            MmsMimeEntity::FoldHeader("Content-Type", entity.GetHeader("Content-Type"));
        NS_TEST_ASSERT_MSG_EQ(
            post.GetBodySize(), entity.GetSerializedSize() - head.size() - 2, "exact body size");
        std::vector<uint8_t> body = post.SerializeBody();
        NS_TEST_ASSERT_MSG_EQ(body.size(), post.GetBodySize(), "runs add up");
        std::string text(body.begin(), body.end());
        NS_TEST_ASSERT_MSG_EQ(Has(text, VECTOR_SOAP), true, "the SOAP part inside");
        NS_TEST_ASSERT_MSG_EQ(
            Has(text, "Content-ID: <mm7-content>"), true, "the content's Content-ID from the href");
        MmsMm7Message parsed;
        NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::FromHttp(post, parsed, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(parsed.to.size(), 2, "recipients");
        NS_TEST_ASSERT_MSG_EQ(parsed.content.parts.size(), 2, "content parts");
        NS_TEST_ASSERT_MSG_EQ(parsed.content.parts[1].content.GetSize(), 30000, "image size");
        NS_TEST_ASSERT_MSG_EQ(parsed.content.GetSerializedSize(),
                              m.ToEntity().parts[1].GetSerializedSize(),
                              "content size parsed back");

        // A href that names no part; a body that is not MM7.
        MmsHttpMessage bad = post;
        std::string badCt = "text/plain";
        NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::FromBody(badCt, "x", 1, parsed, error), false, "ct");
        NS_TEST_ASSERT_MSG_EQ(
            error, "Content-Type text/plain: expected text/xml or multipart/related", "media type");
        m.contentHref = "cid:other";
        MmsHttpMessage wrongRef = m.ToHttp("/mm7", "mmsc.example");
        std::vector<uint8_t> wb = wrongRef.SerializeBody();
        std::string wt(wb.begin(), wb.end());
        auto at = wt.find("Content-ID: <other>");
        NS_TEST_ASSERT_MSG_EQ((at != std::string::npos), true, "renamed part");
        wt.replace(at, 19, "Content-ID: <gone!>");
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm7Message::FromBody(
                wrongRef.GetHeader("Content-Type"), wt.data(), wt.size(), parsed, error),
            false,
            "dangling href");
        NS_TEST_ASSERT_MSG_EQ(error, "Content href cid:other names no MIME part", "href error");
    }
};

/// The other messages: round trips, faults, and FromEnvelope's checks.
class Mm7MessagesTestCase : public TestCase
{
  public:
    Mm7MessagesTestCase()
        : TestCase("MM7 responses, delivery reports, faults and refusals")
    {
    }

  private:
    void DoRun() override
    {
        std::string error;
        MmsMm7Message rsp;
        rsp.type = MmsMm7Type::SUBMIT_RES;
        rsp.transactionId = "t9";
        rsp.statusCode = 1000;
        rsp.statusText = "Success";
        rsp.messageId = "M00000042";
        MmsMm7Message dr;
        dr.type = MmsMm7Type::DELIVERY_REPORT_REQ;
        dr.transactionId = "d1";
        dr.messageId = "M00000042";
        dr.recipient = {MmsMm7Address::NUMBER, "+4412345678"};
        dr.sender = {MmsMm7Address::SHORT_CODE, "84444"};
        dr.date = 1798761725;
        dr.mmStatus = MmsMm7Message::MmStatusName(0x81);
        MmsMm7Message drr;
        drr.type = MmsMm7Type::DELIVERY_REPORT_RES;
        drr.transactionId = "d1";
        drr.statusText = "Success";
        MmsMm7Message fault;
        fault.type = MmsMm7Type::RS_ERROR_RES;
        fault.transactionId = "t10";
        fault.statusCode = 2007;
        fault.statusText = "Message format corrupt";
        for (const MmsMm7Message& m : {rsp, dr, drr, fault})
        {
            MmsHttpMessage h = m.ToHttp("/vasp", "vasp.example");
            MmsMm7Message back;
            NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::FromHttp(h, back, error), true, error);
            NS_TEST_ASSERT_MSG_EQ((back == m), true, MmsMm7Message::TypeName(m.type));
            NS_TEST_ASSERT_MSG_EQ(
                h.GetHeader("Content-Type"), "text/xml; charset=\"utf-8\"", "xml");
        }
        NS_TEST_ASSERT_MSG_EQ(Has(dr.SerializeSoap(), "<Date>2027-01-01T00:02:05Z</Date>"),
                              true,
                              "Date as xs:dateTime");
        NS_TEST_ASSERT_MSG_EQ(dr.mmStatus, "Retrieved", "MMStatus of 0x81");
        MmsHttpMessage fh = fault.ToHttp("", "");
        NS_TEST_ASSERT_MSG_EQ(fh.status, 500, "a fault is HTTP 500 (SOAP 1.1 6.2)");
        std::vector<uint8_t> fb = fh.SerializeBody();
        std::string ft(fb.begin(), fb.end());
        NS_TEST_ASSERT_MSG_EQ(
            Has(ft, "<faultcode>env:Client</faultcode>"), true, "2xxx is a client fault");
        fault.statusCode = 3000;
        NS_TEST_ASSERT_MSG_EQ(
            Has(fault.SerializeSoap(), "env:Server"), true, "3xxx is a server fault");
        NS_TEST_ASSERT_MSG_EQ(rsp.ToHttp("", "").status, 200, "a response is 200");
        NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::StatusName(2002), "Address Error", "status text");
        NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::StatusName(1234), "", "unknown status");

        // Dates.
        uint64_t t = 0;
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm7Message::ParseDateTime("2027-01-01T01:30:00+01:30", t), true, "offset");
        NS_TEST_ASSERT_MSG_EQ(t, 1798761600, "offset applied");
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm7Message::ParseDateTime("2027-01-01T00:00:00.250Z", t), true, "fraction");
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm7Message::ParseDateTime("2027-13-01T00:00:00Z", t), false, "month");
        NS_TEST_ASSERT_MSG_EQ(
            MmsMm7Message::FormatDateTime(951782400), "2000-02-29T00:00:00Z", "leap day");

        // MM7 refusals.
        std::string v = VECTOR_SOAP;
        auto swap = [&v](const std::string& a, const std::string& b)
        {
            std::string s = v;
            s.replace(s.find(a), a.size(), b);
            return s;
        };
        NS_TEST_ASSERT_MSG_EQ(Mm7Error(swap("vasp1-00000001", "")), "empty TransactionID", "tid");
        NS_TEST_ASSERT_MSG_EQ(Mm7Error(swap("http://schemas.xmlsoap.org/soap/envelope/", "urn:x")),
                              "not a SOAP 1.1 Envelope: <env:Envelope> in namespace \"urn:x\"",
                              "envelope namespace");
        NS_TEST_ASSERT_MSG_EQ(
            Mm7Error(swap("MM7-1-2\">\n      <MM7Version>", "MM7-1-9\">\n      <MM7Version>")),
            "SubmitReq in namespace "
            "\"http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/"
            "REL-5-MM7-1-9\", expected "
            "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/"
            "REL-5-MM7-1-2",
            "schema namespace");
        NS_TEST_ASSERT_MSG_EQ(Mm7Error(swap("<SubmitReq ", "<CancelReq ")
                                           .replace(v.find("</SubmitReq>"), 12, "</CancelReq>")),
                              "unsupported MM7 operation <CancelReq>",
                              "operation");
        NS_TEST_ASSERT_MSG_EQ(Mm7Error(swap("<Number>+4412345678</Number>", "<Fax>1</Fax>")),
                              "Recipients/To: unknown address element Fax",
                              "address element");
        NS_TEST_ASSERT_MSG_EQ(Mm7Error(swap("<DeliveryReport>true", "<DeliveryReport>yes")),
                              "DeliveryReport: not a boolean: yes",
                              "boolean");
        NS_TEST_ASSERT_MSG_EQ(
            Mm7Error(swap("<MM7Version>5.3.0</MM7Version>", "")), "missing MM7Version", "version");
        std::string noRcpt =
            v.substr(0, v.find("      <Recipients>")) + v.substr(v.find("      <ServiceCode>"));
        NS_TEST_ASSERT_MSG_EQ(Mm7Error(noRcpt), "missing Recipients", "recipients");
        NS_TEST_ASSERT_MSG_EQ(Mm7Error(swap("2027-01-01T00:00:00Z", "tomorrow")),
                              "TimeStamp: not a date-time",
                              "timestamp");
        MmsMm7Message badStatus = rsp;
        std::string bs = badStatus.SerializeSoap();
        bs.replace(bs.find("1000"), 4, "1O00");
        NS_TEST_ASSERT_MSG_EQ(
            Mm7Error(bs), "StatusCode: expected four digits, got \"1O00\"", "status");
    }
};

class MmsMm7TestSuite : public TestSuite
{
  public:
    MmsMm7TestSuite()
        : TestSuite("mms-mm7", Type::UNIT)
    {
        AddTestCase(new Mm7XmlTestCase);
        AddTestCase(new Mm7SubmitTestCase);
        AddTestCase(new Mm7MessagesTestCase);
    }
};

static MmsMm7TestSuite g_mmsMm7TestSuite; //!< Static variable for test initialization

} // namespace
