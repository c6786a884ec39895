// Interning of share tuples and the streaming 4-column CSV parser.
#include "coord/share_table.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <array>
#include <cstdio>
#include <memory>

#include "common/time.h"

namespace vigil::coord {
namespace {

constexpr size_t kReadChunk = size_t{8} << 20;  // bytes per read(): large enough to amortise syscalls
constexpr size_t kMaxRawChars = 4096;            // of a refused line kept for the quarantine file
constexpr size_t kMaxFields = 64;
constexpr std::array<std::string_view, 4> kColumns = {"object_id", "account_id", "content_id",
                                                      "timestamp_share"};

// Splits one CSV line into fields (RFC 4180 quoting within the line). Returns false on an unterminated
// quote. Unescaped quoted fields are written to `scratch` so the views stay valid.
bool SplitCsvLine(std::string_view line, std::vector<std::string_view>& fields,
                  std::vector<std::string>& scratch) {
  fields.clear();
  if (line.find('"') == std::string_view::npos) {  // the common case: no quoting, split at commas
    size_t start = 0;
    while (fields.size() < kMaxFields) {
      const size_t comma = line.find(',', start);
      if (comma == std::string_view::npos) {
        fields.push_back(line.substr(start));
        break;
      }
      fields.push_back(line.substr(start, comma - start));
      start = comma + 1;
    }
    return true;
  }
  size_t i = 0;
  const size_t n = line.size();
  while (true) {
    if (fields.size() >= kMaxFields) return true;
    if (i < n && line[i] == '"') {
      std::string& out = scratch[fields.size()];
      out.clear();
      ++i;
      bool closed = false;
      while (i < n) {
        if (line[i] == '"') {
          if (i + 1 < n && line[i + 1] == '"') {
            out.push_back('"');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        out.push_back(line[i++]);
      }
      if (!closed) return false;
      fields.emplace_back(out);
      // Anything between the closing quote and the comma is kept out of the value.
      while (i < n && line[i] != ',') ++i;
    } else {
      size_t start = i;
      while (i < n && line[i] != ',') ++i;
      fields.push_back(line.substr(start, i - start));
    }
    if (i >= n) return true;
    ++i;  // the comma
    if (i == n) {
      fields.emplace_back();
      return true;
    }
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

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

}  // namespace

ContentKey HashContent(std::string_view content) {
  XXH128_hash_t h = XXH3_128bits(content.data(), content.size());
  return ContentKey{h.low64, h.high64};
}

constexpr size_t kInitialSlots = 1024;  // power of two

Interner::Interner() : slots_(kInitialSlots) {}

void Interner::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kEmpty) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

Interner::Key Interner::KeyOf(std::string_view s) {
  const XXH128_hash_t full = XXH3_128bits(s.data(), s.size());
  return Key{full.low64, static_cast<uint32_t>(full.high64 >> 32)};
}

uint32_t Interner::Intern(std::string_view s, const Key& key) {
  const uint64_t h = key.hash;
  const uint32_t check = key.check;
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id != kEmpty) {
    if (slots_[i].hash == h && slots_[i].check == check) return slots_[i].id;
    i = (i + 1) & mask;
  }
  const uint32_t id = names_.push_back(s);
  slots_[i] = Slot{h, check, id};
  if (names_.size() * 2 > slots_.size()) Grow();  // load factor <= 1/2 keeps probes short
  return id;
}

NameTable Interner::TakeNames() {
  std::vector<Slot>().swap(slots_);
  return std::move(names_);
}

void ShareTableBuilder::Reserve(size_t n) {
  columns_.share_object.reserve(n);
  columns_.share_account.reserve(n);
  columns_.share_time.reserve(n);
  columns_.share_content.reserve(n);
  columns_.share_content_is_object.reserve(n);
}

void ShareTableBuilder::Add(std::string_view object, std::string_view account, std::string_view content,
                            int64_t time, int64_t post_index) {
  const size_t slot = queued_ % kPipeline;
  if (queued_ - interned_ == kPipeline) Drain(slot);  // the oldest share leaves the pipeline first
  Pending& p = pending_[slot];
  p.object.assign(object);
  p.account.assign(account);
  p.object_key = Interner::KeyOf(object);
  p.account_key = Interner::KeyOf(account);
  objects_.Prefetch(p.object_key);
  accounts_.Prefetch(p.account_key);
  ++queued_;
  columns_.share_object.push_back(0);  // filled when the share is interned
  columns_.share_account.push_back(0);
  columns_.share_time.push_back(time);
  columns_.share_content.push_back(HashContent(content));
  columns_.share_content_is_object.push_back(content == object ? 1 : 0);
  if (post_index >= 0 || !columns_.share_post.empty()) {
    columns_.share_post.resize(columns_.share_object.size() - 1, -1);
    columns_.share_post.push_back(post_index);
  }
}

void ShareTableBuilder::Drain(size_t slot) {
  const Pending& p = pending_[slot];
  columns_.share_object[interned_] = objects_.Intern(p.object, p.object_key);
  columns_.share_account[interned_] = accounts_.Intern(p.account, p.account_key);
  ++interned_;
}

void ShareTableBuilder::Finish(CoordinationData& data) {
  while (interned_ < queued_) Drain(interned_ % kPipeline);
  data.objects = objects_.TakeNames();
  data.accounts = accounts_.TakeNames();
  data.share_object = std::move(columns_.share_object);
  data.share_account = std::move(columns_.share_account);
  data.share_time = std::move(columns_.share_time);
  data.share_content = std::move(columns_.share_content);
  data.share_content_is_object = std::move(columns_.share_content_is_object);
  data.share_post = std::move(columns_.share_post);
  if (!data.share_post.empty()) data.share_post.resize(data.share_object.size(), -1);
  columns_ = CoordinationData{};
}

Status ScanShareCsv(const std::string& path, const std::function<void(const ShareRow&)>& on_row,
                    const std::function<void(ShareRowError)>& on_error, int64_t* rows_read,
                    const std::vector<int64_t>* only_lines) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::NotFound(fmt::format("{}: cannot open the share file", path));

  std::vector<std::string_view> fields;
  std::vector<std::string> scratch(kMaxFields);
  std::array<size_t, 4> col{};
  size_t needed_fields = 0;
  bool have_header = false;
  int64_t line_no = 0;
  int64_t rows = 0;
  size_t next_wanted = 0;
  Status header_status;

  auto reject = [&](std::string_view line, std::string field, std::string reason) {
    on_error(ShareRowError{path, line_no, std::move(field), std::move(reason),
                           std::string(line.substr(0, kMaxRawChars))});
  };

  auto handle_line = [&](std::string_view line) -> bool {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!have_header) {
      if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // UTF-8 BOM
      if (!SplitCsvLine(line, fields, scratch)) {
        header_status = Status::InvalidArgument(fmt::format("{}:1: header: unterminated quote", path));
        return false;
      }
      for (size_t c = 0; c < kColumns.size(); ++c) {
        bool found = false;
        for (size_t f = 0; f < fields.size(); ++f) {
          if (Trim(fields[f]) == kColumns[c]) {
            col[c] = f;
            found = true;
            break;
          }
        }
        if (!found) {
          header_status = Status::InvalidArgument(fmt::format(
              "{}:1: header: column '{}' missing (need object_id, account_id, content_id, timestamp_share)",
              path, kColumns[c]));
          return false;
        }
        needed_fields = std::max(needed_fields, col[c] + 1);
      }
      have_header = true;
      return true;
    }
    if (only_lines) {
      while (next_wanted < only_lines->size() && (*only_lines)[next_wanted] < line_no) ++next_wanted;
      if (next_wanted == only_lines->size()) return false;  // nothing more wanted: stop reading
      if ((*only_lines)[next_wanted] != line_no) return true;
    }
    if (Trim(line).empty()) return true;  // a blank line is no record
    ++rows;
    if (!SplitCsvLine(line, fields, scratch)) {
      reject(line, "", "unterminated quoted field");
      return true;
    }
    if (fields.size() < needed_fields) {
      reject(line, "", fmt::format("expected at least {} fields, found {}", needed_fields, fields.size()));
      return true;
    }
    ShareRow row;
    row.line = line_no;
    std::string_view* targets[3] = {&row.object, &row.account, &row.content};
    for (size_t c = 0; c < 3; ++c) {
      *targets[c] = Trim(fields[col[c]]);
      if (targets[c]->empty()) {
        reject(line, std::string(kColumns[c]), "empty value");
        return true;
      }
    }
    std::string_view ts = Trim(fields[col[3]]);
    if (!ParseShareTime(ts, row.time)) {
      reject(line, "timestamp_share",
             fmt::format("'{}' is neither integral Unix seconds nor an RFC 3339 time with an offset",
                         ts.substr(0, 64)));
      return true;
    }
    on_row(row);
    return true;
  };

  std::string buffer;
  std::string carry;
  buffer.resize(kReadChunk);
  bool keep_going = true;
  while (keep_going) {
    size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (got == 0) break;
    std::string_view chunk(buffer.data(), got);
    size_t start = 0;
    while (keep_going) {
      size_t nl = chunk.find('\n', start);
      if (nl == std::string_view::npos) break;
      std::string_view piece = chunk.substr(start, nl - start);
      if (!carry.empty()) {
        carry.append(piece);
        keep_going = handle_line(carry);
        carry.clear();
      } else {
        keep_going = handle_line(piece);
      }
      start = nl + 1;
    }
    if (keep_going) carry.append(chunk.substr(start));
  }
  if (std::ferror(file.get())) return Status::IoError(fmt::format("{}: read error", path));
  if (keep_going && !carry.empty()) keep_going = handle_line(carry);
  if (!header_status.ok()) return header_status;
  if (!have_header) return Status::InvalidArgument(fmt::format("{}: empty file, no header", path));
  if (rows_read) *rows_read = rows;
  return Status::Ok();
}

}  // namespace vigil::coord
