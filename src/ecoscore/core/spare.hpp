#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace ecoscore::core {

// The room of a list that was let go, kept by each thread for the next list
// of its kind: a cohort's firms each fill a list of ratings and one of
// indicator scores of the same length, and let them go once scored, so
// that a thread reuses one room of each instead of allocating and freeing
// one for every firm. Only the room is kept, never the items. The same
// goes for a file's text and the buffers of its tree (List = std::string,
// or a std::vector<char>).
template <typename T, typename List = std::vector<T>>
class Spare {
 public:
  // An empty list with room for `count` items.
  static List take(std::size_t count) {
    List list = std::exchange(slot(), List());
    list.reserve(count);
    return list;
  }

  // Lets `list` go: its items now, its room for the next take() on this
  // thread (unless that room is larger than any firm's list needs).
  static void give(List&& list) {
    List gone = std::move(list);
    gone.clear();
    if (gone.capacity() <= kLargest && gone.capacity() > slot().capacity()) slot() = std::move(gone);
  }

  // The most items a room kept may hold: 4 096, or 256 KiB of small ones.
  static constexpr std::size_t kLargest = std::max<std::size_t>(4096, (std::size_t{256} << 10) / sizeof(T));

 private:
  static List& slot() {
    thread_local List room;
    return room;
  }
};

}  // namespace ecoscore::core
