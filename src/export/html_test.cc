// Tests for the HTML briefing and its SVG charts.
#include <gtest/gtest.h>

#include "common/escape.h"
#include "export/svg_charts.h"
#include "tests/testutil/hostile_fixture.h"
#include "tests/testutil/live_markup.h"
#include "tests/testutil/report_fixture.h"
#include "tests/testutil/shared_data.h"
#include "vigil/export.h"

namespace vigil {
namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

TEST(HtmlBriefingTest, IsSelfContainedWithTheFiveCharts) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string html = BuildHtmlBriefing(report);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(Count(html, "<svg "), 5u);
  EXPECT_EQ(Count(html, "<script"), 0u);
  EXPECT_EQ(Count(html, "src=\"http"), 0u);  // nothing fetched
  EXPECT_EQ(Count(html, "<link "), 0u);
  for (const char* title : {"Mentions per day with surges and events", "Interactions per post against the baseline",
                            "Stance toward the target per narrative", "Amplifier network", "The actor&#39;s campaigns over time"}) {
    EXPECT_NE(html.find(title), std::string::npos) << title;
  }
  EXPECT_NE(html.find("有理儿有面 (Youli-Youmian) → Mark Carney"), std::string::npos);
  EXPECT_NE(html.find("Carney wins the Liberal leadership"), std::string::npos);  // event marker
  EXPECT_NE(html.find("surge 13.7x"), std::string::npos);
  EXPECT_NE(html.find("median 30k"), std::string::npos);
  EXPECT_EQ(Count(html, "fill=\"#e8590c\" fill-opacity"), 30u);  // one node per amplifier
  EXPECT_NE(html.find("<td class=\"inferred\">inferred</td>"), std::string::npos);
  EXPECT_EQ(html, BuildHtmlBriefing(report));
}

TEST(HtmlBriefingTest, EscapesTextFromPosts) {
  AnalysisReport report = testutil::MakeReferenceCaseReport();
  report.posts[report.incidents[0].evidence_posts[0]].title = "<script>alert(1)</script> & \"quotes\"";
  const std::string html = BuildHtmlBriefing(report);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), std::string::npos);
}

TEST(HtmlBriefingTest, ShowsEachNetworkOperationWithItsTargetsRolesSidesAndSignals) {
  const AnalysisReport report = testutil::MakeNetworkOperationReport();
  const std::string html = BuildHtmlBriefing(report);
  EXPECT_EQ(Count(html, "<h2>Network operation: "), 2u);
  EXPECT_NE(html.find("<h2>Network operation: Network of 8 accounts against Mark Carney, Michael Chong and Chrystia Freeland "
                      "<span class=\"badge medium\">medium 52/100</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<b>8</b><span>accounts: 8 repliers</span>"), std::string::npos);
  EXPECT_NE(html.find("<b>31</b><span>accounts: 1 originator, 30 amplifiers</span>"), std::string::npos);
  EXPECT_NE(html.find("<td>Michael Chong</td><td class=\"n\">96</td><td class=\"n\">8</td><td class=\"n\">90</td>"), std::string::npos);
  EXPECT_NE(html.find("<b>40 / 243 / 5</b><span>favour / against / neutral: both sides</span>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>named-in-series</td><td>yes</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>echo-chamber</td><td>no</td>"), std::string::npos);
  EXPECT_NE(html.find("2025-03-23: 140 posts about targets, 4.8× the network's median day, after Federal election called"),
            std::string::npos);
  EXPECT_NE(html.find("… and 6 more members."), std::string::npos);  // 31 members, 25 shown
  EXPECT_NE(html.find("<code>" + report.incidents[0].id + "</code>"), std::string::npos);
  EXPECT_NE(html.find("2 network operation(s)"), std::string::npos);
}

TEST(HtmlBriefingTest, EscapesEveryOperationString) {
  AnalysisReport report = testutil::MakeNetworkOperationReport();
  const std::string hostile = "<img src=x onerror=alert(1)>";
  Operation& op = report.operations[1];
  op.accounts[0].name = hostile;
  op.accounts[0].account = "x:" + hostile;
  op.targets[0].target_name = hostile;
  op.signals[0].evidence = hostile;
  op.signals[0].examples = {hostile};
  op.attribution = {hostile};
  op.contributions[0].explanation = hostile;
  const std::string html = BuildHtmlBriefing(report);
  EXPECT_EQ(Count(html, "<img"), 0u);
  EXPECT_GE(Count(html, HtmlEscape(hostile)), 8u);
}

TEST(HtmlBriefingTest, HttpLinksStayLinks) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string html = BuildHtmlBriefing(report);
  EXPECT_TRUE(testutil::LiveHtmlFindings(html).empty());
  const Post& peak = report.posts[report.incidents[0].evidence_posts[0]];
  EXPECT_NE(html.find("<a href=\"" + HtmlEscape(peak.url) + "\">"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://github.com/DISARMFoundation/"), std::string::npos);
}

TEST(HtmlBriefingTest, HostileStringsNeitherRunNorLink) {
  const AnalysisReport report = testutil::MakeHostileReport();
  const std::string html = BuildHtmlBriefing(report);
  const auto findings = testutil::LiveHtmlFindings(html);
  EXPECT_TRUE(findings.empty()) << findings.size() << " live: " << (findings.empty() ? "" : findings[0]);
  // Each refused URL is still shown to the analyst, as text.
  for (uint32_t index : report.incidents[0].evidence_posts) {
    EXPECT_NE(html.find(HtmlEscape(report.posts[index].url)), std::string::npos) << report.posts[index].url;
  }
  EXPECT_EQ(Count(html, "<a href=\"https://mp.weixin.qq.com"), 0u);  // no evidence post kept a safe URL
}

TEST(HtmlBriefingTest, ExportReportWritesEveryFormat) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string dir = testutil::MakeTempDir("export-all");
  auto outcome = ExportReport(report, {"all"}, dir);
  ASSERT_TRUE(outcome.ok()) << outcome.status().message();
  const auto& files = outcome->written;
  EXPECT_TRUE(outcome->failures.empty());
  EXPECT_TRUE(outcome->warnings.empty());
  EXPECT_EQ(files, (std::vector<std::string>{dir + "/stix-bundle.json", dir + "/misp-event-1.json",
                                              dir + "/notification-wechat.csv", dir + "/notification-wechat.md",
                                              dir + "/briefing.html"}));
  for (const auto& f : files) EXPECT_FALSE(testutil::ReadFile(f).empty()) << f;
  EXPECT_FALSE(ExportReport(report, {"pdf"}, dir).ok());
}

TEST(SvgChartsTest, EmptyInputsStillDraw) {
  EXPECT_NE(exporting::MentionTimelineSvg({}, {}, {}).find("no mentions"), std::string::npos);
  EXPECT_NE(exporting::EngagementSvg({}, Baseline{}).find("</svg>"), std::string::npos);
  EXPECT_NE(exporting::StanceMixSvg({}).find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace vigil
