// Mention detection with one Hyperscan literal database over all aliases, plus boundary and context rules.
#include "text/mentions.h"

#include <hs/hs.h>
#include <unicode/uchar.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <map>
#include <optional>

#include "text/aliases.h"

namespace vigil::text {
namespace {

// How far (bytes of normalised text, either side) a title or party word may be from a short alias.
// 90 bytes is about 30 Chinese characters or a 90-character English clause.
constexpr size_t kContextWindowBytes = 90;
// Han aliases this short (in characters) are surnames or fragments that name many people.
constexpr size_t kMaxAmbiguousHanChars = 2;
// A text naming targets thousands of times is spam or an attack on the matcher; the scan stops there so
// the overlap and context rules (quadratic in the hits) stay cheap.
constexpr size_t kMaxRawHitsPerText = kMaxMentionsPerText;

// Titles, parties and places that tie a short form to Canadian federal politics. Written in any case or
// script: they go through the same Normalizer as the text.
constexpr std::array kContextWords = {
    // Chinese
    "总理", "總理", "前总理", "副总理", "党魁", "党领袖", "领袖", "党首", "议员", "国会议员", "部长", "财长",
    "财政部长", "外长", "候选人", "自由党", "保守党", "新民主党", "联邦", "加拿大", "加国", "渥太华", "大选",
    "央行行长", "行长", "民调", "竞选", "选举", "政府", "国会",
    // English
    "prime minister", "pm", "mp", "minister", "liberal", "liberals", "conservative", "conservatives", "tory",
    "tories", "ndp", "leader", "candidate", "canada", "canadian", "ottawa", "parliament", "election",
    "governor", "bank of canada", "party", "poll", "polls", "campaign", "government", "vote", "voters",
    // French
    "premier ministre", "première ministre", "ministre", "chef", "député", "députée", "libéral", "libéraux",
    "conservateur", "conservateurs", "npd", "candidat", "candidate", "élection", "élections", "parti",
    "gouverneur", "banque du canada",
};

bool IsWordChar(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC);
}

bool HasHan(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (IsHan(NextCodePoint(s, &i))) return true;
  }
  return false;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) NextCodePoint(s, &i);
  return n;
}

// A non-Han word character just outside [begin, end) means the hit is inside a longer Latin word.
bool OnWordBoundaries(std::string_view text, size_t begin, size_t end) {
  if (begin > 0) {
    size_t i = begin;
    const char32_t before = PrevCodePoint(text, &i);
    size_t j = begin;
    const char32_t first = NextCodePoint(text, &j);
    if (IsWordChar(before) && IsWordChar(first) && !IsHan(before)) return false;
  }
  if (end < text.size()) {
    size_t i = end;
    const char32_t after = NextCodePoint(text, &i);
    size_t j = end;
    const char32_t last = PrevCodePoint(text, &j);
    if (IsWordChar(after) && IsWordChar(last) && !IsHan(after)) return false;
  }
  return true;
}

// True when byte `pos` lies in a run of ASCII letters, digits and '_' that starts with '#' or '@'.
bool InsideHashtagOrHandle(std::string_view text, size_t pos) {
  while (pos > 0) {
    const unsigned char c = static_cast<unsigned char>(text[pos - 1]);
    if (c == '#' || c == '@') return true;
    if (!(std::isalnum(c) != 0 || c == '_')) return false;
    --pos;
  }
  return false;
}

// Moves a byte offset back (or forward) to the start of a UTF-8 character.
size_t AlignBack(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}
size_t AlignForward(std::string_view s, size_t i) {
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

struct RawHit {
  uint32_t alias;
  uint32_t begin, end;
};

struct ScanContext {
  const std::vector<AliasEntry>* aliases;
  std::vector<RawHit>* hits;
};

// Aliases are literals, so a match starts its alias' length before its end: the database needs no
// start-of-match tracking, which would slow Hyperscan down.
int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
            void* ctx) {
  auto* scan = static_cast<ScanContext*>(ctx);
  const size_t length = (*scan->aliases)[id].normalized.size();
  scan->hits->push_back(RawHit{id, static_cast<uint32_t>(to - length), static_cast<uint32_t>(to)});
  return scan->hits->size() >= kMaxRawHitsPerText ? 1 : 0;  // non-zero stops the scan
}

// State of one context-word scan over the window around an ambiguous hit.
struct ContextScan {
  std::string_view text;                    // the whole normalised text (boundaries look outside the window)
  size_t window_begin;                      // where the scanned window starts in `text`
  const std::vector<std::string>* words;    // context words by Hyperscan id
  const std::vector<bool>* counts;          // whether each word counts for the hit's target
  bool found = false;
};

// A context word counts when it belongs to the hit's target and sits on word boundaries in the whole text.
int OnContextMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
                   void* ctx) {
  auto* scan = static_cast<ContextScan*>(ctx);
  if (!(*scan->counts)[id]) return 0;
  const size_t end = scan->window_begin + static_cast<size_t>(to);
  const size_t begin = end - (*scan->words)[id].size();
  if (!OnWordBoundaries(scan->text, begin, end)) return 0;
  scan->found = true;
  return 1;  // one is enough: stop
}

// Compiles literals into a block-mode Hyperscan database (ids are indices into `literals`); `what` and
// `item` name the set and its members in the error.
Status CompileLiterals(const std::vector<std::string>& literals, const char* what, const char* item,
                       hs_database_t** db) {
  std::vector<const char*> patterns;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (uint32_t i = 0; i < literals.size(); ++i) {
    patterns.push_back(literals[i].c_str());
    lens.push_back(literals[i].size());
    flags.push_back(0);  // literals: a match starts its length before its end, no start tracking needed
    ids.push_back(i);
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(patterns.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, db, &error) != HS_SUCCESS) {
    std::string msg = error != nullptr && error->message != nullptr ? error->message : "unknown error";
    const int which = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    return Status::Internal(fmt::format("Hyperscan refused the {} ({} #{}): {}", what, item, which, msg));
  }
  return Status::Ok();
}

// Hyperscan scratch space, one per thread, grown to fit the databases of whichever matcher the thread
// scans with. Growing it means validating the databases, which costs more than scanning a short post, so
// it is done only when the thread moves to another matcher (serial numbers are never reused).
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  uint64_t fits_matcher = 0;  // serial of the matcher the scratch was last grown for; 0: none
  ~ThreadScratch() {
    if (scratch != nullptr) hs_free_scratch(scratch);
  }
};

std::atomic<uint64_t> next_matcher_serial{1};

}  // namespace

struct MentionMatcher::Database {
  hs_database_t* db = nullptr;
  uint64_t serial = next_matcher_serial.fetch_add(1);  // identifies this matcher's databases
  ~Database() {
    if (db != nullptr) hs_free_database(db);
  }
};

struct MentionMatcher::ContextIndex {
  std::vector<std::string> words;          // distinct, non-empty, normalised
  std::vector<std::vector<bool>> counts;   // [target][word]: the word is context for that target
  hs_database_t* db = nullptr;
  ~ContextIndex() {
    if (db != nullptr) hs_free_database(db);
  }
};

Result<MentionMatcher> MentionMatcher::Build(const WatchConfig& config, const Normalizer& normalizer) {
  auto aliases = std::make_shared<std::vector<AliasEntry>>();
  std::map<std::pair<uint32_t, std::string>, size_t> seen;  // (target, normalised) -> entry
  for (uint32_t t = 0; t < config.targets.size(); ++t) {
    const Target& target = config.targets[t];
    std::vector<DerivedAlias> spellings;
    spellings.push_back({target.name, false});
    for (const std::string& alias : target.aliases) spellings.push_back({alias, false});
    const size_t configured = spellings.size();
    for (size_t i = 0; i < configured; ++i) {
      for (DerivedAlias& d : DeriveAliases(spellings[i].written)) spellings.push_back(std::move(d));
    }
    for (size_t i = 0; i < spellings.size(); ++i) {
      const std::string& written = spellings[i].written;
      std::string norm = normalizer.NormalizeOrReplace(written);
      // Trim surrounding spaces so " Carney" and "Carney" are one alias.
      const auto first = norm.find_first_not_of(' ');
      if (first == std::string::npos) continue;
      norm = norm.substr(first, norm.find_last_not_of(' ') - first + 1);
      if (!seen.emplace(std::make_pair(t, norm), aliases->size()).second) continue;
      AliasEntry e;
      e.target_index = t;
      e.written = written;
      e.normalized = std::move(norm);
      e.latin = !HasHan(e.normalized);
      e.derived = i >= configured;
      e.nickname = spellings[i].nickname;
      aliases->push_back(std::move(e));
    }
  }
  if (aliases->empty()) return Status::InvalidArgument("no target has a usable name or alias to search for");

  // Ambiguity: a single Latin word (a bare surname such as "carney"), a Han form of at most two characters,
  // or a form that is the tail of a longer alias of the same person (卡尼 in 马克卡尼, 弗里兰 in 克里斯蒂娅弗里兰).
  for (AliasEntry& e : *aliases) {
    if (e.derived) {
      e.ambiguous = true;
    } else if (e.latin) {
      e.ambiguous = e.normalized.find_first_of(" -·'") == std::string::npos;
    } else {
      e.ambiguous = CountCodePoints(e.normalized) <= kMaxAmbiguousHanChars;
      for (const AliasEntry& other : *aliases) {
        if (other.target_index == e.target_index && other.normalized.size() > e.normalized.size() &&
            other.normalized.ends_with(e.normalized)) {
          e.ambiguous = true;
        }
      }
    }
  }

  std::vector<std::string> alias_literals;
  for (const AliasEntry& e : *aliases) alias_literals.push_back(e.normalized);
  auto database = std::make_shared<Database>();
  if (const Status s = CompileLiterals(alias_literals, "alias set", "alias", &database->db); !s.ok()) return s;

  // Context words: the generic ones for every target, plus the target's own party.
  auto context = std::make_shared<ContextIndex>();
  std::map<std::string, size_t> word_index;
  const auto add_word = [&](const std::string& written) -> std::optional<size_t> {
    std::string w = normalizer.NormalizeOrReplace(written);
    if (w.empty()) return std::nullopt;
    const auto [it, added] = word_index.emplace(w, context->words.size());
    if (added) context->words.push_back(std::move(w));
    return it->second;
  };
  std::vector<size_t> generic;
  for (const char* w : kContextWords) {
    if (const auto i = add_word(w)) generic.push_back(*i);
  }
  std::vector<std::optional<size_t>> party(config.targets.size());
  for (size_t t = 0; t < config.targets.size(); ++t) {
    if (!config.targets[t].party.empty()) party[t] = add_word(config.targets[t].party);
  }
  context->counts.assign(config.targets.size(), std::vector<bool>(context->words.size(), false));
  for (size_t t = 0; t < config.targets.size(); ++t) {
    for (size_t i : generic) context->counts[t][i] = true;
    if (party[t]) context->counts[t][*party[t]] = true;
  }
  if (const Status s = CompileLiterals(context->words, "context words", "word", &context->db); !s.ok()) return s;

  MentionMatcher m;
  m.db_ = std::move(database);
  m.aliases_ = std::move(aliases);
  m.context_ = std::move(context);
  return m;
}

void MentionMatcher::Find(std::string_view normalized, std::vector<MentionHit>* out) const {
  if (normalized.empty() || normalized.size() > UINT32_MAX) return;
  thread_local ThreadScratch scratch;
  if (scratch.fits_matcher != db_->serial) {
    if (hs_alloc_scratch(db_->db, &scratch.scratch) != HS_SUCCESS) return;
    if (hs_alloc_scratch(context_->db, &scratch.scratch) != HS_SUCCESS) return;
    scratch.fits_matcher = db_->serial;
  }

  std::vector<RawHit> raw;
  const std::vector<AliasEntry>& aliases = *aliases_;
  ScanContext scan{&aliases, &raw};
  const hs_error_t scanned = hs_scan(db_->db, normalized.data(), static_cast<unsigned>(normalized.size()), 0,
                                     scratch.scratch, OnMatch, &scan);
  if (scanned != HS_SUCCESS && scanned != HS_SCAN_TERMINATED) return;
  // Latin aliases sit on word boundaries, except inside a hashtag or handle (#trumppence16, @realdonaldtrump).
  std::erase_if(raw, [&](const RawHit& h) {
    return aliases[h.alias].latin && !OnWordBoundaries(normalized, h.begin, h.end) &&
           !InsideHashtagOrHandle(normalized, h.begin);
  });

  // Longest first, so a shorter hit of the same target inside a longer one is dropped.
  std::sort(raw.begin(), raw.end(), [](const RawHit& a, const RawHit& b) {
    const uint32_t la = a.end - a.begin, lb = b.end - b.begin;
    return la != lb ? la > lb : a.begin < b.begin;
  });
  std::vector<RawHit> kept;
  for (const RawHit& h : raw) {
    const uint32_t target = aliases[h.alias].target_index;
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const RawHit& k) {
      return aliases[k.alias].target_index == target && k.begin < h.end && h.begin < k.end;
    });
    if (!overlaps) kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const RawHit& a, const RawHit& b) { return a.begin < b.begin; });

  for (const RawHit& h : kept) {
    const AliasEntry& alias = aliases[h.alias];
    float confidence = kConfidenceDistinct;
    if (alias.ambiguous) {
      const bool coreferent = std::any_of(kept.begin(), kept.end(), [&](const RawHit& k) {
        return aliases[k.alias].target_index == alias.target_index && !aliases[k.alias].ambiguous;
      });
      // Another watched person named in the same text places it in the same political conversation.
      const bool co_mention = std::any_of(kept.begin(), kept.end(), [&](const RawHit& k) {
        return aliases[k.alias].target_index != alias.target_index;
      });
      if (coreferent) {
        confidence = kConfidenceCoreferent;
      } else if (alias.nickname) {
        confidence = kConfidenceBare;  // 老马 beside 总理 is still anyone called 马
      } else if (co_mention) {
        confidence = kConfidenceContext;
      } else {
        const size_t from = AlignBack(normalized, h.begin > kContextWindowBytes ? h.begin - kContextWindowBytes : 0);
        const size_t to = AlignForward(normalized, std::min(normalized.size(), size_t{h.end} + kContextWindowBytes));
        // Every context word occurring inside [from, to), found in one scan of the window.
        ContextScan scan_window{normalized, from, &context_->words, &context_->counts[alias.target_index]};
        const hs_error_t window_scanned = hs_scan(context_->db, normalized.data() + from, static_cast<unsigned>(to - from),
                                                  0, scratch.scratch, OnContextMatch, &scan_window);
        const bool context = (window_scanned == HS_SUCCESS || window_scanned == HS_SCAN_TERMINATED) && scan_window.found;
        confidence = context ? kConfidenceContext : kConfidenceBare;
      }
    }
    out->push_back(MentionHit{alias.target_index, h.alias, h.begin, h.end, confidence});
  }
}

}  // namespace vigil::text
