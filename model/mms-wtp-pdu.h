/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_WTP_PDU_H
#define MMS_WTP_PDU_H

/**
 * \file
 * \ingroup mms-codec
 * WTP PDUs (WAP-224-WTP section 8): Invoke, Result, Ack, Abort, Segmented Invoke, Segmented
 * Result and Negative Ack with their Transport Information Items (TPIs), and the concatenation
 * of several PDUs in one datagram. Plain C++: no ns-3.
 */

#include "mms-wsp-codec.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief One field a decoder read, by name, with its display value and where it started.
 *
 * The WTP and WSP session decoders list the fields they read in this form, in wire order, so
 * that a tool can show what was decoded before an error (as Wireshark does with a malformed
 * packet).
 */
struct MmsDecodedField
{
    std::string name;      //!< the field's name as the specification spells it
    std::string value;     //!< its value for display
    std::size_t offset{0}; //!< offset of its first octet in the input
};

/**
 * \ingroup mms-codec
 * \brief A Transport Information Item (WAP-224-WTP section 8.4): identity and data.
 *
 * On the wire (section 8.4.1): the first octet holds the continue flag (another TPI follows),
 * the 4-bit identity and the length type; a short TPI (length type 0) carries its data length,
 * 0 to 3, in the two low bits; a long TPI (length type 1) carries it in the next octet, 0 to 255.
 */
struct MmsWtpTpi
{
    static constexpr uint8_t ERROR = 0x00;          //!< Error TPI (section 8.4.2)
    static constexpr uint8_t INFO = 0x01;           //!< Info TPI (section 8.4.3)
    static constexpr uint8_t OPTION = 0x02;         //!< Option TPI (section 8.4.4)
    static constexpr uint8_t PSN = 0x03;            //!< Packet Sequence Number TPI (8.4.5)
    static constexpr uint8_t SDU_BOUNDARY = 0x04;   //!< SDU Boundary TPI (section 8.4.6)
    static constexpr uint8_t FRAME_BOUNDARY = 0x05; //!< Frame Boundary TPI (section 8.4.7)

    /// Option identities of the Option TPI (WAP-224-WTP section 8.4.4, Table 8).
    static constexpr uint8_t OPT_MAX_RECEIVE_UNIT = 0x01;   //!< Maximum Receive Unit
    static constexpr uint8_t OPT_TOTAL_MESSAGE_SIZE = 0x02; //!< Total message size
    static constexpr uint8_t OPT_DELAY_TRANSMISSION = 0x03; //!< Delay transmission timer
    static constexpr uint8_t OPT_MAX_GROUP = 0x04;          //!< Maximum group size
    static constexpr uint8_t OPT_CURRENT_TID = 0x05;        //!< Current TID
    static constexpr uint8_t OPT_NO_CACHED_TID = 0x06;      //!< No cached TID

    uint8_t identity{INFO};    //!< the TPI identity, 0..15
    bool longForm{false};      //!< written in the long form (a length octet) even if short
    std::vector<uint8_t> data; //!< the TPI's data octets (up to 255)

    /**
     * \brief A Packet Sequence Number TPI (one octet), as an Ack of a packet group carries it.
     * \param psn the sequence number
     * \return the TPI
     */
    static MmsWtpTpi Psn(uint8_t psn);
    /**
     * \brief An Option TPI: the option identity, then its value (big-endian, fewest octets).
     * \param option the option identity (OPT_...)
     * \param value the option value
     * \return the TPI
     */
    static MmsWtpTpi Option(uint8_t option, uint32_t value);
    /**
     * \brief An Info TPI carrying free data.
     * \param data the octets
     * \return the TPI
     */
    static MmsWtpTpi Info(const std::vector<uint8_t>& data);

    /**
     * \brief The name of a TPI identity.
     * \param identity the identity
     * \return "Error", "Info", "Option", "PSN", "SDU-Boundary", "Frame-Boundary" or "TPI-0xN"
     */
    static std::string IdentityName(uint8_t identity);
    /**
     * \brief The name of an Option TPI's option identity.
     * \param option the option identity
     * \return "Maximum-Receive-Unit", "Total-Message-Size", ... or "Option-0xN"
     */
    static std::string OptionName(uint8_t option);
    /**
     * \brief The TPI for display: identity and data, decoded for PSN and Option TPIs.
     * \return e.g. "PSN 3", "Option Maximum-Group 9600", "Info hex:0102"
     */
    std::string ToString() const;
    /**
     * \brief The encoded size, the header octet(s) included.
     * \return 1 + data size for a short TPI, 2 + data size for a long one
     */
    std::size_t GetEncodedSize() const;

    /**
     * \brief Equal identity, form and data.
     * \param o the other TPI
     * \return true if equal
     */
    bool operator==(const MmsWtpTpi& o) const
    {
        return identity == o.identity && longForm == o.longForm && data == o.data;
    }

    /**
     * \brief Negation of operator==.
     * \param o the other TPI
     * \return true if they differ
     */
    bool operator!=(const MmsWtpTpi& o) const
    {
        return !(*this == o);
    }
};

/**
 * \ingroup mms-codec
 * \brief A WTP PDU (WAP-224-WTP section 8.3): fixed header, TPIs, and the user data.
 *
 * The first octet of every PDU holds CON (TPIs follow the fixed header), the 4-bit PDU type
 * and three type-specific bits; the TID follows in two octets, big-endian. Its most
 * significant bit is the direction (see IsResponse()): the initiator sends with the bit clear
 * and the responder answers with it set. The fixed headers (section 8.3):
 *
 * | PDU | octet 1 low bits | then |
 * |---|---|---|
 * | Invoke (1) | GTR TTR RID | TID, version(2) TIDnew U/P RES(2) TCL(2) |
 * | Result (2) | GTR TTR RID | TID |
 * | Ack (3) | Tve/Tok RES RID | TID |
 * | Abort (4) | abort type (3 bits) | TID, abort reason |
 * | Segmented Invoke (5), Segmented Result (6) | GTR TTR RID | TID, PSN |
 * | Negative Ack (7) | RES(2) RID | TID, number of missing packets, their PSNs |
 *
 * Decode() keeps reserved bits as they came, so every PDU it accepts re-encodes octet for
 * octet. It fails, with the field and its offset, on a truncated header or TPI, on PDU type 0
 * or 8..15, and on a Negative Ack shorter than its count of missing packets. GetFields()
 * lists the fields in wire order (after a failed Decode(), those read before the error).
 *
 * \code
 * MmsWtpPdu inv = MmsWtpPdu::MakeInvoke(1, MmsWtpPdu::CLASS_2, connectPdu);
 * std::vector<uint8_t> d = inv.Encode(); // 0a 00 01 12 01 10 ...
 * \endcode
 */
class MmsWtpPdu
{
  public:
    static constexpr uint8_t INVOKE = 0x01;           //!< Invoke (section 8.3.1)
    static constexpr uint8_t RESULT = 0x02;           //!< Result (section 8.3.2)
    static constexpr uint8_t ACK = 0x03;              //!< Ack (section 8.3.3)
    static constexpr uint8_t ABORT = 0x04;            //!< Abort (section 8.3.4)
    static constexpr uint8_t SEGMENTED_INVOKE = 0x05; //!< Segmented Invoke (section 8.3.5)
    static constexpr uint8_t SEGMENTED_RESULT = 0x06; //!< Segmented Result (section 8.3.6)
    static constexpr uint8_t NACK = 0x07;             //!< Negative Ack (section 8.3.7)

    static constexpr uint8_t CLASS_0 = 0; //!< unreliable invoke, no result (section 5.2)
    static constexpr uint8_t CLASS_1 = 1; //!< reliable invoke, no result
    static constexpr uint8_t CLASS_2 = 2; //!< reliable invoke, reliable result

    static constexpr uint8_t ABORT_PROVIDER = 0x00; //!< abort type: by WTP (section 8.3.4)
    static constexpr uint8_t ABORT_USER = 0x01;     //!< abort type: by the WTP user (WSP)

    /// Provider abort reasons (WAP-224-WTP section 8.3.4.1, Table 7).
    static constexpr uint8_t REASON_UNKNOWN = 0x00;            //!< generic error
    static constexpr uint8_t REASON_PROTOERR = 0x01;           //!< protocol error
    static constexpr uint8_t REASON_INVALIDTID = 0x02;         //!< invalid TID
    static constexpr uint8_t REASON_NOTIMPLEMENTEDCL2 = 0x03;  //!< class 2 not implemented
    static constexpr uint8_t REASON_NOTIMPLEMENTEDSAR = 0x04;  //!< SAR not implemented
    static constexpr uint8_t REASON_NOTIMPLEMENTEDUACK = 0x05; //!< user ack not implemented
    static constexpr uint8_t REASON_WTPVERSIONONE = 0x06;      //!< peer speaks version 1
    static constexpr uint8_t REASON_CAPTEMPEXCEEDED = 0x07;    //!< capacity exceeded
    static constexpr uint8_t REASON_NORESPONSE = 0x08;         //!< no response
    static constexpr uint8_t REASON_MESSAGETOOLARGE = 0x09;    //!< message too large
    static constexpr uint8_t REASON_NOTIMPLEMENTEDESAR = 0x0A; //!< extended SAR unsupported

    static constexpr uint16_t TID_RESPONSE_BIT = 0x8000; //!< the TID's direction bit

    /// An Invoke, class 2, TID 0, TTR set, no TPIs and no data.
    MmsWtpPdu() = default;

    /**
     * \brief An Invoke carrying a whole message (TTR set, GTR clear).
     * \param tid the TID (the initiator's: bit 15 clear)
     * \param tcl the transaction class, 0..2
     * \param data the user data (a WSP PDU)
     * \param userAck the U/P flag: user acknowledgement required
     * \return the PDU
     */
    static MmsWtpPdu MakeInvoke(uint16_t tid,
                                uint8_t tcl,
                                const std::vector<uint8_t>& data,
                                bool userAck = true);
    /**
     * \brief A Result carrying a whole message, TID with the response bit set.
     * \param tid the transaction's TID (bit 15 is set here)
     * \param data the user data
     * \return the PDU
     */
    static MmsWtpPdu MakeResult(uint16_t tid, const std::vector<uint8_t>& data);
    /**
     * \brief An Ack.
     * \param tid the TID as it goes on the wire (the caller sets the response bit)
     * \param tveTok the Tve/Tok flag (TID verification / TID OK)
     * \return the PDU
     */
    static MmsWtpPdu MakeAck(uint16_t tid, bool tveTok = false);
    /**
     * \brief An Abort.
     * \param tid the TID as it goes on the wire
     * \param type ABORT_PROVIDER or ABORT_USER
     * \param reason the abort reason (REASON_... for the provider; a WSP reason for the user)
     * \return the PDU
     */
    static MmsWtpPdu MakeAbort(uint16_t tid, uint8_t type, uint8_t reason);
    /**
     * \brief A Segmented Invoke or Segmented Result.
     * \param type SEGMENTED_INVOKE or SEGMENTED_RESULT
     * \param tid the TID as it goes on the wire
     * \param psn the packet sequence number (1..255; the first segment is the Invoke/Result)
     * \param gtr last packet of a group
     * \param ttr last packet of the message
     * \param data the segment's octets
     * \return the PDU
     */
    static MmsWtpPdu MakeSegment(uint8_t type,
                                 uint16_t tid,
                                 uint8_t psn,
                                 bool gtr,
                                 bool ttr,
                                 const std::vector<uint8_t>& data);
    /**
     * \brief A Negative Ack asking for missing packets.
     * \param tid the TID as it goes on the wire
     * \param missing the PSNs of the missing packets (at most 255)
     * \return the PDU
     */
    static MmsWtpPdu MakeNack(uint16_t tid, const std::vector<uint8_t>& missing);

    /**
     * \brief The PDU type.
     * \return INVOKE .. NACK
     */
    uint8_t GetType() const;
    /**
     * \brief Set the PDU type (fields that the type does not carry are not encoded).
     * \param type INVOKE .. NACK
     */
    void SetType(uint8_t type);
    /**
     * \brief The TID as on the wire, direction bit included.
     * \return the 16-bit TID
     */
    uint16_t GetTid() const;
    /**
     * \brief Set the TID as on the wire.
     * \param tid the 16-bit TID, direction bit included
     */
    void SetTid(uint16_t tid);
    /**
     * \brief Whether the TID's most significant bit is set: the PDU goes from the responder to
     * the initiator (WAP-224-WTP section 8.2: the initiator sends the TID with the bit clear,
     * the responder returns it with the bit set).
     * \return true for a response PDU
     */
    bool IsResponse() const;
    /**
     * \brief The TID without its direction bit.
     * \return 0..32767
     */
    uint16_t GetTidValue() const;
    /**
     * \brief The Group Trailer flag (Invoke, Result, segments).
     * \return GTR
     */
    bool GetGtr() const;
    /**
     * \brief The Transmission Trailer flag (Invoke, Result, segments).
     * \return TTR
     */
    bool GetTtr() const;
    /**
     * \brief Set the trailer flags: GTR TTR = 00 not last packet, 01 last packet of the message,
     * 10 last packet of a group, 11 segmentation and reassembly not supported (section 8.3.1).
     * \param gtr group trailer
     * \param ttr transmission trailer
     */
    void SetTrailer(bool gtr, bool ttr);
    /**
     * \brief The Re-transmission Indicator (all types but Abort).
     * \return RID
     */
    bool GetRid() const;
    /**
     * \brief Set the Re-transmission Indicator.
     * \param rid true on a retransmission
     */
    void SetRid(bool rid);
    /**
     * \brief The Invoke's version field (2 bits; 0 is the current version).
     * \return 0..3
     */
    uint8_t GetVersion() const;
    /**
     * \brief Set the Invoke's version field.
     * \param v 0..3
     */
    void SetVersion(uint8_t v);
    /**
     * \brief The Invoke's TIDnew flag (the initiator's TID wrapped or was reset).
     * \return TIDnew
     */
    bool GetTidNew() const;
    /**
     * \brief Set the Invoke's TIDnew flag.
     * \param v TIDnew
     */
    void SetTidNew(bool v);
    /**
     * \brief The Invoke's U/P flag (user acknowledgement required).
     * \return U/P
     */
    bool GetUserAck() const;
    /**
     * \brief Set the Invoke's U/P flag.
     * \param v U/P
     */
    void SetUserAck(bool v);
    /**
     * \brief The Invoke's transaction class.
     * \return 0..3 (3 is not defined; it decodes and re-encodes)
     */
    uint8_t GetClass() const;
    /**
     * \brief Set the Invoke's transaction class.
     * \param tcl CLASS_0, CLASS_1 or CLASS_2
     */
    void SetClass(uint8_t tcl);
    /**
     * \brief The Ack's Tve/Tok flag.
     * \return Tve/Tok
     */
    bool GetTveTok() const;
    /**
     * \brief Set the Ack's Tve/Tok flag.
     * \param v Tve/Tok
     */
    void SetTveTok(bool v);
    /**
     * \brief The Abort's type (3 bits).
     * \return ABORT_PROVIDER, ABORT_USER or another 3-bit value as decoded
     */
    uint8_t GetAbortType() const;
    /**
     * \brief The Abort's reason.
     * \return the reason octet
     */
    uint8_t GetAbortReason() const;
    /**
     * \brief The segment's packet sequence number (Segmented Invoke and Result).
     * \return the PSN
     */
    uint8_t GetPsn() const;
    /**
     * \brief The Negative Ack's missing packets.
     * \return their PSNs
     */
    const std::vector<uint8_t>& GetMissing() const;
    /**
     * \brief The TPIs, in wire order.
     * \return the TPIs
     */
    const std::vector<MmsWtpTpi>& GetTpis() const;
    /**
     * \brief Append a TPI (CON is set on encoding).
     * \param tpi the TPI (data of at most 255 octets)
     */
    void AddTpi(const MmsWtpTpi& tpi);
    /**
     * \brief The user data after the header and TPIs (a WSP PDU or a segment of one).
     * \return the octets
     */
    const std::vector<uint8_t>& GetData() const;
    /**
     * \brief Set the user data.
     * \param data the octets
     */
    void SetData(const std::vector<uint8_t>& data);

    /**
     * \brief The encoded size, computed without encoding.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Encode.
     * \return the octets
     */
    std::vector<uint8_t> Encode() const;
    /**
     * \brief Decode one PDU; the octets after the header and TPIs are its data.
     * \param data the octets
     * \param size their number
     * \param out receives the PDU (reset first; partial on failure, GetFields() included)
     * \param error receives what is wrong and where, on failure
     * \param baseOffset offset of data[0] in a larger input (a concatenation), for errors
     * \return false when malformed
     */
    static bool Decode(const uint8_t* data,
                       std::size_t size,
                       MmsWtpPdu& out,
                       MmsDecodeError& error,
                       std::size_t baseOffset = 0);
    /**
     * \brief Decode a datagram: one PDU, or a concatenation (WAP-224-WTP section 8.5: a first
     * octet 0x00, then each PDU after its length, one octet up to 127 or two octets with the
     * top bit set, up to 32767).
     * \param data the octets
     * \param size their number
     * \param out receives the PDUs (cleared first; those decoded before an error on failure)
     * \param error receives what is wrong and where, on failure
     * \return false when malformed
     */
    static bool DecodeDatagram(const uint8_t* data,
                               std::size_t size,
                               std::vector<MmsWtpPdu>& out,
                               MmsDecodeError& error);
    /**
     * \brief Concatenate PDUs into one datagram (WAP-224-WTP section 8.5); a single PDU is
     * returned as it is.
     * \param pdus the PDUs (each at most 32767 octets)
     * \return the datagram
     */
    static std::vector<uint8_t> EncodeConcatenated(const std::vector<MmsWtpPdu>& pdus);

    /**
     * \brief The fields in wire order: as decoded (offsets in the input Decode() read), or,
     * for a PDU that was built or changed since, as Encode() writes them.
     * \return name, display value and offset of each field
     */
    std::vector<MmsDecodedField> GetFields() const;
    /**
     * \brief The name of a PDU type.
     * \param type the 4-bit type
     * \return "Invoke", "Result", "Ack", "Abort", "Segmented-Invoke", "Segmented-Result",
     * "Negative-Ack" or "Type-0xN"
     */
    static std::string TypeName(uint8_t type);
    /**
     * \brief The name of a provider abort reason.
     * \param reason the reason octet
     * \return "PROTOERR", "INVALIDTID", ... (WAP-224-WTP Table 7) or "0xNN"
     */
    static std::string ProviderReasonName(uint8_t reason);

    /**
     * \brief Whether both encode to the same octets (fields, TPIs, data; the decoded field
     * list is not compared).
     * \param o the other PDU
     * \return true if both are equal
     */
    bool operator==(const MmsWtpPdu& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other PDU
     * \return true if they differ
     */
    bool operator!=(const MmsWtpPdu& o) const
    {
        return !(*this == o);
    }

  private:
    std::size_t GetFixedHeaderSize() const;
    std::vector<MmsDecodedField> Describe() const;

    uint8_t m_type{INVOKE};
    uint16_t m_tid{0};
    bool m_gtr{false};
    bool m_ttr{true};
    bool m_rid{false};
    uint8_t m_version{0};
    bool m_tidNew{false};
    bool m_userAck{false};
    uint8_t m_reserved{0}; //!< reserved bits of the fixed header, in place, as decoded
    uint8_t m_tcl{CLASS_2};
    bool m_tveTok{false};
    uint8_t m_abortType{ABORT_PROVIDER};
    uint8_t m_abortReason{0};
    uint8_t m_psn{0};
    std::vector<uint8_t> m_missing;
    std::vector<MmsWtpTpi> m_tpis;
    std::vector<uint8_t> m_data;
    std::vector<MmsDecodedField> m_decoded; //!< fields read by Decode()
    bool m_wasDecoded{false};
};

} // namespace ns3

#endif /* MMS_WTP_PDU_H */
