// The report.md section on network operations (see markdown_operations.h). Every value from posts, accounts or
// the configuration goes through common/markdown_escape.h.
#include "report/markdown_operations.h"

#include <fmt/format.h>

#include "common/markdown_escape.h"
#include "common/time.h"

namespace vigil {
namespace {

constexpr size_t kMaxAccountRows = 40;
constexpr size_t kMaxTargetRows = 50;
constexpr size_t kMaxCellChars = 80;
constexpr size_t kMaxExplanationChars = 400;

void WriteOperationSeverity(const Operation& op, std::string& out) {
  out += "**Why this severity**\n\n| Signal | Points | Evidence |\n|---|---:|---|\n";
  for (const SeverityContribution& c : op.contributions) {
    out += fmt::format("| {} | {:.0f} | {} |\n", MarkdownText(c.signal), c.points,
                       MarkdownText(c.explanation, kMaxExplanationChars));
  }
  out += "\n";
}

void WriteTargets(const Operation& op, std::string& out) {
  out += fmt::format("**Targets** ({}; stance over the network: {} favourable, {} hostile, {} neutral{})\n\n",
                     op.targets.size(), op.stance.favor, op.stance.against, op.stance.neutral,
                     op.both_sides ? "; it praises and attacks" : "");
  out +=
      "| Target | Posts | Accounts | Replies | Favour | Against | Neutral | First | Last |\n"
      "|---|---:|---:|---:|---:|---:|---:|---|---|\n";
  for (size_t i = 0; i < op.targets.size() && i < kMaxTargetRows; ++i) {
    const OperationTarget& t = op.targets[i];
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", MarkdownText(t.target_name, kMaxCellChars),
                       t.posts, t.accounts, t.replies, t.stance.favor, t.stance.against, t.stance.neutral,
                       FormatDate(t.first_seen), FormatDate(t.last_seen));
  }
  out += "\n";
}

void WriteSurgesAndSignals(const Operation& op, std::string& out) {
  for (const OperationSurge& s : op.surges) {
    out += fmt::format("- Surge on {}: {} posts about targets; the network's median day over its span holds {:.0f}",
                       FormatDate(s.day_start), s.target_posts, s.baseline);
    for (const EventRef& e : s.preceding_events) {
      out += fmt::format("; {} h after {}", e.lead_hours, MarkdownText(e.event.label, kMaxCellChars));
    }
    out += "\n";
  }
  if (!op.surges.empty()) out += "\n";
  out += "**Inauthentic-network signals**\n\n| Signal | Present | Evidence |\n|---|---|---|\n";
  for (const NetworkSignal& s : op.signals) {
    out += fmt::format("| {} | {} | {} |\n", MarkdownText(s.signal), s.present ? "yes" : "no",
                       MarkdownText(s.evidence, kMaxExplanationChars));
  }
  out += "\n";
}

void WriteAccounts(const Operation& op, std::string& out) {
  out +=
      "| Account | Name | Role | Posts | About targets | Replies | Ties | Declared |\n"
      "|---|---|---|---:|---:|---:|---:|---|\n";
  for (size_t i = 0; i < op.accounts.size() && i < kMaxAccountRows; ++i) {
    const OperationAccount& a = op.accounts[i];
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", MarkdownCode(a.account),
                       MarkdownText(a.name, kMaxCellChars), NetworkRoleName(a.role), a.posts, a.target_posts, a.replies,
                       a.ties, a.affiliation.empty() ? "no" : MarkdownText(a.affiliation));
  }
  if (op.accounts.size() > kMaxAccountRows) {
    out += fmt::format("\n{} more accounts in report.json.\n", op.accounts.size() - kMaxAccountRows);
  }
  out += "\n";
}

// What the members co-shared most: links, copied texts, the posts and pages they replied to, as report.json
// names them ("url:...", "text:...", "replyto:..."), so an analyst can search for each one.
void WriteTopObjects(const Operation& op, std::string& out) {
  if (op.top_objects.empty()) return;
  out += "**Most co-shared:**";
  for (const std::string& object : op.top_objects) out += " " + MarkdownCode(object.substr(0, kMaxCellChars * 2));
  out += "\n\n";
}

}  // namespace

void WriteOperations(const AnalysisReport& r, std::string& out) {
  if (r.operations.empty()) return;
  out += fmt::format(
      "# Network operations\n\n{} group(s) of accounts acting in concert that wrote about watched "
      "targets, whether or not any member is declared.\n\n",
      r.operations.size());
  for (size_t i = 0; i < r.operations.size(); ++i) {
    const Operation& op = r.operations[i];
    out += fmt::format("## Operation {}. {} accounts, {} target(s): {} {:.0f}/100\n\n", i + 1, op.accounts.size(),
                       op.targets.size(), SeverityLevelName(op.level), op.severity);
    out += fmt::format("Operation {}, {} to {}; {} ties ({:.1f} co-actions each); {} posts, {} about targets.\n\n",
                       MarkdownCode(op.id), FormatUtc(op.first_seen), FormatUtc(op.last_seen), op.ties,
                       op.mean_tie_weight, op.posts, op.target_posts);
    for (const std::string& line : op.attribution)
      out += "- Attribution: " + MarkdownText(line, kMaxExplanationChars) + "\n";
    for (const std::string& id : op.incident_ids) out += "- Actor incident " + MarkdownCode(id) + " (above)\n";
    if (!op.attribution.empty() || !op.incident_ids.empty()) out += "\n";
    WriteOperationSeverity(op, out);
    WriteTopObjects(op, out);
    WriteTargets(op, out);
    WriteSurgesAndSignals(op, out);
    WriteAccounts(op, out);
  }
}

}  // namespace vigil
