// PostStore: where ingested posts live between runs. SQLite is the embedded default; the interface keeps
// room for other backends (PostgreSQL). Writes are transactional per batch: an interrupted ingest leaves
// whole batches or nothing, and re-running it converges (upsert by platform + id).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
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
};

// Opens (creating if needed) a SQLite store at `path` in WAL mode.
Result<std::unique_ptr<PostStore>> OpenSqliteStore(const std::string& path);

}  // namespace vigil
