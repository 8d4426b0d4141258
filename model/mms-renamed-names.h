/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_RENAMED_NAMES_H
#define MMS_RENAMED_NAMES_H

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * \brief One name the module used before every public name took the module's prefix.
 *
 * Up to the end of 2026 some classes of the module had names without the `Mms` prefix
 * (`ns3::Smsc`, `ns3::RadioCellChannel`, ...). They share ns-3's namespace, include folder and
 * TypeId registry with every other module, so they now carry the prefix (`ns3::MmsSmsc`,
 * `ns3::MmsRadioCellChannel`). ns-3 itself answers an old name on the command line with a bare
 * "Invalid command-line argument" (and an old log component in NS_LOG with an abort), so the
 * module's programs check for the old names first and name the new spelling.
 */
struct MmsRenamedName
{
    std::string oldName; //!< the name as it was written before ("ns3::Smsc", "Smsc")
    std::string newName; //!< the name to write now ("ns3::MmsSmsc", "MmsSmsc")
};

/**
 * \ingroup mms
 * \brief The TypeIds that were renamed, old name first ("ns3::Smsc" -> "ns3::MmsSmsc").
 * \return every renamed TypeId name
 */
const std::vector<MmsRenamedName>& MmsRenamedTypeIds();

/**
 * \ingroup mms
 * \brief The log components that were renamed ("Smsc" -> "MmsSmsc").
 * \return every renamed NS_LOG component
 */
const std::vector<MmsRenamedName>& MmsRenamedLogComponents();

/**
 * \ingroup mms
 * \brief Looks for a renamed TypeId in command-line arguments and for a renamed log component
 * in the NS_LOG environment variable.
 *
 * A TypeId counts where it stands as a whole name: `--ns3::Smsc::ServiceRate=5`,
 * `--ns3::MmsRelay::X=ns3::Smsc`, `/$ns3::Smsc/`; `ns3::SmscFoo` does not.
 * \param argc the number of arguments, as main() has it
 * \param argv the arguments, as main() has it (argv[0] is skipped)
 * \param nsLog the value of NS_LOG (nullptr or empty: not set)
 * \return one line per old name found, naming the argument and the new spelling; empty if none
 */
std::string MmsCheckRenamedNames(int argc, char** argv, const char* nsLog);

} // namespace ns3

#endif /* MMS_RENAMED_NAMES_H */
