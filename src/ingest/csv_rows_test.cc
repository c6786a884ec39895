// Tests for the libcsv wrapper: line numbers across quoted newlines, blank lines and read chunks, strict and
// lenient reading, progress, header lookup.
#include "ingest/csv_rows.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  return testutil::WriteTempFile("csv-rows", name, content);
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

std::vector<CsvRow> ReadAll(const std::string& path, const CsvReadOptions& options = {}) {
  std::vector<CsvRow> rows;
  Status status = ReadCsvRows(
      path,
      [&](CsvRow& row) {
        rows.push_back(row);
        return true;
      },
      options);
  EXPECT_TRUE(status.ok()) << status.message();
  return rows;
}

TEST(CsvRowsTest, BlankLinesAndCrlfKeepLineNumbersExact) {
  const std::string path = WriteTemp("blank.csv", "id,text\r\n\r\n1,a\r\n\n\n2,\"b\r\nc\"\r\n3,d");
  const std::vector<CsvRow> rows = ReadAll(path);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[1].fields[1], "a");
  EXPECT_EQ(rows[2].line, 6);
  EXPECT_EQ(rows[2].fields[1], "b\r\nc");
  EXPECT_EQ(rows[3].line, 8);  // the last record has no line end
  EXPECT_EQ(rows[3].fields[1], "d");
}

TEST(CsvRowsTest, RecordsStraddlingReadChunksKeepTheirFieldsAndLines) {
  // The reader takes a MiB at a time: long quoted fields make records cross chunk boundaries.
  constexpr int kRows = 600;
  const std::string long_text(2500, 'x');
  std::string content = "id,text\n";
  for (int i = 0; i < kRows; ++i) content += std::to_string(i) + ",\"" + long_text + "\n" + long_text + "\"\n";
  const std::string path = WriteTemp("big.csv", content);
  ASSERT_GT(content.size(), 1u << 20);
  std::vector<int64_t> progress;
  CsvReadOptions options;
  options.on_progress = [&](int64_t done, int64_t size) {
    EXPECT_EQ(size, static_cast<int64_t>(content.size()));
    progress.push_back(done);
  };
  const std::vector<CsvRow> rows = ReadAll(path, options);
  ASSERT_EQ(rows.size(), static_cast<size_t>(kRows + 1));
  for (int i = 0; i < kRows; ++i) {
    const CsvRow& row = rows[static_cast<size_t>(i) + 1];
    ASSERT_EQ(row.fields.size(), 2u) << i;
    EXPECT_EQ(row.fields[0], std::to_string(i));
    EXPECT_EQ(row.fields[1], long_text + "\n" + long_text) << i;
    EXPECT_EQ(row.line, 2 + 2 * i) << i;
  }
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), static_cast<int64_t>(content.size()));
}

TEST(CsvRowsTest, LenientReadingKeepsStrayQuotesAndCanTrimSpaces) {
  const std::string path = WriteTemp("lenient.csv", "id,text\n1,\"say \"hi\" now\"\n2,  padded  \n3,\"open\n");
  EXPECT_FALSE(ReadCsvRows(path, [](CsvRow&) { return true; }).ok());  // strict by default
  CsvReadOptions lenient;
  lenient.strict = false;
  lenient.trim_unquoted_spaces = true;
  const std::vector<CsvRow> rows = ReadAll(path, lenient);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields[1], "say \"hi\" now");
  EXPECT_EQ(rows[2].fields[1], "padded");
  EXPECT_EQ(rows[3].line, 4);
  EXPECT_EQ(rows[3].fields[1], "open\n");  // the quote left open takes the rest of the file
}

TEST(CsvRowsTest, StoppingEarlyDeliversNoMoreRows) {
  const std::string path = WriteTemp("stop.csv", "a\n1\n2\n3\n");
  int seen = 0;
  ASSERT_TRUE(ReadCsvRows(path, [&](CsvRow&) { return ++seen < 2; }).ok());
  EXPECT_EQ(seen, 2);
  auto header = ReadCsvHeader(path);
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(*header, std::vector<std::string>{"a"});
  EXPECT_FALSE(ReadCsvHeader(WriteTemp("empty.csv", "")).ok());
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
  EXPECT_NE(status.message().find("b.csv:4:"), std::string::npos) << status.message();  // the last line
}

// Reads with resynchronisation on, collecting rows and damaged spans.
struct Resynced {
  std::vector<CsvRow> rows;
  std::vector<CsvDamage> damage;
  Status status;
};

Resynced ReadResyncing(const std::string& path, CsvReadOptions options = {}) {
  Resynced out;
  options.on_damaged = [&](const CsvDamage& d) { out.damage.push_back(d); };
  out.status = ReadCsvRows(
      path,
      [&](CsvRow& row) {
        out.rows.push_back(row);
        return true;
      },
      options);
  return out;
}

std::vector<std::string> FirstFields(const std::vector<CsvRow>& rows) {
  std::vector<std::string> firsts;
  for (const CsvRow& row : rows) firsts.push_back(row.fields.at(0));
  return firsts;
}

TEST(CsvResync, AnUnterminatedQuoteCostsItsOwnLineOnlyInStrictReading) {
  const std::string content = "id,text\n1,ok\n2,\"never closed\n3,x\n4,\"two\nlines\"\n5,y\n";
  const auto r = ReadResyncing(WriteTemp("strict.csv", content));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(FirstFields(r.rows), (std::vector<std::string>{"id", "1", "3", "4", "5"}));
  ASSERT_EQ(r.damage.size(), 1u);
  EXPECT_EQ(r.damage[0].first_line, 3);
  EXPECT_EQ(r.damage[0].last_line, 3);
  EXPECT_EQ(r.damage[0].raw, "2,\"never closed");
  EXPECT_EQ(r.damage[0].offset, static_cast<int64_t>(content.find("2,")));
  EXPECT_EQ(r.damage[0].length, static_cast<int64_t>(std::string("2,\"never closed\n").size()));
  EXPECT_EQ(r.rows[3].fields[1], "two\nlines") << "a record spanning lines right after the damage is kept";
  EXPECT_EQ(r.rows[3].line, 5);
  EXPECT_EQ(r.rows[3].last_line, 6);
}

TEST(CsvResync, AQuoteLeftOpenInLenientReadingIsCutAtTheNextRecordStart) {
  // Lenient reading takes the quote's text to the next quote; the record then has the wrong field count.
  std::string content = "id,platform,text\n1,x,fine\n2,x,\"opened and never closed\n";
  for (int i = 3; i < 2000; ++i) content += std::to_string(i) + ",x,\"quoted, as exports do\"\n";
  CsvReadOptions lenient;
  lenient.strict = false;
  const auto r = ReadResyncing(WriteTemp("lenient.csv", content), lenient);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.damage.size(), 1u);
  EXPECT_EQ(r.damage[0].first_line, 3);
  EXPECT_EQ(r.damage[0].last_line, 3);
  // The open quote pairs with the next row's opening quote, so the field count happens to match: the stray
  // quote that pairing leaves is what gives it away.
  EXPECT_NE(r.damage[0].reason.find("a quote left open?"), std::string::npos) << r.damage[0].reason;
  ASSERT_EQ(r.rows.size(), 2000u - 1) << "every other record is kept";
  EXPECT_EQ(r.rows.back().fields[0], "1999");
  EXPECT_EQ(r.rows.back().line, 2000);
}

TEST(CsvResync, AQuoteOpenAtTheEndOfTheFileCostsOnlyItsLine) {
  const auto r = ReadResyncing(WriteTemp("tail.csv", "id,text\n1,ok\n2,\"open\n3,y\n"));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(FirstFields(r.rows), (std::vector<std::string>{"id", "1", "3"}));
  ASSERT_EQ(r.damage.size(), 1u);
  EXPECT_EQ(r.damage[0].first_line, 3);
  EXPECT_EQ(r.damage[0].raw, "2,\"open");
}

TEST(CsvResync, WhenNoLaterLineStartsARecordTheWholeSpanIsKeptAsOne) {
  const auto r = ReadResyncing(WriteTemp("span.csv", "a,b,c\n1,2,3\n4,\"x\ny\nz\"q\n"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.damage.size(), 1u);
  EXPECT_EQ(r.damage[0].first_line, 3);
  EXPECT_EQ(r.damage[0].last_line, 5);
  EXPECT_EQ(r.damage[0].raw, "4,\"x\ny\nz\"q");
  EXPECT_EQ(r.rows.size(), 2u);
}

TEST(CsvResync, ARecordLongerThanTheLimitIsDamageAndTheRestIsRead) {
  CsvReadOptions options;
  options.max_record_bytes = 1024;
  std::string content = "id,text\n1,\"";
  for (int i = 0; i < 200; ++i) content += "an open quote swallowing lines\n";
  content += "2,after\n";
  const auto r = ReadResyncing(WriteTemp("long.csv", content), options);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_FALSE(r.damage.empty());
  EXPECT_EQ(r.damage[0].first_line, 2);
  EXPECT_EQ(FirstFields(r.rows).back(), "2");
}

TEST(CsvResync, AnOverlongLineIsKeptAsItsByteRangeOnly) {
  CsvReadOptions options;
  options.max_record_bytes = 4096;
  const std::string dense(100000, ',');
  const std::string content = "a,b\n1,2\n" + dense + "\n3,4\n";
  const auto r = ReadResyncing(WriteTemp("dense.csv", content), options);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.damage.size(), 1u);
  EXPECT_EQ(r.damage[0].first_line, 3);
  EXPECT_TRUE(r.damage[0].raw.empty());
  EXPECT_EQ(r.damage[0].offset, 8);
  EXPECT_EQ(r.damage[0].length, static_cast<int64_t>(dense.size()) + 1);
  EXPECT_EQ(FirstFields(r.rows), (std::vector<std::string>{"a", "1", "3"}));
}

TEST(CsvResync, EveryLineOpeningAQuoteStillEndsAndLosesNothingUnreported) {
  std::string content = "a,b\n";
  constexpr int kLines = 50000;
  for (int i = 0; i < kLines; ++i) content += "x,\"y\n";
  const auto r = ReadResyncing(WriteTemp("hostile.csv", content));
  ASSERT_TRUE(r.status.ok());
  int64_t lines_accounted = static_cast<int64_t>(r.rows.size());
  for (const CsvDamage& d : r.damage) lines_accounted += d.last_line - d.first_line + 1;
  EXPECT_EQ(lines_accounted, kLines + 1) << "every line is a record or part of a damaged span";
}

TEST(CsvResync, RowsCarryTheirExactSourceBytesAndRange) {
  const std::string content = "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n";
  const auto r = ReadResyncing(WriteTemp("crlf.csv", content));
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[1].source, "1,\"x\r\ny\"");
  EXPECT_EQ(r.rows[1].offset, 5);
  EXPECT_EQ(r.rows[1].length, 10);
  EXPECT_EQ(r.rows[2].offset, 15);
}

TEST(CsvResync, DamageBeforeTheHeaderEndsTheRead) {
  const auto r = ReadResyncing(WriteTemp("head.csv", "a,\"b\n1,2\n"));
  EXPECT_FALSE(r.status.ok());
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
  CsvRow short_row;
  short_row.line = 2;
  short_row.fields = {"x"};
  EXPECT_EQ(columns.Get(short_row, "b"), "");
  EXPECT_EQ(columns.Get(short_row, "a"), "x");
}

}  // namespace
}  // namespace vigil
