// Tests for the MISP event exporter on the reference-case report.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace vigil
