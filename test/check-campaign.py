#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Campaigns (utils/mms-campaign.py) of short runs of mms-busy-hour on a GPRS cell template.

  check-campaign.py local --campaign TOOL --build BUILD --template DOT --out DIR
  check-campaign.py slurm --campaign TOOL --build BUILD --template DOT --out DIR

local
* a broken campaign file (an unknown parameter, a bad range, a missing program, a [zip] of
  unequal lists) is refused with exit status 2 and one line naming the file, the line and
  the key; plan counts the runs of a grid times a [zip] times the replications;
* a campaign of 3 points x 4 replications through GNU parallel: 12 complete runs; the merged
  file holds each run's rows, every table, with the run ids renumbered 1-12, and the run's
  parameter values; the report's means and 95% intervals of the end-to-end p95 and failure
  ratio equal those computed here from the raw message and delivery tables of the runs' own
  files (nearest-rank p95, Student t critical values from a printed table);
* resume: a campaign killed (SIGKILL to all its processes) after its first runs completed,
  run again, runs only the runs that were not complete and leaves the others untouched; after
  a change of one point's value, only that point's runs run again.

slurm
  A real Slurm on this machine (Debian's slurm-wlm and munge; root needed, else exit status
  77, CTest's skip): munged, slurmctld and slurmd started with a configuration generated in a
  temporary folder; the 3 x 4 campaign as a job array (one task per run); its merged file
  holds 12 complete runs whose rows equal those of the same campaign run locally (every table,
  every column but the run's start, end and wall-clock time). The daemons are stopped on every
  way out.
"""

import argparse
import math
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

FAILURES = []
# Two-sided 95% critical values of Student's t, t(0.975, df), df = 1 .. 10 (NIST/SEMATECH
# e-Handbook of Statistical Methods, section 1.3.6.7.2, "Critical values of the Student's t
# distribution", to the digits printed there).
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
        9: 2.262, 10: 2.228}
TIME_COLUMNS = ("started", "ended", "wall_seconds")


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)


def tool(a, *args, **kw):
    return subprocess.run([sys.executable, a.campaign] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, **kw)


def write_campaign(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def small_campaign(a, folder, points="5, 20, 40", replications=4, extra=""):
    """A campaign of short runs of mms-busy-hour on the GPRS cell template, in folder."""
    os.makedirs(folder, exist_ok=True)
    shutil.copy(a.template, os.path.join(folder, "cell.dot"))
    return write_campaign(os.path.join(folder, "small.campaign"),
                          "# a small campaign\n"
                          "program = mms-busy-hour\n"
                          "scenario = cell.dot\n"
                          "arguments = --duration=120 --drain=120 --plan=false\n"
                          "replications = %d\n"
                          "\n[grid]\nsubscribers = %s\n%s" % (replications, points, extra))


def table_rows(path, table, run, skip=()):
    """The rows of `table` for run `run` of a results file, without the run column (and the
    columns `skip`), in the order they were written."""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    cols = [d[0] for d in con.execute('SELECT * FROM "%s" LIMIT 0' % table).description]
    key = "id" if table == "run" else "run"
    keep = [i for i, c in enumerate(cols) if c != key and c not in skip]
    rows = [tuple(r[i] for i in keep) for r in con.execute(
        'SELECT * FROM "%s" WHERE "%s" = ? ORDER BY rowid' % (table, key), (run,))]
    con.close()
    return rows


def tables(path):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'campaign_%'")]
    con.close()
    return names


def merged_runs(path):
    """{(point, rng_run): merged run id} of a merged file."""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    out = {(p, r): run for run, p, r in con.execute(
        "SELECT run, point, rng_run FROM campaign_run")}
    con.close()
    return out


def raw_kpis(path):
    """End-to-end p95 (nearest rank) and failure ratio of the one run of a results file, from
    its message and delivery tables."""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    times, failed = [], []
    for submitted, completed, state in con.execute(
            "SELECT m.submitted, d.retrieval_completed, d.final_state FROM delivery d "
            "LEFT JOIN message m ON m.run = d.run AND m.id = d.message"):
        if submitted is not None and completed is not None:
            times.append(completed - submitted)
        if state == "retrieved":
            failed.append(0)
        elif state not in ("notifying", "deferred", "retrieving"):
            failed.append(1)
    con.close()
    times.sort()
    p95 = times[min(max(math.ceil(0.95 * len(times)), 1), len(times)) - 1] if times else None
    return {"end_to_end_time.p95": p95,
            "end_to_end_failure_ratio": sum(failed) / len(failed) if failed else None}


def errors(a, work):
    d = os.path.join(work, "errors")
    base = small_campaign(a, d)
    with open(base) as f:
        good = f.read()
    cases = [
        ("unknown parameter", good + "bogusFlag = 1, 2\n", 9, "bogusFlag"),
        ("unknown attribute", good + "ns3::MmsRelay::NoSuchThing = 1, 2\n", 9,
         "ns3::MmsRelay::NoSuchThing"),
        ("bad range", good.replace("subscribers = 5, 20, 40", "subscribers = 40 to 5 step 5"),
         8, "subscribers"),
        ("range of words", good.replace("subscribers = 5, 20, 40", "subscribers = 5 to x step 1"),
         8, "subscribers"),
        ("missing program", good.replace("mms-busy-hour", "mms-no-such-program"), 2, "program"),
        ("unequal zip", good + "[zip]\nduration = 60, 120\ndrain = 1, 2, 3\n", 11, "drain"),
        ("bad replications", good.replace("replications = 4", "replications = -1"), 5,
         "replications"),
    ]
    for what, text, line, key in cases:
        path = write_campaign(os.path.join(d, "broken.campaign"), text)
        r = tool(a, "plan", path, "--build", a.build)
        lines = r.stderr.strip().splitlines()
        check(r.returncode == 2 and len(lines) == 1 and "%s:%d:" % (path, line) in lines[0]
              and "'%s'" % key in lines[0] and "Traceback" not in r.stderr,
              "%s: exit status 2, one line naming line %d and key %s (status %d: %s)"
              % (what, line, key, r.returncode, r.stderr.strip()))
    path = write_campaign(os.path.join(d, "zip.campaign"),
                          good + "[zip]\nduration = 60, 90\nns3::MmsRelay::Workers = 2, 4\n")
    r = tool(a, "plan", path, "--build", a.build)
    check(r.returncode == 0 and "24 runs (6 points x 4 replications" in r.stdout
          and "--duration=90 " in r.stdout and "--ns3::MmsRelay::Workers=4 --RngRun=4" in r.stdout,
          "plan: 3 subscribers x a [zip] of 2 x 4 replications = 24 runs (%s)"
          % r.stdout.splitlines()[0] if r.stdout else r.stderr)


def local_campaign(a, folder, jobs="2"):
    """The 3 x 4 campaign run locally in folder; returns (campaign file, out folder)."""
    path = small_campaign(a, folder)
    out = os.path.join(folder, "out")
    t = time.monotonic()
    r = tool(a, "run", path, "--build", a.build, "--out", out, "--jobs", jobs)
    print("local campaign of 12 runs with %s jobs: %.1f s" % (jobs, time.monotonic() - t))
    check(r.returncode == 0 and "12 runs: 12 complete" in r.stdout,
          "local run: 12 complete runs (%s%s)" % (r.stdout.strip(), r.stderr.strip()))
    return path, out


def check_merge(a, path, out):
    r = tool(a, "merge", path, "--build", a.build, "--out", out)
    merged = os.path.join(out, "campaign.sqlite")
    check(r.returncode == 0 and os.path.exists(merged), "merge: exit 0 (%s)" % r.stderr.strip())
    runs = merged_runs(merged)
    check(sorted(runs.values()) == list(range(1, 13)) and len(runs) == 12,
          "merge: 12 runs numbered 1-12 (%s)" % sorted(runs.values()))
    con = sqlite3.connect(merged)
    params = dict(con.execute("SELECT c.run, p.value FROM campaign_parameter p JOIN campaign_run c"
                              " ON c.run = p.run WHERE p.name = 'subscribers'").fetchall())
    states = [s for (s,) in con.execute("SELECT status FROM run")]
    con.close()
    check(states == ["complete"] * 12, "merge: every run complete")
    same, deliveries = True, 0
    for (point, rng), run in runs.items():
        src = os.path.join(out, "runs", "p%03d-r%03d" % (point, rng), "results.sqlite")
        same &= params.get(run) == (5, 20, 40)[point]
        for table in tables(src):
            mine = table_rows(merged, table, run)
            same &= mine == table_rows(src, table, 1) and (table != "run" or len(mine) == 1)
            deliveries += len(mine) if table == "delivery" else 0
    check(same and deliveries > 50, "merge: every table's rows of each run are those of its "
          "own file (%d deliveries), with its parameter value" % deliveries)
    return merged


def check_report(a, path, out):
    r = tool(a, "report", path, "--build", a.build, "--out", out, "--format", "csv")
    check(r.returncode == 0, "report --format=csv (%s)" % r.stderr.strip())
    lines = [line.split(",") for line in r.stdout.strip().splitlines()]
    head = lines[0]
    got = {(int(row[head.index("point")]), row[head.index("kpi")]): row for row in lines[1:]}
    checked = 0
    for point in range(3):
        for kpi in ("end_to_end_time.p95", "end_to_end_failure_ratio"):
            values = []
            for rng in range(1, 5):
                v = raw_kpis(os.path.join(out, "runs", "p%03d-r%03d" % (point, rng),
                                          "results.sqlite"))[kpi]
                if v is not None:
                    values.append(v)
            n = len(values)
            mean = sum(values) / n
            sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
            half = T975[n - 1] * sd / math.sqrt(n)
            row = got.get((point, kpi))
            ok = row is not None and int(row[head.index("n")]) == n
            if ok:
                m = float(row[head.index("mean")])
                h = row[head.index("ci95_half_width")]
                lo = row[head.index("ci95_low")]
                ok = math.isclose(m, mean, rel_tol=1e-12, abs_tol=1e-12)
                if sd == 0:
                    ok &= float(h) == 0
                else:
                    # the table's t has 4 significant digits
                    ok &= math.isclose(float(h), half, rel_tol=2e-4)
                    ok &= math.isclose(float(lo), m - float(h), rel_tol=1e-12)
            check(ok, "report: point %d %s: n %d, mean %.6g, half width %.6g (report: %s)"
                  % (point, kpi, n, mean, half, row))
            checked += sd > 0
    check(checked >= 3, "report: at least 3 intervals of non-zero width were compared (%d)"
          % checked)
    png = os.path.join(out, "report.png")
    r = tool(a, "report", path, "--build", a.build, "--out", out, "--png", png)
    with open(png, "rb") as f:
        data = f.read()
    check(r.returncode == 0 and data[:8] == b"\x89PNG\r\n\x1a\n" and b"Series" in data,
          "report --png writes a PNG (%s)" % r.stderr.strip())


def resume(a, work):
    folder = os.path.join(work, "resume")
    path = small_campaign(a, folder, points="40, 41, 42", replications=2)
    out = os.path.join(folder, "out")
    # Longer runs (a loaded cell, 400 s of traffic) so that the kill falls during one.
    with open(path) as f:
        text = f.read().replace("--duration=120", "--duration=400")
    write_campaign(path, text)
    p = subprocess.Popen([sys.executable, a.campaign, "run", path, "--build", a.build,
                          "--out", out, "--jobs", "1"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    done = []
    while time.monotonic() < deadline and p.poll() is None:
        done = sorted(d for d in os.listdir(os.path.join(out, "runs"))
                      if os.path.exists(os.path.join(out, "runs", d, "exit-status"))) \
            if os.path.isdir(os.path.join(out, "runs")) else []
        if len(done) >= 2:
            break
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    time.sleep(0.2)
    done = sorted(d for d in os.listdir(os.path.join(out, "runs"))
                  if os.path.exists(os.path.join(out, "runs", d, "exit-status")))
    check(2 <= len(done) < 6, "resume: the campaign was killed with %d of 6 runs done (%s)"
          % (len(done), done))
    stamps = {d: os.stat(os.path.join(out, "runs", d, "results.sqlite")).st_mtime_ns
              for d in done}
    r = tool(a, "run", path, "--build", a.build, "--out", out, "--jobs", "1")
    check(r.returncode == 0 and "%d complete, %d to run" % (len(done), 6 - len(done)) in r.stdout
          and "6 runs: 6 complete" in r.stdout,
          "resume: run again completes only the %d missing runs (%s)"
          % (6 - len(done), r.stdout.strip()))
    check(all(os.stat(os.path.join(out, "runs", d, "results.sqlite")).st_mtime_ns == s
              for d, s in stamps.items()), "resume: the runs done before were not run again")
    counts = []
    for d in sorted(os.listdir(os.path.join(out, "runs"))):
        con = sqlite3.connect(os.path.join(out, "runs", d, "results.sqlite"))
        counts.append(con.execute("SELECT count(*) FROM run WHERE status = 'complete'")
                      .fetchone()[0])
        con.close()
    check(counts == [1] * 6, "resume: each run's file holds one complete run (%s)" % counts)
    r = tool(a, "status", path, "--build", a.build, "--out", out)
    check(r.returncode == 0 and "6 runs: 6 complete" in r.stdout, "status: 6 complete")
    # A changed campaign: the runs of the changed point run again, the others do not.
    write_campaign(path, text.replace("40, 41, 42", "40, 41, 43"))
    r = tool(a, "run", path, "--build", a.build, "--out", out, "--jobs", "1")
    check(r.returncode == 0 and "4 complete, 2 to run" in r.stdout and
          "6 runs: 6 complete" in r.stdout, "a changed point runs again, only it (%s)"
          % r.stdout.strip())
    with open(os.path.join(out, "runs", "p002-r001", "scenario.dot")) as f:
        check("subscribers=43," in f.read(), "the changed point's scenario has 43 subscribers")


def main_local(a, work):
    errors(a, work)
    t = time.monotonic()
    path, out = local_campaign(a, os.path.join(work, "local"))
    check_merge(a, path, out)
    check_report(a, path, out)
    print("merge and report checks: %.1f s" % (time.monotonic() - t))
    t = time.monotonic()
    resume(a, work)
    print("resume: %.1f s" % (time.monotonic() - t))
    # A failed run is listed with its exit status and its log.
    folder = os.path.join(work, "failing")
    path = small_campaign(a, folder, points="5", replications=1,
                          extra="[zip]\nduration = -1\n")
    r = tool(a, "run", path, "--build", a.build, "--out", os.path.join(folder, "out"))
    check(r.returncode == 1 and "failed: run 0 p000-r001 (exit status 2), log " in r.stdout
          and "stderr.log" in r.stdout, "a failing run is listed with its exit status and log "
          "(%s)" % r.stdout.strip())


# ----------------------------------------------------------------------------- slurm


class Slurm:
    """munged, slurmctld and slurmd on this machine, from a configuration in a temporary
    folder; stop() ends them by the pids in their pid files."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="mms-slurm-")
        os.chmod(self.dir, 0o755)  # munged wants its socket's folder open to all
        self.env = dict(os.environ, SLURM_CONF=os.path.join(self.dir, "slurm.conf"))
        self.pids = []

    def path(self, name):
        return os.path.join(self.dir, name)

    def start(self):
        d = self.dir
        with open(self.path("munge.key"), "wb") as f:
            f.write(os.urandom(1024))
        os.chmod(self.path("munge.key"), 0o400)
        subprocess.run(["munged", "--key-file=" + self.path("munge.key"),
                        "--socket=" + self.path("munge.socket"),
                        "--pid-file=" + self.path("munged.pid"),
                        "--log-file=" + self.path("munged.log"),
                        "--seed-file=" + self.path("munge.seed")], check=True)
        self.pids.append("munged.pid")
        host = socket.gethostname().split(".")[0]
        mem = 1024
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) // 1024 // 2
        for sub in ("state", "spool", "out"):
            os.makedirs(self.path(sub), exist_ok=True)
        conf = {
            "ClusterName": "mmstest", "SlurmctldHost": host, "SlurmUser": "root",
            "SlurmdUser": "root", "AuthType": "auth/munge",
            "AuthInfo": "socket=" + self.path("munge.socket"),
            "StateSaveLocation": self.path("state"), "SlurmdSpoolDir": self.path("spool"),
            "SlurmctldPidFile": self.path("slurmctld.pid"),
            "SlurmdPidFile": self.path("slurmd.pid"),
            "SlurmctldLogFile": self.path("slurmctld.log"),
            "SlurmdLogFile": self.path("slurmd.log"),
            "SlurmctldPort": "16817", "SlurmdPort": "16818",
            "ProctrackType": "proctrack/linuxproc", "TaskPlugin": "task/none",
            "SelectType": "select/cons_tres", "SelectTypeParameters": "CR_Core",
            "ReturnToService": "2", "MpiDefault": "none",
            "JobAcctGatherType": "jobacct_gather/none",
        }
        with open(self.env["SLURM_CONF"], "w") as f:
            for k, v in conf.items():
                f.write("%s=%s\n" % (k, v))
            f.write("NodeName=%s CPUs=%d RealMemory=%d State=UNKNOWN\n"
                    % (host, os.cpu_count() or 1, mem))
            f.write("PartitionName=debug Nodes=%s Default=YES MaxTime=INFINITE State=UP\n" % host)
        for daemon in ("slurmctld", "slurmd"):
            subprocess.run([daemon, "-f", self.env["SLURM_CONF"]], check=True, env=self.env)
            self.pids.insert(0, daemon + ".pid")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            r = subprocess.run(["sinfo", "--noheader", "--format=%T"], env=self.env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            if r.stdout.strip() == "idle":
                return True
            time.sleep(0.5)
        return False

    def stop(self):
        for name in self.pids:
            try:
                with open(self.path(name)) as f:
                    pid = int(f.read().strip())
                os.kill(pid, signal.SIGTERM)
                for _ in range(100):
                    os.kill(pid, 0)
                    time.sleep(0.1)
                os.kill(pid, signal.SIGKILL)
            except (OSError, ValueError):
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


def start_slurm():
    """A Slurm started on this machine, SLURM_CONF set for this process and its children;
    (Slurm, None) or, when it cannot run here, (None, 77) after saying why (CTest's skip).
    The caller stops it (stop()). Shared with check-plan.py."""
    if os.geteuid() != 0:
        print("SKIP: starting Slurm's daemons needs root")
        return None, 77
    if not all(shutil.which(p) for p in ("munged", "slurmctld", "slurmd", "sbatch")):
        r = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends",
                            "slurm-wlm", "munge"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=dict(os.environ,
                                                              DEBIAN_FRONTEND="noninteractive"))
        if r.returncode != 0 or not shutil.which("slurmctld"):
            print("SKIP: Slurm (Debian's slurm-wlm and munge) is not installed and could not be")
            return None, 77
    slurm = Slurm()
    # CTest's timeout sends SIGTERM: stop the daemons then too (the caller's finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    t = time.monotonic()
    try:
        started = slurm.start()
    except (OSError, subprocess.CalledProcessError) as e:
        started = False
        print("cannot start %s" % e)
    except BaseException:
        slurm.stop()
        raise
    if not started:
        for log in ("munged.log", "slurmctld.log", "slurmd.log"):
            if os.path.exists(slurm.path(log)):
                with open(slurm.path(log), errors="replace") as f:
                    print("%s:\n%s" % (log, "".join(f.readlines()[-5:])))
        slurm.stop()
        print("SKIP: Slurm's daemons did not start (or the node did not become idle)")
        return None, 77
    print("Slurm started in %.1f s" % (time.monotonic() - t))
    os.environ.update(SLURM_CONF=slurm.env["SLURM_CONF"])
    return slurm, None


def main_slurm(a, work):
    slurm, skip = start_slurm()
    if slurm is None:
        return skip
    try:
        path = small_campaign(a, os.path.join(work, "slurm"))
        out = os.path.join(work, "slurm", "out")
        t = time.monotonic()
        r = tool(a, "run", path, "--build", a.build, "--out", out, "--executor", "slurm",
                 "--wait", timeout=600)
        print("Slurm job array of 12 runs: %.1f s" % (time.monotonic() - t))
        check(r.returncode == 0 and "submitted job array" in r.stdout
              and "12 runs: 12 complete" in r.stdout,
              "slurm: a job array of 12 tasks, 12 complete runs (%s%s)"
              % (r.stdout.strip(), r.stderr.strip()))
        outs = os.listdir(os.path.join(out, "slurm"))
        check(len([f for f in outs if f.endswith(".out")]) == 12,
              "slurm: 12 array tasks left their output files")
        r = tool(a, "status", path, "--build", a.build, "--out", out)
        check(r.returncode == 0 and "12 runs: 12 complete" in r.stdout,
              "slurm: status (squeue and the runs' files): 12 complete (%s)" % r.stdout.strip())
        r = tool(a, "merge", path, "--build", a.build, "--out", out)
        check(r.returncode == 0, "slurm: merge (%s)" % r.stderr.strip())
        merged = os.path.join(out, "campaign.sqlite")
    finally:
        slurm.stop()
    lpath, lout = local_campaign(a, os.path.join(work, "local"))
    tool(a, "merge", lpath, "--build", a.build, "--out", lout)
    lmerged = os.path.join(lout, "campaign.sqlite")
    sr, lr = merged_runs(merged), merged_runs(lmerged)
    check(len(sr) == 12 and sorted(sr) == sorted(lr), "slurm: the same 12 runs as locally")
    same, rows = True, 0
    for key in sorted(lr):
        for table in tables(lmerged):
            mine = table_rows(merged, table, sr[key], TIME_COLUMNS)
            theirs = table_rows(lmerged, table, lr[key], TIME_COLUMNS)
            same &= mine == theirs
            rows += len(mine)
    check(same and rows > 1000, "slurm: every table's rows of the 12 runs equal those of the "
          "local runs (%d rows)" % rows)
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("local", "slurm"))
    p.add_argument("--campaign", required=True)
    p.add_argument("--build", required=True)
    p.add_argument("--template", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    a.campaign = os.path.abspath(a.campaign)
    a.build = os.path.abspath(a.build)
    a.template = os.path.abspath(a.template)
    work = os.path.abspath(a.out)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    rc = main_local(a, work) if a.mode == "local" else main_slurm(a, work)
    if rc:
        return rc
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
