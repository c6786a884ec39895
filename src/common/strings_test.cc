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

// An account name from a post is the attacker's: printed raw it could retitle the analyst's terminal window,
// move the cursor over earlier lines or hide the rest of the line.
TEST(TerminalText, MakesControlSequencesVisibleAndKeepsTheRest) {
  EXPECT_EQ(TerminalText("\x1b]0;owned\x07有理儿有面"), "\\x1b]0;owned\\x07有理儿有面");
  EXPECT_EQ(TerminalText("a\x1b[2Kb\rc\nd\x7f"), "a\\x1b[2Kb\\x0dc\\x0ad\\x7f");
  EXPECT_EQ(TerminalText("csi \xc2\x9b" "31m"), "csi \\u009b31m");  // the 8-bit CSI, U+009B
  EXPECT_EQ(TerminalText("Chrystia Freeland — é ü 中"), "Chrystia Freeland — é ü 中");
  EXPECT_EQ(TerminalText("\xc2"), "\xc2");  // a truncated sequence is not a control character
}

}  // namespace
}  // namespace vigil
