/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-run-metadata.h"

#include "mms-application.h"

#include "ns3/channel-list.h"
#include "ns3/channel.h"
#include "ns3/global-value.h"
#include "ns3/mac48-address.h"
#include "ns3/node-list.h"
#include "ns3/node.h"
#include "ns3/pointer.h"

#include <map>
#include <set>

namespace ns3
{

bool
MmsRunMetadata::IsConfigurable(const TypeId::AttributeInformation& info)
{
    // Hardware addresses are handed out by the helpers, not configured (and in older releases the
    // allocator, in ns-3.35 for one, is not reset between simulations of one process).
    if (!(info.flags & TypeId::ATTR_GET) || !(info.flags & TypeId::ATTR_SET) || !info.checker)
    {
        return false;
    }
    Ptr<AttributeValue> probe = info.checker->Create();
    return !dynamic_cast<const Mac48AddressValue*>(PeekPointer(probe));
}

std::string
MmsRunMetadata::DescribeObject(Ptr<Object> o, int depth)
{
    if (!o)
    {
        return "none";
    }
    TypeId tid = o->GetInstanceTypeId();
    if (depth > 2)
    {
        return tid.GetName();
    }
    std::string inner;
    for (TypeId t = tid;; t = t.GetParent())
    {
        for (std::size_t i = 0; i < t.GetAttributeN(); ++i)
        {
            TypeId::AttributeInformation info = t.GetAttribute(i);
            if (!IsConfigurable(info) || info.name == "Stream")
            {
                continue;
            }
            Ptr<AttributeValue> v = info.checker->Create();
            if (!o->GetAttributeFailSafe(info.name, *v))
            {
                continue;
            }
            std::string d = Describe(*v, info.checker, depth + 1);
            if (!d.empty())
            {
                inner += (inner.empty() ? "" : "|") + info.name + "=" + d;
            }
        }
        if (t == t.GetParent())
        {
            break;
        }
    }
    return tid.GetName() + "[" + inner + "]";
}

std::string
MmsRunMetadata::DescribeDefault(const TypeId::AttributeInformation& info)
{
    static std::map<std::pair<const AttributeValue*, const AttributeChecker*>, std::string> cache;
    auto key = std::make_pair(PeekPointer(info.initialValue), PeekPointer(info.checker));
    auto it = cache.find(key);
    if (it != cache.end())
    {
        return it->second;
    }
    std::string d;
    if (info.checker->GetValueTypeName() == "ns3::PointerValue"
        && !dynamic_cast<const PointerValue*>(PeekPointer(info.initialValue)))
    {
        Ptr<AttributeValue> built = info.checker->CreateValidValue(*info.initialValue);
        d = built ? Describe(*built, info.checker, 0) : std::string();
    }
    else
    {
        d = Describe(*info.initialValue, info.checker, 0);
    }
    cache[key] = d;
    return d;
}

std::string
MmsRunMetadata::DescribeValue(const AttributeValue& value, Ptr<const AttributeChecker> checker)
{
    return Describe(value, checker, 0);
}

std::string
MmsRunMetadata::Describe(const AttributeValue& v, Ptr<const AttributeChecker> checker, int depth)
{
    if (const auto* p = dynamic_cast<const PointerValue*>(&v))
    {
        return DescribeObject(p->GetObject(), depth);
    }
    std::string type = checker->GetValueTypeName();
    if (type == "ns3::ObjectPtrContainerValue" || type == "ns3::CallbackValue")
    {
        return "";
    }
    return v.SerializeToString(checker);
}

std::vector<MmsRunMetadata::Row>
MmsRunMetadata::Collect()
{
    std::vector<Row> rows;
    // Global values (RngSeed, RngRun, SimulatorImplementationType, MmsEpoch, ...), all of them.
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        Ptr<AttributeValue> value = (*it)->GetChecker()->Create();
        (*it)->GetValue(*value);
        rows.push_back(
            {"global", (*it)->GetName(), value->SerializeToString((*it)->GetChecker()), "", 0});
    }
    // Defaults changed with Config::SetDefault or --ns3::Type::Attribute=value.
    for (uint16_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        TypeId tid = TypeId::GetRegistered(i);
        for (std::size_t a = 0; a < tid.GetAttributeN(); ++a)
        {
            TypeId::AttributeInformation info = tid.GetAttribute(a);
            if (!IsConfigurable(info) || !info.initialValue || !info.originalInitialValue
                || info.initialValue == info.originalInitialValue)
            {
                continue;
            }
            std::string now = DescribeDefault(info);
            TypeId::AttributeInformation original = info;
            original.initialValue = info.originalInitialValue;
            std::string was = DescribeDefault(original);
            if (now != was)
            {
                rows.push_back({"default", tid.GetName() + "::" + info.name, now, was, 0});
            }
        }
    }
    // Objects whose attributes differ from their type's (configured) default, grouped by
    // value; an attribute with more than 20 distinct values (phone numbers) gets one row.
    std::map<std::string, std::map<std::string, std::pair<std::string, int64_t>>> found;
    std::set<const Object*> seen;
    auto visit = [&](Ptr<Object> o)
    {
        if (!o || !seen.insert(PeekPointer(o)).second)
        {
            return;
        }
        for (TypeId t = o->GetInstanceTypeId();; t = t.GetParent())
        {
            for (std::size_t a = 0; a < t.GetAttributeN(); ++a)
            {
                TypeId::AttributeInformation info = t.GetAttribute(a);
                if (!IsConfigurable(info) || !info.initialValue)
                {
                    continue;
                }
                Ptr<AttributeValue> v = info.checker->Create();
                if (!o->GetAttributeFailSafe(info.name, *v))
                {
                    continue;
                }
                std::string value = DescribeValue(*v, info.checker);
                std::string def = DescribeDefault(info);
                if (value != def && !value.empty())
                {
                    auto& slot = found[t.GetName() + "::" + info.name][value];
                    slot.first = def;
                    slot.second++;
                }
            }
            if (t == t.GetParent())
            {
                break;
            }
        }
    };
    for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
    {
        Ptr<Node> node = NodeList::GetNode(n);
        for (auto it = node->GetAggregateIterator(); it.HasNext();)
        {
            visit(ConstCast<Object>(it.Next()));
        }
        for (uint32_t d = 0; d < node->GetNDevices(); ++d)
        {
            visit(node->GetDevice(d));
        }
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            Ptr<Application> app = node->GetApplication(a);
            visit(app);
            if (auto mms = DynamicCast<MmsApplication>(app))
            {
                visit(mms->GetTransport());
            }
        }
    }
    for (uint32_t c = 0; c < ChannelList::GetNChannels(); ++c)
    {
        visit(ChannelList::GetChannel(c));
    }
    for (const auto& [name, values] : found)
    {
        if (values.size() > 20)
        {
            int64_t objects = 0;
            for (const auto& v : values)
            {
                objects += v.second.second;
            }
            rows.push_back({"object",
                            name,
                            "(" + std::to_string(values.size()) + " distinct values)",
                            values.begin()->second.first,
                            objects});
            continue;
        }
        for (const auto& [value, info] : values)
        {
            rows.push_back({"object", name, value, info.first, info.second});
        }
    }
    return rows;
}

} // namespace ns3
