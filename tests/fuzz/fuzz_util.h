// Helpers shared by the fuzz targets: size-driven inputs, a reusable per-process input file for APIs that
// only read paths, and a sink that discards what it receives after touching it.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/record_sink.h"

namespace vigil::fuzz {

// Size-driven inputs. libFuzzer mutates structure well but seldom grows an input to megabytes, where the
// size limits live (8 MiB lines and records, nesting depth). So a few bytes may stand for a huge input:
//   "\xFF\xFE" count(3 bytes, big-endian) prefix_length(1) unit_length(1) prefix unit suffix...
// expands to prefix + unit * count + suffix, at most kMaxExpandedBytes. Any other input is used as it is.
// The seeds tests/fuzz/corpus/*/size-* use it; the fuzzer mutates their counts and units like any bytes.
constexpr size_t kMaxExpandedBytes = 24 << 20;

inline std::string ExpandSizeDriven(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  constexpr size_t kHeader = 7;
  if (size < kHeader || in[0] != '\xFF' || in[1] != '\xFE') return std::string(in);
  const size_t count = (size_t{data[2]} << 16) | (size_t{data[3]} << 8) | data[4];
  const size_t prefix_length = data[5];
  const size_t unit_length = data[6];
  if (kHeader + prefix_length + unit_length > size) return std::string(in);
  const std::string_view prefix = in.substr(kHeader, prefix_length);
  const std::string_view unit = in.substr(kHeader + prefix_length, unit_length);
  const std::string_view suffix = in.substr(kHeader + prefix_length + unit_length);
  const size_t repeats = unit.empty() ? 0 : std::min(count, kMaxExpandedBytes / unit.size());
  // The repeated part is built by doubling: appending a short unit millions of times one by one would cost
  // more than the reader under test (sanitizers make each append slow).
  const size_t repeated_bytes = unit.size() * repeats;
  std::string block(unit);
  while (!block.empty() && block.size() * 2 <= repeated_bytes) block += block;
  std::string out;
  out.reserve(prefix.size() + repeated_bytes + suffix.size());
  out += prefix;
  while (!block.empty() && out.size() - prefix.size() + block.size() <= repeated_bytes) out += block;
  out.append(block, 0, repeated_bytes - (out.size() - prefix.size()));
  out += suffix;
  return out;
}

// Readers that take a file path get the fuzz input through one temp file per process, rewritten on every
// call (creating a file per input would dominate the run time). `suffix` keeps an extension the reader
// may look at. The file is removed when the process exits normally.
inline const std::string& WriteInputFile(const uint8_t* raw_data, size_t raw_size, const char* suffix) {
  const std::string expanded = ExpandSizeDriven(raw_data, raw_size);
  const auto* data = reinterpret_cast<const uint8_t*>(expanded.data());
  const size_t size = expanded.size();
  static const std::string path = [suffix] {
    const char* dir = std::getenv("TMPDIR");
    std::string p = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/vigil-fuzz-" +
                    std::to_string(getpid()) + suffix;
    return p;
  }();
  static const bool registered = [] {
    std::atexit([] { std::remove(path.c_str()); });
    return true;
  }();
  (void)registered;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) std::abort();  // the harness itself is broken: say so loudly
  if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  return path;
}

// Reads every field of what it receives so the sanitizers see any bad memory behind it.
class TouchingSink : public RecordSink {
 public:
  void Accept(Post& post) override {
    checksum_ += post.id.size() + post.text.size() + post.account_id.size();
    ++accepted_;
  }
  void Reject(RejectedRecord rejected) override {
    checksum_ += rejected.file.size() + rejected.field.size() + rejected.reason.size() + rejected.raw.size();
    ++rejected_;
  }
  size_t accepted() const { return accepted_; }
  size_t rejected() const { return rejected_; }
  size_t checksum() const { return checksum_; }

 private:
  size_t accepted_ = 0, rejected_ = 0, checksum_ = 0;
};

}  // namespace vigil::fuzz
