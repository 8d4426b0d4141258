/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The WTP class 2 initiator: Invoke, retransmission on timer R, hold-on Ack, TID verification,
// Result with and without user acknowledgement, re-acknowledged retransmissions, timer W,
// segmented Results reassembled with group Acks and Negative Acks, aborts. The responder:
// hold-on, the Result segmented in groups, Negative Acks, timer R; and the two run against each
// other over a channel that loses given datagrams.

#include "ns3/mms-wtp-transaction.h"
#include "ns3/test.h"

#include <functional>
#include <map>
#include <sstream>

using namespace ns3;

namespace
{

/// The actions as one line each: "SEND Invoke tid=7 rid=0", "START R 3", "RESULT 5 octets".
std::string
Describe(const std::vector<MmsWtpAction>& actions)
{
    static const char* timers[] = {"R", "A", "W"};
    std::ostringstream os;
    for (const auto& x : actions)
    {
        switch (x.kind)
        {
            case MmsWtpAction::SEND:
            {
                MmsWtpPdu p;
                MmsDecodeError e;
                if (!MmsWtpPdu::Decode(x.pdu.data(), x.pdu.size(), p, e))
                {
                    os << "SEND undecodable\n";
                    break;
                }
                os << "SEND " << MmsWtpPdu::TypeName(p.GetType()) << " tid=" << p.GetTid()
                   << " rid=" << p.GetRid();
                if (p.GetType() == MmsWtpPdu::SEGMENTED_RESULT
                    || p.GetType() == MmsWtpPdu::SEGMENTED_INVOKE)
                {
                    os << " psn=" << unsigned(p.GetPsn());
                }
                if (p.GetType() == MmsWtpPdu::RESULT || p.GetType() == MmsWtpPdu::SEGMENTED_RESULT
                    || p.GetType() == MmsWtpPdu::SEGMENTED_INVOKE
                    || (p.GetType() == MmsWtpPdu::INVOKE && !p.GetTtr()))
                {
                    os << (p.GetGtr() ? " gtr" : "") << (p.GetTtr() ? " ttr" : "") << " "
                       << std::string(p.GetData().begin(), p.GetData().end());
                }
                for (const auto& t : p.GetTpis())
                {
                    os << " [" << t.ToString() << "]";
                }
                if (p.GetType() == MmsWtpPdu::ACK && p.GetTveTok())
                {
                    os << " tok";
                }
                if (p.GetType() == MmsWtpPdu::NACK)
                {
                    for (uint8_t m : p.GetMissing())
                    {
                        os << " missing=" << unsigned(m);
                    }
                }
                if (p.GetType() == MmsWtpPdu::ABORT)
                {
                    os << " type=" << unsigned(p.GetAbortType())
                       << " reason=" << unsigned(p.GetAbortReason());
                }
                os << "\n";
                break;
            }
            case MmsWtpAction::START_TIMER:
                os << "START " << timers[x.timer] << " " << x.delay << "\n";
                break;
            case MmsWtpAction::STOP_TIMER:
                os << "STOP " << timers[x.timer] << "\n";
                break;
            case MmsWtpAction::INVOKE_CONFIRMED:
                os << "CONFIRMED\n";
                break;
            case MmsWtpAction::INVOKE_INDICATION:
                os << "INVOKE " << std::string(x.message.begin(), x.message.end()) << "\n";
                break;
            case MmsWtpAction::RESULT_INDICATION:
                os << "RESULT " << std::string(x.message.begin(), x.message.end()) << "\n";
                break;
            case MmsWtpAction::ABORT_INDICATION:
                os << "ABORTED reason=" << unsigned(x.reason) << (x.byPeer ? " by peer" : "")
                   << "\n";
                break;
            case MmsWtpAction::FINISHED:
                os << "FINISHED\n";
                break;
        }
    }
    return os.str();
}

std::vector<uint8_t>
Bytes(const std::string& s)
{
    return std::vector<uint8_t>(s.begin(), s.end());
}

/// What an initiator or a responder does with a PDU from its peer.
template<class Machine>
std::string
Feed(Machine& t, const MmsWtpPdu& p, bool* mine = nullptr)
{
    std::vector<uint8_t> b = p.Encode();
    std::vector<MmsWtpAction> a;
    bool ok = t.Receive(b.data(), b.size(), a);
    if (mine)
    {
        *mine = ok;
    }
    return Describe(a);
}

/// A Segmented Result (or the Result when psn is 0) of transaction 7.
MmsWtpPdu
Segment(uint8_t psn, bool gtr, bool ttr, const std::string& data, bool rid = false)
{
    MmsWtpPdu p = psn == 0 ? MmsWtpPdu::MakeResult(7, Bytes(data))
                           : MmsWtpPdu::MakeSegment(
                               MmsWtpPdu::SEGMENTED_RESULT, 0x8007, psn, gtr, ttr, Bytes(data));
    p.SetTrailer(gtr, ttr);
    p.SetRid(rid);
    return p;
}

} // namespace

/// One Get without loss, with user acknowledgement; a retransmitted Result after the Ack.
class MmsWtpInitiatorBasicTestCase : public TestCase
{
  public:
    MmsWtpInitiatorBasicTestCase()
        : TestCase("WTP class 2: Invoke, Result, user Ack, re-Ack of a retransmitted Result, W")
    {
    }

  private:
    void DoRun() override
    {
        MmsWtpInitiator t(7, MmsWtpTimers());
        NS_TEST_EXPECT_MSG_EQ(Describe(t.Invoke(Bytes("GET"), true)),
                              "SEND Invoke tid=7 rid=0\nSTART R 3\n",
                              "Invoke, timer R (Kannel's 3 s)");
        NS_TEST_EXPECT_MSG_EQ(t.GetState(), MmsWtpInitiator::RESULT_WAIT, "state");
        NS_TEST_EXPECT_MSG_EQ(
            Describe(t.Invoke(Bytes("again"), true)).empty(), true, "one Invoke at a time");
        bool mine = true;
        NS_TEST_EXPECT_MSG_EQ(
            Feed(t, MmsWtpPdu::MakeResult(8, Bytes("x")), &mine), "", "another TID");
        NS_TEST_EXPECT_MSG_EQ(mine, false, "not this transaction's");
        MmsWtpPdu noBit = MmsWtpPdu::MakeResult(7, Bytes("x"));
        noBit.SetTid(7);
        Feed(t, noBit, &mine);
        NS_TEST_EXPECT_MSG_EQ(mine, false, "a PDU without the response bit is not the peer's");
        std::vector<MmsWtpAction> a;
        uint8_t junk[] = {0x40};
        NS_TEST_EXPECT_MSG_EQ(t.Receive(junk, 1, a), false, "undecodable");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, MmsWtpPdu::MakeResult(7, Bytes("REPLY"))),
                              "STOP R\nCONFIRMED\nRESULT REPLY\nSTART A 4\n",
                              "the Result, then the user's acknowledgement is awaited");
        NS_TEST_EXPECT_MSG_EQ(t.GetState(), MmsWtpInitiator::RESULT_RESP_WAIT, "state");
        NS_TEST_EXPECT_MSG_EQ(Describe(t.UserAck()),
                              "STOP A\nSEND Ack tid=7 rid=0\nSTART W 30\n",
                              "Ack with the initiator's TID (bit clear), timer W");
        MmsWtpPdu again = MmsWtpPdu::MakeResult(7, Bytes("REPLY"));
        again.SetRid(true);
        NS_TEST_EXPECT_MSG_EQ(
            Feed(t, again), "SEND Ack tid=7 rid=1\n", "the Ack was lost: acknowledged again");
        NS_TEST_EXPECT_MSG_EQ(Describe(t.Expire(MmsWtpAction::TIMER_R)), "", "stale timer R");
        NS_TEST_EXPECT_MSG_EQ(Describe(t.Expire(MmsWtpAction::TIMER_W)), "FINISHED\n", "W");
        NS_TEST_EXPECT_MSG_EQ(t.GetState(), MmsWtpInitiator::NULL_STATE, "over");

        // Without user acknowledgement the Ack follows the Result at once; A expirations.
        MmsWtpInitiator u(9, MmsWtpTimers());
        u.Invoke(Bytes("GET"), false);
        NS_TEST_EXPECT_MSG_EQ(Feed(u, MmsWtpPdu::MakeResult(9, Bytes("R"))),
                              "STOP R\nCONFIRMED\nRESULT R\nSEND Ack tid=9 rid=0\nSTART W 30\n",
                              "provider acknowledgement");
        MmsWtpTimers quick;
        quick.maxAckExpirations = 2;
        MmsWtpInitiator v(10, quick);
        v.Invoke(Bytes("GET"), true);
        Feed(v, MmsWtpPdu::MakeResult(10, Bytes("R")));
        NS_TEST_EXPECT_MSG_EQ(Describe(v.Expire(MmsWtpAction::TIMER_A)), "START A 4\n", "AEC 1");
        NS_TEST_EXPECT_MSG_EQ(Describe(v.Expire(MmsWtpAction::TIMER_A)), "START A 4\n", "AEC 2");
        NS_TEST_EXPECT_MSG_EQ(Describe(v.Expire(MmsWtpAction::TIMER_A)),
                              "SEND Ack tid=10 rid=0\nSTART W 30\n",
                              "after AEC_MAX the provider acknowledges");
    }
};

/// Retransmissions, hold-on, TID verification and aborts.
class MmsWtpInitiatorRetryTestCase : public TestCase
{
  public:
    MmsWtpInitiatorRetryTestCase()
        : TestCase("WTP class 2: Invoke retransmitted up to RCR_MAX, hold-on, TID verification, "
                   "aborts")
    {
    }

  private:
    void DoRun() override
    {
        MmsWtpInitiator t(7, MmsWtpTimers());
        t.Invoke(Bytes("GET"), true);
        for (unsigned i = 1; i <= 8; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(Describe(t.Expire(MmsWtpAction::TIMER_R)),
                                  "SEND Invoke tid=7 rid=1\nSTART R 3\n",
                                  "retransmission " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(t.GetRetransmissions(), 8u, "RCR");
        NS_TEST_EXPECT_MSG_EQ(Describe(t.Expire(MmsWtpAction::TIMER_R)),
                              "ABORTED reason=8\nFINISHED\n",
                              "NORESPONSE after MAX_RCR retransmissions");

        // Hold-on: no more retransmissions; the Result comes later.
        MmsWtpInitiator h(7, MmsWtpTimers());
        h.Invoke(Bytes("GET"), false);
        NS_TEST_EXPECT_MSG_EQ(
            Feed(h, MmsWtpPdu::MakeAck(0x8007)), "STOP R\nCONFIRMED\n", "hold-on Ack");
        NS_TEST_EXPECT_MSG_EQ(Describe(h.Expire(MmsWtpAction::TIMER_R)), "", "no retransmission");
        NS_TEST_EXPECT_MSG_EQ(Feed(h, MmsWtpPdu::MakeAck(0x8007, true)),
                              "SEND Ack tid=7 rid=0 tok\n",
                              "TID verification answered with Tok");
        NS_TEST_EXPECT_MSG_EQ(Feed(h, MmsWtpPdu::MakeResult(7, Bytes("R"))),
                              "RESULT R\nSEND Ack tid=7 rid=0\nSTART W 30\n",
                              "the Result after the hold-on");

        // The responder aborts; the user aborts.
        MmsWtpInitiator p(7, MmsWtpTimers());
        p.Invoke(Bytes("GET"), true);
        NS_TEST_EXPECT_MSG_EQ(Feed(p, MmsWtpPdu::MakeAbort(0x8007, MmsWtpPdu::ABORT_PROVIDER, 7)),
                              "STOP R\nABORTED reason=7 by peer\nFINISHED\n",
                              "provider Abort CAPTEMPEXCEEDED");
        MmsWtpInitiator u(7, MmsWtpTimers());
        u.Invoke(Bytes("GET"), true);
        NS_TEST_EXPECT_MSG_EQ(Describe(u.Abort(0xE0)),
                              "STOP R\nSTOP A\nSTOP W\nSEND Abort tid=7 rid=0 type=1 reason=224\n"
                              "FINISHED\n",
                              "a user Abort");
        NS_TEST_EXPECT_MSG_EQ(Describe(u.Abort(0xE0)), "", "nothing left to abort");
    }
};

/// A Result in five packets in two groups; a lost packet asked for by Negative Ack.
class MmsWtpInitiatorSarTestCase : public TestCase
{
  public:
    MmsWtpInitiatorSarTestCase()
        : TestCase("WTP SAR: segmented Result reassembled, groups acknowledged, a lost packet "
                   "asked for by Negative Ack")
    {
    }

  private:
    void DoRun() override
    {
        MmsWtpInitiator t(7, MmsWtpTimers());
        t.Invoke(Bytes("GET"), false);
        NS_TEST_EXPECT_MSG_EQ(
            Feed(t, Segment(0, false, false, "aa")), "STOP R\nCONFIRMED\n", "packet 0");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, Segment(1, false, false, "bb")), "", "packet 1");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, Segment(2, true, false, "cc")),
                              "SEND Ack tid=7 rid=0 [PSN 2]\n",
                              "group 0..2 acknowledged by its last PSN");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, Segment(4, false, true, "ee")),
                              "SEND Negative-Ack tid=7 rid=0 missing=3\n",
                              "packet 3 lost: asked for");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, Segment(3, false, false, "dd", true)),
                              "RESULT aabbccddee\nSEND Ack tid=7 rid=0 [PSN 4]\nSTART W 30\n",
                              "the retransmitted packet completes the message");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, Segment(4, false, true, "ee", true)),
                              "SEND Ack tid=7 rid=1 [PSN 4]\n",
                              "the last packet again: acknowledged again");

        // Packets out of order inside a group, and two missing at once.
        MmsWtpInitiator u(7, MmsWtpTimers());
        u.Invoke(Bytes("GET"), false);
        NS_TEST_EXPECT_MSG_EQ(Feed(u, Segment(3, false, true, "3")),
                              "STOP R\nCONFIRMED\n"
                              "SEND Negative-Ack tid=7 rid=0 missing=0 missing=1 missing=2\n",
                              "the last packet first: the three before it asked for");
        NS_TEST_EXPECT_MSG_EQ(
            Feed(u, Segment(1, false, false, "1")), "", "a filler: no new Negative Ack");
        NS_TEST_EXPECT_MSG_EQ(Feed(u, Segment(2, false, false, "2")), "", "another");
        NS_TEST_EXPECT_MSG_EQ(Feed(u, Segment(0, false, false, "0")),
                              "RESULT 0123\nSEND Ack tid=7 rid=0 [PSN 3]\nSTART W 30\n",
                              "reassembled in PSN order");
    }
};

/// The responder: hold-on, a Result in two groups, a Negative Ack, timer R, aborts.
class MmsWtpResponderTestCase : public TestCase
{
  public:
    MmsWtpResponderTestCase()
        : TestCase("WTP class 2 responder: hold-on, Result in packet groups, Negative Ack, "
                   "timer R, aborts")
    {
    }

  private:
    void DoRun() override
    {
        MmsWtpResponder r(MmsWtpTimers(), 2, 3);
        NS_TEST_EXPECT_MSG_EQ(Feed(r, MmsWtpPdu::MakeInvoke(7, 2, Bytes("GET"))),
                              "INVOKE GET\nSTART A 4\n",
                              "TR-Invoke.ind, timer A");
        MmsWtpPdu again = MmsWtpPdu::MakeInvoke(7, 2, Bytes("GET"));
        again.SetRid(true);
        NS_TEST_EXPECT_MSG_EQ(Feed(r, again),
                              "SEND Ack tid=32775 rid=0\n",
                              "a retransmitted Invoke is held on (TID 0x8007)");
        bool mine = true;
        Feed(r, MmsWtpPdu::MakeInvoke(8, 2, Bytes("GET")), &mine);
        NS_TEST_EXPECT_MSG_EQ(mine, false, "another TID is another transaction");
        // 9 octets in packets of 2: five packets, groups of three (0..2, 3..4).
        NS_TEST_EXPECT_MSG_EQ(Describe(r.Result(Bytes("abcdefghi"))),
                              "STOP A\n"
                              "SEND Result tid=32775 rid=0 ab\n"
                              "SEND Segmented-Result tid=32775 rid=0 psn=1 cd\n"
                              "SEND Segmented-Result tid=32775 rid=0 psn=2 gtr ef\n"
                              "START R 3\n",
                              "the first group, GTR on its last packet");
        NS_TEST_EXPECT_MSG_EQ(r.GetPacketCount(), 5u, "packets");
        NS_TEST_EXPECT_MSG_EQ(Describe(r.Expire(MmsWtpAction::TIMER_R)),
                              "SEND Segmented-Result tid=32775 rid=1 psn=2 gtr ef\nSTART R 3\n",
                              "timer R: the group's last packet again");
        NS_TEST_EXPECT_MSG_EQ(Feed(r, MmsWtpPdu::MakeNack(7, {1})),
                              "SEND Segmented-Result tid=32775 rid=1 psn=1 cd\nSTART R 3\n",
                              "Negative Ack: the missing packet again");
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(7);
        ack.AddTpi(MmsWtpTpi::Psn(2));
        NS_TEST_EXPECT_MSG_EQ(Feed(r, ack),
                              "STOP R\n"
                              "SEND Segmented-Result tid=32775 rid=0 psn=3 gh\n"
                              "SEND Segmented-Result tid=32775 rid=0 psn=4 ttr i\n"
                              "START R 3\n",
                              "the group acknowledged: the next, TTR on the last packet");
        NS_TEST_EXPECT_MSG_EQ(Feed(r, ack), "", "an old group's Ack again");
        MmsWtpPdu last = MmsWtpPdu::MakeAck(7);
        last.AddTpi(MmsWtpTpi::Psn(4));
        NS_TEST_EXPECT_MSG_EQ(Feed(r, last), "STOP R\nCONFIRMED\nFINISHED\n", "TR-Result.cnf");
        NS_TEST_EXPECT_MSG_EQ(r.GetRetransmittedPackets(), 2u, "packets sent again");
        NS_TEST_EXPECT_MSG_EQ(r.GetState(), MmsWtpResponder::LISTEN, "over");

        // A late Result: hold-on on timer A; the Result unsegmented; no answer: NORESPONSE.
        MmsWtpTimers two;
        two.maxRetransmissions = 2;
        MmsWtpResponder q(two, 1400, 8);
        Feed(q, MmsWtpPdu::MakeInvoke(3, 2, Bytes("POST")));
        NS_TEST_EXPECT_MSG_EQ(
            Describe(q.Expire(MmsWtpAction::TIMER_A)), "SEND Ack tid=32771 rid=0\n", "hold-on");
        NS_TEST_EXPECT_MSG_EQ(Describe(q.Result(Bytes("OK"))),
                              "STOP A\nSEND Result tid=32771 rid=0 ttr OK\nSTART R 3\n",
                              "one packet: TTR, no GTR");
        q.Expire(MmsWtpAction::TIMER_R);
        q.Expire(MmsWtpAction::TIMER_R);
        NS_TEST_EXPECT_MSG_EQ(Describe(q.Expire(MmsWtpAction::TIMER_R)),
                              "SEND Abort tid=32771 rid=0 type=0 reason=8\nABORTED reason=8\n"
                              "FINISHED\n",
                              "NORESPONSE after maxRetransmissions");

        // A segmented Invoke (TID 5): groups acknowledged, a lost packet asked for, the
        // message delivered whole; a retransmitted packet afterwards is held on.
        MmsWtpResponder s(MmsWtpTimers(), 1400, 8);
        auto part = [](uint8_t psn, bool gtr, bool ttr, const std::string& d, bool rid = false)
        {
            MmsWtpPdu p = psn == 0 ? MmsWtpPdu::MakeInvoke(5, 2, Bytes(d))
                                   : MmsWtpPdu::MakeSegment(
                                       MmsWtpPdu::SEGMENTED_INVOKE, 5, psn, gtr, ttr, Bytes(d));
            p.SetTrailer(gtr, ttr);
            p.SetRid(rid);
            return p;
        };
        NS_TEST_EXPECT_MSG_EQ(Feed(s, part(0, false, false, "ab")), "START W 30\n", "packet 0");
        NS_TEST_EXPECT_MSG_EQ(s.GetState(), MmsWtpResponder::INVOKE_SEGMENTS_WAIT, "reassembling");
        Feed(s, part(1, false, false, "cd"));
        NS_TEST_EXPECT_MSG_EQ(Feed(s, part(2, true, false, "ef")),
                              "START W 30\nSEND Ack tid=32773 rid=0 [PSN 2]\n",
                              "a whole group: its last PSN acknowledged");
        NS_TEST_EXPECT_MSG_EQ(Feed(s, part(4, false, true, "ij")),
                              "START W 30\nSEND Negative-Ack tid=32773 rid=0 missing=3\n",
                              "packet 3 lost: asked for");
        NS_TEST_EXPECT_MSG_EQ(Feed(s, part(3, false, false, "gh", true)),
                              "START W 30\nSTOP W\nINVOKE abcdefghij\nSTART A 4\n",
                              "the message whole, in PSN order: TR-Invoke.ind");
        NS_TEST_EXPECT_MSG_EQ(Feed(s, part(4, false, true, "ij", true)),
                              "SEND Ack tid=32773 rid=0\n",
                              "the last packet again: a hold-on Ack");
        NS_TEST_EXPECT_MSG_EQ(s.GetNacks(), 1u, "Negative Acks");
        NS_TEST_EXPECT_MSG_EQ(s.GetInvokePackets(), 5u, "packets");
        NS_TEST_EXPECT_MSG_EQ(Feed(s, MmsWtpPdu::MakeAbort(5, MmsWtpPdu::ABORT_USER, 0xE1)),
                              "STOP A\nABORTED reason=225 by peer\nFINISHED\n",
                              "the initiator aborts");
        // The Invoke lost and the initiator silent after its first segment: timer W gives up.
        MmsWtpResponder silent(MmsWtpTimers(), 1400, 8);
        NS_TEST_EXPECT_MSG_EQ(Feed(silent, part(1, false, false, "cd")),
                              "START W 30\n",
                              "a Segmented Invoke first opens the transaction");
        NS_TEST_EXPECT_MSG_EQ(Describe(silent.Expire(MmsWtpAction::TIMER_W)),
                              "SEND Abort tid=32773 rid=0 type=0 reason=8\nABORTED reason=8\n"
                              "FINISHED\n",
                              "NORESPONSE");
    }
};

/// The initiator segments an Invoke larger than its segment size.
class MmsWtpInitiatorSegmentedInvokeTestCase : public TestCase
{
  public:
    MmsWtpInitiatorSegmentedInvokeTestCase()
        : TestCase("WTP SAR: segmented Invoke in packet groups, group Acks, Negative Ack "
                   "answered, timer R, too large")
    {
    }

  private:
    void DoRun() override
    {
        // 9 octets in packets of 2, groups of 2: packets 0..4 in groups (0, 1), (2, 3), (4).
        MmsWtpInitiator t(7, MmsWtpTimers(), 2, 2);
        NS_TEST_EXPECT_MSG_EQ(Describe(t.Invoke(Bytes("abcdefghi"), true)),
                              "SEND Invoke tid=7 rid=0 ab\n"
                              "SEND Segmented-Invoke tid=7 rid=0 psn=1 gtr cd\n"
                              "START R 3\n",
                              "the first group, GTR on its last packet");
        NS_TEST_EXPECT_MSG_EQ(t.GetInvokePackets(), 5u, "packets");
        NS_TEST_EXPECT_MSG_EQ(Describe(t.Expire(MmsWtpAction::TIMER_R)),
                              "SEND Segmented-Invoke tid=7 rid=1 psn=1 gtr cd\nSTART R 3\n",
                              "timer R: the group's last packet again");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, MmsWtpPdu::MakeNack(0x8007, {0})),
                              "SEND Invoke tid=7 rid=1 ab\nSTART R 3\n",
                              "Negative Ack: the packet it names again");
        MmsWtpPdu ack = MmsWtpPdu::MakeAck(0x8007);
        ack.AddTpi(MmsWtpTpi::Psn(1));
        NS_TEST_EXPECT_MSG_EQ(Feed(t, ack),
                              "SEND Segmented-Invoke tid=7 rid=0 psn=2 ef\n"
                              "SEND Segmented-Invoke tid=7 rid=0 psn=3 gtr gh\n"
                              "START R 3\n",
                              "the group acknowledged: the next");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, ack), "", "an old group's Ack");
        MmsWtpPdu ack3 = MmsWtpPdu::MakeAck(0x8007);
        ack3.AddTpi(MmsWtpTpi::Psn(3));
        NS_TEST_EXPECT_MSG_EQ(Feed(t, ack3),
                              "SEND Segmented-Invoke tid=7 rid=0 psn=4 ttr i\nSTART R 3\n",
                              "the last group, TTR");
        NS_TEST_EXPECT_MSG_EQ(Feed(t, MmsWtpPdu::MakeResult(7, Bytes("OK"))),
                              "STOP R\nCONFIRMED\nRESULT OK\nSTART A 4\n",
                              "the Result acknowledges the last group");
        NS_TEST_EXPECT_MSG_EQ(t.GetResentPackets(), 1u, "packets sent again for a Negative Ack");

        // A hold-on Ack (no PSN) confirms the whole Invoke.
        MmsWtpInitiator h(8, MmsWtpTimers(), 2, 8);
        h.Invoke(Bytes("abcd"), true);
        NS_TEST_EXPECT_MSG_EQ(
            Feed(h, MmsWtpPdu::MakeAck(0x8008)), "STOP R\nCONFIRMED\n", "hold-on Ack");

        // 257 packets do not fit a one-octet PSN: aborted at once, nothing sent.
        MmsWtpInitiator big(9, MmsWtpTimers(), 1, 3);
        NS_TEST_EXPECT_MSG_EQ(Describe(big.Invoke(std::vector<uint8_t>(257, 'x'), true)),
                              "ABORTED reason=9\nFINISHED\n",
                              "MESSAGETOOLARGE");
        MmsWtpInitiator fits(9, MmsWtpTimers(), 1, 3);
        NS_TEST_EXPECT_MSG_EQ(Describe(fits.Invoke(std::vector<uint8_t>(256, 'x'), true))
                                  .rfind("SEND Invoke tid=9 rid=0 x\n", 0),
                              0u,
                              "256 packets fit");
    }
};

/// An initiator and a responder exchange datagrams through a channel that drops chosen ones,
/// their timers run in order of expiry: the transaction completes whatever is lost (within the
/// retransmission budget) and the Result arrives whole.
class MmsWtpPairTestCase : public TestCase
{
  public:
    MmsWtpPairTestCase()
        : TestCase("WTP initiator and responder complete a segmented Get through losses")
    {
    }

  private:
    struct Outcome
    {
        std::string result;    //!< what the initiator delivered
        bool confirmed{false}; //!< the responder's TR-Result.cnf
        unsigned datagrams{0}; //!< datagrams sent by both
        double finishedAt{-1}; //!< when the initiator finished (timer W included)
        std::string aborted;   //!< an abort, if any
        std::string invoked;   //!< what the responder delivered
    };

    /**
     * Run one transaction; datagram number n (from 0, both directions) is lost when lost(n).
     * \param lost the datagrams lost
     * \param body the Result
     * \param invoke the Invoke's user data
     * \param segment the initiator's segment size (0: unsegmented), groups of 3
     * \return what happened
     */
    Outcome Exchange(const std::vector<unsigned>& lost,
                     const std::string& body,
                     const std::string& invoke = "GET /m1",
                     std::size_t segment = 0)
    {
        Outcome out;
        MmsWtpTimers timers;
        MmsWtpInitiator ini(11, timers, segment, 3);
        MmsWtpResponder resp(timers, 3, 4);
        double now = 0;
        std::map<std::pair<int, int>, double> timerAt;              // (side, timer) -> expiry
        std::vector<std::pair<int, std::vector<uint8_t>>> inFlight; // (to side, octets)
        auto lostHere = [&](unsigned n)
        {
            for (unsigned l : lost)
            {
                if (l == n)
                {
                    return true;
                }
            }
            return false;
        };
        std::function<void(int, const std::vector<MmsWtpAction>&)> apply;
        apply = [&](int side, const std::vector<MmsWtpAction>& actions)
        {
            for (const auto& x : actions)
            {
                switch (x.kind)
                {
                    case MmsWtpAction::SEND:
                        if (!lostHere(out.datagrams++))
                        {
                            inFlight.emplace_back(1 - side, x.pdu);
                        }
                        break;
                    case MmsWtpAction::START_TIMER:
                        timerAt[{side, x.timer}] = now + x.delay;
                        break;
                    case MmsWtpAction::STOP_TIMER:
                        timerAt.erase({side, x.timer});
                        break;
                    case MmsWtpAction::RESULT_INDICATION:
                        out.result.assign(x.message.begin(), x.message.end());
                        break;
                    case MmsWtpAction::INVOKE_CONFIRMED:
                        out.confirmed = out.confirmed || side == 1;
                        break;
                    case MmsWtpAction::INVOKE_INDICATION:
                        out.invoked.assign(x.message.begin(), x.message.end());
                        break;
                    case MmsWtpAction::ABORT_INDICATION:
                        out.aborted +=
                            (side ? "responder " : "initiator ") + std::to_string(x.reason) + " ";
                        break;
                    case MmsWtpAction::FINISHED:
                        if (side == 0)
                        {
                            out.finishedAt = now;
                        }
                        break;
                    default:
                        break;
                }
            }
        };
        apply(0, ini.Invoke(Bytes(invoke), false));
        for (int step = 0; step < 1000; ++step)
        {
            if (!inFlight.empty())
            {
                // Datagrams arrive at once (a zero-delay channel), in order.
                auto d = inFlight.front();
                inFlight.erase(inFlight.begin());
                std::vector<MmsWtpAction> a;
                if (d.first == 1)
                {
                    resp.Receive(d.second.data(), d.second.size(), a);
                    bool indication = false;
                    for (const auto& x : a)
                    {
                        indication = indication || x.kind == MmsWtpAction::INVOKE_INDICATION;
                    }
                    apply(1, a);
                    if (indication)
                    {
                        apply(1, resp.Result(Bytes(body)));
                    }
                }
                else
                {
                    ini.Receive(d.second.data(), d.second.size(), a);
                    apply(0, a);
                }
                continue;
            }
            if (timerAt.empty())
            {
                break;
            }
            auto next = timerAt.begin();
            for (auto it = timerAt.begin(); it != timerAt.end(); ++it)
            {
                next = it->second < next->second ? it : next;
            }
            auto key = next->first;
            now = next->second;
            timerAt.erase(next);
            auto timer = static_cast<MmsWtpAction::Timer>(key.second);
            apply(key.first, key.first == 0 ? ini.Expire(timer) : resp.Expire(timer));
        }
        return out;
    }

    void DoRun() override
    {
        const std::string body = "0123456789abcdefghij"; // 7 packets of 3 octets, 2 groups

        // Datagrams without loss: Invoke, 4 packets, group Ack, 3 packets, final Ack.
        struct Case
        {
            std::vector<unsigned> lost; //!< the datagrams lost, counted from 0
            unsigned datagrams;         //!< datagrams sent by both
            double finishedAt;          //!< when the initiator is done (timer W included)
            const char* what;           //!< the case
        };

        const Case cases[] = {
            {{}, 10, 30.0, "no loss: only timer W elapses"},
            {{0}, 11, 33.0, "the Invoke lost: sent again after timer R (3 s)"},
            {{2}, 12, 30.0, "a middle packet lost: Negative Ack and the packet again, no timer"},
            {{4}, 11, 33.0, "a group's last packet lost: the responder's timer R sends it again"},
            {{5}, 12, 33.0, "the group Ack lost: the trailer again (timer R), its Ack again"},
            {{9}, 12, 30.0, "the final Ack lost: the last packet again, acknowledged again"},
            {{7}, 12, 30.0, "a packet of the second group lost: Negative Ack"}};
        for (const auto& c : cases)
        {
            Outcome o = Exchange(c.lost, body);
            NS_TEST_EXPECT_MSG_EQ(o.result, body, c.what << ": delivered whole");
            NS_TEST_EXPECT_MSG_EQ(o.confirmed, true, c.what << ": the Result confirmed");
            NS_TEST_EXPECT_MSG_EQ(o.aborted, "", c.what << ": no abort");
            NS_TEST_EXPECT_MSG_EQ(o.datagrams, c.datagrams, c.what << ": datagrams");
            NS_TEST_EXPECT_MSG_EQ_TOL(o.finishedAt, c.finishedAt, 1e-9, c.what << ": done at");
        }

        // A Post of 20 octets in packets of 4 (groups 0..2 and 3..4), a Result of one packet.
        // No loss: 3 packets, group Ack, 2 packets, Result, Ack.
        const std::string post = "POST abcdefghijklmno";
        const Case posts[] = {
            {{}, 8, 30.0, "segmented Invoke, no loss"},
            {{0}, 10, 30.0, "the Invoke lost: Negative Ack for PSN 0 after the group's trailer"},
            {{1}, 10, 30.0, "a middle Invoke packet lost: Negative Ack and the packet again"},
            {{2}, 9, 33.0, "a group's trailer lost: the initiator's timer R sends it again"},
            {{3}, 10, 33.0, "the group Ack lost: the trailer again (timer R), its Ack again"},
            {{5}, 9, 33.0, "the TTR packet lost: timer R sends it again"},
            {{6}, 10, 33.0, "the Result lost: the responder's timer R sends it again"}};
        for (const auto& c : posts)
        {
            Outcome o = Exchange(c.lost, "OK", post, 4);
            NS_TEST_EXPECT_MSG_EQ(o.invoked, post, c.what << ": the Invoke delivered whole");
            NS_TEST_EXPECT_MSG_EQ(o.result, "OK", c.what << ": the Result");
            NS_TEST_EXPECT_MSG_EQ(o.confirmed, true, c.what << ": the Result confirmed");
            NS_TEST_EXPECT_MSG_EQ(o.aborted, "", c.what << ": no abort");
            NS_TEST_EXPECT_MSG_EQ(o.datagrams, c.datagrams, c.what << ": datagrams");
            NS_TEST_EXPECT_MSG_EQ_TOL(o.finishedAt, c.finishedAt, 1e-9, c.what << ": done at");
        }

        // Everything from the responder lost: the initiator gives up after 8 retransmissions.
        std::vector<unsigned> all;
        for (unsigned n = 1; n < 200; ++n)
        {
            all.push_back(n);
        }
        Outcome dead = Exchange(all, body);
        NS_TEST_EXPECT_MSG_EQ(dead.result, "", "nothing delivered");
        NS_TEST_EXPECT_MSG_NE(dead.aborted.find("responder 8"), std::string::npos, dead.aborted);
    }
};

/// The suite.
class MmsWtpTransactionTestSuite : public TestSuite
{
  public:
    MmsWtpTransactionTestSuite()
        : TestSuite("mms-wtp-transaction", Type::UNIT)
    {
        AddTestCase(new MmsWtpInitiatorBasicTestCase);
        AddTestCase(new MmsWtpInitiatorRetryTestCase);
        AddTestCase(new MmsWtpInitiatorSarTestCase);
        AddTestCase(new MmsWtpResponderTestCase);
        AddTestCase(new MmsWtpInitiatorSegmentedInvokeTestCase);
        AddTestCase(new MmsWtpPairTestCase);
    }
};

static MmsWtpTransactionTestSuite g_mmsWtpTransactionTestSuite; //!< Static variable for test
                                                                //!< initialization
