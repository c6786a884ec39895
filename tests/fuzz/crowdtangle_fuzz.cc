// Fuzz target: the CrowdTangle adapter (JSON array or CooRnet CSV tables) on arbitrary bytes.
#include "ingest/adapters/adapters.h"
#include "fuzz_util.h"

// Input goes through a per-process temp file (vigil::fuzz::WriteInputFile): the reader only takes a path.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = vigil::fuzz::WriteInputFile(data, size, ".json");
  vigil::fuzz::TouchingSink sink;
  (void)vigil::adapters::ReadCrowdTangle(path, sink);
  return 0;
}
