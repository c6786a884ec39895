// Tests for the STIX 2.1 exporter on the reference-case report. Schema validation of the same bundle runs
// as the CTest test stix_bundle_validates_against_oasis_schemas (tests/stix/validate_stix.py).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "export/disarm.h"
#include "tests/testutil/report_fixture.h"
#include "tests/testutil/shared_data.h"
#include "vigil/export.h"

namespace vigil {
namespace {

using nlohmann::json;

json Bundle(const AnalysisReport& report, int incident = kAllIncidents) {
  auto text = BuildStixBundle(report, incident);
  EXPECT_TRUE(text.ok()) << text.status().message();
  return json::parse(*text);
}

std::vector<json> OfType(const json& bundle, const std::string& type) {
  std::vector<json> out;
  for (const auto& o : bundle["objects"]) {
    if (o["type"] == type) out.push_back(o);
  }
  return out;
}

const json* ById(const json& bundle, const std::string& id) {
  for (const auto& o : bundle["objects"]) {
    if (o["id"] == id) return &o;
  }
  return nullptr;
}

TEST(StixExportTest, HoldsTheObjectsAnAnalystExpects) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const json bundle = Bundle(report);
  EXPECT_EQ(bundle["type"], "bundle");
  std::map<std::string, int> counts;
  for (const auto& o : bundle["objects"]) counts[o["type"]]++;
  EXPECT_EQ(counts["threat-actor"], 1);
  EXPECT_EQ(counts["intrusion-set"], 1);
  EXPECT_EQ(counts["campaign"], 3);          // this operation + Chong 2023 + Freeland 2025
  EXPECT_EQ(counts["attack-pattern"], 4);    // DISARM techniques
  EXPECT_EQ(counts["identity"], 5);          // Vigil, DISARM, Carney, Chong, Freeland
  EXPECT_EQ(counts["observed-data"], 7 + 30);  // the actor's 7 posts in the window, 30 amplifications
  EXPECT_EQ(counts["user-account"], 31);
  EXPECT_EQ(counts["sighting"], 1);
  EXPECT_EQ(counts["report"], 1);
  EXPECT_EQ(counts["marking-definition"], 1);

  const auto actors = OfType(bundle, "threat-actor");
  EXPECT_EQ(actors[0]["name"], "有理儿有面 (Youli-Youmian)");
  EXPECT_EQ(actors[0]["threat_actor_types"][0], "nation-state");
  for (const auto& o : bundle["objects"]) {
    if (o.contains("created")) {
      EXPECT_TRUE(std::string(o["created"]).find('.') != std::string::npos) << o["id"];  // millisecond precision
    }
  }
}

TEST(StixExportTest, TechniquesReuseDisarmIdsAndSayObservedOrInferred) {
  const json bundle = Bundle(testutil::MakeReferenceCaseReport());
  std::map<std::string, std::string> basis_by_technique;
  for (const auto& r : OfType(bundle, "relationship")) {
    if (r["relationship_type"] != "uses") continue;
    const json* pattern = ById(bundle, r["target_ref"]);
    ASSERT_NE(pattern, nullptr);
    const std::string technique = (*pattern)["external_references"][0]["external_id"];
    basis_by_technique[technique] = r["x_vigil_basis"];
    EXPECT_EQ((*pattern)["id"], exporting::FindTechnique(technique)->stix_id);
    EXPECT_EQ(r["x_disarm_version"], exporting::Disarm().version);
    EXPECT_EQ(r["labels"][0], "disarm-" + std::string(r["x_vigil_basis"]));
  }
  EXPECT_EQ(basis_by_technique["T0049"], "observed");
  EXPECT_EQ(basis_by_technique["T0118"], "observed");
  EXPECT_EQ(basis_by_technique["T0097.202"], "inferred");
  EXPECT_EQ(basis_by_technique["T0068"], "inferred");
  EXPECT_EQ(OfType(bundle, "attack-pattern")[0]["id"], "attack-pattern--0c765d19-99b2-4703-af48-e20a677c4bfc");  // DISARM's T0049
}

TEST(StixExportTest, RelationshipsTieOperationActorNetworkAndTargets) {
  const json bundle = Bundle(testutil::MakeReferenceCaseReport());
  std::multiset<std::string> kinds;
  for (const auto& r : OfType(bundle, "relationship")) {
    const json* source = ById(bundle, r["source_ref"]);
    const json* target = ById(bundle, r["target_ref"]);
    ASSERT_NE(source, nullptr);
    ASSERT_NE(target, nullptr);
    kinds.insert(std::string((*source)["type"]) + " " + std::string(r["relationship_type"]) + " " + std::string((*target)["type"]));
  }
  EXPECT_EQ(kinds.count("campaign attributed-to intrusion-set"), 1u);
  EXPECT_EQ(kinds.count("intrusion-set attributed-to threat-actor"), 1u);
  EXPECT_EQ(kinds.count("campaign attributed-to threat-actor"), 2u);  // the earlier campaigns
  EXPECT_EQ(kinds.count("campaign targets identity"), 3u);
  EXPECT_EQ(kinds.count("threat-actor targets identity"), 1u);
  EXPECT_EQ(kinds.count("campaign uses attack-pattern"), 4u);
  const auto sighting = OfType(bundle, "sighting")[0];
  EXPECT_EQ(sighting["count"], 37);
  EXPECT_EQ(ById(bundle, sighting["sighting_of_ref"])->at("type"), "campaign");
  const auto report_object = OfType(bundle, "report")[0];
  EXPECT_EQ(report_object["object_refs"].size(), bundle["objects"].size() - 1);
}

TEST(StixExportTest, ObservablesCarryPostUrlsAndAccounts) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const json bundle = Bundle(report);
  std::set<std::string> urls;
  for (const auto& u : OfType(bundle, "url")) urls.insert(u["value"]);
  const Post& peak = report.posts[report.incidents[0].evidence_posts[0]];
  EXPECT_TRUE(urls.count(peak.url)) << peak.url;
  std::set<std::string> logins;
  for (const auto& a : OfType(bundle, "user-account")) logins.insert(a["user_id"]);
  EXPECT_TRUE(logins.count("gh_youliyoumian"));
  EXPECT_TRUE(logins.count("gh_amp30"));
  for (const auto& od : OfType(bundle, "observed-data")) {
    EXPECT_GE(od["object_refs"].size(), 2u);
    EXPECT_EQ(od["first_observed"], od["last_observed"]);
  }
}

TEST(StixExportTest, ReExportIsByteIdenticalAndSelectionsHaveTheirOwnBundleIds) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  EXPECT_EQ(BuildStixBundle(report).value(), BuildStixBundle(report).value());
  EXPECT_EQ(BuildStixBundle(report).value(), BuildStixBundle(report, 0).value());  // the only incident
  Incident second = report.incidents[0];
  second.id = "inc-wechat-gh_youliyoumian-freeland-20250129";
  second.target_id = "freeland";
  second.target_name = "Chrystia Freeland";
  report.incidents.push_back(second);
  const json whole = Bundle(report);
  const json single = Bundle(report, 0);
  EXPECT_NE(whole["id"], single["id"]);
  EXPECT_EQ(OfType(whole, "campaign")[0]["id"], OfType(single, "campaign")[0]["id"]);  // same objects, same ids
  EXPECT_EQ(OfType(whole, "report").size(), 1u);
  EXPECT_EQ(OfType(whole, "sighting").size(), 2u);
}

// The DISARM objects in the bundle are DISARM's own: every property DISARM's bundle gives them, unchanged,
// plus only the `extensions` entry that declares DISARM's x_mitre_* properties to strict consumers.
TEST(StixExportTest, DisarmObjectsAreAsDisarmWritesThem) {
  constexpr char kDisarmBundle[] = "disarm-framework/stix/DISARM.json";
  VIGIL_REQUIRE_SHARED_DATA(kDisarmBundle);
  std::ifstream in(testutil::SharedDataPath(kDisarmBundle));
  const json disarm = json::parse(in);
  const json bundle = Bundle(testutil::MakeReferenceCaseReport());
  size_t compared = 0;
  for (const auto& theirs : disarm["objects"]) {
    const json* ours = ById(bundle, theirs["id"]);
    if (!ours) continue;
    ++compared;
    for (const auto& [key, value] : theirs.items()) EXPECT_EQ((*ours)[key], value) << theirs["id"] << " " << key;
    for (const auto& [key, value] : ours->items()) {
      EXPECT_TRUE(theirs.contains(key) || key == "extensions") << theirs["id"] << " adds " << key;
    }
  }
  EXPECT_EQ(compared, 4u + 2u);  // four techniques, DISARM's identity and marking
}

// Vigil's and DISARM's custom properties are declared through STIX 2.1 extension definitions, so a strict
// consumer accepts them without allow_custom.
TEST(StixExportTest, CustomPropertiesAreDeclaredByExtensionDefinitions) {
  const json bundle = Bundle(testutil::MakeReferenceCaseReport());
  std::map<std::string, std::set<std::string>> declared;
  for (const auto& ext : OfType(bundle, "extension-definition")) {
    EXPECT_EQ(ext["extension_types"], json::array({"toplevel-property-extension"}));
    EXPECT_NE(ById(bundle, ext["created_by_ref"]), nullptr);
    for (const auto& name : ext["extension_properties"]) declared[ext["id"]].insert(name);
  }
  ASSERT_EQ(declared.size(), 2u);
  size_t checked = 0;
  for (const auto& object : bundle["objects"]) {
    for (const auto& [key, value] : object.items()) {
      if (key.rfind("x_", 0) != 0) continue;
      ++checked;
      bool found = false;
      const json extensions = object.value("extensions", json::object());
      for (const auto& [ext_id, ext] : extensions.items()) {
        found = found || (ext["extension_type"] == "toplevel-property-extension" && declared[ext_id].count(key));
      }
      EXPECT_TRUE(found) << object["id"] << " " << key;
    }
  }
  EXPECT_EQ(checked, 4u * 2 + 4u * 3);  // uses relationships: basis and version; attack-patterns: three x_mitre_*
}

TEST(StixExportTest, RefusesAMissingIncident) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  EXPECT_EQ(BuildStixBundle(report, 3).status().code(), StatusCode::kInvalidArgument);
  report.incidents.clear();
  EXPECT_NE(BuildStixBundle(report).status().message().find("no incident or operation"), std::string::npos);
}

TEST(StixExportTest, InvalidUtf8IsWrittenAsAReplacementCharacter) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  report.incidents[0].actor.name = "bad \xC3 name";
  auto bundle = BuildStixBundle(report);
  ASSERT_TRUE(bundle.ok()) << bundle.status().message();
  EXPECT_EQ(OfType(json::parse(*bundle), "threat-actor")[0]["name"], "bad \uFFFD name");
}

// The relationships of one type leaving `source`.
std::vector<json> From(const json& bundle, const std::string& source, const std::string& type) {
  std::vector<json> out;
  for (const auto& r : OfType(bundle, "relationship")) {
    if (r["source_ref"] == source && r["relationship_type"] == type) out.push_back(r);
  }
  return out;
}

const json* CampaignNamed(const json& bundle, const std::string& prefix) {
  for (const auto& o : bundle["objects"]) {
    if (o["type"] == "campaign" && std::string(o["name"]).rfind(prefix, 0) == 0) return &o;
  }
  return nullptr;
}

TEST(StixExportTest, ANetworkOperationIsAnIntrusionSetWithItsMembersAndOneCampaignAgainstEveryTarget) {
  const AnalysisReport report = testutil::MakeNetworkOperationReport();
  const json bundle = Bundle(report);
  const json* campaign = CampaignNamed(bundle, "Network of 8 accounts against Mark Carney, Michael Chong and Chrystia Freeland");
  ASSERT_NE(campaign, nullptr);
  EXPECT_EQ((*campaign)["labels"], json({"severity-medium", "network-operation", "both-sides"}));
  EXPECT_EQ((*campaign)["first_seen"], "2025-03-22T00:00:00.000Z");

  std::set<std::string> targets;
  for (const auto& r : From(bundle, (*campaign)["id"], "targets")) targets.insert((*ById(bundle, r["target_ref"]))["name"]);
  EXPECT_EQ(targets, (std::set<std::string>{"Mark Carney", "Michael Chong", "Chrystia Freeland"}));

  const auto attributed = From(bundle, (*campaign)["id"], "attributed-to");
  ASSERT_EQ(attributed.size(), 1u);
  const json* network = ById(bundle, attributed[0]["target_ref"]);
  ASSERT_NE(network, nullptr);
  EXPECT_EQ((*network)["type"], "intrusion-set");
  const auto members = From(bundle, (*network)["id"], "uses");
  ASSERT_EQ(members.size(), 8u);
  for (const auto& r : members) {
    const json* account = ById(bundle, r["target_ref"]);
    ASSERT_NE(account, nullptr);
    EXPECT_EQ((*account)["type"], "user-account");
    EXPECT_EQ((*account)["account_type"], "x");
    EXPECT_EQ(r["labels"][0], "role-replier");
  }
  EXPECT_TRUE(From(bundle, (*network)["id"], "attributed-to").empty());  // no member is a declared actor
}

TEST(StixExportTest, OperationSignalsAreNotesOnItsCampaign) {
  const json bundle = Bundle(testutil::MakeNetworkOperationReport());
  const json* campaign = CampaignNamed(bundle, "Network of 8 accounts");
  ASSERT_NE(campaign, nullptr);
  std::map<std::string, std::string> labels;
  for (const auto& note : OfType(bundle, "note")) {
    if (note["object_refs"][0] != (*campaign)["id"]) continue;
    labels[std::string(note["abstract"]).substr(0, std::string(note["abstract"]).find(':'))] = note["labels"][0];
    if (std::string(note["abstract"]).rfind("text-templates", 0) == 0) {
      EXPECT_NE(std::string(note["content"]).find("le candidat cache un scandale"), std::string::npos);
    }
  }
  EXPECT_EQ(labels, (std::map<std::string, std::string>{{"text-templates", "signal-present"},
                                                        {"reply-burst-new-accounts", "signal-present"},
                                                        {"named-in-series", "signal-present"},
                                                        {"echo-chamber", "signal-absent"}}));
}

TEST(StixExportTest, TheActorsOperationIsAttributedAndLinkedToItsIncident) {
  const AnalysisReport report = testutil::MakeNetworkOperationReport();
  const json bundle = Bundle(report, 0);  // one incident: its operation comes with it, the other does not
  EXPECT_EQ(CampaignNamed(bundle, "Network of 8 accounts"), nullptr);
  const json* op_campaign = CampaignNamed(bundle, "Network of 31 accounts against Mark Carney");
  ASSERT_NE(op_campaign, nullptr);
  const json* incident_campaign = CampaignNamed(bundle, "有理儿有面 (Youli-Youmian) operation on Mark Carney");
  ASSERT_NE(incident_campaign, nullptr);
  const auto related = From(bundle, (*incident_campaign)["id"], "related-to");
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0]["target_ref"], (*op_campaign)["id"]);

  const std::string network = From(bundle, (*op_campaign)["id"], "attributed-to")[0]["target_ref"];
  const auto actors = From(bundle, network, "attributed-to");
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ((*ById(bundle, actors[0]["target_ref"]))["type"], "threat-actor");
  EXPECT_EQ(OfType(bundle, "threat-actor").size(), 1u);  // the same declared actor as the incident's, once
}

TEST(StixExportTest, AReportWithOnlyOperationsStillExports) {
  AnalysisReport report = testutil::MakeNetworkOperationReport();
  report.incidents.clear();
  const json bundle = Bundle(report);
  EXPECT_EQ(OfType(bundle, "intrusion-set").size(), 2u);
  EXPECT_EQ(OfType(bundle, "report")[0]["report_types"], json({"campaign", "intrusion-set"}));
}

TEST(StixExportTest, MemberNamesFromPostsStayData) {
  AnalysisReport report = testutil::MakeNetworkOperationReport();
  report.operations[1].accounts[0].name = "\"}],\"x_evil\":1,\"a\":[{\"";
  const json bundle = Bundle(report);
  bool found = false;
  for (const auto& account : OfType(bundle, "user-account")) {
    EXPECT_FALSE(account.contains("x_evil"));
    found = found || account["display_name"] == report.operations[1].accounts[0].name;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace vigil
