/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-test-data.h"

#include "mms-wsp-codec.h"

#include "ns3/abort.h"
#include "ns3/config.h"
#include "ns3/fatal-error.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/mms-scenario-helper.h"
#include "ns3/mms-scenario.h"
#include "ns3/mms-traffic-model.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"
#include "ns3/type-id.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace mmstest
{

bool
InstallTwoOperators(MmsScenarioHelper& builder, double seconds, std::string& error)
{
    MmsScenario scenario;
    std::vector<std::string> errors;
    if (!scenario.Load(MmsSourcePath("examples/scenarios/two-operators.dot"), errors))
    {
        error = errors.empty() ? "not loaded" : errors.front();
        return false;
    }
    Ptr<MmsTrafficModel> defaults = CreateObject<MmsTrafficModel>();
    builder.SetTrafficModelAttribute("TimeOfDayAtStart",
                                     TimeValue(Seconds(defaults->GetBusyHour() * 3600)));
    builder.Install(scenario);
    builder.AssignStreams(1);
    builder.StopTraffic(Seconds(seconds));
    return true;
}

std::string
MmsSourcePath(const std::string& relative)
{
#ifdef MMS_SOURCE_DIR
    return std::string(MMS_SOURCE_DIR) + "/" + relative;
#else
    // Inside an ns-3 tree, test.py and ns3 run tests from the top of the tree.
    return "contrib/mms/" + relative;
#endif
}

std::vector<uint8_t>
Hex(const std::string& hex)
{
    std::vector<uint8_t> b;
    if (!MmsWspFromHex(hex, b))
    {
        b.clear();
    }
    return b;
}

bool
ReadFile(const std::string& path, std::string& contents)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    contents = ss.str();
    return true;
}

bool
ReadHexFile(const std::string& path, std::vector<uint8_t>& bytes, std::string* error)
{
    std::string text;
    if (!ReadFile(path, text))
    {
        if (error)
        {
            *error = "cannot read " + path;
        }
        return false;
    }
    return MmsWspFromHex(text, bytes, error);
}

std::vector<std::string>
Split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
    {
        out.push_back(cur);
    }
    if (!s.empty() && s.back() == sep)
    {
        out.emplace_back();
    }
    return out;
}

std::vector<ManifestRow>
ReadManifest(const std::string& relative, std::size_t columns)
{
    std::string text;
    std::string path = MmsSourcePath(relative);
    if (!ReadFile(path, text))
    {
        NS_FATAL_ERROR("cannot read " << path);
    }
    std::vector<ManifestRow> rows;
    std::size_t lineNo = 0;
    for (const auto& line : Split(text, '\n'))
    {
        if (++lineNo == 1 || line.empty())
        {
            continue; // the header
        }
        ManifestRow row;
        row.columns = Split(line, '\t');
        if (row.columns.size() != columns)
        {
            NS_FATAL_ERROR(path << ":" << lineNo << ": expected " << columns
                                << " tab-separated columns, found " << row.columns.size());
        }
        for (const auto& kv : Split(row.columns.back(), ';'))
        {
            std::size_t eq = kv.find('=');
            if (eq == std::string::npos)
            {
                NS_FATAL_ERROR(path << ":" << lineNo << ": expected fact '" << kv
                                    << "' has no '='");
            }
            row.facts.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string
CheckFacts(const std::vector<std::pair<std::string, std::string>>& facts,
           const std::map<std::string, std::vector<std::string>>& seen)
{
    std::string out;
    for (const auto& kv : facts)
    {
        auto it = seen.find(kv.first);
        if (it == seen.end())
        {
            out += kv.first + ": not decoded\n";
            continue;
        }
        bool found = false;
        for (const auto& v : it->second)
        {
            found = found || v == kv.second;
        }
        if (!found)
        {
            out +=
                kv.first + ": expected '" + kv.second + "', decoded '" + it->second.front() + "'\n";
        }
    }
    return out;
}

std::string
TestName(std::string s)
{
    for (char& c : s)
    {
        if (c == '/' || c == '\\' || c == '|' || c == '?' || c == '"')
        {
            c = ':';
        }
    }
    return s;
}

int
RunCommand(const std::string& command, std::string& output)
{
    output.clear();
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
    {
        return -1;
    }
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
    {
        output.append(buf.data(), n);
    }
    int status = pclose(pipe);
    if (status == -1)
    {
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string
FindProgram(const std::string& name)
{
    std::string out;
    if (RunCommand("command -v " + name + " 2>/dev/null", out) != 0)
    {
        return "";
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
    {
        out.pop_back();
    }
    return out;
}

TwoNodes
BuildTwoNodes(const std::string& rate, const std::string& delay, const char* network)
{
    TwoNodes t;
    t.nodes.Create(2);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue(rate));
    p2p.SetChannelAttribute("Delay", StringValue(delay));
    t.devices = p2p.Install(t.nodes);
    InternetStackHelper internet;
    internet.Install(t.nodes);
    Ipv4AddressHelper ip;
    ip.SetBase(network, "255.255.255.0");
    t.addresses = ip.Assign(t.devices);
    return t;
}

std::string
MmsPduToolPath()
{
#ifdef MMS_PDU_TOOL
    return MMS_PDU_TOOL;
#else
    return "";
#endif
}

ScopedDefault::ScopedDefault(std::string name, const AttributeValue& value)
    : m_name(std::move(name))
{
    const std::size_t sep = m_name.rfind("::");
    TypeId tid;
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_IF(sep == std::string::npos
                        || !TypeId::LookupByNameFailSafe(m_name.substr(0, sep), &tid)
                        || !tid.LookupAttributeByName(m_name.substr(sep + 2), &info),
                    "ScopedDefault: no attribute " << m_name);
    m_restore = info.initialValue->Copy();
    Config::SetDefault(m_name, value);
}

ScopedDefault::~ScopedDefault()
{
    Config::SetDefault(m_name, *m_restore);
}

} // namespace mmstest
} // namespace ns3
