// Co-action detection: CooRTweet's detect_groups over interned share columns, with the QUT toolkit's and
// fixed-bin window semantics as options. Per object, shares are sorted by time and paired with a sliding
// window, so a heavy object costs its in-window pairs, never all-against-all; an object whose in-window pairs
// exceed DetectOptions::dense_object_pairs is counted, not paired, and reported as one clique.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <numeric>
#include <tuple>
#include <unordered_set>

#include "common/escape.h"
#include "common/output_file.h"
#include "coord/share_csv.h"
#include "coord/share_table.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

// A set of content keys with open addressing: the keys are already uniform hashes, so their low bits index
// a power-of-two table directly (the participation filter probes it once per input share).
class ContentSet {
 public:
  explicit ContentSet(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    slots_.assign(cap, ContentKey{});
    used_.assign(cap, 0);
  }
  void insert(const ContentKey& k) {
    size_t i = k.lo & (slots_.size() - 1);
    while (used_[i]) {
      if (slots_[i] == k) return;
      i = (i + 1) & (slots_.size() - 1);
    }
    used_[i] = 1;
    slots_[i] = k;
  }
  bool count(const ContentKey& k) const {
    size_t i = k.lo & (slots_.size() - 1);
    while (used_[i]) {
      if (slots_[i] == k) return true;
      i = (i + 1) & (slots_.size() - 1);
    }
    return false;
  }

 private:
  std::vector<ContentKey> slots_;
  std::vector<uint8_t> used_;
};

int64_t BinOf(int64_t t, int64_t window) { return t / window - ((t % window != 0) && (t < 0)); }

// Shares grouped by object (counting sort), each group sorted by time. Ties are broken as CooRTweet breaks
// them: its participation pre-filter regroups the rows by account (accounts in order of first appearance,
// which is our account index), and a pair of simultaneous shares keeps that order.
void GroupByObject(const CoordinationData& d, const std::vector<uint8_t>& active,
                   std::vector<uint32_t>& order, std::vector<uint32_t>& group_start) {
  const size_t n_obj = d.objects.size();
  group_start.assign(n_obj + 1, 0);
  for (size_t s = 0; s < d.shares(); ++s)
    if (active[s]) ++group_start[d.share_object[s] + 1];
  for (size_t o = 0; o < n_obj; ++o) group_start[o + 1] += group_start[o];
  order.resize(group_start[n_obj]);
  std::vector<uint32_t> fill(group_start.begin(), group_start.end() - 1);
  for (size_t s = 0; s < d.shares(); ++s)
    if (active[s]) order[fill[d.share_object[s]]++] = static_cast<uint32_t>(s);
  for (size_t o = 0; o < n_obj; ++o) {
    auto first = order.begin() + group_start[o];
    auto last = order.begin() + group_start[o + 1];
    if (last - first > 1)
      std::sort(first, last, [&](uint32_t a, uint32_t b) {
        return std::tie(d.share_time[a], d.share_account[a], a) < std::tie(d.share_time[b], d.share_account[b], b);
      });
  }
}

bool IsLoop(const CoordinationData& d, uint32_t a, uint32_t b) {
  return d.share_account[a] == d.share_account[b] || d.share_content[a] == d.share_content[b] ||
         d.share_content_is_object[a] || d.share_content_is_object[b];
}

// Advances `lo` to the first of shares[lo..j) that the window semantics match with shares[j].
size_t WindowStart(const CoordinationData& d, const uint32_t* shares, size_t lo, size_t j) {
  const int64_t window = d.options.time_window;
  const int64_t tj = d.share_time[shares[j]];
  if (d.options.semantics == WindowSemantics::kBins) {
    while (lo < j && BinOf(d.share_time[shares[lo]], window) != BinOf(tj, window)) ++lo;
  } else {
    while (lo < j && tj - d.share_time[shares[lo]] > window) ++lo;
  }
  return lo;
}

// The in-window pairs of one object's time-sorted shares, counted without forming them (loops included):
// what pairing it would cost.
int64_t CountWindowPairs(const CoordinationData& d, const uint32_t* shares, size_t n) {
  int64_t pairs = 0;
  size_t lo = 0;
  for (size_t j = 1; j < n; ++j) {
    lo = WindowStart(d, shares, lo, j);
    pairs += static_cast<int64_t>(j - lo);
  }
  return pairs;
}

// All pairs of one object's time-sorted shares that the window semantics match.
void PairObject(const CoordinationData& d, uint32_t object, const uint32_t* shares, size_t n,
                std::vector<CoordinatedPair>& out) {
  size_t lo = 0;
  for (size_t j = 1; j < n; ++j) {
    const uint32_t sj = shares[j];
    lo = WindowStart(d, shares, lo, j);
    for (size_t i = lo; i < j; ++i) {
      const uint32_t si = shares[i];
      if (d.options.remove_loops && IsLoop(d, si, sj)) continue;
      out.push_back(CoordinatedPair{object, si, sj, d.share_time[sj] - d.share_time[si]});
    }
  }
}

// The clique record of an object too dense to pair: its accounts in order of first share, and its span.
DenseObject MakeDenseObject(const CoordinationData& d, uint32_t object, const uint32_t* shares, size_t n,
                            int64_t window_pairs) {
  DenseObject dense;
  dense.object = object;
  dense.shares = static_cast<int64_t>(n);
  dense.first_share = d.share_time[shares[0]];
  dense.last_share = d.share_time[shares[n - 1]];
  dense.window_pairs = window_pairs;
  std::unordered_set<uint32_t> seen;
  seen.reserve(n);
  for (size_t k = 0; k < n; ++k)
    if (seen.insert(d.share_account[shares[k]]).second) dense.accounts.push_back(d.share_account[shares[k]]);
  return dense;
}

// CooRTweet's filter_min_participation over the pairs flagged in `keep` (cleared in place): count, per
// account, the (pre-filtered) input rows whose content occurs in a pair; keep a pair when either of its
// contents belongs to an account with enough rows.
void FilterMinParticipation(const CoordinationData& d, const std::vector<uint8_t>& active,
                            int64_t min_participation, std::vector<uint8_t>& keep) {
  ContentSet in_pairs(d.pairs.size() * 2);
  for (size_t i = 0; i < d.pairs.size(); ++i) {
    if (!keep[i]) continue;
    in_pairs.insert(d.share_content[d.pairs[i].share]);
    in_pairs.insert(d.share_content[d.pairs[i].share_y]);
  }
  std::vector<int64_t> rows_per_account(d.accounts.size(), 0);
  std::vector<uint32_t> candidate_rows;
  for (size_t s = 0; s < d.shares(); ++s) {
    if (!active[s] || !in_pairs.count(d.share_content[s])) continue;
    ++rows_per_account[d.share_account[s]];
    candidate_rows.push_back(static_cast<uint32_t>(s));
  }
  ContentSet kept(candidate_rows.size());
  for (uint32_t s : candidate_rows)
    if (rows_per_account[d.share_account[s]] >= min_participation) kept.insert(d.share_content[s]);
  for (size_t i = 0; i < d.pairs.size(); ++i) {
    const auto& p = d.pairs[i];
    if (keep[i] && !kept.count(d.share_content[p.share]) && !kept.count(d.share_content[p.share_y])) keep[i] = 0;
  }
}

int64_t EffectiveMinParticipation(const DetectOptions& o) {
  // The QUT toolkit has no participation filter: every share takes part.
  return o.semantics == WindowSemantics::kQut ? 0 : o.min_participation;
}

std::vector<uint8_t> ActiveShares(const CoordinationData& d, int64_t min_participation) {
  std::vector<int64_t> rows_per_account(d.accounts.size(), 0);
  for (uint32_t a : d.share_account) ++rows_per_account[a];
  std::vector<uint8_t> active(d.shares());
  for (size_t s = 0; s < d.shares(); ++s) active[s] = rows_per_account[d.share_account[s]] >= min_participation;
  return active;
}

Status ValidateOptions(const DetectOptions& o) {
  if (o.time_window < 0) return Status::InvalidArgument("time_window must be >= 0 seconds");
  if (o.semantics == WindowSemantics::kBins && o.time_window <= 0)
    return Status::InvalidArgument("time_window must be > 0 seconds for fixed bins");
  if (o.min_participation < 0) return Status::InvalidArgument("min_participation must be >= 0");
  if (o.dense_object_pairs < 1) return Status::InvalidArgument("dense_object_pairs must be >= 1");
  return Status::Ok();
}

void RunDetection(CoordinationData& d) {
  const int64_t min_participation = EffectiveMinParticipation(d.options);
  const std::vector<uint8_t> active = ActiveShares(d, min_participation);
  std::vector<uint32_t> order, group_start;
  GroupByObject(d, active, order, group_start);
  d.pairs.clear();
  d.dense_objects.clear();
  for (uint32_t obj = 0; obj < d.objects.size(); ++obj) {
    const uint32_t* shares = order.data() + group_start[obj];
    const size_t n = group_start[obj + 1] - group_start[obj];
    if (n < 2) continue;
    // Counting first bounds one object's cost: a dense object never forms its pairs.
    const int64_t window_pairs = CountWindowPairs(d, shares, n);
    if (window_pairs > d.options.dense_object_pairs) {
      d.dense_objects.push_back(MakeDenseObject(d, obj, shares, n, window_pairs));
    } else {
      PairObject(d, obj, shares, n, d.pairs);
    }
  }
  if (min_participation >= 1) {
    std::vector<uint8_t> keep(d.pairs.size(), 1);
    FilterMinParticipation(d, active, min_participation, keep);
    size_t w = 0;
    for (size_t i = 0; i < d.pairs.size(); ++i)
      if (keep[i]) d.pairs[w++] = d.pairs[i];
    d.pairs.resize(w);
  }
}

// Rows in a file, estimated from the line density of its first MiB (plus a margin): a reservation hint only.
size_t EstimateRows(const std::string& path) {
  constexpr size_t kSample = size_t{1} << 20;
  constexpr double kMargin = 1.1;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size == 0) return 0;
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return 0;
  std::string buf(std::min<size_t>(kSample, size), '\0');
  const size_t got = std::fread(buf.data(), 1, buf.size(), f.get());
  const auto lines = static_cast<size_t>(std::count(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(got), '\n'));
  if (got == 0 || lines == 0) return 0;
  return static_cast<size_t>(static_cast<double>(size) / static_cast<double>(got) * static_cast<double>(lines) * kMargin);
}

}  // namespace

namespace coord {
std::vector<uint8_t> FastPairFlags(const CoordinationData& d, int64_t fast_window) {
  std::vector<uint8_t> keep(d.pairs.size());
  for (size_t i = 0; i < d.pairs.size(); ++i) keep[i] = d.pairs[i].time_delta <= fast_window;
  const int64_t min_participation = EffectiveMinParticipation(d.options);
  if (min_participation >= 1) FilterMinParticipation(d, ActiveShares(d, min_participation), min_participation, keep);
  return keep;
}
}  // namespace coord

const std::string& CoordinationData::ContentName(uint32_t share) const {
  static const std::string kEmpty;
  auto it = content_names.find(share);
  return it == content_names.end() ? kEmpty : it->second;
}

Result<CoordinationData> DetectGroups(const std::vector<ShareTuple>& tuples, const DetectOptions& options) {
  VIGIL_RETURN_IF_ERROR(ValidateOptions(options));
  coord::ShareTableBuilder builder;
  builder.Reserve(tuples.size());
  for (const auto& t : tuples) builder.Add(t.object_id, t.account_id, t.content_id, t.time, t.post_index);
  CoordinationData d;
  builder.Finish(d);
  d.options = options;
  RunDetection(d);
  for (const auto& p : d.pairs) {
    d.content_names.try_emplace(p.share, tuples[p.share].content_id);
    d.content_names.try_emplace(p.share_y, tuples[p.share_y].content_id);
  }
  return d;
}

Result<CoordinationData> DetectGroupsInCsv(const std::string& path, const DetectOptions& options,
                                           std::vector<ShareRowError>* csv_errors, int64_t* rows_read) {
  VIGIL_RETURN_IF_ERROR(ValidateOptions(options));
  coord::ShareTableBuilder builder;
  std::vector<uint32_t> share_line;  // physical line of every good row, to fetch content ids later
  // Reserving the columns up front avoids the doubling copies that would otherwise set the peak memory.
  const size_t estimate = EstimateRows(path);
  builder.Reserve(estimate);
  share_line.reserve(estimate);
  bool lines_fit = true;
  auto on_error = [&](ShareRowError e) { csv_errors->push_back(std::move(e)); };
  VIGIL_RETURN_IF_ERROR(coord::ScanShareCsv(
      path,
      [&](const coord::ShareRow& r) {
        builder.Add(r.object, r.account, r.content, r.time);
        lines_fit &= r.line <= static_cast<int64_t>(UINT32_MAX);
        share_line.push_back(static_cast<uint32_t>(r.line));
      },
      on_error, rows_read));
  if (!lines_fit) return Status::Unsupported(fmt::format("{}: more than 4 billion lines", path));
  CoordinationData d;
  builder.Finish(d);
  d.options = options;
  RunDetection(d);

  // Second pass: the content ids of the paired shares only; other lines are skipped unparsed.
  std::vector<uint32_t> wanted;
  wanted.reserve(d.pairs.size() * 2);
  for (const auto& p : d.pairs) {
    wanted.push_back(p.share);
    wanted.push_back(p.share_y);
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  if (!wanted.empty()) {
    std::vector<int64_t> lines(wanted.size());
    for (size_t i = 0; i < wanted.size(); ++i) lines[i] = share_line[wanted[i]];
    std::vector<uint32_t>().swap(share_line);
    size_t next = 0;
    VIGIL_RETURN_IF_ERROR(coord::ScanShareCsv(
        path,
        [&](const coord::ShareRow& r) {
          if (next < wanted.size() && lines[next] == r.line) d.content_names.emplace(wanted[next++], std::string(r.content));
        },
        [&](ShareRowError) {}, nullptr, &lines));
    if (next != wanted.size())
      return Status::IoError(fmt::format("{}: the file changed while it was read", path));
  }
  return d;
}

Result<ShareCsv> ReadShareCsv(const std::string& path) {
  ShareCsv out;
  VIGIL_RETURN_IF_ERROR(coord::ScanShareCsv(
      path,
      [&](const coord::ShareRow& r) {
        out.tuples.push_back(ShareTuple{std::string(r.object), std::string(r.account), std::string(r.content),
                                        r.time, -1});
      },
      [&](ShareRowError e) { out.errors.push_back(std::move(e)); }, &out.rows_read));
  return out;
}

Status WriteShareCsv(const std::string& path, const std::vector<ShareTuple>& tuples) {
  VIGIL_ASSIGN_OR_RETURN(OutputFile file, OutputFile::Create(path));
  std::string line = "object_id,account_id,content_id,timestamp_share\n";
  VIGIL_RETURN_IF_ERROR(file.Write(line));
  for (const auto& t : tuples) {
    line.clear();
    AppendCsvField(line, t.object_id);
    line.push_back(',');
    AppendCsvField(line, t.account_id);
    line.push_back(',');
    AppendCsvField(line, t.content_id);
    line += fmt::format(",{}\n", t.time);
    VIGIL_RETURN_IF_ERROR(file.Write(line));
  }
  return file.Commit();
}

Status WriteShareErrors(const std::string& path, const std::vector<ShareRowError>& errors) {
  std::string line = "file,line,field,reason,raw\n";
  for (const auto& e : errors) {
    AppendCsvField(line, e.file);
    line += fmt::format(",{},", e.line);
    AppendCsvField(line, e.field);
    line.push_back(',');
    AppendCsvField(line, e.reason);
    line.push_back(',');
    AppendCsvField(line, e.raw);
    line.push_back('\n');
  }
  return WriteFileAtomically(path, line);
}

}  // namespace vigil
