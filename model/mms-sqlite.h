/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SQLITE_H
#define MMS_SQLITE_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

/**
 * \file
 * \ingroup mms-recording
 * A thin, safe layer over the SQLite C API for MMS results files (MmsSqliteDatabase,
 * MmsSqliteStatement) and the schema of such a file (MmsResultsSchema).
 */

namespace ns3
{

class MmsSqliteStatement;

/**
 * \ingroup mms-recording
 * \brief One open SQLite database: an MMS results file.
 *
 * Open() opens (creating if needed) a file for writing, in WAL mode with synchronous=NORMAL,
 * so that a report can read while a simulation writes and a killed process loses only its
 * open transaction; OpenReadOnly() opens an existing file for reports, summaries and tests.
 * Both check what SQLite would only report vaguely (an empty path, a directory, a missing or
 * unwritable folder, a file that is not SQLite) and name the file and the reason.
 *
 * Errors are values: a method that can fail returns false and sets a message naming the
 * file and what SQLite said (with the system's reason for a file-system error, such as a full
 * disk); nothing aborts. Statements are prepared with Prepare() into an
 * MmsSqliteStatement; Begin() and Commit() bracket a batch of writes. The schema of a results
 * file is MmsResultsSchema's.
 */
class MmsSqliteDatabase
{
  public:
    MmsSqliteDatabase() = default;
    /// Closes the file (committing an open transaction).
    ~MmsSqliteDatabase();
    MmsSqliteDatabase(const MmsSqliteDatabase&) = delete;
    MmsSqliteDatabase& operator=(const MmsSqliteDatabase&) = delete;

    /**
     * \brief Open (creating if needed) a database file for writing, in WAL mode with
     * synchronous=NORMAL (a killed process loses nothing committed), and check that it is an
     * SQLite file that can be written.
     * \param path the file
     * \param error set to a message naming the path and the reason on failure
     * \return true on success
     */
    bool Open(const std::string& path, std::string& error);
    /**
     * \brief Open an existing file read-only (for reports, summaries and tests).
     * \param path the file
     * \param error set to a message naming the path and the reason on failure
     * \return true on success
     */
    bool OpenReadOnly(const std::string& path, std::string& error);
    /**
     * \return true between a successful Open() or OpenReadOnly() and Close()
     */
    bool IsOpen() const;
    /// Close the file, committing an open transaction first; harmless when not open.
    void Close();
    /**
     * \return the path of the last Open() or OpenReadOnly()
     */
    const std::string& GetPath() const;

    /**
     * \brief Run one or more statements that return no rows.
     * \param sql the statements, separated by semicolons
     * \param error set to a message naming the file and SQLite's reason on failure
     * \return true on success
     */
    bool Exec(const std::string& sql, std::string& error);
    /**
     * \brief Prepare a statement (kept prepared for reuse).
     * \param sql one statement, with ? parameters
     * \param statement receives the prepared statement (a previous one is finalised)
     * \param error set to a message naming the file, SQLite's reason and the SQL on failure
     * \return true on success
     */
    bool Prepare(const std::string& sql, MmsSqliteStatement& statement, std::string& error);
    /**
     * \brief A small lookup: the first column of the first row of a query, as text.
     * \param sql the query
     * \return the text, or "" when there is no row or the query fails
     */
    std::string QueryText(const std::string& sql);
    /**
     * \brief A small lookup: the first column of the first row of a query, as an integer.
     * \param sql the query
     * \param otherwise the result when there is no row, the value is NULL or the query fails
     * \return the integer
     */
    int64_t QueryInt(const std::string& sql, int64_t otherwise = -1);

    /**
     * \brief Begin a write transaction (BEGIN IMMEDIATE), unless one is open already.
     * \param error set on failure
     * \return true on success
     */
    bool Begin(std::string& error);
    /**
     * \brief Commit the open transaction, if any.
     *
     * A COMMIT that fails may leave the transaction open (SQLite keeps it after SQLITE_BUSY,
     * and may after SQLITE_FULL or SQLITE_IOERR): InTransaction() then stays true, and the
     * caller rolls it back (Rollback()) or tries again.
     * \param error set on failure
     * \return true on success (and when no transaction was open)
     */
    bool Commit(std::string& error);
    /**
     * \brief Roll back the open transaction, if SQLite still has one (after SQLITE_FULL or
     * SQLITE_IOERR it may have rolled back the whole transaction itself, or only the statement
     * that failed).
     * \param error set on failure
     * \return true on success (and when no transaction was open)
     */
    bool Rollback(std::string& error);
    /**
     * \return true from Begin() until a Commit() or Rollback() ends the transaction
     */
    bool InTransaction() const;

    /**
     * \return the rowid of the last row inserted on this connection (0 when not open)
     */
    int64_t LastInsertRowId() const;
    /**
     * \return the last error SQLite reported on this connection, with the system's reason
     *         when it came from the file system ("disk I/O error (File too large)"); "not
     *         open" when not open
     */
    std::string LastError() const;
    /**
     * \return true if the last error on this connection was SQLITE_FULL: the disk (or the
     *         file system holding the file or its -wal companion) is full
     */
    bool LastErrorIsDiskFull() const;

  private:
    /**
     * \param path the file
     * \param flags SQLite open flags
     * \param error set on failure
     * \return true on success
     */
    bool OpenWith(const std::string& path, int flags, std::string& error);

    sqlite3* m_db{nullptr};      //!< the connection, or null
    std::string m_path;          //!< the file
    bool m_inTransaction{false}; //!< from Begin() until a Commit() or Rollback() ends it
};

/**
 * \ingroup mms-recording
 * \brief A prepared statement of an MmsSqliteDatabase.
 *
 * Made by MmsSqliteDatabase::Prepare(). Bind parameters by 1-based index, then Step() through
 * the rows (reading columns by 0-based index) or Run() a statement without rows; Reset() to
 * reuse it with new values. An error of Step() is kept (HasError(), GetError()) rather than
 * thrown.
 */
class MmsSqliteStatement
{
  public:
    MmsSqliteStatement() = default;
    /// Finalises the statement.
    ~MmsSqliteStatement();
    MmsSqliteStatement(const MmsSqliteStatement&) = delete;
    MmsSqliteStatement& operator=(const MmsSqliteStatement&) = delete;

    /**
     * \brief Bind a 64-bit integer.
     * \param index the parameter, from 1
     * \param value the value
     */
    void BindInt(int index, int64_t value);
    /**
     * \brief Bind a double.
     * \param index the parameter, from 1
     * \param value the value
     */
    void BindDouble(int index, double value);
    /**
     * \brief Bind text (copied).
     * \param index the parameter, from 1
     * \param value the value
     */
    void BindText(int index, const std::string& value);
    /**
     * \brief Bind NULL.
     * \param index the parameter, from 1
     */
    void BindNull(int index);
    /**
     * \brief Bind a time in seconds, or NULL when it is negative (not reached).
     * \param index the parameter, from 1
     * \param seconds the time
     */
    void BindTime(int index, double seconds);
    /**
     * \brief Bind text, or NULL when it is empty.
     * \param index the parameter, from 1
     * \param value the value
     */
    void BindTextOrNull(int index, const std::string& value);

    /**
     * \brief Execute the statement up to its next row.
     * \return true while a row is available (read it with the Column methods), false when
     *         done or on an error (then HasError() is true and GetError() says why)
     */
    bool Step();
    /**
     * \brief Execute a statement that returns no rows, then Reset() it.
     * \return true on success
     */
    bool Run();
    /// Reset the statement to its start and clear its bindings.
    void Reset();
    /**
     * \return true if a Step() failed (since the last Run())
     */
    bool HasError() const;
    /**
     * \return SQLite's message of the last failed Step()
     */
    const std::string& GetError() const;

    /**
     * \param column the column, from 0
     * \return its value in the current row as an integer
     */
    int64_t ColumnInt(int column) const;
    /**
     * \param column the column, from 0
     * \return its value in the current row as a double
     */
    double ColumnDouble(int column) const;
    /**
     * \param column the column, from 0
     * \return its value in the current row as text ("" for NULL)
     */
    std::string ColumnText(int column) const;
    /**
     * \param column the column, from 0
     * \return true if its value in the current row is NULL
     */
    bool ColumnIsNull(int column) const;
    /**
     * \return the number of columns of the statement's result
     */
    int ColumnCount() const;

    /**
     * \return true between a successful Prepare() and Finalize()
     */
    bool IsPrepared() const;
    /// Release the statement (done by the destructor too).
    void Finalize();

  private:
    friend class MmsSqliteDatabase;
    sqlite3_stmt* m_stmt{nullptr}; //!< the statement, or null
    sqlite3* m_db{nullptr};        //!< its connection
    std::string m_error;           //!< the last Step() error
};

/**
 * \ingroup mms-recording
 * \brief The schema of an MMS results file, and its creation and upgrade.
 *
 * Tables (run, run_attribute, message, delivery, sms, "transaction", element_sample,
 * bearer_sample) with their indexes; the KPI views after ETSI TS 102 250-2 (kpi_send,
 * kpi_notification, kpi_retrieval, kpi_end_to_end, kpi_failure_ratio) and throughput;
 * since version 2, the summary views that the end-of-run summary (MmsKpiSummary) and
 * utils/mms-report.py both read: kpi_summary (kpi, run, n, mean, p50, p90, p95, p99; nearest-
 * rank percentiles), run_summary (message, delivery and retrieval counts, retrieved octets),
 * element_peak and cell_utilisation; since version 3, the table pdu (each message between two
 * elements with the instants it was sent and arrived, MmsLadderTracer's); since version 4, the
 * table delivery_route (the interface, MM1, MM3 or MM4, and the operators of each delivery of a
 * run with operators or e-mail) and the view interface_summary; since version 5, MM3 rows in
 * delivery_route and the columns submission and mean_end_to_end of interface_summary. doc/mms.rst,
 * "Results in SQLite", documents every column.
 */
namespace MmsResultsSchema
{
/// Value of PRAGMA user_version in an MMS results file: 2 adds the summary views to version 1,
/// 3 the pdu table, 4 the delivery_route table and the interface_summary view, 5 MM3 in
/// delivery_route and the columns submission and mean_end_to_end of interface_summary.
constexpr int VERSION = 5;
/**
 * \return the statements that create the tables, indexes and views; each creates only what
 *         is missing (IF NOT EXISTS), so running them again is harmless
 */
const std::string& GetSql();
/**
 * \return the statements a recorder runs when it closes its run, in its last transaction: the
 *         index of bearer_sample (run, cell, time), which a run does not keep up to date row by
 *         row (a file read during a run, or left by a killed one, lacks it until a recorder
 *         closes a run in it; queries give the same answers without it)
 */
const std::string& GetCloseSql();
/**
 * \return table names and their columns, in order, read from GetSql() (for checks and
 *         documentation tests)
 */
const std::vector<std::pair<std::string, std::vector<std::string>>>& GetTables();
/**
 * \return the names of the views (KPI views, throughput and the summary views)
 */
const std::vector<std::string>& GetViews();
/**
 * \brief Create the schema in a database opened for writing, or check (and upgrade) the one
 * it has.
 *
 * An empty file gets the schema; an MMS results file of this version is accepted once every
 * table has the columns this build writes; a file of version 1 or 2 that passes the same check
 * (for the tables it has) gains the views and tables added since (in one transaction) and
 * becomes this version. Anything else is
 * refused with a message naming the file and what differs: another program's tables, a later
 * schema version, a missing column.
 * \param db the database, open for writing
 * \param error set to the message on failure
 * \return true if the file is now an MMS results file of this version
 */
bool Ensure(MmsSqliteDatabase& db, std::string& error);
} // namespace MmsResultsSchema

} // namespace ns3

#endif /* MMS_SQLITE_H */
