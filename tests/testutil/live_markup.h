// Checks of what Vigil writes for people, read the way their tools read it: an HTML5 parser (gumbo, as a
// browser parses) for the briefing, and an RFC 4180 reader for spreadsheet CSVs.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vigil::testutil {

// Everything in `html` that a browser would run or follow to a non-http(s) target: script, iframe,
// object, embed, base and meta-refresh elements, event-handler attributes (on*), and href / src /
// xlink:href / action / formaction / style values that are not http(s) links. Empty when the page is inert.
std::vector<std::string> LiveHtmlFindings(const std::string& html);

// `markdown` rendered to HTML by GitHub's renderer (the cmark-gfm program, Debian package cmark-gfm) with
// raw HTML allowed (--unsafe) and the table, autolink and strikethrough extensions: the most permissive
// common setting. nullopt when cmark-gfm is not installed.
std::optional<std::string> RenderMarkdownUnsafe(const std::string& markdown);

// Lines of GFM table rows in `markdown` whose cell count (unescaped pipes) differs from their table's
// header row: a value that forged or swallowed a cell.
std::vector<std::string> MisshapenTableRows(const std::string& markdown);

// The cells of `csv` (RFC 4180: quoted fields, doubled quotes, CRLF or LF), row by row. A leading UTF-8
// byte-order mark is skipped. Sets `*error` on an unterminated quote or text after a closing quote.
std::vector<std::vector<std::string>> ParseCsv(const std::string& csv, std::string* error);

// The cells a spreadsheet would evaluate as a formula: after leading spaces they start with =, +, -, @,
// TAB or CR (OWASP CSV injection), unless they are a plain number such as -12 or +3.5.
std::vector<std::string> FormulaCells(const std::vector<std::vector<std::string>>& rows);

}  // namespace vigil::testutil
