// PostStore: where ingested posts live between runs. SQLite is the embedded default, PostgreSQL the shared
// store; both behave alike (docs/store.md). Writes are transactional per batch: an interrupted ingest leaves
// whole batches or nothing, and re-running it converges (upsert by platform + id). Opening a store applies
// its pending schema migrations.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/post.h"
#include "vigil/status.h"

namespace vigil {

struct UpsertCounts {
  int64_t inserted = 0;
  int64_t updated = 0;  // already stored: metrics and text refreshed, no duplicate created
};

struct PostQuery {
  int64_t from = INT64_MIN;  // published_at >= from
  int64_t to = INT64_MAX;    // published_at < to
};

// A PostStore is used from one thread at a time; open one per thread or process to write concurrently.
class PostStore {
 public:
  virtual ~PostStore() = default;
  // Inserts or updates `posts` in one transaction. REQUIRES: each post passed ValidatePost.
  virtual Status UpsertPosts(std::span<const Post> posts, UpsertCounts* counts) = 0;
  // Appends matching posts to *out, ordered by published_at then platform and id.
  virtual Status LoadPosts(const PostQuery& query, std::vector<Post>* out) = 0;
  virtual Result<int64_t> CountPosts() = 0;
  // Records one finished ingest run (file, counts) for provenance.
  virtual Status RecordIngestRun(const std::string& source, int64_t accepted, int64_t rejected) = 0;
  // Runs the backend's own consistency check.
  virtual Status CheckIntegrity() = 0;
  // The highest schema migration applied (docs/store.md lists them).
  virtual Result<int> SchemaVersion() = 0;
};

// Opens the store `uri` names: a `postgresql://` or `postgres://` URI, or `pg:` followed by a libpq
// key=value connection string, opens PostgreSQL; anything else is a SQLite file path.
Result<std::unique_ptr<PostStore>> OpenStore(const std::string& uri);

// True when `uri` names a PostgreSQL store rather than a SQLite file.
bool IsPostgresStoreUri(std::string_view uri);

// `uri` fit to print: a SQLite path as it is; a PostgreSQL connection string with its password masked.
std::string RedactStoreUri(std::string_view uri);

// Opens (creating if needed) a SQLite store at `path` in WAL mode.
Result<std::unique_ptr<PostStore>> OpenSqliteStore(const std::string& path);

// Connects to PostgreSQL with a libpq connection string (URI or key=value; libpq's PG* environment variables
// and ~/.pgpass apply). The tables live in the first schema of the connection's search_path. Errors never
// carry the password.
Result<std::unique_ptr<PostStore>> OpenPostgresStore(const std::string& conninfo);

}  // namespace vigil
