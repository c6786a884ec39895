// `vigil text` as a user runs it: JSON Lines and CSV in, one JSON line per text out, targets per record
// or from --target, derived aliases, the unnamed-target reading, refused records kept whole, exit codes.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"

namespace vigil {
namespace {

using nlohmann::json;
using testutil::RunProcess;

std::vector<json> Lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

TEST(CliText, JsonLinesWithTargetsPerRecordAndDefault) {
  const std::string dir = testutil::MakeTempDir("cli-text");
  std::ofstream(dir + "/in.jsonl")
      << R"({"id":"t1","text":"据报道，马斯克今天访问了柏林工厂。","target":"埃隆·马斯克|Elon Musk"})" << "\n"
      << R"({"id":"t2","text":"不要歧视河南人，河南人许多还是很纯朴的。","target":["河南人"]})" << "\n"
      << R"({"id":"t3","text":"Carney is a great leader.","lang":"en"})" << "\n"
      << R"({"id":"t4","text":"该项目已停止维护，存在漏洞，真的不建议使用。","target":"RCX"})" << "\n";
  const auto r = RunProcess({VIGIL_BINARY, "text", dir + "/in.jsonl", "--target", "Mark Carney|Carney",
                             "--model-dir", dir + "/no-models"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("attack score unavailable"), std::string::npos) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 4u);
  // t1: the surname derived from the full name is found, marked derived; reported news reads neutral.
  EXPECT_EQ(lines[0]["id"], "t1");
  EXPECT_EQ(lines[0]["lang"], "zh");
  ASSERT_EQ(lines[0]["mentions"].size(), 1u);
  EXPECT_EQ(lines[0]["mentions"][0]["alias"], "马斯克");
  EXPECT_TRUE(lines[0]["mentions"][0]["derived"].get<bool>());
  EXPECT_TRUE(lines[0]["attack"].is_null());
  EXPECT_EQ(lines[0]["stances"][0]["stance"], "neutral");
  // t2: a defence of the group, with the sentence it rests on.
  EXPECT_EQ(lines[1]["stances"][0]["target"], "河南人");
  EXPECT_EQ(lines[1]["stances"][0]["stance"], "favor");
  EXPECT_TRUE(lines[1]["stances"][0]["named"].get<bool>());
  EXPECT_FALSE(lines[1]["stances"][0]["basis"].get<std::string>().empty());
  // t3: --target applies to a record without one.
  EXPECT_EQ(lines[2]["lang"], "en");
  EXPECT_EQ(lines[2]["stances"][0]["target"], "Mark Carney");
  EXPECT_EQ(lines[2]["stances"][0]["stance"], "favor");
  // t4: the target is not named: the whole text's stance.
  EXPECT_FALSE(lines[3]["stances"][0]["named"].get<bool>());
  EXPECT_EQ(lines[3]["stances"][0]["stance"], "against");
}

TEST(CliText, CsvAndRefusedRecordsKeptWhole) {
  const std::string dir = testutil::MakeTempDir("cli-text");
  std::ofstream(dir + "/in.csv") << "id,text,target\n"
                                 << "c1,\"卡尼非常无能，令人失望。\",卡尼\n"
                                 << "c2,,卡尼\n"
                                 << "c3,\"卡尼今天抵达渥太华。\",\n";
  const auto r = RunProcess({VIGIL_BINARY, "text", dir + "/in.csv", "--rejects", dir + "/rejects.csv", "--model-dir",
                             dir + "/no-models", "-o", dir + "/out.jsonl"});
  EXPECT_EQ(r.exit_code, 4) << r.err;  // done, but records were refused
  EXPECT_NE(r.err.find("in.csv:3: text: missing or empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in.csv:4: target: no usable target"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 texts read, 1 written, 2 rejected"), std::string::npos) << r.err;
  const auto lines = Lines(testutil::ReadFile(dir + "/out.jsonl"));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], "c1");
  EXPECT_EQ(lines[0]["stances"][0]["stance"], "against");
  const std::string rejects = testutil::ReadFile(dir + "/rejects.csv");
  EXPECT_NE(rejects.find("c2"), std::string::npos);
  EXPECT_NE(rejects.find("卡尼今天抵达渥太华"), std::string::npos);
}

TEST(CliText, NotJsonIsRefusedAndOutputNeverOverwritesInput) {
  const std::string dir = testutil::MakeTempDir("cli-text");
  std::ofstream(dir + "/in.jsonl") << "{not json\n" << R"({"text":"卡尼成功了！","target":"卡尼"})" << "\n";
  const auto bad = RunProcess({VIGIL_BINARY, "text", dir + "/in.jsonl", "--model-dir", dir + "/none"});
  EXPECT_EQ(bad.exit_code, 4);
  EXPECT_NE(bad.err.find("in.jsonl:1: not a JSON object"), std::string::npos) << bad.err;
  EXPECT_EQ(Lines(bad.out).size(), 1u);
  const auto same = RunProcess({VIGIL_BINARY, "text", dir + "/in.jsonl", "-o", dir + "/in.jsonl"});
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(testutil::ReadFile(dir + "/in.jsonl").find("{not json"), std::string::npos);
}

}  // namespace
}  // namespace vigil
