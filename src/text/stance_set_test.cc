// The labelled Chinese stance set: sentence counting, Telegram references resolved from the shared
// export, the fixed split, and errors that name the line and field.
#include "text/stance_set.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/testutil/shared_data.h"

namespace vigil::text {
namespace {

TEST(StanceSetTest, SentencesSplitAfterEndPunctuationAndNewlines) {
  EXPECT_EQ(CountedSentences("火绒误杀了文件。  微软称没有问题！\n\n 是吗？ok"),
            (std::vector<std::string>{"火绒误杀了文件。", "微软称没有问题！", "是吗？", "ok"}));
  EXPECT_TRUE(CountedSentences(" \n\n").empty());
}

TEST(StanceSetTest, ErrorsNameLineAndField) {
  const std::string path = testutil::WriteTempFile("stance-set", "set.tsv",
                                                   "# comment\ncold-dev\t1\t黑人\t黑人\tmaybe\t讨厌黑人。\n");
  const auto r = LoadStanceSet(path, "/nonexistent");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("set.tsv:2: label: unknown 'maybe'"), std::string::npos) << r.status().ToString();
  const std::string bad_ref = testutil::WriteTempFile("stance-set", "set.tsv", "telegram\t12\tX\t\tneutral\t\n");
  EXPECT_FALSE(LoadStanceSet(bad_ref, "/nonexistent").ok());
}

TEST(StanceSetTest, ProjectSetLoadsWithTelegramTextsAndBothSplits) {
  VIGIL_REQUIRE_SHARED_DATA("telegram-desktop-export-zh-channel/result.json");
  const auto items = LoadStanceSet(testutil::SourcePath("data/eval/zh_stance.tsv"), *testutil::SharedDataDir());
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  ASSERT_EQ(items->size(), 358u);
  std::set<std::string> labels;
  size_t held_out = 0, telegram = 0;
  for (const StanceItem& item : *items) {
    EXPECT_FALSE(item.text.empty()) << item.ref;
    labels.insert(item.label);
    held_out += item.held_out ? 1 : 0;
    telegram += item.source == "telegram" ? 1 : 0;
  }
  EXPECT_EQ(labels, (std::set<std::string>{"against", "favor", "neutral"}));
  EXPECT_EQ(held_out, 147u);  // fixed by hash before any rule was written (docs/stance-labelling.md)
  EXPECT_EQ(telegram, 148u);
  // A resolved reference: the sentence is read from the export, not stored in the repository.
  for (const StanceItem& item : *items) {
    if (item.source == "telegram" && item.ref == "809:2-2") {
      EXPECT_NE(item.text.find("故不再建议使用"), std::string::npos) << item.text;
    }
  }
}

}  // namespace
}  // namespace vigil::text
