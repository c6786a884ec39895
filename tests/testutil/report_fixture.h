// A hand-built but realistic AnalysisReport modelled on the reference case (Youli-Youmian's operation on
// Mark Carney, Canada 2025), for tests of the report writers and exporters.
#pragma once

#include <string>

#include "vigil/findings.h"

namespace vigil::testutil {

// The reference-case report: one incident (actor 有理儿有面 / Youli-Youmian, target Mark Carney, surges on
// 2025-03-10 and 2025-03-25, peak 130,000 interactions against a state-media median of ~30,000, mixed
// stance, 30 amplifier accounts) with the actor's earlier campaigns against Michael Chong (2023-05-04..13)
// and Chrystia Freeland (2025-01-29..02-03). Deterministic: every call returns the same report.
AnalysisReport MakeReferenceCaseReport();

// The reference case with two network operations: the actor's own network (the actor as originator, its 30
// amplifiers, linked to the incident) and an unattributed reply network of 8 new accounts commenting on the
// posts of all three candidates with one accusation in English and French, both sides, surging over the
// election-call weekend. Deterministic.
AnalysisReport MakeNetworkOperationReport();

// A watched actor on `platform` with the given affiliation, linked to China (country "CN").
Actor MakeActor(std::string platform, std::string account_id, Affiliation affiliation);

}  // namespace vigil::testutil
