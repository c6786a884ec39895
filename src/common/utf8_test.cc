// Tests for UTF-8 validation and repair.
#include "common/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil {
namespace {

TEST(Utf8, ValidTextIsKeptByteForByte) {
  for (const std::string text : {"", "plain", "有理儿有面 → Carney", "emoji 😀", "\xEF\xBF\xBD"}) {
    EXPECT_TRUE(IsValidUtf8(text)) << text;
    EXPECT_EQ(ToValidUtf8(text), text);
  }
}

TEST(Utf8, IllFormedSequencesBecomeReplacementCharacters) {
  EXPECT_FALSE(IsValidUtf8("ok \xC3\x28"));
  EXPECT_EQ(ToValidUtf8("ok \xC3\x28 end"), "ok \uFFFD( end");
  EXPECT_EQ(ToValidUtf8("\xFF\xFE"), "\uFFFD\uFFFD");
  EXPECT_EQ(ToValidUtf8("\xC0\xAF"), "\uFFFD\uFFFD");                // overlong '/'
  EXPECT_EQ(ToValidUtf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");      // a UTF-16 surrogate
  EXPECT_EQ(ToValidUtf8("卡\xE5\x8D"), "卡\uFFFD");                   // cut in the middle of a character
  EXPECT_TRUE(IsValidUtf8(ToValidUtf8("\xF8\x88\x80\x80\x80 x \xF4\x90\x80\x80")));
}

}  // namespace
}  // namespace vigil
