// A two-class ensemble of the models `vigil train` writes for one Chinese task: the fastText word model and
// the NB-LR word and character models, their probabilities averaged. What Vigil uses for Chinese sentiment
// and attack detection, and what `vigil eval` measures.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "text/classifier.h"
#include "text/nblr.h"
#include "vigil/status.h"

namespace vigil::text {

class TwoClassEnsemble {  // immutable after Load; Probability is thread-safe
 public:
  // Loads <model_dir>/<stem>.bin (fastText, kWords), <stem>_nblr.bin and <stem>_chars_nblr.bin; `positive`
  // is the fastText label of class 1 ("pos", "1"). A missing file is an error naming it.
  static Result<std::unique_ptr<TwoClassEnsemble>> Load(const std::string& model_dir, const std::string& stem,
                                                        const std::string& positive);

  struct Parts {
    float fasttext_words = 0, nblr_words = 0, nblr_chars = 0;
    float Mean() const { return (fasttext_words + nblr_words + nblr_chars) / 3; }
  };
  // Each model's P(class 1) for normalised text.
  Parts Probabilities(std::string_view normalized) const;
  // Same, reusing the text's kWords feature line when the caller already built it.
  Parts Probabilities(std::string_view normalized, const std::string& word_features) const;
  // The ensemble's P(class 1).
  float Probability(std::string_view normalized) const { return Probabilities(normalized).Mean(); }

 private:
  TwoClassEnsemble() = default;
  std::unique_ptr<TextClassifier> fasttext_;
  NbLrModel words_, chars_;
  std::string positive_;
};

}  // namespace vigil::text
