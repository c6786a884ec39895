// Test helper: parses generated files back (see test_reader.h).
#include "examplegen/test_reader.h"

#include <csv.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "common/time.h"

namespace vigil::examplegen::testing {
namespace {

int64_t IntOr0(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  if (it == m.end() || it->second.empty() || it->second.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoll(it->second);
}

int64_t ParseTime(const std::string& text) {
  auto parsed = ParseTimestamp(text);
  if (!parsed.ok()) {
    ADD_FAILURE() << "bad timestamp " << text << ": " << parsed.status().ToString();
    return 0;
  }
  return parsed->unix_seconds;
}

struct CsvState {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
};

void OnField(void* data, size_t len, void* state) {
  static_cast<CsvState*>(state)->row.emplace_back(static_cast<const char*>(data), len);
}

void OnRow(int, void* state) {
  auto* s = static_cast<CsvState*>(state);
  s->rows.push_back(std::move(s->row));
  s->row.clear();
}

}  // namespace

int64_t Record::Interactions() const {
  return IntOr0(metrics, "likes") + IntOr0(metrics, "shares") + IntOr0(metrics, "comments") +
         IntOr0(metrics, "reactions");
}

bool Record::ViewsExact() const {
  auto it = metrics.find("views");
  return it != metrics.end() && !it->second.empty() && it->second.find_first_not_of("0123456789") == std::string::npos;
}

int64_t Record::ViewsValue() const { return IntOr0(metrics, "views"); }

std::vector<Record> ParseJsonl(const std::string& text) {
  std::vector<Record> out;
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "line " << line_no << ": " << e.what();
      continue;
    }
    Record r;
    r.id = j.at("id");
    r.platform = j.at("platform");
    r.account_id = j.at("account_id");
    r.account_name = j.at("account_name");
    r.title = j.value("title", "");
    r.text = j.value("text", "");
    r.url = j.value("url", "");
    r.repost_of = j.value("repost_of", "");
    r.reply_to = j.value("reply_to", "");
    r.has_lang = j.contains("lang");
    r.lang = j.value("lang", "");
    if (j.contains("links")) r.links = j["links"].get<std::vector<std::string>>();
    const auto& t = j.at("published_at");
    r.published_text = t.is_string() ? t.get<std::string>() : std::to_string(t.get<int64_t>());
    r.published_at = ParseTime(r.published_text);
    if (j.contains("metrics")) {
      for (const auto& [k, v] : j["metrics"].items()) {
        r.metrics[k] = v.is_string() ? v.get<std::string>() : std::to_string(v.get<int64_t>());
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::vector<std::string>> ParseCsvRows(const std::string& text) {
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
  CsvState state;
  if (csv_parse(&parser, text.data(), text.size(), OnField, OnRow, &state) != text.size()) {
    ADD_FAILURE() << "libcsv: " << csv_strerror(csv_error(&parser));
  }
  if (csv_fini(&parser, OnField, OnRow, &state) != 0) ADD_FAILURE() << "libcsv: unterminated record";
  csv_free(&parser);
  return state.rows;
}

std::vector<Record> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows = ParseCsvRows(text);
  std::vector<Record> out;
  if (rows.empty()) return out;
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() != rows[0].size()) {
      ADD_FAILURE() << "CSV row " << r << " has " << row.size() << " fields";
      continue;
    }
    auto get = [&](const char* name) { return row.at(col.at(name)); };
    Record rec;
    rec.id = get("id");
    rec.platform = get("platform");
    rec.account_id = get("account_id");
    rec.account_name = get("account_name");
    rec.title = get("title");
    rec.text = get("text");
    rec.url = get("url");
    rec.repost_of = get("repost_of");
    rec.reply_to = get("reply_to");
    rec.lang = get("lang");
    rec.has_lang = !rec.lang.empty();
    std::istringstream links(get("links"));
    for (std::string link; links >> link;) rec.links.push_back(link);
    rec.published_text = get("published_at");
    rec.published_at = ParseTime(rec.published_text);
    for (const char* m : {"views", "likes", "shares", "comments", "reactions"}) {
      if (!get(m).empty()) rec.metrics[m] = get(m);
    }
    out.push_back(std::move(rec));
  }
  return out;
}

std::string ChinaDate(int64_t unix_seconds) { return FormatDate(unix_seconds + 8 * kSecondsPerHour); }

}  // namespace vigil::examplegen::testing
