#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Handsets on demand against a handset per subscriber, over replications.

Runs mms-busy-hour on a generated 2,000-subscriber operator (two GPRS and two UMTS cells) at a
normal load with deferred retrievals, delivery and read reports, switch-offs and coverage gaps
(the User Agent's OnOff and the radio device's CoverageProcess with their defaults but a mean
off period of 600 s), RngRun 1 to N
in each mode, and checks that the two modes agree: for every KPI mean (send, notification,
retrieval and end-to-end time), failure ratio, and the counts of confirmed messages and
retrievals, the difference of the two modes' means over the replications lies within its 95 %
confidence interval (Welch's t interval of the difference of two means). It also checks that a
replication repeated gives the same results in each mode, and prints the table it judged.

  check-equivalence.py BUSY_HOUR GENERATOR WORKDIR [--replications 20]
"""

import argparse
import math
import os
import sqlite3
import subprocess
import sys

KPIS = ["send_time", "notification_time", "retrieval_time", "end_to_end_time"]
RATIOS = [
    "send_failure_ratio",
    "notification_failure_ratio",
    "retrieval_failure_ratio",
    "end_to_end_failure_ratio",
]
COUNTS = ["messages_confirmed", "retrievals"]

# Two-sided 97.5 % quantiles of Student's t (degrees of freedom 1 to 40; beyond, 1.96 is
# close enough for the intervals judged here). Source: any table of the t distribution, e.g.
# NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2.
T975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    2.040, 2.037, 2.035, 2.032, 2.030, 2.028, 2.026, 2.024, 2.023, 2.021,
]  # fmt: skip


def t975(df):
    k = int(math.floor(df))
    return T975[k - 1] if 1 <= k <= len(T975) else 1.96


def mean_var(xs):
    m = sum(xs) / len(xs)
    v = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)
    return m, v


def welch(a, b):
    """Difference of means, its 95 % half-width (Welch), and the degrees of freedom."""
    ma, va = mean_var(a)
    mb, vb = mean_var(b)
    sa, sb = va / len(a), vb / len(b)
    se2 = sa + sb
    if se2 == 0:
        return ma - mb, 0.0, float("inf")
    df = se2**2 / (sa**2 / (len(a) - 1) + sb**2 / (len(b) - 1))
    return ma - mb, t975(df) * math.sqrt(se2), df


COMMON = [
    "--duration=900",
    "--drain=2700",
    "--plan=0",
    "--ns3::MmsTrafficModel::MessagesPerHour=0.2",
    "--ns3::MmsTrafficModel::DeferredShare=0.2",
    "--ns3::MmsTrafficModel::DeliveryReportShare=0.3",
    "--ns3::MmsTrafficModel::ReadReportShare=0.2",
    "--ns3::MmsUserAgent::OnOff=true",
    "--ns3::MmsUserAgent::OffTime=ns3::ExponentialRandomVariable[Mean=600]",
    "--ns3::MmsRadioBearerNetDevice::CoverageProcess=true",
]


def run(busy_hour, scenario, results, on_demand, rng_run):
    cmd = [
        busy_hour,
        "--scenario=" + scenario,
        "--results=" + results,
        "--handsetsOnDemand=%d" % on_demand,
        "--RngRun=%d" % rng_run,
    ] + COMMON
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        sys.stdout.write(p.stdout)
        raise SystemExit("FAIL: %s exited %d" % (" ".join(cmd), p.returncode))


def measures(results):
    """Per run: {name: value} for the KPI means, failure ratios and counts."""
    db = sqlite3.connect(results)
    out = {}
    for run_id, kpi, mean in db.execute("SELECT run, kpi, mean FROM kpi_summary"):
        out.setdefault(run_id, {})[kpi] = mean
    for row in db.execute("SELECT run, %s FROM kpi_failure_ratio" % ", ".join(RATIOS)):
        out.setdefault(row[0], {}).update(zip(RATIOS, row[1:]))
    for row in db.execute("SELECT run, %s FROM run_summary" % ", ".join(COUNTS)):
        out.setdefault(row[0], {}).update(zip(COUNTS, row[1:]))
    db.close()
    return [out[r] for r in sorted(out)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("busy_hour")
    ap.add_argument("generator")
    ap.add_argument("workdir")
    ap.add_argument("--replications", type=int, default=20)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    scenario = os.path.join(args.workdir, "equivalence.dot")
    with open(scenario, "w") as f:
        subprocess.run(
            [sys.executable, args.generator, "--name", "equivalence", "--cells", "4",
             "--subscribers", "2000", "--regions", "2", "--gprs-share", "0.5"],
            stdout=f, check=True)  # fmt: skip
    modes = {0: "a handset per subscriber", 1: "handsets on demand"}
    table = {}
    for m in modes:
        results = os.path.join(args.workdir, "mode%d.sqlite" % m)
        if os.path.exists(results):
            os.remove(results)
        for r in range(1, args.replications + 1):
            run(args.busy_hour, scenario, results, m, r)
        # The first replication again: the same seed and run give the same results.
        run(args.busy_hour, scenario, results, m, 1)
        runs = measures(results)
        if runs[0] != runs[-1]:
            raise SystemExit("FAIL: %s: RngRun 1 twice gave %s and %s" % (modes[m], runs[0], runs[-1]))
        table[m] = runs[:-1]
    print("%d replications per mode; mean of the per-run values, and the difference of the two"
          % args.replications)
    print("%-28s %12s %12s %12s %12s  %s" % ("measure", "per sub.", "on demand", "difference",
                                             "95% +-", "verdict"))
    failures = []
    for name in KPIS + RATIOS + COUNTS:
        a = [r.get(name) for r in table[0]]
        b = [r.get(name) for r in table[1]]
        if any(x is None for x in a + b):
            failures.append("%s: missing in some run" % name)
            continue
        d, hw, _ = welch(a, b)
        ok = abs(d) <= hw
        print("%-28s %12.4f %12.4f %12.4f %12.4f  %s"
              % (name, sum(a) / len(a), sum(b) / len(b), d, hw, "ok" if ok else "DIFFERENT"))
        if not ok:
            failures.append(name)
    if sum(r["retrievals"] for r in table[1]) < 100 * args.replications:
        failures.append("fewer than 100 retrievals per run: the load is not what this test is for")
    if failures:
        print("FAIL: the modes differ: " + ", ".join(failures))
        return 1
    print("PASS: the two modes agree within the 95 % intervals of their differences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
