// The store backends behind OpenStore, with the migration steps injectable so tests can exercise a failing
// or future step. Production code calls OpenStore / OpenSqliteStore / OpenPostgresStore (vigil/store.h).
#pragma once

#include <memory>
#include <span>
#include <string>

#include "store/migrations.h"
#include "vigil/store.h"

namespace vigil::store {

Result<std::unique_ptr<PostStore>> OpenSqliteStore(const std::string& path, std::span<const Migration> migrations);
Result<std::unique_ptr<PostStore>> OpenPostgresStore(const std::string& conninfo,
                                                     std::span<const Migration> migrations);

}  // namespace vigil::store
