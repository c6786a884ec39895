// vigil: command-line entry point. Subcommands live in cmd_*.cc; this file only wires them up and maps
// their outcome to an exit code. No exception escapes (guard.h).
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "apps/cli/commands.h"
#include "apps/cli/guard.h"

namespace {

int Run(int argc, char** argv) {
  CLI::App app{"Vigil: finds state-backed information operations against election candidates"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vigil 0.1.0");
  vigil::cli::AddIngestCommand(app);
  vigil::cli::AddAnalyzeCommand(app);
  vigil::cli::AddDemoCommand(app);
  vigil::cli::AddGenerateCommand(app);
  vigil::cli::AddTrainCommand(app);
  vigil::cli::AddEvalCommand(app);
  vigil::cli::AddTextCommand(app);
  vigil::cli::AddCoordCommand(app);
  vigil::cli::AddConvertCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : vigil::cli::kExitUsage;
  } catch (const vigil::cli::Exit& e) {
    return e.code;
  }
  return vigil::cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  return vigil::cli::RunWithoutEscapes([&] { return Run(argc, argv); });
}
