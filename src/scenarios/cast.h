// The accounts scenarios cast: state media per sponsor and platform (the engagement baseline), operators,
// amplifier networks, independent outlets, commentators and ordinary users. Operators' and amplifiers' names
// are invented and drawn from the seed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "examplegen/accounts.h"
#include "scenarios/texts.h"

namespace vigil::scenarios {

using examplegen::Account;

// Platforms a sponsor's media and operators publish on.
const std::vector<std::string>& SponsorPlatforms(Sponsor sponsor);
// The sponsor's state-media accounts on `platform` (up to eight), modelled on real outlets.
std::vector<Account> StateMediaAccounts(Sponsor sponsor, const std::string& platform);
// The language state media write in on `platform` (Chinese on WeChat and Weibo, else English).
Lang StateMediaLang(const std::string& platform);

// A state-linked account posing as an independent commentator or news page.
Account OperatorAccount(Rng& rng, const std::string& platform, Lang lang);
// `count` small look-alike accounts on `platform` (a network's amplifiers), distinct from each other.
std::vector<Account> AmplifierAccounts(Rng& rng, const std::string& platform, size_t count, Lang lang);
// An independent outlet's account on `platform`.
Account OutletAccount(const Country::Outlet& outlet, const std::string& platform);
// A commentator with a following, on `platform`.
Account CommentatorAccount(Rng& rng, const std::string& platform, Lang lang);
// Ordinary user number `index` on `platform` (the same index gives the same account).
Account UserAccount(const std::string& platform, size_t index);

// "<platform>:<account_id>", as answer keys and watch.yaml name accounts.
std::string AccountKey(const Account& account);

}  // namespace vigil::scenarios
