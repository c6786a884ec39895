// TextComposer: picks the language's phrase bank and writes traditional script where asked (see texts.h).
#include "scenarios/texts.h"

#include <fmt/format.h>

#include <opencc/Exception.hpp>
#include <opencc/SimpleConverter.hpp>

namespace vigil::scenarios {

const char* LangTag(Lang lang) {
  switch (lang) {
    case Lang::kZh:
      return "zh";
    case Lang::kZhHant:
      return "zh-Hant";
    case Lang::kEn:
      return "en";
    case Lang::kFr:
      break;
  }
  return "fr";
}

Lang LangFromTag(std::string_view tag) {
  if (tag == "en") return Lang::kEn;
  if (tag == "fr") return Lang::kFr;
  if (tag == "zh-Hant") return Lang::kZhHant;
  return Lang::kZh;
}

bool IsChinese(Lang lang) { return lang == Lang::kZh || lang == Lang::kZhHant; }

const char* ToneName(Tone tone) {
  switch (tone) {
    case Tone::kFavor:
      return "favor";
    case Tone::kAgainst:
      return "against";
    case Tone::kMixed:
      break;
  }
  return "mixed";
}

const char* SponsorCountry(Sponsor sponsor) { return sponsor == Sponsor::kChina ? "CN" : "RU"; }

ScriptConverter::ScriptConverter(std::unique_ptr<opencc::SimpleConverter> converter)
    : converter_(std::move(converter)) {}
ScriptConverter::~ScriptConverter() = default;

Result<std::shared_ptr<const ScriptConverter>> ScriptConverter::Create() {
  try {
    auto converter = std::make_unique<opencc::SimpleConverter>("s2t.json");
    return std::shared_ptr<const ScriptConverter>(new ScriptConverter(std::move(converter)));
  } catch (const opencc::Exception& e) {
    return Status::IoError(fmt::format("OpenCC s2t.json: {}", e.what()));
  }
}

std::string ScriptConverter::ToTraditional(std::string_view simplified) const {
  return converter_->Convert(std::string(simplified));
}

Article TextComposer::InScript(Article a, Lang lang) const {
  if (lang != Lang::kZhHant) return a;
  return {script_.ToTraditional(a.title), script_.ToTraditional(a.text)};
}

Article TextComposer::Operation(Rng& rng, const Candidate& target, Tone tone, Lang lang, bool long_form) const {
  const Slots s{country_, target};
  switch (lang) {
    case Lang::kEn:
      return en::Operation(rng, s, tone, long_form);
    case Lang::kFr:
      return fr::Operation(rng, s, tone, long_form);
    case Lang::kZh:
    case Lang::kZhHant:
      break;
  }
  return InScript(zh::Operation(rng, s, tone), lang);
}

Article TextComposer::RoutineBrief(Rng& rng, const ElectionEvent* event, const Candidate& target, Lang lang) const {
  const Slots s{country_, target};
  switch (lang) {
    case Lang::kEn:
      return en::RoutineBrief(rng, s, event);
    case Lang::kFr:
      return fr::RoutineBrief(rng, s, event);
    case Lang::kZh:
    case Lang::kZhHant:
      break;
  }
  return InScript(zh::RoutineBrief(rng, s, event), lang);
}

Article TextComposer::StateNews(Rng& rng, Sponsor sponsor, Lang lang) const {
  switch (lang) {
    case Lang::kEn:
      return en::StateNews(rng, sponsor);
    case Lang::kFr:
      return fr::StateNews(rng, sponsor);
    case Lang::kZh:
    case Lang::kZhHant:
      break;
  }
  return InScript(examplegen::StateMediaArticle(rng), lang);
}

Article TextComposer::OutletReport(Rng& rng, const Candidate& target, const ElectionEvent* event, Lang lang) const {
  const Slots s{country_, target};
  switch (lang) {
    case Lang::kEn:
      return en::OutletReport(rng, s, event);
    case Lang::kFr:
      return fr::OutletReport(rng, s, event);
    case Lang::kZh:
    case Lang::kZhHant:
      break;
  }
  return InScript(zh::OutletReport(rng, s, event), lang);
}

Article TextComposer::UserOpinion(Rng& rng, const Candidate& target, Lang lang) const {
  const Slots s{country_, target};
  switch (lang) {
    case Lang::kEn:
      return en::UserOpinion(rng, s);
    case Lang::kFr:
      return fr::UserOpinion(rng, s);
    case Lang::kZh:
    case Lang::kZhHant:
      break;
  }
  return InScript(zh::UserOpinion(rng, s), lang);
}

Article TextComposer::Commentary(Rng& rng, const Candidate& target, Lang lang) const {
  const Slots s{country_, target};
  switch (lang) {
    case Lang::kEn:
      return en::Commentary(rng, s);
    case Lang::kFr:
      return fr::Commentary(rng, s);
    case Lang::kZh:
    case Lang::kZhHant:
      break;
  }
  return InScript(zh::Commentary(rng, s), lang);
}

Article TextComposer::Chatter(Rng& rng, Lang lang) const {
  if (IsChinese(lang)) return InScript({"", examplegen::WeiboPost(rng, "")}, lang);
  return {"", examplegen::ChatterPost(rng, lang == Lang::kFr).text};
}

Article TextComposer::Lifestyle(Rng& rng) const { return zh::Lifestyle(rng, country_); }

Article TextComposer::Notice(Rng& rng, Lang lang) const {
  if (IsChinese(lang)) return InScript(zh::Notice(rng, country_), lang);
  return en::Notice(rng, country_);
}

std::string TextComposer::ShareComment(Rng& rng, Lang lang) const {
  switch (lang) {
    case Lang::kEn:
      return en::ShareComment(rng);
    case Lang::kFr:
      return fr::ShareComment(rng);
    case Lang::kZh:
      return zh::ShareComment(rng);
    case Lang::kZhHant:
      break;
  }
  return script_.ToTraditional(zh::ShareComment(rng));
}

}  // namespace vigil::scenarios
