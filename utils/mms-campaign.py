#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
# SPDX-License-Identifier: GPL-2.0-only
"""mms-campaign: parameter sweeps with replications of the module's programs, run locally
(GNU parallel) or on a Slurm cluster (a job array), merged into one results file and reported
as means with 95% confidence intervals.

Usage:
  mms-campaign.py plan   CAMPAIGN [--out DIR] [--build DIR]
  mms-campaign.py run    CAMPAIGN [--out DIR] [--build DIR] [--executor local|slurm]
                                  [--jobs N] [--wait]
  mms-campaign.py status CAMPAIGN [--out DIR]
  mms-campaign.py merge  CAMPAIGN [--out DIR] [-o FILE]
  mms-campaign.py report CAMPAIGN [--out DIR] [--kpi NAME ...] [--format text|csv]
                                  [--png FILE]

The campaign file
  Lines "key = value"; "#" starts a comment; sections in [brackets]. Paths are relative to the
  campaign file's folder.

    program = mms-busy-hour        # a program of the build folder (--build, default: the
                                   # build/ beside utils/), a path, or a program on PATH
    scenario = gprs-cell.dot       # optional: given as --scenario=ABSOLUTE-PATH
    arguments = --duration=60 --drain=120   # fixed arguments, given to every run
    replications = 10              # RngRun values first_run .. first_run + replications - 1
    first_run = 1                  # optional (default 1)
    results = results.sqlite       # optional: the results file each run writes in its folder
                                   # (given as --results=NAME when the program has --results)

    [grid]                         # one dimension per key: every combination is a point
    subscribers = 10, 20, 40       # a list
    duration = 60 to 240 step 60   # a range (60, 120, 180, 240)

    [zip]                          # one dimension: the i-th values go together
    bearer = GPRS-CS2, EDGE-MCS5   # (several [zip] sections: several dimensions)
    ns3::MmsRelay::Workers = 2, 4

    [slurm]                        # for --executor=slurm (all optional)
    partition = debug
    time = 00:10:00                # sbatch --time
    cpus_per_task = 1
    mem = 1G
    options = --qos=short          # more sbatch options

  A parameter is either written into the run's copy of the scenario, where the scenario file
  holds ${NAME} (a scenario template), or given to the program as --NAME=VALUE: then NAME must
  be one of the program's flags (--PrintHelp), an ns-3 attribute ns3::Type::Attribute of a
  type the program knows (--PrintAttributes) or an ns-3 global value (--PrintGlobals).
  RngRun is the replication and cannot be a parameter. Every error in the file (unknown key or
  parameter, bad list or range, missing program or scenario) is one line naming the file, the
  line and the key, exit status 2.

Runs
  Run i of the plan is point p, replication r; it runs in OUT/runs/p<P>-r<RngRun>/ (OUT:
  --out, default CAMPAIGN without its extension + ".runs" in the current folder): the
  program's working directory, with its stdout.log, stderr.log, its results file and a file
  "exit-status" written when it ends. A run is complete when its exit status is 0 and every
  run row of its results file is complete; "run" runs only the runs that are not complete (a
  run interrupted or failed is started again from an empty folder, and so is a run whose
  command or scenario is not the plan's any more: the campaign file or scenario changed). The
  plan is written to OUT/plan.json.

Executors
  local  GNU parallel (Debian: parallel) with a progress bar, --jobs at a time (default: the
         number of cores).
  slurm  sbatch --array with one task per run not complete (the task number is the run's
         index in the plan); the job ids go to OUT/slurm/jobs. --wait waits until the array
         has ended. status reads squeue (pending and running tasks) and the runs' own files
         (there may be no accounting, hence no sacct).

merge
  Every run row of every complete run (in plan order) into one results file (default
  OUT/campaign.sqlite), renumbered from 1, with two more tables: campaign_run (run, point,
  replication, rng_run, directory) and campaign_parameter (run, name, value): the parameter
  values of each run. Every table of the schema refers to a run by its column "run".

Exit status: 0; 1 when run, status or merge leaves runs that are not complete (status and
run list the failed ones with their exit status and log); 2 for a broken campaign file or
another error, with one line.

report
  Per point, each KPI's mean over the replications and its 95% confidence interval, mean +-
  t(0.975, n-1) * s / sqrt(n) (Student t, s the sample standard deviation); a KPI is a figure
  name of mms-report.py summary --format=csv (default: end_to_end_time.p95,
  end_to_end_failure_ratio). A replication whose figure is "-" (e.g. no delivery) does not
  count. --png draws one panel per KPI against the first parameter of the grid (a line per
  combination of the others). The merged file is (re)made first when runs are newer.
"""

import argparse
import csv
import functools
import hashlib
import itertools
import json
import math
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import importlib.util

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # nothing written into the source tree
import mms_python  # noqa: E402  (beside this script)

PROG = "mms-campaign"
HERE = os.path.dirname(os.path.abspath(__file__))
TOP_KEYS = ("program", "scenario", "arguments", "replications", "first_run", "results")
SLURM_KEYS = ("partition", "time", "cpus_per_task", "mem", "options")
DEFAULT_KPIS = ("end_to_end_time.p95", "end_to_end_failure_ratio")


class CampaignError(Exception):
    """An error to report on one line (exit status 2)."""


def load_report():
    """utils/mms-report.py as a module (its reading of results files and its figures)."""
    spec = importlib.util.spec_from_file_location("mms_report", os.path.join(HERE, "mms-report.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ----------------------------------------------------------------------------- campaign file


class Entry:
    __slots__ = ("key", "value", "line")

    def __init__(self, key, value, line):
        self.key, self.value, self.line = key, value, line


def number(text):
    """int or float of text, None when it is not a number."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        v = float(text)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def fmt(v):
    return repr(v) if isinstance(v, float) else str(v)


def key_lines(path, fail):
    """The lines of a campaign (or plan) file: (line number, section header text or None,
    Entry or None), comments and blank lines left out; fail(line, key, what) on a line that is
    neither "[section]" nor "key = value". Shared with mms-plan.py."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for n, raw in enumerate(lines, 1):
        text = raw.strip()
        text = "" if text.startswith("#") else re.split(r"\s#", text, maxsplit=1)[0].strip()
        if not text:
            continue
        m = re.fullmatch(r"\[\s*([^\]]*?)\s*\]", text)
        if m:
            yield n, m.group(1), None
            continue
        if "=" not in text:
            fail(n, None, "expected 'key = value', not '%s'" % text)
        key, value = (s.strip() for s in text.split("=", 1))
        if not key:
            fail(n, None, "no key before '='")
        yield n, None, Entry(key, value, n)


def parse_values(text):
    """The values of a list "a, b, c" or a range "A to B step S" (ascending); ValueError with
    what is wrong otherwise. Shared with mms-plan.py."""
    m = re.fullmatch(r"(\S+)\s+to\s+(\S+)\s+step\s+(\S+)", text)
    if m:
        a, b, s = (number(x) for x in m.groups())
        if a is None or b is None or s is None:
            raise ValueError("bad range '%s': start, end and step must be numbers" % text)
        if s <= 0 or b < a:
            raise ValueError("bad range '%s': expected start <= end and a step > 0" % text)
        count = int(math.floor((b - a) / s + 1e-9)) + 1
        if count > 100000:
            raise ValueError("bad range '%s': %d values" % (text, count))
        if all(isinstance(x, int) for x in (a, b, s)):
            return [a + i * s for i in range(count)]
        return [float(repr(round(a + i * s, 12))) for i in range(count)]
    if re.search(r"\bto\b|\bstep\b", text):
        raise ValueError("bad range '%s': write 'START to END step STEP'" % text)
    items = [x.strip() for x in text.split(",")]
    if not text or any(not x for x in items):
        raise ValueError("bad list '%s': expected values separated by commas" % text)
    return [number(x) if number(x) is not None else x for x in items]


class KeyFile:
    """What campaign and plan files share: errors naming the file, line and key, and the keys
    program, scenario and arguments. Subclasses set path, dir and top (key -> Entry)."""

    def open(self, path):
        self.path = path
        if not os.path.isfile(path):
            raise CampaignError("%s file '%s': no such file" % (self.kind, path))
        self.dir = os.path.dirname(os.path.abspath(path))
        self.top = {}
        self.slurm = {}

    def fail(self, line, key, what):
        where = "%s:%d" % (self.path, line) if line else self.path
        raise CampaignError("%s: %s%s" % (where, "key '%s': " % key if key else "", what))

    def need(self, key):
        if key not in self.top:
            self.fail(None, key, "missing (the %s file must name it)" % self.kind)
        return self.top[key]

    def integer(self, key, default, least):
        e = self.top.get(key)
        if e is None:
            return default
        v = number(e.value)
        if not isinstance(v, int) or v < least:
            self.fail(e.line, key, "expected a whole number of at least %d, not '%s'"
                      % (least, e.value))
        return v

    def read_common(self, build):
        """program (required), scenario (its path and text, or None) and arguments."""
        e = self.need("program")
        self.program = resolve_program(e.value, self.dir, build)
        if self.program is None:
            self.fail(e.line, "program", "no program '%s' (looked in %s)"
                      % (e.value, ", ".join(program_places(e.value, self.dir, build))))
        self.program_name = e.value
        self.scenario = None
        self.template = None
        if "scenario" in self.top:
            e = self.top["scenario"]
            self.scenario = os.path.join(self.dir, e.value)
            if not os.path.isfile(self.scenario):
                self.fail(e.line, "scenario", "no such file '%s'" % self.scenario)
            with open(self.scenario, encoding="utf-8") as f:
                self.template = f.read()
        e = self.top.get("arguments")
        try:
            self.arguments = shlex.split(e.value) if e else []
        except ValueError as x:
            self.fail(e.line, "arguments", "cannot split '%s' (%s)" % (e.value, x))


class Campaign(KeyFile):
    kind = "campaign"

    def __init__(self, path, build=None):
        self.open(path)
        self.dimensions = []  # list of list of Entry: each dimension's parameters
        section = None
        for number_, header, entry in key_lines(path, self.fail):
            if header is not None:
                section = header
                if section not in ("grid", "zip", "slurm"):
                    self.fail(number_, None, "unknown section [%s] (sections: [grid], [zip], "
                              "[slurm])" % section)
                if section == "zip":
                    self.dimensions.append([])
                continue
            key, value = entry.key, entry.value
            if section is None:
                if key not in TOP_KEYS:
                    self.fail(number_, key, "unknown key (keys: %s; parameters go in [grid] or "
                              "[zip])" % ", ".join(TOP_KEYS))
                self.top[key] = entry
            elif section == "slurm":
                if key not in SLURM_KEYS:
                    self.fail(number_, key, "unknown key of [slurm] (keys: %s)"
                              % ", ".join(SLURM_KEYS))
                self.slurm[key] = entry
            elif section == "grid":
                self.dimensions.append([entry])
            else:
                self.dimensions[-1].append(entry)
        self.check(build)

    def values(self, e):
        """The values of a parameter: a list "a, b, c" or a range "A to B step S"."""
        try:
            return parse_values(e.value)
        except ValueError as x:
            self.fail(e.line, e.key, str(x))

    def check(self, build):
        self.read_common(build)
        self.replications = self.integer("replications", None, 1)
        if self.replications is None:
            self.need("replications")
        self.first_run = self.integer("first_run", 1, 1)
        self.results = self.top["results"].value if "results" in self.top else "results.sqlite"
        if "/" in self.results or not self.results:
            self.fail(self.top["results"].line, "results", "a file name, not '%s'" % self.results)
        flags = program_flags(self.program)
        self.has_results_flag = "results" in flags
        placeholders = set(re.findall(r"\$\{([^}]*)\}", self.template or ""))
        self.parameters = []  # names, in file order
        self.columns = []  # per dimension: list of tuples of values
        seen = {}
        for dim in self.dimensions:
            if not dim:
                continue
            lists = []
            for e in dim:
                if e.key in seen:
                    self.fail(e.line, e.key, "parameter given twice (also line %d)" % seen[e.key])
                seen[e.key] = e.line
                if e.key in ("RngRun", "RngSeed"):
                    self.fail(e.line, e.key, "the replications set RngRun; RngSeed stays fixed")
                if e.key not in placeholders:
                    why = unknown_flag(self.program, flags, e.key)
                    if why:
                        self.fail(e.line, e.key, "unknown parameter: %s%s" % (
                            why, "" if self.template is None else
                            ", nor ${%s} in the scenario" % e.key))
                lists.append(self.values(e))
            if len({len(v) for v in lists}) != 1:
                self.fail(dim[-1].line, dim[-1].key, "the parameters of one [zip] need as many "
                          "values each (they have %s)" % ", ".join(str(len(v)) for v in lists))
            self.parameters.extend(e.key for e in dim)
            self.columns.append((dim, list(zip(*lists))))
        self.placeholders = placeholders
        for name in placeholders:
            if name not in seen:
                self.fail(None, "scenario", "the scenario holds ${%s} but no parameter is "
                          "named %s" % (name, name))
        for key, e in self.slurm.items():
            if key == "cpus_per_task" and not (number(e.value) or 0) >= 1:
                self.fail(e.line, key, "expected a whole number of at least 1")

    def points(self):
        """Every parameter point: a list of dicts name -> value, in grid order."""
        out = []
        for combo in itertools.product(*[rows for _, rows in self.columns]):
            point = {}
            for (dim, _), values in zip(self.columns, combo):
                for e, v in zip(dim, values):
                    point[e.key] = v
            out.append(point)
        return out

    def plan(self):
        runs = []
        for p, point in enumerate(self.points()):
            for r in range(self.replications):
                rng = self.first_run + r
                name = "p%03d-r%03d" % (p, rng)
                args = [self.program] + list(self.arguments)
                if self.scenario:
                    args.append("--scenario=" + ("scenario.dot" if self.placeholders
                                                 else self.scenario))
                if self.has_results_flag:
                    args.append("--results=" + self.results)
                for k, v in point.items():
                    if k not in self.placeholders:
                        args.append("--%s=%s" % (k, fmt(v)))
                args.append("--RngRun=%d" % rng)
                digest = hashlib.sha256("\0".join(args).encode())
                digest.update(scenario_text(self.template, point).encode())
                runs.append({"index": len(runs), "name": name, "point": p,
                             "replication": r, "rng_run": rng,
                             "parameters": {k: v for k, v in point.items()},
                             "command": args, "digest": digest.hexdigest()})
        return runs


def scenario_text(template, parameters):
    """The scenario of a run: the template with each ${NAME} replaced ("" without one)."""
    text = template or ""
    for k, v in parameters.items():
        text = text.replace("${%s}" % k, fmt(v))
    return text


def program_places(name, base, build):
    places = []
    if "/" in name:
        return [os.path.join(base, name)]
    for d in (build, os.environ.get("MMS_BUILD"), os.path.join(os.path.dirname(HERE), "build")):
        if d and os.path.join(os.path.abspath(d), name) not in places:
            places.append(os.path.join(os.path.abspath(d), name))
    places.append("PATH")
    return places


def resolve_program(name, base, build):
    for p in program_places(name, base, build):
        if p == "PATH":
            found = shutil.which(name)
            return os.path.abspath(found) if found else None
        if os.path.isfile(p) and os.access(p, os.X_OK):
            return os.path.abspath(p)
    return None


def listed_flags(command):
    try:
        r = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise CampaignError("cannot run %s: %s" % (" ".join(command), e))
    # "--flag:  help [default]", "--ns3::Type::Attribute=[default]", "--Global=[default]: help"
    return {m.split("=", 1)[0].rstrip(":") for m in re.findall(r"^\s*--(\S+)", r.stdout, re.M)}


def program_flags(program):
    return listed_flags([program, "--PrintHelp"]) | listed_flags([program, "--PrintGlobals"])


def unknown_flag(program, flags, name):
    """Why --name is not a flag of program ("" when it is)."""
    if name in flags:
        return ""
    if name.startswith("ns3::") and name.count("::") >= 2:
        tid = name.rsplit("::", 1)[0]
        attrs = listed_flags([program, "--PrintAttributes=" + tid])
        if name in attrs:
            return ""
        if not attrs:
            return "%s knows no ns-3 type %s" % (os.path.basename(program), tid)
        return "%s has no attribute %s" % (tid, name.rsplit("::", 1)[1])
    return "not a flag of %s (--PrintHelp) nor an ns-3 global value (--PrintGlobals)" % (
        os.path.basename(program))


# ----------------------------------------------------------------------------- runs


def out_dir(args):
    if args.out:
        return os.path.abspath(args.out)
    stem = os.path.splitext(os.path.basename(args.campaign))[0]
    return os.path.abspath(stem + ".runs")


def run_state(out, run, results):
    """("complete" | "failed" | "incomplete" | "changed" | "pending", exit status or None).
    "changed": run with another command or scenario than the plan's (the campaign file or the
    scenario changed since), so it is run again."""
    d = os.path.join(out, "runs", run["name"])
    if not os.path.isdir(d):
        return "pending", None
    try:
        with open(os.path.join(d, "digest")) as f:
            if f.read().strip() != run["digest"]:
                return "changed", None
    except OSError:
        return "incomplete", None
    try:
        with open(os.path.join(d, "exit-status")) as f:
            status = int(f.read().strip())
    except (OSError, ValueError):
        return "incomplete", None
    if status != 0:
        return "failed", status
    files = result_files(d, results)
    if not files:
        return "failed", status
    for path in files:
        try:
            con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
            states = [r[0] for r in con.execute("SELECT status FROM run")]
            con.close()
        except sqlite3.DatabaseError:
            return "failed", status
        if not states or any(s != "complete" for s in states):
            return "failed", status
    return "complete", 0


def result_files(d, results):
    """The results files a run left in its folder: `results` or else every *.sqlite."""
    if os.path.isfile(os.path.join(d, results)):
        return [os.path.join(d, results)]
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".sqlite"))


def exec_run(out, index):
    """Runs run `index` of OUT/plan.json in its folder (the worker of both executors)."""
    with open(os.path.join(out, "plan.json")) as f:
        plan = json.load(f)
    run = plan["runs"][index]
    if run_state(out, run, plan["results"])[0] == "complete":
        return 0
    d = os.path.join(out, "runs", run["name"])
    if os.path.isdir(d):
        shutil.rmtree(d)  # a run started before and not complete: from an empty folder
    os.makedirs(d)
    if run.get("scenario") is not None:  # mms-plan.py: each run's own scenario text
        with open(os.path.join(d, "scenario.dot"), "w") as f:
            f.write(run["scenario"])
    elif plan.get("template") is not None:
        with open(os.path.join(d, "scenario.dot"), "w") as f:
            f.write(scenario_text(plan["template"], run["parameters"]))
    with open(os.path.join(d, "digest"), "w") as f:
        f.write(run["digest"] + "\n")
    with open(os.path.join(d, "command"), "w") as f:
        f.write(" ".join(shlex.quote(a) for a in run["command"]) + "\n")
    with open(os.path.join(d, "stdout.log"), "wb") as so, \
            open(os.path.join(d, "stderr.log"), "wb") as se:
        try:
            rc = subprocess.call(run["command"], cwd=d, stdout=so, stderr=se)
        except OSError as e:
            se.write(("%s: cannot start %s: %s\n" % (PROG, run["command"][0], e)).encode())
            rc = 127
    tmp = os.path.join(d, "exit-status.tmp")
    with open(tmp, "w") as f:
        f.write("%d\n" % rc)
    os.replace(tmp, os.path.join(d, "exit-status"))
    return rc


def write_plan(campaign, out):
    os.makedirs(out, exist_ok=True)
    runs = campaign.plan()
    plan = {"campaign": os.path.abspath(campaign.path), "program": campaign.program,
            "parameters": campaign.parameters, "results": campaign.results,
            "template": campaign.template if campaign.placeholders else None, "runs": runs}
    tmp = os.path.join(out, "plan.json.tmp")
    with open(tmp, "w") as f:
        json.dump(plan, f, indent=1)
    os.replace(tmp, os.path.join(out, "plan.json"))
    return runs


def index_ranges(ids):
    parts, start, prev = [], None, None
    for i in ids + [None]:
        if start is not None and (i is None or i != prev + 1):
            parts.append(str(start) if start == prev else "%d-%d" % (start, prev))
            start = None
        if i is not None:
            if start is None:
                start = i
            prev = i
    return ",".join(parts)


def cmd_plan(args, campaign):
    runs = campaign.plan()
    out = sys.stdout
    out.write("%s: %d runs (%d points x %d replications, RngRun %d-%d) of %s\n" % (
        campaign.path, len(runs), len(campaign.points()), campaign.replications,
        campaign.first_run, campaign.first_run + campaign.replications - 1, campaign.program))
    for r in runs:
        out.write("%4d %s  %s\n" % (r["index"], r["name"],
                                    " ".join(shlex.quote(a) for a in r["command"][1:])))
    return 0


def cmd_run(args, campaign):
    out = out_dir(args)
    runs = write_plan(campaign, out)
    todo = [r["index"] for r in runs if run_state(out, r, campaign.results)[0] != "complete"]
    sys.stdout.write("%s: %d runs, %d complete, %d to run (%s) in %s\n" % (
        campaign.path, len(runs), len(runs) - len(todo), len(todo), args.executor, out))
    sys.stdout.flush()
    if not todo:
        return 0
    execute(out, todo, args.executor, args.jobs, args.wait, campaign.slurm,
            os.path.splitext(os.path.basename(campaign.path))[0])
    if args.executor == "local" or args.wait:
        return report_status(out, runs, campaign.results, brief=True)
    return 0


def execute(out, todo, executor, jobs=None, wait=False, slurm=None, name="mms-campaign"):
    """Runs the runs `todo` (indices into OUT/plan.json) with an executor: "local" (GNU
    parallel, `jobs` at a time) or "slurm" (one array task per run; `slurm`: the [slurm] keys,
    as Entry; `wait`: until the array has ended). Shared with mms-plan.py."""
    worker = [sys.executable or "python3", os.path.abspath(__file__), "exec", out]
    if executor == "local":
        if not shutil.which("parallel"):
            raise CampaignError("the local executor needs GNU parallel (Debian: parallel)")
        jobs = jobs or os.cpu_count() or 1
        # The progress bar on a terminal only (elsewhere it would be a line per update).
        bar = ["--bar"] if sys.stderr.isatty() else []
        cmd = ["parallel", "--will-cite"] + bar + ["--jobs", str(jobs), "--halt", "never",
               " ".join(shlex.quote(a) for a in worker) + " {}", ":::"] + [str(i) for i in todo]
        subprocess.call(cmd, stdout=subprocess.DEVNULL)
        return
    # Slurm: one array task per run; the task runs the worker on its own index.
    sdir = os.path.join(out, "slurm")
    os.makedirs(sdir, exist_ok=True)
    script = os.path.join(sdir, "job.sh")
    with open(script, "w") as f:
        f.write("#!/bin/sh\n# %s: one run of the campaign per array task\n" % PROG)
        f.write("exec %s \"$SLURM_ARRAY_TASK_ID\"\n" % " ".join(shlex.quote(a) for a in worker))
    os.chmod(script, 0o755)
    cmd = ["sbatch", "--parsable", "--array=" + index_ranges(todo),
           "--job-name=" + name,
           "--output=" + os.path.join(sdir, "%A_%a.out")]
    s = slurm or {}
    if "partition" in s:
        cmd.append("--partition=" + s["partition"].value)
    if "time" in s:
        cmd.append("--time=" + s["time"].value)
    cmd.append("--cpus-per-task=" + (s["cpus_per_task"].value if "cpus_per_task" in s else "1"))
    if "mem" in s:
        cmd.append("--mem=" + s["mem"].value)
    if "options" in s:
        cmd.extend(shlex.split(s["options"].value))
    if wait:
        cmd.append("--wait")
    cmd.append(script)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    job = r.stdout.strip().split(";")[0].split("\n")[0]
    if job:
        with open(os.path.join(sdir, "jobs"), "a") as f:
            f.write(job + "\n")
    if r.returncode != 0 and not (wait and job):
        raise CampaignError("sbatch failed (exit status %d): %s" % (
            r.returncode, r.stderr.strip() or r.stdout.strip()))
    sys.stdout.write("submitted job array %s (%d tasks)\n" % (job, len(todo)))
    sys.stdout.flush()


def slurm_tasks(out):
    """{plan index: state} of the campaign's array tasks squeue still lists."""
    path = os.path.join(out, "slurm", "jobs")
    if not os.path.exists(path) or not shutil.which("squeue"):
        return {}
    with open(path) as f:
        jobs = [j.strip() for j in f if j.strip()]
    r = subprocess.run(["squeue", "--noheader", "--array", "--jobs=" + ",".join(jobs),
                        "--format=%i %T"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       text=True)
    tasks = {}
    for line in r.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and "_" in parts[0]:
            task = parts[0].split("_", 1)[1]
            if task.isdigit():
                tasks[int(task)] = parts[1].lower()
            else:  # pending tasks not yet split: 0-9 or [0-9%2]
                for a, b in re.findall(r"(\d+)(?:-(\d+))?", task.split("%")[0]):
                    for i in range(int(a), int(b or a) + 1):
                        tasks[i] = parts[1].lower()
    return tasks


def report_status(out, runs, results, brief=False):
    queued = slurm_tasks(out)
    counts, failed = {}, []
    for r in runs:
        state, status = run_state(out, r, results)
        if state != "complete" and r["index"] in queued:
            state = queued[r["index"]]
        counts[state] = counts.get(state, 0) + 1
        if state == "failed":
            failed.append((r, status))
    w = sys.stdout.write
    w("%d runs: %s\n" % (len(runs), ", ".join("%d %s" % (n, s) for s, n in sorted(counts.items()))))
    for r, status in failed:
        d = os.path.join(out, "runs", r["name"])
        why = "exit status %d" % status if status else "results file missing or not complete"
        w("failed: run %d %s (%s), log %s\n" % (r["index"], r["name"], why,
                                               os.path.join(d, "stderr.log")))
        if not brief:
            try:
                with open(os.path.join(d, "stderr.log"), errors="replace") as f:
                    tail = f.read().strip().splitlines()[-3:]
                for line in tail:
                    w("    %s\n" % line)
            except OSError:
                pass
    return 0 if counts.get("complete", 0) == len(runs) else 1


def load_plan(out):
    try:
        with open(os.path.join(out, "plan.json")) as f:
            return json.load(f)
    except OSError:
        raise CampaignError("%s: no campaign run here yet (no plan.json; run 'run' first)" % out)


def cmd_status(args, campaign):
    out = out_dir(args)
    plan = load_plan(out)
    return report_status(out, plan["runs"], plan["results"])


# ----------------------------------------------------------------------------- merge


def merge(out, plan, dest):
    runs = [r for r in plan["runs"] if run_state(out, r, plan["results"])[0] == "complete"]
    if not runs:
        raise CampaignError("%s: no complete run to merge" % out)
    tmp = dest + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("BEGIN")
    schema_done = False
    tables = []
    next_id = 1
    for r in runs:
        for path in result_files(os.path.join(out, "runs", r["name"]), plan["results"]):
            src = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
            if not schema_done:
                version = src.execute("PRAGMA user_version").fetchone()[0]
                for (sql,) in src.execute(
                        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE "
                        "'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 "
                        "ELSE 2 END, rowid"):
                    con.execute(sql)
                con.execute("PRAGMA user_version = %d" % version)
                con.execute("CREATE TABLE campaign_run (run INTEGER PRIMARY KEY REFERENCES "
                            "run(id), point INTEGER NOT NULL, replication INTEGER NOT NULL, "
                            "rng_run INTEGER NOT NULL, directory TEXT NOT NULL)")
                con.execute("CREATE TABLE campaign_parameter (run INTEGER NOT NULL REFERENCES "
                            "run(id), name TEXT NOT NULL, value)")
                tables = [t for (t,) in src.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    "'sqlite_%' ORDER BY rowid")]
                schema_done = True
            ids = {}
            for (old,) in src.execute("SELECT id FROM run ORDER BY id"):
                ids[old] = next_id
                next_id += 1
            for table in tables:
                cols = [d[0] for d in src.execute('SELECT * FROM "%s" LIMIT 0' % table).description]
                key = cols.index("id" if table == "run" else "run")
                rows = []
                for row in src.execute('SELECT * FROM "%s" ORDER BY rowid' % table):
                    row = list(row)
                    row[key] = ids[row[key]]
                    rows.append(row)
                con.executemany('INSERT INTO "%s" (%s) VALUES (%s)' % (
                    table, ", ".join('"%s"' % c for c in cols), ", ".join("?" * len(cols))), rows)
            src.close()
            for new in ids.values():
                con.execute("INSERT INTO campaign_run VALUES (?, ?, ?, ?, ?)",
                            (new, r["point"], r["replication"], r["rng_run"], r["name"]))
                con.executemany("INSERT INTO campaign_parameter VALUES (?, ?, ?)",
                                [(new, k, v) for k, v in r["parameters"].items()])
    con.execute("COMMIT")
    con.close()
    os.replace(tmp, dest)
    return len(runs), next_id - 1


def cmd_merge(args, campaign):
    out = out_dir(args)
    plan = load_plan(out)
    dest = os.path.abspath(args.output or os.path.join(out, "campaign.sqlite"))
    n, rows = merge(out, plan, dest)
    sys.stdout.write("%s: %d of %d runs (%d run rows) merged\n" % (dest, n, len(plan["runs"]),
                                                                  rows))
    return 0 if n == len(plan["runs"]) else 1


# ----------------------------------------------------------------------------- report


def t_density(x, df):
    return math.exp(math.lgamma((df + 1) / 2.0) - math.lgamma(df / 2.0)
                    - 0.5 * math.log(df * math.pi) - (df + 1) / 2.0 * math.log1p(x * x / df))


def t_cdf_half(x, df, steps=4000):
    """P(0 < T < x) by Simpson's rule (x >= 0)."""
    h = x / steps
    s = t_density(0, df) + t_density(x, df)
    for i in range(1, steps):
        s += (4 if i % 2 else 2) * t_density(i * h, df)
    return s * h / 3.0


@functools.lru_cache(maxsize=None)
def t_quantile(p, df):
    """The p-quantile (p > 0.5) of Student's t with df degrees of freedom, by bisection."""
    lo, hi = 0.0, 1.0
    while t_cdf_half(hi, df) < p - 0.5:
        hi *= 2
    for _ in range(60):
        mid = (lo + hi) / 2
        if t_cdf_half(mid, df) < p - 0.5:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def interval(values):
    """(n, mean, half width of the 95% interval or None)."""
    n = len(values)
    if n == 0:
        return 0, None, None
    mean = math.fsum(values) / n
    if n < 2:
        return n, mean, None
    s = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
    return n, mean, t_quantile(0.975, n - 1) * s / math.sqrt(n)


def cmd_report(args, campaign):
    out = out_dir(args)
    plan = load_plan(out)
    merged = os.path.join(out, "campaign.sqlite")
    newest = max([os.path.getmtime(os.path.join(out, "runs", r["name"], "exit-status"))
                  for r in plan["runs"]
                  if os.path.exists(os.path.join(out, "runs", r["name"], "exit-status"))],
                 default=0)
    if not os.path.exists(merged) or os.path.getmtime(merged) < newest:
        merge(out, plan, merged)
    report = load_report()
    try:
        db = report.Results(merged)
    except report.ReportError as e:
        raise CampaignError(str(e))
    kpis = args.kpi or list(DEFAULT_KPIS)
    params = plan["parameters"]
    where = {r: (p, rep) for r, p, rep in db.q("SELECT run, point, replication FROM campaign_run")}
    # Several run rows from one run (a program that records several runs, e.g. one per load):
    # the k-th of each replication of a point go together ("part" k).
    parts, seen = {}, {}
    for rid in sorted(where):
        key = where[rid]
        parts[rid] = seen.get(key, 0) + 1
        seen[key] = parts[rid]
    multi = max(parts.values(), default=1) > 1
    values = {}
    for rid, run in sorted(db.run_rows.items()):
        if rid not in where:
            continue
        figures = {f.key: f.value for f in report.summarise(db, run)}
        group = (where[rid][0], parts[rid])
        for k in kpis:
            v = figures.get(k)
            values.setdefault((group, k), [])
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                values[(group, k)].append(float(v))
    unknown = [k for k in kpis if all(not v for (g, kk), v in values.items() if kk == k)
               and not any(k == f.key for rid in list(db.run_rows)[:1]
                           for f in report.summarise(db, db.run_rows[rid]))]
    if unknown:
        raise CampaignError("no figure named %s (the names of mms-report.py summary "
                            "--format=csv)" % ", ".join(unknown))
    points = {}
    for r in plan["runs"]:
        points[r["point"]] = r["parameters"]
    groups = sorted({g for (g, _) in values})
    rows = []
    for g in groups:
        for k in kpis:
            n, mean, half = interval(values.get((g, k), []))
            rows.append((g, k, n, mean, half))
    head = ["point"] + params + (["part"] if multi else []) + ["kpi", "n", "mean", "ci95_low",
                                                             "ci95_high", "ci95_half_width"]
    table = []
    for (p, part), k, n, mean, half in rows:
        table.append([p] + [points[p].get(x) for x in params] + ([part] if multi else [])
                     + [k, n, mean, None if half is None else mean - half,
                        None if half is None else mean + half, half])
    if args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(head)
        for row in table:
            w.writerow(["-" if v is None else repr(v) if isinstance(v, float) else v for v in row])
    else:
        cells = [[("-" if v is None else "%.6g" % v if isinstance(v, float) else str(v))
                  for v in row] for row in table]
        widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
        sys.stdout.write("%s: %d runs, 95%% confidence intervals (Student t over the "
                         "replications)\n" % (merged, len(where)))
        sys.stdout.write("  ".join(h.rjust(widths[i]) for i, h in enumerate(head)) + "\n")
        for c in cells:
            sys.stdout.write("  ".join(x.rjust(widths[i]) for i, x in enumerate(c)) + "\n")
    if args.png:
        plot(args.png, report, params, points, kpis, rows, campaign)
    return 0


def plot(path, report, params, points, kpis, rows, campaign):
    plt = report.load_pyplot()
    fig, axes = plt.subplots(len(kpis), 1, figsize=(7, 3.2 * len(kpis)), squeeze=False)
    x_name = params[0] if params else None
    labels = []
    for ax, k in zip(axes[:, 0], kpis):
        series = {}
        for (p, part), kk, n, mean, half in rows:
            if kk != k or mean is None:
                continue
            rest = tuple((x, points[p][x]) for x in params[1:]) + ((("part", part),) if part > 1 else ())
            x = points[p][x_name] if x_name else p
            series.setdefault(rest, []).append((x, mean, half or 0.0))
        for rest, pts in sorted(series.items(), key=lambda s: str(s[0])):
            pts.sort(key=lambda t: (str(type(t[0])), t[0]))
            label = ", ".join("%s=%s" % (a, fmt(b)) for a, b in rest) or k
            xs = [t[0] for t in pts]
            ax.errorbar(xs, [t[1] for t in pts], yerr=[t[2] for t in pts], marker="o",
                        capsize=4, label=label)
            labels.append(label)
        ax.set_xlabel(x_name or "point")
        ax.set_ylabel(k)
        ax.grid(True, alpha=0.3)
        if len(series) > 1:
            ax.legend(fontsize="small")
    fig.suptitle("%s: mean and 95%% confidence interval over %d replications"
                 % (os.path.basename(campaign.path), campaign.replications), fontsize="medium")
    fig.tight_layout()
    report.save_png(plt, fig, path, labels)


# ----------------------------------------------------------------------------- main


def parser():
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    for name in ("plan", "run", "status", "merge", "report"):
        s = sub.add_parser(name)
        s.add_argument("campaign", help="the campaign file")
        s.add_argument("--out", help="the campaign's folder (default: CAMPAIGN's name + .runs)")
        s.add_argument("--build", help="folder of the programs (default: build/ beside utils/)")
        if name == "run":
            s.add_argument("--executor", choices=("local", "slurm"), default="local")
            s.add_argument("--jobs", type=int, help="local: runs at a time (default: cores)")
            s.add_argument("--wait", action="store_true", help="slurm: wait for the array")
        if name == "merge":
            s.add_argument("-o", "--output", help="the merged file (default OUT/campaign.sqlite)")
        if name == "report":
            s.add_argument("--kpi", action="append", help="a figure name of mms-report.py "
                           "summary --format=csv (repeatable)")
            s.add_argument("--format", choices=("text", "csv"), default="text")
            s.add_argument("--png", help="draw the intervals into this PNG")
    e = sub.add_parser("exec", help=argparse.SUPPRESS)
    e.add_argument("out")
    e.add_argument("index", type=int)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        if args.command == "exec":
            return exec_run(args.out, args.index)
        if args.command == "report" and args.png:
            mms_python.require("matplotlib", "python3-matplotlib")
        campaign = Campaign(args.campaign, args.build)
        return {"plan": cmd_plan, "run": cmd_run, "status": cmd_status, "merge": cmd_merge,
                "report": cmd_report}[args.command](args, campaign)
    except CampaignError as e:
        sys.stderr.write("%s: %s\n" % (PROG, e))
        return 2


if __name__ == "__main__":
    sys.exit(main())
