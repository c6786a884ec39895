#include "apps/cli/interrupt.h"

#include <unistd.h>

#include <csignal>

namespace vigil::cli {
namespace {

// Work that reaches no check point (a reader inside one endless line of /dev/zero) still ends this long after
// the first signal: SIGALRM's default action ends the process. A store transaction cut there is rolled back.
constexpr unsigned kGraceSeconds = 5;

CancelFlag g_interrupted;
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler may only touch a lock-free atomic");

extern "C" void OnInterrupt(int signal) {
  g_interrupted.Cancel();
  std::signal(signal, SIG_DFL);  // the next one is not asked politely
  alarm(kGraceSeconds);          // async-signal-safe, as is everything in this handler
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
