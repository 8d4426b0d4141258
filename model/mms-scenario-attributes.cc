/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Each kind of value is first matched as text by straight-line code; only text that reads to
// its end reaches ns-3's own deserializer (DeserializeFromString) and checker.

#include "mms-scenario-attributes.h"

#include "mms-renamed-names.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <vector>

namespace ns3
{

namespace
{

bool
IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// White space as the "C" locale has it.
bool
IsSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/// A data rate as DataRate's operator>> reads it (failing, not aborting, on an unknown unit).
bool
ReadRate(const std::string& s, uint64_t& bps)
{
    std::istringstream in(s);
    DataRate rate;
    in >> rate;
    if (in.fail())
    {
        return false;
    }
    bps = rate.GetBitRate();
    return true;
}

/// "from 1 to 4294967295" out of a numeric checker's "uint32_t 1:4294967295".
std::string
RangeText(Ptr<const AttributeChecker> checker, bool whole)
{
    std::string kind = whole ? "a whole number" : "a number";
    if (!checker->HasUnderlyingTypeInformation())
    {
        return kind;
    }
    const std::string info = checker->GetUnderlyingTypeInformation();
    std::size_t space = info.rfind(' ');
    std::size_t colon = info.find(':', space == std::string::npos ? 0 : space);
    if (space == std::string::npos || colon == std::string::npos)
    {
        return kind;
    }
    std::string min = info.substr(space + 1, colon - space - 1);
    std::string max = info.substr(colon + 1);
    const bool hasMin = whole || std::fabs(MmsScenarioAttributes::ToDouble(min)) < 1e300;
    const bool hasMax = whole || std::fabs(MmsScenarioAttributes::ToDouble(max)) < 1e300;
    if (hasMin && hasMax)
    {
        return kind + " from " + min + " to " + max;
    }
    if (hasMin)
    {
        return kind + " of at least " + min;
    }
    if (hasMax)
    {
        return kind + " of at most " + max;
    }
    return kind;
}

bool CheckValueAt(const TypeId::AttributeInformation& info,
                  const std::string& value,
                  std::string& reason,
                  const MmsScenarioAttributes::ObjectCheck& objectCheck,
                  int depth);

/// "TypeName" or "TypeName[Name=value|Name=value]" as ns-3's ObjectFactory reads it, checked
/// without letting it abort: the TypeId exists, is `base` or a child of it (when given) and can
/// be created; each attribute exists and its value is valid; the values pass objectCheck.
bool
CheckFactory(const std::string& text,
             const TypeId* base,
             std::string& reason,
             const MmsScenarioAttributes::ObjectCheck& objectCheck,
             int depth)
{
    const std::string form = "expected a type name such as ns3::ExponentialRandomVariable, "
                             "optionally followed by [Name=value|Name=value]";
    if (text.empty() || std::any_of(text.begin(), text.end(), IsSpace))
    {
        reason = form;
        return false;
    }
    std::string name = text;
    std::string parameters;
    const std::size_t open = text.find('[');
    const std::size_t close = text.find(']');
    if (open != std::string::npos || close != std::string::npos)
    {
        if (open == std::string::npos || close == std::string::npos || close < open
            || close + 1 != text.size())
        {
            reason = form;
            return false;
        }
        name = text.substr(0, open);
        parameters = text.substr(open + 1, close - open - 1);
    }
    TypeId tid;
    if (name.empty() || !TypeId::LookupByNameFailSafe(name, &tid))
    {
        reason = "no ns-3 type is named " + name;
        for (const auto& renamed : MmsRenamedTypeIds())
        {
            if (renamed.oldName == name)
            {
                reason += " (it is now called " + renamed.newName + ")";
            }
        }
        return false;
    }
    if (base != nullptr && tid != *base && !tid.IsChildOf(*base))
    {
        reason = name + " is not a kind of " + base->GetName();
        return false;
    }
    if (!tid.HasConstructor())
    {
        reason = name + " cannot be created (it has no constructor)";
        return false;
    }
    MmsScenarioAttributes::Settings settings;
    std::size_t cur = 0;
    while (cur != parameters.size())
    {
        const std::size_t bar = parameters.find('|', cur);
        const std::string item =
            parameters.substr(cur, bar == std::string::npos ? std::string::npos : bar - cur);
        cur = bar == std::string::npos ? parameters.size() : bar + 1;
        const std::size_t equal = item.find('=');
        if (equal == std::string::npos || equal == 0)
        {
            reason = "\"" + item + "\" in the brackets is not Name=value";
            return false;
        }
        const std::string attribute = item.substr(0, equal);
        const std::string value = item.substr(equal + 1);
        TypeId::AttributeInformation info;
        if (!MmsScenarioAttributes::FindSettable(tid, attribute, info, reason))
        {
            return false;
        }
        std::string inner;
        if (depth >= 4 || !CheckValueAt(info, value, inner, objectCheck, depth + 1))
        {
            reason = attribute + " \"" + value + "\" of " + name + ": " + inner;
            return false;
        }
        settings.emplace_back(attribute, value);
    }
    std::string inner;
    if (objectCheck && !objectCheck(tid, settings, inner))
    {
        reason = name + ": " + inner;
        return false;
    }
    return true;
}

/// CheckValue inside `depth` levels of object-factory brackets.
bool
CheckValueAt(const TypeId::AttributeInformation& info,
             const std::string& value,
             std::string& reason,
             const MmsScenarioAttributes::ObjectCheck& objectCheck,
             int depth)
{
    Ptr<AttributeValue> probe = info.checker->Create();
    const AttributeValue* v = PeekPointer(probe);
    std::string expected;
    if (dynamic_cast<const StringValue*>(v) != nullptr)
    {
        return true; // any text (StringValue(text) is set as is, never deserialized)
    }
    else if (dynamic_cast<const BooleanValue*>(v) != nullptr)
    {
        expected = "expected true or false";
    }
    else if (dynamic_cast<const UintegerValue*>(v) != nullptr
             || dynamic_cast<const IntegerValue*>(v) != nullptr
             || dynamic_cast<const DoubleValue*>(v) != nullptr)
    {
        const bool isDouble = dynamic_cast<const DoubleValue*>(v) != nullptr;
        const bool isSigned = isDouble || dynamic_cast<const IntegerValue*>(v) != nullptr;
        expected = "expected " + RangeText(info.checker, !isDouble);
        if (!MmsScenarioAttributes::IsNumber(value, isSigned, isDouble))
        {
            reason = expected;
            return false;
        }
    }
    else if (info.checker->GetValueTypeName().rfind("ns3::EnumValue", 0) == 0)
    {
        // An enum: "ns3::EnumValue" before ns-3.41, "ns3::EnumValue<T>" (a template) since.
        // EnumChecker::GetValue asserts on an unknown name: look it up here.
        std::istringstream list(info.checker->GetUnderlyingTypeInformation());
        std::string n;
        bool known = false;
        expected = "expected one of ";
        for (bool first = true; std::getline(list, n, '|'); first = false)
        {
            expected += (first ? "" : ", ") + n;
            known = known || n == value;
        }
        if (!known)
        {
            reason = expected;
            return false;
        }
    }
    else if (dynamic_cast<const TimeValue*>(v) != nullptr)
    {
        double seconds = 0;
        if (!MmsScenarioAttributes::IsTime(value, seconds))
        {
            reason = MmsScenarioAttributes::TIME_FORM;
            return false;
        }
        expected = "out of range (" + info.checker->GetUnderlyingTypeInformation() + ")";
    }
    else if (dynamic_cast<const DataRateValue*>(v) != nullptr)
    {
        uint64_t bps = 0;
        if (!MmsScenarioAttributes::IsDataRate(value, bps))
        {
            reason = MmsScenarioAttributes::RATE_FORM;
            return false;
        }
        expected = MmsScenarioAttributes::RATE_FORM;
    }
    else if (dynamic_cast<const PointerValue*>(v) != nullptr)
    {
        const auto* pointer = dynamic_cast<const PointerChecker*>(PeekPointer(info.checker));
        if (pointer == nullptr)
        {
            return CheckFactory(value, nullptr, reason, objectCheck, depth);
        }
        TypeId pointee = pointer->GetPointeeTypeId();
        return CheckFactory(value, &pointee, reason, objectCheck, depth);
    }
    else if (dynamic_cast<const ObjectFactoryValue*>(v) != nullptr)
    {
        return CheckFactory(value, nullptr, reason, objectCheck, depth);
    }
    else if (dynamic_cast<const TypeIdValue*>(v) != nullptr)
    {
        // TypeIdValue reads a name with TypeId::LookupByName, which aborts on an unknown one.
        TypeId tid;
        if (!TypeId::LookupByNameFailSafe(value, &tid))
        {
            reason = "no ns-3 type is named " + value;
            return false;
        }
        return true;
    }
    else
    {
        reason = "values of type " + info.checker->GetValueTypeName()
                 + " are not accepted as text here (they cannot be checked before ns-3 reads "
                   "them)";
        return false;
    }
    // The text reads to its end now, so deserializing it cannot abort.
    if (!probe->DeserializeFromString(value, info.checker) || !info.checker->Check(*probe))
    {
        reason = expected;
        return false;
    }
    return true;
}

} // namespace

bool
MmsScenarioAttributes::IsNumber(const std::string& text, bool sign, bool fraction)
{
    std::size_t i = 0;
    const std::size_t n = text.size();
    if (sign && i < n && (text[i] == '+' || text[i] == '-'))
    {
        ++i;
    }
    std::size_t digits = 0;
    while (i < n && IsDigit(text[i]))
    {
        ++i;
        ++digits;
    }
    if (fraction && i < n && text[i] == '.')
    {
        ++i;
        while (i < n && IsDigit(text[i]))
        {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
    {
        return false;
    }
    if (fraction && i < n && (text[i] == 'e' || text[i] == 'E'))
    {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-'))
        {
            ++i;
        }
        std::size_t exponent = 0;
        while (i < n && IsDigit(text[i]))
        {
            ++i;
            ++exponent;
        }
        if (exponent == 0)
        {
            return false;
        }
    }
    return i == n;
}

double
MmsScenarioAttributes::ToDouble(const std::string& text)
{
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    double v = 0;
    in >> v;
    return v;
}

bool
MmsScenarioAttributes::IsTime(const std::string& text, double& seconds)
{
    static const std::vector<std::pair<std::string, double>> units = {{"s", 1},
                                                                      {"ms", 1e-3},
                                                                      {"us", 1e-6},
                                                                      {"ns", 1e-9},
                                                                      {"ps", 1e-12},
                                                                      {"fs", 1e-15},
                                                                      {"min", 60},
                                                                      {"h", 3600},
                                                                      {"d", 86400},
                                                                      {"y", 365 * 86400.0}};
    // Time(std::string) splits where the first character outside "+-0123456789.eE" is.
    std::size_t split = text.find_first_not_of("+-0123456789.eE");
    std::string number = text.substr(0, split);
    std::string unit = split == std::string::npos ? "" : text.substr(split);
    if (!IsNumber(number, true, true))
    {
        return false;
    }
    double factor = unit.empty() ? 1 : 0;
    for (const auto& u : units)
    {
        if (u.first == unit)
        {
            factor = u.second;
        }
    }
    if (factor == 0)
    {
        return false;
    }
    seconds = ToDouble(number) * factor;
    // Time holds a signed 64-bit count of nanoseconds (about 292 years).
    return std::isfinite(seconds) && std::fabs(seconds) < 9.2e9;
}

bool
MmsScenarioAttributes::IsDataRate(const std::string& text, uint64_t& bps)
{
    // DataRate's reader stops at white space and leaves the rest: "2 Mbps" would read as 2 bit/s
    // here and abort in DataRateValue::DeserializeFromString.
    if (std::any_of(text.begin(), text.end(), IsSpace))
    {
        return false;
    }
    std::size_t split = text.find_first_not_of("0123456789.");
    std::string number = text.substr(0, split);
    std::string unit = split == std::string::npos ? "" : text.substr(split);
    if (!IsNumber(number, false, !unit.empty()) || number.find_first_of("eE") != std::string::npos)
    {
        return false;
    }
    uint64_t factor = 1;
    if (!unit.empty() && !ReadRate("1" + unit, factor))
    {
        return false;
    }
    const double value = ToDouble(number) * static_cast<double>(factor);
    if (!std::isfinite(value) || value >= 1.8e19)
    {
        return false;
    }
    return ReadRate(text, bps);
}

bool
MmsScenarioAttributes::Find(TypeId tid, const std::string& name, TypeId::AttributeInformation& info)
{
    TypeId t = tid;
    while (true)
    {
        for (std::size_t i = 0; i < t.GetAttributeN(); ++i)
        {
            TypeId::AttributeInformation a = t.GetAttribute(i);
            if (a.name == name)
            {
                info = a;
                return true;
            }
        }
        TypeId parent = t.GetParent();
        if (parent == t)
        {
            return false;
        }
        t = parent;
    }
}

bool
MmsScenarioAttributes::FindSettable(TypeId tid,
                                    const std::string& name,
                                    TypeId::AttributeInformation& info,
                                    std::string& reason)
{
    if (!Find(tid, name, info))
    {
        reason = tid.GetName() + " has no attribute " + name;
        return false;
    }
    if (info.supportLevel == TypeId::SupportLevel::OBSOLETE)
    {
        reason = name + " of " + tid.GetName() + " is obsolete";
        return false;
    }
    if ((info.flags & TypeId::ATTR_CONSTRUCT) == 0)
    {
        reason = name + " of " + tid.GetName() + " cannot be set";
        return false;
    }
    return true;
}

bool
MmsScenarioAttributes::CheckValue(const TypeId::AttributeInformation& info,
                                  const std::string& value,
                                  std::string& reason,
                                  const ObjectCheck& objectCheck)
{
    return CheckValueAt(info, value, reason, objectCheck, 0);
}

} // namespace ns3
