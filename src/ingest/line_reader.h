// LineReader: streams a file as lines without loading it whole. Each line view stays valid until the next
// call and is followed by at least kLinePadding readable bytes, as simdjson requires. A line longer than
// the cap is never held: it is skipped to its end and reported as overlong with its exact byte range, so
// memory stays bounded on any input (a stream with no newline at all included).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil {

constexpr size_t kLinePadding = 64;
// The longest line a reader accepts (docs/input-format.md): far above any post within kMaxPostTextBytes,
// even with every character JSON-escaped.
constexpr size_t kMaxLineBytes = 8 << 20;

class LineReader {
 public:
  explicit LineReader(size_t max_line_bytes = kMaxLineBytes) : max_line_bytes_(max_line_bytes) {}
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  Status Open(const std::string& path);
  // Next line without its terminator ("\n" or "\r\n"); a UTF-8 byte-order mark at the start of the file is
  // not part of the first line. Returns false at end of file or on a read error (check status()).
  // `line_number` is 1-based. An overlong line comes back empty with overlong() true.
  bool Next(std::string_view* line, int64_t* line_number);
  const Status& status() const { return status_; }

  // The last line's byte offset in the file and its length, terminator included.
  int64_t line_offset() const { return line_offset_; }
  int64_t line_length() const { return line_length_; }
  // True when the last line was longer than the cap (its text was skipped, not kept).
  bool overlong() const { return overlong_; }
  size_t max_line_bytes() const { return max_line_bytes_; }

  // Bytes consumed so far (for progress).
  int64_t bytes_read() const { return bytes_consumed_; }
  int64_t file_size() const { return file_size_; }
  size_t buffer_capacity() const { return buffer_.capacity(); }

 private:
  bool Refill();
  void SkipByteOrderMark();
  // Hands out the `length` buffered bytes at begin_ (terminator included) as the next line.
  void TakeLine(size_t length, bool terminated, std::string_view* line, int64_t* line_number);
  // Ends the overlong line being skipped after `tail` more bytes.
  void TakeOverlong(size_t tail, std::string_view* line, int64_t* line_number);

  size_t max_line_bytes_;
  std::FILE* file_ = nullptr;
  std::vector<char> buffer_;
  size_t block_size_ = 0;  // bytes read per refill, fixed at Open from the file's size
  size_t begin_ = 0;  // start of unconsumed data in buffer_
  size_t end_ = 0;    // end of valid data in buffer_
  bool eof_ = false;
  bool bom_checked_ = false;
  bool skipping_ = false;      // inside an overlong line
  int64_t skipped_bytes_ = 0;  // of the overlong line so far
  bool overlong_ = false;
  int64_t line_number_ = 0;
  int64_t line_offset_ = 0;
  int64_t line_length_ = 0;
  int64_t bytes_consumed_ = 0;
  int64_t file_size_ = 0;
  Status status_;
  std::string path_;
};

}  // namespace vigil
