#!/usr/bin/python3
# Copyright (c) 2026 The ns-3 mms module authors
# SPDX-License-Identifier: GPL-2.0-only
"""Write an operator scenario (GraphViz DOT) for mms-busy-hour.

The network: one MMSC site (Relay, Server, PPG and a site router), an SMSC at the core, a core
router, regional routers, and cells hung off the regions, a share of them GPRS and the rest
UMTS. Subscriber counts per cell vary around the mean (a fixed seed: the same arguments give
the same file) and add up exactly to --subscribers.

  utils/mms-scenario-generate.py > examples/scenarios/mid-size-operator.dot
  utils/mms-scenario-generate.py --cells 200 --subscribers 400000 --regions 10 > big.dot
"""
import argparse
import random
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--name', default='mid-size-operator')
    p.add_argument('--cells', type=int, default=50)
    p.add_argument('--subscribers', type=int, default=50000)
    p.add_argument('--regions', type=int, default=5)
    p.add_argument('--gprs-share', type=float, default=0.4,
                   help='share of cells on GPRS (CS-2); the others are UMTS 384 kbit/s')
    p.add_argument('--seed', type=int, default=1)
    a = p.parse_args()
    if a.cells < 1 or a.regions < 1 or a.subscribers < a.cells or not 0 <= a.gprs_share <= 1:
        p.error('need cells >= 1, regions >= 1, subscribers >= cells, 0 <= gprs-share <= 1')
    rng = random.Random(a.seed)
    # Cell sizes: mean +-50 %, then scaled to the exact total.
    raw = [rng.uniform(0.5, 1.5) for _ in range(a.cells)]
    sizes = [max(1, int(a.subscribers * r / sum(raw))) for r in raw]
    i = 0
    while sum(sizes) != a.subscribers:
        sizes[i % a.cells] += 1 if sum(sizes) < a.subscribers else (-1 if sizes[i % a.cells] > 1 else 0)
        i += 1
    gprs = set(rng.sample(range(a.cells), round(a.cells * a.gprs_share)))

    out = sys.stdout
    out.write('// %s: %d cells, %d subscribers (%d GPRS cells, %d UMTS cells), one MMSC\n'
              % (a.name, a.cells, a.subscribers, len(gprs), a.cells - len(gprs)))
    out.write('// Written by utils/mms-scenario-generate.py%s; edit freely.\n'
              % ''.join(' ' + x for x in sys.argv[1:]))
    out.write('// Link rates and delays are planning assumptions: E1 (2 Mbit/s) backhaul for\n'
              '// GPRS cells, 4 x E1 (8 Mbit/s) for UMTS cells, STM-1 (155 Mbit/s) regional\n'
              '// links, gigabit Ethernet at the MMSC site.\n')
    out.write('graph "%s" {\n' % a.name)
    out.write('    // The MMSC site: Relay, Server and PPG behind one router.\n')
    out.write('    mmsc [kind=relay];\n')
    out.write('    store [kind=server];\n')
    out.write('    ppg [kind=ppg];\n')
    out.write('    site [kind=router];\n')
    out.write('    mmsc -- site [rate="1Gbps", delay="0.1ms"];\n')
    out.write('    store -- site [rate="1Gbps", delay="0.1ms"];\n')
    out.write('    ppg -- site [rate="1Gbps", delay="0.1ms"];\n')
    out.write('    // The core: the SMSC sits with the core router.\n')
    out.write('    core [kind=router];\n')
    out.write('    smsc [kind=smsc];\n')
    out.write('    site -- core [rate="1Gbps", delay="1ms"];\n')
    out.write('    smsc -- core [rate="100Mbps", delay="1ms"];\n')
    for r in range(a.regions):
        out.write('    region%d [kind=router];\n' % (r + 1))
        out.write('    core -- region%d [rate="155Mbps", delay="%dms"];\n'
                  % (r + 1, 2 + 2 * (r % 4)))
    out.write('    // Cells: the node of a cell is its network end (BSC/RNC, SGSN and GGSN).\n')
    for c in range(a.cells):
        name = 'c%0*d' % (len(str(a.cells)), c + 1)
        bearer = 'GPRS-CS2' if c in gprs else 'UMTS-384'
        rate = '2Mbps' if c in gprs else '8Mbps'
        out.write('    %s [kind=cell, bearer="%s", subscribers=%d];\n' % (name, bearer, sizes[c]))
        out.write('    region%d -- %s [rate="%s", delay="2ms"];\n'
                  % (c % a.regions + 1, name, rate))
    out.write('}\n')


if __name__ == '__main__':
    main()
