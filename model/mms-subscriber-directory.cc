/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-subscriber-directory.h"

#include "mms-common.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(MmsSubscriberDirectory);
NS_OBJECT_ENSURE_REGISTERED(MmsSubscriberLocator);

TypeId
MmsSubscriberLocator::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsSubscriberLocator").SetParent<Object>().SetGroupName("Mms");
    return tid;
}

MmsSubscriberLocator::~MmsSubscriberLocator() = default;

bool
MmsSubscriberLocator::LocateForSms(uint32_t index, Ipv4Address& out, bool& byNumber)
{
    byNumber = false;
    return Locate(index, out);
}

TypeId
MmsSubscriberDirectory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsSubscriberDirectory")
                            .SetParent<Object>()
                            .SetGroupName("Mms")
                            .AddConstructor<MmsSubscriberDirectory>();
    return tid;
}

void
MmsSubscriberDirectory::Add(const std::string& msisdn, Ipv4Address address)
{
    std::string n = MmsHttp::StripAddressType(msisdn);
    if (m_byNumber.find(n) == m_byNumber.end())
    {
        m_numbers.push_back(n);
    }
    m_byNumber[n] = address;
    m_byAddress[address.Get()] = n;
}

void
MmsSubscriberDirectory::AddRange(const std::string& firstMsisdn,
                                 uint32_t count,
                                 Ptr<MmsSubscriberLocator> locator,
                                 uint32_t firstIndex)
{
    std::string n = MmsHttp::StripAddressType(firstMsisdn);
    Range r;
    std::size_t start = n.find_last_not_of("0123456789") + 1;
    r.prefix = n.substr(0, start);
    std::string digits = n.substr(start);
    NS_ABORT_MSG_IF(digits.empty() || digits.size() > 18,
                    "MmsSubscriberDirectory::AddRange: '" << firstMsisdn
                                                          << "' does not end in 1 to 18 digits");
    r.width = digits.size();
    r.first = std::stoull(digits);
    r.count = count;
    r.firstIndex = firstIndex;
    r.locator = locator;
    m_ranges.push_back(r);
    m_rangeTotal += count;
}

std::string
MmsSubscriberDirectory::Format(const Range& r, uint64_t offset)
{
    std::string s = std::to_string(r.first + offset);
    if (s.size() < r.width)
    {
        s = std::string(r.width - s.size(), '0') + s;
    }
    return r.prefix + s;
}

const MmsSubscriberDirectory::Range*
MmsSubscriberDirectory::FindRange(const std::string& number, uint32_t& offset) const
{
    if (m_ranges.empty())
    {
        return nullptr;
    }
    std::size_t start = number.find_last_not_of("0123456789") + 1;
    std::string digits = number.substr(start);
    if (digits.empty() || digits.size() > 18)
    {
        return nullptr;
    }
    uint64_t value = std::stoull(digits);
    for (const auto& r : m_ranges)
    {
        // The same prefix, and the width of the first number unless the count outgrew it.
        if (value >= r.first && value - r.first < r.count && number.compare(0, start, r.prefix) == 0
            && (digits.size() == r.width || std::to_string(value).size() == digits.size()))
        {
            offset = static_cast<uint32_t>(value - r.first);
            return &r;
        }
    }
    return nullptr;
}

bool
MmsSubscriberDirectory::Find(const std::string& address,
                             Ipv4Address& out,
                             const Range*& range,
                             uint32_t& index) const
{
    std::string n = MmsHttp::StripAddressType(address);
    auto it = m_byNumber.find(n);
    range = nullptr;
    if (it != m_byNumber.end())
    {
        out = it->second;
        return true;
    }
    uint32_t offset = 0;
    range = FindRange(n, offset);
    index = range ? range->firstIndex + offset : 0;
    return range != nullptr;
}

bool
MmsSubscriberDirectory::Resolve(const std::string& address, Ipv4Address& out) const
{
    const Range* r = nullptr;
    uint32_t index = 0;
    return Find(address, out, r, index) && (!r || r->locator->Locate(index, out));
}

bool
MmsSubscriberDirectory::ResolveForSms(const std::string& address,
                                      Ipv4Address& out,
                                      bool& byNumber) const
{
    byNumber = false;
    const Range* r = nullptr;
    uint32_t index = 0;
    return Find(address, out, r, index) && (!r || r->locator->LocateForSms(index, out, byNumber));
}

bool
MmsSubscriberDirectory::IsSubscriber(const std::string& address) const
{
    std::string n = MmsHttp::StripAddressType(address);
    uint32_t offset = 0;
    return m_byNumber.count(n) > 0 || FindRange(n, offset);
}

std::string
MmsSubscriberDirectory::FindByAddress(Ipv4Address address) const
{
    auto it = m_byAddress.find(address.Get());
    if (it != m_byAddress.end())
    {
        return it->second;
    }
    for (const auto& r : m_ranges)
    {
        uint32_t index = 0;
        if (r.locator->FindByAddress(address, index) && index >= r.firstIndex
            && index - r.firstIndex < r.count)
        {
            return Format(r, index - r.firstIndex);
        }
    }
    return std::string();
}

uint32_t
MmsSubscriberDirectory::GetN() const
{
    return static_cast<uint32_t>(m_numbers.size() + m_rangeTotal);
}

std::string
MmsSubscriberDirectory::GetMsisdn(uint32_t i) const
{
    if (i < m_numbers.size())
    {
        return m_numbers[i];
    }
    uint64_t k = i - m_numbers.size();
    for (const auto& r : m_ranges)
    {
        if (k < r.count)
        {
            return Format(r, k);
        }
        k -= r.count;
    }
    return std::string();
}

} // namespace ns3
