/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mms-renamed-names.h"

#include <cctype>
#include <sstream>

namespace ns3
{

namespace
{

/// True if `text` holds `name` at `pos` as a whole name (no identifier character after it).
bool
WholeNameAt(const std::string& text, std::size_t pos, const std::string& name)
{
    std::size_t end = pos + name.size();
    if (end < text.size())
    {
        unsigned char c = static_cast<unsigned char>(text[end]);
        if (std::isalnum(c) || c == '_')
        {
            return false;
        }
    }
    return true;
}

} // namespace

const std::vector<MmsRenamedName>&
MmsRenamedTypeIds()
{
    static const std::vector<MmsRenamedName> names = {
        {"ns3::HttpConnection", "ns3::MmsHttpConnection"},
        {"ns3::RadioBearerNetDevice", "ns3::MmsRadioBearerNetDevice"},
        {"ns3::RadioBearerProfile", "ns3::MmsRadioBearerProfile"},
        {"ns3::RadioCellChannel", "ns3::MmsRadioCellChannel"},
        {"ns3::RrcStateMachine", "ns3::MmsRrcStateMachine"},
        {"ns3::Smsc", "ns3::MmsSmsc"},
        {"ns3::WapPushProxyGateway", "ns3::MmsWapPushProxyGateway"},
        {"ns3::WspPushHeader", "ns3::MmsWspPushHeader"},
    };
    return names;
}

const std::vector<MmsRenamedName>&
MmsRenamedLogComponents()
{
    static const std::vector<MmsRenamedName> names = {
        {"BearerProfile", "MmsBearerProfile"},
        {"HttpConnection", "MmsHttpConnection"},
        {"RadioBearerHelper", "MmsRadioBearerHelper"},
        {"RadioBearerNetDevice", "MmsRadioBearerNetDevice"},
        {"RadioCellChannel", "MmsRadioCellChannel"},
        {"RrcStateMachine", "MmsRrcStateMachine"},
        {"Smsc", "MmsSmsc"},
        {"WapPushProxyGateway", "MmsWapPushProxyGateway"},
    };
    return names;
}

std::string
MmsCheckRenamedNames(int argc, char** argv, const char* nsLog)
{
    std::ostringstream out;
    for (int i = 1; i < argc; ++i)
    {
        const std::string arg = argv[i] ? argv[i] : "";
        for (const auto& n : MmsRenamedTypeIds())
        {
            for (std::size_t pos = arg.find(n.oldName); pos != std::string::npos;
                 pos = arg.find(n.oldName, pos + 1))
            {
                if (WholeNameAt(arg, pos, n.oldName))
                {
                    out << "argument " << i << " '" << arg << "': " << n.oldName
                        << " is now called " << n.newName << '\n';
                    break;
                }
            }
        }
    }
    if (nsLog && *nsLog)
    {
        // NS_LOG is "component[=level][:component[=level]]..."; the level is '|'-separated.
        std::string value = nsLog;
        std::size_t start = 0;
        while (start <= value.size())
        {
            std::size_t colon = value.find(':', start);
            std::string item = value.substr(start, colon - start);
            std::string component = item.substr(0, item.find('='));
            for (const auto& n : MmsRenamedLogComponents())
            {
                if (component == n.oldName)
                {
                    out << "NS_LOG '" << value << "': the log component " << n.oldName
                        << " is now called " << n.newName << '\n';
                }
            }
            if (colon == std::string::npos)
            {
                break;
            }
            start = colon + 1;
        }
    }
    return out.str();
}

} // namespace ns3
