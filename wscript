# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# waf build of the ns-3 "mms" module, for waf-era ns-3 source trees (3.35 and before): put this
# folder at contrib/mms (or src/mms) and run ./waf configure --enable-examples --enable-tests.
# It declares the same sources, headers, tests and examples as CMakeLists.txt.
# See doc/in-tree-builds.md for how this was checked.

from waflib import Utils


def _add_includes(tg, dirs):
    # Keep what ns-3 set (e.g. the build directory, for "ns3/..." headers) and add ours.
    tg.includes = Utils.to_list(getattr(tg, 'includes', [])) + list(dirs)


def configure(conf):
    # The results recorder writes SQLite: the module needs it (Debian: libsqlite3-dev).
    conf.env['MMS_HAVE_SQLITE3'] = bool(conf.check_cfg(
        package='sqlite3', uselib_store='SQLITE3', args=['--cflags', '--libs'],
        mandatory=False))
    if not conf.env['MMS_HAVE_SQLITE3']:
        conf.fatal('mms: SQLite 3 not found (install libsqlite3-dev and pkg-config); the '
                   'results recorder needs it')
    # Scenario routes use Boost.Graph's headers (dijkstra_shortest_paths); no compiled Boost
    # library is linked (Debian: libboost-graph-dev or libboost-dev).
    conf.env['MMS_HAVE_BOOST_GRAPH'] = bool(conf.check_cxx(
        header_name='boost/graph/dijkstra_shortest_paths.hpp', uselib_store='BOOST_GRAPH',
        mandatory=False))
    if not conf.env['MMS_HAVE_BOOST_GRAPH']:
        conf.fatal('mms: the Boost.Graph headers were not found (install libboost-graph-dev or '
                   'libboost-dev); scenario routes need them')
    # The module is C++17. ns-3.33 and later already build with -std=c++17; older trees use an
    # older standard, which the last -std flag on the command line overrides.
    if not any(f in ('-std=c++17', '-std=c++2a', '-std=c++20', '-std=gnu++17')
               for f in conf.env['CXXFLAGS']):
        conf.env.append_value('CXXFLAGS', ['-std=c++17'])


def build(bld):
    deps = ['core', 'network', 'internet', 'applications', 'point-to-point', 'stats']
    module = bld.create_ns3_module('mms', deps)
    module.source = sorted(str(n.path_from(bld.path))
                           for n in bld.path.ant_glob(['model/*.cc', 'helper/*.cc']))
    # As in the standalone build, the module's headers are reachable without the "ns3/" prefix
    # too (the tests and examples include e.g. "mms-wsp-codec.h").
    _add_includes(module, ['model', 'helper'])
    if bld.env['MMS_HAVE_SQLITE3']:
        module.use.append('SQLITE3')
    if bld.env['MMS_HAVE_BOOST_GRAPH']:
        module.use.append('BOOST_GRAPH')

    module_test = bld.create_ns3_module_test_library('mms')
    module_test.source = ['test/mms-test-data.cc', 'test/mms-test-world.cc'] + sorted(
        str(n.path_from(bld.path)) for n in bld.path.ant_glob('test/*-test-suite.cc'))
    # The tests find their data files by absolute path, wherever test.py runs them from.
    module_test.defines = ['MMS_SOURCE_DIR="%s"' % bld.path.abspath()]
    _add_includes(module_test, ['model', 'helper'])
    # The mms-pdu command (utils/), which the mms-pdu-tool suite runs; built with the tests.
    if bld.env['ENABLE_TESTS']:
        tool = bld.create_ns3_program('mms-pdu', ['mms'])
        tool.source = 'utils/mms-pdu.cc'
        _add_includes(tool, ['model'])
        tool_path = bld.path.find_or_declare(tool.target).abspath()
        module_test.defines.append('MMS_PDU_TOOL="%s"' % tool_path)

    headers = bld(features='ns3header')
    headers.module = 'mms'
    headers.source = sorted(str(n.path_from(bld.path))
                            for n in bld.path.ant_glob(['model/*.h', 'helper/*.h']))

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
