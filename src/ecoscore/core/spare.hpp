#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace ecoscore::core {

// The room of a list that was let go, kept by each thread for the next list
// of its kind: a cohort's firms each fill a list of ratings and one of
// indicator scores of the same length, and let them go once scored, so
// that a thread reuses one room of each instead of allocating and freeing
// one for every firm. Only the room is kept, never the items.
template <typename T>
class Spare {
 public:
  // An empty list with room for `count` items.
  static std::vector<T> take(std::size_t count) {
    std::vector<T> list = std::exchange(slot(), std::vector<T>());
    list.reserve(count);
    return list;
  }

  // Lets `list` go: its items now, its room for the next take() on this
  // thread (unless that room is larger than any firm's list needs).
  static void give(std::vector<T>&& list) {
    std::vector<T> gone = std::move(list);
    gone.clear();
    if (gone.capacity() <= kLargest && gone.capacity() > slot().capacity()) slot() = std::move(gone);
  }

 private:
  static constexpr std::size_t kLargest = 4096;
  static std::vector<T>& slot() {
    thread_local std::vector<T> room;
    return room;
  }
};

}  // namespace ecoscore::core
