// Tests for the DISARM table (against the pinned DISARM bundle) and the signal-to-technique mapping.
#include "export/disarm.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/testutil/report_fixture.h"
#include "tests/testutil/shared_data.h"

namespace vigil::exporting {
namespace {

constexpr char kDisarmBundle[] = "disarm-framework/stix/DISARM.json";

TEST(DisarmTableTest, MatchesThePinnedDisarmBundle) {
  VIGIL_REQUIRE_SHARED_DATA(kDisarmBundle);
  std::ifstream in(testutil::SharedDataPath(kDisarmBundle));
  const auto bundle = nlohmann::json::parse(in);
  size_t matched = 0;
  for (const auto& object : bundle["objects"]) {
    if (object["type"] != "attack-pattern") continue;
    const std::string id = object["external_references"][0]["external_id"];
    const DisarmTechnique* technique = FindTechnique(id);
    if (!technique) continue;
    ++matched;
    EXPECT_EQ(technique->stix_id, object["id"]) << id;
    EXPECT_EQ(technique->name, object["name"]) << id;
    EXPECT_EQ(technique->phase, object["kill_chain_phases"][0]["phase_name"]) << id;
    EXPECT_EQ(technique->created, object["created"]) << id;
  }
  EXPECT_EQ(matched, Disarm().techniques.size());
  EXPECT_EQ(FindTechnique("T0097.202")->name, "News Outlet Persona");
}

// Every technique Vigil maps gets a galaxy tag naming a value of MISP's DISARM cluster when the cluster has
// the technique (by its external_id), and a plain tag when it does not.
TEST(DisarmTableTest, MispTagsMatchTheGalaxyCluster) {
  constexpr char kCluster[] = "misp-reference/galaxy/clusters-disarm-techniques.json";
  VIGIL_REQUIRE_SHARED_DATA(kCluster);
  std::ifstream in(testutil::SharedDataPath(kCluster));
  const auto cluster = nlohmann::json::parse(in);
  ASSERT_EQ(cluster["type"], "disarm-techniques");
  std::map<std::string, std::string> value_by_id;
  for (const auto& value : cluster["values"]) value_by_id[value["meta"]["external_id"]] = value["value"];
  for (const DisarmTechnique& technique : Disarm().techniques) {
    auto found = value_by_id.find(technique.id);
    if (found != value_by_id.end()) {
      EXPECT_EQ(MispTechniqueTag(technique), "misp-galaxy:disarm-techniques=\"" + found->second + "\"") << technique.id;
    } else {
      EXPECT_EQ(MispTechniqueTag(technique), "vigil:disarm-technique=\"" + technique.id + " " + technique.name + "\"");
    }
  }
  EXPECT_EQ(value_by_id.count("T0097.202"), 0u);  // the galaxy predates it
}

TEST(DisarmMappingTest, KeepsObservedTechniquesApartFromInferredOnes) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const auto uses = MapToDisarm(report, report.incidents[0]);
  std::map<std::string, Basis> basis;
  for (const auto& use : uses) basis[use.technique->id] = use.basis;
  ASSERT_EQ(basis.size(), 4u);
  EXPECT_EQ(basis.at("T0049"), Basis::kObserved);      // two surges
  EXPECT_EQ(basis.at("T0118"), Basis::kObserved);      // 30 amplifiers
  EXPECT_EQ(basis.at("T0097.202"), Basis::kInferred);  // state-linked actor posing as news
  EXPECT_EQ(basis.at("T0068"), Basis::kInferred);      // surges right after the events
  // Observed first.
  EXPECT_EQ(uses.front().basis, Basis::kObserved);
  EXPECT_EQ(uses.back().basis, Basis::kInferred);
  EXPECT_NE(uses[1].rationale.find("30 accounts"), std::string::npos) << uses[1].rationale;
}

TEST(DisarmMappingTest, FastRepostsAndHostileToneAddInferredTechniques) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  Incident& incident = report.incidents[0];
  incident.coordination.median_delay_seconds = 20;
  incident.stance = {1, 5, 1, false};
  incident.actor.affiliation = Affiliation::kIndependent;
  incident.surges.clear();
  std::map<std::string, Basis> basis;
  for (const auto& use : MapToDisarm(report, incident)) basis[use.technique->id] = use.basis;
  EXPECT_EQ(basis.count("T0049"), 0u);
  EXPECT_EQ(basis.count("T0097.202"), 0u);
  EXPECT_EQ(basis.at("T0049.003"), Basis::kInferred);
  EXPECT_EQ(basis.at("T0066"), Basis::kInferred);
}

}  // namespace
}  // namespace vigil::exporting
