// Post writers: JSON Lines and CSV serialisation of Posts, and the display forms of counts (see writers.h).
#include "examplegen/writers.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

#include "common/escape.h"
#include "common/time.h"

namespace vigil::examplegen {
namespace {

constexpr int64_t kWan = 10000;  // 万, the Chinese counting unit platforms display
constexpr int64_t kThousand = 1000;
constexpr int64_t kMillion = 1000000;
constexpr int64_t kTenthMillion = 100000;

void AppendInt(std::string& out, int64_t value) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, end);
}

std::string IntText(int64_t value) {
  std::string s;
  AppendInt(s, value);
  return s;
}

bool UsesWan(std::string_view platform) { return platform == "wechat" || platform == "weibo"; }

// "<whole>" or "<whole>.<tenth>" for value / unit, where value is a multiple of unit / 10.
std::string Scaled(int64_t value, int64_t unit) {
  const int64_t whole = value / unit;
  const int64_t tenth = (value % unit) / (unit / 10);
  return tenth == 0 ? IntText(whole) : fmt::format("{}.{}", whole, tenth);
}

CountText LowerBoundText(std::string_view platform, int64_t value) {
  if (UsesWan(platform) && value >= kWan && value % kWan == 0) return {true, IntText(value / kWan) + "万+"};
  if (value >= kThousand && value % kThousand == 0) return {true, IntText(value / kThousand) + "k+"};
  return {true, IntText(value) + "+"};
}

CountText ExactText(std::string_view platform, MetricKind kind, int64_t value) {
  if (platform == "weibo" && value >= kWan && value % kThousand == 0) return {true, Scaled(value, kWan) + "万"};
  if (platform == "x" && kind == MetricKind::kViews) {
    if (value >= kMillion && value % kTenthMillion == 0) return {true, Scaled(value, kMillion) + "M"};
    if (value >= kWan && value % kThousand == 0) return {true, IntText(value / kThousand) + "k"};
  }
  return {false, IntText(value)};
}

bool WritesUnixTime(const WriterOptions& options, const std::string& platform) {
  return std::find(options.unix_time_platforms.begin(), options.unix_time_platforms.end(), platform) !=
         options.unix_time_platforms.end();
}

std::string TimeText(const WriterOptions& options, const Post& post) {
  return WritesUnixTime(options, post.platform) ? IntText(post.published_at)
                                                : FormatRfc3339(post.published_at, post.utc_offset_minutes);
}

std::string JoinLinks(const std::vector<std::string>& links) {
  std::string out;
  for (const auto& link : links) {
    if (!out.empty()) out += ' ';
    out += link;
  }
  return out;
}

struct NamedCount {
  const char* name;
  MetricKind kind;
  const Count* count;
};

std::array<NamedCount, 5> CountsOf(const Metrics& m) {
  return {{{"views", MetricKind::kViews, &m.views},
          {"likes", MetricKind::kLikes, &m.likes},
          {"shares", MetricKind::kShares, &m.shares},
          {"comments", MetricKind::kComments, &m.comments},
          {"reactions", MetricKind::kReactions, &m.reactions}}};
}

void AppendJsonField(std::string& out, const char* key, std::string_view value) {
  out += ",\"";
  out += key;
  out += "\":\"";
  AppendJsonEscaped(out, value);
  out += '"';
}

}  // namespace

Status StringSink::Append(std::string_view bytes) {
  out_->append(bytes);
  return Status::Ok();
}

Result<std::unique_ptr<FileSink>> FileSink::Open(const std::string& path) {
  VIGIL_ASSIGN_OR_RETURN(OutputFile file, OutputFile::Create(path));
  return std::unique_ptr<FileSink>(new FileSink(std::move(file)));
}

Status FileSink::Append(std::string_view bytes) {
  if (!file_) return Status::Internal("write after close");
  return file_->Write(bytes);
}

Status FileSink::Close() {
  if (!file_) return Status::Ok();
  Status committed = file_->Commit();
  file_.reset();
  return committed;
}

CountText FormatCount(std::string_view platform, MetricKind kind, const Count& count) {
  if (count.lower_bound) return LowerBoundText(platform, count.value);
  return ExactText(platform, kind, count.value);
}

// Writes `value` as exactly `width` digits (zero-padded) at `out`.
char* PutDigits(char* out, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

std::string FormatRfc3339(int64_t unix_seconds, int32_t utc_offset_minutes) {
  std::string out;
  AppendRfc3339(out, unix_seconds, utc_offset_minutes);
  return out;
}

void AppendRfc3339(std::string& out, int64_t unix_seconds, int32_t utc_offset_minutes) {
  // Hand-formatted: this runs once per post and fmt's parser dominated generation time.
  const int64_t local = unix_seconds + int64_t{utc_offset_minutes} * 60;
  const int64_t days = FloorDiv(local, kSecondsPerDay);
  const int64_t secs = local - days * kSecondsPerDay;
  const CivilDate d = CivilFromDays(days);
  char buf[32];
  char* p = PutDigits(buf, d.year, 4);
  *p++ = '-';
  p = PutDigits(p, d.month, 2);
  *p++ = '-';
  p = PutDigits(p, d.day, 2);
  *p++ = 'T';
  p = PutDigits(p, secs / 3600, 2);
  *p++ = ':';
  p = PutDigits(p, secs / 60 % 60, 2);
  *p++ = ':';
  p = PutDigits(p, secs % 60, 2);
  if (utc_offset_minutes == 0) {
    *p++ = 'Z';
  } else {
    const int32_t magnitude = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
    *p++ = utc_offset_minutes < 0 ? '-' : '+';
    p = PutDigits(p, magnitude / 60, 2);
    *p++ = ':';
    p = PutDigits(p, magnitude % 60, 2);
  }
  out.append(buf, p);
}

Status JsonlWriter::Write(const Post& post) {
  std::string& out = buffer_;
  out += "{\"id\":\"";
  AppendJsonEscaped(out, post.id);
  out += '"';
  AppendJsonField(out, "platform", post.platform);
  AppendJsonField(out, "account_id", post.account_id);
  AppendJsonField(out, "account_name", post.account_name);
  if (WritesUnixTime(options_, post.platform)) {
    out += ",\"published_at\":";
    AppendInt(out, post.published_at);
  } else {
    out += ",\"published_at\":\"";
    AppendRfc3339(out, post.published_at, post.utc_offset_minutes);
    out += '"';
  }
  AppendJsonField(out, "title", post.title);
  AppendJsonField(out, "text", post.text);
  AppendJsonField(out, "url", post.url);
  if (!post.links.empty()) {
    out += ",\"links\":[";
    for (size_t i = 0; i < post.links.size(); ++i) {
      if (i > 0) out += ',';
      out += '"';
      AppendJsonEscaped(out, post.links[i]);
      out += '"';
    }
    out += ']';
  }
  if (!post.repost_of.empty()) AppendJsonField(out, "repost_of", post.repost_of);
  if (!post.reply_to.empty()) AppendJsonField(out, "reply_to", post.reply_to);
  if (!post.lang.empty()) AppendJsonField(out, "lang", post.lang);
  bool opened = false;
  for (const NamedCount& c : CountsOf(post.metrics)) {
    if (!c.count->present) continue;
    out += opened ? ",\"" : ",\"metrics\":{\"";
    opened = true;
    out += c.name;
    out += "\":";
    const CountText text = FormatCount(post.platform, c.kind, *c.count);
    if (text.is_string) {
      out += '"';
      AppendJsonEscaped(out, text.text);
      out += '"';
    } else {
      out += text.text;
    }
  }
  if (opened) out += '}';
  out += "}\n";
  return FlushWhenFull();
}

Status BufferedPostWriter::FlushWhenFull() {
  if (buffer_.size() >= options_.flush_bytes) {
    VIGIL_RETURN_IF_ERROR(sink_.Append(buffer_));
    buffer_.clear();
  }
  return Status::Ok();
}

Status BufferedPostWriter::Finish() {
  BeforeFinish();
  VIGIL_RETURN_IF_ERROR(sink_.Append(buffer_));
  buffer_.clear();
  return sink_.Close();
}

void CsvWriter::WriteHeaderOnce() {
  if (header_written_) return;
  for (size_t i = 0; i < std::size(kCsvColumns); ++i) {
    if (i > 0) buffer_ += ',';
    buffer_ += kCsvColumns[i];
  }
  buffer_ += '\n';
  header_written_ = true;
}

Status CsvWriter::Write(const Post& post) {
  WriteHeaderOnce();
  std::string& out = buffer_;
  const std::string_view head[] = {post.id, post.platform, post.account_id, post.account_name};
  for (std::string_view field : head) {
    AppendCsvField(out, field);
    out += ',';
  }
  AppendCsvField(out, TimeText(options_, post));
  const std::string links = JoinLinks(post.links);
  const std::string_view tail[] = {post.title, post.text, post.url, links, post.repost_of, post.reply_to,
                                   post.lang};
  for (std::string_view field : tail) {
    out += ',';
    AppendCsvField(out, field);
  }
  for (const NamedCount& c : CountsOf(post.metrics)) {
    out += ',';
    if (c.count->present) AppendCsvField(out, FormatCount(post.platform, c.kind, *c.count).text);
  }
  out += '\n';
  return FlushWhenFull();
}

Status SplitWriter::Finish() {
  const Status first = wechat_.Finish();
  const Status second = other_.Finish();
  return first.ok() ? second : first;
}

}  // namespace vigil::examplegen
