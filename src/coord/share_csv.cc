// The streaming reader of the 4-column share file: physical lines are assembled into records while a
// quote is open, each record split and checked, bad ones reported whole.
#include "coord/share_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

#include "common/strings.h"
#include "common/time.h"

namespace vigil::coord {
namespace {

constexpr size_t kReadChunk = size_t{8} << 20;  // bytes per read(): large enough to amortise syscalls
constexpr std::array<std::string_view, 4> kColumns = {"object_id", "account_id", "content_id",
                                                      "timestamp_share"};

// Integral Unix seconds fast path; RFC 3339 through the common parser.
bool ParseShareTime(std::string_view text, int64_t& out) {
  if (text.empty()) return false;
  size_t i = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    i = 1;
  }
  if (i < text.size()) {
    int64_t v = 0;
    bool digits_only = true;
    constexpr int64_t kMaxBeforeDigit = (INT64_MAX - 9) / 10;
    for (size_t k = i; k < text.size(); ++k) {
      char c = text[k];
      if (c < '0' || c > '9' || v > kMaxBeforeDigit) {
        digits_only = false;
        break;
      }
      v = v * 10 + (c - '0');
    }
    if (digits_only) {
      out = negative ? -v : v;
      return true;
    }
  }
  auto parsed = ParseTimestamp(text);
  if (!parsed.ok()) return false;
  out = parsed->unix_seconds;
  return true;
}

// An odd number of quotes leaves a quoted field open at the end of the text (RFC 4180 doubles quotes
// inside quoted fields, so parity is exact).
bool LeavesQuoteOpen(std::string_view text) { return std::count(text.begin(), text.end(), '"') % 2 != 0; }

// Reads the share file one physical line at a time. A line that leaves a quote open starts a pending
// record that takes the next lines until the quote closes; if it never does (end of file, or the record
// outgrows kMaxShareRecordBytes) or the assembled record does not parse, only its first line is refused
// and the lines after it are read again as records of their own, so one stray quote costs one line.
class ShareCsvScanner {
 public:
  ShareCsvScanner(const std::string& path, const std::function<void(const ShareRow&)>& on_row,
                  const std::function<void(ShareRowError)>& on_error, const std::vector<int64_t>* only_lines)
      : path_(path), on_row_(on_row), on_error_(on_error), only_lines_(only_lines) {}

  // One physical line, without its '\n'. False once nothing more is wanted or the header is unusable.
  bool OnLine(std::string_view line) { return Feed(line, ++line_no_); }
  // A line above kMaxShareRecordBytes, of which only the size was kept.
  void OnOversizedLine(int64_t bytes) {
    ++line_no_;
    if (stopped_) return;
    if (!have_header_) {
      header_ = Status::InvalidArgument(fmt::format("{}:{}: header: line of {} bytes, above the limit of {}", path_,
                                                    line_no_, bytes, kMaxShareRecordBytes));
      stopped_ = true;
      return;
    }
    FlushPending();
    Reject(line_no_, "", "", fmt::format("line of {} bytes, above the limit of {}: skipped", bytes, kMaxShareRecordBytes));
  }
  Status Finish(int64_t* rows_read) {
    while (pending_active_ && !stopped_) RefuseFirstPendingLine("unterminated quoted field (open at the end of the file)");
    if (!header_.ok()) return header_;
    if (!have_header_) return Status::InvalidArgument(fmt::format("{}: empty file, no header", path_));
    if (rows_read) *rows_read = rows_;
    return Status::Ok();
  }

 private:
  bool Feed(std::string_view line, int64_t number) {
    if (stopped_) return false;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!have_header_) return ReadHeader(line);
    if (pending_active_) {
      ContinuePending(line, number);
    } else {
      StartRecord(line, number);
    }
    return !stopped_;
  }

  bool ReadHeader(std::string_view line) {
    if (line_no_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // UTF-8 BOM
    if (!SplitShareRecord(line, fields_, scratch_)) {
      header_ = Status::InvalidArgument(fmt::format("{}:1: header: unterminated quote", path_));
      return false;
    }
    for (size_t c = 0; c < kColumns.size(); ++c) {
      const auto found = std::find_if(fields_.begin(), fields_.end(),
                                      [&](std::string_view f) { return TrimBlanks(f) == kColumns[c]; });
      if (found == fields_.end()) {
        header_ = Status::InvalidArgument(fmt::format(
            "{}:1: header: column '{}' missing (need object_id, account_id, content_id, timestamp_share)", path_,
            kColumns[c]));
        return false;
      }
      column_[c] = static_cast<size_t>(found - fields_.begin());
      needed_fields_ = std::max(needed_fields_, column_[c] + 1);
    }
    have_header_ = true;
    return true;
  }

  // Whether the record starting on line `number` is to be read (all are, unless only_lines says).
  bool Wanted(int64_t number) {
    if (!only_lines_) return true;
    while (next_wanted_ < only_lines_->size() && (*only_lines_)[next_wanted_] < number) ++next_wanted_;
    if (next_wanted_ == only_lines_->size()) {
      stopped_ = true;  // nothing more wanted: stop reading
      return false;
    }
    return (*only_lines_)[next_wanted_] == number;
  }

  void StartRecord(std::string_view line, int64_t number) {
    if (!Wanted(number)) return;
    if (TrimBlanks(line).empty()) return;  // a blank line is no record
    if (!LeavesQuoteOpen(line)) {
      ReadRecord(line, number);
      return;
    }
    pending_active_ = true;
    pending_first_line_ = number;
    pending_.assign(line);
    pending_line_ends_.assign(1, pending_.size());
  }

  void ContinuePending(std::string_view line, int64_t number) {
    if (pending_.size() + 1 + line.size() > kMaxShareRecordBytes) {
      RefuseFirstPendingLine(fmt::format("unterminated quoted field (no closing quote within {} bytes)",
                                         kMaxShareRecordBytes));
      Feed(line, number);
      return;
    }
    pending_ += '\n';
    pending_ += line;
    pending_line_ends_.push_back(pending_.size());
    if (LeavesQuoteOpen(pending_)) return;
    pending_active_ = false;
    if (ReadRecord(pending_, pending_first_line_, /*first_of_span=*/true)) return;
    // The assembled record is damaged: refuse its first line alone and read the others again.
    pending_active_ = true;
    RefuseFirstPendingLine("unterminated quoted field");
  }

  // Refuses the pending record's first line and feeds the lines after it again, as records of their own.
  void RefuseFirstPendingLine(std::string_view reason) {
    const std::string held = std::move(pending_);
    const std::vector<size_t> ends = std::move(pending_line_ends_);
    const int64_t first = pending_first_line_;
    pending_active_ = false;
    pending_.clear();
    pending_line_ends_.clear();
    Reject(first, "", std::string(std::string_view(held).substr(0, ends[0])), std::string(reason));
    for (size_t k = 1; k < ends.size() && !stopped_; ++k) {
      const size_t begin = ends[k - 1] + 1;
      Feed(std::string_view(held).substr(begin, ends[k] - begin), first + static_cast<int64_t>(k));
    }
  }

  // An oversized line ends any pending record: it cannot be part of one the reader holds.
  void FlushPending() {
    while (pending_active_ && !stopped_) RefuseFirstPendingLine("unterminated quoted field (cut by an oversized line)");
  }

  // Checks one complete record and hands it on. With `first_of_span`, a record that does not split or is
  // short is not refused here: the caller refuses only its first line. Returns whether it was consumed.
  bool ReadRecord(std::string_view record, int64_t number, bool first_of_span = false) {
    const bool splits = SplitShareRecord(record, fields_, scratch_);
    if (!splits || fields_.size() < needed_fields_) {
      if (first_of_span) return false;
      Reject(number, "", std::string(record),
             splits ? fmt::format("expected at least {} fields, found {}", needed_fields_, fields_.size())
                    : std::string("malformed quoted field (text after a closing quote)"));
      return true;
    }
    ShareRow row;
    row.line = number;
    std::string_view* targets[3] = {&row.object, &row.account, &row.content};
    for (size_t c = 0; c < 3; ++c) {
      *targets[c] = TrimBlanks(fields_[column_[c]]);
      if (targets[c]->empty()) {
        Reject(number, std::string(kColumns[c]), std::string(record), "empty value");
        return true;
      }
    }
    const std::string_view ts = TrimBlanks(fields_[column_[3]]);
    if (!ParseShareTime(ts, row.time)) {
      Reject(number, "timestamp_share", std::string(record),
             fmt::format("'{}' is neither integral Unix seconds nor an RFC 3339 time with an offset", ts.substr(0, 64)));
      return true;
    }
    ++rows_;
    on_row_(row);
    return true;
  }

  void Reject(int64_t line, std::string field, std::string raw, std::string reason) {
    ++rows_;
    on_error_(ShareRowError{path_, line, std::move(field), std::move(reason), std::move(raw)});
  }

  const std::string& path_;
  const std::function<void(const ShareRow&)>& on_row_;
  const std::function<void(ShareRowError)>& on_error_;
  const std::vector<int64_t>* only_lines_;

  Status header_;
  bool have_header_ = false;
  std::array<size_t, 4> column_{};
  size_t needed_fields_ = 0;
  int64_t line_no_ = 0;
  int64_t rows_ = 0;
  size_t next_wanted_ = 0;
  bool stopped_ = false;

  bool pending_active_ = false;
  int64_t pending_first_line_ = 0;
  std::string pending_;                   // the record's lines so far, joined by '\n'
  std::vector<size_t> pending_line_ends_;  // where each of them ends in pending_

  std::vector<std::string_view> fields_;
  std::string scratch_;
};

// Splits `file` into physical lines for `scanner`. A line longer than kMaxShareRecordBytes is not held:
// its bytes are counted up to the next newline and the scanner told its size.
Status ReadLines(std::FILE* file, const std::string& path, ShareCsvScanner& scanner) {
  std::string buffer(kReadChunk, '\0');
  std::string carry;
  int64_t oversized = -1;  // bytes of the current oversized line, or -1 when not inside one
  bool keep_going = true;
  while (keep_going) {
    const size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
    if (got == 0) break;
    const std::string_view chunk(buffer.data(), got);
    size_t start = 0;
    while (keep_going) {
      const size_t nl = chunk.find('\n', start);
      const std::string_view piece = chunk.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      if (oversized < 0 && carry.size() + piece.size() > kMaxShareRecordBytes) {
        oversized = static_cast<int64_t>(carry.size());
        std::string().swap(carry);
      }
      if (oversized >= 0) oversized += static_cast<int64_t>(piece.size());
      if (nl == std::string_view::npos) {
        if (oversized < 0) carry.append(piece);
        break;
      }
      if (oversized >= 0) {
        scanner.OnOversizedLine(oversized);
        oversized = -1;
      } else if (!carry.empty()) {
        carry.append(piece);
        keep_going = scanner.OnLine(carry);
        carry.clear();
      } else {
        keep_going = scanner.OnLine(piece);
      }
      start = nl + 1;
    }
  }
  if (std::ferror(file)) return Status::IoError(fmt::format("{}: read error", path));
  if (keep_going && oversized >= 0) scanner.OnOversizedLine(oversized);
  if (keep_going && oversized < 0 && !carry.empty()) scanner.OnLine(carry);
  return Status::Ok();
}

}  // namespace

bool SplitShareRecord(std::string_view record, std::vector<std::string_view>& fields, std::string& scratch) {
  fields.clear();
  if (record.find('"') == std::string_view::npos) {  // the common case: no quoting, split at commas
    size_t start = 0;
    while (true) {
      const size_t comma = record.find(',', start);
      if (comma == std::string_view::npos) {
        fields.push_back(record.substr(start));
        return true;
      }
      fields.push_back(record.substr(start, comma - start));
      start = comma + 1;
    }
  }
  // Unquoted text is never longer than the record: reserving it keeps the views into scratch valid.
  scratch.clear();
  scratch.reserve(record.size());
  size_t i = 0;
  const size_t n = record.size();
  while (true) {
    if (i < n && record[i] == '"') {
      const size_t begin = scratch.size();
      ++i;
      bool closed = false;
      while (i < n) {
        if (record[i] == '"') {
          if (i + 1 < n && record[i + 1] == '"') {
            scratch.push_back('"');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        scratch.push_back(record[i++]);
      }
      if (!closed) return false;
      fields.emplace_back(scratch.data() + begin, scratch.size() - begin);
      if (i < n && record[i] != ',') return false;  // text after the closing quote
    } else {
      const size_t begin = i;
      while (i < n && record[i] != ',') ++i;
      fields.push_back(record.substr(begin, i - begin));
    }
    if (i >= n) return true;
    ++i;  // the comma
    if (i == n) {
      fields.emplace_back();
      return true;
    }
  }
}

Status ScanShareCsv(const std::string& path, const std::function<void(const ShareRow&)>& on_row,
                    const std::function<void(ShareRowError)>& on_error, int64_t* rows_read,
                    const std::vector<int64_t>* only_lines) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::NotFound(fmt::format("{}: cannot open the share file", path));
  ShareCsvScanner scanner(path, on_row, on_error, only_lines);
  VIGIL_RETURN_IF_ERROR(ReadLines(file.get(), path, scanner));
  return scanner.Finish(rows_read);
}

}  // namespace vigil::coord
