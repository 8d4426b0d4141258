/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mms-scenario-helper.h"

#include "mms-command-line.h"
#include "mms-network-helper.h"
#include "mms-scenario-routing.h"
#include "mms-sqlite-recorder.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/global-value.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/log.h"
#include "ns3/mms-common.h"
#include "ns3/mms-flow-transport.h"
#include "ns3/mms-mail-server.h"
#include "ns3/mms-radio-bearer-net-device.h"
#include "ns3/mms-relay-mm4.h"
#include "ns3/mms-socket-transport.h"
#include "ns3/mms-subscriber-pool.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/traffic-control-layer.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsScenarioHelper");

namespace
{
using Defaults = std::map<std::string, Ptr<AttributeValue>>;

/// Where a network node's MmsScenarioRouting goes in its Ipv4ListRouting: before the static
/// routing InternetStackHelper puts there (priority 0; Ipv4GlobalRouting, -10, after both).
const int16_t kScenarioRoutingPriority = 10;

void
Remember(Defaults& d, const std::string& name, const AttributeValue& value)
{
    d[name] = value.Copy();
}

void
ApplyDefaults(ObjectFactory& factory, const Defaults& d)
{
    for (const auto& [name, value] : d)
    {
        factory.Set(name, *value);
    }
}

/// The population of the subscribers built from a scenario (MmsScenarioHelper::SetPopulation).
GlobalValue g_mmsPopulation("MmsPopulation",
                            "Subscribers built from a scenario file: Realistic (sourced shares "
                            "of handsets switched off or out of coverage at the busy hour, "
                            "doc/mms.rst \"Population\") or Ideal (always on). Default "
                            "Realistic.",
                            StringValue("Realistic"),
                            MakeStringChecker());

/// Letters and digits of a vertex name (for Message-ID prefixes).
std::string
Alnum(const std::string& s)
{
    std::string out;
    for (char c : s)
    {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        {
            out += c;
        }
    }
    return out;
}

Ipv4Address
InterfaceAddress(Ptr<NetDevice> device, Ipv4Mask* mask = nullptr)
{
    Ptr<Ipv4> ip = device->GetNode()->GetObject<Ipv4>();
    Ipv4InterfaceAddress a = ip->GetAddress(ip->GetInterfaceForDevice(device), 0);
    if (mask)
    {
        *mask = a.GetMask();
    }
    return a.GetLocal();
}

void
StopUserAgents(ApplicationContainer uas)
{
    for (uint32_t i = 0; i < uas.GetN(); ++i)
    {
        uas.Get(i)->SetAttribute("Traffic", BooleanValue(false));
    }
}

/// The User Agents of one cell, by their index in the cell (what MmsCellTraffic counts).
struct CellUserAgents : public SimpleRefCount<CellUserAgents>
{
    std::vector<Ptr<MmsUserAgent>> uas; //!< index in the cell -> its User Agent
};

/// A send of a cell's traffic: the chosen User Agent builds its message on its own node.
void
SendFromCell(Ptr<CellUserAgents> cell, uint32_t index)
{
    Ptr<MmsUserAgent> ua = cell->uas[index];
    Simulator::ScheduleWithContext(
        ua->GetNode()->GetId(), Seconds(0), &MmsUserAgent::GenerateMessage, ua);
}

/// The type a vertex's setting is for.
TypeId
TargetType(MmsScenario::Kind kind, MmsScenario::Target target)
{
    switch (target)
    {
        case MmsScenario::CELL_CHANNEL:
            return MmsRadioCellChannel::GetTypeId();
        case MmsScenario::CELL_PROFILE:
            return MmsRadioBearerProfile::GetTypeId();
        case MmsScenario::USER_AGENT:
            return MmsUserAgent::GetTypeId();
        case MmsScenario::TRAFFIC_MODEL:
            return MmsTrafficModel::GetTypeId();
        case MmsScenario::ELEMENT:
            break;
    }
    switch (kind)
    {
        case MmsScenario::RELAY:
            return MmsRelay::GetTypeId();
        case MmsScenario::SERVER:
            return MmsServer::GetTypeId();
        case MmsScenario::PPG:
            return MmsWapPushProxyGateway::GetTypeId();
        case MmsScenario::SMSC:
            return MmsSmsc::GetTypeId();
        case MmsScenario::WAPGW:
            return MmsWapGateway::GetTypeId();
        case MmsScenario::VASP:
            return MmsVasp::GetTypeId();
        default:
            return Object::GetTypeId();
    }
}

/// A User Agent's stack: WAP 1.x (WSP to the gateway its MMSE's helper set) or WAP 2.0 (HTTP).
void
SetStack(Ptr<MmsUserAgent> ua, bool wsp)
{
    ua->SetAttribute("Stack", EnumValue(wsp ? MmsUserAgent::WSP_STACK : MmsUserAgent::HTTP_STACK));
}

/// A send of a cell's traffic with handsets on demand: the pool's subscriber sends.
void
SendFromPool(Ptr<MmsSubscriberPool> pool, uint32_t first, uint32_t index)
{
    pool->Send(first + index);
}

/**
 * Address assignment gave each end of a link ns-3's default queue disc, FqCoDel (RFC 8290)
 * with 1,024 flow queues: a CoDel queue disc and its queue made for each new connection that
 * hashes to an unused flow queue and never freed (memory that grew with simulated time, about
 * 1.3 kB a queue), and for every packet the classification and the traces of two queue discs.
 * The networks MMS ran on (2002-2010) queued first in, first out with drop-tail at routers, and
 * FqCoDel came later: each end gets a FIFO queue disc (ns3::FifoQueueDisc, its default limit of
 * 1,000 packets), which is bounded whatever the traffic and costs per packet a fraction of
 * FqCoDel (doc/mms.rst, "Operator-sized networks" and "A simulated day").
 * \param devices the two ends of a link
 */
void
FifoLinks(const NetDeviceContainer& devices)
{
    TrafficControlHelper fifo;
    fifo.SetRootQueueDisc("ns3::FifoQueueDisc");
    for (uint32_t d = 0; d < devices.GetN(); ++d)
    {
        Ptr<NetDevice> device = devices.Get(d);
        Ptr<TrafficControlLayer> tc = device->GetNode()->GetObject<TrafficControlLayer>();
        if (tc && tc->GetRootQueueDiscOnDevice(device))
        {
            fifo.Uninstall(device);
            fifo.Install(device);
        }
    }
}
} // namespace

/// Makes the handsets of one cell's pool (handsets on demand), during the run.
struct MmsScenarioHelper::HandsetMaker : public SimpleRefCount<HandsetMaker>
{
    std::shared_ptr<MmsRadioBearerHelper> radio; //!< the helper that built the cell
    Ptr<MmsRadioCellChannel> cell;               //!< the cell
    uint32_t capacity{0};                        //!< handsets its subnet can address
    uint32_t made{0};                            //!< handsets made
    int64_t streams{-1};                         //!< first stream of its block, once assigned
    /// Gives the subscribers' coverage periods (the pool runs them), or null: no coverage
    /// process.
    Ptr<MmsRadioBearerNetDevice> coverage;
    Ptr<MmsFlowNetwork> flow; //!< a flow-level cell's network, or null (packet level)
    uint32_t flowCell{0};     //!< a flow-level cell's index in it
    uint32_t site{0};         //!< a flow-level cell's site (its node's id)

    /**
     * A new handset of the cell.
     * \param maker the cell's maker
     * \param cell the pool's cell index (unused)
     * \return the handset, or an empty one if the cell's subnet is full
     */
    static MmsSubscriberPool::Handset Make(Ptr<HandsetMaker> maker, uint32_t cell)
    {
        MmsSubscriberPool::Handset h;
        if (maker->made >= maker->capacity)
        {
            return h; // the subnet is full: the pool refuses the binding
        }
        if (maker->flow)
        {
            // Flow level: an address of the cell's subnet, a state machine, no node.
            h.address = maker->radio->AllocateAddress(maker->cell);
            if (h.address == Ipv4Address::GetZero())
            {
                return MmsSubscriberPool::Handset();
            }
            h.rrc = maker->radio->CreateRrc(maker->flow->GetProfile(maker->flowCell));
            if (maker->streams >= 0)
            {
                h.rrc->AssignStreams(maker->streams + int64_t{HANDSET_STREAMS} * maker->made);
            }
            maker->made++;
            Ptr<MmsFlowTransport> t = CreateObject<MmsFlowTransport>();
            t->Attach(maker->flow, h.address, maker->site);
            t->SetHandset(maker->flowCell, h.rrc);
            h.transport = t;
            return h;
        }
        h.node = CreateObject<Node>();
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(h.node);
        h.device = maker->radio->AttachOne(maker->cell, h.node);
        if (maker->coverage)
        {
            // Coverage is the subscriber's, which the pool applies while it is bound.
            h.device->SetAttribute("CoverageProcess", BooleanValue(false));
        }
        if (maker->streams >= 0)
        {
            // A block of HANDSET_STREAMS per handset, reserved by AssignStreams.
            int64_t s = maker->streams + int64_t{HANDSET_STREAMS} * maker->made;
            s += h.device->GetRrc()->AssignStreams(s);
            h.device->AssignStreams(s);
        }
        maker->made++;
        h.transport = MmsHelper::CreateTransport(h.node);
        h.address = MmsNetworkHelper::GetAddress(h.node);
        return h;
    }
};

/// Makes the User Agents of one cell's subscribers (handsets on demand), during the run.
struct MmsScenarioHelper::AgentMaker : public SimpleRefCount<AgentMaker>
{
    std::shared_ptr<MmsHelper> mmse;                           //!< the cell's MMSE
    std::vector<std::pair<std::string, std::string>> settings; //!< the cell's UA attributes
    Ptr<MmsTrafficModel> model;                                //!< the cell's traffic model
    bool traffic{true};                                        //!< generate messages
    Ptr<MmsUserAgent> prototype;        //!< holds the random variables all of them share
    Ptr<MmsSubscriberDirectory> offNet; //!< other operators' subscribers (MM4); null none
    bool wap{false};                    //!< the MMSE has a WAP gateway: Stack set per subscriber
    double wapShare{0};                 //!< the cell's share of WAP 1.x handsets
    MmsSubscriberPool* pool{nullptr};   //!< the pool (numbers to indices); not owned
    uint32_t first{0};                  //!< the pool index of the cell's first subscriber

    /**
     * A new User Agent of the cell.
     * \param maker the cell's maker
     * \param cell the pool's cell index (unused)
     * \param msisdn the subscriber's number
     * \return the User Agent
     */
    static Ptr<MmsUserAgent> Make(Ptr<AgentMaker> maker, uint32_t cell, const std::string& msisdn)
    {
        Ptr<MmsUserAgent> ua;
        if (maker->prototype)
        {
            // A copy of the prototype: the settings below, already applied, and its variables.
            ua = maker->mmse->CreateUserAgent(msisdn, maker->prototype);
        }
        else
        {
            ua = maker->mmse->CreateUserAgent(msisdn);
            for (const auto& [name, value] : maker->settings)
            {
                ua->SetAttribute(name, StringValue(value));
            }
            ua->SetAttribute("TrafficModel", PointerValue(maker->model));
            ua->SetAttribute("Traffic", BooleanValue(maker->traffic));
        }
        ua->SetExternalArrivals(true);
        ua->SetOffNetDirectory(maker->offNet);
        uint32_t index = 0;
        if (maker->wap && maker->pool && maker->pool->FindByMsisdn(msisdn, index))
        {
            // The subscriber's handset, whichever pool handset it is bound to.
            SetStack(ua, MmsScenario::IsWapHandset(maker->wapShare, index - maker->first));
        }
        return ua;
    }
};

MmsScenarioHelper::MmsScenarioHelper()
    : m_radio(std::make_shared<MmsRadioBearerHelper>())
{
    m_trafficFactory.SetTypeId("ns3::MmsTrafficModel");
    StringValue population;
    g_mmsPopulation.GetValue(population);
    m_population = population.Get();
}

void
MmsScenarioHelper::SetPopulation(const std::string& population)
{
    m_population = population;
}

std::vector<MmsScenarioHelper::PopulationSetting>
MmsScenarioHelper::GetRealisticPopulation()
{
    // Unreachable at the busy hour: 8% of the subscribers, 1 - the paging success ratio of 92%
    // that operators' optimisation guides set as the lowest acceptable (a page fails when the
    // handset is switched off or out of coverage). Periods: OnTime keeps the User Agent's
    // default mean of 2 h (a modelling choice); OffTime's mean makes the off share 8%
    // (7200 x 0.08 / 0.92 = 626 s), and InitialOffProbability starts the process in that
    // state rather than with every handset on.
    const double off = 0.08;
    const double onMean = 7200;
    const std::string paging = "1 - paging success ratio 92% (doc/mms.rst, Population)";
    std::ostringstream offTime;
    offTime << "ns3::ExponentialRandomVariable[Mean=" << onMean * off / (1 - off) << "]";
    std::ostringstream initial;
    initial << off;
    return {{"OnOff", "true", paging},
            {"OffTime", offTime.str(), paging},
            {"InitialOffProbability", initial.str(), paging}};
}

MmsScenarioHelper::~MmsScenarioHelper() = default;

void
MmsScenarioHelper::SetRelayAttribute(const std::string& name, const AttributeValue& value)
{
    Remember(m_relayDefaults, name, value);
}

void
MmsScenarioHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    Remember(m_serverDefaults, name, value);
}

void
MmsScenarioHelper::SetPpgAttribute(const std::string& name, const AttributeValue& value)
{
    Remember(m_ppgDefaults, name, value);
}

void
MmsScenarioHelper::SetSmscAttribute(const std::string& name, const AttributeValue& value)
{
    Remember(m_smscDefaults, name, value);
}

void
MmsScenarioHelper::SetUserAgentAttribute(const std::string& name, const AttributeValue& value)
{
    Remember(m_uaDefaults, name, value);
}

void
MmsScenarioHelper::SetTrafficModelAttribute(const std::string& name, const AttributeValue& value)
{
    m_trafficFactory.Set(name, value);
}

void
MmsScenarioHelper::SetRrcAttribute(const std::string& name, const AttributeValue& value)
{
    m_radio->SetRrcAttribute(name, value);
}

void
MmsScenarioHelper::SetFirstMsisdn(const std::string& msisdn)
{
    m_firstMsisdn = msisdn;
}

void
MmsScenarioHelper::SetTraffic(bool enabled)
{
    m_traffic = enabled;
}

void
MmsScenarioHelper::SetHandsetsOnDemand(bool onDemand)
{
    NS_ABORT_MSG_IF(m_installed, "MmsScenarioHelper::SetHandsetsOnDemand after Install");
    m_onDemand = onDemand;
}

bool
MmsScenarioHelper::GetHandsetsOnDemand() const
{
    return m_onDemand;
}

Ptr<MmsSubscriberPool>
MmsScenarioHelper::GetSubscriberPool() const
{
    return m_pool;
}

void
MmsScenarioHelper::SetRecorder(Ptr<MmsSqliteRecorder> recorder)
{
    m_recorder = recorder;
}

void
MmsScenarioHelper::ApplySettings(Ptr<Object> object,
                                 const MmsScenario::Vertex& v,
                                 MmsScenario::Target target) const
{
    for (const auto& s : v.settings)
    {
        if (s.target == target)
        {
            // MmsScenario checked that the value deserializes for this attribute.
            object->SetAttribute(s.name, StringValue(s.value));
        }
    }
}

bool
MmsScenarioHelper::Check(const MmsScenario& scenario, std::vector<std::string>& errors) const
{
    // The traffic models the cells will use, checked as a whole (their attributes were
    // checked one by one when the file was read).
    bool ok = true;
    if (m_population != "Realistic" && m_population != "Ideal")
    {
        errors.push_back("MmsPopulation: \"" + m_population
                         + "\" is not a population (Realistic or Ideal)");
        ok = false;
    }
    Ptr<MmsTrafficModel> shared = m_trafficFactory.Create<MmsTrafficModel>();
    std::string error;
    if (!shared->Validate(error))
    {
        errors.push_back("traffic model: " + error);
        ok = false;
    }
    for (const auto& v : scenario.GetVertices())
    {
        if (v.kind != MmsScenario::CELL)
        {
            continue;
        }
        if (!m_onDemand && (v.fidelity.empty() ? m_fidelity : v.fidelity) == "flow")
        {
            errors.push_back(scenario.GetOrigin() + (v.line ? ":" + std::to_string(v.line) : "")
                             + ": cell " + v.name + ": fidelity flow needs handsets on demand");
            ok = false;
        }

        bool own = std::any_of(v.settings.begin(),
                               v.settings.end(),
                               [](const auto& s)
                               {
                                   return s.target == MmsScenario::TRAFFIC_MODEL;
                               });
        if (!own)
        {
            continue;
        }
        Ptr<MmsTrafficModel> m = m_trafficFactory.Create<MmsTrafficModel>();
        ApplySettings(m, v, MmsScenario::TRAFFIC_MODEL);
        if (!m->Validate(error))
        {
            errors.push_back(scenario.GetOrigin() + (v.line ? ":" + std::to_string(v.line) : "")
                             + ": cell " + v.name + ": " + error);
            ok = false;
        }
    }
    // Each vertex's values with what their objects check of them together: the bearer profile
    // of a cell (its preset and the file's overrides), and the objects of object-factory
    // strings (each value was checked alone when the file was read).
    for (const auto& v : scenario.GetVertices())
    {
        const std::string where = scenario.GetOrigin()
                                  + (v.line ? ":" + std::to_string(v.line) : "") + ": "
                                  + MmsScenario::KindName(v.kind) + " " + v.name + ": ";
        MmsScenarioAttributes::Settings profile;
        if (v.kind == MmsScenario::CELL)
        {
            profile.emplace_back("Preset", v.bearer);
        }
        for (const auto& s : v.settings)
        {
            const TypeId tid = TargetType(v.kind, s.target);
            TypeId::AttributeInformation info;
            if (MmsScenarioAttributes::Find(tid, s.name, info)
                && !MmsScenarioAttributes::CheckValue(info, s.value, error, MmsCheckObjectValues))
            {
                errors.push_back(where + s.name + " \"" + s.value + "\" is not valid: " + error);
                ok = false;
            }
            if (s.target == MmsScenario::CELL_PROFILE)
            {
                profile.emplace_back(s.name, s.value);
            }
        }
        if (!profile.empty()
            && !MmsCheckObjectValues(MmsRadioBearerProfile::GetTypeId(), profile, error))
        {
            errors.push_back(where + error);
            ok = false;
        }
    }
    uint32_t hostBits = 0;
    if (!PlanCellSubnets(scenario, hostBits, error))
    {
        errors.push_back(scenario.GetOrigin() + ": " + error);
        ok = false;
    }
    return ok;
}

bool
MmsScenarioHelper::PlanCellSubnets(const MmsScenario& scenario,
                                   uint32_t& hostBits,
                                   std::string& error) const
{
    uint32_t largest = 0;
    for (const auto& v : scenario.GetVertices())
    {
        if (v.kind == MmsScenario::CELL)
        {
            largest = std::max(largest, v.subscribers);
        }
    }
    const uint32_t cells =
        static_cast<uint32_t>(scenario.GetVerticesOfKind(MmsScenario::CELL).size());
    hostBits = 8;
    if (m_onDemand)
    {
        // A cell's subnet addresses the handsets bound at once, not its subscribers: as many
        // as fit when the cells share 10.128.0.0/9 (at most 4094, at least 254).
        largest = std::min<uint32_t>(largest, 4094);
        while (hostBits < 12 && (uint64_t{1} << hostBits) < uint64_t{largest} + 3
               && (uint64_t{cells} << (hostBits + 1)) <= (uint64_t{1} << 23))
        {
            ++hostBits;
        }
    }
    else
    {
        while ((uint64_t{1} << hostBits) < uint64_t{largest} + 3)
        {
            ++hostBits;
        }
    }
    if (hostBits > 23 || (uint64_t{cells} << hostBits) > (uint64_t{1} << 23))
    {
        error = std::to_string(cells) + " cells of up to " + std::to_string(largest)
                + (m_onDemand ? " handsets bound at once" : " subscribers")
                + " do not fit the cells' address space 10.128.0.0/9 (2^23 addresses, a "
                  "subnet of a power of two per cell, 3 of them not for handsets)";
        return false;
    }
    return true;
}

void
MmsScenarioHelper::Install(const MmsScenario& scenario)
{
    NS_ABORT_MSG_IF(m_installed, "MmsScenarioHelper::Install called twice");
    NS_ABORT_MSG_IF(m_onDemand && !m_systemIdOf.empty(),
                    "MmsScenarioHelper: handsets on demand are not available in a run split over "
                    "ranks (SetPartition): pools make nodes during the run, which every rank "
                    "would have to make alike");
    m_installed = true;
    {
        std::vector<std::string> errors;
        if (!Check(scenario, errors))
        {
            std::ostringstream os;
            for (const auto& e : errors)
            {
                os << "\n  " << e;
            }
            NS_FATAL_ERROR("MmsScenarioHelper::Install: the scenario's traffic models are not "
                           "valid (call Check before Install):"
                           << os.str());
        }
    }
    const auto& vertices = scenario.GetVertices();
    const auto& edges = scenario.GetEdges();
    const uint32_t nv = static_cast<uint32_t>(vertices.size());
    m_names.resize(nv);
    m_kinds.resize(nv);
    m_nodes.resize(nv);
    m_cellOf.resize(nv);
    m_flowCellOf.assign(nv, -1);
    m_handsetsOf.resize(nv);
    m_elementOf.resize(nv);

    // One node per vertex.
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    for (uint32_t i = 0; i < nv; ++i)
    {
        m_names[i] = vertices[i].name;
        m_kinds[i] = vertices[i].kind;
        m_nodes[i] = CreateObject<Node>(SystemIdOf(i));
        stack.Install(m_nodes[i]);
        if (m_kinds[i] == MmsScenario::ROUTER)
        {
            // It forwards only: no comparing each packet with all its interfaces' addresses
            // (a region router has a link per cell).
            MmsNetworkHelper::SetStrongEndSystem(m_nodes[i]);
        }
    }

    // One point-to-point link per edge, each its own /30.
    Ipv4AddressHelper links;
    links.SetBase("10.0.0.0", "255.255.255.252");
    m_linkDevices.resize(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e)
    {
        const auto& edge = edges[e];
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue(edge.rate));
        p2p.SetChannelAttribute("Delay", StringValue(edge.delay));
        m_linkDevices[e] = p2p.Install(m_nodes[edge.a], m_nodes[edge.b]);
        links.Assign(m_linkDevices[e]);
        links.NewNetwork();
        FifoLinks(m_linkDevices[e]);
        if (edge.loss > 0)
        {
            for (uint32_t d = 0; d < 2; ++d)
            {
                Ptr<RateErrorModel> em = CreateObject<RateErrorModel>();
                em->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
                em->SetRate(edge.loss);
                m_linkDevices[e].Get(d)->SetAttribute("ReceiveErrorModel", PointerValue(em));
                m_errorModels.push_back(em);
            }
        }
    }

    // Cells: one subnet each, sized for the largest cell, from 10.128.0.0/9 (Check made sure
    // they fit).
    uint32_t hostBits = 8;
    std::string error;
    PlanCellSubnets(scenario, hostBits, error);
    m_handsetsPerCell = static_cast<uint32_t>((uint64_t{1} << hostBits) - 3);
    std::ostringstream mask;
    Ipv4Mask(~((uint32_t{1} << hostBits) - 1)).Print(mask);
    m_radio->SetAddressBase("10.128.0.0", mask.str());
    for (uint32_t i : scenario.GetVerticesOfKind(MmsScenario::CELL))
    {
        const auto& v = vertices[i];
        m_radio->SetProfile(v.bearer);
        m_radio->ResetChannelAttributes();
        for (const auto& s : v.settings)
        {
            if (s.target == MmsScenario::CELL_PROFILE)
            {
                m_radio->SetProfileAttribute(s.name, StringValue(s.value));
            }
            else if (s.target == MmsScenario::CELL_CHANNEL)
            {
                m_radio->SetChannelAttribute(s.name, StringValue(s.value));
            }
        }
        m_cellOf[i] = m_radio->CreateCell(m_nodes[i]);
        const std::string fidelity = v.fidelity.empty() ? m_fidelity : v.fidelity;
        m_cellFidelities.emplace_back(v.name, fidelity);
        if (v.wapShareLine != 0 || !scenario.GetVerticesOfKind(MmsScenario::WAPGW).empty())
        {
            // The split by index makes floor(N s) of N subscribers WAP 1.x handsets; at flow
            // level (no WSP over WTP there) none: the share is recorded, not applied.
            const auto wapHandsets =
                fidelity == "flow" ? 0u
                                   : static_cast<uint32_t>(std::floor(v.subscribers * v.wapShare));
            m_cellWapShares.emplace_back(v.name, std::make_pair(v.wapShare, wapHandsets));
        }
        if (fidelity == "flow")
        {
            if (!m_flow)
            {
                m_flow = CreateObject<MmsFlowNetwork>();
            }
            m_flowCellOf[i] = static_cast<int32_t>(
                m_flow->AddCell(m_cellOf[i], m_radio->GetProfile(), m_nodes[i]->GetId()));
        }
        if (!m_onDemand)
        {
            m_handsetsOf[i].Create(v.subscribers, SystemIdOf(i));
            m_radio->Attach(m_cellOf[i], m_handsetsOf[i]);
            m_handsets.Add(m_handsetsOf[i]);
        }
    }

    InstallRoutes(scenario);
    if (m_flow)
    {
        SetFlowPaths(scenario);
    }

    // Servers, PPGs and SMSCs: one application per vertex, shared by the Relays that use it.
    // They resolve every subscriber; each Relay and its User Agents know their own.
    Ptr<MmsSubscriberDirectory> everyone = CreateObject<MmsSubscriberDirectory>();
    auto install = [&](MmsScenario::Kind kind, const char* type, const Defaults& defaults)
    {
        for (uint32_t i : scenario.GetVerticesOfKind(kind))
        {
            ObjectFactory f(type);
            ApplyDefaults(f, defaults);
            Ptr<MmsApplication> app = f.Create<MmsApplication>();
            ApplySettings(app, vertices[i], MmsScenario::ELEMENT);
            app->SetElementName(m_names[i]);
            app->SetDirectory(everyone);
            m_nodes[i]->AddApplication(app);
            MmsHelper::InstallTransport(app);
            AddFlowTransport(app, i);
            m_elementOf[i] = app;
        }
    };
    install(MmsScenario::SERVER, "ns3::MmsServer", m_serverDefaults);
    install(MmsScenario::PPG, "ns3::MmsWapPushProxyGateway", m_ppgDefaults);
    // On radio cells the cell adds the paging and transfer time of each SMS: the SMSC's own
    // delay is the core part only, unless the user or the file set it.
    Defaults smsc = m_smscDefaults;
    if (!smsc.count("DeliveryDelay"))
    {
        smsc["DeliveryDelay"] = Create<StringValue>(MmsSmsc::CORE_DELIVERY_DELAY);
    }
    install(MmsScenario::SMSC, "ns3::MmsSmsc", smsc);

    // One MMSE per Relay, with the cells it serves.
    const auto& mmses = scenario.GetMmses();
    MmsHelper numbering;
    numbering.SetFirstMsisdn(m_firstMsisdn);
    uint32_t nextNumber = 0;
    Ptr<MmsTrafficModel> shared = m_trafficFactory.Create<MmsTrafficModel>();
    m_models.push_back(shared);
    // Operators (MM4): each one's User Agents draw off-net recipients among the others'.
    std::map<std::string, Ptr<MmsSubscriberDirectory>> offNetOf;
    for (const auto& mmse : mmses)
    {
        const std::string& op = vertices[mmse.relay].op;
        if (!op.empty() && !offNetOf.count(op))
        {
            offNetOf[op] = CreateObject<MmsSubscriberDirectory>();
        }
    }
    std::vector<uint32_t> servedBy; // subscribers of each MMSE, in order
    for (const auto& mmse : mmses)
    {
        const std::string& op = vertices[mmse.relay].op;
        Ptr<MmsSubscriberDirectory> offNet = op.empty() ? nullptr : offNetOf[op];
        auto h = std::make_shared<MmsHelper>();
        h->SetFirstMsisdn(numbering.GetMsisdn(nextNumber));
        for (const auto& [name, value] : m_relayDefaults)
        {
            h->SetRelayAttribute(name, *value);
        }
        if (mmses.size() > 1 && !m_relayDefaults.count("MessageIdPrefix"))
        {
            // Message-IDs unique across Relays (shared Servers, one results file).
            h->SetRelayAttribute("MessageIdPrefix",
                                 StringValue("M" + Alnum(m_names[mmse.relay]) + "-"));
        }
        for (const auto& s : vertices[mmse.relay].settings)
        {
            if (s.target == MmsScenario::ELEMENT)
            {
                h->SetRelayAttribute(s.name, StringValue(s.value));
            }
        }
        if (m_population == "Realistic")
        {
            for (const auto& p : GetRealisticPopulation())
            {
                h->SetUserAgentAttribute(p.name, StringValue(p.value));
            }
        }
        for (const auto& [name, value] : m_uaDefaults)
        {
            h->SetUserAgentAttribute(name, *value);
        }
        h->InstallRelay(m_nodes[mmse.relay],
                        DynamicCast<MmsServer>(m_elementOf[mmse.server]),
                        DynamicCast<MmsWapPushProxyGateway>(m_elementOf[mmse.ppg]),
                        DynamicCast<MmsSmsc>(m_elementOf[mmse.smsc]));
        h->GetRelay()->SetElementName(m_names[mmse.relay]);
        AddFlowTransport(h->GetRelay(), mmse.relay);
        m_elementOf[mmse.relay] = h->GetRelay();
        const bool wap = mmse.wapgw != UINT32_MAX;
        if (wap)
        {
            // The WAP gateway of this Relay (its nearest): its HTTP goes to the Relay, and the
            // User Agents get its address; each one's Stack follows its cell's wapShare.
            Ptr<MmsWapGateway> gw = h->InstallWapGateway(m_nodes[mmse.wapgw]);
            ApplySettings(gw, vertices[mmse.wapgw], MmsScenario::ELEMENT);
            gw->SetElementName(m_names[mmse.wapgw]);
            m_elementOf[mmse.wapgw] = gw;
            h->SetUserAgentAttribute("Stack", EnumValue(MmsUserAgent::HTTP_STACK));
        }
        std::ostringstream plan;
        // The cells this Relay serves, wrapped under a heading written once they are counted.
        std::ostringstream cells;
        std::size_t lineLength = 0; // of the current line of `cells`
        uint32_t served = 0;
        if (m_onDemand && !m_pool)
        {
            m_pool = CreateObject<MmsSubscriberPool>();
            m_pool->SetFirstMsisdn(m_firstMsisdn);
        }
        const uint32_t mmseFirst = m_pool ? m_pool->GetN() : 0;
        // Each MMSE draws from a model of its own (the first from the shared one), so that a
        // service area's draws never depend on another's: a run split over ranks by service
        // area (SetPartition) then draws what the run in one process draws.
        Ptr<MmsTrafficModel> areaModel = shared;
        if (&mmse != &mmses.front())
        {
            areaModel = m_trafficFactory.Create<MmsTrafficModel>();
            m_models.push_back(areaModel);
        }
        for (uint32_t c : mmse.cells)
        {
            const auto& v = vertices[c];
            Ptr<MmsTrafficModel> model = areaModel;
            bool own = std::any_of(v.settings.begin(),
                                   v.settings.end(),
                                   [](const auto& s)
                                   {
                                       return s.target == MmsScenario::TRAFFIC_MODEL;
                                   });
            if (own)
            {
                model = m_trafficFactory.Create<MmsTrafficModel>();
                ApplySettings(model, v, MmsScenario::TRAFFIC_MODEL);
                m_models.push_back(model);
            }
            // The cell's sends come from one process for the whole cell (MmsCellTraffic): one
            // pending event per cell, not per subscriber.
            Ptr<MmsCellTraffic> source;
            if (m_traffic && v.subscribers > 0)
            {
                source = CreateObject<MmsCellTraffic>();
                source->SetModel(model);
                source->SetSubscribers(v.subscribers);
                source->SetContext(m_nodes[c]->GetId());
                source->Start(Seconds(0));
                m_cellTraffic.push_back(source);
            }
            if (m_onDemand)
            {
                // Subscribers as records: User Agents and handsets made when needed.
                Ptr<AgentMaker> agents = Create<AgentMaker>();
                agents->mmse = h;
                for (const auto& st : v.settings)
                {
                    if (st.target == MmsScenario::USER_AGENT)
                    {
                        agents->settings.emplace_back(st.name, st.value);
                    }
                }
                agents->model = model;
                agents->traffic = m_traffic;
                agents->offNet = offNet;
                agents->prototype = AgentMaker::Make(agents, 0, "+0");
                PointerValue policy;
                agents->prototype->GetAttribute("RetryPolicy", policy);
                if (!policy.Get<MmsRetryPolicy>())
                {
                    // One default policy for the cell's User Agents, not one each.
                    agents->prototype->SetAttribute(
                        "RetryPolicy", PointerValue(MmsUserAgent::CreateDefaultRetryPolicy()));
                }
                agents->wap = wap;
                agents->wapShare = m_flowCellOf[c] >= 0 ? 0 : v.wapShare; // flow: all HTTP
                agents->pool = PeekPointer(m_pool);
                agents->first = m_pool->GetN();
                m_agentMakers.push_back(agents);
                Ptr<HandsetMaker> handsets = Create<HandsetMaker>();
                handsets->radio = m_radio;
                handsets->cell = m_cellOf[c];
                handsets->capacity = m_handsetsPerCell;
                if (m_flowCellOf[c] >= 0)
                {
                    handsets->flow = m_flow;
                    handsets->flowCell = static_cast<uint32_t>(m_flowCellOf[c]);
                    handsets->site = m_nodes[c]->GetId();
                }
                m_handsetMakers.push_back(handsets);
                const uint32_t first = m_pool->GetN();
                const uint32_t poolCell =
                    m_pool->AddCell(v.subscribers,
                                    MakeBoundCallback(&HandsetMaker::Make, handsets),
                                    MakeBoundCallback(&AgentMaker::Make, agents),
                                    m_nodes[c]->GetId());
                if (agents->prototype->HasOnOff())
                {
                    // Switch-offs live in the subscribers' records (lazily drawn).
                    m_pool->SetSwitching(poolCell, agents->prototype);
                }
                // Coverage gaps (the devices' CoverageProcess) live in the records too.
                Ptr<MmsRadioBearerNetDevice> coverage = CreateObject<MmsRadioBearerNetDevice>();
                BooleanValue coverageOn;
                coverage->GetAttribute("CoverageProcess", coverageOn);
                if (coverageOn.Get())
                {
                    handsets->coverage = coverage;
                    m_pool->SetCoverage(poolCell, coverage);
                }
                // SMS reach the subscribers by number through the cell's base station.
                Ptr<MmsSmsc> smsc = DynamicCast<MmsSmsc>(m_elementOf[mmse.smsc]);
                UintegerValue bearerPort;
                smsc->GetAttribute("BearerPort", bearerPort);
                Ptr<MmsTransport> smsPoint = MmsHelper::CreateTransport(m_nodes[c]);
                if (m_flowCellOf[c] >= 0)
                {
                    // A flow cell's base station: the SMSC's datagrams come as flows.
                    Ptr<MmsFlowTransport> flow = CreateObject<MmsFlowTransport>();
                    flow->Attach(
                        m_flow, InterfaceAddress(m_cellOf[c]->GetDevice(0)), m_nodes[c]->GetId());
                    flow->SetPacketTransport(smsPoint);
                    smsPoint = flow;
                }
                m_pool->SetSmsPoint(poolCell,
                                    smsPoint,
                                    m_cellOf[c],
                                    InterfaceAddress(m_cellOf[c]->GetDevice(0)),
                                    static_cast<uint16_t>(bearerPort.Get()));
                if (source)
                {
                    source->SetSendCallback(MakeBoundCallback(&SendFromPool, m_pool, first));
                }
            }
            else
            {
                ApplicationContainer uas = h->InstallUserAgents(m_handsetsOf[c]);
                Ptr<CellUserAgents> senders = Create<CellUserAgents>();
                for (uint32_t k = 0; k < uas.GetN(); ++k)
                {
                    Ptr<MmsUserAgent> ua = DynamicCast<MmsUserAgent>(uas.Get(k));
                    ApplySettings(ua, v, MmsScenario::USER_AGENT);
                    if (wap)
                    {
                        SetStack(ua, MmsScenario::IsWapHandset(v.wapShare, k));
                    }
                    ua->SetAttribute("TrafficModel", PointerValue(model));
                    ua->SetAttribute("Traffic", BooleanValue(m_traffic));
                    ua->SetExternalArrivals(true);
                    ua->SetOffNetDirectory(offNet);
                    senders->uas.push_back(ua);
                    everyone->Add(ua->GetMsisdn(), MmsNetworkHelper::GetAddress(ua->GetNode()));
                    for (const auto& [other, directory] : offNetOf)
                    {
                        if (other != op)
                        {
                            directory->Add(ua->GetMsisdn(),
                                           MmsNetworkHelper::GetAddress(ua->GetNode()));
                        }
                    }
                }
                if (source)
                {
                    source->SetSendCallback(MakeBoundCallback(&SendFromCell, senders));
                }
                m_userAgents.Add(uas);
            }
            const std::string cell =
                v.name + " (" + std::to_string(v.subscribers) + " " + v.bearer + ")";
            if (lineLength == 0)
            {
                cells << "  ";
                lineLength = 2;
            }
            else if (lineLength + 2 + cell.size() > 96)
            {
                cells << ",\n  ";
                lineLength = 2;
            }
            else
            {
                cells << ", ";
                lineLength += 2;
            }
            cells << cell;
            lineLength += cell.size();
            served += v.subscribers;
        }
        if (m_onDemand && served > 0)
        {
            // The MMSE's numbers, found by arithmetic and located by the pool.
            h->SkipNumbers(served);
            h->GetDirectory()->AddRange(h->GetMsisdn(0), served, m_pool, mmseFirst);
            everyone->AddRange(h->GetMsisdn(0), served, m_pool, mmseFirst);
            for (const auto& [other, directory] : offNetOf)
            {
                if (other != op)
                {
                    directory->AddRange(h->GetMsisdn(0), served, m_pool, mmseFirst);
                }
            }
        }
        plan << "relay " << m_names[mmse.relay] << " (server " << m_names[mmse.server] << ", ppg "
             << m_names[mmse.ppg] << ", smsc " << m_names[mmse.smsc]
             << (wap ? ", wapgw " + m_names[mmse.wapgw] : std::string()) << ") serves "
             << mmse.cells.size() << " cell(s), " << served << " subscribers, " << h->GetMsisdn(0)
             << " to " << h->GetMsisdn(served ? served - 1 : 0) << ":\n"
             << cells.str();
        m_plan.push_back(plan.str());
        nextNumber += served;
        servedBy.push_back(served);
        m_mmses.push_back(std::move(h));
    }
    InstallMm4(scenario, servedBy);
    InstallMm3(scenario);
    InstallVasps(scenario, servedBy);
    ParkRemoteApplications();
    if (m_recorder)
    {
        m_recorder->SetSystemId(m_systemId);
        for (const auto& [cell, fidelity] : m_cellFidelities)
        {
            m_recorder->AddRunAttribute("cell", cell + "/fidelity", fidelity);
        }
        for (const auto& [cell, share] : m_cellWapShares)
        {
            // The share of WAP 1.x handsets used, and how many of the cell's subscribers
            // the split made WAP 1.x (MmsScenario::IsWapHandset).
            std::ostringstream text;
            text << share.first;
            m_recorder->AddRunAttribute("cell", cell + "/wapShare", text.str());
            m_recorder->AddRunAttribute(
                "cell", cell + "/wapHandsets", std::to_string(share.second));
        }
        if (m_pool)
        {
            m_recorder->ConnectPool(m_pool);
        }
        m_recorder->ConnectAll();
    }
}

void
MmsScenarioHelper::SetFidelity(const std::string& fidelity)
{
    NS_ABORT_MSG_IF(m_installed, "MmsScenarioHelper::SetFidelity after Install");
    NS_ABORT_MSG_IF(fidelity != "packet" && fidelity != "flow",
                    "MmsScenarioHelper::SetFidelity: \"" << fidelity << "\" is not packet or flow");
    m_fidelity = fidelity;
}

std::vector<std::pair<std::string, std::string>>
MmsScenarioHelper::GetCellFidelities() const
{
    return m_cellFidelities;
}

Ptr<MmsFlowNetwork>
MmsScenarioHelper::GetFlowNetwork() const
{
    return m_flow;
}

void
MmsScenarioHelper::AddFlowTransport(Ptr<MmsApplication> app, uint32_t vertex)
{
    if (!m_flow)
    {
        return;
    }
    Ptr<MmsFlowTransport> t = CreateObject<MmsFlowTransport>();
    t->Attach(m_flow, MmsNetworkHelper::GetAddress(m_nodes[vertex]), m_nodes[vertex]->GetId());
    t->SetPacketTransport(app->GetTransport());
    app->SetTransport(t);
}

void
MmsScenarioHelper::SetFlowPaths(const MmsScenario& scenario)
{
    const auto& vertices = scenario.GetVertices();
    const auto& edges = scenario.GetEdges();
    const std::size_t nv = vertices.size();
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> adjacent(nv); // (vertex, edge)
    std::vector<double> rate(edges.size());
    for (uint32_t e = 0; e < edges.size(); ++e)
    {
        adjacent[edges[e].a].emplace_back(edges[e].b, e);
        adjacent[edges[e].b].emplace_back(edges[e].a, e);
        rate[e] = static_cast<double>(DataRate(edges[e].rate).GetBitRate());
    }
    auto isElement = [&](uint32_t v)
    {
        const MmsScenario::Kind k = vertices[v].kind;
        return k == MmsScenario::RELAY || k == MmsScenario::SERVER || k == MmsScenario::PPG
               || k == MmsScenario::SMSC;
    };
    // The pairs that exchange flows: every two elements, and the Relay, the PPG and the SMSC of
    // an MMSE with its flow cells (the SMSC with their base stations).
    std::vector<std::vector<uint32_t>> cellsOf(nv);
    for (const auto& mmse : scenario.GetMmses())
    {
        for (uint32_t c : mmse.cells)
        {
            if (m_flowCellOf[c] >= 0)
            {
                cellsOf[mmse.relay].push_back(c);
                cellsOf[mmse.ppg].push_back(c);
                cellsOf[mmse.smsc].push_back(c);
            }
        }
    }
    std::vector<uint32_t> elements;
    for (uint32_t v = 0; v < nv; ++v)
    {
        if (isElement(v))
        {
            elements.push_back(v);
        }
    }
    for (uint32_t source : elements)
    {
        if (!IsLocal(source))
        {
            continue;
        }
        // Least-delay routes from the element (Dijkstra), with each route's bottleneck.
        std::vector<double> delay(nv, std::numeric_limits<double>::infinity());
        std::vector<double> bottleneck(nv, 0);
        using Item = std::pair<double, uint32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        delay[source] = 0;
        bottleneck[source] = std::numeric_limits<double>::infinity();
        queue.emplace(0, source);
        while (!queue.empty())
        {
            auto [d, u] = queue.top();
            queue.pop();
            if (d > delay[u])
            {
                continue;
            }
            for (auto [w, e] : adjacent[u])
            {
                const double dw = d + edges[e].delaySeconds;
                if (dw < delay[w])
                {
                    delay[w] = dw;
                    bottleneck[w] = std::min(bottleneck[u], rate[e]);
                    queue.emplace(dw, w);
                }
            }
        }
        for (const auto* targets : {&elements, &cellsOf[source]})
        {
            for (uint32_t v : *targets)
            {
                if (v != source && std::isfinite(delay[v]))
                {
                    m_flow->SetPath(m_nodes[source]->GetId(),
                                    m_nodes[v]->GetId(),
                                    Seconds(delay[v]),
                                    bottleneck[v]);
                }
            }
        }
    }
}

void
MmsScenarioHelper::SetPartition(const MmsScenarioPartition& partition, uint32_t systemId)
{
    NS_ABORT_MSG_IF(m_installed, "MmsScenarioHelper::SetPartition after Install");
    m_systemIdOf = partition.GetRanksOfVertices();
    m_systemId = systemId;
}

uint32_t
MmsScenarioHelper::SystemIdOf(uint32_t vertex) const
{
    return vertex < m_systemIdOf.size() ? m_systemIdOf[vertex] : 0;
}

bool
MmsScenarioHelper::IsLocal(uint32_t vertex) const
{
    return SystemIdOf(vertex) == m_systemId;
}

bool
MmsScenarioHelper::IsLocal(const std::string& vertex) const
{
    auto it = std::find(m_names.begin(), m_names.end(), vertex);
    return it != m_names.end() && IsLocal(static_cast<uint32_t>(it - m_names.begin()));
}

void
MmsScenarioHelper::InstallMm4(const MmsScenario& scenario, const std::vector<uint32_t>& served)
{
    const auto& mmses = scenario.GetMmses();
    const auto& vertices = scenario.GetVertices();
    std::map<std::string, Ptr<Node>> gateway; // each operator's first Relay: its MM4 peer
    for (const auto& mmse : mmses)
    {
        const std::string& op = vertices[mmse.relay].op;
        if (!op.empty() && !gateway.count(op))
        {
            gateway[op] = m_nodes[mmse.relay];
        }
    }
    if (gateway.empty())
    {
        for (const auto& mmse : m_mmses)
        {
            mmse->GetRelay()->GetMm4()->CheckPeers(); // tables from flags only
        }
        return;
    }
    for (std::size_t k = 0; k < mmses.size(); ++k)
    {
        Ptr<MmsRelayMm4Agent> agent = m_mmses[k]->GetRelay()->GetMm4();
        agent->SetAttribute("Operator", StringValue(vertices[mmses[k].relay].op));
        for (std::size_t j = 0; j < mmses.size(); ++j)
        {
            if (served[j] > 0)
            {
                agent->AddRange(vertices[mmses[j].relay].op,
                                m_mmses[j]->GetMsisdn(0),
                                m_mmses[j]->GetMsisdn(served[j] - 1));
            }
        }
        for (const auto& [op, node] : gateway)
        {
            // An operator whose Relays serve no cell has no numbers: no peer (CheckPeers).
            if (op != vertices[mmses[k].relay].op && agent->HasRange(op))
            {
                agent->AddPeer(op, InetSocketAddress(MmsNetworkHelper::GetAddress(node), 0));
            }
        }
        agent->CheckPeers(); // and those from flags, before anything runs
    }
}

void
MmsScenarioHelper::InstallMm3(const MmsScenario& scenario)
{
    // A mail server serves the nearest Relay's subscribers (e-mails to them go to its MM3
    // port); each Relay sends its e-mail recipients' messages to its nearest mail server.
    const auto& mmses = scenario.GetMmses();
    const auto& vertices = scenario.GetVertices();
    auto mmseOf = [&mmses](int32_t relay)
    {
        for (std::size_t k = 0; k < mmses.size(); ++k)
        {
            if (static_cast<int32_t>(mmses[k].relay) == relay)
            {
                return static_cast<int32_t>(k);
            }
        }
        return int32_t{-1};
    };
    for (uint32_t i : scenario.GetVerticesOfKind(MmsScenario::MAILSERVER))
    {
        Ptr<MmsMailServer> mail = CreateObject<MmsMailServer>();
        int32_t k = mmseOf(scenario.GetNearest(i, MmsScenario::RELAY));
        if (k >= 0)
        {
            Ptr<MmsRelay> relay = m_mmses[k]->GetRelay();
            mail->SetDirectory(relay->GetDirectory());
            UintegerValue port;
            relay->GetMm4()->GetAttribute("Mm3Port", port);
            mail->SetRelayAddress(
                InetSocketAddress(MmsNetworkHelper::GetAddress(m_nodes[mmses[k].relay]),
                                  static_cast<uint16_t>(port.Get())));
            mail->SetAttribute("RecipientDomain", StringValue(relay->GetMm4()->GetDomain()));
        }
        ApplySettings(mail, vertices[i], MmsScenario::ELEMENT);
        m_nodes[i]->AddApplication(mail);
        m_elementOf[i] = mail;
    }
    for (std::size_t k = 0; k < mmses.size(); ++k)
    {
        int32_t m = scenario.GetNearest(mmses[k].relay, MmsScenario::MAILSERVER);
        if (m >= 0)
        {
            UintegerValue port;
            m_elementOf[m]->GetAttribute("Port", port);
            m_mmses[k]->GetRelay()->GetMm4()->SetMailServer(InetSocketAddress(
                MmsNetworkHelper::GetAddress(m_nodes[m]), static_cast<uint16_t>(port.Get())));
        }
    }
}

void
MmsScenarioHelper::InstallVasps(const MmsScenario& scenario, const std::vector<uint32_t>& served)
{
    const auto& mmses = scenario.GetMmses();
    const auto& vertices = scenario.GetVertices();
    for (uint32_t i : scenario.GetVerticesOfKind(MmsScenario::VASP))
    {
        const MmsScenario::Vertex& v = vertices[i];
        const uint32_t relay = scenario.GetServingRelay(i);

        // The recipients' numbers: every MMSE's (recipients all, the default) or those of one
        // operator, interleaved in proportion to the MMSEs' sizes (subscriber j of an MMSE of
        // n at j / n), so that the first k of them spread over the operators as the
        // subscribers do.
        struct Slot
        {
            double at;
            uint32_t mmse;
            uint32_t j;
        };

        std::vector<Slot> slots;
        for (uint32_t k = 0; k < mmses.size(); ++k)
        {
            const std::string& op = vertices[mmses[k].relay].op;
            if (!v.recipients.empty() && v.recipients != "all" && op != v.recipients)
            {
                continue;
            }
            for (uint32_t j = 0; j < served[k]; ++j)
            {
                slots.push_back({static_cast<double>(j) / served[k], k, j});
            }
        }
        std::stable_sort(slots.begin(),
                         slots.end(),
                         [](const Slot& a, const Slot& b)
                         {
                             return a.at < b.at;
                         });
        Ptr<MmsSubscriberDirectory> directory = CreateObject<MmsSubscriberDirectory>();
        for (const auto& s : slots)
        {
            directory->Add(m_mmses[s.mmse]->GetMsisdn(s.j), Ipv4Address::GetAny());
        }
        Ptr<MmsVasp> vasp = CreateObject<MmsVasp>();
        ApplySettings(vasp, v, MmsScenario::ELEMENT);
        vasp->SetElementName(m_names[i]);
        vasp->SetDirectory(directory);
        std::size_t k = 0;
        while (k < mmses.size() && mmses[k].relay != relay)
        {
            ++k;
        }
        NS_ABORT_MSG_IF(k == mmses.size(), "VASP " << v.name << " has no Relay (not checked?)");
        Ptr<MmsRelay> r = m_mmses[k]->GetRelay();
        UintegerValue port;
        r->GetAttribute("Port", port);
        vasp->SetAttribute(
            "RelayAddress",
            AddressValue(InetSocketAddress(MmsNetworkHelper::GetAddress(m_nodes[relay]),
                                           static_cast<uint16_t>(port.Get()))));
        m_nodes[i]->AddApplication(vasp);
        MmsHelper::InstallTransport(vasp);
        m_elementOf[i] = vasp;
        m_vasps.push_back(vasp);
    }
}

std::vector<Ptr<MmsVasp>>
MmsScenarioHelper::GetVasps() const
{
    return m_vasps;
}

void
MmsScenarioHelper::ParkRemoteApplications()
{
    // Another rank runs these: here they exist only so that ids, addresses and stream numbers
    // match. Starting past any simulated time (and never stopping) keeps them silent; 100
    // years stays far from the end of ns-3's time range, which the distributed simulator adds
    // its lookahead to.
    auto park = [](Ptr<Node> node)
    {
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            node->GetApplication(a)->SetStartTime(Years(100));
            node->GetApplication(a)->SetStopTime(Seconds(0));
        }
    };
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        if (IsLocal(v))
        {
            continue;
        }
        park(m_nodes[v]);
        for (uint32_t h = 0; h < m_handsetsOf[v].GetN(); ++h)
        {
            park(m_handsetsOf[v].Get(h));
        }
    }
}

void
MmsScenarioHelper::InstallRoutes(const MmsScenario& scenario)
{
    // Every network node gets a route to every link and every cell it is not on, through the
    // first hop of its shortest path (by delay) there, in an MmsScenarioRouting put before the
    // node's static routing (which keeps the routes of its own networks and the loopback, as
    // MmsScenarioRouting does too: the protocol after it never answers in its stead). Handsets
    // keep their default route to their cell, in their static routing.
    const auto& edges = scenario.GetEdges();
    const uint32_t nv = static_cast<uint32_t>(m_nodes.size());

    struct Destination
    {
        Ipv4Address network;
        Ipv4Mask mask;
        uint32_t a; //!< vertex (or one end of a link)
        int32_t b;  //!< the other end of a link, or -1
    };

    std::vector<Destination> destinations;
    for (std::size_t e = 0; e < edges.size(); ++e)
    {
        Ipv4Mask mask;
        Ipv4Address a = InterfaceAddress(m_linkDevices[e].Get(0), &mask);
        destinations.push_back(
            {a.CombineMask(mask), mask, edges[e].a, static_cast<int32_t>(edges[e].b)});
    }
    for (uint32_t c = 0; c < nv; ++c)
    {
        if (m_cellOf[c])
        {
            Ipv4Mask mask;
            Ipv4Address a = InterfaceAddress(m_cellOf[c]->GetDevice(0), &mask);
            destinations.push_back({a.CombineMask(mask), mask, c, -1});
        }
    }
    std::vector<int32_t> firstEdge(destinations.size());
    std::vector<uint32_t> uses(edges.size(), 0);
    for (uint32_t v = 0; v < nv; ++v)
    {
        Ptr<Ipv4> ip = m_nodes[v]->GetObject<Ipv4>();
        Ptr<Ipv4ListRouting> list = DynamicCast<Ipv4ListRouting>(ip->GetRoutingProtocol());
        NS_ASSERT_MSG(list, "MmsScenarioHelper: the node's IPv4 routing is not a list");
        Ptr<MmsScenarioRouting> routing = CreateObject<MmsScenarioRouting>();
        list->AddRoutingProtocol(routing, kScenarioRoutingPriority);
        // The first edge towards each destination, and how many destinations each edge leads to.
        int32_t busiest = -1;
        for (std::size_t i = 0; i < destinations.size(); ++i)
        {
            const auto& d = destinations[i];
            firstEdge[i] = -1;
            if (d.a == v || d.b == static_cast<int32_t>(v))
            {
                continue; // on this node: a connected route
            }
            uint32_t target = d.a;
            if (d.b >= 0
                && scenario.GetPathDelay(v, static_cast<uint32_t>(d.b))
                       < scenario.GetPathDelay(v, d.a))
            {
                target = static_cast<uint32_t>(d.b);
            }
            // Unreachable destinations (-1) get no route (the scenario checked what must be
            // reachable).
            firstEdge[i] = scenario.GetFirstEdge(v, target);
            if (firstEdge[i] >= 0)
            {
                uint32_t& n = uses[static_cast<uint32_t>(firstEdge[i])];
                ++n;
                if (busiest < 0 || n > uses[static_cast<uint32_t>(busiest)]
                    || (n == uses[static_cast<uint32_t>(busiest)] && firstEdge[i] < busiest))
                {
                    busiest = firstEdge[i];
                }
            }
        }
        // The edge most destinations are reached by is the default route; the others get a
        // route each. A node with one link has its default route only.
        auto add = [&](Ipv4Address network, Ipv4Mask mask, uint32_t e)
        {
            const auto& edge = edges[e];
            Ptr<NetDevice> mine = m_linkDevices[e].Get(edge.a == v ? 0 : 1);
            Ptr<NetDevice> theirs = m_linkDevices[e].Get(edge.a == v ? 1 : 0);
            routing->AddNetworkRoute(network,
                                     mask,
                                     InterfaceAddress(theirs),
                                     static_cast<uint32_t>(ip->GetInterfaceForDevice(mine)));
            ++m_routes;
        };
        const bool useDefault = busiest >= 0 && uses[static_cast<uint32_t>(busiest)] > 1;
        if (useDefault)
        {
            add(Ipv4Address::GetAny(), Ipv4Mask::GetZero(), static_cast<uint32_t>(busiest));
        }
        for (std::size_t i = 0; i < destinations.size(); ++i)
        {
            if (firstEdge[i] >= 0)
            {
                uses[static_cast<uint32_t>(firstEdge[i])] = 0;
                if (!useDefault || firstEdge[i] != busiest)
                {
                    add(destinations[i].network,
                        destinations[i].mask,
                        static_cast<uint32_t>(firstEdge[i]));
                }
            }
        }
    }
}

int64_t
MmsScenarioHelper::AssignStreams(int64_t stream)
{
    int64_t s = stream;
    // What does not depend on how subscribers are built comes first, so that both ways of
    // building them (SetHandsetsOnDemand) draw the same sends, contents and element delays.
    for (const auto& m : m_models)
    {
        s += m->AssignStreams(s);
    }
    for (const auto& source : m_cellTraffic)
    {
        s += source->AssignStreams(s);
    }
    for (const auto& em : m_errorModels)
    {
        s += DynamicCast<RateErrorModel>(em)->AssignStreams(s);
    }
    for (std::size_t i = 0; i < m_elementOf.size(); ++i)
    {
        if (m_elementOf[i] && m_kinds[i] != MmsScenario::RELAY
            && m_kinds[i] != MmsScenario::MAILSERVER)
        {
            s += DynamicCast<MmsApplication>(m_elementOf[i])->AssignStreams(s);
        }
    }
    s += m_radio->AssignStreams(s);
    for (const auto& h : m_mmses)
    {
        s += h->AssignStreams(s);
    }
    for (const auto& agents : m_agentMakers)
    {
        s += agents->prototype->AssignStreams(s);
    }
    for (const auto& handsets : m_handsetMakers)
    {
        if (handsets->coverage)
        {
            s += handsets->coverage->AssignStreams(s);
        }
    }
    for (const auto& handsets : m_handsetMakers)
    {
        // A block for every handset the cell's subnet can hold, used as the pool grows.
        handsets->streams = s;
        s += int64_t{HANDSET_STREAMS} * handsets->capacity;
    }
    // Mail servers last: scenarios without them keep their stream numbers.
    for (std::size_t i = 0; i < m_elementOf.size(); ++i)
    {
        if (m_elementOf[i] && m_kinds[i] == MmsScenario::MAILSERVER)
        {
            s += DynamicCast<MmsMailServer>(m_elementOf[i])->AssignStreams(s);
        }
    }
    return s - stream;
}

void
MmsScenarioHelper::StopTraffic(Time at) const
{
    Simulator::Schedule(at, &StopUserAgents, m_userAgents);
    if (m_pool)
    {
        Simulator::Schedule(at, &MmsSubscriberPool::StopTraffic, m_pool);
    }
    for (const auto& source : m_cellTraffic)
    {
        source->Stop(at);
    }
}

Ptr<Node>
MmsScenarioHelper::GetNode(const std::string& vertex) const
{
    auto it = std::find(m_names.begin(), m_names.end(), vertex);
    return it == m_names.end() ? nullptr : m_nodes[it - m_names.begin()];
}

Ptr<MmsRadioCellChannel>
MmsScenarioHelper::GetCell(const std::string& vertex) const
{
    auto it = std::find(m_names.begin(), m_names.end(), vertex);
    return it == m_names.end() ? nullptr : m_cellOf[it - m_names.begin()];
}

std::vector<Ptr<MmsRadioCellChannel>>
MmsScenarioHelper::GetCells() const
{
    return m_radio->GetCells();
}

NodeContainer
MmsScenarioHelper::GetHandsets(const std::string& cell) const
{
    auto it = std::find(m_names.begin(), m_names.end(), cell);
    return it == m_names.end() ? NodeContainer() : m_handsetsOf[it - m_names.begin()];
}

NodeContainer
MmsScenarioHelper::GetHandsets() const
{
    return m_handsets;
}

ApplicationContainer
MmsScenarioHelper::GetUserAgents() const
{
    return m_userAgents;
}

std::vector<Ptr<MmsRelay>>
MmsScenarioHelper::GetRelays() const
{
    std::vector<Ptr<MmsRelay>> relays;
    for (const auto& h : m_mmses)
    {
        relays.push_back(h->GetRelay());
    }
    return relays;
}

Ptr<MmsTrafficModel>
MmsScenarioHelper::GetTrafficModel() const
{
    return m_models.empty() ? m_trafficFactory.Create<MmsTrafficModel>() : m_models.front();
}

uint32_t
MmsScenarioHelper::GetRouteCount() const
{
    return m_routes;
}

void
MmsScenarioHelper::PrintPlan(std::ostream& os) const
{
    std::map<MmsScenario::Kind, uint32_t> counts;
    for (auto k : m_kinds)
    {
        ++counts[k];
    }
    os << counts[MmsScenario::RELAY] << " relay(s), " << counts[MmsScenario::SERVER]
       << " server(s), " << counts[MmsScenario::PPG] << " PPG(s), " << counts[MmsScenario::SMSC]
       << " SMSC(s), "
       << (counts[MmsScenario::WAPGW] > 0
               ? std::to_string(counts[MmsScenario::WAPGW]) + " WAP gateway(s), "
               : std::string())
       << (counts[MmsScenario::MAILSERVER] > 0
               ? std::to_string(counts[MmsScenario::MAILSERVER]) + " mail server(s), "
               : std::string())
       << (counts[MmsScenario::VASP] > 0 ? std::to_string(counts[MmsScenario::VASP]) + " VASP(s), "
                                         : std::string())
       << counts[MmsScenario::ROUTER] << " router(s), " << counts[MmsScenario::CELL] << " cell(s), "
       << m_linkDevices.size() << " link(s), " << (m_pool ? m_pool->GetN() : m_handsets.GetN())
       << (m_pool ? " subscribers (handsets on demand), " : " subscribers, ") << m_routes
       << " static routes\n";
    for (const auto& line : m_plan)
    {
        os << line << "\n";
    }
}

void
MmsScenarioHelper::EnablePcap(const std::string& prefix)
{
    PointToPointHelper p2p;
    for (const auto& d : m_linkDevices)
    {
        p2p.EnablePcap(prefix, d);
    }
}

} // namespace ns3
