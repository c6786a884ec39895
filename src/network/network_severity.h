// Internal: a network operation's severity, 0-100, from a data table of named points: size, coordination
// strength, inauthentic-network signals, targets, reach beyond the network, attribution (docs/network-operations.md#severity).
#pragma once

#include "vigil/findings.h"

namespace vigil::network {

// Fills op->contributions, severity and level from its measured findings.
void ScoreOperation(Operation* op);

}  // namespace vigil::network
