#!/usr/bin/env python3
"""Check utils/mms-report.py against a results file written by the simulator.

  python3 test/check-report.py --report utils/mms-report.py --results FILE --out DIR

FILE is an MMS results file (SQLite) with at least one run with messages, deliveries and
element samples. DIR receives the report's outputs (plots, ladder PNG, error-case files).
The checker computes its expectations itself from the raw tables (message, delivery,
element_sample, bearer_sample, run), not from the KPI views, and checks:

  summary    text and csv exit 0; for every run and latency KPI the csv count and the
             nearest-rank p50/p90/p95/p99 (rank ceil(p*n), clamped to [1, n]) equal the
             checker's to 1e-9 s ("-" when there is no value), and the mean to 1e-9
             relative; messages, deliveries, open deliveries and the delivery ratio;
             --compare (text and csv) exits 0 and repeats the same numbers
  plots      every PNG exists, is a PNG (signature, chunk CRCs, IHDR/IDAT/IEND) and its
             "Series" text chunk (tEXt, zTXt or iTXt) equals the number of series the file
             implies, and "Series-Labels" names them
  ladder     text and --png exit 0, from the pdu table (the default: the file has its rows)
             and --source records. pdu: the legend, then one line per pdu row of the
             message (the checker's own query) with its sent and arrived instants in the
             checker's order, an m-send-req line issued at the message's submission and an
             m-retrieve-conf line that arrived at the delivery's retrieval_completed.
             records: M-Send.req [issued] and M-Retrieve.conf [arrived] lines present and in
             time order (all event times ascending). Each PNG is valid and its "Series" is
             the number of arrows in its text; --message with the Message-ID text works
  html       html -o PAGE exits 0; the page (parsed with html.parser) has the KPI table's
             values as summary --format=csv gives them (text precision), the figure table,
             <svg> for the CDFs and each run's series and ladder, one arrow id per
             ladder line, unique ids and nothing fetched from elsewhere (src, href or url() to anything but
             #ids); --compare M adds run M's column; an unknown run and a missing folder:
             exit 2
  python     the report run by a virtual environment's python3 without matplotlib runs
             itself again with /usr/bin/python3 and draws its PNG; told not to
             (MMS_PYTHON_REEXEC set), it exits 2 naming the interpreter, the package and
             /usr/bin/python3
  ranks      the file split into two rank files (as a distributed run writes them) reads
             as the same runs: summary --format=csv of the two files, and of X.sqlite when
             only X.rank0/1.sqlite exist, equals the whole file's; plots and ladder accept
             them; files with different numbers of runs: exit 2
  errors     a missing file, a file that is not SQLite, an SQLite file without the results
             schema, a results file of schema version 1 (without the summary views), an
             unknown run id and an unknown message: exit status 2, one message on stderr
             naming the file (and the run / message / version), no Python traceback

The report runs with this interpreter (sys.executable). Exit status 0 when every check
passed, 1 at the first failure (with a message saying what differed), 2 on bad arguments.
"""

import argparse
import csv
import html.parser
import io
import math
import os
import random
import re
import sqlite3
import string
import struct
import subprocess
import sys
import urllib.parse
import zlib
from fractions import Fraction

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
QUANTILES = (
    ("p50", Fraction(50, 100)),
    ("p90", Fraction(90, 100)),
    ("p95", Fraction(95, 100)),
    ("p99", Fraction(99, 100)),
)
KPI_NAMES = (
    ("send_time", "send time"),
    ("notification_time", "notification time"),
    ("retrieval_time", "retrieval time"),
    ("end_to_end_time", "end-to-end time"),
)
PLOTS = ("latency-cdf.png", "throughput.png", "queues.png", "storage.png", "bearer.png")
OPEN_STATES = ("notifying", "deferred", "retrieving")
TERMINAL_STATES = ("retrieved", "rejected", "expired", "failed")
TOLERANCE = 1e-9


class CheckFailed(Exception):
    pass


def fail(message):
    raise CheckFailed(message)


def ok(message):
    print("ok    " + message, flush=True)


# ----------------------------------------------------------------------------- expectations


def percentile(sorted_values, q):
    """Nearest rank, computed with exact fractions: rank ceil(q*n) clamped to [1, n]."""
    n = len(sorted_values)
    if n == 0:
        return None
    rank = math.ceil(q * n)
    rank = max(1, min(n, rank))
    return sorted_values[rank - 1]


def strip_type(address):
    return address.split("/TYPE=")[0] if address else address


class Expected:
    """What the report must print, computed from the raw tables."""

    def __init__(self, path):
        uri = "file:%s?mode=ro" % urllib.parse.quote(os.path.abspath(path))
        con = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
        con.execute("BEGIN")
        self.runs = [r[0] for r in con.execute("SELECT id FROM run ORDER BY id")]
        if not self.runs:
            fail("%s: the results file has no runs, nothing to check" % path)
        self.sample_interval = dict(con.execute("SELECT id, sample_interval FROM run"))
        # run -> kpi -> values
        self.kpi = {r: {k: [] for k, _ in KPI_NAMES} for r in self.runs}
        messages = {}
        self.messages = {r: 0 for r in self.runs}
        for run, mid, submitted, confirmed, status in con.execute(
            "SELECT run, id, submitted, confirmed, status FROM message"
        ):
            messages[(run, mid)] = (submitted, confirmed)
            self.messages[run] = self.messages.get(run, 0) + 1
            if status == "Ok" and confirmed is not None and submitted is not None:
                self.kpi[run]["send_time"].append(confirmed - submitted)
        self.deliveries = {r: 0 for r in self.runs}
        self.open = {r: 0 for r in self.runs}
        self.retrieved = {r: 0 for r in self.runs}
        self.terminal = {r: 0 for r in self.runs}
        self.throughput_runs = set()
        self.push_without_queue = 0
        retrieved_by_run = {}
        for run, message, queued, push_received, started, completed, state in con.execute(
            "SELECT run, message, notification_queued, push_received, retrieval_started,"
            " retrieval_completed, final_state FROM delivery"
        ):
            self.deliveries[run] = self.deliveries.get(run, 0) + 1
            if state in OPEN_STATES:
                self.open[run] += 1
            if state in TERMINAL_STATES:
                self.terminal[run] += 1
            if state == "retrieved":
                self.retrieved[run] += 1
                if message is not None:
                    best = retrieved_by_run.get(run)
                    retrieved_by_run[run] = message if best is None else min(best, message)
            m = messages.get((run, message)) if message is not None else None
            # notification time: push received - M-Send.conf, for notified deliveries (the
            # schema counts a delivery as notified once its notification was queued)
            if push_received is not None and queued is None:
                self.push_without_queue += 1
            if queued is not None and push_received is not None and m and m[1] is not None:
                self.kpi[run]["notification_time"].append(push_received - m[1])
            if started is not None and completed is not None:
                self.kpi[run]["retrieval_time"].append(completed - started)
            if completed is not None and m and m[0] is not None:
                self.kpi[run]["end_to_end_time"].append(completed - m[0])
            if completed is not None and (self.sample_interval.get(run) or 0) > 0:
                self.throughput_runs.add(run)
        self.first_retrieved = retrieved_by_run
        for r in self.runs:
            for values in self.kpi[r].values():
                values.sort()
        self.queue_series = sorted(
            con.execute(
                "SELECT DISTINCT run, element FROM element_sample WHERE queue_max IS NOT NULL"
            )
        )
        self.storage_series = sorted(
            con.execute(
                "SELECT DISTINCT run, element FROM element_sample WHERE stored_messages IS NOT NULL"
            )
        )
        self.cell_series = sorted(con.execute("SELECT DISTINCT run, cell FROM bearer_sample"))
        self.element_samples = con.execute("SELECT count(*) FROM element_sample").fetchone()[0]
        self.message_ids = {
            (r, i): t for r, i, t in con.execute("SELECT run, id, message_id FROM message")
        }
        # The ladder of the first retrieved message of each run: its pdu rows, read here
        # with the checker's own rules (the message's transaction id, its Message-ID, or an
        # id starting "<Message-ID>/", "N<Message-ID>/" or "R<Message-ID>/"; between the
        # originator, the recipients and the four core elements; ordered by sent).
        self.pdu = {}
        self.ladder_instants = {}
        for run, message in self.first_retrieved.items():
            tid, mid, originator, submitted = con.execute(
                "SELECT transaction_id, message_id, originator, submitted FROM message"
                " WHERE run = ? AND id = ?",
                (run, message),
            ).fetchone()
            recipients = {
                "ua:" + strip_type(r)
                for (r,) in con.execute(
                    "SELECT recipient FROM delivery WHERE run = ? AND message_id = ?", (run, mid)
                )
            }
            completed = con.execute(
                "SELECT min(retrieval_completed) FROM delivery WHERE run = ? AND message_id = ?",
                (run, mid),
            ).fetchone()[0]
            self.ladder_instants[(run, message)] = (submitted, completed)
            lifelines = {"relay", "server", "ppg", "smsc", "ua:" + strip_type(originator)}
            lifelines |= recipients
            rows = []
            for sender, receiver, description, t, sent, arrived in con.execute(
                "SELECT sender, receiver, description, transaction_id, sent, arrived FROM pdu"
                " WHERE run = ? ORDER BY sent, rowid",
                (run,),
            ):
                t = t or ""
                mine = t in (tid, mid) or any(t.startswith(p + mid + "/") for p in ("", "N", "R"))
                if mine and sender in lifelines and receiver in lifelines and sender != receiver:
                    rows.append(
                        ("%.3f" % sent, "-" if arrived is None else "%.3f" % arrived, description)
                    )
            self.pdu[(run, message)] = rows
        con.close()

    def pdu_lines(self, run, message):
        return self.pdu.get((run, message), [])

    def labels(self, plot, runs):
        runs = set(runs)
        if plot == "latency-cdf.png":
            return [
                "run %d %s" % (r, human)
                for r in sorted(runs)
                for key, human in KPI_NAMES
                if self.kpi[r][key]
            ]
        if plot == "throughput.png":
            return ["run %d" % r for r in sorted(runs) if r in self.throughput_runs]
        if plot == "queues.png":
            return ["run %d %s" % s for s in self.queue_series if s[0] in runs]
        if plot == "storage.png":
            return ["run %d %s" % s for s in self.storage_series if s[0] in runs]
        if plot == "bearer.png":
            return ["run %d cell %s" % s for s in self.cell_series if s[0] in runs]
        raise KeyError(plot)


# ----------------------------------------------------------------------------- HTML


class PageParser(html.parser.HTMLParser):
    """What the checks read from the HTML page: KPI cells by (data-run, data-figure), ids,
    <svg> elements and references to anything outside the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells, self.ids, self.svgs, self.external = {}, {}, 0, []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.svgs += 1
        if "id" in a:
            self.ids[a["id"]] = self.ids.get(a["id"], 0) + 1
        for key, value in attrs:
            value = value or ""
            if key in ("src", "href", "xlink:href") and not value.startswith("#"):
                self.external.append("%s=%s" % (key, value))
            for ref in re.findall(r"url\(([^)]*)\)", value):
                if not ref.strip("'\"").startswith("#"):
                    self.external.append(ref)
        if tag == "td" and "data-figure" in a:
            self._cell = (a.get("data-run"), a["data-figure"])
            self.cells[self._cell] = ""

    def handle_data(self, data):
        if self._cell:
            self.cells[self._cell] += data

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = None


def parse_page(path):
    p = PageParser()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def text_of(value):
    """A csv value of the summary as the text format and the page show it (times: 3
    decimals; counts as they are)."""
    if value == "-":
        return "-"
    try:
        int(value)
        return value
    except ValueError:
        return "%.3f" % float(value)


# ----------------------------------------------------------------------------- PNG


def png_chunks(path):
    """Validate a PNG file; return its text chunks as a dict (tEXt, zTXt and iTXt)."""
    if not os.path.isfile(path):
        fail("%s: not written" % path)
    data = open(path, "rb").read()
    if len(data) <= len(PNG_SIGNATURE):
        fail("%s: empty or truncated (%d octets)" % (path, len(data)))
    if data[:8] != PNG_SIGNATURE:
        fail("%s: not a PNG (signature %r)" % (path, data[:8]))
    pos, kinds, text = 8, [], {}
    while pos < len(data):
        if pos + 12 > len(data):
            fail("%s: truncated chunk at offset %d" % (path, pos))
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            fail("%s: truncated %r chunk at offset %d" % (path, kind, pos))
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            fail("%s: bad CRC in the %r chunk at offset %d" % (path, kind, pos))
        kinds.append(kind)
        try:
            if kind == b"tEXt":
                key, value = body.split(b"\0", 1)
                text[key.decode("latin-1")] = value.decode("latin-1")
            elif kind == b"zTXt":
                key, rest = body.split(b"\0", 1)
                text[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
            elif kind == b"iTXt":
                key, rest = body.split(b"\0", 1)
                compressed, rest = rest[0], rest[2:]
                _language, rest = rest.split(b"\0", 1)
                _translated, rest = rest.split(b"\0", 1)
                text[key.decode("latin-1")] = (
                    zlib.decompress(rest) if compressed else rest
                ).decode("utf-8")
        except (ValueError, IndexError, zlib.error, UnicodeDecodeError) as e:
            fail("%s: malformed %r chunk (%s)" % (path, kind, e))
        pos += 12 + length
        if kind == b"IEND":
            break
    if not kinds or kinds[0] != b"IHDR":
        fail("%s: the first chunk is not IHDR" % path)
    width, height = struct.unpack(">II", data[16:24])
    if width == 0 or height == 0:
        fail("%s: empty image (%dx%d)" % (path, width, height))
    if b"IDAT" not in kinds or kinds[-1] != b"IEND":
        fail("%s: no image data or no IEND chunk" % path)
    return text, (width, height)


def series_of(path):
    text, size = png_chunks(path)
    if "Series" not in text:
        fail("%s: no 'Series' text chunk (has: %s)" % (path, ", ".join(sorted(text)) or "none"))
    try:
        count = int(text["Series"])
    except ValueError:
        fail("%s: 'Series' is %r, not a decimal number" % (path, text["Series"]))
    raw = text.get("Series-Labels")
    if raw is None:
        fail("%s: no 'Series-Labels' text chunk" % path)
    labels = raw.split(" | ") if raw else []
    if len(labels) != count:
        fail("%s: Series %d but %d labels in Series-Labels %r" % (path, count, len(labels), raw))
    return count, labels, size


# ----------------------------------------------------------------------------- running


class Checker:
    def __init__(self, report, results, out):
        self.report, self.results, self.out = report, results, out

    def run(self, args, expect=0, what=None):
        cmd = [sys.executable, self.report] + args
        shown = " ".join(cmd[1:])
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        except subprocess.TimeoutExpired:
            fail("%s: still running after 30 minutes" % shown)
        if "Traceback" in p.stderr or "Traceback" in p.stdout:
            fail("%s: Python traceback:\n%s" % (shown, p.stderr[-3000:]))
        if p.returncode != expect:
            fail(
                "%s: exit status %d, expected %d%s\nstderr: %s"
                % (
                    shown,
                    p.returncode,
                    expect,
                    " (%s)" % what if what else "",
                    p.stderr.strip()[-2000:],
                )
            )
        return p

    # ---------------------------------------------------------------- ranks

    def check_ranks(self, exp):
        """The file split into two rank files (rows dealt alternately, message and delivery
        rows by message id, radio cells all on rank 0, the run rows in both) must read as the same runs."""
        stem = os.path.join(self.out, "split")
        paths = ["%s.rank%d.sqlite" % (stem, k) for k in (0, 1)]
        src = sqlite3.connect("file:%s?mode=ro" % os.path.abspath(self.results), uri=True)
        for k, path in enumerate(paths):
            if os.path.exists(path):
                os.remove(path)
            dst = sqlite3.connect(path)
            src.backup(dst)
            tables = [
                r[0]
                for r in dst.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'run' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            for t in tables:
                if t == "message":
                    dst.execute("DELETE FROM message WHERE id % 2 != ?", (k,))
                elif t == "bearer_sample":
                    # A rank records whole cells: here every cell is rank 0's.
                    if k == 1:
                        dst.execute("DELETE FROM bearer_sample")
                elif t == "delivery":
                    dst.execute(
                        "DELETE FROM delivery WHERE coalesce(message, 0) % 2 != ?", (k,)
                    )
                else:
                    dst.execute('DELETE FROM "%s" WHERE rowid %% 2 != ?' % t, (k,))
            dst.commit()
            dst.close()
        src.close()
        whole = self.run(["summary", self.results, "--format=csv"]).stdout
        split = self.run(["summary"] + paths + ["--format=csv"]).stdout
        if whole != split:
            fail(
                "summary of two rank files differs from the whole file's:\n%s\nvs\n%s"
                % (whole[:1500], split[:1500])
            )
        found = self.run(["summary", stem + ".sqlite", "--format=csv"]).stdout
        if found != whole:
            fail("summary %s.sqlite did not find and read its rank files" % stem)
        self.run(["plots"] + paths + ["--out", os.path.join(self.out, "split-plots")])
        self.run(["ladder"] + paths)
        ok(
            "ranks: two rank files (given, and found from %s.sqlite) summarise as the whole "
            "file; plots and ladder read them" % os.path.basename(stem)
        )
        # Rank files of different runs are refused.
        dst = sqlite3.connect(paths[1])
        dst.execute("INSERT INTO run (status, started) VALUES ('complete', 'now')")
        dst.commit()
        dst.close()
        p = self.run(["summary"] + paths, expect=2, what="rank files with different runs")
        if "not the ranks of the same runs" not in p.stderr:
            fail("rank files with different runs: stderr %r" % p.stderr)
        ok("ranks: files holding different numbers of runs: exit 2, named")

    # ---------------------------------------------------------------- summary

    def check_summary(self, exp):
        p = self.run(["summary", self.results])
        if not p.stdout.strip():
            fail("summary: no output")
        for r in exp.runs:
            if not re.search(r"\brun %d\b" % r, p.stdout):
                fail("summary (text): no section for run %d" % r)
        for _, human in KPI_NAMES:
            if human not in p.stdout:
                fail("summary (text): no '%s' line" % human)
        ok("summary (text): exit 0, a section for each of %d run(s)" % len(exp.runs))

        p = self.run(["summary", self.results, "--format=csv"])
        rows = list(csv.reader(io.StringIO(p.stdout)))
        if not rows or rows[0] != ["run", "figure", "value"]:
            fail(
                "summary --format=csv: the first row is %r, expected run,figure,value" % (rows[:1],)
            )
        got = {}
        for row in rows[1:]:
            if len(row) != 3:
                fail("summary --format=csv: a row with %d fields: %r" % (len(row), row))
            try:
                got[(int(row[0]), row[1])] = row[2]
            except ValueError:
                fail("summary --format=csv: run %r is not an integer" % row[0])
        checked = 0
        for r in exp.runs:
            for key, _ in KPI_NAMES:
                values = exp.kpi[r][key]
                n = len(values)
                self.expect_int(got, r, key + ".count", n)
                if n:
                    mean = math.fsum(values) / n
                    self.expect_float(got, r, key + ".mean", mean, TOLERANCE * max(1.0, abs(mean)))
                else:
                    self.expect_dash(got, r, key + ".mean")
                for name, q in QUANTILES:
                    value = percentile(values, q)
                    if value is None:
                        self.expect_dash(got, r, "%s.%s" % (key, name))
                    else:
                        self.expect_float(got, r, "%s.%s" % (key, name), value, TOLERANCE)
                    checked += 1
            self.expect_int(got, r, "messages", exp.messages.get(r, 0))
            self.expect_int(got, r, "deliveries", exp.deliveries.get(r, 0))
            self.expect_int(got, r, "deliveries_open", exp.open.get(r, 0))
            if exp.terminal[r]:
                self.expect_float(
                    got, r, "delivery_ratio", exp.retrieved[r] / exp.terminal[r], 1e-12
                )
            else:
                self.expect_dash(got, r, "delivery_ratio")
        ok(
            "summary --format=csv: %d percentiles (%d runs x 4 KPIs x p50/p90/p95/p99), counts, means, "
            "messages, deliveries and delivery ratio equal the values from the raw tables"
            % (checked, len(exp.runs))
        )
        if exp.push_without_queue:
            print(
                "note  %d delivery rows have push_received but no notification_queued: the "
                "notification KPI (view kpi_notification) leaves them out" % exp.push_without_queue
            )
        self.summary_csv = got

        runs = [str(r) for r in exp.runs[:3]]
        p = self.run(["summary", self.results, "--compare", "--run"] + runs)
        header = p.stdout.splitlines()[1] if len(p.stdout.splitlines()) > 1 else ""
        for r in runs:
            if "run %s" % r not in header:
                fail("summary --compare: no column for run %s in %r" % (r, header))
        p = self.run(["summary", self.results, "--compare", "--format=csv", "--run"] + runs)
        rows = list(csv.reader(io.StringIO(p.stdout)))
        if not rows or rows[0] != ["figure"] + runs:
            fail(
                "summary --compare --format=csv: header %r, expected %r"
                % (rows[:1], ["figure"] + runs)
            )
        for row in rows[1:]:
            for r, value in zip(runs, row[1:]):
                key = (int(r), row[0])
                if key in got and got[key] != value:
                    fail(
                        "summary --compare --format=csv: run %s %s is %r, the per-run csv says %r"
                        % (r, row[0], value, got[key])
                    )
        ok(
            "summary --compare (text and csv) for runs %s: one column per run, same values"
            % ", ".join(runs)
        )

    def expect_int(self, got, run, figure, value):
        text = got.get((run, figure))
        if text is None:
            fail("summary --format=csv: no figure %s for run %d" % (figure, run))
        if text != str(value):
            fail(
                "summary --format=csv: run %d %s is %r, the raw tables give %d"
                % (run, figure, text, value)
            )

    def expect_dash(self, got, run, figure):
        text = got.get((run, figure))
        if text != "-":
            fail(
                "summary --format=csv: run %d %s is %r, expected '-' (no values)"
                % (run, figure, text)
            )

    def expect_float(self, got, run, figure, value, tolerance):
        text = got.get((run, figure))
        if text is None:
            fail("summary --format=csv: no figure %s for run %d" % (figure, run))
        try:
            number = float(text)
        except ValueError:
            fail("summary --format=csv: run %d %s is %r, expected %r" % (run, figure, text, value))
        if not abs(number - value) <= tolerance:
            fail(
                "summary --format=csv: run %d %s is %r, the raw tables give %r (difference %.3g)"
                % (run, figure, text, value, number - value)
            )

    # ---------------------------------------------------------------- plots

    def check_plots(self, exp):
        folder = os.path.join(self.out, "plots")
        for name in PLOTS:
            path = os.path.join(folder, name)
            if os.path.exists(path):
                os.remove(path)
        p = self.run(["plots", self.results, "--out", folder])
        for name in PLOTS:
            path = os.path.join(folder, name)
            count, labels, size = series_of(path)
            expected = exp.labels(name, exp.runs)
            if count != len(expected):
                fail(
                    "%s: Series %d, the results file implies %d (%s)"
                    % (path, count, len(expected), " | ".join(expected) or "none")
                )
            if sorted(labels) != sorted(expected):
                fail("%s: series labels %r, expected %r" % (path, labels, expected))
            if "%s (%d series)" % (name, count) not in p.stdout:
                fail(
                    "plots: no line 'wrote ...%s (%d series)' in its output:\n%s"
                    % (name, count, p.stdout)
                )
            ok(
                "plots: %s is a %dx%d PNG with Series %d as expected"
                % (name, size[0], size[1], count)
            )
        # one run only: the series of that run only
        last = exp.runs[-1]
        folder1 = os.path.join(self.out, "plots-run-%d" % last)
        self.run(["plots", self.results, "--out", folder1, "--run", str(last)])
        for name in PLOTS:
            count, labels, _ = series_of(os.path.join(folder1, name))
            expected = exp.labels(name, [last])
            if sorted(labels) != sorted(expected):
                fail(
                    "plots --run %d: %s has series %r, expected %r" % (last, name, labels, expected)
                )
        ok("plots --run %d: every PNG has only that run's series" % last)

    # ---------------------------------------------------------------- ladder

    def ladder_target(self, exp):
        last = exp.runs[-1]
        if last in exp.first_retrieved:
            which = "the default (last run, first retrieved message)"
            return [], which, last, exp.first_retrieved[last]
        if exp.first_retrieved:
            run = max(exp.first_retrieved)
            message = exp.first_retrieved[run]
            return ["--run", str(run), "--message", str(message)], "run %d message %d" % (
                run,
                message,
            ), run, message
        fail(
            "the results file has no delivery with final_state 'retrieved' linked to a message:"
            " the ladder check needs one"
        )

    def check_ladder(self, exp):
        args, which, run, message = self.ladder_target(exp)
        for source in ("pdu", "records"):
            png = os.path.join(self.out, "ladder-%s.png" % source)
            if os.path.exists(png):
                os.remove(png)
            extra = [] if source == "pdu" else ["--source", "records"]
            p = self.run(["ladder", self.results] + args + extra)
            if source == "pdu":
                self.check_pdu_ladder(p.stdout, exp, run, message, which)
            else:
                self.check_ladder_text(p.stdout, which + ", records")
            if args == [] and not re.search(
                r"\bmessage %d\b.*\brun %d\b" % (message, run), p.stdout.splitlines()[0]
            ):
                fail(
                    "ladder: the default should be message %d of run %d, the header says %r"
                    % (message, run, p.stdout.splitlines()[0])
                )
            p = self.run(["ladder", self.results, "--png", png] + args + extra)
            if source == "pdu":
                arrows = self.check_pdu_ladder(p.stdout, exp, run, message, which + ", --png")
            else:
                arrows = self.check_ladder_text(p.stdout, which + ", records, with --png")
            count, labels, size = series_of(png)
            if count != arrows:
                fail("%s: Series %d, but the text ladder has %d arrows" % (png, count, arrows))
            want = ("m-send-req", "m-retrieve-conf") if source == "pdu" else (
                "M-Send.req", "M-Retrieve.conf")
            for word in want:
                if not any(label.startswith(word) for label in labels):
                    fail("%s: the arrows %r lack %s" % (png, labels, word))
            ok(
                "ladder --source %s --png: %dx%d PNG with %d arrows, as many as in the text"
                % (source, size[0], size[1], count)
            )
        text_id = exp.message_ids.get((run, message))
        if text_id:
            p = self.run(["ladder", self.results, "--run", str(run), "--message", text_id])
            self.check_pdu_ladder(p.stdout, exp, run, message, "--message %s" % text_id)
            if not re.search(r"\bmessage %d\b" % message, p.stdout.splitlines()[0]):
                fail(
                    "ladder --message %s: the header %r does not name message %d"
                    % (text_id, p.stdout.splitlines()[0], message)
                )
            ok(
                "ladder --run %d --message %s (the Message-ID text) selects message %d"
                % (run, text_id, message)
            )

    def check_pdu_ladder(self, text, exp, run, message, which):
        """The pdu ladder of a message against the checker's own reading of the pdu table."""
        if "Each arrow is one message, from the element that sent it" not in text:
            fail("ladder (%s): no legend saying what the instants are:\n%s" % (which, text))
        lines = []
        for line in text.splitlines():
            m = re.match(r"^\s*(\d+\.\d{3}) +(\d+\.\d{3}|-)  ( *\|.*\|) +(\S.*)$", line)
            if m:
                lines.append((m.group(1), m.group(2), m.group(4)))
        want = exp.pdu_lines(run, message)
        if [l[:2] for l in lines] != [w[:2] for w in want]:
            fail(
                "ladder (%s): the (sent, arrived) instants of its %d lines are not the %d pdu "
                "rows of message %d in order:\n%s\nexpected %s"
                % (which, len(lines), len(want), message, text, want)
            )
        for (_, _, label), (_, _, description) in zip(lines, want):
            if not label.startswith(description):
                fail("ladder (%s): line %r should describe %r" % (which, label, description))
        sends = [l for l in lines if l[2].startswith("m-send-req tid=")]
        retrievals = [l for l in lines if l[2].startswith("m-retrieve-conf")]
        submitted, completed = exp.ladder_instants[(run, message)]
        # issued at the submission: "issued <submitted>", or sent then if it did not wait
        at = "%.3f" % submitted
        if not sends or ("issued " + at not in sends[0][2] and sends[0][0] != at):
            fail("ladder (%s): no m-send-req issued at the submission %s:\n%s" % (which, at, text))
        if not retrievals or retrievals[0][1] != "%.3f" % completed:
            fail(
                "ladder (%s): no m-retrieve-conf that arrived at retrieval_completed %.3f:\n%s"
                % (which, completed, text)
            )
        ok(
            "ladder (%s): %d lines, the message's pdu rows with their sent and arrived instants; "
            "m-send-req issued at %.3f, m-retrieve-conf arrived at %.3f"
            % (which, len(lines), submitted, completed)
        )
        return len(lines)

    def check_ladder_text(self, text, which):
        if "Each row is one instant the records of the message hold" not in text:
            fail("ladder (%s): no legend saying what the instants are:\n%s" % (which, text))
        events = []
        for line in text.splitlines():
            m = re.match(r"^\s*(\d+\.\d{3})\s{2}", line)
            if m:
                events.append((float(m.group(1)), line))
        if not events:
            fail(
                "ladder (%s): no event lines (a time with 3 decimals, then the lifelines):\n%s"
                % (which, text)
            )
        times = [t for t, _ in events]
        for i in range(1, len(times)):
            if times[i] < times[i - 1]:
                fail(
                    "ladder (%s): events out of time order:\n%s\n%s"
                    % (which, events[i - 1][1], events[i][1])
                )
        send = [i for i, (_, s) in enumerate(events) if "M-Send.req" in s and "[issued]" in s]
        retrieve = [
            i for i, (_, s) in enumerate(events) if "M-Retrieve.conf" in s and "[arrived]" in s
        ]
        if not send:
            fail("ladder (%s): no M-Send.req [issued] line:\n%s" % (which, text))
        if not retrieve:
            fail("ladder (%s): no M-Retrieve.conf [arrived] line:\n%s" % (which, text))
        if not (send[0] < retrieve[0] and times[send[0]] <= times[retrieve[0]]):
            fail("ladder (%s): M-Retrieve.conf comes before M-Send.req:\n%s" % (which, text))
        arrows = sum(1 for _, line in events if re.search(r"\|-+>\||\|<-+\|", line))
        ok(
            "ladder (%s): %d events in time order, M-Send.req at %.3f s before M-Retrieve.conf at %.3f s"
            % (which, len(events), times[send[0]], times[retrieve[0]])
        )
        return arrows

    # ---------------------------------------------------------------- html

    def check_html(self, exp):
        last = exp.runs[-1]
        page = os.path.join(self.out, "page.html")
        if os.path.exists(page):
            os.remove(page)
        runs = [last] + ([exp.runs[0]] if len(exp.runs) > 1 else [])
        args = ["html", self.results, "-o", page, "--run", str(last)]
        if len(runs) > 1:
            args += ["--compare", str(runs[1])]
        self.run(args)
        parsed = parse_page(page)
        p = self.run(["summary", self.results, "--format=csv"] + ["--run"] + [str(r) for r in runs])
        values = {}
        for row in csv.DictReader(io.StringIO(p.stdout)):
            values[(int(row["run"]), row["figure"])] = row["value"]
        checked = 0
        for run in runs:
            for key, _ in KPI_NAMES:
                for suffix in ("count", "mean", "p50", "p90", "p95", "p99"):
                    figure = "%s.%s" % (key, suffix)
                    got = parsed.cells.get((str(run), figure))
                    if got is None:
                        fail("%s: no KPI cell for run %d %s" % (page, run, figure))
                    if got != text_of(values.get((run, figure), "-")):
                        fail(
                            "%s: run %d %s shows %r, the summary gives %r"
                            % (page, run, figure, got, values.get((run, figure)))
                        )
                    checked += 1
            for figure in ("messages", "deliveries", "delivery_ratio"):
                if (str(run), figure) not in parsed.cells:
                    fail("%s: no %s cell for run %d" % (page, figure, run))
        if parsed.svgs < 1 + 2 * len(runs):
            fail(
                "%s: %d <svg> elements, expected the CDFs and each run's series and ladder"
                % (page, parsed.svgs)
            )
        duplicates = sorted(i for i, n in parsed.ids.items() if n > 1)
        if duplicates:
            fail("%s: ids used more than once: %s" % (page, duplicates[:5]))
        if parsed.external:
            fail("%s: refers to something outside the page: %s" % (page, parsed.external[:5]))
        arrows = sum(1 for i in parsed.ids if re.fullmatch(r"ladder-%d-pdu-\d+" % last, i))
        lines = None
        if exp.first_retrieved.get(last):
            lines = len(exp.pdu_lines(last, exp.first_retrieved[last]))
        if lines is not None and arrows != lines:
            fail(
                "%s: %d ladder arrows for run %d, the pdu ladder has %d lines"
                % (page, arrows, last, lines)
            )
        ok(
            "html: %s (runs %s): %d KPI cells as the summary gives them, %d <svg>, %d ladder "
            "arrows, unique ids, nothing outside the page"
            % (os.path.basename(page), ", ".join(map(str, runs)), checked, parsed.svgs, arrows)
        )
        for args, what, names in (
            (
                ["html", self.results, "-o", page, "--run", str(max(exp.runs) + 1000)],
                "an unknown run",
                [str(max(exp.runs) + 1000)],
            ),
            (["html", self.results, "-o", os.path.join(self.out, "no-such-folder", "p.html")],
             "a missing folder", ["no-such-folder"]),
        ):
            p = self.run(args, expect=2, what=what)
            for name in names:
                if name not in p.stderr:
                    fail(
                        "%s (%s): stderr does not name %r: %s"
                        % (" ".join(args), what, name, p.stderr)
                    )
            ok("html with %s -> exit 2: %s" % (what, p.stderr.strip()))

    # ---------------------------------------------------------------- interpreter

    def check_interpreter(self, exp):
        """A python3 without matplotlib first on PATH (a virtual environment here; pyenv or
        conda elsewhere): the report runs itself again with /usr/bin/python3."""
        if not os.path.exists("/usr/bin/python3"):
            ok("python: no /usr/bin/python3 here, nothing to check")
            return
        venv = os.path.join(self.out, "venv-without-matplotlib")
        python = os.path.join(venv, "bin", "python3")
        if not os.path.exists(python):
            r = subprocess.run(["/usr/bin/python3", "-m", "venv", "--without-pip", venv],
                               capture_output=True, text=True)
            if r.returncode != 0:
                fail("python: cannot make a virtual environment: %s" % r.stderr.strip())
        r = subprocess.run([python, "-c", "import matplotlib"], capture_output=True)
        if r.returncode == 0:
            fail("python: %s imports matplotlib; the check needs one that does not" % python)
        png = os.path.join(self.out, "ladder-venv.png")
        if os.path.exists(png):
            os.remove(png)
        env = dict(os.environ)
        env.pop("MMS_PYTHON", None)
        env.pop("MMS_PYTHON_REEXEC", None)
        env["PATH"] = os.path.dirname(python) + os.pathsep + env.get("PATH", "")
        args = self.ladder_target(exp)[0]
        r = subprocess.run([python, self.report, "ladder", self.results, "--png", png] + args,
                           capture_output=True, text=True, env=env)
        if r.returncode != 0 or not os.path.exists(png):
            fail("python: %s mms-report.py ladder --png: exit %d, no PNG: %s"
                 % (python, r.returncode, r.stderr.strip()[-1500:]))
        if r.stdout.count("Ladder of message") != 1:
            fail("python: the ladder was printed %d times" % r.stdout.count("Ladder of message"))
        series_of(png)
        ok("python: run by %s (no matplotlib), the report ran again with /usr/bin/python3 and "
           "drew %s" % (python, os.path.basename(png)))
        env["MMS_PYTHON_REEXEC"] = python
        r = subprocess.run([python, self.report, "plots", self.results, "--out", self.out],
                           capture_output=True, text=True, env=env)
        err = r.stderr.strip()
        if r.returncode != 2 or "Traceback" in err or len(err.splitlines()) != 1:
            fail("python: told not to run again, plots should exit 2 with one line: exit %d: %s"
                 % (r.returncode, err))
        for name in (python, "matplotlib", "python3-matplotlib", "/usr/bin/python3"):
            if name not in err:
                fail("python: the message does not name %r: %s" % (name, err))
        ok("python: told not to run again, exit 2: %s" % err)

    # ---------------------------------------------------------------- errors

    def check_errors(self, exp):
        folder = os.path.join(self.out, "errors")
        os.makedirs(folder, exist_ok=True)
        missing = os.path.join(folder, "no-such-results.sqlite")
        if os.path.exists(missing):
            os.remove(missing)
        garbage = os.path.join(folder, "not-sqlite.txt")
        rnd = random.Random(12345)
        with open(garbage, "w") as f:
            for _ in range(64):
                f.write("".join(rnd.choice(string.ascii_letters + " ") for _ in range(63)) + "\n")
        foreign = os.path.join(folder, "other-program.sqlite")
        if os.path.exists(foreign):
            os.remove(foreign)
        con = sqlite3.connect(foreign)
        con.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
        con.commit()
        con.close()
        # A results file of schema version 1: a copy of the results without the summary views.
        old = os.path.join(folder, "version-1.sqlite")
        if os.path.exists(old):
            os.remove(old)
        src = sqlite3.connect("file:%s?mode=ro" % urllib.parse.quote(self.results), uri=True)
        con = sqlite3.connect(old)
        src.backup(con)
        src.close()
        for view in ("kpi_summary", "run_summary", "element_peak", "cell_utilisation"):
            con.execute("DROP VIEW IF EXISTS %s" % view)
        con.execute("PRAGMA user_version = 1")
        con.commit()
        con.close()
        unknown_run = str(max(exp.runs) + 1000)
        plots = os.path.join(folder, "plots")
        cases = [
            ("a missing file", missing, ["summary", missing], [missing]),
            ("a missing file", missing, ["plots", missing, "--out", plots], [missing]),
            ("a missing file", missing, ["ladder", missing], [missing]),
            ("a file that is not SQLite", garbage, ["summary", garbage], [garbage]),
            ("a file that is not SQLite", garbage, ["ladder", garbage], [garbage]),
            ("an SQLite file without the results schema", foreign, ["summary", foreign], [foreign]),
            ("a results file of schema version 1", old, ["summary", old], [old, "version 1"]),
            (
                "an unknown run",
                self.results,
                ["summary", self.results, "--run", unknown_run],
                [self.results, unknown_run],
            ),
            (
                "an unknown run",
                self.results,
                ["plots", self.results, "--out", plots, "--run", unknown_run],
                [self.results, unknown_run],
            ),
            (
                "an unknown run",
                self.results,
                ["ladder", self.results, "--run", unknown_run],
                [self.results, unknown_run],
            ),
            (
                "an unknown message",
                self.results,
                ["ladder", self.results, "--message", "no-such-message-42"],
                [self.results, "no-such-message-42"],
            ),
        ]
        for what, _, args, names in cases:
            p = self.run(args, expect=2, what=what)
            err = p.stderr.strip()
            if not err:
                fail("%s (%s): nothing on stderr" % (" ".join(args), what))
            if len(err.splitlines()) != 1:
                fail("%s (%s): expected one line on stderr, got:\n%s" % (" ".join(args), what, err))
            for name in names:
                if name not in err:
                    fail("%s (%s): stderr does not name %r: %s" % (" ".join(args), what, name, err))
            ok("%s %s -> exit 2: %s" % (args[0], what, err))


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--report", required=True, help="path of utils/mms-report.py")
    ap.add_argument("--results", required=True, help="a results file written by the simulator")
    ap.add_argument("--out", required=True, help="folder for the report's outputs")
    a = ap.parse_args()
    for path, what in ((a.report, "--report"), (a.results, "--results")):
        if not os.path.isfile(path):
            print("check-report: %s '%s': no such file" % (what, path), file=sys.stderr)
            return 2
    try:
        os.makedirs(a.out, exist_ok=True)
    except OSError as e:
        print("check-report: --out '%s': %s" % (a.out, e), file=sys.stderr)
        return 2
    print(
        "check-report: %s against %s (outputs in %s), Python %s"
        % (a.report, a.results, a.out, sys.version.split()[0]),
        flush=True,
    )
    checker = Checker(a.report, a.results, a.out)
    try:
        exp = Expected(a.results)
        print(
            "      %d run(s), %d messages, %d deliveries, %d element samples, %d radio cell series"
            % (
                len(exp.runs),
                sum(exp.messages.values()),
                sum(exp.deliveries.values()),
                exp.element_samples,
                len(exp.cell_series),
            ),
            flush=True,
        )
        checker.check_summary(exp)
        checker.check_plots(exp)
        checker.check_ladder(exp)
        checker.check_html(exp)
        checker.check_interpreter(exp)
        checker.check_errors(exp)
        checker.check_ranks(exp)
    except CheckFailed as e:
        print("FAIL  %s" % e, flush=True)
        print("check-report: FAILED: %s" % str(e).splitlines()[0], file=sys.stderr)
        return 1
    except sqlite3.Error as e:
        print("check-report: FAILED: cannot read %s: %s" % (a.results, e), file=sys.stderr)
        return 1
    print("check-report: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
