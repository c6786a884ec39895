#include "incident/text_stage.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "incident/reply_targets.h"
#include "incident/severity.h"
#include "incident/text_copies.h"
#include "network/operations.h"
#include "text/mentions.h"
#include "text/narratives.h"
#include "text/normalize.h"
#include "text/paths.h"
#include "text/stance.h"

namespace vigil {
namespace {

constexpr size_t kPostsPerTask = 2048;
// Opposing narratives are two narratives of at least this many posts each, leaning opposite ways.
constexpr int64_t kOpposingNarrativePosts = 2;
// Fewer evidence posts than this cannot hold opposing narratives.
constexpr size_t kMinPostsForOpposingNarratives = 2 * kOpposingNarrativePosts;

Stance StanceOf(float score, float neutral_band) {
  return score > neutral_band ? Stance::kFavor : score < -neutral_band ? Stance::kAgainst : Stance::kNeutral;
}

struct PostFindings {
  std::vector<Mention> mentions;
  std::vector<TargetStance> stances;
};

class PostReader {
 public:
  PostReader(const text::Normalizer& normalizer, const text::MentionMatcher& matcher,
             const text::StanceScorer& scorer)
      : normalizer_(normalizer), matcher_(matcher), scorer_(scorer) {}

  // Reads one post; scratch buffers are reused across calls on the same thread. `reply` is set when the post
  // replies to a target's account.
  void Read(const Post& post, uint32_t post_index, const ReplyToTarget* reply, PostFindings* out) {
    raw_.assign(post.title);
    raw_ += '\n';
    raw_ += post.text;
    (void)normalizer_.Normalize(raw_, &normalized_);  // invalid UTF-8 is replaced; the text stays usable
    hits_.clear();
    matcher_.Find(normalized_, &hits_);
    if (hits_.empty() && reply == nullptr) return;
    const text::Lang lang = post.lang.empty() ? text::DetectLang(normalized_) : text::LangFromCode(post.lang);
    ReadNamedTargets(post, post_index, lang, out);
    if (reply != nullptr) ReadReply(post, *reply, lang, out);
  }

 private:
  void ReadNamedTargets(const Post& post, uint32_t post_index, text::Lang lang, PostFindings* out) {
    if (hits_.empty()) return;
    const size_t title_end = post.title.empty() ? 0 : normalized_.find('\n');
    for (const text::MentionHit& hit : hits_) {
      out->mentions.push_back({post_index, hit.target_index, matcher_.aliases()[hit.alias_index].written,
                               hit.begin, hit.confidence, hit.begin < title_end});
    }
    // Stance toward each target averages the scores at each of its mentions.
    std::vector<uint32_t> targets;
    for (const text::MentionHit& hit : hits_) targets.push_back(hit.target_index);
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    const float band = lang == text::Lang::kZh ? text::kZhNeutralBand : text::kNeutralBand;
    for (uint32_t target : targets) {
      float sum = 0, attack = -1;
      int n = 0;
      for (const text::MentionHit& hit : hits_) {
        if (hit.target_index != target) continue;
        sum += scorer_.Score(normalized_, hit, lang, hits_).score;
        if (lang == text::Lang::kZh) attack = std::max(attack, scorer_.AttackAround(normalized_, hit));
        ++n;
      }
      const float score = sum / static_cast<float>(n);
      out->stances.push_back({post_index, target, StanceOf(score, band), score, attack});
    }
  }

  // A reply to a target's account is about the target even when its text never names them; its stance is
  // the whole text's, read as aimed at the target. A post that also names the target keeps the named reading.
  void ReadReply(const Post& post, const ReplyToTarget& reply, text::Lang lang, PostFindings* out) {
    for (const text::MentionHit& hit : hits_) {
      if (hit.target_index == reply.target_index) return;
    }
    out->mentions.push_back({reply.post_index, reply.target_index, reply.Alias(post.platform), 0, 1.0f, false});
    const float band = lang == text::Lang::kZh ? text::kZhNeutralBand : text::kNeutralBand;
    const float score = scorer_.ScoreUnnamed(normalized_, lang).score;
    const Stance stance = StanceOf(score, band);
    const float attack = lang == text::Lang::kZh && scorer_.has_attack_model() ? scorer_.AttackProbability(normalized_) : -1;
    out->stances.push_back({reply.post_index, reply.target_index, stance, score, attack});
  }

  const text::Normalizer& normalizer_;
  const text::MentionMatcher& matcher_;
  const text::StanceScorer& scorer_;
  std::string raw_, normalized_;
  std::vector<text::MentionHit> hits_;
};

// The model folder the analysis uses: the one named, else the default folder when `vigil train` has
// written the models there; "" for lexicons only.
std::string ModelDirToUse(const AnalyzeOptions& options) {
  if (!options.text_models) return "";
  if (!options.model_dir.empty()) return options.model_dir;
  const std::string fallback = text::DefaultModelDir();
  return std::filesystem::exists(fallback + "/" + text::kAttackModelProbe) ? fallback : "";
}

// Stance comes from the lexicons and the attack model; the other trained models (product reviews, debate
// claims) misread political text ("他缺乏经验" scores positive) and stay out, see docs/quality.md.
Result<std::unique_ptr<text::StanceScorer>> CreateStanceScorer(const std::string& data_dir,
                                                               const std::string& model_dir) {
  if (model_dir.empty()) return text::StanceScorer::Create(data_dir);
  text::StanceOptions options;
  options.en_model = false;
  return text::StanceScorer::Create(data_dir, model_dir, options);
}

}  // namespace

Result<TextFindings> ReadTargetsInPosts(const std::vector<Post>& posts, const WatchConfig& config,
                                        const AnalyzeOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(auto normalizer, text::Normalizer::Create());
  VIGIL_ASSIGN_OR_RETURN(auto matcher, text::MentionMatcher::Build(config, *normalizer));
  const std::string data_dir = options.data_dir.empty() ? text::DefaultDataDir() : options.data_dir;
  const std::string model_dir = ModelDirToUse(options);
  VIGIL_ASSIGN_OR_RETURN(auto scorer, CreateStanceScorer(data_dir, model_dir));

  const std::vector<ReplyToTarget> replies = FindRepliesToTargets(posts, config);
  std::vector<const ReplyToTarget*> reply_of(posts.size(), nullptr);
  for (const ReplyToTarget& reply : replies) reply_of[reply.post_index] = &reply;
  const size_t tasks = (posts.size() + kPostsPerTask - 1) / kPostsPerTask;
  std::vector<PostFindings> per_task(tasks);
  std::atomic<size_t> next_task{0};
  std::atomic<int64_t> done{0};
  auto worker = [&] {
    PostReader reader(*normalizer, matcher, *scorer);
    for (size_t task = next_task++; task < tasks; task = next_task++) {
      const size_t end = std::min(posts.size(), (task + 1) * kPostsPerTask);
      for (size_t i = task * kPostsPerTask; i < end; ++i) reader.Read(posts[i], static_cast<uint32_t>(i), reply_of[i], &per_task[task]);
      done += static_cast<int64_t>(end - task * kPostsPerTask);
    }
  };
  const size_t threads = std::max<size_t>(1, std::min<size_t>(std::thread::hardware_concurrency(), tasks));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (options.on_progress) options.on_progress("text", done.load(), static_cast<int64_t>(posts.size()));

  TextFindings findings;
  findings.attack_model = scorer->has_attack_model() ? model_dir : "";
  for (PostFindings& task : per_task) {
    findings.mentions.insert(findings.mentions.end(), task.mentions.begin(), task.mentions.end());
    findings.stances.insert(findings.stances.end(), task.stances.begin(), task.stances.end());
  }
  return findings;
}

// Clusters each incident's posts into narratives, then re-scores it: opposing narratives are the measured
// form of "mixed narratives". An incident under `min_severity` too small to hold opposing narratives is only
// re-scored (hostile language included): narratives could not lift it, and it will not be reported.
Status AddNarratives(double min_severity, AnalysisReport* report) {
  VIGIL_ASSIGN_OR_RETURN(auto normalizer, text::Normalizer::Create());
  std::map<std::pair<uint32_t, uint32_t>, Stance> stance_of;
  for (const TargetStance& s : report->stances) stance_of[{s.post_index, s.target_index}] = s.stance;
  for (Incident& incident : report->incidents) {
    ScoreSeverity(&incident);
    if (incident.severity < min_severity && incident.evidence_posts.size() < kMinPostsForOpposingNarratives) continue;
    const Target* target = report->config.FindTarget(incident.target_id);
    const auto target_index = static_cast<uint32_t>(target - report->config.targets.data());
    text::NarrativeOptions options;
    for (const std::string& alias : target->aliases) options.excluded_terms.push_back(normalizer->NormalizeOrReplace(alias));
    std::vector<std::string> texts(incident.evidence_posts.size());
    std::vector<text::NarrativePost> posts;
    for (size_t i = 0; i < incident.evidence_posts.size(); ++i) {
      const Post& p = report->posts[incident.evidence_posts[i]];
      (void)normalizer->Normalize(p.title + "\n" + p.text, &texts[i]);
      auto stance = stance_of.find({incident.evidence_posts[i], target_index});
      posts.push_back({incident.evidence_posts[i], texts[i],
                       stance == stance_of.end() ? Stance::kNeutral : stance->second, p.published_at});
    }
    incident.narratives = text::ClusterNarratives(posts, options);
    incident.stance.mixed = incident.stance.mixed || text::HasOpposingNarratives(incident.narratives, kOpposingNarrativePosts);
    ScoreSeverity(&incident);
  }
  return Status::Ok();
}

// Which posts copy each other's text within the amplification window (text_copies.h).
Status FindTextCopies(const std::vector<Post>& posts, const AnalyzeOptions& options, TextFindings* text) {
  VIGIL_ASSIGN_OR_RETURN(auto normalizer, text::Normalizer::Create());
  TextCopyOptions copies;
  copies.window_seconds = options.amplification_window_seconds;
  std::function<void(int64_t, int64_t)> progress;
  if (options.on_progress) progress = [&](int64_t done, int64_t total) { options.on_progress("copies", done, total); };
  text->text_copy_group = GroupTextCopies(posts, *normalizer, copies, progress);
  return Status::Ok();
}

// Fills each incident's hostile-language finding from the attack probabilities of its evidence posts'
// sentences about the target (see TargetStance::attack); severity reads it (AddHostileLanguage).
void MeasureHostileLanguage(const TextFindings& text, AnalysisReport* report) {
  std::map<std::pair<uint32_t, uint32_t>, float> attack_of;
  for (const TargetStance& s : report->stances) {
    if (s.attack >= 0) attack_of[{s.post_index, s.target_index}] = s.attack;
  }
  for (Incident& incident : report->incidents) {
    HostileLanguage& h = incident.hostile_language;
    h = HostileLanguage{};
    h.threshold = text::kAttackThreshold;
    const Target* target = report->config.FindTarget(incident.target_id);
    if (target == nullptr) continue;
    const auto target_index = static_cast<uint32_t>(target - report->config.targets.data());
    for (uint32_t post : incident.evidence_posts) {
      const auto it = attack_of.find({post, target_index});
      if (it == attack_of.end()) continue;
      ++h.measured_posts;
      if (it->second < text::kAttackThreshold) continue;
      const Post& p = report->posts[post];
      h.hostile.push_back({post, p.platform + ":" + p.id, it->second});
    }
    std::stable_sort(h.hostile.begin(), h.hostile.end(), [](const auto& a, const auto& b) { return a.attack > b.attack; });
    h.available = h.measured_posts > 0;
    if (text.attack_model.empty()) {
      h.unavailable_reason = "no trained attack model (run `vigil train`, or give --model-dir)";
    } else if (!h.available) {
      h.unavailable_reason = "no Chinese evidence post (the attack model reads Chinese)";
    }
  }
}

Result<AnalysisReport> AnalyzePosts(std::vector<Post> posts, const WatchConfig& config, const AnalyzeOptions& options) {
  std::stable_sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) {
    return std::tie(a.published_at, a.platform, a.id) < std::tie(b.published_at, b.platform, b.id);
  });
  VIGIL_ASSIGN_OR_RETURN(TextFindings text, ReadTargetsInPosts(posts, config, options));
  VIGIL_RETURN_IF_ERROR(FindTextCopies(posts, options, &text));
  VIGIL_ASSIGN_OR_RETURN(AnalysisReport report, AssembleIncidents(std::move(posts), config, text, options));
  MeasureHostileLanguage(text, &report);
  VIGIL_RETURN_IF_ERROR(AddNarratives(options.min_severity, &report));  // re-scores, hostile language included
  KeepReportableIncidents(options.min_severity, &report);
  VIGIL_RETURN_IF_ERROR(FindOperations(&report));
  return report;
}

}  // namespace vigil
