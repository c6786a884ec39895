// fastText adapter: features, training and prediction; fastText's exceptions stop here.
#include "text/classifier.h"

#include <algorithm>
#include <fasttext/fasttext.h>

#include <fmt/format.h>

#include <sstream>
#include <unordered_set>

#include "text/normalize.h"
#include "text/segment.h"

namespace vigil::text {
namespace {

constexpr const char* kLabelPrefix = "__label__";
constexpr size_t kNegationScopeTokens = 3;  // words after a negator that get the neg_ mark

bool IsNegator(std::string_view w) {
  static const std::unordered_set<std::string_view> kNeg = {
      "不", "没", "没有", "未", "非", "别", "无", "毫无", "并非", "不是", "从不", "从未", "绝不", "难以",
      "not", "no", "never", "cannot", "nor", "without", "pas", "jamais", "aucun", "aucune", "sans", "ni"};
  return kNeg.contains(w) || w.ends_with("n't");
}

bool IsClauseBreak(char32_t c) {
  switch (c) {
    case U',': case U'.': case U';': case U':': case U'!': case U'?': case U'，': case U'。': case U'；':
    case U'：': case U'！': case U'？': case U'、': case U'\n':
      return true;
    default:
      return false;
  }
}

void AppendToken(std::string_view tok, std::string* out) {
  if (tok.empty()) return;
  if (!out->empty()) *out += ' ';
  *out += tok;
}

std::string CharFeatures(std::string_view s) {
  std::string out;
  size_t word_start = std::string_view::npos;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = NextCodePoint(s, &i);
    const bool latin_word = !IsHan(c) && (c < 0x80 ? std::isalnum(static_cast<int>(c)) != 0 : c > 0x7F && c < 0x2E80);
    if (latin_word) {
      if (word_start == std::string_view::npos) word_start = start;
      continue;
    }
    if (word_start != std::string_view::npos) {
      AppendToken(s.substr(word_start, start - word_start), &out);
      word_start = std::string_view::npos;
    }
    if (IsHan(c) || IsClauseBreak(c)) AppendToken(s.substr(start, i - start), &out);
  }
  if (word_start != std::string_view::npos) AppendToken(s.substr(word_start), &out);
  return out;
}

std::string WordFeatures(std::string_view s) {
  std::string out;
  std::vector<std::string_view> words;
  // Segment clause by clause so negation scope ends at punctuation, and keep ! and ? as tokens.
  size_t clause_start = 0;
  auto flush = [&](size_t end, std::string_view punct) {
    words.clear();
    SegmentWords(s.substr(clause_start, end - clause_start), &words);
    size_t neg_left = 0;
    for (std::string_view w : words) {
      if (IsNegator(w)) {
        AppendToken(w, &out);
        neg_left = kNegationScopeTokens;
        continue;
      }
      if (neg_left > 0) {
        --neg_left;
        out += " neg_";
        out += w;
      } else {
        AppendToken(w, &out);
      }
    }
    // Han characters of multi-character words too: robust to segmentation errors.
    for (std::string_view w : words) {
      size_t i = 0;
      if (!IsHan(NextCodePoint(w, &i)) || i == w.size()) continue;
      for (size_t j = 0; j < w.size();) {
        const size_t st = j;
        NextCodePoint(w, &j);
        AppendToken(w.substr(st, j - st), &out);
      }
    }
    if (punct == "!" || punct == "！" || punct == "?" || punct == "？") AppendToken(punct, &out);
  };
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = NextCodePoint(s, &i);
    if (IsClauseBreak(c)) {
      flush(start, s.substr(start, i - start));
      clause_start = i;
    }
  }
  flush(s.size(), {});
  return out;
}

}  // namespace

const char* FeatureSetName(FeatureSet f) { return f == FeatureSet::kChars ? "chars" : "words"; }

std::string ModelFeatures(std::string_view normalized, FeatureSet set) {
  return set == FeatureSet::kChars ? CharFeatures(normalized) : WordFeatures(normalized);
}

Status TrainFastText(const std::string& train_file, const std::string& model_path, const FastTextOptions& opt) {
  try {
    fasttext::Args args;
    args.input = train_file;
    args.output = model_path;
    args.model = fasttext::model_name::sup;
    args.loss = fasttext::loss_name::softmax;
    args.epoch = opt.epoch;
    args.lr = opt.lr;
    args.wordNgrams = opt.word_ngrams;
    args.dim = opt.dim;
    args.bucket = opt.bucket;
    args.minCount = opt.min_count;
    args.minn = 0;
    args.maxn = 0;
    args.thread = opt.threads;
    args.seed = opt.seed;
    args.verbose = 0;
    fasttext::FastText ft;
    ft.train(args);
    ft.saveModel(model_path);
  } catch (const std::exception& e) {
    return Status::Internal(fmt::format("fastText training on {} failed: {}", train_file, e.what()));
  }
  return Status::Ok();
}

TextClassifier::~TextClassifier() = default;

Result<std::unique_ptr<TextClassifier>> TextClassifier::Load(const std::string& model_path, FeatureSet features) {
  std::unique_ptr<TextClassifier> c(new TextClassifier());
  c->features_ = features;
  c->model_ = std::make_unique<fasttext::FastText>();
  try {
    c->model_->loadModel(model_path);
  } catch (const std::exception& e) {
    return Status::NotFound(fmt::format("{}: cannot load fastText model: {}", model_path, e.what()));
  }
  return c;
}

Prediction TextClassifier::PredictFeatures(const std::string& feature_line) const {
  std::istringstream in(feature_line + "\n");
  std::vector<std::pair<fasttext::real, std::string>> preds;
  Prediction p;
  try {
    model_->predictLine(in, preds, 1, 0.0);
  } catch (const std::exception&) {
    return p;
  }
  if (preds.empty()) return p;
  p.label = preds[0].second.starts_with(kLabelPrefix) ? preds[0].second.substr(std::strlen(kLabelPrefix))
                                                       : preds[0].second;
  p.probability = preds[0].first;
  return p;
}

Prediction TextClassifier::Predict(std::string_view normalized) const {
  return PredictFeatures(ModelFeatures(normalized, features_));
}

float TextClassifier::Probability(const std::string& feature_line, const std::string& label) const {
  std::istringstream in(feature_line + "\n");
  std::vector<std::pair<fasttext::real, std::string>> preds;
  try {
    model_->predictLine(in, preds, -1, 0.0);
  } catch (const std::exception&) {
    return 0;
  }
  for (const auto& [prob, name] : preds) {
    // fastText smooths its log-probabilities with 1e-5, so a sure prediction can read 1.00001.
    if (name == kLabelPrefix + label) return std::min(prob, 1.0f);
  }
  return 0;
}

}  // namespace vigil::text
