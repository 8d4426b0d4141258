#!/usr/bin/env python3
"""Compare a run on several ranks (mms-busy-hour --mpi) with the same run in one process.

  check-mpi-run.py SINGLE.sqlite RANK0.sqlite RANK1.sqlite ...

Each file's last run is read. The message and delivery rows of the ranks together must equal
those of the single-process run: the same rows (every column but the per-file row numbers
message.id and delivery.message), none recorded twice. Should some rows differ (events at the
same simulated time may run in another order on another rank), the check still passes when
the message and delivery counts are equal and the means of the latency KPIs (send,
notification, retrieval, end-to-end time) are within 1%; it then says how many rows differ.
Conservation across the ranks: every accepted message has one delivery row per recipient, each
(Message-ID, recipient) is recorded once, and every delivery ended in a terminal state
(retrieved, rejected, expired, failed).

Prints what it compared; exit status 0 if the check passed, 1 if not, 2 for bad arguments.
"""

import os
import sqlite3
import sys

TERMINAL = ("retrieved", "rejected", "expired", "failed")
KPIS = (
    ("kpi_send", "send_time"),
    ("kpi_notification", "notification_time"),
    ("kpi_retrieval", "retrieval_time"),
    ("kpi_end_to_end", "delivery_time"),
)


def rows(con, run, table, skip):
    cols = [d[0] for d in con.execute('SELECT * FROM "%s" LIMIT 0' % table).description]
    keep = [c for c in cols if c not in skip]
    sql = 'SELECT %s FROM "%s" WHERE run = ?' % (", ".join('"%s"' % c for c in keep), table)
    return [tuple(r) for r in con.execute(sql, (run,))]


def read(path):
    if not os.path.isfile(path):
        sys.stderr.write("check-mpi-run.py: %s: no such file\n" % path)
        sys.exit(2)
    con = sqlite3.connect("file:%s?mode=ro" % os.path.abspath(path), uri=True)
    run = con.execute("SELECT max(id) FROM run").fetchone()[0]
    out = {
        "message": rows(con, run, "message", {"run", "id"}),
        "delivery": rows(con, run, "delivery", {"run", "message"}),
        "kpi": {},
    }
    for view, column in KPIS:
        out["kpi"][column] = [
            r[0]
            for r in con.execute(
                'SELECT "%s" FROM %s WHERE run = ? AND "%s" IS NOT NULL' % (column, view, column),
                (run,),
            )
        ]
    dcols = [d[0] for d in con.execute("SELECT * FROM delivery LIMIT 0").description]
    out["dcols"] = [c for c in dcols if c not in ("run", "message")]
    mcols = [d[0] for d in con.execute("SELECT * FROM message LIMIT 0").description]
    out["mcols"] = [c for c in mcols if c not in ("run", "id")]
    return out


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: check-mpi-run.py SINGLE.sqlite RANK0.sqlite RANK1.sqlite ...\n")
        return 2
    single = read(argv[0])
    parts = [read(p) for p in argv[1:]]
    ok = True
    merged = {t: sorted(r for p in parts for r in p[t]) for t in ("message", "delivery")}
    print(
        "ranks: %s messages, %s deliveries"
        % (
            " + ".join(str(len(p["message"])) for p in parts),
            " + ".join(str(len(p["delivery"])) for p in parts),
        )
    )
    same = True
    for t in ("message", "delivery"):
        a, b = sorted(single[t]), merged[t]
        differ = len(set(a) ^ set(b))
        print(
            "%s rows: single process %d, ranks together %d, %d differ"
            % (t, len(a), len(b), differ)
        )
        if not a:
            print("FAIL: the single-process run recorded no %s rows" % t)
            ok = False
        same = same and a == b
    if same:
        print("PASS: the same message and delivery rows")
    else:
        counts = all(len(single[t]) == len(merged[t]) for t in ("message", "delivery"))
        means_ok = counts
        for _, column in KPIS:
            x = single["kpi"][column]
            y = [v for p in parts for v in p["kpi"][column]]
            mx = sum(x) / len(x) if x else 0.0
            my = sum(y) / len(y) if y else 0.0
            rel = abs(mx - my) / mx if mx else (0.0 if my == 0 else 1.0)
            print("%s mean: %.6f s vs %.6f s (%.3f%%)" % (column, mx, my, 100 * rel))
            means_ok = means_ok and rel <= 0.01 and len(x) == len(y)
        if means_ok:
            print(
                "PASS: rows differ (simultaneous events ordered differently across ranks) but "
                "counts are equal and KPI means within 1%"
            )
        else:
            print("FAIL: rows differ and counts or KPI means do not agree")
            ok = False

    # Conservation across the ranks.
    dcols = parts[0]["dcols"]
    mcols = parts[0]["mcols"]
    di = {c: i for i, c in enumerate(dcols)}
    mi = {c: i for i, c in enumerate(mcols)}
    keys = [(d[di["message_id"]], d[di["recipient"]]) for d in merged["delivery"]]
    twice = len(keys) - len(set(keys))
    open_ = [d for d in merged["delivery"] if d[di["final_state"]] not in TERMINAL]
    per_message = {}
    for k in keys:
        per_message[k[0]] = per_message.get(k[0], 0) + 1
    missing = 0
    for m in merged["message"]:
        mid = m[mi["message_id"]]
        if mid is not None and m[mi["status"]] in (None, "Ok", "ok", "accepted"):
            if per_message.get(mid, 0) != m[mi["recipients"]]:
                missing += 1
    print(
        "conservation: %d deliveries recorded twice, %d not in a terminal state, %d accepted "
        "messages without one delivery per recipient" % (twice, len(open_), missing)
    )
    if twice or open_ or missing:
        print("FAIL: conservation across ranks")
        ok = False
    else:
        print("PASS: conservation across ranks")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
