/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-radio-bearer-helper.h"

#include "ns3/abort.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mms-radio-bearer-net-device.h"
#include "ns3/mms-rrc-state-machine.h"
#include "ns3/names.h"
#include "ns3/string.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/traffic-control-layer.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsRadioBearerHelper");

MmsRadioBearerHelper::MmsRadioBearerHelper()
{
    m_profile.SetTypeId("ns3::MmsRadioBearerProfile");
    m_channel.SetTypeId("ns3::MmsRadioCellChannel");
    m_device.SetTypeId("ns3::MmsRadioBearerNetDevice");
    m_rrc.SetTypeId("ns3::MmsRrcStateMachine");
    SetAddressBase("10.128.0.0", "255.255.0.0");
}

void
MmsRadioBearerHelper::SetProfile(const std::string& preset)
{
    m_profile = ObjectFactory();
    m_profile.SetTypeId("ns3::MmsRadioBearerProfile");
    m_profile.Set("Preset", StringValue(preset));
    m_profileMade.reset();
    GetProfile(); // report an unknown name here, where it was given
}

void
MmsRadioBearerHelper::SetProfileAttribute(const std::string& name, const AttributeValue& value)
{
    m_profile.Set(name, value);
    m_profileMade.reset();
}

MmsBearerProfile
MmsRadioBearerHelper::GetProfile() const
{
    if (!m_profileMade)
    {
        m_profileMade = m_profile.Create<MmsRadioBearerProfile>()->Get();
    }
    return *m_profileMade;
}

void
MmsRadioBearerHelper::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_channel.Set(name, value);
}

void
MmsRadioBearerHelper::ResetChannelAttributes()
{
    m_channel = ObjectFactory();
    m_channel.SetTypeId("ns3::MmsRadioCellChannel");
}

void
MmsRadioBearerHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_device.Set(name, value);
}

void
MmsRadioBearerHelper::SetRrcAttribute(const std::string& name, const AttributeValue& value)
{
    m_rrc.Set(name, value);
    m_rrcPrototype = nullptr;
}

void
MmsRadioBearerHelper::SetAddressBase(const std::string& base, const std::string& mask)
{
    m_cellNetworks.SetBase(base.c_str(), mask.c_str());
}

namespace
{
void
EnsureStack(Ptr<Node> node)
{
    if (!node->GetObject<Ipv4>())
    {
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(node);
    }
}

// Address assignment may install ns-3's default queue disc (releases differ: 3.37 does so only
// for devices with a NetDeviceQueueInterface, which ours lacks); the cell has its own
// per-handset buffers (BufferPackets), so a second queue would only cost time and memory.
void
NoQueueDisc(Ptr<NetDevice> device)
{
    Ptr<TrafficControlLayer> tc = device->GetNode()->GetObject<TrafficControlLayer>();
    if (tc && tc->GetRootQueueDiscOnDevice(device))
    {
        TrafficControlHelper().Uninstall(device);
    }
}
} // namespace

Ptr<MmsRadioCellChannel>
MmsRadioBearerHelper::CreateCell(Ptr<Node> networkNode)
{
    EnsureStack(networkNode);
    Ptr<MmsRadioCellChannel> cell = m_channel.Create<MmsRadioCellChannel>();
    cell->SetCellProfile(GetProfile());
    Ptr<MmsRadioBearerNetDevice> bs = CreateObject<MmsRadioBearerNetDevice>();
    networkNode->AddDevice(bs);
    bs->AttachAsBaseStation(cell);
    // One subnet per cell; the network end takes its first address, handsets the next ones.
    Ipv4AddressHelper addresses = m_cellNetworks;
    m_cellNetworks.NewNetwork();
    const Ipv4InterfaceContainer ifc = addresses.Assign(NetDeviceContainer(bs));
    NoQueueDisc(bs);
    const Ipv4InterfaceAddress first = ifc.Get(0).first->GetAddress(ifc.Get(0).second, 0);
    CellAddresses& handsets = m_cellAddresses[cell->GetId()];
    handsets.mask = first.GetMask();
    handsets.next = first.GetLocal().Get() + 1;
    handsets.last = first.GetBroadcast().Get() - 1;
    m_cells.push_back(cell);
    m_cellProfiles[cell->GetId()] = GetProfile();
    return cell;
}

NetDeviceContainer
MmsRadioBearerHelper::Attach(Ptr<MmsRadioCellChannel> cell, NodeContainer handsets)
{
    const MmsBearerProfile profile = GetProfile();
    NetDeviceContainer devices;
    for (uint32_t i = 0; i < handsets.GetN(); ++i)
    {
        devices.Add(AttachWith(cell, handsets.Get(i), profile, true));
    }
    return devices;
}

Ptr<MmsRadioBearerNetDevice>
MmsRadioBearerHelper::AttachOne(Ptr<MmsRadioCellChannel> cell, Ptr<Node> handset)
{
    auto it = m_cellProfiles.find(cell->GetId());
    NS_ABORT_MSG_IF(it == m_cellProfiles.end(),
                    "MmsRadioBearerHelper::AttachOne: cell " << cell->GetId()
                                                             << " was not created by this helper");
    return AttachWith(cell, handset, it->second, false);
}

Ptr<MmsRadioBearerNetDevice>
MmsRadioBearerHelper::AttachWith(Ptr<MmsRadioCellChannel> cell,
                                 Ptr<Node> node,
                                 const MmsBearerProfile& profile,
                                 bool registerAddress)
{
    auto it = m_cellAddresses.find(cell->GetId());
    NS_ABORT_MSG_IF(it == m_cellAddresses.end(),
                    "MmsRadioBearerHelper::Attach: cell " << cell->GetId()
                                                          << " was not created by this helper");
    Ptr<NetDevice> bs = cell->GetDevice(0);
    Ptr<Ipv4> bsIp = bs->GetNode()->GetObject<Ipv4>();
    const Ipv4Address bsAddress = bsIp->GetAddress(bsIp->GetInterfaceForDevice(bs), 0).GetLocal();
    Ipv4StaticRoutingHelper routing;
    EnsureStack(node);
    Ptr<MmsRadioBearerNetDevice> dev = m_device.Create<MmsRadioBearerNetDevice>();
    Ptr<MmsRrcStateMachine> rrc = NewRrc();
    node->AddDevice(dev);
    const uint32_t index = cell->AttachHandset(dev, profile, rrc);
    dev->AttachAsHandset(cell, index, rrc);
    // The next address of the cell's subnet, set as Ipv4AddressHelper::Assign sets one (no
    // queue disc: it installs none on a device without a NetDeviceQueueInterface).
    CellAddresses& addresses = it->second;
    NS_ABORT_MSG_IF(addresses.next > addresses.last,
                    "MmsRadioBearerHelper::Attach: the subnet of cell " << cell->GetId()
                                                                        << " has no address left");
    const Ipv4Address address(addresses.next++);
    if (registerAddress)
    {
        Ipv4AddressGenerator::AddAllocated(address);
    }
    Ptr<Ipv4> ip = node->GetObject<Ipv4>();
    int32_t interface = ip->GetInterfaceForDevice(dev);
    if (interface < 0)
    {
        interface = static_cast<int32_t>(ip->AddInterface(dev));
    }
    ip->AddAddress(static_cast<uint32_t>(interface), Ipv4InterfaceAddress(address, addresses.mask));
    ip->SetMetric(static_cast<uint32_t>(interface), 1);
    ip->SetUp(static_cast<uint32_t>(interface));
    NoQueueDisc(dev);
    cell->AddAddress(address, index);
    routing.GetStaticRouting(ip)->SetDefaultRoute(bsAddress, static_cast<uint32_t>(interface));
    return dev;
}

Ptr<MmsRadioBearerNetDevice>
MmsRadioBearerHelper::GetHandsetDevice(Ptr<Node> handset)
{
    for (uint32_t i = 0; i < handset->GetNDevices(); ++i)
    {
        Ptr<MmsRadioBearerNetDevice> d =
            DynamicCast<MmsRadioBearerNetDevice>(handset->GetDevice(i));
        if (d && !d->IsBaseStation())
        {
            return d;
        }
    }
    return nullptr;
}

std::vector<Ptr<MmsRadioCellChannel>>
MmsRadioBearerHelper::GetCells() const
{
    return m_cells;
}

int64_t
MmsRadioBearerHelper::AssignStreams(int64_t stream)
{
    int64_t n = 0;
    for (auto& c : m_cells)
    {
        n += c->AssignStreams(stream + n);
    }
    return n;
}

void
MmsRadioBearerHelper::EnablePcapInternal(std::string prefix,
                                         Ptr<NetDevice> nd,
                                         bool /* promiscuous */,
                                         bool explicitFilename)
{
    Ptr<MmsRadioBearerNetDevice> device = DynamicCast<MmsRadioBearerNetDevice>(nd);
    if (!device)
    {
        NS_LOG_INFO("MmsRadioBearerHelper::EnablePcapInternal: not a MmsRadioBearerNetDevice");
        return;
    }
    PcapHelper pcapHelper;
    const std::string filename =
        explicitFilename ? prefix : pcapHelper.GetFilenameFromDevice(prefix, device);
    Ptr<PcapFileWrapper> file = pcapHelper.CreateFile(filename, std::ios::out, PcapHelper::DLT_RAW);
    pcapHelper.HookDefaultSink<MmsRadioBearerNetDevice>(device, "Sniffer", file);
}

Ipv4Address
MmsRadioBearerHelper::AllocateAddress(Ptr<MmsRadioCellChannel> cell)
{
    auto it = m_cellAddresses.find(cell->GetId());
    NS_ABORT_MSG_IF(it == m_cellAddresses.end(),
                    "MmsRadioBearerHelper::AllocateAddress: cell "
                        << cell->GetId() << " was not created by this helper");
    if (it->second.next > it->second.last)
    {
        return Ipv4Address::GetZero();
    }
    return Ipv4Address(it->second.next++);
}

Ptr<MmsRrcStateMachine>
MmsRadioBearerHelper::NewRrc() const
{
    if (!m_rrcPrototype)
    {
        m_rrcPrototype = m_rrc.Create<MmsRrcStateMachine>();
    }
    return MmsRrcStateMachine::CreateLike(m_rrcPrototype);
}

Ptr<MmsRrcStateMachine>
MmsRadioBearerHelper::CreateRrc(const MmsBearerProfile& profile) const
{
    Ptr<MmsRrcStateMachine> rrc = NewRrc();
    rrc->SetTbfMode(profile.UsesTbf());
    return rrc;
}

MmsBearerProfile
MmsRadioBearerHelper::GetCellProfile(Ptr<MmsRadioCellChannel> cell) const
{
    return m_cellProfiles.at(cell->GetId());
}

} // namespace ns3
