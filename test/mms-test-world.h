/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_TEST_WORLD_H
#define MMS_TEST_WORLD_H

// A whole MMSE for system tests: gateway, Relay, Server, PPG, SMSC and handsets, with a
// recorder of every PDU the elements send ("UA0>Relay M-Send.req", "SMSC>UA1 SMS-DELIVER 1/2").

#include "ns3/mms-module.h"
#include "ns3/node-container.h"

#include <string>
#include <vector>

namespace mmstest
{

/// Lines joined for a failure message, one per line, indented.
std::string Join(const std::vector<std::string>& lines);

class MmsWorld
{
  public:
    /// Build the network (not the applications): call Install() after setting attributes.
    /// `bearer` empty: point-to-point handset links; otherwise radio cells of that profile,
    /// configured first by `radio` (if given).
    explicit MmsWorld(uint32_t handsets,
                      const std::string& bearer = "",
                      void (*radio)(ns3::MmsRadioBearerHelper&) = nullptr);
    ~MmsWorld();

    ns3::MmsNetworkHelper net;
    ns3::MmsHelper mms;
    ns3::NodeContainer handsets;
    ns3::ApplicationContainer uas;
    std::vector<std::string> ladder; //!< every message sent, in order, with the time in `times`
    std::vector<double> times;
    /// Every request an element handed to TCP, labelled by decoding it (MmsLadder::Label):
    /// "UA0 m-send-req [tid]".
    std::vector<std::string> decodedLabels;
    /// Every request an element issued, with the label the element gave it (Exchange trace).
    std::vector<std::string> givenLabels;

    /// Install() puts a WAP gateway ("WAPGW", on a core node of its own) before the Relay and
    /// makes the handsets WAP 1.x ones (MmsHelper::InstallWapGateway).
    bool wap{false};

    /// Install the elements, assign streams from `stream`, start recording the ladder.
    void Install(int64_t stream = 1);
    ns3::Ptr<ns3::MmsUserAgent> Ua(uint32_t i) const;
    /// Ladder lines whose text contains any of the given words, in order.
    std::vector<std::string> Filter(const std::vector<std::string>& words) const;
    /// The ladder as text, one line per entry, for failure messages.
    std::string Dump() const;

    std::string NameOf(const ns3::Address& a) const;
    std::vector<std::pair<uint32_t, std::string>> names; //!< IPv4 address (Get()) -> name
};

} // namespace mmstest

#endif /* MMS_TEST_WORLD_H */
