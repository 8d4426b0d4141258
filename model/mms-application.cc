/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-application.h"

#include "ns3/fatal-error.h"
#include "ns3/string.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(MmsApplication);

TypeId
MmsApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsApplication")
            .SetParent<Application>()
            .SetGroupName("Mms")
            .AddAttribute("Name",
                          "Element name written in trace records (\"\" = type and node id).",
                          StringValue(""),
                          MakeStringAccessor(&MmsApplication::m_name),
                          MakeStringChecker());
    return tid;
}

MmsApplication::MmsApplication() = default;
MmsApplication::~MmsApplication() = default;

void
MmsApplication::SetTransport(Ptr<MmsTransport> transport)
{
    m_transport = transport;
}

Ptr<MmsTransport>
MmsApplication::GetTransport() const
{
    return m_transport;
}

bool
MmsApplication::HasTransport() const
{
    return m_transport != nullptr;
}

void
MmsApplication::SetDirectory(Ptr<MmsSubscriberDirectory> directory)
{
    m_directory = directory;
}

Ptr<MmsSubscriberDirectory>
MmsApplication::GetDirectory() const
{
    return m_directory;
}

std::string
MmsApplication::GetElementName() const
{
    if (!m_name.empty())
    {
        return m_name;
    }
    std::string type = GetInstanceTypeId().GetName();
    if (type.rfind("ns3::", 0) == 0)
    {
        type = type.substr(5);
    }
    return type + (GetNode() ? "@" + std::to_string(GetNode()->GetId()) : std::string());
}

void
MmsApplication::SetElementName(const std::string& name)
{
    m_name = name;
}

void
MmsApplication::DoInitialize()
{
    if (!m_transport)
    {
        NS_FATAL_ERROR("MMS element '" << GetElementName()
                                       << "' has no transport: install it with MmsHelper, or "
                                          "give it one (MmsHelper::InstallTransport) before the "
                                          "simulation starts");
    }
    Application::DoInitialize();
}

void
MmsApplication::DoDispose()
{
    if (m_transport)
    {
        m_transport->Dispose();
        m_transport = nullptr;
    }
    m_directory = nullptr;
    Application::DoDispose();
}

MmsEvent
MmsApplication::MakeEvent(const std::string& messageId,
                          const std::string& recipient,
                          const std::string& transactionId,
                          uint64_t bytes,
                          const std::string& detail) const
{
    MmsEvent e;
    e.messageId = messageId;
    e.recipient = recipient;
    e.transactionId = transactionId;
    e.bytes = bytes;
    e.element = GetElementName();
    e.detail = detail;
    return e;
}

} // namespace ns3
