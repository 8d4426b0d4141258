/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: MmsWspPushPdu::Decode, then the MMS PDU inside it, on arbitrary octets.
// Oracle: no crash or sanitizer report; a decoded push re-encodes to an equal push.

#include "mms-pdu.h"
#include "mms-wsp-push.h"

#include <cstdint>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    ns3::MmsWspPushPdu push;
    ns3::MmsDecodeError error;
    if (!ns3::MmsWspPushPdu::Decode(data, size, push, error))
    {
        return 0;
    }
    std::vector<uint8_t> again = push.Encode();
    if (again.size() != push.GetEncodedSize())
    {
        std::abort();
    }
    ns3::MmsWspPushPdu second;
    if (!ns3::MmsWspPushPdu::Decode(again.data(), again.size(), second, error)
        || second.Encode() != again)
    {
        std::abort();
    }
    const std::vector<uint8_t>& inner = push.GetData();
    ns3::MmsPdu pdu;
    ns3::MmsPdu::Decode(inner.data(), inner.size(), pdu, error);
    return 0;
}
