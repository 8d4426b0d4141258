#!/usr/bin/env python3
"""mms-report: KPI summaries, plots and ladder diagrams from an MMS results file.

An MMS results file is the SQLite file the mms module's simulations write (PRAGMA
user_version 5; tables run, message, delivery, sms, "transaction", pdu, delivery_route,
element_sample, bearer_sample, the KPI views kpi_send, kpi_notification, kpi_retrieval,
kpi_end_to_end, kpi_failure_ratio, throughput and the summary views kpi_summary, run_summary,
element_peak, cell_utilisation, interface_summary; versions 2 to 4 are read too, without
the pdu table before 3, without delivery_route before 4 and without interface_summary's
submission and mean_end_to_end before 5). Many runs share one file.
The file is opened read-only, in one read transaction, so a report can run while a
simulation is still writing to it.

Usage:
  mms-report.py FILE... [--run N ...] [--compare] [--format text|csv]   (= summary)
  mms-report.py summary FILE [--run N ...] [--compare] [--format text|csv]
  mms-report.py plots FILE --out DIR [--run N ...]
  mms-report.py ladder FILE [--run N] [--message ID] [--source pdu|records] [--png PATH]
  mms-report.py html FILE -o PAGE [--run N] [--compare M] [--message ID]

summary
  For each selected run (default: every run, in id order) the key figures: status,
  scenario, RngSeed/RngRun, simulated time, messages, deliveries, the latency KPIs with
  count, mean and nearest-rank percentiles, the delivery and failure ratios, throughput,
  per-element peaks and radio-cell utilisation. --compare prints one table with a column
  per run. --format=csv prints "run,figure,value" rows after a header row (with --compare:
  a header "figure,<run>,<run>,..." and one row per figure). Text shows times with 3
  decimals (milliseconds); csv shows every number at full precision (Python repr: it
  reads back as the same double). A figure that does not exist is "-" in both formats.

  The figures come from the summary views of the file, the ones the simulation's
  end-of-run summary prints too (model/mms-sqlite.cc defines them): the latency KPIs from
  kpi_summary, whose percentiles are nearest rank (the n non-NULL values sorted ascending,
  the p-quantile is the value at 1-based rank ceil(p*n), clamped to [1, n]; "-" when
  n = 0); counts and octets from run_summary; the peak interval bit rate from
  throughput; the failure
  ratios from kpi_failure_ratio; element peaks from element_peak; cell utilisation from
  cell_utilisation. A file of schema version 1 (before the summary views) is refused with
  a message: the report only reads, and a simulation of this version that records into
  the file upgrades it (it adds the views; the tables are unchanged).

  csv figure names (KPI = send_time, notification_time, retrieval_time, end_to_end_time):
    status, scenario, rng_seed, rng_run      from the run row
    simulated_seconds                        run.simulated_seconds; for a run that has not
                                             ended (NULL) the latest time recorded for it
    simulated_seconds_source                 "run", or "last-record" for that estimate
    wall_seconds                             run.wall_seconds
    messages                                 message rows (submitted messages)
    deliveries, deliveries_open              delivery rows; those still notifying,
                                             deferred or retrieving when the run ended
    KPI.count KPI.mean KPI.p50 KPI.p90 KPI.p95 KPI.p99   seconds: n, mean, p50 ... p99 of
                                             kpi_summary (over the non-NULL values of
                                             kpi_send.send_time,
                                             kpi_notification.notification_time,
                                             kpi_retrieval.retrieval_time and
                                             kpi_end_to_end.delivery_time)
    delivery_ratio                           retrieved / terminal deliveries (terminal:
                                             retrieved, rejected, expired, failed)
    deliveries_retrieved, deliveries_terminal  its numerator and denominator
    send_failure_ratio, send_attempts,       the columns of kpi_failure_ratio (attempts:
    notification_failure_ratio, notification_attempts,   the decided cases it averages)
    retrieval_failure_ratio, retrieval_attempts,
    end_to_end_failure_ratio, end_to_end_attempts
    retrievals, retrieved_bytes              deliveries with retrieval_completed, their octets
    retrievals_per_hour                      retrievals / simulated_seconds * 3600
    mean_bit_rate                            retrieved_bytes * 8 / simulated_seconds (bit/s)
    peak_interval_bit_rate                   max retrieved_bit_rate of the throughput view
    throughput_interval                      its interval (run.sample_interval, s)
    element.E.queue_peak                     max queue_max of element E (e.g. relay)
    element.E.stored_messages_peak           max stored_messages ("-": E has no store)
    element.E.stored_bytes_peak              max stored_bytes
    cells                                    radio cells with bearer samples
    downlink_utilisation.peak                max over cells and samples
    downlink_utilisation.max_cell_mean       max over cells of each cell's mean
    downlink_utilisation.mean                mean over all cells and samples
    uplink_utilisation.peak, uplink_utilisation.max_cell_mean, uplink_utilisation.mean
    cell.C.downlink_utilisation.peak, cell.C.downlink_utilisation.mean   per cell C

plots
  Writes into DIR (created if needed): latency-cdf.png (empirical CDF of each latency KPI,
  one series per run and KPI with data, "run N send time"), throughput.png (retrieved bit
  rate per throughput interval, one series per run with retrievals; intervals without
  retrievals are drawn as zero), queues.png (queue_max over time, one series per run and
  element with a non-NULL queue_max), storage.png (stored_messages over time, one series per
  run and element with a store), bearer.png (downlink utilisation over time, one series per
  run and radio cell). Every PNG carries the text chunks "Series" (number of series) and
  "Series-Labels" (the labels joined by " | "). Long series are thinned for drawing (the
  maximum of each bin is kept, so peaks stay visible). Needs matplotlib.

ladder
  A ladder (sequence) diagram of one message. Default run: the last one; default message:
  the first (lowest message.id) with a delivery that was retrieved, else the first message.
  --message takes message.id (an integer) or the Message-ID text. Every ladder says which
  instants it shows.

  From the pdu table (--source pdu, the default when the run recorded it: RecordPdus, which
  mms-first sets): lifelines Originator, Relay, Server, PPG, SMSC and the recipients
  ("Recipient", or R1, R2, ... for several); one line per message between two elements
  whose transaction is the message's (its transaction id, its Message-ID, "<Message-ID>/...",
  "N<Message-ID>/..." or "R<Message-ID>/..."), in the order they were sent, each with the
  instant it was sent (handed to TCP or UDP) and the instant it arrived whole ("-": never),
  and for a request issued earlier (waiting for its connection) the instant it was issued:
  the same lines, in the same words, as mms-first prints.

  From the records (--source records, the default without pdu rows): Originator, Relay,
  PPG, SMSC and one lifeline per recipient, one row per instant the message, delivery and
  sms rows hold, each labelled with what that instant is: [issued] (an element issued a
  request), [sent], [arrived], [queued]. "transaction" rows (HTTP exchanges, recorded by the
  client element with the server's address as peer) are added, marked "[HTTP exchange]",
  at the instant the request was issued and the instant its response arrived. The status an
  M-NotifyResp.ind carried is not recorded: "Rejected" is shown for a delivery rejected
  without retrieval, else "Deferred".

  --png PATH also draws it with matplotlib. A pdu ladder: each arrow leaves its sender's
  lifeline at the row of the instant it was sent and reaches the receiver's at the row of
  the instant it arrived (rows: the distinct instants in order, not to scale; a message
  that never arrived ends in a cross); a dotted stretch of the sender's lifeline marks a
  request waiting for its connection. A records ladder: one row per instant. The PNG's
  "Series" text chunk is the number of arrows, its "Series-Labels" their labels.

html
  One self-contained HTML page (inline CSS and SVG; nothing is fetched when it is opened)
  for run N (default: the last): the run's metadata, the latency KPIs (kpi_summary) and the
  other figures of the summary, the CDFs of the four latency KPIs, time series of the
  elements (queues, stored messages) and of the radio cells (downlink utilisation) and of
  the retrieved throughput, and the ladder of message ID (default as for ladder) as an SVG
  sequence diagram with its text. --compare M puts run M beside run N (both from FILE):
  its figures in a second column, its CDFs over run N's, its series and ladder beside.
  Plots are drawn by matplotlib as SVG; the page is built with xml.etree. Each value of the
  KPI table carries data-run and data-figure attributes (the csv figure names of summary).

Distributed runs
  A run on several processes (mms-busy-hour --mpi under mpirun) leaves one file per rank,
  X.rank0.sqlite, X.rank1.sqlite, ...: give them all (rank 0 first), or X.sqlite when no such
  file exists beside them, and every command reads them as one run (the i-th run of each file
  is one run, described by rank 0's run row; message ids of rank k are moved up by k * 1e9,
  and each rank's radio cells, numbered from 0 in its file, follow those of the ranks before).

Errors (missing file, not SQLite, not an MMS results file, unknown run or message) are one
line on stderr naming the file, with exit status 2.
"""

import argparse
import csv
import math
import os
import sqlite3
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # nothing written into the source tree
import mms_python  # noqa: E402  (beside this script)

PROG = "mms-report"
SCHEMA_VERSION = 5
READS_VERSIONS = (2, 3, 4, 5)  # 2: no pdu table; before 4: no delivery_route; 5: MM3, MM7
TERMINAL = ("retrieved", "rejected", "expired", "failed", "forwarded")
OPEN = ("notifying", "deferred", "retrieving")
PERCENTILES = ("p50", "p90", "p95", "p99")
# (csv name, human name, view, column)
KPIS = (
    ("send_time", "send time", "kpi_send", "send_time"),
    ("notification_time", "notification time", "kpi_notification", "notification_time"),
    ("retrieval_time", "retrieval time", "kpi_retrieval", "retrieval_time"),
    ("end_to_end_time", "end-to-end time", "kpi_end_to_end", "delivery_time"),
)
FAILURES = (
    ("send", "send_failure_ratio", "send_attempts"),
    ("notification", "notification_failure_ratio", "notifications"),
    ("retrieval", "retrieval_failure_ratio", "retrievals"),
    ("end_to_end", "end_to_end_failure_ratio", "deliveries"),
)
REQUIRED = (
    "run",
    "message",
    "delivery",
    "sms",
    "transaction",
    "element_sample",
    "bearer_sample",
    "kpi_send",
    "kpi_notification",
    "kpi_retrieval",
    "kpi_end_to_end",
    "kpi_failure_ratio",
    "throughput",
    "kpi_summary",
    "run_summary",
    "element_peak",
    "cell_utilisation",
)
ELEMENT_ORDER = ("relay", "server", "ppg", "smsc")
LEGEND_LIMIT = 12
MAX_POINTS = 4000


class ReportError(Exception):
    """An error to report on one line (exit status 2)."""


# ----------------------------------------------------------------------------- database


RANK_OFFSET = 1000000000  # message ids of rank k's file are moved up by k times this


def rank_files(path):
    """The rank files X.rank0.sqlite, X.rank1.sqlite, ... of a distributed run recorded with
    --results=X.sqlite, when X.sqlite itself does not exist (else [])."""
    if os.path.exists(path):
        return []
    stem, ext = os.path.splitext(path)
    found = []
    while os.path.exists("%s.rank%d%s" % (stem, len(found), ext)):
        found.append("%s.rank%d%s" % (stem, len(found), ext))
    return found


def open_results(paths):
    """One results file, or the files of the ranks of one distributed run (rank 0 first) read
    as one run; a single missing X.sqlite with X.rank0.sqlite ... beside it means those."""
    if len(paths) == 1 and rank_files(paths[0]):
        paths = rank_files(paths[0])
    if len(paths) == 1:
        return Results(paths[0])
    return RankResults([Results(p) for p in paths])


class Results:
    """A results file opened read-only, in one read transaction (a consistent snapshot)."""

    def __init__(self, path):
        self.path = path
        self.name = "results file '%s'" % path
        if not os.path.exists(path):
            raise ReportError("%s: no such file" % self.name)
        if os.path.isdir(path):
            raise ReportError("%s: is a directory" % self.name)
        if not os.access(path, os.R_OK):
            raise ReportError("%s: not readable (permission denied)" % self.name)
        uri = "file:%s?mode=ro" % urllib.parse.quote(os.path.abspath(path))
        try:
            self.con = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
            self.con.execute("PRAGMA query_only = 1")
            version = self.con.execute("PRAGMA user_version").fetchone()[0]
            names = {
                r[0]
                for r in self.con.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                )
            }
        except sqlite3.DatabaseError as e:
            raise ReportError("%s: not an SQLite database (%s)" % (self.name, e))
        if "run" in names and version == 1:
            raise ReportError(
                "%s: MMS results schema version 1; this report reads versions 2 (which adds "
                "the summary views kpi_summary, run_summary, element_peak, cell_utilisation) "
                "and %d. "
                "The report only reads: a run recorded into the file by this version of the "
                "module upgrades it (its rows stay as they are)" % (self.name, SCHEMA_VERSION)
            )
        if "run" not in names or version not in READS_VERSIONS:
            if "run" not in names:
                what = "tables: " + (", ".join(sorted(names)[:8]) or "none")
            else:
                what = "this report reads version %d" % SCHEMA_VERSION
            raise ReportError(
                "%s: not an MMS results file (PRAGMA user_version %d, %s)"
                % (self.name, version, what)
            )
        missing = [n for n in REQUIRED if n not in names]
        if missing:
            raise ReportError(
                "%s: damaged MMS results file: no %s" % (self.name, ", ".join(missing))
            )
        self.has_pdu = "pdu" in names
        self.has_routes = "interface_summary" in names
        # Files written since end-to-end KPIs joined off-net pairs have these two columns.
        self.has_end_to_end = self.has_routes and "mean_end_to_end" in {
            r[1] for r in self.q("PRAGMA table_info(interface_summary)")
        }
        try:
            self.con.execute("BEGIN")
            self.runs = self.con.execute("SELECT * FROM run ORDER BY id").fetchall()
            self.run_columns = [
                d[0] for d in self.con.execute("SELECT * FROM run LIMIT 0").description
            ]
        except sqlite3.DatabaseError as e:
            raise ReportError("%s: cannot read the run table (%s)" % (self.name, e))
        self.run_rows = {r[0]: dict(zip(self.run_columns, r)) for r in self.runs}

    def q(self, sql, params=()):
        return self.con.execute(sql, params).fetchall()

    def one(self, sql, params=()):
        return self.con.execute(sql, params).fetchone()

    def select_runs(self, wanted):
        """The run rows for the --run arguments (all runs when none), checked."""
        if not self.run_rows:
            raise ReportError("%s: no runs recorded yet" % self.name)
        if not wanted:
            return [self.run_rows[i] for i in sorted(self.run_rows)]
        out, seen = [], set()
        for r in wanted:
            if r not in self.run_rows:
                raise ReportError(
                    "%s: no run %d (the file has runs %s)"
                    % (self.name, r, id_ranges(sorted(self.run_rows)))
                )
            if r not in seen:
                seen.add(r)
                out.append(self.run_rows[r])
        return out


class RankResults(Results):
    """The results files of the ranks of one distributed run (mms-busy-hour --mpi: each rank
    records the nodes it owns), merged into one in-memory results file: the i-th run of each
    file is one run, numbered and described by rank 0's run row; message ids of rank k move up
    by k * RANK_OFFSET so that they stay distinct, and each rank's radio cells are numbered
    after those of the ranks before. Every report then reads it as one run."""

    def __init__(self, parts):
        self.path = " + ".join(p.path for p in parts)
        self.name = "results files " + ", ".join("'%s'" % p.path for p in parts)
        counts = [len(p.runs) for p in parts]
        if len(set(counts)) != 1:
            raise ReportError(
                "%s: not the ranks of the same runs (they hold %s runs)"
                % (self.name, ", ".join(str(c) for c in counts))
            )
        self.con = sqlite3.connect(":memory:", isolation_level=None)
        first = parts[0].con
        schema = first.execute(
            "SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 "
            "WHEN 'index' THEN 1 ELSE 2 END, rowid"
        ).fetchall()
        for _, sql in schema:
            self.con.execute(sql)
        self.con.execute("PRAGMA user_version = %d" % SCHEMA_VERSION)
        tables = [r[0] for r in first.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        self.con.execute("BEGIN")
        for k, part in enumerate(parts):
            runmap = {r[0]: parts[0].runs[i][0] for i, r in enumerate(part.runs)}
            # Each rank numbers its own radio cells from 0: they follow those of the ranks before.
            cells = self.con.execute("SELECT coalesce(max(cell) + 1, 0) FROM bearer_sample").fetchone()[0]
            for table in tables:
                if table == "run" and k > 0:
                    continue
                cols = [d[0] for d in part.con.execute('SELECT * FROM "%s" LIMIT 0' % table).description]
                rows = part.con.execute('SELECT * FROM "%s"' % table).fetchall()
                out = []
                for row in rows:
                    row = list(row)
                    for i, c in enumerate(cols):
                        if c == "run" and table != "run":
                            row[i] = runmap.get(row[i], row[i])
                        elif (table, c) in (("message", "id"), ("delivery", "message")):
                            row[i] = None if row[i] is None else row[i] + k * RANK_OFFSET
                        elif (table, c) == ("bearer_sample", "cell"):
                            row[i] += cells
                    out.append(row)
                self.con.executemany(
                    'INSERT INTO "%s" (%s) VALUES (%s)'
                    % (table, ", ".join('"%s"' % c for c in cols), ", ".join("?" * len(cols))),
                    out,
                )
        self.con.execute("COMMIT")
        self.has_pdu = all(p.has_pdu for p in parts)
        self.has_routes = all(p.has_routes for p in parts)
        self.has_end_to_end = all(p.has_end_to_end for p in parts)
        self.con.execute("PRAGMA query_only = 1")
        self.con.execute("BEGIN")
        self.runs = self.con.execute("SELECT * FROM run ORDER BY id").fetchall()
        self.run_columns = [d[0] for d in self.con.execute("SELECT * FROM run LIMIT 0").description]
        self.run_rows = {r[0]: dict(zip(self.run_columns, r)) for r in self.runs}


def id_ranges(ids):
    """[1, 2, 3, 5] -> "1-3, 5"."""
    parts, start, prev = [], None, None
    for i in ids:
        if start is None:
            start = prev = i
        elif i == prev + 1:
            prev = i
        else:
            parts.append(str(start) if start == prev else "%d-%d" % (start, prev))
            start = prev = i
    if start is not None:
        parts.append(str(start) if start == prev else "%d-%d" % (start, prev))
    return ", ".join(parts)


def run_int(text):
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a run id is an integer, not '%s'" % text)


# ----------------------------------------------------------------------------- statistics


def kpi_values(db, view, column, run):
    """The non-NULL values of one KPI column of a view for a run, sorted ascending."""
    values = [
        r[0]
        for r in db.con.execute(
            "SELECT %s FROM %s WHERE run = ? AND %s IS NOT NULL" % (column, view, column), (run,)
        )
    ]
    values.sort()
    return values


def simulated_seconds(db, run):
    """(seconds, source): run.simulated_seconds, else the latest time recorded for the run."""
    r = db.run_rows[run]
    if r.get("simulated_seconds") is not None:
        return float(r["simulated_seconds"]), "run"
    row = db.one(
        "SELECT max(coalesce((SELECT max(time) FROM element_sample WHERE run = :r), 0),"
        " coalesce((SELECT max(time) FROM bearer_sample WHERE run = :r), 0),"
        " coalesce((SELECT max(submitted) FROM message WHERE run = :r), 0),"
        " coalesce((SELECT max(max(coalesce(ended, 0), coalesce(retrieval_completed, 0),"
        "   coalesce(push_received, 0), coalesce(notification_queued, 0)))"
        "   FROM delivery WHERE run = :r), 0))",
        {"r": run},
    )
    return (float(row[0]) if row and row[0] else None), "last-record"


def element_key(name):
    # "relay:<name>" (one of several Relays) sorts with "relay".
    kind = name.split(":", 1)[0]
    return (ELEMENT_ORDER.index(kind) if kind in ELEMENT_ORDER else len(ELEMENT_ORDER), name)


# ----------------------------------------------------------------------------- summary


class Figure:
    __slots__ = ("key", "value", "kind")

    def __init__(self, key, value, kind):
        self.key, self.value, self.kind = key, value, kind


def summarise(db, run):
    """All figures of one run, in a fixed order: a list of Figure."""
    rid = run["id"]
    f = []

    def add(key, value, kind):
        f.append(Figure(key, value, kind))

    add("status", run.get("status"), "text")
    add("scenario", run.get("scenario"), "text")
    add("rng_seed", run.get("rng_seed"), "int")
    add("rng_run", run.get("rng_run"), "int")
    sim, source = simulated_seconds(db, rid)
    add("simulated_seconds", sim, "seconds")
    add("simulated_seconds_source", source, "text")
    add("wall_seconds", run.get("wall_seconds"), "seconds")
    d = db.one(
        "SELECT messages, deliveries, deliveries_open, deliveries_retrieved,"
        " deliveries_terminal, retrievals, retrieved_bytes"
        " FROM run_summary WHERE run = ?",
        (rid,),
    )
    messages, deliveries, open_, retrieved, terminal, retrievals, retrieved_bytes = d
    add("messages", messages, "int")
    add("deliveries", deliveries, "int")
    add("deliveries_open", open_, "int")
    kpi = {
        r[0]: r[1:]
        for r in db.q(
            "SELECT kpi, n, mean, p50, p90, p95, p99 FROM kpi_summary WHERE run = ?", (rid,)
        )
    }
    for key, _, _, _ in KPIS:
        n, mean, *percentiles = kpi.get(key, (0, None, None, None, None, None))
        add(key + ".count", n, "int")
        add(key + ".mean", mean, "time")
        for name, value in zip(PERCENTILES, percentiles):
            add(key + "." + name, value, "time")
    add("delivery_ratio", retrieved / terminal if terminal else None, "ratio")
    add("deliveries_retrieved", retrieved, "int")
    add("deliveries_terminal", terminal, "int")
    fr = db.one("SELECT * FROM kpi_failure_ratio WHERE run = ?", (rid,))
    cols = [c[0] for c in db.con.execute("SELECT * FROM kpi_failure_ratio LIMIT 0").description]
    fr = dict(zip(cols, fr)) if fr else {}
    for name, ratio, count in FAILURES:
        add(name + "_failure_ratio", fr.get(ratio), "ratio")
        add(name + "_attempts", fr.get(count), "int")
    add("retrievals", retrievals, "int")
    add("retrieved_bytes", retrieved_bytes, "int")
    add("retrievals_per_hour", retrievals * 3600.0 / sim if sim else None, "rate")
    add("mean_bit_rate", (retrieved_bytes or 0) * 8.0 / sim if sim else None, "rate")
    peak = db.one("SELECT max(retrieved_bit_rate) FROM throughput WHERE run = ?", (rid,))[0]
    add("peak_interval_bit_rate", peak, "rate")
    add("throughput_interval", run.get("sample_interval"), "seconds")
    rows = db.q(
        "SELECT element, queue_peak, stored_messages_peak, stored_bytes_peak"
        " FROM element_peak WHERE run = ?",
        (rid,),
    )
    for element, qmax, smax, bmax in sorted(rows, key=lambda r: element_key(r[0])):
        add("element.%s.queue_peak" % element, qmax, "int")
        add("element.%s.stored_messages_peak" % element, smax, "int")
        add("element.%s.stored_bytes_peak" % element, bmax, "int")
    cells = db.q(
        "SELECT cell, downlink_peak, downlink_mean, uplink_peak, uplink_mean, samples"
        " FROM cell_utilisation WHERE run = ? ORDER BY cell",
        (rid,),
    )
    add("cells", len(cells), "int")
    samples = sum(c[5] for c in cells)
    for i, name in ((1, "downlink"), (3, "uplink")):
        add(name + "_utilisation.peak", max((c[i] for c in cells), default=None), "util")
        add(
            name + "_utilisation.max_cell_mean",
            max((c[i + 1] for c in cells), default=None),
            "util",
        )
        add(
            name + "_utilisation.mean",
            math.fsum(c[i + 1] * c[5] for c in cells) / samples if samples else None,
            "util",
        )
    for c in cells:
        add("cell.%s.downlink_utilisation.peak" % c[0], c[1], "util")
        add("cell.%s.downlink_utilisation.mean" % c[0], c[2], "util")
    # Runs with operators: deliveries by interface (MM1, MM4; MM7/ before it for messages a
    # VASP submitted) and pair of operators.
    extra = ", submission, mean_end_to_end" if db.has_end_to_end else ", 'MM1', NULL"
    routes = (
        db.q(
            "SELECT interface, origin_operator, destination_operator, deliveries, retrieved,"
            " forwarded, not_delivered, mean_notified_to_retrieved" + extra + " FROM"
            " interface_summary WHERE run = ? ORDER BY interface, origin_operator,"
            " destination_operator",
            (rid,),
        )
        if db.has_routes
        else []
    )
    for interface, origin, destination, n, retrieved, forwarded, lost, mean, via, e2e in routes:
        if via == "MM7":
            interface = "MM7/" + interface
        p = "interface.%s.%s>%s." % (interface, origin or "-", destination or "-")
        add(p + "deliveries", n, "int")
        add(p + "retrieved", retrieved, "int")
        add(p + "forwarded", forwarded, "int")
        add(p + "not_delivered", lost, "int")
        add(p + "mean_notified_to_retrieved", mean, "seconds")
        add(p + "mean_end_to_end", e2e, "seconds")
    return f


def text_value(value, kind):
    if value is None:
        return "-"
    if kind in ("time", "seconds", "util"):
        return "%.3f" % value
    if kind == "ratio":
        return "%.4f" % value
    if kind == "rate":
        return "%.1f" % value
    if kind == "int":
        return str(int(value)) if isinstance(value, (int, float)) else str(value)
    return str(value)


def csv_value(value, kind):
    if value is None:
        return "-"
    if isinstance(value, float):
        if kind == "int" and value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)


def print_run_text(db, run, figures, out):
    v = {fig.key: fig.value for fig in figures}
    t = lambda key, kind="time": text_value(v.get(key), kind)  # noqa: E731
    w = out.write
    w("== %s: run %d (%s) ==\n" % (db.path, run["id"], run.get("status")))
    w("%-22s%s\n" % ("scenario", v.get("scenario") if v.get("scenario") is not None else "-"))
    w("%-22s%s / %s\n" % ("RngSeed / RngRun", t("rng_seed", "int"), t("rng_run", "int")))
    sim = t("simulated_seconds", "seconds")
    if v.get("simulated_seconds") is not None:
        sim += " s"
        if v.get("simulated_seconds_source") != "run":
            sim += " (not ended: up to the last recorded time)"
        elif v.get("wall_seconds") is not None:
            sim += " (wall %s s)" % t("wall_seconds", "seconds")
    w("%-22s%s\n" % ("simulated time", sim))
    w("%-22s%s\n" % ("messages submitted", t("messages", "int")))
    w(
        "%-22s%s (%s open: notifying, deferred or retrieving)\n"
        % ("deliveries", t("deliveries", "int"), t("deliveries_open", "int"))
    )
    w(
        "\n%-22s%8s %10s %10s %10s %10s %10s\n"
        % ("latency (s)", "count", "mean", "p50", "p90", "p95", "p99")
    )
    for key, human, _, _ in KPIS:
        w(
            "  %-20s%8s %10s %10s %10s %10s %10s\n"
            % (
                human,
                t(key + ".count", "int"),
                t(key + ".mean"),
                t(key + ".p50"),
                t(key + ".p90"),
                t(key + ".p95"),
                t(key + ".p99"),
            )
        )
    w(
        "\n%-22s%s (%s retrieved of %s terminal deliveries)\n"
        % (
            "delivery ratio",
            t("delivery_ratio", "ratio"),
            t("deliveries_retrieved", "int"),
            t("deliveries_terminal", "int"),
        )
    )
    parts = [
        "%s %s (of %s)"
        % (
            name.replace("_", "-"),
            t(name + "_failure_ratio", "ratio"),
            t(name + "_attempts", "int"),
        )
        for name, _, _ in FAILURES
    ]
    w("%-22s%s,\n%-22s%s\n" % ("failure ratios", ", ".join(parts[:2]), "", ", ".join(parts[2:])))
    w(
        "%-22s%s retrievals (%s per hour), %s retrieved octets\n"
        % (
            "throughput",
            t("retrievals", "int"),
            t("retrievals_per_hour", "rate"),
            t("retrieved_bytes", "int"),
        )
    )
    w(
        "%-22smean %s bit/s over the run, peak interval %s bit/s (interval %s s)\n"
        % (
            "",
            t("mean_bit_rate", "rate"),
            t("peak_interval_bit_rate", "rate"),
            t("throughput_interval", "seconds"),
        )
    )
    elements = [
        fig.key[len("element.") : -len(".queue_peak")]
        for fig in figures
        if fig.key.startswith("element.") and fig.key.endswith(".queue_peak")
    ]
    if elements:
        width = max(22, max(len(e) for e in elements) + 3)
        w(
            "\n%-*s%12s %22s %20s\n"
            % (width, "element", "peak queue", "peak stored messages", "peak stored octets")
        )
        for e in elements:
            p = "element.%s." % e
            w(
                "  %-*s%12s %22s %20s\n"
                % (
                    width - 2,
                    e,
                    t(p + "queue_peak", "int"),
                    t(p + "stored_messages_peak", "int"),
                    t(p + "stored_bytes_peak", "int"),
                )
            )
    else:
        w("\n%-22s%s\n" % ("elements", "no element samples"))
    ncells = v.get("cells") or 0
    if ncells:
        w(
            "\n%-22s%d: downlink utilisation peak %s, highest cell mean %s, mean %s;\n"
            % (
                "radio cells",
                ncells,
                t("downlink_utilisation.peak", "util"),
                t("downlink_utilisation.max_cell_mean", "util"),
                t("downlink_utilisation.mean", "util"),
            )
        )
        w(
            "%-22suplink utilisation peak %s, highest cell mean %s, mean %s\n"
            % (
                "",
                t("uplink_utilisation.peak", "util"),
                t("uplink_utilisation.max_cell_mean", "util"),
                t("uplink_utilisation.mean", "util"),
            )
        )
        if ncells <= 8:
            for fig in figures:
                if fig.key.startswith("cell.") and fig.key.endswith(".peak"):
                    c = fig.key.split(".")[1]
                    w(
                        "  cell %-15s downlink peak %s, mean %s\n"
                        % (
                            c,
                            t(fig.key, "util"),
                            t("cell.%s.downlink_utilisation.mean" % c, "util"),
                        )
                    )
    else:
        w("\n%-22s%s\n" % ("radio cells", "none (no bearer samples)"))
    routes = sorted(
        {
            fig.key[: -len("deliveries")]
            for fig in figures
            if fig.key.startswith("interface.") and fig.key.endswith(".deliveries")
        }
    )
    if routes:
        w(
            "\n%-22s%12s %10s %10s %14s %22s %16s\n"
            % (
                "interface",
                "deliveries",
                "retrieved",
                "forwarded",
                "not delivered",
                "notified-retrieved (s)",
                "end-to-end (s)",
            )
        )
        for p in routes:
            w(
                "  %-20s%12s %10s %10s %14s %22s %16s\n"
                % (
                    p[len("interface.") : -1].replace(".", " ", 1),
                    t(p + "deliveries", "int"),
                    t(p + "retrieved", "int"),
                    t(p + "forwarded", "int"),
                    t(p + "not_delivered", "int"),
                    t(p + "mean_notified_to_retrieved", "seconds"),
                    t(p + "mean_end_to_end", "seconds"),
                )
            )
    w("\n")


def cmd_summary(args, out):
    db = open_results(args.file)
    runs = db.select_runs(args.run)
    table = [(run, summarise(db, run)) for run in runs]
    if args.compare:
        keys, kinds = [], {}
        for _, figures in table:
            for fig in figures:
                if fig.key not in kinds:
                    keys.append(fig.key)
                    kinds[fig.key] = fig.kind
        values = [{fig.key: fig.value for fig in figures} for _, figures in table]
        if args.format == "csv":
            w = csv.writer(out, lineterminator="\n")
            w.writerow(["figure"] + [run["id"] for run, _ in table])
            for key in keys:
                w.writerow([key] + [csv_value(v.get(key), kinds[key]) for v in values])
        else:
            out.write(
                "%s: runs %s side by side\n" % (db.path, ", ".join(str(r["id"]) for r, _ in table))
            )
            cells = [[text_value(v.get(key), kinds[key]) for v in values] for key in keys]
            width = max(len(k) for k in keys) + 2
            cw = [
                max([len("run %d" % run["id"])] + [len(row[i]) for row in cells]) + 2
                for i, (run, _) in enumerate(table)
            ]
            out.write(
                "%-*s" % (width, "figure")
                + "".join("%*s" % (cw[i], "run %d" % run["id"]) for i, (run, _) in enumerate(table))
                + "\n"
            )
            for key, row in zip(keys, cells):
                out.write(
                    "%-*s" % (width, key)
                    + "".join("%*s" % (cw[i], x) for i, x in enumerate(row))
                    + "\n"
                )
    elif args.format == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["run", "figure", "value"])
        for run, figures in table:
            for fig in figures:
                w.writerow([run["id"], fig.key, csv_value(fig.value, fig.kind)])
    else:
        for run, figures in table:
            print_run_text(db, run, figures, out)
    return 0


# ----------------------------------------------------------------------------- plots


def load_pyplot():
    try:
        mms_python.require("matplotlib", "python3-matplotlib")
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ReportError("plots need matplotlib: %s" % e)
    # SVG for the HTML page: text stays text (searchable, in the page's font) and the ids are
    # the same from one run of the report to the next.
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = PROG
    return plt


def thin(xs, ys, limit=MAX_POINTS):
    """At most about `limit` points: the maximum of each bin (at its first x)."""
    n = len(xs)
    if n <= limit:
        return list(xs), list(ys)
    step = -(-n // limit)
    ox, oy = [], []
    for i in range(0, n, step):
        ox.append(xs[i])
        oy.append(max(ys[i : i + step]))
    return ox, oy


def runs_title(db, runs):
    ids = [r["id"] for r in runs]
    return "%s, run%s %s" % (
        os.path.basename(db.path),
        "" if len(ids) == 1 else "s",
        id_ranges(sorted(ids)) if len(ids) > 1 else ids[0],
    )


def decorate(ax, labels, title, empty_note, legend_outside=True):
    """Title, grid, and the legend (or a note when there are no series, or too many)."""
    ax.set_title(title, fontsize=10)
    if not labels:
        ax.text(
            0.5,
            0.5,
            empty_note,
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=12,
            color="0.3",
        )
    elif len(labels) > LEGEND_LIMIT:
        ax.text(
            0.99,
            0.01,
            "%d series (legend omitted)" % len(labels),
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=8,
            color="0.3",
        )
    elif legend_outside:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, borderaxespad=0)
    else:
        ax.legend(loc="best", fontsize=8)
    ax.grid(True, alpha=0.3)


def finish_plot(plt, fig, ax, path, labels, title, empty_note):
    decorate(ax, labels, title, empty_note)
    return save_png(plt, fig, path, labels)


def save_png(plt, fig, path, labels):
    """Write a figure as PNG with the text chunks Series (count) and Series-Labels."""
    fig.savefig(
        path,
        format="png",
        dpi=100,
        bbox_inches="tight",
        metadata={"Series": str(len(labels)), "Series-Labels": " | ".join(labels)},
    )
    plt.close(fig)
    return len(labels)


def plot_cdf(ax, db, runs, kpis=KPIS, label_run=True):
    """Empirical CDF of each latency KPI of each run: the labels of the series drawn."""
    labels, lo, hi = [], None, None
    for run in runs:
        for _, human, view, column in kpis:
            values = kpi_values(db, view, column, run["id"])
            n = len(values)
            if n == 0:
                continue
            if n <= MAX_POINTS:
                ranks = range(1, n + 1)
            else:
                ranks = sorted({1 + (n - 1) * i // (MAX_POINTS - 1) for i in range(MAX_POINTS)})
            xs = [values[k - 1] for k in ranks]
            ys = [k / n for k in ranks]
            label = ("run %d %s" % (run["id"], human)) if label_run else human
            if len(kpis) == 1:
                label = "run %d" % run["id"]
            ax.step([xs[0]] + xs, [0.0] + ys, where="post", label=label)
            labels.append(label)
            lo = values[0] if lo is None else min(lo, values[0])
            hi = values[-1] if hi is None else max(hi, values[-1])
    if lo is not None and lo > 0 and hi / lo > 100:
        ax.set_xscale("log")
    ax.set_xlabel("latency (s)" + (", log scale" if ax.get_xscale() == "log" else ""))
    ax.set_ylabel("fraction of values \u2264 latency (empirical CDF)")
    ax.set_ylim(0, 1.02)
    return labels


def plot_throughput(ax, db, runs):
    """Retrieved bit rate per throughput interval of each run (intervals without retrievals
    drawn as zero): the labels of the series drawn."""
    series = []
    for run in runs:
        rows = db.q(
            "SELECT interval_start, retrieved_bit_rate, interval FROM throughput"
            " WHERE run = ? ORDER BY interval_start",
            (run["id"],),
        )
        if not rows:
            continue
        interval = rows[0][2]
        sim, _ = simulated_seconds(db, run["id"])
        last = max(rows[-1][0], (sim or 0) - interval)
        count = int(round(last / interval)) + 1
        rate = [0.0] * count
        for start, bits, _ in rows:
            k = int(round(start / interval))
            if 0 <= k < count:
                rate[k] = bits or 0.0
        xs = [k * interval for k in range(count)]
        xs, ys = thin(xs, rate)
        xs.append(count * interval)
        ys.append(ys[-1])
        series.append(("run %d" % run["id"], xs, ys))
    peak = max((max(s[2]) for s in series), default=0)
    scale, unit = (
        (1e6, "Mbit/s") if peak >= 1e7 else (1e3, "kbit/s") if peak >= 1e4 else (1, "bit/s")
    )
    for label, xs, ys in series:
        ax.step(xs, [y / scale for y in ys], where="post", label=label)
    ax.set_xlabel("simulation time (s)")
    ax.set_ylabel("retrieved bit rate per interval (%s)" % unit)
    return [s[0] for s in series]


# Element series: (file name, column, y label, title, drawing: "pre" steps or "line")
ELEMENT_SERIES = (
    (
        "queues.png",
        "queue_max",
        "peak queue length in the sample interval (count)",
        "Element queues (queue_max per sample interval): ",
        "pre",
    ),
    (
        "storage.png",
        "stored_messages",
        "stored messages",
        "Messages stored (stored_messages at each sample): ",
        "line",
    ),
)


def group_series(rows):
    """(key, time, value) rows -> {key: ([times], [values])}."""
    by = {}
    for key, time, value in rows:
        by.setdefault(key, ([], []))
        by[key][0].append(time)
        by[key][1].append(value)
    return by


def plot_elements(ax, db, runs, column, ylabel, how):
    """One series per run and element with a non-NULL `column` in element_sample."""
    labels = []
    for run in runs:
        rows = db.q(
            "SELECT element, time, %s FROM element_sample WHERE run = ? AND %s IS NOT NULL"
            " ORDER BY element, time" % (column, column),
            (run["id"],),
        )
        by = group_series(rows)
        for element in sorted(by, key=element_key):
            xs, ys = thin(*by[element])
            label = "run %d %s" % (run["id"], element)
            if how == "pre":
                ax.step(xs, ys, where="pre", label=label)
            else:
                ax.plot(xs, ys, label=label)
            labels.append(label)
    ax.set_xlabel("simulation time (s)")
    ax.set_ylabel(ylabel)
    return labels


def plot_cells(ax, db, runs):
    """Downlink utilisation of each radio cell of each run."""
    labels = []
    for run in runs:
        rows = db.q(
            "SELECT cell, time, downlink_utilisation FROM bearer_sample WHERE run = ?"
            " ORDER BY cell, time",
            (run["id"],),
        )
        by = group_series(rows)
        for cell in sorted(by):
            xs, ys = thin(*by[cell])
            label = "run %d cell %s" % (run["id"], cell)
            ax.step(xs, ys, where="pre", label=label)
            labels.append(label)
    ax.set_xlabel("simulation time (s)")
    ax.set_ylabel("downlink utilisation (fraction of the cell's capacity)")
    ax.set_ylim(0, 1.05)
    return labels


def cmd_plots(args, out):
    db = open_results(args.file)
    runs = db.select_runs(args.run)
    plt = load_pyplot()
    try:
        os.makedirs(args.out, exist_ok=True)
    except OSError as e:
        raise ReportError("output folder '%s': %s" % (args.out, e.strerror or e))
    title_runs = runs_title(db, runs)
    written = []

    def draw(name, plot, title, empty_note):
        fig, ax = plt.subplots(figsize=(10, 6))
        labels = plot(ax)
        path = os.path.join(args.out, name)
        written.append((path, finish_plot(plt, fig, ax, path, labels, title, empty_note)))

    draw(
        "latency-cdf.png",
        lambda ax: plot_cdf(ax, db, runs),
        "Latency KPIs, empirical CDF: " + title_runs,
        "no latency values in these runs",
    )
    draw(
        "throughput.png",
        lambda ax: plot_throughput(ax, db, runs),
        "Retrieved throughput (M-Retrieve.conf completions): " + title_runs,
        "no retrievals (or no sample interval) in these runs",
    )
    for name, column, ylabel, title, how in ELEMENT_SERIES:
        draw(
            name,
            lambda ax: plot_elements(ax, db, runs, column, ylabel, how),
            title + title_runs,
            "no %s samples in these runs" % column,
        )
    draw(
        "bearer.png",
        lambda ax: plot_cells(ax, db, runs),
        "Radio cells, downlink utilisation per sample interval: " + title_runs,
        "no radio cells in this run",
    )
    for path, count in written:
        out.write("wrote %s (%d series)\n" % (path, count))
    return 0


# ----------------------------------------------------------------------------- ladder


def strip_type(address):
    return address.split("/TYPE=")[0] if address else address


class Ladder:
    ORIG, RELAY, PPG, SMSC = 0, 1, 2, 3

    def __init__(self):
        self.columns = ["Originator", "Relay", "PPG", "SMSC"]
        self.events = []  # (time, seq, kind, src, dst, label)

    def arrow(self, time, src, dst, label):
        if time is not None:
            kind = "mark" if src == dst else "arrow"
            self.events.append((float(time), len(self.events), kind, src, dst, label))

    def mark(self, time, col, label):
        if time is not None:
            self.events.append((float(time), len(self.events), "mark", col, col, label))

    def ordered(self):
        return sorted(self.events, key=lambda e: (e[0], e[1]))


def plural(n, word):
    return "%d %s%s" % (n, word, "" if n == 1 else "s")


def find_message(db, run, message):
    cols = (
        "id, message_id, originator, transaction_id, size, content_class, recipients,"
        " submitted, confirmed, status"
    )
    if message is None:
        row = db.one(
            "SELECT min(message) FROM delivery WHERE run = ? AND final_state = 'retrieved'"
            " AND message IS NOT NULL",
            (run,),
        )
        mid = row[0] if row else None
        m = (
            db.one("SELECT %s FROM message WHERE run = ? AND id = ?" % cols, (run, mid))
            if mid is not None
            else None
        )
        if m is None:
            m = db.one("SELECT %s FROM message WHERE run = ? ORDER BY id LIMIT 1" % cols, (run,))
        if m is None:
            raise ReportError("%s: run %d has no messages" % (db.name, run))
    else:
        m = None
        if message.strip().lstrip("-").isdigit():
            m = db.one(
                "SELECT %s FROM message WHERE run = ? AND id = ?" % cols, (run, int(message))
            )
        if m is None:
            m = db.one(
                "SELECT %s FROM message WHERE run = ? AND message_id = ? ORDER BY id LIMIT 1"
                % cols,
                (run, message),
            )
        if m is None:
            raise ReportError(
                "%s: run %d has no message '%s' (neither a message.id nor a "
                "Message-ID)" % (db.name, run, message)
            )
    return dict(zip([c.strip() for c in cols.split(",")], m))


def message_filter(m, extra_ids=()):
    """SQL condition (and its parameters) on a transaction_id column for the rows of message
    m: its transaction id, its Message-ID, the extra ids (push ids of its SMS), or an id
    derived from its Message-ID: "<Message-ID>/...", "N<Message-ID>/..." (notifications),
    "R<Message-ID>/..." (retrievals)."""
    ids = sorted({x for x in (m["transaction_id"], m["message_id"]) if x} | set(extra_ids))
    if not ids:
        return "0", []
    where = "transaction_id IN (%s)" % ", ".join("?" * len(ids))
    params = list(ids)
    if m["message_id"]:
        for prefix in ("", "N", "R"):
            where += " OR substr(transaction_id, 1, ?) = ?"
            text = prefix + m["message_id"] + "/"
            params += [len(text), text]
    return where, params


def element_column(name, originator, recipients):
    """The lifeline of an element name in the pdu or "transaction" rows ("relay", "ppg",
    "ua:+447700900001", ...) in a ladder Originator, Relay, Server, PPG, SMSC, recipients...;
    None for another element."""
    n = (name or "").lower()
    if n.startswith("ua:"):
        number = strip_type(name[3:])
        if number == originator:
            return 0
        return 5 + recipients.index(number) if number in recipients else None
    return {"relay": 1, "mmsc": 1, "server": 2, "store": 2, "ppg": 3, "smsc": 4}.get(n)


def build_ladder(db, run, m):
    dcols = (
        "recipient",
        "message",
        "size",
        "notification_queued",
        "push_received",
        "notify_resp_sent",
        "retrieval_started",
        "retrieval_completed",
        "acknowledged",
        "final_state",
        "ended",
        "delivery_report_sent",
        "delivery_report_received",
        "read_report_sent",
        "read_report_received",
        "notifications",
        "sms_segments",
        "retrievals",
    )
    if m["message_id"] is not None:
        rows = db.q(
            "SELECT %s FROM delivery WHERE run = ? AND message_id = ? ORDER BY rowid"
            % ", ".join(dcols),
            (run, m["message_id"]),
        )
        rows = [r for r in rows if r[1] is None or r[1] == m["id"]]
    else:
        rows = db.q(
            "SELECT %s FROM delivery WHERE run = ? AND message = ? ORDER BY rowid"
            % ", ".join(dcols),
            (run, m["id"]),
        )
    deliveries = [dict(zip(dcols, r)) for r in rows]
    lad = Ladder()
    recipients = []
    for d in deliveries:
        number = strip_type(d["recipient"])
        if number not in recipients:
            recipients.append(number)
    aliases = {}
    for i, number in enumerate(recipients):
        lad.columns.append("R%d" % (i + 1))
        aliases[number] = 4 + i
    originator = strip_type(m["originator"])
    O, RL, P, S = Ladder.ORIG, Ladder.RELAY, Ladder.PPG, Ladder.SMSC

    lad.arrow(m["submitted"], O, RL, "M-Send.req, %d octets [issued]" % m["size"])
    lad.arrow(m["confirmed"], RL, O, "M-Send.conf %s [arrived]" % (m["status"] or "(no status)"))

    sms = []
    if m["message_id"] is not None:
        sms = db.q(
            "SELECT reference, kind, destination, accepted, first_sent, delivered, attempts,"
            " final_state, push_id FROM sms WHERE run = ? AND message_id = ?"
            " ORDER BY accepted, rowid",
            (run, m["message_id"]),
        )
    several = len(recipients) > 1
    for d in deliveries:
        col = aliases[strip_type(d["recipient"])]
        who = " for %s" % lad.columns[col] if several else ""
        lad.arrow(d["notification_queued"], RL, P, "PAP push M-Notification.ind%s [queued]" % who)
        for ref, kind, dest, accepted, first_sent, delivered, attempts, state, _ in sms:
            if kind != "notification" or strip_type(dest) != strip_type(d["recipient"]):
                continue
            lad.arrow(accepted, P, S, "SMS submit %s [arrived]" % ref)
            # sms.first_sent: the SMSC's first transmission; sms.delivered: its RP-ACK arrived.
            lad.arrow(
                first_sent,
                S,
                col,
                "SMS-DELIVER %s (%s) [sent]" % (ref, plural(attempts, "attempt")),
            )
            if delivered is not None:
                lad.arrow(delivered, col, S, "RP-ACK %s [arrived]" % ref)
            else:
                lad.mark(first_sent, S, "SMS %s not delivered: %s" % (ref, state))
        lad.mark(d["push_received"], col, "WSP Push complete [arrived]")
        # The status it carried is not recorded: Rejected when the recipient rejected the
        # message without retrieving it, else Deferred (retrieval later or never).
        rejected = d["final_state"] == "rejected" and d["retrieval_started"] is None
        lad.arrow(
            d["notify_resp_sent"],
            col,
            RL,
            "M-NotifyResp.ind %s [issued]" % ("Rejected" if rejected else "Deferred"),
        )
        lad.arrow(d["retrieval_started"], col, RL, "GET Content-Location [issued]")
        size = d["size"] if d["size"] is not None else m["size"]
        lad.arrow(
            d["retrieval_completed"], RL, col, "M-Retrieve.conf, %d octets [arrived]" % size
        )
        lad.arrow(d["acknowledged"], col, RL, "acknowledgement [issued]")
        lad.mark(d["ended"], RL, "ended: %s%s" % (d["final_state"], who))
        lad.arrow(d["delivery_report_sent"], RL, P, "PAP push M-Delivery.ind%s [issued]" % who)
        lad.arrow(
            d["read_report_sent"],
            col,
            RL,
            "M-Read-Rec.ind%s [issued]" % (" from %s" % lad.columns[col] if several else ""),
        )
    report_sms = [
        s
        for s in sms
        if s[1] in ("delivery-report", "read-report") and strip_type(s[2]) == originator
    ]
    for ref, kind, dest, accepted, first_sent, delivered, attempts, state, _ in report_sms:
        lad.arrow(accepted, P, S, "SMS submit %s (%s) [arrived]" % (ref, kind))
        lad.arrow(
            first_sent, S, O, "SMS-DELIVER %s (%s) [sent]" % (ref, plural(attempts, "attempt"))
        )
        if delivered is not None:
            lad.arrow(delivered, O, S, "RP-ACK %s [arrived]" % ref)
        else:
            lad.mark(first_sent, S, "SMS %s not delivered: %s" % (ref, state))
    for d in deliveries:
        via = S if any(s[1] == "delivery-report" for s in report_sms) else P
        lad.arrow(d["delivery_report_received"], via, O, "M-Delivery.ind [arrived]")
        via = S if any(s[1] == "read-report" for s in report_sms) else P
        lad.arrow(d["read_report_received"], via, O, "M-Read-Orig.ind [arrived]")

    # "transaction" rows (one per HTTP exchange, written by the client element; the peer is
    # an address): those carrying this message's transaction id or Message-ID, the push ids
    # of its SMS, or an id derived from its Message-ID ("<Message-ID>/...", "N<Message-ID>/0").
    where, params = message_filter(m, [s[8] for s in sms if s[8]])
    if params:
        txns = db.q(
            "SELECT element, peer, type, transaction_id, start, finish, request_bytes,"
            ' response_bytes, status FROM "transaction" WHERE run = ? AND (%s)'
            " ORDER BY start, rowid" % where,
            [run] + params,
        )

        def column_of(name):
            n = (name or "").lower()
            if n.startswith("ua:"):
                number = strip_type(name[3:])
                return O if number == originator else aliases.get(number)
            if n in ("relay", "server", "mmsc"):
                return RL
            if n == "ppg":
                return P
            if n == "smsc":
                return S
            number = strip_type(name)
            return O if number == originator else aliases.get(number)

        def peer_column(element, peer, type_):
            # The peer is an address ("10.0.0.1:80"); the element and the request tell whom
            # it addresses: a handset talks HTTP to the Relay only, the PPG submits to the
            # SMSC, the Relay pushes (PAP) to the PPG and stores on the server (its column).
            c = column_of(peer)
            if c is not None:
                return c
            e, t = (element or "").lower(), (type_ or "").lower()
            if e.startswith("ua:"):
                return RL
            if e == "ppg":
                return S
            if e in ("relay", "server") and t.startswith("pap"):
                return P
            if e in ("relay", "server") and "/store" in t:
                return RL
            return None

        for element, peer, type_, tid, start, finish, req, resp, status in txns:
            a, b = column_of(element), peer_column(element, peer, type_)
            if a is not None and b is not None and a != b:
                lad.arrow(start, a, b, "%s, %d octets [issued] [HTTP exchange]" % (type_, req))
                lad.arrow(
                    finish,
                    b,
                    a,
                    "%s, %d octets [arrived] [response to %s]" % (status, resp, type_),
                )
            else:
                at = a if a is not None else (b if b is not None else RL)
                lad.mark(
                    start,
                    at,
                    "%s %s->%s until %.3f: %s [HTTP exchange]"
                    % (type_, element, peer, finish, status),
                )
    return lad, deliveries, recipients


def render_ladder_text(lad, out):
    n = len(lad.columns)
    prefix = 11  # "%9.3f  "
    gap = max(6, min(14, (100 - prefix - 5 - 3 - 34) // max(1, n - 1)))
    pos = [prefix + 5 + i * gap for i in range(n)]
    width = pos[-1] + 1

    def blank():
        line = [" "] * width
        for p in pos:
            line[p] = "|"
        return line

    header = [" "] * (width + 6)
    header[0:8] = list("time (s)")
    for name, p in zip(lad.columns, pos):
        start = max(9, p - len(name) // 2)
        for i, ch in enumerate(name):
            if start + i < len(header):
                header[start + i] = ch
    out.write("".join(header).rstrip() + "\n")
    out.write(" " * prefix + "".join(blank()[prefix:]).rstrip() + "\n")
    arrows = 0
    for time, _, kind, src, dst, label in lad.ordered():
        line = blank()
        if kind == "arrow":
            lo, hi = sorted((pos[src], pos[dst]))
            for x in range(lo + 1, hi):
                line[x] = "-"
            if src < dst:
                line[hi - 1] = ">"
            else:
                line[lo + 1] = "<"
            arrows += 1
        else:
            line[pos[src]] = "*"
        text = "%9.3f  " % time + "".join(line[prefix:])
        out.write(text + "  " + label + "\n")
    return arrows


# The first lines of a ladder drawn from the pdu table: mms-first prints the same
# (MmsLadderTracer::LADDER_LEGEND in model/mms-ladder-tracer.cc).
PDU_LEGEND = (
    "Each arrow is one message, from the element that sent it to the one it reached.\n"
    "sent: handed to TCP or UDP; arrived: received whole (-: never arrived). A request\n"
    "issued earlier waited for its connection (radio and PDP set-up, TCP handshake)."
)
RECORDS_LEGEND = (
    "Each row is one instant the records of the message hold, labelled with what it is:\n"
    "[issued] an element issued a request, [sent] sent a message, [arrived] one arrived\n"
    "whole, [queued] the Relay queued a push. (Record the run with RecordPdus for the\n"
    "sending and the arrival of every message.)"
)
PDU_WIDTH = 13  # characters per lifeline, as mms-first


class Pdu:
    """A row of the pdu table."""

    __slots__ = (
        "sender",
        "receiver",
        "kind",
        "description",
        "transaction_id",
        "octets",
        "issued",
        "sent",
        "arrived",
        "src",
        "dst",
    )

    def __init__(self, row, src, dst):
        (
            self.sender,
            self.receiver,
            self.kind,
            self.description,
            self.transaction_id,
            self.octets,
            self.issued,
            self.sent,
            self.arrived,
        ) = row
        self.src, self.dst = src, dst

    def label(self):
        """The words of the ladder line, as mms-first prints them."""
        text = self.description
        if self.transaction_id:
            text += " tid=" + self.transaction_id
        text += " (%d B" % self.octets
        if self.issued < self.sent:
            text += ", issued %.3f" % self.issued
        return text + ")"


def pdu_roles(rows):
    """The lifeline of each core element of a message's pdu rows, whatever the scenario named
    it ("mmsc", "store", ...), from the requests it sent or received: a store request goes
    from the Relay to the Server, a PAP push from the Relay to the PPG, POST /sms from the PPG
    to the SMSC, and a handset's request to the Relay."""
    roles = {}
    for sender, receiver, kind, description, *_ in rows:
        if kind != "request":
            continue
        if description.endswith(" /store"):
            roles.update({sender: 1, receiver: 2})
        elif description.startswith("PAP "):
            roles.update({sender: 1, receiver: 3})
        elif description == "POST /sms":
            roles.update({sender: 3, receiver: 4})
        elif sender.startswith("ua:"):
            roles[receiver] = 1
    return roles


def pdu_columns(recipients, wap=False):
    """The lifelines; with wap, a "WAP gw" lifeline after the Originator's (WAP 1.x handsets
    reach the Relay through the WAP gateway)."""
    return (["Originator"] + (["WAP gw"] if wap else []) + ["Relay", "Server", "PPG", "SMSC"]) + (
        ["Recipient"] if len(recipients) == 1 else ["R%d" % (i + 1) for i in range(len(recipients))]
    )


# WTP datagrams carry no transaction id: those of the message's handsets with the WAP gateway
# are taken from this long (the WTP wait timeout W, 30 s) before the message's first pdu row to
# this long after its last.
WTP_WINDOW = 30.0


def message_pdus(db, run, m, recipients):
    """The pdu rows of message m between lifelines of its ladder, in the order they were sent
    (as mms-first orders them: by sent, then as they were recorded)."""
    if not db.has_pdu:
        return [], False
    where, params = message_filter(m)
    columns = "sender, receiver, kind, description, transaction_id, octets, issued, sent, arrived"
    rows = db.q(
        "SELECT %s, rowid FROM pdu WHERE run = ? AND (%s) ORDER BY sent, rowid" % (columns, where),
        [run] + params,
    )
    originator = strip_type(m["originator"])
    wap = any("wapgw" in (r[0], r[1]) for r in rows)
    if wap:
        # The WTP datagrams between the message's handsets and the gateway, around it.
        handsets = ["ua:" + n for n in [originator] + list(recipients)]
        marks = ", ".join("?" * len(handsets))
        rows += db.q(
            "SELECT %s, rowid FROM pdu WHERE run = ? AND transaction_id IS NULL"
            " AND sent BETWEEN ? AND ? AND ((sender = 'wapgw' AND receiver IN (%s))"
            " OR (receiver = 'wapgw' AND sender IN (%s)))" % (columns, marks, marks),
            [run, min(r[7] for r in rows) - WTP_WINDOW, max(r[7] for r in rows) + WTP_WINDOW]
            + handsets
            + handsets,
        )
        rows.sort(key=lambda r: (r[7], r[9]))
    rows = [r[:9] for r in rows]
    roles = pdu_roles(rows)
    out = []
    for r in rows:
        src = roles.get(r[0], element_column(r[0], originator, recipients))
        dst = roles.get(r[1], element_column(r[1], originator, recipients))
        if wap:
            # Shift the lifelines after the Originator's by one for the gateway's.
            src = 1 if r[0] == "wapgw" else (src + 1 if src else src)
            dst = 1 if r[1] == "wapgw" else (dst + 1 if dst else dst)
        if src is not None and dst is not None and src != dst:
            out.append(Pdu(r, src, dst))
    return out, wap


def render_pdu_ladder_text(columns, pdus, out):
    """The ladder as mms-first prints it; returns the number of arrows."""
    w = PDU_WIDTH
    out.write(PDU_LEGEND + "\n")
    names = [" "] * (w * len(columns))
    for c, name in enumerate(columns):
        start = c * w + w // 2 - len(name) // 2
        names[start : start + len(name)] = list(name)
    out.write(("%10s %10s  " % ("sent (s)", "arrived (s)") + "".join(names)).rstrip() + "\n")
    for p in pdus:
        row = [" "] * (w * len(columns))
        for c in range(len(columns)):
            row[c * w + w // 2] = "|"
        lo, hi = sorted((p.src, p.dst))
        for x in range(lo * w + w // 2 + 1, hi * w + w // 2):
            row[x] = "-"
        if p.dst > p.src:
            row[hi * w + w // 2 - 1] = ">"
        else:
            row[lo * w + w // 2 + 1] = "<"
        arrived = "%10.3f" % p.arrived if p.arrived is not None else "%10s" % "-"
        out.write("%10.3f %s  %s %s\n" % (p.sent, arrived, "".join(row), p.label()))
    return len(pdus)


PDU_COLOURS = {"request": "tab:blue", "response": "tab:green", "datagram": "tab:orange"}


def draw_pdu_ladder(plt, columns, pdus, title):
    """A matplotlib figure of the ladder: each arrow from (sender, the row of the instant it
    was sent) to (receiver, the row of the instant it arrived), rows being the distinct
    instants in order; returns (figure, arrow labels). Each arrow's artists have the gid
    "pdu-<i>" (an id in SVG)."""
    instants = sorted(
        {round(t, 3) for p in pdus for t in (p.issued, p.sent, p.arrived) if t is not None}
    )
    row = {t: i for i, t in enumerate(instants)}
    n, rows = len(columns), max(1, len(instants))
    fig, ax = plt.subplots(figsize=(2.4 + 1.9 * n, 1.8 + 0.34 * rows))
    for x in range(n):
        ax.plot([x, x], [-0.6, rows - 0.4], color="0.6", linewidth=1, zorder=1)
    ax.set_xticks(range(n))
    ax.set_xticklabels(columns, fontsize=9, fontweight="bold")
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_ylim(rows - 0.4, -0.8)
    ax.set_yticks(range(len(instants)))
    ax.set_yticklabels(["%.3f" % t for t in instants], fontsize=7.5)
    ax.set_ylabel("simulation time (s): one row per instant, in order (not to scale)")
    labels = []
    for i, p in enumerate(pdus):
        gid = "pdu-%d" % i
        y0 = row[round(p.sent, 3)]
        way = 1 if p.dst > p.src else -1
        if p.issued < p.sent and round(p.issued, 3) != round(p.sent, 3):
            # the request waited for its connection: a dotted stretch of the sender's lifeline
            ax.plot(
                [p.src, p.src],
                [row[round(p.issued, 3)], y0],
                color="0.3",
                linestyle=":",
                linewidth=2.2,
                zorder=2,
                gid=gid + "-connecting",
            )
        if p.arrived is None:
            x1, y1 = p.src + way * 0.45, y0 + 0.5
        else:
            x1, y1 = p.dst, row[round(p.arrived, 3)]
        colour = "tab:red" if p.arrived is None else PDU_COLOURS.get(p.kind, "tab:blue")
        arrow = ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(p.src, y0),
            arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.2, shrinkA=0, shrinkB=0),
            zorder=3,
        )
        arrow.arrow_patch.set_gid(gid)
        if p.arrived is None:
            ax.plot([x1], [y1], marker="x", color="tab:red", markersize=8, zorder=4)
        label = p.label() + ("" if p.arrived is not None else ", never arrived")
        ax.text(
            p.src + way * 0.06,
            y0 - 0.08,
            label,
            ha="left" if way > 0 else "right",
            va="bottom",
            fontsize=7,
            color="black",
            zorder=5,
            gid=gid + "-label",
            bbox=dict(boxstyle="square,pad=0.05", fc="white", ec="none", alpha=0.75),
        )
        labels.append(p.label())
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="x", length=0)
    ax.set_title(title, fontsize=10, pad=24)
    ax.text(
        0.0,
        -0.4 / rows - 0.01,
        "Blue: a request; green: a response; orange: a datagram (SMS, WSP Push); red, ending in "
        "a cross: never arrived. Dotted: a request issued, waiting for its connection.",
        transform=ax.transAxes,
        fontsize=8,
        color="0.25",
        va="top",
    )
    return fig, labels


def draw_records_ladder(plt, lad, title):
    """A matplotlib figure of a records ladder (one row per instant): (figure, labels)."""
    events = lad.ordered()
    n = len(lad.columns)
    rows = max(1, len(events))
    fig, ax = plt.subplots(figsize=(2.2 + 1.9 * n, 1.6 + 0.42 * rows))
    for x in range(n):
        ax.plot([x, x], [-0.6, rows - 0.4], color="0.55", linewidth=1, zorder=1)
    ax.set_xticks(range(n))
    ax.set_xticklabels(lad.columns, fontsize=9, fontweight="bold")
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_ylim(rows - 0.4, -0.8)
    ax.set_yticks(range(len(events)))
    ax.set_yticklabels(["%.3f" % e[0] for e in events], fontsize=8)
    ax.set_ylabel("simulation time (s), one row per recorded instant (not to scale)")
    labels = []
    for y, (time, _, kind, src, dst, label) in enumerate(events):
        gid = "event-%d" % y
        if kind == "arrow":
            # HTTP exchanges from the "transaction" table: grey and dashed, under the
            # protocol steps they carry
            http = label.endswith("[HTTP exchange]") or "[response to " in label
            arrow = ax.annotate(
                "",
                xy=(dst, y),
                xytext=(src, y),
                arrowprops=dict(
                    arrowstyle="-|>",
                    color="0.5" if http else "tab:blue",
                    lw=1.0 if http else 1.2,
                    linestyle="--" if http else "-",
                    shrinkA=0,
                    shrinkB=0,
                ),
                zorder=3,
            )
            arrow.arrow_patch.set_gid(gid)
            x, ha = (src + dst) / 2.0, "center"
            labels.append(label)
        else:
            ax.plot([src], [y], marker="s", color="tab:orange", markersize=6, zorder=3, gid=gid)
            x, ha = src + 0.08, "left"
        ax.text(
            x,
            y - 0.12 if kind == "arrow" else y,
            label,
            ha=ha,
            va="bottom" if kind == "arrow" else "center",
            fontsize=7.5,
            color="0.2",
            zorder=4,
            bbox=dict(boxstyle="square,pad=0.05", fc="white", ec="none", alpha=0.8),
        )
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="x", length=0)
    ax.set_title(title, fontsize=10, pad=24)
    return fig, labels


class MessageLadder:
    """The ladder of one message of one run: from its pdu rows, or else from its records."""

    def __init__(self, db, run, message, source=None):
        self.db, self.run = db, run
        self.m = find_message(db, run, message)
        self.records, self.deliveries, self.recipients = build_ladder(db, run, self.m)
        if source is None:
            source = "pdu" if db.has_pdu and self.run_has_pdus() else "records"
        if source == "pdu" and not db.has_pdu:
            raise ReportError(
                "%s: no pdu table (schema version 2): --source records" % db.name
            )
        self.source = source
        self.pdus, wap = (
            message_pdus(db, run, self.m, self.recipients) if source == "pdu" else ([], False)
        )
        self.columns = pdu_columns(self.recipients, wap)

    def run_has_pdus(self):
        return self.db.one("SELECT count(*) FROM pdu WHERE run = ?", (self.run,))[0] > 0

    def title(self):
        return "%s, run %d: message %d (%s), %s; %s" % (
            os.path.basename(self.db.path),
            self.run,
            self.m["id"],
            self.m["message_id"] or "no Message-ID",
            plural(len(self.recipients), "recipient"),
            "each message sent and arrived" if self.source == "pdu" else "recorded instants",
        )

    def header(self, out):
        m, w = self.m, out.write
        w(
            "Ladder of message %d (Message-ID %s) in run %d of %s\n"
            % (m["id"], m["message_id"] or "-", self.run, self.db.path)
        )
        w(
            "  from %s, %d octets, class %s, transaction %s, %s\n"
            % (
                m["originator"],
                m["size"],
                m["content_class"] or "-",
                m["transaction_id"],
                plural(m["recipients"], "recipient"),
            )
        )
        states = {}
        for d in self.deliveries:
            states.setdefault(strip_type(d["recipient"]), []).append(d["final_state"])
        names = (
            self.columns[-len(self.recipients) :]
            if self.source == "pdu"
            else self.records.columns[4:]
        )
        for name, number in zip(names, self.recipients):
            open_note = [s for s in states[number] if s in OPEN]
            w(
                "  %s = %s: %s%s\n"
                % (
                    name,
                    number,
                    ", ".join(states[number]),
                    " (still open when the run ended)" if open_note else "",
                )
            )
        if not self.deliveries:
            w("  (no delivery rows for this message)\n")
        w("\n")

    def text(self, out):
        """Print the ladder; returns the number of arrows."""
        if self.source == "pdu":
            return render_pdu_ladder_text(self.columns, self.pdus, out)
        out.write(RECORDS_LEGEND + "\n")
        return render_ladder_text(self.records, out)

    def figure(self, plt):
        """(figure, arrow labels)."""
        if self.source == "pdu":
            return draw_pdu_ladder(plt, self.columns, self.pdus, self.title())
        return draw_records_ladder(plt, self.records, self.title())


def cmd_ladder(args, out):
    if args.png:
        folder = os.path.dirname(os.path.abspath(args.png))
        if not os.path.isdir(folder):
            raise ReportError(
                "ladder PNG '%s': the folder '%s' does not exist" % (args.png, folder)
            )
    db = open_results(args.file)
    if not db.run_rows:
        raise ReportError("%s: no runs recorded yet" % db.name)
    run = args.run if args.run is not None else max(db.run_rows)
    db.select_runs([run])
    plt = load_pyplot() if args.png else None
    ladder = MessageLadder(db, run, args.message, args.source)
    ladder.header(out)
    ladder.text(out)
    if args.png:
        fig, labels = ladder.figure(plt)
        drawn = save_png(plt, fig, args.png, labels)
        out.write("\nwrote %s (%d series: arrows)\n" % (args.png, drawn))
    return 0


# ----------------------------------------------------------------------------- html

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

PAGE_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5em auto; max-width: 1500px;
       color: #222; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
nav a { margin-right: 1em; }
p.note { color: #555; font-size: 0.9em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; }
th { background: #f0f0f0; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.text { max-width: 60em; overflow-wrap: anywhere; }
.runs { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1em; }
.stack > div { margin-bottom: 1.5em; }
figure { margin: 0.5em 0; }
figcaption { font-size: 0.85em; color: #444; margin-top: 0.3em; }
svg { max-width: 100%; height: auto; }
pre { font-size: 0.72em; background: #f7f7f7; padding: 0.5em; overflow-x: auto; }
"""

META_FIELDS = (
    ("status", "status"),
    ("scenario", "scenario"),
    ("started", "started (UTC)"),
    ("ended", "ended (UTC)"),
    ("simulated_seconds", "simulated time (s)"),
    ("wall_seconds", "wall-clock time (s)"),
    ("rng_seed", "RngSeed"),
    ("rng_run", "RngRun"),
    ("sample_interval", "sample interval (s)"),
    ("ns3_version", "ns-3"),
    ("module_version", "mms module"),
    ("command_line", "command line"),
    ("note", "note"),
)
# Figures of the summary shown in the second table (the KPIs have their own).
OTHER_FIGURES = (
    ("messages", "messages submitted"),
    ("deliveries", "deliveries"),
    ("deliveries_open", "deliveries still open"),
    ("delivery_ratio", "delivery ratio (retrieved / terminal)"),
    ("send_failure_ratio", "send failure ratio"),
    ("notification_failure_ratio", "notification failure ratio"),
    ("retrieval_failure_ratio", "retrieval failure ratio"),
    ("end_to_end_failure_ratio", "end-to-end failure ratio"),
    ("retrievals_per_hour", "retrievals per hour"),
    ("mean_bit_rate", "mean retrieved bit rate (bit/s)"),
    ("peak_interval_bit_rate", "peak interval bit rate (bit/s)"),
    ("cells", "radio cells"),
    ("downlink_utilisation.peak", "downlink utilisation, peak"),
    ("downlink_utilisation.mean", "downlink utilisation, mean"),
    ("uplink_utilisation.peak", "uplink utilisation, peak"),
    ("uplink_utilisation.mean", "uplink utilisation, mean"),
)


def inline_svg(fig, plt, prefix):
    """A matplotlib figure as an <svg> element for an HTML page: no XML namespaces (the HTML
    parser gives <svg> its own), no metadata, every id prefixed so that the figures of one
    page do not share ids."""
    import io
    import xml.etree.ElementTree as ET

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    root = ET.fromstring(buf.getvalue())
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == SVG_NS + "metadata":
                parent.remove(child)
    ids = {}
    for el in root.iter():
        if "id" in el.attrib:
            ids[el.attrib["id"]] = "%s-%s" % (prefix, el.attrib["id"])
    for el in root.iter():
        if el.tag.startswith(SVG_NS):
            el.tag = el.tag[len(SVG_NS) :]
        for key in list(el.attrib):
            value = el.attrib.pop(key)
            if key == "id":
                value = ids[value]
            elif key == XLINK_HREF:
                key = "xlink:href"
            if "#" in value:
                for old, new in ids.items():
                    value = value.replace("#%s)" % old, "#%s)" % new)
                    if value == "#" + old:
                        value = "#" + new
            el.attrib[key] = value
    root.attrib.pop("version", None)
    root.attrib["role"] = "img"
    return root


class Page:
    """An HTML page built with xml.etree."""

    def __init__(self, title):
        import xml.etree.ElementTree as ET

        self.ET = ET
        self.html = ET.Element("html", lang="en")
        head = ET.SubElement(self.html, "head")
        ET.SubElement(head, "meta", charset="utf-8")
        ET.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
        ET.SubElement(head, "title").text = title
        ET.SubElement(head, "style").text = PAGE_CSS
        self.body = ET.SubElement(self.html, "body")

    def add(self, parent, tag, text=None, **attrs):
        # class_ -> class, data_run -> data-run
        el = self.ET.SubElement(
            parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()}
        )
        if text is not None:
            el.text = str(text)
        return el

    def section(self, ident, heading):
        sec = self.add(self.body, "section", id=ident)
        self.add(sec, "h2", heading)
        return sec

    def table(self, parent, ident, heads):
        """A table with a row of headings; returns its body."""
        table = self.add(parent, "table", id=ident)
        tr = self.add(self.add(table, "thead"), "tr")
        for head in heads:
            self.add(tr, "th", head)
        return self.add(table, "tbody")

    def figure(self, parent, svg, caption):
        fig = self.add(parent, "figure")
        fig.append(svg)
        self.add(fig, "figcaption", caption)
        return fig

    def write(self, path):
        text = "<!DOCTYPE html>\n" + self.ET.tostring(self.html, encoding="unicode", method="html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        return len(text)


def html_tables(page, db, runs, figures):
    """The run metadata, the KPI table and the other figures, one column per run."""
    sec = page.section("run", "Runs")
    body = page.table(sec, "run-table", [""] + ["run %d" % r["id"] for r in runs])
    for key, human in META_FIELDS:
        tr = page.add(body, "tr")
        page.add(tr, "th", human)
        for run in runs:
            value = run.get(key)
            num = isinstance(value, (int, float)) and not isinstance(value, bool)
            if value is None:
                text = "-"
            else:
                text = "%.3f" % value if isinstance(value, float) else str(value)
            page.add(
                tr, "td", text, class_="num" if num else "text", data_run=run["id"], data_field=key
            )

    sec = page.section("kpi", "Latency KPIs")
    page.add(sec, "p", "Seconds; percentiles are nearest rank (the kpi_summary view of the "
             "results file, which the end-of-run summary prints too).", class_="note")
    body = page.table(
        sec, "kpi-table", ["KPI", "run", "count", "mean", "p50", "p90", "p95", "p99"]
    )
    for key, human, _, _ in KPIS:
        for run in runs:
            v = figures[run["id"]]
            tr = page.add(body, "tr")
            page.add(tr, "th", human)
            page.add(tr, "td", "run %d" % run["id"])
            for suffix, kind in (("count", "int"), ("mean", "time")) + tuple(
                (p, "time") for p in PERCENTILES
            ):
                figure = key + "." + suffix
                page.add(tr, "td", text_value(v.get(figure), kind), class_="num",
                         data_run=run["id"], data_figure=figure)

    page.add(sec, "h3", "Deliveries, failures, throughput and cells")
    body = page.table(sec, "figure-table", ["figure"] + ["run %d" % r["id"] for r in runs])
    kinds = {}
    for run in runs:
        for fig in db.summary_figures[run["id"]]:
            kinds[fig.key] = fig.kind
    keys = [k for k, _ in OTHER_FIGURES] + sorted(
        k for k in kinds if k.startswith("element.") and k.endswith("_peak")
    )
    humans = dict(OTHER_FIGURES)
    peaks = {
        "queue_peak": "peak queue",
        "stored_messages_peak": "peak stored messages",
        "stored_bytes_peak": "peak stored octets",
    }
    for key in keys:
        if key.startswith("element."):
            _, element, what = key.split(".", 2)
            humans[key] = "%s: %s" % (element, peaks.get(what, what))
        tr = page.add(body, "tr")
        page.add(tr, "th", humans.get(key, key))
        for run in runs:
            page.add(tr, "td", text_value(figures[run["id"]].get(key), kinds.get(key, "int")),
                     class_="num", data_run=run["id"], data_figure=key)


def html_plots(page, plt, db, runs):
    """CDFs of the four latency KPIs (the runs over each other) and each run's time series."""
    sec = page.section("cdf", "Distributions of the latency KPIs")
    fig, axes = plt.subplots(2, 2, figsize=(11, 7.5))
    for ax, kpi in zip(axes.flat, KPIS):
        labels = plot_cdf(ax, db, runs, kpis=(kpi,))
        decorate(ax, labels, kpi[1], "no values", legend_outside=False)
    fig.tight_layout()
    page.figure(sec, inline_svg(fig, plt, "cdf"), "Empirical CDF of each KPI: the fraction of "
                "its values at or below a latency; one series per run.")

    sec = page.section("series", "Time series of the elements and cells")
    grid = page.add(sec, "div", class_="runs")
    for run in runs:
        fig, axes = plt.subplots(4, 1, figsize=(8, 12), sharex=True)
        one = [run]
        labels = plot_elements(axes[0], db, one, "queue_max", "peak queue (count)", "pre")
        decorate(axes[0], labels, "Element queues (queue_max per sample interval)",
                 "no queue samples", legend_outside=False)
        labels = plot_elements(axes[1], db, one, "stored_messages", "stored messages", "line")
        decorate(axes[1], labels, "Messages stored", "no store samples", legend_outside=False)
        labels = plot_cells(axes[2], db, one)
        decorate(axes[2], labels, "Radio cells, downlink utilisation", "no radio cells",
                 legend_outside=False)
        labels = plot_throughput(axes[3], db, one)
        decorate(axes[3], labels, "Retrieved throughput", "no retrievals", legend_outside=False)
        for ax in axes[:3]:
            ax.set_xlabel("")
        fig.tight_layout()
        page.figure(grid, inline_svg(fig, plt, "series-%d" % run["id"]),
                    "Run %d: element samples every %s s, the radio cells' bearer samples, "
                    "and the throughput view."
                    % (run["id"], text_value(run.get("sample_interval"), "seconds")))


def html_ladders(page, plt, db, runs, message):
    """The ladder of the chosen message of each run, as an SVG sequence diagram and text."""
    import io

    sec = page.section("ladder", "Ladder")
    grid = page.add(sec, "div", class_="stack")
    for i, run in enumerate(runs):
        cell = page.add(grid, "div")
        wanted = message
        if i > 0 and message is not None:
            # the compared run: the same message if it has it, else its default
            try:
                find_message(db, run["id"], message)
            except ReportError:
                wanted = None
        try:
            ladder = MessageLadder(db, run["id"], wanted)
        except ReportError as e:
            page.add(cell, "p", "Run %d: no ladder (%s)." % (run["id"], e), class_="note")
            continue
        text = io.StringIO()
        ladder.header(text)
        arrows = ladder.text(text)
        fig, _ = ladder.figure(plt)
        legend = PDU_LEGEND if ladder.source == "pdu" else RECORDS_LEGEND
        page.figure(cell, inline_svg(fig, plt, "ladder-%d" % run["id"]),
                    "Run %d, message %d: %d arrows. %s" % (run["id"], ladder.m["id"], arrows,
                                                          legend.replace("\n", " ")))
        details = page.add(cell, "details")
        page.add(details, "summary", "The same ladder as text")
        page.add(details, "pre", text.getvalue(), class_="ladder-text")


def cmd_html(args, out):
    db = open_results(args.file)
    if not db.run_rows:
        raise ReportError("%s: no runs recorded yet" % db.name)
    run = args.run if args.run is not None else max(db.run_rows)
    wanted = [run] + ([args.compare] if args.compare is not None else [])
    runs = db.select_runs(wanted)
    folder = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(folder):
        raise ReportError("HTML page '%s': the folder '%s' does not exist" % (args.output, folder))
    plt = load_pyplot()
    db.summary_figures = {r["id"]: summarise(db, r) for r in runs}
    figures = {rid: {f.key: f.value for f in figs} for rid, figs in db.summary_figures.items()}
    ids = " and ".join("run %d" % r["id"] for r in runs)
    page = Page("MMS results: %s of %s" % (ids, os.path.basename(db.path)))
    page.add(page.body, "h1", "MMS results: %s of %s" % (ids, os.path.basename(db.path)))
    page.add(page.body, "p", "Results file %s, read by utils/mms-report.py html. The page is "
             "self-contained: its plots are inline SVG." % db.path, class_="note")
    nav = page.add(page.body, "nav")
    for ident, name in (("run", "Runs"), ("kpi", "KPIs"), ("cdf", "Distributions"),
                        ("series", "Time series"), ("ladder", "Ladder")):
        page.add(nav, "a", name, href="#" + ident)
    html_tables(page, db, runs, figures)
    html_plots(page, plt, db, runs)
    html_ladders(page, plt, db, runs, args.message)
    size = page.write(args.output)
    out.write("wrote %s (%s, %d characters)\n" % (args.output, ids, size))
    return 0


# ----------------------------------------------------------------------------- main


def parser():
    p = argparse.ArgumentParser(
        prog="mms-report.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", metavar="{summary,plots,ladder,html}")
    s = sub.add_parser(
        "summary",
        help="KPI summary of each run (the default)",
        description="KPI summary of each run; see mms-report.py --help for the figures.",
    )
    s.add_argument(
        "file",
        metavar="FILE",
        nargs="+",
        help="results file (SQLite); several: the rank files of one distributed run",
    )
    s.add_argument(
        "--run",
        type=run_int,
        nargs="+",
        action="extend",
        metavar="N",
        help="only these run ids (default: all, in id order)",
    )
    s.add_argument("--compare", action="store_true", help="one table, one column per run")
    s.add_argument("--format", choices=("text", "csv"), default="text", help="output format")
    pl = sub.add_parser(
        "plots",
        help="PNG plots of the latency, throughput, queues, storage, cells",
        description="Write latency-cdf.png, throughput.png, queues.png, storage.png "
        "and bearer.png into DIR.",
    )
    pl.add_argument(
        "file",
        metavar="FILE",
        nargs="+",
        help="results file (SQLite); several: the rank files of one distributed run",
    )
    pl.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    pl.add_argument(
        "--run",
        type=run_int,
        nargs="+",
        action="extend",
        metavar="N",
        help="only these run ids (default: all)",
    )
    la = sub.add_parser(
        "ladder",
        help="ladder diagram of one message",
        description="Ladder (sequence) diagram of one message, as text and " "optionally as a PNG.",
    )
    la.add_argument(
        "file",
        metavar="FILE",
        nargs="+",
        help="results file (SQLite); several: the rank files of one distributed run",
    )
    la.add_argument("--run", type=run_int, metavar="N", help="run id (default: the last run)")
    la.add_argument(
        "--message",
        metavar="ID",
        help="message.id or Message-ID (default: the first " "message retrieved by a recipient)",
    )
    la.add_argument(
        "--source",
        choices=("pdu", "records"),
        help="draw each message sent and arrived (pdu table; the default when the run recorded "
        "it) or the instants of the message's records",
    )
    la.add_argument("--png", metavar="PATH", help="also draw the ladder into this PNG file")
    ht = sub.add_parser(
        "html",
        help="one self-contained HTML page of a run (or two side by side)",
        description="One self-contained HTML page: metadata, KPI tables, CDFs, time series "
        "and the ladder of a message of run N; --compare M puts run M beside it.",
    )
    ht.add_argument(
        "file",
        metavar="FILE",
        nargs="+",
        help="results file (SQLite); several: the rank files of one distributed run",
    )
    ht.add_argument("-o", "--output", required=True, metavar="PAGE", help="the HTML file to write")
    ht.add_argument("--run", type=run_int, metavar="N", help="run id (default: the last run)")
    ht.add_argument("--compare", type=run_int, metavar="M", help="a second run, side by side")
    ht.add_argument(
        "--message",
        metavar="ID",
        help="message.id or Message-ID of the ladder (default: the first message retrieved "
        "by a recipient)",
    )
    return p


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in ("summary", "plots", "ladder", "html", "-h", "--help"):
        argv.insert(0, "summary")
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_usage(sys.stderr)
        sys.stderr.write("%s: give a results file (see --help)\n" % PROG)
        return 2
    out = sys.stdout
    try:
        commands = {
            "summary": cmd_summary,
            "plots": cmd_plots,
            "ladder": cmd_ladder,
            "html": cmd_html,
        }
        return commands[args.command](args, out)
    except ReportError as e:
        sys.stderr.write("%s: %s\n" % (PROG, e))
        return 2
    except sqlite3.Error as e:
        sys.stderr.write("%s: results file '%s': SQLite error: %s\n" % (PROG, " ".join(args.file), e))
        return 2
    except BrokenPipeError:
        # A reader such as "head" closed the pipe: stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:
        # writing an output (a PNG, the output folder) failed
        sys.stderr.write("%s: %s: %s\n" % (PROG, e.filename or " ".join(args.file), e.strerror or e))
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("%s: interrupted\n" % PROG)
        return 130


if __name__ == "__main__":
    sys.exit(main())
