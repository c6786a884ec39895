// Naming a store and printing it: which backend a --store argument means, and passwords never shown.
#include "store/conninfo.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "vigil/store.h"

namespace vigil {
namespace {

TEST(StoreUri, PostgresUrisAndConninfoPickPostgresEverythingElseIsAFile) {
  EXPECT_TRUE(IsPostgresStoreUri("postgresql://db.example/vigil"));
  EXPECT_TRUE(IsPostgresStoreUri("postgres://vigil@localhost/vigil"));
  EXPECT_TRUE(IsPostgresStoreUri("pg:host=/run/postgresql dbname=vigil"));
  EXPECT_FALSE(IsPostgresStoreUri("vigil.db"));
  EXPECT_FALSE(IsPostgresStoreUri("/data/postgresql/vigil.db"));
  EXPECT_FALSE(IsPostgresStoreUri("./pg:odd-name.db"));
}

TEST(StoreUri, PasswordsAreMaskedInEveryForm) {
  struct Case {
    const char* uri;
    const char* secret;
  };
  for (const Case& c : {Case{"postgresql://vigil:s3cret-A@db.example:5433/vigil", "s3cret-A"},
                        Case{"postgres://db.example/vigil?user=vigil&password=s3cret-B", "s3cret-B"},
                        Case{"postgresql://vigil:s3cret%2DC@db.example/vigil", "s3cret"},
                        Case{"pg:host=db.example dbname=vigil password='s3cret D'", "s3cret"},
                        Case{"pg:password=s3cret-E host=db.example", "s3cret-E"}}) {
    const std::string shown = RedactStoreUri(c.uri);
    EXPECT_EQ(shown.find(c.secret), std::string::npos) << c.uri << " -> " << shown;
    EXPECT_NE(shown.find("password=***"), std::string::npos) << c.uri << " -> " << shown;
    EXPECT_NE(shown.find("host=db.example"), std::string::npos) << c.uri << " -> " << shown;
  }
  EXPECT_EQ(RedactStoreUri("pg:host=db.example dbname=vigil"), "dbname=vigil host=db.example");
  EXPECT_EQ(RedactStoreUri("/srv/vigil/vigil.db"), "/srv/vigil/vigil.db");
}

TEST(StoreUri, AnUnparsableStringThatMayHoldAPasswordIsWithheld) {
  // libpq's own message quotes the text it stopped at, which here would be the password.
  EXPECT_EQ(RedactStoreUri("pg:host=db password=hunter2 junk"), "(unparsable connection string withheld)");
  auto password = store::ConninfoPassword("host=db password=hunter2 junk");
  ASSERT_FALSE(password.ok());
  EXPECT_EQ(password.status().message().find("hunter2"), std::string::npos) << password.status().message();
  // Without a password, libpq's reason helps and is shown.
  auto reason = store::ConninfoPassword("host=db junk");
  ASSERT_FALSE(reason.ok());
  EXPECT_NE(reason.status().message().find("junk"), std::string::npos) << reason.status().message();
}

TEST(StoreUri, MaskSecretReplacesEveryOccurrence) {
  EXPECT_EQ(store::MaskSecret("a pw b pw", "pw"), "a *** b ***");
  EXPECT_EQ(store::MaskSecret("nothing here", ""), "nothing here");
}

TEST(StoreUri, OpenStoreOnAPathOpensSqlite) {
  const std::string path = ::testing::TempDir() + "open_store_test.db";
  std::remove(path.c_str());
  auto store = OpenStore(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->SchemaVersion(), store::LatestVersion(store::SqliteMigrations()));
}

}  // namespace
}  // namespace vigil
