// Small helpers shared by the input adapters: the record loop of the CSV exports, timestamp forms the
// exports use, counts, URL extraction, language names, and ids for sources that carry none.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/csv_rows.h"
#include "ingest/record_sink.h"
#include "vigil/post.h"
#include "vigil/status.h"

namespace vigil::adapters {

// Sets the current CSV record aside in the sink, naming the file, its line, the field at fault and why, with
// the record re-serialised. Returns true (read on), so an adapter can end a record with `return reject(...)`.
class CsvRecordRejecter {
 public:
  CsvRecordRejecter(const std::string& path, const CsvRow& row, RecordSink& sink)
      : path_(path), row_(row), sink_(sink) {}
  bool operator()(std::string field, std::string reason) const;

 private:
  const std::string& path_;
  const CsvRow& row_;
  RecordSink& sink_;
};

// The record loop of a CSV export whose header gave `columns`: skips the header, sets aside every record
// whose field count differs from the header's and every damaged span (reading resynchronises after it, see
// CsvReadOptions::on_damaged), and hands each other record to on_record with its rejecter. on_record
// returns false to stop. Errors are ReadCsvRows's (an unreadable file or header).
Status ForEachCsvRecord(const std::string& path, const ColumnMap& columns, RecordSink& sink,
                        const std::function<bool(CsvRow& row, const CsvRecordRejecter& reject)>& on_record);

// Appends `link` to the post's links unless it is there already.
void AddLink(Post& post, std::string link);

// Collects the rows of each post of a one-row-per-(post, object) export (a post's rows need not be adjacent)
// and emits Posts in first-seen order.
class PostMerger {
 public:
  // The post stored under `key`; `created` is true when it is new (the caller fills it in).
  Post& Get(const std::string& key, bool& created);
  // Sends every post to the sink and forgets them.
  void Flush(RecordSink& sink);

 private:
  std::vector<Post> posts_;
  std::unordered_map<std::string, size_t> index_;
};

// "2016-11-01 00:01:00", "2016-11-01 00:01", "2016-11-01T00:01:00" without an offset, read as UTC (the
// exports that write them document UTC). Also accepts RFC 3339 and Unix seconds via ParseTimestamp.
Result<int64_t> ParseUtcTimestamp(std::string_view text);
// FiveThirtyEight's "10/1/2017 19:58" (M/D/YYYY H:MM, UTC).
Result<int64_t> ParseUsDateTime(std::string_view text);

// A non-negative integer count ("1234", "1234.0"); absent for "", "NA", "NaN", "null", "None".
Result<Count> ParseCount(std::string_view text);
// True for the missing-value spellings R, pandas and the exports use.
bool IsMissing(std::string_view text);
// "TRUE"/"True"/"true"/"1" -> true; anything else false.
bool IsTrue(std::string_view text);

// Every http(s) URL in free text, in order, trailing punctuation trimmed.
std::vector<std::string> ExtractUrls(std::string_view text);
// URLs from a list cell: "[https://a, https://b]", "['https://a']", or a single URL.
std::vector<std::string> ParseUrlList(std::string_view text);

// ISO 639-1 code for a language name or code the exports use ("English" -> "en", "ru" -> "ru"),
// "" when unknown or undetermined ("und", "LANGUAGE UNDEFINED").
std::string LanguageCode(std::string_view name_or_code);

// A stable hex id from parts, for records that carry no id of their own (xxHash64).
std::string StableId(std::initializer_list<std::string_view> parts);

// Trims ASCII whitespace.
std::string_view Trim(std::string_view text);

}  // namespace vigil::adapters
