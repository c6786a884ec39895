// Markdown report: what an analyst reads first. Each incident states who, against whom, when, how
// severe and why, then the evidence. Every value from posts, accounts or the configuration goes through
// common/markdown_escape.h.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "common/markdown_escape.h"
#include "common/strings.h"
#include "common/time.h"
#include "report/markdown_operations.h"
#include "vigil/report.h"

namespace vigil {
namespace {

constexpr size_t kMaxEvidenceRows = 25;
constexpr size_t kMaxAmplifierRows = 40;
constexpr size_t kMaxCellChars = 80;
constexpr size_t kMaxTitleChars = 60;
constexpr size_t kMaxExplanationChars = 400;

std::string ActorTitle(const Actor& a) {
  return a.name == a.account_id ? a.name : fmt::format("{} ({}:{})", a.name, a.platform, a.account_id);
}

const char* StanceOf(const AnalysisReport& r, uint32_t post, const std::string& target_id) {
  for (const TargetStance& s : r.stances) {
    if (s.post_index == post && r.config.targets[s.target_index].id == target_id) return StanceName(s.stance);
  }
  return StanceName(Stance::kNeutral);
}

void WriteSummary(const AnalysisReport& r, std::string& out) {
  out += fmt::format("# Vigil report: {}\n\n", MarkdownText(r.case_name));
  out += fmt::format("Generated {} from {} posts ({} target mentions). {} incident(s) at or above the reporting "
                     "threshold; {} network operation(s).\n\n",
                     FormatUtc(r.generated_at), Thousands(static_cast<int64_t>(r.posts.size())),
                     Thousands(static_cast<int64_t>(r.mentions.size())), r.incidents.size(), r.operations.size());
  if (r.ingest.records_read > 0) {
    out += fmt::format("Input: {} records read, {} stored, {} rejected (see the quarantine file).\n\n",
                       Thousands(r.ingest.records_read), Thousands(r.ingest.posts_stored), Thousands(r.ingest.rejected));
  }
  if (r.incidents.empty()) return;
  out += "| # | Actor | Target | Window | Severity | Impact (Breakout Scale) |\n|---|---|---|---|---|---|\n";
  for (size_t i = 0; i < r.incidents.size(); ++i) {
    const Incident& in = r.incidents[i];
    out += fmt::format("| {} | {} | {} | {} – {} | **{}** {:.0f}/100 | category {}: {} |\n", i + 1,
                       MarkdownText(ActorTitle(in.actor), kMaxCellChars), MarkdownText(in.target_name, kMaxCellChars),
                       FormatDate(in.window_start), FormatDate(in.window_end), SeverityLevelName(in.level), in.severity,
                       in.impact.category, MarkdownText(in.impact.label, kMaxCellChars));
  }
  out += "\n";
}

void WriteSeverity(const Incident& in, std::string& out) {
  out += "**Why this severity**\n\n| Signal | Points | Evidence |\n|---|---:|---|\n";
  for (const SeverityContribution& c : in.contributions) {
    out += fmt::format("| {} | {:.1f} | {} |\n", MarkdownText(c.signal), c.points, MarkdownText(c.explanation, kMaxExplanationChars));
  }
  out += fmt::format("| **total** | **{:.1f}** | capped at 100 |\n\n", in.severity);
}

void WriteImpact(const Incident& in, std::string& out) {
  out += fmt::format("**Impact: Breakout Scale category {} of 6**, {}: {}.\n\n", in.impact.category,
                     MarkdownText(in.impact.label),
                     MarkdownText(in.impact.explanation, kMaxExplanationChars));
}

void WriteSurges(const Incident& in, std::string& out) {
  std::vector<const Surge*> daily;
  for (const Surge& s : in.surges) {
    if (s.granularity == Granularity::kDay) daily.push_back(&s);
  }
  if (daily.empty()) return;
  out += "**Surges in mentions of the target**\n\n| Day | Mentions | Baseline (mean/day) | Size | p-value | Peak hour | "
         "Follows |\n|---|---:|---:|---:|---:|---|---|\n";
  for (const Surge* s : daily) {
    std::string peak_hour;
    for (const Surge& h : in.surges) {
      if (h.granularity == Granularity::kHour && h.peak_start >= s->window_start && h.peak_start < s->window_end) {
        peak_hour = FormatUtc(h.peak_start).substr(11, 5) + fmt::format(" UTC ({} mentions)", h.mentions);
        break;
      }
    }
    std::string follows;
    for (const EventRef& e : s->preceding_events) {
      if (!follows.empty()) follows += "; ";
      follows += fmt::format("{} ({}, {} h before)", MarkdownText(e.event.label, kMaxCellChars), e.event.date.ToString(), e.lead_hours);
    }
    out += fmt::format("| {} | {} | {:.1f} | {:.1f}x | {:.1g} | {} | {} |\n", FormatDate(s->peak_start), s->mentions,
                       s->baseline, s->ratio, s->p_value, peak_hour.empty() ? "–" : peak_hour,
                       follows.empty() ? "–" : follows);
  }
  out += "\n";
}

void WriteEngagement(const Incident& in, std::string& out) {
  if (in.baseline.peer_group_id.empty()) return;
  const EngagementTest& t = in.engagement;
  out += fmt::format(
      "**Engagement against baseline.** The actor's posts drew {}–{} interactions (up to {} views). The `{}` "
      "baseline ({} posts) has a median of {} interactions per post (90th percentile {}). Against the {} baseline "
      "posts{} (median {}), the actor's median post ran at **{:.1f}x** (at the {:.0f}th percentile; a post of its "
      "beats a baseline post with probability {:.2f}, one-sided Mann-Whitney p = {:.1g}), and its best post at "
      "{:.1f}x.{}\n\n",
      Thousands(in.min_interactions), Thousands(in.max_interactions),
      in.max_views.present ? FormatCount(in.max_views) : "unknown", MarkdownCode(in.baseline.peer_group_id),
      in.baseline.posts, Thousands(static_cast<int64_t>(in.baseline.median_interactions)),
      Thousands(static_cast<int64_t>(in.baseline.p90_interactions)), Thousands(t.peer_posts),
      t.leave_one_out ? " without the actor's own" : "", Thousands(static_cast<int64_t>(t.peer_median)),
      in.median_ratio_to_peer, 100 * t.median_percentile, t.superiority, t.p_value, in.peak_ratio_to_peer,
      in.baseline.censored_views > 0
          ? fmt::format(" ({} baseline view counts were capped displays such as 10万+, kept as lower bounds.)",
                        in.baseline.censored_views)
          : "");
}

void WriteStance(const Incident& in, std::string& out) {
  out += fmt::format("**Stance toward {}.** {} favourable, {} hostile, {} neutral post(s){}.\n\n", MarkdownText(in.target_name),
                     in.stance.favor, in.stance.against, in.stance.neutral,
                     in.stance.mixed ? ": **mixed narratives** (praise and attack from the same actor)" : "");
  if (in.narratives.empty()) return;
  out += "| Narrative | Posts | Favour / against / neutral | Dates |\n|---|---:|---|---|\n";
  for (const Narrative& n : in.narratives) {
    out += fmt::format("| {} | {} | {} / {} / {} | {} – {} |\n", MarkdownText(n.label, kMaxCellChars), n.posts, n.favor, n.against,
                       n.neutral, FormatDate(n.first_seen), FormatDate(n.last_seen));
  }
  out += "\n";
}

void WriteHostileLanguage(const Incident& in, std::string& out) {
  const HostileLanguage& h = in.hostile_language;
  out += fmt::format("**Hostile language toward {}.** ", MarkdownText(in.target_name));
  if (!h.available) {
    out += fmt::format("Not measured: {}.\n\n", MarkdownText(h.unavailable_reason));
    return;
  }
  if (h.hostile.empty()) {
    out += fmt::format("None of the {} evidence post(s) read by the attack model attack or insult in the sentences "
                       "naming the target.\n\n",
                       h.measured_posts);
    return;
  }
  std::vector<std::string> cited;
  for (const HostileLanguage::Post& p : h.hostile) cited.push_back(fmt::format("{} ({:.2f})", MarkdownCode(p.post_key), p.attack));
  out += fmt::format("{} of {} evidence post(s) attack or insult in the sentences naming the target (attack model "
                     "probability, at least {:.2f}): {}.\n\n",
                     h.hostile.size(), h.measured_posts, h.threshold, fmt::join(cited, ", "));
}

void WriteHistory(const Incident& in, std::string& out) {
  if (in.history.empty()) return;
  out += "**The actor's other campaigns**\n\n| Target | From | To | Posts | Interactions | Amplifying accounts |\n"
         "|---|---|---|---:|---:|---:|\n";
  for (const Campaign& c : in.history) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", MarkdownText(c.target_name, kMaxCellChars), FormatDate(c.start), FormatDate(c.end),
                       c.posts, Thousands(c.interactions), c.amplifier_accounts);
  }
  out += "\n";
}

void WriteAmplifiers(const Incident& in, std::string& out) {
  const CoordinationSummary& c = in.coordination;
  if (c.amplifiers.empty()) return;
  if (c.community_id.empty()) {
    out += fmt::format("**Amplifier network.** {} account(s) reposted or re-shared the actor's posts, {} of them "
                       "within {} minutes; median delay {}.\n\n",
                       c.total_amplifier_accounts, c.fast_accounts, c.fast_window_seconds / 60,
                       FormatDuration(c.median_delay_seconds));
  } else {
    out += fmt::format("**Amplifier network.** {} account(s) amplified the actor's posts; {} of them form coordination "
                       "community {}: {} ties between accounts that co-shared the same posts within {} s, "
                       "first share {} after the original (median {}), {} state-affiliated.\n\n",
                       c.total_amplifier_accounts, c.accounts, MarkdownCode(c.community_id), c.edges, c.window_seconds,
                       FormatDuration(c.amplifiers.empty() ? 0 : c.amplifiers.front().delay_seconds),
                       FormatDuration(c.median_delay_seconds), c.state_affiliated_accounts);
  }
  out += "| Account | Amplified post | How | Delay |\n|---|---|---|---:|\n";
  for (size_t i = 0; i < c.amplifiers.size() && i < kMaxAmplifierRows; ++i) {
    const Amplification& a = c.amplifiers[i];
    out += fmt::format("| {} ({}) | {} | {} | {} |\n", MarkdownText(a.account_name, kMaxCellChars),
                       MarkdownCode(a.account_id), MarkdownText(a.amplified_post, kMaxCellChars), a.via,
                       FormatDuration(a.delay_seconds));
  }
  const auto listed = static_cast<int64_t>(std::min(c.amplifiers.size(), kMaxAmplifierRows));
  if (in.evidence_counts.amplifiers > listed) {
    out += fmt::format("| … {} more ({} in the JSON report) | | | |\n", in.evidence_counts.amplifiers - listed,
                       static_cast<int64_t>(c.amplifiers.size()) - listed);
  }
  out += "\n";
}

void WriteEvidence(const AnalysisReport& r, const Incident& in, std::string& out) {
  out += "**Evidence**\n\n| Published (UTC) | Title | Interactions | Views | Stance | Link |\n|---|---|---:|---:|---|---|\n";
  for (size_t i = 0; i < in.evidence_posts.size() && i < kMaxEvidenceRows; ++i) {
    const Post& p = r.posts[in.evidence_posts[i]];
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", FormatUtc(p.published_at).substr(0, 16),
                       MarkdownText(p.title.empty() ? p.text : p.title, kMaxTitleChars), FormatCount(p.metrics.Interactions()),
                       FormatCount(p.metrics.views), StanceOf(r, in.evidence_posts[i], in.target_id),
                       p.url.empty() ? MarkdownText(p.Key()) : MarkdownLink(p.url, p.id));
  }
  const auto listed = static_cast<int64_t>(std::min(in.evidence_posts.size(), kMaxEvidenceRows));
  if (in.evidence_counts.posts > listed) {
    out += fmt::format("| … {} more ({} in the JSON report) | | | | | |\n", in.evidence_counts.posts - listed,
                       static_cast<int64_t>(in.evidence_posts.size()) - listed);
  }
  out += "\n";
  if (in.evidence_counts.capped) {
    out += fmt::format("The evidence is capped: this report keeps the {} most interacted-with of {} posts, the {} "
                       "fastest of {} amplifications and the {} heaviest of {} ties; `vigil analyze --max-evidence "
                       "0` reports everything. Every post of the actor in the window is in the store (sqlite3 on the "
                       "store file):\n\n{}\n\n",
                       in.evidence_posts.size(), in.evidence_counts.posts, in.coordination.amplifiers.size(),
                       in.evidence_counts.amplifiers, in.coordination.ties.size(), in.evidence_counts.ties,
                       MarkdownCode(in.evidence_counts.store_query));
  }
}

}  // namespace

std::string RenderReportMarkdown(const AnalysisReport& r) {
  std::string out;
  WriteSummary(r, out);
  for (size_t i = 0; i < r.incidents.size(); ++i) {
    const Incident& in = r.incidents[i];
    out += fmt::format("## {}. {} → {}: {} {:.0f}/100\n\n", i + 1, MarkdownText(ActorTitle(in.actor)), MarkdownText(in.target_name),
                       SeverityLevelName(in.level), in.severity);
    out += fmt::format("Incident {}, {} to {}. Actor affiliation: {}{}.\n\n", MarkdownCode(in.id), FormatUtc(in.window_start),
                       FormatUtc(in.window_end), AffiliationName(in.actor.affiliation),
                       in.actor.country.empty() ? "" : " (" + MarkdownText(in.actor.country) + ")");
    WriteImpact(in, out);
    if (!in.operation_id.empty()) {
      out += fmt::format("Part of network operation {} (below).\n\n", MarkdownCode(in.operation_id));
    }
    WriteSeverity(in, out);
    WriteSurges(in, out);
    WriteEngagement(in, out);
    WriteStance(in, out);
    WriteHostileLanguage(in, out);
    WriteHistory(in, out);
    WriteAmplifiers(in, out);
    WriteEvidence(r, in, out);
  }
  WriteOperations(r, out);
  return out;
}

}  // namespace vigil
