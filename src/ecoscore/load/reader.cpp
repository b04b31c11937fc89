#include "ecoscore/load/reader.hpp"

#include <algorithm>
#include <cmath>

#include "ecoscore/core/text.hpp"
#include "ecoscore/load/scalar.hpp"
#include "ecoscore/model/id.hpp"

namespace ecoscore::load {

using core::Msg;

void Reader::error(const Node& at, const DocPath& doc_path, Msg msg, std::vector<std::string> args,
                   std::string suggestion) {
  out_.push_back(core::make_error(where(at), msg, std::move(args), std::move(suggestion), doc_path.str()));
}

void Reader::warning(const Node& at, const DocPath& doc_path, Msg msg, std::vector<std::string> args) {
  out_.push_back(core::make_warning(where(at), msg, std::move(args), {}, doc_path.str()));
}

bool Reader::expect(const Node& node, Node::Kind kind, const DocPath& doc_path) {
  if (node.kind == kind) return true;
  static constexpr std::string_view kNames[] = {"nothing", "text", "a list", "a mapping"};
  error(node, doc_path, Msg::expected_type,
        {std::string(kNames[static_cast<int>(kind)]), describe(node)});
  return false;
}

std::optional<double> Reader::number(const Node& node, const DocPath& doc_path) {
  if (!node.is_scalar()) {
    error(node, doc_path, Msg::expected_type, {"a number", describe(node)});
    return std::nullopt;
  }
  const std::string shown = core::escape_control(node.text);
  const NumberResult r = parse_number(node.text);
  if (r.error == NumberError::none && node.quoted) {
    error(node, doc_path, Msg::number_quoted, {shown});
    return std::nullopt;
  }
  switch (r.error) {
    case NumberError::none: return r.value;
    case NumberError::invalid: error(node, doc_path, Msg::number_invalid, {shown}); break;
    case NumberError::leading_zero: error(node, doc_path, Msg::number_leading_zero, {shown}); break;
    case NumberError::out_of_range: error(node, doc_path, Msg::number_out_of_range, {shown}); break;
    case NumberError::not_finite: error(node, doc_path, Msg::number_not_finite, {shown}); break;
  }
  return std::nullopt;
}

std::optional<int> Reader::whole_number(const Node& node, const DocPath& doc_path) {
  const auto v = number(node, doc_path);
  if (!v) return std::nullopt;
  if (std::trunc(*v) != *v || std::fabs(*v) > 1e9) {
    error(node, doc_path, Msg::not_whole_number, {core::escape_control(node.text)});
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<bool> Reader::boolean(const Node& node, const DocPath& doc_path) {
  if (node.is_scalar() && !node.quoted)
    if (auto b = parse_boolean(node.text)) return b;
  if (node.is_scalar())
    error(node, doc_path, Msg::bad_boolean, {core::escape_control(node.text)});
  else
    error(node, doc_path, Msg::expected_type, {"true or false", describe(node)});
  return std::nullopt;
}

std::optional<std::string> Reader::text(const Node& node, const DocPath& doc_path) {
  if (!node.is_scalar()) {
    error(node, doc_path, Msg::expected_type, {"text", describe(node)});
    return std::nullopt;
  }
  const bool blank = std::all_of(node.text.begin(), node.text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
  if (blank) {
    error(node, doc_path, Msg::empty_text);
    return std::nullopt;
  }
  return std::string(node.text);
}

std::optional<std::string> Reader::id(const Node& node, const DocPath& doc_path) {
  auto t = text(node, doc_path);
  if (!t) return std::nullopt;
  if (!model::is_valid_id(*t)) {
    error(node, doc_path, Msg::bad_id, {core::escape_control(core::abbreviate(*t, 70))});
    return std::nullopt;
  }
  return t;
}

std::optional<model::Date> Reader::date(const Node& node, const DocPath& doc_path) {
  auto t = text(node, doc_path);
  if (!t) return std::nullopt;
  if (auto d = parse_date(*t)) return d;
  error(node, doc_path, Msg::bad_date, {core::escape_control(*t)});
  return std::nullopt;
}

std::optional<model::Label> Reader::label(const Node& node, const DocPath& doc_path, bool require_both) {
  Fields f(*this, node, doc_path.str());
  if (!f.ok()) return std::nullopt;
  model::Label label;
  bool ok = true;
  for (auto [key, target] : {std::pair{"ko", &label.ko}, std::pair{"en", &label.en}}) {
    if (const Node* n = f.optional(key)) {
      if (auto t = text(*n, f.path_of(key)))
        *target = *t;
      else
        ok = false;
    } else if (require_both) {
      error(node, doc_path, Msg::label_needs_lang, {key});
      ok = false;
    }
  }
  f.finish();
  if (ok && label.empty()) {
    error(node, doc_path, Msg::label_needs_lang, {"ko"});
    ok = false;
  }
  return ok ? std::optional(std::move(label)) : std::nullopt;
}

std::optional<std::vector<std::string>> Reader::id_list(const Node& node, const DocPath& doc_path) {
  if (!expect(node, Node::Kind::sequence, doc_path)) return std::nullopt;
  std::vector<std::pair<std::string, const Node*>> items;
  bool ok = true;
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (auto v = id(node.children[i], [&] { return index_path(doc_path.str(), i); }))
      items.emplace_back(*v, &node.children[i]);
    else
      ok = false;
  }
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0 && items[k].first == items[k - 1].first) {
      const Node& first = *items[k - 1].second;
      error(*items[k].second, doc_path, Msg::duplicate_id,
            {items[k].first, std::to_string(first.line), std::to_string(first.column)});
      ok = false;
      continue;
    }
    ids.push_back(items[k].first);
  }
  return ok ? std::optional(std::move(ids)) : std::nullopt;
}

void Reader::report_bad_choice(const Node& node, const DocPath& doc_path, const std::string& spelled,
                               const std::vector<std::string>& options) {
  std::string list;
  for (const auto& o : options) list += (list.empty() ? "" : ", ") + o;
  error(node, doc_path, Msg::bad_choice, {core::escape_control(spelled), list},
        core::closest_match(spelled, options));
}

bool UniqueIds::add(const std::string& id, const Node& at, const DocPath& doc_path) {
  const auto [it, inserted] = seen_.emplace(id, &at);
  if (!inserted)
    reader_.error(at, doc_path, Msg::duplicate_id,
                  {id, std::to_string(it->second->line), std::to_string(it->second->column)});
  return inserted;
}

std::string Fields::whole_path() const {
  std::string p = path_.str();
  return p.empty() ? std::string("/") : p;
}

bool Fields::check() {
  return reader_.expect(map_, Node::Kind::mapping, [this] { return whole_path(); });
}

const Node* Fields::optional(std::string_view key) {
  if (known_count_ < known_.size())
    known_[known_count_++] = key;
  else
    known_more_.push_back(key);
  for (std::size_t e = 0; e < map_.entry_count(); ++e) {
    if (map_.key(e).text == key) {
      if (e < 64) taken_ |= std::uint64_t{1} << e;
      return &map_.value(e);
    }
  }
  return nullptr;
}

const Node* Fields::required(std::string_view key) {
  const Node* n = optional(key);
  if (!n && ok_)
    reader_.error(map_, [this] { return whole_path(); }, Msg::missing_key, {std::string(key)});
  return n;
}

void Fields::finish() {
  const auto first_few = std::span(known_).first(known_count_);
  const auto knows = [&](std::string_view key) {
    return std::find(first_few.begin(), first_few.end(), key) != first_few.end() ||
           std::find(known_more_.begin(), known_more_.end(), key) != known_more_.end();
  };
  std::vector<std::string> known;  // every key asked for, once one is unknown
  for (std::size_t e = 0; e < map_.entry_count(); ++e) {
    if (e < 64 && ((taken_ >> e) & 1U)) continue;
    // Not taken but known: a duplicate, already reported as one.
    const std::string_view key = map_.key(e).text;
    if (knows(key)) continue;
    if (known.empty()) {
      known.assign(first_few.begin(), first_few.end());
      known.insert(known.end(), known_more_.begin(), known_more_.end());
    }
    reader_.error(map_.key(e), path_of(key), Msg::unknown_key, {core::escape_control(key)},
                  core::closest_match(key, known));
  }
}

}  // namespace ecoscore::load
