// Fuzz target: the CSV adapters (X/Twitter IO archive, IRA troll tweets, CooRTweet), which share the CSV
// row reader (src/ingest/csv_rows.h), plus the format sniffer that chooses between them.
#include "fuzz_util.h"
#include "ingest/adapters/adapters.h"

// Input goes through a per-process temp file (vigil::fuzz::WriteInputFile): the adapters only take a path.
// Every adapter reads every input: the header decides which one gets past the first row, so one corpus
// serves all three.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = vigil::fuzz::WriteInputFile(data, size, ".csv");
  vigil::fuzz::TouchingSink sink;
  (void)vigil::adapters::ReadTwitterIoCsv(path, sink);
  (void)vigil::adapters::ReadIraTweetsCsv(path, sink);
  (void)vigil::adapters::ReadCoorTweetCsv(path, sink);
  (void)vigil::adapters::DetectFormat(path);
  return 0;
}
