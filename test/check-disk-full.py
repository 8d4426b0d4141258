#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""A full disk while recording: mms-busy-hour writing its results onto a 4 MiB tmpfs.

Mounts a size-limited tmpfs of its own, runs the mid-size operator there at ten times the
default message rate with every HTTP exchange recorded and a sample every 200 ms, so that the
results file and its -wal companion fill the file system within seconds, and checks:

* the program stops with exit status 2 (not a signal, not 0) and one line on standard error
  naming the file and saying that the disk is full, and prints no summary;
* the results file passes PRAGMA integrity_check where it lies, on the full file system;
* its run is marked aborted with the reason as its note (or, if even that could not be
  written, is left 'running' and the line says so);
* it holds exactly the rows the line says were committed, none of them later than the commit
  it names, and nothing written at the close (every delivery terminal, no pending SMS, every
  message answered);
* every row it holds is the row the same run writes on a disk with room (a reference run
  with the same arguments): each table's rows are the first rows of that table in the
  reference, column for column; a delivery's columns that later events update are those of
  the reference for the updates before the last commit and not set (or earlier) for the ones
  after; and the reference holds more rows (the disk did fill before the end).

Mounting needs root: without it, or when the mount fails, the test prints why and exits with
77 (CTest's SKIP_RETURN_CODE). The mount and its folder are removed on every way out
(the runs have their own time limits, below CTest's).

  check-disk-full.py BUSY_HOUR SCENARIO WORKDIR
"""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
TMPFS_MIB = 4
RUN_TIMEOUT = 240  # seconds of wall-clock time per run (CTest's limit is above both runs)
ARGS = [
    "--duration=120",
    "--drain=0",
    "--plan=0",
    "--ns3::MmsTrafficModel::MessagesPerHour=0.1",
    "--ns3::MmsSqliteRecorder::RecordTransactions=1",
    "--ns3::MmsSqliteRecorder::SampleInterval=200ms",
    "--ns3::MmsSqliteRecorder::FlushRows=1000",
    "--ns3::MmsSqliteRecorder::ProgressInterval=0s",
]
ROW_TABLES = ["message", "delivery", "sms", '"transaction"', "element_sample", "bearer_sample"]
TIME_COLUMNS = {
    "message": ["submitted", "confirmed"],
    "delivery": [
        "notification_queued", "sms_first_delivered", "sms_last_delivered", "push_sent",
        "push_received", "notify_resp_sent", "retrieval_started", "retrieval_completed",
        "acknowledged", "ended", "delivery_report_sent", "delivery_report_received",
        "read_report_sent", "read_report_received",
    ],
    "sms": ["accepted", "first_sent", "delivered"],
    '"transaction"': ["start", "finish"],
    "element_sample": ["time"],
    "bearer_sample": ["time"],
}  # fmt: skip
# Delivery columns fixed when the row is written; the others (times of later events, counts)
# may be updated afterwards (doc/mms.rst, "Limits of the recording").
DELIVERY_FIXED = ["message", "message_id", "recipient", "size", "final_state", "ended"]
TERMINAL = ("retrieved", "rejected", "expired", "failed")
EPS = 1e-3  # the commit time is printed with 6 significant digits


class Stopped(Exception):
    pass


def on_signal(number, frame):
    raise Stopped("signal %d" % number)


def columns(con, table):
    return [r[1] for r in con.execute("PRAGMA table_info(%s)" % table)]


def rows(con, table, run):
    cols = [c for c in columns(con, table) if c != "run"]
    sql = "SELECT %s FROM %s WHERE run = ? ORDER BY rowid" % (", ".join(cols), table)
    return cols, con.execute(sql, (run,)).fetchall()


def one_run(con):
    return con.execute("SELECT id, status, note, ended, simulated_seconds FROM run").fetchall()


class Checks:
    def __init__(self):
        self.failures = 0

    def check(self, ok, what):
        print(("ok:   " if ok else "FAIL: ") + what)
        if not ok:
            self.failures += 1
        return ok


def run_program(busy_hour, scenario, results, cwd):
    return subprocess.run(
        [busy_hour, "--scenario=" + scenario, "--results=" + results] + ARGS,
        cwd=cwd, capture_output=True, text=True, timeout=RUN_TIMEOUT)  # fmt: skip


def check_runs(c, busy_hour, scenario, mnt, work):
    full = os.path.join(mnt, "full.sqlite")
    reference = os.path.join(work, "reference.sqlite")

    p = run_program(busy_hour, scenario, full, mnt)
    print("$ mms-busy-hour --results=%s %s" % (full, " ".join(ARGS)))
    print(p.stdout.strip())
    print(p.stderr.strip())
    print("files on the %d MiB file system: %s" % (TMPFS_MIB, ", ".join(
        "%s %d octets" % (f, os.path.getsize(os.path.join(mnt, f))) for f in sorted(os.listdir(mnt)))))  # fmt: skip

    # The process: exit status 2, one line naming the file and the full disk, no summary.
    c.check(p.returncode == 2, "exit status 2 (got %d%s)" % (
        p.returncode, ", a signal: abort or crash" if p.returncode < 0 else ""))  # fmt: skip
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    c.check(len(lines) == 1, "one line on standard error (got %d)" % len(lines))
    line = lines[-1] if lines else ""
    c.check("results file '%s'" % full in line, "the line names the results file")
    c.check("the disk is full" in line, "the line says that the disk is full")
    c.check("MMS results:" not in p.stdout, "no summary of a run cut short")
    m = re.search(r"keeps the (\d+) rows committed up to ([-+.e0-9]+) s simulated", line)
    if not c.check(m is not None, "the line says how many rows were committed, and when"):
        return
    committed, committed_at = int(m.group(1)), float(m.group(2))
    c.check(committed > 0, "rows were committed before the disk filled (%d)" % committed)

    # The file, where it lies (read-only: nothing is added to the full file system).
    con = sqlite3.connect("file:%s?mode=ro" % full, uri=True)
    c.check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "PRAGMA integrity_check")
    runs = one_run(con)
    if not c.check(len(runs) == 1, "one run in the file"):
        return
    run, status, note, ended, simulated = runs[0]
    if status == "aborted":
        c.check((note or "").startswith("write error: the disk is full"),
                "the run is marked aborted with the reason: %s" % note)  # fmt: skip
        c.check(ended is not None, "and its end time")
        c.check("is marked aborted" in line, "the line says the run is marked aborted")
    else:
        c.check(status == "running" and "could not be marked aborted" in line
                and "left 'running'" in line,
                "the run could not be marked and the line says so (status %s)" % status)  # fmt: skip

    counts = {t: con.execute("SELECT count(*) FROM %s WHERE run = ?" % t, (run,)).fetchone()[0]
              for t in ROW_TABLES}  # fmt: skip
    print("rows in the file: %s" % ", ".join("%s %d" % (t.strip('"'), n) for t, n in counts.items()))
    c.check(sum(counts.values()) == committed,
            "the file holds exactly the %d rows committed (%d)" % (committed, sum(counts.values())))  # fmt: skip
    c.check(counts["delivery"] >= 50 and counts["message"] >= 50,
            "the committed rows include messages and deliveries (a check with something to check)")  # fmt: skip
    late = []
    for t, cols in TIME_COLUMNS.items():
        for col in cols:
            v = con.execute("SELECT max(%s) FROM %s WHERE run = ?" % (col, t), (run,)).fetchone()[0]
            if v is not None and v > committed_at + EPS:
                late.append("%s.%s %.3f" % (t.strip('"'), col, v))
    c.check(not late, "no time after the last commit at %.4f s (%s)" % (
        committed_at, ", ".join(late) or "none"))  # fmt: skip
    q = lambda sql: con.execute(sql, (run,)).fetchone()[0]  # noqa: E731
    c.check(q("SELECT count(*) FROM delivery WHERE run = ? AND (final_state NOT IN (%s) OR ended "
              "IS NULL)" % ",".join("'%s'" % s for s in TERMINAL)) == 0,
            "every delivery row is terminal: none was written at the close")  # fmt: skip
    c.check(q("SELECT count(*) FROM sms WHERE run = ? AND final_state = 'pending'") == 0,
            "no SMS row written at the close (pending)")
    c.check(q("SELECT count(*) FROM message WHERE run = ? AND status IS NULL") == 0,
            "no message row written at the close (without an answer)")
    c.check(q("SELECT count(*) FROM delivery d JOIN message m ON m.run = d.run AND m.id = "
              "d.message WHERE d.run = ? AND m.message_id IS NOT d.message_id") == 0,
            "each delivery's message row, when there, has its Message-ID")  # fmt: skip
    c.check(q("SELECT count(*) FROM message m WHERE run = ? AND recipients < (SELECT count(*) "
              "FROM delivery d WHERE d.run = m.run AND d.message = m.id)") == 0,
            "no message has more delivery rows than recipients")  # fmt: skip

    # The same run on a disk with room.
    r = run_program(busy_hour, scenario, reference, work)
    if not c.check(r.returncode == 0, "the reference run succeeds (%d: %s)" % (r.returncode, r.stderr.strip()[-300:])):
        return
    ref = sqlite3.connect(reference)
    (ref_run, ref_status, _, _, ref_simulated), = one_run(ref)
    c.check(ref_status == "complete" and simulated < ref_simulated,
            "the reference is complete and goes further (%.1f s against %.1f s)" % (
                ref_simulated, simulated))  # fmt: skip
    ref_total = 0
    for t in ROW_TABLES:
        cols, mine = rows(con, t, run)
        _, theirs = rows(ref, t, ref_run)
        ref_total += len(theirs)
        if not c.check(len(mine) <= len(theirs), "%s: no more rows than the reference" % t):
            continue
        if t != "delivery":
            same = sum(1 for a, b in zip(mine, theirs) if a == b)
            c.check(same == len(mine), "%s: the %d rows are the reference's first %d (%d equal)" % (
                t, len(mine), len(mine), same))  # fmt: skip
            continue
        bad = []
        for i, (a, b) in enumerate(zip(mine, theirs)):
            for col, x, y in zip(cols, a, b):
                if col in DELIVERY_FIXED or col not in TIME_COLUMNS["delivery"]:
                    ok = x == y if col in DELIVERY_FIXED else (x is not None and x <= y)
                elif y is not None and y < committed_at - EPS:
                    ok = x == y  # updated before the last commit: kept
                else:
                    ok = x is None or x <= committed_at + EPS  # after it: not set, or earlier
                if not ok:
                    bad.append("row %d %s: %r against %r" % (i + 1, col, x, y))
        c.check(not bad, "delivery: the %d rows are the reference's first ones, with every update "
                "committed before %.4f s (%s)" % (len(mine), committed_at, "; ".join(bad[:5]) or "all"))  # fmt: skip
    c.check(ref_total > committed, "the reference holds more rows (%d): the disk filled before the end"
            % ref_total)  # fmt: skip
    ref_attrs = ref.execute("SELECT count(*) FROM run_attribute WHERE run = ?", (ref_run,)).fetchone()[0]
    c.check(q("SELECT count(*) FROM run_attribute WHERE run = ?") == ref_attrs,
            "the run's configuration rows are all there (%d)" % ref_attrs)
    con.close()
    ref.close()


def unmount(mnt):
    if subprocess.run(["umount", mnt], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", mnt], capture_output=True)


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    busy_hour, scenario, workdir = (os.path.abspath(a) for a in sys.argv[1:])
    if os.geteuid() != 0:
        print("SKIP: mounting a %d MiB tmpfs needs root (this runs as uid %d)" % (TMPFS_MIB, os.geteuid()))
        return SKIP
    os.makedirs(workdir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="disk-full-", dir=workdir)
    mnt = os.path.join(tmp, "tmpfs")
    os.mkdir(mnt)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%dm,mode=0755" % TMPFS_MIB,
                              "mms-disk-full", mnt], capture_output=True, text=True)  # fmt: skip
    if mounted.returncode != 0:
        print("SKIP: cannot mount a tmpfs on %s: %s" % (mnt, mounted.stderr.strip()))
        shutil.rmtree(tmp, ignore_errors=True)
        return SKIP
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, on_signal)
    c = Checks()
    try:
        st = os.statvfs(mnt)
        size = st.f_blocks * st.f_frsize
        if not c.check(size <= TMPFS_MIB * 1024 * 1024, "the tmpfs holds %d octets" % size):
            return 1
        check_runs(c, busy_hour, scenario, mnt, tmp)
    except (Stopped, subprocess.TimeoutExpired) as e:
        c.check(False, "stopped: %s" % e)
    finally:
        unmount(mnt)
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d check(s) failed" % c.failures if c.failures else "all checks passed")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
