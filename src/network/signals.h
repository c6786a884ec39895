// Internal: inauthentic-network signals that need no engagement figure: text templates across accounts,
// reply bursts to one target from accounts without history, accounts named in series, many targets, and an
// echo chamber (reposts and replies to the network's posts coming from inside it). Each carries its evidence.
#pragma once

#include <cstdint>
#include <vector>

#include "network/coaction.h"

namespace vigil::network {

// Measures every signal for the operation made of `members` (graph account indexes); also sets
// op->reach_outside. The operation's accounts, targets and timeline must be filled.
std::vector<NetworkSignal> MeasureSignals(const AnalysisReport& report, const std::vector<uint32_t>& members,
                                          const CoactionGraph& graph, Operation* op);

}  // namespace vigil::network
