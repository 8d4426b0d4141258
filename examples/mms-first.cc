/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// One MMS, step by step: an originator sends a photo to one recipient through the MMS Relay,
// the MMS Server, the WAP Push Proxy Gateway and the SMSC, all over ns-3 TCP/IP, both handsets
// on a UMTS 384 kbit/s radio cell. The program prints a ladder diagram of every PDU with its
// time and size, then a summary, and writes pcap files (mms-first-<node>-<device>.pcap) that
// Wireshark decodes: HTTP carrying MMS PDUs, PAP, and WSP Push over UDP port 2948 with --ipPush.
//
//   ./build/mms-first                      immediate retrieval, notification by SMS, UMTS cell
//   ./build/mms-first --bearer=GPRS-CS2    a GPRS cell instead (or UMTS-128, EDGE-MCS9,
//                                          HSDPA-CAT6, ...): shared capacity, RRC or TBF
//                                          set-up, PDP activation, SMS on the signalling
//                                          channel; raw-IP pcaps
//   ./build/mms-first --bearer=p2p         fixed point-to-point links instead of a cell
//                                          (--handsetRate, --handsetDelay); PPP pcaps
//   ./build/mms-first --deferred           deferred retrieval (M-NotifyResp Deferred, later
//                                          GET, M-Acknowledge.ind)
//   ./build/mms-first --deliveryReport --readReport
//   ./build/mms-first --recipientOff=600   recipient switched off for the first 600 s
//   ./build/mms-first --ipPush             notification over UDP instead of SMS
//   ./build/mms-first --results=FILE       results file (default mms-first.sqlite, one run
//                                          appended per invocation; --results=none for none)

#include "mms-command-line.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mms-module.h"
#include "ns3/network-module.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;

namespace
{
std::map<uint32_t, int> g_column; //!< IPv4 address -> ladder column
std::vector<std::string> g_names;
const int WIDTH = 13;

void
Arrow(int from, int to, const std::string& label, uint64_t bytes)
{
    std::ostringstream line;
    line << std::fixed << std::setprecision(3) << std::setw(9) << Simulator::Now().GetSeconds()
         << "  ";
    int lo = std::min(from, to);
    int hi = std::max(from, to);
    std::string row(WIDTH * g_names.size(), ' ');
    for (std::size_t c = 0; c < g_names.size(); ++c)
    {
        row[c * WIDTH + WIDTH / 2] = '|';
    }
    for (int x = lo * WIDTH + WIDTH / 2 + 1; x < hi * WIDTH + WIDTH / 2; ++x)
    {
        row[x] = '-';
    }
    if (to > from)
    {
        row[hi * WIDTH + WIDTH / 2 - 1] = '>';
    }
    else
    {
        row[lo * WIDTH + WIDTH / 2 + 1] = '<';
    }
    line << row << " " << label << " (" << bytes << " B)";
    std::cout << line.str() << "\n";
}

int
ColumnOf(const Address& a)
{
    if (!InetSocketAddress::IsMatchingType(a))
    {
        return -1;
    }
    auto it = g_column.find(InetSocketAddress::ConvertFrom(a).GetIpv4().Get());
    return it == g_column.end() ? -1 : it->second;
}

void
HttpTx(int self, const MmsHttpMessage& m, const Address& peer)
{
    int other = ColumnOf(peer);
    if (other >= 0)
    {
        Arrow(self, other, MmsLadder::Describe(m, true), m.GetSerializedSize());
    }
}

void
DatagramTx(int self, const std::vector<uint8_t>& data, const Address& peer)
{
    int other = ColumnOf(peer);
    if (other < 0)
    {
        return;
    }
    Arrow(self, other, MmsLadder::DescribeDatagram(data, true), data.size());
}

void
SendMessage(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}

void
Connect(Ptr<MmsApplication> app, int column)
{
    Ptr<MmsSocketTransport> t = DynamicCast<MmsSocketTransport>(app->GetTransport());
    t->TraceConnectWithoutContext("HttpTx", MakeBoundCallback(&HttpTx, column));
    t->TraceConnectWithoutContext("DatagramTx", MakeBoundCallback(&DatagramTx, column));
}
} // namespace

int
main(int argc, char* argv[])
{
    bool deferred = false;
    bool deliveryReport = false;
    bool readReport = false;
    double recipientOff = 0;
    bool ipPush = false;
    bool pcap = true;
    uint32_t size = 29696;
    double stop = 7200;
    std::string handsetRate = "384kbps";
    std::string handsetDelay = "100ms";
    std::string bearer = "UMTS-384";
    std::string results = "mms-first.sqlite";
    // Every argument is checked before anything is built (exit status 2, one line each).
    MmsCommandLine cmd(__FILE__);
    cmd.AddValue("deferred", "The recipient defers retrieval", deferred);
    cmd.AddValue("deliveryReport", "The originator asks for a delivery report", deliveryReport);
    cmd.AddValue("readReport", "The originator asks for a read report", readReport);
    cmd.AddValue("recipientOff",
                 "The recipient is off for this many seconds at first",
                 recipientOff,
                 MmsCommandLine::AtLeast(0.0));
    cmd.AddValue("ipPush", "Push the notification over UDP instead of SMS", ipPush);
    cmd.AddValue("size", "Media octets of the message", size);
    cmd.AddValue("pcap", "Write pcap files", pcap);
    cmd.AddValue("stop", "Simulated time (s)", stop, MmsCommandLine::Positive<double>());
    cmd.AddValue("handsetRate", "Handset link rate", handsetRate, MmsCommandLine::DataRateText());
    cmd.AddValue(
        "handsetDelay", "Handset link one-way delay", handsetDelay, MmsCommandLine::TimeText());
    cmd.AddValue("bearer",
                 "Bearer profile of the radio cell: UMTS-384 (default), GPRS-CS2 (or "
                 "GPRS-CS1..4, EDGE-MCS1..9, UMTS-64/128, HSDPA-CAT12/6/8/10); or p2p for fixed "
                 "links (handsetRate, handsetDelay)",
                 bearer,
                 MmsCommandLine::BearerPreset({"p2p"}));
    cmd.AddValue("results",
                 "SQLite results file (appended to: one run per invocation); none: no results file",
                 results);
    cmd.Parse(argc, argv);
    if (results == "none")
    {
        results.clear(); // ns-3's CommandLine refuses an empty value
    }

    // The results file first: a bad path is reported before anything is built.
    Ptr<MmsSqliteRecorder> recorder;
    if (!results.empty())
    {
        recorder = CreateObject<MmsSqliteRecorder>();
        recorder->SetAttribute("Path", StringValue(results));
        recorder->SetAttribute("Scenario", StringValue("mms-first"));
        recorder->SetAttribute("RecordTransactions", BooleanValue(true));
        recorder->SetCommandLine(argc, argv);
        std::string error;
        if (!recorder->Open(error))
        {
            cmd.Refuse("results", error);
        }
    }

    MmsNetworkHelper network;
    network.SetHandsetLink(handsetRate, handsetDelay);
    if (bearer != "p2p")
    {
        network.SetRadioAccess(bearer); // a preset: checked with the command line
        if (ipPush)
        {
            // A push over IP needs the recipient's PDP context up before anything is sent.
            network.GetRadioHelper().SetRrcAttribute("PdpMode", StringValue("AlwaysOn"));
        }
    }
    network.CreateCore(true);
    NodeContainer handsets = network.CreateHandsets(2);

    MmsHelper mms;
    if (ipPush)
    {
        mms.SetPpgAttribute("Bearer", StringValue("Udp"));
    }
    // Short reading and deferral delays keep the ladder on one screen.
    mms.SetUserAgentAttribute("DeferredDelay",
                              StringValue("ns3::ConstantRandomVariable[Constant=60]"));
    mms.SetUserAgentAttribute("ReadingDelay",
                              StringValue("ns3::ConstantRandomVariable[Constant=30]"));
    // The SMSC's own delay: 3 s on fixed links; on a radio cell 1 s, the core part, since the
    // cell adds its paging and SMS transfer time (MmsSmsc::CORE_DELIVERY_DELAY, as a constant).
    mms.SetSmscAttribute("DeliveryDelay",
                         StringValue(bearer == "p2p" ? "ns3::ConstantRandomVariable[Constant=3]"
                                                     : "ns3::ConstantRandomVariable[Constant=1]"));
    mms.SetSmscAttribute("LossProbability", DoubleValue(0));
    ApplicationContainer core = mms.InstallCore(network.GetRelayNode(),
                                                network.GetServerNode(),
                                                network.GetPpgNode(),
                                                network.GetSmscNode());
    ApplicationContainer uas = mms.InstallUserAgents(handsets);
    mms.AssignStreams(1);
    network.AssignStreams(1000);
    Ptr<MmsUserAgent> originator = DynamicCast<MmsUserAgent>(uas.Get(0));
    Ptr<MmsUserAgent> recipient = DynamicCast<MmsUserAgent>(uas.Get(1));
    if (deferred)
    {
        recipient->SetAttribute("RetrievalMode", StringValue("Deferred"));
    }

    g_names = {"UA-O " + originator->GetMsisdn().substr(9),
               "Relay",
               "Server",
               "PPG",
               "SMSC",
               "UA-R " + recipient->GetMsisdn().substr(9)};
    std::vector<Ptr<Node>> nodes = {handsets.Get(0),
                                    network.GetRelayNode(),
                                    network.GetServerNode(),
                                    network.GetPpgNode(),
                                    network.GetSmscNode(),
                                    handsets.Get(1)};
    for (std::size_t i = 0; i < nodes.size(); ++i)
    {
        g_column[MmsNetworkHelper::GetAddress(nodes[i]).Get()] = static_cast<int>(i);
    }
    std::vector<Ptr<MmsApplication>> apps = {
        originator, mms.GetRelay(), mms.GetServer(), mms.GetPpg(), mms.GetSmsc(), recipient};
    for (std::size_t i = 0; i < apps.size(); ++i)
    {
        Connect(apps[i], static_cast<int>(i));
    }
    if (pcap)
    {
        network.EnablePcap("mms-first");
    }
    if (recipientOff > 0)
    {
        recipient->ScheduleOffPeriod(Seconds(0.5), Seconds(recipientOff));
    }

    MmsUserAgent::Message m;
    m.to = {recipient->GetMsisdn()};
    m.contentSize = size;
    m.deliveryReport = deliveryReport;
    m.readReport = readReport;
    m.subject = "Hello";
    Simulator::Schedule(Seconds(1), &SendMessage, originator, m);

    std::cout << "           ";
    for (const auto& n : g_names)
    {
        std::cout << std::left << std::setw(WIDTH) << n;
    }
    std::cout << std::right << "\n";
    if (recorder)
    {
        recorder->ConnectAll();
    }
    Simulator::Stop(Seconds(stop));
    Simulator::Run();

    const MmsRelay::Counters& c = mms.GetRelay()->GetCounters();
    std::cout << "\nRelay: " << c.submissions << " submission(s), " << c.accepted << " accepted, "
              << c.notifications << " notification push(es), " << c.retrieved << " retrieved, "
              << c.rejected << " rejected, " << c.expired << " expired, " << c.failed << " failed, "
              << c.deliveryReports << " delivery report(s), " << c.readReports
              << " read report(s)\n";
    std::cout << "Originator: " << originator->GetCounters().deliveryReports
              << " delivery report(s), " << originator->GetCounters().readReportsReceived
              << " read report(s) received\n";
    if (pcap)
    {
        std::cout << "pcap files: mms-first-<node>-<device>.pcap; the originator's: tshark -r "
                  << "mms-first-" << handsets.Get(0)->GetId() << "-1.pcap -Y mmse\n";
    }
    if (recorder)
    {
        recorder->Close();
        if (recorder->HasFailed())
        {
            Simulator::Destroy();
            return 2; // the recorder printed why (a full disk, an I/O error)
        }
        std::cout << "\n";
        recorder->PrintSummary(std::cout);
        std::cout << "The message as a ladder from the results file: utils/mms-report.py ladder "
                  << results << " --run " << recorder->GetRunId() << "\n";
    }
    Simulator::Destroy();
    return 0;
}
