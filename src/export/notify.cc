// Platform notification package: what a task force sends a platform's trust-and-safety team, per platform:
// a CSV of the accounts and posts with their coordination evidence (written for spreadsheets), and a
// readable letter around it (Markdown, every value escaped).
#include <fmt/format.h>

#include <filesystem>
#include <algorithm>
#include <map>
#include <set>

#include "common/csv_writer.h"
#include "common/markdown_escape.h"
#include "common/output_file.h"
#include "common/strings.h"
#include "common/time.h"
#include "export/disarm.h"
#include "export/export_util.h"
#include "export/uuid.h"
#include "vigil/export.h"

namespace vigil {
namespace {

constexpr size_t kFastestRepostsListed = 10;
constexpr size_t kMaxCellChars = 80;

const char* const kCsvHeader[] = {"incident_id", "platform",  "role",          "account_id",    "account_name",
                                  "post_id",     "post_url",  "published_at",  "interactions",  "views",
                                  "amplified_post", "delay_seconds", "evidence"};

std::string PlatformName(const std::string& platform) {
  static const std::map<std::string, std::string> kNames = {
      {"wechat", "WeChat (Tencent)"}, {"weibo", "Weibo"},          {"x", "X"},
      {"facebook", "Meta (Facebook)"}, {"instagram", "Meta (Instagram)"}, {"telegram", "Telegram"},
      {"youtube", "YouTube"},        {"tiktok", "TikTok"},          {"douyin", "Douyin"}};
  auto it = kNames.find(platform);
  return it == kNames.end() ? platform : it->second;
}

// The platform as it appears in a file name: the platform itself when it is a plain name ([a-z0-9_-]),
// otherwise its plain characters and a hash of the whole, so that no platform a post names can reach
// another folder or collide with another platform's files.
std::string FileNamePlatform(const std::string& platform) {
  constexpr size_t kHashChars = 8;
  std::string plain;
  for (char c : platform) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') plain += c;
  }
  if (!plain.empty() && plain == platform) return plain;
  const std::string hash = exporting::FormatUuid(exporting::Uuid5(exporting::VigilNamespace(), "platform|" + platform));
  return (plain.empty() ? "platform" : plain) + "-" + hash.substr(0, kHashChars);
}

std::string CountText(const Count& count) {
  if (!count.present) return "";
  return count.lower_bound ? fmt::format("{}+", count.value) : std::to_string(count.value);
}

struct Row {
  const Incident* incident;
  std::string role;
  const Post* post;
  std::string amplified_post;
  int64_t delay_seconds = -1;
  std::string evidence;
};

void AddCsvRow(CsvWriter& csv, const Row& r) {
  csv.Row({r.incident->id, r.post->platform, r.role, r.post->account_id, r.post->account_name, r.post->id, r.post->url,
           FormatUtc(r.post->published_at), CountText(r.post->metrics.Interactions()), CountText(r.post->metrics.views),
           r.amplified_post, r.delay_seconds < 0 ? "" : std::to_string(r.delay_seconds), r.evidence});
}

std::string Letter(const AnalysisReport& report, const std::string& platform, const std::string& csv_name,
                   const std::vector<Row>& rows, const std::vector<const Incident*>& incidents) {
  std::string md = fmt::format("# Notice to {} trust and safety: coordinated activity around election candidates\n\n",
                               MarkdownText(PlatformName(platform)));
  md += fmt::format("Prepared {} from the analysis \"{}\". The attached {} lists every account and "
                    "post below, one row each.\n\n",
                    FormatDate(report.generated_at), MarkdownText(report.case_name), MarkdownCode(csv_name));
  for (const Incident* incident : incidents) {
    md += fmt::format("## {} and {}\n\n", MarkdownText(incident->actor.name), MarkdownText(incident->target_name));
    md += fmt::format("Reference: {}. Severity: {} ({:.0f}/100).\n\n", MarkdownCode(incident->id), SeverityLevelName(incident->level),
                      incident->severity);
    md += "### In short\n\n" + MarkdownText(exporting::PlainSummary(report, *incident)) + "\n\n";
    md += "### What we ask\n\n"
          "1. Review the accounts listed below under your policies on coordinated inauthentic behaviour, state-affiliated "
          "media and election integrity.\n"
          "2. Preserve the listed posts and account records, including deleted ones, for follow-up requests.\n"
          "3. Tell us what you find and what action you take, quoting the reference above.\n\n";
    md += "### Accounts\n\n| role | account | account id | posts listed |\n|---|---|---|---|\n";
    std::map<std::pair<std::string, std::string>, int> counts;
    std::vector<std::pair<std::string, const Post*>> order;
    for (const Row& r : rows) {
      if (r.incident != incident) continue;
      if (counts[{r.role, r.post->account_id}]++ == 0) order.push_back({r.role, r.post});
    }
    for (const auto& [role, post] : order) {
      md += fmt::format("| {} | {} | {} | {} |\n", role, MarkdownText(post->account_name, kMaxCellChars),
                        MarkdownCode(post->account_id), counts[{role, post->account_id}]);
    }
    md += "\n### The actor's posts\n\n| published (UTC) | title | interactions | views | link |\n|---|---|---|---|---|\n";
    for (const Row& r : rows) {
      if (r.incident != incident || r.role != "actor") continue;
      md += fmt::format("| {} | {} | {} | {} | {} |\n", FormatUtc(r.post->published_at),
                        MarkdownText(r.post->title.empty() ? r.post->text : r.post->title, kMaxCellChars),
                        CountText(r.post->metrics.Interactions()), CountText(r.post->metrics.views), MarkdownUrl(r.post->url));
    }
    const CoordinationSummary& c = incident->coordination;
    md += "\n### Coordination evidence\n\n";
    md += fmt::format("- {} accounts reposted, linked or copied the actor's posts; the median delay was {}.\n",
                      exporting::AmplifierAccounts(c), FormatDuration(c.median_delay_seconds));
    md += fmt::format("- They form one coordination community of {} accounts linked by {} co-sharing edges over {} shared posts or links.\n",
                      c.accounts, c.edges, c.shared_objects);
    std::vector<const Row*> reposts;
    for (const Row& r : rows) {
      if (r.incident == incident && r.role == "amplifier") reposts.push_back(&r);
    }
    std::sort(reposts.begin(), reposts.end(), [](const Row* a, const Row* b) { return a->delay_seconds < b->delay_seconds; });
    if (!reposts.empty()) {
      md += "\nFastest reposts:\n\n| account | delay | repost |\n|---|---|---|\n";
      for (size_t i = 0; i < reposts.size() && i < kFastestRepostsListed; ++i) {
        md += fmt::format("| {} | {} min | {} |\n", MarkdownText(reposts[i]->post->account_name, kMaxCellChars),
                          reposts[i]->delay_seconds / 60, MarkdownUrl(reposts[i]->post->url));
      }
    }
    md += "\n### How this was measured\n\n";
    for (const SeverityContribution& sc : incident->contributions) {
      md += fmt::format("- {} (+{:.0f}): {}\n", MarkdownText(sc.signal), sc.points, MarkdownText(sc.explanation));
    }
    md += "\nTechniques (DISARM " + exporting::Disarm().version + "), observed in the posts or inferred from context:\n\n";
    for (const auto& use : exporting::MapToDisarm(report, *incident)) {
      md += fmt::format("- {} {} {}: {}\n", exporting::BasisName(use.basis), MarkdownText(use.technique->id),
                        MarkdownText(use.technique->name), MarkdownText(use.rationale));
    }
    md += "\nCounts written with a `+` are lower bounds: the platform displayed a capped figure (WeChat shows \"10万+\" past 100,000).\n\n";
  }
  return md;
}

}  // namespace

Result<std::vector<std::string>> WritePlatformNotifications(const AnalysisReport& report, const std::string& dir,
                                                            const ExportOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(auto incidents, exporting::SelectIncidents(report, kAllIncidents));
  std::map<std::string, std::vector<Row>> by_platform;
  for (const Incident* incident : incidents) {
    std::string evidence = fmt::format("peak {:.1f}x {} median", incident->peak_ratio_to_peer, incident->baseline.peer_group_id);
    for (uint32_t index : incident->evidence_posts) {
      if (index >= report.posts.size()) continue;
      const Post& post = report.posts[index];
      by_platform[post.platform].push_back({incident, "actor", &post, "", -1, evidence});
    }
    for (const Amplification& a : incident->coordination.amplifiers) {
      const Post* repost = exporting::FindRepost(report, a);
      if (!repost) continue;  // the amplifier's own post is not in the report: listed in the letter count only
      by_platform[repost->platform].push_back(
          {incident, "amplifier", repost, a.amplified_post, a.delay_seconds,
           fmt::format("{} {} min after the original", a.via.empty() ? "repost" : a.via, a.delay_seconds / 60)});
    }
  }
  std::vector<std::string> written;
  for (const auto& [platform, rows] : by_platform) {
    CsvWriter csv({CsvAudience::kSpreadsheet, options.csv_byte_order_mark});
    csv.Row(std::vector<std::string>(std::begin(kCsvHeader), std::end(kCsvHeader)));
    for (const Row& r : rows) AddCsvRow(csv, r);
    const std::string name = "notification-" + FileNamePlatform(platform);
    const std::string base = (std::filesystem::path(dir) / name).string();
    VIGIL_RETURN_IF_ERROR(WriteFileAtomically(base + ".csv", csv.Take()));
    VIGIL_RETURN_IF_ERROR(WriteFileAtomically(base + ".md", Letter(report, platform, name + ".csv", rows, incidents)));
    written.push_back(base + ".csv");
    written.push_back(base + ".md");
  }
  return written;
}

}  // namespace vigil
