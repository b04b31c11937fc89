#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ecoscore/score/result.hpp"

namespace ecoscore::score {

// The per-indicator detail of firms scored while a large cohort is read,
// moved out of memory into an unnamed temporary file (in $TMPDIR, else
// /tmp) and read back when needed: for scores.json, which explains every
// indicator, and for a pair's gaps. What a firm costs in memory is then its
// totals and dimensions, not its forty indicators. Values come back exactly
// as they were scored (doubles bit for bit). Firms' records are gathered in
// memory and written a block at a time (a write per firm cost the file
// system a page's zeroing and a system call each); the first read writes out
// what is gathered. Reading goes a window at a time the same way.
class DetailStore {
 public:
  // Throws core::IoError when no temporary file can be made.
  DetailStore();
  ~DetailStore();
  DetailStore(const DetailStore&) = delete;
  DetailStore& operator=(const DetailStore&) = delete;

  // Keeps a scored firm's indicators and says where (to be kept in its
  // CompanyScore); safe to call from several threads. Throws
  // core::IoError when the file cannot be written (a full disk). A firm is
  // read back when no keep() is running (a full block is written out of the
  // lock, and may hold it): a run keeps them all, then reads.
  CompanyScore::Kept keep(const CompanyScore& cs);
  // How many firms' indicators it holds.
  std::size_t size() const { return count_; }
  // The indicators kept at `where`; safe to call from several threads,
  // without a lock (each firm knows its place). Throws core::IoError when
  // the file cannot be read.
  std::vector<IndicatorScore> indicators(const CompanyScore::Kept& where) const;
  // The same, into `out`, whose indicators' room is reused: for a writer
  // that reads one firm after another.
  void read(const CompanyScore::Kept& where, std::vector<IndicatorScore>& out) const;

 private:
  static constexpr std::size_t kBlock = std::size_t{512} << 10;
  static constexpr std::size_t kWindow = std::size_t{256} << 10;  // read at a time
  void write_at(std::string_view bytes, std::uint64_t offset) const;
  // Writes the records gathered (under lock_).
  void write_block() const;

  std::uint64_t serial_ = 0;  // which store this is, for a thread's read window (never 0)
  int fd_ = -1;
  std::string path_;  // for messages: the file is unlinked once open
  std::atomic<std::size_t> count_{0};
  mutable std::mutex lock_;               // for what follows
  mutable std::unique_ptr<char[]> block_;  // records gathered, not yet written
  std::unique_ptr<char[]> spare_;          // a block written out, for the next to gather in
  mutable std::size_t gathered_ = 0;      // bytes in block_
  mutable std::uint64_t end_ = 0;         // where the next record goes in the file
  mutable std::atomic<bool> unwritten_{false};  // block_ holds records
};

}  // namespace ecoscore::score
