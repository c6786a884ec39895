// CheckingSink: the shared checks on posts from any reader, and one post per id within an input.
#include "ingest/checking_sink.h"

#include <gtest/gtest.h>

#include "tests/testutil/collecting_sink.h"

namespace vigil {
namespace {

Post MakePost(std::string id, std::string account, std::string text, int64_t line) {
  Post p;
  p.id = std::move(id);
  p.platform = "x";
  p.account_id = std::move(account);
  p.published_at = 1741600000;
  p.text = std::move(text);
  p.source_file = "in.csv";
  p.source_line = line;
  return p;
}

TEST(CheckingSink, KeepsTheFirstOfAnIdSkipsExactRepeatsAndRejectsDifferentRecords) {
  testutil::CollectingSink out;
  CheckingSink sink(out);
  for (Post p : {MakePost("1", "a", "t", 1), MakePost("1", "a", "t", 2), MakePost("1", "b", "t", 3),
                 MakePost("1", "a", "edited", 4), MakePost("2", "a", "t", 5)}) {
    sink.Accept(p);
  }
  ASSERT_EQ(out.posts.size(), 2u);
  EXPECT_EQ(out.posts[0].source_line, 1);
  EXPECT_EQ(sink.repeated(), 1);
  ASSERT_EQ(out.rejects.size(), 2u);
  EXPECT_EQ(out.rejects[0].line, 3);
  EXPECT_EQ(out.rejects[0].field, "id");
  EXPECT_NE(out.rejects[0].reason.find("first read on line 1"), std::string::npos) << out.rejects[0].reason;
  EXPECT_NE(out.rejects[1].raw.find("\"text\":\"edited\""), std::string::npos) << "kept as the post it became";
}

TEST(CheckingSink, IdsAreUniquePerInputNotAcrossInputs) {
  testutil::CollectingSink out;
  CheckingSink sink(out);
  Post first = MakePost("1", "a", "t", 1);
  sink.Accept(first);
  sink.StartInput();
  Post refreshed = MakePost("1", "a", "new counts", 1);
  sink.Accept(refreshed);
  EXPECT_EQ(out.posts.size(), 2u);
  EXPECT_TRUE(out.rejects.empty());
}

TEST(CheckingSink, AppliesTheSharedChecksToAdapterPosts) {
  testutil::CollectingSink out;
  CheckingSink sink(out);
  Post blank = MakePost(" \t", "a", "t", 1);
  Post bad_utf8 = MakePost("2", "a", "caf\xC3", 2);
  Post split_link = MakePost("3", "a", "t", 3);
  split_link.links = {"https://a.example/1\nhttps://b.example/2"};
  Post space_url = MakePost("4", "a", "t", 4);
  space_url.url = "https://a.example/x y";
  for (Post* p : {&blank, &bad_utf8, &split_link, &space_url}) sink.Accept(*p);
  EXPECT_TRUE(out.posts.empty());
  ASSERT_EQ(out.rejects.size(), 4u);
  EXPECT_EQ(out.rejects[0].field, "id");
  EXPECT_EQ(out.rejects[1].field, "text");
  EXPECT_NE(out.rejects[1].reason.find("byte 0xC3 at byte 3"), std::string::npos) << out.rejects[1].reason;
  EXPECT_EQ(out.rejects[2].field, "links[0]");
  EXPECT_EQ(out.rejects[3].field, "url");
}

}  // namespace
}  // namespace vigil
