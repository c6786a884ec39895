// Test helper: reads generated JSON Lines and CSV back with independent parsers (nlohmann::json, libcsv) so
// tests measure the case from the output itself, the way Vigil's ingest will see it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace vigil::examplegen::testing {

struct Record {
  std::string id, platform, account_id, account_name, title, text, url, repost_of, reply_to, lang;
  std::vector<std::string> links;
  bool has_lang = false;
  int64_t published_at = 0;  // Unix seconds
  std::string published_text;
  std::map<std::string, std::string> metrics;  // as written: "10万+", "41000", "1.2万" ...
  int64_t Interactions() const;                // likes + shares + comments + reactions, integers only
  bool ViewsExact() const;                     // views written as a plain integer
  int64_t ViewsValue() const;                  // the integer, or 0
};

// Each parse function fails the current test (ADD_FAILURE) on malformed input.
std::vector<Record> ParseJsonl(const std::string& text);
std::vector<std::vector<std::string>> ParseCsvRows(const std::string& text);
std::vector<Record> ParseCsv(const std::string& text);

// Local date "YYYY-MM-DD" at +08:00 (the WeChat calendar day).
std::string ChinaDate(int64_t unix_seconds);

}  // namespace vigil::examplegen::testing
