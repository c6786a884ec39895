// The reference-case report with attacker-written strings in every field a post, an account or an operator's
// configuration can carry: markup and script, non-http(s) links, Markdown link and image syntax, table
// breakers, spreadsheet formulas, quotes, commas and newlines. For the exporter and report-writer tests.
#pragma once

#include <string>
#include <vector>

#include "vigil/findings.h"

namespace vigil::testutil {

// Link targets no output may make live: script and data schemes in their disguises, protocol-relative and
// attribute-breaking URLs.
const std::vector<std::string>& HostileUrls();

// Cells a spreadsheet evaluates (OWASP CSV injection), with and without leading whitespace.
const std::vector<std::string>& FormulaPayloads();

// MakeReferenceCaseReport() with: evidence post titles carrying <script> and Markdown link / image
// injection, their URLs taken from HostileUrls(), amplifier account names from FormulaPayloads(), account
// ids with quotes and commas, the actor's name and notes, the target name, narrative labels, event labels,
// severity explanations, the peer group and the case name all hostile.
AnalysisReport MakeHostileReport();

}  // namespace vigil::testutil
