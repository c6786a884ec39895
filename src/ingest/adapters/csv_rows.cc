// libcsv wrapper: feeds the file line by line so each record's physical line number is known exactly.
#include "ingest/adapters/csv_rows.h"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>

namespace vigil::adapters {
namespace {

constexpr size_t kMaxRawBytes = 4096;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// State shared with libcsv's C callbacks.
struct ParseState {
  CsvRow row;
  int64_t current_line = 0;       // the physical line being fed
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

// Spaces around unquoted fields are data (tweet text), so nothing counts as trimmable space.
int NoSpace(unsigned char /*c*/) { return 0; }

}  // namespace

std::string CsvRow::Raw() const {
  std::string out;
  for (size_t i = 0; i < fields.size() && out.size() < kMaxRawBytes; ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\n\r") == std::string::npos) {
      out += f;
    } else {
      out += '"';
      for (char c : f) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
  }
  if (out.size() > kMaxRawBytes) out.resize(kMaxRawBytes);
  return out;
}

Status ReadCsvRows(const std::string& path, const std::function<bool(CsvRow&)>& on_row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open file", path));
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return Status::Internal("libcsv init failed");
  csv_set_space_func(&parser, NoSpace);
  ParseState state;
  state.on_row = &on_row;
  std::string line;
  Status status;
  while (!state.stop && std::getline(in, line)) {
    ++state.current_line;
    if (state.current_line == 1 && line.starts_with(kUtf8Bom)) line.erase(0, kUtf8Bom.size());
    if (!in.eof()) line += '\n';
    if (csv_parse(&parser, line.data(), line.size(), OnField, OnRowEnd, &state) != line.size()) {
      status = Status::InvalidArgument(fmt::format("{}:{}: CSV syntax error: {}", path, state.current_line,
                                                   csv_strerror(csv_error(&parser))));
      break;
    }
  }
  if (status.ok() && !state.stop && csv_fini(&parser, OnField, OnRowEnd, &state) != 0) {
    status = Status::InvalidArgument(fmt::format("{}:{}: CSV syntax error at end of file: {}", path,
                                                 state.current_line, csv_strerror(csv_error(&parser))));
  }
  csv_free(&parser);
  return status;
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

}  // namespace vigil::adapters
