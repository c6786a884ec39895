// `vigil convert`: reads any adapter's format (IRA, CooRTweet, X IO archive, CrowdTangle, Telegram, WeChat
// pages) and writes Vigil's JSON Lines post format, with rejected records in a quarantine file.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "apps/cli/commands.h"
#include "apps/cli/outputs.h"
#include "common/output_file.h"
#include "common/strings.h"
#include "ingest/adapters/adapters.h"
#include "ingest/checking_sink.h"
#include "ingest/post_json.h"
#include "ingest/quarantine.h"

namespace vigil::cli {
namespace {

// Writes each post as one JSON Lines record and sends rejected records to the quarantine writer; the first
// write error is kept for the end of the run.
class JsonlSink : public RecordSink {
 public:
  JsonlSink(OutputFile& posts, QuarantineWriter& rejects) : posts_(posts), rejects_(rejects) {}

  void Accept(Post& post) override {
    Keep(posts_.Write(PostToJsonLine(post) + '\n'));
    ++accepted;
  }

  void Reject(RejectedRecord rejected) override {
    if (shown < kRejectsShown) {
      std::cerr << fmt::format("rejected {}\n", TerminalText(DescribeRejection(rejected)));
      ++shown;
    }
    Keep(rejects_.Write(rejected));
    ++rejected_count;
  }

  const Status& status() const { return status_; }
  int64_t accepted = 0;
  int64_t rejected_count = 0;

 private:
  void Keep(Status s) {
    if (status_.ok()) status_ = std::move(s);
  }

  static constexpr int kRejectsShown = 5;
  OutputFile& posts_;
  QuarantineWriter& rejects_;
  Status status_;
  int shown = 0;
};

struct ConvertOptions {
  std::string format = "auto";
  std::string input;
  std::string output;
  std::string rejects;
};

// Outputs are checked before any work: neither may be the input, nor may they be one file.
void CheckOutputs(const ConvertOptions& options) {
  ProtectInputs({options.input});
  RefuseOutputThatIsAnInput(options.output);
  if (options.rejects.empty()) return;
  RefuseOutputThatIsAnInput(options.rejects);
  RefuseSameFile(options.output, options.rejects);
}

void RunConvert(const ConvertOptions& options) {
  CheckOutputs(options);
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
  auto out = OutputFile::Create(options.output);
  if (!out.ok()) {
    std::cerr << fmt::format("vigil: {}\n", out.status().message());
    throw Exit{ExitCodeFor(out.status())};
  }
  const std::string run_id = NewRunId();
  QuarantineWriter rejects;
  rejects.SetPath(options.rejects);
  rejects.SetRunId(run_id);
  JsonlSink sink(*out, rejects);
  CheckingSink checked(sink);
  const Status status = adapters::ReadWithAdapter(format, options.input, checked);
  std::cerr << fmt::format("{} posts written to {}, {} records rejected{}{}\n", sink.accepted, options.output,
                           sink.rejected_count,
                           options.rejects.empty() ? "" : fmt::format(" (see {}, run {})", options.rejects, run_id),
                           checked.repeated() > 0 ? fmt::format(", {} exact repeats skipped", checked.repeated()) : "");
  if (!status.ok()) {
    // The posts read so far are not written: the input is untouched, so the command can simply be run again.
    std::cerr << status.message() << "\n";
    throw Exit{ExitCodeFor(status)};
  }
  Status written = sink.status();
  if (written.ok()) written = out->Commit();
  if (written.ok()) written = rejects.Close();
  if (!written.ok()) {
    std::cerr << fmt::format("vigil: {}\n", written.message());
    throw Exit{ExitCodeFor(written)};
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
