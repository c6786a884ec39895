// vigil analyze: find incidents in the stored posts and write the reports.
#include "apps/cli/commands.h"
#include "apps/cli/pipeline.h"
#include "apps/cli/store_option.h"
#include "common/time.h"

#include <charconv>
#include <cmath>
#include <ctime>
#include <fmt/format.h>

namespace vigil::cli {

// Parses --now (RFC 3339) or returns the wall clock.
int64_t ReportTime(const std::string& now) {
  if (now.empty()) return static_cast<int64_t>(std::time(nullptr));
  auto parsed = ParseTimestamp(now);
  if (!parsed.ok()) {
    fmt::print(stderr, "vigil: --now: {}\n", parsed.status().message());
    throw Exit{kExitUsage};
  }
  return parsed->unix_seconds;
}

// A severity threshold: a finite number from 0 to 100. CLI::Range lets NaN through (every comparison with
// it is false), and a NaN threshold silently reports nothing.
CLI::Validator SeverityScore() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0 ||
            value > 100) {
          return "must be a number from 0 to 100, got '" + text + "'";
        }
        return "";
      },
      "0-100");
}

void AddAnalyzeCommand(CLI::App& app) {
  auto request = std::make_shared<AnalyzeRequest>();
  auto now = std::make_shared<std::string>();
  request->store_path = "vigil.db";
  request->out_dir = "vigil-out";
  CLI::App* cmd = app.add_subcommand("analyze", "Find incidents in the stored posts and write the reports");
  cmd->add_option("--watch", request->watch_path, "Watch configuration (YAML)")->required()->check(CLI::ExistingFile);
  AddStoreOption(cmd, &request->store_path, "Store to read", true)->capture_default_str();
  cmd->add_option("--out", request->out_dir, "Folder for report.md, report.json and exports")->capture_default_str();
  cmd->add_option("--case", request->options.case_name, "Case name shown in the reports");
  cmd->add_option("--min-severity", request->options.min_severity, "Report incidents at or above this score (0-100)")
      ->check(SeverityScore())
      ->capture_default_str();
  cmd->add_option("--campaign-gap-days", request->options.campaign_gap_days,
                  "Silence (days) that splits an actor's posts about a target into separate incidents")
      ->capture_default_str();
  cmd->add_option("--data-dir", request->options.data_dir, "Lexicons and gazetteer (default: the bundled data/)");
  cmd->add_option("--model-dir", request->options.model_dir,
                  "Trained text models from `vigil train` (default: $VIGIL_MODEL_DIR or build/models when they are "
                  "there); the Chinese attack model joins stance and measures hostile language");
  cmd->add_flag("!--no-text-models", request->options.text_models,
                "Lexicons only: no trained model, hostile language reported as unavailable");
  cmd->add_option("--now", *now, "Report timestamp (RFC 3339), for reproducible output");
  cmd->add_flag("--csv-bom", request->export_options.csv_byte_order_mark,
                "Start the CSVs for spreadsheets (notification-*.csv) with a UTF-8 byte-order mark, for Excel");
  cmd->add_flag("--quiet", request->quiet, "Print nothing but errors");
  cmd->callback([request, now] {
    request->options.now = ReportTime(*now);
    const int code = RunAnalyze(*request, nullptr);
    if (code != kExitOk) throw Exit{code};
  });
}

}  // namespace vigil::cli
