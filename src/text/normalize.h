// Text normalisation: the one canonical form in which Vigil matches names and scores stance. ICU NFKC with
// case folding, format characters dropped, name separators unified, then OpenCC traditional -> simplified.
// Fast paths (ASCII, UTF-8 throughout, OpenCC only when it would change something) give the same bytes as
// the reference path, which stays available for differential tests.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vigil/status.h"

namespace vigil::text {

// Inputs above this size are truncated (at a character boundary) before normalisation; Normalize then
// reports kInvalidArgument while still producing the normalised prefix.
inline constexpr size_t kMaxNormalizeInputBytes = 4u << 20;

class Normalizer {  // immutable after Create; thread-safe
 public:
  // Loads ICU's NFKC_Casefold data and OpenCC's t2s configuration, and indexes the characters that mark
  // the t2s dictionary entries which change text; fails if either is unavailable.
  static Result<std::unique_ptr<Normalizer>> Create();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Writes the normalised form of `in` to *out (cleared first):
  //  1. ICU NFKC_Casefold: compatibility forms (full-width, ligatures), case folding, default-ignorable
  //     code points such as zero-width spaces and joiners removed;
  //  2. remaining format characters (general category Cf) removed;
  //  3. name separators (・ • ‧ · ･ ∙ ⋅ and whitespace) between two Han characters removed, so
  //     马克 卡尼, 马克•卡尼, 马克·卡尼 and 马克卡尼 all become 马克卡尼; other such dots become U+00B7;
  //  4. OpenCC t2s (phrase-level traditional -> simplified).
  // Fallbacks, never a crash: invalid UTF-8 sequences become U+FFFD and the status is kInvalidArgument
  // naming the first bad byte offset; input above kMaxNormalizeInputBytes is truncated and the status says
  // so. In both cases *out holds the usable normalised text. Empty input gives empty output and ok.
  Status Normalize(std::string_view in, std::string* out) const;

  // The straightforward implementation of the same contract: the whole text through ICU in UTF-16 and
  // through OpenCC. Normalize must give the same output and status for every input; this one exists so
  // tests and benchmarks can check and measure that.
  Status NormalizeReference(std::string_view in, std::string* out) const;

  // True when `c` is the marked character of some t2s dictionary entry that changes its key (or U+0000).
  // Text holding none of these converts to itself, so Normalize skips OpenCC for it.
  bool OpenCcMayRewrite(char32_t c) const;

  // Convenience: the normalised string, discarding the status (for trusted inputs such as gazetteers).
  std::string NormalizeOrReplace(std::string_view in) const;

 private:
  struct Impl;
  explicit Normalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True for code points in the CJK ideograph blocks (Unicode Script=Han).
bool IsHan(char32_t c);

// Decodes the code point starting at byte `i` of valid UTF-8 `s`; advances `i`. Returns U+FFFD on a bad
// sequence (advancing by one byte).
char32_t NextCodePoint(std::string_view s, size_t* i);
// Decodes the code point ending just before byte `i`; moves `i` back to its first byte.
char32_t PrevCodePoint(std::string_view s, size_t* i);

}  // namespace vigil::text
