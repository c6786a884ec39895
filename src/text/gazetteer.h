// The alias gazetteer: Chinese names and transliterations of politicians, merged into a WatchConfig's
// targets so mentions are found however a Chinese outlet writes the name.
#pragma once

#include <string>
#include <vector>

#include "text/normalize.h"
#include "vigil/status.h"
#include "vigil/watch_config.h"

namespace vigil::text {

struct GazetteerAlias {
  std::string person;  // English name as the gazetteer writes it, e.g. "Mark Carney"
  std::string alias;   // e.g. "马克·卡尼"
  std::string script;  // "zh-Hans", "zh-Hant" or "zh-Hans|zh-Hant"
  std::string kind;    // e.g. "official_chinese_name", "short_transliteration"
};

// Path of the gazetteer bundled in data/ (seeded from the canadian-politicians-zh-aliases data set).
std::string BundledGazetteerPath(const std::string& data_dir);

// Reads a gazetteer TSV with the header person_en, role_note, alias, script, kind, source_ids (extra
// columns ignored). Errors name the file and line: a missing column, an empty person or alias.
Result<std::vector<GazetteerAlias>> LoadAliasGazetteer(const std::string& path);

// A key under which two spellings of one person's name compare equal: normalised, accents and
// punctuation dropped ("Mélanie Joly" == "Melanie Joly", "O'Toole" == "O’Toole").
std::string PersonKey(std::string_view name, const Normalizer& normalizer);

// Appends to each target every gazetteer alias whose person matches the target's name (by PersonKey),
// skipping aliases the target already has. Both scripts are matched: the Normalizer maps traditional to
// simplified on both the aliases and the text. Returns how many aliases were added.
size_t MergeGazetteer(const std::vector<GazetteerAlias>& gazetteer, const Normalizer& normalizer,
                      WatchConfig* config);

}  // namespace vigil::text
