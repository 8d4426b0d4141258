/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: SMS TPDUs of TS 23.040 (MmsSmsDeliver, MmsSmsSubmit, MmsSmsDeliverReport). The
// first input octet picks the decoder (modulo 4: 0 SMS-DELIVER, 1 SMS-SUBMIT, 2 SMS-DELIVER-REPORT
// in an RP-ACK, 3 in an RP-ERROR); the rest is the TPDU. Oracle: no crash or sanitizer report; a
// decoded TPDU re-encodes to octets that decode to the same values, and re-encoding those gives
// the same octets again.

#include "mms-sms-tpdu.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace
{

/// Decode, re-encode, decode again: the values and the octets must be stable.
template<typename T, typename Decode>
void
CheckRoundTrip(const uint8_t* data, std::size_t size, Decode decode)
{
    T first;
    ns3::MmsDecodeError e;
    if (!decode(data, size, first, e))
    {
        if (e.message.empty() || e.field.empty() || e.offset > size)
        {
            std::abort(); // every error is named and located within the input
        }
        return;
    }
    std::vector<uint8_t> octets = first.Encode();
    T second;
    if (!decode(octets.data(), octets.size(), second, e) || second != first
        || second.Encode() != octets)
    {
        std::abort();
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size < 1)
    {
        return 0;
    }
    const uint8_t* tpdu = data + 1;
    std::size_t n = size - 1;
    switch (data[0] % 4)
    {
        case 0:
            CheckRoundTrip<ns3::MmsSmsDeliver>(tpdu, n, &ns3::MmsSmsDeliver::Decode);
            break;
        case 1:
            CheckRoundTrip<ns3::MmsSmsSubmit>(tpdu, n, &ns3::MmsSmsSubmit::Decode);
            break;
        default:
        {
            bool isError = data[0] % 4 == 3;
            CheckRoundTrip<ns3::MmsSmsDeliverReport>(tpdu,
                                                     n,
                                                     [isError](const uint8_t* d,
                                                               std::size_t s,
                                                               ns3::MmsSmsDeliverReport& out,
                                                               ns3::MmsDecodeError& e)
                                                     {
                                                         return ns3::MmsSmsDeliverReport::Decode(
                                                             d, s, isError, out, e);
                                                     });
            break;
        }
    }
    return 0;
}
