// Loader of the labelled Chinese stance set, resolving Telegram references from the shared export.
#include "text/stance_set.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "common/strings.h"
#include "text/datasets.h"
#include "text/normalize.h"

namespace vigil::text {
namespace {

constexpr const char* kTelegramExport = "telegram-desktop-export-zh-channel/result.json";

bool EndsSentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'\n';
}

std::string_view TrimAscii(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Message id -> text, with Telegram's entity arrays flattened (strings and each entity's "text").
Result<std::map<int64_t, std::string>> ReadTelegramTexts(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (const auto error = parser.load(path).get(root); error) {
    return Status::NotFound(fmt::format("{}: cannot read Telegram export: {}", path, simdjson::error_message(error)));
  }
  simdjson::dom::array messages;
  if (root["messages"].get(messages)) return Status::InvalidArgument(fmt::format("{}: messages: missing", path));
  std::map<int64_t, std::string> texts;
  for (simdjson::dom::element message : messages) {
    int64_t id = 0;
    simdjson::dom::element text;
    if (message["id"].get(id) || message["text"].get(text)) continue;
    std::string flat;
    std::string_view piece;
    if (!text.get(piece)) {
      flat = piece;
    } else if (text.is_array()) {
      for (simdjson::dom::element part : simdjson::dom::array(text)) {
        if (!part.get(piece) || !part["text"].get(piece)) flat += piece;
      }
    }
    texts[id] = std::move(flat);
  }
  return texts;
}

// "<id>:<first>-<last>" -> the sentences joined by newlines.
Result<std::string> ResolveTelegram(const std::map<int64_t, std::string>& texts, const std::string& ref,
                                    const std::string& where) {
  int64_t id = 0;
  size_t first = 0, last = 0;
  const char* p = ref.data();
  const char* end = ref.data() + ref.size();
  auto [after_id, e1] = std::from_chars(p, end, id);
  bool ok = e1 == std::errc() && after_id < end && *after_id == ':';
  const char* after_first = after_id;
  if (ok) {
    auto [a, e2] = std::from_chars(after_id + 1, end, first);
    after_first = a;
    ok = e2 == std::errc() && a < end && *a == '-';
  }
  if (ok) {
    auto [a, e3] = std::from_chars(after_first + 1, end, last);
    ok = e3 == std::errc() && a == end;
  }
  if (!ok || first == 0 || last < first) {
    return Status::InvalidArgument(fmt::format("{}: ref: expected <message id>:<first>-<last>, got '{}'", where, ref));
  }
  const auto it = texts.find(id);
  if (it == texts.end()) return Status::NotFound(fmt::format("{}: ref: no Telegram message {}", where, id));
  const std::vector<std::string> sentences = CountedSentences(it->second);
  if (last > sentences.size()) {
    return Status::NotFound(
        fmt::format("{}: ref: message {} has {} sentences, not {}", where, id, sentences.size(), last));
  }
  std::string joined;
  for (size_t i = first; i <= last; ++i) {
    if (!joined.empty()) joined += '\n';
    joined += sentences[i - 1];
  }
  return joined;
}

}  // namespace

std::vector<std::string> CountedSentences(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, &i);
    if (!EndsSentence(c) && i < text.size()) continue;
    const std::string_view s = TrimAscii(text.substr(start, i - start));
    if (!s.empty()) out.emplace_back(s);
    start = i;
  }
  return out;
}

Result<std::vector<StanceItem>> LoadStanceSet(const std::string& labels_path, const std::string& shared_dir) {
  std::ifstream in(labels_path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", labels_path));
  std::vector<StanceItem> items;
  std::map<int64_t, std::string> telegram;
  bool telegram_loaded = false;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    const std::string where = fmt::format("{}:{}", labels_path, line_no);
    const std::vector<std::string> cols = SplitFields(line, '\t');
    if (cols.size() != 6) return Status::InvalidArgument(fmt::format("{}: expected 6 tab-separated columns", where));
    StanceItem item{cols[0], cols[1], cols[2], {}, cols[4], cols[5], false};
    for (const std::string& alias : SplitFields(cols[3], '|')) {
      if (!alias.empty()) item.aliases.push_back(alias);
    }
    if (item.label != "favor" && item.label != "against" && item.label != "neutral") {
      return Status::InvalidArgument(fmt::format("{}: label: unknown '{}'", where, item.label));
    }
    if (item.target.empty()) return Status::InvalidArgument(fmt::format("{}: target: empty", where));
    if (item.source == "telegram") {
      if (!telegram_loaded) {
        VIGIL_ASSIGN_OR_RETURN(telegram, ReadTelegramTexts(shared_dir + "/" + kTelegramExport));
        telegram_loaded = true;
      }
      VIGIL_ASSIGN_OR_RETURN(item.text, ResolveTelegram(telegram, item.ref, where));
    } else if (item.source != "cold-dev") {
      return Status::InvalidArgument(fmt::format("{}: source: unknown '{}'", where, item.source));
    }
    if (item.text.empty()) return Status::InvalidArgument(fmt::format("{}: text: empty", where));
    const std::string key = item.source + ":" + item.ref.substr(0, item.ref.find(':'));
    item.held_out = SplitBucket(key) < kStanceHeldOutPercent;
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace vigil::text
