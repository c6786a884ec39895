#include "vigil/status.h"

namespace vigil {

std::string Status::ToString() const {
  switch (code_) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid argument: " + message_;
    case StatusCode::kNotFound: return "not found: " + message_;
    case StatusCode::kIoError: return "I/O error: " + message_;
    case StatusCode::kCorruption: return "corruption: " + message_;
    case StatusCode::kUnsupported: return "unsupported: " + message_;
    case StatusCode::kInternal: return "internal error: " + message_;
    case StatusCode::kRefused: return "refused: " + message_;
    case StatusCode::kCancelled: return "cancelled: " + message_;
  }
  return message_;
}

}  // namespace vigil
