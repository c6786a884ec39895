#include "tests/testutil/shared_data.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace vigil::testutil {
namespace fs = std::filesystem;

namespace {
std::string SharedRoot() {
  const char* env = std::getenv("VIGIL_SHARED_DATA");
  return env && *env ? std::string(env) : std::string(VIGIL_DEFAULT_SHARED_DATA);
}
}  // namespace

std::optional<std::string> SharedDataDir() {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(SharedRoot(), ec);
  if (ec || !fs::is_directory(root)) return std::nullopt;
  return root.string();
}

std::string SharedDataPath(const std::string& relative) {
  return (fs::path(SharedRoot()) / relative).lexically_normal().string();
}

std::string SourcePath(const std::string& relative) {
  return (fs::path(VIGIL_PROJECT_SOURCE_DIR) / relative).string();
}

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

std::string MakeTempDir(const std::string& prefix) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 (prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string WriteTempFile(const std::string& prefix, const std::string& name, const std::string& content) {
  const std::string path = MakeTempDir(prefix) + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace vigil::testutil
