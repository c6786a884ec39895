// vigil demo: the built-in example case end to end (ingest into the store, SQLite by default; analyze; report).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "apps/cli/commands.h"
#include "apps/cli/outputs.h"
#include "apps/cli/pipeline.h"
#include "apps/cli/store_option.h"

namespace vigil::cli {

int64_t ReportTime(const std::string& now);

namespace {

std::vector<std::string> PostFilesIn(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file(ec) && (ext == ".jsonl" || ext == ".csv")) files.push_back(entry.path().string());
  }
  if (ec) {
    fmt::print(stderr, "vigil: cannot read the example folder '{}': {}\n", dir, ec.message());
    throw Exit{kExitFailure};
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  struct Options {
    std::string example = std::string(VIGIL_EXAMPLES_DIR) + "/carney-2025";
    std::string out = "vigil-out";
    std::string store;  // default: <out>/vigil.db
    std::string now;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("demo", "Run the built-in example case end to end and say where the report is");
  cmd->add_option("--example", opts->example, "Example folder (posts *.jsonl / *.csv and watch.yaml)")
      ->capture_default_str()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out", opts->out, "Output folder (store, reports, exports)")->capture_default_str();
  AddStoreOption(cmd, &opts->store, "Store to ingest into and analyze (default: <out>/vigil.db)", false);
  cmd->add_option("--now", opts->now, "Report timestamp (RFC 3339)");
  cmd->callback([opts] {
    ProtectInputs({opts->example});
    std::error_code ec;
    std::filesystem::create_directories(opts->out, ec);
    if (ec) {
      fmt::print(stderr, "vigil: cannot create folder '{}': {}\n", opts->out, ec.message());
      throw Exit{kExitFailure};
    }
    IngestRequest ingest;
    ingest.store_path = opts->store.empty() ? opts->out + "/vigil.db" : opts->store;
    ingest.files = PostFilesIn(opts->example);
    ingest.quarantine_path = opts->out + "/rejected.jsonl";
    if (ingest.files.empty()) {
      fmt::print(stderr, "vigil: no *.jsonl or *.csv post files in {}\n", opts->example);
      throw Exit{kExitUsage};
    }
    IngestSummary summary;
    const int ingest_code = RunIngest(ingest, &summary);
    if (ingest_code != kExitOk && ingest_code != kExitPartialInput) throw Exit{ingest_code};

    AnalyzeRequest analyze;
    analyze.store_path = ingest.store_path;
    analyze.watch_path = opts->example + "/watch.yaml";
    analyze.out_dir = opts->out;
    analyze.options.case_name = std::filesystem::path(opts->example).filename().string();
    analyze.options.now = ReportTime(opts->now);
    const int code = RunAnalyze(analyze, &summary);
    if (code != kExitOk) throw Exit{code};
    fmt::print("demo: open {}/report.md (Markdown) or {}/report.json\n", opts->out, opts->out);
  });
}

}  // namespace vigil::cli
