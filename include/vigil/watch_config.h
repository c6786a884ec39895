// WatchConfig: what an analyst asks Vigil to watch: targets (candidates) with their aliases, known actors,
// peer groups that form engagement baselines, and political events. Loaded from YAML and validated before
// any work starts (docs/watch-config.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil {

struct AccountRef {
  std::string platform;
  std::string account_id;
  friend bool operator==(const AccountRef&, const AccountRef&) = default;
};

struct Target {
  std::string id;                    // short stable id, e.g. "carney"
  std::string name;                  // display name
  std::string party;
  std::vector<std::string> aliases;  // any language or script; the name itself is always an alias
};

// One of a target's own accounts (an MP's page, a candidate's handle), from targets[].accounts: a reply or
// comment to it, or to a post it published, is a mention of the target.
struct TargetAccount {
  std::string target_id;
  AccountRef account;
  friend bool operator==(const TargetAccount&, const TargetAccount&) = default;
};

enum class Affiliation { kStateMedia, kStateLinked, kIndependent, kUnknown };
const char* AffiliationName(Affiliation a);  // "state-media", "state-linked", ...

struct Actor {
  std::string platform;
  std::string account_id;
  std::string name;
  Affiliation affiliation = Affiliation::kUnknown;
  std::string country;  // ISO 3166 alpha-2 of the state it is linked to, if any
  std::string notes;
  std::string baseline;  // peer group whose engagement this actor is compared against ("" = automatic)
  bool IsStateAffiliated() const {
    return affiliation == Affiliation::kStateMedia || affiliation == Affiliation::kStateLinked;
  }
};

struct PeerGroup {
  std::string id;
  std::string description;
  std::vector<AccountRef> members;
};

// A calendar date (proleptic Gregorian).
struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  int64_t DaysSinceEpoch() const;
  std::string ToString() const;  // YYYY-MM-DD
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

struct Event {
  CivilDate date;
  std::string label;
  std::string target_id;  // empty: concerns all targets
};

struct WatchConfig {
  std::vector<Target> targets;
  std::vector<Actor> actors;
  std::vector<PeerGroup> peer_groups;
  std::vector<Event> events;
  std::vector<TargetAccount> target_accounts;  // every target's own accounts, in file order

  const Target* FindTarget(const std::string& id) const;
  const Actor* FindActor(const std::string& platform, const std::string& account_id) const;
  // The index into `targets` of the target that owns this account (target_accounts), or -1.
  int FindTargetOfAccount(const std::string& platform, const std::string& account_id) const;
};

// Parses and validates a watch configuration. On error the message names the file, the YAML line and the
// field, e.g. "watch.yaml:12: targets[0].aliases: must be a list of strings".
Result<WatchConfig> LoadWatchConfig(const std::string& path);
Result<WatchConfig> ParseWatchConfig(const std::string& yaml_text, const std::string& source_name);

}  // namespace vigil
