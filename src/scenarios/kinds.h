// The scenario kinds: each one hard case (or combination of cases) an analyst meets in real data, what it
// contains, the real-world pattern it follows, and how to build it from the parts (parts.h).
#pragma once

#include <string>
#include <vector>

#include "scenarios/builder.h"

namespace vigil::scenarios {

struct KindInfo {
  std::string name;     // "reference", "amplify-copy", ...
  std::string summary;  // what the corpus holds, and what the key expects
  std::string models;   // the public reporting or organic behaviour it follows
  WorldOptions world;
  void (*build)(ScenarioBuilder& b) = nullptr;
};

// Every kind, in the order reports list them.
const std::vector<KindInfo>& ScenarioKinds();
// The kind called `name`, or null.
const KindInfo* FindKind(const std::string& name);

}  // namespace vigil::scenarios
