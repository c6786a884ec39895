// The --store option of every subcommand that reads or writes the store: a SQLite file path or a PostgreSQL
// URI (docs/store.md). Only the store's redacted name is ever printed.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace vigil::cli {

// Adds --store to `cmd`, bound to `*store`. With `must_exist`, a SQLite path must name an existing file
// (a PostgreSQL store is checked when connecting).
CLI::Option* AddStoreOption(CLI::App* cmd, std::string* store, const std::string& purpose, bool must_exist);

// Where rejected records go when --quarantine is not given: beside a SQLite file; for PostgreSQL, whose URI
// is no file name (and may hold a password), `vigil.rejected.jsonl` in the current folder.
std::string DefaultQuarantinePath(const std::string& store);

}  // namespace vigil::cli
