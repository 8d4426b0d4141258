/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: the HTTP/1.1 parser (fed in two chunks split at the first input octet's
// value) and the PAP parsers (push-message, push-response, multipart/related request). Oracle:
// no crash or sanitizer report; a parsed push-message re-serialises to a document that parses
// to an equal push-message.

#include "mms-http-message.h"
#include "mms-pap-message.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    std::size_t cut = data[0] % size;
    ns3::MmsHttpParser server(true);
    server.SetMaxBodySize(1 << 16);
    server.Feed(data + 1, cut > 0 ? cut - 1 : 0);
    server.Feed(data + cut, size - cut);
    while (server.HasMessage())
    {
        ns3::MmsHttpMessage m = server.PopMessage();
        ns3::MmsPapRequest request;
        std::string error;
        ns3::MmsPapRequest::Decode(m.GetHeader("Content-Type"), m.body, request, error);
    }
    ns3::MmsHttpParser client(false);
    client.Feed(data, size);

    std::string text(reinterpret_cast<const char*>(data), size);
    ns3::MmsPapPushMessage pm;
    std::string error;
    if (ns3::MmsPapPushMessage::FromXml(text, pm, error))
    {
        ns3::MmsPapPushMessage again;
        if (!ns3::MmsPapPushMessage::FromXml(pm.ToXml(), again, error) || !(again == pm))
        {
            std::abort();
        }
    }
    ns3::MmsPapPushResponse pr;
    ns3::MmsPapPushResponse::FromXml(text, pr, error);
    return 0;
}
