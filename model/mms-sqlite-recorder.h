/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SQLITE_RECORDER_H
#define MMS_SQLITE_RECORDER_H

#include "mms-common.h"
#include "mms-ladder-tracer.h"
#include "mms-relay.h"
#include "mms-run-metadata.h"
#include "mms-socket-transport.h"
#include "mms-sqlite.h"
#include "mms-vasp.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <chrono>
#include <csignal>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class MmsServer;
class MmsUserAgent;
class MmsRadioCellChannel;
class MmsSmsc;
class MmsSubscriberPool;
class MmsTransport;
class MmsWapPushProxyGateway;

/**
 * \ingroup mms-recording
 * \brief Records an MMS simulation into an SQLite results file (many runs may share one file).
 *
 * One run row with the run's metadata (and its configuration in run_attribute, collected by
 * MmsRunMetadata), one row per message, per (message, recipient) delivery and per SMS,
 * optionally one per request/response exchange (RecordTransactions) and one per message
 * between two elements with its sending and arrival (RecordPdus, from an MmsLadderTracer),
 * and time series of the elements (queues,
 * stores, traffic) and radio cells (utilisation, drops). Sinks on the engines' trace sources
 * (MmsEvent) keep what is still open in memory and write a row when it ends; rows are
 * written with prepared statements in batched transactions (FlushRows, FlushInterval), so a
 * killed run loses at most one batch, and SIGINT/SIGTERM stop the simulation with everything
 * committed and the run marked aborted. A write that fails (a full disk, an I/O error) rolls
 * the open batch back and stops the simulation; Close() then marks the run aborted in a small
 * transaction of its own (or says it could not) and prints one line naming the file and the
 * error (HasFailed(), GetFailure()). The schema, with its KPI views after
 * ETSI TS 102 250-2, is MmsResultsSchema's; doc/mms.rst, "Results in SQLite", documents it.
 *
 * Use: set the attributes, SetCommandLine(), Open() before building the scenario (a bad path
 * is reported before anything runs), ConnectAll() once the elements are installed, run the
 * simulation with a Simulator::Stop() (the recorder's periodic events never end by
 * themselves), then Close() and PrintSummary() (MmsKpiSummary reads the file).
 */
class MmsSqliteRecorder : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsSqliteRecorder();
    ~MmsSqliteRecorder() override;

    /**
     * \brief Set the command line to record in the run row (call before Open()).
     * \param argc the number of arguments, as main() has it
     * \param argv the arguments (quoted in the record where they need it)
     */
    void SetCommandLine(int argc, char** argv);
    /**
     * \brief Set the command line to record in the run row (call before Open()).
     * \param commandLine the command line as one text
     */
    void SetCommandLine(const std::string& commandLine);
    /**
     * \brief Record one more run_attribute row of the run's configuration (scope, name and
     * value), written with the collected ones when the recorder connects (before ConnectAll);
     * MmsScenarioHelper records each cell's fidelity so (scope "cell", name
     * "<cell>/fidelity", value "packet" or "flow").
     * \param scope the row's scope
     * \param name its name
     * \param value its value
     */
    void AddRunAttribute(const std::string& scope,
                         const std::string& name,
                         const std::string& value);

    /**
     * Open the results file (creating it and its schema if needed) and insert this run's row,
     * marked running. Call before the simulation is built.
     * \param error a message naming the file and the problem on failure
     * \return true on success
     */
    bool Open(std::string& error);
    /**
     * \return true between a successful Open() and Close()
     */
    bool IsOpen() const;
    /**
     * \return the id of this run in the file (0 before Open())
     */
    int64_t GetRunId() const;
    /**
     * \return the results file (the Path attribute)
     */
    std::string GetPath() const;

    /**
     * Record only the nodes of one rank of a distributed run (ns-3's MPI simulator): ConnectAll
     * then connects the elements on nodes with this system id and the cells whose network end
     * is such a node, so that each rank writes its own rows once. Call before ConnectAll.
     * \param systemId the rank (default 0, which every node has in a run in one process)
     */
    void SetSystemId(uint32_t systemId);
    /**
     * Connect to every MMS element (User Agents, Relay, Server, PPG, SMSC) and every radio cell
     * in the simulation (on this rank's nodes: SetSystemId), record the attributes that differ
     * from their defaults, and start the periodic flushing, sampling and progress events. Call
     * after the elements are installed and before Simulator::Run().
     */
    void ConnectAll();
    /**
     * \brief Connect a User Agent (for one created after ConnectAll()).
     * \param ua the User Agent
     */
    void ConnectUserAgent(Ptr<MmsUserAgent> ua);
    /**
     * \brief Connect a pool of subscribers (handsets on demand): each User Agent it makes is
     * connected when made, and, with RecordTransactions, each handset's exchanges are recorded
     * under the number of the subscriber bound to it.
     * \param pool the pool
     */
    void ConnectPool(Ptr<MmsSubscriberPool> pool);
    /**
     * \brief Connect a Relay (for one created after ConnectAll()); it is sampled as "relay".
     * \param relay the Relay
     */
    void ConnectRelay(Ptr<MmsRelay> relay);
    /**
     * \brief Connect a VASP: each MM7_submit.REQ it sends is a message row (originator its
     * element name, submitted when sent, confirmed when the MM7_submit.RES arrives).
     * \param vasp the VASP
     */
    void ConnectVasp(Ptr<MmsVasp> vasp);
    /**
     * \brief Connect a Server (for one created after ConnectAll()); sampled as "server".
     * \param server the Server
     */
    void ConnectServer(Ptr<MmsServer> server);
    /**
     * \brief Connect a Push Proxy Gateway (for one created after ConnectAll()); sampled as
     * "ppg".
     * \param ppg the PPG
     */
    void ConnectPpg(Ptr<MmsWapPushProxyGateway> ppg);
    /**
     * \brief Connect an SMSC (for one created after ConnectAll()); sampled as "smsc".
     * \param smsc the SMSC
     */
    void ConnectSmsc(Ptr<MmsSmsc> smsc);
    /**
     * \brief Connect a radio cell (for one created after ConnectAll()): its bearers are
     * sampled into bearer_sample.
     * \param cell the cell's channel
     */
    void ConnectCell(Ptr<MmsRadioCellChannel> cell);

    /**
     * Write what is still open (messages without a final answer, deliveries not in a terminal
     * state, SMS in the SMSC) with their state at the end, take a last sample, mark the run
     * complete (or aborted, when a signal stopped it) and close the file. Idempotent.
     *
     * After a write error (HasFailed()) it writes no rows: it marks the run aborted, with the
     * error and the rows kept as its note, and prints one line on standard error (GetFailure());
     * if even that mark cannot be written, the run stays 'running' and the line says so.
     */
    void Close();
    /**
     * \brief Close every recorder whose run is still open, marked aborted ("the program
     * exited before the end of the run"): registered with std::atexit by the first run opened,
     * for a program that stops on bad input (status 2) found after its results file was opened.
     */
    static void CloseAtExit();
    /**
     * \return true if SIGINT or SIGTERM stopped the run (it is then marked aborted)
     */
    bool WasInterrupted() const;
    /**
     * \return true if a write to the results file failed (a full disk: SQLITE_FULL; an I/O
     *         error: SQLITE_IOERR; any other error of SQLite): the open batch was rolled back,
     *         nothing more was written, the simulation was stopped, and Close() marks the run
     *         aborted if it can. A program should then exit with a non-zero status (the
     *         examples exit with 2).
     */
    bool HasFailed() const;
    /**
     * \return after Close(), when HasFailed(): the line Close() printed on standard error,
     *         without its "MmsSqliteRecorder: " prefix (it names the file, whether the disk is
     *         full, the error, what was being written at which simulated time, whether the run
     *         is marked aborted or left 'running', and how many rows the file keeps); "" when
     *         nothing failed
     */
    std::string GetFailure() const;

    /**
     * \brief Print this run's summary (counts, latency percentiles, failure ratios,
     * throughput, peaks), read back from the file by MmsKpiSummary. Call after Close().
     * \param os where to print
     */
    void PrintSummary(std::ostream& os) const;

    /**
     * \return the rows written so far (message, delivery, sms, transaction, pdu and sample
     * tables)
     */
    uint64_t GetRowsWritten() const;
    /**
     * \return the rows of GetRowsWritten() that are committed: what a killed run, or one
     *         stopped by a write error, keeps in the file
     */
    uint64_t GetRowsCommitted() const;

    /// What the recorder holds in memory for the run now (GetOpenCounts()).
    struct OpenCounts
    {
        uint64_t submissions{0}; //!< messages submitted and not yet answered (M-Send.conf)
        uint64_t deliveries{0};  //!< deliveries not in a terminal state
        uint64_t sms{0};         //!< SMS in the SMSC, neither delivered nor expired
        uint64_t messageRows{0}; //!< Message-IDs whose row id is kept (GetTrackedMessages())
    };

    /**
     * \brief The records the recorder keeps in memory for what is still open.
     *
     * Each map is bounded by what is open, not by the simulated time: a submission goes with
     * its answer (or the User Agent's giving up), a delivery and an SMS with their end.
     * \return the sizes of the recorder's maps
     */
    OpenCounts GetOpenCounts() const;
    /**
     * \brief Message-IDs the recorder still maps to their message row.
     *
     * A delivery row names its message's row, so the row id of a message the Relay accepted
     * is kept while one of its deliveries is open; it is dropped once the last one ended
     * (right after the simulation event in which it ended, when every delivery the Relay
     * began with the message has been seen). Nothing later needs it: delivery and read
     * reports update the delivery row by Message-ID and recipient. The number is therefore
     * at most the messages with an open delivery (bounded by their expiry), and 0 once every
     * delivery has ended.
     * \return the number of Message-IDs mapped
     */
    uint64_t GetTrackedMessages() const;

    /**
     * \brief The tracer whose messages RecordPdus writes (created on first use; the elements
     * connected with RecordPdus are added to it).
     * \return the tracer
     */
    Ptr<MmsLadderTracer> GetLadderTracer();

    /**
     * Trace signature of "Committed": a transaction was committed.
     * \param rows the rows written up to it
     */
    typedef void (*CommittedTracedCallback)(uint64_t rows);

  protected:
    /// Close the file (as Close() does) and release the elements and cells.
    void DoDispose() override;

  private:
    struct MessageRecord
    {
        int64_t row{0};
        std::string originator;
        std::string transactionId;
        std::string messageId;
        std::string contentClass;
        std::string status;
        uint64_t size{0};
        uint32_t recipients{0};
        double submitted{-1};
        double confirmed{-1};
    };

    /// Lifecycle times of a delivery, in simulation seconds (-1: not reached).
    enum DeliveryTime
    {
        NOTIFICATION_QUEUED,
        SMS_FIRST_DELIVERED,
        SMS_LAST_DELIVERED,
        PUSH_SENT,
        PUSH_RECEIVED,
        NOTIFY_RESP_SENT,
        RETRIEVAL_STARTED,
        RETRIEVAL_COMPLETED,
        ACKNOWLEDGED,
        ENDED,
        DELIVERY_REPORT_SENT,
        DELIVERY_REPORT_RECEIVED,
        READ_REPORT_SENT,
        READ_REPORT_RECEIVED,
        DELIVERY_TIMES
    };

    struct DeliveryRecord
    {
        std::string messageId;
        std::string recipient; //!< number, without "/TYPE=PLMN"
        std::string state{"notifying"};
        uint64_t size{0};
        bool haveSize{false};
        uint32_t notifications{0};
        uint32_t smsSegments{0};
        uint32_t retrievals{0};
        double times[DELIVERY_TIMES];
        int64_t originRow{-1}; //!< received over MM4: the originating message's row, if known
        DeliveryRecord();
    };

    struct SmsRecord
    {
        std::string reference;
        std::string pushId;
        std::string messageId;
        std::string kind;
        std::string destination;
        uint64_t octets{0};
        double accepted{-1};
        double firstSent{-1};
        double delivered{-1};
        uint32_t attempts{0};
    };

    struct Element
    {
        std::string name; //!< its element_sample.element value (see NameElements)
        std::string kind; //!< relay, server, ppg or smsc; empty for the others
        std::string own;  //!< its MmsApplication::GetElementName()
        Ptr<MmsSocketTransport> transport;
        MmsSocketTransport::Counters last;
        uint32_t queueMax{0};
        bool hasQueue{false};
        Ptr<MmsRelay> relay;
        Ptr<MmsServer> server;
        Ptr<MmsWapPushProxyGateway> ppg;
        Ptr<MmsSmsc> smsc;
    };

    struct Cell
    {
        uint32_t index{0};
        Ptr<MmsRadioCellChannel> channel;
        double lastBits[2]{0, 0};
        Time lastBusy[2];
        uint64_t lastBytes[2]{0, 0};
        uint64_t lastDrops[2]{0, 0};
    };

    // Trace sinks
    void OnSubmitted(const MmsEvent& e);
    void OnSubmitConfirmed(const MmsEvent& e);
    void OnVaspSubmitted(const MmsEvent& e);
    void OnVaspAnswered(const MmsEvent& e);
    void OnRelayAccepted(const MmsEvent& e);
    void OnSubmitRejected(const MmsEvent& e);
    void OnUaFailed(const MmsEvent& e);
    void OnPushReceived(const MmsEvent& e);
    void OnNotifyRespSent(const MmsEvent& e);
    void OnRetrievalStarted(const MmsEvent& e);
    void OnRetrievalCompleted(const MmsEvent& e);
    void OnDeliveryReportReceived(const MmsEvent& e);
    void OnReadReportSent(const MmsEvent& e);
    void OnReadReportReceived(const MmsEvent& e);
    void OnNotificationQueued(const MmsEvent& e);
    void OnRetrieveServed(const MmsEvent& e);
    void OnTerminal(const std::string& state, const MmsEvent& e, MmsRelay* relay);
    void WriteRoute(const std::string& state, const MmsEvent& e, MmsRelay* relay);
    static void TerminalSink(MmsSqliteRecorder* r,
                             std::string state,
                             MmsRelay* relay,
                             const MmsEvent& e);
    static void QueueSink(MmsSqliteRecorder* r, uint32_t element, uint32_t from, uint32_t to);
    static void ExchangeSink(MmsSqliteRecorder* r,
                             std::string element,
                             const MmsSocketTransport::Exchange& x);
    /**
     * A pool made a handset: record its exchanges under the bound subscriber's number.
     * \param r the recorder
     * \param pool the pool
     * \param cell the pool's cell index
     * \param handset the handset's index in the cell
     * \param transport its transport
     */
    static void PoolHandsetSink(MmsSqliteRecorder* r,
                                MmsSubscriberPool* pool,
                                uint32_t cell,
                                uint32_t handset,
                                Ptr<MmsTransport> transport);
    /**
     * An exchange of a pool's handset.
     * \param r the recorder
     * \param pool the pool
     * \param cell the pool's cell index
     * \param handset the handset's index in the cell
     * \param x the exchange
     */
    static void PoolExchangeSink(MmsSqliteRecorder* r,
                                 MmsSubscriberPool* pool,
                                 uint32_t cell,
                                 uint32_t handset,
                                 const MmsSocketTransport::Exchange& x);
    /**
     * The name of a pool's handset: "ua:" and the number of the subscriber bound to it.
     * \param pool the pool
     * \param cell the pool's cell index
     * \param handset the handset's index in the cell
     * \return the name
     */
    static std::string PoolName(MmsSubscriberPool* pool, uint32_t cell, uint32_t handset);
    void OnPdu(const MmsLadderTracer::Pdu& p);
    void OnDeliveryReportSent(const MmsEvent& e);
    void OnStateTransition(const std::string& messageId,
                           const std::string& recipient,
                           MmsRelay::RecipientState from,
                           MmsRelay::RecipientState to);
    void OnPushSent(const MmsEvent& e);
    void OnSmsAccepted(const MmsEvent& e);
    void OnSmsSent(const MmsEvent& e);
    void OnSmsDelivered(const MmsEvent& e);
    void OnSmsExpired(const MmsEvent& e);

    /// The delivery of a message to a recipient (created on first use).
    DeliveryRecord& Delivery(const std::string& messageId, const std::string& recipient);
    /// Set a delivery time: the first value (`last` false) or the latest (`last` true). Writes
    /// through to the file when the row has been written already.
    void SetTime(const std::string& messageId,
                 const std::string& recipient,
                 DeliveryTime which,
                 bool last);
    void WriteMessage(const MessageRecord& m);
    void WriteDelivery(const DeliveryRecord& d);
    void WriteSms(const SmsRecord& s, const std::string& state);
    void RowWritten();
    void Housekeeping();
    void Interrupted(); //!< a signal arrived: stop the simulation, mark the run aborted
    void Sample();
    /// Gives each sampled Relay, Server, PPG and SMSC its element_sample.element value, at the
    /// first sample: the kind when it is the only one of its kind, else "kind:name".
    void NameElements();
    /**
     * Commit the current batch of rows and, unless \p last, begin the next one.
     * \param last true for the closing commit only: no batch follows it
     */
    void Commit(bool last = false);
    /// False once a write failed (nothing more is written), outside a batch, or when closed.
    bool Writable() const;
    /// Write the records still open (Close()).
    void WriteOpenRecords();
    /**
     * A write failed: roll back the open batch, stop writing and stop the simulation.
     * \param doing what was being written ("writing a delivery row")
     * \param reason SQLite's message
     */
    void Fail(const std::string& doing, const std::string& reason);
    void RecordAttributes();
    void AddElement(Element e, Ptr<MmsApplication> app, Ptr<Object> queueSource);
    /// Increment a count column of a delivery (through to the file if written already).
    void Count(const std::string& messageId, const std::string& recipient, int which);
    /// A message may have no open delivery left: check it once the current event is over.
    void MessageMayHaveEnded(const std::string& messageId);
    /// Drop the row ids of the messages left without an open delivery (m_messagesEnded) once
    /// the event they ended in is over; called before every look at m_messageRows.
    void DropEndedMessages();
    /// \return the rows of m_messageRows that DropEndedMessages() would keep
    std::size_t CountMessageRows() const;

    // Attributes
    std::string m_path;
    std::string m_scenario;
    uint32_t m_flushRows;
    Time m_flushInterval;
    bool m_recordTransactions;
    bool m_recordPdus;
    Time m_sampleInterval;
    Time m_progressInterval;
    bool m_catchSignals;

    MmsSqliteDatabase m_db;
    int64_t m_runId{0};
    std::string m_commandLine;
    std::vector<MmsRunMetadata::Row> m_extraAttributes; //!< AddRunAttribute
    uint32_t m_systemId{0}; //!< SetSystemId: the rank whose nodes are recorded
    bool m_connected{false};
    bool m_closed{false};
    bool m_failed{false};
    uint64_t m_rows{0};
    uint64_t m_rowsCommitted{0}; //!< m_rows at the last commit
    uint64_t m_rowsSinceCommit{0};
    Time m_lastCommit;
    Time m_lastSample;
    EventId m_housekeeping;
    EventId m_sampling;
    std::chrono::steady_clock::time_point m_wallStart;
    std::chrono::steady_clock::time_point m_lastProgress;

    MmsSqliteStatement m_insertMessage;
    MmsSqliteStatement m_insertDelivery;
    MmsSqliteStatement m_insertSms;
    MmsSqliteStatement m_insertRoute;
    MmsSqliteStatement m_insertTransaction;
    MmsSqliteStatement m_insertPdu;
    MmsSqliteStatement m_insertElementSample;
    MmsSqliteStatement m_insertBearerSample;
    MmsSqliteStatement m_updateDelivery[DELIVERY_TIMES];
    MmsSqliteStatement m_countDelivery[3]; //!< notifications, sms_segments, retrievals

    int64_t m_nextMessageRow{1};
    std::unordered_map<std::string, MessageRecord> m_openMessages; //!< by transaction id

    /// The row of a message the Relay accepted and its deliveries not yet ended.
    struct MessageRow
    {
        int64_t row{0};   //!< the message row's id
        uint32_t open{0}; //!< its deliveries in m_deliveries
    };

    std::unordered_map<std::string, MessageRow> m_messageRows; //!< by Message-ID, while open

    /// An off-net message's row while its forwarded pairs and the receiving Relay's rows of
    /// them are not all recorded (either may come first: the sender learns Forwarded when the
    /// SMTP reply comes, the receiver may have ended the pair before).
    struct ForwardedRow
    {
        int64_t row{-1};    //!< the message row's id (-1: not known yet)
        int64_t balance{0}; //!< pairs forwarded less pairs ended by the receiving Relay
    };

    /// By the originating Message-ID.
    std::unordered_map<std::string, ForwardedRow> m_forwardedRows;
    std::vector<std::string> m_messagesEnded; //!< whose open count reached 0 in this event
    uint64_t m_endedInEvent{0}; //!< Simulator::GetEventCount() when m_messagesEnded grew
    std::unordered_map<std::string, DeliveryRecord> m_deliveries; //!< open, by id + recipient
    std::unordered_map<std::string, SmsRecord> m_sms;             //!< open, by reference
    std::vector<Element> m_elements;
    bool m_elementsNamed{false}; //!< NameElements has run (at the first sample)
    std::vector<Cell> m_cells;
    Ptr<MmsLadderTracer> m_ladderTracer; //!< RecordPdus: pairs sending and arrival
    /// ConnectUserAgent's trace sources of MmsUserAgent and their sinks, looked up once
    std::vector<std::pair<Ptr<const TraceSourceAccessor>, Callback<void, const MmsEvent&>>>
        m_uaSinks;
    uint64_t m_messagesSubmitted{0};
    uint64_t m_deliveriesClosed{0};
    bool m_interrupted{false};
    bool m_exited{false};         //!< CloseAtExit: the program called std::exit with the run open
    std::string m_failure;        //!< the first write error: SQLite's reason, what, when
    bool m_diskFull{false};       //!< that error was SQLITE_FULL
    std::string m_failureMessage; //!< GetFailure()
    TracedCallback<uint64_t> m_committedTrace;

    struct sigaction m_previousSigint
    {
    }; //!< restored by Close()

    struct sigaction m_previousSigterm
    {
    }; //!< restored by Close()
};

} // namespace ns3

#endif /* MMS_SQLITE_RECORDER_H */
