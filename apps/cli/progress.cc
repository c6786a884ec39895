#include "apps/cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace vigil::cli {
namespace {
constexpr auto kTtyInterval = std::chrono::milliseconds(200);
constexpr auto kLogInterval = std::chrono::seconds(5);
}  // namespace

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0), last_(std::chrono::steady_clock::now()) {}

void ProgressLine::Update(const std::string& label, int64_t done, int64_t total, std::string_view unit) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < (tty_ ? kTtyInterval : kLogInterval)) return;
  last_ = now;
  const std::string pct = total > 0 ? fmt::format(" ({:.0f}%)", 100.0 * static_cast<double>(done) / static_cast<double>(total)) : "";
  const std::string text = total > 0 ? fmt::format("{} {}/{} {}{}", label, done, total, unit, pct)
                                     : fmt::format("{} {} {}", label, done, unit);
  if (tty_) {
    fmt::print(stderr, "\r\033[K{}", text);
    dirty_ = true;
  } else {
    fmt::print(stderr, "{}\n", text);
  }
}

void ProgressLine::Finish() {
  if (dirty_) fmt::print(stderr, "\r\033[K");
  dirty_ = false;
}

}  // namespace vigil::cli
