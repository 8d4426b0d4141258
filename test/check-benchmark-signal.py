#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""A signal stops a run of mms-operator-benchmark: no drain after it, no figures.

The benchmark runs its traffic and then a drain as two simulations; a SIGINT or SIGTERM during
the traffic stops the first through the recorder, and the drain must not start after it (it
once did, so that an interrupted child went on simulating). Runs one child
(--one=100000, a whole busy hour, results recorded into a folder of the test's own), sends
each signal once the run has simulated a few hundred seconds (the recorder's progress lines
say so), and checks:

* the child exits with status 1 (not a signal, not 0) within the time limit;
* it printed the recorder's line naming the signal and a stopping time within the traffic;
* it printed no result line (no figures for a run that did not finish);
* it went no further: no progress line after the stop names a later simulated time than the
  traffic's end;
* its temporary results folder is gone.

Then, given the main job, runs mms-busy-hour (its default scenario, results recorded) and
sends SIGINT after a few hundred simulated seconds: it must exit with status 1 (its summary
covers only part of the run, and a script must not take it for a whole one), say so on
standard error, and leave its run marked aborted.

  check-benchmark-signal.py BENCHMARK WORKDIR [MMS-BUSY-HOUR]
"""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading

DURATION = 3600  # seconds of traffic asked for
DRAIN = 600
STOP_AFTER = 300.0  # simulated seconds the run must have reached before the signal
LIMIT = 300  # seconds of wall-clock time per run


def run_once(benchmark, workdir, sig, busy_hour=False):
    """Run one child (or mms-busy-hour), signal it; return (status or None on timeout, stdout
    lines, stderr text, its results folder, whether the signal was sent)."""
    folder = tempfile.mkdtemp(prefix="signal-", dir=workdir)
    if busy_hour:
        args = [benchmark, "--results=" + os.path.join(folder, "b.sqlite"),
                "--ns3::MmsSqliteRecorder::ProgressInterval=100ms"]  # fmt: skip
    else:
        args = [benchmark, "--one=100000", "--duration=%d" % DURATION, "--drain=%d" % DRAIN,
                "--dir=" + folder, "--ns3::MmsSqliteRecorder::ProgressInterval=100ms"]  # fmt: skip
    with tempfile.TemporaryFile(mode="w+", dir=workdir) as out:
        p = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE, text=True)
        timer = threading.Timer(LIMIT, p.kill)  # a run that never ends fails, not hangs
        timer.start()
        err = []
        sent = False
        for line in p.stderr:  # the only reader of the pipe
            err.append(line)
            m = re.match(r"\[mms\] ([0-9.]+) s simulated", line)
            if m and not sent and float(m.group(1)) >= STOP_AFTER:
                p.send_signal(sig)
                sent = True
        status = p.wait()
        timed_out = not timer.is_alive()
        timer.cancel()
        out.seek(0)
        lines = out.read().splitlines()
    return (None if timed_out else status), lines, "".join(err), folder, sent


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        return 2
    benchmark, workdir = sys.argv[1], sys.argv[2]
    os.makedirs(workdir, exist_ok=True)
    failures = 0

    def check(ok, what):
        nonlocal failures
        print("%s: %s" % ("ok  " if ok else "FAIL", what))
        failures += 0 if ok else 1

    for sig in (signal.SIGINT, signal.SIGTERM):
        name = signal.Signals(sig).name
        status, out, err, folder, sent = run_once(benchmark, workdir, sig)
        check(sent, "%s: sent once the run passed %.0f s simulated" % (name, STOP_AFTER))
        check(status == 1, "%s: exit status 1 (got %s)" % (name, status))
        m = re.search(r"MmsSqliteRecorder: signal (\d+): stopping at ([0-9.]+) s", err)
        check(m is not None and int(m.group(1)) == int(sig),
              "%s: the recorder names the signal" % name)  # fmt: skip
        stop = float(m.group(2)) if m else -1.0
        check(STOP_AFTER <= stop < DURATION,
              "%s: stopped within the traffic (%.1f s)" % (name, stop))  # fmt: skip
        later = [float(t) for t in re.findall(r"\[mms\] ([0-9.]+) s simulated", err)]
        check(bool(later) and max(later) <= max(stop, 0) + 1.0,
              "%s: no simulated time after the stop (last progress %.1f s)"
              % (name, max(later) if later else -1))  # fmt: skip
        check(not any(l.startswith("mms-operator-benchmark-result") for l in out),
              "%s: no result line" % name)  # fmt: skip
        check(not os.listdir(folder), "%s: the temporary results folder is gone" % name)
        if failures:
            print(err[-2000:])
        shutil.rmtree(folder, ignore_errors=True)
    if len(sys.argv) == 4:
        status, out, err, folder, sent = run_once(sys.argv[3], workdir, signal.SIGINT, True)
        check(sent, "mms-busy-hour: SIGINT sent once the run passed %.0f s simulated"
              % STOP_AFTER)  # fmt: skip
        check(status == 1, "mms-busy-hour: exit status 1 (got %s)" % status)
        check("mms-busy-hour: stopped by a signal; the run is marked aborted" in err,
              "mms-busy-hour: says so on standard error")  # fmt: skip
        try:
            db = sqlite3.connect("file:%s?mode=ro" % os.path.join(folder, "b.sqlite"), uri=True)
            runs = db.execute("SELECT status, note FROM run").fetchall()
        except sqlite3.Error as e:
            runs = str(e)
        check(runs == [("aborted", "stopped by signal 2")],
              "mms-busy-hour: its run is marked aborted (%s)" % (runs,))  # fmt: skip
        if failures:
            print(err[-2000:])
        shutil.rmtree(folder, ignore_errors=True)
    print("%d check(s) failed" % failures if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
