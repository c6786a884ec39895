// `vigil train`: trains the text models from the shared labelled data into the model directory.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "apps/cli/commands.h"
#include "text/normalize.h"
#include "text/paths.h"
#include "text/training.h"

namespace vigil::cli {

void AddTrainCommand(CLI::App& app) {
  struct Flags {
    std::string shared_dir = text::DefaultSharedDataDir();
    std::string model_dir = text::DefaultModelDir();
    std::vector<std::string> only;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("train", "Train the text models (fastText) from the shared labelled data");
  cmd->add_option("--shared-data", flags->shared_dir, "Folder of the shared data sets")->capture_default_str();
  cmd->add_option("--model-dir", flags->model_dir, "Where the models are written")->capture_default_str();
  cmd->add_option("--only", flags->only, "Train only these models (by name)");
  cmd->callback([flags] {
    auto normalizer = text::Normalizer::Create();
    if (!normalizer.ok()) {
      fmt::print(stderr, "error: {}\n", normalizer.status().ToString());
      throw Exit{kExitFailure};
    }
    std::vector<text::ModelSpec> specs;
    for (const text::ModelSpec& s : text::DefaultModelSpecs()) {
      if (flags->only.empty() || std::find(flags->only.begin(), flags->only.end(), s.name) != flags->only.end()) {
        specs.push_back(s);
      }
    }
    if (specs.empty()) {
      fmt::print(stderr, "error: --only names no known model\n");
      throw Exit{kExitUsage};
    }
    const Status st = text::TrainModels(flags->shared_dir, flags->model_dir, specs, **normalizer, &std::cout);
    if (!st.ok()) {
      fmt::print(stderr, "error: {}\n", st.ToString());
      throw Exit{kExitFailure};
    }
    fmt::print("models written to {}\n", flags->model_dir);
  });
}

}  // namespace vigil::cli
