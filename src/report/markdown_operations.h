// Internal: the report.md section on network operations: each operation's members and roles, its targets with
// their stance, surges, inauthentic-network signals, attribution and the actor incidents it holds.
#pragma once

#include <string>

#include "vigil/findings.h"

namespace vigil {

// Appends the "Network operations" section (nothing when there is none).
void WriteOperations(const AnalysisReport& r, std::string& out);

}  // namespace vigil
