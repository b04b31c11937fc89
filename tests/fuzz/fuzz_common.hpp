// Shared by the fuzz targets: the loader's path from bytes to a tree, as the
// CLI takes it for a file (byte checks, BOM, YAML events, limits).
#pragma once

#include <cstdint>
#include <sstream>
#include <string>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/load/file_reader.hpp"
#include "ecoscore/load/limits.hpp"
#include "ecoscore/load/yaml_tree.hpp"

namespace ecoscore::fuzz {

inline const load::Limits kLimits{};

// The tree of `data`, or an empty one with the reasons in `out`.
inline load::Document parse(const std::uint8_t* data, std::size_t size, core::Diagnostics& out) {
  if (size > kLimits.max_file_bytes) return {};
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!load::check_text(bytes, "fuzz.yaml", true, out)) return {};
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return load::parse_yaml(std::string(bytes), "fuzz.yaml", kLimits, out);
}

// Every diagnostic rendered in both languages: messages must format whatever
// the arguments hold.
inline void render_all(const core::Diagnostics& out) {
  std::size_t length = 0;
  for (const auto& d : out) length += d.render(core::Lang::ko).size() + d.render(core::Lang::en).size();
  if (length == static_cast<std::size_t>(-1)) __builtin_trap();  // keeps the work observable
}

}  // namespace ecoscore::fuzz
