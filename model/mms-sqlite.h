/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_SQLITE_H
#define MMS_SQLITE_H

// A thin, safe layer over the SQLite C API for the results file: open with checks that name the
// path and the reason, prepared statements with typed binding (64-bit integers, doubles, text,
// NULL), explicit transactions, and the schema of an MMS results file (tables, indexes and KPI
// views, documented in doc/mms.rst, "Results in SQLite").

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ns3
{

class MmsSqliteStatement;

/**
 * \ingroup mms
 * One open SQLite database. Errors are reported as values (a message naming the file and what
 * SQLite said), never by aborting.
 */
class MmsSqliteDatabase
{
  public:
    MmsSqliteDatabase() = default;
    ~MmsSqliteDatabase();
    MmsSqliteDatabase(const MmsSqliteDatabase&) = delete;
    MmsSqliteDatabase& operator=(const MmsSqliteDatabase&) = delete;

    /**
     * Open (creating if needed) a database file for writing, in WAL mode with synchronous=NORMAL
     * (a killed process loses nothing committed), and check that it is an SQLite file.
     * \param path the file
     * \param error set to a message naming the path and the reason on failure
     * \return true on success
     */
    bool Open(const std::string& path, std::string& error);
    /// Open an existing file read-only (for reports and tests).
    bool OpenReadOnly(const std::string& path, std::string& error);
    bool IsOpen() const;
    void Close();
    const std::string& GetPath() const;

    /// Run one or more statements without results; false with `error` set on failure.
    bool Exec(const std::string& sql, std::string& error);
    /// Prepare a statement; false with `error` set (and the SQL named) on failure.
    bool Prepare(const std::string& sql, MmsSqliteStatement& statement, std::string& error);
    /// The first column of the first row of a query as text ("" if none); for small lookups.
    std::string QueryText(const std::string& sql);
    /// The first column of the first row as an integer (`otherwise` if none or on error).
    int64_t QueryInt(const std::string& sql, int64_t otherwise = -1);

    bool Begin(std::string& error);
    bool Commit(std::string& error);
    bool InTransaction() const;

    int64_t LastInsertRowId() const;
    /// The last error SQLite reported on this connection.
    std::string LastError() const;

  private:
    bool OpenWith(const std::string& path, int flags, std::string& error);

    sqlite3* m_db{nullptr};
    std::string m_path;
    bool m_inTransaction{false};
};

/**
 * \ingroup mms
 * A prepared statement. Bind by 1-based index, Step(), then Reset() to reuse.
 */
class MmsSqliteStatement
{
  public:
    MmsSqliteStatement() = default;
    ~MmsSqliteStatement();
    MmsSqliteStatement(const MmsSqliteStatement&) = delete;
    MmsSqliteStatement& operator=(const MmsSqliteStatement&) = delete;

    void BindInt(int index, int64_t value);
    void BindDouble(int index, double value);
    void BindText(int index, const std::string& value);
    void BindNull(int index);
    /// Bind a time in seconds, or NULL when `value` is negative (not reached).
    void BindTime(int index, double seconds);
    /// Bind text, or NULL when empty.
    void BindTextOrNull(int index, const std::string& value);

    /// Execute: true while a row is available (read it with Column*()), false when done.
    /// Errors set the statement's error (GetError()) and return false.
    bool Step();
    /// Execute a statement that returns no rows, then reset it; false on error.
    bool Run();
    void Reset();
    bool HasError() const;
    const std::string& GetError() const;

    int64_t ColumnInt(int column) const;
    double ColumnDouble(int column) const;
    std::string ColumnText(int column) const;
    bool ColumnIsNull(int column) const;
    int ColumnCount() const;

    bool IsPrepared() const;
    void Finalize();

  private:
    friend class MmsSqliteDatabase;
    sqlite3_stmt* m_stmt{nullptr};
    sqlite3* m_db{nullptr};
    std::string m_error;
};

namespace MmsResultsSchema
{
/// Value of PRAGMA user_version in an MMS results file.
constexpr int VERSION = 2;
/// The statements that create the tables, indexes and views (idempotent).
const std::string& GetSql();
/// Table names and their columns, in order (for checks and documentation tests).
const std::vector<std::pair<std::string, std::vector<std::string>>>& GetTables();
/// Names of the KPI views.
const std::vector<std::string>& GetViews();
/**
 * Create the schema in a database, or check that an existing file has it: an empty file gets
 * the schema; an MMS results file of this version is accepted; anything else is refused with a
 * message naming the file and what differs (another program's tables, another schema version).
 */
bool Ensure(MmsSqliteDatabase& db, std::string& error);
} // namespace MmsResultsSchema

} // namespace ns3

#endif /* MMS_SQLITE_H */
