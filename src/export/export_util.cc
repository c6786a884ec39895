// Helpers shared by the exporters.
#include "common/strings.h"
#include "export/export_util.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <fstream>

#include "common/time.h"

namespace vigil::exporting {
namespace {

// The baseline's description up to its first clause ("PRC state media on WeChat; their engagement ..."
// reads as "PRC state media on WeChat"), or its id.
std::string BaselineName(const Baseline& baseline) {
  std::string name = baseline.description.substr(0, baseline.description.find_first_of(";(\n"));
  while (!name.empty() && (name.back() == ' ' || name.back() == '.' || name.back() == ',')) name.pop_back();
  if (name.empty()) name = baseline.peer_group_id.empty() ? "its peers" : baseline.peer_group_id;
  return name;
}

}  // namespace

int64_t AmplifierAccounts(const CoordinationSummary& coordination) {
  std::set<std::pair<std::string, std::string>> listed;
  for (const Amplification& a : coordination.amplifiers) listed.insert({a.platform, a.account_id});
  return std::max(coordination.total_amplifier_accounts, static_cast<int64_t>(listed.size()));
}

int64_t PostCount(const Incident& incident) {
  return std::max(incident.evidence_counts.posts, static_cast<int64_t>(incident.evidence_posts.size()));
}

std::string StixTime(int64_t unix_seconds) {
  std::string text = FormatUtc(unix_seconds);  // ...Z
  text.insert(text.size() - 1, ".000");
  return text;
}

Result<std::vector<const Incident*>> SelectIncidents(const AnalysisReport& report, int index) {
  if (report.incidents.empty()) return Status::InvalidArgument("the report has no incident to export");
  std::vector<const Incident*> selected;
  if (index < 0) {
    for (const auto& incident : report.incidents) selected.push_back(&incident);
    return selected;
  }
  if (static_cast<size_t>(index) >= report.incidents.size()) {
    return Status::InvalidArgument(
        fmt::format("incident {} does not exist: the report has {} incident(s)", index, report.incidents.size()));
  }
  selected.push_back(&report.incidents[static_cast<size_t>(index)]);
  return selected;
}

const Post* FindPostByKey(const AnalysisReport& report, const std::string& key) {
  for (const Post& post : report.posts) {
    if (post.Key() == key) return &post;
  }
  return nullptr;
}

const Post* FindRepost(const AnalysisReport& report, const Amplification& amplification) {
  if (!amplification.post.empty()) return FindPostByKey(report, amplification.post);
  const Post* original = FindPostByKey(report, amplification.amplified_post);
  for (const Post& post : report.posts) {
    if (post.platform == amplification.platform && post.account_id == amplification.account_id &&
        original && post.repost_of == original->id) {
      return &post;
    }
  }
  return nullptr;
}

std::string PlainSummary(const AnalysisReport& /*report*/, const Incident& incident) {
  std::string stance;
  if (incident.stance.mixed) {
    stance = fmt::format("mixing praise ({} posts) and criticism ({} posts)", incident.stance.favor, incident.stance.against);
  } else if (incident.stance.against > incident.stance.favor) {
    stance = fmt::format("mostly critical ({} of {} posts)", incident.stance.against,
                         incident.stance.favor + incident.stance.against + incident.stance.neutral);
  } else {
    stance = fmt::format("mostly favourable ({} of {} posts)", incident.stance.favor,
                         incident.stance.favor + incident.stance.against + incident.stance.neutral);
  }
  std::string summary = fmt::format(
      "Between {} and {}, {} ({}, {}) published {} posts about {}, {}. ", FormatDate(incident.window_start),
      FormatDate(incident.window_end - 1), incident.actor.name, incident.actor.platform,
      AffiliationName(incident.actor.affiliation), PostCount(incident), incident.target_name, stance);
  if (incident.max_interactions > 0 && incident.baseline.median_interactions > 0) {
    const std::string range = incident.min_interactions > 0 && incident.min_interactions < incident.max_interactions
                                  ? fmt::format("{} to {}", Thousands(incident.min_interactions), Thousands(incident.max_interactions))
                                  : fmt::format("up to {}", Thousands(incident.max_interactions));
    summary += fmt::format("Each drew {} interactions, up to {:.1f} times the {} typical of {}. ", range, incident.peak_ratio_to_peer,
                           Thousands(static_cast<int64_t>(incident.baseline.median_interactions)),
                           BaselineName(incident.baseline));
  }
  if (!incident.coordination.amplifiers.empty()) {
    summary += fmt::format("{} other accounts reposted, linked or copied them, typically within {}. ",
                           AmplifierAccounts(incident.coordination),
                           FormatDuration(incident.coordination.median_delay_seconds));
  }
  if (!incident.history.empty()) {
    std::vector<std::string> earlier;
    for (const Campaign& c : incident.history) earlier.push_back(fmt::format("{} ({})", c.target_name, FormatDate(c.start)));
    std::string list = earlier.back();
    if (earlier.size() > 1) {
      earlier.pop_back();
      list = fmt::format("{} and {}", fmt::join(earlier, ", "), list);
    }
    summary += fmt::format("The same actor earlier targeted {}. ", list);
  }
  summary += fmt::format("Vigil rates the incident {} ({:.0f}/100).", SeverityLevelName(incident.level), incident.severity);
  return summary;
}

Status WriteTextFile(const std::string& path, const std::string& content) {
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Status::IoError(fmt::format("{}: cannot create folder: {}", parent.string(), ec.message()));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) return Status::IoError(fmt::format("{}: cannot write file", path));
  return Status::Ok();
}

}  // namespace vigil::exporting
