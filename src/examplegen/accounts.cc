// The accounts of the example case (see accounts.h). Outlet and user names are invented; only the
// operation's account and the state media are modelled on real ones, as the case requires.
#include "examplegen/accounts.h"

#include <fmt/format.h>

#include "examplegen/rng.h"

namespace vigil::examplegen {
namespace {

// Picks an element by a hash of (index, salt), so names vary without any stored state.
template <typename T>
const T& PickBy(const std::vector<T>& items, size_t index, uint64_t salt) {
  return items[Mix64(index * 0x9e3779b97f4a7c15ULL + salt) % items.size()];
}

const std::vector<std::string> kZhPlaces = {"多伦多", "温哥华", "列治文", "万锦", "密西沙加", "本拿比", "卡尔加里",
                                            "渥太华", "蒙特利尔", "埃德蒙顿", "北美", "加国", "枫叶", "大多伦多"};
const std::vector<std::string> kLifestyleWords = {"生活指南", "吃喝玩乐", "美食地图", "妈妈圈", "周末去哪儿", "生活圈",
                                                  "好物分享", "探店日记"};
const std::vector<std::string> kFinanceWords = {"理财笔记", "财经观察", "房产频道", "地产圈", "投资学堂", "税务通"};
const std::vector<std::string> kNewsWords = {"华人资讯", "新闻网", "头条", "时事通", "华人网", "要闻", "日报"};
const std::vector<std::string> kFirst = {"dan", "maria", "jay", "priya", "luc", "sam", "emma", "raj", "chloe",
                                         "owen", "nadia", "tom", "alex", "mei", "kofi", "julie", "ben", "ana"};
const std::vector<std::string> kSecond = {"north", "maple", "hab", "yyz", "van", "prairie", "coast", "loonie",
                                          "canuck", "bay", "lake", "rink"};
const std::vector<std::string> kOutletsEn = {"Northern Wire", "Maple Ledger", "Prairie Daily", "Harbour Tribune",
                                             "Lakeshore Times", "Capital Courier"};
const std::vector<std::string> kOutletsFr = {"Le Courrier du Fleuve", "L'Écho de Montréal", "La Vigie",
                                             "Le Quotidien des Laurentides"};
const std::vector<std::string> kWeiboNames = {"北美小透明", "枫叶下的猫", "温哥华看雨", "多伦多打工人",
                                              "吃瓜群众", "海外小记者", "加拿大日常", "读书的阿飞"};


}  // namespace

const Account& YouliYoumian() {
  static const Account kYouli{"wechat", "youli-youmian", "有理儿有面", "ylym"};
  return kYouli;
}

const std::vector<Account>& StateMediaAccounts() {
  static const std::vector<Account> kStateMedia = {
      {"wechat", "peoples-daily", "人民日报", "rmrb"},
      {"wechat", "xinhua", "新华社", "xhs"},
      {"wechat", "global-times", "环球时报", "hqsb"},
      {"wechat", "cgtn", "CGTN", "cgtn"},
      {"wechat", "cctv-news", "央视新闻", "ysxw"},
  };
  return kStateMedia;
}

const std::vector<Account>& AmplifierAccounts() {
  static const std::vector<Account> kAmplifiers = [] {
    static const char* kNames[] = {
        "今日要闻速递", "北美华人圈", "枫叶快讯", "加国观察者", "天天资讯站", "海外华人之声", "每日热点汇",
        "大温生活报", "多城速报", "华人时事通", "全球热点观察", "新闻早知道", "北美新鲜事", "第一时间看世界",
        "华语快报", "加东资讯", "加西头条", "热点追踪", "一起看新闻", "环球速览", "枫华之窗", "华人茶馆",
        "今日看点", "北美微报", "海外观察站", "新闻直通车", "华人热议", "枫叶国那些事", "时事小站", "湾区华人报"};
    std::vector<Account> out;
    int n = 1;
    for (const char* name : kNames) {
      const std::string id = fmt::format("wx-amp-{:02d}", n++);
      out.push_back({"wechat", id, name, id});
    }
    return out;
  }();
  return kAmplifiers;
}

Account BackgroundWechat(WechatKind kind, size_t index) {
  const std::string& place = PickBy(kZhPlaces, index, 1);
  switch (kind) {
    case WechatKind::kLifestyle:
      return {"wechat", fmt::format("wx-life-{:04d}", index), place + PickBy(kLifestyleWords, index, 2),
              fmt::format("wx-life-{:04d}", index)};
    case WechatKind::kFinance:
      return {"wechat", fmt::format("wx-fin-{:04d}", index), place + PickBy(kFinanceWords, index, 3),
              fmt::format("wx-fin-{:04d}", index)};
    case WechatKind::kLocalNews:
      break;
  }
  return {"wechat", fmt::format("wx-news-{:04d}", index), place + PickBy(kNewsWords, index, 4),
          fmt::format("wx-news-{:04d}", index)};
}

Account XUser(size_t index) {
  const std::string handle = fmt::format("{}_{}{}", PickBy(kFirst, index, 5), PickBy(kSecond, index, 6), index);
  std::string name = PickBy(kFirst, index, 5);
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return {"x", handle, name, handle};
}

Account Outlet(const std::string& platform, bool french, size_t index) {
  const auto& names = french ? kOutletsFr : kOutletsEn;
  std::string name = names[index % names.size()];
  if (index >= names.size()) name += fmt::format(" {}", index / names.size() + 1);  // regional editions
  std::string id = Slug(name);
  if (platform == "telegram") id += "_news";
  return {platform, id, name, id};
}

Account WeiboUser(size_t index) {
  // Spaced by 1009 with a jitter below 1000: distinct for every index.
  const std::string uid = std::to_string(5000000000ULL + index * 1009 + Mix64(index + 77) % 1000);
  return {"weibo", uid, PickBy(kWeiboNames, index, 7) + std::to_string(index % 100), uid};
}

std::string Slug(const std::string& name) {
  std::string out;
  for (char c : name) {
    if ((c >= 'A' && c <= 'Z')) out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out.empty() ? "outlet" : out;
}

}  // namespace vigil::examplegen
