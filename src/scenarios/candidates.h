// The countries and election candidates scenarios draw their targets from: real public figures of several
// democracies, with the names Chinese-, English- and French-language media write for them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigil::scenarios {

struct Candidate {
  std::string id;       // watch.yaml target id
  std::string name;     // as English-language media write it
  std::string surname;  // the short form English and French posts use
  bool female = false;  // for English and French pronouns
  std::string party_en, party_fr, party_zh;
  std::string zh_full;   // simplified Chinese full name (马克·卡尼)
  std::string zh_short;  // simplified Chinese short form (卡尼); may equal zh_full
  // Further aliases analysts list (traditional script, other romanisations); the name, surname and Chinese
  // forms are always aliases.
  std::vector<std::string> extra_aliases;
};

// A polity whose election a scenario covers.
struct Country {
  std::string code;  // ISO 3166 alpha-2
  std::string name_en, name_fr, name_zh;
  // Languages local media and users write in: "en", "fr", "zh-Hant".
  std::vector<std::string> local_langs;
  int32_t utc_offset_minutes = 0;                     // of its largest city, standard time
  std::string election_en, election_fr, election_zh;  // "federal election", "élections fédérales", "联邦大选"
  std::vector<std::string> cities_en, cities_zh;
  struct Outlet {
    std::string name;  // invented
    std::string lang;  // "en", "fr" or "zh-Hant"
    std::string id;    // its account id on every platform (Telegram adds "_news")
  };
  std::vector<Outlet> outlets;  // independent outlets covering the election
  std::vector<Candidate> candidates;
};

const std::vector<Country>& Countries();
const Country& CountryByCode(const std::string& code);

// Every alias of `c` for watch.yaml, in a stable order, without duplicates.
std::vector<std::string> AliasesOf(const Candidate& c);

}  // namespace vigil::scenarios
