// Writes the reference case's exports, with its network operations: `write_stix_example OUT.json` writes its
// STIX bundle (for the schema validation test, tests/stix/validate_stix.py); `write_stix_example --all DIR`
// writes every format into DIR (for the documentation, its screenshot and the MISP validation test).
#include <cstdio>
#include <cstring>

#include "common/output_file.h"
#include "export/export_util.h"
#include "tests/testutil/report_fixture.h"
#include "vigil/export.h"

int main(int argc, char** argv) {
  const vigil::AnalysisReport report = vigil::testutil::MakeNetworkOperationReport();
  if (argc == 3 && std::strcmp(argv[1], "--all") == 0) {
    auto outcome = vigil::ExportReport(report, {"all"}, argv[2]);
    if (!outcome.ok()) {
      std::fprintf(stderr, "%s\n", outcome.status().ToString().c_str());
      return 1;
    }
    for (const auto& f : outcome->written) std::printf("%s\n", f.c_str());
    for (const auto& failure : outcome->failures) std::fprintf(stderr, "%s\n", failure.c_str());
    return outcome->failures.empty() ? 0 : 1;
  }
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_stix_example OUT.json | --all DIR\n");
    return 2;
  }
  auto bundle = vigil::BuildStixBundle(report);
  if (!bundle.ok()) {
    std::fprintf(stderr, "%s\n", bundle.status().ToString().c_str());
    return 1;
  }
  vigil::Status status = vigil::WriteFileAtomically(argv[1], *bundle);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
