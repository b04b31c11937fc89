#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/load/yaml_tree.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/label.hpp"
#include "ecoscore/model/names.hpp"

namespace ecoscore::load {

// Where a value sits in its document ("/evaluation/ratings/x/value"), for
// messages only: given as text, or as a function that spells it, so that a
// path is only put together for a value found wrong (a cohort's files are
// read without building one). It refers to what it was made from, so it is
// only a parameter: it never outlives the call it is passed to.
class DocPath {
 public:
  DocPath(const std::string& text)  // NOLINT(google-explicit-constructor): any text is a path
      : object_(&text), spell_([](const void* o) { return *static_cast<const std::string*>(o); }) {}
  DocPath(const char* text)  // NOLINT(google-explicit-constructor)
      : object_(text), spell_([](const void* o) { return std::string(static_cast<const char*>(o)); }) {}
  template <typename Spell>
    requires std::is_invocable_r_v<std::string, const Spell&> && (!std::is_same_v<Spell, DocPath>)
  DocPath(const Spell& spell)  // NOLINT(google-explicit-constructor)
      : object_(&spell), spell_([](const void* o) { return (*static_cast<const Spell*>(o))(); }) {}

  std::string str() const { return spell_(object_); }

 private:
  const void* object_;
  std::string (*spell_)(const void*);
};

// Reads typed values out of one file's tree, reporting every problem with
// the file, line, column and path inside the document. Each read returns
// nullopt after reporting, so loaders keep going and find all errors.
class Reader {
 public:
  Reader(std::string path, core::Diagnostics& out) : path_(std::move(path)), out_(out) {}

  const std::string& path() const { return path_.str(); }
  const core::PathRef& path_ref() const { return path_; }
  core::SourceLocation where(const Node& node) const { return {path_, node.line, node.column}; }

  void error(const Node& at, const DocPath& doc_path, core::Msg msg,
             std::vector<std::string> args = {}, std::string suggestion = {});
  void warning(const Node& at, const DocPath& doc_path, core::Msg msg,
               std::vector<std::string> args = {});

  // Reports "expected X, found Y" unless the node has the kind.
  bool expect(const Node& node, Node::Kind kind, const DocPath& doc_path);

  std::optional<double> number(const Node& node, const DocPath& doc_path);
  std::optional<int> whole_number(const Node& node, const DocPath& doc_path);
  std::optional<bool> boolean(const Node& node, const DocPath& doc_path);
  // Non-empty text; a plain scalar that looks like a number is still text.
  std::optional<std::string> text(const Node& node, const DocPath& doc_path);
  std::optional<std::string> id(const Node& node, const DocPath& doc_path);
  std::optional<model::Date> date(const Node& node, const DocPath& doc_path);
  // {ko: ..., en: ...}; with require_both, both texts must be there.
  std::optional<model::Label> label(const Node& node, const DocPath& doc_path, bool require_both);
  // A sorted list of unique ids; duplicates are reported.
  std::optional<std::vector<std::string>> id_list(const Node& node, const DocPath& doc_path);

  template <typename E>
  std::optional<E> choice(const Node& node, const DocPath& doc_path,
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
  void report_bad_choice(const Node& node, const DocPath& doc_path, const std::string& spelled,
                         const std::vector<std::string>& options);

  core::PathRef path_;  // shared by every location this reader makes
  core::Diagnostics& out_;
};

// The keys of one mapping. Loaders ask for the keys they know; finish()
// reports every other key as unknown, with the nearest known key. The keys
// asked for must outlive it (they are string literals).
class Fields {
 public:
  // Reports and yields no fields when `map` is not a mapping.
  Fields(Reader& reader, const Node& map, std::string doc_path)
      : Fields(reader, map, std::move(doc_path), nullptr) {}
  // The same, with the mapping's path spelled by `spell` only for a message.
  // `spell` must outlive the Fields: a named function object of the caller.
  template <typename Spell>
    requires std::is_invocable_r_v<std::string, const Spell&>
  Fields(Reader& reader, const Node& map, const Spell& spell) : Fields(reader, map, {}, &spell) {}
  template <typename Spell>
  Fields(Reader&, const Node&, const Spell&&) = delete;  // (a temporary would be gone before the message)
  Fields(const Fields&) = delete;
  Fields& operator=(const Fields&) = delete;

  bool ok() const { return ok_; }
  const Node* optional(std::string_view key);
  const Node* required(std::string_view key);
  std::string path_of(std::string_view key) const { return path_.str() + "/" + std::string(key); }
  void finish();

 private:
  // `spell` is nullptr (the path is `owned`) or points to the function.
  template <typename SpellPointer>
  Fields(Reader& reader, const Node& map, std::string owned, SpellPointer spell)
      : reader_(reader), map_(map), owned_(std::move(owned)), path_(pick(spell)), ok_(check()) {}
  template <typename SpellPointer>
  DocPath pick(SpellPointer spell) const {
    if constexpr (std::is_null_pointer_v<SpellPointer>)
      return DocPath(owned_);
    else
      return DocPath(*spell);
  }
  std::string whole_path() const;  // the path, "/" for the document
  bool check();

  Reader& reader_;
  const Node& map_;
  std::string owned_;  // the path, when given as text
  DocPath path_;
  bool ok_;
  // Which of the first 64 entries were asked for (the others are looked up
  // among the keys known when finish() comes to them).
  std::uint64_t taken_ = 0;
  // The keys asked for: the first few in place, any others in a vector.
  std::array<std::string_view, 8> known_{};
  std::size_t known_count_ = 0;
  std::vector<std::string_view> known_more_;
};

// Ids that must be unique within a scope; a repeat is reported with the
// place of the first.
class UniqueIds {
 public:
  explicit UniqueIds(Reader& reader) : reader_(reader) {}
  // False (and reported) when `id` was seen before.
  bool add(const std::string& id, const Node& at, const DocPath& doc_path);

 private:
  Reader& reader_;
  std::map<std::string, const Node*> seen_;
};

// "/a/b" + 3 -> "/a/b/3"
inline std::string index_path(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

}  // namespace ecoscore::load
