// Fuzz target: the watch-config YAML loader and validator (include/vigil/watch_config.h).
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "vigil/watch_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string yaml = vigil::fuzz::ExpandSizeDriven(data, size);  // deep nesting, huge aliases
  auto config = vigil::ParseWatchConfig(yaml, "fuzz.yaml");
  if (config.ok()) {
    // A valid configuration must answer its own lookups.
    for (const auto& target : config->targets) {
      if (config->FindTarget(target.id) == nullptr) __builtin_trap();
    }
    for (const auto& event : config->events) (void)event.date.ToString();
  }
  return 0;
}
