// Per-test schemas in the throwaway PostgreSQL cluster.
#include "tests/testutil/test_postgres.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <pqxx/pqxx>
#include <random>

#include "tests/testutil/shared_data.h"

namespace vigil::testutil {
namespace {

std::string UniqueSchemaName() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return "vigil_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(random() % 1000000);
}

}  // namespace

std::optional<std::string> TestPostgresConninfo() {
  const char* env = std::getenv("VIGIL_TEST_PG");
  if (!env || !*env) return std::nullopt;
  return std::string(env);
}

std::string WithSearchPath(const std::string& conninfo, const std::string& schema) {
  if (conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://")) {
    return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
  }
  return conninfo + " options='-csearch_path=" + schema + "'";
}

TestPostgresSchema::TestPostgresSchema() : name_(UniqueSchemaName()) {
  const auto base = TestPostgresConninfo();
  if (!base) {
    error_ = "VIGIL_TEST_PG not set";
    return;
  }
  conninfo_ = WithSearchPath(*base, name_);
  try {
    pqxx::connection connection(*base);
    pqxx::nontransaction session(connection);
    session.exec("CREATE SCHEMA " + session.quote_name(name_));
  } catch (const std::exception& e) {
    error_ = e.what();
  }
}

TestPostgresSchema::~TestPostgresSchema() {
  if (!error_.empty()) return;
  try {
    pqxx::connection connection(*TestPostgresConninfo());
    pqxx::nontransaction session(connection);
    session.exec("SET client_min_messages TO warning");
    session.exec("DROP SCHEMA " + session.quote_name(name_) + " CASCADE");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not drop test schema " << name_ << ": " << e.what();
  }
}

std::string TestPostgresSchema::Query(const std::string& sql) const {
  try {
    pqxx::connection connection(conninfo_);
    pqxx::nontransaction session(connection);
    const pqxx::result result = session.exec(sql);
    return result.empty() || result.columns() == 0 || result[0][0].is_null() ? "" : result[0][0].as<std::string>();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "SQL failed: " << sql << ": " << e.what();
    return "";
  }
}

}  // namespace vigil::testutil
