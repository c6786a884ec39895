// The reference-case AnalysisReport fixture. Figures follow the public reporting on the case; post texts
// are written for the fixture.
#include "tests/testutil/report_fixture.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/time.h"

namespace vigil::testutil {
namespace {

int64_t At(const char* rfc3339) { return ParseTimestamp(rfc3339).value().unix_seconds; }

constexpr int kAmplifiers = 30;
constexpr uint32_t kCarney = 0, kChong = 1, kFreeland = 2;

struct ActorPost {
  const char* time;
  const char* title;
  const char* text;
  int64_t likes, shares, comments;
  int64_t views;        // 0: not shown
  bool views_censored;  // WeChat shows "10万+" past 100,000 reads
  Stance stance;
};

// The actor's posts about Carney: two bursts, around the leadership win and the election call.
const ActorPost kActorPosts[] = {
    {"2025-02-20T10:00:00+08:00", "加拿大自由党党魁竞选进入最后阶段", "卡尼与方慧兰的党魁之争进入最后阶段，华人选民关注经济政策。", 9000, 3000,
     1200, 28000, false, Stance::kNeutral},
    {"2025-03-10T07:30:00+08:00", "卡尼当选自由党党魁：他是谁？", "马克·卡尼以压倒性票数当选自由党党魁，这位前央行行长被称为“危机管理专家”。", 70000, 38000,
     22000, 100000, true, Stance::kFavor},
    {"2025-03-10T12:00:00+08:00", "卡尼的对华立场令人担忧", "卡尼曾表示中国是加拿大面临的最大安全威胁，华人社区应警惕其政策。", 61000, 22000,
     14000, 100000, true, Stance::kAgainst},
    {"2025-03-10T20:15:00+08:00", "卡尼上台，华人移民政策会变吗？", "卡尼在移民政策上的表态模糊，留学生和新移民都在观望。", 52000, 21000, 12000,
     100000, true, Stance::kNeutral},
    {"2025-03-11T09:00:00+08:00", "卡尼与特朗普的关税之争", "卡尼强硬回应美国关税，称加拿大不会屈服，网友热议。", 48000, 19000, 18000, 100000,
     true, Stance::kFavor},
    {"2025-03-25T08:00:00+08:00", "大选提前！卡尼宣布4月28日投票", "卡尼宣布提前大选，称需要强有力的授权应对美国威胁。", 66000, 35000, 17000,
     100000, true, Stance::kFavor},
    {"2025-03-25T18:30:00+08:00", "卡尼的财富和利益冲突问题", "卡尼在布鲁克菲尔德的职位引发利益冲突质疑，华人选民该如何看？", 58000, 24000, 13000,
     100000, true, Stance::kAgainst},
    {"2025-03-26T10:00:00+08:00", "华人选民：这次大选该投给谁？", "卡尼与博励治的政策对比，住房、移民和对华关系是华人最关心的问题。", 41000, 16000,
     28000, 100000, true, Stance::kNeutral},
    {"2025-04-02T10:00:00+08:00", "自由党竞选纲领发布", "卡尼公布竞选纲领，重点是经济和国防。", 8000, 2500, 1500, 26000, false,
     Stance::kNeutral},
};

// Peer state-media accounts' posts that form the engagement baseline.
const char* const kPeerAccounts[][2] = {{"gh_peoplesdaily", "人民日报"}, {"gh_xinhua", "新华社"}, {"gh_cctvnews", "央视新闻"}};

Post MakeActorPost(const ActorPost& spec, int index) {
  Post post;
  post.platform = "wechat";
  post.id = fmt::format("MzA5NzQ2MTEwMA==/2652{:06d}/1", 100 + index);
  post.account_id = "gh_youliyoumian";
  post.account_name = "有理儿有面";
  auto parsed = ParseTimestamp(spec.time).value();
  post.published_at = parsed.unix_seconds;
  post.utc_offset_minutes = parsed.utc_offset_minutes;
  post.title = spec.title;
  post.text = spec.text;
  post.url = fmt::format("https://mp.weixin.qq.com/s?__biz=MzA5NzQ2MTEwMA==&mid=2652{:06d}&idx=1", 100 + index);
  post.lang = "zh";
  post.metrics.likes = Count::Exact(spec.likes);
  post.metrics.shares = Count::Exact(spec.shares);
  post.metrics.comments = Count::Exact(spec.comments);
  if (spec.views > 0) {
    post.metrics.views = spec.views_censored ? Count::AtLeast(spec.views) : Count::Exact(spec.views);
  }
  post.source_file = "examples/canada-2025/posts.jsonl";
  post.source_line = index + 1;
  return post;
}

WatchConfig MakeConfig() {
  WatchConfig config;
  config.targets = {
      {"carney", "Mark Carney", "Liberal", {"Mark Carney", "Carney", "卡尼", "马克·卡尼"}},
      {"chong", "Michael Chong", "Conservative", {"Michael Chong", "庄文浩", "Chong"}},
      {"freeland", "Chrystia Freeland", "Liberal", {"Chrystia Freeland", "方慧兰", "Freeland"}},
  };
  Actor actor;
  actor.platform = "wechat";
  actor.account_id = "gh_youliyoumian";
  actor.name = "有理儿有面 (Youli-Youmian)";
  actor.affiliation = Affiliation::kStateLinked;
  actor.country = "CN";
  actor.notes = "WeChat's most-read news account; linked to the Central Political and Legal Affairs Commission";
  config.actors.push_back(actor);
  PeerGroup peers;
  peers.id = "cn-state-media";
  peers.description = "Chinese state-media WeChat news accounts";
  for (const auto& account : kPeerAccounts) peers.members.push_back({"wechat", account[0]});
  config.peer_groups.push_back(peers);
  config.events = {
      {{2025, 3, 9}, "Carney wins the Liberal leadership", "carney"},
      {{2025, 3, 23}, "Federal election called for 28 April", ""},
  };
  return config;
}

}  // namespace

AnalysisReport MakeReferenceCaseReport() {
  AnalysisReport report;
  report.case_name = "Canada 2025: Youli-Youmian and Mark Carney";
  report.generated_at = At("2025-04-05T12:00:00Z");
  report.config = MakeConfig();

  std::vector<Post> posts;
  for (int i = 0; i < static_cast<int>(std::size(kActorPosts)); ++i) posts.push_back(MakeActorPost(kActorPosts[i], i));
  // 30 smaller accounts repost the surge posts within minutes to hours.
  const int surge_posts[] = {1, 2, 3, 5, 6};
  for (int a = 0; a < kAmplifiers; ++a) {
    const Post& original = posts[static_cast<size_t>(surge_posts[a % 5])];
    Post repost;
    repost.platform = "wechat";
    repost.account_id = fmt::format("gh_amp{:02d}", a + 1);
    repost.account_name = fmt::format("华人资讯{:02d}", a + 1);
    repost.id = fmt::format("MzI{:02d}Amp==/2247{:06d}/1", a + 1, 480 + a);
    repost.published_at = original.published_at + 600 + 420 * a;
    repost.utc_offset_minutes = 480;
    repost.title = original.title;
    repost.text = "转发：" + original.text;
    repost.url = fmt::format("https://mp.weixin.qq.com/s?__biz=MzI{:02d}Amp==&mid=2247{:06d}&idx=1", a + 1, 480 + a);
    repost.links = {original.url};
    repost.repost_of = original.id;
    repost.lang = "zh";
    repost.metrics.likes = Count::Exact(40 + 13 * a);
    repost.metrics.shares = Count::Exact(5 + a);
    repost.metrics.views = Count::Exact(1200 + 150 * a);
    repost.source_file = "examples/canada-2025/posts.jsonl";
    repost.source_line = 100 + a;
    posts.push_back(repost);
  }
  // Baseline: peer state-media posts drawing ~30,000 interactions.
  for (int i = 0; i < 12; ++i) {
    const auto& peer = kPeerAccounts[i % 3];
    Post post;
    post.platform = "wechat";
    post.account_id = peer[0];
    post.account_name = peer[1];
    post.id = fmt::format("{}/{}", peer[0], 1000 + i);
    post.published_at = At("2025-02-15T02:00:00Z") + i * 3 * kSecondsPerDay;
    post.utc_offset_minutes = 480;
    post.title = fmt::format("加拿大政局观察（{}）", i + 1);
    post.text = "加拿大联邦政局最新动态。";
    post.url = fmt::format("https://mp.weixin.qq.com/s?__biz={}&mid={}&idx=1", peer[0], 1000 + i);
    post.lang = "zh";
    post.metrics.likes = Count::Exact(18000 + 900 * (i % 5));
    post.metrics.shares = Count::Exact(7000 + 400 * (i % 4));
    post.metrics.comments = Count::Exact(4000 + 300 * (i % 3));
    post.metrics.views = Count::Exact(60000 + 5000 * (i % 6));
    post.source_file = "examples/canada-2025/posts.jsonl";
    post.source_line = 200 + i;
    posts.push_back(post);
  }
  std::stable_sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) { return a.published_at < b.published_at; });
  report.posts = posts;

  // Mentions and stances of Carney in the actor's posts.
  std::vector<uint32_t> actor_posts;
  for (uint32_t i = 0; i < report.posts.size(); ++i) {
    if (report.posts[i].account_id != "gh_youliyoumian") continue;
    actor_posts.push_back(i);
    report.mentions.push_back({i, kCarney, "卡尼", 0, 1.0f});
    const Post& p = report.posts[i];
    Stance stance = Stance::kNeutral;
    for (const auto& spec : kActorPosts) {
      if (p.title == spec.title) stance = spec.stance;
    }
    const float score = stance == Stance::kFavor ? 0.6f : stance == Stance::kAgainst ? -0.55f : 0.05f;
    report.stances.push_back({i, kCarney, stance, score});
  }

  Baseline baseline{"cn-state-media", "Chinese state-media WeChat news accounts", 412, 30200, 52000, 80000, 37};
  report.baselines.push_back(baseline);

  Surge first;
  first.target_id = "carney";
  first.window_start = At("2025-03-10T00:00:00Z");
  first.window_end = At("2025-03-12T00:00:00Z");
  first.peak_start = At("2025-03-10T00:00:00Z");
  first.mentions = 41;
  first.baseline = 3;
  first.baseline_buckets = 28;
  first.dispersion = 0.1;
  first.ratio = 13.7;
  first.p_value = 1e-30;
  first.p_threshold = 0.01 / 40;
  first.interactions = 585000;
  first.preceding_events.push_back({report.config.events[0], 24});
  Surge second = first;
  second.window_start = At("2025-03-25T00:00:00Z");
  second.window_end = At("2025-03-27T00:00:00Z");
  second.peak_start = At("2025-03-25T00:00:00Z");
  second.mentions = 33;
  second.ratio = 11.0;
  second.p_value = 1e-22;
  second.interactions = 392000;
  second.preceding_events = {{report.config.events[1], 48}};
  report.surges = {first, second};

  // Daily mention volume of Carney, 2025-02-15 .. 2025-04-05.
  for (int64_t day = At("2025-02-15T00:00:00Z"); day <= At("2025-04-05T00:00:00Z"); day += kSecondsPerDay) {
    int64_t mentions = 2 + (day / kSecondsPerDay) % 3;
    int64_t interactions = 0;
    if (day == first.peak_start) mentions = 41, interactions = 585000;
    if (day == first.peak_start + kSecondsPerDay) mentions = 19, interactions = 85000;
    if (day == second.peak_start) mentions = 33, interactions = 392000;
    if (day == second.peak_start + kSecondsPerDay) mentions = 14, interactions = 85000;
    report.timeline.push_back({"carney", day, mentions, interactions});
  }

  Incident incident;
  incident.actor = report.config.actors[0];
  incident.target_id = "carney";
  incident.target_name = "Mark Carney";
  incident.window_start = At("2025-03-09T00:00:00Z");
  incident.window_end = At("2025-03-27T00:00:00Z");
  incident.id = "inc-wechat-gh_youliyoumian-carney-20250309";
  incident.severity = 82;
  incident.level = SeverityLevel::kHigh;
  incident.contributions = {
      {"engagement", 30, "peak 130,000 interactions, 4.3x the state-media median of 30,200"},
      {"surge", 22, "two surges: 13.7x baseline on 2025-03-10 and 11.0x on 2025-03-25"},
      {"event-timing", 10, "surges followed the leadership win by 1 day and the election call by 2 days"},
      {"state-affiliation", 12, "actor is a state-linked account (CN)"},
      {"coordination", 8, "30 accounts reposted within a median of 1.4 hours"},
  };
  for (uint32_t index : actor_posts) {
    const Post& p = report.posts[index];
    if (p.published_at >= incident.window_start && p.published_at < incident.window_end) {
      incident.evidence_posts.push_back(index);
    }
  }
  incident.surges = report.surges;
  incident.baseline = baseline;
  incident.peak_ratio_to_peer = 4.3;
  incident.median_ratio_to_peer = 3.3;
  incident.max_interactions = 130000;
  incident.min_interactions = 85000;
  incident.max_views = Count::AtLeast(100000);
  incident.stance = {3, 2, 2, true};
  Narrative economy{"tariffs, leadership, crisis manager", {"关税", "党魁", "危机管理", "特朗普"}, 0, 3, 3, 0, 0, 0, 0};
  Narrative china{"China policy, conflicts of interest", {"对华立场", "利益冲突", "布鲁克菲尔德"}, 0, 2, 0, 2, 0, 0, 0};
  Narrative voters{"immigration, what Chinese voters should do", {"移民", "华人选民", "住房"}, 0, 2, 0, 0, 2, 0, 0};
  auto fill = [&](Narrative& n, std::initializer_list<int> spec_indexes) {
    bool firstp = true;
    for (int s : spec_indexes) {
      for (uint32_t index : actor_posts) {
        if (report.posts[index].title != kActorPosts[s].title) continue;
        if (firstp) n.representative_post = index, n.first_seen = report.posts[index].published_at, firstp = false;
        n.last_seen = report.posts[index].published_at;
      }
    }
  };
  fill(economy, {1, 4, 5});
  fill(china, {2, 6});
  fill(voters, {3, 7});
  incident.narratives = {economy, china, voters};
  incident.history = {
      {"chong", "Michael Chong", At("2023-05-04T00:00:00Z"), At("2023-05-14T00:00:00Z"), 11, 240000, 18},
      {"freeland", "Chrystia Freeland", At("2025-01-29T00:00:00Z"), At("2025-02-04T00:00:00Z"), 7, 310000, 22},
  };
  CoordinationSummary& coordination = incident.coordination;
  coordination.accounts = kAmplifiers + 1;
  coordination.edges = 58;
  coordination.shared_objects = 5;
  coordination.median_delay_seconds = 5040;
  coordination.state_affiliated_share = 1.0 / (kAmplifiers + 1);
  coordination.community_id = "c1";
  for (const Post& p : report.posts) {
    if (p.repost_of.empty()) continue;
    auto original = std::find_if(report.posts.begin(), report.posts.end(), [&](const Post& o) { return o.id == p.repost_of; });
    coordination.amplifiers.push_back({p.platform, p.account_id, p.account_name, original->Key(),
                                       p.published_at - original->published_at, p.Key(), "repost"});
  }
  report.incidents.push_back(incident);
  report.ingest = {static_cast<int64_t>(report.posts.size()) + 2, static_cast<int64_t>(report.posts.size()), 2, 0};
  return report;
}

namespace {

constexpr int kReplyAccounts = 8;

NetworkSignal Signal(const char* name, bool present, double value, double threshold, std::string evidence,
                     std::vector<std::string> examples) {
  return {name, present, value, threshold, std::move(evidence), std::move(examples)};
}

// The actor's own network: the actor originates, its amplifiers repost; linked to the actor incident.
Operation ActorNetworkOperation(const AnalysisReport& report) {
  const Incident& incident = report.incidents[0];
  Operation op;
  op.id = "op-5f1c0a77e2d94b10";
  op.accounts.push_back({"wechat:gh_youliyoumian", "有理儿有面", NetworkRole::kOriginator, 9, 9, 0, kAmplifiers, "state-linked"});
  for (const Amplification& a : incident.coordination.amplifiers) {
    op.accounts.push_back({a.platform + ":" + a.account_id, a.account_name, NetworkRole::kAmplifier, 1, 1, 0, 1, ""});
  }
  op.ties = kAmplifiers;
  op.mean_tie_weight = 1.0;
  op.top_objects = {"url:" + report.posts[1].url};
  op.targets = {{"carney", "Mark Carney", 39, kAmplifiers + 1, 0, {14, 8, 17, true}, At("2025-02-20T02:00:00Z"),
                 At("2025-04-02T02:00:00Z")}};
  op.posts = op.target_posts = 39;
  op.first_seen = op.targets[0].first_seen;
  op.last_seen = op.targets[0].last_seen;
  op.stance = op.targets[0].stance;
  op.both_sides = true;
  op.timeline = {{At("2025-03-10T00:00:00Z"), 12}, {At("2025-03-25T00:00:00Z"), 10}};
  op.signals = {Signal("echo-chamber", false, 0.1, 0.5, "10% of the engagement on members' posts comes from members", {})};
  op.attribution = {"1 of 31 members are declared actors: wechat:gh_youliyoumian (state-linked, CN)"};
  op.declared_actors = {"wechat:gh_youliyoumian"};
  op.incident_ids = {incident.id};
  op.reach_outside = 180000;
  op.severity = 68;
  op.level = SeverityLevel::kHigh;
  return op;
}

// A reply network in the style of the 2023 "Spamouflage" comments: new accounts named in series leave one
// accusation, in English and French, under all three candidates' posts over the election-call weekend.
Operation ReplyNetworkOperation(const WatchConfig& config) {
  Operation op;
  op.id = "op-a93e4b0c61f2d857";
  for (int i = 0; i < kReplyAccounts; ++i) {
    op.accounts.push_back({fmt::format("x:17{:08d}", 31000 + i), fmt::format("maple_truth{:02d}", i + 1), NetworkRole::kReplier, 40,
                           36, 34, kReplyAccounts - 1, ""});
  }
  op.ties = kReplyAccounts * (kReplyAccounts - 1) / 2;
  op.mean_tie_weight = 6.5;
  op.top_objects = {"text:the candidate is hiding a scandal / le candidat cache un scandale"};
  op.targets = {
      {"carney", "Mark Carney", 120, 8, 112, {0, 118, 2, false}, At("2025-03-22T00:00:00Z"), At("2025-03-25T00:00:00Z")},
      {"chong", "Michael Chong", 96, 8, 90, {0, 95, 1, false}, At("2025-03-22T00:00:00Z"), At("2025-03-24T00:00:00Z")},
      {"freeland", "Chrystia Freeland", 72, 7, 70, {40, 30, 2, true}, At("2025-03-23T00:00:00Z"), At("2025-03-25T00:00:00Z")},
  };
  op.posts = 320;
  op.target_posts = 288;
  op.first_seen = At("2025-03-22T00:00:00Z");
  op.last_seen = At("2025-03-25T18:00:00Z");
  op.stance = {40, 243, 5, true};
  op.both_sides = true;
  op.timeline = {{At("2025-03-22T00:00:00Z"), 30}, {At("2025-03-23T00:00:00Z"), 140}, {At("2025-03-24T00:00:00Z"), 90},
                 {At("2025-03-25T00:00:00Z"), 28}};
  op.surges = {{At("2025-03-23T00:00:00Z"), 140, 29, 4.8, {{config.events[1], 0}}}};
  op.signals = {
      Signal("text-templates", true, 0.92, 0.5, "92% of the members' replies repeat 2 templates (one English, one French)",
             {"the candidate is hiding a scandal", "le candidat cache un scandale"}),
      Signal("reply-burst-new-accounts", true, 0.88, 0.5, "8 accounts created in March 2025 left 272 replies in 4 days", {}),
      Signal("named-in-series", true, 1.0, 0.5, "8 of 8 names follow maple_truthNN", {"maple_truth01", "maple_truth08"}),
      Signal("echo-chamber", false, 0.2, 0.5, "the replies drew almost no engagement", {}),
  };
  op.reach_outside = 14;
  op.severity = 52;
  op.level = SeverityLevel::kMedium;
  op.contributions = {{"network size and coordination", 20, "8 accounts, 28 ties, 6.5 co-actions per tie"},
                      {"targets", 20, "3 candidates"},
                      {"signals", 12, "text templates, reply burst from new accounts, names in series"}};
  return op;
}

}  // namespace

AnalysisReport MakeNetworkOperationReport() {
  AnalysisReport report = MakeReferenceCaseReport();
  Operation actor_network = ActorNetworkOperation(report);
  report.incidents[0].operation_id = actor_network.id;
  report.operations.push_back(std::move(actor_network));
  report.operations.push_back(ReplyNetworkOperation(report.config));
  return report;
}

Actor MakeActor(std::string platform, std::string account_id, Affiliation affiliation) {
  Actor a;
  a.platform = std::move(platform);
  a.account_id = std::move(account_id);
  a.affiliation = affiliation;
  a.country = "CN";
  return a;
}

}  // namespace vigil::testutil
