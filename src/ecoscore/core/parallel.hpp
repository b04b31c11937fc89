#pragma once

#include <algorithm>
#include <condition_variable>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
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

// Renders items 0..count-1 on `threads` threads (0: every core), the
// calling thread among them, and hands each item's text to emit(piece) in
// item order, as soon as it and every item before it are rendered: what is
// written does not depend on the thread count, and emitting overlaps
// rendering. At most two windows (2 x `window` items) are rendered ahead of
// what is emitted. render(k, piece) writes item k's text into `piece`,
// which held an earlier item's, so that its room is reused rather than
// allocated for every item. A thread takes up to a quarter of a window at
// once. emit is called on one thread at a time, but not always the same:
// the thread that renders the items next in line emits them, and every
// item rendered in a row after them; items rendered out of turn are left
// for it. So no thread waits for another or wakes another, but when the
// items ahead fill two windows before the next in line is rendered.
// An exception from render or emit stops the work and, once the threads are
// done, is thrown again here.
template <typename Piece, typename Render, typename Emit>
void render_in_order(std::size_t count, unsigned threads, std::size_t window, Render&& render, Emit&& emit) {
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  if (threads == 1 || count < 2) {
    Piece piece;
    for (std::size_t k = 0; k < count; ++k) {
      render(k, piece);
      emit(piece);
    }
    return;
  }
  // Item k is rendered into slot k % ring once item k - ring is emitted.
  const std::size_t ring = std::min(count, 2 * std::max<std::size_t>(window, 1));
  const std::size_t batch = std::max<std::size_t>(window / 4, 1);
  std::vector<Piece> pieces(ring);
  std::mutex lock;  // guards what follows, not the pieces
  std::condition_variable freed;  // threads wait here for a slot
  std::vector<char> ready(ring, 0);  // a slot's item is rendered, not yet emitted
  std::size_t next = 0;     // the next item to render
  std::size_t emitted = 0;  // items emitted
  bool emitting = false;    // a thread is emitting (it alone touches emitted items' slots)
  std::size_t waiting = 0;  // threads waiting for a slot
  bool stop = false;
  std::exception_ptr failure;
  // Called with `lock` held.
  const auto fail = [&](std::exception_ptr e) {
    stop = true;
    if (!failure) failure = std::move(e);
    freed.notify_all();
  };
  const auto work = [&] {
    std::unique_lock guard(lock);
    for (;;) {
      if (!stop && next < count && next >= emitted + ring) {
        ++waiting;
        freed.wait(guard, [&] { return stop || next == count || next < emitted + ring; });
        --waiting;
      }
      if (stop || next == count) return;
      const std::size_t first = next;  // items [first, last), whose slots are free
      const std::size_t last = std::min({count, first + batch, emitted + ring});
      next = last;
      guard.unlock();
      try {
        for (std::size_t k = first; k < last; ++k) render(k, pieces[k % ring]);
      } catch (...) {
        guard.lock();
        fail(std::current_exception());
        return;
      }
      guard.lock();
      for (std::size_t k = first; k < last; ++k) ready[k % ring] = 1;
      if (emitting) continue;  // the emitting thread comes to these
      // (A ready slot holds an item in [emitted, next).)
      emitting = true;
      while (!stop && ready[emitted % ring] != 0) {
        const std::size_t from = emitted;
        std::size_t to = from;  // items [from, to) are rendered
        while (to < next && ready[to % ring] != 0) ++to;
        guard.unlock();
        try {
          for (std::size_t j = from; j < to; ++j) emit(pieces[j % ring]);  // no thread writes these slots yet
        } catch (...) {
          guard.lock();
          fail(std::current_exception());
          return;
        }
        guard.lock();
        for (std::size_t j = from; j < to; ++j) ready[j % ring] = 0;
        emitted = to;
        if (waiting > 0) freed.notify_all();
      }
      emitting = false;
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }  // every thread joined
  if (failure) std::rethrow_exception(failure);
}

}  // namespace ecoscore::core
