// FiveThirtyEight / Clemson IRA troll-tweet CSV adapter (original and per-author layouts).
#include <fmt/format.h>

#include <algorithm>

#include "ingest/adapters/adapter_util.h"
#include "ingest/adapters/adapters.h"
#include "ingest/csv_rows.h"

namespace vigil::adapters {
namespace {

constexpr char kPlatform[] = "x";
const char* const kLinkColumns[] = {"tco1_step1", "tco2_step1", "tco3_step1"};
constexpr size_t kDoubleExactDigits = 15;  // every integer of up to 15 digits survives a double
constexpr size_t kMinRoundedZeros = 6;

Result<int64_t> ParseIraTime(const std::string& text) {
  auto iso = ParseUtcTimestamp(text);
  if (iso.ok()) return iso;
  return ParseUsDateTime(text);
}

}  // namespace

bool IsRoundedAuthorId(std::string_view id) {
  if (id.size() <= kDoubleExactDigits) return false;
  if (!std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  const size_t last_nonzero = id.find_last_not_of('0');
  const size_t trailing_zeros = last_nonzero == std::string_view::npos ? id.size() : id.size() - 1 - last_nonzero;
  return trailing_zeros >= kMinRoundedZeros;
}

Status ReadIraTweetsCsv(const std::string& path, RecordSink& sink) {
  VIGIL_ASSIGN_OR_RETURN(auto header, ReadCsvHeader(path));
  const ColumnMap columns(header);
  // The original layout names the handle "author"; the per-author layout calls it "author_id".
  const bool original = columns.Has("author");
  const std::string handle_column = original ? "author" : "author_id";
  const std::vector<std::string> required = {handle_column, "publish_date", "content"};
  if (!columns.Missing(required).empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: not an IRA troll-tweet CSV: {}", path, DescribeMissingColumns(required, columns)));
  }
  return ForEachCsvRecord(path, columns, sink, [&](CsvRow& row, const CsvRecordRejecter& reject) {
    Post post;
    post.platform = kPlatform;
    post.account_name = columns.Get(row, handle_column);
    if (post.account_name.empty()) return reject(handle_column, "empty account handle");
    const std::string& external_id = columns.Get(row, "external_author_id");
    // A rounded id names several accounts at once: the handle tells them apart.
    post.account_id = IsMissing(external_id) || IsRoundedAuthorId(external_id) ? post.account_name : external_id;
    auto time = ParseIraTime(columns.Get(row, "publish_date"));
    if (!time.ok()) return reject("publish_date", time.status().message());
    post.published_at = *time;
    post.text = columns.Get(row, "content");
    const std::string& tweet_id = columns.Get(row, "tweet_id");
    if (!IsMissing(tweet_id)) {
      post.id = tweet_id;
      const std::string& article = columns.Get(row, "article_url");
      post.url = IsMissing(article) ? fmt::format("https://twitter.com/{}/status/{}", post.account_name, tweet_id)
                                    : article;
    } else {
      // The per-author copy dropped tweet ids: derive a stable one from what identifies the tweet.
      // "updates" (the account's tweet count when harvested) separates tweets of one minute with one text.
      post.id = "ira-" + StableId({post.account_name, columns.Get(row, "publish_date"), columns.Get(row, "updates"),
                                   post.text});
    }
    post.links = ExtractUrls(post.text);
    for (const char* column : kLinkColumns) {
      const std::string& link = columns.Get(row, column);
      if (!IsMissing(link)) post.links.push_back(link);
    }
    // No retweeted-tweet id in either layout; retweets of one tweet carry its text, so that text's hash
    // stands in for the original's id and co-retweets still group.
    if (IsTrue(columns.Get(row, "retweet"))) post.repost_of = "ira-rt-" + StableId({post.text});
    post.lang = LanguageCode(columns.Get(row, "language"));
    post.source_file = path;
    post.source_line = row.line;
    sink.Accept(post);
    return true;
  });
}

}  // namespace vigil::adapters
