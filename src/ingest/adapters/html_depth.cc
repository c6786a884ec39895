// The one-pass nesting estimate behind the WeChat adapter's depth limit (html_depth.h).
#include "ingest/adapters/html_depth.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil::adapters {
namespace {

constexpr std::string_view kVoidElements[] = {"area", "base", "br",    "col",   "embed", "hr",   "img",
                                              "input", "link", "meta", "param", "source", "track", "wbr"};
constexpr std::string_view kRawTextElements[] = {"script", "style",   "textarea", "title",    "xmp",
                                                 "iframe", "noembed", "noframes", "noscript", "plaintext"};
// End tags do not reach through these (HTML5's "has an element in scope" stops at them).
constexpr std::string_view kScopeBoundaries[] = {"html", "table", "td", "th", "caption", "template", "object",
                                                 "applet", "marquee"};
// A start tag of one of these closes an open element of the same name on top of the stack.
constexpr std::string_view kSiblingClosers[] = {"p", "li", "dt", "dd", "tr", "td", "th", "option"};

template <size_t N>
bool In(const std::string_view (&set)[N], std::string_view name) {
  return std::find(std::begin(set), std::end(set), name) != std::end(set);
}

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':'; }

// Position after the end tag "</name" (case-insensitive) at or after `from`, or the end of the text.
size_t SkipRawText(std::string_view html, size_t from, std::string_view name) {
  for (size_t pos = html.find("</", from); pos != std::string_view::npos; pos = html.find("</", pos + 2)) {
    if (pos + 2 + name.size() > html.size()) break;
    bool same = true;
    for (size_t k = 0; k < name.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(html[pos + 2 + k])) == name[k];
    if (same) return pos;
  }
  return html.size();
}

// The stack of open elements, with the positions of each name and of the scope boundaries, so that an end
// tag finds its element (and whether a boundary hides it) in O(1).
class OpenElements {
 public:
  size_t depth() const { return names_.size(); }
  // Inside svg or math, where "/>" closes an element (elsewhere HTML5 ignores it on non-void elements).
  bool InForeignContent() const { return IsOpen("svg") || IsOpen("math"); }
  void Open(const std::string& name) {
    if (In(kSiblingClosers, name) && !names_.empty() && names_.back() == name) Pop();
    positions_[name].push_back(names_.size());
    if (In(kScopeBoundaries, name)) boundaries_.push_back(names_.size());
    names_.push_back(name);
  }
  void Close(const std::string& name) {
    auto it = positions_.find(name);
    if (it == positions_.end() || it->second.empty()) return;  // nothing to close: ignored, as parsers do
    const size_t target = it->second.back();
    if (!boundaries_.empty() && boundaries_.back() > target) return;  // out of scope: ignored
    while (names_.size() > target) Pop();
  }

 private:
  bool IsOpen(const std::string& name) const {
    auto it = positions_.find(name);
    return it != positions_.end() && !it->second.empty();
  }
  void Pop() {
    auto& at = positions_[names_.back()];
    at.pop_back();
    if (!boundaries_.empty() && boundaries_.back() == names_.size() - 1) boundaries_.pop_back();
    names_.pop_back();
  }
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::vector<size_t>> positions_;
  std::vector<size_t> boundaries_;
};

}  // namespace

size_t HtmlNestingDepth(std::string_view html, size_t stop_above) {
  OpenElements open;
  size_t max_depth = 0;
  std::string name;
  for (size_t i = html.find('<'); i != std::string_view::npos && max_depth <= stop_above; i = html.find('<', i)) {
    if (html.substr(i, 4) == "<!--") {
      const size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    const size_t name_start = i + 1 + (closing ? 1 : 0);
    size_t name_end = name_start;
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    const size_t tag_end = html.find('>', name_end);
    if (name_end == name_start || !std::isalpha(static_cast<unsigned char>(html[name_start])) ||
        tag_end == std::string_view::npos) {
      ++i;  // "<" as text, "<!DOCTYPE", "<?xml": not an element
      continue;
    }
    name.assign(html.substr(name_start, name_end - name_start));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    i = tag_end + 1;
    if (closing) {
      open.Close(name);
    } else if (!In(kVoidElements, name) && !(html[tag_end - 1] == '/' && open.InForeignContent())) {
      open.Open(name);
      max_depth = std::max(max_depth, open.depth());
      if (In(kRawTextElements, name)) i = SkipRawText(html, i, name);
    }
  }
  return max_depth;
}

}  // namespace vigil::adapters
