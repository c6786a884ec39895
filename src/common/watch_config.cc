// Watch configuration loader: yaml-cpp parses, this file validates field by field so that a bad
// configuration is refused before any work, with the file, line and field that are wrong.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "common/time.h"
#include "vigil/watch_config.h"

namespace vigil {
namespace {

class ConfigReader {
 public:
  explicit ConfigReader(std::string source) : source_(std::move(source)) {}

  Status Error(const YAML::Node& node, const std::string& field, const std::string& why) const {
    const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    return Status::InvalidArgument(fmt::format("{}:{}: {}: {}", source_, line, field, why));
  }

  // A required scalar string.
  Result<std::string> String(const YAML::Node& parent, const char* key, const std::string& path,
                             bool required = true) const {
    const YAML::Node node = parent[key];
    if (!node) {
      if (!required) return std::string();
      return Error(parent, path + "." + key, "missing");
    }
    if (!node.IsScalar()) return Error(node, path + "." + key, "must be a string");
    std::string value = node.Scalar();
    if (required && value.empty()) return Error(node, path + "." + key, "must not be empty");
    return value;
  }

  Result<std::vector<std::string>> StringList(const YAML::Node& parent, const char* key,
                                              const std::string& path) const {
    std::vector<std::string> out;
    const YAML::Node node = parent[key];
    if (!node) return out;
    if (!node.IsSequence()) return Error(node, path + "." + key, "must be a list of strings");
    for (size_t i = 0; i < node.size(); ++i) {
      if (!node[i].IsScalar() || node[i].Scalar().empty()) {
        return Error(node[i], fmt::format("{}.{}[{}]", path, key, i), "must be a non-empty string");
      }
      out.push_back(node[i].Scalar());
    }
    return out;
  }

  const std::string& source() const { return source_; }

 private:
  std::string source_;
};

Result<Affiliation> ParseAffiliation(const std::string& text) {
  if (text == "state-media") return Affiliation::kStateMedia;
  if (text == "state-linked") return Affiliation::kStateLinked;
  if (text == "independent") return Affiliation::kIndependent;
  if (text == "unknown" || text.empty()) return Affiliation::kUnknown;
  return Status::InvalidArgument("'" + text + "' is not one of state-media, state-linked, independent, unknown");
}

Status ReadTargets(const ConfigReader& r, const YAML::Node& root, WatchConfig& config) {
  const YAML::Node list = root["targets"];
  if (!list || !list.IsSequence() || list.size() == 0) {
    return r.Error(list ? list : root, "targets", "must be a non-empty list: nothing to watch");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("targets[{}]", i);
    if (!list[i].IsMap()) return r.Error(list[i], path, "must be a mapping");
    Target target;
    VIGIL_ASSIGN_OR_RETURN(target.id, r.String(list[i], "id", path));
    VIGIL_ASSIGN_OR_RETURN(target.name, r.String(list[i], "name", path));
    VIGIL_ASSIGN_OR_RETURN(target.party, r.String(list[i], "party", path, false));
    VIGIL_ASSIGN_OR_RETURN(target.aliases, r.StringList(list[i], "aliases", path));
    if (!ids.insert(target.id).second) return r.Error(list[i]["id"], path + ".id", "duplicate target id");
    if (std::find(target.aliases.begin(), target.aliases.end(), target.name) == target.aliases.end()) {
      target.aliases.insert(target.aliases.begin(), target.name);
    }
    config.targets.push_back(std::move(target));
  }
  return Status::Ok();
}

Status ReadActors(const ConfigReader& r, const YAML::Node& root, WatchConfig& config) {
  const YAML::Node list = root["actors"];
  if (!list) return Status::Ok();
  if (!list.IsSequence()) return r.Error(list, "actors", "must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("actors[{}]", i);
    if (!list[i].IsMap()) return r.Error(list[i], path, "must be a mapping");
    Actor actor;
    VIGIL_ASSIGN_OR_RETURN(actor.platform, r.String(list[i], "platform", path));
    VIGIL_ASSIGN_OR_RETURN(actor.account_id, r.String(list[i], "account_id", path));
    VIGIL_ASSIGN_OR_RETURN(actor.name, r.String(list[i], "name", path));
    VIGIL_ASSIGN_OR_RETURN(std::string affiliation, r.String(list[i], "affiliation", path, false));
    auto parsed = ParseAffiliation(affiliation);
    if (!parsed.ok()) return r.Error(list[i]["affiliation"], path + ".affiliation", parsed.status().message());
    actor.affiliation = *parsed;
    VIGIL_ASSIGN_OR_RETURN(actor.country, r.String(list[i], "country", path, false));
    VIGIL_ASSIGN_OR_RETURN(actor.notes, r.String(list[i], "notes", path, false));
    VIGIL_ASSIGN_OR_RETURN(actor.baseline, r.String(list[i], "baseline", path, false));
    if (config.FindActor(actor.platform, actor.account_id)) {
      return r.Error(list[i], path, "duplicate actor " + actor.platform + ":" + actor.account_id);
    }
    config.actors.push_back(std::move(actor));
  }
  return Status::Ok();
}

Status ReadPeerGroups(const ConfigReader& r, const YAML::Node& root, WatchConfig& config) {
  const YAML::Node list = root["peer_groups"];
  if (!list) return Status::Ok();
  if (!list.IsSequence()) return r.Error(list, "peer_groups", "must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("peer_groups[{}]", i);
    if (!list[i].IsMap()) return r.Error(list[i], path, "must be a mapping");
    PeerGroup group;
    VIGIL_ASSIGN_OR_RETURN(group.id, r.String(list[i], "id", path));
    VIGIL_ASSIGN_OR_RETURN(group.description, r.String(list[i], "description", path, false));
    const YAML::Node members = list[i]["members"];
    if (!members || !members.IsSequence() || members.size() == 0) {
      return r.Error(members ? members : list[i], path + ".members", "must be a non-empty list");
    }
    for (size_t m = 0; m < members.size(); ++m) {
      const std::string mpath = fmt::format("{}.members[{}]", path, m);
      AccountRef ref;
      if (members[m].IsScalar()) {  // "platform:account_id" shorthand
        const std::string text = members[m].Scalar();
        const size_t colon = text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
          return r.Error(members[m], mpath, "must be 'platform:account_id' or a mapping");
        }
        ref = {text.substr(0, colon), text.substr(colon + 1)};
      } else {
        VIGIL_ASSIGN_OR_RETURN(ref.platform, r.String(members[m], "platform", mpath));
        VIGIL_ASSIGN_OR_RETURN(ref.account_id, r.String(members[m], "account_id", mpath));
      }
      group.members.push_back(std::move(ref));
    }
    config.peer_groups.push_back(std::move(group));
  }
  return Status::Ok();
}

Status ReadEvents(const ConfigReader& r, const YAML::Node& root, WatchConfig& config) {
  const YAML::Node list = root["events"];
  if (!list) return Status::Ok();
  if (!list.IsSequence()) return r.Error(list, "events", "must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("events[{}]", i);
    if (!list[i].IsMap()) return r.Error(list[i], path, "must be a mapping");
    Event event;
    VIGIL_ASSIGN_OR_RETURN(std::string date, r.String(list[i], "date", path));
    auto parsed = ParseCivilDate(date);
    if (!parsed.ok()) return r.Error(list[i]["date"], path + ".date", parsed.status().message());
    event.date = *parsed;
    VIGIL_ASSIGN_OR_RETURN(event.label, r.String(list[i], "label", path));
    VIGIL_ASSIGN_OR_RETURN(event.target_id, r.String(list[i], "target", path, false));
    if (!event.target_id.empty() && !config.FindTarget(event.target_id)) {
      return r.Error(list[i]["target"], path + ".target", "unknown target '" + event.target_id + "'");
    }
    config.events.push_back(std::move(event));
  }
  std::stable_sort(config.events.begin(), config.events.end(),
                   [](const Event& a, const Event& b) { return a.date < b.date; });
  return Status::Ok();
}

// Every actor's `baseline` must name a peer group.
Status CheckBaselines(const ConfigReader& r, const YAML::Node& root, const WatchConfig& config) {
  for (size_t i = 0; i < config.actors.size(); ++i) {
    const std::string& wanted = config.actors[i].baseline;
    if (wanted.empty()) continue;
    const bool known = std::any_of(config.peer_groups.begin(), config.peer_groups.end(),
                                   [&](const PeerGroup& g) { return g.id == wanted; });
    if (!known) {
      return r.Error(root["actors"][i]["baseline"], fmt::format("actors[{}].baseline", i),
                     "unknown peer group '" + wanted + "'");
    }
  }
  return Status::Ok();
}

}  // namespace

const char* AffiliationName(Affiliation a) {
  switch (a) {
    case Affiliation::kStateMedia: return "state-media";
    case Affiliation::kStateLinked: return "state-linked";
    case Affiliation::kIndependent: return "independent";
    case Affiliation::kUnknown: return "unknown";
  }
  return "unknown";
}

const Target* WatchConfig::FindTarget(const std::string& id) const {
  for (const Target& t : targets) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const Actor* WatchConfig::FindActor(const std::string& platform, const std::string& account_id) const {
  for (const Actor& a : actors) {
    if (a.platform == platform && a.account_id == account_id) return &a;
  }
  return nullptr;
}

Result<WatchConfig> ParseWatchConfig(const std::string& yaml_text, const std::string& source_name) {
  ConfigReader reader(source_name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(
        fmt::format("{}:{}: not valid YAML: {}", source_name, e.mark.line + 1, e.msg));
  }
  if (!root.IsMap()) return Status::InvalidArgument(source_name + ": the configuration must be a YAML mapping");
  WatchConfig config;
  try {
    VIGIL_RETURN_IF_ERROR(ReadTargets(reader, root, config));
    VIGIL_RETURN_IF_ERROR(ReadActors(reader, root, config));
    VIGIL_RETURN_IF_ERROR(ReadPeerGroups(reader, root, config));
    VIGIL_RETURN_IF_ERROR(ReadEvents(reader, root, config));
    VIGIL_RETURN_IF_ERROR(CheckBaselines(reader, root, config));
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(fmt::format("{}:{}: {}", source_name, e.mark.line + 1, e.msg));
  }
  return config;
}

Result<WatchConfig> LoadWatchConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open watch configuration '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseWatchConfig(text.str(), path);
}

}  // namespace vigil
