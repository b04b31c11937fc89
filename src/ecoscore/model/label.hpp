#pragma once

#include <string>

#include "ecoscore/core/lang.hpp"

namespace ecoscore::model {

// A text in Korean and English. A side left empty falls back to the other.
struct Label {
  std::string ko;
  std::string en;

  const std::string& get(core::Lang lang) const {
    if (lang == core::Lang::ko) return ko.empty() ? en : ko;
    return en.empty() ? ko : en;
  }
  bool empty() const { return ko.empty() && en.empty(); }
  friend bool operator==(const Label&, const Label&) = default;
};

}  // namespace ecoscore::model
