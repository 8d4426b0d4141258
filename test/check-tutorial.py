#!/usr/bin/python3
"""Run one exercise of doc/tutorial.rst as a student would, and check the facts its solution
states, so that a change of the model that makes the tutorial wrong fails a test.

  test/check-tutorial.py --exercise N --tutorial doc/tutorial.rst --build BUILD --out DIR
  test/check-tutorial.py --exercise N ... --print      (print what it measured, check nothing)

The tutorial is read with docutils (Debian: python3-docutils). In the section "Exercise N:
...", every line that starts with "$ " in a literal block is a command: they run in that order
in one bash session, with HOME set to DIR (so "~/mms-tutorial/N" is DIR/mms-tutorial/N) and
MMS set to a folder whose build, utils and examples are BUILD and the module's own (so
"$MMS/build/mms-first" is the program just built). A file the exercise asks the student to
write (FILES below) is put in place first, from the module's solution of it. A command may
exit with a status other than 0 only if a fact says so.

The facts are the rows of the exercise's table titled "Checked by the CTest ...": a fact, its
value, and how it is checked: "± X" (absolute), "± X %" (relative), "at least X", "at most X",
"exactly" (the text, or the number as written). The checker measures each fact from the
commands' outputs and files (MEASURES below, one function per exercise); a fact it does not
know, or a fact it measures that the table does not state, is a failure too, so the table and
the checker cannot drift apart.

Exit status 0 when every fact holds, 1 otherwise (each difference named), 2 on bad arguments.
"""

import argparse
import csv
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
LADDER_LINE = re.compile(r"^\s*(\d+\.\d{3}) +(\d+\.\d{3}|-)  ( *\|.*\|) +(\S.*)$")
WIDTH = 13  # characters per lifeline in a text ladder
# The traffic model's busy hour (21:00-22:00) has 2.08 times the day's mean rate (the
# HourlyProfile of ns3::MmsTrafficModel, doc/mms.rst).
BUSY_HOUR = 2.08
# Files an exercise asks the student to write, and the module's solution of each.
FILES = {6: {"campus.dot": "examples/scenarios/campus.dot"}}
# Commands that are meant to fail (a fact checks their exit status).
MAY_FAIL = {6: [r"--scenario=broken.dot"]}


class Failed(Exception):
    pass


# ----------------------------------------------------------------------------- the tutorial


def exercise_section(tutorial, number, need_facts=True):
    """(commands, facts) of exercise `number`: the "$ " lines of its literal blocks, and the
    rows (fact, value, check) of its table of checked facts."""
    try:
        import docutils.core
        import docutils.nodes
    except ImportError as e:
        raise Failed("reading %s needs docutils (Debian: python3-docutils): %s" % (tutorial, e))
    with open(tutorial, encoding="utf-8") as f:
        text = f.read()
    doc = docutils.core.publish_doctree(
        text, source_path=tutorial, settings_overrides={"report_level": 5, "halt_level": 5}
    )
    wanted = "Exercise %d:" % number
    sections = [
        s
        for s in doc.traverse(docutils.nodes.section)
        if s.children and s[0].astext().startswith(wanted)
    ]
    if len(sections) != 1:
        raise Failed("%s: %d sections titled '%s ...'" % (tutorial, len(sections), wanted))
    section = sections[0]
    commands = []
    for block in section.traverse(docutils.nodes.literal_block):
        for line in block.astext().splitlines():
            if line.startswith("$ "):
                commands.append(line[2:].strip())
    facts = []
    for table in section.traverse(docutils.nodes.table):
        title = table.next_node(docutils.nodes.title)
        if title is None or not title.astext().startswith("Checked by the CTest"):
            continue
        for row in table.traverse(docutils.nodes.row):
            cells = [e.astext().strip() for e in row.traverse(docutils.nodes.entry)]
            if len(cells) == 3 and cells[0] != "Fact":
                facts.append(tuple(cells))
    if not commands:
        raise Failed("exercise %d: no commands (lines starting '$ ' in literal blocks)" % number)
    if not facts and need_facts:
        raise Failed("exercise %d: no table titled 'Checked by the CTest ...'" % number)
    return commands, facts


# ----------------------------------------------------------------------------- running


class Run:
    """The outputs of the commands of an exercise."""

    def __init__(self, commands, outputs, work):
        self.commands, self.outputs, self.work = commands, outputs, work

    def find(self, pattern):
        """(stdout, stderr, exit status) of the first command matching the expression."""
        for command, output in zip(self.commands, self.outputs):
            if re.search(pattern, command):
                return output
        raise Failed(
            "no command matching %r among:\n  %s" % (pattern, "\n  ".join(self.commands))
        )

    def output(self, pattern):
        return self.find(pattern)[0]

    def stderr(self, pattern):
        return self.find(pattern)[1]

    def status(self, pattern):
        return self.find(pattern)[2]

    def path(self, name):
        """A file the commands wrote, in the folder the last command ran in."""
        return os.path.join(self.work, name)

    def db(self, name):
        path = self.path(name)
        if not os.path.exists(path):
            raise Failed("the commands wrote no %s" % path)
        return sqlite3.connect("file:%s?mode=ro" % path, uri=True)


def run_commands(number, commands, build, out):
    """Run the commands in one bash session; returns a Run."""
    home = os.path.join(out, "home")
    root = os.path.join(out, "module")
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(home)
    os.makedirs(root)
    for name, target in (
        ("build", build),
        ("utils", os.path.join(SOURCE, "utils")),
        ("examples", os.path.join(SOURCE, "examples")),
    ):
        os.symlink(os.path.abspath(target), os.path.join(root, name))
    logs = os.path.join(out, "logs")
    shutil.rmtree(logs, ignore_errors=True)
    os.makedirs(logs)
    script = ["cd \"$HOME\""]
    for i, command in enumerate(commands):
        if command.startswith("export MMS="):
            continue
        script.append(
            "{ %s\n} > %s/out.%d 2> %s/err.%d < /dev/null; echo $? > %s/rc.%d; pwd > %s/pwd.%d"
            % (command, logs, i, logs, i, logs, i, logs, i)
        )
        if i == 0:
            # What the student writes: the module's solution, in the exercise's folder, which
            # the first command makes and enters.
            for name, solution in FILES.get(number, {}).items():
                script.append("cp %s %s" % (os.path.join(SOURCE, solution), name))
    env = dict(os.environ)
    env.update({"HOME": home, "MMS": root, "LC_ALL": "C.UTF-8"})
    env.pop("MMS_PYTHON_REEXEC", None)
    p = subprocess.run(
        ["bash", "-c", "\n".join(script)], env=env, capture_output=True, text=True, timeout=1800
    )
    if p.returncode != 0:
        raise Failed("the commands' shell failed (%d): %s" % (p.returncode, p.stderr[-2000:]))
    outputs, work = [], home
    for i, command in enumerate(commands):
        if command.startswith("export MMS="):
            outputs.append(("", "", 0))
            continue

        def read(kind):
            path = os.path.join(logs, "%s.%d" % (kind, i))
            with open(path, encoding="utf-8", errors="replace") as f:
                return f.read()

        outputs.append((read("out"), read("err"), int(read("rc").strip() or -1)))
        work = read("pwd").strip()
    return Run(commands, outputs, work)


# ----------------------------------------------------------------------------- helpers


def ladder(text):
    """The lines of a text ladder (mms-first's or mms-report.py ladder's): dicts with sent,
    arrived (None: never), src, dst (lifeline indexes), description, tid, label."""
    rows = []
    for line in text.splitlines():
        m = LADDER_LINE.match(line)
        if not m:
            continue
        # The art starts at the first lifeline's row position: lifeline c is at c * WIDTH +
        # WIDTH // 2; the arrow fills the positions between two lifelines.
        art = m.group(3)
        marks = [i for i, ch in enumerate(art) if ch in "-<>"]
        lo = (marks[0] - 1 - WIDTH // 2) // WIDTH
        hi = (marks[-1] + 1 - WIDTH // 2) // WIDTH
        src, dst = (lo, hi) if ">" in art else (hi, lo)
        label = m.group(4)
        desc = re.split(r" tid=| \(", label)[0]
        tid = re.search(r" tid=(\S+)", label)
        rows.append(
            {
                "sent": float(m.group(1)),
                "arrived": None if m.group(2) == "-" else float(m.group(2)),
                "src": src,
                "dst": dst,
                "description": desc,
                "tid": tid.group(1) if tid else "",
                "label": label,
                "issued": float(re.search(r"issued (\d+\.\d+)", label).group(1))
                if "issued " in label
                else float(m.group(1)),
            }
        )
    return rows


def kpis(text):
    """The KPI table of an end-of-run summary: {kpi: (n, mean, p50, p90, p95, p99)}."""
    out = {}
    for name in ("send time", "notification time", "retrieval time", "end-to-end time"):
        m = re.search(r"^\s*%s\s+(\d+)\s+(.*)$" % name, text, re.M)
        if m:
            values = [float(v) if v != "-" else None for v in m.group(2).split()]
            out[name] = (int(m.group(1)), *values)
    return out


def first(rows, description, nth=0):
    found = [r for r in rows if r["description"] == description]
    if len(found) <= nth:
        raise Failed("no ladder line '%s' (%d found)" % (description, len(found)))
    return found[nth]


def erlang_c(c, a):
    """Probability that an arrival waits in M/M/c with offered load a (Erlang)."""
    top = a ** c / math.factorial(c) * c / (c - a)
    return top / (sum(a ** k / math.factorial(k) for k in range(c)) + top)


def scenario(path):
    """The figures of a scenario file the exercises compute with: total subscribers, and the
    first MessagesPerHour and Mean (of a random variable) it sets."""
    if not os.path.isabs(path):
        path = os.path.join(SOURCE, "examples", "scenarios", path)
    with open(path) as f:
        text = re.sub(r"//.*", "", f.read())
    out = {"subscribers": sum(int(n) for n in re.findall(r"subscribers=(\d+)", text))}
    for name in ("MessagesPerHour", "Mean"):
        m = re.search(r"%s=([\d.]+)" % name, text)
        out[name] = float(m.group(1)) if m else None
    return out


def one(con, sql, params=()):
    return con.execute(sql, params).fetchone()[0]


# ----------------------------------------------------------------------------- exercises


def exercise1(r):
    f = {}
    text = r.output(r"mms-first$")
    rows = ladder(text)
    f["messages in the ladder"] = len(rows)
    f["the messages, in the order sent"] = ", ".join(x["description"] for x in rows)
    send = first(rows, "m-send-req")
    f["M-Send.req issued (s)"] = send["issued"]
    f["M-Send.req sent (s)"] = send["sent"]
    f["M-Send.req arrived at the Relay (s)"] = send["arrived"]
    f["M-Send.req octets"] = int(re.search(r"\((\d+) B", send["label"]).group(1))
    sms = first(rows, "SMS-DELIVER 1/1")
    f["SMS-DELIVER sent by the SMSC (s)"] = sms["sent"]
    f["SMS-DELIVER arrived at the recipient (s)"] = sms["arrived"]
    get = first(rows, "GET Content-Location")
    f["GET issued by the recipient (s)"] = get["issued"]
    f["M-Retrieve.conf arrived at the recipient (s)"] = first(rows, "m-retrieve-conf")["arrived"]
    k = kpis(text)
    for name in ("send time", "notification time", "retrieval time", "end-to-end time"):
        f["%s (s)" % name] = k[name][1]
    lines = [l for l in text.splitlines() if LADDER_LINE.match(l)]
    report = [l for l in r.output(r"mms-report.py ladder").splitlines() if LADDER_LINE.match(l)]
    f["the report's ladder is mms-first's"] = "yes" if report == lines else "no"
    f["pcap of the recipient"] = re.search(r"Recipient\s+(mms-first-\S+\.pcap)", text).group(1)

    def pdus(pattern):
        out = []
        for line in r.output(pattern).splitlines():
            m = re.search(
                r"^\s*\d+\s+(\d+\.\d+)\s.*?(MMS (m-[a-z-]+)|UDP \d+ 9292 → 9292 Len=(\d+))", line
            )
            if m:
                what = m.group(3) or "UDP 9292 %s octets" % m.group(4)
                out.append("%s at %.3f" % (what, float(m.group(1))))
        return ", ".join(out)

    f["MMS PDUs in the originator's pcap"] = pdus(r"tshark -r mms-first-5-1")
    f["MMS PDUs and datagrams in the recipient's pcap"] = pdus(r"mms-first-6-1.pcap -Y \"mmse")
    f["MMS PDUs in the recipient's pcap with --ipPush"] = pdus(r"mms-first-6-1.pcap -Y mmse -t e$")
    return f


def exercise2(r):
    f = {}
    back = ladder(r.output(r"--recipientOff=600"))
    sms = [x for x in back if x["description"].startswith("SMS-DELIVER") and x["dst"] == 5]
    lost = [x for x in sms if x["arrived"] is None]
    f["SMS-DELIVER attempts to the recipient while it is off"] = len(lost)
    f["time between two attempts of one SMS (s)"] = round(lost[1]["sent"] - lost[0]["sent"], 3)
    paps = [x for x in back if x["description"] == "PAP m-notification-ind"]
    f["notification pushes (PAP)"] = len(paps)
    f["second notification pushed (s)"] = paps[1]["sent"]
    f["first SMS-DELIVER that arrived (s)"] = next(x["arrived"] for x in sms if x["arrived"])
    f["notifications the recipient received"] = sum(1 for x in sms if x["arrived"])
    f["GETs"] = sum(1 for x in back if x["description"] == "GET Content-Location")
    report = [x for x in back if x["description"] == "PAP m-delivery-ind Retrieved"]
    f["delivery report pushed with status Retrieved (s)"] = report[0]["sent"] if report else None
    last = [x for x in back if x["description"].startswith("SMS-DELIVER") and x["dst"] == 0]
    f["delivery report arrived at the originator (s)"] = last[-1]["arrived"]
    k = kpis(r.output(r"--recipientOff=600"))
    f["notification time, off for 600 s (s)"] = k["notification time"][1]
    f["end-to-end time, off for 600 s (s)"] = k["end-to-end time"][1]
    gone = ladder(r.output(r"--recipientOff=3600"))
    f["notification pushes before the expiry"] = sum(
        1 for x in gone if x["description"] == "PAP m-notification-ind"
    )
    expired = [x for x in gone if x["description"] == "PAP m-delivery-ind Expired"]
    f["delivery report pushed with status Expired (s)"] = expired[0]["sent"] if expired else None
    con = r.db("mms-first.sqlite")
    states = con.execute(
        "SELECT run, final_state, notifications FROM delivery ORDER BY run"
    ).fetchall()
    f["final state, off for 600 s"] = states[0][1]
    f["final state, off for 3600 s"] = states[1][1]
    f["notifications column, off for 3600 s"] = states[1][2]
    return f


def exercise3(r):
    f = {}
    for name, pattern in (
        ("UMTS-384", r"bearers.sqlite$"),
        ("GPRS-CS2", r"GPRS-CS2"),
        ("p2p", r"p2p"),
    ):
        text = r.output(r"mms-first .*%s" % pattern)
        rows = ladder(text)
        send = first(rows, "m-send-req")
        conf = first(rows, "m-send-conf Ok")
        get = first(rows, "GET Content-Location")
        retrieve = first(rows, "m-retrieve-conf")
        for part, (start, end) in (
            ("connection set-up before the M-Send.req", (send["issued"], send["sent"])),
            ("upload of the M-Send.req", (send["sent"], send["arrived"])),
            ("Relay and Server until the M-Send.conf", (send["arrived"], conf["sent"])),
            ("connection set-up before the GET", (get["issued"], get["sent"])),
            ("download of the M-Retrieve.conf", (retrieve["sent"], retrieve["arrived"])),
        ):
            f["%s: %s (s)" % (name, part)] = round(end - start, 3)
        k = kpis(text)
        for kpi in ("send time", "notification time", "retrieval time", "end-to-end time"):
            f["%s: %s (s)" % (name, kpi)] = k[kpi][1]
    compare = r.output(r"summary bearers.sqlite --compare")
    m = re.search(r"^end_to_end_time.mean\s+(\S+)\s+(\S+)\s+(\S+)", compare, re.M)
    f["end-to-end times in the comparison (s)"] = " ".join(m.groups())
    page = r.path("bearers.html")
    f["bearers.html written"] = "yes" if os.path.getsize(page) > 10000 else "no"
    return f


def exercise4(r):
    f = {}
    con = r.db("queue.sqlite")
    busy, both, queue, samples = con.execute(
        "SELECT avg(busy), avg(busy = 2), avg(queue), count(*) FROM element_sample"
        " WHERE element = 'relay' AND time > 200 AND time <= 1800"
    ).fetchone()
    f["samples averaged"] = samples
    messages = one(con, "SELECT count(*) FROM message")
    f["messages submitted"] = messages
    # From the scenario file: subscribers, MessagesPerHour, the busy hour's weight (2.08 times
    # the day's mean), three transactions per message, the mean service time.
    dot = scenario("mmsc-queue.dot")
    f["offered load from the file, a = lambda x E[S] (Erlang)"] = round(
        dot["subscribers"] * dot["MessagesPerHour"] * BUSY_HOUR / 3600 * 3 * dot["Mean"], 3
    )
    f["mean number of busy workers"] = busy
    f["fraction of samples with both workers busy"] = both
    f["Erlang C, C(2, a) for the measured a"] = erlang_c(2, busy)
    f["mean number waiting"] = queue
    c = erlang_c(2, busy)
    f["Erlang C mean number waiting, C(2, a) a / (2 - a)"] = c * busy / (2 - busy)
    f["both busy: measured less Erlang C"] = both - c
    answer = [float(x) for x in r.output(r"sqlite3 queue.sqlite").strip().split("|")]
    f["the query's mean busy workers"] = answer[0]
    return f


def exercise5(r):
    f = {}
    with open(r.path("cell.csv")) as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        load = "%g" % float(row["load"])
        f["load %s: measured downlink utilisation" % load] = float(row["util_down"])
        f["load %s: retrieval time p50 (s)" % load] = float(row["retrieval_p50"])
        f["load %s: end-to-end time p95 (s)" % load] = float(row["e2e_p95"])
    con = r.db("cell.sqlite")
    for run, load in zip((1, 2, 3), ("0.1", "0.2", "0.5")):
        f["load %s: retrievals started again" % load] = one(
            con, "SELECT sum(retrievals) - count(*) FROM delivery WHERE run = ?", (run,)
        )
    u1, u2 = float(rows[0]["util_down"]), float(rows[1]["util_down"])
    f["processor sharing: transfers at load 0.2 longer than at 0.1 by"] = round(
        (1 - u1) / (1 - u2), 2
    )
    f["cell.png written"] = "yes" if os.path.getsize(r.path("cell.png")) > 10000 else "no"
    return f


def exercise6(r):
    f = {}
    text = r.output(r"--scenario=campus.dot")
    m = re.search(r"serves (\d+) cell\(s\), (\d+) subscribers, (\S+) to (\S+):\n\s*(.*)", text)
    f["the plan"] = "%s cells, %s subscribers, %s to %s" % m.groups()[:4]
    f["the cells"] = m.group(5).strip()
    k = kpis(text)
    f["messages submitted"] = int(re.search(r"messages: (\d+) submitted", text).group(1))
    dot = scenario(r.path("campus.dot"))
    f["messages expected: 100 x 6 x 2.08 x 600 / 3600"] = round(
        dot["subscribers"] * dot["MessagesPerHour"] * BUSY_HOUR * 600 / 3600
    )
    f["notification time p99 (s)"] = k["notification time"][5]
    con = r.db("campus.sqlite")
    for cell, op in (("lecture_halls", "<="), ("residences", ">")):
        f["%s: mean send time (s)" % cell] = one(
            con,
            "SELECT avg(send_time) FROM kpi_send WHERE send_time IS NOT NULL AND originator %s "
            "'+447700900060'" % op,
        )
    f["campus.html written"] = "yes" if os.path.getsize(r.path("campus.html")) > 10000 else "no"
    f["exit status with broken.dot"] = r.status(r"--scenario=broken.dot")
    err = r.stderr(r"--scenario=broken.dot").strip().splitlines()
    f["the error names"] = err[0].split(": expected")[0] if err else ""
    return f


def exercise7(r):
    f = {}
    con = r.db("town.sqlite")
    names = {1: "busy hour", 2: "New Year's Eve", 3: "New Year's Eve, SMSC at 2.5 SMS/s"}
    peak = "SELECT max(%s) FROM element_sample WHERE run = ? AND element = ?"
    for run, name in names.items():
        f["%s: SMS waiting in the SMSC at most" % name] = one(
            con, peak % "stored_messages", (run, "smsc")
        )
        f["%s: Relay queue at most" % name] = one(con, peak % "queue_max", (run, "relay"))
        f["%s: messages submitted" % name] = one(
            con, "SELECT count(*) FROM message WHERE run = ?", (run,)
        )
        for kpi in ("send", "notification", "retrieval"):
            f["%s: %s time p50 (s)" % (name, kpi)] = one(
                con, "SELECT p50 FROM kpi_summary WHERE run = ? AND kpi = ?", (run, kpi + "_time")
            )
        for cell, label in ((0, "town"), (1, "village")):
            f["%s: %s downlink utilisation, first 20 min" % (name, label)] = one(
                con,
                "SELECT avg(downlink_utilisation) FROM bearer_sample WHERE run = ? AND cell = ?"
                " AND time <= 1200",
                (run, cell),
            )
    for cell, op in (("town", "<="), ("village", ">")):
        f["SMSC at 2.5 SMS/s: %s recipients' mean end-to-end time (s)" % cell] = one(
            con,
            "SELECT avg(delivery_time) FROM kpi_end_to_end WHERE run = 3 AND delivery_time IS NOT"
            " NULL AND recipient %s '+447700900120'" % op,
        )
    f["the query's rows"] = len(r.output(r"sqlite3 .*town.sqlite").strip().splitlines()) - 1
    return f


MEASURES = {
    1: exercise1,
    2: exercise2,
    3: exercise3,
    4: exercise4,
    5: exercise5,
    6: exercise6,
    7: exercise7,
}


# ----------------------------------------------------------------------------- checking


def number(text):
    return float(text.replace(",", "").replace("−", "-"))


def check(fact, stated, how, measured):
    """None if the measured value agrees with the stated one as `how` says, else why not."""
    if measured is None:
        return "not measured (the commands did not produce it)"
    how = how.strip()
    if how == "exactly":
        if isinstance(measured, (int, float)) and not isinstance(measured, bool):
            try:
                return None if number(stated) == measured else "measured %r" % measured
            except ValueError:
                return "stated %r is not a number, measured %r" % (stated, measured)
        return None if stated == str(measured) else "measured %r" % str(measured)
    m = re.fullmatch(r"(?:±|\+-)\s*([\d.]+)\s*(%?)", how)
    if m:
        tolerance = float(m.group(1)) * (abs(number(stated)) / 100 if m.group(2) else 1)
        if abs(measured - number(stated)) <= tolerance + 1e-12:
            return None
        return "measured %.6g, off by %.3g (allowed %.3g)" % (
            measured,
            measured - number(stated),
            tolerance,
        )
    m = re.fullmatch(r"at (least|most)\s+([-\d.,]+)", how)
    if m:
        bound = number(m.group(2))
        value = number(stated)
        ok = (lambda v: v >= bound) if m.group(1) == "least" else (lambda v: v <= bound)
        if not ok(value):
            return "the stated value %s is not %s %s" % (stated, how, bound)
        return None if ok(measured) else "measured %.6g" % measured
    return "unknown check %r (± X, ± X %%, at least X, at most X, exactly)" % how


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--exercise", type=int, required=True)
    ap.add_argument("--tutorial", default=os.path.join(SOURCE, "doc", "tutorial.rst"))
    ap.add_argument(
        "--build", required=True, help="the build folder (mms-first, mms-busy-hour, ...)"
    )
    ap.add_argument("--out", required=True, help="a scratch folder")
    ap.add_argument("--print", action="store_true", help="print the measured facts, check nothing")
    a = ap.parse_args()
    if a.exercise not in MEASURES:
        print(
            "check-tutorial: no exercise %d (1 to %d)" % (a.exercise, len(MEASURES)),
            file=sys.stderr,
        )
        return 2
    for program in ("mms-first", "mms-busy-hour", "mms-cell-capacity"):
        if not os.access(os.path.join(a.build, program), os.X_OK):
            print("check-tutorial: --build %s has no %s" % (a.build, program), file=sys.stderr)
            return 2
    os.makedirs(a.out, exist_ok=True)
    out = os.path.abspath(a.out)
    try:
        commands, facts = exercise_section(a.tutorial, a.exercise, not a.print)
        print(
            "exercise %d: %d commands, %d facts" % (a.exercise, len(commands), len(facts)),
            flush=True,
        )
        r = run_commands(a.exercise, commands, os.path.abspath(a.build), out)
        measured = MEASURES[a.exercise](r)
    except Failed as e:
        print("check-tutorial: exercise %d: FAILED: %s" % (a.exercise, e), file=sys.stderr)
        return 1
    if a.print:
        for key, value in measured.items():
            print("%-70s %r" % (key, value))
        return 0
    problems = []
    stated = {f[0] for f in facts}
    for fact, value, how in facts:
        if fact not in measured:
            problems.append("%s: the checker does not measure this fact" % fact)
            continue
        why = check(fact, value, how, measured[fact])
        if why:
            problems.append("%s: stated %s (%s), %s" % (fact, value, how, why))
        else:
            print("ok    %s: %s (%s)" % (fact, value, how))
    for fact in measured:
        if fact not in stated:
            problems.append(
                "%s: measured (%r) but not in the tutorial's table" % (fact, measured[fact])
            )
    for command, (_, err, rc) in zip(r.commands, r.outputs):
        if rc != 0 and not any(re.search(p, command) for p in MAY_FAIL.get(a.exercise, [])):
            problems.append("command failed (exit %d): %s\n%s" % (rc, command, err[-1500:]))
    if problems:
        for p in problems:
            print("FAIL  " + p)
        print(
            "check-tutorial: exercise %d: %d problem(s); outputs in %s"
            % (a.exercise, len(problems), out),
            file=sys.stderr,
        )
        return 1
    print("check-tutorial: exercise %d: all %d facts hold" % (a.exercise, len(facts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
