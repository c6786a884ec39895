// Internal: the streaming reader of the 4-column share file (object_id, account_id, content_id,
// timestamp_share) behind ReadShareCsv and the streaming DetectGroupsInCsv. RFC 4180: quoted fields may hold
// commas, doubled quotes and line breaks; any number of columns. A damaged record never swallows the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/coordination.h"
#include "vigil/status.h"

namespace vigil::coord {

// The longest record the reader assembles (a quoted field may span lines). A longer one is refused by its
// first line and byte count, never held whole, so memory stays bounded on any input (even /dev/zero).
constexpr size_t kMaxShareRecordBytes = size_t{8} << 20;

// One parsed data row. Views are valid during the on_row call only.
struct ShareRow {
  std::string_view object, account, content;
  int64_t time = 0;
  int64_t line = 0;  // 1-based physical line on which the record starts
};

// Streams a share file: calls `on_row` for every good row and `on_error` for every bad one (with the whole
// record as raw, or its size when above kMaxShareRecordBytes). An unterminated quote costs its own line
// only: the lines after it are read again as records. Fails only when the file cannot be read or has no
// usable header. With `only_lines` (sorted record start lines from an earlier scan), other records are
// skipped unparsed.
Status ScanShareCsv(const std::string& path, const std::function<void(const ShareRow&)>& on_row,
                    const std::function<void(ShareRowError)>& on_error, int64_t* rows_read,
                    const std::vector<int64_t>* only_lines = nullptr);

// Splits one complete CSV record into fields, unquoting quoted ones into `scratch` (the views stay valid
// until the next call). False when a quote is left open or text other than the separator follows a closing
// quote.
bool SplitShareRecord(std::string_view record, std::vector<std::string_view>& fields, std::string& scratch);

}  // namespace vigil::coord
