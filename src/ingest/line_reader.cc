#include "ingest/line_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace vigil {
namespace {
// Read size for large files. A small file gets a block of its own size (at least kMinBlockSize): zeroing
// 8 MiB for each of many small inputs cost more than reading them.
constexpr size_t kBlockSize = 8 << 20;
constexpr size_t kMinBlockSize = 64 << 10;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
}  // namespace

LineReader::~LineReader() {
  if (file_) std::fclose(file_);
}

Status LineReader::Open(const std::string& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) return Status::NotFound("cannot open '" + path + "': " + std::strerror(errno));
  struct stat st {};
  block_size_ = kBlockSize;  // size unknown (a pipe): assume a large stream
  if (::stat(path.c_str(), &st) == 0) {
    file_size_ = st.st_size;
    if (S_ISREG(st.st_mode)) {
      block_size_ = std::clamp(static_cast<size_t>(file_size_) + 1, kMinBlockSize, kBlockSize);
    }
  }
  // A block larger than the longest line buys nothing: it would only be skipped.
  block_size_ = std::min(block_size_, std::max<size_t>(max_line_bytes_, 1));
  buffer_.resize(block_size_ + kLinePadding);
  return Status::Ok();
}

bool LineReader::Refill() {
  // Move the unconsumed tail to the front, grow if a single line is larger than the buffer. A line being
  // held is at most max_line_bytes_ long (longer ones are skipped), so the buffer stays bounded.
  const size_t pending = end_ - begin_;
  if (begin_ > 0) std::memmove(buffer_.data(), buffer_.data() + begin_, pending);
  begin_ = 0;
  end_ = pending;
  if (buffer_.size() - kLinePadding - end_ < block_size_ / 2) buffer_.resize(buffer_.size() * 2);
  const size_t room = buffer_.size() - kLinePadding - end_;
  const size_t got = std::fread(buffer_.data() + end_, 1, room, file_);
  if (got < room) {
    if (std::ferror(file_)) {
      status_ = Status::IoError("read error on '" + path_ + "': " + std::strerror(errno));
      return false;
    }
    eof_ = true;
  }
  end_ += got;
  std::memset(buffer_.data() + end_, 0, kLinePadding);
  return got > 0;
}

void LineReader::SkipByteOrderMark() {
  if (bom_checked_ || (end_ - begin_ < kUtf8Bom.size() && !eof_)) return;
  bom_checked_ = true;
  if (std::string_view(buffer_.data() + begin_, end_ - begin_).starts_with(kUtf8Bom)) {
    begin_ += kUtf8Bom.size();
    bytes_consumed_ += static_cast<int64_t>(kUtf8Bom.size());
  }
}

void LineReader::TakeLine(size_t length, bool terminated, std::string_view* line, int64_t* line_number) {
  const char* start = buffer_.data() + begin_;
  size_t view_length = terminated ? length - 1 : length;
  if (view_length > 0 && start[view_length - 1] == '\r') --view_length;
  overlong_ = view_length > max_line_bytes_;
  *line = overlong_ ? std::string_view() : std::string_view(start, view_length);
  line_offset_ = bytes_consumed_;
  line_length_ = static_cast<int64_t>(length);
  begin_ += length;
  bytes_consumed_ += static_cast<int64_t>(length);
  *line_number = ++line_number_;
}

void LineReader::TakeOverlong(size_t tail, std::string_view* line, int64_t* line_number) {
  begin_ += tail;
  bytes_consumed_ += static_cast<int64_t>(tail);
  skipped_bytes_ += static_cast<int64_t>(tail);
  skipping_ = false;
  overlong_ = true;
  *line = std::string_view();
  line_length_ = skipped_bytes_;
  *line_number = ++line_number_;
}

bool LineReader::Next(std::string_view* line, int64_t* line_number) {
  if (!file_) return false;
  while (true) {
    SkipByteOrderMark();
    const char* start = buffer_.data() + begin_;
    const size_t available = end_ - begin_;
    const void* newline = std::memchr(start, '\n', available);
    if (newline) {
      const size_t length = static_cast<size_t>(static_cast<const char*>(newline) - start) + 1;
      if (skipping_) {
        TakeOverlong(length, line, line_number);
      } else {
        TakeLine(length, true, line, line_number);
      }
      return true;
    }
    if (eof_) {
      if (skipping_) {
        TakeOverlong(available, line, line_number);
        return true;
      }
      if (available == 0) return false;
      TakeLine(available, false, line, line_number);
      return true;
    }
    if (!skipping_ && available > max_line_bytes_ + 1) {  // +1: room for a '\r' before the newline
      skipping_ = true;
      skipped_bytes_ = 0;
      line_offset_ = bytes_consumed_;
    }
    if (skipping_) {  // drop what is buffered: only the line's extent is kept
      skipped_bytes_ += static_cast<int64_t>(available);
      bytes_consumed_ += static_cast<int64_t>(available);
      begin_ = end_;
    }
    if (!Refill() && !status_.ok()) return false;
  }
}

}  // namespace vigil
