// A progress line on stderr for long work, throttled so it costs nothing on fast runs. On a terminal it
// rewrites one line; otherwise it prints a line every few seconds.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  // Shows "<label> <done>/<total> <unit> (<pct>%)"; `total` <= 0 means unknown.
  void Update(const std::string& label, int64_t done, int64_t total, std::string_view unit);
  // Ends the line (on a terminal) so later output starts clean.
  void Finish();

 private:
  bool enabled_;
  bool tty_;
  bool dirty_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace vigil::cli
