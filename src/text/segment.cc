// ICU word segmentation over UTF-8 (UText, no conversion) and a small zh/en/fr stop-word list.
#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <unordered_set>

namespace vigil::text {
namespace {

// The prototype is created once; each thread clones it (BreakIterator instances are not thread-safe).
const icu::BreakIterator* Prototype() {
  static const icu::BreakIterator* proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* it = icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status);
    if (U_FAILURE(status)) {
      delete it;
      return static_cast<icu::BreakIterator*>(nullptr);
    }
    return it;
  }();
  return proto;
}

icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it(Prototype() != nullptr ? Prototype()->clone() : nullptr);
  return it.get();
}

constexpr std::array kStopWords = {
    // Chinese
    "的", "了", "是", "在", "和", "与", "也", "就", "都", "而", "及", "或", "一个", "这", "那", "这个", "那个",
    "我们", "你们", "他们", "她们", "它们", "我", "你", "他", "她", "它", "有", "被", "把", "对", "为", "将",
    "从", "向", "于", "以", "之", "其", "中", "上", "下", "说", "表示", "称", "等", "又", "还", "让", "给",
    "这些", "那些", "什么", "如何", "因为", "所以", "如果", "但是", "但", "虽然", "而且", "并", "并且", "不",
    "没有", "很", "会", "要", "能", "可以", "已经", "没", "吗", "呢", "吧", "啊", "着", "过", "到", "去", "来",
    "个", "人", "年", "月", "日", "时", "后", "前", "今天", "昨天", "自己", "这样", "一些", "以及", "通过",
    // English
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he",
    "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "not", "no", "will", "would",
    "has", "have", "had", "do", "does", "did", "so", "if", "than", "then", "there", "about", "after", "before",
    "into", "over", "just", "more", "most", "said", "says", "also", "who", "what", "which", "when", "how",
    "rt", "https", "http", "t.co", "amp", "can", "all", "out", "up", "new", "one", "get",
    // French
    "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "en", "dans", "sur", "pour",
    "par", "avec", "est", "sont", "il", "elle", "ils", "elles", "ce", "cette", "ces", "qui", "que", "qu",
    "au", "aux", "son", "sa", "ses", "leur", "leurs", "pas", "ne", "se", "l", "d", "a", "été", "plus",
};

}  // namespace

void SegmentWords(std::string_view normalized, std::vector<std::string_view>* words) {
  icu::BreakIterator* it = ThreadIterator();
  if (it == nullptr || normalized.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, normalized.data(), static_cast<int64_t>(normalized.size()), &status);
  if (U_FAILURE(status)) return;
  it->setText(ut, status);
  if (U_SUCCESS(status)) {
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      if (it->getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces and punctuation
      words->push_back(normalized.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
    }
  }
  utext_close(ut);
}

bool IsStopWord(std::string_view word) {
  static const std::unordered_set<std::string_view> kSet(kStopWords.begin(), kStopWords.end());
  return kSet.contains(word);
}

}  // namespace vigil::text
