/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: MmsWtpPdu::DecodeDatagram (one PDU or a concatenation), then the WSP
// session PDU each PDU carries, on arbitrary octets.
// Oracle: no crash or sanitizer report; every decoded PDU re-encodes to GetEncodedSize()
// octets, and those octets decode to a PDU that encodes the same again.

#include "mms-wsp-session-pdu.h"
#include "mms-wtp-pdu.h"

#include <cstdint>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    std::vector<ns3::MmsWtpPdu> pdus;
    ns3::MmsDecodeError error;
    bool ok = ns3::MmsWtpPdu::DecodeDatagram(data, size, pdus, error);
    if (!ok && error.offset > size)
    {
        std::abort(); // an error is located inside the input
    }
    for (std::size_t i = 0; i < pdus.size(); ++i)
    {
        if (!ok && i + 1 == pdus.size())
        {
            break; // the PDU that failed
        }
        const ns3::MmsWtpPdu& p = pdus[i];
        std::vector<uint8_t> again = p.Encode();
        if (again.size() != p.GetEncodedSize())
        {
            std::abort();
        }
        ns3::MmsWtpPdu second;
        if (!ns3::MmsWtpPdu::Decode(again.data(), again.size(), second, error)
            || second.Encode() != again || p.GetFields().empty())
        {
            std::abort();
        }
        const std::vector<uint8_t>& inner = p.GetData();
        ns3::MmsWspSessionPdu wsp;
        if (ns3::MmsWspSessionPdu::Decode(inner.data(), inner.size(), false, wsp, error)
            && wsp.Encode().size() != wsp.GetEncodedSize())
        {
            std::abort();
        }
    }
    return 0;
}
