#include <algorithm>
#include <cmath>
#include <map>

#include "ecoscore/core/number.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/load/documents.hpp"

namespace ecoscore::load {
namespace {

using core::Msg;
using model::Scale;
using model::ScaleKind;

std::optional<double> positive(Reader& r, const Node& n, const std::string& path, std::string_view what) {
  auto v = r.number(n, path);
  if (v && *v <= 0) {
    r.error(n, path, Msg::must_be_positive, {std::string(what)});
    return std::nullopt;
  }
  return v;
}

std::optional<double> non_negative(Reader& r, const Node& n, const std::string& path, std::string_view what) {
  auto v = r.number(n, path);
  if (v && *v < 0) {
    r.error(n, path, Msg::must_be_non_negative, {std::string(what)});
    return std::nullopt;
  }
  return v;
}

std::optional<double> in_range(Reader& r, const Node& n, const std::string& path, std::string_view what,
                               double lo, double hi) {
  auto v = r.number(n, path);
  if (v && (*v < lo || *v > hi)) {
    r.error(n, path, Msg::must_be_in_range,
            {std::string(what), core::format_shortest(lo), core::format_shortest(hi)});
    return std::nullopt;
  }
  return v;
}

bool read_bands(Reader& r, const Node& list, const std::string& path, Scale& scale) {
  if (!r.expect(list, Node::Kind::sequence, path)) return false;
  bool ok = true;
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    const std::string p = index_path(path, i);
    Fields f(r, list.children[i], p);
    if (!f.ok()) {
      ok = false;
      continue;
    }
    model::Band band;
    const Node* min = f.required("min");
    const Node* max = f.required("max");
    const Node* score = f.required("score");
    const Node* label = f.optional("label");
    auto vmin = min ? r.number(*min, f.path_of("min")) : std::nullopt;
    auto vmax = max ? r.number(*max, f.path_of("max")) : std::nullopt;
    auto vscore = score ? in_range(r, *score, f.path_of("score"), "score", 0, 100) : std::nullopt;
    std::optional<model::Label> vlabel = label ? r.label(*label, f.path_of("label"), false) : model::Label{};
    f.finish();
    if (!vmin || !vmax || !vscore || !vlabel) {
      ok = false;
      continue;
    }
    if (*vmin >= *vmax) {
      r.error(*min, f.path_of("min"), Msg::scale_bounds,
              {core::format_shortest(*vmin), core::format_shortest(*vmax)});
      ok = false;
      continue;
    }
    if (!scale.bands.empty() && scale.bands.back().max != *vmin) {
      r.error(*min, f.path_of("min"), Msg::bands_unordered,
              {std::to_string(i + 1), core::format_shortest(scale.bands.back().max)});
      ok = false;
    }
    band.min = *vmin;
    band.max = *vmax;
    band.score = *vscore;
    band.label = *vlabel;
    scale.bands.push_back(std::move(band));
  }
  if (ok && scale.bands.empty()) {
    r.error(list, path, Msg::scale_needs, {"bands", "bands"});
    ok = false;
  }
  if (ok) {
    scale.min = scale.bands.front().min;
    scale.max = scale.bands.back().max;
  }
  return ok;
}

bool read_levels(Reader& r, const Node& list, const std::string& path, Scale& scale) {
  if (!r.expect(list, Node::Kind::sequence, path)) return false;
  bool ok = true;
  UniqueIds ids(r);
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    const std::string p = index_path(path, i);
    Fields f(r, list.children[i], p);
    if (!f.ok()) {
      ok = false;
      continue;
    }
    const Node* id = f.required("id");
    const Node* label = f.required("label");
    const Node* score = f.required("score");
    auto vid = id ? r.id(*id, f.path_of("id")) : std::nullopt;
    auto vlabel = label ? r.label(*label, f.path_of("label"), true) : std::nullopt;
    auto vscore = score ? in_range(r, *score, f.path_of("score"), "score", 0, 100) : std::nullopt;
    f.finish();
    if (!vid || !vlabel || !vscore) {
      ok = false;
      continue;
    }
    if (!ids.add(*vid, *id, f.path_of("id"))) {
      ok = false;
      continue;
    }
    scale.levels.push_back({*vid, *vlabel, *vscore});
  }
  if (ok && scale.levels.empty()) {
    r.error(list, path, Msg::scale_needs, {"levels", "levels"});
    ok = false;
  }
  return ok;
}

std::optional<Scale> read_scale(Reader& r, const Node& node, const std::string& path) {
  Fields f(r, node, path);
  if (!f.ok()) return std::nullopt;
  const Node* kind_node = f.required("kind");
  if (!kind_node) {
    f.finish();
    return std::nullopt;
  }
  const auto kind = r.choice(*kind_node, f.path_of("kind"), model::scale_kind_names());
  if (!kind) return std::nullopt;  // which other keys belong depends on the kind
  Scale scale;
  scale.kind = *kind;
  bool ok = true;
  const auto read_direction = [&] {
    if (const Node* d = f.optional("direction")) {
      if (auto v = r.choice(*d, f.path_of("direction"), model::direction_names()))
        scale.direction = *v;
      else
        ok = false;
    }
  };
  const auto read_unit = [&] {
    if (const Node* u = f.optional("unit")) {
      if (auto v = r.text(*u, f.path_of("unit")))
        scale.unit = *v;
      else
        ok = false;
    }
  };
  switch (*kind) {
    case ScaleKind::likert:
    case ScaleKind::numeric: {
      const Node* min = f.required("min");
      const Node* max = f.required("max");
      std::optional<double> vmin, vmax;
      if (*kind == ScaleKind::likert) {
        if (min) vmin = r.whole_number(*min, f.path_of("min"));
        if (max) vmax = r.whole_number(*max, f.path_of("max"));
      } else {
        if (min) vmin = r.number(*min, f.path_of("min"));
        if (max) vmax = r.number(*max, f.path_of("max"));
        read_direction();
        read_unit();
      }
      if (!vmin || !vmax) {
        ok = false;
        break;
      }
      if (*vmin >= *vmax) {
        r.error(*min, f.path_of("min"), Msg::scale_bounds,
                {core::format_shortest(*vmin), core::format_shortest(*vmax)});
        ok = false;
      }
      scale.min = *vmin;
      scale.max = *vmax;
      break;
    }
    case ScaleKind::percent:
      scale.min = 0;
      scale.max = 100;
      read_direction();
      break;
    case ScaleKind::boolean:
      scale.min = 0;
      scale.max = 1;
      read_direction();
      break;
    case ScaleKind::bands:
      read_unit();
      if (const Node* b = f.required("bands"))
        ok = read_bands(r, *b, f.path_of("bands"), scale) && ok;
      else
        ok = false;
      break;
    case ScaleKind::levels:
      if (const Node* l = f.required("levels"))
        ok = read_levels(r, *l, f.path_of("levels"), scale) && ok;
      else
        ok = false;
      break;
  }
  f.finish();
  return ok ? std::optional(std::move(scale)) : std::nullopt;
}

std::optional<std::vector<model::Anchor>> read_anchors(Reader& r, const Node& node, const std::string& path,
                                                       const Scale& scale) {
  if (!r.expect(node, Node::Kind::mapping, path)) return std::nullopt;
  std::vector<model::Anchor> anchors;
  bool ok = true;
  const bool has_points = scale.kind == ScaleKind::likert || scale.kind == ScaleKind::numeric ||
                          scale.kind == ScaleKind::percent;
  for (std::size_t e = 0; e < node.entry_count(); ++e) {
    const Node& key = node.key(e);
    const std::string p = path + "/" + std::string(key.text);
    auto point = r.number(key, p);
    auto text = r.label(node.value(e), p, true);
    if (!point || !text) {
      ok = false;
      continue;
    }
    const bool on_scale = has_points && *point >= scale.min && *point <= scale.max &&
                          (scale.kind != ScaleKind::likert || std::trunc(*point) == *point);
    if (!on_scale) {
      r.error(key, p, Msg::anchor_off_scale, {std::string(key.text)});
      ok = false;
      continue;
    }
    anchors.push_back({*point, *text});
  }
  std::sort(anchors.begin(), anchors.end(), [](const auto& a, const auto& b) { return a.point < b.point; });
  return ok ? std::optional(std::move(anchors)) : std::nullopt;
}

// Reports each item of `list` that has a weight of its own, when the weights
// come from a pairwise comparison.
bool refuse_weights(Reader& r, const Node& list, const std::string& path) {
  bool ok = true;
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    const Node& item = list.children[i];
    const Node* w = item.find("weight");
    if (!w) continue;
    const Node* id = item.find("id");
    r.error(*w, index_path(path, i) + "/weight", Msg::ahp_weight_conflict,
            {id && id->is_scalar() ? core::escape_control(id->text) : std::to_string(i + 1)});
    ok = false;
  }
  return ok;
}

struct Context {
  Reader& r;
  UniqueIds& ids;  // dimensions and indicators share one namespace
  const std::optional<Scale>& default_scale;
  const std::vector<model::Anchor>& default_anchors;  // for indicators on the default scale
  model::WeightMode weights;
};

// The id (unique among dimensions and indicators) and bilingual label that
// dimensions and indicators both have.
bool read_identity(Context& c, Fields& f, std::string& id, model::Label& label) {
  bool ok = false;
  if (const Node* n = f.required("id")) {
    if (auto v = c.r.id(*n, f.path_of("id"))) {
      id = *v;
      ok = c.ids.add(*v, *n, f.path_of("id"));
    }
  }
  if (const Node* n = f.required("label")) {
    if (auto v = c.r.label(*n, f.path_of("label"), true)) label = *v; else ok = false;
  } else {
    ok = false;
  }
  return ok;
}

std::optional<model::Indicator> read_indicator(Context& c, const Node& node, const std::string& path) {
  Reader& r = c.r;
  Fields f(r, node, path);
  if (!f.ok()) return std::nullopt;
  model::Indicator ind;
  ind.where = r.where(node);
  bool ok = read_identity(c, f, ind.id, ind.label);
  if (const Node* n = f.optional("weight")) {
    if (auto v = positive(r, *n, f.path_of("weight"), "weight")) ind.weight = *v; else ok = false;
  }
  if (const Node* n = f.optional("scale")) {
    if (auto v = read_scale(r, *n, f.path_of("scale"))) ind.scale = *v; else ok = false;
  } else if (c.default_scale) {
    ind.scale = *c.default_scale;
    ind.anchors = c.default_anchors;
  } else {
    r.error(node, path, Msg::missing_key, {"scale"});
    ok = false;
  }
  if (const Node* n = f.optional("question")) {
    if (auto v = r.label(*n, f.path_of("question"), true)) ind.question = *v; else ok = false;
  }
  if (const Node* n = f.optional("anchors"); n && ok) {
    if (auto v = read_anchors(r, *n, f.path_of("anchors"), ind.scale)) ind.anchors = *v; else ok = false;
  }
  f.finish();
  return ok ? std::optional(std::move(ind)) : std::nullopt;
}

std::optional<model::Dimension> read_dimension(Context& c, const Node& node, const std::string& path) {
  Reader& r = c.r;
  Fields f(r, node, path);
  if (!f.ok()) return std::nullopt;
  model::Dimension dim;
  dim.where = r.where(node);
  bool ok = read_identity(c, f, dim.id, dim.label);
  const Node* weight = f.optional("weight");
  if (c.weights == model::WeightMode::global && weight) {
    r.error(*weight, f.path_of("weight"), Msg::weight_mode_conflict);
    ok = false;
  } else if (weight) {
    if (auto v = positive(r, *weight, f.path_of("weight"), "weight")) dim.weight = *v; else ok = false;
  }
  if (const Node* n = f.required("roles")) {
    if (r.expect(*n, Node::Kind::sequence, f.path_of("roles"))) {
      for (std::size_t i = 0; i < n->children.size(); ++i) {
        if (auto role = r.choice(n->children[i], index_path(f.path_of("roles"), i), model::role_names())) {
          if (std::find(dim.roles.begin(), dim.roles.end(), *role) == dim.roles.end())
            dim.roles.push_back(*role);
        } else {
          ok = false;
        }
      }
      std::sort(dim.roles.begin(), dim.roles.end());
      if (dim.roles.empty()) {
        r.error(*n, f.path_of("roles"), Msg::expected_type, {"a list of roles (large, sme)", "an empty list"});
        ok = false;
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  const Node* ahp_node = f.optional("ahp");
  std::optional<model::Ahp> ahp;
  if (ahp_node && c.weights == model::WeightMode::global) {
    r.error(*ahp_node, f.path_of("ahp"), Msg::ahp_needs_nested);
    ok = false;
  } else if (ahp_node) {
    ahp = read_ahp(r, *ahp_node, f.path_of("ahp"));
    ok = ahp.has_value() && ok;
  }
  const Node* share = f.optional("reported_share");
  std::optional<double> reported;
  if (share) {
    reported = non_negative(r, *share, f.path_of("reported_share"), "reported_share");
    ok = reported.has_value() && ok;
  }
  if (const Node* n = f.required("indicators")) {
    if (r.expect(*n, Node::Kind::sequence, f.path_of("indicators"))) {
      for (std::size_t i = 0; i < n->children.size(); ++i) {
        if (auto ind = read_indicator(c, n->children[i], index_path(f.path_of("indicators"), i)))
          dim.indicators.push_back(std::move(*ind));
        else
          ok = false;
      }
      if (n->children.empty()) {
        r.error(*n, f.path_of("indicators"), Msg::no_indicators, {dim.id});
        ok = false;
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  f.finish();
  // A weight beside a pairwise comparison is an error even when the
  // comparison itself has errors.
  if (const Node* list = node.find("indicators"); ahp_node && list && c.weights == model::WeightMode::nested)
    ok = refuse_weights(r, *list, f.path_of("indicators")) && ok;
  if (!ok) return std::nullopt;
  if (ahp) {
    std::vector<std::string> ids;
    std::vector<double*> weights;
    for (auto& ind : dim.indicators) {
      ids.push_back(ind.id);
      weights.push_back(&ind.weight);
    }
    if (!apply_ahp(r, *ahp_node, f.path_of("ahp"), *ahp, ids, weights)) return std::nullopt;
    dim.ahp = std::move(ahp);
  }
  if (c.weights == model::WeightMode::global) {
    dim.weight = 0;
    for (const auto& ind : dim.indicators) dim.weight += ind.weight;
  }
  if (reported) {
    // The printed share is rounded to the digits it was printed with; the sum
    // of the indicator weights must round to it.
    dim.reported_share = *reported;
    const int decimals = core::decimals_written(share->text);
    if (core::round_half_away(dim.weight, decimals) != core::round_half_away(*reported, decimals)) {
      r.error(*share, f.path_of("reported_share"), Msg::share_mismatch,
              {dim.id, core::format_shortest(dim.weight), std::string(share->text)});
      return std::nullopt;
    }
  }
  return dim;
}

bool read_grades(Reader& r, const Node& node, const std::string& path, model::GradeRules& grades) {
  Fields f(r, node, path);
  if (!f.ok()) return false;
  bool ok = true;
  if (const Node* n = f.optional("mode")) {
    if (auto v = r.choice(*n, f.path_of("mode"), model::grade_mode_names())) grades.mode = *v; else ok = false;
  }
  const bool relative = grades.mode == model::GradeMode::relative;
  if (const Node* list = f.required("bands"); list && r.expect(*list, Node::Kind::sequence, f.path_of("bands"))) {
    UniqueIds ids(r);
    double share_sum = 0;
    for (std::size_t i = 0; i < list->children.size(); ++i) {
      const std::string p = index_path(f.path_of("bands"), i);
      Fields b(r, list->children[i], p);
      if (!b.ok()) {
        ok = false;
        continue;
      }
      model::GradeBand band;
      bool band_ok = true;
      if (const Node* id = b.required("id")) {
        if (auto v = r.id(*id, b.path_of("id"))) {
          band.id = *v;
          band_ok = ids.add(*v, *id, b.path_of("id"));
        } else {
          band_ok = false;
        }
      } else {
        band_ok = false;
      }
      if (const Node* n = b.required("label")) {
        if (auto v = r.label(*n, b.path_of("label"), true)) band.label = *v; else band_ok = false;
      } else {
        band_ok = false;
      }
      const char* key = relative ? "share" : "min";
      if (const Node* n = b.required(key)) {
        auto v = relative ? in_range(r, *n, b.path_of(key), key, 0, 1) : in_range(r, *n, b.path_of(key), key, 0, 100);
        if (!v) {
          band_ok = false;
        } else if (relative) {
          band.share = *v;
          share_sum += *v;
        } else {
          if (!grades.bands.empty() && !(*v < grades.bands.back().min_score)) {
            r.error(*n, b.path_of(key), Msg::grade_bands_unordered);
            band_ok = false;
          }
          band.min_score = *v;
        }
      } else {
        band_ok = false;
      }
      b.finish();
      if (band_ok) grades.bands.push_back(std::move(band)); else ok = false;
    }
    if (ok && relative && std::fabs(share_sum - 1.0) > 1e-9) {
      r.error(*list, f.path_of("bands"), Msg::grade_shares_sum, {core::format_shortest(share_sum)});
      ok = false;
    }
    if (ok && grades.bands.empty()) {
      r.error(*list, f.path_of("bands"), Msg::expected_type, {"at least one grade", "an empty list"});
      ok = false;
    }
  } else {
    ok = false;
  }
  if (const Node* list = f.optional("floors")) {
    if (r.expect(*list, Node::Kind::sequence, f.path_of("floors"))) {
      for (std::size_t i = 0; i < list->children.size(); ++i) {
        const std::string p = index_path(f.path_of("floors"), i);
        Fields b(r, list->children[i], p);
        if (!b.ok()) {
          ok = false;
          continue;
        }
        model::GradeFloor floor;
        floor.where = r.where(list->children[i]);
        const Node* dim = b.required("dimension");
        const Node* below = b.required("below");
        const Node* max_grade = b.required("max_grade");
        auto vdim = dim ? r.id(*dim, b.path_of("dimension")) : std::nullopt;
        auto vbelow = below ? in_range(r, *below, b.path_of("below"), "below", 0, 100) : std::nullopt;
        auto vgrade = max_grade ? r.id(*max_grade, b.path_of("max_grade")) : std::nullopt;
        b.finish();
        if (!vdim || !vbelow || !vgrade) {
          ok = false;
          continue;
        }
        floor.dimension = *vdim;
        floor.below = *vbelow;
        floor.max_grade = *vgrade;
        grades.floors.push_back(std::move(floor));
      }
    } else {
      ok = false;
    }
  }
  f.finish();
  return ok;
}

bool read_adjustments(Reader& r, const Node& node, const std::string& path, model::AdjustmentRules& rules) {
  Fields f(r, node, path);
  if (!f.ok()) return false;
  bool ok = true;
  for (auto [key, target] : {std::pair{"bonus_cap", &rules.bonus_cap}, std::pair{"penalty_cap", &rules.penalty_cap}}) {
    if (const Node* n = f.required(key)) {
      if (auto v = in_range(r, *n, f.path_of(key), key, 0, 100)) *target = *v; else ok = false;
    } else {
      ok = false;
    }
  }
  if (const Node* list = f.optional("items"); list && r.expect(*list, Node::Kind::sequence, f.path_of("items"))) {
    UniqueIds ids(r);
    for (std::size_t i = 0; i < list->children.size(); ++i) {
      const std::string p = index_path(f.path_of("items"), i);
      Fields b(r, list->children[i], p);
      if (!b.ok()) {
        ok = false;
        continue;
      }
      model::AdjustmentItem item;
      const Node* id = b.required("id");
      const Node* label = b.required("label");
      const Node* kind = b.required("kind");
      const Node* max_points = b.required("max_points");
      auto vid = id ? r.id(*id, b.path_of("id")) : std::nullopt;
      auto vlabel = label ? r.label(*label, b.path_of("label"), true) : std::nullopt;
      auto vkind = kind ? r.choice(*kind, b.path_of("kind"), model::adjustment_kind_names()) : std::nullopt;
      auto vmax = max_points ? positive(r, *max_points, b.path_of("max_points"), "max_points") : std::nullopt;
      b.finish();
      if (!vid || !vlabel || !vkind || !vmax) {
        ok = false;
        continue;
      }
      if (!ids.add(*vid, *id, b.path_of("id"))) {
        ok = false;
        continue;
      }
      rules.items.push_back({*vid, *vlabel, *vkind, *vmax});
    }
  } else if (list) {
    ok = false;
  }
  f.finish();
  return ok;
}

template <typename Rule, typename E>
void read_rule(Reader& r, Fields& parent, std::string_view key, bool& ok,
               std::span<const model::EnumName<E>> names, std::string_view choice_key, E Rule::*choice,
               std::string_view number_key, double Rule::*number, double lo, double hi, Rule& rule) {
  const Node* node = parent.optional(key);
  if (!node) return;
  Fields f(r, *node, parent.path_of(key));
  if (!f.ok()) {
    ok = false;
    return;
  }
  if (const Node* n = f.optional(choice_key)) {
    if (auto v = r.choice(*n, f.path_of(choice_key), names)) rule.*choice = *v; else ok = false;
  }
  if (const Node* n = f.optional(number_key)) {
    if (auto v = in_range(r, *n, f.path_of(number_key), number_key, lo, hi)) rule.*number = *v; else ok = false;
  }
  f.finish();
}

}  // namespace

FileKind kind_of(const Node& root) {
  if (!root.is_mapping()) return FileKind::unknown;
  if (root.find("rubric")) return FileKind::rubric;
  if (root.find("company")) return FileKind::company;
  if (root.find("pairs")) return FileKind::pairs;
  if (root.find("ahp")) return FileKind::ahp;
  return FileKind::unknown;
}

std::optional<model::Rubric> read_rubric(const Node& root, Reader& r) {
  Fields top(r, root, "");
  if (!top.ok()) return std::nullopt;
  model::Rubric rubric;
  rubric.path = r.path();
  bool ok = true;
  const Node* head = top.required("rubric");
  const Node* dims = top.required("dimensions");
  top.finish();
  if (!head) return std::nullopt;
  Fields f(r, *head, "/rubric");
  if (!f.ok()) return std::nullopt;
  if (const Node* n = f.required("id")) {
    if (auto v = r.id(*n, f.path_of("id"))) rubric.id = *v; else ok = false;
  } else {
    ok = false;
  }
  if (const Node* n = f.required("version")) {
    if (auto v = r.text(*n, f.path_of("version"))) rubric.version = *v; else ok = false;
  } else {
    ok = false;
  }
  if (const Node* n = f.required("title")) {
    if (auto v = r.label(*n, f.path_of("title"), true)) rubric.title = *v; else ok = false;
  } else {
    ok = false;
  }
  for (auto [key, target] : {std::pair{"source", &rubric.source}, std::pair{"notes", &rubric.notes}}) {
    if (const Node* n = f.optional(key)) {
      if (auto v = r.label(*n, f.path_of(key), true)) *target = *v; else ok = false;
    }
  }
  if (const Node* n = f.optional("lang")) {
    auto v = r.text(*n, f.path_of("lang"));
    if (auto lang = v ? core::parse_lang(*v) : std::nullopt) {
      rubric.lang = *lang;
    } else {
      if (v) r.error(*n, f.path_of("lang"), Msg::bad_choice, {*v, "ko, en"});
      ok = false;
    }
  }
  if (const Node* n = f.optional("precision")) {
    auto v = r.whole_number(*n, f.path_of("precision"));
    if (v && (*v < 0 || *v > 6)) {
      r.error(*n, f.path_of("precision"), Msg::must_be_in_range, {"precision", "0", "6"});
      v.reset();
    }
    if (v) rubric.precision = *v; else ok = false;
  }
  if (const Node* n = f.optional("method")) {
    if (auto v = r.choice(*n, f.path_of("method"), model::method_names())) rubric.method = *v; else ok = false;
  }
  if (const Node* n = f.optional("normalization")) {
    if (auto v = r.choice(*n, f.path_of("normalization"), model::normalization_names())) rubric.normalization = *v; else ok = false;
  }
  if (const Node* n = f.optional("weights")) {
    if (auto v = r.choice(*n, f.path_of("weights"), model::weight_mode_names())) rubric.weights = *v; else ok = false;
  }
  std::optional<Scale> default_scale;
  if (const Node* n = f.optional("scale")) {
    default_scale = read_scale(r, *n, f.path_of("scale"));
    ok = default_scale.has_value() && ok;
  }
  std::vector<model::Anchor> default_anchors;
  if (const Node* n = f.optional("anchors")) {
    if (!default_scale) {
      r.error(*n, f.path_of("anchors"), Msg::missing_key, {"scale"});
      ok = false;
    } else if (auto v = read_anchors(r, *n, f.path_of("anchors"), *default_scale)) {
      default_anchors = std::move(*v);
    } else {
      ok = false;
    }
  }
  read_rule(r, f, "missing", ok, model::missing_policy_names(), "policy", &model::MissingRule::policy,
            "min_coverage", &model::MissingRule::min_coverage, 0.0, 1.0, rubric.missing);
  read_rule(r, f, "raters", ok, model::combine_names(), "combine", &model::RaterRule::combine, "tolerance",
            &model::RaterRule::tolerance, 0.0, 100.0, rubric.raters);
  read_rule(r, f, "pairs", ok, model::combine_names(), "combine", &model::PairRule::combine, "gap_threshold",
            &model::PairRule::gap_threshold, 0.0, 100.0, rubric.pairs);
  if (const Node* n = f.required("grades")) ok = read_grades(r, *n, f.path_of("grades"), rubric.grades) && ok;
  else ok = false;
  if (const Node* n = f.optional("adjustments")) ok = read_adjustments(r, *n, f.path_of("adjustments"), rubric.adjustments) && ok;
  const Node* ahp_node = f.optional("ahp");
  if (ahp_node && rubric.weights == model::WeightMode::global) {
    r.error(*ahp_node, f.path_of("ahp"), Msg::ahp_needs_nested);
    ok = false;
  } else if (ahp_node) {
    rubric.ahp = read_ahp(r, *ahp_node, f.path_of("ahp"));
    ok = rubric.ahp.has_value() && ok;
  }
  f.finish();

  UniqueIds ids(r);
  Context c{r, ids, default_scale, default_anchors, rubric.weights};
  if (dims && r.expect(*dims, Node::Kind::sequence, "/dimensions")) {
    for (std::size_t i = 0; i < dims->children.size(); ++i) {
      if (auto d = read_dimension(c, dims->children[i], index_path("/dimensions", i)))
        rubric.dimensions.push_back(std::move(*d));
      else
        ok = false;
    }
    if (dims->children.empty()) {
      r.error(*dims, "/dimensions", Msg::no_dimensions);
      ok = false;
    }
  } else {
    ok = false;
  }
  if (ahp_node && rubric.weights == model::WeightMode::nested && dims && dims->is_sequence())
    ok = refuse_weights(r, *dims, "/dimensions") && ok;
  if (!ok) return std::nullopt;
  if (rubric.ahp) {
    std::vector<std::string> dim_ids;
    std::vector<double*> weights;
    for (auto& d : rubric.dimensions) {
      dim_ids.push_back(d.id);
      weights.push_back(&d.weight);
    }
    if (!apply_ahp(r, *ahp_node, "/rubric/ahp", *rubric.ahp, dim_ids, weights)) return std::nullopt;
  }
  // Floors name dimensions and grades that must exist.
  if (const Node* grades = head->find("grades"); grades && grades->find("floors")) {
    const Node& floors = *grades->find("floors");
    std::vector<std::string> dim_ids, grade_ids;
    for (const auto& d : rubric.dimensions) dim_ids.push_back(d.id);
    for (const auto& g : rubric.grades.bands) grade_ids.push_back(g.id);
    for (std::size_t i = 0; i < rubric.grades.floors.size(); ++i) {
      const auto& floor = rubric.grades.floors[i];
      const Node& item = floors.children[i];
      const std::string p = index_path("/rubric/grades/floors", i);
      if (!rubric.find_dimension(floor.dimension)) {
        r.error(*item.find("dimension"), p + "/dimension", Msg::unknown_dimension, {floor.dimension},
                core::closest_match(floor.dimension, dim_ids));
        ok = false;
      }
      if (!rubric.find_grade(floor.max_grade)) {
        r.error(*item.find("max_grade"), p + "/max_grade", Msg::unknown_grade, {floor.max_grade},
                core::closest_match(floor.max_grade, grade_ids));
        ok = false;
      }
    }
  }
  if (!ok) return std::nullopt;
  rubric.index_indicators();
  return rubric;
}

}  // namespace ecoscore::load
