/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// One MMS, step by step: an originator sends a photo to one recipient through the MMS Relay,
// the MMS Server, the WAP Push Proxy Gateway and the SMSC, all over ns-3 TCP/IP, both handsets
// on a UMTS 384 kbit/s radio cell. The program prints a ladder diagram of every message
// between the elements, each with the instant it was sent and the instant it arrived (the
// same ladder as utils/mms-report.py ladder draws from the results file), then a summary, and
// writes pcap files (mms-first-<node>-<device>.pcap) that Wireshark decodes: HTTP carrying MMS
// PDUs, PAP, and WSP Push over UDP port 2948 with --ipPush.
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
//   ./build/mms-first --stack=wsp          WAP 1.x handsets: M-Send.req, the retrieval and the
//                                          acknowledgements go as WSP Post/Get over WTP class
//                                          2 (UDP 9201) to a WAP gateway (a core node of its
//                                          own), which speaks HTTP to the Relay (-Y wsp)
//   ./build/mms-first --results=FILE       results file (default mms-first.sqlite, one run
//                                          appended per invocation; --results=none for none)

#include "mms-command-line.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mms-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{
const int WIDTH = 13; //!< characters per lifeline

/// One line of the ladder: the instants, the arrow between two lifelines, the label (the
/// format utils/mms-report.py's render_pdu_ladder_text prints from the pdu table).
std::string
LadderLine(const MmsLadderTracer::Pdu& p, int from, int to, std::size_t columns)
{
    std::ostringstream line;
    line << std::fixed << std::setprecision(3) << std::setw(10) << p.sent.GetSeconds() << " ";
    if (p.arrived.IsNegative())
    {
        line << std::setw(10) << "-";
    }
    else
    {
        line << std::setw(10) << p.arrived.GetSeconds();
    }
    line << "  ";
    std::string row(WIDTH * columns, ' ');
    for (std::size_t c = 0; c < columns; ++c)
    {
        row[c * WIDTH + WIDTH / 2] = '|';
    }
    int lo = std::min(from, to);
    int hi = std::max(from, to);
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
    line << row << " " << p.description;
    if (!p.transactionId.empty())
    {
        line << " tid=" << p.transactionId;
    }
    line << " (" << p.octets << " B";
    if (p.issued < p.sent)
    {
        line << ", issued " << p.issued.GetSeconds();
    }
    line << ")";
    return line.str();
}

void
SendMessage(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}

void
Collect(std::vector<MmsLadderTracer::Pdu>* pdus, const MmsLadderTracer::Pdu& p)
{
    pdus->push_back(p);
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
    std::string stack = "http";
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
    cmd.AddValue("stack",
                 "How the handsets reach the MMSC: http (HTTP/1.1 to the Relay, default) or wsp "
                 "(WAP 1.x: WSP over WTP over UDP to a WAP gateway, which speaks HTTP to the "
                 "Relay)",
                 stack,
                 MmsCommandLine::OneOf({"http", "wsp"}));
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
        recorder->SetAttribute("RecordPdus", BooleanValue(true));
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
    // WAP 1.x: the WAP gateway on a core node of its own, the handsets speak WSP/WTP to it.
    Ptr<MmsWapGateway> gateway;
    if (stack == "wsp")
    {
        gateway = mms.InstallWapGateway(network.CreateCoreNode());
    }
    ApplicationContainer uas = mms.InstallUserAgents(handsets);
    mms.AssignStreams(1);
    network.AssignStreams(1000);
    Ptr<MmsUserAgent> originator = DynamicCast<MmsUserAgent>(uas.Get(0));
    Ptr<MmsUserAgent> recipient = DynamicCast<MmsUserAgent>(uas.Get(1));
    if (deferred)
    {
        recipient->SetAttribute("RetrievalMode", StringValue("Deferred"));
    }

    // The lifelines, in the order utils/mms-report.py ladder draws them.
    std::vector<std::string> columns = {
        "Originator", "Relay", "Server", "PPG", "SMSC", "Recipient"};
    std::vector<Ptr<MmsApplication>> apps = {
        originator, mms.GetRelay(), mms.GetServer(), mms.GetPpg(), mms.GetSmsc(), recipient};
    if (gateway)
    {
        columns.insert(columns.begin() + 1, "WAP gw");
        apps.insert(apps.begin() + 1, gateway);
    }
    std::map<std::string, int> columnOf;
    Ptr<MmsLadderTracer> tracer = CreateObject<MmsLadderTracer>();
    std::vector<MmsLadderTracer::Pdu> pdus;
    tracer->TraceConnectWithoutContext("Pdu", MakeBoundCallback(&Collect, &pdus));
    for (std::size_t i = 0; i < apps.size(); ++i)
    {
        columnOf[apps[i]->GetElementName()] = static_cast<int>(i);
        tracer->Add(DynamicCast<MmsSocketTransport>(apps[i]->GetTransport()),
                    apps[i]->GetElementName());
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

    if (recorder)
    {
        recorder->ConnectAll();
    }
    Simulator::Stop(Seconds(stop));
    Simulator::Run();
    tracer->Flush();

    // The ladder: every message between the elements, in the order they were sent.
    std::stable_sort(pdus.begin(),
                     pdus.end(),
                     [](const auto& a, const auto& b)
                     {
                         return a.sent < b.sent;
                     });
    std::cout << MmsLadderTracer::LADDER_LEGEND << "\n";
    std::ostringstream header;
    header << std::setw(10) << "sent (s)"
           << " " << std::setw(10) << "arrived (s)"
           << "  ";
    std::string names(WIDTH * columns.size(), ' ');
    for (std::size_t c = 0; c < columns.size(); ++c)
    {
        std::size_t start = c * WIDTH + WIDTH / 2 - columns[c].size() / 2;
        names.replace(start, columns[c].size(), columns[c]);
    }
    names.erase(names.find_last_not_of(' ') + 1);
    std::cout << header.str() << names << "\n";
    for (const auto& p : pdus)
    {
        auto from = columnOf.find(p.sender);
        auto to = columnOf.find(p.receiver);
        if (from != columnOf.end() && to != columnOf.end())
        {
            std::cout << LadderLine(p, from->second, to->second, columns.size()) << "\n";
        }
    }

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
        // Every node's first device; the handsets' show what crossed the radio cell.
        char cwd[4096];
        std::string here = getcwd(cwd, sizeof(cwd)) ? cwd : ".";
        std::cout << "\npcap files in " << here << " (mms-first-<node>-<device>.pcap):\n";
        for (std::size_t i = 0; i < apps.size(); ++i)
        {
            std::cout << "  " << std::left << std::setw(11) << columns[i] << std::right
                      << "mms-first-" << apps[i]->GetNode()->GetId() << "-1.pcap\n";
        }
        std::cout << "In Wireshark, the display filter mmse shows the MMS PDUs (Statistics > Flow "
                     "Graph draws them as a ladder); or: tshark -r mms-first-"
                  << recipient->GetNode()->GetId() << "-1.pcap -Y mmse\n";
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
