// PostgreSQL PostStore (libpqxx): one connection, one transaction per batch. A batch is copied (COPY) into a
// temporary staging table and upserted with one INSERT ... ON CONFLICT, so large batches cost two statements.
// Schema migrations (store/postgres_schema.cc) are applied on open under an advisory lock.
#include <fmt/format.h>
#include <simdjson.h>

#include <pqxx/pqxx>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "store/backends.h"
#include "store/conninfo.h"
#include "store/links.h"
#include "store/migrations.h"

namespace vigil::store {

// A displayed count as one COPY field: NULL when the source gave none (its lower-bound flag is a column of
// its own).
struct CountField {
  const Count* count;
};

// A text that is NULL when empty (reply_to: most posts reply to nothing).
struct NullableText {
  const std::string* text;
};

}  // namespace vigil::store

// libpqxx's documented extension point: how a CountField is written into a COPY row.
template <>
struct pqxx::string_traits<vigil::store::CountField> {
  static constexpr const char* name() noexcept { return "vigil::store::CountField"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const vigil::store::CountField& field) { return !field.count->present; }
  [[noreturn]] static vigil::store::CountField null() { pqxx::internal::throw_null_conversion(name()); }
  static std::string to_string(const vigil::store::CountField& field) { return std::to_string(field.count->value); }
};

// The same for a NullableText.
template <>
struct pqxx::string_traits<vigil::store::NullableText> {
  static constexpr const char* name() noexcept { return "vigil::store::NullableText"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const vigil::store::NullableText& field) { return field.text->empty(); }
  [[noreturn]] static vigil::store::NullableText null() { pqxx::internal::throw_null_conversion(name()); }
  static std::string to_string(const vigil::store::NullableText& field) { return *field.text; }
};

namespace vigil::store {
namespace {

constexpr char kApplicationName[] = "vigil";  // pg_stat_activity's name for us, unless the conninfo gives one
constexpr int kFetchRows = 10000;  // rows per FETCH when loading: bounds the client's buffer, not the result

constexpr char kMigrationsTable[] = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     integer PRIMARY KEY,
  applied_at  timestamptz NOT NULL DEFAULT now(),
  description text NOT NULL
)
)sql";

// Serialises migrations of one schema across processes; other schemas in the database are not held up.
constexpr char kMigrationLock[] =
    "SELECT pg_advisory_xact_lock(hashtext('vigil.schema_migrations.' || current_schema()))";

constexpr char kSchemaVersion[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";

// Rows live only for the transaction that copies them in; no index, since a batch arrives without duplicates.
constexpr char kStagingTable[] =
    "CREATE TEMPORARY TABLE IF NOT EXISTS posts_staging (LIKE posts INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";

// COPY column order. libpqxx 6 builds a row by prepending each field to the rest, so a field is copied once
// per field before it: the long texts go first.
constexpr std::array<const char*, 25> kCopyColumns = {
    "text",     "title",    "links",      "account_name", "url",      "source_file",  "platform",  "id",
    "account_id", "repost_of", "lang",    "published_at", "utc_offset", "views",      "views_lb",  "likes",
    "likes_lb", "shares",   "shares_lb",  "comments",     "comments_lb", "reactions", "reactions_lb",
    "source_line", "reply_to"};

using CopyRow = std::tuple<const std::string&, const std::string&, const std::string&, const std::string&,
                           const std::string&, const std::string&, const std::string&, const std::string&,
                           const std::string&, const std::string&, const std::string&, int64_t, int32_t,
                           CountField, bool, CountField, bool, CountField, bool, CountField, bool, CountField, bool,
                           int64_t, NullableText>;

CopyRow ToCopyRow(const Post& post, const std::string& links) {
  const Metrics& m = post.metrics;
  return CopyRow(post.text, post.title, links, post.account_name, post.url, post.source_file, post.platform,
                 post.id, post.account_id, post.repost_of, post.lang, post.published_at, post.utc_offset_minutes,
                 CountField{&m.views}, m.views.lower_bound, CountField{&m.likes}, m.likes.lower_bound,
                 CountField{&m.shares}, m.shares.lower_bound, CountField{&m.comments}, m.comments.lower_bound,
                 CountField{&m.reactions}, m.reactions.lower_bound, post.source_line, NullableText{&post.reply_to});
}

// Ordered by key so concurrent writers lock rows in one order and never deadlock. A row comes back with
// xmax = 0 only when freshly inserted: ON CONFLICT DO UPDATE carries the row lock to the new version.
constexpr char kUpsertFromStaging[] = R"sql(
WITH upserted AS (
  INSERT INTO posts (platform, id, account_id, account_name, published_at, utc_offset, title, text, url, links,
    repost_of, lang, views, views_lb, likes, likes_lb, shares, shares_lb, comments, comments_lb, reactions,
    reactions_lb, source_file, source_line, reply_to)
  SELECT platform, id, account_id, account_name, published_at, utc_offset, title, text, url, links,
    repost_of, lang, views, views_lb, likes, likes_lb, shares, shares_lb, comments, comments_lb, reactions,
    reactions_lb, source_file, source_line, reply_to
  FROM posts_staging ORDER BY platform, id
  ON CONFLICT (platform, id) DO UPDATE SET account_id = EXCLUDED.account_id,
    account_name = EXCLUDED.account_name, published_at = EXCLUDED.published_at,
    utc_offset = EXCLUDED.utc_offset, title = EXCLUDED.title, text = EXCLUDED.text, url = EXCLUDED.url,
    links = EXCLUDED.links, repost_of = EXCLUDED.repost_of, lang = EXCLUDED.lang, views = EXCLUDED.views,
    views_lb = EXCLUDED.views_lb, likes = EXCLUDED.likes, likes_lb = EXCLUDED.likes_lb,
    shares = EXCLUDED.shares, shares_lb = EXCLUDED.shares_lb, comments = EXCLUDED.comments,
    comments_lb = EXCLUDED.comments_lb, reactions = EXCLUDED.reactions, reactions_lb = EXCLUDED.reactions_lb,
    source_file = EXCLUDED.source_file, source_line = EXCLUDED.source_line, reply_to = EXCLUDED.reply_to
  RETURNING (xmax = 0) AS inserted)
SELECT count(*) FILTER (WHERE inserted) FROM upserted
)sql";

// Same columns and order as the SQLite store's load, so rows map to posts the same way.
constexpr char kSelectPosts[] = R"sql(
SELECT platform, id, account_id, account_name, published_at, utc_offset, title, text, url, links, repost_of, lang,
  views, views_lb, likes, likes_lb, shares, shares_lb, comments, comments_lb, reactions, reactions_lb,
  source_file, source_line, reply_to
FROM posts WHERE published_at >= {} AND published_at < {} ORDER BY published_at, platform, id
)sql";

// Indexes of the store's tables that a failed CREATE INDEX CONCURRENTLY or REINDEX left unusable.
constexpr char kInvalidIndexes[] = R"sql(
SELECT indexrelid::regclass::text FROM pg_index
WHERE indrelid IN ('posts'::regclass, 'ingest_runs'::regclass, 'schema_migrations'::regclass)
  AND NOT (indisvalid AND indisready)
)sql";

// amcheck (contrib) verifies B-tree structure and that every row has its index entry, when installed.
constexpr char kAmcheckSchema[] = "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'amcheck'";
constexpr char kCheckIndexes[] = R"sql(
SELECT {}.bt_index_check(indexrelid, true) FROM pg_index
WHERE indrelid IN ('posts'::regclass, 'ingest_runs'::regclass, 'schema_migrations'::regclass)
)sql";

// Every text column of a post, named as in the input, for the storability check.
template <typename Fn>
void ForEachText(const Post& post, Fn&& fn) {
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"platform", &post.platform},
                                     {"id", &post.id},
                                     {"account_id", &post.account_id},
                                     {"account_name", &post.account_name},
                                     {"title", &post.title},
                                     {"text", &post.text},
                                     {"url", &post.url},
                                     {"repost_of", &post.repost_of},
                                     {"reply_to", &post.reply_to},
                                     {"lang", &post.lang},
                                     {"source_file", &post.source_file}}) {
    fn(field, *value);
  }
  for (const std::string& link : post.links) fn("links", link);
}

// Why PostgreSQL text cannot hold `value` (it takes valid UTF-8 without NUL bytes), or nullptr when it can.
const char* UnstorableBecause(const std::string& value) {
  if (value.find('\0') != std::string::npos) return "holds a NUL byte";
  if (!simdjson::validate_utf8(value.data(), value.size())) return "is not valid UTF-8";
  return nullptr;
}

// Such text would fail the whole batch inside the server, so it is refused up front naming record and field.
Status CheckStorable(std::span<const Post> posts) {
  for (const Post& post : posts) {
    Status status;
    ForEachText(post, [&](const char* field, const std::string& value) {
      const char* problem = status.ok() ? UnstorableBecause(value) : nullptr;
      if (problem) {
        status = Status::InvalidArgument(fmt::format("{}:{}: {}: {}, which PostgreSQL text cannot store",
                                                     post.source_file, post.source_line, field, problem));
      }
    });
    VIGIL_RETURN_IF_ERROR(status);
  }
  return Status::Ok();
}

struct KeyHash {
  size_t operator()(const std::pair<std::string_view, std::string_view>& key) const {
    const size_t platform = std::hash<std::string_view>{}(key.first);
    return platform ^ (std::hash<std::string_view>{}(key.second) + 0x9e3779b97f4a7c15ULL + (platform << 6));
  }
};

// The last occurrence of each (platform, id), in batch order: what upserting row by row leaves behind.
std::vector<const Post*> LastOccurrences(std::span<const Post> posts) {
  std::unordered_map<std::pair<std::string_view, std::string_view>, size_t, KeyHash> last;
  last.reserve(posts.size());
  for (size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    last[{posts[post_idx].platform, posts[post_idx].id}] = post_idx;
  }
  std::vector<const Post*> kept;
  kept.reserve(last.size());
  for (size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    if (last[{posts[post_idx].platform, posts[post_idx].id}] == post_idx) kept.push_back(&posts[post_idx]);
  }
  return kept;
}

std::string FieldText(const pqxx::field& field) { return std::string(field.c_str(), field.size()); }

Count FieldCount(const pqxx::row& row, int column) {
  if (row[column].is_null()) return Count{};
  const int64_t value = row[column].as<int64_t>();
  return row[column + 1].as<bool>() ? Count::AtLeast(value) : Count::Exact(value);
}

Post ReadRow(const pqxx::row& row) {
  Post post;
  post.platform = FieldText(row[0]);
  post.id = FieldText(row[1]);
  post.account_id = FieldText(row[2]);
  post.account_name = FieldText(row[3]);
  post.published_at = row[4].as<int64_t>();
  post.utc_offset_minutes = row[5].as<int32_t>();
  post.title = FieldText(row[6]);
  post.text = FieldText(row[7]);
  post.url = FieldText(row[8]);
  post.links = SplitLinks(FieldText(row[9]));
  post.repost_of = FieldText(row[10]);
  post.lang = FieldText(row[11]);
  post.metrics.views = FieldCount(row, 12);
  post.metrics.likes = FieldCount(row, 14);
  post.metrics.shares = FieldCount(row, 16);
  post.metrics.comments = FieldCount(row, 18);
  post.metrics.reactions = FieldCount(row, 20);
  post.source_file = FieldText(row[22]);
  post.source_line = row[23].as<int64_t>();
  post.reply_to = row[24].is_null() ? std::string() : FieldText(row[24]);
  return post;
}

class PostgresStore final : public PostStore {
 public:
  Status Open(const std::string& conninfo, std::span<const Migration> migrations) {
    conninfo_ = conninfo;
    shown_ = RedactConninfo(conninfo);
    auto password = ConninfoPassword(conninfo);
    if (!password.ok()) {
      return Status::InvalidArgument(fmt::format("PostgreSQL store: {}", password.status().message()));
    }
    password_ = *password;
    VIGIL_RETURN_IF_ERROR(Connect());
    VIGIL_RETURN_IF_ERROR(Migrate(migrations));
    return PrepareSession();
  }

  Status UpsertPosts(std::span<const Post> posts, UpsertCounts* counts) override {
    VIGIL_RETURN_IF_ERROR(CheckStorable(posts));
    const std::vector<const Post*> batch = LastOccurrences(posts);
    return Reconnecting("upsert posts", [&] {
      pqxx::work tx(*connection_);
      CopyToStaging(tx, batch);
      const int64_t inserted = tx.exec_prepared1("upsert_from_staging")[0].as<int64_t>();
      tx.commit();
      // A key seen twice in one batch counts once as inserted (when new) and then as updated, as row by row.
      counts->inserted += inserted;
      counts->updated += static_cast<int64_t>(posts.size()) - inserted;
      return Status::Ok();
    });
  }

  Status LoadPosts(const PostQuery& query, std::vector<Post>* out) override {
    const size_t had = out->size();
    return Reconnecting("load posts", [&] {
      out->resize(had);  // a retry after a lost connection starts over
      pqxx::read_transaction tx(*connection_);
      // The bounds are integers, so formatting them into the statement cannot inject anything.
      tx.exec("DECLARE posts_cursor NO SCROLL CURSOR FOR " + fmt::format(kSelectPosts, query.from, query.to));
      const std::string fetch = fmt::format("FETCH {} FROM posts_cursor", kFetchRows);
      for (;;) {
        const pqxx::result rows = tx.exec(fetch);
        for (const pqxx::row& row : rows) out->push_back(ReadRow(row));
        if (rows.size() < static_cast<size_t>(kFetchRows)) break;
      }
      tx.commit();
      return Status::Ok();
    });
  }

  Result<int64_t> CountPosts() override {
    return Reconnecting("count posts", [&]() -> Result<int64_t> {
      pqxx::read_transaction tx(*connection_);
      return tx.exec1("SELECT count(*) FROM posts")[0].as<int64_t>();
    });
  }

  Status RecordIngestRun(const std::string& source, int64_t accepted, int64_t rejected) override {
    if (const char* problem = UnstorableBecause(source)) {
      return Status::InvalidArgument(fmt::format("ingest source name {}, which PostgreSQL text cannot store", problem));
    }
    return Reconnecting("record ingest run", [&] {
      pqxx::work tx(*connection_);
      tx.exec_params("INSERT INTO ingest_runs (source, accepted, rejected) VALUES ($1, $2, $3)", source, accepted,
                     rejected);
      tx.commit();
      return Status::Ok();
    });
  }

  Status CheckIntegrity() override {
    return Reconnecting("integrity check", [&]() -> Status {
      pqxx::read_transaction tx(*connection_);
      const pqxx::result invalid = tx.exec(kInvalidIndexes);
      if (!invalid.empty()) {
        return Status::Corruption(fmt::format("PostgreSQL store '{}': index {} is invalid (left by a failed "
                                              "CREATE INDEX CONCURRENTLY or REINDEX): drop or rebuild it",
                                              shown_, invalid[0][0].as<std::string>()));
      }
      const pqxx::result amcheck = tx.exec(kAmcheckSchema);
      if (!amcheck.empty()) tx.exec(fmt::format(kCheckIndexes, tx.quote_name(amcheck[0][0].as<std::string>())));
      tx.commit();
      return Status::Ok();
    });
  }

  Result<int> SchemaVersion() override {
    return Guarded("read schema version", [&]() -> Result<int> {
      pqxx::read_transaction tx(*connection_);
      return tx.exec1(kSchemaVersion)[0].as<int>();
    });
  }

 private:
  // A new connection: UTF-8 both ways, named in pg_stat_activity, quiet about NOTICEs.
  Status Connect() {
    return Guarded("connect", [&]() -> Status {
      connection_ = std::make_unique<pqxx::connection>(conninfo_);
      connection_->set_client_encoding("UTF8");
      pqxx::nontransaction session(*connection_);
      session.exec("SET client_min_messages TO warning");  // no NOTICEs for IF NOT EXISTS on stderr
      if (session.exec1("SHOW application_name")[0].as<std::string>().empty()) {
        session.exec("SET application_name TO " + session.quote(kApplicationName));
      }
      const std::string encoding = session.exec1("SHOW server_encoding")[0].as<std::string>();
      if (encoding != "UTF8") {
        return Status::Unsupported(fmt::format("PostgreSQL store '{}': database encoding is {}; Vigil needs UTF8 "
                                               "(CREATE DATABASE ... ENCODING 'UTF8')", shown_, encoding));
      }
      return Status::Ok();
    });
  }

  // What each batch relies on, made once per connection: the staging table and the upsert statement.
  Status PrepareSession() {
    return Guarded("prepare", [&] {
      pqxx::nontransaction session(*connection_);
      session.exec(kStagingTable);
      connection_->prepare("upsert_from_staging", kUpsertFromStaging);
      return Status::Ok();
    });
  }

  // Runs `body` like Guarded; when the connection broke before `body` committed (a server restart, a killed
  // backend, a dropped network), connects again and runs it once more. A break during COMMIT is reported by
  // libpqxx as in_doubt_error instead, and is not retried.
  template <typename Body>
  auto Reconnecting(std::string_view what, Body&& body) -> decltype(body()) {
    connection_lost_ = false;
    auto result = Guarded(what, body);
    if (result.ok() || !connection_lost_) return result;
    VIGIL_RETURN_IF_ERROR(Connect());
    VIGIL_RETURN_IF_ERROR(PrepareSession());
    return Guarded(what, body);
  }

  // Brings the schema up to the latest known step; a store from a newer vigil is refused.
  Status Migrate(std::span<const Migration> migrations) {
    VIGIL_RETURN_IF_ERROR(Guarded("create schema_migrations", [&] {
      pqxx::work tx(*connection_);
      tx.exec(kMigrationLock);
      tx.exec(kMigrationsTable);
      tx.commit();
      return Status::Ok();
    }));
    VIGIL_ASSIGN_OR_RETURN(const int current, SchemaVersion());
    VIGIL_ASSIGN_OR_RETURN(auto pending,
                           PendingMigrations(current, migrations, fmt::format("PostgreSQL store '{}'", shown_)));
    for (const Migration& step : pending) {
      VIGIL_RETURN_IF_ERROR(Guarded(fmt::format("schema migration {} ({})", step.version, step.description), [&] {
        ApplyMigration(step);
        return Status::Ok();
      }));
    }
    return Status::Ok();
  }

  // One step in one transaction, skipped when another process applied it since we looked.
  void ApplyMigration(const Migration& step) {
    pqxx::work tx(*connection_);
    tx.exec(kMigrationLock);
    if (tx.exec1(kSchemaVersion)[0].as<int>() >= step.version) return;
    tx.exec(std::string(step.sql));
    tx.exec_params("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)", step.version,
                   std::string(step.description));
    tx.commit();
  }

  static void CopyToStaging(pqxx::work& tx, const std::vector<const Post*>& batch) {
    pqxx::stream_to copy(tx, "posts_staging", kCopyColumns);
    std::string links;
    for (const Post* post : batch) {
      links = JoinLinks(post->links);
      copy << ToCopyRow(*post, links);
    }
    copy.complete();
  }

  // Runs `body`, turning libpqxx's exceptions into a Status that names the store without its password.
  template <typename Body>
  auto Guarded(std::string_view what, Body&& body) -> decltype(body()) {
    try {
      return body();
    } catch (const pqxx::broken_connection& e) {
      connection_lost_ = true;
      return Status::IoError(
          fmt::format("PostgreSQL store '{}': {}: connection lost: {}", shown_, what, MaskSecret(e.what(), password_)));
    } catch (const pqxx::sql_error& e) {
      const std::string message =
          fmt::format("PostgreSQL store '{}': {}: {}", shown_, what, MaskSecret(e.what(), password_));
      // SQLSTATE class XX is PostgreSQL's "internal error", where amcheck and the server report corruption.
      if (e.sqlstate().starts_with("XX")) return Status::Corruption(message);
      return Status::IoError(message);
    } catch (const std::exception& e) {
      return Status::IoError(
          fmt::format("PostgreSQL store '{}': {}: {}", shown_, what, MaskSecret(e.what(), password_)));
    }
  }

  std::string conninfo_;  // as given, to connect again
  std::string shown_;     // the connection string, password masked
  std::string password_;  // masked out of every message
  std::unique_ptr<pqxx::connection> connection_;
  bool connection_lost_ = false;  // set by Guarded when libpqxx reports a broken connection
};

}  // namespace

Result<std::unique_ptr<PostStore>> OpenPostgresStore(const std::string& conninfo,
                                                     std::span<const Migration> migrations) {
  auto store = std::make_unique<PostgresStore>();
  VIGIL_RETURN_IF_ERROR(store->Open(conninfo, migrations));
  return std::unique_ptr<PostStore>(std::move(store));
}

}  // namespace vigil::store

// Read by LeakSanitizer in sanitize builds, inert otherwise. libpqxx 6.4 does not free the result of a BEGIN
// that fails on a lost connection (PostgresStore.ALostConnectionIsReopenedAndTheBatchWritten shows it);
// frames inside libpqxx are excused, the store's own objects are all RAII.
extern "C" [[gnu::used]] const char* __lsan_default_suppressions() { return "leak:libpqxx\n"; }

namespace vigil {

Result<std::unique_ptr<PostStore>> OpenPostgresStore(const std::string& conninfo) {
  return store::OpenPostgresStore(conninfo, store::PostgresMigrations());
}

}  // namespace vigil
