#include "vigil/ingest.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "ingest/adapters/adapters.h"
#include "ingest/checking_sink.h"
#include "ingest/csv_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/quarantine.h"

namespace vigil {
namespace {

bool StopRequested(const IngestOptions& options) { return options.stop_requested && options.stop_requested(); }

Status CancelledStatus() {
  return Status::Cancelled("ingest stopped on request; the batches committed so far are stored");
}

// Collects accepted posts into batches and writes each batch in one transaction.
class BatchingSink final : public RecordSink {
 public:
  BatchingSink(PostStore& store, const IngestOptions& options, QuarantineWriter& quarantine)
      : store_(store), options_(options), quarantine_(quarantine) {
    batch_.reserve(options.batch_size);
  }

  void Accept(Post& post) override {
    if (!status_.ok()) return;
    ++accepted_;
    batch_.push_back(std::move(post));
    if (batch_.size() >= options_.batch_size) Flush();
  }

  void Reject(RejectedRecord rejected) override {
    ++rejected_;
    if (options_.on_reject) options_.on_reject(rejected);
    Status s = quarantine_.Write(rejected);
    if (!s.ok() && status_.ok()) status_ = s;
  }

  void Flush() {
    if (batch_.empty() || !status_.ok()) return;
    status_ = store_.UpsertPosts(batch_, &counts_);
    batch_.clear();
    if (status_.ok() && StopRequested(options_)) status_ = CancelledStatus();
  }

  const Status& status() const { return status_; }
  int64_t accepted() const { return accepted_; }
  int64_t rejected() const { return rejected_; }
  const UpsertCounts& counts() const { return counts_; }

 private:
  PostStore& store_;
  const IngestOptions& options_;
  QuarantineWriter& quarantine_;
  std::vector<Post> batch_;
  UpsertCounts counts_;
  Status status_;
  int64_t accepted_ = 0;
  int64_t rejected_ = 0;
};

// "auto": Vigil's own formats by extension when the content agrees, else the adapters' sniffing, which
// names the columns each format expects when nothing matches.
Result<std::string> ResolveFormat(const std::string& requested, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0 && !ec) {
    return Status::InvalidArgument(fmt::format("{}: empty file: no header, no record", path));
  }
  if (requested != "auto") {
    if (std::find(IngestFormats().begin(), IngestFormats().end(), requested) == IngestFormats().end()) {
      return Status::InvalidArgument(
          fmt::format("unknown format '{}' (one of: {})", requested, fmt::join(IngestFormats(), ", ")));
    }
    return requested;
  }
  auto detected = adapters::DetectFormat(path);
  if (detected.ok()) return detected;
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".jsonl" || ext == ".ndjson") return std::string("jsonl");
  return Status::InvalidArgument(fmt::format("{}; pass --format (one of: {})", detected.status().message(),
                                             fmt::join(IngestFormats(), ", ")));
}

Status ReadOneFile(const std::string& format, const std::string& path, RecordSink& sink, const ProgressFn& progress) {
  if (format == "jsonl") return ReadPostsJsonl(path, sink, progress);
  if (format == "csv") return ReadPostsCsv(path, sink, progress);
  for (const adapters::AdapterInfo& adapter : adapters::AdapterFormats()) {
    if (adapter.format == format) return adapters::ReadWithAdapter(format, path, sink);
  }
  return Status::InvalidArgument(
      fmt::format("unknown format '{}' (one of: {})", format, fmt::join(IngestFormats(), ", ")));
}

// Every file's format, decided before any work so that a wrong file is a usage error, not a half-done run.
Result<std::vector<std::string>> ResolveFormats(const std::string& requested, const std::vector<std::string>& files) {
  std::vector<std::string> formats;
  for (const std::string& path : files) {
    VIGIL_ASSIGN_OR_RETURN(std::string format, ResolveFormat(requested, path));
    formats.push_back(std::move(format));
  }
  return formats;
}

}  // namespace

const std::vector<std::string>& IngestFormats() {
  static const std::vector<std::string> kFormats = [] {
    std::vector<std::string> formats = {"auto", "jsonl", "csv"};
    for (const adapters::AdapterInfo& adapter : adapters::AdapterFormats()) formats.push_back(adapter.format);
    return formats;
  }();
  return kFormats;
}

Result<IngestSummary> IngestFiles(const std::vector<std::string>& files, PostStore& store,
                                  const IngestOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(const std::vector<std::string> formats, ResolveFormats(options.format, files));
  IngestSummary summary;
  summary.run_id = options.run_id.empty() ? NewRunId() : options.run_id;
  QuarantineWriter quarantine;
  quarantine.SetPath(options.quarantine_path);
  quarantine.SetRunId(summary.run_id);
  BatchingSink store_sink(store, options, quarantine);
  CheckingSink sink(store_sink);
  for (size_t file_idx = 0; file_idx < files.size(); ++file_idx) {
    const std::string& path = files[file_idx];
    if (StopRequested(options)) {
      VIGIL_RETURN_IF_ERROR(quarantine.Close());
      return CancelledStatus();
    }
    const int64_t accepted_before = store_sink.accepted();
    const int64_t rejected_before = store_sink.rejected();
    ProgressFn progress;
    if (options.on_progress) {
      progress = [&](int64_t done, int64_t total) { options.on_progress(path, done, total); };
    }
    sink.StartInput();
    const Status read = ReadOneFile(formats[file_idx], path, sink, progress);
    store_sink.Flush();  // what was read before a failure is kept
    if (store_sink.status().code() == StatusCode::kCancelled) {
      // Keep the evidence of what was done: the rejections so far, and the part of this file that was read.
      VIGIL_RETURN_IF_ERROR(quarantine.Close());
      VIGIL_RETURN_IF_ERROR(store.RecordIngestRun(path, store_sink.accepted() - accepted_before,
                                                  store_sink.rejected() - rejected_before));
      return store_sink.status();
    }
    VIGIL_RETURN_IF_ERROR(store_sink.status());
    IngestFileCounts counts{path, store_sink.accepted() - accepted_before, store_sink.rejected() - rejected_before,
                            read.ok() ? "" : read.message()};
    if (!read.ok()) ++summary.failed_files;
    VIGIL_RETURN_IF_ERROR(store.RecordIngestRun(path, counts.accepted, counts.rejected));
    summary.files.push_back(std::move(counts));
  }
  VIGIL_RETURN_IF_ERROR(quarantine.Close());
  summary.accepted = store_sink.accepted();
  summary.rejected = store_sink.rejected();
  summary.repeated = sink.repeated();
  summary.inserted = store_sink.counts().inserted;
  summary.updated = store_sink.counts().updated;
  return summary;
}

}  // namespace vigil
