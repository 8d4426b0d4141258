/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "mms-wtp-pdu.h"

#include <sstream>

namespace ns3
{

namespace
{

std::string
HexByte(uint8_t v)
{
    static const char* digits = "0123456789abcdef";
    std::string s = "0x";
    s += digits[v >> 4];
    s += digits[v & 0x0F];
    return s;
}

std::string
YesNo(bool v)
{
    return v ? "1" : "0";
}

// Octet 1 of every PDU (WAP-224-WTP section 8.2): CON, the PDU type, three type-specific bits.
constexpr uint8_t CON_BIT = 0x80;
constexpr uint8_t GTR_BIT = 0x04;
constexpr uint8_t TTR_BIT = 0x02;
constexpr uint8_t RID_BIT = 0x01;

// A TPI's first octet (section 8.4.1): CON, identity (4 bits), length type, short length (2).
constexpr uint8_t TPI_LONG_BIT = 0x04;

} // namespace

// ---------------------------------------------------------------------------------------
// MmsWtpTpi

MmsWtpTpi
MmsWtpTpi::Psn(uint8_t psn)
{
    MmsWtpTpi t;
    t.identity = PSN;
    t.data = {psn};
    return t;
}

MmsWtpTpi
MmsWtpTpi::Option(uint8_t option, uint32_t value)
{
    MmsWtpTpi t;
    t.identity = OPTION;
    t.data.push_back(option);
    std::vector<uint8_t> v;
    do
    {
        v.insert(v.begin(), static_cast<uint8_t>(value & 0xFF));
        value >>= 8;
    } while (value != 0);
    t.data.insert(t.data.end(), v.begin(), v.end());
    t.longForm = t.data.size() > 3;
    return t;
}

MmsWtpTpi
MmsWtpTpi::Info(const std::vector<uint8_t>& data)
{
    MmsWtpTpi t;
    t.identity = INFO;
    t.data = data;
    t.longForm = data.size() > 3;
    return t;
}

std::string
MmsWtpTpi::IdentityName(uint8_t identity)
{
    switch (identity)
    {
        case ERROR:
            return "Error";
        case INFO:
            return "Info";
        case OPTION:
            return "Option";
        case PSN:
            return "PSN";
        case SDU_BOUNDARY:
            return "SDU-Boundary";
        case FRAME_BOUNDARY:
            return "Frame-Boundary";
        default:
            return "TPI-" + HexByte(identity);
    }
}

std::string
MmsWtpTpi::OptionName(uint8_t option)
{
    switch (option)
    {
        case OPT_MAX_RECEIVE_UNIT:
            return "Maximum-Receive-Unit";
        case OPT_TOTAL_MESSAGE_SIZE:
            return "Total-Message-Size";
        case OPT_DELAY_TRANSMISSION:
            return "Delay-Transmission-Timer";
        case OPT_MAX_GROUP:
            return "Maximum-Group";
        case OPT_CURRENT_TID:
            return "Current-TID";
        case OPT_NO_CACHED_TID:
            return "No-Cached-TID";
        default:
            return "Option-" + HexByte(option);
    }
}

std::string
MmsWtpTpi::ToString() const
{
    std::string out = IdentityName(identity);
    if (identity == PSN && data.size() == 1)
    {
        return out + " " + std::to_string(data[0]);
    }
    if (identity == OPTION && !data.empty() && data.size() <= 5)
    {
        uint64_t v = 0;
        for (std::size_t i = 1; i < data.size(); ++i)
        {
            v = (v << 8) | data[i];
        }
        out += " " + OptionName(data[0]);
        return data.size() > 1 ? out + " " + std::to_string(v) : out;
    }
    return data.empty() ? out : out + " hex:" + MmsWspToHex(data);
}

std::size_t
MmsWtpTpi::GetEncodedSize() const
{
    bool isLong = longForm || data.size() > 3;
    return (isLong ? 2 : 1) + data.size();
}

// ---------------------------------------------------------------------------------------
// MmsWtpPdu: construction

MmsWtpPdu
MmsWtpPdu::MakeInvoke(uint16_t tid, uint8_t tcl, const std::vector<uint8_t>& data, bool userAck)
{
    MmsWtpPdu p;
    p.m_type = INVOKE;
    p.m_tid = tid;
    p.m_tcl = tcl & 0x03;
    p.m_userAck = userAck;
    p.m_data = data;
    return p;
}

MmsWtpPdu
MmsWtpPdu::MakeResult(uint16_t tid, const std::vector<uint8_t>& data)
{
    MmsWtpPdu p;
    p.m_type = RESULT;
    p.m_tid = tid | TID_RESPONSE_BIT;
    p.m_data = data;
    return p;
}

MmsWtpPdu
MmsWtpPdu::MakeAck(uint16_t tid, bool tveTok)
{
    MmsWtpPdu p;
    p.m_type = ACK;
    p.m_tid = tid;
    p.m_tveTok = tveTok;
    p.m_ttr = false;
    return p;
}

MmsWtpPdu
MmsWtpPdu::MakeAbort(uint16_t tid, uint8_t type, uint8_t reason)
{
    MmsWtpPdu p;
    p.m_type = ABORT;
    p.m_tid = tid;
    p.m_abortType = type & 0x07;
    p.m_abortReason = reason;
    p.m_ttr = false;
    return p;
}

MmsWtpPdu
MmsWtpPdu::MakeSegment(
    uint8_t type, uint16_t tid, uint8_t psn, bool gtr, bool ttr, const std::vector<uint8_t>& data)
{
    MmsWtpPdu p;
    p.m_type = type;
    p.m_tid = tid;
    p.m_psn = psn;
    p.m_gtr = gtr;
    p.m_ttr = ttr;
    p.m_data = data;
    return p;
}

MmsWtpPdu
MmsWtpPdu::MakeNack(uint16_t tid, const std::vector<uint8_t>& missing)
{
    MmsWtpPdu p;
    p.m_type = NACK;
    p.m_tid = tid;
    p.m_ttr = false;
    p.m_missing = missing;
    if (p.m_missing.size() > 255)
    {
        p.m_missing.resize(255);
    }
    return p;
}

// ---------------------------------------------------------------------------------------
// MmsWtpPdu: accessors

uint8_t
MmsWtpPdu::GetType() const
{
    return m_type;
}

void
MmsWtpPdu::SetType(uint8_t type)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_type = type & 0x0F;
}

uint16_t
MmsWtpPdu::GetTid() const
{
    return m_tid;
}

void
MmsWtpPdu::SetTid(uint16_t tid)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_tid = tid;
}

bool
MmsWtpPdu::IsResponse() const
{
    return (m_tid & TID_RESPONSE_BIT) != 0;
}

uint16_t
MmsWtpPdu::GetTidValue() const
{
    return m_tid & 0x7FFF;
}

bool
MmsWtpPdu::GetGtr() const
{
    return m_gtr;
}

bool
MmsWtpPdu::GetTtr() const
{
    return m_ttr;
}

void
MmsWtpPdu::SetTrailer(bool gtr, bool ttr)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_gtr = gtr;
    m_ttr = ttr;
}

bool
MmsWtpPdu::GetRid() const
{
    return m_rid;
}

void
MmsWtpPdu::SetRid(bool rid)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_rid = rid;
}

uint8_t
MmsWtpPdu::GetVersion() const
{
    return m_version;
}

void
MmsWtpPdu::SetVersion(uint8_t v)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_version = v & 0x03;
}

bool
MmsWtpPdu::GetTidNew() const
{
    return m_tidNew;
}

void
MmsWtpPdu::SetTidNew(bool v)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_tidNew = v;
}

bool
MmsWtpPdu::GetUserAck() const
{
    return m_userAck;
}

void
MmsWtpPdu::SetUserAck(bool v)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_userAck = v;
}

uint8_t
MmsWtpPdu::GetClass() const
{
    return m_tcl;
}

void
MmsWtpPdu::SetClass(uint8_t tcl)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_tcl = tcl & 0x03;
}

bool
MmsWtpPdu::GetTveTok() const
{
    return m_tveTok;
}

void
MmsWtpPdu::SetTveTok(bool v)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_tveTok = v;
}

uint8_t
MmsWtpPdu::GetAbortType() const
{
    return m_abortType;
}

uint8_t
MmsWtpPdu::GetAbortReason() const
{
    return m_abortReason;
}

uint8_t
MmsWtpPdu::GetPsn() const
{
    return m_psn;
}

const std::vector<uint8_t>&
MmsWtpPdu::GetMissing() const
{
    return m_missing;
}

const std::vector<MmsWtpTpi>&
MmsWtpPdu::GetTpis() const
{
    return m_tpis;
}

void
MmsWtpPdu::AddTpi(const MmsWtpTpi& tpi)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_tpis.push_back(tpi);
    if (m_tpis.back().data.size() > 255)
    {
        m_tpis.back().data.resize(255);
    }
}

const std::vector<uint8_t>&
MmsWtpPdu::GetData() const
{
    return m_data;
}

void
MmsWtpPdu::SetData(const std::vector<uint8_t>& data)
{
    m_wasDecoded = false; // the decoded field list no longer describes it
    m_data = data;
}

// ---------------------------------------------------------------------------------------
// MmsWtpPdu: encoding

std::size_t
MmsWtpPdu::GetFixedHeaderSize() const
{
    switch (m_type)
    {
        case RESULT:
        case ACK:
            return 3; // sections 8.3.2, 8.3.3
        case NACK:
            return 4 + m_missing.size(); // section 8.3.7
        default:
            return 4; // Invoke, Abort, segments: sections 8.3.1, 8.3.4 to 8.3.6
    }
}

std::size_t
MmsWtpPdu::GetEncodedSize() const
{
    std::size_t n = GetFixedHeaderSize() + m_data.size();
    for (const auto& t : m_tpis)
    {
        n += t.GetEncodedSize();
    }
    return n;
}

std::vector<uint8_t>
MmsWtpPdu::Encode() const
{
    MmsWspWriter w;
    uint8_t b0 = static_cast<uint8_t>((m_tpis.empty() ? 0 : CON_BIT) | ((m_type & 0x0F) << 3));
    switch (m_type)
    {
        case ACK:
            // Tve/Tok, one reserved bit, RID (section 8.3.3).
            b0 |= (m_tveTok ? 0x04 : 0) | (m_reserved & 0x02) | (m_rid ? RID_BIT : 0);
            break;
        case ABORT:
            b0 |= m_abortType & 0x07; // section 8.3.4
            break;
        case NACK:
            b0 |= (m_reserved & 0x06) | (m_rid ? RID_BIT : 0); // section 8.3.7
            break;
        default:
            b0 |= (m_gtr ? GTR_BIT : 0) | (m_ttr ? TTR_BIT : 0) | (m_rid ? RID_BIT : 0);
            break;
    }
    w.WriteOctet(b0);
    w.WriteOctet(static_cast<uint8_t>(m_tid >> 8));
    w.WriteOctet(static_cast<uint8_t>(m_tid & 0xFF));
    switch (m_type)
    {
        case INVOKE:
            // Version (2 bits), TIDnew, U/P, two reserved bits, TCL (section 8.3.1).
            w.WriteOctet(static_cast<uint8_t>(((m_version & 0x03) << 6) | (m_tidNew ? 0x20 : 0)
                                              | (m_userAck ? 0x10 : 0) | (m_reserved & 0x0C)
                                              | (m_tcl & 0x03)));
            break;
        case ABORT:
            w.WriteOctet(m_abortReason);
            break;
        case SEGMENTED_INVOKE:
        case SEGMENTED_RESULT:
            w.WriteOctet(m_psn);
            break;
        case NACK:
            w.WriteOctet(static_cast<uint8_t>(m_missing.size()));
            w.WriteBytes(m_missing);
            break;
        default:
            break;
    }
    for (std::size_t i = 0; i < m_tpis.size(); ++i)
    {
        const MmsWtpTpi& t = m_tpis[i];
        bool more = i + 1 < m_tpis.size();
        bool isLong = t.longForm || t.data.size() > 3;
        uint8_t h = static_cast<uint8_t>((more ? CON_BIT : 0) | ((t.identity & 0x0F) << 3));
        if (isLong)
        {
            w.WriteOctet(h | TPI_LONG_BIT);
            w.WriteOctet(static_cast<uint8_t>(t.data.size()));
        }
        else
        {
            w.WriteOctet(static_cast<uint8_t>(h | t.data.size()));
        }
        w.WriteBytes(t.data);
    }
    w.WriteBytes(m_data);
    return w.GetBuffer();
}

std::vector<uint8_t>
MmsWtpPdu::EncodeConcatenated(const std::vector<MmsWtpPdu>& pdus)
{
    if (pdus.size() == 1)
    {
        return pdus[0].Encode();
    }
    MmsWspWriter w;
    w.WriteOctet(0x00);
    for (const auto& p : pdus)
    {
        std::vector<uint8_t> one = p.Encode();
        std::size_t n = one.size() > 0x7FFF ? 0x7FFF : one.size();
        if (n <= 0x7F)
        {
            w.WriteOctet(static_cast<uint8_t>(n));
        }
        else
        {
            w.WriteOctet(static_cast<uint8_t>(0x80 | (n >> 8)));
            w.WriteOctet(static_cast<uint8_t>(n & 0xFF));
        }
        w.WriteBytes(one.data(), n);
    }
    return w.GetBuffer();
}

// ---------------------------------------------------------------------------------------
// MmsWtpPdu: decoding

bool
MmsWtpPdu::Decode(const uint8_t* data,
                  std::size_t size,
                  MmsWtpPdu& out,
                  MmsDecodeError& error,
                  std::size_t baseOffset)
{
    out = MmsWtpPdu();
    out.m_wasDecoded = true;
    auto& f = out.m_decoded;
    MmsWspReader r(data, size, baseOffset);
    std::size_t at = r.GetOffset();
    uint8_t b0 = r.ReadOctet("PDU-Type");
    if (!r.Ok())
    {
        error = r.GetError();
        return false;
    }
    bool con = (b0 & CON_BIT) != 0;
    out.m_type = (b0 >> 3) & 0x0F;
    f.push_back({"PDU-Type", TypeName(out.m_type), at});
    if (out.m_type < INVOKE || out.m_type > NACK)
    {
        r.FailAt(
            at, "PDU-Type", "PDU type " + std::to_string(out.m_type) + " is not defined (1 to 7)");
        error = r.GetError();
        return false;
    }
    f.push_back({"CON", YesNo(con), at});
    out.m_ttr = false;
    switch (out.m_type)
    {
        case ACK:
            out.m_tveTok = (b0 & 0x04) != 0;
            out.m_reserved = b0 & 0x02;
            out.m_rid = (b0 & RID_BIT) != 0;
            f.push_back({"Tve/Tok", YesNo(out.m_tveTok), at});
            f.push_back({"RID", YesNo(out.m_rid), at});
            break;
        case ABORT:
            out.m_abortType = b0 & 0x07;
            f.push_back({"Abort-Type",
                         out.m_abortType == ABORT_PROVIDER ? "Provider"
                         : out.m_abortType == ABORT_USER   ? "User"
                                                           : std::to_string(out.m_abortType),
                         at});
            break;
        case NACK:
            out.m_reserved = b0 & 0x06;
            out.m_rid = (b0 & RID_BIT) != 0;
            f.push_back({"RID", YesNo(out.m_rid), at});
            break;
        default:
            out.m_gtr = (b0 & GTR_BIT) != 0;
            out.m_ttr = (b0 & TTR_BIT) != 0;
            out.m_rid = (b0 & RID_BIT) != 0;
            f.push_back({"GTR", YesNo(out.m_gtr), at});
            f.push_back({"TTR", YesNo(out.m_ttr), at});
            f.push_back({"RID", YesNo(out.m_rid), at});
            break;
    }
    at = r.GetOffset();
    uint8_t hi = r.ReadOctet("TID");
    uint8_t lo = r.ReadOctet("TID");
    if (r.Ok())
    {
        out.m_tid = static_cast<uint16_t>((hi << 8) | lo);
        f.push_back({"TID", std::to_string(out.GetTidValue()), at});
        f.push_back({"TID-Response", YesNo(out.IsResponse()), at});
    }
    at = r.GetOffset();
    switch (out.m_type)
    {
        case INVOKE:
        {
            uint8_t b3 = r.ReadOctet("TCL");
            if (r.Ok())
            {
                out.m_version = b3 >> 6;
                out.m_tidNew = (b3 & 0x20) != 0;
                out.m_userAck = (b3 & 0x10) != 0;
                out.m_reserved = b3 & 0x0C;
                out.m_tcl = b3 & 0x03;
                f.push_back({"Version", std::to_string(out.m_version), at});
                f.push_back({"TIDnew", YesNo(out.m_tidNew), at});
                f.push_back({"U/P", YesNo(out.m_userAck), at});
                f.push_back({"TCL", std::to_string(out.m_tcl), at});
            }
            break;
        }
        case ABORT:
            out.m_abortReason = r.ReadOctet("Abort-Reason");
            if (r.Ok())
            {
                f.push_back({"Abort-Reason",
                             out.m_abortType == ABORT_PROVIDER
                                 ? ProviderReasonName(out.m_abortReason)
                                 : HexByte(out.m_abortReason),
                             at});
            }
            break;
        case SEGMENTED_INVOKE:
        case SEGMENTED_RESULT:
            out.m_psn = r.ReadOctet("PSN");
            if (r.Ok())
            {
                f.push_back({"PSN", std::to_string(out.m_psn), at});
            }
            break;
        case NACK:
        {
            uint8_t n = r.ReadOctet("Missing-Packets");
            if (r.Ok() && r.GetRemaining() < n)
            {
                r.FailAt(at,
                         "Missing-Packets",
                         "count " + std::to_string(n) + " exceeds the "
                             + std::to_string(r.GetRemaining()) + " octets left");
            }
            out.m_missing = r.ReadBytes(n, "Missing-Packets");
            if (r.Ok())
            {
                std::string list;
                for (uint8_t p : out.m_missing)
                {
                    list += (list.empty() ? "" : ",") + std::to_string(p);
                }
                f.push_back({"Missing-Packets", list, at});
            }
            break;
        }
        default:
            break;
    }
    // TPIs (section 8.4): each TPI's CON says whether another follows.
    while (r.Ok() && con)
    {
        at = r.GetOffset();
        uint8_t h = r.ReadOctet("TPI");
        MmsWtpTpi t;
        con = (h & CON_BIT) != 0;
        t.identity = (h >> 3) & 0x0F;
        t.longForm = (h & TPI_LONG_BIT) != 0;
        std::size_t len = h & 0x03;
        if (r.Ok() && t.longForm)
        {
            if ((h & 0x03) != 0)
            {
                r.Warn("long TPI with non-zero reserved bits");
            }
            len = r.ReadOctet("TPI-Length");
        }
        if (r.Ok() && r.GetRemaining() < len)
        {
            r.FailAt(at,
                     "TPI",
                     MmsWtpTpi::IdentityName(t.identity) + " TPI length " + std::to_string(len)
                         + " exceeds the " + std::to_string(r.GetRemaining()) + " octets left");
        }
        t.data = r.ReadBytes(len, "TPI");
        if (r.Ok())
        {
            f.push_back({"TPI", t.ToString(), at});
            out.m_tpis.push_back(std::move(t));
        }
    }
    if (r.Ok() && !r.IsAtEnd())
    {
        at = r.GetOffset();
        out.m_data = r.ReadBytes(r.GetRemaining(), "Data");
        f.push_back({"Data", std::to_string(out.m_data.size()) + " octets", at});
    }
    if (!r.Ok())
    {
        error = r.GetError();
        return false;
    }
    return true;
}

bool
MmsWtpPdu::DecodeDatagram(const uint8_t* data,
                          std::size_t size,
                          std::vector<MmsWtpPdu>& out,
                          MmsDecodeError& error)
{
    out.clear();
    if (size == 0 || data[0] != 0x00)
    {
        out.emplace_back();
        return Decode(data, size, out.back(), error);
    }
    MmsWspReader r(data, size);
    r.ReadOctet("Concatenation");
    while (r.Ok() && !r.IsAtEnd())
    {
        std::size_t at = r.GetOffset();
        uint8_t b = r.ReadOctet("PDU-Length");
        std::size_t len = b;
        if (b & 0x80)
        {
            len = static_cast<std::size_t>((b & 0x7F) << 8) | r.ReadOctet("PDU-Length");
        }
        if (r.Ok() && (len == 0 || r.GetRemaining() < len))
        {
            r.FailAt(at,
                     "PDU-Length",
                     "length " + std::to_string(len) + (len == 0 ? " is empty" : " exceeds the ")
                         + (len == 0 ? "" : std::to_string(r.GetRemaining()) + " octets left"));
        }
        if (!r.Ok())
        {
            break;
        }
        std::size_t start = r.GetOffset();
        const uint8_t* p = r.Current();
        r.Skip(len, "PDU");
        out.emplace_back();
        if (!Decode(p, len, out.back(), error, start))
        {
            return false;
        }
    }
    if (!r.Ok())
    {
        error = r.GetError();
        return false;
    }
    return true;
}

std::vector<MmsDecodedField>
MmsWtpPdu::Describe() const
{
    std::vector<uint8_t> b = Encode();
    MmsWtpPdu again;
    MmsDecodeError e;
    Decode(b.data(), b.size(), again, e);
    return again.m_decoded;
}

std::vector<MmsDecodedField>
MmsWtpPdu::GetFields() const
{
    return m_wasDecoded ? m_decoded : Describe();
}

std::string
MmsWtpPdu::TypeName(uint8_t type)
{
    switch (type)
    {
        case INVOKE:
            return "Invoke";
        case RESULT:
            return "Result";
        case ACK:
            return "Ack";
        case ABORT:
            return "Abort";
        case SEGMENTED_INVOKE:
            return "Segmented-Invoke";
        case SEGMENTED_RESULT:
            return "Segmented-Result";
        case NACK:
            return "Negative-Ack";
        default:
            return "Type-" + HexByte(type);
    }
}

std::string
MmsWtpPdu::ProviderReasonName(uint8_t reason)
{
    static const char* names[] = {"UNKNOWN",
                                  "PROTOERR",
                                  "INVALIDTID",
                                  "NOTIMPLEMENTEDCL2",
                                  "NOTIMPLEMENTEDSAR",
                                  "NOTIMPLEMENTEDUACK",
                                  "WTPVERSIONONE",
                                  "CAPTEMPEXCEEDED",
                                  "NORESPONSE",
                                  "MESSAGETOOLARGE",
                                  "NOTIMPLEMENTEDESAR"};
    return reason <= REASON_NOTIMPLEMENTEDESAR ? names[reason] : HexByte(reason);
}

bool
MmsWtpPdu::operator==(const MmsWtpPdu& o) const
{
    return Encode() == o.Encode();
}

} // namespace ns3
