// CsvWriter and the formula rule (see csv_writer.h).
#include "common/csv_writer.h"

#include "common/escape.h"
#include "common/utf8.h"

namespace vigil {
namespace {

constexpr char kByteOrderMark[] = "\xEF\xBB\xBF";
constexpr char kFormulaGuard = '\'';

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A plain decimal number, optionally signed, with an optional fraction and exponent: -12, +3.5, -1e3.
bool IsPlainNumber(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  size_t digits = 0;
  while (i < text.size() && IsDigit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsDigit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const size_t exponent_start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    if (i == exponent_start) return false;
  }
  return i == text.size();
}

}  // namespace

bool IsFormulaLike(std::string_view cell) {
  if (cell.empty()) return false;
  if (cell[0] == '\t' || cell[0] == '\r') return true;
  const size_t first = cell.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  const char c = cell[first];
  if (c != '=' && c != '+' && c != '-' && c != '@') return false;
  return !IsPlainNumber(cell.substr(first));
}

CsvWriter::CsvWriter(CsvOptions options) : options_(options) {
  if (options_.byte_order_mark && options_.audience == CsvAudience::kSpreadsheet) text_ = kByteOrderMark;
}

void CsvWriter::Row(std::initializer_list<std::string_view> fields) {
  const size_t row_start = text_.size();
  bool first = true;
  for (std::string_view field : fields) {
    Field(field, first);
    first = false;
  }
  EndRow(row_start);
}

void CsvWriter::Row(const std::vector<std::string>& fields) {
  const size_t row_start = text_.size();
  for (size_t i = 0; i < fields.size(); ++i) Field(fields[i], i == 0);
  EndRow(row_start);
}

void CsvWriter::Field(std::string_view field, bool first) {
  if (!first) text_ += ',';
  if (options_.audience == CsvAudience::kSpreadsheet && IsFormulaLike(field)) {
    AppendCsvField(text_, std::string(1, kFormulaGuard) + std::string(field));
  } else {
    AppendCsvField(text_, field);
  }
}

// Repairs invalid UTF-8 over the whole record at once: a repair never touches ASCII, so the commas and
// quotes stay where they are.
void CsvWriter::EndRow(size_t row_start) {
  const std::string_view row = std::string_view(text_).substr(row_start);
  if (!IsValidUtf8(row)) {
    const std::string repaired = ToValidUtf8(row);
    text_.resize(row_start);
    text_ += repaired;
  }
  text_ += '\n';
}

std::string CsvWriter::Take() {
  std::string text;
  text.swap(text_);
  return text;
}

}  // namespace vigil
