// CrowdTangle API records, as CooRnet (R CSV), PyCooRnet (pandas-flattened CSV) or the API's JSON write them;
// records of one post (CooRnet writes one per shared URL) are merged into one post with all its links.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>

#include "common/saturating.h"
#include "ingest/adapters/adapter_util.h"
#include "ingest/adapters/adapters.h"
#include "ingest/csv_rows.h"

namespace vigil::adapters {
namespace {

// Looks a field up by its dotted API name ("account.name"); each serialisation spells it its own way.
using Getter = std::function<std::string(std::string_view dotted)>;

const char* const kReactionCounts[] = {"loveCount", "wowCount",      "hahaCount", "sadCount",
                                       "angryCount", "thankfulCount", "careCount"};

std::string FirstPresent(const Getter& get, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    std::string value = get(name);
    if (!IsMissing(value)) return value;
  }
  return "";
}

// Builds one Post from one record. On a bad field returns the RejectedRecord instead.
std::optional<RejectedRecord> ToPost(const Getter& get, const std::string& path, int64_t line, Post& post) {
  auto reject = [&](std::string field, std::string reason) {
    return RejectedRecord{path, line, std::move(field), std::move(reason), ""};
  };
  std::string platform = FirstPresent(get, {"platform", "account.platform"});
  std::transform(platform.begin(), platform.end(), platform.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  post.platform = platform.empty() ? "facebook" : platform;
  post.id = FirstPresent(get, {"platformId", "id"});
  if (post.id.empty()) return reject("id", "no platformId or id");
  post.account_id = FirstPresent(get, {"account.platformId", "account.id"});
  if (post.account_id.empty()) return reject("account.platformId", "no account id");
  post.account_name = FirstPresent(get, {"account.name", "account.handle"});
  if (post.account_name.empty()) post.account_name = post.account_id;
  // Some serialisations lost the post's own date; "updated" (the last observation) is then the only time
  // known, an upper bound on publication (docs/adapters.md).
  const std::string date = FirstPresent(get, {"date", "updated"});
  auto time = ParseUtcTimestamp(date);
  if (!time.ok()) return reject("date", time.status().message());
  post.published_at = *time;
  post.title = FirstPresent(get, {"title"});
  post.text = FirstPresent(get, {"message", "description"});
  post.url = FirstPresent(get, {"postUrl"});
  const std::string link = FirstPresent(get, {"expanded", "link"});
  if (!link.empty()) post.links.push_back(link);
  struct CountField {
    const char* name;
    Count* out;
  };
  const CountField counts[] = {{"likeCount", &post.metrics.likes},
                               {"shareCount", &post.metrics.shares},
                               {"commentCount", &post.metrics.comments}};
  for (const auto& [name, out] : counts) {
    const std::string field = fmt::format("statistics.actual.{}", name);
    auto count = ParseCount(get(field));
    if (!count.ok()) return reject(field, count.status().message());
    *out = *count;
  }
  for (const char* name : kReactionCounts) {
    const std::string field = fmt::format("statistics.actual.{}", name);
    auto count = ParseCount(get(field));
    if (!count.ok()) return reject(field, count.status().message());
    if (count->present) {
      post.metrics.reactions.present = true;
      const bool exact = AddOrSaturate(&post.metrics.reactions.value, count->value);
      post.metrics.reactions.lower_bound = post.metrics.reactions.lower_bound || count->lower_bound || !exact;
    }
  }
  post.source_file = path;
  post.source_line = line;
  return std::nullopt;
}

// Merges the records of one post: CooRnet's share table has one row per (post, shared URL). A later record
// of a known id adds its links; one that gives the id to another account is rejected, not merged.
class CrowdTangleMerger {
 public:
  // Returns the rejection when `post` conflicts with an earlier record of its id.
  std::optional<RejectedRecord> Add(Post& post) {
    bool created = false;
    Post& merged = merger_.Get(post.platform + '\x1f' + post.id, created);
    if (created) {
      merged = std::move(post);
      return std::nullopt;
    }
    if (merged.account_id != post.account_id) {
      return RejectedRecord{post.source_file, post.source_line, "id",
                            fmt::format("post id {} already read at line {} for account {}, here for account {}",
                                        post.id, merged.source_line, merged.account_id, post.account_id),
                            ""};
    }
    for (auto& link : post.links) AddLink(merged, std::move(link));
    return std::nullopt;
  }
  void Flush(RecordSink& sink) { merger_.Flush(sink); }

 private:
  PostMerger merger_;
};

// Flattens a JSON object into dotted keys; arrays (media, history) are not needed and are skipped.
void Flatten(simdjson::dom::element element, const std::string& prefix, std::map<std::string, std::string>& out) {
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT:
      for (auto field : simdjson::dom::object(element)) {
        const std::string key = prefix.empty() ? std::string(field.key) : prefix + "." + std::string(field.key);
        Flatten(field.value, key, out);
      }
      break;
    case simdjson::dom::element_type::STRING:
      out[prefix] = std::string(std::string_view(element));
      break;
    case simdjson::dom::element_type::INT64:
      out[prefix] = std::to_string(int64_t(element));
      break;
    case simdjson::dom::element_type::UINT64:
      out[prefix] = std::to_string(uint64_t(element));
      break;
    case simdjson::dom::element_type::DOUBLE:
      out[prefix] = fmt::format("{}", double(element));
      break;
    case simdjson::dom::element_type::BOOL:
      out[prefix] = bool(element) ? "TRUE" : "FALSE";
      break;
    default:
      break;
  }
}

Status ReadCrowdTangleJson(const std::string& path, RecordSink& sink) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto error = parser.load(path).get(doc); error) {
    return Status::InvalidArgument(fmt::format("{}: not valid JSON: {}", path, simdjson::error_message(error)));
  }
  simdjson::dom::array records;
  if (doc.get_array().get(records)) {
    return Status::InvalidArgument(
        fmt::format("{}: a CrowdTangle JSON file must be an array of post objects", path));
  }
  int64_t index = 0;
  CrowdTangleMerger merger;
  for (simdjson::dom::element record : records) {
    ++index;
    if (!record.is_object()) {
      sink.Reject(RejectedRecord{path, index, "", "array element is not an object", ""});
      continue;
    }
    std::map<std::string, std::string> fields;
    Flatten(record, "", fields);
    Getter get = [&](std::string_view name) {
      auto it = fields.find(std::string(name));
      return it == fields.end() ? std::string() : it->second;
    };
    Post post;
    std::optional<RejectedRecord> rejected = ToPost(get, path, index, post);
    if (!rejected) rejected = merger.Add(post);
    if (rejected) {
      rejected->raw = simdjson::minify(record);  // whole: the quarantine keeps records rebuildable
      sink.Reject(std::move(*rejected));
    }
  }
  merger.Flush(sink);
  return Status::Ok();
}

Status ReadCrowdTangleCsv(const std::string& path, RecordSink& sink) {
  VIGIL_ASSIGN_OR_RETURN(auto header, ReadCsvHeader(path));
  const ColumnMap columns(header);
  // CooRnet keeps the API's dots ("account.name"); pandas' json_normalize output here uses underscores.
  const bool dotted = columns.Has("account.name");
  const std::vector<std::string> required =
      dotted ? std::vector<std::string>{"id", "date", "account.name", "account.platformId"}
             : std::vector<std::string>{"id", "platformId", "account_name", "account_platformId"};
  if (!columns.Missing(required).empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: not a CrowdTangle table: {}", path, DescribeMissingColumns(required, columns)));
  }
  CrowdTangleMerger merger;
  Status status = ForEachCsvRecord(path, columns, sink, [&](CsvRow& row, const CsvRecordRejecter&) {
    Getter get = [&](std::string_view name) {
      std::string key(name);
      if (!dotted) std::replace(key.begin(), key.end(), '.', '_');
      return columns.Get(row, key);
    };
    Post post;
    std::optional<RejectedRecord> rejected = ToPost(get, path, row.line, post);
    if (!rejected) rejected = merger.Add(post);
    if (rejected) {
      sink.Reject(RejectedCsvRow(path, row, std::move(rejected->field), std::move(rejected->reason)));
    }
    return true;
  });
  merger.Flush(sink);
  return status;
}

}  // namespace

Status ReadCrowdTangle(const std::string& path, RecordSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open file", path));
  char first = 0;
  while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {
  }
  if (first == '[' || first == '{') return ReadCrowdTangleJson(path, sink);
  return ReadCrowdTangleCsv(path, sink);
}

}  // namespace vigil::adapters
