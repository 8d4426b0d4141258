/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Whole MMS transactions over radio cells: the same PDU sequence as over fixed links, with the
// bearer's promotions, PDP activation and airtime in the latency; the notification SMS on the
// signalling channel; a switched-off recipient gets nothing until it is back.

// Scheduling lambdas needs ns-3.36 or later; the build defines MMS_LAMBDA_EVENTS there.
#ifdef MMS_LAMBDA_EVENTS

#    include "mms-test-world.h"

#    include "ns3/double.h"
#    include "ns3/ipv4-header.h"
#    include "ns3/ipv4-l3-protocol.h"
#    include "ns3/mms-module.h"
#    include "ns3/simulator.h"
#    include "ns3/string.h"
#    include "ns3/tcp-header.h"
#    include "ns3/test.h"
#    include "ns3/uinteger.h"

#    include <map>
#    include <sstream>

using namespace ns3;
using mmstest::MmsWorld;

namespace
{

void
SendAt(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}

using mmstest::Join;

/// Counts what the cells did.
struct CellCounters
{
    std::map<std::string, uint32_t> drops;
    uint32_t sms{0};
    std::vector<double> handsetRx; //!< times a packet reached UA1's radio device

    void Drop(Ptr<const Packet>, uint32_t, const std::string& reason)
    {
        drops[reason]++;
    }

    void Sms(Ptr<const Packet>, uint32_t, Time)
    {
        sms++;
    }

    void Rx(Ptr<const Packet>)
    {
        handsetRx.push_back(Simulator::Now().GetSeconds());
    }

    void Attach(MmsWorld& w)
    {
        for (const auto& cell : w.net.GetCells())
        {
            cell->TraceConnectWithoutContext("Drop", MakeCallback(&CellCounters::Drop, this));
            cell->TraceConnectWithoutContext("Sms", MakeCallback(&CellCounters::Sms, this));
        }
        MmsRadioBearerHelper::GetHandsetDevice(w.handsets.Get(1))
            ->TraceConnectWithoutContext("MacRx", MakeCallback(&CellCounters::Rx, this));
    }
};

/// UA0 sends one MMS of 30 kB to UA1 at 1 s; the simulation runs to 1500 s.
void
SendOneAndRun(MmsWorld& w)
{
    MmsUserAgent::Message m;
    m.to = {w.mms.GetMsisdn(1)};
    m.contentSize = 30000;
    Simulator::Schedule(Seconds(1), &SendAt, w.Ua(0), m);
    Simulator::Stop(Seconds(1500));
    Simulator::Run();
}

double
TimeOf(const MmsWorld& w, const std::string& line)
{
    for (std::size_t i = 0; i < w.ladder.size(); ++i)
    {
        if (w.ladder[i].find(line) == 0)
        {
            return w.times[i];
        }
    }
    return -1;
}

} // namespace

/// One MMS from UA0 to UA1, both on cells of one bearer profile.
class RadioFlowTestCase : public TestCase
{
  public:
    explicit RadioFlowTestCase(const std::string& bearer, bool offThenBack = false)
        : TestCase("MMS over " + bearer
                   + (offThenBack ? ": recipient off for 900 s, nothing reaches it, retrieved "
                                    "after it is back"
                                  : ": the fixed-link PDU sequence; SMS on the signalling "
                                    "channel; promotion, PDP activation and airtime in the "
                                    "latency"))
        , m_bearer(bearer)
        , m_off(offThenBack)
    {
    }

  private:
    std::string m_bearer;
    bool m_off;

    void DoRun() override
    {
        MmsWorld w(2, m_bearer);
        w.mms.SetSmscAttribute("DeliveryDelay",
                               StringValue("ns3::ConstantRandomVariable[Constant=3]"));
        w.mms.SetSmscAttribute("LossProbability", DoubleValue(0));
        w.Install(7);
        CellCounters cells;
        cells.Attach(w);
        if (m_off)
        {
            w.Ua(1)->ScheduleOffPeriod(Seconds(0.5), Seconds(900));
        }
        SendOneAndRun(w);

        const MmsRelay::Counters& c = w.mms.GetRelay()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.retrieved, 1u, "retrieved" << w.Dump());
        NS_TEST_EXPECT_MSG_EQ(w.Ua(1)->GetCounters().retrieved, 1u, "UA1 has it");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetPendingRecipients(), 0u, "nothing pending");
        NS_TEST_EXPECT_MSG_EQ(cells.drops["NoPdpContext"], 0u, "no downlink without a context");
        const MmsBearerProfile p = w.net.GetRadioHelper().GetProfile();
        if (!m_off)
        {
            NS_TEST_EXPECT_MSG_EQ(Join(w.Filter({"UA"})),
                                  Join({"UA0>Relay m-send-req",
                                        "Relay>UA0 m-send-conf Ok",
                                        "SMSC>UA1 SMS-DELIVER 1/1",
                                        "UA1>SMSC RP-ACK",
                                        "UA1>Relay GET Content-Location",
                                        "Relay>UA1 m-retrieve-conf",
                                        "UA1>Relay m-notifyresp-ind Retrieved",
                                        "Relay>UA1 204"}),
                                  "handset-side sequence" << w.Dump());
            // SMS-DELIVER down and RP-ACK up, both on the signalling channel.
            NS_TEST_EXPECT_MSG_EQ(cells.sms, 2u, "SMS on the signalling channel");
            // The send: the handset was idle without a PDP context, so M-Send.req left after
            // a promotion (at least the minimum) and an activation (at least 1 s), and its
            // 30 kB took at least their airtime on the uplink.
            const double sendReq = TimeOf(w, "UA0>Relay m-send-req");
            const double sendConf = TimeOf(w, "Relay>UA0 m-send-conf");
            const double uplink = 30000 * 8.0 / p.uplinkRate;
            const double minPromotion = p.UsesTbf() ? 0.1 : 1.5;
            NS_TEST_EXPECT_MSG_GT(sendConf - 1, minPromotion + 1 + uplink, "submission latency");
            // The retrieval: M-Retrieve.conf's airtime at least.
            const double get = TimeOf(w, "UA1>Relay GET");
            const double notify = TimeOf(w, "UA1>Relay m-notifyresp-ind");
            NS_TEST_EXPECT_MSG_GT(notify - get, 30000 * 8.0 / p.downlinkRate, "retrieval latency");
            std::cout << m_bearer << ": M-Send.req at " << sendReq << " s, M-Send.conf " << sendConf
                      << " s, SMS-DELIVER " << TimeOf(w, "SMSC>UA1") << " s, GET " << get
                      << " s, M-NotifyResp.ind " << notify << " s" << std::endl;
        }
        else
        {
            NS_TEST_EXPECT_MSG_GT(cells.drops["PagingFailed"], 0u, "SMS attempts failed");
            for (double t : cells.handsetRx)
            {
                NS_TEST_EXPECT_MSG_GT(t, 900.5, "UA1's bearer received while off");
            }
            NS_TEST_EXPECT_MSG_GT(cells.handsetRx.size(), 0u, "then it received");
            NS_TEST_EXPECT_MSG_GT(TimeOf(w, "UA1>Relay GET"), 900.5, "retrieved after");
        }
    }
};

/// One MMS from UA0 to UA1 as WAP 1.x handsets on cells of one bearer profile: WSP over WTP to
/// the WAP gateway, which speaks HTTP to the Relay.
class RadioWapTestCase : public TestCase
{
  public:
    explicit RadioWapTestCase(const std::string& bearer)
        : TestCase("MMS over " + bearer
                   + " with WAP 1.x handsets: WSP over WTP to the WAP gateway, "
                     "its HTTP to the Relay; airtime in the latency")
        , m_bearer(bearer)
    {
    }

  private:
    std::string m_bearer;

    void DoRun() override
    {
        MmsWorld w(2, m_bearer);
        w.wap = true;
        w.mms.SetSmscAttribute("DeliveryDelay",
                               StringValue("ns3::ConstantRandomVariable[Constant=3]"));
        w.mms.SetSmscAttribute("LossProbability", DoubleValue(0));
        w.Install(7);
        SendOneAndRun(w);

        const MmsRelay::Counters& c = w.mms.GetRelay()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.retrieved, 1u, "retrieved" << w.Dump());
        NS_TEST_EXPECT_MSG_EQ(w.Ua(1)->GetCounters().retrieved, 1u, "UA1 has it");
        NS_TEST_EXPECT_MSG_EQ(w.mms.GetRelay()->GetPendingRecipients(), 0u, "nothing pending");
        // The Relay sees only the gateway, never a handset.
        NS_TEST_EXPECT_MSG_EQ(Join(w.Filter({"WAPGW>Relay"})),
                              Join({"WAPGW>Relay m-send-req",
                                    "WAPGW>Relay GET Content-Location",
                                    "WAPGW>Relay m-notifyresp-ind Retrieved"}),
                              "requests to the Relay" << w.Dump());
        NS_TEST_EXPECT_MSG_EQ(w.Filter({"UA0>Relay", "UA1>Relay"}).size(), 0u, "no HTTP");
        // The M-Send.req goes as a segmented Invoke: its first packet holds the Post's start.
        const double post = TimeOf(w, "UA0>WAPGW WTP Invoke WSP Post");
        NS_TEST_EXPECT_MSG_GT(w.Filter({"UA0>WAPGW WTP Segmented-Invoke"}).size(),
                              20u,
                              "the rest in Segmented Invokes (30 kB in 1,400-octet packets)");
        const double conf = TimeOf(w, "WAPGW>UA0 WTP Result WSP Reply m-send-conf");
        NS_TEST_ASSERT_MSG_GT(post, 0, "the Post" << w.Dump());
        NS_TEST_ASSERT_MSG_GT(conf, post, "the Reply" << w.Dump());
        const MmsBearerProfile p = w.net.GetRadioHelper().GetProfile();
        NS_TEST_EXPECT_MSG_GT(conf - post, 30000 * 8.0 / p.uplinkRate, "the Post's airtime");
        const double get = TimeOf(w, "UA1>WAPGW WTP Invoke WSP Get");
        const double notify = TimeOf(w, "UA1>WAPGW WTP Invoke WSP Post m-notifyresp-ind");
        NS_TEST_EXPECT_MSG_GT(notify - get, 30000 * 8.0 / p.downlinkRate, "the Reply's airtime");
        std::cout << m_bearer << " (WAP 1.x): Post at " << post << " s, Reply " << conf
                  << " s, Get " << get << " s, M-NotifyResp.ind " << notify << " s" << std::endl;
    }
};

/// What one node's IPv4 sent: TCP payload sizes, the largest packet, fragments.
struct SentSegments
{
    std::map<uint32_t, uint32_t> payloads; //!< TCP payload octets -> segments
    uint32_t largest{0};                   //!< largest IPv4 packet, octets
    uint32_t fragments{0};

    void Tx(Ptr<const Packet> packet, Ptr<Ipv4>, uint32_t)
    {
        Ptr<Packet> p = packet->Copy();
        Ipv4Header ip;
        p->RemoveHeader(ip);
        largest = std::max(largest, packet->GetSize());
        if (!ip.IsLastFragment() || ip.GetFragmentOffset() != 0)
        {
            fragments++;
            return;
        }
        if (ip.GetProtocol() == 6)
        {
            TcpHeader tcp;
            p->RemoveHeader(tcp);
            if (p->GetSize() > 0)
            {
                payloads[p->GetSize()]++;
            }
        }
    }

    uint32_t Largest() const
    {
        return payloads.empty() ? 0 : payloads.rbegin()->first;
    }
};

/// The handsets' TCP segments on a GPRS cell carry the bearer profile's MSS (less the 12 octets
/// of timestamps), the network side's the MSS of its 1500-octet links; nothing is fragmented.
class RadioMssTestCase : public TestCase
{
  public:
    explicit RadioMssTestCase(uint32_t mss)
        : TestCase("TCP segments on GPRS-CS2 with a handset MSS of " + std::to_string(mss)
                   + ": full segments of MSS - 12 octets, within the MTU, no fragments")
        , m_mss(mss)
    {
    }

  private:
    uint32_t m_mss;

    void DoRun() override
    {
        static uint32_t s_mss; // the radio callback below is a plain function
        s_mss = m_mss;
        MmsWorld w(2,
                   "GPRS-CS2",
                   [](MmsRadioBearerHelper& r)
                   {
                       if (s_mss != 1460)
                       {
                           r.SetProfileAttribute("TcpMss", UintegerValue(s_mss));
                       }
                   });
        w.mms.SetSmscAttribute("DeliveryDelay",
                               StringValue("ns3::ConstantRandomVariable[Constant=3]"));
        w.mms.SetSmscAttribute("LossProbability", DoubleValue(0));
        w.Install(7);
        SentSegments handset;
        SentSegments relay;
        w.handsets.Get(0)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "Tx", MakeCallback(&SentSegments::Tx, &handset));
        w.net.GetRelayNode()->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "Tx", MakeCallback(&SentSegments::Tx, &relay));
        SendOneAndRun(w);

        NS_TEST_ASSERT_MSG_EQ(w.Ua(1)->GetCounters().retrieved, 1u, "retrieved" << w.Dump());
        const MmsBearerProfile p = w.net.GetRadioHelper().GetProfile();
        NS_TEST_EXPECT_MSG_EQ(p.tcpMss, m_mss, "the profile's MSS");
        // The 30 kB M-Send.req went up in full segments of MSS - 12 (timestamps).
        NS_TEST_EXPECT_MSG_EQ(handset.Largest(), m_mss - 12, "handset's full segment");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(
            handset.payloads[m_mss - 12], 30000 / (m_mss - 12) - 1, "M-Send.req in full segments");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(
            handset.largest, uint32_t(p.mtu), "handset packets fit the MTU");
        NS_TEST_EXPECT_MSG_EQ(handset.fragments, 0u, "no fragments from the handset");
        // The Relay (on 1500-octet links) sent M-Retrieve.conf in segments of 1460 - 12.
        NS_TEST_EXPECT_MSG_EQ(relay.Largest(), 1448u, "Relay's full segment");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(relay.payloads[1448], 30000u / 1448 - 1, "in full segments");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(relay.largest, 1500u, "Relay packets fit the MTU");
        NS_TEST_EXPECT_MSG_EQ(relay.fragments, 0u, "no fragments from the Relay");
    }
};

/**
 * \ingroup mms-tests
 * MMS over the radio bearer model.
 */
class MmsRadioDeliveryTestSuite : public TestSuite
{
  public:
    MmsRadioDeliveryTestSuite()
        : TestSuite("mms-radio-delivery", Type::SYSTEM)
    {
        AddTestCase(new RadioFlowTestCase("GPRS-CS2"));
        AddTestCase(new RadioFlowTestCase("EDGE-MCS9"));
        AddTestCase(new RadioFlowTestCase("UMTS-384"));
        AddTestCase(new RadioFlowTestCase("HSDPA-CAT6"));
        AddTestCase(new RadioFlowTestCase("UMTS-384", true));
        AddTestCase(new RadioFlowTestCase("GPRS-CS2", true));
        AddTestCase(new RadioWapTestCase("UMTS-384"));
        AddTestCase(new RadioWapTestCase("GPRS-CS2"));
        AddTestCase(new RadioMssTestCase(1460));
        AddTestCase(new RadioMssTestCase(1000));
    }
};

static MmsRadioDeliveryTestSuite
    g_mmsRadioDeliveryTestSuite; //!< Static variable for test initialization

#endif // MMS_LAMBDA_EVENTS
