/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: the HTTP/1.1 parser (fed in two chunks split at the first input octet's
// value) and the PAP parsers (push-message, push-response, multipart/related request). Oracle:
// no crash or sanitizer report; a parsed push-message re-serialises to a document that parses
// to an equal push-message.

#include "http-message.h"
#include "pap-message.h"

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
    ns3::HttpParser server(true);
    server.SetMaxBodySize(1 << 16);
    server.Feed(data + 1, cut > 0 ? cut - 1 : 0);
    server.Feed(data + cut, size - cut);
    while (server.HasMessage())
    {
        ns3::HttpMessage m = server.PopMessage();
        ns3::PapRequest request;
        std::string error;
        ns3::PapRequest::Decode(m.GetHeader("Content-Type"), m.body, request, error);
    }
    ns3::HttpParser client(false);
    client.Feed(data, size);

    std::string text(reinterpret_cast<const char*>(data), size);
    ns3::PapPushMessage pm;
    std::string error;
    if (ns3::PapPushMessage::FromXml(text, pm, error))
    {
        ns3::PapPushMessage again;
        if (!ns3::PapPushMessage::FromXml(pm.ToXml(), again, error) || !(again == pm))
        {
            std::abort();
        }
    }
    ns3::PapPushResponse pr;
    ns3::PapPushResponse::FromXml(text, pr, error);
    return 0;
}
