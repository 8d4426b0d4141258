/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// MM7 end to end: a VASP's bulk submissions to every subscriber of an MMSE over ns-3 TCP,
// each (message, recipient) pair ending Retrieved with a notification, a retrieval and an
// MM7 delivery report back to the VASP (conservation at the Relay, the MM7 endpoint and the
// VASP); bad MM7 input at the Relay: not XML, another operation, too many recipients,
// each answered with an RSErrorRsp fault of its status and counted; and at the VASP: not
// XML, an MM7_submit.REQ, each a VASPErrorRsp fault, counted, then a good delivery report.
//
// The bulk case has 40 subscribers; MMS_VASP_SUBSCRIBERS=10000 in the environment runs it with
// that many (one request to all of them) and prints its figures.

#include "mms-test-data.h"
#include "mms-test-world.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/mms-mm7-message.h"
#include "ns3/mms-relay-mm7.h"
#include "ns3/mms-vasp.h"
#include "ns3/pointer.h"
#include "ns3/test.h"

#include <chrono>
#include <cstdlib>
#include <iostream>

using namespace ns3;

namespace
{

/// A VASP on the Server's node (an address in the core, reaching the Relay), after Install().
Ptr<MmsVasp>
AddVasp(::mmstest::MmsWorld& w)
{
    Ptr<MmsVasp> v = CreateObject<MmsVasp>();
    w.net.GetServerNode()->AddApplication(v);
    MmsHelper::InstallTransport(v);
    v->SetDirectory(w.mms.GetDirectory());
    v->SetAttribute(
        "RelayAddress",
        AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(w.net.GetRelayNode()), 80)));
    return v;
}

/// A bulk schedule: every subscriber gets `requests` messages, one request naming them all.
class VaspBulkTestCase : public TestCase
{
  public:
    VaspBulkTestCase()
        : TestCase("VASP bulk submissions: every (message, recipient) delivered and reported")
    {
    }

  private:
    void DoRun() override
    {
        // A burst of pushes: at most 32 connections from the Relay to one server (the others
        // wait), or their TIME_WAIT entries make the run quadratic.
        const ns3::mmstest::ScopedDefault limit("ns3::MmsSocketTransport::MaxConnectionsPerServer",
                                                UintegerValue(32));
        uint32_t n = 40;
        if (const char* env = std::getenv("MMS_VASP_SUBSCRIBERS"))
        {
            n = static_cast<uint32_t>(std::strtoul(env, nullptr, 10));
        }
        const uint32_t requests = n > 1000 ? 1 : 2;
        auto wall = std::chrono::steady_clock::now();
        ::mmstest::MmsWorld w(n);
        w.mms.SetRelayAttribute("MaxRecipients", UintegerValue(n));
        w.Install();
        Ptr<MmsVasp> v = AddVasp(w);
        v->SetAttribute("Requests", UintegerValue(requests));
        v->SetAttribute("RecipientsPerRequest", UintegerValue(n));
        v->SetAttribute("Spacing", TimeValue(Seconds(10)));
        v->SetAttribute("ContentSize", UintegerValue(20000));
        v->SetStartTime(Seconds(1));
        uint32_t peakQueue = 0;
        w.mms.GetRelay()->TraceConnectWithoutContext("QueueLength",
                                                     MakeBoundCallback(
                                                         +[](uint32_t* peak, uint32_t, uint32_t now)
                                                         {
                                                             *peak = std::max(*peak, now);
                                                         },
                                                         &peakQueue));
        Simulator::Stop(Seconds(n > 1000 ? 7200 : 1800));
        Simulator::Run();
        const MmsVasp::Counters& vc = v->GetCounters();
        const MmsRelay::Counters& rc = w.mms.GetRelay()->GetCounters();
        PointerValue p;
        w.mms.GetRelay()->GetAttribute("Mm7", p);
        const MmsRelayMm7::Counters& mc = p.Get<MmsRelayMm7>()->GetCounters();
        const uint64_t pairs = static_cast<uint64_t>(n) * requests;
        if (std::getenv("MMS_VASP_SUBSCRIBERS"))
        {
            std::cout
                << "VASP bulk: " << n << " subscribers, " << requests << " request(s); "
                << "relay pairs " << rc.recipients << ", retrieved " << rc.retrieved << ", expired "
                << rc.expired << ", failed " << rc.failed << ", notifications " << rc.notifications
                << ", peak queue " << peakQueue << "; MM7 reports sent " << mc.reportsSent
                << ", answered " << mc.reportsAnswered << "; VASP reports " << vc.reports
                << "; wall clock "
                << std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count()
                << " s\n";
        }
        NS_TEST_ASSERT_MSG_EQ(vc.submitted, requests, "requests sent");
        NS_TEST_ASSERT_MSG_EQ(vc.accepted, requests, "requests accepted");
        NS_TEST_ASSERT_MSG_EQ(v->GetMessageIds().size(), requests, "Message-IDs");
        NS_TEST_ASSERT_MSG_EQ(mc.accepted, requests, "MM7 accepted");
        NS_TEST_ASSERT_MSG_EQ(mc.recipients, pairs, "MM7 pairs");
        NS_TEST_ASSERT_MSG_EQ(rc.recipients, pairs, "Relay pairs");
        // Conservation: every pair ends in exactly one terminal state, here Retrieved.
        NS_TEST_ASSERT_MSG_EQ(rc.retrieved + rc.rejected + rc.expired + rc.failed,
                              rc.recipients,
                              "every pair terminal");
        NS_TEST_ASSERT_MSG_EQ(rc.retrieved, pairs, "all retrieved");
        NS_TEST_ASSERT_MSG_EQ(w.mms.GetRelay()->GetPendingRecipients(), 0, "none pending");
        uint64_t received = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            received += w.Ua(i)->GetCounters().retrieved;
        }
        NS_TEST_ASSERT_MSG_EQ(received, pairs, "each handset retrieved its messages");
        NS_TEST_ASSERT_MSG_EQ(mc.reportsSent, pairs, "one final report per pair");
        NS_TEST_ASSERT_MSG_EQ(mc.reportsAnswered, pairs, "each answered");
        NS_TEST_ASSERT_MSG_EQ(vc.reports, pairs, "the VASP got them");
        NS_TEST_ASSERT_MSG_EQ(v->GetReports().at("Retrieved"), pairs, "all Retrieved");
        NS_TEST_ASSERT_MSG_EQ(mc.refused + mc.malformed, 0, "nothing refused");
    }
};

/// Sends raw requests to an MM7 endpoint and keeps the answers.
struct Raw
{
    std::vector<MmsHttpMessage> answers;

    void OnResponse(uint64_t, bool ok, const MmsHttpMessage& r, const std::string&)
    {
        if (ok)
        {
            answers.push_back(r);
        }
    }

    /// POST request i of `sends` from `app`'s transport to `to` at 1 + i s.
    void PostAll(Ptr<MmsApplication> app, Address to, const std::vector<MmsHttpMessage>& sends)
    {
        for (std::size_t i = 0; i < sends.size(); ++i)
        {
            Simulator::Schedule(Seconds(1 + i),
                                [this, app, to, sends, i]()
                                {
                                    app->GetTransport()->Request(
                                        to,
                                        sends[i],
                                        {"raw", std::to_string(i)},
                                        MakeCallback(&Raw::OnResponse, this),
                                        i);
                                });
        }
    }
};

/// An MM7_delivery_report.REQ: message M1 of the short code 84444 Retrieved by a recipient.
MmsMm7Message
Report(const std::string& transactionId, const std::string& recipient)
{
    MmsMm7Message dr;
    dr.type = MmsMm7Type::DELIVERY_REPORT_REQ;
    dr.transactionId = transactionId;
    dr.messageId = "M1";
    dr.recipient = {MmsMm7Address::NUMBER, recipient};
    dr.sender = {MmsMm7Address::SHORT_CODE, "84444"};
    dr.date = 1;
    dr.mmStatus = "Retrieved";
    return dr;
}

/// A POST whose body is not SOAP (not XML): the MM7 status 2007 at any endpoint.
MmsHttpMessage
NotSoap(const std::string& target)
{
    MmsHttpMessage junk = MmsHttpMessage::Request("POST", target);
    junk.AddHeader("Content-Type", "text/xml");
    std::string text = "<env:Envelope><oops";
    junk.body.assign(text.begin(), text.end());
    return junk;
}

/// Bad input at the Relay's MM7 endpoint: each fault with its status, counted.
class VaspBadInputTestCase : public TestCase
{
  public:
    VaspBadInputTestCase()
        : TestCase("bad MM7 input at the Relay: RSErrorRsp faults with their status, counted")
    {
    }

  private:
    void DoRun() override
    {
        ::mmstest::MmsWorld w(3);
        w.mms.SetRelayAttribute("MaxRecipients", UintegerValue(2));
        w.Install();
        Ptr<MmsVasp> v = AddVasp(w);
        v->SetAttribute("Requests", UintegerValue(0));
        Raw raw;
        Address relay = InetSocketAddress(MmsNetworkHelper::GetAddress(w.net.GetRelayNode()), 80);
        // 1. not XML; 2. a DeliveryReportReq (not served by the Relay); 3. three recipients.
        MmsMm7Message dr = Report("x2", "+1");
        v->SetAttribute("RecipientsPerRequest", UintegerValue(3));
        MmsMm7Message many = v->MakeSubmit(0);
        raw.PostAll(
            v, relay, {NotSoap("/mm7"), dr.ToHttp("/mm7", "mmsc"), many.ToHttp("/mm7", "mmsc")});
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(raw.answers.size(), 3, "three answers");
        const uint16_t expected[] = {2007, 4003, 2004};
        for (std::size_t i = 0; i < 3; ++i)
        {
            MmsMm7Message f;
            std::string error;
            NS_TEST_ASSERT_MSG_EQ(raw.answers[i].status, 500, "a SOAP fault is HTTP 500");
            NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::FromHttp(raw.answers[i], f, error), true, error);
            NS_TEST_ASSERT_MSG_EQ((f.type == MmsMm7Type::RS_ERROR_RES), true, "RSErrorRsp");
            NS_TEST_ASSERT_MSG_EQ(f.statusCode, expected[i], "status of answer " << i);
        }
        PointerValue p;
        w.mms.GetRelay()->GetAttribute("Mm7", p);
        const MmsRelayMm7::Counters& mc = p.Get<MmsRelayMm7>()->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(mc.requests, 3, "requests");
        NS_TEST_ASSERT_MSG_EQ(mc.malformed, 1, "one malformed");
        NS_TEST_ASSERT_MSG_EQ(mc.refused, 3, "three refused");
        NS_TEST_ASSERT_MSG_EQ(mc.accepted, 0, "none accepted");
        NS_TEST_ASSERT_MSG_EQ(w.mms.GetRelay()->GetCounters().recipients, 0, "nothing delivered");
    }
};

/// Bad input at the VASP's endpoint (where the Relay POSTs delivery reports): a body that is
/// not SOAP gets a VASPErrorRsp fault 2007, an MM7_submit.REQ (no operation of a VASP) 4003,
/// both counted as bad requests; a good delivery report after them is answered 1000.
class VaspEndpointBadInputTestCase : public TestCase
{
  public:
    VaspEndpointBadInputTestCase()
        : TestCase("bad MM7 input at the VASP: VASPErrorRsp faults with their status, counted")
    {
    }

  private:
    void DoRun() override
    {
        ::mmstest::MmsWorld w(1);
        w.Install();
        Ptr<MmsVasp> v = AddVasp(w);
        v->SetAttribute("Requests", UintegerValue(0));
        Raw raw;
        Address vasp = InetSocketAddress(MmsNetworkHelper::GetAddress(w.net.GetServerNode()), 8090);
        MmsMm7Message dr = Report("dr1", w.mms.GetMsisdn(0));
        // As the Relay sends them: from its transport, to the VASP's port and path.
        raw.PostAll(
            w.mms.GetRelay(),
            vasp,
            {NotSoap("/mm7"), v->MakeSubmit(0).ToHttp("/mm7", "vasp"), dr.ToHttp("/mm7", "vasp")});
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(raw.answers.size(), 3, "three answers");
        const uint16_t http[] = {500, 500, 200};
        const MmsMm7Type types[] = {MmsMm7Type::VASP_ERROR_RES,
                                    MmsMm7Type::VASP_ERROR_RES,
                                    MmsMm7Type::DELIVERY_REPORT_RES};
        const uint16_t expected[] = {2007, 4003, 1000};
        const char* tids[] = {"unknown", "news-1", "dr1"};
        for (std::size_t i = 0; i < 3; ++i)
        {
            MmsMm7Message f;
            std::string error;
            NS_TEST_ASSERT_MSG_EQ(raw.answers[i].status, http[i], "HTTP status of answer " << i);
            NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::FromHttp(raw.answers[i], f, error), true, error);
            NS_TEST_ASSERT_MSG_EQ(MmsMm7Message::TypeName(f.type),
                                  MmsMm7Message::TypeName(types[i]),
                                  "type of answer " << i);
            NS_TEST_ASSERT_MSG_EQ(f.statusCode, expected[i], "status of answer " << i);
            NS_TEST_ASSERT_MSG_EQ(f.transactionId, tids[i], "TransactionID of answer " << i);
        }
        const MmsVasp::Counters& vc = v->GetCounters();
        NS_TEST_ASSERT_MSG_EQ(vc.badRequests, 2, "two bad requests");
        NS_TEST_ASSERT_MSG_EQ(vc.reports, 1, "one delivery report");
        NS_TEST_ASSERT_MSG_EQ(v->GetReports().size(), 1, "of one MMStatus");
        NS_TEST_ASSERT_MSG_EQ(v->GetReports().at("Retrieved"), 1, "Retrieved");
        NS_TEST_ASSERT_MSG_EQ(
            vc.submitted + vc.accepted + vc.refused + vc.failed, 0, "the VASP sent nothing");
    }
};

/// tshark decodes the MM7 SOAP body of a submission in a pcap of the core (http, multipart,
/// xml dissectors).
class VaspTsharkTestCase : public TestCase
{
  public:
    VaspTsharkTestCase()
        : TestCase("tshark decodes the MM7 SOAP body in a pcap")
    {
    }

  private:
    void DoRun() override
    {
        std::string tshark = ns3::mmstest::FindProgram("tshark");
        if (tshark.empty())
        {
            NS_TEST_EXPECT_MSG_EQ((std::getenv("MMS_SKIP_TSHARK") != nullptr),
                                  true,
                                  "tshark is not installed (set MMS_SKIP_TSHARK=1 to skip)");
            return;
        }
        ::mmstest::MmsWorld w(2);
        w.Install();
        Ptr<MmsVasp> v = AddVasp(w);
        v->SetAttribute("RecipientsPerRequest", UintegerValue(2));
        v->SetAttribute("UseBcc", BooleanValue(false));
        v->SetStartTime(Seconds(1));
        std::string prefix = CreateTempDirFilename("mms-mm7");
        w.net.EnablePcap(prefix, false, true);
        Simulator::Stop(Seconds(300));
        Simulator::Run();
        MmsMm7Message sent = v->MakeSubmit(0);
        // The Relay's core link: the request and the answer, dissected down to the XML.
        std::string pcap = prefix + "-" + std::to_string(w.net.GetRelayNode()->GetId()) + "-1.pcap";
        Simulator::Destroy();
        NS_TEST_ASSERT_MSG_EQ(v->GetCounters().accepted, 1, "accepted");
        std::string out;
        std::string cmd = tshark + " -n -r '" + pcap
                          + "' -Y 'xml and http.request.method == \"POST\"' -T fields "
                            "-E separator='|' -e http.request.uri -e http.content_type "
                            "-e xml.cdata 2>/dev/null";
        // (exit status 2 when the last packet of the still open capture is cut short)
        ns3::mmstest::RunCommand(cmd, out);
        NS_TEST_EXPECT_MSG_EQ(Has(out, "/mm7|multipart/related"), true, out);
        NS_TEST_EXPECT_MSG_EQ(Has(out, "|" + sent.transactionId + ",5.3.0,vasp,news,84444,"),
                              true,
                              "TransactionID, MM7Version, SenderIdentification: " + out);
        NS_TEST_EXPECT_MSG_EQ(Has(out, "5.3.0"), true, "MM7Version: " + out);
        NS_TEST_EXPECT_MSG_EQ(Has(out, sent.to[1].value), true, "a Number: " + out);
        NS_TEST_EXPECT_MSG_EQ(Has(out, "Happy New Year"), true, "Subject: " + out);
        cmd = tshark + " -n -r '" + pcap
              + "' -Y 'xml and http.response' -T fields -e http.response.code -e xml.cdata "
                "2>/dev/null";
        ns3::mmstest::RunCommand(cmd, out);
        NS_TEST_EXPECT_MSG_EQ(Has(out, "200\t" + sent.transactionId + ",5.3.0,1000,Success,"),
                              true,
                              "SubmitRsp: " + out);
        NS_TEST_EXPECT_MSG_EQ(Has(out, v->GetMessageIds().at(0)), true, "MessageID: " + out);
    }

    static bool Has(const std::string& text, const std::string& part)
    {
        return text.find(part) != std::string::npos;
    }
};

class MmsVaspTestSuite : public TestSuite
{
  public:
    MmsVaspTestSuite()
        : TestSuite("mms-vasp", Type::SYSTEM)
    {
        AddTestCase(new VaspBulkTestCase);
        AddTestCase(new VaspBadInputTestCase);
        AddTestCase(new VaspEndpointBadInputTestCase);
        AddTestCase(new VaspTsharkTestCase);
    }
};

static MmsVaspTestSuite g_mmsVaspTestSuite; //!< Static variable for test initialization

} // namespace
