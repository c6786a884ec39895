// Where the text stage finds its files: bundled data (lexicons, gazetteer, labels), trained models, and
// the shared real data sets. Each has a build-time default and an environment override.
#pragma once

#include <string>

namespace vigil::text {

// $VIGIL_DATA_DIR, else the checkout's data/ folder.
std::string DefaultDataDir();
// $VIGIL_MODEL_DIR, else <build dir>/models (written by `vigil train`).
std::string DefaultModelDir();
// $VIGIL_SHARED_DATA, else ../shared/data beside the checkout.
std::string DefaultSharedDataDir();

}  // namespace vigil::text
