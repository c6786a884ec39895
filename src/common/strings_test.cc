// The shared string helpers: ASCII lowering that leaves UTF-8 alone, field splitting that keeps empty fields.
#include "common/strings.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(AsciiLower, LowersLatinLettersOnly) {
  EXPECT_EQ(AsciiLower("HTTPS://WWW.Example.COM/Path"), "https://www.example.com/path");
  EXPECT_EQ(AsciiLower("<HTML lang=\"ZH\">卡尼 ÉTÉ"), "<html lang=\"zh\">卡尼 \xC3\x89t\xC3\x89");  // É is not ASCII
  EXPECT_EQ(AsciiLower(""), "");
}

TEST(SplitFields, KeepsEmptyFieldsAndTheLastOne) {
  EXPECT_EQ(SplitFields("carney\tMark Carney\t卡尼|马克·卡尼", '\t'),
            (std::vector<std::string>{"carney", "Mark Carney", "卡尼|马克·卡尼"}));
  EXPECT_EQ(SplitFields("a\t\tb\t", '\t'), (std::vector<std::string>{"a", "", "b", ""}));
  EXPECT_EQ(SplitFields("", '\t'), (std::vector<std::string>{""}));
  EXPECT_EQ(SplitFields("卡尼|", '|'), (std::vector<std::string>{"卡尼", ""}));
}

}  // namespace
}  // namespace vigil
