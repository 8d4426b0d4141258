/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Every argument is matched here the way ns-3's CommandLine splits it ("--" or "-", a name, and
// a value after the first '='), then checked with the scenario files' checker
// (MmsScenarioAttributes) before ns-3 reads it: ns-3.37 aborts inside attribute
// deserializers on malformed text and prints its whole help page on anything it refuses.

#include "mms-command-line.h"

#include "ns3/config.h"
#include "ns3/global-value.h"
#include "ns3/integer.h"
#include "ns3/mms-bearer-profile.h"
#include "ns3/mms-relay-mm4.h"
#include "ns3/mms-renamed-names.h"
#include "ns3/mms-retry-policy.h"
#include "ns3/mms-socket-transport.h"
#include "ns3/mms-traffic-model.h"
#include "ns3/object-factory.h"
#include "ns3/random-variable-stream.h"
#include "ns3/string.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <locale>
#include <sstream>
#include <sys/stat.h>

namespace ns3
{

namespace
{

/// One argument as ns-3's CommandLine splits it.
struct Argument
{
    bool option{false}; //!< it starts with '-'
    std::string name;   //!< after "--" or "-", up to the first '='
    std::string value;  //!< after the first '=' ("" if none)
};

Argument
SplitArgument(const std::string& text)
{
    Argument a;
    std::string rest;
    if (text.rfind("--", 0) == 0)
    {
        rest = text.substr(2);
    }
    else if (text.rfind('-', 0) == 0)
    {
        rest = text.substr(1);
    }
    else
    {
        return a;
    }
    a.option = true;
    const std::size_t equal = rest.find('=');
    a.name = rest.substr(0, equal);
    a.value = equal == std::string::npos ? "" : rest.substr(equal + 1);
    return a;
}

/// "a, b or c"
std::string
Alternatives(const std::vector<std::string>& words, const std::string& last)
{
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        out += (i == 0 ? "" : i + 1 == words.size() ? " " + last + " " : ", ") + words[i];
    }
    return out;
}

/// The types that are `baseName` or a child of it and can be created, by name.
std::vector<std::string>
CreatableKinds(const std::string& baseName)
{
    std::vector<std::string> names;
    TypeId base;
    if (!TypeId::LookupByNameFailSafe(baseName, &base))
    {
        return names;
    }
    for (uint32_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        TypeId t = TypeId::GetRegistered(static_cast<uint16_t>(i));
        if ((t == base || t.IsChildOf(base)) && t.HasConstructor())
        {
            names.push_back(t.GetName());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

/// The type among tid and its parents that declares an attribute.
bool
DeclaringType(TypeId tid, const std::string& attribute, TypeId& owner)
{
    for (TypeId t = tid;; t = t.GetParent())
    {
        for (std::size_t i = 0; i < t.GetAttributeN(); ++i)
        {
            if (t.GetAttribute(i).name == attribute)
            {
                owner = t;
                return true;
            }
        }
        if (t.GetParent() == t)
        {
            return false;
        }
    }
}

/// The types that declare an attribute of this name, sorted.
std::vector<std::string>
TypesWithAttribute(const std::string& attribute)
{
    std::vector<std::string> names;
    for (uint32_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        TypeId t = TypeId::GetRegistered(static_cast<uint16_t>(i));
        for (std::size_t j = 0; j < t.GetAttributeN(); ++j)
        {
            if (t.GetAttribute(j).name == attribute)
            {
                names.push_back(t.GetName());
                break;
            }
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

/// The default Stream of random variables set to a fixed one while it lives, so that objects
/// made only to be checked draw no automatic stream number: a checked flag must not shift the
/// streams of the objects built later.
class FixedStreams
{
  public:
    FixedStreams()
    {
        TypeId tid = RandomVariableStream::GetTypeId();
        TypeId::AttributeInformation info;
        if (MmsScenarioAttributes::Find(tid, "Stream", info))
        {
            m_saved = info.initialValue;
            Config::SetDefault("ns3::RandomVariableStream::Stream", IntegerValue(0));
        }
    }

    ~FixedStreams()
    {
        if (m_saved)
        {
            Config::SetDefault("ns3::RandomVariableStream::Stream", *m_saved);
        }
    }

    FixedStreams(const FixedStreams&) = delete;
    FixedStreams& operator=(const FixedStreams&) = delete;

  private:
    Ptr<const AttributeValue> m_saved;
};

/// The program's name as ns-3's CommandLine takes it from __FILE__.
std::string
ProgramName(const std::string& filename)
{
    std::string name = filename.substr(filename.find_last_of("/\\") + 1);
    return name.substr(0, name.rfind('.'));
}

bool
IsBlank(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

} // namespace

bool
MmsCheckObjectValues(TypeId tid,
                     const MmsScenarioAttributes::Settings& settings,
                     std::string& reason)
{
    auto is = [&tid](TypeId base)
    {
        return tid == base || tid.IsChildOf(base);
    };
    auto factory = [&tid, &settings]()
    {
        ObjectFactory f;
        f.SetTypeId(tid);
        for (const auto& s : settings)
        {
            f.Set(s.first, StringValue(s.second)); // checked, so it cannot abort
        }
        return f;
    };
    if (is(MmsTrafficModel::GetTypeId()) && tid.HasConstructor())
    {
        FixedStreams fixed;
        return factory().Create<MmsTrafficModel>()->Validate(reason);
    }
    if (is(MmsRadioBearerProfile::GetTypeId()) && tid.HasConstructor())
    {
        MmsBearerProfile profile;
        return factory().Create<MmsRadioBearerProfile>()->TryGet(profile, reason);
    }
    if (is(MmsRetryPolicy::GetTypeId()))
    {
        // Its Table setter aborts on a bad list: read the text instead of setting it.
        for (const auto& s : settings)
        {
            std::vector<Time> times;
            std::string error;
            if (s.first == "Table" && !MmsRetryPolicy::ParseTimes(s.second, times, error))
            {
                reason = "Table: " + error;
                return false;
            }
        }
    }
    if (is(MmsRelayMm4Agent::GetTypeId()))
    {
        // Its table setters stop the program on a bad entry: read the texts instead.
        for (const auto& s : settings)
        {
            if (!MmsRelayMm4Agent::CheckTable(s.first, s.second, reason))
            {
                return false;
            }
        }
    }
    if (is(MmsSocketTransport::GetTypeId()))
    {
        for (const auto& s : settings)
        {
            // CheckValue read it as a uint16_t. MmsSocketTransport takes the 12 octets of the
            // TCP timestamp option (on by default in ns-3) out of it.
            const double mss = MmsScenarioAttributes::ToDouble(s.second);
            if (s.first == "TcpMss" && mss >= 1 && mss <= 12)
            {
                reason = "TcpMss " + s.second
                         + " leaves no room for data: expected 0 (from the MTU) or a whole "
                           "number from 13 to 65535 (more than the 12 octets of TCP timestamps)";
                return false;
            }
        }
    }
    return true;
}

MmsCommandLine::MmsCommandLine(const std::string& filename)
    : m_cmd(filename)
    , m_name(ProgramName(filename))
{
}

std::string
MmsCommandLine::GetName() const
{
    return m_name;
}

std::string
MmsCommandLine::Read(const std::string& text, bool& value)
{
    std::string lower = text;
    std::transform(lower.begin(),
                   lower.end(),
                   lower.begin(),
                   [](char c)
                   {
                       return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                   });
    if (lower.empty())
    {
        value = !value; // ns-3 flips a boolean flag given without a value
    }
    else if (lower == "true" || lower == "t" || lower == "1")
    {
        value = true;
    }
    else if (lower == "false" || lower == "f" || lower == "0")
    {
        value = false;
    }
    else
    {
        return "expected true or false (or 1 or 0)";
    }
    return "";
}

std::string
MmsCommandLine::Read(const std::string& text, std::string& value)
{
    if (text.empty() || std::all_of(text.begin(), text.end(), IsBlank))
    {
        return "expected a value (ns-3 does not take an empty one)";
    }
    value = text;
    return "";
}

std::string
MmsCommandLine::ReadSigned(const std::string& text, int64_t min, int64_t max, int64_t& value)
{
    const std::string expected =
        "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    long long v = 0;
    if (!MmsScenarioAttributes::IsNumber(text, true, false) || !(in >> v) || v < min || v > max)
    {
        return expected;
    }
    value = v;
    return "";
}

std::string
MmsCommandLine::ReadUnsigned(const std::string& text, uint64_t max, uint64_t& value)
{
    const std::string expected = "expected a whole number from 0 to " + std::to_string(max);
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    unsigned long long v = 0;
    if (!MmsScenarioAttributes::IsNumber(text, true, false) || text[0] == '-' || !(in >> v)
        || v > max)
    {
        return expected;
    }
    value = v;
    return "";
}

std::string
MmsCommandLine::ReadReal(const std::string& text, double& value)
{
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    double v = 0;
    if (!MmsScenarioAttributes::IsNumber(text, true, true) || !(in >> v) || !std::isfinite(v))
    {
        return "expected a number";
    }
    value = v;
    return "";
}

bool
MmsCommandLine::CheckNs3(const std::string& name,
                         const std::string& value,
                         std::string& reason) const
{
    static const std::vector<std::string> help = {"PrintHelp",
                                                  "help",
                                                  "PrintVersion",
                                                  "version",
                                                  "PrintGlobals",
                                                  "PrintGroups",
                                                  "PrintTypeIds",
                                                  "PrintGroup"};
    if (std::find(help.begin(), help.end(), name) != help.end())
    {
        return true;
    }
    TypeId tid;
    if (name == "PrintAttributes")
    {
        if (!TypeId::LookupByNameFailSafe(value, &tid))
        {
            reason = "no ns-3 type is named " + value;
            return false;
        }
        return true;
    }
    const std::size_t colons = name.rfind("::");
    if (colons == std::string::npos)
    {
        // An ns-3 global value.
        auto global = std::find_if(GlobalValue::Begin(),
                                   GlobalValue::End(),
                                   [&name](const GlobalValue* g)
                                   {
                                       return g->GetName() == name;
                                   });
        if (global == GlobalValue::End())
        {
            reason = "unknown flag: neither a flag of " + m_name
                     + " (--PrintHelp lists them) nor an ns-3 global value (--PrintGlobals)";
            std::vector<std::string> types = TypesWithAttribute(name);
            if (types.size() == 1)
            {
                reason += "; " + name + " is an attribute of " + types[0] + ": write --" + types[0]
                          + "::" + name + "=" + value;
            }
            else if (!types.empty())
            {
                const std::size_t most = 3;
                if (types.size() > most)
                {
                    types.resize(most);
                    types.emplace_back("...");
                }
                reason += "; " + name + " is an attribute of " + Alternatives(types, "or")
                          + ": write --Type::" + name + "=" + value;
            }
            return false;
        }
        if (name == "SimulatorImplementationType" || name == "SchedulerType")
        {
            // ns-3 makes one of these when the simulator starts, and crashes on another type.
            const std::string base =
                name == "SchedulerType" ? "ns3::Scheduler" : "ns3::SimulatorImpl";
            const std::vector<std::string> kinds = CreatableKinds(base);
            if (std::find(kinds.begin(), kinds.end(), value) == kinds.end())
            {
                reason = "expected one of " + Alternatives(kinds, "or");
                return false;
            }
            return true;
        }
        if (name == "RngSeed")
        {
            // RngStream refuses seeds of 0 and from MRG32k3a's second modulus, 2^32 - 22853 =
            // 4294944443, up (L'Ecuyer, Operations Research 47(1), 1999).
            uint64_t seed = 0;
            if (!ReadUnsigned(value, 4294944442ULL, seed).empty() || seed == 0)
            {
                reason = "expected a whole number from 1 to 4294944442";
                return false;
            }
            return true;
        }
        TypeId::AttributeInformation info;
        info.checker = (*global)->GetChecker();
        return MmsScenarioAttributes::CheckValue(info, value, reason, MmsCheckObjectValues);
    }
    // --Type::Attribute=value: ns-3 sets the default of an attribute the type itself declares.
    const std::string typeName = name.substr(0, colons);
    const std::string attribute = name.substr(colons + 2);
    if (!TypeId::LookupByNameFailSafe(typeName, &tid))
    {
        reason = "no ns-3 type is named " + typeName;
        if (TypeId::LookupByNameFailSafe("ns3::" + typeName, &tid))
        {
            reason += " (ns3::" + typeName + " is)";
        }
        return false;
    }
    TypeId owner;
    if (DeclaringType(tid, attribute, owner) && owner != tid)
    {
        reason = attribute + " is an attribute of " + owner.GetName() + ", a parent of " + typeName
                 + ": write --" + owner.GetName() + "::" + attribute + "=" + value + " (for every "
                 + owner.GetName() + ")";
        return false;
    }
    TypeId::AttributeInformation info;
    return MmsScenarioAttributes::FindSettable(tid, attribute, info, reason)
           && MmsScenarioAttributes::CheckValue(info, value, reason, MmsCheckObjectValues);
}

std::string
MmsCommandLine::Check(int argc, char** argv, const char* nsLog) const
{
    std::ostringstream out;
    // Names from before the module's prefix first: only they are reported if there are any,
    // since the other checks would only say that they are unknown.
    const std::string renamed = MmsCheckRenamedNames(argc, argv, nsLog);
    if (!renamed.empty())
    {
        std::istringstream lines(renamed);
        for (std::string line; std::getline(lines, line);)
        {
            out << m_name << ": " << line << '\n';
        }
        return out.str();
    }
    // The values given so far for each type, checked together as each is added.
    std::vector<std::pair<TypeId, MmsScenarioAttributes::Settings>> given;
    for (int i = 1; i < argc; ++i)
    {
        const std::string text = argv[i] ? argv[i] : "";
        const Argument a = SplitArgument(text);
        std::string reason;
        if (!a.option)
        {
            reason = "not a flag: flags are written --name=value";
        }
        else
        {
            auto flag = std::find_if(m_flags.begin(),
                                     m_flags.end(),
                                     [&a](const Flag& f)
                                     {
                                         return f.name == a.name;
                                     });
            if (flag != m_flags.end())
            {
                reason = flag->check(a.value);
            }
            else if (CheckNs3(a.name, a.value, reason) && a.name.find("::") != std::string::npos)
            {
                TypeId tid = TypeId::LookupByName(a.name.substr(0, a.name.rfind("::")));
                auto same = std::find_if(given.begin(),
                                         given.end(),
                                         [&tid](const auto& g)
                                         {
                                             return g.first == tid;
                                         });
                if (same == given.end())
                {
                    given.emplace_back(tid, MmsScenarioAttributes::Settings());
                    same = given.end() - 1;
                }
                MmsScenarioAttributes::Settings settings = same->second;
                settings.emplace_back(a.name.substr(a.name.rfind("::") + 2), a.value);
                if (MmsCheckObjectValues(tid, settings, reason))
                {
                    same->second = settings;
                }
            }
        }
        if (!reason.empty())
        {
            out << m_name << ": argument " << i << " '" << text << "': " << reason << '\n';
        }
    }
    return out.str();
}

void
MmsCommandLine::Parse(int argc, char** argv)
{
    const std::string problems = Check(argc, argv, std::getenv("NS_LOG"));
    if (!problems.empty())
    {
        std::cerr << problems << std::flush;
        std::exit(2);
    }
    m_cmd.Parse(argc, argv);
    m_given.clear();
    for (int i = 1; i < argc; ++i)
    {
        m_given.emplace_back(argv[i]);
        const Argument a = SplitArgument(argv[i]);
        for (const auto& f : m_flags)
        {
            if (f.name == a.name && f.assign)
            {
                f.assign(a.value); // the whole text: ns-3 stops at white space
            }
        }
    }
}

bool
MmsCommandLine::IsGiven(const std::string& name) const
{
    return std::any_of(m_given.begin(),
                       m_given.end(),
                       [&name](const std::string& text)
                       {
                           const Argument a = SplitArgument(text);
                           return a.option && a.name == name;
                       });
}

void
MmsCommandLine::Refuse(const std::string& name, const std::string& what) const
{
    std::string where = "--" + name;
    for (std::size_t i = m_given.size(); i-- > 0;)
    {
        const Argument a = SplitArgument(m_given[i]);
        if (a.option && a.name == name)
        {
            where = "argument " + std::to_string(i + 1) + " '" + m_given[i] + "'";
            break;
        }
    }
    std::cerr << m_name << ": " << where << ": " << what << std::endl;
    std::exit(2);
}

MmsCommandLine::ValueCheck<std::string>
MmsCommandLine::OneOf(const std::vector<std::string>& words)
{
    return [words](const std::string& v) -> std::string
    {
        if (std::find(words.begin(), words.end(), v) != words.end())
        {
            return "";
        }
        return "expected " + Alternatives(words, "or");
    };
}

MmsCommandLine::ValueCheck<std::string>
MmsCommandLine::BearerPreset(const std::vector<std::string>& others)
{
    return [others](const std::string& v) -> std::string
    {
        MmsBearerProfile profile;
        std::string error;
        if (std::find(others.begin(), others.end(), v) != others.end()
            || MmsBearerProfile::FromPreset(v, 10, profile, error))
        {
            return "";
        }
        return others.empty() ? error : error + "; or " + Alternatives(others, "or");
    };
}

MmsCommandLine::ValueCheck<std::string>
MmsCommandLine::DataRateText()
{
    return [](const std::string& v) -> std::string
    {
        uint64_t bps = 0;
        if (!MmsScenarioAttributes::IsDataRate(v, bps))
        {
            return MmsScenarioAttributes::RATE_FORM;
        }
        return bps > 0 ? "" : "expected a positive data rate";
    };
}

MmsCommandLine::ValueCheck<std::string>
MmsCommandLine::TimeText()
{
    return [](const std::string& v) -> std::string
    {
        double seconds = 0;
        if (!MmsScenarioAttributes::IsTime(v, seconds))
        {
            return MmsScenarioAttributes::TIME_FORM;
        }
        return seconds >= 0 ? "" : "expected a time of at least 0";
    };
}

MmsCommandLine::ValueCheck<std::string>
MmsCommandLine::WholeNumbers(uint64_t min, uint64_t max)
{
    return [min, max](const std::string& v) -> std::string
    {
        const std::string expected = "expected comma-separated whole numbers from "
                                     + std::to_string(min) + " to " + std::to_string(max);
        std::istringstream list(v + ",");
        std::string item;
        while (std::getline(list, item, ','))
        {
            uint64_t n = 0;
            if (!ReadUnsigned(item, max, n).empty() || n < min)
            {
                return expected;
            }
        }
        return "";
    };
}

MmsCommandLine::ValueCheck<std::string>
MmsCommandLine::PositiveNumbers()
{
    return [](const std::string& v) -> std::string
    {
        std::istringstream list(v + ",");
        std::string item;
        while (std::getline(list, item, ','))
        {
            double x = 0;
            if (!ReadReal(item, x).empty() || !(x > 0))
            {
                return "expected comma-separated positive numbers";
            }
        }
        return "";
    };
}

MmsCommandLine::ValueCheck<std::string>
MmsCommandLine::Folder()
{
    return [](const std::string& v) -> std::string
    {
        struct stat st;
        if (stat(v.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        {
            return "no folder of that name";
        }
        return "";
    };
}

} // namespace ns3
