/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-sqlite.h"

#include <cerrno>
#include <cstring>
#include <set>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{

// ------------------------------------------------------------------------ database

MmsSqliteDatabase::~MmsSqliteDatabase()
{
    Close();
}

namespace
{
/**
 * SQLite's message for the last error of a connection, with the system's reason when the
 * error came from the file system ("disk I/O error (File too large)"). SQLite's own "database
 * or disk is full" carries no system reason.
 */
std::string
ErrorText(sqlite3* db, const char* message)
{
    std::string text = message;
    int primary = sqlite3_extended_errcode(db) & 0xff;
    int sys = sqlite3_system_errno(db);
    if (sys != 0
        && (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN))
    {
        text += std::string(" (") + std::strerror(sys) + ")";
    }
    return text;
}

/// The folder part of a path ("." for a bare file name).
std::string
DirectoryOf(const std::string& path)
{
    std::string::size_type slash = path.find_last_of('/');
    if (slash == std::string::npos)
    {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}
} // namespace

bool
MmsSqliteDatabase::OpenWith(const std::string& path, int flags, std::string& error)
{
    Close();
    m_path = path;
    if (path.empty())
    {
        error = "results file: the path is empty";
        return false;
    }
    // Name the usual problems before SQLite's generic "unable to open database file".
    struct stat st;
    std::string dir = DirectoryOf(path);
    if (stat(path.c_str(), &st) == 0)
    {
        if (S_ISDIR(st.st_mode))
        {
            error = "results file '" + path + "': is a directory";
            return false;
        }
    }
    else if ((flags & SQLITE_OPEN_CREATE) != 0)
    {
        if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        {
            error = "results file '" + path + "': the directory '" + dir + "' does not exist";
            return false;
        }
        if (access(dir.c_str(), W_OK) != 0)
        {
            error = "results file '" + path + "': the directory '" + dir + "' is not writable ("
                    + std::strerror(errno) + ")";
            return false;
        }
    }
    else
    {
        error = "results file '" + path + "': no such file";
        return false;
    }
    int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK)
    {
        int sys = m_db ? sqlite3_system_errno(m_db) : 0;
        error = "results file '" + path
                + "': cannot open: " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        if (sys != 0)
        {
            error += std::string(" (") + std::strerror(sys) + ")";
        }
        Close();
        return false;
    }
    sqlite3_busy_timeout(m_db, 10000); // another run appending to the same file
    sqlite3_extended_result_codes(m_db, 1);
    // Reading the schema is the first access to the file's contents: a file that is not
    // SQLite fails here ("file is not a database").
    std::string e;
    if (!Exec("SELECT count(*) FROM sqlite_master", e))
    {
        error = "results file '" + path + "': not an SQLite database (" + LastError() + ")";
        Close();
        return false;
    }
    return true;
}

bool
MmsSqliteDatabase::Open(const std::string& path, std::string& error)
{
    if (!OpenWith(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    {
        return false;
    }
    std::string e;
    // WAL: a reader (a report) never blocks the run, and a killed process loses only its open
    // transaction. synchronous=NORMAL is durable against process death (not power loss).
    if (QueryText("PRAGMA journal_mode=WAL") != "wal" || !Exec("PRAGMA synchronous=NORMAL", e))
    {
        error = "results file '" + path + "': cannot switch to WAL journal: " + LastError();
        Close();
        return false;
    }
    // A read-only file (or file system) is found only on the first write.
    if (!Exec("BEGIN IMMEDIATE; COMMIT;", e))
    {
        error = "results file '" + path + "': cannot write: " + LastError();
        Close();
        return false;
    }
    return true;
}

bool
MmsSqliteDatabase::OpenReadOnly(const std::string& path, std::string& error)
{
    return OpenWith(path, SQLITE_OPEN_READONLY, error);
}

bool
MmsSqliteDatabase::IsOpen() const
{
    return m_db != nullptr;
}

void
MmsSqliteDatabase::Close()
{
    if (m_db)
    {
        if (m_inTransaction)
        {
            std::string e;
            Commit(e);
        }
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    m_inTransaction = false;
}

const std::string&
MmsSqliteDatabase::GetPath() const
{
    return m_path;
}

bool
MmsSqliteDatabase::Exec(const std::string& sql, std::string& error)
{
    if (!m_db)
    {
        error = "results file not open";
        return false;
    }
    char* message = nullptr;
    int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK)
    {
        error = "results file '" + m_path
                + "': " + ErrorText(m_db, message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool
MmsSqliteDatabase::Prepare(const std::string& sql, MmsSqliteStatement& s, std::string& error)
{
    s.Finalize();
    if (!m_db)
    {
        error = "results file not open";
        return false;
    }
    if (sqlite3_prepare_v3(m_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s.m_stmt, nullptr)
        != SQLITE_OK)
    {
        error = "results file '" + m_path + "': " + sqlite3_errmsg(m_db) + " in: " + sql;
        s.m_stmt = nullptr;
        return false;
    }
    s.m_db = m_db;
    return true;
}

std::string
MmsSqliteDatabase::QueryText(const std::string& sql)
{
    MmsSqliteStatement s;
    std::string e;
    if (!Prepare(sql, s, e) || !s.Step())
    {
        return "";
    }
    return s.ColumnText(0);
}

int64_t
MmsSqliteDatabase::QueryInt(const std::string& sql, int64_t otherwise)
{
    MmsSqliteStatement s;
    std::string e;
    if (!Prepare(sql, s, e) || !s.Step() || s.ColumnIsNull(0))
    {
        return otherwise;
    }
    return s.ColumnInt(0);
}

bool
MmsSqliteDatabase::Begin(std::string& error)
{
    if (m_inTransaction)
    {
        return true;
    }
    if (!Exec("BEGIN IMMEDIATE", error))
    {
        return false;
    }
    m_inTransaction = true;
    return true;
}

bool
MmsSqliteDatabase::Commit(std::string& error)
{
    if (!m_inTransaction)
    {
        return true;
    }
    if (Exec("COMMIT", error))
    {
        m_inTransaction = false;
        return true;
    }
    // A COMMIT that failed may leave the transaction open (always after SQLITE_BUSY; after
    // SQLITE_FULL or SQLITE_IOERR SQLite may have rolled it back): the caller then rolls it
    // back or tries again.
    m_inTransaction = sqlite3_get_autocommit(m_db) == 0;
    return false;
}

bool
MmsSqliteDatabase::Rollback(std::string& error)
{
    m_inTransaction = false;
    // After SQLITE_FULL or SQLITE_IOERR, SQLite may have rolled back the whole transaction
    // itself, or only the failed statement: ask it.
    if (!m_db || sqlite3_get_autocommit(m_db) != 0)
    {
        return true;
    }
    return Exec("ROLLBACK", error);
}

bool
MmsSqliteDatabase::LastErrorIsDiskFull() const
{
    return m_db && (sqlite3_extended_errcode(m_db) & 0xff) == SQLITE_FULL;
}

bool
MmsSqliteDatabase::InTransaction() const
{
    return m_inTransaction;
}

int64_t
MmsSqliteDatabase::LastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

std::string
MmsSqliteDatabase::LastError() const
{
    return m_db ? ErrorText(m_db, sqlite3_errmsg(m_db)) : "not open";
}

// ------------------------------------------------------------------------ statement

MmsSqliteStatement::~MmsSqliteStatement()
{
    Finalize();
}

void
MmsSqliteStatement::Finalize()
{
    if (m_stmt)
    {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

bool
MmsSqliteStatement::IsPrepared() const
{
    return m_stmt != nullptr;
}

void
MmsSqliteStatement::BindInt(int index, int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, static_cast<sqlite3_int64>(value));
}

void
MmsSqliteStatement::BindDouble(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void
MmsSqliteStatement::BindText(int index, const std::string& value)
{
    sqlite3_bind_text(
        m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

void
MmsSqliteStatement::BindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void
MmsSqliteStatement::BindTime(int index, double seconds)
{
    if (seconds < 0)
    {
        BindNull(index);
    }
    else
    {
        BindDouble(index, seconds);
    }
}

void
MmsSqliteStatement::BindTextOrNull(int index, const std::string& value)
{
    if (value.empty())
    {
        BindNull(index);
    }
    else
    {
        BindText(index, value);
    }
}

bool
MmsSqliteStatement::Step()
{
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
    {
        return true;
    }
    if (rc != SQLITE_DONE)
    {
        m_error = ErrorText(m_db, sqlite3_errmsg(m_db));
    }
    return false;
}

bool
MmsSqliteStatement::Run()
{
    m_error.clear();
    while (Step())
    {
    }
    Reset();
    return m_error.empty();
}

void
MmsSqliteStatement::Reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool
MmsSqliteStatement::HasError() const
{
    return !m_error.empty();
}

const std::string&
MmsSqliteStatement::GetError() const
{
    return m_error;
}

int64_t
MmsSqliteStatement::ColumnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double
MmsSqliteStatement::ColumnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string
MmsSqliteStatement::ColumnText(int column) const
{
    const unsigned char* t = sqlite3_column_text(m_stmt, column);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}

bool
MmsSqliteStatement::ColumnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int
MmsSqliteStatement::ColumnCount() const
{
    return sqlite3_column_count(m_stmt);
}

// ------------------------------------------------------------------------ schema

namespace MmsResultsSchema
{

namespace
{
// Times are simulation seconds (REAL); sizes are octets; NULL means "did not happen (yet)".
// doc/mms.rst documents every column; keep the two in step.
const char* const SCHEMA = R"SQL(
CREATE TABLE IF NOT EXISTS run (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'aborted')),
  started TEXT NOT NULL,
  ended TEXT,
  wall_seconds REAL,
  simulated_seconds REAL,
  scenario TEXT,
  ns3_version TEXT,
  module_version TEXT,
  rng_seed INTEGER,
  rng_run INTEGER,
  command_line TEXT,
  sample_interval REAL,
  note TEXT
);
CREATE TABLE IF NOT EXISTS run_attribute (
  run INTEGER NOT NULL REFERENCES run(id),
  scope TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT,
  default_value TEXT,
  objects INTEGER
);
CREATE TABLE IF NOT EXISTS message (
  run INTEGER NOT NULL REFERENCES run(id),
  id INTEGER NOT NULL,
  message_id TEXT,
  originator TEXT NOT NULL,
  transaction_id TEXT NOT NULL,
  size INTEGER NOT NULL,
  content_class TEXT,
  recipients INTEGER NOT NULL,
  submitted REAL NOT NULL,
  confirmed REAL,
  status TEXT,
  PRIMARY KEY (run, id)
);
CREATE TABLE IF NOT EXISTS delivery (
  run INTEGER NOT NULL REFERENCES run(id),
  message INTEGER,
  message_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  size INTEGER,
  notification_queued REAL,
  notifications INTEGER NOT NULL,
  sms_segments INTEGER NOT NULL,
  sms_first_delivered REAL,
  sms_last_delivered REAL,
  push_sent REAL,
  push_received REAL,
  notify_resp_sent REAL,
  retrieval_started REAL,
  retrieval_completed REAL,
  retrievals INTEGER NOT NULL,
  acknowledged REAL,
  final_state TEXT NOT NULL,
  ended REAL,
  delivery_report_sent REAL,
  delivery_report_received REAL,
  read_report_sent REAL,
  read_report_received REAL
);
CREATE TABLE IF NOT EXISTS sms (
  run INTEGER NOT NULL REFERENCES run(id),
  reference TEXT NOT NULL,
  push_id TEXT,
  message_id TEXT,
  kind TEXT NOT NULL,
  destination TEXT NOT NULL,
  octets INTEGER NOT NULL,
  accepted REAL NOT NULL,
  first_sent REAL,
  delivered REAL,
  attempts INTEGER NOT NULL,
  final_state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "transaction" (
  run INTEGER NOT NULL REFERENCES run(id),
  element TEXT NOT NULL,
  peer TEXT NOT NULL,
  type TEXT NOT NULL,
  transaction_id TEXT,
  start REAL NOT NULL,
  finish REAL NOT NULL,
  request_bytes INTEGER NOT NULL,
  response_bytes INTEGER NOT NULL,
  status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS element_sample (
  run INTEGER NOT NULL REFERENCES run(id),
  time REAL NOT NULL,
  element TEXT NOT NULL,
  queue INTEGER,
  queue_max INTEGER,
  busy INTEGER,
  stored_messages INTEGER,
  stored_bytes INTEGER,
  messages_in INTEGER NOT NULL,
  bytes_in INTEGER NOT NULL,
  messages_out INTEGER NOT NULL,
  bytes_out INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS bearer_sample (
  run INTEGER NOT NULL REFERENCES run(id),
  time REAL NOT NULL,
  cell INTEGER NOT NULL,
  bearer TEXT NOT NULL,
  handsets INTEGER NOT NULL,
  downlink_utilisation REAL NOT NULL,
  uplink_utilisation REAL NOT NULL,
  downlink_busy REAL NOT NULL,
  uplink_busy REAL NOT NULL,
  downlink_active INTEGER NOT NULL,
  uplink_active INTEGER NOT NULL,
  downlink_bytes INTEGER NOT NULL,
  uplink_bytes INTEGER NOT NULL,
  drops INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pdu (
  run INTEGER NOT NULL REFERENCES run(id),
  sender TEXT NOT NULL,
  receiver TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('request', 'response', 'datagram')),
  description TEXT NOT NULL,
  transaction_id TEXT,
  octets INTEGER NOT NULL,
  issued REAL NOT NULL,
  sent REAL NOT NULL,
  arrived REAL
);
CREATE TABLE IF NOT EXISTS delivery_route (
  run INTEGER NOT NULL REFERENCES run(id),
  message_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  interface TEXT NOT NULL CHECK (interface IN ('MM1', 'MM3', 'MM4')),
  origin_operator TEXT,
  destination_operator TEXT
);
CREATE INDEX IF NOT EXISTS message_by_id ON message (run, message_id);
CREATE INDEX IF NOT EXISTS delivery_by_message ON delivery (run, message_id, recipient);
CREATE INDEX IF NOT EXISTS sms_by_message ON sms (run, message_id);
CREATE INDEX IF NOT EXISTS element_sample_by_time ON element_sample (run, element, time);
CREATE INDEX IF NOT EXISTS pdu_by_sent ON pdu (run, sent);

-- KPIs after ETSI TS 102 250-2 (MMS parameters), with this module's trigger points.
-- A pair forwarded to another operator over MM4 ('forwarded') counts neither as done nor as
-- failed here: the receiving Relay's row of it tells.
CREATE VIEW IF NOT EXISTS kpi_send AS
  SELECT run, id AS message, originator, submitted, confirmed,
         CASE WHEN status = 'Ok' THEN confirmed - submitted END AS send_time,
         CASE WHEN status IS NULL THEN NULL WHEN status = 'Ok' THEN 0 ELSE 1 END AS failed
  FROM message;
CREATE VIEW IF NOT EXISTS kpi_notification AS
  SELECT d.run, d.message, d.message_id, d.recipient, m.confirmed, d.push_received,
         d.push_received - m.confirmed AS notification_time,
         CASE WHEN d.push_received IS NOT NULL THEN 0
              WHEN d.final_state IN ('notifying', 'deferred', 'retrieving', 'forwarded') THEN NULL
              ELSE 1 END AS failed
  FROM delivery d LEFT JOIN message m ON m.run = d.run AND m.id = d.message
  WHERE d.notification_queued IS NOT NULL;
CREATE VIEW IF NOT EXISTS kpi_retrieval AS
  SELECT run, message, message_id, recipient, retrieval_started, retrieval_completed,
         retrieval_completed - retrieval_started AS retrieval_time,
         CASE WHEN retrieval_completed IS NOT NULL THEN 0
              WHEN final_state IN ('notifying', 'deferred', 'retrieving', 'forwarded') THEN NULL
              ELSE 1 END AS failed
  FROM delivery WHERE retrieval_started IS NOT NULL;
CREATE VIEW IF NOT EXISTS kpi_end_to_end AS
  SELECT d.run, d.message, d.message_id, d.recipient, m.submitted, d.retrieval_completed,
         d.retrieval_completed - m.submitted AS delivery_time,
         CASE WHEN d.final_state = 'retrieved' THEN 0
              WHEN d.final_state IN ('notifying', 'deferred', 'retrieving', 'forwarded') THEN NULL
              ELSE 1 END AS failed
  FROM delivery d LEFT JOIN message m ON m.run = d.run AND m.id = d.message;
CREATE VIEW IF NOT EXISTS kpi_failure_ratio AS
  SELECT r.id AS run,
    (SELECT avg(failed) FROM kpi_send WHERE run = r.id) AS send_failure_ratio,
    (SELECT count(failed) FROM kpi_send WHERE run = r.id) AS send_attempts,
    (SELECT avg(failed) FROM kpi_notification WHERE run = r.id) AS notification_failure_ratio,
    (SELECT count(failed) FROM kpi_notification WHERE run = r.id) AS notifications,
    (SELECT avg(failed) FROM kpi_retrieval WHERE run = r.id) AS retrieval_failure_ratio,
    (SELECT count(failed) FROM kpi_retrieval WHERE run = r.id) AS retrievals,
    (SELECT avg(failed) FROM kpi_end_to_end WHERE run = r.id) AS end_to_end_failure_ratio,
    (SELECT count(failed) FROM kpi_end_to_end WHERE run = r.id) AS deliveries
  FROM run r;
CREATE VIEW IF NOT EXISTS throughput AS
  SELECT d.run, CAST(d.retrieval_completed / r.sample_interval AS INTEGER) * r.sample_interval
           AS interval_start,
         r.sample_interval AS interval, count(*) AS retrievals, sum(d.size) AS retrieved_bytes,
         sum(d.size) * 8.0 / r.sample_interval AS retrieved_bit_rate
  FROM delivery d JOIN run r ON r.id = d.run
  WHERE d.retrieval_completed IS NOT NULL AND r.sample_interval > 0
  GROUP BY d.run, interval_start;

-- Summaries (schema version 2): the figures the end-of-run summary and utils/mms-report.py
-- print, one row per run (and KPI, element or cell).
-- kpi_summary: per run and KPI with at least one value (a KPI without values has no row), the
-- count n, the mean and nearest-rank percentiles: the value at 1-based rank ceil(p n / 100) of
-- the n non-NULL values in ascending order, in integer arithmetic (p n + 99) / 100. The window
-- runs over the values in ascending order, so the mean sums them in that order, and the last
-- row of each (kpi, run) carries the figures. Only window functions partitioned by (kpi, run)
-- lie between the view and the tables, so "WHERE run = ?" reaches the tables' indexes.
CREATE VIEW IF NOT EXISTS kpi_summary AS
  WITH kpi_value (kpi, run, value) AS (
    SELECT 'send_time', run, send_time FROM kpi_send WHERE send_time IS NOT NULL
    UNION ALL
    SELECT 'notification_time', run, notification_time FROM kpi_notification
      WHERE notification_time IS NOT NULL
    UNION ALL
    SELECT 'retrieval_time', run, retrieval_time FROM kpi_retrieval
      WHERE retrieval_time IS NOT NULL
    UNION ALL
    SELECT 'end_to_end_time', run, delivery_time FROM kpi_end_to_end
      WHERE delivery_time IS NOT NULL),
  counted AS (
    SELECT kpi, run, value, count(*) OVER (PARTITION BY kpi, run) AS n FROM kpi_value),
  ranked AS (
    SELECT kpi, run, n,
           row_number() OVER ascending AS rank,
           avg(value) OVER ascending AS mean,
           nth_value(value, (50 * n + 99) / 100) OVER ascending AS p50,
           nth_value(value, (90 * n + 99) / 100) OVER ascending AS p90,
           nth_value(value, (95 * n + 99) / 100) OVER ascending AS p95,
           nth_value(value, (99 * n + 99) / 100) OVER ascending AS p99
    FROM counted
    WINDOW ascending AS (PARTITION BY kpi, run ORDER BY value
                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))
  SELECT kpi, run, n, mean, p50, p90, p95, p99 FROM ranked WHERE rank = n;
CREATE VIEW IF NOT EXISTS run_summary AS
  SELECT r.id AS run,
    (SELECT count(*) FROM message WHERE run = r.id) AS messages,
    (SELECT count(*) FROM message WHERE run = r.id AND status = 'Ok') AS messages_confirmed,
    (SELECT count(*) FROM delivery WHERE run = r.id) AS deliveries,
    (SELECT count(*) FROM delivery WHERE run = r.id
       AND final_state IN ('notifying', 'deferred', 'retrieving')) AS deliveries_open,
    (SELECT count(*) FROM delivery WHERE run = r.id
       AND final_state = 'retrieved') AS deliveries_retrieved,
    (SELECT count(*) FROM delivery WHERE run = r.id
       AND final_state IN ('retrieved', 'rejected', 'expired', 'failed', 'forwarded'))
       AS deliveries_terminal,
    (SELECT count(*) FROM delivery WHERE run = r.id
       AND retrieval_completed IS NOT NULL) AS retrievals,
    (SELECT coalesce(sum(size), 0) FROM delivery WHERE run = r.id
       AND retrieval_completed IS NOT NULL) AS retrieved_bytes
  FROM run r;
-- interface_summary (version 4, columns submission and mean_end_to_end since 5): per run, interface (MM1 within an operator, MM4 between
-- operators, MM3 to or from e-mail) and pair of operators, the deliveries of runs with operators
-- or e-mail (delivery_route) and how they ended at the Relay that wrote them; submission is MM7
-- for messages a VASP submitted (their message row's originator is not a number), else MM1. A
-- pair received over MM4 is recorded against the originating message (delivery.message), so
-- mean_end_to_end (retrieval completed less the submission, retrieved pairs) covers off-net
-- pairs too.
CREATE VIEW IF NOT EXISTS interface_summary AS
  SELECT r.run, r.interface, r.origin_operator, r.destination_operator,
         count(*) AS deliveries,
         sum(d.final_state = 'retrieved') AS retrieved,
         sum(d.final_state = 'forwarded') AS forwarded,
         sum(d.final_state IN ('rejected', 'expired', 'failed')) AS not_delivered,
         avg(d.retrieval_completed - d.notification_queued) AS mean_notified_to_retrieved,
         CASE WHEN m.originator GLOB '[+0-9]*' OR m.originator IS NULL THEN 'MM1' ELSE 'MM7' END
           AS submission,
         avg(CASE WHEN d.final_state = 'retrieved' THEN d.retrieval_completed - m.submitted END)
           AS mean_end_to_end
  FROM delivery_route r JOIN delivery d
    ON d.run = r.run AND d.message_id = r.message_id AND d.recipient = r.recipient
    LEFT JOIN message m ON m.run = d.run AND m.id = d.message
  GROUP BY r.run, r.interface, r.origin_operator, r.destination_operator, submission;
CREATE VIEW IF NOT EXISTS element_peak AS
  SELECT run, element, max(queue_max) AS queue_peak, max(stored_messages) AS stored_messages_peak,
         max(stored_bytes) AS stored_bytes_peak
  FROM element_sample GROUP BY run, element;
CREATE VIEW IF NOT EXISTS cell_utilisation AS
  SELECT run, cell, count(*) AS samples,
         max(downlink_utilisation) AS downlink_peak, avg(downlink_utilisation) AS downlink_mean,
         max(uplink_utilisation) AS uplink_peak, avg(uplink_utilisation) AS uplink_mean
  FROM bearer_sample GROUP BY run, cell;
)SQL";
} // namespace

const std::string&
GetSql()
{
    static const std::string sql(SCHEMA);
    return sql;
}

const std::string&
GetCloseSql()
{
    // bearer_sample takes a row per cell and sample: kept up to date row by row, its index was
    // 15 % of a flow-level run of a thousand cells; built once at the end instead.
    static const std::string sql(
        "CREATE INDEX IF NOT EXISTS bearer_sample_by_time ON bearer_sample (run, cell, time);");
    return sql;
}

const std::vector<std::pair<std::string, std::vector<std::string>>>&
GetTables()
{
    static const std::vector<std::pair<std::string, std::vector<std::string>>> tables = []
    {
        // Read the column lists from the schema text itself, so that they cannot diverge.
        std::vector<std::pair<std::string, std::vector<std::string>>> out;
        std::string sql(SCHEMA);
        const std::string create = "CREATE TABLE IF NOT EXISTS ";
        std::string::size_type pos = 0;
        while ((pos = sql.find(create, pos)) != std::string::npos)
        {
            pos += create.size();
            std::string::size_type open = sql.find('(', pos);
            std::string name = sql.substr(pos, open - pos - 1);
            if (!name.empty() && name.front() == '"')
            {
                name = name.substr(1, name.size() - 2);
            }
            std::string::size_type close = sql.find("\n);", open);
            std::vector<std::string> columns;
            std::string::size_type line = sql.find('\n', open) + 1;
            while (line < close)
            {
                std::string::size_type end = sql.find('\n', line);
                std::string text = sql.substr(line, end - line);
                std::string word = text.substr(2, text.find(' ', 2) - 2);
                if (word != "PRIMARY")
                {
                    columns.push_back(word);
                }
                line = end + 1;
            }
            out.emplace_back(name, columns);
            pos = close;
        }
        return out;
    }();
    return tables;
}

const std::vector<std::string>&
GetViews()
{
    static const std::vector<std::string> views = {"kpi_send",
                                                   "kpi_notification",
                                                   "kpi_retrieval",
                                                   "kpi_end_to_end",
                                                   "kpi_failure_ratio",
                                                   "throughput",
                                                   "kpi_summary",
                                                   "run_summary",
                                                   "element_peak",
                                                   "cell_utilisation"};
    return views;
}

namespace
{
/// Run the schema's statements (each creates only what is missing) and set the version, in one
/// transaction: creates the schema in an empty file and adds what a newer version added to an
/// older file.
bool
CreateMissing(MmsSqliteDatabase& db, int64_t version, std::string& error)
{
    std::string before;
    std::string after;
    if (version == 4)
    {
        // Version 5 lets delivery_route name MM3 and adds columns to interface_summary: the view
        // is made again, and the table, whose CHECK SQLite cannot alter, is copied into a new
        // one (the view goes first, or SQLite would point it at the renamed table).
        before = "DROP VIEW IF EXISTS interface_summary;"
                 "ALTER TABLE delivery_route RENAME TO delivery_route_version_4;";
        after = "INSERT INTO delivery_route (run, message_id, recipient, interface, "
                "origin_operator, destination_operator) SELECT run, message_id, recipient, "
                "interface, origin_operator, destination_operator FROM delivery_route_version_4;"
                "DROP TABLE delivery_route_version_4;";
    }
    std::string e;
    if (!db.Exec("BEGIN IMMEDIATE;" + before + GetSql() + after
                     + "PRAGMA user_version = " + std::to_string(VERSION) + "; COMMIT;",
                 e))
    {
        error = e;
        std::string ignore;
        db.Exec("ROLLBACK", ignore);
        return false;
    }
    return true;
}
} // namespace

bool
Ensure(MmsSqliteDatabase& db, std::string& error)
{
    const std::string& path = db.GetPath();
    int64_t version = db.QueryInt("PRAGMA user_version", 0);
    int64_t tables = db.QueryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                 "name NOT LIKE 'sqlite_%'",
                                 0);
    if (version == 0 && tables > 0)
    {
        error = "results file '" + path
                + "': an SQLite file of another program (it has tables but no MMS results "
                  "schema version); choose another file";
        return false;
    }
    if (version < 0 || version > VERSION)
    {
        error = "results file '" + path + "': MMS results schema version " + std::to_string(version)
                + ", this build writes version " + std::to_string(VERSION)
                + "; choose another file";
        return false;
    }
    if (version == 0)
    {
        return CreateMissing(db, 0, error);
    }
    // An MMS results file: every table must have the columns this build writes; a table added
    // since the file's version (version 3: pdu) is created below.
    for (const auto& table : GetTables())
    {
        MmsSqliteStatement s;
        std::string e;
        std::set<std::string> have;
        if (db.Prepare("PRAGMA table_info(\"" + table.first + "\")", s, e))
        {
            while (s.Step())
            {
                have.insert(s.ColumnText(1));
            }
        }
        if (have.empty()
            && ((version < 3 && table.first == "pdu")
                || (version < 4 && table.first == "delivery_route")))
        {
            continue;
        }
        for (const auto& column : table.second)
        {
            if (have.count(column) == 0)
            {
                error = "results file '" + path + "': table " + table.first + " has no column "
                        + column + " (a damaged or edited results file)";
                return false;
            }
        }
    }
    // An older version gains what was added since (version 2: the summary views; version 3:
    // the pdu table; version 4: the delivery_route table and the interface_summary view;
    // version 5: MM3 in delivery_route, submission and mean_end_to_end in interface_summary).
    return version == VERSION || CreateMissing(db, version, error);
}

} // namespace MmsResultsSchema

} // namespace ns3
