/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// mms-codec-benchmark: what the wire format costs. For a notification, a small M-Send.req and a
// 300 KB M-Send.req (virtual photo), it prints the encode and decode rates, each next to a
// baseline measured in the same run: copying the same octets with memcpy. It then holds many
// 300 KB messages with virtual media and prints the memory they take against their wire size.
//
//   mms-codec-benchmark [--seconds=S]      (default 0.5 s per measurement)

#include "mms-pdu.h"
#include "mms-wsp-push.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace ns3;
using Clock = std::chrono::steady_clock;

namespace
{

double g_seconds = 0.5;
volatile std::size_t g_sink = 0; // keeps the optimiser from removing the measured work

/// Runs f repeatedly for about g_seconds; returns operations per second.
template<typename F>
double
Rate(F f)
{
    uint64_t n = 0;
    auto start = Clock::now();
    double elapsed = 0;
    do
    {
        for (int i = 0; i < 64; ++i)
        {
            f();
        }
        n += 64;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < g_seconds);
    return n / elapsed;
}

long
RssKiB()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
    {
        if (line.compare(0, 6, "VmRSS:") == 0)
        {
            return std::stol(line.substr(6));
        }
    }
    return -1;
}

MmsPdu
SendReq(uint32_t photo, bool virtualPhoto)
{
    MmsMultipartBody body;
    MmsPart smil;
    smil.contentType = MmsWspContentType("application/smil");
    smil.headers.push_back(MmsWspPartHeader::ContentId("<smil>"));
    smil.data = MmsContent(std::string(400, 'x'));
    MmsPart text;
    text.contentType = MmsWspContentType("text/plain");
    text.contentType.SetCharset(MmsWspCharset::UTF_8);
    text.data = MmsContent(std::string(60, 't'));
    MmsPart img;
    img.contentType = MmsWspContentType("image/jpeg");
    img.headers.push_back(MmsWspPartHeader::ContentLocation("photo.jpg"));
    img.data =
        virtualPhoto ? MmsContent::Virtual(photo) : MmsContent(std::vector<uint8_t>(photo, 0xA5));
    body.parts = {smil, text, img};
    MmsWspContentType rel("application/vnd.wap.multipart.related");
    rel.SetTextParameter(MmsWspParam::TYPE, "application/smil");
    rel.SetTextParameter(MmsWspParam::START, "<smil>");
    return MmsPdu::MakeSendReq(
        "tid-000001", "+358401234567/TYPE=PLMN", {"+358409876543/TYPE=PLMN"}, rel, body);
}

void
Measure(const char* name, const MmsPdu& pdu, const MmsDecodeOptions& opt)
{
    std::vector<uint8_t> wire = pdu.Encode();
    std::vector<uint8_t> copy(wire.size());
    double copyRate = Rate(
        [&]()
        {
            std::memcpy(copy.data(), wire.data(), wire.size());
            g_sink = g_sink + copy[wire.size() / 2];
        });
    double sizeRate = Rate(
        [&]()
        {
            g_sink = g_sink + pdu.GetEncodedSize();
        });
    double encodeRate = Rate(
        [&]()
        {
            std::vector<MmsWireSegment> s;
            pdu.EncodeSegments(s);
            g_sink = g_sink + s.size();
        });
    double decodeRate = Rate(
        [&]()
        {
            MmsPdu out;
            MmsDecodeError e;
            g_sink = g_sink + MmsPdu::Decode(wire.data(), wire.size(), out, e, opt);
        });
    std::printf("%-34s %8zu  %12.0f %12.0f %12.0f %12.0f   %6.2f %6.2f\n",
                name,
                wire.size(),
                copyRate,
                sizeRate,
                encodeRate,
                decodeRate,
                copyRate / encodeRate,
                copyRate / decodeRate);
}

} // namespace

int
main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i)
    {
        // A bad argument: one line naming it, exit status 2.
        std::string a = argv[i];
        const char* problem = nullptr;
        if (a.compare(0, 10, "--seconds=") == 0)
        {
            // The whole value, a finite number above 0 (std::stod would throw on "abc").
            const std::string v = a.substr(10);
            char* end = nullptr;
            errno = 0;
            g_seconds = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || errno != 0 || !std::isfinite(g_seconds)
                || !(g_seconds > 0) || v.find_first_not_of("0123456789.eE+-") != std::string::npos)
            {
                problem = "expected a positive number of seconds per figure";
            }
        }
        else
        {
            problem = "unknown flag: expected --seconds=S";
        }
        if (problem)
        {
            std::fprintf(
                stderr, "mms-codec-benchmark: argument %d '%s': %s\n", i, argv[i], problem);
            return 2;
        }
    }
    std::printf("MMS codec benchmark (%.2f s per figure; rates in operations per second;\n"
                "ratios: how many memcpy of the same octets one encode or decode costs)\n\n",
                g_seconds);
    std::printf("%-34s %8s  %12s %12s %12s %12s   %6s %6s\n",
                "PDU",
                "octets",
                "memcpy/s",
                "size/s",
                "encode/s",
                "decode/s",
                "enc/cp",
                "dec/cp");
    MmsPdu notification = MmsPdu::MakeNotificationInd("tid-000001",
                                                      "+358401234567/TYPE=PLMN",
                                                      30000,
                                                      259200,
                                                      "http://mmsc.example.net/mms/m000001");
    MmsDecodeOptions keep;
    MmsDecodeOptions light;
    light.keepContent = false;
    Measure("M-Notification.ind", notification, keep);
    Measure("M-Send.req, 3 KB photo", SendReq(3000, false), keep);
    Measure("M-Send.req, 300 KB photo, kept", SendReq(300 * 1024, false), keep);
    Measure("M-Send.req, 300 KB photo, dropped", SendReq(300 * 1024, false), light);

    // Memory: messages with virtual media.
    const std::size_t n = 10000;
    long before = RssKiB();
    std::vector<MmsPdu> held;
    held.reserve(n);
    uint64_t wireOctets = 0;
    for (std::size_t i = 0; i < n; ++i)
    {
        held.push_back(SendReq(300 * 1024, true));
        wireOctets += held.back().GetEncodedSize();
    }
    long after = RssKiB();
    std::printf("\n%zu M-Send.req of %zu octets with a virtual photo: %.1f MiB on the wire, "
                "%.1f MiB of memory (%.0f bytes each, %.5f of their size)\n",
                n,
                static_cast<std::size_t>(held.front().GetEncodedSize()),
                wireOctets / 1048576.0,
                (after - before) / 1024.0,
                (after - before) * 1024.0 / n,
                (after - before) * 1024.0 / wireOctets);
    return 0;
}
