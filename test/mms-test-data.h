/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_TEST_DATA_H
#define MMS_TEST_DATA_H

// Where the tests find the module's data files (test/data/...) and tools, in the standalone
// build and inside an ns-3 source tree.

#include "ns3/attribute.h"
#include "ns3/ipv4-interface-container.h"
#include "ns3/mms-common.h" // NS3_VERSION_MINOR
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/test.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
class MmsScenarioHelper;

namespace mmstest
{

/// Install the shipped two-operator scenario (examples/scenarios/two-operators.dot, MM4
/// between its two Relays) in the busy hour, with traffic for `seconds` from the start.
/// \return false, with the loader's first error in `error`, if it does not load
bool InstallTwoOperators(MmsScenarioHelper& builder, double seconds, std::string& error);

/// How long a test case runs (QUICK, EXTENSIVE, TAKES_FOREVER): TestCase::TestDuration became
/// the enum class TestCase::Duration in ns-3.42; both take the qualified spelling
/// TestDuration::QUICK.
#if defined(NS3_VERSION_MINOR) && NS3_VERSION_MAJOR == 3 && NS3_VERSION_MINOR >= 42
using TestDuration = TestCase::Duration;
#else
using TestDuration = TestCase::TestDuration;
#endif

/// Absolute or working-directory-relative path of a file under the module's source folder,
/// e.g. MmsSourcePath("test/data/real-pdus/MANIFEST.tsv").
std::string MmsSourcePath(const std::string& relative);

/// Octets of a hex string written in a test (white space ignored); empty if malformed.
std::vector<uint8_t> Hex(const std::string& hex);

/// Read a whole file; false if it cannot be read.
bool ReadFile(const std::string& path, std::string& contents);

/// Read a .hex file (hex digits, white space ignored) into bytes; false on error.
bool ReadHexFile(const std::string& path, std::vector<uint8_t>& bytes, std::string* error);

/// Split text at each separator; a separator at the end gives an empty last piece.
std::vector<std::string> Split(const std::string& s, char sep);

/// One row of a test vector manifest (test/data/*/MANIFEST.tsv): its tab-separated columns, and
/// the facts of its last column ("name=value;name=value").
struct ManifestRow
{
    std::vector<std::string> columns;                       //!< the columns, last included
    std::vector<std::pair<std::string, std::string>> facts; //!< the last column's facts
};

/// Read a manifest below the source folder (its first line is a header); a row with another
/// number of columns, or a fact without '=', stops the program naming the file and line.
std::vector<ManifestRow> ReadManifest(const std::string& relative, std::size_t columns);

/// Check facts against the values a decoder produced (field name -> values in order): "" when
/// each fact's value is among its field's values, else one line per fact that is not.
std::string CheckFacts(const std::vector<std::pair<std::string, std::string>>& facts,
                       const std::map<std::string, std::vector<std::string>>& seen);

/// A test case name: the characters ns-3 refuses in names ('/', '\\', '|', '?', '"') become ':'.
std::string TestName(std::string s);

/// Run a shell command, capturing its standard output; returns the exit status (-1 if it could
/// not be started).
int RunCommand(const std::string& command, std::string& output);

/// Path of a program named `name` (e.g. "tshark"), or "" if it is not on PATH.
std::string FindProgram(const std::string& name);

/// Two nodes on a point-to-point link with IPv4, for tests of what crosses a network.
struct TwoNodes
{
    NodeContainer nodes;              //!< node 0 and node 1
    NetDeviceContainer devices;       //!< their link devices
    Ipv4InterfaceContainer addresses; //!< their addresses, .1 and .2 of the network
};

/**
 * Build two nodes joined by a point-to-point link.
 * \param rate link rate, e.g. "10Mbps"
 * \param delay one-way delay, e.g. "5ms"
 * \param network the /24 network, e.g. "10.1.1.0"
 *
eturn the nodes, devices and addresses
 */
TwoNodes BuildTwoNodes(const std::string& rate, const std::string& delay, const char* network);

/// Path of the built mms-pdu command ("" if unknown in this build).
std::string MmsPduToolPath();

/**
 * An attribute default set for one test case: Config::SetDefault on construction, the default
 * it replaced back on destruction (also when the case fails part-way).
 */
class ScopedDefault
{
  public:
    /**
     * \param name the attribute, as Config::SetDefault names it ("ns3::Type::Attribute")
     * \param value its value for the case
     */
    ScopedDefault(std::string name, const AttributeValue& value);
    ~ScopedDefault();
    ScopedDefault(const ScopedDefault&) = delete;
    ScopedDefault& operator=(const ScopedDefault&) = delete;

  private:
    std::string m_name;            //!< the attribute
    Ptr<AttributeValue> m_restore; //!< the default it replaced
};

} // namespace mmstest
} // namespace ns3

#endif /* MMS_TEST_DATA_H */
