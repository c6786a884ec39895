// DISARM Red Framework techniques and the mapping from Vigil's signals to them. Each technique an incident
// shows is kept as observed (seen directly in the posts) or inferred (concluded from context such as
// the actor's attribution or event timing), as DISARM's users ask.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigil/findings.h"

namespace vigil::exporting {

// One DISARM technique as the pinned DISARM STIX bundle defines it (disarm_table.cc, generated).
struct DisarmTechnique {
  std::string id;              // "T0049"
  std::string name;            // "Flood Information Space"
  std::string kill_chain_name;  // as DISARM's bundle writes it
  std::string phase;           // tactic phase, "maximise-exposure"
  std::string stix_id;         // DISARM's own attack-pattern id
  std::string created, modified;
  std::string reference_source;
  std::string url;
  std::string description;
  // The MITRE ATT&CK properties DISARM's bundle carries (x_mitre_is_subtechnique, x_mitre_platforms,
  // x_mitre_version).
  bool is_subtechnique = false;
  std::vector<std::string> platforms;
  std::string mitre_version;
};

struct DisarmSource {
  std::string version;  // the pinned DISARM release
  std::string identity_id, identity_name, identity_created, identity_description;
  std::string marking_id, marking_created, marking_statement;
  std::vector<DisarmTechnique> techniques;
};

const DisarmSource& Disarm();
// The technique with DISARM id `id`, or nullptr.
const DisarmTechnique* FindTechnique(std::string_view id);

// The MISP tag for `technique`: misp-galaxy:disarm-techniques="<cluster value>" when MISP's DISARM galaxy
// (misp-galaxy @9434ace4) has it, otherwise the plain tag vigil:disarm-technique="<id> <name>", so that MISP
// never meets a galaxy cluster it cannot resolve.
std::string MispTechniqueTag(const DisarmTechnique& technique);

enum class Basis { kObserved, kInferred };
const char* BasisName(Basis basis);  // "observed", "inferred"

struct TechniqueUse {
  const DisarmTechnique* technique = nullptr;
  Basis basis = Basis::kObserved;
  std::string rationale;  // plain language with the figures behind it
};

// The DISARM techniques `incident` shows, observed ones first, each with its rationale.
std::vector<TechniqueUse> MapToDisarm(const AnalysisReport& report, const Incident& incident);

}  // namespace vigil::exporting
