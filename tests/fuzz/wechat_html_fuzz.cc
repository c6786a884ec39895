// Fuzz target: the saved WeChat article page adapter (gumbo parse, script-variable scraping, Post build).
#include "fuzz_util.h"
#include "ingest/adapters/adapters.h"
#include "ingest/adapters/wechat_html.h"

// The page parser takes a string; the adapter entry point (page -> Post) only takes a path, so the input
// also goes through a per-process temp file (vigil::fuzz::WriteInputFile).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string html(reinterpret_cast<const char*>(data), size);
  (void)vigil::adapters::ParseWechatArticlePage(html, "fuzz.html");
  const std::string& path = vigil::fuzz::WriteInputFile(data, size, ".html");
  vigil::fuzz::TouchingSink sink;
  (void)vigil::adapters::ReadWechatArticles(path, sink);
  return 0;
}
