// Objects of co-action derived from posts: canonical URLs, hashtags, reposted posts, exact normalised text
// and near-duplicate text clusters.
#include <fmt/format.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <unordered_set>

#include "common/strings.h"
#include "coord/text_util.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

constexpr size_t kMaxWeiboTagBytes = 96;  // "#话题#" longer than this is prose between two '#', not a tag

// Query parameters that identify the sharer, the campaign or the click, never the page.
constexpr std::array<std::string_view, 24> kTrackingParams = {
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "igsh",
    "_hsenc", "_hsmi", "mkt_tok", "yclid", "spm", "share_source", "share_medium", "share_token",
    "sharer_sharetime", "sharer_shareid", "isappinstalled", "ref_src", "ref_url", "cmpid"};
// WeChat article URLs are identified by these; everything else (chksm, scene, srcid, key ...) is per reader.
constexpr std::array<std::string_view, 4> kWeChatArticleParams = {"__biz", "mid", "idx", "sn"};

bool IsTracking(std::string_view name, bool wechat_article, bool twitter) {
  const std::string lower = AsciiLower(name);
  if (wechat_article) return std::find(kWeChatArticleParams.begin(), kWeChatArticleParams.end(), name) == kWeChatArticleParams.end();
  if (lower.rfind("utm_", 0) == 0) return true;
  if (twitter && (lower == "s" || lower == "t")) return true;  // x.com / twitter.com share-sheet markers
  return std::find(kTrackingParams.begin(), kTrackingParams.end(), lower) != kTrackingParams.end();
}

std::string HexHash(std::string_view s) {
  return fmt::format("{:016x}", XXH3_64bits(s.data(), s.size()));
}

}  // namespace

std::string CanonicalUrl(const std::string& url) {
  const size_t sep = url.find("://");
  if (sep == std::string::npos || sep == 0) return "";
  const std::string scheme = AsciiLower(url.substr(0, sep));
  size_t host_start = sep + 3;
  size_t host_end = url.find_first_of("/?#", host_start);
  if (host_end == std::string::npos) host_end = url.size();
  std::string authority = url.substr(host_start, host_end - host_start);
  if (auto at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
  std::string host = AsciiLower(authority);
  if ((scheme == "http" && host.ends_with(":80")) || (scheme == "https" && host.ends_with(":443")))
    host.resize(host.rfind(':'));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  if (host.empty()) return "";

  std::string rest = url.substr(host_end);
  if (auto hash = rest.find('#'); hash != std::string::npos) rest.resize(hash);
  std::string path = rest, query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    path = rest.substr(0, q);
    query = rest.substr(q + 1);
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.empty()) path = "/";

  const bool wechat_article = host == "mp.weixin.qq.com" && (path == "/s" || path.rfind("/s/", 0) == 0);
  const bool twitter = host == "twitter.com" || host == "x.com" || host == "mobile.twitter.com";
  std::vector<std::string> kept;
  size_t start = 0;
  while (start <= query.size() && !query.empty()) {
    size_t amp = query.find('&', start);
    if (amp == std::string::npos) amp = query.size();
    std::string param = query.substr(start, amp - start);
    if (!param.empty()) {
      std::string name = param.substr(0, param.find('='));
      if (!IsTracking(name, wechat_article, twitter)) kept.push_back(param);
    }
    start = amp + 1;
  }
  std::sort(kept.begin(), kept.end());
  std::string out = scheme == "http" ? "https" : scheme;  // http and https name the same page for matching
  out += "://" + host + path;
  for (size_t i = 0; i < kept.size(); ++i) out += (i == 0 ? "?" : "&") + kept[i];
  return out;
}

std::vector<std::string> ExtractHashtags(const std::string& text) {
  std::vector<std::string> tags;
  auto add = [&](std::string tag) {
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  };
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '#') {
      ++i;
      continue;
    }
    const size_t open = i++;
    // Weibo style: #话题# with no space or line break inside and some non-ASCII text.
    const size_t close = text.find('#', open + 1);
    if (close != std::string::npos && close - open - 1 <= kMaxWeiboTagBytes) {
      std::string_view inner(text.data() + open + 1, close - open - 1);
      bool has_break = inner.find_first_of(" \t\r\n") != std::string_view::npos;
      bool non_ascii = std::any_of(inner.begin(), inner.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      if (!inner.empty() && !has_break && non_ascii) {
        std::string folded;
        std::string inner_s(inner);
        for (size_t k = 0; k < inner_s.size();) {
          char32_t c = coord::NextCodePoint(inner_s, k);
          if (c != U' ') coord::AppendUtf8(folded, coord::Fold(c));
        }
        add(std::move(folded));
        i = close + 1;
        continue;
      }
    }
    std::string tag;
    size_t k = i;
    while (k < text.size()) {
      size_t before = k;
      char32_t c = coord::NextCodePoint(text, k);
      if (!coord::IsWordChar(c)) {
        k = before;
        break;
      }
      coord::AppendUtf8(tag, coord::Fold(c));
    }
    add(std::move(tag));
    i = std::max(k, i);
  }
  return tags;
}

std::string NormalizeText(const std::string& text) {
  const std::u32string cps = coord::CleanCodePoints(text);
  std::string out;
  bool pending_space = false;
  for (char32_t c : cps) {
    if (!coord::IsWordChar(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    coord::AppendUtf8(out, c);
  }
  return out;
}

std::vector<ShareTuple> BuildShareTuples(const std::vector<Post>& posts, const TupleOptions& options) {
  // Texts of original posts (reposts already carry the reposted post as their object).
  std::vector<std::string> normalized(posts.size());
  std::vector<uint32_t> text_posts;
  if (options.exact_text || options.near_duplicates) {
    for (uint32_t i = 0; i < posts.size(); ++i) {
      if (!posts[i].repost_of.empty()) continue;
      std::string joined = posts[i].title.empty() ? posts[i].text : posts[i].title + "\n" + posts[i].text;
      normalized[i] = NormalizeText(joined);
      size_t chars = 0;
      for (unsigned char c : normalized[i]) chars += (c & 0xC0) != 0x80;
      if (chars >= options.min_text_chars) text_posts.push_back(i);
      else normalized[i].clear();
    }
  }
  std::vector<int64_t> near_cluster(posts.size(), -1);
  if (options.near_duplicates && !text_posts.empty()) {
    std::vector<std::string> texts;
    texts.reserve(text_posts.size());
    for (uint32_t i : text_posts) texts.push_back(normalized[i]);
    NearDupResult nd = FindNearDuplicates(texts, options.near_dup);
    for (size_t k = 0; k < text_posts.size(); ++k) near_cluster[text_posts[k]] = nd.cluster[k];
  }

  std::vector<ShareTuple> out;
  std::unordered_set<std::string> seen;
  for (uint32_t i = 0; i < posts.size(); ++i) {
    const Post& p = posts[i];
    const std::string account = p.platform + ":" + p.account_id;
    const std::string content = p.Key();
    seen.clear();
    auto emit = [&](std::string object) {
      if (seen.insert(object).second) out.push_back(ShareTuple{std::move(object), account, content, p.published_at, i});
    };
    if (options.urls) {
      for (const auto& link : p.links) {
        std::string canonical = CanonicalUrl(link);
        if (!canonical.empty()) emit("url:" + canonical);
      }
    }
    if (options.hashtags) {
      for (auto& tag : ExtractHashtags(p.title + "\n" + p.text)) emit("tag:" + tag);
    }
    if (options.reposts && !p.repost_of.empty()) emit("repost:" + p.platform + ":" + p.repost_of);
    if (options.exact_text && !normalized[i].empty()) emit("text:" + HexHash(normalized[i]));
    if (near_cluster[i] >= 0) emit(fmt::format("near:{}", near_cluster[i]));
  }
  return out;
}

}  // namespace vigil
