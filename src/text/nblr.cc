// NB-LR training (SGD) and prediction over hashed unigrams and bigrams of a feature line.
#include "text/nblr.h"

#include <xxhash.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>
#include <string_view>

namespace vigil::text {
namespace {

constexpr uint32_t kMagic = 0x564E424C;  // "VNBL"
constexpr float kMaxLogit = 30.0f;
constexpr float kLearningRateDecay = 0.5f;  // per epoch

float Sigmoid(float z) { return 1.0f / (1.0f + std::exp(-std::clamp(z, -kMaxLogit, kMaxLogit))); }

}  // namespace

std::vector<uint32_t> NbLrModel::Features(const std::string& line) const {
  std::vector<std::string_view> toks;
  const std::string_view s(line);
  for (size_t i = 0; i < s.size();) {
    const size_t sp = s.find(' ', i);
    const size_t end = sp == std::string_view::npos ? s.size() : sp;
    if (end > i) toks.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  const uint64_t mask = (uint64_t{1} << hash_bits_) - 1;
  std::vector<uint32_t> f;
  f.reserve(toks.size() * 2);
  for (size_t i = 0; i < toks.size(); ++i) {
    f.push_back(static_cast<uint32_t>(XXH64(toks[i].data(), toks[i].size(), 1) & mask));
    if (i + 1 < toks.size()) {  // bigram: hash of the two tokens' hashes
      const uint64_t pair[2] = {XXH64(toks[i].data(), toks[i].size(), 2), XXH64(toks[i + 1].data(), toks[i + 1].size(), 3)};
      f.push_back(static_cast<uint32_t>(XXH64(pair, sizeof(pair), 4) & mask));
    }
  }
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());  // binary features
  return f;
}

Result<NbLrModel> NbLrModel::Train(const std::vector<std::string>& lines, const std::vector<int>& labels,
                                   const NbLrOptions& options) {
  if (lines.size() != labels.size() || lines.empty()) return Status::InvalidArgument("NB-LR: no or mismatched examples");
  if (options.hash_bits < 8 || options.hash_bits > 26) return Status::InvalidArgument("NB-LR: hash_bits out of 8..26");
  NbLrModel m;
  m.hash_bits_ = options.hash_bits;
  const size_t buckets = size_t{1} << options.hash_bits;
  std::vector<std::vector<uint32_t>> feats;
  feats.reserve(lines.size());
  std::vector<float> pos(buckets, options.smoothing), neg(buckets, options.smoothing);
  for (size_t i = 0; i < lines.size(); ++i) {
    feats.push_back(m.Features(lines[i]));
    for (uint32_t f : feats.back()) (labels[i] == 1 ? pos : neg)[f] += 1;
  }
  const double pos_sum = std::accumulate(pos.begin(), pos.end(), 0.0);
  const double neg_sum = std::accumulate(neg.begin(), neg.end(), 0.0);
  m.ratio_.resize(buckets);
  for (size_t f = 0; f < buckets; ++f) {
    m.ratio_[f] = static_cast<float>(std::log(pos[f] / pos_sum) - std::log(neg[f] / neg_sum));
  }
  m.weight_.assign(buckets, 0.0f);
  std::vector<size_t> order(lines.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::mt19937 rng(options.seed);
  float lr = options.learning_rate;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      float z = m.bias_;
      for (uint32_t f : feats[i]) z += m.weight_[f] * m.ratio_[f];
      const float g = Sigmoid(z) - static_cast<float>(labels[i]);
      for (uint32_t f : feats[i]) m.weight_[f] -= lr * g * m.ratio_[f];
      m.bias_ -= lr * g;
    }
    lr *= kLearningRateDecay;
  }
  return m;
}

float NbLrModel::Probability(const std::string& line) const {
  float z = bias_;
  for (uint32_t f : Features(line)) z += weight_[f] * ratio_[f];
  return Sigmoid(z);
}

Status NbLrModel::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  const uint32_t header[2] = {kMagic, static_cast<uint32_t>(hash_bits_)};
  out.write(reinterpret_cast<const char*>(header), sizeof(header));
  out.write(reinterpret_cast<const char*>(&bias_), sizeof(bias_));
  out.write(reinterpret_cast<const char*>(ratio_.data()), static_cast<std::streamsize>(ratio_.size() * sizeof(float)));
  out.write(reinterpret_cast<const char*>(weight_.data()), static_cast<std::streamsize>(weight_.size() * sizeof(float)));
  return out ? Status::Ok() : Status::IoError(fmt::format("{}: write failed", path));
}

Result<NbLrModel> NbLrModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open NB-LR model", path));
  uint32_t header[2] = {0, 0};
  in.read(reinterpret_cast<char*>(header), sizeof(header));
  if (!in || header[0] != kMagic || header[1] < 8 || header[1] > 26) {
    return Status::Corruption(fmt::format("{}: not an NB-LR model", path));
  }
  NbLrModel m;
  m.hash_bits_ = static_cast<int>(header[1]);
  const size_t buckets = size_t{1} << m.hash_bits_;
  m.ratio_.resize(buckets);
  m.weight_.resize(buckets);
  in.read(reinterpret_cast<char*>(&m.bias_), sizeof(m.bias_));
  in.read(reinterpret_cast<char*>(m.ratio_.data()), static_cast<std::streamsize>(buckets * sizeof(float)));
  in.read(reinterpret_cast<char*>(m.weight_.data()), static_cast<std::streamsize>(buckets * sizeof(float)));
  if (!in) return Status::Corruption(fmt::format("{}: truncated NB-LR model", path));
  return m;
}

}  // namespace vigil::text
