#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
# SPDX-License-Identifier: GPL-2.0-only
"""mms-plan: network planning. The cheapest combination of capacities (Relay workers, store
octets, PPG, SMSC, cells: any attribute of a scenario vertex) that meets KPI targets at a load,
each point run with replications until every KPI's 95% confidence interval is narrow enough.

Usage:
  mms-plan.py check PLAN [--build DIR]
  mms-plan.py run   PLAN [--out DIR] [--build DIR] [--executor local|slurm] [--jobs N]
                         [--png FILE]

The plan file
  Lines "key = value"; "#" starts a comment; sections in [brackets]; paths relative to the
  plan file's folder (the style of utils/mms-campaign.py's campaign files).

    program = mms-busy-hour            # as in a campaign file
    scenario = ../scenarios/mmsc-queue.dot
    arguments = --duration=1800 --drain=120 --plan=false
    load = busy-hour                   # busy-hour | holiday FACTOR | new-year SPIKE | profile FILE
    first_run = 1                      # RngRun of the first replication (default 1)
    min_replications = 3               # per point, before the intervals are looked at
    max_replications = 10              # per point: the run limit of the sequential stopping
    warmup = 60                        # seconds of samples left out (sampled KPIs only)

    [target]                           # KPI = <= LIMIT +- HALF-WIDTH (or >=)
    end_to_end_failure_ratio = <= 0.02 +- 0.005
    end_to_end_time.p95 = <= 180 +- 15

    [dimension workers]                # one section per dimension searched
    vertex = mmsc                      # a vertex of the scenario
    attribute = Workers                # an attribute of what it becomes
    values = 1 to 16 step 1            # ascending: more is better (a list or a range)
    cost = 1000                        # per unit of the value (default 1)

    [policy queue]                     # optional: variants searched one after the other
    mmsc.LicensePolicy = Queue         # vertex.Attribute = value, set on every point;
                                       # *.Attribute = value: on every cell vertex
    [policy reject]
    mmsc.LicensePolicy = Reject
    [policy reject-defer]              # "*.": an attribute of every cell's User Agents,
    mmsc.LicensePolicy = Reject        # traffic model, channel or bearer profile
    *.RetryPolicy = ns3::MmsRetryPolicy[Table=0s,1min,2min]
    *.DeferredShare = 0.3

    [slurm]                            # as in a campaign file, for --executor=slurm

  KPIs: every figure of mms-report.py summary --format=csv (ETSI TS 102 250-2 names:
  send_failure_ratio, end_to_end_failure_ratio, end_to_end_time.p95, ...) and two more:
    relay_waiting_probability  the share of the Relays' samples (every second, after warmup,
                               until the last submission) in which every worker is busy: by
                               PASTA, the probability that a transaction waits (Erlang C)
    store_refusal_ratio        store requests (PUT) answered 507 over all store requests
                               (Erlang B's blocking for a store of equal-size messages)
    unconfirmed_ratio          submissions without an Ok M-Send.conf at the end of the run
                               (refused, failed, or still open after the drain) over all
                               submissions: unlike send_failure_ratio it counts the open ones
  The tool adds the recorder attributes they need (a 1 s SampleInterval, RecordTransactions).
  The load: busy-hour runs the program as it is; "new-year S" adds --newYear --spikeFactor=S;
  "holiday F" multiplies the rate of the whole day by F (the traffic model's spike over 24 h).
  "profile FILE" is a recorded day: FILE has 24 lines "HOUR COUNT" (MMS sent by the whole
  network in that hour; hour 0 = 00:00-01:00); the traffic model takes its shape
  (HourlyProfile) and its level (MessagesPerHour: the day's count over 24 hours and the
  scenario's subscribers), and mms-busy-hour runs the recorded busy hour.

Search
  Every KPI is taken to get better (or stay) as any dimension grows. The point with every
  dimension at its largest value is run first: if it misses a target, no point does, and the
  answer says which KPI fails there and by how much (exit status 1). Otherwise a coordinate
  search: each dimension in turn is bisected down to its smallest value that still meets every
  target with the others fixed; with up to 3 dimensions every order is tried and the cheapest
  result (sum of cost x value) is chosen. A point meets a target when the KPI's mean over the
  replications does; replications are added (first_run, first_run + 1, ...) until every
  targeted KPI's 95% confidence half-width (Student t) is within its stated half-width, or
  max_replications. The same plan file and build give the same plan: the runs are
  deterministic and the search depends on their results only. With [policy] sections the
  search runs once per policy and the report compares their cheapest points (for example
  rejecting submissions beyond the Relay's LicensedRate against queueing them).

Runs and cache
  Through utils/mms-campaign.py's executors and run folders: OUT/runs/<point>-r<RngRun>/
  (OUT: --out, default PLAN's name + ".plan" in the current folder); a complete run of an
  unchanged command and scenario is never run again, so running a plan again (or with another
  target) costs only the new points. Each run's KPIs are kept in its folder (kpis.json).

Report (OUT/report.txt, OUT/report.csv, OUT/report.html, and --png FILE: each KPI against
  each dimension through the chosen point)
  Per policy: the chosen values and cost, each KPI with its 95% interval at the chosen point
  and, for each dimension, at the next cheaper value (which KPI fails there), the bottleneck
  element (the vertex of the dimension whose next cheaper value fails by the largest margin;
  for Relay workers with the Relay's measured utilisation); the policies' cheapest points side
  by side; what the search cost (points, runs, wall time). report.csv has one row per policy,
  point and KPI, in the order of the points' values; it holds no time of day or wall time.
  report.html is a self-contained page made with mms-report.py html's page code: the chosen
  points with cost and bottleneck, the KPI table (mean and 95% interval at each chosen point
  and its next cheaper ones), the plots as inline SVG, and the text report.

Exit status: 0 a plan was found; 1 no point meets the targets, or runs failed; 2 a broken plan
file (one line naming the file, line and key) or another error.
"""

import argparse
import csv
import importlib.util
import io
import itertools
import json
import math
import os
import re
import shlex
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # nothing written into the source tree
import mms_python  # noqa: E402  (beside this script)

PROG = "mms-plan"
HERE = os.path.dirname(os.path.abspath(__file__))
TOP_KEYS = ("program", "scenario", "arguments", "load", "first_run", "min_replications",
            "max_replications", "warmup")
DIMENSION_KEYS = ("vertex", "attribute", "values", "cost")
EXTRA_KPIS = ("relay_waiting_probability", "store_refusal_ratio", "unconfirmed_ratio")
# The ns-3 class of each scenario vertex kind whose attributes a dimension may set.
KIND_TYPES = {"relay": "ns3::MmsRelay", "server": "ns3::MmsServer",
              "ppg": "ns3::MmsWapPushProxyGateway", "smsc": "ns3::MmsSmsc"}
# The classes whose attributes a cell vertex takes (for its channel, profile, subscribers'
# User Agents and their traffic model; the scenario's rule).
CELL_TYPES = ("ns3::MmsRadioCellChannel", "ns3::MmsRadioBearerProfile", "ns3::MmsUserAgent",
              "ns3::MmsTrafficModel")


def load_module(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


campaign = load_module("mms_campaign", "mms-campaign.py")
PlanError = campaign.CampaignError


# ----------------------------------------------------------------------------- plan file


class Target:
    def __init__(self, kpi, op, limit, half, line):
        self.kpi, self.op, self.limit, self.half, self.line = kpi, op, limit, half, line

    def meets(self, mean):
        return mean is not None and (mean <= self.limit if self.op == "<=" else
                                     mean >= self.limit)

    def margin(self, mean):
        """How far the mean is on the wrong side of the limit, relative to it (> 0: fails)."""
        if mean is None:
            return math.inf
        d = mean - self.limit if self.op == "<=" else self.limit - mean
        return d / (abs(self.limit) or 1.0)


class Dimension:
    def __init__(self, name, line):
        self.name, self.line = name, line
        self.entries = {}


class Policy:
    """A variant of the scenario searched on its own: vertex.Attribute = value settings."""

    def __init__(self, name, line):
        self.name, self.line = name, line
        self.settings = []  # Entry: key "vertex.Attribute"


class Plan(campaign.KeyFile):
    kind = "plan"

    def __init__(self, path, build=None):
        self.open(path)
        self.targets, self.dimensions, self.policies = [], [], []
        section = None
        for n, header, entry in campaign.key_lines(path, self.fail):
            if header is not None:
                m = re.fullmatch(r"(\w+)(?:\s+([\w.-]+))?", header)
                section = m.group(1) if m else header
                if m and section == "dimension":
                    if not m.group(2):
                        self.fail(n, None, "a dimension needs a name: [dimension NAME]")
                    if any(d.name == m.group(2) for d in self.dimensions):
                        self.fail(n, None, "dimension '%s' given twice" % m.group(2))
                    self.dimensions.append(Dimension(m.group(2), n))
                elif m and section == "policy":
                    if not m.group(2) or any(p.name == m.group(2) for p in self.policies):
                        self.fail(n, None, "a policy needs a name of its own: [policy NAME]")
                    self.policies.append(Policy(m.group(2), n))
                elif not m or section not in ("target", "slurm") or m.group(2):
                    self.fail(n, None, "unknown section [%s] (sections: [target], [dimension "
                              "NAME], [policy NAME], [slurm])" % header)
                continue
            key, value = entry.key, entry.value
            if section is None:
                if key not in TOP_KEYS:
                    self.fail(n, key, "unknown key (keys: %s)" % ", ".join(TOP_KEYS))
                self.top[key] = entry
            elif section == "slurm":
                if key not in campaign.SLURM_KEYS:
                    self.fail(n, key, "unknown key of [slurm] (keys: %s)"
                              % ", ".join(campaign.SLURM_KEYS))
                self.slurm[key] = entry
            elif section == "target":
                m = re.fullmatch(r"(<=|>=)\s*(\S+)\s*\+-\s*(\S+)", value)
                limit = campaign.number(m.group(2)) if m else None
                half = campaign.number(m.group(3)) if m else None
                if limit is None or half is None or half <= 0:
                    self.fail(n, key, "expected '<= LIMIT +- HALF-WIDTH' (or >=) with numbers "
                              "and a half-width > 0, not '%s'" % value)
                if any(t.kpi == key for t in self.targets):
                    self.fail(n, key, "target given twice")
                self.targets.append(Target(key, m.group(1), float(limit), float(half), n))
            elif section == "policy":
                self.policies[-1].settings.append(entry)
            else:
                d = self.dimensions[-1]
                if key not in DIMENSION_KEYS:
                    self.fail(n, key, "unknown key of [dimension %s] (keys: %s)"
                              % (d.name, ", ".join(DIMENSION_KEYS)))
                d.entries[key] = entry
        self.check(build)

    def check(self, build):
        self.read_common(build)
        self.need("scenario")
        self.scenario_text = self.template
        self.load_arguments = self.parse_load()
        self.first_run = self.integer("first_run", 1, 1)
        self.min_reps = self.integer("min_replications", 3, 2)
        self.max_reps = self.integer("max_replications", 10, 2)
        if self.max_reps < self.min_reps:
            self.fail(self.top["max_replications"].line, "max_replications",
                      "smaller than min_replications (%d)" % self.min_reps)
        e = self.top.get("warmup")
        self.warmup = campaign.number(e.value) if e else 0
        if self.warmup is None or self.warmup < 0:
            self.fail(e.line, "warmup", "expected seconds >= 0, not '%s'" % e.value)
        if not self.targets:
            self.fail(None, "target", "no [target] (at least one KPI = <= LIMIT +- HALF-WIDTH)")
        known = known_kpis()
        for t in self.targets:
            if t.kpi not in known:
                self.fail(t.line, t.kpi, "unknown KPI (KPIs: the figures of mms-report.py "
                          "summary --format=csv, e.g. %s; or %s)" % (
                              ", ".join(sorted(k for k in known if "ratio" in k or
                                               k.endswith(".p95"))[:8]),
                              ", ".join(EXTRA_KPIS)))
        if not self.dimensions:
            self.fail(None, "dimension", "no [dimension NAME] to search")
        kinds = vertex_kinds(self.scenario_text)
        for d in self.dimensions:
            for key in ("vertex", "attribute", "values"):
                if key not in d.entries:
                    self.fail(d.line, key, "missing in [dimension %s]" % d.name)
            ev, ea = d.entries["vertex"], d.entries["attribute"]
            if ev.value not in kinds:
                self.fail(ev.line, "vertex", "unknown dimension: no vertex '%s' in %s "
                          "(vertices: %s)" % (ev.value, self.scenario, ", ".join(sorted(kinds))))
            d.vertex, d.attribute = ev.value, ea.value
            self.check_attribute(kinds, ev.value, ea.value, ea.line, "attribute",
                                 "unknown dimension")
            e = d.entries["values"]
            try:
                d.values = campaign.parse_values(e.value)
            except ValueError as x:
                self.fail(e.line, "values", str(x))
            if any(not isinstance(v, (int, float)) for v in d.values):
                self.fail(e.line, "values", "numbers expected, not '%s'" % e.value)
            if any(b <= a for a, b in zip(d.values, d.values[1:])):
                self.fail(e.line, "values", "inverted or unsorted range '%s': the values must "
                          "grow (more capacity)" % e.value)
            e = d.entries.get("cost")
            d.cost = campaign.number(e.value) if e else 1
            if d.cost is None or d.cost < 0:
                self.fail(e.line, "cost", "expected a number >= 0, not '%s'" % e.value)
        for key, e in self.slurm.items():
            if key == "cpus_per_task" and not (campaign.number(e.value) or 0) >= 1:
                self.fail(e.line, key, "expected a whole number of at least 1")
        for p in self.policies:
            if not p.settings:
                self.fail(p.line, None, "[policy %s] sets nothing (lines vertex.Attribute = "
                          "value)" % p.name)
            for e in p.settings:
                vertex, _, attribute = e.key.partition(".")
                if vertex == "*":  # every cell: its User Agents', traffic model's, ... attribute
                    self.check_cell_attribute(kinds, attribute, e.line, e.key)
                    continue
                if vertex not in kinds:
                    self.fail(e.line, e.key, "unknown policy setting: no vertex '%s' in %s"
                              % (vertex, self.scenario))
                self.check_attribute(kinds, vertex, attribute, e.line, e.key,
                                     "unknown policy setting")
        if not self.policies:
            self.policies.append(Policy("", None))

    def check_cell_attribute(self, kinds, attribute, line, key):
        """An attribute a cell vertex takes (of one of CELL_TYPES), with cells to set it on."""
        if not any(k == "cell" for k in kinds.values()):
            self.fail(line, key, "unknown policy setting: '*' sets every cell and %s has none"
                      % self.scenario)
        if not re.fullmatch(r"[A-Za-z]\w*", attribute) or not any(
                tid + "::" + attribute in campaign.listed_flags(
                    [self.program, "--PrintAttributes=" + tid]) for tid in CELL_TYPES):
            self.fail(line, key, "unknown policy setting: '%s' is an attribute of none of %s"
                      % (attribute, ", ".join(CELL_TYPES)))

    def check_attribute(self, kinds, vertex, attribute, line, key, what):
        """An attribute name of what the vertex becomes (checked for the elements' classes)."""
        tid = KIND_TYPES.get(kinds[vertex])
        if not re.fullmatch(r"[A-Za-z]\w*", attribute):
            self.fail(line, key, "%s: '%s' is not an attribute name" % (what, attribute))
        if tid and tid + "::" + attribute not in campaign.listed_flags(
                [self.program, "--PrintAttributes=" + tid]):
            self.fail(line, key, "%s: %s (vertex '%s', a %s) has no attribute %s"
                      % (what, tid, vertex, kinds[vertex], attribute))

    def parse_load(self):
        e = self.top.get("load")
        if e is None:
            return []
        parts = e.value.split()
        factor = campaign.number(parts[1]) if len(parts) == 2 else None
        if parts == ["busy-hour"]:
            return []
        if parts and parts[0] in ("holiday", "new-year") and factor is not None and factor >= 0:
            if parts[0] == "new-year":
                return ["--newYear", "--spikeFactor=%s" % campaign.fmt(factor)]
            return ["--ns3::MmsTrafficModel::SpikeFactor=%s" % campaign.fmt(factor),
                    "--ns3::MmsTrafficModel::SpikeHalfWidth=43200s"]
        if len(parts) == 2 and parts[0] == "profile":
            return self.recorded_profile(e.line, parts[1])
        self.fail(e.line, "load", "expected 'busy-hour', 'holiday FACTOR', 'new-year SPIKE' "
                  "(a number >= 0) or 'profile FILE', not '%s'" % e.value)

    def recorded_profile(self, line, name):
        """A recorded load profile: FILE holds the MMS sent in each hour of a day by the whole
        network (24 lines "HOUR COUNT" or "HOUR,COUNT", hour 0 = 00:00-01:00; "#" comments).
        Its shape becomes the traffic model's HourlyProfile and its level the rate per
        subscriber (MessagesPerHour = the day's count / 24 / the scenario's subscribers), so
        that the busy hour run is the recorded one. Cells that set their own MessagesPerHour
        or HourlyProfile in the scenario keep them."""
        path = name if os.path.isabs(name) else os.path.join(self.dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                rows = f.read().splitlines()
        except OSError as x:
            self.fail(line, "load", "profile %s: %s" % (name, x.strerror))
        counts = {}
        for n, row in enumerate(rows, 1):
            row = row.split("#", 1)[0].strip()
            if not row:
                continue
            cols = row.replace(",", " ").split()
            hour = campaign.number(cols[0]) if len(cols) == 2 else None
            count = campaign.number(cols[1]) if len(cols) == 2 else None
            if hour is None or count is None or hour != int(hour) or not 0 <= hour <= 23 \
                    or count < 0 or int(hour) in counts:
                self.fail(line, "load", "profile %s:%d: expected 'HOUR COUNT' with a new hour "
                          "0 to 23 and a count >= 0, not '%s'" % (name, n, row))
            counts[int(hour)] = count
        if len(counts) != 24 or not sum(counts.values()) > 0:
            self.fail(line, "load", "profile %s: need a count for each of the 24 hours, not all "
                      "0 (found %d hours)" % (name, len(counts)))
        body = re.sub(r"//[^\n]*|/\*.*?\*/", "", self.scenario_text, flags=re.S)
        subscribers = sum(int(m.group(1)) for m in re.finditer(
            r"\bsubscribers\s*=\s*\"?(\d+)", body))
        if subscribers == 0:
            self.fail(line, "load", "profile %s: the scenario %s has no subscribers to share "
                      "the recorded counts" % (name, self.scenario))
        day = sum(counts.values())
        return ["--ns3::MmsTrafficModel::HourlyProfile=%s"
                % ",".join(campaign.fmt(counts[h]) for h in range(24)),
                "--ns3::MmsTrafficModel::MessagesPerHour=%s"
                % campaign.fmt(day / 24.0 / subscribers)]

    def cost(self, point):
        return math.fsum(d.cost * point[d.name] for d in self.dimensions)


def known_kpis():
    """The KPI names a target may use: mms-report.py's figures (those of any run) and ours."""
    report = campaign.load_report()
    names = set(EXTRA_KPIS)
    for key, _, _, _ in report.KPIS:
        names.add(key + ".count")
        names.add(key + ".mean")
        names.update(key + "." + p for p in report.PERCENTILES)
    for name, _, _ in report.FAILURES:
        names.add(name + "_failure_ratio")
    names.update(("delivery_ratio", "downlink_utilisation.peak", "uplink_utilisation.peak",
                  "downlink_utilisation.mean", "uplink_utilisation.mean"))
    return names


def vertex_kinds(text):
    """{vertex name: kind} of a DOT scenario (kind "" when the statement gives none)."""
    body = re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.S)
    kinds = {}
    for m in re.finditer(r"(?m)^\s*\"?([A-Za-z_][\w.-]*)\"?\s*\[([^\]]*)\]", body):
        name = m.group(1)
        if name in ("node", "edge", "graph"):
            continue
        k = re.search(r"\bkind\s*=\s*\"?(\w+)", m.group(2))
        if k or name not in kinds:
            kinds[name] = k.group(1) if k else kinds.get(name, "")
    return kinds


# ----------------------------------------------------------------------------- runs


def scenario_for(plan, point, policy):
    """The scenario with the policy's settings and each dimension's attribute set on its
    vertex: a statement per setting added before the closing brace (a later statement of a
    vertex sets its attributes)."""
    text = plan.scenario_text.rstrip()
    if not text.endswith("}"):
        raise PlanError("%s: the scenario does not end with '}'" % plan.scenario)
    cells = [v for v, k in vertex_kinds(text).items() if k == "cell"]
    adds = "".join("    %s [%s=%s]  // mms-plan: policy %s\n" % (
        vertex, e.key.partition(".")[2], dot_value(e.value), policy.name)
        for e in policy.settings
        for vertex in (cells if e.key.startswith("*.") else [e.key.partition(".")[0]]))
    adds += "".join("    %s [%s=%s]  // mms-plan: dimension %s\n" % (
        d.vertex, d.attribute, campaign.fmt(point[d.name]), d.name) for d in plan.dimensions)
    return text[:-1] + adds + "}\n"


def dot_value(text):
    """A value as a DOT attribute value (quoted unless a DOT identifier or number: "1h" is
    neither)."""
    plain = re.fullmatch(r"[A-Za-z_]\w*|-?(\d+(\.\d*)?|\.\d+)", text)
    return text if plain else '"%s"' % text.replace('"', '\\"')


def point_name(plan, point, policy):
    return (policy.name + "-" if policy.name else "") + "-".join(
        "%s%s" % (re.sub(r"\W", "", d.name), re.sub(r"[^\w.]", "_", campaign.fmt(point[d.name])))
        for d in plan.dimensions)


def command(plan, rng):
    args = [plan.program] + list(plan.arguments) + plan.load_arguments
    args += ["--scenario=scenario.dot", "--results=results.sqlite"]
    names = [t.kpi for t in plan.targets]
    if "relay_waiting_probability" in names and not any(
            a.startswith("--ns3::MmsSqliteRecorder::SampleInterval") for a in args):
        args.append("--ns3::MmsSqliteRecorder::SampleInterval=1s")
    if "store_refusal_ratio" in names:
        args.append("--ns3::MmsSqliteRecorder::RecordTransactions=true")
    args.append("--RngRun=%d" % rng)
    return args


class Runner:
    """Runs points through the campaign executors and keeps their KPIs."""

    def __init__(self, plan, out, executor, jobs):
        self.plan, self.out, self.executor, self.jobs = plan, out, executor, jobs
        self.policy = plan.policies[0]  # the policy whose points run now
        self.runs = {}  # name -> run dict (the plan.json entries)
        self.order = []
        self.started = self.executed = 0
        self.report = campaign.load_report()
        os.makedirs(os.path.join(out, "runs"), exist_ok=True)

    def run_entry(self, point, rng):
        name = "%s-r%03d" % (point_name(self.plan, point, self.policy), rng)
        if name not in self.runs:
            args = command(self.plan, rng)
            text = scenario_for(self.plan, point, self.policy)
            digest = campaign.hashlib.sha256("\0".join(args).encode())
            digest.update(text.encode())
            self.runs[name] = {"index": len(self.order), "name": name, "point": 0,
                               "replication": rng - self.plan.first_run, "rng_run": rng,
                               "parameters": dict(point), "command": args, "scenario": text,
                               "digest": digest.hexdigest()}
            self.order.append(name)
        return self.runs[name]

    def execute(self, entries):
        todo = [r for r in entries
                if campaign.run_state(self.out, r, "results.sqlite")[0] != "complete"]
        if not todo:
            return
        doc = {"campaign": os.path.abspath(self.plan.path), "program": self.plan.program,
               "parameters": [d.name for d in self.plan.dimensions],
               "results": "results.sqlite", "template": None,
               "runs": [self.runs[n] for n in self.order]}
        tmp = os.path.join(self.out, "plan.json.tmp")
        with open(tmp, "w") as f:
            json.dump(doc, f, indent=1)
        os.replace(tmp, os.path.join(self.out, "plan.json"))
        self.executed += len(todo)
        campaign.execute(self.out, [r["index"] for r in todo], self.executor, self.jobs,
                         wait=True, slurm=self.plan.slurm, name=PROG)
        failed = [r for r in todo
                  if campaign.run_state(self.out, r, "results.sqlite")[0] != "complete"]
        if failed:
            d = os.path.join(self.out, "runs", failed[0]["name"])
            tail = ""
            try:
                with open(os.path.join(d, "stderr.log"), errors="replace") as f:
                    tail = " ".join(f.read().strip().splitlines()[-2:])
            except OSError:
                pass
            raise RunFailed("%d run(s) failed, the first %s (log %s): %s" % (
                len(failed), failed[0]["name"], os.path.join(d, "stderr.log"), tail))

    def kpis(self, entry):
        d = os.path.join(self.out, "runs", entry["name"])
        cache = os.path.join(d, "kpis.json")
        try:
            with open(cache) as f:
                kept = json.load(f)
            if kept.get("digest") == entry["digest"] and kept.get("warmup") == self.plan.warmup:
                return kept["kpis"]
        except (OSError, ValueError):
            pass
        values = run_kpis(self.report, os.path.join(d, "results.sqlite"), self.plan.warmup)
        with open(cache + ".tmp", "w") as f:
            json.dump({"digest": entry["digest"], "warmup": self.plan.warmup, "kpis": values}, f)
        os.replace(cache + ".tmp", cache)
        return values

    def evaluate(self, point):
        """{kpi: (n, mean, half)} for the targets, with sequential stopping."""
        p = self.plan
        n = p.min_reps
        while True:
            entries = [self.run_entry(point, p.first_run + r) for r in range(n)]
            self.execute(entries)
            values = [self.kpis(e) for e in entries]
            result = {}
            for t in p.targets:
                xs = [v[t.kpi] for v in values if v.get(t.kpi) is not None]
                result[t.kpi] = campaign.interval(xs)
            wide = [t for t in p.targets
                    if result[t.kpi][2] is None or result[t.kpi][2] > t.half]
            if not wide or n >= p.max_reps:
                return Evaluation(point, n, result, entries, values)
            n = min(p.max_reps, n + max(1, p.min_reps // 2))


class RunFailed(Exception):
    pass


class Evaluation:
    def __init__(self, point, n, result, entries, values):
        self.point, self.n, self.result = point, n, result
        self.entries, self.values = entries, values

    def failing(self, targets):
        return [t for t in targets if not t.meets(self.result[t.kpi][1])]


def run_kpis(report, path, warmup):
    """The figures of one run (mms-report.py summary) and the two sampled KPIs."""
    try:
        db = report.Results(path)
    except report.ReportError as e:
        raise PlanError(str(e))
    run = db.run_rows[max(db.run_rows)]
    out = {}
    for f in report.summarise(db, run):
        if isinstance(f.value, (int, float)) and not isinstance(f.value, bool):
            out[f.key] = float(f.value)
    rid = run["id"]
    con = db.con
    last = con.execute("SELECT max(submitted) FROM message WHERE run = ?", (rid,)).fetchone()[0]
    workers = relay_workers(con, rid)
    rows = con.execute(
        "SELECT busy FROM element_sample WHERE run = ? AND busy IS NOT NULL AND time > ? AND "
        "time <= ?", (rid, warmup, last if last is not None else -1)).fetchall()
    if rows and workers:
        out["relay_waiting_probability"] = sum(1 for (b,) in rows if b >= workers) / len(rows)
        out["relay_utilisation"] = math.fsum(b for (b,) in rows) / len(rows) / workers
    sent = con.execute("SELECT count(*), sum(status = 'Ok') FROM message WHERE run = ?",
                       (rid,)).fetchone()
    if sent[0]:
        out["unconfirmed_ratio"] = 1.0 - float(sent[1] or 0) / sent[0]
    puts = con.execute(
        "SELECT count(*), sum(t.status = '507') FROM \"transaction\" t WHERE t.run = ? AND "
        "t.type LIKE 'PUT %'", (rid,)).fetchone()
    if puts[0]:
        out["store_refusal_ratio"] = float(puts[1] or 0) / puts[0]
    # The fullest store: one Server is "server", several (MMSC sites) "server:<name>" each.
    peak = con.execute("SELECT max(stored_bytes) FROM element_sample WHERE run = ? AND "
                       "(element = 'server' OR element LIKE 'server:%')", (rid,)).fetchone()[0]
    if peak is not None:
        out["store_peak_bytes"] = float(peak)
    return out


def relay_workers(con, rid):
    """The Relays' Workers as the run recorded them (one value), else the attribute default."""
    vals = {v for (v,) in con.execute(
        "SELECT value FROM run_attribute WHERE run = ? AND name = 'ns3::MmsRelay::Workers'",
        (rid,))}
    if len(vals) == 1:
        return int(vals.pop())
    return 8 if not vals else None  # the default of ns3::MmsRelay::Workers; several: unknown


# ----------------------------------------------------------------------------- search


class Search:
    def __init__(self, plan, runner, policy):
        self.plan, self.runner, self.policy = plan, runner, policy
        self.evaluations = {}  # tuple of indices -> Evaluation

    def key(self, idx):
        return tuple(idx)

    def point(self, idx):
        return {d.name: d.values[i] for d, i in zip(self.plan.dimensions, idx)}

    def evaluate(self, idx):
        k = self.key(idx)
        if k not in self.evaluations:
            self.runner.policy = self.policy
            self.evaluations[k] = self.runner.evaluate(self.point(idx))
        return self.evaluations[k]

    def ok(self, idx):
        return not self.evaluate(idx).failing(self.plan.targets)

    def descend(self, start, order):
        idx = list(start)
        for _ in range(3):  # passes until nothing changes
            changed = False
            for j in order:
                lo, hi = 0, idx[j]  # hi meets the targets
                while lo < hi:
                    mid = (lo + hi) // 2
                    trial = list(idx)
                    trial[j] = mid
                    if self.ok(trial):
                        hi = mid
                    else:
                        lo = mid + 1
                if hi != idx[j]:
                    idx[j] = hi
                    changed = True
            if not changed or len(order) == 1:
                break
        return idx

    def run(self):
        dims = self.plan.dimensions
        top = [len(d.values) - 1 for d in dims]
        if not self.ok(top):
            return None
        orders = (list(itertools.permutations(range(len(dims)))) if len(dims) <= 3
                  else [list(range(len(dims)))])
        best = None
        for order in orders:
            idx = self.descend(top, order)
            c = self.plan.cost(self.point(idx))
            if best is None or c < best[0] - 1e-12:
                best = (c, idx)
        return best[1]


# ----------------------------------------------------------------------------- report


def bottleneck(plan, search, chosen):
    """(dimension, its vertex, failing KPI, margin) of the next cheaper point failing worst."""
    worst = None
    for j, d in enumerate(plan.dimensions):
        if chosen[j] == 0:
            continue
        cheaper = list(chosen)
        cheaper[j] -= 1
        ev = search.evaluations.get(tuple(cheaper))
        if ev is None:
            continue
        for t in ev.failing(plan.targets):
            m = t.margin(ev.result[t.kpi][1])
            if worst is None or m > worst[3]:
                worst = (d, d.vertex, t.kpi, m)
    return worst


def kpi_cell(r):
    n, mean, half = r
    if mean is None:
        return "-"
    return "%.4g +- %s (n=%d)" % (mean, "-" if half is None else "%.2g" % half, n)


def write_reports(plan, results, out, cost, png):
    """results: (search, chosen point or None) per policy."""
    w = io.StringIO()
    w.write("%s: %s\n" % (PROG, os.path.basename(plan.path)))
    w.write("targets: %s\n" % "; ".join("%s %s %g (95%% half-width <= %g)"
                                      % (t.kpi, t.op, t.limit, t.half) for t in plan.targets))
    for search, chosen in results:
        if search.policy.name:
            w.write("\npolicy %s (%s):\n" % (search.policy.name, ", ".join(
                "%s=%s" % (e.key, e.value) for e in search.policy.settings)))
        policy_report(w, plan, search, chosen)
    if len(results) > 1:
        w.write("\npolicies compared:\n")
        for search, chosen in results:
            w.write("  %-12s %s\n" % (search.policy.name, "no plan" if chosen is None else
                                      "cost %g (%s)" % (plan.cost(search.point(chosen)), ", ".join(
                                          "%s=%s" % (d.name, campaign.fmt(v)) for d, v in zip(
                                              plan.dimensions, search.point(chosen).values())))))
        found = [(plan.cost(s_.point(c)), s_.policy.name) for s_, c in results if c is not None]
        if found:
            w.write("  cheapest: %s\n" % min(found)[1])
    w.write("search: %d points, %d runs (%d executed now), %.1f s wall\n" % (
        sum(len(s_.evaluations) for s_, _ in results),
        sum(e.n for s_, _ in results for e in s_.evaluations.values()), cost[0], cost[1]))
    text = w.getvalue()
    with open(os.path.join(out, "report.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    dims = plan.dimensions
    with open(os.path.join(out, "report.csv"), "w", newline="") as f:
        cw = csv.writer(f, lineterminator="\n")
        cw.writerow(["policy"] + [d.name for d in dims] + [
            "cost", "kpi", "n", "mean", "ci95_low", "ci95_high", "ci95_half_width", "target",
            "meets", "role"])
        for search, chosen in results:
            for r in csv_rows(plan, search, chosen):
                cw.writerow([search.policy.name] + [
                    "-" if v is None else repr(v) if isinstance(v, float) else v for v in r])
    if png:
        plot(png, plan, results)
    write_html(os.path.join(out, "report.html"), plan, results, text)


def policy_report(w, plan, search, chosen):
    dims = plan.dimensions
    if chosen is None:
        top = search.evaluations[tuple(len(d.values) - 1 for d in dims)]
        w.write("NO PLAN: no point in the ranges meets the targets; at the largest point "
                "(%s):\n" % ", ".join("%s=%s" % (d.name, campaign.fmt(d.values[-1]))
                                       for d in dims))
        for t in top.failing(plan.targets):
            w.write("  %s fails: %s, target %s %g\n" % (t.kpi, kpi_cell(top.result[t.kpi]),
                                                       t.op, t.limit))
    else:
        pt = search.point(chosen)
        w.write("chosen: %s; cost %g\n" % (", ".join(
            "%s=%s (%s.%s)" % (d.name, campaign.fmt(pt[d.name]), d.vertex, d.attribute)
            for d in dims), plan.cost(pt)))
        ev = search.evaluations[tuple(chosen)]
        w.write("at the chosen point (%d replications):\n" % ev.n)
        for t in plan.targets:
            w.write("  %-28s %s  target %s %g: %s\n" % (t.kpi, kpi_cell(ev.result[t.kpi]), t.op,
                                                       t.limit, "met" if t.meets(
                                                           ev.result[t.kpi][1]) else "FAILS"))
        for j, d in enumerate(dims):
            if chosen[j] == 0:
                w.write("%s=%s is the smallest value of its range\n"
                        % (d.name, campaign.fmt(d.values[0])))
                continue
            cheaper = list(chosen)
            cheaper[j] -= 1
            ce = search.evaluations.get(tuple(cheaper))
            w.write("next cheaper, %s=%s:" % (d.name, campaign.fmt(d.values[chosen[j] - 1])))
            if ce is None:
                w.write(" not run (another order of the search ruled it out)\n")
                continue
            fails = ce.failing(plan.targets)
            w.write(" fails %s\n" % ", ".join(t.kpi for t in fails) if fails else
                    " meets every target (a cheaper combination needs another dimension "
                    "larger)\n")
            for t in plan.targets:
                w.write("  %-28s %s\n" % (t.kpi, kpi_cell(ce.result[t.kpi])))
        b = bottleneck(plan, search, chosen)
        if b:
            extra = ""
            util = [v.get("relay_utilisation") for v in ev.values]
            if b[0].attribute == "Workers" and all(u is not None for u in util):
                extra = "; Relay utilisation %.3g at the chosen point" % (sum(util) / len(util))
            w.write("bottleneck: %s (dimension %s, attribute %s): one step less fails %s by "
                    "%.1f%% of its limit%s\n" % (b[1], b[0].name, b[0].attribute, b[2],
                                                 100 * b[3], extra))


def csv_rows(plan, search, chosen):
    dims = plan.dimensions
    rows = []
    for k in sorted(search.evaluations):
        ev = search.evaluations[k]
        role = "chosen" if chosen is not None and list(k) == list(chosen) else ""
        if chosen is not None and not role:
            diff = [j for j in range(len(dims)) if k[j] != chosen[j]]
            if len(diff) == 1 and k[diff[0]] == chosen[diff[0]] - 1:
                role = "cheaper:" + dims[diff[0]].name
        for t in plan.targets:
            n, mean, half = ev.result[t.kpi]
            rows.append([search.point(k)[d.name] for d in dims] + [
                plan.cost(search.point(k)), t.kpi, n, mean,
                None if half is None else mean - half, None if half is None else mean + half,
                half, "%s %s" % (t.op, campaign.fmt(t.limit)),
                "yes" if t.meets(mean) else "no", role])
    return rows


def plan_figure(plt, plan, results):
    """Each KPI (rows) against each dimension (columns) through the chosen point: (figure,
    policy labels)."""
    dims, targets = plan.dimensions, plan.targets
    fig, axes = plt.subplots(len(targets), len(dims), figsize=(4.5 * len(dims),
                                                               3 * len(targets)), squeeze=False)
    labels = []
    for search, chosen in results:
        ref = chosen if chosen is not None else [len(d.values) - 1 for d in dims]
        label = search.policy.name or None
        for j, d in enumerate(dims):
            pts = sorted(k for k in search.evaluations
                         if all(k[i] == ref[i] for i in range(len(dims)) if i != j))
            for i, t in enumerate(targets):
                ax = axes[i][j]
                xs, ms, hs = [], [], []
                for k in pts:
                    n, mean, half = search.evaluations[k].result[t.kpi]
                    if mean is not None:
                        xs.append(d.values[k[j]])
                        ms.append(mean)
                        hs.append(half or 0.0)
                line = ax.errorbar(xs, ms, yerr=hs, marker="o", capsize=4, label=label)
                if chosen is not None:
                    ax.axvline(d.values[chosen[j]], color=line[0].get_color(), linestyle=":",
                               linewidth=1)
                ax.axhline(t.limit, color="red", linestyle="--", linewidth=1)
                ax.set_xlabel("%s (%s.%s)" % (d.name, d.vertex, d.attribute))
                ax.set_ylabel(t.kpi)
                ax.grid(True, alpha=0.3)
                if label and len(results) > 1:
                    ax.legend(fontsize="small")
        if label:
            labels.append(label)
    fig.suptitle("%s: mean and 95%% interval per point; red: target, dotted: chosen"
                 % os.path.basename(plan.path), fontsize="medium")
    fig.tight_layout()
    return fig, labels


def plot(path, plan, results):
    if NO_PLOT[0]:
        sys.stdout.write("no PNG written: %s\n" % NO_PLOT[0])
        return
    report = campaign.load_report()
    plt = report.load_pyplot()
    fig, labels = plan_figure(plt, plan, results)
    report.save_png(plt, fig, path, labels)


def write_html(path, plan, results, text):
    """The report as a self-contained HTML page built with mms-report.py html's page code: the
    chosen points, a KPI table with the 95% intervals at each chosen point and its next cheaper
    ones, the plots inline (SVG), and the text report."""
    report = campaign.load_report()
    name = os.path.basename(plan.path)
    page = report.Page("MMS plan: %s" % name)
    page.add(page.body, "h1", "MMS plan: %s" % name)
    page.add(page.body, "p", "Plan file %s, searched by utils/mms-plan.py. The page is "
             "self-contained: its plots are inline SVG." % os.path.abspath(plan.path),
             class_="note")
    nav = page.add(page.body, "nav")
    for ident, title in (("chosen", "Chosen points"), ("kpi", "KPIs"), ("plots", "Plots"),
                         ("text", "Text report")):
        page.add(nav, "a", title, href="#" + ident)
    dims = plan.dimensions
    sec = page.section("chosen", "Chosen points")
    body = page.table(sec, "chosen-table", ["policy"] + ["%s (%s.%s)" % (
        d.name, d.vertex, d.attribute) for d in dims] + ["cost", "bottleneck"])
    for search, chosen in results:
        tr = page.add(body, "tr", data_policy=search.policy.name)
        page.add(tr, "th", search.policy.name or "-")
        if chosen is None:
            page.add(tr, "td", "no point in the ranges meets the targets",
                     colspan=len(dims) + 2, class_="text")
            continue
        pt = search.point(chosen)
        for d in dims:
            page.add(tr, "td", campaign.fmt(pt[d.name]), class_="num", data_role="chosen",
                     data_dimension=d.name)
        page.add(tr, "td", "%g" % plan.cost(pt), class_="num")
        b = bottleneck(plan, search, chosen)
        page.add(tr, "td", "-" if b is None else "%s (%s fails by %.1f%% of its limit one "
                 "step less)" % (b[1], b[2], 100 * b[3]), class_="text")
    sec = page.section("kpi", "KPIs at the chosen points and the next cheaper ones")
    page.add(sec, "p", "Mean over the replications and its 95%% interval (Student t); a "
             "point is chosen when every mean meets its target. Targets: %s." % "; ".join(
                 "%s %s %g (half-width <= %g)" % (t.kpi, t.op, t.limit, t.half)
                 for t in plan.targets), class_="note")
    heads = ["policy"] + [d.name for d in dims] + ["role", "KPI", "n", "mean", "95% low",
                                                    "95% high", "target", "met"]
    body = page.table(sec, "kpi-table", heads)
    for search, chosen in results:
        largest = list(search.point([len(d.values) - 1 for d in dims]).values())
        for r in csv_rows(plan, search, chosen):
            role = r[-1]
            if not role and (chosen is not None or r[:len(dims)] != largest):
                continue  # the chosen point and its next cheaper ones, else the largest
            vals, (_, kpi, n, mean, low, high, _, tgt, meets) = r[:len(dims)], r[len(dims):-1]
            tr = page.add(body, "tr", data_role=role or "largest")
            page.add(tr, "td", search.policy.name or "-")
            for v in vals:
                page.add(tr, "td", campaign.fmt(v), class_="num")
            page.add(tr, "td", role or "largest (no plan)")
            page.add(tr, "th", kpi)
            page.add(tr, "td", str(n), class_="num")
            for v in (mean, low, high):
                page.add(tr, "td", "-" if v is None else "%.4g" % v, class_="num")
            page.add(tr, "td", tgt)
            page.add(tr, "td", meets)
    sec = page.section("plots", "Each KPI against each dimension")
    if NO_PLOT[0]:
        page.add(sec, "p", "No plots: %s" % NO_PLOT[0], class_="note")
    else:
        plt = report.load_pyplot()
        fig, _ = plan_figure(plt, plan, results)
        page.figure(sec, report.inline_svg(fig, plt, "plan"), "Mean and 95% interval of each "
                    "KPI at the points searched along each dimension, the other dimensions at "
                    "their chosen values; red dashed: the target, dotted: the chosen value.")
    sec = page.section("text", "Text report")
    page.add(sec, "pre", text)
    page.write(path)


# ----------------------------------------------------------------------------- main


def parser():
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    for name in ("check", "run"):
        s = sub.add_parser(name)
        s.add_argument("plan", help="the plan file")
        s.add_argument("--build", help="folder of the programs (default: build/ beside utils/)")
        if name == "run":
            s.add_argument("--out", help="the plan's folder (default: PLAN's name + .plan)")
            s.add_argument("--executor", choices=("local", "slurm"), default="local")
            s.add_argument("--jobs", type=int, help="local: runs at a time (default: cores)")
            s.add_argument("--png", help="draw each KPI against each dimension into this PNG")
    return p


NO_PLOT = [None]  # why no PNG can be drawn (matplotlib missing), when so


def main(argv=None):
    args = parser().parse_args(argv)
    if args.command == "run":  # the PNG and the HTML page's plots
        try:  # before anything is printed: this may run the tool again on another Python
            mms_python.require("matplotlib", "python3-matplotlib")
        except ImportError as e:
            NO_PLOT[0] = str(e)
    try:
        plan = Plan(args.plan, args.build)
        if args.command == "check":
            sys.stdout.write("%s: %d dimension(s), %d target(s), %d points at most\n" % (
                args.plan, len(plan.dimensions), len(plan.targets),
                math.prod(len(d.values) for d in plan.dimensions)))
            if plan.load_arguments:
                sys.stdout.write("load: %s\n" % " ".join(plan.load_arguments))
            return 0
        out = os.path.abspath(args.out or os.path.splitext(os.path.basename(args.plan))[0]
                              + ".plan")
        runner = Runner(plan, out, args.executor, args.jobs)
        t0 = time.monotonic()
        results = []
        try:
            for policy in plan.policies:
                search = Search(plan, runner, policy)
                results.append((search, search.run()))
        except RunFailed as e:
            sys.stderr.write("%s: %s\n" % (PROG, e))
            return 1
        write_reports(plan, results, out, (runner.executed, time.monotonic() - t0), args.png)
        return 0 if any(chosen is not None for _, chosen in results) else 1
    except PlanError as e:
        sys.stderr.write("%s: %s\n" % (PROG, e))
        return 2


if __name__ == "__main__":
    sys.exit(main())
