// Phrase pools and the article builders that draw on them. Every text in the example case is composed here
// from hand-written Chinese, English and French phrases, so each article differs while reading naturally.
// Names of the watched politicians appear in the forms real outlets use (aliases.tsv of the shared data),
// with the variants a matcher must handle: traditional script, odd separators, ambiguous short forms.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "examplegen/calendar.h"
#include "examplegen/rng.h"

namespace vigil::examplegen {

struct Article {
  std::string title;
  std::string text;
};

// Replaces every "{key}" in `tmpl` by its value.
std::string Fill(std::string_view tmpl, std::initializer_list<std::pair<std::string_view, std::string_view>> slots);
// Replaces the first "{slot}" in `text` by `first` and the later ones by `rest` (a full name, then its short
// form, as articles write names).
std::string FillFirstThen(std::string_view text, std::string_view slot, std::string_view first, std::string_view rest);
// `k` distinct sentences from `pool` in random order, concatenated (Chinese: no separator needed;
// `separator` is " " for English and French).
std::string Sentences(Rng& rng, const std::vector<std::string>& pool, size_t k, std::string_view separator = "");

// ---- Chinese (WeChat, Weibo) ----
// Mark Carney as Chinese media write him: 卡尼, 马克·卡尼, now and then 馬克·卡尼, 马克 卡尼, 马克•卡尼.
std::string CarneyZh(Rng& rng);
std::string ChongZh(Rng& rng);
std::string FreelandZh(Rng& rng);

// The operation's Carney articles: praise of his stand toward the United States (2025-03-10 cluster),
// attacks on his experience and credentials (2025-03-25 cluster), and mixed pieces in between.
// `title` picks one of kCarneyTitleCount title patterns (a cluster uses each at most once).
inline constexpr size_t kCarneyTitleCount = 10;
Article CarneyPraiseArticle(Rng& rng, size_t title);
Article CarneyAttackArticle(Rng& rng, size_t title);
Article CarneyMixedArticle(Rng& rng);
// Earlier campaigns: misleading narratives about Michael Chong (May 2023; `date` decides whether the
// expulsion of the diplomat has happened yet) and Chrystia Freeland (Jan-Feb 2025).
Article ChongCampaignArticle(Rng& rng, const CivilDate& date);
Article FreelandCampaignArticle(Rng& rng);

// State media: varied national and international news, rarely about Canada.
Article StateMediaArticle(Rng& rng);
// State media: a neutral brief about a Canadian political event.
Article StateMediaCanadaBrief(Rng& rng, const CaseEvent& event);
// Youli-Youmian's ordinary daily commentary on other topics; `title` picks one of YouliDailyTitleCount().
size_t YouliDailyTitleCount();
Article YouliDailyArticle(Rng& rng, size_t title);
// The amplifier accounts' rare own posts: community notices and local small talk.
Article LocalNoticeArticle(Rng& rng);
// Unrelated WeChat accounts.
Article LifestyleArticle(Rng& rng);
Article FinanceArticle(Rng& rng);
// Chinese-language local news mentioning a Canadian politician neutrally (organic chatter), with headlines
// that fit `date`.
Article ZhPoliticsNews(Rng& rng, std::string_view target_id, const CivilDate& date);
// 卡尼 in an unrelated sense: Kearney, Nebraska, or a footballer of that name.
Article ZhAmbiguousCarney(Rng& rng);
// A short near-duplicate of an article's title or lead sentence, as amplifiers repost it.
std::string NearDuplicate(Rng& rng, const Article& source);
// A Weibo post (Chinese) about a Canadian politician, or about nothing political when target_id is empty.
std::string WeiboPost(Rng& rng, std::string_view target_id);

// ---- English and French (X, Facebook, Telegram) ----
struct ShortPost {
  std::string text;
  std::string lang;  // "en" or "fr"
};
// Target ids are those of watch.yaml; "carney-prerun" is Mark Carney before he entered the leadership race.
// A Canadian outlet's headline-style post about a politician.
ShortPost OutletPost(Rng& rng, std::string_view target_id, bool french);
// An ordinary user's opinion about a politician.
ShortPost UserPost(Rng& rng, std::string_view target_id, bool french);
// "Carney" meaning someone or something else (a footballer, a street, a pub).
ShortPost AmbiguousCarneyPost(Rng& rng);
// Everyday posts with no politics.
ShortPost ChatterPost(Rng& rng, bool french);

}  // namespace vigil::examplegen
