#include "vigil/findings.h"

namespace vigil {

const char* StanceName(Stance s) {
  switch (s) {
    case Stance::kFavor: return "favor";
    case Stance::kAgainst: return "against";
    case Stance::kNeutral: return "neutral";
  }
  return "neutral";
}

const char* SeverityLevelName(SeverityLevel l) {
  switch (l) {
    case SeverityLevel::kLow: return "low";
    case SeverityLevel::kMedium: return "medium";
    case SeverityLevel::kHigh: return "high";
    case SeverityLevel::kCritical: return "critical";
  }
  return "low";
}

SeverityLevel SeverityLevelFor(double severity) {
  constexpr double kCritical = 70, kHigh = 50, kMedium = 30;
  if (severity >= kCritical) return SeverityLevel::kCritical;
  if (severity >= kHigh) return SeverityLevel::kHigh;
  if (severity >= kMedium) return SeverityLevel::kMedium;
  return SeverityLevel::kLow;
}

const char* NetworkRoleName(NetworkRole r) {
  switch (r) {
    case NetworkRole::kOriginator: return "originator";
    case NetworkRole::kAmplifier: return "amplifier";
    case NetworkRole::kReplier: return "replier";
  }
  return "amplifier";
}

}  // namespace vigil
