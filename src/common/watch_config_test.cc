#include <gtest/gtest.h>

#include "vigil/watch_config.h"

namespace vigil {
namespace {

constexpr char kValid[] = R"(
targets:
  - id: carney
    name: Mark Carney
    party: Liberal
    aliases: [Carney, 卡尼, 马克·卡尼, 馬克·卡尼]
actors:
  - platform: wechat
    account_id: youli-youmian
    name: 有理儿有面
    affiliation: state-linked
    country: CN
peer_groups:
  - id: cn-state-media
    members: ["wechat:peoples-daily", {platform: wechat, account_id: xinhua}]
events:
  - {date: 2025-03-23, label: Election called}
  - {date: 2025-03-09, label: Carney wins Liberal leadership, target: carney}
)";

TEST(WatchConfig, ParsesEverySection) {
  auto config = ParseWatchConfig(kValid, "watch.yaml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  ASSERT_EQ(config->targets.size(), 1u);
  EXPECT_EQ(config->targets[0].aliases.front(), "Mark Carney");  // name added as an alias
  EXPECT_EQ(config->targets[0].aliases.size(), 5u);
  ASSERT_NE(config->FindActor("wechat", "youli-youmian"), nullptr);
  EXPECT_TRUE(config->FindActor("wechat", "youli-youmian")->IsStateAffiliated());
  EXPECT_EQ(config->peer_groups[0].members[1], (AccountRef{"wechat", "xinhua"}));
  EXPECT_EQ(config->events[0].label, "Carney wins Liberal leadership");  // sorted by date
  EXPECT_EQ(config->events[1].target_id, "");
}

TEST(WatchConfig, RefusesBadConfigurationWithLineAndField) {
  auto missing = ParseWatchConfig("targets:\n  - id: x\n", "w.yaml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("targets[0].name: missing"), std::string::npos)
      << missing.status().message();

  auto bad_date = ParseWatchConfig(
      "targets: [{id: a, name: A}]\nevents:\n  - {date: 2025-13-01, label: x}\n", "w.yaml");
  ASSERT_FALSE(bad_date.ok());
  EXPECT_NE(bad_date.status().message().find("w.yaml:3: events[0].date"), std::string::npos)
      << bad_date.status().message();

  auto bad_affiliation = ParseWatchConfig(
      "targets: [{id: a, name: A}]\nactors: [{platform: x, account_id: y, name: z, affiliation: spy}]\n", "w.yaml");
  ASSERT_FALSE(bad_affiliation.ok());
  EXPECT_NE(bad_affiliation.status().message().find("actors[0].affiliation"), std::string::npos);

  EXPECT_FALSE(ParseWatchConfig("targets: [", "w.yaml").ok());
  EXPECT_FALSE(ParseWatchConfig("targets: []", "w.yaml").ok());
  EXPECT_FALSE(ParseWatchConfig("targets: [{id: a, name: A}]\nevents: [{date: 2025-01-01, label: x, target: b}]",
                                "w.yaml").ok());
}

TEST(WatchConfig, TargetAccountsNameTheTargetsOwnPages) {
  auto config = ParseWatchConfig(
      "targets:\n"
      "  - id: chong\n"
      "    name: Michael Chong\n"
      "    accounts: [\"x:MichaelChongMP\", {platform: facebook, account_id: '100044'}]\n"
      "  - {id: poilievre, name: Pierre Poilievre}\n",
      "w.yaml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  ASSERT_EQ(config->target_accounts.size(), 2u);
  EXPECT_EQ(config->target_accounts[1], (TargetAccount{"chong", {"facebook", "100044"}}));
  EXPECT_EQ(config->FindTargetOfAccount("x", "MichaelChongMP"), 0);
  EXPECT_EQ(config->FindTargetOfAccount("facebook", "MichaelChongMP"), -1);
}

TEST(WatchConfig, RefusesBadTargetAccountsWithLineAndField) {
  const std::pair<const char*, const char*> cases[] = {
      {"targets:\n  - id: a\n    name: A\n    accounts: x:handle\n", "w.yaml:4: targets[0].accounts: must be a list"},
      {"targets:\n  - id: a\n    name: A\n    accounts: [handle]\n",
       "w.yaml:4: targets[0].accounts[0]: must be 'platform:account_id'"},
      {"targets:\n  - id: a\n    name: A\n    accounts: [\"x:h\", \"x:h\"]\n",
       "w.yaml:4: targets[0].accounts[1]: duplicate account x:h"},
      {"targets:\n  - {id: a, name: A, accounts: [\"x:h\"]}\n  - {id: b, name: B, accounts: [\"x:h\"]}\n",
       "w.yaml:3: targets[1].accounts[0]: x:h is already an account of target 'a'"},
      {"targets:\n  - id: a\n    name: A\n    accounts: [{platform: x}]\n",
       "targets[0].accounts[0].account_id: missing"},
  };
  for (const auto& [yaml, expected] : cases) {
    auto config = ParseWatchConfig(yaml, "w.yaml");
    ASSERT_FALSE(config.ok()) << yaml;
    EXPECT_NE(config.status().message().find(expected), std::string::npos) << config.status().message();
  }
}

TEST(WatchConfig, RefusesAnUnknownKeyWithItsLineAndTheNearestKnownOne) {
  auto typo = ParseWatchConfig("targets:\n  - id: carney\n    name: Mark Carney\n    alias: [Carney]\n", "w.yaml");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("w.yaml:4: targets[0].alias: unknown key; did you mean 'aliases'?"),
            std::string::npos)
      << typo.status().message();

  auto top = ParseWatchConfig("targets: [{id: a, name: A}]\npeers: []\n", "w.yaml");
  ASSERT_FALSE(top.ok());
  EXPECT_NE(top.status().message().find("w.yaml:2: peers: unknown key; did you mean 'peer_groups'?"),
            std::string::npos)
      << top.status().message();

  for (const char* yaml :
       {"targets: [{id: a, name: A}]\nactors: [{platform: x, account_id: y, name: z, afiliation: state-media}]\n",
        "targets: [{id: a, name: A}]\nevents: [{date: 2025-01-01, label: x, targets: a}]\n",
        "targets: [{id: a, name: A}]\npeer_groups: [{id: g, members: [{platform: x, acount_id: y}]}]\n"}) {
    EXPECT_FALSE(ParseWatchConfig(yaml, "w.yaml").ok()) << yaml;
  }
}

TEST(WatchConfig, ALineStartingWithACommaIsRefusedNotLeftToHangTheParser) {
  // yaml-cpp 0.7 loops forever on these (found by fuzzing, corpus watch_config/crash-yaml-cpp-comma-hang).
  for (const char* yaml : {",\x1fnot a ma\xf9\n", ",", "- a\n,\n", "---\n,\n", "# c\n ,\n"}) {
    auto refused = ParseWatchConfig(yaml, "w.yaml");
    ASSERT_FALSE(refused.ok()) << yaml;
    EXPECT_NE(refused.status().message().find("a ',' cannot begin a line"), std::string::npos)
        << refused.status().message();
  }
  // Inside a flow collection a line may begin with a comma.
  EXPECT_TRUE(ParseWatchConfig("targets: [{id: a, name: A}\n  , {id: b, name: B}]\n", "w.yaml").ok());
  EXPECT_TRUE(ParseWatchConfig("targets: [{id: a, name: \"x[\"}]\n", "w.yaml").ok());
}

TEST(WatchConfig, RefusesASecondYamlDocument) {
  auto two = ParseWatchConfig("targets: [{id: a, name: A}]\n---\ntargets: [{id: b, name: B}]\n", "w.yaml");
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().message().find("w.yaml:3"), std::string::npos) << two.status().message();
  EXPECT_NE(two.status().message().find("second YAML document"), std::string::npos) << two.status().message();
}

TEST(WatchConfig, RefusesAliasesThatCannotBeMatched) {
  const std::string huge(1 << 20, 'a');
  auto too_long = ParseWatchConfig("targets: [{id: a, name: A, aliases: [" + huge + "]}]\n", "w.yaml");
  ASSERT_FALSE(too_long.ok());
  EXPECT_NE(too_long.status().message().find("targets[0].aliases[0]"), std::string::npos)
      << too_long.status().message().substr(0, 200);
  EXPECT_LT(too_long.status().message().size(), 500u) << "the message does not repeat the alias";

  // U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER, U+FEFF: nothing a text could contain visibly.
  auto invisible = ParseWatchConfig("targets: [{id: a, name: A, aliases: [\"\u200b\u200d\ufeff\"]}]\n", "w.yaml");
  ASSERT_FALSE(invisible.ok());
  EXPECT_NE(invisible.status().message().find("no visible character"), std::string::npos)
      << invisible.status().message();

  auto invisible_name = ParseWatchConfig("targets: [{id: a, name: \"\u200b \u200b\"}]\n", "w.yaml");
  EXPECT_FALSE(invisible_name.ok());

  EXPECT_TRUE(ParseWatchConfig("targets: [{id: a, name: A, aliases: [\"马克\u200b卡尼\"]}]\n", "w.yaml").ok());
}

}  // namespace
}  // namespace vigil
