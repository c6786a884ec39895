// Connection strings parsed by libpq itself (PQconninfoParse), so URIs, key=value strings, quoting and
// percent-encoding are read exactly as the connection will read them.
#include "store/conninfo.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>

namespace vigil::store {
namespace {

constexpr std::string_view kMask = "***";

struct OptionsDeleter {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
using ParsedOptions = std::unique_ptr<PQconninfoOption, OptionsDeleter>;

// Parses with libpq; on failure *error holds libpq's reason.
ParsedOptions Parse(const std::string& conninfo, std::string* error) {
  char* message = nullptr;
  ParsedOptions options(PQconninfoParse(conninfo.c_str(), &message));
  if (!options) {
    *error = message ? message : "out of memory";
    while (!error->empty() && error->back() == '\n') error->pop_back();
    PQfreemem(message);
  }
  return options;
}

// A string that mentions a password keyword, or a URI with user:password@, may hold a secret.
bool MayCarryPassword(std::string_view conninfo) {
  if (conninfo.find("password") != std::string_view::npos) return true;
  const size_t scheme_end = conninfo.find("://");
  if (scheme_end == std::string_view::npos) return false;
  const std::string_view after_scheme = conninfo.substr(scheme_end + 3);
  const size_t at = after_scheme.rfind('@');
  return at != std::string_view::npos && after_scheme.substr(0, at).find(':') != std::string_view::npos;
}

std::string QuoteValue(std::string_view value) {
  if (!value.empty() && value.find_first_of(" '\\") == std::string_view::npos) return std::string(value);
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

}  // namespace

std::string RedactConninfo(const std::string& conninfo) {
  std::string error;
  ParsedOptions options = Parse(conninfo, &error);
  if (!options) return MayCarryPassword(conninfo) ? "(unparsable connection string withheld)" : conninfo;
  std::string shown;
  for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
    if (!option->val) continue;
    const std::string_view keyword = option->keyword;
    if (!shown.empty()) shown += ' ';
    shown += fmt::format("{}={}", keyword, keyword == "password" ? std::string(kMask) : QuoteValue(option->val));
  }
  return shown;
}

Result<std::string> ConninfoPassword(const std::string& conninfo) {
  std::string error;
  ParsedOptions options = Parse(conninfo, &error);
  if (!options) {
    return Status::InvalidArgument(fmt::format(
        "not a PostgreSQL connection URI or key=value string: {}",
        MayCarryPassword(conninfo) ? "libpq could not parse it (its reason withheld: it may quote the password)"
                                   : error));
  }
  for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
    if (option->val && std::string_view(option->keyword) == "password") return std::string(option->val);
  }
  return std::string();
}

std::string MaskSecret(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + kMask.size())) {
    text.replace(pos, secret.size(), kMask);
  }
  return text;
}

}  // namespace vigil::store
