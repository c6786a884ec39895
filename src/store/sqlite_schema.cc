// The SQLite store's schema, as numbered migrations (docs/store.md). Step 1 is the schema stores had before
// migrations were recorded, written with IF NOT EXISTS so such a store upgrades in place.
#include "store/migrations.h"

namespace vigil::store {
namespace {

constexpr Migration kSqliteMigrations[] = {
    {1, "posts and ingest runs", R"sql(
CREATE TABLE IF NOT EXISTS posts (
  platform     TEXT NOT NULL,
  id           TEXT NOT NULL,
  account_id   TEXT NOT NULL,
  account_name TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  utc_offset   INTEGER NOT NULL,
  title        TEXT NOT NULL,
  text         TEXT NOT NULL,
  url          TEXT NOT NULL,
  links        TEXT NOT NULL,  -- newline-separated
  repost_of    TEXT NOT NULL,
  lang         TEXT NOT NULL,
  views INTEGER, views_lb INTEGER NOT NULL DEFAULT 0,
  likes INTEGER, likes_lb INTEGER NOT NULL DEFAULT 0,
  shares INTEGER, shares_lb INTEGER NOT NULL DEFAULT 0,
  comments INTEGER, comments_lb INTEGER NOT NULL DEFAULT 0,
  reactions INTEGER, reactions_lb INTEGER NOT NULL DEFAULT 0,
  source_file  TEXT NOT NULL,
  source_line  INTEGER NOT NULL,
  PRIMARY KEY (platform, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS posts_by_time ON posts(published_at);
CREATE TABLE IF NOT EXISTS ingest_runs (
  run_id   INTEGER PRIMARY KEY,
  source   TEXT NOT NULL,
  finished INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  rejected INTEGER NOT NULL
);
)sql"},
    {2, "what a post replies to", R"sql(
ALTER TABLE posts ADD COLUMN reply_to TEXT;  -- NULL when the post replies to nothing
)sql"},
};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kSqliteMigrations; }

}  // namespace vigil::store
