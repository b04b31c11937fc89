#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ecoscore/score/result.hpp"

namespace ecoscore::score {

// The per-indicator detail of firms scored while a large cohort is read,
// moved out of memory into an unnamed temporary file (in $TMPDIR, else
// /tmp) and read back when needed: for scores.json, which explains every
// indicator, and for a pair's gaps. What a firm costs in memory is then its
// totals and dimensions, not its forty indicators. Values come back exactly
// as they were scored (doubles bit for bit).
class DetailStore {
 public:
  // Throws core::IoError when no temporary file can be made.
  DetailStore();
  ~DetailStore();
  DetailStore(const DetailStore&) = delete;
  DetailStore& operator=(const DetailStore&) = delete;

  // Keeps a scored firm's indicators, under its company id; safe to call
  // from several threads. Throws core::IoError when the file cannot be
  // written (a full disk).
  void keep(const CompanyScore& cs);
  bool holds(std::string_view company_id) const;
  // How many firms' indicators it holds.
  std::size_t size() const;
  // The firm's indicators as kept (none when it holds none); safe to call
  // from several threads once the keeping is done. Throws core::IoError
  // when the file cannot be read.
  std::vector<IndicatorScore> indicators(std::string_view company_id) const;

 private:
  struct Entry {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
  };
  std::optional<Entry> find(std::string_view company_id) const;

  int fd_ = -1;
  std::string path_;  // for messages: the file is unlinked once open
  std::atomic<std::uint64_t> end_{0};
  mutable std::mutex lock_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace ecoscore::score
