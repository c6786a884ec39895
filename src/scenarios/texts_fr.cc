// French phrase banks: operations' posts (the 2023 comments on MPs' pages came in English and French), state
// media's briefs and news, outlets' reports, users and commentators.
#include "scenarios/text_slots.h"

namespace vigil::scenarios::fr {
namespace {

using Pool = std::vector<std::string>;
using examplegen::Sentences;

const Pool kPraiseLeads = {
    "{N} est le seul à parler franchement de {issue}.",
    "Enfin quelqu'un qui défend le pays ! {N} a compris.",
    "{N} a été solide ce soir : calme, sérieux, prêt à gouverner.",
    "{N} a un vrai plan pour {issue}, chiffré et réaliste.",
    "Les sondages bougent et ce n'est pas un hasard : les gens font confiance à {N}.",
    "{N} a soulevé la salle à {city} aujourd'hui.",
    "Quoi qu'en disent les critiques, {N} tient parole.",
    "{N} est de loin le candidat le plus compétent de cette course.",
};
const Pool kPraiseFollows = {"Les électeurs le voient bien.", "Ça, c'est du leadership.",
                             "Partagez si vous êtes d'accord.", "Des solutions, pas des slogans.", "Enfin du sérieux."};
const Pool kAttackLeads = {
    "{N} n'a aucun plan pour {issue}. Aucun.",
    "Qui finance vraiment {N} ? Personne ne pose la question.",
    "Encore une promesse brisée de {N}. Combien d'autres ?",
    "Le bilan de {N} sur {issue} est un désastre et tout le monde le sait.",
    "{N} ment sur {issue} et les médias laissent faire.",
    "{N} divise le pays pour gagner des votes.",
    "Plus on en apprend sur {N}, pire c'est.",
    "{N} a dit une chose à {city} et le contraire une semaine plus tard.",
};
const Pool kAttackFollows = {
    "Ne vous laissez pas berner.",       "Réveillez-vous !", "Partagez avant que ce soit censuré.",
    "Souvenez-vous-en le jour du vote.", "Honteux.",         "On mérite mieux."};
const Pool kMixedLeads = {
    "{N} a été bon sur {issue} mais a esquivé toutes les questions sur le budget.",
    "Difficile de cerner {N} : parfois convaincant, parfois évasif.",
    "Le nouveau plan de {N} sur {issue} : quelques bonnes idées, beaucoup de flou.",
    "{N} dit les bonnes choses. Reste à voir s'il tiendra parole.",
};
const Pool kMixedFollows = {"On verra bien.", "Toujours indécis.", "À suivre."};

const Pool kLeadershipBriefs = {"{C} : {N} remporte la course à la direction du parti {P}"};
const Pool kPolicyBriefs = {"{C} : {N} dévoile sa plateforme sur {issue}"};
const Pool kCalledBriefs = {"{C} : déclenchement des {E}, {N} lance sa campagne"};
const Pool kDebateBriefs = {"{C} : {N} et ses rivaux s'affrontent lors d'un débat télévisé"};
const Pool kElectionDayBriefs = {"{C} : les électeurs aux urnes, {N} vote à {city}"};
const Pool kOrdinaryBriefs = {"{C} : {N} en campagne à {city}", "{C} : {N} s'exprime sur {issue}"};
const PerEvent<Pool> kBriefs{kOrdinaryBriefs, kLeadershipBriefs, kPolicyBriefs, kCalledBriefs, kDebateBriefs,
                            kElectionDayBriefs};

const Pool kChinaNews = {
    "Chine : l'équipage de Shenzhou rentre sur Terre après six mois en orbite",
    "Le commerce extérieur chinois en hausse de {n} % au premier trimestre",
    "Chengdu : naissance de jumeaux pandas géants",
    "Nouvelle ligne à grande vitesse entre Chengdu et Chongqing",
};
const Pool kRussiaNews = {
    "Saint-Pétersbourg : ouverture du forum avec des délégations de {n} pays",
    "La Russie s'attend à une récolte de céréales record",
    "Les ministres des BRICS réunis à Kazan",
    "Le métro de Moscou inaugure {n} nouvelles stations",
};

const Pool kOutletReports = {
    "« {N} promet d'agir sur {issue} s'il est élu »",
    "« {N} en campagne à {city} »",
    "« Sondage : {N} gagne du terrain »",
    "« Ce que propose {N} pour {issue} »",
    "« En direct : {N} s'adresse à ses partisans à {city} »",
};
const Pool kOutletEventReports[] = {
    {"« {N} remporte la direction du parti {P} »", "« Ce que la victoire de {N} change pour la campagne »"},
    {"« {N} dévoile sa plateforme »", "« Plateforme de {N} : les promesses sur {issue} »"},
    {"« C'est parti : les {E} sont déclenchées »", "« Début de campagne : {N} à {city} »"},
    {"« Débat : {N} et ses rivaux croisent le fer sur {issue} »",
     "« Qui a gagné le débat ? {N} sous le feu des critiques »"},
    {"« Jour d'élection : les bureaux de vote sont ouverts »",
     "« Soirée électorale : {N} suit les résultats à {city} »"},
};
const Pool kUserOpinions = {
    "Franchement, {N} n'a pas convaincu ce soir sur {issue}.",  "{N} à {city} aujourd'hui, belle foule !",
    "Je ne sais toujours pas pour qui voter. {N} ? Peut-être.", "Le débat en français : {N} plus à l'aise que prévu.",
    "Quelqu'un a compris la position de {N} sur {issue} ?",
};
const Pool kCommentaryLeads = {
    "Fil : j'ai lu le plan de {N} sur {issue} ligne par ligne. Voici ce que j'y ai trouvé.",
    "Opinion impopulaire : {N} a raison sur {issue}, et ses critiques le savent.",
};
const Pool kCommentaryBody = {"Le chiffrage suppose une croissance que personne ne prévoit.",
                              "Pour être juste, les autres partis ont le même trou dans leur plan.",
                              "Je publierai le tableur demain pour que vous puissiez vérifier.",
                              "Lisez-le vous-mêmes avant de vous faire une idée."};
const Pool kShareComments = {"À lire absolument 👇", "Tout est dit.", "Partagez !", "À méditer", "👇👇👇"};

Article Post(const std::string& text) { return {"", text}; }

}  // namespace

Article Operation(Rng& rng, const Slots& s, Tone tone, bool long_form) {
  const SlotValues v = DrawSlots(rng, s, Lang::kFr);
  const Pool& leads = tone == Tone::kFavor ? kPraiseLeads : tone == Tone::kAgainst ? kAttackLeads : kMixedLeads;
  const Pool& follows = tone == Tone::kFavor ? kPraiseFollows : tone == Tone::kAgainst ? kAttackFollows : kMixedFollows;
  return Post(FillSlots(rng.Pick(leads) + " " + Sentences(rng, follows, long_form ? 3 : 1, " "), v));
}

Article RoutineBrief(Rng& rng, const Slots& s, const ElectionEvent* event) {
  const Pool* pool = &kBriefs.For(event);
  return Post(FillSlots(rng.Pick(*pool), DrawSlots(rng, s, Lang::kFr)));
}

Article StateNews(Rng& rng, Sponsor sponsor) {
  const std::string& line = rng.Pick(sponsor == Sponsor::kChina ? kChinaNews : kRussiaNews);
  return Post(examplegen::Fill(line, {{"n", std::to_string(rng.UniformInt(3, 60))}}));
}

Article OutletReport(Rng& rng, const Slots& s, const ElectionEvent* event) {
  const Pool& pool = event ? kOutletEventReports[static_cast<size_t>(event->kind)] : kOutletReports;
  return Post(FillSlots(rng.Pick(pool), DrawSlots(rng, s, Lang::kFr)));
}

Article UserOpinion(Rng& rng, const Slots& s) {
  return Post(FillSlots(rng.Pick(kUserOpinions), DrawSlots(rng, s, Lang::kFr)));
}

Article Commentary(Rng& rng, const Slots& s) {
  const SlotValues v = DrawSlots(rng, s, Lang::kFr);
  return Post(FillSlots(rng.Pick(kCommentaryLeads) + " " + Sentences(rng, kCommentaryBody, 2, " "), v));
}

std::string ShareComment(Rng& rng) { return rng.Pick(kShareComments); }

}  // namespace vigil::scenarios::fr
