// --store: one option for both backends.
#include "apps/cli/store_option.h"

#include "vigil/store.h"

namespace vigil::cli {

CLI::Option* AddStoreOption(CLI::App* cmd, std::string* store, const std::string& purpose, bool must_exist) {
  CLI::Option* option =
      cmd->add_option("--store", *store,
                      purpose + ": a SQLite file, or a postgresql:// URI or pg:<libpq conninfo> (docs/store.md)");
  if (must_exist) {
    option->check(CLI::Validator(
        [](std::string& value) { return IsPostgresStoreUri(value) ? std::string() : CLI::ExistingFile(value); },
        "STORE"));
  }
  return option;
}

std::string DefaultQuarantinePath(const std::string& store) {
  return IsPostgresStoreUri(store) ? "vigil.rejected.jsonl" : store + ".rejected.jsonl";
}

}  // namespace vigil::cli
