#pragma once

#include <string>
#include <string_view>

#include "ecoscore/core/digest.hpp"

namespace ecoscore::audit {

using core::Sha256;

// SHA-256 of bytes.
Sha256 sha256(std::string_view bytes);

// The same, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// SHA-256 of a file's bytes. Throws core::IoError when it cannot be read.
Sha256 sha256_file(const std::string& path);

}  // namespace ecoscore::audit
