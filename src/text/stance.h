// Stance toward a mentioned target: language identification and lexicon scoring of the clause around a
// mention, with negation, degree words and contrast ("虽然…但是", "but", "mais").
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/classifier.h"
#include "text/ensemble.h"
#include "text/mentions.h"
#include "vigil/findings.h"
#include "vigil/status.h"

namespace vigil::text {

enum class Lang { kZh, kEn, kFr, kOther };
const char* LangName(Lang lang);  // "zh", "en", "fr", "other"
// Maps a post's declared language code ("zh", "zh-Hant", "en-CA", "fr") to Lang; kOther when unknown.
Lang LangFromCode(std::string_view code);

// CLD2 on the text; when CLD2 is unsure (short posts) a script count decides: mostly Han -> kZh, Latin
// -> kEn or kFr by function words, else kOther. Accepts any bytes (invalid UTF-8 goes to the fallback).
Lang DetectLang(std::string_view text);

struct StanceScore {
  vigil::Stance stance;
  float score;  // signed, in [-1, 1]: > 0 favour, < 0 against
};

// |score| at or below this is neutral.
inline constexpr float kNeutralBand = 0.05f;

class StanceScorer {  // immutable, thread-safe
 public:
  // Loads the lexicons under data_dir/lexicons/ (en_vader.tsv, en_bingliu.tsv, fr_seed.tsv, zh_seed.tsv,
  // modifiers.tsv; see data/SOURCE.md). Errors name the file and line.
  static Result<std::unique_ptr<StanceScorer>> Create(const std::string& data_dir);
  // Same, plus what `vigil train` wrote to model_dir: the Chinese lexicon derived from labelled data
  // (zh_derived.tsv, added under the seed lexicon's entries), the Chinese sentiment and attack ensembles
  // (zh_sentiment*, zh_offensive*: fastText + NB-LR words + NB-LR characters) and the fastText model
  // en_stance.bin. Score then also consults the model of the language: it strengthens
  // an agreeing lexicon score and speaks alone (at half weight) where the lexicon finds no opinion word.
  // A missing file is an error naming it.
  static Result<std::unique_ptr<StanceScorer>> Create(const std::string& data_dir, const std::string& model_dir);
  ~StanceScorer();

  // Stance toward the target mentioned at [hit.begin, hit.end) of normalised text. Scores the sentence that
  // holds the mention (the neighbouring sentences at half weight when it carries no opinion word) with the
  // lexicon of `lang` for Latin words and the Chinese lexicon for Han text. Negators flip an opinion word
  // after them (French ne…pas also around it), degree words scale it, a contrast word makes the clause
  // after it dominate and a concession word halves its clause; a polarity shifter ("reduce", "prevent",
  // "lutter contre", 减少, 防止) flips the opinion word it governs. Out-of-range hits score neutral.
  StanceScore Score(std::string_view normalized, const MentionHit& hit, Lang lang) const;

  // Lexicon score of a whole text (no target), same rules; the post's overall tone.
  StanceScore ScoreText(std::string_view normalized, Lang lang) const;

  // Plain lexicon counting: the sum of the opinion words' valences in the text, no rules at all (squashed
  // to [-1, 1]). The baseline the rules are measured against.
  StanceScore CountText(std::string_view normalized, Lang lang) const;

  // Probability in [0, 1] that Chinese text attacks or insults (the COLD-trained ensemble), or -1 when the
  // scorer was created without models.
  float AttackProbability(std::string_view normalized) const;
  bool has_models() const { return zh_model_ != nullptr; }

  enum class Kind : uint8_t { kOpinion, kNegator, kDegree, kContrast, kConcession, kNe, kCloser, kWord, kShifter, kConjunction };
  struct Entry {
    Kind kind = Kind::kOpinion;
    float value = 0;
    // Polarity shifter ("reduce", "prevent", 减少): the factor applied to an opinion word right after it
    // ("reduce crime" is good news), 0 when the word shifts nothing. An opinion word can shift too
    // ("fail" alone is negative; in "fail to protect" only the flipped "protect" counts).
    float shift = 0;
  };
  using Lexicon = std::unordered_map<std::string, Entry>;

 private:
  StanceScorer() = default;
  float RawScore(std::string_view text, size_t skip_begin, size_t skip_end, Lang lang) const;

  // The clause's model polarity in [-1, 1] for `lang`, or 0 when no model covers the language.
  float ModelPolarity(std::string_view clause, Lang lang) const;

  Lexicon en_, fr_, zh_;
  std::unique_ptr<TwoClassEnsemble> zh_model_, attack_model_;
  std::unique_ptr<TextClassifier> en_model_;
  size_t zh_max_chars_ = 1;  // longest Chinese entry, in characters, for longest-match segmentation
};

}  // namespace vigil::text
