#include "incident/evidence_cap.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

std::vector<Post> PostsWithLikes(const std::vector<int64_t>& likes) {
  std::vector<Post> posts;
  for (size_t i = 0; i < likes.size(); ++i) {
    Post p;
    p.platform = "x";
    p.id = std::to_string(i);
    p.published_at = static_cast<int64_t>(i) * 60;
    p.metrics.likes = Count::Exact(likes[i]);
    posts.push_back(p);
  }
  return posts;
}

Incident WithEvidence(size_t posts, size_t amplifiers, size_t ties) {
  Incident in;
  in.actor.platform = "x";
  in.actor.account_id = "flood";
  in.window_start = 0;
  in.window_end = 3600;
  for (uint32_t i = 0; i < posts; ++i) in.evidence_posts.push_back(i);
  for (size_t i = 0; i < amplifiers; ++i) {
    Amplification a;
    a.account_id = "amp" + std::to_string(i);
    a.delay_seconds = static_cast<int64_t>(1000 - i);  // slowest first, as a community lists them by name
    in.coordination.amplifiers.push_back(a);
  }
  for (size_t i = 0; i < ties; ++i) in.coordination.ties.push_back({"a", "b", static_cast<int64_t>(ties - i), 0, {}});
  return in;
}

TEST(CapEvidence, KeepsTheStrongestAndCountsAll) {
  const std::vector<Post> posts = PostsWithLikes({5, 90, 7, 80, 3, 70});
  Incident in = WithEvidence(6, 5, 4);
  CapEvidence(posts, 3, &in);
  EXPECT_EQ(in.evidence_posts, (std::vector<uint32_t>{1, 3, 5}));  // the three most liked, in time order
  EXPECT_EQ(in.evidence_counts.posts, 6);
  ASSERT_EQ(in.coordination.amplifiers.size(), 3u);
  EXPECT_EQ(in.coordination.amplifiers[0].delay_seconds, 996);  // the fastest kept
  EXPECT_EQ(in.evidence_counts.amplifiers, 5);
  ASSERT_EQ(in.coordination.ties.size(), 3u);
  EXPECT_EQ(in.coordination.ties[0].weight, 4);
  EXPECT_EQ(in.evidence_counts.ties, 4);
  EXPECT_TRUE(in.evidence_counts.capped);
  EXPECT_EQ(in.evidence_counts.store_query,
            "SELECT * FROM posts WHERE platform = 'x' AND account_id = 'flood' AND published_at BETWEEN 0 AND 3600 "
            "ORDER BY published_at");
}

TEST(CapEvidence, SmallIncidentsAndNoCapKeepEverything) {
  const std::vector<Post> posts = PostsWithLikes({5, 90, 7});
  Incident small = WithEvidence(3, 2, 1);
  CapEvidence(posts, 100, &small);
  EXPECT_EQ(small.evidence_posts.size(), 3u);
  EXPECT_FALSE(small.evidence_counts.capped);
  Incident uncapped = WithEvidence(3, 2, 1);
  CapEvidence(posts, 0, &uncapped);
  EXPECT_EQ(uncapped.evidence_posts.size(), 3u);
  EXPECT_EQ(uncapped.coordination.amplifiers[0].delay_seconds, 1000);  // order untouched
  EXPECT_FALSE(uncapped.evidence_counts.capped);
}

TEST(ActorPostsQuery, QuotesAttackerControlledIdsAsSqlLiterals) {
  Actor actor;
  actor.platform = "x";
  actor.account_id = "o'brien'; DROP TABLE posts; --";
  EXPECT_EQ(ActorPostsQuery(actor, 1, 2),
            "SELECT * FROM posts WHERE platform = 'x' AND account_id = 'o''brien''; DROP TABLE posts; --' AND "
            "published_at BETWEEN 1 AND 2 ORDER BY published_at");
}

}  // namespace
}  // namespace vigil
