/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The checks of a scenario, on what MmsScenarioReader read: its size, the nodes one by one
// (kind, cell parameters, ns-3 attributes), the links one by one (ends, rate, delay, loss,
// attributes), then the graph as a whole (the links' delays added up, isolated vertices, the
// kinds a scenario needs, what each cell and Relay reaches). Every problem is collected with its
// line, then all are reported sorted by line.

#include "mms-scenario.h"

#include "mms-bearer-profile.h"
#include "mms-scenario-attributes.h"
#include "mms-scenario-reader.h"

#include "ns3/log.h"
#include "ns3/nstime.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsScenario");

namespace
{

std::string
Lower(std::string s)
{
    std::transform(s.begin(),
                   s.end(),
                   s.begin(),
                   [](unsigned char c)
                   {
                       return static_cast<char>(std::tolower(c));
                   });
    return s;
}

std::string
Join(const std::vector<std::string>& items, const std::string& separator)
{
    std::string out;
    for (const auto& i : items)
    {
        out += (out.empty() ? "" : separator) + i;
    }
    return out;
}

/// GraphViz presentation attributes, allowed and ignored.
bool
IsPresentation(const std::string& name, bool edge)
{
    static const std::set<std::string> common = {"label",
                                                 "shape",
                                                 "color",
                                                 "fillcolor",
                                                 "style",
                                                 "pos",
                                                 "fontcolor",
                                                 "fontname",
                                                 "fontsize",
                                                 "comment",
                                                 "tooltip",
                                                 "xlabel",
                                                 "width",
                                                 "height",
                                                 "penwidth",
                                                 "group"};
    static const std::set<std::string> edgeOnly = {
        "len", "weight", "dir", "arrowhead", "arrowtail", "constraint"};
    return common.count(name) > 0 || (edge && edgeOnly.count(name) > 0);
}

/// Where a named attribute of a vertex of this kind goes, in lookup order.
struct AttributeTarget
{
    MmsScenario::Target target;
    TypeId tid;
};

std::vector<AttributeTarget>
TargetsOf(MmsScenario::Kind kind)
{
    std::vector<std::pair<MmsScenario::Target, const char*>> names;
    switch (kind)
    {
        case MmsScenario::RELAY:
            names = {{MmsScenario::ELEMENT, "ns3::MmsRelay"}};
            break;
        case MmsScenario::SERVER:
            names = {{MmsScenario::ELEMENT, "ns3::MmsServer"}};
            break;
        case MmsScenario::PPG:
            names = {{MmsScenario::ELEMENT, "ns3::MmsWapPushProxyGateway"}};
            break;
        case MmsScenario::SMSC:
            names = {{MmsScenario::ELEMENT, "ns3::MmsSmsc"}};
            break;
        case MmsScenario::WAPGW:
            names = {{MmsScenario::ELEMENT, "ns3::MmsWapGateway"}};
            break;
        case MmsScenario::MAILSERVER:
            names = {{MmsScenario::ELEMENT, "ns3::MmsMailServer"}};
            break;
        case MmsScenario::CELL:
            names = {{MmsScenario::CELL_CHANNEL, "ns3::MmsRadioCellChannel"},
                     {MmsScenario::CELL_PROFILE, "ns3::MmsRadioBearerProfile"},
                     {MmsScenario::USER_AGENT, "ns3::MmsUserAgent"},
                     {MmsScenario::TRAFFIC_MODEL, "ns3::MmsTrafficModel"}};
            break;
        case MmsScenario::VASP:
            names = {{MmsScenario::ELEMENT, "ns3::MmsVasp"}};
            break;
        case MmsScenario::ROUTER:
            break;
    }
    std::vector<AttributeTarget> targets;
    for (const auto& n : names)
    {
        TypeId tid;
        if (TypeId::LookupByNameFailSafe(n.second, &tid)) // MmsTrafficModel may be absent
        {
            targets.push_back({n.first, tid});
        }
    }
    return targets;
}

/// Attributes the scenario builder sets from the graph.
bool
IsReserved(MmsScenario::Kind kind, MmsScenario::Target target, const std::string& name)
{
    static const std::set<std::string> userAgent = {"Msisdn",
                                                    "RelayAddress",
                                                    "RelayHost",
                                                    "RelayPath",
                                                    "SmsPort",
                                                    "Stack",
                                                    "GatewayAddress"}; // wapShare decides
    static const std::set<std::string> relay = {"ServerAddress", "PpgAddress", "PpgPath"};
    switch (target)
    {
        case MmsScenario::USER_AGENT:
            return userAgent.count(name) > 0;
        case MmsScenario::CELL_PROFILE:
            return name == "Preset"; // the cell's bearer
        case MmsScenario::ELEMENT:
            return (kind == MmsScenario::RELAY && relay.count(name) > 0)
                   || (kind == MmsScenario::PPG && name == "SmscAddress")
                   || (kind == MmsScenario::WAPGW && name == "RelayAddress")
                   || (kind == MmsScenario::MAILSERVER && name == "RelayAddress")
                   || (kind == MmsScenario::VASP
                       && (name == "RelayAddress" || name == "RelayHost"));
        default:
            return false;
    }
}

/// An operator's name: letters, digits, _ and -.
bool
IsName(const std::string& value)
{
    return !value.empty()
           && value.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
                  == std::string::npos;
}

const std::vector<std::string>&
KindNames()
{
    static const std::vector<std::string> names = {
        "relay", "server", "ppg", "smsc", "router", "cell", "wapgw", "mailserver", "vasp"};
    return names;
}

const uint32_t kMaxSubscribers = 10000000;

/// MmsScenarioRoutes keeps tables of the square of the count of vertices that are not leaves
/// (12 octets per pair: 4.8 GB at 20,000) and searches from each of them over every link: beyond
/// these a scenario is refused before they are computed. Leaves (one link, to a vertex that is
/// not a leaf: the cells of an operator) cost a few octets each; the 10,000,000-subscriber
/// operator of mms-operator-benchmark has 10,106 vertices, 101 of them not leaves, and 10,105
/// links; 200,000 vertices hold 200 million subscribers at 1,000 per cell.
const std::size_t kMaxVertices = 200000;
const std::size_t kMaxInnerVertices = 20000; //!< vertices that are not leaves
const std::size_t kLinksPerVertex = 4;       //!< links allowed per vertex, on average ...
const std::size_t kSpareLinks = 1000;        //!< ... plus these (a full mesh of 49 routers)

/// Routes add delays as 64-bit counts of nanoseconds (Time's): the delays of all links
/// together, and so any path's delay plus one more link, stay within 2^62 ns (146 years).
const uint64_t kMaxTotalDelayNs = uint64_t{1} << 62;

} // namespace

/// Problems found, each at a line (0: unknown).
class MmsScenarioProblems
{
  public:
    void Add(uint32_t line, const std::string& what, const std::string& problem)
    {
        m_list.push_back({line, what + ": " + problem});
    }

    bool Empty() const
    {
        return m_list.empty();
    }

    /// "<origin>:<line>: <what>: <problem>", by line (problems of no line last), appended.
    void Flush(const std::string& origin, std::vector<std::string>& errors)
    {
        std::stable_sort(m_list.begin(),
                         m_list.end(),
                         [](const Item& a, const Item& b)
                         {
                             const uint32_t none = std::numeric_limits<uint32_t>::max();
                             const uint32_t la = a.line == 0 ? none : a.line;
                             const uint32_t lb = b.line == 0 ? none : b.line;
                             return la < lb;
                         });
        for (const auto& i : m_list)
        {
            errors.push_back(origin + (i.line > 0 ? ":" + std::to_string(i.line) : "") + ": "
                             + i.text);
        }
        m_list.clear();
    }

  private:
    struct Item
    {
        uint32_t line;
        std::string text;
    };

    std::vector<Item> m_list;
};

namespace
{

/// The checks of the nodes, the links and the graph as a whole, on what the reader read,
/// filling the scenario's vertices and edges.
class GraphChecker
{
  public:
    using Kind = MmsScenario::Kind;
    using Vertex = MmsScenario::Vertex;
    using Edge = MmsScenario::Edge;

    GraphChecker(const MmsScenarioReader::Graph& graph,
                 MmsScenarioProblems& problems,
                 std::vector<Vertex>& vertices,
                 std::vector<Edge>& edges)
        : m_graph(graph)
        , m_problems(problems)
        , m_vertices(vertices)
        , m_edges(edges)
    {
    }

    void Run()
    {
        CollectVertices();
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            const Attributes& attributes = m_graph.nodes[i].attributes;
            CheckKind(i, attributes);
            if (m_kindKnown[i] && m_vertices[i].kind == MmsScenario::CELL)
            {
                CheckCell(i, attributes);
            }
            if (m_kindKnown[i])
            {
                CheckAttributes(i, attributes);
            }
        }
        for (const auto& e : m_graph.edges)
        {
            CheckEdge(e);
        }
        CheckWhole();
        CheckOperators();
    }

  private:
    using Attributes = MmsScenarioReader::Attributes;

    /// The vertices in the order the file first names them.
    void CollectVertices()
    {
        for (const auto& node : m_graph.nodes)
        {
            Vertex v;
            v.name = node.name;
            v.line = node.line;
            m_index[node.name] = static_cast<uint32_t>(m_vertices.size());
            m_vertices.push_back(v);
            m_kindKnown.push_back(false);
        }
        m_degree.assign(m_vertices.size(), 0);
    }

    /// "cell c12", or "node x" while its kind is unknown.
    std::string What(uint32_t i) const
    {
        return (m_kindKnown[i] ? MmsScenario::KindName(m_vertices[i].kind) : std::string("node"))
               + " " + m_vertices[i].name;
    }

    void CheckKind(uint32_t i, const Attributes& attributes)
    {
        Vertex& v = m_vertices[i];
        auto kind = attributes.find("kind");
        if (kind == attributes.end())
        {
            m_problems.Add(v.line,
                           What(i),
                           "no kind (add kind=relay, server, ppg, smsc, router, cell or wapgw)");
            return;
        }
        const auto& names = KindNames();
        auto k = std::find(names.begin(), names.end(), Lower(kind->second.value));
        if (k == names.end())
        {
            m_problems.Add(kind->second.line,
                           What(i),
                           "kind \"" + kind->second.value + "\" is not valid: expected one of "
                               + Join(names, ", "));
            return;
        }
        v.kind = static_cast<Kind>(k - names.begin());
        m_kindKnown[i] = true;
    }

    void CheckCell(uint32_t i, const Attributes& attributes)
    {
        Vertex& v = m_vertices[i];
        const std::string what = What(i);
        auto s = attributes.find("subscribers");
        if (s == attributes.end())
        {
            m_problems.Add(v.line, what, "no subscribers (add subscribers=<count>)");
        }
        else if (!MmsScenarioAttributes::IsNumber(s->second.value, false, false)
                 || s->second.value.size() > 9 || std::stoul(s->second.value) < 1
                 || std::stoul(s->second.value) > kMaxSubscribers)
        {
            m_problems.Add(s->second.line,
                           what,
                           "subscribers \"" + s->second.value
                               + "\" is not valid: expected a whole number from 1 to "
                               + std::to_string(kMaxSubscribers));
        }
        else
        {
            v.subscribers = static_cast<uint32_t>(std::stoul(s->second.value));
        }
        auto f = attributes.find("fidelity");
        if (f != attributes.end())
        {
            if (Lower(f->second.value) == "packet" || Lower(f->second.value) == "flow")
            {
                v.fidelity = Lower(f->second.value);
            }
            else
            {
                m_problems.Add(f->second.line,
                               what,
                               "fidelity \"" + f->second.value
                                   + "\" is not valid: expected packet or flow");
            }
        }
        auto w = attributes.find("wapShare");
        if (w != attributes.end())
        {
            const double share = MmsScenarioAttributes::IsNumber(w->second.value, true, true)
                                     ? MmsScenarioAttributes::ToDouble(w->second.value)
                                     : -1;
            if (share >= 0 && share <= 1)
            {
                v.wapShare = share;
                v.wapShareLine = w->second.line;
            }
            else
            {
                m_problems.Add(w->second.line,
                               what,
                               "wapShare \"" + w->second.value
                                   + "\" is not valid: expected a fraction from 0 to 1 (the "
                                     "share of the cell's subscribers with WAP 1.x handsets)");
            }
        }
        const std::vector<std::string> presets = MmsBearerProfile::PresetNames();
        auto b = attributes.find("bearer");
        if (b == attributes.end())
        {
            m_problems.Add(v.line,
                           what,
                           "no bearer (add bearer=\"<profile>\" with a profile among "
                               + Join(presets, ", ") + ")");
            return;
        }
        auto p = std::find_if(presets.begin(),
                              presets.end(),
                              [&b](const std::string& x)
                              {
                                  return Lower(x) == Lower(b->second.value);
                              });
        if (p == presets.end())
        {
            m_problems.Add(b->second.line,
                           what,
                           "bearer \"" + b->second.value + "\" is not valid: expected one of "
                               + Join(presets, ", "));
            return;
        }
        v.bearer = *p;
    }

    /// The ns-3 attributes of a vertex of known kind, in the order the file sets them.
    void CheckAttributes(uint32_t i, const Attributes& attributes)
    {
        Vertex& v = m_vertices[i];
        const std::string what = What(i);
        std::vector<std::pair<uint32_t, std::string>> named;
        for (const auto& a : attributes)
        {
            named.emplace_back(a.second.line, a.first);
        }
        std::sort(named.begin(), named.end());
        for (const auto& n : named)
        {
            const uint32_t line = n.first;
            const std::string& name = n.second;
            const std::string& value = attributes.at(name).value;
            if (name == "kind" || IsPresentation(name, false))
            {
                continue;
            }
            if (name == "operator")
            {
                // MM4: the operator the element or cell belongs to (a word).
                if (v.kind == MmsScenario::ROUTER)
                {
                    m_problems.Add(line, what, "operator is not for routers");
                }
                else if (v.kind == MmsScenario::MAILSERVER)
                {
                    m_problems.Add(line, what, "operator is not for mail servers");
                }
                else if (!IsName(value))
                {
                    m_problems.Add(line,
                                   what,
                                   "operator \"" + value
                                       + "\" is not valid: expected a name of letters, digits, "
                                         "_ and -");
                }
                else
                {
                    v.op = value;
                }
                continue;
            }
            if (name == "recipients")
            {
                // A VASP's recipients: every operator's subscribers or one operator's.
                if (v.kind != MmsScenario::VASP)
                {
                    m_problems.Add(line, what, "recipients is only for VASPs");
                }
                else if (!IsName(value))
                {
                    m_problems.Add(line,
                                   what,
                                   "recipients \"" + value
                                       + "\" is not valid: expected all or an operator's name");
                }
                else
                {
                    v.recipients = value;
                    m_recipientsLine[i] = line;
                }
                continue;
            }
            if (name == "subscribers" || name == "bearer" || name == "fidelity"
                || name == "wapShare")
            {
                if (v.kind != MmsScenario::CELL)
                {
                    m_problems.Add(line, what, name + " is only for cells");
                }
                continue;
            }
            const Verdict& verdict = Judge(v.kind, name, value);
            if (verdict.ok)
            {
                v.settings.push_back({verdict.target, name, value});
            }
            else
            {
                m_problems.Add(line, what, verdict.problem);
            }
        }
    }

    /// What an ns-3 attribute set on a vertex comes to: a setting for one of its targets, or
    /// a problem.
    struct Verdict
    {
        bool ok{false};
        MmsScenario::Target target{MmsScenario::ELEMENT}; //!< when ok
        std::string problem;                              //!< when not
    };

    /// The verdict on name=value for a vertex of a kind, worked out once per kind, name and
    /// value: a "node [...]" default copied into every node would otherwise have the TypeIds
    /// searched and the value read again for each (seconds for 4 kB of defaults).
    const Verdict& Judge(Kind kind, const std::string& name, const std::string& value)
    {
        auto known = m_verdicts.find(std::make_tuple(kind, name, value));
        if (known != m_verdicts.end())
        {
            return known->second;
        }
        Verdict& verdict = m_verdicts[std::make_tuple(kind, name, value)];
        auto t = m_targets.find(kind);
        if (t == m_targets.end())
        {
            t = m_targets.emplace(kind, TargetsOf(kind)).first;
        }
        const std::vector<AttributeTarget>& targets = t->second;
        TypeId::AttributeInformation info;
        const AttributeTarget* found = nullptr;
        for (const auto& target : targets)
        {
            if (MmsScenarioAttributes::Find(target.tid, name, info))
            {
                found = &target;
                break;
            }
        }
        if (found == nullptr)
        {
            std::string types;
            for (std::size_t i = 0; i < targets.size(); ++i)
            {
                types += (i == 0                    ? ""
                          : i + 1 == targets.size() ? " or "
                                                    : ", ")
                         + targets[i].tid.GetName();
            }
            verdict.problem =
                "unknown attribute \"" + name + "\""
                + (targets.empty() ? std::string(" (a router takes only kind and GraphViz "
                                                 "presentation attributes)")
                                   : " (neither a GraphViz presentation attribute nor an "
                                     "attribute of "
                                         + types + ")");
            return verdict;
        }
        const std::string owner = found->tid.GetName();
        std::string reason;
        if (IsReserved(kind, found->target, name))
        {
            verdict.problem = name + " is set from the graph";
        }
        else if (info.supportLevel == TypeId::SupportLevel::OBSOLETE)
        {
            verdict.problem = name + " of " + owner + " is obsolete";
        }
        else if ((info.flags & TypeId::ATTR_SET) == 0)
        {
            verdict.problem = name + " of " + owner + " cannot be set (read-only)";
        }
        else if (!MmsScenarioAttributes::CheckValue(info, value, reason))
        {
            verdict.problem = name + " \"" + value + "\" is not valid: " + reason;
        }
        else
        {
            verdict.ok = true;
            verdict.target = found->target;
        }
        return verdict;
    }

    void CheckEdge(const MmsScenarioReader::Edge& edge)
    {
        const std::string& an = edge.a;
        const std::string& bn = edge.b;
        Edge e;
        e.line = edge.line;
        e.a = m_index.at(an);
        e.b = m_index.at(bn);
        const std::string what = "edge " + an + " -- " + bn;
        ++m_degree[e.a];
        ++m_degree[e.b];
        if (e.a == e.b)
        {
            m_problems.Add(e.line, what, "links " + an + " to itself");
        }
        else
        {
            auto ends = std::minmax(e.a, e.b);
            auto first = m_firstLink.find(ends);
            if (first != m_firstLink.end())
            {
                m_problems.Add(e.line,
                               what,
                               "a second link between " + an + " and " + bn
                                   + (first->second > 0 ? " (the first is on line "
                                                              + std::to_string(first->second) + ")"
                                                        : std::string()));
            }
            else
            {
                m_firstLink[ends] = e.line;
            }
            m_links.emplace_back(e.a, e.b);
            if (m_kindKnown[e.a] && m_kindKnown[e.b] && m_vertices[e.a].kind == MmsScenario::CELL
                && m_vertices[e.b].kind == MmsScenario::CELL)
            {
                m_problems.Add(
                    e.line, what, "links two cells (a cell links to routers and network elements)");
            }
        }
        const Attributes& attributes = edge.attributes;
        auto rate = attributes.find("rate");
        uint64_t bps = 0;
        if (rate == attributes.end())
        {
            m_problems.Add(e.line, what, "no rate (add rate=\"2Mbps\" or another data rate)");
        }
        else if (!MmsScenarioAttributes::IsDataRate(rate->second.value, bps))
        {
            m_problems.Add(e.line,
                           what,
                           "rate \"" + rate->second.value
                               + "\" is not valid: " + MmsScenarioAttributes::RATE_FORM);
        }
        else if (bps == 0)
        {
            m_problems.Add(e.line,
                           what,
                           "rate \"" + rate->second.value
                               + "\" is not valid: a link rate must be positive");
        }
        else
        {
            e.rate = rate->second.value;
        }
        auto delay = attributes.find("delay");
        double seconds = 0;
        if (delay == attributes.end())
        {
            m_problems.Add(e.line, what, "no delay (add delay=\"10ms\" or another time)");
        }
        else if (!MmsScenarioAttributes::IsTime(delay->second.value, seconds))
        {
            m_problems.Add(e.line,
                           what,
                           "delay \"" + delay->second.value
                               + "\" is not valid: " + MmsScenarioAttributes::TIME_FORM);
        }
        else if (seconds < 0)
        {
            m_problems.Add(e.line,
                           what,
                           "delay \"" + delay->second.value
                               + "\" is not valid: a link delay cannot be negative");
        }
        else
        {
            e.delay = delay->second.value;
            e.delaySeconds = Time(delay->second.value).GetSeconds(); // checked: cannot abort
        }
        auto loss = attributes.find("loss");
        if (loss != attributes.end())
        {
            const double p = MmsScenarioAttributes::IsNumber(loss->second.value, true, true)
                                 ? MmsScenarioAttributes::ToDouble(loss->second.value)
                                 : -1;
            if (p >= 0 && p < 1)
            {
                e.loss = p;
            }
            else
            {
                m_problems.Add(e.line,
                               what,
                               "loss \"" + loss->second.value
                                   + "\" is not valid: expected a probability from 0 up to, not "
                                     "including, 1");
            }
        }
        for (const auto& a : attributes)
        {
            if (a.first != "rate" && a.first != "delay" && a.first != "loss"
                && !IsPresentation(a.first, true))
            {
                m_problems.Add(e.line,
                               what,
                               "unknown attribute \"" + a.first
                                   + "\" (a link takes rate, delay, loss and GraphViz "
                                     "presentation attributes)");
            }
        }
        m_edges.push_back(e);
    }

    /// Operators (MM4): either no element names one, or every relay, server, PPG, SMSC, cell
    /// and VASP does, and each operator that has cells or a relay has a relay, a server, a PPG
    /// and an SMSC of its own (its cells are served by its own nearest relay, and so on). A
    /// VASP's operator must have a relay, and the operator its recipients name cells.
    void CheckOperators()
    {
        auto OperatorList = [](const std::map<std::string, std::set<Kind>>& kinds)
        {
            std::vector<std::string> names;
            for (const auto& k : kinds)
            {
                if (k.second.count(MmsScenario::RELAY))
                {
                    names.push_back(k.first);
                }
            }
            return Join(names, ", ");
        };
        std::map<std::string, std::set<Kind>> kinds;
        bool any = false;
        for (const auto& v : m_vertices)
        {
            any = any || !v.op.empty();
        }
        if (!any)
        {
            for (const auto& [i, line] : m_recipientsLine)
            {
                if (m_vertices[i].recipients != "all")
                {
                    m_problems.Add(line,
                                   What(i),
                                   "recipients " + m_vertices[i].recipients
                                       + " names an operator, but no element names one "
                                         "(expected all)");
                }
            }
            return;
        }
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            const Vertex& v = m_vertices[i];
            if (!m_kindKnown[i] || v.kind == MmsScenario::ROUTER
                || v.kind == MmsScenario::MAILSERVER) // on the Internet, of no operator
            {
                continue;
            }
            if (v.op.empty())
            {
                m_problems.Add(v.line,
                               What(i),
                               "no operator (other elements name theirs: add operator=<name>)");
                continue;
            }
            if (v.kind != MmsScenario::VASP) // a VASP is its operator's customer
            {
                kinds[v.op].insert(v.kind);
            }
        }
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            const Vertex& v = m_vertices[i];
            if (!m_kindKnown[i] || v.kind != MmsScenario::VASP || v.op.empty())
            {
                continue;
            }
            auto has = [&kinds](const std::string& op, Kind k)
            {
                auto it = kinds.find(op);
                return it != kinds.end() && it->second.count(k) > 0;
            };
            if (!has(v.op, MmsScenario::RELAY))
            {
                m_problems.Add(v.line,
                               What(i),
                               "operator " + v.op + " has no relay to submit to (operators: "
                                   + OperatorList(kinds) + ")");
            }
            if (!v.recipients.empty() && v.recipients != "all"
                && !has(v.recipients, MmsScenario::CELL))
            {
                m_problems.Add(m_recipientsLine[i],
                               What(i),
                               "recipients " + v.recipients
                                   + " is not an operator with cells (expected all or one of: "
                                   + OperatorList(kinds) + ")");
            }
        }
        for (const auto& [op, present] : kinds)
        {
            for (Kind k :
                 {MmsScenario::RELAY, MmsScenario::SERVER, MmsScenario::PPG, MmsScenario::SMSC})
            {
                if (!present.count(k))
                {
                    m_problems.Add(0,
                                   "operator " + op,
                                   "has no " + MmsScenario::KindName(k)
                                       + " (each operator needs a relay, server, ppg and smsc)");
                }
            }
        }
    }

    /// Link delays within what routes can add; no isolated node; at least one element of each
    /// kind; every cell reaches a relay, a PPG and an SMSC, every relay a server (and, in a part
    /// of the network without cells, a PPG and an SMSC). Links are undirected, so "reaches" is
    /// "in the same connected component".
    void CheckWhole()
    {
        uint64_t totalNs = 0;
        for (const auto& e : m_edges)
        {
            // (A valid delay reads without aborting and is not negative.)
            const uint64_t ns = e.delay.empty() ? 0 : Time(e.delay).GetNanoSeconds();
            if (ns > kMaxTotalDelayNs - totalNs)
            {
                m_problems.Add(0,
                               "scenario",
                               "the link delays add up to more than "
                                   + std::to_string(kMaxTotalDelayNs / 1000000000)
                                   + " s (146 years), more than routes can add up in ns-3's "
                                     "Time");
                break;
            }
            totalNs += ns;
        }
        std::vector<uint32_t> count(KindNames().size(), 0);
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            if (m_degree[i] == 0)
            {
                m_problems.Add(m_vertices[i].line, What(i), "is not linked to anything");
            }
            if (m_kindKnown[i])
            {
                ++count[m_vertices[i].kind];
            }
        }
        // (Not when a node's kind is missing or wrong: that node may be the one meant.)
        const bool allKinds =
            std::find(m_kindKnown.begin(), m_kindKnown.end(), false) == m_kindKnown.end();
        for (Kind k : {MmsScenario::RELAY,
                       MmsScenario::SERVER,
                       MmsScenario::PPG,
                       MmsScenario::SMSC,
                       MmsScenario::CELL})
        {
            if (count[k] == 0 && allKinds)
            {
                m_problems.Add(0,
                               "scenario",
                               "no " + MmsScenario::KindName(k)
                                   + " (a scenario needs at least one relay, server, ppg, smsc "
                                     "and cell)");
            }
        }
        // WAP 1.x handsets need a WAP gateway.
        if (count[MmsScenario::WAPGW] == 0 && allKinds)
        {
            for (uint32_t i = 0; i < m_vertices.size(); ++i)
            {
                if (m_vertices[i].kind == MmsScenario::CELL && m_vertices[i].wapShare > 0)
                {
                    m_problems.Add(m_vertices[i].wapShareLine,
                                   What(i),
                                   "wapShare > 0 needs a WAP gateway: the scenario has no "
                                   "wapgw (add a vertex of kind wapgw linked near the "
                                   "cell's relay)");
                }
            }
        }
        // Connected components (union-find).
        std::vector<uint32_t> parent(m_vertices.size());
        for (uint32_t i = 0; i < parent.size(); ++i)
        {
            parent[i] = i;
        }
        auto root = [&parent](uint32_t x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        };
        for (const auto& l : m_links)
        {
            parent[root(l.first)] = root(l.second);
        }
        std::map<uint32_t, std::set<Kind>> kindsIn; // component -> kinds present
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            if (m_kindKnown[i])
            {
                kindsIn[root(i)].insert(m_vertices[i].kind);
            }
        }
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            if (!m_kindKnown[i] || m_degree[i] == 0)
            {
                continue;
            }
            const std::set<Kind>& present = kindsIn[root(i)];
            std::vector<Kind> needed;
            if (m_vertices[i].kind == MmsScenario::CELL)
            {
                needed = {MmsScenario::RELAY, MmsScenario::PPG, MmsScenario::SMSC};
            }
            else if (m_vertices[i].kind == MmsScenario::WAPGW)
            {
                needed = {MmsScenario::RELAY};
            }
            else if (m_vertices[i].kind == MmsScenario::MAILSERVER)
            {
                needed = {MmsScenario::RELAY}; // MM3 goes to and from a Relay
            }
            else if (m_vertices[i].kind == MmsScenario::VASP)
            {
                needed = {MmsScenario::RELAY};
            }
            else if (m_vertices[i].kind == MmsScenario::RELAY)
            {
                needed = {MmsScenario::SERVER};
                if (present.count(MmsScenario::CELL) == 0) // else said of the cells
                {
                    needed.push_back(MmsScenario::PPG);
                    needed.push_back(MmsScenario::SMSC);
                }
            }
            for (Kind k : needed)
            {
                if (present.count(k) == 0 && count[k] > 0) // (none at all: said above)
                {
                    m_problems.Add(
                        m_vertices[i].line, What(i), "reaches no " + MmsScenario::KindName(k));
                }
            }
        }
    }

    const MmsScenarioReader::Graph& m_graph;
    MmsScenarioProblems& m_problems;
    std::vector<Vertex>& m_vertices;
    std::vector<Edge>& m_edges;
    std::map<std::string, uint32_t> m_index; //!< vertex index by name
    std::vector<bool> m_kindKnown;
    std::vector<uint32_t> m_degree;
    std::map<uint32_t, uint32_t> m_recipientsLine;      //!< VASP -> line of its recipients
    std::vector<std::pair<uint32_t, uint32_t>> m_links; //!< endpoints of links (no self loops)
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> m_firstLink; //!< -> its line
    std::map<Kind, std::vector<AttributeTarget>> m_targets;        //!< TargetsOf, by kind
    std::map<std::tuple<Kind, std::string, std::string>, Verdict> m_verdicts; //!< see Judge
};

} // namespace

// ---------------------------------------------------------------------------------------------

std::string
MmsScenario::KindName(Kind kind)
{
    return KindNames().at(static_cast<std::size_t>(kind));
}

bool
MmsScenario::Load(const std::string& path, std::vector<std::string>& errors)
{
    NS_LOG_FUNCTION(this << path);
    Clear();
    errno = 0;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr)
    {
        errors.push_back(path + ": cannot read the file (" + std::strerror(errno) + ")");
        return false;
    }
    std::string text;
    char buffer[65536];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof(buffer), f)) > 0)
    {
        text.append(buffer, got);
    }
    const bool failed = std::ferror(f) != 0;
    const int error = errno;
    std::fclose(f);
    if (failed)
    {
        errors.push_back(path + ": cannot read the file (" + std::strerror(error) + ")");
        return false;
    }
    return Parse(text, path, errors);
}

void
MmsScenario::Clear()
{
    m_origin.clear();
    m_vertices.clear();
    m_edges.clear();
    m_routes.Clear();
}

bool
MmsScenario::Parse(const std::string& text,
                   const std::string& origin,
                   std::vector<std::string>& errors)
{
    NS_LOG_FUNCTION(this << origin);
    Clear();
    MmsScenarioProblems problems;

    // Syntax: an error stops everything, and so do numbers run into words (they change
    // what the file means: "rate=2Mbps" is rate=2 and an attribute named Mbps).
    MmsScenarioReader::Graph graph;
    MmsScenarioReader::SyntaxError syntax;
    if (!MmsScenarioReader::Read(text, graph, syntax))
    {
        problems.Add(syntax.line,
                     syntax.tooLarge ? "too large" : "syntax error",
                     syntax.message
                         + (syntax.atEnd ? " (the file ends here: is a closing } missing?)" : ""));
        problems.Flush(origin, errors);
        return false;
    }
    if (!graph.unquoted.empty())
    {
        for (const auto& u : graph.unquoted)
        {
            problems.Add(u.line,
                         "syntax error",
                         u.word + " must be written in double quotes (\"" + u.word
                             + "\"): without them DOT reads " + u.number
                             + " and what follows as two words");
        }
        problems.Flush(origin, errors);
        return false;
    }

    // Sizes the routes cannot be computed for: reported alone, before anything else is built.
    const std::size_t n = graph.nodes.size();
    std::size_t inner = 0; // vertices that are not leaves, as MmsScenarioRoutes counts them
    const bool counted =
        n <= kMaxVertices && graph.edges.size() <= kLinksPerVertex * n + kSpareLinks;
    if (counted)
    {
        std::unordered_map<std::string, std::vector<std::string>> links;
        for (const auto& e : graph.edges)
        {
            links[e.a].push_back(e.b);
            links[e.b].push_back(e.a);
        }
        for (const auto& v : graph.nodes)
        {
            auto it = links.find(v.name);
            const bool leaf = it != links.end() && it->second.size() == 1 && it->second[0] != v.name
                              && links[it->second[0]].size() != 1;
            inner += leaf ? 0 : 1;
        }
    }
    if (!counted || inner > kMaxInnerVertices)
    {
        problems.Add(0,
                     "too large",
                     std::to_string(n) + " vertices"
                         + (counted ? " (" + std::to_string(inner) + " not leaves)" : "") + " and "
                         + std::to_string(graph.edges.size()) + " links: a scenario has at most "
                         + std::to_string(kMaxVertices) + " vertices, "
                         + std::to_string(kMaxInnerVertices)
                         + " of them not leaves (a leaf has one link, to a vertex that is not "
                           "a leaf), and "
                         + std::to_string(kLinksPerVertex) + " links per vertex plus "
                         + std::to_string(kSpareLinks)
                         + " (routes are searched from every vertex that is not a leaf over "
                           "every link)");
        problems.Flush(origin, errors);
        return false;
    }

    // Links are undirected: "digraph" and "->" are errors, but the rest can still be checked.
    if (graph.directed)
    {
        problems.Add(graph.keywordLine,
                     "graph",
                     "links are undirected: write \"graph\" instead of \"digraph\"");
    }
    for (const auto& a : graph.arrows)
    {
        problems.Add(a.line,
                     "edge " + a.from + " -> " + a.to,
                     "links are undirected: write \"--\" instead of \"->\"");
    }

    // Nodes, links, the graph as a whole.
    GraphChecker(graph, problems, m_vertices, m_edges).Run();

    if (!problems.Empty())
    {
        problems.Flush(origin, errors);
        Clear();
        return false;
    }
    m_origin = origin;
    m_routes.Compute(*this);
    CheckWapGateways(problems);
    if (!problems.Empty())
    {
        problems.Flush(origin, errors);
        Clear();
        return false;
    }
    return true;
}

void
MmsScenario::CheckWapGateways(MmsScenarioProblems& problems) const
{
    // Each WAP gateway serves its nearest Relay (of its operator), as a cell is served; the
    // WAP 1.x handsets of that Relay's cells use it. Refused: a gateway as near to two Relays
    // (which one is meant?), a second gateway for one Relay, and a cell with wapShare > 0
    // whose Relay has none.
    const std::vector<uint32_t> relays = GetVerticesOfKind(RELAY);
    std::map<uint32_t, uint32_t> gatewayOf; // relay -> its wapgw
    for (uint32_t g : GetVerticesOfKind(WAPGW))
    {
        const Vertex& v = m_vertices[g];
        const uint32_t relay = GetServingRelay(g);
        if (relay == UINT32_MAX)
        {
            continue; // reported by the checks of the graph
        }
        const double best = GetPathDelay(g, relay);
        for (uint32_t r : relays)
        {
            if (r != relay && m_vertices[r].op == v.op && GetPathDelay(g, r) == best)
            {
                problems.Add(v.line,
                             "wapgw " + v.name,
                             "is as near to relay " + m_vertices[r].name + " as to relay "
                                 + m_vertices[relay].name
                                 + ": a WAP gateway serves its nearest relay; link it nearer "
                                   "to the one it serves");
                break;
            }
        }
        auto [it, added] = gatewayOf.emplace(relay, g);
        if (!added)
        {
            problems.Add(v.line,
                         "wapgw " + v.name,
                         "serves relay " + m_vertices[relay].name + " as wapgw "
                             + m_vertices[it->second].name + " (line "
                             + std::to_string(m_vertices[it->second].line)
                             + ") does: a relay has at most one WAP gateway, its nearest");
        }
    }
    for (uint32_t c : GetVerticesOfKind(CELL))
    {
        const Vertex& v = m_vertices[c];
        const uint32_t relay = GetServingRelay(c);
        if (v.wapShare > 0 && !gatewayOf.empty() && relay != UINT32_MAX && !gatewayOf.count(relay))
        {
            problems.Add(v.wapShareLine,
                         "cell " + v.name,
                         "wapShare > 0 needs a WAP gateway for its relay " + m_vertices[relay].name
                             + ", but no wapgw is nearest to it (a WAP gateway serves its "
                               "nearest relay)");
        }
    }
}

bool
MmsScenario::IsWapHandset(double share, uint32_t k)
{
    return std::floor((k + 1.0) * share) > std::floor(k * share);
}

const std::string&
MmsScenario::GetOrigin() const
{
    return m_origin;
}

const std::vector<MmsScenario::Vertex>&
MmsScenario::GetVertices() const
{
    return m_vertices;
}

const std::vector<MmsScenario::Edge>&
MmsScenario::GetEdges() const
{
    return m_edges;
}

int32_t
MmsScenario::FindVertex(const std::string& name) const
{
    for (uint32_t i = 0; i < m_vertices.size(); ++i)
    {
        if (m_vertices[i].name == name)
        {
            return static_cast<int32_t>(i);
        }
    }
    return -1;
}

std::vector<uint32_t>
MmsScenario::GetVerticesOfKind(Kind kind) const
{
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < m_vertices.size(); ++i)
    {
        if (m_vertices[i].kind == kind)
        {
            out.push_back(i);
        }
    }
    return out;
}

uint64_t
MmsScenario::GetSubscriberCount() const
{
    uint64_t total = 0;
    for (const auto& v : m_vertices)
    {
        if (v.kind == CELL)
        {
            total += v.subscribers;
        }
    }
    return total;
}

int32_t
MmsScenario::GetFirstEdge(uint32_t from, uint32_t to) const
{
    return m_routes.GetFirstEdge(from, to);
}

uint32_t
MmsScenario::GetOtherEnd(uint32_t edge, uint32_t from) const
{
    NS_ASSERT_MSG(edge < m_edges.size(), "no edge " << edge);
    const Edge& e = m_edges[edge];
    return e.a == from ? e.b : e.a;
}

double
MmsScenario::GetPathDelay(uint32_t from, uint32_t to) const
{
    return m_routes.GetPathDelay(from, to);
}

int32_t
MmsScenario::GetNearest(uint32_t from, Kind kind) const
{
    return m_routes.GetNearest(from, GetVerticesOfKind(kind));
}

uint32_t
MmsScenario::GetServingRelay(uint32_t cell) const
{
    return m_routes.GetServingRelay(cell);
}

const std::vector<MmsScenario::Mmse>&
MmsScenario::GetMmses() const
{
    return m_routes.GetMmses();
}

} // namespace ns3
