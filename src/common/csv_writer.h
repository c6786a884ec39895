// The one CSV writer for Vigil's exports: RFC 4180 records (a field is quoted when it holds a comma, a
// quote, CR or LF; inner quotes doubled), "\n" line ends, always valid UTF-8. A CSV meant for people in
// a spreadsheet also has its formula-like cells neutralised (OWASP "CSV injection") and may start with a
// UTF-8 byte-order mark so that Excel reads it as UTF-8; a CSV that tools read back is written faithfully.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

enum class CsvAudience {
  kTools,        // read back by programs (CooRTweet in R, pandas, Gephi, Vigil): every value as it is
  kSpreadsheet,  // opened by people in Excel or LibreOffice: formula-like cells prefixed with '
};

struct CsvOptions {
  CsvAudience audience = CsvAudience::kSpreadsheet;
  bool byte_order_mark = false;  // start with EF BB BF (kSpreadsheet only; tools would read it as data)
};

// True when a spreadsheet would evaluate `cell`: its first character after leading spaces, tabs and line
// breaks is =, +, - or @, or it starts with a tab or CR; a plain number such as -12, +3.5 or -1e3 is not.
bool IsFormulaLike(std::string_view cell);

// Builds CSV text record by record. Not thread-safe.
class CsvWriter {
 public:
  explicit CsvWriter(CsvOptions options);

  // Appends one record.
  void Row(std::initializer_list<std::string_view> fields);
  void Row(const std::vector<std::string>& fields);

  // The text built so far (the byte-order mark first, if asked), handed over and cleared, for writers that
  // flush as they go.
  std::string Take();
  size_t size() const { return text_.size(); }

 private:
  void Field(std::string_view field, bool first);
  void EndRow(size_t row_start);

  CsvOptions options_;
  std::string text_;
};

}  // namespace vigil
