#include "ecoscore/audit/sha256.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>

#include "ecoscore/core/error.hpp"

namespace ecoscore::audit {
namespace {

using Context = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

Context make_context() {
  Context ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw std::runtime_error("SHA-256 unavailable");
  return ctx;
}

Sha256 finish(Context& ctx) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int length = 0;
  Sha256 digest;
  if (EVP_DigestFinal_ex(ctx.get(), out.data(), &length) != 1 || length != digest.bytes.size())
    throw std::runtime_error("SHA-256 failed");
  std::copy_n(out.begin(), digest.bytes.size(), digest.bytes.begin());
  return digest;
}

}  // namespace

Sha256 sha256(std::string_view bytes) {
  Context ctx = make_context();
  EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size());
  return finish(ctx);
}

std::string sha256_hex(std::string_view bytes) { return sha256(bytes).hex(); }

Sha256 sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Context ctx = make_context();
  std::array<char, 65536> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad() || !in.eof()) {
    throw core::IoError({core::make_error({path, 0, 0}, core::Msg::file_unreadable, {"read error"})});
  }
  return finish(ctx);
}

}  // namespace ecoscore::audit
