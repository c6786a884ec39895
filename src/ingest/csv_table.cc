#include "ingest/csv_table.h"

#include <csv.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/stat.h>

namespace vigil {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

// State shared with libcsv's C callbacks.
struct RowBuilder {
  CsvRow row;
  int64_t next_line = 1;         // line on which the next row starts
  int64_t newlines_in_row = 0;   // newlines inside quoted fields of the current row
  const std::function<bool(const CsvRow&)>* on_row = nullptr;
  bool stopped = false;

  static void OnField(void* data, size_t len, void* self) {
    auto* b = static_cast<RowBuilder*>(self);
    const char* text = static_cast<const char*>(data);
    b->row.fields.emplace_back(text, len);
    for (size_t i = 0; i < len; ++i) b->newlines_in_row += text[i] == '\n';
  }

  static void OnRowEnd(int /*terminator*/, void* self) {
    auto* b = static_cast<RowBuilder*>(self);
    b->row.line = b->next_line;
    b->next_line += 1 + b->newlines_in_row;
    b->newlines_in_row = 0;
    if (!b->stopped && !(*b->on_row)(b->row)) b->stopped = true;
    b->row.fields.clear();
  }
};

struct ParserDeleter {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};

}  // namespace

Status ReadCsvRows(const std::string& path, const std::function<bool(const CsvRow&)>& on_row,
                   const std::function<void(int64_t, int64_t)>& on_progress) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::NotFound(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  struct stat st {};
  const int64_t size = ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;

  std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_APPEND_NULL) != 0) return Status::Internal("csv_init failed");
  RowBuilder builder;
  builder.on_row = &on_row;

  std::vector<char> chunk(kChunkBytes);
  int64_t done = 0;
  bool first_chunk = true;
  while (!builder.stopped) {
    size_t got = std::fread(chunk.data(), 1, chunk.size(), file.get());
    if (got == 0) break;
    size_t offset = 0;
    if (first_chunk && got >= 3 && std::memcmp(chunk.data(), "\xEF\xBB\xBF", 3) == 0) offset = 3;  // UTF-8 BOM
    first_chunk = false;
    if (csv_parse(parser.get(), chunk.data() + offset, got - offset, RowBuilder::OnField, RowBuilder::OnRowEnd,
                  &builder) != got - offset) {
      return Status::InvalidArgument(fmt::format("{}:{}: CSV syntax error: {}", path, builder.next_line,
                                                 csv_strerror(csv_error(parser.get()))));
    }
    done += static_cast<int64_t>(got);
    if (on_progress) on_progress(done, size);
  }
  if (std::ferror(file.get())) return Status::IoError(fmt::format("read error on '{}'", path));
  if (!builder.stopped) csv_fini(parser.get(), RowBuilder::OnField, RowBuilder::OnRowEnd, &builder);
  return Status::Ok();
}

}  // namespace vigil
