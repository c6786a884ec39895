// MISP event export: one event per incident and one per network operation (its targets, signals and members), with DISARM galaxy tags (observed techniques on the event,
// every technique on its own attribute tagged observed or inferred) and microblog / user-account objects
// built on the current misp-objects templates. Checked against MISP's own describeTypes, schemas, templates
// and galaxy cluster by tests/misp/validate_misp.py.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "common/time.h"
#include "export/disarm.h"
#include "export/export_util.h"
#include "export/uuid.h"
#include "vigil/export.h"

namespace vigil {
namespace {

using Json = nlohmann::ordered_json;

// MISP object templates (MISP/misp-objects @54538c6): their uuids and versions.
constexpr char kMicroblogTemplate[] = "8ec8c911-ddbe-4f5b-895b-fbff70c42a60";
constexpr char kMicroblogVersion[] = "20";
constexpr char kUserAccountTemplate[] = "49606b06-22f0-4ac8-8eee-2f12ad46f3d3";
constexpr char kUserAccountVersion[] = "6";
// MISP enumerations.
constexpr char kDistributionOrganisationOnly[] = "0";
constexpr char kAnalysisCompleted[] = "2";
constexpr size_t kMaxPostChars = 4000;
constexpr char kOrganisation[] = "Vigil";

// The category MISP itself gives each attribute type Vigil writes (describeTypes.json sane_defaults).
const char* CategoryOf(std::string_view type) {
  if (type == "url") return "Network activity";
  if (type == "target-user") return "Targeting data";
  if (type == "threat-actor") return "Attribution";
  return "Other";  // text, comment, datetime
}

// The microblog template's suggested `type` values (sane_default) for the platforms it names.
std::string MicroblogType(const std::string& platform) {
  static const std::map<std::string, std::string> kTypes = {{"x", "Twitter"},         {"twitter", "Twitter"},
                                                            {"facebook", "Facebook"}, {"instagram", "Instagram"},
                                                            {"reddit", "Reddit"},     {"linkedin", "LinkedIn"}};
  auto it = kTypes.find(platform);
  return it == kTypes.end() ? platform : it->second;
}

std::string MispUuid(const std::string& key) {
  return exporting::FormatUuid(exporting::Uuid5(exporting::VigilNamespace(), "misp|" + key));
}

const char* ThreatLevel(SeverityLevel level) {
  switch (level) {
    case SeverityLevel::kCritical:
    case SeverityLevel::kHigh: return "1";
    case SeverityLevel::kMedium: return "2";
    case SeverityLevel::kLow: return "3";
  }
  return "4";
}

// Cuts at a UTF-8 character boundary.
std::string Truncate(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

Json Attribute(const std::string& key, const std::string& relation, const char* type, const std::string& value,
               const std::string& timestamp) {
  Json a;
  a["uuid"] = MispUuid(key + "|" + relation + "|" + value);
  if (!relation.empty()) a["object_relation"] = relation;
  a["type"] = type;
  a["category"] = CategoryOf(type);
  a["value"] = value;
  a["to_ids"] = false;
  a["timestamp"] = timestamp;
  return a;
}

// What the incident and operation events share: the event's opening and the objects for posts and accounts.
class MispWriter {
 protected:
  explicit MispWriter(const AnalysisReport& report) : report_(report), timestamp_(std::to_string(report.generated_at)) {}

  Json EventHeader(const std::string& key, const std::string& info, int64_t date, SeverityLevel level) const {
    Json event;
    event["uuid"] = MispUuid("event|" + key);
    event["info"] = info;
    event["date"] = FormatDate(date);
    event["threat_level_id"] = ThreatLevel(level);
    event["analysis"] = kAnalysisCompleted;
    event["distribution"] = kDistributionOrganisationOnly;
    event["published"] = false;
    event["timestamp"] = timestamp_;
    event["Orgc"] = {{"name", kOrganisation}, {"uuid", MispUuid(std::string("organisation|") + kOrganisation)}};
    return event;
  }

  static std::string Document(Json event) {
    Json root;
    root["Event"] = std::move(event);
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }

  // The opening of a MISP object built on a misp-objects template; its attributes follow.
  Json ObjectHeader(const char* name, const char* template_uuid, const char* template_version, const std::string& key,
                    const std::string& comment) const {
    Json object;
    object["name"] = name;
    object["meta-category"] = "misc";
    object["template_uuid"] = template_uuid;
    object["template_version"] = template_version;
    object["uuid"] = MispUuid(key);
    object["comment"] = comment;
    object["timestamp"] = timestamp_;
    return object;
  }

  Json Microblog(const Post& post, const std::string& comment) {
    const std::string key = "post|" + post.Key();
    Json object = ObjectHeader("microblog", kMicroblogTemplate, kMicroblogVersion, key, comment);
    Json attrs = Json::array();
    // MISP refuses an attribute with an empty value: a field the post lacks is left out.
    auto add = [&](const char* relation, const char* type, const std::string& value) {
      if (value.find_first_not_of(" \t\r\n") != std::string::npos) attrs.push_back(Attribute(key, relation, type, value, timestamp_));
    };
    add("post", "text", Truncate(post.text.empty() ? post.title : post.text, kMaxPostChars));
    add("title", "text", post.title);
    add("url", "url", post.url);
    add("username", "text", post.account_id);
    add("display-name", "text", post.account_name);
    add("creation-date", "datetime", FormatUtc(post.published_at));
    add("type", "text", MicroblogType(post.platform));
    add("language", "text", post.lang);
    for (const auto& link : post.links) add("embedded-link", "url", link);
    object["Attribute"] = attrs;
    return object;
  }

  void AddAccount(Json& objects, const std::string& platform, const std::string& account_id, const std::string& name,
                  const std::string& role) {
    const std::string key = fmt::format("account|{}:{}", platform, account_id);
    if (!accounts_.insert(key).second) return;
    Json object = ObjectHeader("user-account", kUserAccountTemplate, kUserAccountVersion, key, role);
    Json attrs = Json::array();
    for (const auto& [relation, value] : {std::pair<const char*, const std::string*>{"user-id", &account_id},
                                          {"display-name", &name}, {"account-type", &platform}}) {
      if (value->find_first_not_of(" \t\r\n") != std::string::npos) attrs.push_back(Attribute(key, relation, "text", *value, timestamp_));
    }
    object["Attribute"] = attrs;
    objects.push_back(object);
  }

  const AnalysisReport& report_;
  const std::string timestamp_;
  std::set<std::string> accounts_;
};

class EventBuilder : MispWriter {
 public:
  EventBuilder(const AnalysisReport& report, const Incident& incident) : MispWriter(report), incident_(incident) {}

  std::string Build() {
    Json event = EventHeader(incident_.id,
                             fmt::format("Vigil: {} operation on {} ({} to {})", incident_.actor.name, incident_.target_name,
                                         FormatDate(incident_.window_start), FormatDate(incident_.window_end - 1)),
                             incident_.window_start, incident_.level);
    const auto uses = exporting::MapToDisarm(report_, incident_);
    Json tags = Json::array({{{"name", "tlp:amber"}}});
    for (const auto& use : uses) {
      if (use.basis == exporting::Basis::kObserved) tags.push_back({{"name", exporting::MispTechniqueTag(*use.technique)}});
    }
    event["Tag"] = tags;
    Json attributes = Json::array();
    Json summary = Attribute("event|" + incident_.id, "", "text", exporting::PlainSummary(report_, incident_), timestamp_);
    summary["comment"] = "Plain-language summary";
    attributes.push_back(summary);
    for (const auto& use : uses) {
      const auto& t = *use.technique;
      Json a = Attribute("technique|" + incident_.id, "", "text", fmt::format("{} {}", t.id, t.name), timestamp_);
      a["comment"] = fmt::format("DISARM {} technique ({}): {}", exporting::BasisName(use.basis), exporting::Disarm().version,
                                 use.rationale);
      a["Tag"] = Json::array({{{"name", exporting::MispTechniqueTag(t)}}, {{"name", fmt::format("vigil:technique-basis=\"{}\"", exporting::BasisName(use.basis))}}});
      attributes.push_back(a);
    }
    event["Attribute"] = attributes;
    Json objects = Json::array();
    for (uint32_t index : incident_.evidence_posts) {
      if (index < report_.posts.size()) objects.push_back(Microblog(report_.posts[index], "actor post"));
    }
    for (const Amplification& a : incident_.coordination.amplifiers) {
      if (const Post* repost = exporting::FindRepost(report_, a)) {
        objects.push_back(Microblog(*repost, fmt::format("repost of {} after {} s", a.amplified_post, a.delay_seconds)));
      }
    }
    AddAccount(objects, incident_.actor.platform, incident_.actor.account_id, incident_.actor.name, "actor");
    for (const Amplification& a : incident_.coordination.amplifiers) {
      AddAccount(objects, a.platform, a.account_id, a.account_name, "amplifier");
    }
    event["Object"] = objects;
    return Document(std::move(event));
  }

 private:
  const Incident& incident_;
};

// One event per network operation: its summary, targets (target-user), declared actors (threat-actor),
// attribution, signals (comment) and its members as user-account objects named by role.
class OperationEventBuilder : MispWriter {
 public:
  OperationEventBuilder(const AnalysisReport& report, const Operation& op) : MispWriter(report), op_(op) {}

  std::string Build() {
    Json event = EventHeader(op_.id,
                             fmt::format("Vigil: network operation against {} ({} accounts, {} to {})", exporting::OperationTargetNames(op_),
                                         op_.accounts.size(), FormatDate(op_.first_seen), FormatDate(op_.last_seen)),
                             op_.first_seen, op_.level);
    Json tags = Json::array({{{"name", "tlp:amber"}}});
    event["Tag"] = tags;
    const std::string key = "operation|" + op_.id;
    Json attributes = Json::array();
    // MISP refuses an attribute with an empty value: a target or actor without a name is left out.
    auto add = [&](const char* type, const std::string& value, const std::string& comment) {
      if (value.find_first_not_of(" \t\r\n") == std::string::npos) return;
      Json a = Attribute(key, "", type, value, timestamp_);
      a["comment"] = comment;
      attributes.push_back(std::move(a));
    };
    add("text", exporting::OperationSummary(op_), "Plain-language summary");
    for (const OperationTarget& t : op_.targets) {
      add("target-user", t.target_name,
          fmt::format("Target {}: {} posts by {} members, {} replies to the target's accounts; {} favourable, {} critical, {} neutral",
                      t.target_id, t.posts, t.accounts, t.replies, t.stance.favor, t.stance.against, t.stance.neutral));
    }
    for (const std::string& member : op_.declared_actors) {
      const auto [platform, account_id] = exporting::SplitAccountKey(member);
      const Actor* actor = report_.config.FindActor(platform, account_id);
      add("threat-actor", actor && !actor->name.empty() ? actor->name : member, fmt::format("Declared actor among the members: {}", member));
    }
    for (const std::string& line : op_.attribution) add("text", line, "Attribution");
    for (const NetworkSignal& signal : op_.signals) {
      add("comment", exporting::SignalFigures(signal),
          fmt::format("Network signal {}: {}", signal.signal, signal.present ? "present" : "not present"));
    }
    event["Attribute"] = attributes;
    Json objects = Json::array();
    for (const OperationAccount& member : op_.accounts) {
      const auto [platform, account_id] = exporting::SplitAccountKey(member.account);
      AddAccount(objects, platform, account_id, member.name,
                 fmt::format("{}: {} posts, {} about targets, {} replies", NetworkRoleName(member.role), member.posts,
                             member.target_posts, member.replies));
    }
    event["Object"] = objects;
    return Document(std::move(event));
  }

 private:
  const Operation& op_;
};

}  // namespace

Result<std::string> BuildMispEvent(const AnalysisReport& report, int incident) {
  if (incident < 0) return Status::InvalidArgument("a MISP event covers one incident: give its index");
  VIGIL_ASSIGN_OR_RETURN(auto incidents, exporting::SelectIncidents(report, incident));
  try {
    return EventBuilder(report, *incidents[0]).Build();
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(fmt::format("cannot write the MISP event: {}", e.what()));
  }
}

Result<std::string> BuildMispOperationEvent(const AnalysisReport& report, int operation) {
  if (operation < 0 || static_cast<size_t>(operation) >= report.operations.size()) {
    return Status::InvalidArgument(
        fmt::format("operation {} does not exist: the report has {} operation(s)", operation, report.operations.size()));
  }
  try {
    return OperationEventBuilder(report, report.operations[static_cast<size_t>(operation)]).Build();
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(fmt::format("cannot write the MISP event: {}", e.what()));
  }
}

}  // namespace vigil
