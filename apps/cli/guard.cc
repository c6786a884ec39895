// RunWithoutEscapes (see guard.h).
#include "apps/cli/guard.h"

#include <fmt/format.h>

#include <exception>
#include <new>

#include "apps/cli/commands.h"

namespace vigil::cli {

int RunWithoutEscapes(const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    fmt::print(stderr,
               "vigil: out of memory: the input needs more memory than this process may use (docs/security.md lists "
               "the size limits)\n");
  } catch (const std::exception& e) {
    fmt::print(stderr, "vigil: internal error: {}\n", e.what());
  } catch (...) {
    fmt::print(stderr, "vigil: internal error: an unknown exception\n");
  }
  return kExitFailure;
}

}  // namespace vigil::cli
