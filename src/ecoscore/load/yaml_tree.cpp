#include "ecoscore/load/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <istream>
#include <optional>
#include <streambuf>

#include "ecoscore/core/text.hpp"

namespace ecoscore::load {
namespace {

using core::Msg;

// Thrown from inside the event handler to stop yaml-cpp at the first event
// that makes the document unacceptable.
struct Abort {
  Msg message;
  std::vector<std::string> args;
  int line;
  int column;
};

// Converts byte offsets into 1-based lines and code-point columns. Events
// come in file order, so each offset is reached from the one before: a file
// is scanned once, not back to each node's line start.
class Positions {
 public:
  explicit Positions(const std::string& text) : text_(text) {}

  std::pair<int, int> at(const YAML::Mark& mark) {
    if (mark.is_null() || mark.pos < 0) return {1, 1};
    const auto pos = std::min(static_cast<std::size_t>(mark.pos), text_.size());
    if (pos < pos_) pos_ = column_ = 0;  // (an offset behind the last: from the start)
    const std::string_view between = std::string_view(text_).substr(pos_, pos - pos_);
    if (const auto newline = between.rfind('\n'); newline != std::string_view::npos)
      column_ = core::count_code_points(between.substr(newline + 1));
    else
      column_ += core::count_code_points(between);
    pos_ = pos;
    return {mark.line + 1, static_cast<int>(column_) + 1};
  }

 private:
  const std::string& text_;
  std::size_t pos_ = 0;     // the last offset asked for
  std::size_t column_ = 0;  // its column, 0-based
};

// A quoted scalar as written in the file, from its opening quote at byte
// `pos`: whether it is closed (yaml-cpp 0.7 accepts a double- or
// single-quoted scalar that runs to the end of the file), and, for a
// double-quoted one, whether its value is its bytes as written: no escape,
// and no line break or tab, which are folded or kept. Those bytes passed
// check_text, so that such a value needs no second look. Eight bytes at a
// time while none of them is a quote, a backslash or below 0x20.
struct Quoted {
  bool closed = true;
  bool as_written = true;
};

Quoted scan_quoted(const std::string& text, std::size_t pos) {
  if (pos >= text.size()) return {};
  const char quote = text[pos];
  if (quote != '"' && quote != '\'') return {};  // a block scalar
  Quoted q;
  for (std::size_t i = pos + 1; i < text.size();) {
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      const std::uint64_t stops = quote == '"' ? core::bytes_equal(w, '"') | core::bytes_equal(w, '\\') |
                                                     core::bytes_below(w, 0x20)
                                               : core::bytes_equal(w, '\'');
      if (stops == 0) {
        i += 8;
        continue;
      }
    }
    const char c = text[i];
    if (c == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        i += 2;  // a quote written twice
        continue;
      }
      return q;
    }
    if (quote == '"' && c == '\\') {
      q.as_written = false;
      i += 2;
      continue;
    }
    if (quote == '"' && static_cast<unsigned char>(c) < 0x20) q.as_written = false;
    ++i;
  }
  q.closed = false;
  return q;
}

// A text read where it is, for yaml-cpp's stream (std::istringstream would
// copy it first). yaml-cpp only reads; nothing is written through the cast.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    char* const begin = const_cast<char*>(text.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    setg(begin, begin, begin + text.size());
  }
};

// A node while its file is read: its text and children by position, in the
// builder's buffers (which may still move).
struct RawNode {
  Node::Kind kind = Node::Kind::null;
  bool quoted = false;
  int line = 0;
  int column = 0;
  std::uint32_t text_begin = 0;
  std::uint32_t text_size = 0;
  std::uint32_t first = 0;  // the first child in done_
  std::uint32_t count = 0;
};

// Builds a file's tree from yaml-cpp's events. A collection's children wait
// in an array the thread keeps from file to file, and when it closes they
// move, together, to the end of the finished nodes: so each collection's
// children sit side by side, and build() makes the Document in one pass.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& text, const Limits& limits)
      : text_(text), positions_(text), limits_(limits), pending_(scratch().pending), done_(scratch().done) {
    pending_.clear();  // (what a file given up on left)
    done_.clear();
  }
  ~TreeBuilder() override {
    // A file of very many nodes does not leave their room behind with the thread.
    if (pending_.capacity() > 4096) std::vector<RawNode>().swap(pending_);
    if (done_.capacity() > 4096) std::vector<RawNode>().swap(done_);
    core::Spare<char>::give(std::move(texts_));  // (none when built)
  }
  TreeBuilder(const TreeBuilder&) = delete;
  TreeBuilder& operator=(const TreeBuilder&) = delete;

  std::optional<RawNode> root;

  // The tree read, the root last.
  Document build() {
    done_.push_back(*root);
    std::vector<Node> nodes = core::Spare<Node>::take(done_.size());
    nodes.resize(done_.size());
    for (std::size_t k = 0; k < done_.size(); ++k) {
      const RawNode& raw = done_[k];
      Node& node = nodes[k];
      node.kind = raw.kind;
      node.quoted = raw.quoted;
      node.line = raw.line;
      node.column = raw.column;
      if (raw.text_size) node.text = std::string_view(texts_.data() + raw.text_begin, raw.text_size);
      if (raw.count) node.children = std::span<const Node>(nodes.data() + raw.first, raw.count);
    }
    return Document(std::move(nodes), std::move(texts_));
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    add(make(Node::Kind::null, mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, Msg::alias_not_allowed, {});
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    fail(mark, Msg::anchor_not_allowed, {name});
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    RawNode node = make(Node::Kind::scalar, mark);
    node.quoted = tag.size() == 1 && tag[0] == '!';
    const bool known = mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size();
    if (!known) {
      check_decoded(mark, value);
    } else if (node.quoted) {
      const Quoted q = scan_quoted(text_, static_cast<std::size_t>(mark.pos));
      if (!q.closed) fail(mark, Msg::unclosed_quote, {});
      if (!q.as_written) check_decoded(mark, value);
    }
    // Room for the scalars' texts once, at the first: they are seldom longer
    // than the file (and the builder that only looks for a second document
    // seldom sees one).
    if (texts_.capacity() == 0) texts_ = core::Spare<char>::take(text_.size());
    node.text_begin = static_cast<std::uint32_t>(texts_.size());
    node.text_size = static_cast<std::uint32_t>(value.size());
    texts_.insert(texts_.end(), value.begin(), value.end());
    add(node);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::Kind::sequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::Kind::mapping, mark, tag, anchor);
  }
  void OnMapEnd() override {
    report_duplicates(stack_.back().first);
    close();
  }

  core::Diagnostics duplicates;
  std::string path;

 private:
  RawNode make(Node::Kind kind, const YAML::Mark& mark) {
    if (++nodes_ > limits_.max_nodes) fail(mark, Msg::too_many_nodes, {std::to_string(limits_.max_nodes)});
    RawNode node;
    node.kind = kind;
    std::tie(node.line, node.column) = positions_.at(mark);
    return node;
  }

  [[noreturn]] void fail(const YAML::Mark& mark, Msg msg, std::vector<std::string> args) {
    const auto [line, column] = positions_.at(mark);
    throw Abort{msg, std::move(args), line, column};
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) fail(mark, Msg::anchor_not_allowed, {""});
  }

  // The bytes were checked before parsing, but a double-quoted scalar can
  // still spell a control or bidi character as an escape ("\e", "\0",
  // "\u202E"); such text is refused too, so that it never reaches a report.
  void check_decoded(const YAML::Mark& mark, const std::string& value) {
    // Only a double-quoted scalar has escapes (the rest was checked as
    // bytes); and printable ASCII is fine.
    const bool known = mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size();
    if (known && text_[static_cast<std::size_t>(mark.pos)] != '"') return;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) return;
    for (std::size_t i = 0; i < value.size();) {
      const core::Utf8Step step = core::decode_utf8(value, i);
      const char32_t cp = step.code_point;
      const bool bad = step.problem != core::Utf8Problem::none || core::is_disallowed_control(cp) || cp == '\r' ||
                       core::is_bidi_control(cp) || cp == 0xFEFF;
      if (bad) fail(mark, Msg::escaped_control, {core::code_point_name(cp)});
      i += step.length;
    }
  }

  void check_tag(const YAML::Mark& mark, const std::string& tag) {
    // "?" is a plain scalar or collection, "!" a quoted scalar; anything else
    // was written explicitly (e.g. !!str, !python/object) and is refused.
    const bool implicit = tag.empty() || (tag.size() == 1 && (tag[0] == '?' || tag[0] == '!'));
    if (!implicit) fail(mark, Msg::tag_not_allowed, {tag});
  }

  // Where a node read next goes: a key of a mapping must be a scalar.
  void check_place(const RawNode& node) {
    if (stack_.empty()) return;
    const Open& parent = stack_.back();
    if (parent.node.kind == Node::Kind::mapping && (pending_.size() - parent.first) % 2 == 0 &&
        node.kind != Node::Kind::scalar) {
      // A key that is a collection or null cannot name a field. A collection
      // key is reported when it closes, so that what is wrong inside it (a
      // million unclosed '[' nest too deep) is reported first.
      if (node.kind == Node::Kind::null) throw Abort{Msg::key_not_scalar, {}, node.line, node.column};
      if (!bad_key_) bad_key_ = BadKey{stack_.size() + 1, node.line, node.column};
    }
  }

  // A scalar or null, in its place.
  void add(const RawNode& node) {
    check_place(node);
    place(node);
  }

  void place(const RawNode& node) {
    if (stack_.empty())
      root = node;
    else
      pending_.push_back(node);
  }

  void open(Node::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      fail(mark, Msg::too_deep, {std::to_string(limits_.max_depth)});
    const RawNode node = make(kind, mark);
    check_place(node);
    stack_.push_back({node, pending_.size()});
  }

  void close() {
    if (bad_key_ && bad_key_->depth == stack_.size())
      throw Abort{Msg::key_not_scalar, {}, bad_key_->line, bad_key_->column};
    RawNode node = stack_.back().node;
    const auto first = pending_.begin() + static_cast<std::ptrdiff_t>(stack_.back().first);
    node.first = static_cast<std::uint32_t>(done_.size());
    node.count = static_cast<std::uint32_t>(pending_.end() - first);
    done_.insert(done_.end(), first, pending_.end());
    pending_.erase(first, pending_.end());
    stack_.pop_back();
    place(node);
  }

  std::string_view text_of(const RawNode& node) const {
    return {texts_.data() + node.text_begin, node.text_size};
  }

  // The keys of the mapping whose entries start at pending_[first].
  void report_duplicates(std::size_t first_entry) {
    // Most mappings have a few keys, all different: told at once, with nothing allocated.
    const std::size_t count = (pending_.size() - first_entry + 1) / 2;
    if (count <= 16) {
      bool repeated = false;
      for (std::size_t a = first_entry; a < pending_.size() && !repeated; a += 2)
        for (std::size_t b = a + 2; b < pending_.size() && !repeated; b += 2)
          repeated = text_of(pending_[a]) == text_of(pending_[b]);
      if (!repeated) return;
    }
    std::vector<const RawNode*> keys;
    keys.reserve((pending_.size() - first_entry) / 2);
    for (std::size_t k = first_entry; k < pending_.size(); k += 2) keys.push_back(&pending_[k]);
    const auto by_text = [&](const RawNode* a, const RawNode* b) { return text_of(*a) < text_of(*b); };
    std::stable_sort(keys.begin(), keys.end(), by_text);
    for (std::size_t k = 1; k < keys.size(); ++k) {
      const std::string_view key = text_of(*keys[k]);
      if (key != text_of(*keys[k - 1])) continue;
      // Point at the later occurrence and name the first one.
      std::size_t first = k - 1;
      while (first > 0 && text_of(*keys[first - 1]) == key) --first;
      duplicates.push_back(core::make_error(
          {path, keys[k]->line, keys[k]->column}, Msg::duplicate_key,
          {std::string(key), std::to_string(keys[first]->line), std::to_string(keys[first]->column)}));
    }
  }

  const std::string& text_;
  Positions positions_;
  const Limits& limits_;
  struct Scratch {
    std::vector<RawNode> pending;
    std::vector<RawNode> done;
  };
  static Scratch& scratch() {
    thread_local Scratch nodes;
    return nodes;
  }
  std::vector<RawNode>& pending_;  // the open collections' children, outermost first
  std::vector<RawNode>& done_;     // the children of closed collections, each one's together
  std::vector<char> texts_;        // every scalar's text, one after another
  // The collections open, outermost first, and where their children start in pending_.
  struct Open {
    RawNode node;
    std::size_t first;
  };
  std::vector<Open> stack_;
  struct BadKey {
    std::size_t depth;  // the stack size while the key is open
    int line;
    int column;
  };
  std::optional<BadKey> bad_key_;
  std::size_t nodes_ = 0;
};

void report(core::Diagnostics& out, const std::string& path, int line, int column, Msg msg,
            std::vector<std::string> args) {
  out.push_back(core::make_error({path, line, column}, msg, std::move(args)));
}

}  // namespace

const Node* Node::find(std::string_view wanted) const {
  for (std::size_t e = 0; e < entry_count(); ++e)
    if (key(e).text == wanted) return &value(e);
  return nullptr;
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null: return "nothing";
    case Node::Kind::sequence: return "a list";
    case Node::Kind::mapping: return "a mapping";
    case Node::Kind::scalar: break;
  }
  return "'" + core::escape_control(core::abbreviate(node.text, 40)) + "'";
}

Document parse_yaml(const std::string& text, const std::string& path, const Limits& limits,
                    core::Diagnostics& out) {
  TextBuffer buffer(text);
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  Document doc;
  try {
    TreeBuilder builder(text, limits);
    builder.path = path;
    if (!parser.HandleNextDocument(builder) || !builder.root) {
      report(out, path, 0, 0, Msg::no_data, {});
      return {};
    }
    if (builder.root->kind == Node::Kind::null) {
      // Also the case of a file holding only ",", on which yaml-cpp 0.7
      // would go on returning empty documents forever: stop here.
      report(out, path, 1, 1, Msg::no_data, {});
      return {};
    }
    doc = builder.build();  // (before the next builder takes the thread's scratch)
    // One more call tells whether a second document follows. The first
    // document was not empty, so this call consumes input and cannot loop.
    TreeBuilder second(text, limits);
    second.path = path;
    if (parser.HandleNextDocument(second)) {
      const int line = second.root ? second.root->line : 0;
      const int column = second.root ? second.root->column : 0;
      report(out, path, line, column, Msg::second_document, {});
      return {};
    }
    for (auto& d : builder.duplicates) out.push_back(std::move(d));
  } catch (const Abort& abort) {
    report(out, path, abort.line, abort.column, abort.message, abort.args);
    return {};
  } catch (const YAML::Exception& e) {
    Positions positions(text);
    const auto [line, column] = positions.at(e.mark);
    report(out, path, line, column, Msg::yaml_syntax, {e.msg});
    return {};
  }
  return doc;
}

}  // namespace ecoscore::load
