// Shared links as one newline-separated column.
#include "store/links.h"

namespace vigil::store {

std::string JoinLinks(const std::vector<std::string>& links) {
  std::string out;
  for (size_t link_idx = 0; link_idx < links.size(); ++link_idx) {
    if (link_idx) out += '\n';
    out += links[link_idx];
  }
  return out;
}

std::vector<std::string> SplitLinks(std::string_view joined) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < joined.size()) {
    size_t nl = joined.find('\n', pos);
    if (nl == std::string_view::npos) nl = joined.size();
    out.emplace_back(joined.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

}  // namespace vigil::store
