// Report writers: the analysis as JSON (schema "vigil.report/1", docs/report-format.md) and as Markdown
// for people. Both are deterministic for the same AnalysisReport.
#pragma once

#include <string>

#include "vigil/findings.h"
#include "vigil/status.h"

namespace vigil {

std::string RenderReportJson(const AnalysisReport& report);
std::string RenderReportMarkdown(const AnalysisReport& report);

}  // namespace vigil
