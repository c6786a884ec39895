// Texts of scenario posts, composed from phrase banks in Chinese, English and French for any candidate of
// any country: operations' praise and attacks, state media's routine briefs, outlets' reports, users'
// opinions, commentators' essays and everyday chatter. Traditional-script text is the simplified text
// converted by OpenCC, as Taiwanese and Hong Kong outlets and many diaspora accounts write.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "examplegen/phrases.h"
#include "scenarios/world.h"
#include "vigil/status.h"

namespace opencc {
class SimpleConverter;
}

namespace vigil::scenarios {

using examplegen::Article;

enum class Lang { kZh, kZhHant, kEn, kFr };
const char* LangTag(Lang lang);          // BCP 47: "zh", "zh-Hant", "en", "fr"
Lang LangFromTag(std::string_view tag);  // "en", "fr", "zh-Hant"; anything else is simplified Chinese
bool IsChinese(Lang lang);

enum class Tone { kFavor, kAgainst, kMixed };
const char* ToneName(Tone tone);  // "favor", "against", "mixed"

// The state whose media and operators a scenario stages.
enum class Sponsor { kChina, kRussia };
const char* SponsorCountry(Sponsor sponsor);  // ISO 3166 alpha-2

// Simplified to traditional Chinese (OpenCC s2t). Create fails when OpenCC's data files are missing.
class ScriptConverter {
 public:
  static Result<std::shared_ptr<const ScriptConverter>> Create();
  ~ScriptConverter();
  std::string ToTraditional(std::string_view simplified) const;

 private:
  explicit ScriptConverter(std::unique_ptr<opencc::SimpleConverter> converter);
  std::unique_ptr<opencc::SimpleConverter> converter_;
};

class TextComposer {
 public:
  TextComposer(const Country& country, const ScriptConverter& script) : country_(country), script_(script) {}

  // An operation's post about `target`. Chinese gives an article (title and text) as WeChat and Weibo
  // accounts publish; English and French give a short post, or with `long_form` a few sentences.
  Article Operation(Rng& rng, const Candidate& target, Tone tone, Lang lang, bool long_form) const;
  // State media's neutral brief about an election event (or, with no event, about the candidate's day).
  Article RoutineBrief(Rng& rng, const ElectionEvent* event, const Candidate& target, Lang lang) const;
  // State media's ordinary news, about anything but the election.
  Article StateNews(Rng& rng, Sponsor sponsor, Lang lang) const;
  // An independent outlet's report on a candidate, tied to `event` when there is one.
  Article OutletReport(Rng& rng, const Candidate& target, const ElectionEvent* event, Lang lang) const;
  // An ordinary user's opinion of a candidate.
  Article UserOpinion(Rng& rng, const Candidate& target, Lang lang) const;
  // A commentator's sharply argued essay or thread about a candidate.
  Article Commentary(Rng& rng, const Candidate& target, Lang lang) const;
  // Everyday posts with no politics.
  Article Chatter(Rng& rng, Lang lang) const;
  // A Chinese-language lifestyle or household-money article, as diaspora WeChat accounts publish.
  Article Lifestyle(Rng& rng) const;
  // Community notices: what small local accounts post between operations.
  Article Notice(Rng& rng, Lang lang) const;
  // A comment on a shared link that names nobody ("必看！", "Must read").
  std::string ShareComment(Rng& rng, Lang lang) const;

  const Country& country() const { return country_; }
  const ScriptConverter& script() const { return script_; }

 private:
  Article InScript(Article a, Lang lang) const;
  const Country& country_;
  const ScriptConverter& script_;
};

// Per-language phrase banks (texts_zh.cc, texts_en.cc, texts_fr.cc); TextComposer picks among them.
struct Slots {
  const Country& country;
  const Candidate& target;
};
namespace zh {
Article Operation(Rng& rng, const Slots& s, Tone tone);
Article RoutineBrief(Rng& rng, const Slots& s, const ElectionEvent* event);
Article OutletReport(Rng& rng, const Slots& s, const ElectionEvent* event);
Article UserOpinion(Rng& rng, const Slots& s);
Article Commentary(Rng& rng, const Slots& s);
Article Notice(Rng& rng, const Country& country);
Article Lifestyle(Rng& rng, const Country& country);
std::string ShareComment(Rng& rng);
}  // namespace zh
namespace en {
Article Operation(Rng& rng, const Slots& s, Tone tone, bool long_form);
Article RoutineBrief(Rng& rng, const Slots& s, const ElectionEvent* event);
Article StateNews(Rng& rng, Sponsor sponsor);
Article OutletReport(Rng& rng, const Slots& s, const ElectionEvent* event);
Article UserOpinion(Rng& rng, const Slots& s);
Article Commentary(Rng& rng, const Slots& s);
Article Notice(Rng& rng, const Country& country);
std::string ShareComment(Rng& rng);
}  // namespace en
namespace fr {
Article Operation(Rng& rng, const Slots& s, Tone tone, bool long_form);
Article RoutineBrief(Rng& rng, const Slots& s, const ElectionEvent* event);
Article StateNews(Rng& rng, Sponsor sponsor);
Article OutletReport(Rng& rng, const Slots& s, const ElectionEvent* event);
Article UserOpinion(Rng& rng, const Slots& s);
Article Commentary(Rng& rng, const Slots& s);
std::string ShareComment(Rng& rng);
}  // namespace fr

}  // namespace vigil::scenarios
