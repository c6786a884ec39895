// Subcommand registration. Each Add*Command adds one subcommand to the app; its callback ends with
// `throw Exit{code}` for a non-zero outcome so exit codes mean the same thing everywhere (see ExitCode).
#pragma once

#include <CLI/CLI.hpp>

namespace vigil::cli {

// Exit codes shared by every subcommand (docs/cli.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,       // the work failed (I/O, storage, internal error)
  kExitUsage = 2,         // bad flags or arguments
  kExitBadConfig = 3,     // the watch configuration was refused before any work
  kExitPartialInput = 4,  // the work finished but some input records were rejected (see the quarantine file)
  kExitInterrupted = 130, // stopped by Ctrl-C (SIGINT) or SIGTERM after committing what was done (128 + SIGINT)
};

// `vigil generate` (cmd_generate.cc): the built-in example case from a seed.
void AddGenerateCommand(CLI::App& app);
// `vigil coord` (cmd_coord.cc): coordinated sharing on a 4-column share file (CooRTweet parity).
void AddCoordCommand(CLI::App& app);

// `vigil convert`: any adapter's input format to Vigil's JSON Lines posts (cmd_convert.cc).
void AddConvertCommand(CLI::App& app);

// Thrown by a subcommand callback to end the program with `code` (caught in main.cc).
struct Exit {
  int code;
};

void AddIngestCommand(CLI::App& app);
void AddAnalyzeCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddTrainCommand(CLI::App& app);  // vigil train: text models from the shared labelled data
void AddEvalCommand(CLI::App& app);   // vigil eval: text quality figures -> docs/quality.md
void AddTextCommand(CLI::App& app);   // vigil text: language, mentions, stance and attack score per text

}  // namespace vigil::cli
