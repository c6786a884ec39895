// Locating test inputs: the project's own files and the shared real data sets beside the project root.
// VIGIL_SHARED_DATA overrides the default ../shared/data. In CI (CI=true) a missing data set fails the test;
// elsewhere the test is skipped with the reason.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

namespace vigil::testutil {

// Absolute path of the shared data root, or nullopt when it is not present.
std::optional<std::string> SharedDataDir();
// Absolute path of a file or folder under the shared data root (may not exist).
std::string SharedDataPath(const std::string& relative);
// Absolute path of a file in this repository.
std::string SourcePath(const std::string& relative);
// True when running under CI, where shared data must be present.
bool InCi();
// A fresh empty temporary directory, unique per call.
std::string MakeTempDir(const std::string& prefix);
// Writes `content` to a file called `name` in a fresh temporary directory (MakeTempDir(prefix)); its path.
std::string WriteTempFile(const std::string& prefix, const std::string& name, const std::string& content);
// Whole file as a string ("" when unreadable).
std::string ReadFile(const std::string& path);

}  // namespace vigil::testutil

// Skips the test (or fails it under CI) when the shared data set `relative` is missing.
#define VIGIL_REQUIRE_SHARED_DATA(relative)                                              \
  do {                                                                                    \
    const std::string vigil_path_ = ::vigil::testutil::SharedDataPath(relative);          \
    if (!::vigil::testutil::SharedDataDir() || !std::filesystem::exists(vigil_path_)) {  \
      if (::vigil::testutil::InCi()) FAIL() << "shared data missing in CI: " << vigil_path_; \
      GTEST_SKIP() << "shared data not present: " << vigil_path_                          \
                   << " (set VIGIL_SHARED_DATA to the shared data folder)";               \
    }                                                                                     \
  } while (0)
