// Input protection and write exit codes shared by the subcommands (outputs.h).
#include "apps/cli/outputs.h"

#include <fmt/format.h>

#include <filesystem>

#include "apps/cli/commands.h"
#include "common/output_file.h"
#include "vigil/store.h"

namespace vigil::cli {

void ProtectInputs(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    if (path.empty()) continue;
    if (Status s = ProtectInput(path); !s.ok()) {
      fmt::print(stderr, "vigil: {}\n", s.message());
      throw Exit{kExitFailure};
    }
  }
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kUnsupported:
    case StatusCode::kRefused: return kExitUsage;
    case StatusCode::kCancelled: return kExitInterrupted;
    case StatusCode::kNotFound:
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
    case StatusCode::kInternal: break;
  }
  return kExitFailure;
}

void RefuseOutputThatIsAnInput(const std::string& output) {
  if (Status s = CheckNotAnInput(output); !s.ok()) {
    fmt::print(stderr, "vigil: {}\n", s.message());
    throw Exit{kExitUsage};
  }
}

void ProtectStore(const std::string& store) {
  if (!IsPostgresStoreUri(store)) ProtectInputs({store});
}

void RefuseStoreThatIsAnInput(const std::string& store) {
  if (!IsPostgresStoreUri(store)) RefuseOutputThatIsAnInput(store);
}

void RefuseSameFile(const std::string& output, const std::string& other) {
  std::error_code ec;
  const auto a = std::filesystem::weakly_canonical(output, ec);
  const auto b = std::filesystem::weakly_canonical(other, ec);
  if (ec || a != b) return;
  fmt::print(stderr, "vigil: '{}' and '{}' name the same file; give each output its own\n", output, other);
  throw Exit{kExitUsage};
}

}  // namespace vigil::cli
