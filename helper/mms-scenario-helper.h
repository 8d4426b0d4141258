/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_HELPER_H
#define MMS_SCENARIO_HELPER_H
// Builds a whole MMS network from a checked scenario graph (MmsScenario): one node per vertex,
// a point-to-point link per edge, a radio cell with its subscribers per cell vertex, static
// routes along the graph's shortest paths by delay, the MMS elements on their nodes (one MMSE
// per Relay, sharing Servers, PPGs and SMSCs where the graph says so), a User Agent per
// subscriber with the cell's traffic model, and optionally the results recorder.
#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/mms-helper.h"
#include "ns3/mms-scenario.h"
#include "ns3/mms-traffic-model.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/mms-radio-bearer-helper.h"

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
 * \ingroup mms
 * Builds the network of a scenario file and installs the MMS elements on it.
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
    MmsScenarioHelper();
    ~MmsScenarioHelper();

    void SetRelayAttribute(const std::string& name, const AttributeValue& value);
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    void SetPpgAttribute(const std::string& name, const AttributeValue& value);
    void SetSmscAttribute(const std::string& name, const AttributeValue& value);
    void SetUserAgentAttribute(const std::string& name, const AttributeValue& value);
    void SetTrafficModelAttribute(const std::string& name, const AttributeValue& value);
    /// Attributes of every cell's connection state machine (ns3::MmsRrcStateMachine).
    void SetRrcAttribute(const std::string& name, const AttributeValue& value);
    /// The first subscriber's number; the others follow in cell order.
    void SetFirstMsisdn(const std::string& msisdn);
    /// Whether the User Agents generate messages from their traffic model (default true).
    void SetTraffic(bool enabled);
    /// A recorder (opened by the caller) to connect to everything once installed.
    void SetRecorder(Ptr<MmsSqliteRecorder> recorder);

    /**
     * Check what reading the file could not: that the traffic model of every cell (the
     * defaults set here plus the cell's own traffic-model attributes) is consistent.
     * \param scenario a scenario that loaded without errors
     * \param errors one line per problem, naming the cell and its line (appended)
     * \return true if Install() can build it
     */
    bool Check(const MmsScenario& scenario, std::vector<std::string>& errors) const;

    /**
     * Build the network and install the elements. Call once, with a scenario that loaded
     * without errors.
     */
    void Install(const MmsScenario& scenario);

    /**
     * Assign fixed random variable streams to everything installed.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * Stop message generation at `at` (from now) on every User Agent installed: what is under
     * way (submissions, notifications, retrievals, reports) goes on.
     */
    void StopTraffic(Time at) const;

    /// The node of a vertex (by its DOT id), or null.
    Ptr<Node> GetNode(const std::string& vertex) const;
    /// The radio cell of a cell vertex, or null.
    Ptr<MmsRadioCellChannel> GetCell(const std::string& vertex) const;
    std::vector<Ptr<MmsRadioCellChannel>> GetCells() const;
    /// Handsets of one cell vertex (empty if none).
    NodeContainer GetHandsets(const std::string& cell) const;
    NodeContainer GetHandsets() const;
    ApplicationContainer GetUserAgents() const;
    std::vector<Ptr<MmsRelay>> GetRelays() const;
    /// The traffic model shared by cells that set no traffic-model attribute of their own.
    Ptr<MmsTrafficModel> GetTrafficModel() const;
    /// Static routes installed on the network nodes (not counting handsets' default routes).
    uint32_t GetRouteCount() const;
    /// A short description: elements, links, cells and which Relay serves them.
    void PrintPlan(std::ostream& os) const;
    /// pcap of every point-to-point link: <prefix>-<node>-<device>.pcap
    void EnablePcap(const std::string& prefix);

  private:
    void ApplySettings(Ptr<Object> object,
                       const MmsScenario::Vertex& v,
                       MmsScenario::Target target) const;
    void InstallRoutes(const MmsScenario& scenario);

    std::map<std::string, Ptr<AttributeValue>> m_relayDefaults;
    std::map<std::string, Ptr<AttributeValue>> m_serverDefaults;
    std::map<std::string, Ptr<AttributeValue>> m_ppgDefaults;
    std::map<std::string, Ptr<AttributeValue>> m_smscDefaults;
    std::map<std::string, Ptr<AttributeValue>> m_uaDefaults;
    ObjectFactory m_trafficFactory;
    MmsRadioBearerHelper m_radio;
    std::string m_firstMsisdn{"+447700900001"};
    bool m_traffic{true};
    Ptr<MmsSqliteRecorder> m_recorder;
    bool m_installed{false};

    std::vector<std::string> m_names;                //!< per vertex
    std::vector<MmsScenario::Kind> m_kinds;          //!< per vertex
    std::vector<Ptr<Node>> m_nodes;                  //!< per vertex
    std::vector<Ptr<MmsRadioCellChannel>> m_cellOf;     //!< per vertex (cells only)
    std::vector<NodeContainer> m_handsetsOf;         //!< per vertex (cells only)
    std::vector<Ptr<Application>> m_elementOf;       //!< per vertex (element vertices only)
    std::vector<NetDeviceContainer> m_linkDevices;   //!< per edge: a's device, b's device
    std::vector<Ptr<ErrorModel>> m_errorModels;      //!< lossy links
    std::vector<std::unique_ptr<MmsHelper>> m_mmses; //!< one per Relay
    std::vector<Ptr<MmsTrafficModel>> m_models;      //!< shared first, then per-cell ones
    ApplicationContainer m_userAgents;
    NodeContainer m_handsets;
    uint32_t m_routes{0};
    std::vector<std::string> m_plan; //!< lines of PrintPlan
};

} // namespace ns3

#endif /* MMS_SCENARIO_HELPER_H */
