/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SUBSCRIBER_POOL_H
#define MMS_SUBSCRIBER_POOL_H

#include "mms-radio-cell-channel.h"
#include "mms-rrc-state-machine.h"
#include "mms-subscriber-directory.h"
#include "mms-user-agent.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

class MmsRadioBearerNetDevice;

/**
 * \ingroup mms-engines
 * \brief The subscribers of radio cells as compact records, with User Agents and handsets
 * only while they are needed (handsets on demand).
 *
 * A subscriber is a record of 40 octets (its User Agent while it has one, the handset it is
 * bound to, the count of transaction ids it used, its switched-off and coverage states); its number
 * is found by arithmetic from its index (SetFirstMsisdn), and a directory range
 * (MmsSubscriberDirectory::AddRange) makes the MMSE's elements see every subscriber without a table
 * entry each. Its sends come from its cell's process (MmsCellTraffic calls Send()).
 *
 * A subscriber gets an MmsUserAgent (the same class as a handset installed for the whole run,
 * created by the cell's UserAgentFactory) when something happens to it: it sends, or the network
 * locates it to deliver an SMS or an IP push (Locate()). The User Agent keeps it while anything
 * is under way (transactions, deferred retrievals, reading delays: MmsUserAgent::IsSettled());
 * then its transaction-id count goes back to the record, its counters into the pool's totals,
 * and it is disposed of.
 *
 * A User Agent gets a handset (an ns-3 node with IPv4, a radio bearer device in the cell and a
 * socket transport, made by the cell's HandsetFactory) when it needs the data bearer: its first
 * HTTP attempt, or the delivery of an SMS. Binding is the PDP context activation of a GGSN: the
 * handset (and so its address) comes from the cell's pool of free handsets, the pool grows by one
 * when it is empty, and the directory maps the number to that address while the binding lasts.
 * The radio model then treats the handset as any other: its first transfer pays the PDP
 * activation and the promotion. The binding ends when the handset's PDP context is released (the
 * RRC state machine's PdpIdleTimeout; with PdpMode AlwaysOn, when it returns to Idle) and no
 * exchange is in flight, or, for a binding that only carried an SMS, SmsHoldTime after the
 * network located it; the handset then waits ReuseHoldTime before another subscriber may take it,
 * so that late packets for the previous subscriber (TCP segments, an SMS) reach nobody rather
 * than the wrong subscriber; while it rests its address still names that subscriber (an RP-ACK
 * sent just before the release is matched to it). MaxBoundHandsets, if not 0, bounds the bound
 * handsets of a cell (an SGSN's limit of PDP contexts): an attempt beyond it fails as one without a
 * PDP context (retried on the User Agent's policy) and fires Refused. So does a binding when the
 * cell's HandsetFactory can make no more handsets (MmsScenarioHelper's: the cell's subnet is
 * full); an SMS that finds no handset then fails at the SMSC as for an unknown subscriber.
 *
 * Trace sources: UserAgentCreated (a User Agent was created for a subscriber: connect its traces
 * here, as MmsSqliteRecorder does), HandsetCreated (a cell's pool grew), Bound, Released,
 * Refused.
 *
 * Switch-offs: with SetSwitching() a cell's subscribers follow a User Agent's OnOff process;
 * while a subscriber has no User Agent its process lives in its record (the state and the end
 * of the current period, drawn when the subscriber is looked at), and its User Agents carry it
 * on while they exist (MmsUserAgent::SetSwitchState, GetSwitchState). Coverage: with
 * SetCoverage() likewise a handset device's coverage process, applied to the handset while
 * the subscriber is bound.
 *
 * SMS by number: with SetSmsPoint() the SMSC reaches a subscriber without a handset through
 * its cell's base station (MmsSmsc::FORWARD_TO_CELL): the cell's signalling channel pages the
 * record, the User Agent handles the SMS as one from its handset, and binds a handset only if
 * it then has something to send. Without it, an SMS binds a handset for SmsHoldTime.
 *
 * Limits: an IP push (Locate()) binds a handset for SmsHoldTime; what a retired User Agent
 * remembered of past notifications is forgotten, so a re-notification after that is taken for
 * a new message.
 */
class MmsSubscriberPool : public MmsSubscriberLocator
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    /// An empty pool.
    MmsSubscriberPool();
    ~MmsSubscriberPool() override;

    /// A handset made for a cell's pool: a node with a radio device at packet level, or a
    /// flow-level transport with its own state machine (no node, no device).
    struct Handset
    {
        Ptr<Node> node;                      //!< the node (null at flow level)
        Ptr<MmsTransport> transport;         //!< its transport
        Ptr<MmsRadioBearerNetDevice> device; //!< its radio bearer device (null at flow level)
        Ipv4Address address;                 //!< its address
        Ptr<MmsRrcStateMachine> rrc;         //!< its state machine (the device's, if null)
    };

    /// Makes a new handset in a cell (its argument: the pool's cell index).
    typedef Callback<Handset, uint32_t> HandsetFactory;
    /// Makes a User Agent for a subscriber of a cell, configured but not started (arguments:
    /// the cell index, the number).
    typedef Callback<Ptr<MmsUserAgent>, uint32_t, const std::string&> UserAgentFactory;

    /**
     * The number of subscriber 0; the others count up from it (MmsHelper::GetMsisdn's rule).
     * \param msisdn a number ending in digits
     */
    void SetFirstMsisdn(const std::string& msisdn);
    /**
     * Add a cell of subscribers, numbered on from the previous cell's.
     * \param subscribers how many
     * \param handsets makes its handsets
     * \param userAgents makes its subscribers' User Agents
     * \param context the node id its events run in (the cell's node)
     * \return the cell's index in the pool
     */
    uint32_t AddCell(uint32_t subscribers,
                     HandsetFactory handsets,
                     UserAgentFactory userAgents,
                     uint32_t context);
    /**
     * \param cell a cell index
     * \return the index of the cell's first subscriber
     */
    uint32_t GetFirstSubscriber(uint32_t cell) const;
    /**
     * Give a cell's subscribers the OnOff process of a User Agent (MmsUserAgent's OnOff,
     * OnTime and OffTime), started now. A subscriber's process lives in its record while it
     * has no User Agent: its periods are drawn when it is looked at (a send, a paging), from
     * that User Agent's OnTime and OffTime, as its own User Agent would have drawn them; its
     * User Agents carry it on while they exist. A switched-off subscriber without a User Agent
     * sends nothing and gets none; the network cannot page it.
     * \param cell the cell (AddCell's return)
     * \param prototype a User Agent whose OnOff is true (its random variables are used; the
     *        cell's User Agents should share them: MmsUserAgent::ShareRandomVariables)
     */
    void SetSwitching(uint32_t cell, Ptr<const MmsUserAgent> prototype);
    /**
     * Give a cell's subscribers the coverage process of a handset device
     * (MmsRadioBearerNetDevice's CoverageProcess, InCoverageTime and OutOfCoverageTime),
     * started now: each subscriber's lives in its record (drawn when it is looked at, from that
     * device's variables, as a handset's own process would have drawn them), and acts on the
     * handset bound to it while the binding lasts (MmsRadioBearerNetDevice::SetReachable, one
     * pending event per bound subscriber). Out of coverage, a subscriber cannot be paged and its
     * handset reaches nothing. The pool's handsets must not run a coverage process of their own.
     * \param cell the cell (AddCell's return)
     * \param prototype a device whose variables give the periods
     */
    void SetCoverage(uint32_t cell, Ptr<const MmsRadioBearerNetDevice> prototype);
    /**
     * Whether a subscriber is in coverage now (its record's coverage process brought up to
     * now; always, without SetCoverage).
     * \param index the subscriber
     * \return true if in coverage
     */
    bool IsInCoverage(uint32_t index);
    /**
     * Whether the network can reach a subscriber now: switched on (IsOn) and in coverage
     * (IsInCoverage).
     * \param index the subscriber
     * \return true if reachable
     */
    bool IsReachable(uint32_t index);
    /**
     * Whether a subscriber is switched on now (its User Agent's state while it has one, else
     * its record's OnOff process brought up to now; always, without SetSwitching).
     * \param index the subscriber
     * \return true if switched on
     */
    bool IsOn(uint32_t index);
    /**
     * \brief Deliver SMS to a cell's subscribers by number, without a handset: the cell's
     * base station receives the SMSC's datagrams for them (MmsSmsc::FORWARD_TO_CELL, UDP
     * `port` at `address`, through `transport`); each pages its subscriber through the cell's
     * signalling channel (MmsRadioCellChannel::SignalSubscriber: paging, SMS transfer, paging
     * failure if switched off), gives the SMS to the subscriber's User Agent
     * (MmsUserAgent::ReceiveSmsByNumber) and sends its answer back after the channel's report
     * time (MmsSmsc::FORWARD_REPORT). Without this, an SMS binds a handset (Locate()).
     * \param cell the cell (AddCell's return)
     * \param transport a transport on the cell's base-station node
     * \param channel the cell's channel
     * \param address the base station's address, where the SMSC sends
     * \param port the SMS bearer port (MmsSmsc BearerPort)
     */
    void SetSmsPoint(uint32_t cell,
                     Ptr<MmsTransport> transport,
                     Ptr<MmsRadioCellChannel> channel,
                     Ipv4Address address,
                     uint16_t port);
    /**
     * The subscriber of a number.
     * \param msisdn a number (an address type is ignored)
     * \param index its index, when found
     * \return whether the number is one of the pool's
     */
    bool FindByMsisdn(const std::string& msisdn, uint32_t& index) const;
    /**
     * \return the number of subscribers
     */
    uint32_t GetN() const;
    /**
     * \param index a subscriber's index
     * \return its number
     */
    std::string GetMsisdn(uint32_t index) const;

    /**
     * A send of subscriber `index`'s traffic process: the subscriber gets a User Agent if it
     * has none, which builds and submits the message (MmsUserAgent::GenerateMessage).
     * \param index the subscriber
     */
    void Send(uint32_t index);
    /**
     * Stop message generation: User Agents made from now on, and those that exist, have
     * Traffic false.
     */
    void StopTraffic();

    // MmsSubscriberLocator
    bool Locate(uint32_t index, Ipv4Address& out) override;
    bool LocateForSms(uint32_t index, Ipv4Address& out, bool& byNumber) override;
    bool FindByAddress(Ipv4Address address, uint32_t& index) const override;

    /// Figures of the pool.
    struct Statistics
    {
        uint64_t activations{0};     //!< User Agents created
        uint64_t bindings{0};        //!< handsets bound to a subscriber
        uint64_t releases{0};        //!< bindings ended
        uint64_t refusals{0};        //!< bindings refused (MaxBoundHandsets)
        uint64_t handsetsCreated{0}; //!< handsets made (all cells)
        uint64_t sendsWhileOff{0};   //!< sends of switched-off subscribers without a User Agent
        uint64_t smsByNumber{0};     //!< SMS delivered by number to subscribers (SetSmsPoint)
        uint32_t activeNow{0};       //!< subscribers with a User Agent now
        uint32_t boundNow{0};        //!< handsets bound now
        uint32_t peakBound{0};       //!< the most bound at once (all cells)
    };

    /**
     * \return the pool's figures
     */
    Statistics GetStatistics() const;
    /**
     * \return the User Agents' counters, summed over every User Agent the pool made (those
     * retired and those that exist)
     */
    MmsUserAgent::Counters GetCounters() const;
    /**
     * \param index a subscriber
     * \return its User Agent, or null if it has none now
     */
    Ptr<MmsUserAgent> GetUserAgent(uint32_t index) const;
    /**
     * \param cell a cell index
     * \return the handsets its pool has made
     */
    uint32_t GetHandsetCount(uint32_t cell) const;
    /**
     * \param cell a cell index
     * \param handset a handset of the cell's pool
     * \return the number of the subscriber bound to it, or "" if none
     */
    std::string GetBoundMsisdn(uint32_t cell, uint32_t handset) const;
    /**
     * \brief TracedCallback signature of a binding: the subscriber's number, the cell index,
     * the handset's index in the cell's pool and its address.
     * \param msisdn the number
     * \param cell the cell
     * \param handset the handset (UINT32_MAX for a refusal)
     * \param address the address (0.0.0.0 for a refusal)
     */
    typedef void (*BindingTracedCallback)(const std::string& msisdn,
                                          uint32_t cell,
                                          uint32_t handset,
                                          Ipv4Address address);
    /**
     * \brief TracedCallback signature of a new User Agent.
     * \param ua the User Agent
     */
    typedef void (*UserAgentTracedCallback)(Ptr<MmsUserAgent> ua);
    /**
     * \brief TracedCallback signature of a new handset: the cell index, the handset's index in
     * the cell's pool, its transport.
     * \param cell the cell
     * \param handset the handset
     * \param transport its transport
     */
    typedef void (*HandsetTracedCallback)(uint32_t cell,
                                          uint32_t handset,
                                          Ptr<MmsTransport> transport);

  protected:
    /// Dispose of every User Agent and forget the handsets and factories.
    void DoDispose() override;

  private:
    /// A subscriber.
    struct Record
    {
        Ptr<MmsUserAgent> ua;      //!< while it has one
        uint32_t tids{0};          //!< transaction ids used so far
        int32_t handset{-1};       //!< the bound handset (index in its cell's pool), or -1
        Time nextSwitch{-1};       //!< OnOff: when the current period ends (negative: not started)
        Time nextCoverage{-1};     //!< coverage: when the current period ends (likewise)
        bool off{false};           //!< OnOff: switched off (as of the last look)
        bool outOfCoverage{false}; //!< coverage: out of coverage (as of the last look)
    };

    /// An alternating on/off process kept in the records (SetSwitching, SetCoverage).
    struct Alternating
    {
        Ptr<RandomVariableStream> up;    //!< length of an up period (on, in coverage), s
        Ptr<RandomVariableStream> down;  //!< length of a down period, s
        Time start;                      //!< when every subscriber's process started
        Ptr<const MmsUserAgent> initial; //!< draws whether it started down (null: up)
    };

    /// A cell's subscribers and handsets.
    struct Cell
    {
        uint32_t first{0};              //!< index of its first subscriber
        uint32_t count{0};              //!< its subscribers
        uint32_t context{0};            //!< the node its events run in
        HandsetFactory makeHandset;     //!< HandsetFactory
        UserAgentFactory makeUserAgent; //!< UserAgentFactory
        std::vector<Handset> handsets;  //!< every handset made
        std::vector<int64_t> boundTo;   //!< per handset: the subscriber, or -1
        std::vector<int64_t> lastBound; //!< per handset: the last subscriber bound, or -1
        std::vector<bool> alwaysOn;     //!< per handset: PdpMode AlwaysOn
        std::vector<uint16_t> wtpTid;   //!< per handset: its WTP layer's next TID (WAP 1.x)
        std::vector<uint32_t> free;     //!< handsets ready to bind (a stack)
        std::deque<std::pair<Time, uint32_t>> resting; //!< released: (free from, handset)
        uint32_t bound{0};                             //!< handsets bound now
        Alternating switching;                         //!< SetSwitching (no up variable: none)
        Alternating coverage;                          //!< SetCoverage (no up variable: none)
        Ptr<MmsTransport> smsTransport;                //!< SetSmsPoint: the base station's, or null
        Ptr<MmsRadioCellChannel> channel;              //!< SetSmsPoint: the cell's channel
        Ipv4Address smsAddress;                        //!< SetSmsPoint: the base station's address
        uint16_t smsPort{0};                           //!< SetSmsPoint: the SMS bearer port
    };

    /**
     * \param index a subscriber \return its cell's index
     */
    uint32_t CellOf(uint32_t index) const;
    /**
     * The subscriber's User Agent, made and started if it has none.
     * \param index the subscriber
     * \return its User Agent
     */
    Ptr<MmsUserAgent> Activate(uint32_t index);

    /**
     * Bind a handset of the subscriber's cell to it.
     * \param index the subscriber
     * \param limited whether MaxBoundHandsets applies
     * \return whether it has one now
     */
    bool Bind(uint32_t index, bool limited);
    /**
     * Whether a bound handset's radio lets it go: no PDP context (with PdpMode AlwaysOn: the
     * handset is Idle).
     * \param cell the pool's cell index
     * \param handset the handset's index in the cell
     * \return true if quiet
     */
    bool IsQuiet(uint32_t cell, uint32_t handset) const;
    /**
     * End a subscriber's binding if its handset may go: no exchange in flight and its radio
     * quiet (IsQuiet()).
     * \param index the subscriber
     */
    void MaybeRelease(uint32_t index);
    /**
     * MaybeRelease, then MaybeRetire (scheduled from callbacks, so that nothing is disposed of
     * under its caller).
     * \param index the subscriber
     */
    void Tidy(uint32_t index);
    /**
     * The PdpContext trace of a handset's state machine.
     * \param pool the pool
     * \param cell the cell
     * \param handset the handset
     * \param active whether the context is up
     */
    static void PdpSink(MmsSubscriberPool* pool, uint32_t cell, uint32_t handset, bool active);
    /**
     * The State trace of a handset's state machine.
     * \param pool the pool
     * \param cell the cell
     * \param handset the handset
     * \param from the old state
     * \param to the new state
     */
    static void StateSink(MmsSubscriberPool* pool,
                          uint32_t cell,
                          uint32_t handset,
                          MmsRrcStateMachine::State from,
                          MmsRrcStateMachine::State to);
    /**
     * Dispose of a subscriber's User Agent if it is settled and has no handset.
     * \param index the subscriber
     */
    void MaybeRetire(uint32_t index);
    /**
     * A User Agent asks for the data bearer.
     * \param ua the User Agent
     */
    void HandleBind(Ptr<MmsUserAgent> ua);
    /**
     * A User Agent has nothing under way.
     * \param ua the User Agent
     */
    void HandleSettled(Ptr<MmsUserAgent> ua);
    /**
     * A handset's connection state or PDP context changed: its binding may end.
     * \param cell the cell
     * \param handset the handset
     */
    void HandleRadioChange(uint32_t cell, uint32_t handset);
    /**
     * The subscriber whose User Agent this is.
     * \param ua a User Agent of the pool
     * \return its index
     */
    uint32_t IndexOf(Ptr<MmsUserAgent> ua) const;
    /**
     * Bring an alternating process up to now: the periods it would have drawn since it was
     * last looked at, drawn now.
     * \param a the process's variables and start
     * \param[in,out] down whether in a down period
     * \param[in,out] next when the current period ends (negative: not started)
     */
    static void Advance(const Alternating& a, bool& down, Time& next);
    /**
     * An alternating process starting now, with the periods of two attributes of an object.
     * \param from the object
     * \param up the attribute of an up period's length (a RandomVariableStream)
     * \param down that of a down period's
     * \return the process
     */
    static Alternating Periods(Ptr<const Object> from,
                               const std::string& up,
                               const std::string& down);
    /**
     * A bound subscriber's coverage changes: its handset follows, until the next change.
     * \param index the subscriber
     */
    void CoverageChange(uint32_t index);
    /**
     * A datagram reached a cell's base station (SetSmsPoint): an SMS for a subscriber of the
     * cell is paged.
     * \param pool the pool
     * \param cell the cell
     * \param data the datagram
     * \param from the SMSC's address
     */
    static void SmsPointSink(MmsSubscriberPool* pool,
                             uint32_t cell,
                             const std::vector<uint8_t>& data,
                             const Address& from);
    /**
     * A paged SMS arrives at its subscriber.
     * \param index the subscriber
     * \param datagram the RP-DATA datagram
     * \param smsc the SMSC's address
     */
    void DeliverByNumber(uint32_t index, std::vector<uint8_t> datagram, Address smsc);
    /**
     * A subscriber answers an SMS delivered by number: over the signalling channel, then to
     * the SMSC.
     * \param index the subscriber
     * \param smsc the SMSC's address
     * \param answer the RP-ACK or RP-ERROR datagram
     */
    void AnswerByNumber(uint32_t index, const Address& smsc, const std::vector<uint8_t>& answer);
    /**
     * Send a subscriber's answer from its cell's base station to the SMSC.
     * \param cell the cell
     * \param smsc the SMSC's address
     * \param wrapped the answer, wrapped with the subscriber's number
     */
    void SendAnswer(uint32_t cell, Address smsc, std::vector<uint8_t> wrapped);

    // attributes
    Time m_reuseHoldTime; //!< ReuseHoldTime
    Time m_smsHoldTime;   //!< SmsHoldTime
    uint32_t m_maxBound;  //!< MaxBoundHandsets
    // state
    std::string m_prefix;              //!< of the numbers
    std::size_t m_width{0};            //!< digits of the first number
    uint64_t m_firstNumber{0};         //!< the first number's digits
    std::vector<Record> m_records;     //!< by subscriber
    std::vector<Cell> m_cells;         //!< by cell
    std::vector<uint32_t> m_cellStart; //!< first subscriber of each cell
    std::unordered_map<uint32_t, std::pair<uint32_t, uint32_t>> m_byAddress; //!< (cell, handset)
    std::unordered_map<const MmsUserAgent*, uint32_t> m_active; //!< User Agent -> subscriber
    std::unordered_map<uint32_t, EventId> m_coverageEvents;     //!< bound subscriber -> next change
    bool m_traffic{true};                                       //!< StopTraffic not called
    Statistics m_stats;                                         //!< GetStatistics
    MmsUserAgent::Counters m_retired;                           //!< counters of retired User Agents
    TracedCallback<Ptr<MmsUserAgent>> m_userAgentCreatedTrace;  //!< UserAgentCreated
    TracedCallback<uint32_t, uint32_t, Ptr<MmsTransport>> m_handsetCreatedTrace; //!< HandsetCreated
    /// The signature of Bound, Released and Refused.
    using BindingTrace = TracedCallback<const std::string&, uint32_t, uint32_t, Ipv4Address>;
    BindingTrace m_boundTrace;    //!< Bound
    BindingTrace m_releasedTrace; //!< Released
    BindingTrace m_refusedTrace;  //!< Refused
};

} // namespace ns3

#endif /* MMS_SUBSCRIBER_POOL_H */
