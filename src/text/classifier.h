// Supervised text classifiers (fastText, trained from the shared labelled data): feature extraction from
// normalised text, training, and a thread-safe predictor.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace fasttext {
class FastText;
}

namespace vigil::text {

enum class FeatureSet {
  kChars,  // baseline: every Han character and every Latin word is a token
  kWords,  // ICU words, negation scope marks (不 好 -> 不 neg_好), Han characters, clause punctuation
};
const char* FeatureSetName(FeatureSet f);

// The fastText input line for `normalized` (tokens separated by single spaces, no label). Extra tokens
// (e.g. lexicon cues) may be appended by the caller.
std::string ModelFeatures(std::string_view normalized, FeatureSet set);

struct FastTextOptions {
  int epoch = 10;
  double lr = 0.5;
  int word_ngrams = 2;
  int dim = 32;
  int bucket = 300000;  // hashed n-gram buckets: models of about 40 MB
  int min_count = 1;
  int threads = 1;  // one thread: training is then deterministic, so docs/quality.md is reproducible
  int seed = 1;
};

// Trains a supervised fastText model from a file of "__label__x tokens..." lines and saves it to
// model_path (.bin). Library exceptions become a Status naming the file.
Status TrainFastText(const std::string& train_file, const std::string& model_path, const FastTextOptions& opt);

struct Prediction {
  std::string label;  // without the __label__ prefix
  float probability = 0;
};

class TextClassifier {  // immutable after Load; Predict is thread-safe
 public:
  static Result<std::unique_ptr<TextClassifier>> Load(const std::string& model_path, FeatureSet features);
  ~TextClassifier();

  // Best label for normalised text (probability of that label). Empty text gives the model's prior.
  Prediction Predict(std::string_view normalized) const;
  // Same, for an already built feature line.
  Prediction PredictFeatures(const std::string& feature_line) const;
  // Probability of `label` (0 when the model does not know the label).
  float Probability(const std::string& feature_line, const std::string& label) const;
  FeatureSet features() const { return features_; }

 private:
  TextClassifier() = default;
  std::unique_ptr<fasttext::FastText> model_;
  FeatureSet features_ = FeatureSet::kWords;
};

}  // namespace vigil::text
