// Reader for Vigil's CSV post format (see csv_reader.h): the header names the columns, each row becomes a Post
// or a rejected record naming its line and field.
#include "ingest/csv_reader.h"

#include <fmt/format.h>

#include <vector>

#include "ingest/csv_rows.h"
#include "ingest/post_fields.h"

namespace vigil {
namespace {

constexpr PostField kRequired[] = {PostField::kId, PostField::kPlatform, PostField::kAccountId,
                                   PostField::kPublishedAt};

}  // namespace

Status ReadPostsCsv(const std::string& path, RecordSink& sink, const ProgressFn& progress) {
  std::vector<PostField> columns;
  Status header_status;
  Post post;
  auto on_row = [&](const CsvRow& row) {
    if (columns.empty()) {
      for (const std::string& name : row.fields) columns.push_back(PostFieldFromName(name));
      for (PostField required : kRequired) {
        if (std::find(columns.begin(), columns.end(), required) == columns.end()) {
          header_status = Status::InvalidArgument(fmt::format(
              "{}:{}: the header has no '{}' column; a post CSV needs at least id, platform, account_id, "
              "published_at (and usually account_name, title, text, url, links, repost_of, lang, views, likes, "
              "shares, comments, reactions)",
              path, row.line, PostFieldName(required)));
          return false;
        }
      }
      return true;
    }
    if (row.fields.size() == 1 && row.fields[0].empty()) return true;  // blank line
    post = Post{};
    post.published_at = kUnsetTime;
    post.source_file = path;
    post.source_line = row.line;
    if (row.fields.size() != columns.size()) {
      sink.Reject(RejectedCsvRow(path, row, "",
                           fmt::format("has {} fields where the header has {}", row.fields.size(), columns.size())));
      return true;
    }
    for (size_t col = 0; col < columns.size(); ++col) {
      Status s = SetPostField(post, columns[col], row.fields[col]);
      if (!s.ok()) {
        sink.Reject(RejectedCsvRow(path, row, PostFieldName(columns[col]), s.message()));
        return true;
      }
    }
    std::string field;
    Status valid = ValidatePost(post, &field);
    if (!valid.ok()) {
      sink.Reject(RejectedCsvRow(path, row, field, valid.message()));
      return true;
    }
    sink.Accept(post);
    return true;
  };
  // Vigil's own format is read leniently (a stray quote stays data) with spaces around unquoted fields
  // trimmed, as it always has been; the adapters read their exports strictly. Lines a quote left open
  // swallowed are set aside and reading resumes after them (CsvReadOptions::on_damaged).
  CsvReadOptions options;
  options.strict = false;
  options.trim_unquoted_spaces = true;
  options.on_progress = progress;
  options.on_damaged = [&](const CsvDamage& damage) { sink.Reject(RejectedCsvSpan(path, damage)); };
  Status read = ReadCsvRows(path, on_row, options);
  VIGIL_RETURN_IF_ERROR(header_status);
  VIGIL_RETURN_IF_ERROR(read);
  if (columns.empty()) return Status::InvalidArgument(path + ": empty file, expected a header row");
  return Status::Ok();
}

}  // namespace vigil
