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

namespace ecoscore::report {

// The per-indicator detail of firms scored while a large cohort is read,
// moved out of memory into an unnamed temporary file (in $TMPDIR, else
// /tmp) and read back when it is needed: each firm's scores.json
// `indicators` array, when asked for, and its indicators' normalized values,
// to rebuild them for a pair's gaps. What a firm costs in memory is then its
// totals and dimensions, not its forty indicators.
class DetailStore {
 public:
  // `json`: also keep each firm's `indicators` array as scores.json writes
  // it. Throws core::IoError when no temporary file can be made.
  explicit DetailStore(bool json);
  ~DetailStore();
  DetailStore(const DetailStore&) = delete;
  DetailStore& operator=(const DetailStore&) = delete;

  // Keeps a scored firm's detail, under its company id; safe to call from
  // several threads. Throws core::IoError when the file cannot be written
  // (a full disk).
  void keep(const score::CompanyScore& cs);
  bool holds(std::string_view company_id) const;
  // How many firms' detail it holds.
  std::size_t size() const;
  // The firm's `indicators` array as scores.json writes it, or nullopt when
  // not kept (or kept without it).
  std::optional<std::string> indicators_json(std::string_view company_id) const;
  // The firm's indicators with their id, dimension and normalized value
  // (nothing else), as they were scored.
  std::vector<score::IndicatorScore> indicators(std::string_view company_id) const;

 private:
  struct Entry {
    std::uint64_t offset = 0;
    std::uint32_t json_size = 0;
    std::uint32_t values_size = 0;
  };
  std::string read(std::uint64_t offset, std::size_t size) const;
  std::optional<Entry> find(std::string_view company_id) const;

  bool json_;
  int fd_ = -1;
  std::string path_;  // for messages: the file is unlinked once open
  std::atomic<std::uint64_t> end_{0};
  mutable std::mutex lock_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace ecoscore::report
