// `vigil eval`: measures the text stage on the shared labelled data and writes docs/quality.md.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "apps/cli/commands.h"
#include "apps/cli/outputs.h"
#include "common/output_file.h"
#include "text/evaluation.h"
#include "text/normalize.h"
#include "text/paths.h"

namespace vigil::cli {

void AddEvalCommand(CLI::App& app) {
  struct Flags {
    text::EvalPaths paths{text::DefaultSharedDataDir(), text::DefaultDataDir(), text::DefaultModelDir()};
    std::string output;
    std::string predictions_dir;
  };
  auto flags = std::make_shared<Flags>();
  flags->output = (std::filesystem::path(flags->paths.data_dir).parent_path() / "docs" / "quality.md").string();
  CLI::App* cmd = app.add_subcommand("eval", "Measure text quality (needs `vigil train`) and write docs/quality.md");
  cmd->add_option("--shared-data", flags->paths.shared_dir, "Folder of the shared data sets")->capture_default_str();
  cmd->add_option("--data-dir", flags->paths.data_dir, "Vigil's bundled data folder")->capture_default_str();
  cmd->add_option("--model-dir", flags->paths.model_dir, "Folder of the trained models")->capture_default_str();
  cmd->add_option("--output", flags->output, "Markdown report to write ('-' for none)")->capture_default_str();
  cmd->add_option("--predictions", flags->predictions_dir,
                  "Also write each task's test items with every method's label, one TSV per task, to this folder");
  cmd->callback([flags] {
    ProtectInputs({flags->paths.data_dir, flags->paths.model_dir});
    if (flags->output != "-") RefuseOutputThatIsAnInput(flags->output);
    auto normalizer = text::Normalizer::Create();
    if (!normalizer.ok()) {
      fmt::print(stderr, "error: {}\n", normalizer.status().ToString());
      throw Exit{kExitFailure};
    }
    auto report = text::EvaluateQuality(flags->paths, **normalizer, &std::cerr);
    if (!report.ok()) {
      fmt::print(stderr, "error: {}\n", report.status().ToString());
      throw Exit{kExitFailure};
    }
    if (!flags->predictions_dir.empty()) {
      if (const Status st = text::WritePredictions(*report, flags->predictions_dir); !st.ok()) {
        fmt::print(stderr, "error: {}\n", st.ToString());
        throw Exit{kExitFailure};
      }
      fmt::print(stderr, "wrote predictions to {}\n", flags->predictions_dir);
    }
    const std::string md = text::RenderQualityMarkdown(*report);
    fmt::print("{}", md);
    if (flags->output != "-") {
      if (const Status st = WriteFileAtomically(flags->output, md); !st.ok()) {
        fmt::print(stderr, "error: {}\n", st.ToString());
        throw Exit{ExitCodeForWrite(st)};
      }
      fmt::print(stderr, "wrote {}\n", flags->output);
    }
  });
}

}  // namespace vigil::cli
