/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-test-data.h"

#include "mms-wsp-codec.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"

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

} // namespace mmstest
} // namespace ns3
