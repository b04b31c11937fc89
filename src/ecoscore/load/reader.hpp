#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/load/yaml_tree.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/label.hpp"
#include "ecoscore/model/names.hpp"

namespace ecoscore::load {

// Reads typed values out of one file's tree, reporting every problem with
// the file, line, column and path inside the document. Each read returns
// nullopt after reporting, so loaders keep going and find all errors.
class Reader {
 public:
  Reader(std::string path, core::Diagnostics& out) : path_(std::move(path)), out_(out) {}

  const std::string& path() const { return path_.str(); }
  const core::PathRef& path_ref() const { return path_; }
  core::SourceLocation where(const Node& node) const { return {path_, node.line, node.column}; }

  void error(const Node& at, const std::string& doc_path, core::Msg msg,
             std::vector<std::string> args = {}, std::string suggestion = {});
  void warning(const Node& at, const std::string& doc_path, core::Msg msg,
               std::vector<std::string> args = {});

  // Reports "expected X, found Y" unless the node has the kind.
  bool expect(const Node& node, Node::Kind kind, const std::string& doc_path);

  std::optional<double> number(const Node& node, const std::string& doc_path);
  std::optional<int> whole_number(const Node& node, const std::string& doc_path);
  std::optional<bool> boolean(const Node& node, const std::string& doc_path);
  // Non-empty text; a plain scalar that looks like a number is still text.
  std::optional<std::string> text(const Node& node, const std::string& doc_path);
  std::optional<std::string> id(const Node& node, const std::string& doc_path);
  std::optional<model::Date> date(const Node& node, const std::string& doc_path);
  // {ko: ..., en: ...}; with require_both, both texts must be there.
  std::optional<model::Label> label(const Node& node, const std::string& doc_path, bool require_both);
  // A sorted list of unique ids; duplicates are reported.
  std::optional<std::vector<std::string>> id_list(const Node& node, const std::string& doc_path);

  template <typename E>
  std::optional<E> choice(const Node& node, const std::string& doc_path,
                          std::span<const model::EnumName<E>> names) {
    const auto spelled = text(node, doc_path);
    if (!spelled) return std::nullopt;
    if (auto v = model::parse_name(names, *spelled)) return v;
    std::vector<std::string> options;
    for (const auto& n : names) options.emplace_back(n.name);
    report_bad_choice(node, doc_path, *spelled, options);
    return std::nullopt;
  }

 private:
  void report_bad_choice(const Node& node, const std::string& doc_path, const std::string& spelled,
                         const std::vector<std::string>& options);

  core::PathRef path_;  // shared by every location this reader makes
  core::Diagnostics& out_;
};

// The keys of one mapping. Loaders ask for the keys they know; finish()
// reports every other key as unknown, with the nearest known key.
class Fields {
 public:
  // Reports and yields no fields when `map` is not a mapping.
  Fields(Reader& reader, const Node& map, std::string doc_path);

  bool ok() const { return ok_; }
  const Node* optional(std::string_view key);
  const Node* required(std::string_view key);
  std::string path_of(std::string_view key) const { return doc_path_ + "/" + std::string(key); }
  const std::string& doc_path() const { return doc_path_; }
  void finish();

 private:
  Reader& reader_;
  const Node& map_;
  std::string doc_path_;
  bool ok_;
  std::vector<bool> taken_;
  std::vector<std::string> known_;
};

// Ids that must be unique within a scope; a repeat is reported with the
// place of the first.
class UniqueIds {
 public:
  explicit UniqueIds(Reader& reader) : reader_(reader) {}
  // False (and reported) when `id` was seen before.
  bool add(const std::string& id, const Node& at, const std::string& doc_path);

 private:
  Reader& reader_;
  std::map<std::string, const Node*> seen_;
};

// "/a/b" + 3 -> "/a/b/3"
inline std::string index_path(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

}  // namespace ecoscore::load
