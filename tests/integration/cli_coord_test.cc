// `vigil coord` end to end: a malformed 4-column file gives per-row errors (file, line, field), a quarantine
// file and exit code 4 while the good rows are analysed; the sample data gives CooRTweet's counts and every
// export.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"

namespace vigil {
namespace {

TEST(CliCoord, MalformedRowsAreReportedQuarantinedAndTheRestAnalysed) {
  const std::string dir = testutil::MakeTempDir("cli_coord");
  const std::string input = dir + "/shares.csv";
  std::ofstream(input) << "object_id,account_id,content_id,timestamp_share\n"
                          "o1,a,c1,100\n"
                          "o1,b,c2,105\n"
                          "o2,a,c3,200\n"
                          "o2,b,c4,not-a-time\n"
                          "o2,,c5,201\n"
                          "o3,b\n"
                          "o2,b,c6,203\n";
  auto r = testutil::RunProcess({VIGIL_BINARY, "coord", input, "-o", dir + "/out"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find(input + ":5: timestamp_share: 'not-a-time'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(input + ":6: account_id: empty value"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(input + ":7: expected at least 4 fields, found 2"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("7 rows read, 3 rejected"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 coordinated pairs, 2 accounts, 1 edges"), std::string::npos) << r.out;
  const std::string quarantine = testutil::ReadFile(dir + "/out/rejected_rows.csv");
  EXPECT_NE(quarantine.find("o2,b,c4,not-a-time"), std::string::npos);
  for (const char* f : {"coord_pairs.csv", "network_edges.csv", "network_vertices.csv", "network.graphml", "network.gexf",
                        "communities.csv"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/out/" + f)) << f;
}

// Rejected rows that cannot be kept aside would vanish without a trace: the run fails, naming the file.
TEST(CliCoord, AQuarantineThatCannotBeWrittenFailsTheRun) {
  const std::string dir = testutil::MakeTempDir("cli_coord");
  const std::string input = dir + "/shares.csv";
  std::ofstream(input) << "object_id,account_id,content_id,timestamp_share\n"
                          "o1,a,c1,100\n"
                          "o1,b,c2,105\n"
                          "o2,b,c4,not-a-time\n";
  std::filesystem::create_directories(dir + "/out/rejected_rows.csv");  // a folder where the file must go
  auto r = testutil::RunProcess({VIGIL_BINARY, "coord", input, "-o", dir + "/out"});
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE(r.exit_code, 4) << "a partial-input success would hide the lost rows";
  EXPECT_NE(r.err.find(dir + "/out/rejected_rows.csv"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out/coord_pairs.csv"));
}

// One URL shared by 20,000 accounts within a minute once reached 19 GB: it is now one dense object, reported
// in the run summary and in dense_objects.csv, and costs its shares, not its 64 million pairs.
TEST(CliCoord, AnObjectSharedBy20000AccountsInAMinuteIsReportedAsOneClique) {
  const std::string dir = testutil::MakeTempDir("cli_coord");
  {
    std::ofstream out(dir + "/swarm.csv");
    out << "object_id,account_id,content_id,timestamp_share\n";
    for (int i = 0; i < 20000; ++i) out << "https://swarm.example/a,acc" << i << ",post" << i << "," << 1700000000 + i * 60 / 20000 << "\n";
  }
  auto r = testutil::RunProcess({VIGIL_BINARY, "coord", dir + "/swarm.csv", "-o", dir + "/out", "--min-participation", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 coordinated pairs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 dense objects (more than 1000000 in-window pairs each) reported as cliques"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("https://swarm.example/a shared by 20000 accounts within 59 s"), std::string::npos) << r.out;
  const std::string dense = testutil::ReadFile(dir + "/out/dense_objects.csv");
  EXPECT_EQ(dense.rfind("object_id,shares,accounts,first_share,last_share,span_seconds,window_pairs,account_ids\n"
                        "https://swarm.example/a,20000,20000,1700000000,1700000059,59,", 0),
            0u)
      << dense.substr(0, 300);
}

TEST(CliCoord, MissingColumnIsAUsageError) {
  const std::string dir = testutil::MakeTempDir("cli_coord");
  std::ofstream(dir + "/bad.csv") << "object_id,account_id,timestamp_share\no,a,1\n";
  auto r = testutil::RunProcess({VIGIL_BINARY, "coord", dir + "/bad.csv", "-o", dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("column 'content_id' missing"), std::string::npos) << r.err;
}

TEST(CliCoord, SampleDataGivesCooRTweetsCounts) {
  VIGIL_REQUIRE_SHARED_DATA("coortweet-sample/german_elections_urls.csv");
  const std::string dir = testutil::MakeTempDir("cli_coord");
  auto r = testutil::RunProcess({VIGIL_BINARY, "coord", testutil::SharedDataPath("coortweet-sample/german_elections_urls.csv"),
                                 "-o", dir, "--community", "components"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("4724 coordinated pairs, 283 accounts, 1041 edges (484 over the 0.5 quantile weight 3), 54 components"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace vigil
