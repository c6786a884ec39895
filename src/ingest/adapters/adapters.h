// Input adapters: the export formats analysts hold (platform archives, research-tool tables, saved pages),
// each read into Vigil Posts through a RecordSink. Column mappings: docs/adapters.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/record_sink.h"
#include "vigil/status.h"

namespace vigil::adapters {

// FiveThirtyEight / Clemson IRA troll-tweet CSV, in its original layout (external_author_id, author,
// content, publish_date "M/D/YYYY H:MM", tweet_id, ...) or the per-author re-organisation (author_id,
// external_author_id, publish_date "YYYY-MM-DD HH:MM:SS", retweet, content). Times are UTC.
// Accounts are keyed by external_author_id, except where the source rounded it (IsRoundedAuthorId): by handle.
Status ReadIraTweetsCsv(const std::string& path, RecordSink& sink);
// True for an external_author_id that a spreadsheet or a double rounded on its way into the CSV: more than 15
// digits (past what a double holds exactly) ending in at least 6 zeros ("731000000000000000", written from
// 7.31E+17, stands for two accounts). A genuine 18-digit id ends so with odds of one in a million.
bool IsRoundedAuthorId(std::string_view id);

// CooRTweet input: the 4-column table (object_id, account_id, content_id, timestamp_share) or the
// multi-object table (account_id, post_id, url_id, hashtag_id, domain_id, phash_id, timestamp), one
// row per (post, object). Rows of one post are merged into one Post.
Status ReadCoorTweetCsv(const std::string& path, RecordSink& sink);

// The X/Twitter information-operations archive CSV (tweetid, userid, user_display_name, tweet_time,
// tweet_text, is_retweet, retweet_tweetid, urls, like/retweet/reply/quote counts, ...).
Status ReadTwitterIoCsv(const std::string& path, RecordSink& sink);

// CrowdTangle API records as CooRnet/PyCooRnet write them: the R share table (ct_shares.csv), the
// pandas-flattened post table (account_*, statistics_actual_*), or the JSON array with dotted keys.
Status ReadCrowdTangle(const std::string& path, RecordSink& sink);

// Telegram Desktop "Export chat history" JSON (result.json) of one chat or channel. Service messages
// (pins, photo changes) are not posts and are skipped.
Status ReadTelegramExport(const std::string& path, RecordSink& sink);

// Saved WeChat public-account article pages (mp.weixin.qq.com): one .html file, or a folder of them.
// A page that is not an article (WeChat's "link expired" page) is rejected with that reason.
Status ReadWechatArticles(const std::string& path, RecordSink& sink);

// The formats this library reads, as accepted by ReadWithAdapter, with a one-line description each.
struct AdapterInfo {
  std::string format;
  std::string description;
  std::vector<std::string> expected;  // the columns (or keys) that identify the layout
};
const std::vector<AdapterInfo>& AdapterFormats();

// Sniffs a file's (or folder's) layout from its first bytes and header. Returns one of the formats of
// AdapterFormats(), or "jsonl" / "csv" for Vigil's own post formats (read by the ingest driver). A layout
// no adapter recognises is an InvalidArgument naming the columns each adapter expected.
Result<std::string> DetectFormat(const std::string& path);

// Reads `path` with the adapter for `format` ("auto" detects it first). "jsonl" and "csv" are Vigil's
// own formats and are refused here with Unsupported: the ingest driver reads them.
Status ReadWithAdapter(const std::string& format, const std::string& path, RecordSink& sink);

}  // namespace vigil::adapters
