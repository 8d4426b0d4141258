/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The traffic model against its definitions: arrivals follow the hourly profile and the spike,
// gaps in operational time are exponential or Weibull with mean 1, the first gap is a forward
// recurrence time (stationary start), contents follow the mix and the truncated lognormal
// sizes with their caps, recipients the truncated geometric law, the shares their
// probabilities; the operational clock inverts exactly; bad attribute values are named; a
// cell's single process (MmsCellTraffic) gives each subscriber the law of its own process.
// Goodness of fit: chi-squared at significance 0.001 (bins merged until each expects at least
// 5), means within 4 standard errors. Every random variable has a fixed stream. The event
// scheduler for large runs (MmsEventScheduler) gives the order of ns-3's MapScheduler.

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/map-scheduler.h"
#include "ns3/mms-cell-traffic.h"
#include "ns3/mms-event-scheduler.h"
#include "ns3/mms-traffic-model.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{
constexpr int64_t HOUR_NS = 3600LL * 1000000000LL;
constexpr int64_t DAY_NS = 24 * HOUR_NS;

/// The default hourly profile.
const std::vector<double> DEFAULT_PROFILE = {0.15, 0.08, 0.05, 0.04, 0.04, 0.07, 0.2,  0.45,
                                             0.7,  0.85, 0.95, 1.05, 1.15, 1.1,  1.05, 1.05,
                                             1.1,  1.2,  1.3,  1.45, 1.6,  1.7,  1.45, 0.8};

/// Result of a chi-squared goodness-of-fit test.
struct ChiSquared
{
    double statistic{0};
    uint32_t df{0};
    double critical{0}; //!< at significance 0.001
    uint32_t bins{0};   //!< after merging

    bool Passes() const
    {
        return df > 0 && statistic <= critical;
    }

    std::string Str() const
    {
        std::ostringstream os;
        os << "chi2 = " << statistic << " (df " << df << ", critical " << critical << " at 0.001)";
        return os.str();
    }
};

/**
 * Chi-squared goodness of fit of counts against probabilities (which sum to 1). Adjacent bins
 * are merged until each expects at least 5 (a short remainder joins the last group).
 */
ChiSquared
ChiSquaredTest(const std::vector<double>& observed, const std::vector<double>& probability)
{
    double n = 0;
    for (double o : observed)
    {
        n += o;
    }
    std::vector<double> o;
    std::vector<double> e;
    double accO = 0;
    double accE = 0;
    for (std::size_t i = 0; i < observed.size(); ++i)
    {
        accO += observed[i];
        accE += probability[i] * n;
        if (accE >= 5)
        {
            o.push_back(accO);
            e.push_back(accE);
            accO = 0;
            accE = 0;
        }
    }
    if (accE > 0 || accO > 0)
    {
        if (e.empty())
        {
            o.push_back(accO);
            e.push_back(accE);
        }
        else
        {
            o.back() += accO;
            e.back() += accE;
        }
    }
    ChiSquared r;
    for (std::size_t i = 0; i < o.size(); ++i)
    {
        r.statistic += (o[i] - e[i]) * (o[i] - e[i]) / e[i];
    }
    r.bins = o.size();
    r.df = r.bins > 1 ? r.bins - 1 : 0;
    if (r.df > 0)
    {
        boost::math::chi_squared dist(r.df);
        r.critical = boost::math::quantile(boost::math::complement(dist, 0.001));
    }
    return r;
}

/// Print a measured statistic (the suite's numbers for the documentation).
void
Report(const std::string& what)
{
    std::cout << "    " << what << "\n";
}

/// Hour of the day (0..23) of simulated time t, with the time of day `start` at t = 0.
uint32_t
HourOfDay(Time t, int64_t start)
{
    int64_t x = (t.GetNanoSeconds() + start) % DAY_NS;
    return static_cast<uint32_t>(x / HOUR_NS);
}

/// A model with fixed streams.
Ptr<MmsTrafficModel>
MakeModel(int64_t stream)
{
    Ptr<MmsTrafficModel> m = CreateObject<MmsTrafficModel>();
    m->AssignStreams(stream);
    return m;
}

double
Sum(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v)
    {
        s += x;
    }
    return s;
}
} // namespace

/// 1. Arrival counts per hour of day follow the profile; the total matches the integral.
class MmsTrafficHourlyTestCase : public TestCase
{
  public:
    MmsTrafficHourlyTestCase()
        : TestCase("arrivals per hour of day follow the profile and their total the rate")
    {
    }

  private:
    void Run(const std::string& profile, uint32_t days, int64_t stream)
    {
        Ptr<MmsTrafficModel> m = MakeModel(stream);
        m->SetAttribute("MessagesPerHour", DoubleValue(10));
        m->SetAttribute("HourlyProfile", StringValue(profile));
        const int64_t start = 5 * HOUR_NS + 30 * 60 * 1000000000LL; // 05:30
        m->SetAttribute("TimeOfDayAtStart", TimeValue(NanoSeconds(start)));
        std::vector<double> w = m->GetHourlyWeights();
        const Time end = NanoSeconds(days * DAY_NS);
        std::vector<double> counts(24, 0);
        double n = 0;
        for (Time t = m->FirstSendTime(Seconds(0)); t < end; t = m->NextSendTime(t))
        {
            counts[HourOfDay(t, start)]++;
            n++;
        }
        std::vector<double> p;
        for (double x : w)
        {
            p.push_back(x / Sum(w));
        }
        ChiSquared c = ChiSquaredTest(counts, p);
        double lambda = m->GetCumulative(end);
        double expected = 10.0 * 24 * days; // MessagesPerHour x hours: the weights average 1
        double z = (n - lambda) / std::sqrt(lambda);
        std::ostringstream os;
        os << "hourly counts, " << days << " days, profile '" << profile.substr(0, 14)
           << "...': " << n << " arrivals; " << c.Str() << "; total vs Lambda(T) = " << lambda
           << ": z = " << z << " (limit 4)";
        Report(os.str());
        NS_TEST_EXPECT_MSG_EQ(c.Passes(), true, os.str());
        NS_TEST_EXPECT_MSG_EQ_TOL(lambda, expected, 1e-9 * expected, "Lambda over whole days");
        NS_TEST_EXPECT_MSG_LT(std::fabs(z), 4.0, os.str());
        for (std::size_t h = 0; h < 24; ++h)
        {
            if (w[h] == 0)
            {
                NS_TEST_EXPECT_MSG_EQ(counts[h], 0, "no arrival in hour " << h << " of weight 0");
            }
        }
    }

    void DoRun() override
    {
        Run("0.15 0.08 0.05 0.04 0.04 0.07 0.2 0.45 0.7 0.85 0.95 1.05 1.15 1.1 1.05 1.05 1.1 "
            "1.2 1.3 1.45 1.6 1.7 1.45 0.8",
            1000,
            1);
        // Hours 2 to 4 never send; commas as separators.
        Run("1,1,0,0,0,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20", 300, 11);
    }
};

/// 2. Gaps in operational time: exponential or Weibull, mean 1.
class MmsTrafficGapTestCase : public TestCase
{
  public:
    MmsTrafficGapTestCase(MmsTrafficModel::Process process)
        : TestCase(process == MmsTrafficModel::POISSON
                       ? "gaps in operational time are exponential with mean 1"
                       : "gaps in operational time are Weibull 0.6 with mean 1")
        , m_process(process)
    {
    }

  private:
    void DoRun() override
    {
        Ptr<MmsTrafficModel> m = MakeModel(m_process == MmsTrafficModel::POISSON ? 21 : 31);
        m->SetAttribute("Process", EnumValue(m_process));
        m->SetAttribute("MessagesPerHour", DoubleValue(1));
        m->SetAttribute("TimeOfDayAtStart", TimeValue(Hours(3)));
        const double k = 0.6;
        const double scale = 1 / std::tgamma(1 + 1 / k);
        auto cdf = [&](double x)
        {
            return m_process == MmsTrafficModel::POISSON ? 1 - std::exp(-x)
                                                         : 1 - std::exp(-std::pow(x / scale, k));
        };
        auto quantile = [&](double q)
        {
            return m_process == MmsTrafficModel::POISSON
                       ? -std::log(1 - q)
                       : scale * std::pow(-std::log(1 - q), 1 / k);
        };
        const double sd = m_process == MmsTrafficModel::POISSON
                              ? 1.0
                              : std::sqrt(std::tgamma(1 + 2 / k) * scale * scale - 1);
        const uint32_t n = 20000;
        const uint32_t bins = 20;
        std::vector<double> edges;
        for (uint32_t j = 1; j < bins; ++j)
        {
            edges.push_back(quantile(double(j) / bins));
        }
        std::vector<double> counts(bins, 0);
        std::vector<double> p(bins, 0);
        double prev = 0;
        for (uint32_t j = 0; j < bins; ++j)
        {
            double c = j + 1 < bins ? cdf(edges[j]) : 1.0;
            p[j] = c - prev;
            prev = c;
        }
        double sum = 0;
        Time t = m->NextSendTime(Seconds(0));
        double last = m->GetCumulative(t);
        for (uint32_t i = 0; i < n; ++i)
        {
            t = m->NextSendTime(t);
            double now = m->GetCumulative(t);
            double gap = now - last;
            last = now;
            sum += gap;
            counts[std::upper_bound(edges.begin(), edges.end(), gap) - edges.begin()]++;
        }
        ChiSquared c = ChiSquaredTest(counts, p);
        double mean = sum / n;
        double se = sd / std::sqrt(double(n));
        std::ostringstream os;
        os << (m_process == MmsTrafficModel::POISSON ? "exponential" : "Weibull 0.6") << " gaps, "
           << n << ": " << c.Str() << "; mean " << mean
           << " vs 1, |z| = " << std::fabs(mean - 1) / se << " (limit 4, se " << se << ")";
        Report(os.str());
        NS_TEST_EXPECT_MSG_EQ(c.Passes(), true, os.str());
        NS_TEST_EXPECT_MSG_EQ_TOL(mean, 1.0, 4 * se, os.str());
    }

    MmsTrafficModel::Process m_process;
};

/// 3. The spike window (wrapping midnight) multiplies the rate by SpikeFactor.
class MmsTrafficSpikeTestCase : public TestCase
{
  public:
    MmsTrafficSpikeTestCase()
        : TestCase("the spike window around midnight multiplies arrivals by SpikeFactor")
    {
    }

  private:
    void DoRun() override
    {
        const double factor = 6;
        Ptr<MmsTrafficModel> m = MakeModel(41);
        m->SetAttribute("MessagesPerHour", DoubleValue(10));
        m->SetAttribute("SpikeFactor", DoubleValue(factor));
        m->SetAttribute("SpikeCentre", TimeValue(Hours(23) + Minutes(50)));
        m->SetAttribute("SpikeHalfWidth", TimeValue(Minutes(30))); // [23:20, 00:20)
        const int64_t start = 12 * HOUR_NS;
        m->SetAttribute("TimeOfDayAtStart", TimeValue(NanoSeconds(start)));
        const std::vector<double>& w = DEFAULT_PROFILE;
        // weight-hours inside the window: 40 min of hour 23, 20 min of hour 0
        const double inside = w[23] * 40 / 60 + w[0] * 20 / 60;
        const double outside = Sum(w) - inside;
        const double perDay = 10.0 * 24 / Sum(w) * (outside + factor * inside);
        NS_TEST_EXPECT_MSG_EQ_TOL(m->GetCumulative(NanoSeconds(DAY_NS)),
                                  perDay,
                                  1e-12 * perDay,
                                  "Lambda of a day with the spike");
        const double base = 10.0 / 3600 * 24 / Sum(w);
        // simulated time of a time of day on the first full day
        auto at = [&](int64_t tod)
        {
            return NanoSeconds(DAY_NS - start + tod);
        };
        NS_TEST_EXPECT_MSG_EQ_TOL(m->GetRate(at(23 * HOUR_NS + 30 * 60000000000LL)),
                                  base * w[23] * factor,
                                  1e-15,
                                  "23:30 is inside");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            m->GetRate(at(10 * 60000000000LL)), base * w[0] * factor, 1e-15, "00:10 is inside");
        NS_TEST_EXPECT_MSG_EQ_TOL(m->GetRate(at(23 * HOUR_NS + 19 * 60000000000LL)),
                                  base * w[23],
                                  1e-15,
                                  "23:19 is outside");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            m->GetRate(at(20 * 60000000000LL)), base * w[0], 1e-15, "00:20 is outside");

        const uint32_t days = 500;
        const Time end = NanoSeconds(days * DAY_NS);
        double in = 0;
        double out = 0;
        for (Time t = m->FirstSendTime(Seconds(0)); t < end; t = m->NextSendTime(t))
        {
            int64_t tod = (t.GetNanoSeconds() + start) % DAY_NS;
            if (tod >= 23 * HOUR_NS + 20 * 60000000000LL || tod < 20 * 60000000000LL)
            {
                in++;
            }
            else
            {
                out++;
            }
        }
        const double n = in + out;
        const double p = factor * inside / (factor * inside + outside);
        const double z = (in - n * p) / std::sqrt(n * p * (1 - p));
        const double measured = (in / inside) / (out / outside);
        std::vector<double> obs = {in, out};
        ChiSquared c = ChiSquaredTest(obs, {p, 1 - p});
        std::ostringstream os;
        os << "spike x" << factor << " over [23:20, 00:20), " << days << " days: " << in
           << " inside, " << out << " outside; measured factor " << measured << "; share z = " << z
           << " (limit 4); " << c.Str();
        Report(os.str());
        NS_TEST_EXPECT_MSG_LT(std::fabs(z), 4.0, os.str());
        NS_TEST_EXPECT_MSG_EQ(c.Passes(), true, os.str());
        double lambda = m->GetCumulative(end);
        NS_TEST_EXPECT_MSG_LT(std::fabs(n - lambda) / std::sqrt(lambda), 4.0, "total count");
    }
};

/// 4. Content classes by the mix; sizes by the truncated lognormal; the caps.
class MmsTrafficContentTestCase : public TestCase
{
  public:
    MmsTrafficContentTestCase()
        : TestCase("content classes follow the mix and sizes their truncated lognormal laws")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<std::string>& names = MmsTrafficModel::ContentClassNames();
        NS_TEST_EXPECT_MSG_EQ(names.size(), 6u, "six classes");

        // The mix (default), with the default cap.
        Ptr<MmsTrafficModel> m = MakeModel(51);
        std::vector<double> mix = m->GetMixWeights();
        const double defaultMix[] = {0.30, 0.25, 0.25, 0.10, 0.07, 0.03};
        for (std::size_t i = 0; i < 6; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(mix[i], defaultMix[i], 1e-12, "mix weight " << names[i]);
        }
        const uint32_t n = 60000;
        std::vector<double> counts(6, 0);
        uint32_t atCap = 0;
        bool inRange = true;
        for (uint32_t i = 0; i < n; ++i)
        {
            MmsTrafficModel::Content c = m->DrawContent();
            std::size_t k = std::find(names.begin(), names.end(), c.contentClass) - names.begin();
            NS_TEST_EXPECT_MSG_LT(k, 6u, "a known class");
            if (k >= 6)
            {
                continue; // (the runner continues after a failed assertion)
            }
            counts[k]++;
            const MmsTrafficModel::ClassSize& cs = MmsTrafficModel::GetClassSize(c.contentClass);
            inRange = inRange && c.size <= 307200 && c.size <= cs.maxSize
                      && (c.size >= cs.minSize || c.size == 307200);
            atCap += c.size == 307200 ? 1 : 0;
        }
        ChiSquared c = ChiSquaredTest(counts, mix);
        std::ostringstream os;
        os << "content mix, " << n << " messages: " << c.Str() << "; " << atCap
           << " at MaxMessageSize 307200";
        Report(os.str());
        NS_TEST_EXPECT_MSG_EQ(c.Passes(), true, os.str());
        NS_TEST_EXPECT_MSG_EQ(inRange, true, "every size within its class and MaxMessageSize");

        // Each class alone, without the cap: sizes against the truncated lognormal CDF.
        boost::math::normal phi;
        for (std::size_t k = 0; k < names.size(); ++k)
        {
            Ptr<MmsTrafficModel> mk = MakeModel(60 + 10 * k);
            mk->SetAttribute("ContentMix", StringValue(names[k] + "=1"));
            mk->SetAttribute("MaxMessageSize", UintegerValue(1000000));
            const MmsTrafficModel::ClassSize& cs = MmsTrafficModel::GetClassSize(names[k]);
            const double a = boost::math::cdf(phi, (std::log(cs.minSize) - cs.mu) / cs.sigma);
            const double b = boost::math::cdf(phi, (std::log(cs.maxSize) - cs.mu) / cs.sigma);
            // P(size <= e) for an integer e: the draw x is rounded, so P(x < e + 0.5)
            auto cdf = [&](double e)
            {
                double x = e + 0.5;
                if (x >= cs.maxSize)
                {
                    return 1.0;
                }
                if (x <= cs.minSize)
                {
                    return 0.0;
                }
                return (boost::math::cdf(phi, (std::log(x) - cs.mu) / cs.sigma) - a) / (b - a);
            };
            const uint32_t bins = 20;
            std::vector<double> edges; // integer upper edges of the bins but the last
            for (uint32_t j = 1; j < bins; ++j)
            {
                double q = boost::math::quantile(phi, a + (b - a) * j / bins);
                edges.push_back(std::floor(std::exp(cs.mu + cs.sigma * q)));
            }
            edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
            std::vector<double> p;
            double prev = 0;
            for (std::size_t j = 0; j <= edges.size(); ++j)
            {
                double cj = j < edges.size() ? cdf(edges[j]) : 1.0;
                p.push_back(cj - prev);
                prev = cj;
            }
            const uint32_t draws = 10000;
            std::vector<double> obs(p.size(), 0);
            uint32_t lo = UINT32_MAX;
            uint32_t hi = 0;
            bool sameClass = true;
            for (uint32_t i = 0; i < draws; ++i)
            {
                MmsTrafficModel::Content ct = mk->DrawContent();
                sameClass = sameClass && ct.contentClass == names[k];
                lo = std::min(lo, ct.size);
                hi = std::max(hi, ct.size);
                obs[std::lower_bound(edges.begin(), edges.end(), double(ct.size))
                    - edges.begin()]++;
            }
            ChiSquared cc = ChiSquaredTest(obs, p);
            std::ostringstream ok;
            ok << names[k] << " sizes, " << draws << ": " << cc.Str() << "; range [" << lo << ", "
               << hi << "] within [" << cs.minSize << ", " << cs.maxSize << "]";
            Report(ok.str());
            NS_TEST_EXPECT_MSG_EQ(sameClass, true, "a single class");
            NS_TEST_EXPECT_MSG_EQ(cc.Passes(), true, ok.str());
            NS_TEST_EXPECT_MSG_GT_OR_EQ(lo, cs.minSize, ok.str());
            NS_TEST_EXPECT_MSG_LT_OR_EQ(hi, cs.maxSize, ok.str());
        }

        // A small MaxMessageSize caps the sizes (the draw is capped, not redrawn).
        Ptr<MmsTrafficModel> capped = MakeModel(130);
        capped->SetAttribute("MaxMessageSize", UintegerValue(50000));
        double expectAtCap = 0; // P(size = 50000) = sum over classes of mix * P(x >= 49999.5)
        for (std::size_t k = 0; k < names.size(); ++k)
        {
            const MmsTrafficModel::ClassSize& cs = MmsTrafficModel::GetClassSize(names[k]);
            const double a = boost::math::cdf(phi, (std::log(cs.minSize) - cs.mu) / cs.sigma);
            const double b = boost::math::cdf(phi, (std::log(cs.maxSize) - cs.mu) / cs.sigma);
            double x = std::min<double>(std::max<double>(49999.5, cs.minSize), cs.maxSize);
            double above = (b - boost::math::cdf(phi, (std::log(x) - cs.mu) / cs.sigma)) / (b - a);
            expectAtCap += mix[k] * above;
        }
        const uint32_t nc = 20000;
        uint32_t cappedCount = 0;
        uint32_t largest = 0;
        for (uint32_t i = 0; i < nc; ++i)
        {
            uint32_t s = capped->DrawContent().size;
            largest = std::max(largest, s);
            cappedCount += s == 50000 ? 1 : 0;
        }
        double se = std::sqrt(nc * expectAtCap * (1 - expectAtCap));
        std::ostringstream oc;
        oc << "MaxMessageSize 50000: largest " << largest << ", " << cappedCount
           << " at the cap, expected " << nc * expectAtCap
           << ", z = " << (cappedCount - nc * expectAtCap) / se << " (limit 4)";
        Report(oc.str());
        NS_TEST_EXPECT_MSG_EQ(largest, 50000u, oc.str());
        NS_TEST_EXPECT_MSG_EQ_TOL(double(cappedCount), nc * expectAtCap, 4 * se, oc.str());
    }
};

/// 5. Recipient counts: 1 + geometric, capped by MaxRecipients.
class MmsTrafficRecipientsTestCase : public TestCase
{
  public:
    MmsTrafficRecipientsTestCase()
        : TestCase("recipient counts follow the truncated geometric law")
    {
    }

  private:
    void Check(double q, uint32_t max, int64_t stream)
    {
        Ptr<MmsTrafficModel> m = MakeModel(stream);
        m->SetAttribute("ExtraRecipientProbability", DoubleValue(q));
        m->SetAttribute("MaxRecipients", UintegerValue(max));
        std::vector<double> p(max, 0);
        double mean = 0;
        double second = 0;
        for (uint32_t r = 1; r <= max; ++r)
        {
            p[r - 1] = r < max ? (1 - q) * std::pow(q, r - 1) : std::pow(q, max - 1);
            mean += r * p[r - 1];
            second += double(r) * r * p[r - 1];
        }
        const uint32_t n = 50000;
        std::vector<double> counts(max, 0);
        double sum = 0;
        uint32_t most = 0;
        uint32_t outside = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            uint32_t r = m->DrawRecipientCount();
            most = std::max(most, r);
            if (r < 1 || r > max)
            {
                outside++;
                continue;
            }
            counts[r - 1]++;
            sum += r;
        }
        ChiSquared c = ChiSquaredTest(counts, p);
        double se = std::sqrt((second - mean * mean) / n);
        std::ostringstream os;
        os << "recipients q=" << q << " max " << max << ", " << n << ": " << c.Str() << "; mean "
           << sum / n << " vs " << mean << ", z = " << (sum / n - mean) / se
           << " (limit 4); largest " << most;
        Report(os.str());
        NS_TEST_EXPECT_MSG_EQ(c.Passes(), true, os.str());
        NS_TEST_EXPECT_MSG_EQ_TOL(sum / n, mean, 4 * se, os.str());
        NS_TEST_EXPECT_MSG_LT_OR_EQ(most, max, "MaxRecipients");
        NS_TEST_EXPECT_MSG_EQ(outside, 0u, "counts in [1, MaxRecipients]");
    }

    void DoRun() override
    {
        Check(0.2, 20, 140); // the defaults: mean 1.25
        Check(0.9, 5, 150);  // the cap binds: P(5) = 0.9^4
        Ptr<MmsTrafficModel> one = MakeModel(160);
        one->SetAttribute("ExtraRecipientProbability", DoubleValue(0.0));
        uint32_t most = 0;
        for (int i = 0; i < 1000; ++i)
        {
            most = std::max(most, one->DrawRecipientCount());
        }
        NS_TEST_EXPECT_MSG_EQ(most, 1u, "q = 0: always one recipient");
    }
};

/// 6. The shares and the recipient index.
class MmsTrafficSharesTestCase : public TestCase
{
  public:
    MmsTrafficSharesTestCase()
        : TestCase("report and deferral shares and recipient indices have their laws")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<MmsTrafficModel> m = MakeModel(170);
        const uint32_t n = 50000;
        uint32_t never = 0;
        for (uint32_t i = 0; i < 1000; ++i)
        {
            never += m->DrawDeferred() ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(never, 0u, "DeferredShare 0 by default: never deferred");
        m->SetAttribute("DeferredShare", DoubleValue(0.35));

        struct Share
        {
            const char* name;
            double p;
            bool (MmsTrafficModel::*draw)();
        };

        const Share shares[] = {{"DeliveryReportShare", 0.2, &MmsTrafficModel::DrawDeliveryReport},
                                {"ReadReportShare", 0.1, &MmsTrafficModel::DrawReadReport},
                                {"DeferredShare", 0.35, &MmsTrafficModel::DrawDeferred}};
        for (const Share& s : shares)
        {
            uint32_t yes = 0;
            for (uint32_t i = 0; i < n; ++i)
            {
                yes += ((*m).*(s.draw))() ? 1 : 0;
            }
            double se = std::sqrt(s.p * (1 - s.p) / n);
            double z = (double(yes) / n - s.p) / se;
            std::ostringstream os;
            os << s.name << " " << s.p << ": " << yes << " of " << n << ", z = " << z
               << " (limit 4)";
            Report(os.str());
            NS_TEST_EXPECT_MSG_LT(std::fabs(z), 4.0, os.str());
        }
        m->SetAttribute("ReadReportShare", DoubleValue(1.0));
        uint32_t always = 0;
        for (uint32_t i = 0; i < 1000; ++i)
        {
            always += m->DrawReadReport() ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(always, 1000u, "share 1: always");

        const uint32_t k = 7;
        const uint32_t draws = 70000;
        std::vector<double> counts(k, 0);
        bool inRange = true;
        for (uint32_t i = 0; i < draws; ++i)
        {
            uint32_t r = m->DrawRecipientIndex(k);
            inRange = inRange && r < k;
            counts[std::min(r, k - 1)]++;
        }
        ChiSquared c = ChiSquaredTest(counts, std::vector<double>(k, 1.0 / k));
        std::ostringstream os;
        os << "recipient index of 7, " << draws << ": " << c.Str();
        Report(os.str());
        NS_TEST_EXPECT_MSG_EQ(inRange, true, "index in [0, n)");
        NS_TEST_EXPECT_MSG_EQ(c.Passes(), true, os.str());
        NS_TEST_EXPECT_MSG_EQ(m->DrawRecipientIndex(1), 0u, "a single candidate");
    }
};

/// 7. The operational clock: Lambda and its inverse, zero-rate hours, the busy hour.
class MmsTrafficClockTestCase : public TestCase
{
  public:
    MmsTrafficClockTestCase()
        : TestCase("the operational clock inverts to the nanosecond and reaches zero-rate hours "
                   "first")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<MmsTrafficModel> d = MakeModel(180);
        NS_TEST_EXPECT_MSG_EQ(d->GetBusyHour(), 21u, "busy hour 21:00-22:00 by default");
        std::vector<double> w = d->GetHourlyWeights();
        NS_TEST_EXPECT_MSG_EQ(w.size(), 24u, "24 weights");
        w.resize(24, 0.0);
        // Lambda at the hours (no spike: SpikeFactor 1), against the weights directly.
        const double mph = 0.1 / 24;
        double acc = 0;
        for (uint32_t h = 0; h <= 24; ++h)
        {
            double lambda = d->GetCumulative(NanoSeconds(h * HOUR_NS));
            NS_TEST_EXPECT_MSG_EQ_TOL(lambda, acc, 1e-12 * (1 + acc), "Lambda at hour " << h);
            if (h < 24)
            {
                acc += mph * w[h] * 24 / Sum(w);
            }
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(acc, 0.1, 1e-12, "0.1 messages per day");

        // Cached table follows attribute changes.
        d->SetAttribute("MessagesPerHour", DoubleValue(1));
        NS_TEST_EXPECT_MSG_EQ_TOL(d->GetCumulative(NanoSeconds(DAY_NS)),
                                  24.0,
                                  1e-9,
                                  "rebuilt after MessagesPerHour changed");
        d->SetAttribute("HourlyProfile",
                        StringValue("1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 9 "
                                    "1 1"));
        NS_TEST_EXPECT_MSG_EQ_TOL(d->GetRate(Hours(21) + Minutes(5)),
                                  9.0 * 24 / 32 / 3600,
                                  1e-15,
                                  "rebuilt after HourlyProfile changed");

        // A profile with hours 2 to 4 at rate 0, a spike that wraps midnight and an odd start.
        Ptr<MmsTrafficModel> m = MakeModel(190);
        m->SetAttribute("HourlyProfile",
                        StringValue("0.15 0.08 0 0 0 0.07 0.2 0.45 0.7 0.85 0.95 1.05 1.15 1.1 "
                                    "1.05 1.05 1.1 1.2 1.3 1.45 1.6 1.7 1.45 0.8"));
        m->SetAttribute("SpikeFactor", DoubleValue(3));
        m->SetAttribute("SpikeCentre", TimeValue(Hours(23) + Minutes(55)));
        m->SetAttribute("SpikeHalfWidth", TimeValue(Minutes(10)));
        const int64_t start = 22 * HOUR_NS + 47 * 60000000000LL + 13123456789LL;
        m->SetAttribute("TimeOfDayAtStart", TimeValue(NanoSeconds(start)));
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(m->Validate(error), true, error);
        const int64_t zeroFrom = 2 * HOUR_NS;
        const int64_t zeroTo = 5 * HOUR_NS;
        // The first time Lambda reaches Lambda(t): t, or 02:00 of that day if t is in
        // [02:00, 05:00] (05:00 included: Lambda is flat up to it).
        auto expected = [&](int64_t t)
        {
            int64_t x = t + start;
            int64_t tod = x % DAY_NS;
            if (tod >= zeroFrom && tod <= zeroTo)
            {
                return x - tod + zeroFrom - start;
            }
            return t;
        };
        std::vector<int64_t> times;
        const int64_t horizon = 2 * DAY_NS;
        for (int64_t h = 0; h <= 2 * 24 + 1; ++h) // hour boundaries (of the day) and around them
        {
            int64_t t = h * HOUR_NS - start % HOUR_NS;
            for (int64_t delta : {-1LL, 0LL, 1LL, 1000LL})
            {
                if (t + delta >= 0)
                {
                    times.push_back(t + delta);
                }
            }
        }
        for (int64_t edge : {23 * HOUR_NS + 45 * 60000000000LL, 5 * 60000000000LL})
        {
            for (int64_t day = 0; day < 3; ++day)
            {
                int64_t t = day * DAY_NS + edge - start;
                for (int64_t delta : {-1LL, 0LL, 1LL})
                {
                    if (t + delta >= 0)
                    {
                        times.push_back(t + delta);
                    }
                }
            }
        }
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        u->SetStream(200);
        for (int i = 0; i < 20000; ++i)
        {
            times.push_back(static_cast<int64_t>(u->GetValue(0, double(horizon))));
        }
        int64_t worst = 0;
        int64_t worstAt = 0;
        uint32_t inZero = 0;
        for (int64_t t : times)
        {
            Time back = m->GetTimeAt(m->GetCumulative(NanoSeconds(t)));
            int64_t err = std::llabs(back.GetNanoSeconds() - expected(t));
            if (err > worst)
            {
                worst = err;
                worstAt = t;
            }
            inZero += expected(t) != t ? 1 : 0;
        }
        std::ostringstream os;
        os << "GetTimeAt(GetCumulative(t)) over " << times.size() << " times in 2 days (" << inZero
           << " in the zero-rate hours): largest error " << worst << " ns at t = " << worstAt
           << " ns";
        Report(os.str());
        NS_TEST_EXPECT_MSG_LT_OR_EQ(worst, 1, os.str());
        NS_TEST_EXPECT_MSG_GT(inZero, 1000u, "many times in the zero-rate hours");
        NS_TEST_EXPECT_MSG_EQ(m->GetTimeAt(0), Seconds(0), "Lambda 0 at time 0");
        NS_TEST_EXPECT_MSG_EQ(
            m->GetRate(NanoSeconds(DAY_NS + 3 * HOUR_NS - start)), 0.0, "rate 0 at 03:00");

        // Zero-rate hours across midnight (23:00-01:00): Lambda reaches a whole number of days
        // at 23:00, which is the first time it has that value.
        Ptr<MmsTrafficModel> night = MakeModel(205);
        night->SetAttribute("HourlyProfile",
                            StringValue("0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 0"));
        int64_t nightWorst = 0;
        for (int64_t day = 0; day < 3; ++day)
        {
            for (int64_t minute = 23 * 60; minute <= 25 * 60; minute += 7)
            {
                int64_t t = day * DAY_NS + minute * 60000000000LL;
                int64_t first = day * DAY_NS + 23 * HOUR_NS;
                int64_t back =
                    night->GetTimeAt(night->GetCumulative(NanoSeconds(t))).GetNanoSeconds();
                nightWorst = std::max<int64_t>(nightWorst, std::llabs(back - first));
            }
        }
        NS_TEST_EXPECT_MSG_LT_OR_EQ(nightWorst,
                                    1,
                                    "times in 23:00-01:00 map back to 23:00 (largest error "
                                        << nightWorst << " ns)");
        NS_TEST_EXPECT_MSG_EQ(night->GetTimeAt(0), Seconds(0), "Lambda 0 at time 0");
        Time tiny = night->GetTimeAt(1e-12); // 1e-12 / (1.26e-6 per s): 790 ns after 01:00
        NS_TEST_EXPECT_MSG_EQ((tiny > NanoSeconds(HOUR_NS) && tiny < NanoSeconds(HOUR_NS + 1000)),
                              true,
                              "a positive Lambda is first reached after 01:00: " << tiny);

        // MessagesPerHour 0: never.
        Ptr<MmsTrafficModel> z = MakeModel(210);
        z->SetAttribute("MessagesPerHour", DoubleValue(0));
        NS_TEST_EXPECT_MSG_EQ(z->FirstSendTime(Seconds(10)), Time::Max(), "never sends");
        NS_TEST_EXPECT_MSG_EQ(z->NextSendTime(Seconds(10)), Time::Max(), "never sends again");
        NS_TEST_EXPECT_MSG_EQ(z->GetCumulative(Seconds(1e6)), 0.0, "Lambda stays 0");
        NS_TEST_EXPECT_MSG_EQ(z->GetTimeAt(1.0), Time::Max(), "never reached");
    }
};

/// 8. Validate names the attribute that is wrong.
class MmsTrafficValidateTestCase : public TestCase
{
  public:
    MmsTrafficValidateTestCase()
        : TestCase("Validate rejects bad values and names the attribute")
    {
    }

  private:
    void DoRun() override
    {
        std::string error;
        NS_TEST_EXPECT_MSG_EQ(CreateObject<MmsTrafficModel>()->Validate(error), true, error);

        struct Bad
        {
            const char* attribute;
            Ptr<AttributeValue> value;
            const char* error; //!< the whole message, or "" to check only the attribute name
        };

        const std::vector<Bad> cases = {
            {"HourlyProfile",
             Create<StringValue>("1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"),
             "HourlyProfile: 23 weights, need 24"},
            {"HourlyProfile",
             Create<StringValue>("1 1 1 1 1 -1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"),
             "HourlyProfile: the weight of hour 5 is negative (-1)"},
            {"HourlyProfile",
             Create<StringValue>("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
             "HourlyProfile: all weights are 0"},
            {"HourlyProfile",
             Create<StringValue>("1 1 1 1 1 1 1 1 1 1 1 x 1 1 1 1 1 1 1 1 1 1 1 1"),
             "HourlyProfile: 'x' is not a number"},
            {"ContentMix",
             Create<StringValue>("text=0.5 sticker=0.5"),
             "ContentMix: unknown class 'sticker' (classes: text, image-basic, image-rich, "
             "video-basic, video-rich, megapixel)"},
            {"ContentMix", Create<StringValue>("text"), "ContentMix: 'text' is not class=weight"},
            {"ContentMix", Create<StringValue>("text=-1 megapixel=2"), ""},
            {"ContentMix", Create<StringValue>("text=0"), "ContentMix: all weights are 0"},
            {"DeliveryReportShare",
             Create<DoubleValue>(1.5),
             "DeliveryReportShare: must be a probability in [0, 1] (is 1.5)"},
            {"ReadReportShare", Create<DoubleValue>(-0.1), ""},
            {"DeferredShare", Create<DoubleValue>(2), ""},
            {"WeibullShape", Create<DoubleValue>(0), "WeibullShape: must be > 0 (is 0)"},
            {"MessagesPerHour", Create<DoubleValue>(-1), ""},
            {"SpikeFactor", Create<DoubleValue>(-2), ""},
            {"SpikeHalfWidth", Create<TimeValue>(Seconds(-1)), ""},
            {"ExtraRecipientProbability", Create<DoubleValue>(1.0), ""},
            {"MaxRecipients", Create<UintegerValue>(0), ""},
            {"MaxMessageSize", Create<UintegerValue>(0), ""},
        };
        for (const Bad& b : cases)
        {
            Ptr<MmsTrafficModel> m = CreateObject<MmsTrafficModel>();
            NS_TEST_EXPECT_MSG_EQ(m->Validate(error), true, "valid before");
            m->SetAttribute(b.attribute, *b.value);
            bool ok = m->Validate(error);
            NS_TEST_EXPECT_MSG_EQ(ok, false, "rejected: " << b.attribute);
            NS_TEST_EXPECT_MSG_EQ(error.rfind(std::string(b.attribute) + ": ", 0),
                                  0u,
                                  "the error names " << b.attribute << ": " << error);
            if (std::string(b.error) != "")
            {
                NS_TEST_EXPECT_MSG_EQ(error, b.error, "message");
            }
        }
        // Fixing the value makes the model valid again (the cache follows).
        Ptr<MmsTrafficModel> m = CreateObject<MmsTrafficModel>();
        m->SetAttribute("ContentMix", StringValue("gif=1"));
        NS_TEST_EXPECT_MSG_EQ(m->Validate(error), false, "unknown class");
        m->SetAttribute("ContentMix", StringValue("text=1, megapixel=1"));
        NS_TEST_EXPECT_MSG_EQ(m->Validate(error), true, error);
        NS_TEST_EXPECT_MSG_EQ_TOL(m->GetMixWeights()[5], 0.5, 1e-15, "commas and spaces");
    }
};

/// 9. Streams make runs reproducible.
class MmsTrafficStreamsTestCase : public TestCase
{
  public:
    MmsTrafficStreamsTestCase()
        : TestCase("the same streams give the same traffic, other streams other traffic")
    {
    }

  private:
    static std::vector<double> Sequence(int64_t stream, int64_t& used)
    {
        Ptr<MmsTrafficModel> m = CreateObject<MmsTrafficModel>();
        m->SetAttribute("Process", StringValue("Weibull"));
        m->SetAttribute("MessagesPerHour", DoubleValue(2));
        used = m->AssignStreams(stream);
        std::vector<double> out;
        Time t = m->FirstSendTime(Seconds(0));
        for (int i = 0; i < 200; ++i)
        {
            out.push_back(t.GetNanoSeconds());
            MmsTrafficModel::Content c = m->DrawContent();
            out.push_back(c.size);
            out.push_back(m->DrawRecipientCount());
            out.push_back(m->DrawRecipientIndex(100));
            out.push_back(m->DrawDeliveryReport());
            t = m->NextSendTime(t);
        }
        return out;
    }

    void DoRun() override
    {
        int64_t used = 0;
        std::vector<double> a = Sequence(300, used);
        NS_TEST_EXPECT_MSG_EQ(used, 5, "five streams");
        std::vector<double> b = Sequence(300, used);
        std::vector<double> c = Sequence(305, used);
        NS_TEST_EXPECT_MSG_EQ((a == b), true, "same streams, same sequence");
        std::size_t differ = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
        {
            differ += a[i] != c[i] ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_GT(differ, a.size() / 2, "other streams, another sequence");
    }
};

/// 10. Stationary start: the expected count in [start, start + T] is Lambda's increment.
class MmsTrafficStationaryTestCase : public TestCase
{
  public:
    MmsTrafficStationaryTestCase()
        : TestCase("a stationary start gives the expected count from the first interval on")
    {
    }

  private:
    struct Stats
    {
        double mean;
        double se;
    };

    /// Mean count in [start, end) over n subscribers; `naive`: first gap drawn as an ordinary
    /// gap (NextSendTime from the start), which a stationary start must not be.
    static Stats Count(Ptr<MmsTrafficModel> m, Time start, Time end, uint32_t n, bool naive)
    {
        double sum = 0;
        double sq = 0;
        for (uint32_t i = 0; i < n; ++i)
        {
            double c = 0;
            for (Time t = naive ? m->NextSendTime(start) : m->FirstSendTime(start); t < end;
                 t = m->NextSendTime(t))
            {
                c++;
            }
            sum += c;
            sq += c * c;
        }
        double mean = sum / n;
        double var = (sq - n * mean * mean) / (n - 1);
        return {mean, std::sqrt(var / n)};
    }

    void DoRun() override
    {
        const Time start = Hours(7);
        const Time end = start + Hours(24);
        const uint32_t n = 20000;
        for (auto process : {MmsTrafficModel::WEIBULL, MmsTrafficModel::POISSON})
        {
            Ptr<MmsTrafficModel> m = MakeModel(process == MmsTrafficModel::WEIBULL ? 400 : 410);
            m->SetAttribute("Process", EnumValue(process));
            m->SetAttribute("MessagesPerHour", DoubleValue(5.0 / 24)); // 5 a day
            const double lambda = m->GetCumulative(end) - m->GetCumulative(start);
            Stats s = Count(m, start, end, n, false);
            std::ostringstream os;
            os << (process == MmsTrafficModel::WEIBULL ? "Weibull 0.6" : "Poisson")
               << " stationary start, " << n << " subscribers over 24 h: mean count " << s.mean
               << " vs Lambda " << lambda << ", z = " << (s.mean - lambda) / s.se
               << " (limit 4, se " << s.se << ")";
            if (process == MmsTrafficModel::WEIBULL)
            {
                Stats naive = Count(m, start, end, n, true);
                os << "; an ordinary first gap would give " << naive.mean
                   << ", z = " << (naive.mean - lambda) / naive.se;
                NS_TEST_EXPECT_MSG_GT(std::fabs(naive.mean - lambda),
                                      4 * naive.se,
                                      "the test tells the two apart: " << os.str());
            }
            Report(os.str());
            NS_TEST_EXPECT_MSG_EQ_TOL(s.mean, lambda, 4 * s.se, os.str());
        }
    }
};

/// 11. A cell's one process is the superposition of its subscribers' processes.
class MmsCellTrafficTestCase : public TestCase
{
  public:
    MmsCellTrafficTestCase()
        : TestCase("a cell's single process gives each subscriber its own renewal process")
    {
    }

  private:
    /// What a cell generated over a window.
    struct Run
    {
        std::vector<double> perHour;                     //!< sends per hour of the window
        std::vector<double> perSubscriber;               //!< sends per subscriber
        std::vector<std::pair<int64_t, uint32_t>> sends; //!< (ns, sender)
    };

    static void Record(Run* run, Time start, uint32_t sender)
    {
        Time t = Simulator::Now();
        run->sends.emplace_back(t.GetNanoSeconds(), sender);
        run->perSubscriber[sender]++;
        auto h = static_cast<std::size_t>((t - start).GetNanoSeconds() / HOUR_NS);
        if (h < run->perHour.size())
        {
            run->perHour[h]++;
        }
    }

    /// Sends of a cell of n subscribers from `start` for `hours`, stopped at `stop` (from 0).
    static Run Generate(MmsTrafficModel::Process process,
                        uint32_t n,
                        Time start,
                        uint32_t hours,
                        Time stop,
                        int64_t stream)
    {
        Ptr<MmsTrafficModel> m = MakeModel(stream);
        m->SetAttribute("Process", EnumValue(process));
        m->SetAttribute("MessagesPerHour", DoubleValue(5.0 / 24));
        Run run;
        run.perHour.assign(hours, 0);
        run.perSubscriber.assign(n, 0);
        Ptr<MmsCellTraffic> cell = CreateObject<MmsCellTraffic>();
        cell->SetModel(m);
        cell->SetSubscribers(n);
        cell->AssignStreams(stream + 10);
        cell->SetSendCallback(MakeBoundCallback(&Record, &run, start));
        cell->Start(start);
        cell->Stop(stop);
        Simulator::Stop(start + Hours(hours));
        Simulator::Run();
        Simulator::Destroy();
        return run;
    }

    static std::pair<double, double> MeanVar(const std::vector<double>& v)
    {
        double mean = Sum(v) / v.size();
        double sq = 0;
        for (double x : v)
        {
            sq += (x - mean) * (x - mean);
        }
        return {mean, sq / (v.size() - 1)};
    }

    /// Per-subscriber counts of n separate processes drawn from the model directly.
    static std::vector<double> Direct(
        MmsTrafficModel::Process process, uint32_t n, Time start, Time end, int64_t stream)
    {
        Ptr<MmsTrafficModel> m = MakeModel(stream);
        m->SetAttribute("Process", EnumValue(process));
        m->SetAttribute("MessagesPerHour", DoubleValue(5.0 / 24));
        std::vector<double> counts(n, 0);
        for (uint32_t i = 0; i < n; ++i)
        {
            for (Time t = m->FirstSendTime(start); t < end; t = m->NextSendTime(t))
            {
                counts[i]++;
            }
        }
        return counts;
    }

    void DoRun() override
    {
        const Time start = Hours(7);
        const uint32_t hours = 24;
        const uint32_t n = 4000;
        for (auto process : {MmsTrafficModel::POISSON, MmsTrafficModel::WEIBULL})
        {
            const bool weibull = process == MmsTrafficModel::WEIBULL;
            const char* name = weibull ? "Weibull 0.6" : "Poisson";
            Run run = Generate(process, n, start, hours, start + Hours(hours), weibull ? 500 : 520);
            Ptr<MmsTrafficModel> m = MakeModel(1);
            m->SetAttribute("Process", EnumValue(process));
            m->SetAttribute("MessagesPerHour", DoubleValue(5.0 / 24));
            const double lambda = m->GetCumulative(start + Hours(hours)) - m->GetCumulative(start);
            auto [mean, var] = MeanVar(run.perSubscriber);
            std::vector<double> direct = Direct(process, n, start, start + Hours(hours), 530);
            auto [dMean, dVar] = MeanVar(direct);
            std::ostringstream os;
            os << name << " cell of " << n << " over 24 h: " << Sum(run.perSubscriber)
               << " sends, per subscriber mean " << mean << " (Lambda " << lambda << "), variance "
               << var << "; " << n << " separate processes: mean " << dMean << ", variance "
               << dVar;
            Report(os.str());
            // The total against Lambda, within 4 standard errors of the per-subscriber counts.
            NS_TEST_EXPECT_MSG_EQ_TOL(mean, lambda, 4 * std::sqrt(var / n), os.str());
            // Each subscriber's counts have the dispersion of its own process: about the mean
            // for Poisson, several times it for Weibull 0.6 (the superposition of Poisson
            // processes with random senders, which a heap-less Weibull would be, gives 1).
            NS_TEST_EXPECT_MSG_EQ_TOL(
                var / dVar, 1.0, 0.25, "dispersion as separate processes: " << os.str());
            if (weibull)
            {
                NS_TEST_EXPECT_MSG_GT(var / mean, 1.5, "Weibull counts are over-dispersed");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ_TOL(var / mean, 1.0, 0.15, "Poisson counts: var = mean");
                // Sends by hour follow Lambda's increments (the profile), chi-squared.
                std::vector<double> p;
                for (uint32_t h = 0; h < hours; ++h)
                {
                    p.push_back((m->GetCumulative(start + Hours(h + 1))
                                 - m->GetCumulative(start + Hours(h)))
                                / lambda);
                }
                ChiSquared chi = ChiSquaredTest(run.perHour, p);
                Report(std::string("  by hour: ") + chi.Str());
                NS_TEST_EXPECT_MSG_EQ(chi.Passes(), true, "sends by hour: " << chi.Str());
            }
        }
        // Same streams, same sends; a stop ends them.
        Run a = Generate(MmsTrafficModel::WEIBULL, 300, start, 4, start + Hours(2), 540);
        Run b = Generate(MmsTrafficModel::WEIBULL, 300, start, 4, start + Hours(2), 540);
        Run c = Generate(MmsTrafficModel::WEIBULL, 300, start, 4, start + Hours(2), 560);
        NS_TEST_EXPECT_MSG_EQ((a.sends == b.sends), true, "same streams, same sends");
        NS_TEST_EXPECT_MSG_EQ((a.sends == c.sends), false, "other streams, other sends");
        NS_TEST_EXPECT_MSG_GT(a.sends.size(), 0u, "sends before the stop");
        NS_TEST_EXPECT_MSG_EQ(a.perHour[2] + a.perHour[3], 0, "no send after the stop");
    }
};

/**
 * MmsEventScheduler against ns-3's MapScheduler: the same insertions (time stamps with many
 * ties, so that the unique id decides), removals anywhere (the top, marked entries, enough to
 * rebuild the array) and takes give the same events in the same order.
 */
class MmsEventSchedulerTestCase : public TestCase
{
  public:
    MmsEventSchedulerTestCase()
        : TestCase("MmsEventScheduler orders and removes events as MapScheduler does")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        u->SetStream(4711);
        Ptr<MmsEventScheduler> mine = CreateObject<MmsEventScheduler>();
        Ptr<MapScheduler> map = CreateObject<MapScheduler>();
        std::vector<Scheduler::Event> pending; // inserted and neither taken nor removed
        uint32_t uid = 0;
        uint64_t now = 0;
        uint32_t taken = 0;
        uint32_t removed = 0;
        bool same = true;
        for (int step = 0; step < 20000; ++step)
        {
            const double r = u->GetValue();
            if (r < 0.5 || pending.empty())
            {
                Scheduler::Event e;
                e.impl = nullptr;                        // never dereferenced by either scheduler
                e.key.m_ts = now + u->GetInteger(0, 20); // ties on purpose
                e.key.m_uid = uid++;
                e.key.m_context = 0;
                mine->Insert(e);
                map->Insert(e);
                pending.push_back(e);
            }
            else if (r < 0.75)
            {
                // Remove one at random (sometimes the next one).
                const std::size_t i = u->GetInteger(0, static_cast<uint32_t>(pending.size() - 1));
                mine->Remove(pending[i]);
                map->Remove(pending[i]);
                pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
                ++removed;
            }
            else
            {
                const Scheduler::Event a = mine->RemoveNext();
                const Scheduler::Event b = map->RemoveNext();
                same = same && a.key.m_uid == b.key.m_uid && a.key.m_ts == b.key.m_ts;
                now = b.key.m_ts;
                pending.erase(std::find_if(pending.begin(),
                                           pending.end(),
                                           [&b](const Scheduler::Event& e)
                                           {
                                               return e.key.m_uid == b.key.m_uid;
                                           }));
                ++taken;
            }
            same = same && mine->IsEmpty() == map->IsEmpty();
            if (!map->IsEmpty())
            {
                same = same && mine->PeekNext().key.m_uid == map->PeekNext().key.m_uid;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(same, true, "same next event at every step");
        NS_TEST_EXPECT_MSG_GT(removed, 1000u, "removals exercised");
        NS_TEST_EXPECT_MSG_GT(taken, 1000u, "takes exercised");
        // Most of what is left removed at once: the array is rebuilt without them.
        const std::size_t before = mine->GetEntries();
        for (std::size_t i = 0; i < pending.size(); ++i)
        {
            if (i % 5 != 0)
            {
                mine->Remove(pending[i]);
                map->Remove(pending[i]);
            }
        }
        NS_TEST_EXPECT_MSG_LT(mine->GetEntries(), before, "rebuilt without the removed entries");
        bool sameToEnd = true;
        while (!map->IsEmpty() && !mine->IsEmpty())
        {
            const uint32_t a = mine->RemoveNext().key.m_uid;
            const uint32_t b = map->RemoveNext().key.m_uid;
            sameToEnd = sameToEnd && a == b;
        }
        NS_TEST_EXPECT_MSG_EQ(sameToEnd, true, "same order to the end");
        NS_TEST_EXPECT_MSG_EQ(map->IsEmpty(), true, "both empty");
        NS_TEST_EXPECT_MSG_EQ(mine->IsEmpty(), true, "both empty");
        NS_TEST_EXPECT_MSG_LT(mine->GetEntries(), 1u, "no marked entry left behind");
    }
};

/// The suite.
class MmsTrafficModelTestSuite : public TestSuite
{
  public:
    MmsTrafficModelTestSuite()
        : TestSuite("mms-traffic-model", Type::UNIT)
    {
        AddTestCase(new MmsTrafficHourlyTestCase);
        AddTestCase(new MmsTrafficGapTestCase(MmsTrafficModel::POISSON));
        AddTestCase(new MmsTrafficGapTestCase(MmsTrafficModel::WEIBULL));
        AddTestCase(new MmsTrafficSpikeTestCase);
        AddTestCase(new MmsTrafficContentTestCase);
        AddTestCase(new MmsTrafficRecipientsTestCase);
        AddTestCase(new MmsTrafficSharesTestCase);
        AddTestCase(new MmsTrafficClockTestCase);
        AddTestCase(new MmsTrafficValidateTestCase);
        AddTestCase(new MmsTrafficStreamsTestCase);
        AddTestCase(new MmsTrafficStationaryTestCase);
        AddTestCase(new MmsCellTrafficTestCase);
        AddTestCase(new MmsEventSchedulerTestCase);
    }
};

static MmsTrafficModelTestSuite
    g_mmsTrafficModelTestSuite; //!< Static variable for test initialization
