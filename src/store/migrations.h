// Versioned schema migrations shared by every store backend: numbered steps, each applied in one
// transaction and recorded in the store's `schema_migrations` table (version, applied_at, description).
// A store whose version is newer than the binary knows is refused rather than guessed at.
#pragma once

#include <span>
#include <string_view>

#include "vigil/status.h"

namespace vigil::store {

// One schema step. Versions run 1, 2, 3, ... with no gaps; `sql` is in the backend's own dialect and may hold
// several statements. Step 1 creates the baseline; a later step only ever alters what earlier steps made.
struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

// The steps each backend knows, in version order. Both lists carry the same versions and descriptions
// (src/store/*_schema.cc; store_test.cc checks it).
std::span<const Migration> SqliteMigrations();
std::span<const Migration> PostgresMigrations();

// The highest version in `known` (0 when empty).
int LatestVersion(std::span<const Migration> known);

// The steps still to apply to a store at `current` (0: no migration recorded yet), or kUnsupported naming
// `store_name` when the store is newer than every known step.
Result<std::span<const Migration>> PendingMigrations(int current, std::span<const Migration> known,
                                                     std::string_view store_name);

}  // namespace vigil::store
