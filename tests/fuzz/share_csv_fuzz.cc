// Fuzz target: the coordination share-file reader (src/coord/share_csv.h), both passes, on arbitrary bytes.
#include <vector>

#include "coord/share_csv.h"
#include "fuzz_util.h"

// The first pass reads every record; the second re-reads the good ones by line, as the streaming detector
// does, and must find each of them again.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = vigil::fuzz::WriteInputFile(data, size, ".csv");
  std::vector<int64_t> lines;
  size_t touched = 0;
  const vigil::Status first = vigil::coord::ScanShareCsv(
      path, [&](const vigil::coord::ShareRow& row) { lines.push_back(row.line); },
      [&](vigil::ShareRowError e) { touched += e.raw.size() + e.reason.size(); }, nullptr);
  if (!first.ok()) return 0;
  size_t again = 0;
  (void)vigil::coord::ScanShareCsv(
      path, [&](const vigil::coord::ShareRow& row) { again += row.object.size() > 0 ? 1 : 0; },
      [](vigil::ShareRowError) {}, nullptr, &lines);
  if (again != lines.size()) __builtin_trap();  // a row read once must be found again by its line
  return touched == SIZE_MAX ? 1 : 0;  // keeps the error fields read
}
