/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Validation of the Relay's capacity model against queueing theory: Poisson submissions, c
// workers, exponential service (M/M/c). The mean wait for a worker must match Erlang C within
// 5% for loads 0.3 to 0.9. The Relay runs unchanged over a test transport that feeds it
// M-Send.req at Poisson times and answers its store and push requests at once, so only the
// Relay's own queue shapes the wait.

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/mms-module.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>

using namespace ns3;

namespace
{
/// A transport whose peers answer at once: the store accepts, the PPG accepts every push.
class InstantTransport : public MmsTransport
{
  public:
    RequestCallback listener;
    uint64_t responses{0};
    uint64_t okResponses{0};

    void Listen(uint16_t, RequestCallback cb) override
    {
        listener = cb;
    }

    void Respond(ExchangeId, const MmsHttpMessage& r) override
    {
        responses++;
        MmsPdu pdu;
        std::string e;
        if (MmsHttp::DecodeMmsBody(r, pdu, e)
            && pdu.GetOctet(MmsField::RESPONSE_STATUS) == MmsValue::RESPONSE_OK)
        {
            okResponses++;
        }
    }

    void Request(const Address&,
                 const MmsHttpMessage& req,
                 const RequestLabel&,
                 ResponseCallback cb,
                 uint64_t c) override
    {
        MmsHttpMessage r = MmsHttpMessage::Response(req.method == "PUT" ? 201 : 204, "OK");
        Simulator::ScheduleNow(&InstantTransport::Answer, this, cb, c, r);
    }

    void Answer(ResponseCallback cb, uint64_t cookie, MmsHttpMessage r)
    {
        cb(cookie, true, r, "");
    }

    void BindDatagram(uint16_t, DatagramCallback) override
    {
    }

    void SendDatagram(uint16_t, const Address&, const std::vector<uint8_t>&) override
    {
    }

    void AbortAll() override
    {
    }
};

/// Erlang C: probability of waiting in M/M/c with offered load a = lambda/mu.
double
ErlangC(uint32_t c, double a)
{
    double term = 1;
    double sum = 1;
    for (uint32_t k = 1; k < c; ++k)
    {
        term *= a / k;
        sum += term;
    }
    double last = term * a / c / (1 - a / c);
    return last / (sum + last);
}

struct Waits
{
    uint64_t seen{0};
    uint64_t warmup{0};
    std::vector<double> batchSum;
    std::vector<uint64_t> batchCount;
    uint64_t perBatch{1};
};

void
OnTransaction(Waits* w, MmsRelay::TransactionType, Time wait, Time)
{
    uint64_t i = w->seen++;
    if (i < w->warmup)
    {
        return;
    }
    std::size_t b = std::min<std::size_t>((i - w->warmup) / w->perBatch, w->batchSum.size() - 1);
    w->batchSum[b] += wait.GetSeconds();
    w->batchCount[b]++;
}

/// A small M-Send.req to a number outside the MMSE: the Relay stores it, confirms it and fails
/// the recipient at once, so that the submission is the only MM1 work.
MmsHttpMessage
OutsideSubmission()
{
    MmsMultipartBody body;
    MmsPart part;
    part.contentType = MmsWspContentType("text/plain");
    part.data = MmsContent(std::string("queueing"));
    body.parts = {part};
    MmsPdu pdu = MmsPdu::MakeSendReq("t",
                                     "+447700900001/TYPE=PLMN",
                                     {"+449999999999/TYPE=PLMN"},
                                     MmsWspContentType("application/vnd.wap.multipart.mixed"),
                                     body);
    MmsHttpMessage req = MmsHttp::MakeMmsRequest("POST", "/mms", "mmsc", pdu);
    req.body = req.SerializeBody(); // as received: real octets
    req.bodyRuns.clear();
    return req;
}

/// A Relay on its own node over transport t with the given workers; its one subscriber is the
/// originator of OutsideSubmission. Every submission the tests send is the same M-Send.req
/// (one transaction id): DuplicateWindow 0, so they are not taken for repeats.
Ptr<MmsRelay>
MakeRelay(Ptr<InstantTransport> t, uint32_t workers)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<MmsSubscriberDirectory> dir = CreateObject<MmsSubscriberDirectory>();
    dir->Add("+447700900001", Ipv4Address("10.0.0.1"));
    Ptr<MmsRelay> relay = CreateObject<MmsRelay>();
    relay->SetTransport(t);
    relay->SetDirectory(dir);
    relay->SetAttribute("Workers", UintegerValue(workers));
    relay->SetAttribute("DuplicateWindow", TimeValue(Seconds(0)));
    node->AddApplication(relay);
    return relay;
}

/// Records the start of every MM1 transaction's service.
void
OnStart(std::vector<double>* starts, MmsRelay::TransactionType, Time, Time)
{
    starts->push_back(Simulator::Now().GetSeconds());
}

void
Arrive(Ptr<InstantTransport> t,
       Ptr<RandomVariableStream> gap,
       MmsHttpMessage req,
       Address from,
       uint64_t left)
{
    static uint64_t exchange = 0;
    t->listener(++exchange, req, from);
    if (left > 1)
    {
        Simulator::Schedule(Seconds(gap->GetValue()), &Arrive, t, gap, req, from, left - 1);
    }
}

/// The Relay's store and PPG over the flow transport: every request answered at once.
void
FlowPeerAnswer(Ptr<MmsFlowTransport> peer,
               MmsTransport::ExchangeId id,
               const MmsHttpMessage& req,
               const Address&)
{
    peer->Respond(id, MmsHttpMessage::Response(req.method == "PUT" ? 201 : 204, "OK"));
}

/// A submission's outcome at the client over the flow transport.
void
FlowClientAnswer(uint64_t* ok, uint64_t, bool done, const MmsHttpMessage& r, const std::string&)
{
    MmsPdu pdu;
    std::string e;
    if (done && MmsHttp::DecodeMmsBody(r, pdu, e)
        && pdu.GetOctet(MmsField::RESPONSE_STATUS) == MmsValue::RESPONSE_OK)
    {
        (*ok)++;
    }
}

/// Poisson submissions from a client over the flow transport.
void
FlowArrive(Ptr<MmsFlowTransport> client,
           Ptr<ExponentialRandomVariable> gap,
           MmsHttpMessage req,
           Address relay,
           uint64_t* ok,
           uint64_t left)
{
    client->Request(relay,
                    req,
                    MmsTransport::RequestLabel{"m-send-req", "t"},
                    MakeBoundCallback(&FlowClientAnswer, ok),
                    left);
    if (left > 1)
    {
        Simulator::Schedule(
            Seconds(gap->GetValue()), &FlowArrive, client, gap, req, relay, ok, left - 1);
    }
}
} // namespace

/// One load point of the M/M/c validation.
class MmsErlangCTestCase : public TestCase
{
  public:
    MmsErlangCTestCase(double rho, uint32_t workers, uint64_t customers, bool flow = false)
        : TestCase("mean wait at load " + std::to_string(rho).substr(0, 3) + " with "
                   + std::to_string(workers) + " workers matches Erlang C"
                   + (flow ? " over the flow transport" : ""))
        , m_rho(rho)
        , m_workers(workers)
        , m_customers(customers)
        , m_flow(flow)
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(7);
        RngSeedManager::SetRun(1);
        const double mu = 20.0; // services per second: mean service time 50 ms
        const double lambda = m_rho * m_workers * mu;
        Ptr<InstantTransport> t = CreateObject<InstantTransport>();
        Ptr<MmsRelay> relay = MakeRelay(t, m_workers);
        // Over the flow transport: a client, the Relay and its store and PPG as flow endpoints
        // (100 Mbit/s, 1 ms one way between sites), each exchange with its handshake.
        Ptr<MmsFlowNetwork> network;
        Ptr<MmsFlowTransport> client;
        Ptr<MmsFlowTransport> peer;
        uint64_t flowOk = 0;
        if (m_flow)
        {
            network = CreateObject<MmsFlowNetwork>();
            network->SetAttribute("CoreDelay", TimeValue(MilliSeconds(1)));
            Ptr<MmsFlowTransport> rt = CreateObject<MmsFlowTransport>();
            rt->Attach(network, Ipv4Address("10.0.0.100"), 1);
            relay->SetTransport(rt);
            peer = CreateObject<MmsFlowTransport>();
            peer->Attach(network, Ipv4Address("10.0.0.2"), 2);
            peer->Listen(8081, MakeBoundCallback(&FlowPeerAnswer, peer));
            peer->Listen(8082, MakeBoundCallback(&FlowPeerAnswer, peer));
            relay->SetAttribute("ServerAddress",
                                AddressValue(InetSocketAddress(Ipv4Address("10.0.0.2"), 8081)));
            relay->SetAttribute("PpgAddress",
                                AddressValue(InetSocketAddress(Ipv4Address("10.0.0.2"), 8082)));
            client = CreateObject<MmsFlowTransport>();
            client->Attach(network, Ipv4Address("10.0.0.1"), 3);
        }
        relay->SetAttribute("QueueLimit", UintegerValue(1000000));
        Ptr<ExponentialRandomVariable> service = CreateObject<ExponentialRandomVariable>();
        service->SetAttribute("Mean", DoubleValue(1 / mu));
        relay->SetAttribute("SubmitTime", PointerValue(service));
        relay->AssignStreams(10);
        Ptr<ExponentialRandomVariable> gap = CreateObject<ExponentialRandomVariable>();
        gap->SetAttribute("Mean", DoubleValue(1 / lambda));
        gap->SetStream(20);

        MmsHttpMessage req = OutsideSubmission();

        const std::size_t batches = 20;
        Waits w;
        w.warmup = m_customers / 20;
        w.perBatch = (m_customers - w.warmup) / batches;
        w.batchSum.assign(batches, 0);
        w.batchCount.assign(batches, 0);
        relay->TraceConnectWithoutContext("Transaction", MakeBoundCallback(&OnTransaction, &w));
        relay->SetStartTime(Seconds(0));
        if (m_flow)
        {
            UintegerValue port;
            relay->GetAttribute("Port", port);
            Simulator::Schedule(Seconds(gap->GetValue()),
                                &FlowArrive,
                                client,
                                gap,
                                req,
                                Address(InetSocketAddress(Ipv4Address("10.0.0.100"),
                                                          static_cast<uint16_t>(port.Get()))),
                                &flowOk,
                                m_customers);
        }
        else
        {
            Simulator::Schedule(Seconds(gap->GetValue()),
                                &Arrive,
                                t,
                                gap,
                                req,
                                Address(InetSocketAddress(Ipv4Address("10.0.0.1"), 1000)),
                                m_customers);
        }
        Simulator::Run();

        double mean = 0;
        std::vector<double> means;
        for (std::size_t b = 0; b < batches; ++b)
        {
            means.push_back(w.batchSum[b] / std::max<uint64_t>(1, w.batchCount[b]));
            mean += means.back() / batches;
        }
        double var = 0;
        for (double m : means)
        {
            var += (m - mean) * (m - mean) / (batches - 1);
        }
        double half = 2.093 * std::sqrt(var / batches); // t(0.975, 19)
        double a = lambda / mu;
        double theory = ErlangC(m_workers, a) / (m_workers * mu - lambda);
        std::ostringstream report;
        report << "load " << m_rho << ", c=" << m_workers << ", " << m_customers
               << " submissions: mean wait " << mean * 1000 << " ms +- " << half * 1000
               << " ms (95%), Erlang C " << theory * 1000 << " ms, error "
               << 100 * (mean - theory) / theory << "%";
        std::cout << "    " << report.str() << "\n";
        NS_TEST_EXPECT_MSG_EQ_TOL(mean, theory, 0.05 * theory, report.str());
        NS_TEST_EXPECT_MSG_EQ(
            m_flow ? flowOk : t->okResponses, m_customers, "every submission confirmed");
        NS_TEST_EXPECT_MSG_EQ(relay->GetCounters().failed, m_customers, "recipient outside");
        NS_TEST_EXPECT_MSG_EQ(relay->GetPendingRecipients(), 0u, "nothing pending");
        Simulator::Destroy();
    }

    double m_rho;
    uint32_t m_workers;
    uint64_t m_customers;
    bool m_flow; //!< the Relay over MmsFlowTransport instead of a test double
};

/**
 * The licensed rate: 400 submissions 25 ms apart (40 per second, the first at 25 ms) against
 * LicensedRate = 10 per second with a tolerance of 1 s, on workers that are never the limit.
 * Queue: every submission is confirmed, the licence spacing them 100 ms apart (less the 1 s
 * tolerance), so the last starts its service at 0.025 + 399 x 0.1 - 1 = 38.925 s. Reject: what
 * comes before its turn less the tolerance is refused at once; over the 9.975 s of arrivals about
 * 10 x 9.975 + 10 (the tolerance's burst) = 110 are confirmed and the other 290 refused.
 */
class MmsLicensedRateTestCase : public TestCase
{
  public:
    /**
     * \param reject true: LicensePolicy Reject, else Queue
     */
    MmsLicensedRateTestCase(bool reject)
        : TestCase(std::string("licensed rate of 10 MMS per s at 40 offered, policy ")
                   + (reject ? "Reject" : "Queue"))
        , m_reject(reject)
    {
    }

  private:
    void DoRun() override
    {
        const uint64_t n = 400;
        Ptr<InstantTransport> t = CreateObject<InstantTransport>();
        Ptr<MmsRelay> relay = MakeRelay(t, 1000);
        relay->SetAttribute("LicensedRate", DoubleValue(10));
        relay->SetAttribute("LicenseTolerance", TimeValue(Seconds(1)));
        relay->SetAttribute("LicensePolicy", StringValue(m_reject ? "Reject" : "Queue"));
        relay->SetAttribute("SubmitTime",
                            StringValue("ns3::ConstantRandomVariable[Constant=0.001]"));
        relay->AssignStreams(10);
        std::vector<double> starts;
        relay->TraceConnectWithoutContext("Transaction", MakeBoundCallback(&OnStart, &starts));
        relay->SetStartTime(Seconds(0));
        Ptr<ConstantRandomVariable> gap = CreateObject<ConstantRandomVariable>();
        gap->SetAttribute("Constant", DoubleValue(0.025));
        Simulator::Schedule(Seconds(0.025),
                            &Arrive,
                            t,
                            gap,
                            OutsideSubmission(),
                            Address(InetSocketAddress(Ipv4Address("10.0.0.1"), 1000)),
                            n);
        Simulator::Run();
        const MmsRelay::Counters& c = relay->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(t->responses, n, "every submission answered");
        if (m_reject)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(double(t->okResponses), 110.0, 2.0, "confirmed");
            NS_TEST_EXPECT_MSG_EQ(c.overLicence, n - t->okResponses, "the others refused");
            NS_TEST_EXPECT_MSG_EQ(starts.size(), t->okResponses, "refused without service");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(t->okResponses, n, "every submission confirmed");
            NS_TEST_EXPECT_MSG_EQ(c.overLicence, 0u, "none refused");
            NS_TEST_ASSERT_MSG_EQ(starts.size(), n, "every submission served");
            NS_TEST_EXPECT_MSG_EQ_TOL(
                starts.back(), 38.925, 1e-6, "the last at the licence's pace");
            for (std::size_t i = 20; i < starts.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ_TOL(starts[i] - starts[i - 1], 0.1, 1e-6, "spaced 100 ms");
            }
        }
        Simulator::Destroy();
    }

    bool m_reject;
};

/// The validation suite.
class MmsRelayCapacityTestSuite : public TestSuite
{
  public:
    MmsRelayCapacityTestSuite()
        : TestSuite("mms-relay-capacity", Type::SYSTEM)
    {
        // Enough submissions for a 95% confidence interval of about +-3% of the mean wait: at
        // low load few submissions wait at all, at high load successive waits are correlated.
        AddTestCase(new MmsErlangCTestCase(0.3, 4, 1000000));
        AddTestCase(new MmsErlangCTestCase(0.5, 4, 600000));
        AddTestCase(new MmsErlangCTestCase(0.7, 4, 600000));
        AddTestCase(new MmsErlangCTestCase(0.9, 4, 2000000));
        // The same Relay over the flow transport (handshakes, transfers, path delays).
        AddTestCase(new MmsErlangCTestCase(0.7, 4, 600000, true));
        AddTestCase(new MmsLicensedRateTestCase(false));
        AddTestCase(new MmsLicensedRateTestCase(true));
    }
};

static MmsRelayCapacityTestSuite g_mmsRelayCapacityTestSuite;
