// ExportReport: every requested format into one folder, for `vigil export`.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "common/output_file.h"
#include "export/export_util.h"
#include "vigil/export.h"

namespace vigil {

Result<std::vector<std::string>> ExportReport(const AnalysisReport& report, const std::vector<std::string>& formats,
                                              const std::string& dir) {
  static const std::vector<std::string> kKnown = {"stix", "misp", "notify", "html"};
  std::vector<std::string> wanted;
  for (const auto& format : formats) {
    if (format == "all") {
      wanted = kKnown;
      break;
    }
    if (std::find(kKnown.begin(), kKnown.end(), format) == kKnown.end()) {
      return Status::InvalidArgument(fmt::format("unknown export format '{}': use stix, misp, notify, html or all", format));
    }
    wanted.push_back(format);
  }
  auto has = [&](const char* f) { return std::find(wanted.begin(), wanted.end(), f) != wanted.end(); };
  const std::filesystem::path out(dir);
  std::vector<std::string> written;
  // STIX, MISP and notifications describe incidents: a report without any gets only the briefing.
  if (has("stix") && !report.incidents.empty()) {
    VIGIL_ASSIGN_OR_RETURN(std::string bundle, BuildStixBundle(report));
    const std::string path = (out / "stix-bundle.json").string();
    VIGIL_RETURN_IF_ERROR(WriteFileAtomically(path, bundle));
    written.push_back(path);
  }
  if (has("misp")) {
    for (size_t i = 0; i < report.incidents.size(); ++i) {
      VIGIL_ASSIGN_OR_RETURN(std::string event, BuildMispEvent(report, static_cast<int>(i)));
      const std::string path = (out / fmt::format("misp-event-{}.json", i + 1)).string();
      VIGIL_RETURN_IF_ERROR(WriteFileAtomically(path, event));
      written.push_back(path);
    }
  }
  if (has("notify") && !report.incidents.empty()) {
    VIGIL_ASSIGN_OR_RETURN(auto files, WritePlatformNotifications(report, dir));
    written.insert(written.end(), files.begin(), files.end());
  }
  if (has("html")) {
    const std::string path = (out / "briefing.html").string();
    VIGIL_RETURN_IF_ERROR(WriteFileAtomically(path, BuildHtmlBriefing(report)));
    written.push_back(path);
  }
  return written;
}

}  // namespace vigil
