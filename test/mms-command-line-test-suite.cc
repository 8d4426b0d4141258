/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// What a user types is checked before anything is built: MmsCommandLine::Check names each bad
// argument on one line (a program flag by its type and range, an ns-3 attribute by the scenario
// files' checker and the objects' own checks, a global value, a help flag) and changes nothing;
// Parse reads good flags as ns-3 does, text flags whole; MmsScenarioHelper::Check reports what
// only the objects can check in a scenario file (bearer profiles with their overrides, retry
// tables inside object-factory strings, the cells' address space). The programs themselves are
// run with bad flags by test/check-bad-flags.py.

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/integer.h"
#include "ns3/mms-command-line.h"
#include "ns3/mms-event-scheduler.h"
#include "ns3/mms-scenario-helper.h"
#include "ns3/mms-scenario.h"
#include "ns3/mms-traffic-model.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Arguments as main() gets them, program name first.
class Arguments
{
  public:
    /// \param args the arguments after the program's name
    explicit Arguments(const std::vector<std::string>& args)
        : m_text(args)
    {
        m_text.insert(m_text.begin(), "mms-test");
        for (auto& t : m_text)
        {
            m_argv.push_back(&t[0]);
        }
        m_argv.push_back(nullptr);
    }

    /// \return argc
    int Count() const
    {
        return static_cast<int>(m_text.size());
    }

    /// \return argv
    char** Values()
    {
        return m_argv.data();
    }

  private:
    std::vector<std::string> m_text; //!< the arguments
    std::vector<char*> m_argv;       //!< pointers into m_text
};

/// The attribute's default as text.
std::string
DefaultOf(const std::string& type, const std::string& attribute)
{
    TypeId::AttributeInformation info;
    MmsScenarioAttributes::Find(TypeId::LookupByName(type), attribute, info);
    return info.initialValue->SerializeToString(info.checker);
}

} // namespace

/// Program flags: each type's bad values and the flags' own checks, one line each.
class MmsCommandLineFlagsTestCase : public TestCase
{
  public:
    MmsCommandLineFlagsTestCase()
        : TestCase("program flags: a value must read as the flag's type to its end and pass the "
                   "flag's check")
    {
    }

  private:
    void DoRun() override
    {
        bool on = false;
        uint32_t count = 7;
        int32_t offset = 0;
        double seconds = 300;
        std::string text = "a";
        std::string bearer = "UMTS-384";
        MmsCommandLine cmd("/somewhere/mms-test.cc");
        cmd.AddValue("on", "a boolean", on);
        cmd.AddValue("count", "a count", count, MmsCommandLine::Positive<uint32_t>());
        cmd.AddValue("offset", "a signed number", offset);
        cmd.AddValue("seconds", "a duration", seconds, MmsCommandLine::Positive<double>());
        cmd.AddValue("text", "a text", text);
        cmd.AddValue("bearer", "a preset", bearer, MmsCommandLine::BearerPreset({"p2p"}));
        NS_TEST_EXPECT_MSG_EQ(cmd.GetName(), "mms-test", "the name from the file");

        const std::vector<std::pair<std::string, std::string>> bad = {
            {"--on=maybe", "expected true or false (or 1 or 0)"},
            {"--on=1x", "expected true or false (or 1 or 0)"},
            {"--count=abc", "expected a whole number from 0 to 4294967295"},
            {"--count=-1", "expected a whole number from 0 to 4294967295"},    // not 4294967295
            {"--count=12abc", "expected a whole number from 0 to 4294967295"}, // not 12
            {"--count=4294967296", "expected a whole number from 0 to 4294967295"},
            {"--count=1.5", "expected a whole number from 0 to 4294967295"},
            {"--count=0", "expected a whole number of at least 1"},
            {"--count", "expected a whole number from 0 to 4294967295"},
            {"--offset=2147483648", "expected a whole number from -2147483648 to 2147483647"},
            {"--seconds=abc", "expected a number"},
            {"--seconds=1e999", "expected a number"},
            {"--seconds=-2", "expected a positive number"},
            {"--text=", "expected a value (ns-3 does not take an empty one)"},
            {"--bearer=UMTS-999",
             "unknown bearer profile 'UMTS-999'; known: GPRS-CS1, GPRS-CS2, GPRS-CS3, GPRS-CS4, "
             "EDGE-MCS1, EDGE-MCS2, EDGE-MCS3, EDGE-MCS4, EDGE-MCS5, EDGE-MCS6, EDGE-MCS7, "
             "EDGE-MCS8, EDGE-MCS9, UMTS-64, UMTS-128, UMTS-384, HSDPA-CAT12, HSDPA-CAT6, "
             "HSDPA-CAT8, HSDPA-CAT10; or p2p"},
            {"--cuont=3",
             "unknown flag: neither a flag of mms-test (--PrintHelp lists them) nor an ns-3 "
             "global value (--PrintGlobals)"},
            {"count=3", "not a flag: flags are written --name=value"},
        };
        for (const auto& b : bad)
        {
            Arguments a({"--count=2", b.first});
            NS_TEST_EXPECT_MSG_EQ(cmd.Check(a.Count(), a.Values(), nullptr),
                                  "mms-test: argument 2 '" + b.first + "': " + b.second + "\n",
                                  b.first);
        }
        Arguments two({"--count=0", "--seconds=x"});
        NS_TEST_EXPECT_MSG_EQ(cmd.Check(two.Count(), two.Values(), nullptr),
                              "mms-test: argument 1 '--count=0': expected a whole number of at "
                              "least 1\nmms-test: argument 2 '--seconds=x': expected a number\n",
                              "one line per bad argument");
        NS_TEST_EXPECT_MSG_EQ(count, 7u, "Check changes nothing");

        Arguments good({"--on",
                        "--count=+12",
                        "-offset=-5",
                        "--seconds=2.5e1",
                        "--text=two words",
                        "--bearer=p2p"});
        NS_TEST_EXPECT_MSG_EQ(cmd.Check(good.Count(), good.Values(), nullptr), "", "all good");
        cmd.Parse(good.Count(), good.Values());
        NS_TEST_EXPECT_MSG_EQ(on, true, "a boolean without a value flips its default");
        NS_TEST_EXPECT_MSG_EQ(count, 12u, "count");
        NS_TEST_EXPECT_MSG_EQ(offset, -5, "a single dash, a negative number");
        NS_TEST_EXPECT_MSG_EQ(seconds, 25.0, "an exponent");
        NS_TEST_EXPECT_MSG_EQ(text, "two words", "the whole text, not its first word");
        NS_TEST_EXPECT_MSG_EQ(cmd.IsGiven("text"), true, "given");
        NS_TEST_EXPECT_MSG_EQ(cmd.IsGiven("on"), true, "given without a value");
        NS_TEST_EXPECT_MSG_EQ(cmd.IsGiven("cuont"), false, "not given");
    }
};

/// ns-3's own arguments: attributes, global values and help flags.
class MmsCommandLineNs3TestCase : public TestCase
{
  public:
    MmsCommandLineNs3TestCase()
        : TestCase("ns-3 arguments: attributes by the scenario files' checker and the objects' "
                   "checks, global values, help flags; Check changes no default")
    {
    }

  private:
    void DoRun() override
    {
        MmsCommandLine cmd("mms-test.cc");
        // The words a traffic model itself uses for a negative MessagesPerHour.
        Ptr<MmsTrafficModel> model = CreateObject<MmsTrafficModel>();
        model->SetAttribute("MessagesPerHour", DoubleValue(-1));
        std::string validate;
        NS_TEST_ASSERT_MSG_EQ(model->Validate(validate), false, "the model refuses -1");

        // The module's own scheduler is one of the choices wherever the module is linked (a
        // static library drops its object file unless something uses it).
        MmsEventScheduler::GetTypeId();
        const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
            {{"--ns3::MmsRelay::Workers=abc"}, "expected a whole number from 1 to 4294967295"},
            {{"--ns3::MmsRelay::Workers=0"}, "expected a whole number from 1 to 4294967295"},
            {{"--ns3::MmsRelay::Wokers=4"}, "ns3::MmsRelay has no attribute Wokers"},
            {{"--ns3::MmsRelais::Workers=4"}, "no ns-3 type is named ns3::MmsRelais"},
            {{"--MmsRelay::Workers=4"}, "no ns-3 type is named MmsRelay (ns3::MmsRelay is)"},
            {{"--ns3::MmsRelay::StartTime=1s"},
             "StartTime is an attribute of ns3::Application, a parent of ns3::MmsRelay: write "
             "--ns3::Application::StartTime=1s (for every ns3::Application)"},
            {{"--Workers=4"},
             "unknown flag: neither a flag of mms-test (--PrintHelp lists them) nor an ns-3 "
             "global value (--PrintGlobals); Workers is an attribute of ns3::MmsRelay: write "
             "--ns3::MmsRelay::Workers=4"},
            {{"--ns3::MmsTrafficModel::MessagesPerHour=-1"}, validate},
            {{"--ns3::MmsRetryPolicy::Table=0s,soon"},
             "Table: element 2 'soon' is not a time such as 30s or 5min (units ns, us, ms, s, "
             "min, h, d)"},
            {{"--ns3::MmsUserAgent::RetryPolicy=ns3::MmsRetryPolicy[Table=0s,soon]"},
             "ns3::MmsRetryPolicy: Table: element 2 'soon' is not a time such as 30s or 5min "
             "(units ns, us, ms, s, min, h, d)"},
            {{"--ns3::MmsRadioBearerProfile::Preset=UMTS-999"},
             "unknown bearer profile 'UMTS-999'; known: GPRS-CS1, GPRS-CS2, GPRS-CS3, GPRS-CS4, "
             "EDGE-MCS1, EDGE-MCS2, EDGE-MCS3, EDGE-MCS4, EDGE-MCS5, EDGE-MCS6, EDGE-MCS7, "
             "EDGE-MCS8, EDGE-MCS9, UMTS-64, UMTS-128, UMTS-384, HSDPA-CAT12, HSDPA-CAT6, "
             "HSDPA-CAT8, HSDPA-CAT10"},
            {{"--ns3::MmsSocketTransport::TcpMss=12"},
             "TcpMss 12 leaves no room for data: expected 0 (from the MTU) or a whole number "
             "from 13 to 65535 (more than the 12 octets of TCP timestamps)"},
            {{"--ns3::TcpL4Protocol::SocketType=ns3::TcpNewRno"},
             "no ns-3 type is named ns3::TcpNewRno"},
            {{"--RngRun=x"}, "expected a whole number from 0 to 18446744073709551615"},
            {{"--RngRun=-1"}, "expected a whole number from 0 to 18446744073709551615"},
            {{"--RngSeed=0"}, "expected a whole number from 1 to 4294944442"},
            {{"--RngSeed=4294944443"}, "expected a whole number from 1 to 4294944442"},
            {{"--ChecksumEnabled=maybe"}, "expected true or false"},
            {{"--SchedulerType=ns3::MmsRelay"},
             "expected one of ns3::CalendarScheduler, ns3::HeapScheduler, ns3::ListScheduler, "
             "ns3::MapScheduler, ns3::MmsEventScheduler or ns3::PriorityQueueScheduler"},
            {{"--PrintAttributes=ns3::MmsRelais"}, "no ns-3 type is named ns3::MmsRelais"},
        };
        for (const auto& b : bad)
        {
            Arguments a(b.first);
            NS_TEST_EXPECT_MSG_EQ(cmd.Check(a.Count(), a.Values(), nullptr),
                                  "mms-test: argument 1 '" + b.first[0] + "': " + b.second + "\n",
                                  b.first[0]);
        }
        Arguments simulator({"--SimulatorImplementationType=ns3::DefaultSimulator"});
        NS_TEST_EXPECT_MSG_EQ(
            cmd.Check(simulator.Count(), simulator.Values(), nullptr)
                .rfind("mms-test: argument 1 '--SimulatorImplementationType=ns3::DefaultSimulator'"
                       ": expected one of ns3::DefaultSimulatorImpl",
                       0),
            0u,
            "a simulator implementation");

        // Values good alone, wrong together: the one that makes it wrong is named.
        Arguments together(
            {"--ns3::MmsRadioBearerProfile::Mtu=576", "--ns3::MmsRadioBearerProfile::TcpMss=1400"});
        NS_TEST_EXPECT_MSG_EQ(
            cmd.Check(together.Count(), together.Values(), nullptr),
            "mms-test: argument 2 '--ns3::MmsRadioBearerProfile::TcpMss=1400': bearer profile "
            "'UMTS-384': TcpMss 1400 is not in 13..536 (at most Mtu 576 less 40 octets of IPv4 "
            "and TCP headers)\n",
            "checked together");

        // A renamed name: only its new spelling is reported.
        Arguments renamed({"--ns3::Smsc::ServiceRate=5", "--RngRun=x"});
        NS_TEST_EXPECT_MSG_EQ(cmd.Check(renamed.Count(), renamed.Values(), "MmsRelay"),
                              "mms-test: argument 1 '--ns3::Smsc::ServiceRate=5': ns3::Smsc is "
                              "now called ns3::MmsSmsc\n",
                              "renamed");

        Arguments good({"--ns3::MmsRelay::Workers=4",
                        "--ns3::MmsTrafficModel::MessagesPerHour=0.5",
                        "--ns3::MmsTrafficModel::HourlyProfile=1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 "
                        "1 1 1 1 1 1 1",
                        "--ns3::MmsUserAgent::RetryPolicy=ns3::MmsRetryPolicy[Kind=Table|Table="
                        "0s,1min]",
                        "--ns3::MmsSocketTransport::TcpMss=0",
                        "--ns3::TcpL4Protocol::SocketType=ns3::TcpNewReno",
                        "--RngRun=18446744073709551615",
                        "--RngSeed=4294944442",
                        "--SchedulerType=ns3::HeapScheduler",
                        "--SimulatorImplementationType=ns3::DefaultSimulatorImpl",
                        "--ChecksumEnabled=true",
                        "--PrintAttributes=ns3::MmsRelay",
                        "--PrintHelp"});
        NS_TEST_EXPECT_MSG_EQ(cmd.Check(good.Count(), good.Values(), nullptr), "", "all good");
        NS_TEST_EXPECT_MSG_EQ(DefaultOf("ns3::MmsRelay", "Workers"), "8", "no default changed");
        NS_TEST_EXPECT_MSG_EQ(DefaultOf("ns3::RandomVariableStream", "Stream"),
                              "-1",
                              "the streams of checked objects fixed and restored");
    }
};

/// What only the objects check in a scenario file, reported by MmsScenarioHelper::Check.
class MmsCommandLineScenarioTestCase : public TestCase
{
  public:
    MmsCommandLineScenarioTestCase()
        : TestCase("scenario files: bearer profiles with their overrides, retry tables in "
                   "object-factory strings and the cells' address space are checked before "
                   "Install")
    {
    }

  private:
    /// A network of two cells; `relay` and `cell` add attributes to the relay and a cell.
    static std::string Network(const std::string& relay,
                               const std::string& cell,
                               const std::string& subscribers)
    {
        return "graph t {\n" // 1
               "  r [kind=relay"
               + relay
               + "]\n"                 // 2
                 "  s [kind=server]\n" // 3
                 "  p [kind=ppg]\n"    // 4
                 "  m [kind=smsc]\n"   // 5
                 "  g [kind=router]\n" // 6
                 "  c [kind=cell, subscribers="
               + subscribers + ", bearer=\"UMTS-384\"" + cell
               + "]\n" // 7
                 "  d [kind=cell, subscribers="
               + subscribers
               + ", bearer=\"GPRS-CS2\"]\n" // 8
                 "  r -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"
                 "  s -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"
                 "  p -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"
                 "  m -- g [rate=\"100Mbps\", delay=\"1ms\"]\n"
                 "  c -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"
                 "  d -- g [rate=\"2Mbps\", delay=\"5ms\"]\n"
                 "}\n";
    }

    /// The helper's problems with a network (which must read without errors).
    std::vector<std::string> Problems(const std::string& text, bool onDemand)
    {
        MmsScenario scenario;
        std::vector<std::string> errors;
        NS_TEST_EXPECT_MSG_EQ(scenario.Parse(text, "t.dot", errors), true, "reads");
        MmsScenarioHelper builder;
        builder.SetHandsetsOnDemand(onDemand);
        const bool ok = builder.Check(scenario, errors);
        NS_TEST_EXPECT_MSG_EQ(ok, errors.empty(), "false exactly when there are problems");
        return errors;
    }

    void DoRun() override
    {
        using Lines = std::vector<std::string>;
        NS_TEST_EXPECT_MSG_EQ((Problems(Network("", "", "5"), true) == Lines()), true, "good");
        NS_TEST_EXPECT_MSG_EQ(
            (Problems(Network(", NotificationPolicy=\"ns3::MmsRetryPolicy[Kind=Table|Table="
                              "1min,later]\"",
                              ", RetryPolicy=\"ns3::MmsRetryPolicy[Table=0s]\"",
                              "5"),
                      true)
             == Lines{"t.dot:2: relay r: NotificationPolicy \"ns3::MmsRetryPolicy[Kind=Table|Table="
                      "1min,later]\" is not valid: ns3::MmsRetryPolicy: Table: element 2 'later' "
                      "is "
                      "not a time such as 30s or 5min (units ns, us, ms, s, min, h, d)"}),
            true,
            "a retry table in an object-factory string");
        NS_TEST_EXPECT_MSG_EQ(
            (Problems(Network("", ", Mtu=576, TcpMss=1400", "5"), true)
             == Lines{"t.dot:7: cell c: bearer profile 'UMTS-384': TcpMss 1400 is not in 13..536 "
                      "(at most Mtu 576 less 40 octets of IPv4 and TCP headers)"}),
            true,
            "a cell's profile: its preset with its overrides");
        NS_TEST_EXPECT_MSG_EQ(
            (Problems(Network("", ", Mtu=576, TcpMss=536", "5"), true) == Lines()),
            true,
            "the largest segment that fits");
        // A handset per subscriber: two cells of 5,000,000 need two subnets of 2^23 addresses.
        NS_TEST_EXPECT_MSG_EQ(
            (Problems(Network("", "", "5000000"), false)
             == Lines{"t.dot: 2 cells of up to 5000000 subscribers do not fit the cells' address "
                      "space 10.128.0.0/9 (2^23 addresses, a subnet of a power of two per cell, 3 "
                      "of "
                      "them not for handsets)"}),
            true,
            "address space");
        NS_TEST_EXPECT_MSG_EQ((Problems(Network("", "", "5000000"), true) == Lines()),
                              true,
                              "on demand, only the handsets bound at once need addresses");
    }
};

/// The suite.
class MmsCommandLineTestSuite : public TestSuite
{
  public:
    MmsCommandLineTestSuite()
        : TestSuite("mms-command-line", Type::UNIT)
    {
        AddTestCase(new MmsCommandLineFlagsTestCase);
        AddTestCase(new MmsCommandLineNs3TestCase);
        AddTestCase(new MmsCommandLineScenarioTestCase);
    }
};

static MmsCommandLineTestSuite
    g_mmsCommandLineTestSuite; //!< Static variable for test initialization
