#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/core/spare.hpp"
#include "ecoscore/load/limits.hpp"

namespace ecoscore::load {

// A YAML node with its position, independent of yaml-cpp. Mappings keep their
// entries in file order as alternating key, value children. A node lives in
// its Document: its text and children are views of the document's storage.
struct Node {
  enum class Kind : unsigned char { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  bool quoted = false;  // a scalar written in quotes or as a block scalar
  int line = 0;         // 1-based
  int column = 0;       // 1-based, in code points
  std::string_view text;            // scalars
  std::span<const Node> children;  // collections

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

// One file's tree: every node in one array and every scalar's text in one
// buffer, so that a file costs a few allocations, not one for each node;
// when it goes, their room is kept for the thread's next file (core::Spare).
// Empty (false) when the file could not be parsed; otherwise *doc is the root.
class Document {
 public:
  Document() = default;
  Document(std::vector<Node> nodes, std::vector<char> texts)
      : nodes_(std::move(nodes)), texts_(std::move(texts)) {}
  ~Document() {
    core::Spare<Node>::give(std::move(nodes_));
    core::Spare<char>::give(std::move(texts_));
  }
  // A copy's views would still point into the original: moves only.
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;

  explicit operator bool() const { return !nodes_.empty(); }
  const Node& root() const { return nodes_.back(); }
  const Node& operator*() const { return root(); }
  const Node* operator->() const { return &root(); }

 private:
  // (Moving a vector keeps its elements where they are: the views stay good.)
  std::vector<Node> nodes_;  // the root last
  std::vector<char> texts_;
};

// "a mapping", "a list", "text 'x'", "nothing" — for messages.
std::string describe(const Node& node);

// Parses `text` (already checked by check_text, without BOM) as exactly one
// YAML document. Duplicate keys are reported and the document is still
// returned; anything that makes the tree unusable (syntax, anchors, aliases,
// tags, limits, a second document) returns an empty Document. `path` names
// the file in diagnostics.
Document parse_yaml(const std::string& text, const std::string& path,
                               const Limits& limits, core::Diagnostics& out);

}  // namespace ecoscore::load
