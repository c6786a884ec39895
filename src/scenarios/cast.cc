// Scenario accounts (see cast.h). State media are modelled on real outlets; everyone else is invented.
#include "scenarios/cast.h"

#include <fmt/format.h>

#include <set>

namespace vigil::scenarios {
namespace {

constexpr size_t kStateMediaMax = 8;

struct Named {
  const char* id;
  const char* name;
};

const std::vector<Named> kChinaWechat = {{"peoples-daily", "人民日报"}, {"xinhua", "新华社"},
                                         {"global-times", "环球时报"},  {"cctv-news", "央视新闻"},
                                         {"china-daily", "中国日报"},   {"chinanews", "中国新闻网"},
                                         {"cankao-xiaoxi", "参考消息"}, {"guangming-daily", "光明日报"}};
const std::vector<Named> kChinaWeibo = {
    {"2803301701", "人民日报"}, {"2656274875", "央视新闻"},   {"1974576991", "环球时报"}, {"2810373291", "新华视点"},
    {"1663072851", "中国日报"}, {"1784473157", "中国新闻网"}, {"2375086267", "参考消息"}, {"1402977920", "光明日报"}};
const std::vector<Named> kChinaX = {{"PDChina", "People's Daily, China"}, {"XHNews", "Xinhua News"},
                                    {"globaltimesnews", "Global Times"},  {"CGTNOfficial", "CGTN"},
                                    {"ChinaDaily", "China Daily"},        {"CCTV", "CCTV"},
                                    {"CNS1952", "China News Service"},    {"chinaorgcn", "China.org.cn"}};
const std::vector<Named> kChinaFacebook = {{"PeoplesDaily", "People's Daily"},
                                           {"XinhuaNewsAgency", "Xinhua News Agency"},
                                           {"globaltimesnews", "Global Times"},
                                           {"ChinaGlobalTVNetwork", "CGTN"},
                                           {"chinadaily", "China Daily"},
                                           {"cctvcom", "CCTV"},
                                           {"ChinaNewsService", "China News Service"},
                                           {"chinaorgcn", "China.org.cn"}};
const std::vector<Named> kRussiaTelegram = {{"rt_international", "RT"},     {"sputnik_world", "Sputnik"},
                                            {"tass_world", "TASS"},         {"ria_world", "RIA Novosti"},
                                            {"izvestia_world", "Izvestia"}, {"rossiya_segodnya", "Rossiya Segodnya"},
                                            {"redfish_media", "Redfish"},   {"ruptly_news", "Ruptly"}};
const std::vector<Named> kRussiaX = {{"RT_com", "RT"},
                                     {"SputnikInt", "Sputnik"},
                                     {"tassagency_en", "TASS"},
                                     {"rianru_world", "RIA Novosti"},
                                     {"izvestia_en", "Izvestia"},
                                     {"RT_Francais", "RT France"},
                                     {"SputnikFR", "Sputnik France"},
                                     {"Ruptly", "Ruptly"}};
const std::vector<Named> kRussiaFacebook = {{"RTnews", "RT"},
                                            {"SputnikNews", "Sputnik"},
                                            {"TASSagency", "TASS"},
                                            {"RIAworld", "RIA Novosti"},
                                            {"IzvestiaWorld", "Izvestia"},
                                            {"RTFrance", "RT France"},
                                            {"RuptlyNews", "Ruptly"},
                                            {"RedfishStream", "Redfish"}};

// Operators: anonymous "independent" pages with a voice of their own.
const std::vector<std::string> kOperatorNamesZh = {"说天下",         "有话直说",     "明白人聊时事", "海外时事通",
                                                   "环球八卦君",     "天下事有意思", "老王看世界",   "北美时评君",
                                                   "一点儿也不简单", "看懂这世界"};
const std::vector<std::string> kOperatorNamesEn = {"True North Daily",  "Global Lens",    "The People's View",
                                                   "Plain Truth Media", "Open Eyes News", "Real World Review",
                                                   "Citizen Dispatch",  "Clear Signal"};
const std::vector<std::string> kAmpHeadsZh = {"今日", "北美", "海外", "华人", "每日",
                                              "环球", "第一", "一起", "枫叶", "湾区"};
const std::vector<std::string> kAmpTailsZh = {"要闻", "速递", "观察", "快讯", "之声",
                                              "热点", "资讯", "看点", "茶馆", "微报"};
const std::vector<std::string> kFirstNames = {"maria", "jay",  "priya", "luc", "sam",   "emma", "raj",
                                              "chloe", "owen", "nadia", "tom", "alex",  "mei",  "kofi",
                                              "julie", "ben",  "ana",   "li",  "sofia", "noah"};
const std::vector<std::string> kHandleWords = {"news",  "truth", "patriot", "voice",   "real",
                                               "daily", "watch", "free",    "citizen", "world"};
const std::vector<std::string> kUserWords = {"north", "coast", "lake", "bay",   "hill",
                                             "river", "park",  "city", "field", "road"};
const std::vector<std::string> kCommentatorNamesEn = {"Dana Whitlock", "Marc Tessier", "Ruth Okafor",
                                                      "Ian Drummond",  "Helen Park",   "Yusuf Malik"};
const std::vector<std::string> kCommentatorNamesZh = {"老李说政", "时评人阿K", "北美观察者王先生", "政经笔记",
                                                      "说说选举那些事"};

using examplegen::Slug;

const char kLower[] = "abcdefghijklmnopqrstuvwxyz";

std::string Letters(Rng& rng, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += kLower[rng.Index(26)];
  return out;
}

const std::vector<Named>& StateMediaTable(Sponsor sponsor, const std::string& platform) {
  if (sponsor == Sponsor::kRussia) {
    if (platform == "telegram") return kRussiaTelegram;
    return platform == "facebook" ? kRussiaFacebook : kRussiaX;
  }
  if (platform == "wechat") return kChinaWechat;
  if (platform == "weibo") return kChinaWeibo;
  return platform == "facebook" ? kChinaFacebook : kChinaX;
}

// An id of the platform's kind: numeric on Weibo, a handle elsewhere.
std::string PlatformId(Rng& rng, const std::string& platform, const std::string& handle) {
  if (platform == "weibo") return std::to_string(rng.UniformInt(5000000000, 7999999999));
  if (platform == "wechat") return "gh_" + Letters(rng, 10);
  return handle;
}

}  // namespace

const std::vector<std::string>& SponsorPlatforms(Sponsor sponsor) {
  static const std::vector<std::string> kChina = {"wechat", "weibo", "x", "facebook"};
  static const std::vector<std::string> kRussia = {"telegram", "x", "facebook"};
  return sponsor == Sponsor::kChina ? kChina : kRussia;
}

std::vector<Account> StateMediaAccounts(Sponsor sponsor, const std::string& platform) {
  std::vector<Account> out;
  for (const Named& n : StateMediaTable(sponsor, platform)) {
    if (out.size() == kStateMediaMax) break;
    out.push_back({platform, n.id, n.name, Slug(n.id)});
  }
  return out;
}

Lang StateMediaLang(const std::string& platform) {
  return platform == "wechat" || platform == "weibo" ? Lang::kZh : Lang::kEn;
}

Account OperatorAccount(Rng& rng, const std::string& platform, Lang lang) {
  const std::string name = rng.Pick(IsChinese(lang) ? kOperatorNamesZh : kOperatorNamesEn);
  const std::string handle =
      IsChinese(lang) ? "shishi_" + Letters(rng, 6) : Slug(name) + std::to_string(rng.UniformInt(1, 99));
  const std::string id = PlatformId(rng, platform, handle);
  return {platform, id, name, id};
}

std::vector<Account> AmplifierAccounts(Rng& rng, const std::string& platform, size_t count, Lang lang) {
  std::vector<Account> out;
  std::set<std::string> ids;
  while (out.size() < count) {
    std::string name;
    std::string handle;
    if (platform == "weibo") {
      name = "用户" + std::to_string(rng.UniformInt(1000000000, 9999999999));
    } else if (IsChinese(lang)) {
      name = rng.Pick(kAmpHeadsZh) + rng.Pick(kAmpTailsZh);
      handle = "amp_" + Letters(rng, 7);
    } else {
      handle = fmt::format("{}_{}{}", rng.Pick(kFirstNames), rng.Pick(kHandleWords), rng.UniformInt(100, 99999));
      name = handle;
    }
    if (handle.empty()) handle = Letters(rng, 8);
    const std::string id = PlatformId(rng, platform, handle);
    if (!ids.insert(id).second) continue;
    out.push_back({platform, id, name, id});
  }
  return out;
}

Account OutletAccount(const Country::Outlet& outlet, const std::string& platform) {
  std::string id = outlet.id;
  if (platform == "telegram") id += "_news";
  return {platform, id, outlet.name, id};
}

Account CommentatorAccount(Rng& rng, const std::string& platform, Lang lang) {
  const std::string name = rng.Pick(IsChinese(lang) ? kCommentatorNamesZh : kCommentatorNamesEn);
  const std::string handle = IsChinese(lang) ? "pinglun_" + Letters(rng, 5) : Slug(name);
  const std::string id = PlatformId(rng, platform, handle);
  return {platform, id, name, id};
}

Account UserAccount(const std::string& platform, size_t index) {
  const std::string& first = kFirstNames[examplegen::Mix64(index * 2 + 1) % kFirstNames.size()];
  const std::string& word = kUserWords[examplegen::Mix64(index * 2 + 2) % kUserWords.size()];
  if (platform == "weibo") {
    const std::string uid = std::to_string(3000000000ULL + index * 1009 + examplegen::Mix64(index + 77) % 1000);
    return {platform, uid, "微博用户" + std::to_string(index), uid};
  }
  if (platform == "wechat") {
    const std::string id = fmt::format("wx-user-{:05d}", index);
    return {platform, id, first + word, id};
  }
  const std::string handle = fmt::format("{}_{}{}", first, word, index);
  return {platform, handle, first, handle};
}

std::string AccountKey(const Account& account) { return account.platform + ":" + account.id; }

}  // namespace vigil::scenarios
