/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: MmsPdu::Decode on arbitrary octets. Oracle: no crash or sanitizer report,
// and whatever decodes re-encodes to octets that decode to an equal PDU of the same size.

#include "mms-pdu.h"

#include <cstdint>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    ns3::MmsPdu pdu;
    ns3::MmsDecodeError error;
    if (!ns3::MmsPdu::Decode(data, size, pdu, error))
    {
        if (error.message.empty())
        {
            std::abort(); // a failure must say why
        }
        return 0;
    }
    std::vector<uint8_t> again = pdu.Encode();
    if (again.size() != pdu.GetEncodedSize())
    {
        std::abort();
    }
    ns3::MmsPdu second;
    ns3::MmsDecodeError error2;
    if (!ns3::MmsPdu::Decode(again.data(), again.size(), second, error2) || !(second == pdu))
    {
        std::abort();
    }
    return 0;
}
