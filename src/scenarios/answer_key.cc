// answer-key.json (see answer_key.h). nlohmann::ordered_json keeps the documented field order.
#include "scenarios/answer_key.h"

#include <nlohmann/json.hpp>

#include "common/time.h"

namespace vigil::scenarios {
namespace {

using Json = nlohmann::ordered_json;

Json AmplifierJson(const KeyAmplifier& a) {
  return Json{{"account", a.account},
              {"style", StyleName(a.style)},
              {"cross_platform", a.cross_platform},
              {"edits", a.edits},
              {"posts", a.posts},
              {"min_delay_seconds", a.min_delay_seconds},
              {"max_delay_seconds", a.max_delay_seconds}};
}

Json SurgeDayJson(const KeySurgeDay& s) {
  Json j{{"date", s.date.ToString()},
         {"operation_mentions", s.operation_mentions},
         {"organic_mentions_per_day", s.organic_mentions_per_day}};
  if (!s.after_event.empty()) {
    j["after_event"] = s.after_event;
    j["lead_hours"] = s.lead_hours;
  }
  return j;
}

Json IncidentJson(const KeyIncident& in) {
  Json amplifiers = Json::array();
  for (const KeyAmplifier& a : in.amplifiers) amplifiers.push_back(AmplifierJson(a));
  Json surges = Json::array();
  for (const KeySurgeDay& s : in.surge_days) surges.push_back(SurgeDayJson(s));
  return Json{{"actor", in.actor},
              {"actor_name", in.actor_name},
              {"declared", in.declared},
              {"affiliation", in.affiliation},
              {"country", in.country},
              {"target", in.target},
              {"window", {{"start", FormatUtc(in.window_start)}, {"end", FormatUtc(in.window_end)}}},
              {"stance", in.stance},
              {"shape", in.shape},
              {"post_ids", in.post_ids},
              {"peak_interactions", in.peak_interactions},
              {"peak_to_peer_median", in.peak_to_peer_median},
              {"amplifiers", std::move(amplifiers)},
              {"surge_days", std::move(surges)},
              {"prior_targets", in.prior_targets},
              {"notes", in.notes}};
}

Json LookalikeJson(const KeyLookalike& l) {
  return Json{{"account", l.account}, {"name", l.name}, {"targets", l.targets}, {"pattern", l.pattern}, {"why", l.why}};
}

Json OperationJson(const KeyOperation& o) {
  return Json{{"pattern", o.pattern},
              {"country", o.country},
              {"accounts", o.accounts},
              {"targets", o.targets},
              {"languages", o.languages},
              {"window", {{"start", FormatUtc(o.window_start)}, {"end", FormatUtc(o.window_end)}}},
              {"comments", o.comments},
              {"holiday", o.holiday},
              {"accusation", o.accusation},
              {"notes", o.notes}};
}

Json LookalikeNetworkJson(const KeyLookalikeNetwork& n) {
  return Json{{"pattern", n.pattern}, {"accounts", n.accounts}, {"targets", n.targets}, {"why", n.why}};
}

}  // namespace

const char* StyleName(AmplificationStyle style) {
  switch (style) {
    case AmplificationStyle::kRepost:
      return "repost";
    case AmplificationStyle::kLink:
      return "link";
    case AmplificationStyle::kCopy:
      return "copy";
    case AmplificationStyle::kParaphrase:
      break;
  }
  return "paraphrase";
}

std::string RenderAnswerKey(const AnswerKey& key) {
  Json incidents = Json::array();
  for (const KeyIncident& in : key.incidents) incidents.push_back(IncidentJson(in));
  Json lookalikes = Json::array();
  for (const KeyLookalike& l : key.lookalikes) lookalikes.push_back(LookalikeJson(l));
  Json doc{{"schema", kAnswerKeySchema},
                 {"kind", key.kind},
                 {"seed", key.seed},
                 {"size", key.size},
                 {"split", key.split},
                 {"description", key.description},
                 {"corpus",
                  {{"country", key.country},
                   {"posts", key.posts},
                   {"first_post", FormatUtc(key.first_post)},
                   {"last_post", FormatUtc(key.last_post)},
                   {"platforms", key.platforms}}},
                 {"incidents", std::move(incidents)},
                 {"lookalikes", std::move(lookalikes)}};
  // Network parts appear only in the kinds that have them, so other kinds' keys stay as they were.
  if (!key.operations.empty()) {
    Json operations = Json::array();
    for (const KeyOperation& o : key.operations) operations.push_back(OperationJson(o));
    doc["operations"] = std::move(operations);
  }
  if (!key.lookalike_networks.empty()) {
    Json networks = Json::array();
    for (const KeyLookalikeNetwork& n : key.lookalike_networks) networks.push_back(LookalikeNetworkJson(n));
    doc["lookalike_networks"] = std::move(networks);
  }
  return doc.dump(2) + "\n";
}

}  // namespace vigil::scenarios
