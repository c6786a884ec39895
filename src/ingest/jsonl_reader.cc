#include "ingest/jsonl_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "ingest/line_reader.h"
#include "ingest/post_fields.h"

namespace vigil {
namespace {

namespace dom = simdjson::dom;

// simdjson's DOM API dispatches to the best kernel for the running CPU (On Demand would be fixed at compile
// time to the portable fallback without -march flags).

constexpr int64_t kProgressEvery = 8192;

struct FieldError {
  std::string field;
  std::string reason;
};

std::string JsonError(simdjson::error_code code) { return simdjson::error_message(code); }

// Reads a string, a number (as its text) or null into `out`; false with a reason otherwise.
bool ReadScalarText(dom::element value, std::string* scratch, std::string_view* out, std::string* reason) {
  switch (value.type()) {
    case dom::element_type::STRING:
      *out = value.get_string().value_unsafe();
      return true;
    case dom::element_type::INT64:
      *scratch = std::to_string(value.get_int64().value_unsafe());
      *out = *scratch;
      return true;
    case dom::element_type::UINT64:
      *scratch = std::to_string(value.get_uint64().value_unsafe());
      *out = *scratch;
      return true;
    case dom::element_type::NULL_VALUE:
      *out = {};
      return true;
    default:
      *reason = "must be a string";
      return false;
  }
}

bool ReadLinks(dom::element value, Post& post, std::string* reason) {
  switch (value.type()) {
    case dom::element_type::NULL_VALUE: return true;
    case dom::element_type::STRING:
      return SetPostField(post, PostField::kLinks, value.get_string().value_unsafe()).ok();
    case dom::element_type::ARRAY: {
      dom::array array;
      if (value.get_array().get(array)) return (*reason = "must be a list of URLs", false);
      post.links.clear();
      for (dom::element element : array) {
        std::string_view url;
        if (element.get_string().get(url)) return (*reason = "must be a list of URL strings", false);
        post.links.emplace_back(url);
      }
      return true;
    }
    default:
      *reason = "must be a list of URLs";
      return false;
  }
}

bool ReadMetrics(dom::element value, Post& post, FieldError* error) {
  dom::object metrics;
  if (value.get_object().get(metrics)) return (*error = {"metrics", "must be an object"}, false);
  std::string scratch;
  for (dom::key_value_pair field : metrics) {
    const PostField which = PostFieldFromName(field.key);
    const bool is_metric = which >= PostField::kViews && which <= PostField::kReactions;
    if (!is_metric) continue;  // unknown metrics are accepted and ignored
    // The field's name is only needed for an error, so it is only formatted then (hot path).
    const auto name = [&] { return fmt::format("metrics.{}", field.key); };
    int64_t integer = 0;
    if (field.value.get_int64().get(integer) == simdjson::SUCCESS) {
      Status s = SetPostMetric(post, which, integer);
      if (!s.ok()) return (*error = {name(), s.message()}, false);
      continue;
    }
    std::string_view text;
    std::string reason;
    if (!ReadScalarText(field.value, &scratch, &text, &reason)) return (*error = {name(), reason}, false);
    Status s = SetPostField(post, which, text);
    if (!s.ok()) return (*error = {name(), s.message()}, false);
  }
  return true;
}

// Parses one line into `post`. Returns false with the field at fault.
bool ParseRecord(dom::parser& parser, std::string_view line, Post& post, FieldError* error) {
  dom::element doc;
  if (auto err = parser.parse(line.data(), line.size(), false).get(doc)) {
    return (*error = {"", "not valid JSON: " + JsonError(err)}, false);
  }
  dom::object object;
  if (doc.get_object().get(object)) return (*error = {"", "each line must be a JSON object"}, false);
  std::string scratch;
  for (dom::key_value_pair field : object) {
    const PostField which = PostFieldFromName(field.key);
    if (field.key == "metrics") {
      if (!ReadMetrics(field.value, post, error)) return false;
      continue;
    }
    if (which == PostField::kUnknown) continue;  // extra fields are accepted
    std::string reason;
    if (which == PostField::kLinks) {
      if (!ReadLinks(field.value, post, &reason)) return (*error = {"links", reason}, false);
      continue;
    }
    std::string_view text;
    if (!ReadScalarText(field.value, &scratch, &text, &reason)) return (*error = {std::string(field.key), reason}, false);
    Status s = SetPostField(post, which, text);
    if (!s.ok()) return (*error = {std::string(field.key), s.message()}, false);
  }
  std::string field;
  Status valid = ValidatePost(post, &field);
  if (!valid.ok()) return (*error = {field, valid.message()}, false);
  return true;
}

// A line above the reader's cap: its text was never held, so the record is kept as its byte range.
RejectedRecord OverlongLine(const std::string& path, int64_t line_number, const LineReader& reader) {
  RejectedRecord rejected{path, line_number, "",
                          fmt::format("the line is {} bytes, above the {} byte limit for one record",
                                      reader.line_length(), reader.max_line_bytes()),
                          ""};
  rejected.offset = reader.line_offset();
  rejected.length = reader.line_length();
  return rejected;
}

}  // namespace

Status ReadPostsJsonl(const std::string& path, RecordSink& sink, const ProgressFn& progress) {
  LineReader reader;
  VIGIL_RETURN_IF_ERROR(reader.Open(path));
  dom::parser parser;
  Post post;
  std::string_view line;
  int64_t line_number = 0;
  int64_t records = 0;
  while (reader.Next(&line, &line_number)) {
    if (reader.overlong()) {
      sink.Reject(OverlongLine(path, line_number, reader));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line: not a record
    post = Post{};
    post.published_at = kUnsetTime;
    post.source_file = path;
    post.source_line = line_number;
    FieldError error;
    if (ParseRecord(parser, line, post, &error)) {
      sink.Accept(post);
    } else {
      RejectedRecord rejected{path, line_number, error.field, error.reason, std::string(line)};
      rejected.offset = reader.line_offset();
      rejected.length = reader.line_length();
      sink.Reject(std::move(rejected));
    }
    if (progress && ++records % kProgressEvery == 0) progress(reader.bytes_read(), reader.file_size());
  }
  if (progress) progress(reader.bytes_read(), reader.file_size());
  return reader.status();
}

}  // namespace vigil
