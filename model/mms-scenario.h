/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_H
#define MMS_SCENARIO_H
// A scenario file: a GraphViz DOT graph read with Boost.Graph (read_graphviz, dynamic
// properties), checked before anything is built, and the routes and service areas computed from
// it (shortest paths by link delay). Vertices are network elements (kind = relay, server, ppg,
// smsc, router) or radio cells (kind = cell, with subscribers and bearer); edges are links with
// rate, delay and an optional loss. Other vertex attributes name ns-3 attributes of the
// element (or, on a cell, of the cell, its bearer profile, its User Agents or their traffic
// model) and are kept as strings for the scenario helper to set.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * A validated scenario graph with its routes.
 */
class MmsScenario
{
  public:
    /// What a vertex is.
    enum Kind
    {
        RELAY,
        SERVER,
        PPG,
        SMSC,
        ROUTER,
        CELL,
    };

    /**
     * Where an ns-3 attribute named in a vertex goes. On a relay, server, PPG or SMSC: the
     * element (ns3::MmsRelay, ns3::MmsServer, ns3::MmsWapPushProxyGateway, ns3::MmsSmsc, their
     * parents' attributes included, e.g. StartTime). A router takes none. On a cell the name is
     * looked up in ns3::MmsRadioCellChannel, ns3::MmsRadioBearerProfile, ns3::MmsUserAgent and
     * ns3::MmsTrafficModel, in this order, and the first type that has it takes it. No name is
     * shared among these four types (the mms-scenario test checks it), so the order decides
     * nothing today; should a name be added to two of them, the earlier type takes it.
     *
     * Values are checked as ns-3 would read them from a StringValue, without ever calling
     * what aborts in ns-3.37 on bad text; the scenario builder can set each Setting with
     * SetAttribute(name, StringValue(value)). Refused: attributes the builder sets from the graph
     * (User Agent Msisdn, RelayAddress, RelayHost, RelayPath, SmsPort; bearer profile Preset,
     * which is the cell's bearer; relay ServerAddress, PpgAddress, PpgPath; PPG SmscAddress),
     * read-only attributes, and values of types other than string, boolean, integers, double,
     * enum, Time, DataRate, pointer ("ns3::Type[Name=value|...]") and ObjectFactory.
     */
    enum Target
    {
        ELEMENT,       //!< the vertex's element (MmsRelay, MmsServer, MmsWapPushProxyGateway, MmsSmsc)
        CELL_CHANNEL,  //!< ns3::MmsRadioCellChannel of a cell
        CELL_PROFILE,  //!< ns3::MmsRadioBearerProfile of a cell's bearer (overrides of the preset)
        USER_AGENT,    //!< ns3::MmsUserAgent of every subscriber in a cell
        TRAFFIC_MODEL, //!< ns3::MmsTrafficModel of a cell's subscribers
    };

    /// One ns-3 attribute setting from the file.
    struct Setting
    {
        Target target{ELEMENT};
        std::string name;  //!< the ns-3 attribute name ("Workers")
        std::string value; //!< its value as written ("8"), already checked to deserialize
    };

    struct Vertex
    {
        std::string name; //!< the DOT node id
        Kind kind{ROUTER};
        uint32_t line{0};        //!< line where the file first names the node (0: unknown)
        uint32_t subscribers{0}; //!< cells
        std::string bearer;      //!< cells: a bearer profile preset name
        std::vector<Setting> settings;
    };

    struct Edge
    {
        uint32_t a{0};     //!< vertex index
        uint32_t b{0};     //!< vertex index
        std::string rate;  //!< ns-3 DataRate syntax, checked ("2Mbps")
        std::string delay; //!< ns-3 Time syntax, checked ("20ms")
        double delaySeconds{0};
        double loss{0};   //!< packet loss probability on the link, each direction, [0,1)
        uint32_t line{0}; //!< line of the edge statement (0: unknown)
    };

    /**
     * Read and check a scenario file. On failure `errors` holds one line per problem, each
     * starting with "<file>:<line>: " where the line is known (else "<file>: ") and naming the
     * vertex or edge ("cell c12", "edge r1 -- c12"), and nothing of the scenario is usable.
     * A node's line is where the file first names it, but a problem with one of its attributes
     * is reported where the attribute is set (its node statement or a "node [...]" default); an
     * edge's line is that of its "--". Problems come sorted by line, those of no line last. A
     * syntax error is reported alone (with Boost's message), since nothing else can be checked.
     * \param path the DOT file
     * \param errors the problems found (appended)
     * \return true if the scenario is valid
     */
    bool Load(const std::string& path, std::vector<std::string>& errors);
    /// The same from text (`origin` names it in errors, e.g. the file name).
    bool Parse(const std::string& text,
               const std::string& origin,
               std::vector<std::string>& errors);

    /// The file name (or the origin given to Parse) that errors name.
    const std::string& GetOrigin() const;
    const std::vector<Vertex>& GetVertices() const;
    const std::vector<Edge>& GetEdges() const;
    /// Index of the vertex with this DOT id, or -1.
    int32_t FindVertex(const std::string& name) const;
    /// Indices of the vertices of one kind, in file order.
    std::vector<uint32_t> GetVerticesOfKind(Kind kind) const;
    /// Sum of subscribers over all cells.
    uint64_t GetSubscriberCount() const;

    /**
     * The first hop on a shortest path (by summed link delay; ties broken by fewer hops, then
     * by lower vertex index) from vertex `from` to vertex `to`.
     * \return the index of the edge to take, or -1 if from == to or `to` is unreachable
     */
    int32_t GetFirstEdge(uint32_t from, uint32_t to) const;
    /// The neighbour reached over edge `edge` from vertex `from`.
    uint32_t GetOtherEnd(uint32_t edge, uint32_t from) const;
    /// Shortest path delay in seconds between two vertices (infinity if unreachable).
    double GetPathDelay(uint32_t from, uint32_t to) const;
    /// The vertex of `kind` nearest (by path delay, ties by index) to `from`, or -1.
    int32_t GetNearest(uint32_t from, Kind kind) const;

    /// The Relay serving a cell: its nearest relay (for any vertex; UINT32_MAX if none).
    uint32_t GetServingRelay(uint32_t cell) const;

    /// Per relay: its server, PPG and SMSC (the nearest of each kind to the relay; the PPG's
    /// SMSC is the nearest SMSC to the PPG).
    struct Mmse
    {
        uint32_t relay;
        uint32_t server;
        uint32_t ppg;
        uint32_t smsc;               //!< the SMSC the PPG submits to
        std::vector<uint32_t> cells; //!< cells this relay serves, in file order
    };

    const std::vector<Mmse>& GetMmses() const;

    /// Name of a kind as written in files ("relay", ...).
    static std::string KindName(Kind kind);

  private:
    void Clear();         //!< forget everything (a failed Load or Parse leaves nothing usable)
    void ComputeRoutes(); //!< shortest paths, serving relays and MMSEs of a checked graph

    std::string m_origin;
    std::vector<Vertex> m_vertices;
    std::vector<Edge> m_edges;
    std::vector<std::vector<int32_t>> m_firstEdge; //!< [from][to]
    std::vector<std::vector<double>> m_distance;   //!< [from][to], seconds
    std::vector<Mmse> m_mmses;
    std::vector<uint32_t> m_servingRelay; //!< per vertex (cells only meaningful)
};

} // namespace ns3

#endif /* MMS_SCENARIO_H */
