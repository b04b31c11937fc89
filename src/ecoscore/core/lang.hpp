#pragma once

#include <optional>
#include <string_view>

namespace ecoscore::core {

// The two languages of every label, report and message.
enum class Lang { ko, en };

std::optional<Lang> parse_lang(std::string_view text);
std::string_view lang_name(Lang lang);

}  // namespace ecoscore::core
