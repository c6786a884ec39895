// Tests for ExportReport as a whole: one bad string or one failing exporter never costs the other exports.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "tests/testutil/report_fixture.h"
#include "tests/testutil/shared_data.h"
#include "vigil/export.h"

namespace vigil {
namespace {

bool Mentions(const std::vector<std::string>& lines, const std::string& a, const std::string& b) {
  for (const auto& line : lines) {
    if (line.find(a) != std::string::npos && line.find(b) != std::string::npos) return true;
  }
  return false;
}

TEST(ExportReportTest, InvalidUtf8IsReplacedAndNamedAndEveryFormatIsWritten) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  Post& peak = report.posts[report.incidents[0].evidence_posts[0]];
  peak.title = "卡尼\xE5\x8D";  // cut inside a character
  peak.account_name = "bad \xFF name";
  report.incidents[0].actor.name = "actor \xC3\x28";
  report.incidents[0].narratives[0].label = "label \xED\xA0\x80";
  const std::string dir = testutil::MakeTempDir("export-utf8");
  auto outcome = ExportReport(report, {"all"}, dir);
  ASSERT_TRUE(outcome.ok()) << outcome.status().message();
  EXPECT_TRUE(outcome->failures.empty()) << outcome->failures.at(0);
  ASSERT_EQ(outcome->written.size(), 5u);
  for (const auto& file : outcome->written) {
    const std::string content = testutil::ReadFile(file);
    EXPECT_FALSE(content.empty()) << file;
    EXPECT_TRUE(IsValidUtf8(content)) << file;
  }
  EXPECT_EQ(nlohmann::json::parse(testutil::ReadFile(dir + "/stix-bundle.json"))["type"], "bundle");
  EXPECT_NE(testutil::ReadFile(dir + "/briefing.html").find("卡尼\uFFFD"), std::string::npos);
  EXPECT_TRUE(Mentions(outcome->warnings, "post " + peak.Key(), "title")) << ::testing::PrintToString(outcome->warnings);
  EXPECT_TRUE(Mentions(outcome->warnings, "post " + peak.Key(), "account_name"));
  EXPECT_TRUE(Mentions(outcome->warnings, "actor", "name"));
  EXPECT_TRUE(Mentions(outcome->warnings, "narrative", "label"));
}

TEST(ExportReportTest, AFailingExporterIsReportedAndTheOthersStillWrite) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string dir = testutil::MakeTempDir("export-isolated");
  std::filesystem::create_directories(dir + "/stix-bundle.json");  // the STIX file cannot be written
  auto outcome = ExportReport(report, {"all"}, dir);
  ASSERT_TRUE(outcome.ok()) << outcome.status().message();
  ASSERT_EQ(outcome->failures.size(), 1u);
  EXPECT_NE(outcome->failures[0].find("stix-bundle.json"), std::string::npos) << outcome->failures[0];
  EXPECT_EQ(outcome->written, (std::vector<std::string>{dir + "/misp-event-1.json", dir + "/notification-wechat.csv",
                                                        dir + "/notification-wechat.md", dir + "/briefing.html"}));
}

TEST(ExportReportTest, AnUnknownFormatIsAUsageErrorBeforeAnyWrite) {
  const std::string dir = testutil::MakeTempDir("export-unknown") + "/out";
  EXPECT_EQ(ExportReport(testutil::MakeReferenceCaseReport(), {"html", "pdf"}, dir).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir));
}

}  // namespace
}  // namespace vigil
