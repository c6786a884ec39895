// The PostgreSQL store's schema, as numbered migrations (docs/store.md). Same steps as the SQLite schema in
// PostgreSQL's types. Text keys compare bytewise (COLLATE "C"), as SQLite's do, so both backends order
// posts identically whatever the database's locale.
#include "store/migrations.h"

namespace vigil::store {
namespace {

constexpr Migration kPostgresMigrations[] = {
    {1, "posts and ingest runs", R"sql(
CREATE TABLE posts (
  platform     text COLLATE "C" NOT NULL,
  id           text COLLATE "C" NOT NULL,
  account_id   text COLLATE "C" NOT NULL,
  account_name text NOT NULL,
  published_at bigint NOT NULL,  -- Unix seconds, UTC
  utc_offset   integer NOT NULL,  -- minutes, as the source wrote it
  title        text NOT NULL,
  text         text NOT NULL,
  url          text NOT NULL,
  links        text NOT NULL,  -- newline-separated
  repost_of    text COLLATE "C" NOT NULL,
  lang         text NOT NULL,
  views bigint, views_lb boolean NOT NULL DEFAULT false,
  likes bigint, likes_lb boolean NOT NULL DEFAULT false,
  shares bigint, shares_lb boolean NOT NULL DEFAULT false,
  comments bigint, comments_lb boolean NOT NULL DEFAULT false,
  reactions bigint, reactions_lb boolean NOT NULL DEFAULT false,
  source_file  text NOT NULL,
  source_line  bigint NOT NULL,
  PRIMARY KEY (platform, id)
);
CREATE INDEX posts_by_time ON posts (published_at);
CREATE TABLE ingest_runs (
  run_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source   text NOT NULL,
  finished timestamptz NOT NULL DEFAULT now(),
  accepted bigint NOT NULL,
  rejected bigint NOT NULL
);
)sql"},
    {2, "what a post replies to", R"sql(
ALTER TABLE posts ADD COLUMN reply_to text COLLATE "C";  -- NULL when the post replies to nothing
)sql"},
};

}  // namespace

std::span<const Migration> PostgresMigrations() { return kPostgresMigrations; }

}  // namespace vigil::store
