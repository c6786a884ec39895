// `vigil convert`: reads any adapter's format (IRA, CooRTweet, X IO archive, CrowdTangle, Telegram, WeChat
// pages) and writes Vigil's JSON Lines post format, with rejected records in a quarantine file.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "apps/cli/commands.h"
#include "common/time.h"
#include "ingest/adapters/adapters.h"

namespace vigil::cli {
namespace {

// RFC 3339 in the offset the source wrote ("2025-03-10T07:30:00+08:00"), Z for UTC.
std::string LocalRfc3339(int64_t unix_seconds, int32_t offset_minutes) {
  if (offset_minutes == 0) return FormatUtc(unix_seconds);
  std::string local = FormatUtc(unix_seconds + int64_t{offset_minutes} * 60);
  local.pop_back();  // the Z
  const int32_t magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return local + fmt::format("{}{:02d}:{:02d}", offset_minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

// A count as written in the post format: a number, or "N+" when the platform showed a capped figure.
void PutCount(nlohmann::ordered_json& metrics, const char* name, const Count& count) {
  if (!count.present) return;
  if (count.lower_bound) {
    metrics[name] = fmt::format("{}+", count.value);
  } else {
    metrics[name] = count.value;
  }
}

// Invalid UTF-8 in a source (it happens in the IRA tweets) becomes U+FFFD rather than an error.
std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

class JsonlSink : public RecordSink {
 public:
  JsonlSink(std::ostream& posts, std::ostream* rejects) : posts_(posts), rejects_(rejects) {}

  void Accept(Post& post) override {
    nlohmann::ordered_json j;
    j["id"] = post.id;
    j["platform"] = post.platform;
    j["account_id"] = post.account_id;
    j["account_name"] = post.account_name;
    j["published_at"] = LocalRfc3339(post.published_at, post.utc_offset_minutes);
    if (!post.title.empty()) j["title"] = post.title;
    j["text"] = post.text;
    if (!post.url.empty()) j["url"] = post.url;
    if (!post.links.empty()) j["links"] = post.links;
    if (!post.repost_of.empty()) j["repost_of"] = post.repost_of;
    if (!post.lang.empty()) j["lang"] = post.lang;
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    PutCount(metrics, "views", post.metrics.views);
    PutCount(metrics, "likes", post.metrics.likes);
    PutCount(metrics, "shares", post.metrics.shares);
    PutCount(metrics, "comments", post.metrics.comments);
    PutCount(metrics, "reactions", post.metrics.reactions);
    if (!metrics.empty()) j["metrics"] = metrics;
    posts_ << Dump(j) << '\n';
    ++accepted;
  }

  void Reject(RejectedRecord rejected) override {
    if (rejects_) {
      nlohmann::ordered_json j{{"file", rejected.file}, {"line", rejected.line}, {"field", rejected.field},
                               {"reason", rejected.reason}, {"raw", rejected.raw}};
      *rejects_ << Dump(j) << '\n';
    }
    if (shown < kRejectsShown) {
      std::cerr << fmt::format("rejected {}:{}{}: {}\n", rejected.file, rejected.line,
                               rejected.field.empty() ? "" : " (" + rejected.field + ")", rejected.reason);
      ++shown;
    }
    ++rejected_count;
  }

  int64_t accepted = 0;
  int64_t rejected_count = 0;

 private:
  static constexpr int kRejectsShown = 5;
  std::ostream& posts_;
  std::ostream* rejects_;
  int shown = 0;
};

struct ConvertOptions {
  std::string format = "auto";
  std::string input;
  std::string output;
  std::string rejects;
};

void RunConvert(const ConvertOptions& options) {
  std::string format = options.format;
  if (format == "auto") {
    auto detected = adapters::DetectFormat(options.input);
    if (!detected.ok()) {
      std::cerr << detected.status().message() << "\n";
      throw Exit{kExitUsage};
    }
    format = *detected;
    std::cerr << fmt::format("{}: detected format '{}'\n", options.input, format);
  }
  std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << fmt::format("{}: cannot write\n", options.output);
    throw Exit{kExitFailure};
  }
  std::ofstream rejects;
  if (!options.rejects.empty()) {
    rejects.open(options.rejects, std::ios::binary | std::ios::trunc);
    if (!rejects) {
      std::cerr << fmt::format("{}: cannot write\n", options.rejects);
      throw Exit{kExitFailure};
    }
  }
  JsonlSink sink(out, options.rejects.empty() ? nullptr : &rejects);
  Status status = adapters::ReadWithAdapter(format, options.input, sink);
  out.flush();
  std::cerr << fmt::format("{} posts written to {}, {} records rejected{}\n", sink.accepted, options.output,
                           sink.rejected_count, options.rejects.empty() ? "" : " (see " + options.rejects + ")");
  if (!status.ok()) {
    std::cerr << status.message() << "\n";
    throw Exit{status.code() == StatusCode::kInvalidArgument || status.code() == StatusCode::kUnsupported ? kExitUsage
                                                                                                          : kExitFailure};
  }
  if (!out) {
    std::cerr << fmt::format("{}: write failed\n", options.output);
    throw Exit{kExitFailure};
  }
  if (sink.rejected_count > 0) throw Exit{kExitPartialInput};
}

}  // namespace

void AddConvertCommand(CLI::App& app) {
  auto options = std::make_shared<ConvertOptions>();
  std::vector<std::string> formats = {"auto"};
  for (const auto& info : adapters::AdapterFormats()) formats.push_back(info.format);
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert an export file (IRA tweets, CooRTweet, X IO archive, CrowdTangle, Telegram, WeChat pages) "
                 "to Vigil's JSON Lines post format");
  cmd->add_option("--format", options->format, "input format (auto detects it)")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  cmd->add_option("--in", options->input, "input file, or a folder of saved WeChat pages")->required();
  cmd->add_option("--out", options->output, "output .jsonl file")->required();
  cmd->add_option("--rejects", options->rejects, "write rejected records here (JSON Lines)");
  cmd->callback([options] { RunConvert(*options); });
}

}  // namespace vigil::cli
