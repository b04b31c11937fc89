#include "ecoscore/score/detail_store.hpp"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <utility>
#include <memory>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/temp_file.hpp"

namespace ecoscore::score {
namespace {

// `path`: where the file was made (it has no name once open).
[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw core::IoError({core::make_error({path, 0, 0}, core::Msg::output_failed, {what})});
}

// A firm's indicators in a compact binary form, read back by Reader. Each
// thread keeps one, emptied for each firm, so that its room is reused.
class Writer {
 public:
  void clear() {
    size_ = 0;
    // (Not the room of a firm far larger than any other.)
    if (buffer_.size() > kLargest) std::vector<char>().swap(buffer_);
  }
  template <typename T>
  void put(const T& v) {
    append(&v, sizeof v);
  }
  void text(std::string_view t) {
    put(static_cast<std::uint32_t>(t.size()));
    append(t.data(), t.size());
  }
  void value(const model::Value& v) {
    put(static_cast<std::uint8_t>(v.index()));
    if (const double* d = std::get_if<double>(&v)) put(*d);
    else if (const bool* b = std::get_if<bool>(&v)) put(static_cast<std::uint8_t>(*b));
    else text(std::get<std::string>(v));
  }
  std::string_view bytes() const { return {buffer_.data(), size_}; }

 private:
  // Grows the buffer by doubling and copies, without std::string's
  // bookkeeping on each of an indicator's two dozen small fields.
  void append(const void* data, std::size_t n) {
    if (size_ + n > buffer_.size()) buffer_.resize(std::max(2 * buffer_.size(), size_ + n + 4096));
    std::memcpy(buffer_.data() + size_, data, n);
    size_ += n;
  }
  static constexpr std::size_t kLargest = std::size_t{256} << 10;
  std::vector<char> buffer_;  // its size is the room; size_ bytes are written
  std::size_t size_ = 0;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return in_.empty(); }
  template <typename T>
  T get() {
    T v;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return v;
  }
  // Into `t`, whose room is reused.
  void text(std::string& t) {
    const auto size = get<std::uint32_t>();
    t.assign(in_.substr(0, size));
    in_.remove_prefix(size);
  }
  std::string text() {
    std::string t;
    text(t);
    return t;
  }
  model::Value value() {
    switch (get<std::uint8_t>()) {
      case 0: return get<double>();
      case 1: return get<std::uint8_t>() != 0;
      default: return text();
    }
  }

 private:
  std::string_view in_;
};

// Which of an indicator's fields follow its flags: those that differ from a
// fresh IndicatorScore's (doubles compared bit for bit, so that -0 is kept),
// and its dimension only where it changes. Most indicators leave half their
// fields at rest, and all of a dimension's share its id.
enum Field : std::uint16_t {
  kNewDimension = 1U << 0U,
  kRaw = 1U << 1U,
  kRaters = 1U << 2U,
  kSpread = 1U << 3U,
  kDisagree = 1U << 4U,
  kNormalized = 1U << 5U,
  kMissing = 1U << 6U,
  kReason = 1U << 7U,
  kScoredAs = 1U << 8U,
  kWeight = 1U << 9U,
  kEffectiveWeight = 1U << 10U,
  kContribution = 1U << 11U,
  kEvidence = 1U << 12U,
  kDate = 1U << 13U,
};

bool set(double d) { return std::bit_cast<std::uint64_t>(d) != 0; }

// `dimension`: the previous indicator's, or null for the first.
void write_indicator(Writer& w, const IndicatorScore& is, const core::Interned* dimension) {
  std::uint16_t flags = 0;
  const auto mark = [&flags](bool on, Field f) {
    if (on) flags = static_cast<std::uint16_t>(flags | f);
  };
  mark(!dimension || *dimension != is.dimension, kNewDimension);
  mark(is.raw.has_value(), kRaw);
  mark(!is.per_rater.empty(), kRaters);
  mark(set(is.rater_spread), kSpread);
  mark(is.raters_disagree, kDisagree);
  mark(is.normalized.has_value(), kNormalized);
  mark(is.missing != Missing::none, kMissing);
  mark(!is.missing_reason.empty(), kReason);
  mark(set(is.scored_as), kScoredAs);
  mark(set(is.weight), kWeight);
  mark(set(is.effective_weight), kEffectiveWeight);
  mark(is.contribution.has_value(), kContribution);
  mark(!is.evidence.empty(), kEvidence);
  mark(is.evidence_date.has_value(), kDate);
  w.put(flags);
  w.text(is.id);
  if (flags & kNewDimension) w.text(is.dimension);
  if (flags & kRaw) w.value(*is.raw);
  if (flags & kRaters) {
    w.put(static_cast<std::uint32_t>(is.per_rater.size()));
    for (const auto& r : is.per_rater) {
      w.text(r.rater);
      w.value(r.raw);
      w.put(r.normalized);
    }
  }
  if (flags & kSpread) w.put(is.rater_spread);
  if (flags & kNormalized) w.put(*is.normalized);
  if (flags & kMissing) w.put(static_cast<std::uint8_t>(is.missing));
  if (flags & kReason) w.text(is.missing_reason);
  if (flags & kScoredAs) w.put(is.scored_as);
  if (flags & kWeight) w.put(is.weight);
  if (flags & kEffectiveWeight) w.put(is.effective_weight);
  if (flags & kContribution) w.put(*is.contribution);
  if (flags & kEvidence) w.text(is.evidence);
  if (flags & kDate) w.put(*is.evidence_date);
}

// Into `is`, whose strings' room is reused. `dimension`: the previous
// indicator's, updated when this one names another (read into `text`).
void read_indicator(Reader& r, std::string& text, core::Interned& dimension, IndicatorScore& is) {
  is = IndicatorScore{};  // every field at rest (a short string moved in keeps the room)
  const auto flags = r.get<std::uint16_t>();
  r.text(is.id);
  if (flags & kNewDimension) {
    r.text(text);
    dimension = text;
  }
  is.dimension = dimension;
  if (flags & kRaw) is.raw = r.value();
  if (flags & kRaters) {
    const auto raters = r.get<std::uint32_t>();
    for (std::uint32_t k = 0; k < raters; ++k) {
      RaterScore rs;
      rs.rater = r.text();
      rs.raw = r.value();
      rs.normalized = r.get<double>();
      is.per_rater.push_back(std::move(rs));
    }
  }
  if (flags & kSpread) is.rater_spread = r.get<double>();
  is.raters_disagree = (flags & kDisagree) != 0;
  if (flags & kNormalized) is.normalized = r.get<double>();
  if (flags & kMissing) is.missing = static_cast<Missing>(r.get<std::uint8_t>());
  if (flags & kReason) r.text(is.missing_reason);
  if (flags & kScoredAs) is.scored_as = r.get<double>();
  if (flags & kWeight) is.weight = r.get<double>();
  if (flags & kEffectiveWeight) is.effective_weight = r.get<double>();
  if (flags & kContribution) is.contribution = r.get<double>();
  if (flags & kEvidence) r.text(is.evidence);
  if (flags & kDate) is.evidence_date = r.get<model::Date>();
}

}  // namespace

DetailStore::DetailStore() {
  static std::atomic<std::uint64_t> made{0};
  serial_ = ++made;
  const core::TempFile file = core::make_temp_file("ecoscore-detail");
  fd_ = file.fd;
  path_ = file.path;
  ::unlink(file.path.c_str());  // gone with the last descriptor, whatever happens
}

DetailStore::~DetailStore() { ::close(fd_); }

void DetailStore::write_at(std::string_view bytes, std::uint64_t offset) const {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path_, n < 0 ? std::strerror(errno) : "nothing written");
    done += static_cast<std::size_t>(n);
  }
}

void DetailStore::write_block() const {
  // The block's records end where the next one goes.
  write_at(std::string_view(block_.get(), gathered_), end_ - gathered_);
  gathered_ = 0;
  unwritten_.store(false, std::memory_order_release);
}

CompanyScore::Kept DetailStore::keep(const CompanyScore& cs) {
  thread_local Writer w;
  w.clear();
  const core::Interned* dimension = nullptr;
  for (const auto& is : cs.indicators) {
    write_indicator(w, is, dimension);
    dimension = &is.dimension;
  }
  const std::string_view bytes = w.bytes();
  // A full block is written out after the lock is let go, the next firms
  // gathering meanwhile in the spare one: no thread waits for the file.
  std::unique_ptr<char[]> full;
  std::size_t full_size = 0;
  std::uint64_t full_at = 0;
  CompanyScore::Kept where;
  {
    const std::lock_guard guard(lock_);
    if (gathered_ + bytes.size() > kBlock && gathered_ > 0) {
      full = std::move(block_);
      full_size = std::exchange(gathered_, 0);
      full_at = end_ - full_size;
      block_ = std::move(spare_);
    }
    where = {end_, bytes.size()};
    end_ += bytes.size();
    if (!bytes.empty() && bytes.size() <= kBlock) {  // (a firm with no indicators has nothing to keep)
      if (!block_) block_ = std::make_unique_for_overwrite<char[]>(kBlock);
      std::memcpy(block_.get() + gathered_, bytes.data(), bytes.size());
      gathered_ += bytes.size();
      unwritten_.store(true, std::memory_order_relaxed);
    }
    ++count_;
  }
  if (full) {
    write_at(std::string_view(full.get(), full_size), full_at);
    const std::lock_guard guard(lock_);
    if (!spare_) spare_ = std::move(full);
  }
  if (bytes.size() > kBlock) write_at(bytes, where.offset);  // (a firm larger than a block: alone)
  return where;
}

std::vector<IndicatorScore> DetailStore::indicators(const CompanyScore::Kept& where) const {
  std::vector<IndicatorScore> out;
  read(where, out);
  return out;
}

void DetailStore::read(const CompanyScore::Kept& where, std::vector<IndicatorScore>& out) const {
  if (unwritten_.load(std::memory_order_acquire)) {
    const std::lock_guard guard(lock_);
    if (gathered_ > 0) write_block();
  }
  // Each thread reads a window of the file at a time, kept from firm to
  // firm: firms are rendered in about the order they were kept, so most are
  // found in the window read for one before them. (What is in the file does
  // not change once written, so a window never goes stale.)
  struct Window {
    std::uint64_t store = 0;  // the serial number of the store read
    std::uint64_t start = 0;
    std::size_t size = 0;
    std::size_t capacity = 0;
    std::unique_ptr<char[]> bytes;
  };
  thread_local Window window;
  if (window.store != serial_ || where.offset < window.start || where.offset + where.size > window.start + window.size) {
    const std::size_t wanted = std::max(where.size, kWindow);
    if (window.capacity < wanted) {
      window.bytes = std::make_unique_for_overwrite<char[]>(wanted);
      window.capacity = wanted;
    }
    window.store = serial_;
    window.start = where.offset;
    window.size = 0;
    // At least the firm's record; the rest of the window as far as the file goes.
    while (window.size < where.size) {
      const ssize_t n = ::pread(fd_, window.bytes.get() + window.size, wanted - window.size,
                                static_cast<off_t>(where.offset + window.size));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        window.store = 0;
        fail(path_, std::strerror(errno));
      }
      if (n == 0) {
        window.store = 0;
        fail(path_, "read past its end");
      }
      window.size += static_cast<std::size_t>(n);
    }
  }
  const char* const record = window.bytes.get() + (where.offset - window.start);
  Reader r(std::string_view(record, where.size));
  std::string text;
  core::Interned dimension;
  std::size_t count = 0;
  while (!r.done()) {
    if (count == out.size()) out.emplace_back();
    read_indicator(r, text, dimension, out[count++]);
  }
  out.resize(count);
}

}  // namespace ecoscore::score
