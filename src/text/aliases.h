// Names a target is also called by, derived from the names an analyst configured: the surname of a full
// name (埃隆·马斯克 -> 马斯克, "Elon Musk" -> "Musk") and the familiar Chinese forms of a transliterated
// surname (老马, 马总). MentionMatcher adds them as ambiguous aliases.
#pragma once

#include <string>
#include <vector>

namespace vigil::text {

struct DerivedAlias {
  std::string written;
  bool nickname = false;  // 老X / X总: a short familiar form that also names many others
};

// Derived forms of one configured name, un-normalised, not including the name itself. A Han full name
// needs a name separator (· • ・ ‧ ･ ∙ ⋅ or a space) and a surname of at least two characters; a Latin
// full name at least two words, the last of at least three letters.
std::vector<DerivedAlias> DeriveAliases(const std::string& written);

}  // namespace vigil::text
