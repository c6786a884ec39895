// How amplifiers pass an operation's post on (see parts.h): the platform's repost, a post sharing the link
// with a comment of their own, a lightly edited copy (the edits copy networks use to slip past exact
// matching: a prefix such as 转发：, traditional script, emoji, truncation, an added question) or a rewording.
#include <algorithm>
#include <cmath>

#include "scenarios/metrics.h"
#include "scenarios/parts.h"

namespace vigil::scenarios {
namespace {

using Pool = std::vector<std::string>;

const Pool kPrefixesZh = {"转发：", "【转】", "转：", "重磅！", "刚刚，", "必看："};
const Pool kPrefixesEn = {"RT: ", "Must read: ", "Wow. ", "Read this: ", "Important: ", "Repost: "};
const Pool kPrefixesFr = {"À lire : ", "Important : ", "Repost : "};
const Pool kEmoji = {"🔥", "👍", "❗", "👇", "💯", "😡", "‼️", "📢"};
const Pool kQuestionsZh = {"大家怎么看？", "你同意吗？", "真的假的？", "这说明了什么？"};
const Pool kQuestionsEn = {" Thoughts?", " Agree?", " What do you think?", " Coincidence?"};
const Pool kQuestionsFr = {" Qu'en pensez-vous ?", " D'accord ?"};
constexpr double kTruncateLo = 0.55, kTruncateHi = 0.85;

// Rewordings: each pair is (original, replacement). Chinese synonyms and framing, English and French words.
const std::vector<std::pair<std::string, std::string>> kSynonymsZh = {
    {"质疑", "怀疑"}, {"赢得", "获得"}, {"支持", "拥护"}, {"强硬", "硬气"}, {"表示", "称"},   {"认为", "觉得"},
    {"选民", "民众"}, {"失望", "寒心"}, {"缺乏", "没有"}, {"承诺", "许诺"}, {"批评", "指责"}, {"问题", "事情"},
    {"经验", "阅历"}, {"政策", "做法"}, {"表态", "发言"}, {"民调", "民意调查"}, {"网友", "网民"}, {"主张", "立场"}};
const std::vector<std::pair<std::string, std::string>> kSynonymsEn = {
    {"real ", "actual "}, {"plan", "proposal"}, {"leader", "figure"},  {"disaster", "mess"},   {"lying", "not honest"},
    {"record", "track record"}, {"cares about", "serves"}, {"worse", "even worse"}, {"Finally", "At last"},
    {"competent", "capable"}, {"trust", "believe in"}, {"nailed it", "got it right"}, {"everyone knows it", "we all know it"}};
const std::vector<std::pair<std::string, std::string>> kSynonymsFr = {
    {"plan", "projet"}, {"désastre", "fiasco"}, {"ment", "raconte n'importe quoi"}, {"Encore", "Toujours"},
    {"compétent", "capable"}, {"Plus on en apprend", "Plus on creuse"}};
// A framing of its own, as a person retelling it would.
const Pool kFramesZh = {"有人说，", "据说，", "听说，", "网上都在传："};
const Pool kFramesEn = {"So apparently: ", "Reminder: ", "In case you missed it: ", "People are saying this: "};
const Pool kFramesFr = {"Apparemment : ", "Rappel : "};

// Byte offset after the first `count` code points of UTF-8 `text`.
size_t CodePointPrefix(const std::string& text, size_t count) {
  size_t at = 0;
  for (size_t seen = 0; at < text.size() && seen < count; ++seen) {
    const auto lead = static_cast<unsigned char>(text[at]);
    at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
  return std::min(at, text.size());
}

size_t CodePoints(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// What a copying account takes from the original: a Chinese article's title or its lead sentence; a short
// post's whole text.
std::string CopySource(Rng& rng, const Post& source, Lang lang) {
  if (!IsChinese(lang)) return source.text;
  if (!source.title.empty() && rng.Bernoulli(0.7)) return source.title;
  const size_t end = source.text.find("。");
  return end == std::string::npos ? source.text : source.text.substr(0, end + std::string_view("。").size());
}

int64_t AmplifierInteractions(Rng& rng, const std::string& platform) {
  return static_cast<int64_t>(std::llround(rng.LogNormal(EngagementOn(platform).user_median * 1.5, 0.8)));
}

}  // namespace

std::string EditCopy(Rng& rng, const ScriptConverter& script, const std::string& text, Lang lang,
                     std::vector<std::string>* edits) {
  const bool chinese = IsChinese(lang);
  std::vector<std::string> available = {"prefix", "emoji", "truncation", "question"};
  if (chinese) available.push_back("traditional");
  const auto count = static_cast<size_t>(rng.UniformInt(1, 3));
  std::vector<std::string> chosen;
  for (size_t idx : rng.Sample(available.size(), count)) chosen.push_back(available[idx]);
  auto has = [&](const char* edit) { return std::find(chosen.begin(), chosen.end(), edit) != chosen.end(); };
  std::string out = text;
  if (has("truncation")) {
    const size_t keep = static_cast<size_t>(std::llround(static_cast<double>(CodePoints(out)) * rng.Uniform(kTruncateLo, kTruncateHi)));
    out = out.substr(0, CodePointPrefix(out, std::max<size_t>(keep, 1))) + "…";
  }
  if (has("question")) out += rng.Pick(chinese ? kQuestionsZh : lang == Lang::kFr ? kQuestionsFr : kQuestionsEn);
  if (has("prefix")) out = rng.Pick(chinese ? kPrefixesZh : lang == Lang::kFr ? kPrefixesFr : kPrefixesEn) + out;
  if (has("emoji")) out = rng.Bernoulli(0.5) ? rng.Pick(kEmoji) + out : out + rng.Pick(kEmoji);
  if (has("traditional") && lang == Lang::kZh) out = script.ToTraditional(out);
  std::sort(chosen.begin(), chosen.end());
  if (edits) *edits = chosen;
  return out;
}

std::string Paraphrase(Rng& rng, const std::string& text, Lang lang) {
  const auto& synonyms = IsChinese(lang) ? kSynonymsZh : lang == Lang::kFr ? kSynonymsFr : kSynonymsEn;
  std::string out = text;
  for (const auto& [from, to] : synonyms) out = ReplaceAll(std::move(out), from, to);
  return rng.Pick(IsChinese(lang) ? kFramesZh : lang == Lang::kFr ? kFramesFr : kFramesEn) + out;
}

Post PassOn(ScenarioBuilder& b, Rng& rng, const Amplifier& amp, const Post& source, Lang source_lang,
            int64_t delay_seconds, std::vector<std::string>* edits) {
  const int64_t when = source.published_at + delay_seconds;
  const std::string& platform = amp.account.platform;
  Post p;
  switch (amp.style) {
    case AmplificationStyle::kRepost: {
      const std::string text = IsChinese(source_lang) ? examplegen::NearDuplicate(rng, {source.title, source.text})
                                                      : "RT @" + source.account_id + ": " + source.text;
      p = b.MakePost(amp.account, when, {platform == "wechat" ? source.title : "", text}, amp.lang);
      p.repost_of = source.id;
      p.links = {source.url};
      break;
    }
    case AmplificationStyle::kLink: {
      const std::string comment = b.texts().ShareComment(rng, amp.lang);
      p = b.MakePost(amp.account, when, {platform == "wechat" ? comment : "", comment}, amp.lang);
      p.links = {source.url};
      break;
    }
    case AmplificationStyle::kCopy:
    case AmplificationStyle::kParaphrase: {
      const std::string base = CopySource(rng, source, source_lang);
      const std::string text = amp.style == AmplificationStyle::kCopy
                                   ? EditCopy(rng, b.texts().script(), base, source_lang, edits)
                                   : Paraphrase(rng, base, source_lang);
      p = b.MakePost(amp.account, when, {platform == "wechat" ? text : "", text}, source_lang);
      break;
    }
  }
  SetEngagement(rng, platform, AmplifierInteractions(rng, platform), p.metrics);
  return p;
}

}  // namespace vigil::scenarios
