#include "ecoscore/report/detail_store.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ecoscore/core/error.hpp"
#include "ecoscore/report/temp_file.hpp"
#include "ecoscore/report/writers.hpp"

namespace ecoscore::report {
namespace {

// `path`: where the file was made (it has no name once open).
[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw core::IoError({core::make_error({path, 0, 0}, core::Msg::output_failed, {what})});
}

template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void put_text(std::string& out, std::string_view text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

template <typename T>
T get(std::string_view& in) {
  T v;
  std::memcpy(&v, in.data(), sizeof v);
  in.remove_prefix(sizeof v);
  return v;
}

std::string get_text(std::string_view& in) {
  const auto size = get<std::uint32_t>(in);
  std::string text(in.substr(0, size));
  in.remove_prefix(size);
  return text;
}

}  // namespace

DetailStore::DetailStore(bool json) : json_(json) {
  const TempFile file = make_temp_file("ecoscore-detail");
  fd_ = file.fd;
  path_ = file.path;
  ::unlink(file.path.c_str());  // gone with the last descriptor, whatever happens
}

DetailStore::~DetailStore() { ::close(fd_); }

void DetailStore::keep(const score::CompanyScore& cs) {
  std::string bytes = json_ ? report::indicators_json(cs) : std::string();
  const std::size_t json_size = bytes.size();
  for (const auto& is : cs.indicators) {
    put_text(bytes, is.id);
    put_text(bytes, is.dimension);
    put(bytes, static_cast<std::uint8_t>(is.normalized.has_value()));
    put(bytes, is.normalized.value_or(0.0));
  }
  const Entry entry{end_.fetch_add(bytes.size()), static_cast<std::uint32_t>(json_size),
                    static_cast<std::uint32_t>(bytes.size() - json_size)};
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(entry.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path_, n < 0 ? std::strerror(errno) : "nothing written");
    done += static_cast<std::size_t>(n);
  }
  const std::lock_guard guard(lock_);
  entries_.insert_or_assign(cs.company->id, entry);
}

std::string DetailStore::read(std::uint64_t offset, std::size_t size) const {
  std::string bytes(size, '\0');
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::pread(fd_, bytes.data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path_, n < 0 ? std::strerror(errno) : "read past its end");
    done += static_cast<std::size_t>(n);
  }
  return bytes;
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

std::optional<std::string> DetailStore::indicators_json(std::string_view company_id) const {
  const std::optional<Entry> e = find(company_id);
  if (!e || !json_) return std::nullopt;
  return read(e->offset, e->json_size);
}

std::vector<score::IndicatorScore> DetailStore::indicators(std::string_view company_id) const {
  std::vector<score::IndicatorScore> out;
  const std::optional<Entry> e = find(company_id);
  if (!e) return out;
  const std::string bytes = read(e->offset + e->json_size, e->values_size);
  std::string_view in = bytes;
  while (!in.empty()) {
    score::IndicatorScore is;
    is.id = get_text(in);
    is.dimension = get_text(in);
    const bool has = get<std::uint8_t>(in) != 0;
    const double value = get<double>(in);
    if (has) is.normalized = value;
    out.push_back(std::move(is));
  }
  return out;
}

}  // namespace ecoscore::report
