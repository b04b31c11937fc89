#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/load/limits.hpp"

namespace ecoscore::load {

// A YAML node with its position, independent of yaml-cpp. Mappings keep their
// entries in file order as alternating key, value children.
struct Node {
  enum class Kind : unsigned char { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  bool quoted = false;  // a scalar written in quotes or as a block scalar
  int line = 0;         // 1-based
  int column = 0;       // 1-based, in code points
  std::string text;     // scalars
  std::vector<Node> children;

  bool is_mapping() const { return kind == Kind::mapping; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }
  std::size_t entry_count() const { return is_mapping() ? children.size() / 2 : 0; }
  const Node& key(std::size_t entry) const { return children[2 * entry]; }
  const Node& value(std::size_t entry) const { return children[2 * entry + 1]; }
  // The value for a key, or null when absent.
  const Node* find(std::string_view key) const;
};

// "a mapping", "a list", "text 'x'", "nothing" — for messages.
std::string describe(const Node& node);

// Parses `text` (already checked by check_text, without BOM) as exactly one
// YAML document. Duplicate keys are reported and the document is still
// returned; anything that makes the tree unusable (syntax, anchors, aliases,
// tags, limits, a second document) returns nullopt. `path` names the file in
// diagnostics.
std::optional<Node> parse_yaml(const std::string& text, const std::string& path,
                               const Limits& limits, core::Diagnostics& out);

}  // namespace ecoscore::load
