#pragma once

#include <string>
#include <string_view>

namespace ecoscore::audit {

// SHA-256 of bytes, as 64 lowercase hex digits (OpenSSL's libcrypto).
std::string sha256_hex(std::string_view bytes);

// SHA-256 of a file's bytes. Throws core::IoError when it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace ecoscore::audit
