// Exporters: an AnalysisReport out to the formats the people who act on it use: STIX 2.1 bundles (with
// DISARM techniques), MISP events, a platform notification package, and a self-contained HTML briefing.
// Every exporter is deterministic: the same report gives byte-identical files (ids are UUIDv5).
#pragma once

#include <string>
#include <vector>

#include "vigil/findings.h"
#include "vigil/status.h"

namespace vigil {

// Which incidents an export covers: all of them (the whole report), or one by its index in
// AnalysisReport::incidents.
constexpr int kAllIncidents = -1;

// Choices about the files the exporters write.
struct ExportOptions {
  // Start the CSVs meant for spreadsheets (notification-<platform>.csv) with a UTF-8 byte-order mark, so
  // that Excel reads them as UTF-8 instead of the system code page.
  bool csv_byte_order_mark = false;
};

// A STIX 2.1 bundle (JSON text) of the report or of one incident: target identities, the actor
// (threat-actor) and its network (intrusion-set), the operation and earlier operations (campaign), DISARM
// techniques as attack-patterns with DISARM's own ids (uses relationships marked observed or inferred),
// observed-data with url and user-account observables, a sighting and a report object. Each network
// operation (all of them with the whole report; with one incident, the one it belongs to) adds its network
// (intrusion-set `uses` each member's user-account), a campaign that `targets` every target, the declared
// actors among its members and its signals as notes, `related-to` the incidents that name it.
// InvalidArgument when `incident` is out of range or the report has neither incident nor operation.
Result<std::string> BuildStixBundle(const AnalysisReport& report, int incident = kAllIncidents);

// A MISP event (JSON text, {"Event": {...}}) for one incident: DISARM galaxy tags, microblog and
// user-account objects for the evidence posts and accounts.
Result<std::string> BuildMispEvent(const AnalysisReport& report, int incident);

// A MISP event for one network operation (report.operations[operation]): its targets as target-user
// attributes, declared actors among its members as threat-actor, attribution as text, its signals as comment
// attributes and its members as user-account objects whose comment names their role.
Result<std::string> BuildMispOperationEvent(const AnalysisReport& report, int operation);

// Writes the platform notification package for every platform the incidents touch into `dir`:
// notification-<platform>.csv (accounts, post URLs, times, coordination evidence) and
// notification-<platform>.md (a readable letter with a plain-language summary). Returns the files written.
// The CSV is written for spreadsheets: cells a spreadsheet would evaluate as formulas are prefixed with '.
Result<std::vector<std::string>> WritePlatformNotifications(const AnalysisReport& report, const std::string& dir,
                                                            const ExportOptions& options = {});

// The self-contained HTML briefing (inline CSS and SVG charts, no scripts, nothing fetched).
std::string BuildHtmlBriefing(const AnalysisReport& report);

// What ExportReport did.
struct ExportOutcome {
  std::vector<std::string> written;   // files written, in format order
  std::vector<std::string> failures;  // one line per exporter that failed, naming its file and the reason
  std::vector<std::string> warnings;  // values repaired on the way out (invalid UTF-8 became U+FFFD), each
                                      // naming the post or object and the field
};

// Writes `formats` ("stix", "misp", "notify", "html", or "all") into `dir`, creating it:
// stix-bundle.json, misp-event-<n>.json per incident, notification-<platform>.{csv,md}, briefing.html.
// A report without incidents gets only the briefing. Each exporter runs on its own: one that fails is
// listed in `failures` and the others still write. InvalidArgument (nothing written) for an unknown format.
Result<ExportOutcome> ExportReport(const AnalysisReport& report, const std::vector<std::string>& formats,
                                   const std::string& dir, const ExportOptions& options = {});

}  // namespace vigil
