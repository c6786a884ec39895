// The throwaway PostgreSQL cluster the tests run against (scripts/pg-test-cluster.sh starts it; VIGIL_TEST_PG
// holds its libpq connection string). Each test works in a schema of its own, dropped afterwards, so tests
// run in parallel without seeing each other. Without VIGIL_TEST_PG the tests skip, and fail under CI=true.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "tests/testutil/shared_data.h"  // InCi

namespace vigil::testutil {

// VIGIL_TEST_PG, or nullopt when unset or empty.
std::optional<std::string> TestPostgresConninfo();

// `conninfo` (URI or key=value) with its search_path set to `schema`.
std::string WithSearchPath(const std::string& conninfo, const std::string& schema);

// A fresh schema in the test cluster, dropped on destruction. REQUIRES: TestPostgresConninfo().
class TestPostgresSchema {
 public:
  TestPostgresSchema();
  ~TestPostgresSchema();
  TestPostgresSchema(const TestPostgresSchema&) = delete;
  TestPostgresSchema& operator=(const TestPostgresSchema&) = delete;

  // "" when the schema was created, else why not.
  const std::string& error() const { return error_; }
  const std::string& name() const { return name_; }
  // The cluster's connection string with this schema as search_path.
  const std::string& conninfo() const { return conninfo_; }
  // Runs `sql` (one or more statements) in the schema; the first field of the last result, or "" when there
  // is none. Fails the current test on an SQL error.
  std::string Query(const std::string& sql) const;

 private:
  std::string name_;
  std::string conninfo_;
  std::string error_;
};

}  // namespace vigil::testutil

// Skips the test (or fails it under CI) when no test cluster is configured.
#define VIGIL_REQUIRE_TEST_POSTGRES()                                                                 \
  do {                                                                                                \
    if (!::vigil::testutil::TestPostgresConninfo()) {                                                 \
      if (::vigil::testutil::InCi()) FAIL() << "VIGIL_TEST_PG is not set in CI (scripts/test.sh sets it)"; \
      GTEST_SKIP() << "VIGIL_TEST_PG not set: start a cluster with scripts/pg-test-cluster.sh start, then "  \
                      "eval \"$(scripts/pg-test-cluster.sh env DIR)\"";                                 \
    }                                                                                                 \
  } while (0)
