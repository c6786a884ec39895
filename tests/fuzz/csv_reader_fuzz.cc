// Fuzz target: Vigil's CSV post reader (src/ingest/csv_reader.h) on arbitrary bytes.
#include "ingest/csv_reader.h"
#include "fuzz_util.h"

// Input goes through a per-process temp file (vigil::fuzz::WriteInputFile): the reader only takes a path.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = vigil::fuzz::WriteInputFile(data, size, ".csv");
  vigil::fuzz::TouchingSink sink;
  (void)vigil::ReadPostsCsv(path, sink);
  return 0;
}
