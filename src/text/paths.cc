// Build-time defaults for the text stage's folders, overridable from the environment.
#include "text/paths.h"

#include <cstdlib>

namespace vigil::text {
namespace {

std::string EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

}  // namespace

std::string DefaultDataDir() { return EnvOr("VIGIL_DATA_DIR", VIGIL_DEFAULT_DATA_DIR); }
std::string DefaultModelDir() { return EnvOr("VIGIL_MODEL_DIR", VIGIL_DEFAULT_MODEL_DIR); }
std::string DefaultSharedDataDir() { return EnvOr("VIGIL_SHARED_DATA", VIGIL_DEFAULT_SHARED_DATA_DIR); }

}  // namespace vigil::text
