// GenerateCase: merges the core and the day-by-day background into one time-ordered stream (see generate.h).
#include "examplegen/generate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>
#include <vector>

#include "common/time.h"
#include "examplegen/background.h"
#include "examplegen/calendar.h"
#include "examplegen/core.h"

namespace vigil::examplegen {

Result<GenStats> GenerateCase(const GenOptions& options, PostWriter& writer) {
  if (options.target_posts <= 0 && !(options.scale > 0)) {
    return Status::InvalidArgument(fmt::format("scale must be positive, got {}", options.scale));
  }
  const std::vector<Day> days = CaseDays();
  const std::vector<Post> core = GenerateCore(options.seed, days);
  const std::vector<double> weights = BackgroundDayWeights(options.seed, days);
  double base_volume = 0;
  for (double w : weights) base_volume += w;

  GenStats stats;
  stats.core_posts = static_cast<int64_t>(core.size());
  int64_t background = 0;
  if (options.target_posts > 0) {
    if (options.target_posts < stats.core_posts) {
      return Status::InvalidArgument(fmt::format("--posts {} is below the {} posts the case itself needs",
                                                 options.target_posts, stats.core_posts));
    }
    background = options.target_posts - stats.core_posts;
  } else {
    background = static_cast<int64_t>(std::llround(options.scale * base_volume));
  }
  stats.volume_factor = static_cast<double>(background) / base_volume;
  const std::vector<int64_t> per_day = AllocateCounts(weights, background);

  BackgroundGenerator generator(options.seed, stats.volume_factor);
  size_t next_core = 0;
  for (size_t d = 0; d < days.size(); ++d) {
    // Background slots are sorted and stay inside their day; core posts are sorted; merging the two keeps
    // the stream in time order (a core post goes first on a tie).
    for (const BackgroundGenerator::Slot& slot : generator.PlanDay(days[d], per_day[d])) {
      while (next_core < core.size() && core[next_core].published_at <= slot.time) {
        VIGIL_RETURN_IF_ERROR(writer.Write(core[next_core++]));
      }
      VIGIL_RETURN_IF_ERROR(writer.Write(generator.Make(slot, days[d])));
      ++stats.background_posts;
    }
    const int64_t day_end = days[d].start_utc + kSecondsPerDay;
    while (next_core < core.size() && core[next_core].published_at < day_end) {
      VIGIL_RETURN_IF_ERROR(writer.Write(core[next_core++]));
    }
  }
  for (; next_core < core.size(); ++next_core) VIGIL_RETURN_IF_ERROR(writer.Write(core[next_core]));
  VIGIL_RETURN_IF_ERROR(writer.Finish());
  stats.posts = stats.core_posts + stats.background_posts;
  return stats;
}

Result<OutputFormat> ParseOutputFormat(const std::string& text) {
  if (text == "jsonl") return OutputFormat::kJsonl;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "both") return OutputFormat::kBoth;
  return Status::InvalidArgument(fmt::format("format '{}' is not one of jsonl, csv, both", text));
}

Result<GenStats> GenerateToDirectory(const GenOptions& options, const std::string& dir, OutputFormat format) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(fmt::format("{}: cannot create directory: {}", dir, ec.message()));
  const std::filesystem::path root(dir);
  switch (format) {
    case OutputFormat::kJsonl: {
      VIGIL_ASSIGN_OR_RETURN(auto sink, FileSink::Open((root / "posts.jsonl").string()));
      JsonlWriter writer(*sink);
      return GenerateCase(options, writer);
    }
    case OutputFormat::kCsv: {
      VIGIL_ASSIGN_OR_RETURN(auto sink, FileSink::Open((root / "posts.csv").string()));
      CsvWriter writer(*sink);
      return GenerateCase(options, writer);
    }
    case OutputFormat::kBoth:
      break;
  }
  VIGIL_ASSIGN_OR_RETURN(auto wechat_sink, FileSink::Open((root / "posts.jsonl").string()));
  VIGIL_ASSIGN_OR_RETURN(auto other_sink, FileSink::Open((root / "posts-other.csv").string()));
  JsonlWriter wechat(*wechat_sink);
  CsvWriter other(*other_sink);
  SplitWriter split(wechat, other);
  return GenerateCase(options, split);
}

}  // namespace vigil::examplegen
