#include "ecoscore/audit/publish.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "ecoscore/core/error.hpp"

namespace ecoscore::audit {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail_output(const std::string& path, core::Msg msg, std::vector<std::string> args) {
  throw core::OutputError({core::make_error({path, 0, 0}, msg, std::move(args))});
}

void write_all(int fd, const std::string& content, const std::string& path) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw core::IoError({core::make_error({path, 0, 0}, core::Msg::output_failed, {std::strerror(errno)})});
    }
    done += static_cast<std::size_t>(n);
  }
}

void sync_folder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Renames without replacing an existing file.
int rename_noreplace(const char* from, const char* to) {
  if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  // The file system cannot do it in one step: a hard link fails on an
  // existing target just the same.
  if (::link(from, to) != 0) return -1;
  return ::unlink(from);
}

// A visible file name of the folder itself: no path, no hidden name (those
// are the temporaries'), no control character.
bool is_plain_name(const std::string& name) {
  return !name.empty() && name.front() != '.' && name.find('/') == std::string::npos &&
         std::none_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

// Every name plain and unique even on a case-insensitive file system, checked
// before anything is created.
void check_names(const std::vector<OutputFile>& files) {
  std::set<std::string> folded;
  for (const auto& f : files) {
    if (!is_plain_name(f.name)) fail_output(f.name, core::Msg::output_failed, {"not a plain file name"});
    std::string key = f.name;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!folded.insert(key).second)
      fail_output(f.name, core::Msg::output_failed, {"two outputs would share this name on a case-insensitive file system"});
  }
}

}  // namespace

void publish(const std::string& folder, const std::vector<OutputFile>& files, bool force) {
  check_names(files);
  std::error_code ec;
  if (fs::exists(folder, ec)) {
    if (!fs::is_directory(folder, ec)) fail_output(folder, core::Msg::output_not_folder, {});
    if (!force && !fs::is_empty(folder, ec)) fail_output(folder, core::Msg::output_exists, {});
  } else {
    fs::create_directories(folder, ec);
    if (ec) fail_output(folder, core::Msg::output_failed, {ec.message()});
  }
  std::vector<std::string> temporaries;
  try {
    for (const auto& f : files) {
      std::string tmp = folder + "/." + f.name + ".tmp-XXXXXX";
      const int fd = ::mkstemp(tmp.data());
      if (fd < 0) fail_output(folder, core::Msg::output_failed, {std::strerror(errno)});
      temporaries.push_back(tmp);
      try {
        write_all(fd, f.content, tmp);
        if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) fail_output(tmp, core::Msg::output_failed, {std::strerror(errno)});
      } catch (...) {
        ::close(fd);
        throw;
      }
      if (::close(fd) != 0) fail_output(tmp, core::Msg::output_failed, {std::strerror(errno)});
    }
    // Everything is on disk; now put each file in place.
    if (force) {
      const std::string manifest = folder + "/manifest.json";
      if (::unlink(manifest.c_str()) == 0) sync_folder(folder);
    }
    for (std::size_t k = 0; k < files.size(); ++k) {
      const std::string target = folder + "/" + files[k].name;
      const int rc = force ? ::rename(temporaries[k].c_str(), target.c_str())
                           : rename_noreplace(temporaries[k].c_str(), target.c_str());
      if (rc != 0) fail_output(target, core::Msg::output_failed, {std::strerror(errno)});
      temporaries[k].clear();
    }
    sync_folder(folder);
  } catch (...) {
    for (const auto& t : temporaries)
      if (!t.empty()) ::unlink(t.c_str());
    throw;
  }
}

}  // namespace ecoscore::audit
