// Tests for the MISP event exporter on the reference-case report.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/testutil/report_fixture.h"
#include "vigil/export.h"

namespace vigil {
namespace {

using nlohmann::json;

TEST(MispExportTest, EventCarriesDisarmGalaxyTagsAndTheObservables) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  auto text = BuildMispEvent(report, 0);
  ASSERT_TRUE(text.ok()) << text.status().message();
  const json event = json::parse(*text)["Event"];
  EXPECT_EQ(event["date"], "2025-03-09");
  EXPECT_EQ(event["threat_level_id"], "1");  // high
  EXPECT_EQ(event["published"], false);
  std::set<std::string> tags;
  for (const auto& t : event["Tag"]) tags.insert(t["name"]);
  // Only observed techniques tag the event itself.
  EXPECT_TRUE(tags.count("misp-galaxy:disarm-techniques=\"Flood Information Space\""));
  EXPECT_TRUE(tags.count("misp-galaxy:disarm-techniques=\"Amplify Existing Narrative\""));
  EXPECT_FALSE(tags.count("vigil:disarm-technique=\"T0097.202 News Outlet Persona\""));  // inferred
  EXPECT_TRUE(tags.count("tlp:amber"));
  // Every technique has an attribute saying observed or inferred.
  std::map<std::string, std::string> basis;
  for (const auto& a : event["Attribute"]) {
    if (!a.contains("Tag")) continue;
    basis[a["value"]] = a["Tag"][1]["name"];
  }
  EXPECT_EQ(basis["T0097.202 News Outlet Persona"], "vigil:technique-basis=\"inferred\"");
  for (const auto& a : event["Attribute"]) {
    if (a["value"] == "T0097.202 News Outlet Persona") {
      EXPECT_EQ(a["Tag"][0]["name"], "vigil:disarm-technique=\"T0097.202 News Outlet Persona\"");  // not in MISP's galaxy
    }
  }
  EXPECT_EQ(event["Orgc"]["name"], "Vigil");
  EXPECT_EQ(std::string(event["Orgc"]["uuid"]).size(), 36u);
  EXPECT_EQ(basis["T0049 Flood Information Space"], "vigil:technique-basis=\"observed\"");
  int microblogs = 0, accounts = 0;
  std::set<std::string> urls;
  for (const auto& o : event["Object"]) {
    if (o["name"] == "microblog") {
      ++microblogs;
      EXPECT_EQ(o["template_version"], "20");
      for (const auto& a : o["Attribute"]) {
        if (a["object_relation"] == "url") {
          urls.insert(a["value"]);
          EXPECT_EQ(a["category"], "Network activity");  // describeTypes allows url only in network / payload / analysis
        }
      }
    }
    if (o["name"] == "user-account") ++accounts;
  }
  EXPECT_EQ(microblogs, 7 + 30);
  EXPECT_EQ(accounts, 31);
  EXPECT_TRUE(urls.count(report.posts[report.incidents[0].evidence_posts[0]].url));
  EXPECT_EQ(*text, BuildMispEvent(report, 0).value());  // deterministic uuids
}

TEST(MispExportTest, FieldsAPostLacksAreLeftOutNotWrittenEmpty) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  Post& peak = report.posts[report.incidents[0].evidence_posts[0]];
  peak.url.clear();
  peak.account_name.clear();
  peak.title.clear();
  const json event = json::parse(BuildMispEvent(report, 0).value())["Event"];
  for (const auto& o : event["Object"]) {
    for (const auto& a : o["Attribute"]) EXPECT_NE(a["value"], "") << o["name"] << " " << a["object_relation"];
  }
}

TEST(MispExportTest, NeedsOneExistingIncident) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  EXPECT_FALSE(BuildMispEvent(report, kAllIncidents).ok());
  EXPECT_FALSE(BuildMispEvent(report, 1).ok());
}

json OperationEvent(const AnalysisReport& report, int operation) {
  auto text = BuildMispOperationEvent(report, operation);
  EXPECT_TRUE(text.ok()) << text.status().message();
  return json::parse(*text)["Event"];
}

TEST(MispExportTest, AnOperationEventCarriesEveryTargetItsSignalsAndItsMembers) {
  const AnalysisReport report = testutil::MakeNetworkOperationReport();
  const json event = OperationEvent(report, 1);
  EXPECT_EQ(event["info"], "Vigil: network operation against Mark Carney, Michael Chong and Chrystia Freeland (8 accounts, "
                           "2025-03-22 to 2025-03-25)");
  EXPECT_EQ(event["threat_level_id"], "2");  // medium
  std::set<std::string> targets;
  std::map<std::string, std::string> signals;
  for (const auto& a : event["Attribute"]) {
    if (a["type"] == "target-user") {
      EXPECT_EQ(a["category"], "Targeting data");
      targets.insert(a["value"]);
    }
    if (a["type"] == "comment") signals[a["comment"]] = a["value"];
  }
  EXPECT_EQ(targets, (std::set<std::string>{"Mark Carney", "Michael Chong", "Chrystia Freeland"}));
  EXPECT_EQ(signals.size(), 4u);
  EXPECT_TRUE(signals.count("Network signal named-in-series: present"));
  EXPECT_TRUE(signals.count("Network signal echo-chamber: not present"));
  ASSERT_EQ(event["Object"].size(), 8u);
  for (const auto& object : event["Object"]) {
    EXPECT_EQ(object["name"], "user-account");
    EXPECT_EQ(std::string(object["comment"]).rfind("replier:", 0), 0u) << object["comment"];
  }
  EXPECT_EQ(BuildMispOperationEvent(report, 1).value(), BuildMispOperationEvent(report, 1).value());  // deterministic uuids
}

TEST(MispExportTest, TheActorsOperationNamesTheDeclaredActor) {
  const json event = OperationEvent(testutil::MakeNetworkOperationReport(), 0);
  int actors = 0;
  for (const auto& a : event["Attribute"]) {
    if (a["type"] != "threat-actor") continue;
    ++actors;
    EXPECT_EQ(a["category"], "Attribution");
    EXPECT_EQ(a["value"], "有理儿有面 (Youli-Youmian)");
  }
  EXPECT_EQ(actors, 1);
  EXPECT_EQ(event["Object"].size(), 31u);
}

TEST(MispExportTest, AnOperationEventNeedsAnExistingOperationAndDropsEmptyValues) {
  AnalysisReport report = testutil::MakeNetworkOperationReport();
  EXPECT_FALSE(BuildMispOperationEvent(report, 2).ok());
  EXPECT_FALSE(BuildMispOperationEvent(report, -1).ok());
  report.operations[1].targets[0].target_name = " ";
  const json event = OperationEvent(report, 1);  // kept: a loop over a temporary's member would dangle
  ASSERT_FALSE(event["Attribute"].empty());
  for (const auto& a : event["Attribute"]) EXPECT_NE(a["value"], " ");
}

}  // namespace
}  // namespace vigil
