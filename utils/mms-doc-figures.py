#!/usr/bin/python3
# Copyright (c) 2026 The ns-3 mms module authors
# SPDX-License-Identifier: GPL-2.0-only
"""Regenerate the figures of the module's documentation (doc/mms.rst) into one folder.

  utils/mms-doc-figures.py --build build --out doc/figures [--work DIR] [--rst doc/mms.rst]

Figures (PNG):
  mms-layers.png        the module's layers, their classes and what may use what (drawn here,
                        from the LAYERS and USES tables below)
  mms-elements.png      the network elements and the protocols between them (drawn here, from
                        the ELEMENTS and LINKS tables below)
  mms-first-ladder.png  one MMS step by step: build/mms-first run in a scratch folder, its
                        results file drawn by utils/mms-report.py ladder --png
  mms-first-wsp-ladder.png  the same with WAP 1.x handsets: build/mms-first --stack=wsp,
                        drawn the same way (WSP over WTP to the WAP gateway, HTTP beyond)
  mms-latency-cdf.png   the latency KPIs of a short busy hour: build/mms-busy-hour (the shipped
                        mid-size operator, --duration and --drain below) in a scratch folder,
                        drawn by utils/mms-report.py plots
  mms-overload.png      an overwhelmed Relay: utils/mms-overload.py runs build/mms-busy-hour on
                        examples/scenarios/overwhelmed-relay.dot at 1, 2, 5 and 10 x the
                        busy-hour rate (600 s of traffic, 3600 s to finish) and draws it
  mms-campaign-gprs-cell.png  the shipped campaign examples/campaigns/mms-gprs-cell.campaign
                        (5 points x 10 replications of build/mms-busy-hour, as many runs at a
                        time as --jobs) run by utils/mms-campaign.py in a scratch folder and
                        drawn by its report --png

The programs run in --work (default: a temporary folder, removed at the end), so nothing but
the PNGs lands in --out. After drawing, every ".. figure:: figures/NAME.png" of --rst must have
been written: a figure the documentation names and this script did not produce is an error
(exit status 1). Other errors (a program missing or failing) exit with status 2.
Needs matplotlib (Debian: python3-matplotlib).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # nothing written into the source tree
import mms_python  # noqa: E402  (beside this script: runs it on the Python that has matplotlib)

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)

# -----------------------------------------------------------------------------------------
# The layers figure, on a 16 x 12 canvas (inches). Each layer: key, title, Doxygen group,
# box (x, y, width, height) and its classes, one line of the box per entry.
LAYERS = [
    ('helpers', 'Helpers (helper/)', 'mms-helpers', (0.3, 10.0, 15.4, 1.25), [
        'MmsHelper   MmsNetworkHelper   MmsRadioBearerHelper   MmsScenarioHelper   '
        'MmsCommandLine      they use every layer below',
    ]),
    ('engines', 'Network elements (engines)', 'mms-engines', (0.3, 6.6, 8.6, 2.5), [
        'MmsUserAgent   MmsRelay (MmsRelayMm4Agent)   MmsServer   MmsWapPushProxyGateway   MmsSmsc',
        'MmsVasp   MmsRelayMm7 (MM7 from value-added service providers)',
        'MmsWapGateway (WAP 1.x: WSP/WTP to handsets, HTTP to the Relay)',
        'MmsApplication (their base: an ns-3 Application with a transport)',
        'MmsRetryPolicy   MmsSubscriberDirectory   MmsEvent (every trace)',
        'MmsSubscriberPool (subscriber records, handsets on demand)   MmsMailServer (MM3)',
        'MmsLadder (one-line descriptions of what they send)',
    ]),
    ('recording', 'Recording (SQLite)', 'mms-recording', (10.5, 6.6, 5.2, 2.5), [
        'MmsSqliteRecorder (trace sinks,',
        '  rows, samples, run row)',
        'MmsRunMetadata (run_attribute rows)',
        'MmsKpiSummary (end-of-run summary',
        '  from the summary views)',
        'MmsSqliteDatabase',
        'MmsResultsSchema (tables, KPI and',
        '  summary views; version 5)',
        'MmsLadderTracer (each PDU: sent, arrived)',
    ]),
    ('transport', 'Transports', 'mms-transport', (0.3, 3.2, 4.6, 2.45), [
        'MmsTransport (the interface',
        '  the elements see)',
        'MmsSocketTransport',
        'MmsHttpConnection',
        'MmsWtpInitiator / MmsWtpResponder',
        'MmsWspClient (a handset\'s WSP/WTP)',
        'MmsFlowTransport   MmsFlowNetwork',
        'MmsSmtpConnection',
    ]),
    ('scenario', 'Scenarios and traffic', 'mms-scenario', (5.6, 3.2, 4.0, 2.45), [
        'MmsScenario (a DOT file, checks)',
        'MmsScenarioReader (DOT parser)',
        'MmsScenarioAttributes (values)',
        'MmsScenarioRoutes (Dijkstra)',
        'MmsScenarioRouting (IPv4 routes)',
        'MmsScenarioPartition (MPI ranks)',
        'MmsTrafficModel   MmsCellTraffic',
        'MmsEventScheduler',
    ]),
    ('radio', 'Radio bearers', 'mms-radio', (10.5, 3.2, 5.2, 2.45), [
        'MmsRadioCellChannel',
        'MmsRadioBearerNetDevice',
        'MmsRrcStateMachine',
        'MmsRadioScheduler',
        'MmsBearerProfile',
    ]),
    ('codec', 'Wire format (codec): plain C++, no ns-3', 'mms-codec', (0.3, 0.3, 10.4, 1.95), [
        'MmsWspReader / MmsWspWriter   MmsWspContentType   MmsPdu   MmsMultipartBody',
        'MmsWspPushPdu   MmsWdpSms   MmsSmsSubmit / MmsSmsDeliver   MmsPapRequest',
        'MmsWtpPdu   MmsWspSessionPdu (WAP 1.x)   MmsHttpMessage / MmsHttpParser',
        'MmsMimeEntity   MmsBase64   MmsImfDate   MmsMm4Message   MmsSmtpServer / MmsSmtpClient',
        'MmsXmlElement   MmsMm7Message (MM7 SOAP)',
    ]),
    ('packets', 'PDUs as ns-3 headers', 'mms-packets', (11.3, 0.3, 4.4, 1.95), [
        'MmsPduHeader   MmsWspPushHeader',
        '(for pcaps and demonstrations:',
        ' mms-wire-demo and tests only)',
        'MmsSegmentsToPackets (HTTP bodies)',
    ]),
]

# What may use what: start and end points, label, label position (x, y, horizontal
# alignment), kind. "rule" is allowed by the design; a digit names a use the code still has
# and the design removes (drawn dashed red, explained in the legend).
USES = [
    ((10.5, 7.85), (8.9, 7.85), 'trace sources,\nattributes', (9.7, 8.1, 'center'), 'rule'),
    ((13.1, 6.6), (13.1, 5.65), 'cell traces', (13.2, 6.12, 'left'), 'rule'),
    ((2.0, 6.6), (2.0, 5.65), 'MmsTransport', (2.1, 6.12, 'left'), 'rule'),
    ((5.25, 6.6), (5.25, 2.25), 'PDUs', (5.35, 2.75, 'left'), 'rule'),
    ((7.2, 6.6), (7.2, 5.65), 'UA: TrafficModel', (7.3, 6.12, 'left'), 'rule'),
    ((2.0, 3.2), (2.0, 2.25), 'HTTP framing', (2.1, 2.72, 'left'), 'rule'),
    ((4.0, 3.2), (11.6, 2.25), 'segments to packets', (8.2, 2.85, 'center'), 'rule'),
    ((9.6, 4.2), (10.5, 4.2), 'bearer\npresets', (10.05, 3.75, 'center'), 'rule'),
    ((11.3, 1.3), (10.7, 1.3), '', None, 'rule'),
    ((8.6, 6.6), (10.9, 5.65), '1', (9.45, 5.95, 'center'), 'today'),
    ((11.4, 5.65), (8.9, 6.9), '2', (10.25, 6.45, 'center'), 'today'),
]

LEGEND = (
    'Arrow: may use (include, call, connect to trace sources, read attributes). Radio uses '
    'ns-3 network and internet only; the codec uses no ns-3. Not drawn: the flow level\n'
    '(MmsFlowNetwork) uses the radio\'s RRC state machine, scheduler and bearer profiles.\n'
    'Dashed red, uses the code has today that the design removes:  '
    '1  MmsUserAgent holds its radio devices to switch them off;\n'
    '    2  the radio includes mms-common.h for an enum wrapper.')


def draw_layers(path, plt):
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    fig = plt.figure(figsize=(16, 12.4), dpi=90)
    ax = fig.add_axes([0, 0, 1, 0.96])
    ax.set_xlim(0, 16)
    ax.set_ylim(-1.1, 11.3)
    ax.axis('off')
    colours = {'helpers': '#e8eef7', 'recording': '#f3e8f7', 'engines': '#e6f4ea',
               'transport': '#fff4e0', 'scenario': '#f7f3e0', 'radio': '#e0f2f7',
               'codec': '#eeeeee', 'packets': '#f7f7f7'}
    for key, title, group, (x, y, w, h), contents in LAYERS:
        ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle='round,pad=0.02,rounding_size=0.12',
                                    facecolor=colours[key], edgecolor='#555555', linewidth=1.2))
        ax.text(x + 0.15, y + h - 0.12, title, fontsize=13.5, fontweight='bold', va='top')
        ax.text(x + w - 0.12, y + 0.08, group, fontsize=10, va='bottom', ha='right',
                color='#666666', family='monospace', style='italic')
        ax.text(x + 0.15, y + h - 0.55, '\n'.join(contents), fontsize=11, va='top',
                family='monospace', linespacing=1.3)
    for p, q, label, where, kind in USES:
        rule = kind == 'rule'
        colour = '#1f4e99' if rule else '#c0392b'
        ax.add_patch(FancyArrowPatch(p, q, arrowstyle='-|>', mutation_scale=20,
                                     linewidth=2.0 if rule else 1.6, color=colour,
                                     linestyle='-' if rule else (0, (5, 3)),
                                     shrinkA=1, shrinkB=1))
        if label:
            lx, ly, ha = where
            ax.text(lx, ly, label, fontsize=11 if rule else 12, color=colour, va='center',
                    ha=ha, fontweight='normal' if rule else 'bold', linespacing=1.0)
    ax.text(0.3, -0.15, LEGEND, fontsize=10.5, va='top', color='#333333', linespacing=1.45)
    fig.suptitle('The mms module in layers: their classes, Doxygen groups and what may use '
                 'what', fontsize=15, y=0.995)
    fig.savefig(path, bbox_inches='tight', metadata={'Series': str(len(LAYERS))})
    plt.close(fig)


# -----------------------------------------------------------------------------------------
# The elements figure: the network elements (name, class, centre) and the protocols between
# them, on a 16 x 9 canvas (inches).
ELEMENTS = [
    ('uao', 'User Agent\n(originator)', 'MmsUserAgent', (1.75, 6.9)),
    ('uar', 'User Agent\n(recipient)', 'MmsUserAgent', (1.75, 2.2)),
    ('relay', 'MMS Relay', 'MmsRelay', (8.0, 6.9)),
    ('server', 'MMS Server', 'MmsServer', (14.1, 6.9)),
    ('ppg', 'Push Proxy Gateway', 'MmsWapPushProxyGateway', (14.1, 2.2)),
    ('smsc', 'SMSC', 'MmsSmsc', (8.0, 2.2)),
]
BOX_W, BOX_H = 2.9, 1.35

# From, to, label, label position (x, y, horizontal alignment), curvature (0: straight),
# dashed (an alternative to the SMS path).
LINKS = [
    ('uao', 'relay', 'MM1: HTTP/1.1 over TCP\nPOST M-Send.req, M-Send.conf',
     (4.9, 7.05, 'center'), 0, False),
    ('relay', 'server', 'store protocol: HTTP\nPUT, GET, DELETE /store/<id>\nport 8002',
     (11.05, 7.05, 'center'), 0, False),
    ('relay', 'ppg', 'PAP over HTTP\nPOST /wappush, port 8080:\nM-Notification.ind,\n'
     'M-Delivery.ind, M-Read-Orig.ind', (11.55, 4.75, 'left'), 0, False),
    ('ppg', 'smsc', 'HTTP POST /sms\nport 13013: SMS-SUBMIT', (11.05, 2.35, 'center'), 0,
     False),
    ('smsc', 'uar', 'SMS bearer: RP-DATA with\nSMS-DELIVER (WDP port 2948),\n'
     'RP-ACK; UDP 9292, the cell\'s\nsignalling channel', (4.9, 2.35, 'center'), 0, False),
    ('uar', 'relay', 'MM1: HTTP GET Content-Location,\nM-Retrieve.conf;\n'
     'POST M-NotifyResp.ind', (4.45, 4.75, 'right'), 0, False),
    ('ppg', 'uar', 'or IP push: WSP Push to UDP port 2948 (MmsWapPushProxyGateway::Bearer=Udp)',
     (8.0, 0.55, 'center'), -0.08, True),
]


def element_box(key):
    for k, _, _, (x, y) in ELEMENTS:
        if k == key:
            return (x - BOX_W / 2, y - BOX_H / 2, BOX_W, BOX_H)
    raise KeyError(key)


def anchor(box, towards):
    """The point on a box's border facing the point towards (the other box's centre)."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    sx = (w / 2) / abs(dx) if dx else float('inf')
    sy = (h / 2) / abs(dy) if dy else float('inf')
    s = min(sx, sy)
    return cx + dx * s, cy + dy * s


def draw_elements(path, plt):
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    fig = plt.figure(figsize=(16, 9.2), dpi=90)
    ax = fig.add_axes([0, 0, 1, 0.95])
    ax.set_xlim(0, 16)
    ax.set_ylim(-0.3, 8.6)
    ax.axis('off')
    # The MMSC (Relay and Server) and the handsets, as background areas.
    ax.add_patch(FancyBboxPatch((6.35, 5.85), 9.4, 2.55, boxstyle='round,pad=0.02',
                                facecolor='#eef4fb', edgecolor='#9db3d6', linestyle='--'))
    ax.text(11.05, 8.28, 'MMSC of one MMSE', fontsize=11.5, color='#3b5b8c', ha='center',
            va='top')
    ax.add_patch(FancyBboxPatch((0.1, 1.1), 3.3, 7.3, boxstyle='round,pad=0.02',
                                facecolor='#f2f8ee', edgecolor='#a3c293', linestyle='--'))
    ax.text(1.75, 4.0, 'handsets, on radio\ncells or on point-to-\npoint links',
            fontsize=11, color='#4d7a35', ha='center', va='center')
    for key, name, cls, (x, y) in ELEMENTS:
        bx, by, w, h = element_box(key)
        ax.add_patch(FancyBboxPatch((bx, by), w, h, boxstyle='round,pad=0.02,rounding_size=0.15',
                                    facecolor='white', edgecolor='#333333', linewidth=1.4))
        ax.text(x, y + 0.2, name, fontsize=13, fontweight='bold', ha='center', va='center')
        ax.text(x, by + 0.22, cls, fontsize=10.5, family='monospace', ha='center',
                va='center', color='#444444')
    for src, dst, label, (lx, ly, ha), curve, dashed in LINKS:
        a, b = element_box(src), element_box(dst)
        if curve:
            # Under the row: from the bottom of one box to the bottom of the other.
            p = (a[0] + a[2] / 2, a[1])
            q = (b[0] + b[2] / 2, b[1])
        else:
            p = anchor(a, (b[0] + b[2] / 2, b[1] + b[3] / 2))
            q = anchor(b, (a[0] + a[2] / 2, a[1] + a[3] / 2))
        ax.add_patch(FancyArrowPatch(p, q, arrowstyle='<|-|>' if not dashed else '-|>',
                                     mutation_scale=18, linewidth=1.8, color='#1f4e99',
                                     linestyle=(0, (5, 3)) if dashed else '-',
                                     connectionstyle='arc3,rad=%g' % curve,
                                     shrinkA=2, shrinkB=2))
        ax.text(lx, ly, label, fontsize=11, ha=ha, va='bottom', color='#1f4e99',
                linespacing=1.15)
    fig.suptitle('The MMS network elements and the protocols between them (each element '
                 'reaches the others only through its MmsTransport)', fontsize=14, y=0.99)
    fig.savefig(path, bbox_inches='tight', metadata={'Series': str(len(LINKS))})
    plt.close(fig)


# -----------------------------------------------------------------------------------------
def fail(message, status=2):
    print('mms-doc-figures: ' + message, file=sys.stderr)
    sys.exit(status)


def run(command, cwd, log):
    """Run a program in cwd, its output into the log file; fail with the log's tail."""
    with open(log, 'w') as out:
        rc = subprocess.call(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    if rc != 0:
        with open(log) as f:
            tail = f.read()[-2000:]
        fail('%s exited with %d (in %s):\n%s' % (' '.join(command), rc, cwd, tail))


def program(path, name):
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        fail('%s: no such program (build it: cmake --build BUILD --target %s)' % (path, name))
    return os.path.abspath(path)


def figures_named(rst):
    """The figure files doc/mms.rst names, relative to its folder's figures/."""
    with open(rst) as f:
        text = f.read()
    return re.findall(r'^\.\. figure:: figures/(\S+)\s*$', text, re.MULTILINE)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog='\n'.join(__doc__.splitlines()[1:]))
    p.add_argument('--build', default='build', help='the build folder with mms-first and '
                   'mms-busy-hour (default: build)')
    p.add_argument('--first', help='the mms-first program (default: BUILD/mms-first)')
    p.add_argument('--busy-hour', help='the mms-busy-hour program (default: '
                   'BUILD/mms-busy-hour)')
    p.add_argument('--out', required=True, help='folder for the PNG files (created)')
    p.add_argument('--work', help='scratch folder for the runs (default: a temporary folder, '
                   'removed afterwards)')
    p.add_argument('--rst', default=os.path.join(SOURCE, 'doc', 'mms.rst'),
                   help='the documentation whose figures must all be produced '
                   '(default: doc/mms.rst of this module)')
    p.add_argument('--duration', type=int, default=600,
                   help='busy hour: seconds of traffic (default 600)')
    p.add_argument('--drain', type=int, default=300,
                   help='busy hour: seconds to finish what is under way (default 300)')
    p.add_argument('--jobs', type=int, default=os.cpu_count() or 1,
                   help='campaign: runs at a time (default: the number of cores)')
    a = p.parse_args()

    first = program(a.first or os.path.join(a.build, 'mms-first'), 'mms-first')
    busy = program(a.busy_hour or os.path.join(a.build, 'mms-busy-hour'), 'mms-busy-hour')
    report = os.path.join(HERE, 'mms-report.py')
    try:
        mms_python.require('matplotlib', 'python3-matplotlib')
    except ImportError as e:
        fail('needs matplotlib: %s' % e)
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    work = os.path.abspath(a.work) if a.work else tempfile.mkdtemp(prefix='mms-doc-figures-')
    written = []
    try:
        draw_layers(os.path.join(out, 'mms-layers.png'), plt)
        written.append('mms-layers.png')
        draw_elements(os.path.join(out, 'mms-elements.png'), plt)
        written.append('mms-elements.png')

        # One MMS, the classroom example with its defaults (UMTS cell, SMS push).
        wd = os.path.join(work, 'first')
        shutil.rmtree(wd, ignore_errors=True)
        os.makedirs(wd)
        run([first, '--results=mms-first.sqlite'], wd, os.path.join(wd, 'mms-first.log'))
        run([sys.executable, report, 'ladder', 'mms-first.sqlite', '--png',
             os.path.join(out, 'mms-first-ladder.png')], wd, os.path.join(wd, 'ladder.log'))
        written.append('mms-first-ladder.png')

        # The same message between WAP 1.x handsets, through the WAP gateway (WSP over WTP).
        run([first, '--stack=wsp', '--results=mms-first-wsp.sqlite'], wd,
            os.path.join(wd, 'mms-first-wsp.log'))
        run([sys.executable, report, 'ladder', 'mms-first-wsp.sqlite', '--png',
             os.path.join(out, 'mms-first-wsp-ladder.png')], wd,
            os.path.join(wd, 'ladder-wsp.log'))
        written.append('mms-first-wsp-ladder.png')

        # A short busy hour of the shipped operator.
        wd = os.path.join(work, 'busy-hour')
        shutil.rmtree(wd, ignore_errors=True)
        os.makedirs(wd)
        # The figure's run: the mid-size operator with a handset per subscriber, as drawn when
        # that was the default (the caption's figures are this run's).
        scenario = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'examples',
                                'scenarios', 'mid-size-operator.dot')
        run([busy, '--scenario=' + scenario, '--handsetsOnDemand=0',
             '--duration=%d' % a.duration, '--drain=%d' % a.drain, '--plan=false',
             '--results=busy-hour.sqlite'], wd, os.path.join(wd, 'mms-busy-hour.log'))
        run([sys.executable, report, 'plots', 'busy-hour.sqlite', '--out', 'plots'], wd,
            os.path.join(wd, 'plots.log'))
        shutil.copyfile(os.path.join(wd, 'plots', 'latency-cdf.png'),
                        os.path.join(out, 'mms-latency-cdf.png'))
        written.append('mms-latency-cdf.png')

        # An overwhelmed Relay: its scenario at 1, 2, 5 and 10 x the busy-hour rate.
        wd = os.path.join(work, 'overload')
        run([sys.executable, os.path.join(HERE, 'mms-overload.py'), '--busy-hour', busy,
             '--work', wd, '--png', os.path.join(out, 'mms-overload.png')], work,
            os.path.join(work, 'overload.log'))
        written.append('mms-overload.png')
        # The shipped campaign: subscribers of a GPRS cell against the end-to-end p95 and
        # failure ratio, with the programs of --build (its mms-busy-hour's folder).
        wd = os.path.join(work, 'campaign')
        shutil.rmtree(wd, ignore_errors=True)
        os.makedirs(wd)
        tool = os.path.join(HERE, 'mms-campaign.py')
        shipped = os.path.join(SOURCE, 'examples', 'campaigns', 'mms-gprs-cell.campaign')
        common = ['--build', os.path.dirname(busy), '--out', os.path.join(wd, 'out')]
        run([sys.executable, tool, 'run', shipped, '--jobs', str(a.jobs)] + common, wd,
            os.path.join(wd, 'run.log'))
        run([sys.executable, tool, 'report', shipped, '--png',
             os.path.join(out, 'mms-campaign-gprs-cell.png')] + common, wd,
            os.path.join(wd, 'report.log'))
        written.append('mms-campaign-gprs-cell.png')
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)

    for name in written:
        print('wrote %s' % os.path.join(out, name))
    named = figures_named(a.rst)
    missing = [n for n in named if not os.path.isfile(os.path.join(out, n)) or
               n not in written]
    if missing:
        fail('%s names figure(s) this script did not produce: %s'
             % (a.rst, ', '.join(missing)), 1)
    print('%s: all %d figures it names were produced' % (a.rst, len(named)))


if __name__ == '__main__':
    main()
