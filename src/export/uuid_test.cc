// Tests for UUIDv5 and STIX id derivation.
#include "export/uuid.h"

#include <gtest/gtest.h>

namespace vigil::exporting {
namespace {

TEST(UuidTest, MatchesTheRfc4122DnsExample) {
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") == 886313e1-3b8a-5372-9b90-0c9aee199e5d
  const Uuid dns = ParseUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  EXPECT_EQ(FormatUuid(Uuid5(dns, "python.org")), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

TEST(UuidTest, ObservableIdsFollowTheStixNamespace) {
  // The STIX 2.1 specification's url example: {"value":"https://example.com/"} in namespace 00abedb4-...
  const std::string id = ObservableStixId("url", R"({"value":"https://example.com/"})");
  // Python's uuid.uuid5 gives be22e93a-5e33-5678-b19f-8b4ea06df0bd for the same namespace and name.
  EXPECT_EQ(id, "url--be22e93a-5e33-5678-b19f-8b4ea06df0bd");
  EXPECT_EQ(id, ObservableStixId("url", R"({"value":"https://example.com/"})"));
  EXPECT_NE(id, ObservableStixId("url", R"({"value":"https://example.org/"})"));
}

TEST(UuidTest, VigilIdsAreStableAndTyped) {
  const std::string a = VigilStixId("campaign", "incident|x");
  EXPECT_EQ(a, VigilStixId("campaign", "incident|x"));
  EXPECT_NE(a.substr(10), VigilStixId("identity", "incident|x").substr(10));
  EXPECT_EQ(a.rfind("campaign--", 0), 0u);
  EXPECT_EQ(a.size(), std::string("campaign--").size() + 36);
}

}  // namespace
}  // namespace vigil::exporting
