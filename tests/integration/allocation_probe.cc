// Replaces the global operator new/delete of the test binary that links it (see allocation_probe.h).
#include "tests/integration/allocation_probe.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<size_t> largest_allocation{0};
}  // namespace

void* operator new(size_t size) {
  size_t seen = largest_allocation.load(std::memory_order_relaxed);
  while (size > seen && !largest_allocation.compare_exchange_weak(seen, size, std::memory_order_relaxed)) {
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace vigil::testutil {

size_t LargestAllocation() { return largest_allocation.load(); }
void ResetLargestAllocation() { largest_allocation.store(0); }

}  // namespace vigil::testutil
