#!/usr/bin/python3
# Copyright (c) 2026 The ns-3 mms module authors
# SPDX-License-Identifier: GPL-2.0-only
"""CTest mms-bad-flags: every program of the module, run with bad flags, exits with status 2
and one line on standard error, "<program>: argument N '<argument>': <what is wrong>", prints
nothing on standard output (nothing was built) and never aborts (no status 134 or other signal,
no "terminate called" or "aborted"). Good flags still run to exit status 0.

Each ns-3 program gets the same ns-3 arguments (a malformed, an out-of-range and a semantically
wrong attribute value, an unknown attribute and type, an attribute of a parent type, the global
values RngRun, RngSeed, SimulatorImplementationType, SchedulerType and ChecksumEnabled, a help
flag naming an unknown type, a renamed type, an unknown flag and an argument without dashes)
and a bad value for each of its own flags; its own flags must be exactly those its --PrintHelp
lists, so that a new flag cannot go unchecked here. mms-pdu and mms-codec-benchmark, which do
not use ns-3, get their own.

  check-bad-flags.py --program NAME=PATH ... --scenario FILE --work DIR
"""
import argparse
import os
import re
import signal
import sqlite3
import subprocess
import sys

# ns-3 arguments every ns-3 program gets: the argument and a part of the expected message.
NS3_BAD = [
    ('--ns3::MmsRelay::Workers=abc', 'expected a whole number from 1 to 4294967295'),
    ('--ns3::MmsRelay::Workers=0', 'expected a whole number from 1 to 4294967295'),
    ('--ns3::MmsRelay::Wokers=4', 'ns3::MmsRelay has no attribute Wokers'),
    ('--ns3::MmsRelais::Workers=4', 'no ns-3 type is named ns3::MmsRelais'),
    ('--ns3::MmsRelay::StartTime=1s', 'StartTime is an attribute of ns3::Application'),
    ('--ns3::MmsTrafficModel::MessagesPerHour=-1',
     'MessagesPerHour: must be a finite number >= 0 (is -1)'),
    ('--ns3::MmsTrafficModel::HourlyProfile=1 2 3', 'HourlyProfile: 3 weights, need 24'),
    ('--ns3::MmsRetryPolicy::Table=soon', "Table: element 1 'soon' is not a time"),
    ('--ns3::MmsRelayMm4Agent::NumberRanges=red=+447700900001-+447700900999;'
     'blue=+447700900500-+447700901500',
     "NumberRanges: entry 'blue=+447700900500-+447700901500': overlaps a range of red"),
    ('--ns3::MmsRelayMm4Agent::Peers=blue=10.0.0.5:99999',
     "Peers: entry 'blue=10.0.0.5:99999': bad port '99999'"),
    ('--ns3::MmsUserAgent::RetryPolicy=ns3::MmsRetryPolicy[Table=0s,soon]',
     "ns3::MmsRetryPolicy: Table: element 2 'soon' is not a time"),
    ('--ns3::MmsRadioBearerProfile::Mtu=50', 'Mtu 50 is below the IPv4 minimum of 68'),
    ('--ns3::MmsRadioBearerProfile::Preset=UMTS-999', "unknown bearer profile 'UMTS-999'"),
    ('--ns3::MmsSocketTransport::TcpMss=5', 'TcpMss 5 leaves no room for data'),
    ('--ns3::MmsUserAgent::DeferredDelay=ns3::NoSuchVariable',
     'no ns-3 type is named ns3::NoSuchVariable'),
    ('--RngRun=x', 'expected a whole number from 0 to 18446744073709551615'),
    ('--RngRun=-1', 'expected a whole number from 0 to 18446744073709551615'),
    ('--RngSeed=0', 'expected a whole number from 1 to 4294944442'),
    ('--SimulatorImplementationType=ns3::Foo', 'expected one of ns3::DefaultSimulatorImpl'),
    ('--SchedulerType=ns3::MmsRelay', 'expected one of ns3::CalendarScheduler'),
    ('--ChecksumEnabled=maybe', 'expected true or false'),
    ('--PrintAttributes=ns3::Foo', 'no ns-3 type is named ns3::Foo'),
    ('--ns3::Smsc::ServiceRate=5', 'ns3::Smsc is now called ns3::MmsSmsc'),
    ('--nosuchflag=1', 'unknown flag'),
    ('RngRun=3', 'not a flag'),
]

# Each ns-3 program's own flags and a bad value for each (several for some), and arguments
# that come first so that a missing check would run something small rather than the default.
PROGRAMS = {
    'mms-busy-hour': {
        'first': ['--scenario={scenario}', '--results=none', '--duration=1', '--drain=1'],
        'flags': {
            'scenario': [''], 'results': [''], 'duration': ['abc', '-1', '0'],
            'drain': ['x', '-1'], 'startHour': ['noon'], 'newYear': ['maybe'],
            'spikeFactor': ['x', '-2'], 'plan': ['2'], 'handsetsOnDemand': ['maybe'],
            'mpi': ['yes'], 'memoryAt': ['abc', '0', '1,x', '-1', '1'],
            'fidelity': ['fluid'],
        },
        'good': [['--scenario={scenario}', '--results=none', '--duration=10', '--drain=10',
                  '--RngRun=3', '--ns3::MmsRelay::Workers=4', '--handsetsOnDemand=0'],
                 ['--scenario={scenario}', '--results=busy.sqlite', '--duration=10',
                  '--drain=10', '--memoryAt=0.001,0.005'],
                 ['--scenario={scenario}', '--results=none', '--duration=10', '--drain=10',
                  '--fidelity=flow']],
    },
    'mms-first': {
        'first': ['--results=none', '--bearer=p2p', '--stop=10'],
        'flags': {
            'deferred': ['maybe'], 'deliveryReport': ['2'], 'readReport': ['x'],
            'recipientOff': ['abc', '-1'], 'ipPush': ['maybe'],
            'size': ['abc', '-1', '4294967296', '12abc'], 'pcap': ['maybe'],
            'stop': ['abc', '0'], 'handsetRate': ['abc', '2 Mbps', '0bps'],
            'handsetDelay': ['abc', '1sec', '-1s'], 'bearer': ['UMTS-999', ''], 'results': [''],
            'stack': ['wap', ''],
        },
        'good': [['--results=none', '--bearer=p2p', '--stop=100', '--handsetRate=2Mbps',
                  '--handsetDelay=10ms', '--pcap=0', '--SchedulerType=ns3::HeapScheduler',
                  '--ns3::MmsTrafficModel::MessagesPerHour=0.5',
                  '--ns3::MmsUserAgent::RetryPolicy=ns3::MmsRetryPolicy[Kind=Table|Table=0s,1min]']],
    },
    'mms-cell-capacity': {
        'first': ['--results=none.sqlite', '--csv=none.csv', '--duration=1', '--drain=1',
                  '--loads=0.1', '--subscribers=2'],
        'flags': {
            'subscribers': ['abc', '1', '8388606'], 'bearer': ['foo'],
            'loads': ['abc', '0.1,,0.5', '0'], 'duration': ['abc', '0'], 'drain': ['-1'],
            'results': [''], 'csv': [''], 'progress': ['abc', '-1'],
        },
        'good': [],
    },
    'mms-wire-demo': {
        'first': [],
        'flags': {'photoSize': ['abc', '-1'], 'from': [''], 'to': ['']},
        'good': [['--photoSize=1000', '--from=+358401234567/TYPE=PLMN', '--RngRun=2',
                  '--ns3::MmsRelay::Workers=4', '--ChecksumEnabled=1']],
    },
    'mms-operator-benchmark': {
        'first': ['--subscribers=1000', '--duration=1', '--drain=0', '--record=0'],
        'flags': {
            'subscribers': ['abc', '0', '1000,'], 'perCell': ['0', 'abc'],
            'duration': ['-5'], 'drain': ['x'], 'mode': ['fast'], 'materialisedUpTo': ['-1'],
            'regions': ['abc'], 'subscribersPerMmsc': ['abc', '-1'], 'record': ['maybe'],
            'dir': ['/no/such/folder'], 'one': ['abc'], 'materialised': ['maybe'],
            'fidelity': ['fluid'], 'scheduler': ['heap'], 'newYear': ['maybe'],
            'spikeFactor': ['abc', '0', '-2'], 'rateFactor': ['x', '0', '-1'],
        },
        'good': [],
    },
    'mms-delivery-benchmark': {
        'first': ['--handsets=1', '--messages=1'],
        'flags': {'handsets': ['abc', '0', '10,x'], 'messages': ['0', 'abc'],
                  'size': ['abc', '-1']},
        'good': [],
    },
    'mms-radio-benchmark': {
        'first': ['--handsets=1', '--duration=1'],
        'flags': {
            'handsets': ['10,x', '0'], 'perCell': ['0'], 'profile': ['foo'], 'gap': ['0'],
            'size': ['0', 'abc'], 'duration': ['-1'], 'closer': ['both'],
        },
        'good': [],
    },
    'mms-results-benchmark': {
        'first': ['--handsets=1', '--traffic=1', '--repeat=1'],
        'flags': {
            'handsets': ['0'], 'rate': ['-1', 'abc', '1e-310'], 'traffic': ['abc'],
            'repeat': ['0'], 'bearer': ['foo'], 'dir': ['/no/such/folder'],
        },
        'good': [],
    },
    'mms-attributes': {
        'first': [],
        'flags': {},
        'good': [['--RngRun=2']],
    },
}

# The programs without ns-3: their own bad command lines, the index of the argument named, and
# a part of the expected message.
PLAIN_BAD = {
    'mms-codec-benchmark': [
        (['--seconds=abc'], 1, 'expected a positive number'),
        (['--seconds=-1'], 1, 'expected a positive number'),
        (['--seconds='], 1, 'expected a positive number'),
        (['--seconds=2x'], 1, 'expected a positive number'),
        (['--foo'], 1, 'unknown flag'),
        (['--RngRun=x'], 1, 'unknown flag'),
    ],
    'mms-pdu': [
        (['--foo'], 1, 'unknown option'),
        (['--RngRun=x'], 1, 'unknown option'),
        (['--push', '--sms'], 2, '--push, --sms, --wtp, --wsp, --wsp-connectionless and --mm7 exclude'),
        (['--wtp', '--wsp-connectionless'], 2, 'exclude each other'),
        (['one.pdu', 'two.pdu'], 2, 'a second FILE'),
    ],
}
PLAIN_GOOD = {
    'mms-codec-benchmark': [['--seconds=0.01']],
    'mms-pdu': [['--help']],
}

# Bad input that only the run can see (the values are good one by one): the program, its
# arguments and a part of the one line it must print on standard error, exiting with status 2;
# its results file (late.sqlite, opened before the check) must hold the run marked aborted.
LATE_BAD = [
    ('mms-busy-hour',
     ['--scenario={scenario}', '--results=late.sqlite', '--duration=10', '--drain=1',
      '--ns3::MmsRelayMm4Agent::Operator=red',
      '--ns3::MmsRelayMm4Agent::NumberRanges=red=+447700900001-+447700900999',
      '--ns3::MmsRelayMm4Agent::Peers=blu=10.0.0.5'],
     "ns3::MmsRelayMm4Agent::Peers: entry 'blu=10.0.0.5': no NumberRanges entry names "
     "operator 'blu'"),
]

TIMEOUT = 120
failures = []


def fail(what):
    failures.append(what)
    print('FAIL: ' + what)


def run(path, args, work):
    """Exit status (None after TIMEOUT), standard output and error; a program still running
    is stopped with the processes it started (mms-operator-benchmark runs children)."""
    p = subprocess.Popen([path] + args, cwd=work, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None, '', ''
    return p.returncode, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')


def expect_refused(name, path, args, index, part, work):
    """args[index - 1] is the bad argument."""
    shown = ' '.join(repr(a) for a in args)
    rc, out, err = run(path, args, work)
    if rc is None:
        fail('%s %s: still running after %d s (not refused)' % (name, shown, TIMEOUT))
        return
    if rc < 0 or rc == 134 or 'terminate called' in err or 'aborted' in err:
        fail('%s %s: aborted (status %d): %s' % (name, shown, rc, err.strip()[:300]))
        return
    if rc != 2:
        fail('%s %s: exit status %d, not 2: %s' % (name, shown, rc, err.strip()[:300]))
        return
    lines = err.splitlines()
    head = "%s: argument %d '%s': " % (name, index, args[index - 1])
    if len(lines) != 1:
        fail('%s %s: %d lines on standard error, not 1:\n%s' % (name, shown, len(lines), err))
    elif not lines[0].startswith(head) or len(lines[0]) == len(head):
        fail('%s %s: the line does not start with "%s": %s' % (name, shown, head, lines[0]))
    elif part not in lines[0]:
        fail('%s %s: the line does not say "%s": %s' % (name, shown, part, lines[0]))
    if out:
        fail('%s %s: printed on standard output before refusing: %s' % (name, shown, out[:200]))


def expect_good(name, path, args, work):
    rc, out, err = run(path, args, work)
    if rc != 0:
        fail('%s %s: exit status %s, not 0: %s' % (name, ' '.join(args), rc, err.strip()[:300]))


def program_options(name, path, work):
    """The flags of "Program Options" in a program's --PrintHelp."""
    rc, out, err = run(path, ['--PrintHelp'], work)
    if rc != 0:
        fail('%s --PrintHelp: exit status %s: %s' % (name, rc, err.strip()[:300]))
        return set()
    flags = set()
    inside = False
    for line in out.splitlines():
        if line.startswith('Program Options:'):
            inside = True
        elif not line.startswith(' '):
            inside = False
        elif inside:
            m = re.match(r'\s+--([A-Za-z0-9_]+):', line)
            if m:
                flags.add(m.group(1))
    return flags


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--program', action='append', default=[], help='NAME=PATH')
    p.add_argument('--scenario', required=True, help='a small scenario file')
    p.add_argument('--work', required=True)
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    paths = dict(x.split('=', 1) for x in a.program)
    expected = set(PROGRAMS) | set(PLAIN_BAD)
    if set(paths) != expected:
        raise SystemExit('FAIL: programs given %s, expected %s' % (sorted(paths), sorted(expected)))
    cases = 0
    for name, spec in PROGRAMS.items():
        path = paths[name]
        first = [x.format(scenario=a.scenario) for x in spec['first']]
        listed = program_options(name, path, a.work)
        if listed != set(spec['flags']):
            fail('%s: its --PrintHelp lists %s, this test checks %s' %
                 (name, sorted(listed), sorted(spec['flags'])))
        bad = [(b, part) for b, part in NS3_BAD]
        for flag, values in spec['flags'].items():
            bad += [('--%s=%s' % (flag, v), '') for v in values]
        for arg, part in bad:
            expect_refused(name, path, first + [arg], len(first) + 1, part, a.work)
            cases += 1
        for good in spec['good']:
            expect_good(name, path, [x.format(scenario=a.scenario) for x in good], a.work)
            cases += 1
    for name, args, part in LATE_BAD:
        args = [x.format(scenario=a.scenario) for x in args]
        rc, out, err = run(paths[name], args, a.work)
        lines = err.strip().splitlines()
        if rc != 2 or len(lines) != 1 or part not in lines[0]:
            fail('%s %s: status %s, not 2 with the one line "%s": %s' %
                 (name, ' '.join(args), rc, part, err.strip()[:300]))
        results = os.path.join(a.work, 'late.sqlite')
        try:
            runs = sqlite3.connect('file:%s?mode=ro' % results, uri=True).execute(
                'SELECT status FROM run').fetchall()
        except sqlite3.Error as e:
            runs = str(e)
        if runs != [('aborted',)]:
            fail('%s %s: %s holds the runs %s, not one marked aborted' %
                 (name, ' '.join(args), results, runs))
        for f in (results, results + '-wal', results + '-shm'):
            if os.path.exists(f):
                os.remove(f)
        cases += 1
    for name, bads in PLAIN_BAD.items():
        for args, index, part in bads:
            expect_refused(name, paths[name], args, index, part, a.work)
            cases += 1
        for good in PLAIN_GOOD[name]:
            expect_good(name, paths[name], good, a.work)
            cases += 1
    if failures:
        print('%d of %d cases failed' % (len(failures), cases))
        sys.exit(1)
    print('all %d cases passed: %d programs' % (cases, len(paths)))


if __name__ == '__main__':
    main()
