// PostgreSQL connection strings (libpq URI or key=value) as Vigil shows them: the password never printed.
#pragma once

#include <string>
#include <string_view>

#include "vigil/status.h"

namespace vigil::store {

// The connection string's options as key=value, the password shown as ***. A string libpq cannot parse is
// shown only when it could not carry a password.
std::string RedactConninfo(const std::string& conninfo);

// The password the connection string carries, "" when none. kInvalidArgument when libpq cannot parse it
// (its reason withheld when the string may carry a password, since libpq quotes the text it stopped at).
Result<std::string> ConninfoPassword(const std::string& conninfo);

// `text` with every occurrence of `secret` replaced by ***; `text` as it is when `secret` is empty.
std::string MaskSecret(std::string text, std::string_view secret);

}  // namespace vigil::store
