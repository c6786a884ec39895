// Escaping for the text formats Vigil writes by hand: JSON string contents, XML and HTML text and
// attributes, HTML links, RFC 4180 CSV fields. Valid UTF-8 passes through untouched; XML and HTML escaping
// replace invalid UTF-8 with U+FFFD (the JSON and CSV field escapes copy it: their callers repair whole
// records, see common/csv_writer.h). Markdown has its own module, common/markdown_escape.h.
#pragma once

#include <string>
#include <string_view>

namespace vigil {

// Appends `text` as the inside of a JSON string: the double quote, the backslash and every byte below 0x20
// escaped (\n, \r and \t by name, the others as \u00XX); everything else copied.
void AppendJsonEscaped(std::string& out, std::string_view text);
// `text` as the inside of a JSON string (see AppendJsonEscaped).
std::string JsonEscape(std::string_view text);

// `text` for XML 1.0 text and attribute values: &, <, >, " and ' as entities (&apos;), the control
// characters XML 1.0 forbids (below 0x20 except tab, LF and CR) replaced by a space, invalid UTF-8 by U+FFFD.
std::string XmlEscape(std::string_view text);

// `text` for HTML (and inline SVG) text and attribute values: &, <, >, " and ' as entities (' as &#39;,
// which HTML 4 also reads), invalid UTF-8 as U+FFFD; nothing else changed.
std::string HtmlEscape(std::string_view text);

// An HTML link to `url` labelled `text` (both escaped) when IsLinkableUrl(url) (common/link_url.h);
// otherwise the label as text followed by the refused URL in <code>, so the reader sees it but cannot
// follow it (nothing after the label when `url` is empty).
std::string HtmlLink(std::string_view url, std::string_view text);

// Appends `field` as one RFC 4180 CSV field: enclosed in double quotes, inner quotes doubled, when it holds a
// comma, a double quote, CR or LF; copied as it is otherwise.
void AppendCsvField(std::string& out, std::string_view field);
// `field` as one CSV field (see AppendCsvField).
std::string CsvField(std::string_view field);

}  // namespace vigil
