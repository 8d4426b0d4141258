/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_TRAFFIC_MODEL_H
#define MMS_TRAFFIC_MODEL_H
// The MMS traffic a population of subscribers generates: when each subscriber sends (a Poisson
// or Weibull renewal process run on a clock that follows a 24-hour profile of hourly weights and
// an optional spike such as New Year's Eve), what (a content class of OMA MMS CONF and a size
// from that class's distribution, capped by the largest message), to how many recipients
// (1 + geometric), and which service features (delivery report, read report, deferred
// retrieval). One model is shared by many User Agents; it holds no per-subscriber state.
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * Traffic model of MMS subscribers (shared by the User Agents of a population).
 *
 * Arrivals: the subscriber's rate at simulated time t is
 *   lambda(t) = MessagesPerHour / 3600 * w(h(t)) / mean(w) * s(t)   [1/s]
 * where h(t) is the hour of the day at t (TimeOfDayAtStart + t, modulo 24 h), w the 24 hourly
 * weights of HourlyProfile and s(t) = SpikeFactor inside the daily window
 * [SpikeCentre - SpikeHalfWidth, SpikeCentre + SpikeHalfWidth) (wrapping around midnight) and 1
 * outside. Arrivals are a renewal process with unit mean gaps (exponential: Poisson; Weibull
 * with WeibullShape) in operational time Lambda(t) = integral of lambda from 0 to t, mapped back
 * to simulated time by the inverse of Lambda. With exponential gaps this is exactly the
 * non-homogeneous Poisson process of rate lambda(t).
 */
class MmsTrafficModel : public Object
{
  public:
    /// Gap distribution of the renewal process (in operational time).
    enum Process
    {
        POISSON, //!< exponential gaps
        WEIBULL, //!< Weibull gaps with WeibullShape, scale so the mean is 1
    };

    /// A drawn message content.
    struct Content
    {
        std::string contentClass; //!< "text", "image-basic", ..., "megapixel"
        uint32_t size{0};         //!< media octets, 1 <= size <= MaxMessageSize
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsTrafficModel();
    ~MmsTrafficModel() override;

    /**
     * Assign fixed random variable streams.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// The six content class names, in the order of the ContentMix attribute.
    static const std::vector<std::string>& ContentClassNames();

    /**
     * Check the attribute values together (profile of 24 non-negative weights with a positive
     * sum, mix weights non-negative with a positive sum, shares in [0,1], ...).
     * \param error what is wrong, naming the attribute, when false is returned
     * \return true if the model can generate traffic
     */
    bool Validate(std::string& error) const;

    /// The subscriber's rate at simulated time t (messages per second).
    double GetRate(Time t) const;
    /// Lambda(t): expected messages of one subscriber in [0, t].
    double GetCumulative(Time t) const;
    /// The simulated time at which Lambda reaches `operational` (>= 0).
    Time GetTimeAt(double operational) const;
    /// The hour of the day (0..23) with the largest weight (the busy hour).
    uint32_t GetBusyHour() const;

    /**
     * The first send time of a subscriber whose process runs from simulated time `start`
     * (stationary start: the first gap is a forward recurrence time of the renewal process).
     */
    Time FirstSendTime(Time start);
    /// The send time that follows a send at `last`.
    Time NextSendTime(Time last);

    /// Draw a content class by ContentMix and a size from the class's distribution.
    Content DrawContent();
    /// Draw the number of recipients: 1 + a geometric count, at most MaxRecipients.
    uint32_t DrawRecipientCount();
    /// Draw one recipient index uniformly in [0, n) (n >= 1).
    uint32_t DrawRecipientIndex(uint32_t n);
    /// Whether a generated message asks for a delivery report (DeliveryReportShare).
    bool DrawDeliveryReport();
    /// Whether a generated message asks for a read report (ReadReportShare).
    bool DrawReadReport();
    /// Whether a recipient defers the retrieval of a notified message (DeferredShare).
    bool DrawDeferred();

    /// Size distribution of one content class: lognormal(mu, sigma) of octets, truncated to
    /// [minSize, maxSize] by redrawing (then capped by MaxMessageSize).
    struct ClassSize
    {
        double mu;        //!< mean of ln(size)
        double sigma;     //!< standard deviation of ln(size)
        uint32_t minSize; //!< octets
        uint32_t maxSize; //!< octets (the class limit of OMA MMS CONF)
    };

    /// The size distribution of a class by name (aborts on an unknown name).
    static const ClassSize& GetClassSize(const std::string& contentClass);
    /// The content-class weights (normalised to sum 1), in ContentClassNames() order.
    std::vector<double> GetMixWeights() const;
    /// The 24 hourly weights (as set).
    std::vector<double> GetHourlyWeights() const;

  private:
    /// The attribute values the derived state below was computed from: any difference
    /// (an attribute was set since) makes the next use rebuild it.
    struct Snapshot
    {
        Process process{POISSON};
        double weibullShape{0};
        double messagesPerHour{0};
        std::string hourlyProfile;
        int64_t timeOfDayAtStart{0}; //!< ns
        double spikeFactor{0};
        int64_t spikeCentre{0};    //!< ns
        int64_t spikeHalfWidth{0}; //!< ns
        std::string contentMix;
        uint32_t maxMessageSize{0};
        double extraRecipientProbability{0};
        uint32_t maxRecipients{0};
        double deliveryReportShare{0};
        double readReportShare{0};
        double deferredShare{0};
        /// \param o another snapshot \return whether every value is the same
        bool operator==(const Snapshot& o) const;
    };

    Snapshot TakeSnapshot() const; //!< \return the current attribute values
    void Update() const;           //!< rebuild the derived state if an attribute changed
    void Rebuild() const;      //!< recompute the piecewise-constant rate table from the attributes
    void RequireValid() const; //!< Update(); abort with the Validate() error if invalid
    /// \param tod time of day (s, [0, 86400]) \return Lambda from midnight to tod
    double DayCumulative(double tod) const;
    /// \return a gap of the renewal process in operational time (mean 1)
    double DrawGap();

    // attributes
    Process m_process;
    double m_weibullShape;
    double m_messagesPerHour;
    std::string m_hourlyProfile;
    Time m_timeOfDayAtStart;
    double m_spikeFactor;
    Time m_spikeCentre;
    Time m_spikeHalfWidth;
    std::string m_contentMix;
    uint32_t m_maxMessageSize;
    double m_extraRecipientProbability;
    uint32_t m_maxRecipients;
    double m_deliveryReportShare;
    double m_readReportShare;
    double m_deferredShare;

    // random variables (all assigned by AssignStreams)
    Ptr<UniformRandomVariable> m_uniform;
    Ptr<ExponentialRandomVariable> m_exponential;
    Ptr<WeibullRandomVariable> m_weibull;
    Ptr<GammaRandomVariable> m_gamma;
    Ptr<NormalRandomVariable> m_normal;

    // derived (cached; rebuilt when an attribute changed)
    mutable bool m_built{false};                //!< m_snapshot and what follows are set
    mutable Snapshot m_snapshot;                //!< the attributes they were computed from
    mutable std::string m_error;                //!< Validate()'s error ("" when valid)
    mutable std::vector<double> m_weights;      //!< the parsed hourly weights
    mutable std::vector<double> m_mixWeights;   //!< normalised mix weights
    mutable std::vector<double> m_mixCum;       //!< their cumulative sums
    mutable std::vector<double> m_segmentStart; //!< time of day (s) where each segment starts
    mutable std::vector<double> m_segmentRate;  //!< rate (1/s) in the segment
    mutable std::vector<double> m_segmentCum;   //!< Lambda over the day at the segment start
    mutable double m_dayCumulative{0};          //!< Lambda over one whole day
    mutable int64_t m_startNs{0};               //!< TimeOfDayAtStart modulo a day (ns)
    mutable double m_startCumulative{0};        //!< Lambda from midnight to TimeOfDayAtStart
};

} // namespace ns3

#endif /* MMS_TRAFFIC_MODEL_H */
