#include "ecoscore/core/source_location.hpp"

#include <functional>
#include <mutex>
#include <ostream>
#include <stdexcept>
#include <vector>

namespace ecoscore::core {

static_assert(sizeof(Interned) == 4, "a path or a name is a number in each of millions of locations");

namespace interned {

const std::string* chunks[kChunks] = {};

namespace {

std::size_t hash_of(std::string_view text) { return std::hash<std::string_view>()(text); }

// The texts' numbers in an open-addressed table (a slot is 0 when free), at
// most half full: four bytes a slot, where a node-based set would take a
// node and a bucket for each text.
class Pool {
 public:
  std::uint32_t find_or_add(std::string_view wanted) {
    const std::lock_guard guard(lock_);
    if (2 * (count_ + 1) > slots_.size()) grow();
    std::size_t at = hash_of(wanted) & (slots_.size() - 1);
    for (; slots_[at] != 0; at = (at + 1) & (slots_.size() - 1))
      if (text(slots_[at]) == wanted) return slots_[at];
    const std::uint32_t number = count_ + 1;  // (0 is the empty text)
    const std::size_t chunk = number >> kChunkBits;
    if (chunk >= kChunks) throw std::length_error("more distinct paths and names than one process can keep");
    if (!chunks[chunk]) chunks[chunk] = new std::string[kChunkSize];  // (never freed: see Interned)
    const_cast<std::string&>(text(number)) = wanted;  // (made above as non-const strings)
    slots_[at] = count_ = number;
    return number;
  }

 private:
  void grow() {
    std::vector<std::uint32_t> slots(slots_.empty() ? 64 : 2 * slots_.size(), 0);
    for (const std::uint32_t number : slots_) {
      if (number == 0) continue;
      std::size_t at = hash_of(text(number)) & (slots.size() - 1);
      while (slots[at] != 0) at = (at + 1) & (slots.size() - 1);
      slots[at] = number;
    }
    slots_ = std::move(slots);
  }

  std::mutex lock_;
  std::vector<std::uint32_t> slots_;
  std::uint32_t count_ = 0;
};

}  // namespace
}  // namespace interned

std::uint32_t Interned::intern(std::string_view text) {
  // Never destroyed, so that texts held by static objects stay valid at exit.
  static auto* const pool = new interned::Pool();
  return pool->find_or_add(text);
}

std::ostream& operator<<(std::ostream& out, const Interned& text) { return out << text.str(); }

}  // namespace ecoscore::core
