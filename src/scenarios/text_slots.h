// The slots every phrase bank shares, drawn once per text so a post names one city and one issue throughout:
// {N} the candidate (full name at its first use, the short form after), {C} the country, {P} the party,
// {E} the election, {city}, {issue}, and English pronouns {he} {his} {him} {He} {His}.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenarios/texts.h"

namespace vigil::scenarios {

struct SlotValues {
  std::string full, short_form, country, party, election, city, issue;
  std::string he, his, him;
};

SlotValues DrawSlots(Rng& rng, const Slots& s, Lang lang);
// Fills every slot of `tmpl`; {N} is the full name at its first use and the short form after.
std::string FillSlots(std::string_view tmpl, const SlotValues& v);
// Fills a title: {N} is the full or the short name, as headlines write either.
std::string FillTitle(Rng& rng, std::string_view tmpl, const SlotValues& v);

// The election issues people argue about, per language.
const std::vector<std::string>& Issues(Lang lang);

}  // namespace vigil::scenarios
