// Post writers: serialise vigil::Post records as JSON Lines or CSV in the input format Vigil reads
// (docs/input-format.md), including counts in the forms platforms display them ("10万+", "1.2万", "3M").
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/output_file.h"
#include "vigil/post.h"
#include "vigil/status.h"

namespace vigil::examplegen {

// Where serialised bytes go.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual Status Append(std::string_view bytes) = 0;
  // Flushes and releases the destination; further appends are errors.
  virtual Status Close() = 0;
};

// Appends to a string the caller owns (tests, in-memory comparison).
class StringSink : public ByteSink {
 public:
  explicit StringSink(std::string* out) : out_(out) {}
  Status Append(std::string_view bytes) override;
  Status Close() override { return Status::Ok(); }

 private:
  std::string* out_;
};

// Writes a file, replacing it whole on Close (common/output_file.h); a sink never closed leaves the old file.
// Open() reports a path that cannot be created.
class FileSink : public ByteSink {
 public:
  static Result<std::unique_ptr<FileSink>> Open(const std::string& path);
  Status Append(std::string_view bytes) override;
  Status Close() override;

 private:
  explicit FileSink(OutputFile file) : file_(std::move(file)) {}
  std::optional<OutputFile> file_;
};

// Receives posts in order. GenerateCase calls Write for every post, then Finish once.
class PostWriter {
 public:
  virtual ~PostWriter() = default;
  virtual Status Write(const Post& post) = 0;
  virtual Status Finish() = 0;
};

enum class MetricKind { kViews, kLikes, kShares, kComments, kReactions };

// A count as written: an integer, or a display string such as "10万+" (see FormatCount).
struct CountText {
  bool is_string = false;
  std::string text;  // digits when !is_string
};

// How `platform` displays `count`. Lower bounds: "10万+" for 100000 on WeChat/Weibo, otherwise "<n>万+",
// "<n>k+" or "<n>+". Exact counts stay integers except the abbreviations those platforms show, written only
// when they are exact: Weibo "1.2万" (>= 10,000, multiple of 1,000), X views "3M"/"2.5M" (multiple of
// 100,000) and "12k" (>= 10,000, multiple of 1,000). Reading the text back gives the same Count.
CountText FormatCount(std::string_view platform, MetricKind kind, const Count& count);

// "2025-03-10T09:12:00+08:00" (or "...Z" when the offset is zero).
std::string FormatRfc3339(int64_t unix_seconds, int32_t utc_offset_minutes);
void AppendRfc3339(std::string& out, int64_t unix_seconds, int32_t utc_offset_minutes);

struct WriterOptions {
  // Platforms whose timestamps are written as Unix seconds rather than RFC 3339 (Telegram exports do so).
  std::vector<std::string> unix_time_platforms = {"telegram"};
  size_t flush_bytes = 1 << 20;
};

// What the text writers share: serialised posts gather in a buffer handed to the sink whenever it reaches
// options.flush_bytes, and once more at Finish, which then closes the sink.
class BufferedPostWriter : public PostWriter {
 public:
  Status Finish() override;

 protected:
  BufferedPostWriter(ByteSink& sink, WriterOptions options) : sink_(sink), options_(std::move(options)) {}
  // Call after appending a post to buffer_.
  Status FlushWhenFull();
  // Called by Finish before the last flush (a CSV header for a file with no posts).
  virtual void BeforeFinish() {}

  ByteSink& sink_;
  WriterOptions options_;
  std::string buffer_;
};

// One JSON object per line; optional fields (links, repost_of, lang, metrics) are left out when empty.
class JsonlWriter : public BufferedPostWriter {
 public:
  JsonlWriter(ByteSink& sink, WriterOptions options = {}) : BufferedPostWriter(sink, std::move(options)) {}
  Status Write(const Post& post) override;
};

// RFC 4180 CSV with a header row (kCsvColumns); links are space-separated; fields with a comma, quote,
// CR or LF are quoted with quotes doubled.
class CsvWriter : public BufferedPostWriter {
 public:
  CsvWriter(ByteSink& sink, WriterOptions options = {}) : BufferedPostWriter(sink, std::move(options)) {}
  Status Write(const Post& post) override;

 private:
  // An empty CSV still carries its header so readers know the columns.
  void BeforeFinish() override { WriteHeaderOnce(); }
  void WriteHeaderOnce();
  bool header_written_ = false;
};

inline constexpr const char* kCsvColumns[] = {"id",   "platform",  "account_id", "account_name", "published_at",
                                              "title", "text",     "url",        "links",        "repost_of",
                                              "reply_to", "lang", "views",     "likes",      "shares",       "comments",
                                              "reactions"};

// Sends WeChat posts to one writer and every other platform to another (the example's layout: WeChat
// articles in posts.jsonl, other platforms in posts-other.csv).
class SplitWriter : public PostWriter {
 public:
  SplitWriter(PostWriter& wechat, PostWriter& other) : wechat_(wechat), other_(other) {}
  Status Write(const Post& post) override {
    return post.platform == "wechat" ? wechat_.Write(post) : other_.Write(post);
  }
  Status Finish() override;

 private:
  PostWriter& wechat_;
  PostWriter& other_;
};

// Counts posts and discards them.
class CountingWriter : public PostWriter {
 public:
  Status Write(const Post&) override {
    ++count_;
    return Status::Ok();
  }
  Status Finish() override { return Status::Ok(); }
  int64_t count() const { return count_; }

 private:
  int64_t count_ = 0;
};

}  // namespace vigil::examplegen
