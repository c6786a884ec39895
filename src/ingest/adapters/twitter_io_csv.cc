// X/Twitter information-operations archive CSV adapter (the layout of Twitter's state-backed IO releases).
#include <fmt/format.h>

#include "common/saturating.h"
#include "ingest/adapters/adapter_util.h"
#include "ingest/adapters/adapters.h"
#include "ingest/csv_rows.h"

namespace vigil::adapters {
namespace {

// The account replied to when the archive names it: the replied tweet is rarely in the same archive, and the
// account is what says whose page a reply was left on. The tweet id only when the account is missing.
std::string ReplyTarget(const std::string& user_id, const std::string& tweet_id) {
  if (!IsMissing(user_id)) return Post::kAccountReplyMark + user_id;
  if (!IsMissing(tweet_id)) return tweet_id;
  return "";
}

}  // namespace

Status ReadTwitterIoCsv(const std::string& path, RecordSink& sink) {
  VIGIL_ASSIGN_OR_RETURN(auto header, ReadCsvHeader(path));
  const ColumnMap columns(header);
  const std::vector<std::string> required = {"tweetid", "userid", "tweet_time", "tweet_text"};
  if (!columns.Missing(required).empty()) {
    return Status::InvalidArgument(fmt::format("{}: not an X/Twitter information-operations archive CSV: {}",
                                               path, DescribeMissingColumns(required, columns)));
  }
  return ForEachCsvRecord(path, columns, sink, [&](CsvRow& row, const CsvRecordRejecter& reject) {
    Post post;
    post.platform = "x";
    post.id = columns.Get(row, "tweetid");
    if (IsMissing(post.id)) return reject("tweetid", "empty tweet id");
    post.account_id = columns.Get(row, "userid");
    if (IsMissing(post.account_id)) return reject("userid", "empty user id");
    // Small accounts are anonymised: the screen name is then the hashed userid too.
    post.account_name = columns.Get(row, "user_screen_name");
    if (IsMissing(post.account_name)) post.account_name = columns.Get(row, "user_display_name");
    if (IsMissing(post.account_name)) post.account_name = post.account_id;
    auto time = ParseUtcTimestamp(columns.Get(row, "tweet_time"));
    if (!time.ok()) return reject("tweet_time", time.status().message());
    post.published_at = *time;
    post.text = columns.Get(row, "tweet_text");
    post.url = fmt::format("https://twitter.com/{}/status/{}", post.account_name, post.id);
    post.links = ParseUrlList(columns.Get(row, "urls"));
    if (IsTrue(columns.Get(row, "is_retweet"))) {
      post.repost_of = columns.Get(row, "retweet_tweetid");
      if (IsMissing(post.repost_of)) post.repost_of = "";
    }
    if (post.repost_of.empty()) {
      const std::string& quoted = columns.Get(row, "quoted_tweet_tweetid");
      if (!IsMissing(quoted)) post.repost_of = quoted;
    }
    post.reply_to = ReplyTarget(columns.Get(row, "in_reply_to_userid"), columns.Get(row, "in_reply_to_tweetid"));
    post.lang = LanguageCode(columns.Get(row, "tweet_language"));
    struct CountColumn {
      const char* name;
      Count* out;
    };
    Count quotes;
    const CountColumn counts[] = {{"like_count", &post.metrics.likes},
                                  {"retweet_count", &post.metrics.shares},
                                  {"reply_count", &post.metrics.comments},
                                  {"quote_count", &quotes}};
    for (const auto& [name, out] : counts) {
      auto count = ParseCount(columns.Get(row, name));
      if (!count.ok()) return reject(name, count.status().message());
      *out = *count;
    }
    // A quote tweet re-broadcasts the post as a retweet does: both count as shares.
    if (quotes.present) {
      post.metrics.shares.present = true;
      const bool exact = AddOrSaturate(&post.metrics.shares.value, quotes.value);
      post.metrics.shares.lower_bound = post.metrics.shares.lower_bound || quotes.lower_bound || !exact;
    }
    post.source_file = path;
    post.source_line = row.line;
    sink.Accept(post);
    return true;
  });
}

}  // namespace vigil::adapters
