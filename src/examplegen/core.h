// The case's core: every post whose volume does not scale (state-media baseline, Youli-Youmian's own
// history, the amplifier network's rare posts, and the campaigns against Chong, Freeland and Carney).
// Each part draws from its own random stream, so the core is identical at any background volume.
#pragma once

#include <cstdint>
#include <vector>

#include "examplegen/calendar.h"
#include "examplegen/phrases.h"
#include "examplegen/post_factory.h"
#include "vigil/post.h"

namespace vigil::examplegen {

// Interactions the operation's Carney articles draw (the case: 85,000-130,000 each).
inline constexpr int64_t kCarneyInteractionsMin = 88000;
inline constexpr int64_t kCarneyInteractionsMax = 127000;
// Amplifiers repost the main articles this many seconds after them.
inline constexpr int64_t kRepostDelayMin = 30;
inline constexpr int64_t kRepostDelayMax = 600;

// All core posts, sorted by time.
std::vector<Post> GenerateCore(uint64_t seed, const std::vector<Day>& days);

// Parts of the core (baseline.cc, campaigns.cc); each appends to `out`.
void AddStateMediaBaseline(uint64_t seed, const std::vector<Day>& days, PostFactory& factory, std::vector<Post>& out);
void AddYouliDaily(uint64_t seed, const std::vector<Day>& days, PostFactory& factory, std::vector<Post>& out);
void AddAmplifierChatter(uint64_t seed, const std::vector<Day>& days, PostFactory& factory, std::vector<Post>& out);
void AddChongCampaign(uint64_t seed, PostFactory& factory, std::vector<Post>& out);
void AddFreelandCampaign(uint64_t seed, PostFactory& factory, std::vector<Post>& out);
void AddCarneyOperation(uint64_t seed, PostFactory& factory, std::vector<Post>& out);

// A WeChat publication time on the local (+08:00) day starting at `day_start`: mostly daytime and evening.
int64_t DrawWechatTime(Rng& rng, int64_t day_start);
// Seconds between a main article and an amplifier's repost: 30 s..10 min, most within a few minutes.
int64_t DrawRepostDelay(Rng& rng);
// An amplifier's repost of `source`: repost_of = its id, links = [its url], text a near-duplicate.
Post AmplifierRepost(Rng& rng, PostFactory& factory, const Account& amplifier, const Post& source, int64_t delay);

// Orders posts by time, then platform and id (a total order, so output is reproducible).
bool PostOrder(const Post& a, const Post& b);

}  // namespace vigil::examplegen
