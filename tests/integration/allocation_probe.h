// Test helper: records the largest single allocation made through operator new, so a test can assert that a
// computation never allocates in proportion to something an adversary controls (e.g. the span of dates).
#pragma once

#include <cstddef>

namespace vigil::testutil {

// The largest operator new request since the last reset.
size_t LargestAllocation();
void ResetLargestAllocation();

}  // namespace vigil::testutil
