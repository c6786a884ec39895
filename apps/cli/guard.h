// The last line of defence of `vigil`: no exception escapes main. A library exception that a module failed
// to turn into a Status still ends the program with a message and exit code 1, never with abort().
#pragma once

#include <functional>

namespace vigil::cli {

// Runs `body` and returns its exit code. Any std::exception it throws (std::bad_alloc included) is printed
// on stderr ("vigil: out of memory ...", "vigil: internal error: ...") and gives kExitFailure.
int RunWithoutEscapes(const std::function<int()>& body);

}  // namespace vigil::cli
