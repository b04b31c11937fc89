#include "ecoscore/core/source_location.hpp"

#include <mutex>
#include <unordered_set>

namespace ecoscore::core {
namespace {

// Looks paths up by view, without making a string first.
struct PathHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>()(path); }
};

}  // namespace

const std::string* PathRef::intern(std::string_view path) {
  static std::mutex lock;
  // Never destroyed, so that paths held by static objects stay valid at exit.
  static auto* const paths = new std::unordered_set<std::string, PathHash, std::equal_to<>>();
  const std::lock_guard guard(lock);
  if (const auto it = paths->find(path); it != paths->end()) return &*it;  // (elements never move)
  return &*paths->emplace(path).first;
}

}  // namespace ecoscore::core
