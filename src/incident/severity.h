// Severity: a 0-100 score that explains itself. Each signal adds points with a plain-language line
// carrying the numbers behind it; the weights are documented in docs/severity.md.
#pragma once

#include "vigil/findings.h"

namespace vigil {

// Fills incident->contributions, severity and level from the incident's measured findings.
void ScoreSeverity(Incident* incident);

// Level for a 0-100 score: >= 70 critical, >= 50 high, >= 30 medium, else low.
SeverityLevel LevelFor(double severity);

}  // namespace vigil
