// Shared data set readers and their deterministic hash splits.
#include "text/datasets.h"

#include <xxhash.h>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/csv_rows.h"

namespace vigil::text {
namespace {

constexpr int kSnowNlpTestPercent = 20;
constexpr int kClaimStanceTestPercent = 30;

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every record of an RFC 4180 file, the header first (strict reading: errors name the file and line).
Result<std::vector<std::vector<std::string>>> ReadCsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  VIGIL_RETURN_IF_ERROR(ReadCsvRows(path, [&](CsvRow& row) {
    rows.push_back(std::move(row.fields));
    return true;
  }));
  return rows;
}

std::map<std::string, size_t> HeaderIndex(const std::vector<std::string>& header) {
  std::map<std::string, size_t> idx;
  for (size_t i = 0; i < header.size(); ++i) idx[header[i]] = i;
  return idx;
}

}  // namespace

int SplitBucket(std::string_view key) { return static_cast<int>(XXH64(key.data(), key.size(), 0) % 100); }

Result<Split> LoadSnowNlpSentiment(const std::string& dir) {
  std::map<std::string, std::set<std::string>> labels_of;  // line -> labels it appears under
  std::vector<std::pair<std::string, std::string>> order;  // first occurrence order
  for (const char* label : {"pos", "neg"}) {
    const std::string path = fmt::format("{}/{}.txt", dir, label);
    VIGIL_ASSIGN_OR_RETURN(std::string content, ReadAll(path));
    std::istringstream in(content);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      auto& labels = labels_of[line];
      if (labels.empty()) order.emplace_back(line, label);
      labels.insert(label);
    }
  }
  Split split;
  for (auto& [text, label] : order) {
    if (labels_of[text].size() > 1) continue;  // contradictory duplicates
    LabeledText t{text, label, "", ""};
    (SplitBucket(text) < kSnowNlpTestPercent ? split.test : split.train).push_back(std::move(t));
  }
  return split;
}

Result<Split> LoadCold(const std::string& dir) {
  Split split;
  for (const char* name : {"train", "dev"}) {
    const std::string path = fmt::format("{}/{}.csv", dir, name);
    VIGIL_ASSIGN_OR_RETURN(auto rows, ReadCsv(path));
    if (rows.empty()) return Status::InvalidArgument(fmt::format("{}: empty", path));
    auto idx = HeaderIndex(rows[0]);
    if (!idx.contains("label") || !idx.contains("TEXT")) {
      return Status::InvalidArgument(fmt::format("{}:1: header: needs 'label' and 'TEXT'", path));
    }
    for (size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      if (row.size() <= std::max(idx["label"], idx["TEXT"])) {
        return Status::InvalidArgument(fmt::format("{}: record {}: too few fields", path, r));
      }
      const std::string& label = row[idx["label"]];
      if (label != "0" && label != "1") {
        return Status::InvalidArgument(fmt::format("{}: record {}: label: '{}' is not 0 or 1", path, r, label));
      }
      LabeledText t{row[idx["TEXT"]], label, "", ""};
      if (std::string(name) == "dev") {
        split.test.push_back(std::move(t));
      } else {
        (SplitBucket(t.text) < kColdHeldOutPercent ? split.held_out : split.train).push_back(std::move(t));
      }
    }
  }
  return split;
}

Result<Split> LoadClaimStance(const std::string& dir) {
  const std::string path = dir + "/claim_stance_train.csv";
  VIGIL_ASSIGN_OR_RETURN(auto rows, ReadCsv(path));
  if (rows.empty()) return Status::InvalidArgument(fmt::format("{}: empty", path));
  auto idx = HeaderIndex(rows[0]);
  for (const char* need : {"topicId", "topicTarget", "topicSentiment", "claims.stance", "claims.claimCorrectedText"}) {
    if (!idx.contains(need)) return Status::InvalidArgument(fmt::format("{}:1: header: missing '{}'", path, need));
  }
  std::vector<LabeledText> all;
  std::map<std::string, size_t> topic_size;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() < rows[0].size()) return Status::InvalidArgument(fmt::format("{}: record {}: too few fields", path, r));
    const std::string& stance = row[idx["claims.stance"]];
    const std::string& sentiment = row[idx["topicSentiment"]];
    if ((stance != "PRO" && stance != "CON") || (sentiment != "1" && sentiment != "-1")) {
      return Status::InvalidArgument(
          fmt::format("{}: record {}: claims.stance/topicSentiment: '{}'/'{}'", path, r, stance, sentiment));
    }
    const bool favor = (stance == "PRO") == (sentiment == "1");
    all.push_back(LabeledText{row[idx["claims.claimCorrectedText"]], favor ? "favor" : "against", row[idx["topicId"]],
                              row[idx["topicTarget"]]});
    ++topic_size[all.back().group];
  }
  // Whole topics, in hash order, go to the test split until it holds the wanted share of the claims.
  std::vector<std::pair<int, std::string>> topics;
  for (const auto& [topic, n] : topic_size) topics.emplace_back(SplitBucket(topic), topic);
  std::sort(topics.begin(), topics.end());
  std::set<std::string> test_topics;
  size_t test_claims = 0;
  for (const auto& [bucket, topic] : topics) {
    if (test_claims * 100 >= all.size() * kClaimStanceTestPercent) break;
    if ((test_claims + topic_size[topic]) * 100 > all.size() * (kClaimStanceTestPercent + 10)) continue;
    test_topics.insert(topic);
    test_claims += topic_size[topic];
  }
  Split split;
  for (LabeledText& t : all) (test_topics.contains(t.group) ? split.test : split.train).push_back(std::move(t));
  return split;
}

}  // namespace vigil::text
