/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-retry-policy.h"

#include "mms-common.h"

#include "ns3/enum.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cctype>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsRetryPolicy");

NS_OBJECT_ENSURE_REGISTERED(MmsRetryPolicy);

TypeId
MmsRetryPolicy::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsRetryPolicy")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsRetryPolicy>()
            .AddAttribute("Kind",
                          "Form of the schedule: Linear (n x Interval before retry n), Fixed "
                          "(Interval before every retry) or Table (the Table entries)",
                          EnumValue(MmsRetryPolicy::LINEAR),
                          MMS_ENUM_ACCESSOR(MmsRetryPolicy::Kind, &MmsRetryPolicy::m_kind),
                          MakeEnumChecker(MmsRetryPolicy::LINEAR,
                                          "Linear",
                                          MmsRetryPolicy::FIXED,
                                          "Fixed",
                                          MmsRetryPolicy::TABLE,
                                          "Table"))
            .AddAttribute("Interval",
                          "Time unit of the Linear and Fixed forms (s). Default 300 s: Mbuni's "
                          "notification back-off of 300 s x n",
                          TimeValue(Seconds(300)),
                          MakeTimeAccessor(&MmsRetryPolicy::m_interval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Table",
                          "Delays of the Table form, before attempts 1, 2, ...; the last one "
                          "repeats. Default: Android's legacy MMS client, 0, 1, 5, 10, 30 min",
                          StringValue("0s,1min,5min,10min,30min"),
                          MakeStringAccessor(&MmsRetryPolicy::SetTable, &MmsRetryPolicy::GetTable),
                          MakeStringChecker())
            .AddAttribute("MaxAttempts",
                          "Most attempts, the first included (count); 0 allows none",
                          UintegerValue(5),
                          MakeUintegerAccessor(&MmsRetryPolicy::m_maxAttempts),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

MmsRetryPolicy::MmsRetryPolicy()
    : m_kind(LINEAR)
    , m_interval(Seconds(300))
    , m_maxAttempts(5)
{
}

Time
MmsRetryPolicy::GetDelay(uint32_t attempt) const
{
    NS_ASSERT_MSG(attempt >= 1, "attempts are numbered from 1");
    switch (m_kind)
    {
        case LINEAR:
            return m_interval * static_cast<int64_t>(attempt - 1);
        case FIXED:
            return attempt == 1 ? Time(0) : m_interval;
        case TABLE:
            if (m_table.empty())
            {
                return Time(0);
            }
            return m_table[std::min<std::size_t>(attempt, m_table.size()) - 1];
    }
    return Time(0);
}

bool
MmsRetryPolicy::IsAllowed(uint32_t attempt) const
{
    return attempt >= 1 && attempt <= m_maxAttempts;
}

std::vector<Time>
MmsRetryPolicy::GetSchedule() const
{
    std::vector<Time> out;
    for (uint32_t a = 1; IsAllowed(a); ++a)
    {
        out.push_back(GetDelay(a));
    }
    return out;
}

MmsRetryPolicy::Kind
MmsRetryPolicy::GetKind() const
{
    return m_kind;
}

void
MmsRetryPolicy::SetKind(Kind kind)
{
    m_kind = kind;
}

void
MmsRetryPolicy::SetTable(const std::string& table)
{
    std::vector<Time> times;
    std::string error;
    if (!ParseTimes(table, times, error))
    {
        NS_FATAL_ERROR("ns3::MmsRetryPolicy::Table: " << error);
    }
    m_table = times;
}

std::string
MmsRetryPolicy::GetTable() const
{
    std::ostringstream os;
    for (std::size_t i = 0; i < m_table.size(); ++i)
    {
        os << (i ? "," : "") << m_table[i].GetSeconds() << "s";
    }
    return os.str();
}

bool
MmsRetryPolicy::ParseTimes(const std::string& text, std::vector<Time>& out, std::string& error)
{
    out.clear();
    std::string item;
    std::size_t index = 0;
    auto flush = [&]() -> bool
    {
        if (item.empty())
        {
            return true;
        }
        ++index;
        std::size_t i = 0;
        while (i < item.size()
               && (std::isdigit(static_cast<unsigned char>(item[i])) || item[i] == '.'))
        {
            ++i;
        }
        std::string number = item.substr(0, i);
        std::string unit = item.substr(i);
        static const std::pair<const char*, double> units[] = {{"ns", 1e-9},
                                                               {"us", 1e-6},
                                                               {"ms", 1e-3},
                                                               {"s", 1},
                                                               {"min", 60},
                                                               {"h", 3600},
                                                               {"d", 86400}};
        double factor = -1;
        for (const auto& u : units)
        {
            if (unit == u.first)
            {
                factor = u.second;
            }
        }
        std::istringstream ns(number);
        double value;
        if (number.empty() || !(ns >> value) || !ns.eof() || factor < 0)
        {
            error = "element " + std::to_string(index) + " '" + item
                    + "' is not a time such as 30s or 5min (units ns, us, ms, s, min, h, d)";
            return false;
        }
        out.push_back(Seconds(value * factor));
        item.clear();
        return true;
    };
    for (char c : text)
    {
        if (c == ',' || std::isspace(static_cast<unsigned char>(c)))
        {
            if (!flush())
            {
                return false;
            }
        }
        else
        {
            item.push_back(c);
        }
    }
    if (!flush())
    {
        return false;
    }
    if (out.empty())
    {
        error = "the list is empty";
        return false;
    }
    return true;
}

} // namespace ns3
