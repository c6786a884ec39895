// TwoClassEnsemble: fastText words + NB-LR words + NB-LR characters, probabilities averaged.
#include "text/ensemble.h"

#include <fmt/format.h>

namespace vigil::text {

Result<std::unique_ptr<TwoClassEnsemble>> TwoClassEnsemble::Load(const std::string& model_dir, const std::string& stem,
                                                                 const std::string& positive) {
  std::unique_ptr<TwoClassEnsemble> e(new TwoClassEnsemble());
  VIGIL_ASSIGN_OR_RETURN(e->fasttext_, TextClassifier::Load(fmt::format("{}/{}.bin", model_dir, stem), FeatureSet::kWords));
  VIGIL_ASSIGN_OR_RETURN(e->words_, NbLrModel::Load(fmt::format("{}/{}_nblr.bin", model_dir, stem)));
  VIGIL_ASSIGN_OR_RETURN(e->chars_, NbLrModel::Load(fmt::format("{}/{}_chars_nblr.bin", model_dir, stem)));
  e->positive_ = positive;
  return e;
}

TwoClassEnsemble::Parts TwoClassEnsemble::Probabilities(std::string_view normalized) const {
  return Probabilities(normalized, ModelFeatures(normalized, FeatureSet::kWords));
}

TwoClassEnsemble::Parts TwoClassEnsemble::Probabilities(std::string_view normalized, const std::string& words) const {
  return Parts{fasttext_->Probability(words, positive_), words_.Probability(words),
               chars_.Probability(ModelFeatures(normalized, FeatureSet::kChars))};
}

}  // namespace vigil::text
