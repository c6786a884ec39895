// Prints a reproducible random sample of the near-duplicate pairs found in the IRA tweets (identical texts
// excluded), as Markdown, for checking by hand (docs/neardup-sample-check.md).
// Usage: coord_neardup_sample [sample size] [seed]
#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "bench/ira_texts.h"
#include "vigil/coordination.h"

int main(int argc, char** argv) {
  const size_t sample = argc > 1 ? std::stoul(argv[1]) : 40;
  const unsigned seed = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 2016;
  const char* env = std::getenv("VIGIL_SHARED_DATA");
  const std::string root = env && *env ? env : VIGIL_BENCH_SHARED_DATA;
  const auto tweets =
      vigil::bench::LoadIraTweets(root + "/ira-russian-troll-tweets-2016-election-window/ira_tweets_2016-11-01_2016-11-15.csv");
  if (tweets.empty()) {
    fmt::print(stderr, "IRA data not found under {}\n", root);
    return 1;
  }
  std::vector<std::string> texts;
  for (const auto& t : tweets) texts.push_back(t.text);
  const vigil::NearDupOptions options;
  const auto r = vigil::FindNearDuplicates(texts, options);
  fmt::print("{} texts, {} clusters, {} identical texts, {} near pairs (verified Jaccard >= {}), bands {} x rows {}\n\n",
             texts.size(), r.clusters, r.identical_texts, r.pairs.size(), options.threshold, r.bands, r.rows);
  std::vector<size_t> idx(r.pairs.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::mt19937 rng(seed);
  std::shuffle(idx.begin(), idx.end(), rng);
  idx.resize(std::min(sample, idx.size()));
  std::sort(idx.begin(), idx.end());
  auto clean = [](std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '|', '/');
    return s;
  };
  int n = 0;
  for (size_t i : idx) {
    const auto& p = r.pairs[i];
    fmt::print("### {}. pair {} (Jaccard {:.2f})\n- A [{} {} {}]: {}\n- B [{} {} {}]: {}\n\n", ++n, i, p.jaccard,
               tweets[p.a].author, tweets[p.a].category, tweets[p.a].date, clean(tweets[p.a].text), tweets[p.b].author,
               tweets[p.b].category, tweets[p.b].date, clean(tweets[p.b].text));
  }
  return 0;
}
