// English and French phrase pools: Canadian outlets and ordinary users on X, Facebook and Telegram.
#include "examplegen/phrases.h"

namespace vigil::examplegen {
namespace {

using Pool = std::vector<std::string>;

struct Person {
  const char* id;
  Pool full;   // full names
  Pool short_;  // surnames as people write them
};

const std::vector<Person>& People() {
  static const std::vector<Person> kPeople = {
      {"carney", {"Mark Carney"}, {"Carney"}},
      {"poilievre", {"Pierre Poilievre"}, {"Poilievre", "PP"}},
      {"singh", {"Jagmeet Singh"}, {"Singh", "Jagmeet"}},
      {"trudeau", {"Justin Trudeau"}, {"Trudeau", "JT"}},
      {"freeland", {"Chrystia Freeland"}, {"Freeland"}},
      {"chong", {"Michael Chong"}, {"Chong", "MP Chong"}},
  };
  return kPeople;
}

const Person& PersonFor(std::string_view id) {
  for (const Person& p : People()) {
    if (id == p.id) return p;
  }
  return People().front();
}

const Pool kCitiesEn = {"Toronto", "Vancouver", "Ottawa", "Calgary", "Halifax", "Winnipeg", "Brampton",
                        "Markham", "Richmond", "Edmonton", "Saskatoon", "London, Ont."};
const Pool kCitiesFr = {"Montréal", "Québec", "Laval", "Gatineau", "Sherbrooke", "Trois-Rivières", "Longueuil"};

const Pool kOutletEn = {
    "{full} promises to {promise} if elected",
    "{full} campaigns in {city} as polls tighten",
    "{short} says Canada will respond to U.S. tariffs dollar for dollar",
    "Live: {full} speaks to supporters in {city}",
    "{full} unveils plan to {promise}",
    "Analysis: what {short}'s platform means for your household budget",
    "{full} faces questions on {issue} during stop in {city}",
    "Fact check: {short}'s claim on {issue}",
    "{short} to hold town hall in {city} on Thursday",
};
const Pool kPromises = {"build 500,000 homes a year", "cut the lowest income tax rate", "scrap the consumer carbon tax",
                        "expand dental care", "boost defence spending", "remove interprovincial trade barriers",
                        "lower grocery prices", "hire more doctors and nurses"};
const Pool kIssues = {"housing", "tariffs", "the deficit", "crime", "health care", "immigration", "climate policy",
                      "foreign interference"};
const Pool kUserEn = {
    "Honestly {short}'s answer on {issue} was weak.",
    "Watched the {short} presser. Solid on {issue} for once.",
    "Anyone else think {short} dodged the question on {issue}?",
    "Not sold on {short} yet, but the other options aren't great either.",
    "{short} in {city} today, the line to get in went around the block",
    "My riding is a toss-up this time. {short} needs to show up here.",
    "Say what you want about {short}, at least the plan on {issue} has numbers in it.",
    "Debate night. {short} vs everyone. Snacks ready.",
    "Can we talk about {issue} instead of slogans? Looking at you, {short}.",
};
const Pool kOutletFr = {
    "{full} promet {promesse} s'il est élu",
    "{full} en campagne à {ville}",
    "Sondage : {short} gagne du terrain au Québec",
    "{short} répond aux droits de douane américains",
    "En direct : {full} s'adresse à ses partisans à {ville}",
    "Ce que propose {short} pour {enjeu}",
};
const Pool kPromessesFr = {"de baisser les impôts de la classe moyenne", "de construire davantage de logements",
                           "de protéger la gestion de l'offre", "d'abolir la taxe carbone",
                           "de renforcer les soins dentaires", "de répondre fermement aux droits de douane"};
const Pool kEnjeuxFr = {"le logement", "la santé", "l'immigration", "l'environnement", "le commerce", "l'économie"};
const Pool kUserFr = {
    "Franchement, {short} n'a pas convaincu ce soir sur {enjeu}.",
    "{short} à {ville} aujourd'hui, belle foule !",
    "Je ne sais toujours pas pour qui voter. {short} ? Peut-être.",
    "Le débat en français : {short} plus à l'aise que prévu.",
};
const Pool kAmbiguousEn = {
    "Carney with a brace as Rovers beat Harbour City 3-1 at home",
    "What a finish from Dan Carney in stoppage time. Rovers top of the table!",
    "Roadworks on Carney Road from Monday, expect delays near the school",
    "Trivia night at Carney's Pub, our team came second again",
    "Carney Street bridge reopens after repairs",
    "Sophie Carney's new mystery novel is a page-turner, finished it in one sitting",
};
// Carney before he entered the Liberal leadership race (December 2024 to 15 January 2025).
const Pool kPreRunEn = {
    "Mark Carney says he is seriously considering a run for the Liberal leadership",
    "Is Mark Carney about to jump in? Liberal insiders say a decision is days away",
    "Carney for leader? Former central banker's name keeps coming up",
    "If Carney runs, the Liberal race gets interesting fast",
};
const Pool kPreRunFr = {
    "« Mark Carney réfléchit sérieusement à se lancer dans la course à la direction libérale »",
    "Carney candidat ? L'ancien gouverneur de la Banque du Canada entretient le suspense",
};

const Pool kChatterEn = {
    "Snow again. It's April. Why.",
    "Best butter tarts in town are at the market on Saturdays, fight me",
    "Leafs fans, it's happening this year. Probably.",
    "Transit delays on Line 1 again this morning",
    "Finally finished my taxes. Celebrating with poutine.",
    "Anyone know a good mechanic in the east end?",
    "Maple syrup season is the best season",
    "Power's out on our street, hydro says two hours",
};
const Pool kChatterFr = {
    "Encore de la neige en avril, sérieusement ?",
    "Meilleure poutine de la ville, je ne discute pas.",
    "Les Canadiens ont bien joué hier soir !",
    "Cabane à sucre ce week-end avec la famille.",
};

std::string FillPerson(Rng& rng, std::string_view tmpl, const Person& person) {
  return Fill(tmpl, {{"full", rng.Pick(person.full)},
                     {"short", rng.Pick(person.short_)},
                     {"promise", rng.Pick(kPromises)},
                     {"issue", rng.Pick(kIssues)},
                     {"city", rng.Pick(kCitiesEn)},
                     {"promesse", rng.Pick(kPromessesFr)},
                     {"enjeu", rng.Pick(kEnjeuxFr)},
                     {"ville", rng.Pick(kCitiesFr)}});
}

}  // namespace

ShortPost OutletPost(Rng& rng, std::string_view target_id, bool french) {
  if (target_id == "carney-prerun") return french ? ShortPost{rng.Pick(kPreRunFr), "fr"} : ShortPost{rng.Pick(kPreRunEn), "en"};
  const Person& person = PersonFor(target_id);
  if (french) return {"« " + FillPerson(rng, rng.Pick(kOutletFr), person) + " »", "fr"};
  return {FillPerson(rng, rng.Pick(kOutletEn), person), "en"};
}

ShortPost UserPost(Rng& rng, std::string_view target_id, bool french) {
  if (target_id == "carney-prerun") return french ? ShortPost{rng.Pick(kPreRunFr), "fr"} : ShortPost{rng.Pick(kPreRunEn), "en"};
  const Person& person = PersonFor(target_id);
  if (french) return {FillPerson(rng, rng.Pick(kUserFr), person), "fr"};
  return {FillPerson(rng, rng.Pick(kUserEn), person), "en"};
}

ShortPost AmbiguousCarneyPost(Rng& rng) { return {rng.Pick(kAmbiguousEn), "en"}; }

ShortPost ChatterPost(Rng& rng, bool french) {
  return french ? ShortPost{rng.Pick(kChatterFr), "fr"} : ShortPost{rng.Pick(kChatterEn), "en"};
}

}  // namespace vigil::examplegen
