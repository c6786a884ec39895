// Sitting members of parliament an analyst watches beside the national candidates: reply-spam networks
// comment on the pages of dozens of MPs of every party, not only on the leaders'.
#pragma once

#include <vector>

#include "scenarios/candidates.h"

namespace vigil::scenarios {

// Further members of `country`'s parliament, of every party (empty for countries without a list).
const std::vector<Candidate>& SittingMembers(const Country& country);

}  // namespace vigil::scenarios
