// Lexicon stance scoring around a mention, and language identification (CLD2 with a script fallback).
#include "text/stance.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <utility>
#include <vector>

#include "common/strings.h"

namespace vigil::text {
namespace {

constexpr float kNormalizeAlpha = 15.0f;    // VADER's compound normalisation constant
constexpr size_t kNegationLookback = 3;     // tokens before an opinion word searched for a negator
constexpr size_t kDegreeLookback = 2;       // tokens before an opinion word searched for a degree word
constexpr size_t kNeLookahead = 2;          // French: tokens after the opinion word searched for pas/jamais
constexpr float kBeforeContrast = 0.5f;     // opinion before "but" counts half ...
constexpr float kAfterContrast = 1.5f;      // ... and after it one and a half (VADER's weights)
constexpr float kNeighbourWeight = 0.5f;    // neighbouring sentences when the mention's own carries none
constexpr float kNeDefaultFactor = -0.74f;
constexpr size_t kMaxSentenceBytes = 1500;  // scoring window either side of a mention
constexpr float kModelMinMargin = 0.3f;     // model polarity below this (P within 0.35..0.65) is ignored
constexpr float kLexiconShare = 0.6f;       // weight of the lexicon when it and the model agree
constexpr float kModelOnlyShare = 0.5f;     // weight of the model where the lexicon found no opinion word
// Chinese roles (who holds an opinion about whom).
constexpr float kOtherClauseWeight = 0.5f;  // opinion in a clause of the sentence other than the target's
constexpr float kReportedWeight = 0.5f;     // opinion someone else is reported to hold, or quoted
constexpr float kObjectiveWeight = 0.5f;    // opinion words in a sentence that reads as news
constexpr size_t kScareQuoteChars = 6;      // a quote this short is the writer's irony ("民主"), not speech
constexpr float kVictimShare = 1.0f;        // sympathy for the victim of a harm word, per unit of its valence
constexpr size_t kPatientReach = 4;         // tokens between a harm word and the target it acts on
constexpr float kRhetoricalRaw = -1.5f;     // a rhetorical question with no opinion word: a challenge
constexpr float kAttackFloor = kAttackThreshold;
constexpr float kAttackRaw = 3.0f;          // raw valence of a certain attack (P = 1)

using Kind = StanceScorer::Kind;
using Entry = StanceScorer::Entry;
using Lexicon = StanceScorer::Lexicon;

struct Token {
  size_t begin = 0, end = 0;
  const Entry* entry = nullptr;  // null: a word with no lexicon meaning
  bool boundary = false;         // clause punctuation
};

// How much an opinion token counts toward the target, from who holds it about whom (Chinese).
struct Role {
  float weight = 1;
  bool victim = false;      // a harm word acting on the target: sympathy, whatever its polarity
  bool self_agent = false;  // ... done by the writer (我歧视…): then it counts as it reads
};

bool IsClausePunct(char32_t c) {
  switch (c) {
    case U',': case U';': case U':': case U'，': case U'、': case U'；': case U'：': case U'(': case U')':
      return true;
    default:
      return false;
  }
}

bool IsSentenceEnd(std::string_view s, size_t pos_after, char32_t c) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'!': case U'?': case U'\n': case U'…': case U'；': case U';':
      return true;
    case U'.':  // a period ends a sentence only before a space or the end ("3.5" does not)
      return pos_after >= s.size() || s[pos_after] == ' ';
    default:
      return false;
  }
}

bool IsLatinWordChar(char32_t c) { return !IsHan(c) && (u_isalnum(static_cast<UChar32>(c)) || c == U'-'); }
bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

const Entry* Lookup(const Lexicon& lex, std::string_view word) {
  thread_local std::string key;
  key.assign(word);
  const auto it = lex.find(key);
  return it == lex.end() ? nullptr : &it->second;
}

const Entry kNotEntry{Kind::kNegator, -0.74f};

class Tokenizer {
 public:
  Tokenizer(const Lexicon& latin, const Lexicon& zh, size_t zh_max) : latin_(latin), zh_(zh), zh_max_(zh_max) {}

  std::vector<Token> Run(std::string_view s) const {
    std::vector<Token> out;
    for (size_t i = 0; i < s.size();) {
      size_t next = i;
      const char32_t c = NextCodePoint(s, &next);
      if (IsHan(c)) {
        i = MatchHan(s, i, &out);
      } else if (IsLatinWordChar(c)) {
        i = MatchLatin(s, i, &out);
      } else {
        if (IsClausePunct(c)) out.push_back(Token{i, next, nullptr, true});
        i = next;
      }
    }
    return out;
  }

 private:
  // Longest Chinese lexicon entry starting at i, else one character.
  size_t MatchHan(std::string_view s, size_t i, std::vector<Token>* out) const {
    std::array<size_t, 16> ends{};
    size_t n = 0, j = i;
    while (n < zh_max_ && n < ends.size() && j < s.size()) {
      size_t k = j;
      if (!IsHan(NextCodePoint(s, &k))) break;
      ends[n++] = j = k;
    }
    for (size_t len = n; len >= 1; --len) {
      if (const Entry* e = Lookup(zh_, s.substr(i, ends[len - 1] - i))) {
        out->push_back(Token{i, ends[len - 1], e, false});
        return ends[len - 1];
      }
    }
    out->push_back(Token{i, ends[0], nullptr, false});
    return ends[0];
  }

  // A Latin word; "isn't" becomes a negator, "n'est" / "l'homme" split at the apostrophe.
  size_t MatchLatin(std::string_view s, size_t i, std::vector<Token>* out) const {
    size_t j = i;
    std::vector<std::pair<size_t, size_t>> parts;
    size_t part_begin = i;
    while (j < s.size()) {
      size_t k = j;
      const char32_t c = NextCodePoint(s, &k);
      if (IsLatinWordChar(c)) {
        j = k;
        continue;
      }
      size_t after = k;
      if (IsApostrophe(c) && after < s.size() && IsLatinWordChar(NextCodePoint(s, &after))) {
        parts.emplace_back(part_begin, j);
        part_begin = k;
        j = k;
        continue;
      }
      break;
    }
    parts.emplace_back(part_begin, j);
    const std::string_view last = s.substr(parts.back().first, parts.back().second - parts.back().first);
    if (parts.size() == 2 && last == "t") {  // English contraction: don't, isn't, won't
      out->push_back(Token{i, j, &kNotEntry, false});
      return j;
    }
    for (const auto& [b, e] : parts) out->push_back(Token{b, e, Lookup(latin_, s.substr(b, e - b)), false});
    return j;
  }

  const Lexicon& latin_;
  const Lexicon& zh_;
  size_t zh_max_;
};

bool Is(const Token& t, Kind k) { return t.entry != nullptr && t.entry->kind == k; }

// Sum of the valences of the opinion words in `tokens`, after negation, degree, contrast and concession;
// `roles` (one per token, may be null) weighs each opinion word by who it is about.
float SumTokens(const std::vector<Token>& tokens, size_t skip_begin, size_t skip_end, bool french,
                const std::vector<Role>* roles = nullptr) {
  std::vector<float> weight(tokens.size(), 1.0f);
  // Concession: its clause (to the next punctuation or contrast word) counts half.
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!Is(tokens[i], Kind::kConcession)) continue;
    for (size_t j = i + 1; j < tokens.size() && !tokens[j].boundary && !Is(tokens[j], Kind::kContrast); ++j) {
      weight[j] *= tokens[i].entry->value;
    }
  }
  // Contrast: the last contrast word splits the sentence.
  for (size_t i = tokens.size(); i-- > 0;) {
    if (!Is(tokens[i], Kind::kContrast)) continue;
    for (size_t j = 0; j < tokens.size(); ++j) weight[j] *= j < i ? kBeforeContrast : kAfterContrast;
    break;
  }
  // A shifter governs the first opinion word within the negation lookback after it, up to a conjunction
  // ("failed and lost" is two failures); a governing shifter's own valence then does not count ("fails to
  // protect" is one flipped opinion, not two).
  std::vector<bool> governs(tokens.size(), false);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].entry == nullptr || tokens[i].entry->shift == 0) continue;
    for (size_t j = i + 1; j < tokens.size() && j <= i + kNegationLookback && !tokens[j].boundary &&
                           !Is(tokens[j], Kind::kConjunction);
         ++j) {
      if (Is(tokens[j], Kind::kOpinion)) {
        governs[i] = true;
        break;
      }
    }
  }
  float sum = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!Is(t, Kind::kOpinion) || governs[i] || (t.begin < skip_end && skip_begin < t.end)) continue;
    float v = t.entry->value;
    bool negated = false, shifted = false;
    for (size_t back = 1; back <= kNegationLookback && back <= i; ++back) {
      const Token& p = tokens[i - back];
      if (p.boundary || Is(p, Kind::kConjunction)) break;
      if (Is(p, Kind::kNegator)) {
        v *= p.entry->value;
        negated = true;
      }
      // Only the nearest shifter counts: "lutter contre la corruption", "fight against" shift once.
      if (governs[i - back] && !shifted) {
        v *= p.entry->shift;
        shifted = true;
      }
      if (back <= kDegreeLookback && Is(p, Kind::kDegree)) v *= p.entry->value;
    }
    if (french && !negated) {  // "il ne soutient pas": ne before, pas after
      bool ne = false;
      for (size_t back = 1; back <= kDegreeLookback && back <= i; ++back) ne |= Is(tokens[i - back], Kind::kNe);
      bool closer = false;
      for (size_t fwd = 1; fwd <= kNeLookahead && i + fwd < tokens.size(); ++fwd) {
        closer |= Is(tokens[i + fwd], Kind::kCloser) || Is(tokens[i + fwd], Kind::kNegator);
      }
      if (ne && closer) v *= kNeDefaultFactor;
    }
    if (roles != nullptr) {
      const Role& role = (*roles)[i];
      // The target suffers the harm: sympathy, unless the writer does it ("我歧视…", not "我不歧视…").
      if (role.victim && !(role.self_agent && !negated)) v = kVictimShare * std::abs(v);
      v *= role.weight;
    }
    sum += v * weight[i];
  }
  return sum;
}

float Squash(float raw) { return raw / std::sqrt(raw * raw + kNormalizeAlpha); }

// The model polarity joins a lexicon score: the lexicon decides the direction when it has opinion words
// (an agreeing model strengthens it) and the model only speaks, at reduced weight, where it is silent.
float CombineWithModel(float lexicon, float model) {
  if (model == 0) return lexicon;
  if (lexicon == 0) return kModelOnlyShare * model;
  if ((lexicon > 0) == (model > 0)) return kLexiconShare * lexicon + (1 - kLexiconShare) * model;
  return lexicon;
}

// Byte spans (inside the marks) of the quotes in `s` longer than a scare quote: “…”, 「…」, 『…』, "…".
std::vector<std::pair<size_t, size_t>> LongQuotes(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t open = std::string_view::npos, chars = 0;
  char32_t closer = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t c = NextCodePoint(s, &i);
    if (open == std::string_view::npos) {
      closer = c == U'“' ? U'”' : c == U'「' ? U'」' : c == U'『' ? U'』' : c == U'"' ? U'"' : 0;
      if (closer != 0) open = i, chars = 0;
    } else if (c == closer) {
      if (chars > kScareQuoteChars) spans.emplace_back(open, at);
      open = std::string_view::npos;
    } else {
      ++chars;
    }
  }
  if (open != std::string_view::npos && chars > kScareQuoteChars) spans.emplace_back(open, s.size());
  return spans;
}

bool TokenIs(std::string_view s, const Token& t, std::string_view word) { return s.substr(t.begin, t.end - t.begin) == word; }

// Who holds each opinion word of a Chinese sentence about whom, relative to the target at
// [target_begin, target_end) (empty: no target) and the other persons at `others`.
struct ZhReading {
  std::vector<Role> roles;
  bool rhetorical = false;  // the sentence is a rhetorical question
  bool victim = false;      // the target suffers a harm word
  bool anchored = false;    // another person shares the target's clause
};

ZhReading ReadZhRoles(std::string_view sentence, const std::vector<Token>& tokens, size_t target_begin,
                      size_t target_end, const std::vector<std::pair<size_t, size_t>>& others) {
  ZhReading r;
  r.roles.assign(tokens.size(), Role{});
  const bool has_target = target_begin < target_end;
  std::vector<int> clause(tokens.size());
  int clauses = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    clauses += tokens[i].boundary ? 1 : 0;
    clause[i] = clauses;
  }
  auto clause_at = [&](size_t pos) {
    int k = 0;
    for (const Token& t : tokens) k += t.boundary && t.begin < pos ? 1 : 0;
    return k;
  };
  const int target_clause = has_target ? clause_at(target_begin) : -1;
  std::vector<std::pair<size_t, int>> anchors;  // (position, clause) of other persons
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (Is(tokens[i], Kind::kOther)) anchors.emplace_back(tokens[i].begin, clause[i]);
  }
  for (const auto& [b, e] : others) anchors.emplace_back(b, clause_at(b));
  std::vector<bool> clause_anchored(static_cast<size_t>(clauses) + 1, false);
  for (const auto& [pos, c] : anchors) clause_anchored[static_cast<size_t>(c)] = true;
  // A clause with a third-person pronoun and no other person speaks of the target ("…卡尼，但是他非常成功").
  std::vector<bool> clause_pronoun(static_cast<size_t>(clauses) + 1, false);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (Is(tokens[i], Kind::kPronoun)) clause_pronoun[static_cast<size_t>(clause[i])] = true;
  }
  r.anchored = has_target && clause_anchored[static_cast<size_t>(target_clause)];

  // The writer ("我") before a word in its clause makes it the writer's own.
  auto by_writer = [&](size_t i) {
    for (size_t j = i; j-- > 0 && !tokens[j].boundary;) {
      if (Is(tokens[j], Kind::kSelf)) return true;
    }
    return false;
  };
  // Reported speech: after a reporting cue (据报道, 表示) to the end of the sentence, after a speech-act
  // word (批评, 称赞) to the end of its clause; a contrast word (但是) returns to the writer's voice.
  std::vector<bool> reported(tokens.size(), false);
  for (size_t i = 0; i < tokens.size(); ++i) {
    r.rhetorical = r.rhetorical || Is(tokens[i], Kind::kRhetorical);
    const bool speech = tokens[i].entry != nullptr && tokens[i].entry->speech;
    if (!(Is(tokens[i], Kind::kReport) || speech) || by_writer(i)) continue;
    for (size_t j = i + 1; j < tokens.size() && !Is(tokens[j], Kind::kContrast) && !(speech && tokens[j].boundary); ++j) {
      reported[j] = true;
    }
  }
  const auto quotes = LongQuotes(sentence);
  // A sentence with no mark of personal register (the writer or an addressee, a modal particle, a degree
  // word, "!" or "?", an emoticon such as [捂脸]) reads as news: its opinion words are mostly description.
  bool subjective = false;
  for (const Token& t : tokens) {
    subjective = subjective || Is(t, Kind::kSubjective) || Is(t, Kind::kSelf) || Is(t, Kind::kOther) ||
                 Is(t, Kind::kDegree) || Is(t, Kind::kRhetorical);
  }
  subjective = subjective || sentence.find_first_of("!?[") != std::string_view::npos ||
               sentence.find("！") != std::string_view::npos || sentence.find("？") != std::string_view::npos ||
               sentence.find("…") != std::string_view::npos;

  // The target is the harm word's object: right after it, before it with 被/遭 between, or after 对.
  auto target_is_patient = [&](size_t i) {
    const Token& t = tokens[i];
    if (t.end <= target_begin) {
      size_t between = 0;
      for (size_t j = i + 1; j < tokens.size() && tokens[j].begin < target_begin; ++j) ++between;
      return between <= kPatientReach;
    }
    for (size_t j = 0; j < i; ++j) {
      if (tokens[j].begin >= target_end && (TokenIs(sentence, tokens[j], "被") || TokenIs(sentence, tokens[j], "遭"))) {
        return true;
      }
      if (tokens[j].end == target_begin && TokenIs(sentence, tokens[j], "对")) return true;
    }
    return false;
  };

  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!Is(t, Kind::kOpinion)) continue;
    Role& role = r.roles[i];
    const size_t own = static_cast<size_t>(clause[i]);
    if (has_target && clause[i] != target_clause) {
      role.weight = clause_anchored[own] ? 0.0f : clause_pronoun[own] ? 1.0f : kOtherClauseWeight;
    } else if (has_target) {
      const size_t to_target = t.begin >= target_end ? t.begin - target_end : target_begin - std::min(target_begin, t.end);
      for (const auto& [pos, c] : anchors) {
        const size_t to_anchor = t.begin >= pos ? t.begin - pos : pos - t.begin;
        if (c == clause[i] && to_anchor < to_target) role.weight = 0;
      }
      if (t.entry->harm && target_is_patient(i)) {
        role.victim = true;
        role.self_agent = by_writer(i);
        r.victim = true;
      }
    }
    const bool speech_of_other = t.entry->speech && !by_writer(i);
    const bool quoted = std::any_of(quotes.begin(), quotes.end(),
                                    [&](const auto& q) { return t.begin >= q.first && t.end <= q.second; });
    if (speech_of_other || reported[i] || quoted) role.weight *= kReportedWeight;
    if (!subjective) role.weight *= kObjectiveWeight;
  }
  return r;
}

Stance StanceOf(float s, float band) {
  return s > band ? Stance::kFavor : s < -band ? Stance::kAgainst : Stance::kNeutral;
}

StanceScore ToStance(float raw) {
  const float s = Squash(raw);
  return StanceScore{StanceOf(s, kNeutralBand), s};
}

// [begin, end) of the sentence holding byte `pos`, at most kMaxSentenceBytes either side of it (a huge
// post without punctuation is then scored on a window, not on megabytes of text).
std::pair<size_t, size_t> SentenceAround(std::string_view s, size_t pos) {
  const size_t floor = pos > kMaxSentenceBytes ? pos - kMaxSentenceBytes : 0;
  size_t begin = pos;
  while (begin > floor) {
    size_t prev = begin;
    const char32_t c = PrevCodePoint(s, &prev);
    if (IsSentenceEnd(s, begin, c)) break;
    begin = prev;
  }
  const size_t ceiling = std::min(s.size(), pos + kMaxSentenceBytes);
  size_t end = pos;
  while (end < ceiling) {
    const char32_t c = NextCodePoint(s, &end);
    if (IsSentenceEnd(s, end, c)) break;
  }
  return {begin, std::min(end, s.size())};
}

Status ParseLexiconFile(const std::string& path, const char* want_lang, bool modifiers, bool keep_existing,
                        Lexicon* lex) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open lexicon file", path));
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cols = SplitFields(line, '\t');
    const size_t need = modifiers ? 4 : 2;
    if (cols.size() < need) {
      return Status::InvalidArgument(fmt::format("{}:{}: expected {} tab-separated columns", path, line_no, need));
    }
    Entry e;
    std::string term;
    std::string value_text;
    if (modifiers) {
      if (cols[0] != want_lang) continue;
      term = cols[1];
      value_text = cols[3];
      static const std::array<std::pair<const char*, Kind>, 17> kKinds = {{{"negator", Kind::kNegator},
                                                                         {"pronoun", Kind::kPronoun},
                                                                         {"subjective", Kind::kSubjective},
                                                                         {"report", Kind::kReport},
                                                                         {"rhetorical", Kind::kRhetorical},
                                                                         {"other", Kind::kOther},
                                                                         {"self", Kind::kSelf},
                                                                         {"harm", Kind::kOpinion},
                                                                         {"speech", Kind::kOpinion},
                                                                         {"conjunction", Kind::kConjunction},
                                                                         {"shifter", Kind::kShifter},
                                                                         {"degree", Kind::kDegree},
                                                                         {"contrast", Kind::kContrast},
                                                                         {"concession", Kind::kConcession},
                                                                         {"ne", Kind::kNe},
                                                                         {"closer", Kind::kCloser},
                                                                         {"word", Kind::kWord}}};
      bool known = false;
      for (const auto& [name, kind] : kKinds) {
        if (cols[2] == name) {
          e.kind = kind;
          known = true;
        }
      }
      e.harm = cols[2] == "harm";
      e.speech = cols[2] == "speech";
      if (!known) return Status::InvalidArgument(fmt::format("{}:{}: kind: unknown '{}'", path, line_no, cols[2]));
    } else {
      term = cols[0];
      value_text = cols[1];
    }
    char* end = nullptr;
    e.value = std::strtof(value_text.c_str(), &end);
    if (end == value_text.c_str() || !std::isfinite(e.value)) {
      return Status::InvalidArgument(fmt::format("{}:{}: value: not a number '{}'", path, line_no, value_text));
    }
    if (term.empty()) continue;
    if (e.kind == Kind::kShifter) e.shift = std::exchange(e.value, 0.0f);
    if (auto it = lex->find(term); it != lex->end() && it->second.kind == Kind::kShifter && !modifiers) {
      it->second.kind = Kind::kOpinion;  // a shifter that is also an opinion word keeps both roles
      it->second.value = e.value;
    } else if (keep_existing) {
      lex->emplace(std::move(term), e);
    } else {
      (*lex)[std::move(term)] = e;
    }
  }
  return Status::Ok();
}

}  // namespace

const char* LangName(Lang lang) {
  switch (lang) {
    case Lang::kZh: return "zh";
    case Lang::kEn: return "en";
    case Lang::kFr: return "fr";
    case Lang::kOther: return "other";
  }
  return "other";
}

Lang LangFromCode(std::string_view code) {
  const std::string_view primary = code.substr(0, code.find_first_of("-_"));
  if (primary == "zh" || primary == "ZH" || primary == "cmn" || primary == "yue") return Lang::kZh;
  if (primary == "en" || primary == "EN") return Lang::kEn;
  if (primary == "fr" || primary == "FR") return Lang::kFr;
  return Lang::kOther;
}

Lang DetectLang(std::string_view text) {
  size_t han = 0, latin = 0;
  bool valid = true;
  std::string lowered;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (c == 0xFFFD && !(i - start == 3 && static_cast<unsigned char>(text[start]) == 0xEF)) valid = false;
    if (IsHan(c)) {
      ++han;
    } else if (c < 0x250 && u_isalpha(static_cast<UChar32>(c))) {
      ++latin;
    }
  }
  if (valid && !text.empty()) {
    bool reliable = false;
    const CLD2::Language lang =
        CLD2::DetectLanguage(text.data(), static_cast<int>(std::min<size_t>(text.size(), INT32_MAX)), true, &reliable);
    if (reliable) {
      if (lang == CLD2::ENGLISH) return Lang::kEn;
      if (lang == CLD2::FRENCH) return Lang::kFr;
      if (lang == CLD2::CHINESE || lang == CLD2::CHINESE_T) return Lang::kZh;
      if (lang != CLD2::UNKNOWN_LANGUAGE) return Lang::kOther;
    }
  }
  // Script fallback: a Han character carries about as much as three Latin letters.
  if (han > 0 && han * 3 >= latin) return Lang::kZh;
  if (latin == 0) return Lang::kOther;
  static constexpr std::array kFrench = {" le ", " la ", " les ", " des ", " est ", " une ", " du ", " et ",
                                         " pas ", " pour ", " que ", " qui ", " dans ", " avec ", " au "};
  static constexpr std::array kEnglish = {" the ", " and ", " is ", " of ", " to ", " in ", " that ",
                                          " for ", " with ", " it ", " this ", " are ", " was ", " on "};
  std::string padded = " ";
  for (char ch : text) padded += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  padded += ' ';
  auto count = [&](const auto& words) {
    size_t n = 0;
    for (const char* w : words) {
      for (size_t p = padded.find(w); p != std::string::npos; p = padded.find(w, p + 1)) ++n;
    }
    return n;
  };
  return count(kFrench) > count(kEnglish) ? Lang::kFr : Lang::kEn;
}

Result<std::unique_ptr<StanceScorer>> StanceScorer::Create(const std::string& data_dir) {
  std::unique_ptr<StanceScorer> s(new StanceScorer());
  const std::string dir = data_dir + "/lexicons/";
  // Modifiers first so an opinion lexicon cannot turn "not" or "but" into an opinion word.
  VIGIL_RETURN_IF_ERROR(ParseLexiconFile(dir + "modifiers.tsv", "en", true, false, &s->en_));
  VIGIL_RETURN_IF_ERROR(ParseLexiconFile(dir + "modifiers.tsv", "fr", true, false, &s->fr_));
  VIGIL_RETURN_IF_ERROR(ParseLexiconFile(dir + "modifiers.tsv", "zh", true, false, &s->zh_));
  VIGIL_RETURN_IF_ERROR(ParseLexiconFile(dir + "en_vader.tsv", nullptr, false, true, &s->en_));
  VIGIL_RETURN_IF_ERROR(ParseLexiconFile(dir + "en_bingliu.tsv", nullptr, false, true, &s->en_));
  VIGIL_RETURN_IF_ERROR(ParseLexiconFile(dir + "fr_seed.tsv", nullptr, false, true, &s->fr_));
  VIGIL_RETURN_IF_ERROR(ParseLexiconFile(dir + "zh_seed.tsv", nullptr, false, true, &s->zh_));
  for (const auto& [term, entry] : s->zh_) {
    size_t chars = 0;
    for (size_t i = 0; i < term.size(); ++chars) NextCodePoint(term, &i);
    s->zh_max_chars_ = std::max(s->zh_max_chars_, chars);
  }
  return s;
}

StanceScorer::~StanceScorer() = default;

Result<std::unique_ptr<StanceScorer>> StanceScorer::Create(const std::string& data_dir, const std::string& model_dir,
                                                           const StanceOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(std::unique_ptr<StanceScorer> s, Create(data_dir));
  s->options_ = options;
  if (options.zh_review_models) {
    VIGIL_RETURN_IF_ERROR(ParseLexiconFile(model_dir + "/zh_derived.tsv", nullptr, false, true, &s->zh_));
  }
  if (options.zh_review_models) {
    VIGIL_ASSIGN_OR_RETURN(s->zh_model_, TwoClassEnsemble::Load(model_dir, "zh_sentiment", "pos"));
  }
  if (options.en_model) {
    VIGIL_ASSIGN_OR_RETURN(s->en_model_, TextClassifier::Load(model_dir + "/en_stance.bin", FeatureSet::kWords));
  }
  VIGIL_ASSIGN_OR_RETURN(s->attack_model_, TwoClassEnsemble::Load(model_dir, "zh_offensive", "1"));
  for (const auto& [term, entry] : s->zh_) {
    size_t chars = 0;
    for (size_t i = 0; i < term.size(); ++chars) NextCodePoint(term, &i);
    s->zh_max_chars_ = std::max(s->zh_max_chars_, chars);
  }
  return s;
}

float StanceScorer::ModelPolarity(std::string_view clause, Lang lang) const {
  if ((lang != Lang::kZh || zh_model_ == nullptr) && (lang != Lang::kEn || en_model_ == nullptr)) return 0;
  const std::string features = ModelFeatures(clause, FeatureSet::kWords);
  if (features.empty()) return 0;
  const float p = lang == Lang::kZh ? zh_model_->Probabilities(clause, features).Mean()
                                    : en_model_->Probability(features, "favor");
  const float polarity = 2 * p - 1;
  // An unsure model (close to 50 %) says nothing: neutral text stays neutral.
  return std::abs(polarity) < kModelMinMargin ? 0.0f : polarity;
}

float StanceScorer::AttackProbability(std::string_view normalized) const {
  if (attack_model_ == nullptr) return -1;
  return attack_model_->Probability(normalized);
}

float StanceScorer::AttackAround(std::string_view normalized, const MentionHit& hit) const {
  if (attack_model_ == nullptr || hit.begin > hit.end || hit.end > normalized.size()) return -1;
  const auto [begin, end] = SentenceAround(normalized, hit.begin);
  return attack_model_->Probability(normalized.substr(begin, end - begin));
}

float StanceScorer::RawScore(std::string_view text, size_t skip_begin, size_t skip_end, Lang lang) const {
  const Lexicon& latin = lang == Lang::kFr ? fr_ : en_;
  const Tokenizer tokenizer(latin, zh_, zh_max_chars_);
  return SumTokens(tokenizer.Run(text), skip_begin, skip_end, lang == Lang::kFr);
}

StanceScorer::ZhSentence StanceScorer::ReadZhSentence(std::string_view sentence, size_t target_begin, size_t target_end,
                                                     const std::vector<std::pair<size_t, size_t>>& others) const {
  const std::vector<Token> tokens = Tokenizer(en_, zh_, zh_max_chars_).Run(sentence);
  const ZhReading reading = ReadZhRoles(sentence, tokens, target_begin, target_end, others);
  float raw = SumTokens(tokens, target_begin, target_end, false, &reading.roles);
  if (reading.rhetorical) raw = raw != 0 ? -raw : kRhetoricalRaw;
  return ZhSentence{raw, reading.victim, reading.anchored, reading.rhetorical};
}

float StanceScorer::AttackRaw(std::string_view text) const {
  if (attack_model_ == nullptr || !options_.zh_attack_model) return 0;
  const float p = attack_model_->Probability(text);
  return p > kAttackFloor ? -kAttackRaw * (p - kAttackFloor) / (1 - kAttackFloor) : 0.0f;
}

StanceScore StanceScorer::ScoreZh(std::string_view normalized, const MentionHit& hit,
                                  std::span<const MentionHit> others) const {
  const auto [begin, end] = SentenceAround(normalized, hit.begin);
  const std::string_view sentence = normalized.substr(begin, end - begin);
  std::vector<std::pair<size_t, size_t>> other_spans;
  for (const MentionHit& o : others) {
    if (o.target_index != hit.target_index && o.begin >= begin && o.end <= end) {
      other_spans.emplace_back(o.begin - begin, o.end - begin);
    }
  }
  const ZhSentence read = ReadZhSentence(sentence, hit.begin - begin, hit.end - begin, other_spans);
  float raw = read.raw;
  // An attack in the sentence is on the target unless the target is its victim or shares the clause with
  // another person the attack may be aimed at.
  if (!read.victim && !read.anchored && !read.rhetorical) raw += AttackRaw(sentence);
  if (raw == 0) raw = kNeighbourWeight * NeighbourRaw(normalized, begin, end);
  float s = Squash(raw);
  if (options_.zh_review_models) s = CombineWithModel(s, ModelPolarity(sentence, Lang::kZh));
  return StanceScore{StanceOf(s, kZhNeutralBand), s, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

float StanceScorer::NeighbourRaw(std::string_view normalized, size_t begin, size_t end) const {
  float neighbours = 0;
  if (begin > 0) {
    size_t terminator = begin;  // the previous sentence ends with the character before `begin`
    PrevCodePoint(normalized, &terminator);
    const auto [pb, pe] = SentenceAround(normalized, terminator);
    neighbours += ReadZhSentence(normalized.substr(pb, pe - pb), 0, 0, {}).raw;
  }
  if (end < normalized.size()) {
    const auto [nb, ne] = SentenceAround(normalized, end);
    neighbours += ReadZhSentence(normalized.substr(nb, ne - nb), 0, 0, {}).raw;
  }
  return neighbours;
}

StanceScore StanceScorer::ScoreUnnamed(std::string_view normalized, Lang lang) const {
  const auto whole = [&](StanceScore s) {
    s.basis_begin = 0;
    s.basis_end = static_cast<uint32_t>(std::min<size_t>(normalized.size(), UINT32_MAX));
    return s;
  };
  if (lang != Lang::kZh) return whole(ScoreText(normalized, lang));
  float raw = 0;
  for (size_t begin = 0; begin < normalized.size();) {
    const auto [b, e] = SentenceAround(normalized, begin);
    raw += ReadZhSentence(normalized.substr(b, e - b), 0, 0, {}).raw;
    begin = std::max(e, begin + 1);
  }
  raw += AttackRaw(normalized);
  float s = Squash(raw);
  if (options_.zh_review_models) s = CombineWithModel(s, ModelPolarity(normalized, Lang::kZh));
  return whole(StanceScore{StanceOf(s, kZhNeutralBand), s});
}

StanceScore StanceScorer::Score(std::string_view normalized, const MentionHit& hit, Lang lang,
                                std::span<const MentionHit> others) const {
  if (hit.begin > hit.end || hit.end > normalized.size()) return StanceScore{Stance::kNeutral, 0};
  if (lang == Lang::kZh) return ScoreZh(normalized, hit, others);
  const auto [begin, end] = SentenceAround(normalized, hit.begin);
  const std::string_view sentence = normalized.substr(begin, end - begin);
  float raw = RawScore(sentence, hit.begin - begin, hit.end - begin, lang);
  if (raw == 0) {
    float neighbours = 0;
    if (begin > 0) {
      size_t terminator = begin;  // the previous sentence ends with the character before `begin`
      PrevCodePoint(normalized, &terminator);
      const auto [pb, pe] = SentenceAround(normalized, terminator);
      neighbours += RawScore(normalized.substr(pb, pe - pb), 0, 0, lang);
    }
    if (end < normalized.size()) {
      const auto [nb, ne] = SentenceAround(normalized, end);
      neighbours += RawScore(normalized.substr(nb, ne - nb), 0, 0, lang);
    }
    raw = kNeighbourWeight * neighbours;
  }
  const float lexicon = Squash(raw);
  // The model reads the clause that dominates: after the last contrast word ("但是", "but"), if any.
  const Lexicon& latin = lang == Lang::kFr ? fr_ : en_;
  size_t dominant = 0;
  for (const Token& t : Tokenizer(latin, zh_, zh_max_chars_).Run(sentence)) {
    if (Is(t, Kind::kContrast)) dominant = t.end;
  }
  const float model = ModelPolarity(sentence.substr(dominant), lang);
  // The lexicon sees negation and contrast around the target and carries political vocabulary; the
  // models were trained on other domains (product reviews, Wikipedia claims).
  const float s = CombineWithModel(lexicon, model);
  return StanceScore{StanceOf(s, kNeutralBand), s, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

StanceScore StanceScorer::ScoreText(std::string_view normalized, Lang lang) const {
  return ToStance(RawScore(normalized, 0, 0, lang));
}

StanceScore StanceScorer::CountText(std::string_view normalized, Lang lang) const {
  const Lexicon& latin = lang == Lang::kFr ? fr_ : en_;
  float raw = 0;
  for (const Token& t : Tokenizer(latin, zh_, zh_max_chars_).Run(normalized)) {
    if (Is(t, Kind::kOpinion)) raw += t.entry->value;
  }
  return ToStance(raw);
}

}  // namespace vigil::text
