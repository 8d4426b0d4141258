/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-header.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsHeader");

NS_OBJECT_ENSURE_REGISTERED(MmsPduHeader);
NS_OBJECT_ENSURE_REGISTERED(MmsWspPushHeader);

namespace
{

/// Copy `size` octets from a buffer iterator (bounded by the caller).
std::vector<uint8_t>
ReadAll(Buffer::Iterator start, uint32_t size)
{
    std::vector<uint8_t> bytes(size);
    if (size > 0)
    {
        start.Read(bytes.data(), size);
    }
    return bytes;
}

} // namespace

// ------------------------------------------------------------------------------- MmsPduHeader

MmsPduHeader::MmsPduHeader()
{
}

MmsPduHeader::MmsPduHeader(const MmsPdu& pdu)
    : m_pdu(pdu)
{
}

TypeId
MmsPduHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsPduHeader")
                            .SetParent<Header>()
                            .SetGroupName("Mms")
                            .AddConstructor<MmsPduHeader>();
    return tid;
}

TypeId
MmsPduHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
MmsPduHeader::GetSerializedSize() const
{
    return m_valid ? static_cast<uint32_t>(m_pdu.GetEncodedSize()) : m_rawSize;
}

void
MmsPduHeader::Serialize(Buffer::Iterator start) const
{
    NS_ASSERT_MSG(m_valid, "cannot serialize an MMS PDU that failed to decode");
    std::vector<uint8_t> bytes = m_pdu.Encode();
    start.Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
}

uint32_t
MmsPduHeader::Deserialize(Buffer::Iterator start)
{
    return DecodeFrom(start, start.GetRemainingSize());
}

uint32_t
MmsPduHeader::Deserialize(Buffer::Iterator start, Buffer::Iterator end)
{
    return DecodeFrom(start, end.GetDistanceFrom(start));
}

uint32_t
MmsPduHeader::DecodeFrom(Buffer::Iterator start, uint32_t size)
{
    std::vector<uint8_t> bytes = ReadAll(start, size);
    m_pdu = MmsPdu();
    m_error = MmsDecodeError();
    m_valid = MmsPdu::Decode(bytes.data(), bytes.size(), m_pdu, m_error);
    m_rawSize = size;
    if (!m_valid)
    {
        NS_LOG_WARN("undecodable MMS PDU: " << m_error.ToString());
    }
    return size;
}

void
MmsPduHeader::Print(std::ostream& os) const
{
    if (!m_valid)
    {
        os << "MMS PDU (undecodable: " << m_error.ToString() << ")";
        return;
    }
    os << MmsPdu::MessageTypeName(m_pdu.GetMessageType()) << " (" << m_pdu.GetEncodedSize()
       << " octets)";
}

void
MmsPduHeader::SetPdu(const MmsPdu& pdu)
{
    m_pdu = pdu;
    m_valid = true;
    m_error = MmsDecodeError();
}

const MmsPdu&
MmsPduHeader::GetPdu() const
{
    return m_pdu;
}

bool
MmsPduHeader::IsValid() const
{
    return m_valid;
}

const MmsDecodeError&
MmsPduHeader::GetDecodeError() const
{
    return m_error;
}

std::vector<Ptr<Packet>>
MmsSegmentsToPackets(const std::vector<MmsWireSegment>& segments)
{
    std::vector<Ptr<Packet>> packets;
    for (const auto& s : segments)
    {
        if (!s.bytes.empty())
        {
            packets.push_back(
                Create<Packet>(s.bytes.data(), static_cast<uint32_t>(s.bytes.size())));
        }
        if (s.virtualZeros > 0)
        {
            // ns-3 keeps a packet created from a size as a virtual zero area: no allocation.
            packets.push_back(Create<Packet>(s.virtualZeros));
        }
    }
    return packets;
}

std::vector<Ptr<Packet>>
MmsPduHeader::CreatePackets(const MmsPdu& pdu)
{
    std::vector<MmsWireSegment> segments;
    pdu.EncodeSegments(segments);
    std::vector<Ptr<Packet>> packets = MmsSegmentsToPackets(segments);
    if (packets.empty())
    {
        packets.push_back(Create<Packet>());
    }
    return packets;
}

bool
MmsPduHeader::Decode(Ptr<const Packet> packet,
                     MmsPdu& pdu,
                     MmsDecodeError& error,
                     const MmsDecodeOptions& options)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), packet->GetSize());
    return MmsPdu::Decode(bytes.data(), bytes.size(), pdu, error, options);
}

// ------------------------------------------------------------------------------ MmsWspPushHeader

MmsWspPushHeader::MmsWspPushHeader()
{
}

MmsWspPushHeader::MmsWspPushHeader(const MmsWspPushPdu& push)
    : m_push(push)
{
}

TypeId
MmsWspPushHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MmsWspPushHeader")
                            .SetParent<Header>()
                            .SetGroupName("Mms")
                            .AddConstructor<MmsWspPushHeader>();
    return tid;
}

TypeId
MmsWspPushHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
MmsWspPushHeader::GetSerializedSize() const
{
    return m_valid ? static_cast<uint32_t>(m_push.GetEncodedSize()) : m_rawSize;
}

void
MmsWspPushHeader::Serialize(Buffer::Iterator start) const
{
    NS_ASSERT_MSG(m_valid, "cannot serialize a WSP Push PDU that failed to decode");
    std::vector<uint8_t> bytes = m_push.Encode();
    start.Write(bytes.data(), static_cast<uint32_t>(bytes.size()));
}

uint32_t
MmsWspPushHeader::Deserialize(Buffer::Iterator start)
{
    return DecodeFrom(start, start.GetRemainingSize());
}

uint32_t
MmsWspPushHeader::Deserialize(Buffer::Iterator start, Buffer::Iterator end)
{
    return DecodeFrom(start, end.GetDistanceFrom(start));
}

uint32_t
MmsWspPushHeader::DecodeFrom(Buffer::Iterator start, uint32_t size)
{
    std::vector<uint8_t> bytes = ReadAll(start, size);
    m_push = MmsWspPushPdu();
    m_error = MmsDecodeError();
    m_valid = MmsWspPushPdu::Decode(bytes.data(), bytes.size(), m_push, m_error);
    m_rawSize = size;
    if (!m_valid)
    {
        NS_LOG_WARN("undecodable WSP Push PDU: " << m_error.ToString());
    }
    return size;
}

void
MmsWspPushHeader::Print(std::ostream& os) const
{
    if (!m_valid)
    {
        os << "WSP Push (undecodable: " << m_error.ToString() << ")";
        return;
    }
    os << "WSP Push tid=" << unsigned(m_push.GetTid()) << " (" << m_push.GetEncodedSize()
       << " octets)";
}

void
MmsWspPushHeader::SetPush(const MmsWspPushPdu& push)
{
    m_push = push;
    m_valid = true;
    m_error = MmsDecodeError();
}

const MmsWspPushPdu&
MmsWspPushHeader::GetPush() const
{
    return m_push;
}

bool
MmsWspPushHeader::IsValid() const
{
    return m_valid;
}

const MmsDecodeError&
MmsWspPushHeader::GetDecodeError() const
{
    return m_error;
}

} // namespace ns3
