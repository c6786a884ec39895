// OpenStore: one --store argument names either backend (docs/store.md, "Naming a store").
#include <array>

#include "store/conninfo.h"
#include "vigil/store.h"

namespace vigil {
namespace {

constexpr std::array<std::string_view, 2> kPostgresSchemes = {"postgresql://", "postgres://"};
constexpr std::string_view kConninfoPrefix = "pg:";

// The libpq connection string inside a PostgreSQL store URI.
std::string PostgresConninfo(std::string_view uri) {
  if (uri.starts_with(kConninfoPrefix)) uri.remove_prefix(kConninfoPrefix.size());
  return std::string(uri);
}

}  // namespace

bool IsPostgresStoreUri(std::string_view uri) {
  for (std::string_view scheme : kPostgresSchemes) {
    if (uri.starts_with(scheme)) return true;
  }
  return uri.starts_with(kConninfoPrefix);
}

std::string RedactStoreUri(std::string_view uri) {
  return IsPostgresStoreUri(uri) ? store::RedactConninfo(PostgresConninfo(uri)) : std::string(uri);
}

Result<std::unique_ptr<PostStore>> OpenStore(const std::string& uri) {
  return IsPostgresStoreUri(uri) ? OpenPostgresStore(PostgresConninfo(uri)) : OpenSqliteStore(uri);
}

}  // namespace vigil
