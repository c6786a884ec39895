// Gazetteer loading (TSV) and merging into watch targets by a spelling-insensitive person key.
#include "text/gazetteer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>

#include "common/strings.h"

namespace vigil::text {

std::string BundledGazetteerPath(const std::string& data_dir) {
  return data_dir + "/gazetteer/canadian-politicians-zh-aliases.tsv";
}

Result<std::vector<GazetteerAlias>> LoadAliasGazetteer(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open gazetteer", path));
  std::string line;
  if (!std::getline(in, line)) return Status::InvalidArgument(fmt::format("{}:1: empty gazetteer", path));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const std::vector<std::string> header = SplitFields(line, '\t');
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  for (const char* need : {"person_en", "alias"}) {
    if (!column.contains(need)) {
      return Status::InvalidArgument(fmt::format("{}:1: header: missing column '{}'", path, need));
    }
  }
  auto get = [&](const std::vector<std::string>& cols, const char* name) -> std::string {
    const auto it = column.find(name);
    return it != column.end() && it->second < cols.size() ? cols[it->second] : std::string();
  };
  std::vector<GazetteerAlias> out;
  for (int line_no = 2; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::vector<std::string> cols = SplitFields(line, '\t');
    GazetteerAlias a{get(cols, "person_en"), get(cols, "alias"), get(cols, "script"), get(cols, "kind")};
    if (a.person.empty()) return Status::InvalidArgument(fmt::format("{}:{}: person_en: empty", path, line_no));
    if (a.alias.empty()) return Status::InvalidArgument(fmt::format("{}:{}: alias: empty", path, line_no));
    out.push_back(std::move(a));
  }
  return out;
}

std::string PersonKey(std::string_view name, const Normalizer& normalizer) {
  const std::string folded = normalizer.NormalizeOrReplace(name);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(folded);
  if (U_SUCCESS(status)) text = nfd->normalize(text, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) kept.append(c);  // drops accents (Mn), spaces, apostrophes, hyphens, dots
  }
  std::string key;
  kept.toUTF8String(key);
  return key;
}

size_t MergeGazetteer(const std::vector<GazetteerAlias>& gazetteer, const Normalizer& normalizer,
                      WatchConfig* config) {
  std::map<std::string, std::vector<const GazetteerAlias*>> by_person;
  for (const GazetteerAlias& a : gazetteer) by_person[PersonKey(a.person, normalizer)].push_back(&a);
  size_t added = 0;
  for (Target& target : config->targets) {
    const auto it = by_person.find(PersonKey(target.name, normalizer));
    if (it == by_person.end()) continue;
    std::set<std::string> have;
    have.insert(normalizer.NormalizeOrReplace(target.name));
    for (const std::string& a : target.aliases) have.insert(normalizer.NormalizeOrReplace(a));
    for (const GazetteerAlias* a : it->second) {
      if (!have.insert(normalizer.NormalizeOrReplace(a->alias)).second) continue;
      target.aliases.push_back(a->alias);
      ++added;
    }
  }
  return added;
}

}  // namespace vigil::text
