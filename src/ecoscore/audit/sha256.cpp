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

// SHA-256, looked up once: OpenSSL 3 looks an algorithm up (under a lock)
// each time it is named by EVP_sha256() instead.
const EVP_MD* sha256_method() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> method(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                       &EVP_MD_free);
  if (!method) throw std::runtime_error("SHA-256 unavailable");
  return method.get();
}

// Starts a digest in `ctx`, new or used before.
void start(const Context& ctx) {
  if (!ctx || EVP_DigestInit_ex2(ctx.get(), sha256_method(), nullptr) != 1) throw std::runtime_error("SHA-256 unavailable");
}

Context make_context() {
  Context ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  start(ctx);
  return ctx;
}

// The calling thread's context, started afresh: a cohort's files are
// fingerprinted one after another on each thread, without allocating.
Context& thread_context() {
  thread_local Context ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  start(ctx);
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
  Context& ctx = thread_context();
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
