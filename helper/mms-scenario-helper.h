/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_HELPER_H
#define MMS_SCENARIO_HELPER_H

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/mms-cell-traffic.h"
#include "ns3/mms-flow-network.h"
#include "ns3/mms-helper.h"
#include "ns3/mms-radio-bearer-helper.h"
#include "ns3/mms-scenario-partition.h"
#include "ns3/mms-scenario.h"
#include "ns3/mms-subscriber-pool.h"
#include "ns3/mms-traffic-model.h"
#include "ns3/mms-vasp.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class MmsSqliteRecorder;
class ErrorModel;

/**
 * \ingroup mms-helpers
 * Builds a whole MMS network from a checked scenario (MmsScenario) and installs the MMS
 * elements on it.
 *
 * Install builds: one node per vertex with an IPv4 stack; one point-to-point link per edge
 * (its rate, delay and, if the file gives one, a RateErrorModel per packet on each end), each
 * its own /30 from 10.0.0.0; one radio cell per cell vertex (MmsRadioBearerHelper, the cell's
 * bearer preset and its channel and profile attributes; one subnet per cell from
 * 10.128.0.0/9, sized for the largest cell) with its subscribers' handsets; routes on every
 * network node along the scenario's shortest paths by delay (MmsScenarioRoutes), to every link
 * and cell it is not on (a default route by the link most of them leave by, and a route to
 * each of the others), in an MmsScenarioRouting put before the node's static routing in its
 * Ipv4ListRouting (priority 10; routes added to that static routing by hand are consulted only
 * for destinations the MmsScenarioRouting has no route to); one Server, PPG and SMSC application
 * per vertex of those kinds, shared by the Relays that use them; one MMSE per Relay (an MmsHelper:
 * the Relay and the User Agents of the cells it serves, numbered on from SetFirstMsisdn cell by
 * cell), whose recipients are drawn among its own subscribers; a User Agent per subscriber with the
 * cell's traffic model (the shared one, which the first MMSE draws from and each other MMSE from a
 * copy of its own, or the cell's own when the file sets a traffic-model attribute on the cell);
 * per wapgw vertex a WAP gateway (MmsHelper::InstallWapGateway) for the Relay it serves, the User
 * Agents of that Relay's cells being WAP 1.x handsets (Stack Wsp) or WAP 2.0 ones (Http) by their
 * cell's wapShare (MmsScenario::IsWapHandset); and, if one is given, connects the results
 * recorder (with, per cell, the run attributes fidelity, wapShare and wapHandsets).
 *
 * \code
 *   MmsScenario scenario;
 *   std::vector<std::string> errors;
 *   if (!scenario.Load("operator.dot", errors)) { ... print errors, exit 2 ... }
 *   MmsScenarioHelper builder;
 *   builder.SetTrafficModelAttribute("TimeOfDayAtStart", TimeValue(Hours(21)));
 *   builder.Install(scenario);
 *   builder.AssignStreams(1);
 * \endcode
 *
 * Attributes given here are defaults for every element of a kind; attributes written on a
 * vertex of the file override them for that element (on a cell: for its channel, bearer
 * profile, User Agents and traffic model).
 */
class MmsScenarioHelper
{
  public:
    /// A helper with ns-3's defaults for every element and traffic model.
    MmsScenarioHelper();
    ~MmsScenarioHelper();

    /**
     * A default for every Relay (ns3::MmsRelay); a vertex's own attribute overrides it.
     * \param name the attribute's name
     * \param value its value
     */
    void SetRelayAttribute(const std::string& name, const AttributeValue& value);
    /**
     * A default for every Server (ns3::MmsServer); a vertex's own attribute overrides it.
     * \param name the attribute's name
     * \param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /**
     * A default for every PPG (ns3::MmsWapPushProxyGateway); a vertex's own attribute
     * overrides it.
     * \param name the attribute's name
     * \param value its value
     */
    void SetPpgAttribute(const std::string& name, const AttributeValue& value);
    /**
     * A default for every SMSC (ns3::MmsSmsc); a vertex's own attribute overrides it. Unless
     * DeliveryDelay is set here or on the vertex, the SMSC's delivery delay is the core part
     * only (MmsSmsc::CORE_DELIVERY_DELAY): the radio cell adds paging and transfer.
     * \param name the attribute's name
     * \param value its value
     */
    void SetSmscAttribute(const std::string& name, const AttributeValue& value);
    /**
     * A default for every User Agent (ns3::MmsUserAgent); a cell's own attribute overrides it
     * for that cell's subscribers.
     * \param name the attribute's name
     * \param value its value
     */
    void SetUserAgentAttribute(const std::string& name, const AttributeValue& value);
    /**
     * An attribute of every traffic model (ns3::MmsTrafficModel): the shared one and those of
     * cells that set traffic-model attributes of their own (which override it there).
     * \param name the attribute's name
     * \param value its value
     */
    void SetTrafficModelAttribute(const std::string& name, const AttributeValue& value);
    /**
     * An attribute of every cell's connection state machine (ns3::MmsRrcStateMachine).
     * \param name the attribute's name
     * \param value its value
     */
    void SetRrcAttribute(const std::string& name, const AttributeValue& value);
    /**
     * The first subscriber's number; the others follow in cell order, MMSE by MMSE.
     * \param msisdn an MSISDN in international form (default "+447700900001")
     */
    void SetFirstMsisdn(const std::string& msisdn);
    /**
     * Whether the User Agents generate messages from their traffic model.
     * \param enabled true (the default) to generate, false for User Agents driven by hand
     */
    void SetTraffic(bool enabled);
    /**
     * \brief The subscribers' population: "Realistic" sets, on every User Agent built from
     * the scenario, the sourced values of GetRealisticPopulation() (switched off or out of
     * coverage at the busy hour), unless SetUserAgentAttribute() or the scenario file's cell
     * sets the same attribute; "Ideal" leaves the User Agents' model defaults (always on).
     * The default is the global value MmsPopulation ("Realistic" unless set, e.g.
     * --MmsPopulation=Ideal on a command line). Before Install.
     * \param population "Realistic" or "Ideal" (anything else: Check() reports it)
     */
    void SetPopulation(const std::string& population);

    /// One User Agent attribute of the realistic population.
    struct PopulationSetting
    {
        std::string name;   //!< the MmsUserAgent attribute
        std::string value;  //!< its value
        std::string source; //!< where the value comes from
    };

    /**
     * \brief The User Agent attributes SetPopulation("Realistic") applies.
     * \return the settings
     */
    static std::vector<PopulationSetting> GetRealisticPopulation();
    /**
     * \brief Keep subscribers as records and give them User Agents and handsets only while
     * they need them (MmsSubscriberPool; the default), or build a handset with its User Agent
     * per subscriber for the whole run (false: every handset is a node from the start, as
     * small classroom scenarios want in their pcaps, and as SetPartition() needs). Before
     * Install.
     * \param onDemand true for handsets on demand (the default)
     */
    void SetHandsetsOnDemand(bool onDemand);
    /**
     * \return whether subscribers get handsets on demand
     */
    bool GetHandsetsOnDemand() const;
    /**
     * \brief The fidelity of the cells whose scenario vertex sets none (fidelity=packet|flow):
     * "packet" (the default: handsets are ns-3 nodes with sockets and a radio device) or
     * "flow" (MmsFlowTransport on an MmsFlowNetwork: no packets). Flow cells need handsets on
     * demand. With any flow cell the Relays, Servers, PPGs and SMSCs get an MmsFlowTransport
     * beside their socket transport, and their exchanges among themselves are flows too.
     * Before Install.
     * \param fidelity "packet" or "flow"
     */
    void SetFidelity(const std::string& fidelity);
    /**
     * \brief The fidelity each cell runs at, after Install.
     * \return (cell name, "packet" or "flow") in the scenario's order
     */
    std::vector<std::pair<std::string, std::string>> GetCellFidelities() const;
    /**
     * \return the flow network (after Install, if any cell is at flow level), or null
     */
    Ptr<MmsFlowNetwork> GetFlowNetwork() const;
    /**
     * \return the pool of subscribers (handsets on demand), or null
     */
    Ptr<MmsSubscriberPool> GetSubscriberPool() const;
    /**
     * A recorder to connect to everything once installed.
     * \param recorder a recorder the caller opened
     */
    void SetRecorder(Ptr<MmsSqliteRecorder> recorder);

    /**
     * Build for one rank of a distributed run (ns-3's MPI simulator). Every rank builds every
     * node, link, cell, handset and application in the same order, so that node ids, addresses
     * and random stream numbers are those of a run in one process; nodes get their owner's rank
     * as system id (the point-to-point helper then makes links between ranks remote), and the
     * applications of nodes other ranks own are never started (their start time is put past
     * any simulated time), so they send nothing. A recorder set here records this rank's nodes
     * and cells only. Without this call everything is local (system id 0).
     * \param partition a partition computed for the scenario given to Install
     * \param systemId this process's rank (MpiInterface::GetSystemId())
     */
    void SetPartition(const MmsScenarioPartition& partition, uint32_t systemId);

    /**
     * Whether this rank owns a vertex.
     * \param vertex the vertex's DOT id
     * \return true if its node (and for a cell its handsets) runs here; true for every vertex
     *         without SetPartition, false for an unknown id
     */
    bool IsLocal(const std::string& vertex) const;

    /**
     * Check what reading the file could not: that the traffic model of every cell (the
     * defaults set here plus the cell's own traffic-model attributes) is consistent; that the
     * bearer profile of every cell (its preset and the file's overrides) is valid; that the
     * objects the file's object-factory strings make accept their values together
     * (MmsCheckObjectValues: "ns3::MmsRetryPolicy[Table=...]"); and that the cells fit their
     * address space, 10.128.0.0/9.
     * \param scenario a scenario that loaded without errors
     * \param errors one line per problem, naming the cell and its line (appended)
     * \return true if Install() can build it
     */
    bool Check(const MmsScenario& scenario, std::vector<std::string>& errors) const;

    /**
     * Build the network and install the elements. Call once, with a scenario that loaded
     * without errors; a scenario Check refuses stops the program (NS_FATAL_ERROR).
     * \param scenario the scenario
     */
    void Install(const MmsScenario& scenario);

    /**
     * Assign fixed random variable streams to everything installed.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * Stop message generation on every User Agent installed: what is under way (submissions,
     * notifications, retrievals, reports) goes on.
     * \param at when, from now
     */
    void StopTraffic(Time at) const;

    /**
     * The node of a vertex.
     * \param vertex the vertex's DOT id
     * \return its node, or null if no vertex has that id
     */
    Ptr<Node> GetNode(const std::string& vertex) const;
    /**
     * The radio cell of a cell vertex.
     * \param vertex the vertex's DOT id
     * \return its cell, or null if it is no cell vertex
     */
    Ptr<MmsRadioCellChannel> GetCell(const std::string& vertex) const;
    /**
     * The radio cells.
     * \return every cell, in the order they were built (file order)
     */
    std::vector<Ptr<MmsRadioCellChannel>> GetCells() const;
    /**
     * The handsets of one cell.
     * \param cell the cell vertex's DOT id
     * \return its handsets (empty if it is no cell vertex)
     */
    NodeContainer GetHandsets(const std::string& cell) const;
    /**
     * The handsets.
     * \return every handset, cell by cell in file order
     */
    NodeContainer GetHandsets() const;
    /**
     * The User Agents.
     * \return every User Agent, MMSE by MMSE and cell by cell
     */
    ApplicationContainer GetUserAgents() const;
    /**
     * The Relays.
     * \return one Relay per MMSE, in the order of their vertices
     */
    std::vector<Ptr<MmsRelay>> GetRelays() const;
    /**
     * The VASPs (vertices of kind vasp).
     * \return one MmsVasp per vasp vertex, in file order
     */
    std::vector<Ptr<MmsVasp>> GetVasps() const;
    /**
     * The traffic model shared by cells that set no traffic-model attribute of their own.
     * \return the model installed, or (before Install) a new one with the attributes set here
     */
    Ptr<MmsTrafficModel> GetTrafficModel() const;
    /**
     * The routes installed on the network nodes (not counting the routes to their own networks,
     * nor handsets' default routes).
     * \return their number
     */
    uint32_t GetRouteCount() const;
    /**
     * A short description: elements, links, cells and which Relay serves them.
     * \param os where to print it
     */
    void PrintPlan(std::ostream& os) const;
    /**
     * Write a pcap of every point-to-point link, one file per device: prefix-node-device.pcap.
     * \param prefix the files' prefix
     */
    void EnablePcap(const std::string& prefix);

  private:
    /**
     * Set on an object the vertex's settings of one target.
     * \param object the object
     * \param v the vertex
     * \param target which of its settings
     */
    void ApplySettings(Ptr<Object> object,
                       const MmsScenario::Vertex& v,
                       MmsScenario::Target target) const;
    /**
     * Whether this rank owns a vertex.
     * \param vertex a vertex index
     * \return true if its node runs here
     */
    bool IsLocal(uint32_t vertex) const;
    /**
     * The rank owning a vertex.
     * \param vertex a vertex index
     * \return its system id (0 without SetPartition)
     */
    uint32_t SystemIdOf(uint32_t vertex) const;
    /// Never start the applications of the nodes other ranks own.
    void ParkRemoteApplications();
    /**
     * Turn MM4 on in every Relay of a scenario whose elements name their operators: the
     * number-range table of every MMSE's numbers, and the first Relay of each other operator
     * as its peer.
     * \param scenario the scenario
     * \param served the subscribers of each MMSE, in the order of GetMmses()
     */
    void InstallMm4(const MmsScenario& scenario, const std::vector<uint32_t>& served);
    /**
     * Install the mail servers of a scenario (MM3): each serves the subscribers of its nearest
     * Relay, and each Relay sends e-mail to its nearest mail server.
     * \param scenario the scenario
     */
    void InstallMm3(const MmsScenario& scenario);
    /**
     * Install the VASPs: each submits to the MM7 endpoint of its serving Relay (the nearest of
     * its operator's), its directory the numbers its recipients attribute names.
     * \param scenario the scenario
     * \param served the subscribers of each MMSE, in the order of GetMmses()
     */
    void InstallVasps(const MmsScenario& scenario, const std::vector<uint32_t>& served);
    /**
     * Install an MmsScenarioRouting on every network node, with routes along the scenario's
     * first hops.
     * \param scenario the scenario
     */
    void InstallRoutes(const MmsScenario& scenario);
    /**
     * The size of the cells' subnets, one per cell from 10.128.0.0/9, all alike: for the
     * largest cell's handsets (on demand: those bound at once).
     * \param scenario the scenario
     * \param hostBits the host bits of a cell's subnet
     * \param error what is wrong, when false is returned
     * \return true if every cell gets a subnet
     */
    bool PlanCellSubnets(const MmsScenario& scenario, uint32_t& hostBits, std::string& error) const;

    std::map<std::string, Ptr<AttributeValue>> m_relayDefaults;  //!< SetRelayAttribute
    std::map<std::string, Ptr<AttributeValue>> m_serverDefaults; //!< SetServerAttribute
    std::map<std::string, Ptr<AttributeValue>> m_ppgDefaults;    //!< SetPpgAttribute
    std::map<std::string, Ptr<AttributeValue>> m_smscDefaults;   //!< SetSmscAttribute
    std::map<std::string, Ptr<AttributeValue>> m_uaDefaults;     //!< SetUserAgentAttribute
    ObjectFactory m_trafficFactory;                              //!< of traffic models
    std::shared_ptr<MmsRadioBearerHelper> m_radio;               //!< builds the cells
    std::string m_firstMsisdn{"+447700900001"};                  //!< SetFirstMsisdn
    bool m_traffic{true};                                        //!< SetTraffic
    std::string m_population;                                    //!< SetPopulation
    Ptr<MmsSqliteRecorder> m_recorder;                           //!< SetRecorder
    bool m_installed{false};                                     //!< Install was called
    std::vector<uint32_t> m_systemIdOf; //!< SetPartition: rank per vertex (empty: all local)
    uint32_t m_systemId{0};             //!< SetPartition: this rank

    std::vector<std::string> m_names;                //!< per vertex
    std::vector<MmsScenario::Kind> m_kinds;          //!< per vertex
    std::vector<Ptr<Node>> m_nodes;                  //!< per vertex
    std::vector<Ptr<MmsRadioCellChannel>> m_cellOf;  //!< per vertex (cells only)
    std::vector<NodeContainer> m_handsetsOf;         //!< per vertex (cells only)
    std::vector<Ptr<Application>> m_elementOf;       //!< per vertex (element vertices only)
    std::vector<NetDeviceContainer> m_linkDevices;   //!< per edge: a's device, b's device
    std::vector<Ptr<ErrorModel>> m_errorModels;      //!< lossy links
    std::vector<std::shared_ptr<MmsHelper>> m_mmses; //!< one per Relay
    std::vector<Ptr<MmsVasp>> m_vasps;               //!< one per vasp vertex
    std::vector<Ptr<MmsTrafficModel>> m_models;      //!< shared first, then per-cell ones
    std::vector<Ptr<MmsCellTraffic>> m_cellTraffic;  //!< the sends of each cell
    struct HandsetMaker;
    struct AgentMaker;
    /// Streams reserved per handset a pool may make: its state machine's and its device's.
    static constexpr uint32_t HANDSET_STREAMS = 3;
    bool m_onDemand{true};             //!< SetHandsetsOnDemand
    std::string m_fidelity{"packet"};  //!< SetFidelity
    Ptr<MmsFlowNetwork> m_flow;        //!< with any flow cell
    std::vector<int32_t> m_flowCellOf; //!< per vertex: flow cell index, or -1
    std::vector<std::pair<std::string, std::string>> m_cellFidelities; //!< GetCellFidelities
    /// Cells that set wapShare: (cell, (share, subscribers with WAP 1.x handsets)).
    std::vector<std::pair<std::string, std::pair<double, uint32_t>>> m_cellWapShares;
    /**
     * Give an element a flow transport beside its socket transport (flow cells present).
     * \param app the element, with its socket transport
     * \param vertex its vertex
     */
    void AddFlowTransport(Ptr<MmsApplication> app, uint32_t vertex);
    /**
     * Set the flow network's paths from each element vertex to every element and flow cell
     * vertex: the scenario's least-delay routes, their delay and bottleneck rate.
     * \param scenario the scenario
     */
    void SetFlowPaths(const MmsScenario& scenario);
    uint32_t m_handsetsPerCell{0};                  //!< addresses of a cell's subnet
    Ptr<MmsSubscriberPool> m_pool;                  //!< handsets on demand
    std::vector<Ptr<HandsetMaker>> m_handsetMakers; //!< per cell, handsets on demand
    std::vector<Ptr<AgentMaker>> m_agentMakers;     //!< per cell, handsets on demand
    ApplicationContainer m_userAgents;
    NodeContainer m_handsets;
    uint32_t m_routes{0};
    std::vector<std::string> m_plan; //!< lines of PrintPlan
};

} // namespace ns3

#endif /* MMS_SCENARIO_HELPER_H */
