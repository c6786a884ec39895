// Reader for Vigil's JSON Lines post format (docs/input-format.md): one JSON object per line.
#pragma once

#include <functional>
#include <string>

#include "ingest/record_sink.h"
#include "vigil/status.h"

namespace vigil {

// Called every few thousand records with bytes read so far and the file size, for progress lines.
using ProgressFn = std::function<void(int64_t bytes_done, int64_t bytes_total)>;

// Streams `path`, sending each good record to sink.Accept and each bad one to sink.Reject. Returns an error
// only when the file itself cannot be read; bad records are not errors of the whole file.
Status ReadPostsJsonl(const std::string& path, RecordSink& sink, const ProgressFn& progress = nullptr);

}  // namespace vigil
