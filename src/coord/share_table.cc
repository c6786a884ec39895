// Interning of share tuples into the compact columns of CoordinationData.
#include "coord/share_table.h"

#include <xxhash.h>

namespace vigil::coord {

ContentKey HashContent(std::string_view content) {
  XXH128_hash_t h = XXH3_128bits(content.data(), content.size());
  return ContentKey{h.low64, h.high64};
}

constexpr size_t kInitialSlots = 1024;  // power of two

Interner::Interner() : slots_(kInitialSlots) {}

void Interner::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kEmpty) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

Interner::Key Interner::KeyOf(std::string_view s) {
  const XXH128_hash_t full = XXH3_128bits(s.data(), s.size());
  return Key{full.low64, static_cast<uint32_t>(full.high64 >> 32)};
}

uint32_t Interner::Intern(std::string_view s, const Key& key) {
  const uint64_t h = key.hash;
  const uint32_t check = key.check;
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id != kEmpty) {
    if (slots_[i].hash == h && slots_[i].check == check) return slots_[i].id;
    i = (i + 1) & mask;
  }
  const uint32_t id = names_.push_back(s);
  slots_[i] = Slot{h, check, id};
  if (names_.size() * 2 > slots_.size()) Grow();  // load factor <= 1/2 keeps probes short
  return id;
}

NameTable Interner::TakeNames() {
  std::vector<Slot>().swap(slots_);
  return std::move(names_);
}

void ShareTableBuilder::Reserve(size_t n) {
  columns_.share_object.reserve(n);
  columns_.share_account.reserve(n);
  columns_.share_time.reserve(n);
  columns_.share_content.reserve(n);
  columns_.share_content_is_object.reserve(n);
}

void ShareTableBuilder::Add(std::string_view object, std::string_view account, std::string_view content,
                            int64_t time, int64_t post_index) {
  const size_t slot = queued_ % kPipeline;
  if (queued_ - interned_ == kPipeline) Drain(slot);  // the oldest share leaves the pipeline first
  Pending& p = pending_[slot];
  p.object.assign(object);
  p.account.assign(account);
  p.object_key = Interner::KeyOf(object);
  p.account_key = Interner::KeyOf(account);
  objects_.Prefetch(p.object_key);
  accounts_.Prefetch(p.account_key);
  ++queued_;
  columns_.share_object.push_back(0);  // filled when the share is interned
  columns_.share_account.push_back(0);
  columns_.share_time.push_back(time);
  columns_.share_content.push_back(HashContent(content));
  columns_.share_content_is_object.push_back(content == object ? 1 : 0);
  if (post_index >= 0 || !columns_.share_post.empty()) {
    columns_.share_post.resize(columns_.share_object.size() - 1, -1);
    columns_.share_post.push_back(post_index);
  }
}

void ShareTableBuilder::Drain(size_t slot) {
  const Pending& p = pending_[slot];
  columns_.share_object[interned_] = objects_.Intern(p.object, p.object_key);
  columns_.share_account[interned_] = accounts_.Intern(p.account, p.account_key);
  ++interned_;
}

void ShareTableBuilder::Finish(CoordinationData& data) {
  while (interned_ < queued_) Drain(interned_ % kPipeline);
  data.objects = objects_.TakeNames();
  data.accounts = accounts_.TakeNames();
  data.share_object = std::move(columns_.share_object);
  data.share_account = std::move(columns_.share_account);
  data.share_time = std::move(columns_.share_time);
  data.share_content = std::move(columns_.share_content);
  data.share_content_is_object = std::move(columns_.share_content_is_object);
  data.share_post = std::move(columns_.share_post);
  if (!data.share_post.empty()) data.share_post.resize(data.share_object.size(), -1);
  columns_ = CoordinationData{};
}

}  // namespace vigil::coord
