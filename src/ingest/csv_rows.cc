// libcsv wrapper: reads the file a MiB at a time and feeds the parser one physical line at a time, keeping
// the lines of the record being read, so each record knows its exact lines and bytes, and a damaged record
// can be cut off at the first line after it that starts a well-formed record (resynchronisation).
#include "ingest/csv_rows.h"

#include <csv.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>

namespace vigil {
namespace {

constexpr size_t kChunkBytes = 1 << 20;
// A small file is read in a chunk of its own size (at least this): allocating and zeroing 1 MiB per file
// dominated reading many small tables.
constexpr size_t kMinChunkBytes = 4096;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// libcsv's state between records (csv_parser::pstate: csv.h publishes the struct but not the names).
constexpr int kRowNotBegun = 0;
// Resynchronisation looks this many lines ahead for a record that spans lines...
constexpr size_t kLookaheadLines = 32;
// ...and spends at most this many times the damaged span's bytes on such look-aheads in all, so that
// recovering stays linear in the input however it is damaged.
constexpr size_t kLookaheadBudgetFactor = 4;

int64_t FileSize(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : 0;
}

// One physical line of the file. An overlong line keeps only its extent.
struct Line {
  std::string bytes;  // with its terminator; empty when overlong
  int64_t number = 0;
  int64_t offset = 0;
  int64_t length = 0;  // bytes in the file
  bool overlong = false;
};

// The file as physical lines of at most `max_bytes` held bytes; a byte-order mark at its start dropped.
class PhysicalLines {
 public:
  PhysicalLines(std::FILE* file, size_t chunk_bytes, size_t max_bytes, const CsvReadOptions& options,
                int64_t file_size)
      : file_(file), chunk_(chunk_bytes), max_bytes_(max_bytes), options_(options), file_size_(file_size) {}

  // The next line, or false at the end of the file (or on a read error: see failed()).
  bool Next(Line& line) {
    line.bytes.clear();
    line.overlong = false;
    line.offset = offset_;
    int64_t length = 0;
    while (true) {
      if (pos_ == got_ && !Refill()) break;
      const char* start = chunk_.data() + pos_;
      const auto* newline = static_cast<const char*>(std::memchr(start, '\n', got_ - pos_));
      const size_t take = newline ? static_cast<size_t>(newline - start) + 1 : got_ - pos_;
      if (!line.overlong && line.bytes.size() + take > max_bytes_) {
        line.overlong = true;
        std::string().swap(line.bytes);  // an overlong line is never held
      }
      if (!line.overlong) line.bytes.append(start, take);
      length += static_cast<int64_t>(take);
      pos_ += take;
      if (newline) break;
    }
    if (length == 0) return false;
    line.number = ++number_;
    line.length = length;
    offset_ += length;
    return true;
  }
  bool failed() const { return std::ferror(file_) != 0; }

 private:
  bool Refill() {
    got_ = std::fread(chunk_.data(), 1, chunk_.size(), file_);
    pos_ = 0;
    if (got_ == 0) return false;
    if (first_chunk_ && std::string_view(chunk_.data(), got_).starts_with(kUtf8Bom)) {
      pos_ = kUtf8Bom.size();
      offset_ += static_cast<int64_t>(kUtf8Bom.size());
    }
    first_chunk_ = false;
    done_ += static_cast<int64_t>(got_);
    if (options_.on_progress) options_.on_progress(done_, file_size_);
    return true;
  }

  std::FILE* file_;
  std::vector<char> chunk_;
  size_t max_bytes_;
  const CsvReadOptions& options_;
  int64_t file_size_;
  size_t pos_ = 0;
  size_t got_ = 0;
  bool first_chunk_ = true;
  int64_t done_ = 0;
  int64_t number_ = 0;
  int64_t offset_ = 0;
};

struct ParserCloser {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;
  }
};
using Parser = std::unique_ptr<csv_parser, ParserCloser>;

// Keeps spaces around unquoted fields as data.
int NoSpace(unsigned char /*c*/) { return 0; }

// libcsv grows a field's buffer by a fixed block (128 bytes), which makes a long field quadratic wherever
// realloc copies (found by fuzzing: 3 MB of open quotes took minutes). Its buffer is allocated here with
// the capacity in a header, growing by doubling behind libcsv's back, so a field costs time linear in its
// length.
struct alignas(16) FieldBufferHeader {
  size_t capacity;
};

void* GrowFieldBuffer(void* buffer, size_t size) {
  FieldBufferHeader* header = buffer ? static_cast<FieldBufferHeader*>(buffer) - 1 : nullptr;
  if (header && size <= header->capacity) return buffer;
  const size_t capacity = std::max(size, header ? header->capacity * 2 : size);
  auto* grown = static_cast<FieldBufferHeader*>(std::realloc(header, sizeof(FieldBufferHeader) + capacity));
  if (!grown) return nullptr;
  grown->capacity = capacity;
  return grown + 1;
}

void FreeFieldBuffer(void* buffer) {
  if (buffer) std::free(static_cast<FieldBufferHeader*>(buffer) - 1);
}

Parser NewParser(const CsvReadOptions& options) {
  Parser parser(new csv_parser);
  if (csv_init(parser.get(), options.strict ? CSV_STRICT | CSV_STRICT_FINI : 0) != 0) {
    delete parser.release();
    return nullptr;
  }
  if (!options.trim_unquoted_spaces) csv_set_space_func(parser.get(), NoSpace);
  csv_set_realloc_func(parser.get(), GrowFieldBuffer);
  csv_set_free_func(parser.get(), FreeFieldBuffer);
  return parser;
}

// Rows completed by libcsv while one line was fed.
struct Completed {
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> rows;
};

void OnField(void* data, size_t len, void* user) {
  auto* completed = static_cast<Completed*>(user);
  completed->fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void OnRowEnd(int /*terminator*/, void* user) {
  auto* completed = static_cast<Completed*>(user);
  completed->rows.push_back(std::move(completed->fields));
  completed->fields.clear();
}

std::string_view WithoutTerminator(std::string_view bytes) {
  if (bytes.ends_with('\n')) bytes.remove_suffix(1);
  if (bytes.ends_with('\r')) bytes.remove_suffix(1);
  return bytes;
}

// Reads records from physical lines, with the resynchronisation described in csv_rows.h.
class CsvStream {
 public:
  CsvStream(const std::string& path, const CsvReadOptions& options, const std::function<bool(CsvRow&)>& on_row)
      : path_(path), options_(options), on_row_(on_row) {}

  Status Run(PhysicalLines& lines) {
    parser_ = NewParser(options_);
    if (!parser_) return Status::Internal("libcsv init failed");
    Line line;
    while (!stopped_ && error_.ok()) {
      if (!refeed_.empty()) {
        line = std::move(refeed_.front());
        refeed_.pop_front();
      } else if (!lines.Next(line)) {
        if (lines.failed()) return Status::IoError(fmt::format("read error on '{}'", path_));
        if (!FinishFile()) break;  // nothing given back to read again: done
        continue;
      }
      Feed(line);
    }
    return error_;
  }

 private:
  // Feeds one physical line to the parser and deals with what it completed.
  void Feed(const Line& line) {
    if (line.overlong) return FeedOverlong(line);
    if (record_.empty()) record_size_ = 0;
    record_.push_back(line);
    record_size_ += line.bytes.size();
    const size_t parsed = csv_parse(parser_.get(), line.bytes.data(), line.bytes.size(), OnField, OnRowEnd, &completed_);
    if (parsed != line.bytes.size()) {
      return Damaged(fmt::format("CSV syntax error: {}", csv_strerror(csv_error(parser_.get()))));
    }
    const bool open = parser_->pstate != kRowNotBegun;
    if (open && record_size_ > options_.max_record_bytes) {
      return Damaged(fmt::format("a record longer than {} bytes: a quote left open?", options_.max_record_bytes));
    }
    DeliverCompleted();
    if (!open) record_.clear();
  }

  // A line above the limit, with any record it belongs to, is damaged as a whole.
  void FeedOverlong(const Line& line) {
    record_.push_back(line);
    const Line& first = record_.front();
    CsvDamage damage{first.number, line.number, first.offset, line.offset + line.length - first.offset,
                     fmt::format("a line of {} bytes, above the {} byte limit for one record", line.length,
                                 options_.max_record_bytes),
                     ""};
    ResetParser();
    Report(std::move(damage));
  }

  // End of file: libcsv completes (lenient) or refuses (strict) an open record. True when lines were given
  // back to be read again.
  bool FinishFile() {
    if (finished_) return false;
    if (record_.empty()) {
      finished_ = true;
      return false;
    }
    if (csv_fini(parser_.get(), OnField, OnRowEnd, &completed_) != 0) {
      Damaged("CSV syntax error: a quote left open at the end of the file");
    } else {
      DeliverCompleted();
      record_.clear();
    }
    ResetParser();
    return !refeed_.empty() || !stopped_;
  }

  void DeliverCompleted() {
    for (size_t row_idx = 0; row_idx < completed_.rows.size() && !stopped_; ++row_idx) {
      std::vector<std::string>& fields = completed_.rows[row_idx];
      if (std::string problem = SpanProblem(fields); !problem.empty()) {
        completed_.rows.clear();
        return Damaged(std::move(problem));
      }
      if (header_fields_ == 0) header_fields_ = fields.size();
      Deliver(fields, row_idx == 0);
    }
    completed_.rows.clear();
  }

  // Why a record spanning lines is taken for lines a quote left open, or "". A record on one line is always
  // delivered (the caller rejects a wrong field count). Lenient reading pairs an unclosed quote with a later
  // one, so there the span must also read strictly: a stray quote betrays the mispairing even when the
  // field count happens to match.
  std::string SpanProblem(const std::vector<std::string>& fields) const {
    if (record_.size() < 2 || header_fields_ == 0 || !options_.on_damaged) return "";
    if (fields.size() != header_fields_) {
      return fmt::format("lines that do not form a record: {} fields where the header has {} (a quote left open?)",
                         fields.size(), header_fields_);
    }
    if (!options_.strict && !ReadsStrictly()) {
      return "lines that do not form a record: a quote inside a field spanning lines is neither doubled nor "
             "closing (a quote left open?)";
    }
    return "";
  }

  bool ReadsStrictly() const {
    CsvReadOptions strict = options_;
    strict.strict = true;
    Parser parser = NewParser(strict);
    if (!parser) return false;
    Completed ignored;
    for (const Line& line : record_) {
      if (csv_parse(parser.get(), line.bytes.data(), line.bytes.size(), OnField, OnRowEnd, &ignored) !=
          line.bytes.size()) {
        return false;
      }
    }
    return csv_fini(parser.get(), OnField, OnRowEnd, &ignored) == 0;
  }

  void Deliver(std::vector<std::string>& fields, bool whole_record) {
    const Line& first = whole_record ? record_.front() : record_.back();
    const Line& last = record_.back();
    row_.line = first.number;
    row_.last_line = last.number;
    row_.offset = first.offset;
    row_.length = last.offset + last.length - first.offset;
    row_.fields.swap(fields);
    if (!whole_record || record_.size() == 1) {
      row_.source.assign(WithoutTerminator(last.bytes));
    } else {
      row_.source.clear();
      for (const Line& line : record_) row_.source += line.bytes;
      row_.source.resize(WithoutTerminator(row_.source).size());
    }
    if (!on_row_(row_)) stopped_ = true;
  }

  // The current record's lines do not form a record: report the damaged lines and read again from the
  // first later line that starts a well-formed record.
  void Damaged(std::string reason) {
    ResetParser();
    completed_ = {};
    if (!options_.on_damaged || header_fields_ == 0) {
      const int64_t line = record_.empty() ? 0 : record_.back().number;
      error_ = Status::InvalidArgument(fmt::format("{}:{}: {}", path_, line, reason));
      return;
    }
    const size_t restart = FindRestart();
    const Line& first = record_.front();
    const Line& last = record_[restart - 1];
    CsvDamage damage{first.number, last.number, first.offset, last.offset + last.length - first.offset,
                     std::move(reason), ""};
    for (size_t line_idx = 0; line_idx < restart; ++line_idx) damage.raw += record_[line_idx].bytes;
    damage.raw.resize(WithoutTerminator(damage.raw).size());
    refeed_.insert(refeed_.begin(), std::make_move_iterator(record_.begin() + static_cast<ptrdiff_t>(restart)),
                   std::make_move_iterator(record_.end()));
    record_.clear();
    Report(std::move(damage));
  }

  void Report(CsvDamage damage) {
    record_.clear();
    if (!options_.on_damaged || header_fields_ == 0) {
      error_ = Status::InvalidArgument(fmt::format("{}:{}: {}", path_, damage.first_line, damage.reason));
      return;
    }
    options_.on_damaged(damage);
  }

  // The index in record_ (after the first) of the first line that starts a record with the header's field
  // count; record_.size() when none does.
  size_t FindRestart() {
    size_t span_bytes = 0;
    for (const Line& line : record_) span_bytes += line.bytes.size();
    size_t budget = kLookaheadBudgetFactor * span_bytes;
    for (size_t start = 1; start < record_.size(); ++start) {
      if (StartsRecord(start, &budget)) return start;
    }
    return record_.size();
  }

  // True when the lines from record_[start] on begin with a complete record of the header's field count.
  // A record spanning lines is looked for only while the look-ahead budget lasts.
  bool StartsRecord(size_t start, size_t* budget) {
    Parser trial = NewParser(options_);
    if (!trial) return false;
    Completed found;
    const size_t end = std::min(record_.size(), start + kLookaheadLines);
    for (size_t line_idx = start; line_idx < end; ++line_idx) {
      const std::string& bytes = record_[line_idx].bytes;
      if (line_idx > start) {
        if (*budget < bytes.size()) return false;
        *budget -= bytes.size();
      }
      if (csv_parse(trial.get(), bytes.data(), bytes.size(), OnField, OnRowEnd, &found) != bytes.size()) return false;
      if (!found.rows.empty()) return found.rows.front().size() == header_fields_;
    }
    return false;
  }

  void ResetParser() { parser_ = NewParser(options_); }

  const std::string& path_;
  const CsvReadOptions& options_;
  const std::function<bool(CsvRow&)>& on_row_;
  Parser parser_;
  Completed completed_;
  std::vector<Line> record_;       // the lines of the record being read
  size_t record_size_ = 0;         // their bytes
  std::deque<Line> refeed_;        // lines to read again after a damaged span
  size_t header_fields_ = 0;
  CsvRow row_;
  bool stopped_ = false;
  bool finished_ = false;
  Status error_;
};

}  // namespace

Status ReadCsvRows(const std::string& path, const std::function<bool(CsvRow&)>& on_row,
                   const CsvReadOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::NotFound(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  // Any chunk size parses the same (lines are assembled across chunks); a size of 0 means unknown (a pipe).
  const int64_t file_bytes = FileSize(path);
  const size_t chunk_bytes = file_bytes == 0 ? kChunkBytes
                                             : std::clamp(static_cast<size_t>(file_bytes) + 1, kMinChunkBytes,
                                                          kChunkBytes);
  PhysicalLines lines(file.get(), chunk_bytes, options.max_record_bytes, options, file_bytes);
  CsvStream stream(path, options, on_row);
  return stream.Run(lines);
}

Result<std::vector<std::string>> ReadCsvHeader(const std::string& path) {
  std::vector<std::string> header;
  bool got = false;
  Status status = ReadCsvRows(path, [&](CsvRow& row) {
    header = std::move(row.fields);
    got = true;
    return false;
  });
  if (!got) {
    if (!status.ok()) return status;
    return Status::InvalidArgument(fmt::format("{}: empty file, no header", path));
  }
  return header;
}

ColumnMap::ColumnMap(const std::vector<std::string>& header) : names_(header) {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (i == 0 && names_[i].starts_with(kUtf8Bom)) names_[i].erase(0, kUtf8Bom.size());
    index_.emplace(names_[i], i);
  }
}

const std::string& ColumnMap::Get(const CsvRow& row, std::string_view name) const {
  static const std::string kEmpty;
  auto it = index_.find(std::string(name));
  if (it == index_.end() || it->second >= row.fields.size()) return kEmpty;
  return row.fields[it->second];
}

std::vector<std::string> ColumnMap::Missing(const std::vector<std::string>& required) const {
  std::vector<std::string> missing;
  for (const auto& name : required) {
    if (!Has(name)) missing.push_back(name);
  }
  return missing;
}

RejectedRecord RejectedCsvRow(const std::string& path, const CsvRow& row, std::string field, std::string reason) {
  RejectedRecord rejected{path, row.line, std::move(field), std::move(reason), row.Raw()};
  rejected.last_line = row.last_line;
  rejected.offset = row.offset;
  rejected.length = row.length;
  return rejected;
}

RejectedRecord RejectedCsvSpan(const std::string& path, const CsvDamage& damage) {
  RejectedRecord rejected{path, damage.first_line, "", damage.reason, damage.raw};
  rejected.last_line = damage.last_line;
  rejected.offset = damage.offset;
  rejected.length = damage.length;
  return rejected;
}

std::string DescribeMissingColumns(const std::vector<std::string>& required, const ColumnMap& columns) {
  return fmt::format("expected columns {}; missing {}; the file has: {}", fmt::join(required, ", "),
                     fmt::join(columns.Missing(required), ", "), fmt::join(columns.names(), ", "));
}

}  // namespace vigil
