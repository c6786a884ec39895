// libcsv wrapper: reads the file a MiB at a time and feeds the parser one physical line at a time, so each
// record's starting line is known exactly (quoted newlines and blank lines included).
#include "ingest/csv_rows.h"

#include <csv.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "common/escape.h"

namespace vigil {
namespace {

constexpr size_t kChunkBytes = 1 << 20;
// A small file is read in a chunk of its own size (at least this): allocating and zeroing 1 MiB per file
// dominated reading many small tables.
constexpr size_t kMinChunkBytes = 4096;
constexpr size_t kMaxRawBytes = 4096;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// State shared with libcsv's C callbacks.
struct ParseState {
  CsvRow row;
  int64_t current_line = 1;       // the physical line being fed
  int64_t embedded_newlines = 0;  // newlines inside quoted fields of the current record
  const std::function<bool(CsvRow&)>* on_row = nullptr;
  bool stop = false;
};

void OnField(void* data, size_t len, void* user) {
  auto* state = static_cast<ParseState*>(user);
  std::string field(data ? static_cast<const char*>(data) : "", data ? len : 0);
  state->embedded_newlines += std::count(field.begin(), field.end(), '\n');
  state->row.fields.push_back(std::move(field));
}

void OnRowEnd(int /*terminator*/, void* user) {
  auto* state = static_cast<ParseState*>(user);
  state->row.line = state->current_line - state->embedded_newlines;
  if (!state->stop && !(*state->on_row)(state->row)) state->stop = true;
  state->row.fields.clear();
  state->embedded_newlines = 0;
}

// Keeps spaces around unquoted fields as data.
int NoSpace(unsigned char /*c*/) { return 0; }

struct ParserCloser {
  void operator()(csv_parser* parser) const { csv_free(parser); }
};

int64_t FileSize(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : 0;
}

}  // namespace

std::string CsvRow::Raw() const {
  std::string out;
  for (size_t i = 0; i < fields.size() && out.size() < kMaxRawBytes; ++i) {
    if (i) out += ',';
    AppendCsvField(out, fields[i]);
  }
  if (out.size() > kMaxRawBytes) out.resize(kMaxRawBytes);
  return out;
}

Status ReadCsvRows(const std::string& path, const std::function<bool(CsvRow&)>& on_row,
                   const CsvReadOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::NotFound(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  const int64_t size = options.on_progress ? FileSize(path) : 0;

  csv_parser parser_storage;
  if (csv_init(&parser_storage, options.strict ? CSV_STRICT | CSV_STRICT_FINI : 0) != 0) {
    return Status::Internal("libcsv init failed");
  }
  std::unique_ptr<csv_parser, ParserCloser> parser(&parser_storage);
  if (!options.trim_unquoted_spaces) csv_set_space_func(parser.get(), NoSpace);

  ParseState state;
  state.on_row = &on_row;
  // Any chunk size parses the same (libcsv streams); a size of 0 means unknown (a pipe).
  const auto file_bytes = static_cast<size_t>(FileSize(path));
  std::vector<char> chunk(file_bytes == 0 ? kChunkBytes
                                          : std::clamp(file_bytes + 1, kMinChunkBytes, kChunkBytes));
  int64_t done = 0;
  bool first_chunk = true;
  bool ends_with_newline = false;
  while (!state.stop) {
    const size_t got = std::fread(chunk.data(), 1, chunk.size(), file.get());
    if (got == 0) break;
    const char* p = chunk.data();
    const char* const end = p + got;
    if (first_chunk && std::string_view(p, got).starts_with(kUtf8Bom)) p += kUtf8Bom.size();
    first_chunk = false;
    // One physical line (or the part of it in this chunk) per call, so the line count is exact when a
    // record ends.
    while (p < end && !state.stop) {
      const void* newline = std::memchr(p, '\n', static_cast<size_t>(end - p));
      const char* piece_end = newline ? static_cast<const char*>(newline) + 1 : end;
      const size_t length = static_cast<size_t>(piece_end - p);
      if (csv_parse(parser.get(), p, length, OnField, OnRowEnd, &state) != length) {
        return Status::InvalidArgument(fmt::format("{}:{}: CSV syntax error: {}", path, state.current_line,
                                                   csv_strerror(csv_error(parser.get()))));
      }
      if (newline) ++state.current_line;
      ends_with_newline = newline != nullptr;
      p = piece_end;
    }
    done += static_cast<int64_t>(got);
    if (options.on_progress) options.on_progress(done, size);
  }
  if (std::ferror(file.get())) return Status::IoError(fmt::format("read error on '{}'", path));
  if (!state.stop && csv_fini(parser.get(), OnField, OnRowEnd, &state) != 0) {
    const int64_t last_line = state.current_line - (ends_with_newline ? 1 : 0);
    return Status::InvalidArgument(fmt::format("{}:{}: CSV syntax error at end of file: {}", path, last_line,
                                               csv_strerror(csv_error(parser.get()))));
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ReadCsvHeader(const std::string& path) {
  std::vector<std::string> header;
  bool got = false;
  Status status = ReadCsvRows(path, [&](CsvRow& row) {
    header = std::move(row.fields);
    got = true;
    return false;
  });
  if (!got) {
    if (!status.ok()) return status;
    return Status::InvalidArgument(fmt::format("{}: empty file, no header", path));
  }
  return header;
}

ColumnMap::ColumnMap(const std::vector<std::string>& header) : names_(header) {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (i == 0 && names_[i].starts_with(kUtf8Bom)) names_[i].erase(0, kUtf8Bom.size());
    index_.emplace(names_[i], i);
  }
}

const std::string& ColumnMap::Get(const CsvRow& row, std::string_view name) const {
  static const std::string kEmpty;
  auto it = index_.find(std::string(name));
  if (it == index_.end() || it->second >= row.fields.size()) return kEmpty;
  return row.fields[it->second];
}

std::vector<std::string> ColumnMap::Missing(const std::vector<std::string>& required) const {
  std::vector<std::string> missing;
  for (const auto& name : required) {
    if (!Has(name)) missing.push_back(name);
  }
  return missing;
}

std::string DescribeMissingColumns(const std::vector<std::string>& required, const ColumnMap& columns) {
  return fmt::format("expected columns {}; missing {}; the file has: {}", fmt::join(required, ", "),
                     fmt::join(columns.Missing(required), ", "), fmt::join(columns.names(), ", "));
}

}  // namespace vigil
