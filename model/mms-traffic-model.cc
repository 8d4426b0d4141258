/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Sources of the defaults (each attribute's help text says the same in short):
//  * Process, WeibullShape: a six-month flow-level study of MMS in southern China found the
//    inter-arrival times of personal MMS best fitted by a Weibull distribution; its parameters
//    could not be retrieved, so the shape 0.6 (burstier than Poisson) is an assumption, and the
//    default process stays Poisson.
//  * MessagesPerHour: 0.1 MMS per subscriber per day, an assumption of the order of Telstra's
//    2013 volume (more than 1 M MMS per weekday, about 1.5 M on Fridays) over a large
//    operator's subscriber base.
//  * HourlyProfile: an assumed diurnal shape of mobile messaging (low at night, busy hour
//    21:00-22:00).
//  * SpikeHalfWidth: New Year's Eve SMS press figures describe a sharp spike within +-15 min of
//    midnight, with volumes of about 5-7 times a normal day in some countries (SpikeFactor
//    stays 1: no spike by default).
//  * ContentMix: derived from a suggested mix of 50% photos of 20-40 KB, 30% text or small
//    messages under 10 KB and 20% of 60-300 KB.
//  * Class sizes: the maxima are the class limits of OMA MMS conformance (MMS CONF 1.2/1.3,
//    KB = 1024 octets; the Megapixel limit of 600 KB is MMS 1.3 and unconfirmed). The medians
//    and sigmas are assumptions, anchored on real text-only messages of 643 and 1,337 octets,
//    sample messages of 88 octets to 2.5 KB and 29,696 octets, the size most often announced in
//    real notifications.
//  * MaxMessageSize: Android's default maxMessageSize, 300 x 1024 octets for the whole PDU,
//    less 2 KiB for the PDU's headers and presentation part (298 x 1024 octets of media).
//  * ExtraRecipientProbability, MaxRecipients, DeliveryReportShare, ReadReportShare: assumptions.
//  * DeferredShare: 0, every recipient retrieves at once (the Android default).

#include "mms-traffic-model.h"

#include "mms-common.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <locale>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsTrafficModel");
NS_OBJECT_ENSURE_REGISTERED(MmsTrafficModel);

namespace
{
constexpr int64_t HOUR_NS = 3600LL * 1000000000LL;
constexpr int64_t DAY_NS = 24 * HOUR_NS;
constexpr double DAY_S = 86400.0;
/// Beyond this many days from time 0 the simulated time no longer fits a Time (ns).
constexpr double MAX_DAYS = 100000.0;

/// floor(a / b) for b > 0
int64_t
FloorDiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/// a modulo a day, in [0, DAY_NS)
int64_t
ModDay(int64_t a)
{
    return a - FloorDiv(a, DAY_NS) * DAY_NS;
}

/// Split a list on white space and commas (empty elements are skipped).
std::vector<std::string>
Split(const std::string& s)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : s)
    {
        if (c == ',' || std::isspace(static_cast<unsigned char>(c)))
        {
            if (!cur.empty())
            {
                out.push_back(cur);
                cur.clear();
            }
        }
        else
        {
            cur += c;
        }
    }
    if (!cur.empty())
    {
        out.push_back(cur);
    }
    return out;
}

/// A whole token as a finite number (C locale).
bool
ParseNumber(const std::string& s, double& v)
{
    std::istringstream is(s);
    is.imbue(std::locale::classic());
    is >> v;
    return !is.fail() && is.peek() == std::char_traits<char>::eof() && std::isfinite(v);
}

std::string
Num(double v)
{
    std::ostringstream os;
    os << v;
    return os.str();
}

/// Parse HourlyProfile: the weights read, and an error ("" if none).
std::vector<double>
ParseProfile(const std::string& s, std::string& error)
{
    std::vector<double> w;
    error.clear();
    for (const std::string& t : Split(s))
    {
        double v;
        if (!ParseNumber(t, v))
        {
            error = "HourlyProfile: '" + t + "' is not a number";
            return w;
        }
        w.push_back(v);
    }
    if (w.size() != 24)
    {
        error = "HourlyProfile: " + std::to_string(w.size()) + " weights, need 24";
        return w;
    }
    double sum = 0;
    for (std::size_t h = 0; h < w.size(); ++h)
    {
        if (w[h] < 0)
        {
            error = "HourlyProfile: the weight of hour " + std::to_string(h) + " is negative ("
                    + Num(w[h]) + ")";
            return w;
        }
        sum += w[h];
    }
    if (!(sum > 0))
    {
        error = "HourlyProfile: all weights are 0";
    }
    return w;
}

/// Parse ContentMix: the weights (not normalised) in ContentClassNames() order.
std::vector<double>
ParseMix(const std::string& s, std::string& error)
{
    const std::vector<std::string>& names = MmsTrafficModel::ContentClassNames();
    std::vector<double> w(names.size(), 0.0);
    std::vector<bool> seen(names.size(), false);
    error.clear();
    for (const std::string& t : Split(s))
    {
        std::size_t eq = t.find('=');
        if (eq == std::string::npos)
        {
            error = "ContentMix: '" + t + "' is not class=weight";
            return w;
        }
        std::string name = t.substr(0, eq);
        auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end())
        {
            error = "ContentMix: unknown class '" + name
                    + "' (classes: text, image-basic, image-rich, video-basic, video-rich, "
                      "megapixel)";
            return w;
        }
        std::size_t i = it - names.begin();
        if (seen[i])
        {
            error = "ContentMix: class '" + name + "' appears twice";
            return w;
        }
        seen[i] = true;
        double v;
        if (!ParseNumber(t.substr(eq + 1), v))
        {
            error = "ContentMix: the weight of '" + name + "' is not a number ('" + t.substr(eq + 1)
                    + "')";
            return w;
        }
        if (v < 0)
        {
            error = "ContentMix: the weight of '" + name + "' is negative (" + Num(v) + ")";
            return w;
        }
        w[i] = v;
    }
    double sum = 0;
    for (double v : w)
    {
        sum += v;
    }
    if (!(sum > 0))
    {
        error = "ContentMix: all weights are 0";
    }
    return w;
}

std::string
CheckShare(const char* name, double p)
{
    if (!(p >= 0 && p <= 1))
    {
        return std::string(name) + ": must be a probability in [0, 1] (is " + Num(p) + ")";
    }
    return "";
}
} // namespace

TypeId
MmsTrafficModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MmsTrafficModel")
            .SetParent<Object>()
            .SetGroupName("Mms")
            .AddConstructor<MmsTrafficModel>()
            .AddAttribute(
                "Process",
                "Renewal process of a subscriber's messages, run in operational time "
                "(expected messages): Poisson (exponential gaps) or Weibull (gaps "
                "with WeibullShape, mean 1). Default Poisson.",
                EnumValue(MmsTrafficModel::POISSON),
                MMS_ENUM_ACCESSOR(MmsTrafficModel::Process, &MmsTrafficModel::m_process),
                MakeEnumChecker(
                    MmsTrafficModel::POISSON, "Poisson", MmsTrafficModel::WEIBULL, "Weibull"))
            .AddAttribute("WeibullShape",
                          "Shape k (dimensionless, > 0) of the Weibull gaps (scale "
                          "1/Gamma(1+1/k), mean 1). Default 0.6, burstier than Poisson: an "
                          "assumption (a flow-level study of MMS in southern China found "
                          "Weibull inter-arrival times; its parameters were not retrievable).",
                          DoubleValue(0.6),
                          MakeDoubleAccessor(&MmsTrafficModel::m_weibullShape),
                          MakeDoubleChecker<double>())
            .AddAttribute("MessagesPerHour",
                          "Messages sent per subscriber per hour, averaged over the 24 hours "
                          "(>= 0; 0: the subscriber never sends). Default 0.1/24: 0.1 MMS per "
                          "subscriber per day, an assumption of the order of Telstra's 2013 "
                          "volume (over 1 M MMS per weekday, about 1.5 M on Fridays) over a "
                          "large operator's subscribers.",
                          DoubleValue(0.1 / 24),
                          MakeDoubleAccessor(&MmsTrafficModel::m_messagesPerHour),
                          MakeDoubleChecker<double>())
            .AddAttribute("HourlyProfile",
                          "24 non-negative weights (dimensionless, separated by spaces or "
                          "commas), hour 0 = 00:00-01:00, normalised by their mean: the rate "
                          "in hour h is MessagesPerHour * w[h] / mean(w). Default: an assumed "
                          "diurnal shape of mobile messaging, low at night, busy hour "
                          "21:00-22:00.",
                          StringValue("0.15 0.08 0.05 0.04 0.04 0.07 0.2 0.45 0.7 0.85 0.95 "
                                      "1.05 1.15 1.1 1.05 1.05 1.1 1.2 1.3 1.45 1.6 1.7 1.45 "
                                      "0.8"),
                          MakeStringAccessor(&MmsTrafficModel::m_hourlyProfile),
                          MakeStringChecker())
            .AddAttribute("TimeOfDayAtStart",
                          "Time of day at simulated time 0 (taken modulo 24 h). Default 0 s: "
                          "midnight (a modelling choice).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MmsTrafficModel::m_timeOfDayAtStart),
                          MakeTimeChecker())
            .AddAttribute("SpikeFactor",
                          "Factor (dimensionless, >= 0) on the rate inside the daily spike "
                          "window [SpikeCentre - SpikeHalfWidth, SpikeCentre + "
                          "SpikeHalfWidth). Default 1: no spike (New Year's Eve volumes reach "
                          "about 5-7 times a normal day in some countries).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&MmsTrafficModel::m_spikeFactor),
                          MakeDoubleChecker<double>())
            .AddAttribute("SpikeCentre",
                          "Time of day of the centre of the spike window (taken modulo 24 h; "
                          "the window recurs every simulated day and may wrap midnight). "
                          "Default 0 s: midnight (New Year's Eve).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MmsTrafficModel::m_spikeCentre),
                          MakeTimeChecker())
            .AddAttribute("SpikeHalfWidth",
                          "Half width of the spike window (time, >= 0; 12 h or more: the "
                          "whole day). Default 15 min: New Year's Eve SMS press figures "
                          "describe a sharp spike within +-15 min of midnight.",
                          TimeValue(Minutes(15)),
                          MakeTimeAccessor(&MmsTrafficModel::m_spikeHalfWidth),
                          MakeTimeChecker())
            .AddAttribute("ContentMix",
                          "Weights (dimensionless) of the content classes as class=weight "
                          "separated by spaces or commas, over text, image-basic, image-rich, "
                          "video-basic, video-rich and megapixel (missing classes weigh 0). "
                          "Default derived from a suggested mix: 50% photos of 20-40 KB, 30% "
                          "text or small messages under 10 KB, 20% of 60-300 KB.",
                          StringValue("text=0.30 image-basic=0.25 image-rich=0.25 "
                                      "video-basic=0.10 video-rich=0.07 megapixel=0.03"),
                          MakeStringAccessor(&MmsTrafficModel::m_contentMix),
                          MakeStringChecker())
            .AddAttribute("MaxMessageSize",
                          "Largest media size generated (octets, >= 1): a size drawn from "
                          "a class is capped at it. Default 305152 (298 x 1024): Android's "
                          "default maxMessageSize of 300 x 1024 octets for the whole M-Send.req "
                          "less 2 KiB for its headers and presentation part, so that messages "
                          "at the cap pass a Relay with the same limit.",
                          UintegerValue(298 * 1024),
                          MakeUintegerAccessor(&MmsTrafficModel::m_maxMessageSize),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ExtraRecipientProbability",
                          "q in [0, 1) (probability): a message has 1 + K recipients with "
                          "P(K = k) = (1 - q) q^k, at most MaxRecipients. Default 0.2 (mean "
                          "1.25 recipients): an assumption.",
                          DoubleValue(0.2),
                          MakeDoubleAccessor(&MmsTrafficModel::m_extraRecipientProbability),
                          MakeDoubleChecker<double>())
            .AddAttribute("MaxRecipients",
                          "Most recipients of a generated message (count, >= 1). Default 20: "
                          "an assumption (as the Relay's MaxRecipients).",
                          UintegerValue(20),
                          MakeUintegerAccessor(&MmsTrafficModel::m_maxRecipients),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("DeliveryReportShare",
                          "Probability (in [0, 1]) that a generated message asks for a "
                          "delivery report. Default 0.2: an assumption.",
                          DoubleValue(0.2),
                          MakeDoubleAccessor(&MmsTrafficModel::m_deliveryReportShare),
                          MakeDoubleChecker<double>())
            .AddAttribute("ReadReportShare",
                          "Probability (in [0, 1]) that a generated message asks for a read "
                          "report. Default 0.1: an assumption.",
                          DoubleValue(0.1),
                          MakeDoubleAccessor(&MmsTrafficModel::m_readReportShare),
                          MakeDoubleChecker<double>())
            .AddAttribute("OffNetShare",
                          "Probability (in [0, 1]) that a recipient is drawn among the "
                          "subscribers of other operators (MM4) rather than the sender's own. "
                          "Default 0: every recipient is on-net (and no draw is made).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MmsTrafficModel::m_offNetShare),
                          MakeDoubleChecker<double>())
            .AddAttribute("EmailShare",
                          "Probability (in [0, 1]) that a recipient is an e-mail user of the "
                          "mail server (MM3: user<k>@EmailDomain) rather than a subscriber. "
                          "Default 0: no e-mail recipient (and no draw is made).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MmsTrafficModel::m_emailShare),
                          MakeDoubleChecker<double>())
            .AddAttribute("EmailDomain",
                          "Domain of the e-mail recipients (the MmsMailServer's Domain). "
                          "Default mail.example.net.",
                          StringValue("mail.example.net"),
                          MakeStringAccessor(&MmsTrafficModel::m_emailDomain),
                          MakeStringChecker())
            .AddAttribute("EmailUsers",
                          "Number of e-mail users drawn from (the MmsMailServer's Users). "
                          "Default 100.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&MmsTrafficModel::m_emailUsers),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("DeferredShare",
                          "Probability (in [0, 1]) that a recipient defers the retrieval of a "
                          "notified message. Default 0: every recipient retrieves at once.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MmsTrafficModel::m_deferredShare),
                          MakeDoubleChecker<double>());
    return tid;
}

MmsTrafficModel::MmsTrafficModel()
    : m_uniform(CreateObject<UniformRandomVariable>())
    , m_exponential(CreateObject<ExponentialRandomVariable>())
    , m_weibull(CreateObject<WeibullRandomVariable>())
    , m_gamma(CreateObject<GammaRandomVariable>())
    , m_normal(CreateObject<NormalRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

MmsTrafficModel::~MmsTrafficModel()
{
    NS_LOG_FUNCTION(this);
}

int64_t
MmsTrafficModel::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_uniform->SetStream(stream);
    m_exponential->SetStream(stream + 1);
    m_weibull->SetStream(stream + 2);
    m_gamma->SetStream(stream + 3);
    m_normal->SetStream(stream + 4);
    return 5;
}

const std::vector<std::string>&
MmsTrafficModel::ContentClassNames()
{
    static const std::vector<std::string> names = {
        "text", "image-basic", "image-rich", "video-basic", "video-rich", "megapixel"};
    return names;
}

const MmsTrafficModel::ClassSize&
MmsTrafficModel::GetClassSize(const std::string& contentClass)
{
    // Lognormal of octets: mu = ln(median). The maxima are the class limits of OMA MMS
    // conformance (CONF 1.2/1.3, KB = 1024 octets); medians, sigmas and minima are assumptions.
    static const std::vector<ClassSize> sizes = {
        // text: real text-only messages of 643 and 1,337 octets; sample messages 88 B-2.5 KB.
        {std::log(1000.0), 1.0, 88, 30 * 1024},
        // image-basic (Image Basic, 30 KB): 29,696 octets is the size most announced in real
        // notifications.
        {std::log(25000.0), 0.35, 1024, 30 * 1024},
        // image-rich (Image Rich, 100 KB)
        {std::log(60000.0), 0.4, 2048, 100 * 1024},
        // video-basic (Video Basic, 100 KB)
        {std::log(70000.0), 0.35, 10 * 1024, 100 * 1024},
        // video-rich (Video Rich / Content Rich, 300 KB)
        {std::log(180000.0), 0.4, 30 * 1024, 300 * 1024},
        // megapixel (Megapixel, 600 KB: MMS CONF 1.3, unconfirmed)
        {std::log(350000.0), 0.35, 100 * 1024, 600 * 1024},
    };
    const std::vector<std::string>& names = ContentClassNames();
    auto it = std::find(names.begin(), names.end(), contentClass);
    NS_ABORT_MSG_IF(it == names.end(), "MmsTrafficModel: unknown content class " << contentClass);
    return sizes[it - names.begin()];
}

bool
MmsTrafficModel::Snapshot::operator==(const Snapshot& o) const
{
    return process == o.process && weibullShape == o.weibullShape
           && messagesPerHour == o.messagesPerHour && hourlyProfile == o.hourlyProfile
           && timeOfDayAtStart == o.timeOfDayAtStart && spikeFactor == o.spikeFactor
           && spikeCentre == o.spikeCentre && spikeHalfWidth == o.spikeHalfWidth
           && contentMix == o.contentMix && maxMessageSize == o.maxMessageSize
           && extraRecipientProbability == o.extraRecipientProbability
           && maxRecipients == o.maxRecipients && deliveryReportShare == o.deliveryReportShare
           && readReportShare == o.readReportShare && deferredShare == o.deferredShare
           && emailShare == o.emailShare;
}

MmsTrafficModel::Snapshot
MmsTrafficModel::TakeSnapshot() const
{
    Snapshot s;
    s.process = m_process;
    s.weibullShape = m_weibullShape;
    s.messagesPerHour = m_messagesPerHour;
    s.hourlyProfile = m_hourlyProfile;
    s.timeOfDayAtStart = m_timeOfDayAtStart.GetNanoSeconds();
    s.spikeFactor = m_spikeFactor;
    s.spikeCentre = m_spikeCentre.GetNanoSeconds();
    s.spikeHalfWidth = m_spikeHalfWidth.GetNanoSeconds();
    s.contentMix = m_contentMix;
    s.maxMessageSize = m_maxMessageSize;
    s.extraRecipientProbability = m_extraRecipientProbability;
    s.maxRecipients = m_maxRecipients;
    s.deliveryReportShare = m_deliveryReportShare;
    s.readReportShare = m_readReportShare;
    s.deferredShare = m_deferredShare;
    s.emailShare = m_emailShare;
    return s;
}

void
MmsTrafficModel::Update() const
{
    // NaN compares unequal to itself: a NaN attribute rebuilds at every use (and is invalid).
    if (!m_built || !(TakeSnapshot() == m_snapshot))
    {
        Rebuild();
    }
}

void
MmsTrafficModel::Rebuild() const
{
    NS_LOG_FUNCTION(this);
    m_snapshot = TakeSnapshot();
    m_built = true;
    m_error.clear();
    m_segmentStart.clear();
    m_segmentRate.clear();
    m_segmentCum.clear();
    m_dayCumulative = 0;
    m_startNs = ModDay(m_snapshot.timeOfDayAtStart);
    m_startCumulative = 0;
    m_mixCum.clear();
    m_mixWeights.clear();

    // Validation, attribute by attribute (the first error found is reported).
    std::string profileError;
    m_weights = ParseProfile(m_hourlyProfile, profileError);
    std::string mixError;
    std::vector<double> mix = ParseMix(m_contentMix, mixError);
    std::string e;
    if (!(m_weibullShape > 0) || !std::isfinite(m_weibullShape))
    {
        e = "WeibullShape: must be > 0 (is " + Num(m_weibullShape) + ")";
    }
    else if (!(m_messagesPerHour >= 0) || !std::isfinite(m_messagesPerHour))
    {
        e = "MessagesPerHour: must be a finite number >= 0 (is " + Num(m_messagesPerHour) + ")";
    }
    else if (!profileError.empty())
    {
        e = profileError;
    }
    else if (!(m_spikeFactor >= 0) || !std::isfinite(m_spikeFactor))
    {
        e = "SpikeFactor: must be a finite number >= 0 (is " + Num(m_spikeFactor) + ")";
    }
    else if (m_snapshot.spikeHalfWidth < 0)
    {
        e = "SpikeHalfWidth: must be >= 0 (is " + Num(m_spikeHalfWidth.GetSeconds()) + " s)";
    }
    else if (!mixError.empty())
    {
        e = mixError;
    }
    else if (m_maxMessageSize < 1)
    {
        e = "MaxMessageSize: must be at least 1 octet";
    }
    else if (!(m_extraRecipientProbability >= 0 && m_extraRecipientProbability < 1))
    {
        e = "ExtraRecipientProbability: must be in [0, 1) (is " + Num(m_extraRecipientProbability)
            + ")";
    }
    else if (m_maxRecipients < 1)
    {
        e = "MaxRecipients: must be at least 1";
    }
    else
    {
        e = CheckShare("DeliveryReportShare", m_deliveryReportShare);
        if (e.empty())
        {
            e = CheckShare("ReadReportShare", m_readReportShare);
        }
        if (e.empty())
        {
            e = CheckShare("DeferredShare", m_deferredShare);
        }
        if (e.empty())
        {
            e = CheckShare("OffNetShare", m_offNetShare);
        }
        if (e.empty())
        {
            e = CheckShare("EmailShare", m_emailShare);
        }
    }
    m_error = e;
    if (!m_error.empty())
    {
        NS_LOG_LOGIC("invalid: " << m_error);
        return;
    }

    // The content mix, cumulative and normalised.
    double mixSum = 0;
    for (double v : mix)
    {
        mixSum += v;
    }
    double acc = 0;
    for (double v : mix)
    {
        acc += v;
        m_mixWeights.push_back(v / mixSum);
        m_mixCum.push_back(acc / mixSum);
    }

    // Segment edges over one day (s): the hours, and the spike window's edges if it is neither
    // empty nor the whole day. Edges come from whole nanoseconds divided by 1e9 (exact at the
    // hours, so equal edges merge).
    std::vector<double> edges;
    for (int h = 0; h < 24; ++h)
    {
        edges.push_back(h * 3600.0);
    }
    const int64_t halfNs = m_snapshot.spikeHalfWidth;
    const bool wholeDay = halfNs >= DAY_NS / 2;
    const bool window = halfNs > 0 && !wholeDay;
    const double windowStart = ModDay(m_snapshot.spikeCentre - (window ? halfNs : 0)) / 1e9;
    const double windowLength = (window ? 2 * halfNs : 0) / 1e9;
    if (window)
    {
        edges.push_back(windowStart);
        edges.push_back(ModDay(m_snapshot.spikeCentre + halfNs) / 1e9);
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

    double weightSum = 0;
    for (double w : m_weights)
    {
        weightSum += w;
    }
    // rate in hour h = MessagesPerHour / 3600 * w[h] / mean(w)
    const double base = m_messagesPerHour / 3600.0 * 24.0 / weightSum;
    double cum = 0;
    for (std::size_t i = 0; i < edges.size(); ++i)
    {
        double start = edges[i];
        double end = i + 1 < edges.size() ? edges[i + 1] : DAY_S;
        std::size_t hour = std::min<std::size_t>(23, static_cast<std::size_t>(start / 3600.0));
        double mid = 0.5 * (start + end);
        double intoWindow = std::fmod(mid - windowStart + DAY_S, DAY_S);
        bool inside = wholeDay || (window && intoWindow < windowLength);
        double rate = base * m_weights[hour] * (inside ? m_spikeFactor : 1.0);
        m_segmentStart.push_back(start);
        m_segmentRate.push_back(rate);
        m_segmentCum.push_back(cum);
        cum += rate * (end - start);
    }
    m_dayCumulative = cum;
    m_startCumulative = DayCumulative(m_startNs / 1e9);
    NS_LOG_LOGIC(m_segmentStart.size() << " segments, " << m_dayCumulative << " per day");
}

void
MmsTrafficModel::RequireValid() const
{
    Update();
    NS_ABORT_MSG_IF(!m_error.empty(), "MmsTrafficModel: " << m_error);
}

bool
MmsTrafficModel::Validate(std::string& error) const
{
    Update();
    error = m_error;
    return m_error.empty();
}

double
MmsTrafficModel::DayCumulative(double tod) const
{
    auto it = std::upper_bound(m_segmentStart.begin(), m_segmentStart.end(), tod);
    std::size_t i = it == m_segmentStart.begin() ? 0 : (it - m_segmentStart.begin()) - 1;
    return m_segmentCum[i] + m_segmentRate[i] * (tod - m_segmentStart[i]);
}

double
MmsTrafficModel::GetRate(Time t) const
{
    RequireValid();
    int64_t tod = ModDay(ModDay(t.GetNanoSeconds()) + m_startNs);
    auto it = std::upper_bound(m_segmentStart.begin(), m_segmentStart.end(), tod / 1e9);
    return m_segmentRate[(it - m_segmentStart.begin()) - 1];
}

double
MmsTrafficModel::GetCumulative(Time t) const
{
    RequireValid();
    // Whole days and the time of day in integer nanoseconds (no overflow near Time::Max()),
    // then Lambda = days * (Lambda per day) + (Lambda from midnight to the time of day) -
    // (Lambda from midnight to TimeOfDayAtStart).
    int64_t ns = t.GetNanoSeconds();
    int64_t days = FloorDiv(ns, DAY_NS);
    int64_t x = ns - days * DAY_NS + m_startNs; // [0, 2 days)
    if (x >= DAY_NS)
    {
        x -= DAY_NS;
        days++;
    }
    return static_cast<double>(days) * m_dayCumulative
           + (DayCumulative(x / 1e9) - m_startCumulative);
}

Time
MmsTrafficModel::GetTimeAt(double operational) const
{
    RequireValid();
    if (!(m_dayCumulative > 0) || !(operational < std::numeric_limits<double>::infinity()))
    {
        return Time::Max();
    }
    double target = std::max(operational, 0.0) + m_startCumulative; // Lambda from midnight
    double dayFloor = std::floor(target / m_dayCumulative);
    if (dayFloor >= MAX_DAYS)
    {
        return Time::Max();
    }
    int64_t day = static_cast<int64_t>(dayFloor);
    double rem = target - static_cast<double>(day) * m_dayCumulative;
    if (rem < 0)
    {
        day--;
        rem += m_dayCumulative;
    }
    else if (rem > m_dayCumulative)
    {
        day++;
        rem -= m_dayCumulative;
    }
    if (rem <= 0 && day > 0)
    {
        // The first time Lambda reaches a whole number of days is the end of the previous
        // day's last segment with a positive rate.
        day--;
        rem = m_dayCumulative;
    }
    // The first segment whose end reaches rem: a segment of rate 0 never comes first (its end
    // equals its start, which the segment before already reaches), except when rem is 0.
    auto it = std::lower_bound(m_segmentCum.begin() + 1, m_segmentCum.end(), rem);
    std::size_t i = (it - m_segmentCum.begin()) - 1;
    double start = m_segmentStart[i];
    double end = i + 1 < m_segmentStart.size() ? m_segmentStart[i + 1] : DAY_S;
    double tod = start;
    if (m_segmentRate[i] > 0)
    {
        tod = std::min(end, std::max(start, start + (rem - m_segmentCum[i]) / m_segmentRate[i]));
    }
    int64_t ns = day * DAY_NS + std::llround(tod * 1e9) - m_startNs;
    return NanoSeconds(std::max<int64_t>(ns, 0));
}

uint32_t
MmsTrafficModel::GetBusyHour() const
{
    RequireValid();
    return static_cast<uint32_t>(std::max_element(m_weights.begin(), m_weights.end())
                                 - m_weights.begin());
}

double
MmsTrafficModel::DrawOperationalResidual()
{
    RequireValid();
    // Stationary start: the first gap is the forward recurrence time of the renewal process
    // (the time from a random instant to the next event), which has density (1 - F(x)) / mean.
    // Poisson: memoryless, so an ordinary exponential gap. Weibull: the gap that covers a random
    // instant is length-biased, density x f(x) / mean; with f Weibull(scale s, shape k) and
    // Y = (x/s)^k that density is proportional to y^(1/k) e^(-y), so Y ~ Gamma(shape 1 + 1/k,
    // scale 1) and L = s * Y^(1/k). The instant falls uniformly inside that gap: the residual is
    // U * L with U uniform in (0, 1). (Its mean E[X^2] / (2 E[X]) is about 3.1 for k = 0.6, not
    // 1: drawing an ordinary gap here would bias the count of the first interval.)
    if (m_process == POISSON)
    {
        return m_exponential->GetValue(1.0, 0.0);
    }
    double k = m_weibullShape;
    double scale = 1.0 / std::tgamma(1.0 + 1.0 / k);
    // ns-3's GammaRandomVariable: Alpha is the shape, Beta the scale (mean alpha * beta).
    double length = scale * std::pow(m_gamma->GetValue(1.0 + 1.0 / k, 1.0), 1.0 / k);
    return m_uniform->GetValue(0.0, 1.0) * length;
}

double
MmsTrafficModel::DrawOperationalGap()
{
    RequireValid();
    if (m_process == POISSON)
    {
        return m_exponential->GetValue(1.0, 0.0);
    }
    // Weibull(scale lambda, shape k) has mean lambda * Gamma(1 + 1/k): scale 1/Gamma(1 + 1/k)
    // gives mean 1 (ns-3's WeibullRandomVariable: x = scale * (-ln u)^(1/shape); bound 0: none).
    double k = m_weibullShape;
    return m_weibull->GetValue(1.0 / std::tgamma(1.0 + 1.0 / k), k, 0.0);
}

MmsTrafficModel::Process
MmsTrafficModel::GetProcess() const
{
    return m_process;
}

Time
MmsTrafficModel::FirstSendTime(Time start)
{
    NS_LOG_FUNCTION(this << start);
    RequireValid();
    if (!(m_dayCumulative > 0) || start == Time::Max())
    {
        return Time::Max();
    }
    Time t = GetTimeAt(GetCumulative(start) + DrawOperationalResidual());
    return std::max(t, start);
}

Time
MmsTrafficModel::NextSendTime(Time last)
{
    NS_LOG_FUNCTION(this << last);
    RequireValid();
    if (!(m_dayCumulative > 0) || last == Time::Max())
    {
        return Time::Max();
    }
    Time t = GetTimeAt(GetCumulative(last) + DrawOperationalGap());
    return std::max(t, last);
}

MmsTrafficModel::Content
MmsTrafficModel::DrawContent()
{
    RequireValid();
    const std::vector<std::string>& names = ContentClassNames();
    double u = m_uniform->GetValue(0.0, 1.0);
    std::size_t i = std::upper_bound(m_mixCum.begin(), m_mixCum.end(), u) - m_mixCum.begin();
    if (i >= names.size())
    {
        // u above a cumulative sum that rounding left just under 1: the last class that weighs.
        i = names.size() - 1;
        while (i > 0 && m_mixCum[i] == m_mixCum[i - 1])
        {
            --i;
        }
    }
    const ClassSize& cs = GetClassSize(names[i]);
    double x;
    do
    {
        x = std::exp(
            cs.mu + cs.sigma * m_normal->GetValue(0.0, 1.0, NormalRandomVariable::INFINITE_VALUE));
    } while (!(x >= cs.minSize && x <= cs.maxSize));
    Content c;
    c.contentClass = names[i];
    c.size = std::min(static_cast<uint32_t>(std::llround(x)), m_maxMessageSize);
    return c;
}

uint32_t
MmsTrafficModel::DrawRecipientCount()
{
    RequireValid();
    // 1 + K, K geometric with P(K = k) = (1 - q) q^k: one more recipient while a Bernoulli(q)
    // succeeds; stopping at MaxRecipients gives min(1 + K, MaxRecipients).
    uint32_t n = 1;
    while (n < m_maxRecipients && m_uniform->GetValue(0.0, 1.0) < m_extraRecipientProbability)
    {
        n++;
    }
    return n;
}

uint32_t
MmsTrafficModel::DrawRecipientIndex(uint32_t n)
{
    NS_ABORT_MSG_IF(n == 0, "MmsTrafficModel::DrawRecipientIndex: no one to choose from");
    RequireValid();
    return m_uniform->GetInteger(0, n - 1);
}

bool
MmsTrafficModel::DrawDeliveryReport()
{
    RequireValid();
    return m_uniform->GetValue(0.0, 1.0) < m_deliveryReportShare;
}

bool
MmsTrafficModel::DrawOffNet()
{
    RequireValid();
    // No draw at share 0: runs without other operators draw what they drew before.
    return m_offNetShare > 0 && m_uniform->GetValue(0.0, 1.0) < m_offNetShare;
}

double
MmsTrafficModel::GetOffNetShare() const
{
    return m_offNetShare;
}

bool
MmsTrafficModel::DrawEmail()
{
    RequireValid();
    // No draw at share 0: runs without e-mail draw what they drew before.
    return m_emailShare > 0 && m_uniform->GetValue(0.0, 1.0) < m_emailShare;
}

std::string
MmsTrafficModel::DrawEmailAddress()
{
    return "user" + std::to_string(DrawRecipientIndex(m_emailUsers) + 1) + "@" + m_emailDomain;
}

bool
MmsTrafficModel::DrawReadReport()
{
    RequireValid();
    return m_uniform->GetValue(0.0, 1.0) < m_readReportShare;
}

bool
MmsTrafficModel::DrawDeferred()
{
    RequireValid();
    return m_uniform->GetValue(0.0, 1.0) < m_deferredShare;
}

std::vector<double>
MmsTrafficModel::GetMixWeights() const
{
    RequireValid();
    return m_mixWeights;
}

std::vector<double>
MmsTrafficModel::GetHourlyWeights() const
{
    // As set (parsed), even when the model is invalid.
    std::string error;
    return ParseProfile(m_hourlyProfile, error);
}

} // namespace ns3
