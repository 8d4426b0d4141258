#!/usr/bin/python3
# Copyright (c) 2026 The ns-3 mms module authors
# SPDX-License-Identifier: GPL-2.0-only
"""CTest mms-cell-capacity-plot: run a two-load sweep of mms-cell-capacity and its plot script.

Checks that the CSV has one row per load with the columns the plot script reads; that the
measured utilisation of the busier direction grows with the offered load and the end-to-end
95th percentile is longer at the high load (queueing in the cell); that the plot script writes a
PNG whose "Series" text chunk says 7; and that the plot script refuses a missing file and a CSV
without its columns with exit status 2 and one line.
"""
import argparse
import csv
import os
import struct
import subprocess
import sys
import zlib


def png_text(path):
    chunks = {}
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise SystemExit('FAIL: %s is not a PNG' % path)
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'tEXt':
            k, v = body.split(b'\0', 1)
            chunks[k.decode('latin-1')] = v.decode('latin-1')
        elif kind == b'zTXt':
            k, rest = body.split(b'\0', 1)
            chunks[k.decode('latin-1')] = zlib.decompress(rest[1:]).decode('latin-1')
        elif kind == b'iTXt':
            k, rest = body.split(b'\0', 1)
            chunks[k.decode('latin-1')] = rest.split(b'\0', 3)[-1].decode('utf-8')
        pos += 12 + length
    return chunks


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--program', required=True)
    p.add_argument('--plot', required=True)
    p.add_argument('--out', required=True)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for f in ('sweep.csv', 'sweep.sqlite', 'sweep.png'):
        if os.path.exists(os.path.join(a.out, f)):
            os.remove(os.path.join(a.out, f))
    cmd = [a.program, '--subscribers=30', '--loads=0.1,0.5', '--duration=1200', '--drain=900',
           '--csv=sweep.csv', '--results=sweep.sqlite']
    r = subprocess.run(cmd, cwd=a.out, capture_output=True, text=True)
    print(r.stdout + r.stderr)
    if r.returncode != 0:
        raise SystemExit('FAIL: %s exited %d' % (' '.join(cmd), r.returncode))
    with open(os.path.join(a.out, 'sweep.csv'), newline='') as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 2:
        raise SystemExit('FAIL: %d rows, expected 2' % len(rows))
    low, high = rows
    busy = lambda r: max(float(r['util_down']), float(r['util_up']))  # noqa: E731
    print('utilisation of the busier direction: %.3f at load 0.1, %.3f at load 0.5'
          % (busy(low), busy(high)))
    if not busy(high) > 2.5 * busy(low):
        raise SystemExit('FAIL: utilisation does not follow the offered load')
    print('end-to-end p95: %s s at 0.1, %s s at 0.5' % (low['e2e_p95'], high['e2e_p95']))
    if not float(high['e2e_p95']) > float(low['e2e_p95']):
        raise SystemExit('FAIL: the 95th percentile does not grow with the load')
    if int(low['messages']) < 10 or int(high['messages']) <= int(low['messages']):
        raise SystemExit('FAIL: message counts %s, %s' % (low['messages'], high['messages']))

    r = subprocess.run([sys.executable, a.plot, 'sweep.csv', '--out', 'sweep.png'], cwd=a.out,
                       capture_output=True, text=True)
    print(r.stdout + r.stderr)
    if r.returncode != 0:
        raise SystemExit('FAIL: the plot script exited %d' % r.returncode)
    text = png_text(os.path.join(a.out, 'sweep.png'))
    if text.get('Series') != '7' or len(text.get('Series-Labels', '').split(' | ')) != 7:
        raise SystemExit('FAIL: PNG text chunks %r' % text)

    for args, what in [(['missing.csv'], 'missing.csv'), (['sweep.sqlite'], 'sweep.sqlite')]:
        r = subprocess.run([sys.executable, a.plot] + args, cwd=a.out, capture_output=True,
                           text=True)
        if r.returncode != 2 or what not in r.stderr or 'Traceback' in r.stderr:
            raise SystemExit('FAIL: plot %s: status %d, %r' % (args, r.returncode, r.stderr))
    print('PASS')


if __name__ == '__main__':
    main()
