// A linear pre-scan of an HTML page's element nesting, so that pages too deep for an HTML5 tree builder
// (gumbo's cost per tag grows with the depth of open elements: quadratic in depth) are refused before parsing.
#pragma once

#include <cstddef>
#include <string_view>

namespace vigil::adapters {

// The deepest element nesting of `html` as an HTML5 parser would build it, estimated in one pass and O(1)
// memory per open element: comments and raw-text contents (script, style, textarea ...) are skipped, void elements do
// not nest, an end tag closes up to its open element unless a table-scope boundary
// (table, td, th, caption, template, object ...) lies in between, and p, li, dt, dd, tr, td, th, option close
// an open sibling of the same name; "/>" closes an element only inside svg or math, as in HTML5.
// Stops counting once the depth exceeds `stop_above` (returns that depth).
size_t HtmlNestingDepth(std::string_view html, size_t stop_above);

}  // namespace vigil::adapters
