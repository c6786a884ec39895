// What every subcommand does around its outputs: register its inputs so that no output can overwrite one
// (common/output_file.h), and map a failed write to the exit code docs/cli.md gives it.
#pragma once

#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil::cli {

// Registers each input (file or folder; empty paths are skipped). An input that exists but cannot be
// examined ends the command with kExitFailure.
void ProtectInputs(const std::vector<std::string>& paths);
// Registers a SQLite store file as an input (a PostgreSQL URI names no file: nothing to register).
void ProtectStore(const std::string& store);
// Refuses (kExitUsage) a SQLite store path that is one of the command's inputs, before it is opened.
void RefuseStoreThatIsAnInput(const std::string& store);
// The one mapping from a failed Status to an exit code (docs/cli.md): a refused or invalid request is a usage
// error (kExitUsage), work stopped on request is kExitInterrupted, anything else failed (kExitFailure).
int ExitCodeFor(const Status& status);
// Refuses (kExitUsage, with a message) an output path that is an input of the command, before any work.
void RefuseOutputThatIsAnInput(const std::string& output);
// Refuses (kExitUsage) two outputs of one command that name the same file.
void RefuseSameFile(const std::string& output, const std::string& other);

}  // namespace vigil::cli
