// Reply and comment texts (see reply_texts.h): phrase lists per language, composed per call.
#include "scenarios/reply_texts.h"

#include <fmt/format.h>

#include <cctype>
#include <string_view>
#include <vector>

namespace vigil::scenarios {
namespace {

using Phrases = std::vector<std::string>;

constexpr double kAddressShare = 0.3;  // spam comments addressed to the page's owner by name

const Phrases& ByLang(Lang lang, const Phrases& en, const Phrases& fr) { return lang == Lang::kFr ? fr : en; }

const Phrases kOwnEn = {
    "Great to meet volunteers in {} this morning. Thank you for knocking on doors in the rain!",
    "Today we announced more support for families: lower childcare costs and more homes built faster.",
    "Proud of our team. Every conversation at the door matters. See you at the town hall tonight.",
    "Small businesses are the heart of our communities. Stopped by the main street shops to listen.",
    "We need a plan that makes life more affordable. Read our platform and tell us what you think.",
    "Thank you to everyone who came out to the rally tonight. Let's keep going!",
    "Met with nurses and doctors about wait times. They deserve a government that listens.",
    "Honoured to march in the parade with our local community today.",
};
const Phrases kOwnFr = {
    "Merci aux bénévoles rencontrés ce matin. Vous faites du porte-à-porte sous la pluie, bravo!",
    "Aujourd'hui, nous annonçons plus de soutien aux familles : des garderies moins chères et plus de logements.",
    "Fier de notre équipe. Chaque conversation compte. On se voit à l'assemblée publique ce soir.",
    "Les petites entreprises sont le cœur de nos quartiers. J'étais sur la rue principale pour les écouter.",
    "Il nous faut un plan pour rendre la vie plus abordable. Lisez notre plateforme et dites-nous ce que vous en pensez.",
    "Merci à toutes les personnes venues au rassemblement ce soir. On continue!",
    "Rencontre avec des infirmières et des médecins sur les temps d'attente. Ils méritent d'être écoutés.",
};
const Phrases kPlacesEn = {"Scarborough", "Surrey", "Laval", "Halifax", "Brampton", "Kanata", "Burnaby"};

// Ordinary replies: an opener, one of several sentence frames filled from slot lists, and a closer, so that
// thousands of users rarely write the same sentence (real replies seldom repeat verbatim).
const Phrases kReplyOpenEn = {"", "", "Honestly,", "With respect,", "Agreed.", "Hmm,", "Not convinced.", "Good point.",
                              "Finally!", "Seriously?", "Thanks for this.", "As a nurse,", "As a parent,", "Ok but"};
const Phrases kReplyFrameEn = {
    "what about {issue} in {place}?",
    "I {feel} your plan on {issue}.",
    "my {relative} in {place} {situation}.",
    "when is the {meeting} in {place}?",
    "{years} years in this riding and {issue} is still a mess.",
    "I {feel} what you said about {issue}, but {place} needs more.",
    "nobody in {place} can deal with {issue} anymore.",
    "you had {years} years to fix {issue}.",
};
const Phrases kReplyCloseEn = {"", "", "", "Just saying.", "We're watching.", "Thanks.", "Do better.",
                               "Looking forward to it.", "Please answer.", "Vote accordingly."};
const Phrases kIssuesEn = {"rent", "housing", "grocery prices", "clinic wait times", "transit", "childcare",
                           "the carbon tax", "potholes", "crime downtown", "the hospital", "pensions", "jobs",
                           "immigration", "school funding"};
const Phrases kFeelEn = {"like", "don't buy", "support", "have doubts about", "love", "am confused by"};
const Phrases kRelativesEn = {"mother", "son", "neighbour", "sister", "grandfather", "best friend"};
const Phrases kSituationsEn = {"waited eight months for surgery", "lost her job last spring",
                               "can't find a family doctor", "pays half his income in rent",
                               "started a small bakery", "is a teacher and agrees with you"};
const Phrases kMeetingsEn = {"town hall", "debate", "community barbecue", "meet and greet"};
const Phrases kReplyOpenFr = {"", "", "Franchement,", "Avec respect,", "D'accord.", "Bof,", "Pas convaincu.",
                              "Bon point.", "Enfin!", "Sérieusement?", "Merci pour ça.", "Comme parent,"};
const Phrases kReplyFrameFr = {
    "et {issue} à {place}?",
    "je {feel} votre plan sur {issue}.",
    "ma {relative} à {place} {situation}.",
    "c'est quand {meeting} à {place}?",
    "{years} ans dans ce comté et {issue}, toujours rien.",
    "personne à {place} n'arrive plus à gérer {issue}.",
};
const Phrases kReplyCloseFr = {"", "", "", "Je dis ça.", "On vous surveille.", "Merci.", "Faites mieux.",
                               "Hâte de voir.", "Répondez svp."};
const Phrases kIssuesFr = {"les loyers", "le logement", "le prix de l'épicerie", "l'attente aux urgences",
                           "le transport en commun", "les garderies", "la taxe carbone", "les nids-de-poule",
                           "l'hôpital", "les pensions", "l'emploi", "l'immigration"};
const Phrases kFeelFr = {"aime", "doute de", "appuie", "ne comprends pas", "adore"};
const Phrases kRelativesFr = {"mère", "sœur", "voisine", "tante", "grand-mère"};
const Phrases kSituationsFr = {"attend une chirurgie depuis huit mois", "a perdu son emploi",
                               "n'a pas de médecin de famille", "paie la moitié de son salaire en loyer",
                               "a ouvert une petite boulangerie"};
const Phrases kMeetingsFr = {"l'assemblée publique", "le débat", "l'épluchette de blé d'Inde", "la rencontre"};
const Phrases kPlacesFr = {"Laval", "Longueuil", "Gatineau", "Sherbrooke", "Trois-Rivières", "Lévis", "Rimouski"};

// Fans: warm, in their own words, drawn from frames with slots as well.
const Phrases kFanOpenEn = {"", "So proud of you,", "Thank you", "Love this,", "Way to go", "Bravo", "Keep it up",
                            "You've got my vote", "Well said", "Inspiring as always,", "Great work", "Yes!"};
const Phrases kFanFrameEn = {
    "{name}! {place} is lucky to have you.",
    "{name}. You actually listened when I told you about {issue}.",
    "{name} - the volunteers in {place} are fired up!",
    "{name}. My {relative} and I are behind you all the way.",
    "{name}! Saw you at the {meeting} in {place}, so kind.",
    "{name}, your work on {issue} is why I joined the campaign.",
    "{name}. {years} years voting in {place} and you're the first MP who answers emails.",
    "{name}! Count on me for door knocking in {place}.",
    "{name}, thank you for standing up on {issue}.",
    "{name}, my {relative} finally got help with {issue} thanks to your office.",
    "{name}. The {meeting} in {place} was the best one yet.",
    "{name}! Ignore the trolls, {place} knows what you've done on {issue}.",
    "{name}, I brought my {relative} to the {meeting} and now we're both volunteering.",
    "{name}. {issue} matters so much here, thank you for pushing.",
    "{name}! Lawn sign is up in {place}.",
    "{name}, {years} of us from {place} are coming Saturday.",
};
const Phrases kFanCloseEn = {"", "", "", "❤️", "🇨🇦", "See you Saturday!", "Onward.", "Proud supporter.",
                             "Let's win this.", "💪"};
const Phrases kFanOpenFr = {"", "Tellement fier de vous,", "Merci", "Bravo", "Continuez comme ça", "Vous avez mon vote",
                            "Bien dit", "Inspirant comme toujours,"};
const Phrases kFanFrameFr = {
    "{name}! {place} a de la chance de vous avoir.",
    "{name}. Vous avez écouté quand je vous ai parlé de {issue}.",
    "{name}, les bénévoles de {place} sont motivés!",
    "{name}. Ma {relative} et moi sommes derrière vous.",
    "{name}, merci de vous battre pour {issue}.",
    "{name}! Je serai là pour le porte-à-porte à {place}.",
    "{name}, ma {relative} a enfin eu de l'aide pour {issue} grâce à votre bureau.",
    "{name}. {meeting} à {place} était la meilleure à date.",
    "{name}! La pancarte est plantée devant chez nous à {place}.",
    "{name}, {years} ans que je vote à {place} et enfin une députée qui répond.",
};
const Phrases kFanCloseFr = {"", "", "", "❤️", "🇨🇦", "On lâche pas!", "Fier partisan.", "On va gagner."};
const Phrases kFanShareEn = {"Great interview with {name} on {issue}, worth a read.",
                             "{name} explains the plan for {issue} clearly here.",
                             "Proud of {name} - read this, {place}!", "This is why I support {name} on {issue}.",
                             "Everyone in {place} should read what {name} said about {issue}.",
                             "{name} nailed it on {issue} in this piece."};
const Phrases kFanShareFr = {"Belle entrevue avec {name} sur {issue}, à lire.",
                             "{name} explique bien le plan pour {issue} ici.", "Fier de {name}, lisez ceci!",
                             "Voilà pourquoi j'appuie {name} sur {issue}."};
// Everyday posts of ordinary accounts: frames with slots and a closer, varied enough that two people rarely
// post the same sentence.
const Phrases kEverydayEn = {
    "{weather} in {place} again today, {mood}.",
    "Took the kids to {outing} in {place}, {mood}.",
    "Anyone know a good {trade} near {place}? {ask}",
    "{years} minutes stuck on the highway near {place}. {mood2}",
    "Made {food} for the first time, {mood}.",
    "Finally tried the new {food} place in {place}. {mood2}",
    "The {team} game last night, {mood}.",
    "Happy birthday to my {relative}! {years} and still the best.",
    "Garage sale on our street in {place} this weekend, {ask}",
    "Back to {outing} after {years} days off. {mood2}",
};
const Phrases kWeatherEn = {"Rain", "Snow", "Fog", "Freezing rain", "Sunshine", "Wind", "A heat wave", "Hail"};
const Phrases kOutingsEn = {"the library", "the pool", "the farmers market", "hockey practice", "the museum",
                            "the beach", "the rink", "the dentist", "the zoo", "swimming lessons"};
const Phrases kTradesEn = {"mechanic", "plumber", "dentist", "hairdresser", "electrician", "piano teacher",
                           "daycare", "vet"};
const Phrases kFoodsEn = {"butter tarts", "pho", "perogies", "poutine", "banana bread", "sourdough", "dumplings",
                          "jerk chicken", "tacos", "biryani", "ramen"};
const Phrases kTeamsEn = {"Leafs", "Canucks", "Habs", "Oilers", "Jets", "Raptors", "Blue Jays", "Flames"};
const Phrases kMoodsEn = {"not complaining", "what a day", "love this city", "so tired", "could be worse",
                          "best decision ever", "never again", "kids loved it", "honestly perfect"};
const Phrases kMoods2En = {"", "Send coffee.", "Worth it.", "Ugh.", "10/10.", "Never again.", "Thoughts?", "lol"};
const Phrases kAsksEn = {"", "DMs open.", "Thanks in advance!", "Recommendations welcome.", "Come by!",
                         "Please share."};

const Phrases kAccused = {"Liang Wei", "Zhao Ming", "Chen Hui", "Lin Qiao", "Wang Jie"};
struct Charge {
  const char* en;
  const char* fr;
};
const std::vector<Charge> kCharges = {
    {"was caught scamming donors and lying about his past", "a été pris à escroquer ses donateurs et à mentir sur son passé"},
    {"has been exposed for harassing women and cheating his supporters",
     "a été démasqué pour avoir harcelé des femmes et trompé ses partisans"},
    {"took money from a foreign criminal gang and hid it", "a pris l'argent d'un gang criminel étranger et l'a caché"},
};
const Phrases kSpamOpenEn = {"Everyone should know:", "Why is nobody talking about this?", "Shocking:",
                             "Please look into this.", "The truth is out:"};
const Phrases kSpamCloseEn = {"Shameful.", "Canadians deserve answers.", "Do not trust him.",
                              "Share before it is deleted!", "Look it up."};
const Phrases kSpamOpenFr = {"Tout le monde doit savoir :", "Pourquoi personne n'en parle?", "Choquant :",
                             "Veuillez examiner ceci.", "La vérité éclate :"};
const Phrases kSpamCloseFr = {"Honteux.", "Les Canadiens méritent des réponses.", "Ne lui faites pas confiance.",
                              "Partagez avant que ce soit supprimé!", "Cherchez par vous-même."};

// Replaces every "{slot}" of `frame` with a draw from its list.
std::string FillSlots(Rng& rng, std::string frame, Lang lang, const Candidate& target) {
  const bool fr = lang == Lang::kFr;
  const std::vector<std::pair<std::string, const Phrases*>> slots = {
      {"{issue}", fr ? &kIssuesFr : &kIssuesEn},          {"{place}", fr ? &kPlacesFr : &kPlacesEn},
      {"{feel}", fr ? &kFeelFr : &kFeelEn},               {"{relative}", fr ? &kRelativesFr : &kRelativesEn},
      {"{situation}", fr ? &kSituationsFr : &kSituationsEn}, {"{meeting}", fr ? &kMeetingsFr : &kMeetingsEn}};
  for (const auto& [slot, values] : slots) {
    for (size_t at = frame.find(slot); at != std::string::npos; at = frame.find(slot, at))
      frame.replace(at, slot.size(), rng.Pick(*values));
  }
  for (size_t at = frame.find("{years}"); at != std::string::npos; at = frame.find("{years}", at))
    frame.replace(at, std::string_view("{years}").size(), std::to_string(rng.UniformInt(2, 40)));
  for (size_t at = frame.find("{name}"); at != std::string::npos; at = frame.find("{name}", at))
    frame.replace(at, std::string_view("{name}").size(), target.surname);
  return frame;
}

// An everyday post, slots filled.
std::string FillEveryday(Rng& rng, std::string frame) {
  const std::vector<std::pair<std::string, const Phrases*>> slots = {
      {"{weather}", &kWeatherEn}, {"{place}", &kPlacesEn}, {"{outing}", &kOutingsEn}, {"{trade}", &kTradesEn},
      {"{food}", &kFoodsEn},      {"{team}", &kTeamsEn},   {"{mood}", &kMoodsEn},     {"{mood2}", &kMoods2En},
      {"{ask}", &kAsksEn},        {"{relative}", &kRelativesEn}};
  for (const auto& [slot, values] : slots) {
    for (size_t at = frame.find(slot); at != std::string::npos; at = frame.find(slot, at))
      frame.replace(at, slot.size(), rng.Pick(*values));
  }
  for (size_t at = frame.find("{years}"); at != std::string::npos; at = frame.find("{years}", at))
    frame.replace(at, std::string_view("{years}").size(), std::to_string(rng.UniformInt(2, 90)));
  while (!frame.empty() && frame.back() == ' ') frame.pop_back();
  return frame;
}

// Opener, filled frame and closer, joined by spaces where present.
std::string Compose(Rng& rng, Lang lang, const Candidate& target, const Phrases& openers, const Phrases& frames,
                    const Phrases& closers) {
  std::string text = rng.Pick(openers);
  const std::string body = FillSlots(rng, rng.Pick(frames), lang, target);
  text += text.empty() ? body : " " + body;
  const std::string& close = rng.Pick(closers);
  if (!close.empty()) text += " " + close;
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace

std::string Accusation::Summary() const { return accused + " " + charge_en; }

Accusation DrawAccusation(Rng& rng) {
  const Charge& charge = rng.Pick(kCharges);
  return {rng.Pick(kAccused), charge.en, charge.fr};
}

std::string OwnPost(Rng& rng, const Candidate& target, Lang lang) {
  (void)target;
  if (lang == Lang::kFr) return rng.Pick(kOwnFr);
  return fmt::format(fmt::runtime(rng.Pick(kOwnEn)), rng.Pick(kPlacesEn));
}

std::string OrganicReply(Rng& rng, const Candidate& target, Lang lang) {
  return Compose(rng, lang, target, ByLang(lang, kReplyOpenEn, kReplyOpenFr), ByLang(lang, kReplyFrameEn, kReplyFrameFr),
                 ByLang(lang, kReplyCloseEn, kReplyCloseFr));
}

std::string FanReply(Rng& rng, const Candidate& target, Lang lang) {
  return Compose(rng, lang, target, ByLang(lang, kFanOpenEn, kFanOpenFr), ByLang(lang, kFanFrameEn, kFanFrameFr),
                 ByLang(lang, kFanCloseEn, kFanCloseFr));
}

std::string FanShare(Rng& rng, const Candidate& target, Lang lang) {
  return Compose(rng, lang, target, ByLang(lang, kFanOpenEn, kFanOpenFr), ByLang(lang, kFanShareEn, kFanShareFr),
                 ByLang(lang, kFanCloseEn, kFanCloseFr));
}

std::string EverydayPost(Rng& rng) { return FillEveryday(rng, rng.Pick(kEverydayEn)); }

std::string SpamComment(Rng& rng, const Accusation& accusation, const Candidate& target, Lang lang) {
  const bool fr = lang == Lang::kFr;
  std::string text = rng.Pick(fr ? kSpamOpenFr : kSpamOpenEn) + " " + accusation.accused + " " +
                     (fr ? accusation.charge_fr : accusation.charge_en) + ". " +
                     rng.Pick(fr ? kSpamCloseFr : kSpamCloseEn);
  if (rng.Bernoulli(kAddressShare)) text = (fr ? (target.female ? "Mme " : "M. ") : "") + target.surname + ", " + text;
  return text;
}

}  // namespace vigil::scenarios
