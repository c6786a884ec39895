// `vigil text`: reads texts (JSON Lines or CSV) and writes, per text, the language, the mentions of the
// given targets, the stance toward each target with its score and the sentence it rests on, and the
// attack probability, as JSON Lines: a batch an analyst can check by hand, or a labelled set to score.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "apps/cli/commands.h"
#include "ingest/csv_rows.h"
#include "text/normalize.h"
#include "text/paths.h"
#include "text/stance.h"
#include "text/target_stance.h"

namespace vigil::cli {
namespace {

// "name|alias|alias" -> a target; several targets separated by ';'.
std::vector<Target> ParseTargets(const std::string& spec) {
  std::vector<Target> targets;
  size_t start = 0;
  while (start <= spec.size()) {
    const size_t semi = std::min(spec.find(';', start), spec.size());
    std::vector<std::string> names;
    for (size_t b = start; b <= semi;) {
      const size_t bar = std::min(spec.find('|', b), semi);
      if (bar > b) names.push_back(spec.substr(b, bar - b));
      b = bar + 1;
    }
    if (!names.empty()) {
      Target t;
      t.id = names[0];
      t.name = names[0];
      t.aliases.assign(names.begin() + 1, names.end());
      targets.push_back(std::move(t));
    }
    start = semi + 1;
  }
  return targets;
}

struct TextRecord {
  std::string id, text, target, lang;
};

struct Counts {
  int64_t read = 0, written = 0, rejected = 0;
};

// Reads texts and writes one JSON line per text; keeps the readers of the target sets seen.
class TextCommand {
 public:
  TextCommand(const text::Normalizer& normalizer, const text::StanceScorer& scorer, std::string default_targets,
              std::ostream* out, std::ostream* rejects)
      : normalizer_(normalizer), scorer_(scorer), default_targets_(std::move(default_targets)), out_(out),
        rejects_(rejects) {}

  void Reject(const std::string& where, const std::string& why, const std::string& raw) {
    ++counts_.rejected;
    fmt::print(stderr, "{}: {}\n", where, why);
    if (rejects_ != nullptr) *rejects_ << raw << '\n';
  }

  void Process(const TextRecord& record, const std::string& where, const std::string& raw) {
    ++counts_.read;
    if (record.text.empty()) return Reject(where, "text: missing or empty", raw);
    const std::string spec = record.target.empty() ? default_targets_ : record.target;
    const text::TextReader* reader = ReaderFor(spec);
    if (reader == nullptr) return Reject(where, "target: no usable target name (give --target or a target field)", raw);
    *out_ << Render(record, reader->Read(record.text, record.lang), *reader).dump() << '\n';
    ++counts_.written;
  }

  const Counts& counts() const { return counts_; }

 private:
  const text::TextReader* ReaderFor(const std::string& spec) {
    auto it = readers_.find(spec);
    if (it != readers_.end()) return it->second.get();
    WatchConfig config;
    config.targets = ParseTargets(spec);
    std::unique_ptr<text::TextReader> reader;
    if (!config.targets.empty()) {
      auto built = text::TextReader::Create(config, normalizer_, scorer_);
      if (built.ok()) reader = std::make_unique<text::TextReader>(std::move(built).value());
    }
    targets_[spec] = config.targets;
    return readers_.emplace(spec, std::move(reader)).first->second.get();
  }

  nlohmann::json Render(const TextRecord& record, const text::TextReading& r, const text::TextReader& reader) {
    const std::vector<Target>& targets = targets_[record.target.empty() ? default_targets_ : record.target];
    nlohmann::json j;
    if (!record.id.empty()) j["id"] = record.id;
    j["lang"] = text::LangName(r.lang);
    j["attack"] = r.attack < 0 ? nlohmann::json(nullptr) : nlohmann::json(r.attack);
    const auto slice = [&](uint32_t b, uint32_t e) { return nlohmann::json(r.normalized.substr(b, e - b)); };
    j["mentions"] = nlohmann::json::array();
    j["stances"] = nlohmann::json::array();
    for (const text::TargetReading& t : r.targets) {
      for (const text::MentionHit& h : t.hits) {
        const text::AliasEntry& alias = reader.matcher().aliases()[h.alias_index];
        j["mentions"].push_back({{"target", targets[t.target_index].name},
                                 {"alias", alias.written},
                                 {"derived", alias.derived},
                                 {"text", slice(h.begin, h.end)},
                                 {"confidence", h.confidence}});
      }
      j["stances"].push_back({{"target", targets[t.target_index].name},
                              {"stance", StanceName(t.stance.stance)},
                              {"score", t.stance.score},
                              {"named", t.named},
                              {"basis", slice(t.stance.basis_begin, t.stance.basis_end)}});
    }
    return j;
  }

  const text::Normalizer& normalizer_;
  const text::StanceScorer& scorer_;
  std::string default_targets_;
  std::ostream* out_;
  std::ostream* rejects_;
  std::map<std::string, std::unique_ptr<text::TextReader>> readers_;
  std::map<std::string, std::vector<Target>> targets_;
  Counts counts_;
};

std::string JsonString(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array()) {  // ["name|alias", "other"] -> "name|alias;other"
    std::string joined;
    for (const auto& v : *it) {
      if (!v.is_string()) continue;
      if (!joined.empty()) joined += ';';
      joined += v.get<std::string>();
    }
    return joined;
  }
  return it->dump();
}

Status ReadJsonLines(const std::string& path, TextCommand* command) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  std::string line;
  for (int64_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = fmt::format("{}:{}", path, line_no);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      command->Reject(where, "not a JSON object", line);
      continue;
    }
    if (j.contains("text") && !j["text"].is_string()) {
      command->Reject(where, "text: not a string", line);
      continue;
    }
    command->Process(TextRecord{JsonString(j, "id"), JsonString(j, "text"), JsonString(j, "target"), JsonString(j, "lang")},
                     where, line);
  }
  return Status::Ok();
}

Status ReadCsv(const std::string& path, TextCommand* command) {
  VIGIL_ASSIGN_OR_RETURN(std::vector<std::string> header, ReadCsvHeader(path));
  const ColumnMap columns(header);
  if (!columns.Has("text")) return Status::InvalidArgument(fmt::format("{}: {}", path, DescribeMissingColumns({"text"}, columns)));
  bool first = true;
  return ReadCsvRows(path, [&](CsvRow& row) {
    if (std::exchange(first, false)) return true;  // the header
    command->Process(TextRecord{columns.Get(row, "id"), columns.Get(row, "text"), columns.Get(row, "target"),
                                columns.Get(row, "lang")},
                     fmt::format("{}:{}", path, row.line), row.Raw());
    return true;
  });
}

}  // namespace

void AddTextCommand(CLI::App& app) {
  struct Flags {
    std::string input, output = "-", rejects, targets, format = "auto";
    std::string data_dir = text::DefaultDataDir();
    std::string model_dir = text::DefaultModelDir();
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("text", "Read texts: language, mentions, stance toward each target, attack score");
  cmd->add_option("input", flags->input, "JSON Lines or CSV file with a `text` field (optional: id, target, lang)")
      ->required();
  cmd->add_option("--target", flags->targets,
                  "Targets for texts without a `target` field: 'name|alias|alias', several separated by ';'");
  cmd->add_option("--format", flags->format, "jsonl, csv or auto (by extension)")->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Where the JSON Lines go ('-' for standard output)")->capture_default_str();
  cmd->add_option("--rejects", flags->rejects, "Write refused input records here, whole");
  cmd->add_option("--data-dir", flags->data_dir, "Vigil's bundled data folder")->capture_default_str();
  cmd->add_option("--model-dir", flags->model_dir,
                  "Trained models (attack score); used when present, else lexicons only and attack null")
      ->capture_default_str();
  cmd->callback([flags] {
    auto normalizer = text::Normalizer::Create();
    if (!normalizer.ok()) {
      fmt::print(stderr, "error: {}\n", normalizer.status().ToString());
      throw Exit{kExitFailure};
    }
    const bool models = std::filesystem::exists(flags->model_dir + "/zh_offensive.bin");
    auto scorer = models ? text::StanceScorer::Create(flags->data_dir, flags->model_dir)
                         : text::StanceScorer::Create(flags->data_dir);
    if (!scorer.ok()) {
      fmt::print(stderr, "error: {}\n", scorer.status().ToString());
      throw Exit{kExitFailure};
    }
    if (!models) fmt::print(stderr, "note: no trained models in {}: attack score unavailable (null)\n", flags->model_dir);
    std::ofstream file_out, file_rejects;
    std::ostream* out = &std::cout;
    if (flags->output != "-") {
      if (std::filesystem::weakly_canonical(flags->output) == std::filesystem::weakly_canonical(flags->input)) {
        fmt::print(stderr, "error: --output would overwrite the input {}\n", flags->input);
        throw Exit{kExitUsage};
      }
      file_out.open(flags->output);
      out = &file_out;
    }
    if (!flags->rejects.empty()) file_rejects.open(flags->rejects);
    TextCommand command(**normalizer, **scorer, flags->targets, out, flags->rejects.empty() ? nullptr : &file_rejects);
    const std::string ext = std::filesystem::path(flags->input).extension().string();
    const bool csv = flags->format == "csv" || (flags->format == "auto" && (ext == ".csv" || ext == ".CSV"));
    const Status st = csv ? ReadCsv(flags->input, &command) : ReadJsonLines(flags->input, &command);
    out->flush();
    const Counts& c = command.counts();
    fmt::print(stderr, "{} texts read, {} written, {} rejected\n", c.read, c.written, c.rejected);
    if (!st.ok()) {
      fmt::print(stderr, "error: {}\n", st.ToString());
      throw Exit{kExitFailure};
    }
    if (!*out) {
      fmt::print(stderr, "error: cannot write {}\n", flags->output);
      throw Exit{kExitFailure};
    }
    if (c.rejected > 0) throw Exit{kExitPartialInput};
  });
}

}  // namespace vigil::cli
