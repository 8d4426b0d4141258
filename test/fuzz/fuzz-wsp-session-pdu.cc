/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: MmsWspSessionPdu::Decode on arbitrary octets, connection-mode and
// connectionless (a TID octet first).
// Oracle: no crash or sanitizer report; an error is located inside the input; a decoded PDU
// re-encodes to GetEncodedSize() octets, which decode to a PDU that encodes the same again.

#include "mms-wsp-session-pdu.h"

#include <cstdint>
#include <cstdlib>

static void
Check(const uint8_t* data, std::size_t size, bool connectionless)
{
    ns3::MmsWspSessionPdu pdu;
    ns3::MmsDecodeError error;
    if (!ns3::MmsWspSessionPdu::Decode(data, size, connectionless, pdu, error))
    {
        if (error.offset > size)
        {
            std::abort();
        }
        return;
    }
    std::vector<uint8_t> again = pdu.Encode();
    if (again.size() != pdu.GetEncodedSize())
    {
        std::abort();
    }
    ns3::MmsWspSessionPdu second;
    if (!ns3::MmsWspSessionPdu::Decode(again.data(), again.size(), connectionless, second, error)
        || second.Encode() != again)
    {
        std::abort();
    }
    for (const auto& c : pdu.GetCapabilities())
    {
        c.FormatValue();
    }
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    Check(data, size, false);
    Check(data, size, true);
    return 0;
}
