#include "ecoscore/score/detail_store.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/temp_file.hpp"

namespace ecoscore::score {
namespace {

// `path`: where the file was made (it has no name once open).
[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw core::IoError({core::make_error({path, 0, 0}, core::Msg::output_failed, {what})});
}

// A firm's indicators in a compact binary form, read back by Reader.
class Writer {
 public:
  template <typename T>
  void put(const T& v) {
    append(&v, sizeof v);
  }
  void text(std::string_view t) {
    put(static_cast<std::uint32_t>(t.size()));
    append(t.data(), t.size());
  }
  void number(const std::optional<double>& d) {
    put(static_cast<std::uint8_t>(d.has_value()));
    if (d) put(*d);
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
  std::vector<char> buffer_;
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
  std::string text() {
    const auto size = get<std::uint32_t>();
    std::string t(in_.substr(0, size));
    in_.remove_prefix(size);
    return t;
  }
  std::optional<double> number() {
    if (get<std::uint8_t>() == 0) return std::nullopt;
    return get<double>();
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

void write_indicator(Writer& w, const IndicatorScore& is) {
  w.text(is.id);
  w.text(is.dimension);
  w.put(static_cast<std::uint8_t>(is.raw.has_value()));
  if (is.raw) w.value(*is.raw);
  w.put(static_cast<std::uint32_t>(is.per_rater.size()));
  for (const auto& r : is.per_rater) {
    w.text(r.rater);
    w.value(r.raw);
    w.put(r.normalized);
  }
  w.put(is.rater_spread);
  w.put(static_cast<std::uint8_t>(is.raters_disagree));
  w.number(is.normalized);
  w.put(static_cast<std::uint8_t>(is.missing));
  w.text(is.missing_reason);
  w.put(is.scored_as);
  w.put(is.weight);
  w.put(is.effective_weight);
  w.number(is.contribution);
  w.text(is.evidence);
  w.put(static_cast<std::uint8_t>(is.evidence_date.has_value()));
  if (is.evidence_date) w.put(*is.evidence_date);
}

IndicatorScore read_indicator(Reader& r) {
  IndicatorScore is;
  is.id = r.text();
  is.dimension = r.text();
  if (r.get<std::uint8_t>()) is.raw = r.value();
  const auto raters = r.get<std::uint32_t>();
  for (std::uint32_t k = 0; k < raters; ++k) {
    RaterScore rs;
    rs.rater = r.text();
    rs.raw = r.value();
    rs.normalized = r.get<double>();
    is.per_rater.push_back(std::move(rs));
  }
  is.rater_spread = r.get<double>();
  is.raters_disagree = r.get<std::uint8_t>() != 0;
  is.normalized = r.number();
  is.missing = static_cast<Missing>(r.get<std::uint8_t>());
  is.missing_reason = r.text();
  is.scored_as = r.get<double>();
  is.weight = r.get<double>();
  is.effective_weight = r.get<double>();
  is.contribution = r.number();
  is.evidence = r.text();
  if (r.get<std::uint8_t>()) is.evidence_date = r.get<model::Date>();
  return is;
}

}  // namespace

DetailStore::DetailStore() {
  const core::TempFile file = core::make_temp_file("ecoscore-detail");
  fd_ = file.fd;
  path_ = file.path;
  ::unlink(file.path.c_str());  // gone with the last descriptor, whatever happens
}

DetailStore::~DetailStore() { ::close(fd_); }

void DetailStore::keep(const CompanyScore& cs) {
  Writer w;
  for (const auto& is : cs.indicators) write_indicator(w, is);
  const std::string_view bytes = w.bytes();
  const Entry entry{end_.fetch_add(bytes.size()), bytes.size()};
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(entry.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path_, n < 0 ? std::strerror(errno) : "nothing written");
    done += static_cast<std::size_t>(n);
  }
  const std::lock_guard guard(lock_);
  entries_.insert_or_assign(cs.company->id, entry);
}

std::optional<DetailStore::Entry> DetailStore::find(std::string_view company_id) const {
  const std::lock_guard guard(lock_);
  const auto it = entries_.find(std::string(company_id));
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

std::size_t DetailStore::size() const {
  const std::lock_guard guard(lock_);
  return entries_.size();
}

bool DetailStore::holds(std::string_view company_id) const { return find(company_id).has_value(); }

std::vector<IndicatorScore> DetailStore::indicators(std::string_view company_id) const {
  std::vector<IndicatorScore> out;
  const std::optional<Entry> e = find(company_id);
  if (!e) return out;
  std::string bytes(e->size, '\0');
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::pread(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(e->offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path_, n < 0 ? std::strerror(errno) : "read past its end");
    done += static_cast<std::size_t>(n);
  }
  Reader r(bytes);
  while (!r.done()) out.push_back(read_indicator(r));
  return out;
}

}  // namespace ecoscore::score
