#include "ecoscore/core/source_location.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <shared_mutex>
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
// node and a bucket for each text. A text kept already (a cohort's path,
// its dimension ids, asked for again from every thread) is found under a
// shared lock, so that threads looking up do not wait for each other; only
// adding one takes the lock alone.
class Pool {
 public:
  std::uint32_t find_or_add(std::string_view wanted) {
    const std::size_t hash = hash_of(wanted);  // (before the lock: threads hash at once)
    {
      const std::shared_lock guard(lock_);
      if (const std::uint32_t found = find(wanted, hash)) return found;
    }
    const std::lock_guard guard(lock_);
    if (const std::uint32_t found = find(wanted, hash)) return found;  // (added meanwhile)
    if (2 * (count_ + 1) > slots_.size()) grow();
    std::size_t at = hash & (slots_.size() - 1);
    while (slots_[at] != 0) at = (at + 1) & (slots_.size() - 1);
    const std::uint32_t number = count_ + 1;  // (0 is the empty text)
    const std::size_t chunk = number >> kChunkBits;
    if (chunk >= kChunks) throw std::length_error("more distinct paths and names than one process can keep");
    if (!chunks[chunk]) chunks[chunk] = new std::string[kChunkSize];  // (never freed: see Interned)
    const_cast<std::string&>(text(number)) = wanted;  // (made above as non-const strings)
    slots_[at] = count_ = number;
    return number;
  }

 private:
  // The number of `wanted`, or 0 (with the lock held, shared or alone).
  std::uint32_t find(std::string_view wanted, std::size_t hash) const {
    if (slots_.empty()) return 0;
    for (std::size_t at = hash & (slots_.size() - 1); slots_[at] != 0; at = (at + 1) & (slots_.size() - 1))
      if (text(slots_[at]) == wanted) return slots_[at];
    return 0;
  }

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

  std::shared_mutex lock_;
  std::vector<std::uint32_t> slots_;
  std::uint32_t count_ = 0;
};

}  // namespace
}  // namespace interned

std::uint32_t Interned::intern(std::string_view text) {
  // Each thread remembers where the texts it asked for last lay, and their
  // numbers: a firm's dimension ids, its rubric, period and path, asked for
  // again and again, are found without hashing and without the pool's lock.
  // What lies there is compared with the text kept, so that a place that now
  // holds another text is never mistaken for it.
  struct Seen {
    const char* data = nullptr;
    std::uint32_t number = 0;
  };
  thread_local std::array<Seen, 256> seen{};
  Seen& last = seen[(reinterpret_cast<std::uintptr_t>(text.data()) * 0x9E3779B97F4A7C15ULL) >> 56];
  if (last.number != 0 && last.data == text.data() && interned::text(last.number) == text) return last.number;
  // Never destroyed, so that texts held by static objects stay valid at exit.
  static auto* const pool = new interned::Pool();
  const std::uint32_t number = pool->find_or_add(text);
  last = {text.data(), number};
  return number;
}

std::ostream& operator<<(std::ostream& out, const Interned& text) { return out << text.str(); }

}  // namespace ecoscore::core
