/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_RUN_METADATA_H
#define MMS_RUN_METADATA_H

#include "ns3/attribute.h"
#include "ns3/ptr.h"
#include "ns3/type-id.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Object;

/**
 * \ingroup mms-recording
 * \brief The configuration of a simulation, read from the ns-3 attribute system, as rows for
 * the run_attribute table of a results file.
 *
 * A run's results are only worth keeping if the run can be told apart from, and repeated like,
 * the others in the same file. This class collects what configured it, without the scenario
 * program's help, by reflection over ns-3's TypeIds, GlobalValues and the objects of the
 * simulation:
 * - every GlobalValue (RngSeed, RngRun, SimulatorImplementationType, ...), scope "global";
 * - every attribute default changed with Config::SetDefault or `--ns3::Type::Attribute=...`
 *   on the command line, with its original default, scope "default";
 * - every attribute of an object (nodes' aggregates, net devices, applications and the
 *   transports of MMS applications, channels) whose value differs from its type's configured
 *   default, scope "object", grouped by value with the number of objects that have it; an
 *   attribute with more than 20 distinct values (phone numbers, say) gets one row that counts
 *   them.
 *
 * Values are described as text that compares equal when the configuration is equal: plain
 * values as ns-3 serialises them, objects held in PointerValues (random variables, policies)
 * as their type and configurable attributes, e.g.
 * "ns3::ExponentialRandomVariable[Mean=600|Bound=0]". Attributes a program cannot set
 * (no getter or setter, hardware addresses handed out by the helpers, stream numbers the
 * helpers assign) are left out, so that two runs of one configuration give the same rows.
 *
 * MmsSqliteRecorder writes Collect()'s rows when it connects to a simulation; doc/mms.rst,
 * "Results in SQLite", documents the table.
 */
class MmsRunMetadata
{
  public:
    /// One row of the run_attribute table (without the run id).
    struct Row
    {
        std::string scope;        //!< "global", "default" or "object"
        std::string name;         //!< the global's name, or "ns3::Type::Attribute"
        std::string value;        //!< the value, described as DescribeValue() does
        std::string defaultValue; //!< the default it differs from ("" for globals)
        int64_t objects{0};       //!< objects with this value (scope "object"), else 0
    };

    /**
     * \brief Collect the run's configuration: globals, changed defaults and the attributes of
     * the simulation's objects that differ from their defaults, in that order.
     *
     * Call once the simulation is built (nodes, devices, applications and channels exist).
     * \return the rows, globals in registration order, defaults by TypeId registration,
     *         objects sorted by attribute name and value
     */
    static std::vector<Row> Collect();

    /**
     * \brief Whether an attribute is part of a run's configuration.
     * \param info the attribute
     * \return true if it can be both read and written and is not a hardware address (those
     *         are handed out by the helpers, not configured)
     */
    static bool IsConfigurable(const TypeId::AttributeInformation& info);

    /**
     * \brief Describe an attribute value as text that compares equal for equal configurations.
     * \param value the value
     * \param checker the attribute's checker
     * \return ns-3's serialisation; an object held by a PointerValue as
     *         "ns3::Type[Attr=value|...]" (its configurable attributes, without "Stream", nested
     *         two levels deep) or "none"; "" for containers and callbacks (not configuration)
     */
    static std::string DescribeValue(const AttributeValue& value,
                                     Ptr<const AttributeChecker> checker);

    /**
     * \brief Describe a type's configured default of an attribute as DescribeValue() does.
     *
     * Pointer defaults given as strings ("ns3::ConstantRandomVariable[Constant=1]") are built
     * first, so that they compare with the objects built from them. Results are cached.
     * \param info the attribute (its initialValue is the default described)
     * \return the description
     */
    static std::string DescribeDefault(const TypeId::AttributeInformation& info);

  private:
    /**
     * \param value the value
     * \param checker its checker
     * \param depth the nesting level of objects (deeper than 2: the type name only)
     * \return the description
     */
    static std::string Describe(const AttributeValue& value,
                                Ptr<const AttributeChecker> checker,
                                int depth);
    /**
     * \param object the object (may be null: "none")
     * \param depth the nesting level
     * \return "ns3::Type[Attr=value|...]"
     */
    static std::string DescribeObject(Ptr<Object> object, int depth);
};

} // namespace ns3

#endif /* MMS_RUN_METADATA_H */
