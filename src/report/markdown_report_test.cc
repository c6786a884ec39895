// Tests for the Markdown report: the reference case reads as before, and hostile post, account and
// configuration strings render as text under GitHub's renderer with raw HTML allowed.
#include <gtest/gtest.h>

#include "tests/testutil/hostile_fixture.h"
#include "tests/testutil/live_markup.h"
#include "tests/testutil/report_fixture.h"
#include "tests/testutil/shared_data.h"
#include "vigil/report.h"

namespace vigil {
namespace {

// The rendered HTML, or skips the test (fails it in CI) when cmark-gfm is not installed.
#define RENDER_OR_SKIP(markdown, html)                                                             \
  const auto html = testutil::RenderMarkdownUnsafe(markdown);                                      \
  if (!html) {                                                                                     \
    if (testutil::InCi()) FAIL() << "cmark-gfm missing in CI (scripts/install-deps.sh installs it)"; \
    GTEST_SKIP() << "cmark-gfm not installed";                                                     \
  }

TEST(MarkdownReportTest, ReferenceCaseLinksItsEvidenceAndKeepsItsTables) {
  const AnalysisReport report = testutil::MakeReferenceCaseReport();
  const std::string md = RenderReportMarkdown(report);
  const Post& peak = report.posts[report.incidents[0].evidence_posts[0]];
  EXPECT_NE(md.find("[" + peak.id + "](<" + peak.url + ">)"), std::string::npos) << md;
  EXPECT_NE(md.find("# Vigil report: Canada 2025: Youli-Youmian and Mark Carney"), std::string::npos);
  EXPECT_TRUE(testutil::MisshapenTableRows(md).empty());
  RENDER_OR_SKIP(md, html);
  EXPECT_NE(html->find("<a href=\"" + std::string("https://mp.weixin.qq.com/s?__biz=MzA5NzQ2MTEwMA==&amp;mid=")), std::string::npos);
  EXPECT_TRUE(testutil::LiveHtmlFindings(*html).empty());
}

TEST(MarkdownReportTest, HostileStringsRenderAsText) {
  const AnalysisReport report = testutil::MakeHostileReport();
  const std::string md = RenderReportMarkdown(report);
  EXPECT_EQ(md.find("<script"), std::string::npos);
  for (size_t at = md.find("](javascript"); at != std::string::npos; at = md.find("](javascript", at + 1)) {
    EXPECT_EQ(md[at - 1], '\\') << "a link bracket left unescaped at byte " << at;
  }
  const auto misshapen = testutil::MisshapenTableRows(md);
  EXPECT_TRUE(misshapen.empty()) << misshapen.size() << " rows, first: " << (misshapen.empty() ? "" : misshapen[0]);
  RENDER_OR_SKIP(md, html);
  const auto findings = testutil::LiveHtmlFindings(*html);
  EXPECT_TRUE(findings.empty()) << findings.size() << " live, first: " << (findings.empty() ? "" : findings[0]);
  EXPECT_EQ(html->find("<h1>forged"), std::string::npos);
}

// What a network co-shared most is shown as code, whatever its text: a link, a heading or a table break
// planted in a copied text stays inert.
TEST(MarkdownReportTest, AnOperationsMostCoSharedObjectsAreShownAsCode) {
  AnalysisReport report = testutil::MakeNetworkOperationReport();
  ASSERT_FALSE(report.operations.empty());
  report.operations[0].top_objects = {"url:https://news.example/carney", "text:` | # forged <script>alert(1)</script>",
                                      "replyto:x:1234"};
  const std::string md = RenderReportMarkdown(report);
  const size_t line = md.find("**Most co-shared:**");
  ASSERT_NE(line, std::string::npos) << md;
  EXPECT_NE(md.find("`url:https://news.example/carney`", line), std::string::npos);
  EXPECT_NE(md.find("replyto:x:1234", line), std::string::npos);
  EXPECT_TRUE(testutil::MisshapenTableRows(md).empty());
  RENDER_OR_SKIP(md, html);
  EXPECT_TRUE(testutil::LiveHtmlFindings(*html).empty());
  EXPECT_EQ(html->find("<h1>forged"), std::string::npos);
  EXPECT_EQ(html->find("<script>alert(1)"), std::string::npos);
}

}  // namespace
}  // namespace vigil
