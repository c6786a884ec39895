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
}

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
  buffer_.resize(block_size_ + kLinePadding);
  return Status::Ok();
}

bool LineReader::Refill() {
  // Move the unconsumed tail to the front, grow if a single line is larger than the buffer.
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

bool LineReader::Next(std::string_view* line, int64_t* line_number) {
  if (!file_) return false;
  while (true) {
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl || (eof_ && end_ > begin_)) {
      const size_t len = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - begin_;
      const size_t consumed = nl ? len + 1 : len;
      size_t view_len = len;
      if (view_len > 0 && start[view_len - 1] == '\r') --view_len;
      *line = std::string_view(start, view_len);
      begin_ += consumed;
      bytes_consumed_ += static_cast<int64_t>(consumed);
      *line_number = ++line_number_;
      return true;
    }
    if (eof_) return false;
    if (!Refill() && !status_.ok()) return false;
  }
}

}  // namespace vigil
