/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-sqlite-recorder.h"

#include "mms-flow-transport.h"
#include "mms-kpi-summary.h"
#include "mms-radio-cell-channel.h"
#include "mms-relay-mm4.h"
#include "mms-run-metadata.h"
#include "mms-server.h"
#include "mms-smsc.h"
#include "mms-subscriber-pool.h"
#include "mms-user-agent.h"
#include "mms-wap-gateway.h"
#include "mms-wap-push-proxy-gateway.h"

#include "ns3/boolean.h"
#include "ns3/channel-list.h"
#include "ns3/log.h"
#include "ns3/node-list.h"
#include "ns3/node.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#if __has_include("mms-version.h")
#    include "mms-version.h" // MMS_MODULE_VERSION, written at build time from `git describe`
#endif
#ifndef MMS_MODULE_VERSION
#    define MMS_MODULE_VERSION "unknown"
#endif

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unordered_set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsSqliteRecorder");
NS_OBJECT_ENSURE_REGISTERED(MmsSqliteRecorder);

namespace
{
// SIGINT/SIGTERM: the handler only records the signal; the recorder's periodic event stops the
// simulation, and Close() marks the run aborted with everything written so far committed.
volatile std::sig_atomic_t g_signal = 0;

/// The recorders with a run still open (Open() to Close()): std::exit (a program stopping on
/// bad input, status 2) closes them, marked aborted, before the process ends.
std::set<MmsSqliteRecorder*>&
OpenRecorders()
{
    static std::set<MmsSqliteRecorder*> open;
    return open;
}

extern "C" void
MmsRecorderSignalHandler(int signal)
{
    g_signal = signal;
}

std::string
UtcNow()
{
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

double
NowSeconds()
{
    return Simulator::Now().GetSeconds();
}

std::string
Number(const std::string& address)
{
    return MmsHttp::StripAddressType(address);
}

std::string
Key(const std::string& messageId, const std::string& number)
{
    return messageId + '|' + number;
}

/// "mid/2/n1" -> notification, "mid/0/d129" -> delivery-report, "mid/0/r3" -> read-report.
std::string
PushKind(const std::string& pushId)
{
    std::string::size_type second = pushId.find('/', pushId.find('/') + 1);
    if (second == std::string::npos || second + 1 >= pushId.size())
    {
        return "other";
    }
    switch (pushId[second + 1])
    {
        case 'n':
            return "notification";
        case 'd':
            return "delivery-report";
        case 'r':
            return "read-report";
        default:
            return "other";
    }
}

/// The first word of a detail ("smsc-7 attempt 2" -> "smsc-7").
std::string
FirstWord(const std::string& s)
{
    return s.substr(0, s.find(' '));
}

const char* const TIME_COLUMNS[] = {"notification_queued",
                                    "sms_first_delivered",
                                    "sms_last_delivered",
                                    "push_sent",
                                    "push_received",
                                    "notify_resp_sent",
                                    "retrieval_started",
                                    "retrieval_completed",
                                    "acknowledged",
                                    "ended",
                                    "delivery_report_sent",
                                    "delivery_report_received",
                                    "read_report_sent",
                                    "read_report_received"};
const char* const COUNT_COLUMNS[] = {"notifications", "sms_segments", "retrievals"};

} // namespace

TypeId
MmsSqliteRecorder::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsSqliteRecorder")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsSqliteRecorder>()
            .AddAttribute("Path",
                          "The results file (SQLite); created if missing, appended to if it is "
                          "an MMS results file already.",
                          StringValue("mms-results.sqlite"),
                          MakeStringAccessor(&MmsSqliteRecorder::m_path),
                          MakeStringChecker())
            .AddAttribute("Scenario",
                          "The scenario name recorded in the run row.",
                          StringValue(""),
                          MakeStringAccessor(&MmsSqliteRecorder::m_scenario),
                          MakeStringChecker())
            .AddAttribute("FlushRows",
                          "Commit the open transaction after this many rows.",
                          UintegerValue(20000),
                          MakeUintegerAccessor(&MmsSqliteRecorder::m_flushRows),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("FlushInterval",
                          "Commit the open transaction at least this often (simulated time); "
                          "what a killed run loses is at most this much.",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&MmsSqliteRecorder::m_flushInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("RecordTransactions",
                          "Write one row per request/response exchange (table \"transaction\").",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MmsSqliteRecorder::m_recordTransactions),
                          MakeBooleanChecker())
            .AddAttribute("RecordPdus",
                          "Write one row per message between two elements (table pdu): HTTP "
                          "requests and responses and datagrams, with the instants each was "
                          "issued, sent and arrived (MmsLadderTracer), for ladder diagrams. A "
                          "few rows per MMS and one per SMS attempt: meant for small runs.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&MmsSqliteRecorder::m_recordPdus),
                          MakeBooleanChecker())
            .AddAttribute("SampleInterval",
                          "Interval of the element and bearer samples (and of the throughput "
                          "view); 0 disables sampling.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&MmsSqliteRecorder::m_sampleInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ProgressInterval",
                          "Wall-clock time between progress lines on standard error (so runs "
                          "longer than this show progress); 0: none.",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&MmsSqliteRecorder::m_progressInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("CatchSignals",
                          "On SIGINT or SIGTERM, stop the simulation, commit, and mark the run "
                          "aborted (a second signal kills the process as usual).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MmsSqliteRecorder::m_catchSignals),
                          MakeBooleanChecker())
            .AddTraceSource("Committed",
                            "A batch was committed: every row written so far is in the file.",
                            MakeTraceSourceAccessor(&MmsSqliteRecorder::m_committedTrace),
                            "ns3::MmsSqliteRecorder::CommittedTracedCallback");
    return tid;
}

MmsSqliteRecorder::DeliveryRecord::DeliveryRecord()
{
    std::fill(std::begin(times), std::end(times), -1.0);
}

MmsSqliteRecorder::MmsSqliteRecorder() = default;

MmsSqliteRecorder::~MmsSqliteRecorder()
{
    OpenRecorders().erase(this);
}

void
MmsSqliteRecorder::CloseAtExit()
{
    const std::set<MmsSqliteRecorder*> open = OpenRecorders(); // Close() erases
    for (MmsSqliteRecorder* r : open)
    {
        r->m_exited = true;
        r->Close();
    }
}

void
MmsSqliteRecorder::DoDispose()
{
    Close();
    m_uaSinks.clear();
    m_elements.clear();
    m_elementsNamed = false;
    m_cells.clear();
    if (m_ladderTracer)
    {
        m_ladderTracer->Dispose();
        m_ladderTracer = nullptr;
    }
    Object::DoDispose();
}

void
MmsSqliteRecorder::SetCommandLine(int argc, char** argv)
{
    std::string line;
    for (int i = 0; i < argc; ++i)
    {
        std::string arg = argv[i];
        bool quote = arg.empty() || arg.find_first_of(" \t'\"$\\;&|<>()") != std::string::npos;
        if (quote)
        {
            std::string q = "'";
            for (char c : arg)
            {
                q += c == '\'' ? std::string("'\\''") : std::string(1, c);
            }
            arg = q + "'";
        }
        line += (i ? " " : "") + arg;
    }
    SetCommandLine(line);
}

void
MmsSqliteRecorder::AddRunAttribute(const std::string& scope,
                                   const std::string& name,
                                   const std::string& value)
{
    MmsRunMetadata::Row r;
    r.scope = scope;
    r.name = name;
    r.value = value;
    m_extraAttributes.push_back(r);
}

void
MmsSqliteRecorder::SetCommandLine(const std::string& commandLine)
{
    m_commandLine = commandLine;
}

bool
MmsSqliteRecorder::Open(std::string& error)
{
    if (m_db.IsOpen())
    {
        return true;
    }
    if (!m_db.Open(m_path, error) || !MmsResultsSchema::Ensure(m_db, error))
    {
        m_db.Close();
        return false;
    }
    MmsSqliteStatement run;
    std::string version =
#if defined(NS3_VERSION_MINOR)
        "ns-3." + std::to_string(NS3_VERSION_MINOR)
        + (NS3_VERSION_PATCH ? "." + std::to_string(NS3_VERSION_PATCH) : std::string());
#else
        "ns-3 (unknown release)";
#endif
    if (!m_db.Prepare("INSERT INTO run (status, started, scenario, ns3_version, module_version, "
                      "rng_seed, rng_run, command_line, sample_interval) "
                      "VALUES ('running', ?, ?, ?, ?, ?, ?, ?, ?)",
                      run,
                      error))
    {
        m_db.Close();
        return false;
    }
    run.BindText(1, UtcNow());
    run.BindTextOrNull(2, m_scenario);
    run.BindText(3, version);
    run.BindText(4, MMS_MODULE_VERSION);
    run.BindInt(5, RngSeedManager::GetSeed());
    run.BindInt(6, static_cast<int64_t>(RngSeedManager::GetRun()));
    run.BindTextOrNull(7, m_commandLine);
    run.BindDouble(8, m_sampleInterval.GetSeconds());
    if (!run.Run())
    {
        error = "results file '" + m_path + "': cannot add the run: " + run.GetError();
        m_db.Close();
        return false;
    }
    m_runId = m_db.LastInsertRowId();
    // The set first: destroyed after the handler runs (the reverse order of registration).
    static const bool registered =
        (OpenRecorders(), std::atexit(&MmsSqliteRecorder::CloseAtExit) == 0);
    if (registered)
    {
        OpenRecorders().insert(this);
    }
    m_wallStart = std::chrono::steady_clock::now();
    m_lastProgress = m_wallStart;

    const std::string times = []
    {
        std::string s;
        for (const char* c : TIME_COLUMNS)
        {
            s += std::string(", ") + c;
        }
        return s;
    }();
    bool ok =
        m_db.Prepare("INSERT INTO message (run, id, message_id, originator, transaction_id, size, "
                     "content_class, recipients, submitted, confirmed, status) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     m_insertMessage,
                     error)
        && m_db.Prepare("INSERT INTO delivery (run, message, message_id, recipient, size, "
                        "notifications, sms_segments, retrievals, final_state"
                            + times
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?, ?)",
                        m_insertDelivery,
                        error)
        && m_db.Prepare("INSERT INTO sms (run, reference, push_id, message_id, kind, destination, "
                        "octets, accepted, first_sent, delivered, attempts, final_state) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        m_insertSms,
                        error)
        && m_db.Prepare("INSERT INTO delivery_route (run, message_id, recipient, interface, "
                        "origin_operator, destination_operator) VALUES (?, ?, ?, ?, ?, ?)",
                        m_insertRoute,
                        error)
        && m_db.Prepare("INSERT INTO \"transaction\" (run, element, peer, type, transaction_id, "
                        "start, finish, request_bytes, response_bytes, status) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        m_insertTransaction,
                        error)
        && m_db.Prepare("INSERT INTO pdu (run, sender, receiver, kind, description, "
                        "transaction_id, octets, issued, sent, arrived) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        m_insertPdu,
                        error)
        && m_db.Prepare("INSERT INTO element_sample (run, time, element, queue, queue_max, busy, "
                        "stored_messages, stored_bytes, messages_in, bytes_in, messages_out, "
                        "bytes_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        m_insertElementSample,
                        error)
        && m_db.Prepare("INSERT INTO bearer_sample (run, time, cell, bearer, handsets, "
                        "downlink_utilisation, uplink_utilisation, downlink_busy, uplink_busy, "
                        "downlink_active, uplink_active, downlink_bytes, uplink_bytes, drops) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        m_insertBearerSample,
                        error);
    for (int i = 0; ok && i < DELIVERY_TIMES; ++i)
    {
        // ?1 time, ?2 1 = keep the latest (else the first), ?3 run, ?4 message id, ?5 number
        std::string c = TIME_COLUMNS[i];
        ok = m_db.Prepare("UPDATE delivery SET " + c + " = CASE WHEN ?2 OR " + c
                              + " IS NULL THEN ?1 ELSE " + c
                              + " END WHERE run = ?3 AND message_id = ?4 AND recipient = ?5",
                          m_updateDelivery[i],
                          error);
    }
    for (int i = 0; ok && i < 3; ++i)
    {
        std::string c = COUNT_COLUMNS[i];
        ok = m_db.Prepare("UPDATE delivery SET " + c + " = " + c
                              + " + 1 WHERE run = ?1 AND message_id = ?2 AND recipient = ?3",
                          m_countDelivery[i],
                          error);
    }
    if (!ok)
    {
        m_db.Close();
        return false;
    }
    NS_LOG_INFO("run " << m_runId << " in " << m_path);
    return true;
}

bool
MmsSqliteRecorder::IsOpen() const
{
    return m_db.IsOpen();
}

int64_t
MmsSqliteRecorder::GetRunId() const
{
    return m_runId;
}

std::string
MmsSqliteRecorder::GetPath() const
{
    return m_path;
}

uint64_t
MmsSqliteRecorder::GetRowsWritten() const
{
    return m_rows;
}

bool
MmsSqliteRecorder::WasInterrupted() const
{
    return m_interrupted;
}

bool
MmsSqliteRecorder::HasFailed() const
{
    return m_failed;
}

std::string
MmsSqliteRecorder::GetFailure() const
{
    return m_failureMessage;
}

uint64_t
MmsSqliteRecorder::GetRowsCommitted() const
{
    return m_rowsCommitted;
}

// ------------------------------------------------------------------------ connecting

void
MmsSqliteRecorder::SetSystemId(uint32_t systemId)
{
    m_systemId = systemId;
}

void
MmsSqliteRecorder::ConnectAll()
{
    NS_ABORT_MSG_UNLESS(m_db.IsOpen(), "MmsSqliteRecorder::ConnectAll before a successful Open");
    if (m_connected)
    {
        return;
    }
    m_connected = true;
    for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
    {
        Ptr<Node> node = NodeList::GetNode(n);
        if (node->GetSystemId() != m_systemId)
        {
            continue; // another rank records it
        }
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            Ptr<Application> app = node->GetApplication(a);
            if (auto ua = DynamicCast<MmsUserAgent>(app))
            {
                ConnectUserAgent(ua);
            }
            else if (auto relay = DynamicCast<MmsRelay>(app))
            {
                ConnectRelay(relay);
            }
            else if (auto server = DynamicCast<MmsServer>(app))
            {
                ConnectServer(server);
            }
            else if (auto ppg = DynamicCast<MmsWapPushProxyGateway>(app))
            {
                ConnectPpg(ppg);
            }
            else if (auto smsc = DynamicCast<MmsSmsc>(app))
            {
                ConnectSmsc(smsc);
            }
            else if (auto vasp = DynamicCast<MmsVasp>(app))
            {
                ConnectVasp(vasp);
            }
            else if (auto wapgw = DynamicCast<MmsWapGateway>(app))
            {
                // Its HTTP leg to the Relay (transaction rows) and its transport's counters.
                Element e;
                e.name = wapgw->GetElementName();
                AddElement(e, wapgw, nullptr);
            }
        }
    }
    for (uint32_t c = 0; c < ChannelList::GetNChannels(); ++c)
    {
        auto cell = DynamicCast<MmsRadioCellChannel>(ChannelList::GetChannel(c));
        if (cell
            && (cell->GetNDevices() == 0
                || cell->GetDevice(0)->GetNode()->GetSystemId() == m_systemId))
        {
            ConnectCell(cell);
        }
    }
    Commit(); // opens the first batch
    RecordAttributes();
    Commit();
    m_lastCommit = Simulator::Now();
    m_lastSample = Simulator::Now();
    Time period = std::min(m_flushInterval, Seconds(1));
    m_housekeeping = Simulator::Schedule(period, &MmsSqliteRecorder::Housekeeping, this);
    if (m_sampleInterval.IsStrictlyPositive())
    {
        m_sampling = Simulator::Schedule(m_sampleInterval, &MmsSqliteRecorder::Sample, this);
    }
    if (m_catchSignals)
    {
        g_signal = 0;

        struct sigaction sa
        {
        };

        sa.sa_handler = MmsRecorderSignalHandler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND; // a second signal acts as if we were not there
        sigaction(SIGINT, &sa, &m_previousSigint);
        sigaction(SIGTERM, &sa, &m_previousSigterm);
    }
}

void
MmsSqliteRecorder::ConnectUserAgent(Ptr<MmsUserAgent> ua)
{
    if (m_uaSinks.empty())
    {
        // Looked up once: a pool connects every User Agent it makes, thousands per second.
        auto add = [this](const char* source, void (MmsSqliteRecorder::*sink)(const MmsEvent&))
        {
            Ptr<const TraceSourceAccessor> accessor =
                MmsUserAgent::GetTypeId().LookupTraceSourceByName(source);
            NS_ABORT_MSG_IF(!accessor, "MmsUserAgent has no trace source " << source);
            m_uaSinks.emplace_back(accessor, MakeCallback(sink, this));
        };
        add("Submitted", &MmsSqliteRecorder::OnSubmitted);
        add("SubmitConfirmed", &MmsSqliteRecorder::OnSubmitConfirmed);
        add("Rejected", &MmsSqliteRecorder::OnSubmitRejected);
        add("Failed", &MmsSqliteRecorder::OnUaFailed);
        add("PushReceived", &MmsSqliteRecorder::OnPushReceived);
        add("NotifyRespSent", &MmsSqliteRecorder::OnNotifyRespSent);
        add("RetrievalStarted", &MmsSqliteRecorder::OnRetrievalStarted);
        add("RetrievalCompleted", &MmsSqliteRecorder::OnRetrievalCompleted);
        add("DeliveryReportReceived", &MmsSqliteRecorder::OnDeliveryReportReceived);
        add("ReadReportSent", &MmsSqliteRecorder::OnReadReportSent);
        add("ReadReportReceived", &MmsSqliteRecorder::OnReadReportReceived);
    }
    for (const auto& [accessor, sink] : m_uaSinks)
    {
        accessor->ConnectWithoutContext(PeekPointer(ua), sink);
    }
    if (m_recordTransactions || m_recordPdus)
    {
        Element e;
        e.name = ua->GetElementName();
        AddElement(e, ua, nullptr);
    }
}

void
MmsSqliteRecorder::ConnectVasp(Ptr<MmsVasp> vasp)
{
    vasp->TraceConnectWithoutContext("SubmitSent",
                                     MakeCallback(&MmsSqliteRecorder::OnVaspSubmitted, this));
    vasp->TraceConnectWithoutContext("SubmitAnswered",
                                     MakeCallback(&MmsSqliteRecorder::OnVaspAnswered, this));
}

void
MmsSqliteRecorder::ConnectPool(Ptr<MmsSubscriberPool> pool)
{
    pool->TraceConnectWithoutContext("UserAgentCreated",
                                     MakeCallback(&MmsSqliteRecorder::ConnectUserAgent, this));
    if (m_recordTransactions || m_recordPdus)
    {
        pool->TraceConnectWithoutContext(
            "HandsetCreated",
            MakeBoundCallback(&MmsSqliteRecorder::PoolHandsetSink, this, PeekPointer(pool)));
    }
}

void
MmsSqliteRecorder::PoolHandsetSink(MmsSqliteRecorder* r,
                                   MmsSubscriberPool* pool,
                                   uint32_t cell,
                                   uint32_t handset,
                                   Ptr<MmsTransport> transport)
{
    if (r->m_recordTransactions)
    {
        transport->TraceConnectWithoutContext(
            "Exchange",
            MakeBoundCallback(&MmsSqliteRecorder::PoolExchangeSink, r, pool, cell, handset));
    }
    auto sockets = DynamicCast<MmsSocketTransport>(transport);
    if (r->m_recordPdus && sockets)
    {
        r->GetLadderTracer()->Add(
            sockets, MakeBoundCallback(&MmsSqliteRecorder::PoolName, pool, cell, handset));
    }
}

std::string
MmsSqliteRecorder::PoolName(MmsSubscriberPool* pool, uint32_t cell, uint32_t handset)
{
    return "ua:" + pool->GetBoundMsisdn(cell, handset);
}

void
MmsSqliteRecorder::PoolExchangeSink(MmsSqliteRecorder* r,
                                    MmsSubscriberPool* pool,
                                    uint32_t cell,
                                    uint32_t handset,
                                    const MmsSocketTransport::Exchange& x)
{
    ExchangeSink(r, "ua:" + pool->GetBoundMsisdn(cell, handset), x);
}

void
MmsSqliteRecorder::ConnectRelay(Ptr<MmsRelay> relay)
{
    auto connect = [&](const char* source, void (MmsSqliteRecorder::*sink)(const MmsEvent&))
    {
        relay->TraceConnectWithoutContext(source, MakeCallback(sink, this));
    };
    connect("NotificationQueued", &MmsSqliteRecorder::OnNotificationQueued);
    connect("RetrieveServed", &MmsSqliteRecorder::OnRetrieveServed);
    connect("DeliveryReportSent", &MmsSqliteRecorder::OnDeliveryReportSent);
    for (const char* state : {"Retrieved", "Rejected", "Expired", "Failed", "Forwarded"})
    {
        std::string name = state;
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        relay->TraceConnectWithoutContext(
            state, MakeBoundCallback(&TerminalSink, this, name, PeekPointer(relay)));
    }
    relay->TraceConnectWithoutContext("StateTransition",
                                      MakeCallback(&MmsSqliteRecorder::OnStateTransition, this));
    // The Relay knows the Message-ID of a submission before its M-Send.conf reaches the UA.
    relay->TraceConnectWithoutContext("Accepted",
                                      MakeCallback(&MmsSqliteRecorder::OnRelayAccepted, this));
    Element e;
    e.kind = "relay";
    e.relay = relay;
    AddElement(e, relay, relay);
}

void
MmsSqliteRecorder::ConnectServer(Ptr<MmsServer> server)
{
    Element e;
    e.kind = "server";
    e.server = server;
    AddElement(e, server, nullptr);
}

void
MmsSqliteRecorder::ConnectPpg(Ptr<MmsWapPushProxyGateway> ppg)
{
    ppg->TraceConnectWithoutContext("PushSent", MakeCallback(&MmsSqliteRecorder::OnPushSent, this));
    Element e;
    e.kind = "ppg";
    e.ppg = ppg;
    AddElement(e, ppg, ppg);
}

void
MmsSqliteRecorder::ConnectSmsc(Ptr<MmsSmsc> smsc)
{
    auto connect = [&](const char* source, void (MmsSqliteRecorder::*sink)(const MmsEvent&))
    {
        smsc->TraceConnectWithoutContext(source, MakeCallback(sink, this));
    };
    connect("Accepted", &MmsSqliteRecorder::OnSmsAccepted);
    connect("SmsSent", &MmsSqliteRecorder::OnSmsSent);
    connect("SmsDelivered", &MmsSqliteRecorder::OnSmsDelivered);
    connect("SmsExpired", &MmsSqliteRecorder::OnSmsExpired);
    Element e;
    e.kind = "smsc";
    e.smsc = smsc;
    AddElement(e, smsc, smsc);
}

void
MmsSqliteRecorder::AddElement(Element e, Ptr<MmsApplication> app, Ptr<Object> queueSource)
{
    // A pooled User Agent has no transport of its own (its handsets' are connected by
    // ConnectPool).
    e.transport =
        app->HasTransport() ? DynamicCast<MmsSocketTransport>(app->GetTransport()) : nullptr;
    if (auto flow =
            app->HasTransport() ? DynamicCast<MmsFlowTransport>(app->GetTransport()) : nullptr)
    {
        // An element with flow-level cells: its flows' exchanges, and the counters of its
        // socket transport (packet-level cells and links).
        if (m_recordTransactions)
        {
            flow->TraceConnectWithoutContext(
                "Exchange", MakeBoundCallback(&ExchangeSink, this, app->GetElementName()));
        }
        e.transport = DynamicCast<MmsSocketTransport>(flow->GetPacketTransport());
    }
    if (e.transport)
    {
        e.last = e.transport->GetCounters();
        if (m_recordTransactions)
        {
            e.transport->TraceConnectWithoutContext(
                "Exchange", MakeBoundCallback(&ExchangeSink, this, app->GetElementName()));
        }
        if (m_recordPdus)
        {
            GetLadderTracer()->Add(e.transport, app->GetElementName());
        }
    }
    if (m_recordTransactions && DynamicCast<MmsUserAgent>(app))
    {
        // A WAP 1.x handset's leg to the WAP gateway (type "WSP ...").
        app->TraceConnectWithoutContext(
            "WspExchange", MakeBoundCallback(&ExchangeSink, this, app->GetElementName()));
    }
    if (e.name.compare(0, 3, "ua:") == 0)
    {
        return; // handsets are not sampled one by one
    }
    if (!e.kind.empty())
    {
        e.name = e.kind; // until NameElements finds others of its kind
    }
    e.own = app->GetElementName();
    if (queueSource)
    {
        e.hasQueue = true;
        queueSource->TraceConnectWithoutContext(
            "QueueLength",
            MakeBoundCallback(&QueueSink, this, static_cast<uint32_t>(m_elements.size())));
    }
    m_elements.push_back(e);
}

void
MmsSqliteRecorder::ConnectCell(Ptr<MmsRadioCellChannel> cell)
{
    Cell c;
    c.index = static_cast<uint32_t>(m_cells.size());
    c.channel = cell;
    for (int d = 0; d < 2; ++d)
    {
        auto s = cell->GetStatistics(static_cast<MmsRadioCellChannel::Direction>(d));
        c.lastBits[d] = s.servedBits;
        c.lastBusy[d] = s.busyTime;
        c.lastBytes[d] = s.bytes;
        c.lastDrops[d] = s.drops;
    }
    m_cells.push_back(c);
}

// ------------------------------------------------------------------------ messages

void
MmsSqliteRecorder::OnSubmitted(const MmsEvent& e)
{
    MessageRecord m;
    m.row = m_nextMessageRow++;
    m.originator = e.element.compare(0, 3, "ua:") == 0 ? e.element.substr(3) : e.element;
    m.transactionId = e.transactionId;
    m.contentClass = e.detail;
    m.size = e.bytes;
    m.recipients =
        e.recipient.empty()
            ? 0
            : 1 + static_cast<uint32_t>(std::count(e.recipient.begin(), e.recipient.end(), ','));
    m.submitted = NowSeconds();
    m_messagesSubmitted++;
    m_openMessages[e.transactionId] = m;
}

void
MmsSqliteRecorder::OnVaspSubmitted(const MmsEvent& e)
{
    // An MM7_submit.REQ (detail: its count of recipients); the Relay's M-Send.req of it
    // carries the same TransactionID, so OnRelayAccepted joins its Message-ID.
    MessageRecord m;
    m.row = m_nextMessageRow++;
    m.originator = e.element;
    m.transactionId = e.transactionId;
    m.size = e.bytes;
    m.recipients = static_cast<uint32_t>(std::strtoul(e.detail.c_str(), nullptr, 10));
    m.submitted = NowSeconds();
    m_messagesSubmitted++;
    m_openMessages[e.transactionId] = m;
}

void
MmsSqliteRecorder::OnVaspAnswered(const MmsEvent& e)
{
    auto it = m_openMessages.find(e.transactionId);
    if (it == m_openMessages.end())
    {
        return;
    }
    MessageRecord& m = it->second;
    m.confirmed = NowSeconds();
    m.messageId = e.messageId;
    m.status = e.messageId.empty() ? "MM7 " + e.detail : "Ok";
    WriteMessage(m);
    m_openMessages.erase(it);
}

void
MmsSqliteRecorder::OnRelayAccepted(const MmsEvent& e)
{
    DropEndedMessages();
    // The Message-ID is known from here on, even if the M-Send.conf never reaches the UA.
    auto it = m_openMessages.find(e.transactionId);
    if (it != m_openMessages.end())
    {
        it->second.messageId = e.messageId;
        m_messageRows[e.messageId].row = it->second.row;
        // Its deliveries begin in this event; a message without any is dropped after it.
        MessageMayHaveEnded(e.messageId);
    }
}

void
MmsSqliteRecorder::OnSubmitConfirmed(const MmsEvent& e)
{
    auto it = m_openMessages.find(e.transactionId);
    if (it == m_openMessages.end())
    {
        return;
    }
    MessageRecord& m = it->second;
    // The Message-ID's row id comes from OnRelayAccepted: only deliveries need it, and they
    // are recorded where the Relay is (it may have ended them all before this answer arrived).
    m.messageId = e.messageId;
    m.confirmed = NowSeconds();
    m.status = "Ok";
    WriteMessage(m);
    m_openMessages.erase(it);
}

void
MmsSqliteRecorder::OnSubmitRejected(const MmsEvent& e)
{
    auto it = m_openMessages.find(e.transactionId);
    if (it == m_openMessages.end())
    {
        return;
    }
    it->second.confirmed = NowSeconds();
    it->second.status = e.detail;
    WriteMessage(it->second);
    m_openMessages.erase(it);
}

void
MmsSqliteRecorder::OnUaFailed(const MmsEvent& e)
{
    if (!e.recipient.empty())
    {
        return; // a retrieval or report the UA gave up: the Relay's states tell the delivery
    }
    auto it = m_openMessages.find(e.transactionId);
    if (it == m_openMessages.end())
    {
        return;
    }
    it->second.status = "failed: " + e.detail;
    WriteMessage(it->second);
    m_openMessages.erase(it);
}

void
MmsSqliteRecorder::WriteMessage(const MessageRecord& m)
{
    if (!Writable())
    {
        return;
    }
    MmsSqliteStatement& s = m_insertMessage;
    s.BindInt(1, m_runId);
    s.BindInt(2, m.row);
    s.BindTextOrNull(3, m.messageId);
    s.BindText(4, m.originator);
    s.BindText(5, m.transactionId);
    s.BindInt(6, static_cast<int64_t>(m.size));
    s.BindTextOrNull(7, m.contentClass);
    s.BindInt(8, m.recipients);
    s.BindDouble(9, m.submitted);
    s.BindTime(10, m.confirmed);
    s.BindTextOrNull(11, m.status);
    if (!s.Run())
    {
        Fail("writing a message row", s.GetError());
        return;
    }
    RowWritten();
}

// ------------------------------------------------------------------------ deliveries

MmsSqliteRecorder::DeliveryRecord&
MmsSqliteRecorder::Delivery(const std::string& messageId, const std::string& recipient)
{
    DropEndedMessages();
    std::string number = Number(recipient);
    auto [it, created] = m_deliveries.try_emplace(Key(messageId, number));
    if (created)
    {
        it->second.messageId = messageId;
        it->second.recipient = number;
        auto row = m_messageRows.find(messageId);
        if (row != m_messageRows.end())
        {
            row->second.open++;
        }
    }
    return it->second;
}

void
MmsSqliteRecorder::MessageMayHaveEnded(const std::string& messageId)
{
    DropEndedMessages();
    // Dropped after the current event (by the first look at the rows in a later one): the
    // Relay begins all the deliveries of a message in one event, and one may end (a recipient
    // that is not a subscriber) before the next begins. No event of its own for this.
    m_messagesEnded.push_back(messageId);
    m_endedInEvent = Simulator::GetEventCount();
}

void
MmsSqliteRecorder::DropEndedMessages()
{
    if (m_messagesEnded.empty() || Simulator::GetEventCount() == m_endedInEvent)
    {
        return; // nothing ended, or it ended in this event
    }
    for (const auto& id : m_messagesEnded)
    {
        auto it = m_messageRows.find(id);
        if (it != m_messageRows.end() && it->second.open == 0)
        {
            m_messageRows.erase(it);
        }
    }
    m_messagesEnded.clear();
}

MmsSqliteRecorder::OpenCounts
MmsSqliteRecorder::GetOpenCounts() const
{
    OpenCounts c;
    c.submissions = m_openMessages.size();
    c.deliveries = m_deliveries.size();
    c.sms = m_sms.size();
    c.messageRows = CountMessageRows();
    return c;
}

uint64_t
MmsSqliteRecorder::GetTrackedMessages() const
{
    return CountMessageRows();
}

std::size_t
MmsSqliteRecorder::CountMessageRows() const
{
    std::size_t n = m_messageRows.size();
    if (m_messagesEnded.empty() || Simulator::GetEventCount() == m_endedInEvent)
    {
        return n;
    }
    // Without those DropEndedMessages() would drop at the next look.
    std::unordered_set<std::string> gone;
    for (const auto& id : m_messagesEnded)
    {
        auto it = m_messageRows.find(id);
        if (it != m_messageRows.end() && it->second.open == 0 && gone.insert(id).second)
        {
            n--;
        }
    }
    return n;
}

void
MmsSqliteRecorder::SetTime(const std::string& messageId,
                           const std::string& recipient,
                           DeliveryTime which,
                           bool last)
{
    std::string number = Number(recipient);
    auto it = m_deliveries.find(Key(messageId, number));
    if (it != m_deliveries.end())
    {
        double& t = it->second.times[which];
        if (last || t < 0)
        {
            t = NowSeconds();
        }
        return;
    }
    // Written already (or never seen): set it in the file.
    if (!Writable())
    {
        return;
    }
    MmsSqliteStatement& s = m_updateDelivery[which];
    s.BindDouble(1, NowSeconds());
    s.BindInt(2, last ? 1 : 0);
    s.BindInt(3, m_runId);
    s.BindText(4, messageId);
    s.BindText(5, number);
    if (!s.Run())
    {
        Fail("updating a delivery row", s.GetError());
    }
}

void
MmsSqliteRecorder::Count(const std::string& messageId, const std::string& recipient, int which)
{
    std::string number = Number(recipient);
    auto it = m_deliveries.find(Key(messageId, number));
    if (it != m_deliveries.end())
    {
        uint32_t* counts[] = {
            &it->second.notifications, &it->second.smsSegments, &it->second.retrievals};
        ++*counts[which];
        return;
    }
    if (!Writable())
    {
        return;
    }
    MmsSqliteStatement& s = m_countDelivery[which];
    s.BindInt(1, m_runId);
    s.BindText(2, messageId);
    s.BindText(3, number);
    if (!s.Run())
    {
        Fail("updating a delivery row", s.GetError());
    }
}

void
MmsSqliteRecorder::OnNotificationQueued(const MmsEvent& e)
{
    Delivery(e.messageId, e.recipient);
    SetTime(e.messageId, e.recipient, NOTIFICATION_QUEUED, false);
    Count(e.messageId, e.recipient, 0);
}

void
MmsSqliteRecorder::OnStateTransition(const std::string& messageId,
                                     const std::string& recipient,
                                     MmsRelay::RecipientState,
                                     MmsRelay::RecipientState to)
{
    if (MmsRelay::IsTerminal(to))
    {
        return; // the terminal trace that follows writes the row
    }
    std::string name = MmsRelay::StateName(to);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    Delivery(messageId, recipient).state = name;
}

void
MmsSqliteRecorder::OnPushSent(const MmsEvent& e)
{
    if (PushKind(e.transactionId) == "notification")
    {
        auto it = m_deliveries.find(Key(e.messageId, Number(e.recipient)));
        if (it != m_deliveries.end())
        {
            SetTime(e.messageId, e.recipient, PUSH_SENT, false);
        }
    }
}

void
MmsSqliteRecorder::OnPushReceived(const MmsEvent& e)
{
    if (e.detail == "M-Notification.ind")
    {
        SetTime(e.messageId, e.recipient, PUSH_RECEIVED, false);
    }
}

void
MmsSqliteRecorder::OnNotifyRespSent(const MmsEvent& e)
{
    SetTime(e.messageId, e.recipient, NOTIFY_RESP_SENT, false);
}

void
MmsSqliteRecorder::OnRetrievalStarted(const MmsEvent& e)
{
    SetTime(e.messageId, e.recipient, RETRIEVAL_STARTED, false);
}

void
MmsSqliteRecorder::OnRetrievalCompleted(const MmsEvent& e)
{
    SetTime(e.messageId, e.recipient, RETRIEVAL_COMPLETED, false);
}

void
MmsSqliteRecorder::OnRetrieveServed(const MmsEvent& e)
{
    Count(e.messageId, e.recipient, 2);
}

void
MmsSqliteRecorder::OnDeliveryReportSent(const MmsEvent& e)
{
    SetTime(e.messageId, e.recipient, DELIVERY_REPORT_SENT, true);
}

void
MmsSqliteRecorder::OnDeliveryReportReceived(const MmsEvent& e)
{
    SetTime(e.messageId, e.recipient, DELIVERY_REPORT_RECEIVED, true);
}

void
MmsSqliteRecorder::OnReadReportSent(const MmsEvent& e)
{
    SetTime(e.messageId, e.recipient, READ_REPORT_SENT, false);
}

void
MmsSqliteRecorder::OnReadReportReceived(const MmsEvent& e)
{
    SetTime(e.messageId, e.recipient, READ_REPORT_RECEIVED, false);
}

void
MmsSqliteRecorder::TerminalSink(MmsSqliteRecorder* r,
                                std::string state,
                                MmsRelay* relay,
                                const MmsEvent& e)
{
    r->OnTerminal(state, e, relay);
}

void
MmsSqliteRecorder::WriteRoute(const std::string& state, const MmsEvent& e, MmsRelay* relay)
{
    // Runs with operators (the Relay's MM4 agent on) and deliveries over MM3 (e-mail): which
    // interface the delivery took and between which operators (none for the e-mail side).
    Ptr<MmsRelayMm4Agent> mm4 = relay ? relay->GetMm4() : nullptr;
    if (!mm4 || !Writable())
    {
        return;
    }
    const bool mm3Out = MmsRelayMm4Agent::IsEmailAddress(e.recipient);
    const bool mm3In = relay->IsFromMm3(e.messageId);
    if (!mm4->IsEnabled() && !mm3Out && !mm3In)
    {
        return;
    }
    const std::string own = mm4->GetOperator();
    std::string origin = own;
    std::string destination = mm4->FindOperator(e.recipient);
    const std::string from = relay->GetOriginOperator(e.messageId);
    std::string interface;
    if (mm3Out || mm3In)
    {
        interface = "MM3"; // the e-mail side is named "e-mail" in place of an operator
        origin = mm3In ? "e-mail" : own;
        destination = mm3In ? own : "e-mail";
    }
    else if (state == "forwarded")
    {
        destination = e.detail; // the peer that accepted it
    }
    else if (!from.empty())
    {
        origin = from; // received over MM4
        destination = own;
    }
    if (interface.empty())
    {
        interface = origin != destination && !destination.empty() ? "MM4" : "MM1";
    }
    MmsSqliteStatement& s = m_insertRoute;
    s.BindInt(1, m_runId);
    s.BindText(2, e.messageId);
    s.BindText(3, Number(e.recipient));
    s.BindText(4, interface);
    s.BindTextOrNull(5, origin);
    s.BindTextOrNull(6, destination);
    if (!s.Run())
    {
        Fail("writing a delivery_route row", s.GetError());
        return;
    }
    RowWritten();
}

void
MmsSqliteRecorder::OnTerminal(const std::string& state, const MmsEvent& e, MmsRelay* relay)
{
    DropEndedMessages();
    WriteRoute(state, e, relay);
    DeliveryRecord& d = Delivery(e.messageId, e.recipient);
    // An off-net pair: the receiving Relay's row is recorded against the originating message,
    // kept here until both Relays have ended the pair (when both record into this file).
    auto balance = [this](std::unordered_map<std::string, ForwardedRow>::iterator f, int64_t by)
    {
        f->second.balance += by;
        if (f->second.balance == 0)
        {
            m_forwardedRows.erase(f);
        }
    };
    if (state == "forwarded")
    {
        auto row = m_messageRows.find(e.messageId);
        auto f = m_forwardedRows.find(e.messageId);
        if (row != m_messageRows.end() || f != m_forwardedRows.end())
        {
            f = m_forwardedRows.try_emplace(e.messageId).first;
            if (row != m_messageRows.end())
            {
                f->second.row = row->second.row;
            }
            balance(f, 1);
        }
    }
    else if (const std::string origin = relay ? relay->GetOriginMessageId(e.messageId) : "";
             !origin.empty())
    {
        auto row = m_messageRows.find(origin);
        auto f = m_forwardedRows.find(origin);
        if (row != m_messageRows.end() || f != m_forwardedRows.end())
        {
            f = m_forwardedRows.try_emplace(origin).first;
            d.originRow = row != m_messageRows.end() ? row->second.row : f->second.row;
            balance(f, -1);
        }
    }
    d.state = state;
    d.size = e.bytes;
    d.haveSize = true;
    d.times[ENDED] = NowSeconds();
    if (state == "retrieved")
    {
        d.times[ACKNOWLEDGED] = NowSeconds();
    }
    DeliveryRecord done = d;
    m_deliveries.erase(Key(e.messageId, Number(e.recipient)));
    m_deliveriesClosed++;
    WriteDelivery(done);
    auto row = m_messageRows.find(e.messageId);
    if (row != m_messageRows.end() && row->second.open > 0 && --row->second.open == 0)
    {
        MessageMayHaveEnded(e.messageId);
    }
}

void
MmsSqliteRecorder::WriteDelivery(const DeliveryRecord& d)
{
    DropEndedMessages();
    if (!Writable())
    {
        return;
    }
    MmsSqliteStatement& s = m_insertDelivery;
    s.BindInt(1, m_runId);
    auto row = m_messageRows.find(d.messageId);
    if (row != m_messageRows.end())
    {
        s.BindInt(2, row->second.row);
    }
    else if (d.originRow >= 0)
    {
        s.BindInt(2, d.originRow); // received over MM4: the originating message
    }
    else
    {
        s.BindNull(2);
    }
    s.BindText(3, d.messageId);
    s.BindText(4, d.recipient);
    if (d.haveSize)
    {
        s.BindInt(5, static_cast<int64_t>(d.size));
    }
    else
    {
        s.BindNull(5);
    }
    s.BindInt(6, d.notifications);
    s.BindInt(7, d.smsSegments);
    s.BindInt(8, d.retrievals);
    s.BindText(9, d.state);
    for (int i = 0; i < DELIVERY_TIMES; ++i)
    {
        s.BindTime(10 + i, d.times[i]);
    }
    if (!s.Run())
    {
        Fail("writing a delivery row", s.GetError());
        return;
    }
    RowWritten();
}

// ------------------------------------------------------------------------ SMS

void
MmsSqliteRecorder::OnSmsAccepted(const MmsEvent& e)
{
    SmsRecord s;
    s.reference = e.detail;
    s.pushId = e.transactionId;
    s.messageId = e.messageId;
    s.kind = PushKind(e.transactionId);
    s.destination = Number(e.recipient);
    s.octets = e.bytes;
    s.accepted = NowSeconds();
    if (s.kind == "notification")
    {
        Count(s.messageId, s.destination, 1);
    }
    m_sms[s.reference] = s;
}

void
MmsSqliteRecorder::OnSmsSent(const MmsEvent& e)
{
    auto it = m_sms.find(FirstWord(e.detail));
    if (it == m_sms.end())
    {
        return;
    }
    it->second.attempts++;
    if (it->second.firstSent < 0)
    {
        it->second.firstSent = NowSeconds();
    }
}

void
MmsSqliteRecorder::OnSmsDelivered(const MmsEvent& e)
{
    auto it = m_sms.find(FirstWord(e.detail));
    if (it == m_sms.end())
    {
        return;
    }
    SmsRecord s = it->second;
    m_sms.erase(it);
    s.delivered = NowSeconds();
    if (s.kind == "notification")
    {
        SetTime(s.messageId, s.destination, SMS_FIRST_DELIVERED, false);
        SetTime(s.messageId, s.destination, SMS_LAST_DELIVERED, true);
    }
    WriteSms(s, "delivered");
}

void
MmsSqliteRecorder::OnSmsExpired(const MmsEvent& e)
{
    auto it = m_sms.find(FirstWord(e.detail));
    if (it == m_sms.end())
    {
        return;
    }
    SmsRecord s = it->second;
    m_sms.erase(it);
    WriteSms(s, "expired");
}

void
MmsSqliteRecorder::WriteSms(const SmsRecord& r, const std::string& state)
{
    if (!Writable())
    {
        return;
    }
    MmsSqliteStatement& s = m_insertSms;
    s.BindInt(1, m_runId);
    s.BindText(2, r.reference);
    s.BindTextOrNull(3, r.pushId);
    s.BindTextOrNull(4, r.messageId);
    s.BindText(5, r.kind);
    s.BindText(6, r.destination);
    s.BindInt(7, static_cast<int64_t>(r.octets));
    s.BindDouble(8, r.accepted);
    s.BindTime(9, r.firstSent);
    s.BindTime(10, r.delivered);
    s.BindInt(11, r.attempts);
    s.BindText(12, state);
    if (!s.Run())
    {
        Fail("writing an sms row", s.GetError());
        return;
    }
    RowWritten();
}

// ------------------------------------------------------------------------ exchanges, samples

void
MmsSqliteRecorder::ExchangeSink(MmsSqliteRecorder* r,
                                std::string element,
                                const MmsSocketTransport::Exchange& x)
{
    if (!r->Writable())
    {
        return;
    }
    std::string peer;
    if (InetSocketAddress::IsMatchingType(x.peer))
    {
        std::ostringstream os;
        InetSocketAddress a = InetSocketAddress::ConvertFrom(x.peer);
        os << a.GetIpv4() << ":" << a.GetPort();
        peer = os.str();
    }
    MmsSqliteStatement& s = r->m_insertTransaction;
    s.BindInt(1, r->m_runId);
    s.BindText(2, element);
    s.BindText(3, peer);
    s.BindText(4, x.type);
    s.BindTextOrNull(5, x.transactionId);
    s.BindDouble(6, x.start.GetSeconds());
    s.BindDouble(7, x.finish.GetSeconds());
    s.BindInt(8, static_cast<int64_t>(x.requestBytes));
    s.BindInt(9, static_cast<int64_t>(x.responseBytes));
    s.BindText(10, x.status);
    if (!s.Run())
    {
        r->Fail("writing a transaction row", s.GetError());
        return;
    }
    r->RowWritten();
}

Ptr<MmsLadderTracer>
MmsSqliteRecorder::GetLadderTracer()
{
    if (!m_ladderTracer)
    {
        m_ladderTracer = CreateObject<MmsLadderTracer>();
        m_ladderTracer->TraceConnectWithoutContext("Pdu",
                                                   MakeCallback(&MmsSqliteRecorder::OnPdu, this));
    }
    return m_ladderTracer;
}

void
MmsSqliteRecorder::OnPdu(const MmsLadderTracer::Pdu& p)
{
    if (!Writable())
    {
        return;
    }
    MmsSqliteStatement& s = m_insertPdu;
    s.BindInt(1, m_runId);
    s.BindText(2, p.sender);
    s.BindText(3, p.receiver);
    s.BindText(4, p.kind);
    s.BindText(5, p.description);
    s.BindTextOrNull(6, p.transactionId);
    s.BindInt(7, static_cast<int64_t>(p.octets));
    s.BindDouble(8, p.issued.GetSeconds());
    s.BindDouble(9, p.sent.GetSeconds());
    s.BindTime(10, p.arrived.IsNegative() ? -1.0 : p.arrived.GetSeconds());
    if (!s.Run())
    {
        Fail("writing a pdu row", s.GetError());
    }
    RowWritten();
}

void
MmsSqliteRecorder::QueueSink(MmsSqliteRecorder* r, uint32_t element, uint32_t, uint32_t to)
{
    Element& e = r->m_elements[element];
    e.queueMax = std::max(e.queueMax, to);
}

void
MmsSqliteRecorder::NameElements()
{
    // One element of a kind keeps the kind as its name (what queries by element = 'relay'
    // expect). Several (an operator of several MMSC sites, two operators over MM4) each get
    // "kind:name", as User Agents are "ua:number"; names given twice get "#k" by the order in
    // which the elements were connected, so that no two series share a name.
    std::map<std::string, std::vector<Element*>> byKind;
    for (Element& e : m_elements)
    {
        if (!e.kind.empty())
        {
            byKind[e.kind].push_back(&e);
        }
    }
    for (auto& [kind, elements] : byKind)
    {
        if (elements.size() < 2)
        {
            continue;
        }
        std::map<std::string, uint32_t> uses;
        for (const Element* e : elements)
        {
            uses[e->own]++;
        }
        std::map<std::string, uint32_t> seen;
        for (Element* e : elements)
        {
            e->name = kind + ":" + e->own;
            if (uses[e->own] > 1)
            {
                e->name += "#" + std::to_string(++seen[e->own]);
            }
        }
    }
    m_elementsNamed = true;
}

void
MmsSqliteRecorder::Sample()
{
    if (!Writable())
    {
        return;
    }
    if (!m_elementsNamed)
    {
        NameElements();
    }
    double interval = (Simulator::Now() - m_lastSample).GetSeconds();
    m_lastSample = Simulator::Now();
    for (Element& e : m_elements)
    {
        if (!Writable())
        {
            return; // a commit of a full batch failed
        }
        MmsSqliteStatement& s = m_insertElementSample;
        s.BindInt(1, m_runId);
        s.BindDouble(2, NowSeconds());
        s.BindText(3, e.name);
        uint32_t queue = e.relay  ? e.relay->GetQueueLength()
                         : e.ppg  ? e.ppg->GetQueueLength()
                         : e.smsc ? e.smsc->GetQueueLength()
                                  : 0;
        if (e.hasQueue)
        {
            s.BindInt(4, queue);
            s.BindInt(5, std::max(e.queueMax, queue));
        }
        else
        {
            s.BindNull(4);
            s.BindNull(5);
        }
        e.queueMax = queue;
        if (e.relay)
        {
            s.BindInt(6, e.relay->GetBusyWorkers());
        }
        else
        {
            s.BindNull(6);
        }
        if (e.server)
        {
            s.BindInt(7, static_cast<int64_t>(e.server->GetStoredMessages()));
            s.BindInt(8, static_cast<int64_t>(e.server->GetStoredBytes()));
        }
        else if (e.smsc || e.ppg)
        {
            s.BindInt(7,
                      static_cast<int64_t>(e.smsc ? e.smsc->GetStoredCount()
                                                  : e.ppg->GetPendingPushes()));
            s.BindNull(8);
        }
        else
        {
            s.BindNull(7);
            s.BindNull(8);
        }
        MmsSocketTransport::Counters now;
        if (e.transport)
        {
            now = e.transport->GetCounters();
        }
        s.BindInt(9, static_cast<int64_t>(now.messagesIn - e.last.messagesIn));
        s.BindInt(10, static_cast<int64_t>(now.bytesIn - e.last.bytesIn));
        s.BindInt(11, static_cast<int64_t>(now.messagesOut - e.last.messagesOut));
        s.BindInt(12, static_cast<int64_t>(now.bytesOut - e.last.bytesOut));
        e.last = now;
        if (!s.Run())
        {
            Fail("writing an element_sample row", s.GetError());
            return;
        }
        RowWritten();
    }
    for (Cell& c : m_cells)
    {
        if (!Writable())
        {
            return;
        }
        MmsSqliteStatement& s = m_insertBearerSample;
        s.BindInt(1, m_runId);
        s.BindDouble(2, NowSeconds());
        s.BindInt(3, c.index);
        s.BindText(4, c.channel->GetCellProfileName());
        s.BindInt(5, c.channel->GetNHandsets());
        uint64_t drops = 0;
        for (int d = 0; d < 2; ++d)
        {
            auto st = c.channel->GetStatistics(static_cast<MmsRadioCellChannel::Direction>(d));
            double capacity = st.capacity > 0 ? st.capacity : 1;
            double utilisation =
                interval > 0 ? (st.servedBits - c.lastBits[d]) / (capacity * interval) : 0;
            double busy = interval > 0 ? (st.busyTime - c.lastBusy[d]).GetSeconds() / interval : 0;
            s.BindDouble(6 + d, utilisation);
            s.BindDouble(8 + d, busy);
            s.BindInt(10 + d, st.backlogged);
            s.BindInt(12 + d, static_cast<int64_t>(st.bytes - c.lastBytes[d]));
            drops += st.drops - c.lastDrops[d];
            c.lastBits[d] = st.servedBits;
            c.lastBusy[d] = st.busyTime;
            c.lastBytes[d] = st.bytes;
            c.lastDrops[d] = st.drops;
        }
        s.BindInt(14, static_cast<int64_t>(drops));
        if (!s.Run())
        {
            Fail("writing a bearer_sample row", s.GetError());
            return;
        }
        RowWritten();
    }
    if (!m_closed)
    {
        m_sampling = Simulator::Schedule(m_sampleInterval, &MmsSqliteRecorder::Sample, this);
    }
}

// ------------------------------------------------------------------------ batching

void
MmsSqliteRecorder::RowWritten()
{
    if (g_signal != 0 && !m_interrupted)
    {
        Interrupted();
    }
    m_rows++;
    if (++m_rowsSinceCommit >= m_flushRows)
    {
        Commit();
    }
}

void
MmsSqliteRecorder::Commit(bool last)
{
    if (!m_db.IsOpen() || m_failed)
    {
        return;
    }
    std::string error;
    if (!m_db.Commit(error))
    {
        Fail("committing a batch", m_db.LastError());
        return;
    }
    m_rowsSinceCommit = 0;
    m_rowsCommitted = m_rows;
    m_lastCommit = Simulator::Now();
    m_committedTrace(m_rows);
    // Rows accumulate in the next transaction until a commit (also while Close writes what is
    // still open, which may be more rows than a batch).
    if (!last && !m_db.Begin(error))
    {
        Fail("starting a batch", m_db.LastError());
    }
}

bool
MmsSqliteRecorder::Writable() const
{
    // Rows are written only inside a batch: never one that commits by itself.
    return m_db.IsOpen() && !m_failed && m_db.InTransaction();
}

void
MmsSqliteRecorder::Fail(const std::string& doing, const std::string& reason)
{
    if (m_failed)
    {
        return;
    }
    m_failed = true;
    m_diskFull = m_db.LastErrorIsDiskFull(); // before anything else talks to SQLite
    std::ostringstream os;
    os << "\"" << reason << "\" " << doing << " at " << NowSeconds() << " s simulated";
    m_failure = os.str();
    // Nothing more is written: the open batch is rolled back whole (SQLite may have undone
    // only the failed statement), so that the file holds exactly the committed batches.
    std::string error;
    m_db.Rollback(error);
    Simulator::Stop();
}

void
MmsSqliteRecorder::Interrupted()
{
    m_interrupted = true;
    std::cerr << "MmsSqliteRecorder: signal " << static_cast<int>(g_signal) << ": stopping at "
              << NowSeconds() << " s; the run will be marked aborted\n";
    Simulator::Stop();
}

void
MmsSqliteRecorder::Housekeeping()
{
    if (m_failed)
    {
        Simulator::Stop(); // a write failed before the simulation ran (Run() forgets a Stop())
        return;
    }
    if (g_signal != 0 && !m_interrupted)
    {
        Interrupted();
        return;
    }
    if (Simulator::Now() - m_lastCommit >= m_flushInterval)
    {
        Commit();
    }
    if (m_progressInterval.IsStrictlyPositive())
    {
        auto now = std::chrono::steady_clock::now();
        double sinceLast = std::chrono::duration<double>(now - m_lastProgress).count();
        if (sinceLast >= m_progressInterval.GetSeconds())
        {
            m_lastProgress = now;
            double wall = std::chrono::duration<double>(now - m_wallStart).count();
            std::clog << "[mms] " << std::fixed << std::setprecision(1) << NowSeconds()
                      << " s simulated in " << wall << " s (" << std::setprecision(2)
                      << (wall > 0 ? NowSeconds() / wall : 0)
                      << "x real time): " << m_messagesSubmitted << " messages, "
                      << m_deliveriesClosed << " deliveries done, " << m_deliveries.size()
                      << " open, " << m_rows << " rows" << std::endl;
        }
    }
    Time period = std::min(m_flushInterval, Seconds(1));
    m_housekeeping = Simulator::Schedule(period, &MmsSqliteRecorder::Housekeeping, this);
}

// ------------------------------------------------------------------------ metadata

void
MmsSqliteRecorder::RecordAttributes()
{
    MmsSqliteStatement s;
    std::string error;
    if (!m_db.Prepare("INSERT INTO run_attribute (run, scope, name, value, default_value, "
                      "objects) VALUES (?, ?, ?, ?, ?, ?)",
                      s,
                      error))
    {
        Fail("preparing the run_attribute rows", error);
        return;
    }
    std::vector<MmsRunMetadata::Row> rows = MmsRunMetadata::Collect();
    rows.insert(rows.end(), m_extraAttributes.begin(), m_extraAttributes.end());
    for (const MmsRunMetadata::Row& r : rows)
    {
        s.BindInt(1, m_runId);
        s.BindText(2, r.scope);
        s.BindText(3, r.name);
        s.BindText(4, r.value);
        s.BindTextOrNull(5, r.defaultValue);
        if (r.objects > 0)
        {
            s.BindInt(6, r.objects);
        }
        else
        {
            s.BindNull(6);
        }
        if (!s.Run())
        {
            Fail("writing a run_attribute row", s.GetError());
            return;
        }
    }
}

// ------------------------------------------------------------------------ closing

void
MmsSqliteRecorder::Close()
{
    OpenRecorders().erase(this);
    if (m_closed || !m_db.IsOpen())
    {
        m_closed = true;
        return;
    }
    m_housekeeping.Cancel();
    m_sampling.Cancel();
    // No last sample at exit: the elements it reads may be disposed of by then.
    if (m_connected && !m_exited && m_sampleInterval.IsStrictlyPositive()
        && Simulator::Now() > m_lastSample)
    {
        m_closed = true; // no reschedule
        Sample();
    }
    m_closed = true;
    // What is still open at the end, with its state (nothing after a write error: the file
    // keeps the committed batches only).
    WriteOpenRecords();
    m_openMessages.clear();
    m_deliveries.clear();
    m_sms.clear();
    m_messageRows.clear();
    m_forwardedRows.clear();
    m_messagesEnded.clear();
    if (Writable())
    {
        std::string error;
        if (!m_db.Exec(MmsResultsSchema::GetCloseSql(), error))
        {
            Fail("indexing the samples", m_db.LastError());
        }
    }
    Commit(true);

    if (m_catchSignals && m_connected)
    {
        sigaction(SIGINT, &m_previousSigint, nullptr);
        sigaction(SIGTERM, &m_previousSigterm, nullptr);
    }
    std::string status = "complete";
    std::string note;
    if (m_interrupted)
    {
        status = "aborted";
        note = "stopped by signal " + std::to_string(static_cast<int>(g_signal));
    }
    else if (m_exited)
    {
        status = "aborted";
        note = "the program exited before the end of the run (see its standard error)";
    }
    std::string kept;
    if (m_failed)
    {
        std::ostringstream os;
        os << (m_diskFull ? "the disk is full" : "a write failed") << " (" << m_failure
           << "); the simulation stopped there";
        m_failureMessage = os.str();
        os.str("");
        os << "the " << m_rowsCommitted << " rows committed up to " << m_lastCommit.GetSeconds()
           << " s simulated (the rows written after that commit were rolled back)";
        kept = os.str();
        status = "aborted";
        note = "write error: " + m_failureMessage + "; the file keeps " + kept;
    }
    // A small transaction of its own (the batches are committed or rolled back by now).
    std::string error;
    bool marked = false;
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wallStart).count();
    MmsSqliteStatement s;
    if (m_db.Prepare("UPDATE run SET status = ?, ended = ?, wall_seconds = ?, "
                     "simulated_seconds = ?, note = ? WHERE id = ?",
                     s,
                     error))
    {
        s.BindText(1, status);
        s.BindText(2, UtcNow());
        s.BindDouble(3, wall);
        s.BindDouble(4, NowSeconds());
        s.BindTextOrNull(5, note);
        s.BindInt(6, m_runId);
        marked = s.Run();
        error = s.GetError();
    }
    if (!marked && !m_failed)
    {
        std::cerr << "MmsSqliteRecorder: results file '" << m_path << "': cannot mark run "
                  << m_runId << " " << status << ": " << error << "\n";
    }
    for (auto& st : m_updateDelivery)
    {
        st.Finalize();
    }
    for (auto& st : m_countDelivery)
    {
        st.Finalize();
    }
    m_insertMessage.Finalize();
    m_insertDelivery.Finalize();
    m_insertSms.Finalize();
    m_insertRoute.Finalize();
    m_insertTransaction.Finalize();
    m_insertPdu.Finalize();
    m_insertElementSample.Finalize();
    m_insertBearerSample.Finalize();
    s.Finalize();
    // Fold the WAL into the main file so that the file can be copied alone (on a full disk
    // this fails: the WAL stays, and SQLite reads it with the file).
    std::string ignored;
    m_db.Exec("PRAGMA wal_checkpoint(TRUNCATE)", ignored);
    m_db.Close();
    if (m_failed)
    {
        std::ostringstream os;
        os << "results file '" << m_path << "': " << m_failureMessage << "; run " << m_runId;
        if (marked)
        {
            os << " is marked aborted and keeps " << kept;
        }
        else
        {
            os << " could not be marked aborted (" << error << ") and is left 'running'; it keeps "
               << kept;
        }
        struct stat st;
        if (stat((m_path + "-wal").c_str(), &st) == 0 && st.st_size > 0)
        {
            os << "; the last batches are in '" << m_path << "-wal': keep it with the file";
        }
        m_failureMessage = os.str();
        std::cerr << "MmsSqliteRecorder: " << m_failureMessage << std::endl;
    }
}

void
MmsSqliteRecorder::WriteOpenRecords()
{
    if (!Writable())
    {
        return;
    }
    // Messages that never arrived first (pdu rows), then what is still open, with its state.
    if (m_ladderTracer)
    {
        m_ladderTracer->Flush();
    }
    std::vector<const MessageRecord*> messages;
    for (const auto& [tid, m] : m_openMessages)
    {
        messages.push_back(&m);
    }
    std::sort(messages.begin(),
              messages.end(),
              [](auto* a, auto* b)
              {
                  return a->row < b->row;
              });
    for (const MessageRecord* m : messages)
    {
        WriteMessage(*m);
    }
    std::vector<const DeliveryRecord*> deliveries;
    for (const auto& [key, d] : m_deliveries)
    {
        deliveries.push_back(&d);
    }
    std::sort(deliveries.begin(),
              deliveries.end(),
              [](auto* a, auto* b)
              {
                  return std::tie(a->messageId, a->recipient)
                         < std::tie(b->messageId, b->recipient);
              });
    for (const DeliveryRecord* d : deliveries)
    {
        WriteDelivery(*d);
    }
    std::vector<const SmsRecord*> sms;
    for (const auto& [reference, s] : m_sms)
    {
        sms.push_back(&s);
    }
    std::sort(sms.begin(),
              sms.end(),
              [](auto* a, auto* b)
              {
                  return a->accepted != b->accepted ? a->accepted < b->accepted
                                                    : a->reference < b->reference;
              });
    for (const SmsRecord* s : sms)
    {
        WriteSms(*s, "pending");
    }
}

// ------------------------------------------------------------------------ summary

void
MmsSqliteRecorder::PrintSummary(std::ostream& os) const
{
    MmsKpiSummary::Print(m_path, m_runId, os);
}

} // namespace ns3
