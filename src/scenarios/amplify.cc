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

// Rewordings: each pair is (original, replacement), applied in order; chosen to hit the phrase banks' wording
// so a rewording really differs from its source (texts_*.cc).
const std::vector<std::pair<std::string, std::string>> kSynonymsZh = {
    {"质疑", "怀疑"},         {"赢得", "获得"},       {"支持", "拥护"},       {"强硬", "硬气"},   {"表示", "称"},
    {"认为", "觉得"},         {"选民", "民众"},       {"失望", "寒心"},       {"缺乏", "没有"},   {"承诺", "许诺"},
    {"批评", "指责"},         {"经验", "阅历"},       {"政策", "做法"},       {"表态", "发言"},   {"民调", "民意调查"},
    {"网友", "网民"},         {"主张", "立场"},       {"至今", "到现在"},     {"不少", "很多"},   {"一直", "始终"},
    {"炒作", "渲染"},         {"真的", "确实"},       {"值得信任", "靠得住"}, {"能否", "能不能"}, {"必须", "一定要"},
    {"分析人士", "观察人士"}, {"评论人士", "评论员"}, {"引发", "引起"},       {"担心", "忧虑"},   {"令人", "让人"}};
const std::vector<std::pair<std::string, std::string>> kSynonymsEn = {
    {"is the only one talking sense", "is the only one making sense"},
    {"Finally a leader", "At last a leader"},
    {"nailed it", "got it right"},
    {"real experience", "actual experience"},
    {"most realistic", "most credible"},
    {"Proud to see", "Good to see"},
    {"steady hands", "a steady hand"},
    {"People trust", "Voters believe in"},
    {"brought the room to its feet", "had the whole room standing"},
    {"delivers", "gets things done"},
    {"most competent", "most capable"},
    {"has no real plan", "has no actual plan"},
    {"Why is nobody asking", "Why won't anyone ask"},
    {"said one thing", "claimed one thing"},
    {"career politician", "lifelong politician"},
    {"never understood", "never got"},
    {"broken promise", "promise broken"},
    {"is a disaster", "is a mess"},
    {"everyone knows it", "we all know it"},
    {"really fit to lead", "truly fit to run"},
    {"is lying about", "is not honest about"},
    {"media lets it slide", "press looks away"},
    {"cares about donors", "serves donors"},
    {"would only get worse", "would get even worse"},
    {"is dividing", "is splitting"},
    {"The more you learn about", "The more you find out about"},
    {"Don't be fooled.", "Don't fall for it."},
    {"Wake up", "Open your eyes"},
    {"Share this", "Pass this on"},
    {"Remember this when you vote.", "Keep this in mind at the ballot box."},
    {"Shameful.", "Disgraceful."},
    {"We deserve better.", "We should expect better."},
    {"Voters are noticing.", "People are noticing."},
    {"This is leadership.", "That is what leadership looks like."},
    {"Share if you agree.", "Pass it on if you agree."},
    {"Real solutions, not slogans.", "Actual answers instead of slogans."},
    {"had a good night", "did well tonight"},
    {"dodged every question", "ducked every question"},
    {"Hard to read", "Difficult to pin down"}};
const std::vector<std::pair<std::string, std::string>> kSynonymsFr = {
    {"est le seul à parler franchement", "est le seul à parler vrai"},
    {"a un vrai plan", "a un plan sérieux"},
    {"désastre", "fiasco"},
    {"ment sur", "raconte n'importe quoi sur"},
    {"Encore une promesse brisée", "Une promesse brisée de plus"},
    {"divise le pays", "fracture le pays"},
    {"Plus on en apprend", "Plus on creuse"},
    {"Qui finance vraiment", "Qui paie vraiment"},
    {"Ne vous laissez pas berner.", "Ne tombez pas dans le panneau."},
    {"Réveillez-vous !", "Ouvrez les yeux !"},
    {"compétent", "capable"},
    {"les gens font confiance à", "les électeurs croient en"}};
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
    const size_t keep =
        static_cast<size_t>(std::llround(static_cast<double>(CodePoints(out)) * rng.Uniform(kTruncateLo, kTruncateHi)));
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
  // Each account rewords differently: most of the rewordings that apply, at least one.
  std::vector<size_t> applicable;
  for (size_t i = 0; i < synonyms.size(); ++i) {
    if (text.find(synonyms[i].first) != std::string::npos) applicable.push_back(i);
  }
  std::string out = text;
  const size_t keep =
      applicable.empty() ? 0 : static_cast<size_t>(rng.UniformInt(1, static_cast<int64_t>(applicable.size())));
  std::vector<size_t> chosen;
  for (size_t idx : rng.Sample(applicable.size(), std::max(keep, applicable.size() * 2 / 3)))
    chosen.push_back(applicable[idx]);
  std::sort(chosen.begin(), chosen.end());  // in table order, as the table is written to be applied
  for (size_t i : chosen) out = ReplaceAll(std::move(out), synonyms[i].first, synonyms[i].second);
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
