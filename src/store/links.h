// A post's shared links as one stored column: newline-separated, in order (both backends store them so).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigil::store {

std::string JoinLinks(const std::vector<std::string>& links);
std::vector<std::string> SplitLinks(std::string_view joined);

}  // namespace vigil::store
