/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The radio bearer: profiles, the shared-capacity scheduler, RRC/TBF states, and cells carrying
// real TCP and UDP through ns-3's Internet stack: a saturated download's goodput and RTT, equal
// shares, M/G/1-PS transfer times, promotion and inactivity, PDP contexts, unreachable handsets
// and the SMS signalling channel.

// Scheduling lambdas needs ns-3.36 or later; the build defines MMS_LAMBDA_EVENTS there.
#ifdef MMS_LAMBDA_EVENTS

#    include "ns3/boolean.h"
#    include "ns3/bulk-send-application.h"
#    include "ns3/bulk-send-helper.h"
#    include "ns3/config.h"
#    include "ns3/double.h"
#    include "ns3/enum.h"
#    include "ns3/inet-socket-address.h"
#    include "ns3/integer.h"
#    include "ns3/internet-stack-helper.h"
#    include "ns3/ipv4-address-helper.h"
#    include "ns3/ipv4-static-routing-helper.h"
#    include "ns3/ipv4-static-routing.h"
#    include "ns3/mms-module.h"
#    include "ns3/packet-sink-helper.h"
#    include "ns3/packet-sink.h"
#    include "ns3/point-to-point-helper.h"
#    include "ns3/pointer.h"
#    include "ns3/rng-seed-manager.h"
#    include "ns3/simulator.h"
#    include "ns3/string.h"
#    include "ns3/tcp-socket-base.h"
#    include "ns3/test.h"
#    include "ns3/udp-socket-factory.h"
#    include "ns3/uinteger.h"

#    include <cmath>
#    include <functional>
#    include <map>
#    include <numeric>
#    include <sstream>

using namespace ns3;

namespace
{

// IPv4 (20) + TCP (20) + timestamp option (12): ns-3 TCP sends timestamps by default.
constexpr uint32_t kTcpIpHeaders = 52;
constexpr uint32_t kPacket = 1500;

/// A server behind a gateway that hosts one cell with `n` handsets.
struct CellWorld
{
    Ptr<Node> server;
    Ptr<Node> gateway;
    NodeContainer handsets;
    MmsRadioBearerHelper radio;
    Ptr<MmsRadioCellChannel> cell;
    NetDeviceContainer devices;
    Time linkDelay{MilliSeconds(1)};

    /// `configure` sets the helper up (profile, attributes) before the cell is built.
    CellWorld(uint32_t n, const std::function<void(MmsRadioBearerHelper&)>& configure)
    {
        server = CreateObject<Node>();
        gateway = CreateObject<Node>();
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(server);
        stack.Install(gateway);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
        p2p.SetChannelAttribute("Delay", TimeValue(linkDelay));
        NetDeviceContainer d = p2p.Install(server, gateway);
        Ipv4AddressHelper a;
        a.SetBase("10.0.0.0", "255.255.255.252");
        Ipv4InterfaceContainer ifc = a.Assign(d);
        Ipv4StaticRoutingHelper routing;
        routing.GetStaticRouting(server->GetObject<Ipv4>())->SetDefaultRoute(ifc.GetAddress(1), 1);
        configure(radio);
        cell = radio.CreateCell(gateway);
        handsets.Create(n);
        devices = radio.Attach(cell, handsets);
        radio.AssignStreams(1000);
    }

    Ipv4Address HandsetAddress(uint32_t i) const
    {
        return MmsNetworkHelper::GetAddress(handsets.Get(i));
    }

    Ipv4Address ServerAddress() const
    {
        return MmsNetworkHelper::GetAddress(server);
    }

    /// Time an IP packet of `ipBytes` takes on the server's link (PPP adds 2 octets).
    Time Wire(uint32_t ipBytes) const
    {
        return linkDelay + NanoSeconds((ipBytes + 2) * 8);
    }

    Ptr<MmsRadioBearerNetDevice> Device(uint32_t i) const
    {
        return DynamicCast<MmsRadioBearerNetDevice>(devices.Get(i));
    }
};

void
NoErrors(MmsRadioBearerHelper& r)
{
    r.SetProfileAttribute("BlockErrorRate", DoubleValue(0));
    r.SetRrcAttribute("PdpMode", EnumValue(MmsRrcStateMachine::PDP_ALWAYS_ON));
}

// ------------------------------------------------------------------------------------------

class ProfileTestCase : public TestCase
{
  public:
    ProfileTestCase()
        : TestCase("Presets: rates from blocks x timeslots, R99 and HSDPA rates, overrides, "
                   "errors naming the problem")
    {
    }

  private:
    void DoRun() override
    {
        MmsBearerProfile p;
        std::string e;
        // CS-2: 30 octets per 20 ms block = 12 kbit/s per timeslot; class 10 = 4 down, 2 up.
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("gprs-cs2", 10, p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 48000u, "CS-2 x 4");
        NS_TEST_EXPECT_MSG_EQ(p.uplinkRate, 24000u, "CS-2 x 2");
        NS_TEST_EXPECT_MSG_EQ(p.cellDownlinkCapacity, 96000u, "8 timeslots");
        NS_TEST_EXPECT_MSG_EQ(p.UsesTbf(), true, "GPRS uses TBFs");
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("GPRS-CS4", 8, p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 80000u, "CS-4 x 4");
        NS_TEST_EXPECT_MSG_EQ(p.uplinkRate, 20000u, "class 8: 1 uplink slot");
        // MCS-9: 2 x 74 octets = 59.2 kbit/s per timeslot.
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("EDGE-MCS9", 10, p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 236800u, "MCS-9 x 4");
        NS_TEST_EXPECT_MSG_EQ(p.blockBytes, 74u, "retransmission unit: one RLC block");
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("EDGE-MCS1", 1, p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 8800u, "MCS-1 x 1");
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("UMTS-384", 10, p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 384000u, "R99 384");
        NS_TEST_EXPECT_MSG_EQ(p.uplinkRate, 64000u, "R99 uplink 64");
        NS_TEST_EXPECT_MSG_EQ(p.UsesTbf(), false, "UMTS uses RRC states");
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("HSDPA-CAT10", 10, p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 14000000u, "category 10");
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("HSDPA-CAT12", 10, p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 1800000u, "category 12");
        NS_TEST_EXPECT_MSG_EQ(MmsBearerProfile::PresetNames().size(), 20u, "4 + 9 + 3 + 4");
        for (const auto& n : MmsBearerProfile::PresetNames())
        {
            NS_TEST_EXPECT_MSG_EQ(MmsBearerProfile::FromPreset(n, 10, p, e), true, n << ": " << e);
            NS_TEST_EXPECT_MSG_EQ(p.Validate(e), true, n << ": " << e);
            // A handset's full segment, with the IPv4 and TCP headers, fits the bearer's MTU.
            NS_TEST_EXPECT_MSG_LT_OR_EQ(p.tcpMss + 40u, uint32_t(p.mtu), n << ": MSS " << p.tcpMss);
            NS_TEST_EXPECT_MSG_EQ(p.tcpMss, 1460u, n << ": 1500-octet MTU less 40");
        }

        NS_TEST_EXPECT_MSG_EQ(MmsBearerProfile::FromPreset("GPRS-CS5", 10, p, e), false, "CS-5");
        NS_TEST_EXPECT_MSG_NE(e.find("'GPRS-CS5'"), std::string::npos, e);
        NS_TEST_EXPECT_MSG_NE(e.find("HSDPA-CAT10"), std::string::npos, "lists the known");
        NS_TEST_EXPECT_MSG_EQ(MmsBearerProfile::FromPreset("GPRS-CS2", 13, p, e), false, "class");
        NS_TEST_EXPECT_MSG_NE(e.find("multislot class 13"), std::string::npos, e);
        NS_TEST_EXPECT_MSG_EQ(MmsBearerProfile::FromPreset("LTE", 10, p, e), false, "LTE");

        Ptr<MmsRadioBearerProfile> o = CreateObject<MmsRadioBearerProfile>();
        o->SetAttribute("Preset", StringValue("GPRS-CS2"));
        o->SetAttribute("MultislotClass", UintegerValue(12));
        o->SetAttribute("UplinkRate", DataRateValue(DataRate("20kbps")));
        o->SetAttribute("RadioDelayDownlink", TimeValue(MilliSeconds(0)));
        o->SetAttribute("BlockErrorRate", DoubleValue(0.2));
        NS_TEST_ASSERT_MSG_EQ(o->TryGet(p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.downlinkRate, 48000u, "class 12: 4 down");
        NS_TEST_EXPECT_MSG_EQ(p.uplinkRate, 20000u, "override");
        NS_TEST_EXPECT_MSG_EQ(p.radioDelayDownlink, Time(0), "zero is a value, not unset");
        NS_TEST_EXPECT_MSG_EQ(p.radioDelayUplink, MilliSeconds(200), "preset kept");
        NS_TEST_EXPECT_MSG_EQ_TOL(p.blockErrorRate, 0.2, 1e-12, "override");
        o->SetAttribute("BlockErrorRate", DoubleValue(1));
        NS_TEST_EXPECT_MSG_EQ(o->TryGet(p, e), false, "BLER 1");
        NS_TEST_EXPECT_MSG_NE(e.find("BlockErrorRate"), std::string::npos, e);
        o->SetAttribute("BlockErrorRate", DoubleValue(0.2));
        // The MSS follows an overridden MTU, unless set itself; it must fit the MTU.
        o->SetAttribute("Mtu", UintegerValue(576));
        NS_TEST_ASSERT_MSG_EQ(o->TryGet(p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.tcpMss, 536u, "576 - 40");
        o->SetAttribute("TcpMss", UintegerValue(500));
        NS_TEST_ASSERT_MSG_EQ(o->TryGet(p, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(p.tcpMss, 500u, "override");
        o->SetAttribute("TcpMss", UintegerValue(537));
        NS_TEST_EXPECT_MSG_EQ(o->TryGet(p, e), false, "537 + 40 > 576");
        NS_TEST_EXPECT_MSG_NE(e.find("TcpMss 537"), std::string::npos, e);

        // Expected goodput: CS-2 x 4, 1500-octet packets + 10 octets SNDCP/LLC, no errors.
        NS_TEST_ASSERT_MSG_EQ(MmsBearerProfile::FromPreset("GPRS-CS2", 10, p, e), true, e);
        p.blockErrorRate = 0;
        NS_TEST_EXPECT_MSG_EQ_TOL(
            p.NetGoodput(true, 1500, 52), 48000.0 * 1448 / 1510, 1e-3, "goodput formula");
    }
};

class SchedulerTestCase : public TestCase
{
  public:
    SchedulerTestCase()
        : TestCase("Scheduler: water-filling, processor sharing and round robin completion "
                   "times to the nanosecond")
    {
    }

  private:
    std::map<uint32_t, Time> m_done;

    void Done(uint32_t, uint32_t flow)
    {
        m_done[flow] = Simulator::Now();
    }

    void DoRun() override
    {
        auto r = MmsRadioScheduler::WaterFill(100, {10, 50, 80});
        NS_TEST_EXPECT_MSG_EQ_TOL(r[0], 10, 1e-9, "capped");
        NS_TEST_EXPECT_MSG_EQ_TOL(r[1], 45, 1e-9, "share of the rest");
        NS_TEST_EXPECT_MSG_EQ_TOL(r[2], 45, 1e-9, "share of the rest");
        r = MmsRadioScheduler::WaterFill(100, {10, 20, 30});
        NS_TEST_EXPECT_MSG_EQ_TOL(r[0] + r[1] + r[2], 60, 1e-9, "all capped, capacity left");

        // PS, capacity 1000 bit/s: A 1000 bits and B 3000 bits start at 0; C 500 bits at 1 s.
        // 0-1 s: A, B at 500 -> A 500 left, B 2500. 1 s: C joins, 333.3 each: A done at 2.5 s
        // (C has 0 left too: it needs 500 at 333.3 = 1.5 s). Then B alone with 2000 left:
        // 2.5 + 2 = 4.5 s, when all 4500 bits are served.
        for (int discipline = 0; discipline < 2; ++discipline)
        {
            m_done.clear();
            MmsRadioScheduler s;
            s.SetCapacity(1000);
            s.SetDiscipline(MmsRadioScheduler::Discipline(discipline));
            s.SetCompletionCallback(MakeCallback(&SchedulerTestCase::Done, this), 0);
            Simulator::Schedule(Seconds(0),
                                [&s]
                                {
                                    s.Start(1, 1000, 1e9);
                                    s.Start(2, 3000, 1e9);
                                });
            Simulator::Schedule(Seconds(1),
                                [&s]
                                {
                                    s.Start(3, 500, 1e9);
                                });
            Simulator::Run();
            if (discipline == MmsRadioScheduler::PROCESSOR_SHARING)
            {
                NS_TEST_EXPECT_MSG_EQ(m_done[1], Seconds(2.5), "A");
                NS_TEST_EXPECT_MSG_EQ(m_done[3], Seconds(2.5), "C");
                NS_TEST_EXPECT_MSG_EQ(m_done[2], Seconds(4.5), "B");
            }
            else
            {
                // One at a time in arrival order: A 0-1 s, B 1-4 s, C 4-4.5 s.
                NS_TEST_EXPECT_MSG_EQ(m_done[1], Seconds(1), "A");
                NS_TEST_EXPECT_MSG_EQ(m_done[2], Seconds(4), "B");
                NS_TEST_EXPECT_MSG_EQ(m_done[3], Seconds(4.5), "C");
            }
            NS_TEST_EXPECT_MSG_EQ_TOL(s.GetServedBits(), 4500, 1e-6, "work conserved");
            NS_TEST_EXPECT_MSG_EQ(s.GetBusyTime(), Seconds(4.5), "busy");
            Simulator::Destroy();
        }

        // Caps: two flows capped at 250 bit/s on 1000 bit/s never exceed their cap.
        m_done.clear();
        MmsRadioScheduler s;
        s.SetCapacity(1000);
        s.SetCompletionCallback(MakeCallback(&SchedulerTestCase::Done, this), 0);
        Simulator::Schedule(Seconds(0),
                            [&s]
                            {
                                s.Start(1, 1000, 250);
                                s.Start(2, 1000, 600);
                            });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m_done[1], Seconds(4), "capped at 250");
        NS_TEST_EXPECT_MSG_EQ(m_done[2], NanoSeconds(1666666667), "capped at 600");
        Simulator::Destroy();
    }
};

/// Every attribute of an object that has a getter, printed, by name.
std::map<std::string, std::string>
PrintedAttributes(Ptr<const Object> object)
{
    std::map<std::string, std::string> out;
    MmsForEachAttributeValue(
        *object,
        TypeId::ATTR_GET,
        [&out](const TypeId::AttributeInformation& info, const AttributeValue& v)
        {
            out[info.name] = v.SerializeToString(info.checker);
        });
    return out;
}

/**
 * The copies the subscriber pool makes of a cell's prototypes (MmsUserAgent::CreateLike,
 * MmsRrcStateMachine::CreateLike): the prototype's attribute values, the User Agent's random
 * variables shared (the same objects), the state machine's uniform variable its own.
 */
class PrototypeCopyTestCase : public TestCase
{
  public:
    PrototypeCopyTestCase()
        : TestCase("copies of a prototype User Agent and RRC state machine: the same attribute "
                   "values; shared User Agent variables; a state machine's own stream")
    {
    }

  private:
    /// The promotion delay an RRC state machine draws from Idle on stream `stream`.
    static Time FirstPromotion(Ptr<MmsRrcStateMachine> rrc, int64_t stream)
    {
        rrc->AssignStreams(stream);
        Time delay = Seconds(-1);
        std::function<void(MmsRrcStateMachine::State, Time)> f =
            [&delay](MmsRrcStateMachine::State, Time d)
        {
            delay = d;
        };
        rrc->TraceConnectWithoutContext("Promotion", MakeCallback(&decltype(f)::operator(), &f));
        rrc->Request(true, 100);
        Simulator::Run();
        Simulator::Destroy();
        return delay;
    }

    void DoRun() override
    {
        ObjectFactory ua;
        ua.SetTypeId("ns3::MmsUserAgent");
        ua.Set("SizeThreshold", UintegerValue(1234));
        ua.Set("DeferredDelay", StringValue("ns3::ConstantRandomVariable[Constant=7]"));
        ua.Set("ReadReportProbability", DoubleValue(0.3));
        ua.Set("OnOff", BooleanValue(true));
        ua.Set("Traffic", BooleanValue(false));
        Ptr<MmsUserAgent> prototype = ua.Create<MmsUserAgent>();
        Ptr<MmsUserAgent> copy = MmsUserAgent::CreateLike(prototype);
        NS_TEST_ASSERT_MSG_NE(PeekPointer(copy), PeekPointer(prototype), "a new object");
        const auto printed = PrintedAttributes(copy);
        NS_TEST_EXPECT_MSG_EQ((printed.size() > 20), true, "the User Agent's attributes");
        // Pointers print as addresses: equal prints are the same variables, policy and model.
        NS_TEST_EXPECT_MSG_EQ((printed == PrintedAttributes(prototype)), true, "as the prototype");
        const auto fresh = PrintedAttributes(ua.Create<MmsUserAgent>());
        for (const char* name : {"SizeThreshold", "ReadReportProbability", "OnOff", "Traffic"})
        {
            NS_TEST_EXPECT_MSG_EQ(printed.at(name), fresh.at(name), name);
        }
        NS_TEST_EXPECT_MSG_EQ(printed.at("SizeThreshold"), "1234", "the factory's value");

        ObjectFactory rrc;
        rrc.SetTypeId("ns3::MmsRrcStateMachine");
        rrc.Set("IdleToDchMin", TimeValue(Seconds(1)));
        rrc.Set("IdleToDchMean", TimeValue(Seconds(2)));
        rrc.Set("IdleToDchMax", TimeValue(Seconds(9)));
        rrc.Set("DchInactivity", TimeValue(Seconds(3)));
        Ptr<MmsRrcStateMachine> rrcPrototype = rrc.Create<MmsRrcStateMachine>();
        Ptr<MmsRrcStateMachine> rrcCopy = MmsRrcStateMachine::CreateLike(rrcPrototype);
        NS_TEST_EXPECT_MSG_EQ((PrintedAttributes(rrcCopy) == PrintedAttributes(rrcPrototype)),
                              true,
                              "as the prototype");
        NS_TEST_EXPECT_MSG_EQ(
            PrintedAttributes(rrcCopy).at("DchInactivity"),
            PrintedAttributes(rrc.Create<MmsRrcStateMachine>()).at("DchInactivity"),
            "the factory's value");
        // Streams 7 then 8 assigned to the copy and the prototype: each draws as a state
        // machine of the factory on its stream would (a shared variable would draw from 8).
        const Time copyDelay = FirstPromotion(rrcCopy, 7);
        const Time prototypeDelay = FirstPromotion(rrcPrototype, 8);
        NS_TEST_EXPECT_MSG_EQ(copyDelay, FirstPromotion(rrc.Create<MmsRrcStateMachine>(), 7), "7");
        NS_TEST_EXPECT_MSG_EQ(
            prototypeDelay, FirstPromotion(rrc.Create<MmsRrcStateMachine>(), 8), "8");
        NS_TEST_EXPECT_MSG_NE(copyDelay, prototypeDelay, "two streams, two draws");
        NS_TEST_EXPECT_MSG_EQ((copyDelay >= Seconds(1) && copyDelay <= Seconds(9)), true, "bounds");
    }
};

class BoundedDelayTestCase : public TestCase
{
  public:
    BoundedDelayTestCase()
        : TestCase("Promotion delays: inside [min, max] with the configured mean")
    {
    }

  private:
    void DoRun() override
    {
        const struct
        {
            double min, mean, max;
        } cases[] = {{1.5, 2.0, 4.0}, {0.8, 1.5, 3.0}, {1, 2, 3}, {0.1, 0.3, 0.8}, {1, 3.5, 4}};

        for (const auto& c : cases)
        {
            // Midpoint quadrature over u: the mean of the inverse CDF.
            const int n = 200000;
            double sum = 0;
            double lo = 1e9;
            double hi = -1;
            for (int i = 0; i < n; ++i)
            {
                const double x = MmsRrcStateMachine::DrawBounded(
                                     Seconds(c.min), Seconds(c.mean), Seconds(c.max), (i + 0.5) / n)
                                     .GetSeconds();
                sum += x;
                lo = std::min(lo, x);
                hi = std::max(hi, x);
            }
            NS_TEST_EXPECT_MSG_EQ_TOL(sum / n, c.mean, 1e-3, "mean of " << c.min << "/" << c.max);
            const bool inside = lo >= c.min && hi <= c.max;
            NS_TEST_EXPECT_MSG_EQ(inside, true, "bounds");
            NS_TEST_EXPECT_MSG_LT(lo, c.min + 0.01 * (c.max - c.min), "reaches the minimum");
        }
    }
};

// ------------------------------------------------------------------------------------------

/// One handset, a saturated TCP download from the server: goodput and RTT.
class GoodputTestCase : public TestCase
{
  public:
    GoodputTestCase(const std::string& preset, double bler)
        : TestCase("Saturated TCP download over " + preset + " (BLER " + std::to_string(bler)
                   + "): goodput within 3% of the net rate less overheads; smallest RTT as "
                     "configured")
        , m_preset(preset)
        , m_bler(bler)
    {
    }

  private:
    std::string m_preset;
    double m_bler;
    Time m_minRtt{Seconds(1000)};
    uint64_t m_bytesAtStart{0};

    std::map<uint32_t, Time> m_sentAt; //!< first transmission time by end sequence number

    // RTT samples as TCP takes them (RFC 6298, Karn): a segment sent once, acknowledged by an
    // ACK that covers exactly it (every segment is acknowledged at once here).
    void Tx(Ptr<const Packet> p, const TcpHeader& h, Ptr<const TcpSocketBase>)
    {
        if (p->GetSize() == 0)
        {
            return;
        }
        const uint32_t end = (h.GetSequenceNumber() + SequenceNumber32(p->GetSize())).GetValue();
        auto it = m_sentAt.find(end);
        if (it == m_sentAt.end())
        {
            m_sentAt[end] = Simulator::Now();
        }
        else
        {
            it->second = Time(-1); // retransmitted: no sample
        }
    }

    void Rx(Ptr<const Packet>, const TcpHeader& h, Ptr<const TcpSocketBase>)
    {
        if (!(h.GetFlags() & TcpHeader::ACK))
        {
            return;
        }
        auto it = m_sentAt.find(h.GetAckNumber().GetValue());
        if (it != m_sentAt.end() && !it->second.IsStrictlyNegative())
        {
            m_minRtt = std::min(m_minRtt, Simulator::Now() - it->second);
        }
    }

    void ConnectRtt(Ptr<Application> app)
    {
        Ptr<Socket> s = DynamicCast<BulkSendApplication>(app)->GetSocket();
        s->TraceConnectWithoutContext("Tx", MakeCallback(&GoodputTestCase::Tx, this));
        s->TraceConnectWithoutContext("Rx", MakeCallback(&GoodputTestCase::Rx, this));
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(kPacket - kTcpIpHeaders));
        CellWorld w(1,
                    [this](MmsRadioBearerHelper& r)
                    {
                        r.SetProfile(m_preset);
                        r.SetProfileAttribute("BlockErrorRate", DoubleValue(m_bler));
                        r.SetRrcAttribute("PdpMode", EnumValue(MmsRrcStateMachine::PDP_ALWAYS_ON));
                    });
        const MmsBearerProfile p = w.radio.GetProfile();
        const double net = p.NetGoodput(true, kPacket, kTcpIpHeaders);
        // The receiver's window: four bandwidth-delay products (at least 16 KiB), enough to keep
        // the bearer busy without the queue growing to the whole 128 KiB default window, where
        // the RTT grows by tens of seconds and TCP times out spuriously (bufferbloat is real on
        // these bearers, but it is TCP's behaviour, not the bearer's rate, under test here).
        const double baseRtt =
            (p.radioDelayDownlink + p.radioDelayUplink + p.coreDelay * 2).GetSeconds()
            + kPacket * 8.0 / p.downlinkRate;
        const uint32_t window = std::max<uint32_t>(16384, 4 * net * baseRtt / 8);
        Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(window));
        // Every segment acknowledged at once, so the smallest RTT sample is one segment's.
        Config::SetDefault("ns3::TcpSocket::DelAckCount", UintegerValue(1));
        // Long enough for ~600 packets whatever the rate.
        const Time measure = Seconds(std::max(30.0, 600 * kPacket * 8 / net));
        const Time start = Seconds(15);

        PacketSinkHelper sink("ns3::TcpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 9));
        ApplicationContainer sinkApp = sink.Install(w.handsets.Get(0));
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(w.HandsetAddress(0), 9));
        ApplicationContainer bulkApp = bulk.Install(w.server);
        bulkApp.Start(Seconds(1));
        Simulator::Schedule(
            Seconds(1) + NanoSeconds(1), &GoodputTestCase::ConnectRtt, this, bulkApp.Get(0));
        Ptr<PacketSink> ps = DynamicCast<PacketSink>(sinkApp.Get(0));
        Simulator::Schedule(start,
                            [this, ps]
                            {
                                m_bytesAtStart = ps->GetTotalRx();
                            });
        uint64_t bytesAtEnd = 0;
        Simulator::Schedule(start + measure,
                            [ps, &bytesAtEnd]
                            {
                                bytesAtEnd = ps->GetTotalRx();
                            });
        Simulator::Stop(start + measure + Seconds(1));
        Simulator::Run();

        const double goodput = (bytesAtEnd - m_bytesAtStart) * 8 / measure.GetSeconds();
        // Smallest RTT: a full segment down and a bare ACK up, no promotion (the handshake
        // promoted the bearer), over the link to the server both ways. The first data segment,
        // which has the smallest, may wait for (part of) the handshake's last ACK on the
        // downlink: at most one bare ACK's airtime more.
        const Time bareAck = Seconds((kTcpIpHeaders + p.linkOverhead) * 8.0 / p.downlinkRate);
        const Time rtt = w.linkDelay * 2 + p.coreDelay * 2 + p.radioDelayDownlink
                         + p.radioDelayUplink
                         + Seconds((kPacket + p.linkOverhead) * 8.0 / p.downlinkRate)
                         + Seconds((kTcpIpHeaders + p.linkOverhead) * 8.0 / p.uplinkRate);
        std::ostringstream os;
        os << m_preset << " BLER " << m_bler << ": goodput " << goodput / 1000
           << " kbit/s, expected " << net / 1000 << " (" << 100 * (goodput / net - 1)
           << "%); smallest RTT " << m_minRtt.As(Time::MS) << ", configured " << rtt.As(Time::MS)
           << " + up to " << bareAck.As(Time::MS);
        std::cout << os.str() << std::endl;
        NS_TEST_EXPECT_MSG_EQ_TOL(goodput / net, 1.0, 0.03, os.str());
        NS_TEST_EXPECT_MSG_LT(goodput, p.downlinkRate + 1.0, "never above the profile");
        if (m_bler == 0)
        {
            NS_TEST_EXPECT_MSG_GT(m_minRtt, rtt - MicroSeconds(2), os.str());
            NS_TEST_EXPECT_MSG_LT(m_minRtt, rtt + bareAck + MicroSeconds(2), os.str());
        }
        Simulator::Destroy();
        Config::Reset();
    }
};

/// N saturated downloads on one cell.
class SharesTestCase : public TestCase
{
  public:
    SharesTestCase(uint32_t n, const std::string& capacity, bool roundRobin)
        : TestCase(std::to_string(n) + " saturated handsets on a " + capacity + " UMTS-384 "
                   + (roundRobin ? "round robin" : "processor sharing")
                   + " cell: equal shares within 5%, none above 384 kbps")
        , m_n(n)
        , m_capacity(capacity)
        , m_roundRobin(roundRobin)
    {
    }

  private:
    uint32_t m_n;
    std::string m_capacity;
    bool m_roundRobin;

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(2);
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(kPacket - kTcpIpHeaders));
        // As in the single-handset case: windows of a few bandwidth-delay products (384 kbit/s
        // x 0.2 s), so the queues stay short and TCP keeps every handset backlogged.
        Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(40000));
        CellWorld w(
            m_n,
            [this](MmsRadioBearerHelper& r)
            {
                r.SetProfile("UMTS-384");
                NoErrors(r);
                r.SetChannelAttribute("DownlinkCapacity", DataRateValue(DataRate(m_capacity)));
                if (m_roundRobin)
                {
                    r.SetChannelAttribute("Scheduler", EnumValue(MmsRadioScheduler::ROUND_ROBIN));
                }
            });
        const MmsBearerProfile p = w.radio.GetProfile();
        std::vector<Ptr<PacketSink>> sinks;
        for (uint32_t i = 0; i < m_n; ++i)
        {
            PacketSinkHelper sink("ns3::TcpSocketFactory",
                                  InetSocketAddress(Ipv4Address::GetAny(), 9));
            sinks.push_back(DynamicCast<PacketSink>(sink.Install(w.handsets.Get(i)).Get(0)));
            BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(w.HandsetAddress(i), 9));
            bulk.Install(w.server).Start(Seconds(1 + 0.1 * i));
        }
        const Time start = Seconds(20);
        const Time end = Seconds(80);
        std::vector<uint64_t> at(m_n);
        std::vector<uint64_t> atEnd(m_n);
        Simulator::Schedule(start,
                            [&]
                            {
                                for (uint32_t i = 0; i < m_n; ++i)
                                {
                                    at[i] = sinks[i]->GetTotalRx();
                                }
                            });
        Simulator::Schedule(end,
                            [&]
                            {
                                for (uint32_t i = 0; i < m_n; ++i)
                                {
                                    atEnd[i] = sinks[i]->GetTotalRx();
                                }
                            });
        Simulator::Stop(end + Seconds(1));
        Simulator::Run();

        const double capacity = w.cell->GetCapacity(MmsRadioCellChannel::DOWNLINK);
        // Processor sharing: an equal share of the capacity, capped by the profile. Round
        // robin: one handset at a time at min(capacity, its peak rate), in turn.
        const double share = m_roundRobin ? std::min(capacity, double(p.downlinkRate)) / m_n
                                          : std::min(capacity / m_n, double(p.downlinkRate));
        const double expected = share * (kPacket - kTcpIpHeaders) / (kPacket + p.linkOverhead);
        std::ostringstream os;
        double sum = 0;
        for (uint32_t i = 0; i < m_n; ++i)
        {
            const double g = (atEnd[i] - at[i]) * 8 / (end - start).GetSeconds();
            sum += g;
            os << " " << g / 1000;
            NS_TEST_EXPECT_MSG_EQ_TOL(g / expected, 1.0, 0.05, "handset " << i << ":" << os.str());
            NS_TEST_EXPECT_MSG_LT(g, p.downlinkRate + 1.0, "above the profile");
        }
        std::cout << m_n << " handsets, " << m_capacity << (m_roundRobin ? " RR" : " PS")
                  << ": goodputs (kbit/s)" << os.str() << "; expected " << expected / 1000
                  << std::endl;
        Simulator::Destroy();
        Config::Reset();
    }
};

// ------------------------------------------------------------------------------------------

/// Poisson file transfers on one cell against M/G/1-PS: E[T] = E[S] / (C (1 - rho)).
class ProcessorSharingTestCase : public TestCase
{
  public:
    ProcessorSharingTestCase(double load, uint32_t jobs)
        : TestCase("Poisson file transfers at load " + std::to_string(load).substr(0, 4)
                   + ": mean transfer time within 5% of the processor-sharing queue")
        , m_load(load)
        , m_jobs(jobs)
    {
    }

  private:
    double m_load;
    uint32_t m_jobs;
    CellWorld* m_w{nullptr};
    Ptr<Socket> m_tx;
    std::vector<Ptr<Socket>> m_rx;
    std::vector<bool> m_busy;
    std::vector<uint32_t> m_left;  //!< packets still to arrive, per handset
    std::vector<Time> m_started;   //!< arrival time of the job, per handset
    std::vector<double> m_sojourn; //!< per finished job, s
    double m_bits{0};              //!< airtime bits of all jobs
    uint32_t m_sent{0};
    uint32_t m_lost{0};
    Ptr<ExponentialRandomVariable> m_gap;
    Ptr<ExponentialRandomVariable> m_size;
    std::map<uint32_t, uint32_t> m_byNode;
    double m_meanBits{0};
    Time m_lastArrival;

    static constexpr uint32_t kPayload = 1472; // UDP payload of a 1500-octet packet

    void Arrive()
    {
        if (m_sent == m_jobs)
        {
            m_lastArrival = Simulator::Now();
            return;
        }
        m_sent++;
        // An idle handset takes the job (each job is its own PS customer).
        uint32_t h = 0;
        while (h < m_busy.size() && m_busy[h])
        {
            ++h;
        }
        if (h == m_busy.size())
        {
            m_lost++;
        }
        else
        {
            const double bytes = std::max(1.0, m_size->GetValue());
            uint32_t packets = static_cast<uint32_t>(std::ceil(bytes / kPayload));
            uint32_t last = static_cast<uint32_t>(bytes) - (packets - 1) * kPayload;
            last = std::max<uint32_t>(last, 1);
            m_busy[h] = true;
            m_left[h] = packets;
            m_started[h] = Simulator::Now();
            const uint32_t overhead = 28 + m_w->radio.GetProfile().linkOverhead;
            for (uint32_t k = 0; k < packets; ++k)
            {
                const uint32_t size = k + 1 == packets ? last : kPayload;
                m_bits += (size + overhead) * 8.0;
                m_tx->SendTo(Create<Packet>(size), 0, InetSocketAddress(m_w->HandsetAddress(h), 9));
            }
        }
        Simulator::Schedule(Seconds(m_gap->GetValue()), &ProcessorSharingTestCase::Arrive, this);
    }

    void Received(Ptr<Socket> s)
    {
        const uint32_t h = m_byNode[s->GetNode()->GetId()];
        while (Ptr<Packet> p = s->Recv())
        {
            if (--m_left[h] == 0)
            {
                m_busy[h] = false;
                m_sojourn.push_back((Simulator::Now() - m_started[h]).GetSeconds());
            }
        }
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(1);
        const uint32_t handsets = 100;
        const double capacity = 1e6;
        CellWorld w(handsets,
                    [capacity](MmsRadioBearerHelper& r)
                    {
                        // One handset can use the whole cell, as M/G/1-PS assumes.
                        r.SetProfile("HSDPA-CAT12");
                        NoErrors(r);
                        r.SetProfileAttribute("DownlinkRate", DataRateValue(DataRate(capacity)));
                        r.SetChannelAttribute("DownlinkCapacity",
                                              DataRateValue(DataRate(capacity)));
                        r.SetChannelAttribute("BufferPackets", UintegerValue(100000));
                        // Promotion would add a delay outside the queue: keep the handsets on DCH.
                        r.SetRrcAttribute("DchInactivity", TimeValue(Seconds(1e6)));
                    });
        m_w = &w;
        m_busy.assign(handsets, false);
        m_left.assign(handsets, 0);
        m_started.assign(handsets, Time(0));
        m_tx = Socket::CreateSocket(w.server, UdpSocketFactory::GetTypeId());
        m_tx->Bind();
        for (uint32_t i = 0; i < handsets; ++i)
        {
            Ptr<Socket> s = Socket::CreateSocket(w.handsets.Get(i), UdpSocketFactory::GetTypeId());
            s->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
            s->SetRecvCallback(MakeCallback(&ProcessorSharingTestCase::Received, this));
            m_byNode[w.handsets.Get(i)->GetId()] = i;
            m_rx.push_back(s);
            // Promote every handset before the measurement starts.
            Simulator::Schedule(
                Seconds(1),
                [this, &w, i]
                {
                    m_tx->SendTo(Create<Packet>(10), 0, InetSocketAddress(w.HandsetAddress(i), 10));
                });
        }
        // Exponential sizes, mean 30 000 octets of payload.
        const double meanBytes = 30000;
        m_size = CreateObject<ExponentialRandomVariable>();
        m_size->SetAttribute("Mean", DoubleValue(meanBytes));
        m_size->SetStream(1);
        // The mean airtime of a job, computed from the size distribution (packetisation
        // and per-packet headers included) by sampling a separate stream.
        {
            Ptr<ExponentialRandomVariable> probe = CreateObject<ExponentialRandomVariable>();
            probe->SetAttribute("Mean", DoubleValue(meanBytes));
            probe->SetStream(99);
            const uint32_t overhead = 28 + w.radio.GetProfile().linkOverhead;
            double sum = 0;
            const int n = 1000000;
            for (int i = 0; i < n; ++i)
            {
                const double bytes = std::max(1.0, probe->GetValue());
                const uint32_t packets = static_cast<uint32_t>(std::ceil(bytes / kPayload));
                sum += (bytes + packets * overhead) * 8;
            }
            m_meanBits = sum / n;
        }
        const double meanService = m_meanBits / capacity;
        m_gap = CreateObject<ExponentialRandomVariable>();
        m_gap->SetAttribute("Mean", DoubleValue(meanService / m_load));
        m_gap->SetStream(2);
        Simulator::Schedule(Seconds(30), &ProcessorSharingTestCase::Arrive, this);
        Simulator::Run();

        // Fixed path: server link, core, radio delay; the packet on the gigabit link is
        // negligible (12 us) against service times of about 0.25 s.
        const MmsBearerProfile p = w.radio.GetProfile();
        const double fixed = (w.linkDelay + p.coreDelay + p.radioDelayDownlink).GetSeconds();
        // Batch means for a confidence interval.
        const uint32_t batches = 20;
        const size_t per = m_sojourn.size() / batches;
        std::vector<double> means;
        for (uint32_t b = 0; b < batches; ++b)
        {
            double s = 0;
            for (size_t i = b * per; i < (b + 1) * per; ++i)
            {
                s += m_sojourn[i] - fixed;
            }
            means.push_back(s / per);
        }
        const double mean = std::accumulate(means.begin(), means.end(), 0.0) / batches;
        double var = 0;
        for (double m : means)
        {
            var += (m - mean) * (m - mean);
        }
        const double ci = 2.093 * std::sqrt(var / (batches - 1) / batches);
        const double theory = meanService / (1 - m_load);
        const double offered = m_bits / capacity / (m_lastArrival - Seconds(30)).GetSeconds();
        std::ostringstream os;
        os << "load " << m_load << " (measured " << offered << "): " << m_sojourn.size()
           << " transfers, mean " << mean * 1000 << " +- " << ci * 1000 << " ms, M/G/1-PS "
           << theory * 1000 << " ms (" << 100 * (mean / theory - 1) << "%)";
        std::cout << os.str() << std::endl;
        NS_TEST_EXPECT_MSG_EQ(m_lost, 0u, "every job found an idle handset");
        NS_TEST_EXPECT_MSG_EQ(m_sojourn.size(), m_jobs, "every transfer completed");
        NS_TEST_EXPECT_MSG_EQ_TOL(mean / theory, 1.0, 0.05, os.str());
        m_rx.clear();
        m_tx = nullptr;
        Simulator::Destroy();
    }
};

// ------------------------------------------------------------------------------------------

/// Records a handset's connection states and the packets it receives.
struct Recorder
{
    std::vector<std::pair<Time, std::string>> states;
    std::vector<Time> promotions; //!< delays drawn
    std::vector<std::pair<Time, bool>> pdp;
    std::vector<std::pair<Time, uint32_t>> rx; //!< arrival time, size, at the handset
    std::vector<std::pair<Time, uint32_t>> up; //!< arrival time, size, at the server
    std::map<std::string, uint32_t> drops;
    std::vector<Time> smsDelays;
    Ptr<MmsRrcStateMachine> rrc;

    void State(MmsRrcStateMachine::State, MmsRrcStateMachine::State s)
    {
        states.emplace_back(Simulator::Now(), rrc->GetStateName(s));
    }

    void Promotion(MmsRrcStateMachine::State, Time d)
    {
        promotions.push_back(d);
    }

    void Pdp(bool up)
    {
        pdp.emplace_back(Simulator::Now(), up);
    }

    void Rx(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            rx.emplace_back(Simulator::Now(), p->GetSize());
        }
    }

    void Up(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            up.emplace_back(Simulator::Now(), p->GetSize());
        }
    }

    void Drop(Ptr<const Packet>, uint32_t, const std::string& reason)
    {
        drops[reason]++;
    }

    void Sms(Ptr<const Packet>, uint32_t, Time delay)
    {
        smsDelays.push_back(delay);
    }

    void Attach(CellWorld& w)
    {
        rrc = w.Device(0)->GetRrc();
        rrc->TraceConnectWithoutContext("State", MakeCallback(&Recorder::State, this));
        rrc->TraceConnectWithoutContext("Promotion", MakeCallback(&Recorder::Promotion, this));
        rrc->TraceConnectWithoutContext("PdpContext", MakeCallback(&Recorder::Pdp, this));
        w.cell->TraceConnectWithoutContext("Drop", MakeCallback(&Recorder::Drop, this));
        w.cell->TraceConnectWithoutContext("Sms", MakeCallback(&Recorder::Sms, this));
    }

    std::string States() const
    {
        std::ostringstream os;
        for (const auto& s : states)
        {
            os << " " << s.first.As(Time::MS) << ":" << s.second;
        }
        return os.str();
    }
};

/// UDP sockets: the server sends to handset port 9 and listens on port 9 for the handset.
struct UdpPair
{
    Ptr<Socket> server;
    Ptr<Socket> handset;

    UdpPair(CellWorld& w, Recorder& r)
    {
        server = Socket::CreateSocket(w.server, UdpSocketFactory::GetTypeId());
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
        server->SetRecvCallback(MakeCallback(&Recorder::Up, &r));
        handset = Socket::CreateSocket(w.handsets.Get(0), UdpSocketFactory::GetTypeId());
        handset->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
        handset->SetRecvCallback(MakeCallback(&Recorder::Rx, &r));
    }

    ~UdpPair()
    {
        server->Close();
        handset->Close();
    }
};

class PromotionTestCase : public TestCase
{
  public:
    PromotionTestCase()
        : TestCase("UMTS RRC: the first packet after idle waits the promotion; DCH to FACH "
                   "after 5 s, FACH to Idle after 12 s more; small packets ride the FACH, "
                   "a larger backlog promotes FACH to DCH")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(4);
        CellWorld w(1, NoErrors);
        Recorder r;
        r.Attach(w);
        UdpPair udp(w, r);
        const MmsBearerProfile p = w.radio.GetProfile();
        const InetSocketAddress to(w.HandsetAddress(0), 9);
        auto send = [&udp, to](uint32_t bytes)
        {
            udp.server->SendTo(Create<Packet>(bytes), 0, to);
        };
        const double fach = 32000;
        // 100 octets of UDP payload: 128 octets of IP, 129 on the air with PDCP.
        Simulator::Schedule(Seconds(2),
                            [send]
                            {
                                send(100);
                            });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(r.promotions.size(), 1u, r.States());
        NS_TEST_ASSERT_MSG_EQ(r.rx.size(), 1u, "delivered");
        const Time d1 = r.promotions[0];
        NS_TEST_EXPECT_MSG_EQ((d1 >= Seconds(1.5) && d1 <= Seconds(4)), true, "Qian bounds");
        const Time atCell = Seconds(2) + w.Wire(128);
        const Time served = atCell + d1 + Seconds(129 * 8 / 384000.0);
        const Time expected = served + p.coreDelay + p.radioDelayDownlink;
        NS_TEST_EXPECT_MSG_EQ_TOL(
            r.rx[0].first.GetSeconds(), expected.GetSeconds(), 2e-9, r.States());
        // States: Idle -> Promoting at the cell, DCH after d1, FACH 5 s after the transfer,
        // Idle 12 s after that.
        NS_TEST_ASSERT_MSG_EQ(r.states.size(), 4u, r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states[0].first, atCell, r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states[1].second, "Cell_DCH", r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states[1].first, atCell + d1, r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states[2].second, "Cell_FACH", r.States());
        NS_TEST_EXPECT_MSG_EQ_TOL(
            r.states[2].first.GetSeconds(), (served + Seconds(5)).GetSeconds(), 2e-9, r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states[3].second, "Idle", r.States());
        NS_TEST_EXPECT_MSG_EQ_TOL(
            r.states[3].first.GetSeconds(), (served + Seconds(17)).GetSeconds(), 2e-9, r.States());
        Simulator::Destroy();

        // Second run: the same first packet, then in Cell_FACH a small packet (no
        // promotion, FACH rate), then a 2 x 1000-octet burst that promotes FACH to DCH.
        RngSeedManager::SetRun(5);
        CellWorld w2(1, NoErrors);
        Recorder r2;
        r2.Attach(w2);
        UdpPair udp2(w2, r2);
        const InetSocketAddress to2(w2.HandsetAddress(0), 9);
        auto send2 = [&udp2, to2](uint32_t bytes)
        {
            udp2.server->SendTo(Create<Packet>(bytes), 0, to2);
        };
        Simulator::Schedule(Seconds(2),
                            [send2]
                            {
                                send2(100);
                            });
        Simulator::Schedule(Seconds(12),
                            [send2]
                            {
                                send2(200);
                            }); // FACH by then (2 + <4 + 5 < 12)
        Simulator::Schedule(Seconds(14),
                            [send2]
                            {
                                send2(1000);
                            });
        Simulator::Schedule(Seconds(14),
                            [send2]
                            {
                                send2(1000);
                            });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(r2.rx.size(), 4u, r2.States());
        NS_TEST_ASSERT_MSG_EQ(r2.promotions.size(), 2u, r2.States());
        const Time onFach = Seconds(12) + w2.Wire(228) + Seconds(229 * 8 / fach) + p.coreDelay
                            + p.radioDelayDownlink;
        NS_TEST_EXPECT_MSG_EQ_TOL(
            r2.rx[1].first.GetSeconds(), onFach.GetSeconds(), 2e-9, r2.States());
        const Time d2 = r2.promotions[1];
        NS_TEST_EXPECT_MSG_EQ((d2 >= Seconds(0.8) && d2 <= Seconds(3)), true, "FACH->DCH bounds");
        const Time burst = Seconds(14) + w2.Wire(1028) + d2 + Seconds(1029 * 8 / 384000.0)
                           + p.coreDelay + p.radioDelayDownlink;
        NS_TEST_EXPECT_MSG_EQ_TOL(
            r2.rx[2].first.GetSeconds(), burst.GetSeconds(), 2e-6, r2.States());
        std::cout << "promotion run 1:" << r.States() << std::endl
                  << "promotion run 2:" << r2.States() << std::endl;
        Simulator::Destroy();
    }
};

class TbfTestCase : public TestCase
{
  public:
    TbfTestCase()
        : TestCase("GPRS TBF: the first packet waits the TBF establishment; released after "
                   "1 s idle; the next packet waits again")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(6);
        CellWorld w(1,
                    [](MmsRadioBearerHelper& r)
                    {
                        r.SetProfile("GPRS-CS2");
                        NoErrors(r);
                    });
        Recorder r;
        r.Attach(w);
        UdpPair udp(w, r);
        const MmsBearerProfile p = w.radio.GetProfile();
        const InetSocketAddress to(w.HandsetAddress(0), 9);
        auto send = [&udp, to](uint32_t bytes)
        {
            udp.server->SendTo(Create<Packet>(bytes), 0, to);
        };
        Simulator::Schedule(Seconds(2),
                            [send]
                            {
                                send(100);
                            });
        Simulator::Schedule(Seconds(2.5),
                            [send]
                            {
                                send(100);
                            }); // within the TBF's life
        Simulator::Schedule(Seconds(10),
                            [send]
                            {
                                send(100);
                            }); // after release
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(r.rx.size(), 3u, r.States());
        NS_TEST_ASSERT_MSG_EQ(r.promotions.size(), 2u, r.States());
        const Time air = Seconds(138 * 8 / 48000.0);
        const Time fixed = w.Wire(128) + p.coreDelay + p.radioDelayDownlink;
        NS_TEST_EXPECT_MSG_EQ_TOL(r.rx[0].first.GetSeconds(),
                                  (Seconds(2) + r.promotions[0] + air + fixed).GetSeconds(),
                                  2e-9,
                                  r.States());
        NS_TEST_EXPECT_MSG_EQ_TOL(r.rx[1].first.GetSeconds(),
                                  (Seconds(2.5) + air + fixed).GetSeconds(),
                                  2e-9,
                                  r.States());
        NS_TEST_EXPECT_MSG_EQ_TOL(r.rx[2].first.GetSeconds(),
                                  (Seconds(10) + r.promotions[1] + air + fixed).GetSeconds(),
                                  2e-9,
                                  r.States());
        // Idle, Promoting, TBF, Idle (1 s after the second packet), Promoting, TBF, Idle.
        NS_TEST_ASSERT_MSG_EQ(r.states.size(), 6u, r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states[1].second, "TBF", r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states[2].second, "Idle", r.States());
        const Time lastServed = Seconds(2.5) + w.Wire(128) + air;
        NS_TEST_EXPECT_MSG_EQ_TOL(r.states[2].first.GetSeconds(),
                                  (lastServed + Seconds(1)).GetSeconds(),
                                  2e-9,
                                  r.States());
        NS_TEST_EXPECT_MSG_EQ(r.states.back().second, "Idle", r.States());
        Simulator::Destroy();
    }
};

class PdpTestCase : public TestCase
{
  public:
    PdpTestCase()
        : TestCase("PDP context on demand: downlink dropped without one; the first uplink "
                   "packet waits promotion then activation; released after 15 s idle")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(7);
        CellWorld w(1,
                    [](MmsRadioBearerHelper& r)
                    {
                        r.SetProfile("UMTS-384");
                        r.SetProfileAttribute("BlockErrorRate", DoubleValue(0));
                    });
        Recorder r;
        r.Attach(w);
        UdpPair udp(w, r);
        const MmsBearerProfile p = w.radio.GetProfile();
        const InetSocketAddress down(w.HandsetAddress(0), 9);
        const InetSocketAddress up(w.ServerAddress(), 9);
        Simulator::Schedule(Seconds(1),
                            [&]
                            {
                                udp.server->SendTo(Create<Packet>(100), 0, down);
                            });
        Simulator::Schedule(Seconds(2),
                            [&]
                            {
                                udp.handset->SendTo(Create<Packet>(100), 0, up);
                            });
        // Once the context is up, downlink works.
        Simulator::Schedule(Seconds(12),
                            [&]
                            {
                                udp.server->SendTo(Create<Packet>(100), 0, down);
                            });
        // 15 s after the last traffic the context is gone again.
        Simulator::Schedule(Seconds(40),
                            [&]
                            {
                                udp.server->SendTo(Create<Packet>(100), 0, down);
                            });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(r.drops["NoPdpContext"], 2u, "before and after the context");
        NS_TEST_ASSERT_MSG_EQ(r.up.size(), 1u, "uplink delivered");
        NS_TEST_ASSERT_MSG_EQ(r.rx.size(), 1u, "one downlink delivered");
        NS_TEST_ASSERT_MSG_EQ(r.pdp.size(), 2u, "up then down");
        NS_TEST_EXPECT_MSG_EQ(r.pdp[0].second, true, "up");
        const Time activation = r.pdp[0].first - (Seconds(2) + r.promotions[0]);
        NS_TEST_EXPECT_MSG_EQ((activation >= Seconds(1) && activation <= Seconds(3)),
                              true,
                              "activation " << activation.As(Time::S));
        const Time upArrival = r.pdp[0].first + Seconds(129 * 8 / 64000.0) + p.radioDelayUplink
                               + p.coreDelay + w.Wire(128);
        NS_TEST_EXPECT_MSG_EQ_TOL(
            r.up[0].first.GetSeconds(), upArrival.GetSeconds(), 2e-9, "uplink");
        NS_TEST_EXPECT_MSG_EQ(r.pdp[1].second, false, "down");
        NS_TEST_EXPECT_MSG_GT(
            r.pdp[1].first, Seconds(12) + Seconds(15), "15 s after the last packet");
        NS_TEST_EXPECT_MSG_LT(r.pdp[1].first, Seconds(40), "before the last packet");
        Simulator::Destroy();
    }
};

class UnreachableTestCase : public TestCase
{
  public:
    UnreachableTestCase()
        : TestCase("Out of coverage: nothing delivered, packets or SMS; the TCP transfer "
                   "resumes and completes after coverage returns; SMS rides the signalling "
                   "channel whatever the load")
    {
    }

  private:
    std::vector<Time> m_macRx;

    void MacRx(Ptr<const Packet>)
    {
        m_macRx.push_back(Simulator::Now());
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(8);
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(kPacket - kTcpIpHeaders));
        CellWorld w(2, NoErrors);
        Recorder r;
        r.Attach(w);
        UdpPair udp(w, r);
        w.Device(0)->TraceConnectWithoutContext("MacRx",
                                                MakeCallback(&UnreachableTestCase::MacRx, this));
        // Handset 0 downloads 300 kB from t = 1 s; out of coverage from 5 s to 60 s.
        const uint32_t total = 300000;
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), 80));
        Ptr<PacketSink> ps = DynamicCast<PacketSink>(sink.Install(w.handsets.Get(0)).Get(0));
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(w.HandsetAddress(0), 80));
        bulk.SetAttribute("MaxBytes", UintegerValue(total));
        bulk.Install(w.server).Start(Seconds(1));
        // Handset 1 saturates the cell meanwhile (its own download), which must not slow SMS.
        PacketSinkHelper sink1("ns3::TcpSocketFactory",
                               InetSocketAddress(Ipv4Address::GetAny(), 80));
        sink1.Install(w.handsets.Get(1));
        BulkSendHelper bulk1("ns3::TcpSocketFactory", InetSocketAddress(w.HandsetAddress(1), 80));
        bulk1.Install(w.server).Start(Seconds(1));
        w.Device(0)->ScheduleOutage(Seconds(5), Seconds(55));
        uint64_t atOff = 0;
        uint64_t beforeOn = 0;
        Simulator::Schedule(Seconds(5),
                            [&]
                            {
                                atOff = ps->GetTotalRx();
                            });
        Simulator::Schedule(Seconds(60) - NanoSeconds(1),
                            [&]
                            {
                                beforeOn = ps->GetTotalRx();
                            });
        // SMS (signalling TOS) to handset 0: during the outage, and after it.
        Ptr<Socket> sms = Socket::CreateSocket(w.server, UdpSocketFactory::GetTypeId());
        sms->SetIpTos(0xB8);
        sms->Bind();
        InetSocketAddress to(w.HandsetAddress(0), 9);
#    if !defined(NS3_VERSION_MINOR) || NS3_VERSION_MAJOR < 3 || NS3_VERSION_MINOR < 41
        to.SetTos(0xB8); // before ns-3.41 UDP's SendTo takes the TOS from the address
#    endif
        Simulator::Schedule(Seconds(30),
                            [&]
                            {
                                sms->SendTo(Create<Packet>(150), 0, to);
                            });
        Simulator::Schedule(Seconds(70),
                            [&]
                            {
                                sms->SendTo(Create<Packet>(150), 0, to);
                            });
        Simulator::Stop(Seconds(300));
        Simulator::Run();

        std::cout << "unreachable: drops";
        for (const auto& d : r.drops)
        {
            std::cout << " " << d.first << "=" << d.second;
        }
        std::cout << "; " << r.smsDelays.size() << " SMS, received " << ps->GetTotalRx() << " of "
                  << total << " (" << atOff << " before the outage)" << std::endl;
        for (Time t : m_macRx)
        {
            NS_TEST_EXPECT_MSG_EQ((t >= Seconds(5) && t < Seconds(60)),
                                  false,
                                  "packet received while out of coverage at " << t.As(Time::S));
        }
        NS_TEST_EXPECT_MSG_EQ(beforeOn, atOff, "nothing delivered while off");
        NS_TEST_EXPECT_MSG_GT(atOff, 0u, "the transfer had started");
        NS_TEST_EXPECT_MSG_LT(atOff, total, "and had not finished");
        NS_TEST_EXPECT_MSG_EQ(ps->GetTotalRx(), total, "completed after coverage returned");
        NS_TEST_EXPECT_MSG_GT(
            r.drops["Unreachable"] + r.drops["Flushed"], 0u, "TCP's packets dropped");
        NS_TEST_EXPECT_MSG_EQ(r.drops["PagingFailed"], 1u, "the SMS during the outage");
        // The second SMS: paging (if idle) plus the transfer time, independent of the load.
        NS_TEST_ASSERT_MSG_EQ(r.smsDelays.size(), 1u, "one SMS entered the channel");
        const Time d = r.smsDelays[0];
        NS_TEST_EXPECT_MSG_EQ((d >= Seconds(1) && d <= Seconds(3 + 2.12)), true, d.As(Time::S));
        NS_TEST_ASSERT_MSG_EQ(r.rx.size(), 1u, "the second SMS arrived");
        NS_TEST_EXPECT_MSG_EQ_TOL(r.rx[0].first.GetSeconds(),
                                  (Seconds(70) + w.Wire(178) + d).GetSeconds(),
                                  2e-5,
                                  "exactly its signalling delay after it reached the cell");
        NS_TEST_EXPECT_MSG_EQ(r.rx[0].second, 150u, "size");
        sms->Close();
        Simulator::Destroy();
        Config::Reset();
    }
};

class CoverageProcessTestCase : public TestCase
{
  public:
    CoverageProcessTestCase()
        : TestCase("Random coverage process: alternating periods with the configured means; "
                   "the same run twice gives the same times")
    {
    }

  private:
    std::vector<std::pair<Time, bool>> m_changes;

    void Change(bool reachable)
    {
        m_changes.emplace_back(Simulator::Now(), reachable);
    }

    std::vector<std::pair<Time, bool>> RunOnce(uint32_t run)
    {
        m_changes.clear();
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(run);
        CellWorld w(
            1,
            [](MmsRadioBearerHelper& r)
            {
                NoErrors(r);
                r.SetDeviceAttribute("CoverageProcess", BooleanValue(true));
                r.SetDeviceAttribute("InCoverageTime",
                                     StringValue("ns3::ExponentialRandomVariable[Mean=100]"));
                r.SetDeviceAttribute("OutOfCoverageTime",
                                     StringValue("ns3::ExponentialRandomVariable[Mean=25]"));
            });
        w.Device(0)->TraceConnectWithoutContext(
            "Reachability", MakeCallback(&CoverageProcessTestCase::Change, this));
        Simulator::Stop(Seconds(200000));
        Simulator::Run();
        Simulator::Destroy();
        return m_changes;
    }

    void DoRun() override
    {
        auto a = RunOnce(1);
        auto b = RunOnce(1);
        auto c = RunOnce(2);
        NS_TEST_EXPECT_MSG_EQ((a == b), true, "same run, same process");
        NS_TEST_EXPECT_MSG_EQ((a == c), false, "another run differs");
        double in = 0;
        double out = 0;
        Time last;
        bool reachable = true;
        for (const auto& ch : a)
        {
            NS_TEST_ASSERT_MSG_EQ(ch.second, !reachable, "alternates");
            (reachable ? in : out) += (ch.first - last).GetSeconds();
            last = ch.first;
            reachable = ch.second;
        }
        const double periods = a.size() / 2.0;
        // About 1,600 periods each (standard error of a mean about 2.5%): within 12%.
        NS_TEST_EXPECT_MSG_EQ_TOL(in / periods, 100, 12, "mean time in coverage");
        NS_TEST_EXPECT_MSG_EQ_TOL(out / periods, 25, 3, "mean time out of coverage");
    }
};

class BlockErrorTestCase : public TestCase
{
  public:
    BlockErrorTestCase()
        : TestCase("RLC: one-block packets with BLER 0.3 and one retransmission: residual loss "
                   "p^2, and the delivered ones delayed by a retransmission with probability "
                   "p over (1+p)")
    {
    }

  private:
    void DoRun() override
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(9);
        const double p = 0.3;
        CellWorld w(1,
                    [p](MmsRadioBearerHelper& r)
                    {
                        r.SetProfile("UMTS-384");
                        r.SetProfileAttribute("BlockErrorRate", DoubleValue(p));
                        r.SetProfileAttribute("MaxRetransmissions", IntegerValue(1));
                        r.SetProfileAttribute("BlockBytes", UintegerValue(100));
                        r.SetRrcAttribute("PdpMode", EnumValue(MmsRrcStateMachine::PDP_ALWAYS_ON));
                        r.SetRrcAttribute("DchInactivity", TimeValue(Seconds(1e6)));
                    });
        Recorder r;
        r.Attach(w);
        UdpPair udp(w, r);
        const MmsBearerProfile prof = w.radio.GetProfile();
        const InetSocketAddress to(w.HandsetAddress(0), 9);
        // 20 octets of payload: 48 of IP, 49 on the air: one 100-octet block. One packet
        // every 200 ms, longer than a retransmission round, so none waits for another.
        const uint32_t n = 20000;
        std::vector<Time> sent;
        for (uint32_t i = 0; i < n; ++i)
        {
            const Time t = Seconds(10) + MilliSeconds(200) * i;
            sent.push_back(t);
            Simulator::Schedule(t,
                                [&udp, to]
                                {
                                    udp.server->SendTo(Create<Packet>(20), 0, to);
                                });
        }
        Simulator::Schedule(Seconds(1),
                            [&udp, to]
                            {
                                udp.server->SendTo(Create<Packet>(20), 0, to);
                            });
        Simulator::Run();
        // The promoting packet at 1 s is the first received; drop it from the count.
        const double lost = r.drops["ResidualLoss"];
        const double delivered = r.rx.size() - 1.0;
        NS_TEST_EXPECT_MSG_EQ(lost + delivered, n + 0.0, "every packet delivered or lost");
        const double sigma = std::sqrt(p * p * (1 - p * p) / n);
        NS_TEST_EXPECT_MSG_EQ_TOL(lost / n, p * p, 4 * sigma, "residual loss");
        // Latency: the fixed part plus, after a retransmission, its delay and a block's airtime.
        const Time fixed =
            w.Wire(48) + prof.coreDelay + prof.radioDelayDownlink + Seconds(49 * 8 / 384000.0);
        const Time extra = prof.retransmissionDelay + Seconds(100 * 8 / 384000.0);
        uint32_t retransmitted = 0;
        uint32_t other = 0;
        size_t k = 1;
        for (uint32_t i = 0; i < n && k < r.rx.size(); ++i)
        {
            const Time d = r.rx[k].first - sent[i];
            if (d < Seconds(0) || d > MilliSeconds(200))
            {
                continue; // this packet was lost; the next arrival belongs to a later one
            }
            ++k;
            if (std::abs((d - fixed).GetSeconds()) < 1e-8)
            {
                continue;
            }
            if (std::abs((d - fixed - extra).GetSeconds()) < 1e-8)
            {
                ++retransmitted;
            }
            else
            {
                ++other;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(other, 0u, "every latency is one of the two");
        const double q = p / (1 + p);
        const double sq = std::sqrt(q * (1 - q) / delivered);
        std::cout << "block errors: " << lost << " lost of " << n << " (expected " << p * p * n
                  << "), " << retransmitted << " of " << delivered
                  << " delivered after a retransmission (expected " << q * delivered << ")"
                  << std::endl;
        NS_TEST_EXPECT_MSG_EQ_TOL(retransmitted / delivered, q, 4 * sq, "retransmitted share");
        Simulator::Destroy();
    }
};
} // namespace

/**
 * \ingroup mms-tests
 * The radio bearer model.
 */
class MmsRadioBearerTestSuite : public TestSuite
{
  public:
    MmsRadioBearerTestSuite()
        : TestSuite("mms-radio-bearer", Type::UNIT)
    {
        AddTestCase(new ProfileTestCase);
        AddTestCase(new SchedulerTestCase);
        AddTestCase(new BoundedDelayTestCase);
        AddTestCase(new PrototypeCopyTestCase);
        AddTestCase(new GoodputTestCase("GPRS-CS2", 0));
        AddTestCase(new GoodputTestCase("GPRS-CS2", 0.05));
        AddTestCase(new GoodputTestCase("EDGE-MCS9", 0));
        AddTestCase(new GoodputTestCase("UMTS-384", 0));
        AddTestCase(new GoodputTestCase("UMTS-384", 0.1));
        AddTestCase(new GoodputTestCase("HSDPA-CAT12", 0));
        AddTestCase(new SharesTestCase(4, "1Mbps", false));
        AddTestCase(new SharesTestCase(8, "2Mbps", false));
        AddTestCase(new SharesTestCase(3, "2Mbps", false));
        AddTestCase(new SharesTestCase(4, "1Mbps", true));
        AddTestCase(new BlockErrorTestCase);
        AddTestCase(new PromotionTestCase);
        AddTestCase(new TbfTestCase);
        AddTestCase(new PdpTestCase);
        AddTestCase(new UnreachableTestCase);
        AddTestCase(new CoverageProcessTestCase);
        AddTestCase(new ProcessorSharingTestCase(0.3, 20000));
        AddTestCase(new ProcessorSharingTestCase(0.5, 20000));
        AddTestCase(new ProcessorSharingTestCase(0.65, 40000));
        AddTestCase(new ProcessorSharingTestCase(0.8, 120000));
    }
};

static MmsRadioBearerTestSuite
    g_mmsRadioBearerTestSuite; //!< Static variable for test initialization

#endif // MMS_LAMBDA_EVENTS
