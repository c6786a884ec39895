// Text normalisation: ICU NFKC_Casefold, format-character removal, name-separator unification, OpenCC t2s.
#include "text/normalize.h"

#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <exception>

namespace vigil::text {
namespace {

constexpr char32_t kMiddleDot = 0x00B7;
constexpr char32_t kReplacement = 0xFFFD;
constexpr const char* kOpenCcConfig = "t2s.json";

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

struct Normalizer::Impl {
  const icu::Normalizer2* nfkc_cf = nullptr;  // owned by ICU
  std::unique_ptr<opencc::SimpleConverter> t2s;
};

Normalizer::Normalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || impl->nfkc_cf == nullptr) {
    return Status::Internal(fmt::format("ICU NFKC_Casefold data unavailable: {}", u_errorName(status)));
  }
  try {
    impl->t2s = std::make_unique<opencc::SimpleConverter>(kOpenCcConfig);
  } catch (const std::exception& e) {
    return Status::NotFound(fmt::format("OpenCC configuration {} could not be loaded: {}", kOpenCcConfig, e.what()));
  }
  return std::unique_ptr<Normalizer>(new Normalizer(std::move(impl)));
}

Status Normalizer::Normalize(std::string_view in, std::string* out) const {
  out->clear();
  Status result = Status::Ok();
  if (in.size() > kMaxNormalizeInputBytes) {
    size_t cut = kMaxNormalizeInputBytes;
    while (cut > 0 && (static_cast<unsigned char>(in[cut]) & 0xC0) == 0x80) --cut;  // character boundary
    result = Status::InvalidArgument(
        fmt::format("text of {} bytes truncated to {} bytes before normalisation", in.size(), cut));
    in = in.substr(0, cut);
  }
  if (in.empty()) return result;

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
  const icu::UnicodeString folded = impl_->nfkc_cf->normalize(src, status);
  if (U_FAILURE(status)) return Status::Internal(fmt::format("ICU normalisation failed: {}", u_errorName(status)));

  std::string cleaned;
  CleanSeparators(folded, &cleaned);
  try {
    *out = impl_->t2s->Convert(cleaned);
  } catch (const std::exception& e) {
    *out = std::move(cleaned);  // keep the un-converted text rather than nothing
    return Status::Internal(fmt::format("OpenCC conversion failed: {}", e.what()));
  }
  return result;
}

std::string Normalizer::NormalizeOrReplace(std::string_view in) const {
  std::string out;
  (void)Normalize(in, &out);
  return out;
}

}  // namespace vigil::text
