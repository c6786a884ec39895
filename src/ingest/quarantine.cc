// Quarantine writer (see quarantine.h): one JSON object per rejected record, appended under the run's id.
#include "ingest/quarantine.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>

#include "common/utf8.h"

namespace vigil {
namespace {

// JSON strings hold only valid UTF-8: other bytes are kept exactly as hexadecimal.
std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xF]);
  }
  return out;
}

}  // namespace

std::string NewRunId() {
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  std::random_device entropy;
  return fmt::format("{:%Y%m%dT%H%M%SZ}-{:08x}", now, entropy());
}

std::string QuarantineLine(const RejectedRecord& record, const std::string& run_id) {
  nlohmann::ordered_json line;
  line["run"] = run_id;
  line["file"] = record.file;
  line["line"] = record.line;
  if (record.last_line > record.line) line["last_line"] = record.last_line;
  if (record.offset >= 0) {
    line["offset"] = record.offset;
    line["length"] = record.length;
  }
  line["field"] = record.field;
  line["reason"] = record.reason;
  const bool too_large = record.raw.size() > kMaxQuarantinedRawBytes && record.offset >= 0;
  if (!too_large) {
    if (IsValidUtf8(record.raw)) {
      line["raw"] = record.raw;
    } else {
      line["raw_hex"] = Hex(record.raw);
    }
  }
  // Messages quote the input: a reason may carry invalid UTF-8, which is replaced (the raw record is exact).
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

QuarantineWriter::~QuarantineWriter() { (void)Close(); }

Status QuarantineWriter::Write(const RejectedRecord& record) {
  if (path_.empty()) return Status::Ok();
  if (!file_) {
    auto opened = OutputFile::Append(path_);
    if (!opened.ok()) return opened.status();
    file_.emplace(std::move(opened).value());
  }
  return file_->Write(QuarantineLine(record, run_id_) + "\n");
}

Status QuarantineWriter::Close() {
  if (!file_) return Status::Ok();
  Status committed = file_->Commit();
  file_.reset();
  return committed;
}

std::string DescribeRejection(const RejectedRecord& record) {
  const std::string where = record.last_line > record.line ? fmt::format("{}-{}", record.line, record.last_line)
                                                           : std::to_string(record.line);
  if (record.field.empty()) return fmt::format("{}:{}: {}", record.file, where, record.reason);
  return fmt::format("{}:{}: {}: {}", record.file, where, record.field, record.reason);
}

}  // namespace vigil
