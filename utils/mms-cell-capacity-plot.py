#!/usr/bin/python3
# Copyright (c) 2026 The ns-3 mms module authors
# SPDX-License-Identifier: GPL-2.0-only
"""Plot the CSV of mms-cell-capacity: latency percentiles against the offered load of the cell.

  utils/mms-cell-capacity-plot.py mms-cell-capacity.csv [--out mms-cell-capacity.png]

Two panels: the end-to-end delivery time (median, 90th and 95th percentiles) and the send and
retrieval times (median and 95th percentile), each against the offered load of the busier
direction, with the measured downlink and uplink utilisation as a second x reference in the
legend. As with utils/mms-report.py, the PNG carries the text chunks "Series" (the number of
series) and "Series-Labels" (their labels joined by " | ").
Errors (missing file, missing column, no rows) exit with status 2 and one line on stderr.
"""
import argparse
import csv
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # nothing written into the source tree
import mms_python  # noqa: E402  (beside this script: runs it on the Python that has matplotlib)

COLUMNS = ['load', 'util_down', 'util_up', 'send_p50', 'send_p95', 'retrieval_p50',
           'retrieval_p95', 'e2e_p50', 'e2e_p90', 'e2e_p95']


def fail(message):
    print('mms-cell-capacity-plot: ' + message, file=sys.stderr)
    sys.exit(2)


def number(text):
    return float(text) if text not in ('', None) else math.nan


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('csv')
    p.add_argument('--out', default='mms-cell-capacity.png')
    a = p.parse_args()
    try:
        with open(a.csv, newline='') as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        fail('%s: %s' % (a.csv, e.strerror))
    except (UnicodeDecodeError, csv.Error) as e:
        fail('%s: not a CSV file (%s)' % (a.csv, e))
    if not rows:
        fail('%s: no rows' % a.csv)
    missing = [c for c in COLUMNS if c not in rows[0]]
    if missing:
        fail('%s: missing column(s) %s (is it a mms-cell-capacity CSV?)'
             % (a.csv, ', '.join(missing)))
    try:
        data = {c: [number(r[c]) for r in rows] for c in COLUMNS}
    except ValueError as e:
        fail('%s: %s' % (a.csv, e))
    order = sorted(range(len(rows)), key=lambda i: data['load'][i])
    data = {c: [v[i] for i in order] for c, v in data.items()}

    try:
        mms_python.require('matplotlib', 'python3-matplotlib')
    except ImportError as e:
        fail(str(e))
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    series = []
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    for col, label, style in [('e2e_p50', 'delivery time, median', 'o-'),
                              ('e2e_p90', 'delivery time, 90th percentile', 's--'),
                              ('e2e_p95', 'delivery time, 95th percentile', '^:')]:
        left.plot(data['load'], data[col], style, label=label)
        series.append(label)
    left.set_xlabel('offered load of the busier direction')
    left.set_ylabel('seconds')
    left.set_title('End-to-end delivery time (submitted to retrieved)')
    left.grid(True, alpha=0.3)
    left.legend()
    for col, label, style in [('send_p50', 'send time, median', 'o-'),
                              ('send_p95', 'send time, 95th percentile', 'o--'),
                              ('retrieval_p50', 'retrieval time, median', 's-'),
                              ('retrieval_p95', 'retrieval time, 95th percentile', 's--')]:
        right.plot(data['load'], data[col], style, label=label)
        series.append(label)
    right.set_xlabel('offered load of the busier direction')
    right.set_ylabel('seconds')
    right.set_title('Send and retrieval times')
    right.grid(True, alpha=0.3)
    right.legend()
    util = ', '.join('%.2f: %.2f/%.2f' % (l, d, u) for l, d, u in
                     zip(data['load'], data['util_down'], data['util_up']))
    fig.text(0.01, 0.01, 'measured utilisation down/up per load: ' + util, fontsize=7)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    try:
        fig.savefig(a.out, dpi=110,
                    metadata={'Series': str(len(series)), 'Series-Labels': ' | '.join(series)})
    except OSError as e:
        fail('%s: %s' % (a.out, e.strerror))
    print('%s: %d loads, %d series' % (a.out, len(rows), len(series)))


if __name__ == '__main__':
    main()
