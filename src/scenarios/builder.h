// ScenarioBuilder: what a scenario kind composes its corpus with. It holds the world, the random streams, the
// post factory, the watch configuration being declared and the posts with the truth about each (who wrote it
// and why), and at the end derives the answer key's measured parts from that truth.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "examplegen/post_factory.h"
#include "scenarios/answer_key.h"
#include "scenarios/cast.h"
#include "scenarios/texts.h"
#include "scenarios/world.h"
#include "vigil/post.h"
#include "vigil/watch_config.h"

namespace vigil::scenarios {

// Why a post is in the corpus.
enum class Role {
  kBackground,   // ordinary users, outlets' everyday posts, chatter
  kStateMedia,   // the peer group's output, routine coverage included
  kOperator,     // an operation's own post
  kAmplifier,    // an operation's amplifier passing a post on, or its own everyday post
  kOutlet,       // an independent outlet's campaign coverage
  kCommentator,  // an organic commentator
  kSharer,       // an ordinary user sharing an outlet's link
  kTargetPage,   // a watched target's own post on its own account
  kReplier,      // a reply-spam network's comment on a target's page
  kFan,          // a fan replying to their MP, or sharing a link about them, or their everyday post
};
const char* RoleName(Role role);

struct PostTruth {
  Role role = Role::kBackground;
  int incident = -1;      // index into the key's incidents (operator and amplifier posts of an operation)
  int operation = -1;     // index into the key's network operations (reply-spam comments)
  std::string amplified;  // key of the post passed on (amplifier and sharer posts)
  AmplificationStyle style = AmplificationStyle::kRepost;
  std::vector<std::string> edits;  // copy edits applied
  std::vector<std::string> names;  // target ids whose names the post carries (set by ScenarioBuilder::Add)
};

struct GeneratedPost {
  Post post;
  PostTruth truth;
};

class ScenarioBuilder {
 public:
  ScenarioBuilder(std::string kind, uint64_t seed, const SizeSpec& size, const WorldOptions& world_options,
                  const ScriptConverter& script);

  // An independent random stream for one part of the scenario.
  Rng Stream(std::string_view part) const;
  const World& world() const { return world_; }
  const SizeSpec& size() const { return size_; }
  const TextComposer& texts() const { return texts_; }
  uint64_t seed() const { return seed_; }

  // A post of `account` at `when` carrying `article` the way the platform shows it (WeChat: title and text;
  // Weibo: 【title】text; elsewhere the title, if any, leads the text).
  Post MakePost(const Account& account, int64_t when, const Article& article, Lang lang);
  // Adds a post inside the data's days (a post outside them is dropped: the export does not hold it).
  // Returns whether it was added.
  bool Add(Post post, PostTruth truth);

  void DeclareActor(Actor actor);
  void DeclarePeerGroup(PeerGroup group);
  // One of `target_id`'s own accounts (targets[].accounts in watch.yaml).
  void DeclareTargetAccount(const std::string& target_id, const Account& account);
  // A dated event beside the election calendar (a holiday weekend).
  void DeclareEvent(Event event);
  // Adds a look-alike to the key, or merges its targets into the entry of the same account.
  void AddLookalike(KeyLookalike lookalike);
  // Adds an incident to the key; the returned index goes into PostTruth::incident.
  int AddIncident(KeyIncident incident);
  KeyIncident& Incident(int index) { return key_.incidents[static_cast<size_t>(index)]; }

  // Sorts the posts and completes the key from the truth: windows, post ids, peak engagement, amplifiers,
  // surge days, prior targets and corpus figures.
  void Finish(std::string split);

  const std::vector<GeneratedPost>& posts() const { return posts_; }
  std::vector<GeneratedPost>& mutable_posts() { return posts_; }
  const WatchConfig& watch() const { return watch_; }
  const AnswerKey& key() const { return key_; }
  AnswerKey& mutable_key() { return key_; }

  // Unix seconds at a random minute of `day` (UTC) when people `utc_offset_minutes` from UTC are awake.
  int64_t AwakeTime(Rng& rng, const WorldDay& day, int32_t utc_offset_minutes) const;

 private:
  std::vector<std::string> NamesIn(const Post& post) const;
  void CompleteIncident(size_t index);

  std::string kind_;
  uint64_t seed_;
  SizeSpec size_;
  World world_;
  TextComposer texts_;
  Rng url_rng_;
  examplegen::PostFactory factory_;
  WatchConfig watch_;
  AnswerKey key_;
  std::vector<GeneratedPost> posts_;
  // Per watched target: the strings that name it (aliases and their traditional forms).
  std::vector<std::pair<std::string, std::vector<std::string>>> name_forms_;
};

}  // namespace vigil::scenarios
