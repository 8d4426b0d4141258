/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The WTP class 2 initiator: Invoke, retransmission on timer R, hold-on Ack, TID verification,
// Result with and without user acknowledgement, re-acknowledged retransmissions, timer W,
// segmented Results reassembled with group Acks and Negative Acks, aborts.

#include "ns3/mms-wtp-transaction.h"
#include "ns3/test.h"

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

/// What the initiator does with a PDU from the responder.
std::string
Feed(MmsWtpInitiator& t, const MmsWtpPdu& p, bool* mine = nullptr)
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
    }
};

static MmsWtpTransactionTestSuite g_mmsWtpTransactionTestSuite; //!< Static variable for test
                                                                //!< initialization
