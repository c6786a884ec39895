// Status and Result<T>: expected failures as values. Exceptions from libraries are caught in the adapter
// that calls the library and turned into a Status there; asserts are reserved for our own bugs.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace vigil {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input: a record, a flag, a configuration value
  kNotFound,         // a file, a record or an id that does not exist
  kIoError,          // the operating system or a storage engine failed
  kCorruption,       // stored data no longer makes sense
  kUnsupported,      // a format or option we recognise but do not handle
  kInternal,         // our own bug surfaced as a value rather than a crash
  kRefused,          // a request that would destroy data, e.g. an output path that names an input
  kCancelled,        // the caller asked the work to stop (vigil::CancelFlag)
};

// A Status is ok, or carries a code and a message that names what failed and where.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {StatusCode::kUnsupported, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }
  static Status Refused(std::string msg) { return {StatusCode::kRefused, std::move(msg)}; }
  static Status Cancelled(std::string msg) { return {StatusCode::kCancelled, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds a value or a non-ok Status (g++ 12 has no std::expected).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace vigil

#define VIGIL_CONCAT_INNER(a, b) a##b
#define VIGIL_CONCAT(a, b) VIGIL_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function when `expr` is not ok.
#define VIGIL_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::vigil::Status vigil_status_ = (expr);    \
    if (!vigil_status_.ok()) return vigil_status_; \
  } while (0)

// Declares `lhs` from a Result, or returns its Status from the enclosing function.
#define VIGIL_ASSIGN_OR_RETURN(lhs, expr) \
  VIGIL_ASSIGN_OR_RETURN_IMPL(VIGIL_CONCAT(vigil_result_, __LINE__), lhs, expr)
#define VIGIL_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
