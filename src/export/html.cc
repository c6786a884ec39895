// The HTML briefing: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) that leads
// with the figures and charts and keeps the detail in tables below them; incidents first, then networks.
#include <fmt/format.h>

#include <algorithm>

#include "common/escape.h"
#include "common/strings.h"
#include "common/time.h"
#include "export/disarm.h"
#include "export/export_util.h"
#include "export/svg_charts.h"
#include "vigil/export.h"

namespace vigil {
namespace {

// One line on hostile language toward the target: the posts cited, none found, or why it was not measured.
std::string HostileLanguageLine(const Incident& incident) {
  const HostileLanguage& h = incident.hostile_language;
  std::string line = "<p><b>Hostile language toward " + HtmlEscape(incident.target_name) + ":</b> ";
  if (!h.available) return line + "not measured (" + HtmlEscape(h.unavailable_reason) + ").</p>";
  if (h.hostile.empty()) return line + fmt::format("none in the {} evidence posts read.</p>", h.measured_posts);
  std::vector<std::string> cited;
  for (const HostileLanguage::Post& p : h.hostile) cited.push_back(fmt::format("{} ({:.2f})", HtmlEscape(p.post_key), p.attack));
  return line + fmt::format("{} of {} evidence posts attack or insult (attack model probability &ge; {:.2f}): {}.</p>",
                            h.hostile.size(), h.measured_posts, h.threshold, fmt::join(cited, ", "));
}

constexpr char kStyle[] = R"(
body{font-family:"Noto Sans","Noto Sans CJK SC","DejaVu Sans",sans-serif;color:#212529;margin:0;background:#f1f3f5}
main{max-width:900px;margin:0 auto;padding:24px 20px 40px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:32px 0 8px;border-bottom:2px solid #dee2e6;padding-bottom:4px}
h3{font-size:16px;margin:22px 0 6px;color:#495057}.sub{color:#868e96;margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}.card{flex:1 1 150px;border:1px solid #dee2e6;border-radius:6px;padding:10px 12px}
.card b{display:block;font-size:22px}.card span{color:#868e96;font-size:12px}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-size:13px;vertical-align:middle}
.critical{background:#862e9c}.high{background:#c92a2a}.medium{background:#e8590c}.low{background:#5c940d}
.summary{font-size:15px;line-height:1.55;background:#fff9db;border-left:4px solid #fab005;padding:10px 14px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}th,td{border-bottom:1px solid #e9ecef;padding:5px 6px;text-align:left;vertical-align:top}
th{background:#f8f9fa}td.n{text-align:right;white-space:nowrap}svg{max-width:100%;height:auto;display:block;margin:6px 0}
.observed{color:#1f5fa8;font-weight:bold}.inferred{color:#6a4c93;font-weight:bold}footer{color:#868e96;font-size:12px;margin-top:30px}
a{color:#1f5fa8;word-break:break-all}code.refused-link{color:#c92a2a;word-break:break-all}
)";

std::string CountText(const Count& count) {
  if (!count.present) return "–";
  return exporting::Thousands(count.value) + (count.lower_bound ? "+" : "");
}

std::string Card(const std::string& value, const std::string& label) {
  return fmt::format("<div class=\"card\"><b>{}</b><span>{}</span></div>", HtmlEscape(value), HtmlEscape(label));
}

std::string IncidentSection(const AnalysisReport& report, const Incident& incident) {
  std::string html;
  html += fmt::format("<h2>{} → {} <span class=\"badge {}\">{} {:.0f}/100</span></h2>", HtmlEscape(incident.actor.name),
                      HtmlEscape(incident.target_name), SeverityLevelName(incident.level), SeverityLevelName(incident.level),
                      incident.severity);
  html += fmt::format("<p class=\"sub\">{} to {} · {} · incident <code>{}</code></p>", FormatDate(incident.window_start),
                      FormatDate(incident.window_end - 1), HtmlEscape(AffiliationName(incident.actor.affiliation)), HtmlEscape(incident.id));
  html += "<div class=\"cards\">";
  html += Card(fmt::format("{} of 6", incident.impact.category),
               "impact (Breakout Scale): " + incident.impact.label);
  html += Card(exporting::Thousands(incident.max_interactions), "peak interactions on one post");
  html += Card(fmt::format("{:.1f}×", incident.peak_ratio_to_peer),
               fmt::format("the {} median ({})", incident.baseline.peer_group_id,
                           exporting::Thousands(static_cast<int64_t>(incident.baseline.median_interactions))));
  html += Card(CountText(incident.max_views), "most views on one post");
  html += Card(std::to_string(exporting::AmplifierAccounts(incident.coordination)),
               fmt::format("amplifying accounts, median delay {}", FormatDuration(incident.coordination.median_delay_seconds)));
  html += Card(fmt::format("{} / {} / {}", incident.stance.favor, incident.stance.against, incident.stance.neutral),
               incident.stance.mixed ? "favour / against / neutral: mixed" : "favour / against / neutral");
  html += "</div>";
  html += "<p class=\"summary\">" + HtmlEscape(exporting::PlainSummary(report, incident)) + "</p>";

  // The weeks around the incident: a years-long timeline would squeeze the surges into a few pixels.
  constexpr int64_t kDaysBefore = 42, kDaysAfter = 14;
  const int64_t from = incident.window_start - kDaysBefore * kSecondsPerDay;
  const int64_t to = incident.window_end + kDaysAfter * kSecondsPerDay;
  std::vector<TimelinePoint> timeline;
  for (const auto& p : report.timeline) {
    if (p.target_id == incident.target_id && p.day_start >= from && p.day_start < to) timeline.push_back(p);
  }
  std::vector<Event> events;
  for (const auto& e : report.config.events) {
    if (e.target_id.empty() || e.target_id == incident.target_id) events.push_back(e);
  }
  html += "<h3>Mentions of " + HtmlEscape(incident.target_name) + " over time</h3>";
  html += exporting::MentionTimelineSvg(timeline, incident.surges, events);

  std::vector<exporting::EngagementBar> bars;
  for (uint32_t index : incident.evidence_posts) {
    if (index >= report.posts.size()) continue;
    const Post& post = report.posts[index];
    const Count interactions = post.metrics.Interactions();
    bars.push_back({FormatDate(post.published_at).substr(5), interactions.value, interactions.lower_bound});
  }
  html += "<h3>Engagement against the state-media baseline</h3>" + exporting::EngagementSvg(bars, incident.baseline);
  if (!incident.narratives.empty()) {
    html += "<h3>Stance toward " + HtmlEscape(incident.target_name) + " in each narrative</h3>" + exporting::StanceMixSvg(incident.narratives);
  }
  if (!incident.coordination.amplifiers.empty()) {
    html += "<h3>Who amplified the posts</h3>" + exporting::AmplifierNetworkSvg(report, incident);
  }
  if (!incident.history.empty()) {
    html += "<h3>The same actor's earlier campaigns</h3>" + exporting::CampaignHistorySvg(incident);
  }

  html += HostileLanguageLine(incident);
  html += "<h3>Why this severity</h3><table><tr><th>signal</th><th>points</th><th>what was measured</th></tr>";
  for (const auto& c : incident.contributions) {
    html += fmt::format("<tr><td>{}</td><td class=\"n\">+{:.0f}</td><td>{}</td></tr>", HtmlEscape(c.signal), c.points, HtmlEscape(c.explanation));
  }
  html += "</table>";
  html += fmt::format("<h3>DISARM techniques <small>({})</small></h3><table><tr><th>basis</th><th>technique</th><th>why</th></tr>",
                      HtmlEscape(exporting::Disarm().version));
  for (const auto& use : exporting::MapToDisarm(report, incident)) {
    const char* basis = exporting::BasisName(use.basis);
    html += fmt::format("<tr><td class=\"{0}\">{0}</td><td>{1} {2}</td><td>{3}</td></tr>", basis,
                        HtmlLink(use.technique->url, use.technique->id), HtmlEscape(use.technique->name), HtmlEscape(use.rationale));
  }
  html += "</table>";
  html += "<h3>Evidence posts</h3><table><tr><th>published (UTC)</th><th>title</th><th>interactions</th><th>views</th></tr>";
  for (uint32_t index : incident.evidence_posts) {
    if (index >= report.posts.size()) continue;
    const Post& post = report.posts[index];
    const std::string title = post.title.empty() ? post.text.substr(0, 120) : post.title;
    html += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                        FormatUtc(post.published_at), HtmlLink(post.url, title), CountText(post.metrics.Interactions()),
                        CountText(post.metrics.views));
  }
  html += "</table>";
  return html;
}

// Members a briefing lists per operation; the full list is in the STIX and MISP exports.
constexpr size_t kMaxMembersShown = 25;

std::string OperationTargetsTable(const Operation& op) {
  std::string html = "<h3>Targets</h3><table><tr><th>target</th><th>posts</th><th>members</th><th>replies to the target</th>"
                     "<th>favour / against / neutral</th><th>first – last seen</th></tr>";
  for (const OperationTarget& t : op.targets) {
    html += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{} / {} / {}</td>"
                        "<td>{} – {}</td></tr>",
                        HtmlEscape(t.target_name), t.posts, t.accounts, t.replies, t.stance.favor, t.stance.against, t.stance.neutral,
                        FormatDate(t.first_seen), FormatDate(t.last_seen));
  }
  return html + "</table>";
}

std::string OperationSignalsTable(const Operation& op) {
  std::string html = "<h3>Inauthentic-network signals</h3><table><tr><th>signal</th><th>present</th><th>measured</th>"
                     "<th>threshold</th><th>evidence</th></tr>";
  for (const NetworkSignal& signal : op.signals) {
    std::string evidence = HtmlEscape(signal.evidence);
    if (!signal.examples.empty()) {
      std::vector<std::string> examples;
      for (const std::string& example : signal.examples) examples.push_back("<code>" + HtmlEscape(example) + "</code>");
      evidence += fmt::format("<br>{}", fmt::join(examples, " · "));
    }
    html += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{:.2f}</td><td class=\"n\">{:.2f}</td><td>{}</td></tr>",
                        HtmlEscape(signal.signal), signal.present ? "yes" : "no", signal.value, signal.threshold, evidence);
  }
  return html + "</table>";
}

std::string OperationMembersTable(const Operation& op) {
  std::string html = fmt::format("<h3>Members <small>({})</small></h3><table><tr><th>account</th><th>name</th><th>role</th>"
                                 "<th>posts</th><th>about targets</th><th>replies</th><th>declared</th></tr>",
                                 HtmlEscape(exporting::OperationRoleCounts(op)));
  const size_t shown = std::min(op.accounts.size(), kMaxMembersShown);
  for (size_t i = 0; i < shown; ++i) {
    const OperationAccount& a = op.accounts[i];
    html += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                        "<td class=\"n\">{}</td><td>{}</td></tr>",
                        HtmlEscape(a.account), HtmlEscape(a.name), NetworkRoleName(a.role), a.posts, a.target_posts, a.replies,
                        HtmlEscape(a.affiliation));
  }
  html += "</table>";
  if (op.accounts.size() > shown) html += fmt::format("<p>… and {} more members.</p>", op.accounts.size() - shown);
  return html;
}

// One network operation: who (members by role), whom (every target), which sides, its surges, its signals,
// its attribution, the incidents it links to and why this severity.
std::string OperationSection(const Operation& op) {
  std::string html;
  html += fmt::format("<h2>Network operation: {} <span class=\"badge {}\">{} {:.0f}/100</span></h2>",
                      HtmlEscape(exporting::OperationTitle(op)), SeverityLevelName(op.level), SeverityLevelName(op.level), op.severity);
  html += fmt::format("<p class=\"sub\">{} to {} · operation <code>{}</code></p>", FormatDate(op.first_seen), FormatDate(op.last_seen),
                      HtmlEscape(op.id));
  html += "<div class=\"cards\">";
  html += Card(std::to_string(op.accounts.size()), "accounts: " + exporting::OperationRoleCounts(op));
  html += Card(std::to_string(op.targets.size()), "targets");
  html += Card(exporting::Thousands(op.target_posts), "posts about targets");
  html += Card(fmt::format("{} / {} / {}", op.stance.favor, op.stance.against, op.stance.neutral),
               op.both_sides ? "favour / against / neutral: both sides" : "favour / against / neutral");
  html += Card(exporting::Thousands(op.reach_outside), "reposts and replies from outside the network");
  html += "</div>";
  html += "<p class=\"summary\">" + HtmlEscape(exporting::OperationSummary(op)) + "</p>";
  html += OperationTargetsTable(op);
  if (!op.surges.empty()) {
    html += "<h3>Surges</h3><ul>";
    for (const OperationSurge& surge : op.surges) {
      std::vector<std::string> events;
      for (const EventRef& e : surge.preceding_events) events.push_back(HtmlEscape(e.event.label));
      html += fmt::format("<li>{}: {} posts about targets, {:.1f}× the network's median day{}</li>", FormatDate(surge.day_start),
                          surge.target_posts, surge.ratio,
                          events.empty() ? "" : fmt::format(", after {}", fmt::join(events, "; ")));
    }
    html += "</ul>";
  }
  html += OperationSignalsTable(op);
  html += "<h3>Attribution</h3>";
  if (op.attribution.empty()) html += "<p>No member is a declared actor and no earlier operation shares its templates or links.</p>";
  for (const std::string& line : op.attribution) html += "<p>" + HtmlEscape(line) + "</p>";
  if (!op.incident_ids.empty()) {
    std::vector<std::string> ids;
    for (const std::string& id : op.incident_ids) ids.push_back("<code>" + HtmlEscape(id) + "</code>");
    html += fmt::format("<p>Actor incidents of its members: {}.</p>", fmt::join(ids, ", "));
  }
  html += OperationMembersTable(op);
  if (!op.contributions.empty()) {
    html += "<h3>Why this severity</h3><table><tr><th>signal</th><th>points</th><th>what was measured</th></tr>";
    for (const auto& c : op.contributions) {
      html += fmt::format("<tr><td>{}</td><td class=\"n\">+{:.0f}</td><td>{}</td></tr>", HtmlEscape(c.signal), c.points,
                          HtmlEscape(c.explanation));
    }
    html += "</table>";
  }
  return html;
}

}  // namespace

std::string BuildHtmlBriefing(const AnalysisReport& report) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  html += "<title>Vigil briefing: " + HtmlEscape(report.case_name) + "</title><style>" + kStyle + "</style></head><body><main>";
  html += "<h1>" + HtmlEscape(report.case_name) + "</h1>";
  html += fmt::format("<p class=\"sub\">Vigil briefing · generated {} · {} posts analysed · {} incident(s) · {} network operation(s)</p>",
                      FormatUtc(report.generated_at), exporting::Thousands(static_cast<int64_t>(report.posts.size())),
                      report.incidents.size(), report.operations.size());
  if (report.incidents.empty() && report.operations.empty()) html += "<p>No incident met the reporting threshold.</p>";
  for (const Incident& incident : report.incidents) html += IncidentSection(report, incident);
  for (const Operation& op : report.operations) html += OperationSection(op);
  html += fmt::format(
      "<footer>Input: {} records read, {} posts kept, {} rejected (see the quarantine file). Counts with + are lower bounds "
      "shown by the platform. DISARM framework © DISARM Foundation, CC BY-SA 4.0.</footer>",
      report.ingest.records_read, report.ingest.posts_stored, report.ingest.rejected);
  html += "</main></body></html>\n";
  return html;
}

}  // namespace vigil
