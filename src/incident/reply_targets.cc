// Replies to a target's own accounts, resolved to targets (see reply_targets.h).
#include "incident/reply_targets.h"

#include <unordered_map>
#include <unordered_set>

namespace vigil {
namespace {

// "<platform>\x1f<id>" -> account id of that post's author, for posts some reply names.
using AuthorIndex = std::unordered_map<std::string, std::string>;

std::string PostKey(const std::string& platform, const std::string& id) { return platform + '\x1f' + id; }

AuthorIndex IndexRepliedAuthors(const std::vector<Post>& posts) {
  std::unordered_set<std::string> replied;
  for (const Post& post : posts) {
    if (!post.ReplyToPost().empty()) replied.insert(PostKey(post.platform, post.reply_to));
  }
  AuthorIndex authors;
  if (replied.empty()) return authors;
  for (const Post& post : posts) {
    std::string key = PostKey(post.platform, post.id);
    if (replied.contains(key)) authors.emplace(std::move(key), post.account_id);
  }
  return authors;
}

// The account a reply is addressed to: named directly, or the author of the replied post when known.
std::string RepliedAccount(const Post& post, const AuthorIndex& authors) {
  if (post.RepliesToAccount()) return post.ReplyToAccount();
  const auto author = authors.find(PostKey(post.platform, post.reply_to));
  return author == authors.end() ? std::string() : author->second;
}

}  // namespace

std::vector<ReplyToTarget> FindRepliesToTargets(const std::vector<Post>& posts, const WatchConfig& config) {
  std::vector<ReplyToTarget> replies;
  if (config.target_accounts.empty()) return replies;
  const AuthorIndex authors = IndexRepliedAuthors(posts);
  for (size_t post_idx = 0; post_idx < posts.size(); ++post_idx) {
    const Post& post = posts[post_idx];
    if (post.reply_to.empty()) continue;
    std::string account = RepliedAccount(post, authors);
    if (account.empty() || account == post.account_id) continue;
    const int target_idx = config.FindTargetOfAccount(post.platform, account);
    if (target_idx < 0) continue;
    replies.push_back({static_cast<uint32_t>(post_idx), static_cast<uint32_t>(target_idx), std::move(account)});
  }
  return replies;
}

}  // namespace vigil
