// CsvTable: streams an RFC 4180 CSV file (libcsv) row by row, with the line each row starts on.
// Quoted fields may hold commas, quotes and newlines.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil {

struct CsvRow {
  int64_t line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Calls `on_row` for every row, header included, in order. Returning false from on_row stops early.
// `on_progress` (optional) receives bytes read and file size every few MiB.
Status ReadCsvRows(const std::string& path, const std::function<bool(const CsvRow&)>& on_row,
                   const std::function<void(int64_t, int64_t)>& on_progress = nullptr);

}  // namespace vigil
