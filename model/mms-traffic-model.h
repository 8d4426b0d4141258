/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_TRAFFIC_MODEL_H
#define MMS_TRAFFIC_MODEL_H
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-scenario
 * \brief The MMS traffic a population of subscribers generates: when each subscriber sends,
 * what, to how many recipients, and with which service features.
 *
 * One model is shared by the User Agents of a population (their TrafficModel attribute) and
 * holds no per-subscriber state: a User Agent asks it for its next send time and, at that
 * time, for the message's content, recipients and reports. With a model set, the User Agent's
 * own InterArrival, MessageSize, RecipientCount, DeliveryReport and ReadReport are not used.
 *
 * When. A subscriber's rate at simulated time t is
 * \code
 *   lambda(t) = MessagesPerHour / 3600 * w(h(t)) / mean(w) * s(t)   [1/s]
 * \endcode
 * where h(t) is the hour of the day at t (TimeOfDayAtStart + t, modulo 24 h), w the 24 hourly
 * weights of HourlyProfile (default: an assumed diurnal shape of mobile messaging, low at night,
 * busy hour 21:00-22:00) and s(t) = SpikeFactor inside the daily window
 * [SpikeCentre - SpikeHalfWidth, SpikeCentre + SpikeHalfWidth) (wrapping around midnight) and
 * 1 outside: a spike such as New Year's Eve, whose SMS volumes reach 5 to 7 times a normal day
 * in some countries (SpikeFactor 1 by default: no spike). Sends are a renewal process with
 * unit mean gaps in operational time Lambda(t), the integral of lambda from 0 to t, mapped
 * back to simulated time by the exact inverse of the piecewise-linear Lambda (GetTimeAt()).
 * With exponential gaps (Process Poisson, the default) this is exactly the non-homogeneous
 * Poisson process of rate lambda(t); with Weibull gaps (shape WeibullShape, scale
 * 1/Gamma(1+1/k) for a mean of 1) a burstier process with the same mean rate. The shape 0.6
 * is an assumption: a flow-level study of MMS found Weibull inter-arrival times, but its
 * parameters could not be retrieved. The first send is drawn from the stationary renewal process (a
 * forward recurrence time), so the rate is right from the start. MessagesPerHour defaults to
 * 0.1 message per subscriber per day, an assumption of the order of Telstra's 2013 volume.
 *
 * What. A content class by the weights of ContentMix among the six classes of OMA MMS
 * conformance (text, image-basic, image-rich, video-basic, video-rich, megapixel), then a size
 * from the class's log-normal distribution (GetClassSize()), redrawn until it falls inside the
 * class's range and capped at MaxMessageSize (298 x 1024 octets: Android's default maximum of
 * the whole message less 2 KiB of headers and presentation).
 *
 * To whom and how. 1 + K recipients, P(K = k) = (1 - q) q^k with q =
 * ExtraRecipientProbability (0.2), at most MaxRecipients (20); each drawn uniformly among the
 * subscribers (DrawRecipientIndex()). A message asks for a delivery report with probability
 * DeliveryReportShare (0.2) and for a read report with ReadReportShare (0.1); a recipient
 * defers the retrieval of a notified message with probability DeferredShare (0); with
 * probability EmailShare (0: no draw) a recipient is an e-mail user of the mail server
 * instead (DrawEmailAddress(), sent over MM3). The model has
 * no trace sources: the User Agents trace what they send.
 *
 * The string attributes are parsed when the model is first used after a change; Validate()
 * names the attribute of a bad value, and drawing from an invalid model aborts with the same
 * text. MmsScenarioHelper creates one model per cell of a scenario file (its attributes from
 * MmsScenarioHelper::SetTrafficModelAttribute() and the file); by hand:
 * \code
 *   Ptr<MmsTrafficModel> model = CreateObject<MmsTrafficModel>();
 *   model->SetAttribute("TimeOfDayAtStart", TimeValue(Hours(21)));
 *   model->SetAttribute("Process", StringValue("Weibull"));
 *   model->AssignStreams(10);
 *   MmsHelper mms;
 *   mms.SetUserAgentAttribute("TrafficModel", PointerValue(model));
 *   mms.SetUserAgentAttribute("Traffic", BooleanValue(true));
 * \endcode
 *
 * Limits: every subscriber of a model has the same rate; the size of a message does not
 * depend on its recipients; operational time is a double, so a send time maps back to within
 * 1 ns over the first ten simulated days (4 ns at 30 days).
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

    /// A drawn message content (DrawContent()).
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
    /// Create a model with the attributes' defaults.
    MmsTrafficModel();
    /// Destroy the model.
    ~MmsTrafficModel() override;

    /**
     * \brief Assign fixed random variable streams to every draw of the model.
     * \param stream first stream index
     * \return the number of streams used (5)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief The six content class names, in the order of GetMixWeights().
     * \return text, image-basic, image-rich, video-basic, video-rich, megapixel
     */
    static const std::vector<std::string>& ContentClassNames();

    /**
     * \brief Check the attribute values together (profile of 24 non-negative weights with a
     * positive sum, mix weights non-negative with a positive sum, shares in [0,1], ...). \param
     * error what is wrong, naming the attribute, when false is returned \return true if the model
     * can generate traffic
     */
    bool Validate(std::string& error) const;

    /**
     * \brief The subscriber's rate lambda(t); aborts if the model is invalid.
     * \param t simulated time
     * \return messages per second
     */
    double GetRate(Time t) const;
    /**
     * \brief Lambda(t), the expected messages of one subscriber in [0, t]; aborts if the model
     * is invalid.
     * \param t simulated time
     * \return the expected number of messages
     */
    double GetCumulative(Time t) const;
    /**
     * \brief The inverse of GetCumulative(); aborts if the model is invalid.
     * \param operational a value of Lambda (a negative one counts as 0)
     * \return the first simulated time at which Lambda reaches it; Time::Max() if it never
     *         does (a rate of 0 everywhere, or beyond about 100,000 days)
     */
    Time GetTimeAt(double operational) const;
    /**
     * \brief The busy hour; aborts if the model is invalid.
     * \return the hour of the day (0..23) with the largest weight (the first of equal ones)
     */
    uint32_t GetBusyHour() const;

    /**
     * \brief The first send time of a subscriber whose process runs from simulated time
     * `start`; aborts if the model is invalid.
     *
     * Stationary start: the first gap is a forward recurrence time of the renewal process (for
     * Poisson an ordinary exponential gap; for Weibull a uniform fraction of a length-biased
     * gap), so the count of the first interval is unbiased.
     * \param start when the subscriber's process starts
     * \return the first send time, at least start; Time::Max() if the subscriber never sends
     */
    Time FirstSendTime(Time start);
    /**
     * \brief The send time that follows a send; aborts if the model is invalid.
     * \param last the time of the previous send
     * \return the next send time, at least last; Time::Max() if the subscriber never sends
     */
    Time NextSendTime(Time last);
    /**
     * \brief A gap of one subscriber's renewal process in operational time (mean 1): what
     * NextSendTime() adds to Lambda(last). Aborts if the model is invalid.
     * \return the gap (dimensionless, operational time)
     */
    double DrawOperationalGap();
    /**
     * \brief The first gap of one subscriber's stationary renewal process in operational time:
     * what FirstSendTime() adds to Lambda(start) (a forward recurrence time). Aborts if the
     * model is invalid.
     * \return the gap (dimensionless, operational time)
     */
    double DrawOperationalResidual();
    /**
     * \brief The process whose gaps DrawOperationalGap() draws.
     * \return Poisson or Weibull (the Process attribute)
     */
    Process GetProcess() const;

    /**
     * \brief Draw a content class by ContentMix and a size from the class's distribution;
     * aborts if the model is invalid.
     * \return the class and the media size, capped at MaxMessageSize
     */
    Content DrawContent();
    /**
     * \brief Draw the number of recipients; aborts if the model is invalid.
     * \return 1 + a geometric count of parameter ExtraRecipientProbability, at most
     *         MaxRecipients
     */
    uint32_t DrawRecipientCount();
    /**
     * \brief Draw one recipient uniformly; aborts if the model is invalid or n is 0.
     * \param n the number to choose from (>= 1)
     * \return an index in [0, n)
     */
    uint32_t DrawRecipientIndex(uint32_t n);
    /**
     * \brief Whether a generated message asks for a delivery report; aborts if the model is
     * invalid.
     * \return true with probability DeliveryReportShare
     */
    bool DrawDeliveryReport();
    /**
     * \brief Whether a generated message asks for a read report; aborts if the model is
     * invalid.
     * \return true with probability ReadReportShare
     */
    bool DrawReadReport();
    /**
     * \brief Whether a recipient is drawn among other operators' subscribers; aborts if the
     * model is invalid. Draws nothing when OffNetShare is 0.
     * \return true with probability OffNetShare
     */
    bool DrawOffNet();
    /**
     * \brief The share of off-net recipients (attribute OffNetShare).
     * \return a probability
     */
    double GetOffNetShare() const;
    /**
     * \brief Whether a recipient is an e-mail user (MM3) rather than a subscriber; aborts if
     * the model is invalid. Draws nothing when EmailShare is 0.
     * \return true with probability EmailShare
     */
    bool DrawEmail();
    /**
     * \brief An e-mail recipient drawn uniformly among the mail server's users.
     * \return "user<k>@EmailDomain", k in 1..EmailUsers
     */
    std::string DrawEmailAddress();
    /**
     * \brief Whether a recipient defers the retrieval of a notified message; aborts if the
     * model is invalid.
     * \return true with probability DeferredShare
     */
    bool DrawDeferred();

    /// Size distribution of one content class: lognormal(mu, sigma) of octets, truncated to
    /// [minSize, maxSize] by redrawing (then capped by MaxMessageSize). The maxima are the
    /// class limits of OMA MMS conformance (MMS CONF 1.2/1.3, KB = 1024 octets; Megapixel's
    /// 600 KB is unconfirmed); medians, sigmas and minima are assumptions.
    struct ClassSize
    {
        double mu;        //!< mean of ln(size)
        double sigma;     //!< standard deviation of ln(size)
        uint32_t minSize; //!< octets
        uint32_t maxSize; //!< octets (the class limit of OMA MMS CONF)
    };

    /**
     * \brief The size distribution of a class.
     * \param contentClass one of ContentClassNames() (aborts on another name)
     * \return its distribution
     */
    static const ClassSize& GetClassSize(const std::string& contentClass);
    /**
     * \brief The content-class weights of ContentMix; aborts if the model is invalid.
     * \return the weights normalised to sum 1, in ContentClassNames() order
     */
    std::vector<double> GetMixWeights() const;
    /**
     * \brief The hourly weights of HourlyProfile, as set (not normalised), even when the
     * model is invalid.
     * \return the weights parsed (24 for a valid profile)
     */
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
        double emailShare{0};
        /// \param o another snapshot \return whether every value is the same
        bool operator==(const Snapshot& o) const;
    };

    Snapshot TakeSnapshot() const; //!< \return the current attribute values
    void Update() const;           //!< rebuild the derived state if an attribute changed
    void Rebuild() const;      //!< recompute the piecewise-constant rate table from the attributes
    void RequireValid() const; //!< Update(); abort with the Validate() error if invalid
    /// \param tod time of day (s, [0, 86400]) \return Lambda from midnight to tod
    double DayCumulative(double tod) const;

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
    double m_offNetShare;
    double m_emailShare;       //!< EmailShare
    std::string m_emailDomain; //!< EmailDomain
    uint32_t m_emailUsers;     //!< EmailUsers
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
