/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: SMS TPDUs (SmsDeliver, SmsSubmit, SmsDeliverReport). The first octet picks
// the decoder, the rest is the TPDU. Oracle: no crash or sanitizer report; a decoded TPDU
// re-encodes to octets that decode to the same values.

#include "sms-tpdu.h"

#include <cstdint>
#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size < 1)
    {
        return 0;
    }
    const uint8_t* p = data + 1;
    std::size_t n = size - 1;
    ns3::DecodeError e;
    switch (data[0] % 4)
    {
        case 0:
        {
            ns3::SmsDeliver d;
            if (ns3::SmsDeliver::Decode(p, n, d, e))
            {
                std::vector<uint8_t> again = d.Encode();
                ns3::SmsDeliver t;
                // Values that do not survive re-encoding by design: a negative zero time zone and
                // digits other than 0-9 (filler-free re-encoding of '*', '#', a-c is exact).
                if (!ns3::SmsDeliver::Decode(again.data(), again.size(), t, e) || !(t == d))
                {
                    std::abort();
                }
            }
            break;
        }
        case 1:
        {
            ns3::SmsSubmit s;
            if (ns3::SmsSubmit::Decode(p, n, s, e))
            {
                std::vector<uint8_t> again = s.Encode();
                ns3::SmsSubmit t;
                if (!ns3::SmsSubmit::Decode(again.data(), again.size(), t, e) || !(t == s))
                {
                    std::abort();
                }
            }
            break;
        }
        default:
        {
            ns3::SmsDeliverReport r;
            bool isError = data[0] % 4 == 3;
            if (ns3::SmsDeliverReport::Decode(p, n, isError, r, e))
            {
                std::vector<uint8_t> again = r.Encode();
                ns3::SmsDeliverReport t;
                if (!ns3::SmsDeliverReport::Decode(again.data(), again.size(), isError, t, e)
                    || t.failureCause != r.failureCause
                    || t.parameterIndicator != r.parameterIndicator)
                {
                    std::abort();
                }
            }
            break;
        }
    }
    return 0;
}
