/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HEADER_H
#define MMS_HEADER_H

// ns-3 integration of the wire format: MMS PDUs and WSP Push PDUs as ns3::Header, so that they
// ride in ns3::Packet with their exact encoded size.

#include "mms-pdu.h"
#include "mms-wsp-codec.h"
#include "mms-wsp-push.h"

#include "ns3/header.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * An MMS PDU (OMA MMS ENC) as an ns-3 header. Its serialized size is the PDU's exact encoded
 * size. Deserialization never fails hard: an undecodable PDU leaves IsValid() false and the
 * error in GetDecodeError(), and the header still accounts for all the octets it read.
 *
 * A header is written into the packet's own buffer, so virtual media parts are materialised as
 * zero octets. For large messages use MmsPduHeader::CreatePackets(), which keeps media virtual.
 */
class MmsPduHeader : public Header
{
  public:
    MmsPduHeader();
    explicit MmsPduHeader(const MmsPdu& pdu);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /// Reads every octet left in the buffer as one PDU.
    uint32_t Deserialize(Buffer::Iterator start) override;
    /// Reads the octets between start and end as one PDU (Packet::RemoveHeader(h, size)).
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;
    void Print(std::ostream& os) const override;

    void SetPdu(const MmsPdu& pdu);
    const MmsPdu& GetPdu() const;
    bool IsValid() const;                      //!< false if the last Deserialize() failed
    const MmsDecodeError& GetDecodeError() const; //!< why it failed

    /**
     * The PDU as a sequence of packets whose concatenation is its exact encoding: real octets
     * for headers, zero-filled virtual payload for virtual media, so a 300 KB message costs a
     * few hundred bytes of memory. Send them in order on one TCP socket.
     * \param pdu the PDU
     * \return the packets, at least one
     */
    static std::vector<Ptr<Packet>> CreatePackets(const MmsPdu& pdu);

    /**
     * Decode a whole packet as one PDU.
     * \param packet the packet
     * \param pdu receives the PDU
     * \param error receives the error, if any
     * \param options decoding options (e.g. do not keep media octets)
     * \return true on success
     */
    static bool Decode(Ptr<const Packet> packet,
                       MmsPdu& pdu,
                       MmsDecodeError& error,
                       const MmsDecodeOptions& options = MmsDecodeOptions());

  private:
    uint32_t DecodeFrom(Buffer::Iterator start, uint32_t size);

    MmsPdu m_pdu;
    bool m_valid{true};
    MmsDecodeError m_error;
    uint32_t m_rawSize{0}; //!< octets read when the PDU could not be decoded
};

/**
 * \ingroup mms
 * A connectionless WSP Push PDU (TID, type 0x06, headers, data) as an ns-3 header: what travels
 * in a UDP datagram to port 2948, or as the WDP datagram carried by SMS segments.
 */
class MmsWspPushHeader : public Header
{
  public:
    MmsWspPushHeader();
    explicit MmsWspPushHeader(const MmsWspPushPdu& push);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;
    void Print(std::ostream& os) const override;

    void SetPush(const MmsWspPushPdu& push);
    const MmsWspPushPdu& GetPush() const;
    bool IsValid() const;
    const MmsDecodeError& GetDecodeError() const;

  private:
    uint32_t DecodeFrom(Buffer::Iterator start, uint32_t size);

    MmsWspPushPdu m_push;
    bool m_valid{true};
    MmsDecodeError m_error;
    uint32_t m_rawSize{0};
};

} // namespace ns3

#endif /* MMS_HEADER_H */
