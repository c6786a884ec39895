// Chinese stance toward a named target, measured on the labelled set (data/eval/zh_stance.tsv): Vigil's
// default against "ignore the target", the review-trained models and the majority class, on the dev and the
// held-out part separately.
#pragma once

#include <ostream>
#include <vector>

#include "text/evaluation.h"
#include "text/normalize.h"
#include "text/stance_set.h"
#include "vigil/status.h"

namespace vigil::text {

// Method names the report and the tests refer to.
inline constexpr const char* kStanceMethodDefault = "Vigil: target-aware rules, lexicons (default)";
inline constexpr const char* kStanceMethodIgnoreTarget = "ignore the target: whole-text lexicon score";

// Two tasks, the dev part first, then the held-out part. Needs the attack and sentiment models in
// paths.model_dir; the Telegram items need the shared export.
Result<std::vector<TaskResult>> ChineseStanceTasks(const EvalPaths& paths, const Normalizer& normalizer,
                                                   std::ostream* log);

}  // namespace vigil::text
