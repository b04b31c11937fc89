#include "ecoscore/model/id.hpp"

namespace ecoscore::model {
namespace {

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength || !is_lower_alnum(id.front())) return false;
  for (char c : id)
    if (!is_lower_alnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

}  // namespace ecoscore::model
