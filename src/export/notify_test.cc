// Tests for the platform notification package.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/testutil/hostile_fixture.h"
#include "tests/testutil/live_markup.h"
#include "tests/testutil/report_fixture.h"
#include "tests/testutil/shared_data.h"
#include "vigil/export.h"

namespace vigil {
namespace {

TEST(NotifyExportTest, WritesACsvAndALetterPerPlatform) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string dir = testutil::MakeTempDir("notify");
  auto files = WritePlatformNotifications(report, dir);
  ASSERT_TRUE(files.ok()) << files.status().message();
  ASSERT_EQ(files->size(), 2u);
  const std::string csv = testutil::ReadFile(dir + "/notification-wechat.csv");
  std::istringstream lines(csv);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(header,
            "incident_id,platform,role,account_id,account_name,post_id,post_url,published_at,interactions,views,"
            "amplified_post,delay_seconds,evidence");
  int actor_rows = 0, amplifier_rows = 0;
  while (std::getline(lines, line)) {
    if (line.find(",actor,") != std::string::npos) ++actor_rows;
    if (line.find(",amplifier,") != std::string::npos) ++amplifier_rows;
  }
  EXPECT_EQ(actor_rows, 7);
  EXPECT_EQ(amplifier_rows, 30);
  EXPECT_NE(csv.find("gh_youliyoumian,有理儿有面,MzA5NzQ2MTEwMA==/2652000101/1,"
                     "https://mp.weixin.qq.com/s?__biz=MzA5NzQ2MTEwMA==&mid=2652000101&idx=1,2025-03-09T23:30:00Z,130000,100000+"),
            std::string::npos)
      << csv.substr(0, 600);
  const std::string letter = testutil::ReadFile(dir + "/notification-wechat.md");
  EXPECT_NE(letter.find("# Notice to WeChat (Tencent) trust and safety"), std::string::npos);
  EXPECT_NE(letter.find("Each drew 85,000 to 130,000 interactions, up to 4.3 times the 30,200"), std::string::npos) << letter.substr(0, 1500);
  EXPECT_NE(letter.find("30 other accounts reposted, linked or copied them"), std::string::npos);
  EXPECT_NE(letter.find("Michael Chong (2023-05-04) and Chrystia Freeland (2025-01-29)"), std::string::npos);
  EXPECT_NE(letter.find("inferred T0097.202 News Outlet Persona"), std::string::npos);
  EXPECT_NE(letter.find("| amplifier | 华人资讯01 | `gh_amp01` | 1 |"), std::string::npos);
}

TEST(NotifyExportTest, HostileStringsInTheLetterRenderAsText) {
  const AnalysisReport report = testutil::MakeHostileReport();
  const std::string dir = testutil::MakeTempDir("notify-hostile");
  ASSERT_TRUE(WritePlatformNotifications(report, dir).ok());
  const std::string letter = testutil::ReadFile(dir + "/notification-wechat.md");
  EXPECT_EQ(letter.find("<script"), std::string::npos);
  EXPECT_EQ(letter.find("<img"), std::string::npos);
  const auto misshapen = testutil::MisshapenTableRows(letter);
  EXPECT_TRUE(misshapen.empty()) << misshapen.size() << " rows, first: " << (misshapen.empty() ? "" : misshapen[0]);
  const auto html = testutil::RenderMarkdownUnsafe(letter);
  if (!html) {
    if (testutil::InCi()) FAIL() << "cmark-gfm missing in CI";
    GTEST_SKIP() << "cmark-gfm not installed";
  }
  const auto findings = testutil::LiveHtmlFindings(*html);
  EXPECT_TRUE(findings.empty()) << findings.size() << " live, first: " << (findings.empty() ? "" : findings[0]);
}

TEST(NotifyExportTest, TheCsvHasNoFormulaCellAndKeepsItsShape) {
  const AnalysisReport report = testutil::MakeHostileReport();
  const std::string dir = testutil::MakeTempDir("notify-csv");
  ASSERT_TRUE(WritePlatformNotifications(report, dir).ok());
  std::string error;
  const auto rows = testutil::ParseCsv(testutil::ReadFile(dir + "/notification-wechat.csv"), &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(rows.size(), 1u + 7 + 30);
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  const auto formulas = testutil::FormulaCells(rows);
  EXPECT_TRUE(formulas.empty()) << formulas.size() << " formula cells, first: " << (formulas.empty() ? "" : formulas[0]);
  // The values are all there, shown as text.
  EXPECT_EQ(rows[1][4], "'" + report.posts[report.incidents[0].evidence_posts[0]].account_name);
  bool quoted_id = false;
  for (const auto& row : rows) quoted_id = quoted_id || row[3] == "gh_\"amp\",01";
  EXPECT_TRUE(quoted_id);
}

TEST(NotifyExportTest, ByteOrderMarkOnRequest) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string dir = testutil::MakeTempDir("notify-bom");
  ASSERT_TRUE(WritePlatformNotifications(report, dir, {.csv_byte_order_mark = true}).ok());
  EXPECT_EQ(testutil::ReadFile(dir + "/notification-wechat.csv").rfind("\xEF\xBB\xBFincident_id,", 0), 0u);
  ASSERT_TRUE(WritePlatformNotifications(report, dir).ok());
  EXPECT_EQ(testutil::ReadFile(dir + "/notification-wechat.csv").rfind("incident_id,", 0), 0u);
}

TEST(NotifyExportTest, APlatformNameNeverLeavesTheFolder) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  for (Post& post : report.posts) post.platform = "../../escaped";
  const std::string root = testutil::MakeTempDir("notify-path");
  const std::string dir = root + "/a/b";
  auto files = WritePlatformNotifications(report, dir);
  ASSERT_TRUE(files.ok()) << files.status().message();
  ASSERT_EQ(files->size(), 2u);
  for (const std::string& file : *files) {
    EXPECT_EQ(std::filesystem::path(file).parent_path(), std::filesystem::path(dir)) << file;
    EXPECT_TRUE(std::filesystem::exists(file)) << file;
  }
  EXPECT_FALSE(std::filesystem::exists(root + "/escaped.csv"));
  EXPECT_FALSE(std::filesystem::exists(root + "/a/notification-../../escaped.csv"));
}

TEST(NotifyExportTest, AnUnwritableFolderIsAnIoError) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string file = testutil::MakeTempDir("notify-bad") + "/plain-file";
  ASSERT_TRUE(std::ofstream(file) << "x");
  auto files = WritePlatformNotifications(report, file + "/sub");
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace vigil
