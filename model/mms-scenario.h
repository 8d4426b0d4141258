/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_H
#define MMS_SCENARIO_H

#include "mms-scenario-routes.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class MmsScenarioProblems;

/**
 * \ingroup mms-scenario
 * A scenario file: a GraphViz DOT graph of an operator's network, read, checked before
 * anything is built, and routed.
 *
 * Vertices are network elements (kind = relay, server, ppg, smsc, router, wapgw,
 * mailserver), radio cells (kind = cell, with subscribers, a bearer profile and an optional
 * share of WAP 1.x handsets, wapShare) or value-added service providers (kind = vasp, with its
 * operator and recipients); edges are point-to-point links with a
 * rate, a delay and an optional loss. Other vertex attributes name ns-3 attributes of the
 * element (or, on a cell, of the cell, its bearer profile, its User Agents or their traffic
 * model) and are kept as strings for the scenario helper to set (see Target).
 * examples/scenarios/first-network.dot explains every rule in its comments.
 *
 * Load (or Parse) does three things, each in its own file:
 * - reading: MmsScenarioReader parses the DOT text once, giving nodes, edges and attributes
 *   with their lines; a syntax error stops there and is reported alone;
 * - checking (this class): the size (at most 200,000 vertices, 20,000 of them not leaves, and
 *   4 links per vertex plus 1,000, since the routes grow with these), "digraph" and "->", numbers
 * run into words, kinds, cells' subscribers, bearer and wapShare, every link's rate, delay and
 * loss, loops,
 * second links and links between two cells, every ns-3 attribute's name and value
 * (MmsScenarioAttributes, which never calls what aborts in ns-3.37 on bad text), link delays adding
 * up to no more than 2^62 ns (146 years, so that no route's delay overflows Time), isolated
 * vertices, the kinds a scenario needs and what each cell and Relay must reach; every problem is
 *   reported, with its line;
 * - routing: MmsScenarioRoutes computes, for a scenario that passed the checks, the shortest
 *   paths by delay, each cell's serving Relay and the MMSEs (with the WAP gateway serving each
 *   Relay, its nearest), which the getters below answer; then the WAP gateways are checked
 *   (at most one per Relay, none as near to two Relays, one for each cell with wapShare > 0).
 *
 * \code
 *   MmsScenario scenario;
 *   std::vector<std::string> errors;
 *   if (!scenario.Load("operator.dot", errors))
 *   {
 *       for (const auto& e : errors) { std::cerr << e << "\n"; } // "operator.dot:12: ..."
 *   }
 * \endcode
 */
class MmsScenario
{
  public:
    /// What a vertex is (its "kind" attribute, case-insensitive in files).
    enum Kind
    {
        RELAY,      //!< an MMS Relay (ns3::MmsRelay)
        SERVER,     //!< an MMS Server, the message store (ns3::MmsServer)
        PPG,        //!< a WAP Push Proxy Gateway (ns3::MmsWapPushProxyGateway)
        SMSC,       //!< an SMSC (ns3::MmsSmsc)
        ROUTER,     //!< a plain IP router
        CELL,       //!< a radio cell with its subscribers' handsets
        WAPGW,      //!< a WAP gateway (ns3::MmsWapGateway) for the WAP 1.x handsets of a Relay
        MAILSERVER, //!< an external Internet mail server for MM3 (ns3::MmsMailServer)
        VASP,       //!< a value-added service provider submitting over MM7 (ns3::MmsVasp)
    };

    /**
     * Where an ns-3 attribute named in a vertex goes. On a relay, server, PPG, SMSC, WAP
     * gateway or mail server: the element (ns3::MmsRelay, ns3::MmsServer,
     * ns3::MmsWapPushProxyGateway, ns3::MmsSmsc, ns3::MmsWapGateway, ns3::MmsMailServer, their
     * parents' attributes included, e.g. StartTime); on a VASP ns3::MmsVasp (its RelayAddress
     * and RelayHost come from the graph). A router takes none. On a cell the name is looked up in
     * ns3::MmsRadioCellChannel, ns3::MmsRadioBearerProfile, ns3::MmsUserAgent and
     * ns3::MmsTrafficModel, in this order, and the first type that has it takes it. No name is
     * shared among these four types (the mms-scenario test checks it), so the order decides nothing
     * today; should a name be added to two of them, the earlier type takes it.
     *
     * Values are checked as ns-3 would read them from a StringValue, without ever calling
     * what aborts in ns-3.37 on bad text; the scenario builder can set each Setting with
     * SetAttribute(name, StringValue(value)). Refused: attributes the builder sets from the graph
     * (User Agent Msisdn, RelayAddress, RelayHost, RelayPath, SmsPort, Stack and
     * GatewayAddress, which the cell's wapShare decides; bearer profile Preset, which is the
     * cell's bearer; relay ServerAddress, PpgAddress, PpgPath; PPG SmscAddress; WAP gateway
     * RelayAddress),
     * read-only attributes, and values of types other than string, boolean, integers, double,
     * enum, Time, DataRate, pointer ("ns3::Type[Name=value|...]") and ObjectFactory.
     */
    enum Target
    {
        ELEMENT, //!< the vertex's element (MmsRelay, MmsServer, MmsWapPushProxyGateway, MmsSmsc,
                 //!< MmsWapGateway, MmsMailServer, MmsVasp)
        CELL_CHANNEL,  //!< ns3::MmsRadioCellChannel of a cell
        CELL_PROFILE,  //!< ns3::MmsRadioBearerProfile of a cell's bearer (overrides of the preset)
        USER_AGENT,    //!< ns3::MmsUserAgent of every subscriber in a cell
        TRAFFIC_MODEL, //!< ns3::MmsTrafficModel of a cell's subscribers
    };

    /// One ns-3 attribute setting from the file.
    struct Setting
    {
        Target target{ELEMENT}; //!< the object it is for
        std::string name;       //!< the ns-3 attribute name ("Workers")
        std::string value;      //!< its value as written ("8"), already checked to deserialize
    };

    /// A vertex: a network element, a router or a cell.
    struct Vertex
    {
        std::string name;              //!< the DOT node id
        Kind kind{ROUTER};             //!< what it is
        uint32_t line{0};              //!< line where the file first names the node
        uint32_t subscribers{0};       //!< cells: the number of handsets
        std::string bearer;            //!< cells: a bearer profile preset name, as spelt there
        std::string fidelity;          //!< cells: "packet", "flow" or "" (the program's default)
        double wapShare{0};            //!< cells: share of WAP 1.x handsets, [0, 1] (0: all HTTP)
        uint32_t wapShareLine{0};      //!< cells: line of wapShare (0: not set)
        std::vector<Setting> settings; //!< its ns-3 attributes, in the order the file sets them
        std::string op; //!< relays, servers, PPGs, SMSCs, WAP gateways, cells, VASPs: operator
        std::string recipients; //!< VASPs: "all" (every operator's subscribers) or an operator
    };

    /// An edge: a point-to-point link.
    struct Edge
    {
        uint32_t a{0};          //!< vertex index
        uint32_t b{0};          //!< vertex index
        std::string rate;       //!< ns-3 DataRate syntax, checked ("2Mbps")
        std::string delay;      //!< ns-3 Time syntax, checked ("20ms")
        double delaySeconds{0}; //!< the delay in seconds
        double loss{0};         //!< packet loss probability on the link, each direction, [0,1)
        uint32_t line{0};       //!< line of its "--"
    };

    /**
     * Read and check a scenario file. On failure `errors` holds one line per problem, each
     * starting with "<file>:<line>: " where the line is known (else "<file>: ") and naming the
     * vertex or edge ("cell c12", "edge r1 -- c12"), and nothing of the scenario is usable.
     * A node's line is where the file first names it, but a problem with one of its attributes
     * is reported where the attribute is set (its node statement or a "node [...]" default); an
     * edge's line is that of its "--". Problems come sorted by line, those of no line last. A
     * syntax error is reported alone ("<file>:<line>: syntax error: <message>", worded as
     * MmsScenarioReader says), since nothing else can be checked; so are numbers run into
     * words (an unquoted 2Mbps), a text the reader finds too large ("<file>:<line>: too large:
     * the graph asks for more than ...") and too many vertices or links ("<file>: too large:
     * ...").
     * \param path the DOT file
     * \param errors the problems found (appended)
     * \return true if the scenario is valid
     */
    bool Load(const std::string& path, std::vector<std::string>& errors);

    /**
     * Read and check a scenario given as text, as Load does.
     * \param text the DOT text
     * \param origin what errors name it by, e.g. the file name
     * \param errors the problems found (appended)
     * \return true if the scenario is valid
     */
    bool Parse(const std::string& text,
               const std::string& origin,
               std::vector<std::string>& errors);

    /**
     * The file the scenario was read from.
     * \return the path given to Load, or the origin given to Parse (empty if none loaded)
     */
    const std::string& GetOrigin() const;

    /**
     * The vertices.
     * \return the vertices in the order the file first names them (indices are positions here)
     */
    const std::vector<Vertex>& GetVertices() const;

    /**
     * The edges.
     * \return the edges in file order (an edge statement a -- b -- c gives two, in that order)
     */
    const std::vector<Edge>& GetEdges() const;

    /**
     * A vertex by its DOT id.
     * \param name the id
     * \return its index, or -1 if no vertex has it
     */
    int32_t FindVertex(const std::string& name) const;

    /**
     * The vertices of one kind.
     * \param kind the kind
     * \return their indices, in file order
     */
    std::vector<uint32_t> GetVerticesOfKind(Kind kind) const;

    /**
     * The size of the population.
     * \return the sum of subscribers over all cells
     */
    uint64_t GetSubscriberCount() const;

    /**
     * The first hop on a shortest path (by summed link delay; ties broken by fewer hops, then
     * by lower vertex index), as MmsScenarioRoutes computes it.
     * \param from the vertex where the path starts
     * \param to the vertex where it ends
     * \return the index of the edge to take, or -1 if from == to or `to` is unreachable
     */
    int32_t GetFirstEdge(uint32_t from, uint32_t to) const;

    /**
     * The other end of an edge.
     * \param edge an edge index (asserted to exist)
     * \param from one of its ends
     * \return the vertex reached over `edge` from `from`
     */
    uint32_t GetOtherEnd(uint32_t edge, uint32_t from) const;

    /**
     * The delay of a shortest path.
     * \param from the vertex where the path starts
     * \param to the vertex where it ends
     * \return the summed link delay in seconds (infinity if `to` is unreachable)
     */
    double GetPathDelay(uint32_t from, uint32_t to) const;

    /**
     * The nearest vertex of a kind.
     * \param from the vertex to measure from
     * \param kind the kind wanted
     * \return the vertex of `kind` nearest to `from` by path delay (ties to the lower index;
     *         `from` itself if it is of that kind), or -1 if it reaches none
     */
    int32_t GetNearest(uint32_t from, Kind kind) const;

    /**
     * The Relay serving a cell: its nearest Relay.
     * \param cell a cell (any vertex is answered alike)
     * \return the Relay's vertex, or UINT32_MAX if none
     */
    uint32_t GetServingRelay(uint32_t cell) const;

    /// Per Relay: its Server, PPG and SMSC, and the cells it serves.
    using Mmse = MmsScenarioRoutes::Mmse;

    /**
     * The MMSEs: one per Relay, with the nearest Server and PPG to the Relay and the nearest
     * SMSC to that PPG.
     * \return the MMSEs in the order of their Relays
     */
    const std::vector<Mmse>& GetMmses() const;

    /**
     * The name of a kind as files write it.
     * \param kind the kind
     * \return "relay", "server", "ppg", "smsc", "router", "cell", "wapgw", "mailserver" or
     *         "vasp"
     */
    static std::string KindName(Kind kind);

    /**
     * Whether a cell's subscriber is a WAP 1.x handset: the deterministic split of a cell's
     * subscribers by index that gives a share s of them WAP 1.x, spread evenly (subscriber k
     * is one when floor((k + 1) s) > floor(k s); floor(N s) of N subscribers are).
     * \param share the cell's wapShare, in [0, 1]
     * \param k the subscriber's index in its cell, from 0
     * \return true for a WAP 1.x handset (Stack Wsp), false for WAP 2.0 (HTTP)
     */
    static bool IsWapHandset(double share, uint32_t k);

  private:
    void Clear(); //!< forget everything (a failed Load or Parse leaves nothing usable)
    /**
     * The checks of the WAP gateways once routed: each serves its nearest Relay, at most one
     * per Relay, none as near to two Relays; every cell with wapShare > 0 has one.
     * \param problems where problems are added
     */
    void CheckWapGateways(MmsScenarioProblems& problems) const;

    std::string m_origin;           //!< the file's name, in errors
    std::vector<Vertex> m_vertices; //!< by index
    std::vector<Edge> m_edges;      //!< by index
    MmsScenarioRoutes m_routes;     //!< computed once the checks pass
};

} // namespace ns3

#endif /* MMS_SCENARIO_H */
