/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The SQLite results file: rows against the trace events they come from, KPI views against
// latencies computed from raw traces, identical rows for the same RngRun, many runs in one
// file, a run killed with SIGKILL (a child process) or stopped by SIGINT, a write error (a
// child process whose files may not grow), and bad paths.

#include "mms-test-world.h"

#include "ns3/core-module.h"
#include "ns3/mms-module.h"
#include "ns3/network-module.h"
#include "ns3/test.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;
using namespace mmstest;

namespace
{

std::string
TempDir()
{
    return "/tmp/mms-results-test-" + std::to_string(getpid());
}

std::string
TempPath(const std::string& name)
{
    mkdir(TempDir().c_str(), 0755);
    return TempDir() + "/" + name;
}

void
RemoveDb(const std::string& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
    {
        std::remove((path + suffix).c_str());
    }
}

/// Every row of a query as text (columns joined by '|'), in the query's order.
std::vector<std::string>
Rows(MmsSqliteDatabase& db, const std::string& sql)
{
    std::vector<std::string> out;
    MmsSqliteStatement s;
    std::string e;
    if (!db.Prepare(sql, s, e))
    {
        out.push_back("ERROR " + e);
        return out;
    }
    while (s.Step())
    {
        std::string row;
        for (int c = 0; c < s.ColumnCount(); ++c)
        {
            row += (c ? "|" : "") + (s.ColumnIsNull(c) ? std::string("NULL") : s.ColumnText(c));
        }
        out.push_back(row);
    }
    return out;
}

/// The scenario of these tests: handsets on UMTS-384 cells sending to each other (Poisson, one
/// or two recipients), with delivery and read reports, rejections, SMS loss, handsets that
/// switch off and a short expiry, so that every kind of row and final state occurs.
struct Scenario
{
    uint32_t handsets{16};
    double traffic{1800}; //!< seconds during which handsets send
    double stop{2400};
    std::string bearer{"UMTS-384"};
};

/// Counts and times taken from the trace sources, independently of the recorder.
struct Traced
{
    std::map<std::string, double> submitted;  //!< tid -> time
    std::map<std::string, double> confirmed;  //!< tid -> time (UA SubmitConfirmed)
    std::map<std::string, std::string> tidOf; //!< message id -> tid
    uint64_t submitFailures{0};
    std::map<std::string, uint64_t> terminal; //!< final state -> count
    std::set<std::string> notified;           //!< message id|number
    uint64_t notifications{0};
    uint64_t retrieveServed{0};
    uint64_t smsAccepted{0};
    uint64_t smsDelivered{0};
    uint64_t smsSent{0};
    uint64_t exchanges{0};
    uint64_t smscDatagrams{0};                  //!< datagrams the SMSC's transport sent
    std::map<std::string, double> pushReceived; //!< id|number -> first time
    std::map<std::string, double> retrievalStarted;
    std::map<std::string, double> retrievalCompleted;
    uint64_t readReportsReceived{0};
    uint64_t commits{0};
};

Traced* g_traced = nullptr;

std::string
PairKey(const MmsEvent& e)
{
    return e.messageId + "|" + MmsHttp::StripAddressType(e.recipient);
}

void
First(std::map<std::string, double>& m, const std::string& key)
{
    m.emplace(key, Simulator::Now().GetSeconds());
}

void
OnSubmitted(const MmsEvent& e)
{
    g_traced->submitted[e.transactionId] = Simulator::Now().GetSeconds();
}

void
OnSubmitConfirmed(const MmsEvent& e)
{
    g_traced->confirmed[e.transactionId] = Simulator::Now().GetSeconds();
    g_traced->tidOf[e.messageId] = e.transactionId;
}

void
OnSubmitFailed(const MmsEvent& e)
{
    if (e.recipient.empty())
    {
        g_traced->submitFailures++;
    }
}

void
OnTerminal(std::string state, const MmsEvent&)
{
    g_traced->terminal[state]++;
}

void
OnNotificationQueued(const MmsEvent& e)
{
    g_traced->notified.insert(PairKey(e));
    g_traced->notifications++;
}

void
Count(uint64_t* counter, const MmsEvent&)
{
    ++*counter;
}

void
OnPushReceived(const MmsEvent& e)
{
    if (e.detail == "M-Notification.ind")
    {
        First(g_traced->pushReceived, PairKey(e));
    }
}

void
OnRetrievalStarted(const MmsEvent& e)
{
    First(g_traced->retrievalStarted, PairKey(e));
}

void
OnRetrievalCompleted(const MmsEvent& e)
{
    First(g_traced->retrievalCompleted, PairKey(e));
}

void
OnExchange(const MmsSocketTransport::Exchange&)
{
    g_traced->exchanges++;
}

void
OnSmscDatagram(const std::vector<uint8_t>&, const Address&)
{
    g_traced->smscDatagrams++;
}

/// Build the scenario, connect the independent counters (if `traced`), record into `path`
/// with `recorderSetup` applied, run, close. Returns the run id (0 if Open failed).
int64_t
RunScenario(const Scenario& sc,
            const std::string& path,
            uint32_t rngRun,
            Traced* traced,
            bool transactions,
            void (*extra)(Ptr<MmsSqliteRecorder>) = nullptr)
{
    RngSeedManager::SetSeed(7);
    RngSeedManager::SetRun(rngRun);
    Ptr<MmsSqliteRecorder> recorder = CreateObject<MmsSqliteRecorder>();
    recorder->SetAttribute("Path", StringValue(path));
    recorder->SetAttribute("Scenario", StringValue("results-test"));
    recorder->SetAttribute("SampleInterval", TimeValue(Seconds(30)));
    recorder->SetAttribute("FlushRows", UintegerValue(97));
    recorder->SetAttribute("RecordTransactions", BooleanValue(transactions));
    recorder->SetAttribute("RecordPdus", BooleanValue(transactions));
    recorder->SetAttribute("CatchSignals", BooleanValue(extra != nullptr));
    recorder->SetCommandLine("mms-results-test --RngRun=" + std::to_string(rngRun));
    std::string error;
    if (!recorder->Open(error))
    {
        std::cerr << error << "\n";
        return 0;
    }
    int64_t runId = recorder->GetRunId();
    {
        MmsWorld w(sc.handsets, sc.bearer);
        w.mms.SetUserAgentAttribute("Traffic", BooleanValue(true));
        w.mms.SetUserAgentAttribute("InterArrival",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=150]"));
        w.mms.SetUserAgentAttribute("MessageSize",
                                    StringValue("ns3::UniformRandomVariable[Min=2000|Max=40000]"));
        w.mms.SetUserAgentAttribute("RecipientCount",
                                    StringValue("ns3::UniformRandomVariable[Min=0.6|Max=2.4]"));
        w.mms.SetUserAgentAttribute("DeliveryReport", BooleanValue(true));
        w.mms.SetUserAgentAttribute("ReadReport", BooleanValue(true));
        w.mms.SetUserAgentAttribute("ReadReportProbability", DoubleValue(0.5));
        w.mms.SetUserAgentAttribute("ReadingDelay",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=60]"));
        w.mms.SetUserAgentAttribute("RejectProbability", DoubleValue(0.05));
        w.mms.SetUserAgentAttribute("OnOff", BooleanValue(true));
        w.mms.SetUserAgentAttribute("OnTime",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=1500]"));
        w.mms.SetUserAgentAttribute("OffTime",
                                    StringValue("ns3::ExponentialRandomVariable[Mean=1000]"));
        w.mms.SetRelayAttribute("DefaultExpiry", TimeValue(Seconds(900)));
        w.mms.SetSmscAttribute("LossProbability", DoubleValue(0.1));
        w.Install(1);
        for (uint32_t i = 0; i < w.uas.GetN(); ++i)
        {
            w.Ua(i)->SetStopTime(Seconds(sc.traffic));
        }
        if (traced)
        {
            g_traced = traced;
            for (uint32_t i = 0; i < w.uas.GetN(); ++i)
            {
                Ptr<MmsUserAgent> ua = w.Ua(i);
                ua->TraceConnectWithoutContext("Submitted", MakeCallback(&OnSubmitted));
                ua->TraceConnectWithoutContext("SubmitConfirmed", MakeCallback(&OnSubmitConfirmed));
                ua->TraceConnectWithoutContext("Rejected", MakeCallback(&OnSubmitFailed));
                ua->TraceConnectWithoutContext("Failed", MakeCallback(&OnSubmitFailed));
                ua->TraceConnectWithoutContext("PushReceived", MakeCallback(&OnPushReceived));
                ua->TraceConnectWithoutContext("RetrievalStarted",
                                               MakeCallback(&OnRetrievalStarted));
                ua->TraceConnectWithoutContext("RetrievalCompleted",
                                               MakeCallback(&OnRetrievalCompleted));
                ua->TraceConnectWithoutContext(
                    "ReadReportReceived", MakeBoundCallback(&Count, &traced->readReportsReceived));
            }
            Ptr<MmsRelay> relay = w.mms.GetRelay();
            for (const char* s : {"Retrieved", "Rejected", "Expired", "Failed"})
            {
                relay->TraceConnectWithoutContext(s,
                                                  MakeBoundCallback(&OnTerminal, std::string(s)));
            }
            relay->TraceConnectWithoutContext("NotificationQueued",
                                              MakeCallback(&OnNotificationQueued));
            relay->TraceConnectWithoutContext("RetrieveServed",
                                              MakeBoundCallback(&Count, &traced->retrieveServed));
            Ptr<MmsSmsc> smsc = w.mms.GetSmsc();
            smsc->TraceConnectWithoutContext("Accepted",
                                             MakeBoundCallback(&Count, &traced->smsAccepted));
            smsc->TraceConnectWithoutContext("SmsDelivered",
                                             MakeBoundCallback(&Count, &traced->smsDelivered));
            smsc->TraceConnectWithoutContext("SmsSent",
                                             MakeBoundCallback(&Count, &traced->smsSent));
            smsc->GetTransport()->TraceConnectWithoutContext("DatagramTx",
                                                             MakeCallback(&OnSmscDatagram));
            if (transactions)
            {
                for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
                {
                    Ptr<Node> node = NodeList::GetNode(n);
                    for (uint32_t a = 0; a < node->GetNApplications(); ++a)
                    {
                        if (auto app = DynamicCast<MmsApplication>(node->GetApplication(a)))
                        {
                            app->GetTransport()->TraceConnectWithoutContext(
                                "Exchange", MakeCallback(&OnExchange));
                        }
                    }
                }
            }
        }
        recorder->ConnectAll();
        if (extra)
        {
            extra(recorder);
        }
        Simulator::Stop(Seconds(sc.stop));
        Simulator::Run();
        recorder->Close();
        g_traced = nullptr;
    }
    return runId;
}

// --------------------------------------------------------------------------------------------

class RowsMatchTracesTestCase : public TestCase
{
  public:
    RowsMatchTracesTestCase()
        : TestCase("Rows match the trace events one for one; KPI views match raw traces")
    {
    }

  private:
    void DoRun() override
    {
#ifdef MMS_RESULTS_FIXTURE
        // Kept for the report command's test (CTest "mms-report").
        std::string path = MMS_RESULTS_FIXTURE;
#else
        std::string path = TempPath("rows.sqlite");
#endif
        RemoveDb(path);
        Traced t;
        Scenario sc;
        int64_t run = RunScenario(sc, path, 1, &t, true);
        NS_TEST_ASSERT_MSG_GT(run, 0, "the results file opens");
        MmsSqliteDatabase db;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        std::string r = " WHERE run = " + std::to_string(run);
        auto count = [&](const std::string& sql)
        {
            return uint64_t(db.QueryInt(sql, -1));
        };

        NS_TEST_ASSERT_MSG_GT(t.submitted.size(), 100, "enough traffic to mean something");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM message" + r),
                              t.submitted.size(),
                              "one message row per Submitted event");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM message" + r + " AND status = 'Ok'"),
                              t.confirmed.size(),
                              "one Ok row per SubmitConfirmed event");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM message" + r
                                    + " AND status IS NOT NULL AND status != 'Ok'"),
                              t.submitFailures,
                              "one refused/failed row per Rejected or Failed submission");
        uint64_t terminal = 0;
        for (const auto& [state, n] : t.terminal)
        {
            std::string lower = state;
            std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
            NS_TEST_EXPECT_MSG_EQ(
                count("SELECT count(*) FROM delivery" + r + " AND final_state = '" + lower + "'"),
                n,
                "one delivery row per " << state << " event");
            terminal += n;
        }
        NS_TEST_EXPECT_MSG_GT(t.terminal["Retrieved"], 50, "deliveries succeed");
        NS_TEST_EXPECT_MSG_GT(t.terminal["Rejected"], 0, "some are rejected");
        NS_TEST_EXPECT_MSG_GT(t.terminal["Expired"], 0, "some expire");
        uint64_t open = count("SELECT count(*) FROM delivery" + r
                              + " AND final_state IN ('notifying', 'deferred', 'retrieving')");
        NS_TEST_EXPECT_MSG_GT(open, 0, "some are still open at the end");
        NS_TEST_EXPECT_MSG_EQ(
            count("SELECT count(*) FROM delivery" + r), terminal + open, "no other delivery rows");
        NS_TEST_EXPECT_MSG_EQ(
            count("SELECT count(*) FROM delivery" + r + " AND notification_queued IS NOT NULL"),
            t.notified.size(),
            "one delivery per notified (message, recipient)");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT sum(notifications) FROM delivery" + r),
                              t.notifications,
                              "every NotificationQueued event counted");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT sum(retrievals) FROM delivery" + r),
                              t.retrieveServed,
                              "every RetrieveServed event counted");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM sms" + r),
                              t.smsAccepted,
                              "one sms row per SMSC Accepted event");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM sms" + r
                                    + " AND final_state = "
                                      "'delivered'"),
                              t.smsDelivered,
                              "one delivered sms row per SmsDelivered event");
        NS_TEST_EXPECT_MSG_EQ(
            count("SELECT sum(attempts) FROM sms" + r), t.smsSent, "every SmsSent event counted");
        NS_TEST_EXPECT_MSG_GT(t.smsSent, t.smsAccepted, "SMS loss made retries");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT sum(sms_segments) FROM delivery" + r),
                              count("SELECT count(*) FROM sms" + r + " AND kind = 'notification'"),
                              "notification SMS counted in their deliveries");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM \"transaction\"" + r),
                              t.exchanges,
                              "one transaction row per Exchange event");
        // The pdu table: each message's instants in order; every SMS transmission and every
        // acknowledgement the SMSC counted; each retrieval arrived when its delivery row says.
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM pdu" + r
                                    + " AND NOT (issued <= sent AND (arrived IS NULL OR "
                                      "sent <= arrived))"),
                              0,
                              "issued <= sent <= arrived");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM pdu" + r
                                    + " AND sender = 'smsc' AND description LIKE 'SMS-DELIVER%'"),
                              t.smscDatagrams,
                              "one SMS-DELIVER row per datagram the SMSC sent");
        NS_TEST_EXPECT_MSG_LT(t.smscDatagrams, t.smsSent, "SmsSent counts lost attempts too");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM pdu" + r
                                    + " AND receiver = 'smsc' AND description = 'RP-ACK' AND "
                                      "arrived IS NOT NULL"),
                              t.smsDelivered,
                              "one RP-ACK arrived per SmsDelivered event");
        NS_TEST_EXPECT_MSG_GT(count("SELECT count(*) FROM pdu" + r + " AND arrived IS NULL"),
                              0,
                              "some never arrived (handsets off)");
        NS_TEST_EXPECT_MSG_EQ(
            count("SELECT count(*) FROM delivery d" + r
                  + " AND final_state = 'retrieved' AND retrieval_completed IS NOT NULL AND NOT "
                    "EXISTS (SELECT 1 FROM pdu p WHERE p.run = d.run AND p.description = "
                    "'m-retrieve-conf' AND p.arrived = d.retrieval_completed AND "
                    "p.transaction_id LIKE d.message_id || '/%' AND p.receiver = 'ua:' || "
                    "d.recipient)"),
            0,
            "every retrieval's M-Retrieve.conf arrived at its recipient at retrieval_completed");
        // The first M-Send.req is issued at the submission, unless that attempt failed before
        // its connection was up (nothing was sent); retries are issued later.
        const std::string firstIssued =
            "(SELECT min(issued) FROM pdu p WHERE p.run = m.run AND p.description = 'm-send-req' "
            "AND p.transaction_id = m.transaction_id AND p.sender = 'ua:' || m.originator)";
        NS_TEST_EXPECT_MSG_EQ(
            count("SELECT count(*) FROM message m" + r + " AND submitted > " + firstIssued),
            0,
            "no M-Send.req issued before its submission");
        NS_TEST_EXPECT_MSG_EQ(
            count("SELECT count(*) FROM message m" + r + " AND submitted = " + firstIssued),
            count("SELECT count(*) FROM message m" + r
                  + " AND EXISTS (SELECT 1 FROM \"transaction\" x WHERE x.run = "
                    "m.run AND x.transaction_id = m.transaction_id AND x.type = "
                    "'m-send-req' AND x.start = m.submitted AND x.response_bytes "
                    "> 0)"),
            "an M-Send.req answered at the first attempt was issued at the "
            "submission");
        NS_TEST_EXPECT_MSG_EQ(
            count("SELECT count(*) FROM delivery" + r + " AND read_report_received IS NOT NULL"),
            t.readReportsReceived,
            "one read_report_received per ReadReportReceived event");
        NS_TEST_EXPECT_MSG_GT(t.readReportsReceived, 0, "read reports occur");
        // Samples: 4 elements and the cells every 30 s, and one at the end.
        uint64_t samples = uint64_t(sc.stop / 30);
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM element_sample" + r
                                    + " AND element = "
                                      "'relay'"),
                              samples,
                              "one relay sample per interval");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(DISTINCT element) FROM element_sample" + r),
                              4,
                              "relay, server, ppg and smsc sampled");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM bearer_sample" + r),
                              samples,
                              "one cell (16 handsets), one sample per interval");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                    "name = 'bearer_sample_by_time'"),
                              1,
                              "the samples' index, built when the run closed");
        NS_TEST_EXPECT_MSG_EQ(count("SELECT count(*) FROM run_attribute" + r
                                    + " AND name = "
                                      "'ns3::MmsRelay::DefaultExpiry' AND value = '+9e+11ns'"),
                              1,
                              "the changed expiry is among the run's attributes");
        // The relay's bytes out in the samples add up to what its transport counted.
        // KPI views against latencies computed here from the raw trace times.
        auto compare = [&](const std::string& what,
                           const std::string& sql,
                           const std::map<std::string, double>& expected)
        {
            std::vector<std::string> rows = Rows(db, sql);
            NS_TEST_EXPECT_MSG_EQ(rows.size(), expected.size(), what << ": as many rows");
            uint32_t mismatches = 0;
            for (const std::string& row : rows)
            {
                std::string key = row.substr(0, row.rfind('|'));
                double value = std::stod(row.substr(row.rfind('|') + 1));
                auto it = expected.find(key);
                if (it == expected.end() || std::abs(it->second - value) > 1e-9)
                {
                    if (++mismatches < 5)
                    {
                        NS_TEST_EXPECT_MSG_EQ(row,
                                              key + "|"
                                                  + (it == expected.end()
                                                         ? std::string("absent")
                                                         : std::to_string(it->second)),
                                              what);
                    }
                }
            }
            NS_TEST_EXPECT_MSG_EQ(mismatches, 0, what << ": every value as the traces give it");
        };
        std::map<std::string, double> send;
        for (const auto& [tid, c] : t.confirmed)
        {
            send[tid] = c - t.submitted.at(tid);
        }
        compare("send time",
                "SELECT m.transaction_id, k.send_time FROM kpi_send k JOIN message m ON m.run = "
                "k.run AND m.id = k.message WHERE k.send_time IS NOT NULL AND k.run = "
                    + std::to_string(run),
                send);
        std::map<std::string, double> notification;
        std::map<std::string, double> retrieval;
        std::map<std::string, double> endToEnd;
        for (const auto& [key, when] : t.pushReceived)
        {
            std::string tid = t.tidOf.count(key.substr(0, key.find('|')))
                                  ? t.tidOf.at(key.substr(0, key.find('|')))
                                  : "";
            if (!tid.empty())
            {
                notification[key] = when - t.confirmed.at(tid);
            }
        }
        for (const auto& [key, when] : t.retrievalCompleted)
        {
            retrieval[key] = when - t.retrievalStarted.at(key);
            std::string tid = t.tidOf.at(key.substr(0, key.find('|')));
            endToEnd[key] = when - t.submitted.at(tid);
        }
        compare("notification time",
                "SELECT message_id || '|' || recipient, notification_time FROM kpi_notification "
                "WHERE notification_time IS NOT NULL AND run = "
                    + std::to_string(run),
                notification);
        compare("retrieval time",
                "SELECT message_id || '|' || recipient, retrieval_time FROM kpi_retrieval "
                "WHERE retrieval_time IS NOT NULL AND run = "
                    + std::to_string(run),
                retrieval);
        compare("end-to-end time",
                "SELECT message_id || '|' || recipient, delivery_time FROM kpi_end_to_end "
                "WHERE delivery_time IS NOT NULL AND run = "
                    + std::to_string(run),
                endToEnd);
        std::vector<std::string> status =
            Rows(db, "SELECT status FROM run" + std::string(" WHERE id = ") + std::to_string(run));
        NS_TEST_EXPECT_MSG_EQ(status.at(0), "complete", "the run is marked complete");
        NS_TEST_EXPECT_MSG_EQ(db.QueryText("PRAGMA integrity_check"), "ok", "a sound file");
    }
};

// --------------------------------------------------------------------------------------------

class SameRunSameRowsTestCase : public TestCase
{
  public:
    SameRunSameRowsTestCase()
        : TestCase("Same RngRun gives identical rows, another differs; runs share one file")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = TempPath("replications.sqlite");
        RemoveDb(path);
        Scenario sc;
        sc.handsets = 8;
        sc.traffic = 900;
        sc.stop = 1500;
        int64_t a = RunScenario(sc, path, 1, nullptr, true);
        int64_t b = RunScenario(sc, path, 1, nullptr, true);
        int64_t c = RunScenario(sc, path, 2, nullptr, true);
        NS_TEST_ASSERT_MSG_EQ((a > 0 && b == a + 1 && c == b + 1), true, "three runs, new ids");
        MmsSqliteDatabase db;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        auto dump = [&](int64_t run)
        {
            std::vector<std::string> all;
            for (const auto& table : MmsResultsSchema::GetTables())
            {
                if (table.first == "run")
                {
                    continue;
                }
                std::string columns;
                for (const auto& col : table.second)
                {
                    if (col != "run")
                    {
                        columns += (columns.empty() ? "" : ", ") + col;
                    }
                }
                for (const std::string& row :
                     Rows(db,
                          "SELECT " + columns + " FROM \"" + table.first
                              + "\" WHERE run = " + std::to_string(run) + " ORDER BY rowid"))
                {
                    all.push_back(table.first + ": " + row);
                }
            }
            for (const std::string& row :
                 Rows(db,
                      "SELECT status, scenario, ns3_version, module_version, rng_seed, "
                      "simulated_seconds, sample_interval FROM run WHERE id = "
                          + std::to_string(run)))
            {
                all.push_back("run: " + row);
            }
            return all;
        };
        std::vector<std::string> ra = dump(a);
        std::vector<std::string> rb = dump(b);
        std::vector<std::string> rc = dump(c);
        NS_TEST_EXPECT_MSG_GT(ra.size(), 200, "the runs have rows");
        NS_TEST_EXPECT_MSG_EQ(ra.size(), rb.size(), "same number of rows");
        std::size_t firstDiff = 0;
        while (firstDiff < std::min(ra.size(), rb.size()) && ra[firstDiff] == rb[firstDiff])
        {
            ++firstDiff;
        }
        NS_TEST_EXPECT_MSG_EQ(firstDiff,
                              ra.size(),
                              "identical rows; first difference: "
                                  << (firstDiff < ra.size() ? ra[firstDiff] : "") << " vs "
                                  << (firstDiff < rb.size() ? rb[firstDiff] : ""));
        NS_TEST_EXPECT_MSG_EQ((ra != rc), true, "another RngRun gives other rows");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM run WHERE status = 'complete' "
                                          "AND id IN ("
                                          + std::to_string(a) + "," + std::to_string(b) + ","
                                          + std::to_string(c) + ")"),
                              3,
                              "all three runs complete, none overwritten");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryText("SELECT rng_run FROM run WHERE id = " + std::to_string(c)),
            "2",
            "RngRun recorded");
        db.Close();
        RemoveDb(path);
    }
};

// --------------------------------------------------------------------------------------------

void
CountCommits(int fd, uint64_t rows)
{
    // Tell the parent how many rows are committed (text line; the pipe is the only channel).
    std::string line = std::to_string(rows) + "\n";
    ssize_t ignored = write(fd, line.data(), line.size());
    (void)ignored;
}

int g_pipe = -1;

void
ConnectCommits(Ptr<MmsSqliteRecorder> r)
{
    r->SetAttribute("FlushInterval", TimeValue(Seconds(5)));
    r->TraceConnectWithoutContext("Committed", MakeBoundCallback(&CountCommits, g_pipe));
}

/**
 * Record a scenario of 40 handsets with exchanges (RngRun 3) in a forked child, which reports
 * through a pipe (g_pipe). In the child, `setup` runs first, `extra` is RunScenario's, and the
 * child ends with the exit status `end` gives after the run (it may write to g_pipe too).
 * \param path the results file
 * \param stop simulated seconds of traffic and of the run
 * \param in set to the read end of the pipe
 * \return the child's pid (-1 if fork failed)
 */
pid_t
RecordInChild(const std::string& path,
              double stop,
              void (*setup)(),
              void (*extra)(Ptr<MmsSqliteRecorder>),
              int (*end)(),
              FILE** in)
{
    int fds[2];
    if (pipe(fds) != 0)
    {
        return -1;
    }
    pid_t child = fork();
    if (child == 0)
    {
        close(fds[0]);
        g_pipe = fds[1];
        setup();
        Scenario sc;
        sc.handsets = 40;
        sc.traffic = stop;
        sc.stop = stop;
        RunScenario(sc, path, 3, nullptr, true, extra);
        _exit(end());
    }
    close(fds[1]);
    *in = fdopen(fds[0], "r");
    return child;
}

/// The rows GetRowsWritten() counts, in a results file of one run.
uint64_t
RecordedRows(MmsSqliteDatabase& db)
{
    int64_t rows = 0;
    for (const char* table : {"message",
                              "delivery",
                              "sms",
                              "\"transaction\"",
                              "pdu",
                              "element_sample",
                              "bearer_sample"})
    {
        rows += db.QueryInt(std::string("SELECT count(*) FROM ") + table, 0);
    }
    return static_cast<uint64_t>(rows);
}

void
Nothing()
{
}

int
ExitZero()
{
    return 0;
}

class KilledRunTestCase : public TestCase
{
  public:
    KilledRunTestCase()
        : TestCase("A run killed with SIGKILL leaves a readable file with every committed row")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = TempPath("killed.sqlite");
        RemoveDb(path);
        FILE* in = nullptr;
        // A run far longer than the parent waits.
        pid_t child = RecordInChild(path, 1e6, &Nothing, &ConnectCommits, &ExitZero, &in);
        NS_TEST_ASSERT_MSG_NE(child, -1, "fork");
        uint64_t committed = 0;
        uint32_t commits = 0;
        char line[64];
        while (commits < 20 && std::fgets(line, sizeof(line), in))
        {
            committed = std::stoull(line);
            if (committed > 0)
            {
                ++commits;
            }
        }
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        std::fclose(in);
        NS_TEST_ASSERT_MSG_EQ(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                              true,
                              "the child died of SIGKILL mid-run");
        NS_TEST_ASSERT_MSG_GT(committed, 200, "rows were committed before the kill");

        MmsSqliteDatabase db;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(db.QueryText("PRAGMA integrity_check"), "ok", "the file is sound");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryText("SELECT status FROM run"), "running", "the run is not marked complete");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryText("SELECT coalesce(ended, 'none') FROM run"), "none", "no end time");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(
            RecordedRows(db), committed, "every row committed before the kill is there");
        // Message rows are numbered in submission order: the committed ones have no holes
        // other than messages still open at the kill.
        NS_TEST_EXPECT_MSG_GT(db.QueryInt("SELECT count(*) FROM message", 0), 10, "messages");
        db.Close();
        RemoveDb(path);
    }
};

// --------------------------------------------------------------------------------------------

// A write error in a forked child: after its third commit of rows, the child may write no file
// beyond the -wal file's size plus a slack (RLIMIT_FSIZE, SIGXFSZ ignored: a write beyond fails
// with EFBIG, which SQLite reports as "disk I/O error"), and reports through the pipe each
// commit and, at the end, what the recorder says.
uint32_t g_commitsWithRows = 0;
uint64_t g_rowsAtLimit = 0;
off_t g_slack = 0;
std::string g_walPath;
Ptr<MmsSqliteRecorder> g_recorder;

void
LimitFileSize(uint64_t rows)
{
    CountCommits(g_pipe, rows);
    if (rows > 0 && ++g_commitsWithRows == 3)
    {
        struct stat st;
        struct rlimit limit;
        if (stat(g_walPath.c_str(), &st) == 0 && getrlimit(RLIMIT_FSIZE, &limit) == 0)
        {
            limit.rlim_cur = static_cast<rlim_t>(st.st_size + g_slack);
            setrlimit(RLIMIT_FSIZE, &limit);
            g_rowsAtLimit = rows;
        }
    }
}

void
ConnectLimit(Ptr<MmsSqliteRecorder> r)
{
    g_recorder = r;
    r->SetAttribute("FlushInterval", TimeValue(Seconds(60)));
    r->TraceConnectWithoutContext("Committed", MakeCallback(&LimitFileSize));
}

void
IgnoreSigxfsz()
{
    signal(SIGXFSZ, SIG_IGN); // a write beyond RLIMIT_FSIZE then fails with EFBIG
}

/// In the child: what the recorder says, through the pipe; exit status 2 if it failed.
int
ReportEnd()
{
    std::string end = "END " + std::to_string(g_recorder->HasFailed()) + " "
                      + std::to_string(g_recorder->GetRowsCommitted()) + " "
                      + std::to_string(g_rowsAtLimit) + "\nMSG " + g_recorder->GetFailure() + "\n";
    ssize_t ignored = write(g_pipe, end.data(), end.size());
    (void)ignored;
    return g_recorder->HasFailed() ? 2 : 0;
}

class WriteErrorTestCase : public TestCase
{
  public:
    /**
     * \param slack octets the -wal file may still grow by after the third commit: one WAL
     *        frame (24 + 4,096) leaves room for the run's mark but not for a batch; 0 for
     *        nothing
     */
    WriteErrorTestCase(off_t slack)
        : TestCase(slack > 0 ? "A write error stops the run; the file keeps the committed rows "
                               "and the run is marked aborted"
                             : "A write error that leaves no room even for the mark: the run "
                               "stays 'running' and the message says so")
        , m_slack(slack)
    {
    }

  private:
    void DoRun() override
    {
        std::string path = TempPath("write-error-" + std::to_string(m_slack) + ".sqlite");
        RemoveDb(path);
        g_slack = m_slack; // read by the child
        g_walPath = path + "-wal";
        FILE* in = nullptr;
        // The limit comes after about 100 s.
        pid_t child = RecordInChild(path, 3000, &IgnoreSigxfsz, &ConnectLimit, &ReportEnd, &in);
        NS_TEST_ASSERT_MSG_NE(child, -1, "fork");
        std::string end;
        std::string message;
        char line[4096];
        while (std::fgets(line, sizeof(line), in))
        {
            std::string l = line;
            if (l.rfind("END ", 0) == 0)
            {
                end = l.substr(4);
            }
            else if (l.rfind("MSG ", 0) == 0)
            {
                message = l.substr(4);
            }
        }
        std::fclose(in);
        int status = 0;
        waitpid(child, &status, 0);
        NS_TEST_ASSERT_MSG_EQ(WIFEXITED(status), true, "the child ended by itself, no signal");
        NS_TEST_EXPECT_MSG_EQ(WEXITSTATUS(status), 2, "it reports the failure");
        int failed = 0;
        uint64_t committed = 0;
        uint64_t atLimit = 0;
        std::istringstream(end) >> failed >> committed >> atLimit;
        NS_TEST_ASSERT_MSG_EQ(failed, 1, "HasFailed");
        NS_TEST_ASSERT_MSG_GT(atLimit, 50, "rows were committed before the limit");
        NS_TEST_EXPECT_MSG_EQ(committed, atLimit, "the first batch after the limit failed");
        for (const std::string& words : {"results file '" + path + "'",
                                         std::string("a write failed (\"disk I/O error"),
                                         "keeps the " + std::to_string(committed) + " rows"})
        {
            NS_TEST_EXPECT_MSG_NE(message.find(words),
                                  std::string::npos,
                                  "the message says '" << words << "': " << message);
        }

        MmsSqliteDatabase db;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(db.QueryText("PRAGMA integrity_check"), "ok", "the file is sound");
        if (m_slack > 0)
        {
            NS_TEST_EXPECT_MSG_NE(message.find("is marked aborted"), std::string::npos, message);
            NS_TEST_EXPECT_MSG_EQ(db.QueryText("SELECT status FROM run"), "aborted", "aborted");
            NS_TEST_EXPECT_MSG_EQ(db.QueryText("SELECT note FROM run")
                                      .rfind("write error: a write failed (\"disk I/O error", 0),
                                  0,
                                  "the note says why: " << db.QueryText("SELECT note FROM run"));
            NS_TEST_EXPECT_MSG_EQ(
                db.QueryInt("SELECT ended IS NOT NULL FROM run"), 1, "with an end time");
        }
        else
        {
            NS_TEST_EXPECT_MSG_NE(message.find("could not be marked aborted (disk I/O error"),
                                  std::string::npos,
                                  message);
            NS_TEST_EXPECT_MSG_NE(message.find("is left 'running'"), std::string::npos, message);
            NS_TEST_EXPECT_MSG_EQ(db.QueryText("SELECT status FROM run"), "running", "running");
            NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT ended IS NULL FROM run"), 1, "no end");
        }
        NS_TEST_EXPECT_MSG_EQ(RecordedRows(db), committed, "exactly the committed rows");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM delivery WHERE ended IS NULL OR "
                                          "final_state NOT IN ('retrieved', 'rejected', "
                                          "'expired', 'failed')"),
                              0,
                              "no delivery written at the close");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM sms WHERE final_state = "
                                          "'pending'"),
                              0,
                              "no SMS written at the close");
        // Three batches of 97 rows, pdu rows among them: a few deliveries (5 here).
        NS_TEST_EXPECT_MSG_GT(db.QueryInt("SELECT count(*) FROM delivery"), 2, "deliveries");
        db.Close();
        RemoveDb(path);
    }

    off_t m_slack; //!< see the constructor
};

// --------------------------------------------------------------------------------------------

void
RaiseSigint()
{
    std::raise(SIGINT);
}

void
ScheduleSigint(Ptr<MmsSqliteRecorder>)
{
    Simulator::Schedule(Seconds(600.5), &RaiseSigint);
}

class InterruptedRunTestCase : public TestCase
{
  public:
    InterruptedRunTestCase()
        : TestCase("SIGINT stops the run, commits, and marks it aborted")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = TempPath("interrupted.sqlite");
        RemoveDb(path);
        Scenario sc;
        sc.handsets = 8;
        int64_t run = RunScenario(sc, path, 1, nullptr, false, &ScheduleSigint);
        MmsSqliteDatabase db;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        std::string id = std::to_string(run);
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryText("SELECT status FROM run WHERE id = " + id), "aborted", "marked aborted");
        NS_TEST_EXPECT_MSG_EQ(db.QueryText("SELECT note FROM run WHERE id = " + id),
                              "stopped by signal 2",
                              "with the reason");
        double simulated =
            std::stod(db.QueryText("SELECT simulated_seconds FROM run WHERE id = " + id));
        NS_TEST_EXPECT_MSG_EQ_TOL(simulated, 601.0, 0.51, "stopped at the next check (1 s)");
        NS_TEST_EXPECT_MSG_GT(db.QueryInt("SELECT count(*) FROM message WHERE run = " + id, 0),
                              5,
                              "what happened before the signal is there");

        // The handler is removed again: the default disposition is back.
        struct sigaction now
        {
        };

        sigaction(SIGINT, nullptr, &now);
        NS_TEST_EXPECT_MSG_EQ((now.sa_handler == SIG_DFL), true, "SIGINT handler restored");
        db.Close();
        RemoveDb(path);
    }
};

/// What the recorder and the Relay hold in memory at one instant (BoundedMapsTestCase).
struct HeldSample
{
    double time{0};
    uint64_t recorderMessages{0};   //!< MmsSqliteRecorder::GetTrackedMessages
    uint64_t recorderDeliveries{0}; //!< its open deliveries
    uint64_t recorderSubmissions{0};
    uint64_t relayMessages{0}; //!< MmsRelay::GetTrackedMessages
    uint64_t relayAccepted{0}; //!< messages the Relay accepted so far
};

std::vector<HeldSample> g_held; //!< BoundedMapsTestCase's samples

void
SampleHeld(Ptr<MmsSqliteRecorder> recorder, Ptr<MmsRelay> relay)
{
    HeldSample h;
    h.time = Simulator::Now().GetSeconds();
    h.recorderMessages = recorder->GetTrackedMessages();
    MmsSqliteRecorder::OpenCounts c = recorder->GetOpenCounts();
    NS_ABORT_UNLESS(c.messageRows == h.recorderMessages);
    h.recorderDeliveries = c.deliveries;
    h.recorderSubmissions = c.submissions;
    h.relayMessages = relay->GetTrackedMessages();
    h.relayAccepted = relay->GetCounters().accepted;
    g_held.push_back(h);
}

void
SendMessage(Ptr<MmsUserAgent> ua, MmsUserAgent::Message m)
{
    ua->Send(m);
}

/// Sample every 7 s, and 1 s before the end (the scenario stops at 2100 s). Two messages go
/// to a number outside the MMSE first and a subscriber second: the first delivery fails in
/// the event in which the Relay begins both.
void
ScheduleHeldSamples(Ptr<MmsSqliteRecorder> recorder)
{
    Ptr<MmsRelay> relay;
    std::vector<Ptr<MmsUserAgent>> uas;
    for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
    {
        Ptr<Node> node = NodeList::GetNode(n);
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            if (auto r = DynamicCast<MmsRelay>(node->GetApplication(a)))
            {
                relay = r;
            }
            if (auto ua = DynamicCast<MmsUserAgent>(node->GetApplication(a)))
            {
                uas.push_back(ua);
            }
        }
    }
    NS_ABORT_UNLESS(relay && uas.size() >= 4);
    for (uint32_t i : {0, 2})
    {
        MmsUserAgent::Message m;
        m.to = {"+449999999999", uas[i + 1]->GetMsisdn()};
        Simulator::Schedule(Seconds(10 + i), &SendMessage, uas[i], m);
    }
    for (double t = 7; t < 2099; t += 7)
    {
        Simulator::Schedule(Seconds(t), &SampleHeld, recorder, relay);
    }
    Simulator::Schedule(Seconds(2099), &SampleHeld, recorder, relay);
}

class BoundedMapsTestCase : public TestCase
{
  public:
    BoundedMapsTestCase()
        : TestCase("The recorder and the Relay keep a message only while it is open")
    {
    }

  private:
    void DoRun() override
    {
        g_held.clear();
        // 16 handsets sending for 900 s: every message expires by 1800 s (DefaultExpiry 900 s).
        const Scenario sc{16, 900, 2100};
        std::string path = TempPath("bounded.sqlite");
        RemoveDb(path);
        int64_t run = RunScenario(sc, path, 3, nullptr, false, &ScheduleHeldSamples);
        NS_TEST_ASSERT_MSG_GT(run, 0, "the results file opens");
        NS_TEST_ASSERT_MSG_EQ(g_held.size(), 300, "every sample taken");
        uint64_t busiest = 0;
        for (const HeldSample& h : g_held)
        {
            // A message's row id is kept only while one of its deliveries is open.
            NS_TEST_EXPECT_MSG_LT_OR_EQ(h.recorderMessages,
                                        h.recorderDeliveries,
                                        "at " << h.time << " s: row ids of ended messages kept");
            // Each message once (stored or in delivery, or kept for read reports): at most
            // those accepted and those still being stored (their submissions are open).
            NS_TEST_EXPECT_MSG_LT_OR_EQ(h.relayMessages,
                                        h.relayAccepted + h.recorderSubmissions,
                                        "at " << h.time << " s: the Relay counts some twice");
            busiest = std::max(busiest, h.recorderMessages);
        }
        NS_TEST_EXPECT_MSG_GT(busiest, 2, "messages were in delivery at once");
        const HeldSample& end = g_held.back();
        NS_TEST_EXPECT_MSG_GT(end.relayAccepted, 50, "enough messages to mean something");
        NS_TEST_EXPECT_MSG_EQ(end.recorderMessages, 0, "every message's row id dropped");
        NS_TEST_EXPECT_MSG_EQ(end.recorderDeliveries, 0, "every delivery ended");
        // (A submission of a handset switched off stays open until it is back on, and an SMS
        // to it until its validity ends: open too, and gone with it.)
        NS_TEST_EXPECT_MSG_EQ(end.relayMessages, 0, "the Relay forgot every message");

        // Dropping the row ids did not cost a delivery row its message.
        MmsSqliteDatabase db;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(db.OpenReadOnly(path, error), true, error);
        std::string r = " WHERE run = " + std::to_string(run);
        NS_TEST_EXPECT_MSG_GT(db.QueryInt("SELECT count(*) FROM delivery" + r, 0),
                              static_cast<int64_t>(end.relayAccepted),
                              "deliveries recorded");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM delivery" + r + " AND message IS NULL", -1),
            0,
            "every delivery row names its message row");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM delivery" + r
                                              + " AND recipient = '+449999999999' AND "
                                                "final_state = 'failed'",
                                          -1),
                              2,
                              "both deliveries outside the MMSE failed (and have their row)");
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM delivery d JOIN message m ON "
                                          "m.run = d.run AND m.id = d.message AND m.message_id = "
                                          "d.message_id"
                                              + std::string(" WHERE d.run = ")
                                              + std::to_string(run),
                                          -1),
                              db.QueryInt("SELECT count(*) FROM delivery" + r, 0),
                              "the row it names is the message's");
        db.Close();
        RemoveDb(path);
    }
};

// --------------------------------------------------------------------------------------------

class BadPathTestCase : public TestCase
{
  public:
    BadPathTestCase()
        : TestCase("Bad results paths give an error naming the file and the reason")
    {
    }

  private:
    void Expect(const std::string& path, const std::string& words)
    {
        Ptr<MmsSqliteRecorder> r = CreateObject<MmsSqliteRecorder>();
        r->SetAttribute("Path", StringValue(path));
        std::string error;
        bool ok = r->Open(error);
        NS_TEST_EXPECT_MSG_EQ(ok, false, path << " must be refused");
        NS_TEST_EXPECT_MSG_NE(
            error.find("'" + path + "'"), std::string::npos, "the error names the file: " << error);
        NS_TEST_EXPECT_MSG_NE(
            error.find(words), std::string::npos, "the error says '" << words << "': " << error);
    }

    void DoRun() override
    {
        std::string dir = TempPath("bad");
        mkdir(dir.c_str(), 0755);
        Expect(dir + "/no/such/dir/r.sqlite", "does not exist");
        Expect("/proc/mms-results.sqlite", "cannot");
        Expect(dir, "is a directory");
        {
            std::ofstream text(dir + "/notes.txt");
            text << "These are not the results you are looking for.\n"
                 << std::string(2000, 'x') << "\n";
        }
        Expect(dir + "/notes.txt", "not an SQLite database");
        {
            MmsSqliteDatabase other;
            std::string e;
            NS_TEST_ASSERT_MSG_EQ(other.Open(dir + "/other.sqlite", e), true, e);
            other.Exec("CREATE TABLE customers (name TEXT)", e);
        }
        Expect(dir + "/other.sqlite", "another program");
        {
            MmsSqliteDatabase future;
            std::string e;
            NS_TEST_ASSERT_MSG_EQ(future.Open(dir + "/future.sqlite", e), true, e);
            future.Exec("PRAGMA user_version = 99", e);
        }
        Expect(dir + "/future.sqlite", "schema version 99");
        {
            // A results file whose table lost a column.
            MmsSqliteDatabase edited;
            std::string e;
            NS_TEST_ASSERT_MSG_EQ(edited.Open(dir + "/edited.sqlite", e), true, e);
            NS_TEST_ASSERT_MSG_EQ(MmsResultsSchema::Ensure(edited, e), true, e);
            edited.Exec("ALTER TABLE sms DROP COLUMN attempts", e);
        }
        Expect(dir + "/edited.sqlite", "table sms has no column attempts");
        // The files refused are untouched.
        std::ifstream text(dir + "/notes.txt");
        std::string first;
        std::getline(text, first);
        NS_TEST_EXPECT_MSG_EQ(first, "These are not the results you are looking for.", "intact");
        MmsSqliteDatabase other;
        std::string e;
        NS_TEST_ASSERT_MSG_EQ(other.OpenReadOnly(dir + "/other.sqlite", e), true, e);
        NS_TEST_EXPECT_MSG_EQ(other.QueryInt("SELECT count(*) FROM sqlite_master WHERE type = "
                                             "'table'"),
                              1,
                              "no tables added to another program's file");
        // The schema's column lists are read from its text: spot-check them.
        bool found = false;
        for (const auto& table : MmsResultsSchema::GetTables())
        {
            if (table.first == "transaction")
            {
                found = table.second.size() == 10 && table.second.front() == "run"
                        && table.second.back() == "status";
            }
        }
        NS_TEST_EXPECT_MSG_EQ(found, true, "the quoted \"transaction\" table is parsed");
        NS_TEST_EXPECT_MSG_EQ(MmsResultsSchema::GetTables().size(), 10, "ten tables");
        NS_TEST_EXPECT_MSG_EQ(
            MmsResultsSchema::GetTables().back().first, "delivery_route", "delivery_route last");
        NS_TEST_EXPECT_MSG_EQ(MmsResultsSchema::GetTables().back().second.size(),
                              6,
                              "delivery_route: run to destination_operator");
    }
};

/// Nearest-rank percentile of sorted values, computed here as the test's own oracle: the value
/// at 1-based rank ceil(percent n / 100), clamped to [1, n].
double
NearestRankOracle(const std::vector<double>& sorted, int percent)
{
    std::size_t n = sorted.size();
    std::size_t rank = (static_cast<std::size_t>(percent) * n + 99) / 100;
    return sorted.at(std::min(std::max<std::size_t>(rank, 1), n) - 1);
}

class KpiSummaryViewTestCase : public TestCase
{
  public:
    KpiSummaryViewTestCase()
        : TestCase("The kpi_summary view gives each run's count, mean and nearest-rank "
                   "percentiles of every KPI, for n = 0, 1, 2, ties and many values")
    {
    }

  private:
    /// The KPI values a run is given: per message a send time; per delivery the notification,
    /// retrieval and end-to-end times follow from the times written (quarters of a second, so
    /// that every difference is exact).
    struct Kpis
    {
        std::map<std::string, std::vector<double>> values;
    };

    void DoRun() override
    {
        std::string path = TempPath("kpi-summary.sqlite");
        RemoveDb(path);
        MmsSqliteDatabase db;
        std::string e;
        NS_TEST_ASSERT_MSG_EQ(db.Open(path, e), true, e);
        NS_TEST_ASSERT_MSG_EQ(MmsResultsSchema::Ensure(db, e), true, e);
        MmsSqliteStatement run;
        MmsSqliteStatement message;
        MmsSqliteStatement delivery;
        NS_TEST_ASSERT_MSG_EQ(db.Prepare("INSERT INTO run (status, started, sample_interval) "
                                         "VALUES ('complete', '2026-12-06T00:00:00Z', 10)",
                                         run,
                                         e),
                              true,
                              e);
        NS_TEST_ASSERT_MSG_EQ(
            db.Prepare("INSERT INTO message (run, id, originator, transaction_id, size, "
                       "recipients, submitted, confirmed, status) VALUES (?, ?, '+1', ?, 100, 1, "
                       "0, ?, ?)",
                       message,
                       e),
            true,
            e);
        NS_TEST_ASSERT_MSG_EQ(
            db.Prepare("INSERT INTO delivery (run, message, message_id, recipient, size, "
                       "notification_queued, notifications, sms_segments, push_received, "
                       "retrieval_started, retrieval_completed, retrievals, final_state) "
                       "VALUES (?, ?, ?, '+2', 100, 0, 1, 1, ?, ?, ?, 1, ?)",
                       delivery,
                       e),
            true,
            e);

        // Values per run: how many messages (and deliveries), and the range of the values
        // (a small range gives many ties). The runs are written interleaved, so that a view
        // that mixed runs or KPIs would be caught.
        struct Plan
        {
            int messages;
            int range; //!< values are quarters in [0, range / 4]
        };

        const std::vector<Plan> plans = {{0, 1}, {1, 40}, {2, 40}, {2, 1}, {7, 3}, {211, 12}};
        std::vector<int64_t> runs;
        std::vector<Kpis> expected(plans.size());
        for (std::size_t i = 0; i < plans.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(run.Run(), true, run.GetError());
            runs.push_back(db.LastInsertRowId());
        }
        uint32_t state = 12345;
        auto quarter = [&state](int range)
        {
            state = state * 1103515245 + 12345; // a fixed sequence: the test is repeatable
            return static_cast<double>((state >> 16) % static_cast<uint32_t>(range + 1)) / 4;
        };
        int maxMessages = 0;
        for (const Plan& p : plans)
        {
            maxMessages = std::max(maxMessages, p.messages);
        }
        for (int m = 0; m < maxMessages; ++m)
        {
            for (std::size_t i = 0; i < plans.size(); ++i)
            {
                if (m >= plans[i].messages)
                {
                    continue;
                }
                double send = quarter(plans[i].range);
                double notification = quarter(plans[i].range);
                double retrieval = quarter(plans[i].range);
                std::string tid = "t" + std::to_string(m);
                message.BindInt(1, runs[i]);
                message.BindInt(2, m + 1);
                message.BindText(3, tid);
                message.BindDouble(4, send);
                message.BindText(5, "Ok");
                NS_TEST_ASSERT_MSG_EQ(message.Run(), true, message.GetError());
                double pushed = send + notification;
                double started = pushed + 1;
                delivery.BindInt(1, runs[i]);
                delivery.BindInt(2, m + 1);
                delivery.BindText(3, "M" + std::to_string(m));
                delivery.BindDouble(4, pushed);
                delivery.BindDouble(5, started);
                delivery.BindDouble(6, started + retrieval);
                delivery.BindText(7, "retrieved");
                NS_TEST_ASSERT_MSG_EQ(delivery.Run(), true, delivery.GetError());
                Kpis& k = expected[i];
                k.values["send_time"].push_back(send);
                k.values["notification_time"].push_back(notification);
                k.values["retrieval_time"].push_back(retrieval);
                k.values["end_to_end_time"].push_back(started + retrieval);
            }
        }
        // Rows without a value are left out: a message not yet answered, a delivery still
        // notifying (no push received, no retrieval) in the run with many values.
        message.BindInt(1, runs.back());
        message.BindInt(2, 10000);
        message.BindText(3, "open");
        message.BindNull(4);
        message.BindNull(5);
        NS_TEST_ASSERT_MSG_EQ(message.Run(), true, message.GetError());
        delivery.BindInt(1, runs.back());
        delivery.BindInt(2, 10000);
        delivery.BindText(3, "Mopen");
        delivery.BindNull(4);
        delivery.BindNull(5);
        delivery.BindNull(6);
        delivery.BindText(7, "notifying");
        NS_TEST_ASSERT_MSG_EQ(delivery.Run(), true, delivery.GetError());

        MmsSqliteStatement s;
        NS_TEST_ASSERT_MSG_EQ(db.Prepare("SELECT n, mean, p50, p90, p95, p99 FROM kpi_summary "
                                         "WHERE run = ? AND kpi = ?",
                                         s,
                                         e),
                              true,
                              e);
        for (std::size_t i = 0; i < plans.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM kpi_summary WHERE run = "
                                              + std::to_string(runs[i])),
                                  (plans[i].messages > 0 ? 4 : 0),
                                  "one row per KPI with values for run " << runs[i]);
            for (const char* kpi :
                 {"send_time", "notification_time", "retrieval_time", "end_to_end_time"})
            {
                std::vector<double> v = expected[i].values[kpi];
                std::sort(v.begin(), v.end());
                std::string what = std::string(kpi) + " of run " + std::to_string(runs[i])
                                   + " (n = " + std::to_string(v.size()) + ")";
                s.BindInt(1, runs[i]);
                s.BindText(2, kpi);
                NS_TEST_ASSERT_MSG_EQ(s.Step(), !v.empty(), what << ": a row when n > 0");
                if (!v.empty())
                {
                    NS_TEST_EXPECT_MSG_EQ(s.ColumnInt(0), static_cast<int64_t>(v.size()), what);
                    double sum = 0;
                    for (double x : v)
                    {
                        sum += x; // quarters: every partial sum is exact
                    }
                    NS_TEST_EXPECT_MSG_EQ_TOL(s.ColumnDouble(1),
                                              sum / static_cast<double>(v.size()),
                                              1e-12,
                                              what << ": mean");
                    const int percents[] = {50, 90, 95, 99};
                    for (int c = 0; c < 4; ++c)
                    {
                        NS_TEST_EXPECT_MSG_EQ(s.ColumnDouble(c + 2),
                                              NearestRankOracle(v, percents[c]),
                                              what << ": p" << percents[c]);
                    }
                }
                s.Reset();
            }
        }
        // By hand: with n = 2, p50 is the smaller value (rank 1) and p99 the larger (rank 2).
        std::vector<double> two = expected[2].values["send_time"];
        std::sort(two.begin(), two.end());
        NS_TEST_EXPECT_MSG_EQ(
            Rows(db,
                 "SELECT p50, p99 FROM kpi_summary WHERE kpi = 'send_time' "
                 "AND run = "
                     + std::to_string(runs[2]))
                .at(0),
            Rows(db, "SELECT " + std::to_string(two[0]) + ", " + std::to_string(two[1])).at(0),
            "n = 2");
        // The other summary views count what the rows say.
        NS_TEST_EXPECT_MSG_EQ(
            Rows(db,
                 "SELECT messages, messages_confirmed, deliveries, deliveries_open, "
                 "deliveries_retrieved, deliveries_terminal, retrievals, retrieved_bytes "
                 "FROM run_summary WHERE run = "
                     + std::to_string(runs.back()))
                .at(0),
            "212|211|212|1|211|211|211|21100",
            "run_summary");
        NS_TEST_EXPECT_MSG_EQ(Rows(db,
                                   "SELECT messages, deliveries FROM run_summary WHERE run = "
                                       + std::to_string(runs.front()))
                                  .at(0),
                              "0|0",
                              "run_summary of an empty run");
        db.Close();
        RemoveDb(path);
    }
};

class SchemaUpgradeTestCase : public TestCase
{
  public:
    SchemaUpgradeTestCase()
        : TestCase("A version-1 results file opened for writing gains the summary views and the "
                   "pdu table, keeps its rows, and is of this version afterwards")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = TempPath("version-1.sqlite");
        RemoveDb(path);
        const std::vector<std::string> added = {
            "kpi_summary", "run_summary", "element_peak", "cell_utilisation"};
        std::string e;
        {
            // A version-1 file: the tables and the views of version 1, user_version 1, a run.
            MmsSqliteDatabase db;
            NS_TEST_ASSERT_MSG_EQ(db.Open(path, e), true, e);
            NS_TEST_ASSERT_MSG_EQ(MmsResultsSchema::Ensure(db, e), true, e);
            std::string drop = "DROP TABLE pdu;";
            for (const std::string& view : added)
            {
                drop += "DROP VIEW " + view + ";";
            }
            NS_TEST_ASSERT_MSG_EQ(db.Exec(drop
                                              + "PRAGMA user_version = 1;"
                                                "INSERT INTO run (status, started) VALUES "
                                                "('complete', 'then');"
                                                "INSERT INTO message (run, id, originator, "
                                                "transaction_id, size, recipients, submitted, "
                                                "confirmed, status) VALUES (1, 1, '+1', 't', "
                                                "10, 1, 2.5, 4, 'Ok');",
                                          e),
                                  true,
                                  e);
        }
        {
            // Read-only, it is not a version-2 file: the summary says so.
            std::ostringstream summary;
            MmsKpiSummary::Print(path, 1, summary);
            NS_TEST_EXPECT_MSG_NE(summary.str().find("schema version 1"),
                                  std::string::npos,
                                  "the summary names the version: " << summary.str());
        }
        MmsSqliteDatabase db;
        NS_TEST_ASSERT_MSG_EQ(db.Open(path, e), true, e);
        NS_TEST_ASSERT_MSG_EQ(MmsResultsSchema::Ensure(db, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("PRAGMA user_version"), MmsResultsSchema::VERSION, "this version now");
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'pdu'"),
            1,
            "the pdu table was added");
        for (const std::string& view : MmsResultsSchema::GetViews())
        {
            NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM sqlite_master WHERE type = "
                                              "'view' AND name = '"
                                              + view + "'"),
                                  1,
                                  "view " << view);
        }
        NS_TEST_EXPECT_MSG_EQ(Rows(db,
                                   "SELECT n, mean, p50 FROM kpi_summary WHERE run = 1 AND "
                                   "kpi = 'send_time'")
                                  .at(0),
                              "1|1.5|1.5",
                              "the old rows are summarised");
        // Ensure() again changes nothing; a file of a later version is refused.
        NS_TEST_EXPECT_MSG_EQ(MmsResultsSchema::Ensure(db, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM message"), 1, "rows kept");
        const std::string later = std::to_string(MmsResultsSchema::VERSION + 1);
        db.Exec("PRAGMA user_version = " + later, e);
        NS_TEST_EXPECT_MSG_EQ(MmsResultsSchema::Ensure(db, e), false, "a later version is refused");
        NS_TEST_EXPECT_MSG_NE(e.find("schema version " + later), std::string::npos, e);
        db.Close();
        RemoveDb(path);
    }
};

/// A version-4 file (delivery_route's check naming MM1 and MM4 only, interface_summary without
/// submission and mean_end_to_end) opened for writing: upgraded to this version with its
/// delivery_route rows, takes MM3 rows, and its view has the new columns.
class SchemaUpgradeFrom4TestCase : public TestCase
{
  public:
    SchemaUpgradeFrom4TestCase()
        : TestCase("A version-4 results file opened for writing keeps its delivery_route rows, "
                   "takes MM3 rows and gains interface_summary's new columns")
    {
    }

  private:
    void DoRun() override
    {
        std::string path = TempPath("version-4.sqlite");
        RemoveDb(path);
        std::string e;
        {
            MmsSqliteDatabase db;
            NS_TEST_ASSERT_MSG_EQ(db.Open(path, e), true, e);
            NS_TEST_ASSERT_MSG_EQ(MmsResultsSchema::Ensure(db, e), true, e);
            // Version 4's table and view, as an earlier build wrote them.
            NS_TEST_ASSERT_MSG_EQ(
                db.Exec("DROP VIEW interface_summary; DROP TABLE delivery_route;"
                        "CREATE TABLE delivery_route (run INTEGER NOT NULL REFERENCES run(id), "
                        "message_id TEXT NOT NULL, recipient TEXT NOT NULL, interface TEXT NOT "
                        "NULL CHECK (interface IN ('MM1', 'MM4')), origin_operator TEXT, "
                        "destination_operator TEXT);"
                        "CREATE VIEW interface_summary AS SELECT run, interface, count(*) AS "
                        "deliveries FROM delivery_route GROUP BY run, interface;"
                        "PRAGMA user_version = 4;"
                        "INSERT INTO run (status, started) VALUES ('complete', 'then');"
                        "INSERT INTO delivery_route VALUES (1, 'm1', '+1', 'MM4', 'red', 'blue');",
                        e),
                true,
                e);
            NS_TEST_EXPECT_MSG_EQ(db.Exec("INSERT INTO delivery_route VALUES (1, 'm2', 'a@b', "
                                          "'MM3', 'red', NULL)",
                                          e),
                                  false,
                                  "version 4 refuses MM3");
        }
        MmsSqliteDatabase db;
        NS_TEST_ASSERT_MSG_EQ(db.Open(path, e), true, e);
        NS_TEST_ASSERT_MSG_EQ(MmsResultsSchema::Ensure(db, e), true, e);
        NS_TEST_EXPECT_MSG_EQ(
            db.QueryInt("PRAGMA user_version"), MmsResultsSchema::VERSION, "this version now");
        NS_TEST_EXPECT_MSG_EQ(Rows(db, "SELECT * FROM delivery_route").at(0),
                              "1|m1|+1|MM4|red|blue",
                              "the row is kept");
        NS_TEST_EXPECT_MSG_EQ(db.Exec("INSERT INTO delivery_route VALUES (1, 'm2', 'a@b', 'MM3', "
                                      "'red', NULL)",
                                      e),
                              true,
                              e);
        NS_TEST_EXPECT_MSG_EQ(db.QueryInt("SELECT count(*) FROM sqlite_master WHERE name = "
                                          "'delivery_route_version_4'"),
                              0,
                              "the copy is gone");
        std::string columns;
        MmsSqliteStatement st;
        NS_TEST_ASSERT_MSG_EQ(db.Prepare("PRAGMA table_info(interface_summary)", st, e), true, e);
        while (st.Step())
        {
            columns += st.ColumnText(1) + " ";
        }
        NS_TEST_EXPECT_MSG_NE(columns.find("submission mean_end_to_end"),
                              std::string::npos,
                              "the view is the new one: " << columns);
        db.Close();
        RemoveDb(path);
    }
};

class MmsResultsTestSuite : public TestSuite
{
  public:
    MmsResultsTestSuite()
        : TestSuite("mms-results", Type::UNIT)
    {
        AddTestCase(new BadPathTestCase);
        AddTestCase(new RowsMatchTracesTestCase);
        AddTestCase(new SameRunSameRowsTestCase);
        AddTestCase(new InterruptedRunTestCase);
        AddTestCase(new KilledRunTestCase);
        AddTestCase(new WriteErrorTestCase(24 + 4096));
        AddTestCase(new WriteErrorTestCase(0));
        AddTestCase(new KpiSummaryViewTestCase);
        AddTestCase(new SchemaUpgradeTestCase);
        AddTestCase(new SchemaUpgradeFrom4TestCase);
        AddTestCase(new BoundedMapsTestCase);
    }

  private:
    void DoTeardown() override
    {
        std::error_code ignored;
        std::filesystem::remove_all(TempDir(), ignored);
    }
};

MmsResultsTestSuite g_mmsResultsTestSuite;

} // namespace
