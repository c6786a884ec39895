// LineReader: streams a file as lines without loading it whole. Each line view stays valid until the next
// call and is followed by at least kLinePadding readable bytes, as simdjson requires.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil {

constexpr size_t kLinePadding = 64;

class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  Status Open(const std::string& path);
  // Next line without its terminator ("\n" or "\r\n"). Returns false at end of file or on a read error
  // (check status()). `line_number` is 1-based.
  bool Next(std::string_view* line, int64_t* line_number);
  const Status& status() const { return status_; }
  // Bytes consumed so far (for progress).
  int64_t bytes_read() const { return bytes_consumed_; }
  int64_t file_size() const { return file_size_; }

 private:
  bool Refill();

  std::FILE* file_ = nullptr;
  std::vector<char> buffer_;
  size_t block_size_ = 0;  // bytes read per refill, fixed at Open from the file's size
  size_t begin_ = 0;  // start of unconsumed data in buffer_
  size_t end_ = 0;    // end of valid data in buffer_
  bool eof_ = false;
  int64_t line_number_ = 0;
  int64_t bytes_consumed_ = 0;
  int64_t file_size_ = 0;
  Status status_;
  std::string path_;
};

}  // namespace vigil
