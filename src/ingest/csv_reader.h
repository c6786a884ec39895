// Reader for Vigil's CSV post format (docs/input-format.md): a header row naming the columns, any order,
// extra columns ignored; `links` holds space-separated URLs; metrics are columns of their own.
#pragma once

#include <string>

#include "ingest/jsonl_reader.h"
#include "ingest/record_sink.h"

namespace vigil {

// Streams `path` into the sink. Returns an error when the file cannot be read or its header lacks the
// required columns (id, platform, account_id, published_at); bad rows are rejected one by one.
Status ReadPostsCsv(const std::string& path, RecordSink& sink, const ProgressFn& progress = nullptr);

}  // namespace vigil
