// Fuzz target: the text path on arbitrary bytes: normalisation, mention matching against a watch list with
// Latin and Chinese aliases, language identification and stance scoring of every hit.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "text/mentions.h"
#include "text/normalize.h"
#include "text/stance.h"
#include "vigil/watch_config.h"

namespace {

// Built once per process: the normaliser, a small watch list and the bundled lexicons.
struct TextPath {
  std::unique_ptr<vigil::text::Normalizer> normalizer;
  std::unique_ptr<vigil::text::MentionMatcher> matcher;
  std::unique_ptr<vigil::text::StanceScorer> scorer;
};

const TextPath& Path() {
  static const TextPath path = [] {
    TextPath p;
    auto n = vigil::text::Normalizer::Create();
    if (!n.ok()) std::abort();
    p.normalizer = std::move(*n);
    vigil::WatchConfig config;
    config.targets.push_back({"carney", "Mark Carney", "Liberal", {"Carney", "卡尼", "马克·卡尼", "Mark Carney"}});
    config.targets.push_back({"chong", "Michael Chong", "Conservative", {"Chong", "庄文浩", "Michael Chong"}});
    config.targets.push_back({"freeland", "Chrystia Freeland", "Liberal", {"Freeland", "方慧兰"}});
    auto m = vigil::text::MentionMatcher::Build(config, *p.normalizer);
    if (!m.ok()) std::abort();
    p.matcher = std::make_unique<vigil::text::MentionMatcher>(std::move(*m));
    auto s = vigil::text::StanceScorer::Create(VIGIL_FUZZ_DATA_DIR);
    if (!s.ok()) std::abort();
    p.scorer = std::move(*s);
    return p;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const TextPath& p = Path();
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  std::string normalized;
  (void)p.normalizer->Normalize(raw, &normalized);
  std::vector<vigil::text::MentionHit> hits;
  p.matcher->Find(normalized, &hits);
  const vigil::text::Lang lang = vigil::text::DetectLang(normalized);
  for (const auto& hit : hits) {
    if (hit.begin > hit.end || hit.end > normalized.size()) __builtin_trap();
    const auto score = p.scorer->Score(normalized, hit, lang);
    if (!(score.score >= -1.0f && score.score <= 1.0f)) __builtin_trap();
  }
  (void)p.scorer->ScoreText(normalized, lang);
  (void)p.scorer->CountText(normalized, lang);
  (void)vigil::text::DetectLang(raw);
  return 0;
}
