// Name-based UUIDs (RFC 4122 version 5, SHA-1 via OpenSSL) for deterministic STIX and MISP ids.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::exporting {

using Uuid = std::array<uint8_t, 16>;

// Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"; asserts on malformed constants (our own bug).
Uuid ParseUuid(std::string_view text);
std::string FormatUuid(const Uuid& uuid);
// UUIDv5 of `name` in `name_space`.
Uuid Uuid5(const Uuid& name_space, std::string_view name);

// The namespace STIX 2.1 (section 2.9) prescribes for cyber-observable ids.
const Uuid& StixObservableNamespace();
// Vigil's namespace for the ids of the domain objects it creates.
const Uuid& VigilNamespace();

// "<type>--<UUIDv5(VigilNamespace, type + '|' + key)>".
std::string VigilStixId(std::string_view type, std::string_view key);
// "<type>--<UUIDv5(StixObservableNamespace, canonical_json)>": the spec's id for an observable whose
// id-contributing properties serialise (RFC 8785, keys sorted) to `canonical_json`.
std::string ObservableStixId(std::string_view type, std::string_view canonical_json);

}  // namespace vigil::exporting
