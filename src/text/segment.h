// Word segmentation of normalised text: ICU's dictionary-based word break iterator (Chinese words from
// ICU's CJK dictionary, Latin words at spaces and punctuation).
#pragma once

#include <string_view>
#include <vector>

namespace vigil::text {

// Appends the words of `normalized` (views into it) to *words: letters, numbers and Han words; spaces and
// punctuation are dropped. Thread-safe (one break iterator per thread). Invalid UTF-8 is segmented as is.
void SegmentWords(std::string_view normalized, std::vector<std::string_view>* words);

// True when `word` is a function word that carries no topic (的, 了, the, and, le, ...).
bool IsStopWord(std::string_view word);

}  // namespace vigil::text
