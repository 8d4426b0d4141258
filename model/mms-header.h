/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_HEADER_H
#define MMS_HEADER_H

/**
 * \file
 * \ingroup mms-packets
 * MMS PDUs and WSP Push PDUs as ns3::Header, and an MMS PDU as a sequence of ns3::Packet with
 * virtual media: tools for pcaps, tests and demonstrations. The network elements do not use
 * them; they exchange PDUs as octets through their transport.
 */

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
 * \ingroup mms-packets
 * \brief An MMS PDU (OMA-TS-MMS-ENC) as an ns-3 header, for programs that want a PDU inside an
 * ns-3 Packet: pcaps, tests and demonstrations.
 *
 * This is not how the network elements carry PDUs. The User Agent, Relay, Server and Push Proxy
 * Gateway encode a PDU with MmsPdu::EncodeSegments() (or MmsPdu::Encode()), put the octets in the
 * body of an HTTP message (MmsHttpMessage) and hand that to their MmsTransport, which sends it on a
 * TCP socket (turning the segments into packets with MmsSegmentsToPackets(), declared here);
 * the receiver decodes the body with MmsPdu::Decode(). The users of this class are
 * examples/mms-wire-demo.cc (CreatePackets()) and the tests mms-pdu-test-suite.cc (a PDU in and out
 * of a packet, an undecodable one flagged) and mms-wireshark-test-suite.cc (a POST body on a TCP
 * socket, for a pcap that tshark dissects).
 *
 * The serialized size is the PDU's exact encoded size. Deserialization never fails hard: an
 * undecodable PDU leaves IsValid() false and the error in GetDecodeError(), and the header
 * still accounts for all the octets it read (serializing such a header is an error).
 *
 * A header is written into the packet's own buffer, so virtual media parts are materialised as
 * zero octets. For large messages use MmsPduHeader::CreatePackets(), which keeps media virtual.
 *
 * \code
 * Ptr<Packet> packet = Create<Packet>();
 * packet->AddHeader(MmsPduHeader(MmsPdu::MakeSendConf("T1", MmsValue::RESPONSE_OK, "m1")));
 * MmsPduHeader header;
 * packet->RemoveHeader(header); // reads every octet of the packet as one PDU
 * if (!header.IsValid())
 * {
 *     std::cerr << header.GetDecodeError().ToString() << std::endl;
 * }
 * \endcode
 */
class MmsPduHeader : public Header
{
  public:
    /// A header holding an empty PDU.
    MmsPduHeader();
    /**
     * \brief A header holding a PDU.
     * \param pdu the PDU (copied)
     */
    explicit MmsPduHeader(const MmsPdu& pdu);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /**
     * \brief Get the most derived TypeId.
     * \return the TypeId of MmsPduHeader
     */
    TypeId GetInstanceTypeId() const override;
    /**
     * \brief The PDU's size on the wire.
     * \return its exact encoded size; after a failed Deserialize(), the octets that were read
     */
    uint32_t GetSerializedSize() const override;
    /**
     * \brief Write the encoded PDU (virtual content as zero octets); asserts that the header
     * holds a valid PDU.
     * \param start where to write
     */
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Read every octet left in the buffer as one PDU.
     * \param start where to read
     * \return the octets read, all of them, whether the PDU decoded or not
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    /**
     * \brief Read the octets between start and end as one PDU (Packet::RemoveHeader(h, size)).
     * \param start where to read
     * \param end where to stop
     * \return the octets read, all of them, whether the PDU decoded or not
     */
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;
    /**
     * \brief Print the message type and size, or the decode error.
     * \param os the stream, e.g. "m-send-conf (14 octets)"
     */
    void Print(std::ostream& os) const override;

    /**
     * \brief Hold a PDU (the header becomes valid).
     * \param pdu the PDU (copied)
     */
    void SetPdu(const MmsPdu& pdu);
    /**
     * \brief The PDU held.
     * \return the PDU; partial after a failed Deserialize()
     */
    const MmsPdu& GetPdu() const;
    /**
     * \brief Whether the header holds a decodable PDU.
     * \return false if the last Deserialize() failed
     */
    bool IsValid() const;
    /**
     * \brief Why the last Deserialize() failed.
     * \return the error with offset and field; meaningless while IsValid()
     */
    const MmsDecodeError& GetDecodeError() const;

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
 * \ingroup mms-packets
 * \brief A connectionless WSP Push PDU (WAP-230-WSP section 8.2.4.1) as an ns-3 header, for
 * programs that want a push inside an ns-3 Packet: pcaps, tests and demonstrations.
 *
 * The Push Proxy Gateway does not use it: it encodes the push with MmsWspPushPdu::Encode() and
 * sends the octets through its transport (a UDP datagram to port 2948, or WDP segments over
 * SMS), and the User Agent decodes them with MmsWspPushPdu::Decode(). The users of this class
 * are the tests mms-wireshark-test-suite.cc (pushes on UDP port 2948, for a pcap that tshark
 * dissects) and mms-push-sms-test-suite.cc (a push in and out of a packet).
 *
 * Like MmsPduHeader, its size is the exact encoded size and deserialization never fails hard:
 * an undecodable push leaves IsValid() false and the error in GetDecodeError().
 *
 * \code
 * Ptr<Packet> packet = Create<Packet>();
 * packet->AddHeader(MmsWspPushHeader(MmsWspPushPdu::MakeMmsPush(1, notification.Encode())));
 * socket->SendTo(packet, 0, InetSocketAddress(handset, 2948));
 * \endcode
 */
class MmsWspPushHeader : public Header
{
  public:
    /// A header holding an empty Push PDU.
    MmsWspPushHeader();
    /**
     * \brief A header holding a Push PDU.
     * \param push the push (copied)
     */
    explicit MmsWspPushHeader(const MmsWspPushPdu& push);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /**
     * \brief Get the most derived TypeId.
     * \return the TypeId of MmsWspPushHeader
     */
    TypeId GetInstanceTypeId() const override;
    /**
     * \brief The push's size on the wire.
     * \return its exact encoded size; after a failed Deserialize(), the octets that were read
     */
    uint32_t GetSerializedSize() const override;
    /**
     * \brief Write the encoded push; asserts that the header holds a valid push.
     * \param start where to write
     */
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \brief Read every octet left in the buffer as one push.
     * \param start where to read
     * \return the octets read, all of them, whether the push decoded or not
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    /**
     * \brief Read the octets between start and end as one push.
     * \param start where to read
     * \param end where to stop
     * \return the octets read, all of them, whether the push decoded or not
     */
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;
    /**
     * \brief Print the TID and size, or the decode error.
     * \param os the stream, e.g. "WSP Push tid=1 (40 octets)"
     */
    void Print(std::ostream& os) const override;

    /**
     * \brief Hold a push (the header becomes valid).
     * \param push the push (copied)
     */
    void SetPush(const MmsWspPushPdu& push);
    /**
     * \brief The push held.
     * \return the push; partial after a failed Deserialize()
     */
    const MmsWspPushPdu& GetPush() const;
    /**
     * \brief Whether the header holds a decodable push.
     * \return false if the last Deserialize() failed
     */
    bool IsValid() const;
    /**
     * \brief Why the last Deserialize() failed.
     * \return the error with offset and field; meaningless while IsValid()
     */
    const MmsDecodeError& GetDecodeError() const;

  private:
    uint32_t DecodeFrom(Buffer::Iterator start, uint32_t size);

    MmsWspPushPdu m_push;
    bool m_valid{true};
    MmsDecodeError m_error;
    uint32_t m_rawSize{0};
};

/**
 * \ingroup mms-packets
 * \brief Packets whose concatenation is the given wire segments: real octets for each run of
 * octets, a virtual zero area for each run of virtual zeros (ns-3 allocates nothing for it).
 *
 * The one place where encoded octets become ns-3 packets: MmsPduHeader::CreatePackets() uses it
 * for a PDU, and MmsHttpConnection for an HTTP body given as segments (MmsHttpMessage::bodyRuns).
 * \param segments the runs, in wire order (empty runs are skipped)
 * \return the packets in the same order; empty if every run is empty
 */
std::vector<Ptr<Packet>> MmsSegmentsToPackets(const std::vector<MmsWireSegment>& segments);

} // namespace ns3

#endif /* MMS_HEADER_H */
