// English phrase banks: operations' posts, state media's briefs and ordinary news, outlets' reports, users'
// opinions, commentators' threads and community notices, for any candidate of any country.
#include "scenarios/text_slots.h"

namespace vigil::scenarios::en {
namespace {

using Pool = std::vector<std::string>;
using examplegen::Sentences;

// ---- Operations ----
const Pool kPraiseLeads = {
    "{N} is the only one talking sense on {issue}.",
    "Finally a leader who puts {C} first. {N} gets it.",
    "{N} nailed it tonight. Calm, serious, ready to lead.",
    "Say what you want, {N} has real experience on {issue}.",
    "{N}'s plan on {issue} is the most realistic one on the table.",
    "Proud to see {N} stand up to outside pressure.",
    "{N} is exactly what {C} needs right now: steady hands.",
    "Polls are moving and it's no surprise. People trust {N}.",
    "{N} brought the room to its feet in {city} today.",
    "Whatever the critics say, {N} delivers.",
    "Listened to {N} in {city}. Honest, clear, and right about {issue}.",
    "{N} is the most competent candidate in this race, full stop.",
};
const Pool kPraiseFollows = {
    "Voters are noticing.",
    "This is leadership.",
    "Share if you agree.",
    "The contrast with the others could not be clearer.",
    "Real solutions, not slogans.",
    "{He} actually listens to people.",
    "Good to see someone serious for once.",
    "{C} deserves this.",
};
const Pool kAttackLeads = {
    "{N} has no real plan for {issue}. None.",
    "Why is nobody asking where {N}'s money comes from?",
    "{N} said one thing in {city} and the opposite a week later.",
    "{N} is a career politician who has never understood working families.",
    "Another broken promise from {N}. How many more?",
    "{N}'s record on {issue} is a disaster and everyone knows it.",
    "Is {N} really fit to lead {C}? {His} own record says no.",
    "{N} is lying about {issue} and the media lets it slide.",
    "{N} cares about donors, not voters.",
    "Under {N}, {issue} would only get worse.",
    "{N} is dividing {C} for votes.",
    "The more you learn about {N}, the worse it gets.",
};
const Pool kAttackFollows = {
    "Don't be fooled.",
    "Wake up, {C}.",
    "Ask yourself who benefits.",
    "Share this before it gets buried.",
    "This should end {his} campaign.",
    "Remember this when you vote.",
    "Shameful.",
    "We deserve better.",
};
const Pool kMixedLeads = {
    "{N} had a good night on {issue} but dodged every question on the budget.",
    "Mixed feelings about {N}: strong on {issue}, weak on everything else.",
    "{N} says the right things. Whether {he} delivers is another question.",
    "{N}'s new plan on {issue}: some good ideas, a lot of vagueness.",
    "Hard to read {N}. Sometimes impressive, sometimes evasive.",
    "{N} won the room in {city}, then lost it on {issue}.",
};
const Pool kMixedFollows = {"Time will tell.", "Still undecided.", "We'll see.", "Not convinced either way."};
const Pool kHashtags = {"", "", "#elxn", "#vote", "#politics", "#debate"};

// ---- State media: briefs ----
const Pool kLeadershipBriefs = {"{N} wins {P} leadership race in {C}", "{C}: {N} elected leader of the {P} party"};
const Pool kPolicyBriefs = {"{C}: {N} unveils {P} platform focused on {issue}",
                            "{N} outlines {issue} plan ahead of vote"};
const Pool kCalledBriefs = {"{C} to hold {E}; {N} among candidates", "{C} calls {E} as {N} launches campaign"};
const Pool kDebateBriefs = {"{C}: {N} and rivals face off in televised debate",
                            "Candidates including {N} debate {issue} in {C}"};
const Pool kElectionDayBriefs = {"Voters in {C} head to the polls; {N} casts ballot in {city}", "{C} votes in {E}"};
const Pool kOrdinaryBriefs = {"{N} visits {city} ahead of {E}", "{C}: {N} comments on {issue}",
                              "Polls tighten in {C} as {N} campaigns in {city}"};
const PerEvent<Pool> kBriefs{kOrdinaryBriefs, kLeadershipBriefs, kPolicyBriefs, kCalledBriefs, kDebateBriefs,
                            kElectionDayBriefs};

// ---- State media: ordinary news ----
const Pool kChinaNews = {
    "China's Shenzhou crew returns safely to Earth after six months in orbit",
    "Xi Jinping meets visiting president in Beijing, calls for deeper cooperation",
    "China's foreign trade up {n} percent in first quarter",
    "Chinese scientists report breakthrough in quantum communication",
    "Harbin Ice Festival draws record crowds",
    "New high-speed rail line opens between Chengdu and Chongqing",
    "Spring planting in full swing across China's major grain regions",
    "China-Europe freight trains complete {n},000th trip this year",
    "Giant panda twins born at Chengdu research base",
    "Shanghai hosts international import expo with exhibitors from {n} countries",
    "Chinese electric vehicle exports keep climbing",
    "Hangzhou unveils plan to expand metro network",
};
const Pool kRussiaNews = {
    "St Petersburg forum opens with delegations from {n} countries",
    "Russia's grain harvest on track for a record year",
    "BRICS ministers meet in Kazan to discuss trade settlement",
    "Moscow metro opens {n} new stations",
    "Arctic shipping route sees record cargo volumes",
    "Russian scientists complete Antarctic ice core drilling",
    "Lake Baikal tourism season opens early",
    "Sochi hosts international youth festival",
};

// ---- Independent outlets ----
const Pool kOutletReports = {
    "{N} promises action on {issue} if elected",
    "{N} campaigns in {city} as polls tighten",
    "Live: {N} speaks to supporters in {city}",
    "Analysis: what {N}'s platform means for your household budget",
    "{N} faces questions on {issue} during stop in {city}",
    "Fact check: {N}'s claim on {issue}",
    "{N} to hold town hall in {city} on Thursday",
    "Where {N} stands on {issue}",
};
const Pool kOutletEventReports[] = {
    {"{N} wins {P} leadership", "Live updates: {N} elected {P} leader", "What {N}'s leadership win means for the race"},
    {"{N} unveils {P} platform", "{N}'s platform: the key promises on {issue}",
     "Analysis: the costs in {N}'s platform"},
    {"It's official: {C} heads to the polls", "Campaign begins: {N} makes first stop in {city}",
     "Election called: what to watch as {N} and rivals hit the road"},
    {"Debate night: {N} and rivals clash on {issue}", "Who won the debate? {N} under fire on {issue}",
     "Debate fact check: {N} on {issue}"},
    {"Election day: polls open across {C}", "Live results: {N} watches returns in {city}",
     "Election day: {N} casts ballot in {city}"},
};

// ---- Users and commentators ----
const Pool kUserOpinions = {
    "Honestly {N}'s answer on {issue} was weak.",
    "Watched the {N} presser. Solid on {issue} for once.",
    "Anyone else think {N} dodged the question on {issue}?",
    "Not sold on {N} yet, but the other options aren't great either.",
    "{N} in {city} today, the line to get in went around the block",
    "My riding is a toss-up this time. {N} needs to show up here.",
    "Say what you want about {N}, at least the plan on {issue} has numbers in it.",
    "Debate night. {N} vs everyone. Snacks ready.",
    "Can we talk about {issue} instead of slogans? Looking at you, {N}.",
};
const Pool kCommentaryLeads = {
    "Thread: I went through {N}'s {issue} plan line by line. Here's what I found.",
    "I've covered politics in {C} for twenty years. I've never seen a campaign like {N}'s.",
    "Unpopular opinion: {N} is right about {issue}, and {his} critics know it.",
    "Everyone is talking about {N}'s {issue} numbers. Almost nobody has read them.",
};
const Pool kCommentaryBody = {
    "The costing assumes growth nobody else forecasts.",
    "To be fair, the other parties' plans have the same hole.",
    "The part on {issue} is better than the headlines suggest.",
    "I'll post the spreadsheet tomorrow so you can check my work.",
    "None of this is a reason to vote for or against anyone. Read it yourself.",
    "{N}'s team did not answer my questions before publication.",
};

// ---- Everyday posts ----
const Pool kNotices = {
    "Weekend market this Saturday in {city}, bring your own bags",
    "Road closure on Main Street in {city} from Monday, plan ahead",
    "Community centre in {city} is hiring lifeguards for the summer",
    "Free tax clinic at the {city} library next week",
    "Lost dog near the {city} park, brown lab, answers to Max",
    "Food bank in {city} needs volunteers this weekend",
};
const Pool kShareComments = {
    "Must read 👇",     "This.", "Everyone needs to see this", "Read it and decide for yourself",
    "Worth your time", "👇👇👇",   "Bookmarking this",           "Spread the word"};

// A post without a title; a sentence opening with a slot ("the United Kingdom: ...") gets its capital.
Article Post(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return {"", std::move(text)};
}

}  // namespace

Article Operation(Rng& rng, const Slots& s, Tone tone, bool long_form) {
  const SlotValues v = DrawSlots(rng, s, Lang::kEn);
  const Pool& leads = tone == Tone::kFavor ? kPraiseLeads : tone == Tone::kAgainst ? kAttackLeads : kMixedLeads;
  const Pool& follows = tone == Tone::kFavor ? kPraiseFollows : tone == Tone::kAgainst ? kAttackFollows : kMixedFollows;
  std::string text = rng.Pick(leads) + " " + Sentences(rng, follows, long_form ? 3 : 1, " ");
  const std::string& tag = rng.Pick(kHashtags);
  if (!tag.empty()) text += " " + tag;
  return Post(FillSlots(text, v));
}

Article RoutineBrief(Rng& rng, const Slots& s, const ElectionEvent* event) {
  const SlotValues v = DrawSlots(rng, s, Lang::kEn);
  const Pool* pool = &kBriefs.For(event);
  return Post(FillSlots(rng.Pick(*pool), v));
}

Article StateNews(Rng& rng, Sponsor sponsor) {
  const std::string& line = rng.Pick(sponsor == Sponsor::kChina ? kChinaNews : kRussiaNews);
  return Post(examplegen::Fill(line, {{"n", std::to_string(rng.UniformInt(3, 60))}}));
}

Article OutletReport(Rng& rng, const Slots& s, const ElectionEvent* event) {
  const SlotValues v = DrawSlots(rng, s, Lang::kEn);
  const Pool& pool = event ? kOutletEventReports[static_cast<size_t>(event->kind)] : kOutletReports;
  return Post(FillSlots(rng.Pick(pool), v));
}

Article UserOpinion(Rng& rng, const Slots& s) {
  return Post(FillSlots(rng.Pick(kUserOpinions), DrawSlots(rng, s, Lang::kEn)));
}

Article Commentary(Rng& rng, const Slots& s) {
  const SlotValues v = DrawSlots(rng, s, Lang::kEn);
  return Post(FillSlots(rng.Pick(kCommentaryLeads) + " " + Sentences(rng, kCommentaryBody, 3, " "), v));
}

Article Notice(Rng& rng, const Country& country) {
  return Post(examplegen::Fill(rng.Pick(kNotices), {{"city", rng.Pick(country.cities_en)}}));
}

std::string ShareComment(Rng& rng) { return rng.Pick(kShareComments); }

}  // namespace vigil::scenarios::en
