// Texts of replies and comments on watched targets' own pages, in English and French: the targets' own
// campaign posts, ordinary users' replies, fans' praise, and the one accusation a reply-spam network repeats
// with light variations.
#pragma once

#include <string>

#include "scenarios/candidates.h"
#include "scenarios/texts.h"
#include "scenarios/world.h"

namespace vigil::scenarios {

// The accusation a network repeats: whom it accuses of what, in both languages.
struct Accusation {
  std::string accused;  // an invented critic of the sponsoring state
  std::string charge_en, charge_fr;
  std::string Summary() const;  // "<accused> <charge_en>"
};
Accusation DrawAccusation(Rng& rng);

// A target's own post on its page: campaign stops, thanks, policy lines.
std::string OwnPost(Rng& rng, const Candidate& target, Lang lang);
// An ordinary user's reply to a target's post: agreement, disagreement or a question, in many wordings.
std::string OrganicReply(Rng& rng, const Candidate& target, Lang lang);
// A fan's warm reply to their MP's post, in many wordings.
std::string FanReply(Rng& rng, const Candidate& target, Lang lang);
// A fan's comment with a shared news link about their MP.
std::string FanShare(Rng& rng, const Candidate& target, Lang lang);
// An ordinary account's everyday post (weather, outings, food, sport), in English, in many wordings.
std::string EverydayPost(Rng& rng);
// A reply-spam comment: the accusation with an opener and a closer drawn from short lists, sometimes
// addressed to the page's owner.
std::string SpamComment(Rng& rng, const Accusation& accusation, const Candidate& target, Lang lang);

}  // namespace vigil::scenarios
