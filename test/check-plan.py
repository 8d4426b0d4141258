#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""The planning tool (utils/mms-plan.py) against queueing theory, on mms-busy-hour runs.

  check-plan.py MODE --plan TOOL --build BUILD --data DIR --out DIR

MODE
  erlang-c  The Relay as M/M/c (DATA/mms-relay-mmc.plan: Poisson submissions, a = 2 Erlang of
            exponential service): the search over Workers returns the smallest c whose Erlang C
            waiting probability is within the target (computed here), and the report's 95%
            intervals at that c and at c - 1 contain the Erlang C values.
  erlang-b  The store as an Erlang loss system (DATA/mms-store-loss.plan: equal-size messages
            held 40 s, a = 5 Erlang): the search over Capacity returns the smallest store of n
            messages whose Erlang B blocking is within the target, and the intervals at n and
            n - 1 contain the Erlang B values. Both: report.html names the chosen point.
  inputs    Broken plan files (an unknown dimension vertex or attribute, an inverted range, a
            target on an unknown KPI, a bad target) exit with status 2 and one line naming the
            key and FILE:LINE; a target that no point meets exits with status 1 and says which
            KPI fails at the largest point, with its value. Policies setting every cell's
            attributes ("*.DeferredShare"): all notifications deferred 300 s against none, told
            apart by the end-to-end times.
  same      A reduced M/M/c plan run twice into two folders, one run at a time and two at a
            time: byte-identical report.csv (same seeds, same plan); a third run over the first
            folder runs nothing (the cache).
  slurm     The same reduced plan through the Slurm executor, on a Slurm started on this
            machine as check-campaign.py slurm does (root; else exit status 77, CTest's skip),
            and locally: byte-identical report.csv, one array task's output per run.
"""

import argparse
import csv
import importlib.util
import os
import re
import shutil
import subprocess
import sys

FAILURES = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        FAILURES.append(what)


def erlang_b(n, a):
    """Erlang B blocking of n servers at a Erlang (the recursion B(k) = aB(k-1)/(k + aB(k-1)))."""
    b = 1.0
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def erlang_c(c, a):
    """Erlang C: the probability of waiting in M/M/c at a Erlang (a < c)."""
    if a >= c:
        return 1.0
    b = erlang_b(c, a)
    return c * b / (c - a * (1 - b))


def derive(src, dest, top=None, sections=None):
    """A copy of plan file src at dest: top-level keys replaced (top: key -> value), the
    scenario path made absolute, and sections appended or replaced (sections: header -> text)."""
    top = dict(top or {})
    out, skip, in_section = [], False, False
    with open(src) as f:
        lines = f.read().splitlines()
    for line in lines:
        m = re.match(r"\s*\[(.*)\]", line)
        if m:
            in_section = True
            skip = sections is not None and m.group(1) in sections
        if skip:
            continue
        k = re.match(r"\s*(\w+)\s*=", line)
        if k and not in_section and k.group(1) in top:
            line = "%s = %s" % (k.group(1), top.pop(k.group(1)))
        if k and k.group(1) == "scenario":
            line = "scenario = " + os.path.join(os.path.dirname(os.path.abspath(src)),
                                                line.split("=", 1)[1].strip())
        out.append(line)
    head = ["%s = %s" % kv for kv in top.items()]
    text = "\n".join(head + out) + "\n"
    for header, body in (sections or {}).items():
        text += "\n[%s]\n%s\n" % (header, body)
    with open(dest, "w") as f:
        f.write(text)
    return dest


def run_plan(a, plan, out, *extra):
    r = subprocess.run([sys.executable, a.plan, "run", plan, "--out", out, "--build", a.build]
                       + list(extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    print(r.stdout + r.stderr)
    return r


def rows(out):
    with open(os.path.join(out, "report.csv")) as f:
        return list(csv.DictReader(f))


def target(plan_file, kpi):
    with open(plan_file) as f:
        m = re.search(r"(?m)^%s\s*=\s*<=\s*(\S+)" % re.escape(kpi), f.read())
    return float(m.group(1))


def analytic_check(a, plan_file, out, kpi, dim, servers_of, theory, what):
    """The chosen point is the smallest whose analytic value meets the target, and the
    intervals at it and one step below contain the analytic values."""
    r = run_plan(a, plan_file, out, "--jobs", "2", "--png", os.path.join(out, "plan.png"))
    check(r.returncode == 0, "%s: a plan was found (exit status %d)" % (what, r.returncode))
    if r.returncode != 0:
        return
    limit = target(plan_file, kpi)
    table = [x for x in rows(out) if x["kpi"] == kpi]
    values = sorted(float(x[dim]) for x in table)
    with open(plan_file) as f:
        spec = re.search(r"(?m)^values\s*=\s*(\S+) to (\S+) step (\S+)", f.read())
    lo, hi, step = (float(spec.group(i)) for i in (1, 2, 3))
    grid = [lo + i * step for i in range(int(round((hi - lo) / step)) + 1)]
    expected = next(v for v in grid if theory(servers_of(v)) <= limit)
    chosen = [x for x in table if x["role"] == "chosen"]
    check(len(chosen) == 1 and float(chosen[0][dim]) == expected,
          "%s: chosen %s = %s, the smallest whose analytic value %.4f <= %g is %s" % (
              what, dim, chosen[0][dim] if chosen else "-", theory(servers_of(expected)), limit,
              expected))
    for x in table:
        v = float(x[dim])
        if v not in (expected, expected - step):
            continue
        t = theory(servers_of(v))
        low, high = float(x["ci95_low"]), float(x["ci95_high"])
        check(low <= t <= high, "%s: at %s = %s (%d servers) the 95%% interval [%.4f, %.4f] "
              "(n = %s) holds the analytic %.4f" % (what, dim, x[dim], servers_of(v), low, high,
                                                   x["n"], t))
    check(len(values) >= 2, "%s: %d points searched" % (what, len(values)))
    check(os.path.exists(os.path.join(out, "plan.png")) or "no PNG written" in r.stdout,
          "%s: the PNG is drawn, or the report says why not" % what)
    check(os.path.exists(os.path.join(out, "report.txt")) and "bottleneck: " in r.stdout,
          "%s: the text report names a bottleneck" % what)
    page = os.path.join(out, "report.html")
    html = open(page, encoding="utf-8").read() if os.path.exists(page) else ""
    shown = re.search(r'data-role="chosen" data-dimension="%s">([^<]*)<' % dim, html)
    check(shown is not None and chosen and shown.group(1) == chosen[0][dim]
          and html.count('<tr data-role="chosen">') == 1 and ("<svg" in html or "No plots" in html),
          "%s: report.html names the chosen %s = %s and has the KPI row and the plot" % (
              what, dim, shown.group(1) if shown else "-"))


def main_erlang_c(a):
    plan = os.path.join(a.data, "mms-relay-mmc.plan")
    analytic_check(a, plan, a.out, "relay_waiting_probability", "workers", int,
                   lambda c: erlang_c(c, 2.0), "M/M/c")


def main_erlang_b(a):
    plan = os.path.join(a.data, "mms-store-loss.plan")
    analytic_check(a, plan, a.out, "store_refusal_ratio", "store",
                   lambda cap: int(cap // 10105), lambda n: erlang_b(n, 5.0), "Erlang loss")


def main_inputs(a):
    src = os.path.join(a.data, "mms-relay-mmc.plan")
    cases = [
        ("unknown vertex", {"[dimension workers]": "vertex = nowhere\nattribute = Workers\n"
                                                  "values = 1 to 4 step 1"},
         None, "vertex", "unknown dimension: no vertex 'nowhere'"),
        ("unknown attribute", {"[dimension workers]": "vertex = mmsc\nattribute = Wokers\n"
                                                     "values = 1 to 4 step 1"},
         None, "attribute", "has no attribute Wokers"),
        ("inverted range", {"[dimension workers]": "vertex = mmsc\nattribute = Workers\n"
                                                  "values = 8 to 1 step 1"},
         None, "values", "expected start <= end"),
        ("descending list", {"[dimension workers]": "vertex = mmsc\nattribute = Workers\n"
                                                   "values = 4, 2, 1"},
         None, "values", "inverted or unsorted"),
        ("unknown KPI", {"[target]": "relay_wait_probability = <= 0.1 +- 0.02"},
         None, "relay_wait_probability", "unknown KPI"),
        ("bad target", {"[target]": "end_to_end_failure_ratio = 0.02"},
         None, "end_to_end_failure_ratio", "expected '<= LIMIT +- HALF-WIDTH'"),
        ("bad load", None, {"load": "christmas"}, "load", "expected 'busy-hour'"),
        ("unknown key", None, {"replications": "3"}, "replications", "unknown key"),
        ("unknown cell attribute", {"[policy late]": "*.DefferedShare = 1"}, None,
         "*.DefferedShare", "is an attribute of none of"),
        ("recorded profile of 23 hours", None, {"load": "profile short.profile"}, "load",
         "need a count for each of the 24 hours"),
        ("recorded profile with a bad line", None, {"load": "profile bad.profile"}, "load",
         "bad.profile:5: expected 'HOUR COUNT'"),
    ]
    # Recorded profiles beside the derived plans: the shipped day, one hour short, a bad line.
    with open(os.path.join(a.data, "recorded-day.profile")) as f:
        day = f.read().splitlines()
    for name, text in (("recorded-day.profile", day), ("short.profile", day[:-1]),
                       ("bad.profile", day[:4] + ["24 100"] + day[5:])):
        with open(os.path.join(a.out, name), "w") as f:
            f.write("\n".join(text) + "\n")
    for i, (what, sections, top, key, text) in enumerate(cases):
        dest = os.path.join(a.out, "bad-%d.plan" % i)
        secs = {k.strip("[]"): v for k, v in (sections or {}).items()}
        derive(src, dest, top, secs)
        r = subprocess.run([sys.executable, a.plan, "check", dest, "--build", a.build],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        err = r.stderr.strip()
        with open(dest) as f:
            lines = f.read().splitlines()
        # The line the error must name: the last line setting the key (or its section).
        wanted = [n for n, line in enumerate(lines, 1)
                  if re.match(r"\s*%s\s*=" % re.escape(key), line)]
        where = "%s:%d" % (dest, wanted[-1]) if wanted else dest
        check(r.returncode == 2 and "key '%s'" % key in err and where in err and text in err
              and len(err.splitlines()) == 1,
              "%s: exit status %d, one line naming key '%s' at %s: %s" % (
                  what, r.returncode, key, os.path.relpath(where, a.out), err))
    # A recorded profile: its counts become HourlyProfile, its level MessagesPerHour (the day's
    # 62,750 MMS over 24 h and the scenario's 100 subscribers), and mms-busy-hour takes them.
    dest = derive(src, os.path.join(a.out, "recorded.plan"), {"load": "profile recorded-day.profile"})
    r = subprocess.run([sys.executable, a.plan, "check", dest, "--build", a.build],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    counts = [line.split()[1] for line in day if line and not line.startswith("#")]
    flags = re.search(r"^load: (.*)$", r.stdout, re.M)
    flags = flags.group(1).split() if flags else []
    want = ["--ns3::MmsTrafficModel::HourlyProfile=" + ",".join(counts),
            "--ns3::MmsTrafficModel::MessagesPerHour=%r" % (62750 / 24.0 / 100)]
    check(r.returncode == 0 and flags == want,
          "a recorded profile: its shape and level as the traffic model's flags (%s)"
          % " ".join(flags))
    run = subprocess.run([os.path.join(a.build, "mms-busy-hour"),
                          "--scenario=" + os.path.join(a.data, "mms-relay-mmc.dot"),
                          "--duration=30", "--drain=10", "--plan=false",
                          "--results=" + os.path.join(a.out, "recorded.sqlite")] + flags,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(run.returncode == 0 and "submitted" in run.stdout,
          "mms-busy-hour runs with the recorded profile's flags (exit status %d)"
          % run.returncode)
    # A target no point meets: the largest point fails it; the answer names the KPI and where.
    dest = derive(src, os.path.join(a.out, "unmet.plan"),
                  {"arguments": "--duration=600 --drain=30 --plan=false",
                   "min_replications": "2", "max_replications": "2"},
                  {"target": "relay_waiting_probability = <= 0.001 +- 0.5",
                   "dimension workers": "vertex = mmsc\nattribute = Workers\n"
                                        "values = 1 to 3 step 1"})
    r = run_plan(a, dest, os.path.join(a.out, "unmet"), "--jobs", "2")
    m = re.search(r"relay_waiting_probability fails: ([0-9.e-]+)", r.stdout)
    check(r.returncode == 1 and "NO PLAN" in r.stdout and "workers=3" in r.stdout and m
          and float(m.group(1)) > 0.001,
          "a target no point meets: exit status %d, 'NO PLAN', the KPI failing at workers=3 "
          "(%s)" % (r.returncode, m.group(1) if m else "-"))
    main_policies(a)


def small_plan(a):
    """The M/M/c plan reduced: 900 s of traffic, 2 or 3 replications, Workers 3 to 7."""
    src = os.path.join(a.data, "mms-relay-mmc.plan")
    return derive(src, os.path.join(a.out, "small.plan"),
                  {"arguments": "--duration=900 --drain=30 --plan=false",
                   "min_replications": "2", "max_replications": "3"},
                  {"dimension workers": "vertex = mmsc\nattribute = Workers\n"
                                        "values = 3 to 7 step 1"})


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def main_policies(a):
    """Policies that set User Agent and traffic model attributes on every cell ("*."): all
    notifications deferred 300 s against none; the end-to-end times tell them apart."""
    src = os.path.join(a.data, "mms-relay-mmc.plan")
    dest = derive(src, os.path.join(a.out, "policies.plan"),
                  {"arguments": "--duration=600 --drain=400 --plan=false",
                   "min_replications": "2", "max_replications": "2"},
                  {"target": "end_to_end_time.mean = <= 100000 +- 100000",
                   "dimension workers": "vertex = mmsc\nattribute = Workers\nvalues = 8",
                   "policy now": "*.DeferredShare = 0",
                   "policy later": "*.DeferredShare = 1\n"
                                   "*.DeferredDelay = ns3::ConstantRandomVariable[Constant=300]\n"
                                   "mmsc.DefaultExpiry = 1h"})  # a value DOT needs quoted
    r = run_plan(a, dest, os.path.join(a.out, "policies"), "--jobs", "2")
    means = {x["policy"]: float(x["mean"]) for x in rows(os.path.join(a.out, "policies"))
             if x["kpi"] == "end_to_end_time.mean" and x["mean"] != "-"}
    check(r.returncode == 0 and means.get("now", 1e9) < 60 and means.get("later", 0) >= 300,
          "policies '*.DeferredShare' and '*.DeferredDelay' reach every cell's User Agents and "
          "traffic model: mean end-to-end time %.1f s without deferral, %.1f s deferred 300 s" % (
              means.get("now", -1), means.get("later", -1)))


def main_same(a):
    dest = small_plan(a)
    one, two = os.path.join(a.out, "one"), os.path.join(a.out, "two")
    r1 = run_plan(a, dest, one, "--jobs", "1")
    r2 = run_plan(a, dest, two, "--jobs", "2")
    c1, c2 = (read_bytes(os.path.join(d, "report.csv")) for d in (one, two))
    check(r1.returncode == 0 and r2.returncode == 0 and c1 == c2 and len(c1) > 100,
          "same seeds, same plan: report.csv byte-identical (%d octets, exit %d and %d)" % (
              len(c1), r1.returncode, r2.returncode))
    r3 = run_plan(a, dest, one, "--jobs", "1")
    m = re.search(r"(\d+) runs \((\d+) executed now\)", r3.stdout)
    c3 = read_bytes(os.path.join(one, "report.csv"))
    check(r3.returncode == 0 and m and m.group(2) == "0" and c3 == c1,
          "the plan again over its folder: every run from the cache (%s), the same report"
          % (m.group(0) if m else r3.stdout[-200:]))


def main_slurm(a):
    """The reduced M/M/c plan of main_same through the Slurm executor (a Slurm started here by
    check-campaign.py's code) and locally: the same report.csv."""
    spec = importlib.util.spec_from_file_location(
        "check_campaign", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                       "check-campaign.py"))
    check_campaign = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_campaign)
    dest = small_plan(a)
    slurm, skip = check_campaign.start_slurm()
    if slurm is None:
        return skip
    try:
        r1 = run_plan(a, dest, os.path.join(a.out, "slurm"), "--executor", "slurm")
    finally:
        slurm.stop()
    arrays = [f for f in os.listdir(os.path.join(a.out, "slurm", "slurm")) if f.endswith(".out")]
    r2 = run_plan(a, dest, os.path.join(a.out, "local"), "--jobs", "2")
    c1, c2 = (read_bytes(os.path.join(a.out, d, "report.csv")) for d in ("slurm", "local"))
    check(r1.returncode == 0 and r2.returncode == 0 and c1 == c2 and len(c1) > 100,
          "slurm and local executors, same plan: report.csv byte-identical (%d octets, exit %d "
          "and %d)" % (len(c1), r1.returncode, r2.returncode))
    m = re.search(r"(\d+) runs \((\d+) executed now\)", r1.stdout)
    check(m is not None and len(arrays) == int(m.group(2)) > 0,
          "slurm: every run of the plan an array task with its output file (%d files, %s)"
          % (len(arrays), m.group(0) if m else "-"))
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("erlang-c", "erlang-b", "inputs", "same", "slurm"))
    p.add_argument("--plan", required=True)
    p.add_argument("--build", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    if os.path.isdir(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    rc = {"erlang-c": main_erlang_c, "erlang-b": main_erlang_b, "inputs": main_inputs,
          "same": main_same, "slurm": main_slurm}[a.mode](a)
    if rc:
        return rc
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
