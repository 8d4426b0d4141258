/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: the Internet message / MIME parser (with and without keeping content),
// base64 decoding, RFC 5322 dates and the MM4 field checks. Oracles: no crash or sanitizer
// report; a parsed message written again has exactly its computed size, and parsing and
// writing that text gives the same text (serialization is a fixed point after one round);
// an MM4 message read from it is written and read again to the same text.

#include "mms-internet-message.h"
#include "mms-mm4-message.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    const char* text = reinterpret_cast<const char*>(data);
    ns3::MmsMimeEntity virtualOnly;
    std::string error;
    ns3::MmsMimeEntity::Parse(text, size, virtualOnly, error, false);

    ns3::MmsMimeEntity entity;
    if (ns3::MmsMimeEntity::Parse(text, size, entity, error))
    {
        std::string once = entity.Serialize();
        if (once.size() != entity.GetSerializedSize())
        {
            std::abort();
        }
        ns3::MmsMimeEntity again;
        if (!ns3::MmsMimeEntity::Parse(once.data(), once.size(), again, error)
            || again.Serialize() != once)
        {
            std::abort();
        }
        ns3::MmsMm4Message mm4;
        if (ns3::MmsMm4Message::FromEntity(entity, mm4, error))
        {
            std::string written = mm4.Serialize();
            ns3::MmsMm4Message back;
            if (!ns3::MmsMm4Message::Parse(written.data(), written.size(), back, error)
                || back.Serialize() != written)
            {
                std::abort();
            }
            if (mm4.type == ns3::MmsMm4Type::FORWARD_REQ)
            {
                mm4.ToRetrieveConf("t").Encode();
            }
        }
    }
    std::vector<uint8_t> octets;
    uint64_t n = 0;
    ns3::MmsBase64::Decode(text, size, &octets, n, error);
    uint64_t seconds = 0;
    ns3::MmsImfDate::Parse(std::string(text, size), seconds);
    return 0;
}
