// Parsing engagement counts as platforms display them: 41000, "41,000", "1.2万", "10万+", "3M", "100k+".
// A trailing "+" (or 以上) means the platform capped the display: the count is a lower bound (censored).
#pragma once

#include <string_view>

#include "vigil/post.h"
#include "vigil/status.h"

namespace vigil {

Result<Count> ParseDisplayedCount(std::string_view text);

}  // namespace vigil
