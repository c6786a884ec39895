// Test helper: small scenarios generated once per (kind, seed) and shared by the tests of one binary.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "scenarios/scenario.h"

namespace vigil::scenarios {

inline const Scenario& Generated(const std::string& kind, uint64_t seed) {
  static std::map<std::pair<std::string, uint64_t>, Scenario> cache;
  auto it = cache.find({kind, seed});
  if (it == cache.end()) {
    auto scenario = GenerateScenario(kind, seed, SmallSize());
    EXPECT_TRUE(scenario.ok()) << scenario.status().ToString();
    it = cache.emplace(std::make_pair(kind, seed), scenario.ok() ? std::move(scenario).value() : Scenario{}).first;
  }
  return it->second;
}

}  // namespace vigil::scenarios
