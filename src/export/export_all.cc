// ExportReport: every requested format into one folder, each exporter isolated from the others.
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>

#include "common/output_file.h"
#include "export/export_util.h"
#include "vigil/export.h"

namespace vigil {
namespace {

const std::vector<std::string> kKnownFormats = {"stix", "misp", "notify", "html"};

Result<std::vector<std::string>> WantedFormats(const std::vector<std::string>& formats) {
  std::vector<std::string> wanted;
  for (const auto& format : formats) {
    if (format == "all") return kKnownFormats;
    if (std::find(kKnownFormats.begin(), kKnownFormats.end(), format) == kKnownFormats.end()) {
      return Status::InvalidArgument(fmt::format("unknown export format '{}': use stix, misp, notify, html or all", format));
    }
    wanted.push_back(format);
  }
  return wanted;
}

// Writes one file from a builder's result.
Status WriteBuilt(const std::string& path, const Result<std::string>& built, std::vector<std::string>& written) {
  if (!built.ok()) return built.status();
  VIGIL_RETURN_IF_ERROR(WriteFileAtomically(path, *built));
  written.push_back(path);
  return Status::Ok();
}

// Runs one exporter; its failure (an error value or an exception) becomes a line in `outcome.failures`.
void RunIsolated(const std::string& format, const std::function<Status(std::vector<std::string>&)>& exporter,
                 ExportOutcome& outcome) {
  Status status = Status::Ok();
  try {
    status = exporter(outcome.written);
  } catch (const std::exception& e) {
    status = Status::Internal(e.what());
  }
  if (!status.ok()) outcome.failures.push_back(fmt::format("{} export failed: {}", format, status.message()));
}

}  // namespace

Result<ExportOutcome> ExportReport(const AnalysisReport& report, const std::vector<std::string>& formats,
                                   const std::string& dir, const ExportOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(const std::vector<std::string> wanted, WantedFormats(formats));
  auto has = [&](const char* f) { return std::find(wanted.begin(), wanted.end(), f) != wanted.end(); };
  const std::filesystem::path out(dir);
  ExportOutcome outcome;
  outcome.warnings = exporting::InvalidUtf8Fields(report);
  // STIX and MISP describe incidents and network operations, notifications incidents: a report without any
  // gets only the briefing.
  if (has("stix") && (!report.incidents.empty() || !report.operations.empty())) {
    RunIsolated("stix", [&](std::vector<std::string>& written) {
      return WriteBuilt((out / "stix-bundle.json").string(), BuildStixBundle(report), written);
    }, outcome);
  }
  if (has("misp")) {
    for (size_t i = 0; i < report.incidents.size(); ++i) {
      RunIsolated("misp", [&](std::vector<std::string>& written) {
        return WriteBuilt((out / fmt::format("misp-event-{}.json", i + 1)).string(), BuildMispEvent(report, static_cast<int>(i)),
                          written);
      }, outcome);
    }
    for (size_t i = 0; i < report.operations.size(); ++i) {
      RunIsolated("misp", [&](std::vector<std::string>& written) {
        return WriteBuilt((out / fmt::format("misp-operation-{}.json", i + 1)).string(),
                          BuildMispOperationEvent(report, static_cast<int>(i)), written);
      }, outcome);
    }
  }
  if (has("notify") && !report.incidents.empty()) {
    RunIsolated("notify", [&](std::vector<std::string>& written) {
      VIGIL_ASSIGN_OR_RETURN(auto files, WritePlatformNotifications(report, dir, options));
      written.insert(written.end(), files.begin(), files.end());
      return Status::Ok();
    }, outcome);
  }
  if (has("html")) {
    RunIsolated("html", [&](std::vector<std::string>& written) {
      return WriteBuilt((out / "briefing.html").string(), BuildHtmlBriefing(report), written);
    }, outcome);
  }
  return outcome;
}

}  // namespace vigil
