// CSV reading for every CSV input (Vigil's post format and the adapters' exports): libcsv (RFC 4180)
// streamed row by row with the physical line each record starts on, and a header map to address columns.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/status.h"

namespace vigil {

struct CsvRow {
  int64_t line = 0;  // 1-based physical line on which the record starts
  std::vector<std::string> fields;
  // The record re-serialised as CSV, truncated to a few KiB (for the quarantine file).
  std::string Raw() const;
};

struct CsvReadOptions {
  // RFC 4180 to the letter: a stray quote inside a quoted field, or a quote still open at the end of the
  // file, is a syntax error. When false, libcsv's lenient reading keeps such text as field data.
  bool strict = true;
  // Drop spaces and tabs around unquoted fields. Off by default: in the exports spaces are data (tweet text).
  bool trim_unquoted_spaces = false;
  // Optional: receives the bytes read so far and the file size, about once a MiB.
  std::function<void(int64_t, int64_t)> on_progress;
};

// Calls on_row for every record of the file, the header included, in order; a UTF-8 byte-order mark at the
// start of the file is dropped. on_row returns false to stop early. NotFound when the file cannot be opened.
// A CSV syntax error (strict reading: an unterminated quote, a stray quote inside a quoted field) ends the
// read with an InvalidArgument naming the file and line; rows before it have been delivered.
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

// "expected columns a, b, c; missing b; the file has: x, y" for layout errors.
std::string DescribeMissingColumns(const std::vector<std::string>& required, const ColumnMap& columns);

}  // namespace vigil
