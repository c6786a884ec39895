// The adapter registry: format names, layout sniffing and dispatch for `vigil ingest --format` and
// `vigil convert`.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/strings.h"
#include "ingest/adapters/adapters.h"
#include "ingest/csv_rows.h"

namespace vigil::adapters {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;

using ReadFn = Status (*)(const std::string&, RecordSink&);

struct Entry {
  AdapterInfo info;
  ReadFn read;
  // Column sets (any one suffices) that identify the layout in a CSV header; empty for non-CSV formats.
  std::vector<std::vector<std::string>> csv_signatures;
};

const std::vector<Entry>& Registry() {
  static const std::vector<Entry> kEntries = {
      {{"ira", "FiveThirtyEight/Clemson IRA troll tweets (CSV)",
        {"author or author_id", "publish_date", "content"}},
       ReadIraTweetsCsv,
       {{"author", "publish_date", "content"}, {"author_id", "publish_date", "content"}}},
      {{"coortweet", "CooRTweet 4-column share table or multi-object table (CSV)",
        {"object_id, account_id, content_id, timestamp_share", "or account_id, post_id, timestamp (+url_id...)"}},
       ReadCoorTweetCsv,
       {{"object_id", "account_id", "content_id", "timestamp_share"}, {"account_id", "post_id", "timestamp"}}},
      {{"twitter-io", "X/Twitter information-operations archive (CSV)",
        {"tweetid", "userid", "tweet_time", "tweet_text"}},
       ReadTwitterIoCsv,
       {{"tweetid", "userid", "tweet_time", "tweet_text"}}},
      {{"crowdtangle", "CrowdTangle API posts: CooRnet share table, flattened CSV or JSON array",
        {"id, date, account.name, account.platformId", "or id, platformId, account_name, account_platformId",
         "or a JSON array of post objects"}},
       ReadCrowdTangle,
       {{"id", "date", "account.name", "account.platformId"},
        {"id", "platformId", "account_name", "account_platformId"}}},
      {{"telegram", "Telegram Desktop chat export (result.json)", {"name", "type", "id", "messages"}},
       ReadTelegramExport,
       {}},
      {{"wechat", "saved WeChat public-account article pages (HTML file or folder)",
        {"#activity-name", "#js_name", "#js_content"}},
       ReadWechatArticles,
       {}},
  };
  return kEntries;
}

// Vigil's own CSV layout (docs/input-format.md), read by the ingest driver.
const std::vector<std::string> kVigilCsvColumns = {"id", "platform", "account_id", "published_at"};

std::string ReadPrefix(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string prefix(kSniffBytes, '\0');
  in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
  prefix.resize(static_cast<size_t>(in.gcount()));
  return prefix;
}

std::string ExpectedLayouts() {
  std::string out;
  for (const Entry& entry : Registry()) {
    out += fmt::format("\n  {}: {}: {}", entry.info.format, entry.info.description,
                       fmt::join(entry.info.expected, ", "));
  }
  out += fmt::format("\n  csv: Vigil's own CSV: {}", fmt::join(kVigilCsvColumns, ", "));
  out += "\n  jsonl: Vigil's own JSON Lines: one post object per line";
  return out;
}

Result<std::string> DetectCsv(const std::string& path) {
  auto header = ReadCsvHeader(path);
  if (!header.ok()) {
    return Status::InvalidArgument(fmt::format("{}: unrecognised layout ({}); the formats read are:{}", path,
                                               header.status().message(), ExpectedLayouts()));
  }
  const ColumnMap columns(*header);
  for (const Entry& entry : Registry()) {
    for (const auto& signature : entry.csv_signatures) {
      if (columns.Missing(signature).empty()) return entry.info.format;
    }
  }
  if (columns.Missing(kVigilCsvColumns).empty()) return std::string("csv");
  return Status::InvalidArgument(fmt::format("{}: unrecognised layout; its columns are: {}; the formats read are:{}",
                                             path, fmt::join(columns.names(), ", "), ExpectedLayouts()));
}

}  // namespace

const std::vector<AdapterInfo>& AdapterFormats() {
  static const std::vector<AdapterInfo> kFormats = [] {
    std::vector<AdapterInfo> formats;
    for (const Entry& entry : Registry()) formats.push_back(entry.info);
    return formats;
  }();
  return kFormats;
}

Result<std::string> DetectFormat(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".html" || ext == ".htm") return std::string("wechat");
    }
    return Status::InvalidArgument(
        fmt::format("{}: a folder is read only as saved WeChat pages (*.html), and it has none", path));
  }
  if (!fs::is_regular_file(path, ec)) return Status::NotFound(fmt::format("{}: no such file", path));
  const std::string prefix = ReadPrefix(path);
  size_t start = prefix.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (start < prefix.size() && std::isspace(static_cast<unsigned char>(prefix[start]))) ++start;
  if (start == prefix.size()) return Status::InvalidArgument(fmt::format("{}: empty file", path));
  const char first = prefix[start];
  if (first == '<') return std::string("wechat");
  if (first == '{') {
    // One complete object on the first line is JSON Lines; Telegram's export is one pretty-printed object.
    const size_t newline = prefix.find('\n', start);
    if (newline != std::string::npos) {
      simdjson::dom::parser parser;
      simdjson::dom::element element;
      if (!parser.parse(prefix.data() + start, newline - start).get(element) && element.is_object()) {
        return std::string("jsonl");
      }
    }
    if (prefix.find("\"messages\"") != std::string::npos || prefix.find("\"chats\"") != std::string::npos) {
      return std::string("telegram");
    }
    return Status::InvalidArgument(
        fmt::format("{}: a JSON object but no known layout; the formats read are:{}", path, ExpectedLayouts()));
  }
  if (first == '[') {
    if (prefix.find("\"platformId\"") != std::string::npos || prefix.find("\"account.name\"") != std::string::npos ||
        prefix.find("\"account\"") != std::string::npos) {
      return std::string("crowdtangle");
    }
    return Status::InvalidArgument(
        fmt::format("{}: a JSON array but no known layout; the formats read are:{}", path, ExpectedLayouts()));
  }
  if (AsciiLower(prefix.substr(start, 200)).find("<html") != std::string::npos) return std::string("wechat");
  return DetectCsv(path);
}

Status ReadWithAdapter(const std::string& format, const std::string& path, RecordSink& sink) {
  std::string resolved = format;
  if (format == "auto") {
    VIGIL_ASSIGN_OR_RETURN(resolved, DetectFormat(path));
  }
  if (resolved == "jsonl" || resolved == "csv") {
    return Status::Unsupported(
        fmt::format("{}: Vigil's own '{}' format is read by the ingest driver, not an adapter", path, resolved));
  }
  for (const Entry& entry : Registry()) {
    if (entry.info.format == resolved) return entry.read(path, sink);
  }
  std::vector<std::string> names;
  for (const Entry& entry : Registry()) names.push_back(entry.info.format);
  return Status::InvalidArgument(
      fmt::format("unknown format '{}': use auto, jsonl, csv, {}", format, fmt::join(names, ", ")));
}

}  // namespace vigil::adapters
