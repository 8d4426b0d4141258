#!/usr/bin/env python3
# Copyright (c) 2026 The ns-3 mms module authors
#
# SPDX-License-Identifier: GPL-2.0-only
"""An overwhelmed Relay: examples/scenarios/overwhelmed-relay.dot at 1, 5 and 10 x its
busy-hour rate (300 s of traffic, 3600 s to finish), run by utils/mms-overload.py, checked
from the results files:

* each run is complete and simulated its whole drain;
* at 10 x the Relay's queue reached its QueueLimit (element_sample, against the run's
  configuration in run_attribute) and never went beyond it; the User Agents were refused at
  once (M-Send.conf Error-transient-* and HTTP 503 in the "transaction" rows) and repeated
  what was refused: some messages took several M-Send.req and were confirmed in the end;
* conservation at every load: every message has a final status (none open); no two messages
  share a Message-ID (a repeated M-Send.req is not a new message); a message the Relay
  accepted has one delivery row per recipient and one without a Message-ID has none; every
  delivery ended in a terminal state; the Relay's queue and workers are idle at the end;
* degradation grows with the load: send time mean and 95th percentile and end-to-end mean
  increase from each load to the next, the share of repeated MM1 requests and the send
  failure ratio never decrease, and 10 x repeats more than 1 x.

  check-overload.py BUSY_HOUR OVERLOAD_SCRIPT SCENARIO WORKDIR
"""

import importlib.util
import os
import sqlite3
import sys

LOADS = [1, 5, 10]
DURATION = 300
DRAIN = 3600
TERMINAL = ('retrieved', 'rejected', 'expired', 'failed')

problems = []


def check(condition, what):
    print('%s: %s' % ('ok' if condition else 'FAIL', what))
    if not condition:
        problems.append(what)


def conservation(path, load):
    db = sqlite3.connect(path)
    q = db.execute
    run = q('SELECT max(id) FROM run').fetchone()[0]
    tag = '%gx: ' % load
    opened = q('SELECT count(*) FROM message WHERE run=? AND status IS NULL',
               (run,)).fetchone()[0]
    check(opened == 0, tag + 'every message has a final status (%d open)' % opened)
    shared = q('SELECT count(*) FROM (SELECT message_id FROM message WHERE run=? AND '
               'message_id IS NOT NULL GROUP BY message_id HAVING count(*) > 1)',
               (run,)).fetchone()[0]
    check(shared == 0, tag + 'no Message-ID given to two messages (%d shared)' % shared)
    wrong = q('SELECT count(*) FROM message m WHERE m.run=? AND m.recipients != (SELECT '
              'count(*) FROM delivery d WHERE d.run=m.run AND d.message=m.id AND '
              'm.message_id IS NOT NULL)', (run,)).fetchone()[0]
    check(wrong == 0, tag + 'one delivery per recipient of each accepted message, none for '
          'the others (%d messages differ)' % wrong)
    orphans = q('SELECT count(*) FROM delivery WHERE run=? AND (message IS NULL OR message '
                'NOT IN (SELECT id FROM message WHERE run=?))', (run, run)).fetchone()[0]
    check(orphans == 0, tag + 'every delivery belongs to a recorded message (%d do not)'
          % orphans)
    open_deliveries = q('SELECT count(*) FROM delivery WHERE run=? AND (ended IS NULL OR '
                        'final_state NOT IN (%s))' % ','.join('?' * len(TERMINAL)),
                        (run,) + TERMINAL).fetchone()[0]
    check(open_deliveries == 0, tag + 'every delivery ended in a terminal state (%d did not)'
          % open_deliveries)
    last = q("SELECT queue, busy FROM element_sample WHERE run=? AND element='relay' "
             "ORDER BY time DESC LIMIT 1", (run,)).fetchone()
    check(last == (0, 0), tag + 'the Relay is idle at the end (queue, busy = %s)' % (last,))
    limit = q("SELECT value FROM run_attribute WHERE run=? AND "
              "name='ns3::MmsRelay::QueueLimit'", (run,)).fetchone()
    retried = q('SELECT count(*) FROM message m WHERE m.run=? AND m.status=\'Ok\' AND (SELECT '
                'count(*) FROM "transaction" t WHERE t.run=m.run AND t.type=\'m-send-req\' AND '
                't.transaction_id=m.transaction_id) > 1', (run,)).fetchone()[0]
    db.close()
    return (int(limit[0]) if limit else None), retried


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    busy_hour, script, scenario, work = sys.argv[1:]
    spec = importlib.util.spec_from_file_location('mms_overload', script)
    overload = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(overload)
    os.makedirs(work, exist_ok=True)
    results = []
    for load in LOADS:
        path = overload.run_load(busy_hour, scenario, load, DURATION, DRAIN, work)
        m = overload.measure(path, DURATION)
        results.append((load, m))
        tag = '%gx: ' % load
        check(m['status'] == 'complete', tag + 'run complete (%s)' % m['status'])
        check(abs(m['simulated'] - (DURATION + DRAIN)) < 1e-6,
              tag + 'simulated %s s of %d' % (m['simulated'], DURATION + DRAIN))
        limit, retried = conservation(path, load)
        if load == LOADS[-1]:
            check(limit is not None and m['queue_max'] == limit,
                  tag + 'the Relay queue reached its limit: largest %s, QueueLimit %s'
                  % (m['queue_max'], limit))
            check(m['transient'] > 0, tag + '%d M-Send.conf Error-transient-*' % m['transient'])
            check(m['http503'] > 0, tag + '%d HTTP 503' % m['http503'])
            check(retried > 0, tag + '%d messages confirmed after repeated M-Send.req' % retried)
    print(overload.table(results, False))
    for key, what in (('send_mean', 'send time mean'), ('send_p95', 'send time p95'),
                      ('e2e_mean', 'end-to-end mean')):
        values = [m[key] for _, m in results]
        check(all(v is not None for v in values) and
              all(a < b for a, b in zip(values, values[1:])),
              '%s increases with the load: %s' % (what, values))
    for key, what in (('repeat_share', 'share of repeated MM1 requests'),
                      ('failure_ratio', 'send failure ratio')):
        values = [m[key] for _, m in results]
        check(all(a <= b for a, b in zip(values, values[1:])),
              '%s never decreases with the load: %s' % (what, values))
    check(results[-1][1]['repeat_share'] > results[0][1]['repeat_share'],
          'more repeats at %gx than at %gx' % (LOADS[-1], LOADS[0]))
    if problems:
        print('%d problem(s)' % len(problems))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
