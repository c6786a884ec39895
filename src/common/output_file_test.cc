// OutputFile: every file Vigil writes is replaced whole through a temporary file, appends only where asked,
// and never opens one of the command's inputs.
#include "common/output_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/testutil/shared_data.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using testutil::MakeTempDir;
using testutil::ReadFile;

std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class OutputFileTest : public ::testing::Test {
 protected:
  void TearDown() override { ClearProtectedInputs(); }
};

TEST_F(OutputFileTest, ReplacesAFileWholeAndLeavesNoTemporary) {
  const std::string dir = MakeTempDir("out");
  std::ofstream(dir + "/report.json") << "old content that is longer than the new one";
  ASSERT_TRUE(WriteFileAtomically(dir + "/report.json", "new").ok());
  EXPECT_EQ(ReadFile(dir + "/report.json"), "new");
  EXPECT_EQ(FilesIn(dir), std::vector<std::string>{"report.json"});
}

TEST_F(OutputFileTest, CreatesMissingParentFolders) {
  const std::string dir = MakeTempDir("out");
  ASSERT_TRUE(WriteFileAtomically(dir + "/a/b/report.md", "x").ok());
  EXPECT_EQ(ReadFile(dir + "/a/b/report.md"), "x");
}

TEST_F(OutputFileTest, AFileNeverCommittedLeavesTheOldOneAndNoTemporary) {
  const std::string dir = MakeTempDir("out");
  std::ofstream(dir + "/posts.jsonl") << "kept";
  {
    auto file = OutputFile::Create(dir + "/posts.jsonl");
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    ASSERT_TRUE(file->Write("half of a file").ok());
  }  // dropped without Commit, as on an error path
  EXPECT_EQ(ReadFile(dir + "/posts.jsonl"), "kept");
  EXPECT_EQ(FilesIn(dir), std::vector<std::string>{"posts.jsonl"});
}

TEST_F(OutputFileTest, WritesThroughASymbolicLinkToItsTarget) {
  const std::string dir = MakeTempDir("out");
  std::ofstream(dir + "/real.md") << "old";
  fs::create_symlink(dir + "/real.md", dir + "/link.md");
  ASSERT_TRUE(WriteFileAtomically(dir + "/link.md", "new").ok());
  EXPECT_TRUE(fs::is_symlink(dir + "/link.md"));
  EXPECT_EQ(ReadFile(dir + "/real.md"), "new");
}

TEST_F(OutputFileTest, APipeOrDeviceIsWrittenInPlace) {
  const std::string dir = MakeTempDir("out");
  ASSERT_TRUE(WriteFileAtomically("/dev/null", "discarded").ok());
  EXPECT_TRUE(FilesIn(dir).empty());
}

TEST_F(OutputFileTest, RefusesToReplaceAProtectedInputByAnyName) {
  const std::string dir = MakeTempDir("out");
  const std::string input = dir + "/posts.jsonl";
  std::ofstream(input) << "input bytes";
  fs::create_symlink(input, dir + "/symlink.jsonl");
  fs::create_hard_link(input, dir + "/hardlink.jsonl");
  ASSERT_TRUE(ProtectInput(input).ok());
  for (const std::string& name : {input, dir + "/symlink.jsonl", dir + "/hardlink.jsonl", dir + "/./posts.jsonl"}) {
    const Status replace = WriteFileAtomically(name, "overwritten");
    EXPECT_EQ(replace.code(), StatusCode::kRefused) << name;
    EXPECT_NE(replace.message().find("is an input of this command"), std::string::npos) << replace.message();
    auto append = OutputFile::Append(name);
    EXPECT_FALSE(append.ok()) << name;
  }
  EXPECT_EQ(ReadFile(input), "input bytes");
}

TEST_F(OutputFileTest, ProtectingAFolderProtectsTheFilesInIt) {
  const std::string dir = MakeTempDir("out");
  fs::create_directories(dir + "/pages");
  std::ofstream(dir + "/pages/a.html") << "<html>";
  ASSERT_TRUE(ProtectInput(dir + "/pages").ok());
  EXPECT_FALSE(WriteFileAtomically(dir + "/pages/a.html", "x").ok());
  EXPECT_TRUE(WriteFileAtomically(dir + "/pages/b.jsonl", "x").ok());
  EXPECT_EQ(ReadFile(dir + "/pages/a.html"), "<html>");
}

TEST_F(OutputFileTest, AppendKeepsWhatWasThere) {
  const std::string dir = MakeTempDir("out");
  for (const char* line : {"first\n", "second\n"}) {
    auto file = OutputFile::Append(dir + "/rejected.jsonl");
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    ASSERT_TRUE(file->Write(line).ok());
    ASSERT_TRUE(file->Commit().ok());
  }
  EXPECT_EQ(ReadFile(dir + "/rejected.jsonl"), "first\nsecond\n");
}

TEST_F(OutputFileTest, AnAppendNeverCommittedIsRolledBack) {
  const std::string dir = MakeTempDir("out");
  std::ofstream(dir + "/rejected.jsonl") << "earlier run\n";
  {
    auto file = OutputFile::Append(dir + "/rejected.jsonl");
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE(file->Write(std::string(3 << 20, 'x')).ok());  // past the buffer: some bytes reached the file
  }
  EXPECT_EQ(ReadFile(dir + "/rejected.jsonl"), "earlier run\n");
}

TEST_F(OutputFileTest, AFolderThatCannotBeCreatedIsNamedWithTheSystemsReason) {
  const std::string dir = MakeTempDir("out");
  std::ofstream(dir + "/plain-file") << "x";
  const Status s = WriteFileAtomically(dir + "/plain-file/sub/report.json", "x");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("cannot create folder"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("Not a directory"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace vigil
