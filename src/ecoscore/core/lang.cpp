#include "ecoscore/core/lang.hpp"

namespace ecoscore::core {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "ko") return Lang::ko;
  if (text == "en") return Lang::en;
  return std::nullopt;
}

std::string_view lang_name(Lang lang) { return lang == Lang::ko ? "ko" : "en"; }

}  // namespace ecoscore::core
