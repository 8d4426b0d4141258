/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: the MM7 codec. The input is read as an XML document, as a SOAP envelope
// and as the body of a multipart/related MM7 request. Oracles: no crash or sanitizer report
// (the reader never reads past the input); an element that parses is written and parsed back
// to the same element; an MM7 message that parses is written as SOAP and as HTTP and read back
// to the same message.

#include "mms-mm7-message.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    const char* text = reinterpret_cast<const char*>(data);
    ns3::MmsXmlElement e;
    std::string error;
    if (ns3::MmsXmlElement::Parse(text, size, e, error))
    {
        std::string again = e.Serialize();
        ns3::MmsXmlElement back;
        if (!ns3::MmsXmlElement::Parse(again.data(), again.size(), back, error) || !(back == e))
        {
            std::abort();
        }
    }
    ns3::MmsMm7Message m;
    if (ns3::MmsMm7Message::ParseSoap(text, size, m, error))
    {
        std::string soap = m.SerializeSoap();
        ns3::MmsMm7Message back;
        if (!ns3::MmsMm7Message::ParseSoap(soap.data(), soap.size(), back, error) || !(back == m))
        {
            std::abort();
        }
    }
    ns3::MmsMm7Message related;
    if (ns3::MmsMm7Message::FromBody("multipart/related; boundary=\"b\"; start=\"<s>\"",
                                     text,
                                     size,
                                     related,
                                     error))
    {
        ns3::MmsHttpMessage http = related.ToHttp("/mm7", "mmsc");
        ns3::MmsMm7Message back;
        if (!ns3::MmsMm7Message::FromHttp(http, back, error)
            || back.transactionId != related.transactionId || back.to != related.to
            || back.content.GetSerializedSize() != related.content.GetSerializedSize())
        {
            std::abort();
        }
    }
    return 0;
}
