#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""Run a scenario at multiples of its busy-hour rate and compare how its Relay copes.

  utils/mms-overload.py --busy-hour build/mms-busy-hour --work DIR [--loads 1,2,5,10]
                        [--scenario examples/scenarios/overwhelmed-relay.dot]
                        [--duration 600] [--drain 3600] [--png FIGURE] [--rst]

For each load k, mms-busy-hour runs the scenario with MmsTrafficModel::MessagesPerHour = k x
its default (0.1/24 per subscriber; the busy hour's 2.08 on top comes from mms-busy-hour) and
records HTTP exchanges (RecordTransactions) into DIR/load-K.sqlite. The table printed (--rst:
as reStructuredText) gives per load: messages submitted; carried, the messages confirmed during
the traffic period per hour; the send failure ratio (messages without M-Send.conf Ok at the
end); the send time (M-Send.req taken to M-Send.conf Ok) mean and 95th percentile; the
end-to-end time (submission to the Relay's Retrieved) mean and 95th percentile; the User
Agents' MM1 requests refused at once (M-Send.conf Error-transient-* or HTTP 503) and timed out;
the share of MM1 requests that repeated a failed one; the Relay's largest queue. --png draws
the Relay's queue over time at each load and the times and repeat share against the load.
"""

import argparse
import math
import os
import subprocess
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
DEFAULT_RATE = 0.1 / 24  # MmsTrafficModel::MessagesPerHour's default


def fail(message):
    print('mms-overload: ' + message, file=sys.stderr)
    sys.exit(2)


def percentile(values, p):
    """The p-th percentile, nearest rank; None for no values."""
    if not values:
        return None
    v = sorted(values)
    return v[max(0, math.ceil(p / 100.0 * len(v)) - 1)]


def run_load(busy_hour, scenario, load, duration, drain, work):
    """Run one load; returns the results file."""
    path = os.path.join(work, 'load-%g.sqlite' % load)
    if os.path.exists(path):
        os.remove(path)
    command = [busy_hour, '--scenario=' + scenario, '--duration=%g' % duration,
               '--drain=%g' % drain, '--plan=false', '--results=' + path,
               '--ns3::MmsTrafficModel::MessagesPerHour=%.10g' % (load * DEFAULT_RATE),
               '--ns3::MmsSqliteRecorder::RecordTransactions=true',
               # Every handset on: the load on the Relay alone, not switched-off subscribers'
               # waits (doc/mms.rst, "Population").
               '--MmsPopulation=Ideal']
    log = os.path.join(work, 'load-%g.log' % load)
    with open(log, 'w') as f:
        status = subprocess.call(command, stdout=f, stderr=subprocess.STDOUT)
    if status != 0:
        fail('load %g: mms-busy-hour exited with %d (see %s)' % (load, status, log))
    return path


def measure(path, duration):
    """The figures of one run (the last run in the file)."""
    db = sqlite3.connect(path)
    q = db.execute
    run = q('SELECT max(id) FROM run').fetchone()[0]
    m = {'run': run}
    m['status'], m['simulated'] = q('SELECT status, simulated_seconds FROM run WHERE id=?',
                                    (run,)).fetchone()
    m['submitted'] = q('SELECT count(*) FROM message WHERE run=?', (run,)).fetchone()[0]
    m['ok'] = q("SELECT count(*) FROM message WHERE run=? AND status='Ok'", (run,)).fetchone()[0]
    m['open'] = q('SELECT count(*) FROM message WHERE run=? AND status IS NULL',
                  (run,)).fetchone()[0]
    m['failure_ratio'] = 1 - m['ok'] / m['submitted'] if m['submitted'] else 0.0
    m['carried'] = q("SELECT count(*) FROM message WHERE run=? AND status='Ok' AND confirmed<=?",
                     (run, duration)).fetchone()[0] * 3600.0 / duration
    send = [r[0] for r in q("SELECT confirmed-submitted FROM message WHERE run=? AND status='Ok'",
                            (run,))]
    m['send_mean'] = sum(send) / len(send) if send else None
    m['send_p95'] = percentile(send, 95)
    e2e = [r[0] for r in q("SELECT d.acknowledged-m.submitted FROM delivery d JOIN message m "
                           "ON m.run=d.run AND m.id=d.message WHERE d.run=? AND "
                           "d.final_state='retrieved'", (run,))]
    m['e2e_mean'] = sum(e2e) / len(e2e) if e2e else None
    m['e2e_p95'] = percentile(e2e, 95)
    ua = "run=? AND element LIKE 'ua:%'"
    m['requests'] = q('SELECT count(*) FROM "transaction" WHERE ' + ua, (run,)).fetchone()[0]
    first = q('SELECT count(*) FROM (SELECT DISTINCT element, type, transaction_id FROM '
              '"transaction" WHERE ' + ua + ')', (run,)).fetchone()[0]
    m['repeat_share'] = (m['requests'] - first) / m['requests'] if m['requests'] else 0.0
    m['http503'] = q('SELECT count(*) FROM "transaction" WHERE ' + ua + " AND status='503'",
                     (run,)).fetchone()[0]
    m['timed_out'] = q('SELECT count(*) FROM "transaction" WHERE ' + ua +
                       " AND status='timed out'", (run,)).fetchone()[0]
    # An M-Send.conf comes in a 200 response; the User Agent repeats one only after a transient
    # status, so the 200s beyond the final answers of the messages are transient refusals.
    send200 = q('SELECT count(*) FROM "transaction" WHERE ' + ua +
                " AND type='m-send-req' AND status='200'", (run,)).fetchone()[0]
    answered = q("SELECT count(*) FROM message WHERE run=? AND (status='Ok' OR status LIKE "
                 "'Error%' OR status LIKE 'failed: Error%')", (run,)).fetchone()[0]
    m['transient'] = send200 - answered
    # One Relay is "relay"; several (an operator of several MMSC sites) "relay:<name>" each.
    relay = "(element='relay' OR element LIKE 'relay:%')"
    m['queue_max'] = q("SELECT max(queue_max) FROM element_sample WHERE run=? AND " + relay,
                       (run,)).fetchone()[0]
    m['queue'] = [(t, qm) for t, qm in q("SELECT time, max(queue_max) FROM element_sample WHERE "
                                          "run=? AND " + relay + " GROUP BY time ORDER BY time",
                                          (run,))]
    db.close()
    return m


def fmt(v, digits=1):
    return '-' if v is None else '{:,.{}f}'.format(v, digits)


COLUMNS = [('load', lambda l, m: '%gx' % l),
           ('messages', lambda l, m: '{:,}'.format(m['submitted'])),
           ('carried/h', lambda l, m: fmt(m['carried'], 0)),
           ('send failure', lambda l, m: '%.1f%%' % (100 * m['failure_ratio'])),
           ('send mean s', lambda l, m: fmt(m['send_mean'])),
           ('send p95 s', lambda l, m: fmt(m['send_p95'])),
           ('e2e mean s', lambda l, m: fmt(m['e2e_mean'])),
           ('e2e p95 s', lambda l, m: fmt(m['e2e_p95'])),
           ('refused', lambda l, m: '{:,}'.format(m['transient'] + m['http503'])),
           ('timed out', lambda l, m: '{:,}'.format(m['timed_out'])),
           ('repeats', lambda l, m: '%.1f%%' % (100 * m['repeat_share'])),
           ('queue max', lambda l, m: str(m['queue_max']))]


def table(results, rst):
    rows = [[c[0] for c in COLUMNS]] + [[c[1](l, m) for c in COLUMNS] for l, m in results]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    line = '  '.join('=' * w for w in widths)
    out = []
    for i, r in enumerate(rows):
        out.append('  '.join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        if rst and i == 0:
            out.insert(0, line)
            out.append(line)
    if rst:
        out.append(line)
    return '\n'.join(out)


def draw(results, duration, path):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5), dpi=90)
    for load, m in results:
        left.step([t / 60 for t, _ in m['queue']], [q for _, q in m['queue']], where='post',
                  label='%gx' % load)
    left.axvline(duration / 60, color='grey', linestyle=':', label='traffic stops')
    busy = [t for _, m in results for t, q in m['queue'] if q > 0]
    left.set_xlim(0, (max(busy + [duration]) + 300) / 60)
    left.set_xlabel('simulated time (min)')
    left.set_ylabel('Relay queue, largest per 10 s sample')
    left.set_title('MM1 requests waiting for a worker')
    left.legend()
    loads = [l for l, _ in results]
    right.plot(loads, [m['send_mean'] for _, m in results], 'o-', label='send time, mean')
    right.plot(loads, [m['send_p95'] for _, m in results], 's--', label='send time, p95')
    right.plot(loads, [m['e2e_mean'] for _, m in results], '^-', label='end-to-end, mean')
    right.set_yscale('log')
    right.set_xlabel('load (x busy-hour rate)')
    right.set_ylabel('seconds (log scale)')
    right.set_xticks(loads)
    share = right.twinx()
    share.bar(loads, [100 * m['repeat_share'] for _, m in results], width=0.4, alpha=0.25,
              color='red', label='requests repeated (%)')
    share.set_ylabel('MM1 requests that repeated a failed one (%)')
    h1, l1 = right.get_legend_handles_labels()
    h2, l2 = share.get_legend_handles_labels()
    right.legend(h1 + h2, l1 + l2, loc='upper left')
    right.set_title('Times and repeats against the load')
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog='\n'.join(__doc__.splitlines()[1:]))
    p.add_argument('--busy-hour', required=True, help='the mms-busy-hour program')
    p.add_argument('--scenario', default=os.path.join(SOURCE, 'examples', 'scenarios',
                                                      'overwhelmed-relay.dot'))
    p.add_argument('--work', required=True, help='folder for the results files (created)')
    p.add_argument('--loads', default='1,2,5,10', help='multiples of the busy-hour rate')
    p.add_argument('--duration', type=float, default=600, help='seconds of traffic')
    p.add_argument('--drain', type=float, default=3600, help='seconds to finish')
    p.add_argument('--png', help='draw the figure into this file')
    p.add_argument('--rst', action='store_true', help='print the table as reStructuredText')
    a = p.parse_args()
    if a.png:
        sys.path.insert(0, HERE)
        import mms_python
        try:
            mms_python.require('matplotlib', 'python3-matplotlib')
        except ImportError as e:
            fail('--png needs matplotlib: %s' % e)
    try:
        loads = [float(x) for x in a.loads.split(',')]
    except ValueError:
        fail('--loads: %r is not a comma-separated list of numbers' % a.loads)
    if not loads or min(loads) <= 0:
        fail('--loads: every load must be positive')
    if not os.access(a.busy_hour, os.X_OK):
        fail('--busy-hour: %s is not an executable program' % a.busy_hour)
    os.makedirs(a.work, exist_ok=True)
    results = []
    for load in loads:
        path = run_load(a.busy_hour, a.scenario, load, a.duration, a.drain, a.work)
        results.append((load, measure(path, a.duration)))
    print(table(results, a.rst))
    if a.png:
        draw(results, a.duration, a.png)
        print('wrote %s' % a.png)


if __name__ == '__main__':
    main()
