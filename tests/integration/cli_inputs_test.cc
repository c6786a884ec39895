// Hostile and careless input, as a user meets it on the command line: outputs that name an input, full and
// read-only disks, damaged CSV, endless lines, a quarantine kept across runs. Every input is checked
// unchanged after the command.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"
#include "vigil/store.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using testutil::MakeTempDir;
using testutil::ProcessResult;
using testutil::ReadFile;
using testutil::RunProcess;

constexpr char kGoodPost[] =
    R"({"id":"1","platform":"x","account_id":"a","published_at":"2025-03-10T12:00:00Z","text":"Carney spoke"})";
constexpr char kBadPost[] = R"({"id":"2","platform":"x","account_id":"a","published_at":"yesterday"})";
constexpr char kWatch[] = "targets:\n  - id: carney\n    name: Mark Carney\n    aliases: [Carney]\n";

int64_t StoredPosts(const std::string& store_path) {
  auto store = OpenSqliteStore(store_path);
  if (!store.ok()) return -1;
  auto count = (*store)->CountPosts();
  return count.ok() ? *count : -1;
}

std::string WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// A store holding one post and a watch configuration for it, ready for `vigil analyze`.
struct SmallCase {
  std::string dir = MakeTempDir("cli_inputs");
  std::string posts = WriteFile(dir + "/posts.jsonl", std::string(kGoodPost) + "\n");
  std::string watch = WriteFile(dir + "/watch.yaml", kWatch);
  std::string store = dir + "/v.db";

  SmallCase() {
    const ProcessResult r = RunProcess({VIGIL_BINARY, "ingest", "--quiet", "--store", store, posts});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  std::vector<std::string> Analyze(const std::string& out) const {
    return {VIGIL_BINARY, "analyze", "--store", store, "--watch", watch, "--out", out, "--now", "2025-04-01T00:00:00Z"};
  }
};

// Runs a shell script as root of its own user and mount namespaces, where it can mount a small or
// read-only file system. nullopt when this machine allows no such namespace.
std::optional<ProcessResult> RunInMountNamespace(const std::string& script) {
  if (RunProcess({"/usr/bin/unshare", "-rm", "/bin/true"}).exit_code != 0) return std::nullopt;
  return RunProcess({"/usr/bin/unshare", "-rm", "/bin/sh", "-c", script});
}

std::string Quoted(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& a : argv) out += "'" + a + "' ";
  return out;
}

// AddressSanitizer reserves terabytes of address space for its shadow memory, so a process limit on memory
// cannot apply to a sanitized binary (the test binary and `vigil` are built alike).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

#define VIGIL_SKIP_UNDER_ADDRESS_SANITIZER() \
  if (kAddressSanitizer) GTEST_SKIP() << "a memory limit cannot apply under AddressSanitizer; the release run checks it"

#define VIGIL_REQUIRE_NAMESPACE(result)                                                       \
  if (!(result)) {                                                                            \
    if (testutil::InCi()) FAIL() << "unshare -rm is needed in CI";                            \
    GTEST_SKIP() << "this machine allows no user and mount namespaces (unshare -rm)";          \
  }

// --- 1. Outputs never touch inputs -------------------------------------------------------------------

TEST(CliOutputs, IngestRefusesAQuarantineThatIsOneOfItsInputsByAnyName) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string input = WriteFile(dir + "/posts.jsonl", std::string(kGoodPost) + "\n" + kBadPost + "\n");
  fs::create_symlink(input, dir + "/link.jsonl");
  fs::create_hard_link(input, dir + "/hard.jsonl");
  const std::string before = ReadFile(input);
  for (const std::string& quarantine : {input, dir + "/link.jsonl", dir + "/hard.jsonl"}) {
    const ProcessResult r =
        RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", "--quarantine", quarantine, input});
    EXPECT_EQ(r.exit_code, 2) << quarantine << "\n" << r.err;
    EXPECT_NE(r.err.find("is an input of this command"), std::string::npos) << r.err;
    EXPECT_EQ(ReadFile(input), before) << quarantine;
  }
  EXPECT_LE(StoredPosts(dir + "/v.db"), 0) << "refused before any work";
}

TEST(CliOutputs, IngestRefusesAQuarantineThatIsTheStore) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string input = WriteFile(dir + "/posts.jsonl", std::string(kGoodPost) + "\n" + kBadPost + "\n");
  ASSERT_EQ(RunProcess({VIGIL_BINARY, "ingest", "--quiet", "--store", dir + "/v.db", input}).exit_code, 4);
  const ProcessResult r =
      RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", "--quarantine", dir + "/v.db", input});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 1);
}

TEST(CliOutputs, ConvertRefusesAnOutputOrRejectsFileThatIsTheInput) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string input = testutil::SourcePath("tests/data/adapters/twitter_io_sample.csv");
  const std::string copy = dir + "/io.csv";
  fs::copy_file(input, copy);
  const std::string before = ReadFile(copy);
  for (const char* flag : {"--out", "--rejects"}) {
    std::vector<std::string> argv = {VIGIL_BINARY, "convert", "--in", copy};
    if (std::string(flag) == "--rejects") argv.insert(argv.end(), {"--out", dir + "/posts.jsonl"});
    argv.insert(argv.end(), {flag, copy});
    const ProcessResult r = RunProcess(argv);
    EXPECT_EQ(r.exit_code, 2) << flag << "\n" << r.err;
    EXPECT_NE(r.err.find("is an input of this command"), std::string::npos) << r.err;
    EXPECT_EQ(ReadFile(copy), before) << flag;
  }
}

TEST(CliOutputs, ConvertRefusesTheSameFileForPostsAndRejects) {
  const std::string dir = MakeTempDir("cli_inputs");
  const ProcessResult r =
      RunProcess({VIGIL_BINARY, "convert", "--in", testutil::SourcePath("tests/data/adapters/twitter_io_sample.csv"),
                  "--out", dir + "/same.jsonl", "--rejects", dir + "/./same.jsonl"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/same.jsonl"));
}

TEST(CliOutputs, AnalyzeRefusesToWriteItsReportOverItsWatchConfiguration) {
  const SmallCase c;
  fs::create_directories(c.dir + "/out");
  fs::create_symlink(c.watch, c.dir + "/out/report.md");
  const std::string before = ReadFile(c.watch);
  const ProcessResult r = RunProcess(c.Analyze(c.dir + "/out"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("is an input of this command"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(c.watch), before);
}

TEST(CliOutputs, AReadOnlyOutputFolderIsReportedAsReadOnly) {
  const SmallCase c;
  const auto r = RunInMountNamespace(fmt::format("mkdir -p {0}/ro && mount -t tmpfs -o ro tmpfs {0}/ro && {1}",
                                                 c.dir, Quoted(c.Analyze(c.dir + "/ro/out"))));
  VIGIL_REQUIRE_NAMESPACE(r);
  EXPECT_EQ(r->exit_code, 1) << r->err;
  EXPECT_NE(r->err.find("Read-only file system"), std::string::npos) << r->err;
  EXPECT_EQ(r->err.find("No such file or directory"), std::string::npos) << r->err;
}

TEST(CliOutputs, AFullDiskSaysSoAndLeavesNoTemporaryFile) {
  const SmallCase c;
  // A 64 KiB file system, created with the output folder in it and then filled to the last byte.
  const std::string script = fmt::format(
      "mkdir -p {0}/full && mount -t tmpfs -o size=64k tmpfs {0}/full && mkdir {0}/full/out && "
      "(cat /dev/zero > {0}/full/filler 2>/dev/null; true) && {1}; echo \"exit=$?\"; ls -A {0}/full/out",
      c.dir, Quoted(c.Analyze(c.dir + "/full/out")));
  const auto r = RunInMountNamespace(script);
  VIGIL_REQUIRE_NAMESPACE(r);
  EXPECT_NE(r->out.find("exit=1"), std::string::npos) << r->out << r->err;
  EXPECT_NE(r->err.find("No space left on device"), std::string::npos) << r->err;
  EXPECT_EQ(r->out.find(".tmp"), std::string::npos) << "stray temporary file: " << r->out;
}

TEST(CliOutputs, CoordRefusesToExportTuplesOverItsStore) {
  const SmallCase c;
  const ProcessResult r = RunProcess({VIGIL_BINARY, "coord", "--store", c.store, "--export-tuples", c.store});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(StoredPosts(c.store), 1);
}

TEST(CliOutputs, EvalRefusesAnOutputThatIsOneOfItsModels) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string model = WriteFile(dir + "/model.bin", "weights");
  const ProcessResult r = RunProcess({VIGIL_BINARY, "eval", "--model-dir", dir, "--output", model});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(ReadFile(model), "weights");
}

// --- 2. A damaged CSV costs its damaged lines only; one failing file never stops the others ------------

// A Vigil-format CSV of `rows` posts with one unterminated quote in the text of row `broken`.
std::string PostsCsv(int rows, int broken) {
  std::string csv = "id,platform,account_id,account_name,published_at,text,likes\n";
  for (int i = 1; i <= rows; ++i) {
    const std::string text = i == broken ? "\"an unterminated quote, then the rest" : "\"Carney, said \"\"they\"\"\"";
    csv += fmt::format("{},x,acct{},Name,2025-03-10T12:00:00Z,{},{}\n", i, i % 7, text, i);
  }
  return csv;
}

TEST(CliDamagedCsv, OneUnterminatedQuoteInAVigilCsvCostsOneRow) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string input = WriteFile(dir + "/posts.csv", PostsCsv(5000, 10));
  const ProcessResult r = RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", input});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 4999);
  const std::string quarantine = ReadFile(dir + "/v.db.rejected.jsonl");
  EXPECT_EQ(std::count(quarantine.begin(), quarantine.end(), '\n'), 1) << quarantine.substr(0, 2000);
  EXPECT_NE(quarantine.find("\"line\":11"), std::string::npos) << quarantine.substr(0, 2000);
  EXPECT_NE(quarantine.find("an unterminated quote, then the rest"), std::string::npos);
}

TEST(CliDamagedCsv, AStrayQuoteInAnAdapterCsvCostsItsLinesAndConvertKeepsTheRest) {
  const std::string dir = MakeTempDir("cli_inputs");
  std::string csv = "object_id,account_id,content_id,timestamp_share\n";
  for (int i = 0; i < 3000; ++i) {
    csv += fmt::format("{},acct{},{},{}\n", i == 100 ? "\"https://a.example/open" : "https://a.example/x",
                       i % 50, 1000 + i, 1741600000 + i);
  }
  const std::string input = WriteFile(dir + "/shares.csv", csv);
  const ProcessResult r = RunProcess({VIGIL_BINARY, "convert", "--in", input, "--out", dir + "/posts.jsonl",
                                      "--rejects", dir + "/rejected.jsonl"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  const std::string posts = ReadFile(dir + "/posts.jsonl");
  EXPECT_EQ(std::count(posts.begin(), posts.end(), '\n'), 2999) << r.err;
  const std::string rejected = ReadFile(dir + "/rejected.jsonl");
  EXPECT_NE(rejected.find("\"line\":102"), std::string::npos) << rejected.substr(0, 1000);
}

TEST(CliDamagedCsv, IngestStoresTheGoodRowsOfEveryFileAndReportsTheOneThatFailed) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string first =
      WriteFile(dir + "/a.jsonl", R"({"id":"j1","platform":"x","account_id":"a","published_at":1741600000})" "\n");
  // A CrowdTangle JSON array cut short: the adapter cannot read the file at all.
  const std::string broken = WriteFile(dir + "/b.json", "[{\"id\":\"1\",\"platformId\":\"9\",\"account\":{\"name\":\"n\"");
  const std::string last = WriteFile(dir + "/c.csv", PostsCsv(20, 0));
  const ProcessResult r =
      RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", first, broken, last});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("b.json: not read to its end"), std::string::npos) << r.err;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 21) << "the files after the failing one are read";
}

// --- 3. The quarantine keeps every run, each under its run id, each record whole ---------------------

TEST(CliQuarantine, EachRunAppendsUnderItsOwnRunIdAndKeepsRecordsWhole) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string big_text(20000, 'x');
  const std::string big_bad = R"({"id":"3","platform":"x","account_id":"a","published_at":"never","text":")" + big_text + "\"}";
  const std::string input = WriteFile(dir + "/posts.jsonl", std::string(kBadPost) + "\n" + big_bad + "\n");
  const ProcessResult first = RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", input});
  const ProcessResult second = RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", input});
  EXPECT_EQ(first.exit_code, 4);
  EXPECT_EQ(second.exit_code, 4);
  const std::string quarantine = ReadFile(dir + "/v.db.rejected.jsonl");
  EXPECT_EQ(std::count(quarantine.begin(), quarantine.end(), '\n'), 4) << "the first run's records are kept";
  const size_t run_at = first.out.find("(run ");
  ASSERT_NE(run_at, std::string::npos) << first.out;
  const std::string run_id = first.out.substr(run_at + 5, first.out.find(')', run_at) - run_at - 5);
  EXPECT_NE(quarantine.find("\"run\":\"" + run_id + "\""), std::string::npos) << run_id;
  EXPECT_EQ(second.out.find(run_id), std::string::npos) << "each run has its own id";
  EXPECT_NE(quarantine.find(big_text), std::string::npos) << "a record is kept whole, not cut at 4 KiB";
}

// --- 4. Duplicate ids, odd counts, blank ids, links with newlines ------------------------------------

TEST(CliRecordChecks, DuplicateIdsBlankIdsBadCountsAndLinksWithNewlinesAreQuarantined) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string input = WriteFile(
      dir + "/posts.jsonl",
      R"({"id":"1","platform":"x","account_id":"a","published_at":1741600000,"text":"first"})" "\n"
      R"({"id":"1","platform":"x","account_id":"a","published_at":1741600000,"text":"first"})" "\n"
      R"({"id":"1","platform":"x","account_id":"someone-else","published_at":1741600000,"text":"first"})" "\n"
      R"({"id":"  ","platform":"x","account_id":"a","published_at":1741600000})" "\n"
      R"({"id":"2","platform":" ","account_id":"a","published_at":1741600000})" "\n"
      R"({"id":"3","platform":"x","account_id":"a","published_at":1741600000,"metrics":{"likes":"1,2,3"}})" "\n"
      R"({"id":"4","platform":"x","account_id":"a","published_at":1741600000,"links":["https://a.example/1\nhttps://b.example/2"]})" "\n"
      R"({"id":"5","platform":"x","account_id":"a","published_at":1741600000,"metrics":{"likes":"1,234"}})" "\n");
  const ProcessResult r = RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", input});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("posts.jsonl:3: id: duplicate id: x:1 was first read on line 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("posts.jsonl:4: id: required field is missing, empty or blank"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("posts.jsonl:5: platform:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("posts.jsonl:6: metrics.likes: '1,2,3' is not a count"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("posts.jsonl:7: links[0]: contains the control character U+000A"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("5 rejected"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 exact repeats skipped"), std::string::npos) << r.out;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 2);
}

TEST(CliRecordChecks, InvalidUtf8InAVigilCsvIsQuarantinedNamingTheFieldAndKeptExactly) {
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string input = WriteFile(dir + "/posts.csv",
                                      "id,platform,account_id,published_at,text\n"
                                      "1,x,a,1741600000,fine\n"
                                      "2,x,a,1741600000,bad \xff\xfe bytes\n");
  const ProcessResult r = RunProcess({VIGIL_BINARY, "ingest", "--store", dir + "/v.db", input});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("posts.csv:3: text: is not valid UTF-8 (byte 0xFF"), std::string::npos) << r.err;
  EXPECT_EQ(StoredPosts(dir + "/v.db"), 1);
  const std::string quarantine = ReadFile(dir + "/v.db.rejected.jsonl");
  EXPECT_NE(quarantine.find("\"raw_hex\":\"322c782c612c313734313630303030302c626164"), std::string::npos) << quarantine;
}

// --- 5. A stream with no newline cannot exhaust memory ------------------------------------------------

TEST(CliLimits, AStreamWithoutNewlinesRunsInBoundedMemory) {
  VIGIL_SKIP_UNDER_ADDRESS_SANITIZER();
  // 400 MB of address space is far below what an unbounded line buffer reaches in two seconds of /dev/zero.
  const ProcessResult r = RunProcess(
      {"/bin/sh", "-c",
       fmt::format("ulimit -v 400000; timeout -s INT 2 {} ingest --format jsonl --store {}/v.db /dev/zero; echo "
                   "\"exit=$?\"",
                   VIGIL_BINARY, MakeTempDir("cli_inputs"))});
  EXPECT_NE(r.out.find("exit=124"), std::string::npos) << "still reading when stopped, without a crash: " << r.out
                                                       << r.err;
  EXPECT_EQ(r.err.find("bad_alloc"), std::string::npos) << r.err;
}

// --- 10. No exception escapes main ---------------------------------------------------------------------

TEST(CliLimits, RunningOutOfMemoryIsAMessageAndExitOneNotACrash) {
  VIGIL_SKIP_UNDER_ADDRESS_SANITIZER();
  // A 7 MiB line is within the line limit, so it is held; 12 MB of heap is enough to start and to ingest
  // the example case, not to hold that line.
  const std::string dir = MakeTempDir("cli_inputs");
  const std::string input = WriteFile(dir + "/big.jsonl", R"({"id":"1","platform":"x","account_id":"a","published_at":1,"text":")" +
                                                              std::string(7 << 20, 'a') + "\"}\n");
  const ProcessResult r = RunProcess(
      {"/bin/sh", "-c", fmt::format("ulimit -d 12000; exec {} ingest --store {}/v.db {}", VIGIL_BINARY, dir, input)});
  EXPECT_EQ(r.exit_code, 1) << "a crash (abort) gives -1: " << r.err;
  EXPECT_NE(r.err.find("vigil: out of memory"), std::string::npos) << r.err;
}

// --- Clarity: exit codes match docs/cli.md ---------------------------------------------------------------

TEST(CliExitCodes, UnknownFormatAndEmptyCsvAreUsageErrors) {
  const SmallCase c;
  EXPECT_EQ(RunProcess({VIGIL_BINARY, "ingest", "--store", c.store, "--format", "xml", c.posts}).exit_code, 2);
  const std::string empty = WriteFile(c.dir + "/empty.csv", "");
  const ProcessResult r = RunProcess({VIGIL_BINARY, "ingest", "--store", c.store, empty});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
}

TEST(CliExitCodes, ABadMinimumSeverityIsAUsageError) {
  const SmallCase c;
  for (const char* bad : {"nan", "inf", "-1", "101", "high"}) {
    std::vector<std::string> argv = c.Analyze(c.dir + "/out");
    argv.insert(argv.end(), {"--min-severity", bad});
    EXPECT_EQ(RunProcess(argv).exit_code, 2) << bad;
  }
}

TEST(CliExitCodes, AnAliasThatCannotBeMatchedIsRefusedBeforeAnyWork) {
  const SmallCase c;
  for (const std::string& alias : {std::string(1 << 20, 'a'), std::string("\u200b\u200b")}) {
    WriteFile(c.watch, "targets:\n  - id: carney\n    name: Mark Carney\n    aliases: [\"" + alias + "\"]\n");
    const ProcessResult r = RunProcess(c.Analyze(c.dir + "/out"));
    EXPECT_EQ(r.exit_code, 3) << r.err.substr(0, 300);
    EXPECT_FALSE(fs::exists(c.dir + "/out"));
  }
}

TEST(CliExitCodes, AnUnknownWatchKeyIsRefusedWithItsLine) {
  const SmallCase c;
  WriteFile(c.watch, "targets:\n  - id: carney\n    name: Mark Carney\n    alias: [Carney]\n");
  const ProcessResult r = RunProcess(c.Analyze(c.dir + "/out"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("watch.yaml:4: targets[0].alias: unknown key; did you mean 'aliases'?"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace vigil
