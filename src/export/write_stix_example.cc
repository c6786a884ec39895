// Writes the reference case's STIX bundle to the path given, for the schema validation test
// (tests/stix/validate_stix.py).
#include <cstdio>

#include "export/export_util.h"
#include "tests/testutil/report_fixture.h"
#include "vigil/export.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_stix_example OUT.json\n");
    return 2;
  }
  auto bundle = vigil::BuildStixBundle(vigil::testutil::MakeReferenceCaseReport());
  if (!bundle.ok()) {
    std::fprintf(stderr, "%s\n", bundle.status().ToString().c_str());
    return 1;
  }
  vigil::Status status = vigil::exporting::WriteTextFile(argv[1], *bundle);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
