// watch.yaml emitter (see watch_yaml.h), in the layout of docs/watch-config.md.
#include "scenarios/watch_yaml.h"

#include <yaml-cpp/yaml.h>

#include <sstream>

namespace vigil::scenarios {
namespace {

void EmitTargets(YAML::Emitter& out, const WatchConfig& config) {
  out << YAML::Key << "targets" << YAML::Value << YAML::BeginSeq;
  for (const Target& t : config.targets) {
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << t.id << YAML::Key << "name" << YAML::Value << t.name;
    if (!t.party.empty()) out << YAML::Key << "party" << YAML::Value << t.party;
    out << YAML::Key << "aliases" << YAML::Value << YAML::Flow << t.aliases;
    std::vector<std::string> accounts;
    for (const TargetAccount& owned : config.target_accounts) {
      if (owned.target_id == t.id) accounts.push_back(owned.account.platform + ":" + owned.account.account_id);
    }
    if (!accounts.empty()) out << YAML::Key << "accounts" << YAML::Value << YAML::Flow << accounts;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void EmitActors(YAML::Emitter& out, const WatchConfig& config) {
  if (config.actors.empty()) return;
  out << YAML::Key << "actors" << YAML::Value << YAML::BeginSeq;
  for (const Actor& a : config.actors) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "platform" << YAML::Value << a.platform << YAML::Key
        << "account_id" << YAML::Value << a.account_id << YAML::Key << "name" << YAML::Value << a.name << YAML::Key
        << "affiliation" << YAML::Value << AffiliationName(a.affiliation);
    if (!a.country.empty()) out << YAML::Key << "country" << YAML::Value << a.country;
    if (!a.notes.empty()) out << YAML::Key << "notes" << YAML::Value << a.notes;
    if (!a.baseline.empty()) out << YAML::Key << "baseline" << YAML::Value << a.baseline;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void EmitPeerGroups(YAML::Emitter& out, const WatchConfig& config) {
  if (config.peer_groups.empty()) return;
  out << YAML::Key << "peer_groups" << YAML::Value << YAML::BeginSeq;
  for (const PeerGroup& g : config.peer_groups) {
    std::vector<std::string> members;
    for (const AccountRef& m : g.members) members.push_back(m.platform + ":" + m.account_id);
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << g.id << YAML::Key << "description" << YAML::Value
        << g.description << YAML::Key << "members" << YAML::Value << YAML::Flow << members << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void EmitEvents(YAML::Emitter& out, const WatchConfig& config) {
  if (config.events.empty()) return;
  out << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
  for (const Event& e : config.events) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "date" << YAML::Value << e.date.ToString() << YAML::Key
        << "label" << YAML::Value << e.label;
    if (!e.target_id.empty()) out << YAML::Key << "target" << YAML::Value << e.target_id;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

}  // namespace

std::string RenderWatchYaml(const WatchConfig& config, const std::string& header) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  out << YAML::BeginMap;
  EmitTargets(out, config);
  EmitActors(out, config);
  EmitPeerGroups(out, config);
  EmitEvents(out, config);
  out << YAML::EndMap;
  std::ostringstream text;
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);) text << "# " << line << "\n";
  text << out.c_str() << "\n";
  return text.str();
}

}  // namespace vigil::scenarios
