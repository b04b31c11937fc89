#pragma once

#include <string_view>

namespace ecoscore::model {

inline constexpr std::size_t kMaxIdLength = 64;

// Ids become file names and report keys, so they are restricted to
// [a-z0-9][a-z0-9._-]* and at most 64 characters (DESIGN §3).
bool is_valid_id(std::string_view id);

}  // namespace ecoscore::model
