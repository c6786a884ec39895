// STIX 2.1 export. Ids are UUIDv5: observables use the namespace and id-contributing properties the
// specification prescribes; Vigil's own objects use Vigil's namespace and a natural key, so re-exporting a
// report yields the same ids and the same bytes. Every property outside the specification (Vigil's
// x_vigil_basis / x_disarm_version, DISARM's x_mitre_*) is declared by a toplevel-property-extension
// definition in the bundle, so strict consumers accept it without allow_custom. Network operations become an
// intrusion-set (members as user-accounts it `uses`) and a campaign that `targets` every target.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "common/time.h"
#include "export/disarm.h"
#include "export/export_util.h"
#include "export/uuid.h"
#include "vigil/export.h"

namespace vigil {
namespace {

using Json = nlohmann::ordered_json;
using exporting::Basis;
using exporting::StixTime;
using exporting::VigilStixId;

constexpr char kSpecVersion[] = "2.1";
constexpr char kExtensionVersion[] = "1.0";
// Confidence (STIX 0-100 scale) the exports give to what was seen versus what was concluded.
constexpr int kObservedConfidence = 85;
constexpr int kInferredConfidence = 50;
// Examples a signal note quotes; the rest stay in Vigil's own report.
constexpr size_t kMaxSignalExamples = 5;

// The common properties every STIX object here opens with, in order; created_by_ref and modified are left
// out when empty (DISARM's identity has no creator, its marking definition is never modified).
Json StixObject(const char* type, const std::string& id, const std::string& created_by_ref, const std::string& created,
                const std::string& modified) {
  Json object;
  object["type"] = type;
  object["spec_version"] = kSpecVersion;
  object["id"] = id;
  if (!created_by_ref.empty()) object["created_by_ref"] = created_by_ref;
  object["created"] = created;
  if (!modified.empty()) object["modified"] = modified;
  return object;
}

// Compact JSON of an observable's id-contributing properties, with invalid UTF-8 as U+FFFD as in the bundle.
template <typename JsonType>
std::string CanonicalJson(const JsonType& properties) {
  return properties.dump(-1, ' ', false, JsonType::error_handler_t::replace);
}

class BundleBuilder {
 public:
  explicit BundleBuilder(const AnalysisReport& report) : report_(report), time_(StixTime(report.generated_at)) {
    producer_ = VigilStixId("identity", "producer|vigil");
    Json identity = Sdo("identity", producer_);
    identity["name"] = "Vigil";
    identity["description"] = "Vigil: open-source monitoring of state-backed information operations against election candidates";
    identity["identity_class"] = "system";
    Add(std::move(identity));
  }

  void AddIncident(const Incident& incident) {
    const std::string target = TargetIdentity(incident.target_id, incident.target_name);
    const std::string actor = ThreatActor(incident.actor);
    const std::string network = IntrusionSet(incident);
    const std::string campaign = VigilStixId("campaign", "incident|" + incident.id);
    Json object = Sdo("campaign", campaign);
    object["name"] = fmt::format("{} operation on {}, {}", incident.actor.name, incident.target_name, FormatDate(incident.window_start));
    object["description"] = exporting::PlainSummary(report_, incident);
    object["first_seen"] = StixTime(incident.window_start);
    object["last_seen"] = StixTime(incident.window_end);
    object["objective"] = fmt::format("Shape how {} is seen by the actor's audience", incident.target_name);
    object["labels"] = Json::array({fmt::format("severity-{}", SeverityLevelName(incident.level))});
    object["confidence"] = static_cast<int>(std::clamp(incident.severity, 0.0, 100.0));
    Add(std::move(object));
    Relationship("attributed-to", campaign, network, "The operation ran through the actor's amplification network.");
    Relationship("attributed-to", network, actor, "The network forms around the actor's account.");
    Relationship("targets", campaign, target, "");
    Relationship("targets", actor, target, "");
    for (const auto& use : exporting::MapToDisarm(report_, incident)) AddTechnique(campaign, use);
    for (const Campaign& past : incident.history) AddHistory(incident, actor, past);
    AddEvidence(incident, campaign);
  }

  // A network operation: the network (intrusion-set) and its members (user-account, `uses` with the role), the
  // campaign against every target, the declared actors among the members (threat-actor, `attributed-to`) and
  // the inauthentic-network signals as notes on the campaign.
  void AddOperation(const Operation& op) {
    const std::string network = OperationNetwork(op);
    const std::string campaign = OperationCampaignId(op);
    Json object = Sdo("campaign", campaign);
    object["name"] = fmt::format("{}, {}", exporting::OperationTitle(op), FormatDate(op.first_seen));
    object["description"] = exporting::OperationSummary(op);
    object["first_seen"] = StixTime(op.first_seen);
    object["last_seen"] = StixTime(std::max(op.first_seen, op.last_seen));
    object["objective"] = fmt::format("Shape how {} are seen", exporting::OperationTargetNames(op));
    Json labels = Json::array({fmt::format("severity-{}", SeverityLevelName(op.level)), "network-operation"});
    if (op.both_sides) labels.push_back("both-sides");
    object["labels"] = labels;
    object["confidence"] = static_cast<int>(std::clamp(op.severity, 0.0, 100.0));
    Add(std::move(object));
    Relationship("attributed-to", campaign, network, "The operation ran through this network of accounts acting in concert.");
    for (const OperationTarget& t : op.targets) {
      Relationship("targets", campaign, TargetIdentity(t.target_id, t.target_name),
                   fmt::format("{} posts by {} members, {} of them replies to the target's accounts; {} favourable, {} critical, "
                               "{} neutral; {} to {}.",
                               t.posts, t.accounts, t.replies, t.stance.favor, t.stance.against, t.stance.neutral,
                               FormatDate(t.first_seen), FormatDate(t.last_seen)));
    }
    for (const std::string& member : op.declared_actors) {
      const auto [platform, account_id] = exporting::SplitAccountKey(member);
      if (const Actor* actor = report_.config.FindActor(platform, account_id)) {
        Relationship("attributed-to", network, ThreatActor(*actor), "A member of the network is this declared actor.");
      }
    }
    for (const NetworkSignal& signal : op.signals) AddSignalNote(op, signal, campaign);
  }

  // Links an operation to the actor incidents that name it and to the earlier operations it shares text
  // templates or links with, when those are in the bundle (run after every incident and operation is added).
  void LinkOperation(const Operation& op) {
    const std::string campaign = OperationCampaignId(op);
    for (const Incident& incident : report_.incidents) {
      const std::string incident_campaign = VigilStixId("campaign", "incident|" + incident.id);
      if (incident.operation_id != op.id || !ids_.count(incident_campaign)) continue;
      Relationship("related-to", incident_campaign, campaign, "The actor's incident is part of this network operation.");
    }
    for (const std::string& earlier : op.related_operations) {
      const std::string earlier_network = VigilStixId("intrusion-set", "operation|" + earlier);
      if (!ids_.count(earlier_network)) continue;
      Relationship("related-to", OperationNetworkId(op), earlier_network,
                   "The network shares text templates or links with this earlier network.");
    }
  }

  void AddReport(const std::vector<const Incident*>& incidents, const std::vector<const Operation*>& operations) {
    std::string key = report_.case_name;
    for (const Incident* incident : incidents) key += "|" + incident->id;
    for (const Operation* op : operations) key += "|" + op->id;
    const std::string id = VigilStixId("report", key);
    Json object = Sdo("report", id);
    object["name"] = incidents.size() == 1 && operations.empty()
                         ? fmt::format("Vigil: {} on {}", incidents[0]->actor.name, incidents[0]->target_name)
                         : fmt::format("Vigil: {}", report_.case_name);
    std::vector<std::string> summaries;
    for (const Incident* incident : incidents) summaries.push_back(exporting::PlainSummary(report_, *incident));
    for (const Operation* op : operations) summaries.push_back(exporting::OperationSummary(*op));
    object["description"] = fmt::format("{}", fmt::join(summaries, "\n\n"));
    Json report_types = Json::array();
    if (!incidents.empty() || !operations.empty()) report_types.push_back("campaign");
    if (!incidents.empty()) report_types.push_back("threat-actor");
    if (!operations.empty()) report_types.push_back("intrusion-set");
    object["report_types"] = report_types;
    object["published"] = time_;
    Json refs = Json::array();
    for (const auto& o : objects_) refs.push_back(o["id"]);
    object["object_refs"] = refs;
    Add(std::move(object));
  }

  std::string Bundle(const std::string& key) const {
    Json bundle;
    bundle["type"] = "bundle";
    bundle["id"] = VigilStixId("bundle", key);
    bundle["objects"] = objects_;
    return bundle.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }

 private:
  Json Sdo(const char* type, const std::string& id) const { return StixObject(type, id, producer_, time_, time_); }

  // Adds an object once; later additions of the same id are ignored (shared targets, actors, accounts).
  bool Add(Json object) {
    const std::string id = object["id"];
    if (!ids_.insert(id).second) return false;
    objects_.push_back(std::move(object));
    return true;
  }

  std::string TargetIdentity(const std::string& target_id, const std::string& name) {
    const std::string id = VigilStixId("identity", "target|" + target_id);
    Json object = Sdo("identity", id);
    object["name"] = name;
    if (const Target* target = report_.config.FindTarget(target_id); target && !target->party.empty()) {
      object["description"] = fmt::format("Election candidate ({})", target->party);
    } else {
      object["description"] = "Election candidate";
    }
    object["identity_class"] = "individual";
    object["sectors"] = Json::array({"government"});
    Add(std::move(object));
    return id;
  }

  std::string ThreatActor(const Actor& actor) {
    const std::string id = VigilStixId("threat-actor", fmt::format("actor|{}|{}", actor.platform, actor.account_id));
    Json object = Sdo("threat-actor", id);
    object["name"] = actor.name;
    std::string description = fmt::format("{} account {} on {}", AffiliationName(actor.affiliation), actor.account_id, actor.platform);
    if (!actor.country.empty()) description += fmt::format(", linked to state {}", actor.country);
    if (!actor.notes.empty()) description += ". " + actor.notes;
    object["description"] = description;
    object["threat_actor_types"] = Json::array({actor.IsStateAffiliated() ? "nation-state" : "unknown"});
    object["roles"] = Json::array({"agent"});
    object["primary_motivation"] = actor.IsStateAffiliated() ? "ideology" : "unpredictable";
    Add(std::move(object));
    return id;
  }

  std::string IntrusionSet(const Incident& incident) {
    const Actor& actor = incident.actor;
    const std::string id = VigilStixId("intrusion-set", fmt::format("network|{}|{}", actor.platform, actor.account_id));
    Json object = Sdo("intrusion-set", id);
    object["name"] = fmt::format("{} amplification network", actor.name);
    object["description"] = fmt::format("The actor's account and the {} accounts that amplified it ({} accounts in its coordination community)",
                                        exporting::AmplifierAccounts(incident.coordination), incident.coordination.accounts);
    object["resource_level"] = actor.IsStateAffiliated() ? "government" : "organization";
    Add(std::move(object));
    return id;
  }

  static std::string OperationNetworkId(const Operation& op) { return VigilStixId("intrusion-set", "operation|" + op.id); }
  static std::string OperationCampaignId(const Operation& op) { return VigilStixId("campaign", "operation|" + op.id); }

  // The operation's network of accounts and a `uses` relationship to each member, naming its role.
  std::string OperationNetwork(const Operation& op) {
    const std::string id = OperationNetworkId(op);
    Json object = Sdo("intrusion-set", id);
    object["name"] = fmt::format("Network {} ({} accounts)", op.id, op.accounts.size());
    object["description"] = fmt::format("{} accounts acting in concert ({}): {} account pairs co-acted, {:.1f} co-actions per pair.",
                                        op.accounts.size(), exporting::OperationRoleCounts(op), op.ties, op.mean_tie_weight);
    object["first_seen"] = StixTime(op.first_seen);
    object["last_seen"] = StixTime(std::max(op.first_seen, op.last_seen));
    if (!op.declared_actors.empty()) object["resource_level"] = "government";
    Add(std::move(object));
    for (const OperationAccount& member : op.accounts) {
      const auto [platform, account_id] = exporting::SplitAccountKey(member.account);
      Json extra;
      extra["labels"] = Json::array({fmt::format("role-{}", NetworkRoleName(member.role))});
      Relationship("uses", id, AccountObservable(platform, account_id, member.name),
                   fmt::format("{}: {} posts, {} about watched targets, {} replies to targets' accounts, co-acted with {} members{}",
                               NetworkRoleName(member.role), member.posts, member.target_posts, member.replies, member.ties,
                               member.affiliation.empty() ? "" : fmt::format("; declared {}", member.affiliation)),
                   extra);
    }
    return id;
  }

  // One note per inauthentic-network signal measured, present or not, with its figures and a few examples.
  void AddSignalNote(const Operation& op, const NetworkSignal& signal, const std::string& campaign) {
    Json note = Sdo("note", VigilStixId("note", fmt::format("operation-signal|{}|{}", op.id, signal.signal)));
    note["abstract"] = fmt::format("{}: {}", signal.signal, signal.present ? "present" : "not present");
    std::string content = exporting::SignalFigures(signal) + ".";
    if (!signal.examples.empty()) {
      const size_t shown = std::min(signal.examples.size(), kMaxSignalExamples);
      std::vector<std::string> examples(signal.examples.begin(), signal.examples.begin() + static_cast<std::ptrdiff_t>(shown));
      content += fmt::format(" Examples: {}", fmt::join(examples, " | "));
    }
    note["content"] = content;
    note["labels"] = Json::array({signal.present ? "signal-present" : "signal-absent"});
    note["object_refs"] = Json::array({campaign});
    Add(std::move(note));
  }

  void Relationship(const char* type, const std::string& source, const std::string& target, const std::string& description,
                    Json extra = Json::object()) {
    Json object = Sdo("relationship", VigilStixId("relationship", fmt::format("{}|{}|{}", type, source, target)));
    object["relationship_type"] = type;
    object["source_ref"] = source;
    object["target_ref"] = target;
    if (!description.empty()) object["description"] = description;
    for (auto& [key, value] : extra.items()) object[key] = value;
    Add(std::move(object));
  }

  void AddDisarmSource() {
    const auto& disarm = exporting::Disarm();
    Json identity = StixObject("identity", disarm.identity_id, "", disarm.identity_created, disarm.identity_created);
    identity["name"] = disarm.identity_name;
    if (!disarm.identity_description.empty()) identity["description"] = disarm.identity_description;
    identity["identity_class"] = "organization";
    Add(std::move(identity));
    Json marking = StixObject("marking-definition", disarm.marking_id, disarm.identity_id, disarm.marking_created, "");
    marking["definition_type"] = "statement";
    marking["name"] = disarm.identity_name;
    marking["definition"] = {{"statement", disarm.marking_statement}};
    Add(std::move(marking));
  }

  // DISARM's own attack-pattern (same id and content as the pinned DISARM bundle) and a `uses`
  // relationship that says whether the technique was observed or inferred.
  void AddTechnique(const std::string& campaign, const exporting::TechniqueUse& use) {
    AddDisarmSource();
    const auto& t = *use.technique;
    const auto& disarm = exporting::Disarm();
    Json pattern = StixObject("attack-pattern", t.stix_id, disarm.identity_id, t.created, t.modified);
    pattern["name"] = t.name;
    if (!t.description.empty()) pattern["description"] = t.description;
    pattern["kill_chain_phases"] = Json::array({{{"kill_chain_name", t.kill_chain_name}, {"phase_name", t.phase}}});
    pattern["external_references"] = Json::array({{{"source_name", t.reference_source}, {"url", t.url}, {"external_id", t.id}}});
    pattern["object_marking_refs"] = Json::array({disarm.marking_id});
    pattern["x_mitre_is_subtechnique"] = t.is_subtechnique;
    pattern["x_mitre_platforms"] = t.platforms;
    pattern["x_mitre_version"] = t.mitre_version;
    pattern["extensions"] = ToplevelExtension(MitreExtension());
    Add(std::move(pattern));
    const bool observed = use.basis == Basis::kObserved;
    Json extra;
    extra["confidence"] = observed ? kObservedConfidence : kInferredConfidence;
    extra["labels"] = Json::array({fmt::format("disarm-{}", exporting::BasisName(use.basis))});
    extra["x_vigil_basis"] = exporting::BasisName(use.basis);
    extra["x_disarm_version"] = disarm.version;
    extra["extensions"] = ToplevelExtension(VigilExtension());
    Relationship("uses", campaign, t.stix_id,
                 fmt::format("{} {} {}: {}", observed ? "Observed" : "Inferred", t.id, t.name, use.rationale), extra);
  }

  // The extension definition that declares Vigil's own properties on `uses` relationships.
  std::string VigilExtension() {
    return ExtensionDefinition(
        "vigil-technique-basis", "Vigil technique basis",
        "Properties Vigil adds to the `uses` relationships between an operation (campaign) and a DISARM technique "
        "(attack-pattern).",
        "x_vigil_basis (string): \"observed\" when the technique was seen in the posts themselves, \"inferred\" when it "
        "was concluded from context (attribution, timing, tone). x_disarm_version (string): the DISARM release the "
        "technique ids refer to.",
        {"x_vigil_basis", "x_disarm_version"});
  }

  // The extension definition that declares the MITRE ATT&CK properties DISARM's attack-patterns carry.
  std::string MitreExtension() {
    return ExtensionDefinition(
        "disarm-mitre-properties", "MITRE ATT&CK properties in DISARM's attack-patterns",
        "DISARM publishes its techniques as attack-patterns with three MITRE ATT&CK properties; Vigil copies the "
        "objects as DISARM writes them and declares those properties here.",
        "x_mitre_is_subtechnique (boolean): the technique is a sub-technique (its id has a dot). x_mitre_platforms "
        "(list of strings) and x_mitre_version (string): as in MITRE ATT&CK's STIX data and DISARM's bundle.",
        {"x_mitre_is_subtechnique", "x_mitre_platforms", "x_mitre_version"});
  }

  std::string ExtensionDefinition(const std::string& key, const std::string& name, const std::string& description,
                                  const std::string& schema, const std::vector<std::string>& properties) {
    const std::string id = VigilStixId("extension-definition", key);
    Json object = Sdo("extension-definition", id);
    object["name"] = name;
    object["description"] = description;
    object["schema"] = schema;
    object["version"] = kExtensionVersion;
    object["extension_types"] = Json::array({"toplevel-property-extension"});
    object["extension_properties"] = properties;
    Add(std::move(object));
    return id;
  }

  static Json ToplevelExtension(const std::string& definition_id) {
    return Json{{definition_id, {{"extension_type", "toplevel-property-extension"}}}};
  }

  void AddHistory(const Incident& incident, const std::string& actor, const Campaign& past) {
    const std::string target = TargetIdentity(past.target_id, past.target_name);
    const std::string id = VigilStixId("campaign", fmt::format("history|{}|{}|{}|{}", incident.actor.platform,
                                                              incident.actor.account_id, past.target_id, past.start));
    Json object = Sdo("campaign", id);
    object["name"] = fmt::format("{} operation on {}, {}", incident.actor.name, past.target_name, FormatDate(past.start));
    object["description"] = fmt::format("Earlier campaign of the same actor: {} posts, {} interactions, {} amplifying accounts.",
                                        past.posts, exporting::Thousands(past.interactions), past.amplifier_accounts);
    object["first_seen"] = StixTime(past.start);
    object["last_seen"] = StixTime(past.end);
    if (Add(std::move(object))) {
      Relationship("attributed-to", id, actor, "");
      Relationship("targets", id, target, "");
    }
  }

  std::string UrlObservable(const std::string& url) {
    const std::string id = exporting::ObservableStixId("url", CanonicalJson(Json{{"value", url}}));
    Add(Json{{"type", "url"}, {"spec_version", kSpecVersion}, {"id", id}, {"value", url}});
    return id;
  }

  std::string AccountObservable(const std::string& platform, const std::string& account_id, const std::string& name) {
    // Id-contributing properties of user-account (STIX 2.1 section 6.16): account_type, user_id, account_login.
    nlohmann::json contributing = {{"account_type", platform}, {"user_id", account_id}, {"account_login", name}};
    const std::string id = exporting::ObservableStixId("user-account", CanonicalJson(contributing));
    Json object{{"type", "user-account"}, {"spec_version", kSpecVersion}, {"id", id}, {"user_id", account_id},
                {"account_login", name}, {"account_type", platform}, {"display_name", name}};
    Add(std::move(object));
    return id;
  }

  std::string ObservedData(const std::string& key, int64_t first, int64_t last, const std::vector<std::string>& refs) {
    const std::string id = VigilStixId("observed-data", key);
    Json object = Sdo("observed-data", id);
    object["first_observed"] = StixTime(first);
    object["last_observed"] = StixTime(last);
    object["number_observed"] = 1;
    object["object_refs"] = refs;
    Add(std::move(object));
    return id;
  }

  void AddEvidence(const Incident& incident, const std::string& campaign) {
    std::vector<std::string> observed;
    int64_t first = incident.window_end, last = incident.window_start;
    for (uint32_t index : incident.evidence_posts) {
      if (index >= report_.posts.size()) continue;
      const Post& post = report_.posts[index];
      std::vector<std::string> refs = {AccountObservable(post.platform, post.account_id, post.account_name)};
      if (!post.url.empty()) refs.push_back(UrlObservable(post.url));
      observed.push_back(ObservedData("post|" + post.Key(), post.published_at, post.published_at, refs));
      first = std::min(first, post.published_at);
      last = std::max(last, post.published_at);
    }
    for (const Amplification& a : incident.coordination.amplifiers) {
      std::vector<std::string> refs = {AccountObservable(a.platform, a.account_id, a.account_name)};
      const Post* repost = exporting::FindRepost(report_, a);
      const Post* original = exporting::FindPostByKey(report_, a.amplified_post);
      if (repost && !repost->url.empty()) refs.push_back(UrlObservable(repost->url));
      if (original && !original->url.empty()) refs.push_back(UrlObservable(original->url));
      const int64_t when = repost ? repost->published_at : (original ? original->published_at + a.delay_seconds : incident.window_start);
      observed.push_back(ObservedData(fmt::format("amplification|{}:{}|{}", a.platform, a.account_id, a.amplified_post), when, when, refs));
      first = std::min(first, when);
      last = std::max(last, when);
    }
    if (observed.empty()) return;
    Json sighting = Sdo("sighting", VigilStixId("sighting", "incident|" + incident.id));
    sighting["description"] = fmt::format("Vigil saw {} posts by the actor and {} amplifications.", exporting::PostCount(incident),
                                          std::max(incident.evidence_counts.amplifiers,
                                                   static_cast<int64_t>(incident.coordination.amplifiers.size())));
    sighting["first_seen"] = StixTime(first);
    sighting["last_seen"] = StixTime(std::max(first, last));
    sighting["count"] = static_cast<int64_t>(observed.size());
    sighting["sighting_of_ref"] = campaign;
    sighting["observed_data_refs"] = observed;
    sighting["where_sighted_refs"] = Json::array({producer_});
    Add(std::move(sighting));
  }

  const AnalysisReport& report_;
  const std::string time_;
  std::string producer_;
  Json objects_ = Json::array();
  std::set<std::string> ids_;
};

}  // namespace

Result<std::string> BuildStixBundle(const AnalysisReport& report, int incident) {
  std::vector<const Incident*> incidents;
  std::vector<const Operation*> operations;
  if (incident == kAllIncidents && report.incidents.empty()) {
    if (report.operations.empty()) return Status::InvalidArgument("the report has no incident or operation to export");
  } else {
    VIGIL_ASSIGN_OR_RETURN(incidents, exporting::SelectIncidents(report, incident));
  }
  // Every operation with the whole report; with one incident, the operation it belongs to.
  for (const Operation& op : report.operations) {
    const bool named = std::any_of(incidents.begin(), incidents.end(), [&](const Incident* i) { return i->operation_id == op.id; });
    if (incident == kAllIncidents || named) operations.push_back(&op);
  }
  try {
    BundleBuilder builder(report);
    std::string key = report.case_name;
    for (const Incident* selected : incidents) {
      builder.AddIncident(*selected);
      key += "|" + selected->id;
    }
    for (const Operation* op : operations) {
      builder.AddOperation(*op);
      key += "|" + op->id;
    }
    for (const Operation* op : operations) builder.LinkOperation(*op);
    builder.AddReport(incidents, operations);
    return builder.Bundle(key);
  } catch (const nlohmann::json::exception& e) {
    // Invalid UTF-8 is written as U+FFFD (error_handler_t::replace); anything else the JSON library
    // refuses is reported.
    return Status::InvalidArgument(fmt::format("cannot write the STIX bundle: {}", e.what()));
  }
}

}  // namespace vigil
