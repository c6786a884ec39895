// CooRTweet input tables: the 4-column share table and the multi-object (url/hashtag/domain/phash) table.
#include <fmt/format.h>

#include "ingest/adapters/adapter_util.h"
#include "ingest/adapters/adapters.h"
#include "ingest/csv_rows.h"

namespace vigil::adapters {
namespace {

// Objects that are not URLs (hashtag ids, image hashes, anonymised URL ids) become links in this URN
// scheme so that co-sharing detection treats each as one shared object.
std::string ObjectUrn(std::string_view kind, std::string_view id) {
  return fmt::format("urn:coortweet:{}:{}", kind, id);
}

// Account ids in CooRTweet's multi-platform tables carry the platform: "fb_123", "tw_456".
std::string PlatformOf(const std::string& account_id) {
  if (account_id.starts_with("fb_")) return "facebook";
  return "x";  // CooRTweet's own data and defaults are Twitter's
}

const std::vector<std::string> kFourColumns = {"object_id", "account_id", "content_id", "timestamp_share"};
const std::vector<std::string> kMultiColumns = {"account_id", "post_id", "timestamp"};
const char* const kObjectColumns[][2] = {
    {"url_id", "url"}, {"hashtag_id", "hashtag"}, {"domain_id", "domain"}, {"phash_id", "phash"}};

}  // namespace

Status ReadCoorTweetCsv(const std::string& path, RecordSink& sink) {
  VIGIL_ASSIGN_OR_RETURN(auto header, ReadCsvHeader(path));
  const ColumnMap columns(header);
  const bool four = columns.Missing(kFourColumns).empty();
  if (!four && !columns.Missing(kMultiColumns).empty()) {
    return Status::InvalidArgument(fmt::format(
        "{}: not a CooRTweet table: expected columns {} (4-column layout) or {} plus url_id/hashtag_id/"
        "domain_id/phash_id (multi-object layout); the file has: {}",
        path, fmt::join(kFourColumns, ", "), fmt::join(kMultiColumns, ", "), fmt::join(columns.names(), ", ")));
  }
  const std::string id_column = four ? "content_id" : "post_id";
  const std::string time_column = four ? "timestamp_share" : "timestamp";
  PostMerger merger;
  Status status = ForEachCsvRecord(path, columns, sink, [&](CsvRow& row, const CsvRecordRejecter& reject) {
    const std::string& id = columns.Get(row, id_column);
    const std::string& account = columns.Get(row, "account_id");
    if (IsMissing(id)) return reject(id_column, "empty post id");
    if (IsMissing(account)) return reject("account_id", "empty account id");
    auto time = ParseUtcTimestamp(columns.Get(row, time_column));
    if (!time.ok()) return reject(time_column, time.status().message());
    bool created = false;
    Post& post = merger.Get(account + "\x1f" + id, created);
    if (created) {
      post.id = id;
      post.account_id = account;
      post.account_name = account;
      post.platform = PlatformOf(account);
      post.published_at = *time;
      post.source_file = path;
      post.source_line = row.line;
    }
    if (four) {
      const std::string& object = columns.Get(row, "object_id");
      if (IsMissing(object)) return reject("object_id", "empty object id");
      if (object.starts_with("http://") || object.starts_with("https://")) {
        AddLink(post, object);
      } else if (object.starts_with("url_")) {
        AddLink(post, ObjectUrn("url", object.substr(4)));
      } else if (post.repost_of.empty() || post.repost_of == object) {
        post.repost_of = object;  // CooRTweet's retweet tables: the object is the retweeted tweet
      } else {
        AddLink(post, ObjectUrn("object", object));
      }
    } else {
      for (const auto& [column, kind] : kObjectColumns) {
        const std::string& value = columns.Get(row, column);
        if (!IsMissing(value)) AddLink(post, ObjectUrn(kind, value));
      }
    }
    return true;
  });
  merger.Flush(sink);
  return status;
}

}  // namespace vigil::adapters
