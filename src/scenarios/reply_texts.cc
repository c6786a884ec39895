// Reply and comment texts (see reply_texts.h): phrase lists per language, composed per call.
#include "scenarios/reply_texts.h"

#include <fmt/format.h>

#include <vector>

namespace vigil::scenarios {
namespace {

using Phrases = std::vector<std::string>;

constexpr double kAddressShare = 0.3;  // spam comments addressed to the page's owner by name

const Phrases& ByLang(Lang lang, const Phrases& en, const Phrases& fr) { return lang == Lang::kFr ? fr : en; }

// "{}" in a phrase is the target's surname.
std::string Fill(const std::string& phrase, const Candidate& target) {
  return fmt::format(fmt::runtime(phrase), target.surname);
}

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

const Phrases kReplyOpenEn = {"Honestly,", "With respect,", "Agreed.", "Hmm,", "Not convinced.", "Good point.",
                              "Finally!", "Seriously?", "Thanks for this.", "As a nurse,", "As a parent,"};
const Phrases kReplyBodyEn = {
    "what about rent in my city? Nobody can afford it anymore.",
    "I will be voting for you this time.",
    "you said the same thing last election and nothing changed.",
    "when is the town hall in our riding?",
    "the childcare plan helped my family a lot.",
    "please do something about the clinic closures.",
    "this is the kind of leadership we need.",
    "where is the money coming from though?",
    "my street still has not been repaired since spring.",
    "glad to see someone talking about small businesses.",
    "how does this help seniors on fixed incomes?",
    "not voting for your party, but I respect the effort.",
};
const Phrases kReplyOpenFr = {"Franchement,", "Avec respect,", "D'accord.", "Bof,", "Pas convaincu.",
                              "Bon point.", "Enfin!", "Sérieusement?", "Merci pour ça.", "Comme parent,"};
const Phrases kReplyBodyFr = {
    "et les loyers dans ma ville? Plus personne n'arrive à payer.",
    "je vais voter pour vous cette fois.",
    "vous avez dit la même chose aux dernières élections.",
    "c'est quand l'assemblée publique dans notre circonscription?",
    "le programme de garderies a beaucoup aidé ma famille.",
    "faites quelque chose pour les urgences fermées.",
    "d'où vient l'argent au juste?",
    "c'est ce genre de leadership qu'il nous faut.",
    "et les aînés avec un revenu fixe?",
};

const Phrases kFanOpenEn = {"So proud of you,", "Thank you", "Love this,", "Way to go", "Bravo", "Keep it up",
                            "You've got my vote", "Well said", "Inspiring as always,", "Great work"};
const Phrases kFanBodyEn = {
    "{}! Our riding is lucky to have you.",
    "{}. You actually listen to people.",
    "{} - the volunteers in our neighbourhood are fired up!",
    "{}. My whole family is behind you.",
    "{}! Saw you at the farmers market last week, so kind.",
    "{}, this is why I joined the campaign.",
    "{}. Don't let the critics get to you.",
    "{}! Best MP we've ever had.",
    "{}. Count on me for door knocking on Saturday.",
    "{}, thank you for standing up for our community.",
};
const Phrases kFanOpenFr = {"Tellement fier de vous,", "Merci", "Bravo", "Continuez comme ça", "Vous avez mon vote",
                            "Bien dit", "Inspirant comme toujours,"};
const Phrases kFanBodyFr = {
    "{}! Notre circonscription a de la chance.",
    "{}. Vous écoutez vraiment les gens.",
    "{}, les bénévoles du quartier sont motivés!",
    "{}. Toute ma famille vous appuie.",
    "{}, merci de défendre notre communauté.",
    "{}! Je serai là samedi pour le porte-à-porte.",
};
const Phrases kFanShareEn = {"Great interview with {}, worth a read.", "{} explains the plan clearly here.",
                             "Proud of {} - read this!", "This is why I support {}.",
                             "Everyone in the riding should read what {} said.", "{} nailed it in this piece."};
const Phrases kFanShareFr = {"Belle entrevue avec {}, à lire.", "{} explique bien le plan ici.",
                             "Fier de {}, lisez ceci!", "Voilà pourquoi j'appuie {}."};

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
  (void)target;
  return rng.Pick(ByLang(lang, kReplyOpenEn, kReplyOpenFr)) + " " + rng.Pick(ByLang(lang, kReplyBodyEn, kReplyBodyFr));
}

std::string FanReply(Rng& rng, const Candidate& target, Lang lang) {
  const std::string open = rng.Pick(ByLang(lang, kFanOpenEn, kFanOpenFr));
  return fmt::format(fmt::runtime(rng.Pick(ByLang(lang, kFanBodyEn, kFanBodyFr))), open + " " + target.surname);
}

std::string FanShare(Rng& rng, const Candidate& target, Lang lang) {
  return Fill(rng.Pick(ByLang(lang, kFanShareEn, kFanShareFr)), target);
}

std::string SpamComment(Rng& rng, const Accusation& accusation, const Candidate& target, Lang lang) {
  const bool fr = lang == Lang::kFr;
  std::string text = rng.Pick(fr ? kSpamOpenFr : kSpamOpenEn) + " " + accusation.accused + " " +
                     (fr ? accusation.charge_fr : accusation.charge_en) + ". " +
                     rng.Pick(fr ? kSpamCloseFr : kSpamCloseEn);
  if (rng.Bernoulli(kAddressShare)) text = (fr ? (target.female ? "Mme " : "M. ") : "") + target.surname + ", " + text;
  return text;
}

}  // namespace vigil::scenarios
