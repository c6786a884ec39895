// Background: organic posts that bury the operation — unrelated WeChat accounts, Chinese local news and
// Weibo users, and English/French posts on X, Facebook and Telegram that mention the candidates at a steady
// rate with a mild rise on event days, plus ambiguous uses of "Carney"/卡尼. Its volume scales freely.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "examplegen/accounts.h"
#include "examplegen/calendar.h"
#include "examplegen/post_factory.h"
#include "examplegen/rng.h"
#include "vigil/post.h"

namespace vigil::examplegen {

// Expected background posts on each day at scale 1. Depends on the seed and the calendar only.
std::vector<double> BackgroundDayWeights(uint64_t seed, const std::vector<Day>& days);
// Splits `total` into integer counts proportional to `weights` (largest remainder; sums to `total`).
std::vector<int64_t> AllocateCounts(const std::vector<double>& weights, int64_t total);

class BackgroundGenerator {
 public:
  // `volume_factor` = background volume / volume at scale 1; the account pools grow with it so a million
  // posts come from many accounts rather than a few hyperactive ones.
  BackgroundGenerator(uint64_t seed, double volume_factor);
  // One planned post: when it appears and what kind it is. Planning a day first and composing each post only
  // when it is written keeps memory flat and the output in time order without sorting whole posts.
  struct Slot {
    int64_t time = 0;
    uint8_t kind = 0;
  };
  // `count` slots within `day`'s +08:00 calendar day, sorted by time (ties keep drawing order).
  std::vector<Slot> PlanDay(const Day& day, int64_t count);
  // Composes the post for a slot of `day`. Call in slot order.
  Post Make(const Slot& slot, const Day& day);

 private:
  enum class Kind : uint8_t {
    kLifestyle, kFinance, kZhAmbiguous, kWeiboChatter, kXChatter, kEnAmbiguous,  // not political
    kZhNews, kXUser, kXOutlet, kFacebook, kTelegram, kWeiboPolitics,             // political (heat applies)
  };
  const char* PickTarget(const Day& day);
  size_t Pool(size_t base) const;
  // Background accounts are built once per index and reused (building their names per post was costly).
  const Account& Cached(std::vector<std::optional<Account>>& cache, size_t index, Account (*make)(size_t));

  std::vector<std::optional<Account>> wechat_cache_[3];
  std::vector<std::optional<Account>> x_cache_;
  std::vector<std::optional<Account>> weibo_cache_;

  Rng rng_;
  Rng url_rng_;
  PostFactory factory_;
  double volume_factor_;
};

}  // namespace vigil::examplegen
