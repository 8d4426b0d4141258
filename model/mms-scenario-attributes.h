/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_ATTRIBUTES_H
#define MMS_SCENARIO_ATTRIBUTES_H

#include "ns3/type-id.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-scenario
 * Values written as text in a scenario file, checked the way ns-3 would read them, without
 * ever calling what aborts in ns-3.37 on bad text.
 *
 * ns-3.37 aborts, rather than fails, on a time with an unknown unit, on text left over after a
 * number, on an unknown enum name, and inside an object-factory string
 * ("ns3::Type[Name=value|...]") on an unknown TypeId or attribute. A scenario file is text a
 * user wrote, so every value is first checked here as text, and only text that reads to its
 * end is then deserialized and range-checked by ns-3's own checker. MmsScenario uses these
 * functions for the values it reads itself (subscribers, a link's rate, delay and loss) and
 * for every ns-3 attribute a vertex names; the scenario helper can then set each value with
 * SetAttribute(name, StringValue(value)) and cannot abort.
 *
 * Numbers are read in the classic "C" locale, as ns-3 reads them.
 */
class MmsScenarioAttributes
{
  public:
    /// Attribute values of one object as text, name and value, in the order they are set.
    using Settings = std::vector<std::pair<std::string, std::string>>;
    /**
     * A check of an object's values taken together, beyond each attribute's checker (e.g. a
     * traffic model's Validate()): the type, its settings (each accepted by CheckValue), and
     * where to write what is wrong; true if an object of the type can be built and used with
     * them. MmsCheckObjectValues() is the module's.
     */
    using ObjectCheck = std::function<bool(TypeId, const Settings&, std::string&)>;

    /// The form of a time, for messages.
    static constexpr const char* TIME_FORM =
        "expected a time such as \"20ms\": a number and a unit among s, ms, us, ns, ps, fs, min, "
        "h, d, y (none: seconds)";
    /// The form of a data rate, for messages.
    static constexpr const char* RATE_FORM =
        "expected a data rate such as \"2Mbps\": a number and a unit among bps, kbps, Mbps, Gbps "
        "(bits) or Bps, kBps, MBps, GBps (bytes)";

    /**
     * Whether a text is a number as std::istream reads it to its end:
     * [+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?, with parts left out as asked.
     * \param text the text
     * \param sign whether a leading '+' or '-' is allowed
     * \param fraction whether a '.' and an exponent are allowed
     * \return true if the whole text is such a number
     */
    static bool IsNumber(const std::string& text, bool sign, bool fraction);

    /**
     * The value of a number in the "C" locale.
     * \param text a text IsNumber accepts
     * \return its value
     */
    static double ToDouble(const std::string& text);

    /**
     * Whether a text is a time as ns-3's Time(std::string) reads it without aborting: a number
     * and an optional unit among TIME_FORM's, within Time's range (about 292 years).
     * \param text the text ("20ms")
     * \param seconds the time in seconds, when the text is one
     * \return true if the text is a time
     */
    static bool IsTime(const std::string& text, double& seconds);

    /**
     * Whether a text is a data rate as ns-3's DataRate reads it: a number (digits and at most
     * one '.') and a unit among RATE_FORM's; an integer without unit is bit/s. Rates beyond 64
     * bits and text with white space anywhere are refused.
     * \param text the text ("2Mbps")
     * \param bps the rate in bit/s, when the text is one
     * \return true if the text is a data rate
     */
    static bool IsDataRate(const std::string& text, uint64_t& bps);

    /**
     * An attribute of a TypeId or of its parents, by name. Unlike
     * TypeId::LookupAttributeByName this does not abort on an obsolete attribute, nor print to
     * std::cerr on a deprecated one.
     * \param tid the type
     * \param name the attribute's name
     * \param info the attribute, when found
     * \return true if the type or one of its parents has the attribute
     */
    static bool Find(TypeId tid, const std::string& name, TypeId::AttributeInformation& info);

    /**
     * An attribute of a type or of its parents (Find) that can be set when an object is made:
     * not obsolete, and settable at construction.
     * \param tid the type
     * \param name the attribute's name
     * \param info the attribute, when found
     * \param reason what is wrong, when false is returned: "ns3::MmsRelay has no attribute X",
     *        "X of ns3::MmsRelay is obsolete", "X of ns3::MmsRelay cannot be set"
     * \return true if the attribute can be set
     */
    static bool FindSettable(TypeId tid,
                             const std::string& name,
                             TypeId::AttributeInformation& info,
                             std::string& reason);

    /**
     * Whether ns-3 accepts a text as the value of an attribute. Values of string, boolean,
     * integer, double, enum, Time and DataRate attributes are read and range-checked; TypeId
     * attributes take the name of a registered type; pointer attributes take an object-factory
     * string of a type that is the pointee's type or a child of it and can be created
     * ("ns3::ExponentialRandomVariable[Mean=600]"), ObjectFactory attributes one of any type;
     * inside the brackets each attribute must exist, be settable at construction and have a
     * valid value (checked alike, four levels deep at most), and the bracket's values together
     * must pass objectCheck, when one is given. Attributes of other value types are refused.
     * \param info the attribute (from Find)
     * \param value the text
     * \param reason why the text is refused, when it is: "expected a whole number from 1 to
     *        12", "ns3::MmsRelay is not a kind of ns3::RandomVariableStream", ...
     * \param objectCheck the check of the objects an object-factory string makes (none: only
     *        each attribute's own checker)
     * \return true if the value is valid
     */
    static bool CheckValue(const TypeId::AttributeInformation& info,
                           const std::string& value,
                           std::string& reason,
                           const ObjectCheck& objectCheck = ObjectCheck());
};

} // namespace ns3

#endif /* MMS_SCENARIO_ATTRIBUTES_H */
