/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: SMS TP-User-Data with a user data header (MmsWdpSmsSegment::Decode), fed to a
// reassembler. The input is split into segments at 0xFF 0xFF markers, so the fuzzer can build
// multi-segment sequences. Oracle: no crash or sanitizer report; a decoded segment re-encodes to
// octets that decode to the same ports, concatenation fields and payload.

#include "mms-wdp-sms.h"

#include <cstdint>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    ns3::MmsWdpSmsReassembler reassembler(4);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= size; ++i)
    {
        bool cut = i == size || (i + 1 < size && data[i] == 0xFF && data[i + 1] == 0xFF);
        if (!cut)
        {
            continue;
        }
        ns3::MmsWdpSmsSegment s;
        ns3::MmsDecodeError e;
        if (ns3::MmsWdpSmsSegment::Decode(data + start, i - start, s, e))
        {
            std::vector<uint8_t> again = s.Encode();
            ns3::MmsWdpSmsSegment t;
            if (!ns3::MmsWdpSmsSegment::Decode(again.data(), again.size(), t, e)
                || t.payload != s.payload || t.hasPorts != s.hasPorts
                || t.destinationPort != s.destinationPort || t.concatenated != s.concatenated
                || t.total != s.total || t.sequence != s.sequence || t.reference != s.reference)
            {
                std::abort();
            }
            reassembler.Add("fuzz", s, nullptr);
            while (reassembler.HasDatagram())
            {
                reassembler.PopDatagram();
            }
        }
        start = i + 2;
        ++i;
    }
    return 0;
}
