#include "apps/cli/interrupt.h"

#include <csignal>

namespace vigil::cli {
namespace {

CancelFlag g_interrupted;
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler may only touch a lock-free atomic");

extern "C" void OnInterrupt(int signal) {
  g_interrupted.Cancel();
  std::signal(signal, SIG_DFL);  // the next one is not asked politely
}

}  // namespace

const CancelFlag* InterruptFlag() {
  static const bool installed = [] {
    std::signal(SIGINT, OnInterrupt);
    std::signal(SIGTERM, OnInterrupt);
    return true;
  }();
  (void)installed;
  return &g_interrupted;
}

}  // namespace vigil::cli
