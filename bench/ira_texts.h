// Loading the IRA tweets' text column (shared data set ira-russian-troll-tweets-2016-election-window) for
// the near-duplicate benchmark and its hand-checked sample. Quoted fields may span lines: libcsv parses.
#pragma once

#include <csv.h>

#include <cstdio>
#include <string>
#include <vector>

namespace vigil::bench {

struct IraTweet {
  std::string author, category, date, text;
};

inline std::vector<IraTweet> LoadIraTweets(const std::string& path) {
  struct State {
    std::vector<std::string> row;
    std::vector<IraTweet> out;
    bool header = true;
  } st;
  csv_parser p;
  csv_init(&p, CSV_APPEND_NULL);
  auto on_field = [](void* s, size_t n, void* data) {
    static_cast<State*>(data)->row.emplace_back(static_cast<const char*>(s), n);
  };
  auto on_row = [](int, void* data) {
    auto* state = static_cast<State*>(data);
    // author_id,...,account_category(3),publish_date(4),...,content(13)
    if (!state->header && state->row.size() >= 14)
      state->out.push_back({state->row[0], state->row[3], state->row[4], state->row[13]});
    state->header = false;
    state->row.clear();
  };
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) csv_parse(&p, buf, n, on_field, on_row, &st);
  csv_fini(&p, on_field, on_row, &st);
  csv_free(&p);
  std::fclose(f);
  return st.out;
}

// The 10x replica: replica r > 0 suffixes every word with "_r<r>", so replicas share no shingle with each
// other and the expected output is ten disjoint copies of the original's.
inline std::vector<std::string> ReplicateTexts(const std::vector<std::string>& texts, int n) {
  std::vector<std::string> out;
  out.reserve(texts.size() * static_cast<size_t>(n));
  for (int r = 0; r < n; ++r) {
    for (const auto& t : texts) {
      if (r == 0) {
        out.push_back(t);
        continue;
      }
      std::string s;
      const std::string suffix = "_r" + std::to_string(r);
      bool in_word = false;
      for (char c : t) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (space && in_word) s += suffix;
        s.push_back(c);
        in_word = !space;
      }
      if (in_word) s += suffix;
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace vigil::bench
