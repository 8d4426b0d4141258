/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-transport.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsTransport");
NS_OBJECT_ENSURE_REGISTERED(MmsTransport);

TypeId
MmsTransport::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsTransport").SetParent<Object>().SetGroupName("Mms");
    return tid;
}

MmsTransport::~MmsTransport() = default;

bool
MmsTransport::IsAwaitingResponse(ExchangeId) const
{
    return true;
}

} // namespace ns3
