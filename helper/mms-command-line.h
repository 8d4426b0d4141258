/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_COMMAND_LINE_H
#define MMS_COMMAND_LINE_H

#include "ns3/command-line.h"
#include "ns3/mms-scenario-attributes.h"
#include "ns3/type-id.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-helpers
 * \brief The checks of a module object's attribute values that each attribute's own checker
 * cannot make, so that a bad value is reported before the object is built instead of aborting
 * when it is built or used.
 *
 * - ns3::MmsTrafficModel: MmsTrafficModel::Validate() (MessagesPerHour >= 0, HourlyProfile of
 *   24 weights, ContentMix, shares in [0, 1], ...), with its words;
 * - ns3::MmsRadioBearerProfile: the preset and its overrides (MmsRadioBearerProfile::TryGet():
 *   a known Preset, Mtu of at least 68, TcpMss from 13 to Mtu - 40, ...);
 * - ns3::MmsRetryPolicy: Table as MmsRetryPolicy::ParseTimes() reads it;
 * - ns3::MmsSocketTransport: TcpMss 0 (from the MTU) or more than the 12 octets of the TCP
 *   timestamp option.
 *
 * Other types pass. MmsScenarioAttributes::CheckValue() takes this function as its object check
 * for the objects an object-factory string makes ("ns3::MmsRetryPolicy[Table=1min,x]").
 * \param tid the object's type
 * \param settings its attribute values, in the order they are set, each accepted by
 *        MmsScenarioAttributes::CheckValue() (other attributes keep their defaults)
 * \param reason what is wrong, naming the attribute, when false is returned
 * \return true if an object of the type can be built and used with these values
 */
bool MmsCheckObjectValues(TypeId tid,
                          const MmsScenarioAttributes::Settings& settings,
                          std::string& reason);

/**
 * \ingroup mms-helpers
 * \brief ns-3's CommandLine for the module's programs: every argument is checked before ns-3
 * reads it, so that no value a user types makes ns-3 or the module abort, and a bad one is
 * reported on one line with exit status 2 before anything is built.
 *
 * ns-3.37's CommandLine aborts (core dump) on a malformed attribute value
 * (`--ns3::MmsRelay::Workers=abc`, `--RngRun=x`), answers an unknown or refused flag with its
 * whole help page and exit status 1, and reads a program's own value with `operator>>`, which
 * takes `--size=-1` for 4294967295 and `--size=12abc` for 12. Parse() first checks each
 * argument as ns-3 would read it:
 * - a flag of the program (AddValue): its value must read as the flag's type to its end
 *   (booleans: true, false, t, f, 1, 0 or nothing, which flips the default, as ns-3 does;
 *   whole numbers in the type's range, without a sign if unsigned; numbers finite; text not
 *   empty), then pass the flag's own check, if it has one;
 * - `--ns3::Type::Attribute=value`: the type must exist and have the attribute itself (ns-3
 *   does not look in the parents; the message names the parent that has it), settable and not
 *   obsolete; the value is checked by MmsScenarioAttributes::CheckValue(), the checker of
 *   scenario files, then with the other values given for the same type by
 *   MmsCheckObjectValues() (`--ns3::MmsTrafficModel::MessagesPerHour=-1` is refused with the
 *   words a scenario file gets);
 * - `--Name=value`: an ns-3 global value, checked alike; RngSeed from 1 to 4294944442 (ns-3's
 *   MRG32k3a streams abort on other seeds), SimulatorImplementationType and SchedulerType the
 *   name of a simulator implementation or scheduler;
 * - `--PrintAttributes=Type` names a type; the other help flags (--PrintHelp, --help,
 *   --PrintVersion, --version, --PrintGlobals, --PrintGroups, --PrintTypeIds, --PrintGroup)
 *   pass;
 * - a name from before the module's prefix (MmsCheckRenamedNames(), also in NS_LOG) is
 *   reported with its new spelling;
 * - an argument that does not start with '-' is refused (ns-3 would ignore it).
 *
 * Each problem is one line, "<program>: argument N '<argument>': <what is wrong>", then the
 * program exits with status 2. Text flags take the whole value after '=' (ns-3 alone keeps
 * only its first word).
 *
 * \code
 *   double duration = 300;
 *   MmsCommandLine cmd(__FILE__);
 *   cmd.AddValue("duration", "Seconds of traffic", duration, MmsCommandLine::Positive<double>());
 *   cmd.Parse(argc, argv); // exits with status 2 on a bad argument
 * \endcode
 */
class MmsCommandLine
{
  public:
    /**
     * A check of a flag's value once read as its type: "" when it is good, else what is
     * expected ("expected a positive number").
     */
    template<typename T>
    using ValueCheck = std::function<std::string(const T&)>;

    /**
     * A command line for a program.
     * \param filename the program's source file (__FILE__): its name without folder and
     *        extension names the program in messages, as ns-3's CommandLine names it
     */
    explicit MmsCommandLine(const std::string& filename);

    /**
     * A flag of the program, as CommandLine::AddValue, with a check of its value.
     * \tparam T bool, std::string, an integer type or a floating-point type
     * \param name the flag's name, without "--"
     * \param help its help text
     * \param value the variable it sets (its value now is the default)
     * \param check a check of the value read (none: any value of the type); a lambda will do
     *        (the type is taken from the value alone)
     */
    template<typename T>
    void AddValue(const std::string& name,
                  const std::string& help,
                  T& value,
                  std::common_type_t<ValueCheck<T>> check = ValueCheck<T>());

    /**
     * The problems of a command line, without parsing it or changing anything.
     * \param argc the number of arguments, as main() has it
     * \param argv the arguments, as main() has it (argv[0] is skipped)
     * \param nsLog the value of NS_LOG (nullptr: not set)
     * \return one line per problem, each "<program>: argument N '<argument>': <what is
     *         wrong>"; empty if there is none
     */
    std::string Check(int argc, char** argv, const char* nsLog) const;

    /**
     * Checks the command line (Check(), with NS_LOG from the environment); on a problem prints
     * it to standard error and exits with status 2, else lets ns-3's CommandLine read it.
     * \param argc the number of arguments, as main() has it
     * \param argv the arguments, as main() has it
     */
    void Parse(int argc, char** argv);

    /**
     * Whether the last Parse() saw a flag.
     * \param name the flag's name, without "--"
     * \return true if an argument named it
     */
    bool IsGiven(const std::string& name) const;

    /**
     * Reports a flag's value that the program refuses after Parse() (a combination of flags,
     * a file that cannot be opened) as Parse() reports its problems, and exits with status 2.
     * \param name the flag's name, without "--"
     * \param what what is wrong
     */
    [[noreturn]] void Refuse(const std::string& name, const std::string& what) const;

    /**
     * The program's name in messages.
     * \return the source file's name without folder and extension ("mms-busy-hour")
     */
    std::string GetName() const;

    /**
     * A check that a number is above 0.
     * \tparam T the flag's type
     * \return the check ("expected a positive number")
     */
    template<typename T>
    static ValueCheck<T> Positive();
    /**
     * A check that a number is at least a minimum.
     * \tparam T the flag's type
     * \param min the smallest value allowed
     * \return the check ("expected a number of at least 0")
     */
    template<typename T>
    static ValueCheck<T> AtLeast(T min);
    /**
     * A check that a text is one of some words.
     * \param words the words allowed, exactly
     * \return the check ("expected one of server, handset")
     */
    static ValueCheck<std::string> OneOf(const std::vector<std::string>& words);
    /**
     * A check that a text names a bearer profile preset (MmsBearerProfile::FromPreset) or one
     * of some other words.
     * \param others other words allowed ("p2p")
     * \return the check, with FromPreset's message
     */
    static ValueCheck<std::string> BearerPreset(const std::vector<std::string>& others = {});
    /**
     * A check that a text is a data rate as ns-3 reads it (MmsScenarioAttributes::IsDataRate).
     * \return the check
     */
    static ValueCheck<std::string> DataRateText();
    /**
     * A check that a text is a time as ns-3 reads it (MmsScenarioAttributes::IsTime), not
     * negative.
     * \return the check
     */
    static ValueCheck<std::string> TimeText();
    /**
     * A check that a text is a comma-separated list of whole numbers in a range.
     * \param min the smallest number allowed
     * \param max the largest number allowed
     * \return the check ("expected comma-separated whole numbers from 1 to 4294967295")
     */
    static ValueCheck<std::string> WholeNumbers(uint64_t min, uint64_t max);
    /**
     * A check that a text is a comma-separated list of positive numbers.
     * \return the check ("expected comma-separated positive numbers")
     */
    static ValueCheck<std::string> PositiveNumbers();
    /**
     * A check that a text names an existing folder.
     * \return the check
     */
    static ValueCheck<std::string> Folder();

  private:
    /// A flag of the program.
    struct Flag
    {
        std::string name; //!< without "--"
        /// what is wrong with a value ("" if nothing); the flag's name alone gives ""
        std::function<std::string(const std::string&)> check;
        /// for text flags: sets the variable to the whole value (else empty)
        std::function<void(const std::string&)> assign;
    };

    /**
     * Reads a flag's value as ns-3's CommandLine reads a bool, more strictly.
     * \param text the value
     * \param value the current value (flipped when the text is empty), then the value read
     * \return "" if the text is a bool, else what is expected
     */
    static std::string Read(const std::string& text, bool& value);
    /**
     * Reads a text flag's value.
     * \param text the value
     * \param value the value read
     * \return "" if the text is not empty, else what is expected
     */
    static std::string Read(const std::string& text, std::string& value);
    /**
     * Reads a whole number in a range, whole and in the "C" locale.
     * \param text the value
     * \param min the smallest allowed
     * \param max the largest allowed
     * \param value the value read
     * \return "" if the text is such a number, else what is expected
     */
    static std::string ReadSigned(const std::string& text,
                                  int64_t min,
                                  int64_t max,
                                  int64_t& value);
    /**
     * Reads a whole number without a sign, up to a maximum.
     * \param text the value
     * \param max the largest allowed
     * \param value the value read
     * \return "" if the text is such a number, else what is expected
     */
    static std::string ReadUnsigned(const std::string& text, uint64_t max, uint64_t& value);
    /**
     * Reads a finite number.
     * \param text the value
     * \param value the value read
     * \return "" if the text is a finite number, else what is expected
     */
    static std::string ReadReal(const std::string& text, double& value);
    /**
     * Reads a number flag's value.
     * \tparam T an integer or floating-point type
     * \param text the value
     * \param value the value read
     * \return "" if the text reads as T, else what is expected
     */
    template<typename T>
    static std::string Read(const std::string& text, T& value);

    /**
     * What is wrong with one argument that names an ns-3 attribute, global value or help flag.
     * \param name the argument's name (without "-" or "--")
     * \param value its value ("" if none)
     * \param reason what is wrong, when false is returned
     * \return true if ns-3 reads the argument without aborting or refusing it
     */
    bool CheckNs3(const std::string& name, const std::string& value, std::string& reason) const;

    CommandLine m_cmd;                //!< ns-3's command line, which reads the arguments
    std::string m_name;               //!< the program's name
    std::vector<Flag> m_flags;        //!< the program's flags
    std::vector<std::string> m_given; //!< the arguments of the last Parse()
};

// ------------------------------------------------------------------------- implementation

template<typename T>
void
MmsCommandLine::AddValue(const std::string& name,
                         const std::string& help,
                         T& value,
                         std::common_type_t<ValueCheck<T>> check)
{
    static_assert(
        std::is_same_v<T, bool> || std::is_same_v<T, std::string> || std::is_arithmetic_v<T>,
        "MmsCommandLine::AddValue: bool, std::string or a number");
    m_cmd.AddValue(name, help, value);
    Flag f;
    f.name = name;
    T* where = &value;
    f.check = [where, check](const std::string& text)
    {
        T read = *where;
        std::string problem = Read(text, read);
        if (problem.empty() && check)
        {
            problem = check(read);
        }
        return problem;
    };
    if constexpr (std::is_same_v<T, std::string>)
    {
        f.assign = [where](const std::string& text)
        {
            *where = text;
        };
    }
    m_flags.push_back(f);
}

template<typename T>
std::string
MmsCommandLine::Read(const std::string& text, T& value)
{
    if constexpr (std::is_integral_v<T> && std::is_signed_v<T>)
    {
        int64_t v = 0;
        std::string problem =
            ReadSigned(text, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), v);
        value = static_cast<T>(v);
        return problem;
    }
    else if constexpr (std::is_integral_v<T>)
    {
        uint64_t v = 0;
        std::string problem = ReadUnsigned(text, std::numeric_limits<T>::max(), v);
        value = static_cast<T>(v);
        return problem;
    }
    else
    {
        double v = 0;
        std::string problem = ReadReal(text, v);
        if (problem.empty()
            && (v > std::numeric_limits<T>::max() || v < -std::numeric_limits<T>::max()))
        {
            problem = "expected a number";
        }
        value = static_cast<T>(v);
        return problem;
    }
}

template<typename T>
MmsCommandLine::ValueCheck<T>
MmsCommandLine::Positive()
{
    return [](const T& v) -> std::string
    {
        if (v > T(0))
        {
            return "";
        }
        return std::is_integral_v<T> ? "expected a whole number of at least 1"
                                     : "expected a positive number";
    };
}

template<typename T>
MmsCommandLine::ValueCheck<T>
MmsCommandLine::AtLeast(T min)
{
    return [min](const T& v) -> std::string
    {
        if (v >= min)
        {
            return "";
        }
        std::ostringstream os;
        os << (std::is_integral_v<T> ? "expected a whole number of at least "
                                     : "expected a number of at least ")
           << min;
        return os.str();
    };
}

} // namespace ns3

#endif /* MMS_COMMAND_LINE_H */
