// A Post as one record of Vigil's JSON Lines post format (docs/input-format.md): what `vigil convert` writes
// and how the quarantine keeps a post that an adapter read but the shared checks refused.
#pragma once

#include <string>

#include "vigil/post.h"

namespace vigil {

// One JSON object, no newline. The time keeps the offset the source wrote; counts are numbers, or "N+" for a
// platform's capped display. Bytes that are not UTF-8 become U+FFFD (a JSON string cannot carry them).
std::string PostToJsonLine(const Post& post);

}  // namespace vigil
