#include "incident/text_copies.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "coord/union_find.h"

namespace vigil {
namespace {

size_t CodePoints(const std::string& utf8) {
  size_t chars = 0;
  for (unsigned char c : utf8) chars += (c & 0xC0) != 0x80;
  return chars;
}

// A text as a copier's edits leave it comparable: normalised (NFKC case fold, traditional to simplified),
// then without links, @mentions, punctuation and emoji.
std::string Folded(std::string_view text, const text::Normalizer& normalizer, std::string* scratch) {
  (void)normalizer.Normalize(text, scratch);
  return NormalizeText(*scratch);
}

// The text up to the end of its first sentence (Chinese or Latin full stop, question or exclamation mark,
// or line break); the whole text when it has one sentence.
std::string_view LeadSentence(std::string_view text) {
  static constexpr std::string_view kEnds[] = {"。", "！", "？", ". ", "! ", "? ", "\n"};
  size_t end = text.size();
  for (std::string_view mark : kEnds) {
    const size_t at = text.find(mark);
    if (at != std::string_view::npos) end = std::min(end, at + mark.size());
  }
  return text.substr(0, end);
}

// What a copier takes from a post: its whole title and text, its title alone, or its lead sentence.
std::vector<std::string> CopyUnits(const Post& post, const text::Normalizer& normalizer, std::string* scratch) {
  std::vector<std::string> units;
  auto add = [&](std::string unit) {
    if (std::find(units.begin(), units.end(), unit) == units.end()) units.push_back(std::move(unit));
  };
  add(Folded(post.title.empty() ? post.text : post.title + "\n" + post.text, normalizer, scratch));
  if (!post.title.empty()) add(Folded(post.title, normalizer, scratch));
  add(Folded(LeadSentence(post.text), normalizer, scratch));
  return units;
}

// Posts [begin, end) of one block and the window before it: the texts that take part (up to three per post)
// and the post of each.
struct Run {
  std::vector<std::string> texts;
  std::vector<uint32_t> posts;
};

Run ReadRun(const std::vector<Post>& posts, size_t begin, size_t end, const text::Normalizer& normalizer,
            const TextCopyOptions& options) {
  Run run;
  std::string scratch;
  for (size_t i = begin; i < end; ++i) {
    if (!posts[i].repost_of.empty()) continue;
    for (std::string& unit : CopyUnits(posts[i], normalizer, &scratch)) {
      if (CodePoints(unit) < options.min_text_chars) continue;
      run.texts.push_back(std::move(unit));  // in time order: later copies come after their originals
      run.posts.push_back(static_cast<uint32_t>(i));
    }
  }
  return run;
}

}  // namespace

std::vector<int64_t> GroupTextCopies(const std::vector<Post>& posts, const text::Normalizer& normalizer,
                                     const TextCopyOptions& options,
                                     const std::function<void(int64_t done, int64_t total)>& on_progress) {
  const size_t n = posts.size();
  std::vector<int64_t> group(n, -1);
  coord::UnionFind components(n);
  std::vector<uint8_t> linked(n, 0);
  for (size_t block_begin = 0; block_begin < n;) {
    const int64_t block = FloorDiv(posts[block_begin].published_at, options.block_seconds);
    size_t block_end = block_begin;
    while (block_end < n && FloorDiv(posts[block_end].published_at, options.block_seconds) == block) ++block_end;
    // A copy in this block may follow an original up to one window before it.
    const int64_t run_start = block * options.block_seconds - options.window_seconds;
    size_t run_begin = block_begin;
    while (run_begin > 0 && posts[run_begin - 1].published_at >= run_start) --run_begin;

    const Run run = ReadRun(posts, run_begin, block_end, normalizer, options);
    const NearDupResult clusters = FindNearDuplicates(run.texts, options.near_dup);
    std::unordered_map<int64_t, uint32_t> first_of_cluster;
    for (size_t k = 0; k < run.posts.size(); ++k) {
      if (clusters.cluster[k] < 0) continue;
      const uint32_t post = run.posts[k];
      linked[post] = 1;
      auto [it, inserted] = first_of_cluster.try_emplace(clusters.cluster[k], post);
      if (!inserted) components.Union(it->second, post);
    }
    block_begin = block_end;
    if (on_progress) on_progress(static_cast<int64_t>(block_end), static_cast<int64_t>(n));
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (linked[i]) group[i] = components.Find(i);
  }
  return group;
}

}  // namespace vigil
