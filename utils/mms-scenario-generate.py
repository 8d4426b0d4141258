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

--mmscs K (default 1) writes K such operator areas, each with its MMSC site, SMSC, core and
--regions regions, their cores chained by 5 ms links, the cells dealt to the areas in turn:
a scenario that a distributed run (mms-busy-hour --mpi) splits over up to K ranks.

--wap-share-gprs S and --wap-share-umts T (default 0: every handset WAP 2.0) put a WAP gateway
(kind=wapgw) at each MMSC site and give the GPRS cells wapShare=S, the UMTS cells wapShare=T:
the share of their subscribers with WAP 1.x handsets.
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
    p.add_argument('--mmscs', type=int, default=1,
                   help='operator areas, each with its own MMSC, SMSC and regions')
    p.add_argument('--wap-share-gprs', type=float, default=0.0,
                   help='share of the GPRS cells\' subscribers with WAP 1.x handsets')
    p.add_argument('--wap-share-umts', type=float, default=0.0,
                   help='share of the UMTS cells\' subscribers with WAP 1.x handsets')
    a = p.parse_args()
    wap = a.wap_share_gprs > 0 or a.wap_share_umts > 0
    if not 0 <= a.wap_share_gprs <= 1 or not 0 <= a.wap_share_umts <= 1:
        p.error('need 0 <= wap-share-gprs <= 1 and 0 <= wap-share-umts <= 1')
    if a.cells < 1 or a.regions < 1 or a.subscribers < a.cells or not 0 <= a.gprs_share <= 1 \
            or not 1 <= a.mmscs <= a.cells:
        p.error('need cells >= 1, regions >= 1, subscribers >= cells, 0 <= gprs-share <= 1, '
                '1 <= mmscs <= cells')
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
    out.write('// %s: %d cells, %d subscribers (%d GPRS cells, %d UMTS cells), %s\n'
              % (a.name, a.cells, a.subscribers, len(gprs), a.cells - len(gprs),
                 'one MMSC' if a.mmscs == 1 else '%d MMSCs' % a.mmscs))
    out.write('// Written by utils/mms-scenario-generate.py%s; edit freely.\n'
              % ''.join(' ' + x for x in sys.argv[1:]))
    out.write('// Link rates and delays are planning assumptions: E1 (2 Mbit/s) backhaul for\n'
              '// GPRS cells, 4 x E1 (8 Mbit/s) for UMTS cells, STM-1 (155 Mbit/s) regional\n'
              '// links, gigabit Ethernet at the MMSC site.\n')
    if wap:
        out.write('// WAP 1.x handsets: a WAP gateway at each MMSC site; wapShare %g in GPRS cells, '
                  '%g in\n// UMTS cells (the others WAP 2.0, HTTP).\n'
                  % (a.wap_share_gprs, a.wap_share_umts))
    out.write('graph "%s" {\n' % a.name)
    for m in range(a.mmscs):
        sfx = '' if a.mmscs == 1 else '_%d' % (m + 1)
        out.write('    // The MMSC site: Relay, Server and PPG behind one router.\n')
        out.write('    mmsc%s [kind=relay];\n' % sfx)
        out.write('    store%s [kind=server];\n' % sfx)
        out.write('    ppg%s [kind=ppg];\n' % sfx)
        out.write('    site%s [kind=router];\n' % sfx)
        for e in ('mmsc', 'store', 'ppg'):
            out.write('    %s%s -- site%s [rate="1Gbps", delay="0.1ms"];\n' % (e, sfx, sfx))
        if wap:
            out.write('    wap%s [kind=wapgw];\n' % sfx)
            out.write('    wap%s -- site%s [rate="1Gbps", delay="0.1ms"];\n' % (sfx, sfx))
        out.write('    // The core: the SMSC sits with the core router.\n')
        out.write('    core%s [kind=router];\n' % sfx)
        out.write('    smsc%s [kind=smsc];\n' % sfx)
        out.write('    site%s -- core%s [rate="1Gbps", delay="1ms"];\n' % (sfx, sfx))
        out.write('    smsc%s -- core%s [rate="100Mbps", delay="1ms"];\n' % (sfx, sfx))
        if m > 0:
            out.write('    core%s -- core%s [rate="1Gbps", delay="5ms"];\n'
                      % ('' if m == 1 and a.mmscs == 1 else '_%d' % m, sfx))
        for r in range(a.regions):
            out.write('    region%d%s [kind=router];\n' % (r + 1, sfx))
            out.write('    core%s -- region%d%s [rate="155Mbps", delay="%dms"];\n'
                      % (sfx, r + 1, sfx, 2 + 2 * (r % 4)))
    out.write('    // Cells: the node of a cell is its network end (BSC/RNC, SGSN and GGSN).\n')
    for c in range(a.cells):
        name = 'c%0*d' % (len(str(a.cells)), c + 1)
        bearer = 'GPRS-CS2' if c in gprs else 'UMTS-384'
        rate = '2Mbps' if c in gprs else '8Mbps'
        area = c % a.mmscs
        sfx = '' if a.mmscs == 1 else '_%d' % (area + 1)
        share = a.wap_share_gprs if c in gprs else a.wap_share_umts
        out.write('    %s [kind=cell, bearer="%s", subscribers=%d%s];\n'
                  % (name, bearer, sizes[c], ', wapShare=%g' % share if share > 0 else ''))
        out.write('    region%d%s -- %s [rate="%s", delay="2ms"];\n'
                  % (c // a.mmscs % a.regions + 1 if a.mmscs > 1 else c % a.regions + 1, sfx,
                     name, rate))
    out.write('}\n')


if __name__ == '__main__':
    main()
