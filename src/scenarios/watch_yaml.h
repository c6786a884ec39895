// watch.yaml for a scenario: the WatchConfig an analyst would have written, emitted with yaml-cpp so that
// names with quotes, colons or CJK characters stay valid YAML; LoadWatchConfig reads it back unchanged.
#pragma once

#include <string>

#include "vigil/watch_config.h"

namespace vigil::scenarios {

// `header` becomes leading comment lines (without the "# ").
std::string RenderWatchYaml(const WatchConfig& config, const std::string& header);

}  // namespace vigil::scenarios
