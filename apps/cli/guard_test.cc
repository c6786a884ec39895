// RunWithoutEscapes: whatever a command throws becomes a message and exit code 1.
#include "apps/cli/guard.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <new>
#include <stdexcept>

#include "apps/cli/commands.h"

namespace vigil::cli {
namespace {

TEST(RunWithoutEscapes, PassesTheBodysExitCodeThrough) {
  EXPECT_EQ(RunWithoutEscapes([] { return kExitPartialInput; }), kExitPartialInput);
}

TEST(RunWithoutEscapes, OutOfMemoryIsAMessageAndExitOne) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(RunWithoutEscapes([]() -> int { throw std::bad_alloc(); }), kExitFailure);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("vigil: out of memory"), std::string::npos);
}

TEST(RunWithoutEscapes, ALibraryExceptionNamesItself) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(RunWithoutEscapes([]() -> int {
              throw std::filesystem::filesystem_error("cannot create directory", "/ro/out",
                                                      std::make_error_code(std::errc::read_only_file_system));
            }),
            kExitFailure);
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("vigil: internal error: "), std::string::npos) << err;
  EXPECT_NE(err.find("/ro/out"), std::string::npos) << err;
}

}  // namespace
}  // namespace vigil::cli
