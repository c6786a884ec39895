// vigil ingest: read post files into the store.
#include "apps/cli/commands.h"
#include "apps/cli/pipeline.h"
#include "apps/cli/store_option.h"

namespace vigil::cli {

void AddIngestCommand(CLI::App& app) {
  auto request = std::make_shared<IngestRequest>();
  request->store_path = "vigil.db";
  CLI::App* cmd = app.add_subcommand("ingest", "Read post files (JSON Lines, CSV, ...) into the store");
  cmd->add_option("files", request->files, "Post files to read")->required()->check(CLI::ExistingPath);
  AddStoreOption(cmd, &request->store_path, "Store (a SQLite file is created if missing)", false)->capture_default_str();
  cmd->add_option("--format", request->format, "Input format: auto (sniffed), jsonl, csv, or an adapter format (docs/adapters.md)")
      ->check(CLI::IsMember(IngestFormats()))
      ->capture_default_str();
  cmd->add_option("--quarantine", request->quarantine_path,
                  "Where rejected records go (JSON Lines, appended under this run's id); default: "
                  "<store>.rejected.jsonl, or vigil.rejected.jsonl for PostgreSQL");
  cmd->add_flag("--quiet", request->quiet, "Print nothing but errors");
  cmd->callback([request] {
    if (request->quarantine_path.empty()) request->quarantine_path = DefaultQuarantinePath(request->store_path);
    IngestSummary summary;
    const int code = RunIngest(*request, &summary);
    if (code != kExitOk) throw Exit{code};
  });
}

}  // namespace vigil::cli
