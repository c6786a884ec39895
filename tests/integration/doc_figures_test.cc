// The figures README.md and docs/ quote from the example case, checked against a fresh `vigil demo` run, so
// that no doc figure can go stale: a quoted region is marked `<!-- figures:NAME -->` ... `<!-- /figures:NAME -->`
// and every figure in it must be what the run produced.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"

namespace vigil {
namespace {

using nlohmann::json;

// The run the docs quote (docs/exports.md names it): a fixed report time, and no trained models, so the
// figures are the same on every machine.
constexpr const char* kReportTime = "2025-04-05T12:00:00Z";
// Where a quoted excerpt leaves text out.
constexpr std::string_view kEllipsis = "…";

struct DemoRun {
  std::string out_dir;
  testutil::ProcessResult result;
  std::string report_md;
  json report;
  json stix;
};

class DocFigures : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string no_models = testutil::MakeTempDir("doc_figures_no_models");
    setenv("VIGIL_MODEL_DIR", no_models.c_str(), 1);
    run_ = new DemoRun;
    run_->out_dir = testutil::MakeTempDir("doc_figures");
    run_->result = testutil::RunProcess({VIGIL_BINARY, "demo", "--out", run_->out_dir, "--now", kReportTime});
    run_->report_md = testutil::ReadFile(run_->out_dir + "/report.md");
    run_->report = json::parse(testutil::ReadFile(run_->out_dir + "/report.json"), nullptr, false);
    run_->stix = json::parse(testutil::ReadFile(run_->out_dir + "/stix-bundle.json"), nullptr, false);
  }
  static void TearDownTestSuite() { delete run_; }

  void SetUp() override {
    ASSERT_EQ(run_->result.exit_code, 0) << run_->result.err;
    ASSERT_FALSE(run_->report.is_discarded());
    ASSERT_FALSE(run_->stix.is_discarded());
  }

  static DemoRun* run_;
};

DemoRun* DocFigures::run_ = nullptr;

// The text between `<!-- figures:NAME -->` and `<!-- /figures:NAME -->` in a file of this repository.
std::string MarkedRegion(const std::string& doc, const std::string& name) {
  const std::string text = testutil::ReadFile(testutil::SourcePath(doc));
  const std::string open = "<!-- figures:" + name + " -->", close = "<!-- /figures:" + name + " -->";
  const size_t begin = text.find(open);
  const size_t end = text.find(close);
  if (begin == std::string::npos || end == std::string::npos || end < begin) {
    ADD_FAILURE() << doc << ": no region marked " << open << " ... " << close;
    return "";
  }
  return text.substr(begin + open.size(), end - begin - open.size());
}

// The region's lines that quote output: inside its ``` fences, without the fences and blank lines.
std::vector<std::string> QuotedLines(const std::string& region) {
  std::vector<std::string> lines;
  std::istringstream in(region);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("```")) {
      inside = !inside;
      continue;
    }
    if (inside && !line.empty()) lines.push_back(line);
  }
  return lines;
}

// The parts of an excerpt line around its ellipses, each as it must stand in the output.
std::vector<std::string> Fragments(const std::string& line) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t at = line.find(kEllipsis, start);
    std::string part = line.substr(start, at == std::string::npos ? std::string::npos : at - start);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    if (!part.empty()) parts.push_back(part);
    if (at == std::string::npos) return parts;
    start = at + kEllipsis.size();
  }
}

// Prose as one line: each run of white space (line breaks too) a single space.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

// A count the way the docs write it: 6751 -> "6,751".
std::string Thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

TEST_F(DocFigures, TheReadmesRunSummaryIsWhatTheDemoPrints) {
  const std::vector<std::string> quoted = QuotedLines(MarkedRegion("README.md", "example-summary"));
  ASSERT_GE(quoted.size(), 2u) << "the summary line and the incidents";
  const std::string& printed = run_->result.out;
  for (const std::string& line : quoted) {
    EXPECT_NE(printed.find(line + "\n"), std::string::npos) << "README.md quotes a line the demo no longer prints:\n"
                                                             << line << "\nThe demo printed:\n" << printed;
  }
}

TEST_F(DocFigures, TheReadmesReportExcerptIsInTheReport) {
  const std::vector<std::string> quoted = QuotedLines(MarkedRegion("README.md", "example-report"));
  ASSERT_GE(quoted.size(), 5u) << "the heading, the impact, the severity table, the narratives";
  for (const std::string& line : quoted) {
    for (const std::string& fragment : Fragments(line)) {
      EXPECT_NE(run_->report_md.find(fragment), std::string::npos)
          << "README.md quotes text the report no longer holds:\n" << fragment;
    }
  }
}

TEST_F(DocFigures, TheExportsPagesFiguresAreTheRunsExports) {
  const std::string region = OneLine(MarkedRegion("docs/exports.md", "example-exports"));
  size_t incident_events = 0, operation_events = 0;
  for (const auto& entry : std::filesystem::directory_iterator(run_->out_dir)) {
    const std::string name = entry.path().filename().string();
    incident_events += name.starts_with("misp-event-");
    operation_events += name.starts_with("misp-operation-");
  }
  const json& report = run_->report;
  const size_t incidents = report["incidents"].size(), operations = report["operations"].size();
  ASSERT_EQ(incident_events, incidents) << "one MISP event per incident";
  ASSERT_EQ(operation_events, operations) << "one MISP event per network operation";
  const std::vector<std::string> figures = {
      fmt::format("--now {}", kReportTime),
      fmt::format("{} posts, {} incidents, {} network operations", Thousands(report["posts_analysed"].get<size_t>()), incidents,
                  operations),
      fmt::format("{}-object STIX bundle", run_->stix["objects"].size()),
      fmt::format("{} incident and {} operation MISP events", incidents, operations),
  };
  for (const std::string& figure : figures) {
    EXPECT_NE(region.find(figure), std::string::npos) << "docs/exports.md should say: " << figure << "\nIt says:" << region;
  }
}

}  // namespace
}  // namespace vigil
