#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ecoscore::core {

// Calls fn(k) once for each k in [0, count), on up to `threads` threads
// (0: every core), and returns when all calls are done. Calls for different
// k may run at once; each writes only its own results, so that what comes
// out does not depend on the thread count. When a call throws, no further
// calls start, and once the running ones are done the first exception
// caught is thrown again here (on whichever thread it was thrown).
template <typename F>
void parallel_for(std::size_t count, unsigned threads, F&& fn) {
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
  std::atomic<std::size_t> next{0};
  std::mutex failure_lock;
  std::exception_ptr failure;
  const auto work = [&] {
    try {
      for (std::size_t k; (k = next.fetch_add(1)) < count;) fn(k);
    } catch (...) {
      next = count;
      const std::lock_guard lock(failure_lock);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }  // every thread joined
  if (failure) std::rethrow_exception(failure);
}

// Renders items 0..count-1 a window of `window` items at a time on up to
// `threads` threads (0: every core) and hands each item's text to emit(text)
// in item order, so that what is written does not depend on the thread
// count; at most one window of texts is held at once. render(k) returns the
// text of item k.
template <typename Render, typename Emit>
void render_in_order(std::size_t count, unsigned threads, std::size_t window, Render&& render, Emit&& emit) {
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  if (threads == 1) {
    for (std::size_t k = 0; k < count; ++k) emit(render(k));
    return;
  }
  std::vector<std::string> pieces(std::min(window, count));
  for (std::size_t first = 0; first < count; first += window) {
    const std::size_t size = std::min(window, count - first);
    parallel_for(size, threads, [&](std::size_t k) { pieces[k] = render(first + k); });
    for (std::size_t k = 0; k < size; ++k) emit(pieces[k]);
  }
}

}  // namespace ecoscore::core
