#include "ingest/quarantine.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

namespace vigil {

QuarantineWriter::~QuarantineWriter() { (void)Close(); }

Status QuarantineWriter::Write(const RejectedRecord& record) {
  if (path_.empty()) return Status::Ok();
  if (!file_) {
    file_ = std::fopen(path_.c_str(), "wb");
    if (!file_) return Status::IoError(fmt::format("cannot write quarantine '{}': {}", path_, std::strerror(errno)));
  }
  nlohmann::json line = {{"file", record.file},     {"line", record.line}, {"field", record.field},
                         {"reason", record.reason}, {"raw", record.raw}};
  const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    return Status::IoError(fmt::format("write error on quarantine '{}'", path_));
  }
  return Status::Ok();
}

Status QuarantineWriter::Close() {
  if (!file_) return Status::Ok();
  const int rc = std::fclose(file_);
  file_ = nullptr;
  return rc == 0 ? Status::Ok() : Status::IoError(fmt::format("cannot close quarantine '{}'", path_));
}

std::string DescribeRejection(const RejectedRecord& record) {
  if (record.field.empty()) return fmt::format("{}:{}: {}", record.file, record.line, record.reason);
  return fmt::format("{}:{}: {}: {}", record.file, record.line, record.field, record.reason);
}

}  // namespace vigil
