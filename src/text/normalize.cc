// Text normalisation: ICU NFKC_Casefold, format-character removal, name-separator unification, OpenCC t2s.
// The fast path stays in UTF-8, lower-cases pure-ASCII text in one loop, and calls OpenCC only on the pieces
// of a text that hold a character it would rewrite; the reference path is the plain UTF-16 implementation.
#include "text/normalize.h"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/DictGroup.hpp>
#include <opencc/Exception.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MaxMatchSegmentation.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <exception>
#include <unordered_map>
#include <vector>

namespace vigil::text {
namespace {

constexpr char32_t kMiddleDot = 0x00B7;
constexpr char32_t kReplacement = 0xFFFD;
constexpr const char* kOpenCcConfig = "t2s.json";
constexpr char32_t kCodePointLimit = 0x110000;
constexpr std::string_view kMiddleDotUtf8 = "\u00B7";

// Dots that writers put between the parts of a transliterated name. NFKC already maps U+FF65 to U+30FB.
bool IsNameSeparatorDot(char32_t c) {
  switch (c) {
    case 0x00B7:  // ·  middle dot
    case 0x0387:  // ·  Greek ano teleia
    case 0x2022:  // •  bullet
    case 0x2027:  // ‧  hyphenation point
    case 0x2219:  // ∙  bullet operator
    case 0x22C5:  // ⋅  dot operator
    case 0x30FB:  // ・ katakana middle dot
    case 0xFF65:  // ･  half-width katakana middle dot
    case 0x16EB:  // ᛫  runic single punctuation
    case 0x2E31:  // ⸱  word separator middle dot
      return true;
    default:
      return false;
  }
}

bool IsSeparatorOrSpace(char32_t c) { return IsNameSeparatorDot(c) || u_isUWhiteSpace(static_cast<UChar32>(c)); }

void AppendUtf8(char32_t c, std::string* out) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (error) return;
  out->append(buf, static_cast<size_t>(len));
}

// Drops format characters and unifies separators. `in` is the NFKC_Casefold output.
void CleanSeparators(const icu::UnicodeString& in, std::string* out) {
  std::u32string cps;
  cps.reserve(static_cast<size_t>(in.length()));
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_FORMAT_CHAR) continue;  // zero-width and bidi controls not already removed
    cps.push_back(static_cast<char32_t>(c));
  }
  out->reserve(out->size() + cps.size() * 2);
  char32_t prev_emitted = 0;
  for (size_t i = 0; i < cps.size();) {
    const char32_t c = cps[i];
    if (!IsSeparatorOrSpace(c)) {
      AppendUtf8(c, out);
      prev_emitted = c;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cps.size() && IsSeparatorOrSpace(cps[j])) ++j;
    const bool between_han = IsHan(prev_emitted) && j < cps.size() && IsHan(cps[j]);
    if (!between_han) {
      for (size_t k = i; k < j; ++k) {
        const char32_t s = IsNameSeparatorDot(cps[k]) ? kMiddleDot : cps[k];
        AppendUtf8(s, out);
        prev_emitted = s;
      }
    }
    i = j;
  }
}

// Facts about a code point that the fast path needs, one byte per BMP code point (built from ICU once).
enum CharFlag : uint8_t {
  kFormat = 1,     // general category Cf
  kSeparator = 2,  // IsSeparatorOrSpace
  kDot = 4,        // IsNameSeparatorDot
  kRewrite = 8,    // marks a t2s entry that changes text (or is U+0000)
  kHan = 16,       // IsHan
  kInKey = 32,     // in some OpenCC dictionary key
};
constexpr char32_t kBmpLimit = 0x10000;

// Normalisation facts per BMP code point (Normalizer2::hasBoundaryBefore / hasBoundaryAfter, own mapping).
enum NfFlag : uint8_t { kNfBefore = 1, kNfAfter = 2, kNfMapped = 4 };

// Byte offset of the first byte >= 0x80 in `s` (s.size() when there is none), eight bytes at a time.
size_t FirstNonAscii(std::string_view s) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + sizeof(uint64_t) <= s.size(); i += sizeof(uint64_t)) {
    uint64_t word = 0;
    std::memcpy(&word, s.data() + i, sizeof(word));
    if ((word & kHighBits) != 0) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// True when s[from..] is well-formed UTF-8 (the same rule as U8_NEXT, which the reference path decodes with).
bool IsValidUtf8From(std::string_view s, size_t from) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (auto i = static_cast<int32_t>(from); i < length;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// Decodes the code point at byte *i of well-formed UTF-8 (checked before, or ICU output); advances *i.
inline char32_t DecodeWellFormed(const char* p, size_t* i) {
  const auto b0 = static_cast<unsigned char>(p[*i]);
  const auto next = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(p[*i + k]) & 0x3F); };
  char32_t c = 0;
  if (b0 < 0x80) {
    c = b0;
    *i += 1;
  } else if (b0 < 0xE0) {
    c = (static_cast<char32_t>(b0 & 0x1F) << 6) | next(1);
    *i += 2;
  } else if (b0 < 0xF0) {
    c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (next(1) << 6) | next(2);
    *i += 3;
  } else {
    c = (static_cast<char32_t>(b0 & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3);
    *i += 4;
  }
  return c;
}

}  // namespace

bool IsHan(char32_t c) {
  if (c < 0x2E80) return false;  // fast path for Latin and most punctuation
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

char32_t NextCodePoint(std::string_view s, size_t* i) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  *i = static_cast<size_t>(pos);
  return c < 0 ? kReplacement : static_cast<char32_t>(c);
}

char32_t PrevCodePoint(std::string_view s, size_t* i) {
  if (*i == 0) return kReplacement;
  // Step back over at most three continuation bytes, then check the sequence decodes to end at *i.
  size_t start = *i - 1;
  while (start > 0 && *i - start < U8_MAX_LENGTH && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t end = start;
  const char32_t c = NextCodePoint(s, &end);
  if (end != *i) {
    --*i;
    return kReplacement;
  }
  *i = start;
  return c;
}

namespace {
struct ChangingEntry {  // a t2s dictionary entry whose default conversion differs from its key
  std::u32string key, value;
};

class CodePointSet {  // one bit per code point
 public:
  bool Contains(char32_t c) const { return c < kCodePointLimit && ((bits_[c / 64] >> (c % 64)) & 1U) != 0; }
  void Insert(char32_t c) {
    if (c < kCodePointLimit) bits_[c / 64] |= uint64_t{1} << (c % 64);
  }

 private:
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kCodePointLimit / 64, 0);
};
}  // namespace

struct Normalizer::Impl {
  const icu::Normalizer2* nfkc_cf = nullptr;  // owned by ICU
  opencc::ConverterPtr t2s;
  // For every dictionary entry that t2s maps to something else, at least one character of its key is in
  // `rewrite` (see IndexChangingEntries); U+0000 is too (OpenCC reads its input as a C string and stops
  // there). A text holding none of them comes out of OpenCC unchanged, whatever the segmentation: no
  // changing entry can match it, since it lacks one of that entry's characters, and the entries that do
  // match are identities.
  CodePointSet rewrite;
  // Every character of every key of the segmentation and conversion dictionaries. No dictionary match
  // spans a character outside this set, so OpenCC's result is the same when the text is cut around such
  // characters and the pieces converted one by one (see ConvertPieces). Only used when `piecewise`.
  CodePointSet in_key;
  bool piecewise = false;  // the segmentation is OpenCC's maximum matching, whose dictionary is indexed

  bool Rewrites(char32_t c) const { return rewrite.Contains(c); }
  void MarkRewrite(char32_t c) { rewrite.Insert(c); }

  std::vector<uint8_t> bmp_flags;         // CharFlag bits for U+0000..U+FFFF, built after the sets above
  std::array<char, 128> ascii_folded{};  // NFKC_Casefold of each ASCII byte (A-Z -> a-z)

  uint8_t Flags(char32_t c) const { return c < kBmpLimit ? bmp_flags[c] : ComputeFlags(c); }
  uint8_t ComputeFlags(char32_t c) const {
    uint8_t f = 0;
    if (u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR) f |= kFormat;
    if (IsSeparatorOrSpace(c)) f |= kSeparator;
    if (IsNameSeparatorDot(c)) f |= kDot;
    if (Rewrites(c)) f |= kRewrite;
    if (IsHan(c)) f |= kHan;
    if (in_key.Contains(c)) f |= kInKey;
    return f;
  }
  // NFKC_Casefold one character at a time: for each BMP code point, whether it has a normalisation
  // boundary before / after it (it never interacts with the neighbour on that side) and whether its own
  // normalised form differs from it (then held in nf_mapping). See FoldByCharacter.
  std::vector<uint8_t> nf_flags;
  std::unordered_map<char32_t, std::string> nf_mapping;

  void BuildTables() {
    bmp_flags.resize(kBmpLimit);
    for (char32_t c = 0; c < kBmpLimit; ++c) bmp_flags[c] = ComputeFlags(c);
    nf_flags.resize(kBmpLimit);
    for (char32_t c = 0; c < kBmpLimit; ++c) {
      const auto u = static_cast<UChar32>(c);
      if (U_IS_SURROGATE(u)) continue;  // never decoded from well-formed UTF-8
      if (nfkc_cf->isInert(u)) {
        nf_flags[c] = kNfBefore | kNfAfter;
        continue;
      }
      uint8_t f = 0;
      if (nfkc_cf->hasBoundaryBefore(u)) f |= kNfBefore;
      if (nfkc_cf->hasBoundaryAfter(u)) f |= kNfAfter;
      UErrorCode status = U_ZERO_ERROR;
      std::string one, mapped;
      AppendUtf8(c, &one);
      icu::StringByteSink<std::string> sink(&mapped);
      nfkc_cf->normalizeUTF8(0, icu::StringPiece(one.data(), static_cast<int32_t>(one.size())), sink, nullptr, status);
      if (U_FAILURE(status)) f &= ~(kNfBefore | kNfAfter);  // never taken alone: the whole text goes to ICU
      if (U_SUCCESS(status) && mapped != one) {
        f |= kNfMapped;
        nf_mapping.emplace(c, std::move(mapped));
      }
      nf_flags[c] = f;
    }
    for (size_t c = 0; c < ascii_folded.size(); ++c) {
      ascii_folded[c] = static_cast<char>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    }
  }

  void IndexChangingEntries(const std::vector<ChangingEntry>& entries);
  Status Convert(const std::string& in, std::string* out) const;
  Status ConvertPieces(const std::string& in, std::string* out) const;
  Status ReferenceAfterTruncation(std::string_view in, Status result, std::string* out) const;
  bool CleanUtf8(std::string_view in, std::string* out) const;
  bool FoldByCharacter(std::string_view in, std::string* out) const;
};

// Walks groups down to the dictionaries themselves so no entry is hidden by a merged view: marks every
// character of every key in `in_key` and, when `changing` is given, collects the entries whose conversion
// differs from their key.
void CollectEntries(const opencc::DictPtr& dict, std::vector<ChangingEntry>* changing, CodePointSet* in_key) {
  if (const auto group = std::dynamic_pointer_cast<opencc::DictGroup>(dict)) {
    for (const opencc::DictPtr& member : group->GetDicts()) CollectEntries(member, changing, in_key);
    return;
  }
  const opencc::LexiconPtr lexicon = dict->GetLexicon();
  for (const auto& entry : *lexicon) {
    const std::string key = entry->Key();
    ChangingEntry e;
    for (size_t i = 0; i < key.size();) e.key.push_back(NextCodePoint(key, &i));
    for (char32_t c : e.key) in_key->Insert(c);
    if (changing == nullptr) continue;
    const std::string value = entry->GetDefault();
    if (value == key) continue;  // identity entries never change text
    for (size_t i = 0; i < value.size();) e.value.push_back(NextCodePoint(value, &i));
    changing->push_back(std::move(e));
  }
}

// A key can only match text holding all its characters, so marking one character per changing entry is
// enough. Single characters first (麼 -> 么); a phrase holding one of them is then covered already
// (么麼 -> 幺麽), otherwise its first changed character is marked. This keeps common simplified characters
// such as 不 or 么 out of the set, so most simplified text skips OpenCC.
void Normalizer::Impl::IndexChangingEntries(const std::vector<ChangingEntry>& entries) {
  for (const ChangingEntry& e : entries) {
    if (e.key.size() == 1) MarkRewrite(e.key[0]);
  }
  for (const ChangingEntry& e : entries) {
    if (std::any_of(e.key.begin(), e.key.end(), [&](char32_t c) { return Rewrites(c); })) continue;
    size_t differs = 0;
    while (differs < e.key.size() && differs < e.value.size() && e.key[differs] == e.value[differs]) ++differs;
    if (differs < e.key.size()) {
      MarkRewrite(e.key[differs]);
    } else {
      for (char32_t c : e.key) MarkRewrite(c);  // the key is a prefix of its value: mark it all
    }
  }
}

Status Normalizer::Impl::Convert(const std::string& in, std::string* out) const {
  try {
    *out = t2s->Convert(in);
    return Status::Ok();
  } catch (const opencc::Exception& e) {
    *out = in;  // keep the un-converted text rather than nothing
    return Status::Internal(fmt::format("OpenCC conversion failed: {}", e.what()));
  } catch (const std::exception& e) {
    *out = in;
    return Status::Internal(fmt::format("OpenCC conversion failed: {}", e.what()));
  }
}

Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

// OpenCC on the pieces of `in` that hold a character it may rewrite; pieces end at characters that are in no
// dictionary key (ASCII, most punctuation), so a long post with one traditional character in one sentence
// sends only that sentence through OpenCC. Segmentation and conversion are greedy longest matches that
// cannot cross such a character, so the result equals converting the whole text.
Status Normalizer::Impl::ConvertPieces(const std::string& in, std::string* out) const {
  if (!piecewise || in.find('\0') != std::string::npos) return Convert(in, out);  // OpenCC stops at NUL
  out->clear();
  std::string piece, converted;
  size_t piece_start = 0;
  bool piece_rewrites = false;
  const auto flush = [&](size_t end) -> Status {
    if (piece_rewrites) {
      piece.assign(in, piece_start, end - piece_start);
      VIGIL_RETURN_IF_ERROR(Convert(piece, &converted));
      out->append(converted);
    } else {
      out->append(in, piece_start, end - piece_start);
    }
    piece_rewrites = false;
    return Status::Ok();
  };
  for (size_t i = 0; i < in.size();) {
    const size_t start = i;
    const uint8_t flags = Flags(DecodeWellFormed(in.data(), &i));
    if ((flags & kInKey) != 0) {
      piece_rewrites = piece_rewrites || (flags & kRewrite) != 0;
      continue;
    }
    const Status s = flush(start);
    if (!s.ok()) {
      *out = in;  // as Convert: keep the un-converted text rather than nothing
      return s;
    }
    out->append(in, start, i - start);
    piece_start = i;
  }
  const Status s = flush(in.size());
  if (!s.ok()) *out = in;
  return s;
}

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || impl->nfkc_cf == nullptr) {
    return Status::Internal(fmt::format("ICU NFKC_Casefold data unavailable: {}", u_errorName(status)));
  }
  std::string load_error;
  try {
    opencc::Config config;
    impl->t2s = config.NewFromFile(kOpenCcConfig);
    std::vector<ChangingEntry> changing;
    for (const opencc::ConversionPtr& conversion : impl->t2s->GetConversionChain()->GetConversions()) {
      CollectEntries(conversion->GetDict(), &changing, &impl->in_key);
    }
    impl->IndexChangingEntries(changing);
    const auto segmentation = std::dynamic_pointer_cast<opencc::MaxMatchSegmentation>(impl->t2s->GetSegmentation());
    if (segmentation != nullptr) {
      CollectEntries(segmentation->GetDict(), nullptr, &impl->in_key);
      impl->piecewise = true;
    }
  } catch (const opencc::Exception& e) {
    load_error = e.what();
  } catch (const std::exception& e) {
    load_error = e.what();
  }
  if (!load_error.empty() || impl->t2s == nullptr) {
    return Status::NotFound(fmt::format("OpenCC configuration {} could not be loaded: {}", kOpenCcConfig, load_error));
  }
  impl->MarkRewrite(0);
  impl->BuildTables();
  return std::unique_ptr<Normalizer>(new Normalizer(std::move(impl)));
}

namespace {

// Cuts input above kMaxNormalizeInputBytes at a character boundary; the status says so.
Status TruncateToLimit(std::string_view* in) {
  if (in->size() <= kMaxNormalizeInputBytes) return Status::Ok();
  size_t cut = kMaxNormalizeInputBytes;
  while (cut > 0 && (static_cast<unsigned char>((*in)[cut]) & 0xC0) == 0x80) --cut;  // character boundary
  const size_t original = in->size();
  *in = in->substr(0, cut);
  return Status::InvalidArgument(
      fmt::format("text of {} bytes truncated to {} bytes before normalisation", original, cut));
}

}  // namespace

Status Normalizer::Impl::ReferenceAfterTruncation(std::string_view in, Status result, std::string* out) const {

  // Decode by hand so the first invalid byte can be reported; bad sequences become U+FFFD.
  icu::UnicodeString src;
  src.getBuffer(static_cast<int32_t>(in.size()));  // reserve
  src.releaseBuffer(0);
  const auto* bytes = reinterpret_cast<const uint8_t*>(in.data());
  const auto length = static_cast<int32_t>(in.size());
  int64_t first_bad = -1;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      if (first_bad < 0) first_bad = start;
      c = static_cast<UChar32>(kReplacement);
    }
    src.append(c);
  }
  if (first_bad >= 0 && result.ok()) {
    result = Status::InvalidArgument(
        fmt::format("invalid UTF-8 at byte {}; bad sequences replaced by U+FFFD", first_bad));
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = nfkc_cf->normalize(src, status);
  if (U_FAILURE(status)) return Status::Internal(fmt::format("ICU normalisation failed: {}", u_errorName(status)));

  std::string cleaned;
  CleanSeparators(folded, &cleaned);
  VIGIL_RETURN_IF_ERROR(Convert(cleaned, out));
  return result;
}


// NFKC_Casefold of well-formed UTF-8 as the concatenation of each character's own normalised form, into
// *out. That is exact when there is a normalisation boundary between every two neighbours (the first has
// one after it or the second one before it): ICU normalises the pieces between boundaries independently.
// Chinese text with full-width punctuation and Latin words without combining marks qualify. Returns false,
// leaving the text to ICU, when a pair may interact (a letter and a combining accent, Hangul jamo) or a
// character outside the BMP is not inert.
bool Normalizer::Impl::FoldByCharacter(std::string_view in, std::string* out) const {
  out->clear();
  const char* const p = in.data();
  size_t copied = 0;  // bytes of `in` before this are in *out; unchanged characters are copied in runs
  bool boundary_after_prev = true;
  for (size_t i = 0; i < in.size();) {
    const size_t start = i;
    const char32_t c = DecodeWellFormed(p, &i);
    if (c >= kBmpLimit) {
      if (!nfkc_cf->isInert(static_cast<UChar32>(c))) return false;
      boundary_after_prev = true;
      continue;
    }
    const uint8_t f = nf_flags[c];
    if (!boundary_after_prev && (f & kNfBefore) == 0) return false;
    boundary_after_prev = (f & kNfAfter) != 0;
    if ((f & kNfMapped) == 0) continue;
    out->append(p + copied, start - copied);
    out->append(nf_mapping.find(c)->second);
    copied = i;
  }
  out->append(p + copied, in.size() - copied);
  return true;
}

// CleanSeparators on well-formed UTF-8 that is already NFKC_Casefold, into *out. Kept characters are copied
// as bytes; the output is never longer than the input (every name-separator dot takes at least the two
// bytes of U+00B7). Returns true when the result holds a character OpenCC may rewrite.
bool Normalizer::Impl::CleanUtf8(std::string_view in, std::string* out) const {
  out->resize(in.size());
  char* const o = out->data();
  const char* const p = in.data();
  size_t n = 0;            // bytes written to o
  size_t copied = 0;       // bytes of `in` before this are dealt with; kept characters are copied in runs
  uint8_t seen = 0;        // CharFlag bits of the emitted characters
  uint8_t prev_flags = 0;  // of the last emitted character
  const auto copy_until = [&](size_t end) {
    std::memcpy(o + n, p + copied, end - copied);
    n += end - copied;
  };
  for (size_t i = 0; i < in.size();) {
    const size_t start = i;
    const uint8_t flags = Flags(DecodeWellFormed(p, &i));
    if ((flags & (kFormat | kSeparator)) == 0) {  // kept as it is
      seen |= flags;
      prev_flags = flags;
      continue;
    }
    copy_until(start);
    copied = i;
    if ((flags & kFormat) != 0) continue;  // dropped
    // A run of separators (format characters inside it do not count): find the character after it.
    size_t run_end = i;
    uint8_t next_flags = 0;
    while (run_end < in.size()) {
      size_t k = run_end;
      next_flags = Flags(DecodeWellFormed(p, &k));
      if ((next_flags & (kFormat | kSeparator)) == 0) break;
      run_end = k;
    }
    const bool between_han = run_end < in.size() && (prev_flags & kHan) != 0 && (next_flags & kHan) != 0;
    if (!between_han) {
      for (size_t r = start; r < run_end;) {
        const size_t s = r;
        uint8_t f = Flags(DecodeWellFormed(p, &r));
        if ((f & kFormat) != 0) continue;
        if ((f & kDot) != 0) {
          std::memcpy(o + n, kMiddleDotUtf8.data(), kMiddleDotUtf8.size());
          n += kMiddleDotUtf8.size();
          f = Flags(kMiddleDot);
        } else {
          std::memcpy(o + n, p + s, r - s);
          n += r - s;
        }
        seen |= f;
        prev_flags = f;
      }
    }
    i = run_end;
    copied = run_end;
  }
  copy_until(in.size());
  out->resize(n);
  return (seen & kRewrite) != 0;
}

Status Normalizer::Normalize(std::string_view in, std::string* out) const {
  out->clear();
  Status result = TruncateToLimit(&in);
  if (in.empty()) return result;
  const Impl& impl = *impl_;
  const size_t first_non_ascii = FirstNonAscii(in);
  if (first_non_ascii < in.size() && !IsValidUtf8From(in, first_non_ascii)) {
    return impl.ReferenceAfterTruncation(in, std::move(result), out);  // rare; replaces and reports bad bytes
  }

  if (first_non_ascii == in.size()) {
    // Pure ASCII: NFKC_Casefold maps A-Z to a-z and nothing else; no format characters, no Han for
    // separators to join; OpenCC only for NUL.
    out->resize(in.size());
    uint8_t seen = 0;
    for (size_t i = 0; i < in.size(); ++i) {
      const auto b = static_cast<unsigned char>(in[i]);
      (*out)[i] = impl.ascii_folded[b];
      seen |= impl.bmp_flags[b];
    }
    if ((seen & kRewrite) == 0) return result;
    const std::string cleaned = std::move(*out);
    VIGIL_RETURN_IF_ERROR(impl.Convert(cleaned, out));
    return result;
  }

  // NFKC_Casefold: character by character where that is exact, else by ICU after its quick check.
  thread_local std::string folded;
  std::string_view source = in;
  if (impl.FoldByCharacter(in, &folded)) {
    source = folded;
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::StringPiece piece(in.data(), static_cast<int32_t>(in.size()));
    if (!impl.nfkc_cf->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
      folded.clear();
      icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(in.size()));
      impl.nfkc_cf->normalizeUTF8(0, piece, sink, nullptr, status);
      source = folded;
    }
    if (U_FAILURE(status)) return Status::Internal(fmt::format("ICU normalisation failed: {}", u_errorName(status)));
  }

  if (!impl.CleanUtf8(source, out)) return result;  // OpenCC would give the text back unchanged
  const std::string cleaned = std::move(*out);
  VIGIL_RETURN_IF_ERROR(impl.ConvertPieces(cleaned, out));
  return result;
}

Status Normalizer::NormalizeReference(std::string_view in, std::string* out) const {
  out->clear();
  Status result = TruncateToLimit(&in);
  if (in.empty()) return result;
  return impl_->ReferenceAfterTruncation(in, std::move(result), out);
}

bool Normalizer::OpenCcMayRewrite(char32_t c) const { return impl_->Rewrites(c); }

std::string Normalizer::NormalizeOrReplace(std::string_view in) const {
  std::string out;
  (void)Normalize(in, &out);
  return out;
}

}  // namespace vigil::text
