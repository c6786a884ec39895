// Internal: interning of share tuples into CoordinationData's compact columns (the share file's reader is
// coord/share_csv.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/coordination.h"

namespace vigil::coord {

ContentKey HashContent(std::string_view content);

// Maps strings to dense ids in first-seen order: open addressing over (96-bit hash, id) slots, names in a
// NameTable. A lookup touches one slot and no name: two ids are the same when their 96-bit hashes are (a
// collision among ten million ids has odds of about 1e-15), which halves the cache misses of interning.
class Interner {
 public:
  struct Key {
    uint64_t hash = 0;
    uint32_t check = 0;
  };
  Interner();
  static Key KeyOf(std::string_view s);
  // Starts loading the slot `key` probes first, so a later Intern of it does not wait on memory.
  void Prefetch(const Key& key) const { __builtin_prefetch(&slots_[key.hash & (slots_.size() - 1)]); }
  uint32_t Intern(std::string_view s) { return Intern(s, KeyOf(s)); }
  uint32_t Intern(std::string_view s, const Key& key);
  size_t size() const { return names_.size(); }
  NameTable TakeNames();

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t check = 0;  // 32 more bits of the 128-bit hash
    uint32_t id = kEmpty;
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;
  void Grow();
  std::vector<Slot> slots_;
  NameTable names_;
};

// Accumulates shares into the columns of a CoordinationData. Interning is pipelined: a share's object and
// account slots are prefetched when it arrives and interned kPipeline shares later, in arrival order (ids
// stay in first-seen order), so the table's cache misses overlap instead of adding up.
class ShareTableBuilder {
 public:
  void Reserve(size_t n);
  void Add(std::string_view object, std::string_view account, std::string_view content, int64_t time,
           int64_t post_index = -1);
  // Moves the columns into `data` (pairs and content names untouched).
  void Finish(CoordinationData& data);

 private:
  static constexpr size_t kPipeline = 16;
  struct Pending {
    std::string object, account;
    Interner::Key object_key, account_key;
  };
  void Drain(size_t slot);
  Interner objects_, accounts_;
  CoordinationData columns_;
  Pending pending_[kPipeline];
  size_t queued_ = 0;  // shares added; the oldest pending one is at queued_ % kPipeline
  size_t interned_ = 0;
};

// CooRTweet's flag_speed_share: 1 for the pairs within `fast_window` seconds that survive the
// min_participation filter recomputed on that subset (the pairs that make the "fast network").
std::vector<uint8_t> FastPairFlags(const CoordinationData& data, int64_t fast_window);

}  // namespace vigil::coord
