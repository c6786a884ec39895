// The backend-neutral half of schema migrations: which steps are due, and refusing stores from the future.
#include "store/migrations.h"

#include <fmt/format.h>

#include <cassert>

namespace vigil::store {

int LatestVersion(std::span<const Migration> known) { return known.empty() ? 0 : known.back().version; }

Result<std::span<const Migration>> PendingMigrations(int current, std::span<const Migration> known,
                                                     std::string_view store_name) {
  for (size_t step_idx = 0; step_idx < known.size(); ++step_idx) {
    assert(known[step_idx].version == static_cast<int>(step_idx) + 1 && "migration versions run 1, 2, 3, ...");
  }
  const int latest = LatestVersion(known);
  if (current > latest) {
    return Status::Unsupported(fmt::format(
        "{} has schema version {}, newer than this vigil knows (up to {}): open it with a newer vigil",
        store_name, current, latest));
  }
  return known.subspan(static_cast<size_t>(current));
}

}  // namespace vigil::store
