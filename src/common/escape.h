// Escaping for the text formats Vigil writes by hand: JSON string contents, XML and HTML text and
// attributes, RFC 4180 CSV fields. Bytes at or above 0x80 pass through untouched (UTF-8 is kept as it is;
// invalid UTF-8 is not repaired).
#pragma once

#include <string>
#include <string_view>

namespace vigil {

// Appends `text` as the inside of a JSON string: the double quote, the backslash and every byte below 0x20
// escaped (\n, \r and \t by name, the others as \u00XX); everything else copied.
void AppendJsonEscaped(std::string& out, std::string_view text);
// `text` as the inside of a JSON string (see AppendJsonEscaped).
std::string JsonEscape(std::string_view text);

// `text` for XML 1.0 text and attribute values: &, <, >, " and ' as entities (&apos;), and the control
// characters XML 1.0 forbids (below 0x20 except tab, LF and CR) replaced by a space.
std::string XmlEscape(std::string_view text);

// `text` for HTML (and inline SVG) text and attribute values: &, <, >, " and ' as entities (' as &#39;,
// which HTML 4 also reads); nothing else changed.
std::string HtmlEscape(std::string_view text);

// Appends `field` as one RFC 4180 CSV field: enclosed in double quotes, inner quotes doubled, when it holds a
// comma, a double quote, CR or LF; copied as it is otherwise.
void AppendCsvField(std::string& out, std::string_view field);
// `field` as one CSV field (see AppendCsvField).
std::string CsvField(std::string_view field);

// `text` as one Markdown table cell: '|' escaped, line breaks as spaces, cut with "…" after `max_chars`
// code points.
std::string MarkdownCell(std::string_view text, size_t max_chars = 80);

}  // namespace vigil
