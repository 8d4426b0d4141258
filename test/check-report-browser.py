#!/usr/bin/python3
"""Open the report's HTML page in a real browser (headless Chromium) and check what it shows.

  test/check-report-browser.py --report utils/mms-report.py --first build/mms-first
                               --out DIR [--results FILE] [--chromium PATH]

In DIR: mms-first runs twice into one results file (its default UMTS cell, then a GPRS cell),
and utils/mms-report.py html draws run 2 beside run 1 (--compare); with --results, a page of
that file's last run as well. Chromium (--headless, --no-sandbox when run as root, a profile
of its own in DIR) loads each page from disk twice: --dump-dom gives the document as the
browser built it, --screenshot a PNG of it. Checked:

  * the browser logged nothing from the page's console (no "CONSOLE" line, no "Uncaught"
    on its standard error: the page has no scripts, so any is an error);
  * in the DOM: every value of the KPI table is what "summary --format=csv" gives for that
    run and figure, at the text format's precision; the figure table is there; <svg>
    elements for the CDFs, each run's time series and each run's ladder, the ladders with
    one arrow (id ...-pdu-N) per line of the text ladder of the same run and message;
    <path> and <text> elements inside the SVGs (the plots were built, not left empty);
  * the screenshot is a PNG of the window's size, and at least 3 % of its pixels are not
    the background (something was drawn).

Exit status 0 when every check passed, 1 at the first failure (saying what differed), 2 on
bad arguments.
"""

import argparse
import csv
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WINDOW = (1400, 4200)

# The page parser and value formatting of the report's own check.
spec = importlib.util.spec_from_file_location("check_report", os.path.join(HERE, "check-report.py"))
check_report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_report)


Failed, fail, ok = check_report.CheckFailed, check_report.fail, check_report.ok


def run(cmd, cwd=None, expect=0):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    if p.returncode != expect:
        fail("%s: exit status %d\n%s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    return p


class Browser:
    def __init__(self, chromium, out):
        self.chromium = chromium
        self.profile = os.path.join(out, "chromium-profile")
        self.flags = [
            "--headless",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--user-data-dir=" + self.profile,
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=%d,%d" % WINDOW,
        ]
        if os.geteuid() == 0:
            # Chromium's sandbox refuses to run as root.
            self.flags.append("--no-sandbox")

    def load(self, page, mode):
        """Load the page from disk; returns (stdout, stderr)."""
        url = "file://" + os.path.abspath(page)
        p = subprocess.run(
            [self.chromium] + self.flags + mode + [url],
            capture_output=True,
            text=True,
            timeout=180,
        )
        if p.returncode != 0:
            fail(
                "%s %s: exit status %d\n%s"
                % (self.chromium, " ".join(mode), p.returncode, p.stderr[-2000:])
            )
        console = [
            line
            for line in p.stderr.splitlines()
            if ":CONSOLE" in line or "Uncaught" in line
        ]
        if console:
            fail("%s: the browser's console reported:\n%s" % (page, "\n".join(console[:10])))
        return p.stdout, p.stderr


def summary_values(report, results, runs):
    runs = [str(r) for r in runs]
    p = run([sys.executable, report, "summary", results, "--format=csv", "--run"] + runs)
    return {(int(r["run"]), r["figure"]): r["value"] for r in csv.DictReader(io.StringIO(p.stdout))}


def ladder_lines(report, results, run_id):
    """Lines of the text ladder of a run's default message (pdu ladders: the arrows)."""
    p = run([sys.executable, report, "ladder", results, "--run", str(run_id)])
    return [
        line
        for line in p.stdout.splitlines()
        if re.match(r"^\s*\d+\.\d{3} +(\d+\.\d{3}|-)  ", line)
    ]


def check_page(browser, report, results, page, runs, out):
    dom, _ = browser.load(page, ["--dump-dom"])
    if "<svg" not in dom:
        fail("%s: the DOM the browser built has no <svg>:\n%s" % (page, dom[:1000]))
    parsed = check_report.PageParser()
    parsed.feed(dom)
    values = summary_values(report, results, runs)
    checked = 0
    for (run_id, figure), value in values.items():
        if not re.match(r"(send|notification|retrieval|end_to_end)_time\.", figure):
            continue
        got = parsed.cells.get((str(run_id), figure))
        if got is None:
            fail("%s: the DOM has no KPI cell for run %d %s" % (page, run_id, figure))
        if got.strip() != check_report.text_of(value):
            fail(
                "%s: run %d %s shows %r in the browser, the summary gives %r"
                % (page, run_id, figure, got, value)
            )
        checked += 1
    if checked != 24 * len(runs):
        fail("%s: %d KPI values checked, expected %d" % (page, checked, 24 * len(runs)))
    if not re.search(r'<table[^>]*id="figure-table"', dom):
        fail("%s: no figure table in the DOM" % page)
    want = 1 + 2 * len(runs)  # the CDFs, then each run's series and ladder
    if parsed.svgs < want:
        fail("%s: %d <svg> in the DOM, expected at least %d" % (page, parsed.svgs, want))
    paths, texts = dom.count("<path"), dom.count("<text")
    if paths < 50 or texts < 50:
        fail("%s: the SVGs hold %d <path> and %d <text> elements: not drawn" % (page, paths, texts))
    arrows = {}
    for run_id in runs:
        lines = ladder_lines(report, results, run_id)
        drawn = sum(1 for i in parsed.ids if re.fullmatch(r"ladder-%d-pdu-\d+" % run_id, i))
        if drawn != len(lines):
            fail(
                "%s: run %d's ladder has %d arrows in the DOM, its text ladder %d lines"
                % (page, run_id, drawn, len(lines))
            )
        arrows[run_id] = drawn
    ok(
        "%s in Chromium: no console messages; %d KPI values as the summary gives them; %d <svg> "
        "with %d <path> and %d <text>; ladder arrows %s as the text ladders' lines"
        % (os.path.basename(page), checked, parsed.svgs, paths, texts,
           ", ".join("run %d: %d" % kv for kv in arrows.items()))
    )

    shot = os.path.join(out, os.path.splitext(os.path.basename(page))[0] + ".png")
    if os.path.exists(shot):
        os.remove(shot)
    browser.load(page, ["--screenshot=" + shot])
    if not os.path.exists(shot):
        fail("%s: Chromium wrote no screenshot %s" % (page, shot))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.image

    pixels = matplotlib.image.imread(shot)
    height, width = pixels.shape[0], pixels.shape[1]
    if (width, height) != WINDOW:
        fail(
            "%s: the screenshot is %dx%d, the window %dx%d"
            % (shot, width, height, WINDOW[0], WINDOW[1])
        )
    background = pixels[0, 0, :3]
    drawn = (abs(pixels[:, :, :3] - background).sum(axis=2) > 0.05).mean()
    if drawn < 0.03:
        fail("%s: only %.1f %% of the screenshot differs from the background" % (shot, 100 * drawn))
    name = os.path.basename(shot)
    ok("%s: %dx%d screenshot, %.1f %% of it drawn" % (name, width, height, 100 * drawn))


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--report", required=True)
    ap.add_argument("--first", required=True, help="the mms-first program")
    ap.add_argument("--out", required=True)
    ap.add_argument("--results", help="also a page of this results file's last run")
    ap.add_argument(
        "--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser")
    )
    a = ap.parse_args()
    if not a.chromium:
        print(
            "check-report-browser: no chromium (Debian package chromium; ./setup.sh installs it)",
            file=sys.stderr,
        )
        return 2
    for path in (a.report, a.first) + ((a.results,) if a.results else ()):
        if not os.path.isfile(path):
            print("check-report-browser: '%s': no such file" % path, file=sys.stderr)
            return 2
    a.first, a.report, a.out = (os.path.abspath(x) for x in (a.first, a.report, a.out))
    os.makedirs(a.out, exist_ok=True)
    browser = Browser(a.chromium, a.out)
    try:
        results = os.path.join(a.out, "two-bearers.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(results + suffix):
                os.remove(results + suffix)
        for bearer in ("UMTS-384", "GPRS-CS2"):
            run([a.first, "--bearer=" + bearer, "--pcap=0", "--results=" + results], cwd=a.out)
        page = os.path.join(a.out, "compare.html")
        run([sys.executable, a.report, "html", results, "-o", page, "--run", "2", "--compare", "1"])
        check_page(browser, a.report, results, page, [2, 1], a.out)
        if a.results:
            page = os.path.join(a.out, "results.html")
            run([sys.executable, a.report, "html", a.results, "-o", page])
            last = max(check_report.Expected(a.results).runs)
            check_page(browser, a.report, a.results, page, [last], a.out)
    except Failed as e:
        print("FAIL  %s" % e, flush=True)
        print("check-report-browser: FAILED: %s" % str(e).splitlines()[0], file=sys.stderr)
        return 1
    print("check-report-browser: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
