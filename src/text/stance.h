// Stance toward a mentioned target: language identification and lexicon scoring of the clause around a
// mention, with negation, degree words and contrast ("虽然…但是", "but", "mais").
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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
  // Byte range of the normalised text the stance rests on: the sentence holding the mention (the whole
  // text when the target is not named). Empty when nothing was scored.
  uint32_t basis_begin = 0, basis_end = 0;
};

// |score| at or below this is neutral.
inline constexpr float kNeutralBand = 0.05f;
// Chinese: |score| at or below this is neutral (set on the dev part of data/eval/zh_stance.tsv).
inline constexpr float kZhNeutralBand = 0.15f;
// Attack probability at or above which a sentence counts as hostile (in stance and as an incident signal).
inline constexpr float kAttackThreshold = 0.7f;

// What the trained models may add to the lexicon stance. The defaults are what measures best on the
// held-out Chinese stance set (docs/quality.md).
struct StanceOptions {
  // What was learnt from product reviews joins the Chinese lexicon: the derived lexicon (zh_derived.tsv)
  // and the sentiment ensemble, as the English model joins English. Off: on political and social text they
  // read most posts as favourable.
  bool zh_review_models = false;
  // The Chinese attack ensemble (trained on COLD) inside stance: a sentence around the target that attacks
  // or insults counts against the target. Off: it measured no better than the rules alone on the held-out
  // stance set (docs/quality.md). The attack model is still loaded (AttackProbability, AttackAround): it
  // gives incidents their hostile-language finding.
  bool zh_attack_model = false;
  // The English fastText model (IBM claims) joins the English lexicon where the lexicon is silent.
  bool en_model = true;
};

// A file `vigil train` writes; its presence marks a folder that holds the trained models.
inline constexpr const char* kAttackModelProbe = "zh_offensive.bin";

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
  static Result<std::unique_ptr<StanceScorer>> Create(const std::string& data_dir, const std::string& model_dir,
                                                      const StanceOptions& options = {});
  ~StanceScorer();

  // Stance toward the target mentioned at [hit.begin, hit.end) of normalised text. Scores the sentence that
  // holds the mention (the neighbouring sentences at half weight when it carries no opinion word) with the
  // lexicon of `lang` for Latin words and the Chinese lexicon for Han text. Negators flip an opinion word
  // after them (French ne…pas also around it), degree words scale it, a contrast word makes the clause
  // after it dominate and a concession word halves its clause; a polarity shifter ("reduce", "prevent",
  // "lutter contre", 减少, 防止) flips the opinion word it governs. Out-of-range hits score neutral.
  // Chinese adds who holds the opinion about whom (ZhRoles in stance.cc): opinion in the target's own
  // clause counts fully and in the sentence's other clauses at half weight, none where another person
  // (`others`: the other targets' hits in the text; 你, 楼主, ...) is nearer or owns the clause; reported
  // speech (据报道, 表示, 称; speech-act verbs such as 批评, 赞扬) and long quotes count a quarter; the target
  // as the victim of a harm word (歧视河南人, 被黑) draws sympathy, not blame, unless the writer does the harm;
  // a rhetorical question (难道, 凭什么, 怎么就) reverses what it asks, and with no opinion word leans against;
  // with StanceOptions::zh_attack_model, a sentence that attacks or insults counts against the target.
  StanceScore Score(std::string_view normalized, const MentionHit& hit, Lang lang,
                    std::span<const MentionHit> others = {}) const;

  // Stance of a whole text toward a target it does not name (stance benchmarks' posts are about their
  // target): for Chinese the rules above without a target position, for other languages ScoreText.
  StanceScore ScoreUnnamed(std::string_view normalized, Lang lang) const;

  // Lexicon score of a whole text (no target), same rules; the post's overall tone.
  StanceScore ScoreText(std::string_view normalized, Lang lang) const;

  // Plain lexicon counting: the sum of the opinion words' valences in the text, no rules at all (squashed
  // to [-1, 1]). The baseline the rules are measured against.
  StanceScore CountText(std::string_view normalized, Lang lang) const;

  // Probability in [0, 1] that Chinese text attacks or insults (the COLD-trained ensemble), or -1 when the
  // scorer was created without models.
  float AttackProbability(std::string_view normalized) const;
  // The same for the sentence holding a mention (what attacks the target, not the rest of the post).
  float AttackAround(std::string_view normalized, const MentionHit& hit) const;
  bool has_attack_model() const { return attack_model_ != nullptr; }
  bool has_models() const { return attack_model_ != nullptr; }

  enum class Kind : uint8_t {
    kOpinion, kNegator, kDegree, kContrast, kConcession, kNe, kCloser, kWord, kShifter, kConjunction,
    kReport,      // reporting cue (据报道, 表示, 称): opinion after it is someone else's
    kRhetorical,  // rhetorical-question marker (难道, 凭什么, 何必)
    kOther,       // another person an opinion can be aimed at (你, 楼主, 这种人)
    kSelf,        // the writer (我, 我们)
    kSubjective,  // a mark of personal register (吧, 啊, 哈哈)
    kPronoun,     // a third-person pronoun (他, 她们): its clause speaks of the target
  };
  struct Entry {
    Kind kind = Kind::kOpinion;
    float value = 0;
    bool harm = false;    // opinion word whose object is its victim (歧视, 欺负, 抹黑)
    bool speech = false;  // opinion word that reports someone's evaluation (批评, 赞扬): also a report cue
    // Polarity shifter ("reduce", "prevent", 减少): the factor applied to an opinion word right after it
    // ("reduce crime" is good news), 0 when the word shifts nothing. An opinion word can shift too
    // ("fail" alone is negative; in "fail to protect" only the flipped "protect" counts).
    float shift = 0;
  };
  using Lexicon = std::unordered_map<std::string, Entry>;

 private:
  StanceScorer() = default;
  float RawScore(std::string_view text, size_t skip_begin, size_t skip_end, Lang lang) const;
  // Chinese: the rules of Score on one sentence; [target_begin, target_end) relative to it (empty: none).
  struct ZhSentence {
    float raw = 0;
    bool victim = false;    // the target suffers a harm word
    bool anchored = false;  // another person shares the target's clause
    bool rhetorical = false;  // the sentence is a rhetorical question
  };
  ZhSentence ReadZhSentence(std::string_view sentence, size_t target_begin, size_t target_end,
                            const std::vector<std::pair<size_t, size_t>>& others) const;
  StanceScore ScoreZh(std::string_view normalized, const MentionHit& hit, std::span<const MentionHit> others) const;
  // Raw valence of the sentences either side of [begin, end), read without a target.
  float NeighbourRaw(std::string_view normalized, size_t begin, size_t end) const;
  // Raw valence the attack model gives a text (<= 0), or 0 without the model.
  float AttackRaw(std::string_view text) const;

  // The clause's model polarity in [-1, 1] for `lang`, or 0 when no model covers the language.
  float ModelPolarity(std::string_view clause, Lang lang) const;

  Lexicon en_, fr_, zh_;
  std::unique_ptr<TwoClassEnsemble> zh_model_, attack_model_;
  std::unique_ptr<TextClassifier> en_model_;
  size_t zh_max_chars_ = 1;  // longest Chinese entry, in characters, for longest-match segmentation
  StanceOptions options_;
};

}  // namespace vigil::text
