// UUIDv5 via OpenSSL's SHA-1 (EVP).
#include "export/uuid.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <cassert>

namespace vigil::exporting {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 4122 appendix C: the URL namespace, parent of Vigil's own.
constexpr char kUrlNamespace[] = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
constexpr char kStixObservableNamespace[] = "00abedb4-aa42-466c-9c01-fed23315a9b7";
constexpr char kVigilNamespaceName[] = "urn:vigil:stix";

}  // namespace

Uuid ParseUuid(std::string_view text) {
  Uuid uuid{};
  size_t byte = 0;
  for (size_t i = 0; i < text.size() && byte < uuid.size(); ++i) {
    if (text[i] == '-') continue;
    const int hi = HexValue(text[i]);
    const int lo = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
    assert(hi >= 0 && lo >= 0 && "malformed UUID constant");
    uuid[byte++] = static_cast<uint8_t>(hi * 16 + lo);
    ++i;
  }
  assert(byte == uuid.size() && "short UUID constant");
  return uuid;
}

std::string FormatUuid(const Uuid& u) {
  return fmt::format("{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
                     u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14],
                     u[15]);
}

Uuid Uuid5(const Uuid& name_space, std::string_view name) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  EVP_DigestInit_ex(context, EVP_sha1(), nullptr);
  EVP_DigestUpdate(context, name_space.data(), name_space.size());
  EVP_DigestUpdate(context, name.data(), name.size());
  EVP_DigestFinal_ex(context, digest, &length);
  EVP_MD_CTX_free(context);
  Uuid uuid{};
  std::copy(digest, digest + uuid.size(), uuid.begin());
  uuid[6] = static_cast<uint8_t>((uuid[6] & 0x0F) | 0x50);  // version 5
  uuid[8] = static_cast<uint8_t>((uuid[8] & 0x3F) | 0x80);  // RFC 4122 variant
  return uuid;
}

const Uuid& StixObservableNamespace() {
  static const Uuid kNamespace = ParseUuid(kStixObservableNamespace);
  return kNamespace;
}

const Uuid& VigilNamespace() {
  static const Uuid kNamespace = Uuid5(ParseUuid(kUrlNamespace), kVigilNamespaceName);
  return kNamespace;
}

std::string VigilStixId(std::string_view type, std::string_view key) {
  return fmt::format("{}--{}", type, FormatUuid(Uuid5(VigilNamespace(), fmt::format("{}|{}", type, key))));
}

std::string ObservableStixId(std::string_view type, std::string_view canonical_json) {
  return fmt::format("{}--{}", type, FormatUuid(Uuid5(StixObservableNamespace(), canonical_json)));
}

}  // namespace vigil::exporting
