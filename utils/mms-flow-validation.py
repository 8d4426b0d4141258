#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Cross-validation of the flow level against the packet level (doc/mms.rst, "Flow level").

For each bearer and per-subscriber rate, one scenario (a Relay, Server, PPG and SMSC on a
router, one cell of that bearer 5 ms away) runs through mms-busy-hour at the busy hour at both
fidelities with the same seeds; the table gives the offered downlink load of the cell and the
50th and 95th percentiles of send, retrieval and end-to-end time at each fidelity, with the
difference of the flow level.

  utils/mms-flow-validation.py --bearer=UMTS-384 --rates=1,2,3 [--subscribers=1000]
      [--duration=1800] [--drain=900] [--build=build] [--keep=FOLDER] [--fidelities=packet,flow]

The offered load is the octets of the retrieved messages over the traffic seconds, against the
cell's downlink capacity (--capacity, bit/s; by default 2 Mbit/s for UMTS-384 and 96 kbit/s for
GPRS-CS2, the cells' DownlinkCapacity).
"""

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

CAPACITY = {"UMTS-384": 2e6, "GPRS-CS2": 96e3}
KPIS = ("send time", "retrieval time", "end-to-end time")

SCENARIO = """graph validation {{
    mmsc  [kind=relay]
    store [kind=server]
    ppg   [kind=ppg]
    smsc  [kind=smsc]
    site_router [kind=router]
    cell [kind=cell, subscribers={subscribers}, bearer="{bearer}", MessagesPerHour={rate}]
    mmsc  -- site_router [rate="1Gbps", delay="0.2ms"]
    store -- site_router [rate="1Gbps", delay="0.2ms"]
    ppg   -- site_router [rate="1Gbps", delay="0.2ms"]
    smsc  -- site_router [rate="10Mbps", delay="2ms"]
    site_router -- cell  [rate="100Mbps", delay="5ms"]
}}
"""


def run(build, scenario, fidelity, results, duration, drain):
    """One mms-busy-hour run; its KPI percentiles {kpi: (n, p50, p95)} and its wall output."""
    cmd = [
        os.path.join(build, "mms-busy-hour"),
        "--scenario=" + scenario,
        "--fidelity=" + fidelity,
        "--results=" + results,
        "--duration=%g" % duration,
        "--drain=%g" % drain,
        "--plan=0",
    ]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("mms-flow-validation: %s failed:\n%s" % (" ".join(cmd), out.stderr))
    return parse(out.stdout), out.stdout


def parse(text):
    """The KPI percentiles {kpi: (n, p50, p95)} of mms-busy-hour's summary."""
    kpi = {}
    for line in text.splitlines():
        for name in KPIS:
            m = re.match(r"\s*%s\s+(\d+)\s+\S+\s+(\S+)\s+\S+\s+(\S+)" % re.escape(name), line)
            if m:
                kpi[name] = (int(m.group(1)), float(m.group(2)), float(m.group(3)))
    return kpi


def offered_load(results, duration, capacity):
    """Octets of the retrieved messages over the traffic seconds, against the capacity."""
    db = sqlite3.connect(results)
    (octets,) = db.execute(
        "SELECT COALESCE(SUM(size), 0) FROM delivery WHERE retrieval_completed IS NOT NULL"
    ).fetchone()
    db.close()
    return octets * 8 / duration / capacity


def difference(packet, flow):
    return "%+.0f %%" % ((flow - packet) / packet * 100) if packet > 0 else "n/a"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--bearer", default="UMTS-384")
    p.add_argument("--rates", default="1,2,3", help="MMS per subscriber per hour, comma-separated")
    p.add_argument("--subscribers", type=int, default=1000)
    p.add_argument("--duration", type=float, default=1800)
    p.add_argument("--drain", type=float, default=900)
    p.add_argument("--capacity", type=float, default=0, help="downlink capacity, bit/s")
    p.add_argument("--build", default="build")
    p.add_argument("--keep", default="", help="keep scenarios, results and outputs here")
    p.add_argument("--fidelities", default="packet,flow")
    p.add_argument("--reuse", action="store_true",
                   help="with --keep: take the runs already there instead of running them again")
    a = p.parse_args()
    capacity = a.capacity or CAPACITY.get(a.bearer, 0)
    if capacity <= 0:
        p.error("--capacity: no default for bearer %s" % a.bearer)
    try:
        rates = [float(r) for r in a.rates.split(",")]
    except ValueError:
        p.error("--rates: not a list of numbers: %s" % a.rates)
    fidelities = a.fidelities.split(",")
    if any(f not in ("packet", "flow") for f in fidelities):
        p.error("--fidelities: packet and/or flow")
    folder = a.keep or tempfile.mkdtemp(prefix="mms-flow-validation-")
    os.makedirs(folder, exist_ok=True)
    print("bearer %s, %d subscribers, %g s of traffic, %g s to finish; times in s, "
          "packet / flow and the difference of flow" % (a.bearer, a.subscribers, a.duration,
                                                        a.drain))
    print("%-6s %5s %6s  %-34s %-34s %-34s" % ("MMS/h", "load", "n", *KPIS))
    for rate in rates:
        name = "%s-%d-%g" % (a.bearer, a.subscribers, rate)
        scenario = os.path.join(folder, name + ".dot")
        with open(scenario, "w") as f:
            f.write(SCENARIO.format(subscribers=a.subscribers, bearer=a.bearer, rate=rate))
        kpis = {}
        load = 0
        for fidelity in fidelities:
            results = os.path.join(folder, "%s-%s.sqlite" % (name, fidelity))
            output = os.path.join(folder, "%s-%s.txt" % (name, fidelity))
            if a.reuse and os.path.exists(results) and os.path.exists(output):
                with open(output) as f:
                    kpis[fidelity] = parse(f.read())
            else:
                if os.path.exists(results):
                    os.remove(results)
                kpis[fidelity], text = run(a.build, scenario, fidelity, results, a.duration,
                                           a.drain)
                with open(output, "w") as f:
                    f.write(text)
            if fidelity == "packet" or len(fidelities) == 1:
                load = offered_load(results, a.duration, capacity)
        cells = []
        count = []
        for kpi in KPIS:
            if len(fidelities) == 2:
                pk = kpis["packet"].get(kpi, (0, 0, 0))
                fl = kpis["flow"].get(kpi, (0, 0, 0))
                cells.append("%.2f/%.2f %s; %.1f/%.1f %s" % (pk[1], fl[1], difference(pk[1], fl[1]),
                                                             pk[2], fl[2], difference(pk[2], fl[2])))
                count.append("%d/%d" % (pk[0], fl[0]))
            else:
                only = kpis[fidelities[0]].get(kpi, (0, 0, 0))
                cells.append("%.2f; %.1f" % (only[1], only[2]))
                count.append("%d" % only[0])
        print("%-6g %5.2f %6s  %-34s %-34s %-34s" % (rate, load, count[0], *cells))
        sys.stdout.flush()
    if not a.keep:
        print("(outputs in %s)" % folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
