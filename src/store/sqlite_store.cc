// SQLite PostStore: one file, WAL journal, one transaction per batch, prepared statements reused; schema
// migrations applied on open (store/sqlite_schema.cc).
#include <fmt/format.h>
#include <sqlite3.h>

#include <ctime>

#include "store/backends.h"
#include "store/links.h"
#include "store/migrations.h"

namespace vigil::store {
namespace {

constexpr char kMigrationsTable[] = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     INTEGER PRIMARY KEY,
  applied_at  INTEGER NOT NULL,  -- Unix seconds
  description TEXT NOT NULL
)
)sql";

// Column order shared by the insert and update statements (bound as ?1..?25).
constexpr char kInsert[] = R"sql(
INSERT OR IGNORE INTO posts (platform, id, account_id, account_name, published_at, utc_offset, title, text, url,
  links, repost_of, lang, views, views_lb, likes, likes_lb, shares, shares_lb, comments, comments_lb, reactions,
  reactions_lb, source_file, source_line, reply_to)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,
  ?25)
)sql";

constexpr char kUpdate[] = R"sql(
UPDATE posts SET account_id = ?3, account_name = ?4, published_at = ?5, utc_offset = ?6, title = ?7, text = ?8,
  url = ?9, links = ?10, repost_of = ?11, lang = ?12, views = ?13, views_lb = ?14, likes = ?15, likes_lb = ?16,
  shares = ?17, shares_lb = ?18, comments = ?19, comments_lb = ?20, reactions = ?21, reactions_lb = ?22,
  source_file = ?23, source_line = ?24, reply_to = ?25
WHERE platform = ?1 AND id = ?2
)sql";

constexpr char kSelect[] = R"sql(
SELECT platform, id, account_id, account_name, published_at, utc_offset, title, text, url, links, repost_of, lang,
  views, views_lb, likes, likes_lb, shares, shares_lb, comments, comments_lb, reactions, reactions_lb,
  source_file, source_line, reply_to
FROM posts WHERE published_at >= ?1 AND published_at < ?2 ORDER BY published_at, platform, id
)sql";

class Statement {
 public:
  Statement() = default;
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Status Prepare(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      return Status::IoError(fmt::format("sqlite prepare: {}", sqlite3_errmsg(db)));
    }
    return Status::Ok();
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteStore final : public PostStore {
 public:
  // close_v2 defers the close until the member statements are finalised (they are destroyed after this body).
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Open(const std::string& path, std::span<const Migration> migrations) {
    path_ = path;
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
      return Status::IoError(fmt::format("cannot open SQLite store '{}': {}", path, sqlite3_errmsg(db_)));
    }
    sqlite3_busy_timeout(db_, 10000);
    VIGIL_RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL"));
    VIGIL_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL"));
    VIGIL_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys=ON"));
    VIGIL_RETURN_IF_ERROR(Migrate(migrations));
    VIGIL_RETURN_IF_ERROR(insert_.Prepare(db_, kInsert));
    VIGIL_RETURN_IF_ERROR(update_.Prepare(db_, kUpdate));
    VIGIL_RETURN_IF_ERROR(select_.Prepare(db_, kSelect));
    return Status::Ok();
  }

  Status UpsertPosts(std::span<const Post> posts, UpsertCounts* counts) override {
    VIGIL_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    for (const Post& post : posts) {
      Status s = UpsertOne(post, counts);
      if (!s.ok()) {
        (void)Exec("ROLLBACK");
        return s;
      }
    }
    return Exec("COMMIT");
  }

  Status LoadPosts(const PostQuery& query, std::vector<Post>* out) override {
    sqlite3_stmt* s = select_.get();
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, query.from);
    sqlite3_bind_int64(s, 2, query.to);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) out->push_back(ReadRow(s));
    if (rc != SQLITE_DONE) return Error("load posts");
    return Status::Ok();
  }

  Result<int64_t> CountPosts() override {
    Statement count;
    VIGIL_RETURN_IF_ERROR(count.Prepare(db_, "SELECT COUNT(*) FROM posts"));
    if (sqlite3_step(count.get()) != SQLITE_ROW) return Error("count posts");
    return static_cast<int64_t>(sqlite3_column_int64(count.get(), 0));
  }

  Status RecordIngestRun(const std::string& source, int64_t accepted, int64_t rejected) override {
    Statement insert;
    VIGIL_RETURN_IF_ERROR(
        insert.Prepare(db_, "INSERT INTO ingest_runs (source, finished, accepted, rejected) VALUES (?1, ?2, ?3, ?4)"));
    sqlite3_bind_text(insert.get(), 1, source.data(), static_cast<int>(source.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert.get(), 2, static_cast<int64_t>(std::time(nullptr)));
    sqlite3_bind_int64(insert.get(), 3, accepted);
    sqlite3_bind_int64(insert.get(), 4, rejected);
    if (sqlite3_step(insert.get()) != SQLITE_DONE) return Error("record ingest run");
    return Status::Ok();
  }

  Result<int> SchemaVersion() override {
    Statement version;
    VIGIL_RETURN_IF_ERROR(version.Prepare(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (sqlite3_step(version.get()) != SQLITE_ROW) return Error("read schema version");
    return sqlite3_column_int(version.get(), 0);
  }

  Status CheckIntegrity() override {
    Statement check;
    VIGIL_RETURN_IF_ERROR(check.Prepare(db_, "PRAGMA integrity_check"));
    if (sqlite3_step(check.get()) != SQLITE_ROW) return Error("integrity check");
    const std::string verdict = reinterpret_cast<const char*>(sqlite3_column_text(check.get(), 0));
    if (verdict != "ok") return Status::Corruption(fmt::format("SQLite store '{}': {}", path_, verdict));
    return Status::Ok();
  }

 private:
  // Brings the schema up to the latest known step; a store from a newer vigil is refused.
  Status Migrate(std::span<const Migration> migrations) {
    VIGIL_RETURN_IF_ERROR(Exec(kMigrationsTable));
    VIGIL_ASSIGN_OR_RETURN(const int current, SchemaVersion());
    VIGIL_ASSIGN_OR_RETURN(auto pending,
                           PendingMigrations(current, migrations, fmt::format("SQLite store '{}'", path_)));
    for (const Migration& step : pending) VIGIL_RETURN_IF_ERROR(ApplyMigration(step));
    return Status::Ok();
  }

  // One step in one transaction, skipped when another process applied it since we looked.
  Status ApplyMigration(const Migration& step) {
    VIGIL_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status applied = [&]() -> Status {
      VIGIL_ASSIGN_OR_RETURN(const int current, SchemaVersion());
      if (current >= step.version) return Status::Ok();
      const std::string sql(step.sql);
      VIGIL_RETURN_IF_ERROR(Exec(sql.c_str()));
      Statement record;
      VIGIL_RETURN_IF_ERROR(record.Prepare(
          db_, "INSERT INTO schema_migrations (version, applied_at, description) VALUES (?1, ?2, ?3)"));
      sqlite3_bind_int(record.get(), 1, step.version);
      sqlite3_bind_int64(record.get(), 2, static_cast<int64_t>(std::time(nullptr)));
      sqlite3_bind_text(record.get(), 3, step.description.data(), static_cast<int>(step.description.size()),
                        SQLITE_STATIC);
      if (sqlite3_step(record.get()) != SQLITE_DONE) return Error("record schema migration");
      return Status::Ok();
    }();
    if (!applied.ok()) {
      (void)Exec("ROLLBACK");
      return Status(applied.code(), fmt::format("schema migration {} ({}): {}", step.version, step.description,
                                                applied.message()));
    }
    return Exec("COMMIT");
  }

  Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      return Status::IoError(fmt::format("SQLite store '{}': {}", path_, text));
    }
    return Status::Ok();
  }

  Status Error(const char* what) const {
    return Status::IoError(fmt::format("SQLite store '{}': {}: {}", path_, what, sqlite3_errmsg(db_)));
  }

  static void BindText(sqlite3_stmt* s, int index, const std::string& text) {
    sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }

  static void BindCount(sqlite3_stmt* s, int index, const Count& count) {
    if (count.present) {
      sqlite3_bind_int64(s, index, count.value);
    } else {
      sqlite3_bind_null(s, index);
    }
    sqlite3_bind_int(s, index + 1, count.lower_bound ? 1 : 0);
  }

  void Bind(sqlite3_stmt* s, const Post& post, const std::string& links) {
    BindText(s, 1, post.platform);
    BindText(s, 2, post.id);
    BindText(s, 3, post.account_id);
    BindText(s, 4, post.account_name);
    sqlite3_bind_int64(s, 5, post.published_at);
    sqlite3_bind_int(s, 6, post.utc_offset_minutes);
    BindText(s, 7, post.title);
    BindText(s, 8, post.text);
    BindText(s, 9, post.url);
    BindText(s, 10, links);
    BindText(s, 11, post.repost_of);
    BindText(s, 12, post.lang);
    BindCount(s, 13, post.metrics.views);
    BindCount(s, 15, post.metrics.likes);
    BindCount(s, 17, post.metrics.shares);
    BindCount(s, 19, post.metrics.comments);
    BindCount(s, 21, post.metrics.reactions);
    BindText(s, 23, post.source_file);
    sqlite3_bind_int64(s, 24, post.source_line);
    if (post.reply_to.empty()) {
      sqlite3_bind_null(s, 25);  // no reply: NULL, as the PostgreSQL store writes it
    } else {
      BindText(s, 25, post.reply_to);
    }
  }

  Status UpsertOne(const Post& post, UpsertCounts* counts) {
    const std::string links = JoinLinks(post.links);
    sqlite3_stmt* ins = insert_.get();
    sqlite3_reset(ins);
    Bind(ins, post, links);
    if (sqlite3_step(ins) != SQLITE_DONE) return Error("insert post");
    if (sqlite3_changes(db_) == 1) {
      ++counts->inserted;
      return Status::Ok();
    }
    sqlite3_stmt* upd = update_.get();
    sqlite3_reset(upd);
    Bind(upd, post, links);
    if (sqlite3_step(upd) != SQLITE_DONE) return Error("update post");
    ++counts->updated;
    return Status::Ok();
  }

  static std::string ColumnText(sqlite3_stmt* s, int col) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, col));
    return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(s, col))) : std::string();
  }

  static Count ColumnCount(sqlite3_stmt* s, int col) {
    if (sqlite3_column_type(s, col) == SQLITE_NULL) return Count{};
    const int64_t value = sqlite3_column_int64(s, col);
    return sqlite3_column_int(s, col + 1) ? Count::AtLeast(value) : Count::Exact(value);
  }

  static Post ReadRow(sqlite3_stmt* s) {
    Post post;
    post.platform = ColumnText(s, 0);
    post.id = ColumnText(s, 1);
    post.account_id = ColumnText(s, 2);
    post.account_name = ColumnText(s, 3);
    post.published_at = sqlite3_column_int64(s, 4);
    post.utc_offset_minutes = sqlite3_column_int(s, 5);
    post.title = ColumnText(s, 6);
    post.text = ColumnText(s, 7);
    post.url = ColumnText(s, 8);
    post.links = SplitLinks(ColumnText(s, 9));
    post.repost_of = ColumnText(s, 10);
    post.lang = ColumnText(s, 11);
    post.metrics.views = ColumnCount(s, 12);
    post.metrics.likes = ColumnCount(s, 14);
    post.metrics.shares = ColumnCount(s, 16);
    post.metrics.comments = ColumnCount(s, 18);
    post.metrics.reactions = ColumnCount(s, 20);
    post.source_file = ColumnText(s, 22);
    post.source_line = sqlite3_column_int64(s, 23);
    post.reply_to = ColumnText(s, 24);
    return post;
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  Statement insert_;
  Statement update_;
  Statement select_;
};

}  // namespace

Result<std::unique_ptr<PostStore>> OpenSqliteStore(const std::string& path, std::span<const Migration> migrations) {
  auto store = std::make_unique<SqliteStore>();
  VIGIL_RETURN_IF_ERROR(store->Open(path, migrations));
  return std::unique_ptr<PostStore>(std::move(store));
}

}  // namespace vigil::store

namespace vigil {

Result<std::unique_ptr<PostStore>> OpenSqliteStore(const std::string& path) {
  return store::OpenSqliteStore(path, store::SqliteMigrations());
}

}  // namespace vigil
