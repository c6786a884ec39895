// Live-content checks for HTML (gumbo) and formula checks for CSV, shared by the exporter tests.
#include "tests/testutil/live_markup.h"

#include <gumbo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include <filesystem>
#include <sstream>

#include "common/link_url.h"
#include "tests/testutil/shared_data.h"
#include "tests/testutil/subprocess.h"

namespace vigil::testutil {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string TagName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece original = element.original_tag;
  gumbo_tag_from_original_text(&original);
  return Lower(std::string(original.data, original.length));
}

bool IsLinkAttribute(const std::string& name) {
  return name == "href" || name == "src" || name == "xlink:href" || name == "action" || name == "formaction" ||
         name == "srcset" || name == "poster" || name == "data" || name == "background";
}

void Walk(const GumboNode* node, std::vector<std::string>& findings) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& element = node->v.element;
  const std::string tag = TagName(element);
  for (const char* live : {"script", "iframe", "object", "embed", "base", "frame", "applet"}) {
    if (tag == live) findings.push_back(fmt::format("<{}> element", tag));
  }
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    const std::string name = Lower(attribute->name);
    const std::string value = attribute->value;
    if (name.rfind("on", 0) == 0) findings.push_back(fmt::format("<{} {}=\"{}\">: event handler", tag, name, value));
    if (IsLinkAttribute(name) && !IsLinkableUrl(value)) {
      findings.push_back(fmt::format("<{} {}=\"{}\">: not an http(s) link", tag, name, value));
    }
    if (name == "style" && (Lower(value).find("url(") != std::string::npos || Lower(value).find("expression(") != std::string::npos)) {
      findings.push_back(fmt::format("<{} style=\"{}\">: fetches or runs", tag, value));
    }
    if (tag == "meta" && name == "http-equiv" && Lower(value) == "refresh") findings.push_back("<meta http-equiv=refresh>");
  }
  for (unsigned i = 0; i < element.children.length; ++i) {
    Walk(static_cast<const GumboNode*>(element.children.data[i]), findings);
  }
}

}  // namespace

std::vector<std::string> LiveHtmlFindings(const std::string& html) {
  std::vector<std::string> findings;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Walk(output->root, findings);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return findings;
}

std::optional<std::string> RenderMarkdownUnsafe(const std::string& markdown) {
  constexpr char kRenderer[] = "/usr/bin/cmark-gfm";
  if (!std::filesystem::exists(kRenderer)) return std::nullopt;
  const std::string file = WriteTempFile("markdown", "in.md", markdown);
  const ProcessResult result = RunProcess({kRenderer, "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough", file});
  if (result.exit_code != 0) return std::nullopt;
  return result.out;
}

std::vector<std::string> MisshapenTableRows(const std::string& markdown) {
  auto cells = [](const std::string& line) {
    size_t pipes = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;  // the escaped character
      } else if (line[i] == '|') {
        ++pipes;
      }
    }
    return pipes;
  };
  std::vector<std::string> misshapen;
  std::istringstream lines(markdown);
  std::string line;
  size_t header_cells = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '|') {
      header_cells = 0;
      continue;
    }
    if (header_cells == 0) {
      header_cells = cells(line);
    } else if (cells(line) != header_cells) {
      misshapen.push_back(line);
    }
  }
  return misshapen;
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& csv, std::string* error) {
  std::vector<std::vector<std::string>> rows;
  size_t i = csv.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, was_quoted = false;
  auto end_cell = [&] {
    row.push_back(cell);
    cell.clear();
    was_quoted = false;
  };
  for (; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == '"') {
      if (!cell.empty() || was_quoted) {
        *error = fmt::format("row {}: quote inside an unquoted field", rows.size() + 1);
        return rows;
      }
      quoted = was_quoted = true;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
      end_cell();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      if (was_quoted) {
        *error = fmt::format("row {}: text after a closing quote", rows.size() + 1);
        return rows;
      }
      cell += c;
    }
  }
  if (quoted) {
    *error = fmt::format("row {}: unterminated quote", rows.size() + 1);
    return rows;
  }
  if (!cell.empty() || !row.empty() || was_quoted) {
    end_cell();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> FormulaCells(const std::vector<std::vector<std::string>>& rows) {
  static const std::regex kNumber(R"([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)");
  std::vector<std::string> formulas;
  for (const auto& row : rows) {
    for (const auto& cell : row) {
      const size_t first = cell.find_first_not_of(' ');
      if (first == std::string::npos) continue;
      const char c = cell[first];
      if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') continue;
      if (std::regex_match(cell, kNumber)) continue;
      formulas.push_back(cell);
    }
  }
  return formulas;
}

}  // namespace vigil::testutil
