#include "ecoscore/core/source_location.hpp"

#include <mutex>
#include <ostream>
#include <unordered_set>

namespace ecoscore::core {
namespace {

// Looks texts up by view, without making a string first.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>()(path); }
};

}  // namespace

const std::string* Interned::intern(std::string_view text) {
  static std::mutex lock;
  // Never destroyed, so that texts held by static objects stay valid at exit.
  static auto* const texts = new std::unordered_set<std::string, TextHash, std::equal_to<>>();
  const std::lock_guard guard(lock);
  if (const auto it = texts->find(text); it != texts->end()) return &*it;  // (elements never move)
  return &*texts->emplace(text).first;
}

std::ostream& operator<<(std::ostream& out, const Interned& text) { return out << text.str(); }

}  // namespace ecoscore::core
