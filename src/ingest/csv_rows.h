// CSV reading for every CSV input (Vigil's post format and the adapters' exports): libcsv (RFC 4180)
// streamed one physical line at a time, so each record knows its exact lines and bytes; a header map to
// address columns. A damaged record (an unterminated or stray quote) never swallows the rest of the file:
// the reader resynchronises at the next line that starts a well-formed record (see CsvReadOptions).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/record_sink.h"
#include "vigil/status.h"

namespace vigil {

// The longest record (or physical line) a CSV reader holds (docs/input-format.md). Longer ones are
// damaged: reported by byte range, never held whole, so memory stays bounded on any input.
constexpr size_t kMaxCsvRecordBytes = 8 << 20;

struct CsvRow {
  int64_t line = 0;       // 1-based physical line on which the record starts
  int64_t last_line = 0;  // the line on which it ends (quoted fields may span lines)
  int64_t offset = 0;     // byte offset of the record in the file
  int64_t length = 0;     // its bytes, line terminators included
  std::vector<std::string> fields;
  std::string source;  // the record's bytes exactly as in the file, without its final line terminator
  // The record as it was written (the source bytes), for the quarantine file.
  const std::string& Raw() const { return source; }
};

// Lines that do not form a record: kept whole so nothing read is lost (raw is empty for a line above
// kMaxCsvRecordBytes, which is kept as its byte range only).
struct CsvDamage {
  int64_t first_line = 0;
  int64_t last_line = 0;
  int64_t offset = 0;
  int64_t length = 0;
  std::string reason;
  std::string raw;
};

struct CsvReadOptions {
  // RFC 4180 to the letter: a stray quote inside a quoted field, or a quote still open at the end of the
  // file, is a syntax error. When false, libcsv's lenient reading keeps such text as field data.
  bool strict = true;
  // Drop spaces and tabs around unquoted fields. Off by default: in the exports spaces are data (tweet text).
  bool trim_unquoted_spaces = false;
  // Optional: receives the bytes read so far and the file size, about once a MiB.
  std::function<void(int64_t, int64_t)> on_progress;
  // Resynchronisation. With it set, lines that do not form a record are handed here and reading goes on:
  // a syntax error, a record spanning several lines whose field count differs from the header's (a quote
  // left open swallowed the lines after it), or a record or line above max_record_bytes. The reader then
  // starts again at the first line of the damaged span, after its first, that begins a record with the
  // header's field count; the lines before it are the damage. Without it, a syntax error or an oversized
  // record ends the read with an InvalidArgument naming the file and line.
  std::function<void(const CsvDamage&)> on_damaged;
  size_t max_record_bytes = kMaxCsvRecordBytes;
};

// Calls on_row for every record of the file, the header included, in order; a UTF-8 byte-order mark at the
// start of the file is dropped. on_row returns false to stop early. NotFound when the file cannot be opened.
// The header must be readable: damage before it ends the read with an InvalidArgument.
Status ReadCsvRows(const std::string& path, const std::function<bool(CsvRow&)>& on_row,
                   const CsvReadOptions& options = {});

// The first record of the file (its header), read strictly. NotFound when the file cannot be opened,
// InvalidArgument when it is empty.
Result<std::vector<std::string>> ReadCsvHeader(const std::string& path);

// Column lookup by header name. Names are matched exactly after trimming a UTF-8 byte-order mark.
class ColumnMap {
 public:
  explicit ColumnMap(const std::vector<std::string>& header);
  bool Has(std::string_view name) const { return index_.count(std::string(name)) > 0; }
  // The named field of `row`, or "" when the column is absent or the row is short.
  const std::string& Get(const CsvRow& row, std::string_view name) const;
  // The names among `required` that the header lacks.
  std::vector<std::string> Missing(const std::vector<std::string>& required) const;
  size_t size() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t> index_;
};

// A CSV record set aside whole: its source bytes, lines and byte range.
RejectedRecord RejectedCsvRow(const std::string& path, const CsvRow& row, std::string field, std::string reason);
// Lines that formed no record (an unterminated or stray quote), set aside with their line range.
RejectedRecord RejectedCsvSpan(const std::string& path, const CsvDamage& damage);

// "expected columns a, b, c; missing b; the file has: x, y" for layout errors.
std::string DescribeMissingColumns(const std::vector<std::string>& required, const ColumnMap& columns);

}  // namespace vigil
