// TextReader: mentions, per-target stance and attack probability of one text.
#include "text/target_stance.h"

#include <cmath>

namespace vigil::text {

Result<TextReader> TextReader::Create(const WatchConfig& targets, const Normalizer& normalizer,
                                      const StanceScorer& scorer) {
  VIGIL_ASSIGN_OR_RETURN(MentionMatcher matcher, MentionMatcher::Build(targets, normalizer));
  return TextReader(std::move(matcher), normalizer, scorer, targets.targets.size());
}

TextReading TextReader::Read(std::string_view raw, std::string_view lang_code) const {
  TextReading out;
  (void)normalizer_->Normalize(raw, &out.normalized);  // invalid UTF-8 is replaced; the text stays usable
  out.lang = lang_code.empty() ? DetectLang(out.normalized) : LangFromCode(lang_code);
  std::vector<MentionHit> hits;
  matcher_.Find(out.normalized, &hits);
  for (uint32_t t = 0; t < targets_; ++t) {
    TargetReading reading;
    reading.target_index = t;
    for (const MentionHit& h : hits) {
      if (h.target_index == t) reading.hits.push_back(h);
    }
    reading.named = !reading.hits.empty();
    if (!reading.named) {
      reading.stance = scorer_->ScoreUnnamed(out.normalized, out.lang);
    } else {
      float sum = 0;
      StanceScore strongest{Stance::kNeutral, 0};
      for (const MentionHit& h : reading.hits) {
        const StanceScore s = scorer_->Score(out.normalized, h, out.lang, hits);
        sum += s.score;
        if (strongest.basis_end == 0 || std::abs(s.score) > std::abs(strongest.score)) strongest = s;
      }
      const float mean = sum / static_cast<float>(reading.hits.size());
      const float band = out.lang == Lang::kZh ? kZhNeutralBand : kNeutralBand;
      reading.stance = StanceScore{mean > band    ? Stance::kFavor
                                   : mean < -band ? Stance::kAgainst
                                                  : Stance::kNeutral,
                                   mean, strongest.basis_begin, strongest.basis_end};
    }
    out.targets.push_back(std::move(reading));
  }
  if (out.lang == Lang::kZh) out.attack = scorer_->AttackProbability(out.normalized);
  return out;
}

}  // namespace vigil::text
