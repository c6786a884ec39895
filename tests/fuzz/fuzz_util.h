// Helpers shared by the fuzz targets: a reusable per-process input file for APIs that only read paths, and
// a sink that discards what it receives after touching it.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/record_sink.h"

namespace vigil::fuzz {

// Readers that take a file path get the fuzz input through one temp file per process, rewritten on every
// call (creating a file per input would dominate the run time). `suffix` keeps an extension the reader
// may look at. The file is removed when the process exits normally.
inline const std::string& WriteInputFile(const uint8_t* data, size_t size, const char* suffix) {
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
