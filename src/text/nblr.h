// NB-LR: logistic regression over naive-Bayes-weighted binary n-gram features (Wang & Manning 2012,
// "Baselines and bigrams"), a strong linear model for two-class sentiment. Hashed features, no vocabulary.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil::text {

struct NbLrOptions {
  int hash_bits = 20;    // 2^20 feature buckets
  int epochs = 3;
  float learning_rate = 0.1f;
  float smoothing = 1.0f;  // add-alpha smoothing of the naive Bayes counts
  uint32_t seed = 1;       // example order
};

class NbLrModel {  // immutable after Train / Load; Probability is thread-safe
 public:
  // Trains from feature lines (space-separated tokens, as ModelFeatures makes) and 0/1 labels.
  static Result<NbLrModel> Train(const std::vector<std::string>& lines, const std::vector<int>& labels,
                                 const NbLrOptions& options);
  static Result<NbLrModel> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // P(label 1) for a feature line.
  float Probability(const std::string& line) const;

 private:
  std::vector<uint32_t> Features(const std::string& line) const;
  int hash_bits_ = 20;
  std::vector<float> ratio_;   // naive Bayes log-count ratio per bucket
  std::vector<float> weight_;  // logistic regression weight per bucket
  float bias_ = 0;
};

}  // namespace vigil::text
