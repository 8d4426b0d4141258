/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_LADDER_TRACER_H
#define MMS_LADDER_TRACER_H

/**
 * \file
 * \ingroup mms-recording
 * MmsLadderTracer: each message the elements send, paired with its arrival, for ladders.
 */

#include "mms-http-message.h"
#include "mms-socket-transport.h"
#include "mms-transport.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-recording
 * \brief Pairs each message the MMS elements send (an HTTP request or response, a datagram)
 * with its arrival at the element it was sent to, so that a ladder can draw both instants.
 *
 * Add() connects to the trace sources of an element's MmsSocketTransport and names the
 * element by the IPv4 addresses of its node. A message is reported by the "Pdu" trace when it
 * has arrived, with: when it was sent (handed to TCP or UDP; for a request, also when its
 * element issued it: the time between is the set-up of its connection, with any radio
 * promotion), when it arrived whole at the receiver, its octets, its description
 * (MmsLadder::Describe(), short form) and its transaction (the label's transaction id; a
 * response takes its request's; an SMS the X-Sms-Tag of the POST /sms that carried it, its
 * RP-ACK that of the SMS it acknowledges; a WSP Push over UDP the push-id of the PAP push).
 * Flush() reports what was sent and never arrived (a lost SMS attempt, a connection aborted
 * because a handset was switched off) with a negative arrival time.
 *
 * A sent message is matched with an arrival of the same kind between the same two elements
 * with the same content; among identical ones in flight the latest sent is taken (the
 * earlier ones were lost: the SMSC repeats an SMS to a handset that does not answer).
 * Messages to or from an address no element was added for are not reported (e.g. an SMS to a
 * subscriber without a handset, which its cell's base station takes).
 *
 * Use: create one, Add() every element's transport before the simulation runs (or when a
 * handset is made), connect to "Pdu", and call Flush() once it has ended. mms-first prints
 * its ladder from it; MmsSqliteRecorder records it in the pdu table (RecordPdus).
 */
class MmsLadderTracer : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    MmsLadderTracer();
    ~MmsLadderTracer() override;

    /// One message from one element to another, with its sending and arrival.
    struct Pdu
    {
        std::string sender;        //!< element that sent it (its name as given to Add())
        std::string receiver;      //!< element it was sent to
        std::string kind;          //!< "request", "response" or "datagram"
        std::string description;   //!< MmsLadder::Describe() or DescribeDatagram(), short
        std::string transactionId; //!< transaction it belongs to (see the class), or ""
        uint64_t octets{0};        //!< HTTP start line, headers and body; datagram payload
        Time issued;               //!< a request: when its element issued it; else the same as sent
        Time sent;                 //!< when it was handed to TCP (connection up) or UDP
        Time arrived; //!< when it had arrived whole; negative: it never arrived (Flush())
    };

    /**
     * What the two instants of a ladder line are: the first lines of every ladder printed
     * from these messages (mms-first's, and utils/mms-report.py ladder's from the pdu table).
     */
    static const char* const LADDER_LEGEND;

    /// The name of an element at the moment it is asked (a pooled handset's changes).
    typedef Callback<std::string> NameCallback;

    /**
     * \brief Trace the messages of an element whose name does not change.
     * \param transport the element's transport (on its node, with an Internet stack)
     * \param name the element's name ("relay", "ua:+447700900001", ...)
     */
    void Add(Ptr<MmsSocketTransport> transport, const std::string& name);
    /**
     * \brief Trace the messages of an element whose name may change (a handset of a
     * subscriber pool: the subscriber bound to it).
     * \param transport the element's transport
     * \param name gives the element's name when a message is sent or arrives
     */
    void Add(Ptr<MmsSocketTransport> transport, NameCallback name);
    /**
     * \brief Report every message that was sent and has not arrived, with a negative arrival
     * time, and forget them (call when the simulation has ended).
     */
    void Flush();
    /**
     * \return the messages sent and not yet arrived
     */
    std::size_t GetInFlight() const;

    /**
     * Trace signature of "Pdu": a message arrived, or Flush() reports one that never did.
     * \param pdu the message
     */
    typedef void (*PduTracedCallback)(const Pdu& pdu);

  protected:
    /// Forget the elements and what is in flight.
    void DoDispose() override;

  private:
    std::string NameOf(uint32_t endpoint) const;
    /// The key of a message in flight: kind, sender, receiver, content.
    static std::string Key(char kind, uint32_t from, uint32_t to, const std::string& content);
    /// What tells an HTTP message from another: its full description and size.
    static std::string HttpContent(const MmsHttpMessage& m);
    /// A message sent now from one endpoint to another, its description yet to be set.
    Pdu Start(uint32_t from, uint32_t to, const std::string& kind, uint64_t octets) const;
    /// The endpoint of an address (-1: none was added for it).
    int EndpointOf(const Address& a) const;
    void Sent(const std::string& key, Pdu pdu);
    void Arrived(const std::string& key, const std::string& transactionId);
    static void RequestTxSink(MmsLadderTracer* t,
                              uint32_t endpoint,
                              const MmsHttpMessage& m,
                              const Address& server,
                              const MmsTransport::RequestLabel& label,
                              Time issued);
    static void RequestRxSink(MmsLadderTracer* t,
                              uint32_t endpoint,
                              const MmsHttpMessage& m,
                              const Address& client);
    static void HttpTxSink(MmsLadderTracer* t,
                           uint32_t endpoint,
                           const MmsHttpMessage& m,
                           const Address& client);
    static void ResponseRxSink(MmsLadderTracer* t,
                               uint32_t endpoint,
                               const MmsHttpMessage& m,
                               const Address& server,
                               const MmsTransport::RequestLabel& label);
    static void DatagramTxSink(MmsLadderTracer* t,
                               uint32_t endpoint,
                               const std::vector<uint8_t>& data,
                               const Address& to);
    static void DatagramRxSink(MmsLadderTracer* t,
                               uint32_t endpoint,
                               const std::vector<uint8_t>& data,
                               const Address& from);

    std::vector<NameCallback> m_names;           //!< by endpoint
    std::unordered_map<uint32_t, uint32_t> m_at; //!< IPv4 address -> endpoint
    /// Sent and not arrived, by kind, elements and content; the latest sent last.
    std::map<std::string, std::vector<Pdu>> m_inFlight;
    /// Transactions of the requests a server received, by server and client (IP and port),
    /// for its responses (answered in request order).
    std::map<std::string, std::deque<std::string>> m_answering;
    std::unordered_map<std::string, std::string> m_smsTags; //!< SMS user data -> X-Sms-Tag
    std::unordered_map<std::string, std::string> m_pushIds; //!< pushed content -> push-id
    std::unordered_map<std::string, std::string> m_lastSms; //!< handset -> tag of its last SMS
    std::size_t m_count{0};                                 //!< messages in flight
    TracedCallback<const Pdu&> m_pduTrace;
};

} // namespace ns3

#endif /* MMS_LADDER_TRACER_H */
