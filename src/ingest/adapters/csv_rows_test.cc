// Tests for the libcsv wrapper: line numbers across quoted newlines, syntax errors, header lookup.
#include "ingest/adapters/csv_rows.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/testutil/shared_data.h"

namespace vigil::adapters {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = testutil::MakeTempDir("csv-rows") + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(CsvRowsTest, ReportsTheLineEachRecordStartsOnAcrossQuotedNewlines) {
  const std::string path = WriteTemp("a.csv", "\xEF\xBB\xBFid,text\n1,\"two\nlines\"\n2,  spaced  \n3,\"say \"\"hi\"\"\"\n");
  std::vector<CsvRow> rows;
  ASSERT_TRUE(ReadCsvRows(path, [&](CsvRow& row) {
                rows.push_back(row);
                return true;
              }).ok());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields[0], "id");  // byte-order mark removed
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].fields[1], "two\nlines");
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[2].fields[1], "  spaced  ");  // spaces are data
  EXPECT_EQ(rows[3].line, 5);
  EXPECT_EQ(rows[3].fields[1], "say \"hi\"");
  EXPECT_EQ(rows[3].Raw(), "3,\"say \"\"hi\"\"\"");
}

TEST(CsvRowsTest, UnterminatedQuoteIsAnErrorNamingTheLineAndEarlierRowsAreKept) {
  const std::string path = WriteTemp("b.csv", "id,text\n1,ok\n2,\"never closed\n3,x\n");
  int rows = 0;
  Status status = ReadCsvRows(path, [&](CsvRow&) {
    ++rows;
    return true;
  });
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("b.csv:"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("CSV syntax error"), std::string::npos) << status.message();
  EXPECT_EQ(rows, 2);
}

TEST(CsvRowsTest, MissingFileIsNotFound) {
  EXPECT_EQ(ReadCsvRows("/nonexistent/x.csv", [](CsvRow&) { return true; }).code(), StatusCode::kNotFound);
}

TEST(CsvRowsTest, ColumnMapNamesMissingColumns) {
  ColumnMap columns({"a", "b"});
  EXPECT_TRUE(columns.Has("b"));
  EXPECT_EQ(columns.Missing({"a", "c"}), std::vector<std::string>{"c"});
  const std::string message = DescribeMissingColumns({"a", "c"}, columns);
  EXPECT_EQ(message, "expected columns a, c; missing c; the file has: a, b");
  CsvRow short_row{2, {"x"}};
  EXPECT_EQ(columns.Get(short_row, "b"), "");
  EXPECT_EQ(columns.Get(short_row, "a"), "x");
}

}  // namespace
}  // namespace vigil::adapters
