// Helpers shared by the input adapters.
#include "ingest/adapters/adapter_util.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "common/time.h"

namespace vigil::adapters {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Characters that end a URL embedded in prose; CJK punctuation is checked separately.
bool EndsUrl(unsigned char c) {
  return c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\'' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '|' || c == '\\' || c == '^' || c == '`' || c >= 0x80;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool CsvRecordRejecter::operator()(std::string field, std::string reason) const {
  sink_.Reject(RejectedCsvRow(path_, row_, std::move(field), std::move(reason)));
  return true;
}

Status ForEachCsvRecord(const std::string& path, const ColumnMap& columns, RecordSink& sink,
                        const std::function<bool(CsvRow& row, const CsvRecordRejecter& reject)>& on_record) {
  CsvReadOptions options;
  options.on_damaged = [&](const CsvDamage& damage) { sink.Reject(RejectedCsvSpan(path, damage)); };
  bool header = true;
  return ReadCsvRows(
      path,
      [&](CsvRow& row) {
        if (std::exchange(header, false)) return true;
        const CsvRecordRejecter reject(path, row, sink);
        if (row.fields.size() != columns.size()) {
          return reject("", fmt::format("row has {} fields, the header has {}", row.fields.size(), columns.size()));
        }
        return on_record(row, reject);
      },
      options);
}

Result<int64_t> ParseUtcTimestamp(std::string_view raw) {
  std::string_view text = Trim(raw);
  // Date and time without an offset: normalise to RFC 3339 UTC.
  if (text.size() >= 16 && IsDigit(text[0]) && text[4] == '-' && text[7] == '-' &&
      (text[10] == ' ' || text[10] == 'T') && text[13] == ':' &&
      text.find_first_of("Z+", 11) == std::string_view::npos && text.find('-', 11) == std::string_view::npos) {
    std::string iso(text);
    iso[10] = 'T';
    if (iso.size() == 16) iso += ":00";
    iso += 'Z';
    auto parsed = ParseTimestamp(iso);
    if (!parsed.ok()) return parsed.status();
    return parsed->unix_seconds;
  }
  auto parsed = ParseTimestamp(text);
  if (!parsed.ok()) {
    return Status::InvalidArgument(fmt::format(
        "'{}' is not a time (expected YYYY-MM-DD HH:MM[:SS] in UTC, RFC 3339 with an offset, or Unix seconds)", text));
  }
  return parsed->unix_seconds;
}

Result<int64_t> ParseUsDateTime(std::string_view raw) {
  std::string_view text = Trim(raw);
  int month = 0, day = 0, year = 0, hour = 0, minute = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  auto read = [&](int& out, char sep) {
    auto [next, ec] = std::from_chars(p, end, out);
    if (ec != std::errc()) return false;
    p = next;
    if (sep) {
      if (p == end || *p != sep) return false;
      ++p;
    }
    return true;
  };
  if (!read(month, '/') || !read(day, '/') || !read(year, ' ') || !read(hour, ':') || !read(minute, 0) ||
      p != end) {
    return Status::InvalidArgument(fmt::format("'{}' is not a M/D/YYYY H:MM time", text));
  }
  return ParseUtcTimestamp(fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}", year, month, day, hour, minute));
}

bool IsMissing(std::string_view text) {
  text = Trim(text);
  return text.empty() || text == "NA" || text == "NaN" || text == "nan" || text == "null" || text == "None";
}

bool IsTrue(std::string_view text) {
  text = Trim(text);
  return text == "TRUE" || text == "True" || text == "true" || text == "1";
}

Result<Count> ParseCount(std::string_view raw) {
  std::string_view text = Trim(raw);
  if (IsMissing(text)) return Count{};
  // pandas writes integer columns holding NaN as floats: "12.0".
  if (text.ends_with(".0")) text.remove_suffix(2);
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0) {
    return Status::InvalidArgument(fmt::format("'{}' is not a non-negative count", raw));
  }
  return Count::Exact(value);
}

std::vector<std::string> ExtractUrls(std::string_view text) {
  std::vector<std::string> urls;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t http = text.find("http", pos);
    if (http == std::string_view::npos) break;
    std::string_view rest = text.substr(http);
    if (!rest.starts_with("http://") && !rest.starts_with("https://")) {
      pos = http + 4;
      continue;
    }
    size_t end = http;
    while (end < text.size() && !EndsUrl(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view url = text.substr(http, end - http);
    while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ')' || url.back() == ';' ||
                            url.back() == ':' || url.back() == '!' || url.back() == '?')) {
      url.remove_suffix(1);
    }
    if (url.size() > 8) urls.emplace_back(url);
    pos = end;
  }
  return urls;
}

std::vector<std::string> ParseUrlList(std::string_view text) {
  text = Trim(text);
  if (IsMissing(text) || text == "[]") return {};
  return ExtractUrls(text);
}

std::string LanguageCode(std::string_view raw) {
  std::string name(Trim(raw));
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {"english", "en"},  {"russian", "ru"},   {"german", "de"},    {"french", "fr"},   {"spanish", "es"},
      {"italian", "it"},  {"ukrainian", "uk"}, {"arabic", "ar"},    {"chinese", "zh"},  {"japanese", "ja"},
      {"portuguese", "pt"}, {"dutch", "nl"},   {"polish", "pl"},    {"turkish", "tr"},  {"korean", "ko"},
      {"swedish", "sv"},  {"norwegian", "no"}, {"romanian", "ro"},  {"serbian", "sr"},  {"farsi", "fa"},
      {"persian", "fa"},  {"hebrew", "he"},    {"vietnamese", "vi"}, {"hindi", "hi"},   {"estonian", "et"},
  };
  for (const auto& [full, code] : kNames) {
    if (name == full) return std::string(code);
  }
  // Already a code: "en", "zh-cn", "pt-BR".
  if ((name.size() == 2 || name.size() == 3 || (name.size() > 3 && name[2] == '-')) && name != "und" &&
      std::all_of(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; })) {
    return name.substr(0, name.find('-') == std::string::npos ? name.size() : name.find('-'));
  }
  return "";
}

std::string StableId(std::initializer_list<std::string_view> parts) {
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  for (std::string_view part : parts) {
    XXH64_update(state, part.data(), part.size());
    const char separator = '\x1f';  // unit separator: "ab","c" and "a","bc" hash differently
    XXH64_update(state, &separator, 1);
  }
  const uint64_t hash = XXH64_digest(state);
  XXH64_freeState(state);
  return fmt::format("{:016x}", hash);
}

void AddLink(Post& post, std::string link) {
  if (std::find(post.links.begin(), post.links.end(), link) == post.links.end()) post.links.push_back(std::move(link));
}

Post& PostMerger::Get(const std::string& key, bool& created) {
  auto [it, inserted] = index_.try_emplace(key, posts_.size());
  created = inserted;
  if (inserted) posts_.emplace_back();
  return posts_[it->second];
}

void PostMerger::Flush(RecordSink& sink) {
  for (Post& post : posts_) sink.Accept(post);
  posts_.clear();
  index_.clear();
}

}  // namespace vigil::adapters
