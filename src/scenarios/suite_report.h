// The scenario suite's figures as Markdown (a section of docs/quality.md, between markers so the text
// evaluation and the suite each rewrite only their own part) and as JSON for calibration scripts.
#pragma once

#include <string>

#include "scenarios/suite.h"

namespace vigil::scenarios {

inline constexpr const char* kSectionBegin =
    "<!-- scenario-suite:begin (written by `vigil eval --scenarios`; do not edit by hand) -->";
inline constexpr const char* kSectionEnd = "<!-- scenario-suite:end -->";

// The section, markers included. `command` is the command line that produced it. False incidents are
// summarised by look-alike pattern; the `max_false_listed` most severe of each split are listed with their
// contributions (the JSON holds them all).
inline constexpr size_t kFalseIncidentsListed = 25;
std::string RenderSuiteMarkdown(const SuiteResult& result, const std::string& command,
                                size_t max_false_listed = kFalseIncidentsListed);
// Every scenario's score and every aggregate (schema vigil.scenario-eval/1).
std::string RenderSuiteJson(const SuiteResult& result);

// The marked section of `page` (markers included), or "" when it has none.
std::string ExtractSuiteSection(const std::string& page);
// `page` with its marked section replaced by `section`, or with `section` appended when it has none.
std::string ReplaceSuiteSection(const std::string& page, const std::string& section);

}  // namespace vigil::scenarios
