// LineReader: lines with their numbers and byte offsets, a byte-order mark dropped, and a line longer than
// the cap reported with its exact extent instead of being held in memory.
#include "ingest/line_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

struct ReadLine {
  std::string text;
  int64_t number = 0;
  int64_t offset = 0;
  int64_t length = 0;
  bool overlong = false;
};

std::vector<ReadLine> ReadAll(const std::string& path, size_t max_line_bytes = kMaxLineBytes) {
  LineReader reader(max_line_bytes);
  EXPECT_TRUE(reader.Open(path).ok());
  std::vector<ReadLine> lines;
  std::string_view line;
  int64_t number = 0;
  while (reader.Next(&line, &number)) {
    lines.push_back({std::string(line), number, reader.line_offset(), reader.line_length(), reader.overlong()});
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return lines;
}

TEST(LineReader, GivesEachLineWithItsNumberAndByteRange) {
  const std::string path = testutil::WriteTempFile("lines", "a.txt", "first\r\nsecond\n\nlast");
  const auto lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "first");
  EXPECT_EQ(lines[0].offset, 0);
  EXPECT_EQ(lines[0].length, 7);  // the terminator is part of the line's bytes
  EXPECT_EQ(lines[1].text, "second");
  EXPECT_EQ(lines[1].offset, 7);
  EXPECT_EQ(lines[3].text, "last");
  EXPECT_EQ(lines[3].number, 4);
  EXPECT_EQ(lines[3].offset, 15);
}

TEST(LineReader, DropsAByteOrderMarkBeforeTheFirstLine) {
  const std::string path = testutil::WriteTempFile("lines", "bom.jsonl", "\xEF\xBB\xBF{\"id\":1}\n\xEF\xBB\xBFx\n");
  const auto lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "{\"id\":1}");
  EXPECT_EQ(lines[0].offset, 3);
  EXPECT_EQ(lines[1].text, "\xEF\xBB\xBFx") << "only the file's first bytes can be a byte-order mark";
}

TEST(LineReader, ALineAboveTheCapIsReportedWholeAndReadingGoesOnAtTheNextLine) {
  constexpr size_t kCap = 1 << 16;
  const std::string huge(5 * kCap + 123, '0');
  const std::string path = testutil::WriteTempFile("lines", "huge.jsonl", "before\n" + huge + "\nafter\n");
  const auto lines = ReadAll(path, kCap);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "before");
  EXPECT_TRUE(lines[1].overlong);
  EXPECT_TRUE(lines[1].text.empty()) << "an overlong line is never held whole";
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[1].offset, 7);
  EXPECT_EQ(lines[1].length, static_cast<int64_t>(huge.size()) + 1);
  EXPECT_EQ(lines[2].text, "after");
  EXPECT_FALSE(lines[2].overlong);
  EXPECT_EQ(lines[2].number, 3);
}

TEST(LineReader, MemoryStaysBoundedOnAStreamWithoutNewlines) {
  constexpr size_t kCap = 1 << 16;
  const std::string path = testutil::WriteTempFile("lines", "zeros", std::string(64 * kCap, '\0'));
  LineReader reader(kCap);
  ASSERT_TRUE(reader.Open(path).ok());
  std::string_view line;
  int64_t number = 0;
  ASSERT_TRUE(reader.Next(&line, &number));
  EXPECT_TRUE(reader.overlong());
  EXPECT_EQ(reader.line_length(), static_cast<int64_t>(64 * kCap));
  EXPECT_LE(reader.buffer_capacity(), 4 * kCap) << "the buffer must not grow with the line";
  EXPECT_FALSE(reader.Next(&line, &number));
}

}  // namespace
}  // namespace vigil
