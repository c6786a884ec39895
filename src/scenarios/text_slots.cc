// Slot values and filling shared by the phrase banks (see text_slots.h).
#include "scenarios/text_slots.h"

namespace vigil::scenarios {
namespace {

std::string Capitalised(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string FillOthers(std::string_view tmpl, const SlotValues& v) {
  return examplegen::Fill(tmpl, {{"C", v.country},
                                 {"P", v.party},
                                 {"E", v.election},
                                 {"city", v.city},
                                 {"issue", v.issue},
                                 {"he", v.he},
                                 {"his", v.his},
                                 {"him", v.him},
                                 {"He", Capitalised(v.he)},
                                 {"His", Capitalised(v.his)}});
}

}  // namespace

const std::vector<std::string>& Issues(Lang lang) {
  static const std::vector<std::string> kZh = {"住房", "物价", "贸易", "医疗", "移民",
                                               "经济", "就业", "税收", "治安", "教育"};
  static const std::vector<std::string> kEn = {"housing",     "the cost of living", "trade", "health care",
                                               "immigration", "the economy",        "jobs",  "taxes",
                                               "crime",       "climate policy"};
  static const std::vector<std::string> kFr = {"le logement",   "le coût de la vie", "le commerce", "la santé",
                                               "l'immigration", "l'économie",        "l'emploi",    "les impôts"};
  switch (lang) {
    case Lang::kEn:
      return kEn;
    case Lang::kFr:
      return kFr;
    case Lang::kZh:
    case Lang::kZhHant:
      break;
  }
  return kZh;
}

SlotValues DrawSlots(Rng& rng, const Slots& s, Lang lang) {
  SlotValues v;
  const bool chinese = IsChinese(lang);
  v.full = chinese ? s.target.zh_full : s.target.name;
  v.short_form = chinese ? s.target.zh_short : s.target.surname;
  v.country = chinese ? s.country.name_zh : lang == Lang::kFr ? s.country.name_fr : s.country.name_en;
  v.party = chinese ? s.target.party_zh : lang == Lang::kFr ? s.target.party_fr : s.target.party_en;
  v.election = chinese ? s.country.election_zh : lang == Lang::kFr ? s.country.election_fr : s.country.election_en;
  v.city = rng.Pick(chinese ? s.country.cities_zh : s.country.cities_en);
  v.issue = rng.Pick(Issues(lang));
  v.he = s.target.female ? "she" : "he";
  v.his = s.target.female ? "her" : "his";
  v.him = s.target.female ? "her" : "him";
  return v;
}

std::string FillSlots(std::string_view tmpl, const SlotValues& v) {
  return FillOthers(examplegen::FillFirstThen(tmpl, "N", v.full, v.short_form), v);
}

std::string FillTitle(Rng& rng, std::string_view tmpl, const SlotValues& v) {
  const std::string& name = rng.Bernoulli(0.5) ? v.full : v.short_form;
  return FillOthers(examplegen::Fill(tmpl, {{"N", name}}), v);
}

}  // namespace vigil::scenarios
