// Ctrl-C for long commands: the first SIGINT or SIGTERM asks the engine to stop at its next check (whole
// batches stay committed, the quarantine keeps its records); a second one ends the process at once, and so
// does the end of a short grace period in which the work did not reach a check point.
#pragma once

#include "vigil/engine.h"

namespace vigil::cli {

// Installs the handlers (once) and returns the flag they set.
const CancelFlag* InterruptFlag();

}  // namespace vigil::cli
