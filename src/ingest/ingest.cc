#include "vigil/ingest.h"

#include <fmt/format.h>

#include <filesystem>

#include "ingest/csv_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/quarantine.h"

namespace vigil {
namespace {

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

Result<std::string> ResolveFormat(const std::string& requested, const std::string& path) {
  if (requested != "auto") return requested;
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return std::string("jsonl");
  if (ext == ".csv") return std::string("csv");
  return Status::InvalidArgument(fmt::format(
      "{}: cannot tell the format from the extension '{}'; pass --format (one of: {})", path, ext,
      fmt::join(IngestFormats(), ", ")));
}

Status ReadOneFile(const std::string& format, const std::string& path, RecordSink& sink, const ProgressFn& progress) {
  if (format == "jsonl") return ReadPostsJsonl(path, sink, progress);
  if (format == "csv") return ReadPostsCsv(path, sink, progress);
  return Status::InvalidArgument(
      fmt::format("unknown format '{}' (one of: {})", format, fmt::join(IngestFormats(), ", ")));
}

}  // namespace

std::vector<std::string> IngestFormats() { return {"auto", "jsonl", "csv"}; }

Result<IngestSummary> IngestFiles(const std::vector<std::string>& files, PostStore& store,
                                  const IngestOptions& options) {
  QuarantineWriter quarantine;
  quarantine.SetPath(options.quarantine_path);
  BatchingSink sink(store, options, quarantine);
  IngestSummary summary;
  for (const std::string& path : files) {
    VIGIL_ASSIGN_OR_RETURN(std::string format, ResolveFormat(options.format, path));
    const int64_t accepted_before = sink.accepted();
    const int64_t rejected_before = sink.rejected();
    ProgressFn progress;
    if (options.on_progress) {
      progress = [&](int64_t done, int64_t total) { options.on_progress(path, done, total); };
    }
    VIGIL_RETURN_IF_ERROR(ReadOneFile(format, path, sink, progress));
    sink.Flush();
    VIGIL_RETURN_IF_ERROR(sink.status());
    IngestFileCounts counts{path, sink.accepted() - accepted_before, sink.rejected() - rejected_before};
    VIGIL_RETURN_IF_ERROR(store.RecordIngestRun(path, counts.accepted, counts.rejected));
    summary.files.push_back(std::move(counts));
  }
  VIGIL_RETURN_IF_ERROR(quarantine.Close());
  summary.accepted = sink.accepted();
  summary.rejected = sink.rejected();
  summary.inserted = sink.counts().inserted;
  summary.updated = sink.counts().updated;
  return summary;
}

}  // namespace vigil
