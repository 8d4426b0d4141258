/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer target: MmsScenario::Parse on arbitrary text, the whole of it (MmsScenarioReader,
// the checks with ns-3's TypeIds and attribute checkers, and the routes). Oracle: no crash,
// sanitizer report, hang or runaway allocation; a refused text gives at least one error, each
// naming the origin, and leaves nothing usable; an accepted text gives no error and a scenario
// that holds what the checks promise (each kind present, cells with subscribers and a bearer,
// links between two distinct vertices, no second link, every vertex linked) and routes that
// agree with themselves (first hops lead to the target with the path's delay, delays
// symmetric, every cell served by its nearest Relay, one MMSE per Relay with elements of the
// right kinds).

#include "mms-scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace
{

using ns3::MmsScenario;

void
Require(bool condition)
{
    if (!condition)
    {
        std::abort();
    }
}

bool
Near(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * (1 + std::fabs(a) + std::fabs(b));
}

/// Follow first hops from `s` to `t`: they reach `t` with the path's delay, or there is none.
void
CheckPath(const MmsScenario& scenario, uint32_t s, uint32_t t)
{
    const auto& edges = scenario.GetEdges();
    const uint32_t n = static_cast<uint32_t>(scenario.GetVertices().size());
    const double delay = scenario.GetPathDelay(s, t);
    Require(delay == scenario.GetPathDelay(t, s)); // whole nanoseconds, summed exactly
    if (s == t)
    {
        Require(delay == 0 && scenario.GetFirstEdge(s, t) == -1);
        return;
    }
    if (std::isinf(delay))
    {
        Require(scenario.GetFirstEdge(s, t) == -1);
        return;
    }
    double sum = 0;
    uint32_t at = s;
    for (uint32_t hops = 0; at != t; ++hops)
    {
        Require(hops < n);
        const int32_t e = scenario.GetFirstEdge(at, t);
        Require(e >= 0 && static_cast<std::size_t>(e) < edges.size());
        Require(edges[e].a == at || edges[e].b == at);
        sum += edges[e].delaySeconds;
        at = scenario.GetOtherEnd(static_cast<uint32_t>(e), at);
    }
    Require(Near(sum, delay));
}

/// What an accepted scenario promises.
void
CheckScenario(const MmsScenario& scenario)
{
    const auto& vertices = scenario.GetVertices();
    const auto& edges = scenario.GetEdges();
    const uint32_t n = static_cast<uint32_t>(vertices.size());
    Require(n > 0);
    uint64_t subscribers = 0;
    for (uint32_t i = 0; i < n; ++i)
    {
        const auto& v = vertices[i];
        Require(scenario.FindVertex(v.name) == static_cast<int32_t>(i));
        if (v.kind == MmsScenario::CELL)
        {
            Require(v.subscribers >= 1 && v.subscribers <= 10000000 && !v.bearer.empty());
            subscribers += v.subscribers;
        }
        else
        {
            Require(v.subscribers == 0 && v.bearer.empty());
        }
    }
    Require(scenario.GetSubscriberCount() == subscribers);
    for (auto kind : {MmsScenario::RELAY,
                      MmsScenario::SERVER,
                      MmsScenario::PPG,
                      MmsScenario::SMSC,
                      MmsScenario::CELL})
    {
        Require(!scenario.GetVerticesOfKind(kind).empty());
    }
    std::vector<uint32_t> degree(n, 0);
    std::set<std::pair<uint32_t, uint32_t>> pairs;
    for (const auto& e : edges)
    {
        Require(e.a < n && e.b < n && e.a != e.b);
        Require(pairs.insert(std::minmax(e.a, e.b)).second);
        Require(vertices[e.a].kind != MmsScenario::CELL || vertices[e.b].kind != MmsScenario::CELL);
        Require(!e.rate.empty() && !e.delay.empty());
        Require(std::isfinite(e.delaySeconds) && e.delaySeconds >= 0);
        Require(e.loss >= 0 && e.loss < 1);
        ++degree[e.a];
        ++degree[e.b];
    }
    for (uint32_t d : degree)
    {
        Require(d > 0);
    }

    // Routes: every pair of a small graph, the pairs from a few sources of a large one.
    const uint32_t stride = n <= 24 ? 1 : n / 24;
    for (uint32_t s = 0; s < n; s += stride)
    {
        for (uint32_t t = 0; t < n; ++t)
        {
            CheckPath(scenario, s, t);
        }
    }
    const std::vector<uint32_t> relays = scenario.GetVerticesOfKind(MmsScenario::RELAY);
    std::vector<uint32_t> servedBy(n, UINT32_MAX);
    for (uint32_t c : scenario.GetVerticesOfKind(MmsScenario::CELL))
    {
        const uint32_t r = scenario.GetServingRelay(c);
        Require(r < n && vertices[r].kind == MmsScenario::RELAY);
        for (uint32_t other : relays)
        {
            Require(scenario.GetPathDelay(c, r) <= scenario.GetPathDelay(c, other));
        }
        Require(scenario.GetNearest(c, MmsScenario::RELAY) == static_cast<int32_t>(r));
        servedBy[c] = r;
    }
    const auto& mmses = scenario.GetMmses();
    Require(mmses.size() == relays.size());
    std::size_t served = 0;
    for (std::size_t i = 0; i < mmses.size(); ++i)
    {
        const auto& m = mmses[i];
        Require(m.relay == relays[i]);
        Require(m.server < n && vertices[m.server].kind == MmsScenario::SERVER);
        Require(m.ppg < n && vertices[m.ppg].kind == MmsScenario::PPG);
        Require(m.smsc < n && vertices[m.smsc].kind == MmsScenario::SMSC);
        for (uint32_t c : m.cells)
        {
            Require(c < n && servedBy[c] == m.relay);
        }
        served += m.cells.size();
    }
    Require(served == scenario.GetVerticesOfKind(MmsScenario::CELL).size());
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string origin = "fuzz.dot";
    MmsScenario scenario;
    std::vector<std::string> errors;
    if (!scenario.Parse(text, origin, errors))
    {
        Require(!errors.empty());
        for (const auto& e : errors)
        {
            Require(e.compare(0, origin.size() + 1, origin + ":") == 0);
        }
        Require(scenario.GetVertices().empty() && scenario.GetEdges().empty()
                && scenario.GetMmses().empty());
        return 0;
    }
    Require(errors.empty() && scenario.GetOrigin() == origin);
    CheckScenario(scenario);
    return 0;
}
