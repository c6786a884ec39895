// Watch configuration loader: yaml-cpp parses, this file validates field by field so that a bad
// configuration is refused before any work, with the file, line and field that are wrong.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <climits>
#include <cstdint>

#include <fstream>
#include <set>
#include <sstream>

#include "common/time.h"
#include "vigil/watch_config.h"

namespace vigil {
namespace {

// Aliases are names: this leaves room for the longest in any script with titles, and keeps a pattern
// compiler's input small.
constexpr size_t kMaxAliasBytes = 256;

// Edit distance (insertions, deletions, substitutions) between two short keys.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The known key a typo most likely meant: one sharing a prefix of at least three characters (`peers` for
// `peer_groups`), else the closest by edit distance.
std::string NearestKey(std::string_view key, std::initializer_list<std::string_view> known) {
  constexpr size_t kMeaningfulPrefix = 3;
  std::string_view best;
  size_t best_prefix = 0;
  for (std::string_view candidate : known) {
    size_t prefix = 0;
    while (prefix < key.size() && prefix < candidate.size() && key[prefix] == candidate[prefix]) ++prefix;
    if (prefix > best_prefix) best_prefix = prefix, best = candidate;
  }
  if (best_prefix >= kMeaningfulPrefix) return std::string(best);
  size_t best_distance = SIZE_MAX;
  for (std::string_view candidate : known) {
    const size_t distance = EditDistance(key, candidate);
    if (distance < best_distance) best_distance = distance, best = candidate;
  }
  return std::string(best);
}

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

  // Refuses a key of `map` that is not among `known`: a misspelt key would otherwise be ignored silently
  // (an `alias:` for `aliases:` drops every alias).
  Status CheckKeys(const YAML::Node& map, const std::string& path, std::initializer_list<std::string_view> known) const {
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      const std::string where = path.empty() ? key : path + "." + key;
      return Error(it->first, where, fmt::format("unknown key; did you mean '{}'?", NearestKey(key, known)));
    }
    return Status::Ok();
  }

  const std::string& source() const { return source_; }

 private:
  std::string source_;
};

// yaml-cpp 0.7 (Debian 12) never returns, allocating without bound, on a ',' that begins a line outside a
// flow collection ("," alone, "- a\n,"); found by fuzzing. YAML allows no plain scalar to begin with ',',
// so such a line is refused before the parser sees it. Quotes and comments on a line are skipped when
// counting the flow depth ('[' and '{' opened, not yet closed).
Status RefuseLineStartingWithComma(const std::string& text, const std::string& source) {
  int flow_depth = 0;
  int line = 1;
  bool at_line_start = true;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      at_line_start = true;
      continue;
    }
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (at_line_start && (c == ' ' || c == '\t')) continue;
    if (at_line_start && c == ',' && flow_depth == 0) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: not valid YAML: a ',' cannot begin a line outside [...] or {{...}}", source, line));
    }
    at_line_start = false;
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++flow_depth;
    } else if ((c == ']' || c == '}') && flow_depth > 0) {
      --flow_depth;
    }
  }
  return Status::Ok();
}

Result<Affiliation> ParseAffiliation(const std::string& text) {
  if (text == "state-media") return Affiliation::kStateMedia;
  if (text == "state-linked") return Affiliation::kStateLinked;
  if (text == "independent") return Affiliation::kIndependent;
  if (text == "unknown" || text.empty()) return Affiliation::kUnknown;
  return Status::InvalidArgument("'" + text + "' is not one of state-media, state-linked, independent, unknown");
}

// An alias must be something a post can contain: short enough to be a name, UTF-8, and with at least one
// visible character (zero-width and other format characters vanish when text is normalised).
Status CheckAlias(const ConfigReader& r, const YAML::Node& node, const std::string& path, const std::string& alias) {
  if (alias.size() > kMaxAliasBytes) {
    return r.Error(node, path, fmt::format("{} bytes, above the {} byte limit for a name", alias.size(), kMaxAliasBytes));
  }
  bool visible = false;
  int32_t offset = 0;
  const auto length = static_cast<int32_t>(alias.size());
  while (offset < length) {
    UChar32 c = 0;
    U8_NEXT(alias.data(), offset, length, c);
    if (c < 0) return r.Error(node, path, "is not valid UTF-8");
    if (!u_isUWhiteSpace(c) && u_charType(c) != U_FORMAT_CHAR && u_charType(c) != U_CONTROL_CHAR) visible = true;
  }
  if (!visible) return r.Error(node, path, "has no visible character (only spaces or zero-width characters)");
  return Status::Ok();
}

// An account written "platform:account_id" or as a mapping with those two keys.
Result<AccountRef> ReadAccountRef(const ConfigReader& r, const YAML::Node& node, const std::string& path) {
  AccountRef ref;
  if (node.IsScalar()) {
    const std::string text = node.Scalar();
    const size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
      return r.Error(node, path, "must be 'platform:account_id' or a mapping");
    }
    return AccountRef{text.substr(0, colon), text.substr(colon + 1)};
  }
  if (node.IsMap()) VIGIL_RETURN_IF_ERROR(r.CheckKeys(node, path, {"platform", "account_id"}));
  VIGIL_ASSIGN_OR_RETURN(ref.platform, r.String(node, "platform", path));
  VIGIL_ASSIGN_OR_RETURN(ref.account_id, r.String(node, "account_id", path));
  return ref;
}

// targets[i].accounts: optional; an account belongs to one target only (a reply to it must name one target).
Status ReadTargetAccounts(const ConfigReader& r, const YAML::Node& node, const std::string& path,
                          const std::string& target_id, WatchConfig& config) {
  const YAML::Node list = node["accounts"];
  if (!list) return Status::Ok();
  if (!list.IsSequence()) return r.Error(list, path + ".accounts", "must be a list of 'platform:account_id'");
  for (size_t a = 0; a < list.size(); ++a) {
    const std::string apath = fmt::format("{}.accounts[{}]", path, a);
    VIGIL_ASSIGN_OR_RETURN(AccountRef ref, ReadAccountRef(r, list[a], apath));
    for (const TargetAccount& known : config.target_accounts) {
      if (known.account != ref) continue;
      if (known.target_id == target_id) {
        return r.Error(list[a], apath, "duplicate account " + ref.platform + ":" + ref.account_id);
      }
      return r.Error(list[a], apath, fmt::format("{}:{} is already an account of target '{}'", ref.platform,
                                                  ref.account_id, known.target_id));
    }
    config.target_accounts.push_back({target_id, std::move(ref)});
  }
  return Status::Ok();
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
    VIGIL_RETURN_IF_ERROR(r.CheckKeys(list[i], path, {"id", "name", "party", "aliases", "accounts"}));
    Target target;
    VIGIL_ASSIGN_OR_RETURN(target.id, r.String(list[i], "id", path));
    VIGIL_ASSIGN_OR_RETURN(target.name, r.String(list[i], "name", path));
    VIGIL_ASSIGN_OR_RETURN(target.party, r.String(list[i], "party", path, false));
    VIGIL_ASSIGN_OR_RETURN(target.aliases, r.StringList(list[i], "aliases", path));
    VIGIL_RETURN_IF_ERROR(CheckAlias(r, list[i]["name"], path + ".name", target.name));
    for (size_t a = 0; a < target.aliases.size(); ++a) {
      VIGIL_RETURN_IF_ERROR(
          CheckAlias(r, list[i]["aliases"][a], fmt::format("{}.aliases[{}]", path, a), target.aliases[a]));
    }
    VIGIL_RETURN_IF_ERROR(ReadTargetAccounts(r, list[i], path, target.id, config));
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
    VIGIL_RETURN_IF_ERROR(r.CheckKeys(list[i], path,
                                      {"platform", "account_id", "name", "affiliation", "country", "notes", "baseline"}));
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
    VIGIL_RETURN_IF_ERROR(r.CheckKeys(list[i], path, {"id", "description", "members"}));
    PeerGroup group;
    VIGIL_ASSIGN_OR_RETURN(group.id, r.String(list[i], "id", path));
    VIGIL_ASSIGN_OR_RETURN(group.description, r.String(list[i], "description", path, false));
    const YAML::Node members = list[i]["members"];
    if (!members || !members.IsSequence() || members.size() == 0) {
      return r.Error(members ? members : list[i], path + ".members", "must be a non-empty list");
    }
    for (size_t m = 0; m < members.size(); ++m) {
      VIGIL_ASSIGN_OR_RETURN(AccountRef ref,
                             ReadAccountRef(r, members[m], fmt::format("{}.members[{}]", path, m)));
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
    VIGIL_RETURN_IF_ERROR(r.CheckKeys(list[i], path, {"date", "label", "target"}));
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

int WatchConfig::FindTargetOfAccount(const std::string& platform, const std::string& account_id) const {
  for (const TargetAccount& owned : target_accounts) {
    if (owned.account.platform != platform || owned.account.account_id != account_id) continue;
    const Target* target = FindTarget(owned.target_id);
    return target == nullptr ? -1 : static_cast<int>(target - targets.data());
  }
  return -1;
}

Result<WatchConfig> ParseWatchConfig(const std::string& yaml_text, const std::string& source_name) {
  ConfigReader reader(source_name);
  VIGIL_RETURN_IF_ERROR(RefuseLineStartingWithComma(yaml_text, source_name));
  YAML::Node root;
  try {
    const std::vector<YAML::Node> documents = YAML::LoadAll(yaml_text);
    if (documents.size() > 1) {
      return reader.Error(documents[1], "---",
                          "a second YAML document: a watch configuration is one document (merge the two, or keep "
                          "one per file)");
    }
    if (!documents.empty()) root = documents.front();
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(
        fmt::format("{}:{}: not valid YAML: {}", source_name, e.mark.line + 1, e.msg));
  }
  if (!root.IsMap()) return Status::InvalidArgument(source_name + ": the configuration must be a YAML mapping");
  WatchConfig config;
  try {
    VIGIL_RETURN_IF_ERROR(reader.CheckKeys(root, "", {"targets", "actors", "peer_groups", "events"}));
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
