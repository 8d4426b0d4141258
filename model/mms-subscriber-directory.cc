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

bool
MmsSubscriberDirectory::Resolve(const std::string& address, Ipv4Address& out) const
{
    auto it = m_byNumber.find(MmsHttp::StripAddressType(address));
    if (it == m_byNumber.end())
    {
        return false;
    }
    out = it->second;
    return true;
}

bool
MmsSubscriberDirectory::IsSubscriber(const std::string& address) const
{
    return m_byNumber.count(MmsHttp::StripAddressType(address)) > 0;
}

std::string
MmsSubscriberDirectory::FindByAddress(Ipv4Address address) const
{
    auto it = m_byAddress.find(address.Get());
    return it == m_byAddress.end() ? std::string() : it->second;
}

uint32_t
MmsSubscriberDirectory::GetN() const
{
    return static_cast<uint32_t>(m_numbers.size());
}

std::string
MmsSubscriberDirectory::GetMsisdn(uint32_t i) const
{
    return i < m_numbers.size() ? m_numbers[i] : std::string();
}

} // namespace ns3
